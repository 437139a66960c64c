/* shnor-school-editor.c: the form is generated from the school and context
 * field tables of core/, so a field added there appears here. */
#define G_LOG_DOMAIN "shnor-school-editor"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-number.h"
#include "shnor-widgets.h"
#include "shnor-field-entry.h"
#include "shnor-indicators-view.h"
#include "shnor-reasons-view.h"
#include "shnor-results-view.h"
#include "shnor-risk-view.h"
#include "shnor-school-network.h"
#include "shnor-school-editor.h"

struct _ShnorSchoolEditor
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkWidget     *title_label;
  GtkWidget     *pages;
  GtkWidget     *form_grid;
  GtkWidget     *flags_box;
  GtkWidget     *add_year_button;
  GtkWidget     *context_grid;
  GtkWidget     *context_error;
  GtkWidget     *switcher;
  GtkWidget     *results;
  GtkWidget     *reasons;
  GtkWidget     *risks;
  GtkWidget     *indicators;
  GtkWidget     *network;

  ShnorDocument *document;
  ShnorSchool   *school;
  GHashTable    *widgets;     /* column → ShnorFieldEntry, GtkCheckButton or GtkDropDown */
  GArray        *years;       /* the years the context grid shows, in order */
  gboolean       loading;     /* set while widgets are filled from the model */
};

G_DEFINE_FINAL_TYPE (ShnorSchoolEditor, shnor_school_editor, GTK_TYPE_WIDGET)

static void load_context (ShnorSchoolEditor *self);
static void load_field   (ShnorSchoolEditor *self,
                          const char        *column);

/* ---- the school's own fields ---------------------------------------- */

static void
show_error (ShnorSchoolEditor *self,
            const char        *column,
            const char        *message)
{
  GtkWidget *w = g_hash_table_lookup (self->widgets, column);

  if (SHNOR_IS_FIELD_ENTRY (w))
    shnor_field_entry_set_error (SHNOR_FIELD_ENTRY (w), message);
  else if (message != NULL)
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
store (ShnorSchoolEditor *self,
       const char        *column,
       const char        *text)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->school == NULL)
    return;
  if (!shnor_document_set_school_field (self->document, shnor_school_get_id (self->school),
                                        column, text, &error))
    {
      show_error (self, column, error->message);
      load_field (self, column);  /* a switch or a list shows the stored value again */
    }
  else
    show_error (self, column, NULL);
}

static void
entry_commit (ShnorFieldEntry   *entry,
              const char        *text,
              ShnorSchoolEditor *self)
{
  const char *column = shnor_field_entry_get_field (entry)->column;
  g_autoptr(GError) error = NULL;

  if (self->school == NULL)
    return;
  if (!shnor_document_set_school_field (self->document, shnor_school_get_id (self->school),
                                        column, text, &error))
    shnor_field_entry_set_error (entry, error->message);
  else
    {
      g_autofree char *stored = shnor_school_dup_text (self->school, column);

      shnor_field_entry_set_text (entry, stored);
    }
}

static void
check_toggled (GtkCheckButton    *check,
               ShnorSchoolEditor *self)
{
  store (self, g_object_get_data (G_OBJECT (check), "shnor-column"),
         gtk_check_button_get_active (check) ? "1" : "0");
}

static void
area_selected (GtkDropDown       *dropdown,
               GParamSpec        *pspec,
               ShnorSchoolEditor *self)
{
  g_autofree char *text = g_strdup_printf ("%u", gtk_drop_down_get_selected (dropdown));

  store (self, "area_type", text);
}

static GtkWidget *
area_dropdown (ShnorSchoolEditor *self)
{
  const char *labels[SHNOR_N_AREA_TYPES + 1] = { NULL };
  GtkWidget *dropdown;

  for (int i = 0; i < SHNOR_N_AREA_TYPES; i++)
    labels[i] = shnor_area_type_label ((ShnorAreaType) i);
  dropdown = gtk_drop_down_new_from_strings (labels);
  gtk_widget_set_halign (dropdown, GTK_ALIGN_START);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (area_selected), self);
  return dropdown;
}

