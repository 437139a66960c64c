/* shnor-document-identification.c: criteria sets, the classification of
 * the schools (cached until the data it stands on changes), the risk
 * profiles and the other yearly indicators of a school */
#define G_LOG_DOMAIN "shnor-document"

#include "config.h"
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "shnor-document-private.h"
#include "shnor-error.h"
#include "shnor-sqlite.h"

/* The cache lives on the document object: the metrics (expensive: a scan
 * of all results) until results, context data or indicators change; the
 * classification until those or the criteria change. */
#define METRICS_KEY "shnor-identification-metrics"
#define CLASSIFICATION_KEY "shnor-identification-classification"

void
shnor_document_identification_changed (ShnorDocument *self,
                                       const char    *table)
{
  static const char * const data_tables[] = {
    "school", "result", "school_context", "indicator", "indicator_value",
  };

  for (guint i = 0; i < G_N_ELEMENTS (data_tables); i++)
    if (g_str_equal (table, data_tables[i]))
      {
        g_object_set_data (G_OBJECT (self), METRICS_KEY, NULL);
        g_object_set_data (G_OBJECT (self), CLASSIFICATION_KEY, NULL);
        return;
      }
  if (g_str_equal (table, "criteria_set") || g_str_equal (table, "criterion"))
    g_object_set_data (G_OBJECT (self), CLASSIFICATION_KEY, NULL);
}

/* ---- criteria sets ---------------------------------------------------- */

static void
set_free_func (gpointer set)
{
  shnor_criteria_set_free (set);
}

static ShnorCriteriaSet *
load_set (sqlite3_stmt *stmt)
{
  ShnorCriteriaSet *set = shnor_criteria_set_new ();

  set->id = sqlite3_column_int64 (stmt, 0);
  set->name = g_strdup (shnor_sqlite_column_text (stmt, 1));
  set->order_number = g_strdup (shnor_sqlite_column_text (stmt, 2));
  set->order_date = g_strdup (shnor_sqlite_column_text (stmt, 3));
  set->active = sqlite3_column_int (stmt, 4) != 0;
  for (guint k = 0; k < SHNOR_N_SOCIAL_WEIGHTS; k++)
    set->weights[k] = sqlite3_column_double (stmt, 5 + (int) k);
  return set;
}

/**
 * shnor_criteria_sets_load:
 *
 * Reads every criteria set of @db with its criteria (by group, then in the
 * order they were added), oldest set first, as the file holds them: see
 * shnor_criteria_sets_check() before using them.
 *
 * Returns: (transfer full): the sets; %NULL with @error when they cannot
 *   be read.
 */
GPtrArray *
shnor_criteria_sets_load (sqlite3  *db,
                          GError  **error)
{
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func (set_free_func);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = shnor_sqlite_prepare (db,
    "SELECT id, name, order_number, order_date, active, w_low_income, w_low_education,"
    " w_non_native, w_disabilities, w_registered FROM criteria_set ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShnorCriteriaSet *set = load_set (stmt);

      g_ptr_array_add (sets, set);
      g_hash_table_insert (by_id, &set->id, set);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (rc == SQLITE_DONE)
    stmt = shnor_sqlite_prepare (db,
      "SELECT id, set_id, grp, metric, comparison, threshold, aggregate, years, at_least"
      " FROM criterion ORDER BY set_id, grp, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 set_id = sqlite3_column_int64 (stmt, 1);
      ShnorCriteriaSet *set = g_hash_table_lookup (by_id, &set_id);
      ShnorCriterion c = { 0 };

      if (set == NULL)
        continue;
      c.id = sqlite3_column_int64 (stmt, 0);
      c.group = sqlite3_column_int (stmt, 2);
      c.metric = g_strdup (shnor_sqlite_column_text (stmt, 3));
      c.comparison = sqlite3_column_int (stmt, 4);
      c.threshold = sqlite3_column_double (stmt, 5);
      c.aggregate = sqlite3_column_int (stmt, 6);
      c.years = sqlite3_column_int (stmt, 7);
      c.at_least = sqlite3_column_int (stmt, 8);
      g_array_append_val (set->criteria, c);
    }
  if (rc != SQLITE_DONE)
    {
      shnor_sqlite_set_error (error, db, rc, NULL);
      return NULL;
    }
  return g_steal_pointer (&sets);
}

/**
 * shnor_criteria_sets_check:
 * @name: the file's name, for the message
 *
 * Validates every criteria set of @db and every criterion (a file is
 * untrusted: a hand-edited percentile of -5 must be refused, not
 * classified with). The message names the set and the criterion.
 */
gboolean
shnor_criteria_sets_check (sqlite3     *db,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) sets = shnor_criteria_sets_load (db, &local_error);

  if (sets == NULL)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_DAMAGED, _("The file “%s” is damaged (%s). Open a backup copy."),
                   name, local_error->message);
      return FALSE;
    }
  for (guint i = 0; i < sets->len; i++)
    {
      const ShnorCriteriaSet *set = sets->pdata[i];

      if (!shnor_criteria_set_validate (set, &local_error))
        {
          g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_DAMAGED,
                       _("The file “%s” is damaged: the criteria set “%s”: %s Open a backup copy."),
                       name, set->name ? set->name : "", local_error->message);
          return FALSE;
        }
      for (guint k = 0; k < set->criteria->len; k++)
        if (!shnor_criterion_validate (&g_array_index (set->criteria, ShnorCriterion, k), &local_error))
          {
            g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_DAMAGED,
                         _("The file “%s” is damaged: criterion %u of the criteria set “%s”: %s Open a backup copy."),
                         name, k + 1, set->name ? set->name : "", local_error->message);
            return FALSE;
          }
    }
  return TRUE;
}

