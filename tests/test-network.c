/* test-network.c: partnerships, mentoring, courses, suggested mentor
 * schools and the bank of best practices, without a display. The
 * expectations are worked out by hand in the comments of each case. */
#include <math.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "shnor-appendix-plan.h"
#include "shnor-demo-network.h"
#include "shnor-document-network.h"
#include "shnor-network-diagram.h"
#include "shnor-document-private.h"
#include "shnor-error.h"
#include "shnor-schema.h"
#include "test-util.h"

typedef struct {
  char          *dir;
  char          *path;
  ShnorDocument *doc;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = test_tmpdir ();
  f->path = g_build_filename (f->dir, "Округ.shnor", NULL);
  f->doc = shnor_document_create (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->doc);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
add_school (ShnorDocument *doc,
            const char    *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = shnor_document_add_school (doc, name, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
add_person (ShnorDocument *doc,
            const char    *name,
            gint64         school)
{
  g_autoptr(GError) error = NULL;
  gint64 id = shnor_document_add_person (doc, name, "учитель", "", &error);

  g_assert_no_error (error);
  if (school != 0)
    g_assert_true (shnor_document_set_person_school (doc, id, school, &error));
  g_assert_no_error (error);
  return id;
}

/* Every row of the network's tables and of the search index, as text:
 * what an undo must give back exactly. */
static char *
dump (ShnorDocument *doc)
{
  static const char * const tables[] = {
    "person", "organisation", "partnership", "partnership_measure", "joint_event", "mentoring", "course",
    "practice", "practice_file", "practice_file_data", "practice_fts",
  };
  GString *out = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT rowid, * FROM %s ORDER BY rowid", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (shnor_document_get_db (doc), sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "[%s]\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              if (sqlite3_column_type (stmt, c) == SQLITE_BLOB)
                {
                  g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, sqlite3_column_blob (stmt, c),
                                                                      (gsize) sqlite3_column_bytes (stmt, c));
                  g_string_append_printf (out, "blob:%s|", sum);
                }
              else
                g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, c) ? (const char *) sqlite3_column_text (stmt, c) : "NULL");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (out, FALSE);
}

/* The last edit is one undo step: undo gives back @before exactly, redo
 * the state after the edit. */
static void
assert_one_step (ShnorDocument *doc,
                 const char    *before)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = dump (doc);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_cmpstr (before, !=, after);
  g_assert_true (shnor_document_undo (doc, &error));
  g_assert_no_error (error);
  undone = dump (doc);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (shnor_document_redo (doc, &error));
  g_assert_no_error (error);
  redone = dump (doc);
  g_assert_cmpstr (redone, ==, after);
}

/* @error: where the refused call put its error (read after the call,
 * whatever order the arguments are evaluated in); cleared */
