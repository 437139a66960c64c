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

/* FALSE, with an error naming the first line that breaks it, when @data
 * is UTF-8 text but for some lines (a row pasted from a Windows-1251
 * file): decoding all of it as Windows-1251 would garble the rest. UTF-8
 * is told by its letters: Cyrillic in Windows-1251 seldom makes a valid
 * UTF-8 sequence, so a file with more of them than broken ones is UTF-8. */
static gboolean
mostly_utf8 (const char  *data,
             gsize        length,
             GError     **error)
{
  const char *end = data + length;
  const char *first_bad = NULL;
  gsize good = 0, bad = 0;

  for (const char *p = data; p < end; )
    {
      const char *stop = end;
      gboolean valid = g_utf8_validate_len (p, (gsize) (end - p), &stop);

      for (const char *q = p; q < stop; q++)
        good += ((guchar) *q >= 0xC0);
      if (valid)
        break;
      bad++;
      if (first_bad == NULL)
        first_bad = stop;
      p = stop + 1;
    }
  if (good == 0 || good < bad)
    return TRUE;
  {
    guint line = 1;

    for (const char *q = data; q < first_bad; q++)
      if (*q == '\n' || (*q == '\r' && q + 1 < end && q[1] != '\n'))
        line++;
    g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                 _("Line %u is not in the UTF-8 encoding of the rest of the file (it may have been pasted from "
                   "a file in another encoding). Save the whole file in one encoding and import it again."), line);
  }
  return FALSE;
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
  if (!mostly_utf8 (data, length, error))
    return NULL;
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

/* Where the unquoted text from @p ends: at the separator, a line break or
 * the end. */
static const char *
cell_end (const char *p,
          char        sep)
{
  while (*p && *p != sep && *p != '\n' && *p != '\r')
    p++;
  return p;
}

ShnorTable *
shnor_csv_parse (const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(ShnorTable) table = NULL;
  g_autoptr(GString) quoted = g_string_new (NULL);
  guint line = 1;
  char sep;
  const char *p;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > SHNOR_TABLE_MAX_TEXT)
    {
      shnor_table_set_size_error (error);
      return NULL;
    }
  text = to_utf8 (data ? data : "", length, error);
  if (text == NULL)
    return NULL;
  sep = guess_separator (text);
  table = shnor_table_new (strlen (text) + 1);
  shnor_table_begin_row (table, line);

  for (p = text; ; )
    {
      if (*p == '"')
        {
          /* A quoted cell: "" inside is one ", separators and line breaks
           * are text; what follows the closing quote up to the separator is
           * kept as it is. */
          guint quote_line = line;

          g_string_truncate (quoted, 0);
          for (p++; ; )
            {
              const char *start = p;

              while (*p && *p != '"' && *p != '\n' && *p != '\r')
                p++;
              g_string_append_len (quoted, start, p - start);
              if (*p == '\0')
                {
                  g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                               _("Line %u: a quoted cell is not closed (a \" is missing)."), quote_line);
                  return NULL;
                }
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (quoted, '"');
                  p += 2;
                  continue;
                }
              if (*p == '"')
                break;
              if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
                line++;
              g_string_append_c (quoted, *p++);
            }
          {
            const char *start = ++p;

            p = cell_end (p, sep);
            g_string_append_len (quoted, start, p - start);
          }
          shnor_table_add_cell (table, quoted->str, quoted->len);
        }
      else
        {
          const char *start = p;

          p = cell_end (p, sep);
          shnor_table_add_stripped_cell (table, start, (gsize) (p - start));
        }

      if (*p == sep)
        {
          p++;
          continue;
        }
      shnor_table_end_row (table);
      if (*p == '\0')
        break;
      if (*p == '\r' && p[1] == '\n')
        p++;
      p++;
      shnor_table_begin_row (table, ++line);
    }

  if (!shnor_table_check_size (table, error))
    return NULL;
  return g_steal_pointer (&table);
}
