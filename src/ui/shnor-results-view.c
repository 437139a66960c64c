/* shnor-results-view.c */
#define G_LOG_DOMAIN "shnor-results-view"

#include "config.h"
#include "shnor-widgets.h"
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "shnor-chart-view.h"
#include "shnor-field-entry.h"
#include "shnor-file-chooser.h"
#include "shnor-number.h"
#include "shnor-results-view.h"

/* The table's columns after the year; "regional" is the reference mean,
 * "municipal" is computed and shown only. */
static const ShnorField result_fields[] = {
  { "participants", SHNOR_FIELD_INT,  N_("Participants"), 0, 100000, TRUE, NULL },
  { "mean",         SHNOR_FIELD_REAL, N_("Mean"), 0, 100, FALSE, NULL },
  { "below",        SHNOR_FIELD_INT,  N_("Below the threshold"), 0, 100000, FALSE, N_("Below threshold") },
  { "high",         SHNOR_FIELD_INT,  N_("High results"), 0, 100000, FALSE, NULL },
  { "regional",     SHNOR_FIELD_REAL, N_("Regional mean"), 0, 100, FALSE, NULL },
};
#define N_RESULT_FIELDS G_N_ELEMENTS (result_fields)
#define COL_MUNICIPAL (1 + N_RESULT_FIELDS - 1)   /* before the regional mean */

/* The grid column of field @f: the year is column 0, the municipal mean
 * stands between the school's figures and the regional mean. */
static int
column_of_field (guint f)
{
  return (int) f + 1 + (f == N_RESULT_FIELDS - 1 ? 1 : 0);
}

static const guint windows[] = { 3, 5, 0 };

struct _ShnorResultsView
{
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  GtkWidget     *assessment_dropdown;
  GtkWidget     *window_dropdown;
  GtkWidget     *save_chart_button;
  GtkWidget     *scale_button;
  GtkWidget     *scale_popover;
  GtkWidget     *scale_min;
  GtkWidget     *scale_max;
  GtkWidget     *scale_error;
  GtkWidget     *chart;
  GtkWidget     *table;
  GtkWidget     *error_label;
  GtkWidget     *new_kind;
  GtkWidget     *new_subject;
  GtkWidget     *new_grade;
  GtkWidget     *new_year;
  GtkWidget     *add_button;

  ShnorDocument *document;
  ShnorSchool   *school;
  GPtrArray     *keys;      /* "kind\tsubject\tgrade" of the dropdown's items */
  GArray        *rows;      /* ShnorResult of the table's rows, by year */
  gboolean       loading;
  guint          rebuild;   /* the idle that builds the table anew */
};

G_DEFINE_FINAL_TYPE (ShnorResultsView, shnor_results_view, GTK_TYPE_WIDGET)

static void reload (ShnorResultsView *self);

/* ---- the selected assessment --------------------------------------- */

static gboolean
selected_key (ShnorResultsView  *self,
              char             **kind,
              char             **subject,
              int               *grade)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->assessment_dropdown));
  g_auto(GStrv) parts = NULL;

  if (self->keys == NULL || i >= self->keys->len)
    return FALSE;
  parts = g_strsplit (self->keys->pdata[i], "\t", 3);
  *kind = g_strdup (parts[0]);
  *subject = g_strdup (parts[1]);
  *grade = atoi (parts[2]);
  return TRUE;
}

