/* shnor-appendix-plan.c: see shnor-appendix-plan.h. The blocks of a
 * plan (cells, rows, tables, appendices, the marks) and the wording both
 * plans share: the authority in the genitive, the groups, the reasons of
 * identification. The plans themselves are shnor-appendix-programme.c and
 * shnor-appendix-lists.c. Empty fields, rows, columns and tables are left
 * out; every text is Russian and formatted the Russian way whatever the
 * locale. */
#define G_LOG_DOMAIN "shnor-appendix-plan"

#include "config.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shnor-appendix-private.h"
#include "shnor-error.h"
#include "shnor-municipality.h"
#include "shnor-number.h"
#include "shnor-russian.h"


/* ---- cells, rows, tables ----------------------------------------------------- */

static void
cell_free (gpointer data)
{
  ShnorDocCell *cell = data;

  g_free (cell->text);
  g_free (cell->iso);
  g_free (cell);
}

static void
row_free (gpointer data)
{
  ShnorDocRow *row = data;

  g_ptr_array_unref (row->cells);
  g_free (row);
}

static ShnorDocRow *
row_new (ShnorDocRowKind kind)
{
  ShnorDocRow *row = g_new0 (ShnorDocRow, 1);

  row->kind = kind;
  row->cells = g_ptr_array_new_with_free_func (cell_free);
  return row;
}

static void
column_clear (gpointer data)
{
  g_free (((ShnorDocColumn *) data)->head);
}

ShnorDocTable *
shnor_doc_table_new (const char *title,
                     const char *sheet)
{
  ShnorDocTable *table = g_new0 (ShnorDocTable, 1);

  table->title = g_strdup (title);
  table->sheet = g_strdup (sheet);
  table->intro = g_ptr_array_new_with_free_func (g_free);
  table->columns = g_array_new (FALSE, TRUE, sizeof (ShnorDocColumn));
  g_array_set_clear_func (table->columns, column_clear);
  table->rows = g_ptr_array_new_with_free_func (row_free);
  table->header = TRUE;
  return table;
}

