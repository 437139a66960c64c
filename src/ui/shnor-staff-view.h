/* shnor-staff-view.h: the teachers of the schools, their mentoring pairs
 * and courses of professional development, and the register of partner
 * organisations */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_STAFF_VIEW (shnor_staff_view_get_type ())
G_DECLARE_FINAL_TYPE (ShnorStaffView, shnor_staff_view, SHNOR, STAFF_VIEW, GtkWidget)

void       shnor_staff_view_set_document (ShnorStaffView *self,
                                          ShnorDocument  *document);
GtkWidget *shnor_staff_view_get_child    (ShnorStaffView *self,
                                          const char     *name);

G_END_DECLS
