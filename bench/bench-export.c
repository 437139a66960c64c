/* bench-export.c: the XLSX appendices at size.
 *
 * Prints, in one run (compare the ratio, not the seconds):
 *  - a programme with 500 road-map measures and 60 participating schools
 *    exported to XLSX (target ≤ 0.3 s) and its order to PDF (≤ 1 s);
 *  - the identification lists of a region (1,500 schools, three years of
 *    results and context) exported by Shnor against python3-xlsxwriter
 *    writing the same cells with the same formats, merges, row heights
 *    and page set-up (target ratio ≤ 0.3: Shnor's time over Python's is
 *    the figure; the workbook is read back with openpyxl first, untimed).
 *
 * Usage: bench-export [DIR]   (default: a new folder under /tmp) */
#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "shnor-document.h"
#include "shnor-order.h"
#include "shnor-xlsx-export.h"

#define N_SCHOOLS     60
#define N_MEASURES    500
#define REGION        1500

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static void
check (GError *error)
{
  if (error != NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
}

static gint64
make_programme (ShnorDocument *doc)
{
  g_autoptr(GError) error = NULL;
  gint64 id, section = 0, last = 0;

  shnor_document_begin_edit (doc, "bench", &error);
  id = shnor_document_add_programme (doc, SHNOR_TEMPLATE_MUNICIPAL_SUPPORT, 0, 2026, &error);
  for (int s = 0; s < N_SCHOOLS; s++)
    {
      g_autofree char *name = g_strdup_printf ("МБОУ «Средняя общеобразовательная школа № %d»", s + 1);
      gint64 school = shnor_document_add_school (doc, name, &error);

      shnor_document_set_programme_school (doc, id, school, TRUE, &error);
    }
  for (int m = 0; m < N_MEASURES; m++)
    {
      g_autofree char *title = g_strdup_printf ("Мероприятие %d: методический семинар для педагогов школ программы "
                                                "по итогам мониторинга", m + 1);
      gboolean new_section = m % 20 == 0;
      gint64 measure = shnor_document_add_measure (doc, id, new_section ? section : last, title, &error);

      if (new_section)
        section = last = measure;
      else
        {
          if (last == section)
            shnor_document_indent_measure (doc, measure, &error);
          last = measure;
          shnor_document_set_measure_field (doc, measure, "end_month", "12.2026", &error);
          shnor_document_set_measure_field (doc, measure, "forms", "семинар, консультации", &error);
          shnor_document_set_measure_levels (doc, measure, 1 + m % 7, &error);
        }
    }
  shnor_document_end_edit (doc, &error);
  check (error);
  return id;
}

/* A region: schools with three years of context and of one assessment */
static void
make_region (ShnorDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) results = g_array_new (FALSE, TRUE, sizeof (ShnorResult));

  shnor_document_begin_edit (doc, "region", &error);
  for (int s = 0; s < REGION; s++)
    {
      g_autofree char *name = g_strdup_printf ("Школа № %d", s + 1);
      g_autofree char *code = g_strdup_printf ("R%04d", s + 1);
      gint64 id = shnor_document_add_school (doc, name, &error);

      shnor_document_set_school_field (doc, id, "code", code, &error);
      for (int y = 2024; y <= 2026; y++)
        {
          g_autofree char *share = g_strdup_printf ("%d", 10 + (s * 7 + y) % 60);
          ShnorResult r = { id, y, "ОГЭ", "Математика", 9, 30, TRUE, 3.0 + ((s * 13 + y) % 20) / 10.0, TRUE,
                            (s + y) % 8, TRUE, 10 };

          shnor_document_add_context_year (doc, id, y, &error);
          shnor_document_set_context_field (doc, id, y, "share_low_income", share, &error);
          shnor_document_set_context_field (doc, id, y, "share_low_education", share, &error);
          g_array_append_val (results, r);
        }
    }
  shnor_document_put_results (doc, (ShnorResult *) (gpointer) results->data, results->len, "region", &error);
  shnor_document_end_edit (doc, &error);
  check (error);
}

/* Python writes the same cells as Shnor does: with their formats (font,
 * borders, wrapping, the number format), the merged mark and title, the
 * row heights and the page set-up; the values are read back with openpyxl
 * first, untimed. */
