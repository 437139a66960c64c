/* shnor-preflight.c: see shnor-preflight.h. The checks follow what a head
 * of department looks at before signing: the requisites (number, date,
 * place, authority, signature), a passport with nothing missing, the
 * schools identified by their codes, every indicator with a target. The
 * messages are the interface's (gettext); the documents are not touched:
 * an export with warnings is still written. */
#define G_LOG_DOMAIN "shnor-preflight"

#include "config.h"
#include <glib/gi18n-lib.h>

#include "shnor-municipality.h"
#include "shnor-preflight.h"

static void
item_free (gpointer data)
{
  ShnorPreflightItem *item = data;

  g_free (item->key);
  g_free (item->column);
  g_free (item->message);
  g_free (item);
}

static ShnorPreflightItem *
add (GPtrArray            *items,
     ShnorPreflightTarget  target,
     const char           *key,
     const char           *column,
     char                 *message)
{
  ShnorPreflightItem *item = g_new0 (ShnorPreflightItem, 1);

  item->target = target;
  item->key = g_strdup (key);
  item->column = g_strdup (column);
  item->message = message;
  g_ptr_array_add (items, item);
  return item;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* The settings every order and appendix mark needs */
static void
check_settings (ShnorDocument *document,
                GPtrArray     *items,
                gboolean       signed_by_head)
{
  static const char * const keys[] = { "authority", "place", "head_name", "head_position", NULL };

  for (guint i = 0; keys[i]; i++)
    {
      g_autofree char *value = shnor_document_dup_setting (document, keys[i]);
      const ShnorField *field = shnor_municipality_field (keys[i]);

      if (!signed_by_head && g_str_has_prefix (keys[i], "head_"))
        continue;
      if (is_blank (value))
        add (items, SHNOR_PREFLIGHT_SETTINGS, keys[i], NULL,
             g_strdup_printf (_("The municipality settings have no “%s”."), _(field->label)));
    }
}

static void
check_order (ShnorDocument *document,
             gint64         id,
             GPtrArray     *items)
{
  static const struct { const char *key, *message; } texts[] = {
    { "title", N_("The order has no title.") },
    { "points", N_("The order has no points.") },
    { "position", N_("The signatory's position is empty.") },
    { "signatory", N_("The order has no signatory.") },
  };
  g_autofree char *number = shnor_document_dup_programme_text (document, id, "order_number");
  g_autofree char *date = shnor_document_dup_programme_text (document, id, "order_date");

  if (is_blank (number) || is_blank (date))
    add (items, SHNOR_PREFLIGHT_PROGRAMME, "approval", NULL,
         g_strdup (_("The order has no number and date yet: they are given when the programme is approved; "
                     "until then the documents are marked as a draft.")));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = shnor_document_dup_order_text (document, id, texts[i].key);

      if (is_blank (text))
        add (items, SHNOR_PREFLIGHT_ORDER, texts[i].key, NULL, g_strdup (_(texts[i].message)));
    }
}

static void
check_passport (ShnorDocument *document,
                gint64         id,
                GPtrArray     *items)
{
  static const char * const required[] = { "basis", "customer", "developers", "executor", "goal", "contacts", NULL };

  for (guint i = 0; required[i]; i++)
    {
      g_autofree char *text = shnor_document_dup_programme_text (document, id, required[i]);
      const ShnorField *field = shnor_programme_field (required[i]);

      if (field != NULL && is_blank (text))
        add (items, SHNOR_PREFLIGHT_PROGRAMME, "passport", required[i],
             g_strdup_printf (_("The passport field “%s” is empty."), _(field->label)));
    }
}

