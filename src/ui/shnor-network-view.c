/* shnor-network-view.c: the «Сеть» view. The partnerships page lists the
 * network pairs and edits the chosen one in place — its plan, the
 * programme and measures it serves, its joint events; the diagram page
 * draws them with the io renderer and opens the partnership of a line
 * clicked. The bank and the teachers have views of their own. */
#define G_LOG_DOMAIN "shnor-network-view"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-bank-view.h"
#include "shnor-document-network.h"
#include "shnor-field-table.h"
#include "shnor-file-chooser.h"
#include "shnor-network-diagram.h"
#include "shnor-network-view.h"
#include "shnor-staff-view.h"
#include "shnor-suggest-dialog.h"
#include "shnor-widgets.h"

struct _ShnorNetworkView
{
  GtkWidget            parent_instance;

  GtkWidget           *box;
  GtkWidget           *switcher;
  GtkWidget           *pages;
  GtkWidget           *status_filter;
  GtkWidget           *add_button;
  GtkWidget           *add_popover;
  GtkWidget           *add_school;
  GtkWidget           *add_partner;
  GtkWidget           *add_role;
  GtkWidget           *add_error;
  GtkWidget           *suggest_button;
  GtkWidget           *delete_button;
  GtkWidget           *programme_label;
  GtkWidget           *save_diagram_button;
  GtkWidget           *partnership_list;
  GtkWidget           *count_label;
  GtkWidget           *detail_stack;
  GtkWidget           *detail_box;
  GtkWidget           *partnership_title;
  GtkWidget           *partnership_subtitle;
  GtkWidget           *lock_label;
  GtkWidget           *form_box;
  GtkWidget           *programme_drop;
  GtkWidget           *measures_heading;
  GtkWidget           *measures_box;
  GtkWidget           *events_heading;
  GtkWidget           *events_box;
  GtkWidget           *event_date;
  GtkWidget           *event_form;
  GtkWidget           *add_event_button;
  GtkWidget           *event_error;
  GtkWidget           *show_ended;
  GtkWidget           *diagram_area;
  GtkWidget           *bank;
  GtkWidget           *staff;

  GtkWidget           *form;          /* ShnorFieldTable: the partnership's fields */
  GtkWidget           *events;        /* ShnorFieldTable: its joint events */
  ShnorDocument       *document;
  GArray              *shown;         /* partnership ids, in the order of the list */
  gint64               selected;
  GArray              *school_ids;    /* the add popover's schools */
  GArray              *partner_ids;   /* > 0 schools, < 0 organisations */
  GArray              *programme_ids; /* the programme list: 0 first (none) */
  ShnorNetworkDiagram *diagram;
  gboolean             filling;
  guint                idle;
};

G_DEFINE_FINAL_TYPE (ShnorNetworkView, shnor_network_view, GTK_TYPE_WIDGET)

static void load (ShnorNetworkView *self);

static gboolean
writable (ShnorNetworkView *self)
{
  return self->document != NULL && !shnor_document_get_read_only (self->document);
}

/* The buttons of the view's actions. They are not bound by "action-name":
 * in GTK 4.8 such buttons of this view's template never learnt their
 * action's state (they stayed dimmed, though they worked), so the view
 * keeps them in step itself. */
static const struct {
  const char *action;
  gsize       button;
} action_buttons[] = {
  { "network.delete-partnership", G_STRUCT_OFFSET (ShnorNetworkView, delete_button) },
  { "network.suggest",            G_STRUCT_OFFSET (ShnorNetworkView, suggest_button) },
  { "network.save-diagram",       G_STRUCT_OFFSET (ShnorNetworkView, save_diagram_button) },
};

static void
set_action_enabled (ShnorNetworkView *self,
                    const char       *action,
                    gboolean          enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, enabled);
  for (guint i = 0; i < G_N_ELEMENTS (action_buttons); i++)
    if (g_str_equal (action, action_buttons[i].action))
      gtk_widget_set_sensitive (G_STRUCT_MEMBER (GtkWidget *, self, action_buttons[i].button), enabled);
}

static void
action_button_clicked (GtkWidget        *button,
                       ShnorNetworkView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_buttons); i++)
    if (G_STRUCT_MEMBER (GtkWidget *, self, action_buttons[i].button) == button)
      gtk_widget_activate_action (GTK_WIDGET (self), action_buttons[i].action, NULL);
}

/* ---- the list ----------------------------------------------------------- */

