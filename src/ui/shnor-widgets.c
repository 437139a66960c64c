/* shnor-widgets.c */
#include "config.h"
#include <math.h>
#include <glib/gi18n.h>
#include "shnor-application.h"
#include "shnor-field.h"
#include "shnor-number.h"
#include "shnor-widgets.h"
#include "shnor-window.h"

/**
 * shnor_widget_remove_children:
 *
 * Removes every child of a box or grid that is rebuilt from the data. When
 * the focus is inside (an entry of a table being typed into while the data
 * changes under it), the window drops the focus first: GTK 4.8 otherwise
 * keeps pointing at the destroyed entry while it lays the window out.
 */
void
shnor_widget_remove_children (GtkWidget *container)
{
  GtkRoot *root = gtk_widget_get_root (container);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child;

  if (focus != NULL && gtk_widget_is_ancestor (focus, container))
    gtk_root_set_focus (root, NULL);
  while ((child = gtk_widget_get_first_child (container)) != NULL)
    gtk_widget_unparent (child);
}

/* An error label of a view: @message shown, or the label hidden (NULL) */
void
shnor_error_label_set (GtkWidget  *label,
                       const char *message)
{
  gtk_label_set_text (GTK_LABEL (label), message ? message : "");
  gtk_widget_set_visible (label, message != NULL);
}

/* The id of the row @widget was built for (its "shnor-row" index into
 * @ids), or 0 when the rows changed since. */
gint64
shnor_row_id (GtkWidget *widget,
              GArray    *ids)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "shnor-row"));

  return row < ids->len ? g_array_index (ids, gint64, row) : 0;
}

typedef struct {
  guint     *source;
  GCallback  func;
  gpointer   data;
} IdleCall;

static gboolean
idle_call (gpointer p)
{
  IdleCall *call = p;

  *call->source = 0;
  ((void (*) (gpointer)) call->func) (call->data);
  return G_SOURCE_REMOVE;
}

/**
 * shnor_queue_idle:
 * @source: where the view keeps the pending call (0: none); a dispose
 *   removes it with g_clear_handle_id()
 * @func: (scope notified): called with @data
 *
 * Calls @func once the loop is idle, once for a burst of document
 * changes, and not while a widget of the view is handling the event that
 * made the change (it may be the one @func rebuilds).
 */
void
shnor_queue_idle (guint     *source,
                  GCallback  func,
                  gpointer   data)
{
  IdleCall *call;

  if (*source != 0)
    return;
  call = g_new (IdleCall, 1);
  call->source = source;
  call->func = func;
  call->data = data;
  *source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, idle_call, call, g_free);
}

/* The dim name of a field beside its entry, level with the entry's text. */
GtkWidget *
shnor_field_caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* A check button whose long label (an indicator, a measure named by its
 * actions) wraps at @max_width_chars rather than widening the window;
 * its accessible name is the whole label. */
GtkWidget *
shnor_check_button_new_wrapped (const char *label,
                                int         max_width_chars)
{
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *text = gtk_label_new (label);

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (text), max_width_chars);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  max_width_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (max_width_chars) > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (max_width_chars));
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      GTK_IS_STRING_OBJECT (string) ? gtk_string_object_get_string (GTK_STRING_OBJECT (string)) : "");
}

static GtkListItemFactory *
label_factory (int max_width_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (max_width_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), NULL);
  return factory;
}

/* A drop-down of strings whose button shows at most @max_width_chars of
 * the chosen one (the rest ellipsized), so that a long choice (an
 * indicator's source) does not widen the window; its list shows each
 * whole. */
void
shnor_drop_down_ellipsize (GtkWidget *drop_down,
                           int        max_width_chars)
{
  g_autoptr(GtkListItemFactory) button = label_factory (max_width_chars);
  g_autoptr(GtkListItemFactory) list = label_factory (0);

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  gtk_drop_down_set_factory (GTK_DROP_DOWN (drop_down), button);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (drop_down), list);
}

/* The entries' own padding, by which a label of a column of entries
 * stands back from the column's end to be level with their text */
#define ENTRY_PADDING 9

/* A label of a column of numbers in entries (a year over them, a total
 * under them): right-aligned, level with the entries' text. */