static void
build_form (ShnorSchoolEditor *self)
{
  guint n_fields;
  const ShnorField *fields = shnor_school_fields (&n_fields);
  int row = 0;

  for (guint i = 0; i < n_fields; i++)
    {
      const ShnorField *f = &fields[i];
      GtkWidget *widget;

      if (f->kind == SHNOR_FIELD_BOOL)
        {
          widget = gtk_check_button_new_with_label (_(f->label));
          g_object_set_data (G_OBJECT (widget), "shnor-column", (gpointer) f->column);
          g_signal_connect (widget, "toggled", G_CALLBACK (check_toggled), self);
          gtk_flow_box_append (GTK_FLOW_BOX (self->flags_box), widget);
        }
      else
        {
          GtkWidget *label = gtk_label_new (_(f->label));

          if (g_str_equal (f->column, "area_type"))
            widget = area_dropdown (self);
          else
            {
              widget = shnor_field_entry_new (f, TRUE);
              g_signal_connect (widget, "commit", G_CALLBACK (entry_commit), self);
            }
          gtk_label_set_xalign (GTK_LABEL (label), 1);
          gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
          gtk_widget_set_valign (label, GTK_ALIGN_START);
          gtk_widget_set_margin_top (label, 8);
          gtk_widget_add_css_class (label, "dim-label");
          gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
          gtk_grid_attach (GTK_GRID (self->form_grid), label, 0, row, 1, 1);
          gtk_grid_attach (GTK_GRID (self->form_grid), widget, 1, row, 1, 1);
          row++;
        }
      gtk_widget_set_hexpand (widget, f->kind != SHNOR_FIELD_BOOL);
      g_hash_table_insert (self->widgets, (gpointer) f->column, widget);
    }
}

static void
load_field (ShnorSchoolEditor *self,
            const char        *column)
{
  GtkWidget *w = g_hash_table_lookup (self->widgets, column);
  g_autofree char *text = NULL;

  if (w == NULL || self->school == NULL)
    return;
  text = shnor_school_dup_text (self->school, column);

  self->loading = TRUE;
  if (SHNOR_IS_FIELD_ENTRY (w))
    shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (w), text);
  else if (GTK_IS_CHECK_BUTTON (w))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (w), g_str_equal (text, "1"));
  else if (GTK_IS_DROP_DOWN (w))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (w), (guint) g_ascii_strtoull (text, NULL, 10));
  self->loading = FALSE;
}

static void
school_notify (ShnorSchool       *school,
               GParamSpec        *pspec,
               ShnorSchoolEditor *self)
{
  g_autofree char *column = g_strdelimit (g_strdup (pspec->name), "-", '_');

  if (g_str_equal (pspec->name, "display-name"))
    gtk_label_set_text (GTK_LABEL (self->title_label), shnor_school_get_full_name (school));
  else
    load_field (self, g_intern_string (column));
}

static void
load_school (ShnorSchoolEditor *self)
{
  GHashTableIter iter;
  gpointer column;
  gboolean editable = self->document != NULL && !shnor_document_get_read_only (self->document);

  gtk_label_set_text (GTK_LABEL (self->title_label),
                      self->school ? shnor_school_get_full_name (self->school) : "");
  g_hash_table_iter_init (&iter, self->widgets);
  while (g_hash_table_iter_next (&iter, &column, NULL))
    {
      GtkWidget *w = g_hash_table_lookup (self->widgets, column);

      load_field (self, column);
      if (SHNOR_IS_FIELD_ENTRY (w))
        shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (w), editable);
      else
        gtk_widget_set_sensitive (w, editable);
    }
  gtk_widget_set_sensitive (self->add_year_button, editable);
  load_context (self);
}

/* ---- context data --------------------------------------------------- */

static void
show_context_error (ShnorSchoolEditor *self,
                    const char        *message)
{
  gtk_label_set_text (GTK_LABEL (self->context_error), message ? message : "");
  gtk_widget_set_visible (self->context_error, message != NULL);
}

static void
context_commit (ShnorFieldEntry   *entry,
                const char        *text,
                ShnorSchoolEditor *self)
{
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "shnor-year"));
  const char *column = shnor_field_entry_get_field (entry)->column;
  g_autoptr(GError) error = NULL;

  if (self->school == NULL)
    return;
  if (!shnor_document_set_context_field (self->document, shnor_school_get_id (self->school),
                                         year, column, text, &error))
    {
      g_autofree char *message = g_strdup_printf ("%d: %s", year, error->message);

      shnor_field_entry_set_error (entry, error->message);
      show_context_error (self, message);
      return;
    }
  show_context_error (self, NULL);
  load_context (self);
  shnor_field_entry_accept (entry);
}

