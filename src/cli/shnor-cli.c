/* shnor-cli.c: Shnor's commands (shnor --classify FILE, --export-lists …),
 * without GTK: the program `shnor` runs them without loading the toolkit
 * (a fifth of the time of a command on a region's file went to loading
 * and binding GTK's hundred libraries), and starts the window program
 * shnor-gui for everything else (see main.c). The window's application
 * runs the same functions for its own command line. */
#define G_LOG_DOMAIN "shnor-cli"

#include "config.h"
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "shnor-bank-export.h"
#include "shnor-cli.h"
#include "shnor-demo.h"
#include "shnor-demo-network.h"
#include "shnor-error.h"
#include "shnor-exchange-cli.h"
#include "shnor-files.h"
#include "shnor-fonts.h"
#include "shnor-order.h"
#include "shnor-preflight.h"
#include "shnor-results-import.h"
#include "shnor-xlsx-export.h"

/* ---- locale ---------------------------------------------------------- */

/* On Windows the translations live beside the program, wherever it was
 * installed: <prefix>\bin\shnor.exe and <prefix>\share\locale. */
void
shnor_setup_locale (void)
{
  g_autofree char *localedir = NULL;

  setlocale (LC_ALL, "");
#ifdef G_OS_WIN32
  {
    g_autofree char *root = g_win32_get_package_installation_directory_of_module (NULL);

    localedir = g_build_filename (root, "share", "locale", NULL);
  }
#else
  localedir = g_strdup (LOCALEDIR);
#endif
  /* Not installed yet (run from the build tree): the translations built
   * beside it. */
  {
    g_autofree char *mo = g_build_filename (localedir, "ru", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

    if (!g_file_test (mo, G_FILE_TEST_EXISTS))
      {
        g_free (localedir);
        localedir = g_strdup (SHNOR_BUILD_LOCALE_DIR);
      }
  }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * shnor_cli_fail:
 *
 * Says why a command failed, on the standard error.
 *
 * Returns: the exit status of a failed command, 1
 */
int
shnor_cli_fail (const GError *error)
{
  g_printerr ("%s\n", error->message);
  return 1;
}

/* ---- the commands ---------------------------------------------------- */

/* Every option, for --help (the commands with a file of their own after
 * them parse their arguments themselves, below) */
const GOptionEntry shnor_cli_options[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { "demo", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Write the demo municipality to a new FILE and exit"), N_("FILE") },
  { "check", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Check FILE: print “ok” or what is wrong; exit 1 when not ok"), N_("FILE") },
  { "classify", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print each school of FILE with the groups the active criteria set puts it in: code, name, groups, "
       "tab-separated"), N_("FILE") },
  { "list-programmes", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print each programme of FILE: id, level, status, version, period, title, tab-separated"), N_("FILE") },
  { "overdue", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print the overdue measures of the approved programmes of FILE: programme, number, title, end, "
       "responsible, tab-separated"), N_("FILE") },
  { "date", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --overdue: the day to compute for instead of today"),
    N_("YYYY-MM-DD") },
  { "export-xlsx", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the appendices of the programme chosen with --programme to OUT.xlsx: shnor --export-xlsx OUT.xlsx "
       "--programme ID FILE"), N_("OUT.xlsx") },
  { "programme", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("With --export-xlsx, --export-roadmap or --export-order: the programme's id (see --list-programmes)"),
    N_("ID") },
  { "export-roadmap", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the road map of the programme chosen with --programme to OUT.xlsx: shnor --export-roadmap OUT.xlsx "
       "--programme ID FILE"), N_("OUT.xlsx") },
  { "export-order", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the order approving the programme chosen with --programme, with its appendices, to OUT.pdf: "
       "shnor --export-order OUT.pdf --programme ID FILE"), N_("OUT.pdf") },
  { "export-lists", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the lists of the identified schools to OUT.xlsx: shnor --export-lists OUT.xlsx FILE"), N_("OUT.xlsx") },
  { "export-bank", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the catalogue of the bank of best practices to OUT.xlsx: shnor --export-bank OUT.xlsx FILE"),
    N_("OUT.xlsx") },
  { "export-bank-folder", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the catalogue of the bank with the practices' files into a new or empty FOLDER: "
       "shnor --export-bank-folder FOLDER FILE"), N_("FOLDER") },
  { "list-partnerships", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print each partnership of FILE: supported school, partner, role, status, start, end, joint events, "
       "tab-separated"), N_("FILE") },
  { "import-template", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write an XLSX template for results to FILE and exit"), N_("FILE") },
  { "import-results", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import results from DATAFILE (CSV or XLSX) into FILE; on any problem list them all and change nothing"),
    N_("DATAFILE FILE") },
  { NULL }
};

