/* shnor-xlsx-reader.c: a worksheet of an XLSX workbook as a table of text
 * cells, with minizip (already there for libxlsxwriter) and GMarkup: no new
 * dependency. Files are opened through GLib, so Cyrillic paths work on
 * Windows too.
 *
 * A workbook is untrusted: the parts are parsed as they are unpacked (no
 * part is held whole in memory), elements and attributes are told by their
 * namespace, not by the prefix a program chose, and the table is bounded by
 * what an import can mean: the columns of the header row (the first row
 * with a value), Excel's own limits (1,048,576 rows, 16,384 columns, 32,767
 * characters in a cell), and caps on cells and text with a clear message.
 * What Excel would not write (a cell twice, rows out of order, a text that
 * does not exist) is a damaged workbook, never a guess. */
#define G_LOG_DOMAIN "shnor-xlsx"

#include "config.h"
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unzip.h>
#include <xlsxwriter.h>

#include "shnor-error.h"
#include "shnor-files.h"
#include "shnor-table.h"

/* The caps: a region's workbook (1,048,500 rows × 10 columns, about 60 MB
 * of text) stays well inside them. */
#define MAX_ROWS      1048576
#define MAX_COLUMNS   16384
#define MAX_CELL_CHARS 32767
#define MAX_CELLS     (24 * 1024 * 1024)
#define MAX_TEXT      (256 * 1024 * 1024)
#define MAX_XML       ((gint64) 1024 * 1024 * 1024)  /* unpacked bytes of one part */
#define MAX_RUN       (4 * 1024 * 1024)   /* bytes between two "<": a text or a tag */
#define MAX_MERGES    100000
#define MAX_STRINGS   (4 * 1024 * 1024)
#define MAX_ELEMENTS  64000000            /* a region's sheet has about 22 million */
#define MAX_DEPTH     100                 /* a sheet's elements are a few deep */
#define CHUNK         (256 * 1024)

/* The namespaces of both flavours of the format (transitional, strict). */
static const char * const main_ns[] = {
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
};
static const char * const rel_ns[] = {
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
};
static const char PACKAGE_RELS_NS[] = "http://schemas.openxmlformats.org/package/2006/relationships";

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

/* ---- namespaces over GMarkup ----------------------------------------- */

typedef struct {
  char       *prefix;   /* "" for the default namespace */
  gsize       length;   /* of the prefix */
  const char *uri;      /* one of known_uris[], or other_uri */
  guint       depth;
} Binding;

typedef struct {
  GArray     *bindings;
  guint       depth;
  const char *default_uri;  /* of unprefixed names here */
  GByteArray *kinds;        /* what each open element is (Kind), for its end */
} Namespaces;

/* The elements of a sheet the reader acts on */
typedef enum { KIND_OTHER, KIND_ROW, KIND_C, KIND_V, KIND_IS, KIND_T, KIND_RPH } Kind;

static void
binding_clear (gpointer data)
{
  g_free (((Binding *) data)->prefix);
}

static void
ns_init (Namespaces *ns)
{
  ns->bindings = g_array_new (FALSE, FALSE, sizeof (Binding));
  g_array_set_clear_func (ns->bindings, binding_clear);
  ns->depth = 0;
  ns->default_uri = NULL;
  ns->kinds = g_byte_array_new ();
}

static void
ns_clear (Namespaces *ns)
{
  g_clear_pointer (&ns->bindings, g_array_unref);
  g_clear_pointer (&ns->kinds, g_byte_array_unref);
}

/* The namespaces the reader knows, compared by address once bound: a
 * namespace of the file is never kept (nor interned) but as one of these
 * or as other_uri. */
static const char other_uri[] = "";
#define MAIN_URI(i)    main_ns[i]
#define REL_URI(i)     rel_ns[i]

static const char *
known_uri (const char *value)
{
  for (guint i = 0; i < G_N_ELEMENTS (main_ns); i++)
    if (g_str_equal (value, main_ns[i]))
      return main_ns[i];
  for (guint i = 0; i < G_N_ELEMENTS (rel_ns); i++)
    if (g_str_equal (value, rel_ns[i]))
      return rel_ns[i];
  if (g_str_equal (value, PACKAGE_RELS_NS))
    return PACKAGE_RELS_NS;
  return other_uri;
}

