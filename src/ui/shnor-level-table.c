/* shnor-level-table.c: a measure table as seed 003's table by levels: a
 * column per level of the file (the municipal authority, the
 * methodological service, the school, and any level the file adds), the
 * period and the responsible people. Each cell is the measure's action at
 * that level and is edited in place; a section, or a measure whose title
 * none of its actions repeats, has its title on a row of its own across
 * the levels. A cell is stored when the focus leaves it or on Ctrl+Enter,
 * one undo step each; Alt+Insert adds a row after the one being typed in,
 * Alt+Delete deletes it, and Alt with the arrows moves and indents it (the
 * road map's own actions). */
#define G_LOG_DOMAIN "shnor-level-table"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-field-entry.h"
#include "shnor-level-table.h"
#include "shnor-widgets.h"

struct _ShnorLevelTable
{
  GtkWidget      parent_instance;

  GtkWidget     *grid;
  GtkWidget     *error_label;
  GtkWidget     *hint;

  ShnorDocument *document;
  GArray        *levels;      /* ShnorRoadmapLevel, as shown */
  GHashTable    *cells;       /* "id:column" → ShnorFieldEntry (owned by the grid) */
  GHashTable    *responsible; /* "id" → GtkLabel (owned by the grid) */
  char          *shape;       /* what decides the grid's rows and columns */
  gboolean       editable;
};

G_DEFINE_FINAL_TYPE (ShnorLevelTable, shnor_level_table, GTK_TYPE_WIDGET)

enum { SELECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const ShnorField action_field = { "action", SHNOR_FIELD_LONG_TEXT, N_("Action"), 0, 0, FALSE, NULL };
/* the measure's period_text, wrapping in its narrow column */
static const ShnorField period_field = { "period_text", SHNOR_FIELD_LONG_TEXT, N_("Period"), 0, 0, FALSE, NULL };

static char *
cell_key (gint64 measure,
          int    column)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%d", measure, column);
}

static void
show_error (ShnorLevelTable *self,
            const char      *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static void
cell_commit (ShnorFieldEntry *entry,
             const char      *text,
             ShnorLevelTable *self)
{
  gint64 measure = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), "shnor-measure"));
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "shnor-column"));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (column == SHNOR_LEVEL_TABLE_TITLE)
    ok = shnor_document_set_measure_field (self->document, measure, "title", text, &error);
  else if (column == SHNOR_LEVEL_TABLE_PERIOD)
    ok = shnor_document_set_measure_field (self->document, measure, "period_text", text, &error);
  else if (column >= 0 && (guint) column < self->levels->len)
    ok = shnor_document_set_measure_action (self->document, measure,
                                            g_array_index (self->levels, ShnorRoadmapLevel, column).id, text, &error);
  else
    return;
  if (!ok)
    {
      shnor_field_entry_set_error (entry, error->message);
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  shnor_field_entry_set_text (entry, text);
}

static void
cell_entered (GtkEventControllerFocus *focus,
              ShnorLevelTable         *self)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (focus), "shnor-entry");

  g_signal_emit (self, signals[SELECTED], 0,
                 (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), "shnor-measure")));
}

/* The least width of a level's column: its longest words fit unbroken */
#define LEVEL_WIDTH 132

static GtkWidget *
header (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "level-cell");
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
plain (const char *text,
       gboolean    bold)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_widget_set_margin_top (label, 7);
  gtk_widget_set_margin_start (label, 4);
  gtk_widget_set_margin_end (label, 4);
  if (bold)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

/* A cell of the measure @m: its title, an action or its period; a text
 * in a bordered box when the plan cannot change */
