/* shnor-part-editor.c: the rows of one part of a programme (tasks,
 * expected results, target indicators, risks, stages, normative acts),
 * each a card of its fields generated from the core's field table and
 * edited in place. Rows are added from the line at the bottom, moved with
 * Alt+Up / Alt+Down, the arrow buttons or by dragging the handle, and
 * deleted with their button; every change is one undo step of the
 * document. A target indicator also shows its targets and actual values
 * for each year of the period, their achievement, and the results its
 * actual values may follow. */
#define G_LOG_DOMAIN "shnor-part-editor"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-field-entry.h"
#include "shnor-network.h"
#include "shnor-part-editor.h"
#include "shnor-widgets.h"

struct _ShnorPartEditor
{
  GtkWidget      parent_instance;

  ShnorPart      part;
  GtkWidget     *rows_box;
  GtkWidget     *error_label;
  GtkWidget     *new_entry;
  GtkWidget     *add_button;

  ShnorDocument *document;
  gint64         programme_id;
  GArray        *ids;        /* gint64 per card shown */
  GPtrArray     *cards;      /* GtkWidget per card, not owned */
  GStrv          bindings;   /* indicators: "" then every binding offered */
  int            first_year;
  int            last_year;
  gboolean       writable;
  guint          idle;
};

G_DEFINE_FINAL_TYPE (ShnorPartEditor, shnor_part_editor, GTK_TYPE_WIDGET)

/* a text: a target may be a bound, «не более 5» */
static const ShnorField target_field = { "target", SHNOR_FIELD_TEXT, N_("Target"), 0, 0, FALSE, NULL };
static const ShnorField actual_field = { "actual", SHNOR_FIELD_REAL, N_("Actual value"), 0, 0, FALSE, NULL };

static void load (ShnorPartEditor *self);

static void
show_error (ShnorPartEditor *self,
            const char      *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

/* The row a widget of a card belongs to, by the index kept on it. */
static guint
widget_row (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "shnor-row"));
}

static gint64
row_id (ShnorPartEditor *self,
        guint            row)
{
  return row < self->ids->len ? g_array_index (self->ids, gint64, row) : 0;
}

/* After an edit the document is told; the view reloads once it is done. */
static void
report (ShnorPartEditor *self,
        gboolean         ok,
        GError          *error)
{
  show_error (self, ok ? NULL : error->message);
}

static void
field_commit (ShnorFieldEntry *entry,
              const char      *text,
              ShnorPartEditor *self)
{
  g_autoptr(GError) error = NULL;
  const ShnorField *field = shnor_field_entry_get_field (entry);

  if (!shnor_document_set_part_field (self->document, self->part, row_id (self, widget_row (GTK_WIDGET (entry))),
                                      field->column, text, &error))
    {
      shnor_field_entry_set_error (entry, error->message);
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  shnor_field_entry_set_text (entry, text);
}

/* A choice that may be left empty (a risk not assessed) offers that
 * first: its position in the drop-down is one more than its value's. */
static guint
choice_position (const ShnorField *field,
                 const char       *text)
{
  if (text[0] == '\0')
    return field->required ? GTK_INVALID_LIST_POSITION : 0;
  return (guint) (atoi (text) - (int) field->min) + (field->required ? 0 : 1);
}

static char *
choice_text (const ShnorField *field,
             guint             position)
{
  if (!field->required && position == 0)
    return g_strdup ("");
  return g_strdup_printf ("%d", (int) field->min + (int) position - (field->required ? 0 : 1));
}

/* The people of the list a risk's responsible person is chosen from:
 * "—" (nobody) first, then by name; the ids in @ids. */
static GtkStringList *
people_choices (ShnorDocument *document,
                GArray        *ids)
{
  g_autoptr(GArray) people = shnor_document_get_people (document);
  GtkStringList *names = gtk_string_list_new (NULL);
  gint64 nobody = 0;

  gtk_string_list_append (names, "—");
  g_array_append_val (ids, nobody);
  for (guint i = 0; i < people->len; i++)
    {
      const ShnorPerson *p = &g_array_index (people, ShnorPerson, i);

      gtk_string_list_append (names, p->name);
      g_array_append_val (ids, p->id);
    }
  return names;
}

/* Whether the drop-down offers the people of @ids and @names already */
static gboolean
same_people (GtkDropDown   *drop,
             GArray        *shown,
             GArray        *ids,
             GtkStringList *names)
{
  GListModel *model = gtk_drop_down_get_model (drop);

  if (shown->len != ids->len || model == NULL || g_list_model_get_n_items (model) != ids->len)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (shown, gint64, i) != g_array_index (ids, gint64, i) ||
        g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i),
                   gtk_string_list_get_string (names, i)) != 0)
      return FALSE;
  return TRUE;
}

