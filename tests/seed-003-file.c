/* seed-003-file.c OUT.shnor: a municipality whose programme has the first
 * section of seed 003's road map (tests/seed-003.h) in a table by levels,
 * entered through the core as a user's edits are; check-seed-003.py
 * exports it and finds each cell in its column. */
#include <locale.h>

#include "shnor-document.h"
#include "seed-003.h"

static gint64
level_id (GArray *levels,
          guint   index)
{
  return g_array_index (levels, ShnorRoadmapLevel, index).id;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = NULL;
  g_autoptr(GArray) levels = NULL;
  gint64 programme, table, section, subsection, last = 0;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("usage: seed-003-file OUT.shnor\n");
      return 2;
    }
  doc = shnor_document_create (argv[1], &error);
  if (doc == NULL)
    goto fail;
  levels = shnor_document_get_levels (doc);
  if (!shnor_document_set_setting (doc, "municipality", "Берёзовский муниципальный округ", &error) ||
      !shnor_document_set_setting (doc, "authority", "Управление образования администрации Берёзовского "
                                                     "муниципального округа", &error) ||
      (programme = shnor_document_add_programme (doc, SHNOR_TEMPLATE_MUNICIPAL_SUPPORT, 0, 2026, &error)) == 0 ||
      (table = shnor_document_add_measure_table (doc, programme, SHNOR_TABLE_LEVELS, &error)) == 0 ||
      (section = shnor_document_add_measure_to (doc, table, 0, seed003_section, &error)) == 0 ||
      (subsection = shnor_document_add_measure_to (doc, table, section, seed003_subsection, &error)) == 0 ||
      !shnor_document_indent_measure (doc, subsection, &error))
    goto fail;
  for (guint r = 0; r < G_N_ELEMENTS (seed003_rows); r++)
    {
      gint64 row = shnor_document_add_measure_to (doc, table, last ? last : subsection, "", &error);

      if (row == 0 || (last == 0 && !shnor_document_indent_measure (doc, row, &error)))
        goto fail;
      for (guint l = 0; l < 3; l++)
        if (!shnor_document_set_measure_action (doc, row, level_id (levels, l), seed003_rows[r][l], &error))
          goto fail;
      last = row;
    }
  g_print ("%" G_GINT64_FORMAT "\n", programme);
  return 0;

fail:
  g_printerr ("seed-003-file: %s\n", error ? error->message : "failed");
  return 1;
}
