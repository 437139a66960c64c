/* shnor-monitoring-view.c: the Monitoring view — across the approved
 * programmes, the measures overdue, due soon and done lately, filtered by
 * programme, school, responsible person and level, each overdue or due
 * one markable as done; and the target indicators' achievement this year. */
#define G_LOG_DOMAIN "shnor-monitoring-view"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-monitoring-view.h"
#include "shnor-widgets.h"

/* How far back "done lately" looks */
#define RECENT_DAYS 90

struct _ShnorMonitoringView
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkWidget     *programme_filter;
  GtkWidget     *school_filter;
  GtkWidget     *person_filter;
  GtkWidget     *level_filter;
  GtkWidget     *intro_label;
  GtkWidget     *overdue_heading;
  GtkWidget     *overdue_list;
  GtkWidget     *soon_heading;
  GtkWidget     *soon_list;
  GtkWidget     *done_heading;
  GtkWidget     *done_list;
  GtkWidget     *indicators_heading;
  GtkWidget     *indicators_grid;

  ShnorDocument *document;
  GArray        *programmes;  /* gint64, by filter position − 1 */
  GArray        *schools;
  GArray        *people;
  GArray        *levels;      /* gint64: the file's levels, by filter position − 1 */
  GDate          today;
  gboolean       filling;     /* the filters are being refilled */
  guint          idle;
};

G_DEFINE_FINAL_TYPE (ShnorMonitoringView, shnor_monitoring_view, GTK_TYPE_WIDGET)

static void load (ShnorMonitoringView *self);

/* The id chosen in a filter; 0: all */
static gint64
chosen (GtkWidget *filter,
        GArray    *ids)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (filter));

  return selected > 0 && selected - 1 < ids->len ? g_array_index (ids, gint64, selected - 1) : 0;
}

static gboolean
links_to (const ShnorMeasure *m,
          ShnorLink           link,
          gint64              id)
{
  if (id == 0)
    return TRUE;
  for (guint i = 0; i < m->links[link]->len; i++)
    if (g_array_index (m->links[link], gint64, i) == id)
      return TRUE;
  return FALSE;
}

static gboolean
matches (ShnorMonitoringView *self,
         const ShnorMeasure  *m)
{
  gint64 programme = chosen (self->programme_filter, self->programmes);
  guint level = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->level_filter));

  /* a level: the measure has an action there (the levels are the file's,
   * in the order of the filter) */
  return !m->has_children && (programme == 0 || m->programme_id == programme) &&
         links_to (m, SHNOR_LINK_SCHOOL, chosen (self->school_filter, self->schools)) &&
         links_to (m, SHNOR_LINK_PERSON, chosen (self->person_filter, self->people)) &&
         (level == 0 || level == GTK_INVALID_LIST_POSITION ||
          (m->actions != NULL && level - 1 < g_strv_length (m->actions) && m->actions[level - 1][0] != '\0'));
}

/* Done on a day within the last RECENT_DAYS */
static gboolean
done_lately (ShnorMonitoringView *self,
             const ShnorMeasure  *m)
{
  GDate done;

  if (m->status != SHNOR_MEASURE_DONE ||
      !shnor_parse_date (m->texts[shnor_measure_field_index ("done_date")], &done))
    return FALSE;
  return g_date_days_between (&done, &self->today) <= RECENT_DAYS && g_date_compare (&done, &self->today) <= 0;
}

static void
done_clicked (GtkButton           *button,
              ShnorMonitoringView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "shnor-measure"));

  shnor_done_popover_popup (self->document, id, g_object_get_data (G_OBJECT (button), "shnor-title"),
                            GTK_WIDGET (button));
}

