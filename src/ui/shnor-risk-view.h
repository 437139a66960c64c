/* shnor-risk-view.h: a school's risk profile («500+» risk factors) for a
 * year, and the reference list of factors */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_RISK_VIEW (shnor_risk_view_get_type ())
G_DECLARE_FINAL_TYPE (ShnorRiskView, shnor_risk_view, SHNOR, RISK_VIEW, GtkWidget)

void       shnor_risk_view_set_document (ShnorRiskView *self,
                                         ShnorDocument *document);
void       shnor_risk_view_set_school   (ShnorRiskView *self,
                                         ShnorSchool   *school);
void       shnor_risk_view_set_year     (ShnorRiskView *self,
                                         int            year);
GtkWidget *shnor_risk_view_get_factor   (ShnorRiskView *self,
                                         guint          row);
GtkWidget *shnor_risk_view_get_level    (ShnorRiskView *self,
                                         guint          row);
GtkWidget *shnor_risk_view_get_note     (ShnorRiskView *self,
                                         guint          row);

G_END_DECLS
