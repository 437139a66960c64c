/* shnor-bank-view.c: the bank of best practices. The list is the core's
 * full-text search, filtered by subject, direction and status, shown by a
 * list view (only the rows in sight exist: a region's bank has thousands
 * of practices). The card edits in place; its materials are attached from
 * a file chooser or dropped on the card, opened with the program the
 * system has for them, saved elsewhere, removed — each one undo step. */
#define G_LOG_DOMAIN "shnor-bank-view"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "config.h"
#include "shnor-bank-export.h"
#include "shnor-bank-view.h"
#include "shnor-document-network.h"
#include "shnor-field-entry.h"
#include "shnor-field-table.h"
#include "shnor-file-chooser.h"
#include "shnor-widgets.h"

struct _ShnorBankView
{
  GtkWidget           parent_instance;

  GtkWidget          *paned;
  GtkWidget          *search_entry;
  GtkWidget          *add_button;
  GtkWidget          *add_popover;
  GtkWidget          *add_title;
  GtkWidget          *add_error;
  GtkWidget          *subject_filter;
  GtkWidget          *direction_filter;
  GtkWidget          *status_filter;
  GtkWidget          *practice_list;
  GtkWidget          *count_label;
  GtkWidget          *card_stack;
  GtkWidget          *empty_label;
  GtkWidget          *card_box;
  GtkWidget          *card_title;
  GtkWidget          *school_label;
  GtkWidget          *school_drop;
  GtkWidget          *form_box;
  GtkWidget          *files_heading;
  GtkWidget          *files_list;
  GtkWidget          *attach_button;
  GtkWidget          *limits_label;
  GtkWidget          *attach_error;

  GtkWidget          *form;         /* ShnorFieldTable of the card */
  ShnorDocument      *document;
  GtkSingleSelection *selection;
  gint64              selected;
  GArray             *school_ids;   /* of the school list: 0 first (none) */
  GStrv               subjects;     /* of the filters, "" first (all) */
  GStrv               directions;
  gboolean            filling;
  guint               idle;
};

G_DEFINE_FINAL_TYPE (ShnorBankView, shnor_bank_view, GTK_TYPE_WIDGET)

static void load      (ShnorBankView *self);
static void fill_card (ShnorBankView *self);

static gboolean
writable (ShnorBankView *self)
{
  return self->document != NULL && !shnor_document_get_read_only (self->document);
}


/* ---- the list ---------------------------------------------------------- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);
  GtkWidget *sub = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (badge, "badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_add_css_class (sub, "caption");
  gtk_box_append (GTK_BOX (line), title);
  gtk_box_append (GTK_BOX (line), badge);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), sub);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "badge", badge);
  g_object_set_data (G_OBJECT (box), "sub", sub);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  static const char * const classes[SHNOR_N_PRACTICE_STATUSES] = {
    "practice-proposed", "practice-reviewed", "practice-included",
  };
  ShnorPractice *p = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *badge = g_object_get_data (G_OBJECT (box), "badge");
  g_autofree char *sub = NULL;

  g_object_get (p, "subtitle", &sub, NULL);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "title"), shnor_practice_get_title (p));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "sub"), sub);
  gtk_label_set_text (GTK_LABEL (badge), shnor_practice_status_label (shnor_practice_get_status (p)));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (badge, classes[i]);
  gtk_widget_add_css_class (badge, classes[shnor_practice_get_status (p)]);
}

static const char *
chosen_text (GtkWidget *filter,
             GStrv      values)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (filter));

  return values != NULL && selected != GTK_INVALID_LIST_POSITION && selected < g_strv_length (values)
         ? values[selected] : "";
}

/* Refills a filter with "all" then @values, keeping the value chosen. */
static GStrv
refill_filter (GtkWidget  *filter,
               const char *all,
               GStrv       old,
               GStrv       values)
{
  g_autofree char *was = g_strdup (chosen_text (filter, old));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GStrv out = g_new0 (char *, g_strv_length (values) + 2);
  guint select = 0;

  out[0] = g_strdup ("");
  gtk_string_list_append (labels, all);
  for (guint i = 0; values[i]; i++)
    {
      out[i + 1] = g_strdup (values[i]);
      gtk_string_list_append (labels, values[i]);
      if (g_str_equal (values[i], was))
        select = i + 1;
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (filter), G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (filter), select);
  g_strfreev (old);
  return out;
}

