/* shnor-derived.c: the statistics behind identification, from the results.
 *
 * The unit of computation is a year and a subject: the z-scores of an
 * assessment (kind, subject, grade) in a year need all its results, and a
 * school's sums over a subject add its results of that subject. Results
 * are always added in the order of their rows, and the sums over all
 * subjects add the subjects' sums in the byte order of their names: so the
 * sums come out the same to the last bit whether all results are read at
 * once (in two passes over the table, in the order it is stored: no
 * lookups, a cache of any size) or one unit again after an edit. */
#define G_LOG_DOMAIN "shnor-derived"

#include "config.h"
#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#ifdef G_OS_WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

#include "shnor-derived.h"
#include "shnor-document-private.h"
#include "shnor-error.h"
#include "shnor-sqlite.h"

typedef struct {
  int              year;
  const char      *subject;   /* owned by the subjects table */
  ShnorMetricSums *sums;      /* one per school */
} Unit;

/* An assessment in a year: its spread, its municipal sums, and the unit
 * of its subject */
typedef struct {
  gint64               assessment;
  int                  year;
  ShnorSpread          spread;
  ShnorAssessmentSums  sums;
  Unit                *unit;
} Pair;

struct _ShnorDerived
{
  GArray     *school_ids;     /* of gint64, ascending */
  GHashTable *subjects;       /* subject → itself: the names, owned */
  GPtrArray  *units;          /* of Unit, by year, then subject */
  GHashTable *pairs;          /* assessment × 10000 + year → Pair */
  int         first_year;
  int         last_year;
};

static void
unit_free (gpointer data)
{
  Unit *unit = data;

  g_free (unit->sums);
  g_free (unit);
}

void
shnor_derived_free (ShnorDerived *derived)
{
  if (derived == NULL)
    return;
  g_array_unref (derived->school_ids);
  g_ptr_array_unref (derived->units);
  g_hash_table_unref (derived->pairs);
  g_hash_table_unref (derived->subjects);
  g_free (derived);
}

static int
compare_units (gconstpointer a,
               gconstpointer b)
{
  const Unit *x = *(const Unit * const *) a, *y = *(const Unit * const *) b;

  return x->year != y->year ? (x->year > y->year) - (x->year < y->year) : strcmp (x->subject, y->subject);
}