static guint
person_position (GArray     *ids,
                 const char *text)
{
  gint64 id = text[0] ? g_ascii_strtoll (text, NULL, 10) : 0;

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

static void
choice_changed (GtkDropDown     *drop,
                GParamSpec      *pspec,
                ShnorPartEditor *self)
{
  const ShnorField *field = g_object_get_data (G_OBJECT (drop), "shnor-field");
  GArray *people = g_object_get_data (G_OBJECT (drop), "shnor-people");
  guint stored = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop), "shnor-stored"));
  guint selected = gtk_drop_down_get_selected (drop);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (selected == GTK_INVALID_LIST_POSITION || selected == stored ||
      g_object_get_data (G_OBJECT (drop), "shnor-filling") != NULL)
    return;
  if (people != NULL)
    {
      gint64 id = selected < people->len ? g_array_index (people, gint64, selected) : 0;

      text = id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : g_strdup ("");
    }
  else
    text = choice_text (field, selected);
  ok = shnor_document_set_part_field (self->document, self->part, row_id (self, widget_row (GTK_WIDGET (drop))),
                                      field->column, text, &error);
  report (self, ok, error);
  if (ok)
    g_object_set_data (G_OBJECT (drop), "shnor-stored", GUINT_TO_POINTER (selected));
  else
    gtk_drop_down_set_selected (drop, stored);
}

static void
plan_commit (ShnorFieldEntry *entry,
             const char      *text,
             ShnorPartEditor *self)
{
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "shnor-year"));
  gboolean actual = shnor_field_entry_get_field (entry) == &actual_field;
  g_autoptr(GError) error = NULL;

  if (!shnor_document_set_indicator_plan (self->document, row_id (self, widget_row (GTK_WIDGET (entry))), year,
                                          actual, text, &error))
    {
      g_autofree char *message = year == SHNOR_END_OF_PROGRAMME ? g_strdup_printf ("%s: %s", _("By the end"),
                                                                                   error->message)
                                                                : g_strdup_printf ("%d: %s", year, error->message);

      shnor_field_entry_set_error (entry, error->message);
      show_error (self, message);
      return;
    }
  show_error (self, NULL);
}

static void
binding_changed (GtkDropDown     *drop,
                 GParamSpec      *pspec,
                 ShnorPartEditor *self)
{
  guint stored = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop), "shnor-stored"));
  guint selected = gtk_drop_down_get_selected (drop);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (selected == GTK_INVALID_LIST_POSITION || selected == stored || self->bindings == NULL ||
      selected >= g_strv_length (self->bindings))
    return;
  ok = shnor_document_set_indicator_binding (self->document, row_id (self, widget_row (GTK_WIDGET (drop))),
                                             self->bindings[selected], &error);
  report (self, ok, error);
  if (ok)
    g_object_set_data (G_OBJECT (drop), "shnor-stored", GUINT_TO_POINTER (selected));
  else
    gtk_drop_down_set_selected (drop, stored);
}

/* Moves row @from to the place of row @to: the arrows, the keys and a
 * drop all come here. */
static void
move_row (ShnorPartEditor *self,
          guint            from,
          guint            to)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (from >= self->ids->len || to >= self->ids->len || from == to)
    return;
  ok = shnor_document_move_part_row (self->document, self->part, row_id (self, from), (int) to - (int) from,
                                     &error);
  report (self, ok, error);
  if (ok)
    {
      /* the moved card is rebuilt at its new place: keep working on it */
      load (self);
      if (to < self->cards->len)
        gtk_widget_child_focus (g_ptr_array_index (self->cards, to), GTK_DIR_TAB_FORWARD);
    }
}

static void
up_clicked (GtkButton       *button,
            ShnorPartEditor *self)
{
  guint row = widget_row (GTK_WIDGET (button));

  if (row > 0)
    move_row (self, row, row - 1);
}

static void
down_clicked (GtkButton       *button,
              ShnorPartEditor *self)
{
  guint row = widget_row (GTK_WIDGET (button));

  move_row (self, row, row + 1);
}

static gboolean
move_shortcut (GtkWidget *card,
               GVariant  *args,
               gpointer   data)
{
  ShnorPartEditor *self = data;
  guint row = widget_row (card);
  int delta = g_variant_get_int32 (args);

  if ((delta < 0 && row == 0) || !self->writable)
    return TRUE;
  move_row (self, row, (guint) ((int) row + delta));
  return TRUE;
}

static void
delete_clicked (GtkButton       *button,
                ShnorPartEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = shnor_document_delete_part_row (self->document, self->part,
                                                row_id (self, widget_row (GTK_WIDGET (button))), &error);

  report (self, ok, error);
}

static void
add_row (ShnorPartEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->new_entry));
  const char * const texts[] = { text, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (self->document == NULL)
    return;
  if (stripped[0] == '\0')
    {
      guint n;
      const ShnorField *fields = shnor_part_fields (self->part, &n);
      g_autofree char *message = g_strdup_printf (_("Type the “%s” of the new row first."),
                                                  _(fields[0].label));

      show_error (self, message);
      return;
    }
  if (shnor_document_add_part_row (self->document, self->programme_id, self->part, texts, &error) == 0)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->new_entry), "");
}

/* ---- dragging a card by its handle ----------------------------------- */

static GdkContentProvider *
drag_prepare (GtkDragSource   *source,
              double           x,
              double           y,
              ShnorPartEditor *self)
{
  GtkWidget *handle = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  if (!self->writable)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_UINT, widget_row (handle));
}

static void
drag_begin (GtkDragSource   *source,
            GdkDrag         *drag,
            ShnorPartEditor *self)
{
  GtkWidget *handle = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  guint row = widget_row (handle);

  if (row < self->cards->len)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (g_ptr_array_index (self->cards, row));

      gtk_drag_source_set_icon (source, paintable, 0, 0);
    }
}

