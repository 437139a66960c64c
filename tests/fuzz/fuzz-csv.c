/* fuzz-csv.c: libFuzzer target for the CSV reader and the header and row
 * checks of the import (without a document). Built only with
 * -Dfuzzing=true and clang; run by bench/run-fuzz.sh. */
#include <stdint.h>
#include <stddef.h>

#include "shnor-table.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GError *error = NULL;
  ShnorTable *table = shnor_csv_parse ((const char *) data, size, &error);

  if (table != NULL)
    {
      /* every cell is valid UTF-8 and every line number is in order */
      guint last = 0;

      for (guint i = 0; i < table->rows->len; i++)
        {
          const ShnorTableRow *row = &g_array_index (table->rows, ShnorTableRow, i);

          g_assert (row->line > last);
          last = row->line;
          for (guint c = 0; c < row->n_cells; c++)
            g_assert (g_utf8_validate (shnor_table_get_cell (table, row, c), -1, NULL));
        }
      shnor_table_free (table);
    }
  else
    {
      g_assert (error != NULL);
      g_error_free (error);
    }
  return 0;
}
