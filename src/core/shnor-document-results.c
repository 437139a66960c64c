/* shnor-document-results.c: assessment results, reference means and what
 * is computed from them (municipal means, shares below the threshold) */
#define G_LOG_DOMAIN "shnor-document"

#include "config.h"
#include <glib/gi18n-lib.h>

#include "shnor-document-private.h"
#include "shnor-error.h"
#include "shnor-sqlite.h"

#define RESULT_COLUMNS "school_id, year, kind, subject, grade, participants, mean, below, high"

static void
bind_result (sqlite3_stmt      *stmt,
             const ShnorResult *r)
{
  sqlite3_bind_int64 (stmt, 1, r->school_id);
  sqlite3_bind_int (stmt, 2, r->year);
  sqlite3_bind_text (stmt, 3, r->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, r->subject, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, r->grade);
  sqlite3_bind_int (stmt, 6, r->participants);
  if (r->has_mean)
    sqlite3_bind_double (stmt, 7, r->mean);
  else
    sqlite3_bind_null (stmt, 7);
  if (r->has_below)
    sqlite3_bind_int (stmt, 8, r->below);
  else
    sqlite3_bind_null (stmt, 8);
  if (r->has_high)
    sqlite3_bind_int (stmt, 9, r->high);
  else
    sqlite3_bind_null (stmt, 9);
}

static void
load_result (sqlite3_stmt *stmt,
             ShnorResult  *r)
{
  r->school_id = sqlite3_column_int64 (stmt, 0);
  r->year = sqlite3_column_int (stmt, 1);
  shnor_result_set_names (r, (const char *) sqlite3_column_text (stmt, 2),
                          (const char *) sqlite3_column_text (stmt, 3));
  r->grade = sqlite3_column_int (stmt, 4);
  r->participants = sqlite3_column_int (stmt, 5);
  r->has_mean = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
  r->mean = sqlite3_column_double (stmt, 6);
  r->has_below = sqlite3_column_type (stmt, 7) != SQLITE_NULL;
  r->below = sqlite3_column_int (stmt, 7);
  r->has_high = sqlite3_column_type (stmt, 8) != SQLITE_NULL;
  r->high = sqlite3_column_int (stmt, 8);
}

/**
 * shnor_document_put_results:
 * @results: (array length=n): valid results (see shnor_result_validate())
 * @label: the undo label
 *
 * Adds or replaces @n results as one edit and one undo step; a result
 * equal to the stored one changes nothing.
 */
gboolean
shnor_document_put_results (ShnorDocument      *self,
                            const ShnorResult  *results,
                            guint               n,
                            const char         *label,
                            GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  if (!shnor_document_begin_edit (self, label, error))
    return FALSE;
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self),
    "INSERT INTO result (" RESULT_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    " ON CONFLICT (school_id, kind, subject, grade, year) DO UPDATE SET"
    " participants = excluded.participants, mean = excluded.mean,"
    " below = excluded.below, high = excluded.high"
    " WHERE participants IS NOT excluded.participants OR mean IS NOT excluded.mean"
    " OR below IS NOT excluded.below OR high IS NOT excluded.high", error);
  if (stmt == NULL)
    {
      shnor_document_cancel_edit (self);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      int rc;

      bind_result (stmt, &results[i]);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          shnor_sqlite_set_error (error, shnor_document_get_db (self), rc, shnor_document_get_path (self));
          shnor_document_cancel_edit (self);
          return FALSE;
        }
    }
  return shnor_document_end_edit (self, error);
}

gboolean
shnor_document_set_result (ShnorDocument      *self,
                           const ShnorResult  *result,
                           GError            **error)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (!shnor_document_check_writable (self, error) || !shnor_result_validate (result, NULL, error))
    return FALSE;
  if (shnor_document_find_school (self, result->school_id) == NULL)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("There is no such school."));
      return FALSE;
    }
  return shnor_document_put_results (self, result, 1, _("Edit results"), error);
}

gboolean
shnor_document_delete_result (ShnorDocument  *self,
                              gint64          school_id,
                              const char     *kind,
                              const char     *subject,
                              int             grade,
                              int             year,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  if (!shnor_document_begin_edit (self, _("Delete results"), error))
    return FALSE;
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self),
                               "DELETE FROM result WHERE school_id = ? AND kind = ? AND subject = ?"
                               " AND grade = ? AND year = ?", error);
  if (stmt == NULL)
    {
      shnor_document_cancel_edit (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, subject, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, grade);
  sqlite3_bind_int (stmt, 5, year);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      shnor_sqlite_set_error (error, shnor_document_get_db (self), rc, shnor_document_get_path (self));
      shnor_document_cancel_edit (self);
      return FALSE;
    }
  return shnor_document_end_edit (self, error);
}

/* All results of a school (or of every school when @school_id is 0),
 * ordered by kind, subject, grade and year. */
GArray *
shnor_document_get_results (ShnorDocument *self,
                            gint64         school_id)
{
  GArray *results = g_array_new (FALSE, TRUE, sizeof (ShnorResult));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), results);

  stmt = shnor_sqlite_prepare (shnor_document_get_db (self),
                               "SELECT " RESULT_COLUMNS " FROM result WHERE ?1 = 0 OR school_id = ?1"
                               " ORDER BY kind, subject, grade, year, school_id", NULL);
  if (stmt == NULL)
    return results;
  sqlite3_bind_int64 (stmt, 1, school_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ShnorResult r = { 0 };

      load_result (stmt, &r);
      g_array_append_val (results, r);
    }
  return results;
}

