/* shnor-network-view.h: the «Сеть» view — the partnerships as a list and
 * as a diagram, the bank of best practices, the teachers, their mentoring
 * pairs and courses, and the partner organisations */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_NETWORK_VIEW (shnor_network_view_get_type ())
G_DECLARE_FINAL_TYPE (ShnorNetworkView, shnor_network_view, SHNOR, NETWORK_VIEW, GtkWidget)

void       shnor_network_view_set_document      (ShnorNetworkView *self,
                                                 ShnorDocument    *document);
void       shnor_network_view_show_partnership  (ShnorNetworkView *self,
                                                 gint64            id);
void       shnor_network_view_add               (ShnorNetworkView *self);
void       shnor_network_view_show_page         (ShnorNetworkView *self,
                                                 const char       *name);
gint64     shnor_network_view_get_selected      (ShnorNetworkView *self);
GtkWidget *shnor_network_view_get_child         (ShnorNetworkView *self,
                                                 const char       *name);

G_END_DECLS
