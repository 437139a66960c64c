/* test-safety.c: the findings of issue 14, one test (or more) each — a
 * file from anywhere is safe to open, a damaged one never answers, the
 * readers of CSV and XLSX are bounded, writers never replace a database.
 * (test-hostile runs every verb of the command line on the hostile files;
 * these test the core and io functions themselves.) */
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "shnor-demo.h"
#include "shnor-document-private.h"
#include "shnor-error.h"
#include "shnor-files.h"
#include "shnor-results-import.h"
#include "shnor-schema.h"
#include "shnor-schema-check.h"
#include "shnor-schema-reference.h"
#include "shnor-sqlite.h"
#include "shnor-xlsx-export.h"
#include "test-util.h"
#include "xlsx-parts.h"

typedef struct {
  char *dir;
  char *path;     /* the demo */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = test_tmpdir ();
  f->path = g_build_filename (f->dir, "Муниципалитет.shnor", NULL);
  g_assert_true (shnor_demo_write (f->path, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  shnor_schema_check_set_small_table (SHNOR_CHECK_SMALL_TABLE);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Runs @sql on @path as an attacker's tool would: no defence, the schema
 * writable, foreign keys off. */
static void
tamper (const char *path,
        const char *sql)
{
  sqlite3 *db = NULL;
  char *msg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
  if (sqlite3_exec (db, "PRAGMA writable_schema = ON;", NULL, NULL, &msg) != SQLITE_OK ||
      sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
  sqlite3_close (db);
}

static char *
copy_of (Fixture    *f,
         const char *name)
{
  g_autofree char *data = NULL;
  gsize length;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_get_contents (f->path, &data, &length, NULL));
  test_write_file (path, data, (gssize) length);
  return path;
}

static gint64
count (const char *path,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Opening must fail with SHNOR_ERROR_DAMAGED (or @code), naming @what,
 * and leave the file as it was. */
static void
assert_refused (const char *path,
                int         code,
                const char *what)
{
  g_autofree char *before = test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = shnor_document_open (path, &error);

  g_assert_null (doc);
  g_assert_error (error, SHNOR_ERROR, code);
  g_test_message ("%s", error->message);
  if (what != NULL)
    g_assert_nonnull (strstr (error->message, what));
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

/* ---- 1: a crafted file runs no SQL of its own ----------------------- */

static void
test_injected_names (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *victim = copy_of (f, "Другой.shnor");
  g_autofree char *column = copy_of (f, "column.shnor");
  g_autofree char *table = copy_of (f, "table.shnor");
  g_autofree char *before = test_file_checksum (victim);
  g_autofree char *after = NULL;
  char *sql;
  gint64 results = count (victim, "SELECT count(*) FROM result");

  g_assert_cmpint (results, >, 0);
  sql = sqlite3_mprintf ("ALTER TABLE school ADD COLUMN \"x'); END; ATTACH '%q' AS v;"
                         " DELETE FROM v.result; DETACH v; --\" TEXT;", victim);
  tamper (column, sql);
  sqlite3_free (sql);
  sql = sqlite3_mprintf ("CREATE TABLE \"t'); ATTACH '%q' AS v; DELETE FROM v.result; --\" (x);", victim);
  tamper (table, sql);
  sqlite3_free (sql);

  assert_refused (column, SHNOR_ERROR_DAMAGED, "school");
  assert_refused (table, SHNOR_ERROR_DAMAGED, "ATTACH");
  g_assert_false (shnor_document_check_file (column, NULL));
  g_assert_false (shnor_document_check_file (table, NULL));
  after = test_file_checksum (victim);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count (victim, "SELECT count(*) FROM result"), ==, results);
}

/* Triggers, views and indexes of the file's own are refused: they would
 * run on Shnor's writes. */
static void
test_objects_of_the_file (Fixture       *f,
                          gconstpointer  data)
{
  static const struct { const char *sql; const char *name; } objects[] = {
    { "CREATE TRIGGER evil AFTER INSERT ON school BEGIN DELETE FROM settings; END;", "evil" },
    { "CREATE TEMP TRIGGER x AFTER INSERT ON school BEGIN SELECT 1; END;", NULL },
    { "CREATE VIEW evil AS SELECT * FROM school;", "evil" },
    { "CREATE INDEX evil ON school (full_name);", "evil" },
    { "CREATE TABLE undolog (seq INTEGER PRIMARY KEY, sql TEXT);", "undolog" },
    { "UPDATE sqlite_schema SET sql = replace (sql, 'CHECK (area_type BETWEEN 0 AND 2)', '') WHERE name = 'school';",
      "school" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      g_autofree char *name = g_strdup_printf ("objects-%u.shnor", i);
      g_autofree char *path = copy_of (f, name);

      tamper (path, objects[i].sql);
      if (objects[i].name == NULL)
        {
          /* a temporary trigger lives in the connection, not the file */
          g_autoptr(ShnorDocument) doc = shnor_document_open (path, NULL);

          g_assert_nonnull (doc);
          continue;
        }
      assert_refused (path, SHNOR_ERROR_DAMAGED, objects[i].name);
    }
}

/* What SQLite makes by itself (ANALYZE's statistics) is no problem. */
static void
test_sqlite_own_tables (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ShnorDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  tamper (f->path, "ANALYZE;");
  g_assert_cmpint (count (f->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'"), ==, 1);
  doc = shnor_document_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_object (&doc);
  g_assert_true (shnor_document_check_file (f->path, &error));
  g_assert_no_error (error);
}

/* Every connection is defensive: no writable schema, no extensions. */
static void
test_defensive_connection (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = shnor_document_open (f->path, &error);
  sqlite3 *db;

  g_assert_no_error (error);
  db = shnor_document_get_db (doc);
  sqlite3_exec (db, "PRAGMA writable_schema = ON", NULL, NULL, NULL);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE sqlite_schema SET sql = 'x' WHERE name = 'school'", NULL, NULL, NULL),
                   !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "SELECT load_extension ('/nonexistent')", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_nonnull (strstr (sqlite3_errmsg (db), "not authorized"));
  {
    int trusted = -1;

    sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &trusted);
    g_assert_cmpint (trusted, ==, 0);
  }
}

/* The undo triggers and the bulk code take names from Shnor's schema,
 * quoted: a table of the format reads back as the format has it. */
static void
test_undo_from_constants (void)
{
  const char *undo = shnor_schema_undo_triggers ();
  g_auto(GStrv) indexes = shnor_schema_table_indexes ("result");

  g_assert_nonnull (strstr (undo, "CREATE TEMP TRIGGER \"undo_school_i\" AFTER INSERT ON main.\"school\""));
  g_assert_nonnull (shnor_schema_undo_trigger ("result", "d"));
  g_assert_null (shnor_schema_undo_trigger ("no_such_table", "d"));
  g_assert_cmpuint (g_strv_length (indexes), ==, 2);
  g_assert_true (g_str_has_prefix (shnor_schema_index_sql (indexes[0]), "CREATE "));
}

/* ---- 2: a damaged file never answers ------------------------------- */

static void
test_dropped_tables (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const tables[] = { "result", "school", "criterion", "programme", "settings" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *name = g_strdup_printf ("dropped-%s.shnor", tables[i]);
      g_autofree char *path = copy_of (f, name);
      g_autofree char *sql = g_strdup_printf ("PRAGMA foreign_keys = OFF; DROP TABLE %s;", tables[i]);
      g_autofree char *quoted = g_strdup_printf ("“%s”", tables[i]);
      g_autoptr(GError) error = NULL;

      tamper (path, sql);
      assert_refused (path, SHNOR_ERROR_DAMAGED, quoted);
      g_assert_false (shnor_document_check_file (path, &error));
      g_assert_nonnull (strstr (error->message, quoted));
    }
}

static void
test_empty_database_with_our_id (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "пустой.shnor", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                          SHNOR_APPLICATION_ID, SHNOR_FORMAT_VERSION);
  g_autoptr(GError) error = NULL;

  tamper (path, sql);
  assert_refused (path, SHNOR_ERROR_DAMAGED, "missing");
  g_assert_false (shnor_document_check_file (path, &error));
}

/* A file of the current format calling itself older is refused before
 * anything, and leaves no backup copy (finding 8 too). */
static void
test_fake_old_version (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = copy_of (f, "старый.shnor");
  g_autofree char *backup = g_build_filename (f->dir, "старый.format-3.bak.shnor", NULL);

  tamper (path, "PRAGMA user_version = 3;");
  assert_refused (path, SHNOR_ERROR_DAMAGED, "format 3");
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_false (shnor_document_check_file (path, NULL));
}

/* --check says what is wrong and where: a line each. */
static void
test_check_lists_problems (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  tamper (f->path, "UPDATE result SET participants = -5 WHERE id IN (1, 2);"
                   "UPDATE criterion SET metric = 'evil' WHERE id = 1;"
                   "INSERT INTO criteria_set (name, active) VALUES ('второй', 1);");
  g_assert_false (shnor_document_check_file (f->path, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "\n  – table “result”, row 1:"));
  g_assert_nonnull (strstr (error->message, "\n  – table “result”, row 2:"));
  g_assert_nonnull (strstr (error->message, "\n  – table “criterion”, row 1: “evil”"));
  g_assert_nonnull (strstr (error->message, "table “criteria_set”, row"));
  assert_refused (f->path, SHNOR_ERROR_DAMAGED, "“result”");
}

/* A damaged page of a table too large to check at open (a region's
 * results, or the sums of identification kept from them, which is what
 * the classification reads) fails the reads: no list, no export is made
 * from it, and nothing more is written into the file. */
static void
test_damaged_pages_fail_reads (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = NULL;
  g_autoptr(ShnorClassification) classification = NULL;
  g_autofree char *lists = g_build_filename (f->dir, "Перечни.xlsx", NULL);
  gint64 root = count (f->path, "SELECT rootpage FROM sqlite_schema WHERE name = 'result_sums'");
  guint8 garbage[4096];
  FILE *file;

  memset (garbage, 0xff, sizeof garbage);
  file = g_fopen (f->path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, (long) (root - 1) * 4096, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (garbage, 1, sizeof garbage, file), ==, sizeof garbage);
  fclose (file);

  /* at its usual size the open finds it */
  assert_refused (f->path, SHNOR_ERROR_DAMAGED, NULL);

  /* as if the results were a region's: the open leaves them to the readers */
  shnor_schema_check_set_small_table (0);
  doc = shnor_document_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (shnor_document_check_reads (doc, NULL));
  classification = shnor_document_classify (doc);
  g_assert_false (shnor_document_check_reads (doc, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_true (shnor_document_get_read_only (doc));
  g_assert_false (shnor_document_add_school (doc, "Новая школа", &error) > 0);
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (shnor_export_lists_xlsx (doc, lists, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_DAMAGED);
  g_assert_false (g_file_test (lists, G_FILE_TEST_EXISTS));
}

/* ---- 4: readers never dereference a NULL ----------------------------- */

/* NULLs in NOT NULL columns of a file whose schema is Shnor's: the open
 * refuses it; and when the checks of the data are left out (a table of a
 * region's size), the readers still do not crash. */
static void
test_nulls (Fixture       *f,
            gconstpointer  data)
{
  /* table, its column as declared, without NOT NULL, the update (the
   * criteria are read and checked whole at every open, whatever the size
   * of the file: see /identification/edge/hand-edited) */
  static const char * const steps[][4] = {
    { "school", "code       TEXT NOT NULL", "code       TEXT", "UPDATE school SET code = NULL;" },
    { "programme_indicator", "binding       TEXT NOT NULL", "binding       TEXT",
      "UPDATE programme_indicator SET binding = NULL;" },
    { "school", "full_name  TEXT NOT NULL CHECK (full_name <> '')", "full_name  TEXT",
      "UPDATE school SET full_name = NULL WHERE id = 2;" },
  };
  g_autofree char *lists = g_build_filename (f->dir, "Перечни.xlsx", NULL);
  g_autofree char *programme = g_build_filename (f->dir, "Программа.xlsx", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "результаты.csv", NULL);
  g_autoptr(GError) error = NULL;

  /* loosen the declaration, store the NULL, put the declaration back */
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      char *without = sqlite3_mprintf ("UPDATE sqlite_schema SET sql = replace (sql, '%q', '%q /*loose*/')"
                                       " WHERE name = '%q';", steps[i][1], steps[i][2], steps[i][0]);
      char *with = sqlite3_mprintf ("UPDATE sqlite_schema SET sql = replace (sql, '%q /*loose*/', '%q')"
                                    " WHERE name = '%q';", steps[i][2], steps[i][1], steps[i][0]);

      tamper (f->path, without);
      tamper (f->path, steps[i][3]);
      tamper (f->path, with);
      sqlite3_free (without);
      sqlite3_free (with);
    }
  assert_refused (f->path, SHNOR_ERROR_DAMAGED, "NULL");

  test_write_file (csv, "Код;Год;Вид;Предмет;Класс;Участники;Средний балл\n0301;2025;ОГЭ;Математика;9;20;3,9\n", -1);
  shnor_schema_check_set_small_table (0);
  {
    g_autoptr(ShnorDocument) doc = shnor_document_open (f->path, &error);
    g_autoptr(ShnorClassification) classification = NULL;
    g_autoptr(ShnorImportPlan) plan = NULL;

    g_assert_no_error (error);
    classification = shnor_document_classify (doc);
    g_assert_nonnull (classification);
    plan = shnor_import_plan_new_from_file (doc, csv, &error);
    g_assert_no_error (error);
    shnor_export_lists_xlsx (doc, lists, NULL);
    shnor_export_programme_xlsx (doc, 1, programme, NULL);
    for (guint i = 0; i < g_list_model_get_n_items (shnor_document_get_schools (doc)); i++)
      {
        g_autoptr(ShnorSchool) school = g_list_model_get_item (shnor_document_get_schools (doc), i);

        g_assert_nonnull (shnor_school_get_display_name (school));
      }
  }
}

/* Values of another type than their column's, each alone in a copy of
 * the demo: refused at open with the table, row and column named; a
 * NULL where the format allows one, and a whole number in a column of
 * reals, are not problems. */
static void
test_types (Fixture       *f,
            gconstpointer  data)
{
  static const struct { const char *sql; const char *what; } cases[] = {
    { "UPDATE school SET short_name = CAST (x'C328' AS TEXT) WHERE id = 2", "short_name" },
    { "UPDATE school SET phone = x'00ff' WHERE id = 2", "phone" },
    { "PRAGMA ignore_check_constraints = ON; UPDATE school SET area_type = 'сельская' WHERE id = 3", "area_type" },
    { "UPDATE school SET hard_to_reach = 1.5 WHERE id = 1", "hard_to_reach" },
    { "UPDATE school_context SET year = 50 WHERE rowid = 1", "year" },
    { "UPDATE school_context SET year = 2025.5 WHERE rowid = 1", "year" },
    { "UPDATE result_sums SET z_sum = 9e999 WHERE rowid = 1", "z_sum" },
    { "UPDATE result_sums SET z_sum = 'много' WHERE rowid = 1", "z_sum" },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("типы-%u.shnor", i);
      g_autofree char *path = copy_of (f, name);

      g_test_message ("%s", cases[i].sql);
      tamper (path, cases[i].sql);
      assert_refused (path, SHNOR_ERROR_DAMAGED, cases[i].what);
    }

  /* allowed: NULLs where the format has none, a whole number as a real */
  tamper (f->path, "UPDATE result SET high = NULL WHERE id = 1;"
                   "UPDATE school_context SET distance_km = 12, pupils = NULL WHERE rowid = 1;");
  {
    g_autoptr(ShnorDocument) doc = shnor_document_open (f->path, &error);

    g_assert_no_error (error);
    g_assert_nonnull (doc);
  }
}

/* A table of one row whose index is empty (the index's root page swapped
 * with that of an empty table's index): the open reads the table, not the
 * index, to decide it has nothing to check, and refuses the row that
 * breaks its CHECK. */
static void
test_one_row_empty_index (Fixture       *f,
                          gconstpointer  data)
{
  g_assert_cmpint (count (f->path, "SELECT count(*) FROM form_acceptance"), ==, 0);
  tamper (f->path, "PRAGMA ignore_check_constraints = ON;"
                   "INSERT INTO assessment_scale (kind, subject, grade, min, max) VALUES ('ОГЭ', 'Математика', 9, 31, 0);");
  tamper (f->path, "UPDATE sqlite_schema SET rootpage = CASE name"
                   " WHEN 'sqlite_autoindex_assessment_scale_1'"
                   " THEN (SELECT rootpage FROM sqlite_schema WHERE name = 'form_acceptance_school')"
                   " ELSE (SELECT rootpage FROM sqlite_schema WHERE name = 'sqlite_autoindex_assessment_scale_1') END"
                   " WHERE name IN ('sqlite_autoindex_assessment_scale_1', 'form_acceptance_school');");
  g_assert_cmpint (count (f->path, "SELECT count(*) FROM assessment_scale NOT INDEXED"), ==, 1);
  assert_refused (f->path, SHNOR_ERROR_DAMAGED, "assessment_scale");
}

/* A damaged schema whose name carries a terminal's escape sequence and
 * invalid UTF-8: SQLite quotes it in its words, the message shows it
 * without the control characters, as valid UTF-8. */
static void
test_damaged_schema_words (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = NULL;

  tamper (f->path, "INSERT INTO sqlite_schema VALUES ('table', 'x' || char (27) || '[31m' || char (7)"
                   " || CAST (x'ff' AS TEXT), 'x', 0, 'CREATE TABLE garbage (');");
  doc = shnor_document_open (f->path, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  for (const char *p = error->message; *p; p++)
    g_assert_false (g_ascii_iscntrl (*p));
}

/* ---- 5: writers never replace a database ----------------------------- */

static void
test_export_targets (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = shnor_document_open (f->path, &error);
  g_autofree char *other = copy_of (f, "Другой.shnor");
  g_autofree char *named = g_build_filename (f->dir, "Перечни.shnor", NULL);
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
  g_autofree char *fifo = g_build_filename (f->dir, "канал.xlsx", NULL);
  const char *targets[] = { f->path, other, named, journal, fifo, f->dir };

  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *before = g_file_test (targets[i], G_FILE_TEST_IS_REGULAR) ? test_file_checksum (targets[i])
                                                                                : NULL;

      g_assert_false (shnor_check_target (targets[i], SHNOR_TARGET_EXPORT, NULL));
      g_assert_false (shnor_export_lists_xlsx (doc, targets[i], &error));
      g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_EXISTS);
      g_clear_error (&error);
      g_assert_false (shnor_export_programme_xlsx (doc, 1, targets[i], &error));
      g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_EXISTS);
      g_clear_error (&error);
      g_assert_false (shnor_import_write_template (targets[i], &error));
      g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_EXISTS);
      g_clear_error (&error);
      if (before != NULL)
        {
          g_autofree char *after = test_file_checksum (targets[i]);

          g_assert_cmpstr (before, ==, after);
        }
      else if (i == 2 || i == 3)
        g_assert_false (g_file_test (targets[i], G_FILE_TEST_EXISTS));
    }
  /* the open document still works, and ordinary targets still do */
  g_assert_cmpint (shnor_document_add_school (doc, "Ещё одна школа", &error), >, 0);
  g_assert_no_error (error);
  {
    g_autofree char *xlsx = g_build_filename (f->dir, "Перечни.xlsx", NULL);

    g_assert_true (shnor_export_lists_xlsx (doc, xlsx, &error));
    g_assert_no_error (error);
    /* an export replaces an earlier export */
    g_assert_true (shnor_export_lists_xlsx (doc, xlsx, &error));
    g_assert_no_error (error);
  }
  g_unlink (fifo);
}

/* ---- 3, 6, 8: the XLSX reader ------------------------------------------ */

#define MAIN "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""

static ShnorTable *
read_workbook (Fixture    *f,
               const char *sheet,
               const char *strings,
               const char *workbook,
               const char *rels,
               GError    **error)
{
  g_autofree char *path = g_build_filename (f->dir, "книга.xlsx", NULL);
  const char *parts[XLSX_N_PARTS] = { sheet, strings, workbook, rels, NULL };
  gsize lengths[XLSX_N_PARTS] = { sheet ? strlen (sheet) : 0, strings ? strlen (strings) : 0,
                                  workbook ? strlen (workbook) : 0, rels ? strlen (rels) : 0, 0 };

  g_unlink (path);
  g_assert_true (xlsx_parts_write (path, parts, lengths, TRUE));
  return shnor_table_read_file (path, error);
}

static const char *
cell_at (ShnorTable *t,
         guint       row,
         guint       column)
{
  return shnor_table_get_cell (t, shnor_table_get_row (t, row), column);
}

/* A cell far to the right is not padded to: columns past the header's
 * last are not read, and the table is as small as the header. */
static void
test_xlsx_far_right (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorTable) t = read_workbook (f,
    "<worksheet " MAIN "><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Код</t></is></c>"
    "<c r=\"C1\" t=\"inlineStr\"><is><t>Год</t></is></c><c r=\"XFD1\" s=\"3\"/></row>"
    "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"XFD2\"><v>9</v></c></row>"
    "<row r=\"1048576\"><c r=\"XFD1048576\"><v>9</v></c></row></sheetData></worksheet>",
    NULL, NULL, NULL, &error);
  g_autoptr(GString) rows = g_string_new ("<worksheet " MAIN "><sheetData>"
                                          "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"XFD1\"><v>1</v></c></row>");

  g_assert_no_error (error);
  g_assert_cmpuint (t->rows->len, ==, 2);
  g_assert_cmpuint (shnor_table_get_row (t, 0)->n_cells, ==, 3);
  g_assert_cmpuint (shnor_table_get_row (t, 1)->n_cells, ==, 1);
  g_assert_cmpstr (cell_at (t, 1, 0), ==, "1");
  g_assert_cmpuint (t->n_cells, ==, 4);

  /* a header as wide as Excel allows and rows that fill it: the cap */
  for (guint r = 2; r <= 5000; r++)
    g_string_append_printf (rows, "<row r=\"%u\"><c r=\"XFD%u\"><v>1</v></c></row>", r, r);
  g_string_append (rows, "</sheetData></worksheet>");
  g_clear_pointer (&t, shnor_table_free);
  t = read_workbook (f, rows->str, NULL, NULL, NULL, &error);
  g_assert_null (t);
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "too large"));
}

static void
test_xlsx_text_caps (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) strings = g_string_new ("<sst " MAIN "><si><t>");
  g_autoptr(GString) sheet = g_string_new ("<worksheet " MAIN "><sheetData>");
  g_autoptr(ShnorTable) t = NULL;

  /* one long text reused by many cells */
  for (guint i = 0; i < 30000; i++)
    g_string_append (strings, "Ш");
  g_string_append (strings, "</t></si></sst>");
  for (guint r = 1; r <= 6000; r++)
    g_string_append_printf (sheet, "<row r=\"%u\"><c t=\"s\"><v>0</v></c></row>", r);
  g_string_append (sheet, "</sheetData></worksheet>");
  t = read_workbook (f, sheet->str, strings->str, NULL, NULL, &error);
  g_assert_null (t);
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);

  /* a text longer than a cell of Excel holds */
  g_string_assign (strings, "<sst " MAIN "><si><t>");
  for (guint i = 0; i < 40000; i++)
    g_string_append_c (strings, 'x');
  g_string_append (strings, "</t></si></sst>");
  t = read_workbook (f, "<worksheet " MAIN "><sheetData/></worksheet>", strings->str, NULL, NULL, &error);
  g_assert_null (t);
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "32767"));
  g_clear_error (&error);

  /* millions of empty texts */
  g_string_assign (strings, "<sst " MAIN ">");
  for (guint i = 0; i < 5 * 1024 * 1024; i++)
    g_string_append (strings, "<si/>");
  g_string_append (strings, "</sst>");
  t = read_workbook (f, "<worksheet " MAIN "><sheetData/></worksheet>", strings->str, NULL, NULL, &error);
  g_assert_null (t);
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
}

