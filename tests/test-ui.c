/* test-ui.c: the real application and window under Xvfb: open the demo,
 * search, sort, edit a field, undo it, add and delete a school, refuse a
 * bad value, open read-only; screenshots go to the build directory. */
#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sqlite3.h>

#include "shnor-application.h"
#include "shnor-demo.h"
#include "shnor-demo-network.h"
#include "shnor-bank-view.h"
#include "shnor-document-network.h"
#include "shnor-field-table.h"
#include "shnor-widgets.h"
#include "shnor-network-view.h"
#include "shnor-school-network.h"
#include "shnor-staff-view.h"
#include "shnor-suggest-dialog.h"
#include "shnor-error.h"
#include "shnor-number.h"
#include "shnor-chart-view.h"
#include "shnor-field-entry.h"
#include "shnor-identification-view.h"
#include "shnor-import-dialog.h"
#include "shnor-overview-item.h"
#include "shnor-overview-view.h"
#include "shnor-part-editor.h"
#include "shnor-programmes-view.h"
#include "shnor-roadmap-view.h"
#include "shnor-monitoring-view.h"
#include "shnor-order-dialog.h"
#include "shnor-preflight-list.h"
#include "shnor-settings-dialog.h"
#include "shnor-reasons-view.h"
#include "shnor-results-view.h"
#include "shnor-risk-factors-editor.h"
#include "shnor-risk-view.h"
#include "shnor-indicators-view.h"
#include "shnor-school-editor.h"
#include "shnor-schema-check.h"
#include "shnor-window.h"
#include "test-gtk.h"
#include "test-util.h"

#ifdef HAVE_XTEST
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>
#endif

static ShnorApplication *app;
static ShnorWindow *window;
static char *dir;
static char *demo_path;

static GtkWidget *
child (const char *name)
{
  GtkWidget *w = shnor_window_get_child (window, name);

  g_assert_nonnull (w);
  return w;
}

static GtkWidget *
first_of_type (GtkWidget *widget,
               GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = first_of_type (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GListModel *
shown_schools (void)
{
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (child ("school_view"))));
}

static ShnorSchool *
selected (void)
{
  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (shown_schools ()));
}

static ShnorFieldEntry *
field_entry (const char *column)
{
  GtkWidget *editor = child ("editor");

  return SHNOR_FIELD_ENTRY (shnor_school_editor_get_field_widget (SHNOR_SCHOOL_EDITOR (editor), column));
}

static void
type_into (ShnorFieldEntry *entry,
           const char      *text)
{
  GtkEntry *e = shnor_field_entry_get_entry (entry);

  gtk_widget_grab_focus (GTK_WIDGET (e));
  gtk_editable_set_text (GTK_EDITABLE (e), text);
  g_signal_emit_by_name (e, "activate");
  spin (50);
}

static void
action (const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), name, NULL));
  spin (50);
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect (c, type, found);
}

/* The toast of the window that says @text (NULL when none does), and
 * its button */
static GtkWidget *
find_toast (GtkWidget  *widget,
            const char *text)
{
  g_autofree char *shown = shnor_toast_title (text);

  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget") && gtk_widget_get_visible (widget) &&
      shows_text (widget, shown))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_toast (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
toast_button (GtkWidget *toast)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (toast, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_button_get_label (buttons->pdata[i]) != NULL && gtk_widget_get_visible (buttons->pdata[i]))
      return buttons->pdata[i];
  return NULL;
}

/* The toast that says @text is shown; its «Отменить» undoes the action */
static void
undo_by_toast_in (GtkWidget  *root,
                  const char *text)
{
  GtkWidget *toast = find_toast (root, text);
  GtkWidget *button;

  if (toast == NULL)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      collect (root, GTK_TYPE_LABEL, labels);
      for (guint i = 0; i < labels->len; i++)
        g_test_message ("label: %s (%s)", gtk_label_get_text (labels->pdata[i]),
                        G_OBJECT_TYPE_NAME (gtk_widget_get_parent (labels->pdata[i])));
      g_test_message ("wanted: %s", text);
    }

  g_assert_nonnull (toast);
  button = toast_button (toast);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, g_dgettext ("shnor", "_Undo"));
  g_signal_emit_by_name (button, "clicked");
  spin (100);
}

/* The button under @root whose tooltip is @tooltip (translated) */
static GtkWidget *
button_with_tooltip (GtkWidget  *root,
                     const char *tooltip)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), g_dgettext ("shnor", tooltip)) == 0)
      return buttons->pdata[i];
  g_assert_not_reached ();
}

static void
undo_by_toast (const char *text)
{
  undo_by_toast_in (GTK_WIDGET (window), text);
}

static void
test_open_demo (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (demo_path);

  g_assert_true (shnor_application_open_file (app, file, window));
  spin (200);
  g_assert_nonnull (shnor_window_get_document (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child ("stack"))), ==, "document");
  g_assert_cmpuint (g_list_model_get_n_items (shown_schools ()), ==, 12);
  g_assert_nonnull (selected ());
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "Демо"));
  screenshot (GTK_WIDGET (window), "01-demo.png");

  /* the school selected at the start shows its results (the window gives
   * the views the school first and the document after) */
  {
    ShnorSchoolEditor *editor = SHNOR_SCHOOL_EDITOR (child ("editor"));
    ShnorResultsView *view = SHNOR_RESULTS_VIEW (shnor_school_editor_get_results_view (editor));

    shnor_school_editor_show_page (editor, "results");
    spin (50);
    g_assert_nonnull (shnor_chart_view_get_data (SHNOR_CHART_VIEW (shnor_results_view_get_chart (view))));
    shnor_school_editor_show_page (editor, "profile");
  }

  /* Opening the same file again does not make a second window. */
  g_assert_true (shnor_application_open_file (app, file, NULL));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
}

static void
test_search (void)
{
  GtkWidget *entry = child ("search_entry");

  action ("win.search");
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (child ("search_bar"))));
  gtk_editable_set_text (GTK_EDITABLE (entry), "малин");
  spin (400);  /* GtkSearchEntry waits before it says the text changed */
  g_assert_cmpuint (g_list_model_get_n_items (shown_schools ()), ==, 1);
  g_assert_cmpstr (shnor_school_get_settlement (selected ()), ==, "с. Малиновка");
  screenshot (GTK_WIDGET (window), "02-search.png");

  /* Settlements are searched too. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Берёзовск");
  spin (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown_schools ()), ==, 4);

  /* nothing matches: the list says so, and its button shows them all */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Нет такой школы");
  spin (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown_schools ()), ==, 0);
  g_assert_true (gtk_widget_get_visible (child ("no_match_page")));
  screenshot (GTK_WIDGET (window), "02-search-no-match.png");
  g_signal_emit_by_name (first_of_type (child ("no_match_page"), GTK_TYPE_BUTTON), "clicked");
  spin (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown_schools ()), ==, 12);
  g_assert_false (gtk_widget_get_visible (child ("no_match_page")));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  spin (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown_schools ()), ==, 12);

  /* The area filter: one hard-to-reach school, four in towns. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child ("area_filter")), 4);
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown_schools ()), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child ("area_filter")), 1);
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown_schools ()), ==, 4);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child ("area_filter")), 0);
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown_schools ()), ==, 12);
}

static void
test_sort (void)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (child ("school_view"));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) pupils = g_list_model_get_item (columns, 4);  /* school, groups, settlement, area, pupils */
  g_autoptr(ShnorSchool) first = NULL;
  g_autoptr(ShnorSchool) last = NULL;
  guint n = g_list_model_get_n_items (shown_schools ());

  gtk_column_view_sort_by_column (view, pupils, GTK_SORT_DESCENDING);
  spin (50);
  first = g_list_model_get_item (shown_schools (), 0);
  last = g_list_model_get_item (shown_schools (), n - 1);
  g_assert_cmpstr (shnor_school_get_settlement (first), ==, "г. Берёзовск");
  g_assert_cmpint (shnor_school_get_pupils (first), >, 1000);
  g_assert_cmpint (shnor_school_get_pupils (last), <, 40);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(ShnorSchool) a = g_list_model_get_item (shown_schools (), i - 1);
      g_autoptr(ShnorSchool) b = g_list_model_get_item (shown_schools (), i);

      g_assert_cmpint (shnor_school_get_pupils (a), >=, shnor_school_get_pupils (b));
    }
  screenshot (GTK_WIDGET (window), "03-sorted-by-pupils.png");
}

/* Whether a cell of the school list shows @text */
static gboolean
list_shows (const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  spin (50);
  collect (child ("school_view"), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return TRUE;
  return FALSE;
}

static void
test_edit_and_undo (void)
{
  ShnorSchool *school;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (shown_schools ()), 0);
  spin (50);
  school = selected ();
  before = shnor_school_dup_text (school, "director");

  type_into (field_entry ("director"), "Кузнецова Вера Ильинична");
  after = shnor_school_dup_text (school, "director");
  g_assert_cmpstr (after, ==, "Кузнецова Вера Ильинична");
  screenshot (GTK_WIDGET (window), "04-edited.png");

  action ("win.undo");
  undone = shnor_school_dup_text (school, "director");
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (shnor_field_entry_get_text (field_entry ("director")), ==, before);

  action ("win.redo");
  g_clear_pointer (&undone, g_free);
  undone = shnor_school_dup_text (school, "director");
  g_assert_cmpstr (undone, ==, "Кузнецова Вера Ильинична");
  action ("win.undo");

  /* the list's cells follow an edit and its undo (they are filled in code) */
  type_into (field_entry ("settlement"), "пгт Новый Посёлок");
  g_assert_true (list_shows ("пгт Новый Посёлок"));
  action ("win.undo");
  g_assert_false (list_shows ("пгт Новый Посёлок"));
}

static void
test_invalid_value (void)
{
  ShnorSchool *school = selected ();
  g_autofree char *before = shnor_school_dup_text (school, "email");
  g_autofree char *after = NULL;
  GtkEntry *entry = shnor_field_entry_get_entry (field_entry ("email"));

  type_into (field_entry ("email"), "не адрес");
  after = shnor_school_dup_text (school, "email");
  g_assert_cmpstr (after, ==, before);
  /* The typed text stays for the user to fix, marked, with the reason. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "не адрес");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (entry)));
  screenshot (GTK_WIDGET (window), "05-invalid-email.png");

  /* Escape brings back the stored value. */
  g_assert_true (shnor_field_entry_revert (field_entry ("email")));
  g_assert_false (shnor_field_entry_revert (field_entry ("email")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, before);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
}

static void
test_add_and_delete (void)
{
  ShnorSchool *added;
  g_autofree char *name = NULL;

  action ("win.add-school");
  g_assert_cmpuint (g_list_model_get_n_items (shown_schools ()), ==, 13);
  added = selected ();
  g_assert_nonnull (added);
  g_assert_cmpint (shnor_school_get_pupils (added), ==, -1);
  type_into (field_entry ("full_name"), "МКОУ «Тестовая школа»");
  name = g_strdup (shnor_school_get_full_name (added));
  g_assert_cmpstr (name, ==, "МКОУ «Тестовая школа»");
  screenshot (GTK_WIDGET (window), "06-added.png");

  /* The Delete key in the list: deleted at once, with a toast to undo it */
  gtk_widget_grab_focus (child ("school_view"));
  action ("win.delete-school");
  g_assert_cmpuint (g_list_model_get_n_items (shown_schools ()), ==, 12);
  spin (300);
  screenshot (GTK_WIDGET (window), "06-deleted-toast.png");
  {
    g_autofree char *said = g_strdup_printf (g_dgettext ("shnor", "School “%s” deleted"), "МКОУ «Тестовая школа»");

    undo_by_toast (said);
    g_assert_cmpuint (g_list_model_get_n_items (shown_schools ()), ==, 13);
    /* the school is back, and selected as it was */
    g_assert_cmpstr (shnor_school_get_full_name (selected ()), ==, "МКОУ «Тестовая школа»");
    /* the undo took the toast away with it */
    spin (700);
    g_assert_null (find_toast (GTK_WIDGET (window), said));
  }
  action ("win.undo");  /* the name */
  action ("win.undo");  /* the school itself */
  g_assert_cmpuint (g_list_model_get_n_items (shown_schools ()), ==, 12);
}

static void
test_context_table (void)
{
  ShnorDocument *doc = shnor_window_get_document (window);
  ShnorSchool *school = selected ();
  g_autoptr(GArray) rows = shnor_document_get_context (doc, shnor_school_get_id (school));

  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpint (shnor_school_get_pupils (school), ==, (int) g_array_index (rows, ShnorContextRow, 2).value[0]);
  shnor_school_editor_show_page (SHNOR_SCHOOL_EDITOR (child ("editor")), "context");
  screenshot (GTK_WIDGET (window), "07-context.png");

  /* A refused cell: the message names the year; nothing changes. */
  {
    GtkWidget *cell;
    g_autoptr(GArray) after = NULL;

    cell = shnor_school_editor_get_context_cell (SHNOR_SCHOOL_EDITOR (child ("editor")), 2, "pupils");
    g_assert_nonnull (cell);
    type_into (SHNOR_FIELD_ENTRY (cell), "-12");
    after = shnor_document_get_context (doc, shnor_school_get_id (school));
    g_assert_cmpfloat (g_array_index (after, ShnorContextRow, 2).value[0], ==,
                       g_array_index (rows, ShnorContextRow, 2).value[0]);
    screenshot (GTK_WIDGET (window), "08-context-refused.png");
    g_assert_true (shnor_field_entry_revert (SHNOR_FIELD_ENTRY (cell)));

    type_into (SHNOR_FIELD_ENTRY (cell), "777");
    g_assert_cmpint (shnor_school_get_pupils (school), ==, 777);
    action ("win.undo");
    g_assert_cmpint (shnor_school_get_pupils (school), ==, (int) g_array_index (rows, ShnorContextRow, 2).value[0]);
    g_assert_cmpstr (shnor_field_entry_get_text (SHNOR_FIELD_ENTRY (cell)), !=, "777");
  }
  shnor_school_editor_show_page (SHNOR_SCHOOL_EDITOR (child ("editor")), "profile");
}

static void
test_results_tab (void)
{
  ShnorSchoolEditor *editor = SHNOR_SCHOOL_EDITOR (child ("editor"));
  ShnorResultsView *view = SHNOR_RESULTS_VIEW (shnor_school_editor_get_results_view (editor));
  ShnorDocument *doc = shnor_window_get_document (window);
  const ShnorChartData *data;
  ShnorFieldEntry *cell;
  gint64 id;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;

  shnor_window_select_school (window, 1);   /* the Gymnasium */
  spin (50);
  id = shnor_school_get_id (selected ());
  g_assert_cmpint (id, ==, 1);
  shnor_school_editor_show_page (editor, "results");
  g_assert_true (shnor_results_view_select (view, "ЕГЭ", "Математика (профильный уровень)", 11));
  data = shnor_chart_view_get_data (SHNOR_CHART_VIEW (shnor_results_view_get_chart (view)));
  g_assert_nonnull (data);
  g_assert_cmpuint (data->n_years, ==, 3);
  g_assert_true (data->known[SHNOR_SERIES_SCHOOL][2]);
  g_assert_true (data->known[SHNOR_SERIES_MUNICIPAL][2]);
  g_assert_true (data->known[SHNOR_SERIES_REGIONAL][2]);
  screenshot (GTK_WIDGET (window), "15-results.png");

  /* A mean outside the ЕГЭ scale is refused; nothing changes. */
  before = shnor_document_get_results (doc, id);
  cell = SHNOR_FIELD_ENTRY (shnor_results_view_get_cell (view, 2026, "mean"));
  g_assert_nonnull (cell);
  type_into (cell, "150");
  after = shnor_document_get_results (doc, id);
  g_assert_cmpmem (before->data, before->len * sizeof (ShnorResult), after->data, after->len * sizeof (ShnorResult));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (shnor_field_entry_get_entry (cell)), "error"));
  screenshot (GTK_WIDGET (window), "16-results-refused.png");
  shnor_field_entry_revert (cell);

  /* A valid edit moves the chart, and undo moves it back. */
  type_into (cell, "88,5");
  data = shnor_chart_view_get_data (SHNOR_CHART_VIEW (shnor_results_view_get_chart (view)));
  g_assert_cmpfloat (data->value[SHNOR_SERIES_SCHOOL][2], ==, 88.5);
  action ("win.undo");
  data = shnor_chart_view_get_data (SHNOR_CHART_VIEW (shnor_results_view_get_chart (view)));
  g_assert_cmpfloat (data->value[SHNOR_SERIES_SCHOOL][2], !=, 88.5);

  /* ОГЭ in primary scores: the chart's axis follows the scale; a scale the
   * stored means do not fit is refused with a message. */
  g_assert_true (shnor_results_view_select (view, "ОГЭ", "Математика", 9));
  {
    GtkWidget *button = first_of_type (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON);

    g_assert_nonnull (button);
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    spin (300);
    screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))), "21-scale.png");
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  }
  g_assert_false (shnor_results_view_apply_scale (view, "0", "3"));
  g_assert_true (shnor_results_view_apply_scale (view, "0", "32"));
  data = shnor_chart_view_get_data (SHNOR_CHART_VIEW (shnor_results_view_get_chart (view)));
  g_assert_cmpfloat (data->y_max, ==, 32);
  action ("win.undo");
  data = shnor_chart_view_get_data (SHNOR_CHART_VIEW (shnor_results_view_get_chart (view)));
  g_assert_cmpfloat (data->y_max, ==, 5);
  shnor_school_editor_show_page (editor, "profile");
}


/* Presses @keyval (with Control when asked) as the user does, through
 * the X server to the focused widget; FALSE where that cannot be done. */
static gboolean
press_key (guint           keyval,
           GdkModifierType mods)
{
#ifdef HAVE_XTEST
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));

  if (GDK_IS_X11_DISPLAY (display))
    {
      Display *x = gdk_x11_display_get_xdisplay (display);
      Window w = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
      KeyCode control = XKeysymToKeycode (x, XK_Control_L);
      KeyCode shift = XKeysymToKeycode (x, XK_Shift_L);
      KeyCode code = XKeysymToKeycode (x, keyval);

      XSetInputFocus (x, w, RevertToParent, CurrentTime);
      XSync (x, False);
      spin (100);
      if (mods & GDK_CONTROL_MASK)
        XTestFakeKeyEvent (x, control, True, CurrentTime);
      if (mods & GDK_SHIFT_MASK)
        XTestFakeKeyEvent (x, shift, True, CurrentTime);
      XTestFakeKeyEvent (x, code, True, CurrentTime);
      XTestFakeKeyEvent (x, code, False, CurrentTime);
      if (mods & GDK_SHIFT_MASK)
        XTestFakeKeyEvent (x, shift, False, CurrentTime);
      if (mods & GDK_CONTROL_MASK)
        XTestFakeKeyEvent (x, control, False, CurrentTime);
      XSync (x, False);
      spin (250);
      return TRUE;
    }
