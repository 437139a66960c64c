/* shnor-document-schools.c: edits of the school registry and of the
 * schools' yearly context data */
#define G_LOG_DOMAIN "shnor-document"

#include "config.h"
#include <glib/gi18n-lib.h>

#include "shnor-document-private.h"
#include "shnor-error.h"
#include "shnor-sqlite.h"

/* Begins an edit and prepares its statement; NULL (edit cancelled) on
 * error. */
sqlite3_stmt *
shnor_document_begin_with (ShnorDocument  *self,
            const char     *label,
            const char     *sql,
            GError        **error)
{
  sqlite3_stmt *stmt;

  if (!shnor_document_begin_edit (self, label, error))
    return NULL;
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self), sql, error);
  if (stmt == NULL)
    shnor_document_cancel_edit (self);
  return stmt;
}

/* Sets @column of the row @where selects (?2 is @id, ?3 is @year) as one
 * edit. "IS NOT": an edit that changes nothing leaves no undo step. */
gboolean
shnor_document_update_value (ShnorDocument  *self,
              const char     *label,
              const char     *table,
              const char     *where,
              const char     *column,
              const GValue   *value,
              gint64          id,
              int             year,
              GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE %s AND %s IS NOT ?1",
                                          table, column, where, column);
  g_autoptr(sqlite3_stmt) stmt = shnor_document_begin_with (self, label, sql, error);

  if (stmt == NULL)
    return FALSE;
  shnor_sqlite_bind_value (stmt, 1, value);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int (stmt, 3, year);
  return shnor_document_finish_edit (self, stmt, error);
}

/* Steps @stmt of an edit begun by the caller; on failure sets @error
 * (the edit stays open for the caller to cancel). */
gboolean
shnor_document_step (ShnorDocument  *self,
                     sqlite3_stmt   *stmt,
                     GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  shnor_sqlite_set_error (error, shnor_document_get_db (self), rc, shnor_document_get_path (self));
  return FALSE;
}

/* Steps @stmt, the INSERT that ends an edit begun by the caller, and
 * commits. Returns: the new row's id; 0 (edit cancelled) on error. */
gint64
shnor_document_finish_insert (ShnorDocument  *self,
                              sqlite3_stmt   *stmt,
                              GError        **error)
{
  gint64 id;

  if (!shnor_document_step (self, stmt, error))
    {
      shnor_document_cancel_edit (self);
      return 0;
    }
  id = sqlite3_last_insert_rowid (shnor_document_get_db (self));
  return shnor_document_end_edit (self, error) ? id : 0;
}

/* Finds the row of @id with @sql (a literal: "SELECT x FROM t WHERE id =
 * ?"), asking the file, not a list model: inside a grouped edit the models
 * catch up only when the group commits. @column: where the first column
 * goes, or NULL. Sets @error to @missing when there is no such row. */
gboolean
shnor_document_find_row (ShnorDocument  *self,
                         const char     *sql,
                         gint64          id,
                         gint64         *column,
                         const char     *missing,
                         GError        **error)
{
  sqlite3_stmt *stmt = shnor_document_statement (self, sql);
  gboolean found = FALSE;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (shnor_document_next_row (self, stmt))
        {
          found = TRUE;
          if (column != NULL)
            *column = sqlite3_column_int64 (stmt, 0);
        }
      sqlite3_reset (stmt);
    }
  if (!found)
    g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, missing);
  return found;
}

static gboolean
school_exists (ShnorDocument  *self,
               gint64          id,
               GError        **error)
{
  return shnor_document_find_row (self, "SELECT 1 FROM school WHERE id = ?", id, NULL,
                                  _("There is no such school."), error);
}

static gboolean
code_taken (ShnorDocument *self,
            gint64         id,
            const char    *code)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (code[0] == '\0')
    return FALSE;
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self),
                               "SELECT 1 FROM school WHERE code = ? AND id <> ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  return shnor_document_next_row (self, stmt);
}

gint64
shnor_document_add_school (ShnorDocument  *self,
                           const char     *full_name,
                           GError        **error)
{
  const ShnorField *field = shnor_school_field ("full_name");
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);

  if (!shnor_field_parse (field, full_name, &value, error))
    return 0;
  stmt = shnor_document_begin_with (self, _("Add school"), "INSERT INTO school (full_name) VALUES (?)", error);
  if (stmt == NULL)
    return 0;
  shnor_sqlite_bind_value (stmt, 1, &value);
  return shnor_document_finish_insert (self, stmt, error);
}

