/* shnor-overview-view.c: the municipal overview of an assessment: a
 * sortable table (the years side by side, the change and its direction)
 * and small multiples of every school's trend against the municipal mean. */
#define G_LOG_DOMAIN "shnor-overview-view"

#include "config.h"
#include <math.h>
#include <stdlib.h>
#include <glib/gi18n.h>

#include "shnor-chart-view.h"
#include "shnor-number.h"
#include "shnor-overview-item.h"
#include "shnor-overview-view.h"
#include "shnor-widgets.h"

#define CHANGE_COLUMN SHNOR_OVERVIEW_MAX_YEARS
#define NAME_COLUMN   (-1)

static const guint windows[] = { 3, 5, 10 };

struct _ShnorOverviewView
{
  GtkWidget       parent_instance;

  GtkWidget      *assessment_dropdown;
  GtkWidget      *window_dropdown;
  GtkWidget      *summary_label;
  GtkWidget      *pages;
  GtkWidget      *table;
  GtkWidget      *charts;
  GtkWidget      *empty_page;
  GtkWidget      *legend;

  ShnorDocument  *document;
  GPtrArray      *keys;       /* "kind\tsubject\tgrade" */
  GListStore     *rows;       /* of ShnorOverviewItem */
  gboolean        loading;
  gboolean        stale;      /* to be read when shown: a region's reading waits until asked for */

  /* what every small multiple of the assessment shown shares */
  GArray         *years;      /* of int */
  GArray         *municipal;  /* of ShnorAssessmentYear */
  char           *kind;       /* of the assessment shown */
  double          min, max;
};

G_DEFINE_FINAL_TYPE (ShnorOverviewView, shnor_overview_view, GTK_TYPE_WIDGET)

static void reload (ShnorOverviewView *self);

/* ---- the table's columns -------------------------------------------- */

/* The means with the decimals of the assessment's kind (marks 2, scores
 * 1), the change with its sign. */
static char *
cell_text (ShnorOverviewView *self,
           ShnorOverviewItem *item,
           int                column)
{
  const ShnorOverviewLine *line = shnor_overview_item_get_line (item);
  int decimals = shnor_number_mean_decimals (self->kind);

  if (column == NAME_COLUMN)
    return g_strdup (shnor_school_get_display_name (shnor_overview_item_get_school (item)));
  if (column == CHANGE_COLUMN)
    {
      g_autofree char *number = NULL;

      if (!line->has_change)
        return g_strdup ("—");
      number = shnor_number_format (line->change, decimals, SHNOR_NUMBER_SIGNED);
      /* The arrow and the sign say it without colour. */
      return g_strdup_printf ("%s %s", number, line->trend > 0 ? "↑" : line->trend < 0 ? "↓" : "→");
    }
  return line->known[column] ? shnor_number_format (line->value[column], decimals, SHNOR_NUMBER_PLAIN)
                             : g_strdup ("—");
}

static int
factory_column (GtkSignalListItemFactory *factory)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "shnor-column")) - 1;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  int column = factory_column (factory);

  gtk_label_set_xalign (GTK_LABEL (label), column == NAME_COLUMN ? 0 : 1);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column != NAME_COLUMN)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  ShnorOverviewItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  int column = factory_column (factory);
  g_autofree char *text = cell_text (user_data, item, column);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");
  if (column == CHANGE_COLUMN && shnor_overview_item_get_line (item)->trend != 0)
    gtk_widget_add_css_class (label, shnor_overview_item_get_line (item)->trend > 0 ? "success" : "error");
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return shnor_overview_item_compare ((ShnorOverviewItem *) a, (ShnorOverviewItem *) b,
                                      GPOINTER_TO_INT (user_data) - 1);
}

static GtkColumnViewColumn *
make_column (ShnorOverviewView *self,
             const char        *title,
             int                column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;
  gpointer data = GINT_TO_POINTER (column + 1);

  g_object_set_data (G_OBJECT (factory), "shnor-column", data);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (col, GTK_SORTER (gtk_custom_sorter_new (compare_items, data, NULL)));
  gtk_column_view_column_set_resizable (col, TRUE);
  /* the numbers' columns as wide as their titles and values, so that
   * each title stands over its figures */
  if (column == NAME_COLUMN)
    gtk_column_view_column_set_expand (col, TRUE);
  return col;
}