void
shnor_doc_table_free (ShnorDocTable *table)
{
  if (table == NULL)
    return;
  g_free (table->title);
  g_free (table->sheet);
  g_ptr_array_unref (table->intro);
  g_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static GPtrArray *split_text (const char *text,
                              double      width,
                              int         max_lines);

/* Each paragraph of @paragraph (one a line) on its own; one longer than a
 * spreadsheet row holds (a page's width of text) in pieces at its
 * sentences */
void
shnor_doc_table_add_intro (ShnorDocTable *table,
                           const char    *paragraph)
{
  g_auto(GStrv) lines = g_strsplit (paragraph ? paragraph : "", "\n", -1);

  for (guint i = 0; lines[i]; i++)
    if (g_strstrip (lines[i])[0])
      {
        g_autoptr(GPtrArray) pieces = split_text (lines[i], SHNOR_DOC_PARAGRAPH_WIDTH, SHNOR_DOC_MAX_LINES_PER_ROW);

        for (guint p = 0; p < pieces->len; p++)
          g_ptr_array_add (table->intro, g_strdup (pieces->pdata[p]));
      }
}

void
shnor_doc_table_add_column (ShnorDocTable *table,
                            const char    *head,
                            double         width,
                            ShnorDocKind   kind,
                            gboolean       optional)
{
  ShnorDocColumn column = { g_strdup (head ? head : ""), width, kind, optional };

  g_array_append_val (table->columns, column);
}

ShnorDocRow *
shnor_doc_table_add_row (ShnorDocTable *table)
{
  ShnorDocRow *row = row_new (SHNOR_DOC_ROW_BODY);

  g_ptr_array_add (table->rows, row);
  return row;
}

/* A row that sets a group apart: @number in the first column (may be
 * NULL: none) and @text over the rest */
void
shnor_doc_table_add_section (ShnorDocTable *table,
                             const char    *number,
                             const char    *text)
{
  ShnorDocRow *row = row_new (SHNOR_DOC_ROW_SECTION);

  if (number != NULL)
    shnor_doc_row_add_text (row, number);
  shnor_doc_row_add_text (row, text);
  g_ptr_array_add (table->rows, row);
}

static ShnorDocCell *
add_cell (ShnorDocRow  *row,
          ShnorDocKind  kind,
          char         *text)
{
  ShnorDocCell *cell = g_new0 (ShnorDocCell, 1);

  cell->kind = kind;
  cell->text = text;
  g_ptr_array_add (row->cells, cell);
  return cell;
}

void
shnor_doc_row_add_text (ShnorDocRow *row,
                        const char  *text)
{
  /* the documents have no trailing spaces or blank lines (stripped in
   * place: the copy is the cell's) */
  add_cell (row, SHNOR_DOC_TEXT, g_strstrip (g_strdup (text ? text : "")));
}

void
shnor_doc_row_add_empty (ShnorDocRow *row)
{
  add_cell (row, SHNOR_DOC_TEXT, g_strdup (""));
}

void
shnor_doc_row_add_integer (ShnorDocRow *row,
                           gint64       value)
{
  add_cell (row, SHNOR_DOC_INTEGER, g_strdup_printf ("%" G_GINT64_FORMAT, value))->value = (double) value;
}

/* The decimals @value needs, up to @max */
static int
decimals_of (double value,
             int    max)
{
  for (int d = 0; d < max; d++)
    {
      double scaled = value * pow (10, d);

      if (fabs (scaled - round (scaled)) < 1e-7 * MAX (1, fabs (scaled)))
        return d;
    }
  return max;
}

/* A number with a no-break space between its thousands (a document's
 * cells wrap at a thin one). */
static char *
format_grouped (double value,
                int    decimals)
{
  char *text = shnor_number_format (value, decimals, SHNOR_NUMBER_GROUPED);
  GString *out;

  if (strstr (text, SHNOR_THIN_NBSP) == NULL)
    return text;
  out = g_string_new (text);
  g_free (text);
  g_string_replace (out, SHNOR_THIN_NBSP, SHNOR_NBSP, 0);
  return g_string_free (out, FALSE);
}

/**
 * shnor_doc_format_number:
 *
 * Returns: (transfer full): @value as a document writes it: a decimal
 * comma, «−», thousands apart by a no-break space (the official faces
 * have no narrow one), no trailing zeros.
 */
char *
shnor_doc_format_number (double value,
                         int    max_decimals)
{
  return format_grouped (value, decimals_of (value, max_decimals));
}

/* A value as typed: the decimals it needs, up to @max_decimals */
void
shnor_doc_row_add_number (ShnorDocRow *row,
                          double       value,
                          int          max_decimals)
{
  ShnorDocCell *cell;

  if (isnan (value))
    {
      shnor_doc_row_add_empty (row);
      return;
    }
  cell = add_cell (row, SHNOR_DOC_NUMBER, shnor_doc_format_number (value, max_decimals));
  cell->value = value;
  cell->decimals = decimals_of (value, max_decimals);
}

/* A computed value: always @decimals of them, as a column of them reads */
void
shnor_doc_row_add_fixed (ShnorDocRow *row,
                         double       value,
                         int          decimals)
{
  ShnorDocCell *cell;

  if (isnan (value))
    {
      shnor_doc_row_add_empty (row);
      return;
    }
  cell = add_cell (row, SHNOR_DOC_NUMBER, format_grouped (value, decimals));
  cell->value = value;
  cell->decimals = decimals;
}

/* «5 250,0» */
char *
shnor_doc_format_money (double value)
{
  return format_grouped (value, 1);
}

void
shnor_doc_row_add_money (ShnorDocRow *row,
                         double       value)
{
  add_cell (row, SHNOR_DOC_MONEY, shnor_doc_format_money (value))->value = value;
}

/* @iso: YYYY-MM-DD, or ДД.ММ.ГГГГ as a part's text gives it */
void
shnor_doc_row_add_date (ShnorDocRow *row,
                        const char  *iso)
{
  GDate date;
  ShnorDocCell *cell;

  if (iso == NULL || !shnor_parse_date (iso, &date))
    {
      shnor_doc_row_add_empty (row);
      return;
    }
  cell = add_cell (row, SHNOR_DOC_DATE, g_strdup_printf ("%02d.%02d.%04d", g_date_get_day (&date),
                                                         g_date_get_month (&date), g_date_get_year (&date)));
  cell->iso = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                               g_date_get_day (&date));
}