/**
 * shnor_document_get_criteria_sets:
 *
 * Returns: (transfer full): every criteria set with its criteria (by group,
 * then in the order they were added), oldest set first.
 */
GPtrArray *
shnor_document_get_criteria_sets (ShnorDocument *self)
{
  GPtrArray *sets = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), g_ptr_array_new_with_free_func (set_free_func));
  if (shnor_document_get_db (self) != NULL)
    sets = shnor_criteria_sets_load (shnor_document_get_db (self), NULL);
  return sets != NULL ? sets : g_ptr_array_new_with_free_func (set_free_func);
}

/* The active set; an empty one named "" when the file has none. */
ShnorCriteriaSet *
shnor_document_dup_active_criteria_set (ShnorDocument *self)
{
  g_autoptr(GPtrArray) sets = shnor_document_get_criteria_sets (self);

  for (guint i = 0; i < sets->len; i++)
    if (((ShnorCriteriaSet *) sets->pdata[i])->active)
      return g_ptr_array_steal_index (sets, i);
  {
    ShnorCriteriaSet *none = shnor_criteria_set_new ();

    none->name = g_strdup ("");
    none->order_number = g_strdup ("");
    none->order_date = g_strdup ("");
    return none;
  }
}

/* @active: the set's active flag, or NULL */
static gboolean
set_exists (ShnorDocument  *self,
            gint64          id,
            gint64         *active,
            GError        **error)
{
  return shnor_document_find_row (self, "SELECT active FROM criteria_set WHERE id = ?", id, active,
                                  _("There is no such criteria set."), error);
}

/**
 * shnor_document_copy_criteria_set:
 *
 * A new set with the name, weights and criteria of @from_id and no order:
 * the way to adapt the criteria for a new order while keeping the old
 * set. The copy is not active.
 */
gint64
shnor_document_copy_criteria_set (ShnorDocument  *self,
                                  gint64          from_id,
                                  GError        **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) copy = NULL;
  g_autoptr(sqlite3_stmt) criteria = NULL;
  g_autofree char *suffix = NULL;
  gint64 id;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);

  if (!shnor_document_check_writable (self, error) || !set_exists (self, from_id, NULL, error))
    return 0;
  db = shnor_document_get_db (self);
  if (!shnor_document_begin_edit (self, _("Copy criteria set"), error))
    return 0;
  /* the name is the file's data, which the lists' documents cite */
  suffix = g_strdup (" (копия)");
  copy = shnor_sqlite_prepare (db,
    "INSERT INTO criteria_set (name, active, w_low_income, w_low_education, w_non_native,"
    " w_disabilities, w_registered) SELECT name || ?2, 0, w_low_income, w_low_education,"
    " w_non_native, w_disabilities, w_registered FROM criteria_set WHERE id = ?1", error);
  criteria = shnor_sqlite_prepare (db,
    "INSERT INTO criterion (set_id, grp, metric, comparison, threshold, aggregate, years, at_least)"
    " SELECT ?2, grp, metric, comparison, threshold, aggregate, years, at_least FROM criterion"
    " WHERE set_id = ?1 ORDER BY id", error);
  if (copy == NULL || criteria == NULL)
    {
      shnor_document_cancel_edit (self);
      return 0;
    }
  sqlite3_bind_int64 (copy, 1, from_id);
  sqlite3_bind_text (copy, 2, suffix, -1, SQLITE_STATIC);
  if (!shnor_document_step (self, copy, error))
    {
      shnor_document_cancel_edit (self);
      return 0;
    }
  id = sqlite3_last_insert_rowid (db);
  sqlite3_bind_int64 (criteria, 1, from_id);
  sqlite3_bind_int64 (criteria, 2, id);
  if (!shnor_document_finish_edit (self, criteria, error))
    return 0;
  return id;
}

gboolean
shnor_document_delete_criteria_set (ShnorDocument  *self,
                                    gint64          id,
                                    GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 active = 0;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  if (!shnor_document_check_writable (self, error) || !set_exists (self, id, &active, error))
    return FALSE;
  if (active)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("The active criteria set cannot be deleted: make another set active first."));
      return FALSE;
    }
  stmt = shnor_document_begin_with (self, _("Delete criteria set"), "DELETE FROM criteria_set WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return shnor_document_finish_edit (self, stmt, error);
}

