/* shnor-roadmap-view.c: the measure tables of a programme (its road map,
 * its management measures, its table by levels…), one at a time: the
 * measures as a numbered list with the selected one's fields below, or as
 * seed 003's table by levels (a column per level, each cell edited in
 * place). Tables are added, renamed, given an introduction and columns,
 * moved and deleted; measures are added, deleted, moved, indented and
 * outdented with the toolbar or the keys; overdue and due soon are marked.
 * The levels and the people are the file's lists, edited here too. In an
 * approved programme the plan is read-only and only the execution
 * (status, completion, evidence) is recorded. */
#define G_LOG_DOMAIN "shnor-roadmap-view"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-field-entry.h"
#include "shnor-level-table.h"
#include "shnor-roadmap-view.h"
#include "shnor-widgets.h"

struct _ShnorRoadmapView
{
  GtkWidget      parent_instance;

  GtkWidget     *toolbar;
  GtkWidget     *add_button;
  GtkWidget     *delete_button;
  GtkWidget     *up_button;
  GtkWidget     *down_button;
  GtkWidget     *outdent_button;
  GtkWidget     *indent_button;
  GtkWidget     *copy_button;
  GtkWidget     *summary_label;
  GtkWidget     *error_label;
  GtkWidget     *presentations;
  GtkWidget     *list;
  GtkWidget     *editor_box;
  GtkWidget     *empty_label;
  GtkWidget     *placeholder;   /* the list's, when it has no measures */
  GtkWidget     *editor_grid;
  GtkWidget     *level_table;
  GtkWidget     *tables_bar;
  GtkWidget     *table_drop;
  GtkWidget     *table_settings_button;
  GtkWidget     *table_up_button;
  GtkWidget     *table_down_button;
  GtkWidget     *table_add_button;
  GtkWidget     *table_delete_button;
  GtkWidget     *table_intro_label;
  GtkWidget     *table_popover;
  GtkWidget     *table_grid;
  GtkWidget     *table_add_popover;
  GtkWidget     *table_kinds;
  GtkWidget     *table_delete_popover;
  GtkWidget     *table_delete_label;
  GtkWidget     *table_delete_confirm;
  GtkWidget     *levels_button;
  GtkWidget     *levels_popover;
  GtkWidget     *levels_grid;
  GtkWidget     *levels_error;
  GtkWidget     *new_level;
  GtkWidget     *copy_popover;
  GtkWidget     *people_button;
  GtkWidget     *people_popover;
  GtkWidget     *people_grid;
  GtkWidget     *people_error;
  GtkWidget     *copy_from;
  GtkWidget     *copy_confirm;

  ShnorDocument *document;
  gint64         programme_id;
  GArray        *tables;       /* ShnorMeasureTable of the programme */
  gint64         table_id;     /* the one shown; 0 when it has none */
  GArray        *levels;       /* ShnorRoadmapLevel of the file */
  GArray        *measures;     /* ShnorMeasure of the table shown */
  GArray        *sources;      /* gint64: the programmes copy_from offers */
  gint64         selected;
  gint64         editing;      /* the measure the editor shows */
  gboolean       plan;         /* the plan may change (a draft) */
  gboolean       execution;    /* the execution may be recorded */
  gboolean       selecting;    /* the list is being rebuilt */
  guint          idle;
};

G_DEFINE_FINAL_TYPE (ShnorRoadmapView, shnor_roadmap_view, GTK_TYPE_WIDGET)

static void load (ShnorRoadmapView *self);
static gboolean load_idle (gpointer data);

static void
show_error (ShnorRoadmapView *self,
            const char       *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static const ShnorMeasure *
find_measure (ShnorRoadmapView *self,
              gint64            id)
{
  for (guint i = 0; self->measures && i < self->measures->len; i++)
    if (g_array_index (self->measures, ShnorMeasure, i).id == id)
      return &g_array_index (self->measures, ShnorMeasure, i);
  return NULL;
}

static gboolean
report (ShnorRoadmapView *self,
        gboolean          ok,
        GError           *error)
{
  show_error (self, ok ? NULL : error->message);
  return ok;
}

/* ---- the toolbar and the keys ------------------------------------------ */

static void
select_measure (ShnorRoadmapView *self,
                gint64            id);

static gboolean
showing_levels (ShnorRoadmapView *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->presentations)), "levels") == 0;
}

/* A new measure after the selected one, or at the end of the table: in
 * the table by levels an empty row whose first cell takes the focus, in
 * the list a "New measure" whose title is selected for typing over. */
static void
add_clicked (ShnorRoadmapView *self)
{
  g_autoptr(GError) error = NULL;
  gboolean levels = showing_levels (self);
  const char *title_text = levels ? "" : _("New measure");
  gint64 id = self->table_id != 0
              ? shnor_document_add_measure_to (self->document, self->table_id, self->selected, title_text, &error)
              : shnor_document_add_measure (self->document, self->programme_id, 0, title_text, &error);
  GtkWidget *title;

  if (!report (self, id != 0, error))
    return;
  load (self);
  select_measure (self, id);
  if (levels)
    {
      self->selected = id;
      shnor_level_table_focus (SHNOR_LEVEL_TABLE (self->level_table), id);
      return;
    }
  title = g_object_get_data (G_OBJECT (self->editor_grid), "title");
  if (title != NULL)
    {
      GtkWidget *input = shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (title));
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input));
      GtkTextIter start, end;

      gtk_widget_grab_focus (input);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_select_range (buffer, &start, &end);
    }
}

typedef gboolean (*MoveFunc) (ShnorDocument *, gint64, GError **);

static void
apply_move (ShnorRoadmapView *self,
            MoveFunc          func)
{
  g_autoptr(GError) error = NULL;

  if (self->selected == 0)
    return;
  if (report (self, func (self->document, self->selected, &error), error))
    {
      load (self);
      select_measure (self, self->selected);
    }
}

static gboolean
move_up (ShnorDocument *doc, gint64 id, GError **error)
{
  return shnor_document_move_measure (doc, id, -1, error);
}

static gboolean
move_down (ShnorDocument *doc, gint64 id, GError **error)
{
  return shnor_document_move_measure (doc, id, 1, error);
}

static void up_clicked (ShnorRoadmapView *self) { apply_move (self, move_up); }
static void down_clicked (ShnorRoadmapView *self) { apply_move (self, move_down); }
static void indent_clicked (ShnorRoadmapView *self) { apply_move (self, shnor_document_indent_measure); }
static void outdent_clicked (ShnorRoadmapView *self) { apply_move (self, shnor_document_outdent_measure); }

static void
delete_clicked (ShnorRoadmapView *self)
{
  g_autoptr(GError) error = NULL;
  const ShnorMeasure *m = find_measure (self, self->selected);
  g_autofree char *done = NULL;
  g_autofree char *text = NULL;

  if (m == NULL)
    return;
  text = shnor_measure_dup_text (m);
  /* TRANSLATORS: a toast after deleting a measure: its number and title */
  done = g_strdup_printf (m->has_children ? _("Measure %s “%s” deleted with its sub-measures")
                                          : _("Measure %s “%s” deleted"), m->number, text);
  if (report (self, shnor_document_delete_measure (self->document, self->selected, &error), error))
    shnor_toast (GTK_WIDGET (self), self->document, done);
}

