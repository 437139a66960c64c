/* shnor-identification-view.c: edit the criteria sets (the active one
 * classifies the schools) and see the lists of the schools in each group,
 * with the approving order. Every edit re-classifies at once. */
#define G_LOG_DOMAIN "shnor-identification-view"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-widgets.h"
#include "shnor-field-entry.h"
#include "shnor-identification-view.h"
#include "shnor-reasons-view.h"

struct _ShnorIdentificationView
{
  GtkWidget      parent_instance;

  GtkWidget     *paned;
  GtkWidget     *set_dropdown;
  GtkWidget     *activate_button;
  GtkWidget     *copy_button;
  GtkWidget     *delete_button;
  GtkWidget     *set_grid;
  GtkWidget     *criteria_grid;
  GtkWidget     *error_label;
  GtkWidget     *add_button;
  GtkWidget     *lists_box;

  ShnorDocument *document;
  GPtrArray     *sets;          /* of ShnorCriteriaSet, as last loaded */
  gint64         set_id;        /* the set shown */
  GArray        *row_ids;       /* criterion ids of the rows shown */
  GStrv          metrics;       /* the metric of each item of the metric lists */
  char          *set_keys;      /* the sets' ids and names the dropdown shows */
  gboolean       loading;
  guint          idle;
};

G_DEFINE_FINAL_TYPE (ShnorIdentificationView, shnor_identification_view, GTK_TYPE_WIDGET)

enum {
  COLUMN_GROUP, COLUMN_METRIC, COLUMN_COMPARISON, COLUMN_THRESHOLD, COLUMN_AGGREGATE,
  COLUMN_YEARS, COLUMN_AT_LEAST, COLUMN_DELETE, N_COLUMNS
};

/* Each criterion takes two lines of the grid: its group, metric and
 * delete button; then its comparison, threshold, window, N and K. */
static const struct { int column, line, width; } cell_layout[N_COLUMNS] = {
  [COLUMN_GROUP] = { 0, 0, 1 }, [COLUMN_METRIC] = { 1, 0, 4 }, [COLUMN_DELETE] = { 5, 0, 1 },
  [COLUMN_COMPARISON] = { 0, 1, 1 }, [COLUMN_THRESHOLD] = { 1, 1, 1 }, [COLUMN_AGGREGATE] = { 2, 1, 1 },
  [COLUMN_YEARS] = { 3, 1, 1 }, [COLUMN_AT_LEAST] = { 4, 1, 1 },
};

static GtkWidget *
cell (ShnorIdentificationView *self,
      guint                    criterion,
      guint                    column)
{
  return gtk_grid_get_child_at (GTK_GRID (self->criteria_grid), cell_layout[column].column,
                                (int) criterion * 2 + cell_layout[column].line);
}

static void
attach (ShnorIdentificationView *self,
        GtkWidget               *widget,
        guint                    criterion,
        guint                    column)
{
  gtk_grid_attach (GTK_GRID (self->criteria_grid), widget, cell_layout[column].column,
                   (int) criterion * 2 + cell_layout[column].line, cell_layout[column].width, 1);
  if (criterion > 0 && cell_layout[column].line == 0)
    gtk_widget_set_margin_top (widget, 12);
}

static const ShnorField threshold_field = { "threshold", SHNOR_FIELD_REAL, N_("Threshold"), -1e9, 1e9, TRUE, NULL };
static const ShnorField years_field = { "years", SHNOR_FIELD_INT, N_("N years"), 1, 20, TRUE, NULL };
static const ShnorField at_least_field = { "at_least", SHNOR_FIELD_INT, N_("K of N"), 1, 20, TRUE, NULL };

static void queue_refresh (ShnorIdentificationView *self);

static void
show_error (ShnorIdentificationView *self,
            const GError            *error)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), error ? error->message : "");
  gtk_widget_set_visible (self->error_label, error != NULL);
  if (error != NULL)
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static ShnorCriteriaSet *
shown_set (ShnorIdentificationView *self)
{
  for (guint i = 0; self->sets != NULL && i < self->sets->len; i++)
    if (((ShnorCriteriaSet *) self->sets->pdata[i])->id == self->set_id)
      return self->sets->pdata[i];
  return NULL;
}