static GtkWidget *
cell (ShnorLevelTable    *self,
      const ShnorMeasure *m,
      int                 column,
      const char         *text,
      const char         *name)
{
  const ShnorField *field = column == SHNOR_LEVEL_TABLE_TITLE ? shnor_measure_field ("title")
                            : column == SHNOR_LEVEL_TABLE_PERIOD ? &period_field
                            : &action_field;
  GtkWidget *entry, *input;
  GtkEventController *focus;
  g_autofree char *label = g_strdup_printf ("%s, %s", name, m->number);

  if (!self->editable)
    {
      GtkWidget *shown = plain (text, FALSE);

      gtk_label_set_max_width_chars (GTK_LABEL (shown), column == SHNOR_LEVEL_TABLE_PERIOD ? 14 : 30);
      /* whole words: a narrow column does not cut them */
      gtk_label_set_wrap_mode (GTK_LABEL (shown), PANGO_WRAP_WORD);
      gtk_widget_set_size_request (shown, column == SHNOR_LEVEL_TABLE_PERIOD ? 90 : -1, -1);
      gtk_widget_set_margin_top (shown, 0);
      gtk_widget_set_margin_start (shown, 0);
      gtk_widget_set_margin_end (shown, 0);
      gtk_widget_add_css_class (shown, "level-cell");
      gtk_widget_set_hexpand (shown, column >= 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (shown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_hash_table_insert (self->cells, cell_key (m->id, column), shown);
      return shown;
    }
  entry = shnor_field_entry_new (field, FALSE);
  input = shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (entry));
  focus = gtk_event_controller_focus_new ();
  shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (entry), text);
  shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (entry), self->editable);
  gtk_widget_set_valign (entry, GTK_ALIGN_FILL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (entry), "shnor-measure", GSIZE_TO_POINTER ((gsize) m->id));
  g_object_set_data (G_OBJECT (entry), "shnor-column", GINT_TO_POINTER (column));
  g_signal_connect (entry, "commit", G_CALLBACK (cell_commit), self);
  g_object_set_data (G_OBJECT (focus), "shnor-entry", entry);
  g_signal_connect (focus, "enter", G_CALLBACK (cell_entered), self);
  gtk_widget_add_controller (input, focus);
  /* narrow columns: the words, not the margins, take the width */
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (input), 4);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (input), 4);
  gtk_widget_set_size_request (entry, column == SHNOR_LEVEL_TABLE_PERIOD ? 90 : LEVEL_WIDTH, -1);
  gtk_widget_set_hexpand (entry, column >= 0 || column == SHNOR_LEVEL_TABLE_TITLE);
  g_hash_table_insert (self->cells, cell_key (m->id, column), entry);
  return entry;
}

/* "1.2": its number, bold for a section; spanning @height rows */
static void
attach_number (ShnorLevelTable    *self,
               const ShnorMeasure *m,
               int                 row,
               int                 height)
{
  GtkWidget *number = plain (m->number, m->has_children);

  /* «1.12» on one line: a number is not broken at its dots */
  gtk_label_set_wrap (GTK_LABEL (number), FALSE);
  gtk_grid_attach (GTK_GRID (self->grid), number, 0, row, 1, height);
}

/* The period and the responsible people of @m at @row, for @height rows */
static void
attach_period (ShnorLevelTable    *self,
               const ShnorMeasure *m,
               GArray             *people,
               int                 row,
               int                 height)
{
  int n = (int) self->levels->len;
  g_autofree char *names = shnor_measure_dup_responsible (m, people);
  GtkWidget *who = plain (names, FALSE);

  gtk_grid_attach (GTK_GRID (self->grid),
                   cell (self, m, SHNOR_LEVEL_TABLE_PERIOD, m->texts[shnor_measure_field_index ("period_text")],
                         _("Period")), 1 + n, row, 1, height);
  gtk_label_set_max_width_chars (GTK_LABEL (who), 12);
  gtk_label_set_wrap_mode (GTK_LABEL (who), PANGO_WRAP_WORD);
  if (!self->editable)
    {
      /* bordered as the cells of a table that is only read */
      gtk_widget_set_margin_top (who, 0);
      gtk_widget_set_margin_start (who, 0);
      gtk_widget_set_margin_end (who, 0);
      gtk_widget_add_css_class (who, "level-cell");
    }
  gtk_grid_attach (GTK_GRID (self->grid), who, 2 + n, row, 1, height);
  g_hash_table_insert (self->responsible, g_strdup_printf ("%" G_GINT64_FORMAT, m->id), who);
}

