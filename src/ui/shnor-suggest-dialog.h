/* shnor-suggest-dialog.h: the mentor schools the file's evidence points to
 * for a supported school, each with the reasons, one click from a
 * partnership */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_SUGGEST_DIALOG (shnor_suggest_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShnorSuggestDialog, shnor_suggest_dialog, SHNOR, SUGGEST_DIALOG, GtkWindow)

GtkWidget *shnor_suggest_dialog_new     (GtkWindow          *parent,
                                         ShnorDocument      *document,
                                         gint64              school_id);
guint      shnor_suggest_dialog_get_n_suggestions (ShnorSuggestDialog *self);
gint64     shnor_suggest_dialog_accept  (ShnorSuggestDialog *self,
                                         guint               index);

G_END_DECLS
