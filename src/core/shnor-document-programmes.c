/* shnor-document-programmes.c: programmes in the file: passport, parts,
 * participants, indicators (typed or bound to the results), financing,
 * approval, amendments and their history. Every edit checks that the
 * programme is a draft: an approved one is changed only by an amendment. */
#define G_LOG_DOMAIN "shnor-document"

#include "config.h"
#include <glib/gi18n-lib.h>
#include <math.h>

#include "shnor-document-network.h"
#include "shnor-document-private.h"
#include "shnor-error.h"
#include "shnor-sqlite.h"

#define PROGRAMME_COLUMNS "id, title, level, status, version, first_year, last_year, coalesce (origin_id, id)"

static ShnorProgramme *
programme_from_row (sqlite3_stmt *stmt)
{
  return shnor_programme_new (sqlite3_column_int64 (stmt, 0), shnor_sqlite_column_text (stmt, 1),
                              sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3),
                              sqlite3_column_int (stmt, 4), sqlite3_column_int (stmt, 5),
                              sqlite3_column_int (stmt, 6), sqlite3_column_int64 (stmt, 7));
}

#define BY_TITLE "title COLLATE NOCASE, version"

static GListModel *
programmes_where (ShnorDocument *self,
                  const char    *where,
                  const char    *order,
                  gint64         id)
{
  GListStore *store = g_list_store_new (SHNOR_TYPE_PROGRAMME);
  g_autofree char *sql = g_strdup_printf ("SELECT " PROGRAMME_COLUMNS " FROM programme WHERE %s ORDER BY %s",
                                          where, order);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (shnor_document_get_db (self) == NULL)
    return G_LIST_MODEL (store);
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self), sql, NULL);
  if (stmt == NULL)
    return G_LIST_MODEL (store);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  while (shnor_document_next_row (self, stmt))
    {
      g_autoptr(ShnorProgramme) programme = programme_from_row (stmt);

      g_list_store_append (store, programme);
    }
  return G_LIST_MODEL (store);
}

/**
 * shnor_document_get_programmes:
 * @archived: whether archived programmes are listed too
 *
 * Returns: (transfer full): the programmes, by title and version.
 */
GListModel *
shnor_document_get_programmes (ShnorDocument *self,
                               gboolean       archived)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), NULL);
  return programmes_where (self, archived ? "1" : "status <> 2", BY_TITLE, 0);
}

/* Every version of @id's programme, oldest first. */
GListModel *
shnor_document_get_programme_history (ShnorDocument *self,
                                      gint64         id)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), NULL);
  return programmes_where (self, "coalesce (origin_id, id) = (SELECT coalesce (origin_id, id) FROM programme"
                                 " WHERE id = ?1)", "version, id", id);
}

ShnorProgramme *
shnor_document_dup_programme (ShnorDocument *self,
                              gint64         id)
{
  g_autoptr(GListModel) one = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), NULL);
  one = programmes_where (self, "id = ?1", BY_TITLE, id);
  return g_list_model_get_n_items (one) > 0 ? g_list_model_get_item (one, 0) : NULL;
}

/* The programme @id exists and may be changed: the file is writable and
 * the programme is a draft — or, for what is not its plan (@plan FALSE:
 * the execution of its road map), not archived. */
gboolean
shnor_document_check_programme (ShnorDocument  *self,
                                gint64          id,
                                gboolean        plan,
                                GError        **error)
{
  g_autoptr(ShnorProgramme) programme = NULL;

  if (!shnor_document_check_writable (self, error))
    return FALSE;
  programme = shnor_document_dup_programme (self, id);
  if (programme == NULL)
    {
      g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("There is no such programme."));
      return FALSE;
    }
  switch (shnor_programme_get_status (programme))
    {
    case SHNOR_PROGRAMME_APPROVED:
      if (!plan)
        return TRUE;
      {
        g_autofree char *number = shnor_document_dup_programme_text (self, id, "order_number");
        g_autofree char *date = shnor_document_dup_programme_text (self, id, "order_date");

        g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_READ_ONLY,
                     _("The programme is approved (order of %s No. %s) and cannot be changed: "
                       "make an amendment to change it."), date, number);
        return FALSE;
      }
    case SHNOR_PROGRAMME_ARCHIVED:
      g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_READ_ONLY,
                           _("The programme is archived and cannot be changed."));
      return FALSE;
    default:
      return TRUE;
    }
}

static gboolean
check_draft (ShnorDocument  *self,
             gint64          id,
             GError        **error)
{
  return shnor_document_check_programme (self, id, TRUE, error);
}

/* ---- the passport --------------------------------------------------- */

/* The programme's value of @column as a user sees it; "" when unknown. */
char *
shnor_document_dup_programme_text (ShnorDocument *self,
                                   gint64         id,
                                   const char     *column)
{
  const ShnorField *field = shnor_programme_field (column);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *text = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), NULL);
  if (field == NULL && !g_str_equal (column, "order_number") && !g_str_equal (column, "order_date") &&
      !g_str_equal (column, "signatory"))
    g_return_val_if_reached (g_strdup (""));

  sql = g_strdup_printf ("SELECT %s FROM programme WHERE id = ?", column);
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self), sql, NULL);
  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, id);
  if (shnor_document_next_row (self, stmt) && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      if (g_str_equal (column, "order_date"))
        text = shnor_format_iso_date (shnor_sqlite_column_text (stmt, 0));
      else if (field != NULL && field->kind == SHNOR_FIELD_INT)
        text = g_strdup_printf ("%d", sqlite3_column_int (stmt, 0));
      else
        text = g_strdup (shnor_sqlite_column_text (stmt, 0));
    }
  return text ? text : g_strdup ("");
}