gboolean
shnor_document_activate_criteria_set (ShnorDocument  *self,
                                      gint64          id,
                                      GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  if (!shnor_document_check_writable (self, error) || !set_exists (self, id, NULL, error))
    return FALSE;
  stmt = shnor_document_begin_with (self, _("Make criteria set active"),
                                    "UPDATE criteria_set SET active = (id = ?1) WHERE active IS NOT (id = ?1)",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return shnor_document_finish_edit (self, stmt, error);
}

/**
 * shnor_document_set_criteria_set_field:
 * @column: a column of shnor_criteria_set_fields()
 */
gboolean
shnor_document_set_criteria_set_field (ShnorDocument  *self,
                                       gint64          id,
                                       const char     *column,
                                       const char     *text,
                                       GError        **error)
{
  const ShnorField *field;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  field = shnor_criteria_set_field (column);
  g_return_val_if_fail (field != NULL, FALSE);

  if (!shnor_document_check_writable (self, error) ||
      !set_exists (self, id, NULL, error) ||
      !shnor_field_parse (field, text, &value, error))
    return FALSE;
  return shnor_document_update_value (self, _("Edit criteria set"), "criteria_set", "id = ?2",
                                      field->column, &value, id, 0, error);
}

/* ---- criteria --------------------------------------------------------- */

static gboolean
criterion_exists (ShnorDocument  *self,
                  gint64          id,
                  GError        **error)
{
  return shnor_document_find_row (self, "SELECT 1 FROM criterion WHERE id = ?", id, NULL,
                                  _("There is no such criterion."), error);
}

static void
bind_criterion (sqlite3_stmt         *stmt,
                const ShnorCriterion *c)
{
  sqlite3_bind_int (stmt, 2, c->group);
  sqlite3_bind_text (stmt, 3, c->metric, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, c->comparison);
  sqlite3_bind_double (stmt, 5, c->threshold);
  sqlite3_bind_int (stmt, 6, c->aggregate);
  sqlite3_bind_int (stmt, 7, c->years);
  sqlite3_bind_int (stmt, 8, c->aggregate == SHNOR_AGGREGATE_EACH ? c->at_least : 1);
}

/**
 * shnor_document_add_criterion:
 *
 * Adds @criterion (its id is ignored) to the set @set_id.
 * Returns: the new criterion's id, 0 on error.
 */
gint64
shnor_document_add_criterion (ShnorDocument         *self,
                              gint64                 set_id,
                              const ShnorCriterion  *criterion,
                              GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);

  if (!shnor_document_check_writable (self, error) ||
      !set_exists (self, set_id, NULL, error) ||
      !shnor_criterion_validate (criterion, error))
    return 0;
  stmt = shnor_document_begin_with (self, _("Add criterion"),
    "INSERT INTO criterion (set_id, grp, metric, comparison, threshold, aggregate, years, at_least)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, set_id);
  bind_criterion (stmt, criterion);
  return shnor_document_finish_insert (self, stmt, error);
}

/* Stores every part of @criterion (found by its id) as one edit. */
gboolean
shnor_document_set_criterion (ShnorDocument         *self,
                              const ShnorCriterion  *criterion,
                              GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  if (!shnor_document_check_writable (self, error) ||
      !criterion_exists (self, criterion->id, error) ||
      !shnor_criterion_validate (criterion, error))
    return FALSE;
  stmt = shnor_document_begin_with (self, _("Edit criterion"),
    "UPDATE criterion SET grp = ?2, metric = ?3, comparison = ?4, threshold = ?5, aggregate = ?6,"
    " years = ?7, at_least = ?8 WHERE id = ?1 AND (grp, metric, comparison, threshold, aggregate, years,"
    " at_least) IS NOT (?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, criterion->id);
  bind_criterion (stmt, criterion);
  return shnor_document_finish_edit (self, stmt, error);
}

gboolean
shnor_document_delete_criterion (ShnorDocument  *self,
                                 gint64          id,
                                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  if (!shnor_document_check_writable (self, error) || !criterion_exists (self, id, error))
    return FALSE;
  stmt = shnor_document_begin_with (self, _("Delete criterion"), "DELETE FROM criterion WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return shnor_document_finish_edit (self, stmt, error);
}

/* ---- metrics and the classification ------------------------------------ */

static void
widen (int *first,
       int *last,
       int  year)
{
  *first = MIN (*first, year);
  *last = MAX (*last, year);
}

/* Sets the metrics of the sums stored for @subject ("" for all subjects),
 * for all years. */
static void
load_sums (ShnorDocument *self,
           ShnorMetrics  *metrics,
           const char    *subject)
{
  sqlite3_stmt *stmt = shnor_document_statement (self,
    "SELECT school_id, year, z_sum, z_weight, below, below_of FROM result_sums WHERE subject = ?");
  int first, last;

  if (stmt == NULL)
    return;
  shnor_metrics_get_years (metrics, &first, &last);
  sqlite3_bind_text (stmt, 1, subject, -1, SQLITE_STATIC);
  while (shnor_document_next_row (self, stmt))
    {
      int school = shnor_metrics_find_school (metrics, sqlite3_column_int64 (stmt, 0));
      int year = sqlite3_column_int (stmt, 1);
      ShnorMetricSums sums = { sqlite3_column_double (stmt, 2), sqlite3_column_double (stmt, 3),
                               sqlite3_column_double (stmt, 4), sqlite3_column_double (stmt, 5) };

      if (school >= 0 && year >= first && year <= last)
        shnor_metrics_set_sums (metrics, (guint) school, year, subject[0] ? subject : NULL, &sums);
    }
  sqlite3_reset (stmt);
}

/* Reads what the classifier needs from the file: the sums of the results
 * of every school and year (kept in result_sums by every edit, so that
 * nothing reads all the results), the context data and the indicators'
 * values. The metrics by subject are read when asked for (see
 * shnor_document_get_metric()). */
static ShnorMetrics *
load_metrics (ShnorDocument *self)
{
  sqlite3 *db = shnor_document_get_db (self);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n_fields;
  const ShnorField *fields = shnor_context_fields (&n_fields);
  g_autoptr(GString) sql = g_string_new ("SELECT school_id, year");
  ShnorMetrics *metrics;
  int first = G_MAXINT, last = G_MININT;

  stmt = shnor_sqlite_prepare (db, "SELECT id FROM school ORDER BY id", NULL);
  while (shnor_document_next_row (self, stmt))
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The years of the results, the context data and the indicators */
  stmt = shnor_sqlite_prepare (db, "SELECT min(year), max(year) FROM ("
                                   " SELECT min(year) AS year FROM result_sums WHERE subject = '' UNION ALL"
                                   " SELECT max(year) FROM result_sums WHERE subject = '' UNION ALL"
                                   " SELECT year FROM school_context UNION ALL"
                                   " SELECT year FROM indicator_value)", NULL);
  if (shnor_document_next_row (self, stmt) && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      widen (&first, &last, sqlite3_column_int (stmt, 0));
      widen (&first, &last, sqlite3_column_int (stmt, 1));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (first > last)
    first = last = 0;

  metrics = shnor_metrics_new ((const gint64 *) ids->data, ids->len, first, last);
  load_sums (self, metrics, "");

  for (guint i = 1; i < n_fields; i++)
    g_string_append_printf (sql, ", %s", fields[i].column);
  g_string_append (sql, " FROM school_context");
  stmt = shnor_sqlite_prepare (db, sql->str, NULL);
  while (shnor_document_next_row (self, stmt))
    {
      int school = shnor_metrics_find_school (metrics, sqlite3_column_int64 (stmt, 0));

      for (guint i = 1; school >= 0 && i < n_fields; i++)
        if (sqlite3_column_type (stmt, (int) i + 1) != SQLITE_NULL)
          {
            g_autofree char *metric = g_strconcat ("context:", fields[i].column, NULL);

            shnor_metrics_set (metrics, (guint) school, metric, sqlite3_column_int (stmt, 1),
                               sqlite3_column_double (stmt, (int) i + 1));
          }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = shnor_sqlite_prepare (db, "SELECT school_id, year, indicator_id, value FROM indicator_value", NULL);
  while (shnor_document_next_row (self, stmt))
    {
      int school = shnor_metrics_find_school (metrics, sqlite3_column_int64 (stmt, 0));
      g_autofree char *metric = g_strdup_printf ("indicator:%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 2));

      if (school >= 0)
        shnor_metrics_set (metrics, (guint) school, metric, sqlite3_column_int (stmt, 1),
                           sqlite3_column_double (stmt, 3));
    }
  return metrics;
}

/**
 * shnor_document_get_metric:
 * @metric: a metric (see shnor_metric_is_valid())
 *
 * As shnor_document_get_metrics(), and sure to hold @metric's values:
 * the metrics by subject are read from the file only when asked for.
 */
const ShnorMetrics *
shnor_document_get_metric (ShnorDocument *self,
                           const char    *metric)
{
  ShnorMetrics *metrics = (ShnorMetrics *) shnor_document_get_metrics (self);
  const char *subject = shnor_metric_get_subject (metric);
  g_autofree char *z = subject ? shnor_metric_for_subject (SHNOR_METRIC_Z, subject) : NULL;

  if (metrics != NULL && z != NULL && !shnor_metrics_has (metrics, z))
    load_sums (self, metrics, subject);
  return metrics;
}

static void
apply_groups (ShnorDocument       *self,
              ShnorClassification *classification)
{
  GListModel *schools = shnor_document_get_schools (self);
  guint n = g_list_model_get_n_items (schools);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);

      shnor_school_set_groups (school, shnor_classification_get_groups (classification,
                                                                        shnor_school_get_id (school)));
    }
}

/**
 * shnor_document_get_metrics:
 *
 * The yearly metrics of every school, read once and kept until the data
 * behind them changes. Owned by the document.
 */
const ShnorMetrics *
shnor_document_get_metrics (ShnorDocument *self)
{
  ShnorMetrics *metrics;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), NULL);

  metrics = g_object_get_data (G_OBJECT (self), METRICS_KEY);
  if (metrics == NULL && shnor_document_get_db (self) != NULL)
    {
      metrics = load_metrics (self);
      g_object_set_data_full (G_OBJECT (self), METRICS_KEY, metrics, (GDestroyNotify) shnor_metrics_free);
    }
  return metrics;
}

/**
 * shnor_document_classify:
 *
 * Classifies the schools with the active criteria set, and shows the
 * groups on the schools of shnor_document_get_schools(). Cheap when nothing
 * changed since the last call.
 *
 * Returns: (transfer full) (nullable): the classification; %NULL for a
 * closed document.
 */
ShnorClassification *
shnor_document_classify (ShnorDocument *self)
{
  ShnorClassification *classification;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), NULL);

  classification = g_object_get_data (G_OBJECT (self), CLASSIFICATION_KEY);
  if (classification == NULL)
    {
      const ShnorMetrics *metrics = shnor_document_get_metrics (self);
      g_autoptr(ShnorCriteriaSet) set = NULL;

      if (metrics == NULL)
        return NULL;
      set = shnor_document_dup_active_criteria_set (self);
      for (guint i = 0; i < set->criteria->len; i++)
        shnor_document_get_metric (self, g_array_index (set->criteria, ShnorCriterion, i).metric);
      classification = shnor_classify (metrics, set);
      g_object_set_data_full (G_OBJECT (self), CLASSIFICATION_KEY, classification,
                              (GDestroyNotify) shnor_classification_unref);
      apply_groups (self, classification);
    }
  return shnor_classification_ref (classification);
}

