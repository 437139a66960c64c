/* shnor-criteria.c: what a criterion means, in words and in checks */
#define G_LOG_DOMAIN "shnor-criteria"

#include "config.h"
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shnor-context.h"
#include "shnor-criteria.h"
#include "shnor-error.h"

static const ShnorField set_fields[] = {
  { "name",            SHNOR_FIELD_TEXT, N_("Name of the criteria set"), 0, 0, TRUE, N_("Name") },
  { "order_number",    SHNOR_FIELD_TEXT, N_("Number of the approving order"), 0, 0, FALSE, N_("Order No.") },
  { "order_date",      SHNOR_FIELD_DATE, N_("Date of the approving order"), 0, 0, FALSE, N_("of") },
  { "w_low_income",    SHNOR_FIELD_REAL, N_("Weight of the share from low-income families"), 0, 10, TRUE,
    N_("Low income") },
  { "w_low_education", SHNOR_FIELD_REAL, N_("Weight of the share whose parents have low education"), 0, 10, TRUE,
    N_("Low education") },
  { "w_non_native",    SHNOR_FIELD_REAL, N_("Weight of the share with non-native Russian"), 0, 10, TRUE,
    N_("Non-native Russian") },
  { "w_disabilities",  SHNOR_FIELD_REAL, N_("Weight of the share with disabilities (ОВЗ)"), 0, 10, TRUE,
    N_("ОВЗ") },
  { "w_registered",    SHNOR_FIELD_REAL, N_("Weight of the share registered with КДН/ПДН"), 0, 10, TRUE,
    N_("КДН/ПДН") },
};

#define FIRST_WEIGHT 3
G_STATIC_ASSERT (G_N_ELEMENTS (set_fields) == FIRST_WEIGHT + SHNOR_N_SOCIAL_WEIGHTS);

const ShnorField *
shnor_criteria_set_fields (guint *n_fields)
{
  if (n_fields != NULL)
    *n_fields = G_N_ELEMENTS (set_fields);
  return set_fields;
}

const ShnorField *
shnor_criteria_set_field (const char *column)
{
  return shnor_field_find (set_fields, G_N_ELEMENTS (set_fields), column);
}

/* The criteria_set column of weight @i; weight i multiplies context value
 * i + 2 (the five shares follow pupils and teachers). */
const char *
shnor_social_weight_column (guint i)
{
  g_return_val_if_fail (i < SHNOR_N_SOCIAL_WEIGHTS, NULL);
  return set_fields[FIRST_WEIGHT + i].column;
}

const char *
shnor_group_label (ShnorGroup group)
{
  static const char * const labels[SHNOR_N_GROUPS] = {
    N_("Stable high results"),
    N_("Stable low results (ШНОР)"),
    N_("Negative dynamics"),
    N_("Unfavourable social conditions (ШНСУ)"),
    N_("Low results and unfavourable social conditions (ШНОР and ШНСУ)"),
  };

  g_return_val_if_fail ((guint) group < SHNOR_N_GROUPS, "");
  return _(labels[group]);
}

const char *
shnor_group_badge (ShnorGroup group)
{
  static const char * const badges[SHNOR_N_GROUPS] = {
    NC_("group", "High"), NC_("group", "ШНОР"), NC_("group", "Decline"), NC_("group", "ШНСУ"),
    NC_("group", "ШНОР and ШНСУ"),
  };

  g_return_val_if_fail ((guint) group < SHNOR_N_GROUPS, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "group", badges[group]);
}

const char *
shnor_group_css_class (ShnorGroup group)
{
  static const char * const classes[SHNOR_N_GROUPS] = {
    "group-high", "group-low", "group-decline", "group-social", "group-low-social",
  };

  g_return_val_if_fail ((guint) group < SHNOR_N_GROUPS, "");
  return classes[group];
}

static const ShnorField *
context_field_of (const char *metric)
{
  const ShnorField *field;

  if (!g_str_has_prefix (metric, "context:"))
    return NULL;
  field = shnor_context_field (metric + strlen ("context:"));
  return field != NULL && !g_str_equal (field->column, "year") ? field : NULL;
}

/* The subject of a "z:SUBJECT" or "below:SUBJECT" metric; NULL for the
 * other metrics. */
const char *
shnor_metric_get_subject (const char *metric)
{
  if (metric == NULL)
    return NULL;
  if (g_str_has_prefix (metric, SHNOR_METRIC_Z ":"))
    return metric + strlen (SHNOR_METRIC_Z ":");
  if (g_str_has_prefix (metric, SHNOR_METRIC_BELOW ":"))
    return metric + strlen (SHNOR_METRIC_BELOW ":");
  return NULL;
}

/* "z" and "Математика" → "z:Математика": @metric (SHNOR_METRIC_Z or
 * SHNOR_METRIC_BELOW) over @subject's assessments alone. */
char *
shnor_metric_for_subject (const char *metric,
                          const char *subject)
{
  g_return_val_if_fail (g_strcmp0 (metric, SHNOR_METRIC_Z) == 0 || g_strcmp0 (metric, SHNOR_METRIC_BELOW) == 0,
                        NULL);
  return g_strconcat (metric, ":", subject, NULL);
}

