/* shnor-document-practices.c: the municipal bank of best practices (seed
 * 003: «Положение о муниципальном банке лучших практик») — practice cards,
 * their attached files and the full-text search over them.
 *
 * The files live in the municipality file: their names and sizes in
 * practice_file, their contents apart in practice_file_data, read only
 * when the user opens or saves one, and never changed in place (so the
 * undo log records a file's contents only when it is deleted).
 *
 * The search index is an FTS5 table of the migration. SQLite lets no
 * trigger write it while the schema is untrusted, so the edit path keeps
 * it: before every commit of an edit, undo or redo, the practices that
 * step touched are indexed again from their rows. */
#define G_LOG_DOMAIN "shnor-document"

#include "config.h"
#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "shnor-document-private.h"
#include "shnor-network-private.h"
#include "shnor-error.h"
#include "shnor-files.h"
#include "shnor-number.h"
#include "shnor-sqlite.h"

#define SCHOOL_NAME(s) "CASE WHEN " s ".short_name <> '' THEN " s ".short_name ELSE " s ".full_name END"

/* ---- the search index ---------------------------------------------------- */

/**
 * shnor_document_index_practices:
 * @first: (in): the undo log's range of the step about to commit
 *
 * Indexes again the practices the step inserted, changed or deleted.
 */
