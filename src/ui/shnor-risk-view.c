/* shnor-risk-view.c: the risk profile of a school for a year: a level
 * and a note per factor, in labelled columns. The factors themselves are
 * a reference list shared by all schools, edited in the settings
 * (shnor-risk-factors-editor.c), not here. */
#define G_LOG_DOMAIN "shnor-risk-view"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-widgets.h"
#include "shnor-field-entry.h"
#include "shnor-risk-factors-editor.h"
#include "shnor-risk-view.h"

struct _ShnorRiskView
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkWidget     *year_spin;
  GtkWidget     *years_label;
  GtkWidget     *grid;
  GtkWidget     *error_label;

  ShnorDocument *document;
  ShnorSchool   *school;
  GArray        *factors;   /* gint64 ids, by row */
  gboolean       loading;
  guint          idle;
};

G_DEFINE_FINAL_TYPE (ShnorRiskView, shnor_risk_view, GTK_TYPE_WIDGET)

static const ShnorField note_field = { "note", SHNOR_FIELD_TEXT, N_("Note"), 0, 0, FALSE, NULL };

enum { COLUMN_FACTOR, COLUMN_LEVEL, COLUMN_NOTE };

static void load (ShnorRiskView *self);

static int
year (ShnorRiskView *self)
{
  return gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->year_spin));
}

static void
show_error (ShnorRiskView *self,
            const GError  *error)
{
  shnor_error_label_set (self->error_label, error ? error->message : NULL);
}

static void
level_selected (GtkDropDown   *dropdown,
                GParamSpec    *pspec,
                ShnorRiskView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->school == NULL)
    return;
  if (!shnor_document_set_risk (self->document, shnor_school_get_id (self->school), shnor_row_id (GTK_WIDGET (dropdown), self->factors),
                                year (self), gtk_drop_down_get_selected (dropdown), NULL, &error))
    {
      show_error (self, error);
      load (self);
      return;
    }
  show_error (self, NULL);
}

static void
note_commit (ShnorFieldEntry *entry,
             const char      *text,
             ShnorRiskView   *self)
{
  g_autoptr(GError) error = NULL;

  if (self->school == NULL)
    return;
  if (!shnor_document_set_risk (self->document, shnor_school_get_id (self->school), shnor_row_id (GTK_WIDGET (entry), self->factors),
                                year (self), 0, text, &error))
    shnor_field_entry_set_error (entry, error->message);
  else
    shnor_field_entry_accept (entry);
}

/* Another school or year: every row anew */
static void
load_anew (ShnorRiskView *self)
{
  g_array_set_size (self->factors, 0);
  load (self);
}

static void
year_changed (ShnorRiskView *self)
{
  load_anew (self);
}

static void
tag_row (GtkWidget *widget,
         guint      row)
{
  g_object_set_data (G_OBJECT (widget), "shnor-row", GUINT_TO_POINTER (row));
}