static void
delete_year_clicked (GtkButton         *button,
                     ShnorSchoolEditor *self)
{
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "shnor-year"));
  g_autoptr(GError) error = NULL;

  g_autofree char *done = g_strdup_printf (_("The context data of %d deleted"), year);

  if (self->school == NULL)
    return;
  if (!shnor_document_delete_context_year (self->document, shnor_school_get_id (self->school), year, &error))
    show_context_error (self, error->message);
  else
    shnor_toast (GTK_WIDGET (self), self->document, done);
}

static void
add_year_clicked (ShnorSchoolEditor *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  g_autoptr(GError) error = NULL;

  if (self->school == NULL)
    return;
  if (self->years->len > 0)
    year = g_array_index (self->years, int, self->years->len - 1) + 1;
  if (!shnor_document_add_context_year (self->document, shnor_school_get_id (self->school),
                                        year, &error))
    show_context_error (self, error->message);
  else
    show_context_error (self, NULL);
}

static void
clear_grid (GtkWidget *grid)
{
  shnor_widget_remove_children (grid);
}

static void
build_context_header (ShnorSchoolEditor *self)
{
  guint n_fields;
  const ShnorField *fields = shnor_context_fields (&n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *text = fields[i].short_label ? fields[i].short_label : fields[i].label;
      GtkWidget *label = gtk_label_new (_(text));

      gtk_widget_set_tooltip_text (label, _(fields[i].label));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 9);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (GTK_GRID (self->context_grid), label, (int) i, 0, 1, 1);
    }
}

/* The text of column @i of a context row; column 0 is the year. */
static char *
cell_text (const ShnorField      *field,
           const ShnorContextRow *row,
           guint                  i)
{
  if (i == 0)
    return g_strdup_printf ("%d", row->year);
  if (!row->known[i - 1])
    return g_strdup ("");
  if (field->kind == SHNOR_FIELD_INT)
    return shnor_number_format_count ((gint64) row->value[i - 1]);
  return shnor_format_double (row->value[i - 1], 2);
}

static void
build_context_row (ShnorSchoolEditor     *self,
                   const ShnorContextRow *r,
                   int                    row,
                   gboolean               editable)
{
  guint n_fields;
  const ShnorField *fields = shnor_context_fields (&n_fields);
  GtkWidget *remove;

  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *cell = shnor_field_entry_new (&fields[i], FALSE);
      g_autofree char *text = NULL;

      text = cell_text (&fields[i], r, i);
      shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (cell), text);
      shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (cell), editable);
      g_object_set_data (G_OBJECT (cell), "shnor-year", GINT_TO_POINTER (r->year));
      g_signal_connect (cell, "commit", G_CALLBACK (context_commit), self);
      gtk_grid_attach (GTK_GRID (self->context_grid), cell, (int) i, row, 1, 1);
    }

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (remove, _("Delete this year’s row"));
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_sensitive (remove, editable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete this year’s row"), -1);
  g_object_set_data (G_OBJECT (remove), "shnor-year", GINT_TO_POINTER (r->year));
  g_signal_connect (remove, "clicked", G_CALLBACK (delete_year_clicked), self);
  gtk_grid_attach (GTK_GRID (self->context_grid), remove, (int) n_fields, row, 1, 1);
}

/* Updates the cells in place when the same years are shown, so that
 * focus and typing survive the commit of a neighbouring cell; rebuilds
 * the grid only when rows come or go. */
static gboolean
update_context_in_place (ShnorSchoolEditor *self,
                         GArray            *rows)
{
  guint n_fields;

  shnor_context_fields (&n_fields);
  if (rows->len != self->years->len)
    return FALSE;
  for (guint r = 0; r < rows->len; r++)
    if (g_array_index (rows, ShnorContextRow, r).year != g_array_index (self->years, int, r))
      return FALSE;

  for (guint r = 0; r < rows->len; r++)
    {
      const ShnorContextRow *row = &g_array_index (rows, ShnorContextRow, r);

      for (guint i = 1; i < n_fields; i++)
        {
          GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (self->context_grid), (int) i, (int) r + 1);
          g_autofree char *text = cell_text (shnor_field_entry_get_field (SHNOR_FIELD_ENTRY (cell)), row, i);

          shnor_field_entry_update (SHNOR_FIELD_ENTRY (cell), text);
        }
    }
  return TRUE;
}

