/* shnor-application.c: the command line, the files, the recent list */
#define G_LOG_DOMAIN "shnor-application"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "config.h"
#include "shnor-application.h"
#include "shnor-bank-export.h"
#include "shnor-demo.h"
#include "shnor-demo-network.h"
#include "shnor-error.h"
#include "shnor-cli.h"
#include "shnor-exchange-cli.h"
#include "shnor-file-chooser.h"
#include "shnor-results-import.h"
#include "shnor-files.h"
#include "shnor-xlsx-export.h"
#include "shnor-order.h"
#include "shnor-preflight.h"
#include "shnor-region-window.h"
#include "shnor-settings-dialog.h"

#define MAX_RECENT 10

struct _ShnorApplication
{
  AdwApplication parent_instance;

  GSettings     *settings;  /* NULL when the schema is not installed */
  char         **recent;    /* used when there is no GSettings */
  char          *region_uri; /* shnor --region URI: the regional view instead of a file */
};

G_DEFINE_FINAL_TYPE (ShnorApplication, shnor_application, ADW_TYPE_APPLICATION)

/* ---- locale and settings -------------------------------------------- */


/* What shnor_setup_renderer() changed: programs Shnor opens get the
 * values as they were (see shnor_application_launch_context()) */
static struct {
  gboolean  changed;
  char     *renderer; /* GSK_RENDERER as it was; NULL: unset */
  char     *debug;    /* GDK_DEBUG */
  char     *disable;  /* GDK_DISABLE */
} renderer_env;

/**
 * shnor_setup_renderer:
 *
 * Shnor's window is forms, lists and Cairo charts: it draws with GTK's
 * Cairo renderer and does not start OpenGL, unless the user asks for
 * another renderer with GSK_RENDERER. GTK 4.8 otherwise loads the
 * graphics driver at every start even for the Cairo renderer (on this
 * machine's llvmpipe 58 MiB and 0.1 s of a start of 0.4 s), and an old
 * office computer's driver is then one more thing that can fail to show
 * the window. Call before the display is opened (and before any thread:
 * it changes the environment).
 */
void
shnor_setup_renderer (void)
{
  const char *renderer = g_getenv ("GSK_RENDERER");
  const char *debug = g_getenv ("GDK_DEBUG");

  if (renderer_env.changed || (renderer != NULL && !g_str_equal (renderer, "cairo")))
    return;
  renderer_env.changed = TRUE;
  renderer_env.renderer = g_strdup (renderer);
  renderer_env.debug = g_strdup (debug);
  renderer_env.disable = g_strdup (g_getenv ("GDK_DISABLE"));
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  /* GTK 4.8's switch; GDK_DISABLE=gl is its name from GTK 4.16 */
  if (debug == NULL || *debug == '\0')
    g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  else if (strstr (debug, "gl-disable") == NULL)
    {
      g_autofree char *more = g_strconcat (debug, ",gl-disable", NULL);

      g_setenv ("GDK_DEBUG", more, TRUE);
    }
  g_setenv ("GDK_DISABLE", "gl", FALSE);
}

static void
launch_env (GAppLaunchContext *context,
            const char        *name,
            const char        *value)
{
  if (value != NULL)
    g_app_launch_context_setenv (context, name, value);
  else
    g_app_launch_context_unsetenv (context, name);
}

/**
 * shnor_application_launch_context:
 *
 * Returns: (transfer full): the context to start another program in (a
 *   file's viewer, a folder's file manager) from @display, with the
 *   environment as the user had it, not shnor_setup_renderer()'s
 */
GAppLaunchContext *
shnor_application_launch_context (GdkDisplay *display)
{
  GAppLaunchContext *context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (display));

  if (renderer_env.changed)
    {
      launch_env (context, "GSK_RENDERER", renderer_env.renderer);
      launch_env (context, "GDK_DEBUG", renderer_env.debug);
      launch_env (context, "GDK_DISABLE", renderer_env.disable);
    }
  return context;
}

/**
 * shnor_settings_new_optional:
 * @extra_dirs: where else to look for compiled schemas
 *
 * Returns: (nullable): the settings, or %NULL when the schema is installed
 * nowhere: Shnor then works without remembering its window and recent
 * files, instead of aborting as g_settings_new() would.
 */
