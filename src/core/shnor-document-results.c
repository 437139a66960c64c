/* shnor-document-results.c: assessment results, reference means and what
 * is computed from them (municipal means, shares below the threshold) */
#define G_LOG_DOMAIN "shnor-document"

#include "config.h"
#include <math.h>
#include <glib/gi18n-lib.h>

#include "shnor-document-private.h"
#include "shnor-error.h"
#include "shnor-sqlite.h"

#define RESULT_COLUMNS "school_id, year, kind, subject, grade, participants, mean, below, high"
#define BULK_ROWS 50000

/* Binds an assessment's kind, subject and grade to parameters @first,
 * @first + 1 and @first + 2. */
static void
bind_assessment (sqlite3_stmt *stmt,
                 int           first,
                 const char   *kind,
                 const char   *subject,
                 int           grade)
{
  sqlite3_bind_text (stmt, first, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 1, subject, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, first + 2, grade);
}

static void
bind_result (sqlite3_stmt      *stmt,
             const ShnorResult *r)
{
  sqlite3_bind_int64 (stmt, 1, r->school_id);
  sqlite3_bind_int (stmt, 2, r->year);
  bind_assessment (stmt, 3, r->kind, r->subject, r->grade);
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

static gboolean
step_each (ShnorDocument      *self,
           sqlite3_stmt       *stmt,
           const ShnorResult  *results,
           guint               n,
           const gboolean     *stored,
           gboolean            want_stored,
           GError            **error)
{
  for (guint i = 0; i < n; i++)
    {
      int rc;

      if (stored[i] != want_stored)
        continue;
      bind_result (stmt, &results[i]);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          shnor_sqlite_set_error (error, shnor_document_get_db (self), rc, shnor_document_get_path (self));
          return FALSE;
        }
    }
  return TRUE;
}

static gint64
max_result_rowid (ShnorDocument *self)
{
  sqlite3_stmt *stmt = shnor_document_statement (self, "SELECT ifnull(max(rowid), 0) FROM result");
  gint64 max = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    max = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return max;
}

/* New rows are inserted with the row-by-row undo log paused and one undo
 * statement is logged for all of them: an import of a region's results
 * would otherwise log a million statements. Rows that replace stored ones
 * are logged one by one as usual. */
static gboolean
insert_new (ShnorDocument      *self,
            const ShnorResult  *results,
            guint               n,
            const gboolean     *stored,
            GError            **error)
{
  sqlite3 *db = shnor_document_get_db (self);
  sqlite3_stmt *insert = shnor_document_statement (self,
    "INSERT INTO result (" RESULT_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  sqlite3_stmt *log = shnor_document_statement (self,
    "INSERT INTO undolog (tbl, rid, sql) VALUES ('result', 0,"
    " 'DELETE FROM main.\"result\" WHERE rowid BETWEEN ' || ?1 || ' AND ' || ?2)");
  gint64 first = max_result_rowid (self) + 1;
  gint64 last;
  gboolean ok;

  if (insert == NULL || log == NULL)
    {
      shnor_sqlite_set_error (error, db, sqlite3_errcode (db), shnor_document_get_path (self));
      return FALSE;
    }
  /* For a region's worth of rows, building the assessment index once
   * afterwards is cheaper than keeping it up to date row by row. Inside the
   * edit's transaction: a failure restores it with everything else. */
  if (n > BULK_ROWS && !shnor_sqlite_exec (db, "DROP INDEX IF EXISTS result_assessment", error))
    return FALSE;
  if (!shnor_sqlite_exec (db, "UPDATE undo_state SET paused = 1", error))
    return FALSE;
  ok = step_each (self, insert, results, n, stored, FALSE, error);
  if (!shnor_sqlite_exec (db, "UPDATE undo_state SET paused = 0", ok ? error : NULL) || !ok)
    return FALSE;
  if (n > BULK_ROWS &&
      !shnor_sqlite_exec (db, "CREATE INDEX result_assessment ON result (kind, subject, grade, year)", error))
    return FALSE;

  last = max_result_rowid (self);
  if (last < first)
    return TRUE;
  sqlite3_bind_int64 (log, 1, first);
  sqlite3_bind_int64 (log, 2, last);
  if (sqlite3_step (log) != SQLITE_DONE)
    {
      shnor_sqlite_set_error (error, db, sqlite3_errcode (db), shnor_document_get_path (self));
      return FALSE;
    }
  sqlite3_reset (log);
  return TRUE;
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
  g_autofree gboolean *stored = NULL;
  sqlite3_stmt *update;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  if (!shnor_document_begin_edit (self, label, error))
    return FALSE;
  stored = g_new (gboolean, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    stored[i] = shnor_document_has_result (self, results[i].school_id, results[i].kind, results[i].subject,
                                           results[i].grade, results[i].year);
  update = shnor_document_statement (self,
    "UPDATE result SET participants = ?6, mean = ?7, below = ?8, high = ?9"
    " WHERE school_id = ?1 AND year = ?2 AND kind = ?3 AND subject = ?4 AND grade = ?5"
    " AND (participants IS NOT ?6 OR mean IS NOT ?7 OR below IS NOT ?8 OR high IS NOT ?9)");
  if (update == NULL || !step_each (self, update, results, n, stored, TRUE, error) ||
      !insert_new (self, results, n, stored, error))
    {
      if (update == NULL)
        shnor_sqlite_set_error (error, shnor_document_get_db (self), SQLITE_ERROR, shnor_document_get_path (self));
      shnor_document_cancel_edit (self);
      return FALSE;
    }
  return shnor_document_end_edit (self, error);
}

/* The results of all schools in one assessment from @first_year on,
 * ordered by school and year: what the municipal overview and the
 * dynamics need, read along the index on the assessment. */
GArray *
shnor_document_get_assessment_results (ShnorDocument *self,
                                       const char    *kind,
                                       const char    *subject,
                                       int            grade,
                                       int            first_year)
{
  GArray *results = g_array_new (FALSE, TRUE, sizeof (ShnorResult));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), results);

  stmt = shnor_document_statement (self, "SELECT " RESULT_COLUMNS " FROM result"
                                         " WHERE kind = ?1 AND subject = ?2 AND grade = ?3 AND year >= ?4"
                                         " ORDER BY school_id, year");
  if (stmt == NULL)
    return results;
  bind_assessment (stmt, 1, kind, subject, grade);
  sqlite3_bind_int (stmt, 4, first_year);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ShnorResult r = { 0 };

      load_result (stmt, &r);
      g_array_append_val (results, r);
    }
  sqlite3_reset (stmt);
  return results;
}

