/* shnor-document-network.c: partner organisations, partnerships of a
 * supported school with a school or an organisation, their joint events
 * and the road-map measures they serve; the staff of the schools, their
 * mentoring pairs and courses; the target indicators that count them.
 * Every edit is one undo step. A partnership bound to an approved
 * programme keeps its plan (partner, role, subjects, agreement, period,
 * measures) as approved; its status, note and joint events record the
 * execution and stay editable, as a measure's execution does. */
#define G_LOG_DOMAIN "shnor-document"

#include "config.h"
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "shnor-document-private.h"
#include "shnor-network-private.h"
#include "shnor-error.h"
#include "shnor-sqlite.h"

/* A school as the lists show it: its short name, or its full name */
#define SCHOOL_NAME(s) "CASE WHEN " s ".short_name <> '' THEN " s ".short_name ELSE " s ".full_name END"

/* ---- shared helpers ----------------------------------------------------- */

/* The texts of @n fields read from @stmt from column @first on, as a user
 * sees them (dates ДД.ММ.ГГГГ, choices as their codes). */
static GStrv
row_texts (sqlite3_stmt     *stmt,
           int               first,
           const ShnorField *fields,
           guint             n)
{
  GStrv texts = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      shnor_document_column_value (stmt, first + (int) i, &fields[i], &value);
      texts[i] = shnor_field_format (&fields[i], &value);
    }
  return texts;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text ? text : "");
}

/* "SELECT a, b, c" of @fields, for a query built from the program's own
 * field tables. */
static void
append_columns (GString          *sql,
                const char       *alias,
                const ShnorField *fields,
                guint             n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, ", %s.%s", alias, fields[i].column);
}

/* Runs @sql (one parameter: @id) as one edit. */
static gboolean
edit_by_id (ShnorDocument  *self,
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

static gint64
count_rows (ShnorDocument *self,
            const char    *sql,
            gint64         id)
{
  sqlite3_stmt *stmt = shnor_document_statement (self, sql);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (shnor_document_next_row (self, stmt))
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* The ISO date in @column of the row @id of @table (our constants), or "". */
static char *
stored_date (ShnorDocument *self,
             const char    *table,
             const char    *column,
             gint64         id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", column, table);
  g_autoptr(sqlite3_stmt) stmt = shnor_sqlite_prepare (shnor_document_get_db (self), sql, NULL);
  char *date = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, id);
  if (shnor_document_next_row (self, stmt))
    date = column_dup (stmt, 0);
  return date ? date : g_strdup ("");
}

/* A period's start and end: refuses a new @value of start_date or
 * end_date that would put the end before the start. */
static gboolean
check_period (ShnorDocument  *self,
              const char     *table,
              gint64          id,
              const char     *column,
              const GValue   *value,
              GError        **error)
{
  gboolean start = g_str_equal (column, "start_date");
  g_autofree char *other = NULL;
  const char *mine, *first, *last;

  if (!start && !g_str_equal (column, "end_date"))
    return TRUE;
  mine = g_value_get_string (value);
  other = stored_date (self, table, start ? "end_date" : "start_date", id);
  first = start ? mine : other;
  last = start ? other : mine;
  if (first[0] != '\0' && last[0] != '\0' && strcmp (last, first) < 0)
    {
      g_autofree char *from = shnor_format_iso_date (first);
      g_autofree char *to = shnor_format_iso_date (last);

      if (g_str_equal (table, "mentoring"))
        g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("The mentoring cannot end before it starts (%s–%s)."),
                     from, to);
      else
        g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                     _("The partnership cannot end before it starts (%s–%s)."), from, to);
      return FALSE;
    }
  return TRUE;
}

/* The row may change: it exists, and its table's own check agrees. */
static gboolean
check_row (ShnorDocument        *self,
           const ShnorRowTable  *table,
           gint64                id,
           const char           *column,
           GError              **error)
{
  if (!shnor_document_check_writable (self, error))
    return FALSE;
  if (table->check != NULL)
    return table->check (self, id, column, error);
  return shnor_document_find_row (self, table->exists, id, NULL, _(table->missing), error);
}

/**
 * shnor_document_set_row_field:
 *
 * Validates @text for @column of the row @id of @table and stores it as
 * one edit; a period's end before its start is refused.
 */
gboolean
shnor_document_set_row_field (ShnorDocument        *self,
                              const ShnorRowTable  *table,
                              gint64                id,
                              const char           *column,
                              const char           *text,
                              GError              **error)
{
  const ShnorField *field = shnor_network_field (table->fields, column);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  if (!check_row (self, table, id, column, error) || !shnor_field_parse (field, text, &value, error) ||
      !check_period (self, table->table, id, column, &value, error))
    return FALSE;
  return shnor_document_update_value (self, _(table->edit_label), table->table, "id = ?2", column, &value, id, 0,
                                      error);
}

