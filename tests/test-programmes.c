/* test-programmes.c: programmes in the core: templates, every field's
 * round trip, the checks, indicators (typed and bound to the results) and
 * their achievement, approval, amendments and history. */
#include <math.h>
#include <string.h>

#include "shnor-demo.h"
#include "shnor-document.h"
#include "shnor-error.h"
#include "test-util.h"

typedef struct {
  char          *dir;
  ShnorDocument *doc;
  gint64         school;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = test_tmpdir ();
  path = g_build_filename (f->dir, "Программы.shnor", NULL);
  f->doc = shnor_document_create (path, &error);
  g_assert_no_error (error);
  f->school = shnor_document_add_school (f->doc, "МКОУ «ООШ с. Кедровка»", &error);
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

static guint
part_len (ShnorDocument *doc,
          gint64         id,
          ShnorPart      part)
{
  g_autoptr(GArray) rows = shnor_document_get_part (doc, id, part);

  return rows->len;
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

/* Every template gives a complete structure: the four stages, tasks,
 * results, indicators (some bound to the results), risks, an act. */
static void
test_templates (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (ShnorProgrammeTemplate kind = 0; kind < SHNOR_N_TEMPLATES; kind++)
    {
      gint64 school = kind == SHNOR_TEMPLATE_MUNICIPAL_SUPPORT ? 0 : f->school;
      gint64 id = shnor_document_add_programme (f->doc, kind, school, 2026, &error);
      g_autoptr(ShnorProgramme) p = NULL;
      g_autoptr(GArray) stages = NULL;
      g_autoptr(GArray) indicators = NULL;
      g_autoptr(GArray) schools = NULL;
      g_autofree char *goal = NULL;
      guint bound = 0;

      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
      p = shnor_document_dup_programme (f->doc, id);
      g_assert_cmpint (shnor_programme_get_status (p), ==, SHNOR_PROGRAMME_DRAFT);
      g_assert_cmpint (shnor_programme_get_version (p), ==, 1);
      g_assert_cmpint (shnor_programme_get_first_year (p), ==, 2026);
      g_assert_cmpint (shnor_programme_get_last_year (p), ==, 2028);
      g_assert_cmpint (shnor_programme_get_level (p), ==,
                       school ? SHNOR_PROGRAMME_SCHOOL : SHNOR_PROGRAMME_MUNICIPAL);
      g_assert_true (school == 0 || strstr (shnor_programme_get_title (p), "Кедровка") != NULL);
      goal = shnor_document_dup_programme_text (f->doc, id, "goal");
      g_assert_cmpstr (goal, !=, "");
      g_assert_cmpuint (part_len (f->doc, id, SHNOR_PART_TASK), >=, 3);
      g_assert_cmpuint (part_len (f->doc, id, SHNOR_PART_RESULT), >=, 2);
      g_assert_cmpuint (part_len (f->doc, id, SHNOR_PART_RISK), >=, 3);
      g_assert_cmpuint (part_len (f->doc, id, SHNOR_PART_ACT), ==, 1);
      stages = shnor_document_get_part (f->doc, id, SHNOR_PART_STAGE);
      g_assert_cmpuint (stages->len, ==, 4);
      for (guint i = 0; i < 4; i++)
        g_assert_cmpstr (g_array_index (stages, ShnorPartRow, i).texts[0], !=, "");
      /* what a template writes is document text: Russian whatever the
       * interface's language (these tests run without translations) */
      g_assert_cmpstr (g_array_index (stages, ShnorPartRow, 0).texts[0], ==, "Подготовительный этап");
      /* a school's stages are its own work, not the department's finding
       * of the schools */
      g_assert_true (g_str_has_prefix (g_array_index (stages, ShnorPartRow, 0).texts[3],
                                       kind == SHNOR_TEMPLATE_MUNICIPAL_SUPPORT ? "Утвердить критерии идентификации"
                                                                                : "Провести самодиагностику школы"));
      g_assert_true (g_str_has_prefix (goal, kind == SHNOR_TEMPLATE_ANTI_RISK ? "Снижение" : kind == 0 ? "Повышение"
                                                                                                  : "Перевод"));
      g_assert_true (g_str_has_prefix (shnor_programme_get_title (p), kind == SHNOR_TEMPLATE_MUNICIPAL_SUPPORT
                                         ? "Муниципальная программа поддержки школ"
                                         : kind == SHNOR_TEMPLATE_TRANSITION ? "Программа перехода МКОУ «ООШ с. Кедровка»"
                                                                             : "Антирисковая программа"));
      g_assert_true (g_str_has_suffix (shnor_programme_get_title (p), "на 2026–2028 годы"));
      indicators = shnor_document_get_part (f->doc, id, SHNOR_PART_INDICATOR);
      g_assert_cmpuint (indicators->len, >=, 3);
      for (guint i = 0; i < indicators->len; i++)
        bound += g_array_index (indicators, ShnorPartRow, i).binding[0] != '\0';
      g_assert_cmpuint (bound, >=, 1);
      schools = shnor_document_get_programme_schools (f->doc, id);
      g_assert_cmpuint (schools->len, ==, school ? 1 : 0);
    }
  /* a school programme needs its school */
  assert_refused (shnor_document_add_programme (f->doc, SHNOR_TEMPLATE_TRANSITION, 0, 2026, &error) != 0,
                  &error, SHNOR_ERROR_INVALID);
}

/* Every passport field and every part field round-trips; bad values are
 * refused and change nothing; each edit is one undo step. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = shnor_document_add_programme (f->doc, SHNOR_TEMPLATE_MUNICIPAL_SUPPORT, 0, 2026, &error);
  guint n_fields;
  const ShnorField *fields = shnor_programme_fields (&n_fields);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < n_fields; i++)
    {
      const char *column = fields[i].column;
      g_autofree char *text = NULL;
      g_autofree char *stored = NULL;

      if (fields[i].kind == SHNOR_FIELD_INT)
        text = g_strdup (g_str_equal (column, "first_year") ? "2025" : "2027");
      else
        text = g_strdup_printf ("Значение «%s»\nвторой абзац", column);
      g_assert_true (shnor_document_set_programme_field (f->doc, id, column, text, &error));
      g_assert_no_error (error);
      stored = shnor_document_dup_programme_text (f->doc, id, column);
      g_assert_cmpstr (stored, ==, text);
    }

  /* refused: empty title, a period that ends before it starts */
  before = shnor_document_dup_programme_text (f->doc, id, "title");
  assert_refused (shnor_document_set_programme_field (f->doc, id, "title", "  ", &error), &error,
                  SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_set_programme_field (f->doc, id, "last_year", "2024", &error), &error,
                  SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_set_programme_field (f->doc, id, "first_year", "2030", &error), &error,
                  SHNOR_ERROR_INVALID);
  after = shnor_document_dup_programme_text (f->doc, id, "title");
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);
  after = shnor_document_dup_programme_text (f->doc, id, "last_year");
  g_assert_cmpstr (after, ==, "2027");

  /* every field of every part */
  for (ShnorPart part = 0; part < SHNOR_N_PARTS; part++)
    {
      const ShnorField *pf = shnor_part_fields (part, &n_fields);
      gint64 row = shnor_document_add_part_row (f->doc, id, part, NULL, &error);
      g_autoptr(GArray) rows = NULL;
      const ShnorPartRow *last;
      GPtrArray *expected = g_ptr_array_new_with_free_func (g_free);

      g_assert_no_error (error);
      for (guint i = 0; i < n_fields; i++)
        {
          char *text;

          switch (pf[i].kind)
            {
            case SHNOR_FIELD_DATE: text = g_strdup ("15.03.2026"); break;
            case SHNOR_FIELD_CHOICE: text = g_strdup ("1"); break;
            case SHNOR_FIELD_INT:
              /* a risk's responsible person is one of the people list */
              text = g_str_equal (pf[i].column, "owner_id")
                     ? g_strdup_printf ("%" G_GINT64_FORMAT,
                                        shnor_document_add_person (f->doc, "Гусев Андрей Павлович", "", "", NULL))
                     : g_strdup ("2025");
              break;
            case SHNOR_FIELD_REAL: text = g_strdup ("12,5"); break;
            default: text = g_strdup_printf ("%s: текст", pf[i].column);
            }
          g_assert_true (shnor_document_set_part_field (f->doc, part, row, pf[i].column, text, &error));
          g_assert_no_error (error);
          g_ptr_array_add (expected, text);
        }
      rows = shnor_document_get_part (f->doc, id, part);
      last = &g_array_index (rows, ShnorPartRow, rows->len - 1);
      g_assert_cmpint (last->id, ==, row);
      for (guint i = 0; i < n_fields; i++)
        {
          g_autofree char *shown = g_strdup (last->texts[i]);

          g_strdelimit (shown, ".", ',');  /* the decimal point of the C locale */
          if (pf[i].kind == SHNOR_FIELD_DATE)
            g_assert_cmpstr (last->texts[i], ==, expected->pdata[i]);
          else
            g_assert_cmpstr (shown, ==, expected->pdata[i]);
        }
      g_ptr_array_unref (expected);
      /* a required field cannot be emptied; an impossible date is refused */
      assert_refused (shnor_document_set_part_field (f->doc, part, row, pf[0].column, "", &error), &error,
                      SHNOR_ERROR_INVALID);
      if (part == SHNOR_PART_ACT)
        assert_refused (shnor_document_set_part_field (f->doc, part, row, "date", "31.02.2026", &error), &error,
                        SHNOR_ERROR_INVALID);
    }
}

