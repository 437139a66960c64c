/* test-chart.c: the chart renderer on an image surface, no display */
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "shnor-chart.h"
#include "shnor-error.h"
#include "test-util.h"

#define W 560
#define H 360

static ShnorChartData *
sample (gboolean with_values)
{
  ShnorChartData *d = shnor_chart_data_new (3);
  const double school[] = { 42, 48.5, 55 }, municipal[] = { 50, 51, 52 }, below[] = { 20, 12, 5 };

  d->title = g_strdup ("ЕГЭ, Математика, 11 класс");
  d->y_min = 0;
  d->y_max = 100;
  for (guint i = 0; i < 3; i++)
    {
      d->years[i] = 2024 + (int) i;
      d->known[SHNOR_SERIES_SCHOOL][i] = with_values;
      d->value[SHNOR_SERIES_SCHOOL][i] = school[i];
      d->known[SHNOR_SERIES_MUNICIPAL][i] = with_values;
      d->value[SHNOR_SERIES_MUNICIPAL][i] = municipal[i];
      d->known[SHNOR_SERIES_BELOW][i] = with_values;
      d->value[SHNOR_SERIES_BELOW][i] = below[i];
    }
  d->known[SHNOR_SERIES_REGIONAL][2] = with_values;
  d->value[SHNOR_SERIES_REGIONAL][2] = 54;
  return d;
}

static cairo_surface_t *
render (const ShnorChartData *d)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_t *cr = cairo_create (s);

  shnor_chart_draw (cr, W, H, d);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  return s;
}

static void
pixel (cairo_surface_t *s,
       int              x,
       int              y,
       double          *rgb)
{
  guint32 p = *(guint32 *) (cairo_image_surface_get_data (s) + y * cairo_image_surface_get_stride (s) + x * 4);

  rgb[0] = ((p >> 16) & 0xff) / 255.0;
  rgb[1] = ((p >> 8) & 0xff) / 255.0;
  rgb[2] = (p & 0xff) / 255.0;
}

static gboolean
near_colour (const double *a,
             const double *b)
{
  return fabs (a[0] - b[0]) < 0.06 && fabs (a[1] - b[1]) < 0.06 && fabs (a[2] - b[2]) < 0.06;
}

static void
save_png (cairo_surface_t *s,
          const char      *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  cairo_surface_write_to_png (s, path);
}

static void
test_school_points (void)
{
  g_autoptr(ShnorChartData) d = sample (TRUE);
  cairo_surface_t *s = render (d);
  double school[3], got[3];

  shnor_chart_series_colour (SHNOR_SERIES_SCHOOL, FALSE, school);
  for (guint i = 0; i < 3; i++)
    {
      double x, y;

      g_assert_true (shnor_chart_point (d, W, H, SHNOR_SERIES_SCHOOL, i, &x, &y));
      pixel (s, (int) x, (int) y, got);
      g_assert_true (near_colour (got, school));
    }
  /* Higher values are higher up. */
  {
    double x0, y0, x2, y2;

    shnor_chart_point (d, W, H, SHNOR_SERIES_SCHOOL, 0, &x0, &y0);
    shnor_chart_point (d, W, H, SHNOR_SERIES_SCHOOL, 2, &x2, &y2);
    g_assert_cmpfloat (x2, >, x0);
    g_assert_cmpfloat (y2, <, y0);
  }
  save_png (s, "chart-light.png");
  cairo_surface_destroy (s);
}

/* The series never paint outside the plot area: the chart with data and
 * the chart without differ only inside it. */
