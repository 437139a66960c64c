/* shnor-document-roadmap.c: the road map of a programme in the file — a
 * tree of measures ordered by position among their siblings, numbered
 * from that order — and the people list its measures name as
 * responsible. The plan of a measure changes only in a draft; its
 * execution (status, completion date, evidence) is recorded in an approved
 * programme too. Every edit is one undo step. */
#define G_LOG_DOMAIN "shnor-document"

#include "config.h"
#include <glib/gi18n-lib.h>

#include "shnor-document-network.h"
#include "shnor-document-private.h"
#include "shnor-error.h"
#include "shnor-sqlite.h"

static const char * const link_tables[SHNOR_N_LINKS] = { "measure_school", "measure_person", "measure_indicator" };
static const char * const link_columns[SHNOR_N_LINKS] = { "school_id", "person_id", "indicator_id" };

/* A cached statement could not be prepared: say why. */
static gboolean
statement_failed (ShnorDocument  *self,
                  GError        **error)
{
  sqlite3 *db = shnor_document_get_db (self);

  shnor_sqlite_set_error (error, db, sqlite3_errcode (db), NULL);
  return FALSE;
}

/* ---- reading ------------------------------------------------------------ */

typedef struct {
  gint64   id;
  gint64   parent;
  GArray  *children;  /* indexes into the rows */
} Node;

static void
node_clear (gpointer data)
{
  g_clear_pointer (&((Node *) data)->children, g_array_unref);
}

/* Appends the measures below @children (indexes into @rows) to @out in
 * tree order, numbered under @prefix. */
static void
walk (GArray       *nodes,
      GArray       *rows,
      GArray       *children,
      const char   *prefix,
      guint         depth,
      GArray       *out)
{
  for (guint i = 0; children != NULL && i < children->len; i++)
    {
      guint index = g_array_index (children, guint, i);
      Node *node = &g_array_index (nodes, Node, index);
      ShnorMeasure measure = g_array_index (rows, ShnorMeasure, index);
      g_autofree char *number = prefix[0] ? g_strdup_printf ("%s.%u", prefix, i + 1) : g_strdup_printf ("%u", i + 1);

      measure.number = g_strdup (number);
      measure.depth = depth;
      if (depth > 0)
        measure.table_id = g_array_index (out, ShnorMeasure, out->len - 1).table_id;
      measure.has_children = node->children != NULL && node->children->len > 0;
      /* a section is carried out by its measures: it is never overdue itself */
      if (measure.has_children)
        measure.due = SHNOR_DUE_NONE;
      g_array_append_val (out, measure);
      walk (nodes, rows, node->children, number, depth + 1, out);
    }
}

static GHashTable *
index_by_id (GArray *measures)
{
  GHashTable *index = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < measures->len; i++)
    g_hash_table_insert (index, &g_array_index (measures, ShnorMeasure, i).id, GUINT_TO_POINTER (i + 1));
  return index;
}

static void
read_links (ShnorDocument *self,
            gint64         programme_id,
            GArray        *measures)
{
  g_autoptr(GHashTable) index = index_by_id (measures);

  for (guint l = 0; l < SHNOR_N_LINKS; l++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT l.measure_id, l.%s FROM %s l JOIN measure m ON m.id = l.measure_id"
                                              " WHERE m.programme_id = ? ORDER BY l.%s",
                                              link_columns[l], link_tables[l], link_columns[l]);
      g_autoptr(sqlite3_stmt) stmt = shnor_sqlite_prepare (shnor_document_get_db (self), sql, NULL);

      if (stmt == NULL)
        continue;
      sqlite3_bind_int64 (stmt, 1, programme_id);
      while (shnor_document_next_row (self, stmt))
        {
          gint64 id = sqlite3_column_int64 (stmt, 0), target = sqlite3_column_int64 (stmt, 1);
          guint at = GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));

          if (at > 0)
            g_array_append_val (g_array_index (measures, ShnorMeasure, at - 1).links[l], target);
        }
    }
}

/* The levels of the file in their order; and the measure tables of a
 * programme in theirs. */
GArray *
shnor_document_get_levels (ShnorDocument *self)
{
  GArray *levels = g_array_new (FALSE, TRUE, sizeof (ShnorRoadmapLevel));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_array_set_clear_func (levels, (GDestroyNotify) shnor_roadmap_level_clear);
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), levels);
  if (shnor_document_get_db (self) == NULL)
    return levels;
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self),
                               "SELECT id, name FROM roadmap_level ORDER BY position, id", NULL);
  while (stmt != NULL && shnor_document_next_row (self, stmt))
    {
      ShnorRoadmapLevel level = { sqlite3_column_int64 (stmt, 0),
                                  g_strdup ((const char *) sqlite3_column_text (stmt, 1)) };

      g_array_append_val (levels, level);
    }
  return levels;
}

GArray *
shnor_document_get_measure_tables (ShnorDocument *self,
                                   gint64         programme_id)
{
  GArray *tables = g_array_new (FALSE, TRUE, sizeof (ShnorMeasureTable));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_array_set_clear_func (tables, (GDestroyNotify) shnor_measure_table_clear);
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), tables);
  if (shnor_document_get_db (self) == NULL)
    return tables;
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self),
                               "SELECT id, title, intro, columns FROM measure_table WHERE programme_id = ?"
                               " ORDER BY position, id", NULL);
  if (stmt == NULL)
    return tables;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  while (shnor_document_next_row (self, stmt))
    {
      ShnorMeasureTable table = { sqlite3_column_int64 (stmt, 0), programme_id,
                                  g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                                  g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
                                  shnor_measure_columns_parse ((const char *) sqlite3_column_text (stmt, 3)) };

      g_array_append_val (tables, table);
    }
  return tables;
}

/* The actions of the programme's measures: each in the slot of its level. */
static void
read_actions (ShnorDocument *self,
              gint64         programme_id,
              GArray        *measures,
              GArray        *levels)
{
  g_autoptr(GHashTable) index = index_by_id (measures);
  g_autoptr(sqlite3_stmt) stmt = shnor_sqlite_prepare (shnor_document_get_db (self),
    "SELECT a.measure_id, a.level_id, a.text FROM measure_action a JOIN measure m ON m.id = a.measure_id"
    " WHERE m.programme_id = ?", NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  while (shnor_document_next_row (self, stmt))
    {
      gint64 id = sqlite3_column_int64 (stmt, 0), level = sqlite3_column_int64 (stmt, 1);
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));

      for (guint l = 0; at > 0 && l < levels->len; l++)
        if (g_array_index (levels, ShnorRoadmapLevel, l).id == level)
          {
            ShnorMeasure *m = &g_array_index (measures, ShnorMeasure, at - 1);

            g_free (m->actions[l]);
            m->actions[l] = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
            if (l < 32)
              m->levels |= 1u << l;
          }
    }
}

/**
 * shnor_document_get_roadmap:
 * @today: (nullable): the day overdue and due soon are computed for;
 *   NULL: the local date
 *
 * Returns: (transfer full): the measures of the programme's measure
 * tables, table after table, each in the order of its tree (a measure,
 * then its sub-measures) and numbered within its table.
 */