static void
show_error (ShnorResultsView *self,
            const char       *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static gboolean
same_keys (GPtrArray *a,
           GPtrArray *b)
{
  if (a == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!g_str_equal (a->pdata[i], b->pdata[i]))
      return FALSE;
  return TRUE;
}

/* The school's assessments, for the dropdown; keeps the selection. The
 * model is replaced only when the list changes: replacing it from inside
 * the dropdown's own notification would make it notify again. */
static void
load_assessments (ShnorResultsView *self)
{
  g_autofree char *previous = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) results = NULL;
  guint selected = 0;

  if (self->keys != NULL && gtk_drop_down_get_selected (GTK_DROP_DOWN (self->assessment_dropdown)) < self->keys->len)
    previous = g_strdup (self->keys->pdata[gtk_drop_down_get_selected (GTK_DROP_DOWN (self->assessment_dropdown))]);

  if (self->school != NULL)
    results = shnor_document_get_results (self->document, shnor_school_get_id (self->school));
  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      const ShnorResult *r = &g_array_index (results, ShnorResult, i);
      g_autofree char *key = g_strdup_printf ("%s\t%s\t%d", r->kind, r->subject, r->grade);
      g_autofree char *label = NULL;

      if (keys->len > 0 && g_str_equal (keys->pdata[keys->len - 1], key))
        continue;
      if (g_strcmp0 (key, previous) == 0)
        selected = keys->len;
      label = g_strdup_printf (_("%s · %s · grade %d"), r->kind, r->subject, r->grade);
      gtk_string_list_append (labels, label);
      g_ptr_array_add (keys, g_steal_pointer (&key));
    }
  if (same_keys (self->keys, keys))
    return;

  if (keys->len == 0)
    gtk_string_list_append (labels, _("No results yet"));
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  self->keys = g_steal_pointer (&keys);
  self->loading = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->assessment_dropdown), G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->assessment_dropdown), selected);
  self->loading = FALSE;
  gtk_widget_set_sensitive (self->assessment_dropdown, self->keys->len > 0);
  gtk_widget_set_sensitive (self->save_chart_button, self->keys->len > 0);
  gtk_widget_set_sensitive (self->scale_button, self->keys->len > 0);
}

/* ---- the table ------------------------------------------------------ */

static char *
result_text (const ShnorResult *r,
             guint              field)
{
  switch (field)
    {
    case 0: return shnor_number_format_count (r->participants);
    case 1: return r->has_mean ? shnor_format_mean_field (r->mean, r->kind) : g_strdup ("");
    case 2: return r->has_below ? shnor_number_format_count (r->below) : g_strdup ("");
    case 3: return r->has_high ? shnor_number_format_count (r->high) : g_strdup ("");
    default: return g_strdup ("");
    }
}

static void
cell_commit (ShnorFieldEntry  *cell,
             const char       *text,
             ShnorResultsView *self)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "shnor-row"));
  const ShnorField *field = shnor_field_entry_get_field (cell);
  ShnorResult r = g_array_index (self->rows, ShnorResult, row);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_str_equal (field->column, "regional"))
    ok = shnor_document_set_reference_mean (self->document, r.kind, r.subject, r.grade, r.year, text, &error);
  else if ((ok = shnor_field_parse (field, text, &value, &error)))
    {
      gboolean known = G_IS_VALUE (&value);

      if (g_str_equal (field->column, "participants"))
        r.participants = (int) g_value_get_int64 (&value);
      else if (g_str_equal (field->column, "mean"))
        r.has_mean = known, r.mean = known ? g_value_get_double (&value) : 0;
      else if (g_str_equal (field->column, "below"))
        r.has_below = known, r.below = known ? (int) g_value_get_int64 (&value) : 0;
      else
        r.has_high = known, r.high = known ? (int) g_value_get_int64 (&value) : 0;
      ok = shnor_document_set_result (self->document, &r, &error);
    }

  if (!ok)
    {
      g_autofree char *message = g_strdup_printf ("%d: %s", r.year, error->message);

      shnor_field_entry_set_error (cell, error->message);
      show_error (self, message);
    }
  else
    {
      shnor_field_entry_accept (cell);
      show_error (self, NULL);
    }
}

/* Enter moves to the cell below, as in a spreadsheet. By the time this
 * runs the commit may have rebuilt the table, so the place is taken from
 * where the cell was built, not from the cell. */
static void
cell_activate (GtkEntry         *entry,
               ShnorResultsView *self)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "shnor-column"));
  int row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "shnor-grid-row"));
  GtkWidget *below = gtk_grid_get_child_at (GTK_GRID (self->table), column, row + 1);

  if (SHNOR_IS_FIELD_ENTRY (below))
    gtk_widget_grab_focus (GTK_WIDGET (shnor_field_entry_get_entry (SHNOR_FIELD_ENTRY (below))));
}

