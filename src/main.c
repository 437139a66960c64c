/* main.c: `shnor`, the program users and scripts run. The commands
 * (shnor --classify FILE, --export-lists OUT FILE, …; see shnor-cli.c) run
 * here without GTK; a window (no command, a FILE to open, --region URI)
 * is the program shnor-gui installed beside this one, which takes the
 * same arguments and the place of this process. */
#include "config.h"
#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#ifdef G_OS_WIN32
#include <windows.h>
#else
#include <unistd.h>
#endif

#include "shnor-cli.h"

#ifdef G_OS_WIN32
#define WINDOW_PROGRAM "shnor-gui.exe"
#else
#define WINDOW_PROGRAM "shnor-gui"
#endif

/* The window program: beside this one, wherever it is installed or built */
static char *
window_program (void)
{
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;

#ifdef G_OS_WIN32
  wchar_t path[MAX_PATH];
  DWORD n = GetModuleFileNameW (NULL, path, MAX_PATH);

  if (n > 0 && n < MAX_PATH)
    self = g_utf16_to_utf8 ((const gunichar2 *) path, n, NULL, NULL, NULL);
#else
  self = g_file_read_link ("/proc/self/exe", NULL);
#endif
  dir = self != NULL ? g_path_get_dirname (self) : g_strdup (BINDIR);
  return g_build_filename (dir, WINDOW_PROGRAM, NULL);
}

/* Starts the window with @argv: in place of this process where the
 * system can; returns only on failure. */
static int
run_window (char **argv)
{
  g_autofree char *program = window_program ();
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;

  g_free (args[0]);
  args[0] = g_strdup (program);
#ifdef G_OS_WIN32
  if (g_spawn_async (NULL, args, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &error))
    return 0;
#else
  execv (program, args);
  g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s", g_strerror (errno));
#endif
  {
    g_autofree char *name = g_filename_display_name (program);

    g_printerr (_("Cannot start the window program “%s”: %s\n"), name, error->message);
  }
  return 1;
}

static int
handle_local_options (GApplication *app,
                      GVariantDict *dict,
                      gpointer      argv)
{
  int status = shnor_cli_handle_options (dict);

  return status >= 0 ? status : run_window (argv);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;
  g_auto(GStrv) original = NULL;
  int status;

#ifdef G_OS_WIN32
  /* the arguments in UTF-8, as GLib takes them (main()'s are in the
   * system's code page), as GApplication reads them itself there */
  g_auto(GStrv) utf8 = g_win32_get_command_line ();

  argv = utf8;
  argc = (int) g_strv_length (utf8);
#endif
  original = g_strdupv (argv);
  shnor_setup_locale ();
  if (shnor_cli_command (argv, &status))
    return status;
  /* the same options and --help as the window's application; no
   * command among them: the window, before GApplication registers */
  app = g_application_new (NULL, G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  shnor_cli_add_options (app);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options), original);
  return g_application_run (app, argc, argv);
}
