/* shnor-import-dialog.c: the preview is the plan of io/: nothing is
 * written until the user presses Import, and then in one undo step. */
#define G_LOG_DOMAIN "shnor-import-dialog"

#include "config.h"
#include <glib/gi18n.h>

#include "shnor-import-dialog.h"

struct _ShnorImportDialog
{
  GtkWindow        parent_instance;

  GtkWidget       *import_button;
  GtkWidget       *file_label;
  GtkWidget       *summary_label;
  GtkWidget       *problems_scroller;
  GtkWidget       *problems_list;

  ShnorDocument   *document;
  ShnorImportPlan *plan;
};

G_DEFINE_FINAL_TYPE (ShnorImportDialog, shnor_import_dialog, GTK_TYPE_WINDOW)

/* The problems listed in the dialog: a wrong file can have a million, and
 * the first few hundred tell what is wrong with it. */
#define SHOWN_PROBLEMS 500

static gboolean
apply_now (gpointer data)
{
  g_autoptr(ShnorImportDialog) self = data;
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL)   /* closed meanwhile */
    return G_SOURCE_REMOVE;
  if (!shnor_import_plan_apply (self->plan, self->document, &error))
    {
      gtk_label_set_text (GTK_LABEL (self->summary_label), error->message);
      gtk_widget_add_css_class (self->summary_label, "error");
      gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
      return G_SOURCE_REMOVE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

/* A region's million results take seconds to store: the dialog says so
 * first, and stores them once that is drawn (an idle runs after the
 * redraw). */
static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ShnorImportDialog *self = SHNOR_IMPORT_DIALOG (widget);
  guint n = self->plan->added + self->plan->replaced + self->plan->n_regional;
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Importing %u result…",
                                                        "Importing %u results…", n), n);

  gtk_label_set_text (GTK_LABEL (self->summary_label), text);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  g_idle_add (apply_now, g_object_ref (self));
}

static void
shnor_import_dialog_dispose (GObject *object)
{
  ShnorImportDialog *self = SHNOR_IMPORT_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->plan, shnor_import_plan_free);
  G_OBJECT_CLASS (shnor_import_dialog_parent_class)->dispose (object);
}

static void
shnor_import_dialog_class_init (ShnorImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = shnor_import_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShnorImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorImportDialog, problems_scroller);
  gtk_widget_class_bind_template_child (widget_class, ShnorImportDialog, problems_list);
  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shnor_import_dialog_init (ShnorImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
show_plan (ShnorImportDialog *self)
{
  const ShnorImportPlan *plan = self->plan;
  g_autofree char *summary = NULL;
  guint n = plan->n_problems;

  for (guint i = 0; i < MIN (MIN (n, SHOWN_PROBLEMS + 1), plan->problems->len); i++)
    {
      g_autofree char *text = i < SHOWN_PROBLEMS ? shnor_import_problem_to_string (plan->problems->pdata[i]) :
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more problem, not listed here.",
                                      "… and %u more problems, not listed here.", n - SHOWN_PROBLEMS),
                         n - SHOWN_PROBLEMS);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (GTK_LIST_BOX (self->problems_list), label);
    }
  gtk_widget_set_visible (self->problems_scroller, n > 0);
  if (n == 0)
    gtk_window_set_default_size (GTK_WINDOW (self), 560, -1);

  if (n > 0)
    {
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The file has %u problem. Nothing will be imported until it is fixed in the file:",
                                              "The file has %u problems. Nothing will be imported until they are fixed in the file:",
                                              n), n);
      gtk_widget_add_css_class (self->summary_label, "error");
    }
  else
    {
      g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result will be added",
                                                             "%u results will be added", plan->added), plan->added);
      g_autofree char *replaced = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u will replace a stored one",
                                                                "%u will replace stored ones", plan->replaced),
                                                   plan->replaced);

      g_autofree char *regional = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u regional mean",
                                                                "%u regional means", plan->n_regional),
                                                   plan->n_regional);

      summary = g_strdup_printf (_("%s; %s; %s. The import can be undone as one step."), added, replaced, regional);
    }
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply",
                                 n == 0 && plan->added + plan->replaced + plan->n_regional > 0 &&
                                 !shnor_document_get_read_only (self->document));
}

/**
 * shnor_import_dialog_new:
 *
 * Reads @path and shows what importing it would do. Returns %NULL with
 * @error when the file cannot be read at all.
 */
GtkWidget *
shnor_import_dialog_new (GtkWindow      *parent,
                         ShnorDocument  *document,
                         const char     *path,
                         GError        **error)
{
  ShnorImportPlan *plan = shnor_import_plan_new_from_file (document, path, error);
  ShnorImportDialog *self;
  g_autofree char *name = NULL;

  if (plan == NULL)
    return NULL;
  self = g_object_new (SHNOR_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->plan = plan;
  name = g_filename_display_basename (path);
  gtk_label_set_text (GTK_LABEL (self->file_label), name);
  show_plan (self);
  return GTK_WIDGET (self);
}

const ShnorImportPlan *
shnor_import_dialog_get_plan (ShnorImportDialog *self)
{
  g_return_val_if_fail (SHNOR_IS_IMPORT_DIALOG (self), NULL);
  return self->plan;
}