static gboolean
cell_is_empty (const ShnorDocRow *row,
               guint              column)
{
  return column >= row->cells->len || ((ShnorDocCell *) row->cells->pdata[column])->text[0] == '\0';
}

gboolean
shnor_doc_table_is_empty (ShnorDocTable *table)
{
  return table->rows->len == 0 && table->intro->len == 0;
}

/* Optional columns no body row fills are left out */
static void
drop_empty_columns (ShnorDocTable *table)
{
  for (guint c = table->columns->len; c-- > 0;)
    {
      gboolean empty = g_array_index (table->columns, ShnorDocColumn, c).optional;

      for (guint r = 0; empty && r < table->rows->len; r++)
        {
          const ShnorDocRow *row = table->rows->pdata[r];

          empty = row->kind == SHNOR_DOC_ROW_SECTION || cell_is_empty (row, c);
        }
      if (!empty)
        continue;
      g_array_remove_index (table->columns, c);
      for (guint r = 0; r < table->rows->len; r++)
        {
          ShnorDocRow *row = table->rows->pdata[r];

          if (row->kind != SHNOR_DOC_ROW_SECTION && c < row->cells->len)
            g_ptr_array_remove_index (row->cells, c);
        }
    }
}

/* A serif face of 11 pt (Times New Roman and its equivalents: letters of
 * 0.47 em on average) fits about one character per unit of a
 * spreadsheet's column width, the width of a digit of the workbook's face
 * (7 px in Excel, 7.3 in LibreOffice); a twentieth less, for Excel, which
 * may draw 11 pt at 15 px an em rather than 14.7; one less for the cell's
 * padding: the model of both shnor_doc_estimate_lines() and
 * shnor_doc_width_of_words() */
#define CHARS_PER_UNIT 0.95
#define CHARS_OF_PADDING 1

/**
 * shnor_doc_estimate_lines:
 *
 * Returns: the lines @text takes in a column @width characters wide
 * (see CHARS_PER_UNIT), its words wrapped as a spreadsheet wraps them (at
 * spaces; a word longer than a line broken); what sizes a workbook's rows.
 */
int
shnor_doc_estimate_lines (const char *text,
                          double      width)
{
  glong room = MAX ((glong) (width * CHARS_PER_UNIT) - CHARS_OF_PADDING, 4);
  int lines = 0;
  glong line = 0;   /* characters on the paragraph's last line so far */
  glong word = 0;   /* characters of the word being read */
  gboolean first = TRUE;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      if (*p != ' ' && *p != '\n' && *p != '\0')
        {
          word++;
          continue;
        }
      if (word > 0)
        {
          if (first)
            line = word;
          else if (line + 1 + word <= room)
            line += 1 + word;
          else
            {
              lines++;
              line = word;
            }
          for (; line > room; line -= room)
            lines++;
          first = FALSE;
          word = 0;
        }
      if (*p == '\n' || *p == '\0')
        {
          lines++;
          line = 0;
          first = TRUE;
          if (*p == '\0')
            break;
        }
    }
  return lines;
}

/**
 * shnor_doc_width_of_words:
 *
 * Returns: the narrowest column (in the units of
 * shnor_doc_estimate_lines()) in which no word of @text, set in bold as a
 * table's head is, has to be broken («Стандартизированный» cut in two).
 */
