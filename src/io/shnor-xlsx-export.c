/* shnor-xlsx-export.c: the appendices as XLSX — a programme's workbook
 * (passport, target indicators, risks, stages, road map, participating
 * schools, dynamics with native line charts) and the lists of the
 * identified schools. Each sheet is an official appendix: the mark
 * «Приложение № N к приказу …» (or «ПРОЕКТ» for a draft) at the top right,
 * a centred title, a bordered table with wrapped text repeating its
 * header on every printed page, A4 fitted to the page width, page numbers
 * in the footer, the font of the municipality's settings. */
#define G_LOG_DOMAIN "shnor-export"

#include "config.h"
#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "shnor-error.h"
#include "shnor-files.h"
#include "shnor-xlsx-export.h"

typedef struct {
  ShnorDocument *document;
  lxw_workbook  *workbook;
  lxw_format    *mark;
  lxw_format    *title;
  lxw_format    *head;
  lxw_format    *text;
  lxw_format    *number;
  lxw_format    *date;
  lxw_format    *section;
  GHashTable    *names;      /* the sheet names taken */
  char          *order;      /* "приказу … от … № …", or NULL for a draft */
  int            appendix;   /* the number of the next sheet's appendix */
  double         widths[32]; /* the columns of the sheet being written */
  lxw_worksheet *sheet;      /* the sheet being written */
  lxw_row_t      row;        /* the row being written, and its lines */
  int            lines;
} Book;

typedef struct {
  const char *head;
  double      width;
} Column;

/* gettext gives the catalogue's header for "": an empty head stays empty */
static const char *
tr (const char *text)
{
  return text[0] ? _(text) : text;
}

/* ---- names, marks, formats --------------------------------------------- */

/**
 * shnor_xlsx_sheet_name:
 * @taken: the names already used in the workbook (folded to lower case)
 *
 * Returns: (transfer full): @wanted as Excel allows a sheet name: no
 * []:*?/\, not empty, at most 31 characters, and unique (case-insensitive)
 * in the workbook, with " (2)", " (3)"… when taken.
 */
char *
shnor_xlsx_sheet_name (GHashTable *taken,
                       const char *wanted)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  char *name = NULL;

  for (const char *p = wanted ? wanted : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (clean, strchr ("[]:*?/\\", (int) c) && c < 128 ? '_' : c);
    }
  g_strstrip (clean->str);
  g_string_set_size (clean, strlen (clean->str));
  if (clean->len == 0 || clean->str[0] == '\'')
    g_string_prepend (clean, clean->len == 0 ? _("Sheet") : "_");
  for (int n = 1; name == NULL; n++)
    {
      g_autofree char *suffix = n == 1 ? g_strdup ("") : g_strdup_printf (" (%d)", n);
      glong room = 31 - g_utf8_strlen (suffix, -1);
      g_autofree char *head = g_utf8_strlen (clean->str, -1) > room ? g_utf8_substring (clean->str, 0, room)
                                                                     : g_strdup (clean->str);
      g_autofree char *candidate = g_strconcat (head, suffix, NULL);
      g_autofree char *folded = g_utf8_strdown (candidate, -1);

      if (!g_hash_table_contains (taken, folded))
        {
          g_hash_table_add (taken, g_steal_pointer (&folded));
          name = g_steal_pointer (&candidate);
        }
    }
  return name;
}

static lxw_format *
new_format (Book       *b,
            const char *font,
            double      size,
            gboolean    bold,
            gboolean    border)
{
  lxw_format *f = workbook_add_format (b->workbook);

  format_set_font_name (f, font);
  format_set_font_size (f, size);
  format_set_text_wrap (f);
  format_set_align (f, LXW_ALIGN_VERTICAL_TOP);
  if (bold)
    format_set_bold (f);
  if (border)
    format_set_border (f, LXW_BORDER_THIN);
  return f;
}