static void
delete_clicked (GtkButton        *button,
                ShnorResultsView *self)
{
  const ShnorResult *r = &g_array_index (self->rows, ShnorResult,
                                         GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "shnor-row")));
  g_autoptr(GError) error = NULL;

  /* TRANSLATORS: a toast after deleting one year's result of an assessment */
  g_autofree char *done = g_strdup_printf (_("The result of %d deleted"), r->year);

  if (!shnor_document_delete_result (self->document, r->school_id, r->kind, r->subject, r->grade, r->year, &error))
    show_error (self, error->message);
  else
    shnor_toast (GTK_WIDGET (self), self->document, done);
}

static GtkWidget *
header (const char *text,
        const char *tooltip)
{
  GtkWidget *label = gtk_label_new (text);

  /* a title over as many lines as it takes, each column apart */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 9);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_widget_add_css_class (label, "caption-heading");
  return label;
}

static void
clear_table (ShnorResultsView *self)
{
  shnor_widget_remove_children (self->table);
}

static GtkWidget *
value_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

/* What field @f of @r shows; the regional mean is the assessment's. */
static char *
field_text (const ShnorResult          *r,
            guint                      f,
            const ShnorAssessmentYear *municipal)
{
  if (f < 4)
    return result_text (r, f);
  return municipal && municipal->has_regional ? shnor_format_mean_field (municipal->regional, r->kind)
                                              : g_strdup ("");
}

static char *
municipal_text (const ShnorAssessmentYear *municipal,
                const char                *kind)
{
  return municipal && municipal->has_mean ? shnor_number_format_mean (municipal->mean, kind) : g_strdup ("—");
}

static void
build_row (ShnorResultsView          *self,
           guint                      row,
           const ShnorAssessmentYear *municipal,
           gboolean                   editable)
{
  const ShnorResult *r = &g_array_index (self->rows, ShnorResult, row);
  g_autofree char *year = g_strdup_printf ("%d", r->year);
  g_autofree char *mean = municipal_text (municipal, r->kind);
  GtkWidget *remove;

  gtk_grid_attach (GTK_GRID (self->table), value_label (year), 0, (int) row + 1, 1, 1);
  for (guint f = 0; f < N_RESULT_FIELDS; f++)
    {
      GtkWidget *cell = shnor_field_entry_new (&result_fields[f], FALSE);
      g_autofree char *text = field_text (r, f, municipal);

      shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (cell), text);
      shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (cell), editable);
      g_object_set_data (G_OBJECT (cell), "shnor-row", GUINT_TO_POINTER (row));
      g_signal_connect (cell, "commit", G_CALLBACK (cell_commit), self);
      g_object_set_data (G_OBJECT (shnor_field_entry_get_entry (SHNOR_FIELD_ENTRY (cell))), "shnor-column",
                         GINT_TO_POINTER (column_of_field (f)));
      g_object_set_data (G_OBJECT (shnor_field_entry_get_entry (SHNOR_FIELD_ENTRY (cell))), "shnor-grid-row",
                         GINT_TO_POINTER ((int) row + 1));
      g_signal_connect_after (shnor_field_entry_get_entry (SHNOR_FIELD_ENTRY (cell)), "activate",
                              G_CALLBACK (cell_activate), self);
      gtk_grid_attach (GTK_GRID (self->table), cell, column_of_field (f), (int) row + 1, 1, 1);
    }
  gtk_grid_attach (GTK_GRID (self->table), value_label (mean), COL_MUNICIPAL, (int) row + 1, 1, 1);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Delete this year’s result"));
  gtk_widget_set_sensitive (remove, editable);
  g_object_set_data (G_OBJECT (remove), "shnor-row", GUINT_TO_POINTER (row));
  g_signal_connect (remove, "clicked", G_CALLBACK (delete_clicked), self);
  gtk_grid_attach (GTK_GRID (self->table), remove, (int) N_RESULT_FIELDS + 2, (int) row + 1, 1, 1);
}

static const ShnorAssessmentYear *
find_year (GArray *years,
           int     year)
{
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, ShnorAssessmentYear, i).year == year)
      return &g_array_index (years, ShnorAssessmentYear, i);
  return NULL;
}

