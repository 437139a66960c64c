/* shnor-bank-export.c: the catalogue of the municipal bank of best
 * practices (seed 003: «Положение о муниципальном банке лучших практик»)
 * as an XLSX workbook ready to print — a title, the date it is valid for,
 * a bordered table with wrapped text repeating its header on every A4
 * page, page numbers — and the folder a department hands over: the
 * catalogue beside a folder of each practice's materials, linked from it.
 * The catalogue is a document: its text is Russian whatever the locale. */
#define G_LOG_DOMAIN "shnor-export"

#include "config.h"
#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "shnor-bank-export.h"
#include "shnor-error.h"
#include "shnor-appendix-plan.h"
#include "shnor-files.h"
#include "shnor-fonts.h"
#include "shnor-network.h"
#include "shnor-number.h"
#include "shnor-xlsx-export.h"

#define CATALOGUE_NAME "Каталог банка лучших практик.xlsx"
#define MATERIALS "Материалы"

static const struct {
  const char *head;
  double      width;
} columns[] = {
  { "№ п/п", 4 }, { "Название практики", 26 }, { "Образовательная организация, авторы", 22 },
  { "Предметы, классы", 14 }, { "Направление", 14 }, { "Описание", 40 }, { "Результаты и их подтверждение", 32 },
  { "Дата добавления", 11 }, { "Статус", 11 }, { "Материалы", 22 },
};

/* The columns by what they hold */
enum { COL_NUMBER, COL_TITLE, COL_WHO, COL_SUBJECTS, COL_DIRECTION, COL_DESCRIPTION, COL_RESULTS, COL_ADDED,
       COL_STATUS, COL_MATERIALS };

static const char * const status_words[SHNOR_N_PRACTICE_STATUSES] = {
  "предложена", "рассмотрена", "включена в банк",
};

typedef struct {
  lxw_workbook  *workbook;
  lxw_worksheet *sheet;
  lxw_format    *title;
  lxw_format    *subtitle;
  lxw_format    *head;
  lxw_format    *text;
  lxw_format    *centre;
  lxw_format    *date;
  lxw_format    *link;
} Catalogue;