static void
check_parts (ShnorDocument *document,
             gint64         id,
             GPtrArray     *items)
{
  static const struct { ShnorPart part; const char *section, *message; } needed[] = {
    { SHNOR_PART_TASK, "tasks", N_("The programme has no tasks.") },
    { SHNOR_PART_RESULT, "tasks", N_("The programme has no expected results.") },
    { SHNOR_PART_INDICATOR, "indicators", N_("The programme has no target indicators.") },
    { SHNOR_PART_ACT, "acts", N_("The normative basis is empty: the preamble of the order cites nothing.") },
  };
  g_autoptr(GArray) indicators = shnor_document_get_part (document, id, SHNOR_PART_INDICATOR);

  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    {
      g_autoptr(GArray) rows = shnor_document_get_part (document, id, needed[i].part);

      if (rows->len == 0)
        add (items, SHNOR_PREFLIGHT_PROGRAMME, needed[i].section, NULL, g_strdup (_(needed[i].message)));
    }
  for (guint i = 0; i < indicators->len; i++)
    {
      const ShnorPartRow *row = &g_array_index (indicators, ShnorPartRow, i);
      g_autoptr(GArray) plan = shnor_document_get_indicator_plan (document, row->id);
      gboolean any = FALSE;

      for (guint y = 0; y < plan->len; y++)
        any |= g_array_index (plan, ShnorIndicatorYear, y).has_target;
      if (!any)
        add (items, SHNOR_PREFLIGHT_PROGRAMME, "indicators", NULL,
             g_strdup_printf (_("The indicator “%s” has no target."), row->texts[0]));
    }
}

static void
check_schools (ShnorDocument  *document,
               gint64          id,
               GPtrArray      *items)
{
  g_autoptr(GArray) chosen = shnor_document_get_programme_schools (document, id);
  g_autoptr(GArray) measures = shnor_document_get_roadmap (document, id, NULL);

  if (chosen->len == 0)
    add (items, SHNOR_PREFLIGHT_PROGRAMME, "participants", NULL,
         g_strdup (_("No school takes part in the programme: the order has no list of schools.")));
  for (guint i = 0; i < chosen->len; i++)
    {
      ShnorSchool *school = shnor_document_find_school (document, g_array_index (chosen, gint64, i));
      g_autofree char *code = school ? shnor_school_dup_text (school, "code") : NULL;

      if (school != NULL && is_blank (code))
        add (items, SHNOR_PREFLIGHT_SCHOOL, NULL, NULL,
             g_strdup_printf (_("The participating school “%s” has no code."),
                              shnor_school_get_display_name (school)))->id = shnor_school_get_id (school);
    }
  if (measures->len == 0)
    add (items, SHNOR_PREFLIGHT_PROGRAMME, "roadmap", NULL,
         g_strdup (_("The road map has no measures: the order has no road map.")));
}

/**
 * shnor_document_preflight:
 *
 * Returns: (transfer full) (element-type ShnorPreflightItem): what the
 * order approving the programme @id and its appendices still lack, in
 * the order of the document; empty when it can be signed as it is.
 */
GPtrArray *
shnor_document_preflight (ShnorDocument *document,
                          gint64         programme_id)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (item_free);
  g_autoptr(ShnorProgramme) programme = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), items);
  programme = shnor_document_dup_programme (document, programme_id);
  if (programme == NULL)
    return items;
  check_order (document, programme_id, items);
  check_settings (document, items, TRUE);
  check_passport (document, programme_id, items);
  check_parts (document, programme_id, items);
  check_schools (document, programme_id, items);
  return items;
}

/**
 * shnor_document_preflight_lists:
 *
 * Returns: (transfer full) (element-type ShnorPreflightItem): what the
 * lists of identification lack: the approving order of the active
 * criteria set, the authority.
 */
GPtrArray *
shnor_document_preflight_lists (ShnorDocument *document)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (item_free);
  g_autoptr(ShnorCriteriaSet) set = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), items);
  set = shnor_document_dup_active_criteria_set (document);
  if (set == NULL || is_blank (set->order_number) || is_blank (set->order_date))
    add (items, SHNOR_PREFLIGHT_IDENTIFICATION, NULL, NULL,
         g_strdup (_("The active criteria set has no approving order (number and date): the lists are marked as a "
                     "draft.")));
  check_settings (document, items, FALSE);
  return items;
}
