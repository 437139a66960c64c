/* shnor-overview-item.h: one school's row in the municipal overview */
#pragma once

#include "shnor-school.h"
#include "shnor-result.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_OVERVIEW_ITEM (shnor_overview_item_get_type ())
G_DECLARE_FINAL_TYPE (ShnorOverviewItem, shnor_overview_item, SHNOR, OVERVIEW_ITEM, GObject)

ShnorOverviewItem       *shnor_overview_item_new       (ShnorSchool             *school,
                                                        const ShnorOverviewLine *line);
ShnorSchool             *shnor_overview_item_get_school (ShnorOverviewItem      *self);
const ShnorOverviewLine *shnor_overview_item_get_line  (ShnorOverviewItem       *self);
int                      shnor_overview_item_compare   (ShnorOverviewItem       *a,
                                                        ShnorOverviewItem       *b,
                                                        int                      column);

G_END_DECLS
