/* bench-region.c: Shnor at the size of a region — 1,500 schools, 10 years,
 * 91 results per school and year (1,365,000 rows) — each figure beside a
 * baseline measured in the same run (the machine is shared: compare the
 * ratios), whole processes, the median of --runs paired runs:
 *
 *  - `shnor --import-results` of the region's CSV into a file with the
 *    schools, against `sqlite3 .import` of the same CSV into a plain table:
 *    time and peak memory (target ratio ≤ 1.2, memory ≤ 64 MiB);
 *  - `shnor --classify` of the region (target ≤ 150 ms from a cold start of
 *    the process), and in a running process the classification from the
 *    stored sums against recomputing them from all results (≤ 50 ms);
 *  - `shnor --export-lists` against python3-xlsxwriter writing the same
 *    cells with the same formats (its input read with openpyxl first, in a
 *    process of its own, untimed) (target ratio ≤ 0.5);
 *  - the application opening the region's file until its window is mapped
 *    and until it is idle, against the same application without a file
 *    (with a display only: run under xvfb-run -a);
 *  - with --growth, the import at ¼, ½, 1 and 2 times the region, so that
 *    growth of time or memory shows.
 *
 * Usage: bench-region [--runs N] [--growth] [DIR]
 * Build: ninja -C build bench/bench-region bench/bench-startup src/shnor src/shnor-full */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "shnor-chart.h"
#include "shnor-derived.h"
#include "shnor-document-private.h"
#include "shnor-results-import.h"

#define N_YEARS    10
#define FIRST_YEAR 2017

static const char *subjects[] = {
  "Русский язык", "Математика", "Физика", "Химия", "Биология", "История", "Обществознание",
  "География", "Информатика", "Литература", "Английский язык",
};

typedef struct {
  double wall;   /* seconds */
  double cpu;    /* user + system seconds */
  double mib;    /* peak resident memory */
  char  *out;    /* what it printed */
} Run;

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static void
fail (const char *what)
{
  fprintf (stderr, "%s\n", what);
  exit (1);
}

/* Runs @argv as a process of its own, its output to a file; times it and
 * reads its peak memory from the kernel (wait4). */
static Run
run (char       **argv,
     const char  *dir)
{
  g_autofree char *out_path = g_build_filename (dir, "process.out", NULL);
  g_autofree char *t0 = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  Run r = { 0 };
  struct rusage usage;
  double start = now ();
  int status;
  pid_t pid;

  g_setenv ("SHNOR_BENCH_T0", t0, TRUE);
  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      FILE *out = freopen (out_path, "w", stdout);

      if (out == NULL)
        _exit (127);
      execvp (argv[0], argv);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_autofree char *command = g_strjoinv (" ", argv);
      g_autofree char *message = g_strdup_printf ("failed: %s", command);

      fail (message);
    }
  r.wall = now () - start;
  r.cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  r.mib = usage.ru_maxrss / 1024.0;
  g_file_get_contents (out_path, &r.out, NULL, NULL);
  return r;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The medians of @runs: wall, cpu, memory */
static void
medians (const Run *runs,
         guint      n,
         double    *wall,
         double    *cpu,
         double    *mib)
{
  g_autofree double *v = g_new (double, n);

  for (guint i = 0; i < n; i++)
    v[i] = runs[i].wall;
  *wall = median (v, n);
  for (guint i = 0; i < n; i++)
    v[i] = runs[i].cpu;
  *cpu = median (v, n);
  for (guint i = 0; i < n; i++)
    v[i] = runs[i].mib;
  *mib = median (v, n);
}

/* ≈91 results a school-year: ВПР grades 4–8 and 10–11 × 11 subjects (77),
 * ОГЭ × 7, ЕГЭ × 7; the file sorted by school, as offices export it. */
