/* shnor-part-editor.h: the rows of one part of a programme (tasks,
 * results, indicators, risks, stages, acts), edited in place */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_PART_EDITOR (shnor_part_editor_get_type ())
G_DECLARE_FINAL_TYPE (ShnorPartEditor, shnor_part_editor, SHNOR, PART_EDITOR, GtkWidget)

GtkWidget *shnor_part_editor_new           (ShnorPart        part);
void       shnor_part_editor_set_programme (ShnorPartEditor *self,
                                            ShnorDocument   *document,
                                            gint64           programme_id);
GtkWidget *shnor_part_editor_get_field     (ShnorPartEditor *self,
                                            guint            row,
                                            const char      *column);
GtkWidget *shnor_part_editor_get_plan_cell (ShnorPartEditor *self,
                                            guint            row,
                                            int              year,
                                            gboolean         actual);
GtkWidget *shnor_part_editor_get_achievement (ShnorPartEditor *self,
                                            guint            row,
                                            int              year);
GtkWidget *shnor_part_editor_get_new_entry (ShnorPartEditor *self);
void       shnor_part_editor_move_row      (ShnorPartEditor *self,
                                            guint            from,
                                            guint            to);
const char *shnor_part_editor_get_error    (ShnorPartEditor *self);

G_END_DECLS
