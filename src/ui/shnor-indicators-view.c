/* shnor-indicators-view.c: the other yearly indicators of a school, one
 * row per indicator and one column per year. The indicators (their names)
 * are shared by all schools; criteria can use them as metrics. */
#define G_LOG_DOMAIN "shnor-indicators-view"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-widgets.h"
#include "shnor-field-entry.h"
#include "shnor-indicators-view.h"

/* The most recent years shown as columns, besides any year the school
 * already has a value in. */
#define RECENT_YEARS 5

struct _ShnorIndicatorsView
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkWidget     *grid;
  GtkWidget     *error_label;
  GtkWidget     *new_entry;
  GtkWidget     *add_button;

  ShnorDocument *document;
  ShnorSchool   *school;
  GArray        *indicators;  /* gint64 ids, by row */
  GArray        *years;       /* int, by column */
  guint          idle;
};

G_DEFINE_FINAL_TYPE (ShnorIndicatorsView, shnor_indicators_view, GTK_TYPE_WIDGET)

static const ShnorField name_field = { "name", SHNOR_FIELD_TEXT, N_("Indicator"), 0, 0, TRUE, NULL };

/* Grid columns: the name, then one per year, then the delete button;
 * grid rows: the header, then one per indicator. */
#define FIRST_YEAR_COLUMN 1

static void load (ShnorIndicatorsView *self);

static void
show_error (ShnorIndicatorsView *self,
            const char          *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static gint64
row_indicator (ShnorIndicatorsView *self,
               GtkWidget           *widget)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "shnor-row"));

  return row < self->indicators->len ? g_array_index (self->indicators, gint64, row) : 0;
}

static void
value_commit (ShnorFieldEntry     *entry,
              const char          *text,
              ShnorIndicatorsView *self)
{
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "shnor-year"));
  g_autoptr(GError) error = NULL;

  if (self->school == NULL)
    return;
  if (!shnor_document_set_indicator_value (self->document, shnor_school_get_id (self->school),
                                           row_indicator (self, GTK_WIDGET (entry)), year, text, &error))
    {
      g_autofree char *message = g_strdup_printf ("%d: %s", year, error->message);

      shnor_field_entry_set_error (entry, error->message);
      show_error (self, message);
      return;
    }
  show_error (self, NULL);
  load (self);
}

static void
name_commit (ShnorFieldEntry     *entry,
             const char          *text,
             ShnorIndicatorsView *self)
{
  g_autoptr(GError) error = NULL;

  if (!shnor_document_rename_indicator (self->document, row_indicator (self, GTK_WIDGET (entry)), text, &error))
    {
      shnor_field_entry_set_error (entry, error->message);
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  load (self);
}

static void
delete_clicked (GtkButton           *button,
                ShnorIndicatorsView *self)
{
  g_autoptr(GError) error = NULL;

  if (!shnor_document_delete_indicator (self->document, row_indicator (self, GTK_WIDGET (button)), &error))
    show_error (self, error->message);
  else
    show_error (self, NULL);
}

static void
add_indicator (ShnorIndicatorsView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  if (shnor_document_add_indicator (self->document, gtk_editable_get_text (GTK_EDITABLE (self->new_entry)),
                                    &error) == 0)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->new_entry), "");
}

/* The years shown: the last RECENT_YEARS of the municipality's data
 * (results, context data, indicators) and every year this school has a
 * value in; this year when the file has no data yet. */
static GArray *
shown_years (ShnorIndicatorsView *self)
{
  g_autoptr(GArray) own = shnor_document_get_indicator_years (self->document, shnor_school_get_id (self->school));
  const ShnorMetrics *metrics = shnor_document_get_metrics (self->document);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  int first = 0, last = 0;

  if (metrics != NULL)
    shnor_metrics_get_years (metrics, &first, &last);
  if (last <= 0)
    first = last = g_date_time_get_year (now);
  first = MAX (first, last - RECENT_YEARS + 1);
  for (guint i = 0; i < own->len && g_array_index (own, int, i) < first; i++)
    g_array_append_val (years, g_array_index (own, int, i));
  for (int y = first; y <= last; y++)
    g_array_append_val (years, y);
  return years;
}

static char *
value_text (ShnorIndicatorsView *self,
            gint64               indicator,
            int                  year)
{
  double value;

  if (!shnor_document_get_indicator_value (self->document, shnor_school_get_id (self->school), indicator, year,
                                           &value))
    return g_strdup ("");
  return shnor_format_double (value, 4);
}

