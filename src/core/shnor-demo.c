/* shnor-demo.c: a fictional municipality of twelve schools of every kind,
 * with three years of context data, results, another yearly indicator and
 * two programmes.
 * Written through the same document API a user's edits take, so the demo
 * is valid by the same rules. */
#define G_LOG_DOMAIN "shnor-demo"

#include "config.h"
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "shnor-demo.h"

typedef struct {
  const char *legal_form;
  const char *full_name;
  const char *short_name;
  const char *settlement;
  int         area;
  gboolean    hard_to_reach;
  const char *director;
  gboolean    mentor, internship, growth_point;
  int         pupils, teachers;
  double      low_income, low_education, non_native, disabilities, registered, distance;
  double      level, trend;   /* results: standard deviations from the mean, and change a year */
} DemoSchool;

static const DemoSchool demo_schools[] = {
  { "МАОУ", "Муниципальное автономное общеобразовательное учреждение «Гимназия № 1» г. Берёзовска",
    "Гимназия № 1", "г. Берёзовск", 0, FALSE, "Лаптева Елена Сергеевна",
    TRUE, TRUE, FALSE, 1048, 67, 6.5, 18.0, 1.2, 2.1, 0.4, 0, 1.40, 0.00 },
  { "МБОУ", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 2»",
    "СОШ № 2", "г. Берёзовск", 0, FALSE, "Гусев Андрей Павлович",
    FALSE, FALSE, FALSE, 872, 51, 14.0, 31.0, 3.5, 3.8, 1.1, 2.5, 0.10, 0.05 },
  { "МБОУ", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 3 с углублённым изучением отдельных предметов»",
    "СОШ № 3", "г. Берёзовск", 0, FALSE, "Ершова Наталья Владимировна",
    TRUE, FALSE, FALSE, 915, 58, 9.0, 22.0, 2.0, 2.9, 0.6, 3.0, 1.00, 0.10 },
  { "МБОУ", "Муниципальное бюджетное общеобразовательное учреждение «Основная общеобразовательная школа № 5»",
    "ООШ № 5", "г. Берёзовск", 0, FALSE, "Тихонов Олег Игоревич",
    FALSE, FALSE, FALSE, 306, 24, 27.0, 46.0, 11.0, 6.5, 3.2, 5.5, -1.00, 0.00 },
  { "МБОУ", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа п. Лесной»",
    "СОШ п. Лесной", "п. Лесной", 1, FALSE, "Козлова Марина Юрьевна",
    FALSE, TRUE, TRUE, 418, 31, 19.0, 39.0, 4.0, 4.4, 1.5, 24, 0.30, -0.05 },
  { "МБОУ", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа п. Рудничный»",
    "СОШ п. Рудничный", "п. Рудничный", 1, FALSE, "Белов Сергей Анатольевич",
    FALSE, FALSE, TRUE, 377, 29, 31.0, 52.0, 6.0, 5.2, 2.7, 37, 0.40, -0.55 },
  { "МКОУ", "Муниципальное казённое общеобразовательное учреждение «Средняя общеобразовательная школа с. Малиновка»",
    "СОШ с. Малиновка", "с. Малиновка", 2, FALSE, "Щербакова Ольга Николаевна",
    FALSE, FALSE, FALSE, 182, 19, 38.0, 61.0, 5.0, 7.7, 2.2, 46, 0.20, -0.50 },
  { "МКОУ", "Муниципальное казённое общеобразовательное учреждение «Основная общеобразовательная школа с. Кедровка»",
    "ООШ с. Кедровка", "с. Кедровка", 2, FALSE, "Панов Виктор Степанович",
    FALSE, FALSE, FALSE, 94, 13, 44.0, 68.0, 21.0, 8.5, 4.3, 58, -1.10, -0.05 },
  { "МКОУ", "Муниципальное казённое общеобразовательное учреждение «Средняя общеобразовательная школа с. Покровское»",
    "СОШ с. Покровское", "с. Покровское", 2, FALSE, "Новикова Татьяна Алексеевна",
    FALSE, TRUE, TRUE, 239, 22, 29.0, 55.0, 3.0, 5.0, 1.7, 31, -0.10, 0.10 },
  { "МКОУ", "Муниципальное казённое общеобразовательное учреждение «Начальная общеобразовательная школа д. Заречье»",
    "НОШ д. Заречье", "д. Заречье", 2, FALSE, "Крылова Анна Михайловна",
    FALSE, FALSE, FALSE, 27, 4, 41.0, 63.0, 7.0, 11.1, 0.0, 19, -0.30, 0.00 },
  { "МКОУ", "Муниципальное казённое общеобразовательное учреждение «Основная общеобразовательная школа с. Верхняя Тура»",
    "ООШ с. Верхняя Тура", "с. Верхняя Тура", 2, TRUE, "Мальцев Иван Григорьевич",
    FALSE, FALSE, FALSE, 78, 11, 57.0, 74.0, 34.0, 9.4, 5.7, 142, -1.50, 0.00 },
  { "МКОУ", "Муниципальное казённое общеобразовательное учреждение «Средняя общеобразовательная школа с. Ключи»",
    "СОШ с. Ключи", "с. Ключи", 2, FALSE, "Фомина Светлана Петровна",
    FALSE, FALSE, TRUE, 131, 15, 35.0, 58.0, 9.0, 6.1, 3.1, 64, 0.00, 0.05 },
};