/* The school's results of one assessment, by year. */
static GArray *
assessment_rows (ShnorResultsView *self,
                 const char       *kind,
                 const char       *subject,
                 int               grade)
{
  g_autoptr(GArray) all = shnor_document_get_results (self->document, shnor_school_get_id (self->school));
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (ShnorResult));

  for (guint i = 0; i < all->len; i++)
    {
      const ShnorResult *r = &g_array_index (all, ShnorResult, i);

      if (r->grade == grade && g_str_equal (r->kind, kind) && g_str_equal (r->subject, subject))
        g_array_append_val (rows, *r);
    }
  return rows;
}

static void
load_table (ShnorResultsView *self,
            const char       *kind,
            const char       *subject,
            int               grade)
{
  g_autoptr(GArray) years = shnor_document_get_assessment_years (self->document, kind, subject, grade);
  gboolean editable = !shnor_document_get_read_only (self->document);

  clear_table (self);
  g_clear_pointer (&self->rows, g_array_unref);
  self->rows = assessment_rows (self, kind, subject, grade);

  gtk_grid_attach (GTK_GRID (self->table), header (_("Year"), NULL), 0, 0, 1, 1);
  for (guint f = 0; f < N_RESULT_FIELDS; f++)
    gtk_grid_attach (GTK_GRID (self->table),
                     header (_(result_fields[f].short_label ? result_fields[f].short_label : result_fields[f].label),
                             _(result_fields[f].label)),
                     column_of_field (f), 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->table),
                   header (_("Municipal mean"), _("Computed from all schools, weighted by participants")),
                   COL_MUNICIPAL, 0, 1, 1);
  for (guint row = 0; row < self->rows->len; row++)
    build_row (self, row, find_year (years, g_array_index (self->rows, ShnorResult, row).year), editable);
}

static void
load_chart (ShnorResultsView *self,
            const char       *kind,
            const char       *subject,
            int               grade)
{
  guint window = windows[MIN (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->window_dropdown)),
                              G_N_ELEMENTS (windows) - 1)];
  ShnorChartData *data = shnor_chart_data_for_school (self->document, shnor_school_get_id (self->school),
                                                      kind, subject, grade, window);

  data->subtitle = g_strdup (shnor_school_get_display_name (self->school));
  shnor_chart_view_set_data (SHNOR_CHART_VIEW (self->chart), data);
}

static void
reload (ShnorResultsView *self)
{
  g_autofree char *kind = NULL;
  g_autofree char *subject = NULL;
  int grade = 0;

  if (self->document == NULL || self->school == NULL)
    {
      clear_table (self);
      shnor_chart_view_set_data (SHNOR_CHART_VIEW (self->chart), NULL);
      return;
    }
  load_assessments (self);
  gtk_widget_set_sensitive (self->add_button, !shnor_document_get_read_only (self->document));
  if (!selected_key (self, &kind, &subject, &grade))
    {
      clear_table (self);
      g_array_set_size (self->rows, 0);
      shnor_chart_view_set_data (SHNOR_CHART_VIEW (self->chart), NULL);
      gtk_widget_set_visible (self->chart, FALSE);
      return;
    }
  gtk_widget_set_visible (self->chart, TRUE);
  load_table (self, kind, subject, grade);
  load_chart (self, kind, subject, grade);
}

/* Puts the stored values into the cells shown when the school still has
 * the same years of the assessment shown; FALSE when rows came or went.
 * No widget is destroyed, so that a commit by Tab or a click, which runs
 * while GTK is moving the focus between two cells, leaves both alive. */