static void
tag (GtkWidget *widget,
     guint      row,
     int        year)
{
  g_object_set_data (G_OBJECT (widget), "shnor-row", GUINT_TO_POINTER (row));
  g_object_set_data (G_OBJECT (widget), "shnor-year", GINT_TO_POINTER (year));
}

static void
build_header (ShnorIndicatorsView *self)
{
  GtkWidget *name = gtk_label_new (_("Indicator"));

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "caption-heading");
  gtk_grid_attach (GTK_GRID (self->grid), name, 0, 0, 1, 1);
  for (guint c = 0; c < self->years->len; c++)
    {
      g_autofree char *text = g_strdup_printf ("%d", g_array_index (self->years, int, c));
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (GTK_GRID (self->grid), label, FIRST_YEAR_COLUMN + (int) c, 0, 1, 1);
    }
}

static void
build_row (ShnorIndicatorsView   *self,
           const ShnorIndicator  *indicator,
           guint                  row,
           gboolean               writable)
{
  GtkWidget *name = shnor_field_entry_new (&name_field, FALSE);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *remove_label = g_strdup_printf (_("Delete the indicator “%s”"), indicator->name);

  shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (name), indicator->name);
  shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (name), writable);
  gtk_widget_set_size_request (name, 300, -1);
  gtk_widget_set_tooltip_text (name, _("The indicator's name, the same for all schools: edit it to rename"));
  tag (name, row, 0);
  g_signal_connect (name, "commit", G_CALLBACK (name_commit), self);
  gtk_grid_attach (GTK_GRID (self->grid), name, 0, (int) row + 1, 1, 1);

  for (guint c = 0; c < self->years->len; c++)
    {
      int year = g_array_index (self->years, int, c);
      GtkWidget *cell = shnor_field_entry_new (shnor_indicator_value_field (), FALSE);
      g_autofree char *text = value_text (self, indicator->id, year);
      g_autofree char *label = g_strdup_printf ("%s, %d", indicator->name, year);

      shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (cell), text);
      shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (cell), writable);
      gtk_accessible_update_property (GTK_ACCESSIBLE (shnor_field_entry_get_entry (SHNOR_FIELD_ENTRY (cell))),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      tag (cell, row, year);
      g_signal_connect (cell, "commit", G_CALLBACK (value_commit), self);
      gtk_grid_attach (GTK_GRID (self->grid), cell, FIRST_YEAR_COLUMN + (int) c, (int) row + 1, 1, 1);
    }

  gtk_widget_set_tooltip_text (remove, _("Delete the indicator and its values in every school"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_sensitive (remove, writable);
  tag (remove, row, 0);
  g_signal_connect (remove, "clicked", G_CALLBACK (delete_clicked), self);
  gtk_grid_attach (GTK_GRID (self->grid), remove, FIRST_YEAR_COLUMN + (int) self->years->len, (int) row + 1, 1, 1);
}

static gboolean
same_ids (GArray *shown,
          GArray *indicators)
{
  if (shown->len != indicators->len)
    return FALSE;
  for (guint i = 0; i < shown->len; i++)
    if (g_array_index (shown, gint64, i) != g_array_index (indicators, ShnorIndicator, i).id)
      return FALSE;
  return TRUE;
}

static gboolean
same_years (GArray *a,
            GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (int)) == 0;
}

/* Refreshes the texts in place when the same rows and columns are shown,
 * so that the focus and what is being typed survive a neighbour's commit;
 * rebuilds the grid only when rows or columns come or go. */