gboolean
shnor_document_delete_school (ShnorDocument  *self,
                              gint64          id,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  if (!shnor_document_check_writable (self, error) || !school_exists (self, id, error))
    return FALSE;
  stmt = shnor_document_begin_with (self, _("Delete school"), "DELETE FROM school WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return shnor_document_finish_edit (self, stmt, error);
}

/**
 * shnor_document_set_school_field:
 * @column: a column of shnor_school_fields()
 * @text: what the user typed; "1"/"0" for flags
 *
 * Validates and stores one field. On error nothing changes.
 */
gboolean
shnor_document_set_school_field (ShnorDocument  *self,
                                 gint64          id,
                                 const char     *column,
                                 const char     *text,
                                 GError        **error)
{
  const ShnorField *field;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  field = shnor_school_field (column);
  g_return_val_if_fail (field != NULL, FALSE);

  if (!shnor_document_check_writable (self, error) ||
      !school_exists (self, id, error) ||
      !shnor_field_parse (field, text, &value, error))
    return FALSE;

  if (g_str_equal (column, "code") && code_taken (self, id, g_value_get_string (&value)))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("The code “%s” is already used by another school"),
                   g_value_get_string (&value));
      return FALSE;
    }

  return shnor_document_update_value (self, _("Edit school"), "school", "id = ?2", field->column, &value, id, 0, error);
}

/* ---- context data ---------------------------------------------------- */

GArray *
shnor_document_get_context (ShnorDocument *self,
                            gint64         school_id)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (ShnorContextRow));
  guint n_fields;
  const ShnorField *fields = shnor_context_fields (&n_fields);
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), rows);

  if (shnor_document_get_db (self) == NULL)
    return rows;
  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (sql, ", %s", fields[i].column);
  g_string_append (sql, " FROM school_context WHERE school_id = ? ORDER BY year");

  stmt = shnor_sqlite_prepare (shnor_document_get_db (self), sql->str, NULL);
  if (stmt == NULL)
    return rows;
  sqlite3_bind_int64 (stmt, 1, school_id);
  while (shnor_document_next_row (self, stmt))
    {
      ShnorContextRow row = { 0 };

      row.id = sqlite3_column_int64 (stmt, 0);
      row.year = sqlite3_column_int (stmt, 1);
      for (guint i = 0; i < SHNOR_CONTEXT_N_VALUES; i++)
        {
          row.known[i] = sqlite3_column_type (stmt, (int) i + 2) != SQLITE_NULL;
          row.value[i] = sqlite3_column_double (stmt, (int) i + 2);
        }
      g_array_append_val (rows, row);
    }
  return rows;
}

/* Refuses a year no row of yearly data may have (the context table's
 * range). */
gboolean
shnor_document_check_year (int       year,
                           GError  **error)
{
  const ShnorField *field = shnor_context_field ("year");

  if (year < field->min || year > field->max)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("The year %d is not possible: it must be from %d to %d"),
                   year, (int) field->min, (int) field->max);
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_context_year (ShnorDocument *self,
                  gint64         school_id,
                  int            year)
{
  g_autoptr(sqlite3_stmt) stmt =
    shnor_sqlite_prepare (shnor_document_get_db (self),
                          "SELECT 1 FROM school_context WHERE school_id = ? AND year = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_int (stmt, 2, year);
  return shnor_document_next_row (self, stmt);
}

gboolean
shnor_document_add_context_year (ShnorDocument  *self,
                                 gint64          school_id,
                                 int             year,
                                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  if (!shnor_document_check_writable (self, error) ||
      !school_exists (self, school_id, error) ||
      !shnor_document_check_year (year, error))
    return FALSE;
  if (has_context_year (self, school_id, year))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("The school already has context data for %d"), year);
      return FALSE;
    }
  stmt = shnor_document_begin_with (self, _("Add a year of context data"),
                     "INSERT INTO school_context (school_id, year) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_int (stmt, 2, year);
  return shnor_document_finish_edit (self, stmt, error);
}

gboolean
shnor_document_delete_context_year (ShnorDocument  *self,
                                    gint64          school_id,
                                    int             year,
                                    GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  if (!has_context_year (self, school_id, year))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("The school has no context data for %d"), year);
      return FALSE;
    }
  stmt = shnor_document_begin_with (self, _("Delete a year of context data"),
                     "DELETE FROM school_context WHERE school_id = ? AND year = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_int (stmt, 2, year);
  return shnor_document_finish_edit (self, stmt, error);
}

/**
 * shnor_document_set_context_field:
 * @column: a column of shnor_context_fields(), "year" included
 *
 * Sets one value of the school's row for @year; an empty text stores "not
 * known". Changing the year moves the row.
 */
gboolean
shnor_document_set_context_field (ShnorDocument  *self,
                                  gint64          school_id,
                                  int             year,
                                  const char     *column,
                                  const char     *text,
                                  GError        **error)
{
  const ShnorField *field;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  field = shnor_context_field (column);
  g_return_val_if_fail (field != NULL, FALSE);

  if (!shnor_document_check_writable (self, error) ||
      !shnor_field_parse (field, text, &value, error))
    return FALSE;
  if (!has_context_year (self, school_id, year))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("The school has no context data for %d"), year);
      return FALSE;
    }
  if (g_str_equal (column, "year"))
    {
      int to = (int) g_value_get_int64 (&value);

      if (to == year)
        return TRUE;
      if (has_context_year (self, school_id, to))
        {
          g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                       _("The school already has context data for %d"), to);
          return FALSE;
        }
    }

  return shnor_document_update_value (self, _("Edit context data"), "school_context", "school_id = ?2 AND year = ?3",
                       field->column, &value, school_id, year, error);
}
