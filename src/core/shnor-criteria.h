/* shnor-criteria.h: identification criteria (критерии идентификации): a
 * named set approved by an order; each criterion is a metric, a comparison
 * and a threshold over a window of years. The codes are stored in the file:
 * never renumber them. */
#pragma once

#include <glib.h>
#include "shnor-field.h"

G_BEGIN_DECLS

typedef enum {
  SHNOR_GROUP_HIGH = 0,     /* stable high results */
  SHNOR_GROUP_LOW = 1,      /* stable low results (ШНОР) */
  SHNOR_GROUP_DECLINE = 2,  /* negative dynamics */
  SHNOR_GROUP_SOCIAL = 3,   /* unfavourable social conditions (ШНСУ) */
  SHNOR_GROUP_LOW_SOCIAL = 4, /* both ШНОР and ШНСУ (seed 001): no criteria of
                               * its own, the schools in both groups */
} ShnorGroup;

#define SHNOR_N_GROUPS 5
/* The groups a criterion can belong to: all but the combined one. */
#define SHNOR_N_CRITERION_GROUPS 4

typedef enum {
  SHNOR_COMPARE_LT = 0,
  SHNOR_COMPARE_LE = 1,
  SHNOR_COMPARE_GT = 2,
  SHNOR_COMPARE_GE = 3,
  SHNOR_COMPARE_PERCENTILE_LE = 4,  /* at or below the P-th percentile */
  SHNOR_COMPARE_PERCENTILE_GE = 5,  /* at or above the P-th percentile */
} ShnorComparison;

#define SHNOR_N_COMPARISONS 6

typedef enum {
  SHNOR_AGGREGATE_EACH = 0,  /* in at least K of the last N years */
  SHNOR_AGGREGATE_SUM = 1,   /* the sum over the last N years */
  SHNOR_AGGREGATE_MEAN = 2,  /* the mean over the last N years */
} ShnorAggregate;

#define SHNOR_N_AGGREGATES 3

/* Metrics: "z", "below", "z_change", "social", "context:COLUMN",
 * "indicator:ID", and "z:SUBJECT", "below:SUBJECT" (the standardised
 * result and the share below the threshold over one subject's
 * assessments). */
#define SHNOR_METRIC_Z        "z"
#define SHNOR_METRIC_BELOW    "below"
#define SHNOR_METRIC_Z_CHANGE "z_change"
#define SHNOR_METRIC_SOCIAL   "social"

/* The statistics behind the result metrics (see shnor-classifier.c and the
 * README): a result of fewer participants is not used; an assessment whose
 * schools' means spread (SD) by less than the epsilon has no spread, and
 * gives nobody a standardised result. */
#define SHNOR_MIN_PARTICIPANTS 5
#define SHNOR_SPREAD_EPSILON   1e-6

/* The longest subject name a metric can name (as ShnorResult holds it). */
#define SHNOR_MAX_SUBJECT_BYTES 127

/* The context shares the social-disadvantage index weighs, in the order of
 * the criteria_set columns w_*. */
#define SHNOR_N_SOCIAL_WEIGHTS 5

typedef struct {
  gint64           id;
  ShnorGroup       group;
  char            *metric;
  ShnorComparison  comparison;
  double           threshold;
  ShnorAggregate   aggregate;
  int              years;      /* N */
  int              at_least;   /* K, for SHNOR_AGGREGATE_EACH */
} ShnorCriterion;

typedef struct {
  gint64    id;
  char     *name;
  char     *order_number;
  char     *order_date;        /* ISO date or "" */
  gboolean  active;
  double    weights[SHNOR_N_SOCIAL_WEIGHTS];
  GArray   *criteria;          /* of ShnorCriterion, by group, then as added */
} ShnorCriteriaSet;

const char       *shnor_group_label          (ShnorGroup        group);
const char       *shnor_group_badge          (ShnorGroup        group);
const char       *shnor_group_css_class      (ShnorGroup        group);

const ShnorField *shnor_criteria_set_fields  (guint            *n_fields);
const ShnorField *shnor_criteria_set_field   (const char       *column);
const char       *shnor_social_weight_column (guint             i);

char             *shnor_metric_label         (const char       *metric);
gboolean          shnor_metric_is_valid      (const char       *metric);
gboolean          shnor_metric_is_yearly_change (const char    *metric);
const char       *shnor_metric_get_subject   (const char       *metric);
char             *shnor_metric_for_subject   (const char       *metric,
                                              const char       *subject);
const char       *shnor_comparison_label     (ShnorComparison   comparison);
const char       *shnor_aggregate_label      (ShnorAggregate    aggregate);
gboolean          shnor_comparison_is_percentile (ShnorComparison comparison);

gboolean          shnor_criterion_validate   (const ShnorCriterion *criterion,
                                              GError          **error);
gboolean          shnor_criteria_set_validate (const ShnorCriteriaSet *set,
                                              GError          **error);
char             *shnor_criterion_describe   (const ShnorCriterion *criterion,
                                              const char       *metric_label);
void              shnor_criterion_copy       (const ShnorCriterion *from,
                                              ShnorCriterion   *to);
void              shnor_criterion_clear      (ShnorCriterion   *criterion);

ShnorCriteriaSet *shnor_criteria_set_new     (void);
ShnorCriteriaSet *shnor_criteria_set_copy    (const ShnorCriteriaSet *from);
void              shnor_criteria_set_free    (ShnorCriteriaSet *set);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShnorCriteriaSet, shnor_criteria_set_free)

G_END_DECLS
