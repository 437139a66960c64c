/* shnor-results-import.c */
#define G_LOG_DOMAIN "shnor-import"

#include "config.h"
#include <string.h>
#include <glib/gi18n-lib.h>

#include "shnor-error.h"
#include "shnor-results-import.h"

typedef enum {
  COL_SCHOOL, COL_CODE, COL_YEAR, COL_KIND, COL_SUBJECT, COL_GRADE,
  COL_PARTICIPANTS, COL_MEAN, COL_BELOW, COL_HIGH, N_COLUMNS
} Column;

/* The headers recognised, normalised (lower case, "ё" as "е", single
 * spaces); the first of each is the one the import template writes. */
static const char * const headers[N_COLUMNS] = {
  [COL_SCHOOL] = "школа|оо|образовательная организация|наименование оо|наименование|school",
  [COL_CODE] = "код|код оо|код школы|code",
  [COL_YEAR] = "год|учебный год|year",
  [COL_KIND] = "вид|вид оценки|процедура|оценочная процедура|kind",
  [COL_SUBJECT] = "предмет|учебный предмет|subject",
  [COL_GRADE] = "класс|параллель|grade",
  [COL_PARTICIPANTS] = "участники|участников|количество участников|кол-во участников|число участников|participants",
  [COL_MEAN] = "средний балл|средняя отметка|средний|mean|mean score",
  [COL_BELOW] = "ниже порога|не преодолели порог|не преодолели минимальный порог|получили 2|отметка 2|двойки|below",
  [COL_HIGH] = "высокие|высокие результаты|получили 4 и 5|отметки 4 и 5|4 и 5|high",
};

const char *
shnor_import_column_names (void)
{
  return "Школа / school, Код / code, Год / year, Вид / kind, Предмет / subject, Класс / grade, "
         "Участники / participants, Средний балл / mean, Ниже порога / below, Высокие / high";
}

static char *
normalise (const char *text)
{
  g_autofree char *down = g_utf8_strdown (text, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = down; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x0451) /* ё */
        c = 0x0435;
      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          space = out->len > 0;
          continue;
        }
      if (c == '"' || c == 0x00AB || c == 0x00BB || c == 0x201C || c == 0x201D || c == 0x201E ||
          c == '*' || c == ':')
        continue;
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static int
column_of_header (const char *header)
{
  g_autofree char *name = normalise (header);

  for (int c = 0; c < N_COLUMNS; c++)
    {
      g_auto(GStrv) aliases = g_strsplit (headers[c], "|", -1);

      if (g_strv_contains ((const char * const *) aliases, name))
        return c;
    }
  return -1;
}

static void
problem_free (gpointer data)
{
  ShnorImportProblem *p = data;

  g_free (p->column);
  g_free (p->message);
  g_free (p);
}

void
shnor_import_plan_free (ShnorImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_array_unref (plan->results);
  g_array_unref (plan->regional);
  g_ptr_array_unref (plan->problems);
  g_free (plan);
}

/* A plan with room for @n_rows results of schools. */
static ShnorImportPlan *
plan_new (guint n_rows)
{
  ShnorImportPlan *plan = g_new0 (ShnorImportPlan, 1);

  plan->results = g_array_sized_new (FALSE, FALSE, sizeof (ShnorResult), n_rows);
  plan->regional = g_array_new (FALSE, FALSE, sizeof (ShnorResult));
  plan->problems = g_ptr_array_new_with_free_func (problem_free);
  return plan;
}

static void
add_problem (ShnorImportPlan *plan,
             guint            line,
             const char      *column,
             const char      *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
add_problem (ShnorImportPlan *plan,
             guint            line,
             const char      *column,
             const char      *format,
             ...)
{
  ShnorImportProblem *p = g_new0 (ShnorImportProblem, 1);
  va_list args;

  p->line = line;
  p->column = g_strdup (column);
  va_start (args, format);
  p->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (plan->problems, p);
}

char *
shnor_import_problem_to_string (const ShnorImportProblem *p)
{
  if (p->line == 0)
    return g_strdup (p->message);
  if (p->column == NULL)
    return g_strdup_printf (_("Line %u: %s"), p->line, p->message);
  return g_strdup_printf (_("Line %u, column “%s”: %s"), p->line, p->column, p->message);
}

/* ---- matching schools ----------------------------------------------- */

typedef struct {
  GHashTable *by_code;
  GHashTable *by_name;   /* normalised full and short names; NULL value: ambiguous */
} Schools;

static void
schools_init (Schools       *s,
              ShnorDocument *document)
{
  GListModel *model = shnor_document_get_schools (document);

  s->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (model, i);
      const char *code = g_value_get_string (shnor_school_get_value (school, "code"));
      const char *names[2] = { shnor_school_get_full_name (school),
                               g_value_get_string (shnor_school_get_value (school, "short_name")) };

      if (code[0] != '\0')
        g_hash_table_insert (s->by_code, g_strdup (code), school);
      for (guint n = 0; n < 2; n++)
        {
          char *key;

          if (names[n] == NULL || names[n][0] == '\0')
            continue;
          key = normalise (names[n]);
          if (g_hash_table_contains (s->by_name, key) && g_hash_table_lookup (s->by_name, key) != school)
            g_hash_table_insert (s->by_name, key, NULL);
          else
            g_hash_table_insert (s->by_name, key, school);
        }
    }
}

