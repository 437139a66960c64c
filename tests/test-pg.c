/* test-pg.c: a PostgreSQL server of the test's own. The server refuses to
 * run as root, so as root (CI) it runs as the "postgres" user that the
 * Debian package creates. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pwd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "test-pg.h"
#include "test-util.h"

#define PASSWORD "shnor-test-секрет"

struct _TestPg {
  char  *bindir;
  char  *dir;       /* the temporary folder: data, log, socket */
  char  *data;
  int    port;
  char  *uri;
  uid_t  uid;       /* who runs the server; 0: this process's user */
  gid_t  gid;
};

/* The newest server's binaries: on PATH, or in Debian's versioned folders */
static char *
find_bindir (void)
{
  g_autofree char *initdb = g_find_program_in_path ("initdb");
  g_autoptr(GDir) dir = NULL;
  const char *name;
  int best = 0;
  char *found = NULL;

  if (initdb != NULL)
    return g_path_get_dirname (initdb);
  dir = g_dir_open ("/usr/lib/postgresql", 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *bin = g_build_filename ("/usr/lib/postgresql", name, "bin", NULL);
      g_autofree char *path = g_build_filename (bin, "initdb", NULL);
      int version = atoi (name);

      if (version > best && g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
        {
          best = version;
          g_free (found);
          found = g_steal_pointer (&bin);
        }
    }
  return found;
}

static int
free_port (void)
{
  struct sockaddr_in addr = { 0 };
  socklen_t length = sizeof addr;
  int fd = socket (AF_INET, SOCK_STREAM, 0);
  int port = 0;

  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  if (fd >= 0 && bind (fd, (struct sockaddr *) &addr, sizeof addr) == 0 &&
      getsockname (fd, (struct sockaddr *) &addr, &length) == 0)
    port = ntohs (addr.sin_port);
  if (fd >= 0)
    close (fd);
  return port;
}

/* Runs a server program, as the postgres user when we are root */
static gboolean
run_tool (TestPg      *pg,
          const char  *tool,
          const char **args,
          char       **output)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (pg->uid != 0)
    {
      g_ptr_array_add (argv, g_strdup ("runuser"));
      g_ptr_array_add (argv, g_strdup ("-u"));
      g_ptr_array_add (argv, g_strdup ("postgres"));
      g_ptr_array_add (argv, g_strdup ("--"));
    }
  g_ptr_array_add (argv, g_build_filename (pg->bindir, tool, NULL));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (pg->dir, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                     &error) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      if (output != NULL)
        *output = g_strdup_printf ("%s: %s%s%s", tool, error ? error->message : "", out ? out : "", err ? err : "");
      return FALSE;
    }
  return TRUE;
}

static void
own (TestPg     *pg,
     const char *path)
{
  if (pg->uid != 0 && chown (path, pg->uid, pg->gid) != 0)
    g_warning ("chown %s: %s", path, g_strerror (errno));
}

static gboolean
server_start (TestPg  *pg,
              char   **why)
{
  g_autofree char *options = g_strdup_printf ("-c listen_addresses=127.0.0.1 -p %d -c unix_socket_directories=%s"
                                              " -c fsync=off -c full_page_writes=off"
                                              " -c shared_buffers=32MB -c max_connections=20", pg->port, pg->dir);
  g_autofree char *log = g_build_filename (pg->dir, "server.log", NULL);
  g_autofree char *all = g_strdup_printf ("%s %s", options, g_getenv ("SHNOR_PG_OPTIONS") ? g_getenv ("SHNOR_PG_OPTIONS")
                                                                                          : "");
  const char *args[] = { "-D", pg->data, "-l", log, "-o", all, "-w", "-t", "60", "start", NULL };

  return run_tool (pg, "pg_ctl", args, why);
}

/* A test that aborts leaves no server behind: a watchdog stops it and
 * removes its folder once this process is gone. */
static void
watch (TestPg *pg)
{
  g_autofree char *pg_ctl = g_build_filename (pg->bindir, "pg_ctl", NULL);
  g_autofree char *quoted_ctl = g_shell_quote (pg_ctl);
  g_autofree char *quoted_data = g_shell_quote (pg->data);
  g_autofree char *quoted_dir = g_shell_quote (pg->dir);
  g_autofree char *script = g_strdup_printf ("while kill -0 %d 2>/dev/null; do sleep 1; done; "
                                             "%s %s -D %s -m immediate -w stop; rm -rf %s",
                                             (int) getpid (), pg->uid != 0 ? "runuser -u postgres --" : "",
                                             quoted_ctl, quoted_data, quoted_dir);
  const char *argv[] = { "/bin/sh", "-c", script, NULL };

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                 NULL, NULL);
}

