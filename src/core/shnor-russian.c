/* shnor-russian.c: declension of Russian personal names and of the head
 * of a noun phrase, by the endings that decide it. Names follow the rules
 * of the official style: a surname in -ов/-ин/-ский declines, one in
 * -ко, -ых/-их, -аго/-яго, -о and a woman's surname ending in a consonant
 * do not; each part of a double surname declines on its own; initials
 * never change. A phrase («Управление образования администрации …»)
 * declines its leading adjectives and its first noun and keeps the rest,
 * which already stands in the case the head governs. No dictionary: what
 * the endings cannot tell (stress, fleeting vowels of rare words) the user
 * corrects where the proposal is shown. */
#define G_LOG_DOMAIN "shnor-russian"

#include "config.h"
#include <string.h>

#include "shnor-russian.h"

/* ---- words ----------------------------------------------------------------- */

static gboolean
is_all_upper (const char *word)
{
  int letters = 0;

  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      if (g_unichar_isalpha (c))
        letters++;
    }
  return letters > 1;
}

/* The @k-th letter from the end of @lower (1: the last) */
static gunichar
from_end (const char *lower,
          glong       k)
{
  glong n = g_utf8_strlen (lower, -1);

  return n >= k ? g_utf8_get_char (g_utf8_offset_to_pointer (lower, n - k)) : 0;
}

