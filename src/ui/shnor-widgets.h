/* shnor-widgets.h: small helpers the views share */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void shnor_widget_remove_children (GtkWidget *container);

G_END_DECLS