static void
book_formats (Book *b)
{
  g_autofree char *setting = shnor_document_dup_setting (b->document, "document_font");
  const char *font = setting && setting[0] ? setting : "Times New Roman";

  b->mark = new_format (b, font, 11, FALSE, FALSE);
  format_set_align (b->mark, LXW_ALIGN_RIGHT);
  b->title = new_format (b, font, 13, TRUE, FALSE);
  format_set_align (b->title, LXW_ALIGN_CENTER);
  b->head = new_format (b, font, 11, TRUE, TRUE);
  format_set_align (b->head, LXW_ALIGN_CENTER);
  format_set_align (b->head, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (b->head, 0xEEEEEE);
  b->text = new_format (b, font, 11, FALSE, TRUE);
  b->number = new_format (b, font, 11, FALSE, TRUE);
  format_set_num_format (b->number, "0.##");
  b->date = new_format (b, font, 11, FALSE, TRUE);
  format_set_num_format (b->date, "dd.mm.yyyy");
  b->section = new_format (b, font, 11, TRUE, TRUE);
}

/* How many lines @text takes in a column @width characters wide. */
static int
text_lines (const char *text,
            double      width)
{
  double room = MAX (width * 1.1 - 1, 4);
  int lines = 0;
  glong chars = 0;

  /* paragraph by paragraph, without copying: this runs for every cell */
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      if (*p == '\n' || *p == '\0')
        {
          lines += MAX (1, (int) ((double) chars / room + 0.999));
          chars = 0;
          if (*p == '\0')
            break;
        }
      else
        chars++;
    }
  return lines;
}

/* Neither libxlsxwriter nor LibreOffice's conversion sizes a row to its
 * wrapped text: each row is set to the height its tallest cell needs. */
static void
note_height (Book       *b,
             lxw_row_t   row,
             lxw_col_t   col,
             const char *text)
{
  if (row != b->row)
    {
      b->row = row;
      b->lines = 1;
    }
  if (col < G_N_ELEMENTS (b->widths) && text != NULL)
    b->lines = MAX (b->lines, text_lines (text, b->widths[col]));
}

static void
fit_row (Book          *b,
         lxw_worksheet *sheet)
{
  if (b->lines > 1)
    worksheet_set_row (sheet, b->row, 15.0 * b->lines + 2, NULL);
  b->lines = 1;
}

/* Opens a sheet: the appendix mark, the title, the header row; the page
 * set for printing. Returns the first row of the table's body. */
static lxw_worksheet *
sheet_begin (Book         *b,
             const char   *name,
             const char   *title,
             const Column *columns,
             guint         n,
             lxw_row_t    *row)
{
  g_autofree char *sheet_name = shnor_xlsx_sheet_name (b->names, tr (name));
  lxw_worksheet *sheet = workbook_add_worksheet (b->workbook, sheet_name);
  g_autofree char *mark = b->order ? g_strdup_printf (_("Appendix No. %d\nto %s"), b->appendix, b->order)
                                   : g_strdup (_("DRAFT"));
  double total = 0;
  lxw_col_t last = (lxw_col_t) (n - 1);

  b->appendix++;
  if (b->sheet != NULL)
    fit_row (b, b->sheet);
  b->sheet = sheet;
  memset (b->widths, 0, sizeof b->widths);
  b->row = 0;
  b->lines = 1;
  for (guint c = 0; c < n; c++)
    {
      worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, columns[c].width, NULL);
      if (c < G_N_ELEMENTS (b->widths))
        b->widths[c] = columns[c].width;
      total += columns[c].width;
    }
  worksheet_set_paper (sheet, 9);                    /* A4 */
  if (total > 95)
    worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);             /* the width of one page */
  worksheet_set_margins (sheet, 0.79, 0.39, 0.79, 0.79);
  worksheet_set_footer (sheet, "&C&P / &N");
  worksheet_repeat_rows (sheet, 4, 4);
  worksheet_set_row (sheet, 0, 15.0 * text_lines (mark, total) + 4, NULL);
  if (n > 1)
    {
      worksheet_merge_range (sheet, 0, 0, 0, last, mark, b->mark);
      worksheet_merge_range (sheet, 2, 0, 2, last, tr (title), b->title);
    }
  else
    {
      worksheet_write_string (sheet, 0, 0, mark, b->mark);
      worksheet_write_string (sheet, 2, 0, tr (title), b->title);
    }
  worksheet_set_row (sheet, 2, 36, NULL);
  {
    int lines = 1;

    for (guint c = 0; c < n; c++)
      {
        worksheet_write_string (sheet, 4, (lxw_col_t) c, tr (columns[c].head), b->head);
        lines = MAX (lines, text_lines (tr (columns[c].head), columns[c].width));
      }
    worksheet_set_row (sheet, 4, 15.0 * lines + 4, NULL);
  }
  *row = 5;
  return sheet;
}

