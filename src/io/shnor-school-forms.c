/* shnor-school-forms.c: the forms a department sends its schools, and
 * accepting them back.
 *
 * A form is an XLSX of up to four sheets (context data, the risk-profile
 * self-assessment, the road-map measures, the programme indicators), each
 * with a Russian instruction, its own cells locked (sheet protection
 * without a password) and the cells a school fills unlocked, yellow and
 * under data validation. A hidden service sheet carries the form's
 * identity (the file it was sent from, the school, the year, the form's
 * version, when it was issued) and every protected cell's text, signed
 * with the key of the file that sent it (HMAC-SHA256): a form of another
 * municipality, or one whose service sheet or protected cells were
 * changed, is refused with the place of every change.
 *
 * Accepting reads every value with the field rules of editing, then
 * applies the form's edits through the document's own edit functions in
 * a transaction that is rolled back (a dry run): whatever editing would
 * refuse is reported at its cell, and a form with any problem changes
 * nothing. Accepting for real runs the same edits as one undo step. */
#define G_LOG_DOMAIN "shnor-forms"

#include "config.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "shnor-error.h"
#include "shnor-files.h"
#include "shnor-school-forms.h"
#include "shnor-table.h"
#include "shnor-xlsx-export.h"

/* Document text: Russian by construction, whatever the interface's
 * language. */
#define IDENTITY_SHEET   "Служебный"
#define SHEET_CONTEXT    "Контекст"
#define SHEET_RISKS      "Риски"
#define SHEET_ROADMAP    "Дорожная карта"
#define SHEET_INDICATORS "Показатели"
#define FORM_MARK        "Shnor: форма школы"

/* 0-based rows of every data sheet */
enum { ROW_TITLE = 0, ROW_SCHOOL = 1, ROW_NOTE = 2, ROW_HEADER = 4, ROW_FIRST = 5 };

/* the columns a school fills, per sheet */
#define COL_CONTEXT_VALUE  2
#define COL_RISK_LEVEL     2
#define COL_RISK_NOTE      3
#define COL_MEASURE_STATUS 5
#define COL_MEASURE_DATE   6
#define COL_MEASURE_PROOF  7
#define COL_ACTUAL         5

/* in the order of shnor_context_fields() after the year */
static const char * const context_labels[SHNOR_CONTEXT_N_VALUES] = {
  "Численность обучающихся, чел.",
  "Численность педагогических работников, чел.",
  "Доля обучающихся из малоимущих семей, %",
  "Доля обучающихся из семей, где родители не имеют профессионального образования, %",
  "Доля обучающихся, для которых русский язык не является родным, %",
  "Доля обучающихся с ограниченными возможностями здоровья (ОВЗ), %",
  "Доля обучающихся, состоящих на учёте в КДН/ПДН, %",
  "Расстояние до районного центра, км",
};

static const char * const risk_levels[] = { "не оценён", "низкий", "средний", "высокий", NULL };
static const char * const measure_statuses[] = { "запланировано", "выполняется", "выполнено", "отменено", NULL };

G_STATIC_ASSERT (G_N_ELEMENTS (risk_levels) == SHNOR_RISK_HIGH + 2);
G_STATIC_ASSERT (G_N_ELEMENTS (measure_statuses) == SHNOR_N_MEASURE_STATUSES + 1);

/* The bounds the core gives an actual value (shnor-document-programmes.c) */
static const ShnorField actual_field = { "actual", SHNOR_FIELD_REAL, N_("Actual value"), -1e9, 1e9, FALSE, NULL };

/* ---- small helpers ----------------------------------------------------- */

/* "A" for 0, "AB" for 27 */
static char *
column_name (int column)
{
  char name[LXW_MAX_COL_NAME_LENGTH];

  lxw_col_to_name (name, (lxw_col_t) column, 0);
  return g_strdup (name);
}

static char *
cell_ref (const char *sheet,
          guint       row,
          int         column)
{
  g_autofree char *letters = column_name (column);

  return g_strdup_printf ("%s!%s%u", sheet, letters, row);
}

/* "Контекст!C7" → sheet, 7, 2; FALSE when it is no such reference */
static gboolean
parse_ref (const char  *ref,
           char       **sheet,
           guint       *row,
           int         *column)
{
  const char *bang = ref ? strrchr (ref, '!') : NULL;
  const char *p;
  int c = 0;

  if (bang == NULL || bang == ref)
    return FALSE;
  for (p = bang + 1; g_ascii_isupper (*p) && c < 16384; p++)
    c = c * 26 + (*p - 'A' + 1);
  if (c == 0 || !g_ascii_isdigit (*p))
    return FALSE;
  *row = (guint) g_ascii_strtoull (p, NULL, 10);
  *column = c - 1;
  *sheet = g_strndup (ref, (gsize) (bang - ref));
  return *row > 0;
}