/* shnor --import-results DATAFILE FILE: FILE is a positional argument,
 * which GApplication's own option handling would take as a file to open. */
static int
import_results_command (char **argv)
{
  g_autofree char *data_path = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "import-results", 0, 0, G_OPTION_ARG_FILENAME, &data_path, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) document = NULL;
  g_autoptr(ShnorImportPlan) plan = NULL;
  g_auto(GStrv) args = g_strdupv (argv);

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_help_enabled (context, FALSE);
  /* _strv: it frees the arguments it takes out of the copy */
  if (!g_option_context_parse_strv (context, &args, &error) ||
      data_path == NULL || files == NULL || g_strv_length (files) != 1)
    {
      g_printerr ("%s\n", _("Usage: shnor --import-results DATAFILE FILE"));
      return 2;
    }

  /* one pass over the file, storing as it reads: on any problem nothing
   * is stored */
  document = shnor_document_open (files[0], &error);
  if (document != NULL)
    plan = shnor_import_file (document, data_path, &error);
  if (plan == NULL || !shnor_document_check_reads (document, &error))
    return shnor_cli_fail (error);
  for (guint i = 0; i < plan->problems->len; i++)
    {
      g_autofree char *line = shnor_import_problem_to_string (plan->problems->pdata[i]);

      g_printerr ("%s\n", line);
    }
  if (plan->n_problems > plan->problems->len)
    {
      guint more = plan->n_problems - plan->problems->len;
      g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more problem, not listed here.",
                                                            "… and %u more problems, not listed here.", more), more);

      g_printerr ("%s\n", line);
    }
  if (plan->n_problems > 0)
    {
      g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The file has %u problem: nothing was imported.",
                                                            "The file has %u problems: nothing was imported.",
                                                            plan->n_problems), plan->n_problems);

      g_printerr ("%s\n", line);
      return 1;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u result added", "%u results added", plan->added), plan->added);
  g_print (g_dngettext (GETTEXT_PACKAGE, ", %u replaced\n", ", %u replaced\n", plan->replaced), plan->replaced);
  if (plan->n_regional > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u regional mean stored\n", "%u regional means stored\n",
                          plan->n_regional), plan->n_regional);
  return 0;
}

/* shnor --classify FILE */
static int
classify_command (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) document = shnor_document_open (path, &error);
  g_autoptr(ShnorClassification) classification = NULL;
  g_autoptr(GString) out = NULL;
  GListModel *schools;

  if (document == NULL)
    return shnor_cli_fail (error);
  classification = shnor_document_classify (document);
  /* no list from a file that could not be read whole */
  if (!shnor_document_check_reads (document, &error))
    return shnor_cli_fail (error);
  schools = shnor_document_get_schools (document);
  /* one write for all lines: a region has 1,500 */
  out = g_string_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);
      g_autofree char *code = shnor_school_dup_text (school, "code");
      g_autofree char *name = g_strdup (shnor_school_get_display_name (school));
      guint groups = shnor_classification_get_groups (classification, shnor_school_get_id (school));

      /* one line a school, whatever a name holds */
      g_strdelimit (code, "\t\r\n", ' ');
      g_strdelimit (name, "\t\r\n", ' ');
      g_string_append_printf (out, "%s\t%s\t", code, name);
      for (ShnorGroup g = 0; g < SHNOR_N_GROUPS; g++)
        if (groups & (1u << g))
          g_string_append_printf (out, "%s%s", out->str[out->len - 1] == '\t' ? "" : ", ", shnor_group_badge (g));
      g_string_append_c (out, '\n');
    }
  g_print ("%s", out->str);
  return 0;
}