static gboolean
drop_on_card (GtkDropTarget   *target,
              const GValue    *value,
              double           x,
              double           y,
              ShnorPartEditor *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));

  if (!G_VALUE_HOLDS_UINT (value))
    return FALSE;
  move_row (self, g_value_get_uint (value), widget_row (card));
  return TRUE;
}

/* ---- building a card ------------------------------------------------- */

static void
tag (GtkWidget *widget,
     guint      row)
{
  g_object_set_data (G_OBJECT (widget), "shnor-row", GUINT_TO_POINTER (row));
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             guint       row,
             GCallback   callback,
             gpointer    data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  tag (button, row);
  g_signal_connect (button, "clicked", callback, data);
  return button;
}

/* The number, the handle and the buttons of a card; @middle (may be NULL)
 * takes the space between them. */
static GtkWidget *
card_header (ShnorPartEditor *self,
             guint            row,
             GtkWidget       *middle)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkDragSource *source = gtk_drag_source_new ();
  g_autofree char *number = g_strdup_printf ("%u.", row + 1);
  GtkWidget *label = gtk_label_new (number);
  GtkWidget *space = middle ? middle : gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_tooltip_text (handle, _("Drag to move the row (or Alt+Up, Alt+Down)"));
  gtk_widget_set_valign (handle, middle ? GTK_ALIGN_START : GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (handle, middle ? 10 : 0);
  gtk_widget_set_cursor_from_name (handle, "grab");
  tag (handle, row);
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin), self);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (source));
  gtk_widget_set_sensitive (handle, self->writable);
  /* an approved programme's rows do not move: no handle, no buttons */
  gtk_widget_set_visible (handle, self->writable);
  gtk_box_append (GTK_BOX (header), handle);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_valign (label, middle ? GTK_ALIGN_START : GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (label, middle ? 8 : 0);
  gtk_box_append (GTK_BOX (header), label);
  gtk_widget_set_hexpand (space, TRUE);
  gtk_box_append (GTK_BOX (header), space);
  {
    GtkWidget *buttons[] = {
      icon_button ("go-up-symbolic", _("Move up (Alt+Up)"), row, G_CALLBACK (up_clicked), self),
      icon_button ("go-down-symbolic", _("Move down (Alt+Down)"), row, G_CALLBACK (down_clicked), self),
      icon_button ("user-trash-symbolic", _("Delete the row"), row, G_CALLBACK (delete_clicked), self),
    };

    gtk_widget_set_sensitive (buttons[0], self->writable && row > 0);
    gtk_widget_set_sensitive (buttons[1], self->writable && row + 1 < self->ids->len);
    gtk_widget_set_sensitive (buttons[2], self->writable);
    for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
      {
        gtk_widget_set_valign (buttons[i], middle ? GTK_ALIGN_START : GTK_ALIGN_CENTER);
        gtk_widget_set_visible (buttons[i], self->writable);
        gtk_box_append (GTK_BOX (header), buttons[i]);
      }
  }
  return header;
}

/* A drop-down of a field's choices (or of people) that stores what is
 * chosen */
static GtkWidget *
choice_widget (ShnorPartEditor  *self,
               GtkWidget        *widget,
               const ShnorField *field,
               guint             selected,
               guint             row)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), selected);
  g_object_set_data (G_OBJECT (widget), "shnor-field", (gpointer) field);
  g_object_set_data (G_OBJECT (widget), "shnor-stored", GUINT_TO_POINTER (selected));
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, _(field->label), -1);
  gtk_widget_set_sensitive (widget, self->writable);
  gtk_widget_set_halign (widget, GTK_ALIGN_START);
  tag (widget, row);
  g_signal_connect (widget, "notify::selected", G_CALLBACK (choice_changed), self);
  return widget;
}

static GtkWidget *
field_widget (ShnorPartEditor  *self,
              const ShnorField *field,
              const char       *text,
              guint             row)
{
  GtkWidget *widget;

  if (self->part == SHNOR_PART_RISK && g_str_equal (field->column, "owner_id"))
    {
      GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      GtkStringList *names = people_choices (self->document, ids);
      guint selected = person_position (ids, text);

      widget = gtk_drop_down_new (G_LIST_MODEL (names), NULL);
      gtk_drop_down_set_enable_search (GTK_DROP_DOWN (widget), TRUE);
      gtk_drop_down_set_expression (GTK_DROP_DOWN (widget),
                                    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
      g_object_set_data_full (G_OBJECT (widget), "shnor-people", ids, (GDestroyNotify) g_array_unref);
      gtk_widget_set_tooltip_text (widget, _("A person of the people list (the road map’s people button adds "
                                             "one)"));
      return choice_widget (self, widget, field, selected, row);
    }
  if (field->kind == SHNOR_FIELD_CHOICE)
    {
      g_auto(GStrv) choices = shnor_field_dup_choices (field);
      g_autoptr(GStrvBuilder) offered = g_strv_builder_new ();
      g_auto(GStrv) labels = NULL;

      if (!field->required)
        g_strv_builder_add (offered, C_("likelihood", "not assessed"));
      g_strv_builder_addv (offered, (const char **) choices);
      labels = g_strv_builder_end (offered);
      widget = gtk_drop_down_new_from_strings ((const char * const *) labels);
      return choice_widget (self, widget, field, choice_position (field, text), row);
    }
  widget = shnor_field_entry_new (field, TRUE);
  shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (widget), text);
  shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (widget), self->writable);
  if (field->kind == SHNOR_FIELD_DATE)
    gtk_widget_set_tooltip_text (widget, _("A date as DD.MM.YYYY"));
  tag (widget, row);
  g_signal_connect (widget, "commit", G_CALLBACK (field_commit), self);
  return widget;
}