/* The years @sql (one parameter: the school) lists. */
static GArray *
school_years (ShnorDocument *self,
              const char    *sql,
              gint64         school_id)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  sqlite3_stmt *stmt = shnor_document_statement (self, sql);

  if (stmt == NULL)
    return years;
  sqlite3_bind_int64 (stmt, 1, school_id);
  while (shnor_document_next_row (self, stmt))
    {
      int year = sqlite3_column_int (stmt, 0);

      g_array_append_val (years, year);
    }
  sqlite3_reset (stmt);
  return years;
}

/* ---- other yearly indicators -------------------------------------------- */

static void
indicator_clear (gpointer data)
{
  g_free (((ShnorIndicator *) data)->name);
}

/* Every indicator of the file, by name. */
GArray *
shnor_document_get_indicators (ShnorDocument *self)
{
  GArray *list = g_array_new (FALSE, TRUE, sizeof (ShnorIndicator));
  sqlite3_stmt *stmt;

  g_array_set_clear_func (list, indicator_clear);
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), list);
  if (shnor_document_get_db (self) == NULL)
    return list;
  stmt = shnor_document_statement (self, "SELECT id, name FROM indicator ORDER BY name COLLATE NOCASE");
  while (shnor_document_next_row (self, stmt))
    {
      ShnorIndicator indicator = { sqlite3_column_int64 (stmt, 0),
                                   g_strdup (shnor_sqlite_column_text (stmt, 1)) };

      g_array_append_val (list, indicator);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return list;
}

