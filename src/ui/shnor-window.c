/* shnor-window.c */
#define G_LOG_DOMAIN "shnor-window"

#include <string.h>
#include <glib/gi18n.h>

#include "config.h"
#include "shnor-application.h"
#include "shnor-field-entry.h"
#include "shnor-file-chooser.h"
#include "shnor-identification-view.h"
#include "shnor-programmes-view.h"
#include "shnor-order-dialog.h"
#include "shnor-accept-dialog.h"
#include "shnor-error.h"
#include "shnor-forms-dialog.h"
#include "shnor-publish-dialog.h"
#include "shnor-xlsx-export.h"
#include "shnor-monitoring-view.h"
#include "shnor-network-view.h"
#include "shnor-number.h"
#include "shnor-import-dialog.h"
#include "shnor-overview-view.h"
#include "shnor-reasons-view.h"
#include "shnor-school-editor.h"
#include "shnor-settings-dialog.h"
#include "shnor-widgets.h"
#include "shnor-window.h"

typedef enum {
  AREA_FILTER_ALL,
  AREA_FILTER_TOWN,
  AREA_FILTER_SETTLEMENT,
  AREA_FILTER_VILLAGE,
  AREA_FILTER_HARD_TO_REACH,
} AreaFilter;

struct _ShnorWindow
{
  GtkApplicationWindow parent_instance;

  GtkWidget          *title_label;
  GtkWidget          *subtitle_label;
  GtkWidget          *history_box;
  GtkWidget          *search_button;
  GtkWidget          *menu_button;
  GtkWidget          *stack;
  GtkWidget          *recent_heading;
  GtkWidget          *recent_list;
  GtkWidget          *read_only_bar;
  GtkWidget          *read_only_label;
  GtkWidget          *paned;
  GtkWidget          *list_pane;
  GtkWidget          *search_bar;
  GtkWidget          *search_entry;
  GtkWidget          *area_filter;
  GtkWidget          *group_filter;
  GtkWidget          *count_label;
  GtkWidget          *school_view;
  GtkColumnViewColumn *name_column;
  GtkWidget          *detail_stack;
  GtkWidget          *empty_page;
  GtkWidget          *first_steps;
  GtkWidget          *no_match_page;
  GtkWidget          *editor;
  GtkWidget          *views;
  GtkWidget          *view_switcher;
  GtkWidget          *overview;
  GtkWidget          *identification;
  GtkWidget          *programmes;
  GtkWidget          *monitoring;
  GtkWidget          *network;

  ShnorDocument      *document;
  GtkFilter          *filter;
  GtkFilterListModel *filter_model;
  GtkSingleSelection *selection;
  guint               classify_idle;
  guint               load_idle;      /* the views get the document one at a time */
  guint               load_step;
};

/* The group filter: all, one group (1 + ShnorGroup), or none of them. */
#define GROUP_FILTER_ALL 0
#define GROUP_FILTER_NONE (SHNOR_N_GROUPS + 1)

G_DEFINE_FINAL_TYPE (ShnorWindow, shnor_window, GTK_TYPE_APPLICATION_WINDOW)

/* ---- filtering and the list ----------------------------------------- */

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack ? haystack : "", -1);

  return strstr (folded, needle) != NULL;
}

static gboolean
school_visible (gpointer item,
                gpointer user_data)
{
  ShnorWindow *self = user_data;
  ShnorSchool *school = item;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  AreaFilter area = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->area_filter));
  guint group = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->group_filter));

  if (group == GROUP_FILTER_NONE && shnor_school_get_groups (school) != 0)
    return FALSE;
  if (group > GROUP_FILTER_ALL && group < GROUP_FILTER_NONE &&
      !(shnor_school_get_groups (school) & (1u << (group - 1))))
    return FALSE;

  switch (area)
    {
    case AREA_FILTER_TOWN:
    case AREA_FILTER_SETTLEMENT:
    case AREA_FILTER_VILLAGE:
      if ((int) shnor_school_get_area_type (school) != (int) area - AREA_FILTER_TOWN)
        return FALSE;
      break;
    case AREA_FILTER_HARD_TO_REACH:
      if (!shnor_school_get_hard_to_reach (school))
        return FALSE;
      break;
    default:
      break;
    }

  if (text[0] != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (text, -1);
      const GValue *short_name = shnor_school_get_value (school, "short_name");

      return contains_folded (shnor_school_get_full_name (school), needle) ||
             contains_folded (g_value_get_string (short_name), needle) ||
             contains_folded (shnor_school_get_settlement (school), needle);
    }
  return TRUE;
}

/* What the empty places say: a municipality without schools, where to
 * start; a search or filter that leaves none, how to see them all. */
static void
update_empty_states (ShnorWindow *self,
                     guint        shown,
                     guint        total)
{
  AdwStatusPage *page = ADW_STATUS_PAGE (self->empty_page);

  gtk_widget_set_visible (self->no_match_page, total > 0 && shown == 0);
  gtk_widget_set_visible (self->first_steps, total == 0);
  if (total == 0)
    {
      adw_status_page_set_title (page, _("No Schools Yet"));
      adw_status_page_set_description (page, _("Fill in the municipality’s details for the documents, add its "
                                                "schools, then import their results: Shnor finds the schools "
                                                "that need support. The import template shows the columns a "
                                                "results table needs."));
    }
  else
    {
      adw_status_page_set_title (page, _("No School Selected"));
      adw_status_page_set_description (page, _("Select a school in the list, or add one with Ctrl+N."));
    }
}

