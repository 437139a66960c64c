/* make-hostile.c: writes the hostile files of issue 14 that are binary or
 * large — crafted and damaged .shnor documents, hostile workbooks — into a
 * folder, each named for what it does; test-hostile runs every verb of
 * shnor on every one of them and on the text files of
 * tests/fixtures/hostile/. Deterministic: the same files every run.
 *
 *   make-hostile DIR           the hostile files, and good.shnor (the demo with its network and bank)
 *   make-hostile --seeds DIR   small good documents, the document fuzzer's seeds
 */
#include <stdio.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "shnor-demo.h"
#include "shnor-demo-network.h"
#include "shnor-document.h"
#include "shnor-schema.h"
#include "xlsx-parts.h"

static const char *dir;

static char *
path_of (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static void
die (const char *what,
     const char *detail)
{
  fprintf (stderr, "make-hostile: %s: %s\n", what, detail ? detail : "");
  exit (1);
}

/* Runs @sql on @path with a plain connection: no defence, the schema
 * writable, foreign keys off — as an attacker's tool would. */
static void
tamper (const char *path,
        const char *sql)
{
  sqlite3 *db = NULL;
  char *msg = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK ||
      sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA writable_schema = ON;", NULL, NULL, &msg) != SQLITE_OK ||
      sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    die (sql, msg ? msg : sqlite3_errmsg (db));
  sqlite3_close (db);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (from, &data, &length, NULL) || !g_file_set_contents (to, data, (gssize) length, NULL))
    die ("copy", to);
}

/* A copy of the demo named @name, with @sql run on it. */
static char *
demo_with (const char *name,
           const char *sql)
{
  g_autofree char *good = path_of ("good.shnor");
  char *path = path_of (name);

  copy_file (good, path);
  if (sql != NULL)
    tamper (path, sql);
  return path;
}

/* NULL in a NOT NULL column: the column's declaration is changed through
 * the writable schema, the NULL stored, the declaration put back — the
 * schema is then exactly Shnor's, the data not. */
static void
null_in (const char *name,
         const char *table,
         const char *declared,
         const char *loose,
         const char *update)
{
  g_autofree char *path = demo_with (name, NULL);
  g_autofree char *loosen = g_strdup_printf ("UPDATE sqlite_schema SET sql = replace (sql, '%s', '%s') WHERE name = '%s';",
                                             declared, loose, table);
  g_autofree char *tighten = g_strdup_printf ("UPDATE sqlite_schema SET sql = replace (sql, '%s', '%s') WHERE name = '%s';",
                                              loose, declared, table);

  tamper (path, loosen);
  tamper (path, update);
  tamper (path, tighten);
}