#endif
  return FALSE;
}

static GtkWidget *
focused_field (void)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus ? gtk_widget_get_ancestor (focus, SHNOR_TYPE_FIELD_ENTRY) : NULL;
}

/* Tab after typing into a cell of the results table, pressed as a key:
 * the value is stored, the focus is in the next cell (both cells alive:
 * the test runs with fatal criticals), a refused value keeps its text and
 * message when the focus leaves it, and Ctrl+Z still undoes from the
 * keyboard. */
static void
test_results_tab_commit (void)
{
  ShnorSchoolEditor *editor = SHNOR_SCHOOL_EDITOR (child ("editor"));
  ShnorResultsView *view = SHNOR_RESULTS_VIEW (shnor_school_editor_get_results_view (editor));
  ShnorDocument *doc = shnor_window_get_document (window);
  ShnorFieldEntry *mean, *below, *high;
  GtkEntry *below_entry;
  const ShnorChartData *data;
  double before;

  shnor_window_select_school (window, 1);
  spin (50);
  shnor_school_editor_show_page (editor, "results");
  g_assert_true (shnor_results_view_select (view, "ЕГЭ", "Математика (профильный уровень)", 11));
  spin (100);
  mean = SHNOR_FIELD_ENTRY (shnor_results_view_get_cell (view, 2025, "mean"));
  below = SHNOR_FIELD_ENTRY (shnor_results_view_get_cell (view, 2025, "below"));
  high = SHNOR_FIELD_ENTRY (shnor_results_view_get_cell (view, 2025, "high"));
  data = shnor_chart_view_get_data (SHNOR_CHART_VIEW (shnor_results_view_get_chart (view)));
  before = data->value[SHNOR_SERIES_SCHOOL][1];

  gtk_widget_grab_focus (GTK_WIDGET (shnor_field_entry_get_entry (mean)));
  gtk_editable_set_text (GTK_EDITABLE (shnor_field_entry_get_entry (mean)), "71,25");
  if (!press_key (GDK_KEY_Tab, 0))
    {
      g_test_skip ("no X11 display to press keys on");
      return;
    }
  data = shnor_chart_view_get_data (SHNOR_CHART_VIEW (shnor_results_view_get_chart (view)));
  g_assert_cmpfloat (data->value[SHNOR_SERIES_SCHOOL][1], ==, 71.25);
  /* the same cells, the focus in the next one */
  g_assert_true (SHNOR_FIELD_ENTRY (shnor_results_view_get_cell (view, 2025, "mean")) == mean);
  g_assert_true (focused_field () == GTK_WIDGET (below));
  g_assert_cmpstr (shnor_field_entry_get_text (mean), ==, "71,25");

  /* more below the threshold than took part: refused, kept when left */
  below_entry = shnor_field_entry_get_entry (below);
  gtk_editable_set_text (GTK_EDITABLE (below_entry), "500");
  press_key (GDK_KEY_Tab, 0);
  g_assert_true (focused_field () == GTK_WIDGET (high));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (below_entry)), ==, "500");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (below_entry), "error"));
  screenshot (GTK_WIDGET (window), "16-results-tab-refused.png");
  /* another cell committed meanwhile does not revert it */
  gtk_editable_set_text (GTK_EDITABLE (shnor_field_entry_get_entry (high)), "30");
  press_key (GDK_KEY_Tab, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (below_entry)), ==, "500");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (below_entry), "error"));
  g_assert_true (shnor_field_entry_revert (below));

  /* Ctrl+Z from the keyboard: the high results, then the mean */
  gtk_widget_grab_focus (GTK_WIDGET (shnor_field_entry_get_entry (mean)));
  press_key (GDK_KEY_z, GDK_CONTROL_MASK);
  press_key (GDK_KEY_z, GDK_CONTROL_MASK);
  data = shnor_chart_view_get_data (SHNOR_CHART_VIEW (shnor_results_view_get_chart (view)));
  g_assert_cmpfloat (data->value[SHNOR_SERIES_SCHOOL][1], ==, before);
  g_assert_false (shnor_document_can_undo (doc) &&
                  g_strcmp0 (shnor_field_entry_get_text (mean), "71,25") == 0);
  shnor_school_editor_show_page (editor, "profile");
}


static ShnorFieldEntry *
settings_entry (GtkWindow  *dialog,
                const char *column)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  collect (GTK_WIDGET (dialog), SHNOR_TYPE_FIELD_ENTRY, entries);
  for (guint i = 0; i < entries->len; i++)
    if (g_str_equal (shnor_field_entry_get_field (entries->pdata[i])->column, column))
      return entries->pdata[i];
  g_assert_not_reached ();
}

static void
test_settings_dialog (void)
{
  ShnorDocument *doc = shnor_window_get_document (window);
  GtkWindow *dialog;
  g_autofree char *email = shnor_document_dup_setting (doc, "email");
  g_autofree char *saved = NULL;

  action ("win.settings");
  spin (200);
  dialog = find_toplevel (g_type_from_name ("ShnorSettingsDialog"));
  g_assert_nonnull (dialog);
  screenshot (GTK_WIDGET (dialog), "09-settings.png");

  /* A refused value: the dialog stays, nothing is saved. */
  gtk_editable_set_text (GTK_EDITABLE (shnor_field_entry_get_entry (settings_entry (dialog, "municipality"))),
                         "Новый округ");
  gtk_editable_set_text (GTK_EDITABLE (shnor_field_entry_get_entry (settings_entry (dialog, "email"))),
                         "почта");
  g_signal_emit_by_name (shnor_field_entry_get_entry (settings_entry (dialog, "email")), "activate");
  spin (100);
  g_assert_true (find_toplevel (g_type_from_name ("ShnorSettingsDialog")) == dialog);
  saved = shnor_document_dup_setting (doc, "email");
  g_assert_cmpstr (saved, ==, email);
  g_clear_pointer (&saved, g_free);
  saved = shnor_document_dup_setting (doc, "municipality");
  g_assert_cmpstr (saved, !=, "Новый округ");
  screenshot (GTK_WIDGET (dialog), "09-settings-refused.png");

  /* Fixed: Enter saves everything as one undo step; the title follows. */
  gtk_editable_set_text (GTK_EDITABLE (shnor_field_entry_get_entry (settings_entry (dialog, "email"))),
                         "novyi@example.ru");
  g_signal_emit_by_name (shnor_field_entry_get_entry (settings_entry (dialog, "email")), "activate");
  spin (100);
  g_assert_null (find_toplevel (g_type_from_name ("ShnorSettingsDialog")));
  g_clear_pointer (&saved, g_free);
  saved = shnor_document_dup_setting (doc, "municipality");
  g_assert_cmpstr (saved, ==, "Новый округ");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child ("subtitle_label"))), ==, "Новый округ");
  action ("win.undo");
  g_clear_pointer (&saved, g_free);
  saved = shnor_document_dup_setting (doc, "email");
  g_assert_cmpstr (saved, ==, email);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child ("subtitle_label"))), !=, "Новый округ");
}

/* The settings of the documents: the face picked from the installed
 * families with the chain shown, the margin, and the forms the documents
 * need proposed as their fields are typed, kept where the user corrects
 * them */
static void
test_settings_documents (void)
{
  ShnorDocument *doc = shnor_window_get_document (window);
  ShnorSettingsDialog *dialog;
  GtkWidget *font, *margin;
  GListModel *families;
  ShnorFieldEntry *genitive, *control;
  guint pt_serif = 0, liberation = 0;
  g_autofree char *saved = NULL;

  action ("win.settings");
  spin (200);
  dialog = SHNOR_SETTINGS_DIALOG (find_toplevel (SHNOR_TYPE_SETTINGS_DIALOG));
  g_assert_nonnull (dialog);
  font = shnor_settings_dialog_get_picker (dialog, "document_font");
  margin = shnor_settings_dialog_get_picker (dialog, "margin_left");
  families = gtk_drop_down_get_model (GTK_DROP_DOWN (font));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (font)), ==, 0);   /* automatic */
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Liberation Serif"));
  for (guint i = 1; i < g_list_model_get_n_items (families); i++)
    {
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (families), i);

      pt_serif = g_str_equal (name, "PT Serif") ? i : pt_serif;
      liberation = g_str_equal (name, "Liberation Serif") ? i : liberation;
    }
  g_assert_cmpuint (liberation, >, 0);
  if (pt_serif > 0)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (font), pt_serif);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (margin), 1);
  /* the genitive follows the authority as it is typed */
  genitive = settings_entry (GTK_WINDOW (dialog), "authority_genitive");
  gtk_editable_set_text (GTK_EDITABLE (shnor_field_entry_get_entry (settings_entry (GTK_WINDOW (dialog),
                                                                                     "authority"))),
                         "Комитет по образованию администрации города Кедровска");
  spin (50);
  g_assert_cmpstr (shnor_field_entry_get_text (genitive), ==,
                   "Комитета по образованию администрации города Кедровска");
  /* a form the user wrote is kept when its fields change */
  control = settings_entry (GTK_WINDOW (dialog), "control_accusative");
  g_assert_cmpstr (shnor_field_entry_get_text (control), ==, "заместителя начальника управления образования Гусеву Н. П.");
  gtk_editable_set_text (GTK_EDITABLE (shnor_field_entry_get_entry (control)), "первого заместителя Гусеву Н. П.");
  gtk_editable_set_text (GTK_EDITABLE (shnor_field_entry_get_entry (settings_entry (GTK_WINDOW (dialog),
                                                                                     "control_position"))),
                         "первый заместитель начальника");
  spin (50);
  g_assert_cmpstr (shnor_field_entry_get_text (control), ==, "первого заместителя Гусеву Н. П.");
  screenshot (GTK_WIDGET (dialog), "09-settings-documents.png");
  g_signal_emit_by_name (shnor_field_entry_get_entry (genitive), "activate");
  spin (100);
  g_assert_null (find_toplevel (SHNOR_TYPE_SETTINGS_DIALOG));
  saved = shnor_document_dup_setting (doc, "authority_genitive");
  g_assert_cmpstr (saved, ==, "");            /* as proposed: follows the authority */
  g_clear_pointer (&saved, g_free);
  saved = shnor_document_dup_setting (doc, "control_accusative");
  g_assert_cmpstr (saved, ==, "первого заместителя Гусеву Н. П.");
  g_clear_pointer (&saved, g_free);
  saved = shnor_document_dup_setting (doc, "margin_left");
  g_assert_cmpstr (saved, ==, "30");
  g_clear_pointer (&saved, g_free);
  saved = shnor_document_dup_setting (doc, "document_font");
  g_assert_cmpstr (saved, ==, pt_serif > 0 ? "PT Serif" : "");
  action ("win.undo");
  g_clear_pointer (&saved, g_free);
  saved = shnor_document_dup_setting (doc, "margin_left");
  g_assert_cmpstr (saved, ==, "");
}

static void
test_import_dialog (void)
{
  g_autofree char *bad = g_build_filename (dir, "результаты с ошибками.csv", NULL);
  g_autofree char *good = g_build_filename (dir, "результаты.csv", NULL);
  ShnorDocument *doc = shnor_window_get_document (window);
  GtkWidget *dialog;
  const ShnorImportPlan *plan;
  g_autoptr(GArray) before = shnor_document_get_results (doc, 0);
  g_autoptr(GArray) after = NULL;
  g_autofree char *importing = NULL;

  test_write_file (bad, "Код;Год;Вид;Предмет;Класс;Участники;Средний балл\r\n"
                        "0301;2026;ЕГЭ;Химия;11;12;71,5\r\n"
                        "0399;2026;ЕГЭ;Химия;11;12;71,5\r\n"
                        "0302;2026;ЕГЭ;Химия;11;12;171,5\r\n", -1);
  dialog = shnor_window_import_results (window, bad);
  g_assert_nonnull (dialog);
  spin (200);
  plan = shnor_import_dialog_get_plan (SHNOR_IMPORT_DIALOG (dialog));
  g_assert_cmpuint (plan->problems->len, ==, 2);
  g_assert_false (gtk_widget_activate_action (dialog, "import.apply", NULL) &&
                  plan->problems->len == 0);
  screenshot (dialog, "17-import-problems.png");

  /* fixed in the spreadsheet program and read again: no problem left, the
   * rows to import shown, the import possible */
  test_write_file (bad, "Код;Год;Вид;Предмет;Класс;Участники;Средний балл\r\n"
                        "0301;2026;ЕГЭ;Химия;11;12;71,5\r\n"
                        "0302;2026;ЕГЭ;Химия;11;12;71,5\r\n", -1);
  g_assert_true (gtk_widget_activate_action (dialog, "import.reread", NULL));
  spin (100);
  plan = shnor_import_dialog_get_plan (SHNOR_IMPORT_DIALOG (dialog));
  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_true (gtk_widget_is_sensitive (first_of_type (dialog, GTK_TYPE_BUTTON)));
  g_assert_true (shows_text (dialog, "СОШ № 2"));
  screenshot (dialog, "17-import-reread.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* many rows: the first 200 shown as a table, and how many there are */
  {
    g_autoptr(GString) csv = g_string_new ("Код;Год;Вид;Предмет;Класс;Участники;Средний балл\n");
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    g_autofree char *count = NULL;
    GtkWidget *grid;
    int rows = 0;

    for (int i = 0; i < 1250; i++)
      g_string_append_printf (csv, "0301;2026;ЕГЭ;Предмет %d;11;12;71,5\n", i);
    test_write_file (bad, csv->str, -1);
    dialog = shnor_window_import_results (window, bad);
    spin (100);
    g_assert_cmpuint (shnor_import_dialog_get_plan (SHNOR_IMPORT_DIALOG (dialog))->problems->len, ==, 0);
    grid = first_of_type (dialog, GTK_TYPE_GRID);
    for (GtkWidget *c = gtk_widget_get_first_child (grid); c != NULL; c = gtk_widget_get_next_sibling (c))
      {
        int row;

        gtk_grid_query_child (GTK_GRID (grid), c, NULL, &row, NULL, NULL);
        rows = MAX (rows, row);
      }
    g_assert_cmpint (rows, ==, 200);
    {
      g_autofree char *rows_text = g_strdup_printf (g_dngettext ("shnor", "%s row to import", "%s rows to import", 1250),
                                                    "1250");

      count = g_strdup_printf (g_dgettext ("shnor", "%s (the first %s shown)"), rows_text, "200");
    }
    g_assert_true (shows_text (dialog, count));
    screenshot (dialog, "17-import-rows.png");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* a wrong file: its first 500 problems are listed, and how many more */
  {
    g_autoptr(GString) csv = g_string_new ("Код;Год;Вид;Предмет;Класс;Участники;Средний балл\n");
    GtkWidget *list, *last;
    guint rows = 0;

    for (int i = 0; i < 620; i++)
      g_string_append_printf (csv, "99%04d;2026;ЕГЭ;Химия;11;12;71,5\n", i);
    test_write_file (bad, csv->str, -1);
    dialog = shnor_window_import_results (window, bad);
    spin (100);
    g_assert_cmpuint (shnor_import_dialog_get_plan (SHNOR_IMPORT_DIALOG (dialog))->problems->len, ==, 620);
    list = first_of_type (dialog, GTK_TYPE_LIST_BOX);
    for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
      rows++;
    g_assert_cmpuint (rows, ==, 501);
    last = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (gtk_widget_get_last_child (list)));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (last)), "120"));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
                                gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW))), G_MAXDOUBLE);
    spin (100);
    screenshot (dialog, "17-import-many-problems.png");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  after = shnor_document_get_results (doc, 0);
  g_assert_cmpuint (after->len, ==, before->len);

  test_write_file (good, "Код;Год;Вид;Предмет;Класс;Участники;Средний балл;Ниже порога\r\n"
                         "0301;2026;ЕГЭ;Химия;11;12;71,5;0\r\n"
                         "0302;2026;ЕГЭ;Химия;11;8;55;1\r\n", -1);
  dialog = shnor_window_import_results (window, good);
  spin (200);
  plan = shnor_import_dialog_get_plan (SHNOR_IMPORT_DIALOG (dialog));
  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_cmpuint (plan->added, ==, 2);
  screenshot (dialog, "18-import-preview.png");
  g_assert_true (gtk_widget_activate_action (dialog, "import.apply", NULL));
  /* until the results are stored, the dialog says so and takes no input */
  g_assert_false (gtk_widget_get_sensitive (dialog));
  importing = g_strdup_printf (g_dngettext ("shnor", "Importing %s result…", "Importing %s results…", 2), "2");
  g_assert_true (shows_text (dialog, importing));
  spin (100);
  g_array_unref (after);
  after = shnor_document_get_results (doc, 0);
  g_assert_cmpuint (after->len, ==, before->len + 2);
  g_assert_cmpstr (shnor_document_get_undo_label (doc), ==, g_dgettext ("shnor", "Import results"));
  /* «Импортировано 2 результата», with «Отменить» */
  {
    g_autofree char *said = g_strdup_printf (g_dngettext ("shnor", "Imported %s result", "Imported %s results", 2), "2");

    screenshot (GTK_WIDGET (window), "18-imported-toast.png");
    undo_by_toast (said);
  }
  g_array_unref (after);
  after = shnor_document_get_results (doc, 0);
  g_assert_cmpuint (after->len, ==, before->len);
}

static void
test_overview (void)
{
  ShnorOverviewView *overview = SHNOR_OVERVIEW_VIEW (child ("overview"));
  GtkColumnView *table = shnor_overview_view_get_table (overview);
  GListModel *columns = gtk_column_view_get_columns (table);
  g_autoptr(GtkColumnViewColumn) change = NULL;
  GListModel *rows;
  double previous = G_MAXDOUBLE;
  guint declining = 0;

  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "overview");
  g_assert_true (shnor_overview_view_select (overview, "ОГЭ", "Математика", 9));
  spin (100);
  rows = shnor_overview_view_get_rows (overview);
  /* every school but the primary one takes ОГЭ; school, 3 years, change */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 11);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 5);
  screenshot (GTK_WIDGET (window), "19-overview.png");

  /* Sorted by the change, largest first. */
  change = g_list_model_get_item (columns, 4);
  gtk_column_view_sort_by_column (table, change, GTK_SORT_DESCENDING);
  spin (50);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(ShnorOverviewItem) item = g_list_model_get_item (rows, i);
      const ShnorOverviewLine *line = shnor_overview_item_get_line (item);

      g_assert_true (line->has_change);
      g_assert_cmpfloat (line->change, <=, previous);
      previous = line->change;
      declining += line->trend < 0;
    }
  /* the demo's two declining schools (Рудничный, Малиновка) at least */
  g_assert_cmpuint (declining, >=, 2);

  shnor_overview_view_show_page (overview, "charts");
  spin (200);
  /* one chart a school, each with its school's name */
  {
    guint n_charts = 0;

    for (GtkWidget *w = first_of_type (GTK_WIDGET (overview), GTK_TYPE_GRID_VIEW), *c = gtk_widget_get_first_child (w);
         c != NULL; c = gtk_widget_get_next_sibling (c))
      n_charts += first_of_type (c, SHNOR_TYPE_CHART_VIEW) != NULL &&
                  shnor_chart_view_get_data (SHNOR_CHART_VIEW (first_of_type (c, SHNOR_TYPE_CHART_VIEW)))->title != NULL;
    g_assert_cmpuint (n_charts, ==, g_list_model_get_n_items (rows));
  }
  screenshot (GTK_WIDGET (window), "20-small-multiples.png");
  shnor_overview_view_show_page (overview, "table");
  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "schools");
}