static char *
checked_name (const char  *text,
              const char  *label,
              GError     **error)
{
  g_autofree char *name = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("“%s”: the text is not valid UTF-8"), label);
      return NULL;
    }
  name = g_strstrip (g_strdup (text));
  if (name[0] == '\0')
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("“%s” must not be empty"), label);
      return NULL;
    }
  return g_steal_pointer (&name);
}

static void
find_indicator (ShnorDocument *self,
                const char    *name,
                gint64        *id)
{
  sqlite3_stmt *find = shnor_document_statement (self, "SELECT id FROM indicator WHERE name = ?");

  if (find == NULL)
    return;
  sqlite3_bind_text (find, 1, name, -1, SQLITE_STATIC);
  if (shnor_document_next_row (self, find))
    *id = sqlite3_column_int64 (find, 0);
  sqlite3_reset (find);
}

/* The id of the indicator named @name, added when new. */
gint64
shnor_document_add_indicator (ShnorDocument  *self,
                              const char     *name,
                              GError        **error)
{
  g_autofree char *clean = checked_name (name, _("Indicator"), error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = 0;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  if (clean == NULL || !shnor_document_check_writable (self, error))
    return 0;
  find_indicator (self, clean, &id);
  if (id != 0)
    return id;
  stmt = shnor_document_begin_with (self, _("Add indicator"), "INSERT INTO indicator (name) VALUES (?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  return shnor_document_finish_insert (self, stmt, error);
}

static gboolean
indicator_exists (ShnorDocument  *self,
                  gint64          id,
                  GError        **error)
{
  return shnor_document_find_row (self, "SELECT 1 FROM indicator WHERE id = ?", id, NULL,
                                  _("There is no such indicator."), error);
}

/* Renames an indicator for all schools; names stay unique. */
gboolean
shnor_document_rename_indicator (ShnorDocument  *self,
                                 gint64          id,
                                 const char     *name,
                                 GError        **error)
{
  g_autofree char *clean = checked_name (name, _("Indicator"), error);
  g_auto(GValue) value = G_VALUE_INIT;
  gint64 other = 0;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (clean == NULL || !shnor_document_check_writable (self, error) || !indicator_exists (self, id, error))
    return FALSE;
  find_indicator (self, clean, &other);
  if (other == id)
    return TRUE;
  if (other != 0)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("There already is an indicator named “%s”."), clean);
      return FALSE;
    }
  g_value_init (&value, G_TYPE_STRING);
  g_value_take_string (&value, g_steal_pointer (&clean));
  return shnor_document_update_value (self, _("Rename indicator"), "indicator", "id = ?2", "name",
                                      &value, id, 0, error);
}

