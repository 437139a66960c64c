/* shnor-publish-dialog.c: server, port, database, user and password of
 * the regional database. The connection (without the password) is
 * remembered in the application's settings, the password in the system
 * keyring when the user asks — never in a file. Publishing reads the
 * municipality's file here, then sends it from a thread, the progress
 * shown; the regional view is opened in its own window. */
#define G_LOG_DOMAIN "shnor-publish-dialog"

#include "config.h"
#include <glib/gi18n.h>

#include "shnor-application.h"
#include "shnor-error.h"
#include "shnor-keyring.h"
#include "shnor-publish-dialog.h"
#include "shnor-region.h"
#include "shnor-region-window.h"

struct _ShnorPublishDialog
{
  GtkWindow      parent_instance;

  GtkWidget     *go_button;
  GtkWidget     *close_button;
  GtkWidget     *intro_label;
  GtkWidget     *municipality_box;
  GtkWidget     *municipality_label;
  GtkWidget     *form;
  GtkWidget     *host_entry;
  GtkWidget     *port_entry;
  GtkWidget     *database_entry;
  GtkWidget     *user_entry;
  GtkWidget     *password_entry;
  GtkWidget     *remember_check;
  GtkWidget     *progress;
  GtkWidget     *status_label;

  ShnorDocument *document;   /* NULL: the regional view */
  GCancellable  *cancellable;
  gboolean       busy;
};

G_DEFINE_FINAL_TYPE (ShnorPublishDialog, shnor_publish_dialog, GTK_TYPE_WINDOW)

static void
show_status (ShnorPublishDialog *self,
             const char         *text,
             gboolean            error)
{
  gtk_label_set_text (GTK_LABEL (self->status_label), text);
  if (error)
    gtk_widget_add_css_class (self->status_label, "error");
  else
    gtk_widget_remove_css_class (self->status_label, "error");
}

static char *
entry_text (GtkWidget *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static char *
current_uri (ShnorPublishDialog *self)
{
  g_autofree char *host = entry_text (self->host_entry);
  g_autofree char *port = entry_text (self->port_entry);
  g_autofree char *database = entry_text (self->database_entry);
  g_autofree char *user = entry_text (self->user_entry);

  return shnor_region_make_uri (host, port, database, user);
}

static GSettings *
settings (ShnorPublishDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkApplication *app = parent ? gtk_window_get_application (parent) : NULL;

  return SHNOR_IS_APPLICATION (app) ? shnor_application_get_settings (SHNOR_APPLICATION (app)) : NULL;
}

static void
set_busy (ShnorPublishDialog *self,
          gboolean            busy)
{
  self->busy = busy;
  /* the focused entry is told it loses the focus before it is insensitive */
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (self->form, !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.go", !busy);
  gtk_widget_set_visible (self->progress, busy);
}

/* ---- the keyring ------------------------------------------------------ */

static void
password_found (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ShnorPublishDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = shnor_keyring_lookup_finish (result, &error);

  /* no keyring here, or nothing kept: the user types it */
  if (password != NULL && gtk_editable_get_text (GTK_EDITABLE (self->password_entry))[0] == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->password_entry), password);
}

static void
password_stored (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ShnorPublishDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!shnor_keyring_store_finish (result, &error))
    {
      g_autofree char *text = g_strdup_printf (_("%s\nThe password could not be kept in the keyring: %s"),
                                               gtk_label_get_text (GTK_LABEL (self->status_label)), error->message);

      show_status (self, text, FALSE);
    }
}

static void
remember (ShnorPublishDialog *self,
          const char         *uri,
          const char         *password)
{
  GSettings *s = settings (self);

  if (s != NULL)
    g_settings_set_string (s, "region-connection", uri);
  if (password[0] != '\0' && gtk_check_button_get_active (GTK_CHECK_BUTTON (self->remember_check)))
    shnor_keyring_store (uri, password, self->cancellable, password_stored, g_object_ref (self));
}

/* ---- publishing ------------------------------------------------------- */

typedef struct {
  char                 *uri;
  char                 *password;
  ShnorPublicationData *data;
  ShnorPublication      publication;
  ShnorPublishDialog   *self;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->uri);
  g_free (job->password);
  shnor_publication_data_free (job->data);
  shnor_publication_clear (&job->publication);
  g_object_unref (job->self);
  g_free (job);
}

