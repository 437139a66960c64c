/* shnor-sqlite.c: SQLite result codes become messages a user can act on */
#define G_LOG_DOMAIN "shnor-sqlite"

#include "config.h"
#include <glib/gi18n-lib.h>

#include "shnor-error.h"
#include "shnor-sqlite.h"

/* SQLite's words as a message may show them: a damaged file's schema
 * puts the file's own bytes in them ("malformed database schema (…)"),
 * which may be invalid UTF-8 or control characters (a terminal's escape
 * sequences); at most 200 characters */
static char *
clean_detail (const char *detail)
{
  g_autofree char *valid = g_utf8_make_valid (detail ? detail : "", -1);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p != '\0' && n < 200; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (out, '?');
      else
        g_string_append_unichar (out, c);
    }
  if (n == 200)
    g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

void
shnor_sqlite_set_error (GError     **error,
                        sqlite3     *db,
                        int          rc,
                        const char  *path)
{
  g_autofree char *name = path ? g_filename_display_basename (path) : g_strdup ("");
  g_autofree char *detail = clean_detail (db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IN_USE,
                   _("The file “%s” is open in another Shnor window or program. "
                     "Close it there and try again."), name);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_DAMAGED,
                   _("The file “%s” is damaged (%s). Open a backup copy."), name, detail);
      break;
    case SQLITE_READONLY:
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_READ_ONLY,
                   _("The file “%s” cannot be changed: it or its folder is read-only."), name);
      break;
    case SQLITE_FULL:
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO,
                   _("The disk is full: the change to “%s” was not saved."), name);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO,
                   _("The file “%s” cannot be opened: check that the folder exists and can be written to."),
                   name);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("The change was refused: %s"), detail);
      break;
    default:
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO,
                   _("Could not read or write “%s”: %s"), name, detail);
    }
}

sqlite3_stmt *
shnor_sqlite_prepare (sqlite3     *db,
                      const char  *sql,
                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      shnor_sqlite_set_error (error, db, rc, sqlite3_db_filename (db, "main"));
      return NULL;
    }
  return stmt;
}

gboolean
shnor_sqlite_exec (sqlite3     *db,
                   const char  *sql,
                   GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      shnor_sqlite_set_error (error, db, rc, sqlite3_db_filename (db, "main"));
      return FALSE;
    }
  return TRUE;
}

/* An unset value binds as NULL ("not known"). */
void
shnor_sqlite_bind_value (sqlite3_stmt *stmt,
                         int           index,
                         const GValue *value)
{
  if (value == NULL || !G_IS_VALUE (value))
    sqlite3_bind_null (stmt, index);
  else if (G_VALUE_HOLDS_STRING (value))
    sqlite3_bind_text (stmt, index, g_value_get_string (value), -1, SQLITE_TRANSIENT);
  else if (G_VALUE_HOLDS_INT64 (value))
    sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
  else if (G_VALUE_HOLDS_INT (value))
    sqlite3_bind_int (stmt, index, g_value_get_int (value));
  else if (G_VALUE_HOLDS_BOOLEAN (value))
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
  else if (G_VALUE_HOLDS_DOUBLE (value))
    sqlite3_bind_double (stmt, index, g_value_get_double (value));
  else
    g_return_if_reached ();
}

/**
 * shnor_sqlite_open:
 *
 * Opens @path as every connection of Shnor does: a file's schema is not
 * trusted (no function or virtual table runs from its triggers, views or
 * defaults unless SQLite marks it harmless), the schema cannot be written
 * behind SQLite's back, and no extension can be loaded. @db is set even on
 * an error, for its message; close it with sqlite3_close_v2().
 */
int
shnor_sqlite_open (const char  *path,
                   int          flags,
                   sqlite3    **db)
{
  static gsize configured;
  int rc;

  /* Before SQLite starts (its first connection): no statistics of its
   * memory, which nothing reads and which make each of its allocations
   * take a lock of the whole process. SQLite refuses it, harmlessly, if
   * another part of the program started it first. */
  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
  rc = sqlite3_open_v2 (path, db, flags, NULL);
  if (rc != SQLITE_OK)
    return rc;
  if (sqlite3_db_config (*db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) != SQLITE_OK ||
      sqlite3_db_config (*db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL) != SQLITE_OK ||
      sqlite3_db_config (*db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL) != SQLITE_OK)
    return SQLITE_ERROR;
  return SQLITE_OK;
}

/* The text of a column, "" for NULL: what a reader may pass on without
 * looking (NOT NULL columns are verified at open, but a reader never
 * depends on it). */
const char *
shnor_sqlite_column_text (sqlite3_stmt *stmt,
                          int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}