/* Enters an element: its xmlns attributes bind prefixes inside it. */
static void
ns_enter (Namespaces  *ns,
          const char **names,
          const char **values)
{
  guint8 other = KIND_OTHER;

  ns->depth++;
  g_byte_array_append (ns->kinds, &other, 1);
  for (guint i = 0; names[i]; i++)
    if (names[i][0] == 'x' && strncmp (names[i], "xmlns", 5) == 0 && (names[i][5] == '\0' || names[i][5] == ':'))
      {
        const char *prefix = names[i][5] ? names[i] + 6 : "";
        Binding b = { g_strdup (prefix), strlen (prefix), known_uri (values[i]), ns->depth };

        g_array_append_val (ns->bindings, b);
        if (b.length == 0)
          ns->default_uri = b.uri;
      }
}

/* Notes what the element just entered is, for its end */
static void
ns_set_kind (Namespaces *ns,
             Kind        kind)
{
  ns->kinds->data[ns->kinds->len - 1] = (guint8) kind;
}

/* Leaves an element; returns what it was (see ns_set_kind()). */
static Kind
ns_leave (Namespaces *ns)
{
  guint n = ns->bindings->len;
  Kind kind = KIND_OTHER;

  while (n > 0 && g_array_index (ns->bindings, Binding, n - 1).depth == ns->depth)
    n--;
  if (n < ns->bindings->len)
    {
      g_array_set_size (ns->bindings, n);
      ns->default_uri = NULL;
      for (guint i = n; i > 0 && ns->default_uri == NULL; i--)
        if (g_array_index (ns->bindings, Binding, i - 1).length == 0)
          ns->default_uri = g_array_index (ns->bindings, Binding, i - 1).uri;
    }
  if (ns->kinds->len > 0)
    {
      kind = ns->kinds->data[ns->kinds->len - 1];
      g_byte_array_set_size (ns->kinds, ns->kinds->len - 1);
    }
  ns->depth--;
  return kind;
}

/* The namespace of @qname ("x:row" or "row"), and its local name. */
static const char *
ns_resolve (Namespaces  *ns,
            const char  *qname,
            const char **local)
{
  const char *colon = strchr (qname, ':');
  gsize length = colon ? (gsize) (colon - qname) : 0;

  *local = colon ? colon + 1 : qname;
  if (colon == NULL)
    return ns->default_uri;
  for (guint i = ns->bindings->len; i > 0; i--)
    {
      const Binding *b = &g_array_index (ns->bindings, Binding, i - 1);

      if (b->length == length && strncmp (b->prefix, qname, length) == 0)
        return b->uri;
    }
  return NULL;
}

/* Whether @qname is an element of SpreadsheetML; @local is its name. */
static gboolean
main_element (Namespaces  *ns,
              const char  *qname,
              const char **local)
{
  const char *uri = ns_resolve (ns, qname, local);

  return uri == MAIN_URI (0) || uri == MAIN_URI (1);
}

/* Whether @qname is the element @name of SpreadsheetML */
static gboolean
is_element (Namespaces *ns,
            const char *qname,
            const char *name)
{
  const char *local;

  return main_element (ns, qname, &local) && g_str_equal (local, name);
}

/* An attribute without a namespace (as "r", "t" of a cell) */
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

/* The attribute @name of the relationships namespace (r:id), whatever
 * its prefix */
static const char *
rel_attr (Namespaces  *ns,
          const char **names,
          const char **values,
          const char  *name)
{
  for (guint i = 0; names[i]; i++)
    {
      const char *local;
      const char *uri;

      if (strchr (names[i], ':') == NULL)
        continue;
      uri = ns_resolve (ns, names[i], &local);
      if ((uri == REL_URI (0) || uri == REL_URI (1)) && g_str_equal (local, name))
        return values[i];
    }
  return NULL;
}

/* ---- the reader ---------------------------------------------------------- */

typedef struct {
  guint first_row, last_row;
  guint column;
} Merge;

typedef struct {
  Namespaces  ns;
  guint64     elements;      /* of all parts so far */
  const char *part;          /* the part being parsed, for messages */
  /* the package: relationships of the part read last */
  GHashTable *rel_targets;   /* Id → Target */
  GHashTable *rel_types;     /* type's last path segment → Target of its first relationship */
  /* workbook.xml */
  const char *wanted_sheet;  /* NULL: the first */
  char       *sheet_rid;
  gboolean    has_sheets;
  /* sharedStrings.xml: the texts in one buffer, each ended by a NUL */
  GString    *strings;
  GArray     *string_starts; /* of guint32 */
  gboolean    in_si, in_rph, in_value;
  /* the sheet */
  ShnorTable *table;
  gboolean    by_header;     /* columns right of the header row's last are not read */
  guint       max_columns;   /* the columns read: the header row's width once read */
  gboolean    in_row, in_cell, in_inline;
  guint       row_number;
  int         column;
  char        cell_type;     /* 's' shared, 'i' inline, 'n' other */
  gboolean    has_value;
  gboolean    numeric;       /* a cell of no type or of numbers ("n") */
  gboolean    has_formula;
  GString    *text;
  GArray     *merges;        /* of Merge */
} Reader;

