/* shnor-staff-view.c: four tables edited in place — the teachers (the
 * people list of the file, with their school and subjects), mentoring
 * pairs, courses and partner organisations — each with a line below it
 * that adds a row. A refusal is said under the table and changes nothing. */
#define G_LOG_DOMAIN "shnor-staff-view"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-document-network.h"
#include "shnor-field-table.h"
#include "shnor-staff-view.h"
#include "shnor-widgets.h"

struct _ShnorStaffView
{
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  GtkWidget     *teachers_box;
  GtkWidget     *teacher_name;
  GtkWidget     *teacher_position;
  GtkWidget     *teacher_school;
  GtkWidget     *mentoring_box;
  GtkWidget     *mentor_drop;
  GtkWidget     *mentee_drop;
  GtkWidget     *courses_box;
  GtkWidget     *course_person;
  GtkWidget     *course_title;
  GtkWidget     *organisations_box;
  GtkWidget     *organisation_name;
  GtkWidget     *organisation_kind;
  GtkWidget     *error_label;

  GtkWidget     *teachers;       /* ShnorFieldTable */
  GtkWidget     *mentoring;
  GtkWidget     *courses;
  GtkWidget     *organisations;
  ShnorDocument *document;
  GArray        *school_ids;     /* of the school lists: 0 first (none) */
  GArray        *person_ids;     /* of the people lists */
  char          *schools_key;    /* the school list the teachers' table was built with */
  guint          idle;
};

G_DEFINE_FINAL_TYPE (ShnorStaffView, shnor_staff_view, GTK_TYPE_WIDGET)

static const ShnorField school_field = { "school_id", SHNOR_FIELD_CHOICE, N_("School"), 0, 0, FALSE, NULL };

static void load (ShnorStaffView *self);

static gboolean
writable (ShnorStaffView *self)
{
  return self->document != NULL && !shnor_document_get_read_only (self->document);
}

static void
say (ShnorStaffView *self,
     GError         *error)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), error ? error->message : "");
  gtk_widget_set_visible (self->error_label, error != NULL);
}


/* ---- storing ------------------------------------------------------------- */

static gboolean
store_teacher (gpointer     data,
               gint64       id,
               const char  *column,
               const char  *text,
               GError     **error)
{
  ShnorStaffView *self = data;

  if (g_str_equal (column, "school_id"))
    return shnor_document_set_person_school (self->document, id, g_ascii_strtoll (text, NULL, 10), error);
  if (g_str_equal (column, "subjects"))
    return shnor_document_set_staff_field (self->document, id, column, text, error);
  return shnor_document_set_person_field (self->document, id, column, text, error);
}

static void
delete_teacher (gpointer data,
                gint64   id)
{
  ShnorStaffView *self = data;
  g_autoptr(GError) error = NULL;

  if (!shnor_document_delete_person (self->document, id, &error))
    shnor_widget_show_error (GTK_WIDGET (self), _("Could not delete the person"), error);
}

static gboolean
store_mentoring (gpointer     data,
                 gint64       id,
                 const char  *column,
                 const char  *text,
                 GError     **error)
{
  return shnor_document_set_mentoring_field (((ShnorStaffView *) data)->document, id, column, text, error);
}

static void
delete_mentoring (gpointer data,
                  gint64   id)
{
  ShnorStaffView *self = data;
  g_autoptr(GError) error = NULL;

  if (!shnor_document_delete_mentoring (self->document, id, &error))
    shnor_widget_show_error (GTK_WIDGET (self), _("Could not delete the mentoring pair"), error);
}

static gboolean
store_course (gpointer     data,
              gint64       id,
              const char  *column,
              const char  *text,
              GError     **error)
{
  return shnor_document_set_course_field (((ShnorStaffView *) data)->document, id, column, text, error);
}

static void
delete_course (gpointer data,
               gint64   id)
{
  ShnorStaffView *self = data;
  g_autoptr(GError) error = NULL;

  if (!shnor_document_delete_course (self->document, id, &error))
    shnor_widget_show_error (GTK_WIDGET (self), _("Could not delete the course"), error);
}

