/* test-import.c: reading CSV/XLSX and importing results, without display */
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <xlsxwriter.h>

#include "shnor-demo.h"
#include "shnor-derived.h"
#include "shnor-document-private.h"
#include "shnor-error.h"
#include "shnor-results-import.h"
#include "test-util.h"

static ShnorTable *
parse (const char *text,
       gssize      length)
{
  g_autoptr(GError) error = NULL;
  ShnorTable *table = shnor_csv_parse (text, length < 0 ? strlen (text) : (gsize) length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static const char *
at (ShnorTable *t,
    guint       row,
    guint       col)
{
  g_assert_cmpuint (row, <, t->rows->len);
  g_assert_cmpuint (col, <, shnor_table_get_row (t, row)->n_cells);
  return shnor_table_get_cell (t, shnor_table_get_row (t, row), col);
}

/* ---- CSV ------------------------------------------------------------ */

static void
test_csv_separators (void)
{
  static const char *texts[] = {
    "Школа;Год;Средний балл\nА;2025;61,5\n",
    "Школа,Год,Средний балл\nА,2025,\"61,5\"\n",
    "Школа\tГод\tСредний балл\nА\t2025\t61,5\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(ShnorTable) t = parse (texts[i], -1);

      g_assert_cmpuint (t->rows->len, ==, 2);
      g_assert_cmpstr (at (t, 0, 2), ==, "Средний балл");
      g_assert_cmpstr (at (t, 1, 2), ==, "61,5");
    }
}

static void
test_csv_quotes_and_lines (void)
{
  g_autoptr(ShnorTable) t = parse ("\xef\xbb\xbf" "Школа;Заметка\r\n"
                                   "\"МБОУ \"\"СОШ № 1\"\"\";\"две\r\nстроки; и разделитель\"\r\n"
                                   "\r\n"
                                   ";;\r\n"
                                   "Б;конец\r", -1);

  g_assert_cmpuint (t->rows->len, ==, 3);
  g_assert_cmpstr (at (t, 0, 0), ==, "Школа");  /* the BOM is gone */
  g_assert_cmpstr (at (t, 1, 0), ==, "МБОУ \"СОШ № 1\"");
  g_assert_cmpstr (at (t, 1, 1), ==, "две\r\nстроки; и разделитель");
  /* Line numbers count the line break inside the quotes and the blank lines. */
  g_assert_cmpuint (g_array_index (t->rows, ShnorTableRow, 1).line, ==, 2);
  g_assert_cmpuint (g_array_index (t->rows, ShnorTableRow, 2).line, ==, 6);
  g_assert_cmpstr (at (t, 2, 1), ==, "конец");
}

static void
test_csv_windows_1251 (void)
{
  g_autofree char *cp1251 = g_convert ("Школа;Год\nСОШ с. Ключи;2025\n", -1, "WINDOWS-1251", "UTF-8",
                                       NULL, NULL, NULL);
  g_autoptr(ShnorTable) t = NULL;

  g_assert_nonnull (cp1251);
  t = parse (cp1251, -1);
  g_assert_cmpstr (at (t, 0, 0), ==, "Школа");
  g_assert_cmpstr (at (t, 1, 0), ==, "СОШ с. Ключи");
}

static void
test_csv_errors (void)
{
  g_autoptr(GError) error = NULL;
  ShnorTable *t;

  t = shnor_csv_parse ("a;b\n\"open;c\nd;e\n", 15, &error);
  g_assert_null (t);
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2"));
  g_clear_error (&error);

  t = shnor_csv_parse ("a;b\n\0\1\2", 8, &error);
  g_assert_null (t);
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
}

/* Appends the rows of @t to @out, "line|cell|cell\n" each. */
static void
append_rows (GString          *out,
             const ShnorTable *t)
{
  for (guint r = 0; r < t->rows->len; r++)
    {
      const ShnorTableRow *row = shnor_table_get_row (t, r);

      g_string_append_printf (out, "%u", row->line);
      for (guint c = 0; c < row->n_cells; c++)
        g_string_append_printf (out, "|%s", shnor_table_get_cell (t, row, c));
      g_string_append_c (out, '\n');
    }
}

/* The rows of @path read part by part, @part_size bytes at a time, as one
 * text (see append_rows()), or "error: MESSAGE". */
static char *
streamed (const char *path,
          gsize       part_size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorCsvStream) stream = shnor_csv_stream_new (path, &error);
  GString *out = g_string_new (NULL);
  const ShnorTable *t;

  if (stream == NULL)
    {
      g_string_append_printf (out, "error: %s", error->message);
      return g_string_free (out, FALSE);
    }
  shnor_csv_stream_set_part_size (stream, part_size);
  while ((t = shnor_csv_stream_next (stream, &error)) != NULL)
    append_rows (out, t);
  if (error != NULL)
    {
      g_string_truncate (out, 0);
      g_string_append_printf (out, "error: %s", error->message);
    }
  return g_string_free (out, FALSE);
}

/* The same for the whole file parsed at once. */
static char *
whole (const char *data,
       gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorTable) t = shnor_csv_parse (data, length, &error);
  GString *out = g_string_new (NULL);

  if (t == NULL)
    {
      g_string_append_printf (out, "error: %s", error->message);
      return g_string_free (out, FALSE);
    }
  append_rows (out, t);
  return g_string_free (out, FALSE);
}

/* A file read part by part gives the same rows, lines and errors as read
 * at once, wherever the parts end: in a quoted cell over several lines,
 * between CR and LF, in a UTF-8 character; in Windows-1251; with a BOM. */
