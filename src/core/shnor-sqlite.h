/* shnor-sqlite.h: private helpers around the SQLite API for core/ */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

void          shnor_sqlite_set_error (GError      **error,
                                      sqlite3      *db,
                                      int           rc,
                                      const char   *path);
sqlite3_stmt *shnor_sqlite_prepare   (sqlite3      *db,
                                      const char   *sql,
                                      GError      **error);
gboolean      shnor_sqlite_exec      (sqlite3      *db,
                                      const char   *sql,
                                      GError      **error);
void          shnor_sqlite_bind_value (sqlite3_stmt *stmt,
                                      int           index,
                                      const GValue *value);
int           shnor_sqlite_open      (const char   *path,
                                      int           flags,
                                      sqlite3     **db);
const char   *shnor_sqlite_column_text (sqlite3_stmt *stmt,
                                      int           column);

G_END_DECLS
