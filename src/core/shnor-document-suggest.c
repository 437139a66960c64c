/* shnor-document-suggest.c: the mentor schools the file's evidence points
 * to for a supported school (seed 000: «сетевые пары школ со
 * школами-наставниками»; seed 003: partnerships of schools with high and
 * low results).
 *
 * The evidence is the standardised result of every assessment (the
 * classifier's z-score, computed through its public API over the last
 * three years of that assessment): a candidate is strong where the
 * supported school is weak. The classification keeps out the schools that
 * need support themselves (ШНОР, ШНСУ); the registry and the context data
 * add what a department weighs besides: a school marked as a mentor, the
 * same settlement or kind of area, the distance to the district centre,
 * and how many schools the candidate already supports. Every suggestion
 * says why, in the order the reasons weigh. */
#define G_LOG_DOMAIN "shnor-document"

#include "config.h"
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "shnor-document-network.h"
#include "shnor-document-private.h"
#include "shnor-number.h"

/* The years of an assessment the evidence looks at */
#define WINDOW 3
/* An assessment where the school's mean standardised result is below
 * this is one where it is weak */
#define WEAK (-0.25)
/* How much each other reason weighs against one standard deviation of
 * evidence */
#define HIGH_BONUS 0.3
#define DECLINE_PENALTY 0.3
#define MENTOR_BONUS 0.2
#define SETTLEMENT_BONUS 0.3
#define AREA_BONUS 0.1
#define DISTANCE_BONUS 0.2
#define DISTANCE_SCALE_KM 50.0
#define LOAD_PENALTY 0.15
/* How many assessments a suggestion names as its evidence */
#define SHOWN_EVIDENCE 3

typedef struct {
  char   *kind;
  char   *subject;
  int     grade;
  double *z;        /* per school (index of the registry), NAN: no result */
} Assessment;

static void
assessment_clear (gpointer data)
{
  Assessment *a = data;

  g_free (a->kind);
  g_free (a->subject);
  g_free (a->z);
}

static void
suggestion_clear (gpointer data)
{
  ShnorMentorSuggestion *s = data;

  g_strfreev (s->reasons);
  g_free (s->subjects);
}

/* Every school's mean standardised result in one assessment over its last
 * WINDOW years, as the classifier standardises them. */
static double *
assessment_z (ShnorDocument *self,
              const gint64  *ids,
              guint          n,
              GHashTable    *index,
              const char    *kind,
              const char    *subject,
              int            grade)
{
  g_autoptr(GArray) results = shnor_document_get_assessment_results (self, kind, subject, grade, 0);
  g_autoptr(GArray) input = g_array_new (FALSE, FALSE, sizeof (ShnorUnitResult));
  g_autofree ShnorMetricSums *sums = g_new (ShnorMetricSums, MAX (n, 1));
  double *z = g_new (double, n);
  double *sum = g_new0 (double, MAX (n, 1));
  int *known = g_new0 (int, MAX (n, 1));
  int last = G_MININT;

  for (guint i = 0; i < n; i++)
    z[i] = NAN;
  for (guint i = 0; i < results->len; i++)
    last = MAX (last, g_array_index (results, ShnorResult, i).year);
  /* each year of the window apart, as the classifier sums a year */
  for (int year = last - WINDOW + 1; results->len > 0 && year <= last; year++)
    {
      g_array_set_size (input, 0);
      for (guint i = 0; i < results->len; i++)
        {
          const ShnorResult *r = &g_array_index (results, ShnorResult, i);
          guint at = GPOINTER_TO_UINT (g_hash_table_lookup (index, &r->school_id));
          ShnorUnitResult u = { 0 };

          if (at == 0 || r->year != year)
            continue;
          u.school = at - 1;
          u.participants = r->participants;
          u.mean = r->has_mean ? r->mean : NAN;
          u.below = r->has_below ? r->below : -1;
          g_array_append_val (input, u);
        }
      memset (sums, 0, sizeof (ShnorMetricSums) * MAX (n, 1));
      shnor_metrics_sum_unit ((const ShnorUnitResult *) input->data, input->len, sums, n);
      for (guint i = 0; i < n; i++)
        if (sums[i].z_weight > 0)
          {
            sum[i] += sums[i].z_sum / sums[i].z_weight;
            known[i]++;
          }
    }
  for (guint i = 0; i < n; i++)
    if (known[i] > 0)
      z[i] = sum[i] / known[i];
  g_free (sum);
  g_free (known);
  return z;
}

