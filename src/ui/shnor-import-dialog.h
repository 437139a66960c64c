/* shnor-import-dialog.h: what an import of results would do, before it does */
#pragma once

#include <gtk/gtk.h>
#include "shnor-results-import.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_IMPORT_DIALOG (shnor_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShnorImportDialog, shnor_import_dialog, SHNOR, IMPORT_DIALOG, GtkWindow)

GtkWidget             *shnor_import_dialog_new      (GtkWindow     *parent,
                                                     ShnorDocument *document,
                                                     const char    *path,
                                                     GError       **error);
const ShnorImportPlan *shnor_import_dialog_get_plan (ShnorImportDialog *self);

G_END_DECLS