/* Whether the school has a stored result for this assessment and year. */
gboolean
shnor_document_has_result (ShnorDocument *self,
                           gint64         school_id,
                           const char    *kind,
                           const char    *subject,
                           int            grade,
                           int            year)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  stmt = shnor_sqlite_prepare (shnor_document_get_db (self),
                               "SELECT 1 FROM result WHERE school_id = ? AND kind = ? AND subject = ?"
                               " AND grade = ? AND year = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, subject, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, grade);
  sqlite3_bind_int (stmt, 5, year);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * shnor_document_set_reference_mean:
 * @text: the regional mean as typed; empty removes it
 */
gboolean
shnor_document_set_reference_mean (ShnorDocument  *self,
                                   const char     *kind,
                                   const char     *subject,
                                   int             grade,
                                   int             year,
                                   const char     *text,
                                   GError        **error)
{
  ShnorResult probe = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stripped = NULL;
  double mean = 0;
  gboolean clear;
  int rc;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  clear = stripped[0] == '\0';
  probe.year = year;
  probe.grade = grade;
  probe.participants = 1;
  shnor_result_set_names (&probe, kind, subject);
  if (!clear && !shnor_parse_double (text, &mean))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("“%s” is not a number"), text);
      return FALSE;
    }
  probe.has_mean = !clear;
  probe.mean = mean;
  if (!shnor_result_validate (&probe, NULL, error))
    return FALSE;

  if (!shnor_document_begin_edit (self, _("Edit the regional mean"), error))
    return FALSE;
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self), clear ?
    "DELETE FROM reference_mean WHERE kind = ?1 AND subject = ?2 AND grade = ?3 AND year = ?4" :
    "INSERT INTO reference_mean (kind, subject, grade, year, mean) VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (kind, subject, grade, year) DO UPDATE SET mean = excluded.mean"
    " WHERE mean IS NOT excluded.mean", error);
  if (stmt == NULL)
    {
      shnor_document_cancel_edit (self);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, probe.kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, probe.subject, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, grade);
  sqlite3_bind_int (stmt, 4, year);
  if (!clear)
    sqlite3_bind_double (stmt, 5, mean);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      shnor_sqlite_set_error (error, shnor_document_get_db (self), rc, shnor_document_get_path (self));
      shnor_document_cancel_edit (self);
      return FALSE;
    }
  return shnor_document_end_edit (self, error);
}

/**
 * shnor_document_get_assessment_years:
 *
 * The municipal figures of one assessment, year by year, oldest first: the
 * mean weighted by participants over the schools that have a mean, the
 * share of participants below the threshold, and the regional mean where
 * one was entered. Computed, never stored.
 */
GArray *
shnor_document_get_assessment_years (ShnorDocument *self,
                                     const char    *kind,
                                     const char    *subject,
                                     int            grade)
{
  GArray *years = g_array_new (FALSE, TRUE, sizeof (ShnorAssessmentYear));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), years);

  stmt = shnor_sqlite_prepare (shnor_document_get_db (self),
    "WITH y AS ("
    "  SELECT year FROM result WHERE kind = ?1 AND subject = ?2 AND grade = ?3"
    "  UNION SELECT year FROM reference_mean WHERE kind = ?1 AND subject = ?2 AND grade = ?3)"
    " SELECT y.year,"
    "  (SELECT count(*) FROM result r WHERE r.kind = ?1 AND r.subject = ?2 AND r.grade = ?3 AND r.year = y.year),"
    "  (SELECT total(participants) FROM result r WHERE r.kind = ?1 AND r.subject = ?2 AND r.grade = ?3 AND r.year = y.year),"
    "  (SELECT total(mean * participants) / nullif(total(participants), 0) FROM result r"
    "     WHERE r.kind = ?1 AND r.subject = ?2 AND r.grade = ?3 AND r.year = y.year AND mean IS NOT NULL),"
    "  (SELECT 100.0 * total(below) / nullif(total(participants), 0) FROM result r"
    "     WHERE r.kind = ?1 AND r.subject = ?2 AND r.grade = ?3 AND r.year = y.year AND below IS NOT NULL),"
    "  (SELECT mean FROM reference_mean m WHERE m.kind = ?1 AND m.subject = ?2 AND m.grade = ?3 AND m.year = y.year)"
    " FROM y ORDER BY y.year", NULL);
  if (stmt == NULL)
    return years;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, subject, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, grade);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ShnorAssessmentYear y = { 0 };

      y.year = sqlite3_column_int (stmt, 0);
      y.schools = sqlite3_column_int (stmt, 1);
      y.participants = (int) sqlite3_column_double (stmt, 2);
      y.has_mean = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      y.mean = sqlite3_column_double (stmt, 3);
      y.has_share_below = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      y.share_below = sqlite3_column_double (stmt, 4);
      y.has_regional = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
      y.regional = sqlite3_column_double (stmt, 5);
      g_array_append_val (years, y);
    }
  return years;
}

/* The assessments (kind, subject, grade) that have results, as
 * "kind\tsubject\tgrade" strings, sorted. */
GStrv
shnor_document_list_assessments (ShnorDocument *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), NULL);

  stmt = shnor_sqlite_prepare (shnor_document_get_db (self),
                               "SELECT DISTINCT kind, subject, grade FROM result"
                               " ORDER BY kind, subject, grade", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *key = g_strdup_printf ("%s\t%s\t%d", sqlite3_column_text (stmt, 0),
                                              sqlite3_column_text (stmt, 1), sqlite3_column_int (stmt, 2));
      g_strv_builder_add (builder, key);
    }
  return g_strv_builder_end (builder);
}
