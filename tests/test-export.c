/* test-export.c: what an exported workbook must respect without a reader:
 * Excel's rules for sheet names; a folder that cannot be written and an
 * unknown programme refused, with nothing left behind. (The workbooks'
 * contents are read back by openpyxl in check-export.py.) */
#include <string.h>
#include <glib/gstdio.h>

#include "shnor-demo.h"
#include "shnor-error.h"
#include "shnor-order.h"
#include "shnor-xlsx-export.h"
#include "test-util.h"

static void
test_sheet_names (void)
{
  static const struct { const char *wanted, *expected; } cases[] = {
    { "Паспорт", "Паспорт" },
    { "Риски: пути [минимизации]?", "Риски_ пути _минимизации__" },
    { "Очень длинное название листа, которое не помещается", "Очень длинное название листа, к" },
    { "паспорт", "паспорт (2)" },                /* case-insensitive: taken */
    { "ПАСПОРТ", "ПАСПОРТ (3)" },
    { "", "Лист" },
    { "'цитата", "_'цитата" },
    { "a/b\\c*d", "a_b_c_d" },
  };
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = shnor_xlsx_sheet_name (taken, cases[i].wanted);

      g_assert_cmpint (g_utf8_strlen (name, -1), <=, 31);
      g_assert_cmpstr (name, ==, cases[i].expected);
    }
  /* a long name taken twice keeps 31 characters with its suffix */
  {
    g_autofree char *again = shnor_xlsx_sheet_name (taken, "Очень длинное название листа, которое не помещается");

    g_assert_cmpint (g_utf8_strlen (again, -1), ==, 31);
    g_assert_true (g_str_has_suffix (again, " (2)"));
  }
}

static void
test_refused (void)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.shnor", NULL);
  g_autofree char *missing = g_build_filename (dir, "нет такой папки", "x.xlsx", NULL);
  g_autofree char *out = g_build_filename (dir, "x.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (dir, "x.pdf", NULL);
  g_autoptr(ShnorDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (shnor_demo_write (path, &error));
  doc = shnor_document_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (shnor_export_programme_xlsx (doc, 999, out, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_false (shnor_export_lists_xlsx (doc, missing, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  /* in the interface's words, not libxlsxwriter's */
  g_assert_null (strstr (error->message, "Usually a permissions error"));
  g_assert_nonnull (strstr (error->message, g_dgettext ("shnor", "the file cannot be created there (the folder does "
                                                                 "not exist or may not be written)")));
  g_clear_error (&error);
  g_assert_false (shnor_export_order_pdf (doc, 999, pdf, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  /* and what can be written is */
  g_assert_true (shnor_export_lists_xlsx (doc, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  g_clear_object (&doc);
  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/sheet-names", test_sheet_names);
  g_test_add_func ("/export/refused", test_refused);
  return g_test_run ();
}
