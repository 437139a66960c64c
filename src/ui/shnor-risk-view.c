/* shnor-risk-view.c: the risk profile of a school for a year: a level
 * and a note per factor; the factors themselves are an editable reference
 * list shared by all schools */
#define G_LOG_DOMAIN "shnor-risk-view"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-widgets.h"
#include "shnor-field-entry.h"
#include "shnor-risk-view.h"

struct _ShnorRiskView
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkWidget     *year_spin;
  GtkWidget     *years_label;
  GtkWidget     *grid;
  GtkWidget     *error_label;
  GtkWidget     *new_factor_entry;

  ShnorDocument *document;
  ShnorSchool   *school;
  GArray        *factors;   /* gint64 ids, by row */
  gboolean       loading;
  guint          idle;
};

G_DEFINE_FINAL_TYPE (ShnorRiskView, shnor_risk_view, GTK_TYPE_WIDGET)

static const ShnorField note_field = { "note", SHNOR_FIELD_TEXT, N_("Note"), 0, 0, FALSE, NULL };
static const ShnorField factor_field = { "name", SHNOR_FIELD_TEXT, N_("Risk factor"), 0, 0, TRUE, NULL };

enum { COLUMN_FACTOR, COLUMN_LEVEL, COLUMN_NOTE, COLUMN_DELETE };

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
  gtk_label_set_text (GTK_LABEL (self->error_label), error ? error->message : "");
  gtk_widget_set_visible (self->error_label, error != NULL);
}

static gint64
row_factor (ShnorRiskView *self,
            GtkWidget     *widget)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "shnor-row"));

  return row < self->factors->len ? g_array_index (self->factors, gint64, row) : 0;
}

static void
level_selected (GtkDropDown   *dropdown,
                GParamSpec    *pspec,
                ShnorRiskView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->school == NULL)
    return;
  if (!shnor_document_set_risk (self->document, shnor_school_get_id (self->school), row_factor (self, GTK_WIDGET (dropdown)),
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
  if (!shnor_document_set_risk (self->document, shnor_school_get_id (self->school), row_factor (self, GTK_WIDGET (entry)),
                                year (self), 0, text, &error))
    shnor_field_entry_set_error (entry, error->message);
}

static void
factor_renamed (ShnorFieldEntry *entry,
                const char      *text,
                ShnorRiskView   *self)
{
  g_autoptr(GError) error = NULL;

  if (!shnor_document_rename_risk_factor (self->document, row_factor (self, GTK_WIDGET (entry)), text, &error))
    shnor_field_entry_set_error (entry, error->message);
}

static void
delete_clicked (GtkButton     *button,
                ShnorRiskView *self)
{
  g_autoptr(GError) error = NULL;

  if (!shnor_document_delete_risk_factor (self->document, row_factor (self, GTK_WIDGET (button)), &error))
    show_error (self, error);
}

static void
add_factor (ShnorRiskView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  if (shnor_document_add_risk_factor (self->document, gtk_editable_get_text (GTK_EDITABLE (self->new_factor_entry)),
                                      &error) == 0)
    {
      show_error (self, error);
      return;
    }
  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->new_factor_entry), "");
}

static void
year_changed (ShnorRiskView *self)
{
  load (self);
}

