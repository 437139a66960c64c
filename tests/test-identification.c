/* test-identification.c: criteria sets, the classifier and risk profiles,
 * without a display. The expectations are computed by hand (see the
 * comments of each case), not by the code under test. */
#include <math.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "shnor-context.h"
#include "shnor-demo.h"
#include "shnor-derived.h"
#include "shnor-document-private.h"
#include "shnor-schema.h"
#include "shnor-error.h"
#include "test-util.h"

#define H (1u << SHNOR_GROUP_HIGH)
#define L (1u << SHNOR_GROUP_LOW)
#define D (1u << SHNOR_GROUP_DECLINE)
#define S (1u << SHNOR_GROUP_SOCIAL)
#define LS (1u << SHNOR_GROUP_LOW_SOCIAL)

typedef struct {
  char          *dir;
  char          *path;
  ShnorDocument *doc;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = test_tmpdir ();
  f->path = g_build_filename (f->dir, "Округ.shnor", NULL);
  f->doc = shnor_document_create (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->doc);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* ---- small municipalities from a table ------------------------------- */

/* One result: school letter, subject ("M" or "R"), year, participants,
 * mean (NAN: none). ОГЭ, grade 9. */
typedef struct {
  char   school;
  char   subject;
  int    year;
  int    participants;
  double mean;
} Row;

typedef struct {
  const char *name;
  const char *schools;       /* letters, in the order they are added */
  const Row  *rows;
  guint       n_rows;
  guint       expected[8];   /* groups per school, in the order of @schools */
  double      z_2026[8];     /* hand-computed standardised results of 2026; NAN: none */
} Municipality;

static GHashTable *
build (ShnorDocument      *doc,
       const Municipality *m)
{
  GHashTable *ids = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) results = g_array_new (FALSE, TRUE, sizeof (ShnorResult));
  g_autoptr(GError) error = NULL;

  for (const char *c = m->schools; *c; c++)
    {
      g_autofree char *name = g_strdup_printf ("Школа %c", *c);
      gint64 id = shnor_document_add_school (doc, name, &error);

      g_assert_no_error (error);
      g_hash_table_insert (ids, GINT_TO_POINTER (*c), GSIZE_TO_POINTER ((gsize) id));
    }
  for (guint i = 0; i < m->n_rows; i++)
    {
      ShnorResult r = { 0 };

      r.school_id = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (ids, GINT_TO_POINTER (m->rows[i].school)));
      r.year = m->rows[i].year;
      shnor_result_set_names (&r, "ОГЭ", m->rows[i].subject == 'M' ? "Математика" : "Русский язык");
      r.grade = 9;
      r.participants = m->rows[i].participants;
      r.has_mean = !isnan (m->rows[i].mean);
      r.mean = r.has_mean ? m->rows[i].mean : 0;
      g_array_append_val (results, r);
    }
  g_assert_true (shnor_document_put_results (doc, (ShnorResult *) results->data, results->len, "test", &error));
  g_assert_no_error (error);
  return ids;
}

/* Ties at the quartile border. Five schools, 10 participants each, the
 * same means in 2024–2026: A 3.0, B 3.0, C 3.5, D 4.0, E 4.5. Mean 3.6,
 * SD sqrt(1.7/5) = 0.58310; z: A = B = -1.02899, C -0.17150, D 0.68599,
 * E 1.54348. P25 at position 4·0.25 = 1 is B's value itself, so A and B
 * are both at or below it; P75 at position 3 is D's value. */
static const Row ties_rows[] = {
  { 'A', 'M', 2024, 10, 3.0 }, { 'B', 'M', 2024, 10, 3.0 }, { 'C', 'M', 2024, 10, 3.5 },
  { 'D', 'M', 2024, 10, 4.0 }, { 'E', 'M', 2024, 10, 4.5 },
  { 'A', 'M', 2025, 10, 3.0 }, { 'B', 'M', 2025, 10, 3.0 }, { 'C', 'M', 2025, 10, 3.5 },
  { 'D', 'M', 2025, 10, 4.0 }, { 'E', 'M', 2025, 10, 4.5 },
  { 'A', 'M', 2026, 10, 3.0 }, { 'B', 'M', 2026, 10, 3.0 }, { 'C', 'M', 2026, 10, 3.5 },
  { 'D', 'M', 2026, 10, 4.0 }, { 'E', 'M', 2026, 10, 4.5 },
};

/* Missing years. 2024: B 2.0, C 3.0, D 4.0 (A has no results);
 * 2025 and 2026: A 2.0, B 2.5, C 3.0, D 4.0. A is the lowest of 2025 and
 * 2026 but not low in 2024, when it had no results; B is low in 2024 only
 * (in 2025 P25 = zA + 0.75·(zB − zA) < zB). D is the highest every year. */
static const Row missing_rows[] = {
  { 'B', 'M', 2024, 20, 2.0 }, { 'C', 'M', 2024, 20, 3.0 }, { 'D', 'M', 2024, 20, 4.0 },
  { 'A', 'M', 2025, 20, 2.0 }, { 'B', 'M', 2025, 20, 2.5 }, { 'C', 'M', 2025, 20, 3.0 },
  { 'D', 'M', 2025, 20, 4.0 },
  { 'A', 'M', 2026, 20, 2.0 }, { 'B', 'M', 2026, 20, 2.5 }, { 'C', 'M', 2026, 20, 3.0 },
  { 'D', 'M', 2026, 20, 4.0 },
};

/* A school with one assessment. Russian: A 4.0, B 3.5, C 3.0, D 2.5 (mean
 * 3.25, SD 0.55902: z 1.34164, 0.44721, -0.44721, -1.34164); mathematics:
 * A 4.0, B 3.5, C 3.0 (mean 3.5, SD 0.40825: z 1.22474, 0, -1.22474); D
 * has no mathematics. School z: A 1.28319, B 0.22361, C -0.83598,
 * D -1.34164. P25 = zD + 0.75·(zC − zD) = -0.96237: only D; P75 = zB +
 * 0.25·(zA − zB) = 0.48851: only A. */
#define ONE(y) \
  { 'A', 'R', y, 10, 4.0 }, { 'B', 'R', y, 10, 3.5 }, { 'C', 'R', y, 10, 3.0 }, { 'D', 'R', y, 10, 2.5 }, \
  { 'A', 'M', y, 10, 4.0 }, { 'B', 'M', y, 10, 3.5 }, { 'C', 'M', y, 10, 3.0 }
static const Row one_rows[] = { ONE (2024), ONE (2025), ONE (2026) };

/* Zero participants: Z took part with nobody (no mean is possible), so it
 * has no standardised result and does not move the others' quartiles:
 * A 2.5 (30 participants), B 3.0, C 4.0, D 4.5 (10 each): weighted mean
 * 190/60 = 3.16667, variance 640/60 − 3.16667² = 0.63889 (SD 0.79931);
 * z A -0.83406, B -0.20851, C 1.04257, D 1.66812. P25 at position 0.75
 * lies between A and B: only A; P75 at 2.25 between C and D: only D. */
#define ZERO(y) \
  { 'A', 'M', y, 30, 2.5 }, { 'B', 'M', y, 10, 3.0 }, { 'C', 'M', y, 10, 4.0 }, { 'D', 'M', y, 10, 4.5 }, \
  { 'Z', 'M', y, 0, NAN }
static const Row zero_rows[] = { ZERO (2024), ZERO (2025), ZERO (2026) };

static const Municipality municipalities[] = {
  { "ties", "ABCDE", ties_rows, G_N_ELEMENTS (ties_rows),
    { L, L, 0, H, H }, { -1.02899, -1.02899, -0.17150, 0.68599, 1.54349 } },
  { "missing-years", "ABCD", missing_rows, G_N_ELEMENTS (missing_rows),
    { 0, 0, 0, H }, { -1.18322, -0.50709, 0.16903, 1.52128 } },
  { "one-assessment", "ABCD", one_rows, G_N_ELEMENTS (one_rows),
    { H, 0, 0, L }, { 1.28319, 0.22360, -0.83597, -1.34164 } },
  { "zero-participants", "ABCDZ", zero_rows, G_N_ELEMENTS (zero_rows),
    { L, 0, 0, H, 0 }, { -0.83406, -0.20851, 1.04257, 1.66812, NAN } },
};

static void
check_reasons_match (ShnorClassification *cls,
                     gint64               id)
{
  guint n;
  const ShnorReason *reasons = shnor_classification_get_reasons (cls, id, &n);
  guint has = 0, failed = 0;

  for (guint i = 0; i < n; i++)
    {
      const ShnorReason *r = &reasons[i];
      guint met_years = 0;

      has |= 1u << r->criterion->group;
      if (!r->met)
        failed |= 1u << r->criterion->group;
      if (r->criterion->aggregate == SHNOR_AGGREGATE_EACH)
        {
          for (guint k = 0; k < r->n_years; k++)
            met_years += r->years[k].met;
          g_assert_cmpint (r->met, ==, met_years >= (guint) r->criterion->at_least);
        }
    }
  if ((has & ~failed & (L | S)) == (L | S))
    has |= LS;
  g_assert_cmpuint (shnor_classification_get_groups (cls, id), ==, has & ~failed);
}

static void
test_municipality (Fixture       *f,
                   gconstpointer  data)
{
  const Municipality *m = data;
  g_autoptr(GHashTable) ids = build (f->doc, m);
  g_autoptr(ShnorClassification) cls = shnor_document_classify (f->doc);
  const ShnorMetrics *metrics = shnor_document_get_metrics (f->doc);

  for (guint i = 0; m->schools[i]; i++)
    {
      gint64 id = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (ids, GINT_TO_POINTER (m->schools[i])));
      double z;
      gboolean known = FALSE;

      for (guint s = 0; s < shnor_metrics_get_n_schools (metrics); s++)
        if (shnor_metrics_get_school_id (metrics, s) == id)
          known = shnor_metrics_get (metrics, s, SHNOR_METRIC_Z, 2026, &z);
      g_test_message ("%s: school %c", m->name, m->schools[i]);
      g_assert_cmpint (known, ==, !isnan (m->z_2026[i]));
      if (known)
        g_assert_cmpfloat_with_epsilon (z, m->z_2026[i], 1e-4);
      g_assert_cmpuint (shnor_classification_get_groups (cls, id), ==, m->expected[i]);
      g_assert_cmpuint (shnor_school_get_groups (shnor_document_find_school (f->doc, id)), ==, m->expected[i]);
      check_reasons_match (cls, id);
    }
}

