/* shnor-xlsx-export.h: a programme's appendices and the lists of schools
 * as XLSX workbooks */
#pragma once

#include <xlsxwriter.h>
#include "shnor-document.h"

G_BEGIN_DECLS

gboolean shnor_export_programme_xlsx (ShnorDocument  *document,
                                      gint64          programme_id,
                                      const char     *path,
                                      GError        **error);
gboolean shnor_export_roadmap_xlsx   (ShnorDocument  *document,
                                      gint64          programme_id,
                                      const char     *path,
                                      GError        **error);
gboolean shnor_export_lists_xlsx     (ShnorDocument  *document,
                                      const char     *path,
                                      GError        **error);
lxw_error shnor_xlsx_close           (lxw_workbook   *workbook);
const char *shnor_xlsx_strerror      (lxw_error       rc);
lxw_format *shnor_xlsx_new_format    (lxw_workbook   *workbook,
                                      const char     *font,
                                      double          size,
                                      gboolean        bold,
                                      gboolean        border);
const char *shnor_xlsx_fit_text      (const char     *text,
                                      char          **cut);
char    *shnor_xlsx_sheet_name       (GHashTable     *taken,
                                      const char     *wanted);

G_END_DECLS
