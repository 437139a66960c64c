/* shnor-error.c */
#include "shnor-error.h"

G_DEFINE_QUARK (shnor-error-quark, shnor_error)