GSettings *
shnor_settings_new_optional (const char         *schema_id,
                             const char * const *extra_dirs)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, schema_id, TRUE);

  for (guint i = 0; schema == NULL && extra_dirs != NULL && extra_dirs[i] != NULL; i++)
    {
      g_autoptr(GSettingsSchemaSource) dir_source =
        g_settings_schema_source_new_from_directory (extra_dirs[i], source, FALSE, NULL);

      if (dir_source != NULL)
        schema = g_settings_schema_source_lookup (dir_source, schema_id, FALSE);
    }

  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

/* Besides the system's schemas: the ones beside a Windows installation,
 * and the build tree's, so that a build runs without installing. */
static GSettings *
load_settings (void)
{
  g_autofree char *installed = NULL;
  const char *dirs[3] = { SHNOR_BUILD_SCHEMA_DIR, NULL, NULL };

#ifdef G_OS_WIN32
  {
    g_autofree char *root = g_win32_get_package_installation_directory_of_module (NULL);

    installed = g_build_filename (root, "share", "glib-2.0", "schemas", NULL);
    dirs[1] = installed;
  }
#endif
  if (g_getenv ("SHNOR_NO_BUILD_SCHEMAS") != NULL)
    dirs[0] = dirs[1];
  return shnor_settings_new_optional (APP_ID, dirs);
}

GSettings *
shnor_application_get_settings (ShnorApplication *self)
{
  g_return_val_if_fail (SHNOR_IS_APPLICATION (self), NULL);
  return self->settings;
}

/* ---- recent files --------------------------------------------------- */

static char **
get_recent (ShnorApplication *self)
{
  if (self->settings != NULL)
    return g_settings_get_strv (self->settings, "recent-files");
  return g_strdupv (self->recent);
}

static void
show_recent (ShnorApplication *self)
{
  g_auto(GStrv) recent = get_recent (self);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (SHNOR_IS_WINDOW (l->data))
      shnor_window_set_recent (l->data, (const char * const *) recent);
}

static void
add_recent (ShnorApplication *self,
            const char       *path)
{
  g_auto(GStrv) old = get_recent (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) fresh = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (old[i], path))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  fresh = g_strv_builder_end (builder);

  if (self->settings != NULL)
    g_settings_set_strv (self->settings, "recent-files", (const char * const *) fresh);
  else
    {
      g_strfreev (self->recent);
      self->recent = g_steal_pointer (&fresh);
    }
  show_recent (self);
}

/* ---- windows -------------------------------------------------------- */

static gboolean
window_close_request (ShnorWindow      *window,
                      ShnorApplication *self)
{
  int width, height;

  if (self->settings == NULL)
    return FALSE;
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (window)));
  if (!gtk_window_is_maximized (GTK_WINDOW (window)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  return FALSE;
}

static ShnorWindow *
new_window (ShnorApplication *self)
{
  ShnorWindow *window = shnor_window_new (GTK_APPLICATION (self));
  g_auto(GStrv) recent = get_recent (self);

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (window),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (window));
    }
  g_signal_connect (window, "close-request", G_CALLBACK (window_close_request), self);
  shnor_window_set_recent (window, (const char * const *) recent);
  return window;
}

static ShnorWindow *
any_window (ShnorApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (SHNOR_IS_WINDOW (active))
    return SHNOR_WINDOW (active);
  return new_window (self);
}

static ShnorWindow *
window_of_file (ShnorApplication *self,
                GFile            *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      ShnorDocument *doc;
      g_autoptr(GFile) open = NULL;

      if (!SHNOR_IS_WINDOW (l->data) || !(doc = shnor_window_get_document (l->data)))
        continue;
      open = g_file_new_for_path (shnor_document_get_path (doc));
      if (g_file_equal (open, file))
        return l->data;
    }
  return NULL;
}

/**
 * shnor_application_open_file:
 * @preferred: (nullable): the window to show the file in
 *
 * Opens @file, or brings forward the window that already shows it: two
 * windows never hold the same file. A refused file is reported and left
 * as it was.
 */
