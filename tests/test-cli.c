/* test-cli.c: the command line of the real binary, with no display */
#include <string.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/wait.h>
#endif
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "test-util.h"

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
shnor (Run *r, ...)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  /* a Run may be used for more than one run: the outputs of the last
   * one are freed first */
  run_clear (r);
  g_ptr_array_add (argv, (gpointer) g_getenv ("SHNOR_BINARY"));
  va_start (args, r);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* No display: these options must not need one. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  child = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (child, NULL, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (child));
  r->status = g_subprocess_get_exit_status (child);
}

static void
test_version (void)
{
  g_auto(Run) r = { 0 };

  shnor (&r, "--version", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "shnor "));
}

static void
test_help (void)
{
  g_auto(Run) r = { 0 };

  shnor (&r, "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--demo"));
  g_assert_nonnull (strstr (r.out, "--check"));
  g_assert_nonnull (strstr (r.out, "--version"));
}

#ifdef __linux__
/* Runs @argv with the extra environment variables @env ("NAME=value",
 * NULL-terminated; or NULL), no display */
static void
run_program (Run                *r,
             const char * const *env,
             const char        **argv)
{
  g_auto(GStrv) envp = g_environ_unsetenv (g_environ_unsetenv (g_get_environ (), "DISPLAY"), "WAYLAND_DISPLAY");
  g_autoptr(GError) error = NULL;
  int wait_status;

  run_clear (r);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      envp = g_environ_setenv (envp, pair[0], pair[1], TRUE);
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &r->out, &r->err,
                               &wait_status, &error));
  g_assert_no_error (error);
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

/* A stand-in program at @path: a shell script that prints its arguments
 * after @lead, each followed by "|", and exits with @status */
static void
write_stand_in (const char *path,
                const char *lead,
                int         status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\nprintf '%s'\nprintf '%%s|' \"$@\"\nexit %d\n", lead, status);

  g_assert_true (g_file_set_contents (path, script, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0755), ==, 0);
}

/* A copy of shnor at @path, executable */
static void
copy_shnor (const char *path)
{
  g_autoptr(GFile) from = g_file_new_for_path (g_getenv ("SHNOR_BINARY"));
  g_autoptr(GFile) to = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0755), ==, 0);
}

/* Runs @argv: it ends with @status, and prints @out (a stand-in's
 * arguments) */
static void
expect_run (Run         *r,
            const char **argv,
            int          status,
            const char  *out)
{
  run_program (r, NULL, argv);
  g_assert_cmpint (r->status, ==, status);
  g_assert_cmpstr (r->out, ==, out);
}

/* `shnor` runs its commands without GTK, and starts the window program
 * beside it, wherever it is, with the same arguments; without that
 * program it says so. The same for the commands shnor-full runs. */
