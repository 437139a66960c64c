/* shnor-document.c: the SQLite file, its transactions and its undo history.
 *
 * Undo works on the rows, not on the edits: temporary triggers record, for
 * every row an edit inserts, changes or deletes, the SQL statement that
 * puts it back (the technique of sqlite.org's "Automatic Undo/Redo").  So
 * every table, present and future, is undoable without code of its own, and
 * cascaded deletes come back with their parent.  The statements are built
 * by SQLite's quote() from the stored values, never from typed text. */
#define G_LOG_DOMAIN "shnor-document"

#include <string.h>
#include "config.h"
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "shnor-derived.h"
#include "shnor-document-private.h"
#include "shnor-error.h"
#include "shnor-files.h"
#include "shnor-municipality.h"
#include "shnor-schema.h"
#include "shnor-schema-check.h"
#include "shnor-sqlite.h"

#define BUSY_TIMEOUT_MS 2000

typedef struct {
  gint64  first;  /* undolog.seq range of the step */
  gint64  last;
  char   *label;
} UndoStep;

struct _ShnorDocument
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *read_only_reason;  /* NULL when the file can be changed */
  GListStore *schools;
  GHashTable *school_by_id;      /* id → ShnorSchool (owned by the store) */
  GHashTable *statements;        /* SQL text (static) → prepared statement */

  GArray     *undo;              /* of UndoStep; the last is the next undone */
  GArray     *redo;

  GError     *read_error;        /* the first read that failed: the file is damaged */

  int         edit_depth;
  gboolean    edit_failed;
  gboolean    logging;     /* the undo log and the watch of the results made */
  gint64      edit_first;
  char       *edit_label;
};

G_DEFINE_FINAL_TYPE (ShnorDocument, shnor_document, G_TYPE_OBJECT)

enum { PROP_0, PROP_CAN_UNDO, PROP_CAN_REDO, PROP_READ_ONLY, N_PROPS };
enum { CHANGED, N_SIGNALS };

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void notify_history (ShnorDocument *self);

static void
undo_step_clear (gpointer data)
{
  g_free (((UndoStep *) data)->label);
}

static void
shnor_document_finalize (GObject *object)
{
  ShnorDocument *self = SHNOR_DOCUMENT (object);

  shnor_document_close (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->school_by_id, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_object (&self->schools);
  g_clear_pointer (&self->undo, g_array_unref);
  g_clear_pointer (&self->redo, g_array_unref);
  g_clear_pointer (&self->edit_label, g_free);
  g_clear_error (&self->read_error);

  G_OBJECT_CLASS (shnor_document_parent_class)->finalize (object);
}

static void
shnor_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ShnorDocument *self = SHNOR_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, shnor_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, shnor_document_can_redo (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, shnor_document_get_read_only (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shnor_document_class_init (ShnorDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shnor_document_finalize;
  object_class->get_property = shnor_document_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ShnorDocument::changed:
   * @table: the table of the row
   * @rowid: the row that was inserted, changed or deleted
   *
   * Emitted after a committed edit, undo or redo, once for every row it
   * touched, or once with @rowid 0 for a table of which it touched more
   * than a thousand rows; the document's own list models are already up
   * to date.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE, G_TYPE_INT64);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
shnor_document_init (ShnorDocument *self)
{
  self->schools = g_list_store_new (SHNOR_TYPE_SCHOOL);
  self->school_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_statement);
  self->undo = g_array_new (FALSE, FALSE, sizeof (UndoStep));
  self->redo = g_array_new (FALSE, FALSE, sizeof (UndoStep));
  g_array_set_clear_func (self->undo, undo_step_clear);
  g_array_set_clear_func (self->redo, undo_step_clear);
}

/* ---- recognising files --------------------------------------------- */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Reads the SQLite header directly, so that a file that is not ours is
 * refused before SQLite could touch it; returns the format version. */
static int
check_header (const char  *path,
              GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  guint8 header[100];
  size_t got;
  FILE *f;
  guint32 app_id;
  gint32 version;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_NOT_FOUND,
                   _("The file “%s” does not exist."), name);
      return -1;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_NOT_SHNOR,
                   _("“%s” is a folder, not a Shnor file."), name);
      return -1;
    }
  /* A pipe or a device would block the reads below, or never end. So
   * would a journal that is one: SQLite reads a crash's journal first. */
  if (!shnor_is_regular_file (path) ||
      (g_file_test (journal, G_FILE_TEST_EXISTS) && !shnor_is_regular_file (journal)))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_NOT_SHNOR,
                   _("“%s” is not an ordinary file (it is a pipe, a device or the like), not a Shnor file."),
                   name);
      return -1;
    }

  f = g_fopen (path, "rb");
  if (f == NULL)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO,
                   _("The file “%s” cannot be read: %s."), name, g_strerror (errno));
      return -1;
    }
  got = fread (header, 1, sizeof header, f);
  fclose (f);

  if (got == 0)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_NOT_SHNOR,
                   _("The file “%s” is empty: it is not a Shnor file."), name);
      return -1;
    }
  if (got < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_NOT_SHNOR,
                   _("The file “%s” is not a Shnor file."), name);
      return -1;
    }

  version = (gint32) read_be32 (header + 60);
  app_id = read_be32 (header + 68);

  if (app_id != SHNOR_APPLICATION_ID)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_NOT_SHNOR,
                   _("The file “%s” is a database of another program, not a Shnor file."), name);
      return -1;
    }
  if (version > SHNOR_FORMAT_VERSION)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_NEWER,
                   _("The file “%s” was saved by a newer version of Shnor (file format %u; "
                     "this version reads formats up to %d). Install the newer version to open it."),
                   name, (guint) version, SHNOR_FORMAT_VERSION);
      return -1;
    }
  if (version == 0)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_DAMAGED,
                   _("The file “%s” is damaged: it has no format version."), name);
      return -1;
    }
  if (version < 0)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_DAMAGED,
                   _("The file “%s” is damaged: its format version (%d) is impossible."), name, (int) version);
      return -1;
    }

  return (int) version;
}