/* A subject a metric may name: what an import stores as a subject. */
static gboolean
subject_is_valid (const char *subject)
{
  gsize length = strlen (subject);

  if (length == 0 || length > SHNOR_MAX_SUBJECT_BYTES || !g_utf8_validate (subject, (gssize) length, NULL))
    return FALSE;
  for (const char *p = subject; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
shnor_metric_is_valid (const char *metric)
{
  const char *subject;

  if (metric == NULL)
    return FALSE;
  if ((subject = shnor_metric_get_subject (metric)) != NULL)
    return subject_is_valid (subject);
  if (g_str_equal (metric, SHNOR_METRIC_Z) || g_str_equal (metric, SHNOR_METRIC_BELOW) ||
      g_str_equal (metric, SHNOR_METRIC_Z_CHANGE) || g_str_equal (metric, SHNOR_METRIC_SOCIAL))
    return TRUE;
  if (context_field_of (metric) != NULL)
    return TRUE;
  if (g_str_has_prefix (metric, "indicator:"))
    {
      char *end;
      gint64 id = g_ascii_strtoll (metric + strlen ("indicator:"), &end, 10);

      return id > 0 && *end == '\0';
    }
  return FALSE;
}

gboolean
shnor_metric_is_yearly_change (const char *metric)
{
  return g_strcmp0 (metric, SHNOR_METRIC_Z_CHANGE) == 0;
}

/* The label of a metric; an indicator's label is its name, which only the
 * document knows: the caller replaces "indicator:ID" labels itself. */
char *
shnor_metric_label (const char *metric)
{
  const ShnorField *field;

  if (g_strcmp0 (metric, SHNOR_METRIC_Z) == 0)
    return g_strdup (_("Standardised result"));
  if (g_strcmp0 (metric, SHNOR_METRIC_BELOW) == 0)
    return g_strdup (_("Share of results below the threshold, %"));
  if (g_strcmp0 (metric, SHNOR_METRIC_Z_CHANGE) == 0)
    return g_strdup (_("Change of the standardised result"));
  if (g_strcmp0 (metric, SHNOR_METRIC_SOCIAL) == 0)
    return g_strdup (_("Social-disadvantage index"));
  if (shnor_metric_get_subject (metric) != NULL)
    /* TRANSLATORS: a metric over one subject: "Standardised result:
     * Математика" */
    return g_strdup_printf (g_str_has_prefix (metric, SHNOR_METRIC_Z ":") ? _("Standardised result: %s")
                                                                         : _("Share of results below the threshold, %%: %s"),
                            shnor_metric_get_subject (metric));
  field = metric ? context_field_of (metric) : NULL;
  if (field != NULL)
    return g_strdup (_(field->label));
  return g_strdup (metric ? metric : "");
}

const char *
shnor_comparison_label (ShnorComparison comparison)
{
  static const char * const labels[SHNOR_N_COMPARISONS] = {
    "<", "≤", ">", "≥", N_("≤ percentile"), N_("≥ percentile"),
  };

  g_return_val_if_fail ((guint) comparison < SHNOR_N_COMPARISONS, "");
  return comparison < SHNOR_COMPARE_PERCENTILE_LE ? labels[comparison] : _(labels[comparison]);
}

gboolean
shnor_comparison_is_percentile (ShnorComparison comparison)
{
  return comparison == SHNOR_COMPARE_PERCENTILE_LE || comparison == SHNOR_COMPARE_PERCENTILE_GE;
}

const char *
shnor_aggregate_label (ShnorAggregate aggregate)
{
  static const char * const labels[SHNOR_N_AGGREGATES] = {
    N_("K of the last N years"), N_("sum over N years"), N_("mean over N years"),
  };

  g_return_val_if_fail ((guint) aggregate < SHNOR_N_AGGREGATES, "");
  return _(labels[aggregate]);
}

gboolean
shnor_criterion_validate (const ShnorCriterion  *c,
                          GError               **error)
{
  g_return_val_if_fail (c != NULL, FALSE);

  if ((guint) c->group >= SHNOR_N_CRITERION_GROUPS)
    g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("There is no group number %d."), c->group);
  else if (!shnor_metric_is_valid (c->metric))
    g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("“%s” is not a metric Shnor knows."),
                 c->metric ? c->metric : "");
  else if ((guint) c->comparison >= SHNOR_N_COMPARISONS)
    g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("There is no comparison number %d."), c->comparison);
  else if ((guint) c->aggregate >= SHNOR_N_AGGREGATES)
    g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("There is no window kind number %d."), c->aggregate);
  else if (!isfinite (c->threshold) || fabs (c->threshold) > 1e9)
    g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("The threshold must be a number."));
  else if (shnor_comparison_is_percentile (c->comparison) && (c->threshold < 0 || c->threshold > 100))
    {
      g_autofree char *value = shnor_format_double (c->threshold, 2);

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("A percentile must be from 0 to 100; %s is out of range."), value);
    }
  else if (c->years < 1 || c->years > 20)
    g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                 _("The window must be from 1 to 20 years; %d is out of range."), c->years);
  else if (c->aggregate == SHNOR_AGGREGATE_EACH && (c->at_least < 1 || c->at_least > c->years))
    g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                 _("“In at least K of the last N years”: K must be from 1 to N (%d); %d is out of range."),
                 c->years, c->at_least);
  else
    return TRUE;
  return FALSE;
}