static GtkWidget *
partnership_row (const ShnorPartnership *p)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *title = g_strdup_printf ("%s → %s", p->school_name, p->partner_name);
  g_autofree char *events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u joint event", "%u joint events",
                                                          p->n_events), p->n_events);
  g_autoptr(GString) detail = g_string_new (shnor_partner_role_label (p->role));
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *sub;

  g_string_append_printf (detail, " · %s · %s", shnor_partnership_status_label (p->status), events);
  if (p->texts[1][0] != '\0')
    g_string_append_printf (detail, " · %s", p->texts[1]);
  sub = gtk_label_new (detail->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_add_css_class (sub, "caption");
  if (p->status == SHNOR_PARTNERSHIP_ENDED)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), sub);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "shnor-id", GSIZE_TO_POINTER ((gsize) p->id));
  return row;
}

static void
fill_list (ShnorNetworkView *self)
{
  g_autoptr(GArray) all = shnor_document_get_partnerships (self->document, 0);
  guint filter = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->status_filter));
  GtkListBoxRow *select = NULL;

  self->filling = TRUE;
  shnor_list_box_clear (self->partnership_list);
  g_array_set_size (self->shown, 0);
  for (guint i = 0; i < all->len; i++)
    {
      const ShnorPartnership *p = &g_array_index (all, ShnorPartnership, i);
      GtkWidget *row;

      if (filter > 0 && filter != GTK_INVALID_LIST_POSITION && (guint) p->status != filter - 1)
        continue;
      row = partnership_row (p);
      gtk_list_box_append (GTK_LIST_BOX (self->partnership_list), row);
      g_array_append_val (self->shown, p->id);
      if (p->id == self->selected)
        select = GTK_LIST_BOX_ROW (row);
    }
  /* nothing chosen yet (or the choice filtered away): the first
   * partnership, so that the detail pane is not an empty half of the view */
  if (select == NULL && self->shown->len > 0)
    {
      select = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->partnership_list), 0);
      self->selected = g_array_index (self->shown, gint64, 0);
    }
  gtk_list_box_select_row (GTK_LIST_BOX (self->partnership_list), select);
  self->filling = FALSE;
  {
    g_autofree char *count = self->shown->len == all->len
      ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partnership", "%u partnerships", all->len), all->len)
      : g_strdup_printf (_("%u of %u"), self->shown->len, all->len);

    gtk_label_set_text (GTK_LABEL (self->count_label), count);
  }
  if (select == NULL)
    self->selected = 0;
}

/* ---- the chosen partnership --------------------------------------------- */

static gboolean
store_partnership (gpointer     data,
                   gint64       id,
                   const char  *column,
                   const char  *text,
                   GError     **error)
{
  ShnorNetworkView *self = data;

  return shnor_document_set_partnership_field (self->document, id, column, text, error);
}

static gboolean
store_event (gpointer     data,
             gint64       id,
             const char  *column,
             const char  *text,
             GError     **error)
{
  ShnorNetworkView *self = data;

  return shnor_document_set_joint_event_field (self->document, id, column, text, error);
}

static void
delete_event (gpointer data,
              gint64   id)
{
  ShnorNetworkView *self = data;
  g_autoptr(GError) error = NULL;

  if (!shnor_document_delete_joint_event (self->document, id, &error))
    shnor_widget_show_error (GTK_WIDGET (self), _("Could not delete the joint event"), error);
}

static void
fill_programmes (ShnorNetworkView       *self,
                 const ShnorPartnership *p)
{
  g_autoptr(GListModel) programmes = shnor_document_get_programmes (self->document, FALSE);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint select = 0;
  gint64 none = 0;

  g_array_set_size (self->programme_ids, 0);
  gtk_string_list_append (labels, _("Not part of a programme"));
  g_array_append_val (self->programme_ids, none);
  for (guint i = 0; i < g_list_model_get_n_items (programmes); i++)
    {
      g_autoptr(ShnorProgramme) programme = g_list_model_get_item (programmes, i);
      gint64 id = shnor_programme_get_id (programme);
      g_autofree char *label = g_strdup_printf ("%s — %s", shnor_programme_get_title (programme),
                                                shnor_programme_status_label (shnor_programme_get_status (programme)));

      if (id == p->programme_id)
        select = self->programme_ids->len;
      g_array_append_val (self->programme_ids, id);
      gtk_string_list_append (labels, label);
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->programme_drop), G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->programme_drop), select);
  gtk_widget_set_tooltip_text (self->programme_drop, gtk_string_list_get_string (labels, select));
  gtk_widget_set_sensitive (self->programme_drop, writable (self) && !p->locked);
}