gboolean
shnor_document_index_practices (ShnorDocument  *self,
                                gint64          first,
                                gint64          last,
                                GError        **error)
{
  static const char * const sql[] = {
    "DELETE FROM practice_fts WHERE rowid IN"
    " (SELECT rid FROM undolog WHERE seq BETWEEN ?1 AND ?2 AND tbl = 'practice')",
    "INSERT INTO practice_fts (rowid, title, authors, description, results)"
    " SELECT id, replace (replace (title, 'ё', 'е'), 'Ё', 'Е'), replace (replace (authors, 'ё', 'е'), 'Ё', 'Е'),"
    "  replace (replace (description, 'ё', 'е'), 'Ё', 'Е'), replace (replace (results, 'ё', 'е'), 'Ё', 'Е')"
    " FROM practice WHERE id IN (SELECT rid FROM undolog WHERE seq BETWEEN ?1 AND ?2 AND tbl = 'practice')",
  };
  sqlite3_stmt *touched = shnor_document_statement (self,
    "SELECT 1 FROM undolog WHERE seq BETWEEN ?1 AND ?2 AND tbl = 'practice' LIMIT 1");
  gboolean any;

  if (touched == NULL)
    {
      shnor_sqlite_set_error (error, shnor_document_get_db (self), sqlite3_errcode (shnor_document_get_db (self)),
                              shnor_document_get_path (self));
      return FALSE;
    }
  sqlite3_bind_int64 (touched, 1, first);
  sqlite3_bind_int64 (touched, 2, last);
  any = shnor_document_next_row (self, touched);
  sqlite3_reset (touched);
  for (guint i = 0; any && i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = shnor_document_statement (self, sql[i]);
      gboolean ok;

      if (stmt == NULL)
        {
          shnor_sqlite_set_error (error, shnor_document_get_db (self),
                                  sqlite3_errcode (shnor_document_get_db (self)), shnor_document_get_path (self));
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, first);
      sqlite3_bind_int64 (stmt, 2, last);
      ok = shnor_document_step (self, stmt, error);
      sqlite3_reset (stmt);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* ---- the list and the search ---------------------------------------------- */

/* Whether @c ends an item of a list ("Математика; физика") */
static gboolean
is_separator (char c)
{
  return c == ';' || c == ',' || c == '\n';
}

/* One of @list's items is @wanted (casefolded and stripped), whatever
 * the case: the list is folded once and searched in place, since the
 * bank's filter asks this of every practice a search finds. */
static gboolean
list_has (const char *list,
          const char *wanted)
{
  g_autofree char *folded = g_utf8_casefold (list, -1);
  gsize n = strlen (wanted);

  if (n == 0 || strpbrk (wanted, ";,\n") != NULL)   /* one item, never several */
    return FALSE;
  for (const char *p = folded; (p = strstr (p, wanted)) != NULL; p++)
    {
      const char *before = p, *after = p + n;

      while (before > folded && g_ascii_isspace (before[-1]) && !is_separator (before[-1]))
        before--;
      while (*after != '\0' && g_ascii_isspace (*after) && !is_separator (*after))
        after++;
      if ((before == folded || is_separator (before[-1])) && (*after == '\0' || is_separator (*after)))
        return TRUE;
    }
  return FALSE;
}

#define PRACTICE_LIST \
  "SELECT p.id, p.title, ifnull (" SCHOOL_NAME ("s") ", ''), p.authors, p.subjects, p.direction, p.status," \
  " (SELECT count (*) FROM practice_file WHERE practice_id = p.id)" \
  " FROM practice p LEFT JOIN school s ON s.id = p.school_id"

/**
 * shnor_document_search_practices:
 * @text: (nullable): words to find in the title, authors, description or
 *   results (each as the start of a word: «оценив» finds «оценивание»);
 *   NULL or no word: every practice
 * @subject: (nullable): only practices with this subject among theirs
 * @direction: (nullable): only practices of this direction
 * @status: a #ShnorPracticeStatus, or -1 for any
 *
 * Returns: (transfer full): a list of #ShnorPractice, the best match
 * first, or the latest added first when nothing is searched for.
 */
GListModel *
shnor_document_search_practices (ShnorDocument *self,
                                 const char    *text,
                                 const char    *subject,
                                 const char    *direction,
                                 int            status)
{
  GListStore *store = g_list_store_new (SHNOR_TYPE_PRACTICE);
  g_autofree char *query = shnor_practice_match_query (text);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *wanted_direction = direction && direction[0] ? g_utf8_casefold (direction, -1) : NULL;
  g_autofree char *wanted_subject = subject && subject[0] ? g_strstrip (g_utf8_casefold (subject, -1)) : NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), G_LIST_MODEL (store));
  if (shnor_document_get_db (self) == NULL)
    return G_LIST_MODEL (store);
  stmt = shnor_document_statement (self, query != NULL
    ? PRACTICE_LIST " JOIN (SELECT rowid AS id, rank FROM practice_fts WHERE practice_fts MATCH ?1) f ON f.id = p.id"
      " WHERE ?2 < 0 OR p.status = ?2 ORDER BY f.rank, p.id"
    : PRACTICE_LIST " WHERE ?2 < 0 OR p.status = ?2 ORDER BY p.added DESC, p.title COLLATE NOCASE, p.id");
  if (stmt == NULL)
    return G_LIST_MODEL (store);
  if (query != NULL)
    sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, status);
  while (shnor_document_next_row (self, stmt))
    {
      const char *subjects = (const char *) sqlite3_column_text (stmt, 4);
      const char *its_direction = (const char *) sqlite3_column_text (stmt, 5);

      if (wanted_subject != NULL && !list_has (subjects, wanted_subject))
        continue;
      if (wanted_direction != NULL)
        {
          g_autofree char *folded = g_utf8_casefold (its_direction, -1);

          if (!g_str_equal (folded, wanted_direction))
            continue;
        }
      g_ptr_array_add (found, shnor_practice_new (sqlite3_column_int64 (stmt, 0),
                                                  (const char *) sqlite3_column_text (stmt, 1),
                                                  (const char *) sqlite3_column_text (stmt, 2),
                                                  (const char *) sqlite3_column_text (stmt, 3), subjects, its_direction,
                                                  sqlite3_column_int (stmt, 6), (guint) sqlite3_column_int (stmt, 7)));
    }
  sqlite3_reset (stmt);
  g_list_store_splice (store, 0, 0, found->pdata, found->len);
  return G_LIST_MODEL (store);
}