/* The schools' ids in ascending order, and id → index + 1. */
static gboolean
load_schools (sqlite3     *db,
              GArray      *ids,
              GHashTable  *index,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = shnor_sqlite_prepare (db, "SELECT id FROM school ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      shnor_sqlite_set_error (error, db, rc, NULL);
      return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_insert (index, &g_array_index (ids, gint64, i), GUINT_TO_POINTER (i + 1));
  return TRUE;
}

/* assessment id → its subject (interned in @subjects) */
static gboolean
load_subjects (sqlite3     *db,
               GHashTable  *of_assessment,
               GHashTable  *subjects,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = shnor_sqlite_prepare (db, "SELECT id, subject FROM assessment", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *subject = (const char *) sqlite3_column_text (stmt, 1);
      char *interned;

      if (subject == NULL || subject[0] == '\0')
        continue;   /* "" is the sums of all subjects; a result has a subject */
      interned = g_hash_table_lookup (subjects, subject);
      if (interned == NULL)
        {
          interned = g_strdup (subject);
          g_hash_table_add (subjects, interned);
        }
      g_hash_table_insert (of_assessment, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                           interned);
    }
  if (rc != SQLITE_DONE)
    {
      shnor_sqlite_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/* The unit of @year and @subject in @units ("year\tsubject" → Unit), made
 * when new. */
static Unit *
unit_of (ShnorDerived *derived,
         GHashTable   *units,
         int           year,
         const char   *subject)
{
  g_autofree char *key = g_strdup_printf ("%d\t%s", year, subject);
  Unit *unit = g_hash_table_lookup (units, key);

  if (unit == NULL)
    {
      unit = g_new0 (Unit, 1);
      unit->year = year;
      unit->subject = subject;
      unit->sums = g_new0 (ShnorMetricSums, MAX (derived->school_ids->len, 1));
      g_hash_table_insert (units, g_steal_pointer (&key), unit);
      g_ptr_array_add (derived->units, unit);
    }
  return unit;
}

/* Adds a result to the municipal figures of its assessment and year: all
 * schools, whatever their number of participants (these are the means
 * the charts show, not identification's). */
static void
assessment_sums_add (ShnorAssessmentSums   *s,
                           const ShnorUnitResult *r)
{
  s->schools++;
  s->participants += r->participants;
  if (!isnan (r->mean))
    {
      s->mean_sum += r->mean * r->participants;
      s->mean_of += r->participants;
    }
  if (r->below >= 0)
    {
      s->below += r->below;
      s->below_of += r->participants;
    }
}

/* The key of an assessment and year */
static gint64
pair_key (gint64 assessment,
          int    year)
{
  return assessment * 10000 + year;
}

static gboolean
step_error (sqlite3  *db,
            int       rc,
            GError  **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  shnor_sqlite_set_error (error, db, rc, NULL);
  return FALSE;
}

/* A computation of all the sums: every result is given twice, in the
 * order of their rows, first for the spread of its assessment and year
 * (computation_spread()), then against it (computation_add()). It reads
 * the file only when it begins, so that a bulk change can compute on
 * another thread while the file is written (ShnorDerivedBulk). */
typedef struct {
  ShnorDerived *derived;
  GHashTable   *school_index;   /* school id → index + 1 */
  GHashTable   *of_assessment;  /* assessment id → its subject */
  GHashTable   *units;          /* "year\tsubject" → Unit */
  gint64        last_key;
  Pair         *pair;           /* the pair of last_key */
} Computation;

static void
computation_clear (Computation *c)
{
  g_clear_pointer (&c->derived, shnor_derived_free);
  g_clear_pointer (&c->school_index, g_hash_table_unref);
  g_clear_pointer (&c->of_assessment, g_hash_table_unref);
  g_clear_pointer (&c->units, g_hash_table_unref);
}

/* Reads the schools and the assessments' subjects of @db. */
static gboolean
computation_init (Computation  *c,
                  sqlite3      *db,
                  GError      **error)
{
  ShnorDerived *derived = g_new0 (ShnorDerived, 1);

  memset (c, 0, sizeof *c);
  c->derived = derived;
  c->school_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  c->of_assessment = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  c->units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->last_key = -1;
  derived->school_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  derived->subjects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  derived->units = g_ptr_array_new_with_free_func (unit_free);
  derived->pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  return load_schools (db, derived->school_ids, c->school_index, error) &&
         load_subjects (db, c->of_assessment, derived->subjects, error);
}

/* The pair of @row's assessment and year, made in the first pass. */
static Pair *
computation_pair (Computation           *c,
                  const ShnorDerivedRow *row,
                  gboolean               make)
{
  gint64 key = pair_key (row->assessment_id, row->year);

  if (key != c->last_key)
    {
      c->pair = g_hash_table_lookup (c->derived->pairs, &key);
      if (c->pair == NULL && make)
        {
          const char *subject = g_hash_table_lookup (c->of_assessment, &row->assessment_id);

          c->pair = g_new0 (Pair, 1);
          c->pair->assessment = row->assessment_id;
          c->pair->year = row->year;
          c->pair->unit = subject ? unit_of (c->derived, c->units, row->year, subject) : NULL;
          g_hash_table_insert (c->derived->pairs, g_memdup2 (&key, sizeof key), c->pair);
        }
      c->last_key = key;
    }
  return c->pair;
}

/* First pass: the spread and the sums of every assessment and year. */
static void
computation_spread (Computation           *c,
                    const ShnorDerivedRow *row)
{
  Pair *pair = computation_pair (c, row, TRUE);
  ShnorUnitResult r = { 0, 0, row->participants, row->mean, row->below };

  shnor_spread_add (&pair->spread, &r);
  assessment_sums_add (&pair->sums, &r);
}

/* Second pass: every result against its assessment's spread, into its
 * school's sums of the year and subject. */
static gboolean
computation_add (Computation            *c,
                 const ShnorDerivedRow  *row,
                 GError                **error)
{
  guint school = GPOINTER_TO_UINT (g_hash_table_lookup (c->school_index, &row->school_id));
  Pair *pair = computation_pair (c, row, FALSE);
  ShnorUnitResult r = { school - 1, row->assessment_id, row->participants, row->mean, row->below };

  if (school == 0 || pair == NULL || pair->unit == NULL)
    {
      /* the foreign keys leave none, and a bulk import, which stores
       * without them, is checked here (see shnor-document-results.c) */
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_DAMAGED,
                   _("a result refers to a school or an assessment the file does not have"));
      return FALSE;
    }
  shnor_metric_sums_add_result (&pair->unit->sums[r.school], &r, &pair->spread);
  return TRUE;
}

static ShnorDerived *
computation_finish (Computation *c)
{
  ShnorDerived *derived = g_steal_pointer (&c->derived);

  g_ptr_array_sort (derived->units, compare_units);
  if (derived->units->len > 0)
    {
      derived->first_year = ((Unit *) derived->units->pdata[0])->year;
      derived->last_year = ((Unit *) derived->units->pdata[derived->units->len - 1])->year;
    }
  computation_clear (c);
  return derived;
}

/**
 * shnor_derived_compute:
 *
 * Computes every school's sums of every year and subject from all the
 * results of @db, in two passes over them in the order of their rows:
 * the spread of every assessment and year, then every result against it.
 * Used to build the sums kept in the file, and to check them.
 */
ShnorDerived *
shnor_derived_compute (sqlite3  *db,
                       GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Computation c;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (db != NULL, NULL);

  if (!computation_init (&c, db, error) ||
      (stmt = shnor_sqlite_prepare (db, "SELECT assessment_id, year, participants, mean, below, school_id"
                                        " FROM result ORDER BY id", error)) == NULL)
    {
      computation_clear (&c);
      return NULL;
    }
  for (int pass = 0; pass < 2 && rc == SQLITE_DONE; pass++)
    {
      gboolean ok = TRUE;

      while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          ShnorDerivedRow row = {
            sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 5), sqlite3_column_int (stmt, 1),
            sqlite3_column_int (stmt, 2),
            sqlite3_column_type (stmt, 3) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 3),
            sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 4),
          };

          if (pass == 0)
            computation_spread (&c, &row);
          else
            ok = computation_add (&c, &row, error);
        }
      sqlite3_reset (stmt);
      if (!ok || !step_error (db, rc, error))
        {
          computation_clear (&c);
          return NULL;
        }
    }
  return computation_finish (&c);
}

/* The years of the results; both 0 when there are none. */
void
shnor_derived_get_years (const ShnorDerived *derived,
                         int                *first_year,
                         int                *last_year)
{
  *first_year = derived->first_year;
  *last_year = derived->last_year;
}

