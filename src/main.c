/* main.c: `shnor`, the program users and scripts run. The commands
 * (shnor --classify FILE, --export-lists OUT FILE, …; see shnor-cli.c) run
 * here without GTK; a window (no command, a FILE to open, --region URI)
 * is the program shnor-gui installed beside this one, which takes the
 * same arguments and the place of this process. The few commands that
 * write PDF or talk to PostgreSQL are shnor-full's, the same commands
 * with those libraries linked (SHNOR_CLI_IN_FULL), which takes the place
 * of this process in the same way. */
#include "config.h"
#include <errno.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <glib/gi18n.h>
#ifdef G_OS_WIN32
#include <windows.h>
#else
#include <unistd.h>
#endif

#include "shnor-cli.h"

#ifdef G_OS_WIN32
#define EXE ".exe"
#else
#define EXE ""
#endif
#define WINDOW_PROGRAM "shnor-gui" EXE
#define FULL_PROGRAM "shnor-full" EXE

/* The program @name: beside this one (as built, and on Windows), else
 * where it is installed relative to this one (@relative_dir, for an
 * installed tree moved elsewhere), else in @installed_dir (shnor-full in
 * libexec, and the window program when shnor-full starts it). A file of
 * that name is taken even if it cannot run, so that the message names it. */
static char *
program_path (const char *name,
              const char *relative_dir,
              const char *installed_dir)
{
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *beside = NULL;
  g_autofree char *relative = NULL;

#ifdef G_OS_WIN32
  wchar_t path[MAX_PATH];
  DWORD n = GetModuleFileNameW (NULL, path, MAX_PATH);

  if (n > 0 && n < MAX_PATH)
    self = g_utf16_to_utf8 ((const gunichar2 *) path, n, NULL, NULL, NULL);
#else
  self = g_file_read_link ("/proc/self/exe", NULL);
#endif
  if (self == NULL)
    return g_build_filename (installed_dir, name, NULL);
  dir = g_path_get_dirname (self);
  beside = g_build_filename (dir, name, NULL);
  if (g_file_test (beside, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&beside);
  if (relative_dir != NULL && !g_path_is_absolute (relative_dir))
    {
      g_autofree char *joined = g_build_filename (relative_dir, name, NULL);

      relative = g_canonicalize_filename (joined, dir);
      if (g_file_test (relative, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&relative);
    }
  return g_build_filename (installed_dir, name, NULL);
}

/* Runs @program with @argv in place of this process where the system
 * can (elsewhere the window is started and left, and a command awaited
 * for its status), with @envp (NULL: this one's); returns the status, or
 * 1 when it cannot start. */
static int
run_program (const char  *program,
             char       **argv,
             char       **envp,
             gboolean     command)
{
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_free (args[0]);
  args[0] = g_strdup (program);
#ifdef G_OS_WIN32
  if (command)
    {
      int status;

      /* the wait status is the exit code there */
      if (g_spawn_sync (NULL, args, envp, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, NULL, NULL, &status, &error))
        return status;
    }
  else if (g_spawn_async (NULL, args, envp, G_SPAWN_DEFAULT, NULL, NULL, NULL, &error))
    return 0;
#else
  if (envp != NULL)
    execve (program, args, envp);
  else
    execv (program, args);
  g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s", g_strerror (errno));
#endif
  name = g_filename_display_name (program);
  g_printerr (command ? _("Cannot start the program “%s” that runs this command: %s\n")
                      : _("Cannot start the window program “%s”: %s\n"), name, error->message);
  return 1;
}

/* Set in the environment of shnor-full by the shnor that hands it its
 * command, and taken out at once: a "shnor-full" that is a copy of shnor
 * would otherwise hand the command to itself again and again. */
#define HANDED_OVER "SHNOR_HANDED_OVER"

static char *handed_over;

/* the commands that write PDF or talk to PostgreSQL: shnor-full's */
static int
run_full (char **argv)
{
  g_autofree char *program = NULL;
  g_auto(GStrv) envp = NULL;

  if (handed_over != NULL)
    {
      g_autofree char *name = g_filename_display_name (handed_over);

      g_printerr (_("The program “%s” cannot run this command: it is a copy of shnor, not shnor-full. "
                    "Install Shnor again.\n"), name);
      return 1;
    }
  program = program_path (FULL_PROGRAM, LIBEXECDIR_FROM_BINDIR, LIBEXECDIR);
  envp = g_environ_setenv (g_get_environ (), HANDED_OVER, program, TRUE);
  return run_program (program, argv, envp, TRUE);
}

static int
handle_local_options (GApplication *app,
                      GVariantDict *dict,
                      gpointer      argv)
{
  int status = shnor_cli_handle_options (dict);
  g_autofree char *window = NULL;

  if (status == SHNOR_CLI_IN_FULL)
    return run_full (argv);
  if (status >= 0)
    return status;
  window = program_path (WINDOW_PROGRAM, NULL, BINDIR);
  return run_program (window, argv, NULL, FALSE);
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
  handed_over = g_strdup (g_getenv (HANDED_OVER));
  g_unsetenv (HANDED_OVER);
#ifdef __GLIBC__
  /* The commands build and free tables of megabytes (a region's lists,
   * a workbook's cells): the heap grows, and keeps when it shrinks, 16 MiB
   * instead of 128 KiB at a time, which spares --export-lists on a region
   * 150 calls to the kernel and a tenth of its page faults. (Blocks of
   * 128 KiB and more are then always mapped apart: glibc stops moving
   * that threshold once a parameter is set.) */
  mallopt (M_TOP_PAD, 16 << 20);
#endif
  shnor_setup_locale ();
  if (shnor_cli_command (argv, &status))
    return status == SHNOR_CLI_IN_FULL ? run_full (original) : status;
  /* the same options and --help as the window's application; no
   * command among them: the window, before GApplication registers */
  app = g_application_new (NULL, G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  shnor_cli_add_options (app);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options), original);
  return g_application_run (app, argc, argv);
}
