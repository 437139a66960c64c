/* shnor-overview-item.c */
#include "config.h"
#include "shnor-overview-item.h"

struct _ShnorOverviewItem
{
  GObject            parent_instance;
  ShnorSchool       *school;
  ShnorOverviewLine  line;
};

G_DEFINE_FINAL_TYPE (ShnorOverviewItem, shnor_overview_item, G_TYPE_OBJECT)

static void
shnor_overview_item_finalize (GObject *object)
{
  g_clear_object (&SHNOR_OVERVIEW_ITEM (object)->school);
  G_OBJECT_CLASS (shnor_overview_item_parent_class)->finalize (object);
}

static void
shnor_overview_item_class_init (ShnorOverviewItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shnor_overview_item_finalize;
}

static void
shnor_overview_item_init (ShnorOverviewItem *self)
{
}

ShnorOverviewItem *
shnor_overview_item_new (ShnorSchool             *school,
                         const ShnorOverviewLine *line)
{
  ShnorOverviewItem *self = g_object_new (SHNOR_TYPE_OVERVIEW_ITEM, NULL);

  self->school = g_object_ref (school);
  self->line = *line;
  return self;
}

ShnorSchool *
shnor_overview_item_get_school (ShnorOverviewItem *self)
{
  g_return_val_if_fail (SHNOR_IS_OVERVIEW_ITEM (self), NULL);
  return self->school;
}

const ShnorOverviewLine *
shnor_overview_item_get_line (ShnorOverviewItem *self)
{
  g_return_val_if_fail (SHNOR_IS_OVERVIEW_ITEM (self), NULL);
  return &self->line;
}

static int
compare_known (gboolean ka, double a, gboolean kb, double b)
{
  /* what is not known sorts last, in either direction of the values */
  if (ka != kb)
    return ka ? -1 : 1;
  return !ka || a == b ? 0 : a < b ? -1 : 1;
}

/**
 * shnor_overview_item_compare:
 * @column: -1 for the school's name, 0… for a year, %SHNOR_OVERVIEW_MAX_YEARS
 *   for the change
 */
int
shnor_overview_item_compare (ShnorOverviewItem *a,
                             ShnorOverviewItem *b,
                             int                column)
{
  if (column < 0)
    return shnor_school_compare_names (a->school, b->school);
  if (column >= SHNOR_OVERVIEW_MAX_YEARS)
    return compare_known (a->line.has_change, a->line.change, b->line.has_change, b->line.change);
  return compare_known (a->line.known[column], a->line.value[column],
                        b->line.known[column], b->line.value[column]);
}