static void
measure_toggled (GtkCheckButton   *check,
                 ShnorNetworkView *self)
{
  gint64 measure = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "shnor-id"));
  g_autoptr(GError) error = NULL;

  if (self->filling)
    return;
  if (!shnor_document_set_partnership_measure (self->document, self->selected, measure,
                                               gtk_check_button_get_active (check), &error))
    {
      self->filling = TRUE;
      gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
      self->filling = FALSE;
      shnor_widget_show_error (GTK_WIDGET (self), _("Could not change the measures of the partnership"), error);
    }
}

static void
fill_measures (ShnorNetworkView       *self,
               const ShnorPartnership *p)
{
  g_autoptr(GArray) measures = NULL;
  g_autoptr(GArray) tables = NULL;
  g_autoptr(GArray) bound = NULL;

  shnor_widget_remove_children (self->measures_box);
  gtk_widget_set_visible (self->measures_heading, p->programme_id != 0);
  gtk_widget_set_visible (self->measures_box, p->programme_id != 0);
  if (p->programme_id == 0)
    return;
  measures = shnor_document_get_roadmap (self->document, p->programme_id, NULL);
  tables = shnor_document_get_measure_tables (self->document, p->programme_id);
  bound = shnor_document_get_partnership_measures (self->document, p->id);
  for (guint i = 0; i < measures->len; i++)
    {
      const ShnorMeasure *m = &g_array_index (measures, ShnorMeasure, i);
      g_autofree char *label = shnor_measure_dup_label (m);
      /* a row by levels is named by all its actions: it wraps */
      GtkWidget *check = shnor_check_button_new_wrapped (label, 70);
      gboolean on = FALSE;

      /* each table is numbered on its own: its title above its measures */
      if (tables->len > 1 && (i == 0 || g_array_index (measures, ShnorMeasure, i - 1).table_id != m->table_id))
        for (guint t = 0; t < tables->len; t++)
          if (g_array_index (tables, ShnorMeasureTable, t).id == m->table_id)
            {
              GtkWidget *heading = gtk_label_new (g_array_index (tables, ShnorMeasureTable, t).title);

              gtk_label_set_xalign (GTK_LABEL (heading), 0);
              gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
              gtk_widget_add_css_class (heading, "caption-heading");
              gtk_widget_add_css_class (heading, "dim-label");
              gtk_widget_set_margin_top (heading, i == 0 ? 0 : 6);
              gtk_box_append (GTK_BOX (self->measures_box), heading);
            }

      for (guint b = 0; b < bound->len; b++)
        on |= g_array_index (bound, gint64, b) == m->id;
      gtk_widget_set_margin_start (check, 12 * (int) m->depth);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
      gtk_widget_set_sensitive (check, writable (self) && !p->locked);
      g_object_set_data (G_OBJECT (check), "shnor-id", GSIZE_TO_POINTER ((gsize) m->id));
      g_signal_connect (check, "toggled", G_CALLBACK (measure_toggled), self);
      gtk_box_append (GTK_BOX (self->measures_box), check);
    }
  if (measures->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("The programme's road map has no measures yet."));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (self->measures_box), none);
    }
}

static void
fill_events (ShnorNetworkView       *self,
             const ShnorPartnership *p)
{
  g_autoptr(GArray) events = shnor_document_get_joint_events (self->document, p->id);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree char *heading = g_strdup_printf (_("Joint events: %u"), events->len);

  for (guint i = 0; i < events->len; i++)
    {
      g_array_append_val (ids, g_array_index (events, ShnorJointEvent, i).id);
      g_ptr_array_add (texts, g_array_index (events, ShnorJointEvent, i).texts);
    }
  gtk_label_set_text (GTK_LABEL (self->events_heading), heading);
  self->filling = TRUE;
  shnor_field_table_set_rows (SHNOR_FIELD_TABLE (self->events), ids, texts, NULL);
  self->filling = FALSE;
  shnor_field_table_set_editable (SHNOR_FIELD_TABLE (self->events), writable (self));
  gtk_widget_set_sensitive (self->add_event_button, writable (self));
  gtk_widget_set_sensitive (self->event_date, writable (self));
}