GArray *
shnor_document_get_roadmap (ShnorDocument *self,
                            gint64         programme_id,
                            const GDate   *today)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (ShnorMeasure));
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (ShnorMeasure));
  g_autoptr(GArray) nodes = g_array_new (FALSE, TRUE, sizeof (Node));
  g_autoptr(GArray) tables = NULL;
  g_autoptr(GArray) levels = NULL;
  g_autoptr(GPtrArray) roots = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) sql = g_string_new ("SELECT id, parent_id, table_id, status");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n_fields;
  const ShnorField *fields = shnor_measure_fields (&n_fields);
  GDate day;

  g_array_set_clear_func (out, (GDestroyNotify) shnor_measure_clear);
  g_array_set_clear_func (nodes, node_clear);
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), out);
  if (shnor_document_get_db (self) == NULL)
    return out;
  if (today != NULL)
    day = *today;
  else
    {
      g_date_clear (&day, 1);
      g_date_set_time_t (&day, time (NULL));
    }
  tables = shnor_document_get_measure_tables (self, programme_id);
  levels = shnor_document_get_levels (self);
  /* the top-level measures of each table, in the tables' order */
  roots = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint t = 0; t < tables->len; t++)
    g_ptr_array_add (roots, g_array_new (FALSE, FALSE, sizeof (guint)));
  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (sql, ", %s", fields[i].column);
  g_string_append (sql, " FROM measure WHERE programme_id = ? ORDER BY position, id");
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self), sql->str, NULL);
  if (stmt == NULL || tables->len == 0)
    return out;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  while (shnor_document_next_row (self, stmt))
    {
      ShnorMeasure m = { sqlite3_column_int64 (stmt, 0), programme_id, sqlite3_column_int64 (stmt, 1) };
      Node node = { m.id, m.parent_id, NULL };

      m.table_id = sqlite3_column_int64 (stmt, 2);
      m.status = sqlite3_column_int (stmt, 3);
      m.texts = g_new0 (char *, n_fields + 1);
      for (guint i = 0; i < n_fields; i++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          shnor_document_column_value (stmt, (int) i + 4, &fields[i], &value);
          m.texts[i] = shnor_field_format (&fields[i], G_IS_VALUE (&value) ? &value : NULL);
        }
      m.actions = g_new0 (char *, levels->len + 1);
      for (guint l = 0; l < levels->len; l++)
        m.actions[l] = g_strdup ("");
      m.due = shnor_measure_due (shnor_sqlite_column_text (stmt, 4 + shnor_measure_field_index ("end_month")),
                                 m.status, &day);
      for (guint l = 0; l < SHNOR_N_LINKS; l++)
        m.links[l] = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (rows, m);
      g_array_append_val (nodes, node);
    }
  read_actions (self, programme_id, rows, levels);
  for (guint i = 0; i < nodes->len; i++)
    g_hash_table_insert (by_id, &g_array_index (nodes, Node, i).id, GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = &g_array_index (nodes, Node, i);
      guint parent = node->parent ? GPOINTER_TO_UINT (g_hash_table_lookup (by_id, &node->parent)) : 0;

      if (parent == 0)
        {
          /* a measure of no table of the programme (a damaged file) is
           * shown in the first, rather than lost */
          guint t = 0;

          for (guint k = 0; k < tables->len; k++)
            if (g_array_index (tables, ShnorMeasureTable, k).id == g_array_index (rows, ShnorMeasure, i).table_id)
              t = k;
          g_array_index (rows, ShnorMeasure, i).table_id = g_array_index (tables, ShnorMeasureTable, t).id;
          g_array_append_val (g_ptr_array_index (roots, t), i);
        }
      else
        {
          Node *p = &g_array_index (nodes, Node, parent - 1);

          if (p->children == NULL)
            p->children = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (p->children, i);
        }
    }
  for (guint t = 0; t < tables->len; t++)
    walk (nodes, rows, g_ptr_array_index (roots, t), "", 0, out);
  read_links (self, programme_id, out);
  return out;
}

/* ---- checks ------------------------------------------------------------- */

/* The programme of the measure @id, checked for a change of its plan
 * (@plan) or of its execution; 0 with @error otherwise. */
static gint64
measure_programme (ShnorDocument  *self,
                   gint64          id,
                   gboolean        plan,
                   GError        **error)
{
  gint64 programme = 0;

  if (!shnor_document_find_row (self, "SELECT programme_id FROM measure WHERE id = ?", id, &programme,
                                _("There is no such measure."), error) ||
      !shnor_document_check_programme (self, programme, plan, error))
    return 0;
  return programme;
}

static gint64
measure_parent (ShnorDocument *self,
                gint64         id)
{
  sqlite3_stmt *stmt = shnor_document_statement (self, "SELECT parent_id FROM measure WHERE id = ?");
  gint64 parent = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (shnor_document_next_row (self, stmt))
    parent = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return parent;
}

static gint64
measure_table (ShnorDocument *self,
               gint64         id)
{
  sqlite3_stmt *stmt = shnor_document_statement (self, "SELECT table_id FROM measure WHERE id = ?");
  gint64 table = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (shnor_document_next_row (self, stmt))
    table = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return table;
}

/* The ids of the children of @parent (0: the top level of the measure
 * table @table_id), in order. */
static GArray *
siblings (ShnorDocument *self,
          gint64         table_id,
          gint64         parent)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = shnor_document_statement (self,
    "SELECT id FROM measure WHERE table_id = ?1 AND parent_id IS ?2 ORDER BY position, id");

  if (stmt == NULL)
    return ids;
  sqlite3_bind_int64 (stmt, 1, table_id);
  if (parent != 0)
    sqlite3_bind_int64 (stmt, 2, parent);
  else
    sqlite3_bind_null (stmt, 2);
  while (shnor_document_next_row (self, stmt))
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}

static int
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return (int) i;
  return -1;
}

/* Puts @ids under @parent in their order: positions 0…n−1. Inside an
 * edit. */
