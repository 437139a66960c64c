/* shnor-region-window.c: the region as its database's views compute it —
 * a municipality per row with its ШНОР and ШНСУ schools, overdue measures
 * and indicators met; selecting one shows its lists of schools with the
 * reasons and its overdue measures. Nothing here writes to the database.
 * Connecting runs in a thread; a password the server asks for comes from
 * the keyring, or from the user, who may have it kept there. */
#define G_LOG_DOMAIN "shnor-region-window"

#include "config.h"
#include <stdlib.h>
#include <glib/gi18n.h>

#include "shnor-error.h"
#include "shnor-file-chooser.h"
#include "shnor-keyring.h"
#include "shnor-region.h"
#include "shnor-region-window.h"

/* ---- a row of the summary: the view's cells --------------------------- */

#define SHNOR_TYPE_REGION_ROW (shnor_region_row_get_type ())
G_DECLARE_FINAL_TYPE (ShnorRegionRow, shnor_region_row, SHNOR, REGION_ROW, GObject)

struct _ShnorRegionRow
{
  GObject  parent_instance;
  char   **cells;
};

G_DEFINE_FINAL_TYPE (ShnorRegionRow, shnor_region_row, G_TYPE_OBJECT)

static void
shnor_region_row_finalize (GObject *object)
{
  g_strfreev (SHNOR_REGION_ROW (object)->cells);
  G_OBJECT_CLASS (shnor_region_row_parent_class)->finalize (object);
}

static void
shnor_region_row_class_init (ShnorRegionRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shnor_region_row_finalize;
}

static void
shnor_region_row_init (ShnorRegionRow *self)
{
}

/* ---- the window ---------------------------------------------------------- */

struct _ShnorRegionWindow
{
  GtkApplicationWindow parent_instance;

  GtkWidget    *subtitle_label;
  GtkWidget    *stack;
  GtkWidget    *spinner;
  GtkWidget    *password_message;
  GtkWidget    *password_entry;
  GtkWidget    *remember_check;
  GtkWidget    *connect_button;
  GtkWidget    *error_label;
  GtkWidget    *summary_view;
  GtkWidget    *municipality_label;
  GtkWidget    *detail_stack;
  GtkWidget    *lists_box;
  GtkWidget    *overdue_box;
  GtkWidget    *total_label;

  char         *uri;
  char         *password;   /* the one that connected, kept only in memory */
  ShnorRegion  *region;
  GListStore   *rows;
  GtkSingleSelection *selection;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (ShnorRegionWindow, shnor_region_window, GTK_TYPE_APPLICATION_WINDOW)

enum { COL_NAME, COL_SCHOOLS, COL_LOW, COL_SOCIAL, COL_OVERDUE, COL_MET, COL_PUBLISHED, N_COLUMNS };

static const struct {
  const char *title;
  int         cell;     /* ShnorSummaryColumn */
  gboolean    number;
  int         width;    /* 0: takes the room left */
} columns[N_COLUMNS] = {
  [COL_NAME] = { N_("Municipality"), SHNOR_SUMMARY_NAME, FALSE, 0 },
  [COL_SCHOOLS] = { N_("Schools"), SHNOR_SUMMARY_SCHOOLS, TRUE, 68 },
  [COL_LOW] = { NC_("group", "ШНОР"), SHNOR_SUMMARY_LOW, TRUE, 62 },
  [COL_SOCIAL] = { NC_("group", "ШНСУ"), SHNOR_SUMMARY_SOCIAL, TRUE, 62 },
  [COL_OVERDUE] = { N_("Overdue"), SHNOR_SUMMARY_OVERDUE, TRUE, 104 },
  /* indicators with a target and an actual value this year: how many met it */
  [COL_MET] = { N_("Targets met"), SHNOR_SUMMARY_MET, TRUE, 104 },
  [COL_PUBLISHED] = { N_("Published"), SHNOR_SUMMARY_PUBLISHED, FALSE, 140 },
};

static const char *
column_title (guint c)
{
  return c == COL_LOW || c == COL_SOCIAL ? g_dpgettext2 (GETTEXT_PACKAGE, "group", columns[c].title)
                                         : _(columns[c].title);
}

/* "5 of 8" for the indicators, the count elsewhere */
static char *
cell_text (ShnorRegionRow *row,
           guint           c)
{
  if (c == COL_MET)
    {
      int n = atoi (row->cells[SHNOR_SUMMARY_INDICATORS]);

      return n == 0 ? g_strdup ("—") : g_strdup_printf (_("%s of %d"), row->cells[SHNOR_SUMMARY_MET], n);
    }
  if (c == COL_OVERDUE)
    return g_strdup_printf (_("%s of %s"), row->cells[SHNOR_SUMMARY_OVERDUE], row->cells[SHNOR_SUMMARY_MEASURES]);
  return g_strdup (row->cells[columns[c].cell]);
}

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  guint c = GPOINTER_TO_UINT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), columns[c].number ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (c == COL_LOW || c == COL_SOCIAL)
    gtk_widget_add_css_class (label, "heading");
  gtk_list_item_set_child (item, label);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  g_autofree char *text = cell_text (gtk_list_item_get_item (item), GPOINTER_TO_UINT (data));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

