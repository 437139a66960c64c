/* shnor-schema-reference-none.c: no built-in reference, for the program
 * that makes it (shnor-schema-gen.c): the schema is then made by running
 * the steps, as for an older format. */
#include "shnor-schema-reference.h"

const unsigned char shnor_schema_reference[1] = { 0 };
const gsize shnor_schema_reference_size = 0;
