/* shnor-risk-factors-editor.h: the reference list of risk factors, shared
 * by the risk profiles of all schools (a page of the settings) */
#pragma once

#include <adwaita.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_RISK_FACTORS_EDITOR (shnor_risk_factors_editor_get_type ())
G_DECLARE_FINAL_TYPE (ShnorRiskFactorsEditor, shnor_risk_factors_editor, SHNOR, RISK_FACTORS_EDITOR, GtkWidget)

GtkWidget *shnor_risk_factors_editor_new       (ShnorDocument          *document);
GtkWidget *shnor_risk_factors_editor_get_name  (ShnorRiskFactorsEditor *self,
                                                guint                   row);
GtkWidget *shnor_risk_factors_editor_get_delete (ShnorRiskFactorsEditor *self,
                                                guint                   row);
GtkWidget *shnor_risk_factors_editor_get_new_entry (ShnorRiskFactorsEditor *self);
gboolean   shnor_risk_factors_same             (GArray                 *profile,
                                                GArray                 *ids);

G_END_DECLS
