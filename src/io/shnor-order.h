/* shnor-order.h: the order approving a programme, with its appendices,
 * as A4 pages for the preview, the printer and PDF */
#pragma once

#include <cairo.h>
#include "shnor-document.h"

G_BEGIN_DECLS

typedef struct _ShnorOrder ShnorOrder;

ShnorOrder *shnor_order_new           (ShnorDocument  *document,
                                       gint64          id,
                                       GError        **error);
void        shnor_order_free          (ShnorOrder     *order);
guint       shnor_order_get_n_pages   (ShnorOrder     *order);
void        shnor_order_get_page_size (ShnorOrder     *order,
                                       guint           page,
                                       double         *width,
                                       double         *height);
const char *shnor_order_get_family    (ShnorOrder     *order);
void        shnor_order_draw_page     (ShnorOrder     *order,
                                       cairo_t        *cr,
                                       guint           page);
gboolean    shnor_order_write_pdf     (ShnorOrder     *order,
                                       const char     *path,
                                       GError        **error);
gboolean    shnor_export_order_pdf    (ShnorDocument  *document,
                                       gint64          id,
                                       const char     *path,
                                       GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShnorOrder, shnor_order_free)

G_END_DECLS
