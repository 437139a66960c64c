/* shnor-document-order.c: the texts of the order (приказ) that approves a
 * programme, its road map and the lists of schools. Each text has a
 * default made from the programme, its appendix plan and the settings, in
 * Russian whatever the interface's language (it is the document's text);
 * what the user edits is stored with the programme (and copied into its
 * amendments) and may be edited until the programme is archived. */
#define G_LOG_DOMAIN "shnor-document"

#include "config.h"
#include <string.h>
#include <glib/gi18n-lib.h>

#include "shnor-appendix-plan.h"
#include "shnor-document-private.h"
#include "shnor-error.h"
#include "shnor-russian.h"
#include "shnor-sqlite.h"

static const ShnorField order_fields[] = {
  { "place",     SHNOR_FIELD_TEXT, N_("Place"), 0, 0, FALSE, NULL },
  { "title",     SHNOR_FIELD_LONG_TEXT, N_("Title of the order"), 0, 0, TRUE, NULL },
  { "preamble",  SHNOR_FIELD_LONG_TEXT, N_("Preamble"), 0, 0, FALSE, NULL },
  { "points",    SHNOR_FIELD_LONG_TEXT, N_("Points (one a line)"), 0, 0, TRUE, NULL },
  { "position",  SHNOR_FIELD_TEXT, N_("Position of the signatory"), 0, 0, FALSE, NULL },
  { "signatory", SHNOR_FIELD_TEXT, N_("Signatory"), 0, 0, FALSE, NULL },
};

const ShnorField *
shnor_order_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (order_fields);
  return order_fields;
}

static char *
setting (ShnorDocument *self,
         const char    *key)
{
  char *value = shnor_document_dup_setting (self, key);

  return value ? value : g_strdup ("");
}

/* Acts that are cited with a small letter in a sentence («в
 * соответствии с постановлением Правительства …»); laws, decrees and
 * programmes keep their capital */
static const char * const lower_acts[] = {
  "постановление", "распоряжение", "приказ", "письмо", "решение", "положение", "методические", NULL,
};

/* «Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании …»»: the
 * act in the instrumental case (as «в соответствии с» governs), its date
 * and number before its quoted name */
static char *
cite_act (const char *title,
          const char *date,
          const char *number)
{
  g_autofree char *declined = shnor_russian_decline_phrase (title, SHNOR_CASE_INSTRUMENTAL, FALSE);
  g_autofree char *first = g_utf8_strdown (title, -1);
  g_autoptr(GString) requisites = g_string_new (NULL);
  const char *quote;
  char *space;
  GString *out;

  space = strchr (first, ' ');
  if (space != NULL)
    *space = '\0';
  if (g_strv_contains (lower_acts, first))
    {
      char *lower = shnor_russian_lower_first (declined);

      g_free (declined);
      declined = lower;
    }
  if (date && date[0])
    g_string_append_printf (requisites, " от %s", date);
  if (number && number[0])
    g_string_append_printf (requisites, " № %s", number);
  quote = strstr (declined, " «");
  out = g_string_new (NULL);
  if (quote != NULL)
    {
      g_string_append_len (out, declined, quote - declined);
      g_string_append (out, requisites->str);
      g_string_append (out, quote);
    }
  else
    g_string_append_printf (out, "%s%s", declined, requisites->str);
  return g_string_free (out, FALSE);
}