static const ShnorCriterion *
row_criterion (ShnorIdentificationView *self,
               GtkWidget               *widget)
{
  ShnorCriteriaSet *set = shown_set (self);
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "shnor-criterion"));

  for (guint i = 0; set != NULL && i < set->criteria->len; i++)
    if (g_array_index (set->criteria, ShnorCriterion, i).id == id)
      return &g_array_index (set->criteria, ShnorCriterion, i);
  return NULL;
}

/* ---- editing ---------------------------------------------------------- */

typedef enum { PART_GROUP, PART_METRIC, PART_COMPARISON, PART_THRESHOLD, PART_AGGREGATE,
               PART_YEARS, PART_AT_LEAST } Part;

/* Stores the criterion of @widget's row with one part changed. */
static gboolean
store_part (ShnorIdentificationView *self,
            GtkWidget               *widget,
            Part                     part,
            guint                    number,
            const char              *text)
{
  const ShnorCriterion *old = row_criterion (self, widget);
  ShnorCriterion c;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (old == NULL || self->loading)
    return FALSE;
  shnor_criterion_copy (old, &c);
  if (SHNOR_IS_FIELD_ENTRY (widget))
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!shnor_field_parse (shnor_field_entry_get_field (SHNOR_FIELD_ENTRY (widget)), text, &value, &error))
        {
          shnor_field_entry_set_error (SHNOR_FIELD_ENTRY (widget), error->message);
          shnor_criterion_clear (&c);
          return FALSE;
        }
      if (part == PART_THRESHOLD)
        c.threshold = g_value_get_double (&value);
      else
        number = (guint) g_value_get_int64 (&value);
    }
  switch (part)
    {
    case PART_GROUP:      c.group = number; break;
    case PART_COMPARISON: c.comparison = number; break;
    case PART_AGGREGATE:  c.aggregate = number; break;
    case PART_YEARS:
      c.years = (int) number;
      c.at_least = MIN (c.at_least, c.years);
      break;
    case PART_AT_LEAST:   c.at_least = (int) number; break;
    case PART_METRIC:
      g_free (c.metric);
      c.metric = g_strdup (number < g_strv_length (self->metrics) ? self->metrics[number] : "");
      break;
    default:
      break;
    }
  /* A percentile wants 0–100: switching to one from a z threshold
   * starts from the usual quartile instead of refusing. */
  if (part == PART_COMPARISON && shnor_comparison_is_percentile (c.comparison) &&
      !shnor_comparison_is_percentile (old->comparison) && (c.threshold < 0 || c.threshold > 100))
    c.threshold = c.comparison == SHNOR_COMPARE_PERCENTILE_LE ? 25 : 75;

  ok = shnor_document_set_criterion (self->document, &c, &error);
  shnor_criterion_clear (&c);
  if (!ok)
    {
      if (SHNOR_IS_FIELD_ENTRY (widget))
        shnor_field_entry_set_error (SHNOR_FIELD_ENTRY (widget), error->message);
      show_error (self, error);
      queue_refresh (self);  /* show the stored values again */
      return FALSE;
    }
  show_error (self, NULL);
  return TRUE;
}

static void
dropdown_changed (GtkDropDown             *dropdown,
                  GParamSpec              *pspec,
                  ShnorIdentificationView *self)
{
  store_part (self, GTK_WIDGET (dropdown), GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "shnor-part")),
              gtk_drop_down_get_selected (dropdown), NULL);
}

static void
entry_commit (ShnorFieldEntry         *entry,
              const char              *text,
              ShnorIdentificationView *self)
{
  store_part (self, GTK_WIDGET (entry), GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "shnor-part")),
              0, text);
}

