/* test-programme-model.c: a programme as real ones are written, in the
 * core — an action per level of the road map (seed 003's table), the
 * file's own levels, several named measure tables numbered on their own,
 * the period in words, targets that are bounds or for the end of the
 * programme, unassessed risks with a responsible person — each edit one
 * undo step, refused in an approved programme, copied into an amendment;
 * and an older file that keeps every measure's text. */
#include <sqlite3.h>

#include "shnor-appendix-plan.h"
#include "shnor-document.h"
#include "shnor-error.h"
#include "shnor-schema.h"
#include "seed-003.h"
#include "test-util.h"

typedef struct {
  char          *dir;
  char          *path;
  ShnorDocument *doc;
  gint64         programme;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = test_tmpdir ();
  f->path = g_build_filename (f->dir, "Программа.shnor", NULL);
  if (data != NULL)
    return;  /* the test makes its own file */
  f->doc = shnor_document_create (f->path, &error);
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
  g_free (f->path);
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

static GArray *
roadmap (Fixture *f,
         gint64   programme)
{
  g_autoptr(GDate) today = g_date_new_dmy (2, 12, 2026);

  return shnor_document_get_roadmap (f->doc, programme, today);
}

static const ShnorMeasure *
find (GArray *measures,
      gint64  id)
{
  for (guint i = 0; i < measures->len; i++)
    if (g_array_index (measures, ShnorMeasure, i).id == id)
      return &g_array_index (measures, ShnorMeasure, i);
  g_assert_not_reached ();
}

static gint64
level_id (ShnorDocument *doc,
          guint          index)
{
  g_autoptr(GArray) levels = shnor_document_get_levels (doc);

  g_assert_cmpuint (index, <, levels->len);
  return g_array_index (levels, ShnorRoadmapLevel, index).id;
}

/* Seed 003's first section in a table by levels of @programme: the
 * section, the subsection under it, and its rows under that, each row
 * with its three actions. Returns the rows' ids. */
static GArray *
enter_seed003 (ShnorDocument *doc,
               gint64         programme,
               gint64        *table_out)
{
  g_autoptr(GError) error = NULL;
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 table = shnor_document_add_measure_table (doc, programme, SHNOR_TABLE_LEVELS, &error);
  gint64 section, subsection, last = 0;

  g_assert_no_error (error);
  section = shnor_document_add_measure_to (doc, table, 0, seed003_section, &error);
  subsection = shnor_document_add_measure_to (doc, table, section, seed003_subsection, &error);
  g_assert_true (shnor_document_indent_measure (doc, subsection, &error));
  g_assert_no_error (error);
  for (guint r = 0; r < G_N_ELEMENTS (seed003_rows); r++)
    {
      gint64 row = shnor_document_add_measure_to (doc, table, last ? last : subsection, "", &error);

      g_assert_no_error (error);
      if (last == 0)
        g_assert_true (shnor_document_indent_measure (doc, row, &error));
      for (guint l = 0; l < 3; l++)
        g_assert_true (shnor_document_set_measure_action (doc, row, level_id (doc, l), seed003_rows[r][l], &error));
      g_assert_no_error (error);
      g_array_append_val (rows, row);
      last = row;
    }
  if (table_out)
    *table_out = table;
  return rows;
}

/* ---- an action per level ------------------------------------------------- */

static void
test_seed003 (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) levels = shnor_document_get_levels (f->doc);
  g_autoptr(GArray) measures = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *names = NULL;
  g_autofree char *text = NULL;
  const ShnorMeasure *m;
  gint64 table;

  /* a new file has seed 003's three levels, in Russian: they are the
   * headings of the documents' columns */
  g_assert_cmpuint (levels->len, ==, 3);
  g_assert_cmpstr (g_array_index (levels, ShnorRoadmapLevel, 0).name, ==,
                   "Муниципальный орган управления образованием");
  g_assert_cmpstr (g_array_index (levels, ShnorRoadmapLevel, 1).name, ==, "Муниципальная методическая служба");
  g_assert_cmpstr (g_array_index (levels, ShnorRoadmapLevel, 2).name, ==, "Школа");

  rows = enter_seed003 (f->doc, f->programme, &table);
  measures = roadmap (f, f->programme);
  /* the template's road map comes first, empty; then the table by levels,
   * numbered on its own */
  g_assert_cmpuint (measures->len, ==, 2 + G_N_ELEMENTS (seed003_rows));
  g_assert_cmpstr (g_array_index (measures, ShnorMeasure, 0).number, ==, "1");
  g_assert_cmpstr (g_array_index (measures, ShnorMeasure, 1).number, ==, "1.1");
  g_assert_true (shnor_measure_title_is_heading (&g_array_index (measures, ShnorMeasure, 1)));
  for (guint r = 0; r < rows->len; r++)
    {
      g_autofree char *number = g_strdup_printf ("1.1.%u", r + 1);

      m = find (measures, g_array_index (rows, gint64, r));
      g_assert_cmpint (m->table_id, ==, table);
      g_assert_cmpstr (m->number, ==, number);
      g_assert_false (shnor_measure_title_is_heading (m));
      for (guint l = 0; l < 3; l++)
        {
          g_assert_cmpstr (m->actions[l], ==, seed003_rows[r][l]);
          g_assert_cmpstr (shnor_measure_level_text (m, 1u << l), ==, seed003_rows[r][l]);
          g_assert_cmpint ((m->levels >> l) & 1, ==, seed003_rows[r][l][0] != '\0');
        }
    }
  /* a row without a title is named by its actions; the levels it has one at */
  m = find (measures, g_array_index (rows, gint64, 4));
  text = shnor_measure_dup_text (m);
  g_assert_true (g_str_has_prefix (text, seed003_rows[4][0]));
  g_assert_nonnull (strstr (text, seed003_rows[4][1]));
  names = shnor_measure_dup_level_names (m, levels, ", ");
  g_assert_cmpstr (names, ==, "Муниципальный орган управления образованием, Муниципальная методическая служба");

  /* one cell is one undo step; clearing it leaves the level */
  g_assert_true (shnor_document_set_measure_action (f->doc, g_array_index (rows, gint64, 0), level_id (f->doc, 2),
                                                    "  ", &error));
  g_assert_no_error (error);
  g_clear_pointer (&measures, g_array_unref);
  measures = roadmap (f, f->programme);
  m = find (measures, g_array_index (rows, gint64, 0));
  g_assert_cmpstr (m->actions[2], ==, "");
  g_assert_cmpuint (m->levels, ==, SHNOR_LEVEL_MUNICIPAL | SHNOR_LEVEL_METHOD);
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_clear_pointer (&measures, g_array_unref);
  measures = roadmap (f, f->programme);
  g_assert_cmpstr (find (measures, g_array_index (rows, gint64, 0))->actions[2], ==, seed003_rows[0][2]);
  g_assert_true (shnor_document_redo (f->doc, &error));
  g_clear_pointer (&measures, g_array_unref);
  measures = roadmap (f, f->programme);
  g_assert_cmpstr (find (measures, g_array_index (rows, gint64, 0))->actions[2], ==, "");
  g_assert_no_error (error);

  /* refused: an unknown level, a measure that does not exist; a level
   * cannot repeat an empty title */
  assert_refused (shnor_document_set_measure_action (f->doc, g_array_index (rows, gint64, 0), 999, "x", &error),
                  &error, SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_set_measure_action (f->doc, 999999, level_id (f->doc, 0), "x", &error), &error,
                  SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_set_measure_levels (f->doc, g_array_index (rows, gint64, 0),
                                                     SHNOR_LEVEL_MUNICIPAL | SHNOR_LEVEL_METHOD | SHNOR_LEVEL_SCHOOL,
                                                     &error), &error, SHNOR_ERROR_INVALID);
}

