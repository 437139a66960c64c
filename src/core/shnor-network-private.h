/* shnor-network-private.h: what the network's document files share — one
 * way to change a field of a row and to delete a row, described by a
 * table of constants */
#pragma once

#include "shnor-document-network.h"

G_BEGIN_DECLS

/* Checks that the row @id may change (@column: the field about to change,
 * NULL for a deletion); sets @error when not. */
typedef gboolean (*ShnorRowCheck) (ShnorDocument  *self,
                                   gint64          id,
                                   const char     *column,
                                   GError        **error);

typedef struct {
  const char        *table;
  const ShnorField *(*fields) (guint *n_fields);
  const char        *exists;        /* "SELECT id FROM … WHERE id = ?", a literal (its statement is kept) */
  const char        *missing;       /* N_(): there is no such row */
  ShnorRowCheck      check;         /* instead of @exists; NULL: none */
  const char        *edit_label;    /* N_() */
  const char        *delete_sql;    /* "DELETE FROM … WHERE id = ?" */
  const char        *delete_label;  /* N_() */
} ShnorRowTable;

gboolean shnor_document_set_row_field (ShnorDocument        *self,
                                       const ShnorRowTable  *table,
                                       gint64                id,
                                       const char           *column,
                                       const char           *text,
                                       GError              **error);
gboolean shnor_document_delete_row    (ShnorDocument        *self,
                                       const ShnorRowTable  *table,
                                       gint64                id,
                                       GError              **error);

G_END_DECLS
