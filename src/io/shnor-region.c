/* shnor-region.c: the regional database on PostgreSQL, through libpq.
 *
 * Shnor creates the schema "shnor" itself and migrates it, as it does its
 * files: shnor.schema_version holds the version, each step runs in one
 * transaction under an advisory lock, and a database of a newer version
 * is refused before anything is written.
 *
 * A municipality is keyed by its ОКТМО code (8 or 11 digits, so the code
 * as a number is the key of every row: no lookup before sending). A
 * publication reads the whole file first into the text format of COPY,
 * table by table, and a digest of all of it: when the municipality's
 * last publication has the same digest, nothing is written at all.
 * Otherwise one transaction deletes the municipality's rows, sends the
 * new ones with COPY and commits: a connection lost on the way leaves the
 * previous publication as it was. Regional figures are SQL views of the
 * schema, computed by the server. */
#define G_LOG_DOMAIN "shnor-region"

#include "config.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <xlsxwriter.h>

#include "shnor-error.h"
#include "shnor-files.h"
#include "shnor-municipality.h"
#include "shnor-region.h"
#include "shnor-xlsx-export.h"

/* "SHNR": the advisory lock of schema changes */
#define SCHEMA_LOCK 1397247570

/* ---- the schema ---------------------------------------------------------- */

static const char * const migrations[SHNOR_REGION_VERSION] = {
  /* 0 → 1 */
  "CREATE SCHEMA IF NOT EXISTS shnor;"
  "CREATE TABLE shnor.schema_version (version integer NOT NULL);"
  "INSERT INTO shnor.schema_version VALUES (0);"
  "CREATE TABLE shnor.municipality ("
  "  id           bigint PRIMARY KEY,"
  "  oktmo        text NOT NULL UNIQUE,"
  "  name         text NOT NULL,"
  "  region       text NOT NULL,"
  "  authority    text NOT NULL,"
  "  criteria_set text NOT NULL,"
  "  digest       text NOT NULL,"
  "  published_at timestamptz NOT NULL);"
  "CREATE TABLE shnor.publication ("
  "  id              bigserial PRIMARY KEY,"
  "  municipality_id bigint NOT NULL,"
  "  published_at    timestamptz NOT NULL,"
  "  digest          text NOT NULL,"
  "  n_rows          bigint NOT NULL);"
  "CREATE TABLE shnor.school ("
  "  municipality_id bigint NOT NULL, id bigint NOT NULL,"
  "  full_name text NOT NULL, short_name text NOT NULL, code text NOT NULL, legal_form text NOT NULL,"
  "  settlement text NOT NULL, area_type smallint NOT NULL, hard_to_reach boolean NOT NULL,"
  "  mentor boolean NOT NULL, internship boolean NOT NULL, growth_point boolean NOT NULL,"
  "  director text NOT NULL, address text NOT NULL, phone text NOT NULL, email text NOT NULL,"
  "  PRIMARY KEY (municipality_id, id));"
  "CREATE TABLE shnor.school_context ("
  "  municipality_id bigint NOT NULL, school_id bigint NOT NULL, year smallint NOT NULL,"
  "  pupils integer, teachers integer, share_low_income double precision,"
  "  share_low_education double precision, share_non_native double precision,"
  "  share_disabilities double precision, share_registered double precision, distance_km double precision,"
  "  PRIMARY KEY (municipality_id, school_id, year));"
  "CREATE TABLE shnor.assessment ("
  "  municipality_id bigint NOT NULL, id bigint NOT NULL,"
  "  kind text NOT NULL, subject text NOT NULL, grade smallint NOT NULL,"
  "  PRIMARY KEY (municipality_id, id));"
  "CREATE TABLE shnor.result ("
  "  municipality_id bigint NOT NULL, school_id bigint NOT NULL, assessment_id bigint NOT NULL,"
  "  year smallint NOT NULL, participants integer NOT NULL, mean double precision, below integer,"
  "  high integer,"
  "  PRIMARY KEY (municipality_id, school_id, assessment_id, year));"
  "CREATE TABLE shnor.reference_mean ("
  "  municipality_id bigint NOT NULL, kind text NOT NULL, subject text NOT NULL, grade smallint NOT NULL,"
  "  year smallint NOT NULL, mean double precision NOT NULL,"
  "  PRIMARY KEY (municipality_id, kind, subject, grade, year));"
  "CREATE TABLE shnor.risk_level ("
  "  municipality_id bigint NOT NULL, school_id bigint NOT NULL, factor text NOT NULL,"
  "  year smallint NOT NULL, level smallint NOT NULL, note text NOT NULL);"
  "CREATE INDEX risk_level_m ON shnor.risk_level (municipality_id, school_id);"
  "CREATE TABLE shnor.indicator_value ("
  "  municipality_id bigint NOT NULL, school_id bigint NOT NULL, indicator text NOT NULL,"
  "  year smallint NOT NULL, value double precision NOT NULL);"
  "CREATE INDEX indicator_value_m ON shnor.indicator_value (municipality_id, school_id);"
  "CREATE TABLE shnor.school_group ("
  "  municipality_id bigint NOT NULL, school_id bigint NOT NULL, grp smallint NOT NULL,"
  "  PRIMARY KEY (municipality_id, school_id, grp));"
  "CREATE INDEX school_group_grp ON shnor.school_group (grp, municipality_id);"
  "CREATE TABLE shnor.school_reason ("
  "  municipality_id bigint NOT NULL, school_id bigint NOT NULL, grp smallint NOT NULL,"
  "  position integer NOT NULL, criterion text NOT NULL, met boolean NOT NULL, detail text NOT NULL);"
  "CREATE INDEX school_reason_m ON shnor.school_reason (municipality_id, school_id);"
  "CREATE TABLE shnor.programme ("
  "  municipality_id bigint NOT NULL, id bigint NOT NULL, origin_id bigint NOT NULL,"
  "  version integer NOT NULL, level smallint NOT NULL, status smallint NOT NULL, title text NOT NULL,"
  "  first_year smallint NOT NULL, last_year smallint NOT NULL, goal text NOT NULL,"
  "  order_number text NOT NULL, order_date date,"
  "  PRIMARY KEY (municipality_id, id));"
  "CREATE TABLE shnor.programme_school ("
  "  municipality_id bigint NOT NULL, programme_id bigint NOT NULL, school_id bigint NOT NULL,"
  "  PRIMARY KEY (municipality_id, programme_id, school_id));"
  "CREATE TABLE shnor.measure ("
  "  municipality_id bigint NOT NULL, id bigint NOT NULL, programme_id bigint NOT NULL,"
  "  parent_id bigint, position integer NOT NULL, number text NOT NULL, title text NOT NULL,"
  "  levels smallint NOT NULL, start_month date, end_month date, period_text text NOT NULL,"
  "  status smallint NOT NULL, done_date date, evidence text NOT NULL,"
  "  PRIMARY KEY (municipality_id, id));"
  "CREATE INDEX measure_p ON shnor.measure (municipality_id, programme_id);"
  "CREATE TABLE shnor.measure_school ("
  "  municipality_id bigint NOT NULL, measure_id bigint NOT NULL, school_id bigint NOT NULL,"
  "  PRIMARY KEY (municipality_id, measure_id, school_id));"
  "CREATE TABLE shnor.programme_indicator ("
  "  municipality_id bigint NOT NULL, id bigint NOT NULL, programme_id bigint NOT NULL,"
  "  position integer NOT NULL, name text NOT NULL, unit text NOT NULL, direction smallint NOT NULL,"
  "  baseline double precision, baseline_year smallint, computed boolean NOT NULL,"
  "  PRIMARY KEY (municipality_id, id));"
  "CREATE TABLE shnor.programme_indicator_value ("
  "  municipality_id bigint NOT NULL, indicator_id bigint NOT NULL, year smallint NOT NULL,"
  "  target double precision, actual double precision, achievement smallint NOT NULL,"
  "  PRIMARY KEY (municipality_id, indicator_id, year));"
  /* the views: the region's figures computed where the data is */
  "CREATE VIEW shnor.measure_due AS"
  "  SELECT m.municipality_id, m.id, m.programme_id, p.title AS programme, m.number, m.title,"
  "         m.end_month, m.status,"
  "         (m.status IN (0, 1) AND m.end_month IS NOT NULL"
  "          AND (m.end_month + interval '1 month')::date <= current_date) AS overdue"
  "  FROM shnor.measure m"
  "  JOIN shnor.programme p ON p.municipality_id = m.municipality_id AND p.id = m.programme_id"
  "  WHERE p.status = 1;"
  "CREATE VIEW shnor.region_summary AS"
  "  SELECT mu.oktmo, mu.name,"
  "         coalesce (s.n, 0) AS schools, coalesce (g.low, 0) AS low, coalesce (g.social, 0) AS social,"
  "         coalesce (g.high, 0) AS high, coalesce (g.decline, 0) AS decline,"
  "         coalesce (d.n, 0) AS measures, coalesce (d.overdue, 0) AS overdue,"
  "         coalesce (i.n, 0) AS indicators, coalesce (i.met, 0) AS met, mu.published_at"
  "  FROM shnor.municipality mu"
  "  LEFT JOIN (SELECT municipality_id, count (*) AS n FROM shnor.school GROUP BY 1) s"
  "    ON s.municipality_id = mu.id"
  "  LEFT JOIN (SELECT municipality_id, count (*) FILTER (WHERE grp = 1) AS low,"
  "                    count (*) FILTER (WHERE grp = 3) AS social, count (*) FILTER (WHERE grp = 0) AS high,"
  "                    count (*) FILTER (WHERE grp = 2) AS decline"
  "             FROM shnor.school_group GROUP BY 1) g ON g.municipality_id = mu.id"
  "  LEFT JOIN (SELECT municipality_id, count (*) AS n, count (*) FILTER (WHERE overdue) AS overdue"
  "             FROM shnor.measure_due GROUP BY 1) d ON d.municipality_id = mu.id"
  "  LEFT JOIN (SELECT v.municipality_id, count (*) FILTER (WHERE v.achievement <> 0) AS n,"
  "                    count (*) FILTER (WHERE v.achievement = 1) AS met"
  "             FROM shnor.programme_indicator_value v"
  "             JOIN shnor.programme_indicator pi"
  "               ON pi.municipality_id = v.municipality_id AND pi.id = v.indicator_id"
  "             JOIN shnor.programme p ON p.municipality_id = pi.municipality_id AND p.id = pi.programme_id"
  "             WHERE p.status = 1 AND v.year = extract (year FROM current_date)"
  "             GROUP BY 1) i ON i.municipality_id = mu.id;"
  "CREATE VIEW shnor.region_lists AS"
  "  SELECT mu.oktmo, mu.name AS municipality, s.code,"
  "         CASE WHEN s.short_name <> '' THEN s.short_name ELSE s.full_name END AS school, s.settlement,"
  "         string_agg (g.grp::text, ',' ORDER BY g.grp) AS groups,"
  "         (SELECT string_agg (r.criterion || ': ' || r.detail, E'\\n' ORDER BY r.grp, r.position)"
  "          FROM shnor.school_reason r"
  "          WHERE r.municipality_id = s.municipality_id AND r.school_id = s.id AND r.met"
  "            AND r.grp IN (SELECT g2.grp FROM shnor.school_group g2"
  "                          WHERE g2.municipality_id = s.municipality_id AND g2.school_id = s.id)) AS reasons"
  "  FROM shnor.school s"
  "  JOIN shnor.municipality mu ON mu.id = s.municipality_id"
  "  JOIN shnor.school_group g ON g.municipality_id = s.municipality_id AND g.school_id = s.id"
  "  GROUP BY mu.oktmo, mu.name, s.municipality_id, s.id, s.code, s.short_name, s.full_name, s.settlement;"
  "CREATE VIEW shnor.region_overdue AS"
  "  SELECT mu.oktmo, mu.name AS municipality, d.programme, d.number, d.title,"
  "         to_char (d.end_month, 'MM.YYYY') AS end_month"
  "  FROM shnor.measure_due d JOIN shnor.municipality mu ON mu.id = d.municipality_id"
  "  WHERE d.overdue;",
};

