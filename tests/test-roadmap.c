/* test-roadmap.c: road maps in the core — months, overdue and due soon
 * at the month boundaries, numbering after every kind of move, the
 * three-level table, copying between programmes and into an amendment,
 * the people list, and an approved road map that keeps its plan but
 * records its execution. */
#include "shnor-demo.h"
#include "shnor-document.h"
#include "shnor-error.h"
#include "test-util.h"

typedef struct {
  char          *dir;
  ShnorDocument *doc;
  gint64         programme;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = test_tmpdir ();
  path = g_build_filename (f->dir, "Дорожная карта.shnor", NULL);
  f->doc = shnor_document_create (path, &error);
  g_assert_no_error (error);
  f->programme = shnor_document_add_programme (f->doc, SHNOR_TEMPLATE_MUNICIPAL_SUPPORT, 0, 2026, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->doc);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
assert_refused (gboolean  ok,
                GError  **error,
                int       code)
{
  g_assert_false (ok);
  g_assert_error (*error, SHNOR_ERROR, code);
  g_test_message ("refused: %s", (*error)->message);
  g_clear_error (error);
}

static GDate *
day (int y, int m, int d)
{
  return g_date_new_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static void
test_months (void)
{
  static const struct { const char *text; int year, month; } good[] = {
    { "05.2026", 2026, 5 }, { "5.2026", 2026, 5 }, { "2026-05", 2026, 5 }, { "05/2026", 2026, 5 },
    { "май 2026", 2026, 5 }, { "мая 2026 г.", 2026, 5 }, { "Сентябрь 2026", 2026, 9 },
    { "декабря 2027", 2027, 12 }, { "Март 2025 года", 2025, 3 },
  };
  static const char * const bad[] = { "13.2026", "0.2026", "2026", "маяк 2026", "", "01.09.2026", "май",
                                      "сентябрь 1800" };
  const ShnorField *end = shnor_measure_field ("end_month");
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      int year = 0, month = 0;

      g_assert_true (shnor_parse_month (good[i].text, &year, &month));
      g_assert_cmpint (year, ==, good[i].year);
      g_assert_cmpint (month, ==, good[i].month);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      int year, month;

      g_assert_false (shnor_parse_month (bad[i], &year, &month));
    }
  /* stored as YYYY-MM, shown as ММ.ГГГГ; a wrong one refused with the field's name */
  g_assert_true (shnor_field_parse (end, "сентябрь 2026", &value, &error));
  g_assert_cmpstr (g_value_get_string (&value), ==, "2026-09");
  shown = shnor_field_format (end, &value);
  g_assert_cmpstr (shown, ==, "09.2026");
  g_value_unset (&value);
  g_assert_false (shnor_field_parse (end, "13.2026", &value, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_test_message ("%s", error->message);
}

/* Overdue from the first day after the end month; due soon while the
 * end month's last day is at most 30 days ahead. */
static void
test_due (void)
{
  static const struct { const char *end; ShnorMeasureStatus status; int y, m, d; ShnorDue due; } cases[] = {
    { "2026-05", SHNOR_MEASURE_PLANNED, 2026, 4, 30, SHNOR_DUE_NONE },     /* 31 days to 31.05 */
    { "2026-05", SHNOR_MEASURE_PLANNED, 2026, 5, 1, SHNOR_DUE_SOON },      /* 30 days */
    { "2026-05", SHNOR_MEASURE_IN_PROGRESS, 2026, 5, 31, SHNOR_DUE_SOON }, /* the last day */
    { "2026-05", SHNOR_MEASURE_PLANNED, 2026, 6, 1, SHNOR_DUE_OVERDUE },
    { "2026-05", SHNOR_MEASURE_DONE, 2026, 6, 1, SHNOR_DUE_NONE },
    { "2026-05", SHNOR_MEASURE_CANCELLED, 2027, 1, 1, SHNOR_DUE_NONE },
    { "2028-02", SHNOR_MEASURE_PLANNED, 2028, 2, 29, SHNOR_DUE_SOON },     /* a leap year */
    { "2028-02", SHNOR_MEASURE_PLANNED, 2028, 3, 1, SHNOR_DUE_OVERDUE },
    { "2026-12", SHNOR_MEASURE_PLANNED, 2027, 1, 1, SHNOR_DUE_OVERDUE },   /* across the year */
    { "2026-12", SHNOR_MEASURE_PLANNED, 2026, 12, 1, SHNOR_DUE_SOON },
    { "2026-12", SHNOR_MEASURE_PLANNED, 2026, 11, 30, SHNOR_DUE_NONE },    /* 31.12 is 31 days on */
    { "", SHNOR_MEASURE_PLANNED, 2030, 1, 1, SHNOR_DUE_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) today = day (cases[i].y, cases[i].m, cases[i].d);
      g_assert_cmpint (shnor_measure_due (cases[i].end, cases[i].status, today), ==, cases[i].due);
    }
}

static GArray *
roadmap (Fixture *f)
{
  g_autoptr(GDate) today = day (2026, 12, 2);

  return shnor_document_get_roadmap (f->doc, f->programme, today);
}

/* "1 A|1.1 B|2 C": the numbers and titles in tree order */
static char *
outline (Fixture *f)
{
  g_autoptr(GArray) measures = roadmap (f);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < measures->len; i++)
    {
      const ShnorMeasure *m = &g_array_index (measures, ShnorMeasure, i);

      g_string_append_printf (text, "%s%s %s", i ? "|" : "", m->number, m->texts[0]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_outline (Fixture    *f,
                const char *expected)
{
  g_autofree char *text = outline (f);

  g_assert_cmpstr (text, ==, expected);
}

static gint64
add (Fixture    *f,
     gint64      after,
     const char *title)
{
  g_autoptr(GError) error = NULL;
  gint64 id = shnor_document_add_measure (f->doc, f->programme, after, title, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_numbering (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a, b, c, d, e;

  a = add (f, 0, "A");
  b = add (f, 0, "B");
  c = add (f, 0, "C");
  assert_outline (f, "1 A|2 B|3 C");
  /* indent: B under A */
  g_assert_true (shnor_document_indent_measure (f->doc, b, &error));
  assert_outline (f, "1 A|1.1 B|2 C");
  /* a new measure after B stays at B's level */
  d = add (f, b, "D");
  assert_outline (f, "1 A|1.1 B|1.2 D|2 C");
  /* D indented under B, then E after A at the top */
  g_assert_true (shnor_document_indent_measure (f->doc, d, &error));
  e = add (f, a, "E");
  assert_outline (f, "1 A|1.1 B|1.1.1 D|2 E|3 C");
  /* up and down among siblings; the first stays first */
  g_assert_true (shnor_document_move_measure (f->doc, c, -1, &error));
  assert_outline (f, "1 A|1.1 B|1.1.1 D|2 C|3 E");
  g_assert_true (shnor_document_move_measure (f->doc, a, -1, &error));
  assert_outline (f, "1 A|1.1 B|1.1.1 D|2 C|3 E");
  g_assert_true (shnor_document_move_measure (f->doc, a, 1, &error));
  assert_outline (f, "1 C|2 A|2.1 B|2.1.1 D|3 E");
  /* outdent: D right after B, then B right after A, taking nothing along */
  g_assert_true (shnor_document_outdent_measure (f->doc, d, &error));
  assert_outline (f, "1 C|2 A|2.1 B|2.2 D|3 E");
  g_assert_true (shnor_document_outdent_measure (f->doc, b, &error));
  assert_outline (f, "1 C|2 A|2.1 D|3 B|4 E");
  /* a top-level one does not outdent; the first sibling does not indent */
  g_assert_true (shnor_document_outdent_measure (f->doc, c, &error));
  g_assert_true (shnor_document_indent_measure (f->doc, c, &error));
  assert_outline (f, "1 C|2 A|2.1 D|3 B|4 E");
  /* deleting A takes D; undo brings both back in place */
  g_assert_true (shnor_document_delete_measure (f->doc, a, &error));
  assert_outline (f, "1 C|2 B|3 E");
  g_assert_true (shnor_document_undo (f->doc, &error));
  assert_outline (f, "1 C|2 A|2.1 D|3 B|4 E");
  /* every move is one undo step */
  g_assert_true (shnor_document_undo (f->doc, &error));
  assert_outline (f, "1 C|2 A|2.1 B|2.2 D|3 E");
  g_assert_true (shnor_document_redo (f->doc, &error));
  assert_outline (f, "1 C|2 A|2.1 D|3 B|4 E");
  g_assert_no_error (error);
  (void) e;
}

static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) people = NULL;
  g_autoptr(GArray) measures = NULL;
  g_autoptr(GArray) indicators = shnor_document_get_part (f->doc, f->programme, SHNOR_PART_INDICATOR);
  gint64 m = add (f, 0, "Создание муниципальной рабочей группы");
  gint64 school = shnor_document_add_school (f->doc, "МБОУ «СОШ № 2»", &error);
  gint64 person = shnor_document_add_person (f->doc, "Соколова Ирина Викторовна", "начальник управления",
                                             "Управление образования", &error);
  const ShnorMeasure *read;

  g_assert_no_error (error);
  g_assert_true (shnor_document_set_measure_field (f->doc, m, "forms", "рабочая группа", &error));
  g_assert_true (shnor_document_set_measure_field (f->doc, m, "start_month", "апрель 2026", &error));
  g_assert_true (shnor_document_set_measure_field (f->doc, m, "end_month", "05.2026", &error));
  g_assert_true (shnor_document_set_measure_field (f->doc, m, "period_text", "апрель — май 2026 года", &error));
  g_assert_true (shnor_document_set_measure_levels (f->doc, m, SHNOR_LEVEL_MUNICIPAL | SHNOR_LEVEL_SCHOOL, &error));
  g_assert_true (shnor_document_set_measure_link (f->doc, m, SHNOR_LINK_SCHOOL, school, TRUE, &error));
  g_assert_true (shnor_document_set_measure_link (f->doc, m, SHNOR_LINK_PERSON, person, TRUE, &error));
  g_assert_true (shnor_document_set_measure_link (f->doc, m, SHNOR_LINK_INDICATOR,
                                                  g_array_index (indicators, ShnorPartRow, 0).id, TRUE, &error));
  g_assert_no_error (error);

  /* refused: an end before the start, an unknown person, a bad month */
  assert_refused (shnor_document_set_measure_field (f->doc, m, "end_month", "03.2026", &error), &error,
                  SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_set_measure_field (f->doc, m, "start_month", "06.2026", &error), &error,
                  SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_set_measure_field (f->doc, m, "end_month", "тринадцатый 2026", &error), &error,
                  SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_set_measure_link (f->doc, m, SHNOR_LINK_PERSON, 999, TRUE, &error), &error,
                  SHNOR_ERROR_INVALID);

  measures = roadmap (f);
  g_assert_cmpuint (measures->len, ==, 1);
  read = &g_array_index (measures, ShnorMeasure, 0);
  g_assert_cmpstr (read->texts[shnor_measure_field_index ("start_month")], ==, "04.2026");
  g_assert_cmpstr (read->texts[shnor_measure_field_index ("end_month")], ==, "05.2026");
  g_assert_cmpstr (read->texts[shnor_measure_field_index ("forms")], ==, "рабочая группа");
  g_assert_cmpuint (read->levels, ==, SHNOR_LEVEL_MUNICIPAL | SHNOR_LEVEL_SCHOOL);
  g_assert_cmpint (read->due, ==, SHNOR_DUE_OVERDUE);  /* on 02.12.2026 */
  g_assert_cmpuint (read->links[SHNOR_LINK_SCHOOL]->len, ==, 1);
  g_assert_cmpint (g_array_index (read->links[SHNOR_LINK_PERSON], gint64, 0), ==, person);
  g_assert_cmpuint (read->links[SHNOR_LINK_INDICATOR]->len, ==, 1);

  /* the three-level table: the title in the columns of its levels */
  g_assert_cmpstr (shnor_measure_level_text (read, SHNOR_LEVEL_MUNICIPAL), ==, "Создание муниципальной рабочей группы");
  g_assert_cmpstr (shnor_measure_level_text (read, SHNOR_LEVEL_METHOD), ==, "");
  g_assert_cmpstr (shnor_measure_level_text (read, SHNOR_LEVEL_SCHOOL), ==, "Создание муниципальной рабочей группы");

  /* people: a responsible person cannot be deleted; another can */
  assert_refused (shnor_document_delete_person (f->doc, person, &error), &error, SHNOR_ERROR_INVALID);
  g_assert_true (shnor_document_set_person_field (f->doc, person, "position", "начальник", &error));
  people = shnor_document_get_people (f->doc);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (g_array_index (people, ShnorPerson, 0).position, ==, "начальник");
  assert_refused (shnor_document_add_person (f->doc, "", "", "", &error) != 0, &error, SHNOR_ERROR_INVALID);
  g_assert_true (shnor_document_set_measure_link (f->doc, m, SHNOR_LINK_PERSON, person, FALSE, &error));
  g_assert_true (shnor_document_delete_person (f->doc, person, &error));
  g_assert_no_error (error);
}

/* Copy into another programme: the tree, schools and people; not the
 * other programme's indicators. An amendment keeps them all. */
static void
test_copy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) indicators = shnor_document_get_part (f->doc, f->programme, SHNOR_PART_INDICATOR);
  gint64 a = add (f, 0, "A"), b = add (f, a, "B");
  gint64 person = shnor_document_add_person (f->doc, "Мальцев И. Г.", NULL, NULL, &error);
  gint64 other, amendment;
  g_autofree char *source = NULL;

  g_assert_true (shnor_document_indent_measure (f->doc, b, &error));
  g_assert_true (shnor_document_set_measure_link (f->doc, b, SHNOR_LINK_PERSON, person, TRUE, &error));
  g_assert_true (shnor_document_set_measure_link (f->doc, b, SHNOR_LINK_INDICATOR,
                                                  g_array_index (indicators, ShnorPartRow, 1).id, TRUE, &error));
  source = outline (f);

  other = shnor_document_add_programme (f->doc, SHNOR_TEMPLATE_MUNICIPAL_SUPPORT, 0, 2027, &error);
  g_assert_no_error (error);
  g_assert_cmpint (shnor_document_copy_measures (f->doc, f->programme, other, &error), ==, 2);
  g_assert_cmpint (shnor_document_copy_measures (f->doc, other, other, &error), ==, -1);
  g_clear_error (&error);
  {
    gint64 keep = f->programme;
    g_autofree char *copied = NULL;
    g_autoptr(GArray) measures = NULL;

    f->programme = other;
    copied = outline (f);
    measures = roadmap (f);
    f->programme = keep;
    g_assert_cmpstr (copied, ==, source);
    g_assert_cmpuint (g_array_index (measures, ShnorMeasure, 1).links[SHNOR_LINK_PERSON]->len, ==, 1);
    g_assert_cmpuint (g_array_index (measures, ShnorMeasure, 1).links[SHNOR_LINK_INDICATOR]->len, ==, 0);
  }
  /* one undo step takes the copy back */
  g_assert_true (shnor_document_undo (f->doc, &error));
  {
    g_autoptr(GArray) none = shnor_document_get_roadmap (f->doc, other, NULL);

    g_assert_cmpuint (none->len, ==, 0);
  }

  g_assert_true (shnor_document_approve_programme (f->doc, f->programme, "12-од", "15.01.2026", "Соколова И. В.",
                                                   &error));
  amendment = shnor_document_make_amendment (f->doc, f->programme, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GArray) measures = shnor_document_get_roadmap (f->doc, amendment, NULL);
    g_autoptr(GArray) new_indicators = shnor_document_get_part (f->doc, amendment, SHNOR_PART_INDICATOR);
    const ShnorMeasure *copied_b = &g_array_index (measures, ShnorMeasure, 1);

    g_assert_cmpuint (measures->len, ==, 2);
    g_assert_cmpstr (copied_b->number, ==, "1.1");
    g_assert_cmpint (g_array_index (copied_b->links[SHNOR_LINK_INDICATOR], gint64, 0), ==,
                     g_array_index (new_indicators, ShnorPartRow, 1).id);
  }
}

/* An approved road map keeps its plan; its execution is recorded. */
static void
test_approved (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) measures = NULL;
  gint64 a = add (f, 0, "A"), b = add (f, 0, "B");
  const ShnorMeasure *read;

  g_assert_true (shnor_document_set_measure_field (f->doc, a, "end_month", "03.2026", &error));
  g_assert_true (shnor_document_approve_programme (f->doc, f->programme, "12-од", "15.01.2026", "Соколова И. В.",
                                                   &error));
  g_assert_no_error (error);
  assert_refused (shnor_document_set_measure_field (f->doc, a, "title", "другое", &error) , &error,
                  SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_add_measure (f->doc, f->programme, 0, "C", &error) != 0, &error,
                  SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_delete_measure (f->doc, a, &error), &error, SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_move_measure (f->doc, b, -1, &error), &error, SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_indent_measure (f->doc, b, &error), &error, SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_set_measure_levels (f->doc, a, SHNOR_LEVEL_SCHOOL, &error), &error,
                  SHNOR_ERROR_READ_ONLY);
  /* marking done needs a date, a real one */
  assert_refused (shnor_document_mark_measure_done (f->doc, a, "", "протокол", &error), &error,
                  SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_mark_measure_done (f->doc, a, "31.04.2026", "протокол", &error), &error,
                  SHNOR_ERROR_INVALID);
  measures = roadmap (f);
  g_assert_cmpint (g_array_index (measures, ShnorMeasure, 0).due, ==, SHNOR_DUE_OVERDUE);
  g_clear_pointer (&measures, g_array_unref);
  g_assert_true (shnor_document_mark_measure_done (f->doc, a, "30.04.2026", "Приказ № 45 о рабочей группе", &error));
  g_assert_no_error (error);
  measures = roadmap (f);
  read = &g_array_index (measures, ShnorMeasure, 0);
  g_assert_cmpint (read->status, ==, SHNOR_MEASURE_DONE);
  g_assert_cmpint (read->due, ==, SHNOR_DUE_NONE);
  g_assert_cmpstr (read->texts[shnor_measure_field_index ("done_date")], ==, "30.04.2026");
  g_assert_cmpstr (read->texts[shnor_measure_field_index ("evidence")], ==, "Приказ № 45 о рабочей группе");
  /* one step undoes the three fields */
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_clear_pointer (&measures, g_array_unref);
  measures = roadmap (f);
  g_assert_cmpint (g_array_index (measures, ShnorMeasure, 0).status, ==, SHNOR_MEASURE_PLANNED);
  g_assert_cmpstr (g_array_index (measures, ShnorMeasure, 0).texts[shnor_measure_field_index ("evidence")], ==, "");
  /* the monitoring lists the approved programme's measures */
  g_clear_pointer (&measures, g_array_unref);
  measures = shnor_document_get_monitoring (f->doc, NULL);
  g_assert_cmpuint (measures->len, ==, 2);
  /* archived: nothing is recorded any more */
  g_assert_true (shnor_document_archive_programme (f->doc, f->programme, TRUE, &error));
  assert_refused (shnor_document_mark_measure_done (f->doc, a, "30.04.2026", "", &error), &error,
                  SHNOR_ERROR_READ_ONLY);
  g_clear_pointer (&measures, g_array_unref);
  measures = shnor_document_get_monitoring (f->doc, NULL);
  g_assert_cmpuint (measures->len, ==, 0);
}

/* The demo's approved programme has a full road map on three levels,
 * some of it done and some overdue on the day the demo was written. */
static void
test_demo (void)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.shnor", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = NULL;
  g_autoptr(GArray) measures = NULL;
  guint levels = 0, done = 0, overdue = 0;

  g_assert_true (shnor_demo_write (path, &error));
  doc = shnor_document_open (path, &error);
  g_assert_no_error (error);
  measures = shnor_document_get_monitoring (doc, NULL);
  g_assert_cmpuint (measures->len, >=, 35);
  for (guint i = 0; i < measures->len; i++)
    {
      const ShnorMeasure *m = &g_array_index (measures, ShnorMeasure, i);

      levels |= m->levels;
      done += m->status == SHNOR_MEASURE_DONE;
      overdue += m->due == SHNOR_DUE_OVERDUE;
    }
  g_assert_cmpuint (levels, ==, SHNOR_LEVEL_MUNICIPAL | SHNOR_LEVEL_METHOD | SHNOR_LEVEL_SCHOOL);
  g_assert_cmpuint (done, >=, 3);
  g_assert_cmpuint (overdue, >=, 2);
  g_clear_object (&doc);
  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/roadmap/months", test_months);
  g_test_add_func ("/roadmap/due", test_due);
  g_test_add ("/roadmap/numbering", Fixture, NULL, fixture_set_up, test_numbering, fixture_tear_down);
  g_test_add ("/roadmap/fields", Fixture, NULL, fixture_set_up, test_fields, fixture_tear_down);
  g_test_add ("/roadmap/copy", Fixture, NULL, fixture_set_up, test_copy, fixture_tear_down);
  g_test_add ("/roadmap/approved", Fixture, NULL, fixture_set_up, test_approved, fixture_tear_down);
  g_test_add_func ("/roadmap/demo", test_demo);
  return g_test_run ();
}
