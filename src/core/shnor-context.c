/* shnor-context.c */
#include "config.h"
#include <glib/gi18n-lib.h>

#include "shnor-context.h"

static const ShnorField context_fields[] = {
  { "year",                SHNOR_FIELD_INT,  N_("Year"), 1990, 2100, TRUE, NULL },
  { "pupils",              SHNOR_FIELD_INT,  N_("Pupils"), 0, 100000, FALSE, N_("Pupils, number") },
  { "teachers",            SHNOR_FIELD_INT,  N_("Teachers"), 0, 10000, FALSE, N_("Teachers, number") },
  { "share_low_income",    SHNOR_FIELD_REAL, N_("Pupils from low-income families, %"), 0, 100, FALSE,
    N_("Low income, %") },
  { "share_low_education", SHNOR_FIELD_REAL, N_("Pupils whose parents have low education, %"), 0, 100, FALSE,
    N_("Low education, %") },
  { "share_non_native",    SHNOR_FIELD_REAL, N_("Pupils with non-native Russian, %"), 0, 100, FALSE,
    N_("Non-native, %") },
  { "share_disabilities",  SHNOR_FIELD_REAL, N_("Pupils with disabilities (ОВЗ), %"), 0, 100, FALSE,
    N_("ОВЗ, %") },
  { "share_registered",    SHNOR_FIELD_REAL, N_("Pupils registered with КДН/ПДН, %"), 0, 100, FALSE,
    N_("КДН/ПДН, %") },
  { "distance_km",         SHNOR_FIELD_REAL, N_("Distance to the district centre, km"), 0, 5000, FALSE,
    N_("Distance, km") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (context_fields) == SHNOR_CONTEXT_N_VALUES + 1);

const ShnorField *
shnor_context_fields (guint *n_fields)
{
  if (n_fields != NULL)
    *n_fields = G_N_ELEMENTS (context_fields);
  return context_fields;
}

const ShnorField *
shnor_context_field (const char *column)
{
  return shnor_field_find (context_fields, G_N_ELEMENTS (context_fields), column);
}