static GtkWidget *
measure_row (ShnorMonitoringView *self,
             const ShnorMeasure  *m,
             const char          *programme,
             GArray              *people,
             gboolean             markable)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *what = shnor_measure_dup_text (m);
  g_autofree char *title = g_strdup_printf ("%s  %s", m->number, what);
  g_autofree char *who = shnor_measure_dup_responsible (m, people);
  g_autofree char *detail = NULL;
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *sub;
  const char *when = m->status == SHNOR_MEASURE_DONE ? m->texts[shnor_measure_field_index ("done_date")]
                                                     : m->texts[shnor_measure_field_index ("end_month")];

  /* TRANSLATORS: under a measure in the monitoring: its programme, the end (or completion), who is responsible */
  detail = g_strdup_printf (_("%s · %s · %s"), programme, when, who[0] ? who : _("no one responsible"));
  sub = gtk_label_new (detail);
  gtk_widget_set_margin_start (row, 8);
  gtk_widget_set_margin_end (row, 8);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_add_css_class (sub, "caption");
  gtk_box_append (GTK_BOX (text), label);
  gtk_box_append (GTK_BOX (text), sub);
  gtk_widget_set_hexpand (text, TRUE);
  if (m->due != SHNOR_DUE_NONE)
    {
      GtkWidget *badge = gtk_label_new (shnor_due_label (m->due));

      gtk_widget_add_css_class (badge, "badge");
      gtk_widget_add_css_class (badge, m->due == SHNOR_DUE_OVERDUE ? "due-overdue" : "due-soon");
      gtk_widget_set_valign (badge, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (row), badge);
    }
  gtk_box_append (GTK_BOX (row), text);
  if (markable)
    {
      GtkWidget *done = gtk_button_new_with_mnemonic (_("_Done…"));

      gtk_widget_set_tooltip_text (done, _("Record that the measure is done: the date and the evidence"));
      gtk_widget_set_valign (done, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (done, !shnor_document_get_read_only (self->document));
      g_object_set_data (G_OBJECT (done), "shnor-measure", GSIZE_TO_POINTER ((gsize) m->id));
      g_object_set_data_full (G_OBJECT (done), "shnor-title", shnor_measure_dup_label (m), g_free);
      g_signal_connect (done, "clicked", G_CALLBACK (done_clicked), self);
      gtk_box_append (GTK_BOX (row), done);
    }
  return row;
}

/* @text: the heading, with the count */
static void
fill_list (GtkWidget  *list,
           GtkWidget  *heading,
           char       *text,
           GPtrArray  *rows)
{
  shnor_list_box_clear (list);
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), rows->pdata[i]);
  gtk_label_set_text (GTK_LABEL (heading), text);
  g_free (text);
  gtk_widget_set_visible (list, rows->len > 0);
}

static const char *
programme_title (GHashTable *titles,
                 gint64      id)
{
  const char *title = g_hash_table_lookup (titles, &id);

  return title ? title : "";
}

static void
fill_measures (ShnorMonitoringView *self,
               GHashTable          *titles)
{
  g_autoptr(GArray) measures = shnor_document_get_monitoring (self->document, &self->today);
  g_autoptr(GArray) people = shnor_document_get_people (self->document);
  g_autoptr(GPtrArray) overdue = g_ptr_array_new ();
  g_autoptr(GPtrArray) soon = g_ptr_array_new ();
  g_autoptr(GPtrArray) done = g_ptr_array_new ();

  for (guint i = 0; i < measures->len; i++)
    {
      const ShnorMeasure *m = &g_array_index (measures, ShnorMeasure, i);
      const char *title = programme_title (titles, m->programme_id);

      if (!matches (self, m))
        continue;
      if (m->due == SHNOR_DUE_OVERDUE)
        g_ptr_array_add (overdue, measure_row (self, m, title, people, TRUE));
      else if (m->due == SHNOR_DUE_SOON)
        g_ptr_array_add (soon, measure_row (self, m, title, people, TRUE));
      else if (done_lately (self, m))
        g_ptr_array_add (done, measure_row (self, m, title, people, FALSE));
    }
  fill_list (self->overdue_list, self->overdue_heading, g_strdup_printf (_("Overdue: %u"), overdue->len), overdue);
  fill_list (self->soon_list, self->soon_heading, g_strdup_printf (_("Due within 30 days: %u"), soon->len), soon);
  fill_list (self->done_list, self->done_heading, g_strdup_printf (_("Done in the last 90 days: %u"), done->len),
             done);
}

static GtkWidget *
grid_label (const char *text,
            gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), wrap ? 0 : 1);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
      gtk_widget_set_hexpand (label, TRUE);
    }
  return label;
}

/* A row for the indicator's target for the end of the programme, judged
 * by its latest actual value, when it has one; returns the next line. */