GtkWidget *
shnor_column_label (const char *text,
                    const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_margin_end (label, ENTRY_PADDING);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* @entry (a GtkEntry) in such a column: as wide as the column, its text
 * right-aligned under the column's title. */
void
shnor_column_entry (GtkWidget *entry)
{
  g_return_if_fail (GTK_IS_ENTRY (entry));
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_widget_set_halign (entry, GTK_ALIGN_FILL);
}

/**
 * shnor_watch_document:
 * @slot: where a view keeps its document
 * @changed: the view's handler of the document's "changed" signal
 *
 * Makes *@slot hold @document (or nothing), moving @data's handlers from
 * the document it held to @changed on the new one.
 *
 * Returns: FALSE when *@slot held @document already.
 */
gboolean
shnor_watch_document (ShnorDocument **slot,
                      ShnorDocument  *document,
                      GCallback       changed,
                      gpointer        data)
{
  if (*slot == document)
    return FALSE;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, data);
  g_set_object (slot, document);
  if (document != NULL)
    g_signal_connect (document, "changed", changed, data);
  return TRUE;
}

/**
 * shnor_list_box_clear:
 *
 * Removes every row of a list box that is rebuilt from the data (a list
 * box keeps its rows in a sequence of its own: they leave it by
 * gtk_list_box_remove(), not by being unparented), dropping the focus
 * first as shnor_widget_remove_children() does.
 */
void
shnor_list_box_clear (GtkWidget *list)
{
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkListBoxRow *row;

  if (focus != NULL && gtk_widget_is_ancestor (focus, list))
    gtk_root_set_focus (root, NULL);
  /* the rows only: a placeholder stays */
  while ((row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), GTK_WIDGET (row));
}

static void
done_confirm (GtkWidget *popover)
{
  ShnorDocument *document = g_object_get_data (G_OBJECT (popover), "shnor-document");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (popover), "shnor-measure"));
  GtkWidget *date = g_object_get_data (G_OBJECT (popover), "date");
  GtkWidget *evidence = g_object_get_data (G_OBJECT (popover), "evidence");
  GtkWidget *error_label = g_object_get_data (G_OBJECT (popover), "error");
  g_autoptr(GError) error = NULL;

  const char *title = g_object_get_data (G_OBJECT (popover), "shnor-title");
  g_autofree char *done = NULL;

  if (!shnor_document_mark_measure_done (document, id, gtk_editable_get_text (GTK_EDITABLE (date)),
                                         gtk_editable_get_text (GTK_EDITABLE (evidence)), &error))
    {
      gtk_label_set_text (GTK_LABEL (error_label), error->message);
      gtk_widget_set_visible (error_label, TRUE);
      return;
    }
  /* TRANSLATORS: a toast after marking a measure done; %s: its number and title */
  done = title ? g_strdup_printf (_("Done: %s"), title) : g_strdup (_("The measure is marked done"));
  shnor_toast (popover, document, done);
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/**
 * shnor_done_popover_new:
 *
 * Returns: a popover that records the measure @id as done: the date
 * (today unless changed) and the evidence note, refused with the reason
 * shown in it. The caller parents it.
 */
GtkWidget *
shnor_done_popover_new (ShnorDocument *document,
                        gint64         id)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *date = gtk_entry_new ();
  GtkWidget *evidence = gtk_entry_new ();
  GtkWidget *error = gtk_label_new (NULL);
  GtkWidget *confirm = gtk_button_new_with_mnemonic (_("_Mark Done"));
  GtkWidget *heading = gtk_label_new (_("The measure is done"));
  GtkWidget *labels[] = { gtk_label_new_with_mnemonic (_("_Date")), gtk_label_new_with_mnemonic (_("_Evidence")) };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d.%m.%Y");

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 10);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_grid_attach (GTK_GRID (grid), heading, 0, 0, 2, 1);
  gtk_editable_set_text (GTK_EDITABLE (date), today);
  gtk_entry_set_placeholder_text (GTK_ENTRY (evidence), _("an order, a report, a link…"));
  gtk_editable_set_width_chars (GTK_EDITABLE (evidence), 36);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gtk_label_set_xalign (GTK_LABEL (labels[i]), 0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (labels[i]), i == 0 ? date : evidence);
      gtk_grid_attach (GTK_GRID (grid), labels[i], 0, 1 + (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), i == 0 ? date : evidence, 1, 1 + (int) i, 1, 1);
    }
  gtk_entry_set_activates_default (GTK_ENTRY (date), TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (evidence), TRUE);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (error), 50);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  gtk_grid_attach (GTK_GRID (grid), error, 0, 3, 2, 1);
  gtk_widget_add_css_class (confirm, "suggested-action");
  gtk_widget_set_halign (confirm, GTK_ALIGN_END);
  gtk_grid_attach (GTK_GRID (grid), confirm, 1, 4, 1, 1);
  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), confirm);
  g_object_set_data_full (G_OBJECT (popover), "shnor-document", g_object_ref (document), g_object_unref);
  g_object_set_data (G_OBJECT (popover), "shnor-measure", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data (G_OBJECT (popover), "date", date);
  g_object_set_data (G_OBJECT (popover), "evidence", evidence);
  g_object_set_data (G_OBJECT (popover), "error", error);
  g_object_set_data (G_OBJECT (popover), "confirm", confirm);
  g_signal_connect_swapped (confirm, "clicked", G_CALLBACK (done_confirm), popover);
  return popover;
}