static char *
read_only_reason (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_access (path, W_OK) != 0)
    return g_strdup (_("The file is read-only: you can look but not change."));
  /* SQLite writes its journal beside the file. */
  if (g_access (dir, W_OK) != 0)
    return g_strdup (_("The file’s folder is read-only: you can look but not change."));
  return NULL;
}

/* Copies the file before a migration, so that an older Shnor can still
 * open what the user had: "name.shnor" → "name.format-1.bak.shnor". */
static char *
backup_before_migration (const char  *path,
                         int          version,
                         GError     **error)
{
  g_autofree char *base = g_str_has_suffix (path, ".shnor") ?
                          g_strndup (path, strlen (path) - strlen (".shnor")) : g_strdup (path);
  g_autofree char *backup = g_strdup_printf ("%s.format-%d.bak.shnor", base, version);
  g_autoptr(GFile) from = g_file_new_for_path (path);
  g_autoptr(GFile) to = g_file_new_for_path (backup);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    {
      g_autofree char *name = g_filename_display_basename (backup);

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO,
                   _("The file must be upgraded, but its backup copy “%s” could not be written: %s"),
                   name, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&backup);
}

/* ---- connection ------------------------------------------------------ */

/* The undo log and its triggers, made from Shnor's own schema (see
 * shnor-schema-check.c): no name of the file is ever pasted into SQL. */
static gboolean
create_undo_triggers (ShnorDocument  *self,
                      GError        **error)
{
  return shnor_sqlite_exec (self->db, shnor_schema_undo_triggers (), error);
}

/* Sets the storage rules of DESIGN.md on a fresh connection and takes the
 * file for this document alone: in exclusive locking mode the lock of the
 * first write is kept until the connection closes, so a second window or
 * program (on this machine or over a network share) gets "in use" instead
 * of writing into the same file. */
static gboolean
configure_connection (ShnorDocument  *self,
                      GError        **error)
{
  int rc;

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 0);

  /* A page cache of up to 64 MB (it grows only as used): the indexes of a
   * region's million results do not fit SQLite's default 2 MB. */
  if (!shnor_sqlite_exec (self->db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
                                    "PRAGMA cache_size = -65536;", error))
    return FALSE;

  if (self->read_only_reason != NULL)
    rc = sqlite3_exec (self->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  else
    rc = sqlite3_exec (self->db,
                       "PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = DELETE;"
                       "BEGIN EXCLUSIVE; COMMIT;", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      shnor_sqlite_set_error (error, self->db, rc, self->path);
      return FALSE;
    }
  return TRUE;
}

