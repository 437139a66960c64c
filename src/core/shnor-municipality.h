/* shnor-municipality.h: the settings of the municipality a document is of */
#pragma once

#include "shnor-field.h"

G_BEGIN_DECLS

const ShnorField *shnor_municipality_fields (guint *n_fields);

const ShnorField *shnor_municipality_field (const char *column);

/* The value of the setting @key as the settings stand (saved or typed) */
typedef const char *(*ShnorSettingLookup) (gpointer    data,
                                           const char *key);

const char *const *shnor_municipality_proposal_sources (const char         *key);
char              *shnor_municipality_propose          (const char         *key,
                                                        ShnorSettingLookup  lookup,
                                                        gpointer            data);

gboolean          shnor_oktmo_valid         (const char  *text);
gboolean          shnor_municipality_check  (const char  *column,
                                             const char  *value,
                                             GError     **error);

G_END_DECLS
