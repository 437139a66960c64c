/* shnor-order.c: the order (приказ) that approves a programme, then its
 * appendices as the core's appendix plan has them (the same plan the
 * workbook renders), laid out on A4 pages with Pango and drawn with
 * Cairo. The same pages go to the preview, the printer and the PDF.
 *
 * The form is ГОСТ Р 7.0.97's: the official serif face (PT Astra Serif,
 * Times New Roman or Liberation Serif, found with fontconfig and set as a
 * family), 14 pt text justified with a first-line indent of 1.25 cm,
 * margins left 20 (or 30) mm, right 10, top and bottom 20; page numbers
 * at the top centre from page 2; the signature's position on the left and
 * «И. О. Фамилия» on the right. Every appendix starts a new page with its
 * mark at the top right; a wide table gets landscape pages; tables break
 * across pages with their header repeated. Measuring and drawing use the
 * same unhinted metrics, so what is measured is what is drawn, at any
 * zoom. */
#define G_LOG_DOMAIN "shnor-order"

#include "config.h"
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "shnor-appendix-plan.h"
#include "shnor-error.h"
#include "shnor-files.h"
#include "shnor-fonts.h"
#include "shnor-order.h"
#include "shnor-russian.h"

#define MM        (72.0 / 25.4)
#define A4_SHORT  (210 * MM)
#define A4_LONG   (297 * MM)
#define RIGHT     (10 * MM)
#define TOP       (20 * MM)
#define BOTTOM    (20 * MM)
#define PAD       3.0
#define INDENT    (12.5 * MM)
#define BODY      14.0      /* the text of the order */
#define SMALL     12.0      /* tables, marks, the place */
#define KEEP      48.0      /* a title needs this much room below it */

typedef enum { PARAGRAPH, TABLE, BREAK } Kind;

typedef enum { CELL_LEFT, CELL_CENTER, CELL_RIGHT } CellAlign;

typedef struct {
  ShnorDocRowKind kind;
  gboolean        continued;
  GStrv           cells;
  CellAlign      *aligns;
} Row;

typedef struct {
  Kind            kind;
  /* a paragraph */
  char           *text;
  double          size;
  gboolean        bold;
  PangoAlignment  align;
  gboolean        justify;
  double          indent;      /* of the first line */
  double          left, width; /* fractions of the text's width */
  double          before, after;
  gboolean        keep;        /* with what follows */
  /* a table */
  guint           n_columns;
  double         *fractions;   /* the columns' shares of the width */
  GStrv           heads;       /* NULL: no header row */
  GPtrArray      *rows;        /* of Row */
  gboolean        borders;
  gboolean        bottom_last; /* the last column sits at the bottom (a signature) */
  double         *widths;      /* points, set when laid out */
  GArray         *heights;     /* of double, the rows' */
  double          head_height;
  /* a page break */
  gboolean        landscape;
} Block;

typedef struct {
  guint  block;
  guint  from, to;      /* a table's rows, or a paragraph's lines, on this page */
  double y;
} Placed;

typedef struct {
  gboolean  landscape;
  GArray   *placed;     /* of Placed */
} Page;

struct _ShnorOrder
{
  GPtrArray    *blocks;
  GPtrArray    *pages;        /* of Page */
  char         *family;
  double        left;         /* the left margin */
  GHashTable   *words;        /* the widths of the words measured */
  PangoContext *context;
};

static void
row_free (gpointer data)
{
  Row *row = data;

  g_strfreev (row->cells);
  g_free (row->aligns);
  g_free (row);
}

static void
block_free (gpointer data)
{
  Block *b = data;

  g_free (b->text);
  g_free (b->fractions);
  g_strfreev (b->heads);
  g_clear_pointer (&b->rows, g_ptr_array_unref);
  g_free (b->widths);
  g_clear_pointer (&b->heights, g_array_unref);
  g_free (b);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->placed);
  g_free (page);
}

static double
page_width (gboolean landscape)
{
  return landscape ? A4_LONG : A4_SHORT;
}

static double
page_height (gboolean landscape)
{
  return landscape ? A4_SHORT : A4_LONG;
}

static double
text_width (ShnorOrder *order,
            gboolean    landscape)
{
  return page_width (landscape) - order->left - RIGHT;
}

/* ---- blocks --------------------------------------------------------------- */

