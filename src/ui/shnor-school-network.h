/* shnor-school-network.h: a school's partnerships on its Profile: those
 * it is supported by and those it supports, each opening in «Сеть» */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_SCHOOL_NETWORK (shnor_school_network_get_type ())
G_DECLARE_FINAL_TYPE (ShnorSchoolNetwork, shnor_school_network, SHNOR, SCHOOL_NETWORK, GtkWidget)

void  shnor_school_network_set_document (ShnorSchoolNetwork *self,
                                         ShnorDocument      *document);
void  shnor_school_network_set_school   (ShnorSchoolNetwork *self,
                                         ShnorSchool        *school);
guint shnor_school_network_get_n_rows   (ShnorSchoolNetwork *self);

G_END_DECLS
