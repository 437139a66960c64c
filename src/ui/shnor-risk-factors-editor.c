/* shnor-risk-factors-editor.c: the reference list of the risk factors of
 * the «500+» methodology. It is shared by every school's risk profile, so
 * it is edited here, in the municipality's settings, and not from one
 * school's page. Each change is saved at once as one undo step; deleting
 * a factor (which takes it out of every profile) says so in a toast with
 * «Отменить». */
#define G_LOG_DOMAIN "shnor-risk-factors-editor"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-field-entry.h"
#include "shnor-risk-factors-editor.h"
#include "shnor-widgets.h"

struct _ShnorRiskFactorsEditor
{
  GtkWidget      parent_instance;

  GtkWidget     *overlay;
  GtkWidget     *list;
  GtkWidget     *error_label;
  GtkWidget     *new_entry;
  GtkWidget     *add_button;

  ShnorDocument *document;
  GArray        *ids;       /* the factors' ids, by row */
  guint          idle;
};

G_DEFINE_FINAL_TYPE (ShnorRiskFactorsEditor, shnor_risk_factors_editor, GTK_TYPE_WIDGET)

static const ShnorField name_field = { "name", SHNOR_FIELD_TEXT, N_("Risk factor"), 0, 0, TRUE, NULL };

static void
show_error (ShnorRiskFactorsEditor *self,
            const GError           *error)
{
  shnor_error_label_set (self->error_label, error ? error->message : NULL);
}

static void
name_commit (ShnorFieldEntry        *entry,
             const char             *text,
             ShnorRiskFactorsEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!shnor_document_rename_risk_factor (self->document, shnor_row_id (GTK_WIDGET (entry), self->ids), text, &error))
    {
      shnor_field_entry_set_error (entry, error->message);
      return;
    }
  shnor_field_entry_accept (entry);
}

static void
delete_clicked (GtkButton              *button,
                ShnorRiskFactorsEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *name = g_object_get_data (G_OBJECT (button), "shnor-name");
  /* TRANSLATORS: a toast after deleting a risk factor from the shared list */
  g_autofree char *done = g_strdup_printf (_("Risk factor “%s” deleted from the list and the profiles"), name);

  if (!shnor_document_delete_risk_factor (self->document, shnor_row_id (GTK_WIDGET (button), self->ids), &error))
    {
      show_error (self, error);
      return;
    }
  show_error (self, NULL);
  shnor_toast (self->overlay, self->document, done);
}

static void
add_factor (ShnorRiskFactorsEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (shnor_document_add_risk_factor (self->document, gtk_editable_get_text (GTK_EDITABLE (self->new_entry)),
                                      &error) == 0)
    {
      show_error (self, error);
      return;
    }
  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->new_entry), "");
}

static GtkWidget *
factor_row (ShnorRiskFactorsEditor *self,
            const ShnorRiskLevel   *factor,
            guint                   row,
            gboolean                writable)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *number = g_strdup_printf ("%u.", row + 1);
  GtkWidget *label = gtk_label_new (number);
  GtkWidget *name = shnor_field_entry_new (&name_field, TRUE);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 4);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_width_chars (GTK_LABEL (label), 3);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (name), factor->factor);
  shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (name), writable);
  gtk_widget_set_hexpand (name, TRUE);
  g_object_set_data (G_OBJECT (name), "shnor-row", GUINT_TO_POINTER (row));
  g_signal_connect (name, "commit", G_CALLBACK (name_commit), self);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_START);
  gtk_widget_set_sensitive (remove, writable);
  gtk_widget_set_tooltip_text (remove, _("Delete the factor from the list and from every school’s profile"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete the factor"), -1);
  g_object_set_data (G_OBJECT (remove), "shnor-row", GUINT_TO_POINTER (row));
  g_object_set_data_full (G_OBJECT (remove), "shnor-name", g_strdup (factor->factor), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (delete_clicked), self);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), remove);
  return box;
}

/* The factors as the file has them now: no school has the id 0, so its
 * "profile" is the plain list. */
static GArray *
factors (ShnorRiskFactorsEditor *self)
{
  return shnor_document_get_risk_profile (self->document, 0, 0);
}

/**
 * shnor_risk_factors_same:
 * @profile: of ShnorRiskLevel
 * @ids: of gint64, the factors shown
 *
 * Whether @profile has the factors shown, in the same order: then a view
 * updates its rows in place instead of building them anew.
 */
gboolean
shnor_risk_factors_same (GArray *profile,
                         GArray *ids)
{
  if (profile->len != ids->len)
    return FALSE;
  for (guint i = 0; i < profile->len; i++)
    if (g_array_index (profile, ShnorRiskLevel, i).factor_id != g_array_index (ids, gint64, i))
      return FALSE;
  return TRUE;
}

