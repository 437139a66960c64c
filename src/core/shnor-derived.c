/* shnor-derived.c: the statistics behind identification, from the results.
 *
 * The unit of computation is a year and a subject: the z-scores of an
 * assessment (kind, subject, grade) in a year need all its results, and a
 * school's sums over a subject add its assessments in the order of their
 * numbers. The sums over all subjects add the subjects' sums in the byte
 * order of their names. Done the same way, the sums come out the same to
 * the last bit whether all results are read at once or one unit again
 * after an edit. */
#define G_LOG_DOMAIN "shnor-derived"

#include "config.h"
#include <math.h>
#include <string.h>

#include "shnor-derived.h"
#include "shnor-document-private.h"
#include "shnor-sqlite.h"

typedef struct {
  int              year;
  const char      *subject;   /* owned by the subjects table */
  ShnorMetricSums *sums;      /* one per school */
} Unit;

struct _ShnorDerived
{
  GArray     *school_ids;     /* of gint64, ascending */
  GHashTable *subjects;       /* subject → itself: the names, owned */
  GPtrArray  *units;          /* of Unit, by year, then subject */
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
      char *interned = g_hash_table_lookup (subjects, subject ? subject : "");

      if (interned == NULL)
        {
          interned = g_strdup (subject ? subject : "");
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

typedef struct {
  ShnorDerived *derived;
  GHashTable   *units;        /* "year\tsubject" → Unit */
  GArray       *group;        /* of ShnorUnitResult: one assessment's results of one year */
  gint64        assessment;
  int           year;
  const char   *subject;
} Scan;

/* Adds the results gathered in @scan->group to their unit. */
static void
flush_group (Scan *scan)
{
  g_autofree char *key = NULL;
  Unit *unit;

  if (scan->group->len == 0)
    return;
  key = g_strdup_printf ("%d\t%s", scan->year, scan->subject);
  unit = g_hash_table_lookup (scan->units, key);
  if (unit == NULL)
    {
      unit = g_new0 (Unit, 1);
      unit->year = scan->year;
      unit->subject = scan->subject;
      unit->sums = g_new0 (ShnorMetricSums, MAX (scan->derived->school_ids->len, 1));
      g_hash_table_insert (scan->units, g_steal_pointer (&key), unit);
      g_ptr_array_add (scan->derived->units, unit);
    }
  shnor_metrics_sum_unit ((const ShnorUnitResult *) (gpointer) scan->group->data, scan->group->len,
                          unit->sums, scan->derived->school_ids->len);
  g_array_set_size (scan->group, 0);
}

/**
 * shnor_derived_compute:
 *
 * Computes every school's sums of every year and subject from all the
 * results of @db, in one pass over them along the index on the
 * assessment. Used to build the sums kept in the file, and to check them.
 */
ShnorDerived *
shnor_derived_compute (sqlite3  *db,
                       GError  **error)
{
  g_autoptr(ShnorDerived) derived = g_new0 (ShnorDerived, 1);
  g_autoptr(GHashTable) school_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) of_assessment = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) group = g_array_new (FALSE, FALSE, sizeof (ShnorUnitResult));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Scan scan = { NULL, units, group, -1, 0, NULL };
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  derived->school_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  derived->subjects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  derived->units = g_ptr_array_new_with_free_func (unit_free);
  scan.derived = derived;
  if (!load_schools (db, derived->school_ids, school_index, error) ||
      !load_subjects (db, of_assessment, derived->subjects, error))
    return NULL;

  /* the rowid last: the same order within an assessment and year as
   * the query of one unit (see shnor-document-derived.c) */
  stmt = shnor_sqlite_prepare (db, "SELECT assessment_id, year, school_id, participants, mean, below FROM result"
                                   " ORDER BY assessment_id, year, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 assessment = sqlite3_column_int64 (stmt, 0);
      int year = sqlite3_column_int (stmt, 1);
      gint64 school_id = sqlite3_column_int64 (stmt, 2);
      guint school = GPOINTER_TO_UINT (g_hash_table_lookup (school_index, &school_id));
      ShnorUnitResult r;

      if (assessment != scan.assessment || year != scan.year)
        {
          flush_group (&scan);
          scan.assessment = assessment;
          scan.year = year;
          scan.subject = g_hash_table_lookup (of_assessment, &assessment);
        }
      if (school == 0 || scan.subject == NULL)
        continue;   /* the foreign keys leave none */
      r.school = school - 1;
      r.assessment = assessment;
      r.participants = sqlite3_column_int (stmt, 3);
      r.mean = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 4);
      r.below = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 5);
      g_array_append_val (group, r);
    }
  if (rc != SQLITE_DONE)
    {
      shnor_sqlite_set_error (error, db, rc, NULL);
      return NULL;
    }
  flush_group (&scan);

  g_ptr_array_sort (derived->units, compare_units);
  if (derived->units->len > 0)
    {
      derived->first_year = ((Unit *) derived->units->pdata[0])->year;
      derived->last_year = ((Unit *) derived->units->pdata[derived->units->len - 1])->year;
    }
  return g_steal_pointer (&derived);
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

/**
 * shnor_identification_check:
 * @name: the file's name, for the message
 *
 * What `shnor --check` verifies of identification, on a connection to a
 * file that passed SQLite's integrity check: every criteria set and
 * criterion is valid.
 */
gboolean
shnor_identification_check (sqlite3     *db,
                            const char  *name,
                            GError     **error)
{
  return shnor_criteria_sets_check (db, name, error);
}