/* Answers the file chooser that @action opens with @name in the test's
 * folder, as the user would. */
static void
choose_in_chooser (const char *action_name,
                   const char *name)
{
  GtkWindow *chooser;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  action (action_name);
  spin (300);
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  else
    {
      g_autoptr(GFile) selected = NULL;

      /* the chooser selects the file once it has loaded the folder */
      g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
      for (int i = 0; i < 50 && selected == NULL; i++)
        {
          spin (100);
          selected = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
        }
      g_assert_nonnull (selected);
      g_assert_true (g_file_equal (selected, file));
    }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  spin (300);
}

static void
test_file_choosers (void)
{
  g_autofree char *template = g_build_filename (dir, "шаблон из меню.xlsx", NULL);
  GtkWindow *dialog;

  choose_in_chooser ("win.save-import-template", "шаблон из меню.xlsx");
  /* the chooser answers when it has applied the folder: slow under ASan */
  for (int i = 0; i < 50 && !g_file_test (template, G_FILE_TEST_EXISTS); i++)
    spin (100);
  g_assert_true (g_file_test (template, G_FILE_TEST_EXISTS));

  /* the template just saved, opened through Import: its preview */
  choose_in_chooser ("win.import-results", "шаблон из меню.xlsx");
  dialog = find_toplevel (SHNOR_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (shnor_import_dialog_get_plan (SHNOR_IMPORT_DIALOG (dialog))->problems->len, ==, 0);
  gtk_window_destroy (dialog);
  spin (50);
}

static void
test_help_windows (void)
{
  GtkWindow *shortcuts;
  GtkWindow *about;

  /* F10 opens the main menu. */
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (child ("menu_button"))));

  action ("win.show-help-overlay");
  spin (300);
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  screenshot (GTK_WIDGET (shortcuts), "13-shortcuts.png");
  gtk_window_close (shortcuts);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  spin (300);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  screenshot (GTK_WIDGET (about), "14-about.png");
  gtk_window_destroy (about);
  spin (50);
}

static void
test_welcome_and_read_only (void)
{
  g_autofree char *copy = g_build_filename (dir, "Только чтение.shnor", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (copy);

  shnor_window_set_document (window, NULL);
  spin (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child ("stack"))), ==, "welcome");
  /* The demo was opened: it is in the recent files. */
  g_assert_true (gtk_widget_get_visible (child ("recent_list")));
  screenshot (GTK_WIDGET (window), "10-welcome.png");

  g_assert_true (shnor_demo_write (copy, &error));
  if (!test_make_read_only (copy))
    {
      g_test_skip ("cannot make a file read-only here");
      return;
    }
  g_assert_true (shnor_application_open_file (app, file, window));
  spin (200);
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (child ("read_only_bar"))));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "add-school"));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (shnor_field_entry_get_entry (field_entry ("director")))));
  screenshot (GTK_WIDGET (window), "11-read-only.png");
  shnor_window_set_document (window, NULL);
  test_make_writable (copy);
}

static void
test_bad_file_message (void)
{
  g_autofree char *bad = g_build_filename (dir, "не шнор.shnor", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (bad);
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before = g_list_model_get_n_items (toplevels);

  test_write_file (bad, "Школа;Год\n", -1);
  g_assert_false (shnor_application_open_file (app, file, window));
  spin (200);
  /* An error dialog, and the window still on the welcome page. */
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child ("stack"))), ==, "welcome");
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (w))
        {
          screenshot (GTK_WIDGET (w), "12-bad-file.png");
          gtk_window_destroy (w);
        }
    }
}

/* Closes the message dialogs open, after a screenshot of the first;
 * returns how many there were, and whether one shows @text. */
static guint
close_dialogs (const char *png,
               const char *text,
               gboolean   *shown)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) dialogs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (w))
        g_ptr_array_add (dialogs, w);
      else
        g_object_unref (w);
    }
  for (guint i = 0; i < dialogs->len; i++)
    {
      if (i == 0)
        screenshot (dialogs->pdata[i], png);
      *shown = *shown || shows_text (dialogs->pdata[i], text);
      gtk_window_destroy (dialogs->pdata[i]);
    }
  spin (50);
  return dialogs->len;
}

/* Issue 14: a file with a trigger of its own is refused with a message
 * before anything runs on it; a damaged page found later, while reading,
 * turns the window read-only and says so. */
static void
test_crafted_and_damaged (void)
{
  g_autofree char *crafted = g_build_filename (dir, "Подделка.shnor", NULL);
  g_autofree char *damaged = g_build_filename (dir, "Повреждён.shnor", NULL);
  g_autoptr(GFile) crafted_file = g_file_new_for_path (crafted);
  g_autoptr(GFile) damaged_file = g_file_new_for_path (damaged);
  g_autoptr(GError) error = NULL;
  gboolean shown = FALSE;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint8 garbage[4096];
  int root;
  FILE *f;

  g_assert_true (shnor_demo_write (crafted, &error));
  g_assert_cmpint (sqlite3_open (crafted, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER evil AFTER INSERT ON school BEGIN DELETE FROM settings; END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  shnor_window_set_document (window, NULL);
  g_assert_false (shnor_application_open_file (app, crafted_file, window));
  spin (200);
  g_assert_cmpuint (close_dialogs ("13-crafted-file.png", "evil", &shown), ==, 1);
  g_assert_true (shown);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child ("stack"))), ==, "welcome");

  /* a damaged page among the sums of identification (what the window's
   * lists read), which an open of a region's file leaves to the readers */
  g_assert_true (shnor_demo_write (damaged, &error));
  g_assert_cmpint (sqlite3_open (damaged, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE name = 'result_sums'", -1,
                                     &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  memset (garbage, 0xff, sizeof garbage);
  f = g_fopen (damaged, "r+b");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, (long) (root - 1) * 4096, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (garbage, 1, sizeof garbage, f), ==, sizeof garbage);
  fclose (f);

  shnor_schema_check_set_small_table (0);
  g_assert_true (shnor_application_open_file (app, damaged_file, window));
  spin (500);
  shnor_schema_check_set_small_table (SHNOR_CHECK_SMALL_TABLE);
  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (child ("read_only_bar"))));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "add-school"));
  shown = FALSE;
  g_assert_cmpuint (close_dialogs ("14-damaged-file.png", "damaged", &shown), ==, 1);
  screenshot (GTK_WIDGET (window), "15-damaged-read-only.png");
  shnor_window_set_document (window, NULL);
}

/* A start without files reopens the last file used. */
static void
test_reopen_last (void)
{
  g_autoptr(GFile) demo = g_file_new_for_path (demo_path);
  GList *windows;
  ShnorDocument *doc;
  g_autoptr(GFile) reopened = NULL;

  g_assert_true (shnor_application_open_file (app, demo, window));
  spin (100);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (100);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));

  g_application_activate (G_APPLICATION (app));
  spin (300);
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_nonnull (windows);
  window = windows->data;
  doc = shnor_window_get_document (window);
  g_assert_nonnull (doc);
  reopened = g_file_new_for_path (shnor_document_get_path (doc));
  g_assert_true (g_file_equal (reopened, demo));
}

/* The divider of the school list is remembered (with the schema) */
static GtkWidget *network_child (const char *name);

static void
test_pane_remembered (void)
{
  GSettings *settings = shnor_application_get_settings (app);
  GtkWidget *paned = gtk_widget_get_ancestor (child ("list_pane"), GTK_TYPE_PANED);
  int position;

  g_assert_true (GTK_IS_PANED (paned));
  if (settings == NULL)
    {
      g_test_skip ("no settings schema");
      return;
    }
  /* narrower than now: a position the window surely holds */
  position = gtk_paned_get_position (GTK_PANED (paned)) - 30;
  gtk_paned_set_position (GTK_PANED (paned), position);
  spin (50);
  g_assert_cmpint (g_settings_get_int (settings, "schools-pane"), ==, position);
  g_settings_set_int (settings, "schools-pane", position + 10);
  spin (50);
  g_assert_cmpint (gtk_paned_get_position (GTK_PANED (paned)), ==, position + 10);

  /* the network's partnerships and the bank's practices too */
  {
    GtkWidget *network = child ("network");
    GtkWidget *panes[] = {
      gtk_widget_get_ancestor (network_child ("partnership_list"), GTK_TYPE_PANED),
      gtk_widget_get_ancestor (shnor_bank_view_get_child (SHNOR_BANK_VIEW (network_child ("bank")), "practice_list"),
                               GTK_TYPE_PANED),
    };
    const char *keys[] = { "network-pane", "bank-pane" };

    g_assert_nonnull (network);
    for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
      {
        g_assert_true (GTK_IS_PANED (panes[i]));
        gtk_paned_set_position (GTK_PANED (panes[i]), 333 + (int) i);
        g_assert_cmpint (g_settings_get_int (settings, keys[i]), ==, 333 + (int) i);
        g_settings_set_int (settings, keys[i], 350);
        g_assert_cmpint (gtk_paned_get_position (GTK_PANED (panes[i])), ==, 350);
      }
  }
}

static void
test_settings_presence (void)
{
  /* Without the schema the application works, remembering in memory. */
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) installed =
    source ? g_settings_schema_source_lookup (source, "com.example.Shnor", TRUE) : NULL;

  if (g_getenv ("SHNOR_NO_BUILD_SCHEMAS") != NULL && installed == NULL)
    g_assert_null (shnor_application_get_settings (app));
  else
    g_assert_nonnull (shnor_application_get_settings (app));
}

/* Identification: the badges and the group filter of the list, a
 * school's reasons, its risk profile, and the criteria page, where an
 * edit changes the lists at once and undo brings them back. */
static void
test_identification (void)
{
  ShnorDocument *doc = shnor_window_get_document (window);
  GtkWidget *editor = child ("editor");
  ShnorIdentificationView *identification = SHNOR_IDENTIFICATION_VIEW (child ("identification"));
  ShnorRiskView *risks;
  ShnorIndicatorsView *indicators;
  GtkWidget *cell, *new_entry;
  g_autoptr(GArray) list = NULL;
  double value;
  g_autofree char *reasons = NULL;
  g_autofree char *lists = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(GArray) profile = NULL;
  const char *social = g_dgettext ("shnor", "Unfavourable social conditions (ШНСУ)");
  g_autofree char *two = g_strdup_printf ("%s: 2", social);
  g_autofree char *one = g_strdup_printf ("%s: 1", social);

  spin (100);
  /* ШНОР only: the demo's two clearly low schools */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child ("group_filter")), 1 + SHNOR_GROUP_LOW);
  spin (100);
  g_assert_cmpuint (g_list_model_get_n_items (shown_schools ()), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (shown_schools (), i);

      g_assert_true (shnor_school_get_groups (school) & (1u << SHNOR_GROUP_LOW));
    }
  screenshot (GTK_WIDGET (window), "22-group-filter.png");
  /* a long group name is shortened in the button: the window keeps its size */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1200);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child ("group_filter")), 0);
  spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (shown_schools ()), ==, 12);

  /* Why ООШ с. Верхняя Тура is low and in unfavourable conditions */
  shnor_window_select_school (window, 11);
  spin (50);
  g_assert_cmpstr (shnor_school_get_display_name (selected ()), ==, "ООШ с. Верхняя Тура");
  shnor_school_editor_show_page (SHNOR_SCHOOL_EDITOR (editor), "groups");
  spin (100);
  reasons = shnor_reasons_view_dup_text (SHNOR_REASONS_VIEW (shnor_school_editor_get_reasons_view (
                                           SHNOR_SCHOOL_EDITOR (editor))));
  g_test_message ("%s", reasons);
  g_assert_true (g_str_has_prefix (reasons, "[ШНОР][ШНСУ]"));
  g_assert_nonnull (strstr (reasons, "✓"));
  g_assert_nonnull (strstr (reasons, "2026: "));
  /* the colours say bad, not "met": no criterion of this school is green */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    guint bad = 0;

    collect (shnor_school_editor_get_reasons_view (SHNOR_SCHOOL_EDITOR (editor)), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      {
        GtkWidget *label = labels->pdata[i];

        g_assert_false (gtk_widget_has_css_class (label, "reason-good"));
        if (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "✓"))
          {
            g_assert_true (gtk_widget_has_css_class (label, "reason-bad"));
            bad++;
          }
      }
    g_assert_cmpuint (bad, >=, 2);
  }
  screenshot (GTK_WIDGET (window), "23-reasons.png");

  /* Its risk profile: a level and a note, stored for the year shown */
  shnor_school_editor_show_page (SHNOR_SCHOOL_EDITOR (editor), "risks");
  spin (100);
  risks = SHNOR_RISK_VIEW (shnor_school_editor_get_risk_view (SHNOR_SCHOOL_EDITOR (editor)));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (shnor_risk_view_get_level (risks, 1)), SHNOR_RISK_HIGH);
  spin (50);
  type_into (SHNOR_FIELD_ENTRY (shnor_risk_view_get_note (risks, 1)), "Две вакансии: математика, физика");
  spin (100);
  profile = shnor_document_get_risk_profile (doc, 11, 2026);
  g_assert_cmpint (g_array_index (profile, ShnorRiskLevel, 1).level, ==, SHNOR_RISK_HIGH);
  g_assert_cmpstr (g_array_index (profile, ShnorRiskLevel, 1).note, ==, "Две вакансии: математика, физика");
  screenshot (GTK_WIDGET (window), "24-risks.png");
  /* labelled columns; the factors' names whole, not in entries; no way
   * to delete a factor of every school from one school's page */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    GtkWidget *name = shnor_risk_view_get_factor (risks, 2);

    g_assert_true (GTK_IS_LABEL (name));
    g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (name)), ==, PANGO_ELLIPSIZE_NONE);
    g_assert_true (shows_text (GTK_WIDGET (risks), g_dgettext ("shnor", "Risk factor")));
    g_assert_true (shows_text (GTK_WIDGET (risks), g_dgettext ("shnor", "Level")));
    g_assert_true (shows_text (GTK_WIDGET (risks), g_dgettext ("shnor", "Note")));
    collect (GTK_WIDGET (risks), GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      g_assert_cmpstr (gtk_button_get_icon_name (buttons->pdata[i]), !=, "user-trash-symbolic");
  }
  /* the shared list is edited in the settings: a factor renamed, one
   * deleted from every profile and brought back from the toast */
  {
    GtkWindow *dialog;
    ShnorRiskFactorsEditor *factors;
    g_autoptr(GArray) shared = NULL;
    g_autofree char *said = NULL;
    g_autofree char *deleted = NULL;

    action ("win.edit-risk-factors");
    spin (300);
    dialog = find_toplevel (g_type_from_name ("ShnorSettingsDialog"));
    g_assert_nonnull (dialog);
    factors = SHNOR_RISK_FACTORS_EDITOR (first_of_type (GTK_WIDGET (dialog), SHNOR_TYPE_RISK_FACTORS_EDITOR));
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (factors)));
    screenshot (GTK_WIDGET (dialog), "24-risk-factors.png");
    type_into (SHNOR_FIELD_ENTRY (shnor_risk_factors_editor_get_name (factors, 0)), "Низкий уровень оснащения");
    spin (100);
    shared = shnor_document_get_risk_profile (doc, 11, 2026);
    g_assert_cmpstr (g_array_index (shared, ShnorRiskLevel, 0).factor, ==, "Низкий уровень оснащения");
    deleted = g_strdup (g_array_index (shared, ShnorRiskLevel, 1).factor);
    g_signal_emit_by_name (shnor_risk_factors_editor_get_delete (factors, 1), "clicked");
    spin (200);
    g_clear_pointer (&shared, g_array_unref);
    shared = shnor_document_get_risk_profile (doc, 11, 2026);
    g_assert_cmpstr (g_array_index (shared, ShnorRiskLevel, 1).factor, !=, deleted);
    said = g_strdup_printf (g_dgettext ("shnor", "Risk factor “%s” deleted from the list and the profiles"), deleted);
    screenshot (GTK_WIDGET (dialog), "24-risk-factor-deleted.png");
    undo_by_toast_in (GTK_WIDGET (dialog), said);
    g_clear_pointer (&shared, g_array_unref);
    shared = shnor_document_get_risk_profile (doc, 11, 2026);
    /* back with the school's level and note */
    g_assert_cmpstr (g_array_index (shared, ShnorRiskLevel, 1).factor, ==, deleted);
    g_assert_cmpint (g_array_index (shared, ShnorRiskLevel, 1).level, ==, SHNOR_RISK_HIGH);
    gtk_window_destroy (dialog);
    spin (50);
    action ("win.undo");   /* the name */
  }

  /* Its other yearly indicators, on the context page: a value is stored
   * in place (the same cell keeps the focus), a bad one is refused with
   * nothing changed, and a new indicator gets a row */
  shnor_school_editor_show_page (SHNOR_SCHOOL_EDITOR (editor), "context");
  spin (100);
  indicators = SHNOR_INDICATORS_VIEW (shnor_school_editor_get_indicators_view (SHNOR_SCHOOL_EDITOR (editor)));
  list = shnor_document_get_indicators (doc);
  g_assert_cmpuint (list->len, ==, 1);
  cell = shnor_indicators_view_get_cell (indicators, 0, 2026);
  g_assert_nonnull (cell);
  type_into (SHNOR_FIELD_ENTRY (cell), "12,5");
  spin (100);
  g_assert_true (shnor_document_get_indicator_value (doc, 11, g_array_index (list, ShnorIndicator, 0).id, 2026, &value));
  g_assert_cmpfloat (value, ==, 12.5);
  g_assert_true (shnor_indicators_view_get_cell (indicators, 0, 2026) == cell);
  type_into (SHNOR_FIELD_ENTRY (cell), "двенадцать");
  spin (50);
  g_assert_true (shnor_document_get_indicator_value (doc, 11, g_array_index (list, ShnorIndicator, 0).id, 2026, &value));
  g_assert_cmpfloat (value, ==, 12.5);
  g_assert_true (shnor_field_entry_revert (SHNOR_FIELD_ENTRY (cell)));
  new_entry = shnor_indicators_view_get_new_entry (indicators);
  gtk_editable_set_text (GTK_EDITABLE (new_entry), "Участники олимпиад, %");
  g_signal_emit_by_name (new_entry, "activate");
  spin (100);
  g_clear_pointer (&list, g_array_unref);
  list = shnor_document_get_indicators (doc);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_nonnull (shnor_indicators_view_get_cell (indicators, 1, 2026));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_entry)), ==, "");
  type_into (SHNOR_FIELD_ENTRY (shnor_indicators_view_get_cell (indicators, 1, 2025)), "4");
  spin (100);
  {
    GtkWidget *scroll = gtk_widget_get_ancestor (GTK_WIDGET (indicators), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroll));

    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    spin (100);
  }
  screenshot (GTK_WIDGET (window), "26-indicators.png");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1200);
  action ("win.undo");
  action ("win.undo");
  spin (100);
  g_clear_pointer (&list, g_array_unref);
  list = shnor_document_get_indicators (doc);
  g_assert_cmpuint (list->len, ==, 1);

  /* The criteria page: ШНСУ from an index of 40 instead of 35 leaves one
   * school of two; undo brings the other back */
  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "identification");
  spin (200);
  lists = shnor_identification_view_dup_lists (identification);
  g_test_message ("%s", lists);
  g_assert_nonnull (strstr (lists, two));
  screenshot (GTK_WIDGET (window), "25-identification.png");
  type_into (SHNOR_FIELD_ENTRY (shnor_identification_view_get_cell (identification, 4, 3)), "40");
  spin (200);
  edited = shnor_identification_view_dup_lists (identification);
  g_assert_nonnull (strstr (edited, one));
  action ("win.undo");
  spin (200);
  undone = shnor_identification_view_dup_lists (identification);
  g_assert_nonnull (strstr (undone, two));

  /* a copy of the set, deleted at once; its toast brings it back */
  {
    GtkWidget *copy = button_with_tooltip (GTK_WIDGET (identification), "Copy the set to adapt it for a new order");
    GtkWidget *remove = button_with_tooltip (GTK_WIDGET (identification), "Delete the set");
    g_autoptr(GPtrArray) sets = shnor_document_get_criteria_sets (doc);
    guint n = sets->len;
    g_autofree char *said = NULL;

    g_signal_emit_by_name (copy, "clicked");
    spin (200);
    g_ptr_array_unref (g_steal_pointer (&sets));
    sets = shnor_document_get_criteria_sets (doc);
    g_assert_cmpuint (sets->len, ==, n + 1);
    for (guint i = 0; i < sets->len; i++)
      if (i == 0 || ((ShnorCriteriaSet *) sets->pdata[i])->id > ((ShnorCriteriaSet *) sets->pdata[0])->id)
        {
          g_free (said);
          said = g_strdup_printf (g_dgettext ("shnor", "Criteria set “%s” deleted"),
                                  ((ShnorCriteriaSet *) sets->pdata[i])->name);
        }
    g_signal_emit_by_name (remove, "clicked");
    spin (200);
    g_ptr_array_unref (g_steal_pointer (&sets));
    sets = shnor_document_get_criteria_sets (doc);
    g_assert_cmpuint (sets->len, ==, n);
    screenshot (GTK_WIDGET (window), "25-criteria-set-deleted.png");
    undo_by_toast (said);
    g_ptr_array_unref (g_steal_pointer (&sets));
    sets = shnor_document_get_criteria_sets (doc);
    g_assert_cmpuint (sets->len, ==, n + 1);
    action ("win.undo");   /* the copy */
  }

  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "schools");
  shnor_school_editor_show_page (SHNOR_SCHOOL_EDITOR (editor), "profile");
  spin (50);
}

