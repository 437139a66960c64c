/* shnor-schema-reference.h: the expected schema of the current format,
 * made when Shnor is built (see shnor-schema-gen.c) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An empty SQLite database of the current format, as sqlite3_serialize()
 * writes it; a size of 0 in the program that makes it. */
extern const unsigned char shnor_schema_reference[];
extern const gsize shnor_schema_reference_size;

G_END_DECLS