/* A text compared as a person would read it: case, «ё» and spaces aside */
static char *
fold (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text ? text : "", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        continue;
      g_string_append_unichar (out, c == 0x0451 ? 0x0435 : c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
choice_index (const char * const *labels,
              const char         *text)
{
  g_autofree char *wanted = fold (text);

  for (int i = 0; labels[i] != NULL; i++)
    {
      g_autofree char *label = fold (labels[i]);

      if (g_str_equal (label, wanted))
        return i;
    }
  return -1;
}

/* A date cell holds the spreadsheet's day number (1900 system) */
static char *
serial_to_date (const char *text)
{
  char *end = NULL;
  double serial = g_ascii_strtod (text, &end);
  GDate date;

  if (end == text || *end != '\0' || !isfinite (serial) || serial < 61 || serial > 200000)
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (&date, (guint) floor (serial));
  return g_strdup_printf ("%02u.%02u.%04u", g_date_get_day (&date), g_date_get_month (&date),
                          g_date_get_year (&date));
}

/* @text as the field's rules read it, formatted back as the UI shows it */
static gboolean
normalise (const ShnorField  *field,
           const char        *text,
           char             **out,
           GError           **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *date = NULL;

  if (field->kind == SHNOR_FIELD_DATE && text[0] != '\0' && (date = serial_to_date (text)) != NULL)
    text = date;
  if (!shnor_field_parse (field, text, &value, error))
    return FALSE;
  *out = shnor_field_format (field, G_IS_VALUE (&value) ? &value : NULL);
  return TRUE;
}

static char *
format_known (const ShnorField *field,
              gboolean          known,
              double            value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  if (!known)
    return g_strdup ("");
  if (field->kind == SHNOR_FIELD_REAL)
    {
      g_value_init (&v, G_TYPE_DOUBLE);
      g_value_set_double (&v, value);
    }
  else
    {
      g_value_init (&v, G_TYPE_INT64);
      g_value_set_int64 (&v, (gint64) value);
    }
  return shnor_field_format (field, &v);
}

/* The approved programmes of @school_id's road map and indicators: the
 * school's own programmes (those it takes part in at school level), and
 * the municipal ones, of which the measures that name the school. */
static gboolean
programme_of_school (ShnorDocument  *document,
                     ShnorProgramme *programme,
                     gint64          school_id)
{
  g_autoptr(GArray) schools = NULL;

  if (shnor_programme_get_level (programme) != SHNOR_PROGRAMME_SCHOOL)
    return FALSE;
  schools = shnor_document_get_programme_schools (document, shnor_programme_get_id (programme));
  for (guint i = 0; i < schools->len; i++)
    if (g_array_index (schools, gint64, i) == school_id)
      return TRUE;
  return FALSE;
}

static gboolean
links_school (const ShnorMeasure *m,
              gint64              school_id)
{
  GArray *schools = m->links[SHNOR_LINK_SCHOOL];

  for (guint i = 0; schools != NULL && i < schools->len; i++)
    if (g_array_index (schools, gint64, i) == school_id)
      return TRUE;
  return FALSE;
}

/* A measure that runs in @year: its months overlap the year (a measure
 * without months runs always). */
static gboolean
measure_in_year (const ShnorMeasure *m,
                 int                 year)
{
  g_autofree char *first = g_strdup_printf ("%04d-01", year);
  g_autofree char *last = g_strdup_printf ("%04d-12", year);
  const char *start = m->texts[shnor_measure_field_index ("start_month")];
  const char *end = m->texts[shnor_measure_field_index ("end_month")];
  int y, mo;
  g_autofree char *s = NULL;
  g_autofree char *e = NULL;

  if (start[0] && shnor_parse_month (start, &y, &mo))
    s = g_strdup_printf ("%04d-%02d", y, mo);
  if (end[0] && shnor_parse_month (end, &y, &mo))
    e = g_strdup_printf ("%04d-%02d", y, mo);
  return (s == NULL || strcmp (s, last) <= 0) && (e == NULL || strcmp (e, first) >= 0);
}

typedef struct {
  ShnorProgramme *programme;
  ShnorMeasure   *measure;   /* in the programme's road map array */
} SchoolMeasure;

typedef struct {
  ShnorProgramme *programme;
  gint64          indicator_id;
  char           *name;
  char           *unit;
  gboolean        has_target;
  double          target;
  gboolean        has_actual;
  double          actual;
} SchoolIndicator;

typedef struct {
  GPtrArray *programmes;   /* of ShnorProgramme: approved */
  GPtrArray *roadmaps;     /* of GArray of ShnorMeasure, one per programme */
  GArray    *measures;     /* of SchoolMeasure */
  GArray    *indicators;   /* of SchoolIndicator */
} SchoolPlan;

static void
school_indicator_clear (gpointer data)
{
  SchoolIndicator *i = data;

  g_free (i->name);
  g_free (i->unit);
}

static void
school_plan_clear (SchoolPlan *plan)
{
  g_clear_pointer (&plan->measures, g_array_unref);
  g_clear_pointer (&plan->indicators, g_array_unref);
  g_clear_pointer (&plan->roadmaps, g_ptr_array_unref);
  g_clear_pointer (&plan->programmes, g_ptr_array_unref);
}

static const char *
part_text (const ShnorPartRow *row,
           ShnorPart           part,
           const char         *column)
{
  guint n_fields;
  const ShnorField *fields = shnor_part_fields (part, &n_fields);
  const ShnorField *field = shnor_field_find (fields, n_fields, column);

  return field ? row->texts[field - fields] : "";
}

static void
plan_indicators (ShnorDocument  *document,
                 SchoolPlan     *plan,
                 ShnorProgramme *programme,
                 int             year)
{
  gint64 id = shnor_programme_get_id (programme);
  g_autoptr(GArray) rows = NULL;

  if (year < shnor_programme_get_first_year (programme) || year > shnor_programme_get_last_year (programme))
    return;
  rows = shnor_document_get_part (document, id, SHNOR_PART_INDICATOR);
  for (guint r = 0; r < rows->len; r++)
    {
      const ShnorPartRow *row = &g_array_index (rows, ShnorPartRow, r);
      g_autoptr(GArray) years = NULL;
      SchoolIndicator ind = { programme, row->id };

      if (row->binding != NULL && row->binding[0] != '\0')
        continue;  /* computed from the results, never typed */
      ind.name = g_strdup (part_text (row, SHNOR_PART_INDICATOR, "name"));
      ind.unit = g_strdup (part_text (row, SHNOR_PART_INDICATOR, "unit"));
      years = shnor_document_get_indicator_plan (document, row->id);
      for (guint y = 0; y < years->len; y++)
        {
          const ShnorIndicatorYear *iy = &g_array_index (years, ShnorIndicatorYear, y);

          if (iy->year != year)
            continue;
          ind.has_target = iy->has_target;
          ind.target = iy->target;
          ind.has_actual = iy->has_actual;
          ind.actual = iy->actual;
        }
      g_array_append_val (plan->indicators, ind);
    }
}

static void
school_plan_init (SchoolPlan    *plan,
                  ShnorDocument *document,
                  gint64         school_id,
                  int            year)
{
  g_autoptr(GListModel) programmes = shnor_document_get_programmes (document, FALSE);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  plan->programmes = g_ptr_array_new_with_free_func (g_object_unref);
  plan->roadmaps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  plan->measures = g_array_new (FALSE, TRUE, sizeof (SchoolMeasure));
  plan->indicators = g_array_new (FALSE, TRUE, sizeof (SchoolIndicator));
  g_array_set_clear_func (plan->indicators, school_indicator_clear);

  for (guint p = 0; p < g_list_model_get_n_items (programmes); p++)
    {
      g_autoptr(ShnorProgramme) programme = g_list_model_get_item (programmes, p);
      gboolean own;
      GArray *roadmap;

      if (shnor_programme_get_status (programme) != SHNOR_PROGRAMME_APPROVED)
        continue;
      own = programme_of_school (document, programme, school_id);
      roadmap = shnor_document_get_roadmap (document, shnor_programme_get_id (programme), &today);
      g_ptr_array_add (plan->programmes, g_object_ref (programme));
      g_ptr_array_add (plan->roadmaps, roadmap);
      for (guint m = 0; m < roadmap->len; m++)
        {
          ShnorMeasure *measure = &g_array_index (roadmap, ShnorMeasure, m);
          SchoolMeasure sm = { programme, measure };

          if (!measure->has_children && (own || links_school (measure, school_id)) &&
              measure_in_year (measure, year))
            g_array_append_val (plan->measures, sm);
        }
      if (own)
        plan_indicators (document, plan, programme, year);
    }
}

/* ---- writing a form ------------------------------------------------------ */

typedef struct {
  char *ref;
  char *text;
} Locked;

static void
locked_free (gpointer data)
{
  Locked *l = data;

  g_free (l->ref);
  g_free (l->text);
  g_free (l);
}

typedef struct {
  ShnorDocument *document;
  int            year;
  ShnorSchool   *school;
  lxw_workbook  *book;
  lxw_worksheet *sheet;
  const char    *sheet_name;
  GPtrArray     *locked;      /* of Locked: the protected cells */
  GPtrArray     *values;      /* of Locked: the cells a school fills, as issued */
  double         widths[8];   /* of the sheet's columns, in characters */
  GArray        *lines;       /* of int: the lines of text each row needs */
  lxw_format    *title;
  lxw_format    *note;
  lxw_format    *head;
  lxw_format    *text;
  lxw_format    *input;
  lxw_format    *input_number;
  lxw_format    *input_date;
} Writer;

/* Rows grow with their text: a spreadsheet does not measure wrapped text
 * that a program wrote, so the lines are counted here. */
static void
fit (Writer     *w,
     lxw_row_t   row,
     lxw_col_t   column,
     const char *text)
{
  double width = column < G_N_ELEMENTS (w->widths) ? w->widths[column] : 0;
  g_auto(GStrv) paragraphs = NULL;
  int lines = 0;

  if (width < 1 || text == NULL || text[0] == '\0' || row < ROW_HEADER)
    return;
  paragraphs = g_strsplit (text, "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    lines += MAX (1, (int) ceil (g_utf8_strlen (paragraphs[i], -1) / width));
  if (w->lines->len <= row)
    g_array_set_size (w->lines, row + 1);
  g_array_index (w->lines, int, row) = MAX (g_array_index (w->lines, int, row), lines);
}

static void
fit_rows (Writer *w)
{
  for (guint row = 0; row < w->lines->len; row++)
    if (g_array_index (w->lines, int, row) > 1)
      worksheet_set_row (w->sheet, row, 14.5 * g_array_index (w->lines, int, row) + 3, NULL);
  g_array_set_size (w->lines, 0);
}

/* The value a cell a school fills was issued with: only a value the
 * school changed is taken back, so that a form returned late does not
 * undo what the department (or another school's form) changed since. */
static void
record_value (Writer     *w,
              lxw_row_t   row,
              lxw_col_t   column,
              const char *text)
{
  Locked *l = g_new0 (Locked, 1);

  l->ref = cell_ref (w->sheet_name, row + 1, column);
  l->text = g_strstrip (g_strdup (text ? text : ""));
  g_ptr_array_add (w->values, l);
}

static void
put_text_input (Writer      *w,
                lxw_row_t    row,
                lxw_col_t    column,
                const char  *text)
{
  record_value (w, row, column, text);
  if (text != NULL && text[0] != '\0')
    worksheet_write_string (w->sheet, row, column, text, w->input);
  else
    worksheet_write_blank (w->sheet, row, column, w->input);
  fit (w, row, column, text);
}

static void
put_locked (Writer      *w,
            lxw_row_t    row,
            lxw_col_t    column,
            const char  *text,
            lxw_format  *format)
{
  Locked *l = g_new0 (Locked, 1);

  l->text = g_strstrip (g_strdup (text ? text : ""));
  l->ref = cell_ref (w->sheet_name, row + 1, column);
  if (l->text[0] != '\0')
    worksheet_write_string (w->sheet, row, column, l->text, format);
  else
    worksheet_write_blank (w->sheet, row, column, format);
  fit (w, row, column, l->text);
  g_ptr_array_add (w->locked, l);
}

static void
writer_formats (Writer *w)
{
  g_autofree char *setting = shnor_document_dup_setting (w->document, "document_font");
  const char *font = setting && setting[0] ? setting : "Times New Roman";
  lxw_format **all[] = { &w->title, &w->note, &w->head, &w->text, &w->input, &w->input_number, &w->input_date };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      lxw_format *f = workbook_add_format (w->book);

      format_set_font_name (f, font);
      format_set_font_size (f, 12);
      format_set_text_wrap (f);
      format_set_align (f, LXW_ALIGN_VERTICAL_TOP);
      *all[i] = f;
    }
  format_set_bold (w->title);
  format_set_font_size (w->title, 13);
  format_set_italic (w->note);
  format_set_bold (w->head);
  format_set_bg_color (w->head, 0xEEEEEE);
  format_set_align (w->head, LXW_ALIGN_CENTER);
  for (guint i = 2; i < G_N_ELEMENTS (all); i++)
    format_set_border (*all[i], LXW_BORDER_THIN);
  for (guint i = 4; i < G_N_ELEMENTS (all); i++)
    {
      format_set_unlocked (*all[i]);
      format_set_bg_color (*all[i], 0xFFF2CC);
    }
  format_set_num_format (w->input_number, "0.##");
  format_set_num_format (w->input_date, "dd.mm.yyyy");
}

/* A sheet with its title, the school, the instruction and the header */
static void
begin_sheet (Writer             *w,
             const char         *name,
             const char         *title,
             const char         *instruction,
             const char * const *heads,
             const double       *widths)
{
  lxw_row_col_options hidden = { .hidden = 1 };
  lxw_protection protection = { .format_columns = 1, .format_rows = 1 };
  g_autofree char *school = g_strdup_printf ("Школа: %s", shnor_school_get_display_name (w->school));
  guint n = g_strv_length ((char **) heads);

  if (w->sheet != NULL)
    fit_rows (w);
  w->sheet = workbook_add_worksheet (w->book, name);
  w->sheet_name = name;
  worksheet_set_column_opt (w->sheet, 0, 0, 12, NULL, &hidden);
  memset (w->widths, 0, sizeof w->widths);
  for (guint c = 0; c < n && c + 1 < G_N_ELEMENTS (w->widths); c++)
    {
      worksheet_set_column (w->sheet, (lxw_col_t) (c + 1), (lxw_col_t) (c + 1), widths[c], NULL);
      w->widths[c + 1] = widths[c];
    }
  worksheet_set_landscape (w->sheet);
  worksheet_set_paper (w->sheet, 9);
  worksheet_fit_to_pages (w->sheet, 1, 0);
  worksheet_repeat_rows (w->sheet, ROW_HEADER, ROW_HEADER);
  worksheet_protect (w->sheet, NULL, &protection);
  worksheet_merge_range (w->sheet, ROW_TITLE, 1, ROW_TITLE, (lxw_col_t) n, "", w->title);
  put_locked (w, ROW_TITLE, 1, title, w->title);
  worksheet_merge_range (w->sheet, ROW_SCHOOL, 1, ROW_SCHOOL, (lxw_col_t) n, "", w->title);
  put_locked (w, ROW_SCHOOL, 1, school, w->title);
  worksheet_merge_range (w->sheet, ROW_NOTE, 1, ROW_NOTE, (lxw_col_t) n, "", w->note);
  put_locked (w, ROW_NOTE, 1, instruction, w->note);
  worksheet_set_row (w->sheet, ROW_NOTE, 48, NULL);
  put_locked (w, ROW_HEADER, 0, "Ключ", w->head);
  for (guint c = 0; c < n; c++)
    put_locked (w, ROW_HEADER, (lxw_col_t) (c + 1), heads[c], w->head);
  worksheet_freeze_panes (w->sheet, ROW_FIRST, 0);
}

static void
validate_cell (Writer              *w,
               lxw_row_t            row,
               lxw_col_t            column,
               lxw_data_validation *rule)
{
  rule->error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  rule->error_title = (char *) "Недопустимое значение";
  if (rule->input_message != NULL)
    rule->input_title = (char *) "Заполните ячейку";
  worksheet_data_validation_cell (w->sheet, row, column, rule);
}

static void
validate_number (Writer           *w,
                 lxw_row_t         row,
                 lxw_col_t         column,
                 const ShnorField *field,
                 double            min,
                 double            max)
{
  g_autofree char *from = shnor_format_double (min, 2);
  g_autofree char *to = shnor_format_double (max, 2);
  g_autofree char *message = g_strdup_printf ("%s от %s до %s.",
                                              field->kind == SHNOR_FIELD_REAL ? "Число" : "Целое число", from, to);
  lxw_data_validation rule = {
    .validate = field->kind == SHNOR_FIELD_REAL ? LXW_VALIDATION_TYPE_DECIMAL : LXW_VALIDATION_TYPE_INTEGER,
    .criteria = LXW_VALIDATION_CRITERIA_BETWEEN,
    .minimum_number = min,
    .maximum_number = max,
    .input_message = message,
    .error_message = message,
  };

  validate_cell (w, row, column, &rule);
}

static void
put_number_input (Writer           *w,
                  lxw_row_t         row,
                  lxw_col_t         column,
                  const ShnorField *field,
                  gboolean          known,
                  double            value)
{
  g_autofree char *issued = format_known (field, known, value);

  record_value (w, row, column, issued);
  if (known)
    worksheet_write_number (w->sheet, row, column, value, w->input_number);
  else
    worksheet_write_blank (w->sheet, row, column, w->input_number);
}

static char *
key_text (const char *kind,
          gint64      id,
          const char *column)
{
  return column ? g_strdup_printf ("%s:%s", kind, column) : g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, id);
}

static void
write_context (Writer *w)
{
  static const char * const heads[] = { "Показатель", "Значение", "Допустимые значения", NULL };
  static const double widths[] = { 60, 16, 28 };
  g_autofree char *title = g_strdup_printf ("Контекстные данные за %d год", w->year);
  g_autofree char *note = g_strdup_printf (
    "Впишите значения за %d год в жёлтые ячейки столбца «Значение»: численность — целым числом, доли — "
    "в процентах (от 0 до 100), расстояние — в километрах. Пустая ячейка означает «нет данных». "
    "Остальные ячейки защищены от изменений.", w->year);
  gint64 school_id = shnor_school_get_id (w->school);
  g_autoptr(GArray) context = shnor_document_get_context (w->document, school_id);
  g_autoptr(GArray) indicators = shnor_document_get_indicators (w->document);
  const ShnorContextRow *known = NULL;
  guint n_fields;
  const ShnorField *fields = shnor_context_fields (&n_fields);
  lxw_row_t row = ROW_FIRST;

  for (guint i = 0; i < context->len; i++)
    if (g_array_index (context, ShnorContextRow, i).year == w->year)
      known = &g_array_index (context, ShnorContextRow, i);

  begin_sheet (w, SHEET_CONTEXT, title, note, heads, widths);
  for (guint i = 0; i < SHNOR_CONTEXT_N_VALUES; i++, row++)
    {
      const ShnorField *field = &fields[i + 1];
      g_autofree char *key = key_text ("context", 0, field->column);
      g_autofree char *from = shnor_format_double (field->min, 2);
      g_autofree char *to = shnor_format_double (field->max, 2);
      g_autofree char *range = g_strdup_printf ("%s от %s до %s",
                                                field->kind == SHNOR_FIELD_INT ? "целое число" : "число", from, to);

      put_locked (w, row, 0, key, w->text);
      put_locked (w, row, 1, context_labels[i], w->text);
      put_number_input (w, row, COL_CONTEXT_VALUE, field, known && known->known[i], known ? known->value[i] : 0);
      validate_number (w, row, COL_CONTEXT_VALUE, field, field->min, field->max);
      put_locked (w, row, 3, range, w->text);
    }
  /* the other yearly indicators of the file (the Context Data tab) */
  for (guint i = 0; i < indicators->len; i++, row++)
    {
      const ShnorIndicator *indicator = &g_array_index (indicators, ShnorIndicator, i);
      const ShnorField *field = shnor_indicator_value_field ();
      g_autofree char *key = key_text ("indicator", indicator->id, NULL);
      double value = 0;
      gboolean has = shnor_document_get_indicator_value (w->document, school_id, indicator->id, w->year, &value);

      put_locked (w, row, 0, key, w->text);
      put_locked (w, row, 1, indicator->name, w->text);
      put_number_input (w, row, COL_CONTEXT_VALUE, field, has, value);
      validate_number (w, row, COL_CONTEXT_VALUE, field, field->min, field->max);
      put_locked (w, row, 3, "число", w->text);
    }
}

static void
write_risks (Writer *w)
{
  static const char * const heads[] = { "Фактор риска", "Уровень риска", "Комментарий школы", NULL };
  static const double widths[] = { 60, 18, 50 };
  g_autofree char *title = g_strdup_printf ("Самооценка рисков («500+») за %d год", w->year);
  g_autofree char *note = g_strdup_printf (
    "Оцените каждый фактор риска в %d году: выберите в жёлтой ячейке «низкий», «средний» или «высокий» "
    "(«не оценён» — если оценка не проводилась) и при необходимости поясните оценку в комментарии.", w->year);
  g_autoptr(GArray) profile = shnor_document_get_risk_profile (w->document, shnor_school_get_id (w->school),
                                                               w->year);
  lxw_data_validation levels = {
    .validate = LXW_VALIDATION_TYPE_LIST,
    .value_list = (char **) risk_levels,
    .input_message = (char *) "Выберите уровень из списка.",
    .error_message = (char *) "Выберите уровень из списка: не оценён, низкий, средний, высокий.",
  };

  begin_sheet (w, SHEET_RISKS, title, note, heads, widths);
  for (guint i = 0; i < profile->len; i++)
    {
      const ShnorRiskLevel *risk = &g_array_index (profile, ShnorRiskLevel, i);
      lxw_row_t row = ROW_FIRST + i;
      g_autofree char *key = key_text ("risk", risk->factor_id, NULL);

      put_locked (w, row, 0, key, w->text);
      put_locked (w, row, 1, risk->factor, w->text);
      worksheet_write_string (w->sheet, row, COL_RISK_LEVEL, risk_levels[risk->level], w->input);
      record_value (w, row, COL_RISK_LEVEL, risk_levels[risk->level]);
      validate_cell (w, row, COL_RISK_LEVEL, &levels);
      put_text_input (w, row, COL_RISK_NOTE, risk->note);
    }
}

static void
write_roadmap (Writer     *w,
               SchoolPlan *plan)
{
  static const char * const heads[] = { "№", "Мероприятие", "Программа", "Срок", "Статус", "Дата выполнения",
                                         "Подтверждение выполнения (отчёт, приказ, ссылка)", NULL };
  static const double widths[] = { 7, 50, 30, 14, 16, 14, 40 };
  g_autofree char *title = g_strdup_printf ("Выполнение мероприятий дорожной карты в %d году", w->year);
  const char *note =
    "Для каждого мероприятия выберите статус из списка; для выполненного укажите дату выполнения "
    "(ДД.ММ.ГГГГ) и подтверждение: реквизиты отчёта или приказа, ссылку на материалы.";
  lxw_data_validation statuses = {
    .validate = LXW_VALIDATION_TYPE_LIST,
    .value_list = (char **) measure_statuses,
    .input_message = (char *) "Выберите статус из списка.",
    .error_message = (char *) "Выберите статус из списка: запланировано, выполняется, выполнено, отменено.",
  };
  lxw_data_validation dates = {
    .validate = LXW_VALIDATION_TYPE_DATE,
    .criteria = LXW_VALIDATION_CRITERIA_BETWEEN,
    .minimum_datetime = { 2000, 1, 1, 0, 0, 0 },
    .maximum_datetime = { 2100, 12, 31, 0, 0, 0 },
    .input_message = (char *) "Дата в виде ДД.ММ.ГГГГ.",
    .error_message = (char *) "Введите дату в виде ДД.ММ.ГГГГ, например 15.10.2026.",
  };

  begin_sheet (w, SHEET_ROADMAP, title, note, heads, widths);
  for (guint i = 0; i < plan->measures->len; i++)
    {
      const SchoolMeasure *sm = &g_array_index (plan->measures, SchoolMeasure, i);
      const ShnorMeasure *m = sm->measure;
      lxw_row_t row = ROW_FIRST + i;
      g_autofree char *key = key_text ("measure", m->id, NULL);
      const char *start = m->texts[shnor_measure_field_index ("start_month")];
      const char *end = m->texts[shnor_measure_field_index ("end_month")];
      const char *period = m->texts[shnor_measure_field_index ("period_text")];
      const char *done = m->texts[shnor_measure_field_index ("done_date")];
      const char *proof = m->texts[shnor_measure_field_index ("evidence")];
      /* a row of a table by levels is named by its actions */
      g_autofree char *text = shnor_measure_dup_text (m);
      g_autofree char *when = period[0] ? g_strdup (period)
                                        : g_strdup_printf ("%s%s%s", start, start[0] && end[0] ? "–" : "", end);
      GDate date;

      put_locked (w, row, 0, key, w->text);
      put_locked (w, row, 1, m->number, w->text);
      put_locked (w, row, 2, text, w->text);
      put_locked (w, row, 3, shnor_programme_get_title (sm->programme), w->text);
      put_locked (w, row, 4, when, w->text);
      worksheet_write_string (w->sheet, row, COL_MEASURE_STATUS, measure_statuses[m->status], w->input);
      record_value (w, row, COL_MEASURE_STATUS, measure_statuses[m->status]);
      validate_cell (w, row, COL_MEASURE_STATUS, &statuses);
      if (done[0] && shnor_parse_date (done, &date))
        {
          lxw_datetime dt = { g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0 };

          worksheet_write_datetime (w->sheet, row, COL_MEASURE_DATE, &dt, w->input_date);
          record_value (w, row, COL_MEASURE_DATE, done);
        }
      else
        {
          worksheet_write_blank (w->sheet, row, COL_MEASURE_DATE, w->input_date);
          record_value (w, row, COL_MEASURE_DATE, "");
        }
      validate_cell (w, row, COL_MEASURE_DATE, &dates);
      put_text_input (w, row, COL_MEASURE_PROOF, proof);
    }
}

static gboolean
unit_is_percent (const char *unit)
{
  return unit != NULL && strchr (unit, '%') != NULL;
}

static void
write_indicators (Writer     *w,
                  SchoolPlan *plan)
{
  g_autofree char *target_head = g_strdup_printf ("План на %d год", w->year);
  g_autofree char *actual_head = g_strdup_printf ("Факт за %d год", w->year);
  const char *heads[] = { "Программа", "Целевой показатель", "Ед. изм.", target_head, actual_head, NULL };
  static const double widths[] = { 30, 50, 12, 14, 14 };
  g_autofree char *title = g_strdup_printf ("Целевые показатели программы за %d год", w->year);
  g_autofree char *note = g_strdup_printf (
    "Впишите фактические значения показателей за %d год в жёлтые ячейки — числом, в указанных единицах "
    "(проценты — от 0 до 100). Пустая ячейка означает «нет данных».", w->year);

  begin_sheet (w, SHEET_INDICATORS, title, note, heads, widths);
  for (guint i = 0; i < plan->indicators->len; i++)
    {
      const SchoolIndicator *ind = &g_array_index (plan->indicators, SchoolIndicator, i);
      lxw_row_t row = ROW_FIRST + i;
      g_autofree char *key = key_text ("actual", ind->indicator_id, NULL);
      g_autofree char *target = ind->has_target ? shnor_format_double (ind->target, 2) : g_strdup ("");
      gboolean percent = unit_is_percent (ind->unit);

      put_locked (w, row, 0, key, w->text);
      put_locked (w, row, 1, shnor_programme_get_title (ind->programme), w->text);
      put_locked (w, row, 2, ind->name, w->text);
      put_locked (w, row, 3, ind->unit, w->text);
      put_locked (w, row, 4, target, w->text);
      put_number_input (w, row, COL_ACTUAL, &actual_field, ind->has_actual, ind->actual);
      validate_number (w, row, COL_ACTUAL, &actual_field, percent ? 0 : actual_field.min,
                       percent ? 100 : actual_field.max);
    }
}

/* The identity rows, then the protected cells, then the signature over
 * all of them: key, value and extra of each row, as signed */
static void
sign_row (GString    *signed_text,
          const char *key,
          const char *value,
          const char *extra)
{
  g_string_append_printf (signed_text, "%s\x1f%s\x1f%s\x1e", key, value, extra);
}

static char *
signature (ShnorDocument *document,
           const char    *signed_text)
{
  g_autofree char *uid = NULL;
  g_autofree char *key = NULL;

  if (!shnor_document_dup_exchange_identity (document, &uid, &key))
    return g_strdup ("");
  return g_compute_hmac_for_string (G_CHECKSUM_SHA256, (const guchar *) key, strlen (key), signed_text, -1);
}

/* The file's identity as a form carries it; "" when it has none */
static char *
document_uid (ShnorDocument *document)
{
  g_autofree char *uid = NULL;
  g_autofree char *key = NULL;

  return shnor_document_dup_exchange_identity (document, &uid, &key) ? g_steal_pointer (&uid) : g_strdup ("");
}

static void
write_identity (Writer     *w,
                const char *form_uid,
                const char *issued)
{
  lxw_worksheet *sheet = workbook_add_worksheet (w->book, IDENTITY_SHEET);
  lxw_protection protection = { 0 };
  g_autofree char *uid = document_uid (w->document);
  g_autofree char *municipality = shnor_document_dup_setting (w->document, "municipality");
  g_autofree char *school_id = g_strdup_printf ("%" G_GINT64_FORMAT, shnor_school_get_id (w->school));
  g_autofree char *code = shnor_school_dup_text (w->school, "code");
  g_autofree char *year = g_strdup_printf ("%d", w->year);
  g_autofree char *version = g_strdup_printf ("%d", SHNOR_FORM_VERSION);
  const char *rows[][2] = {
    { "form", FORM_MARK }, { "version", version }, { "municipality_uid", uid }, { "municipality", municipality },
    { "school_id", school_id }, { "school_code", code }, { "school", shnor_school_get_display_name (w->school) },
    { "year", year }, { "form_uid", form_uid }, { "issued", issued },
  };
  g_autoptr(GString) signed_text = g_string_new (NULL);
  g_autofree char *mac = NULL;
  lxw_row_t row = 0;

  worksheet_set_column (sheet, 0, 2, 30, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++, row++)
    {
      g_autofree char *value = g_strstrip (g_strdup (rows[i][1]));

      worksheet_write_string (sheet, row, 0, rows[i][0], NULL);
      if (value[0] != '\0')
        worksheet_write_string (sheet, row, 1, value, NULL);
      sign_row (signed_text, rows[i][0], value, "");
    }
  for (guint list = 0; list < 2; list++)
    {
      GPtrArray *cells = list == 0 ? w->locked : w->values;
      const char *kind = list == 0 ? "cell" : "value";

      for (guint i = 0; i < cells->len; i++, row++)
        {
          const Locked *l = cells->pdata[i];

          worksheet_write_string (sheet, row, 0, kind, NULL);
          worksheet_write_string (sheet, row, 1, l->ref, NULL);
          if (l->text[0] != '\0')
            worksheet_write_string (sheet, row, 2, l->text, NULL);
          sign_row (signed_text, kind, l->ref, l->text);
        }
    }
  mac = signature (w->document, signed_text->str);
  worksheet_write_string (sheet, row, 0, "signature", NULL);
  worksheet_write_string (sheet, row, 1, mac, NULL);
  worksheet_protect (sheet, NULL, &protection);
  worksheet_hide (sheet);
}

/* "0301 Гимназия № 1.xlsx", with what a file name cannot hold replaced */
static char *
form_file_name (ShnorSchool *school)
{
  g_autofree char *code = shnor_school_dup_text (school, "code");
  g_autofree char *name = g_strdup_printf ("%s%s%s", code, code[0] ? " " : "",
                                           shnor_school_get_display_name (school));
  g_autoptr(GString) clean = g_string_new (NULL);

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (clean, (c < 32 || (c < 128 && strchr ("/\\:*?\"<>|", (int) c))) ? '_' : c);
    }
  g_strstrip (clean->str);
  if (clean->str[0] == '\0' || clean->str[0] == '.')
    g_string_prepend (clean, "form");
  g_string_set_size (clean, strlen (clean->str));
  if (g_utf8_strlen (clean->str, -1) > 120)
    {
      g_autofree char *cut = g_utf8_substring (clean->str, 0, 120);

      g_string_assign (clean, cut);
    }
  return g_string_free (g_steal_pointer (&clean), FALSE);
}