static void
test_csv_stream (void)
{
  static const char * const pieces[] = { ";", ",", "\t", "\"", "\"\"", "\r\n", "\n", "\r", "а", "Школа", " ",
                                          "1", "2,5", "ё" };
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "файл.csv", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);

  for (guint i = 0; i < 400; i++)
    {
      g_autoptr(GString) text = g_string_new (i % 7 == 0 ? "\xef\xbb\xbf" : "");
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;
      gsize part = (gsize) g_rand_int_range (rand, 1, 40);

      for (int k = g_rand_int_range (rand, 0, 60); k > 0; k--)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      if (i % 5 == 0)
        {
          g_autofree char *cp1251 = g_convert (text->str + (i % 7 == 0 ? 3 : 0), -1, "WINDOWS-1251", "UTF-8",
                                               NULL, NULL, NULL);

          g_string_assign (text, cp1251);
        }
      /* without waiting for the disk, as g_file_set_contents() would */
      {
        FILE *out = g_fopen (path, "wb");

        g_assert_nonnull (out);
        g_assert_cmpuint (fwrite (text->str, 1, text->len, out), ==, text->len);
        fclose (out);
      }
      expected = whole (text->str, text->len);
      got = streamed (path, part);
      g_test_message ("input %u, parts of %" G_GSIZE_FORMAT, i, part);
      g_assert_cmpstr (got, ==, expected);
    }

  /* a UTF-8 character across the first pass's parts of a megabyte */
  {
    g_autoptr(GString) text = g_string_new ("Школа;Год\n");
    g_autofree char *expected = NULL;
    g_autofree char *got = NULL;

    while (text->len < 1024 * 1024 - 1)
      g_string_append_c (text, 'x');
    g_string_append (text, "ё;2025\nконец;1\n");
    test_write_file (path, text->str, (gssize) text->len);
    expected = whole (text->str, text->len);
    got = streamed (path, 1024 * 1024);
    g_assert_cmpstr (got, ==, expected);
    g_assert_nonnull (strstr (got, "ё|2025"));
  }
  test_rm_rf (dir);
}

/* ---- import --------------------------------------------------------- */

typedef struct {
  char          *dir;
  ShnorDocument *doc;
  guint          baseline;   /* the demo's own results */
} Fixture;

static guint n_results (ShnorDocument *doc);

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = test_tmpdir ();
  path = g_build_filename (f->dir, "Демо.shnor", NULL);
  g_assert_true (shnor_demo_write (path, &error));
  f->doc = shnor_document_open (path, &error);
  g_assert_no_error (error);
  f->baseline = n_results (f->doc);
  g_assert_cmpuint (f->baseline, >, 100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->doc);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

static ShnorImportPlan *
plan_for (Fixture    *f,
          const char *csv)
{
  g_autoptr(ShnorTable) t = parse (csv, -1);

  return shnor_import_plan_new (f->doc, t);
}

static guint
n_results (ShnorDocument *doc)
{
  g_autoptr(GArray) all = shnor_document_get_results (doc, 0);

  return all->len;
}

static void
test_import_ok (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ShnorImportPlan) plan = NULL;
  g_autoptr(ShnorImportPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) stored = NULL;
  ShnorResult *r;

  /* English headers, a school by name (any case, other quotes), "ё" as "е". */
  plan = plan_for (f, "school;year;kind;subject;grade;participants;mean;below;high\n"
                      "гимназия № 1;2024/2025;EGE;Физика;11;1 204;71,25;3;40\n"
                      "СОШ с. Малиновка;2025;огэ;Химия;;18;3,4;2;6\n"
                      "СОШ № 3;2025 г.;ВПР;Биология;5;60;;;\n");
  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_cmpuint (plan->added, ==, 3);
  g_assert_cmpuint (plan->replaced, ==, 0);
  /* The plan changes nothing by itself. */
  g_assert_cmpuint (n_results (f->doc), ==, f->baseline);

  g_assert_true (shnor_import_plan_apply (plan, f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_results (f->doc), ==, f->baseline + 3);
  stored = shnor_document_get_results (f->doc, 1);
  r = NULL;
  for (guint i = 0; i < stored->len; i++)
    if (g_str_equal (g_array_index (stored, ShnorResult, i).subject, "Физика"))
      r = &g_array_index (stored, ShnorResult, i);
  g_assert_nonnull (r);
  g_assert_cmpstr (r->kind, ==, "ЕГЭ");
  g_assert_cmpint (r->year, ==, 2025);
  g_assert_cmpint (r->participants, ==, 1204);
  g_assert_cmpfloat (r->mean, ==, 71.25);
  g_assert_cmpint (r->below, ==, 3);
  g_assert_cmpint (r->high, ==, 40);

  /* ОГЭ defaults to grade 9; a result without a mean keeps it unknown. */
  g_array_unref (stored);
  stored = shnor_document_get_results (f->doc, 0);
  for (guint i = 0; i < stored->len; i++)
    {
      r = &g_array_index (stored, ShnorResult, i);
      if (g_str_equal (r->subject, "Химия"))
        g_assert_cmpint (r->grade, ==, 9);
      if (g_str_equal (r->subject, "Биология"))
        g_assert_false (r->has_mean);
    }

  /* Importing again replaces; the whole import is one undo step. */
  again = plan_for (f, "Код;Год;Вид;Предмет;Класс;Участники;Средний балл\n0301;2025;ЕГЭ;Физика;11;1204;70\n");
  g_assert_cmpuint (again->replaced, ==, 1);
  g_assert_true (shnor_import_plan_apply (again, f->doc, &error));
  g_assert_cmpstr (shnor_document_get_undo_label (f->doc), ==, "Import results");
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_results (f->doc), ==, f->baseline);
}