static int
programme_int (ShnorDocument *self,
               gint64         id,
               const char    *column)
{
  g_autofree char *text = shnor_document_dup_programme_text (self, id, column);

  return atoi (text);
}

/**
 * shnor_document_set_programme_field:
 * @column: a column of shnor_programme_fields()
 *
 * Validates and stores one passport field of a draft. A period that ends
 * before it starts is refused.
 */
gboolean
shnor_document_set_programme_field (ShnorDocument  *self,
                                    gint64          id,
                                    const char     *column,
                                    const char     *text,
                                    GError        **error)
{
  const ShnorField *field = shnor_programme_field (column);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (!check_draft (self, id, error) || !shnor_field_parse (field, text, &value, error))
    return FALSE;
  if (g_str_equal (column, "first_year") || g_str_equal (column, "last_year"))
    {
      int first = programme_int (self, id, "first_year");
      int last = programme_int (self, id, "last_year");

      if (g_str_equal (column, "first_year"))
        first = (int) g_value_get_int64 (&value);
      else
        last = (int) g_value_get_int64 (&value);
      if (last < first)
        {
          g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                       _("The period cannot end before it starts (%d–%d)."), first, last);
          return FALSE;
        }
    }
  return shnor_document_update_value (self, _("Edit programme"), "programme", "id = ?2", column, &value, id, 0,
                                      error);
}

/* ---- participating schools ------------------------------------------ */

/* The ids of the schools taking part, in the registry's order. */
GArray *
shnor_document_get_programme_schools (ShnorDocument *self,
                                      gint64         id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = shnor_document_statement (self,
    "SELECT school_id FROM programme_school WHERE programme_id = ? ORDER BY school_id");

  if (stmt == NULL)
    return ids;
  sqlite3_bind_int64 (stmt, 1, id);
  while (shnor_document_next_row (self, stmt))
    {
      gint64 school = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, school);
    }
  sqlite3_reset (stmt);
  return ids;
}

gboolean
shnor_document_set_programme_school (ShnorDocument  *self,
                                     gint64          id,
                                     gint64          school_id,
                                     gboolean        taking_part,
                                     GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (!check_draft (self, id, error) ||
      !shnor_document_find_row (self, "SELECT 1 FROM school WHERE id = ?", school_id, NULL,
                                _("There is no such school."), error))
    return FALSE;
  stmt = shnor_document_begin_with (self, _("Edit participants"),
                                    taking_part ? "INSERT OR IGNORE INTO programme_school (programme_id, school_id)"
                                                  " VALUES (?1, ?2)"
                                                : "DELETE FROM programme_school WHERE programme_id = ?1"
                                                  " AND school_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, school_id);
  return shnor_document_finish_edit (self, stmt, error);
}

/* ---- parts: ordered rows -------------------------------------------- */

static void
part_row_clear (gpointer data)
{
  ShnorPartRow *row = data;

  g_strfreev (row->texts);
  g_free (row->binding);
}

/* The value of @column of a row as @field holds it; unset for NULL. */
void
shnor_document_column_value (sqlite3_stmt     *stmt,
              int               column,
              const ShnorField *field,
              GValue           *value)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return;
  switch (field->kind)
    {
    case SHNOR_FIELD_INT:
    case SHNOR_FIELD_CHOICE:
    case SHNOR_FIELD_BOOL:
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, sqlite3_column_int64 (stmt, column));
      break;
    case SHNOR_FIELD_REAL:
      g_value_init (value, G_TYPE_DOUBLE);
      g_value_set_double (value, sqlite3_column_double (stmt, column));
      break;
    default:
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, shnor_sqlite_column_text (stmt, column));
    }
}

/**
 * shnor_document_get_part:
 *
 * Returns: (transfer full): the rows of @part of the programme, in order:
 * each with its id and the text of every field of shnor_part_fields().
 */
GArray *
shnor_document_get_part (ShnorDocument *self,
                         gint64         programme_id,
                         ShnorPart      part)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (ShnorPartRow));
  guint n_fields;
  const ShnorField *fields = shnor_part_fields (part, &n_fields);
  g_autoptr(GString) sql = g_string_new ("SELECT id");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_array_set_clear_func (rows, part_row_clear);
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), rows);
  if (shnor_document_get_db (self) == NULL)
    return rows;
  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (sql, ", %s", fields[i].column);
  g_string_append_printf (sql, ", binding FROM %s WHERE programme_id = ? ORDER BY position, id",
                          shnor_part_table (part));
  if (part != SHNOR_PART_INDICATOR)
    g_string_replace (sql, ", binding FROM", " FROM", 1);
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self), sql->str, NULL);
  if (stmt == NULL)
    return rows;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  while (shnor_document_next_row (self, stmt))
    {
      ShnorPartRow row = { sqlite3_column_int64 (stmt, 0), g_new0 (char *, n_fields + 1), NULL };

      for (guint i = 0; i < n_fields; i++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          shnor_document_column_value (stmt, (int) i + 1, &fields[i], &value);
          row.texts[i] = shnor_field_format (&fields[i], G_IS_VALUE (&value) ? &value : NULL);
        }
      if (part == SHNOR_PART_INDICATOR)
        row.binding = g_strdup (shnor_sqlite_column_text (stmt, (int) n_fields + 1));
      g_array_append_val (rows, row);
    }
  return rows;
}

