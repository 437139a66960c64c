/* shnor-programme.c: a programme as the list shows it, and the tables that
 * describe its fields and parts: the editors, the storage and the checks
 * are all generated from them. */
#define G_LOG_DOMAIN "shnor-programme"

#include "config.h"
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "shnor-number.h"
#include "shnor-programme.h"

struct _ShnorProgramme
{
  GObject              parent_instance;

  gint64               id;
  char                *title;
  ShnorProgrammeLevel  level;
  ShnorProgrammeStatus status;
  int                  version;
  int                  first_year;
  int                  last_year;
  gint64               origin;
};

G_DEFINE_FINAL_TYPE (ShnorProgramme, shnor_programme, G_TYPE_OBJECT)

enum { PROP_0, PROP_TITLE, PROP_SUBTITLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The passport, and the problem analysis, of the programme table */
static const ShnorField programme_fields[] = {
  { "title",             SHNOR_FIELD_LONG_TEXT, N_("Title"), 0, 0, TRUE, NULL },
  { "basis",             SHNOR_FIELD_LONG_TEXT, N_("Basis for development"), 0, 0, FALSE, NULL },
  { "customer",          SHNOR_FIELD_TEXT, N_("Customer"), 0, 0, FALSE, NULL },
  { "developers",        SHNOR_FIELD_LONG_TEXT, N_("Developers"), 0, 0, FALSE, NULL },
  { "executor",          SHNOR_FIELD_TEXT, N_("Responsible executor"), 0, 0, FALSE, NULL },
  { "co_executors",      SHNOR_FIELD_LONG_TEXT, N_("Co-executors"), 0, 0, FALSE, NULL },
  { "first_year",        SHNOR_FIELD_INT, N_("First year of the period"), 2000, 2100, TRUE, N_("From") },
  { "last_year",         SHNOR_FIELD_INT, N_("Last year of the period"), 2000, 2100, TRUE, N_("To") },
  /* «2021 год и плановый период 2022 и 2023 годов»: the passport prints it
   * instead of the years, which stay the period the tables are made of */
  { "period_text",       SHNOR_FIELD_TEXT, N_("Period as the documents word it"), 0, 0, FALSE, N_("In words") },
  { "goal",              SHNOR_FIELD_LONG_TEXT, N_("Goal"), 0, 0, FALSE, NULL },
  { "contacts",          SHNOR_FIELD_LONG_TEXT, N_("Contacts of the developers"), 0, 0, FALSE, NULL },
  { "financing_summary", SHNOR_FIELD_LONG_TEXT, N_("Financing (summary)"), 0, 0, FALSE, NULL },
  { "analysis",          SHNOR_FIELD_LONG_TEXT, N_("Problem analysis"), 0, 0, FALSE, NULL },
};

static const ShnorField task_fields[] = {
  { "text", SHNOR_FIELD_LONG_TEXT, N_("Task"), 0, 0, TRUE, NULL },
};

static const ShnorField result_fields[] = {
  { "text", SHNOR_FIELD_LONG_TEXT, N_("Expected result"), 0, 0, TRUE, NULL },
};

static const ShnorField indicator_fields[] = {
  { "name",          SHNOR_FIELD_LONG_TEXT, N_("Indicator"), 0, 0, TRUE, NULL },
  { "unit",          SHNOR_FIELD_TEXT, N_("Unit"), 0, 0, FALSE, NULL },
  { "direction",     SHNOR_FIELD_CHOICE, N_("Direction"), 0, 1, TRUE, NULL },
  { "baseline",      SHNOR_FIELD_REAL, N_("Baseline value"), -1e9, 1e9, FALSE, N_("Baseline") },
  { "baseline_year", SHNOR_FIELD_INT, N_("Baseline year"), 2000, 2100, FALSE, N_("Year") },
  { "source",        SHNOR_FIELD_TEXT, N_("Source of the data"), 0, 0, FALSE, N_("Source") },
};

static const ShnorField risk_fields[] = {
  { "risk",       SHNOR_FIELD_LONG_TEXT, N_("Risk"), 0, 0, TRUE, NULL },
  { "mitigation", SHNOR_FIELD_LONG_TEXT, N_("Ways to minimise it"), 0, 0, FALSE, N_("Mitigation") },
  /* empty: not assessed, and the documents leave the cell blank */
  { "likelihood", SHNOR_FIELD_CHOICE, N_("Likelihood"), 0, 2, FALSE, NULL },
  { "impact",     SHNOR_FIELD_CHOICE, N_("Impact"), 0, 2, FALSE, NULL },
  /* a person of the file's people list, by id */
  { "owner_id",   SHNOR_FIELD_INT, N_("Responsible person"), 1, 1e15, FALSE, N_("Responsible") },
};

static const ShnorField stage_fields[] = {
  { "name",       SHNOR_FIELD_TEXT, N_("Stage"), 0, 0, TRUE, NULL },
  { "start_date", SHNOR_FIELD_DATE, N_("Start"), 0, 0, FALSE, NULL },
  { "end_date",   SHNOR_FIELD_DATE, N_("End"), 0, 0, FALSE, NULL },
  { "tasks",      SHNOR_FIELD_LONG_TEXT, N_("Tasks of the stage"), 0, 0, FALSE, N_("Tasks") },
  { "content",    SHNOR_FIELD_LONG_TEXT, N_("Content of the work"), 0, 0, FALSE, N_("Content") },
  { "forms",      SHNOR_FIELD_LONG_TEXT, N_("Organisational forms"), 0, 0, FALSE, N_("Forms") },
  { "methods",    SHNOR_FIELD_LONG_TEXT, N_("Methods"), 0, 0, FALSE, NULL },
  { "means",      SHNOR_FIELD_LONG_TEXT, N_("Means"), 0, 0, FALSE, NULL },
  { "results",    SHNOR_FIELD_LONG_TEXT, N_("Results of the stage"), 0, 0, FALSE, N_("Results") },
};

static const ShnorField act_fields[] = {
  { "title",  SHNOR_FIELD_LONG_TEXT, N_("Normative act"), 0, 0, TRUE, NULL },
  { "date",   SHNOR_FIELD_DATE, N_("Date of the act"), 0, 0, FALSE, N_("Date") },
  { "number", SHNOR_FIELD_TEXT, N_("Number of the act"), 0, 0, FALSE, N_("No.") },
};

static const struct {
  const char       *table;
  const char       *label;
  const ShnorField *fields;
  guint             n_fields;
} parts[SHNOR_N_PARTS] = {
  { "programme_task", N_("Tasks"), task_fields, G_N_ELEMENTS (task_fields) },
  { "programme_result", N_("Expected results"), result_fields, G_N_ELEMENTS (result_fields) },
  { "programme_indicator", N_("Target indicators"), indicator_fields, G_N_ELEMENTS (indicator_fields) },
  { "programme_risk", N_("Risks and mitigation"), risk_fields, G_N_ELEMENTS (risk_fields) },
  { "programme_stage", N_("Stages"), stage_fields, G_N_ELEMENTS (stage_fields) },
  { "programme_act", N_("Normative basis"), act_fields, G_N_ELEMENTS (act_fields) },
};

static void
shnor_programme_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ShnorProgramme *self = SHNOR_PROGRAMME (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      {
        g_autofree char *period = shnor_programme_dup_period (self);

        /* TRANSLATORS: level, period, status and version of a programme in the list */
        g_value_take_string (value, g_strdup_printf (_("%s · %s · %s · version %d"),
                                                     shnor_programme_level_label (self->level), period,
                                                     shnor_programme_status_label (self->status),
                                                     self->version));
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shnor_programme_finalize (GObject *object)
{
  g_free (SHNOR_PROGRAMME (object)->title);
  G_OBJECT_CLASS (shnor_programme_parent_class)->finalize (object);
}

static void
shnor_programme_class_init (ShnorProgrammeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = shnor_programme_get_property;
  object_class->finalize = shnor_programme_finalize;
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "",
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, "",
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shnor_programme_init (ShnorProgramme *self)
{
}

ShnorProgramme *
shnor_programme_new (gint64               id,
                     const char          *title,
                     ShnorProgrammeLevel  level,
                     ShnorProgrammeStatus status,
                     int                  version,
                     int                  first_year,
                     int                  last_year,
                     gint64               origin)
{
  ShnorProgramme *self = g_object_new (SHNOR_TYPE_PROGRAMME, NULL);

  self->id = id;
  self->title = g_strdup (title ? title : "");
  self->level = level;
  self->status = status;
  self->version = version;
  self->first_year = first_year;
  self->last_year = last_year;
  self->origin = origin;
  return self;
}

gint64               shnor_programme_get_id         (ShnorProgramme *self) { return self->id; }
const char          *shnor_programme_get_title      (ShnorProgramme *self) { return self->title; }
ShnorProgrammeLevel  shnor_programme_get_level      (ShnorProgramme *self) { return self->level; }
ShnorProgrammeStatus shnor_programme_get_status     (ShnorProgramme *self) { return self->status; }
int                  shnor_programme_get_version    (ShnorProgramme *self) { return self->version; }
int                  shnor_programme_get_first_year (ShnorProgramme *self) { return self->first_year; }
int                  shnor_programme_get_last_year  (ShnorProgramme *self) { return self->last_year; }
gint64               shnor_programme_get_origin     (ShnorProgramme *self) { return self->origin; }

/* "2025–2027" */
char *
shnor_programme_dup_period (ShnorProgramme *self)
{
  g_return_val_if_fail (SHNOR_IS_PROGRAMME (self), NULL);
  return g_strdup_printf ("%d–%d", self->first_year, self->last_year);
}

const char *
shnor_programme_level_label (ShnorProgrammeLevel level)
{
  return level == SHNOR_PROGRAMME_SCHOOL ? C_("programme", "school") : C_("programme", "municipal");
}

const char *
shnor_programme_status_label (ShnorProgrammeStatus status)
{
  switch (status)
    {
    case SHNOR_PROGRAMME_APPROVED:
      return C_("programme", "approved");
    case SHNOR_PROGRAMME_ARCHIVED:
      return C_("programme", "archived");
    default:
      return C_("programme", "draft");
    }
}

const char *
shnor_programme_template_label (ShnorProgrammeTemplate kind)
{
  static const char * const labels[SHNOR_N_TEMPLATES] = {
    N_("Municipal programme of support for schools with low results"),
    N_("School programme of transition to an effective mode of work"),
    N_("School anti-risk programme"),
  };

  g_return_val_if_fail ((guint) kind < SHNOR_N_TEMPLATES, "");
  return _(labels[kind]);
}

const char *
shnor_funding_source_label (ShnorFundingSource source)
{
  static const char * const labels[SHNOR_N_SOURCES] = {
    N_("Federal budget"), N_("Regional budget"), N_("Local budget"), N_("Other sources"),
  };

  g_return_val_if_fail ((guint) source < SHNOR_N_SOURCES, "");
  return _(labels[source]);
}

const ShnorField *
shnor_programme_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (programme_fields);
  return programme_fields;
}

const ShnorField *
shnor_programme_field (const char *column)
{
  return shnor_field_find (programme_fields, G_N_ELEMENTS (programme_fields), column);
}

const ShnorField *
shnor_part_fields (ShnorPart  part,
                   guint     *n_fields)
{
  g_return_val_if_fail ((guint) part < SHNOR_N_PARTS, NULL);
  *n_fields = parts[part].n_fields;
  return parts[part].fields;
}

const char *
shnor_part_table (ShnorPart part)
{
  g_return_val_if_fail ((guint) part < SHNOR_N_PARTS, NULL);
  return parts[part].table;
}

const char *
shnor_part_label (ShnorPart part)
{
  g_return_val_if_fail ((guint) part < SHNOR_N_PARTS, NULL);
  return _(parts[part].label);
}

/**
 * shnor_field_dup_choices:
 *
 * Returns: (transfer full): the translated labels of a CHOICE field's
 * values, from its min on; NULL for other fields.
 */
GStrv
shnor_field_dup_choices (const ShnorField *field)
{
  static const char * const direction[] = { NC_("direction", "higher is better"),
                                            NC_("direction", "lower is better"), NULL };
  static const char * const level[] = { NC_("likelihood", "low"), NC_("likelihood", "medium"),
                                        NC_("likelihood", "high"), NULL };
  gboolean is_direction;
  const char * const *labels;
  GStrv out;

  if (field == NULL || field->kind != SHNOR_FIELD_CHOICE)
    return NULL;
  is_direction = g_str_equal (field->column, "direction");
  labels = is_direction ? direction : level;
  out = g_new0 (char *, g_strv_length ((GStrv) labels) + 1);
  for (guint i = 0; labels[i]; i++)
    out[i] = g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, is_direction ? "direction" : "likelihood", labels[i]));
  return out;
}

/* Met when the actual value reaches the target in the better direction
 * (a border value meets it); no data without both values. */
ShnorAchievement
shnor_achievement (gboolean lower_is_better,
                   gboolean has_target,
                   double   target,
                   gboolean has_actual,
                   double   actual)
{
  return shnor_target_achievement (SHNOR_BOUND_EXACT, lower_is_better, has_target, target, has_actual, actual);
}

/* As shnor_achievement(), but a bound decides by itself: «не более» is met
 * at or below it, «не менее» at or above it, whatever the direction. */
ShnorAchievement
shnor_target_achievement (ShnorBound bound,
                          gboolean   lower_is_better,
                          gboolean   has_target,
                          double     target,
                          gboolean   has_actual,
                          double     actual)
{
  const double eps = 1e-9;

  if (!has_target || !has_actual || isnan (target) || isnan (actual))
    return SHNOR_ACHIEVEMENT_NO_DATA;
  if (bound == SHNOR_BOUND_AT_MOST || (bound == SHNOR_BOUND_EXACT && lower_is_better))
    return actual <= target + eps ? SHNOR_ACHIEVEMENT_MET : SHNOR_ACHIEVEMENT_NOT_MET;
  return actual >= target - eps ? SHNOR_ACHIEVEMENT_MET : SHNOR_ACHIEVEMENT_NOT_MET;
}

/* The words of a bound, in the documents (Russian) and as typed: the
 * interface's words, «не более»/«не менее» and the signs are all read. */
static const struct {
  ShnorBound  bound;
  const char *word;
} bound_words[] = {
  { SHNOR_BOUND_AT_MOST, "не более" }, { SHNOR_BOUND_AT_LEAST, "не менее" },
  { SHNOR_BOUND_AT_MOST, "не выше" }, { SHNOR_BOUND_AT_LEAST, "не ниже" },
  { SHNOR_BOUND_AT_MOST, "до" }, { SHNOR_BOUND_AT_LEAST, "от" },
  { SHNOR_BOUND_AT_MOST, "at most" }, { SHNOR_BOUND_AT_LEAST, "at least" },
  { SHNOR_BOUND_AT_MOST, "≤" }, { SHNOR_BOUND_AT_LEAST, "≥" },
  { SHNOR_BOUND_AT_MOST, "<=" }, { SHNOR_BOUND_AT_LEAST, ">=" },
};

/**
 * shnor_parse_target:
 * @text: "5", "не более 5", "не менее 80 %", "≥ 80", or the interface's
 *   own words ("at most 5")
 *
 * Reads a target: a number, maybe after the words of a bound and before
 * a "%". An empty @text is no target (@has_value FALSE).
 *
 * Returns: FALSE when @text is not a target.
 */
gboolean
shnor_parse_target (const char *text,
                    ShnorBound *bound,
                    double     *value,
                    gboolean   *has_value)
{
  g_autofree char *lower = NULL;
  const char *rest;
  g_autofree char *number = NULL;

  g_return_val_if_fail (bound != NULL && value != NULL && has_value != NULL, FALSE);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  lower = g_utf8_strdown (text, -1);
  g_strstrip (lower);
  *bound = SHNOR_BOUND_EXACT;
  *has_value = FALSE;
  rest = lower;
  {
    const char *words[] = { _("at most"), _("at least") };

    for (guint i = 0; i < G_N_ELEMENTS (words); i++)
      {
        g_autofree char *word = g_utf8_strdown (words[i], -1);

        if (g_str_has_prefix (rest, word))
          {
            *bound = i == 0 ? SHNOR_BOUND_AT_MOST : SHNOR_BOUND_AT_LEAST;
            rest += strlen (word);
            break;
          }
      }
  }
  for (guint i = 0; *bound == SHNOR_BOUND_EXACT && i < G_N_ELEMENTS (bound_words); i++)
    if (g_str_has_prefix (rest, bound_words[i].word))
      {
        *bound = bound_words[i].bound;
        rest += strlen (bound_words[i].word);
      }
  number = g_strstrip (g_strdup (rest));
  if (g_str_has_suffix (number, "%"))
    number[strlen (number) - 1] = '\0';
  g_strstrip (number);
  if (number[0] == '\0')
    return *bound == SHNOR_BOUND_EXACT && lower[0] == '\0';
  if (!shnor_parse_double (number, value))
    return FALSE;
  *has_value = TRUE;
  return TRUE;
}

/* The target as the interface shows it and reads it back: "at most 5". */
char *
shnor_format_target (ShnorBound bound,
                     double     value)
{
  g_autofree char *number = shnor_format_double (value, 4);

  switch (bound)
    {
    case SHNOR_BOUND_AT_MOST:
      /* TRANSLATORS: a target that is a bound, «не более 5» */
      return g_strdup_printf (_("at most %s"), number);
    case SHNOR_BOUND_AT_LEAST:
      /* TRANSLATORS: a target that is a bound, «не менее 80» */
      return g_strdup_printf (_("at least %s"), number);
    default:
      return g_steal_pointer (&number);
    }
}

/* The target as a document prints it, in Russian whatever the locale:
 * «не более 5 %», «100 %», «не менее 3,8 балла»: @unit follows the
 * number as it is written. */
char *
shnor_target_document_text (ShnorBound  bound,
                            double      value,
                            const char *unit)
{
  g_autofree char *number = shnor_format_double (value, 4);
  g_autofree char *clean = g_strstrip (g_strdup (unit ? unit : ""));
  const char *word = bound == SHNOR_BOUND_AT_MOST ? "не более " : bound == SHNOR_BOUND_AT_LEAST ? "не менее " : "";

  /* the unit does not leave its number at a line's end */
  return g_strdup_printf ("%s%s%s%s", word, number, clean[0] ? SHNOR_NBSP : "", clean);
}

const char *
shnor_achievement_label (ShnorAchievement achievement)
{
  switch (achievement)
    {
    case SHNOR_ACHIEVEMENT_MET:
      return C_("achievement", "met");
    case SHNOR_ACHIEVEMENT_NOT_MET:
      return C_("achievement", "not met");
    case SHNOR_ACHIEVEMENT_NOT_YET:
      return C_("achievement", "not met yet");
    default:
      return C_("achievement", "no data");
    }
}
