/* shnor-forms-dialog.h: writing the forms a department sends its schools */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_FORMS_DIALOG (shnor_forms_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShnorFormsDialog, shnor_forms_dialog, SHNOR, FORMS_DIALOG, GtkWindow)

GtkWidget *shnor_forms_dialog_new      (GtkWindow        *parent,
                                        ShnorDocument    *document);
gboolean   shnor_forms_dialog_write_to (ShnorFormsDialog *self,
                                        const char       *folder);

G_END_DECLS