/* Deletes the row @id of @table (and what cascades from it) as one edit. */
gboolean
shnor_document_delete_row (ShnorDocument        *self,
                           const ShnorRowTable  *table,
                           gint64                id,
                           GError              **error)
{
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (!check_row (self, table, id, NULL, error))
    return FALSE;
  return edit_by_id (self, _(table->delete_label), table->delete_sql, id, error);
}

/* ---- partner organisations ---------------------------------------------- */

static void
organisation_clear (gpointer data)
{
  g_strfreev (((ShnorOrganisation *) data)->texts);
}

/* Returns: (transfer full): the register of partner organisations, by name. */
GArray *
shnor_document_get_organisations (ShnorDocument *self)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (ShnorOrganisation));
  guint n_fields;
  const ShnorField *fields = shnor_organisation_fields (&n_fields);
  g_autoptr(GString) sql = g_string_new ("SELECT o.id, o.kind,"
                                         " (SELECT count (*) FROM partnership WHERE organisation_id = o.id)");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_array_set_clear_func (out, organisation_clear);
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), out);
  if (shnor_document_get_db (self) == NULL)
    return out;
  append_columns (sql, "o", fields, n_fields);
  g_string_append (sql, " FROM organisation o ORDER BY o.name COLLATE NOCASE, o.id");
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self), sql->str, NULL);
  while (stmt != NULL && shnor_document_next_row (self, stmt))
    {
      ShnorOrganisation o = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1),
                              row_texts (stmt, 3, fields, n_fields), sqlite3_column_int (stmt, 2) };

      g_array_append_val (out, o);
    }
  return out;
}

gint64
shnor_document_add_organisation (ShnorDocument          *self,
                                 const char             *name,
                                 ShnorOrganisationKind   kind,
                                 GError                **error)
{
  guint n_fields;
  const ShnorField *fields = shnor_organisation_fields (&n_fields);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  g_return_val_if_fail ((guint) kind < SHNOR_N_ORGANISATION_KINDS, 0);
  if (!shnor_field_parse (&fields[0], name, &value, error))
    return 0;
  stmt = shnor_document_begin_with (self, _("Add a partner organisation"),
                                    "INSERT INTO organisation (name, kind) VALUES (?, ?)", error);
  if (stmt == NULL)
    return 0;
  shnor_sqlite_bind_value (stmt, 1, &value);
  sqlite3_bind_int (stmt, 2, kind);
  return shnor_document_finish_insert (self, stmt, error);
}

static const ShnorRowTable organisation_table = {
  "organisation", shnor_organisation_fields, "SELECT id FROM organisation WHERE id = ?",
  N_("There is no such organisation."), NULL, N_("Edit a partner organisation"),
  "DELETE FROM organisation WHERE id = ?", N_("Delete a partner organisation"),
};

gboolean
shnor_document_set_organisation_field (ShnorDocument  *self,
                                       gint64          id,
                                       const char     *column,
                                       const char     *text,
                                       GError        **error)
{
  return shnor_document_set_row_field (self, &organisation_table, id, column, text, error);
}

/* Refused while a partnership names the organisation. */
gboolean
shnor_document_delete_organisation (ShnorDocument  *self,
                                    gint64          id,
                                    GError        **error)
{
  gint64 uses;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  uses = count_rows (self, "SELECT count (*) FROM partnership WHERE organisation_id = ?", id);
  if (uses > 0)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The organisation is a partner in %d partnership: delete that first.",
                                "The organisation is a partner in %d partnerships: delete those first.", (gulong) uses),
                   (int) uses);
      return FALSE;
    }
  return shnor_document_delete_row (self, &organisation_table, id, error);
}

/* ---- partnerships ------------------------------------------------------- */

void
shnor_partnership_clear (ShnorPartnership *p)
{
  g_clear_pointer (&p->texts, g_strfreev);
  g_clear_pointer (&p->school_name, g_free);
  g_clear_pointer (&p->partner_name, g_free);
  g_clear_pointer (&p->partner_kind, g_free);
  g_clear_pointer (&p->programme_title, g_free);
  g_clear_pointer (&p->last_event, g_free);
}

static void
partnership_clear_func (gpointer data)
{
  shnor_partnership_clear (data);
}

#define PARTNERSHIP_SELECT \
  "SELECT p.id, p.school_id, ifnull (p.partner_school_id, 0), ifnull (p.organisation_id, 0)," \
  " ifnull (p.programme_id, 0), " SCHOOL_NAME ("s") "," \
  " ifnull (" SCHOOL_NAME ("ps") ", o.name), o.kind, ifnull (g.title, ''), ifnull (g.status, 0)," \
  " (SELECT count (*) FROM joint_event WHERE partnership_id = p.id)," \
  " (SELECT ifnull (max (date), '') FROM joint_event WHERE partnership_id = p.id)"

#define PARTNERSHIP_FROM \
  " FROM partnership p JOIN school s ON s.id = p.school_id" \
  " LEFT JOIN school ps ON ps.id = p.partner_school_id" \
  " LEFT JOIN organisation o ON o.id = p.organisation_id" \
  " LEFT JOIN programme g ON g.id = p.programme_id"

