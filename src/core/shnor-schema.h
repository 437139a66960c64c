/* shnor-schema.h: the file format, its versions and migrations */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* "SHNR" in ASCII: marks a SQLite file as a Shnor document. */
#define SHNOR_APPLICATION_ID 0x53484E52
#define SHNOR_FORMAT_VERSION 13

gboolean shnor_schema_migrate (sqlite3 *db,
                               int      from_version,
                               GError **error);
gboolean shnor_schema_run_steps (sqlite3 *db,
                                 int      from_version,
                                 int      to_version,
                                 GError **error);

G_END_DECLS