static void
update_count (ShnorWindow *self)
{
  guint shown, total;

  if (self->document == NULL)
    return;
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  total = g_list_model_get_n_items (shnor_document_get_schools (self->document));
  update_empty_states (self, shown, total);
  if (shown == total)
    {
      g_autofree char *count = shnor_number_format_count (total);
      /* TRANSLATORS: %s is the number, written with spaces between thousands */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s school", "%s schools", total),
                                               count);
      gtk_label_set_text (GTK_LABEL (self->count_label), text);
    }
  else
    {
      g_autofree char *of = shnor_number_format_count (shown);
      g_autofree char *all = shnor_number_format_count (total);
      /* TRANSLATORS: the schools shown of all, numbers written with spaces between thousands */
      g_autofree char *text = g_strdup_printf (_("%s of %s"), of, all);

      gtk_label_set_text (GTK_LABEL (self->count_label), text);
    }
}

static void
refilter (ShnorWindow *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
search_changed (ShnorWindow *self)
{
  refilter (self);
}

static void
stop_search (ShnorWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), FALSE);
  gtk_widget_grab_focus (self->school_view);
}

static void
area_filter_changed (ShnorWindow *self)
{
  refilter (self);
}

/* The list without search or filters */
static void
show_all_schools (ShnorWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->area_filter), AREA_FILTER_ALL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->group_filter), GROUP_FILTER_ALL);
  refilter (self);
}

static ShnorSchool *
selected_school (ShnorWindow *self)
{
  if (self->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
selection_changed (ShnorWindow *self)
{
  ShnorSchool *school = selected_school (self);
  gboolean writable = self->document != NULL && !shnor_document_get_read_only (self->document);

  shnor_school_editor_set_school (SHNOR_SCHOOL_EDITOR (self->editor), school);
  gtk_stack_set_visible_child_name (GTK_STACK (self->detail_stack), school ? "school" : "empty");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "delete-school")),
                               school != NULL && writable);
}

void
shnor_window_select_school (ShnorWindow *self,
                            gint64       id)
{
  GListModel *model;
  guint n;

  g_return_if_fail (SHNOR_IS_WINDOW (self));

  if (self->selection == NULL)
    return;
  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (model, i);

      if (shnor_school_get_id (school) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

/* ---- title and history ---------------------------------------------- */

static void
update_title (ShnorWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *municipality = NULL;
  g_autofree char *title = NULL;

  if (self->document == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->title_label), _("Shnor"));
      gtk_widget_set_visible (self->subtitle_label, FALSE);
      gtk_window_set_title (GTK_WINDOW (self), _("Shnor"));
      return;
    }

  name = g_filename_display_basename (shnor_document_get_path (self->document));
  municipality = shnor_document_dup_setting (self->document, "municipality");
  if (shnor_document_get_read_only (self->document))
    {
      g_autofree char *plain = g_steal_pointer (&municipality);

      municipality = g_strdup_printf (_("%s (read-only)"), plain[0] ? plain : name);
    }
  title = g_strdup_printf (_("%s — Shnor"), name);
  gtk_label_set_text (GTK_LABEL (self->title_label), name);
  gtk_label_set_text (GTK_LABEL (self->subtitle_label), municipality);
  gtk_widget_set_visible (self->subtitle_label, municipality[0] != '\0');
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
set_action_enabled (ShnorWindow *self,
                    const char  *name,
                    gboolean     enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (ShnorWindow *self)
{
  gboolean open = self->document != NULL;
  gboolean writable = open && !shnor_document_get_read_only (self->document);

  set_action_enabled (self, "undo", open && shnor_document_can_undo (self->document));
  set_action_enabled (self, "redo", open && shnor_document_can_redo (self->document));
  set_action_enabled (self, "save-copy", open);
  set_action_enabled (self, "export-programme", open);
  set_action_enabled (self, "export-roadmap", open);
  set_action_enabled (self, "prepare-order", open);
  set_action_enabled (self, "export-lists", open);
  set_action_enabled (self, "settings", open);
  set_action_enabled (self, "edit-risk-factors", open);
  set_action_enabled (self, "search", open);
  set_action_enabled (self, "show-view", open);
  set_action_enabled (self, "add-school", writable);
  set_action_enabled (self, "import-results", writable);
  set_action_enabled (self, "delete-school", writable && selected_school (self) != NULL);
  set_action_enabled (self, "school-forms", open);
  set_action_enabled (self, "accept-forms", writable);
  set_action_enabled (self, "publish", open);
}

/* The badges of the list come from the classification, which the
 * document computes on demand: ask for it once the loop is idle after a
 * change, then filter again by the new groups. */
static gboolean
classify_idle (gpointer data)
{
  ShnorWindow *self = data;
  g_autoptr(ShnorClassification) classification = NULL;

  self->classify_idle = 0;
  if (self->document == NULL)
    return G_SOURCE_REMOVE;
  classification = shnor_document_classify (self->document);
  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->group_filter)) != GROUP_FILTER_ALL)
    refilter (self);
  return G_SOURCE_REMOVE;
}

static void
queue_classify (ShnorWindow *self)
{
  if (self->classify_idle == 0)
    self->classify_idle = g_idle_add (classify_idle, self);
}

static void
document_changed (ShnorDocument *document,
                  const char    *table,
                  gint64         rowid,
                  ShnorWindow   *self)
{
  if (g_str_equal (table, "settings"))
    update_title (self);
  update_count (self);
  queue_classify (self);
}

/* ---- actions -------------------------------------------------------- */

static void
report (ShnorWindow  *self,
        const char   *primary,
        GError       *error)
{
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    shnor_window_show_error (self, primary, error->message);
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  ShnorWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!shnor_document_undo (self->document, &error))
    report (self, _("Could not undo"), error);
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  ShnorWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!shnor_document_redo (self->document, &error))
    report (self, _("Could not redo"), error);
}