typedef struct {
  ShnorPublishDialog *self;
  char               *step;
  double              fraction;
} Progress;

static gboolean
show_progress (gpointer data)
{
  Progress *p = data;

  /* a step told after the end is no news */
  if (p->self->busy)
    gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (p->self->progress), p->fraction);
  if (p->self->busy)
    gtk_progress_bar_set_text (GTK_PROGRESS_BAR (p->self->progress), p->step);
  g_object_unref (p->self);
  g_free (p->step);
  g_free (p);
  return G_SOURCE_REMOVE;
}

/* in the thread: to the main loop */
static void
progress_cb (const char *step,
             double      fraction,
             gpointer    user_data)
{
  Job *job = user_data;
  Progress *p = g_new0 (Progress, 1);

  p->self = g_object_ref (job->self);
  p->step = g_strdup (step);
  p->fraction = fraction;
  g_idle_add (show_progress, p);
}

static void
publish_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  g_autoptr(ShnorRegion) region = shnor_region_connect (job->uri, job->password, TRUE, &error);

  if (region == NULL || !shnor_region_send (region, job->data, progress_cb, job, &job->publication, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
published (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ShnorPublishDialog *self = SHNOR_PUBLISH_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      gtk_widget_set_visible (self->progress, FALSE);
      show_status (self, error->message, TRUE);
      if (g_error_matches (error, SHNOR_ERROR, SHNOR_ERROR_READ_ONLY))
        gtk_widget_grab_focus (self->password_entry);
      return;
    }
  gtk_widget_set_visible (self->progress, FALSE);
  if (job->publication.unchanged)
    text = g_strdup_printf (_("%s (ОКТМО %s) is already published with these very data: nothing was changed."),
                            job->publication.municipality, job->publication.oktmo);
  else
    text = g_strdup_printf (_("%s (ОКТМО %s) is published: %u schools, %u results. Its previous publication is "
                              "replaced."), job->publication.municipality, job->publication.oktmo,
                            job->publication.n_schools, job->publication.n_results);
  show_status (self, text, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->go_button), _("_Publish Again"));
  gtk_button_set_label (GTK_BUTTON (self->close_button), _("_Close"));
  remember (self, job->uri, job->password);
}

static void
publish (ShnorPublishDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->self = g_object_ref (self);
  job->uri = current_uri (self);
  job->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_entry)));
  job->data = shnor_publication_data_new (self->document, &error);
  if (job->data == NULL)
    {
      show_status (self, error->message, TRUE);
      job_free (job);
      return;
    }
  show_status (self, "", FALSE);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), 0);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress), _("Connecting…"));
  set_busy (self, TRUE);
  task = g_task_new (self, NULL, published, NULL);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, publish_thread);
}

static void
open_region (ShnorPublishDialog *self)
{
  g_autofree char *uri = current_uri (self);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkApplication *app = parent ? gtk_window_get_application (parent) : NULL;

  if (app == NULL)
    return;
  remember (self, uri, password);
  shnor_region_window_open (app, uri, password[0] ? password : NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
go_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ShnorPublishDialog *self = SHNOR_PUBLISH_DIALOG (widget);
  g_autofree char *host = entry_text (self->host_entry);
  g_autofree char *database = entry_text (self->database_entry);
  g_autofree char *port = entry_text (self->port_entry);

  if (host[0] == '\0' || database[0] == '\0')
    {
      show_status (self, _("Enter the server and the database."), TRUE);
      gtk_widget_grab_focus (host[0] == '\0' ? self->host_entry : self->database_entry);
      return;
    }
  for (const char *p = port; *p; p++)
    if (!g_ascii_isdigit (*p))
      {
        show_status (self, _("The port is a number, for example 5432."), TRUE);
        gtk_widget_grab_focus (self->port_entry);
        return;
      }
  if (self->document != NULL)
    publish (self);
  else
    open_region (self);
}

static void
settings_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  gtk_window_destroy (GTK_WINDOW (widget));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.settings", NULL);
}

static void
shnor_publish_dialog_dispose (GObject *object)
{
  ShnorPublishDialog *self = SHNOR_PUBLISH_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (shnor_publish_dialog_parent_class)->dispose (object);
}

