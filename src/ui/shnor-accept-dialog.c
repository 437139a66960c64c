/* shnor-accept-dialog.c: the forms read (shnor-school-forms.c) are shown
 * one row per form — the school, what the form changes (old → new, with
 * the place in the form) or why it is refused, every problem with its
 * sheet, row and column. "Accept" applies the forms that are ready, each
 * as one undo step; the others change nothing. */
#define G_LOG_DOMAIN "shnor-accept-dialog"

#include "config.h"
#include <glib/gi18n.h>

#include "shnor-accept-dialog.h"
#include "shnor-school-forms.h"

struct _ShnorAcceptDialog
{
  GtkWindow       parent_instance;

  GtkWidget      *accept_button;
  GtkWidget      *summary_label;
  GtkWidget      *form_list;

  ShnorDocument  *document;
  GPtrArray      *paths;    /* every form added, each once */
  ShnorFormBatch *batch;
};

G_DEFINE_FINAL_TYPE (ShnorAcceptDialog, shnor_accept_dialog, GTK_TYPE_WINDOW)

/* The rows of a form with many changes are many: the first ones tell. */
#define SHOWN_LINES 200

static const char *
state_label (ShnorFormState state)
{
  switch (state)
    {
    case SHNOR_FORM_READY:
      return _("Ready to accept");
    case SHNOR_FORM_PROBLEMS:
      return _("Has problems: nothing of it will be accepted");
    case SHNOR_FORM_ACCEPTED:
      return _("Accepted before: skipped");
    case SHNOR_FORM_REFUSED:
      return _("Refused");
    case SHNOR_FORM_DONE:
    default:
      return _("Accepted");
    }
}

static const char *
state_icon (const ShnorForm *form)
{
  switch (form->state)
    {
    case SHNOR_FORM_READY:
      return form->changes->len > 0 ? "document-edit-symbolic" : "object-select-symbolic";
    case SHNOR_FORM_DONE:
    case SHNOR_FORM_ACCEPTED:
      return "emblem-ok-symbolic";
    case SHNOR_FORM_REFUSED:
      return "action-unavailable-symbolic";
    default:
      return "dialog-warning-symbolic";
    }
}

/* What needs the user's eyes first: problems, then refusals, then the
 * forms that change something, then the rest; by school within each. */
static int
rank (const ShnorForm *form)
{
  switch (form->state)
    {
    case SHNOR_FORM_PROBLEMS:
      return 0;
    case SHNOR_FORM_REFUSED:
      return 1;
    case SHNOR_FORM_READY:
    case SHNOR_FORM_DONE:
      return form->changes->len > 0 ? 2 : 3;
    default:
      return 4;
    }
}

static int
compare_forms (gconstpointer a,
               gconstpointer b)
{
  const ShnorForm *x = *(const ShnorForm * const *) a, *y = *(const ShnorForm * const *) b;

  if (rank (x) != rank (y))
    return rank (x) - rank (y);
  return g_utf8_collate (x->school, y->school);
}

static GtkWidget *
cell (const char *text,
      gboolean    dim,
      int         chars)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (chars > 0)
    gtk_label_set_width_chars (GTK_LABEL (label), chars);
  gtk_label_set_max_width_chars (GTK_LABEL (label), chars > 0 ? chars : 60);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
details_of (const ShnorForm *form)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  guint shown = 0;

  gtk_widget_set_margin_start (box, 30);
  gtk_widget_set_margin_bottom (box, 6);
  if (form->note != NULL)
    {
      GtkWidget *note = cell (form->note, FALSE, 0);

      if (form->state == SHNOR_FORM_REFUSED)
        gtk_widget_add_css_class (note, "error");
      gtk_box_append (GTK_BOX (box), note);
    }
  for (guint i = 0; i < form->problems->len && shown < SHOWN_LINES; i++, shown++)
    {
      const ShnorFormProblem *p = form->problems->pdata[i];
      g_autofree char *where = shnor_form_place_describe (&p->place);
      g_autofree char *text = g_strdup_printf ("%s: %s", where, p->message);
      GtkWidget *label = cell (text, FALSE, 0);

      gtk_widget_add_css_class (label, "error");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  for (guint i = 0; i < form->changes->len && shown < SHOWN_LINES; i++, shown++)
    {
      const ShnorFormChange *c = form->changes->pdata[i];
      g_autofree char *where = shnor_form_place_describe (&c->place);
      g_autofree char *values = g_strdup_printf ("%s → %s", c->old_text[0] ? c->old_text : "—",
                                                 c->new_text[0] ? c->new_text : "—");

      gtk_grid_attach (GTK_GRID (grid), cell (c->what, FALSE, 36), 0, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (values, FALSE, 28), 1, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (where, TRUE, 0), 2, (int) i, 1, 1);
    }
  if (form->changes->len > 0)
    gtk_box_append (GTK_BOX (box), grid);
  else if (form->state == SHNOR_FORM_READY || form->state == SHNOR_FORM_DONE)
    gtk_box_append (GTK_BOX (box), cell (_("The school changed nothing: the form is recorded as accepted."), TRUE, 0));
  if (form->changes->len + form->problems->len > SHOWN_LINES)
    gtk_box_append (GTK_BOX (box), cell (_("… and more, not listed here."), TRUE, 0));
  return box;
}

