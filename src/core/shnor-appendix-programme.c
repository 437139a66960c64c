/* shnor-appendix-programme.c: the appendices of a programme's order:
 * (1) the programme — its passport, problem analysis, target indicators,
 * risks, stages, financing, normative basis and the dynamics of the
 * results its indicators follow; (2) its road map, as approved (no
 * execution); (3) its participating schools with their groups and the
 * reasons. A table of nothing is left out, and the numbers follow what is
 * left. A part the model gains (a measure table, a list) becomes a table
 * here, built with the blocks of shnor-appendix-plan.h. */
#define G_LOG_DOMAIN "shnor-appendix-plan"

#include "config.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "shnor-appendix-private.h"
#include "shnor-error.h"
#include "shnor-number.h"
#include "shnor-russian.h"

/* The stored choice labels of the parts, Russian */
static const char *
choice_label (const char *column,
              const char *text)
{
  static const char * const direction[] = { "повышение", "снижение" };
  static const char * const level[] = { "низкая", "средняя", "высокая" };
  int index;

  if (text == NULL || !g_ascii_isdigit (text[0]))
    return "";
  index = atoi (text);
  if (g_str_equal (column, "direction"))
    return index >= 0 && index < 2 ? direction[index] : "";
  return index >= 0 && index < 3 ? level[index] : "";
}

static const char *
source_label (ShnorFundingSource source)
{
  static const char * const labels[SHNOR_N_SOURCES] = {
    "федеральный бюджет", "региональный бюджет", "местный бюджет", "иные источники",
  };

  return (guint) source < SHNOR_N_SOURCES ? labels[source] : "";
}

/* The groups of a school other than «high results», and why: a line a
 * criterion met */
static void
school_groups (ShnorDocument       *document,
               ShnorClassification *classification,
               gint64               school_id,
               char               **groups_text,
               char               **reasons_text)
{
  guint groups = classification ? shnor_classification_get_groups (classification, school_id) : 0;
  guint n_reasons = 0;
  const ShnorReason *reasons = classification ? shnor_classification_get_reasons (classification, school_id,
                                                                                  &n_reasons) : NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) why = g_string_new (NULL);

  for (ShnorGroup g = 0; g < SHNOR_GROUP_LOW_SOCIAL; g++)   /* the combined one adds nothing to its two */
    if (g != SHNOR_GROUP_HIGH && (groups & (1u << g)))
      g_string_append_printf (names, "%s%s", names->len ? ";\n" : "", shnor_doc_group_label (g));
  for (guint i = 0; i < n_reasons; i++)
    {
      ShnorGroup g = reasons[i].criterion->group;
      g_autofree char *line = NULL;

      if (g == SHNOR_GROUP_HIGH || !(groups & (1u << g)) || !reasons[i].met)
        continue;
      line = shnor_doc_describe_reason (document, &reasons[i]);
      g_string_append_printf (why, "%s%s", why->len ? ";\n" : "", line);
    }
  *groups_text = g_string_free (g_steal_pointer (&names), FALSE);
  *reasons_text = g_string_free (g_steal_pointer (&why), FALSE);
}

typedef struct {
  ShnorDocument  *document;
  gint64          id;
  ShnorProgramme *programme;
  int             first, last;
  GArray         *parts[SHNOR_N_PARTS];
  GPtrArray      *schools;    /* the participating ShnorSchool */
  char           *title;
  char           *genitive;   /* «муниципальной программы …» */
  GArray         *people;     /* the file's people list (ShnorPerson) */
} Programme;

static const char *
part_text (ShnorPart           part,
           const ShnorPartRow *row,
           const char         *column)
{
  guint n_fields;
  const ShnorField *fields = shnor_part_fields (part, &n_fields);
  const ShnorField *field = shnor_field_find (fields, n_fields, column);

  return field != NULL ? row->texts[field - fields] : "";
}

static GArray *
part (Programme *p,
      ShnorPart  which)
{
  return p->parts[which];
}

#define N_ROWS(p, which) (part ((p), (which))->len)
#define PART_ROW(p, which, i) (&g_array_index (part ((p), (which)), ShnorPartRow, (i)))

static char *
programme_text (Programme  *p,
                const char *column)
{
  char *text = shnor_document_dup_programme_text (p->document, p->id, column);

  return g_strstrip (text ? text : g_strdup (""));
}

/* «1. …\n2. …» from the rows of a part of one text */
static char *
numbered (Programme  *p,
          ShnorPart   which,
          const char *column)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < N_ROWS (p, which); i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (part_text (which, PART_ROW (p, which, i), column)));

      if (text[0])
        g_string_append_printf (out, "%s%u. %s", out->len ? "\n" : "", i + 1, text);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* «2025–2027 годы», «2025 год»; or the programme's own wording, «2021 год
 * и плановый период 2022 и 2023 годов», when it has one */
static char *
period_text (Programme *p)
{
  g_autofree char *words = programme_text (p, "period_text");

  if (words[0] != '\0')
    return g_steal_pointer (&words);
  if (p->first == p->last)
    return g_strdup_printf ("%d год", p->first);
  return g_strdup_printf ("%d–%d годы", p->first, p->last);
}