/* The latest distance to the district centre the context data holds;
 * NAN when none. */
static double
distance_of (ShnorDocument *self,
             gint64         school_id)
{
  g_autoptr(GArray) rows = shnor_document_get_context (self, school_id);
  guint n_fields;
  const ShnorField *fields = shnor_context_fields (&n_fields);
  int at = -1;

  for (guint i = 1; i < n_fields; i++)
    if (g_str_equal (fields[i].column, "distance_km"))
      at = (int) i - 1;
  for (guint i = rows->len; at >= 0 && i > 0; i--)
    if (g_array_index (rows, ShnorContextRow, i - 1).known[at])
      return g_array_index (rows, ShnorContextRow, i - 1).value[at];
  return NAN;
}

/* Partnerships that have not ended, of the partner school @id; and
 * whether it is one already of @school_id. */
static guint
partner_load (GArray  *partnerships,
              gint64   id,
              gint64   school_id,
              gboolean *partner_already)
{
  guint load = 0;

  *partner_already = FALSE;
  for (guint i = 0; i < partnerships->len; i++)
    {
      const ShnorPartnership *p = &g_array_index (partnerships, ShnorPartnership, i);

      if (p->partner_school_id != id || p->status == SHNOR_PARTNERSHIP_ENDED)
        continue;
      load++;
      if (p->school_id == school_id)
        *partner_already = TRUE;
    }
  return load;
}

typedef struct {
  guint  assessment;
  double weight;     /* how weak the supported school is there */
  double z;          /* how strong the candidate is */
} Evidence;

static int
compare_evidence (gconstpointer a,
                  gconstpointer b)
{
  double x = ((const Evidence *) a)->weight * ((const Evidence *) a)->z;
  double y = ((const Evidence *) b)->weight * ((const Evidence *) b)->z;

  return (x < y) - (x > y);
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const ShnorMentorSuggestion *x = a, *y = b;

  if (x->score != y->score)
    return (x->score < y->score) - (x->score > y->score);
  return (x->school_id > y->school_id) - (x->school_id < y->school_id);
}

static void
add_reason (GStrvBuilder *reasons,
            char         *reason)
{
  g_strv_builder_add (reasons, reason);
  g_free (reason);
}

static char *
signed_number (double value)
{
  return shnor_number_format (value, 2, SHNOR_NUMBER_SIGNED);
}

/* The candidate's evidence where the supported school @s is weak, as
 * reasons; returns its weighted strength times its coverage. */
static double
weigh_evidence (GArray      *assessments,
                guint        s,
                guint        c,
                gboolean     any_weak,
                GStrvBuilder *reasons,
                GPtrArray   *subjects)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Evidence));
  double total = 0, covered = 0, sum = 0;

  for (guint a = 0; a < assessments->len; a++)
    {
      const Assessment *x = &g_array_index (assessments, Assessment, a);
      double own = x->z[s];
      Evidence e = { a, any_weak ? -own : 1.0, x->z[c] };

      if (isnan (own) || (any_weak && own >= WEAK))
        continue;
      total += e.weight;
      if (isnan (e.z))
        continue;
      covered += e.weight;
      sum += e.weight * e.z;
      g_array_append_val (found, e);
    }
  if (covered <= 0)
    return NAN;
  g_array_sort (found, compare_evidence);
  for (guint i = 0; i < found->len && i < SHOWN_EVIDENCE; i++)
    {
      const Evidence *e = &g_array_index (found, Evidence, i);
      const Assessment *x = &g_array_index (assessments, Assessment, e->assessment);
      g_autofree char *theirs = signed_number (e->z);
      g_autofree char *own = signed_number (x->z[s]);

      if (e->z <= 0)
        break;
      /* TRANSLATORS: evidence of a suggested mentor school: kind, subject, grade, its standardised result, the supported school's */
      add_reason (reasons, g_strdup_printf (_("%s, %s, grade %d: standardised result %s (the school: %s)"),
                                                     x->kind, x->subject, x->grade, theirs, own));
      if (!g_ptr_array_find_with_equal_func (subjects, x->subject, g_str_equal, NULL))
        g_ptr_array_add (subjects, x->subject);
    }
  if (covered < total)
    {
      g_autofree char *share = shnor_number_format_percent (100 * (1 - covered / total), 0);

      add_reason (reasons, g_strdup_printf (_("No results in part of the assessments that count (%s of their weight)"),
                                            share));
    }
  return sum / covered * (covered / total);
}