static Block *
paragraph (ShnorOrder     *order,
           const char     *text,
           double          size,
           gboolean        bold,
           PangoAlignment  align,
           double          after)
{
  Block *b = g_new0 (Block, 1);

  b->kind = PARAGRAPH;
  b->text = g_strdup (text ? text : "");
  b->size = size;
  b->bold = bold;
  b->align = align;
  b->after = after;
  b->width = 1;
  g_ptr_array_add (order->blocks, b);
  return b;
}

/* A justified paragraph with its first line indented, as orders are set */
static Block *
body (ShnorOrder *order,
      const char *text)
{
  Block *b = paragraph (order, text, BODY, FALSE, PANGO_ALIGN_LEFT, 0);

  b->justify = TRUE;
  b->indent = INDENT;
  return b;
}

static Block *
title (ShnorOrder *order,
       const char *text,
       double      size,
       double      after)
{
  Block *b = paragraph (order, text, size, TRUE, PANGO_ALIGN_CENTER, after);

  b->keep = TRUE;
  return b;
}

static void
page_break (ShnorOrder *order,
            gboolean    landscape)
{
  Block *b = g_new0 (Block, 1);

  b->kind = BREAK;
  b->landscape = landscape;
  g_ptr_array_add (order->blocks, b);
}

static Block *
table (ShnorOrder *order,
       guint       n_columns,
       double      size,
       gboolean    borders)
{
  Block *b = g_new0 (Block, 1);

  b->kind = TABLE;
  b->n_columns = MAX (n_columns, 1);
  b->fractions = g_new0 (double, b->n_columns);
  b->size = size;
  b->borders = borders;
  b->after = 10;
  b->rows = g_ptr_array_new_with_free_func (row_free);
  g_ptr_array_add (order->blocks, b);
  return b;
}

static Row *
add_row (Block          *b,
         ShnorDocRowKind kind)
{
  Row *row = g_new0 (Row, 1);

  row->kind = kind;
  row->cells = g_new0 (char *, b->n_columns + 1);
  row->aligns = g_new0 (CellAlign, b->n_columns);
  g_ptr_array_add (b->rows, row);
  return row;
}

/* ---- measuring ---------------------------------------------------------------- */

static PangoLayout *
layout_for (ShnorOrder *order,
            const char *text,
            double      size,
            gboolean    bold,
            double      width)
{
  PangoLayout *layout = pango_layout_new (order->context);
  PangoFontDescription *font = pango_font_description_new ();
  g_autofree char *bound = shnor_russian_bind_spaces (text);

  /* the family as a family: "Times New Roman" parsed from a string would
   * be the family "Times New" */
  pango_font_description_set_family (font, order->family);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, width > 0 ? (int) (MAX (width, 10) * PANGO_SCALE) : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, bound, -1);
  return layout;
}