static ShnorDocument *
connect (const char  *path,
         gboolean     create,
         GError     **error)
{
  g_autoptr(ShnorDocument) self = g_object_new (SHNOR_TYPE_DOCUMENT, NULL);
  /* the document is used from one thread: SQLite needs no mutexes */
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int rc;

  self->path = g_strdup (path);
  if (!create)
    self->read_only_reason = read_only_reason (path);
  if (self->read_only_reason != NULL)
    flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;

  /* SQLite takes UTF-8 names on Windows and bytes elsewhere: exactly
   * GLib's filename encoding on each. */
  rc = shnor_sqlite_open (path, flags, &self->db);
  if (rc != SQLITE_OK)
    {
      shnor_sqlite_set_error (error, self->db, rc, path);
      return NULL;
    }
  if (!configure_connection (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* After the schema is verified as Shnor's own: the data is checked and
 * the school list read. The undo triggers are made at the first edit. */
static gboolean
finish_open (ShnorDocument  *self,
             GError        **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);

  return shnor_schema_check_data (self->db, SHNOR_FORMAT_VERSION, SHNOR_CHECK_OPEN, self->path, error) &&
         shnor_document_load_schools (self, error) && shnor_criteria_sets_check (self->db, name, error);
}

/* Upgrades the file from @version (its schema verified) after copying it
 * aside; a failed upgrade leaves the file as it was, and no copy. */
static gboolean
upgrade (ShnorDocument  *self,
         int             version,
         GError        **error)
{
  g_autofree char *backup = backup_before_migration (self->path, version, error);

  if (backup == NULL)
    return FALSE;
  if (!shnor_sqlite_exec (self->db, "BEGIN EXCLUSIVE", error))
    {
      g_unlink (backup);
      return FALSE;
    }
  if (!shnor_schema_migrate (self->db, version, error) || !shnor_sqlite_exec (self->db, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_unlink (backup);
      return FALSE;
    }
  /* A migration that rewrites a table (format 9 rewrote the results)
   * leaves the old pages free: the file gives them back once. Only
   * space is at stake, so a failure (a full disk) is not an error. */
  sqlite3_exec (self->db, "VACUUM", NULL, NULL, NULL);
  return TRUE;
}

/**
 * shnor_document_open:
 *
 * Opens an existing file. A file that is not a Shnor document, is damaged,
 * or comes from a newer version is refused and left byte for byte as it
 * was; a file of an older format is copied aside, then upgraded.
 */
ShnorDocument *
shnor_document_open (const char  *path,
                     GError     **error)
{
  g_autoptr(ShnorDocument) self = NULL;
  int version;

  g_return_val_if_fail (path != NULL, NULL);

  version = check_header (path, error);
  if (version < 0)
    return NULL;

  if (version < SHNOR_FORMAT_VERSION)
    {
      g_autofree char *reason = read_only_reason (path);

      if (reason != NULL)
        {
          g_autofree char *name = g_filename_display_basename (path);

          g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_READ_ONLY,
                       _("The file “%s” was made by an older version of Shnor and must be "
                         "upgraded, but it cannot be changed. %s Copy it to a folder "
                         "you can write to."), name, reason);
          return NULL;
        }
    }

  self = connect (path, FALSE, error);
  if (self == NULL)
    return NULL;

  if (!shnor_schema_verify (self->db, version, SHNOR_CHECK_OPEN, path, error))
    return NULL;
  /* a damaged file of an older format is refused as it is, not upgraded
   * first (and a backup copy made of it); the upgraded file must be as a
   * new one is: a step whose result depended on the old data would show
   * here */
  if (version < SHNOR_FORMAT_VERSION &&
      (!shnor_schema_check_data (self->db, version, SHNOR_CHECK_OPEN, path, error) ||
       !upgrade (self, version, error) || !shnor_schema_verify (self->db, SHNOR_FORMAT_VERSION, SHNOR_CHECK_OPEN, path, error)))
    return NULL;
  if (!finish_open (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * shnor_document_create:
 *
 * Creates a new, empty document at @path, which must not exist. The file
 * is built under a temporary name and renamed when complete, so that a
 * crash never leaves a half-made document under the name the user chose.
 */
ShnorDocument *
shnor_document_create (const char  *path,
                       GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *part = NULL;
  ShnorDocument *made;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_EXISTS,
                   _("The file “%s” already exists; choose another name."), name);
      return NULL;
    }

  if (!shnor_check_folder (path, error))
    return NULL;
  part = shnor_part_path (path);
  g_unlink (part);
  made = connect (part, TRUE, error);
  if (made == NULL)
    {
      g_unlink (part);
      return NULL;
    }

  if (!shnor_sqlite_exec (made->db, "BEGIN EXCLUSIVE", error) ||
      !shnor_schema_migrate (made->db, 0, error) ||
      !shnor_sqlite_exec (made->db, "COMMIT", error))
    {
      g_object_unref (made);
      g_unlink (part);
      return NULL;
    }
  g_object_unref (made);

  if (g_rename (part, path) != 0)
    {
      int saved = errno;

      g_unlink (part);
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO,
                   _("The file “%s” could not be created: %s."), name, g_strerror (saved));
      return NULL;
    }

  return shnor_document_open (path, error);
}

/**
 * shnor_document_check_file:
 *
 * What `shnor --check` does: recognises the file, verifies its schema as
 * an open does, then runs every check of its data, on tables of any size
 * (SQLite's full integrity and foreign-key checks among them). It changes
 * nothing but a crash's leftover journal.
 */
gboolean
shnor_document_check_file (const char  *path,
                           GError     **error)
{
  g_autofree char *reason = NULL;
  sqlite3 *db = NULL;
  gboolean ok = FALSE;
  int version, rc;

  g_return_val_if_fail (path != NULL, FALSE);

  version = check_header (path, error);
  if (version < 0)
    return FALSE;

  /* Read-write where allowed: after a crash SQLite must roll the hot
   * journal back before anything can be read. Nothing else is written. */
  reason = read_only_reason (path);
  rc = shnor_sqlite_open (path, (reason ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX, &db);
  if (rc != SQLITE_OK)
    shnor_sqlite_set_error (error, db, rc, path);
  else
    {
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
      ok = shnor_schema_verify (db, version, SHNOR_CHECK_FULL, path, error) &&
           shnor_schema_check_data (db, version, SHNOR_CHECK_FULL, path, error);
    }
  /* the criteria sets (an older file gets them when it is upgraded); the
   * sums of identification were compared with the results by the full
   * check of the data above */
  if (ok && version == SHNOR_FORMAT_VERSION)
    {
      g_autofree char *name = g_filename_display_basename (path);

      ok = shnor_criteria_sets_check (db, name, error);
    }
  sqlite3_close_v2 (db);
  return ok;
}

/* Closes the connection and so releases the file for others; the document
 * answers nothing after this. */
void
shnor_document_close (ShnorDocument *self)
{
  g_return_if_fail (SHNOR_IS_DOCUMENT (self));

  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

gboolean
shnor_document_save_copy (ShnorDocument  *self,
                          const char     *path,
                          GError        **error)
{
  g_autofree char *part = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (self->edit_depth == 0, FALSE);

  /* never over a database: the open document, a file open elsewhere */
  if (!shnor_check_target (path, SHNOR_TARGET_DOCUMENT, error))
    return FALSE;
  part = shnor_part_path (path);
  g_unlink (part);

  stmt = shnor_sqlite_prepare (self->db, "VACUUM INTO ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, part, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      shnor_sqlite_set_error (error, NULL, rc, path);
      g_unlink (part);
      return FALSE;
    }

  return shnor_commit_part (part, path, error);
}

const char *
shnor_document_get_path (ShnorDocument *self)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), NULL);
  return self->path;
}

gboolean
shnor_document_get_read_only (ShnorDocument *self)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), TRUE);
  return self->read_only_reason != NULL;
}

