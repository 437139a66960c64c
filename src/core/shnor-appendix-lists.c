/* shnor-appendix-lists.c: the lists of identification as the appendices
 * of the order that approves the criteria set: every school with its
 * groups and values, then a list per group with the reasons. */
#define G_LOG_DOMAIN "shnor-appendix-plan"

#include "config.h"
#include <math.h>

#include "shnor-appendix-private.h"
#include "shnor-error.h"
#include "shnor-number.h"
#include "shnor-russian.h"

static const char *
group_list_title (ShnorGroup group)
{
  static const char * const titles[SHNOR_N_GROUPS] = {
    "Перечень общеобразовательных организаций, демонстрирующих стабильно высокие результаты обучения",
    "Перечень общеобразовательных организаций с низкими результатами обучения (ШНОР)",
    "Перечень общеобразовательных организаций, демонстрирующих отрицательную динамику результатов обучения",
    "Перечень общеобразовательных организаций, функционирующих в неблагоприятных социальных условиях (ШНСУ)",
    "Перечень общеобразовательных организаций, демонстрирующих низкие результаты обучения и функционирующих "
    "в неблагоприятных социальных условиях (ШНОР и ШНСУ)",
  };

  return (guint) group < SHNOR_N_GROUPS ? titles[group] : "";
}

static const char *
group_sheet (ShnorGroup group)
{
  static const char * const sheets[SHNOR_N_GROUPS] = { "Высокие результаты", "ШНОР", "Снижение", "ШНСУ",
                                                       "ШНОР и ШНСУ" };

  return (guint) group < SHNOR_N_GROUPS ? sheets[group] : "";
}

static const char *
area_label (ShnorAreaType area)
{
  static const char * const labels[SHNOR_N_AREA_TYPES] = { "город", "посёлок", "село" };

  return (guint) area < SHNOR_N_AREA_TYPES ? labels[area] : "";
}

static ShnorDocTable *
summary_table (ShnorDocument       *document,
               ShnorClassification *classification)
{
  static const struct { const char *metric, *head; } metrics[] = {
    { SHNOR_METRIC_Z, "Стандартизированный результат" },
    { SHNOR_METRIC_BELOW, "Доля результатов ниже порога, %" },
    { SHNOR_METRIC_SOCIAL, "Индекс социального неблагополучия" },
  };
  const ShnorMetrics *values = shnor_document_get_metrics (document);
  const ShnorCriteriaSet *set = classification ? shnor_classification_get_set (classification) : NULL;
  GListModel *schools = shnor_document_get_schools (document);
  ShnorDocTable *table = shnor_doc_table_new (NULL, "Все школы");
  double *series[G_N_ELEMENTS (metrics)] = { NULL };
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int first = 0, last = 0, shown, n_years;

  if (values != NULL)
    shnor_metrics_get_years (values, &first, &last);
  n_years = last >= first && last > 0 ? last - first + 1 : 0;
  shown = MAX (first, last - 2);
  for (guint m = 0; values != NULL && set != NULL && m < G_N_ELEMENTS (metrics); m++)
    series[m] = shnor_metrics_dup_values (values, set, metrics[m].metric);
  for (guint k = 0; values != NULL && k < shnor_metrics_get_n_schools (values); k++)
    {
      gint64 *id = g_new (gint64, 1);

      *id = shnor_metrics_get_school_id (values, k);
      g_hash_table_insert (index, id, GUINT_TO_POINTER (k + 1));
    }
  shnor_doc_table_add_column (table, "№\u00a0п/п", 6, SHNOR_DOC_INTEGER, FALSE);
  shnor_doc_table_add_column (table, "Код", 8, SHNOR_DOC_TEXT, TRUE);
  shnor_doc_table_add_column (table, "Общеобразовательная организация", 40, SHNOR_DOC_TEXT, FALSE);
  shnor_doc_table_add_column (table, "Населённый пункт", 18, SHNOR_DOC_TEXT, TRUE);
  shnor_doc_table_add_column (table, "Тип местности", 12, SHNOR_DOC_TEXT, TRUE);
  shnor_doc_table_add_column (table, "Группы", 14, SHNOR_DOC_TEXT, TRUE);
  for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
    for (int y = shown; n_years > 0 && y <= last; y++)
      {
        g_autofree char *head = g_strdup_printf ("%s, %d г.", metrics[m].head, y);

        shnor_doc_table_add_column (table, head, 12, SHNOR_DOC_NUMBER, TRUE);
      }
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);
      gint64 school_id = shnor_school_get_id (school);
      guint groups = classification ? shnor_classification_get_groups (classification, school_id) : 0;
      g_autofree char *code = shnor_school_dup_text (school, "code");
      g_autoptr(GString) badges = g_string_new (NULL);
      int k = (int) GPOINTER_TO_UINT (g_hash_table_lookup (index, &school_id)) - 1;
      ShnorDocRow *row = shnor_doc_table_add_row (table);

      /* the combined group adds nothing beside its two groups */
      for (ShnorGroup g = 0; g < SHNOR_GROUP_LOW_SOCIAL; g++)
        if (groups & (1u << g))
          g_string_append_printf (badges, "%s%s", badges->len ? ", " : "",
                                  g == SHNOR_GROUP_HIGH ? "высокие результаты"
                                  : g == SHNOR_GROUP_DECLINE ? "снижение" : group_sheet (g));
      shnor_doc_row_add_integer (row, i + 1);
      shnor_doc_row_add_text (row, code);
      shnor_doc_row_add_text (row, shnor_school_get_full_name (school));
      shnor_doc_row_add_text (row, shnor_school_get_settlement (school));
      shnor_doc_row_add_text (row, area_label (shnor_school_get_area_type (school)));
      shnor_doc_row_add_text (row, badges->str);
      for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
        for (int y = shown; n_years > 0 && y <= last; y++)
          shnor_doc_row_add_fixed (row, k >= 0 && series[m] ? series[m][(gsize) k * (gsize) n_years + (gsize) (y - first)]
                                                            : NAN, 2);
    }
  for (guint m = 0; m < G_N_ELEMENTS (metrics); m++)
    g_free (series[m]);
  return table;
}