/* A name in @folder that is not taken: a form never replaces a file,
 * returned forms of the same name included. */
static char *
free_path (const char *folder,
           const char *base)
{
  for (int n = 1;; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s.xlsx", base) : g_strdup_printf ("%s (%d).xlsx", base, n);
      char *path = g_build_filename (folder, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

static gboolean
write_form (ShnorDocument  *document,
            ShnorSchool    *school,
            int             year,
            const char     *path,
            const char     *issued,
            GError        **error)
{
  g_autofree char *part = shnor_part_path (path);
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  Writer w = { document, year, school };
  SchoolPlan plan = { 0 };
  g_autofree char *form_uid = g_uuid_string_random ();
  lxw_error rc;

  w.book = workbook_new_opt (part, &options);
  if (w.book == NULL)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The forms cannot be written to this folder."));
      return FALSE;
    }
  w.locked = g_ptr_array_new_with_free_func (locked_free);
  w.values = g_ptr_array_new_with_free_func (locked_free);
  w.lines = g_array_new (FALSE, TRUE, sizeof (int));
  writer_formats (&w);
  school_plan_init (&plan, document, shnor_school_get_id (school), year);
  write_context (&w);
  write_risks (&w);
  if (plan.measures->len > 0)
    write_roadmap (&w, &plan);
  if (plan.indicators->len > 0)
    write_indicators (&w, &plan);
  fit_rows (&w);
  write_identity (&w, form_uid, issued);
  g_ptr_array_unref (w.locked);
  g_ptr_array_unref (w.values);
  g_array_unref (w.lines);
  school_plan_clear (&plan);

  rc = shnor_xlsx_close (w.book);
  if (rc != LXW_NO_ERROR)
    {
      g_unlink (part);
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The form could not be written: %s."), shnor_xlsx_strerror (rc));
      return FALSE;
    }
  return shnor_document_commit_part (document, part, path, error);
}

/**
 * shnor_school_forms_write:
 * @school_ids: (nullable): the schools; %NULL for every school
 *
 * Writes one form per school into @folder, named by the school's code and
 * short name, never over an existing file.
 *
 * Returns: (transfer full): the paths written, or %NULL with @error
 */
GPtrArray *
shnor_school_forms_write (ShnorDocument  *document,
                          int             year,
                          const char     *folder,
                          const gint64   *school_ids,
                          guint           n_schools,
                          GError        **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *issued = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
  GListModel *schools;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  if (year < 1990 || year > 2100)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("%d is not a year of the forms (1990–2100)."), year);
      return NULL;
    }
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("There is no folder “%s”."), folder);
      return NULL;
    }
  schools = shnor_document_get_schools (document);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);
      g_autofree char *base = NULL;
      char *path;
      gboolean wanted = school_ids == NULL;

      for (guint k = 0; !wanted && k < n_schools; k++)
        wanted = school_ids[k] == shnor_school_get_id (school);
      if (!wanted)
        continue;
      base = form_file_name (school);
      path = free_path (folder, base);
      if (!write_form (document, school, year, path, issued, error))
        {
          g_free (path);
          return NULL;
        }
      g_ptr_array_add (paths, path);
    }
  return g_steal_pointer (&paths);
}