static gint64
school_id (GHashTable *ids,
           char        letter)
{
  return (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (ids, GINT_TO_POINTER (letter)));
}

static const ShnorCriterion *
find_criterion (const ShnorCriteriaSet *set,
                ShnorGroup              group,
                const char             *metric)
{
  for (guint i = 0; i < set->criteria->len; i++)
    {
      const ShnorCriterion *c = &g_array_index (set->criteria, ShnorCriterion, i);

      if (c->group == group && g_str_equal (c->metric, metric))
        return c;
    }
  g_assert_not_reached ();
}

/* Editing a criterion re-classifies at once, and the edit is undoable. */
static void
test_edit_reclassifies (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GHashTable) ids = build (f->doc, &municipalities[1]);
  g_autoptr(ShnorCriteriaSet) set = shnor_document_dup_active_criteria_set (f->doc);
  ShnorCriterion low;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorClassification) before = shnor_document_classify (f->doc);
  g_autoptr(ShnorClassification) after = NULL;
  g_autoptr(ShnorClassification) undone = NULL;
  gint64 a = school_id (ids, 'A');
  gint64 b = school_id (ids, 'B');
  guint n;
  const ShnorReason *reasons;

  g_assert_cmpuint (shnor_classification_get_groups (before, a), ==, 0);
  shnor_criterion_copy (find_criterion (set, SHNOR_GROUP_LOW, SHNOR_METRIC_Z), &low);
  low.at_least = 2;  /* "in at least 2 of the last 3 years" */
  g_assert_true (shnor_document_set_criterion (f->doc, &low, &error));
  g_assert_no_error (error);

  after = shnor_document_classify (f->doc);
  g_assert_cmpuint (shnor_classification_get_groups (after, a), ==, L);
  g_assert_cmpuint (shnor_classification_get_groups (after, b), ==, 0);  /* low in 2024 only */
  g_assert_cmpuint (shnor_school_get_groups (shnor_document_find_school (f->doc, a)), ==, L);

  /* A's reason: no data in 2024, low in 2025 and 2026 */
  reasons = shnor_classification_get_reasons (after, a, &n);
  for (guint i = 0; i < n; i++)
    if (reasons[i].criterion->group == SHNOR_GROUP_LOW)
      {
        g_assert_true (reasons[i].met);
        g_assert_cmpint (reasons[i].first_year, ==, 2024);
        g_assert_cmpint (reasons[i].last_year, ==, 2026);
        g_assert_cmpuint (reasons[i].n_years, ==, 3);
        g_assert_false (reasons[i].years[0].known);
        g_assert_true (reasons[i].years[1].met);
        g_assert_true (reasons[i].years[2].met);
        /* 2026: P25 of z -1.18322, -0.50709, 0.16903, 1.52128 at 0.75 */
        g_assert_cmpfloat_with_epsilon (reasons[i].years[2].limit, -1.18322 + 0.75 * (1.18322 - 0.50709), 1e-4);
      }

  g_assert_true (shnor_document_undo (f->doc, &error));
  undone = shnor_document_classify (f->doc);
  g_assert_cmpuint (shnor_classification_get_groups (undone, a), ==, 0);
  g_assert_cmpuint (shnor_school_get_groups (shnor_document_find_school (f->doc, a)), ==, 0);
  shnor_criterion_clear (&low);
}

/* Negative dynamics and social conditions, on metrics given directly. */
typedef struct {
  double z[3];                        /* 2024–2026; NAN: none */
  double shares[SHNOR_N_SOCIAL_WEIGHTS];  /* 2026; NAN: not known */
  guint  expected;
} Pure;

static void
test_pure (void)
{
  static const char * const share_metrics[SHNOR_N_SOCIAL_WEIGHTS] = {
    "context:share_low_income", "context:share_low_education", "context:share_non_native",
    "context:share_disabilities", "context:share_registered",
  };
  /* Default set: decline = z fell in both steps and by at least 0.3 in
   * total; ШНСУ = 0.3·low income + 0.3·low education + 0.1·non-native +
   * 0.1·ОВЗ + 0.2·КДН ≥ 35. Low/high use quartiles of these z too:
   * 2024 has seven values (P25 = -1 + 0.5·1 = -0.5, P75 = 0.5), 2025
   * and 2026 eight (P25 -0.3625 and -0.475; P75 0.425 and 0.225), so V and
   * W are low every year, X alone high every year. */
  static const Pure cases[] = {
    /* P: -0.2, -0.2 → total -0.4: decline */
    { { 0.5, 0.3, 0.1 }, { 10, 10, 0, 0, 0 }, D },
    /* Q: -0.1, -0.1 → total -0.2: not enough */
    { { 0.5, 0.4, 0.3 }, { 10, 10, 0, 0, 0 }, 0 },
    /* R: fell then rose */
    { { 0.5, 0.1, 0.2 }, { 10, 10, 0, 0, 0 }, 0 },
    /* T: exactly -0.3 in total (on the border: met); 0.3·50 + 0.3·50 +
     * 0.1·25 + 0.1·25 = 35, on the border too */
    { { 0.0, -0.15, -0.3 }, { 50, 50, 25, 25, 0 }, D | S },
    /* U: no 2024: the first step is unknown; 0.3·50 + 0.3·40 = 27 */
    { { NAN, 0.5, 0.0 }, { 50, 40, 0, 0, 0 }, 0 },
    /* V: 18 + 18 + 1 + 1 + 2 = 40: ШНСУ; lowest every year: low; so
     * both, the combined group of seed 001 */
    { { -2.0, -2.0, -2.0 }, { 60, 60, 10, 10, 10 }, L | S | LS },
    /* W: a weighted share is not known: no index, not ШНСУ; low */
    { { -1.0, -1.0, -1.0 }, { 90, 90, 90, 90, NAN }, L },
    /* X: highest every year */
    { { 2.0, 2.0, 2.0 }, { 0, 0, 0, 0, 0 }, H },
  };
  gint64 ids[G_N_ELEMENTS (cases)];
  g_autoptr(ShnorMetrics) m = NULL;
  g_autoptr(ShnorClassification) cls = NULL;
  g_autoptr(ShnorCriteriaSet) set = shnor_criteria_set_new ();
  static const ShnorCriterion criteria[] = {
    { 1, SHNOR_GROUP_HIGH, "z", SHNOR_COMPARE_PERCENTILE_GE, 75, SHNOR_AGGREGATE_EACH, 3, 3 },
    { 2, SHNOR_GROUP_LOW, "z", SHNOR_COMPARE_PERCENTILE_LE, 25, SHNOR_AGGREGATE_EACH, 3, 3 },
    { 3, SHNOR_GROUP_DECLINE, "z_change", SHNOR_COMPARE_LT, 0, SHNOR_AGGREGATE_EACH, 2, 2 },
    { 4, SHNOR_GROUP_DECLINE, "z_change", SHNOR_COMPARE_LE, -0.3, SHNOR_AGGREGATE_SUM, 2, 1 },
    { 5, SHNOR_GROUP_SOCIAL, "social", SHNOR_COMPARE_GE, 35, SHNOR_AGGREGATE_EACH, 1, 1 },
  };
  static const double weights[SHNOR_N_SOCIAL_WEIGHTS] = { 0.3, 0.3, 0.1, 0.1, 0.2 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    ids[i] = 100 + i;
  m = shnor_metrics_new (ids, G_N_ELEMENTS (cases), 2024, 2026);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      for (int y = 0; y < 3; y++)
        if (!isnan (cases[i].z[y]))
          shnor_metrics_set (m, i, SHNOR_METRIC_Z, 2024 + y, cases[i].z[y]);
      for (guint k = 0; k < SHNOR_N_SOCIAL_WEIGHTS; k++)
        if (!isnan (cases[i].shares[k]))
          shnor_metrics_set (m, i, share_metrics[k], 2026, cases[i].shares[k]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (criteria); i++)
    {
      ShnorCriterion c;

      shnor_criterion_copy (&criteria[i], &c);
      g_array_append_val (set->criteria, c);
    }
  memcpy (set->weights, weights, sizeof weights);

  cls = shnor_classify (m, set);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpuint (shnor_classification_get_groups (cls, ids[i]), ==, cases[i].expected);
      check_reasons_match (cls, ids[i]);
    }

  /* The combined group of seed 001 lists the schools in both */
  {
    g_autoptr(GArray) both = shnor_classification_list_group (cls, SHNOR_GROUP_LOW_SOCIAL);

    g_assert_cmpuint (both->len, ==, 1);
    g_assert_cmpint (g_array_index (both, gint64, 0), ==, ids[5]);
  }

  /* The total of T's decline is shown as a value with its limit */
  {
    guint n;
    const ShnorReason *r = shnor_classification_get_reasons (cls, ids[3], &n);

    g_assert_cmpuint (n, ==, G_N_ELEMENTS (criteria));
    g_assert_true (r[3].total_known);
    g_assert_cmpfloat_with_epsilon (r[3].total, -0.3, 1e-12);
    g_assert_cmpfloat (r[3].total_limit, ==, -0.3);
    g_assert_cmpint (r[2].first_year, ==, 2025);  /* two steps: 2025 and 2026 */
    g_assert_cmpfloat_with_epsilon (r[4].years[0].value, 35, 1e-12);
  }

  /* A set without criteria puts nobody anywhere; an unknown school has no
   * groups and no reasons */
  {
    g_autoptr(ShnorCriteriaSet) empty = shnor_criteria_set_new ();
    g_autoptr(ShnorClassification) none = shnor_classify (m, empty);
    guint n = 99;

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      g_assert_cmpuint (shnor_classification_get_groups (none, ids[i]), ==, 0);
    g_assert_null (shnor_classification_get_reasons (cls, 7, &n));
    g_assert_cmpuint (n, ==, 0);
  }
}