static void
set_damaged (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
set_damaged (GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("The workbook is damaged: %s."), what);
}

/* Enters an element, within the cap on elements: GMarkup takes a
 * moment for each, and a part of a gigabyte of "<a/>" would take minutes. */
static gboolean
enter (Reader      *r,
       const char **names,
       const char **values,
       GError     **error)
{
  ns_enter (&r->ns, names, values);
  if (r->ns.depth > MAX_DEPTH)
    {
      /* GMarkup keeps every open element: a million nested ones are a
       * memory of their own */
      set_damaged (error, _("its elements are nested more than %d deep"), MAX_DEPTH);
      return FALSE;
    }
  if (++r->elements <= MAX_ELEMENTS)
    return TRUE;
  g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
               _("The workbook holds more than %d million elements: it is too large to import. "
                 "Split it into several files."), MAX_ELEMENTS / 1000000);
  return FALSE;
}

/* Text inside an element: kept while inside a value, within the cap of a
 * cell (four bytes a character at most). */
static void
collect_text (GMarkupParseContext *context, const char *text, gsize length, gpointer data, GError **error)
{
  Reader *r = data;

  if (!r->in_value)
    return;
  if (r->text->len + length > MAX_CELL_CHARS * 4 ||
      (r->text->len + length > MAX_CELL_CHARS &&
       g_utf8_strlen (r->text->str, r->text->len) + g_utf8_strlen (text, length) > MAX_CELL_CHARS))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("The workbook has a text of more than %d characters, more than Excel allows in a cell: "
                     "it is damaged or not a table of results."), MAX_CELL_CHARS);
      return;
    }
  g_string_append_len (r->text, text, (gssize) length);
}

/* ---- relationships (*.rels) ---- */

static void
rels_start (GMarkupParseContext *context, const char *element, const char **names,
            const char **values, gpointer data, GError **error)
{
  Reader *r = data;
  const char *local;
  const char *uri;

  if (!enter (r, names, values, error))
    return;
  uri = ns_resolve (&r->ns, element, &local);
  if (uri == PACKAGE_RELS_NS && g_str_equal (local, "Relationship"))
    {
      const char *id = attr (names, values, "Id");
      const char *target = attr (names, values, "Target");
      const char *type = attr (names, values, "Type");
      const char *slash = type ? strrchr (type, '/') : NULL;

      if (id == NULL || target == NULL)
        return;
      /* the first of an id counts (a second one is damage, but harmless) */
      if (!g_hash_table_contains (r->rel_targets, id))
        g_hash_table_insert (r->rel_targets, g_strdup (id), g_strdup (target));
      if (slash != NULL && !g_hash_table_contains (r->rel_types, slash + 1))
        g_hash_table_insert (r->rel_types, g_strdup (slash + 1), g_strdup (target));
    }
}

static void
any_end (GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
  ns_leave (&((Reader *) data)->ns);
}

/* ---- workbook.xml ---- */

static void
workbook_start (GMarkupParseContext *context, const char *element, const char **names,
                const char **values, gpointer data, GError **error)
{
  Reader *r = data;

  if (!enter (r, names, values, error))
    return;
  if (!is_element (&r->ns, element, "sheet"))
    return;
  r->has_sheets = TRUE;
  if (r->sheet_rid == NULL &&
      (r->wanted_sheet == NULL || g_strcmp0 (attr (names, values, "name"), r->wanted_sheet) == 0))
    {
      const char *rid = rel_attr (&r->ns, names, values, "id");

      if (rid == NULL)
        set_damaged (error, _("a sheet has no relationship id"));
      else
        r->sheet_rid = g_strdup (rid);
    }
}

/* ---- sharedStrings.xml ---- */

static void
strings_start (GMarkupParseContext *context, const char *element, const char **names,
               const char **values, gpointer data, GError **error)
{
  Reader *r = data;

  if (!enter (r, names, values, error))
    return;
  if (is_element (&r->ns, element, "si"))
    {
      r->in_si = TRUE;
      g_string_truncate (r->text, 0);
    }
  else if (is_element (&r->ns, element, "rPh"))
    r->in_rph = TRUE;  /* a phonetic reading: not part of the text */
  else if (r->in_si && !r->in_rph && is_element (&r->ns, element, "t"))
    r->in_value = TRUE;
}