/* Text as text, even "=…", "+…", "-…" or "@…": libxlsxwriter writes a
 * string cell, never a formula. */
static void
put_text (Book          *b,
          lxw_worksheet *sheet,
          lxw_row_t      row,
          lxw_col_t      col,
          const char    *text)
{
  if (row != b->row)
    fit_row (b, sheet);
  note_height (b, row, col, text);
  worksheet_write_string (sheet, row, col, text ? text : "", b->text);
}

/* A number as a number; an empty or unreadable text as an empty cell. */
static void
put_number (Book          *b,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text)
{
  double value;

  if (text != NULL && text[0] && shnor_parse_double (text, &value))
    worksheet_write_number (sheet, row, col, value, b->number);
  else
    worksheet_write_blank (sheet, row, col, b->number);
}

/* A date (ДД.ММ.ГГГГ) as a date */
static void
put_date (Book          *b,
          lxw_worksheet *sheet,
          lxw_row_t      row,
          lxw_col_t      col,
          const char    *text)
{
  GDate date;

  if (text != NULL && shnor_parse_date (text, &date))
    {
      lxw_datetime when = { g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0 };

      worksheet_write_datetime (sheet, row, col, &when, b->date);
    }
  else
    worksheet_write_blank (sheet, row, col, b->date);
}

/* ---- the programme's sheets ---------------------------------------------- */

static void
passport_sheet (Book   *b,
                gint64  id)
{
  static const Column columns[] = { { N_("Section of the passport"), 34 }, { N_("Content"), 70 } };
  guint n_fields;
  const ShnorField *fields = shnor_programme_fields (&n_fields);
  lxw_row_t row;
  lxw_worksheet *sheet = sheet_begin (b, _("Passport"), _("Passport of the programme"), columns, 2, &row);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *text = shnor_document_dup_programme_text (b->document, id, fields[i].column);

      put_text (b, sheet, row, 0, _(fields[i].label));
      if (fields[i].kind == SHNOR_FIELD_INT)
        put_number (b, sheet, row, 1, text);
      else
        put_text (b, sheet, row, 1, text);
      row++;
    }
}

static void
indicators_sheet (Book   *b,
                  gint64  id,
                  int     first,
                  int     last)
{
  g_autoptr(GArray) rows = shnor_document_get_part (b->document, id, SHNOR_PART_INDICATOR);
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (Column));
  g_autoptr(GPtrArray) heads = g_ptr_array_new_with_free_func (g_free);
  static const Column fixed[] = { { N_("No."), 5 }, { N_("Indicator"), 40 }, { N_("Unit"), 9 }, { N_("Direction"), 14 },
                                  { N_("Baseline value"), 11 }, { N_("Baseline year"), 9 } };
  lxw_worksheet *sheet;
  lxw_row_t row;

  g_array_append_vals (columns, fixed, G_N_ELEMENTS (fixed));
  for (int y = first; y <= last; y++)
    for (int k = 0; k < 2; k++)
      {
        char *head = g_strdup_printf (k == 0 ? _("Target %d") : _("Actual %d"), y);
        Column c = { head, 9 };

        g_ptr_array_add (heads, head);
        g_array_append_val (columns, c);
      }
  sheet = sheet_begin (b, _("Target indicators"), _("Target indicators of the programme"), (Column *) columns->data,
                       columns->len, &row);
  for (guint r = 0; r < rows->len; r++, row++)
    {
      const ShnorPartRow *p = &g_array_index (rows, ShnorPartRow, r);
      g_autoptr(GArray) plan = shnor_document_get_indicator_plan (b->document, p->id);
      guint n_fields;
      const ShnorField *fields = shnor_part_fields (SHNOR_PART_INDICATOR, &n_fields);
      g_auto(GStrv) directions = shnor_field_dup_choices (shnor_field_find (fields, n_fields, "direction"));

      worksheet_write_number (sheet, row, 0, r + 1, b->number);
      put_text (b, sheet, row, 1, p->texts[0]);
      put_text (b, sheet, row, 2, p->texts[1]);
      put_text (b, sheet, row, 3, p->texts[2][0] ? directions[atoi (p->texts[2])] : "");
      put_number (b, sheet, row, 4, p->texts[3]);
      put_number (b, sheet, row, 5, p->texts[4]);
      for (guint y = 0; y < plan->len; y++)
        {
          const ShnorIndicatorYear *v = &g_array_index (plan, ShnorIndicatorYear, y);
          g_autofree char *target = v->has_target ? shnor_format_double (v->target, 4) : g_strdup ("");

          put_number (b, sheet, row, (lxw_col_t) (6 + 2 * y), target);
          put_number (b, sheet, row, (lxw_col_t) (7 + 2 * y), v->actual_text);
        }
    }
}

