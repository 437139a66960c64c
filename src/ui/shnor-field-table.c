/* shnor-field-table.c: see shnor-field-table.h. Each editor knows its
 * record and column; the owner stores what is typed through one
 * callback, and shows the data again with shnor_field_table_set_rows(),
 * which rebuilds the rows only when the records themselves changed. */
#define G_LOG_DOMAIN "shnor-field-table"

#include <string.h>
#include <glib/gi18n.h>

#include "config.h"
#include "shnor-field-entry.h"
#include "shnor-field-table.h"
#include "shnor-widgets.h"

typedef struct {
  const ShnorField *field;
  guint             index;     /* of its text in a row's texts */
  GStrv             labels;    /* a list to choose from; NULL: an entry */
  GStrv             values;    /* the text stored for each label; NULL: the label's number from the field's min */
  gboolean          editable;
  int               width;     /* in characters, not wider; 0: as wide as there is room */
} Column;

struct _ShnorFieldTable
{
  GtkWidget         parent_instance;

  GtkWidget        *box;
  GtkWidget        *grid;
  GtkWidget        *error_label;  /* why a choice was refused */
  gboolean          form;
  GPtrArray        *columns;
  char             *lead_heading;
  ShnorFieldStore   store;
  ShnorFieldDelete  delete_row;
  char             *delete_tooltip;
  gpointer          data;
  GArray           *ids;
  GHashTable       *editors;   /* "id column" → widget */
  gboolean          editable;
  gboolean          loading;
  char             *placeholder;
  GtkSizeGroup     *captions;   /* of a form's captions, for the rows beside it */
};

G_DEFINE_FINAL_TYPE (ShnorFieldTable, shnor_field_table, GTK_TYPE_WIDGET)

static void
column_free (gpointer data)
{
  Column *c = data;

  g_strfreev (c->labels);
  g_strfreev (c->values);
  g_free (c);
}

static char *
editor_key (gint64      id,
            const char *column)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s", id, column);
}

static gint64
editor_id (GtkWidget *editor)
{
  return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (editor), "shnor-id"));
}

static Column *
editor_column (GtkWidget *editor)
{
  return g_object_get_data (G_OBJECT (editor), "shnor-column");
}

/* The text stored for the @i-th choice of @c. */
static char *
choice_value (const Column *c,
              guint         i)
{
  if (c->values != NULL)
    return g_strdup (c->values[i]);
  return g_strdup_printf ("%d", (int) c->field->min + (int) i);
}

static gboolean
store (ShnorFieldTable  *self,
       GtkWidget        *editor,
       const char       *text,
       GError          **error)
{
  Column *c = editor_column (editor);

  if (self->store == NULL)
    return TRUE;
  return self->store (self->data, editor_id (editor), c->field->column, text, error);
}

static void
entry_commit (ShnorFieldEntry *entry,
              const char      *text,
              ShnorFieldTable *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_strdup (text);
  g_autoptr(GtkWidget) held = g_object_ref (GTK_WIDGET (entry));  /* a handler may rebuild the rows */

  if (store (self, held, copy, &error))
    {
      shnor_field_entry_set_text (entry, copy);
      gtk_widget_set_visible (self->error_label, FALSE);
    }
  else
    {
      shnor_field_entry_set_error (entry, error->message);
      if (!self->form)
        {
          gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
          gtk_widget_set_visible (self->error_label, TRUE);
        }
    }
}

static void
choice_changed (GtkDropDown     *drop,
                GParamSpec      *pspec,
                ShnorFieldTable *self)
{
  Column *c = editor_column (GTK_WIDGET (drop));
  guint selected = gtk_drop_down_get_selected (drop);
  guint stored = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop), "shnor-stored"));
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  if (self->loading || selected == GTK_INVALID_LIST_POSITION || selected == stored)
    return;
  value = choice_value (c, selected);
  if (store (self, GTK_WIDGET (drop), value, &error))
    {
      g_object_set_data (G_OBJECT (drop), "shnor-stored", GUINT_TO_POINTER (selected));
      gtk_widget_set_visible (self->error_label, FALSE);
      return;
    }
  /* refused: back to what is stored, and say why */
  self->loading = TRUE;
  gtk_drop_down_set_selected (drop, stored);
  self->loading = FALSE;
  gtk_widget_error_bell (GTK_WIDGET (drop));
  gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
  gtk_widget_set_visible (self->error_label, TRUE);
}