/* The programme a row of @part belongs to; 0 with @error when none. */
static gint64
row_programme (ShnorDocument  *self,
               ShnorPart       part,
               gint64          row_id,
               GError        **error)
{
  /* literal: the document keeps a statement per SQL text */
  static const char * const sql[SHNOR_N_PARTS] = {
    "SELECT programme_id FROM programme_task WHERE id = ?",
    "SELECT programme_id FROM programme_result WHERE id = ?",
    "SELECT programme_id FROM programme_indicator WHERE id = ?",
    "SELECT programme_id FROM programme_risk WHERE id = ?",
    "SELECT programme_id FROM programme_stage WHERE id = ?",
    "SELECT programme_id FROM programme_act WHERE id = ?",
  };
  gint64 programme = 0;

  if (!shnor_document_find_row (self, sql[part], row_id, &programme, _("There is no such row."), error))
    return 0;
  return programme;
}

/* Percentages stay within 0–100: a rule of the indicator's unit. */
static gboolean
check_percent (const char  *unit,
               double       value,
               const char  *label,
               GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (unit ? unit : ""));

  if (g_str_equal (clean, "%") && (value < 0 || value > 100))
    {
      g_autofree char *text = shnor_format_double (value, 2);

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("“%s”: %s is not a percentage (expected 0 to 100)."), label, text);
      return FALSE;
    }
  return TRUE;
}

static char *
indicator_unit (ShnorDocument *self,
                gint64         indicator_id)
{
  sqlite3_stmt *stmt = shnor_document_statement (self, "SELECT unit FROM programme_indicator WHERE id = ?");
  char *unit = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  if (shnor_document_next_row (self, stmt))
    unit = g_strdup (shnor_sqlite_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return unit ? unit : g_strdup ("");
}

/* The rules between the fields of an indicator and its programme. */
static gboolean
check_indicator_field (ShnorDocument  *self,
                       gint64          programme_id,
                       gint64          row_id,
                       const char     *column,
                       const GValue   *value,
                       GError        **error)
{
  int first = programme_int (self, programme_id, "first_year");

  if (!G_IS_VALUE (value))
    return TRUE;
  if (g_str_equal (column, "baseline_year") && g_value_get_int64 (value) > first)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("The baseline year %d is after the start of the programme (%d)."),
                   (int) g_value_get_int64 (value), first);
      return FALSE;
    }
  if (g_str_equal (column, "baseline"))
    {
      g_autofree char *unit = indicator_unit (self, row_id);

      return check_percent (unit, g_value_get_double (value), _("Baseline value"), error);
    }
  return TRUE;
}

static gboolean
set_part_value (ShnorDocument  *self,
                ShnorPart       part,
                gint64          row_id,
                const char     *column,
                const GValue   *value,
                GError        **error)
{
  return shnor_document_update_value (self, _("Edit programme"), shnor_part_table (part), "id = ?2", column,
                                      value, row_id, 0, error);
}

gboolean
shnor_document_set_part_field (ShnorDocument  *self,
                               ShnorPart       part,
                               gint64          row_id,
                               const char     *column,
                               const char     *text,
                               GError        **error)
{
  guint n_fields;
  const ShnorField *fields = shnor_part_fields (part, &n_fields);
  const ShnorField *field = shnor_field_find (fields, n_fields, column);
  g_auto(GValue) value = G_VALUE_INIT;
  gint64 programme;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  programme = row_programme (self, part, row_id, error);
  if (programme == 0 || !check_draft (self, programme, error) || !shnor_field_parse (field, text, &value, error))
    return FALSE;
  if (part == SHNOR_PART_INDICATOR && !check_indicator_field (self, programme, row_id, column, &value, error))
    return FALSE;
  if (part == SHNOR_PART_RISK && g_str_equal (column, "owner_id") && G_IS_VALUE (&value) &&
      !shnor_document_find_row (self, "SELECT id FROM person WHERE id = ?", g_value_get_int64 (&value), NULL,
                                _("There is no such person."), error))
    return FALSE;
  return set_part_value (self, part, row_id, column, &value, error);
}

/* Appends a row to @part; @texts (may be NULL) gives its fields' values
 * in the order of shnor_part_fields(). One undo step. */
