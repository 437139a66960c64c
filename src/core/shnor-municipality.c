/* shnor-municipality.c: the settings of the municipality. Some settings
 * are a form of another the documents need in a case of its own (the
 * authority in the genitive for the appendix marks, the person in charge
 * of control in the accusative): the declension proposes them, and what
 * the user types instead is kept. */
#include <string.h>
#include "config.h"
#include <glib/gi18n-lib.h>

#include "shnor-error.h"

#include "shnor-municipality.h"
#include "shnor-russian.h"

static const ShnorField municipality_fields[] = {
  { "region",             SHNOR_FIELD_TEXT,  N_("Region"), 0, 0, FALSE },
  { "municipality",       SHNOR_FIELD_TEXT,  N_("Municipality"), 0, 0, FALSE },
  { "authority",          SHNOR_FIELD_TEXT,  N_("Education authority (full name)"), 0, 0, FALSE },
  /* empty: proposed from "authority" */
  { "authority_genitive", SHNOR_FIELD_TEXT,  N_("The authority in the genitive (“the order of …”)"), 0, 0, FALSE },
  { "place",              SHNOR_FIELD_TEXT,  N_("Place of issue of the orders (settlement)"), 0, 0, FALSE },
  { "head_name",          SHNOR_FIELD_TEXT,  N_("Head: name"), 0, 0, FALSE },
  { "head_position",      SHNOR_FIELD_TEXT,  N_("Head: position"), 0, 0, FALSE },
  { "control_name",       SHNOR_FIELD_TEXT,  N_("In charge of the control of orders: name (empty: the head)"), 0, 0,
    FALSE },
  { "control_position",   SHNOR_FIELD_TEXT,  N_("In charge of the control of orders: position"), 0, 0, FALSE },
  /* empty: proposed from "control_position" and "control_name" */
  { "control_accusative", SHNOR_FIELD_TEXT,  N_("The same in the accusative (“entrust the control to …”)"), 0, 0,
    FALSE },
  { "address",            SHNOR_FIELD_TEXT,  N_("Address"), 0, 0, FALSE },
  { "phone",              SHNOR_FIELD_TEXT,  N_("Phone"), 0, 0, FALSE },
  { "email",              SHNOR_FIELD_EMAIL, N_("E-mail"), 0, 0, FALSE },
  /* empty: the first installed of PT Astra Serif, Times New Roman,
   * Liberation Serif */
  { "document_font",      SHNOR_FIELD_TEXT,  N_("Font of the documents"), 0, 0, FALSE },
  /* "20" or "30" (ГОСТ Р 7.0.97 allows both); empty: 20 */
  { "margin_left",        SHNOR_FIELD_TEXT,  N_("Left margin of the documents"), 0, 0, FALSE },
  /* the exchange with the region (shnor-region.c): the municipality's key there */
  { "oktmo",              SHNOR_FIELD_TEXT,  N_("Municipality code (ОКТМО)"), 0, 0, FALSE },
};

const ShnorField *
shnor_municipality_fields (guint *n_fields)
{
  if (n_fields != NULL)
    *n_fields = G_N_ELEMENTS (municipality_fields);
  return municipality_fields;
}

const ShnorField *
shnor_municipality_field (const char *column)
{
  return shnor_field_find (municipality_fields, G_N_ELEMENTS (municipality_fields), column);
}

/**
 * shnor_municipality_proposal_sources:
 *
 * Returns: (transfer none): the settings the form @key is proposed from,
 * or NULL when @key is not a proposed form.
 */
const char *const *
shnor_municipality_proposal_sources (const char *key)
{
  static const char * const authority[] = { "authority", NULL };
  static const char * const control[] = { "control_position", "control_name", NULL };

  if (g_strcmp0 (key, "authority_genitive") == 0)
    return authority;
  if (g_strcmp0 (key, "control_accusative") == 0)
    return control;
  return NULL;
}

static const char *
value_of (ShnorSettingLookup  lookup,
          gpointer            data,
          const char         *key)
{
  const char *value = lookup (data, key);

  return value ? value : "";
}

/**
 * shnor_municipality_propose:
 * @lookup: gives the settings as they stand (saved, or typed in a form)
 *
 * Returns: (transfer full): the proposed text of the form @key:
 * «Управления образования администрации …» from the authority,
 * «заместителя начальника управления образования Петрову Е. А.» from the
 * position and name in charge of control; "" when there is nothing to
 * propose it from.
 */
char *
shnor_municipality_propose (const char         *key,
                            ShnorSettingLookup  lookup,
                            gpointer            data)
{
  g_return_val_if_fail (lookup != NULL, g_strdup (""));
  if (g_strcmp0 (key, "authority_genitive") == 0)
    {
      g_autofree char *clean = g_strstrip (g_strdup (value_of (lookup, data, "authority")));

      return shnor_russian_decline_phrase (clean, SHNOR_CASE_GENITIVE, FALSE);
    }
  if (g_strcmp0 (key, "control_accusative") == 0)
    {
      g_autofree char *name = g_strstrip (g_strdup (value_of (lookup, data, "control_name")));
      g_autofree char *position = g_strstrip (g_strdup (value_of (lookup, data, "control_position")));
      g_autofree char *short_name = NULL;
      g_autofree char *who = NULL;
      g_autofree char *post = NULL;
      g_autofree char *lower = NULL;

      if (name[0] == '\0')
        return g_strdup ("");
      short_name = shnor_russian_short_name (name, FALSE);
      who = shnor_russian_decline_name (short_name, SHNOR_CASE_ACCUSATIVE);
      if (position[0] == '\0')
        return g_steal_pointer (&who);
      post = shnor_russian_decline_phrase (position, SHNOR_CASE_ACCUSATIVE, TRUE);
      lower = shnor_russian_lower_first (post);
      return g_strdup_printf ("%s %s", lower, who);
    }
  return g_strdup ("");
}

/* ---- the exchange with the region ----------------------------------- */

/* ОКТМО of a municipal formation: 8 digits, or 11 for a settlement. */
gboolean
shnor_oktmo_valid (const char *text)
{
  gsize n = text ? strlen (text) : 0;

  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return n == 8 || n == 11;
}

/**
 * shnor_municipality_check:
 * @value: the parsed text of the setting @column
 *
 * What the field's kind cannot say: the ОКТМО code, when given, is one.
 */
gboolean
shnor_municipality_check (const char  *column,
                          const char  *value,
                          GError     **error)
{
  if (g_str_equal (column, "oktmo") && value[0] != '\0' && !shnor_oktmo_valid (value))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("“%s” is not an ОКТМО code: it has 8 digits (11 for a settlement), for example 46701000."),
                   value);
      return FALSE;
    }
  return TRUE;
}