static ShnorDocTable *
group_table (ShnorDocument       *document,
             ShnorClassification *classification,
             ShnorGroup           group)
{
  ShnorDocTable *table = shnor_doc_table_new (NULL, group_sheet (group));
  GListModel *schools = shnor_document_get_schools (document);
  guint n = 0;

  shnor_doc_table_add_column (table, "№\u00a0п/п", 6, SHNOR_DOC_INTEGER, FALSE);
  shnor_doc_table_add_column (table, "Общеобразовательная организация", 44, SHNOR_DOC_TEXT, FALSE);
  shnor_doc_table_add_column (table, "Код", 8, SHNOR_DOC_TEXT, TRUE);
  shnor_doc_table_add_column (table, "Населённый пункт", 18, SHNOR_DOC_TEXT, TRUE);
  shnor_doc_table_add_column (table, "Основания включения", 50, SHNOR_DOC_TEXT, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);
      gint64 school_id = shnor_school_get_id (school);
      guint n_reasons = 0;
      const ShnorReason *reasons = NULL;
      g_autoptr(GString) why = NULL;
      g_autofree char *code = NULL;
      ShnorDocRow *row;

      if (classification == NULL || !(shnor_classification_get_groups (classification, school_id) & (1u << group)))
        continue;
      why = g_string_new (NULL);
      reasons = shnor_classification_get_reasons (classification, school_id, &n_reasons);
      /* the combined group's schools are there for the reasons of its two */
      for (guint r = 0; r < n_reasons; r++)
        if (reasons[r].met && (reasons[r].criterion->group == group ||
                               (group == SHNOR_GROUP_LOW_SOCIAL && (reasons[r].criterion->group == SHNOR_GROUP_LOW ||
                                                                    reasons[r].criterion->group == SHNOR_GROUP_SOCIAL))))
          {
            g_autofree char *line = shnor_doc_describe_reason (document, &reasons[r]);

            g_string_append_printf (why, "%s%s", why->len ? ";\n" : "", line);
          }
      code = shnor_school_dup_text (school, "code");
      row = shnor_doc_table_add_row (table);
      shnor_doc_row_add_integer (row, ++n);
      shnor_doc_row_add_text (row, shnor_school_get_full_name (school));
      shnor_doc_row_add_text (row, code);
      shnor_doc_row_add_text (row, shnor_school_get_settlement (school));
      shnor_doc_row_add_text (row, why->str);
    }
  if (n == 0)
    shnor_doc_table_add_section (table, NULL, "Общеобразовательные организации не выявлены");
  return table;
}

/**
 * shnor_appendix_plan_new_lists:
 *
 * Returns: (transfer full): the lists of identification by the active
 * criteria set, as the appendices of the order that approves the set:
 * every school with its groups and values, then a list per group with
 * the reasons.
 */
ShnorAppendixPlan *
shnor_appendix_plan_new_lists (ShnorDocument *document)
{
  g_autoptr(ShnorClassification) classification = shnor_document_classify (document);
  const ShnorCriteriaSet *set = classification ? shnor_classification_get_set (classification) : NULL;
  g_autofree char *date = set && set->order_date && set->order_date[0] ? shnor_format_iso_date (set->order_date)
                                                                       : NULL;
  ShnorAppendixPlan *plan = shnor_appendix_plan_new (document, date, set ? set->order_number : NULL, FALSE);
  ShnorAppendix *appendix;

  appendix = shnor_appendix_new (SHNOR_APPENDIX_LIST, "Результаты идентификации общеобразовательных организаций",
                                 "результаты идентификации общеобразовательных организаций");
  shnor_appendix_add_table (appendix, summary_table (document, classification));
  shnor_appendix_plan_add (plan, appendix);
  for (ShnorGroup g = 0; g < SHNOR_N_GROUPS; g++)
    {
      g_autofree char *approves = shnor_russian_lower_first (group_list_title (g));

      appendix = shnor_appendix_new (SHNOR_APPENDIX_LIST, group_list_title (g), approves);
      shnor_appendix_add_table (appendix, group_table (document, classification, g));
      shnor_appendix_plan_add (plan, appendix);
    }
  return plan;
}