static void
load (ShnorIndicatorsView *self)
{
  g_autoptr(GArray) indicators = NULL;
  g_autoptr(GArray) years = NULL;
  gboolean writable;

  if (self->document == NULL || self->school == NULL)
    return;
  indicators = shnor_document_get_indicators (self->document);
  years = shown_years (self);
  writable = !shnor_document_get_read_only (self->document);
  gtk_widget_set_sensitive (self->new_entry, writable);
  gtk_widget_set_sensitive (self->add_button, writable);

  if (same_ids (self->indicators, indicators) && same_years (self->years, years) && self->indicators->len > 0)
    {
      for (guint r = 0; r < indicators->len; r++)
        {
          const ShnorIndicator *indicator = &g_array_index (indicators, ShnorIndicator, r);
          GtkWidget *name = gtk_grid_get_child_at (GTK_GRID (self->grid), 0, (int) r + 1);

          shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (name), indicator->name);
          for (guint c = 0; c < years->len; c++)
            {
              int year = g_array_index (years, int, c);
              GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (self->grid), FIRST_YEAR_COLUMN + (int) c,
                                                       (int) r + 1);
              g_autofree char *text = value_text (self, indicator->id, year);

              shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (cell), text);
            }
        }
      return;
    }

  shnor_widget_remove_children (self->grid);
  g_array_set_size (self->indicators, 0);
  g_array_unref (self->years);
  self->years = g_steal_pointer (&years);
  if (indicators->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No indicators yet: add one below."));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (empty), 0);
      gtk_grid_attach (GTK_GRID (self->grid), empty, 0, 0, 1, 1);
      return;
    }
  build_header (self);
  for (guint r = 0; r < indicators->len; r++)
    {
      const ShnorIndicator *indicator = &g_array_index (indicators, ShnorIndicator, r);

      g_array_append_val (self->indicators, indicator->id);
      build_row (self, indicator, r, writable);
    }
}

static gboolean
load_idle (gpointer data)
{
  ShnorIndicatorsView *self = data;

  self->idle = 0;
  load (self);
  return G_SOURCE_REMOVE;
}

static void
document_changed (ShnorDocument       *document,
                  const char          *table,
                  gint64               rowid,
                  ShnorIndicatorsView *self)
{
  /* The years follow all the data, the rows the indicators; reload after
   * the edit that is being committed, not in the middle of it. */
  if (self->idle == 0 &&
      (g_str_equal (table, "indicator") || g_str_equal (table, "indicator_value") ||
       g_str_equal (table, "school_context") || g_str_equal (table, "result")))
    self->idle = g_idle_add (load_idle, self);
}

static void
shnor_indicators_view_dispose (GObject *object)
{
  ShnorIndicatorsView *self = SHNOR_INDICATORS_VIEW (object);

  g_clear_handle_id (&self->idle, g_source_remove);
  shnor_indicators_view_set_document (self, NULL);
  g_clear_object (&self->school);
  g_clear_pointer (&self->indicators, g_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHNOR_TYPE_INDICATORS_VIEW);

  G_OBJECT_CLASS (shnor_indicators_view_parent_class)->dispose (object);
}

static void
shnor_indicators_view_class_init (ShnorIndicatorsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_indicators_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-indicators-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ShnorIndicatorsView, box);
  gtk_widget_class_bind_template_child (widget_class, ShnorIndicatorsView, grid);
  gtk_widget_class_bind_template_child (widget_class, ShnorIndicatorsView, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorIndicatorsView, new_entry);
  gtk_widget_class_bind_template_child (widget_class, ShnorIndicatorsView, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_indicator);
}

static void
shnor_indicators_view_init (ShnorIndicatorsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->indicators = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
}

void
shnor_indicators_view_set_document (ShnorIndicatorsView *self,
                                    ShnorDocument       *document)
{
  g_return_if_fail (SHNOR_IS_INDICATORS_VIEW (self));

  if (!shnor_watch_document (&self->document, document, G_CALLBACK (document_changed), self))
    return;
  /* the window gives the school first and the document after */
  if (self->school != NULL)
    {
      g_array_set_size (self->indicators, 0);
      load (self);
    }
}

void
shnor_indicators_view_set_school (ShnorIndicatorsView *self,
                                  ShnorSchool         *school)
{
  g_return_if_fail (SHNOR_IS_INDICATORS_VIEW (self));

  if (!g_set_object (&self->school, school) || school == NULL)
    return;
  show_error (self, NULL);
  /* Another school: rebuild, its own years may differ */
  g_array_set_size (self->indicators, 0);
  load (self);
}

/* For tests: the value entry of the @row-th indicator in @year. */
GtkWidget *
shnor_indicators_view_get_cell (ShnorIndicatorsView *self,
                                guint                row,
                                int                  year)
{
  g_return_val_if_fail (SHNOR_IS_INDICATORS_VIEW (self), NULL);
  for (guint c = 0; c < self->years->len; c++)
    if (g_array_index (self->years, int, c) == year)
      return gtk_grid_get_child_at (GTK_GRID (self->grid), FIRST_YEAR_COLUMN + (int) c, (int) row + 1);
  return NULL;
}

GtkWidget *
shnor_indicators_view_get_new_entry (ShnorIndicatorsView *self)
{
  g_return_val_if_fail (SHNOR_IS_INDICATORS_VIEW (self), NULL);
  return self->new_entry;
}