/* ---- reading a form ------------------------------------------------------ */

typedef enum {
  EDIT_CONTEXT_YEAR,
  EDIT_CONTEXT,
  EDIT_YEARLY,
  EDIT_RISK_LEVEL,
  EDIT_RISK_NOTE,
  EDIT_MEASURE,
  EDIT_ACTUAL,
} EditKind;

typedef struct {
  EditKind        kind;
  gint64          id;
  const char     *column;   /* static: a context or measure column */
  char           *text;     /* what the edit function is given */
  int             level;
  ShnorFormPlace  place;
} Edit;

static void
place_clear (ShnorFormPlace *place)
{
  g_free (place->sheet);
}

static void
place_set (ShnorFormPlace *place,
           const char     *sheet,
           guint           row,
           int             column)
{
  place->sheet = g_strdup (sheet);
  place->row = row;
  place->column = column;
}

static void
edit_free (gpointer data)
{
  Edit *e = data;

  place_clear (&e->place);
  g_free (e->text);
  g_free (e);
}

static void
problem_free (gpointer data)
{
  ShnorFormProblem *p = data;

  place_clear (&p->place);
  g_free (p->message);
  g_free (p);
}

static void
change_free (gpointer data)
{
  ShnorFormChange *c = data;

  place_clear (&c->place);
  g_free (c->what);
  g_free (c->old_text);
  g_free (c->new_text);
  g_free (c);
}