double
shnor_doc_width_of_words (const char *text)
{
  glong longest = 0, chars = 0;

  if (text == NULL)
    return 0;
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      /* a line may break at a space and after a hyphen, not at a no-break
       * space (a number and its unit) */
      gboolean space = c == ' ' || c == '\n' || c == '\t' || c == 0;

      if (!space)
        chars++;
      if (space || c == '-')
        {
          longest = MAX (longest, chars);
          chars = 0;
        }
      if (c == 0)
        break;
    }
  /* bold letters are about a tenth wider */
  return ((double) longest * 1.1 + CHARS_OF_PADDING) / CHARS_PER_UNIT;
}

/* @text in pieces of at most @max_lines lines: whole paragraphs where they
 * fit, a paragraph too long for one piece at its sentences */
static GPtrArray *
split_text (const char *text,
            double      width,
            int         max_lines)
{
  GPtrArray *pieces = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  g_autoptr(GString) piece = g_string_new (NULL);

  for (guint i = 0; paragraphs[i]; i++)
    {
      g_auto(GStrv) sentences = NULL;

      if (!g_strstrip (paragraphs[i])[0])
        continue;
      /* sentence by sentence: «… минимизации. Далее …» */
      sentences = g_regex_split_simple ("(?<=[.;!?])\\s+", paragraphs[i], 0, 0);
      for (guint s = 0; sentences[s]; s++)
        {
          g_autoptr(GString) next = g_string_new (piece->str);

          if (next->len)
            g_string_append (next, s == 0 ? "\n" : " ");
          g_string_append (next, sentences[s]);
          if (piece->len > 0 && shnor_doc_estimate_lines (next->str, width) > max_lines)
            {
              g_ptr_array_add (pieces, g_strdup (piece->str));
              g_string_assign (piece, sentences[s]);
            }
          else
            g_string_assign (piece, next->str);
        }
    }
  if (piece->len > 0 || pieces->len == 0)
    g_ptr_array_add (pieces, g_strdup (piece->str));
  return pieces;
}

static void
pieces_free (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

/* A row taller than a spreadsheet row may be goes on over continuation
 * rows, each a part of its long cells */
static void
split_long_rows (ShnorDocTable *table)
{
  for (guint r = 0; r < table->rows->len; r++)
    {
      ShnorDocRow *row = table->rows->pdata[r];
      g_autoptr(GPtrArray) split = g_ptr_array_new_with_free_func (pieces_free);
      guint n_pieces = 1;

      if (row->kind == SHNOR_DOC_ROW_SECTION)
        continue;
      for (guint c = 0; c < row->cells->len && c < table->columns->len; c++)
        {
          const ShnorDocCell *cell = row->cells->pdata[c];
          double width = g_array_index (table->columns, ShnorDocColumn, c).width;
          GPtrArray *pieces = NULL;

          if (cell->kind == SHNOR_DOC_TEXT && shnor_doc_estimate_lines (cell->text, width) > SHNOR_DOC_MAX_LINES_PER_ROW)
            pieces = split_text (cell->text, width, SHNOR_DOC_MAX_LINES_PER_ROW);
          g_ptr_array_add (split, pieces);
          if (pieces != NULL)
            n_pieces = MAX (n_pieces, pieces->len);
        }
      if (n_pieces == 1)
        continue;
      for (guint p = n_pieces; p-- > 0;)
        {
          ShnorDocRow *piece_row = p == 0 ? row : row_new (row->kind);

          piece_row->continued = p > 0;
          for (guint c = 0; c < split->len; c++)
            {
              GPtrArray *pieces = split->pdata[c];

              if (p == 0 && pieces != NULL)
                {
                  ShnorDocCell *cell = row->cells->pdata[c];

                  g_free (cell->text);
                  cell->text = g_strdup (pieces->pdata[0]);
                }
              else if (p > 0)
                shnor_doc_row_add_text (piece_row, pieces != NULL && p < pieces->len ? pieces->pdata[p] : "");
            }
          if (p > 0)
            g_ptr_array_insert (table->rows, (int) r + 1, piece_row);
        }
      r += n_pieces - 1;
    }
}

/* Done: empty columns out, long rows split, wide tables turned */
void
shnor_doc_table_finish (ShnorDocTable *table)
{
  double total = 0;

  drop_empty_columns (table);
  split_long_rows (table);
  for (guint c = 0; c < table->columns->len; c++)
    total += g_array_index (table->columns, ShnorDocColumn, c).width;
  table->landscape = table->landscape || total > 110;
}

/* ---- appendices and plans ------------------------------------------------------ */

ShnorAppendix *
shnor_appendix_new (ShnorAppendixKind  kind,
                    const char        *title,
                    const char        *approves)
{
  ShnorAppendix *appendix = g_new0 (ShnorAppendix, 1);

  appendix->kind = kind;
  appendix->title = g_strdup (title);
  appendix->approves = g_strdup (approves);
  appendix->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) shnor_doc_table_free);
  return appendix;
}