/* "ДД.ММ.ГГГГ ЧЧ:ММ" sorted as the time it is */
static char *
sortable_time (const char *text)
{
  if (strlen (text) < 10)
    return g_strdup (text);
  return g_strdup_printf ("%.4s%.2s%.2s%s", text + 6, text + 3, text, text + 10);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  ShnorRegionRow *x = (ShnorRegionRow *) a, *y = (ShnorRegionRow *) b;
  guint c = GPOINTER_TO_UINT (data);

  if (c == COL_MET)
    {
      double nx = atof (x->cells[SHNOR_SUMMARY_INDICATORS]), ny = atof (y->cells[SHNOR_SUMMARY_INDICATORS]);
      double rx = nx > 0 ? atof (x->cells[SHNOR_SUMMARY_MET]) / nx : -1;
      double ry = ny > 0 ? atof (y->cells[SHNOR_SUMMARY_MET]) / ny : -1;

      return (rx > ry) - (rx < ry);
    }
  if (columns[c].number)
    {
      double vx = atof (x->cells[columns[c].cell]), vy = atof (y->cells[columns[c].cell]);

      return (vx > vy) - (vx < vy);
    }
  if (c == COL_PUBLISHED)
    {
      g_autofree char *tx = sortable_time (x->cells[columns[c].cell]);
      g_autofree char *ty = sortable_time (y->cells[columns[c].cell]);

      return g_strcmp0 (tx, ty);
    }
  return g_utf8_collate (x->cells[columns[c].cell], y->cells[columns[c].cell]);
}

static void
add_columns (ShnorRegionWindow *self)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, GUINT_TO_POINTER (c), NULL));

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (column_title (c), factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_expand (column, columns[c].width == 0);
      if (columns[c].width > 0)
        gtk_column_view_column_set_fixed_width (column, columns[c].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (self->summary_view), column);
      g_object_unref (sorter);
      g_object_unref (column);
    }
}

/* ---- the municipality selected --------------------------------------- */

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (box), child);
}

static GtkWidget *
two_lines (const char *title,
           const char *subtitle,
           const char *badge)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (top), label);
  if (badge != NULL && badge[0] != '\0')
    {
      GtkWidget *b = gtk_label_new (badge);

      gtk_widget_add_css_class (b, "heading");
      gtk_widget_set_valign (b, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (top), b);
    }
  gtk_box_append (GTK_BOX (box), top);
  if (subtitle != NULL && subtitle[0] != '\0')
    {
      label = gtk_label_new (subtitle);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  return box;
}

static void
show_empty (GtkWidget  *box,
            const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_append (GTK_LIST_BOX (box), label);
}

