/* shnor-municipality.c */
#include "config.h"
#include <glib/gi18n-lib.h>

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