/* Marking levels the old way repeats the title, once per level; a title
 * that is also an action is not a heading of its own. */
static void
test_levels_from_title (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) measures = NULL;
  gint64 m = shnor_document_add_measure (f->doc, f->programme, 0, "Создать рабочую группу", &error);
  const ShnorMeasure *read;

  g_assert_true (shnor_document_set_measure_levels (f->doc, m, SHNOR_LEVEL_METHOD | SHNOR_LEVEL_SCHOOL, &error));
  g_assert_no_error (error);
  measures = roadmap (f, f->programme);
  read = find (measures, m);
  g_assert_cmpstr (read->actions[0], ==, "");
  g_assert_cmpstr (read->actions[1], ==, "Создать рабочую группу");
  g_assert_cmpstr (read->actions[2], ==, "Создать рабочую группу");
  g_assert_false (shnor_measure_title_is_heading (read));
  /* one undo step for both levels */
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_clear_pointer (&measures, g_array_unref);
  measures = roadmap (f, f->programme);
  read = find (measures, m);
  g_assert_cmpuint (read->levels, ==, 0);
  g_assert_true (shnor_measure_title_is_heading (read));
}

/* ---- the file's levels ------------------------------------------------- */

static void
test_levels (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) levels = NULL;
  g_autoptr(GArray) measures = NULL;
  gint64 m = shnor_document_add_measure (f->doc, f->programme, 0, "", &error);
  gint64 extra = shnor_document_add_level (f->doc, "ППМС-центр", &error);
  gint64 unused;

  g_assert_no_error (error);
  assert_refused (shnor_document_add_level (f->doc, " ", &error) != 0, &error, SHNOR_ERROR_INVALID);
  g_assert_true (shnor_document_set_measure_action (f->doc, m, extra, "Консультации для родителей", &error));
  g_assert_true (shnor_document_set_measure_action (f->doc, m, level_id (f->doc, 2), "Провести собрание", &error));
  g_assert_no_error (error);
  measures = roadmap (f, f->programme);
  g_assert_cmpuint (g_strv_length (find (measures, m)->actions), ==, 4);
  g_assert_cmpstr (find (measures, m)->actions[3], ==, "Консультации для родителей");

  /* moved first: the actions follow the levels' order */
  g_assert_true (shnor_document_move_level (f->doc, extra, -10, &error));
  g_assert_true (shnor_document_rename_level (f->doc, extra, "Психолого-педагогический центр", &error));
  g_assert_no_error (error);
  levels = shnor_document_get_levels (f->doc);
  g_assert_cmpint (g_array_index (levels, ShnorRoadmapLevel, 0).id, ==, extra);
  g_assert_cmpstr (g_array_index (levels, ShnorRoadmapLevel, 0).name, ==, "Психолого-педагогический центр");
  g_clear_pointer (&measures, g_array_unref);
  measures = roadmap (f, f->programme);
  g_assert_cmpstr (find (measures, m)->actions[0], ==, "Консультации для родителей");
  g_assert_cmpstr (find (measures, m)->actions[3], ==, "Провести собрание");
  g_assert_cmpuint (find (measures, m)->levels, ==, 1u | 8u);

  /* a level in use stays; an unused one goes, and undo brings it back */
  assert_refused (shnor_document_delete_level (f->doc, extra, &error), &error, SHNOR_ERROR_INVALID);
  unused = level_id (f->doc, 2);
  g_assert_true (shnor_document_delete_level (f->doc, unused, &error));
  g_assert_no_error (error);
  g_clear_pointer (&levels, g_array_unref);
  levels = shnor_document_get_levels (f->doc);
  g_assert_cmpuint (levels->len, ==, 3);
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_clear_pointer (&levels, g_array_unref);
  levels = shnor_document_get_levels (f->doc);
  g_assert_cmpuint (levels->len, ==, 4);
  g_assert_cmpint (g_array_index (levels, ShnorRoadmapLevel, 2).id, ==, unused);
}

/* ---- measure tables ----------------------------------------------------- */

