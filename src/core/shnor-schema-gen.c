/* shnor-schema-gen.c: writes the C source of the expected schema of the
 * current format (shnor-schema-reference.h), at build time.
 *
 * A file's schema is compared at every open with the one Shnor's own
 * steps make (shnor-schema-check.c). Running all of them in memory at
 * each start took 24 ms of processor time, a fifth of a command such as
 * --export-lists on a region; the result is the same for every run of one
 * build, so it is made here once: the steps are run on an empty database
 * in memory, whatever rows they add are deleted, and the database, in
 * pages of 512 bytes, is written as an array of bytes.
 *
 * Usage: shnor-schema-gen OUT.c */
#include "config.h"
#include <stdio.h>
#include <sqlite3.h>

#include "shnor-schema.h"
#include "shnor-sqlite.h"

static int
fail (sqlite3    *db,
      const char *what)
{
  fprintf (stderr, "shnor-schema-gen: %s: %s\n", what, db ? sqlite3_errmsg (db) : "");
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;
  GString *deletes = g_string_new ("BEGIN;");
  GError *error = NULL;
  unsigned char *bytes;
  sqlite3_int64 size = 0;
  FILE *out;

  if (argc != 2)
    {
      fprintf (stderr, "usage: shnor-schema-gen OUT.c\n");
      return 2;
    }
  if (shnor_sqlite_open (":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &db) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA page_size = 512", NULL, NULL, NULL) != SQLITE_OK)
    return fail (db, "open");
  if (!shnor_schema_run_steps (db, 0, SHNOR_FORMAT_VERSION, &error))
    {
      fprintf (stderr, "shnor-schema-gen: %s\n", error->message);
      return 1;
    }
  /* no rows: not the identity and key a step makes at random */
  if (sqlite3_prepare_v2 (db, "SELECT format ('DELETE FROM main.%w;', name) FROM pragma_table_list"
                              " WHERE schema = 'main' AND type IN ('table', 'virtual')"
                              " AND name NOT LIKE 'sqlite_%'", -1, &tables, NULL) != SQLITE_OK)
    return fail (db, "tables");
  while (sqlite3_step (tables) == SQLITE_ROW)
    g_string_append (deletes, (const char *) sqlite3_column_text (tables, 0));
  sqlite3_finalize (tables);
  g_string_append (deletes, "COMMIT; VACUUM;");
  if (sqlite3_exec (db, deletes->str, NULL, NULL, NULL) != SQLITE_OK)
    return fail (db, "delete");
  bytes = sqlite3_serialize (db, "main", &size, 0);
  if (bytes == NULL || size <= 0)
    return fail (db, "serialize");

  out = fopen (argv[1], "w");
  if (out == NULL)
    {
      perror (argv[1]);
      return 1;
    }
  fprintf (out, "/* Made by shnor-schema-gen: the schema of format %d. Do not edit. */\n"
                "#include \"shnor-schema-reference.h\"\n\n"
                "const unsigned char shnor_schema_reference[] = {", SHNOR_FORMAT_VERSION);
  for (sqlite3_int64 i = 0; i < size; i++)
    fprintf (out, "%s%u,", i % 24 == 0 ? "\n  " : "", bytes[i]);
  fprintf (out, "\n};\nconst gsize shnor_schema_reference_size = %" G_GINT64_FORMAT ";\n", (gint64) size);
  sqlite3_free (bytes);
  g_string_free (deletes, TRUE);
  sqlite3_close (db);
  if (fclose (out) != 0)
    {
      perror (argv[1]);
      return 1;
    }
  return 0;
}