/**
 * shnor_derived_foreach:
 *
 * Calls @func for every school with results in a unit: year by year, each
 * subject (in the byte order of the names), then all subjects of the year
 * (@subject %NULL), whose sums add the subjects' in that order.
 */
void
shnor_derived_foreach (const ShnorDerived *derived,
                       ShnorDerivedFunc    func,
                       gpointer            data)
{
  guint n_schools = derived->school_ids->len;
  g_autofree ShnorMetricSums *total = g_new0 (ShnorMetricSums, MAX (n_schools, 1));

  for (guint u = 0; u < derived->units->len; u++)
    {
      const Unit *unit = derived->units->pdata[u];
      const Unit *next = u + 1 < derived->units->len ? derived->units->pdata[u + 1] : NULL;

      for (guint s = 0; s < n_schools; s++)
        if (!shnor_metric_sums_is_empty (&unit->sums[s]))
          {
            func (unit->year, unit->subject, g_array_index (derived->school_ids, gint64, s), &unit->sums[s], data);
            shnor_metric_sums_add (&total[s], &unit->sums[s]);
          }
      if (next != NULL && next->year == unit->year)
        continue;
      for (guint s = 0; s < n_schools; s++)
        if (!shnor_metric_sums_is_empty (&total[s]))
          func (unit->year, NULL, g_array_index (derived->school_ids, gint64, s), &total[s], data);
      memset (total, 0, n_schools * sizeof *total);
    }
}

/* Two sums agree when they differ by no more than rounding: the file may
 * come from a machine that rounds the last bit otherwise. */
static gboolean
close_to (double a,
          double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

typedef struct {
  GHashTable *computed;   /* "subject\tyear\tschool" → ShnorMetricSums */
} Expected;

static void
expect_sums (int                    year,
             const char            *subject,
             gint64                 school_id,
             const ShnorMetricSums *sums,
             gpointer               data)
{
  Expected *expected = data;

  g_hash_table_insert (expected->computed,
                       g_strdup_printf ("%s\t%d\t%" G_GINT64_FORMAT, subject ? subject : "", year, school_id),
                       g_memdup2 (sums, sizeof *sums));
}

static void
expect_assessment_sums (gint64                     assessment_id,
                        int                        year,
                        const ShnorAssessmentSums *sums,
                        gpointer                   data)
{
  g_hash_table_insert (data, g_strdup_printf ("%" G_GINT64_FORMAT "\t%d", assessment_id, year),
                       g_memdup2 (sums, sizeof *sums));
}

/* The same for the municipal figures of every assessment and year. */
static gboolean
assessment_sums_agree (sqlite3             *db,
                       const ShnorDerived  *derived,
                       char               **problem,
                       GError             **error)
{
  g_autoptr(GHashTable) computed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint found = 0;
  int rc;

  shnor_derived_foreach_assessment (derived, expect_assessment_sums, computed);
  stmt = shnor_sqlite_prepare (db, "SELECT assessment_id, year, schools, participants, mean_sum, mean_of, below,"
                                   " below_of FROM assessment_sums", error);
  if (stmt == NULL)
    return FALSE;
  while (*problem == NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "\t%d", (gint64) sqlite3_column_int64 (stmt, 0),
                                              sqlite3_column_int (stmt, 1));
      const ShnorAssessmentSums *want = g_hash_table_lookup (computed, key);
      const double *w = (const double *) want;
      gboolean same = want != NULL;

      for (int c = 0; same && c < 6; c++)
        same = close_to (w[c], sqlite3_column_double (stmt, c + 2));
      if (!same)
        *problem = g_strdup_printf (_("assessment %lld, %d"), (long long) sqlite3_column_int64 (stmt, 0),
                                    sqlite3_column_int (stmt, 1));
      found++;
    }
  if (*problem == NULL && rc != SQLITE_DONE)
    {
      shnor_sqlite_set_error (error, db, rc, NULL);
      return FALSE;
    }
  if (*problem == NULL && found != g_hash_table_size (computed))
    *problem = g_strdup_printf (_("%u of %u assessments"), found, g_hash_table_size (computed));
  return TRUE;
}

/**
 * shnor_derived_sums_agree:
 * @problem: (out): the first difference, or NULL when they agree
 *
 * Compares the sums kept in @db with a recomputation from its results.
 *
 * Returns: FALSE, with @error, when the results could not be read.
 */
gboolean
shnor_derived_sums_agree (sqlite3  *db,
            char    **problem,
            GError  **error)
{
  g_autoptr(ShnorDerived) derived = shnor_derived_compute (db, error);
  g_autoptr(GHashTable) computed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Expected expected = { computed };
  guint found = 0;
  int rc;

  if (derived == NULL)
    return FALSE;
  shnor_derived_foreach (derived, expect_sums, &expected);
  stmt = shnor_sqlite_prepare (db, "SELECT subject, year, school_id, z_sum, z_weight, below, below_of"
                                   " FROM result_sums", error);
  if (stmt == NULL)
    return FALSE;
  while (*problem == NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *subject = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *key = g_strdup_printf ("%s\t%d\t%" G_GINT64_FORMAT, subject ? subject : "",
                                              sqlite3_column_int (stmt, 1), (gint64) sqlite3_column_int64 (stmt, 2));
      const ShnorMetricSums *want = g_hash_table_lookup (computed, key);

      if (want == NULL || !close_to (want->z_sum, sqlite3_column_double (stmt, 3)) ||
          !close_to (want->z_weight, sqlite3_column_double (stmt, 4)) ||
          !close_to (want->below, sqlite3_column_double (stmt, 5)) ||
          !close_to (want->below_of, sqlite3_column_double (stmt, 6)))
        *problem = g_strdup_printf (_("school %lld, %d, “%s”"), (long long) sqlite3_column_int64 (stmt, 2),
                                    sqlite3_column_int (stmt, 1), subject && subject[0] ? subject : "*");
      found++;
    }
  if (*problem == NULL && rc != SQLITE_DONE)
    {
      shnor_sqlite_set_error (error, db, rc, NULL);
      return FALSE;
    }
  if (*problem == NULL && found != g_hash_table_size (computed))
    *problem = g_strdup_printf (_("%u of %u sums"), found, g_hash_table_size (computed));
  return *problem != NULL || assessment_sums_agree (db, derived, problem, error);
}