static guint
write_csv (const char *path,
           int         n_schools)
{
  FILE *f = g_fopen (path, "w");
  guint rows = 0;

  fprintf (f, "Код;Год;Вид;Предмет;Класс;Участники;Средний балл;Ниже порога;Высокие\n");
  for (int s = 0; s < n_schools; s++)
    for (int y = 0; y < N_YEARS; y++)
      {
        static const int vpr_grades[] = { 4, 5, 6, 7, 8, 10, 11 };

        for (guint g = 0; g < G_N_ELEMENTS (vpr_grades); g++)
          for (guint j = 0; j < G_N_ELEMENTS (subjects); j++, rows++)
            fprintf (f, "R%05d;%d;ВПР;%s;%d;%d;%d,%02d;%d;%d\n", s + 1, FIRST_YEAR + y, subjects[j],
                     vpr_grades[g], 20 + (s + j) % 30, 3 + (s + y + j) % 2, (s * 7 + j * 13 + y) % 100,
                     (s + j) % 4, 5 + (s + g) % 10);
        for (guint j = 0; j < 7; j++, rows++)
          fprintf (f, "R%05d;%d;ОГЭ;%s;9;%d;%d,%02d;%d;%d\n", s + 1, FIRST_YEAR + y, subjects[j],
                   15 + (s + j) % 25, 3 + (s + j) % 2, (s * 3 + y) % 100, (s + y) % 3, 4 + j);
        for (guint j = 0; j < 7; j++, rows++)
          fprintf (f, "R%05d;%d;ЕГЭ;%s;11;%d;%d,%d;%d;%d\n", s + 1, FIRST_YEAR + y, subjects[j],
                   10 + (s + j) % 20, 45 + (s * 11 + j * 5 + y) % 40, (s + y) % 10, (s + j) % 3, 2 + j % 4);
      }
  fclose (f);
  return rows;
}

/* A file with the region's schools (codes R00001…) and their context data,
 * without results: what the import starts from. */
static void
make_schools (const char *path,
              int         n_schools)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = NULL;

  g_unlink (path);
  doc = shnor_document_create (path, &error);
  if (doc == NULL)
    fail (error->message);
  shnor_document_begin_edit (doc, "region", &error);
  for (int s = 0; s < n_schools; s++)
    {
      g_autofree char *name = g_strdup_printf ("Школа № %d", s + 1);
      g_autofree char *code = g_strdup_printf ("R%05d", s + 1);
      g_autofree char *share = g_strdup_printf ("%d", (s * 37) % 70);
      gint64 id = shnor_document_add_school (doc, name, &error);

      shnor_document_set_school_field (doc, id, "code", code, &error);
      shnor_document_add_context_year (doc, id, FIRST_YEAR + N_YEARS - 1, &error);
      shnor_document_set_context_field (doc, id, FIRST_YEAR + N_YEARS - 1, "pupils", "500", &error);
      shnor_document_set_context_field (doc, id, FIRST_YEAR + N_YEARS - 1, "share_low_income", share, &error);
      shnor_document_set_context_field (doc, id, FIRST_YEAR + N_YEARS - 1, "share_low_education", share, &error);
    }
  shnor_document_end_edit (doc, &error);
  if (error != NULL)
    fail (error->message);
}

typedef struct {
  double shnor_wall, shnor_cpu, shnor_mib;
  double sqlite_wall, sqlite_cpu, sqlite_mib;
} Import;

/* Paired runs: Shnor's import and sqlite3's, in turns (which goes first
 * alternates), each on a fresh copy. */
static Import
bench_import (const char *dir,
              const char *shnor,
              const char *csv,
              const char *schools,
              const char *file,
              guint       n_runs)
{
  g_autofree char *plain = g_build_filename (dir, "plain.sqlite", NULL);
  g_autofree char *import_arg = g_strdup_printf (".import %s r", csv);
  g_autofree Run *mine = g_new0 (Run, n_runs);
  g_autofree Run *theirs = g_new0 (Run, n_runs);
  char *shnor_argv[] = { (char *) shnor, (char *) "--import-results", (char *) csv, (char *) file, NULL };
  char *sqlite_argv[] = { (char *) "sqlite3", plain, (char *) ".mode csv", (char *) ".separator ;", import_arg, NULL };
  Import m;

  for (guint i = 0; i < n_runs; i++)
    for (guint k = 0; k < 2; k++)
      if ((k + i) % 2 == 0)
        {
          g_autofree char *contents = NULL;
          gsize length;

          g_unlink (file);
          if (!g_file_get_contents (schools, &contents, &length, NULL) ||
              !g_file_set_contents (file, contents, (gssize) length, NULL))
            fail ("copying the file of schools failed");
          mine[i] = run (shnor_argv, dir);
        }
      else
        {
          g_unlink (plain);
          theirs[i] = run (sqlite_argv, dir);
        }
  medians (mine, n_runs, &m.shnor_wall, &m.shnor_cpu, &m.shnor_mib);
  medians (theirs, n_runs, &m.sqlite_wall, &m.sqlite_cpu, &m.sqlite_mib);
  for (guint i = 0; i < n_runs; i++)
    {
      g_free (mine[i].out);
      g_free (theirs[i].out);
    }
  return m;
}

