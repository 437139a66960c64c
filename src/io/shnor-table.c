/* shnor-table.c: the cells read from a CSV or XLSX file */
#define G_LOG_DOMAIN "shnor-table"

#include "config.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "shnor-error.h"
#include "shnor-table.h"

/* A table whose text takes about @text_size bytes (it grows as needed):
 * a CSV file's cells take no more than the file. */
ShnorTable *
shnor_table_new (gsize text_size)
{
  ShnorTable *table = g_new0 (ShnorTable, 1);

  table->rows = g_array_new (FALSE, FALSE, sizeof (ShnorTableRow));
  table->text_size = MAX (text_size, 64);
  table->text = g_malloc (table->text_size);
  table->cells_size = 64;
  table->cells = g_new (guint32, table->cells_size);
  return table;
}

void
shnor_table_free (ShnorTable *table)
{
  if (table == NULL)
    return;
  g_array_unref (table->rows);
  g_free (table->cells);
  g_free (table->text);
  g_free (table);
}

/* Starts a row; the cells added until shnor_table_end_row() are its. */
void
shnor_table_begin_row (ShnorTable *table,
                       guint       line)
{
  table->open.line = line;
  table->open.n_cells = 0;
  table->open.first = table->n_cells;
  table->open_empty = TRUE;
}

/* Adds a copy of @length bytes of @text (which holds no NUL) as the next
 * cell of the open row. Past SHNOR_TABLE_MAX_TEXT the table only notes
 * that it is too large (see shnor_table_check_size()). */
void
shnor_table_add_cell (ShnorTable *table,
                      const char *text,
                      gsize       length)
{
  if (table->too_large || table->text_length + length + 1 > SHNOR_TABLE_MAX_TEXT ||
      table->n_cells >= G_MAXUINT32 / 2)
    {
      table->too_large = TRUE;
      return;
    }
  if (table->text_length + length + 1 > table->text_size)
    {
      table->text_size = MAX (table->text_size * 2, table->text_length + length + 1);
      table->text = g_realloc (table->text, table->text_size);
    }
  if (table->n_cells == table->cells_size)
    {
      table->cells_size *= 2;
      table->cells = g_renew (guint32, table->cells, table->cells_size);
    }
  table->cells[table->n_cells++] = (guint32) table->text_length;
  memcpy (table->text + table->text_length, text, length);
  table->text[table->text_length + length] = '\0';
  table->text_length += length + 1;
  table->open.n_cells++;
  table->open_empty = table->open_empty && length == 0;
}

/* As shnor_table_add_cell(), without the spaces around the text. */
void
shnor_table_add_stripped_cell (ShnorTable *table,
                               const char *text,
                               gsize       length)
{
  const char *end = text + length;

  while (text < end && g_ascii_isspace (*text))
    text++;
  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  shnor_table_add_cell (table, text, (gsize) (end - text));
}

ShnorTable *
shnor_table_copy (const ShnorTable *table)
{
  ShnorTable *copy = shnor_table_new (table->text_length);

  g_array_append_vals (copy->rows, table->rows->data, table->rows->len);
  memcpy (copy->text, table->text, table->text_length);
  copy->text_length = table->text_length;
  copy->cells_size = MAX (table->n_cells, 1);
  copy->cells = g_renew (guint32, copy->cells, copy->cells_size);
  memcpy (copy->cells, table->cells, table->n_cells * sizeof (guint32));
  copy->n_cells = table->n_cells;
  copy->too_large = table->too_large;
  return copy;
}

/* Empties the table, keeping its memory for the next rows. */
void
shnor_table_clear (ShnorTable *table)
{
  g_array_set_size (table->rows, 0);
  table->n_cells = 0;
  table->text_length = 0;
  table->too_large = FALSE;
}

/* Forgets the open row and its cells. */
void
shnor_table_cancel_row (ShnorTable *table)
{
  if (table->open.n_cells > 0)
    table->text_length = table->cells[table->open.first];
  table->n_cells = table->open.first;
  table->open.n_cells = 0;
}

/* Ends the open row; a row of empty cells only is left out. */
void
shnor_table_end_row (ShnorTable *table)
{
  if (table->open_empty)
    {
      shnor_table_cancel_row (table);
      return;
    }
  g_array_append_val (table->rows, table->open);
}

const ShnorTableRow *
shnor_table_get_row (const ShnorTable *table,
                     guint             index)
{
  g_return_val_if_fail (index < table->rows->len, NULL);

  return &g_array_index (table->rows, ShnorTableRow, index);
}

/* The text of a cell; "" past the row's last cell. The text stays valid
 * until the table changes. */
const char *
shnor_table_get_cell (const ShnorTable    *table,
                      const ShnorTableRow *row,
                      guint                column)
{
  if (column >= row->n_cells)
    return "";
  return table->text + table->cells[row->first + column];
}

/* The error of a file whose cells do not fit in a table. */
void
shnor_table_set_size_error (GError **error)
{
  g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
               _("The file holds more than %u MB of text: it is too large to import. Split it into several files."),
               (guint) (SHNOR_TABLE_MAX_TEXT >> 20));
}