void
shnor_appendix_free (ShnorAppendix *appendix)
{
  if (appendix == NULL)
    return;
  g_free (appendix->title);
  g_free (appendix->approves);
  g_ptr_array_unref (appendix->tables);
  g_free (appendix);
}

/* Takes @table, finished; an empty one is left out */
void
shnor_appendix_add_table (ShnorAppendix *appendix,
                          ShnorDocTable *table)
{
  shnor_doc_table_finish (table);
  if (shnor_doc_table_is_empty (table))
    shnor_doc_table_free (table);
  else
    g_ptr_array_add (appendix->tables, table);
}

static char *order_reference (ShnorDocument *document);

/* A plan of the appendices to the order of @date and @number (NULL: not
 * signed yet: a draft, as is an order of a draft programme) */
ShnorAppendixPlan *
shnor_appendix_plan_new (ShnorDocument *document,
                         const char    *date,
                         const char    *number,
                         gboolean       draft)
{
  ShnorAppendixPlan *plan = g_new0 (ShnorAppendixPlan, 1);

  plan->appendices = g_ptr_array_new_with_free_func ((GDestroyNotify) shnor_appendix_free);
  plan->date = date && date[0] ? g_strdup (date) : NULL;
  plan->number = number && number[0] ? g_strdup (number) : NULL;
  plan->draft = draft || plan->number == NULL;
  plan->order = order_reference (document);
  return plan;
}

void
shnor_appendix_plan_free (ShnorAppendixPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->order);
  g_free (plan->date);
  g_free (plan->number);
  g_ptr_array_unref (plan->appendices);
  g_free (plan);
}

/* Takes @appendix and numbers it; an appendix with nothing in it is left
 * out. A document with one appendix numbers none (ГОСТ Р 7.0.97). */
void
shnor_appendix_plan_add (ShnorAppendixPlan *plan,
                         ShnorAppendix     *appendix)
{
  if (appendix->tables->len == 0)
    {
      shnor_appendix_free (appendix);
      return;
    }
  g_ptr_array_add (plan->appendices, appendix);
  for (guint i = 0; i < plan->appendices->len; i++)
    ((ShnorAppendix *) plan->appendices->pdata[i])->number = plan->appendices->len > 1 ? (int) i + 1 : 0;
}

ShnorAppendix *
shnor_appendix_plan_find (ShnorAppendixPlan *plan,
                          ShnorAppendixKind  kind)
{
  g_return_val_if_fail (plan != NULL, NULL);
  for (guint i = 0; i < plan->appendices->len; i++)
    if (((ShnorAppendix *) plan->appendices->pdata[i])->kind == kind)
      return plan->appendices->pdata[i];
  return NULL;
}

