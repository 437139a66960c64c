/* shnor-overview-view.h: all schools in one assessment, year by year */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_OVERVIEW_VIEW (shnor_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (ShnorOverviewView, shnor_overview_view, SHNOR, OVERVIEW_VIEW, GtkWidget)

GtkWidget  *shnor_overview_view_new          (void);
void        shnor_overview_view_set_document (ShnorOverviewView *self,
                                              ShnorDocument     *document);
gboolean    shnor_overview_view_select       (ShnorOverviewView *self,
                                              const char        *kind,
                                              const char        *subject,
                                              int                grade);
GListModel *shnor_overview_view_get_rows     (ShnorOverviewView *self);
GtkColumnView *shnor_overview_view_get_table (ShnorOverviewView *self);
void        shnor_overview_view_show_page    (ShnorOverviewView *self,
                                              const char        *name);

G_END_DECLS