/* Opens the "done" popover of the measure @id (@title: its number and
 * title, for the toast that says it is done) on @parent; it goes away
 * when closed. */
void
shnor_done_popover_popup (ShnorDocument *document,
                          gint64         id,
                          const char    *title,
                          GtkWidget     *parent)
{
  GtkWidget *popover = shnor_done_popover_new (document, id);

  g_object_set_data_full (G_OBJECT (popover), "shnor-title", g_strdup (title), g_free);

  gtk_widget_set_parent (popover, parent);
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/**
 * shnor_format_mean_field:
 *
 * A mean as an editable cell shows it: with the decimals of its kind
 * (marks 2, scores 1), or more where the stored value has them, so that
 * the cell never hides what the file holds.
 */
char *
shnor_format_mean_field (double      value,
                         const char *kind)
{
  g_autofree char *shown = shnor_number_format_mean (value, kind);
  double back;

  if (shnor_parse_double (shown, &back) && fabs (back - value) < 1e-9)
    return g_steal_pointer (&shown);
  return shnor_number_format (value, 4, SHNOR_NUMBER_TRIM);
}

/* An empty place that says what to do there (a compact status page). */
GtkWidget *
shnor_status_page_new (const char *icon_name,
                       const char *title,
                       const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_add_css_class (page, "compact");
  return page;
}

/* ---- toasts --------------------------------------------------------- */

static void
toast_undo (AdwToast      *toast,
            ShnorDocument *document)
{
  g_autoptr(GError) error = NULL;

  if (!shnor_document_undo (document, &error) && error != NULL)
    g_warning ("Undo from a toast: %s", error->message);
}

static void
toast_outdated (ShnorDocument *document,
                const char    *table,
                gint64         rowid,
                AdwToast      *toast)
{
  adw_toast_dismiss (toast);
}

static AdwToastOverlay *
find_overlay (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (overlay == NULL && GTK_IS_WINDOW (root))
    overlay = gtk_window_get_child (GTK_WINDOW (root));
  /* a dialog's toasts go to the window it belongs to */
  if (!ADW_IS_TOAST_OVERLAY (overlay) && GTK_IS_WINDOW (root) && gtk_window_get_transient_for (GTK_WINDOW (root)))
    overlay = gtk_window_get_child (gtk_window_get_transient_for (GTK_WINDOW (root)));
  return ADW_IS_TOAST_OVERLAY (overlay) ? ADW_TOAST_OVERLAY (overlay) : NULL;
}

/* the longest text of a toast that fits a window of the default size */
#define TOAST_MAX_CHARS 72

/**
 * shnor_toast_title:
 *
 * What a toast shows of @title. A toast is as wide as its text and
 * libadwaita 1.2 does not ellipsize it: a long name (a measure, a school)
 * would widen the window. The middle goes, so that what was done
 * («… удалена») stays.
 */
char *
shnor_toast_title (const char *title)
{
  glong length = g_utf8_strlen (title, -1);
  const char *head_end, *tail;

  if (length <= TOAST_MAX_CHARS)
    return g_strdup (title);
  head_end = g_utf8_offset_to_pointer (title, TOAST_MAX_CHARS * 2 / 3);
  tail = g_utf8_offset_to_pointer (title, length - TOAST_MAX_CHARS / 3 + 1);
  return g_strdup_printf ("%.*s…%s", (int) (head_end - title), title, tail);
}

/**
 * shnor_toast:
 * @widget: where it happened: the toast shows in its window
 * @document: (nullable): the document the action changed
 * @title: what was done («Школа «…» удалена»)
 *
 * Tells that an action was done, as the HIG has it for deletions and
 * other actions done at once: a toast at the bottom of the window, with
 * «Отменить» where the action can be undone. The button is the document's
 * undo, so the toast goes away with the next change of the document
 * (after which it would undo something else).
 */
void
shnor_toast (GtkWidget     *widget,
             ShnorDocument *document,
             const char    *title)
{
  AdwToastOverlay *overlay = find_overlay (widget);
  g_autofree char *shortened = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    return;
  shortened = shnor_toast_title (title);
  toast = adw_toast_new (shortened);
  if (document != NULL && shnor_document_can_undo (document))
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_undo), document, 0);
      g_signal_connect_object (document, "changed", G_CALLBACK (toast_outdated), toast, 0);
    }
  adw_toast_overlay_add_toast (overlay, toast);
}

