/* shnor-suggest-dialog.c: the suggested mentor schools of a supported
 * school, best first, each with its reasons and a button that makes it
 * the school's mentor (one undo step). The supported schools (ШНОР, ШНСУ)
 * come first in the list of schools. */
#define G_LOG_DOMAIN "shnor-suggest-dialog"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-document-network.h"
#include "shnor-suggest-dialog.h"
#include "shnor-widgets.h"

/* How many suggestions the dialog shows */
#define SHOWN 8

struct _ShnorSuggestDialog
{
  GtkWindow      parent_instance;

  GtkWidget     *school_drop;
  GtkWidget     *intro_label;
  GtkWidget     *suggestion_list;
  GtkWidget     *error_label;

  ShnorDocument *document;
  GArray        *school_ids;
  GArray        *suggestions;   /* of ShnorMentorSuggestion */
  gint64         school;
  char          *accepted;      /* what the last accepted suggestion made */
  gboolean       filling;
};

G_DEFINE_FINAL_TYPE (ShnorSuggestDialog, shnor_suggest_dialog, GTK_TYPE_WINDOW)

static void fill (ShnorSuggestDialog *self);

static void
accept_clicked (GtkButton          *button,
                ShnorSuggestDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "shnor-index"));

  if (shnor_suggest_dialog_accept (self, index) != 0)
    fill (self);
}

static GtkWidget *
suggestion_row (ShnorSuggestDialog          *self,
                guint                        index,
                const ShnorMentorSuggestion *s)
{
  ShnorSchool *school = shnor_document_find_school (self->document, s->school_id);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  g_autofree char *title = g_strdup_printf ("%u. %s", index + 1, school ? shnor_school_get_display_name (school) : "");
  GtkWidget *name = gtk_label_new (title);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Make the Mentor"));

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (text), name);
  for (guint r = 0; s->reasons[r]; r++)
    {
      g_autofree char *line = g_strdup_printf ("• %s", s->reasons[r]);
      GtkWidget *reason = gtk_label_new (line);

      gtk_label_set_xalign (GTK_LABEL (reason), 0);
      gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
      gtk_box_append (GTK_BOX (text), reason);
    }
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_tooltip_text (button, _("Add a planned partnership with this school as the mentor"));
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_sensitive (button, !shnor_document_get_read_only (self->document));
  g_object_set_data (G_OBJECT (button), "shnor-index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (accept_clicked), self);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), button);
  gtk_widget_set_margin_start (row, 10);
  gtk_widget_set_margin_end (row, 10);
  gtk_widget_set_margin_top (row, 8);
  gtk_widget_set_margin_bottom (row, 8);
  return row;
}

static void
fill (ShnorSuggestDialog *self)
{
  ShnorSchool *school = shnor_document_find_school (self->document, self->school);
  g_autofree char *intro = NULL;
  guint n;

  shnor_list_box_clear (self->suggestion_list);
  g_clear_pointer (&self->suggestions, g_array_unref);
  if (school == NULL)
    return;
  self->suggestions = shnor_document_suggest_mentors (self->document, self->school);
  n = MIN (self->suggestions->len, SHOWN);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->suggestion_list),
                         suggestion_row (self, i, &g_array_index (self->suggestions, ShnorMentorSuggestion, i)));
  if (self->suggestions->len == 0)
    intro = g_strdup_printf (_("No school of the file is stronger than “%s” where it is weak, or none has results "
                               "there: enter the results of the assessments, or choose a partner by hand."),
                             shnor_school_get_display_name (school));
  else
    intro = g_strdup_printf (_("Schools with high standardised results in the assessments where “%s” is weak, "
                               "ranked with their circumstances: the same settlement, the distance, how many "
                               "schools they support already. Schools in the ШНОР and ШНСУ groups are never "
                               "suggested."), shnor_school_get_display_name (school));
  if (self->accepted != NULL)
    {
      g_autofree char *both = g_strconcat (self->accepted, "\n\n", intro, NULL);

      gtk_label_set_text (GTK_LABEL (self->intro_label), both);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->intro_label), intro);
}

static void
school_chosen (ShnorSuggestDialog *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->school_drop));

  if (self->filling || selected >= self->school_ids->len)
    return;
  self->school = g_array_index (self->school_ids, gint64, selected);
  gtk_widget_set_visible (self->error_label, FALSE);
  g_clear_pointer (&self->accepted, g_free);
  fill (self);
}

