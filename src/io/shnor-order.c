/* shnor-order.c: the order (приказ) that approves a programme, with its
 * appendices — the programme's passport, its road map and the lists of
 * the schools — laid out on A4 pages with Pango and drawn with Cairo. The
 * same pages go to the preview, the printer and the PDF: margins left
 * 20 mm, right 10 mm, top and bottom 20 mm; page numbers at the top centre
 * from page 2; every appendix from a new page with its mark; tables break
 * across pages with their header repeated. */
#define G_LOG_DOMAIN "shnor-order"

#include "config.h"
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "shnor-error.h"
#include "shnor-files.h"
#include "shnor-order.h"

#define MM        (72.0 / 25.4)
#define PAGE_W    (210 * MM)
#define PAGE_H    (297 * MM)
#define LEFT      (20 * MM)
#define RIGHT     (10 * MM)
#define TOP       (20 * MM)
#define BOTTOM    (20 * MM)
#define CONTENT_W (PAGE_W - LEFT - RIGHT)
#define PAD       3.0
#define INDENT    (12.5 * MM)

typedef enum { PARAGRAPH, TABLE, PAGE_BREAK } Kind;

typedef struct {
  Kind            kind;
  char           *text;       /* a paragraph */
  double          size;
  gboolean        bold;
  PangoAlignment  align;
  gboolean        justify;
  gboolean        indent;     /* the first line */
  double          after;      /* space below, points */
  guint           n_columns;  /* a table */
  double          widths[8];  /* fractions of the width */
  gboolean        borders;
  GPtrArray      *rows;       /* of GStrv; the first is the header when @header */
  gboolean        header;
  GArray         *heights;    /* of double: each row's, measured once */
} Block;

typedef struct {
  guint  block;
  guint  from, to;            /* a table's rows on this page, header not counted */
  double y;
} Placed;

struct _ShnorOrder
{
  GPtrArray    *blocks;
  GPtrArray    *pages;        /* of GArray of Placed */
  char         *font;
  PangoContext *context;
};

static void
block_free (gpointer data)
{
  Block *b = data;

  g_free (b->text);
  g_clear_pointer (&b->rows, g_ptr_array_unref);
  g_clear_pointer (&b->heights, g_array_unref);
  g_free (b);
}

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
  g_ptr_array_add (order->blocks, b);
  return b;
}

/* A justified paragraph with its first line indented, as orders are set */
static void
body (ShnorOrder *order,
      const char *text)
{
  Block *b = paragraph (order, text, 13, FALSE, PANGO_ALIGN_LEFT, 4);

  b->justify = TRUE;
  b->indent = TRUE;
}

static Block *
table (ShnorOrder   *order,
       const double *widths,
       guint         n_columns,
       gboolean      borders,
       gboolean      header)
{
  Block *b = g_new0 (Block, 1);

  b->kind = TABLE;
  b->n_columns = MIN (n_columns, G_N_ELEMENTS (b->widths));
  memcpy (b->widths, widths, b->n_columns * sizeof (double));
  b->borders = borders;
  b->header = header;
  b->size = 11;
  b->after = 8;
  b->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (order->blocks, b);
  return b;
}

static void
row (Block      *table_block,
     const char *first,
     ...)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_strv_builder_add (builder, cell);
  va_end (args);
  g_ptr_array_add (table_block->rows, g_strv_builder_end (builder));
  g_strv_builder_unref (builder);
}

static void
page_break (ShnorOrder *order)
{
  Block *b = g_new0 (Block, 1);

  b->kind = PAGE_BREAK;
  g_ptr_array_add (order->blocks, b);
}

/* ---- measuring ------------------------------------------------------------ */

static PangoLayout *
layout_for (ShnorOrder *order,
            const char *text,
            double      size,
            gboolean    bold,
            double      width)
{
  PangoLayout *layout = pango_layout_new (order->context);
  PangoFontDescription *font = pango_font_description_from_string (order->font);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (MAX (width, 10) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static PangoLayout *
paragraph_layout (ShnorOrder  *order,
                  const Block *b)
{
  PangoLayout *layout = layout_for (order, b->text, b->size, b->bold, CONTENT_W);

  pango_layout_set_alignment (layout, b->align);
  pango_layout_set_justify (layout, b->justify);
  if (b->indent)
    pango_layout_set_indent (layout, (int) (INDENT * PANGO_SCALE));
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static double
paragraph_height (ShnorOrder  *order,
                  const Block *b)
{
  g_autoptr(PangoLayout) layout = paragraph_layout (order, b);

  return layout_height (layout) + b->after;
}

static double
row_height (ShnorOrder  *order,
            const Block *b,
            guint        r)
{
  GStrv cells = b->rows->pdata[r];
  double height = 0;

  if (b->heights != NULL && r < b->heights->len)
    return g_array_index (b->heights, double, r);

  for (guint c = 0; c < b->n_columns && cells[c]; c++)
    {
      g_autoptr(PangoLayout) layout = layout_for (order, cells[c], b->size, b->header && r == 0,
                                                  b->widths[c] * CONTENT_W - 2 * PAD);

      height = MAX (height, layout_height (layout));
    }
  return height + 2 * PAD;
}

/* ---- pagination ------------------------------------------------------------ */

static GArray *
new_page (ShnorOrder *order)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Placed));

  g_ptr_array_add (order->pages, page);
  return page;
}

