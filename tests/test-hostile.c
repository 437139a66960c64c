/* test-hostile.c: every verb of shnor on every hostile file of issue 14 —
 * those make-hostile writes (crafted and damaged documents, hostile
 * workbooks) and the text files of tests/fixtures/hostile/ — and on the
 * targets a writer must never replace. Each run must end within its time
 * with exit status 1 and a message, no crash, no signal; the file, the
 * document another file aimed at, and the folder stay as they were. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "test-util.h"

/* per run; generous for AddressSanitizer on a busy machine
 * (SHNOR_TEST_TIMEOUT sets another) */
static guint timeout_s = 90;

static char *shnor;
static char *gen;      /* what make-hostile wrote */
static char *work;     /* outputs */

typedef struct {
  int      status;     /* exit status; -1 after a signal or the timeout */
  char    *out;
  char    *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static gboolean
time_out (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
communicated (GObject      *process,
              GAsyncResult *result,
              gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* Runs shnor with @args (NULL-terminated), killing it after timeout_s.
 * The exchange and the timer both run in this thread's main context: the
 * synchronous g_subprocess_communicate() iterates a context of its own,
 * where a timer of the default context never fires. */
static void
run_shnor (Run         *run,
           const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  guint timer;

  g_ptr_array_add (argv, shnor);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  timer = g_timeout_add_seconds (timeout_s, time_out, cancellable);
  g_subprocess_communicate_async (process, NULL, cancellable, communicated, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_subprocess_communicate_finish (process, result, &out, &err, &error);
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_subprocess_force_exit (process);
      g_subprocess_wait (process, NULL, NULL);
      g_test_message ("timed out: shnor %s %s", args[0], args[1] ? args[1] : "");
      g_test_fail ();
      run->status = -1;
      return;
    }
  g_source_remove (timer);
  g_assert_no_error (error);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  run->out = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
  run->err = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, as one string: what a run may not change. */
static char *
listing (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

/* What a file is, to compare before and after: its checksum, or what it
 * is when it has none (a pipe is not read: that would block). */
static char *
checksum_or_absent (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return g_strdup ("absent");
  if (!S_ISREG (st.st_mode))
    return g_strdup_printf ("not a file, mode %o", (unsigned) st.st_mode);
  return test_file_checksum (path);
}

/* Runs shnor with @args, which must refuse: exit status 1 with a message
 * (on stdout for --check), @file unchanged, the folders unchanged. */
static void
expect_refusal (const char **args,
                const char  *file)
{
  g_auto(Run) run = { 0 };
  g_autofree char *victim = g_build_filename (gen, "victim.shnor", NULL);
  g_autofree char *before = checksum_or_absent (file);
  g_autofree char *victim_before = test_file_checksum (victim);
  g_autofree char *gen_before = listing (gen);
  g_autofree char *work_before = listing (work);
  g_autofree char *after = NULL;
  g_autofree char *victim_after = NULL;
  g_autofree char *gen_after = NULL;
  g_autofree char *work_after = NULL;
  const char *message;

  run_shnor (&run, args);
  if (run.status == -1)
    return;
  message = g_str_equal (args[0], "--check") ? run.out : run.err;
  g_test_message ("shnor %s … %s: %d %s", args[0], file, run.status, message);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (message);
  g_assert_cmpuint (strlen (message), >, 10);
  g_assert_true (g_utf8_validate (message, -1, NULL));
  after = checksum_or_absent (file);
  victim_after = test_file_checksum (victim);
  gen_after = listing (gen);
  work_after = listing (work);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (victim_before, ==, victim_after);
  g_assert_cmpstr (gen_before, ==, gen_after);
  g_assert_cmpstr (work_before, ==, work_after);
}

/* Every verb that reads a document, on @file */
static void
every_verb (const char *file)
{
  g_autofree char *xlsx = g_build_filename (work, "out.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (work, "out.pdf", NULL);
  g_autofree char *csv = g_build_filename (work, "good.csv", NULL);
  g_autofree char *folder = g_build_filename (work, "выгрузка", NULL);
  const char *verbs[][8] = {
    { "--check", file, NULL },
    { "--classify", file, NULL },
    { "--list-programmes", file, NULL },
    { "--overdue", file, "--date", "2026-09-01", NULL },
    { "--export-xlsx", xlsx, "--programme", "1", file, NULL },
    { "--export-order", pdf, "--programme", "1", file, NULL },
    { "--export-roadmap", xlsx, "--programme", "1", file, NULL },
    { "--export-lists", xlsx, file, NULL },
    { "--import-results", csv, file, NULL },
    { "--list-partnerships", file, NULL },
    { "--export-bank", xlsx, file, NULL },
    { "--export-bank-folder", folder, file, NULL },
    { "--school-forms", folder, "--year", "2026", file, NULL },
    { "--accept-forms", gen, file, NULL },
  };

  for (guint v = 0; v < G_N_ELEMENTS (verbs); v++)
    expect_refusal (verbs[v], file);
}

static gboolean
is_hostile_document (const char *name)
{
  return g_str_has_suffix (name, ".shnor") && !g_str_equal (name, "good.shnor") && !g_str_equal (name, "victim.shnor");
}

static void
test_documents (void)
{
  g_autoptr(GDir) dir = g_dir_open (gen, 0, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_hostile_document (name))
      g_ptr_array_add (files, g_build_filename (gen, name, NULL));
  g_ptr_array_sort (files, compare_names);
  g_assert_cmpuint (files->len, >=, 40);
  for (guint i = 0; i < files->len; i++)
    every_verb (files->pdata[i]);
}

/* The good document stays good and opens: the hostile files are refused
 * for what they are, not because every file is. */
static void
test_good_opens (void)
{
  g_autofree char *good = g_build_filename (gen, "good.shnor", NULL);
  g_auto(Run) run = { 0 };

  run_shnor (&run, (const char *[]) { "--check", good, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "ok\n");
}

/* Hostile workbooks and CSV files imported into a good document */
static void
test_data_files (void)
{
  g_autofree char *good = g_build_filename (gen, "good.shnor", NULL);
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", NULL);
  const char *folders[] = { gen, fixtures };
  guint n = 0;

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autoptr(GDir) dir = g_dir_open (folders[f], 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".xlsx") || g_str_has_suffix (name, ".csv"))
          {
            g_autofree char *data = g_build_filename (folders[f], name, NULL);

            expect_refusal ((const char *[]) { "--import-results", data, good, NULL }, good);
            n++;
          }
    }
  g_assert_cmpuint (n, >=, 25);
}

/* Pipes and devices never block: as the document, as the data file */
static void
test_special_files (void)
{
  g_autofree char *fifo = g_build_filename (work, "pipe.shnor", NULL);
  g_autofree char *fifo_data = g_build_filename (work, "pipe.csv", NULL);
  g_autofree char *good = g_build_filename (gen, "good.shnor", NULL);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (mkfifo (fifo_data, 0600), ==, 0);
  every_verb (fifo);
  every_verb (work);
  expect_refusal ((const char *[]) { "--import-results", fifo_data, good, NULL }, good);
  expect_refusal ((const char *[]) { "--import-results", "/dev/zero", good, NULL }, good);
  expect_refusal ((const char *[]) { "--import-results", work, good, NULL }, good);
  g_unlink (fifo);
  g_unlink (fifo_data);
}

/* Targets no writer replaces: the document itself, another Shnor file, a
 * database of another program, a .shnor name, a pipe, a folder. */
static void
test_targets (void)
{
  g_autofree char *good = g_build_filename (gen, "good.shnor", NULL);
  g_autofree char *victim = g_build_filename (gen, "victim.shnor", NULL);
  g_autofree char *other_db = g_build_filename (work, "data.db", NULL);
  g_autofree char *new_name = g_build_filename (work, "new.shnor", NULL);
  g_autofree char *fifo = g_build_filename (work, "pipe.xlsx", NULL);
  g_autofree char *journal = g_strconcat (good, "-journal", NULL);
  const char *targets[] = { good, victim, other_db, new_name, fifo, work, journal };

  /* a database of another program, named as an export might be */
  {
    g_autofree char *bytes = g_malloc0 (4096);

    memcpy (bytes, "SQLite format 3", 16);
    test_write_file (other_db, bytes, 4096);
  }
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      const char *out = targets[t];

      expect_refusal ((const char *[]) { "--export-lists", out, good, NULL }, out);
      expect_refusal ((const char *[]) { "--export-xlsx", out, "--programme", "1", good, NULL }, out);
      expect_refusal ((const char *[]) { "--export-order", out, "--programme", "1", good, NULL }, out);
      expect_refusal ((const char *[]) { "--export-roadmap", out, "--programme", "1", good, NULL }, out);
      expect_refusal ((const char *[]) { "--import-template", out, NULL }, out);
    }
  g_unlink (fifo);
  g_unlink (other_db);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *make_hostile = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  int status, result;

  g_test_init (&argc, &argv, NULL);
  shnor = g_strdup (g_getenv ("SHNOR_BINARY"));
  make_hostile = g_strdup (g_getenv ("SHNOR_MAKE_HOSTILE"));
  g_assert_nonnull (shnor);
  g_assert_nonnull (make_hostile);
  if (g_getenv ("SHNOR_TEST_TIMEOUT") != NULL)
    timeout_s = (guint) atoi (g_getenv ("SHNOR_TEST_TIMEOUT"));

  tmp = test_tmpdir ();
  gen = g_build_filename (tmp, "сгенерировано", NULL);
  work = g_build_filename (tmp, "работа", NULL);
  g_mkdir (work, 0755);
  {
    const char *args[] = { make_hostile, gen, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
  }
  /* a good import, so that --import-results fails for the document alone */
  csv = g_build_filename (work, "good.csv", NULL);
  test_write_file (csv, "Код;Год;Вид;Предмет;Класс;Участники;Средний балл\n0301;2025;ОГЭ;Математика;9;20;3,9\n", -1);

  g_test_add_func ("/hostile/good-opens", test_good_opens);
  g_test_add_func ("/hostile/documents", test_documents);
  g_test_add_func ("/hostile/data-files", test_data_files);
  g_test_add_func ("/hostile/special-files", test_special_files);
  g_test_add_func ("/hostile/targets", test_targets);
  result = g_test_run ();
  test_rm_rf (tmp);
  return result;
}