static int
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* How many practices the bank has. */
guint
shnor_document_count_practices (ShnorDocument *self)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  stmt = shnor_document_statement (self, "SELECT count (*) FROM practice");
  if (stmt != NULL && shnor_document_next_row (self, stmt))
    n = (guint) sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

/**
 * shnor_document_list_practice_values:
 * @column: "subjects" (each subject of every practice) or "direction"
 *
 * Returns: (transfer full): the values the bank's filters offer, sorted,
 * each once whatever its case.
 */
GStrv
shnor_document_list_practice_values (ShnorDocument *self,
                                     const char    *column)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  gboolean subjects;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (g_strcmp0 (column, "subjects") == 0 || g_strcmp0 (column, "direction") == 0, NULL);
  subjects = g_str_equal (column, "subjects");
  stmt = shnor_document_statement (self, subjects ? "SELECT DISTINCT subjects FROM practice"
                                                  : "SELECT DISTINCT direction FROM practice");
  while (stmt != NULL && shnor_document_next_row (self, stmt))
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      g_auto(GStrv) items = subjects ? shnor_split_list (text) : g_strsplit (text[0] ? text : "", "\n", 1);

      for (guint i = 0; items[i]; i++)
        {
          char *folded = g_utf8_casefold (items[i], -1);

          if (items[i][0] == '\0' || g_hash_table_contains (seen, folded))
            {
              g_free (folded);
              continue;
            }
          g_hash_table_add (seen, folded);
          g_ptr_array_add (values, g_strdup (items[i]));
        }
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  g_ptr_array_sort (values, compare_collated);
  for (guint i = 0; i < values->len; i++)
    g_strv_builder_add (builder, values->pdata[i]);
  return g_strv_builder_end (builder);
}

/* ---- a practice card ---------------------------------------------------- */

static void
attachment_clear (gpointer data)
{
  ShnorAttachment *a = data;

  g_free (a->name);
  g_free (a->type);
}

void
shnor_practice_card_clear (ShnorPracticeCard *card)
{
  g_clear_pointer (&card->texts, g_strfreev);
  g_clear_pointer (&card->school_name, g_free);
  g_clear_pointer (&card->files, g_array_unref);
}

/* Reads the card @id into @out (to be cleared), with the names and sizes
 * of its files but not their contents. */
gboolean
shnor_document_get_practice (ShnorDocument     *self,
                             gint64             id,
                             ShnorPracticeCard *out)
{
  guint n_fields;
  const ShnorField *fields = shnor_practice_fields (&n_fields);
  g_autoptr(GString) sql = g_string_new ("SELECT ifnull (p.school_id, 0), ifnull (" SCHOOL_NAME ("s") ", '')");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3_stmt *files;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  memset (out, 0, sizeof *out);
  if (shnor_document_get_db (self) == NULL)
    return FALSE;
  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (sql, ", p.%s", fields[i].column);
  g_string_append (sql, " FROM practice p LEFT JOIN school s ON s.id = p.school_id WHERE p.id = ?");
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self), sql->str, NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!shnor_document_next_row (self, stmt))
    return FALSE;
  out->id = id;
  out->school_id = sqlite3_column_int64 (stmt, 0);
  out->school_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  out->texts = g_new0 (char *, n_fields + 1);
  for (guint i = 0; i < n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      shnor_document_column_value (stmt, 2 + (int) i, &fields[i], &value);
      out->texts[i] = shnor_field_format (&fields[i], &value);
    }
  out->status = (ShnorPracticeStatus) atoi (out->texts[shnor_fields_index (fields, n_fields, "status")]);
  out->files = g_array_new (FALSE, TRUE, sizeof (ShnorAttachment));
  g_array_set_clear_func (out->files, attachment_clear);
  files = shnor_document_statement (self, "SELECT id, name, type, size FROM practice_file WHERE practice_id = ? ORDER BY id");
  if (files == NULL)
    return TRUE;
  sqlite3_bind_int64 (files, 1, id);
  while (shnor_document_next_row (self, files))
    {
      ShnorAttachment a = { sqlite3_column_int64 (files, 0), g_strdup ((const char *) sqlite3_column_text (files, 1)),
                            g_strdup ((const char *) sqlite3_column_text (files, 2)), sqlite3_column_int64 (files, 3) };

      g_array_append_val (out->files, a);
    }
  sqlite3_reset (files);
  return TRUE;
}

