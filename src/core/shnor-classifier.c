/* shnor-classifier.c: standardised results, and the classification.
 *
 * The standardised result of a school in a year: for every assessment
 * (kind, subject, grade, year) with at least two schools, the school's mean
 * as a z-score against the participants-weighted mean and standard
 * deviation of all schools of the municipality; then the school's z-scores
 * of the year averaged, weighted by its participants. A result of fewer
 * than SHNOR_MIN_PARTICIPANTS participants is left out of everything; the
 * standard deviation is computed around the mean (Welford's method: the
 * one-pass E[x²] − m² leaves rounding noise when every school has the same
 * mean), and one below SHNOR_SPREAD_EPSILON is no spread: the assessment
 * gives nobody a z-score. Percentiles are Excel's PERCENTILE.INC (linear interpolation),
 * over the schools that have a value in that year, and a value equal to
 * the border counts as meeting it. */
#define G_LOG_DOMAIN "shnor-classifier"

#include "config.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shnor-classifier.h"

/* Values that differ by less are equal: a tie at a quartile border must not
 * depend on the order the sums were added in. */
#define EPSILON 1e-9

struct _ShnorMetrics
{
  guint       n_schools;
  gint64     *school_ids;
  int         first_year;
  int         n_years;
  GHashTable *columns;    /* metric → double[n_schools × n_years], NAN: none */
  GHashTable *index;      /* school id → its index + 1 */
  /* the columns shnor_metrics_set_sums() wrote last (NULL: none yet),
   * for the subject (NULL: all): the sums come subject by subject,
   * thousands of rows */
  char       *sums_subject;
  double     *sums_z;
  double     *sums_below;
};

ShnorMetrics *
shnor_metrics_new (const gint64 *school_ids,
                   guint         n_schools,
                   int           first_year,
                   int           last_year)
{
  ShnorMetrics *m = g_new0 (ShnorMetrics, 1);

  m->n_schools = n_schools;
  m->school_ids = g_memdup2 (school_ids, n_schools * sizeof (gint64));
  m->first_year = first_year;
  m->n_years = last_year >= first_year ? last_year - first_year + 1 : 0;
  m->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  m->index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n_schools; i++)
    g_hash_table_insert (m->index, &m->school_ids[i], GUINT_TO_POINTER (i + 1));
  return m;
}

void
shnor_metrics_free (ShnorMetrics *m)
{
  if (m == NULL)
    return;
  g_hash_table_unref (m->index);
  g_free (m->school_ids);
  g_hash_table_unref (m->columns);
  g_free (m->sums_subject);
  g_free (m);
}

guint
shnor_metrics_get_n_schools (const ShnorMetrics *m)
{
  return m->n_schools;
}

gint64
shnor_metrics_get_school_id (const ShnorMetrics *m,
                             guint               school)
{
  g_return_val_if_fail (school < m->n_schools, 0);
  return m->school_ids[school];
}

/* The index of the school @school_id; -1 for a school the metrics do not
 * have. */
int
shnor_metrics_find_school (const ShnorMetrics *m,
                           gint64              school_id)
{
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (m->index, &school_id)) - 1;
}

void
shnor_metrics_get_years (const ShnorMetrics *m,
                         int                *first_year,
                         int                *last_year)
{
  *first_year = m->first_year;
  *last_year = m->first_year + m->n_years - 1;
}

static double *
column (const ShnorMetrics *m,
        const char         *metric,
        gboolean            create)
{
  double *values = g_hash_table_lookup (m->columns, metric);

  if (values == NULL && create)
    {
      gsize n = (gsize) m->n_schools * (gsize) m->n_years;

      values = g_new (double, MAX (n, 1));
      for (gsize i = 0; i < n; i++)
        values[i] = NAN;
      g_hash_table_insert (m->columns, g_strdup (metric), values);
    }
  return values;
}

