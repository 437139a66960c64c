/* shnor-document.h: an open municipality file (*.shnor) */
#pragma once

#include <gio/gio.h>
#include "shnor-classifier.h"
#include "shnor-context.h"
#include "shnor-criteria.h"
#include "shnor-programme.h"
#include "shnor-roadmap.h"
#include "shnor-result.h"
#include "shnor-school.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_DOCUMENT (shnor_document_get_type ())
G_DECLARE_FINAL_TYPE (ShnorDocument, shnor_document, SHNOR, DOCUMENT, GObject)

ShnorDocument *shnor_document_create          (const char     *path,
                                               GError        **error);
ShnorDocument *shnor_document_open            (const char     *path,
                                               GError        **error);
gboolean       shnor_document_check_file      (const char     *path,
                                               GError        **error);
void           shnor_document_close           (ShnorDocument  *self);
gboolean       shnor_document_save_copy       (ShnorDocument  *self,
                                               const char     *path,
                                               GError        **error);

gboolean       shnor_document_check_reads     (ShnorDocument  *self,
                                               GError        **error);
gboolean       shnor_document_commit_part     (ShnorDocument  *self,
                                               const char     *part,
                                               const char     *path,
                                               GError        **error);

const char    *shnor_document_get_path        (ShnorDocument  *self);
gboolean       shnor_document_get_read_only   (ShnorDocument  *self);
const char    *shnor_document_get_read_only_reason (ShnorDocument *self);

/* Grouping several edits into one transaction and one undo step. */
gboolean       shnor_document_begin_edit      (ShnorDocument  *self,
                                               const char     *label,
                                               GError        **error);
gboolean       shnor_document_end_edit        (ShnorDocument  *self,
                                               GError        **error);
void           shnor_document_cancel_edit     (ShnorDocument  *self);

gboolean       shnor_document_can_undo        (ShnorDocument  *self);
gboolean       shnor_document_can_redo        (ShnorDocument  *self);
const char    *shnor_document_get_undo_label  (ShnorDocument  *self);
const char    *shnor_document_get_redo_label  (ShnorDocument  *self);
gboolean       shnor_document_undo            (ShnorDocument  *self,
                                               GError        **error);
gboolean       shnor_document_redo            (ShnorDocument  *self,
                                               GError        **error);

/* Municipality settings (see shnor-municipality.h for the keys). */
char          *shnor_document_dup_setting     (ShnorDocument  *self,
                                               const char     *key);
gboolean       shnor_document_set_setting     (ShnorDocument  *self,
                                               const char     *key,
                                               const char     *text,
                                               GError        **error);

/* The school registry. */
GListModel    *shnor_document_get_schools     (ShnorDocument  *self);
ShnorSchool   *shnor_document_find_school     (ShnorDocument  *self,
                                               gint64          id);
gint64         shnor_document_add_school      (ShnorDocument  *self,
                                               const char     *full_name,
                                               GError        **error);
gboolean       shnor_document_delete_school   (ShnorDocument  *self,
                                               gint64          id,
                                               GError        **error);
gboolean       shnor_document_set_school_field (ShnorDocument *self,
                                               gint64          id,
                                               const char     *column,
                                               const char     *text,
                                               GError        **error);

/* The yearly context data of a school, oldest year first. */
GArray        *shnor_document_get_context     (ShnorDocument  *self,
                                               gint64          school_id);
gboolean       shnor_document_add_context_year (ShnorDocument *self,
                                               gint64          school_id,
                                               int             year,
                                               GError        **error);
gboolean       shnor_document_delete_context_year (ShnorDocument *self,
                                               gint64          school_id,
                                               int             year,
                                               GError        **error);
gboolean       shnor_document_set_context_field (ShnorDocument *self,
                                               gint64          school_id,
                                               int             year,
                                               const char     *column,
                                               const char     *text,
                                               GError        **error);

/* The scale of an assessment's mean the municipality set */
typedef struct {
  ShnorResult assessment;   /* kind, subject and grade */
  double      min, max;
} ShnorAssessmentScale;

GArray        *shnor_document_get_scales      (ShnorDocument  *self);

/* Assessment results; many at once with a writer (an import). */
typedef struct _ShnorResultWriter ShnorResultWriter;

ShnorResultWriter *shnor_result_writer_new    (ShnorDocument     *document,
                                               const char        *label,
                                               guint64            expected,
                                               GError           **error);
gint64         shnor_result_writer_assessment (ShnorResultWriter *writer,
                                               const char        *kind,
                                               const char        *subject,
                                               int                grade,
                                               GError           **error);