static gboolean
practice_exists (ShnorDocument  *self,
                 gint64          id,
                 GError        **error)
{
  return shnor_document_find_row (self, "SELECT id FROM practice WHERE id = ?", id, NULL,
                                  _("There is no such practice."), error);
}

static gboolean
school_exists (ShnorDocument  *self,
               gint64          id,
               GError        **error)
{
  return shnor_document_find_row (self, "SELECT id FROM school WHERE id = ?", id, NULL,
                                  _("There is no such school."), error);
}

/**
 * shnor_document_add_practice:
 * @school_id: the school whose practice it is; 0: none
 *
 * A new card, proposed, added today.
 *
 * Returns: its id; 0 with @error when refused.
 */
gint64
shnor_document_add_practice (ShnorDocument  *self,
                             const char     *title,
                             gint64          school_id,
                             GError        **error)
{
  guint n_fields;
  const ShnorField *fields = shnor_practice_fields (&n_fields);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  if (!shnor_document_check_writable (self, error) || (school_id != 0 && !school_exists (self, school_id, error)) ||
      !shnor_field_parse (&fields[0], title, &value, error))
    return 0;
  stmt = shnor_document_begin_with (self, _("Add a practice"),
                                    "INSERT INTO practice (title, school_id, added) VALUES (?, nullif (?, 0), ?)", error);
  if (stmt == NULL)
    return 0;
  shnor_sqlite_bind_value (stmt, 1, &value);
  sqlite3_bind_int64 (stmt, 2, school_id);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  return shnor_document_finish_insert (self, stmt, error);
}

static const ShnorRowTable practice_table = {
  "practice", shnor_practice_fields, "SELECT id FROM practice WHERE id = ?", N_("There is no such practice."), NULL,
  N_("Edit a practice"), "DELETE FROM practice WHERE id = ?", N_("Delete a practice"),
};

gboolean
shnor_document_set_practice_field (ShnorDocument  *self,
                                   gint64          id,
                                   const char     *column,
                                   const char     *text,
                                   GError        **error)
{
  return shnor_document_set_row_field (self, &practice_table, id, column, text, error);
}

gboolean
shnor_document_set_practice_school (ShnorDocument  *self,
                                    gint64          id,
                                    gint64          school_id,
                                    GError        **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (!shnor_document_check_writable (self, error) || !practice_exists (self, id, error) ||
      (school_id != 0 && !school_exists (self, school_id, error)))
    return FALSE;
  if (school_id != 0)
    {
      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, school_id);
    }
  return shnor_document_update_value (self, _("Edit a practice"), "practice", "id = ?2", "school_id", &value, id, 0,
                                      error);
}

/* Deletes the card with its files. */
gboolean
shnor_document_delete_practice (ShnorDocument  *self,
                                gint64          id,
                                GError        **error)
{
  return shnor_document_delete_row (self, &practice_table, id, error);
}

/* ---- attached files ------------------------------------------------------- */

/* Refuses a file of @size for the card @practice_id when it is too large
 * alone or with the card's other files. */