/* ---- the tables a publication sends, in the order of their COPY ---------- */

typedef enum {
  T_SCHOOL = 0,
  T_CONTEXT,
  T_ASSESSMENT,
  T_RESULT,
  T_REFERENCE,
  T_RISK,
  T_INDICATOR_VALUE,
  T_GROUP,
  T_REASON,
  T_PROGRAMME,
  T_PROGRAMME_SCHOOL,
  T_MEASURE,
  T_MEASURE_SCHOOL,
  T_PROGRAMME_INDICATOR,
  T_INDICATOR_YEAR,
  N_TABLES
} Table;

static const char * const table_names[N_TABLES] = {
  "shnor.school", "shnor.school_context", "shnor.assessment", "shnor.result", "shnor.reference_mean",
  "shnor.risk_level", "shnor.indicator_value", "shnor.school_group", "shnor.school_reason", "shnor.programme",
  "shnor.programme_school", "shnor.measure", "shnor.measure_school", "shnor.programme_indicator",
  "shnor.programme_indicator_value",
};

/* What the progress of a publication says while each table is sent */
static const char * const table_labels[N_TABLES] = {
  N_("Sending the schools…"), N_("Sending the context data…"), N_("Sending the assessments…"),
  N_("Sending the results…"), N_("Sending the regional means…"), N_("Sending the risk profiles…"),
  N_("Sending the yearly indicators…"), N_("Sending the lists of schools…"), N_("Sending the reasons…"),
  N_("Sending the programmes…"), N_("Sending the programmes’ schools…"), N_("Sending the road maps…"),
  N_("Sending the measures’ schools…"), N_("Sending the target indicators…"),
  N_("Sending the indicators’ values…"),
};

