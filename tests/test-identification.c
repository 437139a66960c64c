/* test-identification.c: criteria sets, the classifier and risk profiles,
 * without a display. The expectations are computed by hand (see the
 * comments of each case), not by the code under test. */
#include <math.h>
#include <glib/gstdio.h>

#include "shnor-demo.h"
#include "shnor-document.h"
#include "shnor-error.h"
#include "test-util.h"

#define H (1u << SHNOR_GROUP_HIGH)
#define L (1u << SHNOR_GROUP_LOW)
#define D (1u << SHNOR_GROUP_DECLINE)
#define S (1u << SHNOR_GROUP_SOCIAL)

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
    /* V: 18 + 18 + 1 + 1 + 2 = 40: ШНСУ; lowest every year: low */
    { { -2.0, -2.0, -2.0 }, { 60, 60, 10, 10, 10 }, L | S },
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
  return g_test_run ();
}
