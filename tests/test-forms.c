/* test-forms.c: school forms written and accepted back — identity, what
 * changes, one undo step per school, forms accepted before, outdated and
 * foreign forms. Values filled by other programs (openpyxl, LibreOffice)
 * are checked by check-forms.py. */
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "shnor-demo.h"
#include "shnor-error.h"
#include "shnor-results-import.h"
#include "shnor-school-forms.h"
#include "shnor-table.h"
#include "test-util.h"

#define YEAR 2026

static char *tmpdir;

static ShnorDocument *
demo (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  ShnorDocument *document;

  g_assert_true (shnor_demo_write (path, &error));
  document = shnor_document_open (path, &error);
  g_assert_no_error (error);
  return document;
}

static char *
new_folder (const char *name)
{
  char *folder = g_build_filename (tmpdir, name, NULL);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  return folder;
}

static GPtrArray *
write_forms (ShnorDocument *document,
             const char    *folder,
             const gint64  *ids,
             guint          n_ids)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *paths = shnor_school_forms_write (document, YEAR, folder, ids, n_ids, &error);

  g_assert_no_error (error);
  g_assert_nonnull (paths);
  g_ptr_array_add (paths, NULL);
  return paths;
}

static ShnorFormBatch *
read_forms (ShnorDocument *document,
            GPtrArray     *paths)
{
  return shnor_form_batch_read (document, (const char * const *) paths->pdata);
}

static ShnorForm *
form (ShnorFormBatch *batch,
      guint           i)
{
  g_assert_cmpuint (i, <, batch->forms->len);
  return batch->forms->pdata[i];
}

static gint64
school_id (ShnorDocument *document,
           guint          i)
{
  g_autoptr(ShnorSchool) school = g_list_model_get_item (shnor_document_get_schools (document), i);

  return shnor_school_get_id (school);
}

/* A form per school, named by code and short name, with the sheets a
 * school fills and the hidden service sheet; read back as written, every
 * form is ready and changes nothing. A second writing never replaces the
 * first. */
static void
test_write_and_read (void)
{
  g_autoptr(ShnorDocument) document = demo ("write.shnor");
  g_autofree char *folder = new_folder ("write");
  g_autoptr(GPtrArray) paths = write_forms (document, folder, NULL, 0);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(ShnorFormBatch) batch = NULL;
  g_autoptr(ShnorTable) context = NULL;
  g_autoptr(ShnorTable) identity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;

  g_assert_cmpuint (paths->len - 1, ==, g_list_model_get_n_items (shnor_document_get_schools (document)));
  base = g_path_get_basename (paths->pdata[0]);
  g_assert_cmpstr (base, ==, "0301 Гимназия № 1.xlsx");

  context = shnor_xlsx_read_sheet (paths->pdata[0], "Контекст", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shnor_table_get_cell (context, shnor_table_get_row (context, 0), 1), ==,
                   "Контекстные данные за 2026 год");
  identity = shnor_xlsx_read_sheet (paths->pdata[0], "Служебный", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shnor_table_get_cell (identity, shnor_table_get_row (identity, 0), 1), ==, "Shnor: форма школы");

  batch = read_forms (document, paths);
  for (guint i = 0; i < batch->forms->len; i++)
    {
      ShnorForm *f = form (batch, i);

      g_assert_cmpint (f->state, ==, SHNOR_FORM_READY);
      g_assert_cmpuint (f->changes->len, ==, 0);
      g_assert_cmpuint (f->problems->len, ==, 0);
      g_assert_cmpint (f->year, ==, YEAR);
      g_assert_cmpint (f->school_id, ==, school_id (document, i));
    }

  again = write_forms (document, folder, NULL, 0);
  g_clear_pointer (&base, g_free);
  base = g_path_get_basename (again->pdata[0]);
  g_assert_cmpstr (base, ==, "0301 Гимназия № 1 (2).xlsx");
}

/* A value the school left as it was issued is no change, even when the
 * department changed it since: a form returned late does not undo it.
 * Accepting is one undo step per school; the same forms again are
 * skipped; undoing forgets the acceptance. (What a school changes is
 * checked with forms filled by openpyxl and LibreOffice: check-forms.py.) */