/**
 * shnor_remember_paned:
 * @key: the GSettings key of its position
 *
 * The divider of @paned stays where the user left it, from one start to
 * the next (when the settings schema is installed).
 */
void
shnor_remember_paned (GtkWidget  *paned,
                      const char *key)
{
  GApplication *app = g_application_get_default ();
  GSettings *settings = SHNOR_IS_APPLICATION (app) ? shnor_application_get_settings (SHNOR_APPLICATION (app)) : NULL;

  g_return_if_fail (GTK_IS_PANED (paned));
  if (settings != NULL)
    g_settings_bind (settings, key, paned, "position", G_SETTINGS_BIND_DEFAULT);
}

/* ---- a list is one Tab stop ---------------------------------------- */

static gboolean
list_key_pressed (GtkEventControllerKey *keys,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  GtkWidget             *list)
{
  GtkRoot *root = gtk_widget_get_root (list);
  GtkDirectionType direction;

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) || root == NULL)
    return FALSE;
  direction = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD
                                                                          : GTK_DIR_TAB_FORWARD;
  /* while the list cannot take the focus, moving it goes to the widget
   * after (or before) the list, not to its next row */
  gtk_widget_set_can_focus (list, FALSE);
  gtk_widget_child_focus (GTK_WIDGET (root), direction);
  gtk_widget_set_can_focus (list, TRUE);
  return TRUE;
}

/**
 * shnor_list_single_tab_stop:
 *
 * Makes @list one stop of Tab, as the HIG has it: Tab and Shift+Tab leave
 * it at once, the arrows move inside it (GTK 4.8 lists take Tab from row
 * to row).
 */
void
shnor_list_single_tab_stop (GtkWidget *list)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (list_key_pressed), list);
  gtk_widget_add_controller (list, keys);
}

/* Whether @widget is drawn in a dark theme, judged by its text colour:
 * the charts and diagrams drawn with Cairo follow it. */
gboolean
shnor_widget_dark_theme (GtkWidget *widget)
{
  GdkRGBA colour;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return 0.299 * colour.red + 0.587 * colour.green + 0.114 * colour.blue > 0.5;
}

/* Starts the program the system has for @uri (a file, a folder) on
 * @widget's display, with the user's environment. */
gboolean
shnor_widget_launch_uri (GtkWidget   *widget,
                         const char  *uri,
                         GError     **error)
{
  g_autoptr(GAppLaunchContext) context = shnor_application_launch_context (gtk_widget_get_display (widget));

  return g_app_info_launch_default_for_uri (uri, context, error);
}

/* As shnor_widget_launch_uri(); says so over @widget when it cannot. */
void
shnor_widget_open_uri (GtkWidget  *widget,
                       const char *uri)
{
  g_autoptr(GError) error = NULL;

  if (!shnor_widget_launch_uri (widget, uri, &error))
    shnor_widget_show_error (widget, _("Could not open the file"), error);
}

/* Says in a dialog over @widget's window that @primary failed, and why. */
void
shnor_widget_show_error (GtkWidget  *widget,
                         const char *primary,
                         GError     *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (SHNOR_IS_WINDOW (root))
    shnor_window_show_error (SHNOR_WINDOW (root), primary, error->message);
  else
    g_warning ("%s: %s", primary, error->message);
}
