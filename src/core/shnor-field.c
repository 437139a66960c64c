/* shnor-field.c */
#define G_LOG_DOMAIN "shnor-field"

#include <locale.h>
#include <stdio.h>
#include <math.h>
#include <string.h>
#include "config.h"
#include <glib/gi18n-lib.h>

#include "shnor-error.h"
#include "shnor-field.h"
#include "shnor-number.h"

const ShnorField *
shnor_field_find (const ShnorField *fields,
                  guint             n_fields,
                  const char       *column)
{
  g_return_val_if_fail (column != NULL, NULL);

  for (guint i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].column, column))
      return &fields[i];

  return NULL;
}

/* Accepts what Russian offices type: a decimal comma or point and spaces,
 * non-breaking or narrow spaces as thousands separators. */
gboolean
shnor_parse_double (const char *text,
                    double     *value)
{
  g_autoptr(GString) clean = NULL;
  char *end = NULL;
  double v;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  /* Up to 15 digits with at most one decimal comma or point, the numbers
   * of nearly every cell: the digits as a whole number are exact in a
   * double, and so is the power of ten, so their quotient is the correctly
   * rounded value, as strtod() would give. */
  {
    static const double powers[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
                                      1e13, 1e14, 1e15 };
    double digits = 0;
    gsize n = 0, decimals = 0;
    const char *p = text;
    gboolean point = FALSE;

    for (; *p && n <= 15; p++)
      {
        if (g_ascii_isdigit (*p))
          {
            digits = digits * 10 + (*p - '0');
            n++;
            decimals += point;
          }
        else if ((*p == ',' || *p == '.') && !point && n > 0 && g_ascii_isdigit (p[1]))
          point = TRUE;
        else
          break;
      }
    if (*p == '\0' && n > 0 && n <= 15)
      {
        *value = digits / powers[decimals];
        return TRUE;
      }
  }

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  clean = g_string_new (NULL);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009)
        continue;
      if (c == ',')
        c = '.';
      if (c == 0x2212) /* minus sign */
        c = '-';
      /* "3.8E0": how a spreadsheet may write a number */
      if (c > 0x7f || !(g_ascii_isdigit (c) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'))
        return FALSE;
      g_string_append_c (clean, (char) c);
    }

  if (clean->len == 0)
    return FALSE;

  v = g_ascii_strtod (clean->str, &end);
  if (end == clean->str || *end != '\0' || !isfinite (v))
    return FALSE;

  *value = v;
  return TRUE;
}

/* What an entry shows of a stored number: the Russian way whatever the
 * locale (shnor-number.c), so that the UI and the documents agree. */
char *
shnor_format_double (double value,
                     int    max_decimals)
{
  return shnor_number_format (value, max_decimals, SHNOR_NUMBER_TRIM);
}

/* Reads ДД.ММ.ГГГГ (also with one-digit day and month, or '/' or '-'
 * between) and ISO YYYY-MM-DD. FALSE for anything else, and for a date
 * that does not exist (31.02.2026). */
gboolean
shnor_parse_date (const char *text,
                  GDate      *date)
{
  unsigned a, b, c;
  char s1, s2, end;
  int n;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  n = sscanf (text, "%u%c%u%c%u%c", &a, &s1, &b, &s2, &c, &end);
  if (n != 5 || s1 != s2 || (s1 != '.' && s1 != '-' && s1 != '/'))
    return FALSE;
  if (a > 999)  /* year first: ISO */
    {
      unsigned y = a;

      a = c;
      c = y;
    }
  if (c < 1900 || c > 2200 || !g_date_valid_dmy ((GDateDay) a, (GDateMonth) b, (GDateYear) c))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) a, (GDateMonth) b, (GDateYear) c);
  return TRUE;
}

/* ДД.ММ.ГГГГ for a stored ISO date; "" for "". */
char *
shnor_format_iso_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !shnor_parse_date (iso, &date))
    return g_strdup (iso ? iso : "");
  return g_strdup_printf ("%02u.%02u.%04u", g_date_get_day (&date), g_date_get_month (&date),
                          g_date_get_year (&date));
}