const char *
shnor_document_get_read_only_reason (ShnorDocument *self)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), NULL);
  return self->read_only_reason;
}

sqlite3 *
shnor_document_get_db (ShnorDocument *self)
{
  return self->db;
}

/**
 * shnor_document_statement:
 * @sql: a string literal: the cache is keyed by its address
 *
 * A prepared statement kept for the life of the connection, reset and
 * unbound, for queries that run once per row of an import.
 */
sqlite3_stmt *
shnor_document_statement (ShnorDocument *self,
                          const char    *sql)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      if (self->db == NULL ||
          sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        return NULL;
      g_hash_table_insert (self->statements, (gpointer) sql, stmt);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

gboolean
shnor_document_check_writable (ShnorDocument  *self,
                               GError        **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The document is closed."));
      return FALSE;
    }
  if (self->read_only_reason != NULL)
    {
      g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_READ_ONLY, self->read_only_reason);
      return FALSE;
    }
  return TRUE;
}

/* ---- reading ------------------------------------------------------------ */

/* Notes that a read of the file failed (a damaged page, most often): the
 * first such error is kept for shnor_document_check_reads(), and the
 * document becomes read-only, so that nothing more is written into a
 * damaged file. */
void
shnor_document_read_failed (ShnorDocument *self,
                            int            rc)
{
  g_autoptr(GError) error = NULL;

  if (self->read_error != NULL || self->db == NULL)
    return;
  shnor_sqlite_set_error (&error, self->db, rc == SQLITE_OK ? SQLITE_ERROR : rc, self->path);
  self->read_error = g_error_copy (error);
  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup_printf (_("%s Nothing more is saved into it."), error->message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
  notify_history (self);
}

/**
 * shnor_document_next_row:
 * @stmt: (nullable): a statement reading the file
 *
 * Steps @stmt: TRUE for a row, FALSE at its end or on an error, which
 * shnor_document_read_failed() records (so does a %NULL @stmt, a
 * statement that could not even be prepared). Every reader loops with it,
 * so that a damaged file never passes for a shorter one.
 */
gboolean
shnor_document_next_row (ShnorDocument *self,
                         sqlite3_stmt  *stmt)
{
  int rc;

  if (stmt == NULL)
    {
      if (self->db != NULL)
        shnor_document_read_failed (self, sqlite3_errcode (self->db));
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    shnor_document_read_failed (self, rc);
  return FALSE;
}

/**
 * shnor_document_check_reads:
 *
 * Whether everything read from the file since it was opened was read
 * whole. A verb that answers from the file (a list, an export) asks this
 * before it answers.
 *
 * Returns: FALSE, with the error of the first read that failed, when a
 *   read failed: the file is damaged.
 */
gboolean
shnor_document_check_reads (ShnorDocument  *self,
                            GError        **error)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  if (self->read_error == NULL)
    return TRUE;
  g_propagate_error (error, g_error_copy (self->read_error));
  return FALSE;
}

/**
 * shnor_document_commit_part:
 *
 * As shnor_commit_part(), for a file written from @self's data: refused,
 * and @part removed, when a read of the document failed meanwhile, so that
 * no export is made from part of a damaged file.
 */
gboolean
shnor_document_commit_part (ShnorDocument  *self,
                            const char     *part,
                            const char     *path,
                            GError        **error)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  if (!shnor_document_check_reads (self, error))
    {
      g_unlink (part);
      return FALSE;
    }
  return shnor_commit_part (part, path, error);
}

