/* shnor-school-network.c: the Partnerships section of a school's Profile.
 * A line per partnership — who, in which role, its status and events —
 * and a button that opens it in the «Сеть» view (win.show-partnership). */
#define G_LOG_DOMAIN "shnor-school-network"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-document-network.h"
#include "shnor-school-network.h"
#include "shnor-widgets.h"

struct _ShnorSchoolNetwork
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkWidget     *heading;
  GtkWidget     *list;
  GtkWidget     *none;
  ShnorDocument *document;
  ShnorSchool   *school;
  guint          n_rows;
  guint          idle;
};

G_DEFINE_FINAL_TYPE (ShnorSchoolNetwork, shnor_school_network, GTK_TYPE_WIDGET)

static GtkWidget *
line_for (ShnorSchoolNetwork     *self,
          const ShnorPartnership *p)
{
  gboolean supported = p->school_id == shnor_school_get_id (self->school);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u joint event", "%u joint events",
                                                          p->n_events), p->n_events);
  /* TRANSLATORS: on a school's profile: "Mentor school: Гимназия № 1 · Active · 6 joint events" when the school
   * is supported, "Mentor school for: ООШ с. Кедровка · …" when it is the partner */
  g_autofree char *text = supported ? g_strdup_printf (_("%s: %s · %s · %s"), shnor_partner_role_label (p->role),
                                                       p->partner_name, shnor_partnership_status_label (p->status),
                                                       events)
                                    : g_strdup_printf (_("%s for: %s · %s · %s"), shnor_partner_role_label (p->role),
                                                       p->school_name, shnor_partnership_status_label (p->status),
                                                       events);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *open = gtk_button_new_from_icon_name ("go-next-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_tooltip_text (open, _("Open the partnership in the Network view"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.show-partnership");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "x", p->id);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), open);
  return row;
}

static void
load (ShnorSchoolNetwork *self)
{
  g_autoptr(GArray) partnerships = NULL;

  g_clear_handle_id (&self->idle, g_source_remove);
  shnor_widget_remove_children (self->list);
  self->n_rows = 0;
  if (self->document == NULL || self->school == NULL)
    return;
  partnerships = shnor_document_get_partnerships (self->document, shnor_school_get_id (self->school));
  for (guint i = 0; i < partnerships->len; i++)
    gtk_box_append (GTK_BOX (self->list), line_for (self, &g_array_index (partnerships, ShnorPartnership, i)));
  self->n_rows = partnerships->len;
  gtk_widget_set_visible (self->none, partnerships->len == 0);
}

static gboolean
load_idle (gpointer data)
{
  ShnorSchoolNetwork *self = data;

  self->idle = 0;
  load (self);
  return G_SOURCE_REMOVE;
}

static void
document_changed (ShnorDocument      *document,
                  const char         *table,
                  gint64              rowid,
                  ShnorSchoolNetwork *self)
{
  if (self->idle == 0 && (g_str_has_prefix (table, "partnership") || g_str_equal (table, "joint_event") ||
                          g_str_equal (table, "organisation") || g_str_equal (table, "school")))
    self->idle = g_idle_add (load_idle, self);
}

static void
shnor_school_network_dispose (GObject *object)
{
  ShnorSchoolNetwork *self = SHNOR_SCHOOL_NETWORK (object);

  g_clear_handle_id (&self->idle, g_source_remove);
  shnor_school_network_set_document (self, NULL);
  g_clear_object (&self->school);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (shnor_school_network_parent_class)->dispose (object);
}

static void
shnor_school_network_class_init (ShnorSchoolNetworkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_school_network_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
shnor_school_network_init (ShnorSchoolNetwork *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  self->heading = gtk_label_new (_("Partnerships"));
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_widget_add_css_class (self->heading, "heading");
  self->list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  self->none = gtk_label_new (_("No partnerships: add one in the Network view, where mentor schools are suggested."));
  gtk_label_set_xalign (GTK_LABEL (self->none), 0);
  gtk_label_set_wrap (GTK_LABEL (self->none), TRUE);
  gtk_widget_add_css_class (self->none, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->heading);
  gtk_box_append (GTK_BOX (self->box), self->list);
  gtk_box_append (GTK_BOX (self->box), self->none);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

void
shnor_school_network_set_document (ShnorSchoolNetwork *self,
                                   ShnorDocument      *document)
{
  g_return_if_fail (SHNOR_IS_SCHOOL_NETWORK (self));
  if (shnor_watch_document (&self->document, document, G_CALLBACK (document_changed), self))
    load (self);
}

void
shnor_school_network_set_school (ShnorSchoolNetwork *self,
                                 ShnorSchool        *school)
{
  g_return_if_fail (SHNOR_IS_SCHOOL_NETWORK (self));
  if (g_set_object (&self->school, school))
    load (self);
}

guint
shnor_school_network_get_n_rows (ShnorSchoolNetwork *self)
{
  g_return_val_if_fail (SHNOR_IS_SCHOOL_NETWORK (self), 0);
  return self->n_rows;
}
