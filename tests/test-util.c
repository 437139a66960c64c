/* test-util.c */
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "test-util.h"

/* A fresh folder with a Cyrillic name: users' paths are like that. */
char *
test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("shnor-тест-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

char *
test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("(unreadable)");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

void
test_write_file (const char *path,
                 const char *contents,
                 gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static gboolean
run (const char *const *argv)
{
  int status = 0;

  return g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                       G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

/* Makes @path unwritable even for root (who ignores modes, and runs CI):
 * the mode first, then the immutable attribute where the mode is not enough.
 * Returns FALSE when neither takes. */
gboolean
test_make_read_only (const char *path)
{
  const char *chattr[] = { "chattr", "+i", path, NULL };

  g_chmod (path, g_file_test (path, G_FILE_TEST_IS_DIR) ? 0555 : 0444);
  if (g_access (path, W_OK) != 0)
    return TRUE;
  return run (chattr) && g_access (path, W_OK) != 0;
}

void
test_make_writable (const char *path)
{
  const char *chattr[] = { "chattr", "-i", path, NULL };

  run (chattr);
  g_chmod (path, g_file_test (path, G_FILE_TEST_IS_DIR) ? 0755 : 0644);
}

void
test_rm_rf (const char *path)
{
  const char *rm[] = { "rm", "-rf", path, NULL };

  run (rm);
}