static const char python[] =
  "import sys, time, openpyxl, xlsxwriter\n"
  "src = openpyxl.load_workbook(sys.argv[1])\n"
  "sheets = []\n"
  "for s in src.worksheets:\n"
  "    rows = [[c.value for c in r] for r in s.iter_rows()]\n"
  "    heights = {i - 1: d.height for i, d in s.row_dimensions.items() if d.height}\n"
  "    widths = [s.column_dimensions[openpyxl.utils.get_column_letter(c + 1)].width or 9 for c in range(s.max_column)]\n"
  "    merged = [str(m) for m in s.merged_cells.ranges]\n"
  "    sheets.append((s.title, rows, heights, widths, merged))\n"
  "t = time.perf_counter()\n"
  "book = xlsxwriter.Workbook(sys.argv[2])\n"
  "base = {'font_name': 'Times New Roman', 'font_size': 11, 'text_wrap': True, 'valign': 'top'}\n"
  "text = book.add_format(dict(base, border=1))\n"
  "number = book.add_format(dict(base, border=1, num_format='0.##'))\n"
  "head = book.add_format(dict(base, border=1, bold=True, align='center', bg_color='#EEEEEE'))\n"
  "mark = book.add_format(dict(base, align='right'))\n"
  "title = book.add_format(dict(base, bold=True, font_size=13, align='center'))\n"
  "for name, rows, heights, widths, merged in sheets:\n"
  "    sheet = book.add_worksheet(name)\n"
  "    sheet.set_paper(9); sheet.set_landscape(); sheet.fit_to_pages(1, 0); sheet.repeat_rows(4)\n"
  "    sheet.set_footer('&C&P / &N')\n"
  "    for c, w in enumerate(widths):\n"
  "        sheet.set_column(c, c, w)\n"
  "    for r, h in heights.items():\n"
  "        sheet.set_row(r, h)\n"
  "    for m in merged[:2]:\n"
  "        sheet.merge_range(m, rows[0][0] if m.startswith('A1') else rows[2][0], mark if m.startswith('A1') else title)\n"
  "    for i, row in enumerate(rows[4:], start=4):\n"
  "        for j, v in enumerate(row):\n"
  "            if i == 4:\n"
  "                sheet.write(i, j, v, head)\n"
  "            elif isinstance(v, (int, float)):\n"
  "                sheet.write_number(i, j, v, number)\n"
  "            elif v is None:\n"
  "                sheet.write_blank(i, j, None, number)\n"
  "            else:\n"
  "                sheet.write_string(i, j, v, text)\n"
  "book.close()\n"
  "print('%.4f %d %d' % (time.perf_counter() - t, sum(len(s[1]) - 5 for s in sheets),\n"
  "      sum(1 for s in sheets for row in s[1] for v in row if v is not None)))\n";

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = argc > 1 ? g_strdup (argv[1]) : g_dir_make_tmp ("shnor-bench-export-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "programme.shnor", NULL);
  g_autofree char *region_file = g_build_filename (dir, "region.shnor", NULL);
  g_autofree char *out = g_build_filename (dir, "programme.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (dir, "order.pdf", NULL);
  g_autofree char *lists = g_build_filename (dir, "lists.xlsx", NULL);
  g_autofree char *copy = g_build_filename (dir, "lists-python.xlsx", NULL);
  g_autofree char *script = g_build_filename (dir, "write.py", NULL);
  g_autofree char *command = NULL;
  g_autofree char *py_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = NULL;
  g_autoptr(ShnorDocument) region = NULL;
  double best = 1e9, best_pdf = 1e9, best_lists = 1e9, py_time = 0;
  gint64 id;
  int cells = 0, list_rows = 0;

  g_unlink (file);
  g_unlink (region_file);
  doc = shnor_document_create (file, &error);
  check (error);
  id = make_programme (doc);
  for (int i = 0; i < 5; i++)
    {
      double t0 = now ();

      if (!shnor_export_programme_xlsx (doc, id, out, &error))
        check (error);
      best = MIN (best, now () - t0);
    }
  printf ("programme with %d measures and %d schools to XLSX: %.3f s (best of 5; target <= 0.3)\n", N_MEASURES,
          N_SCHOOLS, best);
  for (int i = 0; i < 3; i++)
    {
      double t0 = now ();

      if (!shnor_export_order_pdf (doc, id, pdf, &error))
        check (error);
      best_pdf = MIN (best_pdf, now () - t0);
    }
  {
    g_autoptr(ShnorOrder) order = shnor_order_new (doc, id, &error);

    printf ("the same programme's order with its appendices to PDF: %.3f s, %u pages (best of 3; target <= 1)\n",
            best_pdf, order ? shnor_order_get_n_pages (order) : 0);
  }

  region = shnor_document_create (region_file, &error);
  check (error);
  make_region (region);
  shnor_classification_unref (shnor_document_classify (region));   /* the metrics and groups, untimed */
  for (int i = 0; i < 7; i++)
    {
      double t0 = now ();

      if (!shnor_export_lists_xlsx (region, lists, &error))
        check (error);
      best_lists = MIN (best_lists, now () - t0);
    }
  g_file_set_contents (script, python, -1, NULL);
  command = g_strdup_printf ("/usr/bin/python3 '%s' '%s' '%s'", script, lists, copy);
  if (g_spawn_command_line_sync (command, &py_out, NULL, NULL, &error) && py_out != NULL &&
      sscanf (py_out, "%lf %d %d", &py_time, &list_rows, &cells) == 3 && py_time > 0)
    printf ("region lists (%d schools, %d rows: all, then the four groups, %d cells): Shnor %.3f s, "
            "python3-xlsxwriter %.3f s, ratio %.2f (target <= 0.3)\n", REGION, list_rows, cells, best_lists, py_time,
            best_lists / py_time);
  else
    printf ("region lists: Shnor %.3f s (python3-xlsxwriter with openpyxl is needed for the ratio)\n", best_lists);
  return 0;
}