static void
paginate (ShnorOrder *order)
{
  GArray *page = new_page (order);
  double y = TOP, bottom = PAGE_H - BOTTOM;

  for (guint i = 0; i < order->blocks->len; i++)
    {
      Block *b = order->blocks->pdata[i];

      if (b->kind == PAGE_BREAK)
        {
          page = new_page (order);
          y = TOP;
        }
      else if (b->kind == PARAGRAPH)
        {
          double h = paragraph_height (order, b);
          Placed p = { i, 0, 0, 0 };

          if (y + h > bottom && page->len > 0)
            {
              page = new_page (order);
              y = TOP;
            }
          p.y = y;
          g_array_append_val (page, p);
          y += h;
        }
      else
        {
          guint first = b->header ? 1 : 0;
          double head;

          /* the layout of a row is measured here once, and drawn from that */
          b->heights = g_array_sized_new (FALSE, FALSE, sizeof (double), b->rows->len);
          for (guint r = 0; r < b->rows->len; r++)
            {
              double h = row_height (order, b, r);

              g_array_append_val (b->heights, h);
            }
          head = b->header && b->rows->len > 0 ? row_height (order, b, 0) : 0;
          Placed p = { i, first, first, y };

          for (guint r = first; r < b->rows->len; r++)
            {
              double h = row_height (order, b, r);

              /* the header is repeated at the top of every page */
              if (y + (p.to == p.from ? head : 0) + h > bottom && (p.to > p.from || page->len > 0))
                {
                  if (p.to > p.from)
                    g_array_append_val (page, p);
                  page = new_page (order);
                  y = TOP;
                  p.from = p.to = r;
                  p.y = y;
                }
              if (p.to == p.from)
                y += head;
              y += h;
              p.to = r + 1;
            }
          if (p.to > p.from || b->rows->len <= first)
            g_array_append_val (page, p);
          y += b->after + (p.to == p.from ? head : 0);
        }
    }
}

/* ---- the order's contents ------------------------------------------------- */

static char *
setting (ShnorDocument *document,
         const char    *key)
{
  char *value = shnor_document_dup_setting (document, key);

  return value ? value : g_strdup ("");
}

static void
compose_order (ShnorOrder    *order,
               ShnorDocument *document,
               gint64         id,
               const char    *date,
               const char    *number)
{
  static const double date_line[] = { 0.5, 0.5 };
  g_autofree char *authority = setting (document, "authority");
  g_autofree char *upper = g_utf8_strup (authority, -1);
  g_autofree char *place = shnor_document_dup_order_text (document, id, "place");
  g_autofree char *title = shnor_document_dup_order_text (document, id, "title");
  g_autofree char *preamble = shnor_document_dup_order_text (document, id, "preamble");
  g_autofree char *points = shnor_document_dup_order_text (document, id, "points");
  g_autofree char *position = shnor_document_dup_order_text (document, id, "position");
  g_autofree char *signatory = shnor_document_dup_order_text (document, id, "signatory");
  g_autofree char *when = date[0] ? g_strdup_printf (_("of %s"), date) : g_strdup (_("of «___» ________ 20__"));
  g_autofree char *no = g_strdup_printf (_("No. %s"), number[0] ? number : "____");
  g_auto(GStrv) lines = g_strsplit (points, "\n", -1);
  Block *b;
  guint n = 0;

  paragraph (order, upper, 12, TRUE, PANGO_ALIGN_CENTER, 18);
  paragraph (order, _("ORDER"), 15, TRUE, PANGO_ALIGN_CENTER, 12);
  b = table (order, date_line, 2, FALSE, FALSE);
  row (b, when, no, NULL);
  b->size = 13;
  paragraph (order, place, 12, FALSE, PANGO_ALIGN_CENTER, 18);
  paragraph (order, title, 13, TRUE, PANGO_ALIGN_CENTER, 14);
  body (order, preamble);
  paragraph (order, _("I ORDER:"), 13, TRUE, PANGO_ALIGN_LEFT, 4);
  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *point = NULL;

      if (g_strstrip (lines[i])[0] == '\0')
        continue;
      point = g_strdup_printf ("%u. %s", ++n, lines[i]);
      body (order, point);
    }
  paragraph (order, "", 13, FALSE, PANGO_ALIGN_LEFT, 24);
  b = table (order, date_line, 2, FALSE, FALSE);
  row (b, position, signatory, NULL);
  b->size = 13;
}