static void
load_partnership (sqlite3_stmt     *stmt,
                  const ShnorField *fields,
                  guint             n_fields,
                  ShnorPartnership *p)
{
  ShnorProgrammeStatus programme_status = sqlite3_column_int (stmt, 9);

  memset (p, 0, sizeof *p);
  p->id = sqlite3_column_int64 (stmt, 0);
  p->school_id = sqlite3_column_int64 (stmt, 1);
  p->partner_school_id = sqlite3_column_int64 (stmt, 2);
  p->organisation_id = sqlite3_column_int64 (stmt, 3);
  p->programme_id = sqlite3_column_int64 (stmt, 4);
  p->school_name = column_dup (stmt, 5);
  p->partner_name = column_dup (stmt, 6);
  p->partner_kind = p->organisation_id != 0 ? g_strdup (shnor_organisation_kind_label (sqlite3_column_int (stmt, 7)))
                                            : g_strdup ("school");
  p->programme_title = column_dup (stmt, 8);
  p->locked = p->programme_id != 0 && programme_status == SHNOR_PROGRAMME_APPROVED;
  p->n_events = (guint) sqlite3_column_int (stmt, 10);
  p->last_event = column_dup (stmt, 11);
  p->texts = row_texts (stmt, 12, fields, n_fields);
  p->role = (ShnorPartnerRole) atoi (p->texts[shnor_fields_index (fields, n_fields, "role")]);
  p->status = (ShnorPartnershipStatus) atoi (p->texts[shnor_fields_index (fields, n_fields, "status")]);
}

/**
 * shnor_document_get_partnerships:
 * @school_id: a school, as the supported one or as the partner; 0: all
 *
 * Returns: (transfer full): the partnerships by supported school, then
 * partner.
 */
GArray *
shnor_document_get_partnerships (ShnorDocument *self,
                                 gint64         school_id)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (ShnorPartnership));
  guint n_fields;
  const ShnorField *fields = shnor_partnership_fields (&n_fields);
  g_autoptr(GString) sql = g_string_new (PARTNERSHIP_SELECT);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_array_set_clear_func (out, partnership_clear_func);
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), out);
  if (shnor_document_get_db (self) == NULL)
    return out;
  append_columns (sql, "p", fields, n_fields);
  g_string_append (sql, PARTNERSHIP_FROM " WHERE ?1 = 0 OR p.school_id = ?1 OR p.partner_school_id = ?1"
                        " ORDER BY 6 COLLATE NOCASE, 7 COLLATE NOCASE, p.id");
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self), sql->str, NULL);
  if (stmt == NULL)
    return out;
  sqlite3_bind_int64 (stmt, 1, school_id);
  while (shnor_document_next_row (self, stmt))
    {
      ShnorPartnership p;

      load_partnership (stmt, fields, n_fields, &p);
      g_array_append_val (out, p);
    }
  return out;
}

/* Reads one partnership into @out (to be cleared); FALSE when there is none. */
gboolean
shnor_document_get_partnership (ShnorDocument    *self,
                                gint64            id,
                                ShnorPartnership *out)
{
  guint n_fields;
  const ShnorField *fields = shnor_partnership_fields (&n_fields);
  g_autoptr(GString) sql = g_string_new (PARTNERSHIP_SELECT);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  memset (out, 0, sizeof *out);
  if (shnor_document_get_db (self) == NULL)
    return FALSE;
  append_columns (sql, "p", fields, n_fields);
  g_string_append (sql, PARTNERSHIP_FROM " WHERE p.id = ?");
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self), sql->str, NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!shnor_document_next_row (self, stmt))
    return FALSE;
  load_partnership (stmt, fields, n_fields, out);
  return TRUE;
}

/* The partnership @id may change its plan (@plan) or its execution: it
 * exists, and the programme it is bound to (if any) allows it — a draft
 * anything, an approved one the execution only. An archived programme is
 * over: its partnerships go on (or are bound to its next version) freely.
 * Returns the programme (0: none), or -1 with @error. */
static gint64
check_partnership (ShnorDocument  *self,
                   gint64          id,
                   gboolean        plan,
                   GError        **error)
{
  gint64 programme = 0, status = SHNOR_PROGRAMME_DRAFT;

  if (!shnor_document_check_writable (self, error) ||
      !shnor_document_find_row (self, "SELECT ifnull (programme_id, 0) FROM partnership WHERE id = ?", id,
                                &programme, _("There is no such partnership."), error))
    return -1;
  if (programme != 0)
    shnor_document_find_row (self, "SELECT status FROM programme WHERE id = ?", programme, &status, NULL, NULL);
  if (programme != 0 && status != SHNOR_PROGRAMME_ARCHIVED &&
      !shnor_document_check_programme (self, programme, plan, error))
    return -1;
  return programme;
}

static gboolean
school_exists (ShnorDocument  *self,
               gint64          id,
               GError        **error)
{
  return shnor_document_find_row (self, "SELECT id FROM school WHERE id = ?", id, NULL,
                                  _("There is no such school."), error);
}

