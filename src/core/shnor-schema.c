/* shnor-schema.c: every format version is a step from the previous one,
 * so a file of any older version reaches the current one by the same path
 * a new file takes. */
#define G_LOG_DOMAIN "shnor-schema"

#include "config.h"
#include <glib/gi18n-lib.h>
#include "shnor-derived.h"
#include "shnor-error.h"
#include "shnor-schema.h"

static const char * const migrations[SHNOR_FORMAT_VERSION] = {
  /* 0 → 1: the first format: settings and the school registry */
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL);"
  "CREATE TABLE school ("
  "  id         INTEGER PRIMARY KEY,"
  "  full_name  TEXT NOT NULL CHECK (full_name <> ''),"
  "  short_name TEXT NOT NULL DEFAULT '',"
  "  code       TEXT NOT NULL DEFAULT '',"
  "  settlement TEXT NOT NULL DEFAULT '',"
  "  area_type  INTEGER NOT NULL DEFAULT 0 CHECK (area_type BETWEEN 0 AND 2),"
  "  director   TEXT NOT NULL DEFAULT '',"
  "  phone      TEXT NOT NULL DEFAULT '',"
  "  email      TEXT NOT NULL DEFAULT '');",

  /* 1 → 2: legal form, address, flags of a school; yearly context data */
  "ALTER TABLE school ADD COLUMN legal_form TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE school ADD COLUMN address TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE school ADD COLUMN hard_to_reach INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE school ADD COLUMN mentor INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE school ADD COLUMN internship INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE school ADD COLUMN growth_point INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE school_context ("
  "  id                  INTEGER PRIMARY KEY,"
  "  school_id           INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,"
  "  year                INTEGER NOT NULL,"
  "  pupils              INTEGER,"
  "  teachers            INTEGER,"
  "  share_low_income    REAL,"
  "  share_low_education REAL,"
  "  share_non_native    REAL,"
  "  share_disabilities  REAL,"
  "  share_registered    REAL,"
  "  distance_km         REAL,"
  "  UNIQUE (school_id, year));"
  "CREATE INDEX school_context_school ON school_context (school_id);",

  /* 2 → 3: assessment results and the regional reference means */
  "CREATE TABLE result ("
  "  id           INTEGER PRIMARY KEY,"
  "  school_id    INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,"
  "  year         INTEGER NOT NULL,"
  "  kind         TEXT NOT NULL,"
  "  subject      TEXT NOT NULL,"
  "  grade        INTEGER NOT NULL,"
  "  participants INTEGER NOT NULL,"
  "  mean         REAL,"
  "  below        INTEGER,"
  "  high         INTEGER,"
  "  UNIQUE (school_id, kind, subject, grade, year));"
  "CREATE INDEX result_assessment ON result (kind, subject, grade, year);"
  "CREATE TABLE reference_mean ("
  "  id      INTEGER PRIMARY KEY,"
  "  year    INTEGER NOT NULL,"
  "  kind    TEXT NOT NULL,"
  "  subject TEXT NOT NULL,"
  "  grade   INTEGER NOT NULL,"
  "  mean    REAL NOT NULL,"
  "  UNIQUE (kind, subject, grade, year));",

  /* 3 → 4: the scale of an assessment's mean when it is not the kind's
   * usual one (primary scores instead of marks) */
  "CREATE TABLE assessment_scale ("
  "  id      INTEGER PRIMARY KEY,"
  "  kind    TEXT NOT NULL,"
  "  subject TEXT NOT NULL,"
  "  grade   INTEGER NOT NULL,"
  "  min     REAL NOT NULL,"
  "  max     REAL NOT NULL CHECK (max > min),"
  "  UNIQUE (kind, subject, grade));",

  /* 4 → 5: identification of schools — criteria sets and their criteria;
   * the risk factors of the «500+» methodology and each school's levels
   * per year; other yearly indicators of a school. The default contents
   * are written by seed_identification(). */
  "CREATE TABLE criteria_set ("
  "  id             INTEGER PRIMARY KEY,"
  "  name           TEXT NOT NULL CHECK (name <> ''),"
  "  order_number   TEXT NOT NULL DEFAULT '',"
  "  order_date     TEXT NOT NULL DEFAULT '',"
  "  active         INTEGER NOT NULL DEFAULT 0,"
  "  w_low_income    REAL NOT NULL DEFAULT 0,"
  "  w_low_education REAL NOT NULL DEFAULT 0,"
  "  w_non_native    REAL NOT NULL DEFAULT 0,"
  "  w_disabilities  REAL NOT NULL DEFAULT 0,"
  "  w_registered    REAL NOT NULL DEFAULT 0);"
  "CREATE TABLE criterion ("
  "  id         INTEGER PRIMARY KEY,"
  "  set_id     INTEGER NOT NULL REFERENCES criteria_set (id) ON DELETE CASCADE,"
  "  grp        INTEGER NOT NULL CHECK (grp BETWEEN 0 AND 3),"
  "  metric     TEXT NOT NULL,"
  "  comparison INTEGER NOT NULL CHECK (comparison BETWEEN 0 AND 5),"
  "  threshold  REAL NOT NULL DEFAULT 0,"
  "  aggregate  INTEGER NOT NULL DEFAULT 0 CHECK (aggregate BETWEEN 0 AND 2),"
  "  years      INTEGER NOT NULL DEFAULT 1 CHECK (years BETWEEN 1 AND 20),"
  "  at_least   INTEGER NOT NULL DEFAULT 1 CHECK (at_least BETWEEN 1 AND years));"
  "CREATE INDEX criterion_set ON criterion (set_id);"
  "CREATE TABLE risk_factor ("
  "  id       INTEGER PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  name     TEXT NOT NULL CHECK (name <> ''));"
  "CREATE TABLE risk_level ("
  "  id        INTEGER PRIMARY KEY,"
  "  school_id INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,"
  "  factor_id INTEGER NOT NULL REFERENCES risk_factor (id) ON DELETE CASCADE,"
  "  year      INTEGER NOT NULL,"
  "  level     INTEGER NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 3),"
  "  note      TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (school_id, factor_id, year));"
  "CREATE TABLE indicator ("
  "  id   INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (name <> ''));"
  "CREATE TABLE indicator_value ("
  "  id           INTEGER PRIMARY KEY,"
  "  school_id    INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,"
  "  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,"
  "  year         INTEGER NOT NULL,"
  "  value        REAL NOT NULL,"
  "  UNIQUE (school_id, indicator_id, year));",

  /* 5 → 6: programmes (municipal and schools'), with their versions,
   * approval, participants and parts; see shnor-programme.c */
  "CREATE TABLE programme ("
  "  id                INTEGER PRIMARY KEY,"
  "  origin_id         INTEGER,"   /* the first version's id; NULL in the first version itself */
  "  version           INTEGER NOT NULL DEFAULT 1,"
  "  level             INTEGER NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 1),"
  "  status            INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 2),"
  "  title             TEXT NOT NULL CHECK (title <> ''),"
  "  basis             TEXT NOT NULL DEFAULT '',"
  "  customer          TEXT NOT NULL DEFAULT '',"
  "  developers        TEXT NOT NULL DEFAULT '',"
  "  executor          TEXT NOT NULL DEFAULT '',"
  "  co_executors      TEXT NOT NULL DEFAULT '',"
  "  first_year        INTEGER NOT NULL,"
  "  last_year         INTEGER NOT NULL CHECK (last_year >= first_year),"
  "  goal              TEXT NOT NULL DEFAULT '',"
  "  contacts          TEXT NOT NULL DEFAULT '',"
  "  financing_summary TEXT NOT NULL DEFAULT '',"
  "  analysis          TEXT NOT NULL DEFAULT '',"
  "  order_number      TEXT NOT NULL DEFAULT '',"
  "  order_date        TEXT NOT NULL DEFAULT '',"
  "  signatory         TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE programme_school ("
  "  id           INTEGER PRIMARY KEY,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  school_id    INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,"
  "  UNIQUE (programme_id, school_id));"
  "CREATE TABLE programme_task ("
  "  id           INTEGER PRIMARY KEY,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  position     INTEGER NOT NULL,"
  "  text         TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE programme_result ("
  "  id           INTEGER PRIMARY KEY,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  position     INTEGER NOT NULL,"
  "  text         TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE programme_indicator ("
  "  id            INTEGER PRIMARY KEY,"
  "  programme_id  INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  position      INTEGER NOT NULL,"
  "  name          TEXT NOT NULL DEFAULT '',"
  "  unit          TEXT NOT NULL DEFAULT '',"
  "  direction     INTEGER NOT NULL DEFAULT 0 CHECK (direction BETWEEN 0 AND 1),"
  "  baseline      REAL,"
  "  baseline_year INTEGER,"
  "  source        TEXT NOT NULL DEFAULT '',"
  "  binding       TEXT NOT NULL DEFAULT '');"  /* '' or "below|mean\tkind\tsubject\tgrade" */
  "CREATE TABLE programme_indicator_value ("
  "  id           INTEGER PRIMARY KEY,"
  "  indicator_id INTEGER NOT NULL REFERENCES programme_indicator (id) ON DELETE CASCADE,"
  "  year         INTEGER NOT NULL,"
  "  target       REAL,"
  "  actual       REAL,"
  "  UNIQUE (indicator_id, year));"
  "CREATE TABLE programme_risk ("
  "  id           INTEGER PRIMARY KEY,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  position     INTEGER NOT NULL,"
  "  risk         TEXT NOT NULL DEFAULT '',"
  "  mitigation   TEXT NOT NULL DEFAULT '',"
  "  likelihood   INTEGER NOT NULL DEFAULT 1 CHECK (likelihood BETWEEN 0 AND 2),"
  "  impact       INTEGER NOT NULL DEFAULT 1 CHECK (impact BETWEEN 0 AND 2),"
  "  owner        TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE programme_stage ("
  "  id           INTEGER PRIMARY KEY,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  position     INTEGER NOT NULL,"
  "  name         TEXT NOT NULL DEFAULT '',"
  "  start_date   TEXT NOT NULL DEFAULT '',"
  "  end_date     TEXT NOT NULL DEFAULT '',"
  "  tasks        TEXT NOT NULL DEFAULT '',"
  "  content      TEXT NOT NULL DEFAULT '',"
  "  forms        TEXT NOT NULL DEFAULT '',"
  "  methods      TEXT NOT NULL DEFAULT '',"
  "  means        TEXT NOT NULL DEFAULT '',"
  "  results      TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE programme_act ("
  "  id           INTEGER PRIMARY KEY,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  position     INTEGER NOT NULL,"
  "  title        TEXT NOT NULL DEFAULT '',"
  "  date         TEXT NOT NULL DEFAULT '',"
  "  number       TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE programme_financing ("
  "  id           INTEGER PRIMARY KEY,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  year         INTEGER NOT NULL,"
  "  source       INTEGER NOT NULL CHECK (source BETWEEN 0 AND 3),"
  "  amount       REAL NOT NULL,"
  "  UNIQUE (programme_id, year, source));"
  "CREATE INDEX programme_task_p ON programme_task (programme_id);"
  "CREATE INDEX programme_result_p ON programme_result (programme_id);"
  "CREATE INDEX programme_indicator_p ON programme_indicator (programme_id);"
  "CREATE INDEX programme_risk_p ON programme_risk (programme_id);"
  "CREATE INDEX programme_stage_p ON programme_stage (programme_id);"
  "CREATE INDEX programme_act_p ON programme_act (programme_id);",

  /* 6 → 7: road maps — measures in a tree per programme, with the levels
   * (bit 0 municipal authority, 1 methodological service, 2 school), the
   * schools, the responsible people and the indicators they serve; the
   * people list is shared by all programmes. See shnor-roadmap.c */
  "CREATE TABLE person ("
  "  id           INTEGER PRIMARY KEY,"
  "  name         TEXT NOT NULL CHECK (name <> ''),"
  "  position     TEXT NOT NULL DEFAULT '',"
  "  organisation TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE measure ("
  "  id           INTEGER PRIMARY KEY,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  parent_id    INTEGER REFERENCES measure (id) ON DELETE CASCADE,"
  "  position     INTEGER NOT NULL,"
  "  title        TEXT NOT NULL DEFAULT '',"
  "  forms        TEXT NOT NULL DEFAULT '',"
  "  levels       INTEGER NOT NULL DEFAULT 0 CHECK (levels BETWEEN 0 AND 7),"
  "  start_month  TEXT NOT NULL DEFAULT '',"
  "  end_month    TEXT NOT NULL DEFAULT '',"
  "  period_text  TEXT NOT NULL DEFAULT '',"
  "  expected     TEXT NOT NULL DEFAULT '',"
  "  status       INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 3),"
  "  done_date    TEXT NOT NULL DEFAULT '',"
  "  evidence     TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE measure_school ("
  "  id           INTEGER PRIMARY KEY,"
  "  measure_id   INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,"
  "  school_id    INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,"
  "  UNIQUE (measure_id, school_id));"
  "CREATE TABLE measure_person ("
  "  id           INTEGER PRIMARY KEY,"
  "  measure_id   INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,"
  "  person_id    INTEGER NOT NULL REFERENCES person (id),"
  "  UNIQUE (measure_id, person_id));"
  "CREATE TABLE measure_indicator ("
  "  id           INTEGER PRIMARY KEY,"
  "  measure_id   INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,"
  "  indicator_id INTEGER NOT NULL REFERENCES programme_indicator (id) ON DELETE CASCADE,"
  "  UNIQUE (measure_id, indicator_id));"
  "CREATE INDEX measure_p ON measure (programme_id, parent_id, position);"
  "CREATE INDEX measure_parent ON measure (parent_id);"
  "CREATE INDEX measure_school_s ON measure_school (school_id);"
  "CREATE INDEX measure_person_p ON measure_person (person_id);"
  "CREATE INDEX measure_indicator_i ON measure_indicator (indicator_id);",

  /* 7 → 8: the texts of the order that approves a programme, as the user
   * edited them (a text not stored is the default one) */
  "CREATE TABLE programme_order ("
  "  id           INTEGER PRIMARY KEY,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  key          TEXT NOT NULL,"
  "  text         TEXT NOT NULL,"
  "  UNIQUE (programme_id, key));",

  /* 8 → 9: a result refers to its assessment (kind, subject, grade) by a
   * number instead of repeating its texts: a region's million results take
   * less than half the space, and their indexes hold integers only. The
   * two indexes of the results are named, so that an import of a region's
   * results can drop them and build them once afterwards. */
  "CREATE TABLE assessment ("
  "  id      INTEGER PRIMARY KEY,"
  "  kind    TEXT NOT NULL,"
  "  subject TEXT NOT NULL,"
  "  grade   INTEGER NOT NULL,"
  "  UNIQUE (kind, subject, grade));"
  "INSERT INTO assessment (kind, subject, grade)"
  "  SELECT DISTINCT kind, subject, grade FROM result ORDER BY kind, subject, grade;"
  "CREATE TABLE result_9 ("
  "  id            INTEGER PRIMARY KEY,"
  "  school_id     INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,"
  "  assessment_id INTEGER NOT NULL REFERENCES assessment (id),"
  "  year          INTEGER NOT NULL,"
  "  participants  INTEGER NOT NULL,"
  "  mean          REAL,"
  "  below         INTEGER,"
  "  high          INTEGER);"
  "INSERT INTO result_9 (id, school_id, assessment_id, year, participants, mean, below, high)"
  "  SELECT r.id, r.school_id, a.id, r.year, r.participants, r.mean, r.below, r.high"
  "  FROM result r JOIN assessment a ON a.kind = r.kind AND a.subject = r.subject AND a.grade = r.grade"
  "  ORDER BY r.id;"
  "DROP TABLE result;"
  "ALTER TABLE result_9 RENAME TO result;"
  "CREATE UNIQUE INDEX result_key ON result (school_id, assessment_id, year);"
  "CREATE INDEX result_assessment ON result (assessment_id, year);",

  /* 9 → 10: the exchange with schools and the region. The file's own
   * identity and the key that signs the forms it sends to its schools
   * (so that a form of another municipality, or one whose service sheet
   * was changed, is refused), and the forms accepted back: a form read
   * again with the same values is recognised and skipped. */
  "CREATE TABLE exchange_identity ("
  "  id  INTEGER PRIMARY KEY CHECK (id = 1),"
  "  uid TEXT NOT NULL,"
  "  key TEXT NOT NULL);"
  "INSERT INTO exchange_identity (id, uid, key) VALUES (1, lower (hex (randomblob (16))), lower (hex (randomblob (32))));"
  "CREATE TABLE form_acceptance ("
  "  id        INTEGER PRIMARY KEY,"
  "  form_uid  TEXT NOT NULL,"
  "  school_id INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,"
  "  year      INTEGER NOT NULL,"
  "  issued    TEXT NOT NULL,"
  "  digest    TEXT NOT NULL,"
  "  accepted  TEXT NOT NULL,"
  "  UNIQUE (form_uid, digest));"
  "CREATE INDEX form_acceptance_school ON form_acceptance (school_id, year);",

  /* 10 → 11: the statistics behind identification, derived from the
   * results (see shnor-derived.c): for every subject, year and school the
   * sums of its standardised results and of its counts below the
   * threshold, and under the subject '' the same over all subjects. Kept
   * up to date by every edit of the results, built again on an import of
   * many and on every upgrade (shnor_schema_migrate()), compared with a
   * recomputation by --check. Not in the undo log: undo changes the
   * results, and the sums follow. */
  "CREATE TABLE result_sums ("
  "  id        INTEGER PRIMARY KEY,"
  "  subject   TEXT NOT NULL,"
  "  year      INTEGER NOT NULL,"
  "  school_id INTEGER NOT NULL,"
  "  z_sum     REAL NOT NULL,"
  "  z_weight  REAL NOT NULL,"
  "  below     REAL NOT NULL,"
  "  below_of  REAL NOT NULL,"
  "  UNIQUE (subject, year, school_id));"
  /* and for every assessment and year the municipal figures of all its
   * results (the charts' municipal mean): a region's results are stored
   * school after school, and an assessment's are not read for them */
  "CREATE TABLE assessment_sums ("
  "  id            INTEGER PRIMARY KEY,"
  "  assessment_id INTEGER NOT NULL,"
  "  year          INTEGER NOT NULL,"
  "  schools       INTEGER NOT NULL,"
  "  participants  INTEGER NOT NULL,"
  "  mean_sum      REAL NOT NULL,"
  "  mean_of       INTEGER NOT NULL,"
  "  below         INTEGER NOT NULL,"
  "  below_of      INTEGER NOT NULL,"
  "  UNIQUE (assessment_id, year));",

  /* 11 → 12: a programme as real ones are written:
   * - the levels of the road map are the file's own list (the three of
   *   seed 003 to start with), and a measure has an action text per level
   *   instead of one title repeated under each level it was marked for
   *   (an old measure keeps its title as the action of each such level;
   *   its levels column stays, always 0);
   * - a programme has named measure tables, each with its title, an
   *   introductory paragraph and its column set, numbered on their own
   *   (an old programme keeps its road map as its one table);
   * - the period as the documents word it;
   * - a target may be a bound («не более», «не менее»: 1, 2; 0 exact), and
   *   an indicator may have a target for the end of the programme;
   * - a risk's likelihood and impact may be unassessed (NULL, the default)
   *   and it names its responsible person from the people list (an old
   *   owner's text becomes a person of that name). */
  "CREATE TABLE roadmap_level ("
  "  id       INTEGER PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  name     TEXT NOT NULL CHECK (name <> ''));"
  "INSERT INTO roadmap_level (id, position, name) VALUES"
  "  (1, 0, 'Муниципальный орган управления образованием'),"
  "  (2, 1, 'Муниципальная методическая служба'),"
  "  (3, 2, 'Школа');"
  "CREATE TABLE measure_table ("
  "  id           INTEGER PRIMARY KEY,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  position     INTEGER NOT NULL,"
  "  title        TEXT NOT NULL CHECK (title <> ''),"
  "  intro        TEXT NOT NULL DEFAULT '',"
  "  columns      TEXT NOT NULL DEFAULT '');"
  "INSERT INTO measure_table (programme_id, position, title, columns)"
  "  SELECT id, 0, 'Дорожная карта', 'number,title,forms,level_names,period,responsible,expected'"
  "  FROM programme ORDER BY id;"
  "ALTER TABLE measure ADD COLUMN table_id INTEGER REFERENCES measure_table (id) ON DELETE CASCADE;"
  "UPDATE measure SET table_id = (SELECT t.id FROM measure_table t WHERE t.programme_id = measure.programme_id);"
  "CREATE TABLE measure_action ("
  "  id         INTEGER PRIMARY KEY,"
  "  measure_id INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,"
  "  level_id   INTEGER NOT NULL REFERENCES roadmap_level (id),"
  "  text       TEXT NOT NULL CHECK (text <> ''),"
  "  UNIQUE (measure_id, level_id));"
  "INSERT INTO measure_action (measure_id, level_id, text)"
  "  SELECT m.id, l.id, m.title FROM measure m JOIN roadmap_level l ON (m.levels >> (l.id - 1)) & 1"
  "  WHERE m.title <> '' ORDER BY m.id, l.id;"
  /* the bits are retired, not dropped: SQLite before 3.35 cannot drop a column */
  "UPDATE measure SET levels = 0 WHERE levels <> 0;"
  "CREATE INDEX measure_t ON measure (table_id, parent_id, position);"
  "CREATE INDEX measure_action_l ON measure_action (level_id);"
  "CREATE INDEX measure_table_p ON measure_table (programme_id, position);"
  "ALTER TABLE programme ADD COLUMN period_text TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE programme_indicator ADD COLUMN final_target REAL;"
  "ALTER TABLE programme_indicator ADD COLUMN final_bound INTEGER NOT NULL DEFAULT 0"
  "  CHECK (final_bound BETWEEN 0 AND 2);"
  "ALTER TABLE programme_indicator_value ADD COLUMN bound INTEGER NOT NULL DEFAULT 0"
  "  CHECK (bound BETWEEN 0 AND 2);"
  "INSERT INTO person (name)"
  "  SELECT DISTINCT trim (owner) FROM programme_risk"
  "  WHERE trim (owner) <> '' AND trim (owner) NOT IN (SELECT name FROM person) ORDER BY 1;"
  "CREATE TABLE programme_risk_10 ("
  "  id           INTEGER PRIMARY KEY,"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,"
  "  position     INTEGER NOT NULL,"
  "  risk         TEXT NOT NULL DEFAULT '',"
  "  mitigation   TEXT NOT NULL DEFAULT '',"
  "  likelihood   INTEGER CHECK (likelihood BETWEEN 0 AND 2),"
  "  impact       INTEGER CHECK (impact BETWEEN 0 AND 2),"
  "  owner_id     INTEGER REFERENCES person (id));"
  "INSERT INTO programme_risk_10 (id, programme_id, position, risk, mitigation, likelihood, impact, owner_id)"
  "  SELECT r.id, r.programme_id, r.position, r.risk, r.mitigation, r.likelihood, r.impact,"
  "   (SELECT min (p.id) FROM person p WHERE p.name = trim (r.owner))"
  "  FROM programme_risk r ORDER BY r.id;"
  "DROP TABLE programme_risk;"
  "ALTER TABLE programme_risk_10 RENAME TO programme_risk;"
  "CREATE INDEX programme_risk_p ON programme_risk (programme_id);"
  "CREATE INDEX programme_risk_owner ON programme_risk (owner_id);",

  /* 12 → 13: the network of support (issue 19) — people's school and
   * subjects; partner organisations; partnerships of a supported school
   * with a school or an organisation, their joint events and the road-map
   * measures they serve; mentoring pairs; courses of professional
   * development; the bank of best practices, its attached files (the
   * contents apart, read only when asked, never changed in place) and its
   * full-text index (kept by the edit path, see shnor-document-practices.c:
   * triggers may not write an FTS5 table when the schema is not trusted). */
  "ALTER TABLE person ADD COLUMN school_id INTEGER REFERENCES school (id) ON DELETE SET NULL;"
  "ALTER TABLE person ADD COLUMN subjects TEXT NOT NULL DEFAULT '';"
  "CREATE TABLE organisation ("
  "  id      INTEGER PRIMARY KEY,"
  "  name    TEXT NOT NULL CHECK (name <> ''),"
  "  kind    INTEGER NOT NULL DEFAULT 5 CHECK (kind BETWEEN 0 AND 5),"
  "  contact TEXT NOT NULL DEFAULT '',"
  "  phone   TEXT NOT NULL DEFAULT '',"
  "  email   TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE partnership ("
  "  id                INTEGER PRIMARY KEY,"
  "  school_id         INTEGER NOT NULL REFERENCES school (id) ON DELETE CASCADE,"
  "  partner_school_id INTEGER REFERENCES school (id) ON DELETE CASCADE,"
  "  organisation_id   INTEGER REFERENCES organisation (id),"
  "  role              INTEGER NOT NULL DEFAULT 0 CHECK (role BETWEEN 0 AND 3),"
  "  subjects          TEXT NOT NULL DEFAULT '',"
  "  direction         TEXT NOT NULL DEFAULT '',"
  "  agreement_number  TEXT NOT NULL DEFAULT '',"
  "  agreement_date    TEXT NOT NULL DEFAULT '',"
  "  start_date        TEXT NOT NULL DEFAULT '',"
  "  end_date          TEXT NOT NULL DEFAULT '',"
  "  status            INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 2),"
  "  programme_id      INTEGER REFERENCES programme (id) ON DELETE SET NULL,"
  "  note              TEXT NOT NULL DEFAULT '',"
  "  CHECK ((partner_school_id IS NULL) <> (organisation_id IS NULL)),"
  "  CHECK (partner_school_id IS NOT school_id),"
  "  CHECK (start_date = '' OR end_date = '' OR end_date >= start_date));"
  "CREATE TABLE partnership_measure ("
  "  id             INTEGER PRIMARY KEY,"
  "  partnership_id INTEGER NOT NULL REFERENCES partnership (id) ON DELETE CASCADE,"
  "  measure_id     INTEGER NOT NULL REFERENCES measure (id) ON DELETE CASCADE,"
  "  UNIQUE (partnership_id, measure_id));"
  "CREATE TABLE joint_event ("
  "  id             INTEGER PRIMARY KEY,"
  "  partnership_id INTEGER NOT NULL REFERENCES partnership (id) ON DELETE CASCADE,"
  "  date           TEXT NOT NULL CHECK (date <> ''),"
  "  form           INTEGER NOT NULL DEFAULT 0 CHECK (form BETWEEN 0 AND 5),"
  "  topic          TEXT NOT NULL DEFAULT '',"
  "  participants   INTEGER CHECK (participants >= 0),"
  "  note           TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE mentoring ("
  "  id         INTEGER PRIMARY KEY,"
  "  mentor_id  INTEGER NOT NULL REFERENCES person (id),"
  "  mentee_id  INTEGER NOT NULL REFERENCES person (id),"
  "  start_date TEXT NOT NULL DEFAULT '',"
  "  end_date   TEXT NOT NULL DEFAULT '',"
  "  goal       TEXT NOT NULL DEFAULT '',"
  "  CHECK (mentor_id <> mentee_id),"
  "  CHECK (start_date = '' OR end_date = '' OR end_date >= start_date));"
  "CREATE TABLE course ("
  "  id          INTEGER PRIMARY KEY,"
  "  person_id   INTEGER NOT NULL REFERENCES person (id),"
  "  title       TEXT NOT NULL CHECK (title <> ''),"
  "  provider    TEXT NOT NULL DEFAULT '',"
  "  hours       INTEGER CHECK (hours > 0),"
  "  date        TEXT NOT NULL DEFAULT '',"
  "  certificate TEXT NOT NULL DEFAULT '');"
  /* the columns the bank's list reads first, the long texts last: a row
   * is read up to the last column asked for */
  "CREATE TABLE practice ("
  "  id          INTEGER PRIMARY KEY,"
  "  title       TEXT NOT NULL CHECK (title <> ''),"
  "  school_id   INTEGER REFERENCES school (id) ON DELETE SET NULL,"
  "  status      INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 2),"
  "  added       TEXT NOT NULL DEFAULT '',"
  "  authors     TEXT NOT NULL DEFAULT '',"
  "  subjects    TEXT NOT NULL DEFAULT '',"
  "  grades      TEXT NOT NULL DEFAULT '',"
  "  direction   TEXT NOT NULL DEFAULT '',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  results     TEXT NOT NULL DEFAULT '',"
  "  evidence    TEXT NOT NULL DEFAULT '');"
  "CREATE TABLE practice_file ("
  "  id          INTEGER PRIMARY KEY,"
  "  practice_id INTEGER NOT NULL REFERENCES practice (id) ON DELETE CASCADE,"
  "  name        TEXT NOT NULL CHECK (name <> ''),"
  "  type        TEXT NOT NULL DEFAULT '',"
  "  size        INTEGER NOT NULL CHECK (size >= 0));"
  "CREATE TABLE practice_file_data ("
  "  id   INTEGER PRIMARY KEY REFERENCES practice_file (id) ON DELETE CASCADE,"
  "  data BLOB NOT NULL);"
  "CREATE VIRTUAL TABLE practice_fts USING fts5 (title, authors, description, results,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');"
  "CREATE INDEX person_school ON person (school_id);"
  "CREATE INDEX partnership_school ON partnership (school_id);"
  "CREATE INDEX partnership_partner ON partnership (partner_school_id);"
  "CREATE INDEX partnership_organisation ON partnership (organisation_id);"
  "CREATE INDEX partnership_programme ON partnership (programme_id);"
  "CREATE INDEX partnership_measure_m ON partnership_measure (measure_id);"
  "CREATE INDEX joint_event_p ON joint_event (partnership_id, date);"
  "CREATE INDEX mentoring_mentor ON mentoring (mentor_id);"
  "CREATE INDEX mentoring_mentee ON mentoring (mentee_id);"
  "CREATE INDEX course_person ON course (person_id);"
  "CREATE INDEX practice_school ON practice (school_id);"
  "CREATE INDEX practice_file_p ON practice_file (practice_id);",
};