/* What the registry and the context data add: a mentor school, the same
 * settlement or kind of area, the distance, the mentoring load. */
static double
weigh_circumstances (ShnorDocument *self,
                     ShnorSchool   *school,
                     ShnorSchool   *candidate,
                     guint          groups,
                     guint          load,
                     GStrvBuilder  *reasons)
{
  g_autofree char *mentor = shnor_school_dup_text (candidate, "mentor");
  g_autofree char *here = g_utf8_casefold (shnor_school_get_settlement (school), -1);
  g_autofree char *there = g_utf8_casefold (shnor_school_get_settlement (candidate), -1);
  double score = 0;

  if (groups & (1u << SHNOR_GROUP_HIGH))
    {
      score += HIGH_BONUS;
      g_strv_builder_add (reasons, _("Stable high results (identification group)"));
    }
  if (groups & (1u << SHNOR_GROUP_DECLINE))
    {
      score -= DECLINE_PENALTY;
      g_strv_builder_add (reasons, _("Its results have been falling (negative dynamics)"));
    }
  if (g_str_equal (mentor, "1"))
    {
      score += MENTOR_BONUS;
      g_strv_builder_add (reasons, _("Marked as a mentor school in the registry"));
    }
  if (here[0] != '\0' && g_str_equal (here, there))
    {
      score += SETTLEMENT_BONUS;
      add_reason (reasons, g_strdup_printf (_("In the same settlement: %s"),
                                                     shnor_school_get_settlement (candidate)));
    }
  else
    {
      double d_school = distance_of (self, shnor_school_get_id (school));
      double d_candidate = distance_of (self, shnor_school_get_id (candidate));

      if (shnor_school_get_area_type (school) == shnor_school_get_area_type (candidate))
        {
          score += AREA_BONUS;
          add_reason (reasons, g_strdup_printf (_("The same kind of settlement: %s"),
                                                         shnor_area_type_label (shnor_school_get_area_type (candidate))));
        }
      if (!isnan (d_school) && !isnan (d_candidate))
        {
          g_autofree char *a = shnor_number_format (d_candidate, 0, SHNOR_NUMBER_TRIM);
          g_autofree char *b = shnor_number_format (d_school, 0, SHNOR_NUMBER_TRIM);

          score += DISTANCE_BONUS * MAX (0, 1 - fabs (d_school - d_candidate) / DISTANCE_SCALE_KM);
          add_reason (reasons, g_strdup_printf (_("To the district centre: %s km (the school: %s km)"), a, b));
        }
    }
  score -= LOAD_PENALTY * load;
  if (load == 0)
    g_strv_builder_add (reasons, _("Supports no other school yet"));
  else
    add_reason (reasons, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Already a partner of %u school",
                                                                "Already a partner of %u schools", load), load));
  return score;
}

/**
 * shnor_document_suggest_mentors:
 * @school_id: the supported school
 *
 * Ranks the schools that could mentor @school_id by the evidence of the
 * file; a school in the ШНОР or ШНСУ group, one without results where
 * the school is weak, one not stronger there, and one that is its partner
 * already are never suggested.
 *
 * Returns: (transfer full): the suggestions, the best first.
 */
