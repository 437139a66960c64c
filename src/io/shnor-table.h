/* shnor-table.h: rows of text cells read from a CSV or XLSX file, each
 * with the line (or sheet row) it came from, for messages that say where.
 * The texts of all cells are kept in one buffer: a region's file of a
 * million rows costs no allocation per cell. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint  line;      /* 1-based line of the file (CSV) or row of the sheet (XLSX) */
  guint  n_cells;
  guint  first;     /* the row's first cell among the table's cells */
} ShnorTableRow;

typedef struct {
  GArray   *rows;   /* of ShnorTableRow, empty lines left out */
  /*< private >*/
  guint32  *cells;  /* where each cell's text starts in text */
  guint     n_cells, cells_size;
  char     *text;   /* the cells' texts, each ended by a NUL */
  gsize     text_length, text_size;
  ShnorTableRow open;
  gboolean  open_empty;
  gboolean  too_large;
} ShnorTable;

/* The largest text a table holds (the cells' offsets are 32-bit). */
#define SHNOR_TABLE_MAX_TEXT (G_MAXUINT32 / 2)

ShnorTable *shnor_table_new        (gsize        text_size);
void        shnor_table_free       (ShnorTable  *table);
ShnorTable *shnor_table_copy       (const ShnorTable *table);
void        shnor_table_begin_row  (ShnorTable  *table,
                                    guint        line);
void        shnor_table_add_cell   (ShnorTable  *table,
                                    const char  *text,
                                    gsize        length);
void        shnor_table_add_stripped_cell (ShnorTable *table,
                                    const char  *text,
                                    gsize        length);
void        shnor_table_end_row    (ShnorTable  *table);
void        shnor_table_cancel_row (ShnorTable  *table);
void        shnor_table_clear      (ShnorTable  *table);
const char *shnor_table_get_cell   (const ShnorTable    *table,
                                    const ShnorTableRow *row,
                                    guint                column);
const ShnorTableRow *shnor_table_get_row (const ShnorTable *table,
                                    guint        index);
void        shnor_table_set_size_error (GError **error);
gboolean    shnor_table_check_size (const ShnorTable *table,
                                    GError     **error);
ShnorTable *shnor_csv_parse        (const char  *data,
                                    gsize        length,
                                    GError     **error);
ShnorTable *shnor_xlsx_read_first_sheet (const char *path,
                                    GError     **error);
ShnorTable *shnor_xlsx_read_sheet  (const char  *path,
                                    const char  *name,
                                    GError     **error);
ShnorTable *shnor_table_read_file  (const char  *path,
                                    GError     **error);

/* A CSV file read part by part (shnor-csv.c) */
typedef struct _ShnorCsvStream ShnorCsvStream;

ShnorCsvStream   *shnor_csv_stream_new    (const char      *path,
                                           GError         **error);
gboolean          shnor_csv_stream_rewind (ShnorCsvStream  *stream,
                                           GError         **error);
const ShnorTable *shnor_csv_stream_next   (ShnorCsvStream  *stream,
                                           GError         **error);
void              shnor_csv_stream_free   (ShnorCsvStream  *stream);
void              shnor_csv_stream_set_part_size (ShnorCsvStream *stream,
                                           gsize            size);

/* The rows of a results file, part by part: a CSV file is streamed, an
 * XLSX sheet (a million rows at most) or a table in memory given at once. */
typedef struct _ShnorTableReader ShnorTableReader;

ShnorTableReader *shnor_table_reader_new  (const char      *path,
                                           GError         **error);
ShnorTableReader *shnor_table_reader_new_for_table (ShnorTable *table);
gboolean          shnor_table_reader_rewind (ShnorTableReader *reader,
                                           GError         **error);
const ShnorTable *shnor_table_reader_next (ShnorTableReader *reader,
                                           GError         **error);
gboolean          shnor_table_reader_changed (ShnorTableReader *reader);
void              shnor_table_reader_free (ShnorTableReader *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShnorTable, shnor_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShnorCsvStream, shnor_csv_stream_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShnorTableReader, shnor_table_reader_free)

G_END_DECLS