static void
add_school_activated (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  ShnorWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id;
  GtkWidget *name;
  GtkEntry *entry;

  /* Ctrl+N adds what the view shows: a programme in the Programmes view,
   * a partnership or a practice in the Network view */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->views)), "programmes") == 0)
    {
      shnor_programmes_view_new_programme (SHNOR_PROGRAMMES_VIEW (self->programmes));
      return;
    }
  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->views)), "network") == 0)
    {
      shnor_network_view_add (SHNOR_NETWORK_VIEW (self->network));
      return;
    }
  /* The new school must be visible to be edited: in the list. */
  gtk_stack_set_visible_child_name (GTK_STACK (self->views), "schools");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->area_filter), AREA_FILTER_ALL);

  id = shnor_document_add_school (self->document, _("New school"), &error);
  if (id == 0)
    {
      report (self, _("Could not add a school"), error);
      return;
    }
  shnor_window_select_school (self, id);
  name = shnor_school_editor_get_field_widget (SHNOR_SCHOOL_EDITOR (self->editor), "full_name");
  entry = shnor_field_entry_get_entry (SHNOR_FIELD_ENTRY (name));
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

static void
delete_school_activated (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  ShnorWindow *self = user_data;
  ShnorSchool *school = selected_school (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (school == NULL)
    return;
  /* TRANSLATORS: a toast after deleting a school; %s is its short name */
  done = g_strdup_printf (_("School “%s” deleted"), shnor_school_get_display_name (school));
  if (!shnor_document_delete_school (self->document, shnor_school_get_id (school), &error))
    report (self, _("Could not delete the school"), error);
  else
    shnor_toast (GTK_WIDGET (self), self->document, done);
}

/* Ctrl+1 … Ctrl+9: the views in the order of the switcher */
static void
show_view_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  ShnorWindow *self = user_data;
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (GTK_STACK (self->views));
  int index = g_variant_get_int32 (param);
  GtkStackPage *page;

  if (index < 0 || (guint) index >= g_list_model_get_n_items (G_LIST_MODEL (pages)))
    return;
  page = g_list_model_get_item (G_LIST_MODEL (pages), (guint) index);
  gtk_stack_set_visible_child (GTK_STACK (self->views), gtk_stack_page_get_child (page));
  g_object_unref (page);
}

static void
search_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  ShnorWindow *self = user_data;

  /* the search filters the schools: show them */
  gtk_stack_set_visible_child_name (GTK_STACK (self->views), "schools");
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), TRUE);
  gtk_widget_grab_focus (self->search_entry);
}

static void
settings_activated (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  ShnorWindow *self = user_data;
  GtkWidget *dialog = shnor_settings_dialog_new (GTK_WINDOW (self), self->document);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* The reference list of risk factors, from a school's risk profile */
static void
edit_risk_factors_activated (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  ShnorWindow *self = user_data;
  GtkWidget *dialog = shnor_settings_dialog_new (GTK_WINDOW (self), self->document);

  shnor_settings_dialog_show_page (SHNOR_SETTINGS_DIALOG (dialog), "risk-factors");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_copy_chosen (GObject    *owner,
                  GtkWindow  *parent,
                  GFile      *file,
                  const char *path)
{
  ShnorWindow *self = SHNOR_WINDOW (owner);
  g_autoptr(GFile) current = NULL;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  current = g_file_new_for_path (shnor_document_get_path (self->document));
  if (path == NULL || g_file_equal (file, current))
    {
      shnor_window_show_error (self, _("Could not save a copy"),
                               _("Choose another name: a copy cannot replace the open file."));
      return;
    }
  if (!shnor_document_save_copy (self->document, path, &error))
    report (self, _("Could not save a copy"), error);
}

static void
save_copy_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  ShnorWindow *self = user_data;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  base = g_path_get_basename (shnor_document_get_path (self->document));
  if (g_str_has_suffix (base, ".shnor"))
    base[strlen (base) - strlen (".shnor")] = '\0';
  name = g_strdup_printf (_("%s (copy).shnor"), base);
  shnor_choose_file (GTK_WINDOW (self), _("Save a Copy"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                     name, SHNOR_FILES_SHNOR, save_copy_chosen, G_OBJECT (self));
}

/* Opens the preview of importing @path; for the file chooser and tests. */
GtkWidget *
shnor_window_import_results (ShnorWindow *self,
                             const char  *path)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (SHNOR_IS_WINDOW (self), NULL);

  dialog = shnor_import_dialog_new (GTK_WINDOW (self), self->document, path, &error);
  if (dialog == NULL)
    {
      report (self, _("Could not read the file"), error);
      return NULL;
    }
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
import_chosen (GObject    *owner,
               GtkWindow  *parent,
               GFile      *file,
               const char *path)
{
  ShnorWindow *self = SHNOR_WINDOW (owner);

  if (self->document != NULL && path != NULL)
    shnor_window_import_results (self, path);
}

static void
import_results_activated (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  shnor_choose_file (GTK_WINDOW (user_data), _("Import Results"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                     NULL, SHNOR_FILES_TABLES, import_chosen, G_OBJECT (user_data));
}

static void
template_chosen (GObject    *owner,
                 GtkWindow  *parent,
                 GFile      *file,
                 const char *path)
{
  g_autoptr(GError) error = NULL;

  if (path != NULL && !shnor_import_write_template (path, &error))
    report (SHNOR_WINDOW (owner), _("Could not save the template"), error);
}

static void
save_import_template_activated (GSimpleAction *action,
                                GVariant      *param,
                                gpointer       user_data)
{
  shnor_choose_file (GTK_WINDOW (user_data), _("Save an Import Template"), GTK_FILE_CHOOSER_ACTION_SAVE,
                     _("_Save"), _("Results template.xlsx"), SHNOR_FILES_ANY, template_chosen,
                     G_OBJECT (user_data));
}

static void
lists_chosen (GObject    *owner,
              GtkWindow  *parent,
              GFile      *file,
              const char *path)
{
  ShnorWindow *self = SHNOR_WINDOW (owner);
  g_autoptr(GError) error = NULL;

  if (path != NULL && self->document != NULL && !shnor_export_lists_xlsx (self->document, path, &error))
    report (self, _("Could not export the lists"), error);
}

static void
choose_lists (ShnorWindow *self)
{
  shnor_choose_file (GTK_WINDOW (self), _("Export the Lists of Schools"), GTK_FILE_CHOOSER_ACTION_SAVE,
                     _("_Export"), _("Lists of schools.xlsx"), SHNOR_FILES_TABLES, lists_chosen, G_OBJECT (self));
}

/* ---- what an export lacks ------------------------------------------------ */

typedef enum { EXPORT_PROGRAMME, EXPORT_ROADMAP, EXPORT_LISTS } ExportKind;

enum { RESPONSE_SHOW = 1, RESPONSE_EXPORT = 2 };

static void choose_programme_file (ShnorWindow *self,
                                   gboolean     roadmap);

static void
lacking_response (GtkDialog   *dialog,
                  int          response,
                  ShnorWindow *self)
{
  ExportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "kind"));
  gint64 id = shnor_programmes_view_get_shown (SHNOR_PROGRAMMES_VIEW (self->programmes));

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == RESPONSE_EXPORT)
    {
      if (kind == EXPORT_LISTS)
        choose_lists (self);
      else
        choose_programme_file (self, kind == EXPORT_ROADMAP);
    }
  else if (response == RESPONSE_SHOW && kind == EXPORT_LISTS)
    gtk_stack_set_visible_child_name (GTK_STACK (self->views), "identification");
  else if (response == RESPONSE_SHOW && self->document != NULL && id != 0)
    gtk_window_present (GTK_WINDOW (shnor_order_dialog_new (GTK_WINDOW (self), self->document, id)));
}