/* The default set is in every new document, and describes itself. */
static void
test_default_set (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) sets = shnor_document_get_criteria_sets (f->doc);
  const ShnorCriteriaSet *set;
  g_autofree char *low = NULL;

  g_assert_cmpuint (sets->len, ==, 1);
  set = sets->pdata[0];
  g_assert_true (set->active);
  g_assert_cmpuint (set->criteria->len, ==, 5);
  g_assert_cmpfloat (set->weights[0], ==, 0.3);
  low = shnor_criterion_describe (find_criterion (set, SHNOR_GROUP_LOW, SHNOR_METRIC_Z), NULL);
  g_assert_cmpstr (low, ==, "Standardised result at or below the 25-th percentile, in each of the last 3 years");
}

/* Bad criteria and set fields are refused with a reason, and nothing
 * changes. */
static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ShnorCriteriaSet) set = shnor_document_dup_active_criteria_set (f->doc);
  ShnorCriterion c;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorCriteriaSet) unchanged = NULL;

  shnor_criterion_copy (find_criterion (set, SHNOR_GROUP_LOW, SHNOR_METRIC_Z), &c);
  c.threshold = 150;
  g_assert_false (shnor_document_set_criterion (f->doc, &c, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  c.threshold = 25;
  c.at_least = 4;  /* more than N = 3 */
  g_assert_false (shnor_document_set_criterion (f->doc, &c, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  c.at_least = 3;
  g_free (c.metric);
  c.metric = g_strdup ("context:nothing");
  g_assert_false (shnor_document_set_criterion (f->doc, &c, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  shnor_criterion_clear (&c);

  g_assert_false (shnor_document_set_criteria_set_field (f->doc, set->id, "order_date", "31.02.2026", &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (shnor_document_set_criteria_set_field (f->doc, set->id, "w_registered", "-1", &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (shnor_document_set_criteria_set_field (f->doc, set->id, "name", "  ", &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (shnor_document_delete_criteria_set (f->doc, set->id, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (shnor_document_can_undo (f->doc));

  unchanged = shnor_document_dup_active_criteria_set (f->doc);
  g_assert_cmpuint (unchanged->criteria->len, ==, 5);
  g_assert_cmpstr (unchanged->order_date, ==, "");

  /* A good date is stored as ISO and shown as ДД.ММ.ГГГГ */
  g_assert_true (shnor_document_set_criteria_set_field (f->doc, set->id, "order_date", "1.9.2026", &error));
  g_assert_no_error (error);
  {
    g_autoptr(ShnorCriteriaSet) dated = shnor_document_dup_active_criteria_set (f->doc);
    g_autofree char *shown = shnor_format_iso_date (dated->order_date);

    g_assert_cmpstr (dated->order_date, ==, "2026-09-01");
    g_assert_cmpstr (shown, ==, "01.09.2026");
  }
}

/* Copy a set, adapt the copy, make it active: the classification follows;
 * the old set cannot be deleted while active, the copy can be after. */
static void
test_sets (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GHashTable) ids = build (f->doc, &municipalities[0]);
  g_autoptr(ShnorCriteriaSet) first = shnor_document_dup_active_criteria_set (f->doc);
  g_autoptr(GError) error = NULL;
  gint64 copy = shnor_document_copy_criteria_set (f->doc, first->id, &error);
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(ShnorClassification) cls = NULL;
  ShnorCriteriaSet *second;
  ShnorCriterion low;

  g_assert_no_error (error);
  g_assert_cmpint (copy, >, first->id);
  sets = shnor_document_get_criteria_sets (f->doc);
  g_assert_cmpuint (sets->len, ==, 2);
  second = sets->pdata[1];
  g_assert_false (second->active);
  g_assert_cmpuint (second->criteria->len, ==, 5);

  /* In the copy, ШНОР = z below -1.5 in each year: nobody (A and B are
   * at -1.02899) */
  shnor_criterion_copy (find_criterion (second, SHNOR_GROUP_LOW, SHNOR_METRIC_Z), &low);
  low.comparison = SHNOR_COMPARE_LT;
  low.threshold = -1.5;  /* nobody's z is below -1.5 */
  g_assert_true (shnor_document_set_criterion (f->doc, &low, &error));
  shnor_criterion_clear (&low);
  cls = shnor_document_classify (f->doc);
  g_assert_cmpuint (shnor_classification_get_groups (cls, school_id (ids, 'A')), ==, L);  /* first set still active */
  g_clear_pointer (&cls, shnor_classification_unref);

  g_assert_true (shnor_document_activate_criteria_set (f->doc, copy, &error));
  g_assert_no_error (error);
  cls = shnor_document_classify (f->doc);
  g_assert_cmpuint (shnor_classification_get_groups (cls, school_id (ids, 'A')), ==, 0);
  g_assert_cmpuint (shnor_classification_get_groups (cls, school_id (ids, 'E')), ==, H);
  g_assert_cmpint (shnor_classification_get_set (cls)->id, ==, copy);

  g_assert_false (shnor_document_delete_criteria_set (f->doc, copy, &error));
  g_clear_error (&error);
  g_assert_true (shnor_document_delete_criteria_set (f->doc, first->id, &error));
  g_assert_no_error (error);
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_clear_pointer (&sets, g_ptr_array_unref);
  sets = shnor_document_get_criteria_sets (f->doc);
  g_assert_cmpuint (sets->len, ==, 2);
  g_assert_cmpuint (((ShnorCriteriaSet *) sets->pdata[0])->criteria->len, ==, 5);
}

/* A deleted school leaves the classification; results added later join. */
static void
test_follows_data (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GHashTable) ids = build (f->doc, &municipalities[0]);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorClassification) cls = NULL;

  /* Without B: A 3.0, C 3.5, D 4.0, E 4.5 (mean 3.75, SD 0.55902): z A
   * -1.34164, C -0.44721, D 0.44721, E 1.34164; P25 at position 0.75 lies
   * between A and C: only A. */
  g_assert_true (shnor_document_delete_school (f->doc, school_id (ids, 'B'), &error));
  cls = shnor_document_classify (f->doc);
  g_assert_cmpuint (shnor_classification_get_groups (cls, school_id (ids, 'A')), ==, L);
  g_assert_cmpuint (shnor_classification_get_groups (cls, school_id (ids, 'B')), ==, 0);
  g_assert_cmpuint (shnor_classification_get_groups (cls, school_id (ids, 'C')), ==, 0);
}

static void
test_risk_profile (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 school = shnor_document_add_school (f->doc, "Школа", &error);
  g_autoptr(GArray) profile = shnor_document_get_risk_profile (f->doc, school, 2026);
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) other_year = NULL;
  g_autoptr(GArray) years = NULL;
  gint64 first, added;

  g_assert_cmpuint (profile->len, ==, 10);
  first = g_array_index (profile, ShnorRiskLevel, 0).factor_id;
  /* the file's data: Russian whatever the interface's language */
  g_assert_cmpstr (g_array_index (profile, ShnorRiskLevel, 0).factor, ==, "Низкий уровень оснащения школы");
  g_assert_cmpint (g_array_index (profile, ShnorRiskLevel, 0).level, ==, SHNOR_RISK_NOT_ASSESSED);

  g_assert_true (shnor_document_set_risk (f->doc, school, first, 2026, SHNOR_RISK_HIGH, NULL, &error));
  g_assert_true (shnor_document_set_risk (f->doc, school, first, 2026, 0, "  Нет интерактивных досок ", &error));
  g_assert_no_error (error);
  after = shnor_document_get_risk_profile (f->doc, school, 2026);
  g_assert_cmpint (g_array_index (after, ShnorRiskLevel, 0).level, ==, SHNOR_RISK_HIGH);
  g_assert_cmpstr (g_array_index (after, ShnorRiskLevel, 0).note, ==, "Нет интерактивных досок");
  other_year = shnor_document_get_risk_profile (f->doc, school, 2025);
  g_assert_cmpint (g_array_index (other_year, ShnorRiskLevel, 0).level, ==, SHNOR_RISK_NOT_ASSESSED);
  years = shnor_document_get_risk_years (f->doc, school);
  g_assert_cmpuint (years->len, ==, 1);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2026);

  /* Bad input */
  g_assert_false (shnor_document_set_risk (f->doc, school, first, 2026, 7, NULL, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (shnor_document_set_risk (f->doc, school, 9999, 2026, 1, NULL, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (shnor_document_set_risk (f->doc, school, first, 3026, 1, NULL, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (shnor_document_add_risk_factor (f->doc, " ", &error), ==, 0);
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);

  /* Undo: the note, then the level */
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_clear_pointer (&after, g_array_unref);
  after = shnor_document_get_risk_profile (f->doc, school, 2026);
  g_assert_cmpint (g_array_index (after, ShnorRiskLevel, 0).level, ==, SHNOR_RISK_NOT_ASSESSED);

  /* The reference list: add, rename, delete */
  added = shnor_document_add_risk_factor (f->doc, "Высокая текучесть кадров", &error);
  g_assert_no_error (error);
  g_assert_true (shnor_document_rename_risk_factor (f->doc, added, "Текучесть кадров", &error));
  g_clear_pointer (&after, g_array_unref);
  after = shnor_document_get_risk_profile (f->doc, 0, 0);
  g_assert_cmpuint (after->len, ==, 11);
  g_assert_cmpstr (g_array_index (after, ShnorRiskLevel, 10).factor, ==, "Текучесть кадров");
  g_assert_true (shnor_document_delete_risk_factor (f->doc, added, &error));
  g_clear_pointer (&after, g_array_unref);
  after = shnor_document_get_risk_profile (f->doc, 0, 0);
  g_assert_cmpuint (after->len, ==, 10);
}

/* Another yearly indicator as a criterion's metric. */
static void
test_indicator_metric (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = shnor_document_add_school (f->doc, "Школа А", &error);
  gint64 b = shnor_document_add_school (f->doc, "Школа Б", &error);
  gint64 olympiad = shnor_document_add_indicator (f->doc, "Участники олимпиад, %", &error);
  g_autoptr(ShnorCriteriaSet) set = shnor_document_dup_active_criteria_set (f->doc);
  ShnorCriterion c = { 0, SHNOR_GROUP_HIGH, NULL, SHNOR_COMPARE_GE, 20, SHNOR_AGGREGATE_MEAN, 2, 1 };
  g_autoptr(ShnorClassification) cls = NULL;
  g_autoptr(GArray) indicators = NULL;
  g_autoptr(GArray) years = NULL;
  g_autofree char *metric = NULL;
  g_autofree char *label = NULL;
  gint64 other;
  double value;

  g_assert_no_error (error);
  g_assert_cmpint (shnor_document_add_indicator (f->doc, "Участники олимпиад, %", &error), ==, olympiad);
  indicators = shnor_document_get_indicators (f->doc);
  g_assert_cmpuint (indicators->len, ==, 1);

  /* High results are now "olympiad share ≥ 20 on average over 2 years"
   * and the standardised result (no results: nobody meets it) is
   * removed. A: 15, 30 → 22.5: yes; B: 25, 10 → 17.5: no */
  for (guint i = 0; i < set->criteria->len; i++)
    if (g_array_index (set->criteria, ShnorCriterion, i).group == SHNOR_GROUP_HIGH)
      g_assert_true (shnor_document_delete_criterion (f->doc, g_array_index (set->criteria, ShnorCriterion, i).id,
                                                      &error));
  metric = g_strdup_printf ("indicator:%" G_GINT64_FORMAT, olympiad);
  c.metric = metric;  /* borrowed: add_criterion copies it */
  g_assert_cmpint (shnor_document_add_criterion (f->doc, set->id, &c, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (shnor_document_set_indicator_value (f->doc, a, olympiad, 2025, "15", &error));
  g_assert_true (shnor_document_set_indicator_value (f->doc, a, olympiad, 2026, "30", &error));
  g_assert_true (shnor_document_set_indicator_value (f->doc, b, olympiad, 2025, "25", &error));
  g_assert_true (shnor_document_set_indicator_value (f->doc, b, olympiad, 2026, "10,0", &error));
  g_assert_no_error (error);
  g_assert_false (shnor_document_set_indicator_value (f->doc, b, olympiad, 2026, "много", &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (shnor_document_get_indicator_value (f->doc, b, olympiad, 2026, &value));
  g_assert_cmpfloat (value, ==, 10);

  cls = shnor_document_classify (f->doc);
  g_assert_cmpuint (shnor_classification_get_groups (cls, a), ==, H);
  g_assert_cmpuint (shnor_classification_get_groups (cls, b), ==, 0);

  /* Removing a value re-classifies: A has only 2026 left, no mean over
   * two years */
  g_assert_true (shnor_document_set_indicator_value (f->doc, a, olympiad, 2025, "", &error));
  g_clear_pointer (&cls, shnor_classification_unref);
  cls = shnor_document_classify (f->doc);
  g_assert_cmpuint (shnor_classification_get_groups (cls, a), ==, 0);
  years = shnor_document_get_indicator_years (f->doc, a);
  g_assert_cmpuint (years->len, ==, 1);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2026);

  /* Renaming: names stay unique, the criterion follows the new name */
  other = shnor_document_add_indicator (f->doc, "Призёры", &error);
  g_assert_false (shnor_document_rename_indicator (f->doc, other, " Участники олимпиад, % ", &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Участники олимпиад"));
  g_clear_error (&error);
  g_assert_false (shnor_document_rename_indicator (f->doc, other, "  ", &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (shnor_document_rename_indicator (f->doc, olympiad, "Олимпиады, %", &error));
  g_assert_no_error (error);
  label = shnor_document_dup_metric_label (f->doc, metric);
  g_assert_cmpstr (label, ==, "Олимпиады, %");

  /* Values of an unknown indicator or year are refused */
  g_assert_false (shnor_document_set_indicator_value (f->doc, a, 9999, 2026, "1", &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (shnor_document_set_indicator_value (f->doc, a, olympiad, 3026, "1", &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);

  /* An indicator a criterion uses cannot be deleted; an unused one can,
   * with its values, and undo brings both back */
  g_assert_false (shnor_document_delete_indicator (f->doc, olympiad, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, set->name));
  g_clear_error (&error);
  g_assert_true (shnor_document_set_indicator_value (f->doc, b, other, 2026, "3", &error));
  g_assert_true (shnor_document_delete_indicator (f->doc, other, &error));
  g_assert_no_error (error);
  g_assert_false (shnor_document_get_indicator_value (f->doc, b, other, 2026, &value));
  g_clear_pointer (&indicators, g_array_unref);
  indicators = shnor_document_get_indicators (f->doc);
  g_assert_cmpuint (indicators->len, ==, 1);
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_true (shnor_document_get_indicator_value (f->doc, b, other, 2026, &value));
  g_assert_cmpfloat (value, ==, 3);
}

/* ---- edge cases of the statistics (issue 17) ----------------------- */

/* The z-scores of @n means with @weights, in two passes, as a reference
 * computed here and not by the code under test. */
static void
reference_z (const double *means,
             const int    *weights,
             guint         n,
             double       *z)
{
  double w = 0, sum = 0, squares = 0, mean;

  for (guint i = 0; i < n; i++)
    w += weights[i], sum += weights[i] * means[i];
  mean = sum / w;
  for (guint i = 0; i < n; i++)
    squares += weights[i] * (means[i] - mean) * (means[i] - mean);
  for (guint i = 0; i < n; i++)
    z[i] = (means[i] - mean) / sqrt (squares / w);
}

/* Results of schools "ABCDE…" in one assessment: a Row for each school
 * and each of @years from 2024. */
static void
add_rows (GArray       *rows,
          char          subject,
          guint         years,
          const double *means,
          const int    *weights,
          guint         n)
{
  for (guint y = 0; y < years; y++)
    for (guint i = 0; i < n; i++)
      {
        Row r = { (char) ('A' + i), subject, 2024 + (int) y, weights[i], means[i] };

        g_array_append_val (rows, r);
      }
}

static double
z_of (ShnorDocument *doc,
      gint64         id,
      const char    *metric,
      int            year)
{
  const ShnorMetrics *metrics = shnor_document_get_metric (doc, metric);
  double z = NAN;

  for (guint s = 0; s < shnor_metrics_get_n_schools (metrics); s++)
    if (shnor_metrics_get_school_id (metrics, s) == id && !shnor_metrics_get (metrics, s, metric, year, &z))
      z = NAN;
  return z;
}

/* Every school has the same mean in mathematics: the one-pass variance
 * E[x²] − m² leaves rounding noise for 3.7 with these participants (SD
 * about 4e-8), and mathematics turned the z-scores arbitrary. Now it has
 * no spread whatever the common mean is, and the standardised result is
 * Russian's alone, the same for a common 3.7 as for 4.0. */
static void
test_equal_means (void)
{
  static const int weights[] = { 41, 59, 56, 53, 9 };
  static const double russian[] = { 3.0, 3.2, 3.5, 4.0, 4.5 };
  static const double commons[] = { 3.7, 4.0 };
  double expected[5];
  guint groups[2][5];

  reference_z (russian, weights, 5, expected);
  for (guint k = 0; k < G_N_ELEMENTS (commons); k++)
    {
      Fixture f = { 0 };
      double flat[5] = { commons[k], commons[k], commons[k], commons[k], commons[k] };
      g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
      g_autoptr(GHashTable) ids = NULL;
      g_autoptr(ShnorClassification) cls = NULL;
      Municipality m = { "equal", "ABCDE", NULL, 0, { 0 }, { 0 } };

      add_rows (rows, 'M', 3, flat, weights, 5);
      add_rows (rows, 'R', 3, russian, weights, 5);
      m.rows = (const Row *) (gpointer) rows->data;
      m.n_rows = rows->len;
      fixture_set_up (&f, NULL);
      ids = build (f.doc, &m);
      cls = shnor_document_classify (f.doc);
      for (guint i = 0; i < 5; i++)
        {
          gint64 id = school_id (ids, (char) ('A' + i));

          g_test_message ("common mean %g, school %c", commons[k], 'A' + i);
          g_assert_cmpfloat_with_epsilon (z_of (f.doc, id, SHNOR_METRIC_Z, 2026), expected[i], 1e-9);
          g_assert_true (isnan (z_of (f.doc, id, "z:Математика", 2026)));
          groups[k][i] = shnor_classification_get_groups (cls, id);
        }
      fixture_tear_down (&f, NULL);
    }
  for (guint i = 0; i < 5; i++)
    g_assert_cmpuint (groups[0][i], ==, groups[1][i]);
  g_assert_cmpuint (groups[0][0], ==, L);
  g_assert_cmpuint (groups[0][4], ==, H);

  /* the same at the level of one assessment: no z-scores at all */
  {
    ShnorUnitResult flat[5];
    ShnorMetricSums sums[5] = { { 0 } };

    for (guint i = 0; i < 5; i++)
      flat[i] = (ShnorUnitResult) { i, 1, weights[i], 3.7, 0 };
    shnor_metrics_sum_unit (flat, 5, sums, 5);
    for (guint i = 0; i < 5; i++)
      {
        g_assert_cmpfloat (sums[i].z_weight, ==, 0);
        g_assert_cmpfloat (sums[i].below_of, ==, weights[i]);
      }
  }
}

/* A school of three pupils in the assessment is left out: it has no
 * standardised result, and the others' z-scores are those of the four
 * schools alone (mean 3.75, SD 0.55902 with equal participants). */
static void
test_min_participants (Fixture       *f,
                       gconstpointer  data)
{
  static const Row rows[] = {
    { 'A', 'M', 2026, 20, 3.0 }, { 'B', 'M', 2026, 20, 3.5 }, { 'C', 'M', 2026, 20, 4.0 },
    { 'D', 'M', 2026, 20, 4.5 }, { 'T', 'M', 2026, SHNOR_MIN_PARTICIPANTS - 1, 2.0 },
    { 'A', 'R', 2026, 20, 3.0 }, { 'B', 'R', 2026, 20, 3.5 }, { 'C', 'R', 2026, 20, 4.0 },
    { 'D', 'R', 2026, 20, 4.5 }, { 'T', 'R', 2026, SHNOR_MIN_PARTICIPANTS, 3.75 },
  };
  Municipality m = { "small", "ABCDT", rows, G_N_ELEMENTS (rows), { 0 }, { 0 } };
  g_autoptr(GHashTable) ids = build (f->doc, &m);
  g_autoptr(ShnorClassification) cls = shnor_document_classify (f->doc);
  static const double means[] = { 3.0, 3.5, 4.0, 4.5 };
  static const int weights[] = { 20, 20, 20, 20 };
  double expected[4];

  reference_z (means, weights, 4, expected);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpfloat_with_epsilon (z_of (f->doc, school_id (ids, (char) ('A' + i)), "z:Математика", 2026),
                                    expected[i], 1e-9);
  /* T: no mathematics; its Russian (five pupils, exactly the minimum)
   * counts, and is the mean of the five: z 0 */
  g_assert_true (isnan (z_of (f->doc, school_id (ids, 'T'), "z:Математика", 2026)));
  g_assert_cmpfloat_with_epsilon (z_of (f->doc, school_id (ids, 'T'), "z:Русский язык", 2026), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (z_of (f->doc, school_id (ids, 'T'), SHNOR_METRIC_Z, 2026), 0, 1e-9);
  g_assert_cmpuint (shnor_classification_get_groups (cls, school_id (ids, 'T')) & L, ==, 0);
}

/* The window of "the last N years" is the municipality's, and a year
 * joins it once at least half as many schools have it as the best-covered
 * year: two schools of five entering 2027 early leave the lists as they
 * were; the third moves the window to 2025–2027. */
static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  static const double means[] = { 2.5, 3.0, 3.5, 4.0, 4.5 };
  static const int weights[] = { 20, 20, 20, 20, 20 };
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  Municipality m = { "window", "ABCDE", NULL, 0, { 0 }, { 0 } };
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GError) error = NULL;
  const char late[] = { 'E', 'D', 'C' };

  add_rows (rows, 'M', 3, means, weights, 5);
  m.rows = (const Row *) (gpointer) rows->data;
  m.n_rows = rows->len;
  ids = build (f->doc, &m);

  for (guint k = 0; k < G_N_ELEMENTS (late); k++)
    {
      g_autoptr(ShnorClassification) cls = NULL;
      ShnorResult r = { 0 };
      const ShnorReason *reasons;
      guint n;

      r.school_id = school_id (ids, late[k]);
      r.year = 2027;
      shnor_result_set_names (&r, "ОГЭ", "Математика");
      r.grade = 9;
      r.participants = 20;
      r.has_mean = TRUE;
      r.mean = means[late[k] - 'A'];
      g_assert_true (shnor_document_set_result (f->doc, &r, &error));
      g_assert_no_error (error);

      cls = shnor_document_classify (f->doc);
      reasons = shnor_classification_get_reasons (cls, school_id (ids, 'A'), &n);
      for (guint i = 0; i < n; i++)
        if (reasons[i].criterion->group == SHNOR_GROUP_LOW)
          {
            g_test_message ("%u schools in 2027", k + 1);
            g_assert_cmpint (reasons[i].last_year, ==, k < 2 ? 2026 : 2027);
            g_assert_cmpint (reasons[i].first_year, ==, k < 2 ? 2024 : 2025);
          }
      /* A has no 2027: low in each of the last three years only while
       * the window ends in 2026 */
      g_assert_cmpuint (shnor_classification_get_groups (cls, school_id (ids, 'A')), ==, k < 2 ? L : 0);
    }
}

/* A weakness in one subject is averaged away by the standardised result
 * of all subjects; a criterion over that subject finds it. A is the best
 * in Russian and the worst in mathematics. */
static void
test_by_subject (Fixture       *f,
                 gconstpointer  data)
{
  static const double maths[] = { 2.6, 3.4, 3.5, 3.6, 3.7 };
  static const double russian[] = { 4.6, 3.4, 3.5, 3.6, 3.7 };
  static const int weights[] = { 20, 20, 20, 20, 20 };
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  Municipality m = { "subject", "ABCDE", NULL, 0, { 0 }, { 0 } };
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(ShnorCriteriaSet) set = shnor_document_dup_active_criteria_set (f->doc);
  g_autoptr(ShnorClassification) before = NULL;
  g_autoptr(ShnorClassification) after = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) metrics = NULL;
  g_autofree char *label = NULL;
  ShnorCriterion low;

  add_rows (rows, 'M', 3, maths, weights, 5);
  add_rows (rows, 'R', 3, russian, weights, 5);
  m.rows = (const Row *) (gpointer) rows->data;
  m.n_rows = rows->len;
  ids = build (f->doc, &m);
  before = shnor_document_classify (f->doc);
  g_assert_cmpuint (shnor_classification_get_groups (before, school_id (ids, 'A')) & L, ==, 0);

  metrics = shnor_document_list_metrics (f->doc);
  g_assert_true (g_strv_contains ((const char * const *) metrics, "z:Математика"));
  g_assert_true (g_strv_contains ((const char * const *) metrics, "below:Русский язык"));
  label = shnor_document_dup_metric_label (f->doc, "z:Математика");
  g_assert_cmpstr (label, ==, "Standardised result: Математика");

  shnor_criterion_copy (find_criterion (set, SHNOR_GROUP_LOW, SHNOR_METRIC_Z), &low);
  g_free (low.metric);
  low.metric = g_strdup ("z:Математика");
  g_assert_true (shnor_document_set_criterion (f->doc, &low, &error));
  g_assert_no_error (error);
  after = shnor_document_classify (f->doc);
  /* P25 of five is the second lowest: A and B */
  g_assert_cmpuint (shnor_classification_get_groups (after, school_id (ids, 'A')), ==, L);
  g_assert_cmpuint (shnor_classification_get_groups (after, school_id (ids, 'C')), ==, 0);

  /* a subject must be named, in text */
  g_free (low.metric);
  low.metric = g_strdup ("z:");
  g_assert_false (shnor_document_set_criterion (f->doc, &low, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_free (low.metric);
  low.metric = g_strdup ("below:\001");
  g_assert_false (shnor_document_set_criterion (f->doc, &low, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  shnor_criterion_clear (&low);
}

/* Runs @sql on the closed file @path. */
static void
edit_file (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A hand-edited criterion (a percentile of -5 once crashed --classify) or
 * weight makes the file refused on open and by --check, with a message
 * that names the set and the criterion; the classifier itself stays in
 * bounds with any threshold. */
static void
test_hand_edited (Fixture       *f,
                  gconstpointer  data)
{
  /* the edit, what the message names, and the set's name (an unknown
   * metric is found by the check of the format, before the sets are read:
   * it names the table and the row) */
  static const char * const edits[][3] = {
    { "UPDATE criterion SET threshold = -5 WHERE grp = 1", "criterion 2 ", "set" },
    { "UPDATE criterion SET metric = 'nothing' WHERE grp = 3", "“criterion”, row 5: “nothing”", NULL },
    { "UPDATE criteria_set SET w_registered = -1", "weight", "set" },
  };
  g_autoptr(GHashTable) ids = build (f->doc, &municipalities[0]);
  g_autofree char *copy = g_build_filename (f->dir, "копия.shnor", NULL);
  g_autoptr(ShnorCriteriaSet) active = shnor_document_dup_active_criteria_set (f->doc);
  g_autofree char *quoted = g_strdup_printf ("“%s”", active->name);

  g_clear_object (&f->doc);
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShnorDocument) doc = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, (gssize) length, NULL));
      edit_file (copy, edits[i][0]);
      doc = shnor_document_open (copy, &error);
      g_assert_null (doc);
      g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_DAMAGED);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, edits[i][1]));
      if (edits[i][2] != NULL)
        g_assert_nonnull (strstr (error->message, quoted));
      g_clear_error (&error);
      g_assert_false (shnor_document_check_file (copy, &error));
      g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_DAMAGED);
      g_assert_nonnull (strstr (error->message, edits[i][1]));
    }

  /* the classifier on such criteria: nobody meets them, nothing breaks */
  {
    static const double thresholds[] = { -5, 250, NAN };
    gint64 school_ids[3] = { 1, 2, 3 };
    g_autoptr(ShnorMetrics) metrics = shnor_metrics_new (school_ids, 3, 2026, 2026);

    for (guint s = 0; s < 3; s++)
      shnor_metrics_set (metrics, s, SHNOR_METRIC_Z, 2026, s - 1.0);
    for (guint i = 0; i < G_N_ELEMENTS (thresholds); i++)
      {
        g_autoptr(ShnorCriteriaSet) set = shnor_criteria_set_new ();
        g_autoptr(ShnorClassification) cls = NULL;
        ShnorCriterion c = { 1, SHNOR_GROUP_LOW, (char *) SHNOR_METRIC_Z, SHNOR_COMPARE_PERCENTILE_LE,
                             thresholds[i], SHNOR_AGGREGATE_EACH, 1, 1 };
        ShnorCriterion copied;

        shnor_criterion_copy (&c, &copied);
        g_array_append_val (set->criteria, copied);
        cls = shnor_classify (metrics, set);
        g_assert_nonnull (cls);
      }
  }
}

/* ---- the sums kept in the file (issue 18) ---------------------------- */

static void
count_rows (int                    year,
            const char            *subject,
            gint64                 school_id,
            const ShnorMetricSums *sums,
            gpointer               data)
{
  (*(guint *) data)++;
}

/* Share @k of the social index (context value k + 2) of a school's
 * latest year, from @rows. */
static double
context_share (GArray *rows,
               guint   k)
{
  const ShnorContextRow *row = rows->len ? &g_array_index (rows, ShnorContextRow, rows->len - 1) : NULL;

  return row != NULL && row->known[k + 2] ? row->value[k + 2] : NAN;
}

static void
stored_equal (int                    year,
              const char            *subject,
              gint64                 school_id,
              const ShnorMetricSums *sums,
              gpointer               data)
{
  sqlite3_stmt *stmt = data;

  sqlite3_bind_text (stmt, 1, subject ? subject : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int64 (stmt, 3, school_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  /* to the last bit: the same computation in the same order */
  g_assert_cmpfloat (sqlite3_column_double (stmt, 0), ==, sums->z_sum);
  g_assert_cmpfloat (sqlite3_column_double (stmt, 1), ==, sums->z_weight);
  g_assert_cmpfloat (sqlite3_column_double (stmt, 2), ==, sums->below);
  g_assert_cmpfloat (sqlite3_column_double (stmt, 3), ==, sums->below_of);
  sqlite3_reset (stmt);
}

static void
assessment_equal (gint64                     assessment_id,
                  int                        year,
                  const ShnorAssessmentSums *sums,
                  gpointer                   data)
{
  sqlite3_stmt *stmt = NULL;
  const double *want = (const double *) sums;

  g_assert_cmpint (sqlite3_prepare_v2 (data, "SELECT schools, participants, mean_sum, mean_of, below, below_of"
                                             " FROM assessment_sums WHERE assessment_id = ?1 AND year = ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_int (stmt, 2, year);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  for (int c = 0; c < 6; c++)
    g_assert_cmpfloat (sqlite3_column_double (stmt, c), ==, want[c]);
  sqlite3_finalize (stmt);
}

/* The sums the document keeps are exactly those of a recomputation from
 * all its results, row for row; and --check agrees. */
static void
assert_sums_fresh (ShnorDocument *doc)
{
  sqlite3 *db = shnor_document_get_db (doc);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDerived) derived = shnor_derived_compute (db, &error);
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT z_sum, z_weight, below, below_of FROM result_sums"
                                           " WHERE subject = ?1 AND year = ?2 AND school_id = ?3", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  shnor_derived_foreach (derived, stored_equal, stmt);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM result_sums", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  {
    guint expected = 0;

    shnor_derived_foreach (derived, count_rows, &expected);
    g_assert_cmpuint (n, ==, expected);
  }
  shnor_derived_foreach_assessment (derived, assessment_equal, db);
  g_assert_true (shnor_identification_check (db, "test", &error));
  g_assert_no_error (error);
}

/* A municipality of @n_schools with results drawn from @seed: a few
 * results of fewer than 5 participants, a few missing, one assessment and
 * year where every school has the same mean; and the context shares of
 * the last year. Returns the schools' ids. */
static GArray *
random_municipality (ShnorDocument *doc,
                     guint          n_schools,
                     guint32        seed)
{
  static const char * const subjects[] = { "Математика", "Русский язык", "Физика" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) results = g_array_new (FALSE, TRUE, sizeof (ShnorResult));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  /* one edit: one transaction, one wait for the disk */
  g_assert_true (shnor_document_begin_edit (doc, "test", &error));
  for (guint i = 0; i < n_schools; i++)
    {
      g_autofree char *name = g_strdup_printf ("Школа № %u", i + 1);
      gint64 id = shnor_document_add_school (doc, name, &error);
      double level = g_rand_double_range (rand, -1, 1);

      g_assert_no_error (error);
      g_array_append_val (ids, id);
      g_assert_true (shnor_document_add_context_year (doc, id, 2026, &error));
      for (guint k = 0; k < SHNOR_N_SOCIAL_WEIGHTS; k++)
        {
          static const char * const shares[] = { "share_low_income", "share_low_education", "share_non_native",
                                                  "share_disabilities", "share_registered" };
          g_autofree char *value = g_strdup_printf ("%d", g_rand_int_range (rand, 0, 80));

          g_assert_true (shnor_document_set_context_field (doc, id, 2026, shares[k], value, &error));
        }
      for (int year = 2022; year <= 2026; year++)
        for (guint a = 0; a < 2 * G_N_ELEMENTS (subjects); a++)
          {
            ShnorResult r = { 0 };

            if (g_rand_int_range (rand, 0, 10) == 0)
              continue;   /* missing */
            r.school_id = id;
            r.year = year;
            shnor_result_set_names (&r, a % 2 ? "ОГЭ" : "ВПР", subjects[a / 2]);
            r.grade = a % 2 ? 9 : 7;
            r.participants = g_rand_int_range (rand, 0, 10) == 0 ? g_rand_int_range (rand, 1, 5)
                                                                  : g_rand_int_range (rand, 5, 60);
            r.has_mean = TRUE;
            r.mean = a == 0 && year == 2025 ? 3.7 :
                     round (CLAMP (3.6 + 0.4 * level + g_rand_double_range (rand, -0.5, 0.5), 2, 5) * 100) / 100;
            r.has_below = TRUE;
            r.below = g_rand_int_range (rand, 0, r.participants / 3 + 1);
            g_array_append_val (results, r);
          }
    }
  g_assert_true (shnor_document_end_edit (doc, &error));
  g_assert_true (shnor_document_put_results (doc, (ShnorResult *) (gpointer) results->data, results->len, "test",
                                             &error));
  g_assert_no_error (error);
  return ids;
}

/* ---- an independent recomputation of the default set ------------------ */

static double
reference_percentile (double *v,
                      guint   n,
                      double  p)
{
  double h, lo;

  for (guint i = 1; i < n; i++)   /* insertion sort: a few dozen values */
    for (guint j = i; j > 0 && v[j - 1] > v[j]; j--)
      {
        double t = v[j];

        v[j] = v[j - 1];
        v[j - 1] = t;
      }
  h = (n - 1) * p / 100;
  lo = floor (h);
  return lo + 1 >= n ? v[n - 1] : v[(guint) lo] + (h - lo) * (v[(guint) lo + 1] - v[(guint) lo]);
}

/* The latest year (index) with at least half as many values as the best. */
static int
reference_last (const double *values,
                guint         n_schools,
                guint         n_years)
{
  guint best = 0, counts[8] = { 0 };

  for (guint y = 0; y < n_years; y++)
    {
      for (guint s = 0; s < n_schools; s++)
        counts[y] += !isnan (values[s * n_years + y]);
      best = MAX (best, counts[y]);
    }
  for (int y = (int) n_years - 1; y >= 0; y--)
    if (best > 0 && counts[y] * 2 >= best)
      return y;
  return -1;
}

/* The groups of the default set (see seed_identification()) computed from
 * the document's results and context as the README says, not by the
 * classifier. */
static void
reference_groups (ShnorDocument *doc,
                  GArray        *ids,
                  guint         *groups)
{
  enum { FIRST = 2022, N = 5 };
  guint n = ids->len;
  g_autofree double *z_sum = g_new0 (double, n * N);
  g_autofree double *z_w = g_new0 (double, n * N);
  g_autofree double *z = g_new (double, n * N);
  g_autofree double *change = g_new (double, n * N);
  g_autofree double *values = g_new (double, n);
  g_auto(GStrv) assessments = shnor_document_list_assessments (doc);
  g_autoptr(ShnorCriteriaSet) set = shnor_document_dup_active_criteria_set (doc);
  int last;

  for (guint i = 0; assessments[i]; i++)
    {
      g_auto(GStrv) a = g_strsplit (assessments[i], "\t", 3);
      g_autoptr(GArray) all = shnor_document_get_assessment_results (doc, a[0], a[1], atoi (a[2]), 0);

      for (int year = FIRST; year < FIRST + N; year++)
        {
          double w = 0, sum = 0, squares = 0, mean, sd;
          guint used = 0;

          for (guint k = 0; k < all->len; k++)
            {
              const ShnorResult *r = &g_array_index (all, ShnorResult, k);

              if (r->year == year && r->has_mean && r->participants >= 5)
                w += r->participants, sum += r->participants * r->mean, used++;
            }
          if (used < 2)
            continue;
          mean = sum / w;
          for (guint k = 0; k < all->len; k++)
            {
              const ShnorResult *r = &g_array_index (all, ShnorResult, k);

              if (r->year == year && r->has_mean && r->participants >= 5)
                squares += r->participants * (r->mean - mean) * (r->mean - mean);
            }
          sd = sqrt (squares / w);
          if (sd < 1e-6)
            continue;
          for (guint k = 0; k < all->len; k++)
            {
              const ShnorResult *r = &g_array_index (all, ShnorResult, k);
              guint s = 0;

              if (r->year != year || !r->has_mean || r->participants < 5)
                continue;
              while (g_array_index (ids, gint64, s) != r->school_id)
                s++;
              z_sum[s * N + (guint) (year - FIRST)] += r->participants * (r->mean - mean) / sd;
              z_w[s * N + (guint) (year - FIRST)] += r->participants;
            }
        }
    }
  for (guint c = 0; c < n * N; c++)
    z[c] = z_w[c] > 0 ? z_sum[c] / z_w[c] : NAN;
  for (guint c = 0; c < n * N; c++)
    change[c] = c % N == 0 ? NAN : z[c] - z[c - 1];

  memset (groups, 0, n * sizeof *groups);
  /* high and low: at or above P75 / at or below P25 in each of 3 years */
  last = reference_last (z, n, N);
  for (guint s = 0; s < n; s++)
    groups[s] = last >= 2 ? (H | L) : 0;
  for (int y = last - 2; last >= 2 && y <= last; y++)
    {
      guint k = 0;
      double p25, p75;

      for (guint s = 0; s < n; s++)
        if (!isnan (z[s * N + (guint) y]))
          values[k++] = z[s * N + (guint) y];
      p25 = k ? reference_percentile (values, k, 25) : NAN;
      p75 = k ? reference_percentile (values, k, 75) : NAN;
      for (guint s = 0; s < n; s++)
        {
          double v = z[s * N + (guint) y];

          if (isnan (v) || !(v >= p75 - 1e-9))
            groups[s] &= ~H;
          if (isnan (v) || !(v <= p25 + 1e-9))
            groups[s] &= ~L;
        }
    }
  /* decline: fell in both of the last two steps, by 0.3 or more in all */
  last = reference_last (change, n, N);
  for (guint s = 0; s < n && last >= 1; s++)
    {
      double a = change[s * N + (guint) last - 1], b = change[s * N + (guint) last];

      if (!isnan (a) && !isnan (b) && a < -1e-9 && b < -1e-9 && a + b <= -0.3 + 1e-9)
        groups[s] |= D;
    }
  /* ШНСУ: index ≥ 35 in the last year */
  for (guint s = 0; s < n; s++)
    {
      g_autoptr(GArray) rows = shnor_document_get_context (doc, g_array_index (ids, gint64, s));
      double index = 0;

      for (guint k = 0; k < SHNOR_N_SOCIAL_WEIGHTS; k++)
        index += set->weights[k] * context_share (rows, k);
      if (index >= 35 - 1e-9)
        groups[s] |= S;
      if ((groups[s] & (L | S)) == (L | S))
        groups[s] |= LS;
    }
}

static void
assert_classified_as_reference (ShnorDocument *doc,
                                GArray        *ids)
{
  g_autofree guint *expected = g_new (guint, ids->len);
  g_autoptr(ShnorClassification) cls = shnor_document_classify (doc);
  guint in_groups = 0;

  reference_groups (doc, ids, expected);
  for (guint s = 0; s < ids->len; s++)
    {
      g_test_message ("school %u", s);
      g_assert_cmpuint (shnor_classification_get_groups (cls, g_array_index (ids, gint64, s)), ==, expected[s]);
      in_groups += expected[s] != 0;
    }
  g_assert_cmpuint (in_groups, >, 0);
}

/* Edits of every kind, their undo and redo: the sums stay those of a
 * recomputation, and the classification that of an independent one. */
static void
test_derived_follow_edits (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GArray) ids = random_municipality (f->doc, 40, 1789);
  g_autoptr(GError) error = NULL;
  ShnorResult r = { 0 };

  assert_sums_fresh (f->doc);
  assert_classified_as_reference (f->doc, ids);

  /* one result changed, then one of a new assessment */
  r.school_id = g_array_index (ids, gint64, 3);
  r.year = 2026;
  shnor_result_set_names (&r, "ОГЭ", "Математика");
  r.grade = 9;
  r.participants = 30;
  r.has_mean = TRUE;
  r.mean = 2.1;
  g_assert_true (shnor_document_set_result (f->doc, &r, &error));
  shnor_result_set_names (&r, "ЕГЭ", "Химия");
  r.grade = 11;
  r.mean = 55;
  g_assert_true (shnor_document_set_result (f->doc, &r, &error));
  g_assert_no_error (error);
  assert_sums_fresh (f->doc);
  assert_classified_as_reference (f->doc, ids);

  /* a result deleted; a school deleted with all its results */
  g_assert_true (shnor_document_delete_result (f->doc, g_array_index (ids, gint64, 3), "ОГЭ", "Математика", 9, 2026,
                                               &error));
  g_assert_cmpstr (shnor_document_get_undo_label (f->doc), ==, "Delete results");
  g_assert_true (shnor_document_delete_school (f->doc, g_array_index (ids, gint64, 7), &error));
  g_assert_no_error (error);
  assert_sums_fresh (f->doc);

  /* undo all four, then redo them */
  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (shnor_document_undo (f->doc, &error));
      assert_sums_fresh (f->doc);
    }
  assert_classified_as_reference (f->doc, ids);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (shnor_document_redo (f->doc, &error));
      assert_sums_fresh (f->doc);
    }
  g_assert_no_error (error);

  /* new rows of many results (one undo entry for all), undone and redone */
  {
    g_autoptr(GArray) more = g_array_new (FALSE, TRUE, sizeof (ShnorResult));

    for (guint s = 0; s < ids->len; s += 2)
      {
        ShnorResult m = r;

        m.school_id = g_array_index (ids, gint64, s);
        if (s == 6)
          continue;   /* deleted */
        m.year = 2027;
        shnor_result_set_names (&m, "ОГЭ", "Физика");
        m.grade = 9;
        m.mean = 2.5 + s * 0.05;
        g_array_append_val (more, m);
      }
    g_assert_true (shnor_document_put_results (f->doc, (ShnorResult *) (gpointer) more->data, more->len, "more",
                                               &error));
    g_assert_no_error (error);
    assert_sums_fresh (f->doc);
    g_assert_true (shnor_document_undo (f->doc, &error));
    assert_sums_fresh (f->doc);
    g_assert_true (shnor_document_redo (f->doc, &error));
    assert_sums_fresh (f->doc);
    g_assert_no_error (error);
  }

  /* a failed edit leaves them as they were */
  r.school_id = 99999;
  g_assert_false (shnor_document_put_results (f->doc, &r, 1, "bad", &error));
  g_clear_error (&error);
  assert_sums_fresh (f->doc);
}

/* An import that adds an assessment (ЕГЭ in grade 11) of a subject the
 * schools have other results of in that year, undone: the assessment is
 * deleted with its results, and the sums of the subject's year are those
 * of the results left (they were those with the import). */
static void
test_derived_undo_new_assessment (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GArray) ids = random_municipality (f->doc, 12, 4242);
  g_autoptr(GArray) more = g_array_new (FALSE, TRUE, sizeof (ShnorResult));
  g_autoptr(GError) error = NULL;

  for (guint s = 0; s < ids->len; s += 3)
    {
      ShnorResult r = { 0 };

      r.school_id = g_array_index (ids, gint64, s);
      r.year = 2026;
      shnor_result_set_names (&r, "ЕГЭ", "Математика");
      r.grade = 11;
      r.participants = 10 + s;
      r.has_mean = TRUE;
      r.mean = 40 + s * 3;
      g_array_append_val (more, r);
    }
  g_assert_true (shnor_document_put_results (f->doc, (ShnorResult *) (gpointer) more->data, more->len, "ЕГЭ",
                                             &error));
  g_assert_no_error (error);
  assert_sums_fresh (f->doc);
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_assert_no_error (error);
  assert_sums_fresh (f->doc);
  assert_classified_as_reference (f->doc, ids);
  g_assert_true (shnor_document_redo (f->doc, &error));
  g_assert_no_error (error);
  assert_sums_fresh (f->doc);
}

static int
count_steps (void *data)
{
  (*(guint64 *) data)++;
  return 0;
}

/* The work of SQLite (hundreds of its virtual machine's steps, not time)
 * to change one result of @school_id and to undo the change. */
static guint64
steps_of_one_edit (ShnorDocument *doc,
                   gint64         school_id,
                   double         mean)
{
  g_autoptr(GError) error = NULL;
  ShnorResult r = { 0 };
  guint64 steps = 0;

  r.school_id = school_id;
  r.year = 2026;
  shnor_result_set_names (&r, "ОГЭ", "Физика");
  r.grade = 9;
  r.participants = 30;
  r.has_mean = TRUE;
  r.mean = mean;
  sqlite3_progress_handler (shnor_document_get_db (doc), 100, count_steps, &steps);
  g_assert_true (shnor_document_set_result (doc, &r, &error));
  g_assert_true (shnor_document_undo (doc, &error));
  sqlite3_progress_handler (shnor_document_get_db (doc), 0, NULL, NULL);
  g_assert_no_error (error);
  return steps;
}

/* Editing one result brings up to date the sums of its subject and year
 * only: the work does not grow with the results of other years (it grew
 * with their square: a minute for one result of a region's file). */
static void
test_derived_edit_is_local (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GArray) ids = random_municipality (f->doc, 40, 7);
  g_autoptr(GArray) more = g_array_new (FALSE, TRUE, sizeof (ShnorResult));
  g_autoptr(GError) error = NULL;
  guint64 before, after;

  before = steps_of_one_edit (f->doc, g_array_index (ids, gint64, 5), 3.3);
  /* ten times the results: the same schools and assessments, years before */
  for (int year = 1980; year < 2022; year++)
    for (guint s = 0; s < ids->len; s++)
      {
        static const char * const subjects[] = { "Математика", "Русский язык", "Физика" };

        for (guint a = 0; a < G_N_ELEMENTS (subjects); a++)
          {
            ShnorResult r = { 0 };

            r.school_id = g_array_index (ids, gint64, s);
            r.year = year;
            shnor_result_set_names (&r, "ОГЭ", subjects[a]);
            r.grade = 9;
            r.participants = 20;
            r.has_mean = TRUE;
            r.mean = 3 + (s % 10) * 0.1;
            g_array_append_val (more, r);
          }
      }
  g_assert_true (shnor_document_put_results (f->doc, (ShnorResult *) (gpointer) more->data, more->len, "more",
                                             &error));
  g_assert_no_error (error);
  after = steps_of_one_edit (f->doc, g_array_index (ids, gint64, 5), 3.4);
  g_test_message ("steps of one edit and its undo: %" G_GUINT64_FORMAT " with 5 years of results, %"
                  G_GUINT64_FORMAT " with 47", before, after);
  g_assert_cmpuint (after, <, before * 2);
  assert_sums_fresh (f->doc);
}

static int
note_statement (unsigned int  type,
                void         *data,
                void         *stmt,
                void         *sql)
{
  g_ptr_array_add (data, g_strdup (sql));
  return 0;
}

/* A region's results into a file without results (the bulk path, with
 * the foreign keys off): the sums are computed on another thread from
 * the rows as they were stored, not by reading the table again, and they
 * are to the last bit those a recomputation gives. A result of a school
 * the file does not have is refused there, and nothing is stored. */
static void
test_derived_bulk (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const subjects[] = { "Математика", "Русский язык", "Физика", "Химия", "Биология",
                                           "История", "География", "Информатика", "Литература", "Обществознание",
                                           "Английский язык", "Немецкий язык", "Французский язык", "Астрономия",
                                           "Экономика" };
  sqlite3 *db = shnor_document_get_db (f->doc);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) results = g_array_new (FALSE, TRUE, sizeof (ShnorResult));
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GError) error = NULL;
  ShnorResult *bad;

  g_assert_true (shnor_document_begin_edit (f->doc, "schools", &error));
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("Школа № %u", i + 1);
      gint64 id = shnor_document_add_school (f->doc, name, &error);

      g_assert_no_error (error);
      g_array_append_val (ids, id);
    }
  g_assert_true (shnor_document_end_edit (f->doc, &error));
  for (int year = 2007; year <= 2026; year++)
    for (guint s = 0; s < ids->len; s++)
      for (guint a = 0; a < 2 * G_N_ELEMENTS (subjects); a++)
        {
          ShnorResult r = { 0 };

          r.school_id = g_array_index (ids, gint64, s);
          r.year = year;
          shnor_result_set_names (&r, a % 2 ? "ОГЭ" : "ЕГЭ", subjects[a / 2]);
          r.grade = a % 2 ? 9 : 11;
          r.participants = g_rand_int_range (rand, 0, 20) == 0 ? 3 : g_rand_int_range (rand, 5, 60);
          r.has_mean = g_rand_int_range (rand, 0, 15) != 0;
          r.mean = a % 2 ? g_rand_double_range (rand, 2.5, 4.8) : g_rand_double_range (rand, 35, 85);
          r.has_below = g_rand_boolean (rand);
          r.below = g_rand_int_range (rand, 0, r.participants + 1);
          g_array_append_val (results, r);
        }
  g_assert_cmpuint (results->len, ==, 60000);   /* more than a bulk change needs */

  sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, note_statement, statements);
  g_assert_true (shnor_document_put_results (f->doc, (ShnorResult *) (gpointer) results->data, results->len, "import",
                                             &error));
  sqlite3_trace_v2 (db, 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (statements->len, >, 0);
  for (guint i = 0; i < statements->len; i++)
    g_assert_null (strstr (statements->pdata[i], "FROM result ORDER BY id"));
  assert_sums_fresh (f->doc);
  g_assert_true (shnor_document_undo (f->doc, &error));
  assert_sums_fresh (f->doc);
  g_assert_true (shnor_document_redo (f->doc, &error));
  g_assert_no_error (error);
  assert_sums_fresh (f->doc);
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_assert_no_error (error);

  bad = &g_array_index (results, ShnorResult, 40000);
  bad->school_id = 99999;
  g_assert_false (shnor_document_put_results (f->doc, (ShnorResult *) (gpointer) results->data, results->len,
                                              "import", &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_DAMAGED);
  g_clear_error (&error);
  {
    g_autoptr(GArray) none = shnor_document_get_results (f->doc, 0);

    g_assert_cmpuint (none->len, ==, 0);
  }
  assert_sums_fresh (f->doc);
  g_assert_cmpstr (shnor_document_get_undo_label (f->doc), ==, "schools");
}

/* A file of a format before the sums gets them when it is upgraded (the
 * demo as format 8 wrote it: its results, and no sums): they are those a
 * recomputation gives, and the schools are classified by them. */
static void
test_derived_upgrade (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorClassification) after = NULL;
  g_autofree char *sql = NULL;
  GListModel *schools;
  guint grouped = 0;

  g_clear_object (&f->doc);
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "fixtures", "format-8.sql", NULL), &sql, NULL, &error);
  g_assert_no_error (error);
  edit_file (f->path, sql);
  f->doc = shnor_document_open (f->path, &error);
  g_assert_no_error (error);
  assert_sums_fresh (f->doc);
  after = shnor_document_classify (f->doc);
  schools = shnor_document_get_schools (f->doc);
  for (guint s = 0; s < g_list_model_get_n_items (schools); s++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, s);

      grouped += shnor_classification_get_groups (after, shnor_school_get_id (school)) != 0;
    }
  g_assert_cmpuint (grouped, >, 0);
}

/* --check compares the sums with the results: a sum changed by hand (of a
 * school, of an assessment), a result changed by hand behind the sums'
 * back, a row of sums too many. */
static void
test_derived_check (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const edits[] = {
    "UPDATE result_sums SET z_sum = z_sum + 0.5 WHERE id = (SELECT min(id) FROM result_sums)",
    "UPDATE assessment_sums SET mean_sum = mean_sum + 1 WHERE id = (SELECT max(id) FROM assessment_sums)",
    "UPDATE result SET mean = mean - 0.3 WHERE id = (SELECT id FROM result ORDER BY participants DESC LIMIT 1)",
    "INSERT INTO result_sums (subject, year, school_id, z_sum, z_weight, below, below_of)"
    " VALUES ('Пение', 2026, 1, 0, 1, 0, 1)",
    /* the foreign keys are off in a connection of its own */
    "INSERT INTO result (school_id, assessment_id, year, participants, mean) VALUES (99999, 1, 2026, 20, 3.5)",
  };
  g_autoptr(GArray) ids = random_municipality (f->doc, 10, 7);
  g_autofree char *copy = g_build_filename (f->dir, "копия.shnor", NULL);
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->doc);
  g_assert_true (shnor_document_check_file (f->path, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, (gssize) length, NULL));
      edit_file (copy, edits[i]);
      g_assert_false (shnor_document_check_file (copy, &error));
      g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_DAMAGED);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "копия.shnor"));
      g_clear_error (&error);
    }
}

/* The demo: a few schools in each group, as it is meant to show. */
static void
test_demo (void)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.shnor", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = NULL;
  g_autoptr(ShnorClassification) cls = NULL;

  g_assert_true (shnor_demo_write (path, &error));
  doc = shnor_document_open (path, &error);
  g_assert_no_error (error);
  cls = shnor_document_classify (doc);
  for (ShnorGroup g = 0; g < SHNOR_N_GROUPS; g++)
    {
      g_autoptr(GArray) list = shnor_classification_list_group (cls, g);

      g_test_message ("group %d: %u schools", g, list->len);
      g_assert_cmpuint (list->len, >=, 2);
      g_assert_cmpuint (list->len, <=, 4);
    }
  g_clear_object (&doc);
  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (municipalities); i++)
    {
      g_autofree char *name = g_strdup_printf ("/identification/classify/%s", municipalities[i].name);

      g_test_add (name, Fixture, &municipalities[i], fixture_set_up, test_municipality, fixture_tear_down);
    }
  g_test_add_func ("/identification/classify/pure", test_pure);
  g_test_add ("/identification/edit-reclassifies", Fixture, NULL, fixture_set_up, test_edit_reclassifies,
              fixture_tear_down);
  g_test_add ("/identification/default-set", Fixture, NULL, fixture_set_up, test_default_set, fixture_tear_down);
  g_test_add ("/identification/bad-input", Fixture, NULL, fixture_set_up, test_bad_input, fixture_tear_down);
  g_test_add ("/identification/sets", Fixture, NULL, fixture_set_up, test_sets, fixture_tear_down);
  g_test_add ("/identification/follows-data", Fixture, NULL, fixture_set_up, test_follows_data, fixture_tear_down);
  g_test_add ("/identification/risk-profile", Fixture, NULL, fixture_set_up, test_risk_profile, fixture_tear_down);
  g_test_add ("/identification/indicator-metric", Fixture, NULL, fixture_set_up, test_indicator_metric,
              fixture_tear_down);
  g_test_add_func ("/identification/demo", test_demo);
  g_test_add_func ("/identification/edge/equal-means", test_equal_means);
  g_test_add ("/identification/edge/min-participants", Fixture, NULL, fixture_set_up, test_min_participants,
              fixture_tear_down);
  g_test_add ("/identification/edge/window", Fixture, NULL, fixture_set_up, test_window, fixture_tear_down);
  g_test_add ("/identification/edge/by-subject", Fixture, NULL, fixture_set_up, test_by_subject, fixture_tear_down);
  g_test_add ("/identification/edge/hand-edited", Fixture, NULL, fixture_set_up, test_hand_edited,
              fixture_tear_down);
  g_test_add ("/identification/derived/follow-edits", Fixture, NULL, fixture_set_up, test_derived_follow_edits,
              fixture_tear_down);
  g_test_add ("/identification/derived/undo-new-assessment", Fixture, NULL, fixture_set_up,
              test_derived_undo_new_assessment, fixture_tear_down);
  g_test_add ("/identification/derived/edit-is-local", Fixture, NULL, fixture_set_up, test_derived_edit_is_local,
              fixture_tear_down);
  g_test_add ("/identification/derived/bulk", Fixture, NULL, fixture_set_up, test_derived_bulk, fixture_tear_down);
  g_test_add ("/identification/derived/upgrade", Fixture, NULL, fixture_set_up, test_derived_upgrade,
              fixture_tear_down);
  g_test_add ("/identification/derived/check", Fixture, NULL, fixture_set_up, test_derived_check,
              fixture_tear_down);
  return g_test_run ();
}
