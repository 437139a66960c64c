/* shnor-russian.h: the Russian grammar the documents need and nobody
 * types twice: personal names in the cases an order uses («возложить на
 * … Петрову Е. А.»), their short forms for a signature («И. В. Соколова»),
 * and the head of a noun phrase declined — a position («заместителя
 * начальника управления»), an authority («Управления образования …»), a
 * document («муниципальной программы …»), a normative act («Федеральным
 * законом …»). These are proposals: where they guess wrong, the user's
 * own form is kept instead (settings, order texts). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SHNOR_CASE_NOMINATIVE = 0,
  SHNOR_CASE_GENITIVE,
  SHNOR_CASE_DATIVE,
  SHNOR_CASE_ACCUSATIVE,
  SHNOR_CASE_INSTRUMENTAL,
  SHNOR_N_CASES
} ShnorCase;

typedef enum {
  SHNOR_GENDER_UNKNOWN = 0,
  SHNOR_GENDER_MALE,
  SHNOR_GENDER_FEMALE,
} ShnorGender;

ShnorGender shnor_russian_name_gender   (const char *name);
char       *shnor_russian_decline_name  (const char *name,
                                         ShnorCase   grammatical_case);
char       *shnor_russian_short_name    (const char *name,
                                         gboolean    initials_first);
char       *shnor_russian_decline_phrase (const char *phrase,
                                         ShnorCase   grammatical_case,
                                         gboolean    animate);
char       *shnor_russian_lower_first   (const char *text);
gboolean    shnor_russian_starts_with_document_noun (const char *title);
char       *shnor_russian_bind_spaces   (const char *text);

G_END_DECLS