/* Reads ММ.ГГГГ (one-digit month too, or '/' or '-' between), ISO
 * YYYY-MM, and a Russian month name with the year, as documents word it
 * («сентябрь 2026», «сентября 2026 г.»). FALSE for anything else. */
gboolean
shnor_parse_month (const char *text,
                   int        *year,
                   int        *month)
{
  static const char * const stems[] = { "январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август",
                                        "сентябр", "октябр", "ноябр", "декабр" };
  g_autofree char *lower = NULL;
  unsigned a, b;
  char sep, end;
  char word[64];

  g_return_val_if_fail (year != NULL && month != NULL, FALSE);
  if (text == NULL)
    return FALSE;
  if (sscanf (text, "%u%c%u%c", &a, &sep, &b, &end) == 3 && (sep == '.' || sep == '-' || sep == '/'))
    {
      unsigned y = a > 999 ? a : b, m = a > 999 ? b : a;

      if (y < 1900 || y > 2200 || m < 1 || m > 12)
        return FALSE;
      *year = (int) y;
      *month = (int) m;
      return TRUE;
    }
  lower = g_utf8_strdown (text, -1);
  if (sscanf (lower, "%63s %u", word, &b) != 2 || b < 1900 || b > 2200)
    return FALSE;
  for (guint m = 0; m < G_N_ELEMENTS (stems); m++)
    {
      gsize n = strlen (stems[m]);
      const char *rest = word + n;

      /* «ма» is май/мая only; the other stems take any ending */
      if (strncmp (word, stems[m], n) == 0 &&
          (m != 4 || g_str_equal (rest, "й") || g_str_equal (rest, "я")))
        {
          *year = (int) b;
          *month = (int) m + 1;
          return TRUE;
        }
    }
  return FALSE;
}

/* ММ.ГГГГ for a stored YYYY-MM; "" for "". */
char *
shnor_format_iso_month (const char *iso)
{
  int year, month;

  if (iso == NULL || !shnor_parse_month (iso, &year, &month))
    return g_strdup (iso ? iso : "");
  return g_strdup_printf ("%02d.%04d", month, year);
}

static gboolean
looks_like_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && strchr (at + 1, '@') == NULL &&
         strchr (at + 1, '.') != NULL && at[1] != '.' &&
         text[strlen (text) - 1] != '.' && strpbrk (text, " \t,;") == NULL;
}

static gboolean
parse_number (const ShnorField *field,
              const char       *text,
              GValue           *value,
              GError          **error)
{
  double v;

  if (!shnor_parse_double (text, &v))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   field->kind != SHNOR_FIELD_REAL ?
                     _("“%s”: “%s” is not a whole number") :
                     _("“%s”: “%s” is not a number"),
                   _(field->label), text);
      return FALSE;
    }

  if (field->kind != SHNOR_FIELD_REAL && v != floor (v))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("“%s”: “%s” is not a whole number"), _(field->label), text);
      return FALSE;
    }

  if (v < field->min || v > field->max)
    {
      g_autofree char *min = shnor_format_double (field->min, 2);
      g_autofree char *max = shnor_format_double (field->max, 2);

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("“%s” must be from %s to %s; “%s” is out of range"),
                   _(field->label), min, max, text);
      return FALSE;
    }

  if (field->kind != SHNOR_FIELD_REAL)
    {
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, (gint64) v);
    }
  else
    {
      g_value_init (value, G_TYPE_DOUBLE);
      g_value_set_double (value, v);
    }

  return TRUE;
}

/* Parses @text for @field into @value. An empty optional number leaves
 * @value unset (SQL NULL: "not known"); an empty text is the empty string. */