/* Long texts and the row's name take a line of their own */
static gboolean
is_wide (const ShnorField *fields,
         guint             i)
{
  return fields[i].kind == SHNOR_FIELD_LONG_TEXT || (i == 0 && fields[i].kind == SHNOR_FIELD_TEXT);
}

/* ...and short fields go two to a line. */
static GtkWidget *
card_fields (ShnorPartEditor    *self,
             const ShnorPartRow *data,
             guint               row,
             GtkWidget          *card)
{
  GtkWidget *grid = gtk_grid_new ();
  guint n_fields;
  const ShnorField *fields = shnor_part_fields (self->part, &n_fields);
  int line = 0, column = 0;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  for (guint i = 0; i < n_fields; i++)
    {
      const ShnorField *field = &fields[i];
      GtkWidget *widget = field_widget (self, field, data->texts[i], row);
      GtkWidget *label = shnor_field_caption (_(field->short_label ? field->short_label : field->label));

      g_object_set_data (G_OBJECT (card), field->column, widget);
      if (is_wide (fields, i))
        {
          if (column != 0)
            line++;
          gtk_grid_attach (GTK_GRID (grid), label, 0, line, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), widget, 1, line, 3, 1);
          line++;
          column = 0;
          continue;
        }
      gtk_grid_attach (GTK_GRID (grid), label, column, line, 1, 1);
      /* alone on its line: the whole width */
      gtk_grid_attach (GTK_GRID (grid), widget, column + 1, line,
                       column == 0 && (i + 1 == n_fields || is_wide (fields, i + 1)) ? 3 : 1, 1);
      if (column == 0)
        column = 2;
      else
        {
          column = 0;
          line++;
        }
    }
  return grid;
}

static void
set_achievement (GtkWidget              *label,
                 const ShnorIndicatorYear *year)
{
  static const char * const classes[] = { "achievement-no-data", "achievement-met", "achievement-not-met",
                                          "achievement-not-yet" };
  static const char * const signs[] = { "—", "✓", "✗", "…" };
  g_autofree char *text = g_strdup_printf ("%s %s", signs[year->achievement],
                                           shnor_achievement_label (year->achievement));

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (label, classes[i]);
  gtk_widget_add_css_class (label, classes[year->achievement]);
  gtk_label_set_text (GTK_LABEL (label), text);
}

static char *
target_text (const ShnorIndicatorYear *year)
{
  return year->has_target ? shnor_format_target (year->bound, year->target) : g_strdup ("");
}

static GtkWidget *
plan_entry (ShnorPartEditor  *self,
            const ShnorField *field,
            const char       *name,
            guint             row,
            int               year,
            gboolean          editable)
{
  GtkWidget *entry = shnor_field_entry_new (field, FALSE);
  g_autofree char *label = year == SHNOR_END_OF_PROGRAMME
                           ? g_strdup_printf ("%s, %s, %s", name, _(field->label), _("By the end"))
                           : g_strdup_printf ("%s, %s, %d", name, _(field->label), year);

  shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (entry), editable);
  if (field == &target_field)
    gtk_editable_set_width_chars (GTK_EDITABLE (shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (entry))), 9);
  /* a column of the plan: targets and actual values under their year */
  shnor_column_entry (shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (entry)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (entry))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  tag (entry, row);
  g_object_set_data (G_OBJECT (entry), "shnor-year", GINT_TO_POINTER (year));
  g_signal_connect (entry, "commit", G_CALLBACK (plan_commit), self);
  return entry;
}

/* Sets the texts of an indicator's plan: targets, actual values (typed, or
 * computed and then not editable) and achievement, year by year. */
