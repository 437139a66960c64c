/* shnor-programme.h: a support programme (municipal or a school's): its
 * passport fields, the parts it is made of (tasks, expected results,
 * target indicators, risks, stages, normative acts), the choices of its
 * fields, and how an indicator's achievement is judged */
#pragma once

#include <glib-object.h>
#include "shnor-field.h"

G_BEGIN_DECLS

typedef enum {
  SHNOR_PROGRAMME_MUNICIPAL = 0,
  SHNOR_PROGRAMME_SCHOOL = 1,
} ShnorProgrammeLevel;

typedef enum {
  SHNOR_PROGRAMME_DRAFT = 0,
  SHNOR_PROGRAMME_APPROVED = 1,
  SHNOR_PROGRAMME_ARCHIVED = 2,
} ShnorProgrammeStatus;

/* What "New programme" offers */
typedef enum {
  SHNOR_TEMPLATE_MUNICIPAL_SUPPORT = 0,
  SHNOR_TEMPLATE_TRANSITION = 1,
  SHNOR_TEMPLATE_ANTI_RISK = 2,
  SHNOR_N_TEMPLATES
} ShnorProgrammeTemplate;

/* The ordered parts of a programme, each a table of rows */
typedef enum {
  SHNOR_PART_TASK = 0,
  SHNOR_PART_RESULT,
  SHNOR_PART_INDICATOR,
  SHNOR_PART_RISK,
  SHNOR_PART_STAGE,
  SHNOR_PART_ACT,
  SHNOR_N_PARTS
} ShnorPart;

typedef enum {
  SHNOR_SOURCE_FEDERAL = 0,
  SHNOR_SOURCE_REGIONAL,
  SHNOR_SOURCE_LOCAL,
  SHNOR_SOURCE_OTHER,
  SHNOR_N_SOURCES
} ShnorFundingSource;

/* A target is exact, or a bound; stored as these numbers */
typedef enum {
  SHNOR_BOUND_EXACT = 0,
  SHNOR_BOUND_AT_MOST = 1,   /* «не более» */
  SHNOR_BOUND_AT_LEAST = 2,  /* «не менее» */
} ShnorBound;

/* The "year" of an indicator's target for the end of the programme */
#define SHNOR_END_OF_PROGRAMME 0

typedef enum {
  SHNOR_ACHIEVEMENT_NO_DATA = 0,
  SHNOR_ACHIEVEMENT_MET,
  SHNOR_ACHIEVEMENT_NOT_MET,
  /* a target for the end of the programme, not met by a value of a year
   * before its last: no verdict yet */
  SHNOR_ACHIEVEMENT_NOT_YET,
} ShnorAchievement;

#define SHNOR_TYPE_PROGRAMME (shnor_programme_get_type ())
G_DECLARE_FINAL_TYPE (ShnorProgramme, shnor_programme, SHNOR, PROGRAMME, GObject)

ShnorProgramme   *shnor_programme_new            (gint64               id,
                                                  const char          *title,
                                                  ShnorProgrammeLevel  level,
                                                  ShnorProgrammeStatus status,
                                                  int                  version,
                                                  int                  first_year,
                                                  int                  last_year,
                                                  gint64               origin);
gint64            shnor_programme_get_id         (ShnorProgramme *self);
const char       *shnor_programme_get_title      (ShnorProgramme *self);
ShnorProgrammeLevel  shnor_programme_get_level   (ShnorProgramme *self);
ShnorProgrammeStatus shnor_programme_get_status  (ShnorProgramme *self);
int               shnor_programme_get_version    (ShnorProgramme *self);
int               shnor_programme_get_first_year (ShnorProgramme *self);
int               shnor_programme_get_last_year  (ShnorProgramme *self);
gint64            shnor_programme_get_origin     (ShnorProgramme *self);
char             *shnor_programme_dup_period     (ShnorProgramme *self);

const char       *shnor_programme_level_label    (ShnorProgrammeLevel  level);
const char       *shnor_programme_status_label   (ShnorProgrammeStatus status);
const char       *shnor_programme_template_label (ShnorProgrammeTemplate kind);
const char       *shnor_funding_source_label     (ShnorFundingSource source);

const ShnorField *shnor_programme_fields         (guint        *n_fields);
const ShnorField *shnor_programme_field          (const char   *column);
const ShnorField *shnor_part_fields              (ShnorPart     part,
                                                  guint        *n_fields);
const char       *shnor_part_table               (ShnorPart     part);
const char       *shnor_part_label               (ShnorPart     part);
GStrv             shnor_field_dup_choices        (const ShnorField *field);

ShnorAchievement  shnor_achievement              (gboolean      lower_is_better,
                                                  gboolean      has_target,
                                                  double        target,
                                                  gboolean      has_actual,
                                                  double        actual);
ShnorAchievement  shnor_target_achievement       (ShnorBound    bound,
                                                  gboolean      lower_is_better,
                                                  gboolean      has_target,
                                                  double        target,
                                                  gboolean      has_actual,
                                                  double        actual);
const char       *shnor_achievement_label        (ShnorAchievement achievement);
gboolean          shnor_parse_target             (const char   *text,
                                                  ShnorBound   *bound,
                                                  double       *value,
                                                  gboolean     *has_value);
char             *shnor_format_target            (ShnorBound    bound,
                                                  double        value);
char             *shnor_target_document_text     (ShnorBound    bound,
                                                  double        value,
                                                  const char   *unit);

G_END_DECLS
