/* test-csv-regressions.c: every input in tests/fuzz/regressions (inputs
 * that once crashed or misbehaved under the fuzzer) and the fuzzing seed
 * corpus go through the CSV reader under the same checks as the fuzzer. */
#include <glib.h>

#include "shnor-table.h"

int LLVMFuzzerTestOneInput (const guint8 *data, gsize size);

static void
run_folder (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", name, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *entry;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, entry, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
      LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
      n++;
    }
  g_test_message ("%s: %u inputs", name, n);
  g_assert_cmpuint (n, >, 0);
}

static void
test_corpus (void)
{
  run_folder ("corpus");
}

static void
test_regressions (void)
{
  run_folder ("regressions");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/fuzz-corpus", test_corpus);
  g_test_add_func ("/csv/fuzz-regressions", test_regressions);
  return g_test_run ();
}