static gboolean
one_of (gunichar    c,
        const char *letters)
{
  for (const char *p = letters; *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return TRUE;
  return FALSE;
}

#define VELAR    "гкх"
#define SIBILANT "жшщч"
#define VOWELS   "аеёиоуыэюя"

/* @word without its last @drop letters, then @ending (upper case in a
 * word written in capitals) */
static char *
with_ending (const char *word,
             glong       drop,
             const char *ending)
{
  glong n = g_utf8_strlen (word, -1);
  g_autofree char *stem = g_utf8_substring (word, 0, MAX (0, n - drop));
  g_autofree char *tail = is_all_upper (word) ? g_utf8_strup (ending, -1) : g_strdup (ending);

  return g_strconcat (stem, tail, NULL);
}

/* A paradigm: how many letters go, and what comes instead in the
 * genitive, dative, accusative and instrumental */
typedef struct {
  glong       drop;
  const char *endings[SHNOR_N_CASES];
} Paradigm;

static char *
apply (const char     *word,
       const Paradigm *p,
       ShnorCase       c)
{
  if (p == NULL || c == SHNOR_CASE_NOMINATIVE || p->endings[c] == NULL)
    return g_strdup (word);
  return with_ending (word, p->drop, p->endings[c]);
}

/* Nouns (and name parts declined as nouns) ending in -а/-я */
static const Paradigm noun_a       = { 1, { NULL, "ы", "е", "у", "ой" } };
static const Paradigm noun_a_velar = { 1, { NULL, "и", "е", "у", "ой" } };
static const Paradigm noun_a_sib   = { 1, { NULL, "и", "е", "у", "ей" } };
static const Paradigm noun_a_ts    = { 1, { NULL, "ы", "е", "у", "ей" } };
static const Paradigm noun_ya      = { 1, { NULL, "и", "е", "ю", "ей" } };
static const Paradigm noun_iya     = { 1, { NULL, "и", "и", "ю", "ей" } };

static const Paradigm *
paradigm_a (const char *lower)
{
  gunichar before = from_end (lower, 2);

  if (g_str_has_suffix (lower, "ия"))
    return &noun_iya;
  if (g_str_has_suffix (lower, "я"))
    return &noun_ya;
  if (one_of (before, SIBILANT))
    return &noun_a_sib;
  if (before == 0x0446 /* ц */)
    return &noun_a_ts;
  return one_of (before, VELAR) ? &noun_a_velar : &noun_a;
}

/* ---- personal names ------------------------------------------------------------ */

static gboolean
is_initials (const char *token)
{
  /* «И.», «И.В.», «Е.-М.» */
  gboolean letter = FALSE;

  if (!g_str_has_suffix (token, "."))
    return FALSE;
  for (const char *p = token; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        {
          if (letter || !g_unichar_isupper (c))
            return FALSE;
          letter = TRUE;
        }
      else if (c == '.' || c == '-')
        letter = FALSE;
      else
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_patronymic_suffix (const char *lower)
{
  return g_str_equal (lower, "оглы") || g_str_equal (lower, "улы") || g_str_equal (lower, "кызы") ||
         g_str_equal (lower, "гызы");
}

static ShnorGender
patronymic_gender (const char *token)
{
  g_autofree char *lower = g_utf8_strdown (token, -1);
  glong n = g_utf8_strlen (lower, -1);

  if (g_str_equal (lower, "оглы") || g_str_equal (lower, "улы"))
    return SHNOR_GENDER_MALE;
  if (g_str_equal (lower, "кызы") || g_str_equal (lower, "гызы"))
    return SHNOR_GENDER_FEMALE;
  if (n >= 5 && g_str_has_suffix (lower, "ич"))
    return SHNOR_GENDER_MALE;
  if (n >= 5 && (g_str_has_suffix (lower, "вна") || g_str_has_suffix (lower, "чна")))
    return SHNOR_GENDER_FEMALE;
  return SHNOR_GENDER_UNKNOWN;
}

/* Men's names that end like women's */
static const char * const male_in_a[] = {
  "никита", "илья", "кузьма", "фома", "лука", "савва", "данила", "гаврила", "иона", "мина", "сила",
  "ерема", "емеля", NULL,
};

/* Women's names in -ь */
static const char * const female_in_soft[] = { "любовь", "нинель", "адель", "ассоль", "рахиль", "эсфирь", NULL };

static gboolean
in_list (const char * const *list,
         const char         *lower)
{
  return g_strv_contains (list, lower);
}

static ShnorGender
first_name_gender (const char *token)
{
  g_autofree char *lower = g_utf8_strdown (token, -1);
  gunichar last = from_end (lower, 1);

  if (in_list (male_in_a, lower))
    return SHNOR_GENDER_MALE;
  if (in_list (female_in_soft, lower))
    return SHNOR_GENDER_FEMALE;
  if (last == 0x0430 /* а */ || last == 0x044F /* я */)
    return SHNOR_GENDER_FEMALE;
  if (g_unichar_isalpha (last) && !one_of (last, VOWELS))
    return SHNOR_GENDER_MALE;
  return SHNOR_GENDER_UNKNOWN;
}

static ShnorGender
surname_gender (const char *token)
{
  static const char * const female[] = { "ова", "ева", "ёва", "ина", "ына", "ая", "яя", NULL };
  static const char * const male[] = { "ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ой", "ый", NULL };
  g_autofree char *lower = g_utf8_strdown (token, -1);
  const char *last_part = strrchr (lower, '-') ? strrchr (lower, '-') + 1 : lower;

  for (guint i = 0; female[i]; i++)
    if (g_str_has_suffix (last_part, female[i]))
      return SHNOR_GENDER_FEMALE;
  for (guint i = 0; male[i]; i++)
    if (g_str_has_suffix (last_part, male[i]))
      return SHNOR_GENDER_MALE;
  return SHNOR_GENDER_UNKNOWN;
}

/* The parts of a name as written: «Соколова Ирина Викторовна»,
 * «Ирина Викторовна Соколова», «Соколова И. В.», «И. В. Соколова». */
typedef struct {
  GStrv  tokens;
  int    surname;      /* index, or -1 */
  int    first;
  int    patronymic;   /* the first token of it («Гасан оглы» has two) */
  int    n_patronymic;
} Name;

static void
name_parse (Name       *name,
            const char *text)
{
  g_autoptr(GString) spaced = g_string_new (text ? text : "");
  g_auto(GStrv) raw = NULL;
  GStrvBuilder *builder = g_strv_builder_new ();
  guint n = 0, n_initials = 0;

  /* a no-break space is a space here (it is two bytes: not a separator
   * g_strsplit_set() takes) */
  g_string_replace (spaced, "\u00a0", " ", 0);
  raw = g_strsplit_set (spaced->str, " \t\n", -1);
  for (guint i = 0; raw[i]; i++)
    if (raw[i][0])
      g_strv_builder_add (builder, raw[i]);
  name->tokens = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  name->surname = name->first = name->patronymic = -1;
  name->n_patronymic = 0;
  n = g_strv_length (name->tokens);
  for (guint i = 0; i < n; i++)
    n_initials += is_initials (name->tokens[i]);
  if (n == 0)
    return;
  if (n_initials > 0)
    {
      /* the one word that is not initials is the surname */
      for (guint i = 0; i < n; i++)
        if (!is_initials (name->tokens[i]))
          {
            name->surname = (int) i;
            break;
          }
      return;
    }
  if (n >= 4)
    {
      g_autofree char *lower = g_utf8_strdown (name->tokens[n - 1], -1);

      if (is_patronymic_suffix (lower))
        {
          name->surname = 0;
          name->first = 1;
          name->patronymic = 2;
          name->n_patronymic = (int) n - 2;
          return;
        }
    }
  if (n == 1)
    name->surname = 0;
  else if (n == 2)
    {
      if (patronymic_gender (name->tokens[1]) != SHNOR_GENDER_UNKNOWN)
        {
          name->first = 0;
          name->patronymic = 1;
          name->n_patronymic = 1;
        }
      else
        {
          name->surname = 0;
          name->first = 1;
        }
    }
  else if (patronymic_gender (name->tokens[1]) != SHNOR_GENDER_UNKNOWN &&
           patronymic_gender (name->tokens[2]) == SHNOR_GENDER_UNKNOWN)
    {
      name->first = 0;
      name->patronymic = 1;
      name->n_patronymic = 1;
      name->surname = 2;
    }
  else
    {
      name->surname = 0;
      name->first = 1;
      name->patronymic = 2;
      name->n_patronymic = 1;
    }
}

static ShnorGender
name_gender (const Name *name)
{
  ShnorGender g = SHNOR_GENDER_UNKNOWN;

  if (name->patronymic >= 0)
    g = patronymic_gender (name->tokens[name->patronymic + name->n_patronymic - 1]);
  if (g == SHNOR_GENDER_UNKNOWN && name->patronymic >= 0)
    g = patronymic_gender (name->tokens[name->patronymic]);
  if (g == SHNOR_GENDER_UNKNOWN && name->first >= 0)
    g = first_name_gender (name->tokens[name->first]);
  if (g == SHNOR_GENDER_UNKNOWN && name->surname >= 0)
    g = surname_gender (name->tokens[name->surname]);
  return g;
}

/**
 * shnor_russian_name_gender:
 * @name: «Фамилия Имя Отчество» in any usual order, or with initials
 *
 * Returns: the gender the patronymic, else the first name, else the
 * surname shows; unknown when none does.
 */
ShnorGender
shnor_russian_name_gender (const char *name)
{
  Name parsed;
  ShnorGender g;

  name_parse (&parsed, name);
  g = name_gender (&parsed);
  g_strfreev (parsed.tokens);
  return g;
}

/* One part of a surname (without hyphens) */
static char *
decline_surname_part (const char  *word,
                      ShnorGender  gender,
                      ShnorCase    c)
{
  static const Paradigm adj_hard = { 2, { NULL, "ого", "ому", "ого", "ым" } };
  static const Paradigm adj_velar = { 2, { NULL, "ого", "ому", "ого", "им" } };
  static const Paradigm adj_soft = { 2, { NULL, "его", "ему", "его", "им" } };
  static const Paradigm possessive = { 0, { NULL, "а", "у", "а", "ым" } };
  static const Paradigm hard = { 0, { NULL, "а", "у", "а", "ом" } };
  static const Paradigm hard_sib = { 0, { NULL, "а", "у", "а", "ем" } };
  static const Paradigm soft = { 1, { NULL, "я", "ю", "я", "ем" } };
  static const Paradigm fem_possessive = { 1, { NULL, "ой", "ой", "у", "ой" } };
  static const Paradigm fem_adj = { 2, { NULL, "ой", "ой", "ую", "ой" } };
  static const Paradigm fem_adj_soft = { 2, { NULL, "ей", "ей", "юю", "ей" } };
  static const char * const indeclinable[] = { "ых", "их", "ко", "аго", "яго", "о", "е", "и", "у", "ю", "э", "ы",
                                               NULL };
  g_autofree char *lower = g_utf8_strdown (word, -1);
  glong n = g_utf8_strlen (lower, -1);
  gunichar last = from_end (lower, 1), third = from_end (lower, 3);
  const Paradigm *p = NULL;

  if (n < 2)
    return g_strdup (word);
  for (guint i = 0; indeclinable[i]; i++)
    if (g_str_has_suffix (lower, indeclinable[i]))
      return g_strdup (word);
  if (last == 0x0430 /* а */ || last == 0x044F /* я */)
    {
      if (gender != SHNOR_GENDER_MALE &&
          (g_str_has_suffix (lower, "ова") || g_str_has_suffix (lower, "ева") || g_str_has_suffix (lower, "ёва") ||
           g_str_has_suffix (lower, "ина") || g_str_has_suffix (lower, "ына")))
        p = &fem_possessive;
      else if (gender != SHNOR_GENDER_MALE && g_str_has_suffix (lower, "ая") && n > 3)
        p = &fem_adj;
      else if (gender != SHNOR_GENDER_MALE && g_str_has_suffix (lower, "яя") && n > 3)
        p = &fem_adj_soft;
      else
        p = paradigm_a (lower);
      return apply (word, p, c);
    }
  /* a woman's surname that ends otherwise stays as it is */
  if (gender == SHNOR_GENDER_FEMALE)
    return g_strdup (word);
  if (g_str_has_suffix (lower, "ий") && n > 3 && one_of (third, VELAR))
    p = &adj_velar;
  else if (g_str_has_suffix (lower, "ий") && n > 3 && (one_of (third, SIBILANT) || third == 0x043D /* н */))
    p = &adj_soft;
  else if (g_str_has_suffix (lower, "ый") || (g_str_has_suffix (lower, "ой") && n > 4))
    p = &adj_hard;
  else if (last == 0x044C /* ь */ || last == 0x0439 /* й */)
    p = &soft;
  else if (g_str_has_suffix (lower, "ов") || g_str_has_suffix (lower, "ев") || g_str_has_suffix (lower, "ёв") ||
           g_str_has_suffix (lower, "ин") || g_str_has_suffix (lower, "ын"))
    p = &possessive;
  else if (g_unichar_isalpha (last) && !one_of (last, VOWELS))
    p = one_of (last, SIBILANT) || last == 0x0446 /* ц */ ? &hard_sib : &hard;
  return apply (word, p, c);
}

static char *
decline_surname (const char  *word,
                 ShnorGender  gender,
                 ShnorCase    c)
{
  g_auto(GStrv) parts = g_strsplit (word, "-", -1);

  for (guint i = 0; parts[i]; i++)
    {
      char *declined = decline_surname_part (parts[i], gender, c);

      g_free (parts[i]);
      parts[i] = declined;
    }
  return g_strjoinv ("-", parts);
}

static char *
decline_first_name (const char  *word,
                    ShnorGender  gender,
                    ShnorCase    c)
{
  static const struct { const char *name, *stem; } fleeting[] = {
    { "лев", "Льв" }, { "павел", "Павл" }, { "пётр", "Петр" }, { "петр", "Петр" },
  };
  static const Paradigm hard = { 0, { NULL, "а", "у", "а", "ом" } };
  static const Paradigm soft = { 1, { NULL, "я", "ю", "я", "ем" } };
  static const Paradigm fem_soft = { 1, { NULL, "и", "и", "ь", "ью" } };
  g_autofree char *lower = g_utf8_strdown (word, -1);
  gunichar last = from_end (lower, 1);

  if (c == SHNOR_CASE_NOMINATIVE)
    return g_strdup (word);
  for (guint i = 0; i < G_N_ELEMENTS (fleeting); i++)
    if (g_str_equal (lower, fleeting[i].name))
      {
        static const char * const endings[] = { "", "а", "у", "а", "ом" };

        return g_strconcat (fleeting[i].stem, endings[c], NULL);
      }
  if (last == 0x0430 /* а */ || last == 0x044F /* я */)
    return apply (word, paradigm_a (lower), c);
  if (gender == SHNOR_GENDER_FEMALE)
    return last == 0x044C /* ь */ ? apply (word, &fem_soft, c) : g_strdup (word);
  if (last == 0x044C /* ь */ || last == 0x0439 /* й */)
    return apply (word, &soft, c);
  if (g_unichar_isalpha (last) && !one_of (last, VOWELS))
    return apply (word, &hard, c);
  return g_strdup (word);
}

static char *
decline_patronymic (const char *word,
                    ShnorCase   c)
{
  static const Paradigm male = { 0, { NULL, "а", "у", "а", "ем" } };
  static const Paradigm female = { 1, { NULL, "ы", "е", "у", "ой" } };
  ShnorGender g = patronymic_gender (word);
  g_autofree char *lower = g_utf8_strdown (word, -1);

  if (is_patronymic_suffix (lower))
    return g_strdup (word);
  if (g == SHNOR_GENDER_MALE)
    return apply (word, &male, c);
  if (g == SHNOR_GENDER_FEMALE)
    return apply (word, &female, c);
  return g_strdup (word);
}

/**
 * shnor_russian_decline_name:
 * @name: a person's name as written (full, or with initials)
 *
 * Returns: (transfer full): @name in @grammatical_case, its order and
 * initials kept: «Петрова Елена Андреевна» → «Петровой Елены Андреевны»,
 * «Петрова Е. А.» → «Петрову Е. А.» (accusative).
 */
char *
shnor_russian_decline_name (const char *name,
                            ShnorCase   grammatical_case)
{
  Name parsed;
  ShnorGender gender;
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail ((guint) grammatical_case < SHNOR_N_CASES, NULL);
  name_parse (&parsed, name);
  gender = name_gender (&parsed);
  for (int i = 0; parsed.tokens[i]; i++)
    {
      g_autofree char *word = NULL;

      if (i == parsed.surname)
        word = decline_surname (parsed.tokens[i], gender, grammatical_case);
      else if (i == parsed.first)
        word = decline_first_name (parsed.tokens[i], gender, grammatical_case);
      else if (parsed.patronymic >= 0 && i == parsed.patronymic + parsed.n_patronymic - 1 && parsed.n_patronymic == 1)
        word = decline_patronymic (parsed.tokens[i], grammatical_case);
      else
        word = g_strdup (parsed.tokens[i]);   /* initials, «Гасан оглы» */
      g_string_append_printf (out, "%s%s", out->len ? " " : "", word);
    }
  g_strfreev (parsed.tokens);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* «Ирина» → «И.», «Анна-Мария» → «А.-М.», «И.» as it is */
static void
append_initial (GString    *out,
                const char *token)
{
  g_auto(GStrv) parts = NULL;

  if (is_initials (token))
    {
      /* «И.В.» → «И. В.» */
      for (const char *p = token; *p; p = g_utf8_next_char (p))
        {
          g_string_append_unichar (out, g_utf8_get_char (p));
          if (*p == '.' && p[1] && p[1] != '-')
            g_string_append_c (out, ' ');
        }
      return;
    }
  parts = g_strsplit (token, "-", -1);
  for (guint i = 0; parts[i]; i++)
    if (parts[i][0])
      {
        if (i > 0)
          g_string_append_c (out, '-');
        g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (parts[i])));
        g_string_append_c (out, '.');
      }
}

/**
 * shnor_russian_short_name:
 * @initials_first: «И. В. Соколова» (a signature, ГОСТ Р 7.0.97) rather
 *   than «Соколова И. В.» (a list of people)
 *
 * Returns: (transfer full): the surname with the initials of the first
 * name and patronymic; @name as it is when it has no surname to keep.
 */
char *
shnor_russian_short_name (const char *name,
                          gboolean    initials_first)
{
  Name parsed;
  g_autoptr(GString) initials = g_string_new (NULL);
  char *out;

  name_parse (&parsed, name);
  if (parsed.surname < 0 || g_strv_length (parsed.tokens) < 2)
    {
      out = g_strjoinv (" ", parsed.tokens);
      g_strfreev (parsed.tokens);
      return out;
    }
  for (int i = 0; parsed.tokens[i]; i++)
    {
      if (i == parsed.surname || (parsed.patronymic >= 0 && i > parsed.patronymic &&
                                  i < parsed.patronymic + parsed.n_patronymic))
        continue;
      if (initials->len)
        g_string_append_c (initials, ' ');
      append_initial (initials, parsed.tokens[i]);
    }
  out = initials_first ? g_strdup_printf ("%s %s", initials->str, parsed.tokens[parsed.surname])
                       : g_strdup_printf ("%s %s", parsed.tokens[parsed.surname], initials->str);
  g_strfreev (parsed.tokens);
  return out;
}

/* ---- phrases ------------------------------------------------------------------ */

typedef enum { WORD_ADJECTIVE, WORD_NOUN, WORD_KEEP, WORD_STOP } WordKind;

/* Words an official phrase starts with that decline in no way */
static const char * const kept_words[] = { "временно", "и.о.", NULL };

static WordKind
word_kind (const char *word,
           const char *lower)
{
  static const char * const adjective[] = { "ый", "ий", "ой", "ая", "яя", "ое", "ее", NULL };
  gunichar first = g_utf8_get_char (word);

  if (!g_unichar_isalpha (first) || is_all_upper (word) || strchr (word, '.') != NULL)
    return in_list (kept_words, lower) ? WORD_KEEP : WORD_STOP;
  if (in_list (kept_words, lower))
    return WORD_KEEP;
  if (g_utf8_strlen (lower, -1) > 3)
    for (guint i = 0; adjective[i]; i++)
      if (g_str_has_suffix (lower, adjective[i]))
        return WORD_ADJECTIVE;
  return WORD_NOUN;
}

static char *
decline_adjective (const char *word,
                   const char *lower,
                   ShnorCase   c,
                   gboolean    animate)
{
  static const Paradigm masc_hard = { 2, { NULL, "ого", "ому", "ого", "ым" } };
  static const Paradigm masc_velar = { 2, { NULL, "ого", "ому", "ого", "им" } };
  static const Paradigm masc_soft = { 2, { NULL, "его", "ему", "его", "им" } };
  static const Paradigm fem_hard = { 2, { NULL, "ой", "ой", "ую", "ой" } };
  static const Paradigm fem_sib = { 2, { NULL, "ей", "ей", "ую", "ей" } };
  static const Paradigm fem_soft = { 2, { NULL, "ей", "ей", "юю", "ей" } };
  static const Paradigm neut_hard = { 2, { NULL, "ого", "ому", NULL, "ым" } };
  static const Paradigm neut_soft = { 2, { NULL, "его", "ему", NULL, "им" } };
  gunichar stem_end = from_end (lower, 3);
  const Paradigm *p;
  gboolean masculine = g_str_has_suffix (lower, "ый") || g_str_has_suffix (lower, "ий") ||
                       g_str_has_suffix (lower, "ой");

  if (masculine)
    {
      if (c == SHNOR_CASE_ACCUSATIVE && !animate)
        return g_strdup (word);
      if (g_str_has_suffix (lower, "ий"))
        p = one_of (stem_end, VELAR) ? &masc_velar : &masc_soft;
      else
        p = &masc_hard;
    }
  else if (g_str_has_suffix (lower, "ая"))
    p = one_of (stem_end, SIBILANT) ? &fem_sib : &fem_hard;
  else if (g_str_has_suffix (lower, "яя"))
    p = &fem_soft;
  else if (g_str_has_suffix (lower, "ое"))
    p = &neut_hard;
  else
    p = &neut_soft;
  return apply (word, p, c);
}

/* Masculine nouns whose vowel drops: «порядок» → «порядка» */
static const struct { const char *noun, *stem; gboolean soft; } fleeting_nouns[] = {
  { "порядок", "порядк", FALSE }, { "список", "списк", FALSE }, { "перечень", "перечн", TRUE },
  { "уровень", "уровн", TRUE }, { "образец", "образц", FALSE }, { "отец", "отц", FALSE },
};

/* @lower written with the capitals of @model: «ПОРЯДКА», «Порядка» */
static char *
capitalised_like (const char *model,
                  const char *lower)
{
  gunichar first = g_utf8_get_char (model);
  char buf[8] = { 0 };

  if (is_all_upper (model))
    return g_utf8_strup (lower, -1);
  if (!g_unichar_isupper (first) || *lower == '\0')
    return g_strdup (lower);
  g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (lower)), buf);
  return g_strconcat (buf, g_utf8_next_char (lower), NULL);
}

