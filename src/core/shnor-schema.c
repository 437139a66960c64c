/* shnor-schema.c: every format version is a step from the previous one,
 * so a file of any older version reaches the current one by the same path
 * a new file takes. */
#define G_LOG_DOMAIN "shnor-schema"

#include "config.h"
#include <glib/gi18n-lib.h>
#include "shnor-error.h"
#include "shnor-schema.h"

static const char * const migrations[SHNOR_FORMAT_VERSION] = {
  /* 0 → 1: the first format: settings and the school registry */
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL);"
  "CREATE TABLE school ("
  "  id         INTEGER PRIMARY KEY,"
  "  full_name  TEXT NOT NULL CHECK (full_name <> ''),"
  "  short_name TEXT NOT NULL DEFAULT '',"
  "  code       TEXT NOT NULL DEFAULT '',"
  "  settlement TEXT NOT NULL DEFAULT '',"
  "  area_type  INTEGER NOT NULL DEFAULT 0 CHECK (area_type BETWEEN 0 AND 2),"
  "  director   TEXT NOT NULL DEFAULT '',"
  "  phone      TEXT NOT NULL DEFAULT '',"
  "  email      TEXT NOT NULL DEFAULT '');",

  /* 1 → 2: legal form, address, flags of a school; yearly context data */
  "ALTER TABLE school ADD COLUMN legal_form TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE school ADD COLUMN address TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE school ADD COLUMN hard_to_reach INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE school ADD COLUMN mentor INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE school ADD COLUMN internship INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE school ADD COLUMN growth_point INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE school_context ("
  "  id                  INTEGER PRIMARY KEY,"
  "  school_id           INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,"
  "  year                INTEGER NOT NULL,"
  "  pupils              INTEGER,"
  "  teachers            INTEGER,"
  "  share_low_income    REAL,"
  "  share_low_education REAL,"
  "  share_non_native    REAL,"
  "  share_disabilities  REAL,"
  "  share_registered    REAL,"
  "  distance_km         REAL,"
  "  UNIQUE (school_id, year));"
  "CREATE INDEX school_context_school ON school_context (school_id);",

  /* 2 → 3: assessment results and the regional reference means */
  "CREATE TABLE result ("
  "  id           INTEGER PRIMARY KEY,"
  "  school_id    INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,"
  "  year         INTEGER NOT NULL,"
  "  kind         TEXT NOT NULL,"
  "  subject      TEXT NOT NULL,"
  "  grade        INTEGER NOT NULL,"
  "  participants INTEGER NOT NULL,"
  "  mean         REAL,"
  "  below        INTEGER,"
  "  high         INTEGER,"
  "  UNIQUE (school_id, kind, subject, grade, year));"
  "CREATE INDEX result_assessment ON result (kind, subject, grade, year);"
  "CREATE TABLE reference_mean ("
  "  id      INTEGER PRIMARY KEY,"
  "  year    INTEGER NOT NULL,"
  "  kind    TEXT NOT NULL,"
  "  subject TEXT NOT NULL,"
  "  grade   INTEGER NOT NULL,"
  "  mean    REAL NOT NULL,"
  "  UNIQUE (kind, subject, grade, year));",

  /* 3 → 4: the scale of an assessment's mean when it is not the kind's
   * usual one (primary scores instead of marks) */
  "CREATE TABLE assessment_scale ("
  "  id      INTEGER PRIMARY KEY,"
  "  kind    TEXT NOT NULL,"
  "  subject TEXT NOT NULL,"
  "  grade   INTEGER NOT NULL,"
  "  min     REAL NOT NULL,"
  "  max     REAL NOT NULL CHECK (max > min),"
  "  UNIQUE (kind, subject, grade));",
};

gboolean
shnor_schema_migrate (sqlite3  *db,
                      int       from_version,
                      GError  **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (from_version >= 0 && from_version <= SHNOR_FORMAT_VERSION, FALSE);

  for (int v = from_version; v < SHNOR_FORMAT_VERSION; v++)
    {
      char *msg = NULL;

      if (sqlite3_exec (db, migrations[v], NULL, NULL, &msg) != SQLITE_OK)
        {
          g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_DAMAGED,
                       _("Could not upgrade the file from format %d to %d: %s"),
                       v, v + 1, msg);
          sqlite3_free (msg);
          return FALSE;
        }
    }

  {
    g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                                SHNOR_APPLICATION_ID, SHNOR_FORMAT_VERSION);
    char *msg = NULL;

    if (sqlite3_exec (db, pragmas, NULL, NULL, &msg) != SQLITE_OK)
      {
        g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO,
                     _("Could not mark the file as a Shnor document: %s"), msg);
        sqlite3_free (msg);
        return FALSE;
      }
  }

  return TRUE;
}