/* shnor --list-programmes FILE: every programme, archived ones too */
static int
list_programmes_command (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) document = shnor_document_open (path, &error);
  g_autoptr(GListModel) programmes = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (document == NULL)
    return shnor_cli_fail (error);
  programmes = shnor_document_get_programmes (document, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (programmes); i++)
    {
      g_autoptr(ShnorProgramme) p = g_list_model_get_item (programmes, i);
      g_autofree char *period = shnor_programme_dup_period (p);
      g_autofree char *title = g_strdup (shnor_programme_get_title (p));

      g_strdelimit (title, "\t\r\n", ' ');
      g_ptr_array_add (lines, g_strdup_printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%d\t%s\t%s", shnor_programme_get_id (p),
                                               shnor_programme_level_label (shnor_programme_get_level (p)),
                                               shnor_programme_status_label (shnor_programme_get_status (p)),
                                               shnor_programme_get_version (p), period, title));
    }
  if (!shnor_document_check_reads (document, &error))
    return shnor_cli_fail (error);
  for (guint i = 0; i < lines->len; i++)
    g_print ("%s\n", (const char *) lines->pdata[i]);
  return 0;
}

/* What the document still lacks, as warnings: the file is written all
 * the same (a draft is a document too) */
static void
print_preflight (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    g_printerr (_("Warning: %s\n"), ((ShnorPreflightItem *) items->pdata[i])->message);
}

/* shnor --export-xlsx OUT --programme ID FILE, shnor --export-lists OUT
 * FILE: FILE is positional, as for --import-results. */
static int
export_command (char **argv)
{
  g_autofree char *programme_out = NULL;
  g_autofree char *lists_out = NULL;
  g_autofree char *order_out = NULL;
  g_autofree char *roadmap_out = NULL;
  gint64 programme = 0;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "export-xlsx", 0, 0, G_OPTION_ARG_FILENAME, &programme_out, NULL, NULL },
    { "programme", 0, 0, G_OPTION_ARG_INT64, &programme, NULL, NULL },
    { "export-lists", 0, 0, G_OPTION_ARG_FILENAME, &lists_out, NULL, NULL },
    { "export-order", 0, 0, G_OPTION_ARG_FILENAME, &order_out, NULL, NULL },
    { "export-roadmap", 0, 0, G_OPTION_ARG_FILENAME, &roadmap_out, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) document = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  gboolean ok;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse_strv (context, &args, &error) || files == NULL || g_strv_length (files) != 1 ||
      (programme_out != NULL) + (lists_out != NULL) + (order_out != NULL) + (roadmap_out != NULL) != 1 ||
      (lists_out == NULL && programme == 0))
    {
      g_printerr ("%s\n%s\n%s\n%s\n", _("Usage: shnor --export-xlsx OUT.xlsx --programme ID FILE"),
                  _("       shnor --export-lists OUT.xlsx FILE"), _("       shnor --export-order OUT.pdf --programme ID FILE"),
                  _("       shnor --export-roadmap OUT.xlsx --programme ID FILE"));
      return 2;
    }
  /* a target Shnor never writes (the document itself, another database)
   * is refused before any work */
  if (!shnor_check_target (programme_out ? programme_out : lists_out ? lists_out : order_out ? order_out : roadmap_out,
                           SHNOR_TARGET_EXPORT, &error))
    return shnor_cli_fail (error);
#ifdef SHNOR_CLI_LIGHT
  if (order_out != NULL)
    return SHNOR_CLI_IN_FULL;
#endif
  /* every export looks up the official face: its fonts load while the
   * file is opened and checked */
  shnor_fonts_prepare ();
  document = shnor_document_open (files[0], &error);
  if (document == NULL)
    return shnor_cli_fail (error);
  if (lists_out != NULL)
    {
      g_autoptr(GPtrArray) items = shnor_document_preflight_lists (document);

      print_preflight (items);
    }
  else
    {
      /* an unknown programme is refused below */
      g_autoptr(GPtrArray) items = shnor_document_preflight (document, programme);

      print_preflight (items);
    }
  if (programme_out != NULL)
    ok = shnor_export_programme_xlsx (document, programme, programme_out, &error);