/**
 * shnor_identification_check:
 * @name: the file's name, for the message
 *
 * What `shnor --check` verifies of identification, on a connection to a
 * file of the current format that passed SQLite's integrity check: every
 * criteria set and criterion is valid, and the sums kept for
 * identification are those its results give.
 */
gboolean
shnor_identification_check (sqlite3     *db,
                            const char  *name,
                            GError     **error)
{
  g_autofree char *problem = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!shnor_criteria_sets_check (db, name, error))
    return FALSE;
  if (!shnor_derived_sums_agree (db, &problem, &local_error))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_DAMAGED, _("The file “%s” is damaged (%s). Open a backup copy."),
                   name, local_error->message);
      return FALSE;
    }
  if (problem != NULL)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_DAMAGED,
                   _("The file “%s” is damaged: its statistics for identification do not match its results (%s). "
                     "Open a backup copy."), name, problem);
      return FALSE;
    }
  return TRUE;
}

/* Calls @func for every assessment and year with results, in no order. */
void
shnor_derived_foreach_assessment (const ShnorDerived      *derived,
                                  ShnorDerivedAssessmentFunc func,
                                  gpointer                 data)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, derived->pairs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Pair *pair = value;

      func (pair->assessment, pair->year, &pair->sums, data);
    }
}

/* ---- the sums kept in the file ----------------------------------------- */

#define INSERT_ASSESSMENT_SUMS \
  "INSERT INTO assessment_sums (assessment_id, year, schools, participants, mean_sum, mean_of, below, below_of)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
#define INSERT_SUMS \
  "INSERT INTO result_sums (subject, year, school_id, z_sum, z_weight, below, below_of)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"

static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      shnor_sqlite_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_sums (sqlite3                *db,
             sqlite3_stmt           *insert,
             const char             *subject,
             int                     year,
             gint64                  school_id,
             const ShnorMetricSums  *sums,
             GError                **error)
{
  sqlite3_bind_text (insert, 1, subject ? subject : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 2, year);
  sqlite3_bind_int64 (insert, 3, school_id);
  sqlite3_bind_double (insert, 4, sums->z_sum);
  sqlite3_bind_double (insert, 5, sums->z_weight);
  sqlite3_bind_double (insert, 6, sums->below);
  sqlite3_bind_double (insert, 7, sums->below_of);
  return step_done (db, insert, error);
}

typedef struct {
  sqlite3      *db;
  sqlite3_stmt *insert;
  sqlite3_stmt *insert_assessment;
  GError       *error;
} Store;

static gboolean
insert_assessment_sums (sqlite3                    *db,
                        sqlite3_stmt               *insert,
                        gint64                      assessment_id,
                        int                         year,
                        const ShnorAssessmentSums  *sums,
                        GError                    **error)
{
  sqlite3_bind_int64 (insert, 1, assessment_id);
  sqlite3_bind_int (insert, 2, year);
  sqlite3_bind_double (insert, 3, sums->schools);
  sqlite3_bind_double (insert, 4, sums->participants);
  sqlite3_bind_double (insert, 5, sums->mean_sum);
  sqlite3_bind_double (insert, 6, sums->mean_of);
  sqlite3_bind_double (insert, 7, sums->below);
  sqlite3_bind_double (insert, 8, sums->below_of);
  return step_done (db, insert, error);
}

static void
store_assessment_sums (gint64                     assessment_id,
                       int                        year,
                       const ShnorAssessmentSums *sums,
                       gpointer                   data)
{
  Store *store = data;

  if (store->error == NULL)
    insert_assessment_sums (store->db, store->insert_assessment, assessment_id, year, sums, &store->error);
}

static void
store_sums (int                    year,
            const char            *subject,
            gint64                 school_id,
            const ShnorMetricSums *sums,
            gpointer               data)
{
  Store *store = data;

  if (store->error == NULL)
    insert_sums (store->db, store->insert, subject, year, school_id, sums, &store->error);
}

/* Replaces the sums kept in @db by @derived's. */
static gboolean
store_derived (sqlite3             *db,
               const ShnorDerived  *derived,
               GError             **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) insert_assessment = NULL;
  Store store = { db, NULL, NULL, NULL };

  if (!shnor_sqlite_exec (db, "DELETE FROM result_sums; DELETE FROM assessment_sums;", error) ||
      (insert = shnor_sqlite_prepare (db, INSERT_SUMS, error)) == NULL ||
      (insert_assessment = shnor_sqlite_prepare (db, INSERT_ASSESSMENT_SUMS, error)) == NULL)
    return FALSE;
  store.insert = insert;
  store.insert_assessment = insert_assessment;
  shnor_derived_foreach (derived, store_sums, &store);
  shnor_derived_foreach_assessment (derived, store_assessment_sums, &store);
  if (store.error != NULL)
    {
      g_propagate_error (error, store.error);
      return FALSE;
    }
  return TRUE;
}