static gboolean
place (ShnorDocument  *self,
       GArray         *ids,
       gint64          parent,
       GError        **error)
{
  sqlite3_stmt *stmt = shnor_document_statement (self,
    "UPDATE measure SET parent_id = ?2, position = ?3 WHERE id = ?1 AND (parent_id IS NOT ?2 OR position <> ?3)");

  if (stmt == NULL)
    return statement_failed (self, error);
  for (guint i = 0; i < ids->len; i++)
    {
      gboolean ok;

      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (parent != 0)
        sqlite3_bind_int64 (stmt, 2, parent);
      else
        sqlite3_bind_null (stmt, 2);
      sqlite3_bind_int (stmt, 3, (int) i);
      ok = shnor_document_step (self, stmt, error);
      sqlite3_reset (stmt);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* ---- editing ------------------------------------------------------------ */

static gint64
insert_measure (ShnorDocument  *self,
                gint64          programme_id,
                gint64          table_id,
                const char     *title,
                GError        **error)
{
  sqlite3_stmt *stmt = shnor_document_statement (self,
    "INSERT INTO measure (programme_id, table_id, position, title) VALUES (?, ?, 0, ?)");

  gboolean ok;

  if (stmt == NULL)
    return statement_failed (self, error);
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int64 (stmt, 2, table_id);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
  ok = shnor_document_step (self, stmt, error);
  sqlite3_reset (stmt);
  return ok ? sqlite3_last_insert_rowid (shnor_document_get_db (self)) : 0;
}

/* The programme of the measure table @table_id, checked for a change of
 * its plan; 0 with @error otherwise. */
static gint64
table_programme (ShnorDocument  *self,
                 gint64          table_id,
                 GError        **error)
{
  gint64 programme = 0;

  if (!shnor_document_find_row (self, "SELECT programme_id FROM measure_table WHERE id = ?", table_id, &programme,
                                _("There is no such measure table."), error) ||
      !shnor_document_check_programme (self, programme, TRUE, error))
    return 0;
  return programme;
}

/**
 * shnor_document_add_measure_to:
 * @table_id: the measure table
 * @after: the measure the new one follows, at the same level; 0: the end
 *   of the table's top level
 * @title: its title; may be empty in a table by levels
 *
 * Returns: the new measure's id; 0 with @error when refused.
 */
gint64
shnor_document_add_measure_to (ShnorDocument  *self,
                               gint64          table_id,
                               gint64          after,
                               const char     *title,
                               GError        **error)
{
  const ShnorField *field = shnor_measure_field ("title");
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GArray) ids = NULL;
  gint64 parent = 0, id, programme_id;
  int at;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  programme_id = table_programme (self, table_id, error);
  if (programme_id == 0 || !shnor_field_parse (field, title ? title : "", &value, error))
    return 0;
  if (after != 0)
    {
      if (measure_programme (self, after, TRUE, error) == 0)
        return 0;
      if (measure_table (self, after) != table_id)
        {
          g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("There is no such measure."));
          return 0;
        }
      parent = measure_parent (self, after);
    }
  if (!shnor_document_begin_edit (self, _("Add a measure"), error))
    return 0;
  ids = siblings (self, table_id, parent);
  id = insert_measure (self, programme_id, table_id, g_value_get_string (&value), error);
  at = after != 0 ? find_id (ids, after) + 1 : (int) ids->len;
  if (id == 0)
    goto fail;
  g_array_insert_val (ids, (guint) at, id);
  if (!place (self, ids, parent, error) || !shnor_document_end_edit (self, error))
    goto fail;
  return id;

fail:
  shnor_document_cancel_edit (self);
  return 0;
}

/* The first measure table of a programme; 0 when it has none. */
static gint64
first_table (ShnorDocument *self,
             gint64         programme_id)
{
  sqlite3_stmt *stmt = shnor_document_statement (self,
    "SELECT id FROM measure_table WHERE programme_id = ? ORDER BY position, id LIMIT 1");
  gint64 table = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  if (shnor_document_next_row (self, stmt))
    table = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return table;
}

/**
 * shnor_document_add_measure:
 * @after: the measure the new one follows, at the same level and in the
 *   same table; 0: the end of the top level of the programme's first
 *   table (a road map is made for a programme that has none)
 *
 * Returns: the new measure's id; 0 with @error when refused.
 */
gint64
shnor_document_add_measure (ShnorDocument  *self,
                            gint64          programme_id,
                            gint64          after,
                            const char     *title,
                            GError        **error)
{
  gint64 table, id;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  if (!shnor_document_check_programme (self, programme_id, TRUE, error))
    return 0;
  if (after != 0)
    {
      gint64 programme = measure_programme (self, after, TRUE, error);

      if (programme == 0)
        return 0;
      if (programme != programme_id)
        {
          g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("There is no such measure."));
          return 0;
        }
      return shnor_document_add_measure_to (self, measure_table (self, after), after, title, error);
    }
  table = first_table (self, programme_id);
  if (table != 0)
    return shnor_document_add_measure_to (self, table, 0, title, error);
  if (!shnor_document_begin_edit (self, _("Add a measure"), error))
    return 0;
  table = shnor_document_add_measure_table (self, programme_id, SHNOR_TABLE_ROADMAP, error);
  id = table != 0 ? shnor_document_add_measure_to (self, table, 0, title, error) : 0;
  if (id == 0 || !shnor_document_end_edit (self, error))
    {
      shnor_document_cancel_edit (self);
      return 0;
    }
  return id;
}

gboolean
shnor_document_set_measure_field (ShnorDocument  *self,
                                  gint64          id,
                                  const char     *column,
                                  const char     *text,
                                  GError        **error)
{
  const ShnorField *field = shnor_measure_field (column);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  if (measure_programme (self, id, shnor_measure_field_is_plan (column), error) == 0 ||
      !shnor_field_parse (field, text, &value, error))
    return FALSE;
  if (g_str_equal (column, "start_month") || g_str_equal (column, "end_month"))
    {
      g_autofree char *other = NULL;
      sqlite3_stmt *stmt = shnor_document_statement (self, g_str_equal (column, "start_month")
                                                     ? "SELECT end_month FROM measure WHERE id = ?"
                                                     : "SELECT start_month FROM measure WHERE id = ?");
      const char *mine = g_value_get_string (&value);

      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          if (shnor_document_next_row (self, stmt))
            other = g_strdup (shnor_sqlite_column_text (stmt, 0));
          sqlite3_reset (stmt);
        }
      if (other != NULL && other[0] && mine[0])
        {
          gboolean start = g_str_equal (column, "start_month");
          const char *first = start ? mine : other, *last = start ? other : mine;

          /* YYYY-MM compares as text */
          if (strcmp (last, first) < 0)
            {
              g_autofree char *from = shnor_format_iso_month (first);
              g_autofree char *to = shnor_format_iso_month (last);

              g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                           _("The measure cannot end before it starts (%s–%s)."), from, to);
              return FALSE;
            }
        }
    }
  return shnor_document_update_value (self, shnor_measure_field_is_plan (column) ? _("Edit measure")
                                                                               : _("Record the execution"),
                                      "measure", "id = ?2", column, &value, id, 0, error);
}

/* Stores @text (stripped; "" removes it) as the measure's action at the
 * level @level_id. Inside an edit when called from another edit. */