/* ---- transactions, notification, undo -------------------------------- */

static gint64
last_log_seq (ShnorDocument *self)
{
  g_autoptr(sqlite3_stmt) stmt = shnor_sqlite_prepare (self->db, "SELECT max(seq) FROM undolog", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

/* Above this many rows of one table in one step, ::changed says "many"
 * once, with rowid 0, instead of once per row (an import of a region). */
#define MANY_ROWS 1000

static void
notify_step (ShnorDocument *self,
             gint64         first,
             gint64         last)
{
  g_autoptr(sqlite3_stmt) tables = NULL;
  g_autoptr(sqlite3_stmt) rows = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  tables = shnor_sqlite_prepare (self->db,
                                 "SELECT tbl, count(*) FROM undolog WHERE seq BETWEEN ? AND ? GROUP BY tbl",
                                 NULL);
  rows = shnor_sqlite_prepare (self->db,
                               "SELECT rid FROM undolog WHERE seq BETWEEN ? AND ? AND tbl = ?"
                               " GROUP BY rid ORDER BY min(seq)", NULL);
  if (tables == NULL || rows == NULL)
    return;
  sqlite3_bind_int64 (tables, 1, first);
  sqlite3_bind_int64 (tables, 2, last);
  while (shnor_document_next_row (self, tables))
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      gint64 many = 0;

      if (sqlite3_column_int64 (tables, 1) > MANY_ROWS && !g_str_equal (table, "school"))
        {
          g_ptr_array_add (names, g_strdup (table));
          g_array_append_val (ids, many);
          continue;
        }
      sqlite3_bind_int64 (rows, 1, first);
      sqlite3_bind_int64 (rows, 2, last);
      sqlite3_bind_text (rows, 3, table, -1, SQLITE_TRANSIENT);
      while (shnor_document_next_row (self, rows))
        {
          gint64 rid = sqlite3_column_int64 (rows, 0);

          g_ptr_array_add (names, g_strdup (table));
          g_array_append_val (ids, rid);
        }
      sqlite3_reset (rows);
    }

  /* Models and caches first, so that handlers of ::changed see the new
   * state. */
  for (guint i = 0; i < names->len; i++)
    shnor_document_identification_changed (self, names->pdata[i]);
  for (guint i = 0; i < ids->len; i++)
    if (g_str_equal (names->pdata[i], "school"))
      shnor_document_sync_school (self, g_array_index (ids, gint64, i));
  if (g_ptr_array_find_with_equal_func (names, "school_context", g_str_equal, NULL))
    shnor_document_sync_counts (self);

  for (guint i = 0; i < ids->len; i++)
    g_signal_emit (self, signals[CHANGED], 0, names->pdata[i], g_array_index (ids, gint64, i));
}

static void
drop_steps (ShnorDocument *self,
            GArray        *steps)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (steps->len == 0)
    return;
  stmt = shnor_sqlite_prepare (self->db, "DELETE FROM undolog WHERE seq BETWEEN ? AND ?", NULL);
  for (guint i = 0; stmt != NULL && i < steps->len; i++)
    {
      shnor_document_drop_holds (self, g_array_index (steps, UndoStep, i).first,
                                 g_array_index (steps, UndoStep, i).last);
      sqlite3_bind_int64 (stmt, 1, g_array_index (steps, UndoStep, i).first);
      sqlite3_bind_int64 (stmt, 2, g_array_index (steps, UndoStep, i).last);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
    }
  g_array_set_size (steps, 0);
}

