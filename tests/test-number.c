/* test-number.c: numbers are written the Russian way whatever the locale:
 * decimal comma, «−», narrow no-break spaces between thousands, « %». */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "shnor-field.h"
#include "shnor-number.h"

static void
check (char       *got,
       const char *expected)
{
  g_assert_cmpstr (got, ==, expected);
  g_free (got);
}

static void
test_format (void)
{
  check (shnor_number_format (3.75, 2, SHNOR_NUMBER_PLAIN), "3,75");
  check (shnor_number_format (3.7, 2, SHNOR_NUMBER_PLAIN), "3,70");
  check (shnor_number_format (3.7, 2, SHNOR_NUMBER_TRIM), "3,7");
  check (shnor_number_format (4.0, 2, SHNOR_NUMBER_TRIM), "4");
  check (shnor_number_format (-0.25, 2, SHNOR_NUMBER_PLAIN), SHNOR_MINUS_SIGN "0,25");
  check (shnor_number_format (-0.001, 2, SHNOR_NUMBER_PLAIN), "0,00");
  check (shnor_number_format (-0.001, 2, SHNOR_NUMBER_SIGNED), "0,00");
  check (shnor_number_format (0.3, 1, SHNOR_NUMBER_SIGNED), "+0,3");
  check (shnor_number_format (1234, 0, SHNOR_NUMBER_GROUPED), "1234");
  check (shnor_number_format (12345, 0, SHNOR_NUMBER_GROUPED), "12" SHNOR_THIN_NBSP "345");
  check (shnor_number_format (-1234567.5, 2, SHNOR_NUMBER_GROUPED),
         SHNOR_MINUS_SIGN "1" SHNOR_THIN_NBSP "234" SHNOR_THIN_NBSP "567,50");
  check (shnor_number_format (1234567, 0, SHNOR_NUMBER_PLAIN), "1234567");
  check (shnor_number_format (12.5, 1, SHNOR_NUMBER_PERCENT), "12,5" SHNOR_NBSP "%");
  check (shnor_number_format (1.0 / 0.0, 2, SHNOR_NUMBER_PLAIN), "—");
  check (shnor_number_format (2.675, 9, SHNOR_NUMBER_TRIM), "2,675");
  /* as a spreadsheet rounds: half away from zero, from 15 digits */
  check (shnor_number_format (2.675, 2, SHNOR_NUMBER_PLAIN), "2,68");
  check (shnor_number_format (61.25, 1, SHNOR_NUMBER_PLAIN), "61,3");
  check (shnor_number_format (-0.125, 2, SHNOR_NUMBER_PLAIN), SHNOR_MINUS_SIGN "0,13");
  check (shnor_number_format (9.995, 2, SHNOR_NUMBER_PLAIN), "10,00");
  check (shnor_number_format (999.96, 1, SHNOR_NUMBER_PLAIN), "1000,0");
  check (shnor_number_format (0.0004, 3, SHNOR_NUMBER_PLAIN), "0,000");
  check (shnor_number_format (0.0005, 3, SHNOR_NUMBER_PLAIN), "0,001");
  check (shnor_number_format (25.000000000000004, 2, SHNOR_NUMBER_TRIM), "25");
  check (shnor_number_format (1e-12, 2, SHNOR_NUMBER_PLAIN), "0,00");
  check (shnor_number_format (123456789012.5, 0, SHNOR_NUMBER_PLAIN), "123456789013");
  check (shnor_number_format (0.5, 0, SHNOR_NUMBER_PLAIN), "1");
  check (shnor_number_format (0, 2, SHNOR_NUMBER_PLAIN), "0,00");
  check (shnor_number_format (1e15, 2, SHNOR_NUMBER_PLAIN), "1000000000000000");
  {
    g_autofree char *huge = shnor_number_format (-1e300, 2, SHNOR_NUMBER_PLAIN);

    g_assert_true (g_str_has_prefix (huge, SHNOR_MINUS_SIGN "1"));
    g_assert_cmpuint (strlen (huge), ==, strlen (SHNOR_MINUS_SIGN) + 301);
  }
}

/* Values away from a half, in every order of magnitude a document shows:
 * the digits are those of the integer the value rounds to. */
static void
test_many (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1789);

  for (guint i = 0; i < 200000; i++)
    {
      int decimals = g_rand_int_range (rand, 0, 7);
      guint64 n = (guint64) g_rand_int_range (rand, 0, 10000000) / (guint64) (1 + g_rand_int_range (rand, 0, 1000));
      double fraction = g_rand_double_range (rand, 0.02, 0.48) + (g_rand_boolean (rand) ? 0.5 : 0);
      gboolean negative = g_rand_boolean (rand);
      double value = ((double) n + fraction) / pow (10, decimals) * (negative ? -1 : 1);
      guint64 rounded = n + (fraction > 0.5);
      g_autofree char *digits = g_strdup_printf ("%0*" G_GUINT64_FORMAT, decimals + 1, rounded);
      g_autoptr(GString) expected = g_string_new (negative && rounded > 0 ? SHNOR_MINUS_SIGN : "");

      g_string_append_len (expected, digits, (gssize) (strlen (digits) - (gsize) decimals));
      if (decimals > 0)
        g_string_append_printf (expected, ",%s", digits + strlen (digits) - decimals);
      check (shnor_number_format (value, decimals, SHNOR_NUMBER_PLAIN), expected->str);
    }
}

static void
test_kinds (void)
{
  check (shnor_number_format_mean (3.7, "ОГЭ"), "3,70");
  check (shnor_number_format_mean (3.754, "ВПР"), "3,75");
  check (shnor_number_format_mean (61.25, "ЕГЭ"), "61,3");
  check (shnor_number_format_mean (55, "РДР"), "55,0");
  check (shnor_number_format_count (1234), "1234");
  check (shnor_number_format_count (25000), "25" SHNOR_THIN_NBSP "000");
  check (shnor_number_format_money (15000.5), "15" SHNOR_THIN_NBSP "000,50");
  check (shnor_number_format_percent (100, 1), "100" SHNOR_NBSP "%");
  check (shnor_number_format_percent (7.25, 1), "7,3" SHNOR_NBSP "%");
}

/* What an entry shows is read back to the same value. */
static void
test_round_trip (void)
{
  static const double values[] = { 0, 3.75, -0.25, 12345.5, -1234567.25, 99.9 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *grouped = shnor_number_format (values[i], 2, SHNOR_NUMBER_GROUPED);
      g_autofree char *plain = shnor_format_double (values[i], 4);
      double back = 0;

      g_assert_true (shnor_parse_double (grouped, &back));
      g_assert_cmpfloat_with_epsilon (back, values[i], 1e-9);
      g_assert_true (shnor_parse_double (plain, &back));
      g_assert_cmpfloat_with_epsilon (back, values[i], 1e-9);
    }
}

int
main (int argc, char **argv)
{
  /* The locale must not matter: the suite runs under C.UTF-8 and ru_RU. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/number/format", test_format);
  g_test_add_func ("/number/many", test_many);
  g_test_add_func ("/number/kinds", test_kinds);
  g_test_add_func ("/number/round-trip", test_round_trip);
  return g_test_run ();
}
