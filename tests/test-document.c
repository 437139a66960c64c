/* test-document.c: the document, without a display */
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "shnor-demo.h"
#include "shnor-document.h"
#include "shnor-document-private.h"
#include "shnor-error.h"
#include "shnor-schema.h"
#include "test-util.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_tmpdir ();
  f->path = g_build_filename (f->dir, "Муниципалитет.shnor", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_make_writable (f->dir);
  if (g_file_test (f->path, G_FILE_TEST_EXISTS))
    test_make_writable (f->path);
  test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static ShnorDocument *
new_document (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  ShnorDocument *doc = shnor_document_create (f->path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static gint64
add_school (ShnorDocument *doc,
            const char    *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = shnor_document_add_school (doc, name, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
set_field (ShnorDocument *doc,
           gint64         id,
           const char    *column,
           const char    *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (shnor_document_set_school_field (doc, id, column, text, &error));
  g_assert_no_error (error);
}

static char *
field (ShnorDocument *doc,
       gint64         id,
       const char    *column)
{
  ShnorSchool *school = shnor_document_find_school (doc, id);

  g_assert_nonnull (school);
  return shnor_school_dup_text (school, column);
}

/* The first value the query returns, read with a connection of its own. */
static char *
query_value (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
pragma (const char *path,
        const char *name)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", name);

  return query_value (path, sql);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_null (message);
  sqlite3_close (db);
}

/* ---- creating and storage rules ------------------------------------- */

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ShnorDocument) doc = new_document (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = NULL;
  g_autofree char *version = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *part = g_strdup_printf ("%s.part", f->path);

  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  g_assert_false (shnor_document_get_read_only (doc));
  g_assert_cmpuint (g_list_model_get_n_items (shnor_document_get_schools (doc)), ==, 0);
  g_assert_false (shnor_document_can_undo (doc));
  shnor_document_close (doc);

  app_id = pragma (f->path, "application_id");
  version = pragma (f->path, "user_version");
  journal = pragma (f->path, "journal_mode");
  g_assert_cmpint (atoi (app_id), ==, SHNOR_APPLICATION_ID);
  g_assert_cmpint (atoi (version), ==, SHNOR_FORMAT_VERSION);
  g_assert_cmpstr (journal, ==, "delete");

  /* A new document never replaces an existing file. */
  g_assert_null (shnor_document_create (f->path, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_EXISTS);
}

static void
test_in_use (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ShnorDocument) doc = new_document (f);
  g_autoptr(ShnorDocument) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_file_checksum (f->path);
  g_autofree char *after = NULL;

  add_school (doc, "Школа");
  before = (g_free (before), test_file_checksum (f->path));

  second = shnor_document_open (f->path, &error);
  g_assert_null (second);
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_IN_USE);
  g_clear_error (&error);

  g_assert_false (shnor_document_check_file (f->path, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_IN_USE);
  g_clear_error (&error);

  /* The first window goes on working; once closed, the file is free. */
  add_school (doc, "Школа 2");
  shnor_document_close (doc);
  after = test_file_checksum (f->path);
  g_assert_cmpstr (before, !=, after);
  second = shnor_document_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (shnor_document_get_schools (second)), ==, 2);
}

/* ---- fields --------------------------------------------------------- */

static const char *school_values[][2] = {
  { "full_name", "Муниципальное бюджетное общеобразовательное учреждение «СОШ № 1»" },
  { "short_name", "СОШ № 1" },
  { "legal_form", "МБОУ" },
  { "code", "0101" },
  { "settlement", "с. Кедровка" },
  { "area_type", "2" },
  { "hard_to_reach", "1" },
  { "director", "Иванова Мария Петровна" },
  { "address", "с. Кедровка, ул. Школьная, 1" },
  { "phone", "+7 (900) 000-00-00" },
  { "email", "school@example.ru" },
  { "mentor", "1" },
  { "internship", "1" },
  { "growth_point", "1" },
};

static void
test_school_fields_round_trip (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(ShnorDocument) doc = new_document (f);
  g_autoptr(GError) error = NULL;
  guint n_fields;
  gint64 id = add_school (doc, "Школа");

  /* Every field of the registry is in this test. */
  shnor_school_fields (&n_fields);
  g_assert_cmpuint (n_fields, ==, G_N_ELEMENTS (school_values));

  for (guint i = 0; i < G_N_ELEMENTS (school_values); i++)
    set_field (doc, id, school_values[i][0], school_values[i][1]);
  g_clear_object (&doc);

  doc = shnor_document_open (f->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (school_values); i++)
    {
      g_autofree char *value = field (doc, id, school_values[i][0]);

      g_assert_cmpstr (value, ==, school_values[i][1]);
    }
}

static void
test_context_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ShnorDocument) doc = new_document (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  gint64 id = add_school (doc, "Школа");
  ShnorContextRow *row;

  g_assert_true (shnor_document_add_context_year (doc, id, 2025, &error));
  g_assert_true (shnor_document_add_context_year (doc, id, 2024, &error));
  g_assert_true (shnor_document_set_context_field (doc, id, 2025, "pupils", "1 204", &error));
  g_assert_true (shnor_document_set_context_field (doc, id, 2025, "teachers", "71", &error));
  g_assert_true (shnor_document_set_context_field (doc, id, 2025, "share_low_income", "12,5", &error));
  g_assert_true (shnor_document_set_context_field (doc, id, 2025, "distance_km", "37.25", &error));
  g_assert_no_error (error);

  /* The list shows the counts of the latest year. */
  g_assert_cmpint (shnor_school_get_pupils (shnor_document_find_school (doc, id)), ==, 1204);
  g_clear_object (&doc);

  doc = shnor_document_open (f->path, &error);
  g_assert_no_error (error);
  rows = shnor_document_get_context (doc, id);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (g_array_index (rows, ShnorContextRow, 0).year, ==, 2024);
  g_assert_false (g_array_index (rows, ShnorContextRow, 0).known[0]);
  row = &g_array_index (rows, ShnorContextRow, 1);
  g_assert_cmpint (row->year, ==, 2025);
  g_assert_cmpfloat (row->value[0], ==, 1204);
  g_assert_cmpfloat (row->value[1], ==, 71);
  g_assert_cmpfloat (row->value[2], ==, 12.5);
  g_assert_cmpfloat (row->value[7], ==, 37.25);
  g_assert_false (row->known[3]);
  g_assert_cmpint (shnor_school_get_teachers (shnor_document_find_school (doc, id)), ==, 71);

  /* Moving a row to another year. */
  g_assert_true (shnor_document_set_context_field (doc, id, 2025, "year", "2026", &error));
  g_assert_no_error (error);
  g_array_unref (rows);
  rows = shnor_document_get_context (doc, id);
  g_assert_cmpint (g_array_index (rows, ShnorContextRow, 1).year, ==, 2026);
}

static void
test_settings_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(ShnorDocument) doc = new_document (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert_true (shnor_document_set_setting (doc, "authority", "Управление образования", &error));
  g_assert_true (shnor_document_set_setting (doc, "email", "uo@example.ru", &error));
  g_assert_no_error (error);
  g_clear_object (&doc);
  doc = shnor_document_open (f->path, &error);
  value = shnor_document_dup_setting (doc, "authority");
  g_assert_cmpstr (value, ==, "Управление образования");
  g_clear_pointer (&value, g_free);
  value = shnor_document_dup_setting (doc, "email");
  g_assert_cmpstr (value, ==, "uo@example.ru");
}

/* ---- validation ----------------------------------------------------- */

typedef struct {
  const char *column;
  const char *text;
} BadValue;

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  static const BadValue bad_school[] = {
    { "full_name", "" }, { "full_name", "   " }, { "email", "no-at-sign" },
    { "email", "a@b" }, { "area_type", "3" }, { "area_type", "город" },
    { "hard_to_reach", "может быть" }, { "code", "0002" },
  };
  static const BadValue bad_context[] = {
    { "pupils", "-5" }, { "pupils", "12,5" }, { "pupils", "много" },
    { "share_low_income", "100,5" }, { "share_disabilities", "-1" },
    { "year", "1800" }, { "year", "2025" }, { "distance_km", "1e9" }, { "teachers", "nan" },
  };
  g_autoptr(ShnorDocument) doc = new_document (f);
  g_autoptr(GError) error = NULL;
  gint64 id = add_school (doc, "Первая школа");
  gint64 other = add_school (doc, "Вторая школа");

  set_field (doc, id, "code", "0001");
  set_field (doc, other, "code", "0002");
  g_assert_true (shnor_document_add_context_year (doc, id, 2024, &error));
  g_assert_true (shnor_document_add_context_year (doc, id, 2025, &error));
  g_assert_true (shnor_document_set_context_field (doc, id, 2024, "pupils", "100", &error));

  for (guint i = 0; i < G_N_ELEMENTS (bad_school); i++)
    {
      g_autofree char *before = field (doc, id, bad_school[i].column);
      g_autofree char *after = NULL;

      g_assert_false (shnor_document_set_school_field (doc, id, bad_school[i].column, bad_school[i].text, &error));
      g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);
      after = field (doc, id, bad_school[i].column);
      g_assert_cmpstr (before, ==, after);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_context); i++)
    {
      g_autoptr(GArray) rows = NULL;

      g_assert_false (shnor_document_set_context_field (doc, id, 2024, bad_context[i].column,
                                                         bad_context[i].text, &error));
      g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
      g_clear_error (&error);
      rows = shnor_document_get_context (doc, id);
      g_assert_cmpint (g_array_index (rows, ShnorContextRow, 0).year, ==, 2024);
      g_assert_cmpfloat (g_array_index (rows, ShnorContextRow, 0).value[0], ==, 100);
    }

  g_assert_false (shnor_document_add_context_year (doc, id, 2025, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (shnor_document_add_context_year (doc, id, 3000, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (shnor_document_add_school (doc, "", &error), ==, 0);
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (shnor_document_set_setting (doc, "email", "почта", &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing refused left an undo step behind. */
  g_assert_cmpstr (shnor_document_get_undo_label (doc), ==, "Edit context data");
}

static void
test_parse_numbers (void)
{
  static const struct { const char *text; double value; } good[] = {
    { "12,5", 12.5 }, { "12.5", 12.5 }, { " 1 204 ", 1204 }, { "1\xc2\xa0""204,75", 1204.75 },
    { "1\xe2\x80\xaf""000", 1000 }, { "\xe2\x88\x92""3", -3 }, { "0", 0 },
  };
  static const char *bad[] = { "", " ", "abc", "1,2,3", "12%", "inf", "nan", "1e", "--1", "\xff" };
  double v;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (shnor_parse_double (good[i].text, &v));
      g_assert_cmpfloat (v, ==, good[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (shnor_parse_double (bad[i], &v));

  /* The short path for plain digits gives exactly what strtod() gives,
   * around its limit of 15 digits too. */
  for (guint i = 0; i < 20000; i++)
    {
      guint n = (guint) g_test_rand_int_range (1, 18);
      guint point = (guint) g_test_rand_int_range (0, (gint32) n + 1);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *with_point = NULL;
      double expected;

      for (guint d = 0; d < n; d++)
        {
          if (d == point && d > 0)
            g_string_append_c (text, i % 2 ? ',' : '.');
          g_string_append_c (text, (char) ('0' + g_test_rand_int_range (0, 10)));
        }
      with_point = g_strdelimit (g_strdup (text->str), ",", '.');
      expected = g_ascii_strtod (with_point, NULL);
      g_assert_true (shnor_parse_double (text->str, &v));
      if (v != expected)
        g_error ("“%s” read as %.17g, not %.17g", text->str, v, expected);
    }
}

/* ---- undo and redo -------------------------------------------------- */

static guint
n_schools (ShnorDocument *doc)
{
  return g_list_model_get_n_items (shnor_document_get_schools (doc));
}

static guint
n_context (ShnorDocument *doc,
           gint64         id)
{
  g_autoptr(GArray) rows = shnor_document_get_context (doc, id);

  return rows->len;
}

static void
undo (ShnorDocument *doc)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (shnor_document_undo (doc, &error));
  g_assert_no_error (error);
}

static void
redo (ShnorDocument *doc)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (shnor_document_redo (doc, &error));
  g_assert_no_error (error);
}

static void
test_undo_each_kind (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ShnorDocument) doc = new_document (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gint64 id;

  /* Add a school. */
  id = add_school (doc, "Школа");
  g_assert_cmpstr (shnor_document_get_undo_label (doc), ==, "Add school");
  undo (doc);
  g_assert_cmpuint (n_schools (doc), ==, 0);
  g_assert_null (shnor_document_find_school (doc, id));
  redo (doc);
  g_assert_cmpuint (n_schools (doc), ==, 1);
  g_assert_nonnull (shnor_document_find_school (doc, id));

  /* Edit a field. */
  set_field (doc, id, "director", "Иванов");
  set_field (doc, id, "director", "Петров");
  undo (doc);
  value = field (doc, id, "director");
  g_assert_cmpstr (value, ==, "Иванов");
  g_clear_pointer (&value, g_free);
  redo (doc);
  value = field (doc, id, "director");
  g_assert_cmpstr (value, ==, "Петров");
  g_clear_pointer (&value, g_free);

  /* Context rows: add, edit, delete. */
  g_assert_true (shnor_document_add_context_year (doc, id, 2025, &error));
  g_assert_true (shnor_document_set_context_field (doc, id, 2025, "pupils", "300", &error));
  g_assert_no_error (error);
  g_assert_cmpint (shnor_school_get_pupils (shnor_document_find_school (doc, id)), ==, 300);
  undo (doc);
  g_assert_cmpint (shnor_school_get_pupils (shnor_document_find_school (doc, id)), ==, -1);
  redo (doc);
  g_assert_cmpint (shnor_school_get_pupils (shnor_document_find_school (doc, id)), ==, 300);
  g_assert_true (shnor_document_delete_context_year (doc, id, 2025, &error));
  g_assert_cmpuint (n_context (doc, id), ==, 0);
  undo (doc);
  g_assert_cmpuint (n_context (doc, id), ==, 1);
  g_assert_cmpint (shnor_school_get_pupils (shnor_document_find_school (doc, id)), ==, 300);

  /* Delete a school: its context rows come back with it. */
  g_assert_true (shnor_document_delete_school (doc, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_schools (doc), ==, 0);
  g_assert_cmpuint (n_context (doc, id), ==, 0);
  undo (doc);
  g_assert_cmpuint (n_schools (doc), ==, 1);
  g_assert_cmpuint (n_context (doc, id), ==, 1);
  value = field (doc, id, "director");
  g_assert_cmpstr (value, ==, "Петров");
  g_clear_pointer (&value, g_free);
  redo (doc);
  g_assert_cmpuint (n_schools (doc), ==, 0);
  undo (doc);

  /* Settings. */
  g_assert_true (shnor_document_set_setting (doc, "region", "Область", &error));
  undo (doc);
  value = shnor_document_dup_setting (doc, "region");
  g_assert_cmpstr (value, ==, "");
  g_clear_pointer (&value, g_free);
  redo (doc);
  value = shnor_document_dup_setting (doc, "region");
  g_assert_cmpstr (value, ==, "Область");
  g_clear_pointer (&value, g_free);

  /* A new edit forgets what could be redone. */
  undo (doc);
  g_assert_true (shnor_document_can_redo (doc));
  set_field (doc, id, "phone", "123");
  g_assert_false (shnor_document_can_redo (doc));
  g_assert_false (shnor_document_redo (doc, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_NOTHING);
  g_clear_error (&error);

  /* Undo all the way, then nothing is left to undo. */
  while (shnor_document_can_undo (doc))
    undo (doc);
  g_assert_cmpuint (n_schools (doc), ==, 0);
  g_assert_false (shnor_document_undo (doc, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_NOTHING);
}

static void
test_undo_group (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ShnorDocument) doc = new_document (f);
  g_autoptr(GError) error = NULL;

  g_assert_true (shnor_demo_fill (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_schools (doc), ==, 12);

  /* The whole demo is one step. */
  undo (doc);
  g_assert_cmpuint (n_schools (doc), ==, 0);
  g_assert_false (shnor_document_can_undo (doc));
  redo (doc);
  g_assert_cmpuint (n_schools (doc), ==, 12);

  /* A cancelled group leaves nothing behind. */
  g_assert_true (shnor_document_begin_edit (doc, "group", &error));
  add_school (doc, "Тринадцатая");
  shnor_document_cancel_edit (doc);
  g_assert_cmpuint (n_schools (doc), ==, 12);
  g_assert_cmpstr (shnor_document_get_undo_label (doc), ==, "Demo municipality");
}

static void
on_changed (ShnorDocument *doc,
            const char    *table,
            gint64         rowid,
            GPtrArray     *seen)
{
  g_ptr_array_add (seen, g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, rowid));
}

static void
test_change_signal (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ShnorDocument) doc = new_document (f);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *expected = NULL;
  gint64 id;

  g_signal_connect (doc, "changed", G_CALLBACK (on_changed), seen);
  id = add_school (doc, "Школа");
  expected = g_strdup_printf ("school:%" G_GINT64_FORMAT, id);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (seen->pdata[0], ==, expected);

  /* An edit that changes nothing tells nothing and leaves no step. */
  set_field (doc, id, "full_name", "Школа");
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (shnor_document_get_undo_label (doc), ==, "Add school");

  undo (doc);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpuint (n_schools (doc), ==, 0);
}

/* ---- bad files ------------------------------------------------------ */

typedef struct {
  const char *name;
  ShnorError  code;
} BadFile;

static void
make_bad_files (Fixture *f)
{
  g_autofree char *text = g_build_filename (f->dir, "текст.shnor", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "пустой.shnor", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "чужой.shnor", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "новее.shnor", NULL);
  g_autofree char *damaged = g_build_filename (f->dir, "повреждён.shnor", NULL);
  g_autofree char *truncated = g_build_filename (f->dir, "обрезан.shnor", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  test_write_file (text, "Школа;Год\n1;2025\n", -1);
  test_write_file (empty, "", 0);
  exec_sql (foreign, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");

  g_assert_true (shnor_demo_write (f->path, &error));
  g_assert_no_error (error);
  g_file_get_contents (f->path, &contents, &length, NULL);
  test_write_file (newer, contents, (gssize) length);
  exec_sql (newer, "PRAGMA user_version = 99;");

  /* Garbage over the pages of the tables, the header intact. */
  g_assert_cmpuint (length, >, 8192);
  memset (contents + 4096, 0x5a, length - 4096);
  test_write_file (damaged, contents, (gssize) length);
  test_write_file (truncated, contents, 200);
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  static const BadFile files[] = {
    { "текст.shnor", SHNOR_ERROR_NOT_SHNOR },
    { "пустой.shnor", SHNOR_ERROR_NOT_SHNOR },
    { "чужой.shnor", SHNOR_ERROR_NOT_SHNOR },
    { "новее.shnor", SHNOR_ERROR_NEWER },
    { "повреждён.shnor", SHNOR_ERROR_DAMAGED },
    { "обрезан.shnor", SHNOR_ERROR_DAMAGED },
    { "нет такого.shnor", SHNOR_ERROR_NOT_FOUND },
    { "", SHNOR_ERROR_NOT_SHNOR },  /* the folder itself */
  };

  make_bad_files (f);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, files[i].name, NULL);
      g_autofree char *before = test_file_checksum (path);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ShnorDocument) doc = shnor_document_open (path, &error);

      g_test_message ("%s: %s", files[i].name, error ? error->message : "(opened)");
      g_assert_null (doc);
      g_assert_error (error, SHNOR_ERROR, (int) files[i].code);
      g_clear_error (&error);
      g_assert_false (shnor_document_check_file (path, &error));
      g_assert_error (error, SHNOR_ERROR, (int) files[i].code);

      after = test_file_checksum (path);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_check_ok (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (shnor_demo_write (f->path, &error));
  before = test_file_checksum (f->path);
  g_assert_true (shnor_document_check_file (f->path, &error));
  g_assert_no_error (error);
  after = test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);

  /* The demo is written anew only into a new file. */
  g_assert_false (shnor_demo_write (f->path, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_EXISTS);
}

/* ---- migrations ----------------------------------------------------- */

static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *sql = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "Муниципалитет.format-1.bak.shnor", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *version = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = NULL;
  g_autofree char *value = NULL;

  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "fixtures", "format-1.sql", NULL), &sql, NULL, &error);
  g_assert_no_error (error);
  exec_sql (f->path, sql);
  before = test_file_checksum (f->path);

  doc = shnor_document_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_schools (doc), ==, 2);
  value = field (doc, 1, "director");
  g_assert_cmpstr (value, ==, "Петров П. П.");
  g_clear_pointer (&value, g_free);
  value = field (doc, 2, "area_type");
  g_assert_cmpstr (value, ==, "2");
  g_clear_pointer (&value, g_free);
  value = field (doc, 2, "hard_to_reach");
  g_assert_cmpstr (value, ==, "0");
  g_clear_pointer (&value, g_free);
  value = shnor_document_dup_setting (doc, "municipality");
  g_assert_cmpstr (value, ==, "Старый округ");

  /* What format 2 added works on the upgraded file. */
  g_assert_true (shnor_document_add_context_year (doc, 1, 2025, &error));
  g_assert_no_error (error);
  set_field (doc, 1, "growth_point", "1");
  shnor_document_close (doc);

  version = pragma (f->path, "user_version");
  g_assert_cmpint (atoi (version), ==, SHNOR_FORMAT_VERSION);

  /* The backup is the file exactly as it was. */
  after = test_file_checksum (backup);
  g_assert_cmpstr (before, ==, after);
}

/* Format 9 keeps each assessment once and the results refer to it: the
 * demo as format 8 wrote it keeps every result, and the upgraded file takes
 * new results, refuses a second one of a school in an assessment and year,
 * and undoes an import. */
static void
test_migration_results (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) years = NULL;
  g_auto(GStrv) assessments = NULL;
  g_autofree char *triggers = NULL;
  g_autofree char *free_pages = NULL;
  ShnorResult r = { 0 };
  gboolean found = FALSE;

  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "fixtures", "format-8.sql", NULL), &sql, NULL, &error);
  g_assert_no_error (error);
  exec_sql (f->path, sql);

  doc = shnor_document_open (f->path, &error);
  g_assert_no_error (error);
  all = shnor_document_get_results (doc, 0);
  g_assert_cmpuint (all->len, ==, 183);
  for (guint i = 0; i < all->len; i++)
    {
      const ShnorResult *x = &g_array_index (all, ShnorResult, i);

      if (x->school_id == 7 && x->year == 2024 && g_str_equal (x->kind, "ОГЭ") &&
          g_str_equal (x->subject, "Математика"))
        {
          g_assert_cmpint (x->grade, ==, 9);
          g_assert_cmpint (x->participants, ==, 17);
          g_assert_cmpfloat_with_epsilon (x->mean, 3.51, 1e-9);
          g_assert_true (x->has_below && x->below == 1);
          g_assert_true (x->has_high && x->high == 5);
          found = TRUE;
        }
    }
  g_assert_true (found);
  assessments = shnor_document_list_assessments (doc);
  g_assert_true (g_strv_contains ((const char * const *) assessments, "ЕГЭ\tРусский язык\t11"));
  years = shnor_document_get_assessment_years (doc, "ЕГЭ", "Русский язык", 11);
  g_assert_cmpuint (years->len, >=, 3);

  /* a new assessment, then the same school, assessment and year again */
  r.school_id = 1;
  r.year = 2026;
  shnor_result_set_names (&r, "ВПР", "География");
  r.grade = 7;
  r.participants = 20;
  r.has_mean = TRUE;
  r.mean = 3.9;
  g_assert_true (shnor_document_set_result (doc, &r, &error));
  g_assert_no_error (error);
  r.mean = 4.1;
  g_assert_true (shnor_document_set_result (doc, &r, &error));
  g_assert_no_error (error);
  g_clear_pointer (&all, g_array_unref);
  all = shnor_document_get_results (doc, 0);
  g_assert_cmpuint (all->len, ==, 184);
  g_clear_pointer (&assessments, g_strfreev);
  assessments = shnor_document_list_assessments (doc);
  g_assert_true (g_strv_contains ((const char * const *) assessments, "ВПР\tГеография\t7"));
  g_assert_true (shnor_document_undo (doc, &error));
  g_assert_true (shnor_document_undo (doc, &error));
  g_assert_no_error (error);
  g_clear_pointer (&assessments, g_strfreev);
  assessments = shnor_document_list_assessments (doc);
  g_assert_false (g_strv_contains ((const char * const *) assessments, "ВПР\tГеография\t7"));
  g_clear_pointer (&all, g_array_unref);
  all = shnor_document_get_results (doc, 0);
  g_assert_cmpuint (all->len, ==, 183);

  /* the undo triggers stay the connection's own, never the file's */
  shnor_document_close (doc);
  triggers = query_value (f->path, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'");
  g_assert_cmpstr (triggers, ==, "0");
  /* the pages of the results as format 8 kept them were given back */
  free_pages = pragma (f->path, "freelist_count");
  g_assert_cmpstr (free_pages, ==, "0");
}

/* ---- read-only ------------------------------------------------------ */

static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (shnor_demo_write (f->path, &error));
  if (!test_make_read_only (f->path))
    {
      g_test_skip ("cannot make a file read-only here (no chattr for root)");
      return;
    }
  before = test_file_checksum (f->path);

  doc = shnor_document_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (shnor_document_get_read_only (doc));
  g_assert_nonnull (shnor_document_get_read_only_reason (doc));
  g_assert_cmpuint (n_schools (doc), ==, 12);

  g_assert_cmpint (shnor_document_add_school (doc, "Школа", &error), ==, 0);
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (shnor_document_set_school_field (doc, 1, "director", "X", &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (shnor_document_set_setting (doc, "region", "X", &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_READ_ONLY);
  g_clear_error (&error);
  /* many results (the writer of an import): refused without a warning */
  {
    ShnorResult r = { 0 };

    r.school_id = 1;
    r.year = 2026;
    shnor_result_set_names (&r, "ОГЭ", "Математика");
    r.grade = 9;
    r.participants = 20;
    g_assert_false (shnor_document_put_results (doc, &r, 1, "Импорт", &error));
    g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_READ_ONLY);
    g_clear_error (&error);
  }
  g_assert_false (shnor_document_can_undo (doc));
  shnor_document_close (doc);

  after = test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  test_make_writable (f->path);
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = NULL;

  g_assert_true (shnor_demo_write (f->path, &error));
  if (!test_make_read_only (f->dir))
    {
      g_test_skip ("cannot make a folder read-only here (no chattr for root)");
      return;
    }
  doc = shnor_document_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (shnor_document_get_read_only (doc));
  g_assert_false (shnor_document_delete_school (doc, 1, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_object (&doc);

  /* No new file in a read-only folder, with a message. */
  {
    g_autofree char *other = g_build_filename (f->dir, "новый.shnor", NULL);

    g_assert_null (shnor_document_create (other, &error));
    g_assert_nonnull (error);
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  }
  test_make_writable (f->dir);
}

static void
test_save_copy (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ShnorDocument) doc = new_document (f);
  g_autoptr(ShnorDocument) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "Копия.shnor", NULL);

  g_autofree char *second = g_build_filename (f->dir, "Вторая копия.shnor", NULL);
  g_autofree char *sum = NULL;
  g_autofree char *own = NULL;

  add_school (doc, "Школа");
  g_assert_true (shnor_document_save_copy (doc, path, &error));
  g_assert_no_error (error);
  /* Never over a Shnor file: not over the first copy (it could be open in
   * another window), not over the open document itself. */
  add_school (doc, "Ещё школа");
  sum = test_file_checksum (path);
  g_assert_false (shnor_document_save_copy (doc, path, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_EXISTS);
  g_clear_error (&error);
  g_free (own);
  own = test_file_checksum (path);
  g_assert_cmpstr (sum, ==, own);
  g_clear_pointer (&own, g_free);
  g_clear_pointer (&sum, g_free);
  own = test_file_checksum (f->path);
  g_assert_false (shnor_document_save_copy (doc, f->path, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_EXISTS);
  g_clear_error (&error);
  sum = test_file_checksum (f->path);
  g_assert_cmpstr (own, ==, sum);
  g_assert_true (shnor_document_save_copy (doc, second, &error));
  g_assert_no_error (error);
  copy = shnor_document_open (second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_schools (copy), ==, 2);
  /* The original stays open and writable. */
  add_school (doc, "Третья");
  g_assert_cmpuint (n_schools (doc), ==, 3);
}

static int
temp_objects (ShnorDocument *doc)
{
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_prepare_v2 (shnor_document_get_db (doc), "SELECT count(*) FROM temp.sqlite_schema", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static int
by_name (gconstpointer a,
         gconstpointer b)
{
  return shnor_school_compare_names (*(ShnorSchool * const *) a, *(ShnorSchool * const *) b);
}

/* Schools are ordered by their names as people number them («№ 2» before
 * «№ 10»), and a name changed moves its school. */
static void
test_school_names_order (Fixture       *f,
                         gconstpointer  data)
{
  static const char * const names[] = { "МБОУ СОШ № 10", "МБОУ СОШ № 2", "МБОУ СОШ № 1", "МБОУ СОШ № 10а",
                                        "МБОУ «Лицей № 3»" };
  static const char * const ordered[] = { "МБОУ «Лицей № 3»", "МБОУ СОШ № 1", "МБОУ СОШ № 2", "МБОУ СОШ № 10",
                                          "МБОУ СОШ № 10а" };
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = shnor_document_create (f->path, &error);
  g_autoptr(GPtrArray) schools = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 tenth = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gint64 id = add_school (doc, names[i]);

      if (i == 0)
        tenth = id;
    }
  for (guint i = 0; i < n_schools (doc); i++)
    g_ptr_array_add (schools, g_list_model_get_item (shnor_document_get_schools (doc), i));
  g_ptr_array_sort (schools, by_name);
  for (guint i = 0; i < G_N_ELEMENTS (ordered); i++)
    g_assert_cmpstr (shnor_school_get_display_name (schools->pdata[i]), ==, ordered[i]);

  /* a short name is what the lists show, and sort by */
  set_field (doc, tenth, "short_name", "Гимназия № 10");
  g_ptr_array_sort (schools, by_name);
  g_assert_cmpstr (shnor_school_get_display_name (schools->pdata[0]), ==, "Гимназия № 10");
}

/* A document only read makes no undo log: its hundred triggers are made
 * at the first edit (they were a tenth of the time of a command on a
 * region's file), and undo works as before. */
static void
test_undo_log_at_first_edit (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = shnor_document_create (f->path, &error);

  g_assert_no_error (error);
  add_school (doc, "Первая");
  g_clear_object (&doc);
  doc = shnor_document_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_schools (doc), ==, 1);
  g_assert_cmpint (temp_objects (doc), ==, 0);
  add_school (doc, "Вторая");
  g_assert_cmpint (temp_objects (doc), >, 100);
  g_assert_true (shnor_document_undo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_schools (doc), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/document/create", test_create);
  ADD ("/document/in-use", test_in_use);
  ADD ("/document/school-fields", test_school_fields_round_trip);
  ADD ("/document/school-names-order", test_school_names_order);
  ADD ("/document/context", test_context_round_trip);
  ADD ("/document/settings", test_settings_round_trip);
  ADD ("/document/validation", test_validation);
  g_test_add_func ("/document/parse-numbers", test_parse_numbers);
  ADD ("/document/undo/each-kind", test_undo_each_kind);
  ADD ("/document/undo/group", test_undo_group);
  ADD ("/document/undo/log-at-first-edit", test_undo_log_at_first_edit);
  ADD ("/document/changed-signal", test_change_signal);
  ADD ("/document/bad-files", test_bad_files);
  ADD ("/document/check-ok", test_check_ok);
  ADD ("/document/migration", test_migration);
  ADD ("/document/migration-results", test_migration_results);
  ADD ("/document/read-only-file", test_read_only_file);
  ADD ("/document/read-only-folder", test_read_only_folder);
  ADD ("/document/save-copy", test_save_copy);
#undef ADD

  return g_test_run ();
}