#ifndef SHNOR_CLI_LIGHT
  else if (order_out != NULL)
    ok = shnor_export_order_pdf (document, programme, order_out, &error);
#endif
  else if (roadmap_out != NULL)
    ok = shnor_export_roadmap_xlsx (document, programme, roadmap_out, &error);
  else
    ok = shnor_export_lists_xlsx (document, lists_out, &error);
  if (!ok)
    return shnor_cli_fail (error);
  return 0;
}

/* shnor --export-bank OUT.xlsx FILE, --export-bank-folder FOLDER FILE,
 * --list-partnerships FILE: the network's commands */
static int
network_command (char **argv)
{
  g_autofree char *bank_out = NULL;
  g_autofree char *folder_out = NULL;
  g_autofree char *list = NULL;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "export-bank", 0, 0, G_OPTION_ARG_FILENAME, &bank_out, NULL, NULL },
    { "export-bank-folder", 0, 0, G_OPTION_ARG_FILENAME, &folder_out, NULL, NULL },
    { "list-partnerships", 0, 0, G_OPTION_ARG_FILENAME, &list, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) document = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  gboolean ok = TRUE;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_help_enabled (context, FALSE);
  /* the file is the value of --list-partnerships, or the one left over */
  if (!g_option_context_parse_strv (context, &args, &error) ||
      (bank_out != NULL) + (folder_out != NULL) + (list != NULL) != 1 ||
      (files != NULL ? g_strv_length (files) : 0) != (list != NULL ? 0 : 1))
    {
      g_printerr ("%s\n%s\n%s\n", _("Usage: shnor --export-bank OUT.xlsx FILE"),
                  _("       shnor --export-bank-folder FOLDER FILE"), _("       shnor --list-partnerships FILE"));
      return 2;
    }
  if (list == NULL)
    shnor_fonts_prepare ();
  document = shnor_document_open (list != NULL ? list : files[0], &error);
  if (document == NULL)
    return shnor_cli_fail (error);
  if (bank_out != NULL)
    ok = shnor_export_bank_xlsx (document, -1, bank_out, &error);
  else if (folder_out != NULL)
    ok = shnor_export_bank_folder (document, -1, folder_out, &error);
  else
    {
      g_autoptr(GArray) partnerships = shnor_document_get_partnerships (document, 0);
      guint n_fields;
      const ShnorField *fields = shnor_partnership_fields (&n_fields);

      for (guint i = 0; i < partnerships->len; i++)
        {
          const ShnorPartnership *p = &g_array_index (partnerships, ShnorPartnership, i);
          g_autofree char *school = g_strdelimit (g_strdup (p->school_name), "\t\r\n", ' ');
          g_autofree char *partner = g_strdelimit (g_strdup (p->partner_name), "\t\r\n", ' ');

          g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%u\n", school, partner, shnor_partner_role_label (p->role),
                   shnor_partnership_status_label (p->status),
                   p->texts[shnor_fields_index (fields, n_fields, "start_date")],
                   p->texts[shnor_fields_index (fields, n_fields, "end_date")], p->n_events);
        }
    }
  if (!ok)
    return shnor_cli_fail (error);
  return 0;
}

/* shnor --overdue FILE [--date YYYY-MM-DD] */
static int
overdue_command (const char *path,
                 const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) document = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  GDate today;

  g_date_clear (&today, 1);
  if (date == NULL)
    g_date_set_time_t (&today, time (NULL));
  else if (!shnor_parse_date (date, &today))
    {
      g_printerr (_("“%s” is not a date (expected YYYY-MM-DD, for example 2026-09-01)\n"), date);
      return 1;
    }
  document = shnor_document_open (path, &error);
  if (document == NULL)
    return shnor_cli_fail (error);
  lines = shnor_document_list_overdue (document, &today);
  if (!shnor_document_check_reads (document, &error))
    return shnor_cli_fail (error);
  for (guint i = 0; i < lines->len; i++)
    g_print ("%s\n", (const char *) lines->pdata[i]);
  return 0;
}

/**
 * shnor_cli_handle_options:
 * @dict: the options of shnor_cli_options[] given, as GApplication parsed
 *   them
 *
 * Runs the command the options ask for.
 *
 * Returns: its exit status; -1 when they ask for no command (the window).
 */