static void
show_value (ShnorFieldTable *self,
            GtkWidget       *editor,
            const char      *text)
{
  Column *c = editor_column (editor);

  if (SHNOR_IS_FIELD_ENTRY (editor))
    {
      shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (editor), text);
      return;
    }
  for (guint i = 0; c->labels[i]; i++)
    {
      g_autofree char *value = choice_value (c, i);

      if (g_strcmp0 (value, text) == 0)
        {
          self->loading = TRUE;
          gtk_drop_down_set_selected (GTK_DROP_DOWN (editor), i);
          self->loading = FALSE;
          g_object_set_data (G_OBJECT (editor), "shnor-stored", GUINT_TO_POINTER (i));
          return;
        }
    }
}

static void
set_editor_editable (ShnorFieldTable *self,
                     GtkWidget       *editor)
{
  gboolean editable = self->editable && editor_column (editor)->editable;

  if (SHNOR_IS_FIELD_ENTRY (editor))
    shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (editor), editable);
  else
    gtk_widget_set_sensitive (editor, editable);
}

static GtkWidget *
make_editor (ShnorFieldTable *self,
             Column          *c,
             gint64           id)
{
  GtkWidget *editor;

  if (c->labels != NULL)
    {
      editor = gtk_drop_down_new_from_strings ((const char * const *) c->labels);
      gtk_drop_down_set_enable_search (GTK_DROP_DOWN (editor), g_strv_length (c->labels) > 8);
      gtk_widget_set_valign (editor, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (editor), GTK_ACCESSIBLE_PROPERTY_LABEL, _(c->field->label), -1);
      g_object_set_data (G_OBJECT (editor), "shnor-stored", GUINT_TO_POINTER (GTK_INVALID_LIST_POSITION));
      g_signal_connect (editor, "notify::selected", G_CALLBACK (choice_changed), self);
    }
  else
    {
      GtkEntry *entry;

      editor = shnor_field_entry_new (c->field, self->form);
      entry = shnor_field_entry_get_entry (SHNOR_FIELD_ENTRY (editor));
      /* texts take the room there is (a custom widget does not pass its
       * child's expansion on by itself); dates and numbers their own */
      if (c->field->kind == SHNOR_FIELD_DATE)
        {
          gtk_editable_set_width_chars (GTK_EDITABLE (entry), 10);
          gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 10);
          gtk_entry_set_placeholder_text (entry, _("DD.MM.YYYY"));
          gtk_widget_set_hexpand (editor, self->form);
        }
      else if (c->field->kind != SHNOR_FIELD_INT && c->field->kind != SHNOR_FIELD_REAL)
        gtk_widget_set_hexpand (editor, self->form || c->width == 0);
      if (c->width > 0 && entry != NULL && !self->form)
        {
          gtk_editable_set_width_chars (GTK_EDITABLE (entry), c->width);
          gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), c->width);
        }
      g_signal_connect (editor, "commit", G_CALLBACK (entry_commit), self);
    }
  g_object_set_data (G_OBJECT (editor), "shnor-id", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data (G_OBJECT (editor), "shnor-column", c);
  g_hash_table_insert (self->editors, editor_key (id, c->field->column), editor);
  set_editor_editable (self, editor);
  return editor;
}