gboolean       shnor_result_writer_put        (ShnorResultWriter *writer,
                                               const ShnorResult *result,
                                               gint64             assessment_id,
                                               GError           **error);
guint          shnor_result_writer_get_added  (ShnorResultWriter *writer);
guint          shnor_result_writer_get_replaced (ShnorResultWriter *writer);
gboolean       shnor_result_writer_finish     (ShnorResultWriter *writer,
                                               GError           **error);
void           shnor_result_writer_cancel     (ShnorResultWriter *writer);

gboolean       shnor_document_put_results     (ShnorDocument     *self,
                                               const ShnorResult *results,
                                               guint              n,
                                               const char        *label,
                                               GError           **error);
gboolean       shnor_document_set_result      (ShnorDocument     *self,
                                               const ShnorResult *result,
                                               GError           **error);
gboolean       shnor_document_delete_result   (ShnorDocument  *self,
                                               gint64          school_id,
                                               const char     *kind,
                                               const char     *subject,
                                               int             grade,
                                               int             year,
                                               GError        **error);
gboolean       shnor_document_has_result      (ShnorDocument  *self,
                                               gint64          school_id,
                                               const char     *kind,
                                               const char     *subject,
                                               int             grade,
                                               int             year);
GArray        *shnor_document_get_results     (ShnorDocument  *self,
                                               gint64          school_id);
GArray        *shnor_document_get_assessment_results (ShnorDocument *self,
                                               const char     *kind,
                                               const char     *subject,
                                               int             grade,
                                               int             first_year);
gboolean       shnor_document_set_reference_mean (ShnorDocument *self,
                                               const char     *kind,
                                               const char     *subject,
                                               int             grade,
                                               int             year,
                                               const char     *text,
                                               GError        **error);
GArray        *shnor_document_get_assessment_years (ShnorDocument *self,
                                               const char     *kind,
                                               const char     *subject,
                                               int             grade);
GStrv          shnor_document_list_assessments (ShnorDocument *self);
gboolean       shnor_document_get_scale       (ShnorDocument  *self,
                                               const char     *kind,
                                               const char     *subject,
                                               int             grade,
                                               double         *min,
                                               double         *max);
gboolean       shnor_document_set_scale       (ShnorDocument  *self,
                                               const char     *kind,
                                               const char     *subject,
                                               int             grade,
                                               const char     *min_text,
                                               const char     *max_text,
                                               GError        **error);
gboolean       shnor_document_validate_result (ShnorDocument     *self,
                                               const ShnorResult *result,
                                               const char       **column,
                                               GError           **error);
GArray        *shnor_document_get_overview    (ShnorDocument  *self,
                                               const char     *kind,
                                               const char     *subject,
                                               int             grade,
                                               guint           n_years,
                                               GArray        **years);

/* Identification of schools (shnor-document-identification.c). */
GPtrArray     *shnor_document_get_criteria_sets (ShnorDocument *self);
ShnorCriteriaSet *shnor_document_dup_active_criteria_set (ShnorDocument *self);
gint64         shnor_document_copy_criteria_set (ShnorDocument *self,
                                               gint64          from_id,
                                               GError        **error);
gboolean       shnor_document_delete_criteria_set (ShnorDocument *self,
                                               gint64          id,
                                               GError        **error);
gboolean       shnor_document_activate_criteria_set (ShnorDocument *self,
                                               gint64          id,
                                               GError        **error);
gboolean       shnor_document_set_criteria_set_field (ShnorDocument *self,
                                               gint64          id,
                                               const char     *column,
                                               const char     *text,
                                               GError        **error);
gint64         shnor_document_add_criterion   (ShnorDocument        *self,
                                               gint64                set_id,
                                               const ShnorCriterion *criterion,
                                               GError              **error);
gboolean       shnor_document_set_criterion   (ShnorDocument        *self,
                                               const ShnorCriterion *criterion,
                                               GError              **error);
gboolean       shnor_document_delete_criterion (ShnorDocument *self,
                                               gint64          id,
                                               GError        **error);
GStrv          shnor_document_list_metrics    (ShnorDocument  *self);
char          *shnor_document_dup_metric_label (ShnorDocument *self,
                                               const char     *metric);
char          *shnor_document_describe_criterion (ShnorDocument *self,
                                               const ShnorCriterion *criterion);
const ShnorMetrics *shnor_document_get_metrics (ShnorDocument *self);
const ShnorMetrics *shnor_document_get_metric  (ShnorDocument  *self,
                                               const char     *metric);
ShnorClassification *shnor_document_classify  (ShnorDocument  *self);

typedef struct {
  gint64  id;
  char   *name;
} ShnorIndicator;