/* A partnership of the same school with the same partner in the same role
 * that has not ended: the new one would repeat it. */
static gboolean
check_not_repeated (ShnorDocument     *self,
                    gint64             school_id,
                    gint64             partner_school_id,
                    gint64             organisation_id,
                    ShnorPartnerRole   role,
                    GError           **error)
{
  sqlite3_stmt *stmt = shnor_document_statement (self,
    "SELECT " SCHOOL_NAME ("s") ", ifnull (" SCHOOL_NAME ("ps") ", o.name)"
    " FROM partnership p JOIN school s ON s.id = p.school_id"
    " LEFT JOIN school ps ON ps.id = p.partner_school_id LEFT JOIN organisation o ON o.id = p.organisation_id"
    " WHERE p.school_id = ?1 AND p.partner_school_id IS ?2 AND p.organisation_id IS ?3 AND p.role = ?4"
    "  AND p.status <> 2");
  gboolean repeated = FALSE;

  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, school_id);
  if (partner_school_id != 0)
    sqlite3_bind_int64 (stmt, 2, partner_school_id);
  if (organisation_id != 0)
    sqlite3_bind_int64 (stmt, 3, organisation_id);
  sqlite3_bind_int (stmt, 4, role);
  if (shnor_document_next_row (self, stmt))
    {
      repeated = TRUE;
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("“%s” is already a partner of “%s” in this role (%s), and that partnership has not ended."),
                   sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 0), shnor_partner_role_label (role));
    }
  sqlite3_reset (stmt);
  return !repeated;
}

/**
 * shnor_document_add_partnership:
 * @school_id: the supported school
 * @partner_school_id: the partner, a school of the file; or 0
 * @organisation_id: the partner, an organisation of the register; or 0
 *
 * Exactly one partner is given. The new partnership is planned.
 *
 * Returns: its id; 0 with @error when refused.
 */
gint64
shnor_document_add_partnership (ShnorDocument     *self,
                                gint64             school_id,
                                gint64             partner_school_id,
                                gint64             organisation_id,
                                ShnorPartnerRole   role,
                                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  g_return_val_if_fail ((guint) role < SHNOR_N_PARTNER_ROLES, 0);
  if (!shnor_document_check_writable (self, error) || !school_exists (self, school_id, error))
    return 0;
  if ((partner_school_id != 0) == (organisation_id != 0))
    {
      g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                           _("Choose the partner: a school of the municipality or a partner organisation."));
      return 0;
    }
  if (partner_school_id == school_id)
    {
      g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                           _("A school cannot be its own partner: choose another school or an organisation."));
      return 0;
    }
  if ((partner_school_id != 0 && !school_exists (self, partner_school_id, error)) ||
      (organisation_id != 0 &&
       !shnor_document_find_row (self, "SELECT id FROM organisation WHERE id = ?", organisation_id, NULL,
                                 _("There is no such organisation."), error)) ||
      !check_not_repeated (self, school_id, partner_school_id, organisation_id, role, error))
    return 0;
  stmt = shnor_document_begin_with (self, _("Add a partnership"),
                                    "INSERT INTO partnership (school_id, partner_school_id, organisation_id, role)"
                                    " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, school_id);
  if (partner_school_id != 0)
    sqlite3_bind_int64 (stmt, 2, partner_school_id);
  if (organisation_id != 0)
    sqlite3_bind_int64 (stmt, 3, organisation_id);
  sqlite3_bind_int (stmt, 4, role);
  return shnor_document_finish_insert (self, stmt, error);
}

/* A partnership's plan changes only in a draft programme's (or none's);
 * its execution (status, note) in an approved one's too. */
static gboolean
partnership_may_change (ShnorDocument  *self,
                        gint64          id,
                        const char     *column,
                        GError        **error)
{
  return check_partnership (self, id, column == NULL || shnor_partnership_field_is_plan (column), error) >= 0;
}

static const ShnorRowTable partnership_table = {
  "partnership", shnor_partnership_fields, NULL, NULL, partnership_may_change, N_("Edit a partnership"),
  "DELETE FROM partnership WHERE id = ?", N_("Delete a partnership"),
};

gboolean
shnor_document_set_partnership_field (ShnorDocument  *self,
                                      gint64          id,
                                      const char     *column,
                                      const char     *text,
                                      GError        **error)
{
  return shnor_document_set_row_field (self, &partnership_table, id, column, text, error);
}

/* Binds the partnership to a programme (0: to none); its measures that
 * belong to another programme are unbound in the same step. Both the
 * programme it leaves and the one it joins must be drafts. */
