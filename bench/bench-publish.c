/* bench-publish.c: a region of municipalities published into PostgreSQL
 * and consolidated there.
 *
 *   bench-publish                 40 municipalities × 50 schools × 10 years
 *                                 (25,000 results each, 1 million in all)
 *   bench-publish --country       2,500 municipalities × 16 schools × 10 years
 *                                 (40,000 schools, 20 million results)
 *   --uri URI                     a server of your own (PGPASSWORD for its
 *                                 password); without it, a server of the
 *                                 benchmark's own in a temporary folder,
 *                                 removed at the end
 *   --sample N                    compare with COPY every N-th municipality
 *                                 (default: every one; --country: every 25th)
 *
 * Each municipality is a copy of one generated file (the demo's schools,
 * programmes and road map, schools added up to the size, 50 results per
 * school and year), its ОКТМО and a few results changed. Prints, for the
 * sampled municipalities, the median time of a publication (reading the
 * file, then the transaction that replaces the municipality) against
 * PostgreSQL's own COPY of the same rows into the same tables in one
 * transaction (target: publication ≤ 2 × COPY); then the time of the
 * regional summary (the shipped view, target < 1 s at country size), a
 * municipality's lists, and the summary workbook. Medians of paired runs
 * in one process: compare ratios, not seconds, on a shared machine. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "shnor-demo.h"
#include "shnor-region.h"
#include "test-pg.h"
#include "test-util.h"

#define N_YEARS    10
#define FIRST_YEAR 2017

static const char *subjects[] = {
  "Русский язык", "Математика", "Физика", "Химия", "Биология", "История", "Обществознание", "Информатика",
};

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  return values->len % 2 ? g_array_index (values, double, values->len / 2)
                         : (g_array_index (values, double, values->len / 2 - 1) +
                            g_array_index (values, double, values->len / 2)) / 2;
}

static void
check (gboolean    ok,
       GError     *error)
{
  if (!ok)
    {
      g_printerr ("%s\n", error ? error->message : "failed");
      exit (1);
    }
}

/* 50 results a school-year: ВПР 4–8 × 7 subjects, ОГЭ × 7, ЕГЭ × 8 */
static GArray *
results_of (gint64 school_id,
            guint  s)
{
  GArray *results = g_array_new (FALSE, TRUE, sizeof (ShnorResult));

  for (int y = 0; y < N_YEARS; y++)
    {
      for (int grade = 4; grade <= 8; grade++)
        for (guint j = 0; j < 7; j++)
          {
            ShnorResult r = { school_id, FIRST_YEAR + y, "ВПР", "", grade, 20 + (s + j) % 30, TRUE,
                              3 + ((s * 7 + j * 13 + y) % 200) / 100.0, TRUE, (s + j) % 4, TRUE, 5 + (s + grade) % 10 };

            g_strlcpy (r.subject, subjects[j], sizeof r.subject);
            g_array_append_val (results, r);
          }
      for (guint j = 0; j < 7; j++)
        {
          ShnorResult r = { school_id, FIRST_YEAR + y, "ОГЭ", "", 9, 15 + (s + j) % 25, TRUE,
                            3 + ((s * 3 + y + j) % 200) / 100.0, TRUE, (s + y) % 3, TRUE, 4 + j };

          g_strlcpy (r.subject, subjects[j], sizeof r.subject);
          g_array_append_val (results, r);
        }
      for (guint j = 0; j < 8; j++)
        {
          ShnorResult r = { school_id, FIRST_YEAR + y, "ЕГЭ", "", 11, 10 + (s + j) % 20, TRUE,
                            45 + (s * 11 + j * 5 + y) % 40, TRUE, (s + j) % 3, TRUE, 2 + j % 4 };

          g_strlcpy (r.subject, subjects[j], sizeof r.subject);
          g_array_append_val (results, r);
        }
    }
  return results;
}

