/* shnor-school.h: a school (образовательная организация) of the registry */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>
#include "shnor-field.h"

G_BEGIN_DECLS

typedef enum {
  SHNOR_AREA_TOWN = 0,
  SHNOR_AREA_SETTLEMENT = 1,
  SHNOR_AREA_VILLAGE = 2,
} ShnorAreaType;

#define SHNOR_N_AREA_TYPES 3

#define SHNOR_TYPE_SCHOOL (shnor_school_get_type ())
G_DECLARE_FINAL_TYPE (ShnorSchool, shnor_school, SHNOR, SCHOOL, GObject)

const ShnorField *shnor_school_fields          (guint          *n_fields);
const char       *shnor_school_select_columns  (void);
const char       *shnor_area_type_label        (ShnorAreaType   area);

ShnorSchool      *shnor_school_new             (sqlite3_stmt   *stmt);
void              shnor_school_load            (ShnorSchool    *self,
                                                sqlite3_stmt   *stmt);
void              shnor_school_set_counts      (ShnorSchool    *self,
                                                int             pupils,
                                                int             teachers);

void              shnor_school_set_groups      (ShnorSchool    *self,
                                                guint           groups);
guint             shnor_school_get_groups      (ShnorSchool    *self);

gint64            shnor_school_get_id          (ShnorSchool    *self);
const char       *shnor_school_get_full_name   (ShnorSchool    *self);
const char       *shnor_school_get_display_name (ShnorSchool   *self);
int               shnor_school_compare_names   (ShnorSchool    *a,
                                                ShnorSchool    *b);
const char       *shnor_school_get_settlement  (ShnorSchool    *self);
ShnorAreaType     shnor_school_get_area_type   (ShnorSchool    *self);
gboolean          shnor_school_get_hard_to_reach (ShnorSchool  *self);
int               shnor_school_get_pupils      (ShnorSchool    *self);
int               shnor_school_get_teachers    (ShnorSchool    *self);
const GValue     *shnor_school_get_value       (ShnorSchool    *self,
                                                const char     *column);
char             *shnor_school_dup_text        (ShnorSchool    *self,
                                                const char     *column);

const ShnorField *shnor_school_field (const char *column);

G_END_DECLS