/* «1. Подготовительный этап: 01.01.2025 – 30.06.2025.» */
static char *
stages_text (Programme *p)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < N_ROWS (p, SHNOR_PART_STAGE); i++)
    {
      const ShnorPartRow *row = PART_ROW (p, SHNOR_PART_STAGE, i);
      const char *start = part_text (SHNOR_PART_STAGE, row, "start_date");
      const char *end = part_text (SHNOR_PART_STAGE, row, "end_date");

      g_string_append_printf (out, "%s%u. %s", out->len ? "\n" : "", i + 1, part_text (SHNOR_PART_STAGE, row, "name"));
      if (start[0] || end[0])
        g_string_append_printf (out, ": %s%s%s", start, start[0] && end[0] ? " – " : "", end);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A target as written: «8,3», «не более 5», «не менее 80 %» */
static char *
target_text (const ShnorIndicatorYear *v,
             const char               *unit)
{
  return shnor_target_document_text (v->bound, v->target, unit);
}

/* A target in a table: a number, or the words of its bound */
static void
add_target (ShnorDocRow              *row,
            const ShnorIndicatorYear *v)
{
  g_autofree char *text = NULL;

  if (v == NULL || !v->has_target)
    shnor_doc_row_add_empty (row);
  else if (v->bound == SHNOR_BOUND_EXACT)
    shnor_doc_row_add_number (row, v->target, 4);
  else
    {
      text = target_text (v, "");
      shnor_doc_row_add_text (row, text);
    }
}

/* «1. Доля …, %. Базовое значение: 18,2 (2024 г.). Целевые значения:
 * 2025 г. — 12; 2026 г. — 10; 2027 г. — 8.» */
static char *
indicators_text (Programme *p)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < N_ROWS (p, SHNOR_PART_INDICATOR); i++)
    {
      const ShnorPartRow *row = PART_ROW (p, SHNOR_PART_INDICATOR, i);
      const char *unit = part_text (SHNOR_PART_INDICATOR, row, "unit");
      const char *baseline = part_text (SHNOR_PART_INDICATOR, row, "baseline");
      const char *year = part_text (SHNOR_PART_INDICATOR, row, "baseline_year");
      g_autoptr(GArray) plan = shnor_document_get_indicator_plan (p->document, row->id);
      g_autoptr(GString) targets = g_string_new (NULL);

      for (guint y = 0; y < plan->len; y++)
        {
          const ShnorIndicatorYear *v = &g_array_index (plan, ShnorIndicatorYear, y);
          g_autofree char *target = NULL;

          if (!v->has_target)
            continue;
          target = target_text (v, "");
          g_string_append_printf (targets, "%s%d г. — %s", targets->len ? "; " : "", v->year, target);
        }
      {
        ShnorIndicatorYear final;

        if (shnor_document_get_indicator_final (p->document, row->id, &final))
          {
            g_autofree char *target = target_text (&final, "");

            g_string_append_printf (targets, "%sк концу реализации программы — %s", targets->len ? "; " : "",
                                    target);
          }
        shnor_indicator_year_clear (&final);
      }
      /* «…, ед.» ends its sentence with its own point */
      g_string_append_printf (out, "%s%u. %s%s%s%s", out->len ? "\n" : "", i + 1,
                              part_text (SHNOR_PART_INDICATOR, row, "name"), unit[0] ? ", " : "", unit,
                              g_str_has_suffix (unit[0] ? unit : part_text (SHNOR_PART_INDICATOR, row, "name"), ".")
                              ? "" : ".");
      if (baseline[0])
        g_string_append_printf (out, " Базовое значение: %s%s%s%s.", baseline, year[0] ? " (" : "", year,
                                year[0] ? " г.)" : "");
      if (targets->len)
        g_string_append_printf (out, " Целевые значения: %s.", targets->str);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
schools_text (Programme *p)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < p->schools->len; i++)
    g_string_append_printf (out, "%s%u. %s", out->len ? "\n" : "", i + 1,
                            shnor_school_get_display_name (p->schools->pdata[i]));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
financing (Programme          *p,
           int                 year,
           ShnorFundingSource  source,
           double             *amount)
{
  return shnor_document_get_financing (p->document, p->id, year, source, amount);
}

/* «Общий объём финансирования — 5 250,0 тыс. руб., в том числе:
 * 2025 г. — 2 050,0 тыс. руб. (региональный бюджет — 1 200,0 тыс. руб.;
 * местный бюджет — 850,0 тыс. руб.)» and the summary the user wrote */
static char *
financing_text (Programme *p)
{
  g_autoptr(GString) years = g_string_new (NULL);
  g_autofree char *summary = programme_text (p, "financing_summary");
  g_autoptr(GString) out = g_string_new (NULL);
  double total = 0;

  for (int y = p->first; y <= p->last; y++)
    {
      g_autoptr(GString) sources = g_string_new (NULL);
      double year_total = 0;

      for (ShnorFundingSource s = 0; s < SHNOR_N_SOURCES; s++)
        {
          double amount;

          if (financing (p, y, s, &amount))
            {
              g_autofree char *money = shnor_doc_format_money (amount);

              g_string_append_printf (sources, "%s%s — %s тыс. руб.", sources->len ? "; " : "", source_label (s),
                                      money);
              year_total += amount;
            }
        }
      if (sources->len > 0)
        {
          g_autofree char *money = shnor_doc_format_money (year_total);

          g_string_append_printf (years, "\n%d г. — %s тыс. руб. (%s)", y, money, sources->str);
          total += year_total;
        }
    }
  if (years->len > 0)
    {
      g_autofree char *money = shnor_doc_format_money (total);

      g_string_append_printf (out, "Общий объём финансирования — %s тыс. руб., в том числе:%s", money, years->str);
    }
  if (summary[0])
    g_string_append_printf (out, "%s%s", out->len ? "\n" : "", summary);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
passport_row (ShnorDocTable *table,
              const char    *label,
              const char    *text)
{
  ShnorDocRow *row;

  if (text == NULL || text[0] == '\0')
    return;
  row = shnor_doc_table_add_row (table);
  shnor_doc_row_add_text (row, label);
  shnor_doc_row_add_text (row, text);
}

/* The passport rows of the fields, in the order of an official passport.
 * Every field of shnor_programme_fields() is placed here or elsewhere in
 * the plan (tests/test-documents.c checks it): a field added to the model
 * gets its Russian label here. */
static const struct { const char *column, *label; } passport_fields[] = {
  { "title",        "Наименование программы" },
  { "basis",        "Основание для разработки программы" },
  { "customer",     "Заказчик программы" },
  { "developers",   "Разработчики программы" },
  { "executor",     "Ответственный исполнитель программы" },
  { "co_executors", "Соисполнители программы" },
  { "first_year",   NULL },   /* the period */
  { "last_year",    NULL },
  { "period_text",  NULL },   /* the period, as the programme words it */
  { "goal",         "Цель программы" },
  { "contacts",     "Контактные данные разработчиков программы" },
  { "financing_summary", NULL },  /* with the financing */
  { "analysis",     NULL },       /* a section of its own */
};

/**
 * shnor_appendix_plan_places_field:
 *
 * Returns: TRUE when the programme's field @column reaches the documents.
 */
gboolean
shnor_appendix_plan_places_field (const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (passport_fields); i++)
    if (g_strcmp0 (passport_fields[i].column, column) == 0)
      return TRUE;
  return FALSE;
}