static void
strings_end (GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
  Reader *r = data;

  if (is_element (&r->ns, element, "si") && r->in_si)
    {
      guint32 start = (guint32) r->strings->len;

      r->in_si = FALSE;
      if (r->string_starts->len >= MAX_STRINGS || r->strings->len + r->text->len + 1 > MAX_TEXT)
        {
          g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                       _("The workbook holds more text than an import of results can mean: "
                         "split it into several files."));
        }
      else
        {
          g_array_append_val (r->string_starts, start);
          g_string_append_len (r->strings, r->text->str, (gssize) r->text->len + 1);
        }
    }
  else if (is_element (&r->ns, element, "rPh"))
    r->in_rph = FALSE;
  else if (is_element (&r->ns, element, "t"))
    r->in_value = FALSE;
  ns_leave (&r->ns);
}

/* ---- the sheet ---- */

/* "BC12" → column 54 (0-based) and row 12; FALSE when it is not a
 * reference Excel could write. */
static gboolean
parse_ref (const char *ref,
           int        *column,
           guint      *row)
{
  int c = 0, letters = 0;
  guint n = 0, digits = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p) && letters < 3; p++, letters++)
    c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  for (; g_ascii_isdigit (*p) && digits < 7; p++, digits++)
    n = n * 10 + (guint) (*p - '0');
  if (letters == 0 || c > MAX_COLUMNS || *p != '\0' || (digits > 0 && (n == 0 || n > MAX_ROWS)))
    return FALSE;
  *column = c - 1;
  *row = n;
  return TRUE;
}

static gboolean
parse_row_number (const char *text,
                  guint      *row)
{
  guint n = 0, digits = 0;

  for (; g_ascii_isdigit (*text) && digits < 8; text++, digits++)
    n = n * 10 + (guint) (*text - '0');
  if (digits == 0 || *text != '\0' || n == 0 || n > MAX_ROWS)
    return FALSE;
  *row = n;
  return TRUE;
}

static void
sheet_start (GMarkupParseContext *context, const char *element, const char **names,
             const char **values, gpointer data, GError **error)
{
  Reader *r = data;
  const char *local;

  if (!enter (r, names, values, error))
    return;
  if (!main_element (&r->ns, element, &local))
    return;
  if (g_str_equal (local, "row"))
    {
      const char *number = attr (names, values, "r");
      guint row = r->row_number + 1;

      if (number != NULL && !parse_row_number (number, &row))
        {
          set_damaged (error, _("a row has the number “%.20s”"), number);
          return;
        }
      if (row <= r->row_number || row > MAX_ROWS)
        {
          set_damaged (error, _("row %u comes after row %u"), row, r->row_number);
          return;
        }
      r->row_number = row;
      r->column = -1;
      r->in_row = TRUE;
      ns_set_kind (&r->ns, KIND_ROW);
      shnor_table_begin_row (r->table, r->row_number);
    }
  else if (r->in_row && g_str_equal (local, "c"))
    {
      const char *ref = attr (names, values, "r");
      const char *type = attr (names, values, "t");
      int column = r->column + 1;
      guint row = 0;

      if (ref != NULL && !parse_ref (ref, &column, &row))
        {
          set_damaged (error, _("row %u has a cell “%.20s”"), r->row_number, ref);
          return;
        }
      if (column <= r->column || column >= MAX_COLUMNS)
        {
          set_damaged (error, _("row %u has the cell %.20s twice or out of order"), r->row_number, ref ? ref : "");
          return;
        }
      r->column = column;
      r->cell_type = g_strcmp0 (type, "s") == 0 ? 's' : g_strcmp0 (type, "inlineStr") == 0 ? 'i' : 'n';
      r->in_cell = TRUE;
      r->has_value = FALSE;
      r->numeric = type == NULL || g_str_equal (type, "n");
      r->has_formula = FALSE;
      g_string_truncate (r->text, 0);
      ns_set_kind (&r->ns, KIND_C);
    }
  else if (r->in_cell && g_str_equal (local, "v"))
    {
      r->in_value = r->has_value = TRUE;
      ns_set_kind (&r->ns, KIND_V);
    }
  else if (r->in_cell && g_str_equal (local, "f"))
    r->has_formula = TRUE;
  else if (r->in_cell && g_str_equal (local, "is"))
    {
      r->in_inline = TRUE;
      ns_set_kind (&r->ns, KIND_IS);
    }
  else if (r->in_inline && g_str_equal (local, "rPh"))
    {
      r->in_rph = TRUE;
      ns_set_kind (&r->ns, KIND_RPH);
    }
  else if (r->in_inline && !r->in_rph && g_str_equal (local, "t"))
    {
      r->in_value = r->has_value = TRUE;
      ns_set_kind (&r->ns, KIND_T);
    }
  else if (g_str_equal (local, "mergeCell"))
    {
      const char *ref = attr (names, values, "ref");
      g_auto(GStrv) corners = ref ? g_strsplit (ref, ":", 3) : NULL;
      Merge m;
      int last_column;

      if (corners == NULL || g_strv_length (corners) != 2 || !parse_ref (corners[0], (int *) &m.column, &m.first_row) ||
          !parse_ref (corners[1], &last_column, &m.last_row) || m.first_row == 0 || m.last_row < m.first_row)
        {
          set_damaged (error, _("the merged cells “%.40s” are not a range"), ref ? ref : "");
          return;
        }
      if (r->merges->len >= MAX_MERGES)
        {
          set_damaged (error, _("it has more than %d ranges of merged cells"), MAX_MERGES);
          return;
        }
      if (m.last_row > m.first_row)
        g_array_append_val (r->merges, m);
    }
}

