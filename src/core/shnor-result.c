/* shnor-result.c: what a valid result is, for every way results come in */
#define G_LOG_DOMAIN "shnor-result"

#include "config.h"
#include <string.h>
#include <glib/gi18n-lib.h>

#include "shnor-error.h"
#include "shnor-number.h"
#include "shnor-result.h"

typedef struct {
  const char *kind;
  const char *aliases;   /* lower-case, "|"-separated */
  double      min, max;  /* the scale of the mean */
  int         grade;     /* the grade of the kind; 0: any of 1–11 */
} Kind;

static const Kind kinds[] = {
  { "ЕГЭ", "егэ|ege|use", 0, 100, 11 },
  { "ОГЭ", "огэ|oge|gia-9|гиа-9", 2, 5, 9 },
  { "ВПР", "впр|vpr", 2, 5, 0 },
  { "РДР", "рдр|региональная диагностическая работа|regional|regional test", 0, 100, 0 },
};

const char * const *
shnor_result_kinds (void)
{
  static const char *names[G_N_ELEMENTS (kinds) + 1];

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    names[i] = kinds[i].kind;
  return names;
}

static const Kind *
find_kind (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return NULL;
  /* the common case first, without allocating: a million rows say "ЕГЭ" */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (text, kinds[i].kind))
      return &kinds[i];
  folded = g_utf8_strdown (text, -1);
  g_strstrip (folded);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_auto(GStrv) aliases = g_strsplit (kinds[i].aliases, "|", -1);

      if (g_str_equal (text, kinds[i].kind) || g_strv_contains ((const char * const *) aliases, folded))
        return &kinds[i];
    }
  return NULL;
}

/* "егэ", "ЕГЭ", "EGE" → "ЕГЭ"; NULL for an unknown kind. */
const char *
shnor_result_kind_canonical (const char *text)
{
  const Kind *k = find_kind (text);

  return k ? k->kind : NULL;
}

gboolean
shnor_result_kind_mean_range (const char *kind,
                              double     *min,
                              double     *max)
{
  const Kind *k = find_kind (kind);

  if (k == NULL)
    return FALSE;
  *min = k->min;
  *max = k->max;
  return TRUE;
}

int
shnor_result_kind_default_grade (const char *kind)
{
  const Kind *k = find_kind (kind);

  return k ? k->grade : 0;
}

/* Copies @text into @buffer of @size bytes, cut (if it must be) before a
 * whole character, never inside one. */
static void
copy_whole_characters (char       *buffer,
                       gsize       size,
                       const char *text)
{
  gsize length = strlen (text);

  if (length >= size)
    {
      length = size - 1;
      while (length > 0 && ((guchar) text[length] & 0xC0) == 0x80)
        length--;
    }
  memcpy (buffer, text, length);
  buffer[length] = '\0';
}

/* Sets the kind and subject of @result; a subject longer than the result
 * holds is cut (shnor_result_check_subject() tells it before). */
void
shnor_result_set_names (ShnorResult *result,
                        const char  *kind,
                        const char  *subject)
{
  copy_whole_characters (result->kind, sizeof result->kind, kind ? kind : "");
  copy_whole_characters (result->subject, sizeof result->subject, subject ? subject : "");
}

/**
 * shnor_result_check_subject:
 *
 * Whether @subject, as typed or read from a file, is one a result can
 * hold whole: two long subjects that differ only at their end must never
 * become one.
 */
gboolean
shnor_result_check_subject (const char  *subject,
                            GError     **error)
{
  const gsize max = sizeof ((ShnorResult *) NULL)->subject - 1;

  if (subject != NULL && strlen (subject) > max)
    {
      g_autofree char *valid = g_utf8_make_valid (subject, -1);
      g_autofree char *start = g_utf8_substring (valid, 0, 30);

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("The subject “%s…” is too long: a subject has at most %u characters (%u in Cyrillic)"),
                   start, (guint) max, (guint) max / 2);
      return FALSE;
    }
  return TRUE;
}