static const char *
passport_label (const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (passport_fields); i++)
    if (g_str_equal (passport_fields[i].column, column))
      return passport_fields[i].label;
  return NULL;
}

static ShnorDocTable *
passport_table (Programme *p)
{
  ShnorDocTable *table = shnor_doc_table_new ("Паспорт программы", "Паспорт");
  g_autofree char *period = period_text (p);
  g_autofree char *stages = stages_text (p);
  g_autofree char *tasks = numbered (p, SHNOR_PART_TASK, "text");
  g_autofree char *indicators = indicators_text (p);
  g_autofree char *results = numbered (p, SHNOR_PART_RESULT, "text");
  g_autofree char *schools = schools_text (p);
  g_autofree char *money = financing_text (p);
  static const char * const before_period[] = { "title", "basis", "customer", "developers", "executor",
                                                "co_executors", NULL };

  shnor_doc_table_add_column (table, "Наименование раздела", 32, SHNOR_DOC_TEXT, FALSE);
  shnor_doc_table_add_column (table, "Содержание", 70, SHNOR_DOC_TEXT, FALSE);
  table->header = FALSE;
  for (guint i = 0; before_period[i]; i++)
    {
      g_autofree char *text = programme_text (p, before_period[i]);

      passport_row (table, passport_label (before_period[i]), text);
    }
  passport_row (table, "Сроки реализации программы", period);
  passport_row (table, "Этапы реализации программы", stages);
  {
    g_autofree char *goal = programme_text (p, "goal");

    passport_row (table, passport_label ("goal"), goal);
  }
  passport_row (table, "Задачи программы", tasks);
  passport_row (table, "Целевые показатели программы", indicators);
  passport_row (table, "Ожидаемые результаты реализации программы", results);
  passport_row (table, "Общеобразовательные организации — участники программы", schools);
  passport_row (table, "Объём и источники финансирования программы", money);
  {
    g_autofree char *contacts = programme_text (p, "contacts");

    passport_row (table, passport_label ("contacts"), contacts);
  }
  return table;
}

static ShnorDocTable *
analysis_table (Programme *p)
{
  ShnorDocTable *table = shnor_doc_table_new ("Проблемно-ориентированный анализ", "Анализ");
  g_autofree char *analysis = programme_text (p, "analysis");

  shnor_doc_table_add_intro (table, analysis);
  return table;
}

static ShnorDocTable *
indicators_table (Programme *p)
{
  ShnorDocTable *table = shnor_doc_table_new ("Целевые показатели программы", "Целевые показатели");

  shnor_doc_table_add_column (table, "№\u00a0п/п", 6, SHNOR_DOC_INTEGER, FALSE);
  shnor_doc_table_add_column (table, "Наименование показателя", 40, SHNOR_DOC_TEXT, FALSE);
  shnor_doc_table_add_column (table, "Ед. изм.", 9, SHNOR_DOC_TEXT, TRUE);
  shnor_doc_table_add_column (table, "Желаемая динамика", 12, SHNOR_DOC_TEXT, TRUE);
  shnor_doc_table_add_column (table, "Базовое значение", 11, SHNOR_DOC_NUMBER, TRUE);
  shnor_doc_table_add_column (table, "Базовый год", 9, SHNOR_DOC_INTEGER, TRUE);
  for (int y = p->first; y <= p->last; y++)
    {
      g_autofree char *head = g_strdup_printf ("Целевое значение на %d г.", y);

      shnor_doc_table_add_column (table, head, 11, SHNOR_DOC_NUMBER, TRUE);
    }
  shnor_doc_table_add_column (table, "Целевое значение на конец реализации программы", 13, SHNOR_DOC_NUMBER, TRUE);
  shnor_doc_table_add_column (table, "Источник данных", 20, SHNOR_DOC_TEXT, TRUE);
  for (guint i = 0; i < N_ROWS (p, SHNOR_PART_INDICATOR); i++)
    {
      const ShnorPartRow *r = PART_ROW (p, SHNOR_PART_INDICATOR, i);
      g_autoptr(GArray) plan = shnor_document_get_indicator_plan (p->document, r->id);
      ShnorDocRow *row = shnor_doc_table_add_row (table);
      const char *baseline = part_text (SHNOR_PART_INDICATOR, r, "baseline");
      const char *year = part_text (SHNOR_PART_INDICATOR, r, "baseline_year");
      double value;

      shnor_doc_row_add_integer (row, i + 1);
      shnor_doc_row_add_text (row, part_text (SHNOR_PART_INDICATOR, r, "name"));
      shnor_doc_row_add_text (row, part_text (SHNOR_PART_INDICATOR, r, "unit"));
      shnor_doc_row_add_text (row, choice_label ("direction", part_text (SHNOR_PART_INDICATOR, r, "direction")));
      shnor_doc_row_add_number (row, baseline[0] && shnor_parse_double (baseline, &value) ? value : NAN, 4);
      if (year[0])
        shnor_doc_row_add_integer (row, g_ascii_strtoll (year, NULL, 10));
      else
        shnor_doc_row_add_empty (row);
      for (int y = p->first; y <= p->last; y++)
        {
          const ShnorIndicatorYear *target = NULL;

          for (guint k = 0; k < plan->len; k++)
            if (g_array_index (plan, ShnorIndicatorYear, k).year == y)
              target = &g_array_index (plan, ShnorIndicatorYear, k);
          add_target (row, target);
        }
      {
        ShnorIndicatorYear final;

        shnor_document_get_indicator_final (p->document, r->id, &final);
        add_target (row, &final);
        shnor_indicator_year_clear (&final);
      }
      shnor_doc_row_add_text (row, part_text (SHNOR_PART_INDICATOR, r, "source"));
    }
  return table;
}