/* Removes an indicator and all its values, unless a criterion uses it:
 * then the message names the criteria set to change first. */
gboolean
shnor_document_delete_indicator (ShnorDocument  *self,
                                 gint64          id,
                                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *metric = g_strdup_printf ("indicator:%" G_GINT64_FORMAT, id);
  sqlite3_stmt *used;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (!shnor_document_check_writable (self, error) || !indicator_exists (self, id, error))
    return FALSE;
  used = shnor_document_statement (self,
    "SELECT s.name FROM criterion c JOIN criteria_set s ON s.id = c.set_id WHERE c.metric = ? LIMIT 1");
  if (used != NULL)
    {
      gboolean in_use = FALSE;

      sqlite3_bind_text (used, 1, metric, -1, SQLITE_STATIC);
      if (shnor_document_next_row (self, used))
        {
          in_use = TRUE;
          g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                       _("The indicator is used by a criterion of the set “%s”: change or delete that criterion first."),
                       shnor_sqlite_column_text (used, 0));
        }
      sqlite3_reset (used);
      if (in_use)
        return FALSE;
    }
  stmt = shnor_document_begin_with (self, _("Delete indicator"), "DELETE FROM indicator WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return shnor_document_finish_edit (self, stmt, error);
}

/* The years in which a school has a value of any indicator. */
GArray *
shnor_document_get_indicator_years (ShnorDocument *self,
                                    gint64         school_id)
{
  return school_years (self, "SELECT DISTINCT year FROM indicator_value WHERE school_id = ? ORDER BY year",
                       school_id);
}

/* What an indicator's value may be: any number, in a wide range. */
const ShnorField *
shnor_indicator_value_field (void)
{
  static const ShnorField value_field = { "value", SHNOR_FIELD_REAL, N_("Value"), -1e9, 1e9, FALSE, NULL };

  return &value_field;
}

