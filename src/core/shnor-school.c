/* shnor-school.c: the properties are generated from the field table, so a
 * column added to the table is at once loaded, shown and editable. */
#define G_LOG_DOMAIN "shnor-school"

#include "config.h"
#include <string.h>
#include <glib/gi18n-lib.h>

#include "shnor-number.h"
#include "shnor-school.h"
#include "shnor-sqlite.h"

static const ShnorField school_fields[] = {
  { "full_name",     SHNOR_FIELD_TEXT,  N_("Full name"), 0, 0, TRUE },
  { "short_name",    SHNOR_FIELD_TEXT,  N_("Short name"), 0, 0, FALSE },
  { "legal_form",    SHNOR_FIELD_TEXT,  N_("Legal form"), 0, 0, FALSE },
  { "code",          SHNOR_FIELD_TEXT,  N_("Code"), 0, 0, FALSE },
  { "settlement",    SHNOR_FIELD_TEXT,  N_("Settlement"), 0, 0, FALSE },
  { "area_type",     SHNOR_FIELD_INT,   N_("Area type"), 0, SHNOR_N_AREA_TYPES - 1, TRUE },
  { "hard_to_reach", SHNOR_FIELD_BOOL,  N_("Hard to reach"), 0, 0, FALSE },
  { "director",      SHNOR_FIELD_TEXT,  N_("Director"), 0, 0, FALSE },
  { "address",       SHNOR_FIELD_TEXT,  N_("Address"), 0, 0, FALSE },
  { "phone",         SHNOR_FIELD_TEXT,  N_("Phone"), 0, 0, FALSE },
  { "email",         SHNOR_FIELD_EMAIL, N_("E-mail"), 0, 0, FALSE },
  { "mentor",        SHNOR_FIELD_BOOL,  N_("Mentor school"), 0, 0, FALSE },
  { "internship",    SHNOR_FIELD_BOOL,  N_("Internship site"), 0, 0, FALSE },
  { "growth_point",  SHNOR_FIELD_BOOL,  N_("“Growth Point” centre"), 0, 0, FALSE },
};

#define N_FIELDS G_N_ELEMENTS (school_fields)

enum {
  PROP_0,
  PROP_ID,
  PROP_PUPILS,
  PROP_TEACHERS,
  PROP_AREA_LABEL,
  PROP_DISPLAY_NAME,
  PROP_PUPILS_TEXT,
  PROP_TEACHERS_TEXT,
  PROP_GROUPS,
  PROP_FIRST_FIELD,
  N_PROPS = PROP_FIRST_FIELD + N_FIELDS
};

struct _ShnorSchool
{
  GObject parent_instance;

  gint64  id;
  int     pupils;    /* of the latest year with context data; -1: unknown */
  int     teachers;
  guint   groups;    /* 1 << ShnorGroup, as the active criteria set decides */
  GValue  values[N_FIELDS];
  char   *name_key;  /* the display name's sort key, made when asked for */
};

G_DEFINE_FINAL_TYPE (ShnorSchool, shnor_school, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

const ShnorField *
shnor_school_fields (guint *n_fields)
{
  if (n_fields != NULL)
    *n_fields = N_FIELDS;
  return school_fields;
}

/* The SELECT list matching shnor_school_load(): id, then the fields. */
const char *
shnor_school_select_columns (void)
{
  static gsize columns = 0;

  if (g_once_init_enter (&columns))
    {
      GString *s = g_string_new ("id");

      for (guint i = 0; i < N_FIELDS; i++)
        g_string_append_printf (s, ", %s", school_fields[i].column);
      g_once_init_leave (&columns, (gsize) g_string_free (s, FALSE));
    }

  return (const char *) columns;
}

const char *
shnor_area_type_label (ShnorAreaType area)
{
  switch (area)
    {
    case SHNOR_AREA_TOWN:       return _("town");
    case SHNOR_AREA_SETTLEMENT: return _("urban settlement");
    case SHNOR_AREA_VILLAGE:    return _("village");
    default:                    return "";
    }
}

static int
field_index (const char *column)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_str_equal (school_fields[i].column, column))
      return (int) i;
  return -1;
}

static char *
area_label (ShnorSchool *self)
{
  const char *area = shnor_area_type_label (shnor_school_get_area_type (self));

  if (shnor_school_get_hard_to_reach (self))
    return g_strdup_printf (_("%s, hard to reach"), area);
  return g_strdup (area);
}

static char *
count_text (int count)
{
  /* An em dash: not known (no context data yet). */
  return count < 0 ? g_strdup ("—") : shnor_number_format_count (count);
}

