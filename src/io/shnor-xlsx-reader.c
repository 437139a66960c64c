/* shnor-xlsx-reader.c: the first worksheet of an XLSX workbook as a table
 * of text cells, with minizip (already there for libxlsxwriter) and
 * GMarkup: no new dependency. Files are opened through GLib, so Cyrillic
 * paths work on Windows too. */
#define G_LOG_DOMAIN "shnor-xlsx"

#include "config.h"
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unzip.h>

#include "shnor-error.h"
#include "shnor-table.h"

#define MAX_PART_SIZE (256 * 1024 * 1024)

/* ---- minizip over GLib's stdio -------------------------------------- */

static voidpf
zopen (voidpf opaque, const void *filename, int mode)
{
  return g_fopen (filename, "rb");
}

static uLong
zread (voidpf opaque, voidpf stream, void *buf, uLong size)
{
  return (uLong) fread (buf, 1, size, stream);
}

static uLong
zwrite (voidpf opaque, voidpf stream, const void *buf, uLong size)
{
  return 0;
}

static ZPOS64_T
ztell (voidpf opaque, voidpf stream)
{
#ifdef G_OS_WIN32
  return (ZPOS64_T) _ftelli64 (stream);
#else
  return (ZPOS64_T) ftello (stream);
#endif
}

static long
zseek (voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
  int whence = origin == ZLIB_FILEFUNC_SEEK_CUR ? SEEK_CUR :
               origin == ZLIB_FILEFUNC_SEEK_END ? SEEK_END : SEEK_SET;
#ifdef G_OS_WIN32
  return _fseeki64 (stream, (gint64) offset, whence);
#else
  return fseeko (stream, (off_t) offset, whence);
#endif
}

static int
zclose (voidpf opaque, voidpf stream)
{
  return fclose (stream);
}

static int
zerror (voidpf opaque, voidpf stream)
{
  return ferror (stream);
}

static char *
read_part (unzFile      zip,
           const char  *name,
           gsize       *length)
{
  unz_file_info64 info;
  char *data;
  int got;

  if (unzLocateFile (zip, name, 0) != UNZ_OK ||
      unzGetCurrentFileInfo64 (zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK ||
      info.uncompressed_size > MAX_PART_SIZE || unzOpenCurrentFile (zip) != UNZ_OK)
    return NULL;
  data = g_malloc (info.uncompressed_size + 1);
  got = unzReadCurrentFile (zip, data, (unsigned) info.uncompressed_size);
  unzCloseCurrentFile (zip);
  if (got < 0 || (ZPOS64_T) got != info.uncompressed_size)
    {
      g_free (data);
      return NULL;
    }
  data[got] = '\0';
  if (length != NULL)
    *length = (gsize) got;
  return data;
}

/* ---- the parts ------------------------------------------------------ */

typedef struct {
  /* workbook.xml and its relationships */
  const char *wanted_sheet;   /* the sheet's name; NULL: the first sheet */
  char      *first_sheet_rid; /* the relationship of the sheet read */
  char      *sheet_target;
  /* sharedStrings.xml */
  GPtrArray *strings;
  GString   *text;
  gboolean   in_t;
  /* the sheet */
  ShnorTable *table;
  gboolean   in_row;
  guint      n_cells;
  guint      row_number;
  int        column;
  char      *cell_type;
  gboolean   in_value;
} Reader;

static const char *
attr (const char **names,
      const char **values,
      const char  *name)
{
  for (guint i = 0; names[i]; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static void
workbook_start (GMarkupParseContext *context, const char *element, const char **names,
                const char **values, gpointer data, GError **error)
{
  Reader *r = data;

  if (g_str_equal (element, "sheet") && r->first_sheet_rid == NULL &&
      (r->wanted_sheet == NULL || g_strcmp0 (attr (names, values, "name"), r->wanted_sheet) == 0))
    r->first_sheet_rid = g_strdup (attr (names, values, "r:id"));
}

static void
rels_start (GMarkupParseContext *context, const char *element, const char **names,
            const char **values, gpointer data, GError **error)
{
  Reader *r = data;
  const char *id = attr (names, values, "Id");

  if (g_str_equal (element, "Relationship") && r->first_sheet_rid && g_strcmp0 (id, r->first_sheet_rid) == 0)
    r->sheet_target = g_strdup (attr (names, values, "Target"));
}

static void
strings_start (GMarkupParseContext *context, const char *element, const char **names,
               const char **values, gpointer data, GError **error)
{
  Reader *r = data;

  if (g_str_equal (element, "si"))
    g_string_truncate (r->text, 0);
  else if (g_str_equal (element, "t"))
    r->in_t = TRUE;
}

static void
strings_end (GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
  Reader *r = data;

  if (g_str_equal (element, "si"))
    g_ptr_array_add (r->strings, g_strdup (r->text->str));
  else if (g_str_equal (element, "t"))
    r->in_t = FALSE;
}

static void
collect_text (GMarkupParseContext *context, const char *text, gsize length, gpointer data, GError **error)
{
  Reader *r = data;

  if (r->in_t || r->in_value)
    g_string_append_len (r->text, text, (gssize) length);
}

/* "BC12" → 54 (0-based column) */
static int
column_of (const char *ref)
{
  int column = 0;

  for (; ref && g_ascii_isalpha (*ref); ref++)
    column = column * 26 + (g_ascii_toupper (*ref) - 'A' + 1);
  return column - 1;
}

static void
sheet_start (GMarkupParseContext *context, const char *element, const char **names,
             const char **values, gpointer data, GError **error)
{
  Reader *r = data;

  if (g_str_equal (element, "row"))
    {
      const char *number = attr (names, values, "r");

      r->row_number = number ? (guint) g_ascii_strtoull (number, NULL, 10) : r->row_number + 1;
      r->column = -1;
      r->in_row = TRUE;
      r->n_cells = 0;
      shnor_table_begin_row (r->table, r->row_number);
    }
  else if (g_str_equal (element, "c") && r->in_row)
    {
      const char *ref = attr (names, values, "r");

      r->column = ref ? column_of (ref) : r->column + 1;
      g_free (r->cell_type);
      r->cell_type = g_strdup (attr (names, values, "t"));
      g_string_truncate (r->text, 0);
    }
  else if (g_str_equal (element, "v") || g_str_equal (element, "t"))
    r->in_value = TRUE;
}

static void
put_cell (Reader *r)
{
  const char *value = r->text->str;

  if (g_strcmp0 (r->cell_type, "s") == 0)
    {
      guint64 index = g_ascii_strtoull (value, NULL, 10);

      value = index < r->strings->len ? (const char *) r->strings->pdata[index] : "";
    }
  /* a cell left of one already read is ignored, as is one past Excel's last column */
  if (r->column < (int) r->n_cells || r->column > 16383)
    return;
  for (; (int) r->n_cells < r->column; r->n_cells++)
    shnor_table_add_cell (r->table, "", 0);
  shnor_table_add_stripped_cell (r->table, value, strlen (value));
  r->n_cells++;
}

static void
sheet_end (GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
  Reader *r = data;

  if (g_str_equal (element, "v") || g_str_equal (element, "t"))
    r->in_value = FALSE;
  else if (g_str_equal (element, "c") && r->in_row)
    put_cell (r);
  else if (g_str_equal (element, "row") && r->in_row)
    {
      shnor_table_end_row (r->table);
      r->in_row = FALSE;
    }
}

static gboolean
parse_part (unzFile             zip,
            const char         *name,
            const GMarkupParser *parser,
            Reader             *r,
            gboolean            required,
            GError            **error)
{
  gsize length = 0;
  g_autofree char *xml = read_part (zip, name, &length);
  g_autoptr(GMarkupParseContext) context = NULL;

  if (xml == NULL)
    {
      if (required)
        g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                     _("The workbook is damaged or not an Excel workbook (“%s” is missing)."), name);
      return !required;
    }
  context = g_markup_parse_context_new (parser, 0, r, NULL);
  if (!g_markup_parse_context_parse (context, xml, (gssize) length, NULL) ||
      !g_markup_parse_context_end_parse (context, NULL))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("The workbook is damaged: “%s” cannot be read."), name);
      return FALSE;
    }
  return TRUE;
}