static void
test_tables (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) tables = shnor_document_get_measure_tables (f->doc, f->programme);
  g_autoptr(GArray) measures = NULL;
  gint64 roadmap_table, management, a, b, c, d;

  /* a new programme has its road map */
  g_assert_cmpuint (tables->len, ==, 1);
  roadmap_table = g_array_index (tables, ShnorMeasureTable, 0).id;
  g_assert_cmpstr (g_array_index (tables, ShnorMeasureTable, 0).title, ==, "Дорожная карта");
  g_assert_cmpuint (g_array_index (tables, ShnorMeasureTable, 0).columns, ==,
                    shnor_table_kind_columns (SHNOR_TABLE_ROADMAP));

  management = shnor_document_add_measure_table (f->doc, f->programme, SHNOR_TABLE_MANAGEMENT, &error);
  g_assert_true (shnor_document_set_measure_table_text (f->doc, management, "title",
                                                        "Мероприятия по управлению качеством", &error));
  g_assert_true (shnor_document_set_measure_table_text (f->doc, management, "intro",
                                                        "Управленческие меры на 2026 год.", &error));
  g_assert_true (shnor_document_set_measure_table_columns (f->doc, management,
                                                           SHNOR_COLUMN_BIT (SHNOR_COLUMN_TITLE) |
                                                           SHNOR_COLUMN_BIT (SHNOR_COLUMN_EXPECTED), &error));
  g_assert_no_error (error);
  assert_refused (shnor_document_set_measure_table_text (f->doc, management, "title", "", &error), &error,
                  SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_set_measure_table_columns (f->doc, management,
                                                            SHNOR_COLUMN_BIT (SHNOR_COLUMN_NUMBER) |
                                                            SHNOR_COLUMN_BIT (SHNOR_COLUMN_PERIOD), &error),
                  &error, SHNOR_ERROR_INVALID);
  g_clear_pointer (&tables, g_array_unref);
  tables = shnor_document_get_measure_tables (f->doc, f->programme);
  g_assert_cmpuint (tables->len, ==, 2);
  g_assert_cmpstr (g_array_index (tables, ShnorMeasureTable, 1).title, ==, "Мероприятия по управлению качеством");
  g_assert_cmpstr (g_array_index (tables, ShnorMeasureTable, 1).intro, ==, "Управленческие меры на 2026 год.");
  g_assert_cmpuint (g_array_index (tables, ShnorMeasureTable, 1).columns, ==,
                    SHNOR_COLUMN_BIT (SHNOR_COLUMN_TITLE) | SHNOR_COLUMN_BIT (SHNOR_COLUMN_EXPECTED));

  /* numbering restarts in each table; a measure stays in its table */
  a = shnor_document_add_measure_to (f->doc, roadmap_table, 0, "Первое мероприятие", &error);
  b = shnor_document_add_measure_to (f->doc, roadmap_table, a, "Второе мероприятие", &error);
  c = shnor_document_add_measure_to (f->doc, management, 0, "Управленческое решение", &error);
  d = shnor_document_add_measure (f->doc, f->programme, c, "После управленческого", &error);
  g_assert_no_error (error);
  assert_refused (shnor_document_add_measure_to (f->doc, management, a, "Чужое место", &error) != 0, &error,
                  SHNOR_ERROR_INVALID);
  g_assert_true (shnor_document_move_measure (f->doc, c, -1, &error));  /* first of its table: stays */
  g_assert_true (shnor_document_move_measure (f->doc, d, -1, &error));
  g_assert_no_error (error);
  measures = roadmap (f, f->programme);
  g_assert_cmpstr (find (measures, a)->number, ==, "1");
  g_assert_cmpstr (find (measures, b)->number, ==, "2");
  g_assert_cmpstr (find (measures, d)->number, ==, "1");
  g_assert_cmpstr (find (measures, c)->number, ==, "2");
  g_assert_cmpint (find (measures, d)->table_id, ==, management);
  g_assert_cmpint (g_array_index (measures, ShnorMeasure, 2).id, ==, d);

  /* tables move, and go with their measures; undo brings them back */
  g_assert_true (shnor_document_move_measure_table (f->doc, management, -1, &error));
  g_clear_pointer (&measures, g_array_unref);
  measures = roadmap (f, f->programme);
  g_assert_cmpint (g_array_index (measures, ShnorMeasure, 0).id, ==, d);
  g_assert_true (shnor_document_delete_measure_table (f->doc, management, &error));
  g_assert_no_error (error);
  g_clear_pointer (&measures, g_array_unref);
  measures = roadmap (f, f->programme);
  g_assert_cmpuint (measures->len, ==, 2);
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_clear_pointer (&measures, g_array_unref);
  measures = roadmap (f, f->programme);
  g_assert_cmpuint (measures->len, ==, 4);
  g_assert_cmpint (find (measures, c)->table_id, ==, management);
  g_clear_pointer (&tables, g_array_unref);
  tables = shnor_document_get_measure_tables (f->doc, f->programme);
  g_assert_cmpint (g_array_index (tables, ShnorMeasureTable, 0).id, ==, management);
  g_assert_cmpstr (g_array_index (tables, ShnorMeasureTable, 0).intro, ==, "Управленческие меры на 2026 год.");

  /* a programme without tables gets a road map for its first measure */
  g_assert_true (shnor_document_delete_measure_table (f->doc, management, &error));
  g_assert_true (shnor_document_delete_measure_table (f->doc, roadmap_table, &error));
  g_assert_no_error (error);
  a = shnor_document_add_measure (f->doc, f->programme, 0, "Новое начало", &error);
  g_assert_no_error (error);
  g_clear_pointer (&tables, g_array_unref);
  tables = shnor_document_get_measure_tables (f->doc, f->programme);
  g_assert_cmpuint (tables->len, ==, 1);
  g_assert_cmpstr (g_array_index (tables, ShnorMeasureTable, 0).title, ==, "Дорожная карта");
  /* ...and undo takes both away at once */
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_clear_pointer (&tables, g_array_unref);
  tables = shnor_document_get_measure_tables (f->doc, f->programme);
  g_assert_cmpuint (tables->len, ==, 0);
}

static void
test_columns (void)
{
  guint all = (1u << SHNOR_N_COLUMNS) - 1;
  g_autofree char *text = shnor_measure_columns_format (all);

  g_assert_cmpstr (text, ==, "number,title,levels,level_names,forms,period,responsible,expected");
  g_assert_cmpuint (shnor_measure_columns_parse (text), ==, all);
  /* keys this version does not know are left out, spaces do not matter */
  g_assert_cmpuint (shnor_measure_columns_parse (" title , colour,period"), ==,
                    SHNOR_COLUMN_BIT (SHNOR_COLUMN_TITLE) | SHNOR_COLUMN_BIT (SHNOR_COLUMN_PERIOD));
  g_assert_cmpuint (shnor_measure_columns_parse (""), ==, 0);
  g_assert_cmpstr (shnor_measure_column_heading (SHNOR_COLUMN_NUMBER), ==, "№ п/п");
}

/* ---- the period in words ------------------------------------------------ */

static void
test_period_text (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  g_autoptr(ShnorProgramme) programme = NULL;

  g_assert_true (shnor_document_set_programme_field (f->doc, f->programme, "period_text",
                                                     " 2026 год и плановый период 2027 и 2028 годов ", &error));
  g_assert_no_error (error);
  text = shnor_document_dup_programme_text (f->doc, f->programme, "period_text");
  g_assert_cmpstr (text, ==, "2026 год и плановый период 2027 и 2028 годов");
  /* the years stay the period */
  programme = shnor_document_dup_programme (f->doc, f->programme);
  g_assert_cmpint (shnor_programme_get_first_year (programme), ==, 2026);
  g_assert_cmpint (shnor_programme_get_last_year (programme), ==, 2028);
  first = shnor_programme_dup_period (programme);
  g_assert_cmpstr (first, ==, "2026–2028");
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_clear_pointer (&text, g_free);
  text = shnor_document_dup_programme_text (f->doc, f->programme, "period_text");
  g_assert_cmpstr (text, ==, "");
}

/* ---- targets: bounds and the end of the programme ----------------------- */

