/* shnor-document-network.h: the network of support in the file —
 * partner organisations, partnerships and their joint events, the staff
 * of the schools, mentoring pairs, courses (shnor-document-network.c),
 * the suggested mentor schools (shnor-document-suggest.c) and the bank of
 * best practices (shnor-document-practices.c). Every edit is one undo
 * step; the plan of a partnership bound to an approved programme is
 * read-only, its execution (status, note, joint events) is recorded. */
#pragma once

#include "shnor-document.h"
#include "shnor-network.h"
#include "shnor-practice.h"

G_BEGIN_DECLS

/* ---- partner organisations -------------------------------------------- */

typedef struct {
  gint64                 id;
  ShnorOrganisationKind  kind;
  GStrv                  texts;   /* one per shnor_organisation_fields () */
  guint                  n_partnerships;
} ShnorOrganisation;

GArray        *shnor_document_get_organisations (ShnorDocument *self);
gint64         shnor_document_add_organisation  (ShnorDocument *self,
                                                 const char    *name,
                                                 ShnorOrganisationKind kind,
                                                 GError       **error);
gboolean       shnor_document_set_organisation_field (ShnorDocument *self,
                                                 gint64         id,
                                                 const char    *column,
                                                 const char    *text,
                                                 GError       **error);
gboolean       shnor_document_delete_organisation (ShnorDocument *self,
                                                 gint64         id,
                                                 GError       **error);

/* ---- partnerships ------------------------------------------------------ */

typedef struct {
  gint64                  id;
  gint64                  school_id;          /* the supported school */
  gint64                  partner_school_id;  /* 0: the partner is an organisation */
  gint64                  organisation_id;    /* 0: the partner is a school */
  gint64                  programme_id;       /* 0: not bound to a programme */
  ShnorPartnerRole        role;
  ShnorPartnershipStatus  status;
  GStrv                   texts;              /* one per shnor_partnership_fields () */
  char                   *school_name;        /* short names, as the lists show them */
  char                   *partner_name;
  char                   *partner_kind;       /* "school" or the organisation's kind */
  char                   *programme_title;    /* "" when not bound */
  guint                   n_events;
  char                   *last_event;         /* ISO date or "" */
  gboolean                locked;             /* its programme is approved (not yet archived): the plan is read-only */
} ShnorPartnership;

typedef struct {
  gint64          id;
  gint64          partnership_id;
  ShnorEventForm  form;
  GStrv           texts;                      /* one per shnor_event_fields () */
} ShnorJointEvent;

GArray        *shnor_document_get_partnerships  (ShnorDocument *self,
                                                 gint64         school_id);
gboolean       shnor_document_get_partnership   (ShnorDocument *self,
                                                 gint64         id,
                                                 ShnorPartnership *out);
void           shnor_partnership_clear          (ShnorPartnership *partnership);
gint64         shnor_document_add_partnership   (ShnorDocument *self,
                                                 gint64         school_id,
                                                 gint64         partner_school_id,
                                                 gint64         organisation_id,
                                                 ShnorPartnerRole role,
                                                 GError       **error);
gboolean       shnor_document_set_partnership_field (ShnorDocument *self,
                                                 gint64         id,
                                                 const char    *column,
                                                 const char    *text,
                                                 GError       **error);
gboolean       shnor_document_set_partnership_programme (ShnorDocument *self,
                                                 gint64         id,
                                                 gint64         programme_id,
                                                 GError       **error);
GArray        *shnor_document_get_partnership_measures (ShnorDocument *self,
                                                 gint64         id);
gboolean       shnor_document_set_partnership_measure (ShnorDocument *self,
                                                 gint64         id,
                                                 gint64         measure_id,
                                                 gboolean       on,
                                                 GError       **error);
gboolean       shnor_document_delete_partnership (ShnorDocument *self,
                                                 gint64         id,
                                                 GError       **error);
GArray        *shnor_document_get_joint_events  (ShnorDocument *self,
                                                 gint64         partnership_id);
gint64         shnor_document_add_joint_event   (ShnorDocument *self,
                                                 gint64         partnership_id,
                                                 const char    *date,
                                                 ShnorEventForm form,
                                                 GError       **error);
gboolean       shnor_document_set_joint_event_field (ShnorDocument *self,
                                                 gint64         id,
                                                 const char    *column,
                                                 const char    *text,
                                                 GError       **error);
gboolean       shnor_document_delete_joint_event (ShnorDocument *self,
                                                 gint64         id,
                                                 GError       **error);

/* ---- the staff of the schools, mentoring, courses ----------------------- */

typedef struct {
  gint64  id;
  gint64  school_id;      /* 0: not at a school of the file */
  char   *name;
  char   *position;
  char   *organisation;
  char   *subjects;
  char   *school_name;    /* the school's short name, or the organisation typed */
  guint   n_courses;
} ShnorStaffMember;

typedef struct {
  gint64  id;
  gint64  mentor_id;
  gint64  mentee_id;
  GStrv   texts;          /* one per shnor_mentoring_fields () */
  char   *mentor_name;
  char   *mentee_name;
  char   *mentor_school;
  char   *mentee_school;
} ShnorMentoring;