/* The default criteria set of the identification issue and the «500+»
 * risk factors. They are the file's data, which go into the documents:
 * Russian whatever the language of the user who creates the file. */
static gboolean
seed_identification (sqlite3  *db,
                     char    **msg)
{
  static const char * const factors[] = {
    "Низкий уровень оснащения школы",
    "Дефицит педагогических кадров",
    "Недостаточная предметная и методическая компетентность педагогических работников",
    "Риски низкой адаптивности учебного процесса",
    "Несформированность внутришкольной системы повышения квалификации",
    "Высокая доля обучающихся с рисками учебной неуспешности",
    "Низкое качество преодоления языковых и культурных барьеров",
    "Пониженный уровень качества школьной образовательной и воспитательной среды",
    "Низкий уровень вовлечённости родителей",
    "Низкая учебная мотивация обучающихся",
  };
  g_autoptr(GString) sql = g_string_new (NULL);
  char *name = sqlite3_mprintf ("%Q", "Критерии идентификации");

  g_string_append_printf (sql,
    "INSERT INTO criteria_set (id, name, active, w_low_income, w_low_education,"
    " w_non_native, w_disabilities, w_registered) VALUES (1, %s, 1, 0.3, 0.3, 0.1, 0.1, 0.2);"
    /* group, metric, comparison, threshold, window, years, at least:
     * see shnor-criteria.h for the codes */
    "INSERT INTO criterion (set_id, grp, metric, comparison, threshold, aggregate, years, at_least) VALUES"
    " (1, 0, 'z', 5, 75, 0, 3, 3),"
    " (1, 1, 'z', 4, 25, 0, 3, 3),"
    " (1, 2, 'z_change', 0, 0, 0, 2, 2),"
    " (1, 2, 'z_change', 1, -0.3, 1, 2, 1),"
    " (1, 3, 'social', 3, 35, 0, 1, 1);", name);
  sqlite3_free (name);
  for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
    {
      char *factor = sqlite3_mprintf ("INSERT INTO risk_factor (position, name) VALUES (%u, %Q);",
                                      i, factors[i]);
      g_string_append (sql, factor);
      sqlite3_free (factor);
    }
  return sqlite3_exec (db, sql->str, NULL, NULL, msg) == SQLITE_OK;
}

