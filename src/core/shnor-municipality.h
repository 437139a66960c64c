/* shnor-municipality.h: the settings of the municipality a document is of */
#pragma once

#include "shnor-field.h"

G_BEGIN_DECLS

const ShnorField *shnor_municipality_fields (guint *n_fields);

const ShnorField *shnor_municipality_field (const char *column);

G_END_DECLS