GArray *
shnor_document_suggest_mentors (ShnorDocument *self,
                                gint64         school_id)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (ShnorMentorSuggestion));
  g_autoptr(ShnorClassification) classification = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) assessments = g_array_new (FALSE, TRUE, sizeof (Assessment));
  g_autoptr(GArray) partnerships = NULL;
  g_auto(GStrv) keys = NULL;
  GListModel *schools;
  ShnorSchool *school;
  guint n, s;
  gboolean any_weak = FALSE;

  g_array_set_clear_func (out, suggestion_clear);
  g_array_set_clear_func (assessments, assessment_clear);
  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), out);
  school = shnor_document_find_school (self, school_id);
  if (school == NULL || shnor_document_get_db (self) == NULL)
    return out;

  classification = shnor_document_classify (self);
  schools = shnor_document_get_schools (self);
  n = g_list_model_get_n_items (schools);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShnorSchool) item = g_list_model_get_item (schools, i);
      gint64 id = shnor_school_get_id (item);

      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (index, &g_array_index (ids, gint64, i), GUINT_TO_POINTER (i + 1));
  s = GPOINTER_TO_UINT (g_hash_table_lookup (index, &school_id)) - 1;

  keys = shnor_document_list_assessments (self);
  for (guint k = 0; keys && keys[k]; k++)
    {
      g_auto(GStrv) parts = g_strsplit (keys[k], "\t", 3);
      Assessment a;

      if (g_strv_length (parts) != 3)
        continue;
      a.kind = g_strdup (parts[0]);
      a.subject = g_strdup (parts[1]);
      a.grade = atoi (parts[2]);
      a.z = assessment_z (self, (const gint64 *) ids->data, n, index, a.kind, a.subject, a.grade);
      any_weak |= !isnan (a.z[s]) && a.z[s] < WEAK;
      g_array_append_val (assessments, a);
    }

  partnerships = shnor_document_get_partnerships (self, 0);
  for (guint c = 0; c < n; c++)
    {
      g_autoptr(ShnorSchool) candidate = g_list_model_get_item (schools, c);
      g_autoptr(GStrvBuilder) reasons = g_strv_builder_new ();
      g_autoptr(GPtrArray) subjects = g_ptr_array_new ();
      guint groups = classification ? shnor_classification_get_groups (classification, g_array_index (ids, gint64, c))
                                    : 0;
      gboolean partner_already;
      guint load = partner_load (partnerships, g_array_index (ids, gint64, c), school_id, &partner_already);
      ShnorMentorSuggestion suggestion = { g_array_index (ids, gint64, c), 0, NULL, NULL };
      double evidence;

      if (c == s || partner_already || (groups & ((1u << SHNOR_GROUP_LOW) | (1u << SHNOR_GROUP_SOCIAL))))
        continue;
      evidence = weigh_evidence (assessments, s, c, any_weak, reasons, subjects);
      if (isnan (evidence) || evidence <= 0)
        continue;
      suggestion.score = evidence + weigh_circumstances (self, school, candidate, groups, load, reasons);
      g_ptr_array_add (subjects, NULL);
      suggestion.subjects = g_strjoinv (", ", (char **) subjects->pdata);
      suggestion.reasons = g_strv_builder_end (reasons);
      g_array_append_val (out, suggestion);
    }
  g_array_sort (out, compare_suggestions);
  return out;
}

/**
 * shnor_document_accept_suggestion:
 *
 * Makes the suggested school the mentor of @school_id: a planned
 * partnership with the subjects of the evidence, as one undo step.
 *
 * Returns: the partnership's id; 0 with @error when refused.
 */
gint64
shnor_document_accept_suggestion (ShnorDocument               *self,
                                  gint64                       school_id,
                                  const ShnorMentorSuggestion *suggestion,
                                  GError                     **error)
{
  gint64 id;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (suggestion != NULL, 0);
  if (!shnor_document_begin_edit (self, _("Add a partnership"), error))
    return 0;
  id = shnor_document_add_partnership (self, school_id, suggestion->school_id, 0, SHNOR_PARTNER_MENTOR, error);
  if (id == 0 ||
      (suggestion->subjects != NULL && suggestion->subjects[0] != '\0' &&
       !shnor_document_set_partnership_field (self, id, "subjects", suggestion->subjects, error)))
    {
      shnor_document_cancel_edit (self);
      return 0;
    }
  return shnor_document_end_edit (self, error) ? id : 0;
}
