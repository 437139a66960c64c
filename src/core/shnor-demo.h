/* shnor-demo.h: the fictional demo municipality */
#pragma once

#include "shnor-document.h"

G_BEGIN_DECLS

gboolean shnor_demo_fill  (ShnorDocument  *document,
                           GError        **error);
gboolean shnor_demo_write (const char     *path,
                           GError        **error);

G_END_DECLS
