/* shnor-schema-check.c: a file is Shnor's own before anything runs on it.
 *
 * The schema a file of format N must have is made by running the first N
 * steps of shnor-schema.c on a private in-memory database (once per format
 * and process), and the file's sqlite_schema is compared with it row by
 * row: type, name, table and SQL text, exactly. Every step appended to
 * migrations[] is so verified without code of its own; only the tables
 * SQLite itself makes (sqlite_sequence, the statistics of ANALYZE) may be
 * there besides, with their own definitions. A file with anything else — a
 * trigger, a view, a column more or less — is refused before a statement of
 * ours runs on it. The undo triggers and the bulk code take the names of
 * tables, columns and indexes from the private database, never from the
 * file.
 *
 * Then the data: SQLite's integrity check (pages, indexes, NOT NULL,
 * CHECK), its foreign-key check, the type of every value (text is UTF-8
 * text, numbers are finite numbers, years are years) and the rules of the
 * format in invariants[] below. `shnor --check` runs them all on every
 * table. An open runs them on the tables of fewer than a fifth of
 * SHNOR_CHECK_SMALL_TABLE rows; on a table of up to that many (the results
 * of a large municipality) it runs SQLite's quick check (pages, NOT NULL,
 * CHECK), the foreign keys and the rules, not the index entries and types,
 * which would take a tenth of a second; a table larger still (a region's
 * results) is left to --check and to its readers, which report a damaged
 * page as an error. */
#define G_LOG_DOMAIN "shnor-schema"

#include "config.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "shnor-criteria.h"
#include "shnor-derived.h"
#include "shnor-network.h"
#include "shnor-error.h"
#include "shnor-result.h"
#include "shnor-schema.h"
#include "shnor-schema-check.h"
#include "shnor-schema-reference.h"
#include "shnor-sqlite.h"

/* At most this many problems are named in a message. */
#define MAX_NAMED 5

typedef struct {
  char *type;
  char *name;
  char *tbl_name;
  char *sql;
  char *canonical;  /* see canonical_sql() */
} SchemaObject;

typedef struct {
  char     *name;
  gboolean  ordinary;     /* FALSE: a virtual table or its shadow */
  gboolean  rowid;        /* FALSE: WITHOUT ROWID */
  char     *types_sql;    /* finds values of the wrong type; NULL: nothing to look at */
} SchemaTable;

typedef struct {
  GHashTable *objects;    /* "type name" → SchemaObject */
  GPtrArray  *tables;     /* SchemaTable, as the schema orders them */
  GHashTable *indexes;    /* table → GPtrArray of CREATE INDEX statements */
  GHashTable *triggers;   /* "undo_TABLE_i|u|d" → CREATE TEMP TRIGGER statement */
  char       *undo_sql;   /* the undo log and all undo triggers */
} Schema;

static Schema *schemas[SHNOR_FORMAT_VERSION + 1];
static GMutex schemas_lock;
static gint64 small_table = SHNOR_CHECK_SMALL_TABLE;

/* ---- names and messages ----------------------------------------------- */

/* A name from a file as a message shows it: valid UTF-8, no control
 * characters, at most 48 characters. */
static char *
display_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name ? name : "", -1);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == 48)
        {
          g_string_append (out, "…");
          break;
        }
      if (c < 0x20 || c == 0x7f)
        g_string_append_c (out, '?');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
add_problem (GPtrArray  *problems,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

/* Adds a problem; the same one again (a page damaged under many rows)
 * counts it: "… (3 times)". */
static void
add_problem (GPtrArray  *problems,
             const char *format,
             ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  for (guint i = 0; i < problems->len; i++)
    {
      char *old = problems->pdata[i];
      guint times = 1;
      gsize length = strlen (text);

      if (strncmp (old, text, length) != 0 || (old[length] != '\0' && old[length] != '\x1f'))
        continue;
      if (old[length] == '\x1f')
        times = (guint) atoi (old + length + 1);
      problems->pdata[i] = g_strdup_printf ("%s\x1f%u", text, times + 1);
      g_free (old);
      return;
    }
  g_ptr_array_add (problems, g_steal_pointer (&text));
}

/* A problem as a message shows it: "text (3 times)" */
static char *
problem_text (const char *problem)
{
  const char *mark = strchr (problem, '\x1f');
  guint times;

  if (mark == NULL)
    return g_strdup (problem);
  times = (guint) atoi (mark + 1);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%.*s (%u time)", "%.*s (%u times)", times),
                          (int) (mark - problem), problem, times);
}

/* Sets @error to @lead, the problems and @tail: at open, on one line
 * ("a; b; c and 4 more problems"); for --check, a line each (up to 100). */
static void
set_problems_error (GError          **error,
                    ShnorCheckDepth   depth,
                    const char       *lead,
                    GPtrArray        *problems,
                    const char       *tail)
{
  g_autoptr(GString) text = g_string_new (lead);
  guint named = depth == SHNOR_CHECK_FULL ? 100 : MAX_NAMED;

  for (guint i = 0; i < problems->len && i < named; i++)
    {
      g_autofree char *problem = problem_text (problems->pdata[i]);

      if (depth == SHNOR_CHECK_FULL)
        g_string_append_printf (text, "\n  – %s", problem);
      else
        g_string_append_printf (text, "%s%s", i ? "; " : " ", problem);
    }
  if (problems->len > named)
    {
      g_string_append (text, depth == SHNOR_CHECK_FULL ? "\n  – " : " ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more problem", "and %u more problems",
                                                 problems->len - named),
                              problems->len - named);
    }
  g_string_append (text, depth == SHNOR_CHECK_FULL ? "\n" : ". ");
  g_string_append (text, tail);
  g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_DAMAGED, text->str);
}

/* What a row of a table has wrong: "table “school”, row 5: …" */
static void
add_row_problem (GPtrArray    *problems,
                 const char   *table,
                 sqlite3_stmt *stmt,
                 const char   *what)
{
  g_autofree char *name = display_name (table);

  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    add_problem (problems, _("table “%s”: %s"), name, what);
  else
    add_problem (problems, _("table “%s”, row %lld: %s"), name, (long long) sqlite3_column_int64 (stmt, 0), what);
}

/* ---- the schema each format must have --------------------------------- */

/* @sql as SQLite reads it, whatever its layout: comments and runs of
 * white space are one space, and none is kept next to ( ) , ; — places
 * where space never changes a token. Quoted strings and names are kept
 * as they are. Two statements the same here are the same statement. */