static const struct { const char *key, *value; } demo_settings[] = {
  { "region",        "Северо-Озёрская область" },
  { "municipality",  "Берёзовский муниципальный округ" },
  { "authority",     "Управление образования администрации Берёзовского муниципального округа" },
  { "head_name",     "Соколова Ирина Викторовна" },
  { "head_position", "Начальник управления образования" },
  { "address",       "623100, Северо-Озёрская обл., г. Берёзовск, ул. Ленина, д. 12" },
  { "phone",         "+7 (34356) 2-14-50" },
  { "email",         "uo@berezovsk-edu.example" },
  { "place",         "г. Берёзовск" },
  { "control_name",  "Гусева Наталья Петровна" },
  { "control_position", "заместитель начальника управления образования" },
};

#define FIRST_YEAR 2024
#define N_YEARS    3

static gboolean
set_school (ShnorDocument     *doc,
            gint64             id,
            guint              index,
            const DemoSchool  *s,
            GError           **error)
{
  g_autofree char *code = g_strdup_printf ("03%02u", index + 1);
  g_autofree char *area = g_strdup_printf ("%d", s->area);
  g_autofree char *email = g_strdup_printf ("school%02u@berezovsk-edu.example", index + 1);
  g_autofree char *phone = g_strdup_printf ("+7 (34356) 2-%02u-%02u", 20 + index, 11 + 3 * index);
  g_autofree char *address = g_strdup_printf ("%s, ул. Школьная, д. %u", s->settlement, 1 + index % 7);
  const char *fields[][2] = {
    { "short_name", s->short_name }, { "legal_form", s->legal_form }, { "code", code },
    { "settlement", s->settlement }, { "area_type", area },
    { "hard_to_reach", s->hard_to_reach ? "1" : "0" }, { "director", s->director },
    { "address", address }, { "phone", phone }, { "email", email },
    { "mentor", s->mentor ? "1" : "0" }, { "internship", s->internship ? "1" : "0" },
    { "growth_point", s->growth_point ? "1" : "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!shnor_document_set_school_field (doc, id, fields[i][0], fields[i][1], error))
      return FALSE;
  return TRUE;
}

/* The year's values drift a little around the school's base, the same way
 * every time (no randomness: the demo is reproducible). */
static gboolean
set_context (ShnorDocument     *doc,
             gint64             id,
             guint              index,
             const DemoSchool  *s,
             GError           **error)
{
  for (int y = 0; y < N_YEARS; y++)
    {
      int year = FIRST_YEAR + y;
      int wobble = (int) ((index * 7 + (guint) y * 3) % 5) - 2;
      double drift = (y - 1) * 0.6 + wobble * 0.3;
      char *values[SHNOR_CONTEXT_N_VALUES];
      guint n_fields;
      const ShnorField *fields = shnor_context_fields (&n_fields);
      gboolean ok = TRUE;

      values[0] = g_strdup_printf ("%d", MAX (1, s->pupils + (y - 2) * (s->pupils / 40) + wobble * 2));
      values[1] = g_strdup_printf ("%d", MAX (1, s->teachers + (wobble > 1 ? 1 : 0) - (y == 0 ? 1 : 0)));
      values[2] = g_strdup_printf ("%.1f", CLAMP (s->low_income + drift, 0, 100));
      values[3] = g_strdup_printf ("%.1f", CLAMP (s->low_education - drift / 2, 0, 100));
      values[4] = g_strdup_printf ("%.1f", CLAMP (s->non_native + (s->non_native > 0 ? drift / 3 : 0), 0, 100));
      values[5] = g_strdup_printf ("%.1f", CLAMP (s->disabilities + y * 0.2, 0, 100));
      values[6] = g_strdup_printf ("%.1f", CLAMP (s->registered + wobble * 0.1, 0, 100));
      values[7] = g_strdup_printf ("%.0f", s->distance);

      ok = shnor_document_add_context_year (doc, id, year, error);
      for (guint i = 0; ok && i < SHNOR_CONTEXT_N_VALUES; i++)
        ok = shnor_document_set_context_field (doc, id, year, fields[i + 1].column, values[i], error);
      for (guint i = 0; i < SHNOR_CONTEXT_N_VALUES; i++)
        g_free (values[i]);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

typedef struct {
  const char *kind;
  const char *subject;
  int         grade;
  double      mean, spread;   /* a school of level 0, and one standard deviation */
  double      regional;
} DemoAssessment;

static const DemoAssessment demo_assessments[] = {
  { "ЕГЭ", "Русский язык", 11, 68, 7, 69.5 },
  { "ЕГЭ", "Математика (профильный уровень)", 11, 55, 9, 56.5 },
  { "ОГЭ", "Русский язык", 9, 3.7, 0.3, 3.72 },
  { "ОГЭ", "Математика", 9, 3.45, 0.35, 3.5 },
  { "ВПР", "Математика", 4, 3.9, 0.3, 3.95 },
  { "ВПР", "Русский язык", 5, 3.55, 0.3, 3.6 },
};

/* Which assessments a school has: no grade 11 in a basic school (ООШ),
 * only grade 4 in a primary one (НОШ). */
static gboolean
school_has (const DemoSchool     *s,
            const DemoAssessment *a)
{
  if (g_str_has_prefix (s->short_name, "НОШ"))
    return a->grade == 4;
  if (g_str_has_prefix (s->short_name, "ООШ"))
    return a->grade != 11;
  return TRUE;
}

/* A small deterministic wobble in [-1, 1]: the demo is the same every time. */
static double
wobble (guint a,
        guint b,
        guint c)
{
  guint h = (a * 2654435761u) ^ (b * 40503u) ^ (c * 2246822519u);

  h ^= h >> 13;
  h *= 0x5bd1e995;
  h ^= h >> 15;
  return (h % 2001) / 1000.0 - 1.0;
}

static gboolean
add_results (ShnorDocument  *doc,
             GArray         *ids,
             GError        **error)
{
  g_autoptr(GArray) results = g_array_new (FALSE, TRUE, sizeof (ShnorResult));

  for (guint a = 0; a < G_N_ELEMENTS (demo_assessments); a++)
    {
      const DemoAssessment *as = &demo_assessments[a];
      double min = 0, max = 100;

      shnor_result_kind_mean_range (as->kind, &min, &max);
      for (int y = 0; y < N_YEARS; y++)
        {
          g_autofree char *regional = shnor_format_double (as->regional + (y - 1) * as->spread * 0.05, 2);

          if (!shnor_document_set_reference_mean (doc, as->kind, as->subject, as->grade, FIRST_YEAR + y,
                                                  regional, error))
            return FALSE;
        }
      for (guint i = 0; i < G_N_ELEMENTS (demo_schools); i++)
        for (int y = 0; y < N_YEARS && school_has (&demo_schools[i], as); y++)
          {
            const DemoSchool *s = &demo_schools[i];
            double z = s->level + s->trend * y + 0.25 * wobble (i, a, (guint) y);
            int cohort = s->pupils / (as->grade == 11 ? 16 : 11);
            ShnorResult r = { 0 };

            r.school_id = g_array_index (ids, gint64, i);
            r.year = FIRST_YEAR + y;
            r.grade = as->grade;
            shnor_result_set_names (&r, as->kind, as->subject);
            r.participants = MAX (2, cohort + (int) round (0.2 * cohort * wobble (a, i, (guint) y)));
            r.has_mean = TRUE;
            r.mean = CLAMP (round ((as->mean + as->spread * z) * 100) / 100, min + 0.5, max - 0.2);
            r.has_below = TRUE;
            r.below = (int) round (r.participants * CLAMP (0.07 - 0.06 * z, 0, 0.45));
            r.has_high = TRUE;
            r.high = (int) round (r.participants * CLAMP (0.28 + 0.14 * z, 0.02, 0.85));
            r.high = MIN (r.high, r.participants - r.below);
            g_array_append_val (results, r);
          }
    }
  return shnor_document_put_results (doc, (ShnorResult *) (gpointer) results->data, results->len,
                                     _("Demo municipality"), error);
}

/* Another yearly indicator, for criteria to use: the share of teachers
 * with the highest category, higher where results are. */
static gboolean
add_indicators (ShnorDocument  *doc,
                GArray         *ids,
                GError        **error)
{
  gint64 indicator = shnor_document_add_indicator (doc, "Педагоги высшей категории, %", error);

  if (indicator == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (demo_schools); i++)
    for (int y = 0; y < N_YEARS; y++)
      {
        const DemoSchool *s = &demo_schools[i];
        double share = CLAMP (32 + 14 * (s->level + s->trend * y) + 4 * wobble (i, 99, (guint) y), 3, 85);
        g_autofree char *text = g_strdup_printf ("%.1f", share);

        if (!shnor_document_set_indicator_value (doc, g_array_index (ids, gint64, i), indicator,
                                                 FIRST_YEAR + y, text, error))
          return FALSE;
      }
  return TRUE;
}

/* The road map of the demo's approved programme: four sections, 36
 * measures on the three levels. Measures that ended before the day the
 * demo is written are done, but for the few marked late, which are then
 * overdue; the one under way is in progress. */
#define M SHNOR_LEVEL_MUNICIPAL
#define I SHNOR_LEVEL_METHOD
#define S SHNOR_LEVEL_SCHOOL

static const struct {
  gboolean    section;
  const char *title;
  const char *forms;
  guint       levels;
  const char *start, *end, *period;
  int         person;     /* index into demo_people; -1 none */
  gboolean    late;
  int         indicator;  /* index of the programme's indicator; -1 none */
} demo_measures[] = {
  { TRUE, "Подготовка и запуск программы", "", 0, "", "", "январь — июнь 2025 года", -1, FALSE, -1 },
  { FALSE, "Назначить муниципального координатора и создать координационную группу поддержки школ",
    "приказ, рабочая группа", M, "2025-01", "2025-02", "январь — февраль 2025 года", 0, FALSE, -1 },
  { FALSE, "Назначить в школах ответственных за мониторинг и профессиональное развитие педагогов",
    "приказы по школам", S, "2025-02", "2025-02", "февраль 2025 года", 4, FALSE, -1 },
  { FALSE, "Провести углублённую диагностику школ: результаты, контекст, факторы риска",
    "анкетирование, анализ данных", I | S, "2025-02", "2025-04", "февраль — апрель 2025 года", 1, FALSE, -1 },
  { FALSE, "Составить рисковые профили школ и согласовать их с руководителями",
    "собеседование", I, "2025-04", "2025-05", "апрель — май 2025 года", 2, FALSE, -1 },
  { FALSE, "Разработать программы перехода школ в эффективный режим работы",
    "проектный семинар", S, "2025-04", "2025-06", "до 30 июня 2025 года", 4, FALSE, -1 },
  { FALSE, "Провести экспертизу школьных программ и утвердить их",
    "экспертный совет", M | I, "2025-06", "2025-06", "июнь 2025 года", 1, FALSE, -1 },
  { FALSE, "Заключить соглашения о партнёрстве школ с высокими и низкими результатами",
    "соглашения, сетевое взаимодействие", M | S, "2025-05", "2025-06", "май — июнь 2025 года", 0, FALSE, -1 },
  { FALSE, "Провести установочное совещание руководителей школ — участников программы",
    "совещание", M, "2025-03", "2025-03", "март 2025 года", 0, FALSE, -1 },
  { FALSE, "Опубликовать программу и дорожную карту на сайте управления образования",
    "информирование", M, "2025-02", "2025-02", "февраль 2025 года", 3, FALSE, -1 },

  { TRUE, "Адресная методическая поддержка школ", "", 0, "", "", "2025–2027 годы", -1, FALSE, -1 },
  { FALSE, "Закрепить за каждой школой куратора из числа методистов и руководителей школ-партнёров",
    "наставничество", I, "2025-09", "2025-09", "сентябрь 2025 года", 1, FALSE, -1 },
  { FALSE, "Провести консультации по итогам ВПР для учителей математики и русского языка",
    "консультации, вебинары", I, "2025-10", "2025-11", "октябрь — ноябрь 2025 года", 2, FALSE, 0 },
  { FALSE, "Организовать сетевые уроки по математике со школой-партнёром",
    "сетевые уроки", S, "2025-10", "2026-05", "ежемесячно в течение учебного года", 4, FALSE, 0 },
  { FALSE, "Составить индивидуальные планы сопровождения обучающихся с рисками учебной неуспешности",
    "индивидуальные планы", S, "2025-09", "2025-10", "сентябрь — октябрь 2025 года", 4, FALSE, 0 },
  { FALSE, "Провести выездные методические дни в школах программы",
    "выездной методический день", I, "2025-11", "2026-04", "один раз в полугодие", 2, FALSE, -1 },
  { FALSE, "Организовать взаимопосещение уроков педагогами школ-партнёров",
    "взаимопосещение", I | S, "2026-01", "2026-04", "январь — апрель 2026 года", 2, TRUE, -1 },
  { FALSE, "Провести пробный ОГЭ по математике и разобрать его результаты с учителями",
    "пробный экзамен, разбор", I | S, "2026-02", "2026-03", "февраль — март 2026 года", 1, FALSE, 0 },
  { FALSE, "Обновить программы внеурочной деятельности с учётом дефицитов обучающихся",
    "проектирование", S, "2026-05", "2026-08", "май — август 2026 года", 4, TRUE, -1 },
  { FALSE, "Провести консультации по итогам ВПР 2026 года", "консультации", I, "2026-10", "2026-11",
    "октябрь — ноябрь 2026 года", 2, FALSE, 0 },
  { FALSE, "Провести пробный ОГЭ 2027 года по математике и русскому языку",
    "пробный экзамен", I | S, "2027-02", "2027-03", "февраль — март 2027 года", 1, FALSE, 0 },

  { TRUE, "Профессиональное развитие педагогов и руководителей", "", 0, "", "", "2025–2027 годы",
    -1, FALSE, -1 },
  { FALSE, "Выявить профессиональные дефициты педагогов школ программы",
    "диагностика", I, "2025-09", "2025-10", "сентябрь — октябрь 2025 года", 1, FALSE, 3 },
  { FALSE, "Составить индивидуальные образовательные маршруты педагогов",
    "индивидуальные маршруты", I | S, "2025-10", "2025-12", "до конца 2025 года", 2, FALSE, 3 },
  { FALSE, "Направить учителей математики на курсы повышения квалификации ИРО",
    "курсы повышения квалификации", M | S, "2026-01", "2026-06", "первое полугодие 2026 года", 0, FALSE, 3 },
  { FALSE, "Организовать муниципальную школу молодого педагога",
    "школа молодого педагога", I, "2025-10", "2026-05", "ежемесячно", 1, FALSE, -1 },
  { FALSE, "Провести стажировки управленческих команд в школах с высокими результатами",
    "стажировка", M | S, "2026-03", "2026-04", "март — апрель 2026 года", 0, FALSE, -1 },
  { FALSE, "Провести семинар по формирующему оцениванию для педагогов школ программы",
    "семинар-практикум", I, "2026-09", "2026-10", "сентябрь — октябрь 2026 года", 2, TRUE, 3 },
  { FALSE, "Организовать привлечение молодых учителей математики в сельские школы",
    "меры поддержки, наставничество", M, "2026-06", "2026-09", "июнь — сентябрь 2026 года", 0, FALSE, -1 },
  { FALSE, "Провести муниципальный конкурс методических разработок педагогов школ программы",
    "конкурс", I, "2027-01", "2027-03", "январь — март 2027 года", 1, FALSE, -1 },

  { TRUE, "Мониторинг и обобщение результатов", "", 0, "", "", "2025–2027 годы", -1, FALSE, -1 },
  { FALSE, "Провести мониторинг целевых показателей программы",
    "мониторинг", M | I, "2025-12", "2025-12", "в конце каждого полугодия", 1, FALSE, 2 },
  { FALSE, "Провести промежуточный мониторинг реализации школьных программ",
    "мониторинг, отчёты школ", I | S, "2026-06", "2026-06", "в конце каждого полугодия", 1, FALSE, 2 },
  { FALSE, "Заслушать отчёты руководителей школ на совещании управления образования",
    "совещание, отчёт", M | S, "2026-08", "2026-08", "август 2026 года", 0, FALSE, -1 },
  { FALSE, "Провести мониторинг целевых показателей за 2026 год",
    "мониторинг", M | I, "2026-12", "2026-12", "в конце каждого полугодия", 1, FALSE, 2 },
  { FALSE, "Пополнить муниципальный банк лучших практик опытом школ программы",
    "банк практик", I, "2027-03", "2027-06", "март — июнь 2027 года", 2, FALSE, -1 },
  { FALSE, "Провести итоговую конференцию по результатам программы",
    "конференция", M | I | S, "2027-11", "2027-11", "ноябрь 2027 года", 0, FALSE, -1 },
  { FALSE, "Подготовить аналитический отчёт о реализации программы",
    "аналитический отчёт", M | I, "2027-12", "2027-12", "декабрь 2027 года", 1, FALSE, 1 },
};

/* The expected result of each measure of demo_measures, in its order
 * (NULL for a section) */
static const char * const demo_expected[] = {
  NULL,
  "Приказ о координаторе и составе координационной группы",
  "Ответственные назначены во всех школах программы",
  "Аналитическая справка по каждой школе",
  "Рисковые профили школ согласованы",
  "Программы школ разработаны",
  "Программы школ утверждены",
  "Соглашения о партнёрстве заключены",
  "Руководители школ ознакомлены с программой",
  "Программа и дорожная карта размещены на сайте",
  NULL,
  "У каждой школы программы есть куратор",
  "Учителя получили рекомендации по итогам ВПР",
  "Проведено не менее 8 сетевых уроков в год",
  "Индивидуальные планы составлены для всех обучающихся группы риска",
  "Проведено не менее двух методических дней в каждой школе",
  "Каждый учитель математики посетил не менее трёх уроков коллег",
  "Результаты пробного ОГЭ разобраны с каждым учителем",
  "Программы внеурочной деятельности обновлены",
  "Учителя получили рекомендации по итогам ВПР 2026 года",
  "Результаты пробного ОГЭ разобраны с каждым учителем",
  NULL,
  "Карты профессиональных дефицитов педагогов",
  "Индивидуальные образовательные маршруты педагогов",
  "Не менее 10 учителей математики прошли курсы",
  "Молодые педагоги школ программы участвуют в школе молодого педагога",
  "Управленческие команды прошли стажировку",
  "Педагоги применяют формирующее оценивание",
  "В сельские школы пришли молодые учителя математики",
  "Лучшие методические разработки опубликованы",
  NULL,
  "Отчёт о достижении целевых показателей за 2025 год",
  "Справка о реализации школьных программ",
  "Решения совещания по итогам отчётов",
  "Отчёт о достижении целевых показателей за 2026 год",
  "Практики школ программы включены в банк",
  "Итоги программы представлены педагогическому сообществу",
  "Аналитический отчёт о реализации программы",
};

G_STATIC_ASSERT (G_N_ELEMENTS (demo_expected) == G_N_ELEMENTS (demo_measures));

static const struct { const char *name, *position, *organisation; } demo_people[] = {
  { "Соколова Ирина Викторовна", "начальник управления образования", "Управление образования" },
  { "Петрова Елена Андреевна", "директор", "Информационно-методический центр" },
  { "Кузнецов Алексей Сергеевич", "методист", "Информационно-методический центр" },
  { "Белова Марина Олеговна", "специалист", "Управление образования" },
  { "Мальцев Иван Григорьевич", "директор", "МКОУ «ООШ с. Верхняя Тура»" },
};

#undef M
#undef I
#undef S

/* "done" when it ended before @now (but for a late one, left overdue),
 * "in progress" while under way, "planned" before it starts. */
static ShnorMeasureStatus
demo_status (guint       i,
             const char *now)
{
  if (strcmp (demo_measures[i].end, now) < 0)
    return demo_measures[i].late ? SHNOR_MEASURE_IN_PROGRESS : SHNOR_MEASURE_DONE;
  return strcmp (demo_measures[i].start, now) <= 0 ? SHNOR_MEASURE_IN_PROGRESS : SHNOR_MEASURE_PLANNED;
}

static gboolean
add_measure_fields (ShnorDocument  *doc,
                    gint64          id,
                    guint           i,
                    const char     *now,
                    GError        **error)
{
  ShnorMeasureStatus status = demo_status (i, now);
  g_autofree char *status_text = g_strdup_printf ("%d", status);
  const char *texts[][2] = {
    { "forms", demo_measures[i].forms }, { "start_month", demo_measures[i].start },
    { "end_month", demo_measures[i].end }, { "period_text", demo_measures[i].period },
    { "status", status_text },
  };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    if (!shnor_document_set_measure_field (doc, id, texts[t][0], texts[t][1], error))
      return FALSE;
  if (i < G_N_ELEMENTS (demo_expected) && demo_expected[i] != NULL &&
      !shnor_document_set_measure_field (doc, id, "expected", demo_expected[i], error))
    return FALSE;
  if (status == SHNOR_MEASURE_DONE)
    {
      int year, month;
      g_autofree char *date = NULL;

      shnor_parse_month (demo_measures[i].end, &year, &month);
      date = g_strdup_printf ("%02d.%02d.%04d", g_date_get_days_in_month (month, year) - 2, month, year);
      if (!shnor_document_set_measure_field (doc, id, "done_date", date, error) ||
          !shnor_document_set_measure_field (doc, id, "evidence", "Отчёт ответственного, материалы на сайте", error))
        return FALSE;
    }
  return shnor_document_set_measure_levels (doc, id, demo_measures[i].levels, error);
}

/* The road map of the approved programme: sections at the top, their
 * measures below, the responsible people, the schools of school-level
 * measures, the indicators the measures serve. */
static gboolean
add_roadmap (ShnorDocument  *doc,
             gint64          programme,
             const guint    *schools,
             guint           n_schools,
             GArray         *ids,
             GError        **error)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *now = g_date_time_format (today, "%Y-%m");
  g_autoptr(GArray) indicators = shnor_document_get_part (doc, programme, SHNOR_PART_INDICATOR);
  gint64 people[G_N_ELEMENTS (demo_people)];
  gint64 section = 0, last = 0;

  for (guint p = 0; p < G_N_ELEMENTS (demo_people); p++)
    if ((people[p] = shnor_document_add_person (doc, demo_people[p].name, demo_people[p].position,
                                                demo_people[p].organisation, error)) == 0)
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (demo_measures); i++)
    {
      gboolean first_of_section = !demo_measures[i].section && last == section;
      gint64 id = shnor_document_add_measure (doc, programme, demo_measures[i].section ? section : last,
                                              demo_measures[i].title, error);

      if (id == 0 || (first_of_section && !shnor_document_indent_measure (doc, id, error)))
        return FALSE;
      if (demo_measures[i].section)
        {
          section = last = id;
          if (!shnor_document_set_measure_field (doc, id, "period_text", demo_measures[i].period, error))
            return FALSE;
          continue;
        }
      last = id;
      if (!add_measure_fields (doc, id, i, now, error) ||
          (demo_measures[i].person >= 0 &&
           !shnor_document_set_measure_link (doc, id, SHNOR_LINK_PERSON, people[demo_measures[i].person], TRUE,
                                             error)) ||
          (demo_measures[i].indicator >= 0 && (guint) demo_measures[i].indicator < indicators->len &&
           !shnor_document_set_measure_link (doc, id, SHNOR_LINK_INDICATOR,
                                             g_array_index (indicators, ShnorPartRow, demo_measures[i].indicator).id,
                                             TRUE, error)))
        return FALSE;
      for (guint s = 0; (demo_measures[i].levels & SHNOR_LEVEL_SCHOOL) && s < n_schools; s++)
        if (!shnor_document_set_measure_link (doc, id, SHNOR_LINK_SCHOOL, g_array_index (ids, gint64, schools[s]),
                                              TRUE, error))
          return FALSE;
    }
  return TRUE;
}

/* The approved programme as such programmes are written: its period in
 * words, a table of measures by levels (a different action of the
 * authority, the methodological service and the school in each row), a
 * bound target for the end of the programme and a risk's responsible
 * person. */
static gboolean
add_as_written (ShnorDocument  *doc,
                gint64          programme,
                GError        **error)
{
  static const char * const rows[][3] = {
    { "Утвердить перечень школ — участниц программы и закрепить за каждой куратора",
      "Назначить кураторов из числа методистов и руководителей школ-наставников",
      "Определить ответственного за реализацию программы в школе" },
    { "Организовать обучение управленческих команд школ анализу результатов оценочных процедур",
      "Провести семинары по анализу результатов ВПР и ОГЭ для заместителей директоров",
      "Проанализировать результаты ВПР и ОГЭ, выявить предметные дефициты" },
    { "Заключить соглашения о сетевом взаимодействии школ-наставников и школ программы",
      "Подобрать пары «школа-наставник — школа программы», составить план взаимопосещений",
      "Включить взаимопосещения уроков в план методической работы школы" },
    { "", "Организовать консультации учителей математики по подготовке к ОГЭ",
      "Провести индивидуальные занятия с обучающимися группы риска" },
  };
  g_autoptr(GArray) levels = shnor_document_get_levels (doc);
  g_autoptr(GArray) indicators = shnor_document_get_part (doc, programme, SHNOR_PART_INDICATOR);
  g_autoptr(GArray) risks = shnor_document_get_part (doc, programme, SHNOR_PART_RISK);
  g_autoptr(GArray) people = shnor_document_get_people (doc);
  gint64 table = shnor_document_add_measure_table (doc, programme, SHNOR_TABLE_LEVELS, error);
  gint64 section, last = 0;

  if (table == 0 ||
      !shnor_document_set_programme_field (doc, programme, "period_text",
                                           "2025 год и плановый период 2026 и 2027 годов", error) ||
      !shnor_document_set_measure_table_text (doc, table, "intro",
                                              "Мероприятия программы распределены между муниципальным органом "
                                              "управления образованием, муниципальной методической службой и "
                                              "школами — участницами программы.", error))
    return FALSE;
  section = shnor_document_add_measure_to (doc, table, 0, "Методическая поддержка школ с низкими результатами",
                                           error);
  if (section == 0)
    return FALSE;
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      gint64 id = shnor_document_add_measure_to (doc, table, last ? last : section, "", error);

      if (id == 0 || (last == 0 && !shnor_document_indent_measure (doc, id, error)))
        return FALSE;
      for (guint l = 0; l < 3 && l < levels->len; l++)
        if (!shnor_document_set_measure_action (doc, id, g_array_index (levels, ShnorRoadmapLevel, l).id,
                                                rows[r][l], error))
          return FALSE;
      last = id;
    }
  if (indicators->len > 0 &&
      !shnor_document_set_indicator_plan (doc, g_array_index (indicators, ShnorPartRow, 0).id,
                                          SHNOR_END_OF_PROGRAMME, FALSE, "не более 6", error))
    return FALSE;
  if (risks->len > 0 && people->len > 0)
    {
      g_autofree char *owner = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (people, ShnorPerson, 0).id);

      if (!shnor_document_set_part_field (doc, SHNOR_PART_RISK, g_array_index (risks, ShnorPartRow, 0).id,
                                          "owner_id", owner, error))
        return FALSE;
    }
  return TRUE;
}

