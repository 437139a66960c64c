/* shnor-widgets.h: small helpers the views share */
#pragma once

#include <adwaita.h>
#include "shnor-document.h"

G_BEGIN_DECLS

void       shnor_widget_remove_children (GtkWidget     *container);
GtkWidget *shnor_field_caption          (const char    *text);
GtkWidget *shnor_check_button_new_wrapped (const char  *label,
                                         int          max_width_chars);
void       shnor_drop_down_ellipsize    (GtkWidget     *drop_down,
                                         int            max_width_chars);
GtkWidget *shnor_column_label           (const char    *text,
                                         const char    *css_class);
void       shnor_column_entry           (GtkWidget     *entry);
void       shnor_queue_idle             (guint         *source,
                                         GCallback      func,
                                         gpointer       data);
void       shnor_error_label_set        (GtkWidget     *label,
                                         const char    *message);
gint64     shnor_row_id                 (GtkWidget     *widget,
                                         GArray        *ids);
gboolean   shnor_watch_document         (ShnorDocument **slot,
                                         ShnorDocument  *document,
                                         GCallback       changed,
                                         gpointer        data);
void       shnor_list_box_clear         (GtkWidget     *list);
GtkWidget *shnor_done_popover_new       (ShnorDocument *document,
                                         gint64         id);

void       shnor_done_popover_popup     (ShnorDocument *document,
                                         gint64         id,
                                         const char    *title,
                                         GtkWidget     *parent);

char      *shnor_format_mean_field      (double         value,
                                         const char    *kind);
GtkWidget *shnor_status_page_new        (const char    *icon_name,
                                         const char    *title,
                                         const char    *description);
char      *shnor_toast_title            (const char    *title);
void       shnor_toast                  (GtkWidget     *widget,
                                         ShnorDocument *document,
                                         const char    *title);

void       shnor_list_single_tab_stop   (GtkWidget     *list);
void       shnor_remember_paned         (GtkWidget     *paned,
                                         const char    *key);
gboolean   shnor_widget_dark_theme      (GtkWidget     *widget);
void       shnor_widget_show_error      (GtkWidget     *widget,
                                         const char    *primary,
                                         GError        *error);

gboolean   shnor_widget_launch_uri      (GtkWidget     *widget,
                                         const char    *uri,
                                         GError       **error);
void       shnor_widget_open_uri        (GtkWidget     *widget,
                                         const char    *uri);

G_END_DECLS