/* A part of plain texts: its number, then its fields in order. */
static void
part_sheet (Book         *b,
            gint64        id,
            ShnorPart     part,
            const char   *name,
            const char   *title,
            const double *widths)
{
  g_autoptr(GArray) rows = shnor_document_get_part (b->document, id, part);
  guint n_fields;
  const ShnorField *fields = shnor_part_fields (part, &n_fields);
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (Column));
  Column number = { _("No."), 5 };
  lxw_worksheet *sheet;
  lxw_row_t row;

  g_array_append_val (columns, number);
  for (guint i = 0; i < n_fields; i++)
    {
      Column c = { _(fields[i].label), widths[i] };

      g_array_append_val (columns, c);
    }
  sheet = sheet_begin (b, name, title, (Column *) columns->data, columns->len, &row);
  for (guint r = 0; r < rows->len; r++, row++)
    {
      const ShnorPartRow *p = &g_array_index (rows, ShnorPartRow, r);

      worksheet_write_number (sheet, row, 0, r + 1, b->number);
      for (guint i = 0; i < n_fields; i++)
        {
          lxw_col_t col = (lxw_col_t) (i + 1);

          if (fields[i].kind == SHNOR_FIELD_DATE)
            put_date (b, sheet, row, col, p->texts[i]);
          else if (fields[i].kind == SHNOR_FIELD_CHOICE)
            {
              g_auto(GStrv) choices = shnor_field_dup_choices (&fields[i]);
              int index = p->texts[i][0] ? atoi (p->texts[i]) - (int) fields[i].min : -1;

              put_text (b, sheet, row, col, index >= 0 && index < (int) g_strv_length (choices) ? choices[index] : "");
            }
          else
            put_text (b, sheet, row, col, p->texts[i]);
        }
    }
}

/* The road map: a row per measure, sections merged across the table. */
static void
roadmap_sheet (Book   *b,
               gint64  id)
{
  static const Column columns[] = {
    { N_("No."), 6 }, { N_("Measure"), 40 }, { N_("Forms"), 18 }, { N_("Levels"), 16 }, { N_("Period"), 16 },
    { N_("Responsible"), 22 }, { N_("Expected result"), 26 }, { N_("Status"), 12 },
  };
  g_autoptr(GArray) measures = shnor_document_get_roadmap (b->document, id, NULL);
  g_autoptr(GArray) people = shnor_document_get_people (b->document);
  int forms = shnor_measure_field_index ("forms"), period = shnor_measure_field_index ("period_text");
  int start = shnor_measure_field_index ("start_month"), end = shnor_measure_field_index ("end_month");
  int expected = shnor_measure_field_index ("expected");
  lxw_row_t row;
  lxw_worksheet *sheet = sheet_begin (b, _("Road map"), _("Road map of the programme"), columns,
                                      G_N_ELEMENTS (columns), &row);

  for (guint i = 0; i < measures->len; i++, row++)
    {
      const ShnorMeasure *m = &g_array_index (measures, ShnorMeasure, i);
      g_autofree char *levels = NULL;
      g_autofree char *names = NULL;
      g_autofree char *when = NULL;

      put_text (b, sheet, row, 0, m->number);
      if (m->has_children && m->levels == 0)
        {
          worksheet_merge_range (sheet, row, 1, row, G_N_ELEMENTS (columns) - 1, m->texts[0], b->section);
          continue;
        }
      levels = shnor_levels_describe (m->levels);
      names = shnor_measure_dup_responsible (m, people);
      when = m->texts[period][0] ? g_strdup (m->texts[period])
             : g_strdup_printf ("%s%s%s", m->texts[start], m->texts[start][0] && m->texts[end][0] ? "–" : "",
                                m->texts[end]);
      put_text (b, sheet, row, 1, m->texts[0]);
      put_text (b, sheet, row, 2, m->texts[forms]);
      put_text (b, sheet, row, 3, levels);
      put_text (b, sheet, row, 4, when);
      put_text (b, sheet, row, 5, names);
      put_text (b, sheet, row, 6, m->texts[expected]);
      put_text (b, sheet, row, 7, m->has_children ? "" : shnor_measure_status_label (m->status));
    }
}