static void
delete_criterion_clicked (GtkButton               *button,
                          ShnorIdentificationView *self)
{
  const ShnorCriterion *c = row_criterion (self, GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;

  if (c != NULL && !shnor_document_delete_criterion (self->document, c->id, &error))
    show_error (self, error);
}

static void
add_clicked (ShnorIdentificationView *self)
{
  ShnorCriterion c = { 0, SHNOR_GROUP_LOW, (char *) SHNOR_METRIC_Z, SHNOR_COMPARE_PERCENTILE_LE, 25,
                       SHNOR_AGGREGATE_EACH, 3, 3 };
  g_autoptr(GError) error = NULL;

  if (self->document != NULL && shnor_document_add_criterion (self->document, self->set_id, &c, &error) == 0)
    show_error (self, error);
}

static void
set_entry_commit (ShnorFieldEntry         *entry,
                  const char              *text,
                  ShnorIdentificationView *self)
{
  g_autoptr(GError) error = NULL;

  if (!shnor_document_set_criteria_set_field (self->document, self->set_id,
                                              shnor_field_entry_get_field (entry)->column, text, &error))
    shnor_field_entry_set_error (entry, error->message);
}

static void
activate_clicked (ShnorIdentificationView *self)
{
  g_autoptr(GError) error = NULL;
  ShnorCriteriaSet *set = shown_set (self);
  g_autofree char *done = set ? g_strdup_printf (_("The schools are now identified by “%s”"), set->name) : NULL;

  if (!shnor_document_activate_criteria_set (self->document, self->set_id, &error))
    show_error (self, error);
  else if (done != NULL)
    shnor_toast (GTK_WIDGET (self), self->document, done);
}

static void
copy_clicked (ShnorIdentificationView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = shnor_document_copy_criteria_set (self->document, self->set_id, &error);

  if (id == 0)
    show_error (self, error);
  else
    self->set_id = id;  /* the refresh shows the copy */
}

static void
delete_clicked (ShnorIdentificationView *self)
{
  g_autoptr(GError) error = NULL;

  ShnorCriteriaSet *set = shown_set (self);
  /* TRANSLATORS: a toast after deleting a set of identification criteria */
  g_autofree char *done = set ? g_strdup_printf (_("Criteria set “%s” deleted"), set->name) : NULL;

  if (!shnor_document_delete_criteria_set (self->document, self->set_id, &error))
    show_error (self, error);
  else
    {
      self->set_id = 0;  /* the refresh shows the active set */
      if (done != NULL)
        shnor_toast (GTK_WIDGET (self), self->document, done);
    }
}

/* ---- the criteria set's own fields ------------------------------------ */

static char *
set_value_text (const ShnorCriteriaSet *set,
                const ShnorField       *field,
                guint                   i)
{
  if (g_str_equal (field->column, "name"))
    return g_strdup (set->name);
  if (g_str_equal (field->column, "order_number"))
    return g_strdup (set->order_number);
  if (g_str_equal (field->column, "order_date"))
    return shnor_format_iso_date (set->order_date);
  for (guint k = 0; k < SHNOR_N_SOCIAL_WEIGHTS; k++)
    if (g_str_equal (field->column, shnor_social_weight_column (k)))
      return shnor_format_double (set->weights[k], 3);
  return g_strdup ("");
}

/* Where each field of the set goes: name on its own row, the order's
 * number and date side by side, the five weights two to a row under
 * their heading (so that the form fits half a laptop screen); short
 * labels where the heading says the rest. */
static const struct { int column, row, width; } set_layout[] = {
  { 0, 0, 3 }, { 0, 1, 1 }, { 2, 1, 1 },
  { 0, 3, 1 }, { 2, 3, 1 }, { 0, 4, 1 }, { 2, 4, 1 }, { 0, 5, 1 },
};

static void
build_set_grid (ShnorIdentificationView *self)
{
  guint n_fields;
  const ShnorField *fields = shnor_criteria_set_fields (&n_fields);
  GtkWidget *weights = gtk_label_new (_("Weights of the shares in the social-disadvantage index (a weighted sum)"));

  G_STATIC_ASSERT (G_N_ELEMENTS (set_layout) == 3 + SHNOR_N_SOCIAL_WEIGHTS);
  gtk_label_set_xalign (GTK_LABEL (weights), 0);
  gtk_label_set_wrap (GTK_LABEL (weights), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (weights), 50);
  gtk_widget_add_css_class (weights, "dim-label");
  gtk_grid_attach (GTK_GRID (self->set_grid), weights, 0, 2, 4, 1);
  for (guint i = 0; i < n_fields; i++)
    {
      const char *text = fields[i].short_label ? fields[i].short_label : fields[i].label;
      GtkWidget *label = gtk_label_new (_(text));
      GtkWidget *entry = shnor_field_entry_new (&fields[i], FALSE);

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_set_tooltip_text (label, _(fields[i].label));
      gtk_accessible_update_property (GTK_ACCESSIBLE (shnor_field_entry_get_entry (SHNOR_FIELD_ENTRY (entry))),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(fields[i].label), -1);
      gtk_widget_set_hexpand (entry, i < 3);
      if (i >= 3)
        gtk_editable_set_width_chars (GTK_EDITABLE (shnor_field_entry_get_entry (SHNOR_FIELD_ENTRY (entry))), 5);
      g_signal_connect (entry, "commit", G_CALLBACK (set_entry_commit), self);
      gtk_grid_attach (GTK_GRID (self->set_grid), label, set_layout[i].column, set_layout[i].row, 1, 1);
      gtk_grid_attach (GTK_GRID (self->set_grid), entry, set_layout[i].column + 1, set_layout[i].row,
                       set_layout[i].width, 1);
    }
}

static void
load_set_grid (ShnorIdentificationView *self,
               const ShnorCriteriaSet  *set)
{
  guint n_fields;
  const ShnorField *fields = shnor_criteria_set_fields (&n_fields);
  gboolean writable = !shnor_document_get_read_only (self->document);

  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *entry = gtk_grid_get_child_at (GTK_GRID (self->set_grid), set_layout[i].column + 1,
                                                set_layout[i].row);
      g_autofree char *text = set_value_text (set, &fields[i], i);

      shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (entry), text);
      shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (entry), writable);
    }
}

