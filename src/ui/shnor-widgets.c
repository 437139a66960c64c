/* shnor-widgets.c */
#include "config.h"
#include <glib/gi18n.h>
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
  GtkWidget *row;

  if (focus != NULL && gtk_widget_is_ancestor (focus, list))
    gtk_root_set_focus (root, NULL);
  while ((row = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), row);
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

  if (!shnor_document_mark_measure_done (document, id, gtk_editable_get_text (GTK_EDITABLE (date)),
                                         gtk_editable_get_text (GTK_EDITABLE (evidence)), &error))
    {
      gtk_label_set_text (GTK_LABEL (error_label), error->message);
      gtk_widget_set_visible (error_label, TRUE);
      return;
    }
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

/* Opens the "done" popover of the measure @id on @parent; it goes away
 * when closed. */
void
shnor_done_popover_popup (ShnorDocument *document,
                          gint64         id,
                          GtkWidget     *parent)
{
  GtkWidget *popover = shnor_done_popover_new (document, id);

  gtk_widget_set_parent (popover, parent);
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
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
