/* shnor-identification-view.h: the criteria sets and the lists (перечни)
 * of the schools in each group */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_IDENTIFICATION_VIEW (shnor_identification_view_get_type ())
G_DECLARE_FINAL_TYPE (ShnorIdentificationView, shnor_identification_view, SHNOR, IDENTIFICATION_VIEW, GtkWidget)

void       shnor_identification_view_set_document (ShnorIdentificationView *self,
                                                   ShnorDocument           *document);
GtkWidget *shnor_identification_view_get_cell     (ShnorIdentificationView *self,
                                                   guint                    row,
                                                   guint                    column);
char      *shnor_identification_view_dup_lists    (ShnorIdentificationView *self);

G_END_DECLS
