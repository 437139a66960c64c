/* shnor-document-results.c: assessment results, reference means and what
 * is computed from them (municipal means, shares below the threshold) */
#define G_LOG_DOMAIN "shnor-document"

#include "config.h"
#include <math.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "shnor-derived.h"
#include "shnor-document-private.h"
#include "shnor-error.h"
#include "shnor-sqlite.h"

/* A result's columns as load_result() reads them: the assessment's texts
 * come from the assessment table. */
#define RESULT_SELECT \
  "SELECT r.school_id, r.year, a.kind, a.subject, a.grade, r.participants, r.mean, r.below, r.high" \
  " FROM result r JOIN assessment a ON a.id = r.assessment_id"
/* Up to this many results are looked up one by one; more are found in one
 * pass over the stored results. */
#define FEW_ROWS 2000

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

/* Parameters @base + 1 school, + 2 assessment, + 3 year, + 4 participants,
 * + 5 mean, + 6 below, + 7 high. */
static void
bind_result_at (sqlite3_stmt      *stmt,
                int                base,
                const ShnorResult *r,
                gint64             assessment_id)
{
  sqlite3_bind_int64 (stmt, base + 1, r->school_id);
  sqlite3_bind_int64 (stmt, base + 2, assessment_id);
  sqlite3_bind_int (stmt, base + 3, r->year);
  sqlite3_bind_int (stmt, base + 4, r->participants);
  if (r->has_mean)
    sqlite3_bind_double (stmt, base + 5, r->mean);
  else
    sqlite3_bind_null (stmt, base + 5);
  if (r->has_below)
    sqlite3_bind_int (stmt, base + 6, r->below);
  else
    sqlite3_bind_null (stmt, base + 6);
  if (r->has_high)
    sqlite3_bind_int (stmt, base + 7, r->high);
  else
    sqlite3_bind_null (stmt, base + 7);
}

static void
load_result (sqlite3_stmt *stmt,
             ShnorResult  *r)
{
  r->school_id = sqlite3_column_int64 (stmt, 0);
  r->year = sqlite3_column_int (stmt, 1);
  shnor_result_set_names (r, shnor_sqlite_column_text (stmt, 2),
                          shnor_sqlite_column_text (stmt, 3));
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
fail_sqlite (ShnorDocument  *self,
             int             rc,
             GError        **error)
{
  shnor_sqlite_set_error (error, shnor_document_get_db (self), rc, shnor_document_get_path (self));
  return FALSE;
}

/* ---- assessments ---------------------------------------------------- */

/* The number of an assessment in the assessment table; 0 when it has none
 * and @create is FALSE, else it is added (within the current edit).
 * -1 on an error. */
static gint64
assessment_id (ShnorDocument  *self,
               const char     *kind,
               const char     *subject,
               int             grade,
               gboolean        create,
               GError        **error)
{
  sqlite3_stmt *stmt = shnor_document_statement (self, "SELECT id FROM assessment"
                                                       " WHERE kind = ?1 AND subject = ?2 AND grade = ?3");
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    {
      fail_sqlite (self, SQLITE_ERROR, error);
      return -1;
    }
  bind_assessment (stmt, 1, kind, subject, grade);
  if (shnor_document_next_row (self, stmt))
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id != 0 || !create)
    return id;

  stmt = shnor_document_statement (self, "INSERT INTO assessment (kind, subject, grade) VALUES (?1, ?2, ?3)");
  rc = stmt != NULL ? SQLITE_OK : SQLITE_ERROR;
  if (stmt != NULL)
    {
      bind_assessment (stmt, 1, kind, subject, grade);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      fail_sqlite (self, rc, error);
      return -1;
    }
  return sqlite3_last_insert_rowid (shnor_document_get_db (self));
}

/* ---- writing many results: the writer -------------------------------- */

/* The statement that inserts ROWS_PER_INSERT results at once: a million
 * rows then take a million / ROWS_PER_INSERT steps of the statement. */
#define ROWS_PER_INSERT 64
#define INSERT_RESULTS "INSERT INTO result (school_id, assessment_id, year, participants, mean, below, high) VALUES "
/* Past this many rows, the writer holds SQLite's page cache to
 * CACHE_WHILE_BULK KiB, so that an import of any size takes the same
 * memory (SQLite's sorter, which builds the indexes, takes as much
 * again: 8 MiB sorts a region's index as fast as 64 do); into a file
 * without results, it also sets the indexes of the results aside and
 * builds them once at the end. */