void
shnor_metrics_set (ShnorMetrics *m,
                   guint         school,
                   const char   *metric,
                   int           year,
                   double        value)
{
  g_return_if_fail (school < m->n_schools);
  g_return_if_fail (year >= m->first_year && year < m->first_year + m->n_years);

  column (m, metric, TRUE)[school * (gsize) m->n_years + (gsize) (year - m->first_year)] = value;
}

gboolean
shnor_metrics_get (const ShnorMetrics *m,
                   guint               school,
                   const char         *metric,
                   int                 year,
                   double             *value)
{
  double *values = column (m, metric, FALSE);
  double v;

  if (values == NULL || school >= m->n_schools || year < m->first_year || year >= m->first_year + m->n_years)
    return FALSE;
  v = values[school * (gsize) m->n_years + (gsize) (year - m->first_year)];
  if (isnan (v))
    return FALSE;
  if (value != NULL)
    *value = v;
  return TRUE;
}

gboolean
shnor_metrics_has (const ShnorMetrics *m,
                   const char         *metric)
{
  return g_hash_table_contains (m->columns, metric);
}

gboolean
shnor_metric_sums_is_empty (const ShnorMetricSums *sums)
{
  return sums->z_weight <= 0 && sums->below_of <= 0;
}

void
shnor_metric_sums_add (ShnorMetricSums       *to,
                       const ShnorMetricSums *sums)
{
  to->z_sum += sums->z_sum;
  to->z_weight += sums->z_weight;
  to->below += sums->below;
  to->below_of += sums->below_of;
}

/* Sets the standardised result and the share below the threshold of
 * @school in @year from its @sums: of all subjects ("z", "below") when
 * @subject is NULL, else of that subject ("z:SUBJECT", "below:SUBJECT").
 * The column of a metric exists once set for any school. */
void
shnor_metrics_set_sums (ShnorMetrics          *m,
                        guint                  school,
                        int                    year,
                        const char            *subject,
                        const ShnorMetricSums *sums)
{
  gsize cell;

  g_return_if_fail (school < m->n_schools);
  g_return_if_fail (year >= m->first_year && year < m->first_year + m->n_years);

  if (m->sums_z == NULL || g_strcmp0 (m->sums_subject, subject) != 0)
    {
      g_autofree char *z = subject ? shnor_metric_for_subject (SHNOR_METRIC_Z, subject) : NULL;
      g_autofree char *below = subject ? shnor_metric_for_subject (SHNOR_METRIC_BELOW, subject) : NULL;

      g_free (m->sums_subject);
      m->sums_subject = g_strdup (subject);
      m->sums_z = column (m, z ? z : SHNOR_METRIC_Z, TRUE);
      m->sums_below = column (m, below ? below : SHNOR_METRIC_BELOW, TRUE);
    }
  cell = school * (gsize) m->n_years + (gsize) (year - m->first_year);
  m->sums_z[cell] = sums->z_weight > 0 ? sums->z_sum / sums->z_weight : NAN;
  m->sums_below[cell] = sums->below_of > 0 ? 100.0 * sums->below / sums->below_of : NAN;
}

static gboolean
usable (const ShnorUnitResult *r)
{
  return r->participants >= SHNOR_MIN_PARTICIPANTS;
}

/**
 * shnor_spread_add:
 *
 * Adds a result to the weighted mean and spread of its assessment and
 * year, by West's weighted form of Welford's method: stable in one pass
 * (each step adds around the mean so far), and exactly no spread when
 * every mean is the same. A result of too few participants, or without a
 * mean, adds nothing.
 */
void
shnor_spread_add (ShnorSpread           *s,
                  const ShnorUnitResult *r)
{
  double weight, delta, step;

  if (!usable (r) || isnan (r->mean))
    return;
  if (s->schools++ == 0)
    {
      s->weight = r->participants;
      s->mean = r->mean;
      s->m2 = 0;
      return;
    }
  weight = s->weight + r->participants;
  delta = r->mean - s->mean;
  step = delta * r->participants / weight;
  s->mean += step;
  s->m2 += s->weight * delta * step;
  s->weight = weight;
}