static const char * const copy_sql[N_TABLES] = {
  "COPY shnor.school FROM STDIN",
  "COPY shnor.school_context FROM STDIN",
  "COPY shnor.assessment FROM STDIN",
  "COPY shnor.result FROM STDIN",
  "COPY shnor.reference_mean FROM STDIN",
  "COPY shnor.risk_level FROM STDIN",
  "COPY shnor.indicator_value FROM STDIN",
  "COPY shnor.school_group FROM STDIN",
  "COPY shnor.school_reason FROM STDIN",
  "COPY shnor.programme FROM STDIN",
  "COPY shnor.programme_school FROM STDIN",
  "COPY shnor.measure FROM STDIN",
  "COPY shnor.measure_school FROM STDIN",
  "COPY shnor.programme_indicator FROM STDIN",
  "COPY shnor.programme_indicator_value FROM STDIN",
};

static const char * const delete_sql[N_TABLES] = {
  "DELETE FROM shnor.school WHERE municipality_id = $1",
  "DELETE FROM shnor.school_context WHERE municipality_id = $1",
  "DELETE FROM shnor.assessment WHERE municipality_id = $1",
  "DELETE FROM shnor.result WHERE municipality_id = $1",
  "DELETE FROM shnor.reference_mean WHERE municipality_id = $1",
  "DELETE FROM shnor.risk_level WHERE municipality_id = $1",
  "DELETE FROM shnor.indicator_value WHERE municipality_id = $1",
  "DELETE FROM shnor.school_group WHERE municipality_id = $1",
  "DELETE FROM shnor.school_reason WHERE municipality_id = $1",
  "DELETE FROM shnor.programme WHERE municipality_id = $1",
  "DELETE FROM shnor.programme_school WHERE municipality_id = $1",
  "DELETE FROM shnor.measure WHERE municipality_id = $1",
  "DELETE FROM shnor.measure_school WHERE municipality_id = $1",
  "DELETE FROM shnor.programme_indicator WHERE municipality_id = $1",
  "DELETE FROM shnor.programme_indicator_value WHERE municipality_id = $1",
};

struct _ShnorPublicationData {
  gint64   id;            /* the ОКТМО as a number */
  char    *oktmo;
  char    *name;
  char    *region;
  char    *authority;
  char    *criteria_set;
  GString *copy[N_TABLES];
  guint64  rows[N_TABLES];
  char    *digest;
};

struct _ShnorRegion {
  PGconn *conn;
  int     version;
};

/* ---- errors ------------------------------------------------------------- */

static char *
server_message (PGconn *conn)
{
  return g_strstrip (g_strdup (conn ? PQerrorMessage (conn) : ""));
}

static void
set_pg_error (GError     **error,
              PGconn      *conn,
              const char  *what)
{
  g_autofree char *message = server_message (conn);

  if (conn != NULL && PQstatus (conn) != CONNECTION_OK)
    g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO,
                 _("The connection to the regional database was lost; nothing of this step was kept (%s): %s"),
                 what, message);
  else
    g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The regional database refused %s: %s"), what, message);
}

static gboolean
run (PGconn      *conn,
     const char  *sql,
     const char  *what,
     GError     **error)
{
  PGresult *res = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (res);
  gboolean ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;

  if (!ok)
    set_pg_error (error, conn, what);
  PQclear (res);
  return ok;
}

/* A query of the program's own text, with its parameters bound */
static PGresult *
query (PGconn             *conn,
       const char         *sql,
       int                 n_params,
       const char * const *params,
       const char         *what,
       GError            **error)
{
  PGresult *res = PQexecParams (conn, sql, n_params, NULL, params, NULL, NULL, 0);

  if (PQresultStatus (res) != PGRES_TUPLES_OK && PQresultStatus (res) != PGRES_COMMAND_OK)
    {
      set_pg_error (error, conn, what);
      PQclear (res);
      return NULL;
    }
  return res;
}

static void
rollback (PGconn *conn)
{
  if (PQstatus (conn) == CONNECTION_OK)
    PQclear (PQexec (conn, "ROLLBACK"));
}

/* ---- connecting and the schema ------------------------------------------ */

static int
read_version (PGconn  *conn,
              GError **error)
{
  PGresult *res = query (conn, "SELECT to_regclass ('shnor.schema_version') IS NOT NULL", 0, NULL,
                         _("reading the schema version"), error);
  int version = 0;

  if (res == NULL)
    return -1;
  if (PQntuples (res) == 1 && g_str_equal (PQgetvalue (res, 0, 0), "t"))
    {
      PQclear (res);
      res = query (conn, "SELECT max (version) FROM shnor.schema_version", 0, NULL,
                   _("reading the schema version"), error);
      if (res == NULL)
        return -1;
      version = PQntuples (res) == 1 ? atoi (PQgetvalue (res, 0, 0)) : 0;
    }
  PQclear (res);
  return version;
}

static gboolean
migrate (ShnorRegion  *self,
         GError      **error)
{
  g_autofree char *lock = g_strdup_printf ("BEGIN; SELECT pg_advisory_xact_lock (%d)", SCHEMA_LOCK);
  int version;

  if (!run (self->conn, lock, _("the schema change"), error))
    return FALSE;
  /* another Shnor may have migrated it while we waited */
  version = read_version (self->conn, error);
  if (version < 0)
    goto fail;
  for (int v = version; v < SHNOR_REGION_VERSION; v++)
    {
      g_autofree char *mark = g_strdup_printf ("UPDATE shnor.schema_version SET version = %d", v + 1);

      if (!run (self->conn, migrations[v], _("the schema change"), error) ||
          !run (self->conn, mark, _("the schema change"), error))
        goto fail;
    }
  if (!run (self->conn, "COMMIT", _("the schema change"), error))
    goto fail;
  self->version = MAX (version, SHNOR_REGION_VERSION);
  return TRUE;

fail:
  rollback (self->conn);
  return FALSE;
}

/**
 * shnor_region_connect:
 * @uri: a libpq connection string or URI (postgresql://user@host:port/db)
 * @password: (nullable): the password; %NULL: libpq's own (PGPASSWORD,
 *   ~/.pgpass)
 * @create: whether to create or upgrade the schema (publishing) rather
 *   than only read it (the regional view)
 *
 * Returns: (transfer full): the connection, or %NULL with an error that
 * says what to do: wrong credentials, an unreachable server, a database
 * of a newer Shnor.
 */