static gboolean
has_problem (ShnorImportPlan *plan,
             guint            line,
             const char      *column,
             const char      *words)
{
  for (guint i = 0; i < plan->problems->len; i++)
    {
      ShnorImportProblem *p = plan->problems->pdata[i];

      if (p->line == line && g_strcmp0 (p->column, column) == 0 && strstr (p->message, words))
        return TRUE;
    }
  return FALSE;
}

static void
test_import_problems (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ShnorImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = plan_for (f, "Код;Год;Вид;Предмет;Класс;Участники;Средний балл;Ниже порога;Высокие\n"
                      "0301;2025;ЕГЭ;Физика;11;20;55;1;2\n"          /* 2: fine */
                      "0399;2025;ЕГЭ;Физика;11;20;55;1;2\n"          /* 3: unknown school */
                      "0302;2025;ЕГЭ;Физика;11;20;155;1;2\n"         /* 4: mean out of scale */
                      "0303;2025;ЕГЭ;Физика;11;20;55;25;2\n"         /* 5: below > participants */
                      "0301;2025;ЕГЭ;Физика;11;21;56;1;2\n"          /* 6: duplicate of 2 */
                      "0304;двадцать;ЕГЭ;Физика;11;20;55;1;2\n"      /* 7: not a year */
                      "0305;2025;ЕГЭ;Физика;9;20;55;1;2\n"           /* 8: ЕГЭ in grade 9 */
                      "0306;2025;ГИА;Физика;11;20;55;1;2\n"          /* 9: unknown kind */
                      "0307;2025;ОГЭ;Физика;9;-3;4;1;2\n"            /* 10: negative participants */
                      "0308;2025;ВПР;Физика;7;20;4,5;1;2,5\n"       /* 11: not a whole number */
                      "0309;2025;ЕГЭ;Физика;11;20;55;1;2\n"          /* 12: fine */
                      "0301;2025;ЕГЭ;Физика;11;22;57;1;2\n");        /* 13: duplicate of 2, after another school */

  g_assert_true (has_problem (plan, 3, "Код", "0399"));
  g_assert_true (has_problem (plan, 4, "Средний балл", "155"));
  g_assert_true (has_problem (plan, 5, "Ниже порога", "25"));
  g_assert_true (has_problem (plan, 6, NULL, "2"));
  g_assert_true (has_problem (plan, 7, "Год", "двадцать"));
  g_assert_true (has_problem (plan, 8, "Класс", "11"));
  g_assert_true (has_problem (plan, 9, "Вид", "ГИА"));
  g_assert_true (has_problem (plan, 10, "Участники", "-3"));
  g_assert_true (has_problem (plan, 11, "Высокие", "2,5"));
  g_assert_true (has_problem (plan, 13, NULL, "2"));
  g_assert_cmpuint (plan->problems->len, ==, 10);

  /* All or nothing. */
  g_assert_false (shnor_import_plan_apply (plan, f->doc, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_assert_cmpuint (n_results (f->doc), ==, f->baseline);
  g_assert_cmpstr (shnor_document_get_undo_label (f->doc), ==, NULL);
}

/* The «Школа» column may hold a code (the README's "school (or code)"): a
 * name is looked for first, then a code; neither is a problem. */
static void
test_import_code_as_school (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(ShnorImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) stored = NULL;
  gboolean found = FALSE;

  plan = plan_for (f, "Школа;Год;Вид;Предмет;Класс;Участники;Средний балл\n"
                      "0305;2025;ЕГЭ;Астрономия;11;20;55\n"
                      "СОШ № 3;2025;ЕГЭ;Астрономия;11;21;56\n"
                      "0399;2025;ЕГЭ;Астрономия;11;20;55\n");
  g_assert_true (has_problem (plan, 4, "Школа", "0399"));
  g_assert_cmpuint (plan->problems->len, ==, 1);
  g_clear_pointer (&plan, shnor_import_plan_free);

  plan = plan_for (f, "Школа;Год;Вид;Предмет;Класс;Участники;Средний балл\n"
                      "0305;2025;ЕГЭ;Астрономия;11;20;55\n"
                      "СОШ № 3;2025;ЕГЭ;Астрономия;11;21;56\n");
  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_cmpuint (plan->added, ==, 2);
  g_assert_true (shnor_import_plan_apply (plan, f->doc, &error));
  g_assert_no_error (error);
  stored = shnor_document_get_results (f->doc, 5);   /* the demo's school with code 0305 */
  for (guint i = 0; i < stored->len; i++)
    found |= g_str_equal (g_array_index (stored, ShnorResult, i).subject, "Астрономия") &&
             g_array_index (stored, ShnorResult, i).participants == 20;
  g_assert_true (found);
}

/* A file of a million mistakes takes the memory of a small one: the first
 * SHNOR_IMPORT_MAX_PROBLEMS problems are kept, all are counted; the first
 * SHNOR_IMPORT_PREVIEW results are kept to show, all are counted; the
 * whole file is read, from the disk, by the command line's one pass. */
static void
test_import_bounded (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "много.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("Код;Год;Вид;Предмет;Класс;Участники;Средний балл\n");
  g_autoptr(ShnorImportPlan) plan = NULL;
  g_autoptr(ShnorImportPlan) good = NULL;
  g_autoptr(GError) error = NULL;
  const guint n = SHNOR_IMPORT_MAX_PROBLEMS + 500;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "0301;%u;ЕГЭ;Предмет %u;11;20;%s\n", 2000 + i % 20, i, i == 7 ? "55" : "555");
  test_write_file (path, csv->str, (gssize) csv->len);
  plan = shnor_import_file (f->doc, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->n_problems, ==, n - 1);
  g_assert_cmpuint (plan->problems->len, ==, SHNOR_IMPORT_MAX_PROBLEMS);
  g_assert_cmpuint (((ShnorImportProblem *) plan->problems->pdata[0])->line, ==, 2);
  g_assert_cmpuint (n_results (f->doc), ==, f->baseline);
  g_assert_null (shnor_document_get_undo_label (f->doc));

  g_string_truncate (csv, 0);
  g_string_append (csv, "Код;Год;Вид;Предмет;Класс;Участники;Средний балл\n");
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (csv, "0301;%u;ЕГЭ;Предмет %u;11;20;55\n", 2000 + i % 20, i);
  test_write_file (path, csv->str, (gssize) csv->len);
  good = shnor_import_file (f->doc, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (good->n_problems, ==, 0);
  g_assert_cmpuint (good->added, ==, 1000);
  g_assert_cmpuint (good->results->len, ==, SHNOR_IMPORT_PREVIEW);
  g_assert_cmpuint (n_results (f->doc), ==, f->baseline + 1000);
  g_assert_cmpstr (shnor_document_get_undo_label (f->doc), ==, "Import results");
}

/* A region's import into a file without results: stored with the indexes
 * and the foreign keys set aside, the sums of identification built again
 * from all (which checks the schools and assessments); afterwards the
 * file has its indexes, the connection its foreign keys, and the import
 * is one undo step. */
static void
test_import_region (void)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Регион.shnor", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "регион.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("Код;Год;Вид;Предмет;Класс;Участники;Средний балл;Ниже порога\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = shnor_document_create (path, &error);
  g_autoptr(ShnorImportPlan) plan = NULL;
  sqlite3_stmt *stmt = NULL;
  const guint n = 3 * 25 * 800;

  g_assert_nonnull (doc);
  for (int s = 1; s <= 3; s++)
    {
      g_autofree char *name = g_strdup_printf ("Школа %d", s);
      g_autofree char *code = g_strdup_printf ("K%d", s);
      gint64 id = shnor_document_add_school (doc, name, &error);

      g_assert_true (shnor_document_set_school_field (doc, id, "code", code, &error));
    }
  for (int s = 1; s <= 3; s++)
    for (int year = 2001; year <= 2025; year++)
      for (int subject = 1; subject <= 800; subject++)
        g_string_append_printf (csv, "K%d;%d;ВПР;Предмет %d;5;%d;%d,%d;%d\n", s, year, subject, 10 + s,
                                3 + (s + subject) % 2, (year + subject) % 10, s);
  test_write_file (csv_path, csv->str, (gssize) csv->len);
  plan = shnor_import_file (doc, csv_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->n_problems, ==, 0);
  g_assert_cmpuint (plan->added, ==, n);
  g_assert_cmpuint (n_results (doc), ==, n);
  g_assert_true (shnor_identification_check (shnor_document_get_db (doc), "test", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (shnor_document_get_db (doc), "PRAGMA foreign_keys", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (shnor_document_get_db (doc), "SELECT count(*) FROM sqlite_schema"
                                       " WHERE type = 'index' AND name IN ('result_key', 'result_assessment')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  sqlite3_finalize (stmt);

  g_assert_true (shnor_document_undo (doc, &error));
  g_assert_cmpuint (n_results (doc), ==, 0);
  g_assert_true (shnor_document_redo (doc, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_results (doc), ==, n);
  g_assert_true (shnor_identification_check (shnor_document_get_db (doc), "test", &error));
  g_assert_no_error (error);
  g_clear_object (&doc);
  test_rm_rf (dir);
}

/* The file changed between the preview and the import: the import is
 * refused, and the preview is read again. */
static void
test_import_changed (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "изменён.csv", NULL);
  g_autoptr(ShnorImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  test_write_file (path, "Код;Год;Вид;Предмет;Класс;Участники;Средний балл\n0301;2025;ЕГЭ;Физика;11;20;55\n", -1);
  plan = shnor_import_plan_new_from_file (f->doc, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->added + plan->replaced, ==, 1);
  test_write_file (path, "Код;Год;Вид;Предмет;Класс;Участники;Средний балл\n0301;2025;ЕГЭ;Физика;11;20;56\n"
                         "0302;2025;ЕГЭ;Физика;11;20;57\n", -1);
  g_assert_false (shnor_import_plan_apply (plan, f->doc, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_assert_cmpuint (n_results (f->doc), ==, f->baseline);
}

static void
test_import_regional (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ShnorImportPlan) plan = NULL;
  g_autoptr(ShnorImportPlan) bad = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GError) error = NULL;

  plan = plan_for (f, "Школа;Год;Вид;Предмет;Класс;Участники;Средний балл\n"
                      "Гимназия № 1;2026;ЕГЭ;Физика;11;20;66\n"
                      "Регион;2026;ЕГЭ;Физика;11;;61,3\n"
                      "Среднее по региону;2025;ЕГЭ;Физика;11;;60\n");
  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_cmpuint (plan->added, ==, 1);
  g_assert_cmpuint (plan->regional->len, ==, 2);
  g_assert_true (shnor_import_plan_apply (plan, f->doc, &error));
  g_assert_no_error (error);
  years = shnor_document_get_assessment_years (f->doc, "ЕГЭ", "Физика", 11);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpfloat (g_array_index (years, ShnorAssessmentYear, 0).regional, ==, 60);
  g_assert_false (g_array_index (years, ShnorAssessmentYear, 0).has_mean);
  g_assert_cmpfloat (g_array_index (years, ShnorAssessmentYear, 1).regional, ==, 61.3);
  g_assert_cmpfloat (g_array_index (years, ShnorAssessmentYear, 1).mean, ==, 66);
  /* one undo step takes back the school's result and both means */
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_array_unref (years);
  years = shnor_document_get_assessment_years (f->doc, "ЕГЭ", "Физика", 11);
  g_assert_cmpuint (years->len, ==, 0);

  bad = plan_for (f, "Школа;Год;Вид;Предмет;Класс;Участники;Средний балл\nРегион;2026;ОГЭ;Физика;9;;\n"
                     "Регион;2026;ОГЭ;Химия;9;;7\n");
  g_assert_cmpuint (bad->problems->len, ==, 2);
}

/* An import that adds an assessment, undone: the assessment goes with
 * its results, and so do the sums of its subject (they were left, and
 * --check called the file damaged from then on) */
static void
test_import_new_assessment_undone (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(ShnorImportPlan) plan = plan_for (f, "Код;Год;Вид;Предмет;Класс;Участники;Средний балл;Ниже порога\n"
                                                 "0301;2026;ЕГЭ;Химия;11;12;71,5;0\n"
                                                 "0302;2026;ЕГЭ;Химия;11;8;55;1\n");
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_true (shnor_import_plan_apply (plan, f->doc, &error));
  g_assert_no_error (error);
  g_assert_true (shnor_identification_check (shnor_document_get_db (f->doc), "test", &error));
  g_assert_no_error (error);
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_assert_cmpuint (n_results (f->doc), ==, f->baseline);
  g_assert_true (shnor_identification_check (shnor_document_get_db (f->doc), "test", &error));
  g_assert_no_error (error);
  g_assert_true (shnor_document_redo (f->doc, &error));
  g_assert_true (shnor_identification_check (shnor_document_get_db (f->doc), "test", &error));
  g_assert_no_error (error);
}

static void
test_import_missing_columns (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ShnorImportPlan) plan = plan_for (f, "Название;Год\nСОШ;2025\n");
  g_autoptr(ShnorImportPlan) empty = plan_for (f, "Код;Год;Вид;Предмет;Участники\n");

  g_assert_cmpuint (plan->problems->len, >=, 4);
  g_assert_cmpuint (((ShnorImportProblem *) plan->problems->pdata[0])->line, ==, 0);
  g_assert_cmpuint (empty->problems->len, ==, 1);
}

static char *
fingerprint (ShnorDocument *doc)
{
  g_autoptr(GArray) all = shnor_document_get_results (doc, 0);
  g_autoptr(GError) error = NULL;

  /* every state fingerprinted has the identification's sums of its
   * results (the bulk changes note their rows for them) */
  g_assert_true (shnor_identification_check (shnor_document_get_db (doc), "test", &error));
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) all->data,
                                      all->len * sizeof (ShnorResult));
}

/* New rows go in with one undo statement for all; replaced rows are
 * logged one by one. Undo and redo give back exactly each state. */
static void
test_import_undo_redo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("Код;Год;Вид;Предмет;Класс;Участники;Средний балл\n");
  g_autoptr(ShnorImportPlan) plan = NULL;
  g_autoptr(ShnorTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = fingerprint (f->doc);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  for (int school = 1; school <= 12; school++)
    for (int year = 2010; year < 2024; year++)
      g_string_append_printf (csv, "03%02d;%d;ЕГЭ;Физика;11;%d;%d\n", school, year, 10 + school, 40 + year % 30);
  g_string_append (csv, "0301;2026;ЕГЭ;Русский язык;11;77;80\n");   /* replaces a demo result */
  table = parse (csv->str, -1);
  plan = shnor_import_plan_new (f->doc, table);
  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_cmpuint (plan->added, ==, 12 * 14);
  g_assert_cmpuint (plan->replaced, ==, 1);
  g_assert_true (shnor_import_plan_apply (plan, f->doc, &error));
  g_assert_no_error (error);
  after = fingerprint (f->doc);
  g_assert_cmpuint (n_results (f->doc), ==, f->baseline + 12 * 14);

  g_assert_true (shnor_document_undo (f->doc, &error));
  undone = fingerprint (f->doc);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (shnor_document_redo (f->doc, &error));
  redone = fingerprint (f->doc);
  g_assert_cmpstr (redone, ==, after);
  g_assert_no_error (error);

  /* A failure in the middle of the new rows changes nothing, and edits
   * after it are undoable as before. */
  {
    ShnorResult bad[2] = { { 0 } };

    bad[0].school_id = 1, bad[0].year = 2030, bad[0].grade = 11, bad[0].participants = 1;
    shnor_result_set_names (&bad[0], "ЕГЭ", "Химия");
    bad[1] = bad[0];
    bad[1].school_id = 9999;   /* no such school: the foreign key refuses it */
    g_assert_false (shnor_document_put_results (f->doc, bad, 2, "bad", &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_clear_pointer (&undone, g_free);
    undone = fingerprint (f->doc);
    g_assert_cmpstr (undone, ==, after);
    g_assert_true (shnor_document_set_result (f->doc, &bad[0], &error));
    g_assert_true (shnor_document_undo (f->doc, &error));
    g_clear_pointer (&undone, g_free);
    undone = fingerprint (f->doc);
    g_assert_cmpstr (undone, ==, after);
  }
}

/* The tables that hold rows of a bulk change undone, for its redo. */
static guint
n_holding_tables (ShnorDocument *doc)
{
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_prepare_v2 (shnor_document_get_db (doc), "SELECT count(*) FROM temp.sqlite_schema"
                                       " WHERE type = 'table' AND name LIKE 'undo_rows_%'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* A region-size import: more new rows than are stored take the bulk path
 * (the indexes of the results built once afterwards), and importing the
 * file again finds the stored results in one pass. Each import is one undo
 * step, and the file keeps both indexes. */
static void
test_import_bulk (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_strdup (shnor_document_get_path (f->doc));
  g_autofree char *before = fingerprint (f->doc);
  g_autofree char *first = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  const guint n = 12 * 50 * 100;

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GString) csv = g_string_new ("Код;Год;Вид;Предмет;Класс;Участники;Средний балл\n");
      g_autoptr(ShnorImportPlan) plan = NULL;

      /* the second time, 3,000 of the rows with another mean */
      for (int school = 1; school <= (pass == 0 ? 12 : 1); school++)
        for (int year = 1991; year <= (pass == 0 ? 2040 : 2020); year++)
          for (int subject = 1; subject <= 100; subject++)
            g_string_append_printf (csv, "03%02d;%d;ВПР;Предмет %d;5;20;%s\n", school, year, subject,
                                    pass == 0 ? "3,5" : "4");
      plan = plan_for (f, csv->str);
      g_assert_cmpuint (plan->problems->len, ==, 0);
      g_assert_cmpuint (plan->added, ==, pass == 0 ? n : 0);
      g_assert_cmpuint (plan->replaced, ==, pass == 0 ? 0 : 3000);
      g_assert_true (shnor_import_plan_apply (plan, f->doc, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_results (f->doc), ==, f->baseline + n);
      if (pass == 0)
        first = fingerprint (f->doc);
    }
  {
    g_autoptr(GArray) mine = shnor_document_get_results (f->doc, 1);
    guint fours = 0;

    for (guint i = 0; i < mine->len; i++)
      fours += g_str_has_prefix (g_array_index (mine, ShnorResult, i).subject, "Предмет ") &&
               g_array_index (mine, ShnorResult, i).mean == 4;
    g_assert_cmpuint (fours, ==, 3000);
  }

  g_assert_true (shnor_document_undo (f->doc, &error));
  now = fingerprint (f->doc);
  g_assert_cmpstr (now, ==, first);
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_clear_pointer (&now, g_free);
  now = fingerprint (f->doc);
  g_assert_cmpstr (now, ==, before);
  g_assert_true (shnor_document_redo (f->doc, &error));
  g_assert_no_error (error);
  g_clear_pointer (&now, g_free);
  now = fingerprint (f->doc);
  g_assert_cmpstr (now, ==, first);
  g_assert_cmpuint (n_holding_tables (f->doc), ==, 0);

  /* a second round, then an edit that forgets the redo and its rows */
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_clear_pointer (&now, g_free);
  now = fingerprint (f->doc);
  g_assert_cmpstr (now, ==, before);
  g_assert_cmpuint (n_holding_tables (f->doc), ==, 1);
  g_assert_true (shnor_document_redo (f->doc, &error));
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_true (shnor_document_set_setting (f->doc, "municipality", "Другой округ", &error));
  g_assert_no_error (error);
  g_assert_false (shnor_document_can_redo (f->doc));
  g_assert_cmpuint (n_holding_tables (f->doc), ==, 0);
  g_assert_cmpuint (n_results (f->doc), ==, f->baseline);
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_assert_true (shnor_document_redo (f->doc, &error));
  g_assert_no_error (error);

  g_clear_object (&f->doc);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                                           " AND name IN ('result_key', 'result_assessment')", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* ---- XLSX ----------------------------------------------------------- */

static void
test_xlsx_import (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Результаты школ.xlsx", NULL);
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "Лист1");
  g_autoptr(ShnorImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) stored = NULL;
  const char *headers[] = { "Код", "Год", "Вид", "Предмет", "Класс", "Участники", "Средний балл", "Высокие" };

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (ws, 0, (lxw_col_t) c, headers[c], NULL);
  worksheet_write_string (ws, 1, 0, "0305", NULL);
  worksheet_write_number (ws, 1, 1, 2025, NULL);
  worksheet_write_string (ws, 1, 2, "ОГЭ", NULL);
  worksheet_write_string (ws, 1, 3, "Обществознание", NULL);
  worksheet_write_number (ws, 1, 4, 9, NULL);
  worksheet_write_number (ws, 1, 5, 37, NULL);
  worksheet_write_number (ws, 1, 6, 3.85, NULL);
  /* an empty cell (H2) and a gap row (3) */
  worksheet_write_string (ws, 3, 0, "0306", NULL);
  worksheet_write_number (ws, 3, 1, 2025, NULL);
  worksheet_write_string (ws, 3, 2, "ОГЭ", NULL);
  worksheet_write_string (ws, 3, 3, "Обществознание", NULL);
  worksheet_write_number (ws, 3, 5, 12, NULL);
  worksheet_write_number (ws, 3, 6, 4.1, NULL);
  worksheet_write_number (ws, 3, 7, 9, NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  plan = shnor_import_plan_new_from_file (f->doc, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_cmpuint (plan->added, ==, 2);
  g_assert_true (shnor_import_plan_apply (plan, f->doc, &error));
  stored = shnor_document_get_results (f->doc, 5);
  g_assert_cmpuint (stored->len, >, 0);
  for (guint i = 0; i < stored->len; i++)
    if (g_str_equal (g_array_index (stored, ShnorResult, i).subject, "Обществознание"))
      {
        g_assert_cmpfloat (g_array_index (stored, ShnorResult, i).mean, ==, 3.85);
        g_assert_false (g_array_index (stored, ShnorResult, i).has_high);
      }
  g_array_unref (g_steal_pointer (&stored));
  stored = shnor_document_get_results (f->doc, 6);
  for (guint i = 0; i < stored->len; i++)
    if (g_str_equal (g_array_index (stored, ShnorResult, i).subject, "Обществознание"))
      {
        g_assert_cmpint (g_array_index (stored, ShnorResult, i).high, ==, 9);
        g_assert_cmpint (g_array_index (stored, ShnorResult, i).grade, ==, 9);
      }
  g_assert_cmpuint (n_results (f->doc), ==, f->baseline + 2);
}

static void
test_xlsx_damaged (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "сломан.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  test_write_file (path, "PK\003\004 not really a zip archive", -1);
  g_assert_null (shnor_import_plan_new_from_file (f->doc, path, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
}

static void
test_template (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "Шаблон.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorImportPlan) plan = NULL;

  g_assert_true (shnor_import_write_template (path, &error));
  g_assert_no_error (error);
  /* The template's own example row imports into the demo. */
  plan = shnor_import_plan_new_from_file (f->doc, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_cmpuint (plan->added + plan->replaced, ==, 1);
}

/* ---- municipal figures ---------------------------------------------- */

static void
put (ShnorDocument *doc,
     gint64         school,
     int            year,
     int            participants,
     double         mean,
     int            below)
{
  ShnorResult r = { 0 };
  g_autoptr(GError) error = NULL;

  r.school_id = school;
  r.year = year;
  r.grade = 11;
  shnor_result_set_names (&r, "ЕГЭ", "Математика");
  r.participants = participants;
  r.has_mean = participants > 0;
  r.mean = mean;
  r.has_below = TRUE;
  r.below = below;
  g_assert_true (shnor_document_set_result (doc, &r, &error));
  g_assert_no_error (error);
}

static void
test_municipal_means (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GArray) years = NULL;
  g_autoptr(GError) error = NULL;
  ShnorAssessmentYear *y;

  put (f->doc, 1, 2024, 10, 60, 1);
  put (f->doc, 2, 2024, 30, 40, 6);
  put (f->doc, 3, 2024, 0, 0, 0);     /* no participants: no weight */
  put (f->doc, 1, 2025, 20, 70, 0);
  g_assert_true (shnor_document_set_reference_mean (f->doc, "ЕГЭ", "Математика", 11, 2024, "50,5", &error));
  g_assert_true (shnor_document_set_reference_mean (f->doc, "ЕГЭ", "Математика", 11, 2023, "49", &error));
  g_assert_no_error (error);

  years = shnor_document_get_assessment_years (f->doc, "ЕГЭ", "Математика", 11);
  g_assert_cmpuint (years->len, ==, 3);
  y = &g_array_index (years, ShnorAssessmentYear, 0);
  g_assert_cmpint (y->year, ==, 2023);
  g_assert_false (y->has_mean);
  g_assert_true (y->has_regional);
  y = &g_array_index (years, ShnorAssessmentYear, 1);
  g_assert_cmpint (y->year, ==, 2024);
  g_assert_cmpint (y->schools, ==, 3);
  g_assert_cmpint (y->participants, ==, 40);
  g_assert_cmpfloat_with_epsilon (y->mean, (10 * 60 + 30 * 40) / 40.0, 1e-9);   /* 45 */
  g_assert_cmpfloat_with_epsilon (y->share_below, 100.0 * 7 / 40, 1e-9);       /* 17.5 % */
  g_assert_cmpfloat (y->regional, ==, 50.5);
  y = &g_array_index (years, ShnorAssessmentYear, 2);
  g_assert_cmpfloat (y->mean, ==, 70);
  g_assert_false (y->has_regional);

  /* A mean outside the scale is refused, here too. */
  g_assert_false (shnor_document_set_reference_mean (f->doc, "ОГЭ", "Математика", 9, 2024, "7", &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
}

/* ОГЭ in primary scores: the municipality sets the scale of one
 * assessment, and every entry path checks against it. */
static void
test_scale (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ShnorImportPlan) plan = NULL;
  g_autoptr(ShnorImportPlan) over = NULL;
  g_autoptr(GError) error = NULL;
  double min, max;
  ShnorResult r = { 0 };

  g_assert_false (shnor_document_get_scale (f->doc, "ОГЭ", "Физика", 9, &min, &max));
  g_assert_cmpfloat (max, ==, 5);
  over = plan_for (f, "Код;Год;Вид;Предмет;Класс;Участники;Средний балл\n0301;2026;ОГЭ;Физика;9;12;25\n");
  g_assert_cmpuint (over->problems->len, ==, 1);

  /* the refusal writes its numbers as the interface does, whatever the
   * locale: a decimal comma, a true minus */
  {
    const char *column = NULL;

    r.school_id = 1, r.year = 2026, r.grade = 9, r.participants = 10, r.has_mean = TRUE, r.mean = -1.5;
    shnor_result_set_names (&r, "ОГЭ", "Физика");
    g_assert_false (shnor_result_validate_scale (&r, 0, 5.5, &column, &error));
    g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "\u22121,5 "));
    g_assert_nonnull (strstr (error->message, "5,5)"));
    g_assert_null (strchr (error->message, '.'));
    g_clear_error (&error);
    memset (&r, 0, sizeof r);
  }

  g_assert_false (shnor_document_set_scale (f->doc, "ОГЭ", "Физика", 9, "31", "0", &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (shnor_document_set_scale (f->doc, "ОГЭ", "Физика", 9, "0", "31", &error));
  g_assert_no_error (error);
  g_assert_true (shnor_document_get_scale (f->doc, "ОГЭ", "Физика", 9, &min, &max));
  g_assert_cmpfloat (max, ==, 31);

  plan = plan_for (f, "Код;Год;Вид;Предмет;Класс;Участники;Средний балл\n0301;2026;ОГЭ;Физика;9;12;25\n"
                      "Регион;2026;ОГЭ;Физика;9;;22,5\n");
  g_assert_cmpuint (plan->problems->len, ==, 0);
  g_assert_true (shnor_import_plan_apply (plan, f->doc, &error));
  g_assert_no_error (error);

  /* The stored mean 25 stands in the way of a narrower scale or of marks. */
  g_assert_false (shnor_document_set_scale (f->doc, "ОГЭ", "Физика", 9, "0", "20", &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (shnor_document_set_scale (f->doc, "ОГЭ", "Физика", 9, "", "", &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);

  /* Other assessments keep the kind's scale. */
  r.school_id = 1, r.year = 2026, r.grade = 9, r.participants = 10, r.has_mean = TRUE, r.mean = 25;
  shnor_result_set_names (&r, "ОГЭ", "Химия");
  g_assert_false (shnor_document_set_result (f->doc, &r, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);

  /* Undo takes the import back, then the scale. */
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_assert_true (shnor_document_undo (f->doc, &error));
  g_assert_false (shnor_document_get_scale (f->doc, "ОГЭ", "Физика", 9, &min, &max));
}

static void
test_overview (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GArray) years = NULL;
  g_autoptr(GArray) lines = NULL;
  const ShnorOverviewLine *a = NULL, *b = NULL, *c = NULL;

  /* A: 40 → 50 → 60, up; B: 70 → (none) → 69, steady (1 < 2 % of 100);
   * C: only in 2021, before the window of three years: left out. */
  put (f->doc, 1, 2022, 10, 40, 0);
  put (f->doc, 1, 2023, 10, 50, 0);
  put (f->doc, 1, 2024, 10, 60, 0);
  put (f->doc, 2, 2022, 10, 70, 0);
  put (f->doc, 2, 2024, 10, 69, 0);
  put (f->doc, 3, 2021, 10, 30, 0);
  put (f->doc, 4, 2023, 10, 80, 0);
  put (f->doc, 4, 2024, 10, 65, 0);

  lines = shnor_document_get_overview (f->doc, "ЕГЭ", "Математика", 11, 3, &years);
  g_assert_cmpuint (years->len, ==, 3);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2022);
  g_assert_cmpint (g_array_index (years, int, 2), ==, 2024);
  g_assert_cmpuint (lines->len, ==, 3);
  for (guint i = 0; i < lines->len; i++)
    {
      const ShnorOverviewLine *l = &g_array_index (lines, ShnorOverviewLine, i);

      if (l->school_id == 1) a = l;
      if (l->school_id == 2) b = l;
      if (l->school_id == 4) c = l;
    }
  g_assert_nonnull (a);
  g_assert_cmpfloat (a->change, ==, 20);
  g_assert_cmpint (a->trend, ==, 1);
  g_assert_false (b->known[1]);
  g_assert_cmpfloat (b->change, ==, -1);
  g_assert_cmpint (b->trend, ==, 0);
  g_assert_false (c->known[0]);
  g_assert_cmpfloat (c->change, ==, -15);
  g_assert_cmpint (c->trend, ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/separators", test_csv_separators);
  g_test_add_func ("/csv/quotes-and-lines", test_csv_quotes_and_lines);
  g_test_add_func ("/csv/windows-1251", test_csv_windows_1251);
  g_test_add_func ("/csv/errors", test_csv_errors);
  g_test_add_func ("/csv/stream", test_csv_stream);
#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import/ok", test_import_ok);
  ADD ("/import/problems", test_import_problems);
  ADD ("/import/missing-columns", test_import_missing_columns);
  ADD ("/import/regional", test_import_regional);
  ADD ("/import/code-as-school", test_import_code_as_school);
  ADD ("/import/bounded", test_import_bounded);
  ADD ("/import/changed", test_import_changed);
  g_test_add_func ("/import/region", test_import_region);
  ADD ("/import/undo-redo", test_import_undo_redo);
  ADD ("/import/new-assessment-undone", test_import_new_assessment_undone);
  ADD ("/import/bulk", test_import_bulk);
  ADD ("/import/xlsx", test_xlsx_import);
  ADD ("/import/xlsx-damaged", test_xlsx_damaged);
  ADD ("/import/template", test_template);
  ADD ("/results/municipal-means", test_municipal_means);
  ADD ("/results/overview", test_overview);
  ADD ("/results/scale", test_scale);
#undef ADD
  return g_test_run ();
}
