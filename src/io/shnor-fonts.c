/* shnor-fonts.c: see shnor-fonts.h. The family is looked up by its name
 * in fontconfig (which is what Pango uses), so that "Times New Roman" is
 * that family or none — never the "Times New" a parsed description would
 * ask for, nor a substitute fontconfig would quietly give. */
#define G_LOG_DOMAIN "shnor-fonts"

#include "config.h"
#include <fontconfig/fontconfig.h>

#include "shnor-fonts.h"

/* ГОСТ Р 7.0.97 and the regional practice: PT Astra Serif (free, the face
 * of Russian official documents), Times New Roman, and Liberation Serif,
 * metric-compatible with Times New Roman and packaged everywhere */
static const char * const official[] = { "PT Astra Serif", "Times New Roman", "Liberation Serif", NULL };

const char * const *
shnor_fonts_official (void)
{
  return official;
}

/* fontconfig's configuration and caches, loaded beside other work
 * (shnor_fonts_prepare()) and awaited at the first look-up */
static GThread *loading;

static gpointer
load_configuration (gpointer data)
{
  FcInit ();
  return NULL;
}

/**
 * shnor_fonts_prepare:
 *
 * Starts loading fontconfig's configuration on another thread, for a
 * caller that will look up a face after other work (a command opening
 * its file first): the few milliseconds it takes are then spent beside
 * that work. The first look-up waits for it; without a thread, it loads
 * the configuration itself, as always.
 */
void
shnor_fonts_prepare (void)
{
  GThread *thread = g_thread_try_new ("shnor-fonts", load_configuration, NULL, NULL);

  if (thread != NULL && !g_atomic_pointer_compare_and_exchange (&loading, NULL, thread))
    g_thread_join (thread);
}

static void
await_configuration (void)
{
  GThread *thread = g_atomic_pointer_exchange (&loading, NULL);

  if (thread != NULL)
    g_thread_join (thread);
}

/* Calls @each with every family name of the installed faces that have
 * the family @family (every family when NULL) */
static void
list_families (const char *family,
               void      (*each) (const char *name, gpointer data),
               gpointer    data)
{
  FcPattern *pattern;
  FcObjectSet *objects;
  FcFontSet *set;

  await_configuration ();
  pattern = family ? FcPatternBuild (NULL, FC_FAMILY, FcTypeString, (const FcChar8 *) family, NULL)
                   : FcPatternCreate ();
  objects = FcObjectSetBuild (FC_FAMILY, NULL);
  set = FcFontList (NULL, pattern, objects);

  for (int i = 0; set != NULL && i < set->nfont; i++)
    {
      FcChar8 *name;

      for (int n = 0; FcPatternGetString (set->fonts[i], FC_FAMILY, n, &name) == FcResultMatch; n++)
        each ((const char *) name, data);
    }
  if (set != NULL)
    FcFontSetDestroy (set);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);
}

typedef struct {
  const char *wanted;
  gboolean    found;
} Search;

static void
compare (const char *name,
         gpointer    data)
{
  Search *search = data;

  search->found |= g_ascii_strcasecmp (name, search->wanted) == 0;
}

/* TRUE when a face of the family @family (by any of its names) is installed */
gboolean
shnor_fonts_is_installed (const char *family)
{
  Search search = { family, FALSE };

  if (family == NULL || family[0] == '\0')
    return FALSE;
  list_families (family, compare, &search);
  return search.found;
}

static void
collect (const char *name,
         gpointer    data)
{
  g_hash_table_add (data, g_strdup (name));
}

static int
by_name (gconstpointer a,
         gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/**
 * shnor_fonts_list_families:
 *
 * Returns: (transfer full): the names of the installed families, sorted,
 * each once.
 */
GStrv
shnor_fonts_list_families (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer name;
  GStrv out;

  list_families (NULL, collect, names);
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_ptr_array_add (sorted, name);
  g_ptr_array_sort (sorted, by_name);
  out = g_new0 (char *, sorted->len + 1);
  for (guint i = 0; i < sorted->len; i++)
    out[i] = g_strdup (sorted->pdata[i]);
  return out;
}

/**
 * shnor_fonts_resolve:
 * @wanted: the family the settings name, or "" for the official chain
 *
 * Returns: (transfer full): @wanted when it is installed, else the first
 * installed of the official faces; "serif" (fontconfig's choice) when
 * none is.
 */
char *
shnor_fonts_resolve (const char *wanted)
{
  if (wanted != NULL && shnor_fonts_is_installed (wanted))
    return g_strdup (wanted);
  for (guint i = 0; official[i]; i++)
    if (shnor_fonts_is_installed (official[i]))
      return g_strdup (official[i]);
  return g_strdup ("serif");
}
