/* shnor-exchange-cli.c: the command-line options of the exchange with
 * schools (forms) and the region (PostgreSQL), all without a display
 * except --region, which opens the regional view. */
#define G_LOG_DOMAIN "shnor-application"

#include "config.h"
#include <stdio.h>
#include <time.h>
#include <glib/gi18n.h>

#include "shnor-cli.h"
#include "shnor-exchange-cli.h"
#include "shnor-region.h"
#include "shnor-school-forms.h"

/* For --help only: each command parses its own arguments below, since
 * FILE is positional and GApplication would take it for a file to open. */
const GOptionEntry shnor_exchange_options[] = {
  { "school-forms", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write an XLSX form for every school of FILE into the folder DIR: shnor --school-forms DIR [--year YYYY] FILE"),
    N_("DIR") },
  { "year", 0, 0, G_OPTION_ARG_INT, NULL, N_("With --school-forms: the year the forms ask for (this year when not "
                                             "given)"), N_("YYYY") },
  { "accept-forms", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Accept the school forms of the folder DIR (or one form) into FILE: each form with a problem changes "
       "nothing: shnor --accept-forms DIR FILE"), N_("DIR") },
  { "publish", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Publish FILE to the regional PostgreSQL database: shnor --publish postgresql://USER@HOST/DB FILE "
       "(the password from PGPASSWORD or ~/.pgpass)"), N_("URI") },
  { "oktmo", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --publish: the municipality’s ОКТМО code, for a file whose settings have none (the file is not "
       "changed)"), N_("CODE") },
  { "region", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open the read-only regional view of the database URI"),
    N_("URI") },
  { "export-region", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the regional summary workbook: shnor --export-region OUT.xlsx postgresql://…"), N_("OUT.xlsx") },
  { NULL }
};

static gboolean
parse (char              **argv,
       const GOptionEntry *entries,
       char             ***rest,
       guint               n_rest)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(GStrv) args = g_strdupv (argv);
  GOptionEntry all[8] = { 0 };
  guint n = 0;

  for (; entries[n].long_name != NULL && n < G_N_ELEMENTS (all) - 2; n++)
    all[n] = entries[n];
  all[n] = (GOptionEntry) { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, rest, NULL, NULL };
  g_option_context_add_main_entries (context, all, NULL);
  g_option_context_set_help_enabled (context, FALSE);
  /* _strv: it frees the arguments it takes out of the copy */
  return g_option_context_parse_strv (context, &args, NULL) && *rest != NULL && g_strv_length (*rest) == n_rest;
}

static ShnorDocument *
open_document (const char *path)
{
  g_autoptr(GError) error = NULL;
  ShnorDocument *document = shnor_document_open (path, &error);

  if (document == NULL)
    g_printerr ("%s\n", error->message);
  return document;
}

/* shnor --school-forms DIR [--year YYYY] FILE */
static int
school_forms_command (char **argv)
{
  g_autofree char *folder = NULL;
  g_auto(GStrv) files = NULL;
  int year = 0;
  const GOptionEntry entries[] = {
    { "school-forms", 0, 0, G_OPTION_ARG_FILENAME, &folder, NULL, NULL },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, NULL, NULL },
    { NULL }
  };
  g_autoptr(ShnorDocument) document = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse (argv, entries, &files, 1) || folder == NULL)
    {
      g_printerr ("%s\n", _("Usage: shnor --school-forms DIR [--year YYYY] FILE"));
      return 2;
    }
  if (year == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      year = g_date_time_get_year (now);
    }
  document = open_document (files[0]);
  if (document == NULL)
    return 1;
  written = shnor_school_forms_write (document, year, folder, NULL, 0, &error);
  if (written == NULL)
    return shnor_cli_fail (error);
  for (guint i = 0; i < written->len; i++)
    g_print ("%s\n", (const char *) written->pdata[i]);
  return 0;
}