#define BULK_ROWS 50000
#define CACHE_WHILE_BULK 8192
#define CACHE_USUAL 65536

struct _ShnorResultWriter
{
  ShnorDocument *document;
  gboolean       write;        /* else it only counts */
  gboolean       bulk;         /* many rows into a file without results */
  gboolean       small_cache;  /* the cache held to CACHE_WHILE_BULK */
  gboolean       unchecked;    /* the foreign keys off (see shnor_result_writer_new()) */
  gboolean       any_stored;   /* whether the file had results when it began */
  GStrv          restore;      /* what was set aside (see shnor-document-bulk.c) */
  gint64         first;        /* the first rowid of the new rows */
  GHashTable    *assessments;  /* kind, subject, grade (a ShnorResult) → id */
  GHashTable    *pairs;        /* assessment id × 10000 + year → whether results of it are stored */
  ShnorResult    buffer[ROWS_PER_INSERT];
  gint64         buffer_ids[ROWS_PER_INSERT];
  guint          n_buffered;
  ShnorDerivedBulk *sums;      /* the sums of a bulk change, computed beside it */
  guint          added;
  guint          replaced;
};

static const char *
insert_many_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      GString *text = g_string_new (INSERT_RESULTS);

      for (guint i = 0; i < ROWS_PER_INSERT; i++)
        g_string_append (text, i == 0 ? "(?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?)");
      g_once_init_leave (&sql, g_string_free (text, FALSE));
    }
  return sql;
}

static void
set_cache (ShnorResultWriter *w,
           int                kib)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%d", kib);

  sqlite3_exec (shnor_document_get_db (w->document), sql, NULL, NULL, NULL);
}

static void
writer_free (ShnorResultWriter *w)
{
  if (w->small_cache)
    set_cache (w, CACHE_USUAL);
  if (w->unchecked)
    sqlite3_exec (shnor_document_get_db (w->document), "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  g_strfreev (w->restore);
  /* (not made when the edit could not begin) */
  g_clear_pointer (&w->assessments, g_hash_table_unref);
  g_clear_pointer (&w->pairs, g_hash_table_unref);
  g_clear_pointer (&w->sums, shnor_derived_bulk_free);
  g_object_unref (w->document);
  g_free (w);
}

/**
 * shnor_result_writer_new:
 * @label: (nullable): the undo label of the edit; %NULL for a writer that
 *   only counts what it would add and replace, and changes nothing
 * @expected: about how many results will be put
 *
 * Begins writing many results as one edit and one undo step (joining the
 * caller's edit, if any): see shnor_result_writer_put(). New rows go in
 * without the row-by-row undo trigger, and one undo entry is logged for
 * all of them (see shnor-document-bulk.c); rows that replace stored ones
 * are logged one by one as usual. A region's million rows into a file
 * without results go in with the indexes set aside, built once at the
 * end.
 */
ShnorResultWriter *
shnor_result_writer_new (ShnorDocument  *document,
                         const char     *label,
                         guint64         expected,
                         GError        **error)
{
  ShnorResultWriter *w;
  sqlite3_stmt *any;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), NULL);

  w = g_new0 (ShnorResultWriter, 1);
  w->document = g_object_ref (document);
  w->write = label != NULL;
  any = shnor_document_statement (document, "SELECT 1 FROM result LIMIT 1");
  w->any_stored = shnor_document_next_row (document, any);
  if (any != NULL)
    sqlite3_reset (any);
  w->bulk = w->write && expected > BULK_ROWS && !w->any_stored;
  /* A region's results into a file without results: the schools are
   * those of the document and the assessments the writer's own, so the
   * foreign keys (a lookup of each, half the time of storing a million
   * rows) are off while they are stored; the sums of identification, built
   * again from all of them within the edit, refuse a result of no school
   * or assessment (computation_add() in shnor-derived.c). SQLite changes
   * this only outside a transaction: when the writer's edit is the
   * outermost. */
  if (w->bulk && !shnor_document_in_edit (document))
    {
      w->unchecked = TRUE;
      sqlite3_exec (shnor_document_get_db (document), "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
    }
  if (label != NULL && !shnor_document_begin_edit (document, label, error))
    {
      writer_free (w);
      return NULL;
    }
  w->assessments = g_hash_table_new_full (shnor_result_assessment_hash, shnor_result_assessment_equal, g_free, NULL);
  w->pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (!w->write)
    return w;

  w->first = shnor_document_max_rowid (document, "result") + 1;
  if (w->bulk)
    w->sums = shnor_derived_bulk_new ();
  w->small_cache = expected > BULK_ROWS;
  if (w->small_cache)
    set_cache (w, CACHE_WHILE_BULK);
  /* Inside the edit's transaction: a failure restores the trigger and the
   * indexes with everything else, and the unique index, built again, still
   * refuses a second result of a school in one assessment and year. */
  w->restore = shnor_document_set_aside (document, "result", "i", w->bulk, error);
  if (w->restore == NULL)
    {
      shnor_result_writer_cancel (w);
      return NULL;
    }
  return w;
}

