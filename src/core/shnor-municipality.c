/* shnor-municipality.c */
#include <string.h>
#include "config.h"
#include <glib/gi18n-lib.h>

#include "shnor-error.h"

#include "shnor-municipality.h"

static const ShnorField municipality_fields[] = {
  { "region",        SHNOR_FIELD_TEXT,  N_("Region"), 0, 0, FALSE },
  { "municipality",  SHNOR_FIELD_TEXT,  N_("Municipality"), 0, 0, FALSE },
  { "authority",     SHNOR_FIELD_TEXT,  N_("Education authority (full name)"), 0, 0, FALSE },
  { "head_name",     SHNOR_FIELD_TEXT,  N_("Head: name"), 0, 0, FALSE },
  { "head_position", SHNOR_FIELD_TEXT,  N_("Head: position"), 0, 0, FALSE },
  { "address",       SHNOR_FIELD_TEXT,  N_("Address"), 0, 0, FALSE },
  { "phone",         SHNOR_FIELD_TEXT,  N_("Phone"), 0, 0, FALSE },
  { "email",         SHNOR_FIELD_EMAIL, N_("E-mail"), 0, 0, FALSE },
  /* empty: Times New Roman */
  { "document_font",  SHNOR_FIELD_TEXT,  N_("Font of the documents (Times New Roman when empty)"), 0, 0, FALSE },
  /* the exchange with the region (shnor-region.c): the municipality's key there */
  { "oktmo",         SHNOR_FIELD_TEXT,  N_("Municipality code (ОКТМО)"), 0, 0, FALSE },
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
