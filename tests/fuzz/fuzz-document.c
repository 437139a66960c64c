/* fuzz-document.c: libFuzzer target for opening a document. The input is
 * a .shnor file (mutated from the small documents run-fuzz.sh makes); it
 * goes through what `shnor --check`, an open and `shnor --classify` do.
 * Built only with -Dfuzzing=true and clang; run by bench/run-fuzz.sh. */
#include <stdint.h>
#include <stddef.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "shnor-document.h"
#include "shnor-schema.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *
base_path (void)
{
  return g_strdup_printf ("%s/shnor-fuzz-%d", g_get_tmp_dir (), (int) getpid ());
}

/* The file, its journal and the backup copies an upgrade leaves */
static void
remove_files (const char *base)
{
  g_autofree char *path = g_strconcat (base, ".shnor", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (journal);
  for (int v = 0; v <= SHNOR_FORMAT_VERSION; v++)
    {
      g_autofree char *backup = g_strdup_printf ("%s.format-%d.bak.shnor", base, v);

      g_unlink (backup);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *base = base_path ();
  g_autofree char *path = g_strconcat (base, ".shnor", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = NULL;

  remove_files (base);
  g_assert_true (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));

  if (!shnor_document_check_file (path, &error))
    {
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  doc = shnor_document_open (path, &error);
  if (doc != NULL)
    {
      g_autoptr(ShnorClassification) classification = shnor_document_classify (doc);
      g_autoptr(GListModel) programmes = shnor_document_get_programmes (doc, TRUE);
      GDate today;

      g_assert_nonnull (classification);
      g_assert_nonnull (programmes);
      g_date_clear (&today, 1);
      g_date_set_dmy (&today, 1, 9, 2026);
      g_ptr_array_unref (shnor_document_list_overdue (doc, &today));
      if (!shnor_document_check_reads (doc, &error))
        g_assert_nonnull (error);
      g_clear_object (&doc);
    }
  else
    g_assert_nonnull (error);
  remove_files (base);
  return 0;
}