/**
 * shnor_xlsx_read_first_sheet:
 *
 * Returns: the cells of the first worksheet as text (numbers as written
 * in the file, shared strings resolved), or %NULL with an error that says
 * what is wrong with the file.
 */
ShnorTable *
shnor_xlsx_read_first_sheet (const char  *path,
                             GError     **error)
{
  return shnor_xlsx_read_sheet (path, NULL, error);
}

/**
 * shnor_xlsx_read_sheet:
 * @name: (nullable): the sheet's name; %NULL for the first sheet
 *
 * Returns: the cells of the worksheet @name as text, as
 * shnor_xlsx_read_first_sheet() does, or %NULL with an error when the file
 * cannot be read or has no such sheet.
 */
ShnorTable *
shnor_xlsx_read_sheet (const char  *path,
                       const char  *name,
                       GError     **error)
{
  static const GMarkupParser workbook = { workbook_start, NULL, NULL, NULL, NULL };
  static const GMarkupParser rels = { rels_start, NULL, NULL, NULL, NULL };
  static const GMarkupParser strings = { strings_start, strings_end, collect_text, NULL, NULL };
  static const GMarkupParser sheet = { sheet_start, sheet_end, collect_text, NULL, NULL };
  zlib_filefunc64_def funcs = { zopen, zread, zwrite, ztell, zseek, zclose, zerror, NULL };
  Reader r = { 0 };
  g_autofree char *sheet_part = NULL;
  ShnorTable *result = NULL;
  unzFile zip;

  g_return_val_if_fail (path != NULL, NULL);

  zip = unzOpen2_64 (path, &funcs);
  if (zip == NULL)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("The file is not an Excel workbook (XLSX) or is damaged."));
      return NULL;
    }

  r.strings = g_ptr_array_new_with_free_func (g_free);
  r.text = g_string_new (NULL);
  r.table = shnor_table_new (0);
  r.wanted_sheet = name;

  if (!parse_part (zip, "xl/workbook.xml", &workbook, &r, TRUE, error) ||
      !parse_part (zip, "xl/_rels/workbook.xml.rels", &rels, &r, FALSE, error))
    goto out;
  if (name != NULL && r.sheet_target == NULL)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("The workbook has no sheet “%s”."), name);
      goto out;
    }
  if (r.sheet_target == NULL)
    sheet_part = g_strdup ("xl/worksheets/sheet1.xml");
  else if (r.sheet_target[0] == '/')
    sheet_part = g_strdup (r.sheet_target + 1);
  else
    sheet_part = g_strconcat ("xl/", r.sheet_target, NULL);
  if (!parse_part (zip, "xl/sharedStrings.xml", &strings, &r, FALSE, error) ||
      !parse_part (zip, sheet_part, &sheet, &r, TRUE, error) || !shnor_table_check_size (r.table, error))
    goto out;

  result = g_steal_pointer (&r.table);

out:
  unzClose (zip);
  shnor_table_free (r.table);
  g_ptr_array_unref (r.strings);
  g_string_free (r.text, TRUE);
  g_free (r.first_sheet_rid);
  g_free (r.sheet_target);
  g_free (r.cell_type);
  return result;
}