static const char *
display_name (ShnorSchool *self)
{
  const char *s = g_value_get_string (shnor_school_get_value (self, "short_name"));

  return s != NULL && s[0] != '\0' ? s : shnor_school_get_full_name (self);
}

static void
shnor_school_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ShnorSchool *self = SHNOR_SCHOOL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PUPILS:
      g_value_set_int (value, self->pupils);
      break;
    case PROP_TEACHERS:
      g_value_set_int (value, self->teachers);
      break;
    case PROP_AREA_LABEL:
      g_value_take_string (value, area_label (self));
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, display_name (self));
      break;
    case PROP_PUPILS_TEXT:
      g_value_take_string (value, count_text (self->pupils));
      break;
    case PROP_TEACHERS_TEXT:
      g_value_take_string (value, count_text (self->teachers));
      break;
    case PROP_GROUPS:
      g_value_set_uint (value, self->groups);
      break;
    default:
      if (prop_id >= PROP_FIRST_FIELD && prop_id < N_PROPS)
        g_value_copy (&self->values[prop_id - PROP_FIRST_FIELD], value);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shnor_school_finalize (GObject *object)
{
  ShnorSchool *self = SHNOR_SCHOOL (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_value_unset (&self->values[i]);
  g_free (self->name_key);

  G_OBJECT_CLASS (shnor_school_parent_class)->finalize (object);
}

static GParamSpec *
field_pspec (const ShnorField *field)
{
  g_autofree char *name = g_strdelimit (g_strdup (field->column), "_", '-');
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  switch (field->kind)
    {
    case SHNOR_FIELD_BOOL:
      return g_param_spec_boolean (g_intern_string (name), NULL, NULL, FALSE, flags);
    case SHNOR_FIELD_INT:
      return g_param_spec_int (g_intern_string (name), NULL, NULL,
                               (int) field->min, (int) field->max, (int) field->min, flags);
    default:
      return g_param_spec_string (g_intern_string (name), NULL, NULL, "", flags);
    }
}

static void
shnor_school_class_init (ShnorSchoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = shnor_school_get_property;
  object_class->finalize = shnor_school_finalize;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUPILS] =
    g_param_spec_int ("pupils", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEACHERS] =
    g_param_spec_int ("teachers", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AREA_LABEL] =
    g_param_spec_string ("area-label", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUPILS_TEXT] =
    g_param_spec_string ("pupils-text", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEACHERS_TEXT] =
    g_param_spec_string ("teachers-text", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUPS] =
    g_param_spec_uint ("groups", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < N_FIELDS; i++)
    properties[PROP_FIRST_FIELD + i] = field_pspec (&school_fields[i]);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shnor_school_init (ShnorSchool *self)
{
  self->pupils = -1;
  self->teachers = -1;
}

static void
load_value (GValue       *value,
            sqlite3_stmt *stmt,
            int           column)
{
  if (G_VALUE_HOLDS_STRING (value))
    g_value_set_string (value, shnor_sqlite_column_text (stmt, column));
  else if (G_VALUE_HOLDS_BOOLEAN (value))
    g_value_set_boolean (value, sqlite3_column_int (stmt, column) != 0);
  else
    g_value_set_int (value, sqlite3_column_int (stmt, column));
}

/**
 * shnor_school_new:
 * @stmt: a row selected with shnor_school_select_columns()
 *
 * The school of the row: its values are set as they are, without the
 * comparison and notification of shnor_school_load(), which nothing
 * needs for a new object (a region opens 1,500 of them).
 */
ShnorSchool *
shnor_school_new (sqlite3_stmt *stmt)
{
  ShnorSchool *self = g_object_new (SHNOR_TYPE_SCHOOL, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_value_init (&self->values[i], properties[PROP_FIRST_FIELD + i]->value_type);
      load_value (&self->values[i], stmt, (int) i + 1);
    }
  return self;
}

/* Loads a row selected with shnor_school_select_columns(); notifies only
 * the properties that changed, so bound widgets redraw only what must. */
void
shnor_school_load (ShnorSchool  *self,
                   sqlite3_stmt *stmt)
{
  gboolean area_changed = FALSE;
  gboolean name_changed = FALSE;

  g_return_if_fail (SHNOR_IS_SCHOOL (self));
  g_return_if_fail (stmt != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  self->id = sqlite3_column_int64 (stmt, 0);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_auto(GValue) fresh = G_VALUE_INIT;

      g_value_init (&fresh, G_VALUE_TYPE (&self->values[i]));
      load_value (&fresh, stmt, (int) i + 1);
      if (g_param_values_cmp (properties[PROP_FIRST_FIELD + i], &fresh, &self->values[i]) != 0)
        {
          g_value_copy (&fresh, &self->values[i]);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FIELD + i]);
          if (g_str_equal (school_fields[i].column, "area_type") ||
              g_str_equal (school_fields[i].column, "hard_to_reach"))
            area_changed = TRUE;
          if (g_str_has_suffix (school_fields[i].column, "_name"))
            name_changed = TRUE;
        }
    }
  if (area_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA_LABEL]);
  if (name_changed)
    {
      g_clear_pointer (&self->name_key, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
shnor_school_set_counts (ShnorSchool *self,
                         int          pupils,
                         int          teachers)
{
  g_return_if_fail (SHNOR_IS_SCHOOL (self));

  if (self->pupils != pupils)
    {
      self->pupils = pupils;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUPILS]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUPILS_TEXT]);
    }
  if (self->teachers != teachers)
    {
      self->teachers = teachers;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEACHERS]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEACHERS_TEXT]);
    }
}

