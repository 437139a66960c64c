/* shnor-network-diagram.h: the diagram of the network — the supported
 * schools on the left, their partners (schools and organisations) on the
 * right, a line for every partnership, as wide as it has joint events —
 * drawn with Cairo by one function for the widget and the PNG/SVG/PDF
 * files */
#pragma once

#include <cairo.h>
#include "shnor-document-network.h"

G_BEGIN_DECLS

typedef struct _ShnorNetworkDiagram ShnorNetworkDiagram;

ShnorNetworkDiagram *shnor_network_diagram_new        (ShnorDocument             *document,
                                                       gboolean                   with_ended);
void                 shnor_network_diagram_free       (ShnorNetworkDiagram       *diagram);
guint                shnor_network_diagram_get_n_links (const ShnorNetworkDiagram *diagram);
void                 shnor_network_diagram_set_dark   (ShnorNetworkDiagram       *diagram,
                                                       gboolean                   dark);
void                 shnor_network_diagram_set_selected (ShnorNetworkDiagram     *diagram,
                                                       gint64                     partnership_id);
int                  shnor_network_diagram_get_height (const ShnorNetworkDiagram *diagram);
void                 shnor_network_diagram_draw       (cairo_t                   *cr,
                                                       int                        width,
                                                       int                        height,
                                                       const ShnorNetworkDiagram *diagram);
gint64               shnor_network_diagram_hit        (const ShnorNetworkDiagram *diagram,
                                                       int                        width,
                                                       int                        height,
                                                       double                     x,
                                                       double                     y);
char                *shnor_network_diagram_describe   (const ShnorNetworkDiagram *diagram,
                                                       gint64                     partnership_id);
gboolean             shnor_network_diagram_save       (const ShnorNetworkDiagram *diagram,
                                                       const char                *path,
                                                       GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShnorNetworkDiagram, shnor_network_diagram_free)

G_END_DECLS
