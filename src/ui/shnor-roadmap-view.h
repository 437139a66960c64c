/* shnor-roadmap-view.h: a programme's road map as a list and as the
 * three-level table */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_ROADMAP_VIEW (shnor_roadmap_view_get_type ())
G_DECLARE_FINAL_TYPE (ShnorRoadmapView, shnor_roadmap_view, SHNOR, ROADMAP_VIEW, GtkWidget)

void       shnor_roadmap_view_set_programme (ShnorRoadmapView *self,
                                             ShnorDocument    *document,
                                             gint64            programme_id);
void       shnor_roadmap_view_select        (ShnorRoadmapView *self,
                                             gint64            id);
gint64     shnor_roadmap_view_get_selected  (ShnorRoadmapView *self);
GtkWidget *shnor_roadmap_view_get_editor_field (ShnorRoadmapView *self,
                                             const char       *name);
GtkWidget *shnor_roadmap_view_get_child     (ShnorRoadmapView *self,
                                             const char       *name);
char      *shnor_roadmap_view_dup_table     (ShnorRoadmapView *self);
GtkWidget *shnor_roadmap_view_get_level_cell (ShnorRoadmapView *self,
                                             gint64            measure,
                                             int               level);
gint64     shnor_roadmap_view_get_table     (ShnorRoadmapView *self);
void       shnor_roadmap_view_show_table    (ShnorRoadmapView *self,
                                             gint64            table_id);

G_END_DECLS