/**
 * shnor_derived_rebuild:
 *
 * Replaces the sums kept in @db by sums computed from all its results,
 * within the caller's transaction: after an upgrade, and after an import
 * or undo of more results than would be worth recomputing unit by unit.
 */
gboolean
shnor_derived_rebuild (sqlite3  *db,
                       GError  **error)
{
  g_autoptr(ShnorDerived) derived = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  derived = shnor_derived_compute (db, error);
  return derived != NULL && store_derived (db, derived, error);
}

/* ---- the sums of a bulk change, beside it ------------------------------ */

/* Rows are handed over through a temporary file in parts of this many. */
#define BULK_PART_ROWS 16384

/* A bulk change of the results (a region's import into a file without
 * results) hands every row it stores to shnor_derived_bulk_add(); they
 * are kept, in their order, in an unlinked temporary file (the memory
 * stays the same whatever the number of rows). While the caller builds
 * the table's indexes again, another thread computes the sums from that
 * file, which spares the two passes over the table afterwards. When the
 * temporary file cannot be written the edit's refresh computes the sums
 * from the table, as for any change. */
/* every byte of a row written is one of its fields */
G_STATIC_ASSERT (sizeof (ShnorDerivedRow) == 3 * sizeof (gint64) + 4 * sizeof (int));

struct _ShnorDerivedBulk
{
  int              fd;        /* -1 when the rows cannot be kept */
  char            *path;
  ShnorDerivedRow *part;
  guint            n_part;
  guint64          n_rows;
  GThread         *thread;
  Computation      computation;
  ShnorDerived    *derived;   /* what the thread computed; NULL on an error */
  GError          *error;     /* a result of no school or assessment */
  gboolean         unread;    /* the file could not be read back */
};

ShnorDerivedBulk *
shnor_derived_bulk_new (void)
{
  ShnorDerivedBulk *bulk = g_new0 (ShnorDerivedBulk, 1);

  /* gone with the process, whatever happens to it: unlinked at once, or
   * on Windows deleted when it is closed */
#ifdef G_OS_WIN32
  int flags = O_RDWR | O_BINARY | _O_TEMPORARY;
#else
  int flags = O_RDWR;
#endif

  bulk->path = g_build_filename (g_get_tmp_dir (), "shnor-results-XXXXXX", NULL);
  bulk->fd = g_mkstemp_full (bulk->path, flags, 0600);
  if (bulk->fd < 0)
    g_debug ("the sums are left to the refresh: %s: %s", bulk->path, g_strerror (errno));
#ifndef G_OS_WIN32
  if (bulk->fd >= 0)
    g_unlink (bulk->path);
#endif
  bulk->part = g_new (ShnorDerivedRow, BULK_PART_ROWS);
  return bulk;
}

static void
bulk_close (ShnorDerivedBulk *bulk)
{
  /* (already unlinked, or deleted as it is closed) */
  if (bulk->fd >= 0)
    close (bulk->fd);
  bulk->fd = -1;
}

static void
bulk_write_part (ShnorDerivedBulk *bulk)
{
  gsize size = bulk->n_part * sizeof (ShnorDerivedRow);
  const char *data = (const char *) bulk->part;

  while (bulk->fd >= 0 && size > 0)
    {
      gssize n = write (bulk->fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_debug ("the sums are left to the refresh: %s", g_strerror (errno));
          bulk_close (bulk);
          break;
        }
      data += n;
      size -= (gsize) n;
    }
  bulk->n_part = 0;
}

/* One row stored, in the order of the rows. */
void
shnor_derived_bulk_add (ShnorDerivedBulk      *bulk,
                        const ShnorDerivedRow *row)
{
  if (bulk->fd < 0)
    return;
  bulk->part[bulk->n_part++] = *row;
  bulk->n_rows++;
  if (bulk->n_part == BULK_PART_ROWS)
    bulk_write_part (bulk);
}

/* Reads the rows back into bulk->part, a part at a time; the number read,
 * 0 at the end, -1 on an error. */
