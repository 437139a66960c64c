/* shnor-context.h: a school's yearly context data (контекстные данные),
 * the inputs of the social-disadvantage index */
#pragma once

#include <glib.h>
#include "shnor-field.h"

G_BEGIN_DECLS

/* Field 0 is the year; the others are the values of a row. */
#define SHNOR_CONTEXT_N_VALUES 8

typedef struct {
  gint64   id;
  int      year;
  gboolean known[SHNOR_CONTEXT_N_VALUES];
  double   value[SHNOR_CONTEXT_N_VALUES];
} ShnorContextRow;

const ShnorField *shnor_context_fields (guint *n_fields);

const ShnorField *shnor_context_field (const char *column);

G_END_DECLS
