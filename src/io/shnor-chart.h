/* shnor-chart.h: the trend chart of one assessment, drawn with Cairo by
 * one function for the widget, the PNG/SVG/PDF files and print */
#pragma once

#include <cairo.h>
#include "shnor-document.h"

G_BEGIN_DECLS

typedef enum {
  SHNOR_SERIES_SCHOOL,
  SHNOR_SERIES_MUNICIPAL,
  SHNOR_SERIES_REGIONAL,
  SHNOR_SERIES_BELOW,      /* share below the threshold, %: bars on the right axis */
  SHNOR_N_SERIES
} ShnorSeries;

typedef struct {
  char     *title;
  char     *subtitle;
  char     *kind;                  /* of the assessment: how many decimals a mean has */
  guint     groups;                /* the school's groups (1 << ShnorGroup): ШНОР and ШНСУ are marked */
  double    y_min, y_max;          /* the scale of the kind */
  guint     n_years;
  int      *years;                 /* n_years */
  gboolean *known[SHNOR_N_SERIES]; /* n_years each */
  double   *value[SHNOR_N_SERIES];
  gboolean  dark;
  gboolean  compact;               /* small multiples: no legend, few labels */
  int       hover;                 /* index of the year to detail, or -1 */
} ShnorChartData;

typedef struct {
  double x, y, width, height;
} ShnorRect;

typedef void (*ShnorDrawFunc) (cairo_t       *cr,
                               int            width,
                               int            height,
                               gconstpointer  data);

ShnorChartData *shnor_chart_data_new        (guint                 n_years);
void            shnor_chart_data_free       (ShnorChartData       *data);
ShnorChartData *shnor_chart_data_for_school (ShnorDocument        *document,
                                             gint64                school_id,
                                             const char           *kind,
                                             const char           *subject,
                                             int                   grade,
                                             guint                 max_years);
const char     *shnor_chart_series_label    (ShnorSeries           series);
void            shnor_chart_series_colour   (ShnorSeries           series,
                                             gboolean              dark,
                                             double               *rgb);

void            shnor_chart_draw            (cairo_t              *cr,
                                             int                   width,
                                             int                   height,
                                             const ShnorChartData *data);
double          shnor_chart_axis_step       (double                min,
                                             double                max,
                                             int                   max_steps);
void            shnor_chart_draw_legend     (cairo_t              *cr,
                                             double                x,
                                             double                y,
                                             int                   width,
                                             gboolean              dark,
                                             guint                 series);
ShnorRect       shnor_chart_plot_area       (const ShnorChartData *data,
                                             int                   width,
                                             int                   height);
gboolean        shnor_chart_point           (const ShnorChartData *data,
                                             int                   width,
                                             int                   height,
                                             ShnorSeries           series,
                                             guint                 index,
                                             double               *x,
                                             double               *y);
int             shnor_chart_hit_test        (const ShnorChartData *data,
                                             int                   width,
                                             int                   height,
                                             double                x,
                                             double                y);
gboolean        shnor_chart_save            (const ShnorChartData *data,
                                             const char           *path,
                                             int                   width,
                                             int                   height,
                                             GError              **error);

gboolean        shnor_cairo_save            (const char           *path,
                                             int                   width,
                                             int                   height,
                                             ShnorDrawFunc         draw,
                                             gconstpointer         data,
                                             GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShnorChartData, shnor_chart_data_free)

G_END_DECLS
