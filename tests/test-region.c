/* test-region.c: publishing to a real PostgreSQL server (started by this
 * test, see test-pg.c), the regional views and the summary workbook, and
 * the faults: a connection or a server lost in the middle of a
 * publication, wrong credentials, an unreachable host, a newer schema. */
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "shnor-demo.h"
#include "shnor-error.h"
#include "shnor-region.h"
#include "shnor-table.h"
#include "test-pg.h"
#include "test-util.h"

static TestPg *pg;
static char *skip_reason;
static char *tmpdir;

static gboolean
skipped (void)
{
  if (pg != NULL)
    return FALSE;
  g_test_skip (skip_reason);
  return TRUE;
}

static char *
new_database (void)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("region_%d", ++n);

  return test_pg_create_db (pg, name);
}

static PGconn *
connect_db (const char *uri)
{
  const char *keys[] = { "dbname", "password", NULL };
  const char *values[] = { uri, test_pg_password (pg), NULL };
  PGconn *conn = PQconnectdbParams (keys, values, 1);

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  return conn;
}

static char *
scalar (PGconn     *conn,
        const char *sql)
{
  PGresult *res = PQexec (conn, sql);
  char *value;

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  value = g_strdup (PQntuples (res) > 0 && !PQgetisnull (res, 0, 0) ? PQgetvalue (res, 0, 0) : "");
  PQclear (res);
  return value;
}

static void
exec_ok (PGconn     *conn,
         const char *sql)
{
  PGresult *res = PQexec (conn, sql);

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_COMMAND_OK);
  PQclear (res);
}

/* Everything the regional schema holds, as one text to compare: a
 * publication that failed must leave exactly this. */
static char *
fingerprint (const char *uri)
{
  static const char * const tables[] = {
    "municipality", "publication", "school", "school_context", "assessment", "result", "reference_mean",
    "risk_level", "indicator_value", "school_group", "school_reason", "programme", "programme_school", "measure",
    "measure_school", "programme_indicator", "programme_indicator_value", "schema_version",
  };
  PGconn *conn = connect_db (uri);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *exists = scalar (conn, "SELECT to_regclass ('shnor.schema_version') IS NOT NULL");

  if (g_str_equal (exists, "t"))
    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count (*) || ' ' || coalesce (md5 (string_agg (t::text, ','"
                                                " ORDER BY t::text)), '') FROM shnor.%s t", tables[i]);
        g_autofree char *value = scalar (conn, sql);

        g_string_append_printf (out, "%s: %s\n", tables[i], value);
      }
  else
    g_string_append (out, "no schema");
  PQfinish (conn);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static ShnorDocument *
demo (const char *name,
      const char *oktmo)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  ShnorDocument *document;

  g_assert_true (shnor_demo_write (path, &error));
  g_assert_no_error (error);
  document = shnor_document_open (path, &error);
  g_assert_no_error (error);
  if (oktmo != NULL)
    {
      g_assert_true (shnor_document_set_setting (document, "oktmo", oktmo, &error));
      g_assert_no_error (error);
    }
  return document;
}

static guint
count_groups (ShnorDocument *document,
              ShnorGroup     group)
{
  g_autoptr(ShnorClassification) classification = shnor_document_classify (document);
  GListModel *schools = shnor_document_get_schools (document);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);

      n += (shnor_classification_get_groups (classification, shnor_school_get_id (school)) >> group) & 1;
    }
  return n;
}

static guint
count_results (ShnorDocument *document)
{
  GListModel *schools = shnor_document_get_schools (document);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);
      g_autoptr(GArray) results = shnor_document_get_results (document, shnor_school_get_id (school));

      n += results->len;
    }
  return n;
}

static void
publish_ok (const char    *uri,
            ShnorDocument *document,
            gboolean       unchanged)
{
  g_autoptr(GError) error = NULL;
  ShnorPublication publication = { 0 };

  g_assert_true (shnor_region_publish (uri, test_pg_password (pg), document, NULL, NULL, NULL, &publication,
                                       &error));
  g_assert_no_error (error);
  g_assert_cmpint (publication.unchanged, ==, unchanged);
  shnor_publication_clear (&publication);
}