static void
tag_row (GtkWidget *widget,
         guint      row)
{
  g_object_set_data (G_OBJECT (widget), "shnor-row", GUINT_TO_POINTER (row));
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

  for (guint i = 0; i < profile->len; i++)
    {
      const ShnorRiskLevel *r = &g_array_index (profile, ShnorRiskLevel, i);
      GtkWidget *factor = shnor_field_entry_new (&factor_field, TRUE);
      GtkWidget *level = gtk_drop_down_new_from_strings (levels);
      GtkWidget *note = shnor_field_entry_new (&note_field, TRUE);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *level_name = g_strdup_printf (_("Level: %s"), r->factor);

      g_array_append_val (self->factors, r->factor_id);
      gtk_widget_set_hexpand (factor, TRUE);
      shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (factor), r->factor);
      shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (factor), writable);
      gtk_widget_set_tooltip_text (factor, _("The factor's name, the same for all schools: edit it to rename"));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (level), r->level);
      gtk_widget_set_valign (level, GTK_ALIGN_START);
      gtk_widget_set_sensitive (level, writable);
      gtk_accessible_update_property (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_PROPERTY_LABEL, level_name, -1);
      shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (note), r->note);
      shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (note), writable);
      gtk_widget_set_size_request (note, 220, -1);
      gtk_widget_set_valign (note, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (remove, _("Remove the factor from the reference list and from every profile"));
      gtk_widget_set_valign (remove, GTK_ALIGN_START);
      gtk_widget_set_sensitive (remove, writable);
      gtk_widget_add_css_class (remove, "flat");
      for (GtkWidget **w = (GtkWidget *[]) { factor, level, note, remove, NULL }; *w; w++)
        tag_row (*w, i);
      g_signal_connect (factor, "commit", G_CALLBACK (factor_renamed), self);
      g_signal_connect (level, "notify::selected", G_CALLBACK (level_selected), self);
      g_signal_connect (note, "commit", G_CALLBACK (note_commit), self);
      g_signal_connect (remove, "clicked", G_CALLBACK (delete_clicked), self);
      gtk_grid_attach (GTK_GRID (self->grid), factor, COLUMN_FACTOR, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), level, COLUMN_LEVEL, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), note, COLUMN_NOTE, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), remove, COLUMN_DELETE, (int) i, 1, 1);
    }
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
  gtk_widget_set_sensitive (self->new_factor_entry, !shnor_document_get_read_only (self->document));
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

static gboolean
load_idle (gpointer data)
{
  ShnorRiskView *self = data;

  self->idle = 0;
  load (self);
  return G_SOURCE_REMOVE;
}

static void
document_changed (ShnorDocument *document,
                  const char    *table,
                  gint64         rowid,
                  ShnorRiskView *self)
{
  /* Not while an entry of ours is being committed: rebuild afterwards. */
  if ((g_str_equal (table, "risk_level") || g_str_equal (table, "risk_factor")) && self->idle == 0)
    self->idle = g_idle_add (load_idle, self);
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
  gtk_widget_class_bind_template_child (widget_class, ShnorRiskView, new_factor_entry);
  gtk_widget_class_bind_template_callback (widget_class, year_changed);
  gtk_widget_class_bind_template_callback (widget_class, add_factor);
}

static void
shnor_risk_view_init (ShnorRiskView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->factors = g_array_new (FALSE, FALSE, sizeof (gint64));
}

void
shnor_risk_view_set_document (ShnorRiskView *self,
                              ShnorDocument *document)
{
  g_return_if_fail (SHNOR_IS_RISK_VIEW (self));

  if (!shnor_watch_document (&self->document, document, G_CALLBACK (document_changed), self))
    return;
}

void
shnor_risk_view_set_school (ShnorRiskView *self,
                            ShnorSchool   *school)
{
  g_return_if_fail (SHNOR_IS_RISK_VIEW (self));

  if (!g_set_object (&self->school, school) || school == NULL || self->document == NULL)
    return;
  show_error (self, NULL);
  self->loading = TRUE;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year_spin), default_year (self));
  self->loading = FALSE;
  load (self);
}

void
shnor_risk_view_set_year (ShnorRiskView *self,
                          int            year)
{
  g_return_if_fail (SHNOR_IS_RISK_VIEW (self));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year_spin), year);
  load (self);
}

/* For tests: the level list and the note entry of the @row-th factor. */
GtkWidget *
shnor_risk_view_get_level (ShnorRiskView *self,
                           guint          row)
{
  return gtk_grid_get_child_at (GTK_GRID (self->grid), COLUMN_LEVEL, (int) row);
}

GtkWidget *
shnor_risk_view_get_note (ShnorRiskView *self,
                          guint          row)
{
  return gtk_grid_get_child_at (GTK_GRID (self->grid), COLUMN_NOTE, (int) row);
}
