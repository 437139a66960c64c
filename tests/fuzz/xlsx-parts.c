/* xlsx-parts.c: see xlsx-parts.h */
#include <string.h>
#include <zip.h>

#include "xlsx-parts.h"

static const char * const names[XLSX_N_PARTS] = {
  "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
  "_rels/.rels",
};

static const char * const defaults[XLSX_N_PARTS] = {
  "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>",
  NULL,
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
  " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<sheets><sheet name=\"Лист1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
  " Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\""
  " Target=\"sharedStrings.xml\"/></Relationships>",
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
  " Target=\"xl/workbook.xml\"/></Relationships>",
};

static const char content_types[] =
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/xl/workbook.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
  "<Override PartName=\"/xl/worksheets/sheet1.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>";

static gboolean
add (zipFile     zip,
     const char *name,
     const char *data,
     gsize       length,
     gboolean    deflate)
{
  zip_fileinfo info = { 0 };

  return zipOpenNewFileInZip64 (zip, name, &info, NULL, 0, NULL, 0, NULL, deflate ? Z_DEFLATED : 0,
                                deflate ? 9 : 0, length > 0xffffffffu) == ZIP_OK &&
         zipWriteInFileInZip (zip, data, (unsigned) length) == ZIP_OK && zipCloseFileInZip (zip) == ZIP_OK;
}

/* Writes a workbook of @parts (NULL: the default part; a sharedStrings
 * part only when given) to @path. */
gboolean
xlsx_parts_write (const char        *path,
                  const char * const parts[XLSX_N_PARTS],
                  const gsize        lengths[XLSX_N_PARTS],
                  gboolean           deflate)
{
  zipFile zip = zipOpen64 (path, APPEND_STATUS_CREATE);
  gboolean ok;

  if (zip == NULL)
    return FALSE;
  ok = add (zip, "[Content_Types].xml", content_types, strlen (content_types), deflate);
  for (guint i = 0; ok && i < XLSX_N_PARTS; i++)
    {
      const char *data = parts[i] ? parts[i] : defaults[i];

      if (data != NULL)
        ok = add (zip, names[i], data, parts[i] ? lengths[i] : strlen (data), deflate);
    }
  return zipClose (zip, NULL) == ZIP_OK && ok;
}

/* A fuzzer's input: the parts' texts separated by XLSX_PARTS_SEPARATOR,
 * the sheet first. */
gboolean
xlsx_parts_write_input (const char *path,
                        const char *data,
                        gsize       length)
{
  const char *parts[XLSX_N_PARTS] = { NULL };
  gsize lengths[XLSX_N_PARTS] = { 0 };
  const char *p = data, *end = data + length;
  gsize sep = strlen (XLSX_PARTS_SEPARATOR);

  for (guint i = 0; i < XLSX_N_PARTS && p <= end; i++)
    {
      const char *next = p;

      while (next + sep <= end && memcmp (next, XLSX_PARTS_SEPARATOR, sep) != 0)
        next++;
      if (next + sep > end)
        next = end;
      parts[i] = p;
      lengths[i] = (gsize) (next - p);
      p = next + sep;
    }
  return xlsx_parts_write (path, parts, lengths, FALSE);
}