static GtkWidget *
column_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
build_rows (ShnorRiskView *self,
            GArray        *profile)
{
  const char *levels[] = {
    shnor_risk_level_label (SHNOR_RISK_NOT_ASSESSED), shnor_risk_level_label (SHNOR_RISK_LOW),
    shnor_risk_level_label (SHNOR_RISK_MEDIUM), shnor_risk_level_label (SHNOR_RISK_HIGH), NULL,
  };
  gboolean writable = !shnor_document_get_read_only (self->document);

  shnor_widget_remove_children (self->grid);
  g_array_set_size (self->factors, 0);
  gtk_grid_attach (GTK_GRID (self->grid), column_heading (_("Risk factor")), COLUMN_FACTOR, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), column_heading (_("Level")), COLUMN_LEVEL, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), column_heading (_("Note")), COLUMN_NOTE, 0, 1, 1);

  for (guint i = 0; i < profile->len; i++)
    {
      const ShnorRiskLevel *r = &g_array_index (profile, ShnorRiskLevel, i);
      GtkWidget *factor = gtk_label_new (r->factor);
      GtkWidget *level = gtk_drop_down_new_from_strings (levels);
      GtkWidget *note = shnor_field_entry_new (&note_field, TRUE);
      g_autofree char *level_name = g_strdup_printf (_("Level: %s"), r->factor);
      g_autofree char *note_name = g_strdup_printf (_("Note: %s"), r->factor);

      g_array_append_val (self->factors, r->factor_id);
      /* the whole name, over as many lines as it takes */
      gtk_label_set_wrap (GTK_LABEL (factor), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (factor), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (factor), 0);
      gtk_label_set_width_chars (GTK_LABEL (factor), 16);
      gtk_label_set_max_width_chars (GTK_LABEL (factor), 30);
      gtk_widget_set_hexpand (factor, TRUE);
      gtk_widget_set_valign (factor, GTK_ALIGN_CENTER);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (level), r->level);
      gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (level, writable);
      gtk_accessible_update_property (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_PROPERTY_LABEL, level_name, -1);
      shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (note), r->note);
      shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (note), writable);
      gtk_accessible_update_property (GTK_ACCESSIBLE (shnor_field_entry_get_entry (SHNOR_FIELD_ENTRY (note))),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, note_name, -1);
      gtk_widget_set_hexpand (note, TRUE);
      gtk_widget_set_size_request (note, 180, -1);
      gtk_widget_set_valign (note, GTK_ALIGN_CENTER);
      for (GtkWidget **w = (GtkWidget *[]) { factor, level, note, NULL }; *w; w++)
        tag_row (*w, i);
      g_signal_connect (level, "notify::selected", G_CALLBACK (level_selected), self);
      g_signal_connect (note, "commit", G_CALLBACK (note_commit), self);
      gtk_grid_attach (GTK_GRID (self->grid), factor, COLUMN_FACTOR, (int) i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), level, COLUMN_LEVEL, (int) i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), note, COLUMN_NOTE, (int) i + 1, 1, 1);
    }
}

/* The same factors: the levels and notes in place, so that the focus
 * stays where Tab took it (a note being typed into keeps its text). */
static gboolean
update_rows (ShnorRiskView *self,
             GArray        *profile)
{
  if (!shnor_risk_factors_same (profile, self->factors))
    return FALSE;
  for (guint i = 0; i < profile->len; i++)
    {
      const ShnorRiskLevel *r = &g_array_index (profile, ShnorRiskLevel, i);

      gtk_label_set_text (GTK_LABEL (shnor_risk_view_get_factor (self, i)), r->factor);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (shnor_risk_view_get_level (self, i)), r->level);
      shnor_field_entry_update (SHNOR_FIELD_ENTRY (shnor_risk_view_get_note (self, i)), r->note);
    }
  return TRUE;
}

static void
load (ShnorRiskView *self)
{
  g_autoptr(GArray) profile = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->document == NULL || self->school == NULL)
    return;
  self->loading = TRUE;
  profile = shnor_document_get_risk_profile (self->document, shnor_school_get_id (self->school), year (self));
  if (!update_rows (self, profile))
    build_rows (self, profile);
  years = shnor_document_get_risk_years (self->document, shnor_school_get_id (self->school));
  for (guint i = 0; i < years->len; i++)
    g_string_append_printf (text, "%s%d", i ? ", " : "", g_array_index (years, int, i));
  if (years->len > 0)
    {
      g_autofree char *label = g_strdup_printf (_("Profiles of: %s"), text->str);

      gtk_label_set_text (GTK_LABEL (self->years_label), label);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->years_label), _("No profile yet"));
  self->loading = FALSE;
}

/* The year a school's page opens on: its latest profile, or else the
 * latest year of the municipality's data, or else this year. */