static gssize
bulk_read_part (ShnorDerivedBulk *bulk)
{
  gsize want = BULK_PART_ROWS * sizeof (ShnorDerivedRow), got = 0;

  while (got < want)
    {
      gssize n = read (bulk->fd, (char *) bulk->part + got, want - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      if (n == 0)
        break;
      got += (gsize) n;
    }
  return got % sizeof (ShnorDerivedRow) == 0 ? (gssize) (got / sizeof (ShnorDerivedRow)) : -1;
}

/* The thread: both passes over the rows kept. */
static gpointer
bulk_compute (gpointer data)
{
  ShnorDerivedBulk *bulk = data;

  for (int pass = 0; pass < 2; pass++)
    {
      guint64 n_read = 0;
      gssize n;

      if (lseek (bulk->fd, 0, SEEK_SET) != 0)
        n = -1;
      else
        while ((n = bulk_read_part (bulk)) > 0)
          {
            for (gssize i = 0; i < n; i++)
              if (pass == 0)
                computation_spread (&bulk->computation, &bulk->part[i]);
              else if (!computation_add (&bulk->computation, &bulk->part[i], &bulk->error))
                return NULL;
            n_read += (guint64) n;
          }
      if (n < 0 || n_read != bulk->n_rows)
        {
          bulk->unread = TRUE;
          return NULL;
        }
    }
  bulk->derived = computation_finish (&bulk->computation);
  return NULL;
}

/**
 * shnor_derived_bulk_start:
 *
 * Begins computing the sums of the rows handed over, on another thread,
 * once they are all stored in @db (the schools and assessments are read
 * now); the connection is free for the caller meanwhile.
 *
 * Returns: whether they are being computed; if not (the rows could not be
 *   kept), the edit's refresh computes them from the table.
 */
gboolean
shnor_derived_bulk_start (ShnorDerivedBulk *bulk,
                          sqlite3          *db)
{
  g_autoptr(GError) error = NULL;

  if (bulk->n_part > 0)
    bulk_write_part (bulk);
  if (bulk->fd < 0)
    return FALSE;
  if (!computation_init (&bulk->computation, db, &error))
    {
      g_debug ("the sums are left to the refresh: %s", error->message);
      computation_clear (&bulk->computation);
      bulk_close (bulk);
      return FALSE;
    }
  bulk->thread = g_thread_try_new ("shnor-sums", bulk_compute, bulk, &error);
  if (bulk->thread == NULL)
    {
      g_debug ("the sums are left to the refresh: %s", error->message);
      computation_clear (&bulk->computation);
      bulk_close (bulk);
      return FALSE;
    }
  return TRUE;
}

/**
 * shnor_derived_bulk_finish:
 *
 * Waits for the sums begun by shnor_derived_bulk_start() and stores them
 * in @db in place of any there, as those of all its results: the bulk
 * change began with no results. What the edit noted for the refresh is
 * done with them. A result of a school or an assessment @db does not
 * have is refused with @error.
 */
gboolean
shnor_derived_bulk_finish (ShnorDerivedBulk  *bulk,
                           sqlite3           *db,
                           GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (bulk->thread != NULL, FALSE);

  g_thread_join (g_steal_pointer (&bulk->thread));
  bulk_close (bulk);
  if (bulk->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&bulk->error));
      return FALSE;
    }
  /* (a file that could not be read back: from the table, the usual way) */
  ok = bulk->unread ? shnor_derived_rebuild (db, error) : store_derived (db, bulk->derived, error);
  return ok && shnor_sqlite_exec (db, "DELETE FROM temp.derived_dirty", error);
}

void
shnor_derived_bulk_free (ShnorDerivedBulk *bulk)
{
  if (bulk == NULL)
    return;
  if (bulk->thread != NULL)
    g_thread_join (bulk->thread);
  bulk_close (bulk);
  computation_clear (&bulk->computation);
  g_clear_pointer (&bulk->derived, shnor_derived_free);
  g_clear_error (&bulk->error);
  g_free (bulk->path);
  g_free (bulk->part);
  g_free (bulk);
}

/* ---- keeping them up to date ------------------------------------------- */

/* The assessments and years whose results changed in the current
 * transaction, noted by triggers of the connection (so that a rollback
 * forgets them with the change); (0, 0) stands for all. */
#define WATCH \
  "CREATE TEMP TABLE IF NOT EXISTS derived_dirty (assessment_id INTEGER NOT NULL, year INTEGER NOT NULL," \
  " PRIMARY KEY (assessment_id, year)) WITHOUT ROWID;" \
  "CREATE TEMP TRIGGER IF NOT EXISTS derived_result_i AFTER INSERT ON main.result BEGIN" \
  " INSERT OR IGNORE INTO derived_dirty VALUES (new.assessment_id, new.year); END;" \
  "CREATE TEMP TRIGGER IF NOT EXISTS derived_result_u AFTER UPDATE ON main.result BEGIN" \
  " INSERT OR IGNORE INTO derived_dirty VALUES (old.assessment_id, old.year), (new.assessment_id, new.year); END;" \
  "CREATE TEMP TRIGGER IF NOT EXISTS derived_result_d AFTER DELETE ON main.result BEGIN" \
  " INSERT OR IGNORE INTO derived_dirty VALUES (old.assessment_id, old.year); END;"

/* Starts noting the changes of the results of the connection @db. */
gboolean
shnor_derived_watch (sqlite3  *db,
                     GError  **error)
{
  return shnor_sqlite_exec (db, WATCH, error);
}

/**
 * shnor_derived_mark:
 * @source: "main.result" or a holding table of the connection
 *
 * Notes the assessments and years of the rows @lo to @hi of @source,
 * which a bulk change moved with the triggers set aside; all of them when
 * @all (rows of most of the results).
 */
gboolean
shnor_derived_mark (sqlite3     *db,
                    const char  *source,
                    gint64       lo,
                    gint64       hi,
                    gboolean     all,
                    GError     **error)
{
  g_autofree char *sql = all ? g_strdup ("INSERT OR IGNORE INTO temp.derived_dirty VALUES (0, 0)")
                             : g_strdup_printf ("INSERT OR IGNORE INTO temp.derived_dirty SELECT DISTINCT"
                                                " assessment_id, year FROM %s WHERE rowid BETWEEN ?1 AND ?2",
                                                source);
  g_autoptr(sqlite3_stmt) stmt = shnor_sqlite_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (!all)
    {
      sqlite3_bind_int64 (stmt, 1, lo);
      sqlite3_bind_int64 (stmt, 2, hi);
    }
  return step_done (db, stmt, error);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Writes @sums (of the schools @ids, by the index of @index) as the rows of
 * @subject ("" for all) in @year, in place of the stored ones. */
static gboolean
replace_unit (sqlite3                *db,
              const char             *subject,
              int                     year,
              GArray                 *ids,
              const ShnorMetricSums  *sums,
              GHashTable             *index,
              GError                **error)
{
  g_autoptr(sqlite3_stmt) drop = shnor_sqlite_prepare (db, "DELETE FROM result_sums WHERE subject = ?1 AND year = ?2",
                                                       error);
  g_autoptr(sqlite3_stmt) insert = drop ? shnor_sqlite_prepare (db, INSERT_SUMS, error) : NULL;

  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (drop, 1, subject, -1, SQLITE_STATIC);
  sqlite3_bind_int (drop, 2, year);
  if (!step_done (db, drop, error))
    return FALSE;
  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      const ShnorMetricSums *s = &sums[GPOINTER_TO_UINT (g_hash_table_lookup (index, &id)) - 1];

      if (!shnor_metric_sums_is_empty (s) && !insert_sums (db, insert, subject, year, id, s, error))
        return FALSE;
    }
  return TRUE;
}