static void
test_clipped_to_plot (void)
{
  g_autoptr(ShnorChartData) full = sample (TRUE);
  g_autoptr(ShnorChartData) empty = sample (FALSE);
  cairo_surface_t *a, *b;
  ShnorRect plot = shnor_chart_plot_area (full, W, H);
  guint inside = 0;

  /* Values beyond the scale too. */
  full->value[SHNOR_SERIES_SCHOOL][0] = 250;
  full->value[SHNOR_SERIES_MUNICIPAL][1] = -40;
  a = render (full);
  b = render (empty);
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      {
        double pa[3], pb[3];

        pixel (a, x, y, pa);
        pixel (b, x, y, pb);
        if (near_colour (pa, pb))
          continue;
        g_assert_true (x >= plot.x && x < plot.x + plot.width && y >= plot.y && y < plot.y + plot.height);
        inside++;
      }
  g_assert_cmpuint (inside, >, 500);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_no_data (void)
{
  g_autoptr(ShnorChartData) d = sample (FALSE);
  cairo_surface_t *s = render (d);
  ShnorRect plot = shnor_chart_plot_area (d, W, H);
  double school[3], bg[3], got[3];
  guint text_pixels = 0;

  shnor_chart_series_colour (SHNOR_SERIES_SCHOOL, FALSE, school);
  pixel (s, 2, 2, bg);
  for (int y = (int) plot.y; y < plot.y + plot.height; y++)
    for (int x = (int) plot.x; x < plot.x + plot.width; x++)
      {
        pixel (s, x, y, got);
        g_assert_false (near_colour (got, school));
        if (fabs (y - (plot.y + plot.height / 2)) < 10 && fabs (x - (plot.x + plot.width / 2)) < 100 &&
            !near_colour (got, bg) && got[0] < 0.8)
          text_pixels++;
      }
  /* The "no results" message is written in the middle. */
  g_assert_cmpuint (text_pixels, >, 50);
  save_png (s, "chart-empty.png");
  cairo_surface_destroy (s);
}

static void
test_hover_and_dark (void)
{
  g_autoptr(ShnorChartData) d = sample (TRUE);
  ShnorRect plot = shnor_chart_plot_area (d, W, H);
  double x, y, bg[3];
  cairo_surface_t *s;

  shnor_chart_point (d, W, H, SHNOR_SERIES_SCHOOL, 1, &x, &y);
  g_assert_cmpint (shnor_chart_hit_test (d, W, H, x + 3, plot.y + 5), ==, 1);
  g_assert_cmpint (shnor_chart_hit_test (d, W, H, plot.x + 1, plot.y + 1), ==, 0);
  g_assert_cmpint (shnor_chart_hit_test (d, W, H, 2, 2), ==, -1);

  d->hover = 1;
  d->dark = TRUE;
  s = render (d);
  pixel (s, 2, 2, bg);
  g_assert_cmpfloat (bg[0], <, 0.3);
  save_png (s, "chart-dark-hover.png");
  cairo_surface_destroy (s);
}

static void
test_save_formats (void)
{
  g_autoptr(ShnorChartData) d = sample (TRUE);
  g_autofree char *dir = test_tmpdir ();
  static const char *names[] = { "График.png", "График.svg", "График.pdf" };
  static const char *magic[] = { "\x89PNG", "<?xml", "%PDF" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (shnor_chart_save (d, path, 800, 450, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      g_assert_true (g_str_has_prefix (contents, magic[i]));
    }

  {
    g_autofree char *bad = g_build_filename (dir, "График.bmp", NULL);
    g_autofree char *nowhere = g_build_filename (dir, "нет папки", "График.png", NULL);

    g_assert_false (shnor_chart_save (d, bad, 800, 450, &error));
    g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (shnor_chart_save (d, nowhere, 800, 450, &error));
    g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_IO);
  }
  test_rm_rf (dir);
}


/* The steps of an axis are round: 1, 2, 2,5 or 5 times a power of ten,
 * the smallest within the number of steps asked for. */
static void
test_axis_steps (void)
{
  static const struct { double min, max; int steps; double step; } cases[] = {
    { 2, 5, 6, 0.5 },      /* marks: 2; 2,5; 3 … not 2; 2,6; 3,2 */
    { 2, 5, 3, 1 },        /* small multiples: 2, 3, 4, 5 */
    { 0, 100, 5, 20 },
    { 0, 100, 4, 25 },
    { 0, 100, 3, 50 },
    { 0, 32, 6, 10 },      /* ОГЭ in primary scores */
    { 0, 1, 5, 0.2 },
    { 3.5, 4.1, 6, 0.1 },
    { 0, 1500, 6, 250 },
    { 0, 0.03, 6, 0.005 },
    { 0, 0, 6, 1 },        /* no span: any step will do */
    { 5, 2, 6, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double step = shnor_chart_axis_step (cases[i].min, cases[i].max, cases[i].steps);

      g_test_message ("%g … %g in %d: %g", cases[i].min, cases[i].max, cases[i].steps, step);
      g_assert_cmpfloat_with_epsilon (step, cases[i].step, cases[i].step * 1e-9);
    }
  /* whatever the span, the step is round and within the steps asked */
  for (double span = 0.013; span < 1e6; span *= 1.37)
    for (int steps = 2; steps <= 8; steps++)
      {
        double step = shnor_chart_axis_step (0, span, steps);
        double mantissa = step / pow (10, floor (log10 (step) + 1e-9));

        g_assert_cmpfloat (span / step, <=, steps + 1e-9);
        g_assert_true (fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 ||
                       fabs (mantissa - 2.5) < 1e-9 || fabs (mantissa - 5) < 1e-9);
        /* and the smallest such: the next smaller round step would not do */
        g_assert_cmpfloat (span / (step * 0.4999), >, steps);
      }
}

/* One year: its bar below the threshold is narrow, not the plot's width */
static void
test_single_year_bar (void)
{
  g_autoptr(ShnorChartData) d = shnor_chart_data_new (1);
  ShnorRect plot = shnor_chart_plot_area (d, W, H);
  double below[3], got[3], x, y;
  cairo_surface_t *s;
  guint bar = 0;

  d->years[0] = 2026;
  d->known[SHNOR_SERIES_BELOW][0] = TRUE;
  d->value[SHNOR_SERIES_BELOW][0] = 60;
  s = render (d);
  shnor_chart_series_colour (SHNOR_SERIES_BELOW, FALSE, below);
  g_assert_true (shnor_chart_point (d, W, H, SHNOR_SERIES_BELOW, 0, &x, &y));
  for (int px = (int) plot.x; px < plot.x + plot.width; px++)
    {
      double tint[3];

      pixel (s, px, (int) (plot.y + plot.height - 5), got);
      /* the bar is the series colour at 45 % over white */
      for (int c = 0; c < 3; c++)
        tint[c] = 1 - 0.45 * (1 - below[c]);
      bar += near_colour (got, tint);
    }
  g_assert_cmpuint (bar, >, 10);
  g_assert_cmpuint (bar, <=, 50);
  save_png (s, "chart-one-year.png");
  cairo_surface_destroy (s);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/chart/school-points", test_school_points);
  g_test_add_func ("/chart/clipped-to-plot", test_clipped_to_plot);
  g_test_add_func ("/chart/no-data", test_no_data);
  g_test_add_func ("/chart/hover-and-dark", test_hover_and_dark);
  g_test_add_func ("/chart/save-formats", test_save_formats);
  g_test_add_func ("/chart/axis-steps", test_axis_steps);
  g_test_add_func ("/chart/single-year-bar", test_single_year_bar);
  return g_test_run ();
}