/* «Соколова И. В., начальник управления образования, Управление
 * образования»: a person of the people list */
static void
append_person (GString           *out,
               const ShnorPerson *person)
{
  g_autofree char *name = shnor_russian_short_name (person->name, FALSE);

  g_string_append_printf (out, "%s%s", out->len ? ";\n" : "", name);
  if (person->position && person->position[0])
    g_string_append_printf (out, ", %s", person->position);
  if (person->organisation && person->organisation[0])
    g_string_append_printf (out, ", %s", person->organisation);
}

/* The person of @id_text (a risk's responsible), "" for none */
static char *
person_text (Programme  *p,
             const char *id_text)
{
  gint64 id = id_text[0] ? g_ascii_strtoll (id_text, NULL, 10) : 0;
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint k = 0; id != 0 && k < p->people->len; k++)
    if (g_array_index (p->people, ShnorPerson, k).id == id)
      append_person (out, &g_array_index (p->people, ShnorPerson, k));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* An unassessed likelihood or impact leaves its cell blank */
static ShnorDocTable *
risks_table (Programme *p)
{
  ShnorDocTable *table = shnor_doc_table_new ("Риски реализации программы и пути их минимизации", "Риски");

  shnor_doc_table_add_column (table, "№\u00a0п/п", 6, SHNOR_DOC_INTEGER, FALSE);
  shnor_doc_table_add_column (table, "Риск", 36, SHNOR_DOC_TEXT, FALSE);
  shnor_doc_table_add_column (table, "Пути минимизации", 40, SHNOR_DOC_TEXT, TRUE);
  shnor_doc_table_add_column (table, "Вероятность", 12, SHNOR_DOC_TEXT, TRUE);
  shnor_doc_table_add_column (table, "Степень влияния", 12, SHNOR_DOC_TEXT, TRUE);
  shnor_doc_table_add_column (table, "Ответственный", 20, SHNOR_DOC_TEXT, TRUE);
  for (guint i = 0; i < N_ROWS (p, SHNOR_PART_RISK); i++)
    {
      const ShnorPartRow *r = PART_ROW (p, SHNOR_PART_RISK, i);
      ShnorDocRow *row = shnor_doc_table_add_row (table);
      g_autofree char *owner = NULL;

      shnor_doc_row_add_integer (row, i + 1);
      shnor_doc_row_add_text (row, part_text (SHNOR_PART_RISK, r, "risk"));
      shnor_doc_row_add_text (row, part_text (SHNOR_PART_RISK, r, "mitigation"));
      shnor_doc_row_add_text (row, choice_label ("likelihood", part_text (SHNOR_PART_RISK, r, "likelihood")));
      shnor_doc_row_add_text (row, choice_label ("impact", part_text (SHNOR_PART_RISK, r, "impact")));
      owner = person_text (p, part_text (SHNOR_PART_RISK, r, "owner_id"));
      shnor_doc_row_add_text (row, owner);
    }
  return table;
}

static ShnorDocTable *
stages_table (Programme *p)
{
  static const struct { const char *column, *head; double width; } columns[] = {
    { "tasks", "Задачи", 30 }, { "content", "Содержание деятельности", 30 },
    { "forms", "Организационные формы деятельности", 20 }, { "methods", "Методы", 18 },
    { "means", "Средства", 18 }, { "results", "Результаты", 24 },
  };
  ShnorDocTable *table = shnor_doc_table_new ("Этапы реализации программы", "Этапы");

  shnor_doc_table_add_column (table, "№\u00a0п/п", 5, SHNOR_DOC_INTEGER, FALSE);
  shnor_doc_table_add_column (table, "Этап", 18, SHNOR_DOC_TEXT, FALSE);
  shnor_doc_table_add_column (table, "Сроки", 13, SHNOR_DOC_TEXT, TRUE);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    shnor_doc_table_add_column (table, columns[c].head, columns[c].width, SHNOR_DOC_TEXT, TRUE);
  for (guint i = 0; i < N_ROWS (p, SHNOR_PART_STAGE); i++)
    {
      const ShnorPartRow *r = PART_ROW (p, SHNOR_PART_STAGE, i);
      ShnorDocRow *row = shnor_doc_table_add_row (table);
      const char *start = part_text (SHNOR_PART_STAGE, r, "start_date");
      const char *end = part_text (SHNOR_PART_STAGE, r, "end_date");
      g_autofree char *when = g_strdup_printf ("%s%s%s", start, start[0] && end[0] ? " – " : "", end);

      shnor_doc_row_add_integer (row, i + 1);
      shnor_doc_row_add_text (row, part_text (SHNOR_PART_STAGE, r, "name"));
      shnor_doc_row_add_text (row, when);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        shnor_doc_row_add_text (row, part_text (SHNOR_PART_STAGE, r, columns[c].column));
    }
  return table;
}

