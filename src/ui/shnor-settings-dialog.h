/* shnor-settings-dialog.h: the municipality's settings */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_SETTINGS_DIALOG (shnor_settings_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShnorSettingsDialog, shnor_settings_dialog, SHNOR, SETTINGS_DIALOG, GtkWindow)

GtkWidget *shnor_settings_dialog_new        (GtkWindow           *parent,
                                             ShnorDocument       *document);
void       shnor_settings_dialog_focus      (ShnorSettingsDialog *self,
                                             const char          *key);
GtkWidget *shnor_settings_dialog_get_picker (ShnorSettingsDialog *self,
                                             const char          *key);
void       shnor_settings_dialog_show_page  (ShnorSettingsDialog *self,
                                             const char          *name);

G_END_DECLS
