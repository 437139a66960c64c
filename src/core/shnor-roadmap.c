/* shnor-roadmap.c: the fields of a measure and the rules that need no
 * file: labels, and when a measure is overdue or due soon. */
#define G_LOG_DOMAIN "shnor-roadmap"

#include "config.h"
#include <glib/gi18n-lib.h>

#include "shnor-roadmap.h"

/* The plan of a measure, then its execution: an approved programme keeps
 * its plan but its execution (status, completion date, evidence) is
 * still recorded — that is what monitoring is. */
static const ShnorField measure_fields[] = {
  { "title",       SHNOR_FIELD_LONG_TEXT, N_("Measure"), 0, 0, TRUE, NULL },
  { "forms",       SHNOR_FIELD_LONG_TEXT, N_("Organisational forms"), 0, 0, FALSE, N_("Forms") },
  { "start_month", SHNOR_FIELD_MONTH, N_("Start (month)"), 0, 0, FALSE, N_("Start") },
  { "end_month",   SHNOR_FIELD_MONTH, N_("End (month)"), 0, 0, FALSE, N_("End") },
  { "period_text", SHNOR_FIELD_TEXT, N_("Period as the document words it"), 0, 0, FALSE, N_("Period") },
  { "expected",    SHNOR_FIELD_LONG_TEXT, N_("Expected result"), 0, 0, FALSE, NULL },
  { "status",      SHNOR_FIELD_CHOICE, N_("Status"), 0, SHNOR_N_MEASURE_STATUSES - 1, TRUE, NULL },
  { "done_date",   SHNOR_FIELD_DATE, N_("Completion date"), 0, 0, FALSE, N_("Done") },
  { "evidence",    SHNOR_FIELD_LONG_TEXT, N_("Evidence of completion"), 0, 0, FALSE, N_("Evidence") },
};

#define FIRST_EXECUTION_FIELD 6

const ShnorField *
shnor_measure_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (measure_fields);
  return measure_fields;
}

const ShnorField *
shnor_measure_field (const char *column)
{
  return shnor_field_find (measure_fields, G_N_ELEMENTS (measure_fields), column);
}

/* The index of @column in shnor_measure_fields(); -1 when none. */
int
shnor_measure_field_index (const char *column)
{
  const ShnorField *field = shnor_measure_field (column);

  return field ? (int) (field - measure_fields) : -1;
}

/* TRUE for the fields of the plan, which only a draft may change. */
gboolean
shnor_measure_field_is_plan (const char *column)
{
  int index = shnor_measure_field_index (column);

  return index >= 0 && index < FIRST_EXECUTION_FIELD;
}

const char *
shnor_level_label (ShnorLevel level)
{
  switch (level)
    {
    case SHNOR_LEVEL_MUNICIPAL:
      return _("Municipal education authority");
    case SHNOR_LEVEL_METHOD:
      return _("Municipal methodological service");
    default:
      return _("School");
    }
}

const char *
shnor_level_short_label (ShnorLevel level)
{
  switch (level)
    {
    case SHNOR_LEVEL_MUNICIPAL:
      return C_("level", "authority");
    case SHNOR_LEVEL_METHOD:
      return C_("level", "methodological service");
    default:
      return C_("level", "school");
    }
}

/* "authority, school" */
char *
shnor_levels_describe (guint levels)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < SHNOR_N_LEVELS; i++)
    if (levels & (1u << i))
      g_string_append_printf (text, "%s%s", text->len ? ", " : "", shnor_level_short_label (1u << i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

const char *
shnor_measure_status_label (ShnorMeasureStatus status)
{
  switch (status)
    {
    case SHNOR_MEASURE_IN_PROGRESS:
      return C_("measure", "in progress");
    case SHNOR_MEASURE_DONE:
      return C_("measure", "done");
    case SHNOR_MEASURE_CANCELLED:
      return C_("measure", "cancelled");
    default:
      return C_("measure", "planned");
    }
}

const char *
shnor_due_label (ShnorDue due)
{
  switch (due)
    {
    case SHNOR_DUE_OVERDUE:
      return _("overdue");
    case SHNOR_DUE_SOON:
      return _("due soon");
    default:
      return "";
    }
}

/**
 * shnor_measure_due:
 * @end_month: "YYYY-MM", or "" when the measure has no end
 * @today: the day of the computation
 *
 * A measure that is neither done nor cancelled is overdue once its end
 * month has passed (from the 1st of the next month), and due soon while
 * the last day of its end month is at most %SHNOR_DUE_SOON_DAYS days
 * ahead (the end month itself included).
 */
ShnorDue
shnor_measure_due (const char         *end_month,
                   ShnorMeasureStatus  status,
                   const GDate        *today)
{
  int year, month;
  GDate last;

  g_return_val_if_fail (today != NULL && g_date_valid (today), SHNOR_DUE_NONE);
  if (status == SHNOR_MEASURE_DONE || status == SHNOR_MEASURE_CANCELLED ||
      end_month == NULL || !shnor_parse_month (end_month, &year, &month))
    return SHNOR_DUE_NONE;
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year), (GDateMonth) month,
                  (GDateYear) year);
  if (g_date_compare (today, &last) > 0)
    return SHNOR_DUE_OVERDUE;
  if (g_date_days_between (today, &last) <= SHNOR_DUE_SOON_DAYS)
    return SHNOR_DUE_SOON;
  return SHNOR_DUE_NONE;
}

/* What the three-level table shows in the column of @level (a ShnorLevel
 * bit): the measure's title where it is done at that level, "" elsewhere. */
const char *
shnor_measure_level_text (const ShnorMeasure *measure,
                          ShnorLevel          level)
{
  g_return_val_if_fail (measure != NULL, "");
  return (measure->levels & level) ? measure->texts[shnor_measure_field_index ("title")] : "";
}

void
shnor_measure_clear (ShnorMeasure *measure)
{
  g_clear_pointer (&measure->number, g_free);
  g_clear_pointer (&measure->texts, g_strfreev);
  for (guint i = 0; i < SHNOR_N_LINKS; i++)
    g_clear_pointer (&measure->links[i], g_array_unref);
}
