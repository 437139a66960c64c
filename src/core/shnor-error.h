/* shnor-error.h: errors a user can cause, with messages they can act on */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SHNOR_ERROR (shnor_error_quark ())

typedef enum {
  SHNOR_ERROR_NOT_FOUND,   /* the file does not exist */
  SHNOR_ERROR_NOT_SHNOR,   /* not SQLite, or SQLite of another program */
  SHNOR_ERROR_DAMAGED,     /* SQLite reports corruption */
  SHNOR_ERROR_NEWER,       /* written by a newer Shnor */
  SHNOR_ERROR_IN_USE,      /* opened by another window or program */
  SHNOR_ERROR_READ_ONLY,   /* the document cannot be changed */
  SHNOR_ERROR_INVALID,     /* a value was refused by validation */
  SHNOR_ERROR_EXISTS,      /* a new file would overwrite an existing one */
  SHNOR_ERROR_IO,          /* the disk said no */
  SHNOR_ERROR_NOTHING,     /* nothing to undo or redo */
} ShnorError;

GQuark shnor_error_quark (void);

G_END_DECLS