static gboolean
put_action (ShnorDocument  *self,
            gint64          id,
            gint64          level_id,
            const char     *text,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shnor_document_begin_with (self, _("Edit measure"), text[0] != '\0'
    ? "INSERT INTO measure_action (measure_id, level_id, text) VALUES (?1, ?2, ?3)"
      " ON CONFLICT (measure_id, level_id) DO UPDATE SET text = excluded.text WHERE text IS NOT excluded.text"
    : "DELETE FROM measure_action WHERE measure_id = ?1 AND level_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, level_id);
  if (text[0] != '\0')
    sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
  return shnor_document_finish_edit (self, stmt, error);
}

/**
 * shnor_document_set_measure_action:
 * @level_id: a level of shnor_document_get_levels()
 * @text: what is done at that level; "" when nothing
 *
 * The measure's action at one level, a cell of the table by levels. One
 * undo step.
 */
gboolean
shnor_document_set_measure_action (ShnorDocument  *self,
                                   gint64          id,
                                   gint64          level_id,
                                   const char     *text,
                                   GError        **error)
{
  static const ShnorField field = { "text", SHNOR_FIELD_LONG_TEXT, N_("Action"), 0, 0, FALSE, NULL };
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (measure_programme (self, id, TRUE, error) == 0 ||
      !shnor_document_find_row (self, "SELECT id FROM roadmap_level WHERE id = ?", level_id, NULL,
                                _("There is no such level."), error) ||
      !shnor_field_parse (&field, text, &value, error))
    return FALSE;
  return put_action (self, id, level_id, g_value_get_string (&value), error);
}

/**
 * shnor_document_set_measure_levels:
 * @levels: bits of the levels of the file, in its order
 *
 * Marks the measure as done at the levels of @levels: a level it has no
 * action at yet takes its title as the action (the one-title road map of
 * older files); the action of a level left out is removed. One undo step.
 */
gboolean
shnor_document_set_measure_levels (ShnorDocument  *self,
                                   gint64          id,
                                   guint           levels,
                                   GError        **error)
{
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) measures = NULL;
  const ShnorMeasure *m = NULL;
  gint64 programme;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  programme = measure_programme (self, id, TRUE, error);
  if (programme == 0)
    return FALSE;
  all = shnor_document_get_levels (self);
  measures = shnor_document_get_roadmap (self, programme, NULL);
  for (guint i = 0; i < measures->len; i++)
    if (g_array_index (measures, ShnorMeasure, i).id == id)
      m = &g_array_index (measures, ShnorMeasure, i);
  if (m == NULL)
    {
      g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("There is no such measure."));
      return FALSE;
    }
  if (levels >> MIN (all->len, 31u) != 0)
    {
      g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("There is no such level."));
      return FALSE;
    }
  if ((levels & ~m->levels) != 0 && m->texts[shnor_measure_field_index ("title")][0] == '\0')
    {
      g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                           _("The measure has no title to repeat at its levels: type the action of each level."));
      return FALSE;
    }
  if (!shnor_document_begin_edit (self, _("Edit measure"), error))
    return FALSE;
  for (guint l = 0; l < all->len && l < 32; l++)
    {
      gboolean on = (levels & (1u << l)) != 0, was = (m->levels & (1u << l)) != 0;

      if (on != was &&
          !put_action (self, id, g_array_index (all, ShnorRoadmapLevel, l).id,
                       on ? m->texts[shnor_measure_field_index ("title")] : "", error))
        {
          shnor_document_cancel_edit (self);
          return FALSE;
        }
    }
  return shnor_document_end_edit (self, error);
}

/* Links the measure to a school, a responsible person or a target
 * indicator of its own programme (@on), or unlinks it. */
gboolean
shnor_document_set_measure_link (ShnorDocument  *self,
                                 gint64          id,
                                 ShnorLink       link,
                                 gint64          target,
                                 gboolean        on,
                                 GError        **error)
{
  static const char * const exists[SHNOR_N_LINKS] = {
    "SELECT id FROM school WHERE id = ?",
    "SELECT id FROM person WHERE id = ?",
    "SELECT programme_id FROM programme_indicator WHERE id = ?",
  };
  static const char * const missing[SHNOR_N_LINKS] = {
    N_("There is no such school."), N_("There is no such person."), N_("There is no such target indicator."),
  };
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 programme, owner = 0;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail ((guint) link < SHNOR_N_LINKS, FALSE);
  programme = measure_programme (self, id, TRUE, error);
  if (programme == 0 || !shnor_document_find_row (self, exists[link], target, &owner, _(missing[link]), error))
    return FALSE;
  if (link == SHNOR_LINK_INDICATOR && owner != programme)
    {
      g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                           _("The indicator belongs to another programme."));
      return FALSE;
    }
  sql = on ? g_strdup_printf ("INSERT OR IGNORE INTO %s (measure_id, %s) VALUES (?1, ?2)", link_tables[link],
                              link_columns[link])
           : g_strdup_printf ("DELETE FROM %s WHERE measure_id = ?1 AND %s = ?2", link_tables[link],
                              link_columns[link]);
  stmt = shnor_document_begin_with (self, _("Edit measure"), sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, target);
  return shnor_document_finish_edit (self, stmt, error);
}

/* Deletes the measure with its sub-measures. */
gboolean
shnor_document_delete_measure (ShnorDocument  *self,
                               gint64          id,
                               GError        **error)
{
  g_autoptr(GArray) ids = NULL;
  gint64 programme, parent, table;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  programme = measure_programme (self, id, TRUE, error);
  if (programme == 0 || !shnor_document_begin_edit (self, _("Delete a measure"), error))
    return FALSE;
  parent = measure_parent (self, id);
  table = measure_table (self, id);
  stmt = shnor_document_statement (self, "DELETE FROM measure WHERE id = ?");
  if (stmt == NULL)
    {
      statement_failed (self, error);
      goto fail;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (!shnor_document_step (self, stmt, error))
    {
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  ids = siblings (self, table, parent);
  if (!place (self, ids, parent, error) || !shnor_document_end_edit (self, error))
    goto fail;
  return TRUE;

fail:
  shnor_document_cancel_edit (self);
  return FALSE;
}

typedef enum { MOVE_UP, MOVE_DOWN, INDENT, OUTDENT } Move;

/* One of the four moves of a measure (its sub-measures go with it); a
 * move that is not possible (the first measure up, a top-level one out)
 * changes nothing and is not an error. */
static gboolean
move (ShnorDocument  *self,
      gint64          id,
      Move            how,
      GError        **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) target = NULL;
  gint64 table, parent, new_parent;
  int at;
  gboolean ok = TRUE;

  if (measure_programme (self, id, TRUE, error) == 0)
    return FALSE;
  table = measure_table (self, id);
  parent = measure_parent (self, id);
  ids = siblings (self, table, parent);
  at = find_id (ids, id);
  if ((how == MOVE_UP || how == INDENT) && at <= 0)
    return TRUE;
  if ((how == MOVE_DOWN && at + 1 >= (int) ids->len) || (how == OUTDENT && parent == 0))
    return TRUE;
  if (!shnor_document_begin_edit (self, how == INDENT ? _("Indent a measure")
                                        : how == OUTDENT ? _("Outdent a measure") : _("Move a measure"), error))
    return FALSE;
  switch (how)
    {
    case MOVE_UP:
    case MOVE_DOWN:
      g_array_remove_index (ids, (guint) at);
      g_array_insert_val (ids, (guint) (how == MOVE_UP ? at - 1 : at + 1), id);
      ok = place (self, ids, parent, error);
      break;
    case INDENT:
      /* the last sub-measure of the one above */
      new_parent = g_array_index (ids, gint64, at - 1);
      target = siblings (self, table, new_parent);
      g_array_append_val (target, id);
      g_array_remove_index (ids, (guint) at);
      ok = place (self, target, new_parent, error) && place (self, ids, parent, error);
      break;
    case OUTDENT:
      /* right after its former parent */
      new_parent = measure_parent (self, parent);
      target = siblings (self, table, new_parent);
      g_array_insert_val (target, (guint) find_id (target, parent) + 1, id);
      g_array_remove_index (ids, (guint) at);
      ok = place (self, ids, parent, error) && place (self, target, new_parent, error);
      break;
    }
  if (!ok || !shnor_document_end_edit (self, error))
    {
      shnor_document_cancel_edit (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
shnor_document_move_measure (ShnorDocument  *self,
                             gint64          id,
                             int             delta,
                             GError        **error)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  return move (self, id, delta < 0 ? MOVE_UP : MOVE_DOWN, error);
}

gboolean
shnor_document_indent_measure (ShnorDocument  *self,
                               gint64          id,
                               GError        **error)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  return move (self, id, INDENT, error);
}

gboolean
shnor_document_outdent_measure (ShnorDocument  *self,
                                gint64          id,
                                GError        **error)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  return move (self, id, OUTDENT, error);
}

/* Records a measure as done on @date with its @evidence: one step, in a
 * draft or an approved programme. */
gboolean
shnor_document_mark_measure_done (ShnorDocument  *self,
                                  gint64          id,
                                  const char     *date,
                                  const char     *evidence,
                                  GError        **error)
{
  g_autofree char *status = g_strdup_printf ("%d", SHNOR_MEASURE_DONE);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (measure_programme (self, id, FALSE, error) == 0)
    return FALSE;
  if (date == NULL || date[0] == '\0')
    {
      g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("Give the date the measure was completed."));
      return FALSE;
    }
  if (!shnor_field_parse (shnor_measure_field ("done_date"), date, &value, error))
    return FALSE;
  if (!shnor_document_begin_edit (self, _("Mark the measure done"), error))
    return FALSE;
  if (!shnor_document_set_measure_field (self, id, "status", status, error) ||
      !shnor_document_set_measure_field (self, id, "done_date", date, error) ||
      !shnor_document_set_measure_field (self, id, "evidence", evidence ? evidence : "", error) ||
      !shnor_document_end_edit (self, error))
    {
      shnor_document_cancel_edit (self);
      return FALSE;
    }
  return TRUE;
}