static void
load_context (ShnorSchoolEditor *self)
{
  g_autoptr(GArray) rows = NULL;
  gboolean editable;

  if (self->school == NULL || self->document == NULL)
    {
      clear_grid (self->context_grid);
      g_array_set_size (self->years, 0);
      return;
    }

  rows = shnor_document_get_context (self->document, shnor_school_get_id (self->school));
  if (update_context_in_place (self, rows))
    return;

  editable = !shnor_document_get_read_only (self->document);
  clear_grid (self->context_grid);
  g_array_set_size (self->years, 0);
  build_context_header (self);
  for (guint r = 0; r < rows->len; r++)
    {
      const ShnorContextRow *row = &g_array_index (rows, ShnorContextRow, r);

      build_context_row (self, row, (int) r + 1, editable);
      g_array_append_val (self->years, row->year);
    }
  if (rows->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No context data yet: add a year."));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_grid_attach (GTK_GRID (self->context_grid), empty, 0, 1, 6, 1);
    }
}

static void
document_changed (ShnorDocument     *document,
                  const char        *table,
                  gint64             rowid,
                  ShnorSchoolEditor *self)
{
  if (g_str_equal (table, "school_context"))
    load_context (self);
}

/* ---- the widget ----------------------------------------------------- */

static void
shnor_school_editor_dispose (GObject *object)
{
  ShnorSchoolEditor *self = SHNOR_SCHOOL_EDITOR (object);

  shnor_school_editor_set_school (self, NULL);
  shnor_school_editor_set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHNOR_TYPE_SCHOOL_EDITOR);
  g_clear_pointer (&self->widgets, g_hash_table_unref);
  g_clear_pointer (&self->years, g_array_unref);

  G_OBJECT_CLASS (shnor_school_editor_parent_class)->dispose (object);
}

static void
shnor_school_editor_class_init (ShnorSchoolEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_school_editor_dispose;

  g_type_ensure (SHNOR_TYPE_RESULTS_VIEW);
  g_type_ensure (SHNOR_TYPE_REASONS_VIEW);
  g_type_ensure (SHNOR_TYPE_RISK_VIEW);
  g_type_ensure (SHNOR_TYPE_INDICATORS_VIEW);
  g_type_ensure (SHNOR_TYPE_SCHOOL_NETWORK);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-school-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ShnorSchoolEditor, box);
  gtk_widget_class_bind_template_child (widget_class, ShnorSchoolEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorSchoolEditor, pages);
  gtk_widget_class_bind_template_child (widget_class, ShnorSchoolEditor, form_grid);
  gtk_widget_class_bind_template_child (widget_class, ShnorSchoolEditor, flags_box);
  gtk_widget_class_bind_template_child (widget_class, ShnorSchoolEditor, add_year_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorSchoolEditor, context_grid);
  gtk_widget_class_bind_template_child (widget_class, ShnorSchoolEditor, context_error);
  gtk_widget_class_bind_template_child (widget_class, ShnorSchoolEditor, switcher);
  gtk_widget_class_bind_template_child (widget_class, ShnorSchoolEditor, results);
  gtk_widget_class_bind_template_child (widget_class, ShnorSchoolEditor, reasons);
  gtk_widget_class_bind_template_child (widget_class, ShnorSchoolEditor, risks);
  gtk_widget_class_bind_template_child (widget_class, ShnorSchoolEditor, indicators);
  gtk_widget_class_bind_template_child (widget_class, ShnorSchoolEditor, network);
  gtk_widget_class_bind_template_callback (widget_class, add_year_clicked);
}

static void
shnor_school_editor_init (ShnorSchoolEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Tabs as wide as their titles: five equal tabs would make the window
   * wider than a laptop screen. */
  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (self->switcher)), FALSE);
  gtk_widget_add_css_class (self->switcher, "compact-tabs");
  gtk_widget_add_css_class (self->context_grid, "data-grid");
  self->widgets = g_hash_table_new (g_str_hash, g_str_equal);
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  build_form (self);
}