gboolean
shnor_application_open_file (ShnorApplication *self,
                             GFile            *file,
                             ShnorWindow      *preferred)
{
  ShnorWindow *window = window_of_file (self, file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(ShnorDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return TRUE;
    }

  window = preferred ? preferred : any_window (self);
  gtk_window_present (GTK_WINDOW (window));
  if (path == NULL)
    {
      shnor_window_show_error (window, _("Could not open the file"),
                               _("Only files on this computer or a mounted network folder can be opened."));
      return FALSE;
    }

  document = shnor_document_open (path, &error);
  if (document == NULL)
    {
      shnor_window_show_error (window, _("Could not open the file"), error->message);
      return FALSE;
    }
  shnor_window_set_document (window, document);
  add_recent (self, path);
  return TRUE;
}

/* ---- actions -------------------------------------------------------- */

static void
open_chosen (GObject    *owner,
             GtkWindow  *parent,
             GFile      *file,
             const char *path)
{
  shnor_application_open_file (SHNOR_APPLICATION (owner), file,
                               SHNOR_IS_WINDOW (parent) ? SHNOR_WINDOW (parent) : NULL);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  ShnorApplication *self = user_data;

  shnor_choose_file (GTK_WINDOW (any_window (self)), _("Open a Municipality File"),
                     GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL, SHNOR_FILES_SHNOR,
                     open_chosen, G_OBJECT (self));
}

static gboolean
create_at (ShnorApplication *self,
           ShnorWindow      *window,
           const char       *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) document = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (window_of_file (self, file) != NULL)
    {
      shnor_window_show_error (window, _("Could not create the file"),
                               _("A file of that name is open in Shnor; choose another name."));
      return FALSE;
    }
  /* The file chooser asked before replacing: move the old file to the
   * trash where there is one, so that even then nothing is lost. */
  if (g_file_query_exists (file, NULL) &&
      !g_file_trash (file, NULL, NULL) && !g_file_delete (file, NULL, &error))
    {
      shnor_window_show_error (window, _("Could not create the file"), error->message);
      return FALSE;
    }

  document = shnor_document_create (path, &error);
  if (document == NULL)
    {
      shnor_window_show_error (window, _("Could not create the file"), error->message);
      return FALSE;
    }
  shnor_window_set_document (window, document);
  add_recent (self, path);
  return TRUE;
}

static void
new_chosen (GObject    *owner,
            GtkWindow  *parent,
            GFile      *file,
            const char *path)
{
  ShnorWindow *window = SHNOR_WINDOW (parent);

  if (path != NULL && create_at (SHNOR_APPLICATION (owner), window, path))
    gtk_window_present (GTK_WINDOW (shnor_settings_dialog_new (parent, shnor_window_get_document (window))));
}

static void
new_activated (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  ShnorApplication *self = user_data;

  shnor_choose_file (GTK_WINDOW (any_window (self)), _("New Municipality File"),
                     GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("Municipality.shnor"), SHNOR_FILES_SHNOR,
                     new_chosen, G_OBJECT (self));
}

/* The demo lives in the user's data folder and is made on first use; a
 * demo the user already changed is opened as it is. */
static void
open_demo_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  ShnorApplication *self = user_data;
  ShnorWindow *window = any_window (self);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "shnor", NULL);
  g_autofree char *path = g_build_filename (dir, _("Demo municipality.shnor"), NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS) &&
      (g_mkdir_with_parents (dir, 0755) != 0 || !shnor_demo_network_write (path, &error)))
    {
      shnor_window_show_error (window, _("Could not create the demo municipality"),
                               error ? error->message : g_strerror (errno));
      return;
    }
  shnor_application_open_file (self, file, window);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  ShnorApplication *self = user_data;
  const char *developers[] = { _("The Shnor developers"), NULL };
  GtkWidget *about = adw_about_window_new ();

  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (GTK_APPLICATION (self)));
  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Shnor"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APP_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), _("The Shnor developers"));
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
                                 _("Support for schools with low results and schools in unfavourable social conditions: "
                                   "identification, programmes, road maps and official documents."));
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  ShnorApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Through close-request, so each window saves its size. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static const GActionEntry app_entries[] = {
  { "new", new_activated },
  { "open", open_activated },
  { "open-demo", open_demo_activated },
  { "about", about_activated },
  { "quit", quit_activated },
};