/* ---- copying ------------------------------------------------------------ */

/* Copies the children of @parent (0: the top level) of the measure table
 * @from under @new_parent in the table @to (of the programme
 * @to_programme), with their sub-measures, actions and links; indicator
 * links are kept through @indicators (old id → new id) when given. */
static gboolean
copy_children (ShnorDocument  *self,
               gint64          from,
               gint64          parent,
               gint64          to_programme,
               gint64          to,
               gint64          new_parent,
               GHashTable     *indicators,
               guint          *copied,
               GError        **error)
{
  g_autoptr(GArray) ids = siblings (self, from, parent);
  g_autoptr(GArray) placed = siblings (self, to, new_parent);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 old = g_array_index (ids, gint64, i), copy;
      g_autoptr(sqlite3_stmt) stmt = shnor_sqlite_prepare (shnor_document_get_db (self),
        "INSERT INTO measure (programme_id, table_id, parent_id, position, title, forms, start_month, end_month,"
        " period_text, expected, status, done_date, evidence)"
        " SELECT ?2, ?5, ?3, ?4, title, forms, start_month, end_month, period_text, expected, status,"
        " done_date, evidence FROM measure WHERE id = ?1", error);
      g_autofree char *links = NULL;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, old);
      sqlite3_bind_int64 (stmt, 2, to_programme);
      if (new_parent != 0)
        sqlite3_bind_int64 (stmt, 3, new_parent);
      sqlite3_bind_int (stmt, 4, (int) placed->len + (int) i);
      sqlite3_bind_int64 (stmt, 5, to);
      if (!shnor_document_step (self, stmt, error))
        return FALSE;
      copy = sqlite3_last_insert_rowid (shnor_document_get_db (self));
      (*copied)++;
      links = g_strdup_printf ("INSERT INTO measure_school (measure_id, school_id) SELECT %" G_GINT64_FORMAT
                               ", school_id FROM measure_school WHERE measure_id = %" G_GINT64_FORMAT ";"
                               "INSERT INTO measure_person (measure_id, person_id) SELECT %" G_GINT64_FORMAT
                               ", person_id FROM measure_person WHERE measure_id = %" G_GINT64_FORMAT ";"
                               "INSERT INTO measure_action (measure_id, level_id, text) SELECT %" G_GINT64_FORMAT
                               ", level_id, text FROM measure_action WHERE measure_id = %" G_GINT64_FORMAT
                               " ORDER BY id;",
                               copy, old, copy, old, copy, old);
      if (!shnor_sqlite_exec (shnor_document_get_db (self), links, error))
        return FALSE;
      if (indicators != NULL)
        {
          g_autoptr(sqlite3_stmt) read = shnor_sqlite_prepare (shnor_document_get_db (self),
            "SELECT indicator_id FROM measure_indicator WHERE measure_id = ?", error);

          if (read == NULL)
            return FALSE;
          sqlite3_bind_int64 (read, 1, old);
          while (shnor_document_next_row (self, read))
            {
              gint64 indicator = sqlite3_column_int64 (read, 0);
              gpointer mapped = g_hash_table_lookup (indicators, &indicator);
              g_autofree char *insert = mapped ? g_strdup_printf (
                "INSERT INTO measure_indicator (measure_id, indicator_id) VALUES (%" G_GINT64_FORMAT ", %"
                G_GINT64_FORMAT ");", copy, *(gint64 *) mapped) : NULL;

              if (insert != NULL && !shnor_sqlite_exec (shnor_document_get_db (self), insert, error))
                return FALSE;
            }
        }
      if (!copy_children (self, from, old, to_programme, to, copy, indicators, copied, error))
        return FALSE;
    }
  return TRUE;
}

/* Old indicator id → new one, matched by their order in the two
 * programmes (a copy keeps the order). */
static GHashTable *
map_indicators (ShnorDocument *self,
                gint64         from,
                gint64         to)
{
  GHashTable *map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) old = shnor_document_get_part (self, from, SHNOR_PART_INDICATOR);
  g_autoptr(GArray) new = shnor_document_get_part (self, to, SHNOR_PART_INDICATOR);

  for (guint i = 0; i < old->len && i < new->len; i++)
    g_hash_table_insert (map, g_memdup2 (&g_array_index (old, ShnorPartRow, i).id, sizeof (gint64)),
                         g_memdup2 (&g_array_index (new, ShnorPartRow, i).id, sizeof (gint64)));
  return map;
}

/* Inside an edit: a new table of @to_programme, after its others, with
 * the title, introduction and columns of the table @from. */