gboolean
shnor_document_set_partnership_programme (ShnorDocument  *self,
                                          gint64          id,
                                          gint64          programme_id,
                                          GError        **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (check_partnership (self, id, TRUE, error) < 0 ||
      (programme_id != 0 && !shnor_document_check_programme (self, programme_id, TRUE, error)))
    return FALSE;
  if (!shnor_document_begin_edit (self, _("Edit a partnership"), error))
    return FALSE;
  stmt = shnor_document_statement (self,
    "UPDATE partnership SET programme_id = nullif (?2, 0) WHERE id = ?1 AND ifnull (programme_id, 0) <> ?2");
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, programme_id);
      ok = shnor_document_step (self, stmt, error);
      sqlite3_reset (stmt);
    }
  stmt = ok ? shnor_document_statement (self,
    "DELETE FROM partnership_measure WHERE partnership_id = ?1"
    " AND measure_id NOT IN (SELECT id FROM measure WHERE programme_id = ?2)") : NULL;
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, programme_id);
      ok = shnor_document_step (self, stmt, error);
      sqlite3_reset (stmt);
    }
  if (!ok)
    {
      if (error != NULL && *error == NULL)
        shnor_sqlite_set_error (error, shnor_document_get_db (self), sqlite3_errcode (shnor_document_get_db (self)),
                                NULL);
      shnor_document_cancel_edit (self);
      return FALSE;
    }
  return shnor_document_end_edit (self, error);
}

/* Returns: (transfer full): the ids of the road-map measures the
 * partnership serves. */
GArray *
shnor_document_get_partnership_measures (ShnorDocument *self,
                                         gint64         id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), ids);
  stmt = shnor_document_statement (self,
                                   "SELECT measure_id FROM partnership_measure WHERE partnership_id = ? ORDER BY measure_id");
  if (stmt == NULL)
    return ids;
  sqlite3_bind_int64 (stmt, 1, id);
  while (shnor_document_next_row (self, stmt))
    {
      gint64 measure = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, measure);
    }
  sqlite3_reset (stmt);
  return ids;
}

/* Binds the partnership to a measure of the road map of its programme
 * (@on), or unbinds it. */
gboolean
shnor_document_set_partnership_measure (ShnorDocument  *self,
                                        gint64          id,
                                        gint64          measure_id,
                                        gboolean        on,
                                        GError        **error)
{
  gint64 programme, measure_programme = 0;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  programme = check_partnership (self, id, TRUE, error);
  if (programme < 0 ||
      !shnor_document_find_row (self, "SELECT programme_id FROM measure WHERE id = ?", measure_id,
                                &measure_programme, _("There is no such measure."), error))
    return FALSE;
  if (on && measure_programme != programme)
    {
      g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                           _("The measure belongs to another programme: bind the partnership to that programme first."));
      return FALSE;
    }
  stmt = shnor_document_begin_with (self, _("Edit a partnership"),
                                    on ? "INSERT OR IGNORE INTO partnership_measure (partnership_id, measure_id) VALUES (?1, ?2)"
                                       : "DELETE FROM partnership_measure WHERE partnership_id = ?1 AND measure_id = ?2",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, measure_id);
  return shnor_document_finish_edit (self, stmt, error);
}

/* Deletes the partnership with its joint events; refused when it belongs
 * to an approved programme. */
gboolean
shnor_document_delete_partnership (ShnorDocument  *self,
                                   gint64          id,
                                   GError        **error)
{
  return shnor_document_delete_row (self, &partnership_table, id, error);
}

/* ---- joint events ------------------------------------------------------- */

static void
event_clear (gpointer data)
{
  g_strfreev (((ShnorJointEvent *) data)->texts);
}

/* Returns: (transfer full): the partnership's joint events, oldest first. */
GArray *
shnor_document_get_joint_events (ShnorDocument *self,
                                 gint64         partnership_id)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (ShnorJointEvent));
  guint n_fields;
  const ShnorField *fields = shnor_event_fields (&n_fields);
  g_autoptr(GString) sql = g_string_new ("SELECT e.id, e.partnership_id");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int form = shnor_fields_index (fields, n_fields, "form");

  g_array_set_clear_func (out, event_clear);
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), out);
  if (shnor_document_get_db (self) == NULL)
    return out;
  append_columns (sql, "e", fields, n_fields);
  g_string_append (sql, " FROM joint_event e WHERE e.partnership_id = ? ORDER BY e.date, e.id");
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self), sql->str, NULL);
  if (stmt == NULL)
    return out;
  sqlite3_bind_int64 (stmt, 1, partnership_id);
  while (shnor_document_next_row (self, stmt))
    {
      ShnorJointEvent e = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                            sqlite3_column_int (stmt, 2 + form), row_texts (stmt, 2, fields, n_fields) };

      g_array_append_val (out, e);
    }
  return out;
}