static void
test_changes_and_undo (void)
{
  g_autoptr(ShnorDocument) document = demo ("changes.shnor");
  g_autofree char *folder = new_folder ("changes");
  gint64 first = school_id (document, 0);
  gint64 ids[] = { first, school_id (document, 1) };
  g_autoptr(GPtrArray) paths = write_forms (document, folder, ids, G_N_ELEMENTS (ids));
  g_autoptr(ShnorFormBatch) batch = NULL;
  g_autoptr(ShnorFormBatch) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) context = NULL;
  ShnorForm *f;

  /* the department changed a value after sending the form */
  g_assert_true (shnor_document_set_context_field (document, first, YEAR, "pupils", "999", &error));
  g_assert_no_error (error);

  batch = read_forms (document, paths);
  f = form (batch, 0);
  g_assert_cmpint (f->state, ==, SHNOR_FORM_READY);
  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_cmpuint (form (batch, 1)->changes->len, ==, 0);

  g_assert_true (shnor_form_batch_apply (batch, document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (batch->n_accepted, ==, 2);
  g_assert_cmpint (f->state, ==, SHNOR_FORM_DONE);
  context = shnor_document_get_context (document, first);
  for (guint i = 0; i < context->len; i++)
    if (g_array_index (context, ShnorContextRow, i).year == YEAR)
      g_assert_cmpfloat (g_array_index (context, ShnorContextRow, i).value[0], ==, 999);
  g_assert_cmpstr (shnor_document_get_undo_label (document), ==, "Accept the form of СОШ № 2");

  again = read_forms (document, paths);
  g_assert_cmpint (form (again, 0)->state, ==, SHNOR_FORM_ACCEPTED);
  g_assert_cmpint (form (again, 1)->state, ==, SHNOR_FORM_ACCEPTED);
  g_assert_nonnull (strstr (form (again, 0)->note, "already accepted"));
  g_clear_pointer (&again, shnor_form_batch_free);

  /* undo the second school's acceptance, then the first's: one step each */
  g_assert_true (shnor_document_undo (document, &error));
  again = read_forms (document, paths);
  g_assert_cmpint (form (again, 0)->state, ==, SHNOR_FORM_ACCEPTED);
  g_assert_cmpint (form (again, 1)->state, ==, SHNOR_FORM_READY);
  g_clear_pointer (&again, shnor_form_batch_free);
  g_assert_true (shnor_document_undo (document, &error));
  again = read_forms (document, paths);
  g_assert_cmpint (form (again, 0)->state, ==, SHNOR_FORM_READY);
}

/* Forms of another municipality's file, of a school deleted since, and
 * an outdated form: refused whole, the file unchanged. */
static void
test_refused (void)
{
  g_autoptr(ShnorDocument) document = demo ("refused.shnor");
  g_autoptr(ShnorDocument) other = demo ("other.shnor");
  g_autofree char *folder = new_folder ("refused");
  g_autofree char *foreign_folder = new_folder ("foreign");
  gint64 ids[] = { school_id (document, 0) };
  g_autoptr(GPtrArray) older = write_forms (document, folder, ids, 1);
  g_autoptr(GPtrArray) newer = NULL;
  g_autoptr(GPtrArray) foreign = write_forms (other, foreign_folder, NULL, 0);
  g_autoptr(ShnorFormBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *after = NULL;
  const char *both[3];

  g_usleep (2000);
  newer = write_forms (document, folder, ids, 1);

  batch = read_forms (document, foreign);
  g_assert_cmpint (form (batch, 0)->state, ==, SHNOR_FORM_REFUSED);
  g_assert_nonnull (strstr (form (batch, 0)->note, "another municipality"));
  g_clear_pointer (&batch, shnor_form_batch_free);

  /* two forms of one school among the files: the older is outdated */
  both[0] = older->pdata[0];
  both[1] = newer->pdata[0];
  both[2] = NULL;
  batch = shnor_form_batch_read (document, both);
  g_assert_cmpint (form (batch, 0)->state, ==, SHNOR_FORM_REFUSED);
  g_assert_nonnull (strstr (form (batch, 0)->note, "outdated"));
  g_assert_cmpint (form (batch, 1)->state, ==, SHNOR_FORM_READY);
  g_assert_true (shnor_form_batch_apply (batch, document, &error));
  g_assert_cmpuint (batch->n_accepted, ==, 1);
  g_clear_pointer (&batch, shnor_form_batch_free);

  /* and once the newer one is accepted, the older alone is outdated too */
  batch = read_forms (document, older);
  g_assert_cmpint (form (batch, 0)->state, ==, SHNOR_FORM_REFUSED);
  g_assert_nonnull (strstr (form (batch, 0)->note, "outdated"));
  g_clear_pointer (&batch, shnor_form_batch_free);

  /* a school deleted since */
  g_assert_true (shnor_document_delete_school (document, ids[0], &error));
  g_assert_no_error (error);
  checksum = test_file_checksum (shnor_document_get_path (document));
  batch = read_forms (document, newer);
  g_assert_cmpint (form (batch, 0)->state, ==, SHNOR_FORM_REFUSED);
  g_assert_nonnull (strstr (form (batch, 0)->note, "no longer in the registry"));
  g_assert_true (shnor_form_batch_apply (batch, document, &error));
  g_assert_cmpuint (batch->n_accepted, ==, 0);
  after = test_file_checksum (shnor_document_get_path (document));
  g_assert_cmpstr (checksum, ==, after);
}

/* Workbooks that are no forms, and what is not a workbook */
static void
test_not_forms (void)
{
  g_autoptr(ShnorDocument) document = demo ("not-forms.shnor");
  g_autofree char *template = g_build_filename (tmpdir, "template.xlsx", NULL);
  g_autofree char *garbage = g_build_filename (tmpdir, "garbage.xlsx", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "missing.xlsx", NULL);
  g_autofree char *pipe = g_build_filename (tmpdir, "pipe.xlsx", NULL);
  const char *paths[] = { template, garbage, missing, pipe, NULL };
  g_autoptr(ShnorFormBatch) batch = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (shnor_import_write_template (template, &error));
  g_assert_no_error (error);
  test_write_file (garbage, "PK\x03\x04 not really a zip", -1);
  /* a pipe named as a form (in a folder of forms, say): its reading
   * blocked forever */
#ifndef G_OS_WIN32
  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
#endif
  batch = shnor_form_batch_read (document, paths);
  for (guint i = 0; i < G_N_ELEMENTS (paths) - 1; i++)
    {
      g_assert_cmpint (form (batch, i)->state, ==, SHNOR_FORM_REFUSED);
      g_assert_nonnull (form (batch, i)->note);
      g_test_message ("%s: %s", paths[i], form (batch, i)->note);
    }
  g_assert_nonnull (strstr (form (batch, 0)->note, "not a Shnor school form"));
#ifndef G_OS_WIN32
  g_assert_nonnull (strstr (form (batch, 3)->note, "not an ordinary file"));
  g_unlink (pipe);
#endif
}

/* A read-only file: the forms are read, and refused with the reason */
static void
test_read_only (void)
{
  g_autoptr(ShnorDocument) writable = demo ("read-only.shnor");
  g_autofree char *path = g_strdup (shnor_document_get_path (writable));
  g_autofree char *folder = new_folder ("read-only");
  g_autoptr(GPtrArray) paths = write_forms (writable, folder, NULL, 0);
  g_autoptr(ShnorDocument) document = NULL;
  g_autoptr(ShnorFormBatch) batch = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&writable);
  if (!test_make_read_only (path))
    {
      g_test_skip ("cannot make a file read-only here (root?)");
      return;
    }
  document = shnor_document_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (shnor_document_get_read_only (document));
  batch = read_forms (document, paths);
  g_assert_cmpint (form (batch, 0)->state, ==, SHNOR_FORM_REFUSED);
  test_make_writable (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_tmpdir ();
  g_test_add_func ("/forms/write-and-read", test_write_and_read);
  g_test_add_func ("/forms/changes-and-undo", test_changes_and_undo);
  g_test_add_func ("/forms/refused", test_refused);
  g_test_add_func ("/forms/not-forms", test_not_forms);
  g_test_add_func ("/forms/read-only", test_read_only);
  status = g_test_run ();
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