/* The demo, grown to @n_schools schools with 10 years of results each */
static void
make_template (const char *path,
               guint       n_schools)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) document = NULL;
  GListModel *schools;

  check (shnor_demo_write (path, &error), error);
  document = shnor_document_open (path, &error);
  check (document != NULL, error);
  schools = shnor_document_get_schools (document);
  check (shnor_document_begin_edit (document, "bench", &error), error);
  for (guint s = g_list_model_get_n_items (schools); s < n_schools; s++)
    {
      g_autofree char *name = g_strdup_printf ("МБОУ СОШ № %u", s + 1);
      g_autofree char *code = g_strdup_printf ("B%04u", s + 1);
      gint64 id = shnor_document_add_school (document, name, &error);

      check (id != 0 && shnor_document_set_school_field (document, id, "code", code, &error), error);
    }
  check (shnor_document_end_edit (document, &error), error);
  for (guint s = 0; s < g_list_model_get_n_items (schools); s++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, s);
      g_autoptr(GArray) results = results_of (shnor_school_get_id (school), s);

      check (shnor_document_put_results (document, (ShnorResult *) results->data, results->len, "bench", &error),
             error);
    }
}

/* Tables like the region's, indexes and all, for the baseline */
static void
make_copy_tables (PGconn               *conn,
                  ShnorPublicationData *data)
{
  const char *table;
  g_autoptr(GString) sql = g_string_new ("SET client_min_messages = warning; DROP SCHEMA IF EXISTS copybench CASCADE; CREATE SCHEMA copybench;");

  for (guint i = 0; shnor_publication_data_get_copy (data, i, &table) != NULL; i++)
    g_string_append_printf (sql, "CREATE TABLE copybench.%s (LIKE %s INCLUDING ALL);", strchr (table, '.') + 1,
                            table);
  PQclear (PQexec (conn, sql->str));
}

static void
empty_copy_tables (PGconn               *conn,
                   ShnorPublicationData *data)
{
  const char *table;
  g_autoptr(GString) sql = g_string_new ("TRUNCATE");

  for (guint i = 0; shnor_publication_data_get_copy (data, i, &table) != NULL; i++)
    g_string_append_printf (sql, "%s copybench.%s", i ? "," : "", strchr (table, '.') + 1);
  PQclear (PQexec (conn, sql->str));
}

/* PostgreSQL's own COPY of the same rows into tables like the region's
 * (empty: the baseline is the more favourable), in one transaction */
static double
copy_baseline (PGconn               *conn,
               ShnorPublicationData *data)
{
  const char *table;
  const GString *text;
  double start = now ();
  PGresult *res;

  PQclear (PQexec (conn, "BEGIN"));
  for (guint i = 0; (text = shnor_publication_data_get_copy (data, i, &table)) != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("COPY copybench.%s FROM STDIN", strchr (table, '.') + 1);

      res = PQexec (conn, sql);
      if (PQresultStatus (res) != PGRES_COPY_IN)
        g_error ("%s: %s", sql, PQerrorMessage (conn));
      PQclear (res);
      if (text->len > 0 && PQputCopyData (conn, text->str, (int) text->len) != 1)
        g_error ("%s", PQerrorMessage (conn));
      PQputCopyEnd (conn, NULL);
      res = PQgetResult (conn);
      if (PQresultStatus (res) != PGRES_COMMAND_OK)
        g_error ("%s: %s", sql, PQerrorMessage (conn));
      PQclear (res);
      while ((res = PQgetResult (conn)) != NULL)
        PQclear (res);
    }
  PQclear (PQexec (conn, "COMMIT"));
  {
    double elapsed = now () - start;

    empty_copy_tables (conn, data);
    return elapsed;
  }
}

static double
time_query (PGconn     *conn,
            const char *sql,
            int        *rows)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < 5; i++)
    {
      double start = now ();
      PGresult *res = PQexec (conn, sql);
      double t;

      if (PQresultStatus (res) != PGRES_TUPLES_OK)
        g_error ("%s: %s", sql, PQerrorMessage (conn));
      t = now () - start;
      *rows = PQntuples (res);
      PQclear (res);
      g_array_append_val (times, t);
    }
  return median (times);
}