/**
 * test_pg_start:
 * @why_not: (out): why there is no server: the binaries are not installed
 *   (the caller skips), or starting failed (the caller fails)
 *
 * Returns: (nullable): the running server
 */
TestPg *
test_pg_start (char **why_not)
{
  TestPg *pg = g_new0 (TestPg, 1);
  g_autofree char *pwfile = NULL;
  const char *initdb[] = { "-D", NULL, "-U", "shnor", "-A", "scram-sha-256", "--pwfile", NULL, "-E", "UTF8",
                           "--locale=C", "-N", NULL };

  *why_not = NULL;
  pg->bindir = find_bindir ();
  if (pg->bindir == NULL)
    {
      *why_not = g_strdup ("the PostgreSQL server binaries (initdb, pg_ctl) are not installed: "
                           "install the postgresql package (build-aux/setup.sh does)");
      g_free (pg);
      return NULL;
    }
  if (geteuid () == 0)
    {
      struct passwd *postgres = getpwnam ("postgres");

      if (postgres == NULL)
        {
          *why_not = g_strdup ("running as root, and there is no postgres user to run the server as");
          g_free (pg->bindir);
          g_free (pg);
          return NULL;
        }
      pg->uid = postgres->pw_uid;
      pg->gid = postgres->pw_gid;
    }
  pg->dir = g_dir_make_tmp ("shnor-pg-XXXXXX", NULL);
  pg->data = g_build_filename (pg->dir, "data", NULL);
  pwfile = g_build_filename (pg->dir, "password", NULL);
  test_write_file (pwfile, PASSWORD "\n", -1);
  own (pg, pg->dir);
  own (pg, pwfile);
  initdb[1] = pg->data;
  initdb[7] = pwfile;
  pg->port = free_port ();
  if (!run_tool (pg, "initdb", initdb, why_not) || !server_start (pg, why_not))
    {
      test_pg_stop (pg);
      return NULL;
    }
  pg->uri = g_strdup_printf ("postgresql://shnor@127.0.0.1:%d/postgres", pg->port);
  watch (pg);
  return pg;
}

const char *
test_pg_uri (TestPg *pg)
{
  return pg->uri;
}

int
test_pg_port (TestPg *pg)
{
  return pg->port;
}

const char *
test_pg_password (TestPg *pg)
{
  return PASSWORD;
}

/* A new database on the server; its URI (without the password) */
char *
test_pg_create_db (TestPg     *pg,
                   const char *name)
{
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE \"%s\"", name);
  const char *keys[] = { "dbname", "password", NULL };
  const char *values[] = { pg->uri, PASSWORD, NULL };
  PGconn *conn = PQconnectdbParams (keys, values, 1);
  PGresult *res;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  res = PQexec (conn, sql);
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_COMMAND_OK);
  PQclear (res);
  PQfinish (conn);
  return g_strdup_printf ("postgresql://shnor@127.0.0.1:%d/%s", pg->port, name);
}

/* Stops the server at once, as a power cut would */
void
test_pg_kill (TestPg *pg)
{
  const char *args[] = { "-D", pg->data, "-m", "immediate", "-w", "stop", NULL };
  g_autofree char *why = NULL;

  if (!run_tool (pg, "pg_ctl", args, &why))
    g_error ("%s", why);
}

void
test_pg_restart (TestPg *pg)
{
  g_autofree char *why = NULL;

  if (!server_start (pg, &why))
    g_error ("%s", why);
}

void
test_pg_stop (TestPg *pg)
{
  if (pg == NULL)
    return;
  if (pg->data != NULL && g_file_test (pg->data, G_FILE_TEST_IS_DIR))
    {
      const char *args[] = { "-D", pg->data, "-m", "immediate", "-w", "stop", NULL };

      run_tool (pg, "pg_ctl", args, NULL);
    }
  if (pg->dir != NULL)
    test_rm_rf (pg->dir);
  g_free (pg->bindir);
  g_free (pg->dir);
  g_free (pg->data);
  g_free (pg->uri);
  g_free (pg);
}