/* The mean and the SD of @s: FALSE when fewer than two schools have a
 * result, or when the SD is below SHNOR_SPREAD_EPSILON (no spread). */
gboolean
shnor_spread_get (const ShnorSpread *s,
                  double            *mean,
                  double            *sd)
{
  if (s->schools < 2)
    return FALSE;
  *mean = s->mean;
  *sd = sqrt (MAX (s->m2, 0) / s->weight);
  return *sd >= SHNOR_SPREAD_EPSILON;
}

/* Adds what @r contributes to its school's @sums, given its assessment's
 * @spread (complete). */
void
shnor_metric_sums_add_result (ShnorMetricSums       *sums,
                              const ShnorUnitResult *r,
                              const ShnorSpread     *spread)
{
  double mean, sd;

  if (!usable (r))
    return;
  if (r->below >= 0)
    {
      sums->below += r->below;
      sums->below_of += r->participants;
    }
  if (!isnan (r->mean) && shnor_spread_get (spread, &mean, &sd))
    {
      sums->z_sum += r->participants * (r->mean - mean) / sd;
      sums->z_weight += r->participants;
    }
}

/**
 * shnor_metrics_sum_unit:
 * @results: (array length=n_results): results of one year, in the order
 *   of their rows (any number of assessments)
 * @sums: (array length=n_sums): where each school's sums are added
 *
 * Adds what each school's @results contribute to its standardised result
 * and its share below the threshold: first the spread of every
 * assessment, then each result against it, in the order given. The same
 * results in the same order give the same sums to the last bit, whether
 * they are read with the others of the file (shnor_derived_compute()) or
 * alone after an edit, so that the sums kept in the file can be checked
 * against a recomputation.
 */
void
shnor_metrics_sum_unit (const ShnorUnitResult *results,
                        guint                  n_results,
                        ShnorMetricSums       *sums,
                        guint                  n_sums)
{
  g_autoptr(GHashTable) spreads = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);

  for (guint i = 0; i < n_results; i++)
    {
      ShnorSpread *s = g_hash_table_lookup (spreads, &results[i].assessment);

      g_return_if_fail (results[i].school < n_sums);
      if (s == NULL)
        {
          s = g_new0 (ShnorSpread, 1);
          g_hash_table_insert (spreads, (gpointer) &results[i].assessment, s);
        }
      shnor_spread_add (s, &results[i]);
    }
  for (guint i = 0; i < n_results; i++)
    shnor_metric_sums_add_result (&sums[results[i].school], &results[i],
                                  g_hash_table_lookup (spreads, &results[i].assessment));
}

/* ---- the classification ---------------------------------------------- */

struct _ShnorClassification
{
  gatomicrefcount   ref;
  ShnorCriteriaSet *set;
  guint             n_schools;
  guint             n_criteria;
  gint64           *school_ids;
  guint            *groups;
  ShnorReason      *reasons;    /* n_schools × n_criteria */
  ShnorReasonYear  *years;
  GHashTable       *index;      /* school id → its index + 1 */
};

