/* bench-xlsx.c: reading a region's results as an Excel workbook — the
 * largest sheet Excel holds, 1,048,500 rows of the region's CSV that
 * bench-region writes, with shared strings and cell references as Excel
 * saves them.
 *
 *   bench-xlsx write REGION.csv OUT.xlsx [ROWS]  writes the workbook
 *   bench-xlsx read OUT.xlsx               prints rows, seconds and the
 *                                          process's peak memory
 *
 * Run `read` a few times (the machine is noisy) and compare with the same
 * command built from another commit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "shnor-table.h"

#define ROWS 1048500

static long
peak_kb (void)
{
  g_autofree char *status = NULL;
  const char *hwm;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) && (hwm = strstr (status, "VmHWM:")) != NULL)
    return atol (hwm + strlen ("VmHWM:"));
  return 0;
}

static void
add_part (zipFile     zip,
          const char *name,
          GString    *text)
{
  zip_fileinfo info = { 0 };

  if (zipOpenNewFileInZip64 (zip, name, &info, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 6, 1) != ZIP_OK ||
      zipWriteInFileInZip (zip, text->str, (unsigned) text->len) != ZIP_OK || zipCloseFileInZip (zip) != ZIP_OK)
    {
      fprintf (stderr, "cannot write %s\n", name);
      exit (1);
    }
}

static void
column_name (guint  column,
             char  *out)
{
  char tmp[4];
  int n = 0;

  for (column++; column > 0; column = (column - 1) / 26)
    tmp[n++] = (char) ('A' + (column - 1) % 26);
  while (n > 0)
    *out++ = tmp[--n];
  *out = '\0';
}

static int
write_workbook (const char *csv,
                const char *out,
                guint       rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorTable) table = shnor_table_read_file (csv, &error);
  g_autoptr(GString) sheet = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                                           "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                                           " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                                           "<sheetData>");
  g_autoptr(GString) strings = g_string_new (NULL);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) part = NULL;
  zipFile zip;
  guint n_strings = 0;

  if (table == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < MIN (table->rows->len, rows + 1); i++)
    {
      const ShnorTableRow *row = shnor_table_get_row (table, i);

      g_string_append_printf (sheet, "<row r=\"%u\">", i + 1);
      for (guint c = 0; c < row->n_cells; c++)
        {
          const char *text = shnor_table_get_cell (table, row, c);
          char ref[8];
          char *end;

          column_name (c, ref);
          g_ascii_strtod (text, &end);
          if (text[0] != '\0' && *end == '\0' && text[0] != 'R')
            g_string_append_printf (sheet, "<c r=\"%s%u\"><v>%s</v></c>", ref, i + 1, text);
          else
            {
              gpointer id;

              if (!g_hash_table_lookup_extended (index, text, NULL, &id))
                {
                  id = GUINT_TO_POINTER (n_strings++);
                  g_hash_table_insert (index, (gpointer) text, id);
                  g_string_append_printf (strings, "<si><t>%s</t></si>", text);
                }
              g_string_append_printf (sheet, "<c r=\"%s%u\" t=\"s\"><v>%u</v></c>", ref, i + 1, GPOINTER_TO_UINT (id));
            }
        }
      g_string_append (sheet, "</row>");
    }
  g_string_append (sheet, "</sheetData></worksheet>");

  zip = zipOpen64 (out, APPEND_STATUS_CREATE);
  part = g_string_new ("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                       "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                       "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
  add_part (zip, "[Content_Types].xml", part);
  g_string_assign (part, "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
                   " Target=\"xl/workbook.xml\"/></Relationships>");
  add_part (zip, "_rels/.rels", part);
  g_string_assign (part, "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                   " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                   "<sheets><sheet name=\"Результаты\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  add_part (zip, "xl/workbook.xml", part);
  g_string_assign (part, "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
                   " Target=\"worksheets/sheet1.xml\"/>"
                   "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\""
                   " Target=\"sharedStrings.xml\"/></Relationships>");
  add_part (zip, "xl/_rels/workbook.xml.rels", part);
  g_string_printf (part, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"%u\""
                   " uniqueCount=\"%u\">%s</sst>", n_strings, n_strings, strings->str);
  add_part (zip, "xl/sharedStrings.xml", part);
  add_part (zip, "xl/worksheets/sheet1.xml", sheet);
  zipClose (zip, NULL);
  printf ("wrote %u rows, sheet XML %.0f MB\n", MIN (table->rows->len, rows + 1), sheet->len / 1048576.0);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if ((argc == 4 || argc == 5) && g_str_equal (argv[1], "write"))
    return write_workbook (argv[2], argv[3], argc == 5 ? (guint) atoi (argv[4]) : ROWS);
  if (argc == 3 && g_str_equal (argv[1], "read"))
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(ShnorTable) table = shnor_table_read_file (argv[2], &error);
      double seconds = (g_get_monotonic_time () - t0) / 1e6;

      if (table == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      printf ("read %u rows in %.2f s, peak memory %.0f MB\n", table->rows->len, seconds, peak_kb () / 1024.0);
      return 0;
    }
  fprintf (stderr, "usage: bench-xlsx write REGION.csv OUT.xlsx | bench-xlsx read OUT.xlsx\n");
  return 2;
}