static void
fill_filters (ShnorBankView *self)
{
  g_auto(GStrv) subjects = shnor_document_list_practice_values (self->document, "subjects");
  g_auto(GStrv) directions = shnor_document_list_practice_values (self->document, "direction");

  self->subjects = refill_filter (self->subject_filter, _("All subjects"), self->subjects, subjects);
  self->directions = refill_filter (self->direction_filter, _("All directions"), self->directions, directions);
}

static void
fill_list (ShnorBankView *self)
{
  guint status = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->status_filter));
  g_autoptr(GListModel) found = NULL;
  guint n, select = GTK_INVALID_LIST_POSITION;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  found = shnor_document_search_practices (self->document, text, chosen_text (self->subject_filter, self->subjects),
                                           chosen_text (self->direction_filter, self->directions),
                                           status == 0 || status == GTK_INVALID_LIST_POSITION ? -1 : (int) status - 1);
  n = g_list_model_get_n_items (found);
  for (guint i = 0; i < n && select == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(ShnorPractice) p = g_list_model_get_item (found, i);

      if (shnor_practice_get_id (p) == self->selected)
        select = i;
    }
  /* nothing chosen yet (or the choice filtered away): the first practice,
   * so that the card's pane is not an empty half of the view */
  if (select == GTK_INVALID_LIST_POSITION && n > 0)
    {
      g_autoptr(ShnorPractice) first = g_list_model_get_item (found, 0);

      select = 0;
      self->selected = shnor_practice_get_id (first);
    }
  gtk_single_selection_set_model (self->selection, found);
  gtk_single_selection_set_selected (self->selection, select);
  if (select == GTK_INVALID_LIST_POSITION)
    self->selected = 0;
  {
    gboolean filtered = text[0] != '\0' || gtk_drop_down_get_selected (GTK_DROP_DOWN (self->subject_filter)) > 0 ||
                        gtk_drop_down_get_selected (GTK_DROP_DOWN (self->direction_filter)) > 0 || status > 0;
    g_autofree char *count = NULL;

    if (filtered)
      count = g_strdup_printf (_("%u of %u"), n, shnor_document_count_practices (self->document));
    else
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u practice", "%u practices", n), n);
    gtk_label_set_text (GTK_LABEL (self->count_label), count);
  }
}

static void
selection_changed (ShnorBankView *self)
{
  ShnorPractice *p = gtk_single_selection_get_selected_item (self->selection);

  if (self->filling)
    return;
  self->selected = p ? shnor_practice_get_id (p) : 0;
  gtk_widget_set_visible (self->attach_error, FALSE);
  fill_card (self);
}

static void
search_changed (ShnorBankView *self)
{
  if (self->document != NULL && !self->filling)
    load (self);
}

static void
filter_changed (ShnorBankView *self)
{
  if (self->document != NULL && !self->filling)
    load (self);
}

/* ---- the card ------------------------------------------------------------- */

static gboolean
store_field (gpointer     data,
             gint64       id,
             const char  *column,
             const char  *text,
             GError     **error)
{
  ShnorBankView *self = data;

  return shnor_document_set_practice_field (self->document, id, column, text, error);
}

static void
school_chosen (ShnorBankView *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->school_drop));
  g_autoptr(GError) error = NULL;

  if (self->filling || self->selected == 0 || selected >= self->school_ids->len)
    return;
  if (!shnor_document_set_practice_school (self->document, self->selected,
                                           g_array_index (self->school_ids, gint64, selected), &error))
    shnor_widget_show_error (GTK_WIDGET (self), _("Could not change the school of the practice"), error);
}