static void
show_municipality (ShnorRegionWindow *self)
{
  ShnorRegionRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GError) error = NULL;

  clear_box (self->lists_box);
  clear_box (self->overdue_box);
  if (row == NULL || self->region == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->municipality_label), _("Select a municipality"));
      return;
    }
  {
    g_autofree char *heading = g_strdup_printf (_("%s, ОКТМО %s"), row->cells[SHNOR_SUMMARY_NAME],
                                                row->cells[SHNOR_SUMMARY_OKTMO]);

    gtk_label_set_text (GTK_LABEL (self->municipality_label), heading);
  }
  lists = shnor_region_get_lists (self->region, row->cells[SHNOR_SUMMARY_OKTMO], &error);
  if (lists != NULL)
    overdue = shnor_region_get_overdue (self->region, row->cells[SHNOR_SUMMARY_OKTMO], &error);
  if (overdue == NULL)
    {
      show_empty (self->lists_box, error->message);
      return;
    }
  for (guint i = 0; i < lists->len; i++)
    {
      char **school = lists->pdata[i];
      g_autofree char *groups = shnor_region_groups_describe (school[SHNOR_LIST_GROUPS]);
      g_autofree char *title = g_strdup_printf ("%s%s%s", school[SHNOR_LIST_CODE],
                                                school[SHNOR_LIST_CODE][0] ? "  " : "", school[SHNOR_LIST_SCHOOL]);

      gtk_list_box_append (GTK_LIST_BOX (self->lists_box), two_lines (title, school[SHNOR_LIST_REASONS], groups));
    }
  if (lists->len == 0)
    show_empty (self->lists_box, _("No school of this municipality is in a list."));
  for (guint i = 0; i < overdue->len; i++)
    {
      char **m = overdue->pdata[i];
      g_autofree char *title = g_strdup_printf ("%s %s", m[SHNOR_OVERDUE_NUMBER], m[SHNOR_OVERDUE_TITLE]);
      g_autofree char *subtitle = g_strdup_printf (_("%s · due %s"), m[SHNOR_OVERDUE_PROGRAMME], m[SHNOR_OVERDUE_END]);

      gtk_list_box_append (GTK_LIST_BOX (self->overdue_box), two_lines (title, subtitle, NULL));
    }
  if (overdue->len == 0)
    show_empty (self->overdue_box, _("No overdue measures."));
}

/* ---- loading ------------------------------------------------------------ */

static void
show_summary (ShnorRegionWindow *self,
              GPtrArray         *summary)
{
  guint schools = 0, low = 0, social = 0, overdue = 0;
  g_autofree char *total = NULL;

  g_list_store_remove_all (self->rows);
  for (guint i = 0; i < summary->len; i++)
    {
      ShnorRegionRow *row = g_object_new (SHNOR_TYPE_REGION_ROW, NULL);

      row->cells = g_strdupv (summary->pdata[i]);
      schools += (guint) atoi (row->cells[SHNOR_SUMMARY_SCHOOLS]);
      low += (guint) atoi (row->cells[SHNOR_SUMMARY_LOW]);
      social += (guint) atoi (row->cells[SHNOR_SUMMARY_SOCIAL]);
      overdue += (guint) atoi (row->cells[SHNOR_SUMMARY_OVERDUE]);
      g_list_store_append (self->rows, row);
      g_object_unref (row);
    }
  total = g_strdup_printf (_("%u municipalities, %u schools: %u ШНОР, %u ШНСУ; %u overdue measures. Figures as the "
                             "regional database computes them today."), summary->len, schools, low, social, overdue);
  gtk_label_set_text (GTK_LABEL (self->total_label), total);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "region");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "region.export", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "region.refresh", TRUE);
  show_municipality (self);
}

