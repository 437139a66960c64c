/* shnor-programme-templates.c: what "New programme" pre-fills: the
 * structure of the three kinds of programme (stage names, typical tasks,
 * indicators and risks), written for this product and filled in through
 * the same document API as a user's edits. */
#define G_LOG_DOMAIN "shnor-programme"

#include "config.h"
#include <glib/gi18n-lib.h>

#include "shnor-document-private.h"
#include "shnor-error.h"
#include "shnor-russian.h"
#include "shnor-sqlite.h"

typedef struct {
  const char *name, *unit;
  int         direction;     /* 0 higher is better, 1 lower */
  const char *binding;       /* results it follows; NULL: typed */
} TemplateIndicator;

/* A typical risk: its likelihood and impact are left for the
 * programme's authors to assess */
typedef struct {
  const char *risk, *mitigation;
} TemplateRisk;

typedef struct {
  const char              *goal;
  const char * const      *tasks;
  const char * const      *results;
  const TemplateIndicator *indicators;
  const TemplateRisk      *risks;
  const char * const      *stage_tasks;   /* one per stage_names[] */
} Template;

/* What a template writes into the file is document text: Russian
 * whatever the language of the interface (it goes into the orders). */
static const char * const stage_names[] = {
  "Подготовительный этап", "Проектировочный этап", "Реализационный этап", "Обобщающий этап", NULL,
};

/* the department's stages: it finds the schools and supports them */
static const char * const municipal_stage_tasks[] = {
  "Утвердить критерии идентификации; выявить школы с низкими образовательными результатами и составить их "
  "рисковые профили.",
  "Проанализировать причины низких результатов; разработать программы и дорожную карту; согласовать их со "
  "школами.",
  "Реализовать мероприятия дорожной карты; оказывать школам адресную поддержку; проводить мониторинг целевых "
  "показателей каждое полугодие.",
  "Оценить достижение целевых показателей; обобщить эффективные практики; определить дальнейшие шаги.",
  NULL,
};

/* a school's stages: it looks at itself, not at the municipality's
 * schools */
static const char * const school_stage_tasks[] = {
  "Провести самодиагностику школы; проанализировать результаты оценочных процедур и факторы риска; создать "
  "рабочую группу программы.",
  "Определить причины низких результатов; разработать программу и дорожную карту; согласовать их с "
  "учредителем.",
  "Реализовать мероприятия дорожной карты; организовать сопровождение педагогов и обучающихся; проводить "
  "мониторинг целевых показателей каждое полугодие.",
  "Оценить достижение целевых показателей; обобщить опыт школы; определить дальнейшие шаги.",
  NULL,
};

static const char * const municipal_tasks[] = {
  "Выявить школы с низкими образовательными результатами и школы, функционирующие в неблагоприятных "
  "социальных условиях",
  "Организовать адресное методическое сопровождение школ и их педагогов",
  "Развивать партнёрство школ с высокими и низкими образовательными результатами",
  "Повысить профессиональную компетентность руководящих и педагогических работников школ",
  "Обеспечить мониторинг результатов школ и эффективности мер поддержки",
  NULL,
};

static const char * const municipal_results[] = {
  "Каждая школа с низкими образовательными результатами имеет программу перехода в эффективный режим работы",
  "Школы, получившие поддержку, показывают положительную динамику результатов в течение трёх лет",
  "Сокращается число школ муниципалитета с низкими образовательными результатами",
  NULL,
};

static const TemplateIndicator municipal_indicators[] = {
  { "Доля результатов ОГЭ по математике ниже порогового значения в школах — участниках программы", "%", 1,
    "below\tОГЭ\tМатематика\t9" },
  { "Средний балл ЕГЭ по русскому языку в школах — участниках программы", "балл", 0,
    "mean\tЕГЭ\tРусский язык\t11" },
  { "Доля школ с низкими образовательными результатами", "%", 1, NULL },
  { "Доля педагогов школ — участников программы, прошедших повышение квалификации", "%", 0, NULL },
  { NULL },
};

static const TemplateRisk municipal_risks[] = {
  { "Текучесть кадров и дефицит педагогов в школах — участниках программы",
    "Наставничество для молодых педагогов; меры поддержки педагогов, приезжающих в сельские школы" },
  { "Формальное отношение педагогических коллективов к программе",
    "Вовлечение коллективов в анализ причин низких результатов; публичные отчёты о результатах" },
  { "Недостаточное финансирование мероприятий",
    "Планирование мероприятий по приоритетам; использование ресурсов школ-партнёров и сетевых форм" },
  { NULL },
};

