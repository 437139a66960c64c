/* shnor-order-dialog.h: the order's texts beside a preview of its pages,
 * printed or exported to PDF */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_ORDER_DIALOG (shnor_order_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShnorOrderDialog, shnor_order_dialog, SHNOR, ORDER_DIALOG, GtkWindow)

GtkWidget *shnor_order_dialog_new         (GtkWindow        *parent,
                                           ShnorDocument    *document,
                                           gint64            id);
guint      shnor_order_dialog_get_page    (ShnorOrderDialog *self);
guint      shnor_order_dialog_get_n_pages (ShnorOrderDialog *self);
double     shnor_order_dialog_get_zoom    (ShnorOrderDialog *self);
GtkWidget *shnor_order_dialog_get_field   (ShnorOrderDialog *self,
                                           const char       *key);
GtkWidget *shnor_order_dialog_get_child   (ShnorOrderDialog *self,
                                           const char       *name);

G_END_DECLS