static const struct { const char *action; const char *accels[3]; } accels[] = {
  { "app.new", { "<Control><Shift>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "win.save-copy", { "<Control><Shift>s", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.add-school", { "<Control>n", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.settings", { "<Control>comma", NULL } },
  { "win.import-results", { "<Control>i", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

static gboolean
shnor_application_local_command_line (GApplication   *app,
                                      char         ***arguments,
                                      int            *exit_status)
{
  ShnorApplication *self = SHNOR_APPLICATION (app);
  char **argv = *arguments;

  /* the commands (shnor-cli.c) */
  if (shnor_cli_command (argv, exit_status))
    return TRUE;
  g_free (self->region_uri);
  self->region_uri = shnor_exchange_take_region (argv);
  if (self->region_uri != NULL)
    g_application_set_flags (app, G_APPLICATION_NON_UNIQUE);
  return G_APPLICATION_CLASS (shnor_application_parent_class)->local_command_line (app, arguments, exit_status);
}

static int
shnor_application_handle_local_options (GApplication *app,
                                        GVariantDict *dict)
{
  return shnor_cli_handle_options (dict);
}

static void
shnor_application_startup (GApplication *app)
{
  ShnorApplication *self = SHNOR_APPLICATION (app);

  G_APPLICATION_CLASS (shnor_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
  /* Ctrl+1 … Ctrl+9: the views of the window */
  for (int i = 0; i < 9; i++)
    {
      g_autofree char *view = g_strdup_printf ("win.show-view(%d)", i);
      g_autofree char *key = g_strdup_printf ("<Control>%d", i + 1);
      const char *keys[] = { key, NULL };

      gtk_application_set_accels_for_action (GTK_APPLICATION (self), view, keys);
    }

  self->settings = load_settings ();
  if (self->settings == NULL)
    g_message ("The settings schema %s is not installed: window size and recent files will not be remembered.",
               APP_ID);
  else
    g_signal_connect_swapped (self->settings, "changed::recent-files", G_CALLBACK (show_recent), self);
}

/* A start without files reopens the last file, or shows the welcome page. */
static void
shnor_application_activate (GApplication *app)
{
  ShnorApplication *self = SHNOR_APPLICATION (app);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_auto(GStrv) recent = NULL;
  ShnorWindow *window;

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }
  if (self->region_uri != NULL)
    {
      shnor_region_window_open (GTK_APPLICATION (self), self->region_uri, NULL);
      return;
    }

  window = new_window (self);
  gtk_window_present (GTK_WINDOW (window));
  recent = get_recent (self);
  if (recent[0] != NULL && g_file_test (recent[0], G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) last = g_file_new_for_path (recent[0]);

      shnor_application_open_file (self, last, window);
    }
}

static void
shnor_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  ShnorApplication *self = SHNOR_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      ShnorWindow *window = window_of_file (self, files[i]);

      if (window == NULL)
        window = new_window (self);
      shnor_application_open_file (self, files[i], window);
    }
}

static void
shnor_application_finalize (GObject *object)
{
  ShnorApplication *self = SHNOR_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->recent, g_strfreev);
  g_clear_pointer (&self->region_uri, g_free);

  G_OBJECT_CLASS (shnor_application_parent_class)->finalize (object);
}

static void
shnor_application_class_init (ShnorApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = shnor_application_finalize;
  app_class->handle_local_options = shnor_application_handle_local_options;
  app_class->local_command_line = shnor_application_local_command_line;
  app_class->startup = shnor_application_startup;
  app_class->activate = shnor_application_activate;
  app_class->open = shnor_application_open;
}

static void
shnor_application_init (ShnorApplication *self)
{
  self->recent = g_new0 (char *, 1);
  shnor_cli_add_options (G_APPLICATION (self));
}

ShnorApplication *
shnor_application_new (void)
{
  return g_object_new (SHNOR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