GtkWidget *
shnor_school_editor_new (void)
{
  return g_object_new (SHNOR_TYPE_SCHOOL_EDITOR, NULL);
}

void
shnor_school_editor_set_document (ShnorSchoolEditor *self,
                                  ShnorDocument     *document)
{
  g_return_if_fail (SHNOR_IS_SCHOOL_EDITOR (self));

  if (!shnor_watch_document (&self->document, document, G_CALLBACK (document_changed), self))
    return;
  shnor_results_view_set_document (SHNOR_RESULTS_VIEW (self->results), document);
  shnor_reasons_view_set_document (SHNOR_REASONS_VIEW (self->reasons), document);
  shnor_risk_view_set_document (SHNOR_RISK_VIEW (self->risks), document);
  shnor_indicators_view_set_document (SHNOR_INDICATORS_VIEW (self->indicators), document);
  shnor_school_network_set_document (SHNOR_SCHOOL_NETWORK (self->network), document);
}

void
shnor_school_editor_set_school (ShnorSchoolEditor *self,
                                ShnorSchool       *school)
{
  g_return_if_fail (SHNOR_IS_SCHOOL_EDITOR (self));

  if (self->school == school)
    return;
  if (self->school != NULL)
    g_signal_handlers_disconnect_by_data (self->school, self);
  g_set_object (&self->school, school);
  if (school != NULL)
    g_signal_connect (school, "notify", G_CALLBACK (school_notify), self);
  show_context_error (self, NULL);
  g_array_set_size (self->years, 0);
  load_school (self);
  shnor_results_view_set_school (SHNOR_RESULTS_VIEW (self->results), school);
  shnor_reasons_view_set_school (SHNOR_REASONS_VIEW (self->reasons), school);
  shnor_risk_view_set_school (SHNOR_RISK_VIEW (self->risks), school);
  shnor_indicators_view_set_school (SHNOR_INDICATORS_VIEW (self->indicators), school);
  shnor_school_network_set_school (SHNOR_SCHOOL_NETWORK (self->network), school);
}

/* For tests and accessibility tools: the widget that edits @column. */
GtkWidget *
shnor_school_editor_get_field_widget (ShnorSchoolEditor *self,
                                      const char        *column)
{
  g_return_val_if_fail (SHNOR_IS_SCHOOL_EDITOR (self), NULL);
  return g_hash_table_lookup (self->widgets, column);
}

/* Shows the page @name ("profile", "context", "results", "groups" or "risks"). */
void
shnor_school_editor_show_page (ShnorSchoolEditor *self,
                               const char        *name)
{
  g_return_if_fail (SHNOR_IS_SCHOOL_EDITOR (self));
  gtk_stack_set_visible_child_name (GTK_STACK (self->pages), name);
}

/* For tests: the cell of @column in the @row-th year shown (0: oldest). */
GtkWidget *
shnor_school_editor_get_context_cell (ShnorSchoolEditor *self,
                                      guint              row,
                                      const char        *column)
{
  guint n_fields;
  const ShnorField *fields = shnor_context_fields (&n_fields);

  g_return_val_if_fail (SHNOR_IS_SCHOOL_EDITOR (self), NULL);

  for (guint i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].column, column))
      return gtk_grid_get_child_at (GTK_GRID (self->context_grid), (int) i, (int) row + 1);
  return NULL;
}

GtkWidget *
shnor_school_editor_get_results_view (ShnorSchoolEditor *self)
{
  g_return_val_if_fail (SHNOR_IS_SCHOOL_EDITOR (self), NULL);
  return self->results;
}

GtkWidget *
shnor_school_editor_get_reasons_view (ShnorSchoolEditor *self)
{
  g_return_val_if_fail (SHNOR_IS_SCHOOL_EDITOR (self), NULL);
  return self->reasons;
}

GtkWidget *
shnor_school_editor_get_risk_view (ShnorSchoolEditor *self)
{
  g_return_val_if_fail (SHNOR_IS_SCHOOL_EDITOR (self), NULL);
  return self->risks;
}

GtkWidget *
shnor_school_editor_get_indicators_view (ShnorSchoolEditor *self)
{
  g_return_val_if_fail (SHNOR_IS_SCHOOL_EDITOR (self), NULL);
  return self->indicators;
}