static void
schools_clear (Schools *s)
{
  g_hash_table_unref (s->by_code);
  g_hash_table_unref (s->by_name);
}

/* ---- results seen ------------------------------------------------- */

/* The results of the plan, to find the same one given twice: for each
 * school, its assessments and years with the line of each, by open
 * addressing. A school's rows usually come together, and its small table
 * stays in the processor's cache meanwhile. */
typedef struct {
  guint assessment;   /* the ordinal of its Scale */
  int   year;
  guint line;         /* 0: an empty slot */
} SeenSlot;

typedef struct {
  gint64    school_id;   /* first: the key of the table of sets */
  SeenSlot *slots;
  gsize     mask;
  gsize     used;
} SeenSet;

static void
seen_set_free (gpointer data)
{
  SeenSet *set = data;

  g_free (set->slots);
  g_free (set);
}

static void
seen_set_init (SeenSet *set,
               gsize    size)
{
  set->slots = g_new0 (SeenSlot, size);
  set->mask = size - 1;
  set->used = 0;
}

static guint32
seen_hash (const SeenSlot *key)
{
  guint32 h = key->assessment * 0x9E3779B1u ^ (guint32) key->year * 0x85EBCA6Bu;

  return h ^ (h >> 15);
}

/* Adds @key; returns 0, or the line of the same result added before. */
static guint
seen_add (SeenSet        *set,
          const SeenSlot *key)
{
  if ((set->used + 1) * 10 > (set->mask + 1) * 7)
    {
      SeenSlot *old = set->slots;
      gsize n = set->mask + 1;

      seen_set_init (set, n * 2);
      for (gsize i = 0; i < n; i++)
        if (old[i].line != 0)
          seen_add (set, &old[i]);
      g_free (old);
    }
  for (gsize i = seen_hash (key) & set->mask; ; i = (i + 1) & set->mask)
    {
      SeenSlot *slot = &set->slots[i];

      if (slot->line == 0)
        {
          *slot = *key;
          set->used++;
          return 0;
        }
      if (slot->assessment == key->assessment && slot->year == key->year)
        return slot->line;
    }
}

/* The set of the school's results seen so far. */
static SeenSet *
seen_set_of (GHashTable *seen,
             gint64      school_id)
{
  SeenSet *set = g_hash_table_lookup (seen, &school_id);

  if (set == NULL)
    {
      set = g_new0 (SeenSet, 1);
      set->school_id = school_id;
      seen_set_init (set, 64);
      g_hash_table_insert (seen, &set->school_id, set);
    }
  return set;
}

/* ---- one row -------------------------------------------------------- */

/* The number at the start of @text ("11", "11 класс"); at most 6 digits. */
static int
leading_number (const char *text)
{
  int value = 0;

  for (int i = 0; i < 6 && g_ascii_isdigit (text[i]); i++)
    value = value * 10 + (text[i] - '0');
  return value;
}

typedef struct {
  ShnorResult assessment;   /* kind, subject and grade only */
  double      min, max;
  guint       ordinal;      /* 0, 1, 2… in the order the file names them */
} Scale;

typedef struct {
  ShnorImportPlan  *plan;
  ShnorDocument    *document;
  ShnorTable       *table;
  GHashTable       *scales;      /* assessment (a ShnorResult) → Scale */
  const Scale      *scale;       /* of the row read last */
  const char       *last_name;   /* the school cell of the previous row */
  ShnorSchool      *last_school; /* and the school it named */
  const ShnorTableRow *row;
  const char       *names[N_COLUMNS];  /* the file's own headers */
  int               index[N_COLUMNS];  /* -1: absent */
} Row;

static const char *
cell (Row    *r,
      Column  c)
{
  if (r->index[c] < 0)
    return "";
  return shnor_table_get_cell (r->table, r->row, (guint) r->index[c]);
}

