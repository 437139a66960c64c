/* shnor-preflight.h: what a document still lacks before it can be signed
 * (no order number, no head, an empty passport field, a school without a
 * code, an indicator without a target), each with the place to fix it */
#pragma once

#include "shnor-document.h"

G_BEGIN_DECLS

typedef enum {
  SHNOR_PREFLIGHT_SETTINGS = 0,  /* @key: a municipality setting */
  SHNOR_PREFLIGHT_PROGRAMME,     /* @key: a section of the programme; @column: a passport field or NULL */
  SHNOR_PREFLIGHT_ORDER,         /* @key: a text of the order */
  SHNOR_PREFLIGHT_SCHOOL,        /* @id: a school of the registry */
  SHNOR_PREFLIGHT_IDENTIFICATION,/* the active criteria set */
} ShnorPreflightTarget;

typedef struct {
  ShnorPreflightTarget  target;
  char                 *key;
  char                 *column;
  gint64                id;
  char                 *message;   /* in the interface's language */
} ShnorPreflightItem;

GPtrArray *shnor_document_preflight       (ShnorDocument *document,
                                           gint64         programme_id);
GPtrArray *shnor_document_preflight_lists (ShnorDocument *document);

G_END_DECLS