/* ---- the criteria table ------------------------------------------------ */

static GtkWidget *
tagged (GtkWidget    *widget,
        gint64        criterion,
        Part          part,
        const char   *accessible_name)
{
  g_object_set_data (G_OBJECT (widget), "shnor-criterion", GSIZE_TO_POINTER ((gsize) criterion));
  g_object_set_data (G_OBJECT (widget), "shnor-part", GUINT_TO_POINTER (part));
  gtk_widget_set_valign (widget, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  return widget;
}

static GtkWidget *
dropdown (GListModel *labels,
          gint64      criterion,
          Part        part,
          const char *name,
          gpointer    self)
{
  GtkWidget *w = tagged (gtk_drop_down_new (labels, NULL), criterion, part, name);

  g_signal_connect (w, "notify::selected", G_CALLBACK (dropdown_changed), self);
  return w;
}

static GListModel *
strings (const char *(*label) (guint),
         guint        n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, label (i));
  return G_LIST_MODEL (list);
}

static const char *group_badge (guint i) { return shnor_group_badge (i); }
static const char *comparison_label (guint i) { return shnor_comparison_label (i); }
static const char *aggregate_label (guint i) { return shnor_aggregate_label (i); }

static void
build_criteria_grid (ShnorIdentificationView *self,
                     const ShnorCriteriaSet  *set)
{
  shnor_widget_remove_children (self->criteria_grid);
  g_array_set_size (self->row_ids, 0);

  for (guint i = 0; i < set->criteria->len; i++)
    {
      const ShnorCriterion *c = &g_array_index (set->criteria, ShnorCriterion, i);
      GtkStringList *metric_labels = gtk_string_list_new (NULL);
      GtkWidget *threshold = shnor_field_entry_new (&threshold_field, FALSE);
      GtkWidget *years = shnor_field_entry_new (&years_field, FALSE);
      GtkWidget *at_least = shnor_field_entry_new (&at_least_field, FALSE);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      GtkWidget *metric;

      g_array_append_val (self->row_ids, c->id);
      for (guint m = 0; self->metrics[m] != NULL; m++)
        {
          g_autofree char *label = shnor_document_dup_metric_label (self->document, self->metrics[m]);

          gtk_string_list_append (metric_labels, label);
        }
      metric = dropdown (G_LIST_MODEL (metric_labels), c->id, PART_METRIC, _("Metric"), self);
      gtk_widget_set_hexpand (metric, FALSE);
      attach (self, dropdown (strings (group_badge, SHNOR_N_CRITERION_GROUPS), c->id, PART_GROUP, _("Group"), self),
              i, COLUMN_GROUP);
      attach (self, metric, i, COLUMN_METRIC);
      attach (self, dropdown (strings (comparison_label, SHNOR_N_COMPARISONS), c->id, PART_COMPARISON,
                              _("Comparison"), self),
              i, COLUMN_COMPARISON);
      attach (self, threshold, i, COLUMN_THRESHOLD);
      attach (self, dropdown (strings (aggregate_label, SHNOR_N_AGGREGATES), c->id, PART_AGGREGATE,
                              _("Window"), self),
              i, COLUMN_AGGREGATE);
      tagged (threshold, c->id, PART_THRESHOLD, _("Threshold"));
      tagged (years, c->id, PART_YEARS, _("N years"));
      tagged (at_least, c->id, PART_AT_LEAST, _("K of N"));
      for (GtkWidget **w = (GtkWidget *[]) { threshold, years, at_least, NULL }; *w; w++)
        {
          gtk_editable_set_width_chars (GTK_EDITABLE (shnor_field_entry_get_entry (SHNOR_FIELD_ENTRY (*w))),
                                        *w == threshold ? 6 : 3);
          gtk_widget_set_hexpand (*w, FALSE);
          gtk_widget_set_halign (*w, GTK_ALIGN_START);
          if (*w != threshold)
            gtk_widget_set_tooltip_text (*w, *w == years ? _("N: the last years the window spans")
                                                         : _("K: in how many of them the condition must hold"));
          g_signal_connect (*w, "commit", G_CALLBACK (entry_commit), self);
        }
      attach (self, years, i, COLUMN_YEARS);
      attach (self, at_least, i, COLUMN_AT_LEAST);
      tagged (remove, c->id, 0, _("Delete criterion"));
      gtk_widget_set_tooltip_text (remove, _("Delete criterion"));
      gtk_widget_add_css_class (remove, "flat");
      g_signal_connect (remove, "clicked", G_CALLBACK (delete_criterion_clicked), self);
      attach (self, remove, i, COLUMN_DELETE);
    }
}