static gboolean
parse_count (Row      *r,
             Column    c,
             gboolean  required,
             gboolean *has,
             int      *value)
{
  const char *text = cell (r, c);
  double v;

  *has = FALSE;
  if (text[0] == '\0')
    {
      if (required)
        add_problem (r->plan, r->row->line, r->names[c], _("the value is missing"));
      return !required;
    }
  if (!shnor_parse_double (text, &v) || v != (double) (gint64) v || v < 0 || v > 1e6)
    {
      add_problem (r->plan, r->row->line, r->names[c], _("“%s” is not a whole number of people"), text);
      return FALSE;
    }
  *has = TRUE;
  *value = (int) v;
  return TRUE;
}

/* "2025", "2024/2025", "2024-25", "2025 г.": the calendar year of the
 * assessment (the later year of a school year). */
static gboolean
parse_year (const char *text,
            int        *year)
{
  const char *p = text;
  int first = 0, second = 0, digits = 0;

  while (g_ascii_isspace (*p))
    p++;
  for (; g_ascii_isdigit (*p); p++, digits++)
    first = first * 10 + (*p - '0');
  if (digits != 4)
    return FALSE;
  *year = first;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '/' || *p == '-' || g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—"))
    {
      p = g_utf8_next_char (p);
      while (g_ascii_isspace (*p))
        p++;
      for (digits = 0; g_ascii_isdigit (*p); p++, digits++)
        second = second * 10 + (*p - '0');
      if (digits == 2)
        *year = (first / 100) * 100 + second;
      else if (digits == 4)
        *year = second;
      else
        return FALSE;
      while (g_ascii_isspace (*p))
        p++;
    }
  /* "2025 г." or "2025 год" */
  if (g_str_has_prefix (p, "г"))
    {
      p += strlen ("г");
      if (g_str_has_prefix (p, "од"))
        p += strlen ("од");
      if (*p == '.')
        p++;
    }
  while (g_ascii_isspace (*p))
    p++;
  return *p == '\0';
}

/* A row whose school (or code) is the region carries the regional mean. */
static gboolean
is_region (const char *text)
{
  static const char * const names[] = { "регион", "по региону", "среднее по региону", "субъект", "субъект рф",
                                        "region", "regional", NULL };
  g_autofree char *key = normalise (text);

  return g_strv_contains (names, key);
}

/* The school a row names, by its code, or else by the school column (a
 * full or short name, or a code); NULL, with the problem added, when it
 * names none, or when it is a row of the region's means (then *@regional
 * is set). */
static ShnorSchool *
match_school (Row      *r,
              Schools  *schools,
              gboolean *regional)
{
  const char *code = cell (r, COL_CODE);
  const char *name = cell (r, COL_SCHOOL);
  g_autofree char *key = NULL;
  ShnorSchool *school = NULL;

  *regional = FALSE;
  /* the common cases first: a known code, the same name as the row before */
  if (code[0] != '\0' && (school = g_hash_table_lookup (schools->by_code, code)) != NULL)
    return school;
  if (code[0] == '\0' && r->last_name != NULL && strcmp (name, r->last_name) == 0)
    return r->last_school;
  if (is_region (code) || is_region (name))
    {
      *regional = TRUE;
      return NULL;
    }
  if (code[0] != '\0')
    {
      add_problem (r->plan, r->row->line, r->names[COL_CODE], _("no school has the code “%s”"), code);
      return NULL;
    }
  if (name[0] == '\0')
    {
      add_problem (r->plan, r->row->line, r->names[r->index[COL_SCHOOL] >= 0 ? COL_SCHOOL : COL_CODE],
                   _("the school is missing"));
      return NULL;
    }
  key = normalise (name);
  /* the school's column may hold its code: a name is looked for first */
  if (!g_hash_table_lookup_extended (schools->by_name, key, NULL, (gpointer *) &school) &&
      (school = g_hash_table_lookup (schools->by_code, name)) == NULL)
    add_problem (r->plan, r->row->line, r->names[COL_SCHOOL], _("unknown school “%s”"), name);
  else if (school == NULL)
    add_problem (r->plan, r->row->line, r->names[COL_SCHOOL],
                 _("“%s” names more than one school: give the school’s code"), name);
  else
    {
      r->last_name = name;
      r->last_school = school;
    }
  return school;
}

/* The scale of the result's assessment, read from the document once per
 * assessment. */
