/* bench-region.c: Shnor at the size of a region — 1,500 schools, 10 years,
 * about 90 results per school and year (≈1.35 million rows).
 *
 * Prints, in one run on one machine (compare the ratios, not the seconds):
 *  - import of the generated CSV through Shnor vs `sqlite3 .import` of the
 *    same file into a plain table (target ratio ≤ 1.5);
 *  - opening the region file until the school list is loaded (≤ 0.5 s) and
 *    the peak memory of a process that only opens it (≤ 200 MB);
 *  - municipal means of every assessment and three-year dynamics of every
 *    school;
 *  - rendering 100 charts to an image surface (≤ 2 ms each).
 *
 * Usage: bench-region [DIR]   (default: a new folder under /tmp) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "shnor-chart.h"
#include "shnor-document.h"
#include "shnor-results-import.h"

#define N_SCHOOLS  1500
#define N_YEARS    10
#define FIRST_YEAR 2017

static const char *subjects[] = {
  "Русский язык", "Математика", "Физика", "Химия", "Биология", "История", "Обществознание",
  "География", "Информатика", "Литература", "Английский язык",
};

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* The peak resident size of this process. VmHWM, where Linux has it:
 * getrusage()'s figure keeps the forking parent's peak across exec. */
static long
peak_kb (void)
{
  g_autofree char *status = NULL;
  struct rusage usage;
  const char *hwm;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (hwm = strstr (status, "VmHWM:")) != NULL)
    return atol (hwm + strlen ("VmHWM:"));
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* ≈90 assessments a school-year: ВПР grades 4–8 and 10–11 × 11 subjects
 * (77), ОГЭ × 7, ЕГЭ × 7. */
static guint
write_csv (const char *path)
{
  FILE *f = g_fopen (path, "w");
  guint rows = 0;

  fprintf (f, "Код;Год;Вид;Предмет;Класс;Участники;Средний балл;Ниже порога;Высокие\n");
  for (int s = 0; s < N_SCHOOLS; s++)
    for (int y = 0; y < N_YEARS; y++)
      {
        static const int vpr_grades[] = { 4, 5, 6, 7, 8, 10, 11 };

        for (guint g = 0; g < G_N_ELEMENTS (vpr_grades); g++)
          for (guint j = 0; j < G_N_ELEMENTS (subjects); j++, rows++)
            fprintf (f, "R%04d;%d;ВПР;%s;%d;%d;%d,%02d;%d;%d\n", s + 1, FIRST_YEAR + y, subjects[j],
                     vpr_grades[g], 20 + (s + j) % 30, 3 + (s + y + j) % 2, (s * 7 + j * 13 + y) % 100,
                     (s + j) % 4, 5 + (s + g) % 10);
        for (guint j = 0; j < 7; j++, rows++)
          fprintf (f, "R%04d;%d;ОГЭ;%s;9;%d;%d,%02d;%d;%d\n", s + 1, FIRST_YEAR + y, subjects[j],
                   15 + (s + j) % 25, 3 + (s + j) % 2, (s * 3 + y) % 100, (s + y) % 3, 4 + j);
        for (guint j = 0; j < 7; j++, rows++)
          fprintf (f, "R%04d;%d;ЕГЭ;%s;11;%d;%d,%d;%d;%d\n", s + 1, FIRST_YEAR + y, subjects[j],
                   10 + (s + j) % 20, 45 + (s * 11 + j * 5 + y) % 40, (s + y) % 10, (s + j) % 3, 2 + j % 4);
      }
  fclose (f);
  return rows;
}

