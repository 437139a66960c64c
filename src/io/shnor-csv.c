/* shnor-csv.c: CSV as Russian offices save it: UTF-8 with or without BOM
 * or Windows-1251; ";" (Excel in a Russian locale), "," or tab between
 * cells; quoted cells with "" inside, separators and line breaks; CRLF, LF
 * or CR line ends. */
#define G_LOG_DOMAIN "shnor-csv"

#include "config.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

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
/* As guess_separator(); *@complete (if given) tells whether @text holds
 * the whole first line. */
static char
guess_separator_of (const char *text,
                    gboolean   *complete)
{
  static const char candidates[] = { ';', '\t', ',' };
  guint counts[3] = { 0 };
  gboolean quoted = FALSE;
  char best = ';';
  guint best_count = 0;
  const char *p;

  for (p = text; *p && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      for (guint i = 0; !quoted && i < G_N_ELEMENTS (candidates); i++)
        if (*p == candidates[i])
          counts[i]++;
    }
  if (complete != NULL)
    *complete = *p != '\0';
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > best_count)
      {
        best = candidates[i];
        best_count = counts[i];
      }
  return best;
}

static char
guess_separator (const char *text)
{
  return guess_separator_of (text, NULL);
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

/* Parses the records of @text (UTF-8, ended by a NUL) from line *@line on
 * into @table. With @last FALSE the text is a part of the file: a record
 * that no line break ends may go on in the next part, so it is left out,
 * and *@consumed says where it begins (the next part starts there). */
static gboolean
parse_records (const char  *text,
               char         sep,
               gboolean     last,
               guint       *line,
               ShnorTable  *table,
               GString     *quoted,
               gsize       *consumed,
               GError     **error)
{
  const char *p = text;
  const char *record = text;
  guint record_line = *line;

  *consumed = 0;
  shnor_table_begin_row (table, *line);
  for (;;)
    {
      if (*p == '"')
        {
          /* A quoted cell: "" inside is one ", separators and line breaks
           * are text; what follows the closing quote up to the separator is
           * kept as it is. */
          guint quote_line = *line;

          g_string_truncate (quoted, 0);
          for (p++; ; )
            {
              const char *start = p;

              while (*p && *p != '"' && *p != '\n' && *p != '\r')
                p++;
              g_string_append_len (quoted, start, p - start);
              if (*p == '\0' && !last)
                {
                  shnor_table_cancel_row (table);
                  *consumed = (gsize) (record - text);
                  *line = record_line;
                  return TRUE;
                }
              if (*p == '\0')
                {
                  g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                               _("Line %u: a quoted cell is not closed (a \" is missing)."), quote_line);
                  return FALSE;
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
                (*line)++;
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
      if (*p == '\0' && !last)
        {
          /* the record may go on in the next part */
          shnor_table_cancel_row (table);
          *consumed = (gsize) (record - text);
          *line = record_line;
          return TRUE;
        }
      shnor_table_end_row (table);
      if (*p == '\0')
        break;
      if (*p == '\r' && p[1] == '\n')
        p++;
      p++;
      record = p;
      record_line = ++(*line);
      shnor_table_begin_row (table, *line);
    }
  *consumed = (gsize) (p - text);
  return TRUE;
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
  gsize consumed;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > SHNOR_TABLE_MAX_TEXT)
    {
      shnor_table_set_size_error (error);
      return NULL;
    }
  text = to_utf8 (data ? data : "", length, error);
  if (text == NULL)
    return NULL;
  table = shnor_table_new (strlen (text) + 1);
  if (!parse_records (text, guess_separator (text), TRUE, &line, table, quoted, &consumed, error) ||
      !shnor_table_check_size (table, error))
    return NULL;
  return g_steal_pointer (&table);
}

/* ---- reading a file part by part --------------------------------------- */

/* The file is read in parts of this size: memory stays the same whatever
 * the size of the file. */
#define PART_SIZE (1024 * 1024)
/* No record of a results file is near this long: past it, a quote that is
 * never closed is reported instead of the whole file being held. */
#define MAX_RECORD (16 * 1024 * 1024)

struct _ShnorCsvStream
{
  FILE       *file;
  gboolean    utf8;       /* else Windows-1251 */
  gsize       bom;        /* bytes of the BOM at the start */
  char        sep;        /* 0 until the first line is read */
  GString    *pending;    /* UTF-8 text read but not parsed yet */
  GString    *quoted;
  char       *part;
  gsize       part_size;  /* read at a time: PART_SIZE, less in tests */
  guint       line;
  gboolean    eof;
  ShnorTable *batch;
};

/* Whether the @n bytes at @p begin a UTF-8 sequence the next part ends. */
static gboolean
utf8_incomplete (const guchar *p,
                 gsize         n)
{
  gsize need = p[0] >= 0xF0 && p[0] <= 0xF4 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 && p[0] < 0xE0 ? 2 : 0;

  if (need == 0 || n >= need)
    return FALSE;
  for (gsize i = 1; i < n; i++)
    if ((p[i] & 0xC0) != 0x80)
      return FALSE;
  return TRUE;
}

/* One pass over the file before reading it, as to_utf8() looks at the
 * whole text: binary data is refused, and the text is UTF-8 only if all
 * of it is. */
static gboolean
prescan (ShnorCsvStream  *s,
         GError         **error)
{
  guchar carry[4];
  gsize n_carry = 0, n;
  gboolean first = TRUE;

  s->utf8 = TRUE;
  while ((n = fread (s->part + n_carry, 1, PART_SIZE, s->file)) > 0 || n_carry > 0)
    {
      const char *text = s->part;
      const char *end;
      gsize length;

      memcpy (s->part, carry, n_carry);
      length = n_carry + n;
      n_carry = 0;
      if (memchr (s->part, '\0', length) != NULL)
        {
          g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                       _("The file is not a text (CSV) file: it holds binary data."));
          return FALSE;
        }
      if (first && length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
        s->bom = 3;
      if (first)
        text += s->bom, length -= s->bom;
      first = FALSE;
      if (s->utf8 && !g_utf8_validate_len (text, length, &end))
        {
          gsize rest = (gsize) (text + length - end);

          if (n > 0 && rest < 4 && utf8_incomplete ((const guchar *) end, rest))
            {
              memcpy (carry, end, rest);
              n_carry = rest;
            }
          else
            s->utf8 = FALSE;
        }
      if (n == 0)
        break;
    }
  if (ferror (s->file) || fseek (s->file, (long) s->bom, SEEK_SET) != 0)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, "%s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

void
shnor_csv_stream_free (ShnorCsvStream *s)
{
  if (s == NULL)
    return;
  if (s->file != NULL)
    fclose (s->file);
  g_string_free (s->pending, TRUE);
  g_string_free (s->quoted, TRUE);
  g_free (s->part);
  shnor_table_free (s->batch);
  g_free (s);
}

/**
 * shnor_csv_stream_new:
 *
 * Opens a CSV file to be read part by part (see shnor_csv_stream_next()),
 * as shnor_csv_parse() reads a whole one.
 */
ShnorCsvStream *
shnor_csv_stream_new (const char  *path,
                      GError     **error)
{
  ShnorCsvStream *s = g_new0 (ShnorCsvStream, 1);

  s->pending = g_string_sized_new (2 * PART_SIZE);
  s->quoted = g_string_new (NULL);
  s->part = g_malloc (PART_SIZE + 4);
  s->part_size = PART_SIZE;
  s->batch = shnor_table_new (2 * PART_SIZE);
  s->line = 1;
  s->file = g_fopen (path, "rb");
  if (s->file == NULL)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The file “%s” cannot be read: %s."), name,
                   g_strerror (saved));
      shnor_csv_stream_free (s);
      return NULL;
    }
  if (!prescan (s, error))
    {
      shnor_csv_stream_free (s);
      return NULL;
    }
  return s;
}

/* For tests: reads @size bytes at a time (at most the usual part). */
void
shnor_csv_stream_set_part_size (ShnorCsvStream *s,
                                gsize           size)
{
  s->part_size = CLAMP (size, 1, PART_SIZE);
}

/* Back to the first row. */
gboolean
shnor_csv_stream_rewind (ShnorCsvStream  *s,
                         GError         **error)
{
  g_string_truncate (s->pending, 0);
  s->line = 1;
  s->eof = FALSE;
  if (fseek (s->file, (long) s->bom, SEEK_SET) != 0)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, "%s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* Appends the next part of the file to the pending text, as UTF-8. */
static gboolean
read_part (ShnorCsvStream  *s,
           GError         **error)
{
  gsize n = fread (s->part, 1, s->part_size, s->file);
  const char *text = s->part;

  if (n < s->part_size)
    {
      if (ferror (s->file))
        {
          g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, "%s", g_strerror (errno));
          return FALSE;
        }
      s->eof = TRUE;
    }
  if (s->utf8)
    g_string_append_len (s->pending, text, (gssize) n);
  else if (n > 0)
    {
      /* one byte a character: any part converts on its own */
      g_autofree char *converted = g_convert (text, (gssize) n, "UTF-8", "WINDOWS-1251", NULL, NULL, error);

      if (converted == NULL)
        return FALSE;
      g_string_append (s->pending, converted);
    }
  return TRUE;
}

/**
 * shnor_csv_stream_next:
 *
 * Reads the next rows of the file: the records of a part of it, each with
 * its line. The table is the stream's own, valid until the next call.
 *
 * Returns: (transfer none) (nullable): the rows; %NULL at the end of the
 *   file, or with @error.
 */
const ShnorTable *
shnor_csv_stream_next (ShnorCsvStream  *s,
                       GError         **error)
{
  shnor_table_clear (s->batch);
  while (s->batch->rows->len == 0)
    {
      gsize consumed = 0;
      gsize held = 0;

      if (s->eof && s->pending->len == 0)
        return NULL;
      if (!s->eof && !read_part (s, error))
        return NULL;
      if (s->sep == 0)
        {
          gboolean complete;
          char sep = guess_separator_of (s->pending->str, &complete);

          if (!complete && !s->eof)
            continue;   /* the first line goes on */
          s->sep = sep;
        }
      /* a CR at the end may be the first half of a CRLF */
      if (!s->eof && s->pending->len > 0 && s->pending->str[s->pending->len - 1] == '\r')
        s->pending->str[s->pending->len - (held = 1)] = '\0';
      if (!parse_records (s->pending->str, s->sep, s->eof, &s->line, s->batch, s->quoted, &consumed, error))
        return NULL;
      if (held)
        s->pending->str[s->pending->len - 1] = '\r';
      g_string_erase (s->pending, 0, (gssize) consumed);
      if (s->eof)
        g_string_truncate (s->pending, 0);
      if (s->pending->len > MAX_RECORD)
        {
          g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                       _("Line %u: a quoted cell is not closed (a \" is missing)."), s->line);
          return NULL;
        }
      if (!shnor_table_check_size (s->batch, error))
        return NULL;
    }
  return s->batch;
}