static guint
metric_index (ShnorIdentificationView *self,
              const char              *metric)
{
  for (guint m = 0; self->metrics[m] != NULL; m++)
    if (g_str_equal (self->metrics[m], metric))
      return m;
  return GTK_INVALID_LIST_POSITION;
}

/* Shows the values without rebuilding: the focus stays where it is. */
static void
load_criteria_grid (ShnorIdentificationView *self,
                    const ShnorCriteriaSet  *set)
{
  gboolean writable = !shnor_document_get_read_only (self->document);

  for (guint i = 0; i < set->criteria->len; i++)
    {
      const ShnorCriterion *c = &g_array_index (set->criteria, ShnorCriterion, i);
      g_autofree char *threshold = shnor_format_double (c->threshold, 3);
      g_autofree char *years = g_strdup_printf ("%d", c->years);
      g_autofree char *at_least = g_strdup_printf ("%d", c->at_least);

      gtk_drop_down_set_selected (GTK_DROP_DOWN (cell (self, i, COLUMN_GROUP)), c->group);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (cell (self, i, COLUMN_METRIC)),
                                  metric_index (self, c->metric));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (cell (self, i, COLUMN_COMPARISON)),
                                  c->comparison);
      shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (cell (self, i, COLUMN_THRESHOLD)), threshold);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (cell (self, i, COLUMN_AGGREGATE)), c->aggregate);
      shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (cell (self, i, COLUMN_YEARS)), years);
      shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (cell (self, i, COLUMN_AT_LEAST)), at_least);
      /* K means something only for "K of the last N years" */
      gtk_widget_set_visible (cell (self, i, COLUMN_AT_LEAST),
                              c->aggregate == SHNOR_AGGREGATE_EACH);
      for (guint col = 0; col < N_COLUMNS; col++)
        {
          GtkWidget *w = cell (self, i, col);

          if (SHNOR_IS_FIELD_ENTRY (w))
            shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (w), writable);
          else
            gtk_widget_set_sensitive (w, writable);
        }
    }
}

static gboolean
same_rows (ShnorIdentificationView *self,
           const ShnorCriteriaSet  *set)
{
  if (self->row_ids->len != set->criteria->len)
    return FALSE;
  for (guint i = 0; i < set->criteria->len; i++)
    if (g_array_index (self->row_ids, gint64, i) != g_array_index (set->criteria, ShnorCriterion, i).id)
      return FALSE;
  return TRUE;
}

/* ---- the lists --------------------------------------------------------- */

static GtkWidget *
list_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);  /* natural width: the window opens at a sane size */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return shnor_school_compare_names (*(ShnorSchool * const *) a, *(ShnorSchool * const *) b);
}

