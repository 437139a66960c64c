/* shnor-csv.c: CSV as Russian offices save it: UTF-8 with or without BOM
 * or Windows-1251; ";" (Excel in a Russian locale), "," or tab between
 * cells; quoted cells with "" inside, separators and line breaks; CRLF, LF
 * or CR line ends. */
#define G_LOG_DOMAIN "shnor-csv"

#include "config.h"
#include <string.h>
#include <glib/gi18n-lib.h>

#include "shnor-error.h"
#include "shnor-table.h"

static void
row_clear (gpointer data)
{
  g_strfreev (((ShnorTableRow *) data)->cells);
}

ShnorTable *
shnor_table_new (void)
{
  ShnorTable *table = g_new0 (ShnorTable, 1);

  table->rows = g_array_new (FALSE, FALSE, sizeof (ShnorTableRow));
  g_array_set_clear_func (table->rows, row_clear);
  return table;
}

void
shnor_table_free (ShnorTable *table)
{
  if (table == NULL)
    return;
  g_array_unref (table->rows);
  g_free (table);
}

/* Takes the cells; a row of empty cells only is left out. */
void
shnor_table_add_row (ShnorTable *table,
                     guint       line,
                     GPtrArray  *cells)
{
  ShnorTableRow row = { line, NULL };
  gboolean empty = TRUE;

  for (guint i = 0; i < cells->len && empty; i++)
    empty = ((char *) cells->pdata[i])[0] == '\0';
  if (empty)
    {
      g_ptr_array_set_free_func (cells, g_free);
      g_ptr_array_unref (cells);
      return;
    }
  g_ptr_array_add (cells, NULL);
  row.cells = (GStrv) g_ptr_array_free (cells, FALSE);
  g_array_append_val (table->rows, row);
}

/* The text as UTF-8: a BOM is dropped; what is not UTF-8 is taken as
 * Windows-1251, the encoding of Excel's "CSV" on Russian Windows. */
static char *
to_utf8 (const char  *data,
         gsize        length,
         GError     **error)
{
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("The file is not a text (CSV) file: it holds binary data."));
      return NULL;
    }
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (g_utf8_validate (data, (gssize) length, NULL))
    return g_strndup (data, length);
  return g_convert (data, (gssize) length, "UTF-8", "WINDOWS-1251", NULL, NULL, error);
}

/* The separator is the one of ";", tab and "," seen most often in the
 * first line outside quotes; ";" wins a tie (decimal commas are common). */
static char
guess_separator (const char *text)
{
  static const char candidates[] = { ';', '\t', ',' };
  guint counts[3] = { 0 };
  gboolean quoted = FALSE;
  char best = ';';
  guint best_count = 0;

  for (const char *p = text; *p && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      for (guint i = 0; !quoted && i < G_N_ELEMENTS (candidates); i++)
        if (*p == candidates[i])
          counts[i]++;
    }
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > best_count)
      {
        best = candidates[i];
        best_count = counts[i];
      }
  return best;
}

ShnorTable *
shnor_csv_parse (const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(ShnorTable) table = NULL;
  g_autoptr(GString) cell = g_string_new (NULL);
  GPtrArray *cells = g_ptr_array_new ();
  gboolean quoted = FALSE;
  gboolean was_quoted = FALSE;
  guint line = 1, row_line = 1, quote_line = 0;
  char sep;
  const char *p;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  text = to_utf8 (data ? data : "", length, error);
  if (text == NULL)
    {
      g_ptr_array_unref (cells);
      return NULL;
    }
  sep = guess_separator (text);
  table = shnor_table_new ();

  for (p = text; ; p++)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '\0')
            {
              g_ptr_array_set_free_func (cells, g_free);
              g_ptr_array_unref (cells);
              g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                           _("Line %u: a quoted cell is not closed (a \" is missing)."), quote_line);
              return NULL;
            }
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n' || (c == '\r' && p[1] != '\n'))
                line++;
              g_string_append_c (cell, c);
            }
          continue;
        }

      if (c == '"' && cell->len == 0 && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          quote_line = line;
        }
      else if (c == sep || c == '\n' || c == '\r' || c == '\0')
        {
          g_ptr_array_add (cells, g_strdup (was_quoted ? cell->str : g_strstrip (cell->str)));
          g_string_truncate (cell, 0);
          was_quoted = FALSE;
          if (c != sep)
            {
              shnor_table_add_row (table, row_line, cells);
              cells = g_ptr_array_new ();
              if (c == '\0')
                break;
              if (c == '\r' && p[1] == '\n')
                p++;
              row_line = ++line;
            }
        }
      else
        {
          /* the rest of an unquoted cell in one go */
          const char *end = p + 1;

          while (*end && *end != sep && *end != '\n' && *end != '\r' && *end != '"')
            end++;
          g_string_append_len (cell, p, end - p);
          p = end - 1;
        }
    }

  g_ptr_array_unref (cells);
  return g_steal_pointer (&table);
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
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, "%s", local_error->message);
      return NULL;
    }
  if (length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    return shnor_xlsx_read_first_sheet (path, error);
  return shnor_csv_parse (data, length, error);
}