static char *
canonical_sql (const char *sql)
{
  GString *out;
  gboolean space = FALSE;
  const char *p;

  if (sql == NULL)
    return NULL;
  out = g_string_sized_new (strlen (sql));
  for (p = sql; *p; )
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          p++;
          continue;
        }
      if (p[0] == '-' && p[1] == '-')
        {
          while (*p && *p != '\n')
            p++;
          space = TRUE;
          continue;
        }
      if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");

          p = end ? end + 2 : p + strlen (p);
          space = TRUE;
          continue;
        }
      if (space && out->len > 0 && !strchr ("(),;", out->str[out->len - 1]) && !strchr ("(),;", *p))
        g_string_append_c (out, ' ');
      space = FALSE;
      if (*p == '\'' || *p == '"' || *p == '`' || *p == '[')
        {
          char close = *p == '[' ? ']' : *p;

          /* a doubled quote inside is the quote itself, and stays */
          g_string_append_c (out, *p++);
          while (*p && (*p != close || (close != ']' && p[1] == close)))
            {
              if (*p == close)
                g_string_append_c (out, *p++);
              g_string_append_c (out, *p++);
            }
          if (*p)
            g_string_append_c (out, *p++);
          continue;
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static void
schema_object_free (gpointer data)
{
  SchemaObject *o = data;

  g_free (o->type);
  g_free (o->name);
  g_free (o->tbl_name);
  g_free (o->sql);
  g_free (o->canonical);
  g_free (o);
}

static char *
object_key (const char *type,
            const char *name)
{
  return g_strconcat (type ? type : "", " ", name ? name : "", NULL);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* @text quoted for SQL whatever it holds: as a name ("name") or as a
 * string ('text') */
static char *
sql_quote (const char *text,
           gboolean    name)
{
  char *quoted = name ? sqlite3_mprintf ("\"%w\"", text) : sqlite3_mprintf ("%Q", text);
  char *copy = g_strdup (quoted);

  sqlite3_free (quoted);
  return copy;
}

#define ident(name)   sql_quote (name, TRUE)
#define literal(text) sql_quote (text, FALSE)

/* Adds to @cases and @where the conditions under which a value of @column
 * (declared @type, NOT NULL when @notnull) is not what the format stores
 * there; each case names the column after a letter: "n" NULL in a NOT
 * NULL column, "t" a value of another type (text not UTF-8, a number not
 * finite), "y" not a year (a column named "year" or "…_year"). */
static void
add_type_conditions (GString    *cases,
                     GString    *where,
                     GString    *spec,
                     const char *column,
                     const char *type,
                     gboolean    notnull)
{
  g_autofree char *c = ident (column);
  g_autofree char *upper = g_ascii_strup (type ? type : "", -1);
  g_autofree char *n = g_strconcat ("n", column, NULL);
  g_autofree char *t = g_strconcat ("t", column, NULL);
  g_autofree char *y = g_strconcat ("y", column, NULL);
  g_autofree char *n_name = literal (n);
  g_autofree char *t_name = literal (t);
  g_autofree char *y_name = literal (y);
  g_autofree char *wrong = NULL;
  g_autofree char *not_year = NULL;
  /* not "IS NULL", which SQLite takes as false on a NOT NULL column */
  g_autofree char *null = notnull ? g_strdup_printf ("typeof(%s) = 'null'", c) : NULL;

  /* SQLite's rules of type affinity */
  if (strstr (upper, "INT") != NULL)
    {
      wrong = g_strdup_printf ("typeof(%s) NOT IN ('integer','null')", c);
      if (g_str_equal (column, "year") || g_str_has_suffix (column, "_year"))
        not_year = g_strdup_printf ("%s NOT BETWEEN 1000 AND 3000", c);
    }
  else if (strstr (upper, "CHAR") != NULL || strstr (upper, "CLOB") != NULL || strstr (upper, "TEXT") != NULL)
    wrong = g_strdup_printf ("typeof(%s) NOT IN ('text','null') OR NOT shnor_valid_text(%s)", c, c);
  else if (strstr (upper, "REAL") != NULL || strstr (upper, "FLOA") != NULL || strstr (upper, "DOUB") != NULL)
    wrong = g_strdup_printf ("typeof(%s) NOT IN ('real','integer','null') OR abs(%s) > 1.7976931348623157e308", c, c);

  /* the same rules for shnor_row_ok(), a letter a column: t text, i
   * integer, y year, r real, a any; upper case when NOT NULL */
  {
    char letter = not_year != NULL ? 'y' : wrong == NULL ? 'a' : strstr (wrong, "'text'") ? 't'
                : strstr (wrong, "'real'") ? 'r' : 'i';

    g_string_append_c (spec, notnull ? g_ascii_toupper (letter) : letter);
  }
  if (null != NULL)
    {
      g_string_append_printf (cases, " WHEN %s THEN %s", null, n_name);
      g_string_append_printf (where, "%s(%s)", where->len ? " OR " : "", null);
    }
  if (wrong != NULL)
    {
      g_string_append_printf (cases, " WHEN %s THEN %s", wrong, t_name);
      g_string_append_printf (where, "%s(%s)", where->len ? " OR " : "", wrong);
    }
  if (not_year != NULL)
    {
      g_string_append_printf (cases, " WHEN %s THEN %s", not_year, y_name);
      g_string_append_printf (where, "%s(%s)", where->len ? " OR " : "", not_year);
    }
}

/* SELECT rowid, what FROM table WHERE a value is not what the format
 * stores (see add_type_conditions()) */
static char *
types_sql (sqlite3     *db,
           SchemaTable *table)
{
  g_autoptr(GString) cases = g_string_new (NULL);
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GString) spec = g_string_new (NULL);
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autofree char *spec_literal = NULL;
  g_autofree char *info_sql = NULL;
  g_autoptr(sqlite3_stmt) info = NULL;
  g_autofree char *t = ident (table->name);
  g_autofree char *name_literal = literal (table->name);

  info_sql = g_strdup_printf ("SELECT name, type, \"notnull\", pk FROM pragma_table_info(%s)", name_literal);
  info = shnor_sqlite_prepare (db, info_sql, NULL);
  while (info != NULL && sqlite3_step (info) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (info, 0);
      const char *type = (const char *) sqlite3_column_text (info, 1);

      /* an INTEGER PRIMARY KEY is the rowid: always an integer */
      if (sqlite3_column_int (info, 3) == 1 && table->rowid && g_ascii_strcasecmp (type, "INTEGER") == 0)
        continue;
      g_autofree char *c = ident (column);

      add_type_conditions (cases, where, spec, column, type, sqlite3_column_int (info, 2) != 0);
      g_string_append_printf (columns, ", %s", c);
    }
  if (where->len == 0)
    return NULL;
  /* One call a row rather than three of SQLite's functions a column (a
   * tenth of the time of an open of a region's file); the cases name
   * what is wrong in the rows it finds. */
  if (spec->len < (gsize) sqlite3_limit (db, SQLITE_LIMIT_FUNCTION_ARG, -1))
    {
      spec_literal = literal (spec->str);
      g_string_printf (where, "NOT shnor_row_ok(%s%s)", spec_literal, columns->str);
    }
  return g_strdup_printf ("SELECT %s, CASE%s END FROM main.%s WHERE %s LIMIT %d",
                          table->rowid ? "rowid" : "NULL", cases->str, t, where->str, MAX_NAMED);
}

/* The undo triggers of an ordinary table (see shnor-document.c): each
 * records the statement that takes back an insert, update or delete. */
static void
add_undo_triggers (sqlite3     *db,
                   Schema      *schema,
                   SchemaTable *table)
{
  g_autofree char *t = ident (table->name);
  g_autofree char *tbl = literal (table->name);
  g_autofree char *info_sql = g_strdup_printf ("SELECT name FROM pragma_table_info(%s)", tbl);
  g_autoptr(sqlite3_stmt) info = shnor_sqlite_prepare (db, info_sql, NULL);
  g_autoptr(GString) names = g_string_new ("rowid");
  g_autoptr(GString) olds = g_string_new (NULL);
  g_autoptr(GString) sets = g_string_new (NULL);
  static const char * const kinds[] = { "i", "u", "d" };
  char *sql[3];

  while (info != NULL && sqlite3_step (info) == SQLITE_ROW)
    {
      g_autofree char *c = ident ((const char *) sqlite3_column_text (info, 0));
      g_autofree char *set = g_strdup_printf ("%s%s=", sets->len ? "," : "", c);
      g_autofree char *set_literal = literal (set);

      g_string_append_printf (names, ",%s", c);
      g_string_append_printf (olds, "||',' ||quote(old.%s)", c);
      g_string_append_printf (sets, "%s%s||quote(old.%s)", sets->len ? "||" : "", set_literal, c);
    }

  {
    g_autofree char *delete = g_strdup_printf ("DELETE FROM main.%s WHERE rowid=", t);
    g_autofree char *update = g_strdup_printf ("UPDATE main.%s SET ", t);
    g_autofree char *insert = g_strdup_printf ("INSERT INTO main.%s (%s) VALUES (", t, names->str);
    g_autofree char *delete_l = literal (delete);
    g_autofree char *update_l = literal (update);
    g_autofree char *insert_l = literal (insert);

    sql[0] = g_strdup_printf ("AFTER INSERT ON main.%s BEGIN INSERT INTO undolog (tbl, rid, sql)"
                              " VALUES (%s, new.rowid, %s||new.rowid); END;", t, tbl, delete_l);
    sql[1] = g_strdup_printf ("AFTER UPDATE ON main.%s BEGIN INSERT INTO undolog (tbl, rid, sql)"
                              " VALUES (%s, old.rowid, %s||%s||' WHERE rowid='||old.rowid); END;",
                              t, tbl, update_l, sets->str);
    sql[2] = g_strdup_printf ("BEFORE DELETE ON main.%s BEGIN INSERT INTO undolog (tbl, rid, sql)"
                              " VALUES (%s, old.rowid, %s||old.rowid%s||')'); END;",
                              t, tbl, insert_l, olds->str);
  }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strdup_printf ("undo_%s_%s", table->name, kinds[i]);
      g_autofree char *trigger = ident (name);
      char *create = g_strdup_printf ("CREATE TEMP TRIGGER %s %s", trigger, sql[i]);

      g_hash_table_insert (schema->triggers, g_steal_pointer (&name), create);
      g_free (sql[i]);
    }
}