static void
form_free (gpointer data)
{
  ShnorForm *f = data;

  g_free (f->path);
  g_free (f->note);
  g_free (f->school);
  g_free (f->form_uid);
  g_free (f->issued);
  g_free (f->digest);
  g_ptr_array_unref (f->changes);
  g_ptr_array_unref (f->problems);
  g_ptr_array_unref (f->edits);
  g_free (f);
}

static void
add_problem (ShnorForm  *form,
             const char *sheet,
             guint       row,
             int         column,
             const char *message)
{
  ShnorFormProblem *p = g_new0 (ShnorFormProblem, 1);

  place_set (&p->place, sheet, row, column);
  p->message = g_strdup (message);
  g_ptr_array_add (form->problems, p);
}

static void
refuse (ShnorForm  *form,
        const char *why)
{
  form->state = SHNOR_FORM_REFUSED;
  g_free (form->note);
  form->note = g_strdup (why);
}

/**
 * shnor_form_place_describe:
 *
 * Returns: “sheet «Риски», row 7, column C”, or less where less is known
 */
char *
shnor_form_place_describe (const ShnorFormPlace *place)
{
  g_autofree char *letters = NULL;

  if (place->sheet == NULL || place->row == 0)
    return g_strdup (_("the whole form"));
  if (place->column < 0)
    return g_strdup_printf (_("sheet “%s”, row %u"), place->sheet, place->row);
  letters = column_name (place->column);
  return g_strdup_printf (_("sheet “%s”, row %u, column %s"), place->sheet, place->row, letters);
}

char *
shnor_form_problem_to_string (const ShnorForm        *form,
                              const ShnorFormProblem *problem)
{
  g_autofree char *base = g_path_get_basename (form->path);
  g_autofree char *where = shnor_form_place_describe (&problem->place);

  return g_strdup_printf ("%s: %s: %s", base, where, problem->message);
}

/* One sheet of the form, its rows by number */
typedef struct {
  ShnorTable *table;
  GHashTable *rows;   /* row number → const ShnorTableRow * */
} Sheet;

static void
sheet_free (gpointer data)
{
  Sheet *s = data;

  if (s == NULL)   /* a sheet that could not be read */
    return;
  shnor_table_free (s->table);
  g_hash_table_unref (s->rows);
  g_free (s);
}

typedef struct {
  ShnorDocument *document;
  ShnorForm     *form;
  const char    *path;
  GHashTable    *sheets;    /* name → Sheet, NULL when it cannot be read */
  GChecksum     *digest;
  SchoolPlan     plan;
  GArray        *context;
  GArray        *profile;
  GHashTable    *issued;      /* reference → the value a cell was issued with */
  gboolean       year_added;  /* the context year the form's values need */
} Reader;

static Sheet *
get_sheet (Reader     *r,
           const char *name)
{
  Sheet *sheet;
  g_autoptr(GError) error = NULL;
  ShnorTable *table;

  if (g_hash_table_lookup_extended (r->sheets, name, NULL, (gpointer *) &sheet))
    return sheet;
  table = shnor_xlsx_read_sheet (r->path, name, &error);
  sheet = NULL;
  if (table != NULL)
    {
      sheet = g_new0 (Sheet, 1);
      sheet->table = table;
      sheet->rows = g_hash_table_new (g_direct_hash, g_direct_equal);
      for (guint i = 0; i < table->rows->len; i++)
        {
          const ShnorTableRow *row = shnor_table_get_row (table, i);

          g_hash_table_insert (sheet->rows, GUINT_TO_POINTER (row->line), (gpointer) row);
        }
    }
  else
    add_problem (r->form, name, 0, -1, error->message);
  g_hash_table_insert (r->sheets, g_strdup (name), sheet);
  return sheet;
}

static const char *
cell_text (Sheet *sheet,
           guint  row,
           int    column)
{
  const ShnorTableRow *r = sheet ? g_hash_table_lookup (sheet->rows, GUINT_TO_POINTER (row)) : NULL;
  const char *text = r ? shnor_table_get_cell (sheet->table, r, (guint) column) : NULL;

  return text ? text : "";
}

static void
add_edit (Reader         *r,
          EditKind        kind,
          gint64          id,
          const char     *column,
          const char     *text,
          int             level,
          const char     *sheet,
          guint           row,
          int             col)
{
  Edit *e = g_new0 (Edit, 1);

  e->kind = kind;
  e->id = id;
  e->column = column;
  e->text = g_strdup (text);
  e->level = level;
  place_set (&e->place, sheet, row, col);
  g_ptr_array_add (r->form->edits, e);
}