static void
fill_schools (ShnorBankView *self,
              gint64         school_id)
{
  GListModel *schools = shnor_document_get_schools (self->document);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gint64 none = 0;
  guint select = 0;

  g_array_set_size (self->school_ids, 0);
  g_array_append_val (self->school_ids, none);
  gtk_string_list_append (labels, _("No school"));
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);
      gint64 id = shnor_school_get_id (school);

      if (id == school_id)
        select = self->school_ids->len;
      g_array_append_val (self->school_ids, id);
      gtk_string_list_append (labels, shnor_school_get_display_name (school));
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->school_drop), G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->school_drop), select);
}

static const char *
file_icon (const char *type)
{
  if (g_str_has_prefix (type, "image/"))
    return "image-x-generic-symbolic";
  if (g_str_equal (type, "application/pdf"))
    return "x-office-document-symbolic";
  if (strstr (type, "presentation") != NULL || strstr (type, "powerpoint") != NULL)
    return "x-office-presentation-symbolic";
  if (strstr (type, "sheet") != NULL || strstr (type, "excel") != NULL)
    return "x-office-spreadsheet-symbolic";
  return "text-x-generic-symbolic";
}

/* Writes the attachment where it can be opened: the user's cache, a
 * folder per attachment so that the name stays the file's own. */
static char *
cached_copy (ShnorBankView  *self,
             gint64          file_id,
             const char     *name,
             GError        **error)
{
  g_autofree char *folder = g_strdup_printf ("%s%cshnor%cattachments%c%" G_GINT64_FORMAT, g_get_user_cache_dir (),
                                             G_DIR_SEPARATOR, G_DIR_SEPARATOR, G_DIR_SEPARATOR, file_id);
  char *path = g_build_filename (folder, name, NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0 ||
      !shnor_document_save_attachment (self->document, file_id, path, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s", g_strerror (errno));
      g_free (path);
      return NULL;
    }
  return path;
}

static void
open_file (GtkButton     *button,
           ShnorBankView *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "shnor-id"));
  const char *name = g_object_get_data (G_OBJECT (button), "shnor-name");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = cached_copy (self, id, name, &error);
  g_autofree char *uri = NULL;

  if (path == NULL)
    {
      shnor_widget_show_error (GTK_WIDGET (self), _("Could not open the file"), error);
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  shnor_widget_open_uri (GTK_WIDGET (self), uri);
}

static void
file_saved (GObject    *owner,
            GtkWindow  *parent,
            GFile      *file,
            const char *path)
{
  ShnorBankView *self = SHNOR_BANK_VIEW (owner);
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (owner, "shnor-saving"));
  g_autoptr(GError) error = NULL;

  if (path != NULL && !shnor_document_save_attachment (self->document, id, path, &error))
    shnor_widget_show_error (GTK_WIDGET (self), _("Could not save the file"), error);
}

static void
save_file (GtkButton     *button,
           ShnorBankView *self)
{
  g_object_set_data (G_OBJECT (self), "shnor-saving", g_object_get_data (G_OBJECT (button), "shnor-id"));
  shnor_choose_file (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Save the Attached File"),
                     GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), g_object_get_data (G_OBJECT (button), "shnor-name"),
                     SHNOR_FILES_ANY, file_saved, G_OBJECT (self));
}

static void
remove_file (GtkButton     *button,
             ShnorBankView *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "shnor-id"));
  g_autoptr(GError) error = NULL;

  if (!shnor_document_delete_attachment (self->document, id, &error))
    shnor_widget_show_error (GTK_WIDGET (self), _("Could not remove the file"), error);
}

static GtkWidget *
file_button (ShnorBankView          *self,
             const char             *icon,
             const char             *tooltip,
             const ShnorAttachment  *a,
             GCallback               clicked)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "shnor-id", GSIZE_TO_POINTER ((gsize) a->id));
  g_object_set_data_full (G_OBJECT (button), "shnor-name", g_strdup (a->name), g_free);
  g_signal_connect (button, "clicked", clicked, self);
  return button;
}

