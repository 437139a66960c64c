/* shnor-xlsx-export.c: the appendices as XLSX — a programme's and the
 * lists of identification — rendered from the appendix plan of the core
 * (shnor-appendix-plan.h), the same plan the order's PDF renders. Each
 * sheet is a part of an official appendix: the mark «Приложение № N к
 * приказу …» (under «ПРОЕКТ» while the order is not signed) at the top
 * right, the titles centred, a bordered table with wrapped text whose
 * header repeats on every printed page, A4 fitted to the page width
 * (landscape for wide tables), page numbers in the footer, in the face of
 * the order. Numbers are numbers (years and counts without decimals),
 * dates dates, and a text starting with "=" stays text. No row is taller
 * than the 409 pt a spreadsheet allows: the plan splits longer ones. */
#define G_LOG_DOMAIN "shnor-export"

#include "config.h"
#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "shnor-appendix-plan.h"
#include "shnor-error.h"
#include "shnor-files.h"
#include "shnor-fonts.h"
#include "shnor-xlsx-export.h"

/* the family of a serif face in a workbook's fonts (libxlsxwriter's
 * default, 2, is a sans one): what Excel substitutes where the face is
 * missing */
#define ROMAN 1
#define LINE_HEIGHT 15.0     /* points per line of 11 pt text */
#define MAX_ROW_HEIGHT 409.0 /* what Excel allows */
#define N_DECIMALS 5

typedef struct {
  lxw_workbook *workbook;
  GHashTable   *names;      /* the sheet names taken */
  char         *font;       /* the face of the order */
  double        margin_left;
  lxw_format   *mark, *title, *subtitle, *paragraph, *head;
  lxw_format   *text, *bold, *integer, *integer_bold, *date, *money, *money_bold;
  lxw_format   *number[N_DECIMALS], *number_bold[N_DECIMALS];
} Book;

/* What a sheet being written needs to know */
typedef struct {
  lxw_worksheet *sheet;
  double         widths[64];
  guint          n_columns;
  lxw_row_t      row;
  gboolean       repeats;   /* its header rows repeat on printed pages */
  gboolean       shared;    /* it holds several tables */
} Sheet;

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
    g_string_prepend (clean, clean->len == 0 ? "Лист" : "_");
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

/**
 * shnor_xlsx_new_format:
 *
 * A format of Shnor's workbooks: the face of the order at @size points,
 * wrapped, at the top of its cell; bold and bordered when asked.
 */
lxw_format *
shnor_xlsx_new_format (lxw_workbook *workbook,
                       const char   *font,
                       double        size,
                       gboolean      bold,
                       gboolean      border)
{
  lxw_format *f = workbook_add_format (workbook);

  format_set_font_name (f, font);
  format_set_font_family (f, ROMAN);
  format_set_font_size (f, size);
  format_set_text_wrap (f);
  format_set_align (f, LXW_ALIGN_VERTICAL_TOP);
  if (bold)
    format_set_bold (f);
  if (border)
    format_set_border (f, LXW_BORDER_THIN);
  return f;
}

/* The face of the order: the settings' family when installed, else the
 * first installed official one */
