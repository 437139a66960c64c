/* shnor-programme-templates.c: what "New programme" pre-fills: the
 * structure of the three kinds of programme (stage names, typical tasks,
 * indicators and risks), written for this product and filled in through
 * the same document API as a user's edits. */
#define G_LOG_DOMAIN "shnor-programme"

#include "config.h"
#include <glib/gi18n-lib.h>

#include "shnor-document-private.h"
#include "shnor-error.h"
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
} Template;

static const char * const stage_names[] = {
  N_("Preparatory stage"), N_("Design stage"), N_("Implementation stage"), N_("Generalising stage"), NULL,
};

static const char * const stage_tasks[] = {
  N_("Approve the identification criteria; identify the schools with low results and their risk profiles."),
  N_("Analyse the causes of low results; write the programmes and the road map; agree them with the schools."),
  N_("Carry out the measures of the road map; support the schools; monitor the indicators every half-year."),
  N_("Evaluate the results against the target indicators; describe effective practices; plan the next steps."),
  NULL,
};

static const char * const municipal_tasks[] = {
  N_("Identify the schools with low educational results and those working in unfavourable social conditions"),
  N_("Organise targeted methodological support for the schools and their teachers"),
  N_("Develop partnerships between schools with high and low results"),
  N_("Improve the professional competence of the schools' managers and teachers"),
  N_("Monitor the schools' results and the effectiveness of the support"),
  NULL,
};

static const char * const municipal_results[] = {
  N_("Every school with low results has a programme of transition to an effective mode of work"),
  N_("The schools supported show positive dynamics of results for three years"),
  N_("Fewer schools in the municipality show low educational results"),
  NULL,
};

static const TemplateIndicator municipal_indicators[] = {
  { N_("Share of ОГЭ mathematics results below the threshold in the schools of the programme"), "%", 1,
    "below\tОГЭ\tМатематика\t9" },
  { N_("Mean ЕГЭ score in Russian in the schools of the programme"), N_("points"), 0,
    "mean\tЕГЭ\tРусский язык\t11" },
  { N_("Share of schools with low educational results"), "%", 1, NULL },
  { N_("Share of teachers of the schools of the programme who completed professional development"), "%", 0, NULL },
  { NULL },
};

static const TemplateRisk municipal_risks[] = {
  { N_("Turnover and shortage of teachers in the schools of the programme"),
    N_("Mentoring of young teachers; support measures for teachers coming to rural schools") },
  { N_("Formal attitude of school teams to the programme"),
    N_("Involve the teams in the analysis of causes; public reports on the results") },
  { N_("Insufficient funding of the measures"),
    N_("Plan the measures by priority; use the resources of partner schools and network forms") },
  { NULL },
};

static const char * const school_tasks[] = {
  N_("Analyse the causes of the school's low results and its risk factors"),
  N_("Raise the subject and methodological competence of the teachers"),
  N_("Organise individual support for pupils at risk of academic failure"),
  N_("Improve the school's learning and upbringing environment"),
  N_("Involve the parents in the life of the school"),
  NULL,
};

static const char * const school_results[] = {
  N_("The school's results in the final assessments are no lower than the municipal average"),
  N_("The share of pupils below the threshold decreases every year"),
  N_("Every teacher has an individual plan of professional development"),
  NULL,
};

static const TemplateIndicator school_indicators[] = {
  { N_("Share of ОГЭ mathematics results below the threshold"), "%", 1, "below\tОГЭ\tМатематика\t9" },
  { N_("Mean ОГЭ mark in Russian"), N_("mark"), 0, "mean\tОГЭ\tРусский язык\t9" },
  { N_("Share of teachers who completed professional development"), "%", 0, NULL },
  { N_("Share of parents taking part in school events"), "%", 0, NULL },
  { NULL },
};

static const TemplateRisk school_risks[] = {
  { N_("Shortage of teachers of mathematics and Russian"),
    N_("Network lessons with a partner school; invite students of the teacher training college") },
  { N_("Low learning motivation of pupils"),
    N_("Project and research work; career guidance events; individual learning plans") },
  { N_("Low involvement of parents"),
    N_("Open days; parents' meetings on the results; joint projects") },
  { NULL },
};