static void
copy_clicked (ShnorRoadmapView *self)
{
  guint chosen = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->copy_from));
  g_autoptr(GError) error = NULL;
  int copied;

  if (chosen == GTK_INVALID_LIST_POSITION || chosen >= self->sources->len)
    return;
  copied = shnor_document_copy_measures (self->document, g_array_index (self->sources, gint64, chosen),
                                         self->programme_id, &error);
  gtk_popover_popdown (GTK_POPOVER (self->copy_popover));
  if (report (self, copied >= 0, error))
    {
      g_autofree char *done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d measure copied",
                                                            "%d measures copied", copied), copied);

      shnor_toast (GTK_WIDGET (self), self->document, done);
    }
}

/* The other programmes, for copying their measures */
static void
fill_sources (ShnorRoadmapView *self)
{
  g_autoptr(GListModel) programmes = shnor_document_get_programmes (self->document, TRUE);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  g_array_set_size (self->sources, 0);
  for (guint i = 0; i < g_list_model_get_n_items (programmes); i++)
    {
      g_autoptr(ShnorProgramme) p = g_list_model_get_item (programmes, i);
      gint64 id = shnor_programme_get_id (p);
      g_autofree char *text = NULL;

      if (id == self->programme_id)
        continue;
      {
        /* a long title is cut: the list stays as wide as the window */
        const char *title = shnor_programme_get_title (p);
        gboolean cut = g_utf8_strlen (title, -1) > 70;
        g_autofree char *head = cut ? g_utf8_substring (title, 0, 69) : NULL;
        g_autofree char *shown = cut ? g_strconcat (head, "…", NULL) : g_strdup (title);

        text = g_strdup_printf (_("%s (version %d)"), shown, shnor_programme_get_version (p));
      }
      g_array_append_val (self->sources, id);
      gtk_string_list_append (titles, text);
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->copy_from), G_LIST_MODEL (titles));
  gtk_widget_set_sensitive (self->copy_confirm, self->sources->len > 0);
}

/* The actions of the toolbar, also on keys while the list has the
 * focus (in the fields the keys edit the text). */
static void
activate (GtkWidget  *widget,
          const char *name,
          GVariant   *param)
{
  ShnorRoadmapView *self = SHNOR_ROADMAP_VIEW (widget);

  if (g_str_equal (name, "roadmap.add"))
    add_clicked (self);
  else if (g_str_equal (name, "roadmap.delete"))
    delete_clicked (self);
  else if (g_str_equal (name, "roadmap.up"))
    up_clicked (self);
  else if (g_str_equal (name, "roadmap.down"))
    down_clicked (self);
  else if (g_str_equal (name, "roadmap.indent"))
    indent_clicked (self);
  else
    outdent_clicked (self);
}

static const struct {
  const char      *action;
  guint            key;
  GdkModifierType  mods;
} keys[] = {
  { "roadmap.add", GDK_KEY_Insert, 0 }, { "roadmap.delete", GDK_KEY_Delete, 0 },
  { "roadmap.up", GDK_KEY_Up, GDK_ALT_MASK }, { "roadmap.down", GDK_KEY_Down, GDK_ALT_MASK },
  { "roadmap.indent", GDK_KEY_Right, GDK_ALT_MASK }, { "roadmap.outdent", GDK_KEY_Left, GDK_ALT_MASK },
};

static void
add_keys (ShnorRoadmapView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods), gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (self->list, controller);
}

/* ---- the editor of the selected measure -------------------------------- */

static void
field_commit (ShnorFieldEntry  *entry,
              const char       *text,
              ShnorRoadmapView *self)
{
  g_autoptr(GError) error = NULL;

  if (!shnor_document_set_measure_field (self->document, self->editing, shnor_field_entry_get_field (entry)->column,
                                         text, &error))
    {
      shnor_field_entry_set_error (entry, error->message);
      return;
    }
  shnor_field_entry_set_text (entry, text);
}

static void
status_changed (GtkDropDown      *drop,
                GParamSpec       *pspec,
                ShnorRoadmapView *self)
{
  const ShnorMeasure *m = find_measure (self, self->editing);
  guint selected = gtk_drop_down_get_selected (drop);
  g_autofree char *text = g_strdup_printf ("%u", selected);
  g_autoptr(GError) error = NULL;

  if (m == NULL || selected == (guint) m->status || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (!report (self, shnor_document_set_measure_field (self->document, self->editing, "status", text, &error), error))
    gtk_drop_down_set_selected (drop, m->status);
}

/* An action of the measure being edited, at the level of the entry */
static void
action_commit (ShnorFieldEntry  *entry,
               const char       *text,
               ShnorRoadmapView *self)
{
  guint level = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "shnor-level"));
  g_autoptr(GError) error = NULL;

  if (self->levels == NULL || level >= self->levels->len)
    return;
  if (!shnor_document_set_measure_action (self->document, self->editing,
                                          g_array_index (self->levels, ShnorRoadmapLevel, level).id, text, &error))
    {
      shnor_field_entry_set_error (entry, error->message);
      return;
    }
  shnor_field_entry_set_text (entry, text);
}

static void
link_toggled (GtkCheckButton   *check,
              ShnorRoadmapView *self)
{
  ShnorLink link = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "shnor-link"));
  gint64 target = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "shnor-target"));
  g_autoptr(GError) error = NULL;

  if (g_object_get_data (G_OBJECT (check), "shnor-filling"))
    return;
  report (self, shnor_document_set_measure_link (self->document, self->editing, link, target,
                                                 gtk_check_button_get_active (check), &error), error);
}

static void
add_person (GtkEntry         *entry,
            ShnorRoadmapView *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (entry)), ",", 3);
  gint64 id;

  /* "Name, position, organisation" */
  for (guint i = 0; parts[i]; i++)
    g_strstrip (parts[i]);
  id = shnor_document_add_person (self->document, parts[0] ? parts[0] : "", parts[0] && parts[1] ? parts[1] : "",
                                  parts[0] && parts[1] && parts[2] ? parts[2] : "", &error);
  if (!report (self, id != 0, error))
    return;
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  report (self, shnor_document_set_measure_link (self->document, self->editing, SHNOR_LINK_PERSON, id, TRUE, &error),
          error);
}

static GtkWidget *
check (const char *label,
       ShnorLink   link,
       gint64      target,
       gboolean    active,
       gboolean    sensitive,
       gpointer    self)
{
  /* long names (indicators) wrap rather than widen the window */
  GtkWidget *button = shnor_check_button_new_wrapped (label, link == SHNOR_LINK_INDICATOR ? 60 : 28);

  g_object_set_data (G_OBJECT (button), "shnor-link", GINT_TO_POINTER (link));
  g_object_set_data (G_OBJECT (button), "shnor-target", GSIZE_TO_POINTER ((gsize) target));
  g_object_set_data (G_OBJECT (button), "shnor-filling", GINT_TO_POINTER (1));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (button), active);
  g_object_set_data (G_OBJECT (button), "shnor-filling", NULL);
  gtk_widget_set_sensitive (button, sensitive);
  g_signal_connect (button, "toggled", G_CALLBACK (link_toggled), self);
  return button;
}