ShnorRegion *
shnor_region_connect (const char  *uri,
                      const char  *password,
                      gboolean     create,
                      GError     **error)
{
  /* without a password of ours, libpq's own sources (PGPASSWORD, ~/.pgpass) */
  gboolean with_password = password != NULL && password[0] != '\0';
  const char *keys[] = { "dbname", "connect_timeout", "application_name", "client_encoding",
                         with_password ? "password" : NULL, NULL };
  const char *values[] = { uri, "10", "shnor", "UTF8", with_password ? password : NULL, NULL };
  g_autoptr(ShnorRegion) self = NULL;
  int version;

  g_return_val_if_fail (uri != NULL, NULL);

  if (!g_str_has_prefix (uri, "postgresql://") && !g_str_has_prefix (uri, "postgres://") && strchr (uri, '=') == NULL)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("“%s” is not the address of a PostgreSQL database (expected postgresql://USER@HOST:PORT/DATABASE)."),
                   uri);
      return NULL;
    }
  self = g_new0 (ShnorRegion, 1);
  self->conn = PQconnectdbParams (keys, values, 1);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *message = server_message (self->conn);

      if (PQconnectionNeedsPassword (self->conn))
        g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_READ_ONLY,
                     _("The regional database asks for a password: enter it, or give it in PGPASSWORD or ~/.pgpass."));
      else if (PQconnectionUsedPassword (self->conn))
        g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_READ_ONLY,
                     _("The regional database did not accept the user name or the password: %s"), message);
      else
        g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("Could not connect to the regional database: %s"),
                     message);
      return NULL;
    }
  version = read_version (self->conn, error);
  if (version < 0)
    return NULL;
  if (version > SHNOR_REGION_VERSION)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_NEWER,
                   _("The regional database was set up by a newer version of Shnor (schema %d; this version knows "
                     "up to %d). Update Shnor to work with it."), version, SHNOR_REGION_VERSION);
      return NULL;
    }
  self->version = version;
  if (version < SHNOR_REGION_VERSION)
    {
      if (!create && version == 0)
        {
          g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_NOTHING,
                       _("The database holds no regional data yet: publish a municipality into it first."));
          return NULL;
        }
      if (!create)
        {
          g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                       _("The regional database has an older schema (%d): publish a municipality with this version "
                         "of Shnor to upgrade it."), version);
          return NULL;
        }
      if (!migrate (self, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

void
shnor_region_free (ShnorRegion *self)
{
  if (self == NULL)
    return;
  PQfinish (self->conn);
  g_free (self);
}

int
shnor_region_get_version (ShnorRegion *self)
{
  return self->version;
}

/* For tests: the server process of the connection */
int
shnor_region_backend_pid (ShnorRegion *self)
{
  return PQbackendPID (self->conn);
}

/* ---- connection strings ------------------------------------------------- */

static void
append_keyword (GString    *out,
                const char *key,
                const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  g_string_append_printf (out, "%s%s='", out->len ? " " : "", key);
  for (const char *p = value; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

/**
 * shnor_region_make_uri:
 *
 * Returns: (transfer full): the connection string of the server @host,
 * never with a password (that is asked for, or kept in the keyring)
 */
char *
shnor_region_make_uri (const char *host,
                       const char *port,
                       const char *database,
                       const char *user)
{
  GString *out = g_string_new (NULL);

  append_keyword (out, "host", host);
  append_keyword (out, "port", port);
  append_keyword (out, "dbname", database);
  append_keyword (out, "user", user);
  return g_string_free (out, FALSE);
}

/**
 * shnor_region_parse_uri:
 * @host: (out) (optional): and the others: "" where the connection
 *   string says nothing (libpq's defaults then)
 *
 * Reads a URI (postgresql://user@host:port/db) or a connection string.
 */
gboolean
shnor_region_parse_uri (const char  *uri,
                        char       **host,
                        char       **port,
                        char       **database,
                        char       **user,
                        GError     **error)
{
  char *message = NULL;
  PQconninfoOption *options = PQconninfoParse (uri ? uri : "", &message);
  struct { const char *key; char **out; } wanted[] = {
    { "host", host }, { "port", port }, { "dbname", database }, { "user", user },
  };

  if (options == NULL)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("“%s” is not the address of a PostgreSQL database: %s"),
                   uri ? uri : "", message ? g_strstrip (message) : "");
      PQfreemem (message);
      return FALSE;
    }
  for (guint w = 0; w < G_N_ELEMENTS (wanted); w++)
    {
      if (wanted[w].out == NULL)
        continue;
      *wanted[w].out = NULL;
      for (PQconninfoOption *o = options; o->keyword != NULL; o++)
        if (g_str_equal (o->keyword, wanted[w].key))
          *wanted[w].out = g_strdup (o->val ? o->val : "");
      if (*wanted[w].out == NULL)
        *wanted[w].out = g_strdup ("");
    }
  PQconninfoFree (options);
  return TRUE;
}

/* "user@host:port/database", for titles: never the password */
char *
shnor_region_describe_uri (const char *uri)
{
  g_autofree char *host = NULL;
  g_autofree char *port = NULL;
  g_autofree char *database = NULL;
  g_autofree char *user = NULL;

  if (!shnor_region_parse_uri (uri, &host, &port, &database, &user, NULL))
    return g_strdup ("");
  return g_strdup_printf ("%s%s%s%s%s/%s", user, user[0] ? "@" : "", host[0] ? host : "localhost",
                          port[0] ? ":" : "", port, database);
}

/* ---- reading a file into COPY text --------------------------------------- */

/* One cell in COPY's text format: NULL is \N, and backslash, tab and
 * line ends are escaped. */
static void
put_cell (GString    *out,
          const char *text,
          gboolean    first)
{
  if (!first)
    g_string_append_c (out, '\t');
  if (text == NULL)
    {
      g_string_append (out, "\\N");
      return;
    }
  for (const char *p = text; *p; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case '\t': g_string_append (out, "\\t"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      default: g_string_append_c (out, *p);
      }
}

static void
begin_line (ShnorPublicationData *d,
            Table                 t)
{
  g_string_append_printf (d->copy[t], "%" G_GINT64_FORMAT, d->id);
  d->rows[t]++;
}

static void
put_int (GString *out,
         gint64   value)
{
  g_string_append_printf (out, "\t%" G_GINT64_FORMAT, value);
}

static void
put_double (GString  *out,
            gboolean  known,
            double    value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  put_cell (out, known && isfinite (value) ? g_ascii_dtostr (buffer, sizeof buffer, value) : NULL, FALSE);
}

/* A text the UI formatted ("12,5", "ДД.ММ.ГГГГ", "ММ.ГГГГ") for a typed
 * column: NULL when empty */
static void
put_formatted_double (GString    *out,
                      const char *text)
{
  double v = 0;

  put_double (out, text != NULL && text[0] && shnor_parse_double (text, &v), v);
}

static void
put_date (GString    *out,
          const char *text)
{
  GDate date;
  char iso[16];

  if (text == NULL || !text[0] || !shnor_parse_date (text, &date))
    {
      put_cell (out, NULL, FALSE);
      return;
    }
  g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
  put_cell (out, iso, FALSE);
}

static void
put_month (GString    *out,
           const char *text)
{
  int year, month;
  char iso[16];

  if (text == NULL || !text[0] || !shnor_parse_month (text, &year, &month))
    {
      put_cell (out, NULL, FALSE);
      return;
    }
  g_snprintf (iso, sizeof iso, "%04d-%02d-01", year, month);
  put_cell (out, iso, FALSE);
}

typedef struct {
  ShnorPublicationData *data;
  Table                 table;
  guint                 n_dates;   /* the last cells that are dates ("" is none) */
} RowSink;

static gboolean
take_row (const char * const *cells,
          guint               n_cells,
          gpointer            user_data,
          GError            **error)
{
  RowSink *sink = user_data;
  GString *out = sink->data->copy[sink->table];

  begin_line (sink->data, sink->table);
  for (guint i = 0; i < n_cells; i++)
    {
      if (i + sink->n_dates >= n_cells)
        put_date (out, cells[i]);
      else
        put_cell (out, cells[i], FALSE);
    }
  g_string_append_c (out, '\n');
  return TRUE;
}

static gboolean
read_rows (ShnorPublicationData *d,
           ShnorDocument        *document,
           ShnorExportSet        set,
           Table                 table,
           guint                 n_dates,
           GError              **error)
{
  RowSink sink = { d, table, n_dates };

  return shnor_document_export_rows (document, set, take_row, &sink, error);
}

/* The identification lists with their reasons, as the file's active
 * criteria set gives them */
static void
read_identification (ShnorPublicationData *d,
                     ShnorDocument        *document)
{
  g_autoptr(ShnorClassification) classification = shnor_document_classify (document);
  GListModel *schools = shnor_document_get_schools (document);
  const ShnorCriteriaSet *set = shnor_classification_get_set (classification);

  g_free (d->criteria_set);
  d->criteria_set = g_strdup (set && set->name ? set->name : "");
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);
      gint64 id = shnor_school_get_id (school);
      guint groups = shnor_classification_get_groups (classification, id);
      guint n_reasons = 0;
      const ShnorReason *reasons = shnor_classification_get_reasons (classification, id, &n_reasons);

      for (guint g = 0; g < SHNOR_N_GROUPS; g++)
        if (groups & (1u << g))
          {
            begin_line (d, T_GROUP);
            put_int (d->copy[T_GROUP], id);
            put_int (d->copy[T_GROUP], g);
            g_string_append_c (d->copy[T_GROUP], '\n');
          }
      for (guint r = 0; r < n_reasons; r++)
        {
          const ShnorReason *reason = &reasons[r];
          g_autofree char *criterion = shnor_document_describe_criterion (document, reason->criterion);
          g_autoptr(GString) detail = g_string_new (NULL);
          GString *out = d->copy[T_REASON];

          for (guint y = 0; y < reason->n_years; y++)
            {
              g_autofree char *value = reason->years[y].known ? shnor_format_double (reason->years[y].value, 2)
                                                              : g_strdup ("—");
              g_autofree char *limit = shnor_format_double (reason->years[y].limit, 2);

              g_string_append_printf (detail, "%s%d: %s (граница %s)", detail->len ? "; " : "",
                                      reason->years[y].year, value, limit);
            }
          if (reason->total_known)
            {
              g_autofree char *total = shnor_format_double (reason->total, 2);
              g_autofree char *limit = shnor_format_double (reason->total_limit, 2);

              g_string_append_printf (detail, "%sза период %s (граница %s)", detail->len ? "; " : "", total, limit);
            }
          begin_line (d, T_REASON);
          put_int (out, id);
          put_int (out, reason->criterion->group);
          put_int (out, r);
          put_cell (out, criterion, FALSE);
          put_cell (out, reason->met ? "t" : "f", FALSE);
          put_cell (out, detail->str, FALSE);
          g_string_append_c (out, '\n');
        }
    }
}

static const char *
part_text (const ShnorPartRow *row,
           const char         *column)
{
  guint n_fields;
  const ShnorField *fields = shnor_part_fields (SHNOR_PART_INDICATOR, &n_fields);
  const ShnorField *field = shnor_field_find (fields, n_fields, column);

  return field ? row->texts[field - fields] : NULL;
}

static void
read_indicators (ShnorPublicationData *d,
                 ShnorDocument        *document,
                 gint64                programme)
{
  g_autoptr(GArray) rows = shnor_document_get_part (document, programme, SHNOR_PART_INDICATOR);

  for (guint r = 0; r < rows->len; r++)
    {
      const ShnorPartRow *row = &g_array_index (rows, ShnorPartRow, r);
      g_autoptr(GArray) years = shnor_document_get_indicator_plan (document, row->id);
      GString *out = d->copy[T_PROGRAMME_INDICATOR];
      const char *direction = part_text (row, "direction");

      begin_line (d, T_PROGRAMME_INDICATOR);
      put_int (out, row->id);
      put_int (out, programme);
      put_int (out, r);
      put_cell (out, part_text (row, "name") ? part_text (row, "name") : "", FALSE);
      put_cell (out, part_text (row, "unit") ? part_text (row, "unit") : "", FALSE);
      put_int (out, direction && direction[0] == '1');
      put_formatted_double (out, part_text (row, "baseline"));
      put_formatted_double (out, part_text (row, "baseline_year"));
      put_cell (out, row->binding && row->binding[0] ? "t" : "f", FALSE);
      g_string_append_c (out, '\n');
      for (guint y = 0; y < years->len; y++)
        {
          const ShnorIndicatorYear *iy = &g_array_index (years, ShnorIndicatorYear, y);

          out = d->copy[T_INDICATOR_YEAR];
          begin_line (d, T_INDICATOR_YEAR);
          put_int (out, row->id);
          put_int (out, iy->year);
          put_double (out, iy->has_target, iy->target);
          put_double (out, iy->has_actual, iy->actual);
          put_int (out, iy->achievement);
          g_string_append_c (out, '\n');
        }
    }
}

static void
read_roadmap (ShnorPublicationData *d,
              ShnorDocument        *document,
              gint64                programme)
{
  GDate today;
  g_autoptr(GArray) measures = NULL;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  measures = shnor_document_get_roadmap (document, programme, &today);
  for (guint i = 0; i < measures->len; i++)
    {
      const ShnorMeasure *m = &g_array_index (measures, ShnorMeasure, i);
      GString *out = d->copy[T_MEASURE];
      /* a row of a table by levels is named by its actions */
      g_autofree char *title = shnor_measure_dup_text (m);

      begin_line (d, T_MEASURE);
      put_int (out, m->id);
      put_int (out, programme);
      if (m->parent_id != 0)
        put_int (out, m->parent_id);
      else
        put_cell (out, NULL, FALSE);
      put_int (out, i);
      put_cell (out, m->number, FALSE);
      put_cell (out, title, FALSE);
      /* the file's levels as bits, the first 15 (a smallint) */
      put_int (out, m->levels & 0x7fff);
      put_month (out, m->texts[shnor_measure_field_index ("start_month")]);
      put_month (out, m->texts[shnor_measure_field_index ("end_month")]);
      put_cell (out, m->texts[shnor_measure_field_index ("period_text")], FALSE);
      put_int (out, m->status);
      put_date (out, m->texts[shnor_measure_field_index ("done_date")]);
      put_cell (out, m->texts[shnor_measure_field_index ("evidence")], FALSE);
      g_string_append_c (out, '\n');
    }
}

ShnorPublicationData *
shnor_publication_data_new (ShnorDocument  *document,
                            GError        **error)
{
  return shnor_publication_data_new_as (document, NULL, error);
}

/**
 * shnor_publication_data_new_as:
 * @oktmo: (nullable): the municipality's ОКТМО code; %NULL: the one of the
 *   file's settings (a regional officer may publish a file received by mail
 *   that has none, without changing it)
 *
 * Reads everything a publication of @document sends: in the thread that
 * owns the document, so that sending can run in another.
 *
 * Returns: (transfer full): the data, or %NULL when there is no valid
 * ОКТМО code (or the file cannot be read)
 */
ShnorPublicationData *
shnor_publication_data_new_as (ShnorDocument  *document,
                               const char     *oktmo,
                               GError        **error)
{
  g_autoptr(ShnorPublicationData) d = g_new0 (ShnorPublicationData, 1);
  g_autoptr(GListModel) programmes = NULL;
  g_autoptr(GChecksum) digest = g_checksum_new (G_CHECKSUM_SHA256);
  static const struct { ShnorExportSet set; Table table; guint n_dates; } sets[] = {
    { SHNOR_EXPORT_SCHOOLS, T_SCHOOL, 0 },
    { SHNOR_EXPORT_CONTEXT, T_CONTEXT, 0 },
    { SHNOR_EXPORT_ASSESSMENTS, T_ASSESSMENT, 0 },
    { SHNOR_EXPORT_RESULTS, T_RESULT, 0 },
    { SHNOR_EXPORT_REFERENCE_MEANS, T_REFERENCE, 0 },
    { SHNOR_EXPORT_RISKS, T_RISK, 0 },
    { SHNOR_EXPORT_INDICATOR_VALUES, T_INDICATOR_VALUE, 0 },
    { SHNOR_EXPORT_PROGRAMMES, T_PROGRAMME, 1 },
    { SHNOR_EXPORT_PROGRAMME_SCHOOLS, T_PROGRAMME_SCHOOL, 0 },
    { SHNOR_EXPORT_MEASURE_SCHOOLS, T_MEASURE_SCHOOL, 0 },
  };

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), NULL);

  d->oktmo = oktmo != NULL ? g_strstrip (g_strdup (oktmo)) : shnor_document_dup_setting (document, "oktmo");
  if (!shnor_oktmo_valid (d->oktmo))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   d->oktmo[0] ? _("The municipality’s ОКТМО code “%s” in the settings is not valid: it has 8 or 11 "
                                   "digits.")
                               : _("The municipality has no ОКТМО code: enter it in the municipality settings first "
                                   "(it is the municipality’s key in the regional database)."), d->oktmo);
      return NULL;
    }
  d->id = g_ascii_strtoll (d->oktmo, NULL, 10);
  d->name = shnor_document_dup_setting (document, "municipality");
  d->region = shnor_document_dup_setting (document, "region");
  d->authority = shnor_document_dup_setting (document, "authority");
  for (guint t = 0; t < N_TABLES; t++)
    d->copy[t] = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    if (!read_rows (d, document, sets[i].set, sets[i].table, sets[i].n_dates, error))
      return NULL;
  read_identification (d, document);
  programmes = shnor_document_get_programmes (document, TRUE);
  for (guint p = 0; p < g_list_model_get_n_items (programmes); p++)
    {
      g_autoptr(ShnorProgramme) programme = g_list_model_get_item (programmes, p);

      read_roadmap (d, document, shnor_programme_get_id (programme));
      read_indicators (d, document, shnor_programme_get_id (programme));
    }

  {
    const char *meta[] = { d->oktmo, d->name, d->region, d->authority, d->criteria_set };

    for (guint i = 0; i < G_N_ELEMENTS (meta); i++)
      g_checksum_update (digest, (const guchar *) meta[i], (gssize) strlen (meta[i]) + 1);
  }
  for (guint t = 0; t < N_TABLES; t++)
    {
      g_checksum_update (digest, (const guchar *) table_names[t], -1);
      g_checksum_update (digest, (const guchar *) d->copy[t]->str, (gssize) d->copy[t]->len);
    }
  d->digest = g_strdup (g_checksum_get_string (digest));
  return g_steal_pointer (&d);
}

