/* shnor-settings-dialog.c: all settings are saved together, as one undo
 * step, or none is when one of them is refused. */
#define G_LOG_DOMAIN "shnor-settings-dialog"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-field-entry.h"
#include "shnor-municipality.h"
#include "shnor-risk-factors-editor.h"
#include "shnor-settings-dialog.h"

struct _ShnorSettingsDialog
{
  GtkWindow      parent_instance;

  GtkWidget     *grid;
  GtkWidget     *save_button;
  GtkWidget     *pages;
  ShnorDocument *document;
  GPtrArray     *entries;   /* of ShnorFieldEntry, in field order */
};

G_DEFINE_FINAL_TYPE (ShnorSettingsDialog, shnor_settings_dialog, GTK_TYPE_WINDOW)

static void
save_clicked (ShnorSettingsDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (!shnor_document_begin_edit (self->document, _("Municipality settings"), &error))
    {
      shnor_field_entry_set_error (self->entries->pdata[0], error->message);
      return;
    }
  for (guint i = 0; i < self->entries->len; i++)
    {
      ShnorFieldEntry *entry = self->entries->pdata[i];
      g_autoptr(GError) field_error = NULL;

      if (!shnor_document_set_setting (self->document, shnor_field_entry_get_field (entry)->column,
                                       shnor_field_entry_get_text (entry), &field_error))
        {
          shnor_field_entry_set_error (entry, field_error->message);
          ok = FALSE;
        }
      else
        shnor_field_entry_set_error (entry, NULL);
    }
  if (!ok)
    {
      shnor_document_cancel_edit (self->document);
      return;
    }
  if (!shnor_document_end_edit (self->document, &error))
    {
      shnor_field_entry_set_error (self->entries->pdata[0], error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
entry_commit (ShnorFieldEntry *entry,
              const char      *text)
{
  /* Enter in any field saves the whole form. */
  gtk_widget_activate_action (GTK_WIDGET (entry), "settings.save", NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save_clicked (SHNOR_SETTINGS_DIALOG (widget));
}

static void
shnor_settings_dialog_dispose (GObject *object)
{
  ShnorSettingsDialog *self = SHNOR_SETTINGS_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (shnor_settings_dialog_parent_class)->dispose (object);
}

static void
shnor_settings_dialog_class_init (ShnorSettingsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_settings_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-settings-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShnorSettingsDialog, grid);
  gtk_widget_class_bind_template_child (widget_class, ShnorSettingsDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked);
  gtk_widget_class_install_action (widget_class, "settings.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shnor_settings_dialog_init (ShnorSettingsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_ptr_array_new ();
}

static void
build_form (ShnorSettingsDialog *self)
{
  guint n_fields;
  const ShnorField *fields = shnor_municipality_fields (&n_fields);
  gboolean editable = !shnor_document_get_read_only (self->document);

  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *label = gtk_label_new (_(fields[i].label));
      GtkWidget *entry = shnor_field_entry_new (&fields[i], TRUE);
      g_autofree char *value = shnor_document_dup_setting (self->document, fields[i].column);

      shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (entry), value);
      shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (entry), editable);
      g_signal_connect (shnor_field_entry_get_entry (SHNOR_FIELD_ENTRY (entry)), "activate",
                        G_CALLBACK (entry_commit), NULL);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
      gtk_widget_set_hexpand (entry, TRUE);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (self->grid), label, 0, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), entry, 1, (int) i, 1, 1);
      g_ptr_array_add (self->entries, entry);
    }
  gtk_widget_set_sensitive (self->save_button, editable);
}

/* The form of the template is the first page; the reference list of risk
 * factors, shared by every school's profile, is the second, with its own
 * code. The pages are switched in the header bar. */
static void
add_pages (ShnorSettingsDialog *self)
{
  GtkWidget *form = g_object_ref (gtk_window_get_child (GTK_WINDOW (self)));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *switcher = gtk_stack_switcher_new ();

  self->pages = gtk_stack_new ();
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), form);
  g_object_unref (form);
  gtk_stack_add_titled (GTK_STACK (self->pages), scroller, "municipality", _("Municipality"));
  gtk_stack_add_titled (GTK_STACK (self->pages), shnor_risk_factors_editor_new (self->document), "risk-factors",
                        _("Risk Factors"));
  gtk_window_set_child (GTK_WINDOW (self), self->pages);
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (self->pages));
  gtk_header_bar_set_title_widget (GTK_HEADER_BAR (gtk_window_get_titlebar (GTK_WINDOW (self))), switcher);
}

GtkWidget *
shnor_settings_dialog_new (GtkWindow     *parent,
                           ShnorDocument *document)
{
  ShnorSettingsDialog *self;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), NULL);

  self = g_object_new (SHNOR_TYPE_SETTINGS_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  build_form (self);
  add_pages (self);
  return GTK_WIDGET (self);
}

/* Shows the page @name: "municipality" or "risk-factors". */
void
shnor_settings_dialog_show_page (ShnorSettingsDialog *self,
                                 const char          *name)
{
  g_return_if_fail (SHNOR_IS_SETTINGS_DIALOG (self));
  gtk_stack_set_visible_child_name (GTK_STACK (self->pages), name);
}