static void
add_change (Reader     *r,
            const char *sheet,
            guint       row,
            int         column,
            const char *what,
            const char *old_text,
            const char *new_text)
{
  ShnorFormChange *c = g_new0 (ShnorFormChange, 1);

  place_set (&c->place, sheet, row, column);
  c->what = g_strdup (what);
  c->old_text = g_strdup (old_text);
  c->new_text = g_strdup (new_text);
  g_ptr_array_add (r->form->changes, c);
}

/* Reads the cell a school fills: its value by @field's rules into @out,
 * counted in the form's digest; FALSE (a problem at the cell) when the
 * rules refuse it. */
/* Whether the school changed the cell from the value it was issued with */
static gboolean
touched (Reader     *r,
         const char *sheet_name,
         guint       row,
         int         column,
         const char *value)
{
  g_autofree char *ref = cell_ref (sheet_name, row, column);
  const char *issued = g_hash_table_lookup (r->issued, ref);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (issued == NULL)
    return TRUE;
  a = fold (issued);
  b = fold (value);
  return !g_str_equal (a, b);
}

/* Reads the cell a school fills: its value by @field's rules into @out,
 * counted in the form's digest; FALSE (a problem at the cell) when the
 * rules refuse it, or when the school left the cell as it was issued. */
static gboolean
read_value (Reader           *r,
            const char       *sheet_name,
            guint             row,
            int               column,
            const ShnorField *field,
            char            **out)
{
  const char *text = cell_text (get_sheet (r, sheet_name), row, column);
  g_autoptr(GError) error = NULL;
  g_autofree char *place = g_strdup_printf ("%s!%u:%d=", sheet_name, row, column);

  if (!normalise (field, text, out, &error))
    {
      add_problem (r->form, sheet_name, row, column, error->message);
      return FALSE;
    }
  g_checksum_update (r->digest, (const guchar *) place, -1);
  g_checksum_update (r->digest, (const guchar *) *out, (gssize) strlen (*out) + 1);
  return touched (r, sheet_name, row, column, *out);
}

static gboolean
read_choice (Reader             *r,
             const char         *sheet_name,
             guint               row,
             int                 column,
             const char * const *labels,
             const char         *what,
             int                *index)
{
  const char *text = cell_text (get_sheet (r, sheet_name), row, column);
  g_autofree char *place = g_strdup_printf ("%s!%u:%d=", sheet_name, row, column);
  g_autofree char *list = g_strjoinv (", ", (char **) labels);

  *index = choice_index (labels, text);
  if (*index < 0)
    {
      g_autofree char *message = text[0] ? g_strdup_printf (_("“%s”: “%s” is not one of: %s"), what, text, list)
                                         : g_strdup_printf (_("“%s” must not be empty; choose one of: %s"), what,
                                                            list);

      add_problem (r->form, sheet_name, row, column, message);
      return FALSE;
    }
  g_checksum_update (r->digest, (const guchar *) place, -1);
  g_checksum_update (r->digest, (const guchar *) labels[*index], (gssize) strlen (labels[*index]) + 1);
  return touched (r, sheet_name, row, column, labels[*index]);
}

static void
read_context_row (Reader     *r,
                  guint       row,
                  const char *column)
{
  const ShnorField *field = shnor_context_field (column);
  guint n_fields;
  const ShnorField *fields = shnor_context_fields (&n_fields);
  g_autofree char *value = NULL;
  g_autofree char *old = NULL;
  const ShnorContextRow *known = NULL;
  int index;

  if (field == NULL || field == fields)
    {
      add_problem (r->form, SHEET_CONTEXT, row, 0, _("This row is not one of the form's."));
      return;
    }
  index = (int) (field - fields) - 1;
  if (!read_value (r, SHEET_CONTEXT, row, COL_CONTEXT_VALUE, field, &value))
    return;
  for (guint i = 0; i < r->context->len; i++)
    if (g_array_index (r->context, ShnorContextRow, i).year == r->form->year)
      known = &g_array_index (r->context, ShnorContextRow, i);
  old = format_known (field, known && known->known[index], known ? known->value[index] : 0);
  if (g_str_equal (old, value))
    return;
  if (known == NULL && !r->year_added)
    {
      r->year_added = TRUE;
      add_edit (r, EDIT_CONTEXT_YEAR, 0, NULL, NULL, 0, SHEET_CONTEXT, row, COL_CONTEXT_VALUE);
    }
  add_edit (r, EDIT_CONTEXT, 0, field->column, value, 0, SHEET_CONTEXT, row, COL_CONTEXT_VALUE);
  add_change (r, SHEET_CONTEXT, row, COL_CONTEXT_VALUE, context_labels[index], old, value);
}

static void
read_yearly_row (Reader     *r,
                 guint       row,
                 gint64      indicator_id,
                 const char *label)
{
  const ShnorField *field = shnor_indicator_value_field ();
  g_autofree char *value = NULL;
  g_autofree char *old = NULL;
  double v = 0;
  gboolean has;

  if (!read_value (r, SHEET_CONTEXT, row, COL_CONTEXT_VALUE, field, &value))
    return;
  has = shnor_document_get_indicator_value (r->document, r->form->school_id, indicator_id, r->form->year, &v);
  old = format_known (field, has, v);
  if (g_str_equal (old, value))
    return;
  add_edit (r, EDIT_YEARLY, indicator_id, NULL, value, 0, SHEET_CONTEXT, row, COL_CONTEXT_VALUE);
  add_change (r, SHEET_CONTEXT, row, COL_CONTEXT_VALUE, label, old, value);
}

static void
read_risk_row (Reader *r,
               guint   row,
               gint64  factor_id)
{
  static const ShnorField note_field = { "note", SHNOR_FIELD_LONG_TEXT, N_("Note"), 0, 0, FALSE, NULL };
  const ShnorRiskLevel *risk = NULL;
  g_autofree char *note = NULL;
  int level;

  for (guint i = 0; i < r->profile->len; i++)
    if (g_array_index (r->profile, ShnorRiskLevel, i).factor_id == factor_id)
      risk = &g_array_index (r->profile, ShnorRiskLevel, i);
  if (risk == NULL)
    {
      add_problem (r->form, SHEET_RISKS, row, -1,
                   _("This risk factor is no longer in the file's list; send the school a new form."));
      return;
    }
  if (read_choice (r, SHEET_RISKS, row, COL_RISK_LEVEL, risk_levels, "Уровень риска", &level) &&
      level != (int) risk->level)
    {
      add_edit (r, EDIT_RISK_LEVEL, factor_id, NULL, NULL, level, SHEET_RISKS, row, COL_RISK_LEVEL);
      add_change (r, SHEET_RISKS, row, COL_RISK_LEVEL, risk->factor, risk_levels[risk->level], risk_levels[level]);
    }
  if (read_value (r, SHEET_RISKS, row, COL_RISK_NOTE, &note_field, &note) &&
      !g_str_equal (note, risk->note ? risk->note : ""))
    {
      g_autofree char *what = g_strdup_printf ("%s: комментарий", risk->factor);

      add_edit (r, EDIT_RISK_NOTE, factor_id, NULL, note, 0, SHEET_RISKS, row, COL_RISK_NOTE);
      add_change (r, SHEET_RISKS, row, COL_RISK_NOTE, what, risk->note ? risk->note : "", note);
    }
}

static const ShnorMeasure *
find_measure (Reader *r,
              gint64  id)
{
  for (guint i = 0; i < r->plan.measures->len; i++)
    if (g_array_index (r->plan.measures, SchoolMeasure, i).measure->id == id)
      return g_array_index (r->plan.measures, SchoolMeasure, i).measure;
  return NULL;
}

static void
read_measure_value (Reader             *r,
                    guint               row,
                    const ShnorMeasure *m,
                    const char         *column,
                    int                 sheet_column,
                    const char         *what)
{
  const ShnorField *field = shnor_measure_field (column);
  const char *stored = m->texts[shnor_measure_field_index (column)];
  g_autofree char *value = NULL;
  g_autofree char *old = NULL;
  g_autofree char *text = shnor_measure_dup_text (m);
  g_autofree char *label = g_strdup_printf ("%s %s: %s", m->number, text, what);

  if (!read_value (r, SHEET_ROADMAP, row, sheet_column, field, &value) ||
      !normalise (field, stored, &old, NULL) || g_str_equal (old, value))
    return;
  add_edit (r, EDIT_MEASURE, m->id, field->column, value, 0, SHEET_ROADMAP, row, sheet_column);
  add_change (r, SHEET_ROADMAP, row, sheet_column, label, old, value);
}

static void
read_measure_row (Reader *r,
                  guint   row,
                  gint64  measure_id)
{
  const ShnorMeasure *m = find_measure (r, measure_id);
  int status;

  if (m == NULL)
    {
      add_problem (r->form, SHEET_ROADMAP, row, -1,
                   _("This measure is no longer in an approved programme of the school; send the school a new "
                     "form."));
      return;
    }
  if (read_choice (r, SHEET_ROADMAP, row, COL_MEASURE_STATUS, measure_statuses, "Статус", &status) &&
      status != (int) m->status)
    {
      g_autofree char *text = g_strdup_printf ("%d", status);
      g_autofree char *name = shnor_measure_dup_text (m);
      g_autofree char *label = g_strdup_printf ("%s %s: статус", m->number, name);

      add_edit (r, EDIT_MEASURE, m->id, "status", text, 0, SHEET_ROADMAP, row, COL_MEASURE_STATUS);
      add_change (r, SHEET_ROADMAP, row, COL_MEASURE_STATUS, label, measure_statuses[m->status],
                  measure_statuses[status]);
    }
  read_measure_value (r, row, m, "done_date", COL_MEASURE_DATE, "дата выполнения");
  read_measure_value (r, row, m, "evidence", COL_MEASURE_PROOF, "подтверждение");
}