static GtkWidget *
row_of (const ShnorForm *form)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (state_icon (form));
  g_autofree char *base = g_filename_display_basename (form->path);
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", form->school);
  g_autofree char *state = NULL;
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *expander = gtk_expander_new (NULL);

  if ((form->state == SHNOR_FORM_READY || form->state == SHNOR_FORM_DONE) && form->changes->len == 0)
    state = g_strdup_printf (_("%s: no changes"), state_label (form->state));
  else if (form->state == SHNOR_FORM_READY || form->state == SHNOR_FORM_DONE)
    state = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u change", "%s: %u changes", form->changes->len),
                             state_label (form->state), form->changes->len);
  else if (form->state == SHNOR_FORM_PROBLEMS)
    state = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u problem)", "%s (%u problems)",
                                          form->problems->len), state_label (form->state), form->problems->len);
  else
    state = g_strdup (state_label (form->state));

  gtk_label_set_markup (GTK_LABEL (label), title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (titles), label);
  gtk_box_append (GTK_BOX (titles), cell (base, TRUE, 0));
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (header), icon);
  gtk_box_append (GTK_BOX (header), titles);
  label = gtk_label_new (state);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  if (form->state == SHNOR_FORM_PROBLEMS || form->state == SHNOR_FORM_REFUSED)
    gtk_widget_add_css_class (label, "error");
  else if (form->state == SHNOR_FORM_DONE)
    gtk_widget_add_css_class (label, "success");
  gtk_box_append (GTK_BOX (header), label);

  gtk_expander_set_label_widget (GTK_EXPANDER (expander), header);
  gtk_expander_set_child (GTK_EXPANDER (expander), details_of (form));
  /* what needs the user's eyes is open */
  gtk_expander_set_expanded (GTK_EXPANDER (expander), form->state == SHNOR_FORM_PROBLEMS ||
                                                      form->state == SHNOR_FORM_REFUSED ||
                                                      (form->state == SHNOR_FORM_READY && form->changes->len > 0));
  gtk_widget_set_margin_start (expander, 12);
  gtk_widget_set_margin_end (expander, 12);
  gtk_widget_set_margin_top (expander, 8);
  gtk_widget_set_margin_bottom (expander, 8);
  return expander;
}

static void
show_batch (ShnorAcceptDialog *self)
{
  GtkWidget *child;
  guint ready = shnor_form_batch_count (self->batch, SHNOR_FORM_READY);
  guint changes = 0;
  g_autofree char *text = NULL;
  g_autofree char *ready_text = NULL;

  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  while ((child = gtk_widget_get_first_child (self->form_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->form_list), child);
  for (guint i = 0; i < self->batch->forms->len; i++)
    g_ptr_array_add (sorted, self->batch->forms->pdata[i]);
  g_ptr_array_sort (sorted, compare_forms);
  for (guint i = 0; i < sorted->len; i++)
    {
      const ShnorForm *form = sorted->pdata[i];

      if (form->state == SHNOR_FORM_READY)
        changes += form->changes->len;
      gtk_list_box_append (GTK_LIST_BOX (self->form_list), row_of (form));
    }
  if (self->batch->n_accepted > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u form accepted; Undo takes each school’s form back.",
                                         "%u forms accepted; Undo takes each school’s form back.",
                                         self->batch->n_accepted), self->batch->n_accepted);
  else
    {
      ready_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u form ready to accept", "%u forms ready to accept",
                                                 ready), ready);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u change); ", "%s (%u changes); ", changes),
                              ready_text, changes);
      {
        guint held = shnor_form_batch_count (self->batch, SHNOR_FORM_PROBLEMS) +
                     shnor_form_batch_count (self->batch, SHNOR_FORM_REFUSED);
        guint skipped = shnor_form_batch_count (self->batch, SHNOR_FORM_ACCEPTED);
        g_autofree char *rest = g_strdup_printf (_("%u not accepted, %u accepted before."), held, skipped);
        char *all = g_strconcat (text, rest, NULL);

        g_free (text);
        text = all;
      }
    }
  gtk_label_set_text (GTK_LABEL (self->summary_label), text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accept.apply", ready > 0);
}

