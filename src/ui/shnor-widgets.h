/* shnor-widgets.h: small helpers the views share */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

void       shnor_widget_remove_children (GtkWidget     *container);
GtkWidget *shnor_field_caption          (const char    *text);
gboolean   shnor_watch_document         (ShnorDocument **slot,
                                         ShnorDocument  *document,
                                         GCallback       changed,
                                         gpointer        data);
void       shnor_list_box_clear         (GtkWidget     *list);
GtkWidget *shnor_done_popover_new       (ShnorDocument *document,
                                         gint64         id);

void       shnor_done_popover_popup     (ShnorDocument *document,
                                         gint64         id,
                                         GtkWidget     *parent);

gboolean   shnor_widget_dark_theme      (GtkWidget     *widget);
void       shnor_widget_show_error      (GtkWidget     *widget,
                                         const char    *primary,
                                         GError        *error);

G_END_DECLS
