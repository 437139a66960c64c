/* shnor-files.c: every file Shnor writes is written under a temporary name
 * beside the target and then moved into place. */
#include "config.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "shnor-error.h"
#include "shnor-files.h"

/* The temporary name for @path: in the same folder, so the move is a rename. */
char *
shnor_part_path (const char *path)
{
  return g_strdup_printf ("%s.part", path);
}

/**
 * shnor_commit_part:
 *
 * Moves the finished @part over @path. Windows cannot rename over an
 * existing file, so the old one is removed first (the user confirmed the
 * replacement in the file chooser). On failure @part is removed and @path
 * is as it was, when the removal did not happen yet.
 */
gboolean
shnor_commit_part (const char  *part,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  int saved;

  if ((!g_file_test (path, G_FILE_TEST_EXISTS) || g_unlink (path) == 0) && g_rename (part, path) == 0)
    return TRUE;
  saved = errno;
  g_unlink (part);
  g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The file “%s” could not be written: %s."),
               name, g_strerror (saved));
  return FALSE;
}

/**
 * shnor_check_not_database:
 *
 * An export never writes over an SQLite database, a Shnor file above all,
 * even when the user chose it in the file chooser by mistake.
 *
 * Returns: FALSE with @error when @path is one.
 */
gboolean
shnor_check_not_database (const char  *path,
                          GError     **error)
{
  char head[16] = { 0 };
  FILE *f = g_fopen (path, "rb");
  gboolean database;

  if (f == NULL)
    return TRUE;
  database = fread (head, 1, sizeof head, f) == sizeof head && memcmp (head, "SQLite format 3", 16) == 0;
  fclose (f);
  if (database)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_EXISTS,
                   _("“%s” is a database (perhaps a Shnor file): it is never written over. Choose another name."),
                   name);
    }
  return !database;
}