/* Types @text into a field (an entry or a long text's view) and commits
 * it as leaving the field does. */
static void
type_text (GtkWidget  *field,
           const char *text)
{
  GtkWidget *input = shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (field));

  g_assert_true (gtk_widget_get_visible (input));
  gtk_widget_grab_focus (input);
  if (GTK_IS_TEXT_VIEW (input))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (input), text);
  gtk_root_set_focus (gtk_widget_get_root (input), NULL);
  spin (80);
}

static void
add_part_row (ShnorPartEditor *part,
              const char      *text)
{
  GtkWidget *entry = shnor_part_editor_get_new_entry (part);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  spin (100);
}

static void
section_screenshot (ShnorProgrammesView *view,
                    const char          *section,
                    const char          *file)
{
  shnor_programmes_view_show_section (view, section);
  spin (100);
  screenshot (GTK_WIDGET (window), file);
}

static ShnorPartEditor *
part_editor (ShnorProgrammesView *view,
             ShnorPart            part)
{
  return SHNOR_PART_EDITOR (shnor_programmes_view_get_part (view, part));
}

static guint
part_rows (gint64    programme,
           ShnorPart part)
{
  g_autoptr(GArray) rows = shnor_document_get_part (shnor_window_get_document (window), programme, part);

  return rows->len;
}

/* The demo's approved programme, read-only; a new school programme from
 * a template: passport, a refused period, participants, an indicator with
 * targets and actual values and their achievement, a risk, tasks moved
 * and the move undone, financing; approval, a refused edit, an amendment
 * and the history. */
static void
test_programmes (void)
{
  ShnorDocument *doc = shnor_window_get_document (window);
  ShnorProgrammesView *view = SHNOR_PROGRAMMES_VIEW (child ("programmes"));
  g_autoptr(GListModel) listed = shnor_document_get_programmes (doc, FALSE);
  g_autoptr(ShnorProgramme) approved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *title, *last_year, *popover;
  ShnorPartEditor *indicators, *tasks, *risks;
  g_autoptr(GArray) plan = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autofree char *stored = NULL;
  gint64 id, amendment;
  guint n_tasks;

  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "programmes");
  spin (200);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 2);
  /* the search is the school list's */
  g_assert_false (gtk_widget_get_visible (child ("search_button")));

  /* The approved municipal programme: every section read-only */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ShnorProgramme) p = g_list_model_get_item (listed, i);

      if (shnor_programme_get_status (p) == SHNOR_PROGRAMME_APPROVED)
        approved = g_object_ref (p);
    }
  g_assert_nonnull (approved);
  g_assert_true (shnor_programmes_view_select (view, shnor_programme_get_id (approved)));
  spin (100);
  section_screenshot (view, "passport", "30-programme-approved.png");
  title = shnor_programmes_view_get_passport_field (view, "title");
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (title)))));
  /* and looks it: text on the page, not an entry */
  g_assert_true (gtk_widget_has_css_class (title, "read-only"));
  g_assert_false (gtk_widget_get_sensitive (shnor_part_editor_get_new_entry (part_editor (view, SHNOR_PART_TASK))));
  /* no line to add rows with, no buttons to move or delete them */
  g_assert_false (gtk_widget_get_visible (
                    gtk_widget_get_parent (shnor_part_editor_get_new_entry (part_editor (view, SHNOR_PART_TASK)))));
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    collect (GTK_WIDGET (part_editor (view, SHNOR_PART_TASK)), GTK_TYPE_BUTTON, buttons);
    GtkWidget *add_line = gtk_widget_get_parent (shnor_part_editor_get_new_entry (part_editor (view, SHNOR_PART_TASK)));

    g_assert_cmpuint (buttons->len, >, 1);
    for (guint i = 0; i < buttons->len; i++)
      g_assert_false (gtk_widget_get_parent (buttons->pdata[i]) != add_line &&
                      gtk_widget_get_visible (buttons->pdata[i]));
  }
  section_screenshot (view, "indicators", "31-programme-indicators-bound.png");
  section_screenshot (view, "approval", "32-programme-approval.png");

  /* Ctrl+N in this view offers a new programme */
  action ("win.add-school");
  popover = shnor_programmes_view_get_child (view, "new_popover");
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (shnor_programmes_view_get_child (view, "template_drop")),
                              SHNOR_TEMPLATE_ANTI_RISK);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (shnor_programmes_view_get_child (view, "school_drop")), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (shnor_programmes_view_get_child (view, "year_spin")), 2026);
  spin (50);
  screenshot (popover, "33-new-programme.png");
  g_signal_emit_by_name (shnor_programmes_view_get_child (view, "create_button"), "clicked");
  spin (200);
  g_assert_false (gtk_widget_get_visible (popover));
  id = shnor_programmes_view_get_shown (view);
  g_assert_cmpint (id, !=, 0);
  g_assert_cmpint (id, !=, shnor_programme_get_id (approved));
  g_assert_cmpuint (part_rows (id, SHNOR_PART_STAGE), ==, 4);
  n_tasks = part_rows (id, SHNOR_PART_TASK);
  g_assert_cmpuint (n_tasks, >=, 2);

  /* The passport: a title typed in; a period that ends before it starts
   * is refused at the field and nothing changes */
  title = shnor_programmes_view_get_passport_field (view, "title");
  g_assert_false (gtk_widget_has_css_class (title, "read-only"));
  type_text (title, "Антирисковая программа: тест");
  stored = shnor_document_dup_programme_text (doc, id, "title");
  g_assert_cmpstr (stored, ==, "Антирисковая программа: тест");
  last_year = shnor_programmes_view_get_passport_field (view, "last_year");
  type_text (last_year, "2020");
  g_clear_pointer (&stored, g_free);
  stored = shnor_document_dup_programme_text (doc, id, "last_year");
  g_assert_cmpstr (stored, !=, "2020");
  g_assert_nonnull (gtk_widget_get_tooltip_text (shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (last_year))));
  section_screenshot (view, "passport", "34-programme-passport-refused.png");
  g_assert_true (shnor_field_entry_revert (SHNOR_FIELD_ENTRY (last_year)));

  /* Participants */
  shnor_programmes_view_show_section (view, "participants");
  spin (50);
  {
    GtkWidget *box = shnor_programmes_view_get_child (view, "schools_box");
    GtkWidget *first = gtk_widget_get_first_child (box);
    g_autoptr(GArray) schools = NULL;

    gtk_check_button_set_active (GTK_CHECK_BUTTON (first), !gtk_check_button_get_active (GTK_CHECK_BUTTON (first)));
    spin (100);
    schools = shnor_document_get_programme_schools (doc, id);
    g_assert_cmpuint (schools->len, ==, 2);
    screenshot (GTK_WIDGET (window), "35-programme-participants.png");
  }

  /* A target indicator in %: a target and an actual value give the
   * achievement; a target above 100 % is refused */
  indicators = part_editor (view, SHNOR_PART_INDICATOR);
  shnor_programmes_view_show_section (view, "indicators");
  /* without indicators the section says what to do */
  {
    g_autoptr(GArray) rows = shnor_document_get_part (doc, id, SHNOR_PART_INDICATOR);

    for (guint i = 0; i < rows->len; i++)
      g_assert_true (shnor_document_delete_part_row (doc, SHNOR_PART_INDICATOR,
                                                     g_array_index (rows, ShnorPartRow, i).id, NULL));
    spin (200);
    g_assert_nonnull (first_of_type (GTK_WIDGET (indicators), ADW_TYPE_STATUS_PAGE));
    g_assert_true (gtk_widget_get_mapped (first_of_type (GTK_WIDGET (indicators), ADW_TYPE_STATUS_PAGE)));
    screenshot (GTK_WIDGET (window), "36-programme-no-indicators.png");
    for (guint i = 0; i < rows->len; i++)
      action ("win.undo");
    spin (200);
    g_assert_cmpuint (part_rows (id, SHNOR_PART_INDICATOR), ==, rows->len);
  }
  {
    guint n = part_rows (id, SHNOR_PART_INDICATOR);
    GtkWidget *target, *actual;

    add_part_row (indicators, "Доля обучающихся с «2» по математике");
    g_assert_cmpuint (part_rows (id, SHNOR_PART_INDICATOR), ==, n + 1);
    type_text (shnor_part_editor_get_field (indicators, n, "unit"), "%");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (shnor_part_editor_get_field (indicators, n, "direction")), 1);
    spin (100);
    target = shnor_part_editor_get_plan_cell (indicators, n, 2026, FALSE);
    type_text (target, "15");
    actual = shnor_part_editor_get_plan_cell (indicators, n, 2026, TRUE);
    type_text (actual, "12,5");
    {
      g_autoptr(GArray) rows = shnor_document_get_part (doc, id, SHNOR_PART_INDICATOR);

      plan = shnor_document_get_indicator_plan (doc, g_array_index (rows, ShnorPartRow, n).id);
    }
    g_assert_cmpint (g_array_index (plan, ShnorIndicatorYear, 0).achievement, ==, SHNOR_ACHIEVEMENT_MET);
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (shnor_part_editor_get_achievement (indicators, n, 2026))), "✓"));
    type_text (shnor_part_editor_get_plan_cell (indicators, n, 2027, FALSE), "150");
    g_assert_nonnull (shnor_part_editor_get_error (indicators));
    g_assert_nonnull (strstr (shnor_part_editor_get_error (indicators), "2027"));
    {
      GtkWidget *scroll = gtk_widget_get_ancestor (GTK_WIDGET (indicators), GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroll));

      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      spin (100);
    }
    screenshot (GTK_WIDGET (window), "36-programme-indicator.png");
  }

  /* A risk; tasks moved by a drop and put back by undo */
  risks = part_editor (view, SHNOR_PART_RISK);
  add_part_row (risks, "Болезнь учителя математики в период подготовки к ОГЭ");
  section_screenshot (view, "risks", "37-programme-risks.png");
  tasks = part_editor (view, SHNOR_PART_TASK);
  before = shnor_document_get_part (doc, id, SHNOR_PART_TASK);
  shnor_part_editor_move_row (tasks, 0, n_tasks - 1);
  spin (100);
  after = shnor_document_get_part (doc, id, SHNOR_PART_TASK);
  g_assert_cmpint (g_array_index (after, ShnorPartRow, n_tasks - 1).id, ==, g_array_index (before, ShnorPartRow, 0).id);
  section_screenshot (view, "tasks", "38-programme-tasks.png");
  action ("win.undo");
  spin (100);
  g_clear_pointer (&after, g_array_unref);
  after = shnor_document_get_part (doc, id, SHNOR_PART_TASK);
  g_assert_cmpint (g_array_index (after, ShnorPartRow, 0).id, ==, g_array_index (before, ShnorPartRow, 0).id);

  section_screenshot (view, "analysis", "39-programme-analysis.png");
  section_screenshot (view, "stages", "40-programme-stages.png");
  section_screenshot (view, "acts", "41-programme-acts.png");

  /* Financing: an amount, and the totals computed */
  shnor_programmes_view_show_section (view, "financing");
  spin (50);
  {
    GtkWidget *grid = shnor_programmes_view_get_child (view, "financing_grid");
    double amount = 0;
    g_autofree char *total = shnor_number_format_money (120.5);   /* 120,50: thousand roubles with the kopecks */

    type_text (gtk_grid_get_child_at (GTK_GRID (grid), 1, 1 + SHNOR_SOURCE_LOCAL), "120,5");
    g_assert_true (shnor_document_get_financing (doc, id, 2026, SHNOR_SOURCE_LOCAL, &amount));
    g_assert_cmpfloat (amount, ==, 120.5);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 1, 1 + SHNOR_N_SOURCES))),
                     ==, total);
    screenshot (GTK_WIDGET (window), "42-programme-financing.png");
  }

  /* Approval: refused without a date, then approved; the core refuses an
   * edit and the view shows it read-only */
  shnor_programmes_view_show_section (view, "approval");
  spin (50);
  gtk_menu_button_popup (GTK_MENU_BUTTON (shnor_programmes_view_get_child (view, "approve_button")));
  spin (100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (shnor_programmes_view_get_child (view, "approve_signatory"))),
                   !=, "");
  gtk_editable_set_text (GTK_EDITABLE (shnor_programmes_view_get_child (view, "approve_number")), "112-од");
  gtk_editable_set_text (GTK_EDITABLE (shnor_programmes_view_get_child (view, "approve_date")), "31.02.2026");
  g_signal_emit_by_name (shnor_programmes_view_get_child (view, "approve_confirm"), "clicked");
  spin (100);
  g_assert_true (gtk_widget_get_visible (shnor_programmes_view_get_child (view, "approve_error")));
  screenshot (shnor_programmes_view_get_child (view, "approve_popover"), "43-approve-refused.png");
  gtk_editable_set_text (GTK_EDITABLE (shnor_programmes_view_get_child (view, "approve_date")), "01.09.2026");
  g_signal_emit_by_name (shnor_programmes_view_get_child (view, "approve_confirm"), "clicked");
  spin (200);
  {
    g_autoptr(ShnorProgramme) p = shnor_document_dup_programme (doc, id);

    g_assert_cmpint (shnor_programme_get_status (p), ==, SHNOR_PROGRAMME_APPROVED);
  }
  g_assert_false (shnor_document_set_programme_field (doc, id, "goal", "другая цель", &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_READ_ONLY);
  g_clear_error (&error);
  title = shnor_programmes_view_get_passport_field (view, "title");
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (title)))));
  /* and looks it: text on the page, not an entry */
  g_assert_true (gtk_widget_has_css_class (title, "read-only"));
  g_assert_false (gtk_widget_get_sensitive (shnor_part_editor_get_new_entry (indicators)));
  g_assert_true (gtk_widget_get_visible (shnor_programmes_view_get_child (view, "locked_bar")));
  screenshot (GTK_WIDGET (window), "44-programme-approved-now.png");

  /* An amendment: a new draft version, the history lists both */
  g_signal_emit_by_name (shnor_programmes_view_get_child (view, "amend_button"), "clicked");
  spin (200);
  amendment = shnor_programmes_view_get_shown (view);
  g_assert_cmpint (amendment, !=, id);
  {
    g_autoptr(ShnorProgramme) p = shnor_document_dup_programme (doc, amendment);
    g_autoptr(GListModel) history = shnor_document_get_programme_history (doc, amendment);

    g_assert_cmpint (shnor_programme_get_status (p), ==, SHNOR_PROGRAMME_DRAFT);
    g_assert_cmpint (shnor_programme_get_version (p), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  }
  g_assert_cmpuint (part_rows (amendment, SHNOR_PART_RISK), ==, part_rows (id, SHNOR_PART_RISK));
  title = shnor_programmes_view_get_passport_field (view, "title");
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (title)))));
  section_screenshot (view, "approval", "45-programme-amendment.png");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1200);

  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "schools");
  spin (50);
  g_assert_true (gtk_widget_get_visible (child ("search_button")));
}

