/* shnor-preflight-list.c: see shnor-preflight-list.h. The list says so
 * when nothing is missing; each line's button emits "go" with the item,
 * and its owner opens the place (a setting, a section of the programme, a
 * school, a text of the order). */
#define G_LOG_DOMAIN "shnor-preflight-list"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-preflight-list.h"

struct _ShnorPreflightList
{
  GtkWidget  parent_instance;

  GtkWidget *heading;
  GtkWidget *rows;
  GPtrArray *items;      /* owned by the caller's array, kept alive here */
  GPtrArray *buttons;
};

G_DEFINE_FINAL_TYPE (ShnorPreflightList, shnor_preflight_list, GTK_TYPE_WIDGET)

enum { GO, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
go_clicked (GtkButton          *button,
            ShnorPreflightList *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  if (self->items != NULL && index < self->items->len)
    g_signal_emit (self, signals[GO], 0, self->items->pdata[index]);
}

static const char *
button_label (const ShnorPreflightItem *item)
{
  static const struct { const char *section, *label; } sections[] = {
    { "passport", N_("Passport…") }, { "participants", N_("Schools…") }, { "tasks", N_("Tasks…") },
    { "indicators", N_("Indicators…") }, { "acts", N_("Normative Basis…") }, { "roadmap", N_("Road Map…") },
    { "approval", N_("Approval…") },
  };

  for (guint i = 0; item->target == SHNOR_PREFLIGHT_PROGRAMME && i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (item->key, sections[i].section) == 0)
      return _(sections[i].label);
  switch (item->target)
    {
    case SHNOR_PREFLIGHT_SETTINGS:
      return _("Settings…");
    case SHNOR_PREFLIGHT_ORDER:
      return _("Edit");
    case SHNOR_PREFLIGHT_SCHOOL:
      return _("School…");
    case SHNOR_PREFLIGHT_IDENTIFICATION:
      return _("Identification…");
    default:
      return _("Programme…");
    }
}

/* Shows @items (an array of ShnorPreflightItem, referenced) */
void
shnor_preflight_list_set_items (ShnorPreflightList *self,
                                GPtrArray          *items)
{
  GtkWidget *child;

  g_return_if_fail (SHNOR_IS_PREFLIGHT_LIST (self));
  while ((child = gtk_widget_get_first_child (self->rows)) != NULL)
    gtk_box_remove (GTK_BOX (self->rows), child);
  g_ptr_array_set_size (self->buttons, 0);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = items ? g_ptr_array_ref (items) : NULL;
  gtk_label_set_text (GTK_LABEL (self->heading),
                      items && items->len ? _("Before it is signed, the document lacks:")
                                          : _("Nothing is missing: the document can be signed."));
  gtk_widget_remove_css_class (self->heading, "warning");
  gtk_widget_remove_css_class (self->heading, "success");
  gtk_widget_add_css_class (self->heading, items && items->len ? "warning" : "success");
  for (guint i = 0; items && i < items->len; i++)
    {
      const ShnorPreflightItem *item = items->pdata[i];
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *label = gtk_label_new (item->message);
      GtkWidget *button = gtk_button_new_with_label (button_label (item));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Open the place where this is filled in"));
      g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (go_clicked), self);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (row), button);
      gtk_box_append (GTK_BOX (self->rows), row);
      g_ptr_array_add (self->buttons, button);
    }
}

guint
shnor_preflight_list_get_n_items (ShnorPreflightList *self)
{
  g_return_val_if_fail (SHNOR_IS_PREFLIGHT_LIST (self), 0);
  return self->items ? self->items->len : 0;
}

const ShnorPreflightItem *
shnor_preflight_list_get_item (ShnorPreflightList *self,
                               guint               index)
{
  g_return_val_if_fail (SHNOR_IS_PREFLIGHT_LIST (self), NULL);
  return self->items && index < self->items->len ? self->items->pdata[index] : NULL;
}

/* For tests */
GtkWidget *
shnor_preflight_list_get_button (ShnorPreflightList *self,
                                 guint               index)
{
  g_return_val_if_fail (SHNOR_IS_PREFLIGHT_LIST (self), NULL);
  return index < self->buttons->len ? self->buttons->pdata[index] : NULL;
}

static void
shnor_preflight_list_dispose (GObject *object)
{
  ShnorPreflightList *self = SHNOR_PREFLIGHT_LIST (object);

  g_clear_pointer (&self->heading, gtk_widget_unparent);
  g_clear_pointer (&self->rows, gtk_widget_unparent);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);
  G_OBJECT_CLASS (shnor_preflight_list_parent_class)->dispose (object);
}

static void
shnor_preflight_list_class_init (ShnorPreflightListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_preflight_list_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  /**
   * ShnorPreflightList::go:
   * @item: (type gpointer): the ShnorPreflightItem whose button was clicked
   */
  signals[GO] = g_signal_new ("go", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                              G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
shnor_preflight_list_init (ShnorPreflightList *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_label_set_wrap (GTK_LABEL (self->heading), TRUE);
  gtk_widget_add_css_class (self->heading, "heading");
  gtk_widget_set_parent (self->heading, GTK_WIDGET (self));
  self->rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->rows, GTK_WIDGET (self));
  self->buttons = g_ptr_array_new ();
}

GtkWidget *
shnor_preflight_list_new (void)
{
  return g_object_new (SHNOR_TYPE_PREFLIGHT_LIST, NULL);
}
