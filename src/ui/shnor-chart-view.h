/* shnor-chart-view.h: the trend chart as a widget, with values on hover */
#pragma once

#include <gtk/gtk.h>
#include "shnor-chart.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_CHART_VIEW (shnor_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (ShnorChartView, shnor_chart_view, SHNOR, CHART_VIEW, GtkWidget)

GtkWidget            *shnor_chart_view_new      (void);
void                  shnor_chart_view_set_data (ShnorChartView *self,
                                                 ShnorChartData *data);
const ShnorChartData *shnor_chart_view_get_data (ShnorChartView *self);

G_END_DECLS