/* The index of @id among the unit's schools, added when new. */
static guint
unit_school (GArray     *ids,
             GHashTable *index,
             gint64      id)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));

  if (i == 0)
    {
      g_array_append_val (ids, id);
      i = ids->len;
      g_hash_table_insert (index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i));
    }
  return i - 1;
}

/* Computes the sums of @subject in @year from its results again, in the
 * order of their rows, as shnor_derived_compute() reads them. */
static gboolean
refresh_unit (sqlite3     *db,
              const char  *subject,
              int          year,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) rows = shnor_sqlite_prepare (db,
    "SELECT assessment_id, school_id, participants, mean, below FROM result WHERE year = ?2"
    " AND assessment_id IN (SELECT id FROM assessment WHERE subject = ?1) ORDER BY id", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) results = g_array_new (FALSE, FALSE, sizeof (ShnorUnitResult));
  g_autofree ShnorMetricSums *sums = NULL;
  int rc;

  if (rows == NULL)
    return FALSE;
  sqlite3_bind_text (rows, 1, subject, -1, SQLITE_STATIC);
  sqlite3_bind_int (rows, 2, year);
  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      ShnorUnitResult r;

      r.assessment = sqlite3_column_int64 (rows, 0);
      r.school = unit_school (ids, index, sqlite3_column_int64 (rows, 1));
      r.participants = sqlite3_column_int (rows, 2);
      r.mean = sqlite3_column_type (rows, 3) == SQLITE_NULL ? NAN : sqlite3_column_double (rows, 3);
      r.below = sqlite3_column_type (rows, 4) == SQLITE_NULL ? -1 : sqlite3_column_int (rows, 4);
      g_array_append_val (results, r);
    }
  if (!step_error (db, rc, error))
    return FALSE;
  sums = g_new0 (ShnorMetricSums, MAX (ids->len, 1));
  shnor_metrics_sum_unit ((const ShnorUnitResult *) (gpointer) results->data, results->len, sums, ids->len);
  return replace_unit (db, subject, year, ids, sums, index, error);
}

/* Adds up again the sums of all subjects of @year from the subjects'
 * stored sums, in the byte order of the subjects' names. */
static gboolean
refresh_year (sqlite3  *db,
              int       year,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) subjects = shnor_sqlite_prepare (db, "SELECT DISTINCT subject FROM assessment"
                                                               " WHERE subject <> '' ORDER BY subject", error);
  g_autoptr(sqlite3_stmt) rows = subjects ? shnor_sqlite_prepare (db,
    "SELECT school_id, z_sum, z_weight, below, below_of FROM result_sums WHERE subject = ?1 AND year = ?2", error)
    : NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) totals = g_array_new (FALSE, TRUE, sizeof (ShnorMetricSums));
  int rc;

  if (rows == NULL)
    return FALSE;
  while ((rc = sqlite3_step (subjects)) == SQLITE_ROW)
    {
      sqlite3_bind_text (rows, 1, (const char *) sqlite3_column_text (subjects, 0), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (rows, 2, year);
      while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
        {
          guint s = unit_school (ids, index, sqlite3_column_int64 (rows, 0));
          ShnorMetricSums sums = { sqlite3_column_double (rows, 1), sqlite3_column_double (rows, 2),
                                   sqlite3_column_double (rows, 3), sqlite3_column_double (rows, 4) };

          g_array_set_size (totals, ids->len);
          shnor_metric_sums_add (&g_array_index (totals, ShnorMetricSums, s), &sums);
        }
      sqlite3_reset (rows);
      if (rc != SQLITE_DONE)
        break;
    }
  if (rc != SQLITE_DONE)
    {
      shnor_sqlite_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return replace_unit (db, "", year, ids, (const ShnorMetricSums *) (gpointer) totals->data, index, error);
}

/* Computes the municipal figures of @assessment_id in @year from its
 * results again, in the order of their rows. */
static gboolean
refresh_pair (sqlite3  *db,
              gint64    assessment_id,
              int       year,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) rows = shnor_sqlite_prepare (db, "SELECT participants, mean, below FROM result"
                                                           " WHERE assessment_id = ?1 AND year = ?2 ORDER BY id", error);
  g_autoptr(sqlite3_stmt) drop = rows ? shnor_sqlite_prepare (db, "DELETE FROM assessment_sums"
                                                                  " WHERE assessment_id = ?1 AND year = ?2", error) : NULL;
  g_autoptr(sqlite3_stmt) insert = drop ? shnor_sqlite_prepare (db, INSERT_ASSESSMENT_SUMS, error) : NULL;
  ShnorAssessmentSums sums = { 0 };
  int rc;

  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (rows, 1, assessment_id);
  sqlite3_bind_int (rows, 2, year);
  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      ShnorUnitResult r = { 0, 0, sqlite3_column_int (rows, 0),
                            sqlite3_column_type (rows, 1) == SQLITE_NULL ? NAN : sqlite3_column_double (rows, 1),
                            sqlite3_column_type (rows, 2) == SQLITE_NULL ? -1 : sqlite3_column_int (rows, 2) };

      assessment_sums_add (&sums, &r);
    }
  if (!step_error (db, rc, error))
    return FALSE;
  sqlite3_bind_int64 (drop, 1, assessment_id);
  sqlite3_bind_int (drop, 2, year);
  if (!step_done (db, drop, error))
    return FALSE;
  return sums.schools == 0 || insert_assessment_sums (db, insert, assessment_id, year, &sums, error);
}