static void
build_columns (ShnorOverviewView *self,
               GArray            *years)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (self->table);
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) name = NULL;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (view, c);
    }
  name = make_column (self, _("School"), NAME_COLUMN);
  gtk_column_view_append_column (view, name);
  for (guint y = 0; y < years->len; y++)
    {
      g_autofree char *title = g_strdup_printf ("%d", g_array_index (years, int, y));
      g_autoptr(GtkColumnViewColumn) c = make_column (self, title, (int) y);

      gtk_column_view_append_column (view, c);
    }
  {
    g_autoptr(GtkColumnViewColumn) change = make_column (self, _("Change"), CHANGE_COLUMN);

    gtk_column_view_append_column (view, change);
  }
  gtk_column_view_sort_by_column (view, name, GTK_SORT_ASCENDING);
}

/* ---- small multiples ------------------------------------------------ */

/* A grid view: only the charts in sight exist, so that a region's 1,500
 * schools cost no more than a municipality's 20. */
static void
chart_setup (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *chart = shnor_chart_view_new ();

  gtk_widget_set_size_request (chart, 250, 170);
  gtk_list_item_set_child (list_item, chart);
}

/* The chart of @item's school; its ШНОР and ШНСУ marks come from the
 * classifier. */
static void
fill_chart (ShnorOverviewView *self,
            ShnorOverviewItem *item,
            GtkWidget         *chart)
{
  const ShnorOverviewLine *line = shnor_overview_item_get_line (item);
  ShnorChartData *data = shnor_chart_data_new (self->years->len);
  g_autoptr(ShnorClassification) classification = shnor_document_classify (self->document);

  data->compact = TRUE;
  data->kind = g_strdup (self->kind);
  data->groups = classification ? shnor_classification_get_groups (classification, line->school_id) : 0;
  data->y_min = self->min;
  data->y_max = self->max;
  data->title = cell_text (self, item, NAME_COLUMN);
  for (guint y = 0; y < self->years->len; y++)
    {
      data->years[y] = g_array_index (self->years, int, y);
      data->known[SHNOR_SERIES_SCHOOL][y] = line->known[y];
      data->value[SHNOR_SERIES_SCHOOL][y] = line->value[y];
      for (guint m = 0; m < self->municipal->len; m++)
        if (g_array_index (self->municipal, ShnorAssessmentYear, m).year == data->years[y])
          {
            data->known[SHNOR_SERIES_MUNICIPAL][y] = g_array_index (self->municipal, ShnorAssessmentYear, m).has_mean;
            data->value[SHNOR_SERIES_MUNICIPAL][y] = g_array_index (self->municipal, ShnorAssessmentYear, m).mean;
          }
    }
  shnor_chart_view_set_data (SHNOR_CHART_VIEW (chart), data);
  gtk_widget_set_tooltip_text (chart, shnor_school_get_full_name (shnor_overview_item_get_school (item)));
}

/* The groups change after an edit (the window classifies when idle) */
static void
groups_changed (ShnorSchool *school,
                GParamSpec  *pspec,
                GtkWidget   *chart)
{
  ShnorOverviewView *self = g_object_get_data (G_OBJECT (chart), "shnor-view");
  ShnorOverviewItem *item = g_object_get_data (G_OBJECT (chart), "shnor-item");

  if (self != NULL && item != NULL && self->document != NULL)
    fill_chart (self, item, chart);
}

static void
chart_bind (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            ShnorOverviewView        *self)
{
  ShnorOverviewItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *chart = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (chart), "shnor-view", self);
  g_object_set_data (G_OBJECT (chart), "shnor-item", item);
  fill_chart (self, item, chart);
  g_signal_connect_object (shnor_overview_item_get_school (item), "notify::groups", G_CALLBACK (groups_changed),
                           chart, 0);
}

static void
chart_unbind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ShnorOverviewView        *self)
{
  ShnorOverviewItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *chart = gtk_list_item_get_child (list_item);

  g_signal_handlers_disconnect_by_func (shnor_overview_item_get_school (item), groups_changed, chart);
  g_object_set_data (G_OBJECT (chart), "shnor-item", NULL);
}

/* The key of the small multiples: the two lines, and the marks */
static void
draw_legend (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  GdkRGBA colour;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  shnor_chart_draw_legend (cr, 0, height / 2.0, width, 0.299 * colour.red + 0.587 * colour.green +
                           0.114 * colour.blue > 0.5,
                           (1u << SHNOR_SERIES_SCHOOL) | (1u << SHNOR_SERIES_MUNICIPAL));
}