static void
load_lists (ShnorIdentificationView *self)
{
  g_autoptr(ShnorClassification) cls = shnor_document_classify (self->document);
  const ShnorCriteriaSet *set;
  g_autofree char *reference = NULL;
  g_autofree char *date = NULL;

  shnor_widget_remove_children (self->lists_box);
  if (cls == NULL)
    return;
  set = shnor_classification_get_set (cls);
  date = shnor_format_iso_date (set->order_date);
  if (set->name[0] == '\0')
    reference = g_strdup (_("No criteria set is active."));
  else if (set->order_number[0] != '\0' || date[0] != '\0')
    reference = g_strdup_printf (_("Lists by the criteria set “%s”, approved by order No. %s of %s"),
                                 set->name, set->order_number, date);
  else
    reference = g_strdup_printf (_("Lists by the criteria set “%s” (not yet approved by an order)"), set->name);
  gtk_box_append (GTK_BOX (self->lists_box), list_label (reference, "dim-label"));

  for (ShnorGroup g = 0; g < SHNOR_N_GROUPS; g++)
    {
      g_autoptr(GArray) ids = shnor_classification_list_group (cls, g);
      g_autofree char *heading = g_strdup_printf ("%s: %u", shnor_group_label (g), ids->len);
      GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      g_autoptr(GString) names = g_string_new (NULL);
      g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

      shnor_reasons_view_fill_badges (GTK_BOX (badge), 1u << g);
      gtk_box_append (GTK_BOX (title), badge);
      gtk_box_append (GTK_BOX (title), list_label (heading, "heading"));
      gtk_widget_set_margin_top (title, 12);
      gtk_box_append (GTK_BOX (self->lists_box), title);

      for (guint i = 0; i < ids->len; i++)
        {
          ShnorSchool *school = shnor_document_find_school (self->document, g_array_index (ids, gint64, i));

          if (school != NULL)
            g_ptr_array_add (sorted, school);
        }
      g_ptr_array_sort (sorted, compare_names);
      for (guint i = 0; i < sorted->len; i++)
        g_string_append_printf (names, "%s%u. %s", i ? "\n" : "", i + 1,
                                shnor_school_get_display_name (sorted->pdata[i]));
      gtk_box_append (GTK_BOX (self->lists_box),
                      list_label (sorted->len ? names->str : _("No schools."), sorted->len ? NULL : "dim-label"));
    }
}

/* ---- refresh ------------------------------------------------------------ */

static void
load_set_dropdown (ShnorIdentificationView *self)
{
  g_autoptr(GString) keys = g_string_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < self->sets->len; i++)
    {
      ShnorCriteriaSet *set = self->sets->pdata[i];

      g_string_append_printf (keys, "%" G_GINT64_FORMAT "\t%s\t%d\n", set->id, set->name, set->active);
      if (set->id == self->set_id)
        selected = i;
    }
  /* Only a real change replaces the model: replacing it from its own
   * notification would loop. */
  if (g_strcmp0 (keys->str, self->set_keys) != 0)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      for (guint i = 0; i < self->sets->len; i++)
        {
          ShnorCriteriaSet *set = self->sets->pdata[i];
          g_autofree char *name = set->active ? g_strdup_printf (_("%s (active)"), set->name) : g_strdup (set->name);

          gtk_string_list_append (names, name);
        }
      gtk_drop_down_set_model (GTK_DROP_DOWN (self->set_dropdown), G_LIST_MODEL (names));
      g_free (self->set_keys);
      self->set_keys = g_string_free (g_steal_pointer (&keys), FALSE);
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->set_dropdown), selected);
}

static void
refresh (ShnorIdentificationView *self)
{
  ShnorCriteriaSet *set;
  g_auto(GStrv) metrics = NULL;
  gboolean writable;

  if (self->document == NULL)
    return;
  self->loading = TRUE;
  g_clear_pointer (&self->sets, g_ptr_array_unref);
  self->sets = shnor_document_get_criteria_sets (self->document);
  set = shown_set (self);
  for (guint i = 0; set == NULL && i < self->sets->len; i++)
    if (((ShnorCriteriaSet *) self->sets->pdata[i])->active)
      set = self->sets->pdata[i];
  if (set == NULL && self->sets->len > 0)
    set = self->sets->pdata[0];
  self->set_id = set ? set->id : 0;
  load_set_dropdown (self);

  metrics = shnor_document_list_metrics (self->document);
  if (self->metrics == NULL || !g_strv_equal ((const char * const *) metrics, (const char * const *) self->metrics))
    {
      g_strfreev (self->metrics);
      self->metrics = g_steal_pointer (&metrics);
      g_array_set_size (self->row_ids, 0);  /* the metric lists must be rebuilt */
    }

  writable = !shnor_document_get_read_only (self->document);
  if (set != NULL)
    {
      load_set_grid (self, set);
      if (!same_rows (self, set))
        build_criteria_grid (self, set);
      load_criteria_grid (self, set);
    }
  gtk_widget_set_sensitive (self->activate_button, writable && set != NULL && !set->active);
  gtk_widget_set_sensitive (self->delete_button, writable && set != NULL && !set->active);
  gtk_widget_set_sensitive (self->copy_button, writable && set != NULL);
  gtk_widget_set_sensitive (self->add_button, writable && set != NULL);
  load_lists (self);
  self->loading = FALSE;
}