typedef struct {
  char        *uri;
  char        *password;
  ShnorRegion *region;
  GPtrArray   *summary;
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_free (load->uri);
  g_free (load->password);
  shnor_region_free (load->region);
  if (load->summary != NULL)
    g_ptr_array_unref (load->summary);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  GError *error = NULL;

  load->region = shnor_region_connect (load->uri, load->password, FALSE, &error);
  if (load->region != NULL)
    load->summary = shnor_region_get_summary (load->region, &error);
  if (load->summary == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
password_stored (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!shnor_keyring_store_finish (result, &error))
    g_message ("The password could not be kept in the keyring: %s", error->message);
}

static void
loaded (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  ShnorRegionWindow *self = SHNOR_REGION_WINDOW (source);
  Load *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean typed = GPOINTER_TO_INT (user_data);

  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, SHNOR_ERROR, SHNOR_ERROR_READ_ONLY))
        {
          gtk_label_set_text (GTK_LABEL (self->password_message), error->message);
          gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "password");
          gtk_window_set_default_widget (GTK_WINDOW (self), self->connect_button);
          gtk_widget_grab_focus (self->password_entry);
        }
      else
        {
          gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
          gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "error");
        }
      return;
    }
  shnor_region_free (self->region);
  self->region = g_steal_pointer (&load->region);
  g_free (self->password);
  self->password = g_strdup (load->password);
  if (typed && load->password != NULL && load->password[0] != '\0' &&
      gtk_check_button_get_active (GTK_CHECK_BUTTON (self->remember_check)))
    shnor_keyring_store (self->uri, load->password, self->cancellable, password_stored, NULL);
  show_summary (self, load->summary);
}

static void
load (ShnorRegionWindow *self,
      const char        *password,
      gboolean           typed)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, loaded, GINT_TO_POINTER (typed));
  Load *data = g_new0 (Load, 1);

  data->uri = g_strdup (self->uri);
  data->password = g_strdup (password);
  g_task_set_task_data (task, data, load_free);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "loading");
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  g_task_run_in_thread (task, load_thread);
}

/**
 * shnor_region_window_connect:
 * @password: (nullable): the password; %NULL: the one kept in the
 *   keyring, or libpq's own (PGPASSWORD, ~/.pgpass)
 */
void
shnor_region_window_connect (ShnorRegionWindow *self,
                             const char        *password)
{
  g_return_if_fail (SHNOR_IS_REGION_WINDOW (self));
  load (self, password, FALSE);
}

static void
kept_password (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ShnorRegionWindow) self = user_data;
  g_autofree char *password = shnor_keyring_lookup_finish (result, NULL);

  if (!g_cancellable_is_cancelled (self->cancellable))
    load (self, password, FALSE);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShnorRegionWindow *self = SHNOR_REGION_WINDOW (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), "password"))
    load (self, gtk_editable_get_text (GTK_EDITABLE (self->password_entry)), TRUE);
  else
    load (self, self->password, FALSE);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShnorRegionWindow *self = SHNOR_REGION_WINDOW (widget);
  g_autoptr(GPtrArray) summary = NULL;
  g_autoptr(GError) error = NULL;

  if (self->region == NULL)
    return;
  summary = shnor_region_get_summary (self->region, &error);
  if (summary == NULL)
    {
      /* the connection may be gone: connect again */
      load (self, self->password, FALSE);
      return;
    }
  show_summary (self, summary);
}

gboolean
shnor_region_window_export (ShnorRegionWindow  *self,
                            const char         *path,
                            GError            **error)
{
  g_return_val_if_fail (SHNOR_IS_REGION_WINDOW (self), FALSE);
  if (self->region == NULL)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The regional database is not connected."));
      return FALSE;
    }
  return shnor_region_write_summary (self->region, path, error);
}

/* A country's workbook takes seconds: it is written from a thread, over
 * a connection of its own, while the window stays usable. */
typedef struct {
  char *uri;
  char *password;
  char *path;
} Export;