static void
schema_table_free (gpointer data)
{
  SchemaTable *t = data;

  g_free (t->name);
  g_free (t->types_sql);
  g_free (t);
}

static void
schema_free (Schema *schema)
{
  g_hash_table_unref (schema->objects);
  g_ptr_array_unref (schema->tables);
  g_hash_table_unref (schema->indexes);
  g_hash_table_unref (schema->triggers);
  g_free (schema->undo_sql);
  g_free (schema);
}

/* Tables without undo triggers of their own: the derived sums follow the
 * results they are made of (see shnor-derived.c). */
static const char * const no_undo[] = { "result_sums", "assessment_sums", NULL };

/* Reads what the private database @db holds after the steps. */
static Schema *
schema_read (sqlite3  *db,
             GError  **error)
{
  Schema *schema = g_new0 (Schema, 1);
  g_autoptr(sqlite3_stmt) objects = NULL;
  g_autoptr(sqlite3_stmt) tables = NULL;

  schema->objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, schema_object_free);
  schema->tables = g_ptr_array_new_with_free_func (schema_table_free);
  schema->indexes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  schema->triggers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  objects = shnor_sqlite_prepare (db, "SELECT type, name, tbl_name, sql FROM main.sqlite_schema", error);
  /* Tables as SQLite tells them apart: ordinary, virtual, shadow. */
  tables = shnor_sqlite_prepare (db, "SELECT name, type, wr FROM pragma_table_list WHERE schema = 'main'"
                                     " AND name NOT LIKE 'sqlite_%' ORDER BY name", error);
  if (objects == NULL || tables == NULL)
    {
      schema_free (schema);
      return NULL;
    }
  while (sqlite3_step (objects) == SQLITE_ROW)
    {
      SchemaObject *o = g_new0 (SchemaObject, 1);

      o->type = dup_column (objects, 0);
      o->name = dup_column (objects, 1);
      o->tbl_name = dup_column (objects, 2);
      o->sql = dup_column (objects, 3);
      o->canonical = canonical_sql (o->sql);
      if (g_str_equal (o->type, "index") && o->sql != NULL)
        {
          GPtrArray *list = g_hash_table_lookup (schema->indexes, o->tbl_name);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (schema->indexes, g_strdup (o->tbl_name), list);
            }
          g_ptr_array_add (list, o);
        }
      g_hash_table_insert (schema->objects, object_key (o->type, o->name), o);
    }
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      SchemaTable *t = g_new0 (SchemaTable, 1);
      const char *type = (const char *) sqlite3_column_text (tables, 1);

      t->name = dup_column (tables, 0);
      t->ordinary = g_str_equal (type, "table");
      t->rowid = sqlite3_column_int (tables, 2) == 0;
      if (g_str_equal (type, "virtual"))
        {
          schema_table_free (t);
          continue;
        }
      if (t->ordinary)
        t->types_sql = types_sql (db, t);
      g_ptr_array_add (schema->tables, t);
    }
  return schema;
}

/* The undo log and the undo triggers of @schema's ordinary tables, from
 * @db, the private database of its format (made at the first edit of a
 * document: an open only read goes without them) */
static void
add_undo (sqlite3 *db,
          Schema  *schema)
{
  g_autoptr(GString) undo = g_string_new (
    "CREATE TEMP TABLE undolog (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL,"
    " rid INTEGER NOT NULL, sql TEXT NOT NULL,"
    /* a bulk entry (see shnor-document-bulk.c): rows lo to hi of tbl, held
     * in the holding table hold when they were deleted */
    " lo INTEGER, hi INTEGER, hold TEXT);");

  for (guint i = 0; i < schema->tables->len; i++)
    {
      SchemaTable *t = schema->tables->pdata[i];
      static const char * const kinds[] = { "i", "u", "d" };

      if (!t->ordinary || !t->rowid || g_strv_contains (no_undo, t->name))
        continue;
      add_undo_triggers (db, schema, t);
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          g_autofree char *name = g_strdup_printf ("undo_%s_%s", t->name, kinds[k]);
          const char *create = g_hash_table_lookup (schema->triggers, name);

          if (create != NULL)
            g_string_append_printf (undo, "%s;", create);
        }
    }
  schema->undo_sql = g_string_free (g_steal_pointer (&undo), FALSE);
}

/* The database of the current format made when Shnor was built
 * (shnor-schema-gen.c; not of size 0) into @db, read-only */
