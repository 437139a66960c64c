/* shnor-chart.c: the school's mean against the municipal and regional
 * means (lines, left axis, the scale of the kind) and the share of results
 * below the threshold (bars, right axis, 0–100 %).
 *
 * The series differ by colour (Okabe–Ito, safe for colour-blind readers),
 * by dash and by marker shape, so the chart reads in grey print too. */
#define G_LOG_DOMAIN "shnor-chart"

#include "config.h"
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "shnor-chart.h"
#include "shnor-error.h"
#include "shnor-files.h"
#include "shnor-number.h"

#define MARGIN_LEFT   64
#define MARGIN_RIGHT  56
#define MARGIN_TOP    58
#define MARGIN_BOTTOM 78

ShnorChartData *
shnor_chart_data_new (guint n_years)
{
  ShnorChartData *data = g_new0 (ShnorChartData, 1);

  data->n_years = n_years;
  data->years = g_new0 (int, MAX (n_years, 1));
  for (guint s = 0; s < SHNOR_N_SERIES; s++)
    {
      data->known[s] = g_new0 (gboolean, MAX (n_years, 1));
      data->value[s] = g_new0 (double, MAX (n_years, 1));
    }
  data->y_max = 100;
  data->hover = -1;
  return data;
}

void
shnor_chart_data_free (ShnorChartData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->subtitle);
  g_free (data->kind);
  g_free (data->years);
  for (guint s = 0; s < SHNOR_N_SERIES; s++)
    {
      g_free (data->known[s]);
      g_free (data->value[s]);
    }
  g_free (data);
}

/**
 * shnor_chart_data_for_school:
 * @max_years: how many of the latest years to show; 0 for all
 *
 * The chart of one school in one assessment, with the municipal mean
 * computed from all schools and the regional mean where entered.
 */
ShnorChartData *
shnor_chart_data_for_school (ShnorDocument *document,
                             gint64         school_id,
                             const char    *kind,
                             const char    *subject,
                             int            grade,
                             guint          max_years)
{
  g_autoptr(GArray) years = shnor_document_get_assessment_years (document, kind, subject, grade);
  g_autoptr(GArray) results = shnor_document_get_results (document, school_id);
  guint first = 0, n;
  ShnorChartData *data;
  double min = 0, max = 100;

  if (max_years > 0 && years->len > max_years)
    first = years->len - max_years;
  n = years->len - first;
  data = shnor_chart_data_new (n);
  shnor_document_get_scale (document, kind, subject, grade, &min, &max);
  data->y_min = min;
  data->y_max = max;
  data->title = g_strdup_printf (_("%s, %s, grade %d"), kind, subject, grade);
  data->kind = g_strdup (kind);

  for (guint i = 0; i < n; i++)
    {
      const ShnorAssessmentYear *y = &g_array_index (years, ShnorAssessmentYear, first + i);

      data->years[i] = y->year;
      data->known[SHNOR_SERIES_MUNICIPAL][i] = y->has_mean;
      data->value[SHNOR_SERIES_MUNICIPAL][i] = y->mean;
      data->known[SHNOR_SERIES_REGIONAL][i] = y->has_regional;
      data->value[SHNOR_SERIES_REGIONAL][i] = y->regional;
      for (guint r = 0; r < results->len; r++)
        {
          const ShnorResult *res = &g_array_index (results, ShnorResult, r);

          if (res->year != y->year || res->grade != grade ||
              !g_str_equal (res->kind, kind) || !g_str_equal (res->subject, subject))
            continue;
          data->known[SHNOR_SERIES_SCHOOL][i] = res->has_mean;
          data->value[SHNOR_SERIES_SCHOOL][i] = res->mean;
          data->known[SHNOR_SERIES_BELOW][i] = res->has_below && res->participants > 0;
          data->value[SHNOR_SERIES_BELOW][i] = res->participants ? 100.0 * res->below / res->participants : 0;
        }
    }
  return data;
}

const char *
shnor_chart_series_label (ShnorSeries series)
{
  switch (series)
    {
    case SHNOR_SERIES_SCHOOL:    return _("School mean");
    case SHNOR_SERIES_MUNICIPAL: return _("Municipal mean");
    case SHNOR_SERIES_REGIONAL:  return _("Regional mean");
    case SHNOR_SERIES_BELOW:     return _("Below the threshold, %");
    default:                     return "";
    }
}