gint64
shnor_document_add_part_row (ShnorDocument       *self,
                             gint64               programme_id,
                             ShnorPart            part,
                             const char * const  *texts,
                             GError             **error)
{
  guint n_fields;
  const ShnorField *fields = shnor_part_fields (part, &n_fields);
  g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (programme_id, position) VALUES (?1,"
                                          " (SELECT coalesce (max (position), -1) + 1 FROM %s"
                                          " WHERE programme_id = ?1))",
                                          shnor_part_table (part), shnor_part_table (part));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  if (!check_draft (self, programme_id, error))
    return 0;
  if (!shnor_document_begin_edit (self, _("Add a row"), error))
    return 0;
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self), sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  if (!shnor_document_step (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (shnor_document_get_db (self));
  for (guint i = 0; texts != NULL && i < n_fields && texts[i] != NULL; i++)
    if (!shnor_document_set_part_field (self, part, id, fields[i].column, texts[i], error))
      goto fail;
  if (!shnor_document_end_edit (self, error))
    return 0;
  return id;

fail:
  shnor_document_cancel_edit (self);
  return 0;
}

gboolean
shnor_document_delete_part_row (ShnorDocument  *self,
                                ShnorPart       part,
                                gint64          row_id,
                                GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", shnor_part_table (part));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 programme;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  programme = row_programme (self, part, row_id, error);
  if (programme == 0 || !check_draft (self, programme, error))
    return FALSE;
  stmt = shnor_document_begin_with (self, _("Delete a row"), sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row_id);
  return shnor_document_finish_edit (self, stmt, error);
}

/* Moves a row @delta places up (negative) or down; at either end it
 * stays, and TRUE is returned. */
gboolean
shnor_document_move_part_row (ShnorDocument  *self,
                              ShnorPart       part,
                              gint64          row_id,
                              int             delta,
                              GError        **error)
{
  g_autoptr(GArray) rows = NULL;
  gint64 programme;
  guint from = G_MAXUINT;
  int to;
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET position = ?2 WHERE id = ?1", shnor_part_table (part));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  programme = row_programme (self, part, row_id, error);
  if (programme == 0 || !check_draft (self, programme, error))
    return FALSE;
  rows = shnor_document_get_part (self, programme, part);
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, ShnorPartRow, i).id == row_id)
      from = i;
  to = CLAMP ((int) from + delta, 0, (int) rows->len - 1);
  if (from == G_MAXUINT || to == (int) from)
    return TRUE;

  /* Renumber the whole list in its new order: positions stay 0…n−1 */
  if (!shnor_document_begin_edit (self, _("Move a row"), error))
    return FALSE;
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self), sql, error);
  if (stmt == NULL)
    {
      shnor_document_cancel_edit (self);
      return FALSE;
    }
  {
    ShnorPartRow moved = g_array_index (rows, ShnorPartRow, from);
    g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));

    for (guint i = 0; i < rows->len; i++)
      if (i != from)
        g_array_append_val (order, g_array_index (rows, ShnorPartRow, i).id);
    g_array_insert_val (order, (guint) to, moved.id);
    for (guint i = 0; ok && i < order->len; i++)
      {
        sqlite3_bind_int64 (stmt, 1, g_array_index (order, gint64, i));
        sqlite3_bind_int (stmt, 2, (int) i);
        ok = shnor_document_step (self, stmt, error);
        sqlite3_reset (stmt);
      }
  }
  if (!ok)
    {
      shnor_document_cancel_edit (self);
      return FALSE;
    }
  return shnor_document_end_edit (self, error);
}

/* ---- target indicators: targets, actuals, results they are bound to --- */

void
shnor_indicator_year_clear (ShnorIndicatorYear *year)
{
  g_clear_pointer (&year->actual_text, g_free);
}

/* "below\tОГЭ\tМатематика\t9" → its parts; FALSE when malformed. */
static gboolean
parse_binding (const char  *binding,
               gboolean    *below,
               char       **kind,
               char       **subject,
               int         *grade)
{
  g_auto(GStrv) parts = g_strsplit (binding ? binding : "", "\t", 4);

  if (g_strv_length (parts) != 4 || (!g_str_equal (parts[0], "below") && !g_str_equal (parts[0], "mean")) ||
      parts[1][0] == '\0' || parts[2][0] == '\0' || !g_ascii_isdigit (parts[3][0]))
    return FALSE;
  *below = g_str_equal (parts[0], "below");
  *kind = g_strdup (parts[1]);
  *subject = g_strdup (parts[2]);
  *grade = atoi (parts[3]);
  return TRUE;
}

/* What a binding computes, in words: "share below the threshold, ОГЭ,
 * Математика, grade 9". */
char *
shnor_binding_describe (const char *binding)
{
  g_autofree char *kind = NULL;
  g_autofree char *subject = NULL;
  gboolean below;
  int grade;

  if (shnor_network_binding_is (binding))
    return shnor_network_binding_describe (binding);
  if (!parse_binding (binding, &below, &kind, &subject, &grade))
    return g_strdup ("");
  return g_strdup_printf (below ? _("share of results below the threshold, %s, %s, grade %d, %%")
                                : _("mean score, %s, %s, grade %d"), kind, subject, grade);
}

/* The value a bound indicator has in @year: over the programme's schools
 * (all schools when none is chosen), the participants-weighted share
 * below the threshold (%) or mean. */
static gboolean
bound_actual (ShnorDocument *self,
              gint64         programme_id,
              const char    *binding,
              int            year,
              double        *value)
{
  g_autofree char *kind = NULL;
  g_autofree char *subject = NULL;
  gboolean below, found = FALSE;
  int grade;
  sqlite3_stmt *stmt;

  if (shnor_network_binding_is (binding))
    return shnor_document_network_actual (self, programme_id, binding, year, value);
  if (!parse_binding (binding, &below, &kind, &subject, &grade))
    return FALSE;
  stmt = shnor_document_statement (self,
    "SELECT sum (CASE WHEN ?6 THEN r.below ELSE r.mean * r.participants END)"
    "       * (CASE WHEN ?6 THEN 100.0 ELSE 1.0 END) / sum (r.participants)"
    " FROM result r JOIN assessment a ON a.id = r.assessment_id"
    " WHERE a.kind = ?1 AND a.subject = ?2 AND a.grade = ?3 AND r.year = ?4 AND r.participants > 0"
    "  AND (CASE WHEN ?6 THEN r.below ELSE r.mean END) IS NOT NULL"
    "  AND (r.school_id IN (SELECT school_id FROM programme_school WHERE programme_id = ?5)"
    "       OR NOT EXISTS (SELECT 1 FROM programme_school WHERE programme_id = ?5))");
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, subject, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, grade);
  sqlite3_bind_int (stmt, 4, year);
  sqlite3_bind_int64 (stmt, 5, programme_id);
  sqlite3_bind_int (stmt, 6, below);
  if (shnor_document_next_row (self, stmt) && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      *value = round (sqlite3_column_double (stmt, 0) * 100) / 100;
      found = TRUE;
    }
  sqlite3_reset (stmt);
  return found;
}