static gboolean
load_reference (sqlite3  *db,
                GError  **error)
{
  unsigned char *copy = sqlite3_malloc64 (shnor_schema_reference_size);
  int rc;

  if (copy == NULL)
    {
      shnor_sqlite_set_error (error, db, SQLITE_NOMEM, NULL);
      return FALSE;
    }
  memcpy (copy, shnor_schema_reference, shnor_schema_reference_size);
  rc = sqlite3_deserialize (db, "main", copy, (sqlite3_int64) shnor_schema_reference_size,
                            (sqlite3_int64) shnor_schema_reference_size,
                            SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
  if (rc != SQLITE_OK)
    {
      shnor_sqlite_set_error (error, db, rc, NULL);
      return FALSE;
    }
  return TRUE;
}

/* A private database in memory with the schema of format @version: the
 * current one from the database built in (unless @built_in is FALSE, or
 * in the program that makes it), an older one by running the steps.
 * NULL with @error. */
static sqlite3 *
open_private (int        version,
              gboolean   built_in,
              GError   **error)
{
  sqlite3 *db = NULL;

  if (shnor_sqlite_open (":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &db) != SQLITE_OK)
    shnor_sqlite_set_error (error, db, sqlite3_errcode (db), NULL);
  else if (built_in && version == SHNOR_FORMAT_VERSION && shnor_schema_reference_size > 0
           ? load_reference (db, error) : shnor_schema_run_steps (db, 0, version, error))
    return db;
  sqlite3_close_v2 (db);
  return NULL;
}

/* The schema of format @version, made once (see open_private()). */
static Schema *
schema_get (int      version,
            GError **error)
{
  Schema *schema;
  sqlite3 *db;

  g_return_val_if_fail (version >= 0 && version <= SHNOR_FORMAT_VERSION, NULL);

  g_mutex_lock (&schemas_lock);
  schema = schemas[version];
  if (schema == NULL && (db = open_private (version, TRUE, error)) != NULL)
    {
      schema = schemas[version] = schema_read (db, error);
      sqlite3_close_v2 (db);
    }
  g_mutex_unlock (&schemas_lock);
  return schema;
}

/* The objects of @db's schema, one a line */
static char *
schema_text (sqlite3  *db,
             GError  **error)
{
  g_autoptr(sqlite3_stmt) rows = shnor_sqlite_prepare (db, "SELECT format ('%s %s %s %s', type, name, tbl_name,"
                                                           " quote (sql)) FROM main.sqlite_schema ORDER BY 1",
                                                       error);
  GString *text = g_string_new (NULL);
  int rc;

  while (rows != NULL && (rc = sqlite3_step (rows)) == SQLITE_ROW)
    g_string_append_printf (text, "%s\n", sqlite3_column_text (rows, 0));
  if (rows == NULL || rc != SQLITE_DONE)
    {
      if (rows != NULL)
        shnor_sqlite_set_error (error, db, rc, NULL);
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

/**
 * shnor_schema_built_in_text:
 * @built_in: the schema built into the program, or the one its steps make
 *
 * Returns: the objects of the current format's schema, one a line (for
 *   the tests: the two agree).
 */
char *
shnor_schema_built_in_text (gboolean   built_in,
                            GError   **error)
{
  sqlite3 *db = open_private (SHNOR_FORMAT_VERSION, built_in, error);
  char *text = db != NULL ? schema_text (db, error) : NULL;

  sqlite3_close_v2 (db);
  return text;
}

static Schema *
current_schema (void)
{
  Schema *schema = schema_get (SHNOR_FORMAT_VERSION, NULL);

  /* Our own steps on an empty database in memory: only a bug fails. */
  g_assert (schema != NULL);
  return schema;
}

/* The current schema with its undo triggers, made once */
static Schema *
undo_schema (void)
{
  Schema *schema = current_schema ();

  g_mutex_lock (&schemas_lock);
  if (schema->undo_sql == NULL)
    {
      sqlite3 *db = open_private (SHNOR_FORMAT_VERSION, TRUE, NULL);

      /* our own database in memory: only a bug fails */
      g_assert (db != NULL);
      add_undo (db, schema);
      sqlite3_close_v2 (db);
    }
  g_mutex_unlock (&schemas_lock);
  return schema;
}

/**
 * shnor_schema_undo_triggers:
 *
 * Returns: the SQL that creates the undo log and the undo triggers of
 *   every table of the current format, made from Shnor's own schema.
 */
const char *
shnor_schema_undo_triggers (void)
{
  return undo_schema ()->undo_sql;
}

/**
 * shnor_schema_table_indexes:
 * @table: a table of the current format
 *
 * Returns: (transfer full): the names of @table's own indexes (not those
 *   SQLite makes for its UNIQUE constraints), as the current format has
 *   them; see shnor_schema_index_sql().
 */
GStrv
shnor_schema_table_indexes (const char *table)
{
  GPtrArray *list = g_hash_table_lookup (current_schema ()->indexes, table);
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();

  for (guint i = 0; list != NULL && i < list->len; i++)
    g_strv_builder_add (out, ((SchemaObject *) list->pdata[i])->name);
  return g_strv_builder_end (out);
}

/* The CREATE statement of an index of the current format; NULL when it
 * has no such index. */
const char *
shnor_schema_index_sql (const char *index)
{
  g_autofree char *key = object_key ("index", index);
  SchemaObject *o = g_hash_table_lookup (current_schema ()->objects, key);

  return o != NULL ? o->sql : NULL;
}

gboolean
shnor_schema_has_table (const char *table)
{
  g_autofree char *key = object_key ("table", table);

  return g_hash_table_contains (current_schema ()->objects, key);
}

/* The undo trigger @kind ("i", "u" or "d") of @table, as
 * shnor_schema_undo_triggers() creates it; NULL when it has none. */
const char *
shnor_schema_undo_trigger (const char *table,
                           const char *kind)
{
  g_autofree char *name = g_strdup_printf ("undo_%s_%s", table, kind);

  return g_hash_table_lookup (undo_schema ()->triggers, name);
}

/* ---- comparing a file with it ----------------------------------------- */

/* The tables SQLite makes by itself, as it makes them. */
static gboolean
is_sqlite_own (const char *type,
               const char *name,
               const char *sql)
{
  static const char * const own[][2] = {
    { "sqlite_sequence", "CREATE TABLE sqlite_sequence(name,seq)" },
    { "sqlite_stat1", "CREATE TABLE sqlite_stat1(tbl,idx,stat)" },
    { "sqlite_stat4", "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    if (g_strcmp0 (type, "table") == 0 && g_strcmp0 (name, own[i][0]) == 0 && g_strcmp0 (sql, own[i][1]) == 0)
      return TRUE;
  return FALSE;
}

static void
add_object_problem (GPtrArray  *problems,
                    const char *type,
                    const char *name,
                    int         what)
{
  /* TRANSLATORS: the kinds of objects of a database, for the three
   * messages that follow each */
  static const char * const unknown[] = {
    N_("an unknown table “%s”"), N_("an unknown index “%s”"), N_("an unknown trigger “%s”"),
    N_("an unknown view “%s”"), N_("an unknown object “%s”"),
  };
  static const char * const missing[] = {
    N_("the table “%s” is missing"), N_("the index “%s” is missing"), N_("the trigger “%s” is missing"),
    N_("the view “%s” is missing"), N_("the object “%s” is missing"),
  };
  static const char * const changed[] = {
    N_("the table “%s” is not as Shnor makes it"), N_("the index “%s” is not as Shnor makes it"),
    N_("the trigger “%s” is not as Shnor makes it"), N_("the view “%s” is not as Shnor makes it"),
    N_("the object “%s” is not as Shnor makes it"),
  };
  static const char * const types[] = { "table", "index", "trigger", "view" };
  const char * const *messages = what < 0 ? missing : what > 0 ? unknown : changed;
  g_autofree char *shown = display_name (name);
  guint i = 0;

  while (i < G_N_ELEMENTS (types) && g_strcmp0 (type, types[i]) != 0)
    i++;
  /* each message is ours, with one %s (msgfmt --check keeps it so) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  add_problem (problems, _(messages[i]), shown);
#pragma GCC diagnostic pop
}

/**
 * shnor_schema_verify:
 * @version: the file's format, from its header
 * @depth: how the error lists what differs: for an open or for --check
 *
 * Compares the schema of @db's main database with the one format @version
 * must have. Only the schema is read.
 *
 * Returns: FALSE, with an error naming what differs, when they are not
 *   the same.
 */
gboolean
shnor_schema_verify (sqlite3          *db,
                     int               version,
                     ShnorCheckDepth   depth,
                     const char       *path,
                     GError          **error)
{
  Schema *expected;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (version > 0 && version <= SHNOR_FORMAT_VERSION, FALSE);

  expected = schema_get (version, error);
  if (expected == NULL)
    return FALSE;

  /* A schema SQLite cannot parse fails here, as damaged. */
  stmt = shnor_sqlite_prepare (db, "SELECT type, name, tbl_name, sql FROM main.sqlite_schema", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *tbl_name = (const char *) sqlite3_column_text (stmt, 2);
      const char *sql = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *object = object_key (type, name);
      SchemaObject *o = NULL;

      if (!g_hash_table_lookup_extended (expected->objects, object, &key, (gpointer *) &o) ||
          g_hash_table_contains (seen, key))
        {
          if (!is_sqlite_own (type, name, sql))
            add_object_problem (problems, type, name, 1);
          continue;
        }
      g_hash_table_add (seen, key);
      if (g_strcmp0 (o->tbl_name, tbl_name) != 0 || g_strcmp0 (o->sql, sql) != 0)
        {
          /* the same statement laid out otherwise (a file made by hand
           * from a dump) is the same */
          g_autofree char *canonical = canonical_sql (sql);

          if (g_strcmp0 (o->tbl_name, tbl_name) != 0 || g_strcmp0 (o->canonical, canonical) != 0)
            add_object_problem (problems, type, name, 0);
        }
    }
  if (rc != SQLITE_DONE)
    {
      shnor_sqlite_set_error (error, db, rc, path);
      return FALSE;
    }

  /* a missing table is named, not each of its indexes */
  g_hash_table_iter_init (&iter, expected->objects);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SchemaObject *o = value;
      g_autofree char *table = object_key ("table", o->tbl_name);

      if (!g_hash_table_contains (seen, key) &&
          (g_str_equal (o->type, "table") || g_hash_table_contains (seen, table)))
        add_object_problem (problems, o->type, o->name, -1);
    }

  if (problems->len > 0)
    {
      g_autofree char *name = g_filename_display_basename (path ? path : "");
      g_autofree char *lead = g_strdup_printf (_("The file “%s” is not a Shnor file of format %d as Shnor makes it:"),
                                               name, version);

      set_problems_error (error, depth, lead, problems,
                          _("It was damaged or changed by another program, and Shnor does not open it. "
                            "Open a backup copy."));
      return FALSE;
    }
  return TRUE;
}

/* ---- the data --------------------------------------------------------- */

/* shnor_row_ok(spec, c1, c2, …): every value of a row is what the format
 * stores in its column, by the column's letter in spec (see
 * add_type_conditions(), whose conditions it evaluates at once). */
static void
row_ok (sqlite3_context  *context,
        int               argc,
        sqlite3_value   **argv)
{
  const char *spec = (const char *) sqlite3_value_text (argv[0]);

  if (spec == NULL || strlen (spec) != (gsize) argc - 1)
    {
      sqlite3_result_error (context, "shnor_row_ok: wrong arguments", -1);
      return;
    }
  for (int i = 1; i < argc; i++)
    {
      int type = sqlite3_value_type (argv[i]);
      char letter = spec[i - 1];
      gboolean ok;

      if (type == SQLITE_NULL)
        ok = !g_ascii_isupper (letter);
      else
        switch (g_ascii_tolower (letter))
          {
          case 't':
            {
              const char *text = (const char *) sqlite3_value_text (argv[i]);

              ok = type == SQLITE_TEXT && text != NULL &&
                   g_utf8_validate_len (text, (gsize) sqlite3_value_bytes (argv[i]), NULL);
            }
            break;
          case 'y':
            ok = type == SQLITE_INTEGER && sqlite3_value_int64 (argv[i]) >= 1000 &&
                 sqlite3_value_int64 (argv[i]) <= 3000;
            break;
          case 'i':
            ok = type == SQLITE_INTEGER;
            break;
          case 'r':
            ok = type == SQLITE_INTEGER || (type == SQLITE_FLOAT && isfinite (sqlite3_value_double (argv[i])));
            break;
          default:
            ok = TRUE;
          }
      if (!ok)
        {
          sqlite3_result_int (context, 0);
          return;
        }
    }
  sqlite3_result_int (context, 1);
}

/* shnor_valid_text(x): x is NULL or UTF-8 text without NUL. */
static void
valid_text (sqlite3_context  *context,
            int               argc,
            sqlite3_value   **argv)
{
  const char *text;
  int length;

  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    {
      sqlite3_result_int (context, 1);
      return;
    }
  text = (const char *) sqlite3_value_text (argv[0]);
  length = sqlite3_value_bytes (argv[0]);
  sqlite3_result_int (context, text != NULL && g_utf8_validate_len (text, (gsize) length, NULL));
}

/* The invariants of the format beyond what its schema says. Each finds the
 * rows at fault: its statement returns (rowid, detail), at most a few, and
 * @what says what is wrong (with a %s for the detail, or none); or its
 * function adds the problems itself. At open an invariant runs when its
 * table is small; they all run on the current format only. To add one
 * (derived data checked against a recomputation, say), append it. */
typedef struct {
  const char *table;
  const char *sql;
  const char *what;     /* N_(), with a %s for the detail */
  void      (*check) (sqlite3 *db, GPtrArray *problems);
} Invariant;

/* A statement of an invariant: on a schema verified as ours, only a
 * mistake of ours (an invariant not updated with the format) fails to
 * prepare — loudly for the tests, and without refusing a user's file. */
static sqlite3_stmt *
prepare_own (sqlite3    *db,
             const char *sql,
             int        *rc)
{
  sqlite3_stmt *stmt = NULL;

  *rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (*rc != SQLITE_OK && (*rc & 0xff) != SQLITE_BUSY && (*rc & 0xff) != SQLITE_LOCKED && (*rc & 0xff) != SQLITE_NOMEM)
    g_critical ("A check of the format does not prepare (%s): %s. Update it in shnor-schema-check.c.",
                sqlite3_errmsg (db), sql);
  return stmt;
}

static void
check_metrics (sqlite3   *db,
               GPtrArray *problems)
{
  int rc;
  g_autoptr(sqlite3_stmt) stmt = prepare_own (db, "SELECT id, metric FROM criterion", &rc);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *metric = (const char *) sqlite3_column_text (stmt, 1);

      /* a NULL is reported by the check of types */
      if (metric != NULL && !shnor_metric_is_valid (metric))
        {
          g_autofree char *shown = display_name (metric);
          g_autofree char *what = g_strdup_printf (_("“%s” is not a metric Shnor knows"), shown);

          add_row_problem (problems, "criterion", stmt, what);
        }
    }
}

/* kind, subject and grade as the results' code reads them */
static void
check_assessments (sqlite3   *db,
                   GPtrArray *problems)
{
  static const char * const tables[] = { "assessment", "reference_mean", "assessment_scale" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id, kind, subject, grade FROM main.\"%s\"", tables[i]);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      if (!shnor_schema_has_table (tables[i]))
        continue;
      stmt = prepare_own (db, sql, &rc);
      while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *kind = (const char *) sqlite3_column_text (stmt, 1);
          const char *subject = (const char *) sqlite3_column_text (stmt, 2);
          int grade = sqlite3_column_int (stmt, 3);
          g_autofree char *shown = display_name (kind);

          if (kind == NULL || g_strcmp0 (shnor_result_kind_canonical (kind), kind) != 0)
            {
              g_autofree char *what = g_strdup_printf (_("“%s” is not a kind of assessment"), shown);

              add_row_problem (problems, tables[i], stmt, what);
            }
          else if (subject == NULL || subject[0] == '\0' || strlen (subject) >= sizeof ((ShnorResult *) 0)->subject)
            add_row_problem (problems, tables[i], stmt, _("the subject is empty or too long"));
          else if (grade < 1 || grade > 11)
            add_row_problem (problems, tables[i], stmt, _("the grade is not from 1 to 11"));
        }
    }
}

/* The sums identification reads (result_sums, assessment_sums) are those
 * the results give: a list is never made from sums edited by hand. */
static void
check_sums (sqlite3   *db,
            GPtrArray *problems)
{
  g_autofree char *problem = NULL;
  g_autoptr(GError) error = NULL;

  if (!shnor_derived_sums_agree (db, &problem, &error))
    add_problem (problems, _("table “%s”: %s"), "result_sums", error->message);
  else if (problem != NULL)
    add_problem (problems, _("the statistics kept for identification do not match the results (%s)"), problem);
}

/* The name of an attached file is written as a file's name into the
 * bank's folder: it must be the name Shnor gave it when it was attached
 * (no folder, no "..", no character a file name cannot hold). */
static void
check_attachment_names (sqlite3   *db,
                        GPtrArray *problems)
{
  int rc;
  g_autoptr(sqlite3_stmt) stmt = prepare_own (db, "SELECT id, name FROM practice_file", &rc);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *clean = NULL;

      /* a NULL or a text not in UTF-8 is reported by the check of types */
      if (name == NULL || !g_utf8_validate (name, -1, NULL))
        continue;
      if (strlen (name) <= 1024)
        clean = shnor_attachment_clean_name (name);
      if (g_strcmp0 (clean, name) != 0)
        {
          g_autofree char *shown = display_name (name);
          g_autofree char *what = g_strdup_printf (_("“%s” is not the name of a file (it holds a folder or a character "
                                                     "a file name cannot have)"), shown);

          add_row_problem (problems, "practice_file", stmt, what);
        }
    }
}

/* The bank's search index is whole: SQLite's own check of it (a write
 * statement that writes nothing; a file that cannot be written is left
 * to the reads). */
static void
check_search_index (sqlite3   *db,
                    GPtrArray *problems)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  /* a damaged configuration of the index fails already here */
  int rc = sqlite3_prepare_v2 (db, "INSERT INTO main.practice_fts (practice_fts) VALUES ('integrity-check')", -1,
                               &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  switch (rc & 0xff)
    {
    case SQLITE_DONE:
    case SQLITE_READONLY:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_NOMEM:
      break;
    default:
      add_problem (problems, _("table “%s”: %s"), "practice_fts", _("the search index of the bank is damaged"));
    }
}

static const Invariant invariants[] = {
  { "criteria_set",
    "SELECT id, '' FROM criteria_set WHERE active <> 0 AND id <> (SELECT min(id) FROM criteria_set WHERE active <> 0)",
    N_("another criteria set is active as well: only one may be") },
  { "criterion", NULL, NULL, check_metrics },
  { "criterion",
    "SELECT c.id, c.metric FROM criterion c WHERE c.metric LIKE 'indicator:%'"
    " AND NOT EXISTS (SELECT 1 FROM indicator i WHERE 'indicator:' || i.id = c.metric)",
    N_("the indicator of the metric “%s” does not exist") },
  { "assessment", NULL, NULL, check_assessments },
  { "result", NULL, NULL, check_sums },
  { "practice_file", NULL, NULL, check_attachment_names },
  { "practice_file",
    "SELECT f.id, f.name FROM practice_file f WHERE EXISTS (SELECT 1 FROM practice_file g"
    " WHERE g.practice_id = f.practice_id AND g.id < f.id AND g.name = f.name COLLATE NOCASE)",
    N_("the practice has another attached file named “%s”") },
  { "practice_file",
    "SELECT f.id, f.name FROM practice_file f LEFT JOIN practice_file_data d ON d.id = f.id"
    " WHERE d.id IS NULL OR typeof (d.data) <> 'blob' OR length (d.data) <> f.size",
    N_("the contents of the attached file “%s” are missing or not of its size") },
  { "practice", NULL, NULL, check_search_index },
  /* the index's settings are SQLite's own: no ranking or other option
   * a file could bring */
  { "practice",
    "SELECT NULL, k FROM practice_fts_config WHERE k IS NOT 'version' LIMIT 5",
    N_("the search index of the bank has a setting Shnor does not make: “%s”") },
  /* the index holds what the practices say (a practice edited by hand
   * outside Shnor would be found by words it no longer has) */
  { "practice",
    "SELECT p.id, p.title FROM practice p LEFT JOIN practice_fts_content c ON c.id = p.id WHERE c.id IS NULL"
    " OR c.c0 IS NOT replace (replace (p.title, 'ё', 'е'), 'Ё', 'Е')"
    " OR c.c1 IS NOT replace (replace (p.authors, 'ё', 'е'), 'Ё', 'Е')"
    " OR c.c2 IS NOT replace (replace (p.description, 'ё', 'е'), 'Ё', 'Е')"
    " OR c.c3 IS NOT replace (replace (p.results, 'ё', 'е'), 'Ё', 'Е')"
    " UNION ALL SELECT c.id, '' FROM practice_fts_content c WHERE c.id NOT IN (SELECT id FROM practice) LIMIT 5",
    N_("the search index does not hold what the practice “%s” says") },
  /* what Shnor attaches: no file a bank's folder could not take */
  { "practice_file",
    "SELECT id, name FROM practice_file WHERE size > " G_STRINGIFY (SHNOR_ATTACHMENT_MAX_SIZE) " OR practice_id IN"
    " (SELECT practice_id FROM practice_file GROUP BY practice_id HAVING sum (size) > "
    G_STRINGIFY (SHNOR_PRACTICE_MAX_FILES_SIZE) ")",
    N_("the attached file “%s” is larger than Shnor attaches") },
  { "practice",
    "SELECT id, added FROM practice WHERE added <> '' AND date (added, '+0 days') IS NOT added",
    N_("a date is not one: “%s”") },
  { "partnership",
    "SELECT id, agreement_date || ' ' || start_date || ' ' || end_date FROM partnership WHERE"
    " (agreement_date <> '' AND date (agreement_date, '+0 days') IS NOT agreement_date)"
    " OR (start_date <> '' AND date (start_date, '+0 days') IS NOT start_date)"
    " OR (end_date <> '' AND date (end_date, '+0 days') IS NOT end_date)",
    N_("a date is not one: “%s”") },
  { "joint_event",
    "SELECT id, date FROM joint_event WHERE date (date, '+0 days') IS NOT date",
    N_("a date is not one: “%s”") },
  { "mentoring",
    "SELECT id, start_date || ' ' || end_date FROM mentoring WHERE"
    " (start_date <> '' AND date (start_date, '+0 days') IS NOT start_date)"
    " OR (end_date <> '' AND date (end_date, '+0 days') IS NOT end_date)",
    N_("a date is not one: “%s”") },
  { "course",
    "SELECT id, date FROM course WHERE date <> '' AND date (date, '+0 days') IS NOT date",
    N_("a date is not one: “%s”") },
  { "result",
    "SELECT id, '' FROM result WHERE participants NOT BETWEEN 0 AND 100000"
    " OR below NOT BETWEEN 0 AND participants OR high NOT BETWEEN 0 AND participants",
    N_("the numbers of participants are impossible") },
  { "measure",
    "SELECT m.id, '' FROM measure m JOIN measure p ON p.id = m.parent_id WHERE p.programme_id <> m.programme_id",
    N_("its parent is a measure of another programme") },
  /* a measure its own ancestor would have the road map's numbering go round forever */
  { "measure",
    "WITH RECURSIVE up (start, id, depth) AS ("
    "  SELECT id, parent_id, 1 FROM measure WHERE parent_id IS NOT NULL"
    "  UNION ALL SELECT up.start, m.parent_id, up.depth + 1 FROM up JOIN measure m ON m.id = up.id"
    "  WHERE m.parent_id IS NOT NULL AND up.id <> up.start AND up.depth <= (SELECT count(*) FROM measure))"
    " SELECT DISTINCT start, '' FROM up WHERE id = start LIMIT 5",
    N_("the measure is among its own parents") },
  { "measure",
    "SELECT id, start_month || ' ' || end_month FROM measure WHERE"
    " (start_month <> '' AND strftime ('%Y-%m', start_month || '-01') IS NOT start_month)"
    " OR (end_month <> '' AND strftime ('%Y-%m', end_month || '-01') IS NOT end_month)"
    " OR (done_date <> '' AND date (done_date, '+0 days') IS NOT done_date)",
    N_("a month or date is not one: “%s”") },
  { "programme_stage",
    "SELECT id, start_date || ' ' || end_date FROM programme_stage WHERE"
    " (start_date <> '' AND date (start_date, '+0 days') IS NOT start_date)"
    " OR (end_date <> '' AND date (end_date, '+0 days') IS NOT end_date)",
    N_("a date is not one: “%s”") },
  { "programme_act",
    "SELECT id, date FROM programme_act WHERE date <> '' AND date (date, '+0 days') IS NOT date",
    N_("a date is not one: “%s”") },
  { "programme",
    "SELECT id, order_date FROM programme WHERE order_date <> '' AND date (order_date, '+0 days') IS NOT order_date",
    N_("a date is not one: “%s”") },
  { "criteria_set",
    "SELECT id, order_date FROM criteria_set WHERE order_date <> '' AND date (order_date, '+0 days') IS NOT order_date",
    N_("a date is not one: “%s”") },
};

/* How many rows @table has, at most: told in two steps of its b-tree. A
 * table that cannot even tell (a damaged page) counts as small: its check
 * says why. */
static gint64
table_rows (sqlite3           *db,
            const SchemaTable *table)
{
  g_autofree char *t = ident (table->name);
  g_autofree char *sql = table->rowid
    ? g_strdup_printf ("SELECT ifnull ((SELECT max (rowid) FROM main.%s) - (SELECT min (rowid) FROM main.%s), 0)", t, t)
    : g_strdup_printf ("SELECT count(*) FROM (SELECT 1 FROM main.%s LIMIT %" G_GINT64_FORMAT ")", t, small_table + 1);
  g_autoptr(sqlite3_stmt) stmt = shnor_sqlite_prepare (db, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* What an open takes for a small table, for the tests of what an open
 * leaves to the readers (a damaged table of a region's size); 0: none. */
/* TRUE when @table has no row; FALSE when it has, or when its first page
 * cannot be read (the integrity check then says why). The table itself is
 * read, not one of its indexes, which a damaged file may have empty. */
static gboolean
table_is_empty (sqlite3           *db,
                const SchemaTable *table)
{
  g_autofree char *t = ident (table->name);
  g_autofree char *sql = g_strdup_printf ("SELECT NOT EXISTS (SELECT 1 FROM main.%s NOT INDEXED)", t);
  g_autoptr(sqlite3_stmt) stmt = shnor_sqlite_prepare (db, sql, NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
}

void
shnor_schema_check_set_small_table (gint64 rows)
{
  small_table = rows;
}

/* What `collect` makes of the rows of a statement */
#define ROWS_OF_INTEGRITY NULL           /* PRAGMA integrity_check: a problem a row, or "ok" */
static const char ROWS_OF_TYPES[] = "";  /* types_sql(): (rowid, letter and column) */

/* A line of SQLite's integrity check in the user's language where it is
 * one of the usual ones; NULL for a NULL value, which the check of types
 * reports with its row. */
static char *
integrity_problem (const char *row)
{
  static const char * const prefixes[] = { "NULL value in ", "CHECK constraint failed in ",
                                           "database disk image is malformed" };

  if (g_str_has_prefix (row, prefixes[0]))
    return NULL;
  if (g_str_has_prefix (row, prefixes[1]))
    {
      g_autofree char *table = display_name (row + strlen (prefixes[1]));

      return g_strdup_printf (_("table “%s”: a value breaks a rule (CHECK) of the table"), table);
    }
  if (g_str_has_prefix (row, prefixes[2]))
    return g_strdup (_("pages of the file are damaged"));
  return g_strdup_printf ("SQLite: %s", row);
}

/* The problem of a row found by types_sql() */
static char *
type_problem (const char *found)
{
  g_autofree char *column = display_name (found != NULL && found[0] ? found + 1 : "");

  switch (found != NULL ? found[0] : 't')
    {
    case 'n':
      return g_strdup_printf (_("the column “%s” is empty (NULL), which the format does not allow"), column);
    case 'y':
      return g_strdup_printf (_("the column “%s” does not hold a year"), column);
    default:
      return g_strdup_printf (_("the column “%s” holds a value of another type, or text that is not UTF-8"), column);
    }
}

/* Runs @sql and adds the problems its rows show: SQLite's integrity check
 * (@what ROWS_OF_INTEGRITY), the check of types (ROWS_OF_TYPES), or an
 * invariant's rows (rowid, detail) with @what its message. FALSE, with
 * @error, only when the file is in use or memory runs out; any other
 * error of SQLite is a problem too. */
static gboolean
collect (sqlite3     *db,
         const char  *sql,
         const char  *table,
         const char  *what,
         GPtrArray   *problems,
         const char  *path,
         GError     **error)
{
  int rc;
  g_autoptr(sqlite3_stmt) stmt = prepare_own (db, sql, &rc);

  if (stmt == NULL && rc != SQLITE_OK && (rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED &&
      (rc & 0xff) != SQLITE_NOMEM)
    return TRUE;
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *detail = (const char *) sqlite3_column_text (stmt, what == ROWS_OF_INTEGRITY ? 0 : 1);
      g_autofree char *text = NULL;

      rc = SQLITE_OK;
      if (what == ROWS_OF_INTEGRITY)
        {
          if (detail != NULL && g_strcmp0 (detail, "ok") != 0 && !g_str_has_prefix (detail, "***") &&
              (text = integrity_problem (detail)) != NULL)
            add_problem (problems, "%s", text);
          continue;
        }
      if (what == ROWS_OF_TYPES)
        text = type_problem (detail);
      else
        {
          g_autofree char *shown = display_name (detail);

          /* @what is one of ours, with one %s (msgfmt --check keeps it so) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          text = g_strdup_printf (_(what), shown);
#pragma GCC diagnostic pop
        }
      add_row_problem (problems, table, stmt, text);
    }
  if (rc == SQLITE_DONE || rc == SQLITE_OK)
    return TRUE;
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED || (rc & 0xff) == SQLITE_NOMEM)
    {
      shnor_sqlite_set_error (error, db, rc, path);
      return FALSE;
    }
  {
    g_autofree char *name = display_name (table);
    g_autofree char *problem = integrity_problem (sqlite3_errmsg (db));

    if (problem == NULL)
      problem = g_strdup (sqlite3_errmsg (db));
    if (table != NULL)
      add_problem (problems, _("table “%s”: %s"), name, problem);
    else
      add_problem (problems, "%s", problem);
  }
  return TRUE;
}

/* foreign_key_check: (table, rowid, parent, fkid) */
static gboolean
collect_foreign_keys (sqlite3     *db,
                      const char  *table,
                      GPtrArray   *problems,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *t = table ? ident (table) : NULL;
  g_autofree char *sql = table ? g_strdup_printf ("PRAGMA main.foreign_key_check(%s)", t)
                               : g_strdup ("PRAGMA main.foreign_key_check");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  guint n = 0;

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if ((rc = SQLITE_OK) == SQLITE_OK && n++ < 100)
      {
        g_autofree char *parent = display_name ((const char *) sqlite3_column_text (stmt, 2));
        g_autofree char *child = display_name ((const char *) sqlite3_column_text (stmt, 0));
        g_autofree char *what = g_strdup_printf (_("refers to a row of “%s” that does not exist"), parent);

        if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
          add_problem (problems, _("table “%s”: %s"), child, what);
        else
          add_problem (problems, _("table “%s”, row %lld: %s"), child,
                       (long long) sqlite3_column_int64 (stmt, 1), what);
      }
  if (rc == SQLITE_DONE)
    return TRUE;
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED || (rc & 0xff) == SQLITE_NOMEM)
    {
      shnor_sqlite_set_error (error, db, rc, path);
      return FALSE;
    }
  {
    g_autofree char *problem = integrity_problem (sqlite3_errmsg (db));

    add_problem (problems, "%s", problem ? problem : sqlite3_errmsg (db));
  }
  return TRUE;
}

/**
 * shnor_schema_check_data:
 * @version: the file's format; its schema is verified already
 * @depth: %SHNOR_CHECK_OPEN leaves out the tables of a region's size
 *
 * Checks the data of @db against the format's invariants.
 *
 * Returns: FALSE, with an error naming the tables and rows at fault (or
 *   saying why the file could not be read), when it breaks one.
 */
gboolean
shnor_schema_check_data (sqlite3          *db,
                         int               version,
                         ShnorCheckDepth   depth,
                         const char       *path,
                         GError          **error)
{
  Schema *expected = schema_get (version, error);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) small = g_hash_table_new (g_str_hash, g_str_equal);

  if (expected == NULL)
    return FALSE;
  sqlite3_create_function_v2 (db, "shnor_row_ok", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                              NULL, row_ok, NULL, NULL, NULL);
  sqlite3_create_function_v2 (db, "shnor_valid_text", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                              NULL, valid_text, NULL, NULL, NULL);

  if (depth == SHNOR_CHECK_FULL &&
      (!collect (db, "PRAGMA main.integrity_check(100)", NULL, ROWS_OF_INTEGRITY, problems, path, error) ||
       !collect_foreign_keys (db, NULL, problems, path, error)))
    return FALSE;

  for (guint i = 0; i < expected->tables->len; i++)
    {
      SchemaTable *t = expected->tables->pdata[i];
      g_autofree char *quoted = ident (t->name);

      gboolean whole = TRUE;

      if (depth == SHNOR_CHECK_OPEN)
        {
          gint64 rows = small_table > 0 ? table_rows (db, t) : G_MAXINT64;
          g_autofree char *pragma = NULL;

          if (rows >= small_table)
            continue;
          g_hash_table_add (small, t->name);
          /* nothing to check in an empty table (two thirds of a region's
           * tables): reading its first page is the check of that page */
          if (rows == 0 && table_is_empty (db, t))
            continue;
          /* a municipality's results: the pages, NOT NULL and CHECK, not
           * every index entry nor every type (SQLite's quick check) */
          whole = rows < small_table / 5;
          pragma = g_strdup_printf ("PRAGMA main.%s(%s)", whole ? "integrity_check" : "quick_check", quoted);
          if (!collect (db, pragma, t->name, ROWS_OF_INTEGRITY, problems, path, error) ||
              !collect_foreign_keys (db, t->name, problems, path, error))
            return FALSE;
        }
      if (whole && t->types_sql != NULL &&
          !collect (db, t->types_sql, t->name, ROWS_OF_TYPES, problems, path, error))
        return FALSE;
    }

  /* The format's own rules are written for the current format: an older
   * file meets them once it is upgraded. */
  for (guint i = 0; version == SHNOR_FORMAT_VERSION && i < G_N_ELEMENTS (invariants); i++)
    {
      const Invariant *inv = &invariants[i];
      g_autofree char *key = object_key ("table", inv->table);

      if (!g_hash_table_contains (expected->objects, key) ||
          (depth == SHNOR_CHECK_OPEN && !g_hash_table_contains (small, inv->table)))
        continue;
      if (inv->check != NULL)
        inv->check (db, problems);
      else if (!collect (db, inv->sql, inv->table, inv->what, problems, path, error))
        return FALSE;
    }

  if (problems->len > 0)
    {
      g_autofree char *name = g_filename_display_basename (path ? path : "");
      g_autofree char *lead = g_strdup_printf (_("The file “%s” is damaged:"), name);

      set_problems_error (error, depth, lead, problems, _("Shnor does not open it. Open a backup copy."));
      return FALSE;
    }
  return TRUE;
}