/* The values of @c's metric, derived ones computed: n_schools × n_years. */
static double *
criterion_values (const ShnorMetrics     *m,
                  const ShnorCriteriaSet *set,
                  const ShnorCriterion   *c)
{
  gsize cells = (gsize) m->n_schools * (gsize) m->n_years;
  double *out = g_new (double, MAX (cells, 1));
  double *base;

  for (gsize i = 0; i < cells; i++)
    out[i] = NAN;

  if (g_str_equal (c->metric, SHNOR_METRIC_Z_CHANGE))
    {
      base = column (m, SHNOR_METRIC_Z, FALSE);
      for (gsize i = 0; base != NULL && i < cells; i++)
        if (i % (gsize) m->n_years > 0)
          out[i] = base[i] - base[i - 1];  /* NAN when either is */
    }
  else if (g_str_equal (c->metric, SHNOR_METRIC_SOCIAL))
    {
      /* Context values 2…6 are the shares, in the order of the weights. */
      static const char * const shares[SHNOR_N_SOCIAL_WEIGHTS] = {
        "context:share_low_income", "context:share_low_education", "context:share_non_native",
        "context:share_disabilities", "context:share_registered",
      };
      const double *columns[SHNOR_N_SOCIAL_WEIGHTS];
      gboolean any = FALSE;

      for (guint k = 0; k < SHNOR_N_SOCIAL_WEIGHTS; k++)
        {
          any |= set->weights[k] > 0;
          columns[k] = column (m, shares[k], FALSE);
        }
      for (gsize i = 0; any && i < cells; i++)
        {
          double sum = 0;

          for (guint k = 0; k < SHNOR_N_SOCIAL_WEIGHTS && !isnan (sum); k++)
            if (set->weights[k] > 0)
              sum += columns[k] != NULL ? set->weights[k] * columns[k][i] : NAN;
          out[i] = sum;
        }
    }
  else
    {
      base = column (m, c->metric, FALSE);
      if (base != NULL)
        memcpy (out, base, cells * sizeof (double));
    }
  return out;
}

/**
 * shnor_metrics_dup_values:
 *
 * Returns: (transfer full): the values of @metric for every school and
 * year (school after school, n_schools × the years of
 * shnor_metrics_get_years()), NAN where there is none; derived metrics
 * (the social index by @set's weights, the change of z) computed as the
 * classifier computes them.
 */
