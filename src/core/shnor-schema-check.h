/* shnor-schema-check.h: a file is Shnor's own before anything runs on it */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef enum {
  SHNOR_CHECK_OPEN,  /* what every open runs: cheap at a region's size */
  SHNOR_CHECK_FULL,  /* what `shnor --check` runs: everything */
} ShnorCheckDepth;

/* At open, the data checks read every table of fewer than this many rows
 * (wholly below a fifth of it); larger ones (a region's results) are left
 * to --check. */
#define SHNOR_CHECK_SMALL_TABLE 100000

gboolean shnor_schema_verify          (sqlite3          *db,
                                       int               version,
                                       ShnorCheckDepth   depth,
                                       const char       *path,
                                       GError          **error);
gboolean shnor_schema_check_data      (sqlite3          *db,
                                       int               version,
                                       ShnorCheckDepth   depth,
                                       const char       *path,
                                       GError          **error);

const char *shnor_schema_undo_triggers (void);
const char *shnor_schema_undo_trigger  (const char       *table,
                                        const char       *kind);
GStrv    shnor_schema_table_indexes   (const char       *table);
const char *shnor_schema_index_sql    (const char       *index);
gboolean shnor_schema_has_table       (const char       *table);
void     shnor_schema_check_set_small_table (gint64        rows);
char    *shnor_schema_built_in_text   (gboolean          built_in,
                                       GError          **error);

G_END_DECLS