/* The cell's text: the value, or the shared string it names. */
static const char *
cell_text (Reader  *r,
           GError **error)
{
  guint64 index;
  char *end;

  if (!r->has_value)
    return "";  /* <c t="s"/> is an empty cell, not the first text */
  if (r->cell_type != 's')
    return r->text->str;
  index = g_ascii_strtoull (r->text->str, &end, 10);
  if (r->text->len == 0 || *end != '\0' || !g_ascii_isdigit (r->text->str[0]) || index >= r->string_starts->len)
    {
      char letters[LXW_MAX_COL_NAME_LENGTH];

      lxw_col_to_name (letters, (lxw_col_t) r->column, 0);
      set_damaged (error, _("the cell %s%u refers to a text “%.20s” that the workbook does not have"),
                   letters, r->row_number, r->text->str);
      return NULL;
    }
  return r->strings->str + g_array_index (r->string_starts, guint32, index);
}

static void
put_cell (Reader  *r,
          GError **error)
{
  const char *value = cell_text (r, error);
  ShnorTable *table = r->table;
  gsize length;
  guint open;

  if (value == NULL)
    return;
  while (g_ascii_isspace (*value))
    value++;
  length = strlen (value);
  /* A formula whose value the program that saved the file did not compute
   * (a workbook written by a script): read as empty, it would erase what
   * it stands for. A text formula may compute to "" (t="str"). */
  if (r->has_formula && r->numeric && length == 0)
    {
      char letters[LXW_MAX_COL_NAME_LENGTH];

      lxw_col_to_name (letters, (lxw_col_t) r->column, 0);
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("The cell %s%u holds a formula without its computed value: open the file in a spreadsheet "
                     "program, let it compute the formulas and save it again."), letters, r->row_number);
      return;
    }
  /* empty cells only pad a later one; nothing right of the header row */
  if (length == 0 || (guint) r->column >= r->max_columns)
    return;
  open = table->open.n_cells;
  if ((gsize) table->n_cells + (guint) r->column - open + 1 > MAX_CELLS ||
      table->text_length + (guint) r->column - open + length + 1 > MAX_TEXT)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("The workbook holds more than %u million cells or %u MB of text: it is too large to import. "
                     "Split it into several files."), (guint) (MAX_CELLS / 1000000), (guint) (MAX_TEXT >> 20));
      return;
    }
  for (guint c = open; c < (guint) r->column; c++)
    shnor_table_add_cell (table, "", 0);
  shnor_table_add_stripped_cell (table, value, length);
}

static void
sheet_end (GMarkupParseContext *context, const char *element, gpointer data, GError **error)
{
  Reader *r = data;

  /* what the element was is known from its start: no name to compare */
  switch (ns_leave (&r->ns))
    {
    case KIND_V:
    case KIND_T:
      r->in_value = FALSE;
      break;
    case KIND_RPH:
      r->in_rph = FALSE;
      break;
    case KIND_IS:
      r->in_inline = FALSE;
      break;
    case KIND_C:
      if (r->in_cell)
        {
          r->in_cell = r->in_value = r->in_inline = r->in_rph = FALSE;
          put_cell (r, error);
        }
      break;
    case KIND_ROW:
      if (r->in_row)
        {
          r->in_row = FALSE;
          shnor_table_end_row (r->table);
          /* the first row with a value holds the headers: columns right
           * of its last are not read */
          if (r->by_header && r->table->rows->len == 1)
            r->max_columns = shnor_table_get_row (r->table, 0)->n_cells;
        }
      break;
    case KIND_OTHER:
    default:
      break;
    }
}