static GtkWidget *
roadmap_child (ShnorRoadmapView *roadmap,
               const char       *name)
{
  GtkWidget *w = shnor_roadmap_view_get_child (roadmap, name);

  g_assert_nonnull (w);
  return w;
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  spin (100);
}

/* The road map's list has @key for @action */
static void
assert_key (GtkWidget       *list,
            guint            key,
            GdkModifierType  mods,
            const char      *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);
  gboolean found = FALSE;

  for (guint c = 0; c < g_list_model_get_n_items (controllers) && !found; c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !found; i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          found = GTK_IS_KEYVAL_TRIGGER (trigger) && GTK_IS_NAMED_ACTION (named) &&
                  gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == key &&
                  gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods &&
                  g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action);
        }
    }
  g_assert_true (found);
}

/* A new programme's empty road map says what to do, and its list has the
 * whole height (no empty pane of a measure under it); a draft deleted
 * from its button comes back from the toast's «Отменить». (The section of
 * target indicators without any: test_programmes.) */
static void
test_programme_empty_states (void)
{
  ShnorDocument *doc = shnor_window_get_document (window);
  ShnorProgrammesView *view = SHNOR_PROGRAMMES_VIEW (child ("programmes"));
  ShnorRoadmapView *roadmap = SHNOR_ROADMAP_VIEW (shnor_programmes_view_get_child (view, "roadmap"));
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  gint64 id;

  id = shnor_document_add_programme (doc, SHNOR_TEMPLATE_MUNICIPAL_SUPPORT, 0, 2027, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "programmes");
  g_assert_true (shnor_programmes_view_select (view, id));

  section_screenshot (view, "roadmap", "64-programme-empty-roadmap.png");
  {
    g_autoptr(GArray) measures = shnor_document_get_roadmap (doc, id, NULL);

    g_assert_cmpuint (measures->len, ==, 0);
  }
  page = first_of_type (roadmap_child (roadmap, "list"), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, g_dgettext ("shnor", "No measures yet"));
  g_assert_nonnull (adw_status_page_get_description (ADW_STATUS_PAGE (page)));
  g_assert_false (gtk_widget_get_mapped (roadmap_child (roadmap, "editor_box")));

  {
    g_autoptr(ShnorProgramme) shown = shnor_document_dup_programme (doc, id);
    g_autofree char *said = g_strdup_printf (g_dgettext ("shnor", "Programme “%s” deleted"),
                                             shnor_programme_get_title (shown));
    g_autoptr(ShnorProgramme) deleted = NULL;
    g_autoptr(ShnorProgramme) back = NULL;
    g_autoptr(ShnorProgramme) gone = NULL;

    g_signal_emit_by_name (shnor_programmes_view_get_child (view, "delete_button"), "clicked");
    spin (100);
    deleted = shnor_document_dup_programme (doc, id);
    g_assert_null (deleted);
    undo_by_toast (said);
    back = shnor_document_dup_programme (doc, id);
    g_assert_nonnull (back);
    /* and the new programme goes again */
    g_assert_true (shnor_document_undo (doc, NULL));
    gone = shnor_document_dup_programme (doc, id);
    g_assert_null (gone);
  }
  shnor_programmes_view_show_section (view, "passport");
  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "schools");
  spin (100);
}

static void
roadmap_action (ShnorRoadmapView *roadmap,
                const char       *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (roadmap), name, NULL));
  spin (100);
}

/* "1 A|1.1 B": the road map's numbers and titles */
static char *
roadmap_outline (gint64 programme)
{
  g_autoptr(GArray) measures = shnor_document_get_roadmap (shnor_window_get_document (window), programme, NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < measures->len; i++)
    g_string_append_printf (text, "%s%s %s", i ? "|" : "", g_array_index (measures, ShnorMeasure, i).number,
                            g_array_index (measures, ShnorMeasure, i).texts[0]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The demo's approved road map with its overdue marks and the
 * three-level table; a small road map built in the school's draft:
 * added, typed, indented, outdented, moved, a level and an end month,
 * undone, one measure marked done. */
static void
test_roadmap (void)
{
  ShnorDocument *doc = shnor_window_get_document (window);
  ShnorProgrammesView *view = SHNOR_PROGRAMMES_VIEW (child ("programmes"));
  ShnorRoadmapView *roadmap = SHNOR_ROADMAP_VIEW (shnor_programmes_view_get_child (view, "roadmap"));
  g_autoptr(GListModel) listed = shnor_document_get_programmes (doc, FALSE);
  gint64 approved = 0, draft = 0;
  g_autofree char *table = NULL;
  g_autofree char *outline = NULL;
  gint64 first;

  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(ShnorProgramme) p = g_list_model_get_item (listed, i);

      if (shnor_programme_get_status (p) == SHNOR_PROGRAMME_APPROVED && shnor_programme_get_version (p) == 1 &&
          shnor_programme_get_level (p) == SHNOR_PROGRAMME_MUNICIPAL)
        approved = shnor_programme_get_id (p);
      if (shnor_programme_get_status (p) == SHNOR_PROGRAMME_DRAFT && shnor_programme_get_level (p) == SHNOR_PROGRAMME_SCHOOL &&
          strstr (shnor_programme_get_title (p), "Верхняя Тура"))
        draft = shnor_programme_get_id (p);
    }
  g_assert_cmpint (approved, !=, 0);
  g_assert_cmpint (draft, !=, 0);
  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "programmes");
  g_assert_true (shnor_programmes_view_select (view, approved));
  shnor_programmes_view_show_section (view, "roadmap");
  spin (200);
  /* approved: the plan is read-only, the execution is not */
  g_assert_false (gtk_widget_get_sensitive (roadmap_child (roadmap, "add_button")));
  /* the keys run the same (disabled) action: nothing is added */
  {
    g_autofree char *before = roadmap_outline (approved);
    g_autofree char *after = NULL;

    gtk_widget_activate_action (GTK_WIDGET (roadmap), "roadmap.add", NULL);
    spin (50);
    after = roadmap_outline (approved);
    g_assert_cmpstr (before, ==, after);
  }
  screenshot (GTK_WIDGET (window), "50-roadmap-approved.png");
  gtk_stack_set_visible_child_name (GTK_STACK (roadmap_child (roadmap, "presentations")), "levels");
  spin (100);
  table = shnor_roadmap_view_dup_table (roadmap);
  /* a school-level measure stands in the school column only */
  g_assert_nonnull (strstr (table, "\t\t\tНазначить в школах ответственных"));
  screenshot (GTK_WIDGET (window), "51-roadmap-three-levels.png");
  gtk_stack_set_visible_child_name (GTK_STACK (roadmap_child (roadmap, "presentations")), "list");

  /* the school's draft: a small road map */
  g_assert_true (shnor_programmes_view_select (view, draft));
  spin (100);
  click (roadmap_child (roadmap, "add_button"));
  first = shnor_roadmap_view_get_selected (roadmap);
  g_assert_cmpint (first, !=, 0);
  type_text (shnor_roadmap_view_get_editor_field (roadmap, "title"), "Диагностика");
  /* the keys of the list run the toolbar's actions */
  assert_key (roadmap_child (roadmap, "list"), GDK_KEY_Insert, 0, "roadmap.add");
  assert_key (roadmap_child (roadmap, "list"), GDK_KEY_Delete, 0, "roadmap.delete");
  assert_key (roadmap_child (roadmap, "list"), GDK_KEY_Up, GDK_ALT_MASK, "roadmap.up");
  assert_key (roadmap_child (roadmap, "list"), GDK_KEY_Down, GDK_ALT_MASK, "roadmap.down");
  assert_key (roadmap_child (roadmap, "list"), GDK_KEY_Right, GDK_ALT_MASK, "roadmap.indent");
  assert_key (roadmap_child (roadmap, "list"), GDK_KEY_Left, GDK_ALT_MASK, "roadmap.outdent");
  roadmap_action (roadmap, "roadmap.add");
  type_text (shnor_roadmap_view_get_editor_field (roadmap, "title"), "Анализ ВПР");
  roadmap_action (roadmap, "roadmap.indent");
  roadmap_action (roadmap, "roadmap.add");
  type_text (shnor_roadmap_view_get_editor_field (roadmap, "title"), "Семинар");
  g_free (outline);
  outline = roadmap_outline (draft);
  g_assert_cmpstr (outline, ==, "1 Диагностика|1.1 Анализ ВПР|1.2 Семинар");
  roadmap_action (roadmap, "roadmap.outdent");
  click (roadmap_child (roadmap, "up_button"));
  g_free (outline);
  outline = roadmap_outline (draft);
  g_assert_cmpstr (outline, ==, "1 Семинар|2 Диагностика|2.1 Анализ ВПР");
  /* its end month and a level; a bad month refused at the field */
  type_text (shnor_roadmap_view_get_editor_field (roadmap, "end_month"), "13.2026");
  g_assert_nonnull (gtk_widget_get_tooltip_text (shnor_field_entry_get_input (
                      SHNOR_FIELD_ENTRY (shnor_roadmap_view_get_editor_field (roadmap, "end_month")))));
  type_text (shnor_roadmap_view_get_editor_field (roadmap, "end_month"), "ноябрь 2026");
  {
    g_autoptr(GArray) measures = shnor_document_get_roadmap (doc, draft, NULL);

    g_assert_cmpstr (g_array_index (measures, ShnorMeasure, 0).texts[shnor_measure_field_index ("end_month")], ==,
                     "11.2026");
  }
  /* undo the month, then the move: Семинар is second again */
  action ("win.undo");
  action ("win.undo");
  spin (100);
  g_free (outline);
  outline = roadmap_outline (draft);
  g_assert_cmpstr (outline, ==, "1 Диагностика|1.1 Анализ ВПР|2 Семинар");
  action ("win.redo");
  action ("win.redo");
  spin (100);
  g_free (outline);
  outline = roadmap_outline (draft);
  g_assert_cmpstr (outline, ==, "1 Семинар|2 Диагностика|2.1 Анализ ВПР");
  /* Delete: «Диагностика» with its sub-measure, at once, with a toast
   * whose «Отменить» brings both back */
  {
    g_autoptr(GArray) measures = shnor_document_get_roadmap (doc, draft, NULL);
    g_autofree char *said = NULL;

    shnor_roadmap_view_select (roadmap, g_array_index (measures, ShnorMeasure, 1).id);
    spin (50);
    roadmap_action (roadmap, "roadmap.delete");
    g_free (outline);
    outline = roadmap_outline (draft);
    g_assert_cmpstr (outline, ==, "1 Семинар");
    said = g_strdup_printf (g_dgettext ("shnor", "Measure %s “%s” deleted with its sub-measures"), "2", "Диагностика");
    screenshot (GTK_WIDGET (window), "53-roadmap-deleted.png");
    undo_by_toast (said);
    g_free (outline);
    outline = roadmap_outline (draft);
    g_assert_cmpstr (outline, ==, "1 Семинар|2 Диагностика|2.1 Анализ ВПР");
  }
  /* mark the first done: the date is today's unless changed */
  shnor_roadmap_view_select (roadmap, first);
  spin (50);
  click (shnor_roadmap_view_get_editor_field (roadmap, "done_button"));
  {
    GtkWidget *done = shnor_roadmap_view_get_editor_field (roadmap, "done_button");
    GtkWidget *popover = gtk_widget_get_last_child (done);
    g_autoptr(GArray) measures = NULL;

    g_assert_true (GTK_IS_POPOVER (popover));
    gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (popover), "evidence")), "Справка по итогам диагностики");
    screenshot (popover, "52-roadmap-done.png");
    click (g_object_get_data (G_OBJECT (popover), "confirm"));
    measures = shnor_document_get_roadmap (doc, draft, NULL);
    for (guint i = 0; i < measures->len; i++)
      if (g_array_index (measures, ShnorMeasure, i).id == first)
        g_assert_cmpint (g_array_index (measures, ShnorMeasure, i).status, ==, SHNOR_MEASURE_DONE);
  }
  spin (100);
  screenshot (GTK_WIDGET (window), "53-roadmap-draft.png");

  /* the people list: a position edited; a responsible person not deleted */
  gtk_menu_button_popup (GTK_MENU_BUTTON (roadmap_child (roadmap, "people_button")));
  spin (100);
  {
    GtkWidget *grid = roadmap_child (roadmap, "people_grid");
    g_autoptr(GArray) people = shnor_document_get_people (doc);

    g_assert_cmpuint (people->len, >=, 5);
    type_text (gtk_grid_get_child_at (GTK_GRID (grid), 1, 1), "заместитель начальника");
    g_clear_pointer (&people, g_array_unref);
    people = shnor_document_get_people (doc);
    g_assert_cmpstr (g_array_index (people, ShnorPerson, 0).position, ==, "заместитель начальника");
    click (gtk_grid_get_child_at (GTK_GRID (grid), 3, 1));
    g_assert_true (gtk_widget_get_visible (roadmap_child (roadmap, "people_error")));
    g_clear_pointer (&people, g_array_unref);
    people = shnor_document_get_people (doc);
    g_assert_cmpuint (people->len, >=, 5);
    screenshot (roadmap_child (roadmap, "people_popover"), "56-people.png");
    gtk_popover_popdown (GTK_POPOVER (roadmap_child (roadmap, "people_popover")));
  }
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1200);
  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "schools");
  spin (50);
}

/* The road map's button that adds a table of @kind */
static GtkWidget *
kind_button (ShnorRoadmapView *roadmap,
             ShnorTableKind    kind)
{
  GtkWidget *w = gtk_widget_get_first_child (roadmap_child (roadmap, "table_kinds"));

  /* a heading, then a button per kind */
  for (guint i = 0; w != NULL && i <= (guint) kind; i++)
    w = gtk_widget_get_next_sibling (w);
  g_assert_true (GTK_IS_BUTTON (w));
  return w;
}

static GArray *
measure_tables (gint64 programme)
{
  return shnor_document_get_measure_tables (shnor_window_get_document (window), programme);
}

/* A programme as real ones are written, in the school's draft: a table by
 * levels typed cell by cell (seed 003's first rows), its title,
 * introduction and columns; a level of the file's own added and taken
 * away; a second table moved and deleted, and undone; the period in
 * words; a target that is a bound and one for the end of the programme;
 * a risk left unassessed with its responsible person chosen. */
