/* shnor-document-bulk.c: changes of a region's size (a million results)
 * within the undo log. Such a change sets the table's row-by-row undo
 * trigger aside (and its indexes, built again once afterwards), and logs one
 * entry for all its rows: a range of rowids, inserted, or deleted and kept
 * in a holding table of the connection. Undo and redo of such an entry move
 * the rows between the table and its holding table in the same way. */
#define G_LOG_DOMAIN "shnor-document"

#include "config.h"
#include <string.h>

#include "shnor-derived.h"
#include "shnor-document-private.h"
#include "shnor-error.h"
#include "shnor-schema-check.h"
#include "shnor-sqlite.h"

/* Past this many rows (and half the table), indexes are built again
 * after a bulk change rather than kept up to date row by row. */
#define BULK_INDEX_ROWS 50000

/**
 * shnor_document_set_aside:
 * @table: a table of the file
 * @trigger: "i" or "d": the undo trigger of inserts or of deletes
 * @indexes: whether to drop the table's indexes too
 *
 * Drops, within the current edit, the undo trigger of @table (and its
 * indexes): the caller logs the change with one entry. A rollback of the
 * edit restores them.
 *
 * Returns: (transfer full): the SQL that creates them again, for
 *   shnor_document_restore(); %NULL on an error.
 */
GStrv
shnor_document_set_aside (ShnorDocument  *self,
                          const char     *table,
                          const char     *trigger,
                          gboolean        indexes,
                          GError        **error)
{
  /* Names and statements are those of Shnor's own schema (see
   * shnor-schema-check.c), not read from the file. */
  const char *create = shnor_schema_undo_trigger (table, trigger);
  sqlite3 *db = shnor_document_get_db (self);
  /* the trigger that notes changes for the derived sums, if the table has
   * one: the caller notes the rows with shnor_document_log_bulk_insert() */
  g_autofree char *derived = g_strdup_printf ("derived_%s_%s", table, trigger);
  g_autoptr(GStrvBuilder) restore = g_strv_builder_new ();
  g_autoptr(GString) drop = g_string_new (NULL);
  g_auto(GStrv) names = indexes ? shnor_schema_table_indexes (table) : g_new0 (char *, 1);
  g_autofree char *name = g_strdup_printf ("undo_%s_%s", table, trigger);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *sql;

  g_return_val_if_fail (create != NULL, NULL);

  g_strv_builder_add (restore, create);
  sql = sqlite3_mprintf ("DROP TRIGGER temp.\"%w\";", name);
  g_string_append (drop, sql);
  sqlite3_free (sql);
  /* a trigger of this connection, made from shnor-derived.c's constants
   * (the file has no temporary objects) */
  stmt = shnor_sqlite_prepare (db, "SELECT sql FROM temp.sqlite_schema WHERE type = 'trigger' AND name = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, derived, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *temp = NULL;

      /* the schema keeps the SQL without its TEMP: without it, the
       * trigger would be created in the file */
      g_return_val_if_fail (g_str_has_prefix (text, "CREATE TRIGGER "), NULL);
      temp = g_strconcat ("CREATE TEMP TRIGGER ", text + strlen ("CREATE TRIGGER "), NULL);
      g_strv_builder_add (restore, temp);
      sql = sqlite3_mprintf ("DROP TRIGGER temp.\"%w\";", derived);
      g_string_append (drop, sql);
      sqlite3_free (sql);
    }
  /* a statement still on its row keeps the schema locked for the drops */
  sqlite3_reset (stmt);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_strv_builder_add (restore, shnor_schema_index_sql (names[i]));
      sql = sqlite3_mprintf ("DROP INDEX main.\"%w\";", names[i]);
      g_string_append (drop, sql);
      sqlite3_free (sql);
    }
  if (!shnor_sqlite_exec (db, drop->str, error))
    return NULL;
  return g_strv_builder_end (restore);
}

/* Creates again what shnor_document_set_aside() set aside. */
gboolean
shnor_document_restore (ShnorDocument  *self,
                        GStrv           sql,
                        GError        **error)
{
  for (guint i = 0; sql[i]; i++)
    if (!shnor_sqlite_exec (shnor_document_get_db (self), sql[i], error))
      return FALSE;
  return TRUE;
}