/**
 * shnor_document_get_indicator_plan:
 *
 * Returns: (transfer full): for every year of the programme's period, the
 * indicator's target and actual value (computed from the results when the
 * indicator is bound to them) and the achievement.
 */
GArray *
shnor_document_get_indicator_plan (ShnorDocument *self,
                                   gint64         indicator_id)
{
  GArray *years = g_array_new (FALSE, TRUE, sizeof (ShnorIndicatorYear));
  g_autoptr(sqlite3_stmt) info = NULL;
  sqlite3_stmt *stmt;
  g_autofree char *binding = NULL;
  gint64 programme = 0;
  int first = 0, last = -1;
  gboolean lower = FALSE;

  g_array_set_clear_func (years, (GDestroyNotify) shnor_indicator_year_clear);
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), years);
  if (shnor_document_get_db (self) == NULL)
    return years;
  info = shnor_sqlite_prepare (shnor_document_get_db (self),
    "SELECT i.programme_id, i.direction, i.binding, p.first_year, p.last_year"
    " FROM programme_indicator i JOIN programme p ON p.id = i.programme_id WHERE i.id = ?", NULL);
  if (info == NULL)
    return years;
  sqlite3_bind_int64 (info, 1, indicator_id);
  if (!shnor_document_next_row (self, info))
    return years;
  programme = sqlite3_column_int64 (info, 0);
  lower = sqlite3_column_int (info, 1) == 1;
  binding = g_strdup (shnor_sqlite_column_text (info, 2));
  first = sqlite3_column_int (info, 3);
  last = sqlite3_column_int (info, 4);

  stmt = shnor_document_statement (self,
    "SELECT target, actual, bound FROM programme_indicator_value WHERE indicator_id = ? AND year = ?");
  for (int year = first; stmt != NULL && year <= last; year++)
    {
      ShnorIndicatorYear y = { year, FALSE, NAN, FALSE, NAN, FALSE, SHNOR_ACHIEVEMENT_NO_DATA, NULL,
                               SHNOR_BOUND_EXACT };

      sqlite3_bind_int64 (stmt, 1, indicator_id);
      sqlite3_bind_int (stmt, 2, year);
      if (shnor_document_next_row (self, stmt))
        {
          if ((y.has_target = sqlite3_column_type (stmt, 0) != SQLITE_NULL))
            y.target = sqlite3_column_double (stmt, 0);
          if ((y.has_actual = sqlite3_column_type (stmt, 1) != SQLITE_NULL))
            y.actual = sqlite3_column_double (stmt, 1);
          y.bound = CLAMP (sqlite3_column_int (stmt, 2), SHNOR_BOUND_EXACT, SHNOR_BOUND_AT_LEAST);
        }
      sqlite3_reset (stmt);
      if (binding[0] != '\0')
        {
          y.computed = TRUE;
          y.has_actual = bound_actual (self, programme, binding, year, &y.actual);
        }
      y.achievement = shnor_target_achievement (y.bound, lower, y.has_target, y.target, y.has_actual, y.actual);
      y.actual_text = y.has_actual ? shnor_format_double (y.actual, 2) : g_strdup ("");
      g_array_append_val (years, y);
    }
  return years;
}

/* A target (@actual FALSE) or an actual value of an indicator in @year of
 * the programme's period; an empty @text removes it. */
