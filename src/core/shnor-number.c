/* shnor-number.c: see shnor-number.h. The digits come from
 * g_ascii_formatd(), which never follows the locale, so that "3,75" is
 * written the same under C, en_US and ru_RU, and are rounded as a
 * spreadsheet rounds them. */
#define G_LOG_DOMAIN "shnor-number"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shnor-number.h"

/* Writes |value| rounded to @decimals into @buf as plain digits with a
 * '.' the way a spreadsheet does: from its 15 significant digits (so
 * 2.675, stored as 2.67499999…, is 2.68) and half away from zero (61.25 is
 * 61.3, where printf would round to even). */
static void
round_decimal (double  value,
               int     decimals,
               char   *buf,
               gsize   size)
{
  char sci[32];
  char digits[64];
  int exponent, n = 0, point, keep;
  const char *p;

  /* Most values: |value| · 10^decimals is far from a half, so that it
   * rounds as its 15 digits do, and is rounded here without printf (the
   * lists of a region write tens of thousands of numbers). Below 10^8 the
   * 15 digits differ from the value by less than 10^-7 of the last place
   * kept, and the product by less than 10^-7 too. */
  if (decimals <= 8)
    {
      static const double powers[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8 };
      double scaled = fabs (value) * powers[decimals];
      double whole = floor (scaled);

      if (scaled < 1e8 && fabs (scaled - whole - 0.5) > 1e-6)
        {
          guint64 rounded = (guint64) whole + (scaled - whole > 0.5);
          char reversed[24];
          int len = 0, o = 0;

          do
            reversed[len++] = (char) ('0' + rounded % 10);
          while ((rounded /= 10) > 0);
          while (len <= decimals)
            reversed[len++] = '0';     /* "0.05": the zeros before the digits */
          while (len > 0 && (gsize) o + 2 < size)
            {
              if (len == decimals)
                buf[o++] = '.';
              buf[o++] = reversed[--len];
            }
          buf[o] = '\0';
          return;
        }
    }

  if (fabs (value) >= 1e15)
    {
      /* no decimals left to round: the digits as they are */
      g_ascii_formatd (buf, size, "%.0f", fabs (value));
      return;
    }

  g_ascii_formatd (sci, sizeof sci, "%.14e", fabs (value));
  for (p = sci; *p && *p != 'e'; p++)
    if (g_ascii_isdigit (*p))
      digits[n++] = *p;
  exponent = *p == 'e' ? atoi (p + 1) : 0;

  /* digits[0] is the units when exponent is 0: shift so that the point
   * sits after index @point of a zero-padded string */
  if (exponent < 0)
    {
      int pad = MIN (-exponent, 40);

      memmove (digits + pad, digits, n);
      memset (digits, '0', pad);
      n += pad;
      exponent = 0;
    }
  point = exponent + 1;               /* digits before the point */
  while (n < point + decimals + 1 && n < (int) sizeof digits - 1)
    digits[n++] = '0';

  keep = point + decimals;
  if (digits[keep] >= '5')
    {
      int i = keep - 1;

      while (i >= 0 && digits[i] == '9')
        digits[i--] = '0';
      if (i >= 0)
        digits[i]++;
      else
        {
          memmove (digits + 1, digits, keep);
          digits[0] = '1';
          point++;
          keep++;
        }
    }

  /* leading zeros of the whole part are not written (but one is) */
  {
    int first = 0;
    gsize o = 0;

    while (first < point - 1 && digits[first] == '0')
      first++;
    for (int i = first; i < keep && o + 2 < size; i++)
      {
        if (i == point)
          buf[o++] = '.';
        buf[o++] = digits[i];
      }
    buf[o] = '\0';
  }
}

/**
 * shnor_number_format:
 * @decimals: digits after the comma, 0 to 9
 *
 * Rounds @value to @decimals (see round_decimal()) and writes it the
 * Russian way. A value that rounds to zero has no sign. NaN and infinities
 * give "—".
 */
char *
shnor_number_format (double           value,
                     int              decimals,
                     ShnorNumberFlags flags)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 320];
  /* the digits, a sign, a thin space per three digits, the percent */
  char out[sizeof buf * 2 + 16];
  gsize n = 0;
  const char *point;
  gboolean nonzero;
  gsize whole;

  if (!isfinite (value))
    return g_strdup ("—");

  decimals = CLAMP (decimals, 0, 9);
  round_decimal (value, decimals, buf, sizeof buf);

  if ((flags & SHNOR_NUMBER_TRIM) && strchr (buf, '.') != NULL)
    {
      char *last = buf + strlen (buf) - 1;

      while (*last == '0')
        *last-- = '\0';
      if (*last == '.')
        *last = '\0';
    }

  /* "−0,00" is not a number anyone writes */
  nonzero = strspn (buf, "0.") != strlen (buf);

#define PUT(text) (memcpy (out + n, text, strlen (text)), n += strlen (text))
  if (value < 0 && nonzero)
    PUT (SHNOR_MINUS_SIGN);
  else if ((flags & SHNOR_NUMBER_SIGNED) && nonzero)
    out[n++] = '+';

  point = strchr (buf, '.');
  whole = point != NULL ? (gsize) (point - buf) : strlen (buf);
  for (gsize i = 0; i < whole; i++)
    {
      /* Russian typography does not split a four-digit number (1234) */
      if ((flags & SHNOR_NUMBER_GROUPED) && whole > 4 && i > 0 && (whole - i) % 3 == 0)
        PUT (SHNOR_THIN_NBSP);
      out[n++] = buf[i];
    }
  if (point != NULL)
    {
      out[n++] = ',';
      PUT (point + 1);
    }

  if (flags & SHNOR_NUMBER_PERCENT)
    PUT (SHNOR_NBSP "%");
#undef PUT

  return g_strndup (out, n);
}

/* Marks (ОГЭ, ВПР: 2 to 5) differ in the second decimal; scores (ЕГЭ, РДР:
 * 0 to 100) in the first. */
int
shnor_number_mean_decimals (const char *kind)
{
  if (g_strcmp0 (kind, "ОГЭ") == 0 || g_strcmp0 (kind, "ВПР") == 0)
    return 2;
  return 1;
}

char *
shnor_number_format_mean (double      value,
                          const char *kind)
{
  return shnor_number_format (value, shnor_number_mean_decimals (kind), SHNOR_NUMBER_PLAIN);
}

char *
shnor_number_format_count (gint64 value)
{
  return shnor_number_format ((double) value, 0, SHNOR_NUMBER_GROUPED);
}

/* Thousand roubles, with the kopecks the budget tables show */
char *
shnor_number_format_money (double value)
{
  return shnor_number_format (value, 2, SHNOR_NUMBER_GROUPED);
}

char *
shnor_number_format_percent (double value,
                             int    decimals)
{
  return shnor_number_format (value, decimals, SHNOR_NUMBER_PERCENT | SHNOR_NUMBER_TRIM);
}
