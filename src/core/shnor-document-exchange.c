/* shnor-document-exchange.c: what the exchange with the schools and the
 * region needs of the file: the forms accepted back, and the rows of the
 * tables a publication sends, read in one pass each. */
#define G_LOG_DOMAIN "shnor-document"

#include "config.h"
#include <glib/gi18n-lib.h>

#include "shnor-document-private.h"
#include "shnor-error.h"
#include "shnor-sqlite.h"

/* ---- the file's identity ------------------------------------------------ */

/**
 * shnor_document_dup_exchange_identity:
 * @uid: (out): the file's own identity (a copy of the file keeps it)
 * @key: (out): the key that signs the forms the file sends
 *
 * Returns: FALSE when the file has none (it cannot be, after its format's
 * migration)
 */
gboolean
shnor_document_dup_exchange_identity (ShnorDocument  *self,
                                      char          **uid,
                                      char          **key)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  *uid = NULL;
  *key = NULL;
  stmt = shnor_document_statement (self, "SELECT uid, key FROM exchange_identity WHERE id = 1");
  if (shnor_document_next_row (self, stmt))
    {
      *uid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      found = *uid != NULL && *key != NULL;
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  if (!found)
    {
      g_clear_pointer (uid, g_free);
      g_clear_pointer (key, g_free);
    }
  return found;
}

/* ---- forms accepted back ----------------------------------------------- */

/**
 * shnor_document_find_accepted_form:
 * @accepted: (out) (optional): when it was accepted, ISO
 *
 * Returns: whether the form @form_uid was accepted with these very values
 * (@digest) before.
 */
gboolean
shnor_document_find_accepted_form (ShnorDocument  *self,
                                   const char     *form_uid,
                                   const char     *digest,
                                   char          **accepted)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  stmt = shnor_document_statement (self, "SELECT accepted FROM form_acceptance WHERE form_uid = ? AND digest = ?");
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, form_uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, digest, -1, SQLITE_TRANSIENT);
  if (shnor_document_next_row (self, stmt))
    {
      found = TRUE;
      if (accepted != NULL)
        *accepted = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);
  return found;
}

/**
 * shnor_document_dup_latest_form:
 *
 * Returns: (nullable): when the newest form of @school_id for @year that
 * was accepted had been issued (ISO), or %NULL when none was accepted.
 */
char *
shnor_document_dup_latest_form (ShnorDocument *self,
                                gint64         school_id,
                                int            year)
{
  sqlite3_stmt *stmt;
  char *issued = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), NULL);
  stmt = shnor_document_statement (self, "SELECT max (issued) FROM form_acceptance WHERE school_id = ? AND year = ?");
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_int (stmt, 2, year);
  if (shnor_document_next_row (self, stmt) && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    issued = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return issued;
}

/**
 * shnor_document_record_accepted_form:
 *
 * Records that the form @form_uid of @school_id was accepted with the
 * values @digest, as a part of the edit that applies it (one undo step:
 * undoing the acceptance forgets it too).
 */
gboolean
shnor_document_record_accepted_form (ShnorDocument  *self,
                                     const char     *form_uid,
                                     gint64          school_id,
                                     int             year,
                                     const char     *issued,
                                     const char     *digest,
                                     GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *accepted = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  stmt = shnor_document_begin_with (self, _("Accept a form"),
                                    "INSERT OR IGNORE INTO form_acceptance (form_uid, school_id, year, issued, digest,"
                                    " accepted) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, form_uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, school_id);
  sqlite3_bind_int (stmt, 3, year);
  sqlite3_bind_text (stmt, 4, issued, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, digest, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, accepted, -1, SQLITE_TRANSIENT);
  return shnor_document_finish_edit (self, stmt, error);
}

/* ---- rows for a publication -------------------------------------------- */

/* The columns of each set, in the order the region's tables take them
 * (shnor-region.c); built only from these constants. */
static const char * const export_queries[SHNOR_N_EXPORTS] = {
  [SHNOR_EXPORT_SCHOOLS] =
    "SELECT id, full_name, short_name, code, legal_form, settlement, area_type, hard_to_reach, mentor,"
    " internship, growth_point, director, address, phone, email FROM school ORDER BY id",
  [SHNOR_EXPORT_CONTEXT] =
    "SELECT school_id, year, pupils, teachers, share_low_income, share_low_education, share_non_native,"
    " share_disabilities, share_registered, distance_km FROM school_context ORDER BY school_id, year",
  [SHNOR_EXPORT_ASSESSMENTS] =
    "SELECT id, kind, subject, grade FROM assessment ORDER BY id",
  [SHNOR_EXPORT_RESULTS] =
    "SELECT school_id, assessment_id, year, participants, mean, below, high FROM result",
  [SHNOR_EXPORT_REFERENCE_MEANS] =
    "SELECT kind, subject, grade, year, mean FROM reference_mean ORDER BY kind, subject, grade, year",
  [SHNOR_EXPORT_RISKS] =
    "SELECT r.school_id, f.name, r.year, r.level, r.note FROM risk_level r"
    " JOIN risk_factor f ON f.id = r.factor_id ORDER BY r.school_id, r.year, f.position",
  [SHNOR_EXPORT_INDICATOR_VALUES] =
    "SELECT v.school_id, i.name, v.year, v.value FROM indicator_value v"
    " JOIN indicator i ON i.id = v.indicator_id ORDER BY v.school_id, i.name, v.year",
  [SHNOR_EXPORT_PROGRAMMES] =
    "SELECT id, coalesce (origin_id, id), version, level, status, title, first_year, last_year, goal,"
    " order_number, order_date FROM programme ORDER BY id",
  [SHNOR_EXPORT_PROGRAMME_SCHOOLS] =
    "SELECT programme_id, school_id FROM programme_school ORDER BY programme_id, school_id",
  [SHNOR_EXPORT_MEASURE_SCHOOLS] =
    "SELECT measure_id, school_id FROM measure_school ORDER BY measure_id, school_id",
};

/**
 * shnor_document_export_rows:
 * @func: called for every row, with its cells as text (%NULL for an SQL
 *   NULL: not known); returning %FALSE stops with its error
 *
 * Reads the rows of @set, each once, as the file stores them.
 */
gboolean
shnor_document_export_rows (ShnorDocument  *self,
                            ShnorExportSet  set,
                            ShnorRowFunc    func,
                            gpointer        user_data,
                            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *cells[32];
  int rc, n;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail ((guint) set < SHNOR_N_EXPORTS, FALSE);

  stmt = shnor_sqlite_prepare (shnor_document_get_db (self), export_queries[set], error);
  if (stmt == NULL)
    return FALSE;
  n = MIN (sqlite3_column_count (stmt), (int) G_N_ELEMENTS (cells));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < n; i++)
        cells[i] = (const char *) sqlite3_column_text (stmt, i);
      if (!func (cells, (guint) n, user_data, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      shnor_sqlite_set_error (error, shnor_document_get_db (self), rc, shnor_document_get_path (self));
      return FALSE;
    }
  return TRUE;
}