static void
fill_detail (ShnorNetworkView *self)
{
  ShnorPartnership p;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  guint n_fields;
  const ShnorField *fields = shnor_partnership_fields (&n_fields);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->selected == 0 || !shnor_document_get_partnership (self->document, self->selected, &p))
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->detail_stack), "empty");
      return;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->detail_stack), "partnership");
  title = g_strdup_printf ("%s → %s", p.school_name, p.partner_name);
  subtitle = p.organisation_id != 0
    ? g_strdup_printf (_("Supported school and a partner organisation (%s)"), p.partner_kind)
    : g_strdup (_("Supported school and a partner school"));
  gtk_label_set_text (GTK_LABEL (self->partnership_title), title);
  gtk_label_set_text (GTK_LABEL (self->partnership_subtitle), subtitle);
  if (p.locked)
    {
      g_autofree char *lock = g_strdup_printf (_("The partnership is part of the approved programme “%s”: its plan "
                                                 "cannot change until an amendment. Its status, note and joint "
                                                 "events are still recorded."), p.programme_title);

      gtk_label_set_text (GTK_LABEL (self->lock_label), lock);
    }
  gtk_widget_set_visible (self->lock_label, p.locked);

  g_array_append_val (ids, p.id);
  g_ptr_array_add (texts, p.texts);
  shnor_field_table_set_rows (SHNOR_FIELD_TABLE (self->form), ids, texts, NULL);
  shnor_field_table_set_editable (SHNOR_FIELD_TABLE (self->form), writable (self));
  for (guint i = 0; i < n_fields; i++)
    if (shnor_partnership_field_is_plan (fields[i].column))
      shnor_field_table_set_column_editable (SHNOR_FIELD_TABLE (self->form), fields[i].column, !p.locked);
  self->filling = TRUE;
  fill_programmes (self, &p);
  fill_measures (self, &p);
  self->filling = FALSE;
  fill_events (self, &p);
  shnor_partnership_clear (&p);
}

static void
partnership_selected (ShnorNetworkView *self,
                      GtkListBoxRow    *row)
{
  if (self->filling)
    return;
  self->selected = row ? (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "shnor-id")) : 0;
  gtk_widget_set_visible (self->event_error, FALSE);
  fill_detail (self);
  set_action_enabled (self, "network.delete-partnership", self->selected != 0 && writable (self));
}

static void
programme_chosen (ShnorNetworkView *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->programme_drop));
  g_autoptr(GError) error = NULL;

  if (self->filling || self->selected == 0 || selected >= self->programme_ids->len)
    return;
  if (!shnor_document_set_partnership_programme (self->document, self->selected,
                                                 g_array_index (self->programme_ids, gint64, selected), &error))
    {
      shnor_widget_show_error (GTK_WIDGET (self), _("Could not bind the partnership to the programme"), error);
      fill_detail (self);
    }
}

static void
add_event (ShnorNetworkView *self)
{
  g_autoptr(GError) error = NULL;
  guint form = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->event_form));

  if (self->selected == 0 || !writable (self))
    return;
  if (shnor_document_add_joint_event (self->document, self->selected,
                                      gtk_editable_get_text (GTK_EDITABLE (self->event_date)),
                                      form == GTK_INVALID_LIST_POSITION ? 0 : form, &error) == 0)
    {
      gtk_label_set_text (GTK_LABEL (self->event_error), error->message);
      gtk_widget_set_visible (self->event_error, TRUE);
      return;
    }
  gtk_widget_set_visible (self->event_error, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->event_date), "");
}

/* ---- adding and deleting -------------------------------------------------- */

static void
fill_add_popover (ShnorNetworkView *self)
{
  GListModel *schools = shnor_document_get_schools (self->document);
  g_autoptr(GArray) organisations = shnor_document_get_organisations (self->document);
  g_autoptr(GtkStringList) school_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) partner_labels = gtk_string_list_new (NULL);
  g_autoptr(ShnorClassification) classification = shnor_document_classify (self->document);

  g_array_set_size (self->school_ids, 0);
  g_array_set_size (self->partner_ids, 0);
  /* the supported schools first: those in the ШНОР and ШНСУ groups */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
      {
        g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);
        gint64 id = shnor_school_get_id (school);
        guint groups = classification ? shnor_classification_get_groups (classification, id) : 0;
        gboolean supported = (groups & ((1u << SHNOR_GROUP_LOW) | (1u << SHNOR_GROUP_SOCIAL))) != 0;

        if (supported != (pass == 0))
          continue;
        if (supported)
          {
            g_autofree char *label = g_strdup_printf ("%s (%s)", shnor_school_get_display_name (school),
                                                      (groups & (1u << SHNOR_GROUP_LOW)) ? shnor_group_badge (SHNOR_GROUP_LOW)
                                                                                         : shnor_group_badge (SHNOR_GROUP_SOCIAL));

            gtk_string_list_append (school_labels, label);
          }
        else
          gtk_string_list_append (school_labels, shnor_school_get_display_name (school));
        g_array_append_val (self->school_ids, id);
      }
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);
      gint64 id = shnor_school_get_id (school);

      gtk_string_list_append (partner_labels, shnor_school_get_display_name (school));
      g_array_append_val (self->partner_ids, id);
    }
  for (guint i = 0; i < organisations->len; i++)
    {
      const ShnorOrganisation *o = &g_array_index (organisations, ShnorOrganisation, i);
      gint64 id = -o->id;
      g_autofree char *label = g_strdup_printf ("%s (%s)", o->texts[0], shnor_organisation_kind_label (o->kind));

      gtk_string_list_append (partner_labels, label);
      g_array_append_val (self->partner_ids, id);
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->add_school), G_LIST_MODEL (school_labels));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->add_partner), G_LIST_MODEL (partner_labels));
  gtk_widget_set_visible (self->add_error, FALSE);
}