static char *
decline_fleeting (const char *word,
                  guint       i,
                  ShnorCase   c,
                  gboolean    animate)
{
  static const char * const hard[] = { NULL, "а", "у", "а", "ом" };
  static const char * const soft[] = { NULL, "я", "ю", "я", "ем" };
  const char *ending = (fleeting_nouns[i].soft ? soft : hard)[c];
  g_autofree char *lower = NULL;

  if (ending == NULL || (c == SHNOR_CASE_ACCUSATIVE && !animate))
    return g_strdup (word);
  lower = g_strconcat (fleeting_nouns[i].stem, ending, NULL);
  return capitalised_like (word, lower);
}

static char *
decline_noun (const char *word,
              const char *lower,
              ShnorCase   c,
              gboolean    animate)
{
  static const Paradigm masc_hard = { 0, { NULL, "а", "у", "а", "ом" } };
  static const Paradigm masc_hard_inanimate = { 0, { NULL, "а", "у", NULL, "ом" } };
  static const Paradigm masc_sib = { 0, { NULL, "а", "у", "а", "ем" } };
  static const Paradigm masc_sib_inanimate = { 0, { NULL, "а", "у", NULL, "ем" } };
  static const Paradigm masc_soft = { 1, { NULL, "я", "ю", "я", "ем" } };
  static const Paradigm masc_soft_inanimate = { 1, { NULL, "я", "ю", NULL, "ем" } };
  static const Paradigm fem_soft = { 1, { NULL, "и", "и", NULL, "ью" } };
  static const Paradigm neut_ie = { 1, { NULL, "я", "ю", NULL, "ем" } };
  static const Paradigm neut_o = { 1, { NULL, "а", "у", NULL, "ом" } };
  static const Paradigm neut_e = { 1, { NULL, "а", "у", NULL, "ем" } };
  gunichar last = from_end (lower, 1), before = from_end (lower, 2);

  for (guint i = 0; i < G_N_ELEMENTS (fleeting_nouns); i++)
    if (g_str_equal (lower, fleeting_nouns[i].noun))
      return decline_fleeting (word, i, c, animate);
  if (last == 0x0430 /* а */ || last == 0x044F /* я */)
    return apply (word, paradigm_a (lower), c);
  if (g_str_has_suffix (lower, "ие") || g_str_has_suffix (lower, "ье"))
    return apply (word, &neut_ie, c);
  if (last == 0x043E /* о */)
    return apply (word, &neut_o, c);
  if (last == 0x0435 /* е */ && (one_of (before, SIBILANT) || before == 0x0446))
    return apply (word, &neut_e, c);
  if (last == 0x044C /* ь */)
    {
      gboolean masculine = g_str_has_suffix (lower, "тель") || g_str_has_suffix (lower, "арь") ||
                           g_str_has_suffix (lower, "ярь") || g_str_has_suffix (lower, "ень");

      if (!masculine)
        return apply (word, &fem_soft, c);
      return apply (word, animate ? &masc_soft : &masc_soft_inanimate, c);
    }
  if (last == 0x0439 /* й */)
    return apply (word, animate ? &masc_soft : &masc_soft_inanimate, c);
  if (g_unichar_isalpha (last) && !one_of (last, VOWELS))
    {
      if (one_of (last, SIBILANT) || last == 0x0446 /* ц */)
        return apply (word, animate ? &masc_sib : &masc_sib_inanimate, c);
      return apply (word, animate ? &masc_hard : &masc_hard_inanimate, c);
    }
  return g_strdup (word);
}

