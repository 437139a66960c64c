/* shnor-appendix-private.h: what the plans of shnor-appendix-programme.c
 * and shnor-appendix-lists.c share from shnor-appendix-plan.c */
#pragma once

#include "shnor-appendix-plan.h"

G_BEGIN_DECLS

ShnorAppendixPlan *shnor_appendix_plan_new   (ShnorDocument     *document,
                                              const char        *date,
                                              const char        *number,
                                              gboolean           draft);
const char        *shnor_doc_group_label     (ShnorGroup         group);
char              *shnor_doc_format_money    (double             value);
char              *shnor_doc_describe_reason (ShnorDocument     *document,
                                              const ShnorReason *reason);

ShnorAppendix     *shnor_appendix_network    (ShnorDocument     *document,
                                              gint64             id);

G_END_DECLS
