/* shnor-results-view.h: a school's results: chart and table by year */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_RESULTS_VIEW (shnor_results_view_get_type ())
G_DECLARE_FINAL_TYPE (ShnorResultsView, shnor_results_view, SHNOR, RESULTS_VIEW, GtkWidget)

GtkWidget *shnor_results_view_new            (void);
void       shnor_results_view_set_document   (ShnorResultsView *self,
                                              ShnorDocument    *document);
void       shnor_results_view_set_school     (ShnorResultsView *self,
                                              ShnorSchool      *school);
gboolean   shnor_results_view_select         (ShnorResultsView *self,
                                              const char       *kind,
                                              const char       *subject,
                                              int               grade);
GtkWidget *shnor_results_view_get_cell       (ShnorResultsView *self,
                                              int               year,
                                              const char       *column);
gboolean   shnor_results_view_apply_scale    (ShnorResultsView *self,
                                              const char       *min_text,
                                              const char       *max_text);
GtkWidget *shnor_results_view_get_chart      (ShnorResultsView *self);

G_END_DECLS