static gboolean
has_link (const ShnorMeasure *m,
          ShnorLink           link,
          gint64              id)
{
  for (guint i = 0; i < m->links[link]->len; i++)
    if (g_array_index (m->links[link], gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* The people list, the schools of the programme (all schools when it
 * has none), its indicators: a check button each. */
static GtkWidget *
link_box (ShnorRoadmapView   *self,
          const ShnorMeasure *m,
          ShnorLink           link)
{
  GtkWidget *box = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (box), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), link == SHNOR_LINK_INDICATOR ? 1 : 3);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (box), FALSE);
  if (link == SHNOR_LINK_PERSON)
    {
      g_autoptr(GArray) people = shnor_document_get_people (self->document);

      for (guint i = 0; i < people->len; i++)
        {
          const ShnorPerson *p = &g_array_index (people, ShnorPerson, i);
          GtkWidget *button = check (p->name, link, p->id, has_link (m, link, p->id), self->plan, self);
          g_autofree char *tip = g_strdup_printf ("%s, %s", p->position, p->organisation);

          gtk_widget_set_tooltip_text (button, tip);
          gtk_flow_box_append (GTK_FLOW_BOX (box), button);
        }
    }
  else if (link == SHNOR_LINK_SCHOOL)
    {
      g_autoptr(GArray) chosen = shnor_document_get_programme_schools (self->document, self->programme_id);
      GListModel *schools = shnor_document_get_schools (self->document);

      for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
        {
          g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);
          gint64 id = shnor_school_get_id (school);
          gboolean taking_part = chosen->len == 0;

          for (guint c = 0; c < chosen->len && !taking_part; c++)
            taking_part = g_array_index (chosen, gint64, c) == id;
          if (taking_part || has_link (m, link, id))
            gtk_flow_box_append (GTK_FLOW_BOX (box), check (shnor_school_get_display_name (school), link, id,
                                                            has_link (m, link, id), self->plan, self));
        }
    }
  else
    {
      g_autoptr(GArray) indicators = shnor_document_get_part (self->document, self->programme_id,
                                                              SHNOR_PART_INDICATOR);

      for (guint i = 0; i < indicators->len; i++)
        {
          const ShnorPartRow *row = &g_array_index (indicators, ShnorPartRow, i);

          gtk_flow_box_append (GTK_FLOW_BOX (box), check (row->texts[0], link, row->id, has_link (m, link, row->id),
                                                          self->plan, self));
        }
    }
  return box;
}

static void
mark_done (ShnorRoadmapView *self)
{
  const ShnorMeasure *m = find_measure (self, self->editing);
  g_autofree char *title = m ? shnor_measure_dup_label (m) : NULL;

  shnor_done_popover_popup (self->document, self->editing, title,
                            g_object_get_data (G_OBJECT (self->editor_grid), "done_button"));
}

static void
attach (ShnorRoadmapView *self,
        const char       *label,
        GtkWidget        *widget,
        int              *line)
{
  gtk_grid_attach (GTK_GRID (self->editor_grid), shnor_field_caption (label), 0, *line, 1, 1);
  gtk_grid_attach (GTK_GRID (self->editor_grid), widget, 1, *line, 1, 1);
  (*line)++;
}

static void
build_editor (ShnorRoadmapView   *self,
              const ShnorMeasure *m)
{
  guint n_fields;
  const ShnorField *fields = shnor_measure_fields (&n_fields);
  int line = 0;

  shnor_widget_remove_children (self->editor_grid);
  self->editing = m ? m->id : 0;
  gtk_widget_set_visible (self->empty_label, m == NULL);
  /* the list takes the whole height until a measure is chosen */
  gtk_widget_set_visible (gtk_widget_get_ancestor (self->editor_box, GTK_TYPE_SCROLLED_WINDOW), m != NULL);
  if (m == NULL)
    return;
  for (guint i = 0; i < n_fields; i++)
    {
      const ShnorField *field = &fields[i];
      GtkWidget *widget;

      if (g_str_equal (field->column, "status"))
        {
          const char *labels[SHNOR_N_MEASURE_STATUSES + 1] = { NULL };

          for (guint s = 0; s < SHNOR_N_MEASURE_STATUSES; s++)
            labels[s] = shnor_measure_status_label (s);
          widget = gtk_drop_down_new_from_strings (labels);
          gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), m->status);
          gtk_widget_set_sensitive (widget, self->execution);
          gtk_widget_set_halign (widget, GTK_ALIGN_START);
          g_signal_connect (widget, "notify::selected", G_CALLBACK (status_changed), self);
          {
            GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
            GtkWidget *done = gtk_button_new_with_mnemonic (_("_Done…"));

            gtk_widget_set_tooltip_text (done, _("Record that the measure is done: the date and the evidence"));
            gtk_widget_set_sensitive (done, self->execution && m->status != SHNOR_MEASURE_DONE);
            g_signal_connect_swapped (done, "clicked", G_CALLBACK (mark_done), self);
            g_object_set_data (G_OBJECT (self->editor_grid), "done_button", done);
            gtk_box_append (GTK_BOX (row), widget);
            gtk_box_append (GTK_BOX (row), done);
            g_object_set_data (G_OBJECT (self->editor_grid), "status", widget);
            attach (self, _(field->label), row, &line);
          }
          continue;
        }
      widget = shnor_field_entry_new (field, TRUE);
      shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (widget), m->texts[i]);
      shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (widget),
                                      shnor_measure_field_is_plan (field->column) ? self->plan : self->execution);
      g_signal_connect (widget, "commit", G_CALLBACK (field_commit), self);
      g_object_set_data (G_OBJECT (self->editor_grid), field->column, widget);
      attach (self, _(field->label), widget, &line);
      if (g_str_equal (field->column, "title"))
        {
          /* what each level does: a column each of the table by levels */
          static const ShnorField action_field = { "action", SHNOR_FIELD_LONG_TEXT, N_("Action"), 0, 0, FALSE,
                                                   NULL };

          for (guint l = 0; self->levels != NULL && l < self->levels->len; l++)
            {
              GtkWidget *action = shnor_field_entry_new (&action_field, TRUE);
              const char *name = g_array_index (self->levels, ShnorRoadmapLevel, l).name;
              g_autofree char *key = g_strdup_printf ("action-%u", l);

              shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (action), l < g_strv_length (m->actions) ? m->actions[l]
                                                                                                   : "");
              shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (action), self->plan);
              gtk_accessible_update_property (GTK_ACCESSIBLE (shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (action))),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
              g_object_set_data (G_OBJECT (action), "shnor-level", GUINT_TO_POINTER (l));
              g_signal_connect (action, "commit", G_CALLBACK (action_commit), self);
              g_object_set_data (G_OBJECT (self->editor_grid), key, action);
              attach (self, name, action, &line);
            }
        }
    }
  {
    GtkWidget *people = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
    GtkWidget *entry = gtk_entry_new ();

    gtk_box_append (GTK_BOX (people), link_box (self, m, SHNOR_LINK_PERSON));
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Add a person: name, position, organisation (Enter)"));
    gtk_widget_set_sensitive (entry, self->plan);
    g_signal_connect (entry, "activate", G_CALLBACK (add_person), self);
    g_object_set_data (G_OBJECT (self->editor_grid), "new_person", entry);
    gtk_box_append (GTK_BOX (people), entry);
    attach (self, _("Responsible"), people, &line);
  }
  attach (self, _("Schools"), link_box (self, m, SHNOR_LINK_SCHOOL), &line);
  attach (self, _("Target indicators"), link_box (self, m, SHNOR_LINK_INDICATOR), &line);
}

/* Puts the stored values into the editor shown, keeping the field being
 * typed into. */
