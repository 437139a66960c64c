/* shnor-document-private.h: what the document's own files share */
#pragma once

#include <sqlite3.h>
#include "shnor-document.h"

G_BEGIN_DECLS

sqlite3 *shnor_document_get_db        (ShnorDocument *self);
sqlite3_stmt *shnor_document_statement (ShnorDocument *self,
                                        const char    *sql);
gboolean shnor_document_finish_edit   (ShnorDocument *self,
                                       sqlite3_stmt  *stmt,
                                       GError       **error);
gboolean shnor_document_check_writable (ShnorDocument *self,
                                        GError       **error);
gboolean shnor_document_next_row      (ShnorDocument *self,
                                       sqlite3_stmt  *stmt);
void     shnor_document_read_failed   (ShnorDocument *self,
                                       int            rc);
gboolean shnor_document_in_edit       (ShnorDocument *self);
gboolean shnor_document_load_schools  (ShnorDocument *self,
                                       GError       **error);
void     shnor_document_sync_school   (ShnorDocument *self,
                                       gint64         id);
void     shnor_document_sync_counts   (ShnorDocument *self);
sqlite3_stmt *shnor_document_begin_with (ShnorDocument *self,
                                         const char    *label,
                                         const char    *sql,
                                         GError       **error);
gboolean shnor_document_update_value  (ShnorDocument *self,
                                       const char    *label,
                                       const char    *table,
                                       const char    *where,
                                       const char    *column,
                                       const GValue  *value,
                                       gint64         id,
                                       int            year,
                                       GError       **error);
gboolean shnor_document_step          (ShnorDocument *self,
                                       sqlite3_stmt  *stmt,
                                       GError       **error);
gint64   shnor_document_finish_insert (ShnorDocument *self,
                                       sqlite3_stmt  *stmt,
                                       GError       **error);
gboolean shnor_document_find_row      (ShnorDocument *self,
                                       const char    *sql,
                                       gint64         id,
                                       gint64        *column,
                                       const char    *missing,
                                       GError       **error);
gboolean shnor_document_check_year    (int            year,
                                       GError       **error);
gboolean shnor_document_check_programme (ShnorDocument *self,
                                         gint64         id,
                                         gboolean       plan,
                                         GError       **error);
void     shnor_document_column_value  (sqlite3_stmt     *stmt,
                                       int               column,
                                       const ShnorField *field,
                                       GValue           *value);
gboolean shnor_document_copy_roadmap  (ShnorDocument *self,
                                       gint64         from,
                                       gint64         to,
                                       gboolean       same_indicators,
                                       GError       **error);
/* shnor-document-bulk.c */
GStrv    shnor_document_set_aside     (ShnorDocument *self,
                                       const char    *table,
                                       const char    *trigger,
                                       gboolean       indexes,
                                       GError       **error);
gboolean shnor_document_restore       (ShnorDocument *self,
                                       GStrv          sql,
                                       GError       **error);
gint64   shnor_document_max_rowid     (ShnorDocument *self,
                                       const char    *table);
gboolean shnor_document_bulk_drops_indexes (ShnorDocument *self,
                                            const char    *table,
                                            gint64         n);
gboolean shnor_document_log_bulk_insert (ShnorDocument *self,
                                         const char    *table,
                                         gint64         lo,
                                         gint64         hi,
                                         GError       **error);
gboolean shnor_document_replay_bulk   (ShnorDocument *self,
                                       const char    *table,
                                       gint64         lo,
                                       gint64         hi,
                                       const char    *hold,
                                       GError       **error);
void     shnor_document_drop_holds    (ShnorDocument *self,
                                       gint64         first,
                                       gint64         last);
void     shnor_document_identification_changed (ShnorDocument *self,
                                                const char    *table);
/* shnor-document-practices.c */
gboolean shnor_document_index_practices (ShnorDocument *self,
                                         gint64         first,
                                         gint64         last,
                                         GError       **error);
/* shnor-document-identification.c */
GPtrArray *shnor_criteria_sets_load   (sqlite3       *db,
                                       GError       **error);
gboolean shnor_criteria_sets_check    (sqlite3       *db,
                                       const char    *name,
                                       GError       **error);

G_END_DECLS