/* A school's value of an indicator in a year; an empty @text removes it. */
gboolean
shnor_document_set_indicator_value (ShnorDocument  *self,
                                    gint64          school_id,
                                    gint64          indicator_id,
                                    int             year,
                                    const char     *text,
                                    GError        **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  if (!shnor_document_check_writable (self, error) || !indicator_exists (self, indicator_id, error) ||
      !shnor_document_check_year (year, error) || !shnor_field_parse (shnor_indicator_value_field (), text, &value, error))
    return FALSE;
  if (G_IS_VALUE (&value))
    {
      stmt = shnor_document_begin_with (self, _("Edit indicator"),
        "INSERT INTO indicator_value (school_id, indicator_id, year, value) VALUES (?1, ?2, ?3, ?4)"
        " ON CONFLICT (school_id, indicator_id, year) DO UPDATE SET value = excluded.value"
        " WHERE value IS NOT excluded.value", error);
      if (stmt != NULL)
        sqlite3_bind_double (stmt, 4, g_value_get_double (&value));
    }
  else
    stmt = shnor_document_begin_with (self, _("Edit indicator"),
      "DELETE FROM indicator_value WHERE school_id = ?1 AND indicator_id = ?2 AND year = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_int64 (stmt, 2, indicator_id);
  sqlite3_bind_int (stmt, 3, year);
  return shnor_document_finish_edit (self, stmt, error);
}

/* A school's indicator values: year → value, of @indicator_id. */
gboolean
shnor_document_get_indicator_value (ShnorDocument *self,
                                    gint64         school_id,
                                    gint64         indicator_id,
                                    int            year,
                                    double        *value)
{
  sqlite3_stmt *stmt = shnor_document_statement (self,
    "SELECT value FROM indicator_value WHERE school_id = ? AND indicator_id = ? AND year = ?");
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_int64 (stmt, 2, indicator_id);
  sqlite3_bind_int (stmt, 3, year);
  if (shnor_document_next_row (self, stmt))
    {
      found = TRUE;
      *value = sqlite3_column_double (stmt, 0);
    }
  sqlite3_reset (stmt);
  return found;
}

/**
 * shnor_document_list_metrics:
 *
 * Returns: (transfer full): the metrics a criterion can use in this file:
 * the result metrics, the social index, every context value and every
 * indicator.
 */
GStrv
shnor_document_list_metrics (ShnorDocument *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GArray) indicators = shnor_document_get_indicators (self);
  guint n_fields;
  const ShnorField *fields = shnor_context_fields (&n_fields);
  sqlite3_stmt *subjects;

  g_strv_builder_add_many (builder, SHNOR_METRIC_Z, SHNOR_METRIC_BELOW, SHNOR_METRIC_Z_CHANGE,
                           SHNOR_METRIC_SOCIAL, NULL);
  /* by subject: every subject of the results, and any a criterion names */
  subjects = shnor_document_statement (self,
    "SELECT subject FROM assessment UNION"
    " SELECT substr (metric, instr (metric, ':') + 1) FROM criterion"
    " WHERE metric LIKE 'z:%' OR metric LIKE 'below:%' ORDER BY 1");
  while (shnor_document_next_row (self, subjects))
    {
      const char *subject = (const char *) sqlite3_column_text (subjects, 0);

      for (guint k = 0; k < 2 && subject != NULL && subject[0] != '\0'; k++)
        {
          g_autofree char *metric = shnor_metric_for_subject (k == 0 ? SHNOR_METRIC_Z : SHNOR_METRIC_BELOW, subject);

          if (shnor_metric_is_valid (metric))
            g_strv_builder_add (builder, metric);
        }
    }
  if (subjects != NULL)
    sqlite3_reset (subjects);
  for (guint i = 1; i < n_fields; i++)
    {
      g_autofree char *metric = g_strconcat ("context:", fields[i].column, NULL);

      g_strv_builder_add (builder, metric);
    }
  for (guint i = 0; i < indicators->len; i++)
    {
      g_autofree char *metric = g_strdup_printf ("indicator:%" G_GINT64_FORMAT,
                                                 g_array_index (indicators, ShnorIndicator, i).id);

      g_strv_builder_add (builder, metric);
    }
  return g_strv_builder_end (builder);
}

/* A metric's label, indicators by their names. */
char *
shnor_document_dup_metric_label (ShnorDocument *self,
                                 const char    *metric)
{
  if (g_str_has_prefix (metric, "indicator:"))
    {
      sqlite3_stmt *stmt = shnor_document_statement (self, "SELECT name FROM indicator WHERE id = ?");
      char *name = NULL;

      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, g_ascii_strtoll (metric + strlen ("indicator:"), NULL, 10));
          if (shnor_document_next_row (self, stmt))
            name = g_strdup (shnor_sqlite_column_text (stmt, 0));
          sqlite3_reset (stmt);
        }
      if (name != NULL)
        return name;
      /* TRANSLATORS: a criterion's indicator that was deleted */
      return g_strdup (_("(deleted indicator)"));
    }
  return shnor_metric_label (metric);
}

char *
shnor_document_describe_criterion (ShnorDocument        *self,
                                   const ShnorCriterion *criterion)
{
  g_autofree char *label = shnor_document_dup_metric_label (self, criterion->metric);

  return shnor_criterion_describe (criterion, label);
}

/* ---- risk profiles ----------------------------------------------------- */

static void
risk_clear (gpointer data)
{
  ShnorRiskLevel *r = data;

  g_free (r->factor);
  g_free (r->note);
}

/**
 * shnor_document_get_risk_profile:
 *
 * Every risk factor of the reference list, with @school_id's level and
 * note for @year (%SHNOR_RISK_NOT_ASSESSED and "" where none). With
 * @school_id 0: the reference list alone.
 */
GArray *
shnor_document_get_risk_profile (ShnorDocument *self,
                                 gint64         school_id,
                                 int            year)
{
  GArray *list = g_array_new (FALSE, TRUE, sizeof (ShnorRiskLevel));
  sqlite3_stmt *stmt;

  g_array_set_clear_func (list, risk_clear);
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), list);
  if (shnor_document_get_db (self) == NULL)
    return list;
  stmt = shnor_document_statement (self,
    "SELECT f.id, f.name, l.level, l.note FROM risk_factor f LEFT JOIN risk_level l"
    " ON l.factor_id = f.id AND l.school_id = ? AND l.year = ? ORDER BY f.position, f.id");
  if (stmt == NULL)
    return list;
  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_int (stmt, 2, year);
  while (shnor_document_next_row (self, stmt))
    {
      ShnorRiskLevel r = { 0 };

      r.factor_id = sqlite3_column_int64 (stmt, 0);
      r.factor = g_strdup (shnor_sqlite_column_text (stmt, 1));
      r.level = sqlite3_column_int (stmt, 2);
      r.note = g_strdup (shnor_sqlite_column_text (stmt, 3));
      g_array_append_val (list, r);
    }
  sqlite3_reset (stmt);
  return list;
}