/* The approved municipal programme of 2025–2027 for the four schools with
 * low or falling results, with targets and what was achieved, and a draft
 * programme of one of them. */
static gboolean
add_programmes (ShnorDocument  *doc,
                GArray         *ids,
                GError        **error)
{
  static const guint schools[] = { 5, 6, 7, 10 };   /* Рудничный, Малиновка, Кедровка, Верхняя Тура */
  /* per indicator of the template, in its order: targets and actuals of 2025–2027 ("" none) */
  /* the participating schools' own 2024 values (the results below give
   * them: 4 of 67 below the threshold, a mean of 69,1) are the baselines */
  static const char * const targets[][3] = {
    { "6", "5,5", "5" }, { "69", "69,5", "70" }, { "16,7", "8,3", "8,3" }, { "50", "70", "90" },
  };
  static const char * const baselines[] = { "6", "69,1", "25", "40" };
  static const char * const actuals[][3] = {
    { "", "", "" }, { "", "", "" }, { "16,7", "16,7", "" }, { "55", "64", "" },
  };
  static const struct { const char *column, *text; } passport[] = {
    { "basis", "Федеральный закон от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»; приказ "
               "Министерства образования Северо-Озёрской области от 10.12.2024 № 1187 «Об организации адресной "
               "поддержки общеобразовательных организаций с низкими образовательными результатами»" },
    { "customer", "Администрация Берёзовского муниципального округа" },
    { "developers", "Управление образования; Информационно-методический центр" },
    { "executor", "Соколова Ирина Викторовна, начальник управления образования" },
    { "co_executors", "Информационно-методический центр; руководители школ — участников программы" },
    { "contacts", "Информационно-методический центр: +7 (34356) 2-14-58, imc@berezovsk-edu.example" },
    { "analysis", "В 2022–2024 годах две школы округа (ООШ с. Кедровка и ООШ с. Верхняя Тура) входили в нижнюю "
                  "четверть по результатам ОГЭ и ВПР, ещё у двух результаты снижались.\n"
                  "Причины: дефицит учителей математики, высокая доля обучающихся из семей с низким доходом, "
                  "удалённость от районного центра." },
  };
  g_autoptr(GArray) indicators = NULL;
  gint64 id = shnor_document_add_programme (doc, SHNOR_TEMPLATE_MUNICIPAL_SUPPORT, 0, FIRST_YEAR + 1, error);
  gint64 draft;

  if (id == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (passport); i++)
    if (!shnor_document_set_programme_field (doc, id, passport[i].column, passport[i].text, error))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (schools); i++)
    if (!shnor_document_set_programme_school (doc, id, g_array_index (ids, gint64, schools[i]), TRUE, error))
      return FALSE;
  indicators = shnor_document_get_part (doc, id, SHNOR_PART_INDICATOR);
  for (guint i = 0; i < indicators->len && i < G_N_ELEMENTS (baselines); i++)
    if (!shnor_document_set_part_field (doc, SHNOR_PART_INDICATOR, g_array_index (indicators, ShnorPartRow, i).id,
                                        "baseline", baselines[i], error))
      return FALSE;
  for (guint i = 0; i < indicators->len && i < G_N_ELEMENTS (targets); i++)
    for (int y = 0; y < 3; y++)
      {
        gint64 indicator = g_array_index (indicators, ShnorPartRow, i).id;

        if (!shnor_document_set_indicator_plan (doc, indicator, FIRST_YEAR + 1 + y, FALSE, targets[i][y], error) ||
            !shnor_document_set_indicator_plan (doc, indicator, FIRST_YEAR + 1 + y, TRUE, actuals[i][y], error))
          return FALSE;
      }
  {
    /* an indicator the network of support counts (the monitoring shows
     * the pairs of the programme's teachers; the demo's network adds them) */
    const char *row[] = { "Количество наставнических пар педагогов школ программы", "ед.", "0", "0",
                          "2024", "Сведения о наставничестве", NULL };
    static const char * const pairs[3] = { "2", "3", "4" };
    gint64 mentoring = shnor_document_add_part_row (doc, id, SHNOR_PART_INDICATOR, row, error);

    if (mentoring == 0 || !shnor_document_set_indicator_binding (doc, mentoring, "network\tmentoring", error))
      return FALSE;
    for (int y = 0; y < 3; y++)
      if (!shnor_document_set_indicator_plan (doc, mentoring, FIRST_YEAR + 1 + y, FALSE, pairs[y], error))
        return FALSE;
  }
  for (int y = 0; y < 3; y++)
    if (!shnor_document_set_financing (doc, id, FIRST_YEAR + 1 + y, SHNOR_SOURCE_LOCAL, y == 0 ? "850" : "600",
                                       error) ||
        !shnor_document_set_financing (doc, id, FIRST_YEAR + 1 + y, SHNOR_SOURCE_REGIONAL, "1200", error))
      return FALSE;
  {
    const char *act[] = { "Приказ Министерства образования Северо-Озёрской области «Об организации адресной поддержки "
                          "общеобразовательных организаций с низкими образовательными результатами»", "10.12.2024",
                          "1187", NULL };

    if (shnor_document_add_part_row (doc, id, SHNOR_PART_ACT, act, error) == 0)
      return FALSE;
  }
  if (!add_roadmap (doc, id, schools, G_N_ELEMENTS (schools), ids, error) || !add_as_written (doc, id, error) ||
      !shnor_document_approve_programme (doc, id, "45-о", "15.01.2025", "Соколова И. В.", error))
    return FALSE;

  draft = shnor_document_add_programme (doc, SHNOR_TEMPLATE_TRANSITION, g_array_index (ids, gint64, 10),
                                        FIRST_YEAR + 2, error);
  return draft != 0 &&
         shnor_document_set_programme_field (doc, draft, "executor", "Мальцев Иван Григорьевич, директор", error);
}

