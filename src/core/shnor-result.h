/* shnor-result.h: one assessment result of a school (ЕГЭ, ОГЭ, ВПР or a
 * regional test) for a subject, grade and year */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gint64   school_id;
  int      year;
  char     kind[16];      /* "ЕГЭ", "ОГЭ", "ВПР", "РДР" */
  char     subject[128];
  int      grade;
  int      participants;
  gboolean has_mean;
  double   mean;          /* test score (ЕГЭ, РДР: 0–100) or mean mark (ОГЭ, ВПР: 2–5) */
  gboolean has_below;
  int      below;         /* below the minimum threshold, or mark «2» */
  gboolean has_high;
  int      high;          /* high results, or marks «4» and «5» */
} ShnorResult;

/* Municipal figures of one assessment in one year. */
typedef struct {
  int      year;
  int      schools;
  int      participants;
  gboolean has_mean;
  double   mean;          /* weighted by participants */
  gboolean has_share_below;
  double   share_below;   /* per cent of participants */
  gboolean has_regional;
  double   regional;
} ShnorAssessmentYear;

/* One school's line in the municipal overview of an assessment. */
#define SHNOR_OVERVIEW_MAX_YEARS 10

typedef struct {
  gint64   school_id;
  gboolean known[SHNOR_OVERVIEW_MAX_YEARS];
  double   value[SHNOR_OVERVIEW_MAX_YEARS];   /* the school's mean */
  gboolean has_change;
  double   change;      /* last known year minus first known year of the window */
  int      trend;       /* -1 down, 0 steady, +1 up */
} ShnorOverviewLine;

const char * const *shnor_result_kinds        (void);
const char         *shnor_result_kind_canonical (const char *text);
gboolean            shnor_result_kind_mean_range (const char *kind,
                                                  double     *min,
                                                  double     *max);
int                 shnor_result_kind_default_grade (const char *kind);
gboolean            shnor_result_validate     (const ShnorResult *result,
                                               const char       **column,
                                               GError           **error);
gboolean            shnor_result_validate_scale (const ShnorResult *result,
                                               double             min,
                                               double             max,
                                               const char       **column,
                                               GError           **error);
void                shnor_result_set_names    (ShnorResult       *result,
                                               const char        *kind,
                                               const char        *subject);
gboolean            shnor_result_check_subject (const char       *subject,
                                               GError           **error);
guint               shnor_result_assessment_hash  (gconstpointer result);
gboolean            shnor_result_assessment_equal (gconstpointer a,
                                                   gconstpointer b);

G_END_DECLS