static void
export_free (gpointer data)
{
  Export *e = data;

  g_free (e->uri);
  g_free (e->password);
  g_free (e->path);
  g_free (e);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *e = task_data;
  GError *error = NULL;

  if (shnor_region_export_summary (e->uri, e->password, e->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
exported (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  ShnorRegionWindow *self = SHNOR_REGION_WINDOW (source);
  Export *e = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = g_filename_display_name (e->path);
  g_autofree char *text = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "region.export", TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                                  GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                                  "%s", _("Could not export the summary"));

      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
      g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  text = g_strdup_printf (_("The regional summary is written to “%s”."), shown);
  gtk_label_set_text (GTK_LABEL (self->total_label), text);
}

static void
export_chosen (GObject    *owner,
               GtkWindow  *parent,
               GFile      *file,
               const char *path)
{
  ShnorRegionWindow *self = SHNOR_REGION_WINDOW (owner);
  g_autoptr(GTask) task = NULL;
  Export *e;

  if (path == NULL)
    return;
  e = g_new0 (Export, 1);
  e->uri = g_strdup (self->uri);
  e->password = g_strdup (self->password);
  e->path = g_strdup (path);
  task = g_task_new (self, self->cancellable, exported, NULL);
  g_task_set_task_data (task, e, export_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "region.export", FALSE);
  gtk_label_set_text (GTK_LABEL (self->total_label), _("Writing the regional summary…"));
  g_task_run_in_thread (task, export_thread);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  shnor_choose_file (GTK_WINDOW (widget), _("Export the Regional Summary"), GTK_FILE_CHOOSER_ACTION_SAVE,
                     _("_Export"), _("Regional summary.xlsx"), SHNOR_FILES_TABLES, export_chosen, G_OBJECT (widget));
}

static void
shnor_region_window_dispose (GObject *object)
{
  ShnorRegionWindow *self = SHNOR_REGION_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->region, shnor_region_free);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->password, g_free);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  G_OBJECT_CLASS (shnor_region_window_parent_class)->dispose (object);
}

static void
shnor_region_window_class_init (ShnorRegionWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = shnor_region_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-region-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShnorRegionWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorRegionWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ShnorRegionWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, ShnorRegionWindow, password_message);
  gtk_widget_class_bind_template_child (widget_class, ShnorRegionWindow, password_entry);
  gtk_widget_class_bind_template_child (widget_class, ShnorRegionWindow, remember_check);
  gtk_widget_class_bind_template_child (widget_class, ShnorRegionWindow, connect_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorRegionWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorRegionWindow, summary_view);
  gtk_widget_class_bind_template_child (widget_class, ShnorRegionWindow, municipality_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorRegionWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, ShnorRegionWindow, lists_box);
  gtk_widget_class_bind_template_child (widget_class, ShnorRegionWindow, overdue_box);
  gtk_widget_class_bind_template_child (widget_class, ShnorRegionWindow, total_label);
  gtk_widget_class_install_action (widget_class, "region.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "region.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "region.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "region.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "region.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "region.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
shnor_region_window_init (ShnorRegionWindow *self)
{
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->rows = g_list_store_new (SHNOR_TYPE_REGION_ROW);
  add_columns (self);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                    g_object_ref (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->summary_view))));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (show_municipality), self);
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->summary_view), GTK_SELECTION_MODEL (self->selection));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "region.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "region.refresh", FALSE);
}

/**
 * shnor_region_window_open:
 * @password: (nullable): the password; %NULL: the one kept in the keyring
 *   (or libpq's own: PGPASSWORD, ~/.pgpass)
 *
 * Opens the regional view of @uri and connects.
 */
ShnorRegionWindow *
shnor_region_window_open (GtkApplication *application,
                          const char     *uri,
                          const char     *password)
{
  ShnorRegionWindow *self = g_object_new (SHNOR_TYPE_REGION_WINDOW, "application", application, NULL);
  g_autofree char *where = shnor_region_describe_uri (uri);
  g_autofree char *title = g_strdup_printf (_("Region — %s"), where);

  self->uri = g_strdup (uri);
  gtk_label_set_text (GTK_LABEL (self->subtitle_label), where);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_window_present (GTK_WINDOW (self));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "loading");
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  if (password != NULL)
    load (self, password, FALSE);
  else
    shnor_keyring_lookup (uri, self->cancellable, kept_password, g_object_ref (self));
  return self;
}

gboolean
shnor_region_window_is_loaded (ShnorRegionWindow *self)
{
  return self->region != NULL &&
         g_str_equal (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), "region");
}

/* Selects the municipality @oktmo (tests, and a later drill-down) */
gboolean
shnor_region_window_select (ShnorRegionWindow *self,
                            const char        *oktmo)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ShnorRegionRow) row = g_list_model_get_item (model, i);

      if (g_str_equal (row->cells[SHNOR_SUMMARY_OKTMO], oktmo))
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}