static PangoLayout *
paragraph_layout (ShnorOrder  *order,
                  const Block *b,
                  gboolean     landscape)
{
  PangoLayout *layout = layout_for (order, b->text, b->size, b->bold, text_width (order, landscape) * b->width);

  pango_layout_set_alignment (layout, b->align);
  pango_layout_set_justify (layout, b->justify);
  if (b->indent > 0)
    pango_layout_set_indent (layout, (int) (b->indent * PANGO_SCALE));
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* The widest word of @text at @size: a column is never narrower, so that
 * no word is broken («8.1.1.1», «общеобразовательной»). Words are measured
 * once per order. */
static double
widest_word (ShnorOrder *order,
             const char *text,
             double      size,
             gboolean    bold)
{
  g_autofree char *bound = shnor_russian_bind_spaces (text);
  g_auto(GStrv) words = g_strsplit_set (bound, " \n", -1);
  double widest = 0;

  for (guint i = 0; words[i]; i++)
    if (words[i][0])
      {
        g_autofree char *key = g_strdup_printf ("%g%c%s", size, bold ? 'b' : 'r', words[i]);
        gpointer known = g_hash_table_lookup (order->words, key);
        double w;

        if (known != NULL)
          w = *(double *) known;
        else
          {
            g_autoptr(PangoLayout) layout = layout_for (order, words[i], size, bold, -1);
            int width;

            pango_layout_get_size (layout, &width, NULL);
            w = (double) width / PANGO_SCALE;
            g_hash_table_insert (order->words, g_steal_pointer (&key), g_memdup2 (&w, sizeof w));
          }
        widest = MAX (widest, w);
      }
  return widest;
}

/* The columns' widths on a page: their shares, but none narrower than its
 * widest word (a column's share of the width is at most taken to a third
 * of the page for it) */
static void
lay_out_columns (ShnorOrder *order,
                 Block      *b,
                 double      width)
{
  double *least = g_new0 (double, b->n_columns);

  for (guint c = 0; c < b->n_columns; c++)
    {
      if (b->heads != NULL)
        least[c] = widest_word (order, b->heads[c], b->size, TRUE);
      for (guint r = 0; r < b->rows->len; r++)
        {
          Row *row = b->rows->pdata[r];

          if (row->cells[c] != NULL && (row->kind != SHNOR_DOC_ROW_SECTION || row->cells[c + 1] != NULL))
            least[c] = MAX (least[c], widest_word (order, row->cells[c], b->size, row->kind != SHNOR_DOC_ROW_BODY));
        }
      least[c] = MIN (least[c] + 2 * PAD + 1, width * 0.3);
    }
  g_free (b->widths);
  b->widths = g_new0 (double, b->n_columns);
  for (guint c = 0; c < b->n_columns; c++)
    b->widths[c] = b->fractions[c] * width;
  /* the narrow columns get their least, the others share what is left */
  for (int pass = 0; pass < 8; pass++)
    {
      double fixed = 0, rest = 0;
      gboolean changed = FALSE;

      for (guint c = 0; c < b->n_columns; c++)
        {
          if (b->widths[c] < least[c] - 0.01)
            {
              b->widths[c] = least[c];
              changed = TRUE;
            }
          if (b->widths[c] <= least[c] + 0.01)
            fixed += b->widths[c];
          else
            rest += b->widths[c];
        }
      if (rest <= 0 || fabs (fixed + rest - width) < 0.01)
        break;
      for (guint c = 0; c < b->n_columns; c++)
        if (b->widths[c] > least[c] + 0.01)
          b->widths[c] *= (width - fixed) / rest;
      if (!changed && pass > 0)
        break;
    }
  g_free (least);
}

/* The cells a row draws: a section's last cell spans the columns after it */
static double
cell_width (const Block *b,
            const Row   *row,
            guint        c)
{
  double w = b->widths[c];
  guint last = 0;

  if (row == NULL || row->kind != SHNOR_DOC_ROW_SECTION)
    return w;
  for (guint k = 0; k < b->n_columns; k++)
    if (row->cells[k] != NULL)
      last = k;
  if (c == last)
    for (guint k = c + 1; k < b->n_columns; k++)
      w += b->widths[k];
  return w;
}

static double
row_height (ShnorOrder  *order,
            const Block *b,
            const Row   *row,
            const GStrv  cells,
            gboolean     bold)
{
  double height = 0;

  for (guint c = 0; c < b->n_columns && cells[c]; c++)
    if (cells[c][0])
      {
        g_autoptr(PangoLayout) layout = layout_for (order, cells[c], b->size, bold,
                                                    cell_width (b, row, c) - 2 * PAD);

        height = MAX (height, layout_height (layout));
      }
  return height + 2 * PAD;
}

static void
measure_table (ShnorOrder *order,
               Block      *b,
               double      width)
{
  lay_out_columns (order, b, width);
  g_clear_pointer (&b->heights, g_array_unref);
  b->heights = g_array_sized_new (FALSE, FALSE, sizeof (double), b->rows->len);
  for (guint r = 0; r < b->rows->len; r++)
    {
      const Row *row = b->rows->pdata[r];
      double h = row_height (order, b, row, row->cells, row->kind != SHNOR_DOC_ROW_BODY);

      g_array_append_val (b->heights, h);
    }
  b->head_height = b->heads ? row_height (order, b, NULL, b->heads, TRUE) : 0;
}

/* ---- pagination -------------------------------------------------------------- */

static Page *
new_page (ShnorOrder *order,
          gboolean    landscape)
{
  Page *page = g_new0 (Page, 1);

  page->landscape = landscape;
  page->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_ptr_array_add (order->pages, page);
  return page;
}

/* The tops of @layout's lines, and its height after the last */
static GArray *
line_tops (PangoLayout *layout)
{
  GArray *tops = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double bottom = 0;

  do
    {
      int y0, y1;
      double top;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = (double) y0 / PANGO_SCALE;
      g_array_append_val (tops, top);
      bottom = (double) y1 / PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_array_append_val (tops, bottom);
  return tops;
}

typedef struct {
  ShnorOrder *order;
  Page       *page;
  double      y;
} Cursor;

static void
cursor_break (Cursor   *at,
              gboolean  landscape)
{
  at->page = new_page (at->order, landscape);
  at->y = TOP;
}

static double
page_bottom (const Cursor *at)
{
  return page_height (at->page->landscape) - BOTTOM;
}

/* The height of the paragraphs after @index that keep with what follows
 * too (a table's introduction after its title): a title keeps them, and
 * the room for a table's first rows, on its page */
static double
kept_below (Cursor *at,
            guint   index)
{
  double height = 0;

  for (guint i = index + 1; i < at->order->blocks->len; i++)
    {
      Block *next = at->order->blocks->pdata[i];
      g_autoptr(PangoLayout) layout = NULL;
      g_autoptr(GArray) tops = NULL;

      if (next->kind != PARAGRAPH || !next->keep)
        break;
      layout = paragraph_layout (at->order, next, at->page->landscape);
      tops = line_tops (layout);
      height += next->before + g_array_index (tops, double, tops->len - 1);
    }
  return height;
}

/* A paragraph line by line: what does not fit goes on the next page (never
 * a single line of a longer paragraph alone at the bottom) */
static void
place_paragraph (Cursor *at,
                 guint   index)
{
  Block *b = at->order->blocks->pdata[index];
  g_autoptr(PangoLayout) layout = paragraph_layout (at->order, b, at->page->landscape);
  g_autoptr(GArray) tops = line_tops (layout);
  guint n = tops->len - 1, first = 0;
  double total = g_array_index (tops, double, n);

  if (at->page->placed->len > 0)
    at->y += b->before;
  if (b->keep && at->page->placed->len > 0 && at->y + total + kept_below (at, index) + KEEP > page_bottom (at))
    cursor_break (at, at->page->landscape);
  while (first < n)
    {
      double start = g_array_index (tops, double, first);
      guint last = first;
      Placed p;

      while (last < n && at->y + g_array_index (tops, double, last + 1) - start <= page_bottom (at))
        last++;
      if (last == first + 1 && n - first > 1 && at->page->placed->len > 0)
        last = first;                 /* no orphan line */
      if (last == first)
        {
          if (at->page->placed->len > 0 || at->y > TOP)
            {
              cursor_break (at, at->page->landscape);
              continue;
            }
          last = first + 1;           /* a line taller than a page */
        }
      p = (Placed) { index, first, last, at->y };
      g_array_append_val (at->page->placed, p);
      at->y += g_array_index (tops, double, last) - start;
      first = last;
      if (first < n)
        cursor_break (at, at->page->landscape);
    }
  at->y += b->after;
}

/* Splits the row @r of @b at a paragraph of its cells so that its first
 * part is at most @room high; the rest becomes a continuation row below.
 * FALSE when no paragraph boundary allows it. */
static gboolean
split_row (ShnorOrder *order,
           Block      *b,
           guint       r,
           double      room)
{
  Row *row = b->rows->pdata[r];
  g_auto(GStrv) first = g_new0 (char *, b->n_columns + 1);
  g_auto(GStrv) rest = g_new0 (char *, b->n_columns + 1);
  gboolean more = FALSE;
  Row *next;
  double h;

  if (row->kind == SHNOR_DOC_ROW_SECTION)
    return FALSE;
  for (guint c = 0; c < b->n_columns; c++)
    {
      g_auto(GStrv) paragraphs = g_strsplit (row->cells[c] ? row->cells[c] : "", "\n", -1);
      g_autoptr(GString) head = g_string_new (NULL);
      guint k;

      for (k = 0; paragraphs[k]; k++)
        {
          g_autoptr(PangoLayout) layout = NULL;
          gsize before = head->len;

          if (k > 0)
            g_string_append_c (head, '\n');
          g_string_append (head, paragraphs[k]);
          layout = layout_for (order, head->str, b->size, row->kind != SHNOR_DOC_ROW_BODY,
                               cell_width (b, row, c) - 2 * PAD);
          if (layout_height (layout) + 2 * PAD > room)
            {
              g_string_truncate (head, before);
              break;
            }
        }
      if (k == 0 && paragraphs[0] != NULL && paragraphs[0][0])
        return FALSE;           /* its first paragraph alone does not fit */
      first[c] = g_strdup (head->str);
      rest[c] = g_strjoinv ("\n", paragraphs + k);
      more |= rest[c][0] != '\0';
    }
  if (!more)
    return FALSE;
  next = g_new0 (Row, 1);
  next->kind = row->kind;
  next->continued = TRUE;
  next->cells = g_steal_pointer (&rest);
  next->aligns = g_memdup2 (row->aligns, sizeof (CellAlign) * b->n_columns);
  g_strfreev (row->cells);
  row->cells = g_steal_pointer (&first);
  g_ptr_array_insert (b->rows, (int) r + 1, next);
  h = row_height (order, b, row, row->cells, row->kind != SHNOR_DOC_ROW_BODY);
  g_array_index (b->heights, double, r) = h;
  h = row_height (order, b, next, next->cells, next->kind != SHNOR_DOC_ROW_BODY);
  g_array_insert_val (b->heights, r + 1, h);
  return TRUE;
}

/* A table row by row, its header again at the top of every page; a row
 * that does not fit at the bottom of a page goes on over the next one at a
 * paragraph of its text */
static void
place_table (Cursor *at,
             guint   index)
{
  Block *b = at->order->blocks->pdata[index];
  Placed p = { index, 0, 0, at->y };

  measure_table (at->order, b, text_width (at->order, at->page->landscape));
  for (guint r = 0; r < b->rows->len; r++)
    {
      double h = g_array_index (b->heights, double, r);
      double head = p.to == p.from ? b->head_height : 0;

      /* only a tall row is split: a short one moves whole */
      if (at->y + head + h > page_bottom (at) && h > (page_bottom (at) - TOP) / 4 &&
          page_bottom (at) - at->y - head > 3 * b->size &&
          split_row (at->order, b, r, page_bottom (at) - at->y - head))
        h = g_array_index (b->heights, double, r);
      if (at->y + head + h > page_bottom (at) && (p.to > p.from || at->page->placed->len > 0 || at->y > TOP))
        {
          if (p.to > p.from)
            g_array_append_val (at->page->placed, p);
          cursor_break (at, at->page->landscape);
          p = (Placed) { index, r, r, at->y };
          head = b->head_height;
        }
      at->y += head + h;
      p.to = r + 1;
    }
  if (p.to > p.from || b->rows->len == 0)
    g_array_append_val (at->page->placed, p);
  if (b->rows->len == 0)
    at->y += b->head_height;
  at->y += b->after;
}

static void
paginate (ShnorOrder *order)
{
  Cursor at = { order, new_page (order, FALSE), TOP };

  for (guint i = 0; i < order->blocks->len; i++)
    {
      Block *b = order->blocks->pdata[i];

      if (b->kind == BREAK)
        cursor_break (&at, b->landscape);
      else if (b->kind == PARAGRAPH)
        place_paragraph (&at, i);
      else
        place_table (&at, i);
    }
}

/* ---- the order ------------------------------------------------------------------- */

static char *
order_text (ShnorDocument *document,
            gint64         id,
            const char    *key)
{
  char *text = shnor_document_dup_order_text (document, id, key);

  return g_strstrip (text ? text : g_strdup (""));
}

static void
compose_order (ShnorOrder        *order,
               ShnorDocument     *document,
               gint64             id,
               ShnorAppendixPlan *plan)
{
  g_autofree char *authority = shnor_document_dup_setting (document, "authority");
  g_autofree char *place = order_text (document, id, "place");
  g_autofree char *heading = order_text (document, id, "title");
  g_autofree char *preamble = order_text (document, id, "preamble");
  g_autofree char *points = order_text (document, id, "points");
  g_autofree char *position = order_text (document, id, "position");
  g_autofree char *signatory = order_text (document, id, "signatory");
  g_autofree char *number = g_strdup_printf ("№ %s", plan->number && plan->number[0] ? plan->number : "____");
  g_auto(GStrv) lines = g_strsplit (points, "\n", -1);
  Block *b;
  Row *row;
  guint n = 0;

  if (plan->draft)
    paragraph (order, "ПРОЕКТ", SMALL, FALSE, PANGO_ALIGN_RIGHT, 6);
  if (authority != NULL && g_strstrip (authority)[0])
    paragraph (order, authority, BODY, TRUE, PANGO_ALIGN_CENTER, 14);
  paragraph (order, "ПРИКАЗ", 16, TRUE, PANGO_ALIGN_CENTER, 14);
  /* the date on the left, the number on the right */
  b = table (order, 2, BODY, FALSE);
  b->fractions[0] = b->fractions[1] = 0.5;
  b->after = 4;
  row = add_row (b, SHNOR_DOC_ROW_BODY);
  row->cells[0] = g_strdup (plan->date && plan->date[0] ? plan->date : "__.__.____");
  row->cells[1] = g_strdup (number);
  row->aligns[1] = CELL_RIGHT;
  if (place[0])
    paragraph (order, place, SMALL, FALSE, PANGO_ALIGN_CENTER, 18);
  else
    b->after = 18;
  title (order, heading, BODY, 14);
  if (preamble[0])
    body (order, preamble);
  paragraph (order, "ПРИКАЗЫВАЮ:", BODY, FALSE, PANGO_ALIGN_LEFT, 4)->before = 6;
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *point = NULL;

      if (g_strstrip (lines[i])[0] == '\0')
        continue;
      point = g_strdup_printf ("%u. %s", ++n, lines[i]);
      body (order, point);
    }
  /* the position on the left, «И. О. Фамилия» on the right at its last line */
  b = table (order, 2, BODY, FALSE);
  b->fractions[0] = 0.62;
  b->fractions[1] = 0.38;
  b->bottom_last = TRUE;
  row = add_row (b, SHNOR_DOC_ROW_BODY);
  row->cells[0] = g_strdup (position);
  row->cells[1] = g_strdup (signatory);
  row->aligns[1] = CELL_RIGHT;
  /* room for the signature */
  ((Block *) g_ptr_array_index (order->blocks, order->blocks->len - 2))->after = 36;
}

/* ---- the appendices ------------------------------------------------------------ */

static CellAlign
align_of (ShnorDocKind kind)
{
  switch (kind)
    {
    case SHNOR_DOC_INTEGER:
    case SHNOR_DOC_DATE:
      return CELL_CENTER;
    case SHNOR_DOC_NUMBER:
    case SHNOR_DOC_MONEY:
      return CELL_RIGHT;
    default:
      return CELL_LEFT;
    }
}

static void
compose_table (ShnorOrder          *order,
               const ShnorDocTable *doc)
{
  Block *b = table (order, doc->columns->len, SMALL, TRUE);
  double total = 0;

  for (guint c = 0; c < doc->columns->len; c++)
    total += g_array_index (doc->columns, ShnorDocColumn, c).width;
  for (guint c = 0; c < doc->columns->len; c++)
    b->fractions[c] = g_array_index (doc->columns, ShnorDocColumn, c).width / MAX (total, 1);
  if (doc->header)
    {
      b->heads = g_new0 (char *, doc->columns->len + 1);
      for (guint c = 0; c < doc->columns->len; c++)
        b->heads[c] = g_strdup (g_array_index (doc->columns, ShnorDocColumn, c).head);
    }
  for (guint r = 0; r < doc->rows->len; r++)
    {
      const ShnorDocRow *source = doc->rows->pdata[r];
      Row *row = add_row (b, source->kind);

      row->continued = source->continued;
      for (guint c = 0; c < source->cells->len && c < b->n_columns; c++)
        {
          const ShnorDocCell *cell = source->cells->pdata[c];

          row->cells[c] = g_strdup (cell->text);
          row->aligns[c] = align_of (cell->kind);
        }
      /* an empty cell is still a cell (not the end of the row) */
      for (guint c = 0; c < b->n_columns && source->kind != SHNOR_DOC_ROW_SECTION; c++)
        if (row->cells[c] == NULL)
          row->cells[c] = g_strdup ("");
    }
}

static void
compose_appendix (ShnorOrder        *order,
                  ShnorAppendixPlan *plan,
                  ShnorAppendix     *appendix)
{
  g_autofree char *mark = shnor_appendix_plan_dup_mark (plan, appendix);
  gboolean landscape = ((ShnorDocTable *) appendix->tables->pdata[0])->landscape;
  Block *b;

  page_break (order, landscape);
  b = paragraph (order, mark, SMALL, FALSE, PANGO_ALIGN_LEFT, 18);
  b->left = 0.55;
  b->width = 0.45;
  title (order, appendix->title, BODY, 12);
  for (guint t = 0; t < appendix->tables->len; t++)
    {
      const ShnorDocTable *doc = appendix->tables->pdata[t];

      if (doc->landscape != landscape)
        {
          landscape = doc->landscape;
          page_break (order, landscape);
        }
      if (doc->title != NULL)
        title (order, doc->title, 13, 8)->before = 8;
      /* an introduction stays with its table, a little above it */
      for (guint i = 0; i < doc->intro->len; i++)
        {
          Block *intro = body (order, doc->intro->pdata[i]);

          intro->keep = doc->columns->len > 0 && doc->rows->len > 0;
          if (intro->keep && i + 1 == doc->intro->len)
            intro->after = 6;
        }
      if (doc->columns->len > 0 && doc->rows->len > 0)
        compose_table (order, doc);
    }
}

/**
 * shnor_order_new:
 *
 * Returns: (transfer full): the order approving the programme @id with
 * its appendices, laid out in pages; NULL with @error when there is no
 * such programme.
 */
ShnorOrder *
shnor_order_new (ShnorDocument  *document,
                 gint64          id,
                 GError        **error)
{
  g_autoptr(ShnorAppendixPlan) plan = NULL;
  g_autofree char *font = NULL;
  g_autofree char *margin = NULL;
  cairo_font_options_t *options;
  ShnorOrder *order;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), NULL);
  plan = shnor_appendix_plan_new_programme (document, id, error);
  if (plan == NULL)
    return NULL;
  order = g_new0 (ShnorOrder, 1);
  font = shnor_document_dup_setting (document, "document_font");
  order->family = shnor_fonts_resolve (font);
  margin = shnor_document_dup_setting (document, "margin_left");
  order->left = (g_strcmp0 (margin, "30") == 0 ? 30 : 20) * MM;
  order->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (order->context, 72);
  /* unhinted, unrounded metrics: the same lines at every scale, so that
   * the preview is the page and no text runs into the next row */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (order->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (order->context, FALSE);
  order->blocks = g_ptr_array_new_with_free_func (block_free);
  order->pages = g_ptr_array_new_with_free_func (page_free);
  order->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  compose_order (order, document, id, plan);
  for (guint a = 0; a < plan->appendices->len; a++)
    compose_appendix (order, plan, plan->appendices->pdata[a]);
  paginate (order);
  return order;
}