const ShnorField *shnor_indicator_value_field (void);
GArray        *shnor_document_get_indicators  (ShnorDocument  *self);
gint64         shnor_document_add_indicator   (ShnorDocument  *self,
                                               const char     *name,
                                               GError        **error);
gboolean       shnor_document_rename_indicator (ShnorDocument *self,
                                               gint64          id,
                                               const char     *name,
                                               GError        **error);
gboolean       shnor_document_delete_indicator (ShnorDocument *self,
                                               gint64          id,
                                               GError        **error);
GArray        *shnor_document_get_indicator_years (ShnorDocument *self,
                                               gint64          school_id);
gboolean       shnor_document_set_indicator_value (ShnorDocument *self,
                                               gint64          school_id,
                                               gint64          indicator_id,
                                               int             year,
                                               const char     *text,
                                               GError        **error);
gboolean       shnor_document_get_indicator_value (ShnorDocument *self,
                                               gint64          school_id,
                                               gint64          indicator_id,
                                               int             year,
                                               double         *value);

typedef enum {
  SHNOR_RISK_NOT_ASSESSED = 0,
  SHNOR_RISK_LOW = 1,
  SHNOR_RISK_MEDIUM = 2,
  SHNOR_RISK_HIGH = 3,
} ShnorRiskLevelCode;

typedef struct {
  gint64              factor_id;
  char               *factor;
  ShnorRiskLevelCode  level;
  char               *note;
} ShnorRiskLevel;

const char    *shnor_risk_level_label         (ShnorRiskLevelCode level);
GArray        *shnor_document_get_risk_profile (ShnorDocument *self,
                                               gint64          school_id,
                                               int             year);
GArray        *shnor_document_get_risk_years  (ShnorDocument  *self,
                                               gint64          school_id);
gboolean       shnor_document_set_risk        (ShnorDocument      *self,
                                               gint64              school_id,
                                               gint64              factor_id,
                                               int                 year,
                                               ShnorRiskLevelCode  level,
                                               const char         *note,
                                               GError            **error);
gint64         shnor_document_add_risk_factor (ShnorDocument  *self,
                                               const char     *name,
                                               GError        **error);
gboolean       shnor_document_rename_risk_factor (ShnorDocument *self,
                                               gint64          id,
                                               const char     *name,
                                               GError        **error);
gboolean       shnor_document_delete_risk_factor (ShnorDocument *self,
                                               gint64          id,
                                               GError        **error);

/* ---- programmes (shnor-document-programmes.c) ---- */

typedef struct {
  gint64  id;
  GStrv   texts;     /* one per field of shnor_part_fields() */
  char   *binding;   /* indicators: the results they follow, or "" */
} ShnorPartRow;

typedef struct {
  int               year;
  gboolean          has_target;
  double            target;
  gboolean          has_actual;
  double            actual;
  gboolean          computed;     /* the actual value comes from the results */
  ShnorAchievement  achievement;
  char             *actual_text;
  ShnorBound        bound;        /* of the target */
} ShnorIndicatorYear;

GListModel    *shnor_document_get_programmes  (ShnorDocument  *self,
                                               gboolean        archived);
GListModel    *shnor_document_get_programme_history (ShnorDocument *self,
                                               gint64          id);
ShnorProgramme *shnor_document_dup_programme  (ShnorDocument  *self,
                                               gint64          id);
gint64         shnor_document_add_programme   (ShnorDocument  *self,
                                               ShnorProgrammeTemplate kind,
                                               gint64          school_id,
                                               int             first_year,
                                               GError        **error);
gint64         shnor_document_copy_programme  (ShnorDocument  *self,
                                               gint64          id,
                                               GError        **error);
gboolean       shnor_document_delete_programme (ShnorDocument *self,
                                               gint64          id,
                                               GError        **error);
char          *shnor_document_dup_programme_text (ShnorDocument *self,
                                               gint64          id,
                                               const char     *column);
gboolean       shnor_document_set_programme_field (ShnorDocument *self,
                                               gint64          id,
                                               const char     *column,
                                               const char     *text,
                                               GError        **error);
GArray        *shnor_document_get_programme_schools (ShnorDocument *self,
                                               gint64          id);
gboolean       shnor_document_set_programme_school (ShnorDocument *self,
                                               gint64          id,
                                               gint64          school_id,
                                               gboolean        taking_part,
                                               GError        **error);
GArray        *shnor_document_get_part        (ShnorDocument  *self,
                                               gint64          programme_id,
                                               ShnorPart       part);
gint64         shnor_document_add_part_row    (ShnorDocument  *self,
                                               gint64          programme_id,
                                               ShnorPart       part,
                                               const char * const *texts,
                                               GError        **error);