gboolean
shnor_document_set_indicator_plan (ShnorDocument  *self,
                                   gint64          indicator_id,
                                   int             year,
                                   gboolean        actual,
                                   const char     *text,
                                   GError        **error)
{
  static const ShnorField target_field = { "target", SHNOR_FIELD_REAL, N_("Target"), -1e9, 1e9, FALSE, NULL };
  static const ShnorField actual_field = { "actual", SHNOR_FIELD_REAL, N_("Actual value"), -1e9, 1e9, FALSE, NULL };
  const ShnorField *field = actual ? &actual_field : &target_field;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *unit = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 programme = row_programme (self, SHNOR_PART_INDICATOR, indicator_id, error);
  ShnorBound bound = SHNOR_BOUND_EXACT;
  int first, last;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  /* an actual value is the execution, recorded in an approved programme too */
  if (programme == 0 || !shnor_document_check_programme (self, programme, !actual, error))
    return FALSE;
  if (actual)
    {
      if (!shnor_field_parse (field, text, &value, error))
        return FALSE;
    }
  else
    {
      double number;
      gboolean has_value;

      /* a target may be a bound: «не более 5», «не менее 80» */
      if (!shnor_parse_target (text, &bound, &number, &has_value))
        {
          g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                       _("“%s”: “%s” is not a target (expected a number, “at most 5” or “at least 80”)"),
                       _(field->label), text);
          return FALSE;
        }
      if (has_value)
        {
          g_autofree char *plain = shnor_format_double (number, 6);

          if (!shnor_field_parse (field, plain, &value, error))
            return FALSE;
        }
    }
  first = programme_int (self, programme, "first_year");
  last = programme_int (self, programme, "last_year");
  if (year == SHNOR_END_OF_PROGRAMME && actual)
    {
      g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                           _("An actual value belongs to a year; the end of the programme has a target only."));
      return FALSE;
    }
  if (year != SHNOR_END_OF_PROGRAMME && (year < first || year > last))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("%d is outside the programme's period (%d–%d)."), year, first, last);
      return FALSE;
    }
  unit = indicator_unit (self, indicator_id);
  if (G_IS_VALUE (&value) && !check_percent (unit, g_value_get_double (&value), _(field->label), error))
    return FALSE;

  if (year == SHNOR_END_OF_PROGRAMME)
    stmt = shnor_document_begin_with (self, _("Edit target"),
      "UPDATE programme_indicator SET final_target = ?3, final_bound = ?4"
      " WHERE id = ?1 AND (final_target IS NOT ?3 OR final_bound IS NOT ?4)", error);
  else if (actual)
    {
      sql = g_strdup_printf ("INSERT INTO programme_indicator_value (indicator_id, year, %s) VALUES (?1, ?2, ?3)"
                             " ON CONFLICT (indicator_id, year) DO UPDATE SET %s = excluded.%s"
                             " WHERE %s IS NOT excluded.%s", field->column, field->column, field->column,
                             field->column, field->column);
      stmt = shnor_document_begin_with (self, _("Edit actual value"), sql, error);
    }
  else
    stmt = shnor_document_begin_with (self, _("Edit target"),
      "INSERT INTO programme_indicator_value (indicator_id, year, target, bound) VALUES (?1, ?2, ?3, ?4)"
      " ON CONFLICT (indicator_id, year) DO UPDATE SET target = excluded.target, bound = excluded.bound"
      " WHERE target IS NOT excluded.target OR bound IS NOT excluded.bound", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  if (year != SHNOR_END_OF_PROGRAMME)
    sqlite3_bind_int (stmt, 2, year);
  if (G_IS_VALUE (&value))
    sqlite3_bind_double (stmt, 3, g_value_get_double (&value));
  if (!actual)
    sqlite3_bind_int (stmt, 4, G_IS_VALUE (&value) ? (int) bound : SHNOR_BOUND_EXACT);
  return shnor_document_finish_edit (self, stmt, error);
}

/**
 * shnor_document_get_indicator_final:
 * @final: (out caller-allocates): the target for the end of the programme;
 *   its actual value is the latest the period has (its @year says which
 *   year's; 0 when there is none), and its achievement is judged by it.
 *   Clear it with shnor_indicator_year_clear().
 *
 * Returns: whether the indicator has a target for the end of the
 * programme.
 */
gboolean
shnor_document_get_indicator_final (ShnorDocument      *self,
                                    gint64              indicator_id,
                                    ShnorIndicatorYear *final)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) plan = NULL;
  gboolean lower = FALSE;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (final != NULL, FALSE);
  *final = (ShnorIndicatorYear) { SHNOR_END_OF_PROGRAMME, FALSE, NAN, FALSE, NAN, FALSE, SHNOR_ACHIEVEMENT_NO_DATA,
                                  NULL, SHNOR_BOUND_EXACT };
  if (shnor_document_get_db (self) == NULL)
    return FALSE;
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self),
    "SELECT final_target, final_bound, direction FROM programme_indicator WHERE id = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, indicator_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  if ((final->has_target = sqlite3_column_type (stmt, 0) != SQLITE_NULL))
    final->target = sqlite3_column_double (stmt, 0);
  final->bound = CLAMP (sqlite3_column_int (stmt, 1), SHNOR_BOUND_EXACT, SHNOR_BOUND_AT_LEAST);
  lower = sqlite3_column_int (stmt, 2) == 1;
  plan = shnor_document_get_indicator_plan (self, indicator_id);
  for (guint i = plan->len; i-- > 0;)
    {
      const ShnorIndicatorYear *y = &g_array_index (plan, ShnorIndicatorYear, i);

      if (y->has_actual)
        {
          final->year = y->year;
          final->has_actual = TRUE;
          final->actual = y->actual;
          final->computed = y->computed;
          break;
        }
    }
  final->actual_text = final->has_actual ? shnor_format_double (final->actual, 2) : g_strdup ("");
  final->achievement = shnor_target_achievement (final->bound, lower, final->has_target, final->target,
                                                 final->has_actual, final->actual);
  /* the programme goes on: a value of an earlier year is no verdict */
  if (final->achievement == SHNOR_ACHIEVEMENT_NOT_MET && plan->len > 0 &&
      final->year < g_array_index (plan, ShnorIndicatorYear, plan->len - 1).year)
    final->achievement = SHNOR_ACHIEVEMENT_NOT_YET;
  return final->has_target;
}

/* Binds an indicator to the results ("" unbinds): its actual values are
 * then computed, never typed. */
gboolean
shnor_document_set_indicator_binding (ShnorDocument  *self,
                                      gint64          indicator_id,
                                      const char     *binding,
                                      GError        **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *kind = NULL;
  g_autofree char *subject = NULL;
  gboolean below;
  int grade;
  gint64 programme = row_programme (self, SHNOR_PART_INDICATOR, indicator_id, error);

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (programme == 0 || !check_draft (self, programme, error))
    return FALSE;
  if (binding != NULL && binding[0] != '\0' && !shnor_network_binding_is (binding) &&
      !parse_binding (binding, &below, &kind, &subject, &grade))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("“%s” does not say which results the indicator follows."), binding);
      return FALSE;
    }
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, binding ? binding : "");
  return set_part_value (self, SHNOR_PART_INDICATOR, indicator_id, "binding", &value, error);
}