/* ---- parts ---- */

/* Whether no text or tag of @chunk (with the @run of bytes since the last
 * "<" before it) is longer than MAX_RUN: GMarkup holds each whole until it
 * ends, and a part of blanks that unpacks to a gigabyte is one. A chunk is
 * much shorter than MAX_RUN, so only a run across chunks can be too long:
 * the bytes after the chunk's last "<" are all that count. */
static gboolean
short_runs (const char *chunk,
            gsize       length,
            gsize      *run)
{
  const char *p = chunk + length;

  G_STATIC_ASSERT (CHUNK < MAX_RUN);
  while (p > chunk && p[-1] != '<')
    p--;
  *run = p > chunk ? (gsize) (chunk + length - p) : *run + length;
  return *run <= MAX_RUN;
}

/* Unpacks the part @name and parses it as it comes, in chunks. */
static gboolean
parse_part (unzFile              zip,
            const char          *name,
            const GMarkupParser *parser,
            Reader              *r,
            gboolean             required,
            GError             **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *chunk = NULL;
  gint64 total = 0;
  gsize run = 0;
  int got;

  if (unzLocateFile (zip, name, 0) != UNZ_OK)
    {
      if (required)
        g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                     _("The workbook is damaged or not an Excel workbook (“%s” is missing)."), name);
      return !required;
    }
  if (unzOpenCurrentFile (zip) != UNZ_OK)
    {
      set_damaged (error, _("“%s” cannot be unpacked"), name);
      return FALSE;
    }

  r->part = name;
  ns_clear (&r->ns);
  ns_init (&r->ns);
  chunk = g_malloc (CHUNK);
  context = g_markup_parse_context_new (parser, 0, r, NULL);
  while ((got = unzReadCurrentFile (zip, chunk, CHUNK)) > 0)
    {
      total += got;
      if (total > MAX_XML || !short_runs (chunk, (gsize) got, &run))
        {
          g_set_error (&local_error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                       _("The workbook is too large to import: “%s” unpacks to more than %d MB, or holds a text "
                         "of more than %d MB."), name, (int) (MAX_XML >> 20), MAX_RUN >> 20);
          break;
        }
      if (!g_markup_parse_context_parse (context, chunk, got, &local_error))
        break;
    }
  if (local_error == NULL && got < 0)
    set_damaged (&local_error, _("“%s” cannot be unpacked"), name);
  if (local_error == NULL)
    g_markup_parse_context_end_parse (context, &local_error);
  if (unzCloseCurrentFile (zip) == UNZ_CRCERROR && local_error == NULL)
    set_damaged (&local_error, _("“%s” does not match its checksum"), name);

  if (local_error == NULL)
    return TRUE;
  if (local_error->domain == SHNOR_ERROR)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                 _("The workbook is damaged: “%s” cannot be read."), name);
  return FALSE;
}

/* The part a relationship's @target names, from the folder of @source
 * ("xl/workbook.xml" + "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml";
 * "/xl/…" from the package's root; ".." goes up). */
static char *
resolve_target (const char *source,
                const char *target)
{
  g_autofree char *folder = NULL;
  g_auto(GStrv) segments = NULL;
  g_autoptr(GPtrArray) path = g_ptr_array_new ();

  if (target[0] == '/')
    segments = g_strsplit (target + 1, "/", -1);
  else
    {
      const char *slash = strrchr (source, '/');
      g_autofree char *joined = NULL;

      folder = slash ? g_strndup (source, (gsize) (slash - source)) : g_strdup ("");
      joined = g_strconcat (folder, "/", target, NULL);
      segments = g_strsplit (joined, "/", -1);
    }
  for (guint i = 0; segments[i]; i++)
    {
      if (segments[i][0] == '\0' || g_str_equal (segments[i], "."))
        continue;
      if (g_str_equal (segments[i], ".."))
        {
          if (path->len > 0)
            g_ptr_array_remove_index (path, path->len - 1);
          continue;
        }
      g_ptr_array_add (path, segments[i]);
    }
  g_ptr_array_add (path, NULL);
  return g_strjoinv ("/", (char **) path->pdata);
}

