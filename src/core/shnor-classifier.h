/* shnor-classifier.h: the yearly metrics of the schools, and the pure
 * function that puts schools into identification groups and says why. */
#pragma once

#include <glib.h>
#include "shnor-criteria.h"

G_BEGIN_DECLS

/* ---- metrics: a value per school, year and metric, or none ----------- */

typedef struct _ShnorMetrics ShnorMetrics;

/* One result as the standardisation needs it: @school numbers the
 * schools (an index into the caller's sums), @assessment tells the
 * (kind, subject, grade) assessments apart. */
typedef struct {
  guint  school;
  gint64 assessment;
  int    participants;
  double mean;        /* NAN: not known */
  int    below;       /* -1: not known */
} ShnorUnitResult;

/* What a school's results of one year (and one subject) add up to: the
 * standardised result is z_sum / z_weight, the share below the threshold
 * 100 · below / below_of. */
typedef struct {
  double z_sum;       /* Σ participants · z */
  double z_weight;    /* Σ participants, of the results with a z */
  double below;       /* Σ below the threshold */
  double below_of;    /* Σ participants, of the results with a count below */
} ShnorMetricSums;

ShnorMetrics *shnor_metrics_new          (const gint64            *school_ids,
                                          guint                    n_schools,
                                          int                      first_year,
                                          int                      last_year);
void          shnor_metrics_free         (ShnorMetrics            *metrics);
guint         shnor_metrics_get_n_schools (const ShnorMetrics     *metrics);
gint64        shnor_metrics_get_school_id (const ShnorMetrics     *metrics,
                                          guint                    school);
int           shnor_metrics_find_school  (const ShnorMetrics      *metrics,
                                          gint64                   school_id);
void          shnor_metrics_get_years    (const ShnorMetrics      *metrics,
                                          int                     *first_year,
                                          int                     *last_year);
void          shnor_metrics_set          (ShnorMetrics            *metrics,
                                          guint                    school,
                                          const char              *metric,
                                          int                      year,
                                          double                   value);
gboolean      shnor_metrics_get          (const ShnorMetrics      *metrics,
                                          guint                    school,
                                          const char              *metric,
                                          int                      year,
                                          double                  *value);
gboolean      shnor_metrics_has          (const ShnorMetrics      *metrics,
                                          const char              *metric);
void          shnor_metrics_set_sums     (ShnorMetrics            *metrics,
                                          guint                    school,
                                          int                      year,
                                          const char              *subject,
                                          const ShnorMetricSums   *sums);

/* The weighted mean and spread of one assessment in one year, so far */
typedef struct {
  double weight;
  double mean;
  double m2;          /* Σ participants · (mean − the mean)² */
  guint  schools;
} ShnorSpread;

void          shnor_spread_add           (ShnorSpread             *spread,
                                          const ShnorUnitResult   *result);
gboolean      shnor_spread_get           (const ShnorSpread       *spread,
                                          double                  *mean,
                                          double                  *sd);
void          shnor_metric_sums_add_result (ShnorMetricSums       *sums,
                                          const ShnorUnitResult   *result,
                                          const ShnorSpread       *spread);
void          shnor_metrics_sum_unit     (const ShnorUnitResult   *results,
                                          guint                    n_results,
                                          ShnorMetricSums         *sums,
                                          guint                    n_sums);
void          shnor_metric_sums_add      (ShnorMetricSums         *to,
                                          const ShnorMetricSums   *sums);
gboolean      shnor_metric_sums_is_empty (const ShnorMetricSums   *sums);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShnorMetrics, shnor_metrics_free)

/* ---- the classification ---------------------------------------------- */

typedef struct {
  int      year;
  gboolean known;
  double   value;
  double   limit;     /* the threshold, or the percentile's value that year */
  gboolean met;
} ShnorReasonYear;

/* Why a school meets a criterion or not. */
typedef struct {
  const ShnorCriterion *criterion;
  gboolean              met;
  int                   first_year;   /* the window; 0 when nobody has data */
  int                   last_year;
  const ShnorReasonYear *years;       /* n_years of them, oldest first */
  guint                 n_years;
  /* SHNOR_AGGREGATE_SUM and _MEAN: the value over the window */
  gboolean              total_known;
  double                total;
  double                total_limit;
} ShnorReason;

typedef struct _ShnorClassification ShnorClassification;

double       *shnor_metrics_dup_values   (const ShnorMetrics      *metrics,
                                          const ShnorCriteriaSet  *set,
                                          const char              *metric);
ShnorClassification *shnor_classify      (const ShnorMetrics      *metrics,
                                          const ShnorCriteriaSet  *set);
ShnorClassification *shnor_classification_ref   (ShnorClassification *self);
void                 shnor_classification_unref (ShnorClassification *self);
const ShnorCriteriaSet *shnor_classification_get_set (ShnorClassification *self);
guint                shnor_classification_get_groups (ShnorClassification *self,
                                                      gint64               school_id);
const ShnorReason   *shnor_classification_get_reasons (ShnorClassification *self,
                                                       gint64               school_id,
                                                       guint               *n_reasons);
GArray              *shnor_classification_list_group (ShnorClassification *self,
                                                      ShnorGroup           group);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShnorClassification, shnor_classification_unref)

G_END_DECLS