static ShnorDocTable *
financing_table (Programme *p)
{
  ShnorDocTable *table = shnor_doc_table_new ("Объём и источники финансирования программы, тыс. руб.",
                                              "Финансирование");
  double totals[64] = { 0 };
  int n_years = MIN (p->last - p->first + 1, (int) G_N_ELEMENTS (totals) - 1);
  gboolean any = FALSE;

  shnor_doc_table_add_column (table, "Источник финансирования", 30, SHNOR_DOC_TEXT, FALSE);
  for (int y = 0; y < n_years; y++)
    {
      g_autofree char *head = g_strdup_printf ("%d г.", p->first + y);

      shnor_doc_table_add_column (table, head, 12, SHNOR_DOC_MONEY, FALSE);
    }
  shnor_doc_table_add_column (table, "Всего", 13, SHNOR_DOC_MONEY, FALSE);
  for (ShnorFundingSource s = 0; s < SHNOR_N_SOURCES; s++)
    {
      double amounts[64] = { 0 }, sum = 0;
      gboolean has = FALSE;
      ShnorDocRow *row;

      for (int y = 0; y < n_years; y++)
        has |= financing (p, p->first + y, s, &amounts[y]);
      if (!has)
        continue;
      any = TRUE;
      row = shnor_doc_table_add_row (table);
      shnor_doc_row_add_text (row, source_label (s));
      for (int y = 0; y < n_years; y++)
        {
          shnor_doc_row_add_money (row, amounts[y]);
          totals[y] += amounts[y];
          sum += amounts[y];
        }
      shnor_doc_row_add_money (row, sum);
      totals[n_years] += sum;
    }
  if (any)
    {
      ShnorDocRow *row = shnor_doc_table_add_row (table);

      row->kind = SHNOR_DOC_ROW_TOTAL;
      shnor_doc_row_add_text (row, "Итого");
      for (int y = 0; y <= n_years; y++)
        shnor_doc_row_add_money (row, totals[y]);
    }
  return table;
}

static ShnorDocTable *
acts_table (Programme *p)
{
  ShnorDocTable *table = shnor_doc_table_new ("Нормативная правовая база программы", "Нормативная база");

  shnor_doc_table_add_column (table, "№\u00a0п/п", 6, SHNOR_DOC_INTEGER, FALSE);
  shnor_doc_table_add_column (table, "Нормативный правовой акт", 60, SHNOR_DOC_TEXT, FALSE);
  shnor_doc_table_add_column (table, "Дата", 12, SHNOR_DOC_DATE, TRUE);
  shnor_doc_table_add_column (table, "Номер", 14, SHNOR_DOC_TEXT, TRUE);
  for (guint i = 0; i < N_ROWS (p, SHNOR_PART_ACT); i++)
    {
      const ShnorPartRow *r = PART_ROW (p, SHNOR_PART_ACT, i);
      ShnorDocRow *row = shnor_doc_table_add_row (table);

      shnor_doc_row_add_integer (row, i + 1);
      shnor_doc_row_add_text (row, part_text (SHNOR_PART_ACT, r, "title"));
      shnor_doc_row_add_date (row, part_text (SHNOR_PART_ACT, r, "date"));
      shnor_doc_row_add_text (row, part_text (SHNOR_PART_ACT, r, "number"));
    }
  return table;
}

/* One assessment the indicators follow: the participating schools' mean
 * (or share below the threshold) in each year of the programme that has
 * results; NULL when none has any */
static ShnorDocTable *
dynamics_table (Programme  *p,
                const char *binding)
{
  g_auto(GStrv) parts = g_strsplit (binding, "\t", 4);
  gboolean below;
  int grade;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  guint n_years = (guint) (p->last - p->first + 1);
  gboolean *year_known = NULL;
  ShnorDocTable *table;

  if (g_strv_length (parts) != 4 || n_years == 0 || n_years > 50 || p->schools->len == 0)
    return NULL;
  below = g_str_equal (parts[0], "below");
  grade = atoi (parts[3]);
  year_known = g_new0 (gboolean, n_years);
  for (guint s = 0; s < p->schools->len; s++)
    {
      g_autoptr(GArray) results = shnor_document_get_results (p->document,
                                                              shnor_school_get_id (p->schools->pdata[s]));
      double *row = g_new (double, n_years);

      for (guint y = 0; y < n_years; y++)
        row[y] = NAN;
      for (guint r = 0; r < results->len; r++)
        {
          const ShnorResult *res = &g_array_index (results, ShnorResult, r);
          int y = res->year - p->first;

          if (y < 0 || y >= (int) n_years || res->grade != grade || !g_str_equal (res->kind, parts[1]) ||
              !g_str_equal (res->subject, parts[2]))
            continue;
          if (below && res->has_below && res->participants > 0)
            row[y] = 100.0 * res->below / res->participants;
          else if (!below && res->has_mean)
            row[y] = res->mean;
          year_known[y] |= !isnan (row[y]);
        }
      g_ptr_array_add (values, row);
    }
  /* «ОГЭ, математика, 9 класс»: the subject in the middle of the title is
   * a common noun */
  subject = shnor_russian_lower_first (parts[2]);
  title = g_strdup_printf ("%s, %s, %d класс: %s", parts[1], subject, grade,
                           below ? "доля результатов ниже порогового значения, %"
                                 : shnor_number_mean_decimals (parts[1]) >= 2 ? "средняя отметка" : "средний балл");
  table = shnor_doc_table_new (title, "Динамика");
  table->chart = TRUE;
  shnor_doc_table_add_column (table, "Общеобразовательная организация", 44, SHNOR_DOC_TEXT, FALSE);
  for (guint y = 0; y < n_years; y++)
    if (year_known[y])
      {
        g_autofree char *head = g_strdup_printf ("%d г.", p->first + (int) y);

        shnor_doc_table_add_column (table, head, 11, SHNOR_DOC_NUMBER, FALSE);
      }
  for (guint s = 0; s < p->schools->len; s++)
    {
      double *row_values = values->pdata[s];
      gboolean any = FALSE;
      ShnorDocRow *row;

      for (guint y = 0; y < n_years; y++)
        any |= !isnan (row_values[y]);
      if (!any)
        continue;
      row = shnor_doc_table_add_row (table);
      shnor_doc_row_add_text (row, shnor_school_get_display_name (p->schools->pdata[s]));
      for (guint y = 0; y < n_years; y++)
        if (year_known[y])
          shnor_doc_row_add_fixed (row, row_values[y], below ? 1 : shnor_number_mean_decimals (parts[1]));
    }
  g_free (year_known);
  if (table->rows->len == 0)
    g_clear_pointer (&table, shnor_doc_table_free);
  return table;
}