const char *
shnor_publication_data_get_oktmo (ShnorPublicationData *d)
{
  return d->oktmo;
}

/**
 * shnor_publication_data_get_copy:
 * @table: (out): the table the rows go to
 *
 * For the benchmark that compares a publication with PostgreSQL's own
 * COPY of the same rows: the rows of the @i-th table, as COPY's text.
 *
 * Returns: (nullable): the text, or %NULL past the last table
 */
const GString *
shnor_publication_data_get_copy (ShnorPublicationData  *d,
                                 guint                  i,
                                 const char           **table)
{
  if (i >= N_TABLES)
    return NULL;
  *table = table_names[i];
  return d->copy[i];
}

void
shnor_publication_data_free (ShnorPublicationData *d)
{
  if (d == NULL)
    return;
  for (guint t = 0; t < N_TABLES; t++)
    if (d->copy[t] != NULL)
      g_string_free (d->copy[t], TRUE);
  g_free (d->oktmo);
  g_free (d->name);
  g_free (d->region);
  g_free (d->authority);
  g_free (d->criteria_set);
  g_free (d->digest);
  g_free (d);
}

/* ---- sending ------------------------------------------------------------- */

static gboolean
copy_table (PGconn                *conn,
            ShnorPublicationData  *d,
            Table                  t,
            GError               **error)
{
  PGresult *res = PQexec (conn, copy_sql[t]);
  const GString *text = d->copy[t];
  gsize sent = 0;
  gboolean ok;

  if (PQresultStatus (res) != PGRES_COPY_IN)
    {
      PQclear (res);
      set_pg_error (error, conn, table_names[t]);
      return FALSE;
    }
  PQclear (res);
  /* in pieces of 1 MB: libpq buffers what it is given */
  while (sent < text->len)
    {
      gsize n = MIN (text->len - sent, 1 << 20);

      if (PQputCopyData (conn, text->str + sent, (int) n) != 1)
        {
          set_pg_error (error, conn, table_names[t]);
          return FALSE;
        }
      sent += n;
    }
  if (PQputCopyEnd (conn, NULL) != 1)
    {
      set_pg_error (error, conn, table_names[t]);
      return FALSE;
    }
  res = PQgetResult (conn);
  ok = PQresultStatus (res) == PGRES_COMMAND_OK;
  PQclear (res);
  /* the end of the command's results */
  while ((res = PQgetResult (conn)) != NULL)
    PQclear (res);
  if (!ok)
    set_pg_error (error, conn, table_names[t]);
  return ok;
}