/* Before an export: what the document lacks, and a way to it (the order
 * dialog lists each item with a button to its place); the export goes on
 * when asked, a draft is a document too */
static gboolean
confirm_complete (ShnorWindow *self,
                  GPtrArray   *items,
                  ExportKind   kind)
{
  g_autoptr(GString) list = g_string_new (NULL);
  GtkWidget *dialog;

  if (items->len == 0)
    return TRUE;
  for (guint i = 0; i < items->len && i < 6; i++)
    g_string_append_printf (list, "%s• %s", list->len ? "\n" : "", ((ShnorPreflightItem *) items->pdata[i])->message);
  if (items->len > 6)
    {
      g_string_append_c (list, '\n');
      g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "…and %u more.", "…and %u more.",
                                                 items->len - 6), items->len - 6);
    }
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   g_dngettext (GETTEXT_PACKAGE, "The document still lacks %u thing",
                                                "The document still lacks %u things", items->len), items->len);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", list->str);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), kind == EXPORT_LISTS ? _("_Open Identification")
                                                                   : _("_Show Where to Fill In…"), RESPONSE_SHOW);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("Export _Anyway"), RESPONSE_EXPORT);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_SHOW);
  g_object_set_data (G_OBJECT (dialog), "kind", GINT_TO_POINTER (kind));
  g_signal_connect (dialog, "response", G_CALLBACK (lacking_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static void
export_lists_activated (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  ShnorWindow *self = user_data;
  g_autoptr(GPtrArray) items = NULL;

  if (self->document == NULL)
    return;
  items = shnor_document_preflight_lists (self->document);
  if (confirm_complete (self, items, EXPORT_LISTS))
    choose_lists (self);
}

/* The programme shown in the Programmes view; 0, with the reason told,
 * when none is */
static gint64
shown_programme (ShnorWindow *self,
                 const char  *failure)
{
  gint64 id = shnor_programmes_view_get_shown (SHNOR_PROGRAMMES_VIEW (self->programmes));

  if (id == 0)
    {
      g_autoptr(GError) error = g_error_new_literal (SHNOR_ERROR, SHNOR_ERROR_INVALID,
                                                     _("Select a programme in the Programmes view first."));

      gtk_stack_set_visible_child_name (GTK_STACK (self->views), "programmes");
      report (self, failure, error);
    }
  return id;
}

static void
export_chosen (GObject    *owner,
               const char *path,
               gboolean    roadmap)
{
  ShnorWindow *self = SHNOR_WINDOW (owner);
  g_autoptr(GError) error = NULL;
  gint64 id = shnor_programmes_view_get_shown (SHNOR_PROGRAMMES_VIEW (self->programmes));

  if (path != NULL && self->document != NULL &&
      !(roadmap ? shnor_export_roadmap_xlsx (self->document, id, path, &error)
                : shnor_export_programme_xlsx (self->document, id, path, &error)))
    report (self, _("Could not export the programme"), error);
}

static void
programme_chosen (GObject    *owner,
                  GtkWindow  *parent,
                  GFile      *file,
                  const char *path)
{
  export_chosen (owner, path, FALSE);
}

static void
roadmap_chosen (GObject    *owner,
                GtkWindow  *parent,
                GFile      *file,
                const char *path)
{
  export_chosen (owner, path, TRUE);
}

static void
choose_programme_file (ShnorWindow *self,
                       gboolean     roadmap)
{
  shnor_choose_file (GTK_WINDOW (self), roadmap ? _("Export the Road Map") : _("Export the Programme"),
                     GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                     roadmap ? _("Road map.xlsx") : _("Programme appendices.xlsx"), SHNOR_FILES_TABLES,
                     roadmap ? roadmap_chosen : programme_chosen, G_OBJECT (self));
}

/* The programme shown in the Programmes view: its appendices, or its
 * road map alone; what they lack said first */
static void
export_programme_activated (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  ShnorWindow *self = user_data;
  gboolean roadmap = g_str_equal (g_action_get_name (G_ACTION (action)), "export-roadmap");
  gint64 id = shown_programme (self, _("Could not export the programme"));
  g_autoptr(GPtrArray) items = NULL;

  if (id == 0)
    return;
  items = shnor_document_preflight (self->document, id);
  if (confirm_complete (self, items, roadmap ? EXPORT_ROADMAP : EXPORT_PROGRAMME))
    choose_programme_file (self, roadmap);
}

/* The order approving the programme shown in the Programmes view */
static void
prepare_order_activated (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  ShnorWindow *self = user_data;
  gint64 id = shown_programme (self, _("Could not prepare the order"));

  if (id != 0)
    gtk_window_present (GTK_WINDOW (shnor_order_dialog_new (GTK_WINDOW (self), self->document, id)));
}

/* win.show-partnership(id): the partnership in the «Сеть» view (from a
 * school's profile) */
static void
show_partnership_activated (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  ShnorWindow *self = user_data;

  gtk_stack_set_visible_child_name (GTK_STACK (self->views), "network");
  shnor_network_view_show_partnership (SHNOR_NETWORK_VIEW (self->network), g_variant_get_int64 (param));
}

/* ---- the exchange with schools and the region --------------------- */

static void
exchange_activated (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  ShnorWindow *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  GtkWidget *dialog;

  if (g_str_equal (name, "region"))
    dialog = shnor_publish_dialog_new (GTK_WINDOW (self), NULL);
  else if (self->document == NULL)
    return;
  else if (g_str_equal (name, "school-forms"))
    dialog = shnor_forms_dialog_new (GTK_WINDOW (self), self->document);
  else if (g_str_equal (name, "accept-forms"))
    dialog = shnor_accept_dialog_new (GTK_WINDOW (self), self->document);
  else
    dialog = shnor_publish_dialog_new (GTK_WINDOW (self), self->document);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry win_entries[] = {
  { "show-partnership", show_partnership_activated, "x" },
  { "school-forms", exchange_activated },
  { "accept-forms", exchange_activated },
  { "publish", exchange_activated },
  { "region", exchange_activated },
  { "prepare-order", prepare_order_activated },
  { "export-programme", export_programme_activated },
  { "export-roadmap", export_programme_activated },
  { "export-lists", export_lists_activated },
  { "import-results", import_results_activated },
  { "save-import-template", save_import_template_activated },
  { "undo", undo_activated },
  { "redo", redo_activated },
  { "add-school", add_school_activated },
  { "delete-school", delete_school_activated },
  { "search", search_activated },
  { "show-view", show_view_activated, "i" },
  { "settings", settings_activated },
  { "edit-risk-factors", edit_risk_factors_activated },
  { "save-copy", save_copy_activated },
};

/* ---- recent files --------------------------------------------------- */

static void
recent_row_activated (ShnorWindow   *self,
                      GtkListBoxRow *row)
{
  const char *path = g_object_get_data (G_OBJECT (row), "shnor-path");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  shnor_application_open_file (SHNOR_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                               file, self);
}

static GtkWidget *
recent_row (const char *path)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_display = g_filename_display_name (dir);
  GtkWidget *title = gtk_label_new (name);
  GtkWidget *subtitle = gtk_label_new (dir_display);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_START);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "shnor-path", g_strdup (path), g_free);
  return row;
}