static void
read_all (ShnorAcceptDialog *self)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();

  for (guint i = 0; i < self->paths->len; i++)
    g_ptr_array_add (paths, self->paths->pdata[i]);
  g_ptr_array_add (paths, NULL);
  g_clear_pointer (&self->batch, shnor_form_batch_free);
  self->batch = shnor_form_batch_read (self->document, (const char * const *) paths->pdata);
  show_batch (self);
}

/**
 * shnor_accept_dialog_add_paths:
 *
 * Adds forms (a path already there is not added twice) and reads them
 * all again.
 */
void
shnor_accept_dialog_add_paths (ShnorAcceptDialog  *self,
                               const char * const *paths)
{
  g_return_if_fail (SHNOR_IS_ACCEPT_DIALOG (self));

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (self->paths, paths[i], g_str_equal, NULL))
      g_ptr_array_add (self->paths, g_strdup (paths[i]));
  read_all (self);
}

/* Accepts the ready forms; TRUE when every one went in. */
gboolean
shnor_accept_dialog_apply (ShnorAcceptDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_val_if_fail (SHNOR_IS_ACCEPT_DIALOG (self), FALSE);
  if (self->batch == NULL)
    return FALSE;
  ok = shnor_form_batch_apply (self->batch, self->document, &error);
  show_batch (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accept.apply", FALSE);
  if (!ok)
    {
      gtk_label_set_text (GTK_LABEL (self->summary_label), error->message);
      gtk_widget_add_css_class (self->summary_label, "error");
    }
  return ok;
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  shnor_accept_dialog_apply (SHNOR_ACCEPT_DIALOG (widget));
}

static void
chosen (GtkNativeDialog   *chooser,
        int                response,
        ShnorAcceptDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
      gboolean folders = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) ==
                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);
          g_autoptr(GPtrArray) inside = NULL;

          if (path == NULL)
            continue;
          if (!folders)
            {
              g_ptr_array_add (paths, g_steal_pointer (&path));
              continue;
            }
          inside = shnor_form_list_folder (path, NULL);
          for (guint k = 0; inside != NULL && k < inside->len; k++)
            g_ptr_array_add (paths, g_strdup (inside->pdata[k]));
        }
      g_ptr_array_add (paths, NULL);
      shnor_accept_dialog_add_paths (self, (const char * const *) paths->pdata);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ShnorAcceptDialog *self = SHNOR_ACCEPT_DIALOG (widget);
  gboolean folder = g_str_equal (action_name, "accept.add-folder");
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (folder ? _("Add a Folder of Forms") : _("Add Forms"), GTK_WINDOW (self),
                                 folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                                 _("_Add"), _("_Cancel"));

  if (!folder)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Forms (XLSX)"));
      gtk_file_filter_add_suffix (filter, "xlsx");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
shnor_accept_dialog_dispose (GObject *object)
{
  ShnorAcceptDialog *self = SHNOR_ACCEPT_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->paths, g_ptr_array_unref);
  g_clear_pointer (&self->batch, shnor_form_batch_free);
  G_OBJECT_CLASS (shnor_accept_dialog_parent_class)->dispose (object);
}

static void
shnor_accept_dialog_class_init (ShnorAcceptDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = shnor_accept_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-accept-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShnorAcceptDialog, accept_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorAcceptDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorAcceptDialog, form_list);
  gtk_widget_class_install_action (widget_class, "accept.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "accept.add-files", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "accept.add-folder", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "accept.add-files", NULL);
}

static void
shnor_accept_dialog_init (ShnorAcceptDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->paths = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accept.apply", FALSE);
}

GtkWidget *
shnor_accept_dialog_new (GtkWindow     *parent,
                         ShnorDocument *document)
{
  ShnorAcceptDialog *self;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), NULL);

  self = g_object_new (SHNOR_TYPE_ACCEPT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  return GTK_WIDGET (self);
}
