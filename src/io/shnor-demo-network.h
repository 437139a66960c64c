/* shnor-demo-network.h: the network of the demo municipality — partner
 * organisations, network pairs with their joint events, teachers,
 * mentoring pairs, courses and a bank of practices whose attached files
 * (PDF and PNG) are drawn here with Cairo */
#pragma once

#include "shnor-document-network.h"

G_BEGIN_DECLS

gboolean shnor_demo_network_fill  (ShnorDocument  *document,
                                   GError        **error);
gboolean shnor_demo_network_write (const char     *path,
                                   GError        **error);
GBytes  *shnor_demo_pdf           (const char     *title,
                                   const char     *body);
GBytes  *shnor_demo_png           (const char     *title,
                                   const double   *values,
                                   guint           n_values);

G_END_DECLS