static gboolean
refresh_in_place (ShnorResultsView *self)
{
  g_autofree char *kind = NULL;
  g_autofree char *subject = NULL;
  g_autoptr(GArray) fresh = NULL;
  g_autoptr(GArray) years = NULL;
  GPtrArray *keys = self->keys;
  int grade;

  load_assessments (self);
  if (self->keys != keys || !selected_key (self, &kind, &subject, &grade))
    return FALSE;
  fresh = assessment_rows (self, kind, subject, grade);
  if (fresh->len != self->rows->len)
    return FALSE;
  for (guint row = 0; row < fresh->len; row++)
    if (g_array_index (fresh, ShnorResult, row).year != g_array_index (self->rows, ShnorResult, row).year)
      return FALSE;

  years = shnor_document_get_assessment_years (self->document, kind, subject, grade);
  for (guint row = 0; row < fresh->len; row++)
    {
      const ShnorResult *r = &g_array_index (fresh, ShnorResult, row);
      const ShnorAssessmentYear *municipal = find_year (years, r->year);
      g_autofree char *mean = municipal_text (municipal, r->kind);

      for (guint f = 0; f < N_RESULT_FIELDS; f++)
        {
          GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (self->table), column_of_field (f), (int) row + 1);
          g_autofree char *text = field_text (r, f, municipal);

          shnor_field_entry_update (SHNOR_FIELD_ENTRY (cell), text);
        }
      gtk_label_set_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (self->table), COL_MUNICIPAL, (int) row + 1)),
                          mean);
    }
  g_clear_pointer (&self->rows, g_array_unref);
  self->rows = g_steal_pointer (&fresh);
  load_chart (self, kind, subject, grade);
  return TRUE;
}

/* Rows came or went (an undo, a deleted year): the table is built anew,
 * once the loop is idle and no event is being handled by its cells; the
 * focus goes back to the same place. */
static void
rebuild (ShnorResultsView *self)
{
  GtkWidget *focus;
  int column = -1, row = -1, w, h;

  focus = gtk_widget_get_root (GTK_WIDGET (self)) ?
          gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) : NULL;
  while (focus != NULL && gtk_widget_get_parent (focus) != self->table)
    focus = gtk_widget_get_parent (focus);
  if (focus != NULL)
    gtk_grid_query_child (GTK_GRID (self->table), focus, &column, &row, &w, &h);

  reload (self);

  if (column >= 0)
    {
      GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (self->table), column, row);

      if (SHNOR_IS_FIELD_ENTRY (cell))
        gtk_widget_grab_focus (GTK_WIDGET (shnor_field_entry_get_entry (SHNOR_FIELD_ENTRY (cell))));
    }
}

static void
document_changed (ShnorDocument    *document,
                  const char       *table,
                  gint64            rowid,
                  ShnorResultsView *self)
{
  if (!g_str_equal (table, "result") && !g_str_equal (table, "reference_mean") &&
      !g_str_equal (table, "assessment_scale"))
    return;
  if (self->school == NULL || self->rebuild != 0 || refresh_in_place (self))
    return;
  shnor_queue_idle (&self->rebuild, G_CALLBACK (rebuild), self);
}

/* ---- callbacks ------------------------------------------------------ */

static void
assessment_changed (ShnorResultsView *self)
{
  if (!self->loading)
    reload (self);
}

static void
window_changed (ShnorResultsView *self)
{
  if (!self->loading)
    reload (self);
}

static void
add_clicked (ShnorResultsView *self)
{
  const char * const *kinds = shnor_result_kinds ();
  const char *kind = kinds[gtk_drop_down_get_selected (GTK_DROP_DOWN (self->new_kind))];
  const char *grade_text = gtk_editable_get_text (GTK_EDITABLE (self->new_grade));
  g_autofree char *subject = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_subject))));
  ShnorResult r = { 0 };
  g_autoptr(GError) error = NULL;

  if (self->school == NULL)
    return;
  if (!shnor_result_check_subject (subject, &error))
    {
      show_error (self, error->message);
      return;
    }
  r.school_id = shnor_school_get_id (self->school);
  shnor_result_set_names (&r, kind, subject);
  r.grade = grade_text[0] ? atoi (grade_text) : shnor_result_kind_default_grade (kind);
  r.year = atoi (gtk_editable_get_text (GTK_EDITABLE (self->new_year)));
  if (shnor_document_has_result (self->document, r.school_id, r.kind, r.subject, r.grade, r.year))
    {
      show_error (self, _("This result is already in the table."));
      return;
    }
  if (!shnor_document_set_result (self->document, &r, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  shnor_results_view_select (self, r.kind, r.subject, r.grade);
  gtk_editable_set_text (GTK_EDITABLE (self->new_year), "");
}

static void
save_chosen (GObject    *owner,
             GtkWindow  *parent,
             GFile      *file,
             const char *path)
{
  ShnorResultsView *self = SHNOR_RESULTS_VIEW (owner);
  const ShnorChartData *data = shnor_chart_view_get_data (SHNOR_CHART_VIEW (self->chart));
  g_autoptr(GError) error = NULL;

  if (data != NULL && path != NULL &&
      (!shnor_document_check_reads (self->document, &error) || !shnor_chart_save (data, path, 1200, 720, &error)))
    show_error (self, error->message);
}

static void
save_chart_clicked (ShnorResultsView *self)
{
  const ShnorChartData *data = shnor_chart_view_get_data (SHNOR_CHART_VIEW (self->chart));
  g_autofree char *name = NULL;

  if (data == NULL)
    return;
  name = g_strdup_printf ("%s.png", data->title);
  shnor_choose_file (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Save the Chart"),
                     GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), g_strdelimit (name, "/\\:", '-'),
                     SHNOR_FILES_CHARTS, save_chosen, G_OBJECT (self));
}