/**
 * shnor_appendix_plan_dup_mark:
 *
 * Returns: (transfer full): the mark at the top right of @appendix's
 * first page or sheet, a line a part: «Приложение № 2», «к приказу
 * Управления образования …», «от 15.01.2025 № 45-о»; «ПРОЕКТ» above it
 * while the order is not signed.
 */
char *
shnor_appendix_plan_dup_mark (ShnorAppendixPlan *plan,
                              ShnorAppendix     *appendix)
{
  g_autoptr(GString) mark = g_string_new (NULL);

  g_return_val_if_fail (plan != NULL && appendix != NULL, NULL);
  if (plan->draft)
    g_string_append (mark, "ПРОЕКТ\n");
  if (appendix->number > 0)
    g_string_append_printf (mark, "Приложение № %d\n", appendix->number);
  else
    g_string_append (mark, "Приложение\n");
  g_string_append_printf (mark, "к %s\nот %s № %s", plan->order,
                          plan->date && plan->date[0] ? plan->date : "__.__.____",
                          plan->number && plan->number[0] ? plan->number : "____");
  return g_string_free (g_steal_pointer (&mark), FALSE);
}

/* ---- wording the documents share ------------------------------------------- */

typedef struct {
  ShnorDocument *document;
  GPtrArray     *values;   /* what the lookup returned, freed with it */
} SavedSettings;

static const char *
saved_setting (gpointer    data,
               const char *key)
{
  SavedSettings *saved = data;
  char *value = shnor_document_dup_setting (saved->document, key);

  g_ptr_array_add (saved->values, value);
  return value;
}

/**
 * shnor_document_dup_setting_form:
 * @key: a setting the documents need in a form of its own
 *   (shnor_municipality_proposal_sources() lists what it comes from)
 *
 * Returns: (transfer full): the form the settings hold, or the one the
 * declension proposes when they hold none.
 */
char *
shnor_document_dup_setting_form (ShnorDocument *document,
                                 const char    *key)
{
  g_autofree char *form = shnor_document_dup_setting (document, key);
  g_autoptr(GPtrArray) values = NULL;
  SavedSettings saved;

  if (form != NULL && g_strstrip (form)[0])
    return g_steal_pointer (&form);
  values = g_ptr_array_new_with_free_func (g_free);
  saved = (SavedSettings) { document, values };
  return shnor_municipality_propose (key, saved_setting, &saved);
}

/* «приказу Управления образования …» (without «от … № …»): the
 * authority's genitive of the settings, or the declension's proposal */
static char *
order_reference (ShnorDocument *document)
{
  g_autofree char *authority = shnor_document_dup_setting_form (document, "authority_genitive");

  return authority[0] ? g_strdup_printf ("приказу %s", authority) : g_strdup ("приказу");
}

/* «1 год», «2 года», «5 лет» */
static const char *
plural (gint64      n,
        const char *one,
        const char *few,
        const char *many)
{
  gint64 m = n % 100;

  if (m >= 11 && m <= 14)
    return many;
  switch (n % 10)
    {
    case 1:
      return one;
    case 2: case 3: case 4:
      return few;
    default:
      return many;
    }
}

const char *
shnor_doc_group_label (ShnorGroup group)
{
  static const char * const labels[SHNOR_N_GROUPS] = {
    "школа со стабильно высокими результатами обучения",
    "школа с низкими результатами обучения (ШНОР)",
    "школа с отрицательной динамикой результатов обучения",
    "школа, функционирующая в неблагоприятных социальных условиях (ШНСУ)",
    "школа с низкими результатами обучения, функционирующая в неблагоприятных социальных условиях (ШНОР и ШНСУ)",
  };

  return (guint) group < SHNOR_N_GROUPS ? labels[group] : "";
}