static void
fill_plan (ShnorPartEditor *self,
           GtkWidget       *card,
           gint64           indicator)
{
  g_autoptr(GArray) plan = shnor_document_get_indicator_plan (self->document, indicator);

  for (guint i = 0; i < plan->len; i++)
    {
      const ShnorIndicatorYear *y = &g_array_index (plan, ShnorIndicatorYear, i);
      g_autofree char *target_key = g_strdup_printf ("target-%d", y->year);
      g_autofree char *actual_key = g_strdup_printf ("actual-%d", y->year);
      g_autofree char *achievement_key = g_strdup_printf ("achievement-%d", y->year);
      g_autofree char *target = target_text (y);
      GtkWidget *actual = g_object_get_data (G_OBJECT (card), actual_key);

      if (actual == NULL)
        continue;
      shnor_field_entry_set_text (g_object_get_data (G_OBJECT (card), target_key), target);
      shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (actual), y->actual_text);
      shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (actual), self->writable && !y->computed);
      gtk_widget_set_tooltip_text (actual, y->computed ? _("Computed from the results of the participating "
                                                           "schools") : NULL);
      set_achievement (g_object_get_data (G_OBJECT (card), achievement_key), y);
    }
  {
    ShnorIndicatorYear final;
    GtkWidget *target = g_object_get_data (G_OBJECT (card), "target-0");
    GtkWidget *latest = g_object_get_data (G_OBJECT (card), "actual-0");
    g_autofree char *text = NULL;
    g_autofree char *shown = NULL;

    shnor_document_get_indicator_final (self->document, indicator, &final);
    text = target_text (&final);
    if (target != NULL && !gtk_widget_has_focus (shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (target))))
      shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (target), text);
    /* the end of the programme is judged by the latest actual value */
    shown = final.has_actual ? g_strdup_printf ("%s (%d)", final.actual_text, final.year) : g_strdup ("—");
    if (latest != NULL)
      gtk_label_set_text (GTK_LABEL (latest), shown);
    if (g_object_get_data (G_OBJECT (card), "achievement-0") != NULL)
      set_achievement (g_object_get_data (G_OBJECT (card), "achievement-0"), &final);
    shnor_indicator_year_clear (&final);
  }
}

static guint
binding_index (ShnorPartEditor *self,
               const char      *binding)
{
  for (guint i = 0; self->bindings && self->bindings[i]; i++)
    if (g_str_equal (self->bindings[i], binding ? binding : ""))
      return i;
  return 0;
}

static GtkWidget *
card_plan (ShnorPartEditor    *self,
           const ShnorPartRow *data,
           guint               row,
           GtkWidget          *card)
{
  GtkWidget *grid = gtk_grid_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *binding;
  const char *titles[] = { _("Year"), _("Target"), _("Actual value"), _("Achievement") };
  guint selected;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  for (guint r = 0; r < G_N_ELEMENTS (titles); r++)
    {
      GtkWidget *title = shnor_field_caption (titles[r]);

      /* the rows of labels (years, achievement) have no entry to be level with */
      if (r == 0 || r == 3)
        gtk_widget_set_margin_top (title, 0);
      gtk_grid_attach (GTK_GRID (grid), title, 0, (int) r, 1, 1);
    }
  for (int year = self->first_year; year <= self->last_year; year++)
    {
      int column = 1 + year - self->first_year;
      g_autofree char *text = g_strdup_printf ("%d", year);
      g_autofree char *target_key = g_strdup_printf ("target-%d", year);
      g_autofree char *actual_key = g_strdup_printf ("actual-%d", year);
      g_autofree char *achievement_key = g_strdup_printf ("achievement-%d", year);
      GtkWidget *head = shnor_column_label (text, "caption-heading");
      GtkWidget *target = plan_entry (self, &target_field, data->texts[0], row, year, self->writable);
      GtkWidget *actual = plan_entry (self, &actual_field, data->texts[0], row, year, self->writable);
      GtkWidget *achievement = shnor_column_label (NULL, "caption");

      gtk_grid_attach (GTK_GRID (grid), head, column, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), target, column, 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), actual, column, 2, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), achievement, column, 3, 1, 1);
      g_object_set_data (G_OBJECT (card), target_key, target);
      g_object_set_data (G_OBJECT (card), actual_key, actual);
      g_object_set_data (G_OBJECT (card), achievement_key, achievement);
    }
  {
    /* the target for the end of the programme, judged by the latest
     * actual value */
    int column = 2 + self->last_year - self->first_year;
    GtkWidget *head = shnor_column_label (_("By the end"), "caption-heading");
    GtkWidget *target = plan_entry (self, &target_field, data->texts[0], row, SHNOR_END_OF_PROGRAMME,
                                    self->writable);
    GtkWidget *latest = shnor_column_label (NULL, "dim-label");
    GtkWidget *achievement = shnor_column_label (NULL, "caption");

    gtk_widget_set_tooltip_text (head, _("The target for the end of the programme, judged by the latest actual "
                                         "value"));
    gtk_widget_set_margin_start (head, 12);
    gtk_widget_set_margin_start (target, 12);
    gtk_widget_set_margin_start (latest, 12);
    gtk_widget_set_margin_start (achievement, 12);
    gtk_grid_attach (GTK_GRID (grid), head, column, 0, 1, 1);
    gtk_grid_attach (GTK_GRID (grid), target, column, 1, 1, 1);
    gtk_grid_attach (GTK_GRID (grid), latest, column, 2, 1, 1);
    gtk_grid_attach (GTK_GRID (grid), achievement, column, 3, 1, 1);
    g_object_set_data (G_OBJECT (card), "target-0", target);
    g_object_set_data (G_OBJECT (card), "actual-0", latest);
    g_object_set_data (G_OBJECT (card), "achievement-0", achievement);
  }

  gtk_string_list_append (labels, _("typed by hand"));
  for (guint i = 1; self->bindings && self->bindings[i]; i++)
    {
      g_autofree char *text = shnor_binding_describe (self->bindings[i]);

      gtk_string_list_append (labels, text);
    }
  binding = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  shnor_drop_down_ellipsize (binding, 50);
  selected = binding_index (self, data->binding);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (binding), selected);
  g_object_set_data (G_OBJECT (binding), "shnor-stored", GUINT_TO_POINTER (selected));
  gtk_widget_set_sensitive (binding, self->writable);
  gtk_widget_set_tooltip_text (binding, _("Where the actual values come from: typed by hand, or computed from "
                                          "the results of the participating schools"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (binding), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Actual values"), -1);
  tag (binding, row);
  g_signal_connect (binding, "notify::selected", G_CALLBACK (binding_changed), self);
  g_object_set_data (G_OBJECT (card), "binding", binding);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

    GtkWidget *hint = gtk_label_new (_("A target is a number or a bound: “at most 5”, “at least 80” (also «не "
                                       "более 5», «не менее 80», ≤, ≥)."));

    gtk_label_set_xalign (GTK_LABEL (hint), 0);
    gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
    gtk_widget_add_css_class (hint, "dim-label");
    gtk_widget_add_css_class (hint, "caption");
    gtk_widget_set_visible (hint, self->writable);
    gtk_box_append (GTK_BOX (line), shnor_field_caption (_("Actual values")));
    gtk_box_append (GTK_BOX (line), binding);
    gtk_box_append (GTK_BOX (box), grid);
    gtk_box_append (GTK_BOX (box), hint);
    gtk_box_append (GTK_BOX (box), line);
    fill_plan (self, card, data->id);
    return box;
  }
}