static void
test_window_program (void)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *copy = g_build_filename (dir, "shnor", NULL);
  g_autofree char *window = g_build_filename (dir, "shnor-gui", NULL);
  g_auto(Run) r = { 0 };
  const char *libs[] = { g_getenv ("SHNOR_BINARY"), "--version", NULL };
  const char *open[] = { copy, "Округ.shnor", NULL };
  const char *region[] = { copy, "--region", "postgresql://127.0.0.1/x", NULL };

  /* the libraries the dynamic loader would load: not GTK's */
  run_program (&r, (const char *[]) { "LD_TRACE_LOADED_OBJECTS=1", NULL }, libs);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "libglib-2.0"));
  g_assert_null (strstr (r.out, "libgtk-4"));
  g_assert_null (strstr (r.out, "libadwaita"));
  /* nor those of the few commands shnor-full runs (PDF, PostgreSQL) */
  g_assert_nonnull (strstr (r.out, "libxlsxwriter"));
  g_assert_null (strstr (r.out, "libcairo"));
  g_assert_null (strstr (r.out, "libpango"));
  g_assert_null (strstr (r.out, "libpq"));

  copy_shnor (copy);
  run_program (&r, NULL, open);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "shnor-gui"));

  /* a window program that prints what it was given */
  write_stand_in (window, "", 0);
  expect_run (&r, open, 0, "Округ.shnor|");
  expect_run (&r, region, 0, "--region|postgresql://127.0.0.1/x|");
  /* a command beside --region is run, not the window */
  {
    g_autofree char *template = g_build_filename (dir, "шаблон.xlsx", NULL);
    g_autofree char *missing = g_build_filename (dir, "нет.shnor", NULL);
    g_autofree char *out = g_build_filename (dir, "перечни.xlsx", NULL);
    const char *option[] = { copy, "--region", "postgresql://127.0.0.1/x", "--import-template", template, NULL };
    const char *verb[] = { copy, "--region", "postgresql://127.0.0.1/x", "--export-lists", out, missing, NULL };

    run_program (&r, NULL, option);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_cmpstr (r.out, ==, "");
    g_assert_true (g_file_test (template, G_FILE_TEST_IS_REGULAR));
    /* (its own arguments do not take --region: a usage message) */
    run_program (&r, NULL, verb);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_cmpstr (r.out, ==, "");
    g_assert_nonnull (strstr (r.err, "--export-lists"));
  }
  /* the commands of shnor-full: without it beside, where it is installed;
   * with it, all of its arguments, its output and its status */
  {
    g_autofree char *full = g_build_filename (dir, "shnor-full", NULL);
    const char *order[] = { copy, "--export-order", "приказ.pdf", "--programme", "1", "Округ.shnor", NULL };
    const char *demo[] = { copy, "--demo", "Демо.shnor", NULL };
    const char *publish[] = { copy, "--publish=postgresql://127.0.0.1/x", "Округ.shnor", NULL };
    const char *lists[] = { copy, "--export-lists", "перечни.xlsx", "нет.shnor", NULL };

    /* (unless one is installed on this machine, which would run) */
    if (!g_file_test (g_getenv ("SHNOR_INSTALLED_FULL"), G_FILE_TEST_EXISTS))
      {
        run_program (&r, NULL, order);
        g_assert_cmpint (r.status, ==, 1);
        g_assert_nonnull (strstr (r.err, "shnor-full"));
      }
    /* a "shnor-full" that is shnor itself (a packaging mistake) is said
     * to be one, instead of handing the command to itself forever */
    g_assert_cmpint (symlink ("shnor", full), ==, 0);
    run_program (&r, NULL, order);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, full));
    g_assert_cmpint (g_unlink (full), ==, 0);
    write_stand_in (full, "", 3);
    expect_run (&r, order, 3, "--export-order|приказ.pdf|--programme|1|Округ.shnor|");
    expect_run (&r, demo, 3, "--demo|Демо.shnor|");
    expect_run (&r, publish, 3, "--publish=postgresql://127.0.0.1/x|Округ.shnor|");
    /* the others are its own */
    expect_run (&r, lists, 1, "");
  }
  /* an installed tree moved elsewhere: bin/shnor finds libexec/shnor-full */
  {
    g_autofree char *bin = g_build_filename (dir, "moved", "bin", NULL);
    g_autofree char *libexec = g_build_filename (dir, "moved", "libexec", NULL);
    g_autofree char *moved = g_build_filename (bin, "shnor", NULL);
    g_autofree char *full = g_build_filename (libexec, "shnor-full", NULL);
    const char *demo[] = { moved, "--demo", "Демо.shnor", NULL };

    g_assert_cmpint (g_mkdir_with_parents (bin, 0755), ==, 0);
    g_assert_cmpint (g_mkdir_with_parents (libexec, 0755), ==, 0);
    copy_shnor (moved);
    write_stand_in (full, "moved:", 0);
    expect_run (&r, demo, 0, "moved:--demo|Демо.shnor|");
  }
  test_rm_rf (dir);
}

/* A region-size import (more rows than a bulk change needs, into a file
 * without results) gives the same file whether the sums are computed
 * beside the storing or, with no temporary folder to write to, from the
 * table afterwards: both pass --check, with the same sums to the last bit. */