gboolean
shnor_field_parse (const ShnorField *field,
                   const char       *text,
                   GValue           *value,
                   GError          **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (value != NULL && !G_IS_VALUE (value), FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("“%s”: the text is not valid UTF-8"), _(field->label));
      return FALSE;
    }

  stripped = g_strstrip (g_strdup (text));

  if (stripped[0] == '\0' && field->required)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("“%s” must not be empty"), _(field->label));
      return FALSE;
    }

  switch (field->kind)
    {
    case SHNOR_FIELD_EMAIL:
      if (stripped[0] != '\0' && !looks_like_email (stripped))
        {
          g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                       _("“%s” is not an e-mail address (expected name@domain.ru)"),
                       stripped);
          return FALSE;
        }
      G_GNUC_FALLTHROUGH;
    case SHNOR_FIELD_TEXT:
    case SHNOR_FIELD_LONG_TEXT:
      g_value_init (value, G_TYPE_STRING);
      g_value_take_string (value, g_steal_pointer (&stripped));
      return TRUE;

    case SHNOR_FIELD_DATE:
      {
        GDate date;

        if (stripped[0] != '\0' && !shnor_parse_date (stripped, &date))
          {
            g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                         _("“%s”: “%s” is not a date (expected DD.MM.YYYY, for example 01.09.2026)"),
                         _(field->label), stripped);
            return FALSE;
          }
        g_value_init (value, G_TYPE_STRING);
        if (stripped[0] == '\0')
          g_value_set_string (value, "");
        else
          g_value_take_string (value, g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                                       g_date_get_month (&date), g_date_get_day (&date)));
        return TRUE;
      }

    case SHNOR_FIELD_MONTH:
      {
        int year = 0, month = 0;

        if (stripped[0] != '\0' && !shnor_parse_month (stripped, &year, &month))
          {
            g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                         _("“%s”: “%s” is not a month (expected MM.YYYY, for example 09.2026)"),
                         _(field->label), stripped);
            return FALSE;
          }
        g_value_init (value, G_TYPE_STRING);
        if (stripped[0] == '\0')
          g_value_set_string (value, "");
        else
          g_value_take_string (value, g_strdup_printf ("%04d-%02d", year, month));
        return TRUE;
      }

    case SHNOR_FIELD_BOOL:
      g_value_init (value, G_TYPE_BOOLEAN);
      if (g_str_equal (stripped, "1") || g_ascii_strcasecmp (stripped, "true") == 0)
        g_value_set_boolean (value, TRUE);
      else if (g_str_equal (stripped, "0") || g_ascii_strcasecmp (stripped, "false") == 0 ||
               stripped[0] == '\0')
        g_value_set_boolean (value, FALSE);
      else
        {
          g_value_unset (value);
          g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                       _("“%s”: “%s” is neither yes nor no"), _(field->label), stripped);
          return FALSE;
        }
      return TRUE;

    case SHNOR_FIELD_INT:
    case SHNOR_FIELD_CHOICE:
    case SHNOR_FIELD_REAL:
      if (stripped[0] == '\0')
        return TRUE;
      return parse_number (field, stripped, value, error);

    default:
      g_assert_not_reached ();
    }
}

/* The text a user sees for @value in an entry: the inverse of parse. */
char *
shnor_field_format (const ShnorField *field,
                    const GValue     *value)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL || !G_IS_VALUE (value))
    return g_strdup ("");

  switch (field->kind)
    {
    case SHNOR_FIELD_TEXT:
    case SHNOR_FIELD_LONG_TEXT:
    case SHNOR_FIELD_EMAIL:
      return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
    case SHNOR_FIELD_DATE:
      return shnor_format_iso_date (g_value_get_string (value));
    case SHNOR_FIELD_MONTH:
      return shnor_format_iso_month (g_value_get_string (value));
    case SHNOR_FIELD_BOOL:
      return g_strdup (g_value_get_boolean (value) ? "1" : "0");
    case SHNOR_FIELD_INT:
    case SHNOR_FIELD_CHOICE:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
    case SHNOR_FIELD_REAL:
      return shnor_format_double (g_value_get_double (value), 2);
    default:
      g_assert_not_reached ();
    }
}