/* «Приложение № N к приказу от … № …», top right of the appendix's page */
static void
appendix_mark (ShnorOrder *order,
               int         number,
               const char *date,
               const char *no)
{
  g_autofree char *mark = date[0] ? g_strdup_printf (_("Appendix No. %d\nto the order of %s No. %s"), number, date, no)
                                  : g_strdup_printf (_("Appendix No. %d\nto the order (draft)"), number);

  page_break (order);
  paragraph (order, mark, 12, FALSE, PANGO_ALIGN_RIGHT, 14);
}

static void
compose_passport (ShnorOrder    *order,
                  ShnorDocument *document,
                  gint64         id)
{
  static const double widths[] = { 0.32, 0.68 };
  guint n_fields;
  const ShnorField *fields = shnor_programme_fields (&n_fields);
  g_autofree char *title = shnor_document_dup_programme_text (document, id, "title");
  Block *b;

  paragraph (order, title, 13, TRUE, PANGO_ALIGN_CENTER, 10);
  paragraph (order, _("Passport of the programme"), 13, TRUE, PANGO_ALIGN_CENTER, 8);
  b = table (order, widths, 2, TRUE, TRUE);
  row (b, _("Section of the passport"), _("Content"), NULL);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *text = shnor_document_dup_programme_text (document, id, fields[i].column);

      if (!g_str_equal (fields[i].column, "analysis"))
        row (b, _(fields[i].label), text, NULL);
    }
}

static void
compose_roadmap (ShnorOrder    *order,
                 ShnorDocument *document,
                 gint64         id)
{
  static const double widths[] = { 0.08, 0.38, 0.16, 0.18, 0.20 };
  g_autoptr(GArray) measures = shnor_document_get_roadmap (document, id, NULL);
  g_autoptr(GArray) people = shnor_document_get_people (document);
  int period = shnor_measure_field_index ("period_text");
  Block *b;

  paragraph (order, _("Road map of the programme"), 13, TRUE, PANGO_ALIGN_CENTER, 8);
  b = table (order, widths, 5, TRUE, TRUE);
  row (b, _("No."), _("Measure"), _("Levels"), _("Period"), _("Responsible"), NULL);
  for (guint i = 0; i < measures->len; i++)
    {
      const ShnorMeasure *m = &g_array_index (measures, ShnorMeasure, i);
      g_autofree char *levels = shnor_levels_describe (m->levels);
      g_autofree char *names = shnor_measure_dup_responsible (m, people);

      row (b, m->number, m->texts[0], levels, m->texts[period], names, NULL);
    }
  if (measures->len == 0)
    row (b, "", _("The road map has no measures."), "", "", "", NULL);
}

static void
compose_lists (ShnorOrder    *order,
               ShnorDocument *document)
{
  static const double widths[] = { 0.08, 0.14, 0.48, 0.30 };
  g_autoptr(ShnorClassification) classification = shnor_document_classify (document);
  GListModel *schools = shnor_document_get_schools (document);

  paragraph (order, _("Lists of schools"), 13, TRUE, PANGO_ALIGN_CENTER, 8);
  for (ShnorGroup g = 0; g < SHNOR_N_GROUPS; g++)
    {
      Block *b;
      guint n = 0;

      paragraph (order, shnor_group_label (g), 13, TRUE, PANGO_ALIGN_LEFT, 4);
      b = table (order, widths, 4, TRUE, TRUE);
      row (b, _("No."), _("Code"), _("School"), _("Settlement"), NULL);
      for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
        {
          g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);
          g_autofree char *code = NULL;
          g_autofree char *settlement = NULL;
          g_autofree char *number = NULL;

          if (!(shnor_classification_get_groups (classification, shnor_school_get_id (school)) & (1u << g)))
            continue;
          code = shnor_school_dup_text (school, "code");
          settlement = shnor_school_dup_text (school, "settlement");
          number = g_strdup_printf ("%u", ++n);
          row (b, number, code, shnor_school_get_display_name (school), settlement, NULL);
        }
      if (n == 0)
        row (b, "", "", _("No school"), "", NULL);
    }
}