static void
test_import_bulk (void)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *demo = g_build_filename (dir, "Демо.shnor", NULL);
  g_autofree char *csv = g_build_filename (dir, "Результаты.csv", NULL);
  g_autofree char *no_tmp = g_strdup_printf ("TMPDIR=%s/нет", dir);
  g_autoptr(GString) rows = g_string_new ("Код;Год;Вид;Предмет;Класс;Участники;Средний балл;Ниже порога\n");
  g_autofree char *contents = NULL;
  g_auto(Run) r = { 0 };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize length;

  shnor (&r, "--demo", demo, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (sqlite3_open (demo, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM result; DELETE FROM result_sums; DELETE FROM assessment_sums;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (demo, &contents, &length, NULL));
  for (int school = 1; school <= 12; school++)
    for (int year = 1991; year <= 2040; year++)
      for (int subject = 1; subject <= 100; subject++)
        g_string_append_printf (rows, "03%02d;%d;ЕГЭ;Предмет %d;11;%d;%d,%d;%d\n", school, year, subject,
                                3 + (school * 7 + subject) % 40, 30 + (school * year + subject) % 60,
                                (year + subject) % 10, (school + subject) % 3);
  test_write_file (csv, rows->str, -1);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%c.shnor", dir, 'a' + i);
      const char *import[] = { g_getenv ("SHNOR_BINARY"), "--import-results", csv, path, NULL };
      const char *check[] = { g_getenv ("SHNOR_BINARY"), "--check", path, NULL };
      /* (the run without a temporary folder says why in a debug message) */
      const char *env[] = { "G_MESSAGES_DEBUG=shnor-derived", i == 0 ? NULL : no_tmp, NULL };

      g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
      run_program (&r, env, import);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_nonnull (strstr (r.out, "60000"));
      g_assert_true ((strstr (r.out, "the sums are left to the refresh") != NULL) == (i == 1));
      run_program (&r, NULL, check);
      g_assert_cmpint (r.status, ==, 0);
    }

  {
    g_autofree char *a = g_build_filename (dir, "a.shnor", NULL);
    g_autofree char *b = g_build_filename (dir, "b.shnor", NULL);
    char *sql;

    g_assert_cmpint (sqlite3_open_v2 (a, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    sql = sqlite3_mprintf ("ATTACH %Q AS b", b);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_free (sql);
  }
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "SELECT (SELECT count(*) FROM main.result_sums), (SELECT count(*) FROM b.result_sums),"
    " (SELECT count(*) FROM main.result_sums x JOIN b.result_sums y USING (subject, year, school_id)"
    "  WHERE x.z_sum = y.z_sum AND x.z_weight = y.z_weight AND x.below = y.below AND x.below_of = y.below_of),"
    " (SELECT count(*) FROM main.assessment_sums), (SELECT count(*) FROM b.assessment_sums),"
    " (SELECT count(*) FROM main.assessment_sums x JOIN b.assessment_sums y USING (assessment_id, year)"
    "  WHERE x.schools = y.schools AND x.mean_sum = y.mean_sum AND x.mean_of = y.mean_of AND x.below = y.below)",
    -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  /* (results of fewer than five participants add nothing) */
  g_assert_cmpint (sqlite3_column_int (stmt, 0), >, 50 * 100 * 12 * 9 / 10);
  for (int c = 1; c < 3; c++)
    g_assert_cmpint (sqlite3_column_int (stmt, c), ==, sqlite3_column_int (stmt, 0));
  g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, 100 * 50);
  for (int c = 4; c < 6; c++)
    g_assert_cmpint (sqlite3_column_int (stmt, c), ==, sqlite3_column_int (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  test_rm_rf (dir);
}
#endif

/* Arguments that cannot be used: said, with exit status 2, before any
 * work (an empty name used to run a whole export first) */
static void
test_unusable_arguments (void)
{
  g_auto(Run) r = { 0 };

  shnor (&r, "--classify", "", NULL);
  g_assert_cmpint (r.status, ==, 2);
  shnor (&r, "--export-lists=", "demo.shnor", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.out, ==, "");
  shnor (&r, "--programme", "1", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--export-xlsx"));
  shnor (&r, "--year", "2025", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--school-forms"));
}

static void
test_demo_and_check (void)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Демо округ.shnor", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) check = { 0 };

  shnor (&demo, "--demo", path, NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Never over an existing file. */
  before = test_file_checksum (path);
  shnor (&again, "--demo", path, NULL);
  g_assert_cmpint (again.status, !=, 0);
  g_assert_nonnull (strstr (again.err, "Демо округ.shnor"));
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  shnor (&check, "--check", path, NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_cmpstr (check.out, ==, "ok\n");
  test_rm_rf (dir);
}

static void
check_refused (const char *dir,
               const char *name,
               const char *contents,
               gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) r = { 0 };

  if (contents != NULL)
    test_write_file (path, contents, length);
  before = test_file_checksum (path);
  shnor (&r, "--check", path, NULL);
  g_test_message ("%s: %s", name, r.out);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, !=, "ok\n");
  g_assert_nonnull (strstr (r.out, name));
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_check_refuses (void)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *demo = g_build_filename (dir, "демо.shnor", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_auto(Run) r = { 0 };

  check_refused (dir, "текст.shnor", "not a database\n", -1);
  check_refused (dir, "пусто.shnor", "", 0);
  check_refused (dir, "нет файла.shnor", NULL, 0);

  shnor (&r, "--demo", demo, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_file_get_contents (demo, &contents, &length, NULL);
  /* format version 99 at offset 60 of the header */
  {
    char version = contents[63];

    contents[63] = 99;
    check_refused (dir, "новее.shnor", contents, (gssize) length);
    contents[63] = version;
  }
  memset (contents + 4096, 0xa5, length - 4096);
  check_refused (dir, "испорчен.shnor", contents, (gssize) length);

  /* a hand-edited criterion (a negative percentile once crashed
   * --classify): --check and --classify refuse the file */
  {
    g_autofree char *edited = g_build_filename (dir, "правлен.shnor", NULL);
    g_auto(Run) classify = { 0 };
    sqlite3 *db = NULL;

    shnor (&r, "--demo", edited, NULL);
    g_assert_cmpint (sqlite3_open (edited, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE criterion SET threshold = -5 WHERE comparison = 4", NULL, NULL, NULL),
                     ==, SQLITE_OK);
    sqlite3_close (db);
    check_refused (dir, "правлен.shnor", NULL, 0);
    shnor (&classify, "--classify", edited, NULL);
    g_assert_cmpint (classify.status, ==, 1);
    g_assert_cmpstr (classify.out, ==, "");
    g_assert_nonnull (strstr (classify.err, "правлен.shnor"));
  }
  test_rm_rf (dir);
}

static void
test_import_results (void)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Демо.shnor", NULL);
  g_autofree char *bad = g_build_filename (dir, "с ошибками.csv", NULL);
  g_autofree char *good = g_build_filename (dir, "Результаты 2026.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) imported = { 0 };
  g_auto(Run) usage = { 0 };

  shnor (&demo, "--demo", path, NULL);
  g_assert_cmpint (demo.status, ==, 0);

  test_write_file (bad, "Код;Год;Вид;Предмет;Класс;Участники;Средний балл\n"
                        "0301;2026;ЕГЭ;Химия;11;12;71,5\n"
                        "0399;2026;ЕГЭ;Химия;11;12;71,5\n"
                        "0302;2026;ОГЭ;Химия;9;12;7\n", -1);
  before = test_file_checksum (path);
  shnor (&refused, "--import-results", bad, path, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  /* every problem, with its line and column */
  g_assert_nonnull (strstr (refused.err, "3"));
  g_assert_nonnull (strstr (refused.err, "0399"));
  g_assert_nonnull (strstr (refused.err, "4"));
  g_assert_nonnull (strstr (refused.err, "Средний балл"));
  after = test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  test_write_file (good, "Код;Год;Вид;Предмет;Класс;Участники;Средний балл\n"
                         "0301;2026;ЕГЭ;Химия;11;12;71,5\n"
                         "0302;2026;ЕГЭ;Химия;11;9;64\n", -1);
  shnor (&imported, "--import-results", good, path, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_nonnull (strstr (imported.out, "2"));
  g_clear_pointer (&after, g_free);
  after = test_file_checksum (path);
  g_assert_cmpstr (before, !=, after);

  shnor (&usage, "--import-results", good, NULL);
  g_assert_cmpint (usage.status, ==, 2);
  test_rm_rf (dir);
}

/* --classify: one line per school, code, name and groups separated by
 * tabs; the groups of the demo's clearly low schools; exit 0. A file that
 * is not a document: a message and exit 1. */
static void
test_classify (void)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "демо.shnor", NULL);
  g_autofree char *text = g_build_filename (dir, "не документ.shnor", NULL);
  g_auto(Run) demo = { 0 };
  g_auto(Run) r = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(GStrv) lines = NULL;
  gboolean low_seen = FALSE;

  shnor (&demo, "--demo", path, NULL);
  g_assert_cmpint (demo.status, ==, 0);
  shnor (&r, "--classify", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 13);  /* 12 schools and the final newline */
  g_assert_cmpstr (lines[12], ==, "");
  for (guint i = 0; i < 12; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, 3);
      g_assert_cmpuint (strlen (cells[0]), ==, 4);  /* the demo's codes: 0301… */
      g_assert_cmpstr (cells[1], !=, "");
      if (g_str_equal (cells[1], "ООШ с. Верхняя Тура"))
        {
          /* both groups, and so the combined one («ШНОР и ШНСУ» in Russian) */
          g_assert_true (g_str_has_prefix (cells[2], "ШНОР, ШНСУ, ШНОР "));
          g_assert_true (g_str_has_suffix (cells[2], " ШНСУ"));
          low_seen = TRUE;
        }
    }
  g_assert_true (low_seen);

  /* a name with a tab and a line break (a file from elsewhere) is still
   * one line of three cells: it cannot forge the line of another school */
  {
    g_auto(Run) named = { 0 };
    g_auto(GStrv) named_lines = NULL;
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE school SET short_name = 'Школа' || char (9) || '№ 1' || char (10)"
                                       " || '9999' || char (9) || 'Подделка' || char (9) || 'ШНОР' WHERE id = 1",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    shnor (&named, "--classify", path, NULL);
    g_assert_cmpint (named.status, ==, 0);
    named_lines = g_strsplit (named.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (named_lines), ==, 13);
    for (guint i = 0; i < 12; i++)
      {
        g_auto(GStrv) cells = g_strsplit (named_lines[i], "\t", -1);

        g_assert_cmpuint (g_strv_length (cells), ==, 3);
      }
  }

  test_write_file (text, "это не база", -1);
  shnor (&bad, "--classify", text, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "не документ.shnor"));
  test_rm_rf (dir);
}

/* --list-programmes: the demo's approved municipal programme and the
 * draft of a school, one tab-separated line each. */
static void
test_list_programmes (void)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "демо.shnor", NULL);
  g_auto(Run) demo = { 0 };
  g_auto(Run) r = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) second = NULL;

  shnor (&demo, "--demo", path, NULL);
  g_assert_cmpint (demo.status, ==, 0);
  shnor (&r, "--list-programmes", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  first = g_strsplit (lines[0], "\t", -1);
  second = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpuint (g_strv_length (first), ==, 6);
  g_assert_cmpuint (g_strv_length (second), ==, 6);
  /* by title: «Муниципальная…» before «Программа перехода…» */
  g_assert_cmpstr (first[3], ==, "1");
  g_assert_cmpstr (first[4], ==, "2025–2027");
  g_assert_cmpstr (second[4], ==, "2026–2028");
  g_assert_cmpstr (first[1], !=, second[1]);   /* municipal and school */
  g_assert_cmpstr (first[2], !=, second[2]);   /* approved and draft */
  g_assert_nonnull (strstr (second[5], "Верхняя Тура"));

  shnor (&bad, "--list-programmes", dir, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  test_rm_rf (dir);
}

/* --overdue: the demo's late measures on a day after their end; more
 * on a later day, none before the programme; a bad date or --date alone
 * refused */
static void
test_overdue (void)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "демо.shnor", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_auto(Run) demo = { 0 };
  g_auto(Run) r = { 0 };
  g_auto(Run) later = { 0 };
  g_auto(Run) early = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) alone = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) later_lines = NULL;

  shnor (&demo, "--demo", path, NULL);
  g_assert_cmpint (demo.status, ==, 0);
  shnor (&r, "--overdue", path, "--date", today, NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\n", -1);
  /* the demo leaves its late measures of 2026 undone: three on any day
   * after October 2026 (and the sessions run after it) */
  g_assert_cmpuint (g_strv_length (lines) - 1, >=, 3);
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      g_assert_true (g_regex_match_simple ("^[0-9]+(\\.[0-9]+)*$", fields[1], 0, 0));
      g_assert_true (g_regex_match_simple ("^[01][0-9]\\.20[0-9][0-9]$", fields[3], 0, 0));
      g_assert_cmpstr (fields[4], !=, "");
    }
  g_assert_nonnull (strstr (r.out, "взаимопосещение"));
  /* the day sets what is overdue: every measure of 2027 has ended by 2028 */
  shnor (&later, "--overdue", path, "--date", "2028-01-15", NULL);
  g_assert_cmpint (later.status, ==, 0);
  later_lines = g_strsplit (later.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (later_lines), >, g_strv_length (lines));
  shnor (&early, "--overdue", path, "--date", "2024-06-01", NULL);
  g_assert_cmpint (early.status, ==, 0);
  g_assert_cmpstr (early.out, ==, "");

  shnor (&bad, "--overdue", path, "--date", "2026-02-30", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "2026-02-30"));
  shnor (&alone, "--date", "2026-01-01", path, NULL);
  g_assert_cmpint (alone.status, ==, 2);
  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/unusable-arguments", test_unusable_arguments);
#ifdef __linux__
  g_test_add_func ("/cli/window-program", test_window_program);
#endif
  g_test_add_func ("/cli/demo-and-check", test_demo_and_check);
  g_test_add_func ("/cli/check-refuses", test_check_refuses);
  g_test_add_func ("/cli/import-results", test_import_results);
#ifdef __linux__
  g_test_add_func ("/cli/import-results-bulk", test_import_bulk);
#endif
  g_test_add_func ("/cli/classify", test_classify);
  g_test_add_func ("/cli/list-programmes", test_list_programmes);
  g_test_add_func ("/cli/overdue", test_overdue);
  return g_test_run ();
}