gboolean
shnor_document_set_result (ShnorDocument      *self,
                           const ShnorResult  *result,
                           GError            **error)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (!shnor_document_check_writable (self, error) || !shnor_document_validate_result (self, result, NULL, error))
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
  bind_assessment (stmt, 2, kind, subject, grade);
  sqlite3_bind_int (stmt, 5, year);
  return shnor_document_finish_edit (self, stmt, error);
}

/* All results of a school (or of every school when @school_id is 0),
 * ordered by kind, subject, grade and year. Two statements, so that the
 * one for a school uses the index that starts with school_id. */
GArray *
shnor_document_get_results (ShnorDocument *self,
                            gint64         school_id)
{
  GArray *results = g_array_new (FALSE, TRUE, sizeof (ShnorResult));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), results);

  if (school_id != 0)
    {
      stmt = shnor_document_statement (self, "SELECT " RESULT_COLUMNS " FROM result WHERE school_id = ?1"
                                             " ORDER BY kind, subject, grade, year");
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, school_id);
    }
  else
    stmt = shnor_document_statement (self, "SELECT " RESULT_COLUMNS " FROM result"
                                           " ORDER BY kind, subject, grade, year, school_id");
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      ShnorResult r = { 0 };

      load_result (stmt, &r);
      g_array_append_val (results, r);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
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
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  stmt = shnor_document_statement (self, "SELECT 1 FROM result WHERE school_id = ? AND kind = ? AND subject = ?"
                                         " AND grade = ? AND year = ?");
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, school_id);
  bind_assessment (stmt, 2, kind, subject, grade);
  sqlite3_bind_int (stmt, 5, year);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
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
  if (!shnor_document_validate_result (self, &probe, NULL, error))
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
  bind_assessment (stmt, 1, probe.kind, probe.subject, grade);
  sqlite3_bind_int (stmt, 4, year);
  if (!clear)
    sqlite3_bind_double (stmt, 5, mean);
  return shnor_document_finish_edit (self, stmt, error);
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
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), years);

  /* One pass over the index (kind, subject, grade, year) for the schools,
   * merged with the reference means by year. */
  stmt = shnor_document_statement (self,
    "SELECT year, count(*), total(participants),"
    "  total(mean * participants) / nullif(total(iif(mean IS NULL, 0, participants)), 0),"
    "  100.0 * total(below) / nullif(total(iif(below IS NULL, 0, participants)), 0),"
    "  NULL"
    " FROM result WHERE kind = ?1 AND subject = ?2 AND grade = ?3 GROUP BY year"
    " UNION ALL"
    " SELECT year, 0, 0, NULL, NULL, mean FROM reference_mean"
    " WHERE kind = ?1 AND subject = ?2 AND grade = ?3"
    " ORDER BY 1");
  if (stmt == NULL)
    return years;
  bind_assessment (stmt, 1, kind, subject, grade);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);
      ShnorAssessmentYear *y;

      if (years->len == 0 || g_array_index (years, ShnorAssessmentYear, years->len - 1).year != year)
        {
          ShnorAssessmentYear fresh = { 0 };

          fresh.year = year;
          g_array_append_val (years, fresh);
        }
      y = &g_array_index (years, ShnorAssessmentYear, years->len - 1);
      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        {
          y->has_regional = TRUE;
          y->regional = sqlite3_column_double (stmt, 5);
          continue;
        }
      y->schools = sqlite3_column_int (stmt, 1);
      y->participants = (int) sqlite3_column_double (stmt, 2);
      y->has_mean = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      y->mean = sqlite3_column_double (stmt, 3);
      y->has_share_below = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      y->share_below = sqlite3_column_double (stmt, 4);
    }
  sqlite3_reset (stmt);
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