/* ---- in one process --------------------------------------------------- */

/* Opens @file; the classification from the stored sums (a document's
 * first), against recomputing the sums from all results, medians of
 * @n_runs; also undo and redo of the import, the municipal means and
 * dynamics of every assessment, and 100 charts. */
static void
bench_in_process (const char *file,
                  guint       n_runs)
{
  g_autofree double *from_sums = g_new (double, n_runs);
  g_autofree double *from_results = g_new (double, n_runs);
  g_autoptr(GError) error = NULL;
  guint low = 0;

  for (guint i = 0; i < n_runs; i++)
    {
      g_autoptr(ShnorDocument) doc = shnor_document_open (file, &error);
      g_autoptr(ShnorClassification) cls = NULL;
      g_autoptr(GArray) list = NULL;
      g_autoptr(ShnorDerived) derived = NULL;
      double t0;

      if (doc == NULL)
        fail (error->message);
      t0 = now ();
      cls = shnor_document_classify (doc);
      from_sums[i] = now () - t0;
      list = shnor_classification_list_group (cls, SHNOR_GROUP_LOW);
      low = list->len;
      t0 = now ();
      derived = shnor_derived_compute (shnor_document_get_db (doc), &error);
      from_results[i] = now () - t0;
      if (derived == NULL)
        fail (error->message);
    }
  printf ("classify in a running process (the file opened, nothing read yet): %.1f ms from the stored sums; "
          "recomputing the sums from all results %.0f ms; %u ШНОР (target ≤ 50 ms)\n",
          median (from_sums, n_runs) * 1000, median (from_results, n_runs) * 1000, low);

  {
    g_autoptr(ShnorDocument) doc = shnor_document_open (file, &error);
    g_auto(GStrv) assessments = NULL;
    cairo_surface_t *surface;
    double t0, t_undo, t_redo, t_means, t_charts = 0;

    if (doc == NULL)
      fail (error->message);
    /* the import was the last edit of another process: one made here */
    t0 = now ();
    assessments = shnor_document_list_assessments (doc);
    for (guint i = 0; assessments[i]; i++)
      {
        g_auto(GStrv) p = g_strsplit (assessments[i], "\t", 3);
        g_autoptr(GArray) years = shnor_document_get_assessment_years (doc, p[0], p[1], atoi (p[2]));
        g_autoptr(GArray) recent = shnor_document_get_assessment_results (doc, p[0], p[1], atoi (p[2]),
                                                                           FIRST_YEAR + N_YEARS - 3);
      }
    t_means = now () - t0;
    surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 450);
    for (int i = 0; i < 100; i++)
      {
        g_autoptr(ShnorChartData) data = shnor_chart_data_for_school (doc, i + 1, "ЕГЭ", "Математика", 11, 3);
        cairo_t *cr = cairo_create (surface);
        double t1 = now ();

        shnor_chart_draw (cr, 800, 450, data);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        t_charts += now () - t1;
      }
    cairo_surface_destroy (surface);
    printf ("municipal means and three-year results of %u assessments: %.2f s; 100 charts 800×450: %.2f ms each\n",
            g_strv_length (assessments), t_means, t_charts * 10);

    {
      ShnorResult r = { 0 };

      r.school_id = 1;
      r.year = FIRST_YEAR + N_YEARS - 1;
      shnor_result_set_names (&r, "ОГЭ", "Математика");
      r.grade = 9;
      r.participants = 25;
      r.has_mean = TRUE;
      r.mean = 3.1;
      t0 = now ();
      if (!shnor_document_set_result (doc, &r, &error))
        fail (error->message);
      t_undo = now () - t0;
      t0 = now ();
      if (!shnor_document_undo (doc, &error))
        fail (error->message);
      t_redo = now () - t0;
      printf ("one result edited in the region (its assessment-year's sums kept up to date): %.0f ms, "
              "undone %.0f ms\n", t_undo * 1000, t_redo * 1000);
    }
  }
}

/* ---- the lists: Shnor against python3-xlsxwriter ----------------------- */