/* Overwrites the root page of @table with 0xff */
static void
corrupt_root (const char *name,
              const char *table)
{
  g_autofree char *path = demo_with (name, NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_schema WHERE name = '%s'", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int page, page_size = 4096;
  guint8 garbage[4096];
  FILE *f;

  sqlite3_open (path, &db);
  sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    die ("no table", table);
  page = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  memset (garbage, 0xff, sizeof garbage);
  f = g_fopen (path, "r+b");
  if (f == NULL || fseek (f, (long) (page - 1) * page_size, SEEK_SET) != 0 ||
      fwrite (garbage, 1, sizeof garbage, f) != sizeof garbage)
    die ("corrupt", path);
  fclose (f);
}

static void
write_bytes (const char *name,
             const char *data,
             gssize      length)
{
  g_autofree char *path = path_of (name);

  if (!g_file_set_contents (path, data, length, NULL))
    die ("write", path);
}

static void
documents (void)
{
  g_autofree char *good = path_of ("good.shnor");
  g_autofree char *victim = path_of ("victim.shnor");
  g_autoptr(GError) error = NULL;

  g_unlink (good);
  /* the demo with its network and bank (attachments, events), so that
   * their tables are attacked too */
  if (!shnor_demo_network_write (good, &error))
    die ("demo", error->message);
  copy_file (good, victim);

  /* Finding 1: SQL in the names of the file, aimed at another file */
  {
    char *column = sqlite3_mprintf ("ALTER TABLE school ADD COLUMN \"x'); END; ATTACH '%q' AS v;"
                                    " DELETE FROM v.result; DETACH v; --\" TEXT;", victim);
    char *table = sqlite3_mprintf ("CREATE TABLE \"t'); ATTACH '%q' AS v; DELETE FROM v.school; --\" (x);", victim);

    g_free (demo_with ("inject-column.shnor", column));
    g_free (demo_with ("inject-table.shnor", table));
    sqlite3_free (column);
    sqlite3_free (table);
  }
  g_free (demo_with ("trigger.shnor", "CREATE TRIGGER evil AFTER INSERT ON school BEGIN DELETE FROM settings; END;"));
  g_free (demo_with ("view.shnor", "CREATE VIEW evil AS SELECT * FROM school;"));
  g_free (demo_with ("index.shnor", "CREATE INDEX evil ON school (full_name);"));
  g_free (demo_with ("undolog-table.shnor", "CREATE TABLE undolog (seq INTEGER PRIMARY KEY, sql TEXT);"));
  g_free (demo_with ("extra-column.shnor", "ALTER TABLE school ADD COLUMN extra TEXT;"));
  g_free (demo_with ("changed-check.shnor",
                     "UPDATE sqlite_schema SET sql = replace (sql, 'CHECK (area_type BETWEEN 0 AND 2)', '')"
                     " WHERE name = 'school';"));

  /* Finding 2: damaged files that answered as empty ones */
  {
    static const char * const dropped[] = { "result", "school", "criterion", "criteria_set", "programme",
                                            "assessment", "measure", "settings" };

    for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
      {
        g_autofree char *name = g_strdup_printf ("dropped-%s.shnor", dropped[i]);
        g_autofree char *sql = g_strdup_printf ("PRAGMA foreign_keys = OFF; DROP TABLE %s;", dropped[i]);

        g_free (demo_with (name, sql));
      }
  }
  {
    g_autofree char *path = path_of ("empty-with-id.shnor");
    g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                            SHNOR_APPLICATION_ID, SHNOR_FORMAT_VERSION);

    g_unlink (path);
    tamper (path, sql);
  }
  g_free (demo_with ("fake-format-3.shnor", "PRAGMA user_version = 3;"));
  g_free (demo_with ("fake-format-1.shnor", "PRAGMA user_version = 1;"));
  g_free (demo_with ("negative-version.shnor", "PRAGMA user_version = -5;"));
  g_free (demo_with ("other-program.shnor", "PRAGMA application_id = 1234;"));
  corrupt_root ("corrupt-result.shnor", "result");
  corrupt_root ("corrupt-school.shnor", "school");
  corrupt_root ("corrupt-schema.shnor", "settings");

  /* Finding 4: NULLs where the format has NOT NULL */
  null_in ("null-school-code.shnor", "school", "code       TEXT NOT NULL", "code       TEXT",
           "UPDATE school SET code = NULL WHERE id = 1;");
  null_in ("null-criterion-metric.shnor", "criterion", "metric     TEXT NOT NULL", "metric     TEXT",
           "UPDATE criterion SET metric = NULL;");
  null_in ("null-indicator-binding.shnor", "programme_indicator", "binding       TEXT NOT NULL",
           "binding       TEXT", "UPDATE programme_indicator SET binding = NULL;");

  /* values the format never holds */
  g_free (demo_with ("bad-utf8.shnor", "UPDATE school SET full_name = CAST (X'D0FF00C3' AS TEXT) WHERE id = 1;"));
  g_free (demo_with ("text-in-year.shnor", "UPDATE result SET year = 'abc' WHERE id = (SELECT min (id) FROM result);"));
  g_free (demo_with ("huge-period.shnor",
                     "UPDATE programme SET first_year = -2147483648, last_year = 2147483647;"));
  g_free (demo_with ("negative-participants.shnor",
                     "UPDATE result SET participants = -5 WHERE id = (SELECT min (id) FROM result);"));
  g_free (demo_with ("infinite-mean.shnor", "UPDATE result SET mean = 9e999 WHERE id = (SELECT min (id) FROM result);"));
  g_free (demo_with ("unknown-metric.shnor", "UPDATE criterion SET metric = 'evil';"));
  g_free (demo_with ("two-active-sets.shnor", "INSERT INTO criteria_set (name, active) VALUES ('второй', 1);"));
  g_free (demo_with ("dangling-result.shnor",
                     "INSERT INTO result (school_id, assessment_id, year, participants) VALUES (999999, 1, 2025, 10);"));
  g_free (demo_with ("measure-cycle.shnor",
                     "UPDATE measure SET parent_id = (SELECT max (id) FROM measure WHERE parent_id = 1) WHERE id = 1;"));
  g_free (demo_with ("unknown-kind.shnor", "UPDATE assessment SET kind = 'XYZ' WHERE id = 1;"));
  g_free (demo_with ("long-subject.shnor", "UPDATE assessment SET subject = printf ('%.200c', 'x') WHERE id = 1;"));

  /* the bank's attachments: a name is written as a file's name into the
   * folder of --export-bank-folder (three ".." from a practice's folder
   * reach the folder the export is made in) */
  g_free (demo_with ("attachment-dotdot.shnor",
                     "UPDATE practice_file SET name = '../../../escaped.txt' WHERE id = (SELECT min (id) FROM practice_file);"));
  {
    g_autofree char *escaped = path_of ("escaped.txt");
    char *sql = sqlite3_mprintf ("UPDATE practice_file SET name = '%q' WHERE id = (SELECT min (id) FROM practice_file);",
                                 escaped);

    g_free (demo_with ("attachment-absolute.shnor", sql));
    sqlite3_free (sql);
  }
  g_free (demo_with ("attachment-backslash.shnor",
                     "UPDATE practice_file SET name = '..\\..\\..\\escaped.txt' WHERE id = (SELECT min (id) FROM practice_file);"));
  g_free (demo_with ("attachment-control.shnor",
                     "UPDATE practice_file SET name = 'a' || char (10) || 'b.pdf' WHERE id = (SELECT min (id) FROM practice_file);"));
  g_free (demo_with ("attachment-twice.shnor",
                     "UPDATE practice_file SET name = (SELECT name FROM practice_file f WHERE f.practice_id = practice_file.practice_id"
                     " AND f.id < practice_file.id) WHERE id = (SELECT max (id) FROM practice_file WHERE practice_id ="
                     " (SELECT practice_id FROM practice_file GROUP BY practice_id HAVING count (*) > 1 LIMIT 1));"));
  g_free (demo_with ("attachment-no-data.shnor",
                     "DELETE FROM practice_file_data WHERE id = (SELECT min (id) FROM practice_file);"));
  g_free (demo_with ("attachment-size.shnor",
                     "UPDATE practice_file SET size = size + 1 WHERE id = (SELECT min (id) FROM practice_file);"));
  g_free (demo_with ("attachment-huge.shnor",
                     "UPDATE practice_file_data SET data = zeroblob (21 * 1024 * 1024) WHERE id = (SELECT min (id) FROM practice_file);"
                     "UPDATE practice_file SET size = 21 * 1024 * 1024 WHERE id = (SELECT min (id) FROM practice_file);"));
  /* the bank's search index: damaged, out of step with the practices, or
   * with a ranking of the file's own */
  g_free (demo_with ("search-index-damaged.shnor",
                     "UPDATE practice_fts_data SET block = zeroblob (length (block)) WHERE id > 10;"));
  g_free (demo_with ("search-index-stale.shnor",
                     "UPDATE practice SET title = 'Совсем другая практика' WHERE id = (SELECT min (id) FROM practice);"));
  g_free (demo_with ("search-index-setting.shnor",
                     "INSERT INTO practice_fts_config (k, v) VALUES ('rank', 'bm25 (10.0)');"));
  /* identification's sums edited by hand: the lists must not be made from them */
  g_free (demo_with ("sums-edited.shnor", "UPDATE result_sums SET z_sum = z_sum - 1000;"));
  g_free (demo_with ("sums-deleted.shnor", "DELETE FROM result_sums WHERE school_id = 2;"));
  g_free (demo_with ("assessment-sums-edited.shnor", "UPDATE assessment_sums SET below = 0;"));
  /* dates SQLite's date() takes as they are */
  g_free (demo_with ("impossible-event-date.shnor", "UPDATE joint_event SET date = '2025-02-31';"));
  g_free (demo_with ("impossible-order-date.shnor", "UPDATE programme SET order_date = '2025-02-30';"));

  /* not SQLite, or not whole */
  write_bytes ("empty.shnor", "", 0);
  write_bytes ("text.shnor", "Школа;Год\n", -1);
  {
    g_autofree char *data = NULL;
    gsize length;

    g_file_get_contents (good, &data, &length, NULL);
    write_bytes ("truncated.shnor", data, (gssize) length / 3);
  }
}

