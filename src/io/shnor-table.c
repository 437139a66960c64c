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

/* Ends the open row; a row of empty cells only is left out. */
void
shnor_table_end_row (ShnorTable *table)
{
  if (table->open_empty)
    {
      if (table->open.n_cells > 0)
        table->text_length = table->cells[table->open.first];
      table->n_cells = table->open.first;
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
  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The file “%s” cannot be read: %s."), name, g_strerror (saved));
      return NULL;
    }
  /* a pipe or a device would block the read, or never end */
  if ((st.st_mode & S_IFMT) != S_IFREG)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("“%s” is not an ordinary file (it is a folder, a pipe, a device or the like)."), name);
      return NULL;
    }
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
