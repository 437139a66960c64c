/* shnor-bank-export.h: the bank of best practices as a catalogue (XLSX),
 * alone or in a folder with the attached files */
#pragma once

#include "shnor-document-network.h"

G_BEGIN_DECLS

gboolean shnor_export_bank_xlsx   (ShnorDocument  *document,
                                   int             status,
                                   const char     *path,
                                   GError        **error);
gboolean shnor_export_bank_folder (ShnorDocument  *document,
                                   int             status,
                                   const char     *folder,
                                   GError        **error);

G_END_DECLS