static void
book_formats (Book          *b,
              ShnorDocument *document)
{
  static const char * const decimals[N_DECIMALS] = { "0", "0.0", "0.00", "0.000", "0.0000" };
  g_autofree char *setting = shnor_document_dup_setting (document, "document_font");
  const char *font;

  b->font = shnor_fonts_resolve (setting);
  font = b->font;
  /* The workbook's own style ("Normal") in that face too: the width of a
   * column is counted in digits of that style's face, and with the same
   * face Excel and LibreOffice count the same (LibreOffice, which has no
   * Calibri, counted in a wider face of its own and printed a page's
   * paragraphs past its edge). libxlsxwriter's first format is that
   * style; it has no call of its own to change it. */
  if (!STAILQ_EMPTY (b->workbook->formats))
    {
      format_set_font_name (STAILQ_FIRST (b->workbook->formats), font);
      format_set_font_family (STAILQ_FIRST (b->workbook->formats), ROMAN);
    }

  b->mark = shnor_xlsx_new_format (b->workbook, font, 11, FALSE, FALSE);
  format_set_align (b->mark, LXW_ALIGN_RIGHT);
  b->title = shnor_xlsx_new_format (b->workbook, font, 12, TRUE, FALSE);
  format_set_align (b->title, LXW_ALIGN_CENTER);
  b->subtitle = shnor_xlsx_new_format (b->workbook, font, 12, TRUE, FALSE);
  format_set_align (b->subtitle, LXW_ALIGN_CENTER);
  b->paragraph = shnor_xlsx_new_format (b->workbook, font, 12, FALSE, FALSE);
  format_set_align (b->paragraph, LXW_ALIGN_JUSTIFY);
  b->head = shnor_xlsx_new_format (b->workbook, font, 11, TRUE, TRUE);
  format_set_align (b->head, LXW_ALIGN_CENTER);
  format_set_align (b->head, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (b->head, 0xEEEEEE);
  b->text = shnor_xlsx_new_format (b->workbook, font, 11, FALSE, TRUE);
  b->bold = shnor_xlsx_new_format (b->workbook, font, 11, TRUE, TRUE);
  b->integer = shnor_xlsx_new_format (b->workbook, font, 11, FALSE, TRUE);
  format_set_num_format (b->integer, "0");
  format_set_align (b->integer, LXW_ALIGN_CENTER);
  b->integer_bold = shnor_xlsx_new_format (b->workbook, font, 11, TRUE, TRUE);
  format_set_num_format (b->integer_bold, "0");
  format_set_align (b->integer_bold, LXW_ALIGN_CENTER);
  for (guint d = 0; d < N_DECIMALS; d++)
    {
      b->number[d] = shnor_xlsx_new_format (b->workbook, font, 11, FALSE, TRUE);
      format_set_num_format (b->number[d], decimals[d]);
      b->number_bold[d] = shnor_xlsx_new_format (b->workbook, font, 11, TRUE, TRUE);
      format_set_num_format (b->number_bold[d], decimals[d]);
    }
  b->money = shnor_xlsx_new_format (b->workbook, font, 11, FALSE, TRUE);
  format_set_num_format (b->money, "#,##0.0");
  b->money_bold = shnor_xlsx_new_format (b->workbook, font, 11, TRUE, TRUE);
  format_set_num_format (b->money_bold, "#,##0.0");
  b->date = shnor_xlsx_new_format (b->workbook, font, 11, FALSE, TRUE);
  format_set_num_format (b->date, "dd.mm.yyyy");
  format_set_align (b->date, LXW_ALIGN_CENTER);
}

static double
total_width (const Sheet *s)
{
  double total = 0;

  for (guint c = 0; c < s->n_columns; c++)
    total += s->widths[c];
  return total;
}

static void
set_height (Sheet      *s,
            lxw_row_t   row,
            int         lines)
{
  worksheet_set_row (s->sheet, row, MIN (LINE_HEIGHT * MAX (lines, 1) + 3, MAX_ROW_HEIGHT), NULL);
}

/* A text over the whole width of the sheet */
static void
wide_text (Sheet      *s,
           const char *text,
           lxw_format *format)
{
  g_autofree char *cut = NULL;
  const char *fit = shnor_xlsx_fit_text (text, &cut);

  if (s->n_columns > 1)
    worksheet_merge_range (s->sheet, s->row, 0, s->row, (lxw_col_t) (s->n_columns - 1), fit, format);
  else
    worksheet_write_string (s->sheet, s->row, 0, fit, format);
  /* (paragraphs and titles are of 12 pt: a tenth fewer letters a line) */
  set_height (s, s->row, shnor_doc_estimate_lines (text, total_width (s) * 0.9));
  s->row++;
}

/* The sheets of one appendix that have the same name hold the tables one
 * under another: their columns are as wide as the widest */
static void
sheet_columns (Sheet         *s,
               ShnorAppendix *appendix,
               guint          first,
               guint          last)
{
  memset (s->widths, 0, sizeof s->widths);
  s->n_columns = 1;
  for (guint t = first; t <= last; t++)
    {
      ShnorDocTable *table = appendix->tables->pdata[t];

      for (guint c = 0; c < table->columns->len && c < G_N_ELEMENTS (s->widths); c++)
        {
          const ShnorDocColumn *column = &g_array_index (table->columns, ShnorDocColumn, c);

          /* wide enough for every word of its head */
          s->widths[c] = MAX (s->widths[c], MAX (column->width, shnor_doc_width_of_words (column->head)));
        }
      s->n_columns = MAX (s->n_columns, MIN (table->columns->len, G_N_ELEMENTS (s->widths)));
    }
  /* paragraphs alone: a page's width */
  if (total_width (s) == 0)
    s->widths[0] = SHNOR_DOC_PARAGRAPH_WIDTH;
}

/* A new sheet for the tables @first … @last of @appendix, with the mark
 * and the page set for printing */
static void
sheet_begin (Book              *b,
             Sheet             *s,
             ShnorAppendixPlan *plan,
             ShnorAppendix     *appendix,
             guint              first,
             guint              last)
{
  ShnorDocTable *table = appendix->tables->pdata[first];
  g_autofree char *name = shnor_xlsx_sheet_name (b->names, table->sheet);
  g_autofree char *mark = shnor_appendix_plan_dup_mark (plan, appendix);
  gboolean landscape = FALSE;

  s->sheet = workbook_add_worksheet (b->workbook, name);
  s->row = 0;
  s->repeats = FALSE;
  s->shared = last > first;
  sheet_columns (s, appendix, first, last);
  for (guint c = 0; c < s->n_columns; c++)
    worksheet_set_column (s->sheet, (lxw_col_t) c, (lxw_col_t) c, s->widths[c], NULL);
  for (guint t = first; t <= last; t++)
    landscape |= ((ShnorDocTable *) appendix->tables->pdata[t])->landscape;
  worksheet_set_paper (s->sheet, 9);                 /* A4 */
  if (landscape)
    worksheet_set_landscape (s->sheet);
  worksheet_fit_to_pages (s->sheet, 1, 0);          /* the width of one page */
  worksheet_set_margins (s->sheet, b->margin_left, 10 / 25.4, 20 / 25.4, 20 / 25.4);
  worksheet_set_footer (s->sheet, "&C&P / &N");
  wide_text (s, mark, b->mark);
  s->row++;
  if (first == 0)
    wide_text (s, appendix->title, b->title);
}

static lxw_format *
cell_format (Book               *b,
             const ShnorDocCell *cell,
             gboolean            bold)
{
  switch (cell->kind)
    {
    case SHNOR_DOC_INTEGER:
      return bold ? b->integer_bold : b->integer;
    case SHNOR_DOC_NUMBER:
      return (bold ? b->number_bold : b->number)[CLAMP (cell->decimals, 0, N_DECIMALS - 1)];
    case SHNOR_DOC_MONEY:
      return bold ? b->money_bold : b->money;
    case SHNOR_DOC_DATE:
      return b->date;
    default:
      return bold ? b->bold : b->text;
    }
}

/* A cell as what it is: a number as a number, a date as a date, a text as
 * a string (never a formula, whatever it starts with) */
static void
put_cell (Book               *b,
          Sheet              *s,
          lxw_row_t           row,
          lxw_col_t           col,
          const ShnorDocCell *cell,
          gboolean            bold)
{
  lxw_format *format = cell_format (b, cell, bold);

  if (cell->text[0] == '\0')
    worksheet_write_blank (s->sheet, row, col, format);
  else if (cell->kind == SHNOR_DOC_INTEGER || cell->kind == SHNOR_DOC_NUMBER || cell->kind == SHNOR_DOC_MONEY)
    worksheet_write_number (s->sheet, row, col, cell->value, format);
  else if (cell->kind == SHNOR_DOC_DATE && cell->iso != NULL)
    {
      lxw_datetime when = { 0 };

      sscanf (cell->iso, "%d-%d-%d", &when.year, &when.month, &when.day);
      worksheet_write_datetime (s->sheet, row, col, &when, format);
    }
  else
    {
      g_autofree char *cut = NULL;

      worksheet_write_string (s->sheet, row, col, shnor_xlsx_fit_text (cell->text, &cut), format);
    }
}

static int
row_lines (const Sheet       *s,
           const ShnorDocRow *r)
{
  int lines = 1;

  for (guint c = 0; c < r->cells->len; c++)
    {
      const ShnorDocCell *cell = r->cells->pdata[c];
      double width = c < s->n_columns ? s->widths[c] : 10;

      /* a section's last cell spans the rest */
      if (r->kind == SHNOR_DOC_ROW_SECTION && c + 1 == r->cells->len)
        for (guint k = c + 1; k < s->n_columns; k++)
          width += s->widths[k];
      lines = MAX (lines, shnor_doc_estimate_lines (cell->text, width));
    }
  return lines;
}

/* The rows continuing the row @r (its long cells' next paragraphs) */
static guint
continuation (const ShnorDocTable *table,
              guint                r)
{
  guint n = 0;

  while (r + 1 + n < table->rows->len && ((ShnorDocRow *) table->rows->pdata[r + 1 + n])->continued)
    n++;
  return n;
}

/* TRUE when the rows continuing row @first (@more of them) leave the
 * column @c empty: the first row's cell then holds all of them */
static gboolean
held (const ShnorDocTable *table,
      guint                first,
      guint                more,
      guint                c)
{
  if (more == 0)
    return FALSE;
  for (guint k = 1; k <= more; k++)
    {
      const ShnorDocRow *next = table->rows->pdata[first + k];

      if (c < next->cells->len && ((ShnorDocCell *) next->cells->pdata[c])->text[0] != '\0')
        return FALSE;
    }
  return TRUE;
}

static void
put_row (Book                *b,
         Sheet               *s,
         const ShnorDocTable *table,
         guint                r)
{
  const ShnorDocRow *row = table->rows->pdata[r];
  gboolean bold = row->kind != SHNOR_DOC_ROW_BODY;
  guint first = r, more;

  while (first > 0 && ((ShnorDocRow *) table->rows->pdata[first])->continued)
    first--;
  more = continuation (table, first);
  for (guint c = 0; c < row->cells->len && c < s->n_columns; c++)
    {
      const ShnorDocCell *cell = row->cells->pdata[c];
      gboolean spans = row->kind == SHNOR_DOC_ROW_SECTION && c + 1 == row->cells->len && c + 1 < s->n_columns;

      g_autofree char *cut = NULL;

      if (spans)
        worksheet_merge_range (s->sheet, s->row, (lxw_col_t) c, s->row, (lxw_col_t) (s->n_columns - 1),
                               shnor_xlsx_fit_text (cell->text, &cut), cell_format (b, cell, bold));
      else if (held (table, first, more, c))
        {
          /* merged over the run once, from its first row */
          if (r == first)
            {
              worksheet_merge_range (s->sheet, s->row, (lxw_col_t) c, s->row + more, (lxw_col_t) c, "",
                                     cell_format (b, cell, bold));
              put_cell (b, s, s->row, (lxw_col_t) c, cell, bold);
            }
        }
      else
        put_cell (b, s, s->row, (lxw_col_t) c, cell, bold);
    }
  set_height (s, s->row, row_lines (s, row));
  s->row++;
}

/* A line chart of each row over the table's numeric columns, below it */
static void
put_chart (Book                *b,
           Sheet               *s,
           const ShnorDocTable *table,
           lxw_row_t            head_row,
           lxw_row_t            first_row)
{
  lxw_chart *chart = workbook_add_chart (b->workbook, LXW_CHART_LINE);
  lxw_col_t last = (lxw_col_t) (table->columns->len - 1);
  lxw_chart_font title = { .name = b->font, .size = 12, .bold = LXW_TRUE };
  lxw_chart_font text = { .name = b->font, .size = 10 };

  chart_title_set_name (chart, table->title ? table->title : "");
  chart_title_set_name_font (chart, &title);
  chart_legend_set_font (chart, &text);
  chart_axis_set_num_font (chart->x_axis, &text);
  chart_axis_set_num_font (chart->y_axis, &text);
  for (guint r = 0; r < table->rows->len; r++)
    {
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

      chart_series_set_categories (series, s->sheet->name, head_row, 1, head_row, last);
      chart_series_set_values (series, s->sheet->name, first_row + r, 1, first_row + r, last);
      chart_series_set_name_range (series, s->sheet->name, first_row + r, 0);
      chart_series_set_marker_type (series, LXW_CHART_MARKER_AUTOMATIC);
    }
  worksheet_insert_chart (s->sheet, s->row + 1, 0, chart);
  s->row += 18;   /* the chart's height in rows */
}

static void
put_table (Book                *b,
           Sheet               *s,
           const ShnorDocTable *table)
{
  lxw_row_t head_row = s->row, first_row;

  if (table->title != NULL)
    wide_text (s, table->title, b->subtitle);
  for (guint i = 0; i < table->intro->len; i++)
    wide_text (s, table->intro->pdata[i], b->paragraph);
  if (table->columns->len == 0)
    return;
  head_row = s->row;
  if (table->header)
    {
      int lines = 1;

      for (guint c = 0; c < table->columns->len && c < s->n_columns; c++)
        {
          const ShnorDocColumn *column = &g_array_index (table->columns, ShnorDocColumn, c);

          worksheet_write_string (s->sheet, s->row, (lxw_col_t) c, column->head, b->head);
          lines = MAX (lines, shnor_doc_estimate_lines (column->head, s->widths[c]));
        }
      set_height (s, s->row, lines);
      /* a sheet of one table repeats its header on every printed page (on
       * a sheet of several, it would head the others' pages) */
      if (!s->repeats && !s->shared)
        worksheet_repeat_rows (s->sheet, s->row, s->row);
      s->repeats = TRUE;
      s->row++;
    }
  first_row = s->row;
  for (guint r = 0; r < table->rows->len; r++)
    put_row (b, s, table, r);
  if (table->chart && table->header && table->columns->len > 1 && table->rows->len > 0)
    put_chart (b, s, table, head_row, first_row);
}

static void
put_appendix (Book              *b,
              ShnorAppendixPlan *plan,
              ShnorAppendix     *appendix)
{
  for (guint first = 0; first < appendix->tables->len;)
    {
      const char *name = ((ShnorDocTable *) appendix->tables->pdata[first])->sheet;
      guint last = first;
      Sheet s = { 0 };

      while (last + 1 < appendix->tables->len &&
             g_str_equal (((ShnorDocTable *) appendix->tables->pdata[last + 1])->sheet, name))
        last++;
      g_autofree lxw_row_t *breaks = g_new0 (lxw_row_t, last - first + 2);

      guint n_breaks = 0;

      sheet_begin (b, &s, plan, appendix, first, last);
      for (guint t = first; t <= last; t++)
        {
          /* each further table (and its chart) from a new printed page;
           * a heading with its words only (no columns) stays on the page
           * of the table after it */
          if (t > first && ((ShnorDocTable *) appendix->tables->pdata[t - 1])->columns->len > 0)
            breaks[n_breaks++] = ++s.row;
          else if (t > first)
            s.row++;
          put_table (b, &s, appendix->tables->pdata[t]);
        }
      if (n_breaks > 0)
        worksheet_set_h_pagebreaks (s.sheet, breaks);
      first = last + 1;
    }
}

/* The plan as a workbook written beside @path and renamed over it; only
 * the appendix of @only when it is not NULL */
static gboolean
write_plan (ShnorDocument      *document,
            ShnorAppendixPlan  *plan,
            ShnorAppendix      *only,
            const char         *path,
            GError            **error)
{
  g_autofree char *part = shnor_part_path (path);
  g_autofree char *authority = shnor_document_dup_setting (document, "authority");
  g_autofree char *margin = shnor_document_dup_setting (document, "margin_left");
  ShnorAppendix *first = only ? only : plan->appendices->len ? plan->appendices->pdata[0] : NULL;
  lxw_doc_properties properties = { .title = first ? first->title : "", .author = authority, .company = authority };
  Book b = { 0 };
  lxw_error rc;

  b.workbook = workbook_new (part);
  if (b.workbook == NULL)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The workbook cannot be written to this folder."));
      return FALSE;
    }
  workbook_set_properties (b.workbook, &properties);
  b.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.margin_left = (g_strcmp0 (margin, "30") == 0 ? 30 : 20) / 25.4;
  book_formats (&b, document);
  for (guint a = 0; a < plan->appendices->len; a++)
    if (only == NULL || plan->appendices->pdata[a] == only)
      put_appendix (&b, plan, plan->appendices->pdata[a]);
  if (plan->appendices->len == 0)
    workbook_add_worksheet (b.workbook, "Лист");
  rc = shnor_xlsx_close (b.workbook);
  g_hash_table_unref (b.names);
  g_free (b.font);
  if (rc != LXW_NO_ERROR)
    {
      g_unlink (part);
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The workbook could not be written: %s."), shnor_xlsx_strerror (rc));
      return FALSE;
    }
  return shnor_document_commit_part (document, part, path, error);
}