gint64
shnor_document_add_joint_event (ShnorDocument   *self,
                                gint64           partnership_id,
                                const char      *date,
                                ShnorEventForm   form,
                                GError         **error)
{
  guint n_fields;
  const ShnorField *fields = shnor_event_fields (&n_fields);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  g_return_val_if_fail ((guint) form < SHNOR_N_EVENT_FORMS, 0);
  if (check_partnership (self, partnership_id, FALSE, error) < 0 ||
      !shnor_field_parse (&fields[0], date, &value, error))
    return 0;
  stmt = shnor_document_begin_with (self, _("Add a joint event"),
                                    "INSERT INTO joint_event (partnership_id, date, form) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, partnership_id);
  shnor_sqlite_bind_value (stmt, 2, &value);
  sqlite3_bind_int (stmt, 3, form);
  return shnor_document_finish_insert (self, stmt, error);
}

/* The partnership of a joint event, checked for recording execution. */
static gboolean
event_may_change (ShnorDocument  *self,
                  gint64          id,
                  const char     *column,
                  GError        **error)
{
  gint64 partnership = 0;

  return shnor_document_find_row (self, "SELECT partnership_id FROM joint_event WHERE id = ?", id, &partnership,
                                  _("There is no such joint event."), error) &&
         check_partnership (self, partnership, FALSE, error) >= 0;
}

static const ShnorRowTable event_table = {
  "joint_event", shnor_event_fields, NULL, NULL, event_may_change, N_("Edit a joint event"),
  "DELETE FROM joint_event WHERE id = ?", N_("Delete a joint event"),
};

gboolean
shnor_document_set_joint_event_field (ShnorDocument  *self,
                                      gint64          id,
                                      const char     *column,
                                      const char     *text,
                                      GError        **error)
{
  return shnor_document_set_row_field (self, &event_table, id, column, text, error);
}

gboolean
shnor_document_delete_joint_event (ShnorDocument  *self,
                                   gint64          id,
                                   GError        **error)
{
  return shnor_document_delete_row (self, &event_table, id, error);
}

/* ---- the staff of the schools ------------------------------------------- */

static void
staff_clear (gpointer data)
{
  ShnorStaffMember *m = data;

  g_free (m->name);
  g_free (m->position);
  g_free (m->organisation);
  g_free (m->subjects);
  g_free (m->school_name);
}

/**
 * shnor_document_get_staff:
 * @school_id: a school; 0: everybody of the people list
 *
 * Returns: (transfer full): the people with their school and subjects, by
 * name.
 */
GArray *
shnor_document_get_staff (ShnorDocument *self,
                          gint64         school_id)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (ShnorStaffMember));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_array_set_clear_func (out, staff_clear);
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), out);
  if (shnor_document_get_db (self) == NULL)
    return out;
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self),
    "SELECT p.id, ifnull (p.school_id, 0), p.name, p.position, p.organisation, p.subjects,"
    " ifnull (" SCHOOL_NAME ("s") ", p.organisation), (SELECT count (*) FROM course WHERE person_id = p.id)"
    " FROM person p LEFT JOIN school s ON s.id = p.school_id WHERE ?1 = 0 OR p.school_id = ?1"
    " ORDER BY p.name COLLATE NOCASE, p.id", NULL);
  if (stmt == NULL)
    return out;
  sqlite3_bind_int64 (stmt, 1, school_id);
  while (shnor_document_next_row (self, stmt))
    {
      ShnorStaffMember m = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), column_dup (stmt, 2),
                             column_dup (stmt, 3), column_dup (stmt, 4), column_dup (stmt, 5), column_dup (stmt, 6),
                             (guint) sqlite3_column_int (stmt, 7) };

      g_array_append_val (out, m);
    }
  return out;
}

static gboolean
person_exists (ShnorDocument  *self,
               gint64          id,
               GError        **error)
{
  return shnor_document_find_row (self, "SELECT id FROM person WHERE id = ?", id, NULL,
                                  _("There is no such person."), error);
}

/* The school a person works at (0: none of the file's schools). */
gboolean
shnor_document_set_person_school (ShnorDocument  *self,
                                  gint64          id,
                                  gint64          school_id,
                                  GError        **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  if (!shnor_document_check_writable (self, error) || !person_exists (self, id, error) ||
      (school_id != 0 && !school_exists (self, school_id, error)))
    return FALSE;
  if (school_id != 0)
    {
      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, school_id);
    }
  return shnor_document_update_value (self, _("Edit a person"), "person", "id = ?2", "school_id", &value, id, 0, error);
}

static const ShnorRowTable staff_table = {
  "person", shnor_staff_fields, "SELECT id FROM person WHERE id = ?", N_("There is no such person."), NULL,
  N_("Edit a person"), NULL, NULL,
};

gboolean
shnor_document_set_staff_field (ShnorDocument  *self,
                                gint64          id,
                                const char     *column,
                                const char     *text,
                                GError        **error)
{
  return shnor_document_set_row_field (self, &staff_table, id, column, text, error);
}

/* Before a person is deleted: their mentoring pairs and courses would be
 * lost with them, so they must be removed first. */