static gboolean
store_organisation (gpointer     data,
                    gint64       id,
                    const char  *column,
                    const char  *text,
                    GError     **error)
{
  return shnor_document_set_organisation_field (((ShnorStaffView *) data)->document, id, column, text, error);
}

static void
delete_organisation (gpointer data,
                     gint64   id)
{
  ShnorStaffView *self = data;
  g_autoptr(GError) error = NULL;

  if (!shnor_document_delete_organisation (self->document, id, &error))
    shnor_widget_show_error (GTK_WIDGET (self), _("Could not delete the organisation"), error);
}

/* ---- the tables ------------------------------------------------------------ */

static GtkWidget *
new_table (const ShnorField  *fields,
           guint              n_fields,
           const char        *lead,
           ShnorFieldStore    store,
           ShnorFieldDelete   delete_row,
           const char        *delete_tooltip,
           const char        *placeholder,
           ShnorStaffView    *self)
{
  GtkWidget *table = shnor_field_table_new (FALSE);

  for (guint i = 0; i < n_fields; i++)
    shnor_field_table_add_column (SHNOR_FIELD_TABLE (table), &fields[i], i,
                                  fields[i].kind == SHNOR_FIELD_CHOICE ? shnor_network_dup_choices (&fields[i]) : NULL,
                                  NULL);
  if (lead != NULL)
    shnor_field_table_set_lead (SHNOR_FIELD_TABLE (table), lead);
  shnor_field_table_set_handlers (SHNOR_FIELD_TABLE (table), store, delete_row, delete_tooltip, self);
  shnor_field_table_set_placeholder (SHNOR_FIELD_TABLE (table), placeholder);
  return table;
}

/* The teachers' table has a column of schools: it is made again when the
 * registry changes. */
static void
build_teachers (ShnorStaffView *self,
                GStrv           labels,
                GStrv           values)
{
  guint n;
  const ShnorField *person = shnor_person_fields (&n);
  const ShnorField *staff = shnor_staff_fields (&n);

  if (self->teachers != NULL)
    gtk_box_remove (GTK_BOX (self->teachers_box), self->teachers);
  self->teachers = shnor_field_table_new (FALSE);
  shnor_field_table_add_column (SHNOR_FIELD_TABLE (self->teachers), &person[0], 0, NULL, NULL);
  shnor_field_table_add_column (SHNOR_FIELD_TABLE (self->teachers), &person[1], 1, NULL, NULL);
  shnor_field_table_add_column (SHNOR_FIELD_TABLE (self->teachers), &school_field, 2, g_strdupv (labels),
                                g_strdupv (values));
  shnor_field_table_add_column (SHNOR_FIELD_TABLE (self->teachers), &staff[0], 3, NULL, NULL);
  /* the position takes its share of the room like the name and the
   * subjects: «учитель русского языка и литературы» is whole at 1600 px */
  shnor_field_table_set_handlers (SHNOR_FIELD_TABLE (self->teachers), store_teacher, delete_teacher,
                                  _("Delete the person from the people list"), self);
  shnor_field_table_set_placeholder (SHNOR_FIELD_TABLE (self->teachers), _("Nobody in the people list yet."));
  gtk_box_append (GTK_BOX (self->teachers_box), self->teachers);
}

static void
fill_schools (ShnorStaffView *self)
{
  GListModel *schools = shnor_document_get_schools (self->document);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_auto(GStrv) label_strv = NULL;
  g_auto(GStrv) value_strv = NULL;
  g_autofree char *key = NULL;
  gint64 none = 0;

  g_array_set_size (self->school_ids, 0);
  g_array_append_val (self->school_ids, none);
  g_strv_builder_add (labels, _("Not at a school of the file"));
  g_strv_builder_add (values, "0");
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);
      gint64 id = shnor_school_get_id (school);
      g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_array_append_val (self->school_ids, id);
      g_strv_builder_add (labels, shnor_school_get_display_name (school));
      g_strv_builder_add (values, value);
    }
  label_strv = g_strv_builder_end (labels);
  value_strv = g_strv_builder_end (values);
  key = g_strjoinv ("\n", label_strv);
  if (g_strcmp0 (key, self->schools_key) != 0)
    {
      g_free (self->schools_key);
      self->schools_key = g_steal_pointer (&key);
      build_teachers (self, label_strv, value_strv);
      {
        g_autoptr(GtkStringList) list = gtk_string_list_new ((const char * const *) label_strv);

        gtk_drop_down_set_model (GTK_DROP_DOWN (self->teacher_school), G_LIST_MODEL (list));
      }
    }
}