void
shnor_window_set_recent (ShnorWindow        *self,
                         const char * const *paths)
{
  GtkWidget *child;
  guint shown = 0;

  g_return_if_fail (SHNOR_IS_WINDOW (self));

  while ((child = gtk_widget_get_first_child (self->recent_list)))
    gtk_list_box_remove (GTK_LIST_BOX (self->recent_list), child);
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    if (g_file_test (paths[i], G_FILE_TEST_EXISTS))
      {
        gtk_list_box_append (GTK_LIST_BOX (self->recent_list), recent_row (paths[i]));
        shown++;
      }
  gtk_widget_set_visible (self->recent_heading, shown > 0);
  gtk_widget_set_visible (self->recent_list, shown > 0);
}

/* ---- the document --------------------------------------------------- */

static void
history_changed (ShnorWindow *self)
{
  update_actions (self);
}

/* A read of the file failed (a damaged page): the document became
 * read-only; the window says so, in the bar and once in a dialog. */
static void
read_only_changed (ShnorWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean read_only = shnor_document_get_read_only (self->document);

  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->read_only_bar), read_only);
  if (read_only)
    gtk_label_set_text (GTK_LABEL (self->read_only_label), shnor_document_get_read_only_reason (self->document));
  update_actions (self);
  if (!shnor_document_check_reads (self->document, &error))
    shnor_window_show_error (self, _("The file is damaged"), error->message);
}

static void
detach_document (ShnorWindow *self)
{
  if (self->document == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->document, self);
  g_signal_handlers_disconnect_by_data (shnor_document_get_schools (self->document), self);
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->school_view), NULL);
  shnor_school_editor_set_school (SHNOR_SCHOOL_EDITOR (self->editor), NULL);
  shnor_school_editor_set_document (SHNOR_SCHOOL_EDITOR (self->editor), NULL);
  shnor_overview_view_set_document (SHNOR_OVERVIEW_VIEW (self->overview), NULL);
  shnor_identification_view_set_document (SHNOR_IDENTIFICATION_VIEW (self->identification), NULL);
  shnor_programmes_view_set_document (SHNOR_PROGRAMMES_VIEW (self->programmes), NULL);
  shnor_monitoring_view_set_document (SHNOR_MONITORING_VIEW (self->monitoring), NULL);
  shnor_network_view_set_document (SHNOR_NETWORK_VIEW (self->network), NULL);
  g_clear_handle_id (&self->classify_idle, g_source_remove);
  g_clear_handle_id (&self->load_idle, g_source_remove);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  shnor_document_close (self->document);
  g_clear_object (&self->document);
}