static void
refresh_editor (ShnorRoadmapView   *self,
                const ShnorMeasure *m)
{
  guint n_fields;
  const ShnorField *fields = shnor_measure_fields (&n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *widget = g_object_get_data (G_OBJECT (self->editor_grid), fields[i].column);

      if (SHNOR_IS_FIELD_ENTRY (widget))
        shnor_field_entry_update (SHNOR_FIELD_ENTRY (widget), m->texts[i]);
    }
  for (guint l = 0; m->actions != NULL && m->actions[l] != NULL; l++)
    {
      g_autofree char *key = g_strdup_printf ("action-%u", l);
      GtkWidget *widget = g_object_get_data (G_OBJECT (self->editor_grid), key);

      if (SHNOR_IS_FIELD_ENTRY (widget))
        shnor_field_entry_update (SHNOR_FIELD_ENTRY (widget), m->actions[l]);
    }
}

/* ---- the list ---------------------------------------------------------- */

static void
clear_list (ShnorRoadmapView *self)
{
  self->selecting = TRUE;
  shnor_list_box_clear (self->list);
  self->selecting = FALSE;
}

static GtkWidget *
row_label (const char *text,
           gboolean    expand)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  if (expand)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
    }
  return label;
}

/* "просрочено" / "скоро срок": a word and a colour, readable in grey */
static GtkWidget *
due_badge (ShnorDue due)
{
  GtkWidget *badge = gtk_label_new (shnor_due_label (due));

  gtk_widget_add_css_class (badge, "badge");
  gtk_widget_add_css_class (badge, due == SHNOR_DUE_OVERDUE ? "due-overdue" : "due-soon");
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_set_visible (badge, due != SHNOR_DUE_NONE);
  return badge;
}

/* The texts of a row: its title, and each action that is not the title
 * again, under the name of its level; "(empty)" for a row not written
 * yet. */
static GtkWidget *
row_texts (ShnorRoadmapView   *self,
           const ShnorMeasure *m,
           GtkWidget         **title_out)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  const char *title = m->texts[shnor_measure_field_index ("title")];
  GtkWidget *first = NULL;

  if (title[0] != '\0')
    {
      first = row_label (title, TRUE);
      gtk_box_append (GTK_BOX (box), first);
    }
  for (guint l = 0; m->actions != NULL && m->actions[l] != NULL && self->levels && l < self->levels->len; l++)
    {
      g_autofree char *text = NULL;
      GtkWidget *line;

      if (m->actions[l][0] == '\0' || g_str_equal (m->actions[l], title))
        continue;
      text = g_strdup_printf ("%s: %s", g_array_index (self->levels, ShnorRoadmapLevel, l).name, m->actions[l]);
      line = row_label (text, TRUE);
      gtk_label_set_lines (GTK_LABEL (line), 1);
      if (first != NULL)
        gtk_widget_add_css_class (line, "dim-label");
      else
        first = line;
      gtk_box_append (GTK_BOX (box), line);
    }
  if (first == NULL)
    {
      first = row_label (_("(empty)"), TRUE);
      gtk_widget_add_css_class (first, "dim-label");
      gtk_box_append (GTK_BOX (box), first);
    }
  gtk_widget_set_hexpand (box, TRUE);
  *title_out = first;
  return box;
}

static GtkWidget *
row_box (ShnorRoadmapView   *self,
         const ShnorMeasure *m)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *number = row_label (m->number, FALSE);
  GtkWidget *title;
  GtkWidget *texts = row_texts (self, m, &title);
  g_autofree char *tip = shnor_measure_dup_text (m);
  g_autofree char *end_text = g_strdup (m->texts[shnor_measure_field_index ("end_month")]);
  GtkWidget *end = row_label (end_text, FALSE);
  GtkWidget *status = row_label (m->has_children ? "" : shnor_measure_status_label (m->status), FALSE);

  gtk_widget_set_margin_start (box, 6 + 18 * (int) m->depth);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_width_chars (GTK_LABEL (number), 5);
  if (m->has_children)
    {
      gtk_widget_add_css_class (number, "heading");
      gtk_widget_add_css_class (title, "heading");
    }
  gtk_widget_add_css_class (end, "numeric");
  gtk_widget_add_css_class (end, "dim-label");
  gtk_label_set_width_chars (GTK_LABEL (status), 10);
  gtk_widget_add_css_class (status, "dim-label");
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), due_badge (m->due));
  gtk_box_append (GTK_BOX (box), end);
  gtk_box_append (GTK_BOX (box), status);
  gtk_widget_set_tooltip_text (box, tip);
  return box;
}

static GtkWidget *
build_row (ShnorRoadmapView   *self,
           const ShnorMeasure *m)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), row_box (self, m));
  g_object_set_data (G_OBJECT (row), "shnor-id", GSIZE_TO_POINTER ((gsize) m->id));
  return row;
}

static void
update_buttons (ShnorRoadmapView *self)
{
  gboolean chosen = self->selected != 0;

  gtk_widget_set_sensitive (self->copy_button, self->plan);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), keys[i].action,
                                   self->plan && (chosen || g_str_equal (keys[i].action, "roadmap.add")));
}

static void
row_selected (ShnorRoadmapView *self,
              GtkListBoxRow    *row)
{
  if (self->selecting)
    return;
  self->selected = row ? (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "shnor-id")) : 0;
  build_editor (self, find_measure (self, self->selected));
  update_buttons (self);
}

static void
select_measure (ShnorRoadmapView *self,
                gint64            id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (self->list); row; row = gtk_widget_get_next_sibling (row))
    if ((gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "shnor-id")) == id)
      {
        gtk_list_box_select_row (GTK_LIST_BOX (self->list), GTK_LIST_BOX_ROW (row));
        return;
      }
}

/* ---- the measure tables ------------------------------------------------ */

static const ShnorMeasureTable *
shown_table (ShnorRoadmapView *self)
{
  for (guint i = 0; self->tables != NULL && i < self->tables->len; i++)
    if (g_array_index (self->tables, ShnorMeasureTable, i).id == self->table_id)
      return &g_array_index (self->tables, ShnorMeasureTable, i);
  return NULL;
}

static void
table_chosen (ShnorRoadmapView *self)
{
  guint chosen = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->table_drop));

  if (self->selecting || self->tables == NULL || chosen >= self->tables->len ||
      g_array_index (self->tables, ShnorMeasureTable, chosen).id == self->table_id)
    return;
  self->table_id = g_array_index (self->tables, ShnorMeasureTable, chosen).id;
  self->selected = 0;
  show_error (self, NULL);
  /* not inside the drop-down's own change: loading refills its list */
  if (self->idle == 0)
    self->idle = g_idle_add (load_idle, self);
}

static void
move_table (ShnorRoadmapView *self,
            int               delta)
{
  g_autoptr(GError) error = NULL;

  if (self->table_id != 0)
    report (self, shnor_document_move_measure_table (self->document, self->table_id, delta, &error), error);
}

static void table_up_clicked (ShnorRoadmapView *self) { move_table (self, -1); }
static void table_down_clicked (ShnorRoadmapView *self) { move_table (self, 1); }

static void
kind_clicked (GtkButton        *button,
              ShnorRoadmapView *self)
{
  ShnorTableKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "shnor-kind"));
  g_autoptr(GError) error = NULL;
  gint64 id = shnor_document_add_measure_table (self->document, self->programme_id, kind, &error);

  gtk_popover_popdown (GTK_POPOVER (self->table_add_popover));
  if (!report (self, id != 0, error))
    return;
  self->table_id = id;
  self->selected = 0;
  load (self);
  if (kind == SHNOR_TABLE_LEVELS)
    gtk_stack_set_visible_child_name (GTK_STACK (self->presentations), "levels");
}