/**
 * shnor_document_get_overview:
 * @n_years: how many of the latest years (at most %SHNOR_OVERVIEW_MAX_YEARS)
 * @years: (out): the years of the columns, oldest first
 *
 * Every school's mean in one assessment over the latest @n_years years that
 * have results, with the change between its first and last known year in
 * that window. A change smaller than 2 % of the kind's scale counts as
 * steady. Schools without any result in the window are left out.
 */
GArray *
shnor_document_get_overview (ShnorDocument  *self,
                             const char     *kind,
                             const char     *subject,
                             int             grade,
                             guint           n_years,
                             GArray        **years)
{
  g_autoptr(GArray) all_years = shnor_document_get_assessment_years (self, kind, subject, grade);
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (ShnorOverviewLine));
  g_autoptr(GArray) results = NULL;
  double min = 0, max = 100;

  g_return_val_if_fail (years != NULL, lines);

  *years = g_array_new (FALSE, FALSE, sizeof (int));
  n_years = CLAMP (n_years, 1, SHNOR_OVERVIEW_MAX_YEARS);
  shnor_document_get_scale (self, kind, subject, grade, &min, &max);
  for (guint i = 0; i < all_years->len; i++)
    if (g_array_index (all_years, ShnorAssessmentYear, i).schools > 0)
      g_array_append_val (*years, g_array_index (all_years, ShnorAssessmentYear, i).year);
  if ((*years)->len > n_years)
    g_array_remove_range (*years, 0, (*years)->len - n_years);
  if ((*years)->len == 0)
    return lines;

  results = shnor_document_get_assessment_results (self, kind, subject, grade, g_array_index (*years, int, 0));
  for (guint i = 0; i < results->len; i++)
    {
      const ShnorResult *r = &g_array_index (results, ShnorResult, i);
      ShnorOverviewLine *line;

      if (lines->len == 0 || g_array_index (lines, ShnorOverviewLine, lines->len - 1).school_id != r->school_id)
        {
          ShnorOverviewLine fresh = { 0 };

          fresh.school_id = r->school_id;
          g_array_append_val (lines, fresh);
        }
      line = &g_array_index (lines, ShnorOverviewLine, lines->len - 1);
      for (guint y = 0; y < (*years)->len; y++)
        if (g_array_index (*years, int, y) == r->year && r->has_mean)
          {
            line->known[y] = TRUE;
            line->value[y] = r->mean;
          }
    }

  for (guint i = 0; i < lines->len; i++)
    {
      ShnorOverviewLine *line = &g_array_index (lines, ShnorOverviewLine, i);
      int a = -1, b = -1;

      for (guint y = 0; y < (*years)->len; y++)
        if (line->known[y])
          {
            if (a < 0)
              a = (int) y;
            b = (int) y;
          }
      line->has_change = a >= 0 && b > a;
      line->change = line->has_change ? line->value[b] - line->value[a] : 0;
      line->trend = !line->has_change || fabs (line->change) < 0.02 * (max - min) ? 0 : line->change > 0 ? 1 : -1;
    }
  return lines;
}

/**
 * shnor_document_get_scale:
 * @min: @max: (out): the scale of the assessment's mean
 *
 * Returns: %TRUE when the municipality configured the scale (primary
 * scores), %FALSE when it is the kind's usual one.
 */