static gboolean
check_size (ShnorDocument  *self,
            gint64          practice_id,
            const char     *name,
            gint64          size,
            GError        **error)
{
  sqlite3_stmt *stmt = shnor_document_statement (self,
    "SELECT ifnull (sum (size), 0) FROM practice_file WHERE practice_id = ?");
  gint64 taken = 0;

  if (size > SHNOR_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *has = shnor_format_file_size (size);
      g_autofree char *most = shnor_format_file_size (SHNOR_ATTACHMENT_MAX_SIZE);

      /* just over the limit reads as the limit itself: say it in bytes */
      if (g_str_equal (has, most))
        {
          g_autofree char *count = shnor_number_format_count (size);

          g_free (has);
          has = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s byte", "%s bytes", (gulong) (size % 1000000)),
                                 count);
          g_free (most);
          g_free (count);
          count = shnor_number_format_count (SHNOR_ATTACHMENT_MAX_SIZE);
          most = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s byte", "%s bytes",
                                               (gulong) (SHNOR_ATTACHMENT_MAX_SIZE % 1000000)), count);
        }

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("“%s” takes %s, but an attached file may take at most %s. Make it smaller (save a "
                     "presentation as PDF, reduce its pictures) or split it."), name, has, most);
      return FALSE;
    }
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, practice_id);
      if (shnor_document_next_row (self, stmt))
        taken = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  if (taken + size > SHNOR_PRACTICE_MAX_FILES_SIZE)
    {
      g_autofree char *has = shnor_format_file_size (taken);
      g_autofree char *more = shnor_format_file_size (size);
      g_autofree char *most = shnor_format_file_size (SHNOR_PRACTICE_MAX_FILES_SIZE);

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("The files of this practice take %s already; with “%s” (%s) they would take more than the "
                     "%s a practice may keep. Remove a file first, or make this one smaller."),
                   has, name, more, most);
      return FALSE;
    }
  return TRUE;
}

/* @name, or "name (2).pdf" when the card has a file of that name. */
static char *
unique_name (ShnorDocument *self,
             gint64         practice_id,
             const char    *name)
{
  sqlite3_stmt *stmt = shnor_document_statement (self,
    "SELECT 1 FROM practice_file WHERE practice_id = ? AND name = ? COLLATE NOCASE");
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = dot && dot != name ? g_strndup (name, (gsize) (dot - name)) : g_strdup (name);
  const char *extension = dot && dot != name ? dot : "";
  char *candidate = g_strdup (name);

  for (int n = 2; stmt != NULL && n < 1000; n++)
    {
      gboolean taken;

      sqlite3_bind_int64 (stmt, 1, practice_id);
      sqlite3_bind_text (stmt, 2, candidate, -1, SQLITE_TRANSIENT);
      taken = shnor_document_next_row (self, stmt);
      sqlite3_reset (stmt);
      if (!taken)
        break;
      g_free (candidate);
      candidate = g_strdup_printf ("%s (%d)%s", stem, n, extension);
    }
  return candidate;
}

/**
 * shnor_document_attach_bytes:
 * @name: the file's name, as the user will see it
 *
 * Attaches @contents to the practice as one edit. Refused, with nothing
 * changed, when the file is too large, empty, or not a document or image
 * of the kinds the bank keeps (see shnor_attachment_check()).
 *
 * Returns: the attachment's id; 0 with @error when refused.
 */
gint64
shnor_document_attach_bytes (ShnorDocument  *self,
                             gint64          practice_id,
                             const char     *name,
                             GBytes         *contents,
                             GError        **error)
{
  g_autofree char *clean = shnor_attachment_clean_name (name);
  g_autofree char *stored = NULL;
  gsize size = 0;
  const guint8 *data;
  const char *type;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (contents != NULL, 0);
  data = g_bytes_get_data (contents, &size);
  if (!shnor_document_check_writable (self, error) || !practice_exists (self, practice_id, error) ||
      !check_size (self, practice_id, clean, (gint64) size, error) ||
      (type = shnor_attachment_check (clean, data, MIN (size, 4096), error)) == NULL)
    return 0;
  if (!shnor_document_begin_edit (self, _("Attach a file"), error))
    return 0;
  stored = unique_name (self, practice_id, clean);
  stmt = shnor_document_statement (self, "INSERT INTO practice_file (practice_id, name, type, size) VALUES (?, ?, ?, ?)");
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, practice_id);
      sqlite3_bind_text (stmt, 2, stored, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, type, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, (gint64) size);
      if (shnor_document_step (self, stmt, error))
        id = sqlite3_last_insert_rowid (shnor_document_get_db (self));
      sqlite3_reset (stmt);
    }
  stmt = id != 0 ? shnor_document_statement (self, "INSERT INTO practice_file_data (id, data) VALUES (?, ?)") : NULL;
  if (stmt != NULL)
    {
      gboolean ok;

      sqlite3_bind_int64 (stmt, 1, id);
      /* an empty blob would bind as NULL: the size check refused it */
      sqlite3_bind_blob64 (stmt, 2, data, size, SQLITE_STATIC);
      ok = shnor_document_step (self, stmt, error);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (ok)
        return shnor_document_end_edit (self, error) ? id : 0;
    }
  if (error != NULL && *error == NULL)
    shnor_sqlite_set_error (error, shnor_document_get_db (self), sqlite3_errcode (shnor_document_get_db (self)),
                            shnor_document_get_path (self));
  shnor_document_cancel_edit (self);
  return 0;
}