static void
table_delete_shown (ShnorRoadmapView *self)
{
  const ShnorMeasureTable *table = shown_table (self);
  g_autofree char *text = NULL;

  if (table == NULL)
    return;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete the table “%s” and its %u measure? Undo "
                                       "(Ctrl+Z) brings them back.",
                                       "Delete the table “%s” and its %u measures? Undo (Ctrl+Z) brings them back.",
                                       self->measures ? self->measures->len : 0),
                          table->title, self->measures ? self->measures->len : 0);
  gtk_label_set_text (GTK_LABEL (self->table_delete_label), text);
}

static void
table_delete_clicked (ShnorRoadmapView *self)
{
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (GTK_POPOVER (self->table_delete_popover));
  if (self->table_id != 0)
    report (self, shnor_document_delete_measure_table (self->document, self->table_id, &error), error);
}

static void
table_text_commit (ShnorFieldEntry  *entry,
                   const char       *text,
                   ShnorRoadmapView *self)
{
  g_autoptr(GError) error = NULL;

  if (!shnor_document_set_measure_table_text (self->document, self->table_id,
                                              shnor_field_entry_get_field (entry)->column, text, &error))
    {
      shnor_field_entry_set_error (entry, error->message);
      return;
    }
  shnor_field_entry_set_text (entry, text);
}

static void
column_toggled (GtkCheckButton   *check,
                ShnorRoadmapView *self)
{
  const ShnorMeasureTable *table = shown_table (self);
  guint bit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "shnor-column"));
  g_autoptr(GError) error = NULL;
  guint columns;

  if (table == NULL || g_object_get_data (G_OBJECT (check), "shnor-filling"))
    return;
  columns = gtk_check_button_get_active (check) ? table->columns | bit : table->columns & ~bit;
  if (columns != table->columns &&
      !shnor_document_set_measure_table_columns (self->document, self->table_id, columns, &error))
    {
      GtkWidget *label = g_object_get_data (G_OBJECT (self->table_grid), "error");

      gtk_label_set_text (GTK_LABEL (label), error->message);
      gtk_widget_set_visible (label, TRUE);
      g_object_set_data (G_OBJECT (check), "shnor-filling", GINT_TO_POINTER (1));
      gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
      g_object_set_data (G_OBJECT (check), "shnor-filling", NULL);
    }
}

/* The title and introduction of the table shown, and its columns: what
 * its appendix prints. */
static void
fill_table_settings (ShnorRoadmapView *self)
{
  static const ShnorField fields[] = {
    { "title", SHNOR_FIELD_TEXT, N_("Title of the table"), 0, 0, TRUE, N_("Title") },
    { "intro", SHNOR_FIELD_LONG_TEXT, N_("Introduction"), 0, 0, FALSE, NULL },
  };
  const ShnorMeasureTable *table = shown_table (self);
  GtkWidget *columns, *error;
  int line = 0;

  if (table != NULL && GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self->table_grid), "shnor-table")) ==
                       (gsize) table->id)
    {
      /* the same table: its values in place, the field being typed into
       * keeps what is typed */
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          GtkWidget *entry = g_object_get_data (G_OBJECT (self->table_grid), fields[i].column);

          shnor_field_entry_update (SHNOR_FIELD_ENTRY (entry), i == 0 ? table->title : table->intro);
          shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (entry), self->plan);
        }
      for (ShnorMeasureColumn c = 0; c < SHNOR_N_COLUMNS; c++)
        {
          g_autofree char *key = g_strconcat ("column-", shnor_measure_column_key (c), NULL);
          GtkWidget *check = g_object_get_data (G_OBJECT (self->table_grid), key);

          g_object_set_data (G_OBJECT (check), "shnor-filling", GINT_TO_POINTER (1));
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (table->columns & SHNOR_COLUMN_BIT (c)) != 0);
          g_object_set_data (G_OBJECT (check), "shnor-filling", NULL);
          gtk_widget_set_sensitive (check, self->plan);
        }
      return;
    }
  shnor_widget_remove_children (self->table_grid);
  g_object_set_data (G_OBJECT (self->table_grid), "shnor-table", GSIZE_TO_POINTER ((gsize) (table ? table->id : 0)));
  if (table == NULL)
    return;
  columns = gtk_flow_box_new ();
  error = gtk_label_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *entry = shnor_field_entry_new (&fields[i], TRUE);

      shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (entry), i == 0 ? table->title : table->intro);
      shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (entry), self->plan);
      if (i == 1)
        {
          shnor_field_entry_set_min_height (SHNOR_FIELD_ENTRY (entry), 80);
          gtk_widget_set_tooltip_text (entry, _("A paragraph the documents print before the table"));
        }
      g_signal_connect (entry, "commit", G_CALLBACK (table_text_commit), self);
      g_object_set_data (G_OBJECT (self->table_grid), fields[i].column, entry);
      gtk_grid_attach (GTK_GRID (self->table_grid), shnor_field_caption (_(fields[i].short_label ? fields[i].short_label
                                                                                                 : fields[i].label)),
                       0, line, 1, 1);
      gtk_grid_attach (GTK_GRID (self->table_grid), entry, 1, line++, 1, 1);
    }
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (columns), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (columns), 3);
  for (ShnorMeasureColumn c = 0; c < SHNOR_N_COLUMNS; c++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (shnor_measure_column_label (c));
      g_autofree char *key = g_strconcat ("column-", shnor_measure_column_key (c), NULL);

      g_object_set_data (G_OBJECT (check), "shnor-column", GUINT_TO_POINTER (SHNOR_COLUMN_BIT (c)));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (table->columns & SHNOR_COLUMN_BIT (c)) != 0);
      gtk_widget_set_sensitive (check, self->plan);
      g_signal_connect (check, "toggled", G_CALLBACK (column_toggled), self);
      g_object_set_data (G_OBJECT (self->table_grid), key, check);
      gtk_flow_box_append (GTK_FLOW_BOX (columns), check);
    }
  gtk_grid_attach (GTK_GRID (self->table_grid), shnor_field_caption (_("Columns")), 0, line, 1, 1);
  gtk_grid_attach (GTK_GRID (self->table_grid), columns, 1, line++, 1, 1);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  g_object_set_data (G_OBJECT (self->table_grid), "error", error);
  gtk_grid_attach (GTK_GRID (self->table_grid), error, 0, line, 2, 1);
}

static void
table_settings_shown (ShnorRoadmapView *self)
{
  GtkWidget *error = g_object_get_data (G_OBJECT (self->table_grid), "error");

  if (error != NULL)
    gtk_widget_set_visible (error, FALSE);
}

static gboolean
same_strings (GListModel *a,
              GListModel *b)
{
  guint n = a ? g_list_model_get_n_items (a) : 0;

  if (a == NULL || n != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (a), i),
                   gtk_string_list_get_string (GTK_STRING_LIST (b), i)) != 0)
      return FALSE;
  return TRUE;
}

