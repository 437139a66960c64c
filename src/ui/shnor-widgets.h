/* shnor-widgets.h: small helpers the views share */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

void       shnor_widget_remove_children (GtkWidget     *container);
GtkWidget *shnor_done_popover_new       (ShnorDocument *document,
                                         gint64         id);

G_END_DECLS