static void
add_partnership (ShnorNetworkView *self)
{
  guint school = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->add_school));
  guint partner = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->add_partner));
  guint role = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->add_role));
  g_autoptr(GError) error = NULL;
  gint64 partner_id, id;

  if (school >= self->school_ids->len || partner >= self->partner_ids->len)
    return;
  partner_id = g_array_index (self->partner_ids, gint64, partner);
  id = shnor_document_add_partnership (self->document, g_array_index (self->school_ids, gint64, school),
                                       partner_id > 0 ? partner_id : 0, partner_id < 0 ? -partner_id : 0,
                                       role == GTK_INVALID_LIST_POSITION ? 0 : role, &error);
  if (id == 0)
    {
      gtk_label_set_text (GTK_LABEL (self->add_error), error->message);
      gtk_widget_set_visible (self->add_error, TRUE);
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (self->add_popover));
  shnor_network_view_show_partnership (self, id);
}

static void
delete_partnership (GtkWidget  *widget,
                    const char *action,
                    GVariant   *param)
{
  ShnorNetworkView *self = SHNOR_NETWORK_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  ShnorPartnership p;
  guint at = 0;

  if (self->selected == 0 || !shnor_document_get_partnership (self->document, self->selected, &p))
    return;
  /* TRANSLATORS: a toast after deleting a partnership; the school and its partner */
  done = g_strdup_printf (_("Partnership “%s → %s” deleted"), p.school_name, p.partner_name);
  shnor_partnership_clear (&p);
  for (guint i = 0; i < self->shown->len; i++)
    if (g_array_index (self->shown, gint64, i) == self->selected)
      at = i;
  if (!shnor_document_delete_partnership (self->document, self->selected, &error))
    {
      shnor_widget_show_error (GTK_WIDGET (self), _("Could not delete the partnership"), error);
      return;
    }
  shnor_toast (GTK_WIDGET (self), self->document, done);
  /* the next one in the list is selected, as a list does after a deletion */
  self->selected = at + 1 < self->shown->len ? g_array_index (self->shown, gint64, at + 1)
                   : at > 0 ? g_array_index (self->shown, gint64, at - 1) : 0;
  load (self);
}

static void
suggest (GtkWidget  *widget,
         const char *action,
         GVariant   *param)
{
  ShnorNetworkView *self = SHNOR_NETWORK_VIEW (widget);
  ShnorPartnership p;
  gint64 school = 0;
  GtkWidget *dialog;

  if (self->document == NULL)
    return;
  if (self->selected != 0 && shnor_document_get_partnership (self->document, self->selected, &p))
    {
      school = p.school_id;
      shnor_partnership_clear (&p);
    }
  dialog = shnor_suggest_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->document, school);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the diagram ------------------------------------------------------------ */

static void
draw_diagram (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  ShnorNetworkView *self = data;

  if (self->diagram != NULL)
    shnor_network_diagram_draw (cr, width, height, self->diagram);
}

static void
fill_diagram (ShnorNetworkView *self)
{
  g_clear_pointer (&self->diagram, shnor_network_diagram_free);
  self->diagram = shnor_network_diagram_new (self->document,
                                             gtk_check_button_get_active (GTK_CHECK_BUTTON (self->show_ended)));
  shnor_network_diagram_set_dark (self->diagram, shnor_widget_dark_theme (self->diagram_area));
  shnor_network_diagram_set_selected (self->diagram, self->selected);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->diagram_area),
                                       shnor_network_diagram_get_height (self->diagram));
  gtk_widget_queue_draw (self->diagram_area);
}

static void
show_ended_toggled (ShnorNetworkView *self)
{
  if (self->document != NULL)
    fill_diagram (self);
}

static void
diagram_pressed (GtkGestureClick  *gesture,
                 int               n_press,
                 double            x,
                 double            y,
                 ShnorNetworkView *self)
{
  gint64 id;

  if (self->diagram == NULL)
    return;
  id = shnor_network_diagram_hit (self->diagram, gtk_widget_get_width (self->diagram_area),
                                  gtk_widget_get_height (self->diagram_area), x, y);
  if (id == 0)
    return;
  self->selected = id;
  shnor_network_diagram_set_selected (self->diagram, id);
  gtk_widget_queue_draw (self->diagram_area);
  if (n_press == 2)
    shnor_network_view_show_partnership (self, id);
}