static int
attach_final (ShnorMonitoringView *self,
              const ShnorPartRow  *row,
              const char          *title,
              int                  line)
{
  static const char * const classes[] = { "achievement-no-data", "achievement-met", "achievement-not-met",
                                                       "achievement-not-yet" };
  ShnorIndicatorYear final;
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *actual = NULL;
  GtkWidget *achievement;

  if (!shnor_document_get_indicator_final (self->document, row->id, &final))
    {
      shnor_indicator_year_clear (&final);
      return line;
    }
  /* TRANSLATORS: an indicator, its programme, and that its target is for the end of the programme */
  name = g_strdup_printf (_("%s (%s), by the end of the programme"), row->texts[0], title);
  target = shnor_format_target (final.bound, final.target);
  actual = final.has_actual ? g_strdup_printf ("%s (%d)", final.actual_text, final.year) : g_strdup ("—");
  achievement = grid_label (shnor_achievement_label (final.achievement), FALSE);
  gtk_widget_add_css_class (achievement, classes[final.achievement]);
  gtk_grid_attach (GTK_GRID (self->indicators_grid), grid_label (name, TRUE), 0, line, 1, 1);
  gtk_grid_attach (GTK_GRID (self->indicators_grid), grid_label (target, FALSE), 1, line, 1, 1);
  gtk_grid_attach (GTK_GRID (self->indicators_grid), grid_label (actual, FALSE), 2, line, 1, 1);
  gtk_grid_attach (GTK_GRID (self->indicators_grid), achievement, 3, line, 1, 1);
  shnor_indicator_year_clear (&final);
  return line + 1;
}

/* This year's target, actual value and achievement of every indicator of
 * the approved programmes shown, and its target for the end of the
 * programme. */
static void
fill_indicators (ShnorMonitoringView *self,
                 GHashTable          *titles)
{
  int year = g_date_get_year (&self->today);
  gint64 only = chosen (self->programme_filter, self->programmes);
  g_autofree char *heading = g_strdup_printf (_("Target indicators in %d"), year);
  const char *heads[] = { _("Indicator"), _("Target"), _("Actual value"), _("Achievement") };
  int line = 1;

  gtk_label_set_text (GTK_LABEL (self->indicators_heading), heading);
  shnor_widget_remove_children (self->indicators_grid);
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    {
      GtkWidget *head = grid_label (heads[c], c == 0);

      gtk_widget_add_css_class (head, "caption-heading");
      gtk_grid_attach (GTK_GRID (self->indicators_grid), head, (int) c, 0, 1, 1);
    }
  for (guint p = 0; p < self->programmes->len; p++)
    {
      gint64 programme = g_array_index (self->programmes, gint64, p);
      g_autoptr(GArray) indicators = NULL;

      if (only != 0 && programme != only)
        continue;
      indicators = shnor_document_get_part (self->document, programme, SHNOR_PART_INDICATOR);
      for (guint i = 0; i < indicators->len; i++)
        {
          const ShnorPartRow *row = &g_array_index (indicators, ShnorPartRow, i);
          g_autoptr(GArray) plan = shnor_document_get_indicator_plan (self->document, row->id);

          for (guint y = 0; y < plan->len; y++)
            {
              const ShnorIndicatorYear *v = &g_array_index (plan, ShnorIndicatorYear, y);
              static const char * const classes[] = { "achievement-no-data", "achievement-met", "achievement-not-met",
                                                       "achievement-not-yet" };
              g_autofree char *name = g_strdup_printf ("%s (%s)", row->texts[0], programme_title (titles, programme));
              g_autofree char *target = v->has_target ? shnor_format_target (v->bound, v->target) : g_strdup ("—");
              GtkWidget *achievement;

              if (v->year != year)
                continue;
              achievement = grid_label (shnor_achievement_label (v->achievement), FALSE);
              gtk_widget_add_css_class (achievement, classes[v->achievement]);
              gtk_grid_attach (GTK_GRID (self->indicators_grid), grid_label (name, TRUE), 0, line, 1, 1);
              gtk_grid_attach (GTK_GRID (self->indicators_grid), grid_label (target, FALSE), 1, line, 1, 1);
              gtk_grid_attach (GTK_GRID (self->indicators_grid),
                               grid_label (v->actual_text[0] ? v->actual_text : "—", FALSE), 2, line, 1, 1);
              gtk_grid_attach (GTK_GRID (self->indicators_grid), achievement, 3, line++, 1, 1);
            }
          line = attach_final (self, row, programme_title (titles, programme), line);
        }
    }
  if (line == 1)
    gtk_grid_attach (GTK_GRID (self->indicators_grid),
                     grid_label (_("No approved programme has indicators for this year."), TRUE), 0, line, 4, 1);
}