static ShnorAppendix *
programme_appendix (Programme *p)
{
  g_autofree char *approves = shnor_doc_title_case (p->title, SHNOR_CASE_ACCUSATIVE);
  ShnorAppendix *appendix;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean dynamics = FALSE;

  appendix = shnor_appendix_new (SHNOR_APPENDIX_PROGRAMME, p->title, approves);
  shnor_appendix_add_table (appendix, passport_table (p));
  shnor_appendix_add_table (appendix, analysis_table (p));
  shnor_appendix_add_table (appendix, indicators_table (p));
  shnor_appendix_add_table (appendix, risks_table (p));
  shnor_appendix_add_table (appendix, stages_table (p));
  shnor_appendix_add_table (appendix, financing_table (p));
  shnor_appendix_add_table (appendix, acts_table (p));
  /* the results the indicators follow, each assessment once */
  for (guint i = 0; i < N_ROWS (p, SHNOR_PART_INDICATOR); i++)
    {
      const char *binding = PART_ROW (p, SHNOR_PART_INDICATOR, i)->binding;
      ShnorDocTable *table;

      if (binding == NULL || !binding[0] || g_hash_table_contains (seen, binding))
        continue;
      g_hash_table_add (seen, (gpointer) binding);
      table = dynamics_table (p, binding);
      if (table == NULL)
        continue;
      /* the section's own heading and words above its first table, not
       * under that table's title */
      if (!dynamics)
        {
          ShnorDocTable *section = shnor_doc_table_new ("Динамика результатов общеобразовательных организаций — "
                                                        "участников программы", "Динамика");

          shnor_doc_table_add_intro (section, "Результаты школ по оценочным процедурам, которым следуют целевые "
                                              "показатели программы, по годам её реализации.");
          shnor_appendix_add_table (appendix, section);
        }
      dynamics = TRUE;
      shnor_appendix_add_table (appendix, table);
    }
  return appendix;
}