static void
report (ShnorProgressFunc  progress,
        gpointer           user_data,
        const char        *step,
        double             fraction)
{
  if (progress != NULL)
    progress (step, fraction, user_data);
}

/**
 * shnor_region_send:
 * @progress: (nullable): told between the tables
 *
 * Publishes @data in one transaction: the municipality's previous
 * publication is replaced, or left as it was when anything fails (a
 * connection lost on the way included). The same data published again
 * writes nothing.
 */
gboolean
shnor_region_send (ShnorRegion          *self,
                   ShnorPublicationData *d,
                   ShnorProgressFunc     progress,
                   gpointer              user_data,
                   ShnorPublication     *publication,
                   GError              **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, d->id);
  g_autofree char *n_rows = NULL;
  const char *one[] = { id };
  PGresult *res;
  guint64 total = 0;
  gboolean unchanged;

  g_return_val_if_fail (self != NULL && d != NULL, FALSE);

  for (guint t = 0; t < N_TABLES; t++)
    total += d->rows[t];
  n_rows = g_strdup_printf ("%" G_GUINT64_FORMAT, total);
  if (publication != NULL)
    {
      publication->municipality = g_strdup (d->name);
      publication->oktmo = g_strdup (d->oktmo);
      publication->n_schools = (guint) d->rows[T_SCHOOL];
      publication->n_results = (guint) d->rows[T_RESULT];
      publication->n_rows = total;
    }

  report (progress, user_data, _("Comparing with the last publication"), 0);
  if (!run (self->conn, "BEGIN", _("the publication"), error))
    return FALSE;
  /* one publisher of a municipality at a time */
  res = query (self->conn, "SELECT pg_advisory_xact_lock ($1::bigint)", 1, one, _("the publication"), error);
  if (res == NULL)
    goto fail;
  PQclear (res);
  {
    const char *params[] = { id, d->digest };

    res = query (self->conn, "SELECT 1 FROM shnor.municipality WHERE id = $1 AND digest = $2", 2, params,
                 _("the publication"), error);
  }
  if (res == NULL)
    goto fail;
  unchanged = PQntuples (res) == 1;
  PQclear (res);
  if (unchanged)
    {
      rollback (self->conn);
      if (publication != NULL)
        publication->unchanged = TRUE;
      report (progress, user_data, _("Already published"), 1);
      return TRUE;
    }

  for (guint t = 0; t < N_TABLES; t++)
    {
      res = query (self->conn, delete_sql[t], 1, one, _("removing the last publication"), error);
      if (res == NULL)
        goto fail;
      PQclear (res);
    }
  {
    const char *params[] = { id, d->oktmo, d->name, d->region, d->authority, d->criteria_set, d->digest };

    res = query (self->conn,
                 "INSERT INTO shnor.municipality (id, oktmo, name, region, authority, criteria_set, digest,"
                 " published_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now ())"
                 " ON CONFLICT (id) DO UPDATE SET oktmo = excluded.oktmo, name = excluded.name,"
                 " region = excluded.region, authority = excluded.authority,"
                 " criteria_set = excluded.criteria_set, digest = excluded.digest,"
                 " published_at = excluded.published_at", 7, params, _("the publication"), error);
  }
  if (res == NULL)
    goto fail;
  PQclear (res);
  for (guint t = 0; t < N_TABLES; t++)
    {
      report (progress, user_data, _(table_labels[t]), (double) t / N_TABLES);
      if (!copy_table (self->conn, d, t, error))
        goto fail;
    }
  {
    const char *params[] = { id, d->digest, n_rows };

    res = query (self->conn,
                 "INSERT INTO shnor.publication (municipality_id, published_at, digest, n_rows)"
                 " VALUES ($1, now (), $2, $3)", 3, params, _("the publication"), error);
  }
  if (res == NULL)
    goto fail;
  PQclear (res);
  report (progress, user_data, _("Committing"), 1);
  if (!run (self->conn, "COMMIT", _("the publication"), error))
    goto fail;
  return TRUE;