static void
fill_teachers (ShnorStaffView *self,
               GArray         *staff)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GtkStringList) people = gtk_string_list_new (NULL);

  g_array_set_size (self->person_ids, 0);
  for (guint i = 0; i < staff->len; i++)
    {
      const ShnorStaffMember *m = &g_array_index (staff, ShnorStaffMember, i);
      GStrv row = g_new0 (char *, 5);
      g_autofree char *label = m->school_name[0] ? g_strdup_printf ("%s (%s)", m->name, m->school_name)
                                                 : g_strdup (m->name);

      row[0] = g_strdup (m->name);
      row[1] = g_strdup (m->position);
      row[2] = g_strdup_printf ("%" G_GINT64_FORMAT, m->school_id);
      row[3] = g_strdup (m->subjects);
      g_array_append_val (ids, m->id);
      g_ptr_array_add (texts, row);
      g_array_append_val (self->person_ids, m->id);
      gtk_string_list_append (people, label);
    }
  shnor_field_table_set_rows (SHNOR_FIELD_TABLE (self->teachers), ids, texts, NULL);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->mentor_drop), G_LIST_MODEL (people));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->mentee_drop), G_LIST_MODEL (people));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->course_person), G_LIST_MODEL (people));
  if (staff->len > 1)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->mentee_drop), 1);
}

static void
fill_mentoring (ShnorStaffView *self)
{
  g_autoptr(GArray) pairs = shnor_document_get_mentoring (self->document);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) leads = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < pairs->len; i++)
    {
      const ShnorMentoring *m = &g_array_index (pairs, ShnorMentoring, i);

      g_array_append_val (ids, m->id);
      g_ptr_array_add (texts, m->texts);
      /* TRANSLATORS: a mentoring pair: the mentor (their school) → the teacher (their school) */
      g_ptr_array_add (leads, g_strdup_printf (_("%s (%s) → %s (%s)"), m->mentor_name, m->mentor_school,
                                               m->mentee_name, m->mentee_school));
    }
  shnor_field_table_set_rows (SHNOR_FIELD_TABLE (self->mentoring), ids, texts, leads);
}

static void
fill_courses (ShnorStaffView *self)
{
  g_autoptr(GArray) courses = shnor_document_get_courses (self->document, 0);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) leads = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < courses->len; i++)
    {
      const ShnorCourse *c = &g_array_index (courses, ShnorCourse, i);

      g_array_append_val (ids, c->id);
      g_ptr_array_add (texts, c->texts);
      g_ptr_array_add (leads, c->school_name[0] ? g_strdup_printf ("%s (%s)", c->person_name, c->school_name)
                                                : g_strdup (c->person_name));
    }
  shnor_field_table_set_rows (SHNOR_FIELD_TABLE (self->courses), ids, texts, leads);
}

static void
fill_organisations (ShnorStaffView *self)
{
  g_autoptr(GArray) organisations = shnor_document_get_organisations (self->document);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  for (guint i = 0; i < organisations->len; i++)
    {
      g_array_append_val (ids, g_array_index (organisations, ShnorOrganisation, i).id);
      g_ptr_array_add (texts, g_array_index (organisations, ShnorOrganisation, i).texts);
    }
  shnor_field_table_set_rows (SHNOR_FIELD_TABLE (self->organisations), ids, texts, NULL);
}

/* ---- adding ------------------------------------------------------------------ */