static const char python_dump[] =
  "import sys, json, openpyxl\n"
  "src = openpyxl.load_workbook(sys.argv[1])\n"
  "sheets = []\n"
  "for s in src.worksheets:\n"
  "    rows = [[c.value for c in r] for r in s.iter_rows()]\n"
  "    heights = {i - 1: d.height for i, d in s.row_dimensions.items() if d.height}\n"
  "    widths = [s.column_dimensions[openpyxl.utils.get_column_letter(c + 1)].width or 9 for c in range(s.max_column)]\n"
  "    merged = [str(m) for m in s.merged_cells.ranges]\n"
  "    sheets.append((s.title, rows, heights, widths, merged))\n"
  "json.dump(sheets, open(sys.argv[2], 'w'), ensure_ascii=False)\n"
  "print(sum(1 for s in sheets for row in s[1] for v in row if v is not None))\n";

/* The same cells as Shnor's: with their formats (font, borders, wrapping,
 * the number format), the merged mark and title, the row heights and the
 * page set-up. */
static const char python_write[] =
  "import sys, json, xlsxwriter\n"
  "sheets = json.load(open(sys.argv[1]))\n"
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
  "        sheet.set_row(int(r), h)\n"
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
  "book.close()\n";

static void
bench_lists (const char *dir,
             const char *shnor,
             const char *file,
             guint       n_runs)
{
  g_autofree char *lists = g_build_filename (dir, "lists.xlsx", NULL);
  g_autofree char *copy = g_build_filename (dir, "lists-python.xlsx", NULL);
  g_autofree char *dump = g_build_filename (dir, "lists.json", NULL);
  g_autofree char *dump_py = g_build_filename (dir, "dump.py", NULL);
  g_autofree char *write_py = g_build_filename (dir, "write.py", NULL);
  g_autofree Run *mine = g_new0 (Run, n_runs);
  g_autofree Run *theirs = g_new0 (Run, n_runs);
  char *shnor_argv[] = { (char *) shnor, (char *) "--export-lists", lists, (char *) file, NULL };
  char *dump_argv[] = { (char *) "/usr/bin/python3", dump_py, lists, dump, NULL };
  char *write_argv[] = { (char *) "/usr/bin/python3", write_py, dump, copy, NULL };
  double wall[2], cpu[2], mib[2];
  Run cells;

  g_file_set_contents (dump_py, python_dump, -1, NULL);
  g_file_set_contents (write_py, python_write, -1, NULL);
  g_unlink (lists);
  mine[0] = run (shnor_argv, dir);
  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      printf ("--export-lists: %.3f s (python3 with openpyxl and xlsxwriter is needed for the baseline)\n",
              mine[0].wall);
      return;
    }
  cells = run (dump_argv, dir);
  for (guint i = 0; i < n_runs; i++)
    for (guint k = 0; k < 2; k++)
      if ((k + i) % 2 == 0)
        {
          g_free (mine[i].out);
          g_unlink (lists);
          mine[i] = run (shnor_argv, dir);
        }
      else
        {
          g_unlink (copy);
          theirs[i] = run (write_argv, dir);
        }
  medians (mine, n_runs, &wall[0], &cpu[0], &mib[0]);
  medians (theirs, n_runs, &wall[1], &cpu[1], &mib[1]);
  printf ("--export-lists of the region (%d cells): Shnor %.3f s (%.3f s of processor), python3-xlsxwriter writing "
          "the same cells %.3f s (%.3f s): ratio %.2f, of processor time %.2f (target ≤ 0.5)\n", atoi (cells.out),
          wall[0], cpu[0], wall[1], cpu[1], wall[0] / wall[1], cpu[0] / cpu[1]);
  g_free (cells.out);
}

/* ---- the window ------------------------------------------------------- */

