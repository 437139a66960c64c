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

/* Whether @path is an ordinary file: not a folder, a pipe or a device,
 * whose reading could block or never end. */
gboolean
shnor_is_regular_file (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG;
}

/* Whether the ordinary file @path starts as every SQLite database does:
 * a Shnor document, its backup copy, or another program's database. */
gboolean
shnor_is_database (const char *path)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  FILE *f;
  size_t got;

  if (!shnor_is_regular_file (path) || (f = g_fopen (path, "rb")) == NULL)
    return FALSE;
  got = fread (header, 1, sizeof header, f);
  fclose (f);
  return got == sizeof header && memcmp (header, magic, sizeof magic) == 0;
}

static gboolean
has_suffix (const char *name,
            const char *suffix)
{
  gsize n = strlen (name), m = strlen (suffix);

  return n >= m && g_ascii_strcasecmp (name + n - m, suffix) == 0;
}

/**
 * shnor_check_folder:
 *
 * Whether the folder @path is to be written in exists: said before any
 * work, and of the folder, not of a temporary name in it.
 *
 * Returns: FALSE, with an error naming the folder, when it does not.
 */
gboolean
shnor_check_folder (const char  *path,
                    GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    return TRUE;
  {
    g_autofree char *name = g_filename_display_basename (path);
    g_autofree char *shown = g_filename_display_name (folder);

    g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO,
                 _("The folder “%s” for “%s” does not exist: choose another place."), shown, name);
  }
  return FALSE;
}

/**
 * shnor_check_target:
 * @kind: what is to be written
 *
 * Whether Shnor may write @path: never over a database (the open document
 * is one, and so is every other Shnor file), nor over a folder, a pipe or
 * a device; an export never under a name of a Shnor file.
 *
 * Returns: FALSE, with an error a user can act on, when it may not.
 */
gboolean
shnor_check_target (const char   *path,
                    ShnorTarget   kind,
                    GError      **error)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (kind == SHNOR_TARGET_EXPORT && (has_suffix (path, ".shnor") || has_suffix (path, ".shnor.part")))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_EXISTS,
                   _("“%s” is a name for Shnor files: an export is not written under it. "
                     "Choose a name with the export’s own ending (.xlsx, .pdf, .png…)."), name);
      return FALSE;
    }
  /* a journal beside a document would be taken for its own */
  if (has_suffix (path, "-journal") || has_suffix (path, "-wal"))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_EXISTS,
                   _("“%s” is a name SQLite gives to the journal of a database: choose another name."), name);
      return FALSE;
    }
  if (!shnor_check_folder (path, error))
    return FALSE;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_EXISTS, _("“%s” is a folder: choose a file name."), name);
      return FALSE;
    }
  if (!shnor_is_regular_file (path))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_EXISTS,
                   _("“%s” is not an ordinary file (it is a pipe, a device or the like): choose another name."), name);
      return FALSE;
    }
  if (shnor_is_database (path))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_EXISTS,
                   _("“%s” is a Shnor file or another database: Shnor never writes over one. "
                     "Choose another name."), name);
      return FALSE;
    }
  return TRUE;
}

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

  /* Every writer ends here: whatever it was asked, it replaces no
   * database; a copy of a document may have a .shnor name. */
  if (!shnor_check_target (path, shnor_is_database (part) ? SHNOR_TARGET_DOCUMENT : SHNOR_TARGET_EXPORT, error))
    {
      g_unlink (part);
      return FALSE;
    }
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
