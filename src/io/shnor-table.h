/* shnor-table.h: rows of text cells read from a CSV or XLSX file, each
 * with the line (or sheet row) it came from, for messages that say where */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint  line;    /* 1-based line of the file (CSV) or row of the sheet (XLSX) */
  GStrv  cells;
} ShnorTableRow;

typedef struct {
  GArray *rows;   /* of ShnorTableRow, empty lines left out */
} ShnorTable;

ShnorTable *shnor_table_new        (void);
void        shnor_table_free       (ShnorTable  *table);
void        shnor_table_add_row    (ShnorTable  *table,
                                    guint        line,
                                    GPtrArray   *cells);
ShnorTable *shnor_csv_parse        (const char  *data,
                                    gsize        length,
                                    GError     **error);
ShnorTable *shnor_xlsx_read_first_sheet (const char *path,
                                    GError     **error);
ShnorTable *shnor_table_read_file  (const char  *path,
                                    GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShnorTable, shnor_table_free)

G_END_DECLS