fail:
  rollback (self->conn);
  return FALSE;
}

/**
 * shnor_region_publish:
 *
 * Connects to @uri (creating or upgrading the regional schema), reads
 * @document and publishes it as @oktmo (%NULL: the code of its settings):
 * see shnor_region_send().
 */
gboolean
shnor_region_publish (const char        *uri,
                      const char        *password,
                      ShnorDocument     *document,
                      const char        *oktmo,
                      ShnorProgressFunc  progress,
                      gpointer           user_data,
                      ShnorPublication  *publication,
                      GError           **error)
{
  g_autoptr(ShnorPublicationData) data = shnor_publication_data_new_as (document, oktmo, error);
  g_autoptr(ShnorRegion) region = NULL;

  if (data == NULL)
    return FALSE;
  region = shnor_region_connect (uri, password, TRUE, error);
  return region != NULL && shnor_region_send (region, data, progress, user_data, publication, error);
}

void
shnor_publication_clear (ShnorPublication *publication)
{
  g_clear_pointer (&publication->municipality, g_free);
  g_clear_pointer (&publication->oktmo, g_free);
}

/* ---- reading the region --------------------------------------------------- */

static GPtrArray *
rows_of (ShnorRegion        *self,
         const char         *sql,
         int                 n_params,
         const char * const *params,
         GError            **error)
{
  PGresult *res;
  GPtrArray *rows;
  int n_columns;

  g_return_val_if_fail (self != NULL, NULL);
  res = query (self->conn, sql, n_params, params, _("reading the region"), error);
  if (res == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  n_columns = PQnfields (res);
  for (int r = 0; r < PQntuples (res); r++)
    {
      char **cells = g_new0 (char *, n_columns + 1);

      for (int c = 0; c < n_columns; c++)
        cells[c] = g_strdup (PQgetisnull (res, r, c) ? "" : PQgetvalue (res, r, c));
      g_ptr_array_add (rows, cells);
    }
  PQclear (res);
  return rows;
}

/**
 * shnor_region_get_summary:
 *
 * Returns: (transfer full): one row per municipality, by name, with the
 * cells of #ShnorSummaryColumn
 */
GPtrArray *
shnor_region_get_summary (ShnorRegion  *self,
                          GError      **error)
{
  return rows_of (self,
                  "SELECT oktmo, name, schools, low, social, high, decline, measures, overdue, indicators, met,"
                  " to_char (published_at, 'DD.MM.YYYY HH24:MI') FROM shnor.region_summary ORDER BY name, oktmo",
                  0, NULL, error);
}

/**
 * shnor_region_get_lists:
 * @oktmo: (nullable): one municipality's, or %NULL for the whole region
 *
 * Returns: (transfer full): the identified schools, with the cells of
 * #ShnorListColumn
 */
GPtrArray *
shnor_region_get_lists (ShnorRegion  *self,
                        const char   *oktmo,
                        GError      **error)
{
  const char *params[] = { oktmo };

  if (oktmo != NULL)
    return rows_of (self,
                    "SELECT oktmo, municipality, code, school, settlement, groups, coalesce (reasons, '')"
                    " FROM shnor.region_lists WHERE oktmo = $1"
                    " ORDER BY groups !~ '[13]', school", 1, params, error);
  return rows_of (self,
                  "SELECT oktmo, municipality, code, school, settlement, groups, coalesce (reasons, '')"
                  " FROM shnor.region_lists ORDER BY municipality, groups !~ '[13]', school", 0, NULL, error);
}

/**
 * shnor_region_get_overdue:
 * @oktmo: (nullable): one municipality's, or %NULL for the whole region
 *
 * Returns: (transfer full): the overdue measures of the approved
 * programmes, with the cells of #ShnorOverdueColumn
 */
GPtrArray *
shnor_region_get_overdue (ShnorRegion  *self,
                          const char   *oktmo,
                          GError      **error)
{
  const char *params[] = { oktmo };

  if (oktmo != NULL)
    return rows_of (self,
                    "SELECT oktmo, municipality, programme, number, title, end_month FROM shnor.region_overdue"
                    " WHERE oktmo = $1 ORDER BY programme, number", 1, params, error);
  return rows_of (self,
                  "SELECT oktmo, municipality, programme, number, title, end_month FROM shnor.region_overdue"
                  " ORDER BY municipality, programme, number", 0, NULL, error);
}

/* "1,3" → «ШНОР, ШНСУ» as the badges read */
char *
shnor_region_groups_describe (const char *codes)
{
  g_auto(GStrv) parts = g_strsplit (codes ? codes : "", ",", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      int g = atoi (parts[i]);

      if (parts[i][0] != '\0' && g >= 0 && g < SHNOR_N_GROUPS)
        g_string_append_printf (out, "%s%s", out->len ? ", " : "", shnor_group_badge ((ShnorGroup) g));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- the regional summary workbook ---------------------------------------- */

typedef struct {
  const char *head;
  double      width;
  gboolean    number;
} SummaryColumn;

static void
write_table (lxw_workbook        *book,
             const char          *name,
             const char          *title,
             const SummaryColumn *columns,
             guint                n_columns,
             GPtrArray           *rows,
             const int           *cells,
             lxw_format          *title_format,
             lxw_format          *head,
             lxw_format          *text,
             lxw_format          *number)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book, name);

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, 2, 2);
  worksheet_set_footer (sheet, "&C&P");
  worksheet_write_string (sheet, 0, 0, title, title_format);
  for (guint c = 0; c < n_columns; c++)
    {
      worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, columns[c].width, NULL);
      worksheet_write_string (sheet, 2, (lxw_col_t) c, columns[c].head, head);
    }
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = rows->pdata[r];

      for (guint c = 0; c < n_columns; c++)
        {
          const char *cell = cells[c] >= 0 ? row[cells[c]] : "";
          lxw_row_t at = (lxw_row_t) (r + 3);

          if (columns[c].number && cell[0] != '\0')
            worksheet_write_number (sheet, at, (lxw_col_t) c, g_ascii_strtod (cell, NULL), number);
          else
            worksheet_write_string (sheet, at, (lxw_col_t) c, cell, text);
        }
    }
  worksheet_freeze_panes (sheet, 3, 0);
}

