/* shnor-appendix-network.c: «Перечень сетевых пар школ», the appendix of a
 * programme's order (and the sheet of its workbook) that lists the network
 * pairs the programme organises: the partnerships bound to it. Those are
 * read-only once it is approved, so the appendix of a signed order stays
 * what was signed. Document text: Russian by construction. */
#define G_LOG_DOMAIN "shnor-appendix-plan"

#include "config.h"
#include <string.h>

#include "shnor-appendix-private.h"
#include "shnor-document-network.h"

/* The partner's role as the order words it */
static const char *
role_words (ShnorPartnerRole role)
{
  static const char * const words[SHNOR_N_PARTNER_ROLES] = {
    "школа-наставник", "школа-консультант", "стажировочная площадка", "партнёр",
  };

  return (guint) role < SHNOR_N_PARTNER_ROLES ? words[role] : "";
}

/* The full name of a school, or the name of an organisation */
static char *
full_name (ShnorDocument *document,
           gint64         school_id,
           const char    *fallback)
{
  ShnorSchool *school = school_id ? shnor_document_find_school (document, school_id) : NULL;

  return g_strdup (school ? shnor_school_get_full_name (school) : fallback);
}

/* "№ СП-1 от 02.09.2025", "от 02.09.2025", "№ СП-1" or "" */
static char *
agreement (const char *number,
           const char *date)
{
  if (number[0] && date[0])
    return g_strdup_printf ("№ %s от %s", number, date);
  if (number[0])
    return g_strdup_printf ("№ %s", number);
  return date[0] ? g_strdup_printf ("от %s", date) : g_strdup ("");
}

/* "с 01.09.2025 по 31.05.2027", "с 01.09.2025", "по 31.05.2027" or "" */
static char *
period (const char *start,
        const char *end)
{
  if (start[0] && end[0])
    return g_strdup_printf ("с %s по %s", start, end);
  if (start[0])
    return g_strdup_printf ("с %s", start);
  return end[0] ? g_strdup_printf ("по %s", end) : g_strdup ("");
}

/**
 * shnor_appendix_network:
 *
 * Returns: (transfer full): the appendix of the network pairs of the
 * programme @id; empty (and so left out of the plan) when it has none.
 */
ShnorAppendix *
shnor_appendix_network (ShnorDocument *document,
                        gint64         id)
{
  ShnorAppendix *appendix = shnor_appendix_new (SHNOR_APPENDIX_NETWORK, "Перечень сетевых пар школ",
                                                "перечень сетевых пар школ");
  ShnorDocTable *table = shnor_doc_table_new (NULL, "Сетевые пары");
  g_autoptr(GArray) all = shnor_document_get_partnerships (document, 0);
  guint n_fields, number = 0;
  const ShnorField *fields = shnor_partnership_fields (&n_fields);
  int subjects = shnor_fields_index (fields, n_fields, "subjects");
  int direction = shnor_fields_index (fields, n_fields, "direction");
  int agreement_number = shnor_fields_index (fields, n_fields, "agreement_number");
  int agreement_date = shnor_fields_index (fields, n_fields, "agreement_date");
  int start = shnor_fields_index (fields, n_fields, "start_date");
  int end = shnor_fields_index (fields, n_fields, "end_date");

  shnor_doc_table_add_column (table, "№\u00a0п/п", 6, SHNOR_DOC_INTEGER, FALSE);
  shnor_doc_table_add_column (table, "Общеобразовательная организация, получающая поддержку", 34, SHNOR_DOC_TEXT,
                              FALSE);
  shnor_doc_table_add_column (table, "Партнёр", 34, SHNOR_DOC_TEXT, FALSE);
  shnor_doc_table_add_column (table, "Роль партнёра", 16, SHNOR_DOC_TEXT, FALSE);
  shnor_doc_table_add_column (table, "Предметы, направление работы", 26, SHNOR_DOC_TEXT, TRUE);
  shnor_doc_table_add_column (table, "Соглашение", 16, SHNOR_DOC_TEXT, TRUE);
  shnor_doc_table_add_column (table, "Срок", 18, SHNOR_DOC_TEXT, TRUE);
  table->landscape = TRUE;
  for (guint i = 0; i < all->len; i++)
    {
      const ShnorPartnership *p = &g_array_index (all, ShnorPartnership, i);
      g_autofree char *school = NULL;
      g_autofree char *partner = NULL;
      g_autofree char *what = NULL;
      g_autofree char *signed_as = NULL;
      g_autofree char *when = NULL;
      ShnorDocRow *row;

      if (p->programme_id != id)
        continue;
      school = full_name (document, p->school_id, p->school_name);
      partner = full_name (document, p->partner_school_id, p->partner_name);
      what = p->texts[subjects][0] && p->texts[direction][0]
             ? g_strdup_printf ("%s; %s", p->texts[subjects], p->texts[direction])
             : g_strdup (p->texts[subjects][0] ? p->texts[subjects] : p->texts[direction]);
      signed_as = agreement (p->texts[agreement_number], p->texts[agreement_date]);
      when = period (p->texts[start], p->texts[end]);
      row = shnor_doc_table_add_row (table);
      shnor_doc_row_add_integer (row, ++number);
      shnor_doc_row_add_text (row, school);
      shnor_doc_row_add_text (row, partner);
      shnor_doc_row_add_text (row, role_words (p->role));
      shnor_doc_row_add_text (row, what);
      shnor_doc_row_add_text (row, signed_as);
      shnor_doc_row_add_text (row, when);
    }
  shnor_appendix_add_table (appendix, table);
  return appendix;
}