/* A workbook of the given parts (NULL: the default) */
static void
workbook (const char *name,
          const char *sheet,
          const char *strings,
          const char *book,
          const char *rels,
          gboolean    deflate)
{
  g_autofree char *path = path_of (name);
  const char *parts[XLSX_N_PARTS] = { sheet, strings, book, rels, NULL };
  gsize lengths[XLSX_N_PARTS] = { sheet ? strlen (sheet) : 0, strings ? strlen (strings) : 0,
                                  book ? strlen (book) : 0, rels ? strlen (rels) : 0, 0 };

  g_unlink (path);
  if (!xlsx_parts_write (path, parts, lengths, deflate))
    die ("workbook", path);
}

#define MAIN "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define HEADER "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Школа</t></is></c>" \
               "<c r=\"B1\" t=\"inlineStr\"><is><t>Год</t></is></c></row>"

static void
workbooks (void)
{
  /* Finding 3: memory */
  workbook ("far-right-cell.xlsx",
            "<worksheet " MAIN "><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>"
            "<c r=\"XFD1\"><v>1</v></c></row><row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>"
            "</sheetData></worksheet>", NULL, NULL, NULL, TRUE);
  {
    g_autoptr(GString) sheet = g_string_new ("<worksheet " MAIN "><sheetData>"
                                             "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"XFD1\"><v>1</v></c></row>");

    for (guint r = 2; r <= 200000; r++)
      g_string_append_printf (sheet, "<row r=\"%u\"><c r=\"XFD%u\"><v>1</v></c></row>", r, r);
    g_string_append (sheet, "</sheetData></worksheet>");
    workbook ("far-right-rows.xlsx", sheet->str, NULL, NULL, NULL, TRUE);
  }
  {
    g_autoptr(GString) sheet = g_string_new ("<worksheet " MAIN "><sheetData>");
    g_autoptr(GString) strings = g_string_new ("<sst " MAIN "><si><t>");

    for (guint i = 0; i < 30000; i++)
      g_string_append (strings, "Ш");
    g_string_append (strings, "</t></si></sst>");
    for (guint r = 1; r <= 100000; r++)
      g_string_append_printf (sheet, "<row r=\"%u\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>0</v></c></row>", r);
    g_string_append (sheet, "</sheetData></worksheet>");
    workbook ("one-string-reused.xlsx", sheet->str, strings->str, NULL, NULL, TRUE);
  }
  {
    g_autoptr(GString) strings = g_string_new ("<sst " MAIN ">");

    for (guint i = 0; i < 25000000; i++)
      g_string_append (strings, "<si/>");
    g_string_append (strings, "</sst>");
    workbook ("empty-strings.xlsx", "<worksheet " MAIN "><sheetData>" HEADER "</sheetData></worksheet>",
              strings->str, NULL, NULL, TRUE);
  }
  {
    /* 64 MB of blanks in a few kilobytes: the reader holds no run of text
     * larger than a cell could be */
    gsize blanks = (gsize) 64 * 1024 * 1024;
    g_autoptr(GString) sheet = g_string_new ("<worksheet " MAIN "><sheetData>" HEADER);

    g_string_set_size (sheet, sheet->len + blanks);
    memset (sheet->str + sheet->len - blanks, ' ', blanks);
    g_string_append (sheet, "</sheetData></worksheet>");
    workbook ("blanks-bomb.xlsx", sheet->str, NULL, NULL, NULL, TRUE);
  }
  {
    /* a million elements, each inside the one before */
    g_autoptr(GString) sheet = g_string_new ("<worksheet " MAIN "><sheetData>" HEADER);

    for (guint i = 0; i < 1000000; i++)
      g_string_append (sheet, "<a>");
    g_string_append (sheet, "</sheetData></worksheet>");
    workbook ("deep-nesting.xlsx", sheet->str, NULL, NULL, NULL, TRUE);
  }
  workbook ("entities.xlsx",
            "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
            "<worksheet " MAIN "><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row>"
            "</sheetData></worksheet>", NULL, NULL, NULL, FALSE);

  /* Finding 6 and 8: what Excel never writes, read as a guess before */
  workbook ("missing-sheet-relationship.xlsx", "<worksheet " MAIN "><sheetData>" HEADER "</sheetData></worksheet>", NULL,
            "<workbook " MAIN " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            "<sheets><sheet name=\"Лист1\" sheetId=\"1\" r:id=\"rId9\"/></sheets></workbook>", NULL, FALSE);
  workbook ("wrong-namespace-sheet.xlsx", "<worksheet " MAIN "><sheetData>" HEADER "</sheetData></worksheet>", NULL,
            "<workbook " MAIN " xmlns:r=\"http://example.org/not-relationships\">"
            "<sheets><sheet name=\"Лист1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>", NULL, FALSE);
  workbook ("shared-string-missing.xlsx",
            "<worksheet " MAIN "><sheetData>" HEADER "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>7</v></c>"
            "<c r=\"B2\"><v>2025</v></c></row></sheetData></worksheet>",
            "<sst " MAIN "><si><t>СОШ № 1</t></si></sst>", NULL, NULL, FALSE);
  workbook ("shared-string-not-number.xlsx",
            "<worksheet " MAIN "><sheetData>" HEADER "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>-1</v></c>"
            "<c r=\"B2\"><v>2025</v></c></row></sheetData></worksheet>",
            "<sst " MAIN "><si><t>СОШ № 1</t></si></sst>", NULL, NULL, FALSE);
  workbook ("column-overflow.xlsx",
            "<worksheet " MAIN "><sheetData>" HEADER "<row r=\"2\"><c r=\"AAAAAAAAAAAAAAAAAAAAAAA2\"><v>1</v></c>"
            "</row></sheetData></worksheet>", NULL, NULL, NULL, FALSE);
  workbook ("row-overflow.xlsx",
            "<worksheet " MAIN "><sheetData>" HEADER "<row r=\"99999999999999999999\"><c><v>1</v></c>"
            "</row></sheetData></worksheet>", NULL, NULL, NULL, FALSE);
  workbook ("rows-out-of-order.xlsx",
            "<worksheet " MAIN "><sheetData>" HEADER "<row r=\"3\"><c r=\"A3\"><v>1</v></c></row>"
            "<row r=\"2\"><c r=\"A2\"><v>1</v></c></row></sheetData></worksheet>", NULL, NULL, NULL, FALSE);
  workbook ("cell-twice.xlsx",
            "<worksheet " MAIN "><sheetData>" HEADER "<row r=\"2\"><c r=\"B2\"><v>1</v></c>"
            "<c r=\"A2\"><v>1</v></c></row></sheetData></worksheet>", NULL, NULL, NULL, FALSE);
  workbook ("duplicate-relationship.xlsx", "<worksheet " MAIN "><sheetData>" HEADER "</sheetData></worksheet>", NULL, NULL,
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
            " Target=\"worksheets/sheet1.xml\"/>"
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
            " Target=\"worksheets/sheet1.xml\"/></Relationships>", FALSE);
  workbook ("overlapping-merges.xlsx",
            "<worksheet " MAIN "><sheetData>" HEADER "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>СОШ</t></is></c></row>"
            "<row r=\"3\"><c r=\"B3\"><v>2025</v></c></row></sheetData>"
            "<mergeCells><mergeCell ref=\"A2:A9\"/><mergeCell ref=\"A3:A5\"/></mergeCells></worksheet>",
            NULL, NULL, NULL, FALSE);
  write_bytes ("not-a-zip.xlsx", "PK\003\004 not really a zip archive", -1);
}

/* Small good documents: a new one and the demo, with pages of 512 bytes,
 * so that the fuzzer's mutations reach all of them. (run-fuzz.sh adds the
 * first format's fixture.) */
static void
seeds (void)
{
  static const char * const names[] = { "new.shnor", "demo.shnor" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = path_of (names[i]);
      g_autoptr(GError) error = NULL;
      ShnorDocument *doc = NULL;

      g_unlink (path);
      if (i == 0)
        doc = shnor_document_create (path, &error);
      else
        shnor_demo_write (path, &error);
      g_clear_object (&doc);
      if (error != NULL)
        die (names[i], error->message);
      tamper (path, "PRAGMA page_size = 512; VACUUM;");
    }
}

int
main (int   argc,
      char *argv[])
{
  gboolean seeds_only = argc == 3 && g_str_equal (argv[1], "--seeds");

  if (argc != 2 && !seeds_only)
    {
      fprintf (stderr, "usage: make-hostile DIR | make-hostile --seeds DIR\n");
      return 2;
    }
  dir = argv[argc - 1];
  g_mkdir_with_parents (dir, 0755);
  if (seeds_only)
    seeds ();
  else
    {
      documents ();
      workbooks ();
    }
  return 0;
}