/* The relationships of @part ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels") */
static gboolean
read_rels (unzFile      zip,
           const char  *part,
           Reader      *r,
           GError     **error)
{
  static const GMarkupParser rels = { rels_start, any_end, NULL, NULL, NULL };
  const char *slash = strrchr (part, '/');
  g_autofree char *name = slash ? g_strdup_printf ("%.*s/_rels/%s.rels", (int) (slash - part), part, slash + 1)
                                : g_strdup_printf ("_rels/%s.rels", part);

  g_hash_table_remove_all (r->rel_targets);
  g_hash_table_remove_all (r->rel_types);
  return parse_part (zip, name, &rels, r, FALSE, error);
}

/* Merges by column, then row; then by their first row */
static int
compare_merges_by_column (gconstpointer a,
                          gconstpointer b)
{
  const Merge *x = a, *y = b;

  if (x->column != y->column)
    return x->column < y->column ? -1 : 1;
  return x->first_row < y->first_row ? -1 : x->first_row > y->first_row;
}

static int
compare_merges (gconstpointer a,
                gconstpointer b)
{
  const Merge *x = a, *y = b;

  return x->first_row < y->first_row ? -1 : x->first_row > y->first_row;
}

typedef struct {
  const Merge *merge;
  const char  *top;   /* the value of its first row; NULL: that row is empty */
} ActiveMerge;

/* Copies the value of the first row of each vertically merged range down
 * into the rows below it: a school's name merged over its rows belongs to
 * each of them. Only empty cells are filled, only in the header's
 * columns. Ranges never overlap in a workbook Excel would open, so a row
 * has at most one range a column, and the work is that of the cells. */
static ShnorTable *
fill_merges (Reader  *r,
             GError **error)
{
  ShnorTable *in = r->table;
  g_autoptr(ShnorTable) out = shnor_table_new (in->text_length + 1);
  g_autoptr(GArray) active = g_array_new (FALSE, FALSE, sizeof (ActiveMerge));
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  GArray *merges = r->merges;
  guint next = 0;

  g_array_sort (merges, compare_merges_by_column);
  for (guint m = 1; m < merges->len; m++)
    {
      const Merge *a = &g_array_index (merges, Merge, m - 1), *b = &g_array_index (merges, Merge, m);

      if (a->column == b->column && b->first_row <= a->last_row)
        {
          set_damaged (error, _("merged ranges overlap in rows %u to %u"), b->first_row, MIN (a->last_row, b->last_row));
          return NULL;
        }
    }
  g_array_sort (merges, compare_merges);

  for (guint i = 0; i < in->rows->len; i++)
    {
      const ShnorTableRow *row = shnor_table_get_row (in, i);

      while (next < merges->len && g_array_index (merges, Merge, next).first_row <= row->line)
        {
          const Merge *m = &g_array_index (merges, Merge, next++);
          ActiveMerge a = { m, NULL };

          if (m->column < r->max_columns)
            g_array_append_val (active, a);
        }
      g_ptr_array_set_size (cells, 0);
      for (guint c = 0; c < row->n_cells; c++)
        g_ptr_array_add (cells, (gpointer) shnor_table_get_cell (in, row, c));
      for (guint a = 0; a < active->len; )
        {
          ActiveMerge *am = &g_array_index (active, ActiveMerge, a);

          if (am->merge->last_row < row->line)
            {
              g_array_remove_index_fast (active, a);
              continue;
            }
          a++;
          if (am->merge->first_row == row->line)
            am->top = shnor_table_get_cell (in, row, am->merge->column);
          else if (am->top != NULL && am->top[0] != '\0')
            {
              while (cells->len <= am->merge->column)
                g_ptr_array_add (cells, (gpointer) "");
              if (((const char *) cells->pdata[am->merge->column])[0] == '\0')
                cells->pdata[am->merge->column] = (gpointer) am->top;
            }
        }
      if ((gsize) out->n_cells + cells->len > MAX_CELLS || out->text_length > MAX_TEXT)
        {
          g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                       _("The workbook holds more than %u million cells or %u MB of text: it is too large to import. "
                         "Split it into several files."), (guint) (MAX_CELLS / 1000000), (guint) (MAX_TEXT >> 20));
          return NULL;
        }
      shnor_table_begin_row (out, row->line);
      for (guint c = 0; c < cells->len; c++)
        shnor_table_add_cell (out, cells->pdata[c], strlen (cells->pdata[c]));
      shnor_table_end_row (out);
    }
  return g_steal_pointer (&out);
}

/* The sheet @name (NULL: the first); with @by_header, only the columns of
 * its header row (the first row with a value): what a table to import
 * can mean. */