static void
test_programme_model (void)
{
  ShnorDocument *doc = shnor_window_get_document (window);
  ShnorProgrammesView *view = SHNOR_PROGRAMMES_VIEW (child ("programmes"));
  ShnorRoadmapView *roadmap = SHNOR_ROADMAP_VIEW (shnor_programmes_view_get_child (view, "roadmap"));
  g_autoptr(GListModel) listed = shnor_document_get_programmes (doc, FALSE);
  g_autoptr(GArray) tables = NULL;
  g_autofree char *table = NULL;
  static const char * const rows[][3] = {
    { "Назначить муниципального координатора проекта", "Назначить ответственных за мониторинг",
      "Сформировать управленческую команду проекта" },
    { "Организовать региональный мониторинг", "Оказать школам методическую помощь", "" },
  };
  gint64 draft = 0, levels_table, ids[G_N_ELEMENTS (rows)];
  guint n_tables;

  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(ShnorProgramme) p = g_list_model_get_item (listed, i);

      if (shnor_programme_get_status (p) == SHNOR_PROGRAMME_DRAFT && strstr (shnor_programme_get_title (p),
                                                                             "Верхняя Тура"))
        draft = shnor_programme_get_id (p);
    }
  g_assert_cmpint (draft, !=, 0);
  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "programmes");
  g_assert_true (shnor_programmes_view_select (view, draft));
  shnor_programmes_view_show_section (view, "roadmap");
  spin (200);

  /* a table by levels: it opens as the table by levels */
  tables = measure_tables (draft);
  n_tables = tables->len;
  gtk_menu_button_popup (GTK_MENU_BUTTON (roadmap_child (roadmap, "table_add_button")));
  spin (100);
  click (kind_button (roadmap, SHNOR_TABLE_LEVELS));
  g_clear_pointer (&tables, g_array_unref);
  tables = measure_tables (draft);
  g_assert_cmpuint (tables->len, ==, n_tables + 1);
  levels_table = g_array_index (tables, ShnorMeasureTable, n_tables).id;
  g_assert_cmpint (shnor_roadmap_view_get_table (roadmap), ==, levels_table);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (roadmap_child (roadmap, "presentations"))), ==,
                   "levels");

  /* rows typed cell by cell; each cell its level's action */
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      click (roadmap_child (roadmap, "add_button"));
      ids[r] = shnor_roadmap_view_get_selected (roadmap);
      g_assert_cmpint (ids[r], !=, 0);
      g_assert_true (gtk_widget_has_focus (shnor_field_entry_get_input (
                       SHNOR_FIELD_ENTRY (shnor_roadmap_view_get_level_cell (roadmap, ids[r], 0)))));
      for (int l = 0; l < 3; l++)
        type_text (shnor_roadmap_view_get_level_cell (roadmap, ids[r], l), rows[r][l]);
    }
  {
    g_autoptr(GArray) measures = shnor_document_get_roadmap (doc, draft, NULL);
    guint found = 0;

    for (guint i = 0; i < measures->len; i++)
      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        if (g_array_index (measures, ShnorMeasure, i).id == ids[r])
          {
            const ShnorMeasure *m = &g_array_index (measures, ShnorMeasure, i);

            g_assert_cmpint (m->table_id, ==, levels_table);
            g_assert_cmpstr (m->number, ==, r == 0 ? "1" : "2");
            for (int l = 0; l < 3; l++)
              g_assert_cmpstr (m->actions[l], ==, rows[r][l]);
            found++;
          }
    g_assert_cmpuint (found, ==, G_N_ELEMENTS (rows));
  }
  table = shnor_roadmap_view_dup_table (roadmap);
  g_assert_nonnull (strstr (table, "1\tНазначить муниципального координатора проекта\tНазначить ответственных за "
                                   "мониторинг\tСформировать управленческую команду проекта\t"));
  g_assert_nonnull (strstr (table, "2\tОрганизовать региональный мониторинг\tОказать школам методическую помощь"
                                   "\t\t"));
  /* a cell undone is the cell as it was */
  type_text (shnor_roadmap_view_get_level_cell (roadmap, ids[1], 2), "Провести сбор контекстных данных");
  action ("win.undo");
  spin (150);
  g_assert_cmpstr (shnor_field_entry_get_text (SHNOR_FIELD_ENTRY (shnor_roadmap_view_get_level_cell (roadmap, ids[1],
                                                                                                     2))), ==, "");
  action ("win.redo");
  spin (150);
  g_assert_cmpstr (shnor_field_entry_get_text (SHNOR_FIELD_ENTRY (shnor_roadmap_view_get_level_cell (roadmap, ids[1],
                                                                                                     2))), ==,
                   "Провести сбор контекстных данных");

  /* the table's title, introduction and a column */
  gtk_menu_button_popup (GTK_MENU_BUTTON (roadmap_child (roadmap, "table_settings_button")));
  spin (100);
  {
    GtkWidget *grid = roadmap_child (roadmap, "table_grid");

    type_text (g_object_get_data (G_OBJECT (grid), "title"), "Мероприятия по уровням управления");
    type_text (g_object_get_data (G_OBJECT (grid), "intro"),
               "Мероприятия распределены между муниципальным органом, методической службой и школой.");
    gtk_check_button_set_active (GTK_CHECK_BUTTON (g_object_get_data (G_OBJECT (grid), "column-period")), TRUE);
    spin (100);
    screenshot (roadmap_child (roadmap, "table_popover"), "67-roadmap-table-settings.png");
    /* every column can be reached: the last one is inside the popover,
     * not cut off below it */
    {
      GtkWidget *popover = roadmap_child (roadmap, "table_popover");
      GtkWidget *last = g_object_get_data (G_OBJECT (grid), "column-expected");
      graphene_rect_t bounds;

      g_assert_nonnull (last);
      g_assert_true (gtk_widget_compute_bounds (last, popover, &bounds));
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (popover));
    }
    gtk_popover_popdown (GTK_POPOVER (roadmap_child (roadmap, "table_popover")));
  }
  g_clear_pointer (&tables, g_array_unref);
  tables = measure_tables (draft);
  g_assert_cmpstr (g_array_index (tables, ShnorMeasureTable, n_tables).title, ==, "Мероприятия по уровням управления");
  g_assert_true (g_str_has_prefix (g_array_index (tables, ShnorMeasureTable, n_tables).intro, "Мероприятия распределены"));
  g_assert_cmpuint (g_array_index (tables, ShnorMeasureTable, n_tables).columns, ==,
                    SHNOR_COLUMN_BIT (SHNOR_COLUMN_LEVELS) | SHNOR_COLUMN_BIT (SHNOR_COLUMN_PERIOD));
  g_assert_true (gtk_widget_get_visible (roadmap_child (roadmap, "table_intro_label")));
  screenshot (GTK_WIDGET (window), "66-roadmap-levels-editor.png");

  /* the list shows each row's texts */
  gtk_stack_set_visible_child_name (GTK_STACK (roadmap_child (roadmap, "presentations")), "list");
  shnor_roadmap_view_select (roadmap, ids[0]);
  spin (100);
  g_assert_nonnull (shnor_roadmap_view_get_editor_field (roadmap, "action-1"));
  g_assert_cmpstr (shnor_field_entry_get_text (SHNOR_FIELD_ENTRY (shnor_roadmap_view_get_editor_field (roadmap,
                                                                                                       "action-1"))),
                   ==, rows[0][1]);
  screenshot (GTK_WIDGET (window), "68-roadmap-list-texts.png");
  gtk_stack_set_visible_child_name (GTK_STACK (roadmap_child (roadmap, "presentations")), "levels");

  /* a level of the file's own: a column more; unused, it goes again */
  gtk_menu_button_popup (GTK_MENU_BUTTON (roadmap_child (roadmap, "levels_button")));
  spin (100);
  gtk_editable_set_text (GTK_EDITABLE (roadmap_child (roadmap, "new_level")), "ППМС-центр");
  g_signal_emit_by_name (roadmap_child (roadmap, "new_level"), "activate");
  spin (150);
  {
    g_autoptr(GArray) levels = shnor_document_get_levels (doc);

    g_assert_cmpuint (levels->len, ==, 4);
    g_assert_nonnull (shnor_roadmap_view_get_level_cell (roadmap, ids[0], 3));
    screenshot (roadmap_child (roadmap, "levels_popover"), "69-roadmap-levels.png");
    /* the first level is used: refused; the new one is not */
    click (gtk_grid_get_child_at (GTK_GRID (roadmap_child (roadmap, "levels_grid")), 3, 0));
    g_assert_true (gtk_widget_get_visible (roadmap_child (roadmap, "levels_error")));
    click (gtk_grid_get_child_at (GTK_GRID (roadmap_child (roadmap, "levels_grid")), 3, 3));
    g_clear_pointer (&levels, g_array_unref);
    levels = shnor_document_get_levels (doc);
    g_assert_cmpuint (levels->len, ==, 3);
    gtk_popover_popdown (GTK_POPOVER (roadmap_child (roadmap, "levels_popover")));
  }

  /* a management table, moved before the table by levels and deleted;
   * undo brings it back */
  gtk_menu_button_popup (GTK_MENU_BUTTON (roadmap_child (roadmap, "table_add_button")));
  spin (100);
  click (kind_button (roadmap, SHNOR_TABLE_MANAGEMENT));
  click (roadmap_child (roadmap, "table_up_button"));
  g_clear_pointer (&tables, g_array_unref);
  tables = measure_tables (draft);
  g_assert_cmpuint (tables->len, ==, n_tables + 2);
  g_assert_cmpstr (g_array_index (tables, ShnorMeasureTable, n_tables).title, ==, "Мероприятия по управлению");
  gtk_menu_button_popup (GTK_MENU_BUTTON (roadmap_child (roadmap, "table_delete_button")));
  spin (100);
  click (shnor_roadmap_view_get_child (roadmap, "table_delete_confirm"));
  g_clear_pointer (&tables, g_array_unref);
  tables = measure_tables (draft);
  g_assert_cmpuint (tables->len, ==, n_tables + 1);
  action ("win.undo");
  spin (100);
  g_clear_pointer (&tables, g_array_unref);
  tables = measure_tables (draft);
  g_assert_cmpuint (tables->len, ==, n_tables + 2);
  shnor_roadmap_view_show_table (roadmap, levels_table);
  spin (100);
  g_assert_cmpint (shnor_roadmap_view_get_table (roadmap), ==, levels_table);

  /* the period in words */
  shnor_programmes_view_show_section (view, "passport");
  spin (50);
  type_text (shnor_programmes_view_get_passport_field (view, "period_text"),
             "2026 год и плановый период 2027 и 2028 годов");
  {
    g_autofree char *stored = shnor_document_dup_programme_text (doc, draft, "period_text");

    g_assert_cmpstr (stored, ==, "2026 год и плановый период 2027 и 2028 годов");
  }

  /* a bound target and one for the end of the programme */
  shnor_programmes_view_show_section (view, "indicators");
  spin (50);
  {
    ShnorPartEditor *indicators = part_editor (view, SHNOR_PART_INDICATOR);
    guint n = part_rows (draft, SHNOR_PART_INDICATOR);
    g_autoptr(GArray) plan = NULL;
    g_autoptr(GArray) indicator_rows = NULL;
    ShnorIndicatorYear final;

    add_part_row (indicators, "Доля обучающихся, не преодолевших минимальный порог ОГЭ");
    type_text (shnor_part_editor_get_field (indicators, n, "unit"), "%");
    spin (100);
    type_text (shnor_part_editor_get_plan_cell (indicators, n, 2026, FALSE), "не более 5");
    type_text (shnor_part_editor_get_plan_cell (indicators, n, 2026, TRUE), "4");
    type_text (shnor_part_editor_get_plan_cell (indicators, n, 2027, FALSE), "не более 5");
    type_text (shnor_part_editor_get_plan_cell (indicators, n, 2027, TRUE), "7");
    type_text (shnor_part_editor_get_plan_cell (indicators, n, SHNOR_END_OF_PROGRAMME, FALSE), "не более 3");
    indicator_rows = shnor_document_get_part (doc, draft, SHNOR_PART_INDICATOR);
    plan = shnor_document_get_indicator_plan (doc, g_array_index (indicator_rows, ShnorPartRow, n).id);
    g_assert_cmpint (g_array_index (plan, ShnorIndicatorYear, 0).bound, ==, SHNOR_BOUND_AT_MOST);
    g_assert_cmpint (g_array_index (plan, ShnorIndicatorYear, 0).achievement, ==, SHNOR_ACHIEVEMENT_MET);
    g_assert_cmpint (g_array_index (plan, ShnorIndicatorYear, 1).achievement, ==, SHNOR_ACHIEVEMENT_NOT_MET);
    g_assert_true (shnor_document_get_indicator_final (doc, g_array_index (indicator_rows, ShnorPartRow, n).id, &final));
    g_assert_cmpint (final.bound, ==, SHNOR_BOUND_AT_MOST);
    g_assert_cmpint (final.achievement, ==, SHNOR_ACHIEVEMENT_NOT_YET);
    shnor_indicator_year_clear (&final);
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (shnor_part_editor_get_achievement (indicators, n, 2026))),
                              "✓"));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (shnor_part_editor_get_achievement (indicators, n, 2027))),
                              "✗"));
    /* the bound reads back as typed in the interface's words */
    {
      g_autofree char *shown = shnor_format_target (SHNOR_BOUND_AT_MOST, 5);

      g_assert_cmpstr (shnor_field_entry_get_text (SHNOR_FIELD_ENTRY (
                         shnor_part_editor_get_plan_cell (indicators, n, 2026, FALSE))), ==, shown);
    }
    {
      GtkWidget *scroll = gtk_widget_get_ancestor (GTK_WIDGET (indicators), GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroll));

      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      spin (100);
    }
    screenshot (GTK_WIDGET (window), "70-programme-targets-bounds.png");
    /* a long source of actual values (an English one is longest) does not
     * widen the window */
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1200);
  }

  /* a new risk: not assessed; its responsible person from the list */
  shnor_programmes_view_show_section (view, "risks");
  spin (50);
  {
    ShnorPartEditor *risks = part_editor (view, SHNOR_PART_RISK);
    guint n = part_rows (draft, SHNOR_PART_RISK);
    GtkWidget *person, *likelihood;
    g_autoptr(GArray) risk_rows = NULL;

    add_part_row (risks, "Отток учителей математики");
    likelihood = shnor_part_editor_get_field (risks, n, "likelihood");
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (likelihood)), ==, 0);
    person = shnor_part_editor_get_field (risks, n, "owner_id");
    g_assert_true (GTK_IS_DROP_DOWN (person));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (person), 1);
    spin (100);
    risk_rows = shnor_document_get_part (doc, draft, SHNOR_PART_RISK);
    g_assert_cmpstr (g_array_index (risk_rows, ShnorPartRow, n).texts[2], ==, "");
    g_assert_cmpstr (g_array_index (risk_rows, ShnorPartRow, n).texts[4], !=, "");
    {
      GtkWidget *scroll = gtk_widget_get_ancestor (GTK_WIDGET (risks), GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroll));

      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      spin (100);
    }
    screenshot (GTK_WIDGET (window), "71-programme-risks-unassessed.png");
  }
  section_screenshot (view, "tasks", "72-programme-tasks.png");
  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "schools");
  spin (50);
}

/* The Monitoring view: the demo's overdue measures, a filter, and one
 * marked done from there */
static void
test_monitoring (void)
{
  ShnorMonitoringView *monitoring = SHNOR_MONITORING_VIEW (child ("monitoring"));
  guint overdue, filtered;
  GtkWidget *row, *done = NULL;

  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "monitoring");
  spin (200);
  overdue = shnor_monitoring_view_count (monitoring, "overdue");
  g_assert_cmpuint (overdue, >=, 3);
  g_assert_cmpuint (shnor_monitoring_view_count (monitoring, "done"), >=, 1);
  screenshot (GTK_WIDGET (window), "54-monitoring.png");
  /* the approved programme's indicator counted from the network */
  {
    GtkWidget *grid = shnor_monitoring_view_get_child (monitoring, "indicators_grid");
    GtkWidget *scroll = gtk_widget_get_ancestor (grid, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroll));

    g_assert_true (shows_text (grid, "Количество наставнических пар педагогов школ программы"));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    spin (100);
    screenshot (GTK_WIDGET (window), "88-monitoring-network.png");
    gtk_adjustment_set_value (adjustment, 0);
  }

  /* the school level only: fewer or as many */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (shnor_monitoring_view_get_child (monitoring, "level_filter")), 3);
  spin (100);
  filtered = shnor_monitoring_view_count (monitoring, "overdue");
  g_assert_cmpuint (filtered, <, overdue);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (shnor_monitoring_view_get_child (monitoring, "level_filter")), 0);
  spin (100);
  g_assert_cmpuint (shnor_monitoring_view_count (monitoring, "overdue"), ==, overdue);

  /* the first overdue one marked done */
  row = gtk_widget_get_first_child (shnor_monitoring_view_get_child (monitoring, "overdue_list"));
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))); w;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_BUTTON (w))
      done = w;
  g_assert_nonnull (done);
  click (done);
  {
    GtkWidget *popover = gtk_widget_get_last_child (done);

    g_assert_true (GTK_IS_POPOVER (popover));
    gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (popover), "evidence")), "Протокол семинара");
    click (g_object_get_data (G_OBJECT (popover), "confirm"));
  }
  spin (200);
  g_assert_cmpuint (shnor_monitoring_view_count (monitoring, "overdue"), ==, overdue - 1);
  screenshot (GTK_WIDGET (window), "55-monitoring-done.png");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1200);
  /* a toast says which one; its «Отменить» undoes the mark */
  {
    g_autofree char *said = g_strdup_printf (g_dgettext ("shnor", "Done: %s"), "");

    undo_by_toast (said);
  }
  spin (200);
  g_assert_cmpuint (shnor_monitoring_view_count (monitoring, "overdue"), ==, overdue);
  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "schools");
  spin (50);
}

static ShnorOrderDialog *
open_order (gint64 id)
{
  ShnorProgrammesView *view = SHNOR_PROGRAMMES_VIEW (child ("programmes"));
  ShnorOrderDialog *dialog;

  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "programmes");
  g_assert_true (shnor_programmes_view_select (view, id));
  spin (100);
  action ("win.prepare-order");
  spin (300);
  dialog = SHNOR_ORDER_DIALOG (find_toplevel (SHNOR_TYPE_ORDER_DIALOG));
  g_assert_nonnull (dialog);
  return dialog;
}

/* Prepare the order of the demo's approved programme: nothing missing, its
 * pages in the preview at any zoom, a text edited and kept, the pages
 * turned (a landscape road map among them) */
static void
test_order (void)
{
  ShnorDocument *doc = shnor_window_get_document (window);
  g_autoptr(GListModel) listed = shnor_document_get_programmes (doc, FALSE);
  ShnorOrderDialog *dialog = NULL;
  ShnorPreflightList *preflight;
  g_autofree char *title = NULL;
  gint64 approved = 0;
  guint n_pages, landscape = 0;
  double zoom;

  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(ShnorProgramme) p = g_list_model_get_item (listed, i);

      /* the demo's own: the first approved */
      if (shnor_programme_get_status (p) == SHNOR_PROGRAMME_APPROVED &&
          (approved == 0 || shnor_programme_get_id (p) < approved))
        approved = shnor_programme_get_id (p);
    }
  dialog = open_order (approved);
  n_pages = shnor_order_dialog_get_n_pages (dialog);
  g_assert_cmpuint (n_pages, >=, 10);
  preflight = SHNOR_PREFLIGHT_LIST (shnor_order_dialog_get_child (dialog, "preflight"));
  g_assert_cmpuint (shnor_preflight_list_get_n_items (preflight), ==, 0);
  g_assert_true (shows_text (GTK_WIDGET (preflight), "can be signed") ||
                 shows_text (GTK_WIDGET (preflight), "можно подписывать"));
  /* fitted to the width of the preview */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (shnor_order_dialog_get_child (dialog,
                                                                                                "fit_button"))));
  g_assert_cmpfloat (shnor_order_dialog_get_zoom (dialog), >, 0.5);
  screenshot (GTK_WIDGET (dialog), "57-order.png");

  /* the title edited: kept with the programme, in the pages at once */
  type_text (shnor_order_dialog_get_field (dialog, "title"), "Об утверждении муниципальной программы поддержки школ");
  title = shnor_document_dup_order_text (doc, approved, "title");
  g_assert_cmpstr (title, ==, "Об утверждении муниципальной программы поддержки школ");
  click (shnor_order_dialog_get_child (dialog, "next_button"));
  click (shnor_order_dialog_get_child (dialog, "next_button"));
  g_assert_cmpuint (shnor_order_dialog_get_page (dialog), ==, 2);
  screenshot (GTK_WIDGET (dialog), "58-order-appendix.png");
  click (shnor_order_dialog_get_child (dialog, "previous_button"));
  g_assert_cmpuint (shnor_order_dialog_get_page (dialog), ==, 1);
  /* zoom: in and out from the fitted width, and back to fitting */
  zoom = shnor_order_dialog_get_zoom (dialog);
  click (shnor_order_dialog_get_child (dialog, "zoom_in_button"));
  g_assert_cmpfloat (shnor_order_dialog_get_zoom (dialog), >, zoom * 1.2);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (shnor_order_dialog_get_child (dialog,
                                                                                                 "fit_button"))));
  screenshot (GTK_WIDGET (dialog), "59-order-zoomed.png");
  click (shnor_order_dialog_get_child (dialog, "zoom_out_button"));
  click (shnor_order_dialog_get_child (dialog, "zoom_out_button"));
  g_assert_cmpfloat (shnor_order_dialog_get_zoom (dialog), <, zoom);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (shnor_order_dialog_get_child (dialog, "fit_button")), TRUE);
  spin (100);
  g_assert_cmpfloat (fabs (shnor_order_dialog_get_zoom (dialog) - zoom), <, 0.01);
  /* the road map's pages are landscape */
  while (shnor_order_dialog_get_page (dialog) + 1 < n_pages && landscape == 0)
    {
      click (shnor_order_dialog_get_child (dialog, "next_button"));
      if (gtk_drawing_area_get_content_width (GTK_DRAWING_AREA (shnor_order_dialog_get_child (dialog, "preview"))) >
          gtk_drawing_area_get_content_height (GTK_DRAWING_AREA (shnor_order_dialog_get_child (dialog, "preview"))))
        landscape = shnor_order_dialog_get_page (dialog);
    }
  g_assert_cmpuint (landscape, >, 0);
  screenshot (GTK_WIDGET (dialog), "60-order-landscape.png");
  action ("win.undo");
  spin (50);
  g_clear_pointer (&title, g_free);
  title = shnor_document_dup_order_text (doc, approved, "title");
  g_assert_cmpstr (title, !=, "Об утверждении муниципальной программы поддержки школ");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (100);

  /* a draft lacks things: each with a way to its place */
  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(ShnorProgramme) p = g_list_model_get_item (listed, i);
      ShnorProgrammesView *view = SHNOR_PROGRAMMES_VIEW (child ("programmes"));

      if (shnor_programme_get_status (p) != SHNOR_PROGRAMME_DRAFT)
        continue;
      dialog = open_order (shnor_programme_get_id (p));
      preflight = SHNOR_PREFLIGHT_LIST (shnor_order_dialog_get_child (dialog, "preflight"));
      g_assert_cmpuint (shnor_preflight_list_get_n_items (preflight), >=, 3);
      screenshot (GTK_WIDGET (dialog), "61-order-draft.png");
      for (guint k = 0; k < shnor_preflight_list_get_n_items (preflight); k++)
        {
          const ShnorPreflightItem *item = shnor_preflight_list_get_item (preflight, k);

          if (item->target == SHNOR_PREFLIGHT_PROGRAMME && g_strcmp0 (item->column, "customer") == 0)
            {
              GtkWidget *field = shnor_programmes_view_get_passport_field (view, "customer");

              click (shnor_preflight_list_get_button (preflight, k));
              spin (200);
              /* the dialog gave way to the passport, the field in focus */
              g_assert_null (find_toplevel (SHNOR_TYPE_ORDER_DIALOG));
              g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child ("views"))), ==, "programmes");
              g_assert_cmpint (shnor_programmes_view_get_shown (view), ==, shnor_programme_get_id (p));
              {
                GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
                GtkWidget *input = shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (field));

                g_test_message ("focus: %s", focus ? G_OBJECT_TYPE_NAME (focus) : "none");
                g_assert_true (focus != NULL && (focus == input || gtk_widget_is_ancestor (focus, input)));
              }
              screenshot (GTK_WIDGET (window), "62-order-draft-to-passport.png");
              break;
            }
        }
      g_assert_null (find_toplevel (SHNOR_TYPE_ORDER_DIALOG));

      /* the menu's export says first what is missing, and shows where */
      g_assert_true (shnor_programmes_view_select (view, shnor_programme_get_id (p)));
      action ("win.export-programme");
      spin (200);
      {
        GtkWindow *lacking = find_toplevel (GTK_TYPE_MESSAGE_DIALOG);

        g_assert_nonnull (lacking);
        screenshot (GTK_WIDGET (lacking), "63-export-lacking.png");
        gtk_dialog_response (GTK_DIALOG (lacking), 1);
        spin (300);
        dialog = SHNOR_ORDER_DIALOG (find_toplevel (SHNOR_TYPE_ORDER_DIALOG));
        g_assert_nonnull (dialog);
        gtk_window_destroy (GTK_WINDOW (dialog));
        spin (100);
      }
      break;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "schools");
  spin (50);
}


