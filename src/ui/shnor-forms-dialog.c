/* shnor-forms-dialog.c: the year, the schools (all of them unless the
 * user unchecks some), then a folder: one form per school is written
 * there, never over an existing file. */
#define G_LOG_DOMAIN "shnor-forms-dialog"

#include "config.h"
#include <glib/gi18n.h>

#include "shnor-forms-dialog.h"
#include "shnor-school-forms.h"
#include "shnor-widgets.h"

struct _ShnorFormsDialog
{
  GtkWindow      parent_instance;

  GtkWidget     *year_spin;
  GtkWidget     *school_list;
  GtkWidget     *status_label;
  GtkWidget     *open_button;
  GtkWidget     *write_button;

  ShnorDocument *document;
  GPtrArray     *checks;    /* of GtkCheckButton, "shnor-school" the id */
  char          *folder;    /* where the forms were written */
};

G_DEFINE_FINAL_TYPE (ShnorFormsDialog, shnor_forms_dialog, GTK_TYPE_WINDOW)

static void
update_sensitivity (ShnorFormsDialog *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->checks->len && !any; i++)
    any = gtk_check_button_get_active (self->checks->pdata[i]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "forms.write", any);
}

static void
select_all (ShnorFormsDialog *self,
            gboolean          on)
{
  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (self->checks->pdata[i], on);
}

static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  select_all (SHNOR_FORMS_DIALOG (widget), g_str_equal (action_name, "forms.select-all"));
}

static void
show_status (ShnorFormsDialog *self,
             const char       *text,
             gboolean          error)
{
  gtk_label_set_text (GTK_LABEL (self->status_label), text);
  if (error)
    gtk_widget_add_css_class (self->status_label, "error");
  else
    gtk_widget_remove_css_class (self->status_label, "error");
}

/**
 * shnor_forms_dialog_write_to:
 *
 * Writes the forms of the checked schools into @folder (what the folder
 * chooser calls; tests call it directly).
 */
gboolean
shnor_forms_dialog_write_to (ShnorFormsDialog *self,
                             const char       *folder)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;
  int year = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->year_spin));

  g_return_val_if_fail (SHNOR_IS_FORMS_DIALOG (self), FALSE);

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (self->checks->pdata[i]))
      {
        gint64 id = *(gint64 *) g_object_get_data (self->checks->pdata[i], "shnor-school");

        g_array_append_val (ids, id);
      }
  written = shnor_school_forms_write (self->document, year, folder, (const gint64 *) ids->data, ids->len, &error);
  if (written == NULL)
    {
      show_status (self, error->message, TRUE);
      return FALSE;
    }
  g_free (self->folder);
  self->folder = g_strdup (folder);
  shown = g_filename_display_name (folder);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u form for %d written to “%s”.",
                                       "%u forms for %d written to “%s”.", written->len),
                          written->len, year, shown);
  show_status (self, text, FALSE);
  gtk_widget_set_visible (self->open_button, TRUE);
  gtk_button_set_label (GTK_BUTTON (self->write_button), _("_Write Again…"));
  return TRUE;
}

static void
folder_chosen (GtkNativeDialog  *chooser,
               int               response,
               ShnorFormsDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        shnor_forms_dialog_write_to (self, path);
      else
        show_status (self, _("Choose a folder on this computer or a mounted network folder."), TRUE);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
write_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ShnorFormsDialog *self = SHNOR_FORMS_DIALOG (widget);
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Choose the Folder for the Forms"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Write Here"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (folder_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ShnorFormsDialog *self = SHNOR_FORMS_DIALOG (widget);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;

  if (self->folder == NULL)
    return;
  folder = g_file_new_for_path (self->folder);
  uri = g_file_get_uri (folder);
  if (!shnor_widget_launch_uri (widget, uri, &error))
    show_status (self, error->message, TRUE);
}

static void
shnor_forms_dialog_dispose (GObject *object)
{
  ShnorFormsDialog *self = SHNOR_FORMS_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->folder, g_free);
  G_OBJECT_CLASS (shnor_forms_dialog_parent_class)->dispose (object);
}

static void
shnor_forms_dialog_class_init (ShnorFormsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = shnor_forms_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-forms-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShnorFormsDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, ShnorFormsDialog, school_list);
  gtk_widget_class_bind_template_child (widget_class, ShnorFormsDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorFormsDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorFormsDialog, write_button);
  gtk_widget_class_install_action (widget_class, "forms.write", NULL, write_action);
  gtk_widget_class_install_action (widget_class, "forms.select-all", NULL, select_action);
  gtk_widget_class_install_action (widget_class, "forms.select-none", NULL, select_action);
  gtk_widget_class_install_action (widget_class, "forms.open-folder", NULL, open_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "forms.select-all", NULL);
}

static void
shnor_forms_dialog_init (ShnorFormsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();
}

static void
add_schools (ShnorFormsDialog *self)
{
  GListModel *schools = shnor_document_get_schools (self->document);

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);
      g_autofree char *code = shnor_school_dup_text (school, "code");
      g_autofree char *label = g_strdup_printf ("%s%s%s", code, code[0] ? "  " : "",
                                                shnor_school_get_display_name (school));
      GtkWidget *check = gtk_check_button_new_with_label (label);
      gint64 *id = g_new (gint64, 1);

      *id = shnor_school_get_id (school);
      g_object_set_data_full (G_OBJECT (check), "shnor-school", id, g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_margin_start (check, 12);
      gtk_widget_set_margin_end (check, 12);
      gtk_widget_set_margin_top (check, 6);
      gtk_widget_set_margin_bottom (check, 6);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_sensitivity), self);
      gtk_list_box_append (GTK_LIST_BOX (self->school_list), check);
      g_ptr_array_add (self->checks, check);
    }
  update_sensitivity (self);
}

GtkWidget *
shnor_forms_dialog_new (GtkWindow     *parent,
                        ShnorDocument *document)
{
  ShnorFormsDialog *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), NULL);

  self = g_object_new (SHNOR_TYPE_FORMS_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year_spin), g_date_time_get_year (now));
  add_schools (self);
  return GTK_WIDGET (self);
}