static gboolean
diagram_tooltip (GtkWidget  *area,
                 int         x,
                 int         y,
                 gboolean    keyboard,
                 GtkTooltip *tooltip,
                 gpointer    data)
{
  ShnorNetworkView *self = SHNOR_NETWORK_VIEW (gtk_widget_get_ancestor (area, SHNOR_TYPE_NETWORK_VIEW));
  g_autofree char *text = NULL;
  gint64 id;

  if (self == NULL || self->diagram == NULL)
    return FALSE;
  id = shnor_network_diagram_hit (self->diagram, gtk_widget_get_width (area), gtk_widget_get_height (area), x, y);
  if (id == 0)
    return FALSE;
  text = shnor_network_diagram_describe (self->diagram, id);
  gtk_tooltip_set_text (tooltip, text);
  return text != NULL;
}

static void
diagram_saved (GObject    *owner,
               GtkWindow  *parent,
               GFile      *file,
               const char *path)
{
  ShnorNetworkView *self = SHNOR_NETWORK_VIEW (owner);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorNetworkDiagram) diagram = NULL;

  if (path == NULL || self->document == NULL)
    return;
  diagram = shnor_network_diagram_new (self->document,
                                       gtk_check_button_get_active (GTK_CHECK_BUTTON (self->show_ended)));
  if (!shnor_network_diagram_save (diagram, path, &error))
    shnor_widget_show_error (GTK_WIDGET (self), _("Could not save the diagram"), error);
}

static void
save_diagram (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  shnor_choose_file (GTK_WINDOW (gtk_widget_get_root (widget)), _("Save the Diagram"), GTK_FILE_CHOOSER_ACTION_SAVE,
                     _("_Save"), _("Network diagram.pdf"), SHNOR_FILES_CHARTS, diagram_saved, G_OBJECT (widget));
}

/* ---- loading ------------------------------------------------------------------ */

static const char *
visible_page (ShnorNetworkView *self)
{
  const char *name = gtk_stack_get_visible_child_name (GTK_STACK (self->pages));

  return name ? name : "";
}

static void
load (ShnorNetworkView *self)
{
  g_clear_handle_id (&self->idle, g_source_remove);
  if (self->document == NULL)
    return;
  gtk_widget_set_sensitive (self->add_button, writable (self));
  set_action_enabled (self, "network.suggest", writable (self));
  set_action_enabled (self, "network.save-diagram", TRUE);
  if (g_str_equal (visible_page (self), "partnerships"))
    {
      fill_list (self);
      fill_detail (self);
      set_action_enabled (self, "network.delete-partnership", self->selected != 0 && writable (self));
    }
  else if (g_str_equal (visible_page (self), "diagram"))
    fill_diagram (self);
}

static void
document_changed (ShnorDocument    *document,
                  const char       *table,
                  gint64            rowid,
                  ShnorNetworkView *self)
{
  static const char * const tables[] = {
    "partnership", "partnership_measure", "joint_event", "organisation", "school", "programme", "measure",
    "result", "school_context",
  };

  if (self->idle != 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (table, tables[i]))
      {
        shnor_queue_idle (&self->idle, G_CALLBACK (load), self);
        return;
      }
}

static void
filter_changed (ShnorNetworkView *self)
{
  if (self->document != NULL && !self->filling)
    load (self);
}

static void
page_changed (ShnorNetworkView *self)
{
  if (self->document != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

static void
shnor_network_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (shnor_network_view_parent_class)->map (widget);
  load (SHNOR_NETWORK_VIEW (widget));
}

static void
popover_shown (ShnorNetworkView *self)
{
  if (self->document != NULL)
    fill_add_popover (self);
}

/* ---- the widget ------------------------------------------------------------------ */

static void
shnor_network_view_dispose (GObject *object)
{
  ShnorNetworkView *self = SHNOR_NETWORK_VIEW (object);

  self->filling = TRUE;   /* the lists emit their signals as they go */
  g_clear_handle_id (&self->idle, g_source_remove);
  shnor_network_view_set_document (self, NULL);
  g_clear_pointer (&self->diagram, shnor_network_diagram_free);
  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->school_ids, g_array_unref);
  g_clear_pointer (&self->partner_ids, g_array_unref);
  g_clear_pointer (&self->programme_ids, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHNOR_TYPE_NETWORK_VIEW);
  G_OBJECT_CLASS (shnor_network_view_parent_class)->dispose (object);
}