static const char * const anti_risk_tasks[] = {
  N_("Reduce the level of each risk factor assessed as high or medium"),
  N_("Create the conditions for the academic success of every pupil"),
  N_("Build an in-school system of professional development"),
  NULL,
};

static const char * const anti_risk_results[] = {
  N_("No risk factor of the school is at the high level"),
  N_("The school leaves the list of schools with low results"),
  NULL,
};

static const Template templates[SHNOR_N_TEMPLATES] = {
  { N_("To raise the quality of education in the schools with low educational results and in those working in "
       "unfavourable social conditions, and to move them to an effective mode of work."),
    municipal_tasks, municipal_results, municipal_indicators, municipal_risks },
  { N_("To move the school to an effective mode of work and raise its educational results."),
    school_tasks, school_results, school_indicators, school_risks },
  { N_("To reduce the risk factors of low educational results of the school."),
    anti_risk_tasks, anti_risk_results, school_indicators, school_risks },
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
      const char *row[] = { _(texts[i]), NULL };

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
  if (!shnor_document_set_programme_field (doc, id, "goal", _(t->goal), error) ||
      shnor_document_add_measure_table (doc, id, SHNOR_TABLE_ROADMAP, error) == 0 ||
      !add_rows (doc, id, SHNOR_PART_TASK, t->tasks, error) ||
      !add_rows (doc, id, SHNOR_PART_RESULT, t->results, error))
    return FALSE;

  for (guint i = 0; t->indicators[i].name; i++)
    {
      const TemplateIndicator *ti = &t->indicators[i];
      g_autofree char *direction = g_strdup_printf ("%d", ti->direction);
      g_autofree char *year = g_strdup_printf ("%d", first_year - 1);
      const char *row[] = { _(ti->name), g_str_equal (ti->unit, "%") ? "%" : _(ti->unit), direction, "", year,
                            ti->binding ? _("results of the assessments in the file") : "", NULL };
      gint64 indicator = shnor_document_add_part_row (doc, id, SHNOR_PART_INDICATOR, row, error);

      if (indicator == 0 ||
          (ti->binding != NULL && !shnor_document_set_indicator_binding (doc, indicator, ti->binding, error)))
        return FALSE;
    }
  for (guint i = 0; t->risks[i].risk; i++)
    {
      const TemplateRisk *tr = &t->risks[i];
      const char *row[] = { _(tr->risk), _(tr->mitigation), NULL };

      if (shnor_document_add_part_row (doc, id, SHNOR_PART_RISK, row, error) == 0)
        return FALSE;
    }
  for (guint i = 0; stage_names[i]; i++)
    {
      const char *row[] = { _(stage_names[i]), "", "", _(stage_tasks[i]), NULL };

      if (shnor_document_add_part_row (doc, id, SHNOR_PART_STAGE, row, error) == 0)
        return FALSE;
    }
  {
    /* TRANSLATORS: the title of the federal law on education, as it is cited */
    const char *act[] = { _("Federal Law “On Education in the Russian Federation”"), "29.12.2012", "273-ФЗ", NULL };

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
          if (sqlite3_step (name) == SQLITE_ROW)
            who = g_strdup ((const char *) sqlite3_column_text (name, 0));
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

      who = g_strdup (municipality && municipality[0] ? municipality : _("the municipality"));
    }
  switch (kind)
    {
    case SHNOR_TEMPLATE_MUNICIPAL_SUPPORT:
      title = g_strdup_printf (_("Municipal programme of support for schools with low educational results, %s, "
                                 "%d–%d"), who, first_year, first_year + 2);
      break;
    case SHNOR_TEMPLATE_TRANSITION:
      title = g_strdup_printf (_("Programme of transition to an effective mode of work, %s, %d–%d"),
                               who, first_year, first_year + 2);
      break;
    default:
      title = g_strdup_printf (_("Anti-risk programme, %s, %d–%d"), who, first_year, first_year + 2);
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