static void
delete_clicked (GtkButton       *button,
                ShnorFieldTable *self)
{
  if (self->delete_row != NULL)
    self->delete_row (self->data, editor_id (GTK_WIDGET (button)));
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
rebuild (ShnorFieldTable *self,
         GPtrArray       *texts,
         GPtrArray       *leads)
{
  GtkGrid *grid = GTK_GRID (self->grid);
  int first = self->lead_heading != NULL ? 1 : 0;

  shnor_widget_remove_children (self->grid);
  g_hash_table_remove_all (self->editors);
  if (self->ids->len == 0 && !self->form)
    {
      GtkWidget *none = gtk_label_new (self->placeholder ? self->placeholder : "");

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_grid_attach (grid, none, 0, 0, 1, 1);
      return;
    }
  if (!self->form)
    {
      if (self->lead_heading != NULL)
        gtk_grid_attach (grid, heading (self->lead_heading), 0, 0, 1, 1);
      for (guint c = 0; c < self->columns->len; c++)
        {
          const ShnorField *field = ((Column *) self->columns->pdata[c])->field;

          gtk_grid_attach (grid, heading (_(field->short_label ? field->short_label : field->label)),
                           first + (int) c, 0, 1, 1);
        }
    }
  for (guint r = 0; r < self->ids->len; r++)
    {
      gint64 id = g_array_index (self->ids, gint64, r);
      GStrv row = texts->pdata[r];

      if (!self->form && leads != NULL && first)
        {
          GtkWidget *lead = gtk_label_new (leads->pdata[r]);

          gtk_label_set_xalign (GTK_LABEL (lead), 0);
          gtk_label_set_wrap (GTK_LABEL (lead), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (lead), 28);
          gtk_widget_set_valign (lead, GTK_ALIGN_START);
          gtk_widget_set_margin_top (lead, 6);
          gtk_grid_attach (grid, lead, 0, (int) r + 1, 1, 1);
        }
      for (guint c = 0; c < self->columns->len; c++)
        {
          Column *column = self->columns->pdata[c];
          GtkWidget *editor = make_editor (self, column, id);

          show_value (self, editor, row[column->index]);
          if (self->form)
            {
              GtkWidget *caption = shnor_field_caption (_(column->field->label));

              gtk_size_group_add_widget (self->captions, caption);
              gtk_grid_attach (grid, caption, 0, (int) c, 1, 1);
              gtk_grid_attach (grid, editor, 1, (int) c, 1, 1);
            }
          else
            gtk_grid_attach (grid, editor, first + (int) c, (int) r + 1, 1, 1);
        }
      if (!self->form && self->delete_row != NULL)
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

          gtk_widget_set_tooltip_text (button, self->delete_tooltip);
          gtk_widget_set_valign (button, GTK_ALIGN_START);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_sensitive (button, self->editable);
          g_object_set_data (G_OBJECT (button), "shnor-id", GSIZE_TO_POINTER ((gsize) id));
          g_signal_connect (button, "clicked", G_CALLBACK (delete_clicked), self);
          gtk_grid_attach (grid, button, first + (int) self->columns->len, (int) r + 1, 1, 1);
        }
    }
}

/**
 * shnor_field_table_get_captions:
 *
 * Returns: (transfer none): the size group of a form's captions: a row
 *   laid out beside the form (a caption, a gap of 8, its editor) puts
 *   its caption in it to line up with the form's.
 */
GtkSizeGroup *
shnor_field_table_get_captions (ShnorFieldTable *self)
{
  g_return_val_if_fail (SHNOR_IS_FIELD_TABLE (self), NULL);
  return self->captions;
}

/**
 * shnor_field_table_set_rows:
 * @ids: the records, in the order shown
 * @texts: a #GStrv per record: the texts of its fields, at the indexes
 *   the columns were added with
 * @leads: (nullable): a read-only text per record for the lead column
 */
void
shnor_field_table_set_rows (ShnorFieldTable *self,
                            GArray          *ids,
                            GPtrArray       *texts,
                            GPtrArray       *leads)
{
  gboolean same;

  g_return_if_fail (SHNOR_IS_FIELD_TABLE (self));
  same = ids->len == self->ids->len && ids->len > 0 &&
         memcmp (ids->data, self->ids->data, sizeof (gint64) * ids->len) == 0;
  g_array_set_size (self->ids, 0);
  g_array_append_vals (self->ids, ids->data, ids->len);
  if (!same || leads != NULL)
    {
      rebuild (self, texts, leads);
      return;
    }
  for (guint r = 0; r < ids->len; r++)
    for (guint c = 0; c < self->columns->len; c++)
      {
        Column *column = self->columns->pdata[c];
        g_autofree char *key = editor_key (g_array_index (ids, gint64, r), column->field->column);
        GtkWidget *editor = g_hash_table_lookup (self->editors, key);

        if (editor != NULL)
          show_value (self, editor, ((GStrv) texts->pdata[r])[column->index]);
      }
}

/* ---- the widget ------------------------------------------------------ */

static void
shnor_field_table_dispose (GObject *object)
{
  ShnorFieldTable *self = SHNOR_FIELD_TABLE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->editors, g_hash_table_unref);
  g_clear_pointer (&self->lead_heading, g_free);
  g_clear_pointer (&self->delete_tooltip, g_free);
  g_clear_pointer (&self->placeholder, g_free);
  g_clear_object (&self->captions);
  G_OBJECT_CLASS (shnor_field_table_parent_class)->dispose (object);
}

static void
shnor_field_table_class_init (ShnorFieldTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_field_table_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
shnor_field_table_init (ShnorFieldTable *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  self->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 8);
  self->captions = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->grid);
  gtk_box_append (GTK_BOX (self->box), self->error_label);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->editors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->editable = TRUE;
}