/**
 * shnor_result_writer_assessment:
 *
 * The number of an assessment, added (within the edit) when the file has
 * none; 0 from a writer that only counts, for an assessment the file does
 * not have yet; -1 with @error.
 */
gint64
shnor_result_writer_assessment (ShnorResultWriter  *w,
                                const char         *kind,
                                const char         *subject,
                                int                 grade,
                                GError            **error)
{
  ShnorResult key = { 0 };
  gpointer id;
  gint64 found;

  shnor_result_set_names (&key, kind, subject);
  key.grade = grade;
  if (g_hash_table_lookup_extended (w->assessments, &key, NULL, &id))
    return (gint64) GPOINTER_TO_SIZE (id);
  found = assessment_id (w->document, kind, subject, grade, w->write, error);
  if (found >= 0)
    g_hash_table_insert (w->assessments, g_memdup2 (&key, sizeof key), GSIZE_TO_POINTER ((gsize) found));
  return found;
}

static gboolean
flush (ShnorResultWriter  *w,
       GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (w->n_buffered == 0)
    return TRUE;
  for (guint i = 0; i < w->n_buffered; )
    {
      guint rows = w->n_buffered - i >= ROWS_PER_INSERT ? ROWS_PER_INSERT : 1;

      stmt = shnor_document_statement (w->document, rows > 1 ? insert_many_sql ()
                                                             : INSERT_RESULTS "(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
      if (stmt == NULL)
        return fail_sqlite (w->document, sqlite3_errcode (shnor_document_get_db (w->document)), error);
      for (guint k = 0; k < rows; k++, i++)
        {
          const ShnorResult *r = &w->buffer[i];

          bind_result_at (stmt, (int) k * 7, r, w->buffer_ids[i]);
          if (w->sums != NULL)
            shnor_derived_bulk_add (w->sums, &(ShnorDerivedRow) { w->buffer_ids[i], r->school_id, r->year,
                                                                  r->participants, r->has_mean ? r->mean : NAN,
                                                                  r->has_below ? r->below : -1 });
        }
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return fail_sqlite (w->document, rc, error);
    }
  w->n_buffered = 0;
  return TRUE;
}

/* Whether the file has results of @assessment_id in @year: when it has
 * none, a result of them is new without looking it up. */
static gboolean
pair_stored (ShnorResultWriter *w,
             gint64             assessment_id,
             int                year)
{
  gint64 key = assessment_id * 10000 + year;
  gpointer stored;
  sqlite3_stmt *stmt;

  if (!w->any_stored || assessment_id == 0)
    return FALSE;
  if (g_hash_table_lookup_extended (w->pairs, &key, NULL, &stored))
    return GPOINTER_TO_INT (stored);
  stmt = shnor_document_statement (w->document, "SELECT 1 FROM result WHERE assessment_id = ?1 AND year = ?2 LIMIT 1");
  stored = GINT_TO_POINTER (FALSE);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      sqlite3_bind_int (stmt, 2, year);
      stored = GINT_TO_POINTER (shnor_document_next_row (w->document, stmt));
      sqlite3_reset (stmt);
    }
  g_hash_table_insert (w->pairs, g_memdup2 (&key, sizeof key), stored);
  return GPOINTER_TO_INT (stored);
}

/* Whether the file has a result of @r's school in the assessment and year. */
static gboolean
stored (ShnorResultWriter *w,
        const ShnorResult *r,
        gint64             assessment_id)
{
  sqlite3_stmt *stmt;
  gboolean found;

  if (!pair_stored (w, assessment_id, r->year))
    return FALSE;
  stmt = shnor_document_statement (w->document, "SELECT 1 FROM result"
                                                " WHERE school_id = ?1 AND assessment_id = ?2 AND year = ?3");
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->school_id);
  sqlite3_bind_int64 (stmt, 2, assessment_id);
  sqlite3_bind_int (stmt, 3, r->year);
  found = shnor_document_next_row (w->document, stmt);
  sqlite3_reset (stmt);
  return found;
}