static const Scale *
scale_of (Row               *r,
          const ShnorResult *result)
{
  Scale *scale = g_hash_table_lookup (r->scales, result);

  if (scale != NULL)
    return scale;
  scale = g_new0 (Scale, 1);
  shnor_result_set_names (&scale->assessment, result->kind, result->subject);
  scale->assessment.grade = result->grade;
  scale->ordinal = g_hash_table_size (r->scales);
  shnor_document_get_scale (r->document, result->kind, result->subject, result->grade, &scale->min, &scale->max);
  g_hash_table_insert (r->scales, &scale->assessment, scale);
  return scale;
}

static gboolean
read_row (Row         *r,
          Schools     *schools,
          ShnorResult *result)
{
  const char *kind = shnor_result_kind_canonical (cell (r, COL_KIND));
  const char *grade_text = cell (r, COL_GRADE);
  const char *mean_text = cell (r, COL_MEAN);
  gboolean regional;
  ShnorSchool *school = match_school (r, schools, &regional);
  const char *column = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = school != NULL || regional;

  memset (result, 0, sizeof *result);
  if (school != NULL)
    result->school_id = shnor_school_get_id (school);

  if (!parse_year (cell (r, COL_YEAR), &result->year))
    {
      add_problem (r->plan, r->row->line, r->names[COL_YEAR], _("“%s” is not a year"), cell (r, COL_YEAR));
      ok = FALSE;
    }
  if (kind == NULL)
    {
      add_problem (r->plan, r->row->line, r->names[COL_KIND],
                   _("unknown kind of assessment “%s” (expected ЕГЭ, ОГЭ, ВПР or РДР)"), cell (r, COL_KIND));
      ok = FALSE;
    }
  shnor_result_set_names (result, kind, cell (r, COL_SUBJECT));

  if (grade_text[0] != '\0')
    result->grade = leading_number (grade_text);
  else
    result->grade = kind ? shnor_result_kind_default_grade (kind) : 0;
  if (grade_text[0] != '\0' && !g_ascii_isdigit (grade_text[0]))
    {
      add_problem (r->plan, r->row->line, r->names[COL_GRADE], _("“%s” is not a grade"), grade_text);
      ok = FALSE;
    }

  ok &= parse_count (r, COL_PARTICIPANTS, !regional, &(gboolean) { FALSE }, &result->participants);
  ok &= parse_count (r, COL_BELOW, FALSE, &result->has_below, &result->below);
  ok &= parse_count (r, COL_HIGH, FALSE, &result->has_high, &result->high);
  if (mean_text[0] != '\0')
    {
      result->has_mean = shnor_parse_double (mean_text, &result->mean);
      if (!result->has_mean)
        {
          add_problem (r->plan, r->row->line, r->names[COL_MEAN], _("“%s” is not a number"), mean_text);
          ok = FALSE;
        }
    }

  if (regional && mean_text[0] == '\0')
    {
      add_problem (r->plan, r->row->line, r->names[COL_MEAN], _("a regional row needs the mean"));
      ok = FALSE;
    }
  if (regional)
    result->participants = MAX (result->participants, 1);   /* the region's mean has no participants here */
  if (ok)
    r->scale = scale_of (r, result);
  if (ok && !shnor_result_validate_scale (result, r->scale->min, r->scale->max, &column, &error))
    {
      static const char * const columns[] = { "year", "kind", "subject", "grade", "participants",
                                              "mean", "below", "high" };
      static const Column ids[] = { COL_YEAR, COL_KIND, COL_SUBJECT, COL_GRADE, COL_PARTICIPANTS,
                                    COL_MEAN, COL_BELOW, COL_HIGH };
      const char *header = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        if (g_strcmp0 (column, columns[i]) == 0)
          header = r->names[ids[i]];
      add_problem (r->plan, r->row->line, header, "%s", error->message);
      ok = FALSE;
    }
  return ok;
}

/* ---- the plan ------------------------------------------------------- */