static GtkWidget *
build_card (ShnorPartEditor    *self,
            const ShnorPartRow *data,
            guint               row)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);
  guint n_fields;

  gtk_widget_add_css_class (card, "part-row");
  tag (card, row);
  shnor_part_fields (self->part, &n_fields);
  if (n_fields == 1)
    {
      /* a list of single texts (tasks, results): one line a row */
      const ShnorField *field = shnor_part_fields (self->part, &n_fields);
      GtkWidget *widget = field_widget (self, field, data->texts[0], row);

      g_object_set_data (G_OBJECT (card), field->column, widget);
      gtk_box_append (GTK_BOX (card), card_header (self, row, widget));
    }
  else
    {
      gtk_box_append (GTK_BOX (card), card_header (self, row, NULL));
      gtk_box_append (GTK_BOX (card), card_fields (self, data, row, card));
    }
  if (self->part == SHNOR_PART_INDICATOR)
    gtk_box_append (GTK_BOX (card), card_plan (self, data, row, card));

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (keys), GTK_SHORTCUT_SCOPE_LOCAL);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                                     gtk_callback_action_new (move_shortcut, self, NULL), "i", -1));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                     gtk_callback_action_new (move_shortcut, self, NULL), "i", 1));
  gtk_widget_add_controller (card, keys);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_on_card), self);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (drop));
  return card;
}

/* ---- loading --------------------------------------------------------- */

static gboolean
same_rows (ShnorPartEditor *self,
           GArray          *rows)
{
  if (rows->len != self->ids->len)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, ShnorPartRow, i).id != g_array_index (self->ids, gint64, i))
      return FALSE;
  return TRUE;
}

/* Puts the stored values into the cards already shown, so that the focus
 * and what is being typed in another field survive a commit. */
static void
refresh (ShnorPartEditor *self,
         GArray          *rows)
{
  guint n_fields;
  const ShnorField *fields = shnor_part_fields (self->part, &n_fields);

  for (guint r = 0; r < rows->len; r++)
    {
      const ShnorPartRow *data = &g_array_index (rows, ShnorPartRow, r);
      GtkWidget *card = g_ptr_array_index (self->cards, r);

      for (guint i = 0; i < n_fields; i++)
        {
          GtkWidget *widget = g_object_get_data (G_OBJECT (card), fields[i].column);

          /* the field being typed into keeps what is typed */
          if (SHNOR_IS_FIELD_ENTRY (widget))
            {
              if (!gtk_widget_has_focus (shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (widget))))
                shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (widget), data->texts[i]);
            }
          else
            {
              GArray *people = g_object_get_data (G_OBJECT (widget), "shnor-people");
              guint selected;

              if (people != NULL)
                {
                  /* the list may have changed: offer it as it is now */
                  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
                  g_autoptr(GtkStringList) names = people_choices (self->document, ids);

                  selected = person_position (ids, data->texts[i]);
                  if (!same_people (GTK_DROP_DOWN (widget), people, ids, names))
                    {
                      g_object_set_data (G_OBJECT (widget), "shnor-filling", GINT_TO_POINTER (1));
                      gtk_drop_down_set_model (GTK_DROP_DOWN (widget), G_LIST_MODEL (names));
                      g_object_set_data (G_OBJECT (widget), "shnor-filling", NULL);
                      g_object_set_data_full (G_OBJECT (widget), "shnor-people", g_steal_pointer (&ids),
                                              (GDestroyNotify) g_array_unref);
                    }
                }
              else
                selected = choice_position (&fields[i], data->texts[i]);
              g_object_set_data (G_OBJECT (widget), "shnor-stored", GUINT_TO_POINTER (selected));
              gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), selected);
            }
        }
      if (self->part == SHNOR_PART_INDICATOR)
        {
          GtkWidget *binding = g_object_get_data (G_OBJECT (card), "binding");
          guint selected = binding_index (self, data->binding);

          g_object_set_data (G_OBJECT (binding), "shnor-stored", GUINT_TO_POINTER (selected));
          gtk_drop_down_set_selected (GTK_DROP_DOWN (binding), selected);
          fill_plan (self, card, data->id);
        }
    }
}