static char *
shape_of (ShnorLevelTable *self,
          GArray          *measures)
{
  GString *shape = g_string_new (NULL);

  g_string_append_printf (shape, "%d|", self->editable);
  for (guint l = 0; l < self->levels->len; l++)
    g_string_append_printf (shape, "%" G_GINT64_FORMAT "=%s|", g_array_index (self->levels, ShnorRoadmapLevel, l).id,
                            g_array_index (self->levels, ShnorRoadmapLevel, l).name);
  for (guint i = 0; i < measures->len; i++)
    {
      const ShnorMeasure *m = &g_array_index (measures, ShnorMeasure, i);

      g_string_append_printf (shape, "%" G_GINT64_FORMAT "/%s/%d/%d;", m->id, m->number, m->has_children,
                              shnor_measure_title_is_heading (m));
    }
  return g_string_free (shape, FALSE);
}

static void
build (ShnorLevelTable *self,
       GArray          *measures)
{
  g_autoptr(GArray) people = shnor_document_get_people (self->document);
  int n = (int) self->levels->len, row = 1;

  shnor_widget_remove_children (self->grid);
  g_hash_table_remove_all (self->cells);
  g_hash_table_remove_all (self->responsible);
  gtk_grid_attach (GTK_GRID (self->grid), header (_("No.")), 0, 0, 1, 1);
  for (int l = 0; l < n; l++)
    {
      GtkWidget *head = header (g_array_index (self->levels, ShnorRoadmapLevel, l).name);

      gtk_widget_set_hexpand (head, TRUE);
      gtk_widget_set_size_request (head, LEVEL_WIDTH, -1);
      gtk_grid_attach (GTK_GRID (self->grid), head, 1 + l, 0, 1, 1);
    }
  gtk_grid_attach (GTK_GRID (self->grid), header (_("Period")), 1 + n, 0, 1, 1);
  {
    GtkWidget *who = header (_("Responsible"));

    gtk_widget_set_tooltip_text (who, _("The responsible people are chosen in the list view"));
    gtk_grid_attach (GTK_GRID (self->grid), who, 2 + n, 0, 1, 1);
  }
  for (guint i = 0; i < measures->len; i++)
    {
      const ShnorMeasure *m = &g_array_index (measures, ShnorMeasure, i);
      gboolean heading = shnor_measure_title_is_heading (m);
      /* a measure with a title of its own and actions takes two rows */
      int height = heading && !m->has_children ? 2 : 1;

      attach_number (self, m, row, height);
      attach_period (self, m, people, row, height);
      if (heading)
        {
          GtkWidget *title = cell (self, m, SHNOR_LEVEL_TABLE_TITLE, m->texts[shnor_measure_field_index ("title")],
                                   _("Measure"));

          if (m->has_children)
            gtk_widget_add_css_class (title, "heading");
          gtk_grid_attach (GTK_GRID (self->grid), title, 1, row++, MAX (n, 1), 1);
        }
      if (m->has_children)
        continue;
      for (int l = 0; l < n; l++)
        gtk_grid_attach (GTK_GRID (self->grid),
                         cell (self, m, l, m->actions[l], g_array_index (self->levels, ShnorRoadmapLevel, l).name),
                         1 + l, row, 1, 1);
      row++;
    }
  if (measures->len == 0)
    {
      GtkWidget *empty = plain (self->editable ? _("No measures yet: add the first with + (Alt+Insert).")
                                               : _("The table has no measures."), FALSE);

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_label_set_max_width_chars (GTK_LABEL (empty), 60);
      gtk_grid_attach (GTK_GRID (self->grid), empty, 0, 1, 3 + n, 1);
    }
}