typedef struct {
  gint64  id;
  gint64  person_id;
  GStrv   texts;          /* one per shnor_course_fields () */
  char   *person_name;
  char   *school_name;
} ShnorCourse;

GArray        *shnor_document_get_staff         (ShnorDocument *self,
                                                 gint64         school_id);
gboolean       shnor_document_set_person_school (ShnorDocument *self,
                                                 gint64         id,
                                                 gint64         school_id,
                                                 GError       **error);
gboolean       shnor_document_set_staff_field   (ShnorDocument *self,
                                                 gint64         id,
                                                 const char    *column,
                                                 const char    *text,
                                                 GError       **error);
gboolean       shnor_document_check_person_unused (ShnorDocument *self,
                                                 gint64         id,
                                                 GError       **error);
GArray        *shnor_document_get_mentoring     (ShnorDocument *self);
gint64         shnor_document_add_mentoring     (ShnorDocument *self,
                                                 gint64         mentor_id,
                                                 gint64         mentee_id,
                                                 GError       **error);
gboolean       shnor_document_set_mentoring_field (ShnorDocument *self,
                                                 gint64         id,
                                                 const char    *column,
                                                 const char    *text,
                                                 GError       **error);
gboolean       shnor_document_delete_mentoring  (ShnorDocument *self,
                                                 gint64         id,
                                                 GError       **error);
GArray        *shnor_document_get_courses       (ShnorDocument *self,
                                                 gint64         person_id);
gint64         shnor_document_add_course        (ShnorDocument *self,
                                                 gint64         person_id,
                                                 const char    *title,
                                                 GError       **error);
gboolean       shnor_document_set_course_field  (ShnorDocument *self,
                                                 gint64         id,
                                                 const char    *column,
                                                 const char    *text,
                                                 GError       **error);
gboolean       shnor_document_delete_course     (ShnorDocument *self,
                                                 gint64         id,
                                                 GError       **error);
gboolean       shnor_document_network_actual    (ShnorDocument *self,
                                                 gint64         programme_id,
                                                 const char    *binding,
                                                 int            year,
                                                 double        *value);

/* ---- suggested mentor schools (shnor-document-suggest.c) ----------------- */

typedef struct {
  gint64  school_id;
  double  score;          /* higher first; only the order means something */
  GStrv   reasons;        /* why, in the user's words, strongest first */
  char   *subjects;       /* the subjects of the evidence, for the partnership */
} ShnorMentorSuggestion;

GArray        *shnor_document_suggest_mentors   (ShnorDocument *self,
                                                 gint64         school_id);
gint64         shnor_document_accept_suggestion (ShnorDocument *self,
                                                 gint64         school_id,
                                                 const ShnorMentorSuggestion *suggestion,
                                                 GError       **error);

/* ---- the bank of best practices (shnor-document-practices.c) ------------- */

typedef struct {
  gint64  id;
  char   *name;
  char   *type;           /* MIME type */
  gint64  size;
} ShnorAttachment;

typedef struct {
  gint64  id;
  gint64  school_id;      /* 0: none */
  ShnorPracticeStatus status;
  GStrv   texts;          /* one per shnor_practice_fields () */
  char   *school_name;
  GArray *files;          /* of ShnorAttachment, in the order attached */
} ShnorPracticeCard;

GListModel    *shnor_document_search_practices  (ShnorDocument *self,
                                                 const char    *text,
                                                 const char    *subject,
                                                 const char    *direction,
                                                 int            status);
guint          shnor_document_count_practices   (ShnorDocument *self);
GStrv          shnor_document_list_practice_values (ShnorDocument *self,
                                                 const char    *column);
gboolean       shnor_document_get_practice      (ShnorDocument *self,
                                                 gint64         id,
                                                 ShnorPracticeCard *out);
void           shnor_practice_card_clear        (ShnorPracticeCard *card);
gint64         shnor_document_add_practice      (ShnorDocument *self,
                                                 const char    *title,
                                                 gint64         school_id,
                                                 GError       **error);
gboolean       shnor_document_set_practice_field (ShnorDocument *self,
                                                 gint64         id,
                                                 const char    *column,
                                                 const char    *text,
                                                 GError       **error);
gboolean       shnor_document_set_practice_school (ShnorDocument *self,
                                                 gint64         id,
                                                 gint64         school_id,
                                                 GError       **error);
gboolean       shnor_document_delete_practice   (ShnorDocument *self,
                                                 gint64         id,
                                                 GError       **error);
gint64         shnor_document_attach_bytes      (ShnorDocument *self,
                                                 gint64         practice_id,
                                                 const char    *name,
                                                 GBytes        *contents,
                                                 GError       **error);
gint64         shnor_document_attach_file       (ShnorDocument *self,
                                                 gint64         practice_id,
                                                 const char    *path,
                                                 GError       **error);
GBytes        *shnor_document_read_attachment   (ShnorDocument *self,
                                                 gint64         file_id,
                                                 GError       **error);
gboolean       shnor_document_save_attachment   (ShnorDocument *self,
                                                 gint64         file_id,
                                                 const char    *path,
                                                 GError       **error);
gboolean       shnor_document_delete_attachment (ShnorDocument *self,
                                                 gint64         file_id,
                                                 GError       **error);

G_END_DECLS