double *
shnor_metrics_dup_values (const ShnorMetrics     *metrics,
                          const ShnorCriteriaSet *set,
                          const char             *metric)
{
  ShnorCriterion criterion = { 0 };

  g_return_val_if_fail (metrics != NULL && set != NULL && metric != NULL, NULL);
  criterion.metric = (char *) metric;
  return criterion_values (metrics, set, &criterion);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* PERCENTILE.INC of @n values (sorted here). */
static double
percentile (double *values,
            guint   n,
            double  p)
{
  double h, lo;

  qsort (values, n, sizeof (double), compare_doubles);
  /* a hand-edited file is refused on open; this stays in bounds anyway */
  p = isnan (p) ? 0 : CLAMP (p, 0, 100);
  h = (n - 1) * p / 100.0;
  lo = floor (h);
  if ((guint) lo + 1 >= n)
    return values[n - 1];
  return values[(guint) lo] + (h - lo) * (values[(guint) lo + 1] - values[(guint) lo]);
}

static gboolean
meets (ShnorComparison comparison,
       double          value,
       double          limit)
{
  switch (comparison)
    {
    case SHNOR_COMPARE_LT:            return value < limit - EPSILON;
    case SHNOR_COMPARE_GT:            return value > limit + EPSILON;
    case SHNOR_COMPARE_LE:
    case SHNOR_COMPARE_PERCENTILE_LE: return value <= limit + EPSILON;
    case SHNOR_COMPARE_GE:
    case SHNOR_COMPARE_PERCENTILE_GE: return value >= limit - EPSILON;
    default:                          return FALSE;
    }
}

/* The limit a value is compared with: the threshold, or the percentile of
 * the @n known values (none known: no limit, NAN). */
static double
limit_of (const ShnorCriterion *c,
          double               *known,
          guint                 n)
{
  if (!shnor_comparison_is_percentile (c->comparison))
    return c->threshold;
  return n > 0 ? percentile (known, n, c->threshold) : NAN;
}

/* The last year of a criterion's window: the latest year for which at
 * least half as many schools have a value as in the year most of them
 * have one, the same for every school. A year the first few schools have
 * entered does not move the window (and empty the lists) until most have;
 * -1 when nobody has a value. */
static int
last_year_of (const double *values,
              guint         n_schools,
              guint         n_years)
{
  g_autofree guint *counts = g_new0 (guint, MAX (n_years, 1));
  guint most = 0;

  for (guint s = 0; s < n_schools; s++)
    for (guint y = 0; y < n_years; y++)
      counts[y] += !isnan (values[s * n_years + y]);
  for (guint y = 0; y < n_years; y++)
    most = MAX (most, counts[y]);
  for (int y = (int) n_years - 1; most > 0 && y >= 0; y--)
    if (counts[y] * 2 >= most)
      return y;
  return -1;
}

static void
evaluate (ShnorClassification *self,
          const ShnorMetrics  *m,
          guint                ci,
          ShnorReasonYear     *years)
{
  const ShnorCriterion *c = &g_array_index (self->set->criteria, ShnorCriterion, ci);
  g_autofree double *values = criterion_values (m, self->set, c);
  g_autofree double *known = g_new (double, MAX (m->n_schools, 1));
  guint n_years = (guint) m->n_years;
  int last = last_year_of (values, m->n_schools, n_years);
  int first = last - c->years + 1;

  /* Each school's reason: the years of the window */
  for (guint s = 0; s < m->n_schools; s++)
    {
      ShnorReason *r = &self->reasons[s * self->n_criteria + ci];

      r->criterion = c;
      r->years = years + s * (guint) c->years;
      r->n_years = last < 0 ? 0 : (guint) c->years;
      r->first_year = last < 0 ? 0 : m->first_year + first;
      r->last_year = last < 0 ? 0 : m->first_year + last;
      for (int k = 0; last >= 0 && k < c->years; k++)
        {
          ShnorReasonYear *ry = &years[s * (guint) c->years + (guint) k];
          int y = first + k;

          ry->year = m->first_year + y;
          ry->value = y >= 0 ? values[s * n_years + (guint) y] : NAN;
          ry->known = !isnan (ry->value);
          ry->limit = NAN;
        }
    }
  if (last < 0)
    return;

  if (c->aggregate == SHNOR_AGGREGATE_EACH)
    {
      for (int k = 0; k < c->years; k++)
        {
          guint n = 0;
          double limit;

          for (guint s = 0; s < m->n_schools; s++)
            if (years[s * (guint) c->years + (guint) k].known)
              known[n++] = years[s * (guint) c->years + (guint) k].value;
          limit = limit_of (c, known, n);
          for (guint s = 0; s < m->n_schools; s++)
            {
              ShnorReasonYear *ry = &years[s * (guint) c->years + (guint) k];

              ry->limit = limit;
              ry->met = ry->known && meets (c->comparison, ry->value, limit);
            }
        }
      for (guint s = 0; s < m->n_schools; s++)
        {
          ShnorReason *r = &self->reasons[s * self->n_criteria + ci];
          int met = 0;

          for (guint k = 0; k < r->n_years; k++)
            met += r->years[k].met;
          r->met = met >= c->at_least;
        }
    }
  else
    {
      guint n = 0;
      double limit;

      for (guint s = 0; s < m->n_schools; s++)
        {
          ShnorReason *r = &self->reasons[s * self->n_criteria + ci];
          double sum = 0;

          r->total_known = TRUE;
          for (guint k = 0; k < r->n_years; k++)
            {
              r->total_known &= r->years[k].known;
              sum += r->years[k].value;
            }
          if (r->total_known)
            {
              r->total = c->aggregate == SHNOR_AGGREGATE_MEAN ? sum / r->n_years : sum;
              known[n++] = r->total;
            }
        }
      limit = limit_of (c, known, n);
      for (guint s = 0; s < m->n_schools; s++)
        {
          ShnorReason *r = &self->reasons[s * self->n_criteria + ci];

          r->total_limit = limit;
          r->met = r->total_known && meets (c->comparison, r->total, limit);
        }
    }
}

/**
 * shnor_classify:
 *
 * Puts every school of @metrics into the groups of @set: a school is in a
 * group when the group has criteria and the school meets all of them, and
 * in the combined group when it is in both ШНОР and ШНСУ.
 * Pure: the same metrics and set always give the same answer.
 */
ShnorClassification *
shnor_classify (const ShnorMetrics     *m,
                const ShnorCriteriaSet *set)
{
  ShnorClassification *self = g_new0 (ShnorClassification, 1);
  gsize n_years = 0;
  guint n_criteria;

  g_return_val_if_fail (m != NULL && set != NULL, self);

  g_atomic_ref_count_init (&self->ref);
  self->set = shnor_criteria_set_copy (set);
  n_criteria = self->set->criteria->len;
  self->n_schools = m->n_schools;
  self->n_criteria = n_criteria;
  self->school_ids = g_memdup2 (m->school_ids, MAX (m->n_schools, 1) * sizeof (gint64));
  self->groups = g_new0 (guint, MAX (m->n_schools, 1));
  self->reasons = g_new0 (ShnorReason, MAX ((gsize) m->n_schools * n_criteria, 1));
  self->index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint c = 0; c < n_criteria; c++)
    n_years += (gsize) g_array_index (self->set->criteria, ShnorCriterion, c).years * m->n_schools;
  self->years = g_new0 (ShnorReasonYear, MAX (n_years, 1));

  n_years = 0;
  for (guint c = 0; c < n_criteria; c++)
    {
      evaluate (self, m, c, self->years + n_years);
      n_years += (gsize) g_array_index (self->set->criteria, ShnorCriterion, c).years * m->n_schools;
    }

  for (guint s = 0; s < m->n_schools; s++)
    {
      guint has = 0, failed = 0;

      for (guint c = 0; c < n_criteria; c++)
        {
          ShnorGroup g = g_array_index (self->set->criteria, ShnorCriterion, c).group;

          has |= 1u << g;
          if (!self->reasons[s * n_criteria + c].met)
            failed |= 1u << g;
        }
      self->groups[s] = has & ~failed;
      if ((self->groups[s] & (1u << SHNOR_GROUP_LOW)) && (self->groups[s] & (1u << SHNOR_GROUP_SOCIAL)))
        self->groups[s] |= 1u << SHNOR_GROUP_LOW_SOCIAL;
      g_hash_table_insert (self->index, &self->school_ids[s], GUINT_TO_POINTER (s + 1));
    }
  return self;
}

