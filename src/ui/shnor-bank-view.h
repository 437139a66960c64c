/* shnor-bank-view.h: the bank of best practices — a searchable list and
 * the chosen practice's card with its materials */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_BANK_VIEW (shnor_bank_view_get_type ())
G_DECLARE_FINAL_TYPE (ShnorBankView, shnor_bank_view, SHNOR, BANK_VIEW, GtkWidget)

void       shnor_bank_view_set_document (ShnorBankView *self,
                                         ShnorDocument *document);
void       shnor_bank_view_select       (ShnorBankView *self,
                                         gint64         practice_id);
gint64     shnor_bank_view_get_selected (ShnorBankView *self);
void       shnor_bank_view_add          (ShnorBankView *self);
gboolean   shnor_bank_view_attach_path  (ShnorBankView *self,
                                         const char    *path);
GtkWidget *shnor_bank_view_get_child    (ShnorBankView *self,
                                         const char    *name);

G_END_DECLS
