/* shnor-school-editor.h: the detail pane that edits one school */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_SCHOOL_EDITOR (shnor_school_editor_get_type ())
G_DECLARE_FINAL_TYPE (ShnorSchoolEditor, shnor_school_editor, SHNOR, SCHOOL_EDITOR, GtkWidget)

GtkWidget *shnor_school_editor_new          (void);
void       shnor_school_editor_set_document (ShnorSchoolEditor *self,
                                             ShnorDocument     *document);
void       shnor_school_editor_set_school   (ShnorSchoolEditor *self,
                                             ShnorSchool       *school);
void       shnor_school_editor_show_page (ShnorSchoolEditor *self,
                                          const char        *name);
GtkWidget *shnor_school_editor_get_context_cell (ShnorSchoolEditor *self,
                                                 guint              row,
                                                 const char        *column);
GtkWidget *shnor_school_editor_get_results_view (ShnorSchoolEditor *self);
GtkWidget *shnor_school_editor_get_field_widget (ShnorSchoolEditor *self,
                                                 const char        *column);

GtkWidget *shnor_school_editor_get_reasons_view (ShnorSchoolEditor *self);
GtkWidget *shnor_school_editor_get_indicators_view (ShnorSchoolEditor *self);
GtkWidget *shnor_school_editor_get_risk_view    (ShnorSchoolEditor *self);

G_END_DECLS
