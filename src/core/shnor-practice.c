/* shnor-practice.c: a practice as the bank's list shows it */
#define G_LOG_DOMAIN "shnor-practice"

#include "config.h"
#include <glib/gi18n-lib.h>

#include "shnor-practice.h"

struct _ShnorPractice
{
  GObject             parent_instance;

  gint64              id;
  char               *title;
  char               *school;
  char               *authors;
  char               *subjects;
  char               *direction;
  ShnorPracticeStatus status;
  guint               n_files;
};

G_DEFINE_FINAL_TYPE (ShnorPractice, shnor_practice, G_TYPE_OBJECT)

enum { PROP_0, PROP_TITLE, PROP_SUBTITLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* "СОШ № 3 · Математика · формирующее оценивание · 2 files" */
static char *
dup_subtitle (ShnorPractice *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *parts[] = { self->school, self->subjects, self->direction };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i][0] != '\0')
      g_string_append_printf (text, "%s%s", text->len ? " · " : "", parts[i]);
  if (self->n_files > 0)
    {
      g_autofree char *files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", self->n_files),
                                                self->n_files);

      g_string_append_printf (text, "%s%s", text->len ? " · " : "", files);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
shnor_practice_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ShnorPractice *self = SHNOR_PRACTICE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_take_string (value, dup_subtitle (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shnor_practice_finalize (GObject *object)
{
  ShnorPractice *self = SHNOR_PRACTICE (object);

  g_free (self->title);
  g_free (self->school);
  g_free (self->authors);
  g_free (self->subjects);
  g_free (self->direction);
  G_OBJECT_CLASS (shnor_practice_parent_class)->finalize (object);
}

static void
shnor_practice_class_init (ShnorPracticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = shnor_practice_get_property;
  object_class->finalize = shnor_practice_finalize;
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "",
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, "",
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shnor_practice_init (ShnorPractice *self)
{
}

ShnorPractice *
shnor_practice_new (gint64               id,
                    const char          *title,
                    const char          *school,
                    const char          *authors,
                    const char          *subjects,
                    const char          *direction,
                    ShnorPracticeStatus  status,
                    guint                n_files)
{
  ShnorPractice *self = g_object_new (SHNOR_TYPE_PRACTICE, NULL);

  self->id = id;
  self->title = g_strdup (title ? title : "");
  self->school = g_strdup (school ? school : "");
  self->authors = g_strdup (authors ? authors : "");
  self->subjects = g_strdup (subjects ? subjects : "");
  self->direction = g_strdup (direction ? direction : "");
  self->status = status;
  self->n_files = n_files;
  return self;
}

gint64              shnor_practice_get_id        (ShnorPractice *self) { return self->id; }
const char         *shnor_practice_get_title     (ShnorPractice *self) { return self->title; }
const char         *shnor_practice_get_school    (ShnorPractice *self) { return self->school; }
const char         *shnor_practice_get_authors   (ShnorPractice *self) { return self->authors; }
const char         *shnor_practice_get_subjects  (ShnorPractice *self) { return self->subjects; }
const char         *shnor_practice_get_direction (ShnorPractice *self) { return self->direction; }
ShnorPracticeStatus shnor_practice_get_status    (ShnorPractice *self) { return self->status; }
guint               shnor_practice_get_n_files   (ShnorPractice *self) { return self->n_files; }