static void
shnor_network_view_class_init (ShnorNetworkViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_network_view_dispose;
  widget_class->map = shnor_network_view_map;
  g_type_ensure (SHNOR_TYPE_BANK_VIEW);
  g_type_ensure (SHNOR_TYPE_STAFF_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-network-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ShnorNetworkView, name)
  BIND (box); BIND (switcher); BIND (pages); BIND (status_filter); BIND (add_button); BIND (add_popover);
  BIND (add_school); BIND (add_partner); BIND (add_role); BIND (add_error); BIND (suggest_button);
  BIND (delete_button); BIND (save_diagram_button); BIND (programme_label);
  BIND (partnership_list); BIND (count_label); BIND (detail_stack); BIND (detail_box); BIND (partnership_title);
  BIND (partnership_subtitle); BIND (lock_label); BIND (form_box); BIND (programme_drop); BIND (measures_heading);
  BIND (measures_box); BIND (events_heading); BIND (events_box); BIND (event_date); BIND (event_form);
  BIND (add_event_button); BIND (event_error); BIND (show_ended); BIND (diagram_area); BIND (bank); BIND (staff);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, page_changed);
  gtk_widget_class_bind_template_callback (widget_class, partnership_selected);
  gtk_widget_class_bind_template_callback (widget_class, programme_chosen);
  gtk_widget_class_bind_template_callback (widget_class, add_event);
  gtk_widget_class_bind_template_callback (widget_class, add_partnership);
  gtk_widget_class_bind_template_callback (widget_class, show_ended_toggled);
  gtk_widget_class_bind_template_callback (widget_class, diagram_tooltip);
  gtk_widget_class_install_action (widget_class, "network.delete-partnership", NULL, delete_partnership);
  gtk_widget_class_install_action (widget_class, "network.suggest", NULL, suggest);
  gtk_widget_class_install_action (widget_class, "network.save-diagram", NULL, save_diagram);
}

static GStrv
strv_of (guint         n,
         const char *(*label) (int))
{
  GStrv out = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    out[i] = g_strdup (label ((int) i));
  return out;
}

static const char *
role_label (int role)
{
  return shnor_partner_role_label (role);
}

static const char *
form_label (int form)
{
  return shnor_event_form_label (form);
}

static void
build_tables (ShnorNetworkView *self)
{
  guint n_fields;
  const ShnorField *fields, *events;

  self->form = shnor_field_table_new (TRUE);
  fields = shnor_partnership_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    shnor_field_table_add_column (SHNOR_FIELD_TABLE (self->form), &fields[i], i,
                                  fields[i].kind == SHNOR_FIELD_CHOICE ? shnor_network_dup_choices (&fields[i]) : NULL,
                                  NULL);
  shnor_field_table_set_handlers (SHNOR_FIELD_TABLE (self->form), store_partnership, NULL, NULL, self);
  gtk_size_group_add_widget (shnor_field_table_get_captions (SHNOR_FIELD_TABLE (self->form)), self->programme_label);
  gtk_box_append (GTK_BOX (self->form_box), self->form);

  self->events = shnor_field_table_new (FALSE);
  events = shnor_event_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    shnor_field_table_add_column (SHNOR_FIELD_TABLE (self->events), &events[i], i,
                                  events[i].kind == SHNOR_FIELD_CHOICE ? shnor_network_dup_choices (&events[i]) : NULL,
                                  NULL);
  shnor_field_table_set_column_width (SHNOR_FIELD_TABLE (self->events), "note", 12);
  shnor_field_table_set_handlers (SHNOR_FIELD_TABLE (self->events), store_event, delete_event,
                                  _("Delete the joint event"), self);
  shnor_field_table_set_placeholder (SHNOR_FIELD_TABLE (self->events),
                                     _("No joint events yet: add the first one below (visits, open lessons, "
                                       "consultations, seminars, internships)."));
  gtk_box_append (GTK_BOX (self->events_box), self->events);
}

