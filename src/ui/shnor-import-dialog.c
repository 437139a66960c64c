/* shnor-import-dialog.c: the preview is the plan of io/: nothing is
 * written until the user presses Import, and then in one undo step. */
#define G_LOG_DOMAIN "shnor-import-dialog"

#include "config.h"
#include <glib/gi18n.h>

#include "shnor-import-dialog.h"
#include "shnor-number.h"
#include "shnor-widgets.h"

struct _ShnorImportDialog
{
  GtkWindow        parent_instance;

  GtkWidget       *import_button;
  GtkWidget       *file_label;
  GtkWidget       *summary_label;
  GtkWidget       *problems_scroller;
  GtkWidget       *problems_list;
  GtkWidget       *rows_heading;
  GtkWidget       *rows_grid;

  ShnorDocument   *document;
  ShnorImportPlan *plan;
  char            *path;
};

G_DEFINE_FINAL_TYPE (ShnorImportDialog, shnor_import_dialog, GTK_TYPE_WINDOW)

/* The problems listed in the dialog: a wrong file can have a million, and
 * the first few hundred tell what is wrong with it. */
#define SHOWN_PROBLEMS 500
/* The rows to be imported shown as a table: enough to see that the
 * columns were read right. */
#define SHOWN_ROWS 200

static void show_plan (ShnorImportDialog *self);

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
  {
    guint n = self->plan->added + self->plan->replaced + self->plan->n_regional;
    g_autofree char *count = shnor_number_format_count (n);
    /* TRANSLATORS: a toast after an import; %s is the number, written with spaces between thousands */
    g_autofree char *done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s result", "Imported %s results",
                                                          n), count);

    shnor_toast (GTK_WIDGET (self), self->document, done);
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
  g_autofree char *count = shnor_number_format_count (n);
  /* TRANSLATORS: %s is the number, written with spaces between thousands */
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Importing %s result…",
                                                        "Importing %s results…", n), count);

  gtk_label_set_text (GTK_LABEL (self->summary_label), text);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  g_idle_add (apply_now, g_object_ref (self));
}

/* The file again, after the user fixed it in the spreadsheet program: a
 * new preview; a file that cannot be read any more says why. */
static void
reread_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShnorImportDialog *self = SHNOR_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  ShnorImportPlan *plan = shnor_import_plan_new_from_file (self->document, self->path, &error);

  if (plan == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->summary_label), error->message);
      gtk_widget_add_css_class (self->summary_label, "error");
      gtk_widget_action_set_enabled (widget, "import.apply", FALSE);
      return;
    }
  g_clear_pointer (&self->plan, shnor_import_plan_free);
  self->plan = plan;
  show_plan (self);
}

static void
shnor_import_dialog_dispose (GObject *object)
{
  ShnorImportDialog *self = SHNOR_IMPORT_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->plan, shnor_import_plan_free);
  g_clear_pointer (&self->path, g_free);
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
  gtk_widget_class_bind_template_child (widget_class, ShnorImportDialog, rows_heading);
  gtk_widget_class_bind_template_child (widget_class, ShnorImportDialog, rows_grid);
  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "import.reread", NULL, reread_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "import.reread", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shnor_import_dialog_init (ShnorImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GtkWidget *
cell (const char *text,
      gboolean    number,
      gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1 : 0);
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  if (heading)
    {
      /* a title whole, over two lines if need be */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_justify (GTK_LABEL (label), number ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "caption-heading");
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), number ? -1 : 10);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
    }
  return label;
}

/* One line of the table: a school's result, or a regional mean (no
 * school), and whether it replaces a stored one. */
static void
add_row (ShnorImportDialog *self,
         const ShnorResult *r,
         int                line,
         gboolean           replaces)
{
  ShnorSchool *school = r->school_id ? shnor_document_find_school (self->document, r->school_id) : NULL;
  g_autofree char *year = g_strdup_printf ("%d", r->year);
  g_autofree char *grade = g_strdup_printf ("%d", r->grade);
  g_autofree char *participants = r->school_id ? shnor_number_format_count (r->participants) : g_strdup ("");
  g_autofree char *mean = r->has_mean ? shnor_number_format_mean (r->mean, r->kind) : g_strdup ("—");
  g_autofree char *below = r->has_below ? shnor_number_format_count (r->below) : g_strdup ("—");
  g_autofree char *high = r->has_high ? shnor_number_format_count (r->high) : g_strdup ("—");
  const char *texts[] = {
    school ? shnor_school_get_display_name (school) : C_("regional mean", "Region"), year, r->kind, r->subject, grade,
    participants, mean, below, high, replaces ? _("replaces") : _("new"),
  };

  for (int c = 0; c < (int) G_N_ELEMENTS (texts); c++)
    {
      GtkWidget *label = cell (texts[c], c == 1 || c == 4 || (c >= 5 && c <= 8), FALSE);

      gtk_widget_set_hexpand (label, c == 0 || c == 3);
      gtk_widget_set_tooltip_text (label, c == 0 || c == 3 ? texts[c] : NULL);
      if (c == 9)
        gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (self->rows_grid), label, c, line, 1, 1);
    }
}