gboolean       shnor_document_set_part_field  (ShnorDocument  *self,
                                               ShnorPart       part,
                                               gint64          row_id,
                                               const char     *column,
                                               const char     *text,
                                               GError        **error);
gboolean       shnor_document_delete_part_row (ShnorDocument  *self,
                                               ShnorPart       part,
                                               gint64          row_id,
                                               GError        **error);
gboolean       shnor_document_move_part_row   (ShnorDocument  *self,
                                               ShnorPart       part,
                                               gint64          row_id,
                                               int             delta,
                                               GError        **error);
GArray        *shnor_document_get_indicator_plan (ShnorDocument *self,
                                               gint64          indicator_id);
gboolean       shnor_document_set_indicator_plan (ShnorDocument *self,
                                               gint64          indicator_id,
                                               int             year,
                                               gboolean        actual,
                                               const char     *text,
                                               GError        **error);
gboolean       shnor_document_get_indicator_final (ShnorDocument *self,
                                               gint64          indicator_id,
                                               ShnorIndicatorYear *final);
void           shnor_indicator_year_clear     (ShnorIndicatorYear *year);
gboolean       shnor_document_set_indicator_binding (ShnorDocument *self,
                                               gint64          indicator_id,
                                               const char     *binding,
                                               GError        **error);
char          *shnor_binding_describe         (const char     *binding);
gboolean       shnor_document_get_financing   (ShnorDocument  *self,
                                               gint64          programme_id,
                                               int             year,
                                               ShnorFundingSource source,
                                               double         *amount);
gboolean       shnor_document_set_financing   (ShnorDocument  *self,
                                               gint64          programme_id,
                                               int             year,
                                               ShnorFundingSource source,
                                               const char     *text,
                                               GError        **error);
gboolean       shnor_document_approve_programme (ShnorDocument *self,
                                               gint64          id,
                                               const char     *number,
                                               const char     *date,
                                               const char     *signatory,
                                               GError        **error);
gint64         shnor_document_make_amendment  (ShnorDocument  *self,
                                               gint64          id,
                                               GError        **error);
gboolean       shnor_document_archive_programme (ShnorDocument *self,
                                               gint64          id,
                                               gboolean        archived,
                                               GError        **error);

/* ---- road maps and people (shnor-document-roadmap.c) ---- */

typedef struct {
  gint64  id;
  char   *name;
  char   *position;
  char   *organisation;
} ShnorPerson;

GArray        *shnor_document_get_roadmap     (ShnorDocument  *self,
                                               gint64          programme_id,
                                               const GDate    *today);
GArray        *shnor_document_get_monitoring  (ShnorDocument  *self,
                                               const GDate    *today);
gint64         shnor_document_add_measure     (ShnorDocument  *self,
                                               gint64          programme_id,
                                               gint64          after,
                                               const char     *title,
                                               GError        **error);
gboolean       shnor_document_set_measure_field (ShnorDocument *self,
                                               gint64          id,
                                               const char     *column,
                                               const char     *text,
                                               GError        **error);
gboolean       shnor_document_set_measure_levels (ShnorDocument *self,
                                               gint64          id,
                                               guint           levels,
                                               GError        **error);
gboolean       shnor_document_set_measure_action (ShnorDocument *self,
                                               gint64          id,
                                               gint64          level_id,
                                               const char     *text,
                                               GError        **error);
gint64         shnor_document_add_measure_to  (ShnorDocument  *self,
                                               gint64          table_id,
                                               gint64          after,
                                               const char     *title,
                                               GError        **error);
GArray        *shnor_document_get_measure_tables (ShnorDocument *self,
                                               gint64          programme_id);
gint64         shnor_document_add_measure_table (ShnorDocument *self,
                                               gint64          programme_id,
                                               ShnorTableKind  kind,
                                               GError        **error);
gboolean       shnor_document_set_measure_table_text (ShnorDocument *self,
                                               gint64          table_id,
                                               const char     *column,
                                               const char     *text,
                                               GError        **error);
gboolean       shnor_document_set_measure_table_columns (ShnorDocument *self,
                                               gint64          table_id,
                                               guint           columns,
                                               GError        **error);
gboolean       shnor_document_delete_measure_table (ShnorDocument *self,
                                               gint64          table_id,
                                               GError        **error);
gboolean       shnor_document_move_measure_table (ShnorDocument *self,
                                               gint64          table_id,
                                               int             delta,
                                               GError        **error);
GArray        *shnor_document_get_levels      (ShnorDocument  *self);
gint64         shnor_document_add_level       (ShnorDocument  *self,
                                               const char     *name,
                                               GError        **error);
