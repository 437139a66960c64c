/* shnor-results-import.c */
#define G_LOG_DOMAIN "shnor-import"

#include "config.h"
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

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
  shnor_table_reader_free (plan->reader);
  g_free (plan);
}

static ShnorImportPlan *
plan_new (void)
{
  ShnorImportPlan *plan = g_new0 (ShnorImportPlan, 1);

  plan->results = g_array_new (FALSE, FALSE, sizeof (ShnorResult));
  plan->regional = g_array_new (FALSE, FALSE, sizeof (ShnorResult));
  plan->problems = g_ptr_array_new_with_free_func (problem_free);
  return plan;
}

/* Forgets what a pass over the file found, for the next pass. */
static void
plan_clear (ShnorImportPlan *plan)
{
  g_array_set_size (plan->results, 0);
  g_array_set_size (plan->regional, 0);
  g_ptr_array_set_size (plan->problems, 0);
  plan->n_problems = plan->n_regional = plan->added = plan->replaced = 0;
}

static ShnorImportProblem *
add_problem (ShnorImportPlan *plan,
             guint            line,
             const char      *column,
             const char      *format,
             ...) G_GNUC_PRINTF (4, 5);

/* Notes a problem; the first SHNOR_IMPORT_MAX_PROBLEMS are kept, and
 * returned (NULL for the others). */
static ShnorImportProblem *
add_problem (ShnorImportPlan *plan,
             guint            line,
             const char      *column,
             const char      *format,
             ...)
{
  ShnorImportProblem *p;
  va_list args;

  if (plan->quiet)
    return NULL;
  g_atomic_int_inc (&plan->n_problems);
  if (plan->problems->len >= SHNOR_IMPORT_MAX_PROBLEMS)
    return NULL;
  p = g_new0 (ShnorImportProblem, 1);
  p->line = line;
  p->column = g_strdup (column);
  va_start (args, format);
  p->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (plan->problems, p);
  return p;
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
  GHashTable *index;     /* ShnorSchool → its number + 1, for the results seen */
  guint       n;         /* the schools; number n stands for the region */
} Schools;