/* The identification groups (1 << ShnorGroup); set by the document when
 * it classifies. */
void
shnor_school_set_groups (ShnorSchool *self,
                         guint        groups)
{
  g_return_if_fail (SHNOR_IS_SCHOOL (self));

  if (self->groups != groups)
    {
      self->groups = groups;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUPS]);
    }
}

guint
shnor_school_get_groups (ShnorSchool *self)
{
  g_return_val_if_fail (SHNOR_IS_SCHOOL (self), 0);
  return self->groups;
}

gint64
shnor_school_get_id (ShnorSchool *self)
{
  g_return_val_if_fail (SHNOR_IS_SCHOOL (self), 0);
  return self->id;
}

const GValue *
shnor_school_get_value (ShnorSchool *self,
                        const char  *column)
{
  int i;

  g_return_val_if_fail (SHNOR_IS_SCHOOL (self), NULL);
  g_return_val_if_fail (column != NULL, NULL);

  i = field_index (column);
  g_return_val_if_fail (i >= 0, NULL);
  return &self->values[i];
}

/* The value of @column as the text an entry shows. */
char *
shnor_school_dup_text (ShnorSchool *self,
                       const char  *column)
{
  const GValue *value = shnor_school_get_value (self, column);
  g_auto(GValue) as_int64 = G_VALUE_INIT;

  if (value == NULL)
    return NULL;
  if (G_VALUE_HOLDS_INT (value))
    {
      g_value_init (&as_int64, G_TYPE_INT64);
      g_value_set_int64 (&as_int64, g_value_get_int (value));
      value = &as_int64;
    }
  return shnor_field_format (&school_fields[field_index (column)], value);
}

const char *
shnor_school_get_full_name (ShnorSchool *self)
{
  return g_value_get_string (shnor_school_get_value (self, "full_name"));
}

const char *
shnor_school_get_settlement (ShnorSchool *self)
{
  return g_value_get_string (shnor_school_get_value (self, "settlement"));
}

ShnorAreaType
shnor_school_get_area_type (ShnorSchool *self)
{
  return (ShnorAreaType) g_value_get_int (shnor_school_get_value (self, "area_type"));
}

gboolean
shnor_school_get_hard_to_reach (ShnorSchool *self)
{
  return g_value_get_boolean (shnor_school_get_value (self, "hard_to_reach"));
}

int
shnor_school_get_pupils (ShnorSchool *self)
{
  g_return_val_if_fail (SHNOR_IS_SCHOOL (self), -1);
  return self->pupils;
}

int
shnor_school_get_teachers (ShnorSchool *self)
{
  g_return_val_if_fail (SHNOR_IS_SCHOOL (self), -1);
  return self->teachers;
}

const ShnorField *
shnor_school_field (const char *column)
{
  return shnor_field_find (school_fields, G_N_ELEMENTS (school_fields), column);
}

/* The short name, or the full one when there is no short name. */
const char *
shnor_school_get_display_name (ShnorSchool *self)
{
  g_return_val_if_fail (SHNOR_IS_SCHOOL (self), NULL);
  return display_name (self);
}

/* The display name's collation key, kept until the name changes */
static const char *
name_key (ShnorSchool *self)
{
  const char *name = display_name (self);

  if (self->name_key == NULL)
    self->name_key = g_utf8_collate_key_for_filename (name != NULL ? name : "", -1);
  return self->name_key;
}

/**
 * shnor_school_compare_names:
 *
 * Orders schools by their display names as a person would: «№ 2» before
 * «№ 10», in the alphabet of the locale.
 */
int
shnor_school_compare_names (ShnorSchool *a,
                            ShnorSchool *b)
{
  g_return_val_if_fail (SHNOR_IS_SCHOOL (a) && SHNOR_IS_SCHOOL (b), 0);

  return strcmp (name_key (a), name_key (b));
}