static gboolean
fail (const char  **column,
      const char   *which,
      GError      **error,
      const char   *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (const char  **column,
      const char   *which,
      GError      **error,
      const char   *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (column != NULL)
    *column = which;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/**
 * shnor_result_validate:
 * @column: (out) (optional): the column at fault: "year", "kind", "subject",
 *   "grade", "participants", "mean", "below" or "high"
 *
 * Checks a result against the rules every entry path shares: a known kind,
 * a grade the kind has, counts not above the participants, a mean within
 * the kind's scale.
 */
gboolean
shnor_result_validate (const ShnorResult  *r,
                       const char        **column,
                       GError            **error)
{
  const Kind *k = find_kind (r->kind);

  return shnor_result_validate_scale (r, k ? k->min : 0, k ? k->max : 100, column, error);
}

/**
 * shnor_result_validate_scale:
 * @min: @max: the scale of the mean for this assessment (the kind's usual
 *   one, or primary scores as the municipality configured)
 *
 * As shnor_result_validate(), with the mean checked against @min–@max.
 */
gboolean
shnor_result_validate_scale (const ShnorResult  *r,
                             double              min,
                             double              max,
                             const char        **column,
                             GError            **error)
{
  const Kind *k;

  g_return_val_if_fail (r != NULL, FALSE);

  if (r->year < 1990 || r->year > 2100)
    return fail (column, "year", error, _("The year %d is not possible"), r->year);
  k = find_kind (r->kind);
  if (k == NULL)
    return fail (column, "kind", error,
                 _("Unknown kind of assessment “%s” (expected ЕГЭ, ОГЭ, ВПР or РДР)"), r->kind);
  if (is_blank (r->subject) || !g_utf8_validate (r->subject, -1, NULL))
    return fail (column, "subject", error, _("The subject is empty"));
  if (k->grade != 0 && r->grade != k->grade)
    return fail (column, "grade", error, _("%s is taken in grade %d, not %d"), k->kind, k->grade, r->grade);
  if (r->grade < 1 || r->grade > 11)
    return fail (column, "grade", error, _("Grade %d is not possible (1 to 11)"), r->grade);
  if (r->participants < 0 || r->participants > 100000)
    return fail (column, "participants", error,
                 _("The number of participants %d is not possible"), r->participants);
  if (r->has_below && (r->below < 0 || r->below > r->participants))
    return fail (column, "below", error,
                 _("%d below the threshold is more than the %d participants, or negative"),
                 r->below, r->participants);
  if (r->has_high && (r->high < 0 || r->high > r->participants))
    return fail (column, "high", error,
                 _("%d with high results is more than the %d participants, or negative"),
                 r->high, r->participants);
  if (r->has_below && r->has_high && r->below + r->high > r->participants)
    return fail (column, "high", error,
                 _("Below the threshold and high results together (%d) exceed the %d participants"),
                 r->below + r->high, r->participants);
  if (r->has_mean && (r->mean < min || r->mean > max))
    {
      g_autofree char *mean = shnor_number_format (r->mean, 2, SHNOR_NUMBER_TRIM);
      g_autofree char *from = shnor_number_format (min, 2, SHNOR_NUMBER_TRIM);
      g_autofree char *to = shnor_number_format (max, 2, SHNOR_NUMBER_TRIM);

      return fail (column, "mean", error, _("The mean %s is outside the scale of %s (%s to %s)"),
                   mean, k->kind, from, to);
    }
  if (r->has_mean && r->participants == 0)
    return fail (column, "mean", error, _("A mean without participants is not possible"));
  return TRUE;
}

/* Hash and equality of a result's assessment (kind, subject and grade),
 * for hash tables keyed by results. */
guint
shnor_result_assessment_hash (gconstpointer result)
{
  const ShnorResult *r = result;

  return (g_str_hash (r->kind) * 31 + g_str_hash (r->subject)) * 31 + (guint) r->grade;
}

gboolean
shnor_result_assessment_equal (gconstpointer a,
                               gconstpointer b)
{
  const ShnorResult *x = a, *y = b;

  return x->grade == y->grade && g_str_equal (x->kind, y->kind) && g_str_equal (x->subject, y->subject);
}