/* The rows that will be imported: the first SHOWN_ROWS of them that the
 * plan keeps, and how many there are in all */
static void
show_rows (ShnorImportDialog *self)
{
  const ShnorImportPlan *plan = self->plan;
  guint total = plan->added + plan->replaced + plan->n_regional;
  guint shown = MIN (MIN (total, plan->results->len + plan->regional->len), SHOWN_ROWS);
  g_autofree char *count = shnor_number_format_count (total);
  g_autofree char *heading = NULL;
  const char *titles[] = {
    _("School"), _("Year"), _("Kind"), _("Subject"), _("Grade"), C_("column", "Participants"), _("Mean"),
    _("Below"), _("High"), "",
  };

  shnor_widget_remove_children (self->rows_grid);
  gtk_widget_set_visible (self->rows_heading, total > 0);
  gtk_widget_set_visible (self->rows_grid, total > 0);
  if (total == 0)
    return;
  if (plan->n_problems > 0)
    /* TRANSLATORS: %s is a number of rows of the file */
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row without problems", "%s rows without problems",
                                            total), count);
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row to import", "%s rows to import", total), count);
  if (shown < total)
    {
      g_autofree char *first = shnor_number_format_count (shown);
      g_autofree char *whole = g_steal_pointer (&heading);

      /* TRANSLATORS: the rows of a file to import, and how many of them the preview shows */
      heading = g_strdup_printf (_("%s (the first %s shown)"), whole, first);
    }
  gtk_label_set_text (GTK_LABEL (self->rows_heading), heading);
  for (int c = 0; c < (int) G_N_ELEMENTS (titles); c++)
    gtk_grid_attach (GTK_GRID (self->rows_grid), cell (titles[c], c == 1 || c == 4 || (c >= 5 && c <= 8), TRUE),
                     c, 0, 1, 1);
  for (guint i = 0; i < shown; i++)
    {
      if (i < plan->results->len)
        {
          const ShnorResult *r = &g_array_index (plan->results, ShnorResult, i);

          add_row (self, r, (int) i + 1,
                   shnor_document_has_result (self->document, r->school_id, r->kind, r->subject, r->grade, r->year));
        }
      else
        add_row (self, &g_array_index (plan->regional, ShnorResult, i - plan->results->len), (int) i + 1, FALSE);
    }
}

static void
show_plan (ShnorImportDialog *self)
{
  const ShnorImportPlan *plan = self->plan;
  g_autofree char *summary = NULL;
  guint n = plan->n_problems;

  shnor_list_box_clear (self->problems_list);
  gtk_widget_remove_css_class (self->summary_label, "error");
  show_rows (self);

  for (guint i = 0; i < MIN (MIN (n, SHOWN_PROBLEMS + 1), plan->problems->len); i++)
    {
      g_autofree char *more = shnor_number_format_count (n - SHOWN_PROBLEMS);
      /* TRANSLATORS: %s is the number, written with spaces between thousands */
      g_autofree char *text = i < SHOWN_PROBLEMS ? shnor_import_problem_to_string (plan->problems->pdata[i]) :
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %s more problem, not listed here.",
                                      "… and %s more problems, not listed here.", n - SHOWN_PROBLEMS),
                         more);
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
  gtk_widget_set_visible (self->problems_list, n > 0);

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
      g_autofree char *n_added = shnor_number_format_count (plan->added);
      g_autofree char *n_replaced = shnor_number_format_count (plan->replaced);
      g_autofree char *n_regional = shnor_number_format_count (plan->n_regional);
      /* TRANSLATORS: %s is a number, written with spaces between thousands */
      g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s result will be added",
                                                             "%s results will be added", plan->added), n_added);
      g_autofree char *replaced = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s will replace a stored one",
                                                                "%s will replace stored ones", plan->replaced),
                                                   n_replaced);

      g_autofree char *regional = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s regional mean",
                                                                "%s regional means", plan->n_regional),
                                                   n_regional);

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
  self->path = g_strdup (path);
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