/* The stored texts into the cells shown, but the one being typed into */
static void
refresh (ShnorLevelTable *self,
         GArray          *measures)
{
  g_autoptr(GArray) people = shnor_document_get_people (self->document);

  for (guint i = 0; i < measures->len; i++)
    {
      const ShnorMeasure *m = &g_array_index (measures, ShnorMeasure, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, m->id);
      g_autofree char *names = shnor_measure_dup_responsible (m, people);
      GtkWidget *who = g_hash_table_lookup (self->responsible, id);

      for (int c = SHNOR_LEVEL_TABLE_PERIOD; c < (int) self->levels->len; c++)
        {
          g_autofree char *key = cell_key (m->id, c);
          GtkWidget *entry = g_hash_table_lookup (self->cells, key);
          const char *text = c == SHNOR_LEVEL_TABLE_TITLE ? m->texts[shnor_measure_field_index ("title")]
                             : c == SHNOR_LEVEL_TABLE_PERIOD ? m->texts[shnor_measure_field_index ("period_text")]
                             : m->actions[c];

          if (GTK_IS_LABEL (entry))
            gtk_label_set_text (GTK_LABEL (entry), text);
          else if (entry != NULL &&
                   !gtk_widget_has_focus (shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (entry))))
            shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (entry), text);
        }
      if (who != NULL)
        gtk_label_set_text (GTK_LABEL (who), names);
    }
}

/* The cell the focus is in, as "id:column"; NULL when it is elsewhere */
static char *
focused_key (ShnorLevelTable *self)
{
  GHashTableIter iter;
  gpointer key, entry;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &key, &entry))
    if (SHNOR_IS_FIELD_ENTRY (entry) && gtk_widget_has_focus (shnor_field_entry_get_input (entry)))
      return g_strdup (key);
  return NULL;
}

/**
 * shnor_level_table_show:
 * @measures: the measures of one table, in order (borrowed)
 * @editable: whether the plan may change (a draft)
 *
 * Shows @measures: the rows are built again when their shape changed (a
 * measure added, moved, a level renamed), else only their texts change
 * and the cell being typed into keeps what is typed.
 */
void
shnor_level_table_show (ShnorLevelTable *self,
                        ShnorDocument   *document,
                        GArray          *measures,
                        gboolean         editable)
{
  g_autofree char *shape = NULL;
  g_autofree char *focused = NULL;

  g_return_if_fail (SHNOR_IS_LEVEL_TABLE (self));
  g_set_object (&self->document, document);
  if (document == NULL)
    {
      shnor_widget_remove_children (self->grid);
      g_hash_table_remove_all (self->cells);
      g_hash_table_remove_all (self->responsible);
      g_clear_pointer (&self->shape, g_free);
      return;
    }
  g_clear_pointer (&self->levels, g_array_unref);
  self->levels = shnor_document_get_levels (document);
  self->editable = editable;
  gtk_widget_set_visible (self->hint, editable);
  shape = shape_of (self, measures);
  if (g_strcmp0 (shape, self->shape) == 0)
    {
      refresh (self, measures);
      return;
    }
  focused = focused_key (self);
  g_free (self->shape);
  self->shape = g_steal_pointer (&shape);
  build (self, measures);
  /* typing on: the cell that had the focus has it again */
  if (focused != NULL)
    {
      GtkWidget *entry = g_hash_table_lookup (self->cells, focused);

      if (SHNOR_IS_FIELD_ENTRY (entry))
        gtk_widget_grab_focus (shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (entry)));
    }
}

/* Puts the focus in the first cell of @measure: its first level, or its
 * title when it has no cells of levels. */
gboolean
shnor_level_table_focus (ShnorLevelTable *self,
                         gint64           measure)
{
  GtkWidget *entry = shnor_level_table_get_cell (self, measure, 0);

  if (entry == NULL)
    entry = shnor_level_table_get_cell (self, measure, SHNOR_LEVEL_TABLE_TITLE);
  return SHNOR_IS_FIELD_ENTRY (entry) && gtk_widget_grab_focus (shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (entry)));
}

/* The cell of @measure in the column of the @level-th level (or
 * SHNOR_LEVEL_TABLE_TITLE, SHNOR_LEVEL_TABLE_PERIOD); NULL when none. */