/* «Соколова И. В., начальник управления образования; …» */
static char *
responsible_text (const ShnorMeasure *m,
                  GArray             *people)
{
  GArray *ids = m->links[SHNOR_LINK_PERSON];
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    for (guint k = 0; k < people->len; k++)
      if (g_array_index (people, ShnorPerson, k).id == g_array_index (ids, gint64, i))
        append_person (out, &g_array_index (people, ShnorPerson, k));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A measure table's widths, in a spreadsheet's characters */
static const double column_widths[SHNOR_N_COLUMNS] = { 8, 40, 34, 18, 18, 16, 24, 26 };

/* The heading of a row of a table without a column of numbers or of
 * titles: «1.1. Создание организационной инфраструктуры…», as seed 003
 * numbers its sections */
static char *
heading_text (const ShnorMeasure *m,
              guint               columns)
{
  g_autofree char *text = shnor_measure_dup_text (m);

  if (columns & SHNOR_COLUMN_BIT (SHNOR_COLUMN_NUMBER))
    return g_steal_pointer (&text);
  return g_strdup_printf ("%s. %s", m->number, text);
}

/* One measure table of the programme, in its columns: a section (a
 * measure with sub-measures) across the table; a measure's actions each
 * in the column of its level; the period in words or its months */
static ShnorDocTable *
measure_table (Programme               *p,
               const ShnorMeasureTable *t,
               GArray                  *measures,
               GArray                  *levels,
               const char              *title,
               const char              *sheet)
{
  ShnorDocTable *table = shnor_doc_table_new (title, sheet);
  int title_field = shnor_measure_field_index ("title"), forms = shnor_measure_field_index ("forms");
  int period = shnor_measure_field_index ("period_text"), expected = shnor_measure_field_index ("expected");
  int start = shnor_measure_field_index ("start_month"), end = shnor_measure_field_index ("end_month");
  /* a table of neither titles nor actions still names its measures */
  guint columns = t->columns & (SHNOR_COLUMN_BIT (SHNOR_COLUMN_TITLE) | SHNOR_COLUMN_BIT (SHNOR_COLUMN_LEVELS))
                  ? t->columns : t->columns | SHNOR_COLUMN_BIT (SHNOR_COLUMN_TITLE);
  gboolean by_title = (columns & SHNOR_COLUMN_BIT (SHNOR_COLUMN_TITLE)) != 0;
  double width = 0;
  g_auto(GStrv) paragraphs = g_strsplit (t->intro, "\n", -1);

  for (guint i = 0; paragraphs[i]; i++)
    if (g_strstrip (paragraphs[i])[0])
      shnor_doc_table_add_intro (table, paragraphs[i]);
  for (ShnorMeasureColumn c = 0; c < SHNOR_N_COLUMNS; c++)
    {
      gboolean key = c == SHNOR_COLUMN_NUMBER || c == SHNOR_COLUMN_TITLE;

      if (!(columns & SHNOR_COLUMN_BIT (c)))
        continue;
      if (c == SHNOR_COLUMN_LEVELS)
        for (guint l = 0; l < levels->len; l++)
          {
            double w = column_widths[c] * (levels->len <= 3 ? 1.0 : 3.0 / levels->len);

            shnor_doc_table_add_column (table, g_array_index (levels, ShnorRoadmapLevel, l).name, w, SHNOR_DOC_TEXT,
                                        FALSE);
            width += w;
          }
      else
        {
          shnor_doc_table_add_column (table, c == SHNOR_COLUMN_NUMBER ? "№\u00a0п/п" : shnor_measure_column_heading (c),
                                      column_widths[c], SHNOR_DOC_TEXT, !key);
          width += column_widths[c];
        }
    }
  table->landscape = width > 100;
  for (guint i = 0; i < measures->len; i++)
    {
      const ShnorMeasure *m = &g_array_index (measures, ShnorMeasure, i);
      g_autofree char *names = NULL;
      g_autofree char *when = NULL;
      g_autofree char *text = NULL;
      ShnorDocRow *row;

      if (m->table_id != t->id)
        continue;
      /* a section; in a table by levels, a measure with a title of its
       * own above its actions */
      if (m->has_children || (!by_title && shnor_measure_title_is_heading (m)))
        {
          g_autofree char *heading = heading_text (m, columns);

          shnor_doc_table_add_section (table, columns & SHNOR_COLUMN_BIT (SHNOR_COLUMN_NUMBER) ? m->number : NULL,
                                       heading);
          if (m->has_children || !shnor_measure_has_actions (m))
            continue;
        }
      names = responsible_text (m, p->people);
      when = m->texts[period][0] ? g_strdup (m->texts[period])
             : g_strdup_printf ("%s%s%s", m->texts[start], m->texts[start][0] && m->texts[end][0] ? " – " : "",
                                m->texts[end]);
      text = m->texts[title_field][0] ? g_strdup (m->texts[title_field]) : shnor_measure_dup_text (m);
      row = shnor_doc_table_add_row (table);
      for (ShnorMeasureColumn c = 0; c < SHNOR_N_COLUMNS; c++)
        {
          g_autofree char *level_names = NULL;

          if (!(columns & SHNOR_COLUMN_BIT (c)))
            continue;
          switch (c)
            {
            case SHNOR_COLUMN_NUMBER:
              shnor_doc_row_add_text (row, m->number);
              break;
            case SHNOR_COLUMN_TITLE:
              shnor_doc_row_add_text (row, text);
              break;
            case SHNOR_COLUMN_LEVELS:
              for (guint l = 0; l < levels->len; l++)
                shnor_doc_row_add_text (row, m->actions && l < g_strv_length (m->actions) ? m->actions[l] : "");
              break;
            case SHNOR_COLUMN_LEVEL_NAMES:
              level_names = shnor_measure_dup_level_names (m, levels, ";\n");
              shnor_doc_row_add_text (row, level_names);
              break;
            case SHNOR_COLUMN_FORMS:
              shnor_doc_row_add_text (row, m->texts[forms]);
              break;
            case SHNOR_COLUMN_PERIOD:
              shnor_doc_row_add_text (row, when);
              break;
            case SHNOR_COLUMN_RESPONSIBLE:
              shnor_doc_row_add_text (row, names);
              break;
            case SHNOR_COLUMN_EXPECTED:
              shnor_doc_row_add_text (row, m->texts[expected]);
              break;
            default:
              shnor_doc_row_add_empty (row);
            }
        }
    }
  return table;
}

/* The measure tables of the programme as approved (the plan of each
 * measure, no execution), together its road map: one appendix, a section
 * a table under the table's own title, on a sheet of its own (a road map
 * of one table titled so is the appendix itself). A table without
 * measures is left out. */
static ShnorAppendix *
roadmap_appendix (Programme *p)
{
  g_autoptr(GArray) measures = shnor_document_get_roadmap (p->document, p->id, NULL);
  g_autoptr(GArray) tables = shnor_document_get_measure_tables (p->document, p->id);
  g_autoptr(GArray) levels = shnor_document_get_levels (p->document);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autofree char *title = g_strdup_printf ("Дорожная карта реализации %s", p->genitive);
  ShnorAppendix *appendix = shnor_appendix_new (SHNOR_APPENDIX_ROADMAP, title,
                                                "дорожную карту реализации программы");

  for (guint t = 0; t < tables->len; t++)
    for (guint i = 0; i < measures->len; i++)
      if (g_array_index (measures, ShnorMeasure, i).table_id == g_array_index (tables, ShnorMeasureTable, t).id)
        {
          g_ptr_array_add (shown, &g_array_index (tables, ShnorMeasureTable, t));
          break;
        }
  for (guint t = 0; t < shown->len; t++)
    {
      const ShnorMeasureTable *table = shown->pdata[t];
      g_autofree char *stripped = g_strstrip (g_strdup (table->title));
      g_autofree char *folded = g_utf8_casefold (stripped, -1);
      g_autofree char *road_map = g_utf8_casefold ("Дорожная карта", -1);
      gboolean alone = shown->len == 1 && g_str_equal (folded, road_map);

      shnor_appendix_add_table (appendix, measure_table (p, table, measures, levels, alone ? NULL : table->title,
                                                        t == 0 ? "Дорожная карта" : table->title));
    }
  return appendix;
}

/* The participating schools, their groups (never «high results»: a
 * programme supports the others) and why they are in them */
static ShnorAppendix *
schools_appendix (Programme *p)
{
  ShnorAppendix *appendix = shnor_appendix_new (SHNOR_APPENDIX_SCHOOLS,
                                                "Перечень общеобразовательных организаций — участников программы",
                                                "перечень общеобразовательных организаций — участников программы");
  ShnorDocTable *table = shnor_doc_table_new (NULL, "Школы-участники");
  g_autoptr(ShnorClassification) classification = p->schools->len ? shnor_document_classify (p->document) : NULL;

  shnor_doc_table_add_column (table, "№\u00a0п/п", 6, SHNOR_DOC_INTEGER, FALSE);
  shnor_doc_table_add_column (table, "Общеобразовательная организация", 38, SHNOR_DOC_TEXT, FALSE);
  shnor_doc_table_add_column (table, "Код", 8, SHNOR_DOC_TEXT, TRUE);
  shnor_doc_table_add_column (table, "Населённый пункт", 14, SHNOR_DOC_TEXT, TRUE);
  shnor_doc_table_add_column (table, "Руководитель", 20, SHNOR_DOC_TEXT, TRUE);
  shnor_doc_table_add_column (table, "Группа", 30, SHNOR_DOC_TEXT, TRUE);
  shnor_doc_table_add_column (table, "Основания включения", 50, SHNOR_DOC_TEXT, TRUE);
  for (guint i = 0; i < p->schools->len; i++)
    {
      ShnorSchool *school = p->schools->pdata[i];
      ShnorDocRow *row = shnor_doc_table_add_row (table);
      g_autofree char *code = shnor_school_dup_text (school, "code");
      g_autofree char *director = shnor_school_dup_text (school, "director");
      g_autofree char *groups = NULL;
      g_autofree char *reasons = NULL;

      school_groups (p->document, classification, shnor_school_get_id (school), &groups, &reasons);
      shnor_doc_row_add_integer (row, i + 1);
      shnor_doc_row_add_text (row, shnor_school_get_full_name (school));
      shnor_doc_row_add_text (row, code);
      shnor_doc_row_add_text (row, shnor_school_get_settlement (school));
      shnor_doc_row_add_text (row, director);
      shnor_doc_row_add_text (row, groups);
      shnor_doc_row_add_text (row, reasons);
    }
  shnor_appendix_add_table (appendix, table);
  return appendix;
}

static GPtrArray *
participating_schools (ShnorDocument *document,
                       gint64         id)
{
  g_autoptr(GArray) chosen = shnor_document_get_programme_schools (document, id);
  GListModel *schools = shnor_document_get_schools (document);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);

      for (guint c = 0; c < chosen->len; c++)
        if (g_array_index (chosen, gint64, c) == shnor_school_get_id (school))
          g_ptr_array_add (out, g_object_ref (school));
    }
  return out;
}

