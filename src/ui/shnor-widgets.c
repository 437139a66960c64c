/* shnor-widgets.c */
#include "config.h"
#include "shnor-widgets.h"

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
