/* shnor-import-template.c: the XLSX a school fills in for the import */
#define G_LOG_DOMAIN "shnor-import"

#include "config.h"
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "shnor-error.h"
#include "shnor-files.h"
#include "shnor-results-import.h"
#include "shnor-xlsx-export.h"

static const struct { const char *header; double width; const char *example; } template_columns[] = {
  { "Код", 10, "0301" },
  { "Школа", 40, "Гимназия № 1" },
  { "Год", 8, "2026" },
  { "Вид", 8, "ЕГЭ" },
  { "Предмет", 26, "Математика (профильный уровень)" },
  { "Класс", 8, "11" },
  { "Участники", 12, "42" },
  { "Средний балл", 14, "61,5" },
  { "Ниже порога", 13, "2" },
  { "Высокие", 11, "15" },
};

/*
 * shnor_import_write_template:
 *
 * Writes an XLSX with the headers the import recognises, an example row
 * and a note on each header; written to a temporary name and renamed, so
 * a failure leaves no half-written file.
 */
gboolean
shnor_import_write_template (const char  *path,
                             GError     **error)
{
  g_autofree char *part = shnor_part_path (path);
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_workbook *workbook = workbook_new_opt (part, &options);
  lxw_worksheet *sheet;
  lxw_format *bold;
  lxw_error rc;

  if (workbook == NULL)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The template cannot be written to this folder."));
      return FALSE;
    }
  sheet = workbook_add_worksheet (workbook, "Результаты");
  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  format_set_text_wrap (bold);
  for (guint c = 0; c < G_N_ELEMENTS (template_columns); c++)
    {
      worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, template_columns[c].width, NULL);
      worksheet_write_string (sheet, 0, (lxw_col_t) c, template_columns[c].header, bold);
      worksheet_write_string (sheet, 1, (lxw_col_t) c, template_columns[c].example, NULL);
    }
  worksheet_freeze_panes (sheet, 1, 0);
  worksheet_write_comment (sheet, 0, 3, "ЕГЭ, ОГЭ, ВПР или РДР");
  worksheet_write_comment (sheet, 0, 8, "Не преодолели минимальный порог (ЕГЭ) или получили «2»");
  worksheet_write_comment (sheet, 0, 9, "Высокие баллы (ЕГЭ) или отметки «4» и «5»");

  rc = shnor_xlsx_close (workbook);
  if (rc != LXW_NO_ERROR)
    {
      g_unlink (part);
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The template could not be written: %s."),
                   shnor_xlsx_strerror (rc));
      return FALSE;
    }
  return shnor_commit_part (part, path, error);
}