/* A publication creates the schema, sends every table, and the views
 * compute what the file computes. */
static void
test_publish (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(ShnorDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorRegion) region = NULL;
  g_autoptr(GPtrArray) summary = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) expected_overdue = NULL;
  ShnorPublication publication = { 0 };
  PGconn *conn;
  char **row;
  GDate today;

  if (skipped ())
    return;
  uri = new_database ();
  document = demo ("publish.shnor", "46701000");
  g_assert_true (shnor_region_publish (uri, test_pg_password (pg), document, NULL, NULL, NULL, &publication,
                                       &error));
  g_assert_no_error (error);
  g_assert_false (publication.unchanged);
  g_assert_cmpstr (publication.oktmo, ==, "46701000");
  g_assert_cmpuint (publication.n_schools, ==, g_list_model_get_n_items (shnor_document_get_schools (document)));
  g_assert_cmpuint (publication.n_results, ==, count_results (document));
  shnor_publication_clear (&publication);

  conn = connect_db (uri);
  {
    g_autofree char *version = scalar (conn, "SELECT version FROM shnor.schema_version");
    g_autofree char *schools = scalar (conn, "SELECT count (*) FROM shnor.school WHERE municipality_id = 46701000");
    g_autofree char *results = scalar (conn, "SELECT count (*) FROM shnor.result");
    g_autofree char *name = scalar (conn, "SELECT name FROM shnor.municipality");
    g_autofree char *shnor_name = shnor_document_dup_setting (document, "municipality");

    g_assert_cmpint (atoi (version), ==, SHNOR_REGION_VERSION);
    g_assert_cmpint (atoi (schools), ==, 12);
    g_assert_cmpint (atoi (results), ==, (int) count_results (document));
    g_assert_cmpstr (name, ==, shnor_name);
  }
  PQfinish (conn);

  region = shnor_region_connect (uri, test_pg_password (pg), FALSE, &error);
  g_assert_no_error (error);
  summary = shnor_region_get_summary (region, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->len, ==, 1);
  row = summary->pdata[0];
  g_assert_cmpstr (row[SHNOR_SUMMARY_OKTMO], ==, "46701000");
  g_assert_cmpint (atoi (row[SHNOR_SUMMARY_SCHOOLS]), ==, 12);
  g_assert_cmpint (atoi (row[SHNOR_SUMMARY_LOW]), ==, (int) count_groups (document, SHNOR_GROUP_LOW));
  g_assert_cmpint (atoi (row[SHNOR_SUMMARY_SOCIAL]), ==, (int) count_groups (document, SHNOR_GROUP_SOCIAL));
  g_assert_cmpint (atoi (row[SHNOR_SUMMARY_HIGH]), ==, (int) count_groups (document, SHNOR_GROUP_HIGH));
  g_assert_cmpint (count_groups (document, SHNOR_GROUP_LOW), >, 0);

  /* overdue: the server's current_date against the file's own rule */
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  expected_overdue = shnor_document_list_overdue (document, &today);
  overdue = shnor_region_get_overdue (region, "46701000", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (overdue->len, ==, expected_overdue->len);
  g_assert_cmpint (atoi (row[SHNOR_SUMMARY_OVERDUE]), ==, (int) expected_overdue->len);

  lists = shnor_region_get_lists (region, "46701000", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < lists->len; i++)
    {
      char **school = lists->pdata[i];

      g_assert_cmpstr (school[SHNOR_LIST_GROUPS], !=, "");
      g_assert_cmpstr (school[SHNOR_LIST_REASONS], !=, "");
    }
  g_assert_cmpuint (lists->len, >=, count_groups (document, SHNOR_GROUP_LOW));
}

/* The same file published twice changes nothing at all; a changed file
 * replaces its municipality's publication and nothing else. */