static GtkWidget *
file_row (ShnorBankView         *self,
          const ShnorAttachment *a)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *name = gtk_label_new (a->name);
  g_autofree char *size_text = shnor_format_file_size (a->size);
  GtkWidget *size = gtk_label_new (size_text);
  GtkWidget *remove;

  gtk_widget_set_margin_start (row, 8);
  gtk_widget_set_margin_end (row, 4);
  gtk_widget_set_margin_top (row, 4);
  gtk_widget_set_margin_bottom (row, 4);
  gtk_box_append (GTK_BOX (row), gtk_image_new_from_icon_name (file_icon (a->type)));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (row), name);
  gtk_widget_add_css_class (size, "dim-label");
  gtk_box_append (GTK_BOX (row), size);
  gtk_box_append (GTK_BOX (row), file_button (self, "document-open-symbolic", _("Open with the program of the system"),
                                              a, G_CALLBACK (open_file)));
  gtk_box_append (GTK_BOX (row), file_button (self, "document-save-as-symbolic", _("Save a copy of the file…"), a,
                                              G_CALLBACK (save_file)));
  remove = file_button (self, "user-trash-symbolic", _("Remove the file from the practice"), a,
                        G_CALLBACK (remove_file));
  gtk_widget_set_sensitive (remove, writable (self));
  gtk_box_append (GTK_BOX (row), remove);
  return row;
}

static void
fill_card (ShnorBankView *self)
{
  ShnorPracticeCard card;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree char *heading = NULL;
  gint64 total = 0;
  guint n_fields;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bank.delete-practice", self->selected != 0 && writable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bank.attach", self->selected != 0 && writable (self));
  if (self->selected == 0 || !shnor_document_get_practice (self->document, self->selected, &card))
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->card_stack), "empty");
      return;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->card_stack), "card");
  gtk_label_set_text (GTK_LABEL (self->card_title), card.texts[shnor_fields_index (shnor_practice_fields (&n_fields),
                                                                                    n_fields, "title")]);
  self->filling = TRUE;
  fill_schools (self, card.school_id);
  self->filling = FALSE;
  gtk_widget_set_sensitive (self->school_drop, writable (self));
  g_array_append_val (ids, card.id);
  g_ptr_array_add (texts, card.texts);
  shnor_field_table_set_rows (SHNOR_FIELD_TABLE (self->form), ids, texts, NULL);
  shnor_field_table_set_editable (SHNOR_FIELD_TABLE (self->form), writable (self));

  shnor_list_box_clear (self->files_list);
  for (guint i = 0; i < card.files->len; i++)
    {
      total += g_array_index (card.files, ShnorAttachment, i).size;
      gtk_list_box_append (GTK_LIST_BOX (self->files_list), file_row (self, &g_array_index (card.files, ShnorAttachment, i)));
    }
  gtk_widget_set_visible (self->files_list, card.files->len > 0);
  if (card.files->len > 0)
    {
      g_autofree char *size = shnor_format_file_size (total);

      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Materials: %u file, %s", "Materials: %u files, %s",
                                              card.files->len), card.files->len, size);
    }
  else
    heading = g_strdup (_("Materials: none yet"));
  gtk_label_set_text (GTK_LABEL (self->files_heading), heading);
  shnor_practice_card_clear (&card);
}

/* ---- attaching ------------------------------------------------------------- */

/**
 * shnor_bank_view_attach_path:
 *
 * Attaches the file at @path to the practice shown; when refused, the card
 * says why under its materials.
 */
gboolean
shnor_bank_view_attach_path (ShnorBankView *self,
                             const char    *path)
{
  g_autoptr(GError) error = NULL;

  if (self->selected == 0 || shnor_document_attach_file (self->document, self->selected, path, &error) != 0)
    {
      gtk_widget_set_visible (self->attach_error, FALSE);
      return TRUE;
    }
  gtk_label_set_text (GTK_LABEL (self->attach_error), error->message);
  gtk_widget_set_visible (self->attach_error, TRUE);
  return FALSE;
}

static void
file_chosen (GObject    *owner,
             GtkWindow  *parent,
             GFile      *file,
             const char *path)
{
  ShnorBankView *self = SHNOR_BANK_VIEW (owner);

  if (path == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->attach_error), _("The file is not on a disk of this computer: copy it "
                                                            "here first."));
      gtk_widget_set_visible (self->attach_error, TRUE);
      return;
    }
  shnor_bank_view_attach_path (self, path);
}

