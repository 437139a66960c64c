/* shnor-roadmap.h: the measures (мероприятия) of a programme's road map:
 * their fields, levels and statuses, and when a measure is overdue or due
 * soon — computed from its end month and the day, never typed */
#pragma once

#include <glib.h>
#include "shnor-field.h"

G_BEGIN_DECLS

/* The three levels of seed 003's table, as bits of a measure's levels */
typedef enum {
  SHNOR_LEVEL_MUNICIPAL = 1 << 0,  /* the municipal education authority */
  SHNOR_LEVEL_METHOD    = 1 << 1,  /* the municipal methodological service */
  SHNOR_LEVEL_SCHOOL    = 1 << 2,  /* the school */
} ShnorLevel;

#define SHNOR_N_LEVELS 3

typedef enum {
  SHNOR_MEASURE_PLANNED = 0,
  SHNOR_MEASURE_IN_PROGRESS,
  SHNOR_MEASURE_DONE,
  SHNOR_MEASURE_CANCELLED,
  SHNOR_N_MEASURE_STATUSES
} ShnorMeasureStatus;

typedef enum {
  SHNOR_DUE_NONE = 0,
  SHNOR_DUE_SOON,      /* its end month ends within the next 30 days */
  SHNOR_DUE_OVERDUE,   /* its end month has passed and it is not done */
} ShnorDue;

/* How many days ahead "due soon" looks */
#define SHNOR_DUE_SOON_DAYS 30

/* What a measure is linked to */
typedef enum {
  SHNOR_LINK_SCHOOL = 0,
  SHNOR_LINK_PERSON,
  SHNOR_LINK_INDICATOR,
  SHNOR_N_LINKS
} ShnorLink;

/* One measure of a road map, in the order of the tree. */
typedef struct {
  gint64              id;
  gint64              programme_id;
  gint64              parent_id;    /* 0 at the top level */
  guint               depth;        /* 0 at the top level */
  char               *number;       /* "1", "1.2", "1.2.3" */
  GStrv               texts;        /* one per field of shnor_measure_fields() */
  guint               levels;       /* ShnorLevel bits */
  ShnorMeasureStatus  status;
  ShnorDue            due;          /* as of the day asked for */
  gboolean            has_children;
  GArray             *links[SHNOR_N_LINKS]; /* gint64 ids */
} ShnorMeasure;

const ShnorField *shnor_measure_fields        (guint            *n_fields);
const ShnorField *shnor_measure_field         (const char       *column);
gboolean          shnor_measure_field_is_plan (const char       *column);
int               shnor_measure_field_index   (const char       *column);
const char       *shnor_level_label           (ShnorLevel        level);
const char       *shnor_level_short_label     (ShnorLevel        level);
const char       *shnor_measure_status_label  (ShnorMeasureStatus status);
const char       *shnor_due_label             (ShnorDue          due);
char             *shnor_levels_describe       (guint             levels);

ShnorDue          shnor_measure_due           (const char       *end_month,
                                               ShnorMeasureStatus status,
                                               const GDate      *today);
const char       *shnor_measure_level_text    (const ShnorMeasure *measure,
                                               ShnorLevel        level);
void              shnor_measure_clear         (ShnorMeasure     *measure);

G_END_DECLS
