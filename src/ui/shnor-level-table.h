/* shnor-level-table.h: a measure table as seed 003's table by levels — a
 * column per level of the file, each cell the measure's action at that
 * level, edited in place */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

/* The columns of a row a test or a caller asks for besides the levels */
#define SHNOR_LEVEL_TABLE_TITLE  (-1)
#define SHNOR_LEVEL_TABLE_PERIOD (-2)

#define SHNOR_TYPE_LEVEL_TABLE (shnor_level_table_get_type ())
G_DECLARE_FINAL_TYPE (ShnorLevelTable, shnor_level_table, SHNOR, LEVEL_TABLE, GtkWidget)

GtkWidget *shnor_level_table_new      (void);
void       shnor_level_table_show     (ShnorLevelTable *self,
                                       ShnorDocument   *document,
                                       GArray          *measures,
                                       gboolean         editable);
GtkWidget *shnor_level_table_get_cell (ShnorLevelTable *self,
                                       gint64           measure,
                                       int              level);
gboolean   shnor_level_table_focus    (ShnorLevelTable *self,
                                       gint64           measure);
char      *shnor_level_table_dup_text (ShnorLevelTable *self);
const char *shnor_level_table_get_error (ShnorLevelTable *self);

G_END_DECLS