/**
 * shnor_result_writer_put:
 * @result: a valid result (see shnor_result_validate())
 * @assessment_id: its assessment's number (shnor_result_writer_assessment())
 *
 * Adds @result, or replaces the stored result of the same school,
 * assessment and year (an equal one stays as it is); a writer that only
 * counts just counts it.
 */
gboolean
shnor_result_writer_put (ShnorResultWriter  *w,
                         const ShnorResult  *result,
                         gint64              assessment_id,
                         GError            **error)
{
  sqlite3_stmt *update;
  int rc;

  if (!stored (w, result, assessment_id))
    {
      w->added++;
      if (!w->write)
        return TRUE;
      w->buffer[w->n_buffered] = *result;
      w->buffer_ids[w->n_buffered++] = assessment_id;
      return w->n_buffered < ROWS_PER_INSERT || flush (w, error);
    }
  w->replaced++;
  if (!w->write)
    return TRUE;
  update = shnor_document_statement (w->document,
    "UPDATE result SET participants = ?4, mean = ?5, below = ?6, high = ?7"
    " WHERE school_id = ?1 AND assessment_id = ?2 AND year = ?3"
    " AND (participants IS NOT ?4 OR mean IS NOT ?5 OR below IS NOT ?6 OR high IS NOT ?7)");
  if (update == NULL)
    return fail_sqlite (w->document, sqlite3_errcode (shnor_document_get_db (w->document)), error);
  bind_result_at (update, 0, result, assessment_id);
  rc = sqlite3_step (update);
  sqlite3_reset (update);
  return rc == SQLITE_DONE || fail_sqlite (w->document, rc, error);
}

guint
shnor_result_writer_get_added (ShnorResultWriter *w)
{
  return w->added;
}

guint
shnor_result_writer_get_replaced (ShnorResultWriter *w)
{
  return w->replaced;
}

/* Forgets everything the writer wrote (the whole edit, when it began it)
 * and frees it. */
void
shnor_result_writer_cancel (ShnorResultWriter *w)
{
  if (w == NULL)
    return;
  if (w->write)
    shnor_document_cancel_edit (w->document);
  writer_free (w);
}

/**
 * shnor_result_writer_finish:
 *
 * Stores what is left, builds again what was set aside, logs the new rows
 * and ends the edit; frees the writer. On an error nothing was written.
 */