static char *
default_preamble (ShnorDocument *self,
                  gint64         id)
{
  g_autoptr(GArray) acts = shnor_document_get_part (self, id, SHNOR_PART_ACT);
  g_autoptr(GString) text = g_string_new ("В целях повышения качества образования в общеобразовательных организациях "
                                          "с низкими образовательными результатами и в общеобразовательных "
                                          "организациях, функционирующих в неблагоприятных социальных условиях");
  guint n_fields;
  const ShnorField *fields = shnor_part_fields (SHNOR_PART_ACT, &n_fields);
  int title = (int) (shnor_field_find (fields, n_fields, "title") - fields);
  int date = (int) (shnor_field_find (fields, n_fields, "date") - fields);
  int number = (int) (shnor_field_find (fields, n_fields, "number") - fields);
  guint cited_acts = 0;

  for (guint i = 0; i < acts->len; i++)
    {
      const ShnorPartRow *act = &g_array_index (acts, ShnorPartRow, i);
      g_autofree char *cited = NULL;

      if (!act->texts[title][0])
        continue;
      cited = cite_act (act->texts[title], act->texts[date], act->texts[number]);
      g_string_append_printf (text, "%s%s", cited_acts++ == 0 ? ", в соответствии с " : ", ", cited);
    }
  g_string_append_c (text, ',');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* «Утвердить … (приложение № 1).» for each appendix, what the schools
 * do, and who controls it */
static char *
default_points (ShnorDocument *self,
                gint64         id)
{
  g_autoptr(ShnorAppendixPlan) plan = shnor_appendix_plan_new_programme (self, id, NULL);
  g_autoptr(GString) points = g_string_new (NULL);
  g_autofree char *control = shnor_document_dup_setting_form (self, "control_accusative");

  for (guint i = 0; plan != NULL && i < plan->appendices->len; i++)
    {
      ShnorAppendix *appendix = plan->appendices->pdata[i];
      g_autofree char *mark = appendix->number > 0 ? g_strdup_printf ("приложение № %d", appendix->number)
                                                   : g_strdup ("приложение");

      g_string_append_printf (points, "Утвердить %s (%s).\n", appendix->approves, mark);
    }
  if (plan != NULL && shnor_appendix_plan_find (plan, SHNOR_APPENDIX_ROADMAP) != NULL &&
      shnor_appendix_plan_find (plan, SHNOR_APPENDIX_SCHOOLS) != NULL)
    g_string_append (points, "Руководителям общеобразовательных организаций — участников программы обеспечить "
                             "выполнение мероприятий дорожной карты в установленные сроки.\n");
  if (control != NULL && control[0])
    g_string_append_printf (points, "Контроль за исполнением настоящего приказа возложить на %s%s", control,
                            g_str_has_suffix (control, ".") ? "" : ".");
  else
    g_string_append (points, "Контроль за исполнением настоящего приказа оставляю за собой.");
  return g_string_free (g_steal_pointer (&points), FALSE);
}

/* «И. В. Соколова»: who signed the approval, else the head */
static char *
default_signatory (ShnorDocument *self,
                   gint64         id)
{
  g_autofree char *signed_by = shnor_document_dup_programme_text (self, id, "signatory");
  g_autofree char *head = setting (self, "head_name");

  return shnor_russian_short_name (signed_by && g_strstrip (signed_by)[0] ? signed_by : g_strstrip (head), TRUE);
}

/* The text of @key when the user has not written one */
static char *
default_text (ShnorDocument *self,
              gint64         id,
              const char    *key)
{
  if (g_str_equal (key, "place"))
    return g_strstrip (setting (self, "place"));
  if (g_str_equal (key, "title"))
    {
      g_autoptr(ShnorProgramme) programme = shnor_document_dup_programme (self, id);
      g_autofree char *genitive = shnor_doc_title_case (programme ? shnor_programme_get_title (programme) : "",
                                                        SHNOR_CASE_GENITIVE);

      return g_strdup_printf ("Об утверждении %s", genitive);
    }
  if (g_str_equal (key, "preamble"))
    return default_preamble (self, id);
  if (g_str_equal (key, "points"))
    return default_points (self, id);
  if (g_str_equal (key, "position"))
    return g_strstrip (setting (self, "head_position"));
  if (g_str_equal (key, "signatory"))
    return default_signatory (self, id);
  return g_strdup ("");
}

/**
 * shnor_document_dup_order_text:
 * @key: a column of shnor_order_fields()
 *
 * Returns: (transfer full): the text as the user wrote it, or its default.
 */
char *
shnor_document_dup_order_text (ShnorDocument *self,
                               gint64         id,
                               const char    *key)
{
  sqlite3_stmt *stmt;
  char *text = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), NULL);
  stmt = shnor_document_statement (self, "SELECT text FROM programme_order WHERE programme_id = ? AND key = ?");
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
      if (shnor_document_next_row (self, stmt))
        text = g_strdup (shnor_sqlite_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return text ? text : default_text (self, id, key);
}

/* Stores a text of the order; its default again when @text is "" (or the
 * default itself). One undo step. */
gboolean
shnor_document_set_order_text (ShnorDocument  *self,
                               gint64          id,
                               const char     *key,
                               const char     *text,
                               GError        **error)
{
  const ShnorField *field = shnor_field_find (order_fields, G_N_ELEMENTS (order_fields), key);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *fallback = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean reset;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  if (!shnor_document_check_programme (self, id, FALSE, error))
    return FALSE;
  fallback = default_text (self, id, key);
  {
    g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

    reset = stripped[0] == '\0' || g_str_equal (stripped, fallback);
  }
  if (!reset && !shnor_field_parse (field, text, &value, error))
    return FALSE;
  stmt = shnor_document_begin_with (self, _("Edit the order"),
                                    reset ? "DELETE FROM programme_order WHERE programme_id = ?1 AND key = ?2"
                                          : "INSERT INTO programme_order (programme_id, key, text) VALUES (?1, ?2, ?3)"
                                            " ON CONFLICT (programme_id, key) DO UPDATE SET text = excluded.text"
                                            " WHERE text IS NOT excluded.text", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  if (!reset)
    sqlite3_bind_text (stmt, 3, g_value_get_string (&value), -1, SQLITE_TRANSIENT);
  return shnor_document_finish_edit (self, stmt, error);
}
