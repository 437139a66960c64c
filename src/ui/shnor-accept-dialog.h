/* shnor-accept-dialog.h: the preview of accepting the forms schools
 * returned: per school what changes and every problem */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_ACCEPT_DIALOG (shnor_accept_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShnorAcceptDialog, shnor_accept_dialog, SHNOR, ACCEPT_DIALOG, GtkWindow)

GtkWidget *shnor_accept_dialog_new       (GtkWindow          *parent,
                                          ShnorDocument      *document);
void       shnor_accept_dialog_add_paths (ShnorAcceptDialog  *self,
                                          const char * const *paths);
gboolean   shnor_accept_dialog_apply     (ShnorAcceptDialog  *self);

G_END_DECLS