static void
programme_clear (Programme *p)
{
  for (guint i = 0; i < SHNOR_N_PARTS; i++)
    g_clear_pointer (&p->parts[i], g_array_unref);
  g_clear_pointer (&p->schools, g_ptr_array_unref);
  g_clear_pointer (&p->people, g_array_unref);
  g_clear_object (&p->programme);
  g_clear_pointer (&p->title, g_free);
  g_clear_pointer (&p->genitive, g_free);
}

/**
 * shnor_doc_title_case:
 * @title: a programme's title
 * @grammatical_case: genitive («Об утверждении …») or accusative
 *   («Утвердить …»)
 *
 * Returns: (transfer full): «муниципальной программы поддержки …» when the
 * title says what it is, else «программы «…»» (the title quoted).
 */
char *
shnor_doc_title_case (const char *title,
                      ShnorCase   grammatical_case)
{
  g_autofree char *declined = NULL;

  if (!shnor_russian_starts_with_document_noun (title))
    {
      g_autofree char *kind = shnor_russian_decline_phrase ("программа", grammatical_case, FALSE);

      return g_strdup_printf ("%s «%s»", kind, title ? title : "");
    }
  declined = shnor_russian_decline_phrase (title, grammatical_case, FALSE);
  return shnor_russian_lower_first (declined);
}

/**
 * shnor_appendix_plan_new_programme:
 *
 * Returns: (transfer full): the appendices of the order approving the
 * programme @id: the programme, its road map, its participating schools,
 * its network pairs (each when it has something); NULL with @error when
 * there is no such programme.
 */
ShnorAppendixPlan *
shnor_appendix_plan_new_programme (ShnorDocument  *document,
                                   gint64          id,
                                   GError        **error)
{
  Programme p = { document, id };
  g_autofree char *date = NULL;
  g_autofree char *number = NULL;
  ShnorAppendixPlan *plan;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), NULL);
  p.programme = shnor_document_dup_programme (document, id);
  if (p.programme == NULL)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("There is no programme %s in the file (see --list-programmes)."), text);
      return NULL;
    }
  p.first = shnor_programme_get_first_year (p.programme);
  p.last = shnor_programme_get_last_year (p.programme);
  for (guint i = 0; i < SHNOR_N_PARTS; i++)
    p.parts[i] = shnor_document_get_part (document, id, i);
  p.schools = participating_schools (document, id);
  p.people = shnor_document_get_people (document);
  p.title = g_strstrip (g_strdup (shnor_programme_get_title (p.programme)));
  p.genitive = shnor_doc_title_case (p.title, SHNOR_CASE_GENITIVE);

  date = shnor_document_dup_programme_text (document, id, "order_date");
  number = shnor_document_dup_programme_text (document, id, "order_number");
  plan = shnor_appendix_plan_new (document, date, number,
                                  shnor_programme_get_status (p.programme) == SHNOR_PROGRAMME_DRAFT);
  shnor_appendix_plan_add (plan, programme_appendix (&p));
  shnor_appendix_plan_add (plan, roadmap_appendix (&p));
  shnor_appendix_plan_add (plan, schools_appendix (&p));
  shnor_appendix_plan_add (plan, shnor_appendix_network (document, id));
  programme_clear (&p);
  return plan;
}