gboolean
shnor_result_writer_finish (ShnorResultWriter  *w,
                            GError            **error)
{
  sqlite3 *db = shnor_document_get_db (w->document);
  gboolean beside;
  gboolean ok;

  if (!w->write)
    {
      writer_free (w);
      return TRUE;
    }
  /* Stored without the foreign keys: the sums built again from all the
   * results check them (see shnor_result_writer_new()). Those of a bulk
   * change are computed on another thread while the indexes are built. */
  if (!flush (w, error))
    {
      shnor_result_writer_cancel (w);
      return FALSE;
    }
  beside = w->sums != NULL && shnor_derived_bulk_start (w->sums, db);
  if (!shnor_document_restore (w->document, w->restore, error) ||
      !shnor_document_log_bulk_insert (w->document, "result", w->first,
                                       shnor_document_max_rowid (w->document, "result"), error) ||
      (beside ? !shnor_derived_bulk_finish (w->sums, db, error)
              : w->unchecked && !shnor_derived_mark (db, NULL, 0, 0, TRUE, error)))
    {
      shnor_result_writer_cancel (w);
      return FALSE;
    }
  ok = shnor_document_end_edit (w->document, error);
  writer_free (w);
  return ok;
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
  ShnorResultWriter *w;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  w = shnor_result_writer_new (self, label, n, error);
  for (guint i = 0; w != NULL && i < n; i++)
    {
      gint64 id = shnor_result_writer_assessment (w, results[i].kind, results[i].subject, results[i].grade, error);

      if (id < 0 || !shnor_result_writer_put (w, &results[i], id, error))
        {
          shnor_result_writer_cancel (w);
          return FALSE;
        }
    }
  return w != NULL && shnor_result_writer_finish (w, error);
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

  stmt = shnor_document_statement (self, RESULT_SELECT
                                         " WHERE a.kind = ?1 AND a.subject = ?2 AND a.grade = ?3 AND r.year >= ?4"
                                         " ORDER BY r.school_id, r.year");
  if (stmt == NULL)
    return results;
  bind_assessment (stmt, 1, kind, subject, grade);
  sqlite3_bind_int (stmt, 4, first_year);
  while (shnor_document_next_row (self, stmt))
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
                               "DELETE FROM result WHERE school_id = ?1 AND year = ?5 AND assessment_id ="
                               " (SELECT id FROM assessment WHERE kind = ?2 AND subject = ?3 AND grade = ?4)", error);
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
      stmt = shnor_document_statement (self, RESULT_SELECT " WHERE r.school_id = ?1"
                                             " ORDER BY a.kind, a.subject, a.grade, r.year");
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, school_id);
    }
  else
    stmt = shnor_document_statement (self, RESULT_SELECT
                                           " ORDER BY a.kind, a.subject, a.grade, r.year, r.school_id");
  while (shnor_document_next_row (self, stmt))
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

  stmt = shnor_document_statement (self, "SELECT 1 FROM result r JOIN assessment a ON a.id = r.assessment_id"
                                         " WHERE r.school_id = ?1 AND a.kind = ?2 AND a.subject = ?3"
                                         " AND a.grade = ?4 AND r.year = ?5");
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, school_id);
  bind_assessment (stmt, 2, kind, subject, grade);
  sqlite3_bind_int (stmt, 5, year);
  found = shnor_document_next_row (self, stmt);
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

  if (!shnor_result_check_subject (subject, error))
    return FALSE;
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
 * one was entered. Computed by every edit of the results
 * (assessment_sums, see shnor-derived.c), never typed.
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

  /* The sums kept for every assessment and year (shnor-derived.c), merged
   * with the reference means by year. */
  stmt = shnor_document_statement (self,
    "SELECT s.year, s.schools, s.participants, s.mean_sum / nullif(s.mean_of, 0),"
    "  100.0 * s.below / nullif(s.below_of, 0), NULL"
    " FROM assessment_sums s JOIN assessment a ON a.id = s.assessment_id"
    " WHERE a.kind = ?1 AND a.subject = ?2 AND a.grade = ?3"
    " UNION ALL"
    " SELECT year, 0, 0, NULL, NULL, mean FROM reference_mean"
    " WHERE kind = ?1 AND subject = ?2 AND grade = ?3"
    " ORDER BY 1");
  if (stmt == NULL)
    return years;
  bind_assessment (stmt, 1, kind, subject, grade);
  while (shnor_document_next_row (self, stmt))
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
                               "SELECT kind, subject, grade FROM assessment a"
                               " WHERE EXISTS (SELECT 1 FROM result WHERE assessment_id = a.id)"
                               " ORDER BY kind, subject, grade", NULL);
  while (shnor_document_next_row (self, stmt))
    {
      g_autofree char *key = g_strdup_printf ("%s	%s	%d", shnor_sqlite_column_text (stmt, 0),
                                              shnor_sqlite_column_text (stmt, 1), sqlite3_column_int (stmt, 2));
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
  if (shnor_document_next_row (self, stmt))
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

  if (!shnor_result_check_subject (subject, error))
    return FALSE;
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

  outside = shnor_document_statement (self, "SELECT count(*) FROM result r JOIN assessment a ON a.id = r.assessment_id"
                                            " WHERE a.kind = ?1 AND a.subject = ?2 AND a.grade = ?3"
                                            " AND (r.mean < ?4 OR r.mean > ?5)");
  if (outside != NULL)
    {
      bind_assessment (outside, 1, kind, subject, grade);
      sqlite3_bind_double (outside, 4, min);
      sqlite3_bind_double (outside, 5, max);
      if (shnor_document_next_row (self, outside))
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

/* The scales the municipality set (see shnor_document_set_scale()): an
 * array of ShnorAssessmentScale. */
GArray *
shnor_document_get_scales (ShnorDocument *self)
{
  GArray *scales = g_array_new (FALSE, TRUE, sizeof (ShnorAssessmentScale));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), scales);
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self), "SELECT kind, subject, grade, min, max"
                                                             " FROM assessment_scale", NULL);
  while (shnor_document_next_row (self, stmt))
    {
      ShnorAssessmentScale scale = { 0 };

      shnor_result_set_names (&scale.assessment, (const char *) sqlite3_column_text (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1));
      scale.assessment.grade = sqlite3_column_int (stmt, 2);
      scale.min = sqlite3_column_double (stmt, 3);
      scale.max = sqlite3_column_double (stmt, 4);
      g_array_append_val (scales, scale);
    }
  return scales;
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