static gboolean
refresh_idle (gpointer data)
{
  ShnorIdentificationView *self = data;

  self->idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (ShnorIdentificationView *self)
{
  if (self->idle == 0)
    self->idle = g_idle_add (refresh_idle, self);
}

static void
set_selected (ShnorIdentificationView *self)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->set_dropdown));

  if (self->loading || self->sets == NULL || i >= self->sets->len)
    return;
  self->set_id = ((ShnorCriteriaSet *) self->sets->pdata[i])->id;
  show_error (self, NULL);
  queue_refresh (self);
}

static void
document_changed (ShnorDocument           *document,
                  const char              *table,
                  gint64                   rowid,
                  ShnorIdentificationView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    queue_refresh (self);
}

/* ---- the widget ------------------------------------------------------- */

static void
shnor_identification_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (shnor_identification_view_parent_class)->map (widget);
  refresh (SHNOR_IDENTIFICATION_VIEW (widget));
}

static void
shnor_identification_view_dispose (GObject *object)
{
  ShnorIdentificationView *self = SHNOR_IDENTIFICATION_VIEW (object);

  g_clear_handle_id (&self->idle, g_source_remove);
  shnor_identification_view_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHNOR_TYPE_IDENTIFICATION_VIEW);
  g_clear_pointer (&self->sets, g_ptr_array_unref);
  g_clear_pointer (&self->row_ids, g_array_unref);
  g_clear_pointer (&self->metrics, g_strfreev);
  g_clear_pointer (&self->set_keys, g_free);

  G_OBJECT_CLASS (shnor_identification_view_parent_class)->dispose (object);
}

static void
shnor_identification_view_class_init (ShnorIdentificationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_identification_view_dispose;
  widget_class->map = shnor_identification_view_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-identification-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ShnorIdentificationView, paned);
  gtk_widget_class_bind_template_child (widget_class, ShnorIdentificationView, set_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShnorIdentificationView, activate_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorIdentificationView, copy_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorIdentificationView, delete_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorIdentificationView, set_grid);
  gtk_widget_class_bind_template_child (widget_class, ShnorIdentificationView, criteria_grid);
  gtk_widget_class_bind_template_child (widget_class, ShnorIdentificationView, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorIdentificationView, add_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorIdentificationView, lists_box);
  gtk_widget_class_bind_template_callback (widget_class, activate_clicked);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked);
}

static void
shnor_identification_view_init (ShnorIdentificationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  shnor_remember_paned (self->paned, "identification-pane");
  self->row_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_add_css_class (self->criteria_grid, "data-grid");
  gtk_widget_add_css_class (self->set_grid, "data-grid");
  build_set_grid (self);
  g_signal_connect_swapped (self->set_dropdown, "notify::selected", G_CALLBACK (set_selected), self);
}

void
shnor_identification_view_set_document (ShnorIdentificationView *self,
                                        ShnorDocument           *document)
{
  g_return_if_fail (SHNOR_IS_IDENTIFICATION_VIEW (self));

  if (!shnor_watch_document (&self->document, document, G_CALLBACK (document_changed), self))
    return;
  self->set_id = 0;
  g_array_set_size (self->row_ids, 0);
  if (document != NULL)
    {
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        refresh (self);
    }
}

/* For tests: a widget of the criteria table (row 0 is the first
 * criterion; columns: group, metric, comparison, threshold, window, N, K,
 * delete, wherever the layout puts them). */
GtkWidget *
shnor_identification_view_get_cell (ShnorIdentificationView *self,
                                    guint                    row,
                                    guint                    column)
{
  g_return_val_if_fail (SHNOR_IS_IDENTIFICATION_VIEW (self), NULL);
  return column < N_COLUMNS ? cell (self, row, column) : NULL;
}

/* For tests: the text of the lists, one line per label. */
char *
shnor_identification_view_dup_lists (ShnorIdentificationView *self)
{
  GString *text = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (self->lists_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
    else  /* a heading: the badge, then the group's name and count */
      g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (child))));
  return g_string_free (text, FALSE);
}