static void
assert_refused (gboolean        ok,
                GError        **error,
                const char     *fragment,
                const char     *before,
                ShnorDocument  *doc)
{
  g_autofree char *after = dump (doc);

  g_assert_false (ok);
  g_assert_nonnull (*error);
  if (strstr ((*error)->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", (*error)->message, fragment);
  g_assert_cmpstr (after, ==, before);
  g_clear_error (error);
}

/* ---- partnerships and organisations -------------------------------------- */

static void
test_partnerships (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 weak = add_school (f->doc, "Школа 7");
  gint64 strong = add_school (f->doc, "Гимназия 1");
  gint64 college, id, event;
  g_autofree char *before = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) events = NULL;
  ShnorPartnership p;

  /* a school with itself, no partner, both partners: refused */
  before = dump (f->doc);
  id = shnor_document_add_partnership (f->doc, weak, weak, 0, SHNOR_PARTNER_MENTOR, &error);
  g_assert_cmpint (id, ==, 0);
  assert_refused (FALSE, &error, "cannot be its own partner", before, f->doc);
  g_assert_cmpint (shnor_document_add_partnership (f->doc, weak, 0, 0, SHNOR_PARTNER_MENTOR, &error), ==, 0);
  assert_refused (FALSE, &error, "Choose the partner", before, f->doc);

  id = shnor_document_add_partnership (f->doc, weak, strong, 0, SHNOR_PARTNER_MENTOR, &error);
  g_assert_no_error (error);
  assert_one_step (f->doc, before);

  /* the same pair in the same role again, while the first has not ended */
  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  g_assert_cmpint (shnor_document_add_partnership (f->doc, weak, strong, 0, SHNOR_PARTNER_MENTOR, &error), ==, 0);
  assert_refused (FALSE, &error, "already a partner", before, f->doc);

  /* fields, each one undo step */
  g_assert_true (shnor_document_set_partnership_field (f->doc, id, "subjects", "Математика", &error));
  g_assert_no_error (error);
  assert_one_step (f->doc, before);
  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  g_assert_true (shnor_document_set_partnership_field (f->doc, id, "start_date", "01.09.2025", &error));
  g_assert_no_error (error);
  assert_one_step (f->doc, before);
  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  /* dates out of order, and an impossible date */
  assert_refused (shnor_document_set_partnership_field (f->doc, id, "end_date", "31.05.2025", &error), &error,
                  "cannot end before it starts", before, f->doc);
  assert_refused (shnor_document_set_partnership_field (f->doc, id, "agreement_date", "31.02.2025", &error), &error,
                  "is not a date", before, f->doc);
  g_assert_true (shnor_document_set_partnership_field (f->doc, id, "end_date", "31.05.2027", &error));
  g_assert_no_error (error);
  assert_one_step (f->doc, before);

  /* joint events */
  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  event = shnor_document_add_joint_event (f->doc, id, "15.10.2025", SHNOR_EVENT_OPEN_LESSON, &error);
  g_assert_no_error (error);
  assert_one_step (f->doc, before);
  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  assert_refused (shnor_document_set_joint_event_field (f->doc, event, "participants", "-3", &error), &error,
                  "must be from", before, f->doc);
  g_assert_true (shnor_document_set_joint_event_field (f->doc, event, "participants", "12", &error));
  g_assert_no_error (error);
  assert_one_step (f->doc, before);
  events = shnor_document_get_joint_events (f->doc, id);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (g_array_index (events, ShnorJointEvent, 0).form, ==, SHNOR_EVENT_OPEN_LESSON);
  g_assert_cmpstr (g_array_index (events, ShnorJointEvent, 0).texts[0], ==, "15.10.2025");

  /* an organisation as the partner, and the register */
  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  college = shnor_document_add_organisation (f->doc, "Берёзовский педагогический колледж",
                                             SHNOR_ORGANISATION_COLLEGE, &error);
  g_assert_no_error (error);
  assert_one_step (f->doc, before);
  g_assert_cmpint (shnor_document_add_partnership (f->doc, weak, 0, college, SHNOR_PARTNER_OTHER, &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  assert_refused (shnor_document_delete_organisation (f->doc, college, &error), &error, "is a partner in 1",
                  before, f->doc);
  assert_refused (shnor_document_set_organisation_field (f->doc, college, "email", "нет адреса", &error), &error,
                  "not an e-mail", before, f->doc);

  all = shnor_document_get_partnerships (f->doc, strong);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (g_array_index (all, ShnorPartnership, 0).partner_name, ==, "Гимназия 1");
  g_assert_cmpuint (g_array_index (all, ShnorPartnership, 0).n_events, ==, 1);
  g_clear_pointer (&all, g_array_unref);
  all = shnor_document_get_partnerships (f->doc, weak);
  g_assert_cmpuint (all->len, ==, 2);

  /* deleting the partnership takes its events; undo brings both back */
  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  g_assert_true (shnor_document_delete_partnership (f->doc, id, &error));
  g_assert_no_error (error);
  g_assert_false (shnor_document_get_partnership (f->doc, id, &p));
  assert_one_step (f->doc, before);

  /* a deleted school takes its partnerships */
  g_assert_true (shnor_document_delete_school (f->doc, strong, &error));
  g_clear_pointer (&all, g_array_unref);
  all = shnor_document_get_partnerships (f->doc, 0);
  g_assert_cmpuint (all->len, ==, 1);
}

/* A partnership bound to a programme: its plan is read-only once the
 * programme is approved, its execution (status, events) is not. */
static void
test_partnership_programme (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 weak = add_school (f->doc, "Школа 7");
  gint64 strong = add_school (f->doc, "Гимназия 1");
  gint64 programme, other, id, measure, event;
  g_autoptr(GArray) measures = NULL;
  g_autofree char *before = NULL;
  ShnorPartnership p;

  programme = shnor_document_add_programme (f->doc, SHNOR_TEMPLATE_MUNICIPAL_SUPPORT, 0, 2025, &error);
  g_assert_no_error (error);
  other = shnor_document_add_programme (f->doc, SHNOR_TEMPLATE_MUNICIPAL_SUPPORT, 0, 2025, &error);
  g_assert_no_error (error);
  measure = shnor_document_add_measure (f->doc, programme, 0, "Сетевые пары школ", &error);
  g_assert_no_error (error);
  id = shnor_document_add_partnership (f->doc, weak, strong, 0, SHNOR_PARTNER_MENTOR, &error);
  g_assert_no_error (error);

  /* a measure of another programme than the partnership's */
  before = dump (f->doc);
  assert_refused (shnor_document_set_partnership_measure (f->doc, id, measure, TRUE, &error), &error,
                  "another programme", before, f->doc);
  g_assert_true (shnor_document_set_partnership_programme (f->doc, id, programme, &error));
  g_assert_no_error (error);
  assert_one_step (f->doc, before);
  g_assert_true (shnor_document_set_partnership_measure (f->doc, id, measure, TRUE, &error));
  g_assert_no_error (error);
  measures = shnor_document_get_partnership_measures (f->doc, id);
  g_assert_cmpuint (measures->len, ==, 1);

  /* moving to another programme unbinds the measure in the same step */
  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  g_assert_true (shnor_document_set_partnership_programme (f->doc, id, other, &error));
  g_assert_no_error (error);
  g_clear_pointer (&measures, g_array_unref);
  measures = shnor_document_get_partnership_measures (f->doc, id);
  g_assert_cmpuint (measures->len, ==, 0);
  assert_one_step (f->doc, before);
  g_assert_true (shnor_document_undo (f->doc, &error));

  g_assert_true (shnor_document_approve_programme (f->doc, programme, "12-о", "20.01.2025", "Соколова И. В.", &error));
  g_assert_no_error (error);
  g_assert_true (shnor_document_get_partnership (f->doc, id, &p));
  g_assert_true (p.locked);
  g_assert_cmpint (p.programme_id, ==, programme);
  shnor_partnership_clear (&p);

  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  assert_refused (shnor_document_set_partnership_field (f->doc, id, "subjects", "Физика", &error), &error,
                  "approved", before, f->doc);
  assert_refused (shnor_document_set_partnership_programme (f->doc, id, 0, &error), &error, "approved", before, f->doc);
  assert_refused (shnor_document_set_partnership_measure (f->doc, id, measure, FALSE, &error), &error, "approved",
                  before, f->doc);
  assert_refused (shnor_document_delete_partnership (f->doc, id, &error), &error, "approved", before, f->doc);
  /* nor may another partnership join the approved programme */
  {
    gint64 second = shnor_document_add_partnership (f->doc, strong, weak, 0, SHNOR_PARTNER_CONSULTANT, &error);

    g_assert_no_error (error);
    g_clear_pointer (&before, g_free);
    before = dump (f->doc);
    assert_refused (shnor_document_set_partnership_programme (f->doc, second, programme, &error), &error, "approved",
                    before, f->doc);
  }

  /* the execution is recorded */
  g_assert_true (shnor_document_set_partnership_field (f->doc, id, "status", "1", &error));
  g_assert_no_error (error);
  assert_one_step (f->doc, before);
  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  event = shnor_document_add_joint_event (f->doc, id, "2025-11-20", SHNOR_EVENT_SEMINAR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (event, >, 0);
  assert_one_step (f->doc, before);

  /* once the programme is archived (over), the partnership goes on: it may
   * be bound to the programme's next version */
  g_assert_true (shnor_document_archive_programme (f->doc, programme, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (shnor_document_get_partnership (f->doc, id, &p));
  g_assert_false (p.locked);
  shnor_partnership_clear (&p);
  g_assert_true (shnor_document_set_partnership_field (f->doc, id, "subjects", "Физика", &error));
  g_assert_true (shnor_document_set_partnership_programme (f->doc, id, other, &error));
  g_assert_no_error (error);
}

/* The order's appendix «Перечень сетевых пар школ»: the partnerships bound
 * to the programme, each a row; none, no appendix; once approved, a
 * partnership added later is not in it. */
static void
test_appendix (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 weak = add_school (f->doc, "Школа 7");
  gint64 strong = add_school (f->doc, "Гимназия 1");
  gint64 programme, id, college;
  ShnorAppendixPlan *plan;
  ShnorAppendix *network;
  ShnorDocTable *table;

  programme = shnor_document_add_programme (f->doc, SHNOR_TEMPLATE_MUNICIPAL_SUPPORT, 0, 2025, &error);
  g_assert_no_error (error);
  id = shnor_document_add_partnership (f->doc, weak, strong, 0, SHNOR_PARTNER_MENTOR, &error);
  g_assert_no_error (error);
  plan = shnor_appendix_plan_new_programme (f->doc, programme, &error);
  g_assert_no_error (error);
  g_assert_null (shnor_appendix_plan_find (plan, SHNOR_APPENDIX_NETWORK));
  shnor_appendix_plan_free (plan);

  g_assert_true (shnor_document_set_partnership_programme (f->doc, id, programme, &error));
  g_assert_true (shnor_document_set_partnership_field (f->doc, id, "subjects", "Математика", &error));
  g_assert_true (shnor_document_set_partnership_field (f->doc, id, "agreement_number", "СП-7", &error));
  g_assert_true (shnor_document_set_partnership_field (f->doc, id, "agreement_date", "01.09.2025", &error));
  g_assert_true (shnor_document_set_partnership_field (f->doc, id, "start_date", "01.09.2025", &error));
  g_assert_no_error (error);
  plan = shnor_appendix_plan_new_programme (f->doc, programme, &error);
  network = shnor_appendix_plan_find (plan, SHNOR_APPENDIX_NETWORK);
  g_assert_nonnull (network);
  g_assert_cmpstr (network->title, ==, "Перечень сетевых пар школ");
  g_assert_cmpstr (network->approves, ==, "перечень сетевых пар школ");
  g_assert_cmpint (network->number, ==, (int) plan->appendices->len);
  table = network->tables->pdata[0];
  g_assert_cmpuint (table->rows->len, ==, 1);
  {
    ShnorDocRow *row = table->rows->pdata[0];
    const char *expected[] = { "1", "Школа 7", "Гимназия 1", "школа-наставник", "Математика", "№ СП-7 от 01.09.2025",
                               "с 01.09.2025" };

    g_assert_cmpuint (row->cells->len, ==, G_N_ELEMENTS (expected));
    for (guint c = 0; c < G_N_ELEMENTS (expected); c++)
      g_assert_cmpstr (((ShnorDocCell *) row->cells->pdata[c])->text, ==, expected[c]);
  }
  shnor_appendix_plan_free (plan);

  /* approved: a partnership added later cannot join the approved list */
  g_assert_true (shnor_document_approve_programme (f->doc, programme, "3-о", "10.09.2025", "Соколова И. В.", &error));
  g_assert_no_error (error);
  college = shnor_document_add_organisation (f->doc, "Педагогический колледж", SHNOR_ORGANISATION_COLLEGE, &error);
  id = shnor_document_add_partnership (f->doc, weak, 0, college, SHNOR_PARTNER_OTHER, &error);
  g_assert_no_error (error);
  g_assert_false (shnor_document_set_partnership_programme (f->doc, id, programme, &error));
  g_clear_error (&error);
  plan = shnor_appendix_plan_new_programme (f->doc, programme, &error);
  network = shnor_appendix_plan_find (plan, SHNOR_APPENDIX_NETWORK);
  g_assert_cmpuint (((ShnorDocTable *) network->tables->pdata[0])->rows->len, ==, 1);
  shnor_appendix_plan_free (plan);
}

/* ---- staff, mentoring, courses and the indicators that count them ------- */

static void
test_staff (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = add_school (f->doc, "Школа 7");
  gint64 b = add_school (f->doc, "Гимназия 1");
  gint64 teacher, mentor, other, pair, course, programme, indicator;
  g_autofree char *before = NULL;
  g_autoptr(GArray) staff = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autoptr(GArray) indicators = NULL;

  /* The programme takes school A only; A has 10 teachers in 2025. */
  programme = shnor_document_add_programme (f->doc, SHNOR_TEMPLATE_MUNICIPAL_SUPPORT, 0, 2025, &error);
  g_assert_no_error (error);
  g_assert_true (shnor_document_set_programme_school (f->doc, programme, a, TRUE, &error));
  g_assert_true (shnor_document_add_context_year (f->doc, a, 2025, &error));
  g_assert_true (shnor_document_set_context_field (f->doc, a, 2025, "teachers", "10", &error));
  g_assert_no_error (error);

  teacher = add_person (f->doc, "Иванова Анна Петровна", a);
  other = add_person (f->doc, "Петров Пётр Ильич", a);
  mentor = add_person (f->doc, "Смирнова Ольга Ивановна", b);
  before = dump (f->doc);
  g_assert_true (shnor_document_set_staff_field (f->doc, teacher, "subjects", "Математика; физика", &error));
  g_assert_no_error (error);
  assert_one_step (f->doc, before);
  staff = shnor_document_get_staff (f->doc, a);
  g_assert_cmpuint (staff->len, ==, 2);
  g_assert_cmpstr (g_array_index (staff, ShnorStaffMember, 0).name, ==, "Иванова Анна Петровна");
  g_assert_cmpstr (g_array_index (staff, ShnorStaffMember, 0).subjects, ==, "Математика; физика");
  g_assert_cmpstr (g_array_index (staff, ShnorStaffMember, 0).school_name, ==, "Школа 7");

  /* mentoring */
  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  g_assert_cmpint (shnor_document_add_mentoring (f->doc, teacher, teacher, &error), ==, 0);
  assert_refused (FALSE, &error, "their own mentor", before, f->doc);
  pair = shnor_document_add_mentoring (f->doc, mentor, teacher, &error);
  g_assert_no_error (error);
  assert_one_step (f->doc, before);
  g_assert_true (shnor_document_set_mentoring_field (f->doc, pair, "end_date", "30.06.2026", &error));
  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  assert_refused (shnor_document_set_mentoring_field (f->doc, pair, "start_date", "01.09.2026", &error), &error,
                  "cannot end before it starts", before, f->doc);
  g_assert_true (shnor_document_set_mentoring_field (f->doc, pair, "start_date", "01.09.2025", &error));
  g_assert_true (shnor_document_set_mentoring_field (f->doc, pair, "goal", "Формирующее оценивание", &error));
  g_assert_no_error (error);

  /* courses */
  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  g_assert_cmpint (shnor_document_add_course (f->doc, teacher, " ", &error), ==, 0);
  assert_refused (FALSE, &error, "must not be empty", before, f->doc);
  course = shnor_document_add_course (f->doc, teacher, "Функциональная грамотность", &error);
  g_assert_no_error (error);
  assert_one_step (f->doc, before);
  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  assert_refused (shnor_document_set_course_field (f->doc, course, "hours", "0", &error), &error, "must be from",
                  before, f->doc);
  g_assert_true (shnor_document_set_course_field (f->doc, course, "hours", "72", &error));
  g_assert_true (shnor_document_set_course_field (f->doc, course, "date", "14.03.2025", &error));
  g_assert_no_error (error);

  /* a person with a mentoring pair or a course is not deleted */
  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  assert_refused (shnor_document_delete_person (f->doc, teacher, &error), &error, "mentoring pair", before, f->doc);
  g_assert_true (shnor_document_delete_person (f->doc, other, &error));
  g_assert_no_error (error);
  assert_one_step (f->doc, before);

  /* Indicators counting the network, over school A in 2025: one
   * mentoring pair (its period touches 2025), one teacher of ten trained
   * that year = 10 %; 2026: still the pair, no course = 0 %. */
  indicator = shnor_document_add_part_row (f->doc, programme, SHNOR_PART_INDICATOR,
                                           (const char *[]) { "Наставнические пары", "ед.", "0", "", "", "", NULL },
                                           &error);
  g_assert_no_error (error);
  g_assert_true (shnor_document_set_indicator_binding (f->doc, indicator, "network\tmentoring", &error));
  g_assert_no_error (error);
  plan = shnor_document_get_indicator_plan (f->doc, indicator);
  g_assert_true (g_array_index (plan, ShnorIndicatorYear, 0).computed);
  g_assert_true (g_array_index (plan, ShnorIndicatorYear, 0).has_actual);
  g_assert_cmpfloat (g_array_index (plan, ShnorIndicatorYear, 0).actual, ==, 1);
  g_assert_cmpfloat (g_array_index (plan, ShnorIndicatorYear, 2).actual, ==, 0);
  g_clear_pointer (&plan, g_array_unref);
  g_assert_true (shnor_document_set_indicator_binding (f->doc, indicator, "network\ttrained", &error));
  plan = shnor_document_get_indicator_plan (f->doc, indicator);
  g_assert_cmpfloat (g_array_index (plan, ShnorIndicatorYear, 0).actual, ==, 10);
  g_assert_false (g_array_index (plan, ShnorIndicatorYear, 1).has_actual);  /* no teachers counted in 2026 */
  g_clear_pointer (&plan, g_array_unref);
  indicators = shnor_document_get_part (f->doc, programme, SHNOR_PART_INDICATOR);
  {
    g_autofree char *text = shnor_binding_describe ("network\ttrained");

    g_assert_cmpstr (text, !=, "");
  }
  g_assert_false (shnor_document_set_indicator_binding (f->doc, indicator, "network\tnothing", &error));
  g_clear_error (&error);
}

/* The y at the middle of the diagram where the line of @partnership is
 * hit, from the first to the last: the line's reach, wider with more
 * joint events. */
static double
reach_at_middle (const ShnorNetworkDiagram *diagram,
                 int                        width,
                 int                        height,
                 gint64                     partnership)
{
  double first = -1, last = -1;

  for (double y = 0; y < height; y += 0.25)
    if (shnor_network_diagram_hit (diagram, width, height, width / 2.0, y) == partnership)
      {
        if (first < 0)
          first = y;
        last = y;
      }
  g_assert_cmpfloat (first, >=, 0);
  return last - first;
}

/* The diagram drawn from the partnerships: a line each (the ended ones
 * when asked), as wide as its joint events, found under the pointer,
 * described, saved as PNG, SVG and PDF */
static void
test_diagram (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorNetworkDiagram) diagram = NULL;
  g_autoptr(ShnorNetworkDiagram) all = NULL;
  gint64 a = add_school (f->doc, "ООШ Альфа"), b = add_school (f->doc, "ООШ Бета");
  gint64 m = add_school (f->doc, "Гимназия Мега"), n = add_school (f->doc, "СОШ Ню");
  gint64 busy, quiet, ended;
  g_autofree char *text = NULL;
  const char *magic[][2] = { { "Схема.png", "\x89PNG" }, { "Схема.svg", "<?xml" }, { "Схема.pdf", "%PDF" } };
  int width = 1000, height;

  busy = shnor_document_add_partnership (f->doc, a, m, 0, SHNOR_PARTNER_MENTOR, &error);
  quiet = shnor_document_add_partnership (f->doc, b, n, 0, SHNOR_PARTNER_CONSULTANT, &error);
  ended = shnor_document_add_partnership (f->doc, b, m, 0, SHNOR_PARTNER_INTERNSHIP, &error);
  g_assert_no_error (error);
  for (int i = 1; i <= 9; i++)
    {
      g_autofree char *date = g_strdup_printf ("%02d.10.2025", i);

      g_assert_cmpint (shnor_document_add_joint_event (f->doc, busy, date, SHNOR_EVENT_VISIT, &error), >, 0);
    }
  g_assert_true (shnor_document_set_partnership_field (f->doc, ended, "status", "2", &error));
  g_assert_no_error (error);

  diagram = shnor_network_diagram_new (f->doc, FALSE);
  all = shnor_network_diagram_new (f->doc, TRUE);
  g_assert_cmpuint (shnor_network_diagram_get_n_links (diagram), ==, 2);
  g_assert_cmpuint (shnor_network_diagram_get_n_links (all), ==, 3);

  /* nine joint events make a wider line than none */
  height = shnor_network_diagram_get_height (diagram);
  g_assert_cmpfloat (reach_at_middle (diagram, width, height, busy), >, reach_at_middle (diagram, width, height, quiet) + 4);
  g_assert_cmpint (shnor_network_diagram_hit (diagram, width, height, 2, 2), ==, 0);

  text = shnor_network_diagram_describe (diagram, busy);
  g_assert_nonnull (strstr (text, "ООШ Альфа → Гимназия Мега"));
  g_assert_nonnull (strstr (text, "9"));
  g_assert_null (shnor_network_diagram_describe (diagram, ended));

  for (guint i = 0; i < G_N_ELEMENTS (magic); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, magic[i][0], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (shnor_network_diagram_save (all, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      g_assert_true (g_str_has_prefix (contents, magic[i][1]));
    }
}

/* ---- suggested mentor schools ------------------------------------------- */

/* Nine schools, ОГЭ in grade 9, 20 participants each, the same means in
 * 2023–2025 (mathematics, Russian, physics):
 *   S 3.0 3.5 3.5   M 4.4 3.8 3.8   L 4.6 2.6 2.6   N 4.5 3.5 3.6
 *   X 3.6 4.6 4.0   A 3.6 3.6 3.6   B 3.7 3.7 3.5   C 3.5 3.5 3.8
 *   Q 4.2 3.5 3.6
 * Standardised (mathematics): S −1.750, M 0.972, L 1.361, N 1.167,
 * Q 0.583; the rest below 0. Mean over the three: L −1.088 and S −0.695
 * are in the bottom quartile (ШНОР); M 0.689, X 0.904 and N 0.367 at or
 * above the top one. N has 60 % of low-income and 70 % of low-education
 * families and no other shares: index 0.3·60 + 0.3·70 = 39 ≥ 35, ШНСУ.
 * S is weak in mathematics only (−1.750 < −0.25). L and N, the strongest
 * in it, need support themselves and are never suggested. M scores
 * 0.972 + 0.3 (high results) + 0.1 (same kind of area) = 1.372, Q
 * 0.583 + 0.1 = 0.683: M first, then Q, nobody else (no other school is
 * above the mean in mathematics). */
static const struct { char school; double m, r, p; } suggest_rows[] = {
  { 'S', 3.0, 3.5, 3.5 }, { 'M', 4.4, 3.8, 3.8 }, { 'L', 4.6, 2.6, 2.6 }, { 'N', 4.5, 3.5, 3.6 },
  { 'X', 3.6, 4.6, 4.0 }, { 'A', 3.6, 3.6, 3.6 }, { 'B', 3.7, 3.7, 3.5 }, { 'C', 3.5, 3.5, 3.8 },
  { 'Q', 4.2, 3.5, 3.6 },
};

static gint64 suggest_ids[128];

static void
build_suggest (ShnorDocument *doc)
{
  static const char * const subjects[] = { "Математика", "Русский язык", "Физика" };
  g_autoptr(GArray) results = g_array_new (FALSE, TRUE, sizeof (ShnorResult));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (suggest_rows); i++)
    {
      g_autofree char *name = g_strdup_printf ("Школа %c", suggest_rows[i].school);

      suggest_ids[(int) suggest_rows[i].school] = add_school (doc, name);
      for (int year = 2023; year <= 2025; year++)
        for (guint s = 0; s < 3; s++)
          {
            ShnorResult r = { 0 };

            r.school_id = suggest_ids[(int) suggest_rows[i].school];
            r.year = year;
            shnor_result_set_names (&r, "ОГЭ", subjects[s]);
            r.grade = 9;
            r.participants = 20;
            r.has_mean = TRUE;
            r.mean = s == 0 ? suggest_rows[i].m : s == 1 ? suggest_rows[i].r : suggest_rows[i].p;
            g_array_append_val (results, r);
          }
    }
  g_assert_true (shnor_document_put_results (doc, (ShnorResult *) results->data, results->len, "test", &error));
  g_assert_no_error (error);
  g_assert_true (shnor_document_add_context_year (doc, suggest_ids['N'], 2025, &error));
  g_assert_true (shnor_document_set_context_field (doc, suggest_ids['N'], 2025, "share_low_income", "60", &error));
  g_assert_true (shnor_document_set_context_field (doc, suggest_ids['N'], 2025, "share_low_education", "70", &error));
  for (const char * const *share = (const char *[]) { "share_non_native", "share_disabilities", "share_registered", NULL };
       *share; share++)
    g_assert_true (shnor_document_set_context_field (doc, suggest_ids['N'], 2025, *share, "0", &error));
  g_assert_no_error (error);
}

static void
assert_order (GArray     *suggestions,
              const char *letters)
{
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < suggestions->len; i++)
    for (int c = 'A'; c <= 'Z'; c++)
      if (suggest_ids[c] == g_array_index (suggestions, ShnorMentorSuggestion, i).school_id)
        g_string_append_c (got, (char) c);
  g_assert_cmpstr (got->str, ==, letters);
}

static void
test_suggest (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) suggestions = NULL;
  g_autoptr(ShnorClassification) classification = NULL;
  g_autofree char *before = NULL;
  const ShnorMentorSuggestion *first;
  gint64 id;

  build_suggest (f->doc);
  classification = shnor_document_classify (f->doc);
  /* the premises of the case */
  g_assert_true (shnor_classification_get_groups (classification, suggest_ids['L']) & (1u << SHNOR_GROUP_LOW));
  g_assert_true (shnor_classification_get_groups (classification, suggest_ids['S']) & (1u << SHNOR_GROUP_LOW));
  g_assert_true (shnor_classification_get_groups (classification, suggest_ids['N']) & (1u << SHNOR_GROUP_SOCIAL));
  g_assert_true (shnor_classification_get_groups (classification, suggest_ids['M']) & (1u << SHNOR_GROUP_HIGH));

  suggestions = shnor_document_suggest_mentors (f->doc, suggest_ids['S']);
  assert_order (suggestions, "MQ");
  first = &g_array_index (suggestions, ShnorMentorSuggestion, 0);
  g_assert_cmpfloat_with_epsilon (first->score, 0.972 + 0.3 + 0.1, 0.002);
  g_assert_cmpfloat_with_epsilon (g_array_index (suggestions, ShnorMentorSuggestion, 1).score, 0.583 + 0.1, 0.002);
  g_assert_cmpstr (first->subjects, ==, "Математика");
  g_assert_nonnull (strstr (first->reasons[0], "Математика"));
  g_assert_true (g_strv_length (first->reasons) >= 3);

  /* accepting makes the partnership in one step; M is no longer suggested */
  before = dump (f->doc);
  id = shnor_document_accept_suggestion (f->doc, suggest_ids['S'], first, &error);
  g_assert_no_error (error);
  {
    ShnorPartnership p;

    g_assert_true (shnor_document_get_partnership (f->doc, id, &p));
    g_assert_cmpint (p.partner_school_id, ==, suggest_ids['M']);
    g_assert_cmpint (p.role, ==, SHNOR_PARTNER_MENTOR);
    g_assert_cmpstr (p.texts[1], ==, "Математика");
    shnor_partnership_clear (&p);
  }
  assert_one_step (f->doc, before);
  g_clear_pointer (&suggestions, g_array_unref);
  suggestions = shnor_document_suggest_mentors (f->doc, suggest_ids['S']);
  assert_order (suggestions, "Q");
  g_assert_true (shnor_document_undo (f->doc, &error));

  /* M mentoring three schools already (−0.45: 0.922); Q marked as a
   * mentor school in the same settlement as S (0.583 + 0.2 + 0.3 = 1.083):
   * Q first now. */
  for (const char *c = "BCX"; *c; c++)
    g_assert_cmpint (shnor_document_add_partnership (f->doc, suggest_ids[(int) *c], suggest_ids['M'], 0,
                                                     SHNOR_PARTNER_MENTOR, &error), >, 0);
  g_assert_true (shnor_document_set_school_field (f->doc, suggest_ids['Q'], "mentor", "1", &error));
  g_assert_true (shnor_document_set_school_field (f->doc, suggest_ids['Q'], "settlement", "с. Ключи", &error));
  g_assert_true (shnor_document_set_school_field (f->doc, suggest_ids['S'], "settlement", "с. Ключи", &error));
  g_assert_no_error (error);
  g_clear_pointer (&suggestions, g_array_unref);
  suggestions = shnor_document_suggest_mentors (f->doc, suggest_ids['S']);
  assert_order (suggestions, "QM");
  g_assert_cmpfloat_with_epsilon (g_array_index (suggestions, ShnorMentorSuggestion, 0).score, 1.083, 0.002);
  g_assert_cmpfloat_with_epsilon (g_array_index (suggestions, ShnorMentorSuggestion, 1).score, 0.922, 0.002);

  /* a supported school never mentors: for X (strong in Russian and
   * physics, weak in mathematics) neither L nor N nor S comes up */
  g_clear_pointer (&suggestions, g_array_unref);
  suggestions = shnor_document_suggest_mentors (f->doc, suggest_ids['X']);
  for (guint i = 0; i < suggestions->len; i++)
    {
      gint64 school = g_array_index (suggestions, ShnorMentorSuggestion, i).school_id;

      g_assert_cmpint (school, !=, suggest_ids['L']);
      g_assert_cmpint (school, !=, suggest_ids['N']);
      g_assert_cmpint (school, !=, suggest_ids['S']);
    }
}

/* ---- the bank of best practices ------------------------------------------ */

static guint
found (ShnorDocument *doc,
       const char    *text,
       const char    *subject,
       const char    *direction,
       int            status)
{
  g_autoptr(GListModel) list = shnor_document_search_practices (doc, text, subject, direction, status);

  return g_list_model_get_n_items (list);
}

static void
test_practices (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 school = add_school (f->doc, "Гимназия 1");
  gint64 first, second;
  g_autofree char *before = NULL;
  g_auto(GStrv) subjects = NULL;
  g_auto(GStrv) directions = NULL;
  ShnorPracticeCard card;

  first = shnor_document_add_practice (f->doc, "Формирующее оценивание на уроках математики", school, &error);
  g_assert_no_error (error);
  g_assert_true (shnor_document_set_practice_field (f->doc, first, "authors", "Ёлкина Мария Сергеевна", &error));
  g_assert_true (shnor_document_set_practice_field (f->doc, first, "subjects", "Математика; Физика", &error));
  g_assert_true (shnor_document_set_practice_field (f->doc, first, "direction", "формирующее оценивание", &error));
  g_assert_no_error (error);
  second = shnor_document_add_practice (f->doc, "Читательские клубы в сельской школе", 0, &error);
  g_assert_true (shnor_document_set_practice_field (f->doc, second, "subjects", "Литература", &error));
  g_assert_true (shnor_document_set_practice_field (f->doc, second, "description",
                                                    "Еженедельные встречи читателей 5–7 классов.", &error));
  g_assert_true (shnor_document_set_practice_field (f->doc, second, "status", "2", &error));
  g_assert_no_error (error);

  /* words as prefixes, any case, «ё» as «е», all words required */
  g_assert_cmpuint (found (f->doc, "оценив", NULL, NULL, -1), ==, 1);
  g_assert_cmpuint (found (f->doc, "МАТЕМ оцен", NULL, NULL, -1), ==, 1);
  g_assert_cmpuint (found (f->doc, "елкина", NULL, NULL, -1), ==, 1);
  g_assert_cmpuint (found (f->doc, "ёлкина", NULL, NULL, -1), ==, 1);
  g_assert_cmpuint (found (f->doc, "встреч", NULL, NULL, -1), ==, 1);
  g_assert_cmpuint (found (f->doc, "оценив клуб", NULL, NULL, -1), ==, 0);
  /* what FTS5 would take as syntax is only text */
  g_assert_cmpuint (found (f->doc, "\"оценив*(:^", NULL, NULL, -1), ==, 1);
  g_assert_cmpuint (found (f->doc, "оценив OR клуб", NULL, NULL, -1), ==, 0);
  g_assert_cmpuint (found (f->doc, "  ", NULL, NULL, -1), ==, 2);
  /* filters */
  g_assert_cmpuint (found (f->doc, NULL, "физика", NULL, -1), ==, 1);
  g_assert_cmpuint (found (f->doc, NULL, "Литература", NULL, -1), ==, 1);
  g_assert_cmpuint (found (f->doc, NULL, " МАТЕМАТИКА ", NULL, -1), ==, 1);
  /* a subject is a whole item of the list, never a part of one */
  g_assert_cmpuint (found (f->doc, NULL, "Физ", NULL, -1), ==, 0);
  g_assert_cmpuint (found (f->doc, NULL, "тература", NULL, -1), ==, 0);
  g_assert_cmpuint (found (f->doc, NULL, "Математика; Физика", NULL, -1), ==, 0);
  g_assert_cmpuint (found (f->doc, NULL, "ика", NULL, -1), ==, 0);
  g_assert_cmpuint (found (f->doc, NULL, NULL, "Формирующее оценивание", -1), ==, 1);
  g_assert_cmpuint (found (f->doc, NULL, NULL, NULL, SHNOR_PRACTICE_INCLUDED), ==, 1);
  g_assert_cmpuint (found (f->doc, "оценив", NULL, NULL, SHNOR_PRACTICE_INCLUDED), ==, 0);
  subjects = shnor_document_list_practice_values (f->doc, "subjects");
  g_assert_cmpstrv (subjects, ((const char *[]) { "Литература", "Математика", "Физика", NULL }));
  directions = shnor_document_list_practice_values (f->doc, "direction");
  g_assert_cmpstrv (directions, ((const char *[]) { "формирующее оценивание", NULL }));

  /* the index follows edits, their undo and redo */
  before = dump (f->doc);
  g_assert_true (shnor_document_set_practice_field (f->doc, second, "description", "Клуб юных физиков", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (found (f->doc, "встреч", NULL, NULL, -1), ==, 0);
  g_assert_cmpuint (found (f->doc, "физик", NULL, NULL, -1), ==, 1);
  assert_one_step (f->doc, before);
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_assert_cmpuint (found (f->doc, "встреч", NULL, NULL, -1), ==, 1);
  g_assert_cmpuint (found (f->doc, "физик", NULL, NULL, -1), ==, 0);

  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  g_assert_true (shnor_document_delete_practice (f->doc, first, &error));
  g_assert_cmpuint (found (f->doc, "оценив", NULL, NULL, -1), ==, 0);
  assert_one_step (f->doc, before);
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_assert_cmpuint (found (f->doc, "оценив", NULL, NULL, -1), ==, 1);

  /* the card */
  g_assert_true (shnor_document_get_practice (f->doc, first, &card));
  g_assert_cmpstr (card.school_name, ==, "Гимназия 1");
  g_assert_cmpint (card.status, ==, SHNOR_PRACTICE_PROPOSED);
  {
    guint n_fields;
    const ShnorField *fields = shnor_practice_fields (&n_fields);

    g_assert_cmpuint (strlen (card.texts[shnor_fields_index (fields, n_fields, "added")]), ==, 10);
  }
  shnor_practice_card_clear (&card);

  /* a deleted school leaves its practice without a school */
  g_assert_true (shnor_document_delete_school (f->doc, school, &error));
  g_assert_true (shnor_document_get_practice (f->doc, first, &card));
  g_assert_cmpint (card.school_id, ==, 0);
  shnor_practice_card_clear (&card);
  g_assert_cmpuint (found (f->doc, "оценив", NULL, NULL, -1), ==, 1);
}

/* A PDF of @size bytes: its header, then bytes of every value. */
static GBytes *
fake_pdf (gsize size)
{
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) g_test_rand_int_range (0, 256);
  memcpy (data, "%PDF-1.4\n", 9);
  return g_bytes_new_take (data, size);
}

static void
test_attachments (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = fake_pdf (300 * 1024);
  g_autoptr(GBytes) back = NULL;
  g_autofree char *before = NULL;
  g_autofree char *path = g_build_filename (f->dir, "Методичка.pdf", NULL);
  g_autofree char *saved = g_build_filename (f->dir, "Сохранено.pdf", NULL);
  g_autofree char *saved_sum = NULL;
  g_autofree char *source_sum = NULL;
  gint64 practice, file, copy;
  ShnorPracticeCard card;

  practice = shnor_document_add_practice (f->doc, "Тьюторское сопровождение", 0, &error);
  g_assert_no_error (error);

  /* from a file, read back byte for byte; the same name again is kept apart */
  test_write_file (path, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf));
  before = dump (f->doc);
  file = shnor_document_attach_file (f->doc, practice, path, &error);
  g_assert_no_error (error);
  assert_one_step (f->doc, before);
  back = shnor_document_read_attachment (f->doc, file, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, pdf));
  copy = shnor_document_attach_bytes (f->doc, practice, "Методичка.pdf", pdf, &error);
  g_assert_no_error (error);
  g_assert_true (shnor_document_get_practice (f->doc, practice, &card));
  g_assert_cmpuint (card.files->len, ==, 2);
  g_assert_cmpstr (g_array_index (card.files, ShnorAttachment, 0).name, ==, "Методичка.pdf");
  g_assert_cmpstr (g_array_index (card.files, ShnorAttachment, 1).name, ==, "Методичка (2).pdf");
  g_assert_cmpstr (g_array_index (card.files, ShnorAttachment, 1).type, ==, "application/pdf");
  g_assert_cmpint (g_array_index (card.files, ShnorAttachment, 1).size, ==, 300 * 1024);
  shnor_practice_card_clear (&card);

  /* saved out byte for byte; never over a database */
  g_assert_true (shnor_document_save_attachment (f->doc, file, saved, &error));
  g_assert_no_error (error);
  saved_sum = test_file_checksum (saved);
  source_sum = test_file_checksum (path);
  g_assert_cmpstr (saved_sum, ==, source_sum);
  g_assert_false (shnor_document_save_attachment (f->doc, file, f->path, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_EXISTS);
  g_clear_error (&error);

  /* a deleted file comes back with undo, byte for byte */
  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  g_assert_true (shnor_document_delete_attachment (f->doc, copy, &error));
  g_assert_no_error (error);
  g_assert_null (shnor_document_read_attachment (f->doc, copy, &error));
  g_clear_error (&error);
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_clear_pointer (&back, g_bytes_unref);
  back = shnor_document_read_attachment (f->doc, copy, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, pdf));
  g_assert_true (shnor_document_redo (f->doc, &error));
  g_assert_true (shnor_document_undo (f->doc, &error));

  /* so does a deleted practice with its files */
  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  g_assert_true (shnor_document_delete_practice (f->doc, practice, &error));
  assert_one_step (f->doc, before);
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_clear_pointer (&back, g_bytes_unref);
  back = shnor_document_read_attachment (f->doc, file, &error);
  g_assert_true (g_bytes_equal (back, pdf));

  /* refused, with nothing changed: too large, over the card's total, not
   * what the name says, empty, of a kind the bank does not keep,
   * unreadable, a folder */
  g_clear_pointer (&before, g_free);
  before = dump (f->doc);
  {
    g_autoptr(GBytes) big = fake_pdf (SHNOR_ATTACHMENT_MAX_SIZE + 1);
    g_autoptr(GBytes) nineteen = fake_pdf (19 * 1024 * 1024);
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
    g_autoptr(GBytes) exe = g_bytes_new_static ("MZ\220\0\3\0\0\0", 8);
    g_autofree char *missing = g_build_filename (f->dir, "Нет такого.pdf", NULL);

    assert_refused (shnor_document_attach_bytes (f->doc, practice, "Большой.pdf", big, &error) != 0, &error,
                    "at most 20", before, f->doc);
    g_assert_cmpint (shnor_document_attach_bytes (f->doc, practice, "a.pdf", nineteen, &error), >, 0);
    g_assert_cmpint (shnor_document_attach_bytes (f->doc, practice, "b.pdf", nineteen, &error), >, 0);
    g_assert_no_error (error);
    g_clear_pointer (&before, g_free);
    before = dump (f->doc);
    assert_refused (shnor_document_attach_bytes (f->doc, practice, "c.pdf", nineteen, &error) != 0, &error,
                    "a practice may keep", before, f->doc);
    assert_refused (shnor_document_attach_bytes (f->doc, practice, "программа.pdf", exe, &error) != 0, &error,
                    "is not a PDF file", before, f->doc);
    assert_refused (shnor_document_attach_bytes (f->doc, practice, "программа.exe", exe, &error) != 0, &error,
                    "cannot be attached", before, f->doc);
    assert_refused (shnor_document_attach_bytes (f->doc, practice, "пусто.txt", empty, &error) != 0, &error,
                    "is empty", before, f->doc);
    assert_refused (shnor_document_attach_file (f->doc, practice, missing, &error) != 0, &error, "cannot be read",
                    before, f->doc);
    assert_refused (shnor_document_attach_file (f->doc, practice, f->dir, &error) != 0, &error, "is not a file",
                    before, f->doc);
  }
}

static void
test_attachment_check (void)
{
  static const struct { const char *name; const char *head; gsize length; const char *type; } cases[] = {
    { "отчёт.PDF", "%PDF-1.7", 8, "application/pdf" },
    { "план.docx", "PK\3\4xx", 6, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
    { "план.doc", "\320\317\021\340\241\261\032\341", 8, "application/msword" },
    { "фото.JPG", "\377\330\377\340", 4, "image/jpeg" },
    { "заметка.txt", "Текст", 10, "text/plain" },
    /* a text cut inside its last letter is still text */
    { "заметка.txt", "Текст", 9, "text/plain" },
    { "заметка.txt", "a\0b", 3, NULL },
    { "план.docx", "%PDF-1.7", 8, NULL },
    { "вирус.exe", "MZ", 2, NULL },
    { "без расширения", "%PDF", 4, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      const char *type = shnor_attachment_check (cases[i].name, (const guint8 *) cases[i].head, cases[i].length,
                                                 &error);

      g_assert_cmpstr (type, ==, cases[i].type);
      g_assert_true ((type == NULL) == (error != NULL));
    }
  {
    g_autofree char *a = shnor_attachment_clean_name ("C:\\Users\\Мария\\Отчёт: итог?.pdf");
    g_autofree char *b = shnor_attachment_clean_name ("../../.bashrc");
    g_autofree char *q = shnor_practice_match_query ("ёж\" OR *(x");

    g_assert_cmpstr (a, ==, "Отчёт_ итог_.pdf");
    g_assert_cmpstr (b, ==, "file.bashrc");
    g_assert_cmpstr (q, ==, "\"еж\"* \"OR\"* \"x\"*");
  }
}

/* ---- an older file ------------------------------------------------------- */

/* The demo as format 8 wrote it: the upgraded file keeps its people, who
 * now have no school, and takes the network. */
static void
test_migration (void)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Старый.shnor", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = NULL;
  g_autoptr(GArray) staff = NULL;
  sqlite3 *db = NULL;
  gint64 practice;

  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "fixtures", "format-8.sql", NULL), &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  doc = shnor_document_open (path, &error);
  g_assert_no_error (error);
  staff = shnor_document_get_staff (doc, 0);
  g_assert_cmpuint (staff->len, >, 0);
  for (guint i = 0; i < staff->len; i++)
    {
      g_assert_cmpint (g_array_index (staff, ShnorStaffMember, i).school_id, ==, 0);
      g_assert_cmpstr (g_array_index (staff, ShnorStaffMember, i).subjects, ==, "");
    }
  g_assert_true (shnor_document_set_person_school (doc, g_array_index (staff, ShnorStaffMember, 0).id, 1, &error));
  g_assert_cmpint (shnor_document_add_partnership (doc, 8, 1, 0, SHNOR_PARTNER_MENTOR, &error), >, 0);
  practice = shnor_document_add_practice (doc, "Наставничество «учитель — учитель»", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (practice, >, 0);
  g_assert_cmpuint (found (doc, "наставнич", NULL, NULL, -1), ==, 1);
  g_clear_object (&doc);
  test_rm_rf (dir);
}

/* Whether a target indicator of @programme bound to @binding has a
 * value counted from the network in some year, and a target in each */
static gboolean
counts_network (ShnorDocument *doc,
                gint64         programme,
                const char    *binding)
{
  g_autoptr(GArray) rows = shnor_document_get_part (doc, programme, SHNOR_PART_INDICATOR);
  gboolean counted = FALSE;

  for (guint r = 0; r < rows->len; r++)
    {
      const ShnorPartRow *row = &g_array_index (rows, ShnorPartRow, r);
      g_autoptr(GArray) plan = NULL;

      if (g_strcmp0 (row->binding, binding) != 0)
        continue;
      plan = shnor_document_get_indicator_plan (doc, row->id);
      for (guint y = 0; y < plan->len; y++)
        {
          const ShnorIndicatorYear *year = &g_array_index (plan, ShnorIndicatorYear, y);

          g_assert_true (year->computed);
          g_assert_true (year->has_target);
          counted |= year->has_actual && year->actual > 0;
        }
    }
  return counted;
}

/* The demo follows its network in the monitoring: the approved programme
 * counts the mentoring pairs of its schools' teachers, the draft one those
 * of its school and the share of its teachers trained, each with a value
 * the file holds. */
static void
test_demo_indicators (void)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Демо.shnor", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = NULL;
  g_autoptr(GListModel) programmes = NULL;
  gint64 draft = 0, approved = 0;

  g_assert_true (shnor_demo_network_write (path, &error));
  g_assert_no_error (error);
  doc = shnor_document_open (path, &error);
  g_assert_no_error (error);
  programmes = shnor_document_get_programmes (doc, FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (programmes); i++)
    {
      g_autoptr(ShnorProgramme) p = g_list_model_get_item (programmes, i);

      if (shnor_programme_get_status (p) == SHNOR_PROGRAMME_DRAFT)
        draft = shnor_programme_get_id (p);
      else if (shnor_programme_get_status (p) == SHNOR_PROGRAMME_APPROVED)
        approved = shnor_programme_get_id (p);
    }
  g_assert_cmpint (draft, !=, 0);
  g_assert_cmpint (approved, !=, 0);
  g_assert_true (counts_network (doc, approved, "network\tmentoring"));
  g_assert_true (counts_network (doc, draft, "network\tmentoring"));
  g_assert_true (counts_network (doc, draft, "network\ttrained"));
  g_clear_object (&doc);
  test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/network/partnerships", test_partnerships);
  ADD ("/network/partnership-programme", test_partnership_programme);
  ADD ("/network/appendix", test_appendix);
  ADD ("/network/staff", test_staff);
  ADD ("/network/diagram", test_diagram);
  ADD ("/network/suggest", test_suggest);
  ADD ("/network/practices", test_practices);
  ADD ("/network/attachments", test_attachments);
  g_test_add_func ("/network/attachment-check", test_attachment_check);
  g_test_add_func ("/network/migration", test_migration);
  g_test_add_func ("/network/demo-indicators", test_demo_indicators);
#undef ADD

  return g_test_run ();
}