static void
fill_schools (ShnorSuggestDialog *self)
{
  GListModel *schools = shnor_document_get_schools (self->document);
  g_autoptr(ShnorClassification) classification = shnor_document_classify (self->document);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint select = 0;

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
      {
        g_autoptr(ShnorSchool) s = g_list_model_get_item (schools, i);
        gint64 id = shnor_school_get_id (s);
        guint groups = classification ? shnor_classification_get_groups (classification, id) : 0;
        gboolean supported = (groups & ((1u << SHNOR_GROUP_LOW) | (1u << SHNOR_GROUP_SOCIAL))) != 0;
        g_autofree char *label = NULL;

        if (supported != (pass == 0))
          continue;
        label = supported ? g_strdup_printf ("%s (%s)", shnor_school_get_display_name (s),
                                             shnor_group_badge ((groups & (1u << SHNOR_GROUP_LOW)) ? SHNOR_GROUP_LOW
                                                                                                   : SHNOR_GROUP_SOCIAL))
                          : g_strdup (shnor_school_get_display_name (s));
        if (id == self->school)
          select = self->school_ids->len;
        g_array_append_val (self->school_ids, id);
        gtk_string_list_append (labels, label);
      }
  self->filling = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->school_drop), G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->school_drop), select);
  self->filling = FALSE;
  self->school = self->school_ids->len > 0 ? g_array_index (self->school_ids, gint64, select) : 0;
}

static void
shnor_suggest_dialog_dispose (GObject *object)
{
  ShnorSuggestDialog *self = SHNOR_SUGGEST_DIALOG (object);

  self->filling = TRUE;   /* the lists emit their signals as they go */
  g_clear_object (&self->document);
  g_clear_pointer (&self->school_ids, g_array_unref);
  g_clear_pointer (&self->suggestions, g_array_unref);
  g_clear_pointer (&self->accepted, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHNOR_TYPE_SUGGEST_DIALOG);
  G_OBJECT_CLASS (shnor_suggest_dialog_parent_class)->dispose (object);
}

static void
shnor_suggest_dialog_class_init (ShnorSuggestDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_suggest_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-suggest-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShnorSuggestDialog, school_drop);
  gtk_widget_class_bind_template_child (widget_class, ShnorSuggestDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorSuggestDialog, suggestion_list);
  gtk_widget_class_bind_template_child (widget_class, ShnorSuggestDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, school_chosen);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shnor_suggest_dialog_init (ShnorSuggestDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->school_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * shnor_suggest_dialog_new:
 * @school_id: the supported school shown first; 0: the first of them
 */
GtkWidget *
shnor_suggest_dialog_new (GtkWindow     *parent,
                          ShnorDocument *document,
                          gint64         school_id)
{
  ShnorSuggestDialog *self = g_object_new (SHNOR_TYPE_SUGGEST_DIALOG, "transient-for", parent, NULL);

  self->document = g_object_ref (document);
  self->school = school_id;
  fill_schools (self);
  fill (self);
  return GTK_WIDGET (self);
}

guint
shnor_suggest_dialog_get_n_suggestions (ShnorSuggestDialog *self)
{
  g_return_val_if_fail (SHNOR_IS_SUGGEST_DIALOG (self), 0);
  return self->suggestions ? MIN (self->suggestions->len, SHOWN) : 0;
}

/* Makes the @index-th suggestion the school's mentor; returns the new
 * partnership, 0 when refused (the dialog says why). */
gint64
shnor_suggest_dialog_accept (ShnorSuggestDialog *self,
                             guint               index)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (SHNOR_IS_SUGGEST_DIALOG (self), 0);
  if (self->suggestions == NULL || index >= self->suggestions->len)
    return 0;
  id = shnor_document_accept_suggestion (self->document, self->school,
                                         &g_array_index (self->suggestions, ShnorMentorSuggestion, index), &error);
  gtk_widget_set_visible (self->error_label, id == 0);
  if (id == 0)
    gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
  else
    {
      ShnorSchool *mentor = shnor_document_find_school (self->document,
                                                        g_array_index (self->suggestions, ShnorMentorSuggestion,
                                                                       index).school_id);
      ShnorSchool *school = shnor_document_find_school (self->document, self->school);

      g_free (self->accepted);
      self->accepted = g_strdup_printf (_("“%s” is the mentor of “%s” now: a planned partnership on the "
                                          "Partnerships page, where its agreement, period and events are kept."),
                                        mentor ? shnor_school_get_display_name (mentor) : "",
                                        school ? shnor_school_get_display_name (school) : "");
    }
  return id;
}