/* The metrics of the criteria, as the lists name them */
static char *
metric_label (ShnorDocument *document,
              const char    *metric)
{
  static const struct { const char *metric, *label; } labels[] = {
    { SHNOR_METRIC_Z, "стандартизированный результат" },
    { SHNOR_METRIC_BELOW, "доля результатов ниже порогового значения, %" },
    { SHNOR_METRIC_Z_CHANGE, "изменение стандартизированного результата" },
    { SHNOR_METRIC_SOCIAL, "индекс социального неблагополучия" },
    { "context:pupils", "число обучающихся" },
    { "context:teachers", "число педагогических работников" },
    { "context:share_low_income", "доля обучающихся из малообеспеченных семей, %" },
    { "context:share_low_education", "доля обучающихся, родители которых имеют низкий уровень образования, %" },
    { "context:share_non_native", "доля обучающихся, для которых русский язык не является родным, %" },
    { "context:share_disabilities", "доля обучающихся с ОВЗ, %" },
    { "context:share_registered", "доля обучающихся, состоящих на учёте в КДН/ПДН, %" },
    { "context:distance_km", "расстояние до районного центра, км" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (metric, labels[i].metric) == 0)
      return g_strdup (labels[i].label);
  /* an indicator's name is the user's own text */
  if (metric != NULL && g_str_has_prefix (metric, "indicator:"))
    return shnor_document_dup_metric_label (document, metric);
  return g_strdup (metric ? metric : "");
}

/* «стандартизированный результат не выше 25-го процентиля в каждом из 3
 * последних лет: 2023 г. — −1,12; 2024 г. — −1,30; 2025 г. — −1,41» */
char *
shnor_doc_describe_reason (ShnorDocument     *document,
                           const ShnorReason *reason)
{
  const ShnorCriterion *c = reason->criterion;
  g_autofree char *metric = metric_label (document, c->metric);
  g_autofree char *value = shnor_doc_format_number (c->threshold, 2);
  g_autoptr(GString) text = g_string_new (metric);

  switch (c->comparison)
    {
    case SHNOR_COMPARE_PERCENTILE_LE:
      g_string_append_printf (text, " не выше %s-го процентиля", value);
      break;
    case SHNOR_COMPARE_PERCENTILE_GE:
      g_string_append_printf (text, " не ниже %s-го процентиля", value);
      break;
    case SHNOR_COMPARE_LT:
      g_string_append_printf (text, " ниже %s", value);
      break;
    case SHNOR_COMPARE_LE:
      g_string_append_printf (text, " не выше %s", value);
      break;
    case SHNOR_COMPARE_GT:
      g_string_append_printf (text, " выше %s", value);
      break;
    default:
      g_string_append_printf (text, " не ниже %s", value);
      break;
    }
  if (c->aggregate == SHNOR_AGGREGATE_SUM || c->aggregate == SHNOR_AGGREGATE_MEAN)
    g_string_append_printf (text, " %s за %d %s", c->aggregate == SHNOR_AGGREGATE_SUM ? "в сумме" : "в среднем",
                            c->years, plural (c->years, "последний год", "последних года", "последних лет"));
  else if (c->years == 1)
    g_string_append (text, " в последнем году");
  else if (c->at_least == c->years)
    g_string_append_printf (text, " в каждом из %d последних лет", c->years);
  else
    g_string_append_printf (text, " не менее чем в %d из %d последних лет", c->at_least, c->years);
  for (guint y = 0, n = 0; y < reason->n_years; y++)
    if (reason->years[y].known)
      {
        g_autofree char *v = shnor_doc_format_number (reason->years[y].value, 2);

        g_string_append_printf (text, "%s%d г. — %s", n++ ? "; " : ": ", reason->years[y].year, v);
      }
  if ((c->aggregate == SHNOR_AGGREGATE_SUM || c->aggregate == SHNOR_AGGREGATE_MEAN) && reason->total_known)
    {
      g_autofree char *total = shnor_doc_format_number (reason->total, 2);

      g_string_append_printf (text, " (%s — %s)", c->aggregate == SHNOR_AGGREGATE_SUM ? "сумма" : "среднее", total);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