static void
read_actual_row (Reader *r,
                 guint   row,
                 gint64  indicator_id)
{
  const SchoolIndicator *ind = NULL;
  g_autofree char *value = NULL;
  g_autofree char *old = NULL;

  for (guint i = 0; i < r->plan.indicators->len; i++)
    if (g_array_index (r->plan.indicators, SchoolIndicator, i).indicator_id == indicator_id)
      ind = &g_array_index (r->plan.indicators, SchoolIndicator, i);
  if (ind == NULL)
    {
      add_problem (r->form, SHEET_INDICATORS, row, -1,
                   _("This indicator is no longer in an approved programme of the school; send the school a new "
                     "form."));
      return;
    }
  if (!read_value (r, SHEET_INDICATORS, row, COL_ACTUAL, &actual_field, &value))
    return;
  old = format_known (&actual_field, ind->has_actual, ind->actual);
  if (g_str_equal (old, value))
    return;
  add_edit (r, EDIT_ACTUAL, indicator_id, NULL, value, 0, SHEET_INDICATORS, row, COL_ACTUAL);
  add_change (r, SHEET_INDICATORS, row, COL_ACTUAL, ind->name, old, value);
}

/* A key cell of column A: what the row is */
static void
read_row (Reader     *r,
          const char *sheet,
          guint       row,
          const char *key,
          const char *label)
{
  const char *colon = strchr (key, ':');
  g_autofree char *kind = colon ? g_strndup (key, (gsize) (colon - key)) : g_strdup (key);
  gint64 id = colon ? g_ascii_strtoll (colon + 1, NULL, 10) : 0;

  if (row < ROW_FIRST + 1 || colon == NULL)
    return;  /* the header's */
  if (g_str_equal (sheet, SHEET_CONTEXT) && g_str_equal (kind, "context"))
    read_context_row (r, row, colon + 1);
  else if (g_str_equal (sheet, SHEET_CONTEXT) && g_str_equal (kind, "indicator"))
    read_yearly_row (r, row, id, label);
  else if (g_str_equal (sheet, SHEET_RISKS) && g_str_equal (kind, "risk"))
    read_risk_row (r, row, id);
  else if (g_str_equal (sheet, SHEET_ROADMAP) && g_str_equal (kind, "measure"))
    read_measure_row (r, row, id);
  else if (g_str_equal (sheet, SHEET_INDICATORS) && g_str_equal (kind, "actual"))
    read_actual_row (r, row, id);
  else
    add_problem (r->form, sheet, row, 0, _("This row is not one of the form's."));
}

static const char *
identity_value (ShnorTable *identity,
                const char *key)
{
  for (guint i = 0; i < identity->rows->len; i++)
    {
      const ShnorTableRow *row = shnor_table_get_row (identity, i);
      const char *k = shnor_table_get_cell (identity, row, 0);

      if (k != NULL && g_str_equal (k, key))
        {
          const char *v = shnor_table_get_cell (identity, row, 1);

          return v ? v : "";
        }
    }
  return NULL;
}