static void
test_idempotent (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(ShnorDocument) a = NULL;
  g_autoptr(ShnorDocument) b = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) context = NULL;
  g_autofree char *pupils = NULL;
  PGconn *conn;

  if (skipped ())
    return;
  uri = new_database ();
  a = demo ("idempotent-a.shnor", "46701000");
  b = demo ("idempotent-b.shnor", "46702000001");
  publish_ok (uri, a, FALSE);
  publish_ok (uri, b, FALSE);
  first = fingerprint (uri);
  publish_ok (uri, a, TRUE);
  second = fingerprint (uri);
  g_assert_cmpstr (first, ==, second);

  /* a change: the one municipality's rows are replaced, none doubled */
  {
    g_autoptr(ShnorSchool) school = g_list_model_get_item (shnor_document_get_schools (a), 0);

    context = shnor_document_get_context (a, shnor_school_get_id (school));
    g_assert_true (shnor_document_set_context_field (a, shnor_school_get_id (school),
                                                     g_array_index (context, ShnorContextRow, 0).year, "pupils",
                                                     "4321", &error));
    g_assert_no_error (error);
  }
  publish_ok (uri, a, FALSE);
  conn = connect_db (uri);
  pupils = scalar (conn, "SELECT count (*) FROM shnor.school_context WHERE pupils = 4321");
  g_assert_cmpstr (pupils, ==, "1");
  {
    g_autofree char *schools = scalar (conn, "SELECT count (*) FROM shnor.school");
    g_autofree char *municipalities = scalar (conn, "SELECT count (*) FROM shnor.municipality");
    g_autofree char *publications = scalar (conn, "SELECT count (*) FROM shnor.publication");

    g_assert_cmpstr (schools, ==, "24");
    g_assert_cmpstr (municipalities, ==, "2");
    g_assert_cmpstr (publications, ==, "3");
  }
  PQfinish (conn);
}

