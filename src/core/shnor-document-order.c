/* shnor-document-order.c: the texts of the order (приказ) that approves a
 * programme, its road map and the lists of schools. Each text has a
 * default made from the programme and the settings; what the user edits
 * is stored with the programme (and copied into its amendments) and may
 * be edited until the programme is archived. */
#define G_LOG_DOMAIN "shnor-document"

#include "config.h"
#include <glib/gi18n-lib.h>

#include "shnor-document-private.h"
#include "shnor-error.h"
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

/* The text of @key when the user has not written one */
static char *
default_text (ShnorDocument *self,
              gint64         id,
              const char    *key)
{
  g_autofree char *title = shnor_document_dup_programme_text (self, id, "title");

  if (g_str_equal (key, "place"))
    {
      g_autofree char *municipality = setting (self, "municipality");

      return g_steal_pointer (&municipality);
    }
  if (g_str_equal (key, "title"))
    return g_strdup_printf (_("On the approval of the programme “%s”"), title);
  if (g_str_equal (key, "preamble"))
    {
      g_autofree char *basis = shnor_document_dup_programme_text (self, id, "basis");

      return basis[0] ? g_strdup_printf (_("To raise the quality of education in the schools with low results and "
                                           "in those working in unfavourable social conditions, in accordance with "
                                           "%s,"), basis)
                      : g_strdup (_("To raise the quality of education in the schools with low results and in those "
                                    "working in unfavourable social conditions,"));
    }
  if (g_str_equal (key, "points"))
    {
      g_autofree char *executor = shnor_document_dup_programme_text (self, id, "executor");
      g_autofree char *control = executor[0] ? g_strdup_printf (_("Entrust the control of this order to %s."),
                                                                executor)
                                             : g_strdup (_("Keep the control of this order."));

      return g_strdup_printf ("%s\n%s\n%s\n%s", _("Approve the programme (appendix 1)."),
                              _("Approve the road map of the programme (appendix 2)."),
                              _("Approve the lists of the schools the programme supports (appendix 3)."), control);
    }
  if (g_str_equal (key, "position"))
    return setting (self, "head_position");
  if (g_str_equal (key, "signatory"))
    return setting (self, "head_name");
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