static gboolean
check_identity (Reader     *r,
                ShnorTable *identity)
{
  g_autofree char *uid = document_uid (r->document);
  g_autoptr(GString) signed_text = g_string_new (NULL);
  const char *mark = identity_value (identity, "form");
  const char *their_uid = identity_value (identity, "municipality_uid");
  const char *mac = identity_value (identity, "signature");
  const char *version = identity_value (identity, "version");
  g_autofree char *expected = NULL;
  int v;

  if (g_strcmp0 (mark, FORM_MARK) != 0)
    {
      refuse (r->form, _("This workbook is not a Shnor school form."));
      return FALSE;
    }
  if (uid[0] == '\0' || g_strcmp0 (their_uid, uid) != 0)
    {
      const char *name = identity_value (identity, "municipality");
      g_autofree char *why = g_strdup_printf (_("This form was sent by another municipality’s file (“%s”), not by "
                                                "this one."), name && name[0] ? name : "?");

      refuse (r->form, why);
      return FALSE;
    }
  for (guint i = 0; i < identity->rows->len; i++)
    {
      const ShnorTableRow *row = shnor_table_get_row (identity, i);
      const char *k = shnor_table_get_cell (identity, row, 0);
      const char *v1 = shnor_table_get_cell (identity, row, 1);
      const char *v2 = shnor_table_get_cell (identity, row, 2);

      if (k != NULL && g_str_equal (k, "signature"))
        break;
      sign_row (signed_text, k ? k : "", v1 ? v1 : "", v2 ? v2 : "");
    }
  expected = signature (r->document, signed_text->str);
  if (mac == NULL || !g_str_equal (mac, expected))
    {
      refuse (r->form, _("The form’s service sheet was changed, so the form cannot be trusted; send the school a "
                         "new form."));
      return FALSE;
    }
  v = version ? atoi (version) : 0;
  if (v != SHNOR_FORM_VERSION)
    {
      refuse (r->form, v > SHNOR_FORM_VERSION ? _("This form was made by a newer version of Shnor.")
                                              : _("This form is of an outdated version; send the school a new form."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_school (Reader     *r,
              ShnorTable *identity)
{
  const char *id = identity_value (identity, "school_id");
  const char *year = identity_value (identity, "year");
  ShnorSchool *school;
  g_autofree char *latest = NULL;

  r->form->school_id = id ? g_ascii_strtoll (id, NULL, 10) : 0;
  r->form->year = year ? atoi (year) : 0;
  r->form->form_uid = g_strdup (identity_value (identity, "form_uid"));
  r->form->issued = g_strdup (identity_value (identity, "issued"));
  school = shnor_document_find_school (r->document, r->form->school_id);
  if (school == NULL)
    {
      g_autofree char *why = g_strdup_printf (_("The school of this form (“%s”) is no longer in the registry."),
                                              identity_value (identity, "school"));

      r->form->school_id = 0;
      refuse (r->form, why);
      return FALSE;
    }
  g_free (r->form->school);
  r->form->school = g_strdup (shnor_school_get_display_name (school));
  latest = shnor_document_dup_latest_form (r->document, r->form->school_id, r->form->year);
  if (latest != NULL && g_strcmp0 (latest, r->form->issued) > 0)
    {
      refuse (r->form, _("A newer form of this school for this year has already been accepted; this one is "
                         "outdated."));
      return FALSE;
    }
  return TRUE;
}

/* Every protected cell as the form was issued; then the rows they key */
static void
check_cells (Reader     *r,
             ShnorTable *identity)
{
  for (guint i = 0; i < identity->rows->len; i++)
    {
      const ShnorTableRow *row = shnor_table_get_row (identity, i);
      const char *k = shnor_table_get_cell (identity, row, 0);
      const char *ref = shnor_table_get_cell (identity, row, 1);
      const char *expected = shnor_table_get_cell (identity, row, 2);
      g_autofree char *sheet = NULL;
      guint line;
      int column;
      const char *now;

      if (k != NULL && ref != NULL && g_str_equal (k, "value"))
        g_hash_table_insert (r->issued, g_strdup (ref), g_strdup (expected ? expected : ""));
      if (k == NULL || !g_str_equal (k, "cell") || !parse_ref (ref, &sheet, &line, &column))
        continue;
      expected = expected ? expected : "";
      if (get_sheet (r, sheet) == NULL)   /* said once, for the whole sheet */
        continue;
      now = cell_text (get_sheet (r, sheet), line, column);
      if (!g_str_equal (now, expected))
        {
          g_autofree char *message = g_strdup_printf (_("This cell is protected and was changed: it held “%s”, "
                                                        "now “%s”."), expected, now);

          add_problem (r->form, sheet, line, column, message);
        }
    }
  for (guint i = 0; i < identity->rows->len; i++)
    {
      const ShnorTableRow *row = shnor_table_get_row (identity, i);
      const char *k = shnor_table_get_cell (identity, row, 0);
      const char *ref = shnor_table_get_cell (identity, row, 1);
      const char *key = shnor_table_get_cell (identity, row, 2);
      g_autofree char *sheet = NULL;
      guint line;
      int column;

      if (k != NULL && g_str_equal (k, "cell") && key != NULL && parse_ref (ref, &sheet, &line, &column) &&
          column == 0 && get_sheet (r, sheet) != NULL)
        read_row (r, sheet, line, key, cell_text (get_sheet (r, sheet), line, 1));
    }
}

static gboolean
apply_edit (ShnorDocument  *document,
            ShnorForm      *form,
            const Edit     *e,
            GError        **error)
{
  switch (e->kind)
    {
    case EDIT_CONTEXT_YEAR:
      return shnor_document_add_context_year (document, form->school_id, form->year, error);
    case EDIT_CONTEXT:
      return shnor_document_set_context_field (document, form->school_id, form->year, e->column, e->text, error);
    case EDIT_YEARLY:
      return shnor_document_set_indicator_value (document, form->school_id, e->id, form->year, e->text, error);
    case EDIT_RISK_LEVEL:
      return shnor_document_set_risk (document, form->school_id, e->id, form->year, e->level, NULL, error);
    case EDIT_RISK_NOTE:
      return shnor_document_set_risk (document, form->school_id, e->id, form->year, 0, e->text, error);
    case EDIT_MEASURE:
      return shnor_document_set_measure_field (document, e->id, e->column, e->text, error);
    case EDIT_ACTUAL:
      return shnor_document_set_indicator_plan (document, e->id, form->year, TRUE, e->text, error);
    default:
      g_assert_not_reached ();
    }
}

/* Runs the form's edits through the document's edit functions; with
 * @keep FALSE, rolls them back (the dry run of the preview). Every edit
 * refused is a problem at its cell. */
static gboolean
run_edits (ShnorDocument *document,
           ShnorForm     *form,
           gboolean       keep,
           GError       **error)
{
  g_autofree char *label = g_strdup_printf (_("Accept the form of %s"), form->school);
  gboolean ok = TRUE;

  if (!shnor_document_begin_edit (document, label, error))
    return FALSE;
  if (keep && !shnor_document_record_accepted_form (document, form->form_uid, form->school_id, form->year,
                                                    form->issued, form->digest, error))
    {
      shnor_document_cancel_edit (document);
      return FALSE;
    }
  for (guint i = 0; i < form->edits->len; i++)
    {
      const Edit *e = form->edits->pdata[i];
      g_autoptr(GError) edit_error = NULL;

      if (!apply_edit (document, form, e, &edit_error))
        {
          add_problem (form, e->place.sheet, e->place.row, e->place.column, edit_error->message);
          ok = FALSE;
        }
    }
  if (!keep || !ok)
    {
      shnor_document_cancel_edit (document);
      if (ok)
        return TRUE;
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("The form has problems."));
      return FALSE;
    }
  return shnor_document_end_edit (document, error);
}

static ShnorForm *
form_new (const char *path)
{
  ShnorForm *form = g_new0 (ShnorForm, 1);

  form->path = g_strdup (path);
  form->school = g_path_get_basename (path);
  form->changes = g_ptr_array_new_with_free_func (change_free);
  form->problems = g_ptr_array_new_with_free_func (problem_free);
  form->edits = g_ptr_array_new_with_free_func (edit_free);
  return form;
}

static ShnorForm *
read_form (ShnorDocument *document,
           const char    *path)
{
  ShnorForm *form = form_new (path);
  Reader r = { document, form, path };
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorTable) identity = shnor_xlsx_read_sheet (path, IDENTITY_SHEET, &error);

  if (identity == NULL)
    {
      refuse (form, g_error_matches (error, SHNOR_ERROR, SHNOR_ERROR_INVALID) &&
                    strstr (error->message, IDENTITY_SHEET) != NULL
                      ? _("This workbook is not a Shnor school form.") : error->message);
      return form;
    }
  if (!check_identity (&r, identity) || !check_school (&r, identity))
    return form;

  r.sheets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, sheet_free);
  r.issued = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.digest = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (r.digest, (const guchar *) form->form_uid, -1);
  school_plan_init (&r.plan, document, form->school_id, form->year);
  r.context = shnor_document_get_context (document, form->school_id);
  r.profile = shnor_document_get_risk_profile (document, form->school_id, form->year);

  check_cells (&r, identity);
  form->digest = g_strdup (g_checksum_get_string (r.digest));

  if (form->problems->len == 0)
    {
      g_autofree char *accepted = NULL;

      if (shnor_document_find_accepted_form (document, form->form_uid, form->digest, &accepted))
        {
          g_autofree char *day = g_strndup (accepted, 10);
          g_autofree char *when = shnor_format_iso_date (day);

          form->state = SHNOR_FORM_ACCEPTED;
          form->note = g_strdup_printf (_("This form was already accepted on %s."), when);
        }
      else if (!run_edits (document, form, FALSE, &error) && form->problems->len == 0)
        refuse (form, error->message);
    }
  if (form->state == SHNOR_FORM_READY && form->problems->len > 0)
    form->state = SHNOR_FORM_PROBLEMS;

  g_hash_table_unref (r.sheets);
  g_hash_table_unref (r.issued);
  g_checksum_free (r.digest);
  school_plan_clear (&r.plan);
  g_array_unref (r.context);
  g_array_unref (r.profile);
  return form;
}

/* Two forms of one school and year among the files: the older is
 * outdated, and two copies of one form with other values are both held
 * back (the user must choose). */
static void
check_batch (ShnorFormBatch *batch)
{
  for (guint i = 0; i < batch->forms->len; i++)
    {
      ShnorForm *a = batch->forms->pdata[i];

      for (guint j = 0; j < batch->forms->len && a->state == SHNOR_FORM_READY; j++)
        {
          ShnorForm *b = batch->forms->pdata[j];
          g_autofree char *base = g_path_get_basename (b->path);
          g_autofree char *why = NULL;
          int order;

          if (i == j || b->school_id != a->school_id || b->year != a->year ||
              (b->state != SHNOR_FORM_READY && b->state != SHNOR_FORM_PROBLEMS))
            continue;
          order = g_strcmp0 (a->issued, b->issued);
          if (order < 0)
            why = g_strdup_printf (_("A newer form of this school for this year is among the files (“%s”); this "
                                     "one is outdated."), base);
          else if (order == 0 && g_strcmp0 (a->digest, b->digest) == 0 && j < i)
            why = g_strdup_printf (_("The same form is among the files (“%s”)."), base);
          else if (order == 0 && g_strcmp0 (a->digest, b->digest) != 0)
            why = g_strdup_printf (_("Another copy of this form with other values is among the files (“%s”): "
                                     "accept one of them."), base);
          if (why != NULL)
            refuse (a, why);
        }
    }
}

/* A measure several schools share has one status: two forms among the
 * files that give it different values are both held back at that cell. */
static void
check_shared_measures (ShnorFormBatch *batch)
{
  for (guint i = 0; i < batch->forms->len; i++)
    for (guint j = 0; j < batch->forms->len; j++)
      {
        ShnorForm *a = batch->forms->pdata[i];
        ShnorForm *b = batch->forms->pdata[j];
        g_autofree char *base = g_path_get_basename (b->path);

        if (i == j || a->school_id == b->school_id || a->state > SHNOR_FORM_PROBLEMS ||
            b->state > SHNOR_FORM_PROBLEMS)
          continue;
        for (guint x = 0; x < a->edits->len; x++)
          for (guint y = 0; y < b->edits->len; y++)
            {
              const Edit *ea = a->edits->pdata[x];
              const Edit *eb = b->edits->pdata[y];
              g_autofree char *message = NULL;

              if (ea->kind != EDIT_MEASURE || eb->kind != EDIT_MEASURE || ea->id != eb->id ||
                  !g_str_equal (ea->column, eb->column) || g_str_equal (ea->text, eb->text))
                continue;
              message = g_strdup_printf (_("The measure is shared with another school, whose form (“%s”) gives it "
                                           "another value: accept one form, then the other."), base);
              add_problem (a, ea->place.sheet, ea->place.row, ea->place.column, message);
              a->state = SHNOR_FORM_PROBLEMS;
            }
      }
}

/**
 * shnor_form_batch_read:
 *
 * Reads every form of @paths and checks it against @document, changing
 * nothing: each form says what it would change and every problem.
 */
ShnorFormBatch *
shnor_form_batch_read (ShnorDocument      *document,
                       const char * const *paths)
{
  ShnorFormBatch *batch = g_new0 (ShnorFormBatch, 1);

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), batch);
  batch->forms = g_ptr_array_new_with_free_func (form_free);
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    g_ptr_array_add (batch->forms, read_form (document, paths[i]));
  check_batch (batch);
  check_shared_measures (batch);
  return batch;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/**
 * shnor_form_list_folder:
 *
 * Returns: (transfer full): the XLSX files of @folder, by name, without
 * the lock files office programs leave beside an open file
 */
GPtrArray *
shnor_form_list_folder (const char  *folder,
                        GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *lower = g_utf8_strdown (name, -1);

      if (g_str_has_suffix (lower, ".xlsx") && !g_str_has_prefix (name, "~$") && !g_str_has_prefix (name, ".~"))
        g_ptr_array_add (paths, g_build_filename (folder, name, NULL));
    }
  g_ptr_array_sort (paths, compare_paths);
  return g_steal_pointer (&paths);
}

/**
 * shnor_form_batch_apply:
 *
 * Accepts every form that is ready, each in one transaction and one undo
 * step; the others change nothing.
 */
gboolean
shnor_form_batch_apply (ShnorFormBatch  *batch,
                        ShnorDocument   *document,
                        GError         **error)
{
  g_return_val_if_fail (batch != NULL, FALSE);
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), FALSE);

  for (guint i = 0; i < batch->forms->len; i++)
    {
      ShnorForm *form = batch->forms->pdata[i];

      if (form->state != SHNOR_FORM_READY)
        continue;
      if (!run_edits (document, form, TRUE, error))
        {
          form->state = SHNOR_FORM_PROBLEMS;
          return FALSE;
        }
      form->state = SHNOR_FORM_DONE;
      batch->n_accepted++;
    }
  return TRUE;
}

guint
shnor_form_batch_count (const ShnorFormBatch *batch,
                        ShnorFormState        state)
{
  guint n = 0;

  for (guint i = 0; i < batch->forms->len; i++)
    n += ((ShnorForm *) batch->forms->pdata[i])->state == state;
  return n;
}

void
shnor_form_batch_free (ShnorFormBatch *batch)
{
  if (batch == NULL)
    return;
  g_ptr_array_unref (batch->forms);
  g_free (batch);
}