static void
schools_init (Schools       *s,
              ShnorDocument *document)
{
  GListModel *model = shnor_document_get_schools (document);

  s->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s->index = g_hash_table_new (NULL, NULL);
  s->n = g_list_model_get_n_items (model);
  for (guint i = 0; i < s->n; i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (model, i);
      const char *code = g_value_get_string (shnor_school_get_value (school, "code"));
      const char *names[2] = { shnor_school_get_full_name (school),
                               g_value_get_string (shnor_school_get_value (school, "short_name")) };

      g_hash_table_insert (s->index, school, GUINT_TO_POINTER (i + 1));
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
  g_hash_table_unref (s->index);
}

/* ---- results seen ------------------------------------------------- */

/* The results of the file so far, to find the same one given twice: for
 * each assessment and year, a bit per school (and one for the region).
 * A region's million results take some hundred kilobytes, a bit each. */
typedef struct {
  GHashTable *sets;      /* assessment's ordinal << 16 | year → guint8[] */
  gsize       size;      /* bytes of a set */
  gint64      last_key;
  guint8     *last;
} Seen;

static void
seen_init (Seen  *seen,
           guint  n_bits)
{
  seen->sets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  seen->size = n_bits / 8 + 1;
  seen->last_key = -1;
  seen->last = NULL;
}

/* Notes the result of school number @school; TRUE when it was noted
 * before. */
static gboolean
seen_add (Seen  *seen,
          guint  ordinal,
          int    year,
          guint  school)
{
  gint64 key = (gint64) ordinal << 16 | (year & 0xFFFF);
  gboolean was;

  if (key != seen->last_key)
    {
      seen->last = g_hash_table_lookup (seen->sets, &key);
      if (seen->last == NULL)
        {
          seen->last = g_malloc0 (seen->size);
          g_hash_table_insert (seen->sets, g_memdup2 (&key, sizeof key), seen->last);
        }
      seen->last_key = key;
    }
  was = (seen->last[school / 8] >> (school % 8)) & 1;
  seen->last[school / 8] |= (guint8) (1u << (school % 8));
  return was;
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
  gint64      id;           /* its number in the document; -1 until asked */
} Scale;

typedef struct {
  ShnorImportPlan  *plan;
  ShnorDocument    *document;
  const ShnorTable *table;
  GHashTable       *scales;      /* assessment (a ShnorResult) → Scale */
  GHashTable       *configured;  /* the scales the municipality set: assessment → ShnorAssessmentScale */
  const Scale      *scale;       /* of the row read last */
  ShnorSchool      *school;      /* of the row read last; NULL: the region */
  const char       *last_name;   /* the school cell of the previous row */
  ShnorSchool      *last_school; /* and the school it named */
  const ShnorTableRow *row;
  char             *names[N_COLUMNS];  /* the file's own headers */
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
  /* a spreadsheet's sums may come as 25.000000000000004: whole to its
   * last digits */
  if (!shnor_parse_double (text, &v) || v < 0 || v > 1e6 || fabs (v - round (v)) > 1e-9 * MAX (1.0, v))
    {
      add_problem (r->plan, r->row->line, r->names[c], _("“%s” is not a whole number of people"), text);
      return FALSE;
    }
  *has = TRUE;
  *value = (int) round (v);
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
  /* the digits are counted, not added past the fourth: no overflow */
  for (; g_ascii_isdigit (*p); p++, digits++)
    if (digits < 4)
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
        if (digits < 4)
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

/* The scale of the result's assessment: the kind's, or the one the
 * municipality set (read from the document before the file). */
static const Scale *
scale_of (Row               *r,
          const ShnorResult *result)
{
  Scale *scale = g_hash_table_lookup (r->scales, result);
  const ShnorAssessmentScale *configured;

  if (scale != NULL)
    return scale;
  scale = g_new0 (Scale, 1);
  shnor_result_set_names (&scale->assessment, result->kind, result->subject);
  scale->assessment.grade = result->grade;
  scale->ordinal = g_hash_table_size (r->scales);
  scale->id = -1;
  scale->min = 0;
  scale->max = 100;
  shnor_result_kind_mean_range (result->kind, &scale->min, &scale->max);
  if ((configured = g_hash_table_lookup (r->configured, result)) != NULL)
    {
      scale->min = configured->min;
      scale->max = configured->max;
    }
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
  r->school = school;
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
  if (!shnor_result_check_subject (cell (r, COL_SUBJECT), &error))
    {
      add_problem (r->plan, r->row->line, r->names[COL_SUBJECT], "%s", error->message);
      g_clear_error (&error);
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
          r->names[c] = g_strdup (name);
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

/* ---- a pass over the file ------------------------------------------ */

/* The results shown before an import, and the regional means */
#define PREVIEW_ROWS SHNOR_IMPORT_PREVIEW

/* A result given twice, whose first line a second reading finds */
typedef struct {
  guint               school;
  guint               ordinal;
  int                 year;
  ShnorImportProblem *problem;
} Duplicate;

/* A valid row, on its way from the thread that reads to the one that
 * stores */
typedef struct {
  ShnorResult  result;
  Scale       *scale;
} Taken;

/* The rows travel in batches of this many, at most BATCHES at once: the
 * memory of a pass does not grow with the file. */
#define BATCH_ROWS 4096
#define BATCHES    4

typedef struct {
  Row                 r;
  Schools             schools;
  Seen                seen;
  ShnorResultWriter  *writer;     /* writes, or counts only */
  gboolean            write;
  GArray             *duplicates; /* of Duplicate */
  /* the thread that reads and checks the rows, and what it hands over */
  GAsyncQueue        *full;       /* of GArray of Taken; an empty one ends */
  GAsyncQueue        *empty;
  gint                stop;       /* the storing side failed: read no more */
  GError             *read_error;
  gboolean            header;     /* no row read yet */
} Pass;

static void
pass_clear (Pass *pass)
{
  for (int c = 0; c < N_COLUMNS; c++)
    g_clear_pointer (&pass->r.names[c], g_free);
  g_clear_pointer (&pass->r.scales, g_hash_table_unref);
  g_clear_pointer (&pass->r.configured, g_hash_table_unref);
  g_clear_pointer (&pass->seen.sets, g_hash_table_unref);
  g_clear_pointer (&pass->duplicates, g_array_unref);
  g_clear_pointer (&pass->full, g_async_queue_unref);
  g_clear_pointer (&pass->empty, g_async_queue_unref);
  g_clear_error (&pass->read_error);
  if (pass->schools.by_code != NULL)
    schools_clear (&pass->schools);
  pass->schools.by_code = NULL;
}

/* The number of the row's assessment in the document, asked once. */
static gint64
assessment_of (Pass    *pass,
               Scale   *scale,
               GError **error)
{
  if (scale->id < 0)
    scale->id = shnor_result_writer_assessment (pass->writer, scale->assessment.kind, scale->assessment.subject,
                                                scale->assessment.grade, error);
  return scale->id;
}

/* Stores (or counts) a valid row; the first ones are kept for the
 * preview. On the thread that stores. */
static gboolean
take_row (Pass         *pass,
          const Taken  *taken,
          GError      **error)
{
  ShnorImportPlan *plan = pass->r.plan;
  const ShnorResult *result = &taken->result;
  /* once the file has a problem nothing more is stored: it all goes */
  gboolean store = !pass->write || g_atomic_int_get (&plan->n_problems) == 0;
  gboolean ok = TRUE;

  if (result->school_id == 0)
    {
      if (plan->regional->len < PREVIEW_ROWS)
        g_array_append_val (plan->regional, *result);
      plan->n_regional++;
      if (pass->write && store)
        {
          char mean[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_dtostr (mean, sizeof mean, result->mean);
          ok = shnor_document_set_reference_mean (pass->r.document, result->kind, result->subject, result->grade,
                                                  result->year, mean, error);
        }
      return ok;
    }
  if (plan->results->len < PREVIEW_ROWS)
    g_array_append_val (plan->results, *result);
  if (store)
    {
      gint64 id = assessment_of (pass, taken->scale, error);

      ok = id >= 0 && shnor_result_writer_put (pass->writer, result, id, error);
    }
  return ok;
}

/* One row of the file: read, checked, looked for among the rows before;
 * a valid one is added to @batch. On the thread that reads. */
static void
read_one (Pass   *pass,
          GArray *batch)
{
  Taken taken;
  guint school;

  if (!read_row (&pass->r, &pass->schools, &taken.result))
    return;
  school = taken.result.school_id == 0 ? pass->schools.n
         : GPOINTER_TO_UINT (g_hash_table_lookup (pass->schools.index, pass->r.school)) - 1;
  if (seen_add (&pass->seen, pass->r.scale->ordinal, taken.result.year, school))
    {
      Duplicate d = { school, pass->r.scale->ordinal, taken.result.year, NULL };

      /* the first line is found by reading the file again at the end */
      d.problem = add_problem (pass->r.plan, pass->r.row->line, NULL, "%s", "");
      g_array_append_val (pass->duplicates, d);
      return;
    }
  taken.scale = (Scale *) pass->r.scale;
  g_array_append_val (batch, taken);
}

/* The thread that reads the file and checks its rows, while the main
 * thread stores them: a region's file takes both processors. It touches
 * neither the document nor SQLite. */
static gpointer
read_rows (gpointer data)
{
  Pass *pass = data;
  ShnorImportPlan *plan = pass->r.plan;
  GArray *batch = g_async_queue_pop (pass->empty);
  const ShnorTable *table;

  while (!g_atomic_int_get (&pass->stop) && (table = shnor_table_reader_next (plan->reader, &pass->read_error)))
    {
      guint first = 0;

      pass->r.table = table;
      pass->r.last_name = NULL;   /* a text of the part before */
      if (pass->header && table->rows->len > 0)
        {
          pass->header = FALSE;
          first = 1;
          if (!find_columns (plan, shnor_table_get_row (table, 0), &pass->r))
            break;
        }
      for (guint i = first; i < table->rows->len; i++)
        {
          pass->r.row = shnor_table_get_row (table, i);
          read_one (pass, batch);
          if (batch->len == BATCH_ROWS)
            {
              g_async_queue_push (pass->full, batch);
              batch = g_async_queue_pop (pass->empty);
            }
        }
    }
  if (batch->len > 0)
    {
      g_async_queue_push (pass->full, batch);
      batch = g_async_queue_pop (pass->empty);
    }
  g_async_queue_push (pass->full, batch);   /* empty: the end */
  return NULL;
}

/* Reads every row of the reader's file (the header first); @writer stores
 * the rows or counts them. */
static gboolean
run_pass (ShnorImportPlan    *plan,
          ShnorDocument      *document,
          ShnorResultWriter  *writer,
          gboolean            write,
          Pass               *pass,
          GError            **error)
{
  g_autoptr(GArray) scales = shnor_document_get_scales (document);
  g_autoptr(GError) store_error = NULL;
  GThread *thread;
  GArray *batch;

  memset (pass, 0, sizeof *pass);
  pass->r.plan = plan;
  pass->r.document = document;
  pass->r.scales = g_hash_table_new_full (shnor_result_assessment_hash, shnor_result_assessment_equal, NULL, g_free);
  pass->r.configured = g_hash_table_new_full (shnor_result_assessment_hash, shnor_result_assessment_equal, g_free, NULL);
  for (guint i = 0; i < scales->len; i++)
    {
      ShnorAssessmentScale *scale = g_memdup2 (&g_array_index (scales, ShnorAssessmentScale, i),
                                               sizeof (ShnorAssessmentScale));

      g_hash_table_insert (pass->r.configured, &scale->assessment, scale);
    }
  pass->writer = writer;
  pass->write = write;
  pass->header = TRUE;
  pass->duplicates = g_array_new (FALSE, FALSE, sizeof (Duplicate));
  pass->full = g_async_queue_new ();
  pass->empty = g_async_queue_new_full ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < BATCHES; i++)
    g_async_queue_push (pass->empty, g_array_sized_new (FALSE, FALSE, sizeof (Taken), BATCH_ROWS));
  schools_init (&pass->schools, document);
  seen_init (&pass->seen, pass->schools.n + 1);

  if (!shnor_table_reader_rewind (plan->reader, error))
    return FALSE;
  thread = g_thread_new ("shnor-import", read_rows, pass);
  while ((batch = g_async_queue_pop (pass->full))->len > 0)
    {
      for (guint i = 0; store_error == NULL && i < batch->len; i++)
        if (!take_row (pass, &g_array_index (batch, Taken, i), &store_error))
          g_atomic_int_set (&pass->stop, TRUE);
      g_array_set_size (batch, 0);
      g_async_queue_push (pass->empty, batch);
    }
  g_async_queue_push (pass->empty, batch);
  g_thread_join (thread);

  if (store_error != NULL || pass->read_error != NULL)
    {
      g_propagate_error (error, store_error ? g_steal_pointer (&store_error) : g_steal_pointer (&pass->read_error));
      return FALSE;
    }
  if (pass->header)
    add_problem (plan, 0, NULL, _("The file is empty."));
  else if (plan->n_problems == 0 && plan->n_regional == 0 && shnor_result_writer_get_added (writer) == 0 &&
           shnor_result_writer_get_replaced (writer) == 0)
    add_problem (plan, 0, NULL, _("The file has headers but no results."));
  plan->added = shnor_result_writer_get_added (writer);
  plan->replaced = shnor_result_writer_get_replaced (writer);
  return TRUE;
}

/* The results given twice say on which line they were first: the file is
 * read once more, quietly, for the first line of each. */
static gboolean
find_first_lines (Pass     *pass,
                  GError  **error)
{
  g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ShnorImportPlan *plan = pass->r.plan;
  const ShnorTable *batch;
  gboolean header = TRUE;
  guint found = 0;

  for (guint i = 0; i < pass->duplicates->len; i++)
    {
      const Duplicate *d = &g_array_index (pass->duplicates, Duplicate, i);

      if (d->problem != NULL)
        g_hash_table_insert (first, g_strdup_printf ("%u:%u:%d", d->school, d->ordinal, d->year), NULL);
    }
  if (g_hash_table_size (first) == 0)
    return TRUE;
  if (!shnor_table_reader_rewind (plan->reader, error))
    return FALSE;
  plan->quiet = TRUE;
  while (found < g_hash_table_size (first) && (batch = shnor_table_reader_next (plan->reader, error)) != NULL)
    for (guint i = header ? 1 : 0; i < batch->rows->len && found < g_hash_table_size (first); i++)
      {
        ShnorResult result;
        g_autofree char *key = NULL;
        guint school;

        pass->r.table = batch;
        pass->r.last_name = NULL;
        pass->r.row = shnor_table_get_row (batch, i);
        if (!read_row (&pass->r, &pass->schools, &result))
          continue;
        school = result.school_id == 0 ? pass->schools.n
               : GPOINTER_TO_UINT (g_hash_table_lookup (pass->schools.index, pass->r.school)) - 1;
        key = g_strdup_printf ("%u:%u:%d", school, pass->r.scale->ordinal, result.year);
        if (g_hash_table_contains (first, key) && g_hash_table_lookup (first, key) == NULL)
          {
            g_hash_table_insert (first, g_steal_pointer (&key), GUINT_TO_POINTER (pass->r.row->line));
            found++;
          }
        header = FALSE;
      }
  plan->quiet = FALSE;
  if (error != NULL && *error != NULL)
    return FALSE;
  for (guint i = 0; i < pass->duplicates->len; i++)
    {
      const Duplicate *d = &g_array_index (pass->duplicates, Duplicate, i);
      g_autofree char *key = NULL;

      if (d->problem == NULL)
        continue;
      key = g_strdup_printf ("%u:%u:%d", d->school, d->ordinal, d->year);
      g_free (d->problem->message);
      d->problem->message = g_strdup_printf (_("the same result as on line %u (school, kind, subject, grade and year)"),
                                             GPOINTER_TO_UINT (g_hash_table_lookup (first, key)));
    }
  return TRUE;
}

/* A pass that counts (@label NULL) or stores (one edit labelled @label);
 * a pass that stores and meets a problem stores nothing. */
static gboolean
plan_pass (ShnorImportPlan  *plan,
           ShnorDocument    *document,
           const char       *label,
           GError          **error)
{
  Pass pass;
  guint64 expected = 0;
  ShnorResultWriter *writer;
  gboolean ok;

  if (label != NULL)
    expected = (guint64) plan->added + plan->replaced;
  plan_clear (plan);
  writer = shnor_result_writer_new (document, label, expected, error);
  if (writer == NULL)
    return FALSE;
  ok = run_pass (plan, document, writer, label != NULL, &pass, error) && find_first_lines (&pass, error);
  pass_clear (&pass);
  if (!ok || (label != NULL && plan->n_problems > 0))
    {
      shnor_result_writer_cancel (writer);
      return ok;
    }
  return shnor_result_writer_finish (writer, error);
}

/**
 * shnor_import_plan_new:
 *
 * Reads @table (its first row holds the headers; the plan keeps a copy)
 * against @document. The document is not changed. A row with a problem
 * is reported; a plan with problems cannot be applied.
 */
ShnorImportPlan *
shnor_import_plan_new (ShnorDocument *document,
                       ShnorTable    *table)
{
  ShnorImportPlan *plan = plan_new ();
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), plan);
  g_return_val_if_fail (table != NULL, plan);

  plan->reader = shnor_table_reader_new_for_table (shnor_table_copy (table));
  if (!plan_pass (plan, document, NULL, &error))
    add_problem (plan, 0, NULL, "%s", error->message);
  return plan;
}

/**
 * shnor_import_plan_new_from_file:
 *
 * Reads the CSV or XLSX file at @path against @document, a part at a
 * time: what importing it would add and replace, and every problem with
 * its line. The document is not changed. %NULL with @error when the file
 * cannot be read at all.
 */
ShnorImportPlan *
shnor_import_plan_new_from_file (ShnorDocument  *document,
                                 const char     *path,
                                 GError        **error)
{
  g_autoptr(ShnorImportPlan) plan = plan_new ();

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), NULL);

  plan->reader = shnor_table_reader_new (path, error);
  if (plan->reader == NULL || !plan_pass (plan, document, NULL, error))
    return NULL;
  return g_steal_pointer (&plan);
}