/* the characters a cell of Excel holds (libxlsxwriter's limit too) */
#define EXCEL_CELL_MAX 32767

/**
 * shnor_xlsx_fit_text:
 * @cut: (out): where a shortened copy is kept (free it)
 *
 * What a cell of Excel can hold of @text: all of it, or its first 32,766
 * characters and "…" — a cell holds at most 32,767, and libxlsxwriter
 * leaves the cell of a longer text empty, which lost the whole text.
 *
 * Returns: @text, or the shortened copy in *@cut.
 */
const char *
shnor_xlsx_fit_text (const char  *text,
                     char       **cut)
{
  g_autofree char *head = NULL;

  *cut = NULL;
  if (text == NULL || strlen (text) <= EXCEL_CELL_MAX || g_utf8_strlen (text, -1) <= EXCEL_CELL_MAX)
    return text;
  head = g_utf8_substring (text, 0, EXCEL_CELL_MAX - 1);
  *cut = g_strconcat (head, "…", NULL);
  return *cut;
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

/**
 * shnor_xlsx_strerror:
 *
 * Why libxlsxwriter could not write a workbook, in the interface's
 * language (its own texts are English and name its internals).
 */
const char *
shnor_xlsx_strerror (lxw_error rc)
{
  switch (rc)
    {
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      return _("there is not enough memory");
    case LXW_ERROR_CREATING_XLSX_FILE:
      return _("the file cannot be created there (the folder does not exist or may not be written)");
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
      return _("a temporary file cannot be made (is the disk full?)");
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
      return _("writing the file failed (is the disk full or the device removed?)");
    default:
      return lxw_strerror (rc);
    }
}

gboolean
shnor_export_programme_xlsx (ShnorDocument  *document,
                             gint64          programme_id,
                             const char     *path,
                             GError        **error)
{
  g_autoptr(ShnorAppendixPlan) plan = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  plan = shnor_appendix_plan_new_programme (document, programme_id, error);
  return plan != NULL && write_plan (document, plan, NULL, path, error);
}

/* The road map alone, with the number it has among the order's
 * appendices */
gboolean
shnor_export_roadmap_xlsx (ShnorDocument  *document,
                           gint64          programme_id,
                           const char     *path,
                           GError        **error)
{
  g_autoptr(ShnorAppendixPlan) plan = NULL;
  ShnorAppendix *roadmap;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  plan = shnor_appendix_plan_new_programme (document, programme_id, error);
  if (plan == NULL)
    return FALSE;
  roadmap = shnor_appendix_plan_find (plan, SHNOR_APPENDIX_ROADMAP);
  if (roadmap == NULL)
    {
      g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                           _("The road map of this programme has no measures: there is nothing to export."));
      return FALSE;
    }
  return write_plan (document, plan, roadmap, path, error);
}

gboolean
shnor_export_lists_xlsx (ShnorDocument  *document,
                         const char     *path,
                         GError        **error)
{
  g_autoptr(ShnorAppendixPlan) plan = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  plan = shnor_appendix_plan_new_lists (document);
  return write_plan (document, plan, NULL, path, error);
}