static void
shnor_network_view_init (ShnorNetworkView *self)
{
  const char *statuses[SHNOR_N_PARTNERSHIP_STATUSES + 2] = { _("All statuses") };
  g_autoptr(GtkStringList) status_list = NULL;
  g_auto(GStrv) roles = strv_of (SHNOR_N_PARTNER_ROLES, role_label);
  g_auto(GStrv) forms = strv_of (SHNOR_N_EVENT_FORMS, form_label);
  g_autoptr(GtkStringList) role_list = gtk_string_list_new ((const char * const *) roles);
  g_autoptr(GtkStringList) form_list = gtk_string_list_new ((const char * const *) forms);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->school_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->partner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->programme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint s = 0; s < SHNOR_N_PARTNERSHIP_STATUSES; s++)
    statuses[s + 1] = shnor_partnership_status_label (s);
  status_list = gtk_string_list_new (statuses);
  self->filling = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->status_filter), G_LIST_MODEL (status_list));
  self->filling = FALSE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->add_role), G_LIST_MODEL (role_list));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->event_form), G_LIST_MODEL (form_list));
  build_tables (self);
  shnor_drop_down_ellipsize (self->programme_drop, 40);
  shnor_remember_paned (gtk_widget_get_ancestor (self->partnership_list, GTK_TYPE_PANED), "network-pane");
  shnor_list_single_tab_stop (self->partnership_list);
  g_signal_connect_swapped (self->add_popover, "show", G_CALLBACK (popover_shown), self);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->diagram_area), draw_diagram, self, NULL);
  g_signal_connect (click, "pressed", G_CALLBACK (diagram_pressed), self);
  gtk_widget_add_controller (self->diagram_area, GTK_EVENT_CONTROLLER (click));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                      gtk_named_action_new ("network.delete-partnership")));
  gtk_widget_add_controller (self->partnership_list, keys);
  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (self->switcher)), FALSE);
  /* nothing to act on before a document */
  for (guint i = 0; i < G_N_ELEMENTS (action_buttons); i++)
    g_signal_connect (G_STRUCT_MEMBER (GtkWidget *, self, action_buttons[i].button), "clicked",
                      G_CALLBACK (action_button_clicked), self);
  set_action_enabled (self, "network.delete-partnership", FALSE);
  set_action_enabled (self, "network.suggest", FALSE);
  set_action_enabled (self, "network.save-diagram", FALSE);
}

void
shnor_network_view_set_document (ShnorNetworkView *self,
                                 ShnorDocument    *document)
{
  g_return_if_fail (SHNOR_IS_NETWORK_VIEW (self));

  if (!shnor_watch_document (&self->document, document, G_CALLBACK (document_changed), self))
    return;
  self->selected = 0;
  shnor_bank_view_set_document (SHNOR_BANK_VIEW (self->bank), document);
  shnor_staff_view_set_document (SHNOR_STAFF_VIEW (self->staff), document);
  if (document != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

/* Opens the partnership @id on the partnerships page, whatever the
 * filter showed. */
void
shnor_network_view_show_partnership (ShnorNetworkView *self,
                                     gint64            id)
{
  g_return_if_fail (SHNOR_IS_NETWORK_VIEW (self));
  self->selected = id;
  self->filling = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->status_filter), 0);
  self->filling = FALSE;
  gtk_stack_set_visible_child_name (GTK_STACK (self->pages), "partnerships");
  load (self);
}

/* Ctrl+N: adds what the page shown keeps — a practice in the bank, a
 * teacher on the teachers' page, a partnership elsewhere. */
void
shnor_network_view_add (ShnorNetworkView *self)
{
  const char *page;

  g_return_if_fail (SHNOR_IS_NETWORK_VIEW (self));
  if (self->document == NULL || !writable (self))
    return;
  page = visible_page (self);
  if (g_str_equal (page, "bank"))
    shnor_bank_view_add (SHNOR_BANK_VIEW (self->bank));
  else if (g_str_equal (page, "staff"))
    gtk_widget_grab_focus (shnor_staff_view_get_child (SHNOR_STAFF_VIEW (self->staff), "teacher_name"));
  else
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->pages), "partnerships");
      gtk_menu_button_popup (GTK_MENU_BUTTON (self->add_button));
    }
}

/* Shows @name: "partnerships", "diagram", "bank" or "staff". */
void
shnor_network_view_show_page (ShnorNetworkView *self,
                              const char       *name)
{
  g_return_if_fail (SHNOR_IS_NETWORK_VIEW (self));
  gtk_stack_set_visible_child_name (GTK_STACK (self->pages), name);
}

gint64
shnor_network_view_get_selected (ShnorNetworkView *self)
{
  g_return_val_if_fail (SHNOR_IS_NETWORK_VIEW (self), 0);
  return self->selected;
}

/* For tests: a child of the template, or "form"/"events" (the tables). */
GtkWidget *
shnor_network_view_get_child (ShnorNetworkView *self,
                              const char       *name)
{
  g_return_val_if_fail (SHNOR_IS_NETWORK_VIEW (self), NULL);
  if (g_str_equal (name, "form"))
    return self->form;
  if (g_str_equal (name, "events"))
    return self->events;
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SHNOR_TYPE_NETWORK_VIEW, name));
}
