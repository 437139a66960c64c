/* shnor-indicators-view.h: a school's other yearly indicators (indicator ×
 * year), and the list of indicators shared by all schools */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_INDICATORS_VIEW (shnor_indicators_view_get_type ())
G_DECLARE_FINAL_TYPE (ShnorIndicatorsView, shnor_indicators_view, SHNOR, INDICATORS_VIEW, GtkWidget)

void       shnor_indicators_view_set_document (ShnorIndicatorsView *self,
                                               ShnorDocument       *document);
void       shnor_indicators_view_set_school   (ShnorIndicatorsView *self,
                                               ShnorSchool         *school);
GtkWidget *shnor_indicators_view_get_cell     (ShnorIndicatorsView *self,
                                               guint                row,
                                               int                  year);
GtkWidget *shnor_indicators_view_get_new_entry (ShnorIndicatorsView *self);

G_END_DECLS
