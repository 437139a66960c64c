/* shnor-programmes-view.h: the list of programmes and the sections of the
 * one selected */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_PROGRAMMES_VIEW (shnor_programmes_view_get_type ())
G_DECLARE_FINAL_TYPE (ShnorProgrammesView, shnor_programmes_view, SHNOR, PROGRAMMES_VIEW, GtkWidget)

void       shnor_programmes_view_set_document  (ShnorProgrammesView *self,
                                                ShnorDocument       *document);
void       shnor_programmes_view_new_programme (ShnorProgrammesView *self);
gboolean   shnor_programmes_view_select        (ShnorProgrammesView *self,
                                                gint64               id);
gint64     shnor_programmes_view_get_shown     (ShnorProgrammesView *self);
void       shnor_programmes_view_show_section  (ShnorProgrammesView *self,
                                                const char          *name);
GtkWidget *shnor_programmes_view_get_part      (ShnorProgrammesView *self,
                                                ShnorPart            part);
GtkWidget *shnor_programmes_view_get_passport_field (ShnorProgrammesView *self,
                                                const char          *column);
GtkWidget *shnor_programmes_view_get_child     (ShnorProgrammesView *self,
                                                const char          *name);

G_END_DECLS
