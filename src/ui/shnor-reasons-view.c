/* shnor-reasons-view.c: why a school is (or is not) in each group of the
 * active criteria set: every criterion, met or not, with the values and
 * years behind it */
#define G_LOG_DOMAIN "shnor-reasons-view"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-widgets.h"
#include "shnor-reasons-view.h"

struct _ShnorReasonsView
{
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  GtkWidget     *content;

  ShnorDocument *document;
  ShnorSchool   *school;
  guint          idle;
};

G_DEFINE_FINAL_TYPE (ShnorReasonsView, shnor_reasons_view, GTK_TYPE_WIDGET)

/**
 * shnor_reasons_view_fill_badges:
 *
 * Replaces the children of @box by one badge per group in @groups: the
 * school list and the school page show the same badges.
 */
void
shnor_reasons_view_fill_badges (GtkBox *box,
                                guint   groups)
{
  guint both = (1u << SHNOR_GROUP_LOW) | (1u << SHNOR_GROUP_SOCIAL);

  /* beside the badges of its two groups, the combined group says nothing
   * more */
  if ((groups & both) == both)
    groups &= ~(1u << SHNOR_GROUP_LOW_SOCIAL);
  shnor_widget_remove_children (GTK_WIDGET (box));
  for (ShnorGroup g = 0; g < SHNOR_N_GROUPS; g++)
    if (groups & (1u << g))
      {
        GtkWidget *badge = gtk_label_new (shnor_group_badge (g));

        gtk_widget_add_css_class (badge, "badge");
        gtk_widget_add_css_class (badge, shnor_group_css_class (g));
        gtk_widget_set_tooltip_text (badge, shnor_group_label (g));
        gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
        gtk_box_append (box, badge);
      }
}

static GtkWidget *
add_label (ShnorReasonsView *self,
           const char       *text,
           const char       *css_class,
           int               indent)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);  /* natural width: the window opens at a sane size */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, indent);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (self->content), label);
  return label;
}

static const char *
comparison_sign (ShnorComparison comparison)
{
  switch (comparison)
    {
    case SHNOR_COMPARE_LT: return "<";
    case SHNOR_COMPARE_GT: return ">";
    case SHNOR_COMPARE_LE:
    case SHNOR_COMPARE_PERCENTILE_LE: return "≤";
    default: return "≥";
    }
}

static char *
value_with_limit (const ShnorCriterion *c,
                  gboolean              known,
                  double                value,
                  double                limit,
                  gboolean              met)
{
  g_autofree char *v = NULL;
  g_autofree char *l = NULL;

  if (!known)
    return g_strdup_printf ("%s ✗", _("no data"));
  v = shnor_format_double (value, 2);
  if (limit != limit)  /* NAN: nobody had a value to take a percentile of */
    return g_strdup_printf ("%s %s", v, met ? "✓" : "✗");
  l = shnor_format_double (limit, 2);
  /* TRANSLATORS: a value, the comparison sign and the limit it is compared with */
  return g_strdup_printf (_("%s (limit %s %s) %s"), v, comparison_sign (c->comparison), l, met ? "✓" : "✗");
}

/* The colour says good or bad, not "met": meeting a criterion of the
 * stable high results is good; meeting one of a group that needs support
 * (ШНОР, decline, ШНСУ) is bad. A criterion not met is plain. */
static const char *
reason_class (const ShnorReason *r)
{
  if (!r->met)
    return "reason-plain";
  return r->criterion->group == SHNOR_GROUP_HIGH ? "reason-good" : "reason-bad";
}

static void
show_reason (ShnorReasonsView  *self,
             const ShnorReason *r)
{
  g_autofree char *description = shnor_document_describe_criterion (self->document, r->criterion);
  g_autofree char *line = g_strdup_printf ("%s %s", r->met ? "✓" : "✗", description);
  g_autoptr(GString) years = g_string_new (NULL);

  add_label (self, line, reason_class (r), 12);
  if (r->n_years == 0)
    {
      add_label (self, _("Nobody in the municipality has data for this metric."), "dim-label", 30);
      return;
    }
  for (guint k = 0; k < r->n_years; k++)
    {
      const ShnorReasonYear *y = &r->years[k];
      g_autofree char *value = NULL;

      if (r->criterion->aggregate == SHNOR_AGGREGATE_EACH)
        value = value_with_limit (r->criterion, y->known, y->value, y->limit, y->met);
      else
        value = y->known ? shnor_format_double (y->value, 2) : g_strdup (_("no data"));
      g_string_append_printf (years, "%s%d: %s", k ? "   " : "", y->year, value);
    }
  if (r->criterion->aggregate != SHNOR_AGGREGATE_EACH)
    {
      g_autofree char *total = value_with_limit (r->criterion, r->total_known, r->total, r->total_limit, r->met);

      g_string_append_printf (years, "   %s %s",
                              r->criterion->aggregate == SHNOR_AGGREGATE_SUM ? _("Total:") : _("Mean:"), total);
    }
  add_label (self, years->str, "dim-label", 30);
}