static gint64
copy_table (ShnorDocument  *self,
            gint64          from,
            gint64          to_programme,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = shnor_sqlite_prepare (shnor_document_get_db (self),
    "INSERT INTO measure_table (programme_id, position, title, intro, columns)"
    " SELECT ?2, (SELECT coalesce (max (position), -1) + 1 FROM measure_table WHERE programme_id = ?2),"
    " title, intro, columns FROM measure_table WHERE id = ?1", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to_programme);
  if (!shnor_document_step (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (shnor_document_get_db (self));
}

/* Inside an edit: copies every measure table of @from with its measures
 * into @to, where a table of the same title takes them at its end and
 * any other table is added; with @whole, every table is added as a new
 * one (a copy of the whole programme). */
static gboolean
copy_tables (ShnorDocument  *self,
             gint64          from,
             gint64          to,
             gboolean        whole,
             GHashTable     *indicators,
             guint          *copied,
             GError        **error)
{
  g_autoptr(GArray) tables = shnor_document_get_measure_tables (self, from);

  for (guint t = 0; t < tables->len; t++)
    {
      const ShnorMeasureTable *table = &g_array_index (tables, ShnorMeasureTable, t);
      gint64 target = 0;

      if (!whole)
        {
          g_autoptr(GArray) mine = shnor_document_get_measure_tables (self, to);

          for (guint k = 0; k < mine->len && target == 0; k++)
            if (g_str_equal (g_array_index (mine, ShnorMeasureTable, k).title, table->title))
              target = g_array_index (mine, ShnorMeasureTable, k).id;
        }
      if (target == 0)
        target = copy_table (self, table->id, to, error);
      if (target == 0 || !copy_children (self, table->id, 0, to, target, 0, indicators, copied, error))
        return FALSE;
    }
  return TRUE;
}

/* Inside an edit: gives @to (a new copy of @from) @from's measure tables
 * and their measures. */
gboolean
shnor_document_copy_roadmap (ShnorDocument  *self,
                             gint64          from,
                             gint64          to,
                             gboolean        same_indicators,
                             GError        **error)
{
  g_autoptr(GHashTable) indicators = same_indicators ? map_indicators (self, from, to) : NULL;
  guint copied = 0;

  return copy_tables (self, from, to, TRUE, indicators, &copied, error);
}

/**
 * shnor_document_copy_measures:
 *
 * Appends every measure of @from's measure tables, with its sub-measures,
 * actions, schools and responsible people, to the draft @to: to the end
 * of its table of the same title, or as a new table (the indicators of
 * another programme are not its own: those links are left). One undo
 * step.
 *
 * Returns: how many measures were copied; -1 with @error when refused.
 */
int
shnor_document_copy_measures (ShnorDocument  *self,
                              gint64          from,
                              gint64          to,
                              GError        **error)
{
  guint copied = 0;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), -1);
  if (!shnor_document_check_programme (self, to, TRUE, error) ||
      !shnor_document_find_row (self, "SELECT id FROM programme WHERE id = ?", from, NULL,
                                _("There is no such programme."), error))
    return -1;
  if (from == to)
    {
      g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                           _("Choose another programme to copy the measures from."));
      return -1;
    }
  if (!shnor_document_begin_edit (self, _("Copy measures"), error))
    return -1;
  if (!copy_tables (self, from, to, FALSE, NULL, &copied, error) || !shnor_document_end_edit (self, error))
    {
      shnor_document_cancel_edit (self);
      return -1;
    }
  return (int) copied;
}