gboolean
shnor_document_get_scale (ShnorDocument *self,
                          const char    *kind,
                          const char    *subject,
                          int            grade,
                          double        *min,
                          double        *max)
{
  sqlite3_stmt *stmt;
  gboolean configured = FALSE;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  *min = 0;
  *max = 100;
  shnor_result_kind_mean_range (kind, min, max);
  stmt = shnor_document_statement (self, "SELECT min, max FROM assessment_scale"
                                         " WHERE kind = ? AND subject = ? AND grade = ?");
  if (stmt == NULL)
    return FALSE;
  bind_assessment (stmt, 1, kind, subject, grade);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *min = sqlite3_column_double (stmt, 0);
      *max = sqlite3_column_double (stmt, 1);
      configured = TRUE;
    }
  sqlite3_reset (stmt);
  return configured;
}

/**
 * shnor_document_set_scale:
 * @min_text: @max_text: the scale as typed; both empty: the kind's usual one
 *
 * Sets the scale of an assessment's mean (for example primary scores 0–31
 * instead of marks 2–5). Refused while stored means fall outside it.
 */
gboolean
shnor_document_set_scale (ShnorDocument  *self,
                          const char     *kind,
                          const char     *subject,
                          int             grade,
                          const char     *min_text,
                          const char     *max_text,
                          GError        **error)
{
  g_autofree char *min_s = g_strstrip (g_strdup (min_text ? min_text : ""));
  g_autofree char *max_s = g_strstrip (g_strdup (max_text ? max_text : ""));
  gboolean clear = min_s[0] == '\0' && max_s[0] == '\0';
  double min = 0, max = 100;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3_stmt *outside;
  int n_outside = 0;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  if (!shnor_result_kind_canonical (kind))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("Unknown kind of assessment “%s” (expected ЕГЭ, ОГЭ, ВПР or РДР)"), kind);
      return FALSE;
    }
  if (clear)
    shnor_result_kind_mean_range (kind, &min, &max);
  else if (!shnor_parse_double (min_s, &min) || !shnor_parse_double (max_s, &max) ||
           min < 0 || max > 1000 || max <= min)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("The scale must be two numbers from 0 to 1000, the first smaller: “%s” to “%s”"),
                   min_s, max_s);
      return FALSE;
    }

  outside = shnor_document_statement (self, "SELECT count(*) FROM result WHERE kind = ? AND subject = ?"
                                            " AND grade = ? AND (mean < ? OR mean > ?)");
  if (outside != NULL)
    {
      bind_assessment (outside, 1, kind, subject, grade);
      sqlite3_bind_double (outside, 4, min);
      sqlite3_bind_double (outside, 5, max);
      if (sqlite3_step (outside) == SQLITE_ROW)
        n_outside = sqlite3_column_int (outside, 0);
      sqlite3_reset (outside);
    }
  if (n_outside > 0)
    {
      g_autofree char *a = shnor_format_double (min, 2);
      g_autofree char *b = shnor_format_double (max, 2);

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%d stored mean is outside %s to %s: correct it first",
                                "%d stored means are outside %s to %s: correct them first", n_outside),
                   n_outside, a, b);
      return FALSE;
    }

  if (!shnor_document_begin_edit (self, _("Change the scale"), error))
    return FALSE;
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self), clear ?
    "DELETE FROM assessment_scale WHERE kind = ?1 AND subject = ?2 AND grade = ?3" :
    "INSERT INTO assessment_scale (kind, subject, grade, min, max) VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (kind, subject, grade) DO UPDATE SET min = excluded.min, max = excluded.max"
    " WHERE min IS NOT excluded.min OR max IS NOT excluded.max", error);
  if (stmt == NULL)
    {
      shnor_document_cancel_edit (self);
      return FALSE;
    }
  bind_assessment (stmt, 1, kind, subject, grade);
  if (!clear)
    {
      sqlite3_bind_double (stmt, 4, min);
      sqlite3_bind_double (stmt, 5, max);
    }
  return shnor_document_finish_edit (self, stmt, error);
}

/* Validates @result against its assessment's scale in this document. */
gboolean
shnor_document_validate_result (ShnorDocument      *self,
                                const ShnorResult  *result,
                                const char        **column,
                                GError            **error)
{
  double min, max;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  shnor_document_get_scale (self, result->kind, result->subject, result->grade, &min, &max);
  return shnor_result_validate_scale (result, min, max, column, error);
}