int
main (int   argc,
      char *argv[])
{
  gboolean country = FALSE;
  g_autofree char *uri_option = NULL;
  int sample = 0;
  const GOptionEntry entries[] = {
    { "country", 0, 0, G_OPTION_ARG_NONE, &country, "2,500 municipalities, 20 million results", NULL },
    { "uri", 0, 0, G_OPTION_ARG_STRING, &uri_option, "a PostgreSQL server of your own", "URI" },
    { "sample", 0, 0, G_OPTION_ARG_INT, &sample, "compare with COPY every N-th municipality", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  guint n_municipalities, n_schools;
  TestPg *pg = NULL;
  const char *uri;
  const char *password;
  g_autofree char *dir = NULL;
  g_autofree char *template = NULL;
  g_autoptr(ShnorRegion) region = NULL;
  g_autoptr(GArray) t_read = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_send = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_copy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
  guint64 results = 0;
  double start_all;
  PGconn *conn;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  n_municipalities = country ? 2500 : 40;
  n_schools = country ? 16 : 50;
  if (sample <= 0)
    sample = country ? 25 : 1;

  dir = g_dir_make_tmp ("shnor-bench-publish-XXXXXX", NULL);
  if (uri_option == NULL)
    {
      g_autofree char *why = NULL;

      pg = test_pg_start (&why);
      if (pg == NULL)
        {
          g_printerr ("could not start PostgreSQL: %s\n", why);
          return 1;
        }
      uri = test_pg_uri (pg);
      password = test_pg_password (pg);
      g_print ("PostgreSQL of the benchmark's own on 127.0.0.1:%d (fsync off: both sides alike)\n",
               test_pg_port (pg));
    }
  else
    {
      uri = uri_option;
      password = g_getenv ("PGPASSWORD");
    }

  g_print ("%u municipalities × %u schools × %d years, 50 results a school-year\n", n_municipalities, n_schools,
           N_YEARS);
  template = g_build_filename (dir, "template.shnor", NULL);
  {
    double start = now ();

    make_template (template, n_schools);
    g_print ("generating the municipality file: %.2f s\n", now () - start);
  }

  region = shnor_region_connect (uri, password, TRUE, &error);
  check (region != NULL, error);
  {
    const char *keys[] = { "dbname", "password", NULL };
    const char *values[] = { uri, password, NULL };

    conn = PQconnectdbParams (keys, values, 1);
    if (PQstatus (conn) != CONNECTION_OK)
      g_error ("%s", PQerrorMessage (conn));
  }

  start_all = now ();
  for (guint m = 0; m < n_municipalities; m++)
    {
      g_autofree char *path = g_strdup_printf ("%s/m%04u.shnor", dir, m);
      g_autofree char *oktmo = g_strdup_printf ("%08u", 46000000 + m * 1000);
      g_autofree char *name = g_strdup_printf ("Муниципальный округ № %u", m + 1);
      g_autoptr(GFile) from = g_file_new_for_path (template);
      g_autoptr(GFile) to = g_file_new_for_path (path);
      g_autoptr(ShnorDocument) document = NULL;
      g_autoptr(ShnorPublicationData) data = NULL;
      ShnorPublication publication = { 0 };
      gboolean sampled = m % (guint) sample == 0;
      double t0, t1, t2, copy = 0;

      check (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error), error);
      document = shnor_document_open (path, &error);
      check (document != NULL, error);
      check (shnor_document_set_setting (document, "oktmo", oktmo, &error) &&
             shnor_document_set_setting (document, "municipality", name, &error), error);
      /* a few results of its own, so that the municipalities differ */
      {
        g_autoptr(ShnorSchool) school = g_list_model_get_item (shnor_document_get_schools (document),
                                                               m % n_schools);
        ShnorResult r = { shnor_school_get_id (school), FIRST_YEAR + N_YEARS - 1, "ЕГЭ", "Математика", 11,
                          10 + m % 30, TRUE, 30 + m % 50, TRUE, m % 5, TRUE, m % 3 };

        check (shnor_document_set_result (document, &r, &error), error);
      }

      t0 = now ();
      data = shnor_publication_data_new (document, &error);
      check (data != NULL, error);
      t1 = now ();
      if (m == 0)
        make_copy_tables (conn, data);
      if (sampled)
        copy = copy_baseline (conn, data);
      t2 = now ();
      check (shnor_region_send (region, data, NULL, NULL, &publication, &error), error);
      {
        double read = t1 - t0, send = now () - t2, total = read + send;

        results += publication.n_results;
        if (sampled)
          {
            double ratio = total / copy;

            g_array_append_val (t_read, read);
            g_array_append_val (t_send, send);
            g_array_append_val (t_total, total);
            g_array_append_val (t_copy, copy);
            g_array_append_val (ratios, ratio);
          }
      }
      shnor_publication_clear (&publication);
      g_clear_object (&document);
      g_unlink (path);
      if ((m + 1) % 100 == 0 || m + 1 == n_municipalities)
        {
          g_print ("  %u published, %" G_GUINT64_FORMAT " results, %.0f s\n", m + 1, results, now () - start_all);
          fflush (stdout);
        }
    }

  g_print ("\npublication of a municipality (%u sampled, %" G_GUINT64_FORMAT " results in all):\n", t_total->len,
           results);
  g_print ("  reading the file          %8.1f ms (median)\n", 1000 * median (t_read));
  g_print ("  the transaction           %8.1f ms\n", 1000 * median (t_send));
  g_print ("  publication in all        %8.1f ms\n", 1000 * median (t_total));
  g_print ("  COPY of the same rows     %8.1f ms   (baseline)\n", 1000 * median (t_copy));
  g_print ("  publication / COPY        %8.2f ×    (median of the paired ratios; target ≤ 2)\n", median (ratios));

  PQclear (PQexec (conn, "ANALYZE"));
  {
    int rows = 0;
    double summary = time_query (conn, "SELECT * FROM shnor.region_summary", &rows);
    g_autofree char *lists_sql = g_strdup_printf ("SELECT * FROM shnor.region_lists WHERE oktmo = '%08u'",
                                                  46000000 + (n_municipalities / 2) * 1000);
    double lists;
    double overdue;
    int list_rows = 0, overdue_rows = 0;

    lists = time_query (conn, lists_sql, &list_rows);
    overdue = time_query (conn, "SELECT * FROM shnor.region_overdue", &overdue_rows);
    g_print ("\nconsolidation in PostgreSQL (median of 5):\n");
    g_print ("  regional summary          %8.1f ms   (%d municipalities; target < 1000 ms)\n", 1000 * summary, rows);
    g_print ("  one municipality's lists  %8.1f ms   (%d schools)\n", 1000 * lists, list_rows);
    g_print ("  overdue measures, region  %8.1f ms   (%d measures)\n", 1000 * overdue, overdue_rows);
  }
  {
    g_autofree char *out = g_build_filename (dir, "Сводка.xlsx", NULL);
    double start = now ();

    check (shnor_region_write_summary (region, out, &error), error);
    g_print ("  the summary workbook      %8.1f ms\n", 1000 * (now () - start));
  }
  {
    PGresult *res = PQexec (conn, "SELECT pg_size_pretty (pg_database_size (current_database ()))");

    g_print ("  database size             %s\n", PQgetvalue (res, 0, 0));
    PQclear (res);
  }

  PQclear (PQexec (conn, "SET client_min_messages = warning; DROP SCHEMA copybench CASCADE"));
  PQfinish (conn);
  g_clear_pointer (&region, shnor_region_free);
  test_pg_stop (pg);
  test_rm_rf (dir);
  return 0;
}