/* <c t="s"/> is an empty cell, not the first shared string */
static void
test_xlsx_empty_shared_cell (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorTable) t = read_workbook (f,
    "<worksheet " MAIN "><sheetData><row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c></row>"
    "<row r=\"2\"><c t=\"s\"/><c t=\"s\"><v>1</v></c></row></sheetData></worksheet>",
    "<sst " MAIN "><si><t>Школа</t></si><si><t>Год</t></si></sst>", NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cell_at (t, 1, 0), ==, "");
  g_assert_cmpstr (cell_at (t, 1, 1), ==, "Год");
}

/* Elements and attributes by namespace: any prefix, the first sheet as
 * the workbook names it, not sheet1.xml by guess. */
static void
test_xlsx_namespaces (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "листы.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorTable) t = NULL;
  const char *parts[XLSX_N_PARTS] = {
    /* sheet1.xml: not the first sheet */
    "<worksheet " MAIN "><sheetData><row><c t=\"inlineStr\"><is><t>не тот лист</t></is></c></row></sheetData></worksheet>",
    NULL,
    "<x:workbook xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
    " xmlns:rel=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><x:sheets>"
    "<x:sheet name=\"Результаты\" sheetId=\"2\" rel:id=\"R2\"/><x:sheet name=\"Лист1\" sheetId=\"1\" rel:id=\"R1\"/>"
    "</x:sheets></x:workbook>",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"R1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
    " Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"R2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
    " Target=\"/xl/worksheets/../worksheets/sheet1.xml\"/></Relationships>",
    NULL,
  };
  gsize lengths[XLSX_N_PARTS] = { 0 };

  /* the first sheet is R2's; here it is the same part: the point is that
   * rel:id is read at all, and the path resolved */
  for (guint i = 0; i < XLSX_N_PARTS; i++)
    lengths[i] = parts[i] ? strlen (parts[i]) : 0;
  g_assert_true (xlsx_parts_write (path, parts, lengths, FALSE));
  t = shnor_table_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cell_at (t, 0, 0), ==, "не тот лист");
  g_clear_pointer (&t, shnor_table_free);

  /* prefixed elements */
  t = read_workbook (f,
    "<s:worksheet xmlns:s=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><s:sheetData>"
    "<s:row r=\"1\"><s:c r=\"B1\" t=\"s\"><s:v>0</s:v></s:c></s:row></s:sheetData></s:worksheet>",
    "<sst " MAIN "><si><r><t>Шко</t></r><r><t>ла</t></r><rPh><t>ШКОЛА</t></rPh></si></sst>", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cell_at (t, 0, 1), ==, "Школа");
  g_clear_pointer (&t, shnor_table_free);

  /* an element of another namespace with the same name is not a cell */
  t = read_workbook (f,
    "<worksheet " MAIN " xmlns:o=\"http://example.org/other\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>"
    "<o:c r=\"B1\"><o:v>2</o:v></o:c></row></sheetData></worksheet>", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shnor_table_get_row (t, 0)->n_cells, ==, 1);
  g_clear_pointer (&t, shnor_table_free);

  /* a sheet whose relationship is missing is refused, not guessed */
  t = read_workbook (f, parts[0], NULL,
    "<workbook " MAIN " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"Лист1\" sheetId=\"1\" r:id=\"rId9\"/></sheets></workbook>", NULL, &error);
  g_assert_null (t);
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  t = read_workbook (f, parts[0], NULL,
    "<workbook " MAIN " xmlns:r=\"http://example.org/not-relationships\">"
    "<sheets><sheet name=\"Лист1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>", NULL, &error);
  g_assert_null (t);
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
}

