/* test-fuzz-replay.c: every input of a fuzzer's seed corpus and of its
 * regressions (inputs that once crashed or misbehaved under it) goes
 * through its target under the same checks as the fuzzer. Built once per
 * target, with FUZZ_CORPUS and FUZZ_REGRESSIONS naming its folders under
 * tests/fuzz (either may be missing for a target with none). */
#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data, gsize size);

static void
run_folder (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", name, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *entry;
  guint n = 0;

  if (dir == NULL)
    {
      g_test_skip ("no such folder");
      return;
    }
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
  run_folder (FUZZ_CORPUS);
}

static void
test_regressions (void)
{
  run_folder (FUZZ_REGRESSIONS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fuzz/corpus", test_corpus);
  g_test_add_func ("/fuzz/regressions", test_regressions);
  return g_test_run ();
}