static gboolean
same_labels (GListModel    *model,
             GtkStringList *labels)
{
  guint n = model ? g_list_model_get_n_items (model) : 0;

  if (model == NULL || !GTK_IS_STRING_LIST (model) || n != g_list_model_get_n_items (G_LIST_MODEL (labels)))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), gtk_string_list_get_string (labels, i)))
      return FALSE;
  return TRUE;
}

/* Refills a filter with "all" and @labels, keeping the choice of @ids. */
static void
refill_filter (GtkWidget   *filter,
               const char  *all,
               GArray      *ids,
               GArray      *new_ids,
               GStrv        labels)
{
  gint64 was = chosen (filter, ids);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint select = 0;

  gtk_string_list_append (list, all);
  for (guint i = 0; labels[i]; i++)
    {
      gtk_string_list_append (list, labels[i]);
      if (g_array_index (new_ids, gint64, i) == was)
        select = i + 1;
    }
  /* the same choices: the model stays (a new one would announce a new
   * choice once the drop-down settles, and load the view again) */
  if (ids->len == new_ids->len && memcmp (ids->data, new_ids->data, ids->len * sizeof (gint64)) == 0 &&
      same_labels (gtk_drop_down_get_model (GTK_DROP_DOWN (filter)), list))
    return;
  g_array_set_size (ids, 0);
  g_array_append_vals (ids, new_ids->data, new_ids->len);
  gtk_drop_down_set_model (GTK_DROP_DOWN (filter), G_LIST_MODEL (list));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (filter), select);
}

static GHashTable *
fill_filters (ShnorMonitoringView *self)
{
  GHashTable *titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GListModel) programmes = shnor_document_get_programmes (self->document, FALSE);
  GListModel *schools = shnor_document_get_schools (self->document);
  g_autoptr(GArray) people = shnor_document_get_people (self->document);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (programmes); i++)
    {
      g_autoptr(ShnorProgramme) p = g_list_model_get_item (programmes, i);
      gint64 id = shnor_programme_get_id (p);

      if (shnor_programme_get_status (p) != SHNOR_PROGRAMME_APPROVED)
        continue;
      g_array_append_val (ids, id);
      g_strv_builder_add (labels, shnor_programme_get_title (p));
      g_hash_table_insert (titles, g_memdup2 (&id, sizeof id), g_strdup (shnor_programme_get_title (p)));
    }
  strv = g_strv_builder_end (labels);
  refill_filter (self->programme_filter, _("All approved programmes"), self->programmes, ids, strv);

  g_array_set_size (ids, 0);
  g_clear_pointer (&strv, g_strfreev);
  g_clear_pointer (&labels, g_strv_builder_unref);
  labels = g_strv_builder_new ();
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);
      gint64 id = shnor_school_get_id (school);

      g_array_append_val (ids, id);
      g_strv_builder_add (labels, shnor_school_get_display_name (school));
    }
  strv = g_strv_builder_end (labels);
  refill_filter (self->school_filter, _("All schools"), self->schools, ids, strv);

  g_array_set_size (ids, 0);
  g_clear_pointer (&strv, g_strfreev);
  g_clear_pointer (&labels, g_strv_builder_unref);
  labels = g_strv_builder_new ();
  for (guint i = 0; i < people->len; i++)
    {
      g_array_append_val (ids, g_array_index (people, ShnorPerson, i).id);
      g_strv_builder_add (labels, g_array_index (people, ShnorPerson, i).name);
    }
  strv = g_strv_builder_end (labels);
  refill_filter (self->person_filter, _("Everyone responsible"), self->people, ids, strv);

  {
    g_autoptr(GArray) levels = shnor_document_get_levels (self->document);

    g_array_set_size (ids, 0);
    g_clear_pointer (&strv, g_strfreev);
    g_clear_pointer (&labels, g_strv_builder_unref);
    labels = g_strv_builder_new ();
    for (guint i = 0; i < levels->len; i++)
      {
        g_array_append_val (ids, g_array_index (levels, ShnorRoadmapLevel, i).id);
        g_strv_builder_add (labels, g_array_index (levels, ShnorRoadmapLevel, i).name);
      }
    strv = g_strv_builder_end (labels);
    refill_filter (self->level_filter, _("All levels"), self->levels, ids, strv);
  }
  return titles;
}

