/* shnor-file-chooser.c: a native file chooser (the system's own on Windows)
 * that calls back only when the user accepts, and cleans up after itself. */
#define G_LOG_DOMAIN "shnor-file-chooser"

#include "config.h"
#include <glib/gi18n.h>

#include "shnor-file-chooser.h"

typedef struct {
  ShnorFileChosen  chosen;
  GObject         *owner;
} Request;

static void
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            const char * const *suffixes,
            const char         *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
add_filters (GtkFileChooser *chooser,
             ShnorFileKind   kind)
{
  static const char * const shnor[] = { "shnor", NULL };
  static const char * const tables[] = { "csv", "txt", "xlsx", NULL };
  static const char * const charts[] = { "png", "svg", "pdf", NULL };
  g_autoptr(GtkFileFilter) all = NULL;

  switch (kind)
    {
    case SHNOR_FILES_SHNOR:
      add_filter (chooser, _("Shnor files"), shnor, "application/x-shnor");
      all = gtk_file_filter_new ();
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (chooser, all);
      break;
    case SHNOR_FILES_TABLES:
      add_filter (chooser, _("Tables (CSV, XLSX)"), tables, NULL);
      break;
    case SHNOR_FILES_CHARTS:
      add_filter (chooser, _("Images and documents (PNG, SVG, PDF)"), charts, NULL);
      break;
    case SHNOR_FILES_ANY:
    default:
      break;
    }
}

static void
response (GtkNativeDialog *chooser,
          int              answer,
          Request         *request)
{
  if (answer == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (file != NULL)
        request->chosen (request->owner, gtk_native_dialog_get_transient_for (chooser), file, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (request->owner);
  g_free (request);
}

/**
 * shnor_choose_file:
 * @suggested_name: (nullable): the name offered when saving
 * @chosen: called with @owner when the user accepts a file
 * @owner: kept alive while the chooser is open
 */
void
shnor_choose_file (GtkWindow            *parent,
                   const char           *title,
                   GtkFileChooserAction  action,
                   const char           *accept_label,
                   const char           *suggested_name,
                   ShnorFileKind         kind,
                   ShnorFileChosen       chosen,
                   GObject              *owner)
{
  GtkFileChooserNative *chooser;
  Request *request;

  g_return_if_fail (chosen != NULL && G_IS_OBJECT (owner));

  chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  add_filters (GTK_FILE_CHOOSER (chooser), kind);
  request = g_new0 (Request, 1);
  request->chosen = chosen;
  request->owner = g_object_ref (owner);
  g_signal_connect (chooser, "response", G_CALLBACK (response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