/* The largest rowid of @table; 0 when it is empty. */
gint64
shnor_document_max_rowid (ShnorDocument *self,
                          const char    *table)
{
  char *sql = sqlite3_mprintf ("SELECT ifnull(max(rowid), 0) FROM main.\"%w\"", table);
  g_autoptr(sqlite3_stmt) stmt = shnor_sqlite_prepare (shnor_document_get_db (self), sql, NULL);

  sqlite3_free (sql);
  return shnor_document_next_row (self, stmt) ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* Whether a bulk change of @n rows of @table is better done without its
 * indexes: a region's rows, and more than stay in the table. */
gboolean
shnor_document_bulk_drops_indexes (ShnorDocument *self,
                                   const char    *table,
                                   gint64         n)
{
  return n > BULK_INDEX_ROWS && n * 2 > shnor_document_max_rowid (self, table);
}

/* Notes for the derived sums that rows @lo to @hi of the results moved
 * (they are in the holding table @hold when it is set): when they are
 * most of the results, the sums are built again from all. */
static gboolean
mark_derived (ShnorDocument  *self,
              const char     *table,
              gint64          lo,
              gint64          hi,
              const char     *hold,
              GError        **error)
{
  g_autofree char *source = hold ? g_strdup_printf ("temp.\"%s\"", hold) : g_strdup ("main.result");

  if (!g_str_equal (table, "result"))
    return TRUE;
  /* a holding table has the rows alone, under rowids of its own */
  return shnor_derived_mark (shnor_document_get_db (self), source, hold ? G_MININT64 : lo, hold ? G_MAXINT64 : hi,
                             shnor_document_bulk_drops_indexes (self, table, hi - lo + 1), error);
}

/* Logs one undo entry for rows @lo to @hi of @table: inserted when @hold
 * is %NULL (their undo deletes them), else deleted and kept in the holding
 * table @hold (their undo inserts them back). */
static gboolean
log_bulk (ShnorDocument  *self,
          const char     *table,
          gint64          lo,
          gint64          hi,
          const char     *hold,
          GError        **error)
{
  sqlite3 *db = shnor_document_get_db (self);
  g_autoptr(sqlite3_stmt) stmt = shnor_sqlite_prepare (db,
    "INSERT INTO undolog (tbl, rid, sql, lo, hi, hold) VALUES (?1, 0,"
    " iif (?4 IS NULL, printf ('DELETE FROM main.\"%w\" WHERE rowid BETWEEN %d AND %d', ?1, ?2, ?3),"
    "      printf ('INSERT INTO main.\"%w\" SELECT * FROM temp.\"%w\"', ?1, ?4)), ?2, ?3, ?4)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, lo);
  sqlite3_bind_int64 (stmt, 3, hi);
  if (hold != NULL)
    sqlite3_bind_text (stmt, 4, hold, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      shnor_sqlite_set_error (error, db, sqlite3_errcode (db), shnor_document_get_path (self));
      return FALSE;
    }
  return mark_derived (self, table, lo, hi, hold, error);
}

/* Logs that rows @lo to @hi were just inserted into @table, with its undo
 * trigger set aside. */
gboolean
shnor_document_log_bulk_insert (ShnorDocument  *self,
                                const char     *table,
                                gint64          lo,
                                gint64          hi,
                                GError        **error)
{
  return hi < lo || log_bulk (self, table, lo, hi, NULL, error);
}

/* Runs @sql with @table's undo trigger @trigger (and, for many rows, its
 * indexes) set aside. */
static gboolean
exec_aside (ShnorDocument  *self,
            const char     *table,
            const char     *trigger,
            gint64          n,
            const char     *sql,
            GError        **error)
{
  g_auto(GStrv) restore = shnor_document_set_aside (self, table, trigger,
                                                    shnor_document_bulk_drops_indexes (self, table, n), error);

  return restore != NULL && shnor_sqlite_exec (shnor_document_get_db (self), sql, error) &&
         shnor_document_restore (self, restore, error);
}

/**
 * shnor_document_replay_bulk:
 *
 * Replays a bulk entry of the undo log, within the replay's transaction,
 * and logs its inverse: rows inserted are moved to a new holding table,
 * rows held are moved back into @table and their holding table dropped.
 */
gboolean
shnor_document_replay_bulk (ShnorDocument  *self,
                            const char     *table,
                            gint64          lo,
                            gint64          hi,
                            const char     *hold,
                            GError        **error)
{
  static gint counter;
  sqlite3 *db = shnor_document_get_db (self);
  gboolean ok;
  char *sql;

  g_return_val_if_fail (shnor_schema_has_table (table), FALSE);

  if (hold != NULL)
    {
      sql = sqlite3_mprintf ("INSERT INTO main.\"%w\" SELECT * FROM temp.\"%w\"; DROP TABLE temp.\"%w\";",
                             table, hold, hold);
      ok = exec_aside (self, table, "i", hi - lo + 1, sql, error) && log_bulk (self, table, lo, hi, NULL, error);
    }
  else
    {
      g_autofree char *new_hold = g_strdup_printf ("undo_rows_%d", g_atomic_int_add (&counter, 1));
      char *keep = sqlite3_mprintf ("CREATE TEMP TABLE \"%w\" AS SELECT * FROM main.\"%w\""
                                    " WHERE rowid BETWEEN %lld AND %lld", new_hold, table,
                                    (long long) lo, (long long) hi);

      sql = sqlite3_mprintf ("DELETE FROM main.\"%w\" WHERE rowid BETWEEN %lld AND %lld",
                             table, (long long) lo, (long long) hi);
      ok = shnor_sqlite_exec (db, keep, error) && exec_aside (self, table, "d", hi - lo + 1, sql, error) &&
           log_bulk (self, table, lo, hi, new_hold, error);
      sqlite3_free (keep);
    }
  sqlite3_free (sql);
  return ok;
}

/* Drops the holding tables of the log entries @first to @last, which are
 * being forgotten. */
void
shnor_document_drop_holds (ShnorDocument *self,
                           gint64         first,
                           gint64         last)
{
  sqlite3 *db = shnor_document_get_db (self);
  g_autoptr(sqlite3_stmt) stmt = shnor_sqlite_prepare (db, "SELECT hold FROM undolog"
                                                           " WHERE seq BETWEEN ? AND ? AND hold IS NOT NULL", NULL);
  g_autoptr(GPtrArray) drops = g_ptr_array_new ();

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  while (shnor_document_next_row (self, stmt))
    g_ptr_array_add (drops, sqlite3_mprintf ("DROP TABLE IF EXISTS temp.\"%w\"", sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  for (guint i = 0; i < drops->len; i++)
    {
      sqlite3_exec (db, drops->pdata[i], NULL, NULL, NULL);
      sqlite3_free (drops->pdata[i]);
    }
}
