/* fuzz-xlsx.c: libFuzzer target for the XLSX reader. An input that starts
 * as a ZIP archive is read as a workbook as it is; any other is the texts
 * of its parts (see xlsx-parts.h), so that the fuzzer mutates XML rather
 * than compressed bytes. Built only with -Dfuzzing=true and clang; run by
 * bench/run-fuzz.sh. */
#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "shnor-table.h"
#include "xlsx-parts.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static char *path;
  GError *error = NULL;
  ShnorTable *table;

  if (path == NULL)
    path = g_strdup_printf ("%s/shnor-fuzz-xlsx-%d.xlsx", g_get_tmp_dir (), (int) getpid ());
  if (size >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    g_assert_true (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));
  else
    g_assert_true (xlsx_parts_write_input (path, (const char *) data, size));

  table = shnor_table_read_file (path, &error);
  if (table != NULL)
    {
      /* rows in order, within Excel's columns, every cell UTF-8 */
      guint last = 0;

      g_assert_null (error);
      for (guint i = 0; i < table->rows->len; i++)
        {
          const ShnorTableRow *row = shnor_table_get_row (table, i);

          g_assert_cmpuint (row->line, >, last);
          g_assert_cmpuint (row->line, <=, 1048576);
          g_assert_cmpuint (row->n_cells, <=, 16384);
          last = row->line;
          for (guint c = 0; c < row->n_cells; c++)
            g_assert_true (g_utf8_validate (shnor_table_get_cell (table, row, c), -1, NULL));
        }
      shnor_table_free (table);
    }
  else
    {
      g_assert_nonnull (error);
      g_error_free (error);
    }
  g_unlink (path);
  return 0;
}