/* FALSE, with an error, when the file's cells did not fit in the table. */
gboolean
shnor_table_check_size (const ShnorTable  *table,
                        GError           **error)
{
  if (table->too_large)
    shnor_table_set_size_error (error);
  return !table->too_large;
}

/* Stats @path and refuses anything but an ordinary file: a pipe or a
 * device would block the read, or never end, and a folder has no rows. */
static gboolean
stat_ordinary_file (const char  *path,
                    GStatBuf    *st,
                    GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (g_stat (path, st) != 0)
    {
      int saved = errno;

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The file “%s” cannot be read: %s."), name, g_strerror (saved));
      return FALSE;
    }
  if ((st->st_mode & S_IFMT) != S_IFREG)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("“%s” is not an ordinary file (it is a folder, a pipe, a device or the like)."), name);
      return FALSE;
    }
  return TRUE;
}

/**
 * shnor_table_read_file:
 *
 * Reads a CSV file or the first sheet of an XLSX workbook, told apart by
 * their contents (a workbook is a ZIP archive), not by the file's name.
 */
ShnorTable *
shnor_table_read_file (const char  *path,
                       GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  GStatBuf st;
  FILE *f;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  if (!stat_ordinary_file (path, &st, error))
    return NULL;
  if ((guint64) st.st_size > SHNOR_TABLE_MAX_TEXT)
    {
      shnor_table_set_size_error (error);
      return NULL;
    }
  f = g_fopen (path, "rb");
  if (f == NULL)
    {
      int saved = errno;

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The file “%s” cannot be read: %s."), name, g_strerror (saved));
      return NULL;
    }
  /* the size the file had, and one byte more to see it did not grow */
  data = g_malloc ((gsize) st.st_size + 1);
  length = fread (data, 1, (gsize) st.st_size + 1, f);
  fclose (f);
  if (length > (gsize) st.st_size)
    {
      shnor_table_set_size_error (error);
      return NULL;
    }
  if (length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    return shnor_xlsx_read_first_sheet (path, error);
  return shnor_csv_parse (data, length, error);
}

/* ---- reading part by part ---------------------------------------------- */

struct _ShnorTableReader
{
  ShnorCsvStream *csv;
  ShnorTable     *table;    /* given whole (XLSX, or rows in memory) */
  gboolean        given;
  char           *path;
  GStatBuf        stat;     /* of the file when it was opened */
};

void
shnor_table_reader_free (ShnorTableReader *reader)
{
  if (reader == NULL)
    return;
  shnor_csv_stream_free (reader->csv);
  shnor_table_free (reader->table);
  g_free (reader->path);
  g_free (reader);
}

/* Whether the file at @path is a ZIP archive (an XLSX workbook). */
static gboolean
is_zip (const char *path)
{
  FILE *f = g_fopen (path, "rb");
  char magic[4] = { 0 };
  gboolean zip;

  if (f == NULL)
    return FALSE;
  zip = fread (magic, 1, 4, f) == 4 && memcmp (magic, "PK\x03\x04", 4) == 0;
  fclose (f);
  return zip;
}

/**
 * shnor_table_reader_new:
 *
 * Opens a CSV file or an XLSX workbook (told apart by their contents) to
 * be read with shnor_table_reader_next(): a CSV file a part at a time, so
 * that a file of any size takes the same memory.
 */
ShnorTableReader *
shnor_table_reader_new (const char  *path,
                        GError     **error)
{
  g_autoptr(ShnorTableReader) reader = g_new0 (ShnorTableReader, 1);

  g_return_val_if_fail (path != NULL, NULL);

  reader->path = g_strdup (path);
  if (!stat_ordinary_file (path, &reader->stat, error))
    return NULL;
  if (is_zip (path))
    reader->table = shnor_xlsx_read_first_sheet (path, error);
  else
    reader->csv = shnor_csv_stream_new (path, error);
  if (reader->table == NULL && reader->csv == NULL)
    return NULL;
  return g_steal_pointer (&reader);
}

/* A reader of the rows of @table, which it takes. */
ShnorTableReader *
shnor_table_reader_new_for_table (ShnorTable *table)
{
  ShnorTableReader *reader = g_new0 (ShnorTableReader, 1);

  reader->table = table;
  return reader;
}

gboolean
shnor_table_reader_rewind (ShnorTableReader  *reader,
                           GError           **error)
{
  reader->given = FALSE;
  return reader->csv == NULL || shnor_csv_stream_rewind (reader->csv, error);
}

/**
 * shnor_table_reader_next:
 *
 * Returns: (transfer none) (nullable): the next rows, in the reader's own
 *   table, valid until the next call; %NULL at the end, or with @error.
 */
const ShnorTable *
shnor_table_reader_next (ShnorTableReader  *reader,
                         GError           **error)
{
  if (reader->csv != NULL)
    return shnor_csv_stream_next (reader->csv, error);
  if (reader->given)
    return NULL;
  reader->given = TRUE;
  return reader->table;
}

/* Whether the file was changed (written again) since it was opened. */
gboolean
shnor_table_reader_changed (ShnorTableReader *reader)
{
  GStatBuf now;

  if (reader->path == NULL)
    return FALSE;
  return g_stat (reader->path, &now) != 0 || now.st_size != reader->stat.st_size ||
         now.st_mtime != reader->stat.st_mtime;
}