/* The municipal figures of every assessment and year noted */
static gboolean
refresh_pairs (sqlite3  *db,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) pairs = shnor_sqlite_prepare (db, "SELECT assessment_id, year FROM temp.derived_dirty",
                                                        error);
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (pairs == NULL)
    return FALSE;
  while ((rc = sqlite3_step (pairs)) == SQLITE_ROW)
    {
      gint64 key = pair_key (sqlite3_column_int64 (pairs, 0), sqlite3_column_int (pairs, 1));

      g_array_append_val (list, key);
    }
  if (!step_error (db, rc, error))
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      gint64 key = g_array_index (list, gint64, i);

      if (!refresh_pair (db, key / 10000, (int) (key % 10000), error))
        return FALSE;
    }
  return TRUE;
}

/**
 * shnor_derived_refresh:
 *
 * Brings the sums kept in @db up to date with the changes noted since the
 * last refresh (see shnor_derived_watch()), within the caller's
 * transaction: each year and subject whose results changed is computed
 * again from its results, then the year's sums over all subjects.
 */
gboolean
shnor_derived_refresh (sqlite3  *db,
                       GError  **error)
{
  /* the subjects of the assessments changed; in a year with results of
   * an assessment that is gone (an import that added it, undone: its
   * subject is not known any more), every subject with sums that year;
   * and the subjects whose sums are left without a result. Each step is
   * a lookup in an index: the subjects of the sums one after the other
   * (not a scan of the sums of every school), and the results of a
   * subject's assessments in a year (CROSS JOIN: a scan of a region's
   * results for each subject took a minute). */
  g_autoptr(sqlite3_stmt) units = shnor_sqlite_prepare (db,
    "SELECT a.subject, d.year FROM temp.derived_dirty d JOIN assessment a ON a.id = d.assessment_id"
    " WHERE a.subject <> ''"
    " UNION SELECT k.subject, k.year FROM (WITH RECURSIVE subjects (subject) AS"
    " (SELECT min (subject) FROM result_sums WHERE subject > ''"
    " UNION ALL SELECT (SELECT min (subject) FROM result_sums WHERE subject > subjects.subject)"
    " FROM subjects WHERE subject IS NOT NULL)"
    " SELECT s.subject, y.year, y.gone FROM subjects s, (SELECT year, max (NOT EXISTS (SELECT 1 FROM assessment a"
    " WHERE a.id = d.assessment_id)) AS gone FROM temp.derived_dirty d GROUP BY year) y"
    " WHERE s.subject IS NOT NULL) k"
    " WHERE EXISTS (SELECT 1 FROM result_sums x WHERE x.subject = k.subject AND x.year = k.year)"
    " AND (k.gone OR NOT EXISTS (SELECT 1 FROM assessment a CROSS JOIN result r ON r.assessment_id = a.id"
    " AND r.year = k.year WHERE a.subject = k.subject))"
    " ORDER BY 2, 1", error);
  g_autoptr(sqlite3_stmt) all = NULL;
  g_autoptr(GPtrArray) subjects = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean rebuild;
  int rc;

  /* All of them noted, or as many as half the assessments and years
   * (a school deleted with its results): computed again from all results
   * read in the order they are stored, rather than subject by subject
   * through the index (three times longer on a region). */
  if (units == NULL || (all = shnor_sqlite_prepare (db,
        "SELECT 1 FROM temp.derived_dirty WHERE assessment_id = 0"
        " UNION ALL SELECT 1 FROM (SELECT count(*) AS n FROM temp.derived_dirty)"
        " WHERE n > 16 AND n * 2 >= (SELECT count(*) FROM assessment_sums)",
        error)) == NULL)
    return FALSE;
  rebuild = sqlite3_step (all) == SQLITE_ROW;
  while (!rebuild && (rc = sqlite3_step (units)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (units, 1);

      g_ptr_array_add (subjects, g_strdup ((const char *) sqlite3_column_text (units, 0)));
      g_array_append_val (years, year);
    }
  if (!rebuild && rc != SQLITE_DONE)
    {
      shnor_sqlite_set_error (error, db, rc, NULL);
      return FALSE;
    }
  if (rebuild)
    {
      if (!shnor_derived_rebuild (db, error))
        return FALSE;
    }
  else if (!refresh_pairs (db, error))
    return FALSE;
  else
    for (guint i = 0; i < subjects->len; i++)
      {
        int year = g_array_index (years, int, i);

        if (!refresh_unit (db, subjects->pdata[i], year, error))
          return FALSE;
        if ((i + 1 == years->len || g_array_index (years, int, i + 1) != year) && !refresh_year (db, year, error))
          return FALSE;
      }
  return shnor_sqlite_exec (db, "DELETE FROM temp.derived_dirty", error);
}