/* The window shows the list first; the views get the document after, one
 * per turn of the main loop (at low priority: after the frame is drawn
 * and the input handled), and the badges come last, from the
 * classification. */
static gboolean
load_idle (gpointer data)
{
  ShnorWindow *self = data;
  ShnorDocument *document = self->document;

  switch (self->load_step++)
    {
    case 0:
      shnor_school_editor_set_document (SHNOR_SCHOOL_EDITOR (self->editor), document);
      break;
    case 1:
      shnor_identification_view_set_document (SHNOR_IDENTIFICATION_VIEW (self->identification), document);
      break;
    case 2:
      shnor_programmes_view_set_document (SHNOR_PROGRAMMES_VIEW (self->programmes), document);
      break;
    case 3:
      shnor_monitoring_view_set_document (SHNOR_MONITORING_VIEW (self->monitoring), document);
      break;
    case 4:
      shnor_overview_view_set_document (SHNOR_OVERVIEW_VIEW (self->overview), document);
      break;
    case 5:
      shnor_network_view_set_document (SHNOR_NETWORK_VIEW (self->network), document);
      break;
    default:
      self->load_idle = 0;
      queue_classify (self);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* A school that comes back alone (a deletion undone, from the menu or
 * from its toast; an addition redone) is selected, as it was when it
 * went. After the list's filter and sorter have it. */
static void
school_returned (GListModel  *schools,
                 guint        position,
                 guint        removed,
                 guint        added,
                 ShnorWindow *self)
{
  g_autoptr(ShnorSchool) school = NULL;

  if (removed != 0 || added != 1)
    return;
  school = g_list_model_get_item (schools, position);
  shnor_window_select_school (self, shnor_school_get_id (school));
}

/**
 * shnor_window_set_document:
 *
 * Shows @document, closing the one shown before (which releases its file).
 * %NULL returns to the welcome page.
 */
void
shnor_window_set_document (ShnorWindow   *self,
                           ShnorDocument *document)
{
  GtkSorter *sorter;
  GtkSortListModel *sorted;

  g_return_if_fail (SHNOR_IS_WINDOW (self));

  detach_document (self);
  if (document == NULL)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "welcome");
      gtk_widget_set_visible (self->history_box, FALSE);
      gtk_widget_set_visible (self->search_button, FALSE);
      gtk_widget_set_visible (self->view_switcher, FALSE);
      update_title (self);
      update_actions (self);
      return;
    }

  self->document = g_object_ref (document);
  g_signal_connect (document, "changed", G_CALLBACK (document_changed), self);
  g_signal_connect_swapped (document, "notify::can-undo", G_CALLBACK (history_changed), self);
  g_signal_connect_swapped (document, "notify::can-redo", G_CALLBACK (history_changed), self);
  g_signal_connect_swapped (document, "notify::read-only", G_CALLBACK (read_only_changed), self);
  g_signal_connect_after (shnor_document_get_schools (document), "items-changed", G_CALLBACK (school_returned), self);

  self->filter_model = gtk_filter_list_model_new (g_object_ref (shnor_document_get_schools (document)),
                                                  g_object_ref (self->filter));
  sorter = gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->school_view));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)), g_object_ref (sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed), self);
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->school_view), GTK_SELECTION_MODEL (self->selection));
  self->load_step = 0;
  self->load_idle = g_idle_add_full (G_PRIORITY_LOW, load_idle, self, NULL);

  gtk_widget_set_visible (self->history_box, TRUE);
  gtk_widget_set_visible (self->view_switcher, TRUE);
  gtk_stack_set_visible_child_name (GTK_STACK (self->views), "schools");
  gtk_widget_set_visible (self->search_button, TRUE);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->read_only_bar), shnor_document_get_read_only (document));
  if (shnor_document_get_read_only (document))
    gtk_label_set_text (GTK_LABEL (self->read_only_label), shnor_document_get_read_only_reason (document));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "document");

  update_title (self);
  update_count (self);
  selection_changed (self);
  update_actions (self);
  gtk_widget_grab_focus (self->school_view);
}

ShnorDocument *
shnor_window_get_document (ShnorWindow *self)
{
  g_return_val_if_fail (SHNOR_IS_WINDOW (self), NULL);
  return self->document;
}

/* ---- errors --------------------------------------------------------- */

void
shnor_window_show_error (ShnorWindow *self,
                         const char  *primary,
                         const char  *secondary)
{
  GtkWidget *dialog;

  g_return_if_fail (SHNOR_IS_WINDOW (self));

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);
  if (secondary != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the widget ----------------------------------------------------- */

static void
shnor_window_dispose (GObject *object)
{
  ShnorWindow *self = SHNOR_WINDOW (object);

  detach_document (self);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (shnor_window_parent_class)->dispose (object);
}

/* The text columns of the school list: a label per cell, filled in code.
 * A GtkListView keeps 200 rows alive, so a region's list makes a thousand
 * cells at once: built from templates with expression bindings and a
 * tooltip each, they took two thirds of the time to show the list. The
 * tooltip is asked for when it is shown instead. */
typedef struct {
  const char *column;   /* its id in shnor-window.ui */
  const char *text;     /* the school's property shown */
  const char *notify;   /* "notify::" and that property */
  const char *tooltip;  /* the property shown as tooltip, or NULL */
  gboolean    numeric;  /* right-aligned figures */
} SchoolCell;

static const SchoolCell school_cells[] = {
  { "name_column", "display-name", "notify::display-name", "full-name", FALSE },
  { "settlement_column", "settlement", "notify::settlement", NULL, FALSE },
  { "area_column", "area-label", "notify::area-label", "area-label", FALSE },
  { "pupils_column", "pupils-text", "notify::pupils-text", NULL, TRUE },
  { "teachers_column", "teachers-text", "notify::teachers-text", NULL, TRUE },
};

static void
shnor_window_class_init (ShnorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_window_dispose;

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  g_type_ensure (SHNOR_TYPE_SCHOOL);
  g_type_ensure (SHNOR_TYPE_SCHOOL_EDITOR);
  g_type_ensure (SHNOR_TYPE_OVERVIEW_VIEW);
  g_type_ensure (SHNOR_TYPE_IDENTIFICATION_VIEW);
  g_type_ensure (SHNOR_TYPE_PROGRAMMES_VIEW);
  g_type_ensure (SHNOR_TYPE_MONITORING_VIEW);
  g_type_ensure (SHNOR_TYPE_NETWORK_VIEW);

  /* The application's own styles (the group badges), for every window of
   * the display, the test's windows included. */
  {
    GtkCssProvider *css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/com/example/Shnor/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    g_object_unref (css);
  }

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, history_box);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, recent_heading);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, area_filter);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, group_filter);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, school_view);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, name_column);
  /* the other columns, for add_cell_factories() */
  for (guint i = 1; i < G_N_ELEMENTS (school_cells); i++)
    gtk_widget_class_bind_template_child_full (widget_class, school_cells[i].column, FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, first_steps);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, views);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, overview);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, identification);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, programmes);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, monitoring);
  gtk_widget_class_bind_template_child (widget_class, ShnorWindow, network);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, stop_search);
  gtk_widget_class_bind_template_callback (widget_class, area_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, show_all_schools);
}