static const char *
state_label (ShnorFormState state)
{
  switch (state)
    {
    case SHNOR_FORM_DONE:
      return C_("form", "accepted");
    case SHNOR_FORM_ACCEPTED:
      return C_("form", "skipped");
    case SHNOR_FORM_PROBLEMS:
      return C_("form", "has problems");
    case SHNOR_FORM_REFUSED:
      return C_("form", "refused");
    default:
      return C_("form", "ready");
    }
}

static void
print_form (const ShnorForm *form)
{
  g_autofree char *base = g_path_get_basename (form->path);

  g_print ("%s\t%s\t%s", base, form->school, state_label (form->state));
  if (form->note != NULL)
    g_print ("\t%s", form->note);
  else if (form->state == SHNOR_FORM_DONE || form->state == SHNOR_FORM_READY)
    g_print (g_dngettext (GETTEXT_PACKAGE, "\t%u change", "\t%u changes", form->changes->len),
             form->changes->len);
  g_print ("\n");
  for (guint i = 0; form->state == SHNOR_FORM_DONE && i < form->changes->len; i++)
    {
      const ShnorFormChange *c = form->changes->pdata[i];
      g_autofree char *where = shnor_form_place_describe (&c->place);

      g_print ("  %s: %s: %s → %s\n", where, c->what, c->old_text[0] ? c->old_text : "—",
               c->new_text[0] ? c->new_text : "—");
    }
  for (guint i = 0; i < form->problems->len; i++)
    {
      g_autofree char *line = shnor_form_problem_to_string (form, form->problems->pdata[i]);

      g_printerr ("%s\n", line);
    }
}

/* shnor --accept-forms DIR FILE (DIR may be one form) */
static int
accept_forms_command (char **argv)
{
  g_autofree char *source = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "accept-forms", 0, 0, G_OPTION_ARG_FILENAME, &source, NULL, NULL },
    { NULL }
  };
  g_autoptr(ShnorDocument) document = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(ShnorFormBatch) batch = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!parse (argv, entries, &files, 1) || source == NULL)
    {
      g_printerr ("%s\n", _("Usage: shnor --accept-forms DIR FILE"));
      return 2;
    }
  if (g_file_test (source, G_FILE_TEST_IS_DIR))
    paths = shnor_form_list_folder (source, &error);
  else if (g_file_test (source, G_FILE_TEST_IS_REGULAR))
    {
      paths = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (paths, g_strdup (source));
    }
  else
    error = g_error_new (G_FILE_ERROR, G_FILE_ERROR_NOENT, _("There is no folder or file “%s”."), source);
  if (paths == NULL)
    return shnor_cli_fail (error);
  document = open_document (files[0]);
  if (document == NULL)
    return 1;
  g_ptr_array_add (paths, NULL);
  batch = shnor_form_batch_read (document, (const char * const *) paths->pdata);
  ok = shnor_form_batch_apply (batch, document, &error);
  for (guint i = 0; i < batch->forms->len; i++)
    print_form (batch->forms->pdata[i]);
  if (!ok)
    g_printerr ("%s\n", error->message);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u form accepted", "%u forms accepted", batch->n_accepted),
           batch->n_accepted);
  g_print (", %u %s, %u %s\n",
           shnor_form_batch_count (batch, SHNOR_FORM_ACCEPTED), C_("forms", "skipped"),
           shnor_form_batch_count (batch, SHNOR_FORM_PROBLEMS) + shnor_form_batch_count (batch, SHNOR_FORM_REFUSED),
           C_("forms", "not accepted"));
  return ok && shnor_form_batch_count (batch, SHNOR_FORM_PROBLEMS) == 0 &&
         shnor_form_batch_count (batch, SHNOR_FORM_REFUSED) == 0 ? 0 : 1;
}