/**
 * shnor_order_new:
 *
 * Returns: (transfer full): the order approving the programme @id with
 * its three appendices, laid out in pages; NULL with @error when there is
 * no such programme.
 */
ShnorOrder *
shnor_order_new (ShnorDocument  *document,
                 gint64          id,
                 GError        **error)
{
  g_autoptr(ShnorProgramme) programme = NULL;
  g_autofree char *font = NULL;
  g_autofree char *date = NULL;
  g_autofree char *number = NULL;
  ShnorOrder *order;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), NULL);
  programme = shnor_document_dup_programme (document, id);
  if (programme == NULL)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("There is no programme %s in the file (see --list-programmes)."), text);
      return NULL;
    }
  order = g_new0 (ShnorOrder, 1);
  font = shnor_document_dup_setting (document, "document_font");
  order->font = g_strdup (font && font[0] ? font : "Times New Roman");
  order->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (order->context, 72);
  order->blocks = g_ptr_array_new_with_free_func (block_free);
  order->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  date = shnor_document_dup_programme_text (document, id, "order_date");
  number = shnor_document_dup_programme_text (document, id, "order_number");
  compose_order (order, document, id, date, number);
  appendix_mark (order, 1, date, number);
  compose_passport (order, document, id);
  appendix_mark (order, 2, date, number);
  compose_roadmap (order, document, id);
  appendix_mark (order, 3, date, number);
  compose_lists (order, document);
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
  g_object_unref (order->context);
  g_free (order->font);
  g_free (order);
}

guint
shnor_order_get_n_pages (ShnorOrder *order)
{
  g_return_val_if_fail (order != NULL, 0);
  return order->pages->len;
}

/* ---- drawing ----------------------------------------------------------------- */

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

static double
draw_row (ShnorOrder  *order,
          cairo_t     *cr,
          const Block *b,
          guint        r,
          double       y)
{
  GStrv cells = b->rows->pdata[r];
  double h = row_height (order, b, r), x = LEFT;

  for (guint c = 0; c < b->n_columns; c++)
    {
      double w = b->widths[c] * CONTENT_W;

      if (cells[c] != NULL && cells[c][0])
        {
          g_autoptr(PangoLayout) layout = layout_for (order, cells[c], b->size, b->header && r == 0, w - 2 * PAD);

          if (!b->borders && c == b->n_columns - 1)
            pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
          if (b->header && r == 0)
            pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
          show_layout (cr, layout, x + PAD, y + PAD);
        }
      if (b->borders)
        {
          cairo_rectangle (cr, x, y, w, h);
          cairo_stroke (cr);
        }
      x += w;
    }
  return h;
}

/**
 * shnor_order_draw_page:
 * @page: from 0
 *
 * Draws the page at 1 unit = 1 point, A4 (595 × 842) from the origin.
 */
void
shnor_order_draw_page (ShnorOrder *order,
                       cairo_t    *cr,
                       guint       page)
{
  GArray *placed;

  g_return_if_fail (order != NULL && page < order->pages->len);
  placed = order->pages->pdata[page];
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, PAGE_W, PAGE_H);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  if (page > 0)
    {
      g_autofree char *number = g_strdup_printf ("%u", page + 1);
      g_autoptr(PangoLayout) layout = layout_for (order, number, 11, FALSE, CONTENT_W);

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      show_layout (cr, layout, LEFT, TOP / 2 - 6);
    }
  for (guint i = 0; i < placed->len; i++)
    {
      const Placed *p = &g_array_index (placed, Placed, i);
      const Block *b = order->blocks->pdata[p->block];

      if (b->kind == PARAGRAPH)
        {
          g_autoptr(PangoLayout) layout = paragraph_layout (order, b);

          show_layout (cr, layout, LEFT, p->y);
        }
      else if (b->kind == TABLE)
        {
          double y = p->y;

          if (b->header && b->rows->len > 0)
            y += draw_row (order, cr, b, 0, y);
          for (guint r = p->from; r < p->to; r++)
            y += draw_row (order, cr, b, r, y);
        }
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
  cairo_surface_t *surface = cairo_pdf_surface_create (part, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  for (guint p = 0; p < order->pages->len; p++)
    {
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
                   cairo_status_to_string (status));
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