/* @form: one record, a line per field; otherwise a row per record */
GtkWidget *
shnor_field_table_new (gboolean form)
{
  ShnorFieldTable *self = g_object_new (SHNOR_TYPE_FIELD_TABLE, NULL);

  self->form = form;
  return GTK_WIDGET (self);
}

/**
 * shnor_field_table_add_column:
 * @index: where the field's text is in a row's texts
 * @labels: (nullable) (transfer full): the choices of a list; NULL for
 *   an entry (a CHOICE field without labels is not supported)
 * @values: (nullable) (transfer full): the text stored for each choice;
 *   NULL: its number, from the field's minimum
 */
void
shnor_field_table_add_column (ShnorFieldTable  *self,
                              const ShnorField *field,
                              guint             index,
                              GStrv             labels,
                              GStrv             values)
{
  Column *c = g_new0 (Column, 1);

  g_return_if_fail (SHNOR_IS_FIELD_TABLE (self));
  c->field = field;
  c->index = index;
  c->labels = labels;
  c->values = values;
  c->editable = TRUE;
  g_ptr_array_add (self->columns, c);
}

/* A read-only first column (a person's name), under @heading. */
void
shnor_field_table_set_lead (ShnorFieldTable *self,
                            const char      *heading)
{
  g_return_if_fail (SHNOR_IS_FIELD_TABLE (self));
  g_free (self->lead_heading);
  self->lead_heading = g_strdup (heading);
}

void
shnor_field_table_set_handlers (ShnorFieldTable  *self,
                                ShnorFieldStore   store_func,
                                ShnorFieldDelete  delete_row,
                                const char       *delete_tooltip,
                                gpointer          data)
{
  g_return_if_fail (SHNOR_IS_FIELD_TABLE (self));
  self->store = store_func;
  self->delete_row = delete_row;
  g_free (self->delete_tooltip);
  self->delete_tooltip = g_strdup (delete_tooltip);
  self->data = data;
}

/* What an empty table says. */
void
shnor_field_table_set_placeholder (ShnorFieldTable *self,
                                   const char      *text)
{
  g_return_if_fail (SHNOR_IS_FIELD_TABLE (self));
  g_free (self->placeholder);
  self->placeholder = g_strdup (text);
}

static void
refresh_editable (ShnorFieldTable *self)
{
  GHashTableIter iter;
  gpointer editor;

  g_hash_table_iter_init (&iter, self->editors);
  while (g_hash_table_iter_next (&iter, NULL, &editor))
    set_editor_editable (self, editor);
  for (GtkWidget *child = gtk_widget_get_first_child (self->grid); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && !GTK_IS_DROP_DOWN (child))
      gtk_widget_set_sensitive (child, self->editable);
}

void
shnor_field_table_set_editable (ShnorFieldTable *self,
                                gboolean         editable)
{
  g_return_if_fail (SHNOR_IS_FIELD_TABLE (self));
  self->editable = editable;
  refresh_editable (self);
}

/* Some fields stay read-only when the others are editable (the plan of a
 * partnership in an approved programme). */
void
shnor_field_table_set_column_editable (ShnorFieldTable *self,
                                       const char      *column,
                                       gboolean         editable)
{
  g_return_if_fail (SHNOR_IS_FIELD_TABLE (self));
  for (guint c = 0; c < self->columns->len; c++)
    if (g_str_equal (((Column *) self->columns->pdata[c])->field->column, column))
      ((Column *) self->columns->pdata[c])->editable = editable;
  refresh_editable (self);
}

/* The column @column is @chars characters wide instead of sharing the
 * room left (a note beside a topic). */
void
shnor_field_table_set_column_width (ShnorFieldTable *self,
                                    const char      *column,
                                    int              chars)
{
  g_return_if_fail (SHNOR_IS_FIELD_TABLE (self));
  for (guint c = 0; c < self->columns->len; c++)
    if (g_str_equal (((Column *) self->columns->pdata[c])->field->column, column))
      ((Column *) self->columns->pdata[c])->width = chars;
}

/* For tests: the editor of @column of the record @id. */
GtkWidget *
shnor_field_table_get_editor (ShnorFieldTable *self,
                              gint64           id,
                              const char      *column)
{
  g_autofree char *key = editor_key (id, column);

  g_return_val_if_fail (SHNOR_IS_FIELD_TABLE (self), NULL);
  return g_hash_table_lookup (self->editors, key);
}

guint
shnor_field_table_get_n_rows (ShnorFieldTable *self)
{
  g_return_val_if_fail (SHNOR_IS_FIELD_TABLE (self), 0);
  return self->ids->len;
}