#ifndef SHNOR_CLI_LIGHT
/* shnor --publish URI FILE */
static int
publish_command (char **argv)
{
  g_autofree char *uri = NULL;
  g_autofree char *oktmo = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "publish", 0, 0, G_OPTION_ARG_STRING, &uri, NULL, NULL },
    { "oktmo", 0, 0, G_OPTION_ARG_STRING, &oktmo, NULL, NULL },
    { NULL }
  };
  g_autoptr(ShnorDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  ShnorPublication publication = { 0 };

  if (!parse (argv, entries, &files, 1) || uri == NULL)
    {
      g_printerr ("%s\n", _("Usage: shnor --publish postgresql://USER@HOST[:PORT]/DATABASE [--oktmo CODE] FILE"));
      return 2;
    }
  document = open_document (files[0]);
  if (document == NULL)
    return 1;
  if (!shnor_region_publish (uri, NULL, document, oktmo, NULL, NULL, &publication, &error))
    return shnor_cli_fail (error);
  if (publication.unchanged)
    g_print (_("%s (ОКТМО %s): already published, nothing changed\n"), publication.municipality, publication.oktmo);
  else
    g_print (_("%s (ОКТМО %s): published %u schools and %u results\n"), publication.municipality,
             publication.oktmo, publication.n_schools, publication.n_results);
  shnor_publication_clear (&publication);
  return 0;
}

/* shnor --export-region OUT.xlsx URI */
static int
export_region_command (char **argv)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) uris = NULL;
  const GOptionEntry entries[] = {
    { "export-region", 0, 0, G_OPTION_ARG_FILENAME, &out, NULL, NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;

  if (!parse (argv, entries, &uris, 1) || out == NULL)
    {
      g_printerr ("%s\n", _("Usage: shnor --export-region OUT.xlsx postgresql://USER@HOST[:PORT]/DATABASE"));
      return 2;
    }
  if (!shnor_region_export_summary (uris[0], NULL, out, &error))
    return shnor_cli_fail (error);
  return 0;
}
#endif

static gboolean
is_option (const char *arg,
           const char *name)
{
  gsize n = strlen (name);

  return g_str_has_prefix (arg, name) && (arg[n] == '\0' || arg[n] == '=');
}

/**
 * shnor_exchange_command_line:
 *
 * Runs the exchange's headless command of @argv, if it has one.
 *
 * Returns: whether it had one (then @exit_status is set)
 */
gboolean
shnor_exchange_command_line (char **argv,
                             int   *exit_status)
{
  static const struct { const char *option; int (*run) (char **argv); } commands[] = {
    { "--school-forms", school_forms_command },
    { "--accept-forms", accept_forms_command },
#ifdef SHNOR_CLI_LIGHT
    /* PostgreSQL's: shnor-full runs them */
    { "--publish", NULL },
    { "--export-region", NULL },
#else
    { "--publish", publish_command },
    { "--export-region", export_region_command },
#endif
  };

  for (guint i = 1; argv[i] != NULL; i++)
    for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
      if (is_option (argv[i], commands[c].option))
        {
          *exit_status = commands[c].run != NULL ? commands[c].run (argv) : SHNOR_CLI_IN_FULL;
          return TRUE;
        }
  return FALSE;
}

/**
 * shnor_exchange_take_region:
 *
 * Takes “--region URI” out of @argv (the URI is no file to open).
 *
 * Returns: (transfer full) (nullable): the URI, or %NULL when not asked
 */
char *
shnor_exchange_take_region (char **argv)
{
  for (guint i = 1; argv[i] != NULL; i++)
    {
      char *uri = NULL;
      guint n = 1;

      if (g_str_equal (argv[i], "--region") && argv[i + 1] != NULL)
        {
          uri = g_strdup (argv[i + 1]);
          n = 2;
        }
      else if (g_str_has_prefix (argv[i], "--region="))
        uri = g_strdup (argv[i] + strlen ("--region="));
      if (uri == NULL)
        continue;
      for (guint k = 0; k < n; k++)
        g_free (argv[i + k]);
      memmove (&argv[i], &argv[i + n], (g_strv_length (&argv[i + n]) + 1) * sizeof (char *));
      return uri;
    }
  return NULL;
}