/* ---- every page at a window size ------------------------------------- */

static gboolean
is_control (GtkWidget *w)
{
  return GTK_IS_BUTTON (w) || GTK_IS_ENTRY (w) || GTK_IS_TEXT_VIEW (w) || GTK_IS_DROP_DOWN (w) ||
         GTK_IS_CHECK_BUTTON (w) || GTK_IS_SPIN_BUTTON (w) || GTK_IS_MENU_BUTTON (w) ||
         GTK_IS_COLUMN_VIEW (w) || GTK_IS_LIST_BOX (w) || GTK_IS_SEARCH_ENTRY (w);
}

/* Whether @w can be seen or scrolled to: inside the window, and where it
 * leaves its nearest scrolled window, that one scrolls that way. */
static const char *
widget_hint (GtkWidget *w)
{
  if (GTK_IS_BUTTON (w) && gtk_button_get_label (GTK_BUTTON (w)))
    return gtk_button_get_label (GTK_BUTTON (w));
  if (gtk_widget_get_tooltip_text (w))
    return gtk_widget_get_tooltip_text (w);
  if (GTK_IS_EDITABLE (w))
    return gtk_editable_get_text (GTK_EDITABLE (w));
  return "";
}

static gboolean
reachable (GtkWidget *w,
           GString   *why)
{
  GtkWidget *top = GTK_WIDGET (gtk_widget_get_root (w));
  GtkWidget *scroller = gtk_widget_get_ancestor (gtk_widget_get_parent (w), GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t b, a;
  const double slack = 2;

  if (!gtk_widget_compute_bounds (w, top, &b))
    return TRUE;
  if (scroller == NULL)
    {
      if (!gtk_widget_compute_bounds (top, top, &a))
        return TRUE;
      if (b.origin.x < a.origin.x - slack || b.origin.y < a.origin.y - slack ||
          b.origin.x + b.size.width > a.origin.x + a.size.width + slack ||
          b.origin.y + b.size.height > a.origin.y + a.size.height + slack)
        {
          g_string_append_printf (why, "%s “%s” at %.0f,%.0f %.0f×%.0f is outside the window %.0f×%.0f\n",
                                  G_OBJECT_TYPE_NAME (w), widget_hint (w), b.origin.x, b.origin.y, b.size.width, b.size.height,
                                  a.size.width, a.size.height);
          return FALSE;
        }
      return TRUE;
    }
  {
    GtkPolicyType h, v;

    if (!gtk_widget_compute_bounds (scroller, top, &a))
      return TRUE;
    gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (scroller), &h, &v);
    /* a form is as wide as its pane; a table may be wider where the
     * scroll bar says so (shown, not only when the pointer comes) */
    if ((h == GTK_POLICY_NEVER || h == GTK_POLICY_EXTERNAL ||
         gtk_scrolled_window_get_overlay_scrolling (GTK_SCROLLED_WINDOW (scroller))) &&
        (b.origin.x < a.origin.x - slack || b.origin.x + b.size.width > a.origin.x + a.size.width + slack))
      {
        g_string_append_printf (why, "%s “%s” (%.0f…%.0f) leaves a scrolled window (%.0f…%.0f) without a scroll bar across\n",
                                G_OBJECT_TYPE_NAME (w), widget_hint (w), b.origin.x, b.origin.x + b.size.width, a.origin.x,
                                a.origin.x + a.size.width);
        return FALSE;
      }
    if ((v == GTK_POLICY_NEVER || v == GTK_POLICY_EXTERNAL) &&
        (b.origin.y < a.origin.y - slack || b.origin.y + b.size.height > a.origin.y + a.size.height + slack))
      {
        g_string_append_printf (why, "%s “%s” (%.0f…%.0f) leaves a scrolled window (%.0f…%.0f) that does not scroll down\n",
                                G_OBJECT_TYPE_NAME (w), widget_hint (w), b.origin.y, b.origin.y + b.size.height, a.origin.y,
                                a.origin.y + a.size.height);
        return FALSE;
      }
    return reachable (scroller, why);
  }
}

/* Calls @visit on every mapped widget under @widget, and on its children
 * unless @visit says it looked at the widget whole (returns TRUE) */
static void
walk_mapped (GtkWidget  *widget,
             gboolean  (*visit) (GtkWidget *, GString *),
             GString    *why)
{
  if (!gtk_widget_get_mapped (widget) || visit (widget, why))
    return;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    walk_mapped (c, visit, why);
}

/* A control is in sight or in a pane that scrolls to it */
static gboolean
control_reachable (GtkWidget *widget,
                   GString   *why)
{
  if (!is_control (widget))
    return FALSE;
  reachable (widget, why);
  return GTK_IS_BUTTON (widget) || GTK_IS_ENTRY (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SPIN_BUTTON (widget) || GTK_IS_TEXT_VIEW (widget);
}

/* A column title of a table is whole (the column is at least as wide as
 * its title) */
static gboolean
title_whole (GtkWidget *widget,
             GString   *why)
{
  GtkWidget *label;
  int natural;

  if (!g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkColumnViewTitle"))
    return FALSE;
  label = first_of_type (widget, GTK_TYPE_LABEL);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  if (gtk_widget_get_width (label) < natural)
    g_string_append_printf (why, "the column title “%s” is cut (%d of %d pixels)\n",
                            gtk_label_get_text (GTK_LABEL (label)), gtk_widget_get_width (label), natural);
  return TRUE;
}

/* An entry shows its whole text (for tables whose columns share the room
 * of a large window) */
static gboolean
entry_whole (GtkWidget *widget,
             GString   *why)
{
  const char *text;
  g_autoptr(PangoLayout) layout = NULL;
  int needed;

  if (!GTK_IS_TEXT (widget))
    return FALSE;
  text = gtk_editable_get_text (GTK_EDITABLE (widget));
  layout = gtk_widget_create_pango_layout (widget, text);
  pango_layout_get_pixel_size (layout, &needed, NULL);
  if (gtk_widget_get_width (widget) < needed)
    g_string_append_printf (why, "the entry “%s” is cut (%d of %d pixels)\n", text, gtk_widget_get_width (widget),
                            needed);
  return TRUE;
}

static void
page_at_size (const char *name,
              int         width)
{
  g_autoptr(GString) why = g_string_new (NULL);
  g_autofree char *file = g_strdup_printf ("size-%d-%s.png", width, name);

  spin (100);
  screenshot (GTK_WIDGET (window), file);
  /* the view did not make the window grow */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width);
  walk_mapped (GTK_WIDGET (window), control_reachable, why);
  walk_mapped (GTK_WIDGET (window), title_whole, why);
  if (why->len > 0)
    g_test_message ("%s at %d: %s", name, width, why->str);
  g_assert_cmpstr (why->str, ==, "");
}



/* Whether the screen holds a window of @width × @height (GTK keeps a
 * window within its monitor) */
static gboolean
screen_holds (int width,
              int height)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  GdkMonitor *monitor = surface ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  GdkRectangle area;

  if (monitor == NULL)
    return TRUE;
  gdk_monitor_get_geometry (monitor, &area);
  return area.width >= width && area.height >= height;
}

static void
views_at_size (int width,
               int height)
{
  ShnorSchoolEditor *editor = SHNOR_SCHOOL_EDITOR (child ("editor"));
  ShnorProgrammesView *programmes = SHNOR_PROGRAMMES_VIEW (child ("programmes"));
  ShnorOverviewView *overview = SHNOR_OVERVIEW_VIEW (child ("overview"));
  const char *tabs[] = { "profile", "context", "results", "groups", "risks" };
  const char *network_pages[] = { "partnerships", "diagram", "bank", "staff" };
  const char *sections[] = { "passport", "participants", "analysis", "tasks", "indicators", "risks", "stages",
                             "financing", "roadmap", "acts", "approval" };

  /* a shown window keeps its size: shown anew at the new one */
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  spin (400);
  /* no view makes the window larger than asked (its frame may be drawn
   * inside the size) */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, width - 12);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, height);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), >=, height - 12);

  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "schools");
  shnor_window_select_school (window, 11);
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      g_autofree char *name = g_strdup_printf ("schools-%s", tabs[i]);

      shnor_school_editor_show_page (editor, tabs[i]);
      page_at_size (name, width);
    }
  shnor_school_editor_show_page (editor, "profile");

  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "programmes");
  {
    g_autoptr(GListModel) listed = shnor_document_get_programmes (shnor_window_get_document (window), FALSE);
    g_autoptr(ShnorProgramme) first = g_list_model_get_item (listed, 0);

    /* the demo's approved municipal programme, every section filled */
    g_assert_true (shnor_programmes_view_select (programmes, shnor_programme_get_id (first)));
  }
  spin (100);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *name = g_strdup_printf ("programmes-%s", sections[i]);

      shnor_programmes_view_show_section (programmes, sections[i]);
      page_at_size (name, width);
    }
  shnor_programmes_view_show_section (programmes, "passport");

  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "monitoring");
  page_at_size ("monitoring", width);
  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "network");
  for (guint i = 0; i < G_N_ELEMENTS (network_pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("network-%s", network_pages[i]);

      shnor_network_view_show_page (SHNOR_NETWORK_VIEW (child ("network")), network_pages[i]);
      page_at_size (name, width);
    }
  /* the people's positions are whole in a large window */
  if (width >= 1600)
    {
      g_autoptr(GString) why = g_string_new (NULL);

      shnor_network_view_show_page (SHNOR_NETWORK_VIEW (child ("network")), "staff");
      spin (50);
      walk_mapped (shnor_staff_view_get_child (SHNOR_STAFF_VIEW (network_child ("staff")), "teachers"), entry_whole,
                   why);
      g_assert_cmpstr (why->str, ==, "");
    }
  /* the detail panes show the first partnership and practice rather than
   * an empty half of the view */
  g_assert_cmpint (shnor_network_view_get_selected (SHNOR_NETWORK_VIEW (child ("network"))), !=, 0);
  g_assert_cmpint (shnor_bank_view_get_selected (SHNOR_BANK_VIEW (shnor_network_view_get_child (
                     SHNOR_NETWORK_VIEW (child ("network")), "bank"))), !=, 0);
  shnor_network_view_show_page (SHNOR_NETWORK_VIEW (child ("network")), "partnerships");
  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "overview");
  shnor_overview_view_show_page (overview, "table");
  page_at_size ("overview-table", width);
  shnor_overview_view_show_page (overview, "charts");
  page_at_size ("overview-charts", width);
  shnor_overview_view_show_page (overview, "table");
  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "identification");
  page_at_size ("identification", width);
  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "schools");
}

/* At the default size (1190×740) and a large one, every control of every
 * view is in sight or in a pane that scrolls to it; screenshots of all. */
static void
test_views_at_sizes (void)
{
  /* build-aux/run-tests.sh runs the suite on a screen that holds both
   * (xvfb-run's own is 640 × 480) */
  if (!screen_holds (1190, 740))
    {
      g_test_skip ("the screen is smaller than 1190 × 740: run under xvfb-run -s \"-screen 0 1920x1200x24\"");
      return;
    }
  if (screen_holds (1600, 1000))
    views_at_size (1600, 1000);
  else
    g_test_message ("the screen is smaller than 1600 × 1000: that size is not shown");
  views_at_size (1190, 740);
}


/* A new municipality: the empty places say where to start, and their
 * buttons do it */
static void
test_new_municipality (void)
{
  g_autofree char *path = g_build_filename (dir, "Новый округ.shnor", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = shnor_document_create (path, &error);
  g_autoptr(GFile) demo = g_file_new_for_path (demo_path);
  GtkWidget *steps;

  g_assert_no_error (error);
  shnor_window_set_document (window, doc);
  spin (200);
  steps = child ("first_steps");
  g_assert_true (gtk_widget_get_visible (steps));
  g_assert_false (gtk_widget_get_visible (child ("no_match_page")));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (child ("empty_page"))), ==,
                   g_dgettext ("shnor", "No Schools Yet"));
  screenshot (GTK_WIDGET (window), "60-new-municipality.png");
  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "overview");
  screenshot (GTK_WIDGET (window), "61-new-municipality-overview.png");
  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "schools");

  /* «Добавить школу» from there: the first school, and the page is gone */
  {
    GtkWidget *add = NULL;
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    collect (steps, GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "win.add-school") == 0)
        add = buttons->pdata[i];
    g_assert_nonnull (add);
    g_signal_emit_by_name (add, "clicked");
    spin (200);
    g_assert_cmpuint (g_list_model_get_n_items (shnor_document_get_schools (doc)), ==, 1);
    g_assert_false (gtk_widget_get_visible (steps));
  }
  g_assert_true (shnor_application_open_file (app, demo, window));
  spin (200);
}


/* In @list, the arrows move inside; Tab leaves it at once (not to its next
 * row), Shift+Tab comes back into it */
static void
tab_through_list (GtkWidget *list)
{
  GtkWidget *focus;

  gtk_widget_grab_focus (list);
  press_key (GDK_KEY_Down, 0);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == list || gtk_widget_is_ancestor (focus, list));
  press_key (GDK_KEY_Tab, 0);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (focus == list || gtk_widget_is_ancestor (focus, list));
  press_key (GDK_KEY_Tab, GDK_SHIFT_MASK);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == list || gtk_widget_is_ancestor (focus, list));
}

/* The keyboard: Ctrl+1 … Ctrl+6 show the views; a list is one stop of
 * Tab (Tab leaves it at once, Shift+Tab comes back into it) */
static void
test_keyboard (void)
{
  const char *views[] = { "schools", "programmes", "monitoring", "network", "overview", "identification" };
  GtkWidget *list = child ("school_view");

  for (int i = G_N_ELEMENTS (views) - 1; i >= 0; i--)
    {
      if (!press_key (GDK_KEY_1 + i, GDK_CONTROL_MASK))
        {
          g_test_skip ("no X11 display to press keys on");
          return;
        }
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child ("views"))), ==, views[i]);
    }
  tab_through_list (list);

  /* the network's partnerships and the bank's practices too */
  press_key (GDK_KEY_4, GDK_CONTROL_MASK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child ("views"))), ==, "network");
  spin (100);
  tab_through_list (network_child ("partnership_list"));
  shnor_network_view_show_page (SHNOR_NETWORK_VIEW (child ("network")), "bank");
  spin (100);
  tab_through_list (shnor_bank_view_get_child (SHNOR_BANK_VIEW (network_child ("bank")), "practice_list"));
  shnor_network_view_show_page (SHNOR_NETWORK_VIEW (child ("network")), "partnerships");
  press_key (GDK_KEY_1, GDK_CONTROL_MASK);
}
/* ---- the «Сеть» view ------------------------------------------------------- */

static GtkWidget *
network_child (const char *name)
{
  GtkWidget *w = shnor_network_view_get_child (SHNOR_NETWORK_VIEW (child ("network")), name);

  g_assert_nonnull (w);
  return w;
}

static guint
list_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row);
  return n;
}

static ShnorSuggestDialog *
find_suggest_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (SHNOR_IS_SUGGEST_DIALOG (w))
        return SHNOR_SUGGEST_DIALOG (w);
    }
  return NULL;
}

/* The partnerships of the demo, one edited in place and undone, a joint
 * event refused and added, the diagram, the suggested mentors */
