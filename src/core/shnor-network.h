/* shnor-network.h: the network of support of seeds 000, 001 and 003 —
 * partner organisations, partnerships («сетевые пары») of a supported
 * school with a school or an organisation and their joint events,
 * mentoring pairs, courses of professional development, and the bank of
 * best practices with its attached files: the codes stored in the file
 * (never renumber them), their labels, the fields a user edits, and the
 * rules that need no file (attachment types and limits, search queries). */
#pragma once

#include <glib.h>
#include "shnor-field.h"

G_BEGIN_DECLS

typedef enum {
  SHNOR_ORGANISATION_UNIVERSITY = 0,  /* вуз */
  SHNOR_ORGANISATION_COLLEGE,         /* СПО */
  SHNOR_ORGANISATION_PPMS,            /* ППМС-центр */
  SHNOR_ORGANISATION_INSTITUTE,       /* ИРО / ИПК */
  SHNOR_ORGANISATION_CULTURE,         /* учреждение культуры */
  SHNOR_ORGANISATION_OTHER,
  SHNOR_N_ORGANISATION_KINDS
} ShnorOrganisationKind;

/* What the partner is to the supported school */
typedef enum {
  SHNOR_PARTNER_MENTOR = 0,       /* школа-наставник */
  SHNOR_PARTNER_CONSULTANT,       /* школа-консультант */
  SHNOR_PARTNER_INTERNSHIP,       /* стажировочная площадка */
  SHNOR_PARTNER_OTHER,            /* партнёр */
  SHNOR_N_PARTNER_ROLES
} ShnorPartnerRole;

typedef enum {
  SHNOR_PARTNERSHIP_PLANNED = 0,
  SHNOR_PARTNERSHIP_ACTIVE,
  SHNOR_PARTNERSHIP_ENDED,
  SHNOR_N_PARTNERSHIP_STATUSES
} ShnorPartnershipStatus;

typedef enum {
  SHNOR_EVENT_VISIT = 0,
  SHNOR_EVENT_OPEN_LESSON,
  SHNOR_EVENT_CONSULTATION,
  SHNOR_EVENT_SEMINAR,
  SHNOR_EVENT_INTERNSHIP,
  SHNOR_EVENT_OTHER,
  SHNOR_N_EVENT_FORMS
} ShnorEventForm;

typedef enum {
  SHNOR_PRACTICE_PROPOSED = 0,
  SHNOR_PRACTICE_REVIEWED,
  SHNOR_PRACTICE_INCLUDED,
  SHNOR_N_PRACTICE_STATUSES
} ShnorPracticeStatus;

/* An attached file may be this large, and a card's files together this
 * large: the municipality file travels by mail and on USB sticks. */
#define SHNOR_ATTACHMENT_MAX_SIZE (20 * 1024 * 1024)
#define SHNOR_PRACTICE_MAX_FILES_SIZE (50 * 1024 * 1024)

const char       *shnor_organisation_kind_label  (ShnorOrganisationKind  kind);
const char       *shnor_partner_role_label       (ShnorPartnerRole       role);
const char       *shnor_partnership_status_label (ShnorPartnershipStatus status);
const char       *shnor_event_form_label         (ShnorEventForm         form);
const char       *shnor_practice_status_label    (ShnorPracticeStatus    status);
GStrv             shnor_network_dup_choices      (const ShnorField      *field);

const ShnorField *shnor_organisation_fields      (guint *n_fields);
const ShnorField *shnor_partnership_fields       (guint *n_fields);
gboolean          shnor_partnership_field_is_plan (const char *column);
const ShnorField *shnor_event_fields             (guint *n_fields);
const ShnorField *shnor_mentoring_fields         (guint *n_fields);
const ShnorField *shnor_course_fields            (guint *n_fields);
const ShnorField *shnor_practice_fields          (guint *n_fields);
const ShnorField *shnor_staff_fields             (guint *n_fields);
const ShnorField *shnor_network_field            (const ShnorField *(*table) (guint *n_fields),
                                                  const char       *column);
int               shnor_fields_index             (const ShnorField *fields,
                                                  guint             n_fields,
                                                  const char       *column);

char             *shnor_format_file_size         (gint64            bytes);
const char       *shnor_attachment_check         (const char       *name,
                                                  const guint8     *head,
                                                  gsize             length,
                                                  GError          **error);
char             *shnor_attachment_clean_name    (const char       *name);
char             *shnor_practice_match_query     (const char       *text);
char             *shnor_fold_yo                  (const char       *text);
GStrv             shnor_split_list               (const char       *text);

/* Target indicators that count the network (see shnor_document_network_actual) */
const char * const *shnor_network_bindings       (void);
gboolean          shnor_network_binding_is       (const char       *binding);
char             *shnor_network_binding_describe (const char       *binding);
gboolean          shnor_network_binding_table    (const char       *table);

G_END_DECLS
