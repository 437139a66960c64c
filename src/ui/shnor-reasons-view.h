/* shnor-reasons-view.h: a school's identification groups and why */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_REASONS_VIEW (shnor_reasons_view_get_type ())
G_DECLARE_FINAL_TYPE (ShnorReasonsView, shnor_reasons_view, SHNOR, REASONS_VIEW, GtkWidget)

void  shnor_reasons_view_set_document (ShnorReasonsView *self,
                                       ShnorDocument    *document);
void  shnor_reasons_view_set_school   (ShnorReasonsView *self,
                                       ShnorSchool      *school);
char *shnor_reasons_view_dup_text     (ShnorReasonsView *self);
void  shnor_reasons_view_fill_badges  (GtkBox           *box,
                                       guint             groups);

G_END_DECLS