/* The weights of the social-disadvantage index: numbers from 0 to 10 (a
 * hand-edited file may hold anything). */
gboolean
shnor_criteria_set_validate (const ShnorCriteriaSet  *set,
                             GError                 **error)
{
  g_return_val_if_fail (set != NULL, FALSE);

  for (guint k = 0; k < SHNOR_N_SOCIAL_WEIGHTS; k++)
    {
      const ShnorField *field = &set_fields[FIRST_WEIGHT + k];

      if (!isfinite (set->weights[k]) || set->weights[k] < field->min || set->weights[k] > field->max)
        {
          g_autofree char *value = shnor_format_double (set->weights[k], 2);

          g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                       _("The weight “%s” must be from 0 to 10; %s is out of range."), _(field->label), value);
          return FALSE;
        }
    }
  return TRUE;
}

/* "Standardised result at or below the 25th percentile, in each of the
 * last 3 years"; @metric_label: the metric's name when the caller knows
 * better (an indicator's name), or NULL. */
char *
shnor_criterion_describe (const ShnorCriterion *c,
                          const char           *metric_label)
{
  g_autofree char *metric = metric_label ? g_strdup (metric_label) : shnor_metric_label (c->metric);
  g_autofree char *value = shnor_format_double (c->threshold, 2);
  g_autofree char *condition = NULL;
  g_autofree char *window = NULL;

  switch (c->comparison)
    {
    case SHNOR_COMPARE_PERCENTILE_LE:
      condition = g_strdup_printf (_("at or below the %s-th percentile"), value);
      break;
    case SHNOR_COMPARE_PERCENTILE_GE:
      condition = g_strdup_printf (_("at or above the %s-th percentile"), value);
      break;
    case SHNOR_COMPARE_LT:
      condition = g_strdup_printf (_("below %s"), value);
      break;
    case SHNOR_COMPARE_LE:
      condition = g_strdup_printf (_("at or below %s"), value);
      break;
    case SHNOR_COMPARE_GT:
      condition = g_strdup_printf (_("above %s"), value);
      break;
    default:
      condition = g_strdup_printf (_("at or above %s"), value);
      break;
    }

  switch (c->aggregate)
    {
    case SHNOR_AGGREGATE_SUM:
      window = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in total over the last %d year",
                                             "in total over the last %d years", c->years), c->years);
      break;
    case SHNOR_AGGREGATE_MEAN:
      window = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "on average over the last %d year",
                                             "on average over the last %d years", c->years), c->years);
      break;
    default:
      if (c->years == 1)
        window = g_strdup (_("in the last year"));
      else if (c->at_least == c->years)
        window = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in each of the last %d year",
                                               "in each of the last %d years", c->years), c->years);
      else
        window = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in at least %d of the last %d years",
                                               "in at least %d of the last %d years", c->years),
                                  c->at_least, c->years);
      break;
    }

  /* TRANSLATORS: metric, condition, window: "Standardised result at or
   * below the 25-th percentile, in each of the last 3 years" */
  return g_strdup_printf (_("%s %s, %s"), metric, condition, window);
}

void
shnor_criterion_copy (const ShnorCriterion *from,
                      ShnorCriterion       *to)
{
  *to = *from;
  to->metric = g_strdup (from->metric);
}

void
shnor_criterion_clear (ShnorCriterion *c)
{
  g_clear_pointer (&c->metric, g_free);
}

static void
criterion_clear_func (gpointer data)
{
  shnor_criterion_clear (data);
}

ShnorCriteriaSet *
shnor_criteria_set_new (void)
{
  ShnorCriteriaSet *set = g_new0 (ShnorCriteriaSet, 1);

  set->criteria = g_array_new (FALSE, TRUE, sizeof (ShnorCriterion));
  g_array_set_clear_func (set->criteria, criterion_clear_func);
  return set;
}

ShnorCriteriaSet *
shnor_criteria_set_copy (const ShnorCriteriaSet *from)
{
  ShnorCriteriaSet *set = shnor_criteria_set_new ();

  set->id = from->id;
  set->name = g_strdup (from->name);
  set->order_number = g_strdup (from->order_number);
  set->order_date = g_strdup (from->order_date);
  set->active = from->active;
  memcpy (set->weights, from->weights, sizeof set->weights);
  for (guint i = 0; i < from->criteria->len; i++)
    {
      ShnorCriterion c;

      shnor_criterion_copy (&g_array_index (from->criteria, ShnorCriterion, i), &c);
      g_array_append_val (set->criteria, c);
    }
  return set;
}

void
shnor_criteria_set_free (ShnorCriteriaSet *set)
{
  if (set == NULL)
    return;
  g_free (set->name);
  g_free (set->order_number);
  g_free (set->order_date);
  g_array_unref (set->criteria);
  g_free (set);
}