static void
test_parse_target (void)
{
  static const struct { const char *text; ShnorBound bound; double value; gboolean has; } good[] = {
    { "5", SHNOR_BOUND_EXACT, 5, TRUE }, { "не более 5", SHNOR_BOUND_AT_MOST, 5, TRUE },
    { "Не более 5 %", SHNOR_BOUND_AT_MOST, 5, TRUE }, { "не менее 80,5%", SHNOR_BOUND_AT_LEAST, 80.5, TRUE },
    { "≤ 3", SHNOR_BOUND_AT_MOST, 3, TRUE }, { ">=3,8", SHNOR_BOUND_AT_LEAST, 3.8, TRUE },
    { "at least 70", SHNOR_BOUND_AT_LEAST, 70, TRUE }, { "100 %", SHNOR_BOUND_EXACT, 100, TRUE },
    { "  ", SHNOR_BOUND_EXACT, 0, FALSE }, { "не ниже 4", SHNOR_BOUND_AT_LEAST, 4, TRUE },
  };
  static const char * const bad[] = { "не более", "много", "не более пяти", "≥", "5 %% %%" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      ShnorBound bound = 99;
      double value = -1;
      gboolean has = -1;

      g_assert_true (shnor_parse_target (good[i].text, &bound, &value, &has));
      g_assert_cmpint (bound, ==, good[i].bound);
      g_assert_cmpint (has, ==, good[i].has);
      if (has)
        g_assert_cmpfloat_with_epsilon (value, good[i].value, 1e-9);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ShnorBound bound;
      double value;
      gboolean has;

      g_assert_false (shnor_parse_target (bad[i], &bound, &value, &has));
    }
  /* the documents print the bound as written, in Russian */
  {
    g_autofree char *at_most = shnor_target_document_text (SHNOR_BOUND_AT_MOST, 5, "%");
    g_autofree char *at_least = shnor_target_document_text (SHNOR_BOUND_AT_LEAST, 3.8, "балла");
    g_autofree char *exact = shnor_target_document_text (SHNOR_BOUND_EXACT, 100, "%");

    g_assert_cmpstr (at_most, ==, "не более 5\u00a0%");
    g_assert_cmpstr (at_least, ==, "не менее 3,8\u00a0балла");
    g_assert_cmpstr (exact, ==, "100\u00a0%");
  }
  /* a bound decides whatever the direction */
  g_assert_cmpint (shnor_target_achievement (SHNOR_BOUND_AT_MOST, FALSE, TRUE, 5, TRUE, 5), ==,
                   SHNOR_ACHIEVEMENT_MET);
  g_assert_cmpint (shnor_target_achievement (SHNOR_BOUND_AT_MOST, FALSE, TRUE, 5, TRUE, 6), ==,
                   SHNOR_ACHIEVEMENT_NOT_MET);
  g_assert_cmpint (shnor_target_achievement (SHNOR_BOUND_AT_LEAST, TRUE, TRUE, 80, TRUE, 79.9), ==,
                   SHNOR_ACHIEVEMENT_NOT_MET);
  g_assert_cmpint (shnor_target_achievement (SHNOR_BOUND_AT_LEAST, TRUE, TRUE, 80, TRUE, 80), ==,
                   SHNOR_ACHIEVEMENT_MET);
  g_assert_cmpint (shnor_target_achievement (SHNOR_BOUND_EXACT, TRUE, TRUE, 5, TRUE, 6), ==,
                   SHNOR_ACHIEVEMENT_NOT_MET);
  g_assert_cmpint (shnor_target_achievement (SHNOR_BOUND_AT_MOST, FALSE, FALSE, 5, TRUE, 6), ==,
                   SHNOR_ACHIEVEMENT_NO_DATA);
}

static gint64
add_indicator (Fixture    *f,
               const char *name,
               const char *direction)
{
  g_autoptr(GError) error = NULL;
  const char *row[] = { name, "%", direction, NULL };
  gint64 id = shnor_document_add_part_row (f->doc, f->programme, SHNOR_PART_INDICATOR, row, &error);

  g_assert_no_error (error);
  return id;
}

static void
test_bounds (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* «higher is better» on purpose: the bound decides */
  gint64 below = add_indicator (f, "Доля обучающихся, не преодолевших порог ОГЭ", "0");
  gint64 passed = add_indicator (f, "Доля педагогов, прошедших КПК", "0");
  g_autoptr(GArray) plan = NULL;
  ShnorIndicatorYear final;

  g_assert_true (shnor_document_set_indicator_plan (f->doc, below, 2026, FALSE, "не более 5 %", &error));
  g_assert_true (shnor_document_set_indicator_plan (f->doc, below, 2026, TRUE, "4", &error));
  g_assert_true (shnor_document_set_indicator_plan (f->doc, below, 2027, FALSE, "не более 5", &error));
  g_assert_true (shnor_document_set_indicator_plan (f->doc, below, 2027, TRUE, "6,5", &error));
  g_assert_true (shnor_document_set_indicator_plan (f->doc, passed, 2026, FALSE, "не менее 80", &error));
  g_assert_true (shnor_document_set_indicator_plan (f->doc, passed, 2026, TRUE, "79", &error));
  g_assert_no_error (error);
  plan = shnor_document_get_indicator_plan (f->doc, below);
  g_assert_cmpint (g_array_index (plan, ShnorIndicatorYear, 0).bound, ==, SHNOR_BOUND_AT_MOST);
  g_assert_cmpfloat (g_array_index (plan, ShnorIndicatorYear, 0).target, ==, 5);
  g_assert_cmpint (g_array_index (plan, ShnorIndicatorYear, 0).achievement, ==, SHNOR_ACHIEVEMENT_MET);
  g_assert_cmpint (g_array_index (plan, ShnorIndicatorYear, 1).achievement, ==, SHNOR_ACHIEVEMENT_NOT_MET);
  g_clear_pointer (&plan, g_array_unref);
  plan = shnor_document_get_indicator_plan (f->doc, passed);
  g_assert_cmpint (g_array_index (plan, ShnorIndicatorYear, 0).bound, ==, SHNOR_BOUND_AT_LEAST);
  g_assert_cmpint (g_array_index (plan, ShnorIndicatorYear, 0).achievement, ==, SHNOR_ACHIEVEMENT_NOT_MET);

  /* refused: a percentage above 100 even as a bound, words that are not a
   * target, an actual value for the end of the programme */
  assert_refused (shnor_document_set_indicator_plan (f->doc, passed, 2027, FALSE, "не менее 120", &error), &error,
                  SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_set_indicator_plan (f->doc, passed, 2027, FALSE, "не более пяти", &error), &error,
                  SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_set_indicator_plan (f->doc, passed, SHNOR_END_OF_PROGRAMME, TRUE, "5", &error),
                  &error, SHNOR_ERROR_INVALID);

  /* the end of the programme: judged by the latest actual value */
  g_assert_false (shnor_document_get_indicator_final (f->doc, passed, &final));
  shnor_indicator_year_clear (&final);
  g_assert_true (shnor_document_set_indicator_plan (f->doc, passed, SHNOR_END_OF_PROGRAMME, FALSE, "100", &error));
  g_assert_no_error (error);
  g_assert_true (shnor_document_get_indicator_final (f->doc, passed, &final));
  g_assert_cmpint (final.bound, ==, SHNOR_BOUND_EXACT);
  g_assert_cmpfloat (final.target, ==, 100);
  g_assert_cmpint (final.year, ==, 2026);
  /* the programme runs to 2028: a value of 2026 is no verdict yet */
  g_assert_cmpint (final.achievement, ==, SHNOR_ACHIEVEMENT_NOT_YET);
  shnor_indicator_year_clear (&final);
  g_assert_true (shnor_document_set_indicator_plan (f->doc, passed, 2028, TRUE, "100", &error));
  g_assert_true (shnor_document_get_indicator_final (f->doc, passed, &final));
  g_assert_cmpint (final.year, ==, 2028);
  g_assert_cmpint (final.achievement, ==, SHNOR_ACHIEVEMENT_MET);
  shnor_indicator_year_clear (&final);
  g_assert_true (shnor_document_set_indicator_plan (f->doc, below, SHNOR_END_OF_PROGRAMME, FALSE, "не более 3",
                                                    &error));
  g_assert_true (shnor_document_get_indicator_final (f->doc, below, &final));
  g_assert_cmpint (final.bound, ==, SHNOR_BOUND_AT_MOST);
  g_assert_cmpint (final.achievement, ==, SHNOR_ACHIEVEMENT_NOT_YET);  /* 6,5 in 2027, the last year 2028 */
  shnor_indicator_year_clear (&final);

  /* undo: the bound goes back with the number */
  g_assert_true (shnor_document_set_indicator_plan (f->doc, below, 2026, FALSE, "7", &error));
  g_clear_pointer (&plan, g_array_unref);
  plan = shnor_document_get_indicator_plan (f->doc, below);
  g_assert_cmpint (g_array_index (plan, ShnorIndicatorYear, 0).bound, ==, SHNOR_BOUND_EXACT);
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_clear_pointer (&plan, g_array_unref);
  plan = shnor_document_get_indicator_plan (f->doc, below);
  g_assert_cmpint (g_array_index (plan, ShnorIndicatorYear, 0).bound, ==, SHNOR_BOUND_AT_MOST);
  g_assert_cmpfloat (g_array_index (plan, ShnorIndicatorYear, 0).target, ==, 5);
  /* an empty target removes it, bound and all */
  g_assert_true (shnor_document_set_indicator_plan (f->doc, below, SHNOR_END_OF_PROGRAMME, FALSE, "", &error));
  g_assert_false (shnor_document_get_indicator_final (f->doc, below, &final));
  g_assert_cmpint (final.bound, ==, SHNOR_BOUND_EXACT);
  shnor_indicator_year_clear (&final);
  g_assert_no_error (error);
}

