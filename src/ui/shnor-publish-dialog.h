/* shnor-publish-dialog.h: the connection to the regional database, to
 * publish the open municipality into it or to open the regional view */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_PUBLISH_DIALOG (shnor_publish_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShnorPublishDialog, shnor_publish_dialog, SHNOR, PUBLISH_DIALOG, GtkWindow)

/* @document NULL: the dialog opens the regional view instead */
GtkWidget *shnor_publish_dialog_new     (GtkWindow          *parent,
                                         ShnorDocument      *document);
void       shnor_publish_dialog_set_uri (ShnorPublishDialog *self,
                                         const char         *uri,
                                         const char         *password);
gboolean   shnor_publish_dialog_is_busy (ShnorPublishDialog *self);

G_END_DECLS
