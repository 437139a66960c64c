/* shnor-preflight-list.h: what a document still lacks, a line each, with
 * a button to the place where it is filled in */
#pragma once

#include <gtk/gtk.h>
#include "shnor-preflight.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_PREFLIGHT_LIST (shnor_preflight_list_get_type ())
G_DECLARE_FINAL_TYPE (ShnorPreflightList, shnor_preflight_list, SHNOR, PREFLIGHT_LIST, GtkWidget)

GtkWidget                *shnor_preflight_list_new       (void);
void                      shnor_preflight_list_set_items (ShnorPreflightList *self,
                                                          GPtrArray          *items);
guint                     shnor_preflight_list_get_n_items (ShnorPreflightList *self);
const ShnorPreflightItem *shnor_preflight_list_get_item  (ShnorPreflightList *self,
                                                          guint               index);
GtkWidget                *shnor_preflight_list_get_button (ShnorPreflightList *self,
                                                          guint               index);

G_END_DECLS