/* The lists' groups as badges, in the cells the sheet shows */
static GPtrArray *
lists_for_sheet (GPtrArray *lists)
{
  for (guint r = 0; r < lists->len; r++)
    {
      char **row = lists->pdata[r];
      char *groups = shnor_region_groups_describe (row[SHNOR_LIST_GROUPS]);

      g_free (row[SHNOR_LIST_GROUPS]);
      row[SHNOR_LIST_GROUPS] = groups;
    }
  return lists;
}

/**
 * shnor_region_write_summary:
 *
 * Writes the regional summary workbook: the municipalities with their
 * counts, the identified schools of the region with the reasons, and the
 * overdue measures. Written to a temporary name and renamed, never over a
 * Shnor file.
 */
gboolean
shnor_region_write_summary (ShnorRegion  *self,
                            const char   *path,
                            GError      **error)
{
  static const SummaryColumn summary_columns[] = {
    { "ОКТМО", 14, FALSE }, { "Муниципальное образование", 36, FALSE }, { "Школ", 9, TRUE },
    { "ШНОР", 9, TRUE }, { "ШНСУ", 9, TRUE }, { "Стабильно высокие", 12, TRUE },
    { "Отрицательная динамика", 13, TRUE }, { "Мероприятий", 13, TRUE }, { "Из них просрочено", 12, TRUE },
    { "Показателей с данными", 13, TRUE }, { "Из них достигнуто", 12, TRUE }, { "Опубликовано", 18, FALSE },
  };
  static const int summary_cells[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
  static const SummaryColumn list_columns[] = {
    { "Муниципальное образование", 30, FALSE }, { "Код", 10, FALSE }, { "Школа", 40, FALSE },
    { "Населённый пункт", 20, FALSE }, { "Группы", 16, FALSE }, { "Основания", 70, FALSE },
  };
  static const int list_cells[] = { SHNOR_LIST_MUNICIPALITY, SHNOR_LIST_CODE, SHNOR_LIST_SCHOOL,
                                    SHNOR_LIST_SETTLEMENT, SHNOR_LIST_GROUPS, SHNOR_LIST_REASONS };
  static const SummaryColumn overdue_columns[] = {
    { "Муниципальное образование", 30, FALSE }, { "Программа", 40, FALSE }, { "№", 8, FALSE },
    { "Мероприятие", 60, FALSE }, { "Срок", 10, FALSE },
  };
  static const int overdue_cells[] = { SHNOR_OVERDUE_MUNICIPALITY, SHNOR_OVERDUE_PROGRAMME, SHNOR_OVERDUE_NUMBER,
                                       SHNOR_OVERDUE_TITLE, SHNOR_OVERDUE_END };
  g_autoptr(GPtrArray) summary = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autofree char *part = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%d.%m.%Y");
  g_autofree char *title = g_strdup_printf ("Сводка по муниципальным образованиям на %s", day);
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_workbook *book;
  lxw_format *title_format, *head, *text, *number;
  lxw_error rc;

  summary = shnor_region_get_summary (self, error);
  if (summary == NULL || (lists = shnor_region_get_lists (self, NULL, error)) == NULL ||
      (overdue = shnor_region_get_overdue (self, NULL, error)) == NULL)
    return FALSE;
  part = shnor_part_path (path);
  book = workbook_new_opt (part, &options);
  if (book == NULL)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The workbook cannot be written to this folder."));
      return FALSE;
    }
  title_format = workbook_add_format (book);
  format_set_font_name (title_format, "Times New Roman");
  format_set_font_size (title_format, 13);
  format_set_bold (title_format);
  head = workbook_add_format (book);
  format_set_font_name (head, "Times New Roman");
  format_set_bold (head);
  format_set_text_wrap (head);
  format_set_border (head, LXW_BORDER_THIN);
  format_set_align (head, LXW_ALIGN_CENTER);
  format_set_align (head, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (head, 0xEEEEEE);
  text = workbook_add_format (book);
  format_set_font_name (text, "Times New Roman");
  format_set_text_wrap (text);
  format_set_border (text, LXW_BORDER_THIN);
  format_set_align (text, LXW_ALIGN_VERTICAL_TOP);
  number = workbook_add_format (book);
  format_set_font_name (number, "Times New Roman");
  format_set_border (number, LXW_BORDER_THIN);
  format_set_align (number, LXW_ALIGN_VERTICAL_TOP);

  write_table (book, "Сводка", title, summary_columns, G_N_ELEMENTS (summary_columns), summary, summary_cells,
               title_format, head, text, number);
  write_table (book, "Школы ШНОР и ШНСУ", "Школы, включённые в перечни, с основаниями", list_columns,
               G_N_ELEMENTS (list_columns), lists_for_sheet (lists), list_cells, title_format, head, text, number);
  write_table (book, "Просроченные мероприятия", "Просроченные мероприятия утверждённых программ", overdue_columns,
               G_N_ELEMENTS (overdue_columns), overdue, overdue_cells, title_format, head, text, number);
  rc = shnor_xlsx_close (book);
  if (rc != LXW_NO_ERROR)
    {
      g_unlink (part);
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The workbook could not be written: %s."), shnor_xlsx_strerror (rc));
      return FALSE;
    }
  return shnor_commit_part (part, path, error);
}

gboolean
shnor_region_export_summary (const char  *uri,
                             const char  *password,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(ShnorRegion) region = shnor_region_connect (uri, password, FALSE, error);

  return region != NULL && shnor_region_write_summary (region, path, error);
}