static const char * const school_tasks[] = {
  "Проанализировать причины низких результатов школы и её факторы риска",
  "Повысить предметную и методическую компетентность педагогов",
  "Организовать индивидуальное сопровождение обучающихся с рисками учебной неуспешности",
  "Улучшить образовательную и воспитательную среду школы",
  "Вовлечь родителей в жизнь школы",
  NULL,
};

static const char * const school_results[] = {
  "Результаты школы на государственной итоговой аттестации не ниже средних по муниципалитету",
  "Доля обучающихся с результатами ниже порогового значения ежегодно снижается",
  "У каждого педагога есть индивидуальный план профессионального развития",
  NULL,
};

static const TemplateIndicator school_indicators[] = {
  { "Доля результатов ОГЭ по математике ниже порогового значения", "%", 1, "below\tОГЭ\tМатематика\t9" },
  { "Средняя отметка ОГЭ по русскому языку", "отметка", 0, "mean\tОГЭ\tРусский язык\t9" },
  { "Доля педагогов, прошедших повышение квалификации", "%", 0, NULL },
  { "Доля родителей, участвующих в школьных мероприятиях", "%", 0, NULL },
  { NULL },
};

static const TemplateRisk school_risks[] = {
  { "Дефицит учителей математики и русского языка",
    "Сетевые уроки со школой-партнёром; привлечение студентов педагогического колледжа" },
  { "Низкая учебная мотивация обучающихся",
    "Проектная и исследовательская деятельность; профориентационные мероприятия; индивидуальные учебные планы" },
  { "Низкая вовлечённость родителей",
    "Дни открытых дверей; родительские собрания по итогам оценочных процедур; совместные проекты" },
  { NULL },
};

static const char * const anti_risk_tasks[] = {
  "Снизить уровень каждого фактора риска, оценённого как высокий или средний",
  "Создать условия для учебной успешности каждого обучающегося",
  "Выстроить внутришкольную систему профессионального развития педагогов",
  NULL,
};

static const char * const anti_risk_results[] = {
  "Ни один фактор риска школы не находится на высоком уровне",
  "Школа выходит из перечня школ с низкими образовательными результатами",
  NULL,
};

static const Template templates[SHNOR_N_TEMPLATES] = {
  { "Повышение качества образования в школах с низкими образовательными результатами и в школах, "
    "функционирующих в неблагоприятных социальных условиях, и их перевод в эффективный режим работы.",
    municipal_tasks, municipal_results, municipal_indicators, municipal_risks, municipal_stage_tasks },
  { "Перевод школы в эффективный режим работы и повышение её образовательных результатов.",
    school_tasks, school_results, school_indicators, school_risks, school_stage_tasks },
  { "Снижение факторов риска низких образовательных результатов школы.",
    anti_risk_tasks, anti_risk_results, school_indicators, school_risks, school_stage_tasks },
};