/* The tables in the drop-down, the one shown chosen */
static void
fill_tables (ShnorRoadmapView *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint chosen = GTK_INVALID_LIST_POSITION;
  const ShnorMeasureTable *table;

  for (guint i = 0; i < self->tables->len; i++)
    {
      const ShnorMeasureTable *t = &g_array_index (self->tables, ShnorMeasureTable, i);
      g_autofree char *text = g_strdup_printf ("%u. %s", i + 1, t->title);

      gtk_string_list_append (titles, text);
      if (t->id == self->table_id)
        chosen = i;
    }
  self->selecting = TRUE;
  if (!same_strings (gtk_drop_down_get_model (GTK_DROP_DOWN (self->table_drop)), G_LIST_MODEL (titles)))
    gtk_drop_down_set_model (GTK_DROP_DOWN (self->table_drop), G_LIST_MODEL (titles));
  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->table_drop)) != chosen)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->table_drop), chosen);
  self->selecting = FALSE;
  table = shown_table (self);
  gtk_label_set_text (GTK_LABEL (self->table_intro_label), table ? table->intro : "");
  gtk_widget_set_visible (self->table_intro_label, table != NULL && table->intro[0] != '\0');
  gtk_widget_set_sensitive (self->table_drop, self->tables->len > 0);
  gtk_widget_set_sensitive (self->table_settings_button, table != NULL);
  gtk_widget_set_sensitive (self->table_add_button, self->plan);
  gtk_widget_set_sensitive (self->table_delete_button, self->plan && table != NULL);
  gtk_widget_set_sensitive (self->table_up_button, self->plan && chosen != GTK_INVALID_LIST_POSITION && chosen > 0);
  gtk_widget_set_sensitive (self->table_down_button, self->plan && chosen != GTK_INVALID_LIST_POSITION &&
                                                     chosen + 1 < self->tables->len);
  fill_table_settings (self);
}

static void
level_table_selected (ShnorRoadmapView *self,
                      gint64            id)
{
  if (id == self->selected)
    return;
  select_measure (self, id);
  self->selected = id;
  update_buttons (self);
}

/* ---- the levels --------------------------------------------------------- */

static void fill_levels (ShnorRoadmapView *self);

static void
show_levels_error (ShnorRoadmapView *self,
                   GError           *error)
{
  gtk_label_set_text (GTK_LABEL (self->levels_error), error ? error->message : "");
  gtk_widget_set_visible (self->levels_error, error != NULL);
}

static void
level_commit (ShnorFieldEntry  *entry,
              const char       *text,
              ShnorRoadmapView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), "shnor-level"));
  g_autoptr(GError) error = NULL;

  if (!shnor_document_rename_level (self->document, id, text, &error))
    {
      shnor_field_entry_set_error (entry, error->message);
      return;
    }
  shnor_field_entry_set_text (entry, text);
}

static void
level_button (GtkButton        *button,
              ShnorRoadmapView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "shnor-level"));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "shnor-delta"));
  g_autoptr(GError) error = NULL;
  gboolean ok = delta != 0 ? shnor_document_move_level (self->document, id, delta, &error)
                           : shnor_document_delete_level (self->document, id, &error);

  show_levels_error (self, ok ? NULL : error);
  if (ok)
    fill_levels (self);
}

static void
level_added (ShnorRoadmapView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = shnor_document_add_level (self->document, gtk_editable_get_text (GTK_EDITABLE (self->new_level)),
                                        &error);

  show_levels_error (self, id != 0 ? NULL : error);
  if (id == 0)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->new_level), "");
  fill_levels (self);
}

static GtkWidget *
level_icon (gint64            id,
            const char       *icon,
            const char       *tip,
            int               delta,
            gboolean          sensitive,
            ShnorRoadmapView *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (button), "shnor-level", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data (G_OBJECT (button), "shnor-delta", GINT_TO_POINTER (delta));
  g_signal_connect (button, "clicked", G_CALLBACK (level_button), self);
  return button;
}

/* A row per level: its name, up, down, delete */
static void
fill_levels (ShnorRoadmapView *self)
{
  static const ShnorField name_field = { "name", SHNOR_FIELD_TEXT, N_("Level"), 0, 0, TRUE, NULL };
  g_autoptr(GArray) levels = shnor_document_get_levels (self->document);
  gboolean writable = !shnor_document_get_read_only (self->document);

  shnor_widget_remove_children (self->levels_grid);
  for (guint i = 0; i < levels->len; i++)
    {
      const ShnorRoadmapLevel *level = &g_array_index (levels, ShnorRoadmapLevel, i);
      GtkWidget *entry = shnor_field_entry_new (&name_field, TRUE);
      g_autofree char *remove = g_strdup_printf (_("Delete the level “%s”"), level->name);

      shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (entry), level->name);
      shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (entry), writable);
      gtk_widget_set_size_request (entry, 360, -1);
      g_object_set_data (G_OBJECT (entry), "shnor-level", GSIZE_TO_POINTER ((gsize) level->id));
      g_signal_connect (entry, "commit", G_CALLBACK (level_commit), self);
      gtk_grid_attach (GTK_GRID (self->levels_grid), entry, 0, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (self->levels_grid),
                       level_icon (level->id, "go-up-symbolic", _("Move the level up"), -1, writable && i > 0, self),
                       1, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (self->levels_grid),
                       level_icon (level->id, "go-down-symbolic", _("Move the level down"), 1,
                                   writable && i + 1 < levels->len, self), 2, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (self->levels_grid),
                       level_icon (level->id, "user-trash-symbolic", remove, 0, writable, self), 3, (int) i, 1, 1);
    }
  gtk_widget_set_sensitive (self->new_level, writable);
}

static void
levels_shown (ShnorRoadmapView *self)
{
  show_levels_error (self, NULL);
  if (self->document != NULL)
    fill_levels (self);
}

/* ---- the people list ---------------------------------------------------- */

static void fill_people (ShnorRoadmapView *self);

static void
person_commit (ShnorFieldEntry  *entry,
               const char       *text,
               ShnorRoadmapView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), "shnor-person"));
  g_autoptr(GError) error = NULL;

  if (!shnor_document_set_person_field (self->document, id, shnor_field_entry_get_field (entry)->column, text,
                                        &error))
    {
      shnor_field_entry_set_error (entry, error->message);
      return;
    }
  shnor_field_entry_set_text (entry, text);
}

static void
person_delete (GtkButton        *button,
               ShnorRoadmapView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "shnor-person"));
  g_autoptr(GError) error = NULL;
  gboolean ok = shnor_document_delete_person (self->document, id, &error);

  gtk_label_set_text (GTK_LABEL (self->people_error), ok ? "" : error->message);
  gtk_widget_set_visible (self->people_error, !ok);
  if (ok)
    fill_people (self);
}

/* A row of entries per person: name, position, organisation; and the
 * delete button. */
static void
fill_people (ShnorRoadmapView *self)
{
  g_autoptr(GArray) people = shnor_document_get_people (self->document);
  guint n_fields;
  const ShnorField *fields = shnor_person_fields (&n_fields);
  gboolean writable = !shnor_document_get_read_only (self->document);

  shnor_widget_remove_children (self->people_grid);
  for (guint c = 0; c < n_fields; c++)
    gtk_grid_attach (GTK_GRID (self->people_grid), shnor_field_caption (_(fields[c].label)), (int) c, 0, 1, 1);
  for (guint r = 0; r < people->len; r++)
    {
      const ShnorPerson *p = &g_array_index (people, ShnorPerson, r);
      const char *texts[] = { p->name, p->position, p->organisation };
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = g_strdup_printf (_("Delete %s from the list"), p->name);

      for (guint c = 0; c < n_fields && c < G_N_ELEMENTS (texts); c++)
        {
          GtkWidget *entry = shnor_field_entry_new (&fields[c], FALSE);

          shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (entry), texts[c]);
          shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (entry), writable);
          /* wide enough for «Воробьёва Татьяна Сергеевна», «заместитель
           * начальника управления», «Управление образования» */
          gtk_widget_set_size_request (entry, c == 0 ? 260 : 250, -1);
          g_object_set_data (G_OBJECT (entry), "shnor-person", GSIZE_TO_POINTER ((gsize) p->id));
          g_signal_connect (entry, "commit", G_CALLBACK (person_commit), self);
          gtk_grid_attach (GTK_GRID (self->people_grid), entry, (int) c, (int) r + 1, 1, 1);
        }
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_sensitive (remove, writable);
      g_object_set_data (G_OBJECT (remove), "shnor-person", GSIZE_TO_POINTER ((gsize) p->id));
      g_signal_connect (remove, "clicked", G_CALLBACK (person_delete), self);
      gtk_grid_attach (GTK_GRID (self->people_grid), remove, (int) n_fields, (int) r + 1, 1, 1);
    }
}