/* Fills @document with the demo municipality, as one undoable edit. */
gboolean
shnor_demo_fill (ShnorDocument  *document,
                 GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), FALSE);

  if (!shnor_document_begin_edit (document, _("Demo municipality"), error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_settings); i++)
    if (!shnor_document_set_setting (document, demo_settings[i].key, demo_settings[i].value, error))
      goto fail;

  for (guint i = 0; i < G_N_ELEMENTS (demo_schools); i++)
    {
      const DemoSchool *s = &demo_schools[i];
      gint64 id = shnor_document_add_school (document, s->full_name, error);

      if (id == 0 || !set_school (document, id, i, s, error) || !set_context (document, id, i, s, error))
        goto fail;
      g_array_append_val (ids, id);
    }
  if (!add_results (document, ids, error) || !add_indicators (document, ids, error) ||
      !add_programmes (document, ids, error))
    goto fail;

  return shnor_document_end_edit (document, error);

fail:
  shnor_document_cancel_edit (document);
  return FALSE;
}

/* What `shnor --demo FILE` does: a new file, never over an existing one. */
gboolean
shnor_demo_write (const char  *path,
                  GError     **error)
{
  g_autoptr(ShnorDocument) doc = shnor_document_create (path, error);

  if (doc == NULL)
    return FALSE;
  if (!shnor_demo_fill (doc, error))
    {
      shnor_document_close (doc);
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}