static void
build_legend (ShnorOverviewView *self)
{
  GtkWidget *lines = gtk_drawing_area_new ();
  const ShnorGroup marked[] = { SHNOR_GROUP_LOW, SHNOR_GROUP_SOCIAL };

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (lines), 340);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (lines), 24);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (lines), draw_legend, NULL, NULL);
  gtk_box_append (GTK_BOX (self->legend), lines);
  for (guint i = 0; i < G_N_ELEMENTS (marked); i++)
    {
      GtkWidget *badge = gtk_label_new (shnor_group_badge (marked[i]));
      GtkWidget *label = gtk_label_new (shnor_group_label (marked[i]));

      gtk_widget_add_css_class (badge, "badge");
      gtk_widget_add_css_class (badge, shnor_group_css_class (marked[i]));
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_start (badge, 12);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (self->legend), badge);
      gtk_box_append (GTK_BOX (self->legend), label);
    }
}

/* ---- loading -------------------------------------------------------- */

static void
load_assessments (ShnorOverviewView *self)
{
  g_auto(GStrv) keys = shnor_document_list_assessments (self->document);
  g_autofree char *previous = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0, n = g_strv_length (keys);
  gboolean same = self->keys != NULL && self->keys->len == n;

  for (guint i = 0; same && i < n; i++)
    same = g_str_equal (self->keys->pdata[i], keys[i]);
  if (same)
    return;   /* replacing the model from its own notification would loop */

  if (self->keys != NULL && gtk_drop_down_get_selected (GTK_DROP_DOWN (self->assessment_dropdown)) < self->keys->len)
    previous = g_strdup (self->keys->pdata[gtk_drop_down_get_selected (GTK_DROP_DOWN (self->assessment_dropdown))]);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  self->keys = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) p = g_strsplit (keys[i], "\t", 3);
      g_autofree char *label = g_strdup_printf (_("%s · %s · grade %d"), p[0], p[1], atoi (p[2]));

      if (g_strcmp0 (keys[i], previous) == 0)
        selected = i;
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->keys, g_strdup (keys[i]));
    }
  if (n == 0)
    gtk_string_list_append (labels, _("No results yet"));
  self->loading = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->assessment_dropdown), G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->assessment_dropdown), selected);
  self->loading = FALSE;
  gtk_widget_set_sensitive (self->assessment_dropdown, n > 0);
}

static void
reload (ShnorOverviewView *self)
{
  guint index;
  g_auto(GStrv) key = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint window;
  guint up = 0, down = 0;
  g_autofree char *summary = NULL;

  if (self->loading || self->document == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  load_assessments (self);
  g_list_store_remove_all (self->rows);
  index = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->assessment_dropdown));
  /* GTK 4.8 keeps the button as wide as the item shown first */
  gtk_widget_queue_resize (self->assessment_dropdown);
  gtk_widget_set_visible (self->empty_page, self->keys->len == 0);
  if (self->keys->len == 0 || index >= self->keys->len)
    {
      g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (int));

      gtk_label_set_text (GTK_LABEL (self->summary_label), "");
      build_columns (self, none);
      return;
    }

  key = g_strsplit (self->keys->pdata[index], "\t", 3);
  window = windows[MIN (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->window_dropdown)), G_N_ELEMENTS (windows) - 1)];
  lines = shnor_document_get_overview (self->document, key[0], key[1], atoi (key[2]), window, &years);
  /* before the rows: the charts of the rows are drawn from them */
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->municipal, g_array_unref);
  self->years = g_array_ref (years);
  self->municipal = shnor_document_get_assessment_years (self->document, key[0], key[1], atoi (key[2]));
  shnor_document_get_scale (self->document, key[0], key[1], atoi (key[2]), &self->min, &self->max);
  g_free (self->kind);
  self->kind = g_strdup (key[0]);
  for (guint i = 0; i < lines->len; i++)
    {
      const ShnorOverviewLine *line = &g_array_index (lines, ShnorOverviewLine, i);
      ShnorSchool *school = shnor_document_find_school (self->document, line->school_id);

      if (school == NULL)
        continue;
      g_ptr_array_add (items, shnor_overview_item_new (school, line));
      up += line->trend > 0;
      down += line->trend < 0;
    }
  /* the columns while there are no rows (each change of the columns sorts
   * the rows again), then the rows in one change: the sorted views take a
   * region's 1,500 rows at once */
  build_columns (self, years);
  g_list_store_splice (self->rows, 0, 0, items->pdata, items->len);
  summary = g_strdup_printf (_("%u schools: %u improving, %u declining"),
                             g_list_model_get_n_items (G_LIST_MODEL (self->rows)), up, down);
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);
}