/* ---- risks ---------------------------------------------------------------- */

static void
test_risks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) risks = shnor_document_get_part (f->doc, f->programme, SHNOR_PART_RISK);
  const char *row[] = { "Отток кадров", "Наставничество", NULL };
  int likelihood = -1, impact = -1, owner = -1;
  gint64 risk, person;
  g_autofree char *id = NULL;
  guint n_fields;
  const ShnorField *fields = shnor_part_fields (SHNOR_PART_RISK, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].column, "likelihood"))
        likelihood = (int) i;
      else if (g_str_equal (fields[i].column, "impact"))
        impact = (int) i;
      else if (g_str_equal (fields[i].column, "owner_id"))
        owner = (int) i;
    }
  g_assert_true (likelihood >= 0 && impact >= 0 && owner >= 0);
  /* the template's typical risks are not assessed for the authors */
  g_assert_cmpuint (risks->len, >, 0);
  for (guint r = 0; r < risks->len; r++)
    {
      g_assert_cmpstr (g_array_index (risks, ShnorPartRow, r).texts[likelihood], ==, "");
      g_assert_cmpstr (g_array_index (risks, ShnorPartRow, r).texts[impact], ==, "");
    }
  /* nor is a new one */
  risk = shnor_document_add_part_row (f->doc, f->programme, SHNOR_PART_RISK, row, &error);
  person = shnor_document_add_person (f->doc, "Петрова Елена Андреевна", "методист", "ИМЦ", &error);
  g_assert_no_error (error);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, person);
  g_assert_true (shnor_document_set_part_field (f->doc, SHNOR_PART_RISK, risk, "likelihood", "2", &error));
  g_assert_true (shnor_document_set_part_field (f->doc, SHNOR_PART_RISK, risk, "owner_id", id, &error));
  g_assert_no_error (error);
  assert_refused (shnor_document_set_part_field (f->doc, SHNOR_PART_RISK, risk, "owner_id", "999", &error), &error,
                  SHNOR_ERROR_INVALID);
  assert_refused (shnor_document_set_part_field (f->doc, SHNOR_PART_RISK, risk, "impact", "3", &error), &error,
                  SHNOR_ERROR_INVALID);
  g_clear_pointer (&risks, g_array_unref);
  risks = shnor_document_get_part (f->doc, f->programme, SHNOR_PART_RISK);
  {
    const ShnorPartRow *last = &g_array_index (risks, ShnorPartRow, risks->len - 1);
    g_autofree char *name = shnor_document_dup_person_name (f->doc, person);

    g_assert_cmpstr (last->texts[likelihood], ==, "2");
    g_assert_cmpstr (last->texts[impact], ==, "");
    g_assert_cmpstr (last->texts[owner], ==, id);
    g_assert_cmpstr (name, ==, "Петрова Елена Андреевна");
  }
  /* a responsible person stays in the list; back to unassessed */
  assert_refused (shnor_document_delete_person (f->doc, person, &error), &error, SHNOR_ERROR_INVALID);
  g_assert_true (shnor_document_set_part_field (f->doc, SHNOR_PART_RISK, risk, "likelihood", "", &error));
  g_assert_true (shnor_document_set_part_field (f->doc, SHNOR_PART_RISK, risk, "owner_id", "", &error));
  g_assert_true (shnor_document_delete_person (f->doc, person, &error));
  g_assert_no_error (error);
  g_clear_pointer (&risks, g_array_unref);
  risks = shnor_document_get_part (f->doc, f->programme, SHNOR_PART_RISK);
  g_assert_cmpstr (g_array_index (risks, ShnorPartRow, risks->len - 1).texts[likelihood], ==, "");
  g_assert_cmpstr (g_array_index (risks, ShnorPartRow, risks->len - 1).texts[owner], ==, "");

  /* an assessment is one undo step, and undoing it leaves the risk
   * unassessed again (not «низкая», the first choice) */
  g_assert_true (shnor_document_set_part_field (f->doc, SHNOR_PART_RISK, risk, "impact", "0", &error));
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_clear_pointer (&risks, g_array_unref);
  risks = shnor_document_get_part (f->doc, f->programme, SHNOR_PART_RISK);
  g_assert_cmpstr (g_array_index (risks, ShnorPartRow, risks->len - 1).texts[impact], ==, "");
  g_assert_true (shnor_document_redo (f->doc, &error));
  g_assert_no_error (error);
  g_clear_pointer (&risks, g_array_unref);
  risks = shnor_document_get_part (f->doc, f->programme, SHNOR_PART_RISK);
  g_assert_cmpstr (g_array_index (risks, ShnorPartRow, risks->len - 1).texts[impact], ==, "0");
}

/* ---- approval and amendments ---------------------------------------------- */

/* Everything new of a programme: tables, actions, the period in words,
 * bounds and the end target, a risk's responsible person. */
typedef struct {
  gint64 table, row, indicator, risk, person;
} Filled;

static Filled
fill (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = enter_seed003 (f->doc, f->programme, NULL);
  g_autoptr(GArray) tables = NULL;
  g_autoptr(GArray) risks = shnor_document_get_part (f->doc, f->programme, SHNOR_PART_RISK);
  Filled filled = { 0 };
  g_autofree char *id = NULL;

  tables = shnor_document_get_measure_tables (f->doc, f->programme);
  filled.table = g_array_index (tables, ShnorMeasureTable, 1).id;
  filled.row = g_array_index (rows, gint64, 0);
  g_assert_true (shnor_document_set_measure_table_text (f->doc, filled.table, "intro", "Таблица по уровням.",
                                                        &error));
  g_assert_true (shnor_document_set_programme_field (f->doc, f->programme, "period_text",
                                                     "2026 год и плановый период 2027 и 2028 годов", &error));
  filled.indicator = add_indicator (f, "Доля ниже порога", "1");
  g_assert_true (shnor_document_set_indicator_plan (f->doc, filled.indicator, 2026, FALSE, "не более 5", &error));
  g_assert_true (shnor_document_set_indicator_plan (f->doc, filled.indicator, SHNOR_END_OF_PROGRAMME, FALSE,
                                                    "не более 3", &error));
  filled.person = shnor_document_add_person (f->doc, "Петрова Елена Андреевна", "", "", &error);
  filled.risk = g_array_index (risks, ShnorPartRow, 0).id;
  id = g_strdup_printf ("%" G_GINT64_FORMAT, filled.person);
  g_assert_true (shnor_document_set_part_field (f->doc, SHNOR_PART_RISK, filled.risk, "owner_id", id, &error));
  g_assert_no_error (error);
  return filled;
}