static gint64
chosen (GtkWidget *drop,
        GArray    *ids)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (drop));

  return selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

static void
add_teacher (ShnorStaffView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 school = chosen (self->teacher_school, self->school_ids);
  ShnorSchool *s = school ? shnor_document_find_school (self->document, school) : NULL;
  gint64 id;

  if (!shnor_document_begin_edit (self->document, _("Add a person"), &error))
    {
      say (self, error);
      return;
    }
  id = shnor_document_add_person (self->document, gtk_editable_get_text (GTK_EDITABLE (self->teacher_name)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->teacher_position)),
                                  s ? shnor_school_get_display_name (s) : "", &error);
  if (id == 0 || (school != 0 && !shnor_document_set_person_school (self->document, id, school, &error)))
    {
      shnor_document_cancel_edit (self->document);
      say (self, error);
      return;
    }
  if (!shnor_document_end_edit (self->document, &error))
    {
      say (self, error);
      return;
    }
  say (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->teacher_name), "");
  gtk_editable_set_text (GTK_EDITABLE (self->teacher_position), "");
  gtk_widget_grab_focus (self->teacher_name);
}

static void
add_mentoring (ShnorStaffView *self)
{
  g_autoptr(GError) error = NULL;

  if (shnor_document_add_mentoring (self->document, chosen (self->mentor_drop, self->person_ids),
                                    chosen (self->mentee_drop, self->person_ids), &error) == 0)
    say (self, error);
  else
    say (self, NULL);
}

static void
add_course (ShnorStaffView *self)
{
  g_autoptr(GError) error = NULL;

  if (shnor_document_add_course (self->document, chosen (self->course_person, self->person_ids),
                                 gtk_editable_get_text (GTK_EDITABLE (self->course_title)), &error) == 0)
    {
      say (self, error);
      return;
    }
  say (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->course_title), "");
}

static void
add_organisation (ShnorStaffView *self)
{
  g_autoptr(GError) error = NULL;
  guint kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->organisation_kind));

  if (shnor_document_add_organisation (self->document, gtk_editable_get_text (GTK_EDITABLE (self->organisation_name)),
                                       kind < SHNOR_N_ORGANISATION_KINDS ? kind : SHNOR_ORGANISATION_OTHER,
                                       &error) == 0)
    {
      say (self, error);
      return;
    }
  say (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_name), "");
}

/* ---- loading ------------------------------------------------------------------- */

static void
load (ShnorStaffView *self)
{
  g_autoptr(GArray) staff = NULL;
  gboolean edit = writable (self);

  g_clear_handle_id (&self->idle, g_source_remove);
  if (self->document == NULL)
    return;
  staff = shnor_document_get_staff (self->document, 0);
  fill_schools (self);
  fill_teachers (self, staff);
  fill_mentoring (self);
  fill_courses (self);
  fill_organisations (self);
  shnor_field_table_set_editable (SHNOR_FIELD_TABLE (self->teachers), edit);
  shnor_field_table_set_editable (SHNOR_FIELD_TABLE (self->mentoring), edit);
  shnor_field_table_set_editable (SHNOR_FIELD_TABLE (self->courses), edit);
  shnor_field_table_set_editable (SHNOR_FIELD_TABLE (self->organisations), edit);
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_parent (self->teachers_box)); w;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_BOX (w) && w != self->teachers_box && w != self->mentoring_box && w != self->courses_box &&
        w != self->organisations_box)
      gtk_widget_set_sensitive (w, edit);
}

static void
document_changed (ShnorDocument  *document,
                  const char     *table,
                  gint64          rowid,
                  ShnorStaffView *self)
{
  static const char * const tables[] = { "person", "mentoring", "course", "organisation", "school", "partnership" };

  if (self->idle != 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (table, tables[i]))
      shnor_queue_idle (&self->idle, G_CALLBACK (load), self);
}

static void
shnor_staff_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (shnor_staff_view_parent_class)->map (widget);
  load (SHNOR_STAFF_VIEW (widget));
}