static void
people_shown (ShnorRoadmapView *self)
{
  gtk_widget_set_visible (self->people_error, FALSE);
  if (self->document != NULL)
    fill_people (self);
}

/* ---- loading ------------------------------------------------------------ */

static gboolean
same_order (GArray *a,
            GArray *b)
{
  if (a == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, ShnorMeasure, i).id != g_array_index (b, ShnorMeasure, i).id ||
        g_strcmp0 (g_array_index (a, ShnorMeasure, i).number, g_array_index (b, ShnorMeasure, i).number) != 0)
      return FALSE;
  return TRUE;
}

static void
fill_summary (ShnorRoadmapView *self)
{
  guint overdue = 0, soon = 0, done = 0, measures = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->measures->len; i++)
    {
      const ShnorMeasure *m = &g_array_index (self->measures, ShnorMeasure, i);

      if (m->has_children)
        continue;
      measures++;
      overdue += m->due == SHNOR_DUE_OVERDUE;
      soon += m->due == SHNOR_DUE_SOON;
      done += m->status == SHNOR_MEASURE_DONE;
    }
  /* TRANSLATORS: measures of a road map, and how many are done, overdue, due soon */
  text = g_strdup_printf (_("Measures: %u; done: %u; overdue: %u; due soon: %u"), measures, done, overdue, soon);
  gtk_label_set_text (GTK_LABEL (self->summary_label), text);
}

static gboolean
same_levels (GArray *a,
             GArray *b)
{
  if (a == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, ShnorRoadmapLevel, i).id != g_array_index (b, ShnorRoadmapLevel, i).id ||
        g_strcmp0 (g_array_index (a, ShnorRoadmapLevel, i).name, g_array_index (b, ShnorRoadmapLevel, i).name) != 0)
      return FALSE;
  return TRUE;
}

/* The measures of the table shown, moved out of @all */
static GArray *
table_measures (ShnorRoadmapView *self,
                GArray           *all)
{
  GArray *mine = g_array_new (FALSE, TRUE, sizeof (ShnorMeasure));

  g_array_set_clear_func (mine, (GDestroyNotify) shnor_measure_clear);
  for (guint i = 0; i < all->len; i++)
    {
      ShnorMeasure *m = &g_array_index (all, ShnorMeasure, i);

      if (m->table_id == self->table_id)
        {
          g_array_append_val (mine, *m);
          memset (m, 0, sizeof *m);
        }
    }
  return mine;
}

static void
load (ShnorRoadmapView *self)
{
  g_autoptr(ShnorProgramme) programme = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) measures = NULL;
  g_autoptr(GArray) levels = NULL;
  gboolean plan, execution, same;
  ShnorProgrammeStatus status;
  gint64 table_was = self->table_id;

  g_clear_handle_id (&self->idle, g_source_remove);
  if (self->document == NULL || self->programme_id == 0 ||
      (programme = shnor_document_dup_programme (self->document, self->programme_id)) == NULL)
    return;
  status = shnor_programme_get_status (programme);
  plan = !shnor_document_get_read_only (self->document) && status == SHNOR_PROGRAMME_DRAFT;
  execution = !shnor_document_get_read_only (self->document) && status != SHNOR_PROGRAMME_ARCHIVED;
  g_clear_pointer (&self->tables, g_array_unref);
  self->tables = shnor_document_get_measure_tables (self->document, self->programme_id);
  if (shown_table (self) == NULL)
    self->table_id = self->tables->len > 0 ? g_array_index (self->tables, ShnorMeasureTable, 0).id : 0;
  levels = shnor_document_get_levels (self->document);
  all = shnor_document_get_roadmap (self->document, self->programme_id, NULL);
  measures = table_measures (self, all);
  same = same_order (self->measures, measures) && plan == self->plan && execution == self->execution &&
         same_levels (self->levels, levels) && table_was == self->table_id;
  self->plan = plan;
  self->execution = execution;
  g_clear_pointer (&self->levels, g_array_unref);
  self->levels = g_steal_pointer (&levels);
  g_clear_pointer (&self->measures, g_array_unref);
  self->measures = g_steal_pointer (&measures);
  fill_tables (self);
  fill_summary (self);
  shnor_level_table_show (SHNOR_LEVEL_TABLE (self->level_table), self->document, self->measures, plan);
  fill_sources (self);
  if (same)
    {
      /* the rows' texts, and the editor, in place */
      GtkWidget *row = gtk_widget_get_first_child (self->list);

      for (guint i = 0; i < self->measures->len && row; i++, row = gtk_widget_get_next_sibling (row))
        gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row),
                                    row_box (self, &g_array_index (self->measures, ShnorMeasure, i)));
      if (find_measure (self, self->editing) != NULL)
        refresh_editor (self, find_measure (self, self->editing));
      return;
    }
  clear_list (self);
  self->selecting = TRUE;
  for (guint i = 0; i < self->measures->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), build_row (self, &g_array_index (self->measures, ShnorMeasure, i)));
  self->selecting = FALSE;
  if (find_measure (self, self->selected) == NULL)
    self->selected = 0;
  gtk_label_set_text (GTK_LABEL (self->empty_label),
                      self->table_id == 0 ? (plan ? _("The programme has no measure tables: add one with the + "
                                                      "beside “Measure table”.")
                                                  : _("The programme has no measure tables."))
                      : self->measures->len == 0 ? (plan ? _("No measures yet: add the first with + (Insert).")
                                                         : _("The table has no measures."))
                                                 : _("Select a measure to see and edit it."));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->placeholder),
                                   plan ? _("Add the first with the + button or the Insert key.")
                                        : _("The plan of an approved programme cannot be changed."));
  if (self->selected != 0)
    select_measure (self, self->selected);
  else
    build_editor (self, NULL);
  update_buttons (self);
}

static gboolean
load_idle (gpointer data)
{
  ShnorRoadmapView *self = data;

  self->idle = 0;
  load (self);
  return G_SOURCE_REMOVE;
}

static void
document_changed (ShnorDocument    *document,
                  const char       *table,
                  gint64            rowid,
                  ShnorRoadmapView *self)
{
  /* an undo, say: the list as it is now, unless a name is being typed */
  if (g_str_equal (table, "person") && gtk_widget_get_visible (self->people_popover) &&
      gtk_widget_get_focus_child (self->people_grid) == NULL)
    fill_people (self);
  if (g_str_equal (table, "roadmap_level") && gtk_widget_get_visible (self->levels_popover) &&
      gtk_widget_get_focus_child (self->levels_grid) == NULL)
    fill_levels (self);
  if (self->idle == 0 && self->programme_id != 0 &&
      (g_str_has_prefix (table, "measure") || g_str_equal (table, "person") || g_str_equal (table, "programme") ||
       g_str_equal (table, "programme_indicator") || g_str_equal (table, "programme_school") ||
       g_str_equal (table, "school") || g_str_equal (table, "roadmap_level")))
    self->idle = g_idle_add (load_idle, self);
}