/* Okabe–Ito: blue, orange, bluish green, reddish purple; lighter on dark. */
void
shnor_chart_series_colour (ShnorSeries  series,
                           gboolean     dark,
                           double      *rgb)
{
  static const double light[SHNOR_N_SERIES][3] = {
    { 0.000, 0.447, 0.698 }, { 0.902, 0.624, 0.000 }, { 0.000, 0.620, 0.451 }, { 0.800, 0.475, 0.655 },
  };
  static const double darkc[SHNOR_N_SERIES][3] = {
    { 0.337, 0.706, 0.914 }, { 0.941, 0.753, 0.267 }, { 0.200, 0.800, 0.620 }, { 0.878, 0.620, 0.769 },
  };

  for (int i = 0; i < 3; i++)
    rgb[i] = dark ? darkc[series][i] : light[series][i];
}

ShnorRect
shnor_chart_plot_area (const ShnorChartData *data,
                       int                   width,
                       int                   height)
{
  double left = data->compact ? 40 : MARGIN_LEFT, right = data->compact ? 12 : MARGIN_RIGHT;
  double top = data->compact ? 30 : MARGIN_TOP, bottom = data->compact ? 26 : MARGIN_BOTTOM;
  ShnorRect r = { left, top, MAX (width - left - right, 10), MAX (height - top - bottom, 10) };

  return r;
}

static double
x_of (const ShnorChartData *data,
      ShnorRect             plot,
      guint                 index)
{
  /* Each year is the centre of a band, so bars and points line up. */
  return plot.x + plot.width * (index + 0.5) / MAX (data->n_years, 1);
}

/* Where the point of @series for year @index lies; FALSE when unknown. */
gboolean
shnor_chart_point (const ShnorChartData *data,
                   int                   width,
                   int                   height,
                   ShnorSeries           series,
                   guint                 index,
                   double               *x,
                   double               *y)
{
  ShnorRect plot = shnor_chart_plot_area (data, width, height);
  double min = series == SHNOR_SERIES_BELOW ? 0 : data->y_min;
  double max = series == SHNOR_SERIES_BELOW ? 100 : data->y_max;
  double v;

  if (index >= data->n_years || !data->known[series][index])
    return FALSE;
  v = CLAMP (data->value[series][index], min, max);
  *x = x_of (data, plot, index);
  *y = plot.y + plot.height * (1 - (v - min) / (max - min));
  return TRUE;
}

/* The index of the year under (@x, @y), or -1 outside the plot. */
int
shnor_chart_hit_test (const ShnorChartData *data,
                      int                   width,
                      int                   height,
                      double                x,
                      double                y)
{
  ShnorRect plot = shnor_chart_plot_area (data, width, height);
  int index;

  if (data->n_years == 0 || x < plot.x || x > plot.x + plot.width || y < plot.y || y > plot.y + plot.height)
    return -1;
  index = (int) ((x - plot.x) / plot.width * data->n_years);
  return CLAMP (index, 0, (int) data->n_years - 1);
}

/* ---- drawing -------------------------------------------------------- */

typedef enum { ALIGN_LEFT, ALIGN_CENTRE, ALIGN_RIGHT } Align;

/* The text in the chart's face; the caller unrefs it */
static PangoLayout *
layout_for (cairo_t    *cr,
            const char *string,
            double      size,
            gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, string, -1);
  pango_font_description_free (font);
  return layout;
}