/* The years for which @school_id has a risk profile, oldest first. */
GArray *
shnor_document_get_risk_years (ShnorDocument *self,
                               gint64         school_id)
{
  return school_years (self, "SELECT DISTINCT year FROM risk_level WHERE school_id = ? ORDER BY year", school_id);
}

const char *
shnor_risk_level_label (ShnorRiskLevelCode level)
{
  static const char * const labels[] = {
    NC_("risk", "not assessed"), NC_("risk", "low"), NC_("risk", "medium"), NC_("risk", "high"),
  };

  g_return_val_if_fail ((guint) level < G_N_ELEMENTS (labels), "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "risk", labels[level]);
}

static gboolean
factor_exists (ShnorDocument  *self,
               gint64          id,
               GError        **error)
{
  return shnor_document_find_row (self, "SELECT 1 FROM risk_factor WHERE id = ?", id, NULL,
                                  _("There is no such risk factor."), error);
}

/* Sets the level (when @note is NULL) or the note (when @note is set) of
 * one factor of a school's profile for @year. */
gboolean
shnor_document_set_risk (ShnorDocument       *self,
                         gint64               school_id,
                         gint64               factor_id,
                         int                  year,
                         ShnorRiskLevelCode   level,
                         const char          *note,
                         GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);

  if (!shnor_document_check_writable (self, error) || !factor_exists (self, factor_id, error))
    return FALSE;
  if (!shnor_document_check_year (year, error))
    return FALSE;
  if ((guint) level > SHNOR_RISK_HIGH)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("There is no risk level number %d."), level);
      return FALSE;
    }
  if (note != NULL && !g_utf8_validate (note, -1, NULL))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("“%s”: the text is not valid UTF-8"), _("Note"));
      return FALSE;
    }
  if (note == NULL)
    stmt = shnor_document_begin_with (self, _("Edit risk profile"),
      "INSERT INTO risk_level (school_id, factor_id, year, level) VALUES (?1, ?2, ?3, ?4)"
      " ON CONFLICT (school_id, factor_id, year) DO UPDATE SET level = excluded.level"
      " WHERE level IS NOT excluded.level", error);
  else
    stmt = shnor_document_begin_with (self, _("Edit risk profile"),
      "INSERT INTO risk_level (school_id, factor_id, year, note) VALUES (?1, ?2, ?3, ?5)"
      " ON CONFLICT (school_id, factor_id, year) DO UPDATE SET note = excluded.note"
      " WHERE note IS NOT excluded.note", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, school_id);
  sqlite3_bind_int64 (stmt, 2, factor_id);
  sqlite3_bind_int (stmt, 3, year);
  if (note == NULL)
    sqlite3_bind_int (stmt, 4, level);
  else
    {
      g_autofree char *clean = g_strstrip (g_strdup (note));

      sqlite3_bind_text (stmt, 5, clean, -1, SQLITE_TRANSIENT);
    }
  return shnor_document_finish_edit (self, stmt, error);
}

gint64
shnor_document_add_risk_factor (ShnorDocument  *self,
                                const char     *name,
                                GError        **error)
{
  g_autofree char *clean = checked_name (name, _("Risk factor"), error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  if (clean == NULL || !shnor_document_check_writable (self, error))
    return 0;
  stmt = shnor_document_begin_with (self, _("Add risk factor"),
    "INSERT INTO risk_factor (position, name) SELECT coalesce (max (position), -1) + 1, ? FROM risk_factor",
    error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  return shnor_document_finish_insert (self, stmt, error);
}

gboolean
shnor_document_rename_risk_factor (ShnorDocument  *self,
                                   gint64          id,
                                   const char     *name,
                                   GError        **error)
{
  g_autofree char *clean = checked_name (name, _("Risk factor"), error);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (clean == NULL || !shnor_document_check_writable (self, error) || !factor_exists (self, id, error))
    return FALSE;
  g_value_init (&value, G_TYPE_STRING);
  g_value_take_string (&value, g_steal_pointer (&clean));
  return shnor_document_update_value (self, _("Rename risk factor"), "risk_factor", "id = ?2", "name",
                                      &value, id, 0, error);
}

/* Removes a factor from the reference list and from every school's
 * profile (undoable like every edit). */
gboolean
shnor_document_delete_risk_factor (ShnorDocument  *self,
                                   gint64          id,
                                   GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (!shnor_document_check_writable (self, error) || !factor_exists (self, id, error))
    return FALSE;
  stmt = shnor_document_begin_with (self, _("Delete risk factor"), "DELETE FROM risk_factor WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return shnor_document_finish_edit (self, stmt, error);
}