/* ---- financing -------------------------------------------------------- */

/* The amount of @source in @year (thousand roubles); FALSE when none. */
gboolean
shnor_document_get_financing (ShnorDocument      *self,
                              gint64              programme_id,
                              int                 year,
                              ShnorFundingSource  source,
                              double             *amount)
{
  sqlite3_stmt *stmt = shnor_document_statement (self,
    "SELECT amount FROM programme_financing WHERE programme_id = ? AND year = ? AND source = ?");
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int (stmt, 3, source);
  if (shnor_document_next_row (self, stmt))
    {
      *amount = sqlite3_column_double (stmt, 0);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  return found;
}

gboolean
shnor_document_set_financing (ShnorDocument       *self,
                              gint64               programme_id,
                              int                  year,
                              ShnorFundingSource   source,
                              const char          *text,
                              GError             **error)
{
  static const ShnorField amount_field = { "amount", SHNOR_FIELD_REAL, N_("Amount, thousand roubles"), 0, 1e12,
                                           FALSE, NULL };
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int first, last;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (!check_draft (self, programme_id, error) || !shnor_field_parse (&amount_field, text, &value, error))
    return FALSE;
  first = programme_int (self, programme_id, "first_year");
  last = programme_int (self, programme_id, "last_year");
  if (year < first || year > last || (guint) source >= SHNOR_N_SOURCES)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("%d is outside the programme's period (%d–%d)."), year, first, last);
      return FALSE;
    }
  if (G_IS_VALUE (&value))
    {
      stmt = shnor_document_begin_with (self, _("Edit financing"),
        "INSERT INTO programme_financing (programme_id, year, source, amount) VALUES (?1, ?2, ?3, ?4)"
        " ON CONFLICT (programme_id, year, source) DO UPDATE SET amount = excluded.amount"
        " WHERE amount IS NOT excluded.amount", error);
      if (stmt != NULL)
        sqlite3_bind_double (stmt, 4, g_value_get_double (&value));
    }
  else
    stmt = shnor_document_begin_with (self, _("Edit financing"),
      "DELETE FROM programme_financing WHERE programme_id = ?1 AND year = ?2 AND source = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int (stmt, 3, source);
  return shnor_document_finish_edit (self, stmt, error);
}

/* ---- creating, copying, approving, amending --------------------------- */

/* Copies every part, participant, indicator value, financing row and
 * the road map of @from into @to (both exist). */
static gboolean
copy_contents (ShnorDocument  *self,
               gint64          from,
               gint64          to,
               GError        **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3 *db = shnor_document_get_db (self);

  g_string_append_printf (sql,
    "INSERT INTO programme_school (programme_id, school_id)"
    " SELECT %" G_GINT64_FORMAT ", school_id FROM programme_school WHERE programme_id = %" G_GINT64_FORMAT ";"
    "INSERT INTO programme_financing (programme_id, year, source, amount)"
    " SELECT %" G_GINT64_FORMAT ", year, source, amount FROM programme_financing"
    " WHERE programme_id = %" G_GINT64_FORMAT ";"
    "INSERT INTO programme_order (programme_id, key, text)"
    " SELECT %" G_GINT64_FORMAT ", key, text FROM programme_order WHERE programme_id = %" G_GINT64_FORMAT ";",
    to, from, to, from, to, from);
  for (ShnorPart part = 0; part < SHNOR_N_PARTS; part++)
    {
      guint n_fields;
      const ShnorField *fields = shnor_part_fields (part, &n_fields);
      g_autoptr(GString) columns = g_string_new ("position");

      for (guint i = 0; i < n_fields; i++)
        g_string_append_printf (columns, ", %s", fields[i].column);
      if (part == SHNOR_PART_INDICATOR)
        g_string_append (columns, ", binding, final_target, final_bound");
      g_string_append_printf (sql, "INSERT INTO %s (programme_id, %s) SELECT %" G_GINT64_FORMAT ", %s FROM %s"
                              " WHERE programme_id = %" G_GINT64_FORMAT " ORDER BY position, id;",
                              shnor_part_table (part), columns->str, to, columns->str, shnor_part_table (part),
                              from);
    }
  /* indicator values follow their indicators, matched by position */
  g_string_append_printf (sql,
    "INSERT INTO programme_indicator_value (indicator_id, year, target, actual, bound)"
    " SELECT n.id, v.year, v.target, v.actual, v.bound FROM programme_indicator_value v"
    " JOIN programme_indicator o ON o.id = v.indicator_id AND o.programme_id = %" G_GINT64_FORMAT
    " JOIN programme_indicator n ON n.programme_id = %" G_GINT64_FORMAT " AND n.position = o.position;",
    from, to);
  return shnor_sqlite_exec (db, sql->str, error) && shnor_document_copy_roadmap (self, from, to, TRUE, error);
}