static ShnorDocument *
make_region (const char *path)
{
  g_autoptr(GError) error = NULL;
  ShnorDocument *doc = shnor_document_create (path, &error);

  g_assert_no_error (error);
  shnor_document_begin_edit (doc, "region", &error);
  for (int s = 0; s < N_SCHOOLS; s++)
    {
      g_autofree char *name = g_strdup_printf ("Школа № %d", s + 1);
      g_autofree char *code = g_strdup_printf ("R%04d", s + 1);
      gint64 id = shnor_document_add_school (doc, name, &error);

      shnor_document_set_school_field (doc, id, "code", code, &error);
      shnor_document_add_context_year (doc, id, 2026, &error);
      shnor_document_set_context_field (doc, id, 2026, "pupils", "500", &error);
    }
  shnor_document_end_edit (doc, &error);
  g_assert_no_error (error);
  return doc;
}

/* The child mode: open, load the list, report seconds and peak memory. */
static int
open_only (const char *path)
{
  double t0 = now ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = shnor_document_open (path, &error);

  if (doc == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("%.3f %u %ld\n", now () - t0, g_list_model_get_n_items (shnor_document_get_schools (doc)), peak_kb ());
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *file = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *sqlite_cmd = NULL;
  g_autofree char *open_cmd = NULL;
  g_autofree char *open_out = NULL;
  g_autoptr(ShnorDocument) doc = NULL;
  g_autoptr(ShnorImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  double t0, t_shnor, t_read, t_plan, t_sqlite, t_means, t_charts = 0, open_s;
  guint rows, n_schools;
  long open_kb;
  int status;

  if (argc == 3 && g_str_equal (argv[1], "--open-only"))
    return open_only (argv[2]);

  dir = argc > 1 ? g_strdup (argv[1]) : g_dir_make_tmp ("shnor-bench-XXXXXX", NULL);
  csv = g_build_filename (dir, "region.csv", NULL);
  file = g_build_filename (dir, "region.shnor", NULL);
  plain = g_build_filename (dir, "plain.sqlite", NULL);
  g_unlink (file);
  g_unlink (plain);

  rows = write_csv (csv);
  printf ("dataset: %d schools × %d years, %u result rows\n", N_SCHOOLS, N_YEARS, rows);

  /* sqlite3's own import of the same file into a plain table */
  sqlite_cmd = g_strdup_printf ("sqlite3 '%s' '.mode csv' '.separator ;' '.import %s r'", plain, csv);
  t0 = now ();
  if (!g_spawn_command_line_sync (sqlite_cmd, NULL, NULL, &status, &error) || status != 0)
    {
      fprintf (stderr, "sqlite3 .import failed: %s\n", error ? error->message : "exit status");
      return 1;
    }
  t_sqlite = now () - t0;

  doc = make_region (file);
  t0 = now ();
  {
    g_autoptr(ShnorTable) table = shnor_table_read_file (csv, &error);

    g_assert_no_error (error);
    t_read = now () - t0;
    plan = shnor_import_plan_new (doc, table);
  }
  t_plan = now () - t0;
  if (plan->problems->len > 0)
    {
      g_autofree char *first = shnor_import_problem_to_string (plan->problems->pdata[0]);

      fprintf (stderr, "%u problems, first: %s\n", plan->problems->len, first);
      return 1;
    }
  shnor_import_plan_apply (plan, doc, &error);
  g_assert_no_error (error);
  t_shnor = now () - t0;
  printf ("import: shnor %.2f s (reading the file %.2f s, checking the rows %.2f s, storing them %.2f s), "
          "sqlite3 .import %.2f s, ratio %.2f (target ≤ 1.5)\n",
          t_shnor, t_read, t_plan - t_read, t_shnor - t_plan, t_sqlite, t_shnor / t_sqlite);

  /* the import is one undo step: taking it back and doing it again */
  {
    double t_undo, t_redo;

    t0 = now ();
    g_assert_true (shnor_document_undo (doc, &error));
    t_undo = now () - t0;
    g_assert_no_error (error);
    t0 = now ();
    g_assert_true (shnor_document_redo (doc, &error));
    t_redo = now () - t0;
    g_assert_no_error (error);
    printf ("undo of the import %.2f s, redo %.2f s\n", t_undo, t_redo);
  }

  /* municipal means of every assessment, three-year dynamics of every school */
  t0 = now ();
  {
    g_auto(GStrv) assessments = shnor_document_list_assessments (doc);
    guint dynamics = 0;

    /* For every assessment: the municipal means of all years, and the
     * change of every school's mean over the last three years. */
    for (guint i = 0; assessments[i]; i++)
      {
        g_auto(GStrv) p = g_strsplit (assessments[i], "\t", 3);
        g_autoptr(GArray) years = shnor_document_get_assessment_years (doc, p[0], p[1], atoi (p[2]));
        g_autoptr(GArray) recent = shnor_document_get_assessment_results (doc, p[0], p[1], atoi (p[2]),
                                                                           FIRST_YEAR + N_YEARS - 3);

        g_assert_cmpuint (years->len, ==, N_YEARS);
        for (guint r = 2; r < recent->len; r++)
          {
            const ShnorResult *a = &g_array_index (recent, ShnorResult, r - 2);
            const ShnorResult *b = &g_array_index (recent, ShnorResult, r);

            if (a->school_id == b->school_id && b->year - a->year == 2 && a->has_mean && b->has_mean)
              dynamics++;
          }
      }
    t_means = now () - t0;
    printf ("means of %u assessments over %d years + three-year dynamics of %u school results: %.2f s\n",
            g_strv_length (assessments), N_YEARS, dynamics, t_means);
  }

  /* identification with the default criteria set: reading the metrics
   * (one scan of all results), then the classification itself, which is
   * all that runs again when a criterion is edited */
  {
    g_autoptr(ShnorCriteriaSet) set = shnor_document_dup_active_criteria_set (doc);
    double t_metrics, t_classify = G_MAXDOUBLE;
    const ShnorMetrics *metrics;
    guint low;

    t0 = now ();
    metrics = shnor_document_get_metrics (doc);
    t_metrics = now () - t0;
    for (int i = 0; i < 5; i++)
      {
        g_autoptr(ShnorClassification) cls = NULL;
        g_autoptr(GArray) list = NULL;

        t0 = now ();
        cls = shnor_classify (metrics, set);
        t_classify = MIN (t_classify, now () - t0);
        list = shnor_classification_list_group (cls, SHNOR_GROUP_LOW);
        low = list->len;
      }
    printf ("classify %u schools with the default set: %.1f ms (target ≤ 100; best of 5), "
            "after reading their metrics from the file once in %.0f ms; %u ШНОР\n",
            shnor_metrics_get_n_schools (metrics), t_classify * 1000, t_metrics * 1000, low);
  }

  /* 100 charts */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 450);
    double t_data = 0;

    for (int i = 0; i < 100; i++)
      {
        double t1 = now ();
        g_autoptr(ShnorChartData) data = shnor_chart_data_for_school (doc, i + 1, "ЕГЭ", "Математика", 11, 3);
        cairo_t *cr;

        t_data += now () - t1;
        t1 = now ();
        cr = cairo_create (surface);
        shnor_chart_draw (cr, 800, 450, data);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        t_charts += now () - t1;
      }
    cairo_surface_destroy (surface);
    printf ("100 charts 800×450: drawing %.2f ms each (target ≤ 2), gathering their data %.1f ms each\n",
            t_charts * 10, t_data * 10);
  }

  shnor_document_close (doc);
  open_cmd = g_strdup_printf ("'%s' --open-only '%s'", argv[0], file);
  if (!g_spawn_command_line_sync (open_cmd, &open_out, NULL, &status, &error) || status != 0 ||
      sscanf (open_out, "%lf %u %ld", &open_s, &n_schools, &open_kb) != 3)
    {
      fprintf (stderr, "opening the region file failed\n");
      return 1;
    }
  printf ("open the region file until the list of %u schools is loaded: %.3f s (target ≤ 0.5), "
          "peak memory %.0f MB (target ≤ 200)\n", n_schools, open_s, open_kb / 1024.0);
  {
    GStatBuf st;

    g_stat (file, &st);
    printf ("region file: %.0f MB\n", st.st_size / 1048576.0);
  }
  return 0;
}