static void
shnor_roadmap_view_dispose (GObject *object)
{
  ShnorRoadmapView *self = SHNOR_ROADMAP_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->idle, g_source_remove);
  shnor_roadmap_view_set_programme (self, NULL, 0);
  g_clear_pointer (&self->measures, g_array_unref);
  g_clear_pointer (&self->tables, g_array_unref);
  g_clear_pointer (&self->levels, g_array_unref);
  g_clear_pointer (&self->sources, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHNOR_TYPE_ROADMAP_VIEW);
  /* the template's box is not a bound child */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (shnor_roadmap_view_parent_class)->dispose (object);
}

static void
shnor_roadmap_view_class_init (ShnorRoadmapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_roadmap_view_dispose;
  g_type_ensure (SHNOR_TYPE_LEVEL_TABLE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-roadmap-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ShnorRoadmapView, name)
  BIND (toolbar); BIND (add_button); BIND (delete_button); BIND (up_button); BIND (down_button);
  BIND (outdent_button); BIND (indent_button); BIND (copy_button); BIND (summary_label); BIND (error_label);
  BIND (presentations); BIND (list); BIND (editor_box); BIND (empty_label); BIND (editor_grid); BIND (level_table);
  BIND (copy_popover); BIND (copy_from); BIND (copy_confirm); BIND (people_button); BIND (people_popover); BIND (people_grid);
  BIND (people_error); BIND (tables_bar); BIND (table_drop); BIND (table_settings_button); BIND (table_up_button);
  BIND (table_down_button); BIND (table_add_button); BIND (table_delete_button); BIND (table_intro_label);
  BIND (table_popover); BIND (table_grid); BIND (table_add_popover); BIND (table_kinds); BIND (table_delete_popover);
  BIND (table_delete_label); BIND (table_delete_confirm); BIND (levels_button); BIND (levels_popover); BIND (levels_grid); BIND (levels_error);
  BIND (new_level);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked);
  gtk_widget_class_bind_template_callback (widget_class, table_chosen);
  gtk_widget_class_bind_template_callback (widget_class, table_up_clicked);
  gtk_widget_class_bind_template_callback (widget_class, table_down_clicked);
  gtk_widget_class_bind_template_callback (widget_class, table_delete_shown);
  gtk_widget_class_bind_template_callback (widget_class, table_delete_clicked);
  gtk_widget_class_bind_template_callback (widget_class, table_settings_shown);
  gtk_widget_class_bind_template_callback (widget_class, level_table_selected);
  gtk_widget_class_bind_template_callback (widget_class, levels_shown);
  gtk_widget_class_bind_template_callback (widget_class, level_added);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_install_action (widget_class, keys[i].action, NULL, activate);
  gtk_widget_class_bind_template_callback (widget_class, row_selected);
  gtk_widget_class_bind_template_callback (widget_class, people_shown);
}

static void
shnor_roadmap_view_init (ShnorRoadmapView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->sources = g_array_new (FALSE, FALSE, sizeof (gint64));
  add_keys (self);
  shnor_remember_paned (gtk_widget_get_ancestor (self->editor_box, GTK_TYPE_PANED), "roadmap-pane");
  shnor_list_single_tab_stop (self->list);
  /* an empty road map says so in the list's place */
  self->placeholder = shnor_status_page_new ("view-list-bullet-symbolic", _("No measures yet"), NULL);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->list), self->placeholder);
  for (ShnorTableKind kind = 0; kind < SHNOR_N_TABLE_KINDS; kind++)
    {
      GtkWidget *button = gtk_button_new_with_label (shnor_table_kind_label (kind));

      gtk_widget_add_css_class (button, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      g_object_set_data (G_OBJECT (button), "shnor-kind", GINT_TO_POINTER (kind));
      g_signal_connect (button, "clicked", G_CALLBACK (kind_clicked), self);
      gtk_box_append (GTK_BOX (self->table_kinds), button);
    }
}

void
shnor_roadmap_view_set_programme (ShnorRoadmapView *self,
                                  ShnorDocument    *document,
                                  gint64            programme_id)
{
  g_return_if_fail (SHNOR_IS_ROADMAP_VIEW (self));

  shnor_watch_document (&self->document, document, G_CALLBACK (document_changed), self);
  if (self->programme_id != programme_id)
    {
      self->programme_id = programme_id;
      self->selected = 0;
      self->table_id = 0;
      g_clear_pointer (&self->measures, g_array_unref);
      show_error (self, NULL);
    }
  if (document == NULL || programme_id == 0)
    {
      g_clear_handle_id (&self->idle, g_source_remove);
      clear_list (self);
      build_editor (self, NULL);
      shnor_level_table_show (SHNOR_LEVEL_TABLE (self->level_table), NULL, NULL, FALSE);
      return;
    }
  load (self);
}

/* For tests: select a measure, and the editor's widgets */
void
shnor_roadmap_view_select (ShnorRoadmapView *self,
                           gint64            id)
{
  g_return_if_fail (SHNOR_IS_ROADMAP_VIEW (self));
  select_measure (self, id);
}

gint64
shnor_roadmap_view_get_selected (ShnorRoadmapView *self)
{
  g_return_val_if_fail (SHNOR_IS_ROADMAP_VIEW (self), 0);
  return self->selected;
}

GtkWidget *
shnor_roadmap_view_get_editor_field (ShnorRoadmapView *self,
                                     const char       *name)
{
  g_return_val_if_fail (SHNOR_IS_ROADMAP_VIEW (self), NULL);
  return g_object_get_data (G_OBJECT (self->editor_grid), name);
}

GtkWidget *
shnor_roadmap_view_get_child (ShnorRoadmapView *self,
                              const char       *name)
{
  g_return_val_if_fail (SHNOR_IS_ROADMAP_VIEW (self), NULL);
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SHNOR_TYPE_ROADMAP_VIEW, name));
}

/* For tests: the table by levels, a line a row, cells tab-separated. */
char *
shnor_roadmap_view_dup_table (ShnorRoadmapView *self)
{
  g_return_val_if_fail (SHNOR_IS_ROADMAP_VIEW (self), NULL);
  return shnor_level_table_dup_text (SHNOR_LEVEL_TABLE (self->level_table));
}

/* For tests: the cell of @measure in the table by levels at the @level-th
 * level (or SHNOR_LEVEL_TABLE_TITLE, SHNOR_LEVEL_TABLE_PERIOD) */
GtkWidget *
shnor_roadmap_view_get_level_cell (ShnorRoadmapView *self,
                                   gint64            measure,
                                   int               level)
{
  g_return_val_if_fail (SHNOR_IS_ROADMAP_VIEW (self), NULL);
  return shnor_level_table_get_cell (SHNOR_LEVEL_TABLE (self->level_table), measure, level);
}

/* For tests: the measure table shown */
gint64
shnor_roadmap_view_get_table (ShnorRoadmapView *self)
{
  g_return_val_if_fail (SHNOR_IS_ROADMAP_VIEW (self), 0);
  return self->table_id;
}

/* Shows the measure table @table_id of the programme */
void
shnor_roadmap_view_show_table (ShnorRoadmapView *self,
                               gint64            table_id)
{
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (SHNOR_IS_ROADMAP_VIEW (self));
  for (guint i = 0; self->tables != NULL && i < self->tables->len; i++)
    if (g_array_index (self->tables, ShnorMeasureTable, i).id == table_id)
      position = i;
  /* choosing it loads the table (and the list of tables again) */
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->table_drop), position);
}
