/* shnor-field.h: the description of an editable value (a column of a
 * table) and its parsing from what a user typed: one place decides what is
 * a valid pupil count or share, for the UI, the import and the tests alike. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  SHNOR_FIELD_TEXT,
  SHNOR_FIELD_EMAIL,
  SHNOR_FIELD_INT,
  SHNOR_FIELD_REAL,
  SHNOR_FIELD_BOOL,
  SHNOR_FIELD_DATE,   /* stored as YYYY-MM-DD, shown and typed as ДД.ММ.ГГГГ */
  SHNOR_FIELD_LONG_TEXT, /* a text of several lines and paragraphs */
  SHNOR_FIELD_CHOICE, /* a number from min to max, shown as one of its labels */
  SHNOR_FIELD_MONTH,  /* stored as YYYY-MM, shown and typed as ММ.ГГГГ (or «май 2026») */
} ShnorFieldKind;

typedef struct {
  const char     *column;   /* SQL column; the GObject property has '-' for '_' */
  ShnorFieldKind  kind;
  const char     *label;    /* untranslated; N_() marked */
  double          min;
  double          max;
  gboolean        required;
  const char     *short_label; /* for table headers; NULL: the label */
} ShnorField;

const ShnorField *shnor_field_find   (const ShnorField *fields,
                                      guint             n_fields,
                                      const char       *column);
gboolean          shnor_field_parse  (const ShnorField *field,
                                      const char       *text,
                                      GValue           *value,
                                      GError          **error);
char             *shnor_field_format (const ShnorField *field,
                                      const GValue     *value);

gboolean          shnor_parse_date   (const char       *text,
                                      GDate            *date);
char             *shnor_format_iso_date (const char    *iso);
gboolean          shnor_parse_month  (const char       *text,
                                      int              *year,
                                      int              *month);
char             *shnor_format_iso_month (const char   *iso);

gboolean          shnor_parse_double (const char       *text,
                                      double           *value);
char             *shnor_format_double (double           value,
                                       int              max_decimals);

G_END_DECLS