gboolean
shnor_document_check_person_unused (ShnorDocument  *self,
                                    gint64          id,
                                    GError        **error)
{
  gint64 pairs = count_rows (self, "SELECT count (*) FROM mentoring WHERE mentor_id = ?1 OR mentee_id = ?1", id);
  gint64 courses = count_rows (self, "SELECT count (*) FROM course WHERE person_id = ?", id);

  if (pairs > 0)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "The person is in %d mentoring pair: delete it first.",
                                "The person is in %d mentoring pairs: delete those first.", (gulong) pairs),
                   (int) pairs);
      return FALSE;
    }
  if (courses > 0)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "The person has %d course record: delete it first.",
                                "The person has %d course records: delete those first.", (gulong) courses),
                   (int) courses);
      return FALSE;
    }
  return TRUE;
}

/* ---- mentoring pairs ---------------------------------------------------- */

static void
mentoring_clear (gpointer data)
{
  ShnorMentoring *m = data;

  g_strfreev (m->texts);
  g_free (m->mentor_name);
  g_free (m->mentee_name);
  g_free (m->mentor_school);
  g_free (m->mentee_school);
}

/* Returns: (transfer full): the mentoring pairs, by mentor. */
GArray *
shnor_document_get_mentoring (ShnorDocument *self)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (ShnorMentoring));
  guint n_fields;
  const ShnorField *fields = shnor_mentoring_fields (&n_fields);
  g_autoptr(GString) sql = g_string_new ("SELECT m.id, m.mentor_id, m.mentee_id, a.name, b.name,"
                                         " ifnull (" SCHOOL_NAME ("sa") ", a.organisation),"
                                         " ifnull (" SCHOOL_NAME ("sb") ", b.organisation)");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_array_set_clear_func (out, mentoring_clear);
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), out);
  if (shnor_document_get_db (self) == NULL)
    return out;
  append_columns (sql, "m", fields, n_fields);
  g_string_append (sql, " FROM mentoring m JOIN person a ON a.id = m.mentor_id JOIN person b ON b.id = m.mentee_id"
                        " LEFT JOIN school sa ON sa.id = a.school_id LEFT JOIN school sb ON sb.id = b.school_id"
                        " ORDER BY a.name COLLATE NOCASE, b.name COLLATE NOCASE, m.id");
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self), sql->str, NULL);
  while (stmt != NULL && shnor_document_next_row (self, stmt))
    {
      ShnorMentoring m = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                           sqlite3_column_int64 (stmt, 2), row_texts (stmt, 7, fields, n_fields),
                           column_dup (stmt, 3), column_dup (stmt, 4), column_dup (stmt, 5), column_dup (stmt, 6) };

      g_array_append_val (out, m);
    }
  return out;
}

gint64
shnor_document_add_mentoring (ShnorDocument  *self,
                              gint64          mentor_id,
                              gint64          mentee_id,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  if (!shnor_document_check_writable (self, error) || !person_exists (self, mentor_id, error) ||
      !person_exists (self, mentee_id, error))
    return 0;
  if (mentor_id == mentee_id)
    {
      g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                           _("A teacher cannot be their own mentor: choose two different people."));
      return 0;
    }
  stmt = shnor_document_begin_with (self, _("Add a mentoring pair"),
                                    "INSERT INTO mentoring (mentor_id, mentee_id) VALUES (?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, mentor_id);
  sqlite3_bind_int64 (stmt, 2, mentee_id);
  return shnor_document_finish_insert (self, stmt, error);
}

static const ShnorRowTable mentoring_table = {
  "mentoring", shnor_mentoring_fields, "SELECT id FROM mentoring WHERE id = ?", N_("There is no such mentoring pair."),
  NULL, N_("Edit a mentoring pair"), "DELETE FROM mentoring WHERE id = ?", N_("Delete a mentoring pair"),
};

gboolean
shnor_document_set_mentoring_field (ShnorDocument  *self,
                                    gint64          id,
                                    const char     *column,
                                    const char     *text,
                                    GError        **error)
{
  return shnor_document_set_row_field (self, &mentoring_table, id, column, text, error);
}

gboolean
shnor_document_delete_mentoring (ShnorDocument  *self,
                                 gint64          id,
                                 GError        **error)
{
  return shnor_document_delete_row (self, &mentoring_table, id, error);
}

/* ---- courses of professional development -------------------------------- */

static void
course_clear (gpointer data)
{
  ShnorCourse *c = data;

  g_strfreev (c->texts);
  g_free (c->person_name);
  g_free (c->school_name);
}

/**
 * shnor_document_get_courses:
 * @person_id: a person; 0: everybody's
 *
 * Returns: (transfer full): the courses, the latest first.
 */
GArray *
shnor_document_get_courses (ShnorDocument *self,
                            gint64         person_id)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (ShnorCourse));
  guint n_fields;
  const ShnorField *fields = shnor_course_fields (&n_fields);
  g_autoptr(GString) sql = g_string_new ("SELECT c.id, c.person_id, p.name, ifnull (" SCHOOL_NAME ("s") ", p.organisation)");
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_array_set_clear_func (out, course_clear);
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), out);
  if (shnor_document_get_db (self) == NULL)
    return out;
  append_columns (sql, "c", fields, n_fields);
  g_string_append (sql, " FROM course c JOIN person p ON p.id = c.person_id LEFT JOIN school s ON s.id = p.school_id"
                        " WHERE ?1 = 0 OR c.person_id = ?1 ORDER BY c.date DESC, p.name COLLATE NOCASE, c.id");
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self), sql->str, NULL);
  if (stmt == NULL)
    return out;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while (shnor_document_next_row (self, stmt))
    {
      ShnorCourse c = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                        row_texts (stmt, 4, fields, n_fields), column_dup (stmt, 2), column_dup (stmt, 3) };

      g_array_append_val (out, c);
    }
  return out;
}