static gboolean
add_rows (ShnorDocument       *doc,
          gint64               id,
          ShnorPart            part,
          const char * const  *texts,
          GError             **error)
{
  for (guint i = 0; texts[i]; i++)
    {
      const char *row[] = { texts[i], NULL };

      if (shnor_document_add_part_row (doc, id, part, row, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill (ShnorDocument   *doc,
      gint64           id,
      const Template  *t,
      int              first_year,
      GError         **error)
{
  if (!shnor_document_set_programme_field (doc, id, "goal", t->goal, error) ||
      shnor_document_add_measure_table (doc, id, SHNOR_TABLE_ROADMAP, error) == 0 ||
      !add_rows (doc, id, SHNOR_PART_TASK, t->tasks, error) ||
      !add_rows (doc, id, SHNOR_PART_RESULT, t->results, error))
    return FALSE;

  for (guint i = 0; t->indicators[i].name; i++)
    {
      const TemplateIndicator *ti = &t->indicators[i];
      g_autofree char *direction = g_strdup_printf ("%d", ti->direction);
      g_autofree char *year = g_strdup_printf ("%d", first_year - 1);
      const char *row[] = { ti->name, ti->unit, direction, "", year,
                            ti->binding ? "результаты оценочных процедур (ЕГЭ, ОГЭ, ВПР)" : "", NULL };
      gint64 indicator = shnor_document_add_part_row (doc, id, SHNOR_PART_INDICATOR, row, error);

      if (indicator == 0 ||
          (ti->binding != NULL && !shnor_document_set_indicator_binding (doc, indicator, ti->binding, error)))
        return FALSE;
    }
  for (guint i = 0; t->risks[i].risk; i++)
    {
      const TemplateRisk *tr = &t->risks[i];
      const char *row[] = { tr->risk, tr->mitigation, NULL };

      if (shnor_document_add_part_row (doc, id, SHNOR_PART_RISK, row, error) == 0)
        return FALSE;
    }
  for (guint i = 0; stage_names[i]; i++)
    {
      const char *row[] = { stage_names[i], "", "", t->stage_tasks[i], NULL };

      if (shnor_document_add_part_row (doc, id, SHNOR_PART_STAGE, row, error) == 0)
        return FALSE;
    }
  {
    const char *act[] = { "Федеральный закон «Об образовании в Российской Федерации»", "29.12.2012", "273-ФЗ",
                          NULL };

    if (shnor_document_add_part_row (doc, id, SHNOR_PART_ACT, act, error) == 0)
      return FALSE;
  }
  return TRUE;
}

/**
 * shnor_document_add_programme:
 * @kind: the template
 * @school_id: the school of a school programme; 0 for a municipal one
 * @first_year: the first year of the three-year period
 *
 * A new draft programme pre-filled from @kind, as one undoable edit.
 * Returns: its id; 0 with @error set.
 */
gint64
shnor_document_add_programme (ShnorDocument           *self,
                              ShnorProgrammeTemplate   kind,
                              gint64                   school_id,
                              int                      first_year,
                              GError                 **error)
{
  const Template *t;
  g_autofree char *who = NULL;
  g_autofree char *title = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (self), 0);
  g_return_val_if_fail ((guint) kind < SHNOR_N_TEMPLATES, 0);
  t = &templates[kind];

  if (!shnor_document_check_writable (self, error) || !shnor_document_check_year (first_year, error))
    return 0;
  if (kind != SHNOR_TEMPLATE_MUNICIPAL_SUPPORT)
    {
      sqlite3_stmt *name = shnor_document_statement (self,
        "SELECT CASE WHEN short_name <> '' THEN short_name ELSE full_name END FROM school WHERE id = ?");

      if (name != NULL)
        {
          sqlite3_bind_int64 (name, 1, school_id);
          if (shnor_document_next_row (self, name))
            who = g_strdup (shnor_sqlite_column_text (name, 0));
          sqlite3_reset (name);
        }
      if (who == NULL)
        {
          g_set_error_literal (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                               _("A school programme needs its school: choose one."));
          return 0;
        }
    }
  else
    {
      g_autofree char *municipality = shnor_document_dup_setting (self, "municipality");

      /* «… Берёзовского муниципального округа» */
      who = municipality && municipality[0]
              ? shnor_russian_decline_phrase (municipality, SHNOR_CASE_GENITIVE, FALSE) : g_strdup ("");
    }
  switch (kind)
    {
    case SHNOR_TEMPLATE_MUNICIPAL_SUPPORT:
      title = g_strdup_printf ("Муниципальная программа поддержки школ с низкими образовательными результатами"
                               "%s%s на %d–%d годы", who[0] ? " " : "", who, first_year, first_year + 2);
      break;
    case SHNOR_TEMPLATE_TRANSITION:
      title = g_strdup_printf ("Программа перехода %s в эффективный режим работы на %d–%d годы",
                               who, first_year, first_year + 2);
      break;
    default:
      title = g_strdup_printf ("Антирисковая программа %s на %d–%d годы", who, first_year, first_year + 2);
    }

  if (!shnor_document_begin_edit (self, _("New programme"), error))
    return 0;
  stmt = shnor_sqlite_prepare (shnor_document_get_db (self),
    "INSERT INTO programme (level, title, first_year, last_year) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, kind == SHNOR_TEMPLATE_MUNICIPAL_SUPPORT ? SHNOR_PROGRAMME_MUNICIPAL
                                                                     : SHNOR_PROGRAMME_SCHOOL);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, first_year);
  sqlite3_bind_int (stmt, 4, first_year + 2);
  if (!shnor_document_step (self, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (shnor_document_get_db (self));
  if (school_id != 0 && !shnor_document_set_programme_school (self, id, school_id, TRUE, error))
    goto fail;
  if (!fill (self, id, t, first_year, error) || !shnor_document_end_edit (self, error))
    goto fail;
  return id;

fail:
  shnor_document_cancel_edit (self);
  return 0;
}
