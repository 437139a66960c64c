/* shnor-region.h: the regional PostgreSQL database — its schema, created
 * and migrated by Shnor; publishing a municipality's file into it in one
 * transaction; and reading the regional summary from its views. */
#pragma once

#include "shnor-document.h"

G_BEGIN_DECLS

/* The version of the regional schema this Shnor creates and reads */
#define SHNOR_REGION_VERSION 1

/* What a publication sent */
typedef struct {
  char     *municipality;
  char     *oktmo;
  guint     n_schools;
  guint     n_results;
  guint64   n_rows;       /* of every table */
  gboolean  unchanged;    /* the same data was published before: nothing was written */
} ShnorPublication;

/* The rows of a municipality's file, ready to send (read in the thread
 * that owns the document; sent from any thread) */
typedef struct _ShnorPublicationData ShnorPublicationData;

/* Called between the steps of a publication: what is being done (for a
 * person), and @fraction from 0 to 1 (the tables sent of all) */
typedef void (*ShnorProgressFunc) (const char *step,
                                   double      fraction,
                                   gpointer    user_data);

/* A connection refused for its credentials (a wrong or missing password)
 * is a SHNOR_ERROR_READ_ONLY error: the user can do something about it. */
typedef struct _ShnorRegion ShnorRegion;

ShnorRegion          *shnor_region_connect        (const char          *uri,
                                                   const char          *password,
                                                   gboolean             create,
                                                   GError             **error);
void                  shnor_region_free           (ShnorRegion         *region);
char                 *shnor_region_make_uri       (const char          *host,
                                                   const char          *port,
                                                   const char          *database,
                                                   const char          *user);
gboolean              shnor_region_parse_uri      (const char          *uri,
                                                   char               **host,
                                                   char               **port,
                                                   char               **database,
                                                   char               **user,
                                                   GError             **error);
char                 *shnor_region_describe_uri   (const char          *uri);
int                   shnor_region_get_version    (ShnorRegion         *region);
int                   shnor_region_backend_pid    (ShnorRegion         *region);

ShnorPublicationData *shnor_publication_data_new  (ShnorDocument       *document,
                                                   GError             **error);
ShnorPublicationData *shnor_publication_data_new_as (ShnorDocument     *document,
                                                   const char          *oktmo,
                                                   GError             **error);
void                  shnor_publication_data_free (ShnorPublicationData *data);
const char           *shnor_publication_data_get_oktmo (ShnorPublicationData *data);
const GString        *shnor_publication_data_get_copy (ShnorPublicationData *data,
                                                   guint                i,
                                                   const char         **table);
gboolean              shnor_region_send           (ShnorRegion         *region,
                                                   ShnorPublicationData *data,
                                                   ShnorProgressFunc    progress,
                                                   gpointer             user_data,
                                                   ShnorPublication    *publication,
                                                   GError             **error);
gboolean              shnor_region_publish        (const char          *uri,
                                                   const char          *password,
                                                   ShnorDocument       *document,
                                                   const char          *oktmo,
                                                   ShnorProgressFunc    progress,
                                                   gpointer             user_data,
                                                   ShnorPublication    *publication,
                                                   GError             **error);
void                  shnor_publication_clear     (ShnorPublication    *publication);

/* ---- reading the region (its views) ---- */

typedef enum {
  SHNOR_SUMMARY_OKTMO = 0,
  SHNOR_SUMMARY_NAME,
  SHNOR_SUMMARY_SCHOOLS,
  SHNOR_SUMMARY_LOW,          /* ШНОР */
  SHNOR_SUMMARY_SOCIAL,       /* ШНСУ */
  SHNOR_SUMMARY_HIGH,
  SHNOR_SUMMARY_DECLINE,
  SHNOR_SUMMARY_MEASURES,     /* of the approved programmes */
  SHNOR_SUMMARY_OVERDUE,
  SHNOR_SUMMARY_INDICATORS,   /* with a target and an actual value this year */
  SHNOR_SUMMARY_MET,
  SHNOR_SUMMARY_PUBLISHED,
  SHNOR_SUMMARY_N_COLUMNS
} ShnorSummaryColumn;

typedef enum {
  SHNOR_LIST_OKTMO = 0,
  SHNOR_LIST_MUNICIPALITY,
  SHNOR_LIST_CODE,
  SHNOR_LIST_SCHOOL,
  SHNOR_LIST_SETTLEMENT,
  SHNOR_LIST_GROUPS,          /* the group codes, "1,3" */
  SHNOR_LIST_REASONS,         /* why, one line per criterion met */
  SHNOR_LIST_N_COLUMNS
} ShnorListColumn;

typedef enum {
  SHNOR_OVERDUE_OKTMO = 0,
  SHNOR_OVERDUE_MUNICIPALITY,
  SHNOR_OVERDUE_PROGRAMME,
  SHNOR_OVERDUE_NUMBER,
  SHNOR_OVERDUE_TITLE,
  SHNOR_OVERDUE_END,          /* ММ.ГГГГ */
  SHNOR_OVERDUE_N_COLUMNS
} ShnorOverdueColumn;

/* Rows of text cells, as the views return them */
GPtrArray            *shnor_region_get_summary    (ShnorRegion         *region,
                                                   GError             **error);
GPtrArray            *shnor_region_get_lists      (ShnorRegion         *region,
                                                   const char          *oktmo,
                                                   GError             **error);
GPtrArray            *shnor_region_get_overdue    (ShnorRegion         *region,
                                                   const char          *oktmo,
                                                   GError             **error);
char                 *shnor_region_groups_describe (const char         *codes);
gboolean              shnor_region_write_summary  (ShnorRegion         *region,
                                                   const char          *path,
                                                   GError             **error);
gboolean              shnor_region_export_summary (const char          *uri,
                                                   const char          *password,
                                                   const char          *path,
                                                   GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShnorRegion, shnor_region_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShnorPublicationData, shnor_publication_data_free)

G_END_DECLS