static ShnorTable *
read_sheet (const char  *path,
            const char  *name,
            gboolean     by_header,
            GError     **error)
{
  static const GMarkupParser workbook = { workbook_start, any_end, NULL, NULL, NULL };
  static const GMarkupParser strings = { strings_start, strings_end, collect_text, NULL, NULL };
  static const GMarkupParser sheet = { sheet_start, sheet_end, collect_text, NULL, NULL };
  zlib_filefunc64_def funcs = { zopen, zread, zwrite, ztell, zseek, zclose, zerror, NULL };
  Reader r = { 0 };
  g_autofree char *workbook_part = NULL;
  g_autofree char *sheet_part = NULL;
  g_autofree char *strings_part = NULL;
  ShnorTable *result = NULL;
  unzFile zip;

  g_return_val_if_fail (path != NULL, NULL);

  /* a pipe or a device would block the read, or never end */
  if (!shnor_is_regular_file (path))
    {
      g_autofree char *shown = g_filename_display_basename (path);

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("“%s” is not an ordinary file (it is a folder, a pipe, a device or the like)."), shown);
      return NULL;
    }
  zip = unzOpen2_64 (path, &funcs);
  if (zip == NULL)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("The file is not an Excel workbook (XLSX) or is damaged."));
      return NULL;
    }

  ns_init (&r.ns);
  r.rel_targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.rel_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r.wanted_sheet = name;
  r.by_header = by_header;
  r.max_columns = MAX_COLUMNS;
  r.strings = g_string_new (NULL);
  r.string_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  r.text = g_string_new (NULL);
  r.merges = g_array_new (FALSE, FALSE, sizeof (Merge));
  r.table = shnor_table_new (0);

  /* the package names its workbook; Excel's name is the usual one */
  if (!read_rels (zip, "", &r, error))
    goto out;
  workbook_part = g_hash_table_contains (r.rel_types, "officeDocument")
                  ? resolve_target ("", g_hash_table_lookup (r.rel_types, "officeDocument"))
                  : g_strdup ("xl/workbook.xml");
  if (!parse_part (zip, workbook_part, &workbook, &r, TRUE, error) || !read_rels (zip, workbook_part, &r, error))
    goto out;
  if (name != NULL && r.sheet_rid == NULL)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("The workbook has no sheet “%s”."), name);
      goto out;
    }
  if (r.sheet_rid == NULL)
    {
      set_damaged (error, r.has_sheets ? _("its first sheet has no relationship") : _("it has no sheets"));
      goto out;
    }
  if (!g_hash_table_contains (r.rel_targets, r.sheet_rid))
    {
      set_damaged (error, _("the sheet’s relationship “%.20s” does not exist"), r.sheet_rid);
      goto out;
    }
  sheet_part = resolve_target (workbook_part, g_hash_table_lookup (r.rel_targets, r.sheet_rid));
  if (g_hash_table_contains (r.rel_types, "sharedStrings"))
    strings_part = resolve_target (workbook_part, g_hash_table_lookup (r.rel_types, "sharedStrings"));
  else
    strings_part = resolve_target (workbook_part, "sharedStrings.xml");

  if (!parse_part (zip, strings_part, &strings, &r, FALSE, error) ||
      !parse_part (zip, sheet_part, &sheet, &r, TRUE, error) || !shnor_table_check_size (r.table, error))
    goto out;

  result = r.merges->len > 0 ? fill_merges (&r, error) : g_steal_pointer (&r.table);

out:
  unzClose (zip);
  ns_clear (&r.ns);
  shnor_table_free (r.table);
  g_hash_table_unref (r.rel_targets);
  g_hash_table_unref (r.rel_types);
  g_string_free (r.strings, TRUE);
  g_array_unref (r.string_starts);
  g_string_free (r.text, TRUE);
  g_array_unref (r.merges);
  g_free (r.sheet_rid);
  return result;
}

/**
 * shnor_xlsx_read_sheet:
 * @name: (nullable): the sheet's name; %NULL for the first sheet
 *
 * Returns: the cells of the worksheet as text (numbers as written in the
 *   file, shared strings resolved, merged cells filled down), or %NULL
 *   with an error that says what is wrong with the file.
 */
ShnorTable *
shnor_xlsx_read_sheet (const char  *path,
                       const char  *name,
                       GError     **error)
{
  return read_sheet (path, name, FALSE, error);
}

/**
 * shnor_xlsx_read_first_sheet:
 *
 * The first sheet as a table to import: as shnor_xlsx_read_sheet(), but
 * the columns right of the header row's last are not read (nor padded to:
 * a cell at column XFD costs nothing).
 */
ShnorTable *
shnor_xlsx_read_first_sheet (const char  *path,
                             GError     **error)
{
  return read_sheet (path, NULL, TRUE, error);
}
