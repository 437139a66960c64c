/* shnor-roadmap.h: the measures (мероприятия) of a programme's road map:
 * their fields, levels and statuses, and when a measure is overdue or due
 * soon — computed from its end month and the day, never typed */
#pragma once

#include <glib.h>
#include "shnor-field.h"

G_BEGIN_DECLS

/* The levels of a road map are the file's own list (see
 * shnor_document_get_levels()); a new file has the three of seed 003's
 * table, in this order. A measure's levels are bits in the order of the
 * list: bit i is set when it has an action at the i-th level. */
typedef enum {
  SHNOR_LEVEL_MUNICIPAL = 1 << 0,  /* the municipal education authority */
  SHNOR_LEVEL_METHOD    = 1 << 1,  /* the municipal methodological service */
  SHNOR_LEVEL_SCHOOL    = 1 << 2,  /* the school */
} ShnorLevel;

/* The columns a measure table may have, in the order they are printed */
typedef enum {
  SHNOR_COLUMN_NUMBER = 0,   /* № п/п */
  SHNOR_COLUMN_TITLE,        /* the measure */
  SHNOR_COLUMN_LEVELS,       /* a column per level: its action */
  SHNOR_COLUMN_LEVEL_NAMES,  /* the levels the measure has an action at */
  SHNOR_COLUMN_FORMS,
  SHNOR_COLUMN_PERIOD,
  SHNOR_COLUMN_RESPONSIBLE,
  SHNOR_COLUMN_EXPECTED,
  SHNOR_N_COLUMNS
} ShnorMeasureColumn;

#define SHNOR_COLUMN_BIT(column) (1u << (column))

/* What a new measure table is for: its title and columns to start with */
typedef enum {
  SHNOR_TABLE_ROADMAP = 0,    /* «Дорожная карта»: measures with people and dates */
  SHNOR_TABLE_MANAGEMENT,     /* «Мероприятия по управлению»: with expected results */
  SHNOR_TABLE_LEVELS,         /* «Мероприятия по уровням»: an action per level */
  SHNOR_N_TABLE_KINDS
} ShnorTableKind;

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
  char               *number;       /* "1", "1.2", "1.2.3": numbered within its table */
  GStrv               texts;        /* one per field of shnor_measure_fields() */
  guint               levels;       /* bits of the levels it has an action at (the first 32) */
  ShnorMeasureStatus  status;
  ShnorDue            due;          /* as of the day asked for */
  gboolean            has_children;
  GArray             *links[SHNOR_N_LINKS]; /* gint64 ids */
  gint64              table_id;     /* the measure table it is in */
  GStrv               actions;      /* one per level of the file, in its order; "" none */
} ShnorMeasure;

/* A level of the road map (the file's list) */
typedef struct {
  gint64  id;
  char   *name;
} ShnorRoadmapLevel;

/* A named table of measures of a programme */
typedef struct {
  gint64  id;
  gint64  programme_id;
  char   *title;
  char   *intro;     /* the paragraph printed before the table; "" none */
  guint   columns;   /* SHNOR_COLUMN_BIT()s */
} ShnorMeasureTable;

const ShnorField *shnor_measure_fields        (guint            *n_fields);
const ShnorField *shnor_measure_field         (const char       *column);
gboolean          shnor_measure_field_is_plan (const char       *column);
int               shnor_measure_field_index   (const char       *column);
const char       *shnor_measure_status_label  (ShnorMeasureStatus status);
const char       *shnor_due_label             (ShnorDue          due);

ShnorDue          shnor_measure_due           (const char       *end_month,
                                               ShnorMeasureStatus status,
                                               const GDate      *today);
const char       *shnor_measure_level_text    (const ShnorMeasure *measure,
                                               ShnorLevel        level);
char             *shnor_measure_dup_text      (const ShnorMeasure *measure);
char             *shnor_measure_dup_label     (const ShnorMeasure *measure);
gboolean          shnor_measure_has_actions   (const ShnorMeasure *measure);
gboolean          shnor_measure_title_is_heading (const ShnorMeasure *measure);
char             *shnor_measure_dup_level_names (const ShnorMeasure *measure,
                                               GArray           *levels,
                                               const char       *separator);
void              shnor_measure_clear         (ShnorMeasure     *measure);
void              shnor_roadmap_level_clear   (ShnorRoadmapLevel *level);
void              shnor_measure_table_clear   (ShnorMeasureTable *table);

const char       *shnor_measure_column_key     (ShnorMeasureColumn column);
const char       *shnor_measure_column_label   (ShnorMeasureColumn column);
const char       *shnor_measure_column_heading (ShnorMeasureColumn column);
guint             shnor_measure_columns_parse  (const char       *text);
char             *shnor_measure_columns_format (guint             columns);
const char       *shnor_table_kind_title       (ShnorTableKind    kind);
const char       *shnor_table_kind_label       (ShnorTableKind    kind);
guint             shnor_table_kind_columns     (ShnorTableKind    kind);

G_END_DECLS