static GPtrArray *
participants (Book   *b,
              gint64  id)
{
  g_autoptr(GArray) chosen = shnor_document_get_programme_schools (b->document, id);
  GListModel *schools = shnor_document_get_schools (b->document);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);

      for (guint c = 0; c < chosen->len; c++)
        if (g_array_index (chosen, gint64, c) == shnor_school_get_id (school))
          g_ptr_array_add (out, g_object_ref (school));
    }
  return out;
}

static void
schools_sheet (Book      *b,
               GPtrArray *schools)
{
  static const Column columns[] = { { N_("No."), 5 }, { N_("School"), 50 }, { N_("Code"), 9 }, { N_("Settlement"), 20 },
                                    { N_("Director"), 28 } };
  lxw_row_t row;
  lxw_worksheet *sheet = sheet_begin (b, _("Participating schools"), _("The schools taking part in the programme"), columns,
                                      G_N_ELEMENTS (columns), &row);

  for (guint i = 0; i < schools->len; i++, row++)
    {
      ShnorSchool *school = schools->pdata[i];
      const char *keys[] = { "full_name", "code", "settlement", "director" };

      worksheet_write_number (sheet, row, 0, i + 1, b->number);
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          g_autofree char *text = shnor_school_dup_text (school, keys[k]);

          put_text (b, sheet, row, (lxw_col_t) (k + 1), text);
        }
    }
}

/* The assessments the programme's indicators follow; the first of the
 * file's when none does. */
static GStrv
dynamics_assessments (Book   *b,
                      gint64  id)
{
  g_autoptr(GArray) indicators = shnor_document_get_part (b->document, id, SHNOR_PART_INDICATOR);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) all = NULL;

  for (guint i = 0; i < indicators->len; i++)
    {
      const char *binding = g_array_index (indicators, ShnorPartRow, i).binding;
      const char *tab = binding ? strchr (binding, '\t') : NULL;

      if (tab != NULL && !g_hash_table_contains (seen, tab + 1))
        {
          g_hash_table_add (seen, g_strdup (tab + 1));
          g_strv_builder_add (builder, tab + 1);
        }
    }
  if (g_hash_table_size (seen) == 0 && (all = shnor_document_list_assessments (b->document)) && all[0])
    g_strv_builder_add (builder, all[0]);
  return g_strv_builder_end (builder);
}

/* For each assessment: the schools' means over the last three years with
 * results, as a table, and a native line chart drawn from it. */