/* Runs the steps from @from_version to @to_version: on a file, or on the
 * private databases that shnor-schema-check.c compares files with. */
gboolean
shnor_schema_run_steps (sqlite3  *db,
                        int       from_version,
                        int       to_version,
                        GError  **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (from_version >= 0 && to_version <= SHNOR_FORMAT_VERSION, FALSE);

  for (int v = from_version; v < to_version; v++)
    {
      char *msg = NULL;

      if (sqlite3_exec (db, migrations[v], NULL, NULL, &msg) != SQLITE_OK ||
          (v == 4 && !seed_identification (db, &msg)))
        {
          g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_DAMAGED,
                       _("Could not upgrade the file from format %d to %d: %s"),
                       v, v + 1, msg);
          sqlite3_free (msg);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
shnor_schema_migrate (sqlite3  *db,
                      int       from_version,
                      GError  **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (from_version >= 0 && from_version <= SHNOR_FORMAT_VERSION, FALSE);

  if (!shnor_schema_run_steps (db, from_version, SHNOR_FORMAT_VERSION, error))
    return FALSE;

  /* the derived statistics of the results as this version computes them */
  if (from_version < SHNOR_FORMAT_VERSION && !shnor_derived_rebuild (db, error))
    return FALSE;

  {
    g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                                SHNOR_APPLICATION_ID, SHNOR_FORMAT_VERSION);
    char *msg = NULL;

    if (sqlite3_exec (db, pragmas, NULL, NULL, &msg) != SQLITE_OK)
      {
        g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_IO,
                     _("Could not mark the file as a Shnor document: %s"), msg);
        sqlite3_free (msg);
        return FALSE;
      }
  }

  return TRUE;
}