static void
refresh (ShnorReasonsView *self)
{
  g_autoptr(ShnorClassification) cls = NULL;
  const ShnorCriteriaSet *set;
  const ShnorReason *reasons;
  GtkWidget *badges;
  guint n, groups;
  gint64 id;

  shnor_widget_remove_children (self->content);
  if (self->document == NULL || self->school == NULL)
    return;
  cls = shnor_document_classify (self->document);
  if (cls == NULL)
    return;
  id = shnor_school_get_id (self->school);
  set = shnor_classification_get_set (cls);
  groups = shnor_classification_get_groups (cls, id);

  badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  shnor_reasons_view_fill_badges (GTK_BOX (badges), groups);
  if (groups == 0)
    gtk_box_append (GTK_BOX (badges), gtk_label_new (_("The school is in none of the groups.")));
  gtk_box_append (GTK_BOX (self->content), badges);

  if (set->name[0] == '\0')
    {
      add_label (self, _("No criteria set is active: choose one on the Identification page."), "dim-label", 0);
      return;
    }
  {
    g_autofree char *date = shnor_format_iso_date (set->order_date);
    g_autofree char *line = set->order_number[0] != '\0' || date[0] != '\0' ?
      g_strdup_printf (_("Criteria set “%s”, approved by order No. %s of %s"), set->name, set->order_number, date) :
      g_strdup_printf (_("Criteria set “%s”, not yet approved by an order"), set->name);

    add_label (self, line, "dim-label", 0);
  }

  reasons = shnor_classification_get_reasons (cls, id, &n);
  for (ShnorGroup g = 0; g < SHNOR_N_GROUPS; g++)
    {
      gboolean any = FALSE;
      g_autofree char *heading = NULL;

      for (guint i = 0; i < n; i++)
        any |= reasons[i].criterion->group == g;
      if (!any)
        continue;
      heading = g_strdup_printf ("%s — %s", shnor_group_label (g),
                                 groups & (1u << g) ? _("all criteria met") : _("not all criteria met"));
      gtk_widget_set_margin_top (add_label (self, heading, "reason-group", 0), 12);
      for (guint i = 0; i < n; i++)
        if (reasons[i].criterion->group == g)
          show_reason (self, &reasons[i]);
    }
}

static gboolean
refresh_idle (gpointer data)
{
  ShnorReasonsView *self = data;

  self->idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Many rows change in one step: refresh once, when the loop is idle. */
static void
queue_refresh (ShnorReasonsView *self)
{
  if (self->idle == 0)
    self->idle = g_idle_add (refresh_idle, self);
}

static void
document_changed (ShnorDocument    *document,
                  const char       *table,
                  gint64            rowid,
                  ShnorReasonsView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    queue_refresh (self);
}

static void
shnor_reasons_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (shnor_reasons_view_parent_class)->map (widget);
  refresh (SHNOR_REASONS_VIEW (widget));
}

static void
shnor_reasons_view_dispose (GObject *object)
{
  ShnorReasonsView *self = SHNOR_REASONS_VIEW (object);

  g_clear_handle_id (&self->idle, g_source_remove);
  shnor_reasons_view_set_document (self, NULL);
  g_clear_object (&self->school);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHNOR_TYPE_REASONS_VIEW);

  G_OBJECT_CLASS (shnor_reasons_view_parent_class)->dispose (object);
}

static void
shnor_reasons_view_class_init (ShnorReasonsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_reasons_view_dispose;
  widget_class->map = shnor_reasons_view_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-reasons-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ShnorReasonsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, ShnorReasonsView, content);
}

static void
shnor_reasons_view_init (ShnorReasonsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
shnor_reasons_view_set_document (ShnorReasonsView *self,
                                 ShnorDocument    *document)
{
  g_return_if_fail (SHNOR_IS_REASONS_VIEW (self));

  if (!shnor_watch_document (&self->document, document, G_CALLBACK (document_changed), self))
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

void
shnor_reasons_view_set_school (ShnorReasonsView *self,
                               ShnorSchool      *school)
{
  g_return_if_fail (SHNOR_IS_REASONS_VIEW (self));

  if (!g_set_object (&self->school, school))
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

/* For tests: the text of every line shown, one per line. */
char *
shnor_reasons_view_dup_text (ShnorReasonsView *self)
{
  GString *text = g_string_new (NULL);

  refresh (self);
  for (GtkWidget *child = gtk_widget_get_first_child (self->content); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
      else
        for (GtkWidget *badge = gtk_widget_get_first_child (child); badge != NULL;
             badge = gtk_widget_get_next_sibling (badge))
          g_string_append_printf (text, "[%s]", gtk_label_get_text (GTK_LABEL (badge)));
    }
  return g_string_free (text, FALSE);
}