gboolean       shnor_document_rename_level    (ShnorDocument  *self,
                                               gint64          id,
                                               const char     *name,
                                               GError        **error);
gboolean       shnor_document_delete_level    (ShnorDocument  *self,
                                               gint64          id,
                                               GError        **error);
gboolean       shnor_document_move_level      (ShnorDocument  *self,
                                               gint64          id,
                                               int             delta,
                                               GError        **error);
gboolean       shnor_document_set_measure_link (ShnorDocument *self,
                                               gint64          id,
                                               ShnorLink       link,
                                               gint64          target,
                                               gboolean        on,
                                               GError        **error);
gboolean       shnor_document_delete_measure  (ShnorDocument  *self,
                                               gint64          id,
                                               GError        **error);
gboolean       shnor_document_move_measure    (ShnorDocument  *self,
                                               gint64          id,
                                               int             delta,
                                               GError        **error);
gboolean       shnor_document_indent_measure  (ShnorDocument  *self,
                                               gint64          id,
                                               GError        **error);
gboolean       shnor_document_outdent_measure (ShnorDocument  *self,
                                               gint64          id,
                                               GError        **error);
gboolean       shnor_document_mark_measure_done (ShnorDocument *self,
                                               gint64          id,
                                               const char     *date,
                                               const char     *evidence,
                                               GError        **error);
int            shnor_document_copy_measures   (ShnorDocument  *self,
                                               gint64          from,
                                               gint64          to,
                                               GError        **error);
char          *shnor_measure_dup_responsible  (const ShnorMeasure *measure,
                                               GArray         *people);
GPtrArray     *shnor_document_list_overdue    (ShnorDocument  *self,
                                               const GDate    *today);
const ShnorField *shnor_order_fields          (guint          *n_fields);
char          *shnor_document_dup_order_text  (ShnorDocument  *self,
                                               gint64          id,
                                               const char     *key);
gboolean       shnor_document_set_order_text  (ShnorDocument  *self,
                                               gint64          id,
                                               const char     *key,
                                               const char     *text,
                                               GError        **error);
const ShnorField *shnor_person_fields         (guint          *n_fields);
GArray        *shnor_document_get_people      (ShnorDocument  *self);
gint64         shnor_document_add_person      (ShnorDocument  *self,
                                               const char     *name,
                                               const char     *position,
                                               const char     *organisation,
                                               GError        **error);
gboolean       shnor_document_set_person_field (ShnorDocument *self,
                                               gint64          id,
                                               const char     *column,
                                               const char     *text,
                                               GError        **error);
gboolean       shnor_document_delete_person   (ShnorDocument  *self,
                                               gint64          id,
                                               GError        **error);
char          *shnor_document_dup_person_name (ShnorDocument  *self,
                                               gint64          id);

/* ---- the exchange with schools and the region (shnor-document-exchange.c) ---- */

gboolean       shnor_document_dup_exchange_identity (ShnorDocument *self,
                                               char          **uid,
                                               char          **key);
gboolean       shnor_document_find_accepted_form (ShnorDocument *self,
                                               const char     *form_uid,
                                               const char     *digest,
                                               char          **accepted);
char          *shnor_document_dup_latest_form (ShnorDocument  *self,
                                               gint64          school_id,
                                               int             year);
gboolean       shnor_document_record_accepted_form (ShnorDocument *self,
                                               const char     *form_uid,
                                               gint64          school_id,
                                               int             year,
                                               const char     *issued,
                                               const char     *digest,
                                               GError        **error);

typedef enum {
  SHNOR_EXPORT_SCHOOLS = 0,
  SHNOR_EXPORT_CONTEXT,
  SHNOR_EXPORT_ASSESSMENTS,
  SHNOR_EXPORT_RESULTS,
  SHNOR_EXPORT_REFERENCE_MEANS,
  SHNOR_EXPORT_RISKS,
  SHNOR_EXPORT_INDICATOR_VALUES,
  SHNOR_EXPORT_PROGRAMMES,
  SHNOR_EXPORT_PROGRAMME_SCHOOLS,
  SHNOR_EXPORT_MEASURE_SCHOOLS,
  SHNOR_N_EXPORTS
} ShnorExportSet;

typedef gboolean (*ShnorRowFunc) (const char * const *cells,
                                  guint               n_cells,
                                  gpointer            user_data,
                                  GError            **error);

gboolean       shnor_document_export_rows     (ShnorDocument  *self,
                                               ShnorExportSet  set,
                                               ShnorRowFunc    func,
                                               gpointer        user_data,
                                               GError        **error);

G_END_DECLS