gint64
shnor_document_add_course (ShnorDocument  *self,
                           gint64          person_id,
                           const char     *title,
                           GError        **error)
{
  guint n_fields;
  const ShnorField *fields = shnor_course_fields (&n_fields);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  if (!shnor_document_check_writable (self, error) || !person_exists (self, person_id, error) ||
      !shnor_field_parse (&fields[0], title, &value, error))
    return 0;
  stmt = shnor_document_begin_with (self, _("Add a course"), "INSERT INTO course (person_id, title) VALUES (?, ?)",
                                    error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, person_id);
  shnor_sqlite_bind_value (stmt, 2, &value);
  return shnor_document_finish_insert (self, stmt, error);
}

static const ShnorRowTable course_table = {
  "course", shnor_course_fields, "SELECT id FROM course WHERE id = ?", N_("There is no such course."), NULL,
  N_("Edit a course"), "DELETE FROM course WHERE id = ?", N_("Delete a course"),
};

gboolean
shnor_document_set_course_field (ShnorDocument  *self,
                                 gint64          id,
                                 const char     *column,
                                 const char     *text,
                                 GError        **error)
{
  return shnor_document_set_row_field (self, &course_table, id, column, text, error);
}

gboolean
shnor_document_delete_course (ShnorDocument  *self,
                              gint64          id,
                              GError        **error)
{
  return shnor_document_delete_row (self, &course_table, id, error);
}

/* ---- target indicators counting the network ------------------------------ */

/* The schools of the programme ?1, or all schools when none is chosen, as
 * the indicators bound to the results count them. */
#define IN_PROGRAMME(column) \
  "(" column " IN (SELECT school_id FROM programme_school WHERE programme_id = ?1)" \
  " OR NOT EXISTS (SELECT 1 FROM programme_school WHERE programme_id = ?1))"

/* A period from start to end ('' open) that touches the year ?2…?3 */
#define IN_YEAR(start, end) "(" start " = '' OR " start " <= ?3) AND (" end " = '' OR " end " >= ?2)"

/**
 * shnor_document_network_actual:
 * @binding: one of shnor_network_bindings()
 *
 * The value in @year of a target indicator that counts the network of
 * the programme's schools (all schools when none is chosen): mentoring
 * pairs with a teacher of theirs, the share of their teachers (as the
 * context data counts them) who completed a course that year, their
 * active partnerships, their partnerships' joint events that year.
 *
 * Returns: FALSE when there is no value (no teachers counted).
 */
gboolean
shnor_document_network_actual (ShnorDocument *self,
                               gint64         programme_id,
                               const char    *binding,
                               int            year,
                               double        *value)
{
  static const char * const sql[] = {
    "SELECT count (*) FROM mentoring m JOIN person a ON a.id = m.mentor_id JOIN person b ON b.id = m.mentee_id"
    " WHERE (" IN_PROGRAMME ("a.school_id") " OR " IN_PROGRAMME ("b.school_id") ")"
    " AND " IN_YEAR ("m.start_date", "m.end_date"),
    "SELECT 100.0 * (SELECT count (DISTINCT c.person_id) FROM course c JOIN person p ON p.id = c.person_id"
    "   WHERE c.date BETWEEN ?2 AND ?3 AND " IN_PROGRAMME ("p.school_id") ")"
    " / (SELECT sum (teachers) FROM school_context WHERE year = ?4 AND teachers > 0"
    "   AND " IN_PROGRAMME ("school_id") ")",
    "SELECT count (*) FROM partnership p WHERE p.status <> 0 AND " IN_PROGRAMME ("p.school_id")
    " AND " IN_YEAR ("p.start_date", "p.end_date"),
    "SELECT count (*) FROM joint_event e JOIN partnership p ON p.id = e.partnership_id"
    " WHERE e.date BETWEEN ?2 AND ?3 AND " IN_PROGRAMME ("p.school_id"),
  };
  const char * const *bindings = shnor_network_bindings ();
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", year);
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  for (guint i = 0; bindings[i] && stmt == NULL; i++)
    if (g_strcmp0 (binding, bindings[i]) == 0)
      stmt = shnor_document_statement (self, sql[i]);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    sqlite3_bind_int (stmt, 4, year);
  if (shnor_document_next_row (self, stmt) && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      *value = round (sqlite3_column_double (stmt, 0) * 100) / 100;
      found = TRUE;
    }
  sqlite3_reset (stmt);
  return found;
}