/* ---- the scale of the mean ----------------------------------------- */

static void
scale_popover_shown (ShnorResultsView *self)
{
  g_autofree char *kind = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;
  int grade;
  double min, max;

  gtk_widget_set_visible (self->scale_error, FALSE);
  if (!selected_key (self, &kind, &subject, &grade))
    return;
  shnor_document_get_scale (self->document, kind, subject, grade, &min, &max);
  min_text = shnor_format_double (min, 2);
  max_text = shnor_format_double (max, 2);
  gtk_editable_set_text (GTK_EDITABLE (self->scale_min), min_text);
  gtk_editable_set_text (GTK_EDITABLE (self->scale_max), max_text);
}

/* Sets the scale from the entries; both empty: the kind's usual one. */
gboolean
shnor_results_view_apply_scale (ShnorResultsView *self,
                                const char       *min_text,
                                const char       *max_text)
{
  g_autofree char *kind = NULL;
  g_autofree char *subject = NULL;
  g_autoptr(GError) error = NULL;
  int grade;

  g_return_val_if_fail (SHNOR_IS_RESULTS_VIEW (self), FALSE);

  if (!selected_key (self, &kind, &subject, &grade))
    return FALSE;
  if (!shnor_document_set_scale (self->document, kind, subject, grade, min_text, max_text, &error))
    {
      gtk_label_set_text (GTK_LABEL (self->scale_error), error->message);
      gtk_widget_set_visible (self->scale_error, TRUE);
      return FALSE;
    }
  gtk_popover_popdown (GTK_POPOVER (self->scale_popover));
  reload (self);
  return TRUE;
}

static void
scale_apply_clicked (ShnorResultsView *self)
{
  shnor_results_view_apply_scale (self, gtk_editable_get_text (GTK_EDITABLE (self->scale_min)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->scale_max)));
}

static void
scale_reset_clicked (ShnorResultsView *self)
{
  shnor_results_view_apply_scale (self, "", "");
}

/* ---- the widget ----------------------------------------------------- */

static void
shnor_results_view_dispose (GObject *object)
{
  ShnorResultsView *self = SHNOR_RESULTS_VIEW (object);

  g_clear_handle_id (&self->rebuild, g_source_remove);
  shnor_results_view_set_document (self, NULL);
  g_clear_object (&self->school);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHNOR_TYPE_RESULTS_VIEW);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  G_OBJECT_CLASS (shnor_results_view_parent_class)->dispose (object);
}