static void
catalogue_formats (Catalogue     *c,
                   ShnorDocument *document)
{
  g_autofree char *setting = shnor_document_dup_setting (document, "document_font");
  g_autofree char *font = shnor_fonts_resolve (setting);   /* the face of the order */

  c->title = shnor_xlsx_new_format (c->workbook, font, 10, TRUE, FALSE);
  format_set_font_size (c->title, 14);
  format_set_align (c->title, LXW_ALIGN_CENTER);
  c->subtitle = shnor_xlsx_new_format (c->workbook, font, 10, FALSE, FALSE);
  format_set_font_size (c->subtitle, 12);
  format_set_align (c->subtitle, LXW_ALIGN_CENTER);
  c->head = shnor_xlsx_new_format (c->workbook, font, 10, TRUE, TRUE);
  format_set_align (c->head, LXW_ALIGN_CENTER);
  format_set_align (c->head, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (c->head, 0xEEEEEE);
  c->text = shnor_xlsx_new_format (c->workbook, font, 10, FALSE, TRUE);
  c->centre = shnor_xlsx_new_format (c->workbook, font, 10, FALSE, TRUE);
  format_set_align (c->centre, LXW_ALIGN_CENTER);
  c->date = shnor_xlsx_new_format (c->workbook, font, 10, FALSE, TRUE);
  format_set_num_format (c->date, "dd.mm.yyyy");
  format_set_align (c->date, LXW_ALIGN_CENTER);
  c->link = shnor_xlsx_new_format (c->workbook, font, 10, FALSE, TRUE);
  format_set_font_color (c->link, LXW_COLOR_BLUE);
  format_set_underline (c->link, LXW_UNDERLINE_SINGLE);
}

static void
sheet_begin (Catalogue     *c,
             ShnorDocument *document)
{
  g_autofree char *municipality = shnor_document_dup_setting (document, "municipality");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d.%m.%Y");
  g_autofree char *subtitle = municipality[0] ? g_strdup_printf ("%s, по состоянию на %s", municipality, today)
                                              : g_strdup_printf ("По состоянию на %s", today);
  lxw_col_t last = G_N_ELEMENTS (columns) - 1;

  c->sheet = workbook_add_worksheet (c->workbook, "Каталог");
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    worksheet_set_column (c->sheet, (lxw_col_t) i, (lxw_col_t) i, columns[i].width, NULL);
  worksheet_set_paper (c->sheet, 9);                 /* A4 */
  worksheet_set_landscape (c->sheet);
  worksheet_fit_to_pages (c->sheet, 1, 0);           /* the width of one page */
  worksheet_set_margins (c->sheet, 0.79, 0.39, 0.79, 0.79);
  worksheet_set_footer (c->sheet, "&C&P / &N");
  worksheet_repeat_rows (c->sheet, 3, 3);
  worksheet_merge_range (c->sheet, 0, 0, 0, last, "Каталог муниципального банка лучших практик", c->title);
  worksheet_set_row (c->sheet, 0, 22, NULL);
  worksheet_merge_range (c->sheet, 1, 0, 1, last, subtitle, c->subtitle);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    worksheet_write_string (c->sheet, 3, (lxw_col_t) i, columns[i].head, c->head);
  worksheet_set_row (c->sheet, 3, 30, NULL);
}

static void
put (Catalogue  *c,
     lxw_row_t   row,
     lxw_col_t   col,
     const char *text,
     int        *lines)
{
  g_autofree char *cut = NULL;

  /* a string cell, never a formula, whatever the text starts with */
  worksheet_write_string (c->sheet, row, col, shnor_xlsx_fit_text (text ? text : "", &cut), c->text);
  *lines = MAX (*lines, shnor_doc_estimate_lines (text ? text : "", columns[col].width));
}

/* The practice's materials: their names and sizes, one a line. */
static char *
materials_text (const ShnorPracticeCard *card)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < card->files->len; i++)
    {
      const ShnorAttachment *a = &g_array_index (card->files, ShnorAttachment, i);
      g_autofree char *number = a->size < 1024 * 1024 ? shnor_number_format ((a->size + 1023) / 1024, 0, 0)
                                                      : shnor_number_format (a->size / 1048576.0, 1, SHNOR_NUMBER_TRIM);
      g_autofree char *size = g_strconcat (number, a->size < 1024 * 1024 ? " КБ" : " МБ", NULL);

      g_string_append_printf (text, "%s%s (%s)", text->len ? "\n" : "", a->name, size);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The folder of a practice's materials: "007 Тьюторское сопровождение". */
static char *
practice_folder (guint       number,
                 const char *title)
{
  g_autofree char *clean = shnor_attachment_clean_name (title);
  g_autofree char *head = g_utf8_strlen (clean, -1) > 60 ? g_utf8_substring (clean, 0, 60) : g_strdup (clean);
  char *space = g_utf8_strlen (clean, -1) > 60 ? strrchr (head, ' ') : NULL;

  /* a long title is cut at a word */
  if (space != NULL && space - head > 30)
    *space = '\0';
  g_strstrip (head);
  while (head[0] && strchr (".", head[strlen (head) - 1]))   /* Windows drops a trailing dot */
    head[strlen (head) - 1] = '\0';
  return g_strdup_printf ("%03u %s", number, head);
}

/* @a and @b with @between them, or the one that is not empty. */
static char *
joined (const char *a,
        const char *b,
        const char *between)
{
  if (a[0] == '\0' || b[0] == '\0')
    return g_strdup (a[0] ? a : b);
  return g_strconcat (a, between, b, NULL);
}

static void
put_row (Catalogue               *c,
         lxw_row_t                row,
         guint                    number,
         const ShnorPracticeCard *card,
         gboolean                 linked)
{
  guint n_fields;
  const ShnorField *fields = shnor_practice_fields (&n_fields);
  const char *results = card->texts[shnor_fields_index (fields, n_fields, "results")];
  const char *evidence = card->texts[shnor_fields_index (fields, n_fields, "evidence")];
  const char *added = card->texts[shnor_fields_index (fields, n_fields, "added")];
  g_autofree char *outcome = evidence[0] ? g_strdup_printf ("%s%sПодтверждение: %s", results, results[0] ? "\n" : "",
                                                          evidence)
                                         : g_strdup (results);
  g_autofree char *materials = materials_text (card);
  const char *authors = card->texts[shnor_fields_index (fields, n_fields, "authors")];
  const char *grades = card->texts[shnor_fields_index (fields, n_fields, "grades")];
  g_autofree char *who = joined (card->school_name, authors, "\n");
  g_autofree char *subjects = NULL;
  GDate date;
  int lines = 1;

  {
    g_autofree char *classes = grades[0] ? g_strdup_printf ("%s кл.", grades) : g_strdup ("");

    subjects = joined (card->texts[shnor_fields_index (fields, n_fields, "subjects")], classes, ", ");
  }
  worksheet_write_number (c->sheet, row, COL_NUMBER, number, c->centre);
  put (c, row, COL_TITLE, card->texts[shnor_fields_index (fields, n_fields, "title")], &lines);
  put (c, row, COL_WHO, who, &lines);
  put (c, row, COL_SUBJECTS, subjects, &lines);
  put (c, row, COL_DIRECTION, card->texts[shnor_fields_index (fields, n_fields, "direction")], &lines);
  put (c, row, COL_DESCRIPTION, card->texts[shnor_fields_index (fields, n_fields, "description")], &lines);
  put (c, row, COL_RESULTS, outcome, &lines);
  if (shnor_parse_date (added, &date))
    {
      lxw_datetime when = { g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0 };

      worksheet_write_datetime (c->sheet, row, COL_ADDED, &when, c->date);
    }
  else
    worksheet_write_string (c->sheet, row, COL_ADDED, "", c->date);
  put (c, row, COL_STATUS, status_words[card->status], &lines);
  if (linked && card->files->len > 0)
    {
      g_autofree char *folder = practice_folder (number, card->texts[shnor_fields_index (fields, n_fields, "title")]);
      g_autofree char *url = g_strdup_printf ("external:" MATERIALS "/%s", folder);

      worksheet_write_url_opt (c->sheet, row, COL_MATERIALS, url, c->link, materials,
                               "Открыть папку с материалами практики");
      lines = MAX (lines, shnor_doc_estimate_lines (materials, columns[COL_MATERIALS].width));
    }
  else
    put (c, row, COL_MATERIALS, materials, &lines);
  if (lines > 1)
    worksheet_set_row (c->sheet, row, 13.0 * lines + 3, NULL);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The ids of the practices to list, in the order they were added. */
static GArray *
practice_ids (ShnorDocument *document,
              int            status)
{
  g_autoptr(GListModel) list = shnor_document_search_practices (document, NULL, NULL, NULL, status);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShnorPractice) p = g_list_model_get_item (list, i);
      gint64 id = shnor_practice_get_id (p);

      g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_ids);
  return ids;
}