int
shnor_cli_handle_options (GVariantDict *dict)
{
  g_autofree char *demo = NULL;
  g_autofree char *check = NULL;
  g_autofree char *classify = NULL;
  g_autofree char *programmes = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *date = NULL;
  g_autofree char *template = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (dict, "version"))
    {
      g_print ("shnor %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (dict, "demo", "^ay", &demo))
    {
#ifdef SHNOR_CLI_LIGHT
      /* the demo's practices hold documents drawn with Cairo */
      return SHNOR_CLI_IN_FULL;
#else
      if (!shnor_demo_network_write (demo, &error))
        return shnor_cli_fail (error);
      return 0;
#endif
    }
  if (g_variant_dict_lookup (dict, "import-template", "^ay", &template))
    {
      if (!shnor_import_write_template (template, &error))
        return shnor_cli_fail (error);
      return 0;
    }
  if (g_variant_dict_lookup (dict, "classify", "^ay", &classify))
    return classify_command (classify);
  if (g_variant_dict_lookup (dict, "list-programmes", "^ay", &programmes))
    return list_programmes_command (programmes);
  g_variant_dict_lookup (dict, "date", "s", &date);
  if (g_variant_dict_lookup (dict, "overdue", "^ay", &overdue))
    return overdue_command (overdue, date);
  if (date != NULL)
    {
      g_printerr ("%s\n", _("--date goes with --overdue"));
      return 2;
    }
  if (g_variant_dict_contains (dict, "programme"))
    {
      g_printerr ("%s\n", _("--programme goes with --export-xlsx, --export-roadmap or --export-order"));
      return 2;
    }
  if (g_variant_dict_contains (dict, "year"))
    {
      g_printerr ("%s\n", _("--year goes with --school-forms"));
      return 2;
    }
  if (g_variant_dict_lookup (dict, "check", "^ay", &check))
    {
      if (!shnor_document_check_file (check, &error))
        {
          g_print ("%s\n", error->message);
          return 1;
        }
      g_print ("ok\n");
      return 0;
    }
  return -1;
}

/**
 * shnor_cli_command:
 *
 * Runs the commands that take their own arguments (the exchange with
 * schools and the region, the import and the exports), which GApplication's
 * option handling would take for files to open.
 *
 * Returns: %TRUE with @exit_status set when @argv asked for one of them
 *   (a --region beside it is not looked at); %FALSE for the window or the
 *   other options.
 */
gboolean
shnor_cli_command (char **argv,
                   int   *exit_status)
{
  /* an empty name ("", --export-lists=) is never a file nor a value:
   * said before anything is read or written */
  for (guint i = 1; argv[i] != NULL; i++)
    if (argv[i][0] == '\0' || (g_str_has_prefix (argv[i], "--") && g_str_has_suffix (argv[i], "=")))
      {
        g_printerr ("%s\n", _("An argument is empty: a file name or a value is missing"));
        *exit_status = 2;
        return TRUE;
      }
  if (shnor_exchange_command_line (argv, exit_status))
    return TRUE;
  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--import-results") || g_str_has_prefix (argv[i], "--import-results="))
        {
          *exit_status = import_results_command (argv);
          return TRUE;
        }
      if (g_str_has_prefix (argv[i], "--export-xlsx") || g_str_has_prefix (argv[i], "--export-lists") ||
          g_str_has_prefix (argv[i], "--export-order") || g_str_has_prefix (argv[i], "--export-roadmap"))
        {
          *exit_status = export_command (argv);
          return TRUE;
        }
      if (g_str_has_prefix (argv[i], "--export-bank") || g_str_has_prefix (argv[i], "--list-partnerships"))
        {
          *exit_status = network_command (argv);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * shnor_cli_add_options:
 *
 * Adds every option of Shnor's command line to @app, for --help and for
 * shnor_cli_handle_options().
 */
void
shnor_cli_add_options (GApplication *app)
{
  g_application_add_main_option_entries (app, shnor_cli_options);
  g_application_add_main_option_entries (app, shnor_exchange_options);
  g_application_set_option_context_summary (app, _("Opens the municipality FILE, or the last file used."));
  g_application_set_option_context_parameter_string (app, _("[FILE]"));
}
