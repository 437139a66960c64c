/* test-crash.c: a power cut or a killed process never loses a committed
 * edit and never leaves a half-written one. A child commits a stream of
 * edits; it is killed with SIGKILL at a random moment, many times; after
 * each kill the file must pass SQLite's integrity check and hold every
 * edit the child reported as committed. */
#include <stdlib.h>
#include <gio/gio.h>

#include "shnor-document.h"
#include "test-util.h"

#define ROUNDS 30

static GHashTable *
read_reported (GDataInputStream *lines)
{
  GHashTable *reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char *line;

  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, NULL)) != NULL)
    g_hash_table_add (reported, line);
  return reported;
}

static void
check_file (const char *path,
            GHashTable *reported,
            guint      *n_schools)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = NULL;
  GHashTableIter iter;
  gpointer n;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *schools;

  shnor_document_check_file (path, &error);
  g_assert_no_error (error);

  doc = shnor_document_open (path, &error);
  g_assert_no_error (error);
  schools = shnor_document_get_schools (doc);
  *n_schools = g_list_model_get_n_items (schools);
  for (guint i = 0; i < *n_schools; i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);

      g_hash_table_insert (names, (gpointer) shnor_school_get_full_name (school), school);
    }

  g_hash_table_iter_init (&iter, reported);
  while (g_hash_table_iter_next (&iter, &n, NULL))
    {
      g_autofree char *name = g_strdup_printf ("Школа %s", (char *) n);
      g_autofree char *director = g_strdup_printf ("Директор %s", (char *) n);
      ShnorSchool *school = g_hash_table_lookup (names, name);
      g_autofree char *stored = NULL;
      g_autoptr(GArray) context = NULL;

      g_assert_nonnull (school);
      stored = shnor_school_dup_text (school, "director");
      g_assert_cmpstr (stored, ==, director);
      context = shnor_document_get_context (doc, shnor_school_get_id (school));
      g_assert_cmpuint (context->len, ==, 1);
    }
}

static void
test_kill_while_committing (void)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Сбой.shnor", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = shnor_document_create (path, &error);
  const char *child_path = g_getenv ("SHNOR_CRASH_CHILD");
  guint total_reported = 0;
  guint n_schools = 0;
  GRand *rand = g_rand_new_with_seed (20261122);

  g_assert_no_error (error);
  g_assert_nonnull (child_path);
  g_clear_object (&doc);

  for (int round = 0; round < ROUNDS; round++)
    {
      g_autofree char *first = g_strdup_printf ("%u", n_schools + 1000 * (guint) round);
      g_autoptr(GSubprocess) child =
        g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, child_path, path, first, NULL);
      g_autoptr(GHashTable) reported = NULL;
      g_autoptr(GDataInputStream) lines = NULL;
      g_autofree char *open = NULL;

      g_assert_no_error (error);
      /* Kill it while it commits, not while it opens the file */
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
      open = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (open, ==, "open");
      g_usleep (g_rand_int_range (rand, 50, 400) * 1000);
      g_subprocess_force_exit (child);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      /* Killed, not finished on its own (which would be an error). */
      g_assert_false (g_subprocess_get_if_exited (child));

      reported = read_reported (lines);
      total_reported += g_hash_table_size (reported);
      check_file (path, reported, &n_schools);
      g_assert_cmpuint (n_schools, >=, total_reported);
    }

  g_test_message ("%d kills, %u edits reported committed, %u schools in the file",
                  ROUNDS, total_reported, n_schools);
  /* The test means something only if edits were under way when killed. */
  g_assert_cmpuint (total_reported, >, ROUNDS);

  g_rand_free (rand);
  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-while-committing", test_kill_while_committing);
  return g_test_run ();
}
