/* shnor-monitoring-view.h: what is overdue, due soon and done across the
 * approved programmes, and this year's indicators */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_MONITORING_VIEW (shnor_monitoring_view_get_type ())
G_DECLARE_FINAL_TYPE (ShnorMonitoringView, shnor_monitoring_view, SHNOR, MONITORING_VIEW, GtkWidget)

void       shnor_monitoring_view_set_document (ShnorMonitoringView *self,
                                               ShnorDocument       *document);
guint      shnor_monitoring_view_count        (ShnorMonitoringView *self,
                                               const char          *list);
GtkWidget *shnor_monitoring_view_get_child    (ShnorMonitoringView *self,
                                               const char          *name);

G_END_DECLS