/* The results an indicator may follow: the mean and the share below the
 * threshold of every assessment in the file, and any binding a row has
 * already (its results may have been deleted since). */
static gboolean
load_bindings (ShnorPartEditor *self,
               GArray          *rows)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) assessments = shnor_document_list_assessments (self->document);
  g_auto(GStrv) bindings = NULL;
  gboolean same;

  g_strv_builder_add (builder, "");
  for (guint i = 0; assessments && assessments[i]; i++)
    {
      g_autofree char *below = g_strconcat ("below\t", assessments[i], NULL);
      g_autofree char *mean = g_strconcat ("mean\t", assessments[i], NULL);

      g_strv_builder_add_many (builder, below, mean, NULL);
    }
  g_strv_builder_addv (builder, (const char **) shnor_network_bindings ());
  bindings = g_strv_builder_end (builder);
  g_clear_pointer (&builder, g_strv_builder_unref);
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) bindings);
  for (guint r = 0; r < rows->len; r++)
    {
      const char *binding = g_array_index (rows, ShnorPartRow, r).binding;

      if (binding != NULL && !g_strv_contains ((const char * const *) bindings, binding))
        g_strv_builder_add (builder, binding);
    }
  g_strfreev (bindings);
  bindings = g_strv_builder_end (builder);
  same = self->bindings != NULL && g_strv_equal ((const char * const *) self->bindings,
                                                 (const char * const *) bindings);
  g_strfreev (self->bindings);
  self->bindings = g_steal_pointer (&bindings);
  return !same;
}

static void
load (ShnorPartEditor *self)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(ShnorProgramme) programme = NULL;
  gboolean writable, period_changed, bindings_changed = FALSE;

  g_clear_handle_id (&self->idle, g_source_remove);
  if (self->document == NULL || self->programme_id == 0)
    return;
  programme = shnor_document_dup_programme (self->document, self->programme_id);
  if (programme == NULL)
    return;
  rows = shnor_document_get_part (self->document, self->programme_id, self->part);
  writable = !shnor_document_get_read_only (self->document) &&
             shnor_programme_get_status (programme) == SHNOR_PROGRAMME_DRAFT;
  period_changed = self->first_year != shnor_programme_get_first_year (programme) ||
                   self->last_year != shnor_programme_get_last_year (programme);
  if (self->part == SHNOR_PART_INDICATOR)
    bindings_changed = load_bindings (self, rows);
  gtk_widget_set_sensitive (self->new_entry, writable);
  gtk_widget_set_sensitive (self->add_button, writable);
  /* nothing is added to an approved programme: no line to add with */
  gtk_widget_set_visible (gtk_widget_get_parent (self->new_entry), writable);

  if (same_rows (self, rows) && writable == self->writable && !period_changed && !bindings_changed &&
      rows->len > 0)
    {
      refresh (self, rows);
      return;
    }

  self->writable = writable;
  self->first_year = shnor_programme_get_first_year (programme);
  self->last_year = shnor_programme_get_last_year (programme);
  shnor_widget_remove_children (self->rows_box);
  g_ptr_array_set_size (self->cards, 0);
  g_array_set_size (self->ids, 0);
  for (guint r = 0; r < rows->len; r++)
    g_array_append_val (self->ids, g_array_index (rows, ShnorPartRow, r).id);
  if (rows->len == 0 && self->part == SHNOR_PART_INDICATOR)
    {
      gtk_box_append (GTK_BOX (self->rows_box),
                      shnor_status_page_new ("emoji-flags-symbolic", _("No Target Indicators Yet"),
                                             writable ? _("Add the first in the line below; then give its unit, "
                                                          "baseline and a target for every year, or let it "
                                                          "follow the results.")
                                                      : _("This version of the programme has no target "
                                                          "indicators.")));
      return;
    }
  if (rows->len == 0)
    {
      GtkWidget *empty = gtk_label_new (writable ? _("Nothing here yet: add the first row below.")
                                                 : _("Nothing here."));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (empty), 0);
      gtk_box_append (GTK_BOX (self->rows_box), empty);
      return;
    }
  for (guint r = 0; r < rows->len; r++)
    {
      GtkWidget *card = build_card (self, &g_array_index (rows, ShnorPartRow, r), r);

      g_ptr_array_add (self->cards, card);
      gtk_box_append (GTK_BOX (self->rows_box), card);
    }
}

static gboolean
load_idle (gpointer data)
{
  ShnorPartEditor *self = data;

  self->idle = 0;
  load (self);
  return G_SOURCE_REMOVE;
}

static void
document_changed (ShnorDocument   *document,
                  const char      *table,
                  gint64           rowid,
                  ShnorPartEditor *self)
{
  /* The programme (its period and status), the part's own table, and for
   * indicators whatever their values come from */
  gboolean mine = g_str_equal (table, "programme") || g_str_equal (table, shnor_part_table (self->part));

  if (self->part == SHNOR_PART_INDICATOR)
    mine = mine || g_str_equal (table, "programme_indicator_value") || g_str_equal (table, "result") ||
           g_str_equal (table, "programme_school") || shnor_network_binding_table (table);
  if (self->part == SHNOR_PART_RISK)
    mine = mine || g_str_equal (table, "person");
  if (mine && self->idle == 0 && self->programme_id != 0)
    self->idle = g_idle_add (load_idle, self);
}

