/* shnor-derived.h: the statistics behind identification, computed from
 * the results: for every school, year and subject the sums of its
 * standardised results and of its counts below the threshold (see
 * shnor-classifier.h), and the same summed over the subjects. */
#pragma once

#include <sqlite3.h>
#include "shnor-classifier.h"

G_BEGIN_DECLS

typedef struct _ShnorDerived ShnorDerived;
typedef struct _ShnorDerivedBulk ShnorDerivedBulk;

/* A result as the sums read it. */
typedef struct {
  gint64 assessment_id;
  gint64 school_id;
  int    year;
  int    participants;
  double mean;          /* NAN: none */
  int    below;         /* -1: none */
  int    unused;        /* 0: no padding, as the rows are written to a file */
} ShnorDerivedRow;

/* The municipal figures of one assessment in one year, of all its results
 * (assessment_sums): what the charts and the overview show. */
typedef struct {
  double schools;       /* six doubles: compared as an array by --check */
  double participants;
  double mean_sum;      /* Σ participants · mean, of the results with a mean */
  double mean_of;       /* Σ participants of those */
  double below;
  double below_of;      /* Σ participants of the results with a count below */
} ShnorAssessmentSums;

typedef void (*ShnorDerivedAssessmentFunc) (gint64                     assessment_id,
                                            int                        year,
                                            const ShnorAssessmentSums *sums,
                                            gpointer                   data);

/* One school's sums in one unit (a year and a subject, or a year and all
 * subjects when @subject is NULL). */
typedef void (*ShnorDerivedFunc) (int                    year,
                                  const char            *subject,
                                  gint64                 school_id,
                                  const ShnorMetricSums *sums,
                                  gpointer               data);

ShnorDerived *shnor_derived_compute      (sqlite3           *db,
                                          GError           **error);
void          shnor_derived_free         (ShnorDerived      *derived);
void          shnor_derived_get_years    (const ShnorDerived *derived,
                                          int               *first_year,
                                          int               *last_year);
void          shnor_derived_foreach      (const ShnorDerived *derived,
                                          ShnorDerivedFunc   func,
                                          gpointer           data);

void          shnor_derived_foreach_assessment (const ShnorDerived *derived,
                                          ShnorDerivedAssessmentFunc func,
                                          gpointer           data);
gboolean      shnor_derived_rebuild      (sqlite3           *db,
                                          GError           **error);
ShnorDerivedBulk *shnor_derived_bulk_new (void);
void          shnor_derived_bulk_add     (ShnorDerivedBulk  *bulk,
                                          const ShnorDerivedRow *row);
gboolean      shnor_derived_bulk_start   (ShnorDerivedBulk  *bulk,
                                          sqlite3           *db);
gboolean      shnor_derived_bulk_finish  (ShnorDerivedBulk  *bulk,
                                          sqlite3           *db,
                                          GError           **error);
void          shnor_derived_bulk_free    (ShnorDerivedBulk  *bulk);
gboolean      shnor_derived_watch        (sqlite3           *db,
                                          GError           **error);
gboolean      shnor_derived_mark         (sqlite3           *db,
                                          const char        *source,
                                          gint64             lo,
                                          gint64             hi,
                                          gboolean           all,
                                          GError           **error);
gboolean      shnor_derived_refresh      (sqlite3           *db,
                                          GError           **error);
gboolean      shnor_derived_sums_agree   (sqlite3           *db,
                                          char             **problem,
                                          GError           **error);
gboolean      shnor_identification_check (sqlite3         *db,
                                          const char      *name,
                                          GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShnorDerived, shnor_derived_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShnorDerivedBulk, shnor_derived_bulk_free)

G_END_DECLS