GtkWidget *
shnor_level_table_get_cell (ShnorLevelTable *self,
                            gint64           measure,
                            int              level)
{
  g_autofree char *key = cell_key (measure, level);

  g_return_val_if_fail (SHNOR_IS_LEVEL_TABLE (self), NULL);
  return g_hash_table_lookup (self->cells, key);
}

/* For tests: the table a line a row, its cells tab-separated. */
char *
shnor_level_table_dup_text (ShnorLevelTable *self)
{
  GString *text = g_string_new (NULL);
  int columns = self->levels ? 3 + (int) self->levels->len : 0;
  gboolean more = TRUE;

  for (int r = 0; more; r++)
    {
      more = FALSE;
      for (int c = 0; c < columns; c++)
        {
          GtkWidget *child = gtk_grid_get_child_at (GTK_GRID (self->grid), c, r);
          int column, row;

          if (c > 0)
            g_string_append_c (text, '\t');
          if (child == NULL)
            continue;
          more = TRUE;
          gtk_grid_query_child (GTK_GRID (self->grid), child, &column, &row, NULL, NULL);
          if (column != c || row != r)
            continue;
          if (GTK_IS_LABEL (child))
            g_string_append (text, gtk_label_get_text (GTK_LABEL (child)));
          else if (SHNOR_IS_FIELD_ENTRY (child))
            g_string_append (text, shnor_field_entry_get_text (SHNOR_FIELD_ENTRY (child)));
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

const char *
shnor_level_table_get_error (ShnorLevelTable *self)
{
  g_return_val_if_fail (SHNOR_IS_LEVEL_TABLE (self), NULL);
  return gtk_widget_get_visible (self->error_label) ? gtk_label_get_text (GTK_LABEL (self->error_label)) : NULL;
}

static void
shnor_level_table_dispose (GObject *object)
{
  ShnorLevelTable *self = SHNOR_LEVEL_TABLE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->document);
  g_clear_pointer (&self->levels, g_array_unref);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->responsible, g_hash_table_unref);
  g_clear_pointer (&self->shape, g_free);
  G_OBJECT_CLASS (shnor_level_table_parent_class)->dispose (object);
}

static void
shnor_level_table_class_init (ShnorLevelTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_level_table_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  /**
   * ShnorLevelTable::selected:
   * @id: the measure
   *
   * The focus went into a cell of the measure @id.
   */
  signals[SELECTED] = g_signal_new ("selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
shnor_level_table_init (ShnorLevelTable *self)
{
  static const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_Insert, "roadmap.add" }, { GDK_KEY_Delete, "roadmap.delete" }, { GDK_KEY_Up, "roadmap.up" },
    { GDK_KEY_Down, "roadmap.down" }, { GDK_KEY_Right, "roadmap.indent" }, { GDK_KEY_Left, "roadmap.outdent" },
  };
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->responsible = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_widget_set_parent (self->error_label, GTK_WIDGET (self));
  self->hint = gtk_label_new (_("Alt+Insert adds a row after the one being typed in, Alt+Delete deletes it, Alt "
                                "with the arrows moves and indents it. A cell is stored when you leave it."));
  gtk_label_set_xalign (GTK_LABEL (self->hint), 0);
  gtk_label_set_wrap (GTK_LABEL (self->hint), TRUE);
  gtk_widget_add_css_class (self->hint, "dim-label");
  gtk_widget_add_css_class (self->hint, "caption");
  gtk_widget_set_parent (self->hint, GTK_WIDGET (self));
  self->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 2);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 2);
  gtk_widget_add_css_class (self->grid, "level-table");
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
  /* the road map's actions, on Alt keys: plain Insert, Delete and the
   * arrows edit the text of a cell */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_LOCAL);
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, GDK_ALT_MASK), gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

GtkWidget *
shnor_level_table_new (void)
{
  return g_object_new (SHNOR_TYPE_LEVEL_TABLE, NULL);
}
