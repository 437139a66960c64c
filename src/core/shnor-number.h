/* shnor-number.h: one way of writing numbers for the whole interface and
 * every document, the Russian one whatever the system locale: a decimal
 * comma, a true minus sign «−», thousands apart by a narrow no-break space
 * where asked, «%» after a no-break space. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SHNOR_NUMBER_PLAIN   = 0,
  SHNOR_NUMBER_GROUPED = 1 << 0,  /* 1 234 567 (U+202F between groups) */
  SHNOR_NUMBER_TRIM    = 1 << 1,  /* trailing zeros of the decimals dropped */
  SHNOR_NUMBER_PERCENT = 1 << 2,  /* «12,5 %» (U+00A0 before the sign) */
  SHNOR_NUMBER_SIGNED  = 1 << 3,  /* «+0,25» for a change upwards */
} ShnorNumberFlags;

#define SHNOR_MINUS_SIGN        "\xe2\x88\x92"  /* U+2212 */
#define SHNOR_THIN_NBSP         "\xe2\x80\xaf"  /* U+202F */
#define SHNOR_NBSP              "\xc2\xa0"      /* U+00A0 */

char *shnor_number_format         (double            value,
                                   int               decimals,
                                   ShnorNumberFlags  flags);
int   shnor_number_mean_decimals  (const char       *kind);
char *shnor_number_format_mean    (double            value,
                                   const char       *kind);
char *shnor_number_format_count   (gint64            value);
char *shnor_number_format_money   (double            value);
char *shnor_number_format_percent (double            value,
                                   int               decimals);

G_END_DECLS