/**
 * shnor_russian_decline_phrase:
 * @phrase: a noun phrase in the nominative: a position, an authority, the
 *   title of a document or of a normative act
 * @animate: a person (the accusative of a masculine noun is then its
 *   genitive: «заместителя начальника»)
 *
 * Returns: (transfer full): @phrase with its leading adjectives and first
 * noun in @grammatical_case and the rest as it is; an abbreviation, a
 * quotation or a number ends what declines. Capitals are kept.
 */
char *
shnor_russian_decline_phrase (const char *phrase,
                              ShnorCase   grammatical_case,
                              gboolean    animate)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = phrase ? phrase : "";
  gboolean done = grammatical_case == SHNOR_CASE_NOMINATIVE;

  g_return_val_if_fail ((guint) grammatical_case < SHNOR_N_CASES, NULL);
  while (*p)
    {
      const char *end = p;
      const char *core_end;
      g_autofree char *word = NULL;
      g_autofree char *lower = NULL;
      WordKind kind;

      /* the spaces before a word are kept as they are */
      while (*p == ' ' || *p == '\t' || *p == '\n')
        g_string_append_c (out, *p++);
      end = p;
      while (*end && *end != ' ' && *end != '\t' && *end != '\n')
        end++;
      if (end == p)
        break;
      /* a comma or a full stop after the word is not part of it */
      core_end = end;
      while (core_end > p && strchr (",;:)", core_end[-1]) != NULL)
        core_end--;
      word = g_strndup (p, core_end - p);
      lower = g_utf8_strdown (word, -1);
      kind = done ? WORD_STOP : word_kind (word, lower);
      if (kind == WORD_ADJECTIVE || kind == WORD_NOUN)
        {
          g_autofree char *declined = kind == WORD_ADJECTIVE
                                        ? decline_adjective (word, lower, grammatical_case, animate)
                                        : decline_noun (word, lower, grammatical_case, animate);

          g_string_append (out, declined);
          g_string_append_len (out, core_end, end - core_end);
          done = kind == WORD_NOUN;
        }
      else
        {
          g_string_append_len (out, p, end - p);
          done = done || kind == WORD_STOP;
        }
      p = end;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * shnor_russian_lower_first:
 *
 * Returns: (transfer full): @text with its first letter in lower case,
 * unless its first word is an abbreviation («МКОУ», «ИМЦ»).
 */
char *
shnor_russian_lower_first (const char *text)
{
  const char *p = text ? text : "";
  const char *end = p;
  g_autofree char *first_word = NULL;
  gunichar c = g_utf8_get_char (p);

  while (*end && *end != ' ')
    end++;
  first_word = g_strndup (p, end - p);
  if (*p == '\0' || !g_unichar_isupper (c) || is_all_upper (first_word))
    return g_strdup (p);
  {
    char buf[8] = { 0 };

    g_unichar_to_utf8 (g_unichar_tolower (c), buf);
    return g_strconcat (buf, g_utf8_next_char (p), NULL);
  }
}

/**
 * shnor_russian_starts_with_document_noun:
 *
 * Returns: TRUE when @title names its kind of document first
 * («Муниципальная программа …», «Дорожная карта …», «Порядок …»), so
 * that an order can decline it («Об утверждении муниципальной программы
 * …») instead of quoting it.
 */
gboolean
shnor_russian_starts_with_document_noun (const char *title)
{
  static const char * const nouns[] = {
    "программа", "программы", "план", "модель", "комплекс", "карта", "проект", "концепция", "стратегия",
    "положение", "порядок", "перечень", "регламент", "методика", NULL,
  };
  g_auto(GStrv) words = g_strsplit (title ? title : "", " ", 4);

  for (guint i = 0; words[i] && i < 3; i++)
    {
      g_autofree char *lower = g_utf8_strdown (words[i], -1);

      if (is_all_upper (words[i]) || g_utf8_get_char (words[i]) == 0x00AB /* « */)
        return FALSE;
      if (in_list (nouns, lower))
        return TRUE;
      if (word_kind (words[i], lower) != WORD_ADJECTIVE)
        return FALSE;
    }
  return FALSE;
}

static gboolean
is_number_word (const char *word)
{
  if (!g_ascii_isdigit (*word))
    return FALSE;
  for (const char *p = word; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != ',' && *p != '.' && *p != '-')
      return FALSE;
  return TRUE;
}

/* a word the next one is bound to: «№», «г.», «п.», «с.», «И.», «тыс.» */
static gboolean
binds_next (const char *word)
{
  glong n = g_utf8_strlen (word, -1);
  const char *last = word + strlen (word) - 1;

  if (g_str_equal (word, "№") || g_str_equal (word, "§") || g_str_equal (word, "тыс.") ||
      g_str_equal (word, "млн"))
    return TRUE;
  return n >= 2 && n <= 3 && *last == '.' && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (last)))
         && g_utf8_strchr (word, -1, '.') == last;
}