static void
dynamics_sheet (Book      *b,
                gint64     id,
                GPtrArray *schools)
{
  static const Column columns[] = { { N_("School"), 44 }, { "", 11 }, { "", 11 }, { "", 11 } };
  g_auto(GStrv) assessments = dynamics_assessments (b, id);
  lxw_row_t row;
  lxw_worksheet *sheet = sheet_begin (b, _("Dynamics"), _("Results of the participating schools over the years"), columns,
                                      G_N_ELEMENTS (columns), &row);
  const char *sheet_name = sheet->name;

  worksheet_write_string (sheet, 4, 1, "", b->head);
  for (guint a = 0; assessments[a]; a++)
    {
      g_auto(GStrv) parts = g_strsplit (assessments[a], "\t", 3);
      g_autoptr(GArray) years = NULL;
      g_autofree char *heading = NULL;
      int first_year;
      lxw_row_t head_row, first_row;
      lxw_chart *chart;

      if (g_strv_length (parts) != 3)
        continue;
      years = shnor_document_get_assessment_years (b->document, parts[0], parts[1], atoi (parts[2]));
      if (years->len == 0)
        continue;
      first_year = g_array_index (years, ShnorAssessmentYear, years->len > 3 ? years->len - 3 : 0).year;
      heading = g_strdup_printf (_("%s, %s, grade %s: mean result"), parts[0], parts[1], parts[2]);
      worksheet_merge_range (sheet, row, 0, row, 3, heading, b->section);
      head_row = ++row;
      put_text (b, sheet, head_row, 0, _("School"));
      for (int y = 0; y < 3; y++)
        worksheet_write_number (sheet, head_row, (lxw_col_t) (1 + y), first_year + y, b->head);
      first_row = ++row;
      for (guint s = 0; s < schools->len; s++, row++)
        {
          ShnorSchool *school = schools->pdata[s];
          g_autoptr(GArray) results = shnor_document_get_results (b->document, shnor_school_get_id (school));

          put_text (b, sheet, row, 0, shnor_school_get_display_name (school));
          for (int y = 0; y < 3; y++)
            {
              gboolean found = FALSE;

              for (guint r = 0; r < results->len && !found; r++)
                {
                  const ShnorResult *res = &g_array_index (results, ShnorResult, r);

                  if (res->year == first_year + y && g_str_equal (res->kind, parts[0]) &&
                      g_str_equal (res->subject, parts[1]) && res->grade == atoi (parts[2]) && res->has_mean)
                    {
                      worksheet_write_number (sheet, row, (lxw_col_t) (1 + y), res->mean, b->number);
                      found = TRUE;
                    }
                }
              if (!found)
                worksheet_write_blank (sheet, row, (lxw_col_t) (1 + y), b->number);
            }
        }
      if (schools->len > 0)
        {
          chart = workbook_add_chart (b->workbook, LXW_CHART_LINE);
          chart_title_set_name (chart, heading);
          for (guint s = 0; s < schools->len; s++)
            {
              lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

              chart_series_set_categories (series, sheet_name, head_row, 1, head_row, 3);
              chart_series_set_values (series, sheet_name, first_row + s, 1, first_row + s, 3);
              chart_series_set_name_range (series, sheet_name, first_row + s, 0);
              chart_series_set_marker_type (series, LXW_CHART_MARKER_AUTOMATIC);
            }
          worksheet_insert_chart (sheet, row + 1, 0, chart);
          row += 17;   /* the chart's height in rows */
        }
      row++;
    }
}

/* ---- the workbook --------------------------------------------------------- */

static gboolean
book_open (Book           *b,
           ShnorDocument  *document,
           const char     *part,
           const char     *title,
           GError        **error)
{
  g_autofree char *authority = shnor_document_dup_setting (document, "authority");
  lxw_doc_properties properties = { .title = (char *) _(title), .author = authority ? authority : "",
                                    .company = authority ? authority : "" };

  b->document = document;
  b->workbook = workbook_new (part);
  if (b->workbook == NULL)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The workbook cannot be written to this folder."));
      return FALSE;
    }
  workbook_set_properties (b->workbook, &properties);
  b->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->appendix = 1;
  book_formats (b);
  return TRUE;
}

static gboolean
book_close (Book        *b,
            const char  *part,
            const char  *path,
            GError     **error)
{
  lxw_error rc;

  if (b->sheet != NULL)
    fit_row (b, b->sheet);
  rc = shnor_xlsx_close (b->workbook);

  g_clear_pointer (&b->names, g_hash_table_unref);
  g_clear_pointer (&b->order, g_free);
  if (rc != LXW_NO_ERROR)
    {
      g_unlink (part);
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The workbook could not be written: %s."), lxw_strerror (rc));
      return FALSE;
    }
  return shnor_document_commit_part (b->document, part, path, error);
}

/* "приказу от 15.01.2025 № 45-о" (the authority's name would need its
 * genitive, which the settings do not hold) */
static char *
order_reference (const char *date,
                 const char *number)
{
  return g_strdup_printf (_("the order of %s No. %s"), date, number);
}