static gboolean
find_columns (ShnorImportPlan     *plan,
              const ShnorTableRow *header,
              Row                 *r)
{
  const ShnorTable *table = r->table;
  static const Column required[] = { COL_YEAR, COL_KIND, COL_SUBJECT, COL_PARTICIPANTS };
  static const char * const required_names[] = { N_("Year"), N_("Kind"), N_("Subject"), N_("Participants") };
  gboolean ok = TRUE;

  for (int c = 0; c < N_COLUMNS; c++)
    r->index[c] = -1;
  for (guint i = 0; i < header->n_cells; i++)
    {
      const char *name = shnor_table_get_cell (table, header, i);
      int c = column_of_header (name);

      if (c >= 0 && r->index[c] < 0)
        {
          r->index[c] = (int) i;
          r->names[c] = name;
        }
    }

  if (r->index[COL_SCHOOL] < 0 && r->index[COL_CODE] < 0)
    {
      add_problem (plan, 0, NULL, _("The file has no “Школа” (school) or “Код” (code) column. "
                                    "The first row must hold the column headers: %s."),
                   shnor_import_column_names ());
      ok = FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (r->index[required[i]] < 0)
      {
        add_problem (plan, 0, NULL, _("The file has no “%s” column. The first row must hold the column headers: %s."),
                     _(required_names[i]), shnor_import_column_names ());
        ok = FALSE;
      }
  return ok;
}

/**
 * shnor_import_plan_new:
 *
 * Reads @table (its first row holds the headers) against @document. The
 * document is not changed. A row with a problem is left out of the plan
 * and reported; a plan with problems cannot be applied.
 */
ShnorImportPlan *
shnor_import_plan_new (ShnorDocument *document,
                       ShnorTable    *table)
{
  ShnorImportPlan *plan = plan_new (table ? table->rows->len : 0);
  g_autoptr(GHashTable) scales = g_hash_table_new_full (shnor_result_assessment_hash, shnor_result_assessment_equal,
                                                        NULL, g_free);
  g_autofree gboolean *stored = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, seen_set_free);
  SeenSet *set = NULL;   /* of the school of the row before */
  Schools schools;
  Row r = { plan, document, table, scales };

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), plan);
  g_return_val_if_fail (table != NULL, plan);

  if (table->rows->len == 0)
    {
      add_problem (plan, 0, NULL, _("The file is empty."));
      return plan;
    }
  if (!find_columns (plan, shnor_table_get_row (table, 0), &r))
    return plan;

  schools_init (&schools, document);
  for (guint i = 1; i < table->rows->len; i++)
    {
      ShnorResult result;
      SeenSlot key;
      guint first_line;

      r.row = shnor_table_get_row (table, i);
      if (!read_row (&r, &schools, &result))
        continue;

      if (set == NULL || set->school_id != result.school_id)
        set = seen_set_of (seen, result.school_id);
      key = (SeenSlot) { r.scale->ordinal, result.year, r.row->line };
      if ((first_line = seen_add (set, &key)) != 0)
        {
          add_problem (plan, r.row->line, NULL, _("the same result as on line %u (school, kind, subject, grade and year)"),
                       first_line);
          continue;
        }
      g_array_append_val (result.school_id == 0 ? plan->regional : plan->results, result);
    }
  schools_clear (&schools);

  stored = shnor_document_find_results (document, (ShnorResult *) (gpointer) plan->results->data,
                                        plan->results->len);
  for (guint i = 0; i < plan->results->len; i++)
    plan->replaced += stored[i] ? 1 : 0;
  plan->added = plan->results->len - plan->replaced;

  if (plan->results->len == 0 && plan->regional->len == 0 && plan->problems->len == 0)
    add_problem (plan, 0, NULL, _("The file has headers but no results."));
  return plan;
}

ShnorImportPlan *
shnor_import_plan_new_from_file (ShnorDocument  *document,
                                 const char     *path,
                                 GError        **error)
{
  g_autoptr(ShnorTable) table = shnor_table_read_file (path, error);

  if (table == NULL)
    return NULL;
  return shnor_import_plan_new (document, table);
}

/* Stores the plan as one edit; refused while it has problems. */
gboolean
shnor_import_plan_apply (ShnorImportPlan  *plan,
                         ShnorDocument    *document,
                         GError          **error)
{
  g_return_val_if_fail (plan != NULL, FALSE);

  if (plan->problems->len > 0)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "The file has %u problem: nothing was imported.",
                                "The file has %u problems: nothing was imported.", plan->problems->len),
                   plan->problems->len);
      return FALSE;
    }
  if (!shnor_document_begin_edit (document, _("Import results"), error))
    return FALSE;
  if (!shnor_document_put_results (document, (ShnorResult *) (gpointer) plan->results->data,
                                   plan->results->len, _("Import results"), error))
    goto fail;
  for (guint i = 0; i < plan->regional->len; i++)
    {
      const ShnorResult *r = &g_array_index (plan->regional, ShnorResult, i);
      char mean[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (mean, sizeof mean, r->mean);
      if (!shnor_document_set_reference_mean (document, r->kind, r->subject, r->grade, r->year, mean, error))
        goto fail;
    }
  return shnor_document_end_edit (document, error);

fail:
  shnor_document_cancel_edit (document);
  return FALSE;
}