/* a word bound to the one before it: «—», «г.» after a number, «%» */
static gboolean
binds_previous (const char *previous,
                const char *word)
{
  if (g_str_has_prefix (word, "—") || g_str_has_prefix (word, "–") || g_str_equal (word, "%"))
    return TRUE;
  return is_number_word (previous) &&
         (g_str_has_prefix (word, "г.") || g_str_has_prefix (word, "гг.") || g_str_equal (word, "г") ||
          g_str_has_prefix (word, "тыс.") || g_str_has_prefix (word, "млн") || g_str_has_prefix (word, "руб."));
}

/**
 * shnor_russian_bind_spaces:
 *
 * Returns: @text with the spaces a Russian document never breaks made
 * no-break: after «№», «г.», «п.», «с.», initials and «тыс.», before a
 * dash, and between a number and «г.», «тыс.», «руб.» or «%» — so that no
 * line of an order ends with «г.» or starts with «—».
 */
char *
shnor_russian_bind_spaces (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint l = 0; lines[l]; l++)
    {
      g_auto(GStrv) words = g_strsplit (lines[l], " ", -1);

      if (l > 0)
        g_string_append_c (out, '\n');
      for (guint i = 0; words[i]; i++)
        {
          if (i > 0)
            {
              gboolean bind = words[i - 1][0] && words[i][0] &&
                              (binds_next (words[i - 1]) || binds_previous (words[i - 1], words[i]));

              g_string_append (out, bind ? "\u00a0" : " ");
            }
          g_string_append (out, words[i]);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