static void
document_changed (ShnorDocument     *document,
                  const char        *table,
                  gint64             rowid,
                  ShnorOverviewView *self)
{
  if (g_str_equal (table, "result") || g_str_equal (table, "school"))
    reload (self);
}

/* ---- the widget ----------------------------------------------------- */

static void
shnor_overview_view_dispose (GObject *object)
{
  ShnorOverviewView *self = SHNOR_OVERVIEW_VIEW (object);

  GtkWidget *child;

  shnor_overview_view_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHNOR_TYPE_OVERVIEW_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->municipal, g_array_unref);
  g_clear_pointer (&self->kind, g_free);
  G_OBJECT_CLASS (shnor_overview_view_parent_class)->dispose (object);
}

static void
shnor_overview_view_map (GtkWidget *widget)
{
  ShnorOverviewView *self = SHNOR_OVERVIEW_VIEW (widget);

  GTK_WIDGET_CLASS (shnor_overview_view_parent_class)->map (widget);
  if (self->stale)
    reload (self);
}

static void
shnor_overview_view_class_init (ShnorOverviewViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = shnor_overview_view_dispose;
  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  widget_class->map = shnor_overview_view_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ShnorOverviewView, assessment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShnorOverviewView, window_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShnorOverviewView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorOverviewView, pages);
  gtk_widget_class_bind_template_child (widget_class, ShnorOverviewView, table);
  gtk_widget_class_bind_template_child (widget_class, ShnorOverviewView, charts);
  gtk_widget_class_bind_template_child (widget_class, ShnorOverviewView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ShnorOverviewView, legend);
  gtk_widget_class_bind_template_callback (widget_class, reload);
}

static void
shnor_overview_view_init (ShnorOverviewView *self)
{
  g_autoptr(GtkStringList) spans = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkSortListModel *sorted;

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  shnor_list_single_tab_stop (self->table);
  gtk_string_list_append (spans, _("3 years"));
  gtk_string_list_append (spans, _("5 years"));
  gtk_string_list_append (spans, _("10 years"));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->window_dropdown), G_LIST_MODEL (spans));
  self->rows = g_list_store_new (SHNOR_TYPE_OVERVIEW_ITEM);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                    g_object_ref (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->table))));
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->table),
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (sorted)))));
  /* the small multiples in the table's order */
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (chart_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (chart_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (chart_unbind), self);
  gtk_grid_view_set_factory (GTK_GRID_VIEW (self->charts), factory);
  build_legend (self);
  gtk_grid_view_set_model (GTK_GRID_VIEW (self->charts),
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (sorted))));
  self->loading = FALSE;
}

GtkWidget *
shnor_overview_view_new (void)
{
  return g_object_new (SHNOR_TYPE_OVERVIEW_VIEW, NULL);
}

void
shnor_overview_view_set_document (ShnorOverviewView *self,
                                  ShnorDocument     *document)
{
  g_return_if_fail (SHNOR_IS_OVERVIEW_VIEW (self));

  if (!shnor_watch_document (&self->document, document, G_CALLBACK (document_changed), self))
    return;
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  if (self->rows != NULL)
    g_list_store_remove_all (self->rows);
  if (document != NULL)
    reload (self);
}

gboolean
shnor_overview_view_select (ShnorOverviewView *self,
                            const char        *kind,
                            const char        *subject,
                            int                grade)
{
  g_autofree char *key = g_strdup_printf ("%s\t%s\t%d", kind, subject, grade);
  guint index;

  g_return_val_if_fail (SHNOR_IS_OVERVIEW_VIEW (self), FALSE);

  if (self->keys == NULL || !g_ptr_array_find_with_equal_func (self->keys, key, g_str_equal, &index))
    return FALSE;
  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->assessment_dropdown)) == index)
    reload (self);
  else
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->assessment_dropdown), index);
  return TRUE;
}

/* The rows as the table shows them, sorted. */
GListModel *
shnor_overview_view_get_rows (ShnorOverviewView *self)
{
  g_return_val_if_fail (SHNOR_IS_OVERVIEW_VIEW (self), NULL);
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (self->table)));
}

void
shnor_overview_view_show_page (ShnorOverviewView *self,
                               const char        *name)
{
  g_return_if_fail (SHNOR_IS_OVERVIEW_VIEW (self));
  gtk_stack_set_visible_child_name (GTK_STACK (self->pages), name);
}

GtkColumnView *
shnor_overview_view_get_table (ShnorOverviewView *self)
{
  g_return_val_if_fail (SHNOR_IS_OVERVIEW_VIEW (self), NULL);
  return GTK_COLUMN_VIEW (self->table);
}