/* The same factors: their names in place (the one being typed into keeps
 * its text); others: the list anew. */
static void
load (ShnorRiskFactorsEditor *self)
{
  g_autoptr(GArray) list = factors (self);
  gboolean writable = !shnor_document_get_read_only (self->document);

  if (shnor_risk_factors_same (list, self->ids))
    {
      for (guint i = 0; i < list->len; i++)
        shnor_field_entry_update (SHNOR_FIELD_ENTRY (shnor_risk_factors_editor_get_name (self, i)),
                                  g_array_index (list, ShnorRiskLevel, i).factor);
      return;
    }
  shnor_list_box_clear (self->list);
  g_array_set_size (self->ids, 0);
  for (guint i = 0; i < list->len; i++)
    {
      const ShnorRiskLevel *factor = &g_array_index (list, ShnorRiskLevel, i);

      gtk_list_box_append (GTK_LIST_BOX (self->list), factor_row (self, factor, i, writable));
      g_array_append_val (self->ids, factor->factor_id);
    }
  gtk_widget_set_sensitive (self->new_entry, writable);
  gtk_widget_set_sensitive (self->add_button, writable);
}

static void
document_changed (ShnorDocument          *document,
                  const char             *table,
                  gint64                  rowid,
                  ShnorRiskFactorsEditor *self)
{
  /* not while a row's own button or field is being handled */
  if (g_str_equal (table, "risk_factor"))
    shnor_queue_idle (&self->idle, G_CALLBACK (load), self);
}

static void
shnor_risk_factors_editor_dispose (GObject *object)
{
  ShnorRiskFactorsEditor *self = SHNOR_RISK_FACTORS_EDITOR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->idle, g_source_remove);
  shnor_watch_document (&self->document, NULL, NULL, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (shnor_risk_factors_editor_parent_class)->dispose (object);
}

static void
shnor_risk_factors_editor_class_init (ShnorRiskFactorsEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = shnor_risk_factors_editor_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
build_add_row (ShnorRiskFactorsEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->new_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->new_entry), _("A new risk factor"));
  gtk_widget_set_hexpand (self->new_entry, TRUE);
  g_signal_connect_swapped (self->new_entry, "activate", G_CALLBACK (add_factor), self);
  self->add_button = gtk_button_new_with_mnemonic (_("Add _factor"));
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_factor), self);
  gtk_box_append (GTK_BOX (box), self->new_entry);
  gtk_box_append (GTK_BOX (box), self->add_button);
  return box;
}

static void
shnor_risk_factors_editor_init (ShnorRiskFactorsEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro = gtk_label_new (_("The risk factors of the «500+» methodology, the same list for every school’s "
                                      "risk profile. A change is saved at once; a deleted factor leaves every "
                                      "profile."));
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->overlay = adw_toast_overlay_new ();
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_valign (self->list, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Risk factors"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 460);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->list);
  gtk_widget_set_vexpand (scroller, TRUE);
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), intro);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), self->error_label);
  gtk_box_append (GTK_BOX (box), build_add_row (self));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (self->overlay), box);
}

GtkWidget *
shnor_risk_factors_editor_new (ShnorDocument *document)
{
  ShnorRiskFactorsEditor *self = g_object_new (SHNOR_TYPE_RISK_FACTORS_EDITOR, NULL);

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), NULL);
  shnor_watch_document (&self->document, document, G_CALLBACK (document_changed), self);
  load (self);
  return GTK_WIDGET (self);
}

/* For tests: the name field and the delete button of the @row-th factor,
 * and the entry of a new one. */
static GtkWidget *
row_child (ShnorRiskFactorsEditor *self,
           guint                   row,
           guint                   index)
{
  GtkListBoxRow *list_row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), (int) row);
  GtkWidget *child;

  if (list_row == NULL)
    return NULL;
  child = gtk_widget_get_first_child (gtk_list_box_row_get_child (list_row));
  while (child != NULL && index-- > 0)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

GtkWidget *
shnor_risk_factors_editor_get_name (ShnorRiskFactorsEditor *self,
                                    guint                   row)
{
  g_return_val_if_fail (SHNOR_IS_RISK_FACTORS_EDITOR (self), NULL);
  return row_child (self, row, 1);
}

GtkWidget *
shnor_risk_factors_editor_get_delete (ShnorRiskFactorsEditor *self,
                                      guint                   row)
{
  g_return_val_if_fail (SHNOR_IS_RISK_FACTORS_EDITOR (self), NULL);
  return row_child (self, row, 2);
}

GtkWidget *
shnor_risk_factors_editor_get_new_entry (ShnorRiskFactorsEditor *self)
{
  g_return_val_if_fail (SHNOR_IS_RISK_FACTORS_EDITOR (self), NULL);
  return self->new_entry;
}