void
shnor_order_free (ShnorOrder *order)
{
  if (order == NULL)
    return;
  g_ptr_array_unref (order->blocks);
  g_ptr_array_unref (order->pages);
  g_hash_table_unref (order->words);
  g_object_unref (order->context);
  g_free (order->family);
  g_free (order);
}

guint
shnor_order_get_n_pages (ShnorOrder *order)
{
  g_return_val_if_fail (order != NULL, 0);
  return order->pages->len;
}

/* The size of the page @page in points: A4, portrait or landscape */
void
shnor_order_get_page_size (ShnorOrder *order,
                           guint       page,
                           double     *width,
                           double     *height)
{
  gboolean landscape;

  g_return_if_fail (order != NULL && page < order->pages->len);
  landscape = ((Page *) order->pages->pdata[page])->landscape;
  *width = page_width (landscape);
  *height = page_height (landscape);
}

/* The face the pages are set in */
const char *
shnor_order_get_family (ShnorOrder *order)
{
  g_return_val_if_fail (order != NULL, NULL);
  return order->family;
}

/* ---- drawing ------------------------------------------------------------------------ */

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_update_layout (cr, layout);
  pango_cairo_show_layout (cr, layout);
}

/* The lines @from … @to of a paragraph, the first at @y */
static void
draw_lines (ShnorOrder  *order,
            cairo_t     *cr,
            const Block *b,
            gboolean     landscape,
            guint        from,
            guint        to,
            double       y)
{
  g_autoptr(PangoLayout) layout = paragraph_layout (order, b, landscape);
  PangoLayoutIter *iter;
  double x = order->left + text_width (order, landscape) * b->left;
  double start = 0;
  guint i = 0;

  pango_cairo_update_layout (cr, layout);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      int y0;

      pango_layout_iter_get_line_yrange (iter, &y0, NULL);
      if (i == from)
        start = (double) y0 / PANGO_SCALE;
      if (i >= from && i < to)
        {
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                         y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - start);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (i < to && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
line (cairo_t *cr,
      double   x0,
      double   y0,
      double   x1,
      double   y1)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

/* A row at @y: its cells (a header's centred and bold), its borders; a
 * continued row has no line above it, a row continued below none below */
static double
draw_row (ShnorOrder  *order,
          cairo_t     *cr,
          const Block *b,
          const Row   *row,
          GStrv        cells,
          double       h,
          double       y,
          gboolean     top,
          gboolean     bottom)
{
  gboolean head = row == NULL;
  double x = order->left;

  for (guint c = 0; c < b->n_columns; c++)
    {
      double w = cell_width (b, row, c);

      if (cells[c] != NULL && cells[c][0])
        {
          g_autoptr(PangoLayout) layout = layout_for (order, cells[c], b->size,
                                                      head || row->kind != SHNOR_DOC_ROW_BODY, w - 2 * PAD);
          CellAlign align = head ? CELL_CENTER : row->aligns[c];
          double dy = PAD;

          pango_layout_set_alignment (layout, align == CELL_CENTER ? PANGO_ALIGN_CENTER
                                              : align == CELL_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
          if (b->bottom_last && c == b->n_columns - 1)
            dy = h - PAD - layout_height (layout);
          show_layout (cr, layout, x + PAD, y + dy);
        }
      if (b->borders && (cells[c] != NULL || head || row->kind != SHNOR_DOC_ROW_SECTION))
        {
          line (cr, x, y, x, y + h);
          if (top)
            line (cr, x, y, x + w, y);
          if (bottom)
            line (cr, x, y + h, x + w, y + h);
          line (cr, x + w, y, x + w, y + h);
        }
      x += w;
      if (row != NULL && row->kind == SHNOR_DOC_ROW_SECTION && w > b->widths[c])
        break;
    }
  return h;
}

static void
draw_table (ShnorOrder   *order,
            cairo_t      *cr,
            const Block  *b,
            const Placed *p)
{
  double y = p->y;

  if (b->heads != NULL)
    y += draw_row (order, cr, b, NULL, b->heads, b->head_height, y, TRUE, TRUE);
  for (guint r = p->from; r < p->to; r++)
    {
      const Row *row = b->rows->pdata[r];
      gboolean next_continues = r + 1 < p->to && ((Row *) b->rows->pdata[r + 1])->continued;

      y += draw_row (order, cr, b, row, row->cells, g_array_index (b->heights, double, r), y,
                     !row->continued || r == p->from, !next_continues);
    }
}

/**
 * shnor_order_draw_page:
 * @page: from 0
 *
 * Draws the page at 1 unit = 1 point from the origin: A4, portrait or
 * landscape (shnor_order_get_page_size()).
 */
void
shnor_order_draw_page (ShnorOrder *order,
                       cairo_t    *cr,
                       guint       page)
{
  Page *at;
  double width, height;

  g_return_if_fail (order != NULL && page < order->pages->len);
  at = order->pages->pdata[page];
  shnor_order_get_page_size (order, page, &width, &height);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  if (page > 0)
    {
      g_autofree char *number = g_strdup_printf ("%u", page + 1);
      g_autoptr(PangoLayout) layout = layout_for (order, number, SMALL, FALSE, text_width (order, at->landscape));

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      show_layout (cr, layout, order->left, TOP / 2 - SMALL / 2);
    }
  for (guint i = 0; i < at->placed->len; i++)
    {
      const Placed *p = &g_array_index (at->placed, Placed, i);
      const Block *b = order->blocks->pdata[p->block];

      if (b->kind == PARAGRAPH)
        draw_lines (order, cr, b, at->landscape, p->from, p->to, p->y);
      else if (b->kind == TABLE)
        draw_table (order, cr, b, p);
    }
  cairo_restore (cr);
}

/* The pages as a PDF, written beside @path and renamed over it. */
gboolean
shnor_order_write_pdf (ShnorOrder  *order,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *part = shnor_part_path (path);
  cairo_surface_t *surface = cairo_pdf_surface_create (part, A4_SHORT, A4_LONG);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Shnor");
  for (guint p = 0; p < order->pages->len; p++)
    {
      double width, height;

      shnor_order_get_page_size (order, p, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      shnor_order_draw_page (order, cr, p);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (part);
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The PDF could not be written to “%s”: %s."), path,
                   status == CAIRO_STATUS_WRITE_ERROR ? _("the file cannot be written there (the folder does not "
                                                          "exist or may not be written, or the disk is full)")
                   : status == CAIRO_STATUS_NO_MEMORY ? _("there is not enough memory")
                   : cairo_status_to_string (status));
      return FALSE;
    }
  return shnor_commit_part (part, path, error);
}

gboolean
shnor_export_order_pdf (ShnorDocument  *document,
                        gint64          id,
                        const char     *path,
                        GError        **error)
{
  g_autoptr(ShnorOrder) order = shnor_order_new (document, id, error);

  return order != NULL && shnor_document_check_reads (document, error) && shnor_order_write_pdf (order, path, error);
}