static void
load (ShnorMonitoringView *self)
{
  g_autoptr(GHashTable) titles = NULL;
  g_autofree char *day = NULL;
  g_autofree char *intro = NULL;

  g_clear_handle_id (&self->idle, g_source_remove);
  if (self->document == NULL)
    return;
  self->filling = TRUE;
  titles = fill_filters (self);
  self->filling = FALSE;
  day = g_strdup_printf ("%02u.%02u.%04u", g_date_get_day (&self->today), g_date_get_month (&self->today),
                         g_date_get_year (&self->today));
  intro = g_strdup_printf (_("The road maps of the approved programmes on %s. A measure is overdue when its end "
                             "month has passed and it is neither done nor cancelled."), day);
  gtk_label_set_text (GTK_LABEL (self->intro_label), intro);
  fill_measures (self, titles);
  fill_indicators (self, titles);
}

static void
filter_changed (ShnorMonitoringView *self)
{
  if (!self->filling && self->document != NULL)
    load (self);
}

static gboolean
load_idle (gpointer data)
{
  ShnorMonitoringView *self = data;

  self->idle = 0;
  load (self);
  return G_SOURCE_REMOVE;
}

static void
document_changed (ShnorDocument       *document,
                  const char          *table,
                  gint64               rowid,
                  ShnorMonitoringView *self)
{
  if (self->idle == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      (g_str_has_prefix (table, "measure") || g_str_has_prefix (table, "programme") ||
       g_str_equal (table, "roadmap_level") ||
       g_str_equal (table, "person") || g_str_equal (table, "school") || g_str_equal (table, "result")))
    self->idle = g_idle_add (load_idle, self);
}

/* Shown: read the file again (it may have changed while hidden, and the
 * day may have turned). */
static void
shnor_monitoring_view_map (GtkWidget *widget)
{
  ShnorMonitoringView *self = SHNOR_MONITORING_VIEW (widget);

  GTK_WIDGET_CLASS (shnor_monitoring_view_parent_class)->map (widget);
  g_date_set_time_t (&self->today, time (NULL));
  load (self);
}

static void
shnor_monitoring_view_dispose (GObject *object)
{
  ShnorMonitoringView *self = SHNOR_MONITORING_VIEW (object);

  g_clear_handle_id (&self->idle, g_source_remove);
  shnor_monitoring_view_set_document (self, NULL);
  g_clear_pointer (&self->programmes, g_array_unref);
  g_clear_pointer (&self->schools, g_array_unref);
  g_clear_pointer (&self->people, g_array_unref);
  g_clear_pointer (&self->levels, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHNOR_TYPE_MONITORING_VIEW);

  G_OBJECT_CLASS (shnor_monitoring_view_parent_class)->dispose (object);
}

static void
shnor_monitoring_view_class_init (ShnorMonitoringViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_monitoring_view_dispose;
  widget_class->map = shnor_monitoring_view_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-monitoring-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ShnorMonitoringView, name)
  BIND (box); BIND (programme_filter); BIND (school_filter); BIND (person_filter); BIND (level_filter);
  BIND (intro_label); BIND (overdue_heading); BIND (overdue_list); BIND (soon_heading); BIND (soon_list);
  BIND (done_heading); BIND (done_list); BIND (indicators_heading); BIND (indicators_grid);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, filter_changed);
}

static void
shnor_monitoring_view_init (ShnorMonitoringView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->programmes = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->schools = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->people = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->levels = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_date_clear (&self->today, 1);
  g_date_set_time_t (&self->today, time (NULL));
}

void
shnor_monitoring_view_set_document (ShnorMonitoringView *self,
                                    ShnorDocument       *document)
{
  g_return_if_fail (SHNOR_IS_MONITORING_VIEW (self));

  if (shnor_watch_document (&self->document, document, G_CALLBACK (document_changed), self) &&
      document != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

/* For tests: the rows of a list ("overdue", "soon", "done") */
guint
shnor_monitoring_view_count (ShnorMonitoringView *self,
                             const char          *list)
{
  GtkWidget *box = g_str_equal (list, "overdue") ? self->overdue_list
                   : g_str_equal (list, "soon") ? self->soon_list : self->done_list;
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (box); row; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

GtkWidget *
shnor_monitoring_view_get_child (ShnorMonitoringView *self,
                                 const char          *name)
{
  g_return_val_if_fail (SHNOR_IS_MONITORING_VIEW (self), NULL);
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SHNOR_TYPE_MONITORING_VIEW, name));
}