static gint64
insert_programme (ShnorDocument  *self,
                  const char     *select_sql,
                  gint64          from,
                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = shnor_sqlite_prepare (shnor_document_get_db (self), select_sql, error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, from);
  if (!shnor_document_step (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (shnor_document_get_db (self));
}

#define PASSPORT_COLUMNS "level, title, basis, customer, developers, executor, co_executors, first_year," \
                         " last_year, period_text, goal, contacts, financing_summary, analysis"

/* A new draft with the contents of @id: an amendment (the next version of
 * the same programme) or, with @amendment FALSE, a new programme. */
static gint64
copy_programme (ShnorDocument  *self,
                gint64          id,
                gboolean        amendment,
                GError        **error)
{
  gint64 copy;

  if (!shnor_document_begin_edit (self, amendment ? _("Make an amendment") : _("Copy programme"), error))
    return 0;
  if (amendment)
    copy = insert_programme (self,
      "INSERT INTO programme (origin_id, version, status, " PASSPORT_COLUMNS ")"
      " SELECT coalesce (origin_id, id),"
      "  (SELECT max (version) + 1 FROM programme q WHERE coalesce (q.origin_id, q.id) = coalesce (p.origin_id, p.id)),"
      "  0, " PASSPORT_COLUMNS " FROM programme p WHERE id = ?", id, error);
  else
    copy = insert_programme (self,
      "INSERT INTO programme (version, status, " PASSPORT_COLUMNS ")"
      " SELECT 1, 0, " PASSPORT_COLUMNS " FROM programme WHERE id = ?", id, error);
  if (copy == 0 || !copy_contents (self, id, copy, error) || !shnor_document_end_edit (self, error))
    {
      shnor_document_cancel_edit (self);
      return 0;
    }
  return copy;
}

gint64
shnor_document_copy_programme (ShnorDocument  *self,
                               gint64          id,
                               GError        **error)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  if (!shnor_document_check_writable (self, error) ||
      !shnor_document_find_row (self, "SELECT 1 FROM programme WHERE id = ?", id, NULL,
                                _("There is no such programme."), error))
    return 0;
  return copy_programme (self, id, FALSE, error);
}

/* A new draft version of an approved programme, starting as its copy;
 * one draft at a time. */
gint64
shnor_document_make_amendment (ShnorDocument  *self,
                               gint64          id,
                               GError        **error)
{
  g_autoptr(ShnorProgramme) programme = NULL;
  g_autoptr(GListModel) history = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  if (!shnor_document_check_writable (self, error))
    return 0;
  programme = shnor_document_dup_programme (self, id);
  if (programme == NULL || shnor_programme_get_status (programme) != SHNOR_PROGRAMME_APPROVED)
    {
      g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                           _("Only an approved programme is amended; a draft is edited as it is."));
      return 0;
    }
  history = shnor_document_get_programme_history (self, id);
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(ShnorProgramme) version = g_list_model_get_item (history, i);

      if (shnor_programme_get_status (version) == SHNOR_PROGRAMME_DRAFT)
        {
          g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                       _("Version %d of this programme is already a draft amendment: edit it."),
                       shnor_programme_get_version (version));
          return 0;
        }
    }
  return copy_programme (self, id, TRUE, error);
}

/* Approves a draft by the order @number of @date signed by @signatory;
 * from then on it is read-only. */
gboolean
shnor_document_approve_programme (ShnorDocument  *self,
                                  gint64          id,
                                  const char     *number,
                                  const char     *date,
                                  const char     *signatory,
                                  GError        **error)
{
  static const ShnorField fields[] = {
    { "order_number", SHNOR_FIELD_TEXT, N_("Number of the order"), 0, 0, TRUE, NULL },
    { "order_date",   SHNOR_FIELD_DATE, N_("Date of the order"), 0, 0, TRUE, NULL },
    { "signatory",    SHNOR_FIELD_TEXT, N_("Signatory"), 0, 0, TRUE, NULL },
  };
  const char *texts[] = { number, date, signatory };
  GValue values[G_N_ELEMENTS (fields)] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = check_draft (self, id, error);

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  for (guint i = 0; ok && i < G_N_ELEMENTS (fields); i++)
    ok = shnor_field_parse (&fields[i], texts[i], &values[i], error);
  if (ok)
    {
      stmt = shnor_document_begin_with (self, _("Approve programme"),
        "UPDATE programme SET status = 1, order_number = ?2, order_date = ?3, signatory = ?4 WHERE id = ?1",
        error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        shnor_sqlite_bind_value (stmt, (int) i + 2, &values[i]);
      ok = shnor_document_finish_edit (self, stmt, error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);
  return ok;
}

/* Archives a programme (it leaves the default list), or brings it back as
 * it was: approved when it has an order, else a draft. */
gboolean
shnor_document_archive_programme (ShnorDocument  *self,
                                  gint64          id,
                                  gboolean        archived,
                                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (!shnor_document_check_writable (self, error) ||
      !shnor_document_find_row (self, "SELECT 1 FROM programme WHERE id = ?", id, NULL,
                                _("There is no such programme."), error))
    return FALSE;
  stmt = shnor_document_begin_with (self, archived ? _("Archive programme") : _("Restore programme"),
    archived ? "UPDATE programme SET status = 2 WHERE id = ?1"
             : "UPDATE programme SET status = CASE WHEN order_number <> '' THEN 1 ELSE 0 END"
               " WHERE id = ?1 AND status = 2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return shnor_document_finish_edit (self, stmt, error);
}

/* Deletes a draft; an approved or archived programme stays (archive it). */
gboolean
shnor_document_delete_programme (ShnorDocument  *self,
                                 gint64          id,
                                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (!check_draft (self, id, error))
    return FALSE;
  stmt = shnor_document_begin_with (self, _("Delete programme"), "DELETE FROM programme WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return shnor_document_finish_edit (self, stmt, error);
}