static void
attach (GtkWidget  *widget,
        const char *action,
        GVariant   *param)
{
  shnor_choose_file (GTK_WINDOW (gtk_widget_get_root (widget)), _("Attach a File"), GTK_FILE_CHOOSER_ACTION_OPEN,
                     _("_Attach"), NULL, SHNOR_FILES_ANY, file_chosen, G_OBJECT (widget));
}

/* Files dropped on the card are attached one after another; the first
 * refused one stops it and says why. */
static gboolean
files_dropped (GtkDropTarget *target,
               const GValue  *value,
               double         x,
               double         y,
               ShnorBankView *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->selected == 0 || !writable (self))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *f = files; f != NULL; f = f->next)
    {
      g_autofree char *path = g_file_get_path (f->data);

      if (path == NULL || !shnor_bank_view_attach_path (self, path))
        break;
    }
  g_slist_free (files);
  return TRUE;
}

/* ---- adding, deleting, exporting ---------------------------------------------- */

static void
add_practice (ShnorBankView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->document == NULL)
    return;
  id = shnor_document_add_practice (self->document, gtk_editable_get_text (GTK_EDITABLE (self->add_title)), 0, &error);
  if (id == 0)
    {
      gtk_label_set_text (GTK_LABEL (self->add_error), error->message);
      gtk_widget_set_visible (self->add_error, TRUE);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->add_title), "");
  gtk_widget_set_visible (self->add_error, FALSE);
  gtk_popover_popdown (GTK_POPOVER (self->add_popover));
  /* the new practice is shown whatever the search and filters were */
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->subject_filter), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->direction_filter), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->status_filter), 0);
  self->filling = FALSE;
  shnor_bank_view_select (self, id);
}

static void
delete_practice (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  ShnorBankView *self = SHNOR_BANK_VIEW (widget);
  ShnorPractice *practice = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (self->selected == 0 || practice == NULL)
    return;
  /* TRANSLATORS: a toast after deleting a practice of the bank; %s is its title */
  done = g_strdup_printf (_("Practice “%s” deleted"), shnor_practice_get_title (practice));
  if (!shnor_document_delete_practice (self->document, self->selected, &error))
    shnor_widget_show_error (GTK_WIDGET (self), _("Could not delete the practice"), error);
  else
    shnor_toast (GTK_WIDGET (self), self->document, done);
}

static int
status_shown (ShnorBankView *self)
{
  guint status = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->status_filter));

  return status == 0 || status == GTK_INVALID_LIST_POSITION ? -1 : (int) status - 1;
}

static void
catalogue_chosen (GObject    *owner,
                  GtkWindow  *parent,
                  GFile      *file,
                  const char *path)
{
  ShnorBankView *self = SHNOR_BANK_VIEW (owner);
  g_autoptr(GError) error = NULL;

  if (path != NULL && !shnor_export_bank_xlsx (self->document, status_shown (self), path, &error))
    shnor_widget_show_error (GTK_WIDGET (self), _("Could not export the catalogue"), error);
}

static void
export_catalogue (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  /* TRANSLATORS: the name offered for the catalogue's file */
  shnor_choose_file (GTK_WINDOW (gtk_widget_get_root (widget)), _("Export the Catalogue"),
                     GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("Catalogue of the bank of best practices.xlsx"),
                     SHNOR_FILES_TABLES, catalogue_chosen, G_OBJECT (widget));
}

/* The bank goes into a new folder inside the one chosen: "Bank of best
 * practices 03.12.2026", "(2)" after it when that is taken. */