static void
setup_area_filter (ShnorWindow *self)
{
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);

  gtk_string_list_append (areas, _("All areas"));
  gtk_string_list_append (areas, _("Towns"));
  gtk_string_list_append (areas, _("Urban settlements"));
  gtk_string_list_append (areas, _("Villages"));
  gtk_string_list_append (areas, _("Hard to reach"));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->area_filter), G_LIST_MODEL (areas));
}

static void
group_button_setup (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

/* The button of the group filter: a group by its short badge word
 * ("ШНОР"), the other choices as they are. */
static void
group_button_bind (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  guint position = gtk_list_item_get_position (item);
  GtkStringObject *string = gtk_list_item_get_item (item);
  const char *text = gtk_string_object_get_string (string);

  if (position >= 1 && position <= SHNOR_N_GROUPS)
    text = shnor_group_badge ((ShnorGroup) (position - 1));
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
setup_group_filter (ShnorWindow *self)
{
  g_autoptr(GtkStringList) groups = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (group_button_setup), NULL);
  g_signal_connect (button, "bind", G_CALLBACK (group_button_bind), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (self->group_filter), button);

  gtk_string_list_append (groups, _("All groups"));
  for (ShnorGroup g = 0; g < SHNOR_N_GROUPS; g++)
    gtk_string_list_append (groups, shnor_group_label (g));
  gtk_string_list_append (groups, _("In no group"));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->group_filter), G_LIST_MODEL (groups));
}

static void
badges_refill (ShnorSchool *school,
               GParamSpec  *pspec,
               GtkWidget   *box)
{
  shnor_reasons_view_fill_badges (GTK_BOX (box), shnor_school_get_groups (school));
}

static void
badges_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4));
}

static void
badges_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  ShnorSchool *school = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);

  badges_refill (school, NULL, box);
  g_signal_connect_object (school, "notify::groups", G_CALLBACK (badges_refill), box, 0);
}

static void
badges_unbind (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), badges_refill,
                                        gtk_list_item_get_child (item));
}

static void
cell_refill (ShnorSchool *school,
             GParamSpec  *pspec,
             GtkLabel    *label)
{
  const SchoolCell *cell = g_object_get_data (G_OBJECT (label), "shnor-cell");
  g_autofree char *text = NULL;

  g_object_get (school, cell->text, &text, NULL);
  gtk_label_set_text (label, text != NULL ? text : "");
}

static gboolean
cell_query_tooltip (GtkWidget  *label,
                    int         x,
                    int         y,
                    gboolean    keyboard,
                    GtkTooltip *tooltip,
                    gpointer    data)
{
  const SchoolCell *cell = data;
  ShnorSchool *school = g_object_get_data (G_OBJECT (label), "shnor-school");
  g_autofree char *text = NULL;

  if (school == NULL)
    return FALSE;
  g_object_get (school, cell->tooltip, &text, NULL);
  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            const SchoolCell         *cell)
{
  GtkWidget *label = gtk_label_new (NULL);

  g_object_set_data (G_OBJECT (label), "shnor-cell", (gpointer) cell);
  gtk_label_set_xalign (GTK_LABEL (label), cell->numeric ? 1 : 0);
  if (cell->numeric)
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (cell->tooltip != NULL)
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (cell_query_tooltip), (gpointer) cell);
    }
  gtk_list_item_set_child (item, label);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           const SchoolCell         *cell)
{
  ShnorSchool *school = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (label), "shnor-school", school);
  cell_refill (school, NULL, GTK_LABEL (label));
  g_signal_connect_object (school, cell->notify, G_CALLBACK (cell_refill), label, 0);
}

static void
cell_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             const SchoolCell         *cell)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), cell_refill, label);
  g_object_set_data (G_OBJECT (label), "shnor-school", NULL);
}

static void
add_cell_factories (ShnorWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (school_cells); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GObject *column = gtk_widget_get_template_child (GTK_WIDGET (self), SHNOR_TYPE_WINDOW, school_cells[i].column);

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), (gpointer) &school_cells[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), (gpointer) &school_cells[i]);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), (gpointer) &school_cells[i]);
      gtk_column_view_column_set_factory (GTK_COLUMN_VIEW_COLUMN (column), factory);
      g_object_unref (factory);
    }
}

static int
compare_school_names (gconstpointer a,
                      gconstpointer b,
                      gpointer      data)
{
  return shnor_school_compare_names ((ShnorSchool *) a, (ShnorSchool *) b);
}