static gint64
first_row (ShnorDocument *doc,
           gint64         id,
           ShnorPart      part,
           guint          index)
{
  g_autoptr(GArray) rows = shnor_document_get_part (doc, id, part);

  return g_array_index (rows, ShnorPartRow, index).id;
}

/* Rows are added, moved and deleted; undo brings back the order. */
static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = shnor_document_add_programme (f->doc, SHNOR_TEMPLATE_TRANSITION, f->school, 2026, &error);
  gint64 first = first_row (f->doc, id, SHNOR_PART_TASK, 0);
  gint64 second = first_row (f->doc, id, SHNOR_PART_TASK, 1);
  guint n = part_len (f->doc, id, SHNOR_PART_TASK);
  const char *text[] = { "Новая задача", NULL };
  gint64 added;

  g_assert_true (shnor_document_move_part_row (f->doc, SHNOR_PART_TASK, first, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first_row (f->doc, id, SHNOR_PART_TASK, 0), ==, second);
  g_assert_cmpint (first_row (f->doc, id, SHNOR_PART_TASK, 1), ==, first);
  g_assert_true (shnor_document_move_part_row (f->doc, SHNOR_PART_TASK, second, -5, &error));  /* stays first */
  g_assert_cmpint (first_row (f->doc, id, SHNOR_PART_TASK, 0), ==, second);
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_assert_cmpint (first_row (f->doc, id, SHNOR_PART_TASK, 0), ==, first);

  added = shnor_document_add_part_row (f->doc, id, SHNOR_PART_TASK, text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (part_len (f->doc, id, SHNOR_PART_TASK), ==, n + 1);
  g_assert_cmpint (first_row (f->doc, id, SHNOR_PART_TASK, n), ==, added);
  g_assert_true (shnor_document_delete_part_row (f->doc, SHNOR_PART_TASK, first, &error));
  g_assert_cmpuint (part_len (f->doc, id, SHNOR_PART_TASK), ==, n);
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_assert_cmpuint (part_len (f->doc, id, SHNOR_PART_TASK), ==, n + 1);
  g_assert_cmpint (first_row (f->doc, id, SHNOR_PART_TASK, 0), ==, first);
  assert_refused (shnor_document_delete_part_row (f->doc, SHNOR_PART_TASK, 99999, &error), &error,
                  SHNOR_ERROR_INVALID);
}

/* The pure rule: higher or lower is better, a border value meets it. */
static void
test_achievement (void)
{
  g_assert_cmpint (shnor_achievement (FALSE, TRUE, 50, TRUE, 50), ==, SHNOR_ACHIEVEMENT_MET);
  g_assert_cmpint (shnor_achievement (FALSE, TRUE, 50, TRUE, 49.9), ==, SHNOR_ACHIEVEMENT_NOT_MET);
  g_assert_cmpint (shnor_achievement (TRUE, TRUE, 10, TRUE, 10), ==, SHNOR_ACHIEVEMENT_MET);
  g_assert_cmpint (shnor_achievement (TRUE, TRUE, 10, TRUE, 10.5), ==, SHNOR_ACHIEVEMENT_NOT_MET);
  g_assert_cmpint (shnor_achievement (TRUE, TRUE, 10, TRUE, 3), ==, SHNOR_ACHIEVEMENT_MET);
  g_assert_cmpint (shnor_achievement (FALSE, FALSE, 0, TRUE, 3), ==, SHNOR_ACHIEVEMENT_NO_DATA);
  g_assert_cmpint (shnor_achievement (FALSE, TRUE, 3, FALSE, 0), ==, SHNOR_ACHIEVEMENT_NO_DATA);
}

static void
put_result (ShnorDocument *doc,
            gint64         school,
            int            year,
            int            participants,
            int            below)
{
  g_autoptr(GError) error = NULL;
  ShnorResult r = { 0 };

  r.school_id = school;
  r.year = year;
  shnor_result_set_names (&r, "ОГЭ", "Математика");
  r.grade = 9;
  r.participants = participants;
  r.has_mean = TRUE;
  r.mean = 3.5;
  r.has_below = TRUE;
  r.below = below;
  g_assert_true (shnor_document_put_results (doc, &r, 1, "test", &error));
  g_assert_no_error (error);
}

/* Targets and actuals: the checks, the achievement of each year, and an
 * indicator bound to the results that follows them. */
static void
test_indicators (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = shnor_document_add_programme (f->doc, SHNOR_TEMPLATE_MUNICIPAL_SUPPORT, 0, 2026, &error);
  gint64 other = shnor_document_add_school (f->doc, "СОШ № 2", &error);
  const char *typed[] = { "Доля педагогов, прошедших КПК", "%", "0", "40", "2025", "отчёт", NULL };
  const char *bound[] = { "Доля ниже порога, ОГЭ математика", "%", "1", NULL };
  gint64 teachers = shnor_document_add_part_row (f->doc, id, SHNOR_PART_INDICATOR, typed, &error);
  gint64 below = shnor_document_add_part_row (f->doc, id, SHNOR_PART_INDICATOR, bound, &error);
  g_autoptr(GArray) plan = NULL;
  g_autofree char *described = NULL;

  g_assert_no_error (error);

  /* refused: baseline year after the start, targets outside the period,
   * a percentage above 100 */
  assert_refused (shnor_document_set_part_field (f->doc, SHNOR_PART_INDICATOR, teachers, "baseline_year", "2027",
                                                 &error), &error, SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_set_part_field (f->doc, SHNOR_PART_INDICATOR, teachers, "baseline", "140",
                                                 &error), &error, SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_set_indicator_plan (f->doc, teachers, 2029, FALSE, "50", &error), &error,
                  SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_set_indicator_plan (f->doc, teachers, 2025, FALSE, "50", &error), &error,
                  SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_set_indicator_plan (f->doc, teachers, 2026, FALSE, "101", &error), &error,
                  SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_set_indicator_plan (f->doc, teachers, 2026, TRUE, "много", &error), &error,
                  SHNOR_ERROR_INVALID);

  /* higher is better: 2026 50 → 55 met; 2027 60 → 58 not met; 2028 no data */
  g_assert_true (shnor_document_set_indicator_plan (f->doc, teachers, 2026, FALSE, "50", &error));
  g_assert_true (shnor_document_set_indicator_plan (f->doc, teachers, 2026, TRUE, "55", &error));
  g_assert_true (shnor_document_set_indicator_plan (f->doc, teachers, 2027, FALSE, "60", &error));
  g_assert_true (shnor_document_set_indicator_plan (f->doc, teachers, 2027, TRUE, "58", &error));
  g_assert_true (shnor_document_set_indicator_plan (f->doc, teachers, 2028, FALSE, "70", &error));
  g_assert_no_error (error);
  plan = shnor_document_get_indicator_plan (f->doc, teachers);
  g_assert_cmpuint (plan->len, ==, 3);
  g_assert_cmpint (g_array_index (plan, ShnorIndicatorYear, 0).achievement, ==, SHNOR_ACHIEVEMENT_MET);
  g_assert_cmpint (g_array_index (plan, ShnorIndicatorYear, 1).achievement, ==, SHNOR_ACHIEVEMENT_NOT_MET);
  g_assert_cmpint (g_array_index (plan, ShnorIndicatorYear, 2).achievement, ==, SHNOR_ACHIEVEMENT_NO_DATA);
  g_assert_false (g_array_index (plan, ShnorIndicatorYear, 0).computed);
  /* removing an actual value: no data again */
  g_assert_true (shnor_document_set_indicator_plan (f->doc, teachers, 2026, TRUE, "", &error));
  g_clear_pointer (&plan, g_array_unref);
  plan = shnor_document_get_indicator_plan (f->doc, teachers);
  g_assert_cmpint (g_array_index (plan, ShnorIndicatorYear, 0).achievement, ==, SHNOR_ACHIEVEMENT_NO_DATA);

  /* bound, lower is better: share below the threshold of the programme's
   * schools; with none chosen, of all schools */
  assert_refused (shnor_document_set_indicator_binding (f->doc, below, "below\tОГЭ", &error), &error,
                  SHNOR_ERROR_INVALID);
  g_assert_true (shnor_document_set_indicator_binding (f->doc, below, "below\tОГЭ\tМатематика\t9", &error));
  g_assert_true (shnor_document_set_indicator_plan (f->doc, below, 2026, FALSE, "10", &error));
  g_assert_no_error (error);
  described = shnor_binding_describe ("below\tОГЭ\tМатематика\t9");
  g_assert_nonnull (strstr (described, "Математика"));
  put_result (f->doc, f->school, 2026, 20, 4);    /* 20 % */
  put_result (f->doc, other, 2026, 30, 1);        /* all: 5 of 50 = 10 % */
  g_clear_pointer (&plan, g_array_unref);
  plan = shnor_document_get_indicator_plan (f->doc, below);
  g_assert_true (g_array_index (plan, ShnorIndicatorYear, 0).computed);
  g_assert_cmpfloat_with_epsilon (g_array_index (plan, ShnorIndicatorYear, 0).actual, 10, 1e-9);
  g_assert_cmpint (g_array_index (plan, ShnorIndicatorYear, 0).achievement, ==, SHNOR_ACHIEVEMENT_MET);
  g_assert_false (g_array_index (plan, ShnorIndicatorYear, 1).has_actual);
  /* only Кедровка takes part: 20 %, not met; its result changes: follows */
  g_assert_true (shnor_document_set_programme_school (f->doc, id, f->school, TRUE, &error));
  g_clear_pointer (&plan, g_array_unref);
  plan = shnor_document_get_indicator_plan (f->doc, below);
  g_assert_cmpfloat_with_epsilon (g_array_index (plan, ShnorIndicatorYear, 0).actual, 20, 1e-9);
  g_assert_cmpint (g_array_index (plan, ShnorIndicatorYear, 0).achievement, ==, SHNOR_ACHIEVEMENT_NOT_MET);
  put_result (f->doc, f->school, 2026, 20, 1);    /* 5 % */
  g_clear_pointer (&plan, g_array_unref);
  plan = shnor_document_get_indicator_plan (f->doc, below);
  g_assert_cmpfloat_with_epsilon (g_array_index (plan, ShnorIndicatorYear, 0).actual, 5, 1e-9);
  g_assert_cmpint (g_array_index (plan, ShnorIndicatorYear, 0).achievement, ==, SHNOR_ACHIEVEMENT_MET);
}

/* Financing by year and source, within the period. */
static void
test_financing (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = shnor_document_add_programme (f->doc, SHNOR_TEMPLATE_ANTI_RISK, f->school, 2026, &error);
  double amount = 0;

  g_assert_true (shnor_document_set_financing (f->doc, id, 2027, SHNOR_SOURCE_LOCAL, "1 250,5", &error));
  g_assert_no_error (error);
  g_assert_true (shnor_document_get_financing (f->doc, id, 2027, SHNOR_SOURCE_LOCAL, &amount));
  g_assert_cmpfloat (amount, ==, 1250.5);
  g_assert_false (shnor_document_get_financing (f->doc, id, 2027, SHNOR_SOURCE_FEDERAL, &amount));
  assert_refused (shnor_document_set_financing (f->doc, id, 2030, SHNOR_SOURCE_LOCAL, "5", &error), &error,
                  SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_set_financing (f->doc, id, 2026, SHNOR_SOURCE_LOCAL, "-5", &error), &error,
                  SHNOR_ERROR_INVALID);
  g_assert_true (shnor_document_set_financing (f->doc, id, 2027, SHNOR_SOURCE_LOCAL, "", &error));
  g_assert_false (shnor_document_get_financing (f->doc, id, 2027, SHNOR_SOURCE_LOCAL, &amount));
}

/* Approval makes a programme read-only in the core itself; an amendment is
 * a new draft version with the same contents; the history lists both;
 * archiving hides a programme from the default list. */
static void
test_approval (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = shnor_document_add_programme (f->doc, SHNOR_TEMPLATE_TRANSITION, f->school, 2026, &error);
  gint64 indicator = first_row (f->doc, id, SHNOR_PART_INDICATOR, 2);
  gint64 task = first_row (f->doc, id, SHNOR_PART_TASK, 0);
  g_autoptr(ShnorProgramme) approved = NULL;
  g_autoptr(ShnorProgramme) amended = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;
  gint64 amendment;

  g_assert_true (shnor_document_set_indicator_plan (f->doc, indicator, 2027, FALSE, "80", &error));
  g_assert_true (shnor_document_set_financing (f->doc, id, 2026, SHNOR_SOURCE_REGIONAL, "300", &error));
  g_assert_no_error (error);

  /* the order's number, date and signatory are all required */
  assert_refused (shnor_document_approve_programme (f->doc, id, "", "01.09.2026", "Соколова И. В.", &error),
                  &error, SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_approve_programme (f->doc, id, "112", "31.09.2026", "Соколова И. В.", &error),
                  &error, SHNOR_ERROR_INVALID);
  g_assert_true (shnor_document_approve_programme (f->doc, id, "112-о", "01.09.2026", "Соколова И. В.", &error));
  g_assert_no_error (error);
  approved = shnor_document_dup_programme (f->doc, id);
  g_assert_cmpint (shnor_programme_get_status (approved), ==, SHNOR_PROGRAMME_APPROVED);
  number = shnor_document_dup_programme_text (f->doc, id, "order_number");
  date = shnor_document_dup_programme_text (f->doc, id, "order_date");
  g_assert_cmpstr (number, ==, "112-о");
  g_assert_cmpstr (date, ==, "01.09.2026");

  /* every kind of edit is refused by the core */
  assert_refused (shnor_document_set_programme_field (f->doc, id, "goal", "другая", &error), &error,
                  SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_add_part_row (f->doc, id, SHNOR_PART_RISK, NULL, &error) != 0, &error,
                  SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_set_part_field (f->doc, SHNOR_PART_TASK, task, "text", "x", &error), &error,
                  SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_move_part_row (f->doc, SHNOR_PART_TASK, task, 1, &error), &error,
                  SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_delete_part_row (f->doc, SHNOR_PART_TASK, task, &error), &error,
                  SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_set_indicator_plan (f->doc, indicator, 2027, FALSE, "1", &error), &error,
                  SHNOR_ERROR_READ_ONLY);
  /* but its execution is recorded: an actual value, as a measure's status */
  g_assert_true (shnor_document_set_indicator_plan (f->doc, indicator, 2027, TRUE, "1", &error));
  g_assert_no_error (error);
  g_assert_true (shnor_document_undo (f->doc, &error));
  assert_refused (shnor_document_set_financing (f->doc, id, 2026, SHNOR_SOURCE_LOCAL, "1", &error), &error,
                  SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_set_programme_school (f->doc, id, f->school, FALSE, &error), &error,
                  SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_delete_programme (f->doc, id, &error), &error, SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_approve_programme (f->doc, id, "1", "01.09.2026", "И. В.", &error), &error,
                  SHNOR_ERROR_READ_ONLY);

  /* the amendment: version 2, a draft, the same contents */
  amendment = shnor_document_make_amendment (f->doc, id, &error);
  g_assert_no_error (error);
  amended = shnor_document_dup_programme (f->doc, amendment);
  g_assert_cmpint (shnor_programme_get_version (amended), ==, 2);
  g_assert_cmpint (shnor_programme_get_status (amended), ==, SHNOR_PROGRAMME_DRAFT);
  g_assert_cmpint (shnor_programme_get_origin (amended), ==, id);
  g_assert_cmpstr (shnor_programme_get_title (amended), ==, shnor_programme_get_title (approved));
  for (ShnorPart part = 0; part < SHNOR_N_PARTS; part++)
    g_assert_cmpuint (part_len (f->doc, amendment, part), ==, part_len (f->doc, id, part));
  plan = shnor_document_get_indicator_plan (f->doc, first_row (f->doc, amendment, SHNOR_PART_INDICATOR, 2));
  g_assert_cmpfloat (g_array_index (plan, ShnorIndicatorYear, 1).target, ==, 80);
  {
    g_autoptr(GArray) schools = shnor_document_get_programme_schools (f->doc, amendment);
    double amount = 0;

    g_assert_cmpuint (schools->len, ==, 1);
    g_assert_true (shnor_document_get_financing (f->doc, amendment, 2026, SHNOR_SOURCE_REGIONAL, &amount));
    g_assert_cmpfloat (amount, ==, 300);
  }
  g_assert_true (shnor_document_set_programme_field (f->doc, amendment, "goal", "уточнённая цель", &error));
  g_assert_no_error (error);
  /* one draft at a time; a draft is not amended */
  assert_refused (shnor_document_make_amendment (f->doc, id, &error) != 0, &error, SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_make_amendment (f->doc, amendment, &error) != 0, &error, SHNOR_ERROR_INVALID);

  history = shnor_document_get_programme_history (f->doc, amendment);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  {
    g_autoptr(ShnorProgramme) v1 = g_list_model_get_item (history, 0);

    g_assert_cmpint (shnor_programme_get_id (v1), ==, id);
  }

  /* archived: out of the default list, still in the full one; undo */
  g_assert_true (shnor_document_archive_programme (f->doc, id, TRUE, &error));
  list = shnor_document_get_programmes (f->doc, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);
  list = shnor_document_get_programmes (f->doc, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_true (shnor_document_archive_programme (f->doc, id, FALSE, &error));
  g_clear_object (&approved);
  approved = shnor_document_dup_programme (f->doc, id);
  g_assert_cmpint (shnor_programme_get_status (approved), ==, SHNOR_PROGRAMME_APPROVED);

  /* undoing the approval makes it a draft again */
  while (shnor_document_dup_programme (f->doc, amendment) != NULL)
    {
      ShnorProgramme *p = shnor_document_dup_programme (f->doc, amendment);

      g_object_unref (p);
      g_assert_true (shnor_document_undo (f->doc, &error));
    }
  g_object_unref (amended);
  g_assert_true (shnor_document_undo (f->doc, &error));
  amended = shnor_document_dup_programme (f->doc, id);
  g_assert_cmpint (shnor_programme_get_status (amended), ==, SHNOR_PROGRAMME_DRAFT);
}

/* A copy is a new programme: version 1, a draft, its own history. */
static void
test_copy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = shnor_document_add_programme (f->doc, SHNOR_TEMPLATE_MUNICIPAL_SUPPORT, 0, 2026, &error);
  gint64 copy;
  g_autoptr(ShnorProgramme) p = NULL;
  g_autoptr(GListModel) history = NULL;

  g_assert_true (shnor_document_approve_programme (f->doc, id, "5", "10.01.2026", "Соколова И. В.", &error));
  copy = shnor_document_copy_programme (f->doc, id, &error);
  g_assert_no_error (error);
  p = shnor_document_dup_programme (f->doc, copy);
  g_assert_cmpint (shnor_programme_get_version (p), ==, 1);
  g_assert_cmpint (shnor_programme_get_status (p), ==, SHNOR_PROGRAMME_DRAFT);
  history = shnor_document_get_programme_history (f->doc, copy);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
  g_assert_cmpuint (part_len (f->doc, copy, SHNOR_PART_STAGE), ==, 4);
}

/* The order's texts: defaults from the programme, edits stored (also in
 * an approved programme) and copied into an amendment, "" restores the
 * default, an archived programme refuses, undo restores */
static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = shnor_document_add_programme (f->doc, SHNOR_TEMPLATE_MUNICIPAL_SUPPORT, 0, 2026, &error);
  g_autofree char *title = shnor_document_dup_programme_text (f->doc, id, "title");
  g_autofree char *order_title = shnor_document_dup_order_text (f->doc, id, "title");
  g_autofree char *points = shnor_document_dup_order_text (f->doc, id, "points");
  g_autofree char *edited = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *back = NULL;
  gint64 amendment;

  g_assert_no_error (error);
  /* the title declined, not quoted: «Об утверждении муниципальной
   * программы …», and the appendices the points approve numbered */
  g_assert_true (g_str_has_prefix (title, "Муниципальная программа поддержки школ"));
  g_assert_true (g_str_has_prefix (order_title, "Об утверждении муниципальной программы поддержки школ"));
  g_assert_true (g_str_has_suffix (order_title, title + strlen ("Муниципальная программа")));
  g_assert_nonnull (strstr (points, "Утвердить муниципальную программу поддержки школ"));
  /* one appendix (no road map, no school yet) is not numbered */
  g_assert_nonnull (strstr (points, "(приложение)."));
  g_assert_nonnull (strstr (points, "Контроль за исполнением настоящего приказа оставляю за собой."));
  g_assert_true (shnor_document_set_programme_school (f->doc, id, f->school, TRUE, &error));
  g_clear_pointer (&points, g_free);
  points = shnor_document_dup_order_text (f->doc, id, "points");
  g_assert_nonnull (strstr (points, "(приложение № 1)."));
  g_assert_nonnull (strstr (points, "Утвердить перечень общеобразовательных организаций — участников программы "
                                    "(приложение № 2)."));
  g_assert_true (strchr (points, '\n') != NULL);
  g_assert_true (shnor_document_set_order_text (f->doc, id, "title", "Об утверждении программы поддержки школ",
                                                &error));
  edited = shnor_document_dup_order_text (f->doc, id, "title");
  g_assert_cmpstr (edited, ==, "Об утверждении программы поддержки школ");
  /* blank: the default again, not an empty order */
  g_assert_true (shnor_document_set_order_text (f->doc, id, "points", "   ", &error));
  g_clear_pointer (&points, g_free);
  points = shnor_document_dup_order_text (f->doc, id, "points");
  g_assert_true (strchr (points, '\n') != NULL);
  g_assert_true (shnor_document_approve_programme (f->doc, id, "12-од", "01.09.2026", "Соколова И. В.", &error));
  g_assert_true (shnor_document_set_order_text (f->doc, id, "place", "г. Берёзовск", &error));
  amendment = shnor_document_make_amendment (f->doc, id, &error);
  copied = shnor_document_dup_order_text (f->doc, amendment, "title");
  g_assert_cmpstr (copied, ==, "Об утверждении программы поддержки школ");
  g_assert_true (shnor_document_set_order_text (f->doc, amendment, "title", "", &error));
  back = shnor_document_dup_order_text (f->doc, amendment, "title");
  g_assert_cmpstr (back, ==, order_title);
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_clear_pointer (&back, g_free);
  back = shnor_document_dup_order_text (f->doc, amendment, "title");
  g_assert_cmpstr (back, ==, "Об утверждении программы поддержки школ");
  g_assert_true (shnor_document_archive_programme (f->doc, id, TRUE, &error));
  assert_refused (shnor_document_set_order_text (f->doc, id, "title", "другое", &error), &error,
                  SHNOR_ERROR_READ_ONLY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/programmes/templates", Fixture, NULL, fixture_set_up, test_templates, fixture_tear_down);
  g_test_add ("/programmes/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/programmes/rows", Fixture, NULL, fixture_set_up, test_rows, fixture_tear_down);
  g_test_add_func ("/programmes/achievement", test_achievement);
  g_test_add ("/programmes/indicators", Fixture, NULL, fixture_set_up, test_indicators, fixture_tear_down);
  g_test_add ("/programmes/financing", Fixture, NULL, fixture_set_up, test_financing, fixture_tear_down);
  g_test_add ("/programmes/approval", Fixture, NULL, fixture_set_up, test_approval, fixture_tear_down);
  g_test_add ("/programmes/copy", Fixture, NULL, fixture_set_up, test_copy, fixture_tear_down);
  g_test_add ("/programmes/order", Fixture, NULL, fixture_set_up, test_order, fixture_tear_down);
  return g_test_run ();
}