/* How many rows @sql (a count with ?1 for @id) counts */
static int
count_rows (ShnorDocument *self,
            const char    *sql,
            gint64         id)
{
  sqlite3_stmt *stmt = shnor_document_statement (self, sql);
  int n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (shnor_document_next_row (self, stmt))
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* Deletes the row @id with @sql (?1 its id) as one edit labelled @label */
static gboolean
delete_row (ShnorDocument  *self,
            const char     *label,
            const char     *sql,
            gint64          id,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = shnor_document_begin_with (self, label, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return shnor_document_finish_edit (self, stmt, error);
}

/* ---- measure tables ----------------------------------------------------- */

/**
 * shnor_document_add_measure_table:
 * @kind: what the table is for: its title and columns to start with
 *
 * Returns: a new measure table at the end of the programme's tables; 0
 * with @error when refused. One undo step.
 */
gint64
shnor_document_add_measure_table (ShnorDocument   *self,
                                  gint64           programme_id,
                                  ShnorTableKind   kind,
                                  GError         **error)
{
  g_autofree char *columns = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  g_return_val_if_fail ((guint) kind < SHNOR_N_TABLE_KINDS, 0);
  if (!shnor_document_check_programme (self, programme_id, TRUE, error))
    return 0;
  columns = shnor_measure_columns_format (shnor_table_kind_columns (kind));
  stmt = shnor_document_begin_with (self, _("Add a measure table"),
    "INSERT INTO measure_table (programme_id, position, title, columns)"
    " VALUES (?1, (SELECT coalesce (max (position), -1) + 1 FROM measure_table WHERE programme_id = ?1), ?2, ?3)",
    error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_text (stmt, 2, shnor_table_kind_title (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, columns, -1, SQLITE_TRANSIENT);
  return shnor_document_finish_insert (self, stmt, error);
}

/**
 * shnor_document_set_measure_table_text:
 * @column: "title" (required) or "intro" (the paragraph before the table)
 */
gboolean
shnor_document_set_measure_table_text (ShnorDocument  *self,
                                       gint64          table_id,
                                       const char     *column,
                                       const char     *text,
                                       GError        **error)
{
  static const ShnorField fields[] = {
    { "title", SHNOR_FIELD_TEXT, N_("Title of the table"), 0, 0, TRUE, NULL },
    { "intro", SHNOR_FIELD_LONG_TEXT, N_("Introduction"), 0, 0, FALSE, NULL },
  };
  const ShnorField *field = shnor_field_find (fields, G_N_ELEMENTS (fields), column);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  if (table_programme (self, table_id, error) == 0 || !shnor_field_parse (field, text, &value, error))
    return FALSE;
  return shnor_document_update_value (self, _("Edit a measure table"), "measure_table", "id = ?2", field->column,
                                      &value, table_id, 0, error);
}

/* The columns of a table: SHNOR_COLUMN_BIT()s, with the measure or its
 * actions by level (what names a measure). */
gboolean
shnor_document_set_measure_table_columns (ShnorDocument  *self,
                                          gint64          table_id,
                                          guint           columns,
                                          GError        **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (table_programme (self, table_id, error) == 0)
    return FALSE;
  columns &= (1u << SHNOR_N_COLUMNS) - 1;
  if ((columns & (SHNOR_COLUMN_BIT (SHNOR_COLUMN_TITLE) | SHNOR_COLUMN_BIT (SHNOR_COLUMN_LEVELS))) == 0)
    {
      g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                           _("A measure table needs the column of the measure or those of its actions by "
                             "level."));
      return FALSE;
    }
  g_value_init (&value, G_TYPE_STRING);
  g_value_take_string (&value, shnor_measure_columns_format (columns));
  return shnor_document_update_value (self, _("Edit a measure table"), "measure_table", "id = ?2", "columns",
                                      &value, table_id, 0, error);
}

/* Deletes a table with its measures. */
gboolean
shnor_document_delete_measure_table (ShnorDocument  *self,
                                     gint64          table_id,
                                     GError        **error)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (table_programme (self, table_id, error) == 0)
    return FALSE;
  return delete_row (self, _("Delete a measure table"), "DELETE FROM measure_table WHERE id = ?1", table_id, error);
}

/* Stores the order of @ids with @sql (?1 an id, ?2 its position):
 * positions 0…n−1. Inside an edit. */
static gboolean
renumber (ShnorDocument  *self,
          const char     *sql,
          GArray         *ids,
          GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = shnor_sqlite_prepare (shnor_document_get_db (self), sql, error);
  gboolean ok = stmt != NULL;

  for (guint i = 0; ok && i < ids->len; i++)
    {
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int (stmt, 2, (int) i);
      ok = shnor_document_step (self, stmt, error);
      sqlite3_reset (stmt);
    }
  return ok;
}

/* Moves the id at @from in @ids @delta places (kept within the list) and
 * stores the order with @sql; one undo step labelled @label. TRUE
 * without a change at either end. */
static gboolean
move_in_order (ShnorDocument  *self,
               GArray         *ids,
               gint64          id,
               int             delta,
               const char     *label,
               const char     *sql,
               GError        **error)
{
  int from = find_id (ids, id), to;

  to = CLAMP (from + delta, 0, (int) ids->len - 1);
  if (from < 0 || to == from)
    return TRUE;
  g_array_remove_index (ids, (guint) from);
  g_array_insert_val (ids, (guint) to, id);
  if (!shnor_document_begin_edit (self, label, error))
    return FALSE;
  if (!renumber (self, sql, ids, error))
    {
      shnor_document_cancel_edit (self);
      return FALSE;
    }
  return shnor_document_end_edit (self, error);
}

gboolean
shnor_document_move_measure_table (ShnorDocument  *self,
                                   gint64          table_id,
                                   int             delta,
                                   GError        **error)
{
  g_autoptr(GArray) tables = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 programme;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  programme = table_programme (self, table_id, error);
  if (programme == 0)
    return FALSE;
  tables = shnor_document_get_measure_tables (self, programme);
  for (guint i = 0; i < tables->len; i++)
    g_array_append_val (ids, g_array_index (tables, ShnorMeasureTable, i).id);
  return move_in_order (self, ids, table_id, delta, _("Move a measure table"),
                        "UPDATE measure_table SET position = ?2 WHERE id = ?1 AND position <> ?2", error);
}

/* ---- levels ------------------------------------------------------------- */

static const ShnorField level_field = { "name", SHNOR_FIELD_TEXT, N_("Level"), 0, 0, TRUE, NULL };

/* A new level of the file's road maps, after the others: a column of
 * every table by levels. */
gint64
shnor_document_add_level (ShnorDocument  *self,
                          const char     *name,
                          GError        **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  if (!shnor_document_check_writable (self, error) || !shnor_field_parse (&level_field, name, &value, error))
    return 0;
  stmt = shnor_document_begin_with (self, _("Add a level"),
    "INSERT INTO roadmap_level (position, name)"
    " VALUES ((SELECT coalesce (max (position), -1) + 1 FROM roadmap_level), ?1)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, g_value_get_string (&value), -1, SQLITE_TRANSIENT);
  return shnor_document_finish_insert (self, stmt, error);
}

gboolean
shnor_document_rename_level (ShnorDocument  *self,
                             gint64          id,
                             const char     *name,
                             GError        **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (!shnor_document_check_writable (self, error) ||
      !shnor_document_find_row (self, "SELECT id FROM roadmap_level WHERE id = ?", id, NULL,
                                _("There is no such level."), error) ||
      !shnor_field_parse (&level_field, name, &value, error))
    return FALSE;
  return shnor_document_update_value (self, _("Rename a level"), "roadmap_level", "id = ?2", "name", &value, id, 0,
                                      error);
}

/* Refused while a measure has an action at the level. */
gboolean
shnor_document_delete_level (ShnorDocument  *self,
                             gint64          id,
                             GError        **error)
{
  int uses;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (!shnor_document_check_writable (self, error) ||
      !shnor_document_find_row (self, "SELECT id FROM roadmap_level WHERE id = ?", id, NULL,
                                _("There is no such level."), error))
    return FALSE;
  uses = count_rows (self, "SELECT count (*) FROM measure_action WHERE level_id = ?1", id);
  if (uses > 0)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%d measure has an action at this level: clear it first.",
                                "%d measures have an action at this level: clear them first.", uses),
                   uses);
      return FALSE;
    }
  return delete_row (self, _("Delete a level"), "DELETE FROM roadmap_level WHERE id = ?1", id, error);
}

gboolean
shnor_document_move_level (ShnorDocument  *self,
                           gint64          id,
                           int             delta,
                           GError        **error)
{
  g_autoptr(GArray) levels = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (!shnor_document_check_writable (self, error) ||
      !shnor_document_find_row (self, "SELECT id FROM roadmap_level WHERE id = ?", id, NULL,
                                _("There is no such level."), error))
    return FALSE;
  levels = shnor_document_get_levels (self);
  for (guint i = 0; i < levels->len; i++)
    g_array_append_val (ids, g_array_index (levels, ShnorRoadmapLevel, i).id);
  return move_in_order (self, ids, id, delta, _("Move a level"),
                        "UPDATE roadmap_level SET position = ?2 WHERE id = ?1 AND position <> ?2", error);
}

/* ---- monitoring ------------------------------------------------------- */

/**
 * shnor_document_get_monitoring:
 *
 * Returns: (transfer full): the measures of every approved programme, as
 * shnor_document_get_roadmap() gives them, programme after programme.
 */
GArray *
shnor_document_get_monitoring (ShnorDocument *self,
                               const GDate   *today)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (ShnorMeasure));
  g_autoptr(GListModel) programmes = NULL;

  g_array_set_clear_func (out, (GDestroyNotify) shnor_measure_clear);
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), out);
  programmes = shnor_document_get_programmes (self, FALSE);
  for (guint p = 0; p < g_list_model_get_n_items (programmes); p++)
    {
      g_autoptr(ShnorProgramme) programme = g_list_model_get_item (programmes, p);
      g_autoptr(GArray) measures = NULL;

      if (shnor_programme_get_status (programme) != SHNOR_PROGRAMME_APPROVED)
        continue;
      measures = shnor_document_get_roadmap (self, shnor_programme_get_id (programme), today);
      /* the measures move over: their strings and arrays with them */
      g_array_set_clear_func (measures, NULL);
      g_array_append_vals (out, measures->data, measures->len);
    }
  return out;
}

/**
 * shnor_measure_dup_responsible:
 * @people: the people list, as shnor_document_get_people() gives it
 *
 * Returns: (transfer full): the names of the measure's responsible
 * people, "Соколова И. В., Петрова Е. А.".
 */