static void
test_network (void)
{
  ShnorDocument *doc = shnor_window_get_document (window);
  ShnorNetworkView *view = SHNOR_NETWORK_VIEW (child ("network"));
  g_autoptr(GArray) all = shnor_document_get_partnerships (doc, 0);
  ShnorSuggestDialog *dialog;
  GtkWidget *editor;
  gint64 kedrovka = 0;
  guint n_events = 0, n_all = all->len;

  for (guint i = 0; i < all->len; i++)
    {
      const ShnorPartnership *p = &g_array_index (all, ShnorPartnership, i);

      if (g_str_equal (p->school_name, "ООШ с. Кедровка") && p->partner_school_id != 0)
        {
          kedrovka = p->id;
          n_events = p->n_events;
        }
    }
  g_assert_cmpint (kedrovka, !=, 0);
  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "network");
  spin (200);
  g_assert_cmpuint (list_rows (network_child ("partnership_list")), ==, n_all);
  shnor_network_view_show_partnership (view, kedrovka);
  spin (200);
  g_assert_true (shows_text (network_child ("partnership_title"), "ООШ с. Кедровка → Гимназия № 1"));
  g_assert_cmpuint (shnor_field_table_get_n_rows (SHNOR_FIELD_TABLE (network_child ("events"))), ==, n_events);
  screenshot (GTK_WIDGET (window), "80-network.png");
  /* the buttons of the view's actions follow them (not dimmed for ever) */
  g_assert_true (gtk_widget_is_sensitive (network_child ("suggest_button")));
  g_assert_true (gtk_widget_is_sensitive (network_child ("delete_button")));

  /* Ctrl+N in this view asks for a new partnership */
  action ("win.add-school");
  spin (100);
  g_assert_true (gtk_widget_get_visible (network_child ("add_popover")));
  gtk_popover_popdown (GTK_POPOVER (network_child ("add_popover")));
  spin (100);

  /* a field of the partnership, stored and undone */
  editor = shnor_field_table_get_editor (SHNOR_FIELD_TABLE (network_child ("form")), kedrovka, "direction");
  type_text (editor, "формирующее оценивание и взаимопосещения");
  {
    ShnorPartnership p;

    g_assert_true (shnor_document_get_partnership (doc, kedrovka, &p));
    g_assert_cmpstr (p.texts[2], ==, "формирующее оценивание и взаимопосещения");
    shnor_partnership_clear (&p);
  }
  action ("win.undo");
  spin (200);
  g_assert_cmpstr (shnor_field_entry_get_text (SHNOR_FIELD_ENTRY (editor)), ==, "формирующее оценивание");

  /* an impossible date is refused and said; a right one adds the event */
  gtk_editable_set_text (GTK_EDITABLE (network_child ("event_date")), "31.02.2026");
  click (network_child ("add_event_button"));
  g_assert_true (gtk_widget_get_visible (network_child ("event_error")));
  g_assert_cmpuint (shnor_field_table_get_n_rows (SHNOR_FIELD_TABLE (network_child ("events"))), ==, n_events);
  gtk_editable_set_text (GTK_EDITABLE (network_child ("event_date")), "12.03.2026");
  click (network_child ("add_event_button"));
  spin (200);
  g_assert_false (gtk_widget_get_visible (network_child ("event_error")));
  g_assert_cmpuint (shnor_field_table_get_n_rows (SHNOR_FIELD_TABLE (network_child ("events"))), ==, n_events + 1);
  screenshot (GTK_WIDGET (window), "81-partnership-event.png");
  action ("win.undo");
  spin (200);
  g_assert_cmpuint (shnor_field_table_get_n_rows (SHNOR_FIELD_TABLE (network_child ("events"))), ==, n_events);

  /* a partnership of a programme that gets approved: its plan is locked,
   * its events are still recorded */
  {
    gint64 tura = 0, programme = 0;

    for (guint i = 0; i < all->len; i++)
      if (g_array_index (all, ShnorPartnership, i).programme_id != 0)
        {
          tura = g_array_index (all, ShnorPartnership, i).id;
          programme = g_array_index (all, ShnorPartnership, i).programme_id;
        }
    g_assert_cmpint (tura, !=, 0);
    shnor_network_view_show_partnership (view, tura);
    spin (200);
    g_assert_false (gtk_widget_get_visible (network_child ("lock_label")));
    /* a row of a table by levels has no title: the partnership names it by
     * its action, under the title of its table (each table numbered on
     * its own) */
    {
      g_autoptr(GArray) levels = shnor_document_get_levels (doc);
      g_autoptr(GArray) tables = NULL;
      gint64 table, row;
      const char *table_title = NULL;

      table = shnor_document_add_measure_table (doc, programme, SHNOR_TABLE_LEVELS, NULL);
      g_assert_cmpint (table, !=, 0);
      row = shnor_document_add_measure_to (doc, table, 0, "", NULL);
      g_assert_cmpint (row, !=, 0);
      g_assert_true (shnor_document_set_measure_action (doc, row, g_array_index (levels, ShnorRoadmapLevel, 2).id,
                                                        "Провести сетевые уроки со школой-партнёром по математике и "
                                                        "русскому языку, обсудить их итоги на методическом "
                                                        "объединении, включить лучшие в муниципальный банк практик "
                                                        "и подготовить отчёт для координационной группы", NULL));
      tables = shnor_document_get_measure_tables (doc, programme);
      for (guint t = 0; t < tables->len; t++)
        if (g_array_index (tables, ShnorMeasureTable, t).id == table)
          table_title = g_array_index (tables, ShnorMeasureTable, t).title;
      g_assert_nonnull (table_title);
      shnor_network_view_show_partnership (view, tura);
      spin (200);
      g_assert_true (shows_text (network_child ("measures_box"), "1 Провести сетевые уроки со школой-партнёром"));
      g_assert_true (shows_text (network_child ("measures_box"), table_title));
      /* its long text wraps: the form stays inside the window */
      {
        graphene_rect_t bounds;

        g_assert_true (gtk_widget_compute_bounds (network_child ("measures_box"), GTK_WIDGET (window), &bounds));
        g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)));
      }
      screenshot (GTK_WIDGET (window), "71-partnership-tables.png");
      for (int u = 0; u < 3; u++)
        g_assert_true (shnor_document_undo (doc, NULL));
      shnor_network_view_show_partnership (view, tura);
      spin (200);
      g_assert_false (shows_text (network_child ("measures_box"), "Провести сетевые уроки"));
    }
    g_assert_true (shnor_document_approve_programme (doc, programme, "7-о", "01.02.2026", "Соколова И. В.", NULL));
    spin (300);
    g_assert_true (gtk_widget_get_visible (network_child ("lock_label")));
    editor = shnor_field_table_get_editor (SHNOR_FIELD_TABLE (network_child ("form")), tura, "subjects");
    g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (shnor_field_entry_get_entry (SHNOR_FIELD_ENTRY (editor)))));
    editor = shnor_field_table_get_editor (SHNOR_FIELD_TABLE (network_child ("form")), tura, "note");
    g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (editor)))));
    g_assert_false (gtk_widget_get_sensitive (network_child ("programme_drop")));
    screenshot (GTK_WIDGET (window), "81-partnership-locked.png");
    action ("win.undo");
    spin (300);
    g_assert_false (gtk_widget_get_visible (network_child ("lock_label")));
    shnor_network_view_show_partnership (view, kedrovka);
    spin (200);
  }

  /* the diagram: the partnerships that have not ended, then all */
  shnor_network_view_show_page (view, "diagram");
  spin (300);
  screenshot (GTK_WIDGET (window), "82-diagram.png");
  g_assert_true (gtk_widget_is_sensitive (network_child ("save_diagram_button")));
  g_assert_true (gtk_widget_is_sensitive (network_child ("suggest_button")));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (network_child ("show_ended")), TRUE);
  spin (100);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (network_child ("show_ended")), FALSE);

  /* the suggested mentors of the selected partnership's school */
  shnor_network_view_show_page (view, "partnerships");
  spin (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "network.suggest", NULL));
  spin (400);
  dialog = find_suggest_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (shnor_suggest_dialog_get_n_suggestions (dialog), >=, 1);
  screenshot (GTK_WIDGET (dialog), "83-suggestions.png");
  g_assert_cmpint (shnor_suggest_dialog_accept (dialog, 0), >, 0);
  spin (200);
  g_assert_cmpuint (list_rows (network_child ("partnership_list")), ==, n_all + 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  action ("win.undo");
  spin (200);
  g_assert_cmpuint (list_rows (network_child ("partnership_list")), ==, n_all);

  /* a partnership deleted at once, with a toast whose «Отменить» brings it
   * back; the next one is shown then */
  shnor_network_view_show_partnership (view, kedrovka);
  spin (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "network.delete-partnership", NULL));
  spin (200);
  g_assert_cmpuint (list_rows (network_child ("partnership_list")), ==, n_all - 1);
  g_assert_cmpint (shnor_network_view_get_selected (view), !=, 0);
  g_assert_cmpint (shnor_network_view_get_selected (view), !=, kedrovka);
  {
    g_autofree char *said = g_strdup_printf (g_dgettext ("shnor", "Partnership “%s → %s” deleted"), "ООШ с. Кедровка",
                                             "Гимназия № 1");

    undo_by_toast (said);
  }
  spin (200);
  g_assert_cmpuint (list_rows (network_child ("partnership_list")), ==, n_all);
}

/* The bank: searched, a practice's card with its materials, a file too
 * large refused with the reason, one attached and undone */
static void
test_bank (void)
{
  ShnorDocument *doc = shnor_window_get_document (window);
  ShnorNetworkView *view = SHNOR_NETWORK_VIEW (child ("network"));
  ShnorBankView *bank = SHNOR_BANK_VIEW (network_child ("bank"));
  GtkWidget *list = shnor_bank_view_get_child (bank, "practice_list");
  GListModel *shown;
  g_autoptr(GListModel) expected = shnor_document_search_practices (doc, "оценив", NULL, NULL, -1);
  g_autofree char *big = g_build_filename (dir, "Большая презентация.pdf", NULL);
  g_autofree char *small = g_build_filename (dir, "План семинара.txt", NULL);
  g_autoptr(ShnorPractice) first = NULL;
  ShnorPracticeCard card;
  guint files;

  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "network");
  shnor_network_view_show_page (view, "bank");
  spin (300);
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 12);
  gtk_editable_set_text (GTK_EDITABLE (shnor_bank_view_get_child (bank, "search_entry")), "оценив");
  spin (500);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, g_list_model_get_n_items (expected));
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 1);
  first = g_list_model_get_item (shown, 0);
  shnor_bank_view_select (bank, shnor_practice_get_id (first));
  spin (300);
  g_assert_true (shnor_document_get_practice (doc, shnor_practice_get_id (first), &card));
  files = card.files->len;
  g_assert_cmpuint (files, >=, 1);
  g_assert_true (shows_text (shnor_bank_view_get_child (bank, "files_list"), g_array_index (card.files, ShnorAttachment, 0).name));
  /* the card is headed by its title, which follows its edits */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (shnor_bank_view_get_child (bank, "card_title"))), ==, card.texts[0]);
  screenshot (GTK_WIDGET (window), "84-practice.png");
  g_assert_true (gtk_widget_is_sensitive (shnor_bank_view_get_child (bank, "attach_button")));
  g_assert_true (shnor_document_set_practice_field (doc, card.id, "title", "Листы самооценки: новая редакция", NULL));
  spin (300);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (shnor_bank_view_get_child (bank, "card_title"))), ==,
                   "Листы самооценки: новая редакция");
  action ("win.undo");
  spin (300);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (shnor_bank_view_get_child (bank, "card_title"))), ==, card.texts[0]);
  shnor_practice_card_clear (&card);
  {
    g_autofree char *data = g_malloc0 (SHNOR_ATTACHMENT_MAX_SIZE + 10);

    memcpy (data, "%PDF-1.4", 8);
    test_write_file (big, data, SHNOR_ATTACHMENT_MAX_SIZE + 10);
  }
  g_assert_false (shnor_bank_view_attach_path (bank, big));
  spin (100);
  g_assert_true (gtk_widget_get_visible (shnor_bank_view_get_child (bank, "attach_error")));
  g_assert_true (shows_text (shnor_bank_view_get_child (bank, "attach_error"), "Большая презентация.pdf"));
  screenshot (GTK_WIDGET (window), "85-practice-refused.png");
  test_write_file (small, "Семинар «Формирующее оценивание»: 14 марта, 10:00.", -1);
  g_assert_true (shnor_bank_view_attach_path (bank, small));
  spin (300);
  g_assert_true (shnor_document_get_practice (doc, shnor_practice_get_id (first), &card));
  g_assert_cmpuint (card.files->len, ==, files + 1);
  shnor_practice_card_clear (&card);
  action ("win.undo");
  spin (200);
  g_assert_true (shnor_document_get_practice (doc, shnor_practice_get_id (first), &card));
  g_assert_cmpuint (card.files->len, ==, files);
  shnor_practice_card_clear (&card);
  gtk_editable_set_text (GTK_EDITABLE (shnor_bank_view_get_child (bank, "search_entry")), "");
  spin (400);

  /* a practice deleted at once, with a toast whose «Отменить» brings it back */
  {
    guint n = shnor_document_count_practices (doc);
    g_autofree char *said = g_strdup_printf (g_dgettext ("shnor", "Practice “%s” deleted"),
                                             shnor_practice_get_title (first));

    shnor_bank_view_select (bank, shnor_practice_get_id (first));
    spin (100);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (bank), "bank.delete-practice", NULL));
    spin (200);
    g_assert_cmpuint (shnor_document_count_practices (doc), ==, n - 1);
    undo_by_toast (said);
    g_assert_cmpuint (shnor_document_count_practices (doc), ==, n);
  }

  /* the teachers, their mentoring pairs and courses */
  shnor_network_view_show_page (view, "staff");
  spin (300);
  {
    ShnorStaffView *staff = SHNOR_STAFF_VIEW (network_child ("staff"));
    g_autoptr(GArray) people = shnor_document_get_staff (doc, 0);
    g_autoptr(GArray) pairs = shnor_document_get_mentoring (doc);

    g_assert_cmpuint (shnor_field_table_get_n_rows (SHNOR_FIELD_TABLE (shnor_staff_view_get_child (staff, "teachers"))),
                      ==, people->len);
    g_assert_cmpuint (shnor_field_table_get_n_rows (SHNOR_FIELD_TABLE (shnor_staff_view_get_child (staff, "mentoring"))),
                      ==, pairs->len);
    screenshot (GTK_WIDGET (window), "86-staff.png");
 }
  shnor_network_view_show_page (view, "partnerships");
  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "schools");
  spin (100);
}

/* A school's profile lists its partnerships; a line opens one in «Сеть» */
static void
test_profile_partnerships (void)
{
  GListModel *schools = shown_schools ();
  ShnorSchoolNetwork *network = NULL;
  GtkWidget *open = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ShnorSchool) s = g_list_model_get_item (schools, i);

      if (g_str_equal (shnor_school_get_display_name (s), "ООШ с. Кедровка"))
        gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (schools), i);
    }
  spin (200);
  g_assert_cmpstr (shnor_school_get_display_name (selected ()), ==, "ООШ с. Кедровка");
  shnor_school_editor_show_page (SHNOR_SCHOOL_EDITOR (child ("editor")), "profile");
  network = SHNOR_SCHOOL_NETWORK (first_of_type (child ("editor"), SHNOR_TYPE_SCHOOL_NETWORK));
  g_assert_nonnull (network);
  g_assert_cmpuint (shnor_school_network_get_n_rows (network), ==, 2);
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (network), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  screenshot (GTK_WIDGET (window), "87-profile-partnerships.png");
  open = first_of_type (GTK_WIDGET (network), GTK_TYPE_BUTTON);
  g_assert_nonnull (open);
  g_assert_true (gtk_widget_activate (open));
  spin (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child ("views"))), ==, "network");
  g_assert_cmpint (shnor_network_view_get_selected (SHNOR_NETWORK_VIEW (child ("network"))), !=, 0);
  gtk_stack_set_visible_child_name (GTK_STACK (child ("views")), "schools");
  spin (100);
}

static char *initial_gdk_debug;

/* The window draws without OpenGL (the display has it off); programs it
 * opens (a file's viewer, a folder) get the environment the user had,
 * not the switch. */
static void
test_renderer_env (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAppLaunchContext) context = shnor_application_launch_context (gdk_display_get_default ());
  g_auto(GStrv) env = g_app_launch_context_get_environment (context);

  g_assert_false (gdk_display_prepare_gl (gdk_display_get_default (), &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (g_getenv ("GDK_DEBUG"), "gl-disable"));
  g_assert_cmpstr (g_environ_getenv (env, "GDK_DEBUG"), ==, initial_gdk_debug);
  g_assert_null (g_environ_getenv (env, "GDK_DISABLE"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  initial_gdk_debug = g_strdup (g_getenv ("GDK_DEBUG"));
  shnor_setup_locale ();
  shnor_setup_renderer ();
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      if (g_getenv ("SHNOR_REQUIRE_DISPLAY") != NULL)
        g_error ("No display, but SHNOR_REQUIRE_DISPLAY is set: run under xvfb-run");
      g_test_skip ("no display");
      return g_test_run ();
    }

  dir = test_tmpdir ();
  demo_path = g_build_filename (dir, "Демо округ.shnor", NULL);
  g_assert_true (shnor_demo_network_write (demo_path, &error));
  g_assert_no_error (error);

  app = shnor_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = shnor_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1190, 740);
  gtk_window_present (GTK_WINDOW (window));
  spin (300);

  g_test_add_func ("/ui/open-demo", test_open_demo);
  g_test_add_func ("/ui/renderer-env", test_renderer_env);
  g_test_add_func ("/ui/views-at-sizes", test_views_at_sizes);
  g_test_add_func ("/ui/keyboard", test_keyboard);
  g_test_add_func ("/ui/search", test_search);
  g_test_add_func ("/ui/sort", test_sort);
  g_test_add_func ("/ui/edit-and-undo", test_edit_and_undo);
  g_test_add_func ("/ui/invalid-value", test_invalid_value);
  g_test_add_func ("/ui/add-and-delete", test_add_and_delete);
  g_test_add_func ("/ui/context-table", test_context_table);
  g_test_add_func ("/ui/results-tab", test_results_tab);
  g_test_add_func ("/ui/results-tab-commit", test_results_tab_commit);
  g_test_add_func ("/ui/import-dialog", test_import_dialog);
  g_test_add_func ("/ui/overview", test_overview);
  g_test_add_func ("/ui/identification", test_identification);
  g_test_add_func ("/ui/programmes", test_programmes);
  g_test_add_func ("/ui/roadmap", test_roadmap);
  g_test_add_func ("/ui/programme-empty-states", test_programme_empty_states);
  g_test_add_func ("/ui/programme-model", test_programme_model);
  g_test_add_func ("/ui/monitoring", test_monitoring);
  g_test_add_func ("/ui/order", test_order);
  g_test_add_func ("/ui/new-municipality", test_new_municipality);
  g_test_add_func ("/ui/network", test_network);
  g_test_add_func ("/ui/bank", test_bank);
  g_test_add_func ("/ui/profile-partnerships", test_profile_partnerships);
  g_test_add_func ("/ui/file-choosers", test_file_choosers);
  g_test_add_func ("/ui/settings-dialog", test_settings_dialog);
  g_test_add_func ("/ui/settings-documents", test_settings_documents);
  g_test_add_func ("/ui/welcome-and-read-only", test_welcome_and_read_only);
  g_test_add_func ("/ui/bad-file-message", test_bad_file_message);
  g_test_add_func ("/ui/crafted-and-damaged", test_crafted_and_damaged);
  g_test_add_func ("/ui/help-windows", test_help_windows);
  g_test_add_func ("/ui/reopen-last", test_reopen_last);
  g_test_add_func ("/ui/settings-presence", test_settings_presence);
  g_test_add_func ("/ui/pane-remembered", test_pane_remembered);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  test_rm_rf (dir);
  return status;
}