static gboolean
refuse_problems (ShnorImportPlan  *plan,
                 GError          **error)
{
  g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
               g_dngettext (GETTEXT_PACKAGE, "The file has %u problem: nothing was imported.",
                            "The file has %u problems: nothing was imported.", plan->n_problems),
               plan->n_problems);
  return FALSE;
}

/**
 * shnor_import_plan_apply:
 *
 * Stores the plan as one edit and one undo step, reading the file again;
 * refused while the plan has problems, or when the file was changed since
 * it was read (read it again).
 */
gboolean
shnor_import_plan_apply (ShnorImportPlan  *plan,
                         ShnorDocument    *document,
                         GError          **error)
{
  g_return_val_if_fail (plan != NULL, FALSE);

  if (plan->n_problems > 0)
    return refuse_problems (plan, error);
  if (shnor_table_reader_changed (plan->reader))
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("The file was changed after it was read: read it again before importing."));
      return FALSE;
    }
  if (!plan_pass (plan, document, _("Import results"), error))
    return FALSE;
  return plan->n_problems == 0 || refuse_problems (plan, error);
}

/**
 * shnor_import_file:
 *
 * Imports the CSV or XLSX file at @path in one pass, as one edit and one
 * undo step: what `shnor --import-results` does. The plan returned says
 * what was added and replaced, or, when the file has problems, lists them
 * and nothing was stored. %NULL with @error when the file cannot be read
 * or the document cannot be written.
 */
ShnorImportPlan *
shnor_import_file (ShnorDocument  *document,
                   const char     *path,
                   GError        **error)
{
  g_autoptr(ShnorImportPlan) plan = plan_new ();
  GStatBuf st;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), NULL);

  plan->reader = shnor_table_reader_new (path, error);
  if (plan->reader == NULL)
    return NULL;
  /* about 50 bytes a row: enough to tell a region's file */
  plan->added = g_stat (path, &st) == 0 ? (guint) MIN ((guint64) st.st_size / 50, G_MAXUINT) : 0;
  if (!plan_pass (plan, document, _("Import results"), error))
    return NULL;
  return g_steal_pointer (&plan);
}