static void
test_approved (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Filled x = fill (f);

  g_assert_true (shnor_document_approve_programme (f->doc, f->programme, "45-о", "15.01.2026", "Соколова И. В.",
                                                   &error));
  g_assert_no_error (error);
  assert_refused (shnor_document_set_measure_action (f->doc, x.row, level_id (f->doc, 0), "Иначе", &error), &error,
                  SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_set_measure_levels (f->doc, x.row, 0, &error), &error, SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_add_measure_to (f->doc, x.table, 0, "Ещё", &error) != 0, &error,
                  SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_add_measure_table (f->doc, f->programme, SHNOR_TABLE_ROADMAP, &error) != 0, &error,
                  SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_set_measure_table_text (f->doc, x.table, "intro", "Иначе", &error), &error,
                  SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_set_measure_table_columns (f->doc, x.table, SHNOR_COLUMN_BIT (SHNOR_COLUMN_TITLE),
                                                            &error), &error, SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_move_measure_table (f->doc, x.table, -1, &error), &error, SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_delete_measure_table (f->doc, x.table, &error), &error, SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_set_programme_field (f->doc, f->programme, "period_text", "2026 год", &error),
                  &error, SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_set_indicator_plan (f->doc, x.indicator, SHNOR_END_OF_PROGRAMME, FALSE, "1",
                                                     &error), &error, SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_set_part_field (f->doc, SHNOR_PART_RISK, x.risk, "owner_id", "", &error), &error,
                  SHNOR_ERROR_READ_ONLY);
  assert_refused (shnor_document_set_part_field (f->doc, SHNOR_PART_RISK, x.risk, "likelihood", "1", &error), &error,
                  SHNOR_ERROR_READ_ONLY);
  /* a level its measures use cannot go from under an approved programme */
  assert_refused (shnor_document_delete_level (f->doc, level_id (f->doc, 0), &error), &error, SHNOR_ERROR_INVALID);
}

static void
assert_same_programme (Fixture *f,
                       gint64   from,
                       gint64   to)
{
  g_autoptr(GArray) a = roadmap (f, from);
  g_autoptr(GArray) b = roadmap (f, to);
  g_autoptr(GArray) ta = shnor_document_get_measure_tables (f->doc, from);
  g_autoptr(GArray) tb = shnor_document_get_measure_tables (f->doc, to);
  g_autoptr(GArray) ia = shnor_document_get_part (f->doc, from, SHNOR_PART_INDICATOR);
  g_autoptr(GArray) ib = shnor_document_get_part (f->doc, to, SHNOR_PART_INDICATOR);
  g_autoptr(GArray) ra = shnor_document_get_part (f->doc, from, SHNOR_PART_RISK);
  g_autoptr(GArray) rb = shnor_document_get_part (f->doc, to, SHNOR_PART_RISK);
  g_autofree char *pa = shnor_document_dup_programme_text (f->doc, from, "period_text");
  g_autofree char *pb = shnor_document_dup_programme_text (f->doc, to, "period_text");

  g_assert_cmpstr (pa, ==, pb);
  g_assert_cmpuint (ta->len, ==, tb->len);
  for (guint t = 0; t < ta->len; t++)
    {
      const ShnorMeasureTable *x = &g_array_index (ta, ShnorMeasureTable, t), *y = &g_array_index (tb,
                                                                                                  ShnorMeasureTable, t);

      g_assert_cmpint (x->id, !=, y->id);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpstr (x->intro, ==, y->intro);
      g_assert_cmpuint (x->columns, ==, y->columns);
    }
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const ShnorMeasure *x = &g_array_index (a, ShnorMeasure, i), *y = &g_array_index (b, ShnorMeasure, i);

      g_assert_cmpstr (x->number, ==, y->number);
      g_assert_true (g_strv_equal ((const char * const *) x->texts, (const char * const *) y->texts));
      g_assert_true (g_strv_equal ((const char * const *) x->actions, (const char * const *) y->actions));
    }
  g_assert_cmpuint (ia->len, ==, ib->len);
  for (guint i = 0; i < ia->len; i++)
    {
      g_autoptr(GArray) pla = shnor_document_get_indicator_plan (f->doc, g_array_index (ia, ShnorPartRow, i).id);
      g_autoptr(GArray) plb = shnor_document_get_indicator_plan (f->doc, g_array_index (ib, ShnorPartRow, i).id);
      ShnorIndicatorYear fa, fb;

      for (guint y = 0; y < pla->len; y++)
        {
          g_assert_cmpint (g_array_index (pla, ShnorIndicatorYear, y).bound, ==,
                           g_array_index (plb, ShnorIndicatorYear, y).bound);
          g_assert_cmpint (g_array_index (pla, ShnorIndicatorYear, y).has_target, ==,
                           g_array_index (plb, ShnorIndicatorYear, y).has_target);
        }
      g_assert_cmpint (shnor_document_get_indicator_final (f->doc, g_array_index (ia, ShnorPartRow, i).id, &fa), ==,
                       shnor_document_get_indicator_final (f->doc, g_array_index (ib, ShnorPartRow, i).id, &fb));
      g_assert_cmpint (fa.bound, ==, fb.bound);
      g_assert_true (fa.has_target == fb.has_target && (!fa.has_target || fa.target == fb.target));
      shnor_indicator_year_clear (&fa);
      shnor_indicator_year_clear (&fb);
    }
  g_assert_cmpuint (ra->len, ==, rb->len);
  for (guint i = 0; i < ra->len; i++)
    g_assert_true (g_strv_equal ((const char * const *) g_array_index (ra, ShnorPartRow, i).texts,
                                 (const char * const *) g_array_index (rb, ShnorPartRow, i).texts));
}

static void
test_amendment (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 amendment, copy, other;
  g_autoptr(GArray) tables = NULL;
  g_autoptr(GArray) measures = NULL;

  fill (f);
  g_assert_true (shnor_document_approve_programme (f->doc, f->programme, "45-о", "15.01.2026", "Соколова И. В.",
                                                   &error));
  amendment = shnor_document_make_amendment (f->doc, f->programme, &error);
  g_assert_no_error (error);
  assert_same_programme (f, f->programme, amendment);
  copy = shnor_document_copy_programme (f->doc, f->programme, &error);
  g_assert_no_error (error);
  assert_same_programme (f, f->programme, copy);

  /* copying the measures of another programme: a table of the same title
   * takes them at its end, another table comes as it is */
  other = shnor_document_add_programme (f->doc, SHNOR_TEMPLATE_MUNICIPAL_SUPPORT, 0, 2027, &error);
  shnor_document_add_measure (f->doc, other, 0, "Своё мероприятие", &error);
  g_assert_no_error (error);
  g_assert_cmpint (shnor_document_copy_measures (f->doc, f->programme, other, &error), ==,
                   2 + G_N_ELEMENTS (seed003_rows));
  tables = shnor_document_get_measure_tables (f->doc, other);
  g_assert_cmpuint (tables->len, ==, 2);
  g_assert_cmpstr (g_array_index (tables, ShnorMeasureTable, 1).title, ==, "Мероприятия по уровням");
  g_assert_cmpstr (g_array_index (tables, ShnorMeasureTable, 1).intro, ==, "Таблица по уровням.");
  measures = roadmap (f, other);
  g_assert_cmpuint (measures->len, ==, 3 + G_N_ELEMENTS (seed003_rows));
  g_assert_cmpstr (g_array_index (measures, ShnorMeasure, 3).number, ==, "1.1.1");
  g_assert_cmpstr (g_array_index (measures, ShnorMeasure, 3).actions[1], ==, seed003_rows[0][1]);
  /* one undo step */
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_clear_pointer (&tables, g_array_unref);
  tables = shnor_document_get_measure_tables (f->doc, other);
  g_assert_cmpuint (tables->len, ==, 1);
}