static void
text (cairo_t    *cr,
      const char *string,
      double      x,
      double      y,
      Align       align,
      double      size,
      gboolean    bold)
{
  PangoLayout *layout = layout_for (cr, string, size, bold);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, align == ALIGN_LEFT ? x : align == ALIGN_CENTRE ? x - w / 2.0 : x - w, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/* Bold, left-aligned, cut with "…" beyond @max_width */
static void
text_limited (cairo_t    *cr,
              const char *string,
              double      x,
              double      y,
              double      max_width,
              double      size)
{
  PangoLayout *layout = layout_for (cr, string, size, TRUE);
  int h;

  pango_layout_set_width (layout, (int) (MAX (max_width, 10) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, NULL, &h);
  cairo_move_to (cr, x, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
set_colour (cairo_t  *cr,
            gboolean  dark,
            double    light_grey,
            double    dark_grey)
{
  double g = dark ? dark_grey : light_grey;

  cairo_set_source_rgb (cr, g, g, g);
}

static void
series_style (cairo_t     *cr,
              ShnorSeries  series,
              gboolean     dark)
{
  static const double dash_municipal[] = { 8, 4 };
  static const double dash_regional[] = { 2, 4 };
  double rgb[3];

  shnor_chart_series_colour (series, dark, rgb);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_set_line_width (cr, series == SHNOR_SERIES_SCHOOL ? 3 : 2);
  if (series == SHNOR_SERIES_MUNICIPAL)
    cairo_set_dash (cr, dash_municipal, 2, 0);
  else if (series == SHNOR_SERIES_REGIONAL)
    cairo_set_dash (cr, dash_regional, 2, 0);
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

/* Circle, square, triangle: the markers tell the series apart in grey. */
static void
marker (cairo_t     *cr,
        ShnorSeries  series,
        double       x,
        double       y)
{
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_new_sub_path (cr);
  if (series == SHNOR_SERIES_SCHOOL)
    cairo_arc (cr, x, y, 5, 0, 2 * G_PI);
  else if (series == SHNOR_SERIES_MUNICIPAL)
    cairo_rectangle (cr, x - 4, y - 4, 8, 8);
  else
    {
      cairo_move_to (cr, x, y - 5);
      cairo_line_to (cr, x + 5, y + 4);
      cairo_line_to (cr, x - 5, y + 4);
      cairo_close_path (cr);
    }
  cairo_fill (cr);
}

/**
 * shnor_chart_axis_step:
 * @max_steps: at most this many steps from @min to @max
 *
 * The step between the labels of an axis: a round number, 1, 2, 2,5 or 5
 * times a power of ten (2; 2,5; 3 … rather than 2; 2,6; 3,2), the
 * smallest that needs no more than @max_steps steps.
 */
double
shnor_chart_axis_step (double min,
                       double max,
                       int    max_steps)
{
  static const double mantissas[] = { 1, 2, 2.5, 5, 10 };
  double span = max - min, magnitude;

  if (!(span > 0) || !isfinite (span) || max_steps < 1)
    return 1;
  magnitude = pow (10, floor (log10 (span / max_steps)));
  for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
    if (span / (mantissas[i] * magnitude) <= max_steps + 1e-9)
      return mantissas[i] * magnitude;
  return 10 * magnitude;
}

/* The decimals a label needs at @step: 0,5 one, 2,5 one, 0,25 two */
static int
step_decimals (double step)
{
  for (int d = 0; d < 6; d++)
    {
      double scaled = step * pow (10, d);

      if (fabs (scaled - round (scaled)) < 1e-6)
        return d;
    }
  return 6;
}

/* A mean as the chart writes it: with the decimals of its kind */
static char *
mean_text (const ShnorChartData *data,
           double                value)
{
  return data->kind != NULL ? shnor_number_format_mean (value, data->kind) : shnor_format_double (value, 2);
}

static double
y_of (ShnorRect plot,
      double    value,
      double    min,
      double    max)
{
  return plot.y + plot.height * (1 - (value - min) / (max - min));
}

/* Labels at round steps on both axes: the left one (the mean, with the
 * grid lines) and the right one (the share below the threshold, %). */
static void
draw_axes (cairo_t              *cr,
           const ShnorChartData *data,
           ShnorRect             plot)
{
  int steps = data->compact ? 3 : MAX (2, MIN (6, (int) (plot.height / 40)));
  double size = data->compact ? 10 : 11;
  double step = shnor_chart_axis_step (data->y_min, data->y_max, steps);
  double pct_step = shnor_chart_axis_step (0, 100, steps);
  int decimals = step_decimals (step);

  cairo_set_line_width (cr, 1);
  for (double v = ceil (data->y_min / step - 1e-9) * step; v <= data->y_max + step * 1e-6; v += step)
    {
      double y = y_of (plot, v, data->y_min, data->y_max);
      g_autofree char *l = shnor_number_format (v, decimals, SHNOR_NUMBER_PLAIN);

      set_colour (cr, data->dark, 0.88, 0.30);
      cairo_move_to (cr, plot.x, floor (y) + 0.5);
      cairo_line_to (cr, plot.x + plot.width, floor (y) + 0.5);
      cairo_stroke (cr);
      set_colour (cr, data->dark, 0.30, 0.80);
      text (cr, l, plot.x - 6, y, ALIGN_RIGHT, size, FALSE);
    }
  if (!data->compact)
    for (double v = 0; v <= 100 + 1e-6; v += pct_step)
      {
        double y = y_of (plot, v, 0, 100);
        g_autofree char *r = shnor_number_format (v, 0, SHNOR_NUMBER_PLAIN);

        set_colour (cr, data->dark, 0.60, 0.55);
        cairo_move_to (cr, plot.x + plot.width, floor (y) + 0.5);
        cairo_line_to (cr, plot.x + plot.width + 4, floor (y) + 0.5);
        cairo_stroke (cr);
        set_colour (cr, data->dark, 0.30, 0.80);
        text (cr, r, plot.x + plot.width + 8, y, ALIGN_LEFT, size, FALSE);
      }
  set_colour (cr, data->dark, 0.30, 0.80);
  for (guint i = 0; i < data->n_years; i++)
    {
      g_autofree char *year = g_strdup_printf ("%d", data->years[i]);

      text (cr, year, x_of (data, plot, i), plot.y + plot.height + (data->compact ? 12 : 14),
            ALIGN_CENTRE, data->compact ? 10 : 12, FALSE);
    }
  if (data->compact)
    return;
  set_colour (cr, data->dark, 0.40, 0.70);
  text (cr, _("mean"), plot.x - 8, plot.y - 14, ALIGN_RIGHT, 11, FALSE);
  text (cr, "%", plot.x + plot.width + 8, plot.y - 14, ALIGN_LEFT, 11, FALSE);
}

static void
draw_bars (cairo_t              *cr,
           const ShnorChartData *data,
           ShnorRect             plot,
           int                   width,
           int                   height)
{
  /* three fifths of a year's band, but no wider than in a chart of
   * several years: a single year is a narrow bar, not a slab */
  double band = MIN (plot.width / MAX (data->n_years, 1), 80);
  double rgb[3];

  shnor_chart_series_colour (SHNOR_SERIES_BELOW, data->dark, rgb);
  for (guint i = 0; i < data->n_years; i++)
    {
      double x, y;

      if (!shnor_chart_point (data, width, height, SHNOR_SERIES_BELOW, i, &x, &y))
        continue;
      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.45);
      cairo_rectangle (cr, x - band * 0.3, y, band * 0.6, plot.y + plot.height - y);
      cairo_fill (cr);
    }
}

static void
draw_line (cairo_t              *cr,
           const ShnorChartData *data,
           ShnorSeries           series,
           int                   width,
           int                   height)
{
  gboolean pen_down = FALSE;
  double x, y;

  series_style (cr, series, data->dark);
  for (guint i = 0; i < data->n_years; i++)
    {
      if (!shnor_chart_point (data, width, height, series, i, &x, &y))
        {
          pen_down = FALSE;   /* a missing year breaks the line */
          continue;
        }
      if (pen_down)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      pen_down = TRUE;
    }
  cairo_stroke (cr);
  for (guint i = 0; i < data->n_years; i++)
    if (shnor_chart_point (data, width, height, series, i, &x, &y))
      marker (cr, series, x, y);
}

static double
text_width (cairo_t    *cr,
            const char *string,
            double      size,
            gboolean    bold)
{
  PangoLayout *layout = layout_for (cr, string, size, bold);
  int w;

  pango_layout_get_pixel_size (layout, &w, NULL);
  g_object_unref (layout);
  return w;
}

/**
 * shnor_chart_draw_legend:
 * @series: the series to show, 1 << ShnorSeries each
 *
 * The key of the series from (@x, @y) rightwards, wrapping to another row
 * before @width: the chart draws it under its plot, the small multiples
 * once above all of them.
 */
void
shnor_chart_draw_legend (cairo_t  *cr,
                         double    x,
                         double    y,
                         int       width,
                         gboolean  dark,
                         guint     series)
{
  double left = x;

  for (ShnorSeries s = 0; s < SHNOR_N_SERIES; s++)
    {
      const char *label = shnor_chart_series_label (s);
      double item = 28 + text_width (cr, label, 11, FALSE) + 18;
      double rgb[3];

      if (!(series & (1u << s)))
        continue;
      if (x + item > width - 8 && x > left)
        {
          x = left;
          y += 20;
        }
      if (s == SHNOR_SERIES_BELOW)
        {
          shnor_chart_series_colour (s, dark, rgb);
          cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.45);
          cairo_rectangle (cr, x, y - 6, 22, 12);
          cairo_fill (cr);
        }
      else
        {
          series_style (cr, s, dark);
          cairo_move_to (cr, x, y);
          cairo_line_to (cr, x + 22, y);
          cairo_stroke (cr);
          marker (cr, s, x + 11, y);
        }
      set_colour (cr, dark, 0.20, 0.90);
      text (cr, label, x + 28, y, ALIGN_LEFT, 11, FALSE);
      x += item;
    }
}

/* Below the year labels, wrapping to a second row on a narrow chart. */
static void
draw_legend (cairo_t              *cr,
             const ShnorChartData *data,
             ShnorRect             plot,
             int                   width)
{
  shnor_chart_draw_legend (cr, MARGIN_LEFT, plot.y + plot.height + 38, width, data->dark,
                           (1u << SHNOR_N_SERIES) - 1);
}

/* ШНОР and ШНСУ by the title of a small multiple, in their badges'
 * colours, with their words: they read in grey too */
static double
draw_group_marks (cairo_t              *cr,
                  const ShnorChartData *data,
                  double                right,
                  double                y)
{
  static const struct { ShnorGroup group; double rgb[3]; } marks[] = {
    { SHNOR_GROUP_SOCIAL, { 0.506, 0.239, 0.612 } },
    { SHNOR_GROUP_LOW, { 0.753, 0.110, 0.157 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      const char *word = shnor_group_badge (marks[i].group);
      double w = text_width (cr, word, 10, TRUE) + 10;

      if (!(data->groups & (1u << marks[i].group)))
        continue;
      right -= w;
      cairo_set_source_rgb (cr, marks[i].rgb[0], marks[i].rgb[1], marks[i].rgb[2]);
      cairo_new_sub_path (cr);
      cairo_arc (cr, right + 6, y - 2, 6, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (cr, right + w - 6, y - 2, 6, 3 * G_PI / 2, G_PI / 2);
      cairo_close_path (cr);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      text (cr, word, right + 5, y - 2, ALIGN_LEFT, 10, TRUE);
      right -= 4;
    }
  return right;
}

static void
draw_hover (cairo_t              *cr,
            const ShnorChartData *data,
            ShnorRect             plot,
            int                   width,
            int                   height)
{
  double x = x_of (data, plot, (guint) data->hover);
  double box_x, box_y = plot.y + 8, line = 18;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (lines, g_strdup_printf ("%d", data->years[data->hover]));
  for (ShnorSeries s = 0; s < SHNOR_N_SERIES; s++)
    if (data->known[s][data->hover])
      {
        g_autofree char *v = s == SHNOR_SERIES_BELOW ? shnor_number_format_percent (data->value[s][data->hover], 1)
                                                     : mean_text (data, data->value[s][data->hover]);

        g_ptr_array_add (lines, g_strdup_printf ("%s: %s", s == SHNOR_SERIES_BELOW ? _("Below the threshold")
                                                                                   : shnor_chart_series_label (s), v));
      }

  set_colour (cr, data->dark, 0.55, 0.60);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, floor (x) + 0.5, plot.y);
  cairo_line_to (cr, floor (x) + 0.5, plot.y + plot.height);
  cairo_stroke (cr);

  box_x = x + 10 + 230 > plot.x + plot.width ? x - 10 - 230 : x + 10;
  cairo_rectangle (cr, box_x, box_y, 230, 10 + line * lines->len);
  set_colour (cr, data->dark, 1.0, 0.18);
  cairo_fill_preserve (cr);
  set_colour (cr, data->dark, 0.70, 0.45);
  cairo_stroke (cr);
  for (guint i = 0; i < lines->len; i++)
    {
      set_colour (cr, data->dark, 0.10, 0.95);
      text (cr, lines->pdata[i], box_x + 10, box_y + 14 + line * i, ALIGN_LEFT, 12, i == 0);
    }
}

/**
 * shnor_chart_draw:
 *
 * Paints the chart into @width × @height of @cr. The series are clipped
 * to the plot area; with no data at all, the plot says so.
 */
void
shnor_chart_draw (cairo_t              *cr,
                  int                   width,
                  int                   height,
                  const ShnorChartData *data)
{
  ShnorRect plot = shnor_chart_plot_area (data, width, height);
  gboolean any = FALSE;

  g_return_if_fail (cr != NULL && data != NULL);

  cairo_save (cr);
  set_colour (cr, data->dark, 1.0, 0.14);
  cairo_paint (cr);

  if (data->compact)
    {
      /* the marks at the right, the name in what they leave */
      double marks = draw_group_marks (cr, data, width - 6, 14);

      set_colour (cr, data->dark, 0.10, 0.95);
      if (data->title != NULL)
        text_limited (cr, data->title, 6, 12, marks - 10, 13);
    }
  else if (data->title != NULL)
    {
      set_colour (cr, data->dark, 0.10, 0.95);
      text (cr, data->title, MARGIN_LEFT, 18, ALIGN_LEFT, 15, TRUE);
    }
  if (data->subtitle != NULL && !data->compact)
    text (cr, data->subtitle, MARGIN_LEFT, 38, ALIGN_LEFT, 12, FALSE);

  for (ShnorSeries s = 0; s < SHNOR_N_SERIES; s++)
    for (guint i = 0; i < data->n_years; i++)
      any |= data->known[s][i];

  draw_axes (cr, data, plot);
  if (!data->compact)
    draw_legend (cr, data, plot, width);

  cairo_save (cr);
  cairo_rectangle (cr, plot.x, plot.y, plot.width, plot.height);
  cairo_clip (cr);
  if (!any)
    {
      set_colour (cr, data->dark, 0.45, 0.65);
      text (cr, _("No results for these years"), plot.x + plot.width / 2, plot.y + plot.height / 2,
            ALIGN_CENTRE, data->compact ? 10 : 16, FALSE);
    }
  else
    {
      draw_bars (cr, data, plot, width, height);
      draw_line (cr, data, SHNOR_SERIES_REGIONAL, width, height);
      draw_line (cr, data, SHNOR_SERIES_MUNICIPAL, width, height);
      draw_line (cr, data, SHNOR_SERIES_SCHOOL, width, height);
    }
  cairo_restore (cr);

  if (any && data->hover >= 0 && (guint) data->hover < data->n_years)
    draw_hover (cr, data, plot, width, height);
  cairo_restore (cr);
}

/* ---- files ---------------------------------------------------------- */

static cairo_status_t
write_stream (void                *closure,
              const unsigned char *bytes,
              unsigned int         length)
{
  return fwrite (bytes, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/**
 * shnor_cairo_save:
 * @draw: draws the picture at the size asked
 *
 * Writes a picture as PNG, SVG or PDF, by the ending of @path, through a
 * temporary file: a failure leaves no half-written picture.
 */
gboolean
shnor_cairo_save (const char     *path,
                  int             width,
                  int             height,
                  ShnorDrawFunc   draw,
                  gconstpointer   data,
                  GError        **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *part = shnor_part_path (path);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  FILE *f;

  g_return_val_if_fail (data != NULL && path != NULL, FALSE);

  if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg") && !g_str_has_suffix (lower, ".pdf"))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("Choose a name ending in .png, .svg or .pdf."));
      return FALSE;
    }
  f = g_fopen (part, "wb");
  if (f == NULL)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The picture cannot be written there: %s."),
                   g_strerror (errno));
      return FALSE;
    }

  if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create_for_stream (write_stream, f, width, height);
  else if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create_for_stream (write_stream, f, width, height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  draw (cr, width, height, data);
  cairo_destroy (cr);
  if (g_str_has_suffix (lower, ".png"))
    status = cairo_surface_write_to_png_stream (surface, write_stream, f);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (fclose (f) != 0 && status == CAIRO_STATUS_SUCCESS)
    status = CAIRO_STATUS_WRITE_ERROR;

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (part);
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The picture could not be written: %s."),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return shnor_commit_part (part, path, error);
}

static void
draw_chart (cairo_t       *cr,
            int            width,
            int            height,
            gconstpointer  data)
{
  shnor_chart_draw (cr, width, height, data);
}

/* Writes the chart as PNG, SVG or PDF (see shnor_cairo_save()). */
gboolean
shnor_chart_save (const ShnorChartData  *data,
                  const char            *path,
                  int                    width,
                  int                    height,
                  GError               **error)
{
  g_return_val_if_fail (data != NULL && path != NULL, FALSE);
  return shnor_cairo_save (path, width, height, draw_chart, data, error);
}