ShnorClassification *
shnor_classification_ref (ShnorClassification *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
shnor_classification_unref (ShnorClassification *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  shnor_criteria_set_free (self->set);
  g_hash_table_unref (self->index);
  g_free (self->school_ids);
  g_free (self->groups);
  g_free (self->reasons);
  g_free (self->years);
  g_free (self);
}

const ShnorCriteriaSet *
shnor_classification_get_set (ShnorClassification *self)
{
  return self->set;
}

static int
school_index (ShnorClassification *self,
              gint64               school_id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->index, &school_id)) - 1;
}

guint
shnor_classification_get_groups (ShnorClassification *self,
                                 gint64               school_id)
{
  int s = school_index (self, school_id);

  return s < 0 ? 0 : self->groups[s];
}

/* One reason per criterion of the set, in its order; NULL for a school the
 * classification does not know. */
const ShnorReason *
shnor_classification_get_reasons (ShnorClassification *self,
                                  gint64               school_id,
                                  guint               *n_reasons)
{
  int s = school_index (self, school_id);

  *n_reasons = s < 0 ? 0 : self->n_criteria;
  return s < 0 || self->n_criteria == 0 ? NULL : &self->reasons[(guint) s * self->n_criteria];
}

/* The ids of the schools in @group, in the order of the metrics. */
GArray *
shnor_classification_list_group (ShnorClassification *self,
                                 ShnorGroup           group)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint s = 0; s < self->n_schools; s++)
    if (self->groups[s] & (1u << group))
      g_array_append_val (ids, self->school_ids[s]);
  return ids;
}