/* ---- the documents ---------------------------------------------------------- */

static const ShnorDocTable *
plan_table (ShnorAppendixPlan *plan,
            ShnorAppendixKind  kind,
            const char        *title)
{
  ShnorAppendix *appendix = shnor_appendix_plan_find (plan, kind);

  g_assert_nonnull (appendix);
  for (guint t = 0; t < appendix->tables->len; t++)
    {
      const ShnorDocTable *table = appendix->tables->pdata[t];

      if (g_strcmp0 (table->title, title) == 0)
        return table;
    }
  g_assert_not_reached ();
}

static const char *
cell_text (const ShnorDocRow *row,
           guint              column)
{
  return column < row->cells->len ? ((ShnorDocCell *) row->cells->pdata[column])->text : "";
}

static int
column_of (const ShnorDocTable *table,
           const char          *head)
{
  for (guint c = 0; c < table->columns->len; c++)
    if (g_str_equal (g_array_index (table->columns, ShnorDocColumn, c).head, head))
      return (int) c;
  return -1;
}

/* The appendix plan both documents render: seed 003's table by levels
 * (a column per level headed by its name, each action in it, the section
 * and subsection across the table); the period in words in the passport;
 * bounds as written and the target for the end; an unassessed risk's
 * blank cells and a responsible person by name. */
static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) levels = shnor_document_get_levels (f->doc);
  g_autoptr(GArray) risks = shnor_document_get_part (f->doc, f->programme, SHNOR_PART_RISK);
  g_autoptr(ShnorAppendixPlan) plan = NULL;
  const ShnorDocTable *table;
  gint64 indicator, person;
  g_autofree char *owner = NULL;
  gint64 levels_table;

  rows = enter_seed003 (f->doc, f->programme, &levels_table);
  g_assert_true (shnor_document_set_measure_table_text (f->doc, levels_table, "intro", "Вводный абзац таблицы.",
                                                        &error));
  g_assert_true (shnor_document_set_programme_field (f->doc, f->programme, "period_text",
                                                     "2026 год и плановый период 2027 и 2028 годов", &error));
  indicator = add_indicator (f, "Доля обучающихся ниже порога", "1");
  g_assert_true (shnor_document_set_indicator_plan (f->doc, indicator, 2026, FALSE, "не более 5", &error));
  g_assert_true (shnor_document_set_indicator_plan (f->doc, indicator, 2027, FALSE, "4,5", &error));
  g_assert_true (shnor_document_set_indicator_plan (f->doc, indicator, SHNOR_END_OF_PROGRAMME, FALSE, "не более 3",
                                                    &error));
  person = shnor_document_add_person (f->doc, "Петрова Елена Андреевна", "методист", "", &error);
  owner = g_strdup_printf ("%" G_GINT64_FORMAT, person);
  g_assert_true (shnor_document_set_part_field (f->doc, SHNOR_PART_RISK, g_array_index (risks, ShnorPartRow, 1).id,
                                                "likelihood", "2", &error));
  g_assert_true (shnor_document_set_part_field (f->doc, SHNOR_PART_RISK, g_array_index (risks, ShnorPartRow, 1).id,
                                                "owner_id", owner, &error));
  g_assert_no_error (error);
  plan = shnor_appendix_plan_new_programme (f->doc, f->programme, &error);
  g_assert_no_error (error);

  /* the table by levels: the empty road map is left out, so this table is
   * the road map's only one and keeps its title */
  table = plan_table (plan, SHNOR_APPENDIX_ROADMAP, "Мероприятия по уровням");
  g_assert_cmpuint (table->intro->len, ==, 1);
  g_assert_cmpstr (table->intro->pdata[0], ==, "Вводный абзац таблицы.");
  g_assert_cmpuint (table->columns->len, ==, levels->len);
  for (guint l = 0; l < levels->len; l++)
    g_assert_cmpstr (g_array_index (table->columns, ShnorDocColumn, l).head, ==,
                     g_array_index (levels, ShnorRoadmapLevel, l).name);
  g_assert_cmpuint (table->rows->len, ==, 2 + G_N_ELEMENTS (seed003_rows));
  g_assert_cmpint (((ShnorDocRow *) table->rows->pdata[0])->kind, ==, SHNOR_DOC_ROW_SECTION);
  g_assert_cmpstr (cell_text (table->rows->pdata[0], 0), ==, "1. Подготовка и запуск программы");
  g_assert_cmpstr (cell_text (table->rows->pdata[1], 0), ==, "1.1. Создание организационной инфраструктуры "
                                                             "проекта, обеспечение кадровой поддержки");
  for (guint r = 0; r < G_N_ELEMENTS (seed003_rows); r++)
    for (guint l = 0; l < 3; l++)
      g_assert_cmpstr (cell_text (table->rows->pdata[2 + r], l), ==, seed003_rows[r][l]);
  g_assert_true (table->landscape);

  /* the passport: the period in words */
  table = plan_table (plan, SHNOR_APPENDIX_PROGRAMME, "Паспорт программы");
  {
    gboolean found = FALSE;

    for (guint r = 0; r < table->rows->len; r++)
      if (g_str_equal (cell_text (table->rows->pdata[r], 0), "Сроки реализации программы"))
        {
          g_assert_cmpstr (cell_text (table->rows->pdata[r], 1), ==, "2026 год и плановый период 2027 и 2028 годов");
          found = TRUE;
        }
    g_assert_true (found);
  }
  /* targets: a bound as written, a number as a number, the end of the
   * programme */
  table = plan_table (plan, SHNOR_APPENDIX_PROGRAMME, "Целевые показатели программы");
  {
    const ShnorDocRow *row = table->rows->pdata[table->rows->len - 1];
    int y2026 = column_of (table, "Целевое значение на 2026 г.");
    int y2027 = column_of (table, "Целевое значение на 2027 г.");
    int end = column_of (table, "Целевое значение на конец реализации программы");

    g_assert_true (y2026 >= 0 && y2027 >= 0 && end >= 0);
    g_assert_cmpstr (cell_text (row, 1), ==, "Доля обучающихся ниже порога");
    g_assert_cmpstr (cell_text (row, (guint) y2026), ==, "не более 5");
    g_assert_cmpint (((ShnorDocCell *) row->cells->pdata[y2026])->kind, ==, SHNOR_DOC_TEXT);
    g_assert_cmpstr (cell_text (row, (guint) y2027), ==, "4,5");
    g_assert_cmpint (((ShnorDocCell *) row->cells->pdata[y2027])->kind, ==, SHNOR_DOC_NUMBER);
    g_assert_cmpstr (cell_text (row, (guint) end), ==, "не более 3");
  }
  /* risks: the unassessed ones blank, the assessed one in words; its
   * responsible person by name */
  table = plan_table (plan, SHNOR_APPENDIX_PROGRAMME, "Риски реализации программы и пути их минимизации");
  {
    int likelihood = column_of (table, "Вероятность"), impact = column_of (table, "Степень влияния");
    int who = column_of (table, "Ответственный");

    g_assert_true (likelihood >= 0 && who >= 0);
    g_assert_cmpint (impact, <, 0);   /* no risk assessed for its impact: no column */
    g_assert_cmpstr (cell_text (table->rows->pdata[0], (guint) likelihood), ==, "");
    g_assert_cmpstr (cell_text (table->rows->pdata[1], (guint) likelihood), ==, "высокая");
    g_assert_cmpstr (cell_text (table->rows->pdata[2], (guint) likelihood), ==, "");
    g_assert_cmpstr (cell_text (table->rows->pdata[1], (guint) who), ==, "Петрова Е. А., методист");
    g_assert_cmpstr (cell_text (table->rows->pdata[0], (guint) who), ==, "");
  }
}