static void
notify_history (ShnorDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Brings the derived sums up to date when results changed in the current
 * transaction (most edits change none: one look at what was noted). */
static gboolean
refresh_derived (ShnorDocument  *self,
                 GError        **error)
{
  sqlite3_stmt *dirty = shnor_document_statement (self, "SELECT 1 FROM temp.derived_dirty LIMIT 1");
  gboolean any = dirty == NULL || sqlite3_step (dirty) == SQLITE_ROW;

  if (dirty != NULL)
    sqlite3_reset (dirty);
  return !any || shnor_derived_refresh (self->db, error);
}

/**
 * shnor_document_begin_edit:
 * @label: what the user will see after "Undo", translated
 *
 * Starts an edit; edits begun inside it join it, so that the outermost one
 * is one transaction and one undo step.
 */
gboolean
shnor_document_begin_edit (ShnorDocument  *self,
                           const char     *label,
                           GError        **error)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  if (!shnor_document_check_writable (self, error))
    return FALSE;

  if (self->edit_depth > 0)
    {
      self->edit_depth++;
      return TRUE;
    }
  /* The undo log, its triggers (a hundred of them, 10 ms) and the watch
   * of the results, at the first edit: a document only read (a command,
   * a window only looked at) goes without them. Outside the edit's
   * transaction, which a rollback would take them back with. */
  if (!self->logging)
    {
      if (!create_undo_triggers (self, error) || !shnor_derived_watch (self->db, error))
        return FALSE;
      self->logging = TRUE;
    }
  self->edit_depth++;

  if (!shnor_sqlite_exec (self->db, "BEGIN IMMEDIATE", error))
    {
      self->edit_depth = 0;
      return FALSE;
    }
  self->edit_failed = FALSE;
  self->edit_first = last_log_seq (self) + 1;
  g_free (self->edit_label);
  self->edit_label = g_strdup (label);
  return TRUE;
}

/* Whether an edit is open (another one begun joins it). */
gboolean
shnor_document_in_edit (ShnorDocument *self)
{
  return self->edit_depth > 0;
}

void
shnor_document_cancel_edit (ShnorDocument *self)
{
  g_return_if_fail (SHNOR_IS_DOCUMENT (self));
  g_return_if_fail (self->edit_depth > 0);

  self->edit_failed = TRUE;
  if (--self->edit_depth == 0)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
shnor_document_end_edit (ShnorDocument  *self,
                         GError        **error)
{
  UndoStep step;
  int rc;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->edit_depth > 0, FALSE);

  if (--self->edit_depth > 0)
    return TRUE;

  if (self->edit_failed)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("The change was cancelled."));
      return FALSE;
    }
  /* an edit that read a damaged page may have been made from part of
   * the data: it is not saved */
  if (!shnor_document_check_reads (self, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  /* the derived sums change with the results, in the same transaction */
  if (!refresh_derived (self, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  step.first = self->edit_first;
  step.last = last_log_seq (self);
  if (step.last >= step.first && !shnor_document_index_practices (self, step.first, step.last, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      shnor_sqlite_set_error (error, self->db, rc, self->path);
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (step.last < step.first)
    return TRUE;  /* nothing changed: no undo step */

  step.label = g_steal_pointer (&self->edit_label);
  drop_steps (self, self->redo);
  g_array_append_val (self->undo, step);
  notify_step (self, step.first, step.last);
  notify_history (self);
  return TRUE;
}

/* Steps @stmt, the last statement of an edit begun by the caller, then
 * commits the edit, or cancels it when the statement fails. */
gboolean
shnor_document_finish_edit (ShnorDocument  *self,
                            sqlite3_stmt   *stmt,
                            GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      shnor_sqlite_set_error (error, self->db, rc, self->path);
      shnor_document_cancel_edit (self);
      return FALSE;
    }
  return shnor_document_end_edit (self, error);
}

/* An entry of the undo log, as replay() reads it. */
typedef struct {
  char    *sql;
  gboolean bulk;
  char    *table;
  gint64   lo, hi;
  char    *hold;
} LogEntry;

static void
log_entry_free (gpointer data)
{
  LogEntry *entry = data;

  g_free (entry->sql);
  g_free (entry->table);
  g_free (entry->hold);
  g_free (entry);
}

/* Replays a step's statements in reverse; the triggers record their
 * inverse, which becomes the step on the other stack. Foreign keys are
 * checked at commit, since a deleted school's rows come back child first. */
static gboolean
replay (ShnorDocument  *self,
        GArray         *from,
        GArray         *to,
        GError        **error)
{
  UndoStep *step;
  UndoStep back;
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (log_entry_free);
  int rc = SQLITE_OK;

  if (!shnor_document_check_writable (self, error))
    return FALSE;
  if (from->len == 0)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_NOTHING, _("There is nothing to undo or redo."));
      return FALSE;
    }
  g_return_val_if_fail (self->edit_depth == 0, FALSE);

  step = &g_array_index (from, UndoStep, from->len - 1);
  if (!shnor_sqlite_exec (self->db, "BEGIN IMMEDIATE; PRAGMA defer_foreign_keys = ON;", error))
    return FALSE;

  back.first = last_log_seq (self) + 1;
  read = shnor_sqlite_prepare (self->db,
                               "SELECT sql, tbl, lo, hi, hold FROM undolog WHERE seq BETWEEN ? AND ?"
                               " ORDER BY seq DESC", error);
  if (read == NULL)
    goto fail;
  sqlite3_bind_int64 (read, 1, step->first);
  sqlite3_bind_int64 (read, 2, step->last);
  while (shnor_document_next_row (self, read))
    {
      LogEntry *entry = g_new0 (LogEntry, 1);

      entry->sql = g_strdup ((const char *) sqlite3_column_text (read, 0));
      entry->bulk = sqlite3_column_type (read, 2) != SQLITE_NULL;
      entry->table = g_strdup ((const char *) sqlite3_column_text (read, 1));
      entry->lo = sqlite3_column_int64 (read, 2);
      entry->hi = sqlite3_column_int64 (read, 3);
      entry->hold = g_strdup ((const char *) sqlite3_column_text (read, 4));
      g_ptr_array_add (entries, entry);
    }

  for (guint i = 0; i < entries->len && rc == SQLITE_OK; i++)
    {
      const LogEntry *entry = entries->pdata[i];

      if (!entry->bulk)
        rc = sqlite3_exec (self->db, entry->sql, NULL, NULL, NULL);
      else if (!shnor_document_replay_bulk (self, entry->table, entry->lo, entry->hi, entry->hold, error))
        goto fail;
    }
  if (rc != SQLITE_OK)
    {
      shnor_sqlite_set_error (error, self->db, rc, self->path);
      goto fail;
    }
  back.last = last_log_seq (self);
  if (back.last >= back.first && !shnor_document_index_practices (self, back.first, back.last, error))
    goto fail;

  {
    g_autoptr(sqlite3_stmt) drop = shnor_sqlite_prepare (self->db,
                                                         "DELETE FROM undolog WHERE seq BETWEEN ? AND ?",
                                                         error);
    if (drop == NULL)
      goto fail;
    sqlite3_bind_int64 (drop, 1, step->first);
    sqlite3_bind_int64 (drop, 2, step->last);
    sqlite3_step (drop);
  }
  if (!refresh_derived (self, error))
    goto fail;

  rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      shnor_sqlite_set_error (error, self->db, rc, self->path);
      goto fail;
    }

  back.label = g_steal_pointer (&step->label);
  g_array_set_size (from, from->len - 1);
  g_array_append_val (to, back);
  notify_step (self, back.first, back.last);
  notify_history (self);
  return TRUE;

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

gboolean
shnor_document_undo (ShnorDocument  *self,
                     GError        **error)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  return replay (self, self->undo, self->redo, error);
}

gboolean
shnor_document_redo (ShnorDocument  *self,
                     GError        **error)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  return replay (self, self->redo, self->undo, error);
}