static int
default_year (ShnorRiskView *self)
{
  g_autoptr(GArray) years = shnor_document_get_risk_years (self->document, shnor_school_get_id (self->school));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const ShnorMetrics *metrics;
  int first, last;

  if (years->len > 0)
    return g_array_index (years, int, years->len - 1);
  metrics = shnor_document_get_metrics (self->document);
  if (metrics != NULL)
    {
      shnor_metrics_get_years (metrics, &first, &last);
      if (last > 0)
        return last;
    }
  return g_date_time_get_year (now);
}

static void
document_changed (ShnorDocument *document,
                  const char    *table,
                  gint64         rowid,
                  ShnorRiskView *self)
{
  /* Not while an entry of ours is being committed: rebuild afterwards. */
  if (g_str_equal (table, "risk_level") || g_str_equal (table, "risk_factor"))
    shnor_queue_idle (&self->idle, G_CALLBACK (load), self);
}

static void
shnor_risk_view_dispose (GObject *object)
{
  ShnorRiskView *self = SHNOR_RISK_VIEW (object);

  g_clear_handle_id (&self->idle, g_source_remove);
  shnor_risk_view_set_document (self, NULL);
  g_clear_object (&self->school);
  g_clear_pointer (&self->factors, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHNOR_TYPE_RISK_VIEW);

  G_OBJECT_CLASS (shnor_risk_view_parent_class)->dispose (object);
}

static void
shnor_risk_view_class_init (ShnorRiskViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_risk_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-risk-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ShnorRiskView, box);
  gtk_widget_class_bind_template_child (widget_class, ShnorRiskView, year_spin);
  gtk_widget_class_bind_template_child (widget_class, ShnorRiskView, years_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorRiskView, grid);
  gtk_widget_class_bind_template_child (widget_class, ShnorRiskView, error_label);
  gtk_widget_class_bind_template_callback (widget_class, year_changed);
}

static void
shnor_risk_view_init (ShnorRiskView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->factors = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* The school's risk profile, from its default year, once the view has
 * both the school and the document (the window gives the school first) */
static void
show_school (ShnorRiskView *self)
{
  if (self->school == NULL || self->document == NULL)
    return;
  show_error (self, NULL);
  self->loading = TRUE;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year_spin), default_year (self));
  self->loading = FALSE;
  load_anew (self);
}

void
shnor_risk_view_set_document (ShnorRiskView *self,
                              ShnorDocument *document)
{
  g_return_if_fail (SHNOR_IS_RISK_VIEW (self));

  if (!shnor_watch_document (&self->document, document, G_CALLBACK (document_changed), self))
    return;
  show_school (self);
}

void
shnor_risk_view_set_school (ShnorRiskView *self,
                            ShnorSchool   *school)
{
  g_return_if_fail (SHNOR_IS_RISK_VIEW (self));

  if (!g_set_object (&self->school, school))
    return;
  show_school (self);
}

void
shnor_risk_view_set_year (ShnorRiskView *self,
                          int            year)
{
  g_return_if_fail (SHNOR_IS_RISK_VIEW (self));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year_spin), year);
  load_anew (self);
}

/* For tests: the name, the level list and the note entry of the @row-th
 * factor (the first line of the grid is the columns' headings). */
GtkWidget *
shnor_risk_view_get_factor (ShnorRiskView *self,
                            guint          row)
{
  return gtk_grid_get_child_at (GTK_GRID (self->grid), COLUMN_FACTOR, (int) row + 1);
}

GtkWidget *
shnor_risk_view_get_level (ShnorRiskView *self,
                           guint          row)
{
  return gtk_grid_get_child_at (GTK_GRID (self->grid), COLUMN_LEVEL, (int) row + 1);
}

GtkWidget *
shnor_risk_view_get_note (ShnorRiskView *self,
                          guint          row)
{
  return gtk_grid_get_child_at (GTK_GRID (self->grid), COLUMN_NOTE, (int) row + 1);
}