static void
bench_window (const char *dir,
              const char *startup,
              const char *file,
              guint       n_runs)
{
  const char *what[] = { file, "--welcome", "--empty" };
  double mapped[3][16], filled[3][16], longest[3][16], painted[3][16], mib[3][16], cpu[3][16];

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("the window: no display (run under xvfb-run -a)\n");
      return;
    }
  n_runs = MIN (n_runs, 16);
  for (guint i = 0; i < n_runs; i++)
    for (guint k = 0; k < 3; k++)
      {
        char *argv[] = { (char *) startup, (char *) what[(k + i) % 3], NULL };
        Run r = run (argv, dir);
        guint w = (k + i) % 3;

        if (sscanf (r.out, "%lf %lf %lf %lf", &mapped[w][i], &filled[w][i], &longest[w][i], &painted[w][i]) != 4)
          fail ("bench-startup printed nothing");
        mib[w][i] = r.mib;
        cpu[w][i] = r.cpu;
        g_free (r.out);
      }
  printf ("the application opening the region: window mapped %.3f s, first painted %.3f s, idle %.3f s "
          "(busy at most %.3f s at once), %.0f MiB, %.3f s of processor until idle; without a file: %.3f s, %.3f s, "
          "%.3f s, %.0f MiB, %.3f s; a bare GTK window: %.3f s, %.3f s, %.0f MiB, %.3f s (target ≤ 0.5 s, ≤ 100 MiB)\n",
          median (mapped[0], n_runs), median (painted[0], n_runs), median (filled[0], n_runs),
          median (longest[0], n_runs), median (mib[0], n_runs), median (cpu[0], n_runs),
          median (mapped[1], n_runs), median (painted[1], n_runs), median (filled[1], n_runs), median (mib[1], n_runs),
          median (cpu[1], n_runs), median (mapped[2], n_runs), median (painted[2], n_runs), median (mib[2], n_runs),
          median (cpu[2], n_runs));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *bin = g_path_get_dirname (argv[0]);
  g_autofree char *shnor = g_build_filename (bin, "..", "src", "shnor", NULL);
  g_autofree char *startup = g_build_filename (bin, "bench-startup", NULL);
  static const double scales[] = { 1, 0.25, 0.5, 2 };
  guint n_runs = 3;
  gboolean growth = FALSE;
  int i;

  for (i = 1; i < argc && argv[i][0] == '-'; i++)
    if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
      {
        int runs = atoi (argv[++i]);

        n_runs = (guint) CLAMP (runs, 1, 15);
      }
    else if (g_str_equal (argv[i], "--growth"))
      growth = TRUE;
    else
      fail ("usage: bench-region [--runs N] [--growth] [DIR]");
  dir = i < argc ? g_strdup (argv[i]) : g_dir_make_tmp ("shnor-bench-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0755);
  if (!g_file_test (shnor, G_FILE_TEST_IS_EXECUTABLE))
    fail ("build src/shnor first: ninja -C build src/shnor");
  printf ("medians of %u paired runs, whole processes; folder %s\n", n_runs, dir);

  for (guint s = 0; s < (growth ? G_N_ELEMENTS (scales) : 1); s++)
    {
      int n_schools = (int) (1500 * scales[s]);
      g_autofree char *name = g_strdup_printf ("region-%g", scales[s]);
      g_autofree char *csv = g_strdup_printf ("%s/%s.csv", dir, name);
      g_autofree char *schools = g_strdup_printf ("%s/%s-schools.shnor", dir, name);
      g_autofree char *file = g_strdup_printf ("%s/%s.shnor", dir, name);
      guint rows = write_csv (csv, n_schools);
      Import m;

      make_schools (schools, n_schools);
      m = bench_import (dir, shnor, csv, schools, file, n_runs);
      printf ("import %g× the region (%d schools, %u rows): Shnor %.2f s (%.2f s of processor), %.0f MiB; "
              "sqlite3 .import %.2f s (%.2f s), %.0f MiB; ratio %.2f (target ≤ 1.2, ≤ 64 MiB)\n",
              scales[s], n_schools, rows, m.shnor_wall, m.shnor_cpu, m.shnor_mib, m.sqlite_wall, m.sqlite_cpu,
              m.sqlite_mib, m.shnor_wall / m.sqlite_wall);
      fflush (stdout);
      if (s > 0)
        continue;

      {
        char *classify_argv[] = { shnor, (char *) "--classify", file, NULL };
        char *check_argv[] = { (char *) "sqlite3", file, (char *) "SELECT count(*) FROM school", NULL };
        g_autofree Run *mine = g_new0 (Run, n_runs);
        g_autofree Run *theirs = g_new0 (Run, n_runs);
        double wall[2], cpu[2], mib[2];

        for (guint r = 0; r < n_runs; r++)
          {
            mine[r] = run (classify_argv, dir);
            theirs[r] = run (check_argv, dir);
            g_free (mine[r].out);
            g_free (theirs[r].out);
          }
        medians (mine, n_runs, &wall[0], &cpu[0], &mib[0]);
        medians (theirs, n_runs, &wall[1], &cpu[1], &mib[1]);
        printf ("--classify of the region, a whole process: %.3f s (%.3f s of processor), %.0f MiB; sqlite3 counting "
                "its schools %.3f s (%.3f s) (target ≤ 0.15 s)\n", wall[0], cpu[0], mib[0], wall[1], cpu[1]);
      }
      bench_in_process (file, n_runs);
      bench_lists (dir, shnor, file, n_runs);
      bench_window (dir, startup, file, n_runs);
      fflush (stdout);
    }
  return 0;
}
