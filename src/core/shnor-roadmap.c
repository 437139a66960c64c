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
  /* a row of a table by levels may have no title of its own: its actions say it */
  { "title",       SHNOR_FIELD_LONG_TEXT, N_("Measure"), 0, 0, FALSE, NULL },
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

/* What the three-level table shows in the column of @level (a bit of
 * the i-th level of the file): the measure's action at that level, ""
 * where it has none. */
const char *
shnor_measure_level_text (const ShnorMeasure *measure,
                          ShnorLevel          level)
{
  guint index;

  g_return_val_if_fail (measure != NULL, "");
  if (level == 0 || measure->actions == NULL)
    return "";
  index = (guint) g_bit_nth_lsf ((gulong) level, -1);
  return index < g_strv_length (measure->actions) ? measure->actions[index] : "";
}

gboolean
shnor_measure_has_actions (const ShnorMeasure *measure)
{
  for (guint i = 0; measure->actions && measure->actions[i]; i++)
    if (measure->actions[i][0] != '\0')
      return TRUE;
  return FALSE;
}

/**
 * shnor_measure_dup_text:
 *
 * Returns: (transfer full): what names the measure in a list: its title,
 * or for a row of a table by levels that has none, its actions joined.
 */
char *
shnor_measure_dup_text (const ShnorMeasure *measure)
{
  const char *title = measure->texts[shnor_measure_field_index ("title")];
  g_autoptr(GString) text = NULL;

  if (title[0] != '\0')
    return g_strdup (title);
  text = g_string_new (NULL);
  for (guint i = 0; measure->actions && measure->actions[i]; i++)
    if (measure->actions[i][0] != '\0')
      g_string_append_printf (text, "%s%s", text->len ? "; " : "", measure->actions[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * shnor_measure_dup_label:
 *
 * Returns: (transfer full): the measure as a list or a message names it:
 * its number and its text («1.2 Провести …»), the text being its actions
 * when it has no title (a row of a table by levels).
 */
char *
shnor_measure_dup_label (const ShnorMeasure *measure)
{
  g_autofree char *text = shnor_measure_dup_text (measure);

  return g_strdup_printf ("%s %s", measure->number, text);
}

/* Whether the table by levels shows the measure's title on a row of its
 * own, across the levels: a section does, and so does a measure whose
 * title none of its actions repeats (a title of an old file became the
 * action of each level it was marked for, and is not shown twice). */
gboolean
shnor_measure_title_is_heading (const ShnorMeasure *measure)
{
  const char *title = measure->texts[shnor_measure_field_index ("title")];

  if (measure->has_children)
    return TRUE;
  if (title[0] == '\0')
    return FALSE;
  for (guint i = 0; measure->actions && measure->actions[i]; i++)
    if (g_str_equal (measure->actions[i], title))
      return FALSE;
  return TRUE;
}

/**
 * shnor_measure_dup_level_names:
 * @levels: the levels of the file, as shnor_document_get_levels() gives
 *   them
 * @separator: between two names: ", ", or ";\n" in a document's cell
 *
 * Returns: (transfer full): the names of the levels the measure has an
 * action at, "Муниципальная методическая служба, Школа".
 */
char *
shnor_measure_dup_level_names (const ShnorMeasure *measure,
                               GArray             *levels,
                               const char         *separator)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; measure->actions && measure->actions[i] && i < levels->len; i++)
    if (measure->actions[i][0] != '\0')
      g_string_append_printf (text, "%s%s", text->len ? separator : "",
                              g_array_index (levels, ShnorRoadmapLevel, i).name);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
shnor_measure_clear (ShnorMeasure *measure)
{
  g_clear_pointer (&measure->number, g_free);
  g_clear_pointer (&measure->texts, g_strfreev);
  g_clear_pointer (&measure->actions, g_strfreev);
  for (guint i = 0; i < SHNOR_N_LINKS; i++)
    g_clear_pointer (&measure->links[i], g_array_unref);
}

void
shnor_roadmap_level_clear (ShnorRoadmapLevel *level)
{
  g_clear_pointer (&level->name, g_free);
}

void
shnor_measure_table_clear (ShnorMeasureTable *table)
{
  g_clear_pointer (&table->title, g_free);
  g_clear_pointer (&table->intro, g_free);
}

/* ---- the columns of a measure table ---------------------------------- */

/* The key of a column in the file, its label in the interface and its
 * heading in the documents (Russian whatever the locale). */
static const struct {
  const char *key;
  const char *label;
  const char *heading;
} columns[SHNOR_N_COLUMNS] = {
  { "number",      N_("No."),                "№ п/п" },
  { "title",       N_("Measure"),            "Мероприятие" },
  { "levels",      N_("Actions by level"),   "" },
  { "level_names", N_("Levels"),             "Уровень" },
  { "forms",       N_("Forms"),              "Формы работы" },
  { "period",      N_("Period"),             "Сроки" },
  { "responsible", N_("Responsible"),        "Ответственные" },
  { "expected",    N_("Expected result"),    "Ожидаемый результат" },
};

const char *
shnor_measure_column_key (ShnorMeasureColumn column)
{
  g_return_val_if_fail ((guint) column < SHNOR_N_COLUMNS, "");
  return columns[column].key;
}

const char *
shnor_measure_column_label (ShnorMeasureColumn column)
{
  g_return_val_if_fail ((guint) column < SHNOR_N_COLUMNS, "");
  return _(columns[column].label);
}

/* The document's heading of @column; "" for the levels, whose headings
 * are the names of the levels. */
const char *
shnor_measure_column_heading (ShnorMeasureColumn column)
{
  g_return_val_if_fail ((guint) column < SHNOR_N_COLUMNS, "");
  return columns[column].heading;
}

/* "number,title,period" → bits; a key this version does not know (a file
 * from elsewhere) is left out. */
guint
shnor_measure_columns_parse (const char *text)
{
  g_auto(GStrv) keys = g_strsplit (text ? text : "", ",", -1);
  guint bits = 0;

  for (guint i = 0; keys[i]; i++)
    for (guint c = 0; c < SHNOR_N_COLUMNS; c++)
      if (g_str_equal (g_strstrip (keys[i]), columns[c].key))
        bits |= SHNOR_COLUMN_BIT (c);
  return bits;
}

char *
shnor_measure_columns_format (guint bits)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint c = 0; c < SHNOR_N_COLUMNS; c++)
    if (bits & SHNOR_COLUMN_BIT (c))
      g_string_append_printf (text, "%s%s", text->len ? "," : "", columns[c].key);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- the kinds of measure table --------------------------------------- */

static const struct {
  const char *title;   /* in the documents: Russian */
  const char *label;
  guint       columns;
} kinds[SHNOR_N_TABLE_KINDS] = {
  { "Дорожная карта", N_("Road map"),
    SHNOR_COLUMN_BIT (SHNOR_COLUMN_NUMBER) | SHNOR_COLUMN_BIT (SHNOR_COLUMN_TITLE) |
    SHNOR_COLUMN_BIT (SHNOR_COLUMN_FORMS) | SHNOR_COLUMN_BIT (SHNOR_COLUMN_LEVEL_NAMES) |
    SHNOR_COLUMN_BIT (SHNOR_COLUMN_PERIOD) |
    SHNOR_COLUMN_BIT (SHNOR_COLUMN_RESPONSIBLE) | SHNOR_COLUMN_BIT (SHNOR_COLUMN_EXPECTED) },
  { "Мероприятия по управлению", N_("Management measures"),
    SHNOR_COLUMN_BIT (SHNOR_COLUMN_NUMBER) | SHNOR_COLUMN_BIT (SHNOR_COLUMN_TITLE) |
    SHNOR_COLUMN_BIT (SHNOR_COLUMN_PERIOD) | SHNOR_COLUMN_BIT (SHNOR_COLUMN_EXPECTED) },
  /* seed 003: an action per level, the sections numbered in their rows */
  { "Мероприятия по уровням", N_("Measures by level"), SHNOR_COLUMN_BIT (SHNOR_COLUMN_LEVELS) },
};

const char *
shnor_table_kind_title (ShnorTableKind kind)
{
  g_return_val_if_fail ((guint) kind < SHNOR_N_TABLE_KINDS, "");
  return kinds[kind].title;
}

const char *
shnor_table_kind_label (ShnorTableKind kind)
{
  g_return_val_if_fail ((guint) kind < SHNOR_N_TABLE_KINDS, "");
  return _(kinds[kind].label);
}

guint
shnor_table_kind_columns (ShnorTableKind kind)
{
  g_return_val_if_fail ((guint) kind < SHNOR_N_TABLE_KINDS, 0);
  return kinds[kind].columns;
}