/* ---- an older file --------------------------------------------------------- */

typedef struct {
  gint64  id;
  char   *title;
  guint   levels;
} OldMeasure;

static void
old_measure_clear (gpointer data)
{
  g_free (((OldMeasure *) data)->title);
}

/* Format 8's demo (tests/fixtures/format-8.sql), with an owner typed for
 * two risks, upgraded through every step to this version: every measure
 * keeps its title and has it as the action of each level it was marked
 * for; each programme keeps its road map as its one table, numbered as
 * before; the assessed risks keep their assessment and the owner became a
 * person of the list. */
static void
test_upgrade (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *sql = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "Программа.format-8.bak.shnor", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) old = g_array_new (FALSE, TRUE, sizeof (OldMeasure));
  g_autoptr(GListModel) programmes = NULL;
  g_autoptr(GArray) people = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint seen = 0, owners = 0;

  g_array_set_clear_func (old, old_measure_clear);
  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "fixtures", "format-8.sql", NULL), &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE programme_risk SET owner = 'Гусев А. П., директор' WHERE id IN (1, 4);"
                                     "UPDATE programme_risk SET owner = 'Соколова Ирина Викторовна' WHERE id = 2;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, title, levels FROM measure ORDER BY id", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      OldMeasure m = { sqlite3_column_int64 (stmt, 0), g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                       (guint) sqlite3_column_int (stmt, 2) };

      g_array_append_val (old, m);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (old->len, >, 30);

  f->doc = shnor_document_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  programmes = shnor_document_get_programmes (f->doc, TRUE);
  for (guint p = 0; p < g_list_model_get_n_items (programmes); p++)
    {
      g_autoptr(ShnorProgramme) programme = g_list_model_get_item (programmes, p);
      gint64 id = shnor_programme_get_id (programme);
      g_autoptr(GArray) tables = shnor_document_get_measure_tables (f->doc, id);
      g_autoptr(GArray) measures = roadmap (f, id);
      g_autoptr(GArray) risks = shnor_document_get_part (f->doc, id, SHNOR_PART_RISK);

      g_assert_cmpuint (tables->len, ==, 1);
      g_assert_cmpstr (g_array_index (tables, ShnorMeasureTable, 0).title, ==, "Дорожная карта");
      g_assert_true (g_array_index (tables, ShnorMeasureTable, 0).columns &
                     SHNOR_COLUMN_BIT (SHNOR_COLUMN_LEVEL_NAMES));
      for (guint i = 0; i < measures->len; i++)
        {
          const ShnorMeasure *m = &g_array_index (measures, ShnorMeasure, i);
          const OldMeasure *o = NULL;

          for (guint k = 0; k < old->len; k++)
            if (g_array_index (old, OldMeasure, k).id == m->id)
              o = &g_array_index (old, OldMeasure, k);
          g_assert_nonnull (o);
          g_assert_cmpint (m->table_id, ==, g_array_index (tables, ShnorMeasureTable, 0).id);
          g_assert_cmpstr (m->texts[shnor_measure_field_index ("title")], ==, o->title);
          g_assert_cmpuint (m->levels, ==, o->levels);
          for (guint l = 0; l < 3; l++)
            g_assert_cmpstr (m->actions[l], ==, (o->levels & (1u << l)) ? o->title : "");
          /* shown once: the title is its actions', or a section's heading */
          g_assert_true (shnor_measure_title_is_heading (m) == (m->has_children || o->levels == 0));
          seen++;
        }
      for (guint r = 0; r < risks->len; r++)
        {
          const ShnorPartRow *risk = &g_array_index (risks, ShnorPartRow, r);
          g_autofree char *name = NULL;

          g_assert_cmpstr (risk->texts[2], !=, "");  /* format 8 kept an assessment */
          if (risk->texts[4][0] == '\0')
            continue;
          name = shnor_document_dup_person_name (f->doc, g_ascii_strtoll (risk->texts[4], NULL, 10));
          g_assert_true (g_str_equal (name, "Гусев А. П., директор") || g_str_equal (name, "Соколова Ирина Викторовна"));
          owners++;
        }
    }
  g_assert_cmpuint (seen, ==, old->len);
  g_assert_cmpuint (owners, ==, 3);
  /* a new person for the new owner; the one already in the list reused */
  people = shnor_document_get_people (f->doc);
  {
    guint sokolova = 0;

    for (guint i = 0; i < people->len; i++)
      sokolova += g_str_equal (g_array_index (people, ShnorPerson, i).name, "Соколова Ирина Викторовна");
    g_assert_cmpuint (sokolova, ==, 1);
  }

  /* what this version added works on the upgraded file, and is undone */
  {
    gint64 measure = g_array_index (old, OldMeasure, 1).id;
    g_autoptr(GArray) measures = NULL;

    /* the demo's second programme is a draft */
    g_assert_true (shnor_document_add_measure_table (f->doc, 2, SHNOR_TABLE_LEVELS, &error) != 0);
    g_assert_no_error (error);
    assert_refused (shnor_document_set_measure_action (f->doc, measure, level_id (f->doc, 1), "Иначе", &error),
                    &error, SHNOR_ERROR_READ_ONLY);  /* programme 1 is approved */
    measures = roadmap (f, 1);
    g_assert_cmpstr (find (measures, measure)->actions[0], ==, g_array_index (old, OldMeasure, 1).title);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/columns", test_columns);
  g_test_add_func ("/model/parse-target", test_parse_target);
#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/model/seed-003", test_seed003);
  ADD ("/model/levels-from-title", test_levels_from_title);
  ADD ("/model/levels", test_levels);
  ADD ("/model/tables", test_tables);
  ADD ("/model/period-text", test_period_text);
  ADD ("/model/bounds", test_bounds);
  ADD ("/model/risks", test_risks);
  ADD ("/model/approved", test_approved);
  ADD ("/model/amendment", test_amendment);
  ADD ("/model/documents", test_documents);
#undef ADD
  g_test_add ("/model/upgrade", Fixture, "own file", fixture_set_up, test_upgrade, fixture_tear_down);
  return g_test_run ();
}
