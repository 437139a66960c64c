/* shnor-field-table.h: rows of a table edited in place, each field of a
 * row in its own entry or list, generated from the core's field
 * descriptions — as a table (a row per record, a column per field) or as
 * a form (one record, a line per field). A change of the data updates the
 * entries in place, so the focus stays where the user is. */
#pragma once

#include <gtk/gtk.h>
#include "shnor-field.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_FIELD_TABLE (shnor_field_table_get_type ())
G_DECLARE_FINAL_TYPE (ShnorFieldTable, shnor_field_table, SHNOR, FIELD_TABLE, GtkWidget)

/* Stores what the user typed or chose in @column of the record @id;
 * FALSE with @error when refused (the field shows why). */
typedef gboolean (*ShnorFieldStore)  (gpointer     data,
                                      gint64       id,
                                      const char  *column,
                                      const char  *text,
                                      GError     **error);
typedef void     (*ShnorFieldDelete) (gpointer     data,
                                      gint64       id);

GtkWidget *shnor_field_table_new          (gboolean          form);
void       shnor_field_table_add_column   (ShnorFieldTable  *self,
                                           const ShnorField *field,
                                           guint             index,
                                           GStrv             labels,
                                           GStrv             values);
void       shnor_field_table_set_lead     (ShnorFieldTable  *self,
                                           const char       *heading);
void       shnor_field_table_set_handlers (ShnorFieldTable  *self,
                                           ShnorFieldStore   store,
                                           ShnorFieldDelete  delete_row,
                                           const char       *delete_tooltip,
                                           gpointer          data);
void       shnor_field_table_set_rows     (ShnorFieldTable  *self,
                                           GArray           *ids,
                                           GPtrArray        *texts,
                                           GPtrArray        *leads);
void       shnor_field_table_set_editable (ShnorFieldTable  *self,
                                           gboolean          editable);
void       shnor_field_table_set_column_editable (ShnorFieldTable *self,
                                           const char       *column,
                                           gboolean          editable);
void       shnor_field_table_set_column_width (ShnorFieldTable *self,
                                           const char       *column,
                                           int               chars);
void       shnor_field_table_set_placeholder (ShnorFieldTable *self,
                                           const char       *text);
GtkWidget *shnor_field_table_get_editor   (ShnorFieldTable  *self,
                                           gint64            id,
                                           const char       *column);
guint      shnor_field_table_get_n_rows   (ShnorFieldTable  *self);
GtkSizeGroup *shnor_field_table_get_captions (ShnorFieldTable *self);

G_END_DECLS