static void
folder_chosen (GObject    *owner,
               GtkWindow  *parent,
               GFile      *file,
               const char *path)
{
  ShnorBankView *self = SHNOR_BANK_VIEW (owner);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%d.%m.%Y");
  g_autofree char *name = g_strdup_printf (_("Bank of best practices %s"), day);
  g_autofree char *target = path ? g_build_filename (path, name, NULL) : NULL;

  if (target == NULL)
    return;
  for (int n = 2; g_file_test (target, G_FILE_TEST_EXISTS) && n < 100; n++)
    {
      g_free (target);
      target = g_strdup_printf ("%s%c%s (%d)", path, G_DIR_SEPARATOR, name, n);
    }
  if (!shnor_export_bank_folder (self->document, status_shown (self), target, &error))
    {
      shnor_widget_show_error (GTK_WIDGET (self), _("Could not export the bank"), error);
      return;
    }
  {
    g_autofree char *uri = g_filename_to_uri (target, NULL, NULL);

    shnor_widget_open_uri (GTK_WIDGET (self), uri);
  }
}

static void
export_folder (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  shnor_choose_file (GTK_WINDOW (gtk_widget_get_root (widget)), _("Choose Where to Put the Bank"),
                     GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export Here"), NULL, SHNOR_FILES_ANY,
                     folder_chosen, G_OBJECT (widget));
}

/* ---- loading ---------------------------------------------------------------- */

static void
load (ShnorBankView *self)
{
  g_clear_handle_id (&self->idle, g_source_remove);
  if (self->document == NULL)
    return;
  gtk_widget_set_sensitive (self->add_button, writable (self));
  self->filling = TRUE;
  fill_filters (self);
  fill_list (self);
  self->filling = FALSE;
  fill_card (self);
}

static void
document_changed (ShnorDocument *document,
                  const char    *table,
                  gint64         rowid,
                  ShnorBankView *self)
{
  if (self->idle == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      (g_str_has_prefix (table, "practice") || g_str_equal (table, "school")))
    shnor_queue_idle (&self->idle, G_CALLBACK (load), self);
}

static void
shnor_bank_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (shnor_bank_view_parent_class)->map (widget);
  load (SHNOR_BANK_VIEW (widget));
}

static void
shnor_bank_view_dispose (GObject *object)
{
  ShnorBankView *self = SHNOR_BANK_VIEW (object);

  self->filling = TRUE;   /* the lists emit their signals as they go */
  g_clear_handle_id (&self->idle, g_source_remove);
  shnor_bank_view_set_document (self, NULL);
  g_clear_pointer (&self->school_ids, g_array_unref);
  g_clear_pointer (&self->subjects, g_strfreev);
  g_clear_pointer (&self->directions, g_strfreev);
  g_clear_object (&self->selection);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHNOR_TYPE_BANK_VIEW);
  G_OBJECT_CLASS (shnor_bank_view_parent_class)->dispose (object);
}

static void
shnor_bank_view_class_init (ShnorBankViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_bank_view_dispose;
  widget_class->map = shnor_bank_view_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-bank-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ShnorBankView, name)
  BIND (paned); BIND (search_entry); BIND (add_button); BIND (add_popover); BIND (add_title); BIND (add_error);
  BIND (subject_filter); BIND (direction_filter); BIND (status_filter); BIND (practice_list); BIND (count_label);
  BIND (card_stack); BIND (empty_label); BIND (card_box); BIND (card_title); BIND (school_label); BIND (school_drop);
  BIND (form_box); BIND (files_heading);
  BIND (files_list); BIND (attach_button); BIND (limits_label); BIND (attach_error);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, school_chosen);
  gtk_widget_class_bind_template_callback (widget_class, add_practice);
  gtk_widget_class_install_action (widget_class, "bank.delete-practice", NULL, delete_practice);
  gtk_widget_class_install_action (widget_class, "bank.attach", NULL, attach);
  gtk_widget_class_install_action (widget_class, "bank.export-catalogue", NULL, export_catalogue);
  gtk_widget_class_install_action (widget_class, "bank.export-folder", NULL, export_folder);
}