static gboolean
write_catalogue (ShnorDocument  *document,
                 int             status,
                 const char     *path,
                 gboolean        linked,
                 GError        **error)
{
  g_autofree char *part = shnor_part_path (path);
  g_autoptr(GArray) ids = practice_ids (document, status);
  Catalogue c = { 0 };
  lxw_error rc;

  if (!shnor_check_not_database (path, error))
    return FALSE;
  g_unlink (part);
  c.workbook = workbook_new (part);
  if (c.workbook == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The file “%s” could not be written: %s."), name,
                   g_strerror (errno));
      return FALSE;
    }
  {
    g_autofree char *authority = shnor_document_dup_setting (document, "authority");
    lxw_doc_properties properties = { .title = "Каталог муниципального банка лучших практик",
                                      .author = authority[0] ? authority : "Shnor", .company = authority };

    workbook_set_properties (c.workbook, &properties);
  }
  catalogue_formats (&c, document);
  sheet_begin (&c, document);
  for (guint i = 0; i < ids->len; i++)
    {
      ShnorPracticeCard card;

      if (!shnor_document_get_practice (document, g_array_index (ids, gint64, i), &card))
        continue;
      put_row (&c, 4 + i, i + 1, &card, linked);
      shnor_practice_card_clear (&card);
    }
  rc = shnor_xlsx_close (c.workbook);
  if (rc != LXW_NO_ERROR)
    {
      g_unlink (part);
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The workbook could not be written: %s."), shnor_xlsx_strerror (rc));
      return FALSE;
    }
  return shnor_commit_part (part, path, error);
}