/* A file without an ОКТМО code is not sent anywhere */
static void
test_no_oktmo (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ShnorDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (skipped ())
    return;
  uri = new_database ();
  document = demo ("no-oktmo.shnor", NULL);
  before = fingerprint (uri);
  g_assert_false (shnor_region_publish (uri, test_pg_password (pg), document, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ОКТМО"));
  after = fingerprint (uri);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);
  /* nor is a code that is none */
  g_assert_false (shnor_document_set_setting (document, "oktmo", "4670100", &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (shnor_region_publish (uri, test_pg_password (pg), document, "46 70", NULL, NULL, NULL, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);

  /* a file received by mail without a code: published under the code
   * given, the file unchanged */
  {
    g_autofree char *checksum = test_file_checksum (shnor_document_get_path (document));
    g_autofree char *checksum_after = NULL;
    g_autoptr(ShnorRegion) region = NULL;
    g_autoptr(GPtrArray) summary = NULL;

    g_assert_true (shnor_region_publish (uri, test_pg_password (pg), document, "46701000", NULL, NULL, NULL,
                                         &error));
    g_assert_no_error (error);
    checksum_after = test_file_checksum (shnor_document_get_path (document));
    g_assert_cmpstr (checksum, ==, checksum_after);
    region = shnor_region_connect (uri, test_pg_password (pg), FALSE, &error);
    summary = shnor_region_get_summary (region, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (summary->len, ==, 1);
    g_assert_cmpstr (((char **) summary->pdata[0])[SHNOR_SUMMARY_OKTMO], ==, "46701000");
  }
}

/* Wrong credentials, an unreachable host, a database of a newer Shnor: a
 * message that says so, and nothing changed on either side. */
static void
test_refusals (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *file_before = NULL;
  g_autofree char *file_after = NULL;
  g_autoptr(ShnorDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  PGconn *conn;

  if (skipped ())
    return;
  uri = new_database ();
  document = demo ("refusals.shnor", "46701000");
  publish_ok (uri, document, FALSE);
  g_assert_true (shnor_document_set_setting (document, "municipality", "Другое название", &error));
  before = fingerprint (uri);
  file_before = test_file_checksum (shnor_document_get_path (document));

  g_assert_false (shnor_region_publish (uri, "wrong password", document, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("wrong password: %s", error->message);
  g_assert_nonnull (strstr (error->message, "password"));
  g_clear_error (&error);

  closed = g_strdup_printf ("postgresql://shnor@127.0.0.1:%d/postgres", 1);
  g_assert_false (shnor_region_publish (closed, test_pg_password (pg), document, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_IO);
  g_test_message ("unreachable: %s", error->message);
  g_clear_error (&error);

  g_assert_false (shnor_region_publish ("mysql://somewhere", NULL, document, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID);
  g_clear_error (&error);

  conn = connect_db (uri);
  exec_ok (conn, "UPDATE shnor.schema_version SET version = 99");
  g_assert_false (shnor_region_publish (uri, test_pg_password (pg), document, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_NEWER);
  g_clear_error (&error);
  g_assert_null (shnor_region_connect (uri, test_pg_password (pg), FALSE, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_NEWER);
  g_clear_error (&error);
  {
    g_autofree char *version = g_strdup_printf ("UPDATE shnor.schema_version SET version = %d", SHNOR_REGION_VERSION);

    exec_ok (conn, version);
  }
  PQfinish (conn);

  after = fingerprint (uri);
  g_assert_cmpstr (before, ==, after);
  file_after = test_file_checksum (shnor_document_get_path (document));
  g_assert_cmpstr (file_before, ==, file_after);
}

/* Reading an empty database: it says there is nothing yet, and creates
 * nothing. */
static void
test_empty_region (void)
{
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  if (skipped ())
    return;
  uri = new_database ();
  g_assert_null (shnor_region_connect (uri, test_pg_password (pg), FALSE, &error));
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_NOTHING);
  after = fingerprint (uri);
  g_assert_cmpstr (after, ==, "no schema");
}

typedef struct {
  const char *uri;
  int         pid;
  gboolean    kill_server;
  gboolean    done;
} Fault;

/* In the middle of sending the results: the connection is cut from the
 * server's side, or the server stops as in a power cut. */
static void
fault_progress (const char *step,
                double      fraction,
                gpointer    user_data)
{
  Fault *fault = user_data;

  /* the results (the fourth table of fifteen) are sent, not committed */
  if (fault->done || fraction < 0.3 || fraction >= 1)
    return;
  fault->done = TRUE;
  if (fault->kill_server)
    test_pg_kill (pg);
  else
    {
      PGconn *conn = connect_db (fault->uri);
      g_autofree char *sql = g_strdup_printf ("SELECT pg_terminate_backend (%d)", fault->pid);
      g_autofree char *killed = scalar (conn, sql);

      g_assert_cmpstr (killed, ==, "t");
      PQfinish (conn);
    }
}

static void
publish_with_fault (gboolean kill_server)
{
  g_autofree char *uri = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ShnorDocument) document = NULL;
  g_autoptr(ShnorRegion) region = NULL;
  g_autoptr(ShnorPublicationData) data = NULL;
  g_autoptr(GError) error = NULL;
  Fault fault = { 0 };

  if (skipped ())
    return;
  uri = new_database ();
  document = demo (kill_server ? "kill-server.shnor" : "drop.shnor", "46701000");
  publish_ok (uri, document, FALSE);
  before = fingerprint (uri);
  /* a changed file, so that the publication has something to replace */
  g_assert_true (shnor_document_set_setting (document, "municipality", "Новое название", &error));

  region = shnor_region_connect (uri, test_pg_password (pg), TRUE, &error);
  g_assert_no_error (error);
  data = shnor_publication_data_new (document, &error);
  g_assert_no_error (error);
  fault.uri = uri;
  fault.pid = shnor_region_backend_pid (region);
  fault.kill_server = kill_server;
  g_assert_false (shnor_region_send (region, data, fault_progress, &fault, NULL, &error));
  g_assert_true (fault.done);
  g_assert_error (error, SHNOR_ERROR, SHNOR_ERROR_IO);
  g_test_message ("%s", error->message);
  if (kill_server)
    test_pg_restart (pg);
  after = fingerprint (uri);
  g_assert_cmpstr (before, ==, after);

  /* and the next publication goes through */
  g_clear_pointer (&region, shnor_region_free);
  publish_ok (uri, document, FALSE);
}

static void
test_connection_dropped (void)
{
  publish_with_fault (FALSE);
}

static void
test_server_killed (void)
{
  publish_with_fault (TRUE);
}

/* The summary workbook and the command line: --publish with PGPASSWORD,
 * --export-region */
static void
test_command_line (void)
{
  const char *binary = g_getenv ("SHNOR_BINARY");
  g_autofree char *uri = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  g_autoptr(ShnorDocument) document = NULL;
  g_autoptr(ShnorTable) summary = NULL;
  g_autoptr(ShnorTable) lists = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = NULL;
  int status;

  if (skipped ())
    return;
  if (binary == NULL)
    {
      g_test_skip ("SHNOR_BINARY is not set");
      return;
    }
  uri = new_database ();
  document = demo ("cli.shnor", "46701000");
  path = g_strdup (shnor_document_get_path (document));
  g_clear_object (&document);
  out = g_build_filename (tmpdir, "Сводка региона.xlsx", NULL);
  env = g_environ_setenv (g_get_environ (), "PGPASSWORD", test_pg_password (pg), TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);

  {
    const char *argv[] = { binary, "--publish", uri, path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, 0, NULL, NULL, &stdout_text, &stderr_text, &status,
                                 &error));
    g_assert_no_error (error);
    g_test_message ("%s%s", stdout_text, stderr_text);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (stdout_text, "published 12 schools"));
    g_clear_pointer (&stdout_text, g_free);
    g_clear_pointer (&stderr_text, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, 0, NULL, NULL, &stdout_text, &stderr_text, &status,
                                 &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (stdout_text, "already published"));
  }
  {
    const char *argv[] = { binary, "--export-region", out, uri, NULL };

    g_clear_pointer (&stdout_text, g_free);
    g_clear_pointer (&stderr_text, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, 0, NULL, NULL, &stdout_text, &stderr_text, &status,
                                 &error));
    g_test_message ("%s%s", stdout_text, stderr_text);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  summary = shnor_xlsx_read_sheet (out, "Сводка", &error);
  g_assert_no_error (error);
  /* title, blank, header, one municipality */
  g_assert_cmpuint (summary->rows->len, ==, 3);
  g_assert_cmpstr (shnor_table_get_cell (summary, shnor_table_get_row (summary, 2), 0), ==, "46701000");
  g_assert_cmpstr (shnor_table_get_cell (summary, shnor_table_get_row (summary, 2), 2), ==, "12");
  lists = shnor_xlsx_read_sheet (out, "Школы ШНОР и ШНСУ", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lists->rows->len, >, 2);

  /* a wrong password from the command line: exit 1, a message */
  {
    g_auto(GStrv) wrong = g_environ_setenv (g_strdupv (env), "PGPASSWORD", "wrong", TRUE);
    const char *argv[] = { binary, "--publish", uri, path, NULL };

    g_clear_pointer (&stdout_text, g_free);
    g_clear_pointer (&stderr_text, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, wrong, 0, NULL, NULL, &stdout_text, &stderr_text, &status,
                                 &error));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (stderr_text, "password"));
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = test_tmpdir ();
  pg = test_pg_start (&skip_reason);
  if (pg == NULL)
    {
      /* installed but not starting is a failure, not a skip */
      if (!g_str_has_prefix (skip_reason, "the PostgreSQL server binaries"))
        g_error ("could not start PostgreSQL: %s", skip_reason);
      g_printerr ("# skipping the PostgreSQL tests: %s\n", skip_reason);
    }
  g_test_add_func ("/region/publish", test_publish);
  g_test_add_func ("/region/idempotent", test_idempotent);
  g_test_add_func ("/region/no-oktmo", test_no_oktmo);
  g_test_add_func ("/region/refusals", test_refusals);
  g_test_add_func ("/region/empty", test_empty_region);
  g_test_add_func ("/region/connection-dropped", test_connection_dropped);
  g_test_add_func ("/region/server-killed", test_server_killed);
  g_test_add_func ("/region/command-line", test_command_line);
  status = g_test_run ();
  test_pg_stop (pg);
  test_rm_rf (tmpdir);
  g_free (tmpdir);
  g_free (skip_reason);
  return status;
}
