/* shnor-municipality.h: the settings of the municipality a document is of */
#pragma once

#include "shnor-field.h"

G_BEGIN_DECLS

const ShnorField *shnor_municipality_fields (guint *n_fields);

const ShnorField *shnor_municipality_field (const char *column);

gboolean          shnor_oktmo_valid         (const char  *text);
gboolean          shnor_municipality_check  (const char  *column,
                                             const char  *value,
                                             GError     **error);

G_END_DECLS
