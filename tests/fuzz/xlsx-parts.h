/* xlsx-parts.h: a workbook written part by part, as the XLSX fuzzer and
 * the hostile files need it: any XML in any part, stored or deflated. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The sections of a fuzzer's input, in order, separated by this line;
 * a missing one takes the default of an ordinary workbook. */
#define XLSX_PARTS_SEPARATOR "\n@@\n"

typedef enum {
  XLSX_PART_SHEET,           /* xl/worksheets/sheet1.xml */
  XLSX_PART_STRINGS,         /* xl/sharedStrings.xml */
  XLSX_PART_WORKBOOK,        /* xl/workbook.xml */
  XLSX_PART_WORKBOOK_RELS,   /* xl/_rels/workbook.xml.rels */
  XLSX_PART_ROOT_RELS,       /* _rels/.rels */
  XLSX_N_PARTS
} XlsxPart;

gboolean xlsx_parts_write (const char        *path,
                           const char * const parts[XLSX_N_PARTS],
                           const gsize        lengths[XLSX_N_PARTS],
                           gboolean           deflate);
gboolean xlsx_parts_write_input (const char  *path,
                                 const char  *data,
                                 gsize        length);

G_END_DECLS
