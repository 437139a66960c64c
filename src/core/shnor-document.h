/* shnor-document.h: an open municipality file (*.shnor) */
#pragma once

#include <gio/gio.h>
#include "shnor-context.h"
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

/* Assessment results. */
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

G_END_DECLS