static void
shnor_publish_dialog_class_init (ShnorPublishDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = shnor_publish_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-publish-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShnorPublishDialog, go_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorPublishDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorPublishDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorPublishDialog, municipality_box);
  gtk_widget_class_bind_template_child (widget_class, ShnorPublishDialog, municipality_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorPublishDialog, form);
  gtk_widget_class_bind_template_child (widget_class, ShnorPublishDialog, host_entry);
  gtk_widget_class_bind_template_child (widget_class, ShnorPublishDialog, port_entry);
  gtk_widget_class_bind_template_child (widget_class, ShnorPublishDialog, database_entry);
  gtk_widget_class_bind_template_child (widget_class, ShnorPublishDialog, user_entry);
  gtk_widget_class_bind_template_child (widget_class, ShnorPublishDialog, password_entry);
  gtk_widget_class_bind_template_child (widget_class, ShnorPublishDialog, remember_check);
  gtk_widget_class_bind_template_child (widget_class, ShnorPublishDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, ShnorPublishDialog, status_label);
  gtk_widget_class_install_action (widget_class, "publish.go", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "publish.settings", NULL, settings_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shnor_publish_dialog_init (ShnorPublishDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_window_set_default_widget (GTK_WINDOW (self), self->go_button);
}

/* Fills the form from @uri (a URI or a connection string) and looks up
 * the password kept for it, unless @password is given. */
void
shnor_publish_dialog_set_uri (ShnorPublishDialog *self,
                              const char         *uri,
                              const char         *password)
{
  g_autofree char *host = NULL;
  g_autofree char *port = NULL;
  g_autofree char *database = NULL;
  g_autofree char *user = NULL;

  g_return_if_fail (SHNOR_IS_PUBLISH_DIALOG (self));
  if (uri == NULL || uri[0] == '\0' || !shnor_region_parse_uri (uri, &host, &port, &database, &user, NULL))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->host_entry), host);
  gtk_editable_set_text (GTK_EDITABLE (self->port_entry), port);
  gtk_editable_set_text (GTK_EDITABLE (self->database_entry), database);
  gtk_editable_set_text (GTK_EDITABLE (self->user_entry), user);
  if (password != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->password_entry), password);
  else
    {
      g_autofree char *normal = current_uri (self);

      shnor_keyring_lookup (normal, self->cancellable, password_found, g_object_ref (self));
    }
}

gboolean
shnor_publish_dialog_is_busy (ShnorPublishDialog *self)
{
  return self->busy;
}

static void
describe_municipality (ShnorPublishDialog *self)
{
  g_autofree char *name = shnor_document_dup_setting (self->document, "municipality");
  g_autofree char *oktmo = shnor_document_dup_setting (self->document, "oktmo");
  g_autofree char *text = NULL;

  if (oktmo[0] == '\0')
    {
      text = g_strdup_printf (_("“%s” has no ОКТМО code yet: the regional database keys each municipality by it. "
                                "Enter it in the municipality settings."), name[0] ? name : _("The municipality"));
      gtk_widget_add_css_class (self->municipality_label, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.go", FALSE);
    }
  else
    text = g_strdup_printf (_("%s, ОКТМО %s"), name[0] ? name : _("The municipality"), oktmo);
  gtk_label_set_text (GTK_LABEL (self->municipality_label), text);
}

GtkWidget *
shnor_publish_dialog_new (GtkWindow     *parent,
                          ShnorDocument *document)
{
  ShnorPublishDialog *self = g_object_new (SHNOR_TYPE_PUBLISH_DIALOG, "transient-for", parent, NULL);
  GSettings *s;

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      gtk_label_set_text (GTK_LABEL (self->intro_label),
                          _("Sends the municipality’s registry, context data, results, identification lists with "
                            "their reasons, programmes and the execution of their road maps to the regional "
                            "PostgreSQL database, in one transaction that replaces its previous publication. "
                            "Nothing in this file changes."));
      describe_municipality (self);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Open the Regional View"));
      gtk_label_set_text (GTK_LABEL (self->intro_label),
                          _("The municipalities published into a regional PostgreSQL database: their ШНОР and ШНСУ "
                            "schools, overdue measures and indicators, read-only."));
      gtk_widget_set_visible (self->municipality_box, FALSE);
      gtk_button_set_label (GTK_BUTTON (self->go_button), _("_Open"));
    }
  s = settings (self);
  if (s != NULL)
    {
      g_autofree char *uri = g_settings_get_string (s, "region-connection");

      shnor_publish_dialog_set_uri (self, uri, NULL);
    }
  return GTK_WIDGET (self);
}