gboolean
shnor_document_can_undo (ShnorDocument *self)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  return self->undo->len > 0 && self->read_only_reason == NULL;
}

gboolean
shnor_document_can_redo (ShnorDocument *self)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  return self->redo->len > 0 && self->read_only_reason == NULL;
}

const char *
shnor_document_get_undo_label (ShnorDocument *self)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), NULL);
  return self->undo->len ? g_array_index (self->undo, UndoStep, self->undo->len - 1).label : NULL;
}

const char *
shnor_document_get_redo_label (ShnorDocument *self)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), NULL);
  return self->redo->len ? g_array_index (self->redo, UndoStep, self->redo->len - 1).label : NULL;
}

/* ---- municipality settings ------------------------------------------- */

char *
shnor_document_dup_setting (ShnorDocument *self,
                            const char    *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (self->db == NULL)
    return g_strdup ("");
  stmt = shnor_sqlite_prepare (self->db, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (!shnor_document_next_row (self, stmt))
    return g_strdup ("");
  return g_strdup (shnor_sqlite_column_text (stmt, 0));
}

gboolean
shnor_document_set_setting (ShnorDocument  *self,
                            const char     *key,
                            const char     *text,
                            GError        **error)
{
  const ShnorField *field;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *old = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  field = shnor_municipality_field (key);
  g_return_val_if_fail (field != NULL, FALSE);

  if (!shnor_field_parse (field, text, &value, error) ||
      !shnor_municipality_check (key, g_value_get_string (&value), error))
    return FALSE;
  old = shnor_document_dup_setting (self, key);
  if (g_str_equal (old, g_value_get_string (&value)))
    return TRUE;

  if (!shnor_document_begin_edit (self, _("Municipality settings"), error))
    return FALSE;
  stmt = shnor_sqlite_prepare (self->db,
                               "INSERT INTO settings (key, value) VALUES (?, ?)"
                               " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    {
      shnor_document_cancel_edit (self);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  shnor_sqlite_bind_value (stmt, 2, &value);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      shnor_sqlite_set_error (error, self->db, rc, self->path);
      shnor_document_cancel_edit (self);
      return FALSE;
    }
  return shnor_document_end_edit (self, error);
}

/* ---- the school list model ------------------------------------------- */

static void apply_counts (ShnorDocument *self,
                          gboolean       touch);

GListModel *
shnor_document_get_schools (ShnorDocument *self)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->schools);
}

ShnorSchool *
shnor_document_find_school (ShnorDocument *self,
                            gint64         id)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), NULL);
  return g_hash_table_lookup (self->school_by_id, &id);
}