static void
build_form (ShnorBankView *self)
{
  guint n_fields;
  const ShnorField *fields = shnor_practice_fields (&n_fields);

  self->form = shnor_field_table_new (TRUE);
  for (guint i = 0; i < n_fields; i++)
    shnor_field_table_add_column (SHNOR_FIELD_TABLE (self->form), &fields[i], i,
                                  fields[i].kind == SHNOR_FIELD_CHOICE ? shnor_network_dup_choices (&fields[i]) : NULL,
                                  NULL);
  shnor_field_table_set_handlers (SHNOR_FIELD_TABLE (self->form), store_field, NULL, NULL, self);
  gtk_size_group_add_widget (shnor_field_table_get_captions (SHNOR_FIELD_TABLE (self->form)), self->school_label);
  gtk_box_append (GTK_BOX (self->form_box), self->form);
}

static void
shnor_bank_view_init (ShnorBankView *self)
{
  const char *statuses[SHNOR_N_PRACTICE_STATUSES + 2] = { _("All statuses") };
  g_autoptr(GtkStringList) status_list = NULL;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_autofree char *file_max = shnor_format_file_size (SHNOR_ATTACHMENT_MAX_SIZE);
  g_autofree char *card_max = shnor_format_file_size (SHNOR_PRACTICE_MAX_FILES_SIZE);
  g_autofree char *limits = g_strdup_printf (_("PDF, DOCX, PPTX, XLSX, ODT, images; at most %s a file and %s a "
                                               "practice. Files can be dropped here."), file_max, card_max);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->school_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint s = 0; s < SHNOR_N_PRACTICE_STATUSES; s++)
    statuses[s + 1] = shnor_practice_status_label (s);
  status_list = gtk_string_list_new (statuses);
  self->filling = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->status_filter), G_LIST_MODEL (status_list));
  self->filling = FALSE;
  gtk_label_set_text (GTK_LABEL (self->limits_label), limits);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed), self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (GTK_LIST_VIEW (self->practice_list), factory);
  g_object_unref (factory);
  gtk_list_view_set_model (GTK_LIST_VIEW (self->practice_list), GTK_SELECTION_MODEL (self->selection));
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->search_entry), self->paned);
  shnor_remember_paned (self->paned, "bank-pane");
  shnor_list_single_tab_stop (self->practice_list);
  build_form (self);
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    /* Delete in the list only: in an entry the key deletes text */
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0), gtk_named_action_new ("bank.delete-practice")));
    gtk_widget_add_controller (self->practice_list, keys);
  }
  g_signal_connect (drop, "drop", G_CALLBACK (files_dropped), self);
  gtk_widget_add_controller (self->card_box, GTK_EVENT_CONTROLLER (drop));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bank.delete-practice", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bank.attach", FALSE);
}

void
shnor_bank_view_set_document (ShnorBankView *self,
                              ShnorDocument *document)
{
  g_return_if_fail (SHNOR_IS_BANK_VIEW (self));

  if (!shnor_watch_document (&self->document, document, G_CALLBACK (document_changed), self))
    return;
  self->selected = 0;
  if (document == NULL)
    gtk_single_selection_set_model (self->selection, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bank.export-catalogue", document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bank.export-folder", document != NULL);
  if (document != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

/* Shows the practice @practice_id (in the list as it is filtered). */
void
shnor_bank_view_select (ShnorBankView *self,
                        gint64         practice_id)
{
  g_return_if_fail (SHNOR_IS_BANK_VIEW (self));
  self->selected = practice_id;
  load (self);
}

/* Asks for the title of a new practice (the + button's popover). */
void
shnor_bank_view_add (ShnorBankView *self)
{
  g_return_if_fail (SHNOR_IS_BANK_VIEW (self));
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->add_button));
}

gint64
shnor_bank_view_get_selected (ShnorBankView *self)
{
  g_return_val_if_fail (SHNOR_IS_BANK_VIEW (self), 0);
  return self->selected;
}

/* For tests: a child of the template, or "form" (the card's fields). */
GtkWidget *
shnor_bank_view_get_child (ShnorBankView *self,
                           const char    *name)
{
  g_return_val_if_fail (SHNOR_IS_BANK_VIEW (self), NULL);
  if (g_str_equal (name, "form"))
    return self->form;
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SHNOR_TYPE_BANK_VIEW, name));
}