/* The whole workbook, or (@roadmap_only) the road map alone */
static gboolean
write_book (ShnorDocument  *document,
            gint64          id,
            const char     *path,
            gboolean        roadmap_only,
            GError        **error)
{
  static const double risk_widths[] = { 36, 40, 12, 12, 20 };
  static const double stage_widths[] = { 20, 12, 12, 30, 30, 20, 18, 18, 24 };
  static const double act_widths[] = { 60, 12, 14 };
  g_autoptr(ShnorProgramme) programme = shnor_document_dup_programme (document, id);
  g_autofree char *part = NULL;
  g_autoptr(GPtrArray) schools = NULL;
  Book b = { 0 };

  if (programme == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("There is no programme %s in the file (see --list-programmes)."), number);
      return FALSE;
    }
  part = shnor_part_path (path);
  if (!book_open (&b, document, part, shnor_programme_get_title (programme), error))
    return FALSE;
  if (shnor_programme_get_status (programme) != SHNOR_PROGRAMME_DRAFT)
    {
      g_autofree char *number = shnor_document_dup_programme_text (document, id, "order_number");
      g_autofree char *date = shnor_document_dup_programme_text (document, id, "order_date");

      if (number[0] != '\0')
        b.order = order_reference (date, number);
    }
  if (roadmap_only)
    {
      roadmap_sheet (&b, id);
      return book_close (&b, part, path, error);
    }
  schools = participants (&b, id);
  passport_sheet (&b, id);
  indicators_sheet (&b, id, shnor_programme_get_first_year (programme), shnor_programme_get_last_year (programme));
  part_sheet (&b, id, SHNOR_PART_RISK, _("Risks"), _("Risks of the programme and ways to minimise them"), risk_widths);
  part_sheet (&b, id, SHNOR_PART_STAGE, _("Stages"), _("Stages of the programme"), stage_widths);
  roadmap_sheet (&b, id);
  schools_sheet (&b, schools);
  dynamics_sheet (&b, id, schools);
  part_sheet (&b, id, SHNOR_PART_ACT, _("Normative basis"), _("Normative basis of the programme"), act_widths);
  return book_close (&b, part, path, error);
}