static void
shnor_staff_view_dispose (GObject *object)
{
  ShnorStaffView *self = SHNOR_STAFF_VIEW (object);

  g_clear_handle_id (&self->idle, g_source_remove);
  shnor_staff_view_set_document (self, NULL);
  g_clear_pointer (&self->school_ids, g_array_unref);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_pointer (&self->schools_key, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHNOR_TYPE_STAFF_VIEW);
  G_OBJECT_CLASS (shnor_staff_view_parent_class)->dispose (object);
}

static void
shnor_staff_view_class_init (ShnorStaffViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_staff_view_dispose;
  widget_class->map = shnor_staff_view_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-staff-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ShnorStaffView, name)
  BIND (scroller); BIND (teachers_box); BIND (teacher_name); BIND (teacher_position); BIND (teacher_school);
  BIND (mentoring_box); BIND (mentor_drop); BIND (mentee_drop); BIND (courses_box); BIND (course_person);
  BIND (course_title); BIND (organisations_box); BIND (organisation_name); BIND (organisation_kind);
  BIND (error_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, add_teacher);
  gtk_widget_class_bind_template_callback (widget_class, add_mentoring);
  gtk_widget_class_bind_template_callback (widget_class, add_course);
  gtk_widget_class_bind_template_callback (widget_class, add_organisation);
}

static void
shnor_staff_view_init (ShnorStaffView *self)
{
  guint n;
  const ShnorField *fields;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->school_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  build_teachers (self, NULL, NULL);
  fields = shnor_mentoring_fields (&n);
  self->mentoring = new_table (fields, n, _("Mentor → teacher"), store_mentoring, delete_mentoring,
                               _("Delete the mentoring pair"), _("No mentoring pairs yet."), self);
  gtk_box_append (GTK_BOX (self->mentoring_box), self->mentoring);
  fields = shnor_course_fields (&n);
  self->courses = new_table (fields, n, _("Teacher"), store_course, delete_course, _("Delete the course record"),
                             _("No courses recorded yet."), self);
  shnor_field_table_set_column_width (SHNOR_FIELD_TABLE (self->courses), "certificate", 14);
  gtk_box_append (GTK_BOX (self->courses_box), self->courses);
  fields = shnor_organisation_fields (&n);
  self->organisations = new_table (fields, n, NULL, store_organisation, delete_organisation,
                                   _("Delete the organisation from the register"),
                                   _("No partner organisations yet: universities, colleges, psychological support "
                                     "centres, institutes of education development, cultural institutions."), self);
  shnor_field_table_set_column_width (SHNOR_FIELD_TABLE (self->organisations), "phone", 16);
  shnor_field_table_set_column_width (SHNOR_FIELD_TABLE (self->organisations), "email", 20);
  gtk_box_append (GTK_BOX (self->organisations_box), self->organisations);
  for (guint k = 0; k < SHNOR_N_ORGANISATION_KINDS; k++)
    gtk_string_list_append (kinds, shnor_organisation_kind_label (k));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->organisation_kind), G_LIST_MODEL (kinds));
}

void
shnor_staff_view_set_document (ShnorStaffView *self,
                               ShnorDocument  *document)
{
  g_return_if_fail (SHNOR_IS_STAFF_VIEW (self));

  if (!shnor_watch_document (&self->document, document, G_CALLBACK (document_changed), self))
    return;
  g_clear_pointer (&self->schools_key, g_free);
  if (document != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

/* For tests: a child of the template, or one of the tables: "teachers",
 * "mentoring", "courses", "organisations". */
GtkWidget *
shnor_staff_view_get_child (ShnorStaffView *self,
                            const char     *name)
{
  g_return_val_if_fail (SHNOR_IS_STAFF_VIEW (self), NULL);
  if (g_str_equal (name, "teachers"))
    return self->teachers;
  if (g_str_equal (name, "mentoring"))
    return self->mentoring;
  if (g_str_equal (name, "courses"))
    return self->courses;
  if (g_str_equal (name, "organisations"))
    return self->organisations;
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SHNOR_TYPE_STAFF_VIEW, name));
}