char *
shnor_measure_dup_responsible (const ShnorMeasure *measure,
                               GArray             *people)
{
  GArray *ids = measure->links[SHNOR_LINK_PERSON];
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    for (guint p = 0; p < people->len; p++)
      if (g_array_index (people, ShnorPerson, p).id == g_array_index (ids, gint64, i))
        g_string_append_printf (names, "%s%s", names->len ? ", " : "", g_array_index (people, ShnorPerson, p).name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
append_field (GString    *line,
              const char *text)
{
  g_autofree char *clean = g_strdup (text ? text : "");

  g_strdelimit (clean, "\t\r\n", ' ');
  if (line->len > 0)
    g_string_append_c (line, '\t');
  g_string_append (line, clean);
}

/**
 * shnor_document_list_overdue:
 * @today: the day of the computation
 *
 * Returns: (transfer full): one line per overdue measure of the approved
 * programmes: programme, number, title, end (ММ.ГГГГ), responsible people,
 * tab-separated.
 */
GPtrArray *
shnor_document_list_overdue (ShnorDocument *self,
                             const GDate   *today)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) measures = NULL;
  g_autoptr(GArray) people = NULL;
  int end = shnor_measure_field_index ("end_month");

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), lines);
  measures = shnor_document_get_monitoring (self, today);
  people = shnor_document_get_people (self);
  for (guint i = 0; i < measures->len; i++)
    {
      const ShnorMeasure *m = &g_array_index (measures, ShnorMeasure, i);
      g_autoptr(ShnorProgramme) programme = NULL;
      g_autoptr(GString) line = NULL;
      g_autofree char *names = NULL;
      g_autofree char *text = NULL;

      if (m->due != SHNOR_DUE_OVERDUE)
        continue;
      programme = shnor_document_dup_programme (self, m->programme_id);
      line = g_string_new (NULL);
      names = shnor_measure_dup_responsible (m, people);
      append_field (line, programme ? shnor_programme_get_title (programme) : "");
      /* the first field may be empty: keep its tab */
      if (line->len == 0)
        g_string_append_c (line, ' ');
      append_field (line, m->number);
      text = shnor_measure_dup_text (m);
      append_field (line, text);
      append_field (line, m->texts[end]);
      append_field (line, names);
      g_ptr_array_add (lines, g_string_free (g_steal_pointer (&line), FALSE));
    }
  return lines;
}

/* ---- people ------------------------------------------------------------- */

static const ShnorField person_fields[] = {
  { "name",         SHNOR_FIELD_TEXT, N_("Surname, name, patronymic"), 0, 0, TRUE, NULL },
  { "position",     SHNOR_FIELD_TEXT, N_("Position"), 0, 0, FALSE, NULL },
  { "organisation", SHNOR_FIELD_TEXT, N_("Organisation"), 0, 0, FALSE, NULL },
};

const ShnorField *
shnor_person_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (person_fields);
  return person_fields;
}

static void
person_clear (gpointer data)
{
  ShnorPerson *person = data;

  g_free (person->name);
  g_free (person->position);
  g_free (person->organisation);
}

/* Returns: (transfer full): the people list, by name. */
GArray *
shnor_document_get_people (ShnorDocument *self)
{
  GArray *people = g_array_new (FALSE, TRUE, sizeof (ShnorPerson));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_array_set_clear_func (people, person_clear);
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), people);
  if (shnor_document_get_db (self) == NULL)
    return people;
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self),
                               "SELECT id, name, position, organisation FROM person ORDER BY name COLLATE NOCASE, id",
                               NULL);
  while (shnor_document_next_row (self, stmt))
    {
      ShnorPerson person = { sqlite3_column_int64 (stmt, 0), g_strdup (shnor_sqlite_column_text (stmt, 1)),
                             g_strdup (shnor_sqlite_column_text (stmt, 2)),
                             g_strdup (shnor_sqlite_column_text (stmt, 3)) };

      g_array_append_val (people, person);
    }
  return people;
}

gint64
shnor_document_add_person (ShnorDocument  *self,
                           const char     *name,
                           const char     *position,
                           const char     *organisation,
                           GError        **error)
{
  const char *texts[] = { name, position ? position : "", organisation ? organisation : "" };
  GValue values[G_N_ELEMENTS (texts)] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  for (guint i = 0; ok && i < G_N_ELEMENTS (texts); i++)
    ok = shnor_field_parse (&person_fields[i], texts[i], &values[i], error);
  if (ok)
    stmt = shnor_document_begin_with (self, _("Add a person"),
                                      "INSERT INTO person (name, position, organisation) VALUES (?, ?, ?)", error);
  if (stmt != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        sqlite3_bind_text (stmt, (int) i + 1, g_value_get_string (&values[i]), -1, SQLITE_TRANSIENT);
      id = shnor_document_finish_insert (self, stmt, error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);
  return id;
}

gboolean
shnor_document_set_person_field (ShnorDocument  *self,
                                 gint64          id,
                                 const char     *column,
                                 const char     *text,
                                 GError        **error)
{
  const ShnorField *field = shnor_field_find (person_fields, G_N_ELEMENTS (person_fields), column);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  if (!shnor_document_check_writable (self, error) ||
      !shnor_document_find_row (self, "SELECT id FROM person WHERE id = ?", id, NULL, _("There is no such person."),
                                error) ||
      !shnor_field_parse (field, text, &value, error))
    return FALSE;
  return shnor_document_update_value (self, _("Edit a person"), "person", "id = ?2", column, &value, id, 0, error);
}

/* The name of a person of the list; "" when there is none. */
char *
shnor_document_dup_person_name (ShnorDocument *self,
                                gint64         id)
{
  sqlite3_stmt *stmt = shnor_document_statement (self, "SELECT name FROM person WHERE id = ?");
  char *name = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), g_strdup (""));
  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, id);
  if (shnor_document_next_row (self, stmt))
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return name ? name : g_strdup ("");
}

/* Refused while the person is responsible for a measure or a risk. */
gboolean
shnor_document_delete_person (ShnorDocument  *self,
                              gint64          id,
                              GError        **error)
{
  int uses, owns;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (!shnor_document_check_writable (self, error) ||
      !shnor_document_find_row (self, "SELECT id FROM person WHERE id = ?", id, NULL, _("There is no such person."),
                                error) ||
      !shnor_document_check_person_unused (self, id, error))
    return FALSE;
  uses = count_rows (self, "SELECT count (*) FROM measure_person WHERE person_id = ?1", id);
  owns = count_rows (self, "SELECT count (*) FROM programme_risk WHERE owner_id = ?1", id);
  if (uses > 0)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "The person is responsible for %d measure: remove them from it first.",
                                "The person is responsible for %d measures: remove them from those first.", uses),
                   uses);
      return FALSE;
    }
  if (owns > 0)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "The person is responsible for %d risk: choose another for it first.",
                                "The person is responsible for %d risks: choose another for them first.", owns),
                   owns);
      return FALSE;
    }
  return delete_row (self, _("Delete a person"), "DELETE FROM person WHERE id = ?1", id, error);
}