/* The identified schools: a sheet per group with the values behind it. */
static gboolean
write_lists (ShnorDocument  *document,
             const char     *path,
             GError        **error)
{
  static const Column fixed[] = { { N_("No."), 5 }, { N_("Code"), 8 }, { N_("School"), 40 }, { N_("Settlement"), 18 },
                                  { N_("Area"), 12 }, { N_("Groups"), 14 } };
  static const struct { const char *metric, *head; } metrics[] = {
    { SHNOR_METRIC_Z, N_("Standardised result") }, { SHNOR_METRIC_BELOW, N_("Share below the threshold, %") },
    { SHNOR_METRIC_SOCIAL, N_("Social-disadvantage index") },
  };
  g_autoptr(ShnorClassification) classification = shnor_document_classify (document);
  const ShnorMetrics *values = shnor_document_get_metrics (document);
  const ShnorCriteriaSet *set = shnor_classification_get_set (classification);
  g_autofree char *part = shnor_part_path (path);
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (Column));
  g_autoptr(GPtrArray) heads = g_ptr_array_new_with_free_func (g_free);
  GListModel *schools = shnor_document_get_schools (document);
  double *series[G_N_ELEMENTS (metrics)] = { NULL };
  g_autoptr(GHashTable) metric_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int first = 0, last = 0, shown, n_years;
  Book b = { 0 };
  gboolean ok;

  if (!book_open (&b, document, part, _("Lists of schools"), error))
    return FALSE;
  if (set != NULL && set->order_number != NULL && set->order_number[0])
    {
      g_autofree char *date = shnor_format_iso_date (set->order_date);

      b.order = order_reference (date, set->order_number);
    }
  if (values != NULL)
    shnor_metrics_get_years (values, &first, &last);
  for (guint m = 0; values != NULL && set != NULL && m < G_N_ELEMENTS (metrics); m++)
    series[m] = shnor_metrics_dup_values (values, set, metrics[m].metric);
  n_years = last >= first && last > 0 ? last - first + 1 : 0;
  shown = MAX (first, last - 2);
  g_array_append_vals (columns, fixed, G_N_ELEMENTS (fixed));
  for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
    for (int y = shown; n_years > 0 && y <= last; y++)
      {
        char *head = g_strdup_printf ("%s %d", _(metrics[m].head), y);
        Column c = { head, 11 };

        g_ptr_array_add (heads, head);
        g_array_append_val (columns, c);
      }
  for (guint k = 0; values != NULL && k < shnor_metrics_get_n_schools (values); k++)
    g_hash_table_insert (metric_index, g_memdup2 (&(gint64) { shnor_metrics_get_school_id (values, k) }, sizeof (gint64)),
                         GUINT_TO_POINTER (k + 1));
  /* every school first, then a list per group */
  for (int g = -1; g < SHNOR_N_GROUPS; g++)
    {
      g_autofree char *title = g < 0 ? g_strdup (_("All schools and their groups"))
                                     : g_strdup_printf (_("List: %s"), shnor_group_label (g));
      lxw_row_t row;
      lxw_worksheet *sheet = sheet_begin (&b, g < 0 ? _("All schools") : shnor_group_badge (g), title,
                                          (Column *) columns->data, columns->len, &row);
      guint n = 0;

      for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
        {
          g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);
          gint64 school_id = shnor_school_get_id (school);
          guint groups = shnor_classification_get_groups (classification, school_id);
          g_autofree char *code = NULL;
          g_autofree char *settlement = NULL;
          g_autoptr(GString) badges = g_string_new (NULL);
          lxw_col_t col = G_N_ELEMENTS (fixed);
          int index = -1;

          if (g >= 0 && !(groups & (1u << g)))
            continue;
          index = (int) GPOINTER_TO_UINT (g_hash_table_lookup (metric_index, &school_id)) - 1;
          code = shnor_school_dup_text (school, "code");
          settlement = shnor_school_dup_text (school, "settlement");
          for (ShnorGroup h = 0; h < SHNOR_N_GROUPS; h++)
            if (groups & (1u << h))
              g_string_append_printf (badges, "%s%s", badges->len ? ", " : "", shnor_group_badge (h));
          worksheet_write_number (sheet, row, 0, ++n, b.number);
          put_text (&b, sheet, row, 1, code);
          put_text (&b, sheet, row, 2, shnor_school_get_display_name (school));
          put_text (&b, sheet, row, 3, settlement);
          put_text (&b, sheet, row, 4, shnor_area_type_label (shnor_school_get_area_type (school)));
          put_text (&b, sheet, row, 5, badges->str);
          for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
            for (int y = shown; n_years > 0 && y <= last; y++, col++)
              {
                double v = index >= 0 && series[m] ? series[m][(gsize) index * (gsize) n_years + (gsize) (y - first)]
                                                   : NAN;

                if (!isnan (v))
                  worksheet_write_number (sheet, row, col, v, b.number);
                else
                  worksheet_write_blank (sheet, row, col, b.number);
              }
          row++;
        }
    }
  ok = book_close (&b, part, path, error);
  for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
    g_free (series[m]);
  return ok;
}

/**
 * shnor_xlsx_close:
 *
 * Closes (writes) @workbook. libxlsxwriter prints the numbers of the
 * sheets (values, widths, heights) with the C library while it writes
 * them out, in the numeric format of the locale: under ru_RU that is
 * "0,7", which Excel and LibreOffice reject. The numeric locale is C for
 * that while; every workbook of Shnor is closed here.
 */
lxw_error
shnor_xlsx_close (lxw_workbook *workbook)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  lxw_error rc;

  setlocale (LC_NUMERIC, "C");
  rc = workbook_close (workbook);
  setlocale (LC_NUMERIC, saved);
  return rc;
}

gboolean
shnor_export_programme_xlsx (ShnorDocument  *document,
                             gint64          programme_id,
                             const char     *path,
                             GError        **error)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  return write_book (document, programme_id, path, FALSE, error);
}

/* The road map alone, as the first appendix */
gboolean
shnor_export_roadmap_xlsx (ShnorDocument  *document,
                           gint64          programme_id,
                           const char     *path,
                           GError        **error)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  return write_book (document, programme_id, path, TRUE, error);
}

gboolean
shnor_export_lists_xlsx (ShnorDocument  *document,
                         const char     *path,
                         GError        **error)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  return write_lists (document, path, error);
}