/**
 * shnor_document_attach_file:
 *
 * Attaches the file at @path (see shnor_document_attach_bytes()); its
 * size is checked before it is read.
 */
gint64
shnor_document_attach_file (ShnorDocument  *self,
                            gint64          practice_id,
                            const char     *path,
                            GError        **error)
{
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize length = 0;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (path != NULL, 0);
  name = g_filename_display_basename (path);
  if (!shnor_document_check_writable (self, error) || !practice_exists (self, practice_id, error))
    return 0;
  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The file “%s” cannot be read: %s."), name,
                   g_strerror (saved));
      return 0;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("“%s” is not a file: choose a document or an image."),
                   name);
      return 0;
    }
  if (!check_size (self, practice_id, name, (gint64) st.st_size, error))
    return 0;
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The file “%s” cannot be read: %s."), name,
                   local_error->message);
      return 0;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return shnor_document_attach_bytes (self, practice_id, name, bytes, error);
}

/* Returns: (transfer full): the contents of the attached file; NULL with
 * @error when there is no such file. */
GBytes *
shnor_document_read_attachment (ShnorDocument  *self,
                                gint64          file_id,
                                GError        **error)
{
  sqlite3_stmt *stmt;
  GBytes *bytes = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), NULL);
  stmt = shnor_document_statement (self, "SELECT data FROM practice_file_data WHERE id = ?");
  if (stmt == NULL)
    {
      shnor_sqlite_set_error (error, shnor_document_get_db (self), sqlite3_errcode (shnor_document_get_db (self)),
                              shnor_document_get_path (self));
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, file_id);
  if (shnor_document_next_row (self, stmt))
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  else
    g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("There is no such attached file."));
  sqlite3_reset (stmt);
  return bytes;
}

/* Writes the attached file to @path (through a temporary file beside it). */
gboolean
shnor_document_save_attachment (ShnorDocument  *self,
                                gint64          file_id,
                                const char     *path,
                                GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *part = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  if (!shnor_check_not_database (path, error))
    return FALSE;
  bytes = shnor_document_read_attachment (self, file_id, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  part = shnor_part_path (path);
  if (!g_file_set_contents_full (part, data, (gssize) size, G_FILE_SET_CONTENTS_NONE, 0644, &local_error))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_unlink (part);
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO, _("The file “%s” could not be written: %s."), name,
                   local_error->message);
      return FALSE;
    }
  return shnor_commit_part (part, path, error);
}

gboolean
shnor_document_delete_attachment (ShnorDocument  *self,
                                  gint64          file_id,
                                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (!shnor_document_check_writable (self, error) ||
      !shnor_document_find_row (self, "SELECT id FROM practice_file WHERE id = ?", file_id, NULL,
                                _("There is no such attached file."), error))
    return FALSE;
  stmt = shnor_document_begin_with (self, _("Remove an attached file"), "DELETE FROM practice_file WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, file_id);
  return shnor_document_finish_edit (self, stmt, error);
}