static void
shnor_results_view_class_init (ShnorResultsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = shnor_results_view_dispose;
  g_type_ensure (SHNOR_TYPE_CHART_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-results-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ShnorResultsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, ShnorResultsView, assessment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShnorResultsView, window_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShnorResultsView, save_chart_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorResultsView, scale_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorResultsView, scale_popover);
  gtk_widget_class_bind_template_child (widget_class, ShnorResultsView, scale_min);
  gtk_widget_class_bind_template_child (widget_class, ShnorResultsView, scale_max);
  gtk_widget_class_bind_template_child (widget_class, ShnorResultsView, scale_error);
  gtk_widget_class_bind_template_callback (widget_class, scale_popover_shown);
  gtk_widget_class_bind_template_callback (widget_class, scale_apply_clicked);
  gtk_widget_class_bind_template_callback (widget_class, scale_reset_clicked);
  gtk_widget_class_bind_template_child (widget_class, ShnorResultsView, chart);
  gtk_widget_class_bind_template_child (widget_class, ShnorResultsView, table);
  gtk_widget_class_bind_template_child (widget_class, ShnorResultsView, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorResultsView, new_kind);
  gtk_widget_class_bind_template_child (widget_class, ShnorResultsView, new_subject);
  gtk_widget_class_bind_template_child (widget_class, ShnorResultsView, new_grade);
  gtk_widget_class_bind_template_child (widget_class, ShnorResultsView, new_year);
  gtk_widget_class_bind_template_child (widget_class, ShnorResultsView, add_button);
  gtk_widget_class_bind_template_callback (widget_class, assessment_changed);
  gtk_widget_class_bind_template_callback (widget_class, window_changed);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, save_chart_clicked);
}

static void
shnor_results_view_init (ShnorResultsView *self)
{
  g_autoptr(GtkStringList) spans = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (self->table, "data-grid");
  self->rows = g_array_new (FALSE, TRUE, sizeof (ShnorResult));
  gtk_string_list_append (spans, _("3 years"));
  gtk_string_list_append (spans, _("5 years"));
  gtk_string_list_append (spans, _("All years"));
  self->loading = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->window_dropdown), G_LIST_MODEL (spans));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->new_kind),
                           G_LIST_MODEL (gtk_string_list_new (shnor_result_kinds ())));
  self->loading = FALSE;
}

GtkWidget *
shnor_results_view_new (void)
{
  return g_object_new (SHNOR_TYPE_RESULTS_VIEW, NULL);
}

void
shnor_results_view_set_document (ShnorResultsView *self,
                                 ShnorDocument    *document)
{
  g_return_if_fail (SHNOR_IS_RESULTS_VIEW (self));

  if (!shnor_watch_document (&self->document, document, G_CALLBACK (document_changed), self))
    return;
  /* the window gives the school first and the document after (see
   * shnor-window.c's load_idle) */
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  reload (self);
}

void
shnor_results_view_set_school (ShnorResultsView *self,
                               ShnorSchool      *school)
{
  g_return_if_fail (SHNOR_IS_RESULTS_VIEW (self));

  if (self->school != school)
    g_clear_pointer (&self->keys, g_ptr_array_unref);  /* another school: first assessment */
  g_set_object (&self->school, school);
  show_error (self, NULL);
  reload (self);
}

/* Shows the assessment; FALSE when the school has no such results. */
gboolean
shnor_results_view_select (ShnorResultsView *self,
                           const char       *kind,
                           const char       *subject,
                           int               grade)
{
  g_autofree char *key = g_strdup_printf ("%s\t%s\t%d", kind, subject, grade);
  guint index;

  g_return_val_if_fail (SHNOR_IS_RESULTS_VIEW (self), FALSE);

  load_assessments (self);
  if (!g_ptr_array_find_with_equal_func (self->keys, key, g_str_equal, &index))
    return FALSE;
  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->assessment_dropdown)) == index)
    reload (self);
  else
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->assessment_dropdown), index);  /* reloads */
  return TRUE;
}

/* For tests: the cell of @column ("participants", "mean", "below", "high",
 * "regional") in the row of @year. */
GtkWidget *
shnor_results_view_get_cell (ShnorResultsView *self,
                             int               year,
                             const char       *column)
{
  g_return_val_if_fail (SHNOR_IS_RESULTS_VIEW (self), NULL);

  for (guint row = 0; row < self->rows->len; row++)
    if (g_array_index (self->rows, ShnorResult, row).year == year)
      for (guint f = 0; f < N_RESULT_FIELDS; f++)
        if (g_str_equal (result_fields[f].column, column))
          return gtk_grid_get_child_at (GTK_GRID (self->table), column_of_field (f), (int) row + 1);
  return NULL;
}

GtkWidget *
shnor_results_view_get_chart (ShnorResultsView *self)
{
  g_return_val_if_fail (SHNOR_IS_RESULTS_VIEW (self), NULL);
  return self->chart;
}