static sqlite3_stmt *
select_schools (ShnorDocument *self,
                const char    *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM school %s ORDER BY id",
                                          shnor_school_select_columns (), where);
  sqlite3_stmt *stmt = NULL;

  /* Our own SQL: it prepares unless page 1 (the schema) is damaged, which
   * the open would have reported already. */
  sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  return stmt;
}

static void
index_school (ShnorDocument *self,
              ShnorSchool   *school)
{
  gint64 *key = g_object_get_data (G_OBJECT (school), "shnor-id-key");

  if (key == NULL)
    {
      key = g_new (gint64, 1);
      g_object_set_data_full (G_OBJECT (school), "shnor-id-key", key, g_free);
    }
  *key = shnor_school_get_id (school);
  g_hash_table_insert (self->school_by_id, key, school);
}

/* Reads the registry at open: a damaged table shows here, as an error,
 * rather than as a shorter list. */
gboolean
shnor_document_load_schools (ShnorDocument  *self,
                             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = select_schools (self, "");
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShnorSchool *school = shnor_school_new (stmt);

      index_school (self, school);
      g_ptr_array_add (loaded, school);
    }
  if (rc != SQLITE_DONE)
    {
      shnor_sqlite_set_error (error, self->db, rc, self->path);
      return FALSE;
    }
  /* the counts first: the list gets the schools complete, at once */
  apply_counts (self, FALSE);
  g_list_store_splice (self->schools, 0, g_list_model_get_n_items (G_LIST_MODEL (self->schools)),
                       loaded->pdata, loaded->len);

  check = shnor_sqlite_prepare (self->db, "SELECT count(*) FROM school_context", error);
  if (check == NULL)
    return FALSE;
  rc = sqlite3_step (check);
  if (rc != SQLITE_ROW)
    {
      shnor_sqlite_set_error (error, self->db, rc, self->path);
      return FALSE;
    }
  return shnor_document_check_reads (self, error);
}

/* Tells the store an item changed, so that sorters and filters look at it
 * again (they do not watch properties). */
static void
touch_school (ShnorDocument *self,
              ShnorSchool   *school)
{
  g_autoptr(ShnorSchool) held = g_object_ref (school);  /* the store drops it first */
  guint pos;

  if (g_list_store_find (self->schools, held, &pos))
    g_list_store_splice (self->schools, pos, 1, (gpointer *) &held, 1);
}

void
shnor_document_sync_school (ShnorDocument *self,
                            gint64         id)
{
  g_autoptr(sqlite3_stmt) stmt = select_schools (self, "WHERE id = ?");
  ShnorSchool *school = shnor_document_find_school (self, id);

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, id);
  if (shnor_document_next_row (self, stmt))
    {
      if (school == NULL)
        {
          g_autoptr(ShnorSchool) fresh = shnor_school_new (stmt);

          index_school (self, fresh);
          g_list_store_append (self->schools, fresh);
        }
      else
        {
          shnor_school_load (school, stmt);
          touch_school (self, school);
        }
    }
  else if (school != NULL)
    {
      guint pos;

      g_hash_table_remove (self->school_by_id, &id);
      if (g_list_store_find (self->schools, school, &pos))
        g_list_store_remove (self->schools, pos);
    }
}

/* Pupils and teachers shown in the list are those of the latest year. */
void
shnor_document_sync_counts (ShnorDocument *self)
{
  apply_counts (self, TRUE);
}

/* Sets each school's pupils and teachers; @touch: tell the list of the
 * schools that changed (not while it is being filled: a region's 1,500
 * schools would each be looked for in it). */
static void
apply_counts (ShnorDocument *self,
              gboolean       touch)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer school;

  stmt = shnor_sqlite_prepare (self->db,
                               "SELECT c.school_id, ifnull(c.pupils, -1), ifnull(c.teachers, -1)"
                               " FROM school_context c WHERE c.year ="
                               " (SELECT max(year) FROM school_context WHERE school_id = c.school_id)",
                               NULL);
  while (shnor_document_next_row (self, stmt))
    {
      ShnorSchool *s = shnor_document_find_school (self, sqlite3_column_int64 (stmt, 0));

      if (s == NULL)
        continue;
      g_hash_table_add (seen, s);
      if (shnor_school_get_pupils (s) != sqlite3_column_int (stmt, 1) ||
          shnor_school_get_teachers (s) != sqlite3_column_int (stmt, 2))
        {
          shnor_school_set_counts (s, sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2));
          if (touch)
            touch_school (self, s);
        }
    }

  g_hash_table_iter_init (&iter, self->school_by_id);
  while (g_hash_table_iter_next (&iter, NULL, &school))
    if (!g_hash_table_contains (seen, school) && shnor_school_get_pupils (school) != -1)
      {
        shnor_school_set_counts (school, -1, -1);
        if (touch)
          touch_school (self, school);
      }
}