/* What Excel never writes is damage, not a guess; no overflow, no leak. */
static void
test_xlsx_damage (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const sheets[] = {
    "<worksheet " MAIN "><sheetData><row><c r=\"AAAAAAAAAAAAAAAAAAAAAAAAAAA1\"><v>1</v></c></row></sheetData></worksheet>",
    "<worksheet " MAIN "><sheetData><row r=\"99999999999999999999\"><c><v>1</v></c></row></sheetData></worksheet>",
    "<worksheet " MAIN "><sheetData><row r=\"3\"><c><v>1</v></c></row><row r=\"2\"><c><v>1</v></c></row></sheetData></worksheet>",
    "<worksheet " MAIN "><sheetData><row><c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>",
    "<worksheet " MAIN "><sheetData><row><c t=\"s\"><v>5</v></c></row></sheetData></worksheet>",
    "<worksheet " MAIN "><sheetData><row><c t=\"s\"><v>-1</v></c></row></sheetData></worksheet>",
    "<worksheet " MAIN "><sheetData><row><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>"
    "<row r=\"2\"><c r=\"B2\"><v>1</v></c></row></sheetData>"
    "<mergeCells><mergeCell ref=\"A1:A9\"/><mergeCell ref=\"A3:A4\"/></mergeCells></worksheet>",
    "<!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]><worksheet " MAIN "><sheetData><row><c t=\"inlineStr\">"
    "<is><t>&b;</t></is></c></row></sheetData></worksheet>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShnorTable) t = read_workbook (f, sheets[i], "<sst " MAIN "><si><t>a</t></si></sst>", NULL, NULL, &error);

      g_assert_null (t);
      g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
      g_test_message ("%s", error->message);
    }
  {
    /* a relationship id given twice (it leaked) */
    g_autoptr(GError) error = NULL;
    g_autoptr(ShnorTable) t = read_workbook (f, "<worksheet " MAIN "><sheetData/></worksheet>", NULL, NULL,
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
      " Target=\"worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
      " Target=\"worksheets/none.xml\"/></Relationships>", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (t->rows->len, ==, 0);
  }
}

/* ---- 6 and 8: the import -------------------------------------------- */

static ShnorImportPlan *
plan_of (Fixture    *f,
         const char *name,
         const char *contents,
         gssize      length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = shnor_document_open (f->path, &error);
  ShnorImportPlan *plan;

  g_assert_no_error (error);
  test_write_file (path, contents, length);
  plan = shnor_import_plan_new_from_file (doc, path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plan->problems->len; i++)
    {
      g_autofree char *line = shnor_import_problem_to_string (plan->problems->pdata[i]);

      g_test_message ("%s", line);
    }
  return plan;
}

#define HEADER "Код;Год;Вид;Предмет;Класс;Участники;Средний балл\n"

/* Two subjects that differ after 127 bytes are not one: refused with the
 * limit named; a cut inside a letter is not «empty subject». */
static void
test_long_subjects (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *base = g_strnfill (60, 'x');
  g_autofree char *csv = g_strdup_printf (HEADER "0301;2025;ОГЭ;Математика %sжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжА;9;20;3,9\n"
                                          "0301;2025;ОГЭ;Математика %sжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжжБ;9;20;3,8\n",
                                          base, base);
  g_autoptr(ShnorImportPlan) plan = plan_of (f, "предметы.csv", csv, -1);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (plan->problems->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      ShnorImportProblem *p = plan->problems->pdata[i];

      g_assert_cmpstr (p->column, ==, "Предмет");
      g_assert_nonnull (strstr (p->message, "127"));
      g_assert_null (strstr (p->message, "empty"));
    }
  g_assert_false (shnor_result_check_subject (csv, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  /* a cut never splits a letter */
  {
    ShnorResult r = { 0 };

    shnor_result_set_names (&r, "ОГЭ", strstr (csv, "жжж"));
    g_assert_true (g_utf8_validate (r.subject, -1, NULL));
  }
}

static void
test_mixed_encoding (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *cp1251 = g_convert ("0302;2025;ОГЭ;Математика;9;18;3,7\n", -1, "WINDOWS-1251", "UTF-8",
                                       NULL, NULL, NULL);
  g_autofree char *csv = g_strconcat (HEADER "0301;2025;ОГЭ;Математика;9;20;3,9\n", cp1251,
                                      "0303;2025;ОГЭ;Математика;9;22;4,1\n", NULL);
  g_autofree char *path = g_build_filename (f->dir, "смесь.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorTable) t = NULL;

  test_write_file (path, csv, -1);
  t = shnor_table_read_file (path, &error);
  g_assert_null (t);
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 3"));

  /* a whole Windows-1251 file is still read as one */
  {
    g_autofree char *whole = g_convert (HEADER "0301;2025;ОГЭ;Математика;9;20;3,9\n", -1, "WINDOWS-1251", "UTF-8",
                                        NULL, NULL, NULL);

    test_write_file (path, whole, -1);
    g_clear_error (&error);
    t = shnor_table_read_file (path, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cell_at (t, 1, 3), ==, "Математика");
  }
}

/* Numbers as spreadsheets write them, and school cells merged over rows */
static void
test_spreadsheet_numbers_and_merges (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(ShnorImportPlan) plan = plan_of (f, "числа.csv", HEADER
                                             "0301;2025;ОГЭ;Математика;9;25.000000000000004;3.8E0\n"
                                             "0302;2025;ОГЭ;Математика;9;2.4E1;4,1\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorTable) t = NULL;

  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_cmpint (g_array_index (plan->results, ShnorResult, 0).participants, ==, 25);
  g_assert_cmpfloat (g_array_index (plan->results, ShnorResult, 0).mean, ==, 3.8);
  g_assert_cmpint (g_array_index (plan->results, ShnorResult, 1).participants, ==, 24);

  t = read_workbook (f,
    "<worksheet " MAIN "><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Школа</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Год</t></is></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>СОШ № 2</t></is></c><c r=\"B2\"><v>2024</v></c></row>"
    "<row r=\"3\"><c r=\"B3\"><v>2025</v></c></row>"
    "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>СОШ № 3</t></is></c><c r=\"B4\"><v>2025</v></c></row>"
    "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A2:A3\"/></mergeCells></worksheet>", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (t->rows->len, ==, 4);
  g_assert_cmpstr (cell_at (t, 2, 0), ==, "СОШ № 2");
  g_assert_cmpstr (cell_at (t, 3, 0), ==, "СОШ № 3");
}

/* Years of twenty digits, and more, are not years — without overflow */
static void
test_year_overflow (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ShnorImportPlan) plan = plan_of (f, "годы.csv", HEADER
                                             "0301;99999999999999999999;ОГЭ;Математика;9;20;3,9\n"
                                             "0302;2025/99999999999999999999;ОГЭ;Математика;9;20;3,9\n", -1);

  g_assert_cmpuint (plan->problems->len, ==, 2);
  g_assert_cmpstr (((ShnorImportProblem *) plan->problems->pdata[0])->column, ==, "Год");
}

/* ---- 7: pipes and devices never block --------------------------------- */

static void
test_special_files (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "канал.shnor", NULL);
  g_autofree char *journal_fifo = g_strconcat (f->path, "-journal", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_null (shnor_document_open (fifo, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_NOT_SHNOR);
  g_clear_error (&error);
  g_assert_false (shnor_document_check_file (fifo, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_NOT_SHNOR);
  g_clear_error (&error);
  g_assert_null (shnor_table_read_file (fifo, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (shnor_table_read_file ("/dev/zero", &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (shnor_table_read_file (f->dir, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);

  /* a pipe where SQLite looks for a crash's journal */
  g_assert_cmpint (mkfifo (journal_fifo, 0600), ==, 0);
  g_assert_null (shnor_document_open (f->path, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_NOT_SHNOR);
  g_unlink (journal_fifo);
  g_unlink (fifo);
}

/* ---- 8: smaller ------------------------------------------------------- */

static void
test_negative_version (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  tamper (f->path, "PRAGMA user_version = -5;");
  assert_refused (f->path, SHNOR_ERROR_DAMAGED, "(-5)");
  g_assert_false (shnor_document_check_file (f->path, &error));
  g_assert_null (strstr (error->message, "4294967291"));
}

/* An upgrade that fails leaves the file and no backup copy. */
static void
test_failed_upgrade (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "формат-8.shnor", NULL);
  g_autofree char *backup = g_build_filename (f->dir, "формат-8.format-8.bak.shnor", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "fixtures", "format-8.sql", NULL), &sql,
                                      NULL, NULL));
  tamper (path, sql);
  /* a result of a school that does not exist: step 9 copies the results
   * into a table whose foreign key refuses it */
  tamper (path, "INSERT INTO result (school_id, year, kind, subject, grade, participants)"
                " VALUES (999, 2025, 'ОГЭ', 'Математика', 9, 20);");
  before = test_file_checksum (path);
  g_assert_null (shnor_document_open (path, &error));
  g_test_message ("%s", error ? error->message : "");
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  /* a damaged value in a file of an older format: refused as it is, not
   * upgraded first (the file was rewritten and a backup left) */
  g_assert_cmpint (g_unlink (path), ==, 0);
  tamper (path, sql);
  tamper (path, "UPDATE school SET full_name = CAST (x'41ff42' AS TEXT) WHERE id = 1;");
  assert_refused (path, SHNOR_ERROR_DAMAGED, "full_name");
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

/* The expected schema built into the program at build time is the one
 * Shnor's steps make: object for object, with the same SQL text. */
static void
test_built_in_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *built_in = shnor_schema_built_in_text (TRUE, &error);
  g_autofree char *made = NULL;

  g_assert_cmpuint (shnor_schema_reference_size, >, 0);
  g_assert_no_error (error);
  made = shnor_schema_built_in_text (FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (built_in, "table result result "));
  g_assert_cmpstr (built_in, ==, made);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/safety/1/injected-names", test_injected_names);
  ADD ("/safety/1/objects-of-the-file", test_objects_of_the_file);
  ADD ("/safety/1/sqlite-own-tables", test_sqlite_own_tables);
  ADD ("/safety/1/defensive-connection", test_defensive_connection);
  g_test_add_func ("/safety/1/undo-from-constants", test_undo_from_constants);
  g_test_add_func ("/safety/1/built-in-schema", test_built_in_schema);
  ADD ("/safety/2/dropped-tables", test_dropped_tables);
  ADD ("/safety/2/empty-database", test_empty_database_with_our_id);
  ADD ("/safety/2/fake-old-version", test_fake_old_version);
  ADD ("/safety/2/check-lists-problems", test_check_lists_problems);
  ADD ("/safety/2/damaged-pages-fail-reads", test_damaged_pages_fail_reads);
  ADD ("/safety/3/xlsx-far-right", test_xlsx_far_right);
  ADD ("/safety/3/xlsx-text-caps", test_xlsx_text_caps);
  ADD ("/safety/4/nulls", test_nulls);
  ADD ("/safety/4/types", test_types);
  ADD ("/safety/2/one-row-empty-index", test_one_row_empty_index);
  ADD ("/safety/2/damaged-schema-words", test_damaged_schema_words);
  ADD ("/safety/5/export-targets", test_export_targets);
  ADD ("/safety/6/xlsx-empty-shared-cell", test_xlsx_empty_shared_cell);
  ADD ("/safety/6/xlsx-namespaces", test_xlsx_namespaces);
  ADD ("/safety/6/long-subjects", test_long_subjects);
  ADD ("/safety/7/special-files", test_special_files);
  ADD ("/safety/8/xlsx-damage", test_xlsx_damage);
  ADD ("/safety/8/mixed-encoding", test_mixed_encoding);
  ADD ("/safety/8/spreadsheet-numbers-and-merges", test_spreadsheet_numbers_and_merges);
  ADD ("/safety/8/year-overflow", test_year_overflow);
  ADD ("/safety/8/negative-version", test_negative_version);
  ADD ("/safety/8/failed-upgrade", test_failed_upgrade);
  return g_test_run ();
}