/* The groups column: badges need code, so it is made here rather than in
 * the template. */
static void
add_groups_column (ShnorWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  GtkSorter *sorter = GTK_SORTER (gtk_numeric_sorter_new (
    gtk_property_expression_new (SHNOR_TYPE_SCHOOL, NULL, "groups")));

  g_signal_connect (factory, "setup", G_CALLBACK (badges_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (badges_bind), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (badges_unbind), NULL);
  column = gtk_column_view_column_new (_("Groups"), factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_insert_column (GTK_COLUMN_VIEW (self->school_view), 1, column);
  g_object_unref (sorter);
  g_object_unref (column);
}

static void
setup_list_shortcuts (ShnorWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  /* Delete only in the list: in an entry the key deletes text. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                      gtk_named_action_new ("win.delete-school")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0),
                      gtk_named_action_new ("win.delete-school")));
  gtk_widget_add_controller (self->school_view, shortcuts);
}

/* The search button belongs to the school list: other views hide it. */
static void
view_changed (ShnorWindow *self)
{
  gtk_widget_set_visible (self->search_button,
                          self->document != NULL &&
                          g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->views)), "schools") == 0);
}

/* Toasts show over the whole window: the template's content goes into a
 * toast overlay (made here so that the template stays plain GTK). */
static void
add_toast_overlay (ShnorWindow *self)
{
  GtkWidget *content = g_object_ref (gtk_window_get_child (GTK_WINDOW (self)));
  GtkWidget *overlay = adw_toast_overlay_new ();

  gtk_window_set_child (GTK_WINDOW (self), NULL);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), content);
  gtk_window_set_child (GTK_WINDOW (self), overlay);
  g_object_unref (content);
}

static void
shnor_window_init (ShnorWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_toast_overlay (self);
  shnor_remember_paned (self->paned, "schools-pane");

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);
  setup_area_filter (self);
  setup_group_filter (self);
  add_cell_factories (self);
  add_groups_column (self);
  {
    g_autoptr(GtkSorter) by_name = GTK_SORTER (gtk_custom_sorter_new (compare_school_names, NULL, NULL));

    gtk_column_view_column_set_sorter (self->name_column, by_name);
  }
  /* the table may be wider than its pane: the scroll bar shows it */
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (self->school_view)), FALSE);
  setup_list_shortcuts (self);
  shnor_list_single_tab_stop (self->school_view);
  shnor_list_single_tab_stop (self->recent_list);
  self->filter = GTK_FILTER (gtk_custom_filter_new (school_visible, self, NULL));
  gtk_search_bar_connect_entry (GTK_SEARCH_BAR (self->search_bar), GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (GTK_SEARCH_BAR (self->search_bar), self->list_pane);
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (self->school_view), self->name_column, GTK_SORT_ASCENDING);
  g_signal_connect_swapped (self->views, "notify::visible-child-name", G_CALLBACK (view_changed), self);
  /* views as wide as their names: six equal ones leave the title no room */
  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (self->view_switcher)), FALSE);
  shnor_window_set_recent (self, NULL);
  shnor_window_set_document (self, NULL);
}

ShnorWindow *
shnor_window_new (GtkApplication *application)
{
  return g_object_new (SHNOR_TYPE_WINDOW, "application", application, NULL);
}

/* For tests: a template child by its id in shnor-window.ui. */
GtkWidget *
shnor_window_get_child (ShnorWindow *self,
                        const char  *name)
{
  g_return_val_if_fail (SHNOR_IS_WINDOW (self), NULL);

  return gtk_widget_get_template_child (GTK_WIDGET (self), SHNOR_TYPE_WINDOW, name) ?
         GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SHNOR_TYPE_WINDOW, name)) : NULL;
}

/**
 * shnor_window_show_preflight_item:
 * @programme: the programme the document is of
 * @over: the dialog that asks: a setting opens over it
 *
 * Opens the place where what @item says is missing is filled in.
 * Returns: TRUE when that place is in the window, so that the dialog
 * asking gives way to it.
 */
gboolean
shnor_window_show_preflight_item (ShnorWindow              *self,
                                  gint64                    programme,
                                  const ShnorPreflightItem *item,
                                  GtkWindow                *over)
{
  GtkWidget *widget;

  g_return_val_if_fail (SHNOR_IS_WINDOW (self) && item != NULL, FALSE);
  if (self->document == NULL)
    return FALSE;
  switch (item->target)
    {
    case SHNOR_PREFLIGHT_SETTINGS:
      widget = shnor_settings_dialog_new (over ? over : GTK_WINDOW (self), self->document);
      gtk_window_present (GTK_WINDOW (widget));
      shnor_settings_dialog_focus (SHNOR_SETTINGS_DIALOG (widget), item->key);
      return FALSE;
    case SHNOR_PREFLIGHT_PROGRAMME:
      gtk_stack_set_visible_child_name (GTK_STACK (self->views), "programmes");
      shnor_programmes_view_select (SHNOR_PROGRAMMES_VIEW (self->programmes), programme);
      shnor_programmes_view_show_section (SHNOR_PROGRAMMES_VIEW (self->programmes), item->key);
      widget = item->column ? shnor_programmes_view_get_passport_field (SHNOR_PROGRAMMES_VIEW (self->programmes),
                                                                        item->column) : NULL;
      if (widget != NULL)
        gtk_widget_grab_focus (shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (widget)));
      return TRUE;
    case SHNOR_PREFLIGHT_SCHOOL:
      gtk_stack_set_visible_child_name (GTK_STACK (self->views), "schools");
      shnor_window_select_school (self, item->id);
      return TRUE;
    case SHNOR_PREFLIGHT_IDENTIFICATION:
      gtk_stack_set_visible_child_name (GTK_STACK (self->views), "identification");
      return TRUE;
    default:
      return FALSE;
    }
}
