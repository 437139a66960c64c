/* shnor-fonts.h: the official serif face of the documents, found with
 * fontconfig: the family the settings name when it is installed, else the
 * first installed of PT Astra Serif, Times New Roman, Liberation Serif */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void                shnor_fonts_prepare       (void);
const char * const *shnor_fonts_official      (void);
gboolean            shnor_fonts_is_installed  (const char *family);
GStrv               shnor_fonts_list_families (void);
char               *shnor_fonts_resolve       (const char *wanted);

G_END_DECLS