static void
shnor_part_editor_dispose (GObject *object)
{
  ShnorPartEditor *self = SHNOR_PART_EDITOR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->idle, g_source_remove);
  shnor_part_editor_set_programme (self, NULL, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->bindings, g_strfreev);

  G_OBJECT_CLASS (shnor_part_editor_parent_class)->dispose (object);
}

static void
shnor_part_editor_class_init (ShnorPartEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_part_editor_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
shnor_part_editor_init (ShnorPartEditor *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 8);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cards = g_ptr_array_new ();
}

/**
 * shnor_part_editor_new:
 *
 * Returns: an editor of @part; the line at its bottom adds a row with the
 * first field typed there.
 */
GtkWidget *
shnor_part_editor_new (ShnorPart part)
{
  ShnorPartEditor *self = g_object_new (SHNOR_TYPE_PART_EDITOR, NULL);
  GtkWidget *add_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  guint n_fields;
  const ShnorField *fields = shnor_part_fields (part, &n_fields);
  g_autofree char *placeholder = g_strdup_printf (_("New row: %s"), _(fields[0].label));

  self->part = part;
  self->rows_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  gtk_widget_set_parent (self->rows_box, GTK_WIDGET (self));

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_widget_set_parent (self->error_label, GTK_WIDGET (self));

  self->new_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->new_entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder,
                                  -1);
  gtk_widget_set_hexpand (self->new_entry, TRUE);
  g_signal_connect_swapped (self->new_entry, "activate", G_CALLBACK (add_row), self);
  self->add_button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_tooltip_text (self->add_button, _("Add a row with what is typed (Enter)"));
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (add_row), self);
  gtk_box_append (GTK_BOX (add_line), self->new_entry);
  gtk_box_append (GTK_BOX (add_line), self->add_button);
  gtk_widget_set_parent (add_line, GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

/* Shows the rows of @programme_id's part of @document (NULL: nothing). */
void
shnor_part_editor_set_programme (ShnorPartEditor *self,
                                 ShnorDocument   *document,
                                 gint64           programme_id)
{
  g_return_if_fail (SHNOR_IS_PART_EDITOR (self));

  shnor_watch_document (&self->document, document, G_CALLBACK (document_changed), self);
  if (self->programme_id != programme_id)
    {
      self->programme_id = programme_id;
      g_array_set_size (self->ids, 0);  /* another programme: rebuild */
      show_error (self, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->new_entry), "");
    }
  if (document == NULL || programme_id == 0)
    {
      g_clear_handle_id (&self->idle, g_source_remove);
      shnor_widget_remove_children (self->rows_box);
      g_ptr_array_set_size (self->cards, 0);
      return;
    }
  load (self);
}

/* For tests: the widget of @column in the @row-th card (a ShnorFieldEntry,
 * or a GtkDropDown for a choice; "binding" for an indicator's source). */
GtkWidget *
shnor_part_editor_get_field (ShnorPartEditor *self,
                             guint            row,
                             const char      *column)
{
  g_return_val_if_fail (SHNOR_IS_PART_EDITOR (self), NULL);
  if (row >= self->cards->len)
    return NULL;
  return g_object_get_data (G_OBJECT (g_ptr_array_index (self->cards, row)), column);
}

/* For tests: the target (or, with @actual, the actual value) entry of the
 * @row-th indicator in @year. */
GtkWidget *
shnor_part_editor_get_plan_cell (ShnorPartEditor *self,
                                 guint            row,
                                 int              year,
                                 gboolean         actual)
{
  g_autofree char *key = g_strdup_printf (actual ? "actual-%d" : "target-%d", year);

  return shnor_part_editor_get_field (self, row, key);
}

/* For tests: the label of the achievement of the @row-th indicator in @year. */
GtkWidget *
shnor_part_editor_get_achievement (ShnorPartEditor *self,
                                   guint            row,
                                   int              year)
{
  g_autofree char *key = g_strdup_printf ("achievement-%d", year);

  return shnor_part_editor_get_field (self, row, key);
}

GtkWidget *
shnor_part_editor_get_new_entry (ShnorPartEditor *self)
{
  g_return_val_if_fail (SHNOR_IS_PART_EDITOR (self), NULL);
  return self->new_entry;
}

/* Moves the @from-th row to the place of the @to-th: what dropping one
 * card on another does. */
void
shnor_part_editor_move_row (ShnorPartEditor *self,
                            guint            from,
                            guint            to)
{
  g_return_if_fail (SHNOR_IS_PART_EDITOR (self));
  move_row (self, from, to);
}

const char *
shnor_part_editor_get_error (ShnorPartEditor *self)
{
  g_return_val_if_fail (SHNOR_IS_PART_EDITOR (self), NULL);
  return gtk_widget_get_visible (self->error_label) ? gtk_label_get_text (GTK_LABEL (self->error_label)) : NULL;
}