/**
 * shnor_export_bank_xlsx:
 * @status: a #ShnorPracticeStatus, or -1 for every practice
 *
 * Writes the catalogue of the bank to @path.
 */
gboolean
shnor_export_bank_xlsx (ShnorDocument  *document,
                        int             status,
                        const char     *path,
                        GError        **error)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  return write_catalogue (document, status, path, FALSE, error);
}

/* ---- the folder ---------------------------------------------------------- */

static gboolean
make_folder (const char  *path,
             GError     **error)
{
  if (g_mkdir (path, 0755) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The folder “%s” could not be made: %s."), name,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Removes the folder @path with everything in it (our own ".part"
 * folder only). */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, entry, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_remove (path);
}

static gboolean
folder_is_empty (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  return dir != NULL && g_dir_read_name (dir) == NULL;
}

/* Every practice's files into "Материалы/NNN Title/". */
static gboolean
write_materials (ShnorDocument  *document,
                 GArray         *ids,
                 const char     *root,
                 GError        **error)
{
  g_autofree char *materials = g_build_filename (root, MATERIALS, NULL);
  guint n_fields;
  const ShnorField *fields = shnor_practice_fields (&n_fields);
  gboolean any = FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      ShnorPracticeCard card;
      g_autofree char *folder = NULL;
      g_autofree char *path = NULL;
      gboolean ok = TRUE;

      if (!shnor_document_get_practice (document, g_array_index (ids, gint64, i), &card))
        continue;
      if (card.files->len > 0)
        {
          folder = practice_folder (i + 1, card.texts[shnor_fields_index (fields, n_fields, "title")]);
          path = g_build_filename (materials, folder, NULL);
          ok = (any || make_folder (materials, error)) && make_folder (path, error);
          any = TRUE;
        }
      for (guint f = 0; ok && f < card.files->len; f++)
        {
          const ShnorAttachment *a = &g_array_index (card.files, ShnorAttachment, f);
          /* the name as Shnor gives it (no folder, no ".."), whatever the
           * file holds; a second file of the same name is never replaced */
          g_autofree char *clean = shnor_attachment_clean_name (a->name);
          g_autofree char *file = g_build_filename (path, clean, NULL);

          if (g_file_test (file, G_FILE_TEST_EXISTS))
            {
              g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                           _("The practice “%s” has two attached files named “%s”: rename one of them."),
                           card.texts[shnor_fields_index (fields, n_fields, "title")], clean);
              ok = FALSE;
            }
          else
            ok = shnor_document_save_attachment (document, a->id, file, error);
        }
      shnor_practice_card_clear (&card);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/**
 * shnor_export_bank_folder:
 * @folder: a new or empty folder
 *
 * Writes the catalogue and, in its folder «Материалы», the attached files
 * of every practice listed, each practice's in a folder of its own that
 * the catalogue links to. The folder is made beside the target and moved
 * into place when complete: a failure leaves nothing behind.
 */
gboolean
shnor_export_bank_folder (ShnorDocument  *document,
                          int             status,
                          const char     *folder,
                          GError        **error)
{
  g_autofree char *part = NULL;
  g_autofree char *catalogue = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GArray) ids = NULL;
  gboolean existed;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);
  name = g_filename_display_basename (folder);
  existed = g_file_test (folder, G_FILE_TEST_EXISTS);
  if (existed && (!g_file_test (folder, G_FILE_TEST_IS_DIR) || !folder_is_empty (folder)))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_EXISTS,
                   _("“%s” is not an empty folder: choose an empty or a new folder for the bank."), name);
      return FALSE;
    }
  part = shnor_part_path (folder);
  remove_tree (part);   /* what a crash left of an earlier export */
  if (!make_folder (part, error))
    return FALSE;
  ids = practice_ids (document, status);
  catalogue = g_build_filename (part, CATALOGUE_NAME, NULL);
  if (!write_catalogue (document, status, catalogue, TRUE, error) ||
      !write_materials (document, ids, part, error))
    {
      remove_tree (part);
      return FALSE;
    }
  if ((existed && g_rmdir (folder) != 0) || g_rename (part, folder) != 0)
    {
      int saved = errno;

      remove_tree (part);
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The folder “%s” could not be made: %s."), name,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
