/* shnor-results-import.h: importing assessment results from the CSV and
 * XLSX files offices have: first a plan (what would be added or replaced,
 * every problem with its line, column and reason), then, on confirmation,
 * one transaction and one undo step. */
#pragma once

#include "shnor-document.h"
#include "shnor-table.h"

G_BEGIN_DECLS

typedef struct {
  guint  line;      /* 0: the whole file (a missing column) */
  char  *column;    /* the header of the column as the file has it; may be NULL */
  char  *message;
} ShnorImportProblem;

/* The rows kept to show before an import, and the problems kept: a file
 * is read a part at a time, so that a region's file of a million rows (or
 * of a million mistakes) takes the same memory as a school's. */
#define SHNOR_IMPORT_PREVIEW      200
#define SHNOR_IMPORT_MAX_PROBLEMS 10000

typedef struct {
  GArray    *results;    /* of ShnorResult: the first SHNOR_IMPORT_PREVIEW results of schools */
  GArray    *regional;   /* of ShnorResult with school_id 0: the first regional means */
  GPtrArray *problems;   /* of ShnorImportProblem: the first SHNOR_IMPORT_MAX_PROBLEMS */
  guint      added;      /* results of schools that would be (or were) added */
  guint      replaced;   /* and that replace stored ones */
  guint      n_regional; /* regional means */
  guint      n_problems; /* all the problems */
  /*< private >*/
  ShnorTableReader *reader;
  gboolean   quiet;
} ShnorImportPlan;

ShnorImportPlan *shnor_import_plan_new            (ShnorDocument          *document,
                                                   ShnorTable             *table);
ShnorImportPlan *shnor_import_plan_new_from_file  (ShnorDocument          *document,
                                                   const char             *path,
                                                   GError                **error);
gboolean         shnor_import_plan_apply          (ShnorImportPlan        *plan,
                                                   ShnorDocument          *document,
                                                   GError                **error);
ShnorImportPlan *shnor_import_file                (ShnorDocument          *document,
                                                   const char             *path,
                                                   GError                **error);
char            *shnor_import_problem_to_string   (const ShnorImportProblem *problem);
void             shnor_import_plan_free           (ShnorImportPlan        *plan);
const char      *shnor_import_column_names        (void);
gboolean         shnor_import_write_template      (const char             *path,
                                                   GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShnorImportPlan, shnor_import_plan_free)

G_END_DECLS
