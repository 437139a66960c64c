/* test-exchange-ui.c: the exchange's windows under Xvfb — the forms
 * dialog writing forms, the preview of accepting them back (one filled by
 * openpyxl with changes, one with a problem), the publish dialog against
 * a real PostgreSQL server (test-pg.c), a refused password, and the
 * regional view with its drill-down and its summary workbook. Screenshots
 * go to the build folder, tests/screenshots/. */
#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "shnor-accept-dialog.h"
#include "shnor-application.h"
#include "shnor-demo.h"
#include "shnor-forms-dialog.h"
#include "shnor-publish-dialog.h"
#include "shnor-region.h"
#include "shnor-region-window.h"
#include "shnor-school-forms.h"
#include "shnor-table.h"
#include "shnor-window.h"
#include "test-gtk.h"
#include "test-pg.h"
#include "test-util.h"

static ShnorApplication *app;
static ShnorWindow *window;
static char *dir;
static TestPg *pg;
static char *pg_why;
static char *forms_dir;

/* The interface's text of @msgid up to its first “%”: the tests run in
 * English and in Russian */
static char *
tr_prefix (const char *msgid)
{
  const char *text = g_dgettext ("shnor", msgid);
  const char *cut = strchr (text, '%');

  return cut ? g_strndup (text, (gsize) (cut - text)) : g_strdup (text);
}

static GtkWindow *
open_dialog (const char *action,
             GType       type)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  spin (200);
  dialog = find_toplevel (type);
  g_assert_nonnull (dialog);
  return dialog;
}

static ShnorDocument *
document (void)
{
  return shnor_window_get_document (window);
}

/* The forms dialog: every school checked, the year, then the folder */
static void
test_forms_dialog (void)
{
  GtkWindow *dialog = open_dialog ("win.school-forms", SHNOR_TYPE_FORMS_DIALOG);
  g_autoptr(GPtrArray) written = NULL;

  screenshot (GTK_WIDGET (dialog), "40-forms-dialog.png");
  forms_dir = g_build_filename (dir, "Формы", NULL);
  g_mkdir (forms_dir, 0755);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                              SHNOR_TYPE_FORMS_DIALOG, "year_spin")),
                             2026);
  g_assert_true (shnor_forms_dialog_write_to (SHNOR_FORMS_DIALOG (dialog), forms_dir));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "12"));
  screenshot (GTK_WIDGET (dialog), "41-forms-written.png");
  written = shnor_form_list_folder (forms_dir, NULL);
  g_assert_cmpuint (written->len, ==, 12);
  gtk_window_destroy (dialog);
}

/* A school on Excel, as openpyxl writes: changes, and a text in a number */
static gboolean
fill_forms (void)
{
  const char *script =
    "import glob, sys, openpyxl\n"
    "d = sys.argv[1]\n"
    "b = openpyxl.load_workbook(glob.glob(d + '/0311 *.xlsx')[0])\n"
    "b['Контекст']['C6'] = 60\n"
    "b['Контекст']['C8'] = 12.5\n"
    "b['Риски']['C6'] = 'высокий'\n"
    "b['Риски']['D6'] = 'Нет учителя физики'\n"
    "b['Дорожная карта']['H6'] = 'Приказ № 17 от 15.10.2026'\n"
    "b.save(glob.glob(d + '/0311 *.xlsx')[0])\n"
    "b = openpyxl.load_workbook(glob.glob(d + '/0302 *.xlsx')[0])\n"
    "b['Контекст']['C7'] = 'много'\n"
    "b.save(glob.glob(d + '/0302 *.xlsx')[0])\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, forms_dir, NULL };
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE) ||
      !g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, &err, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_test_message ("openpyxl: %s", err ? err : "");
      return FALSE;
    }
  return TRUE;
}

/* The preview: per school what changes and every problem; accepting is
 * one undo step per school */
static void
test_accept_dialog (void)
{
  GtkWindow *dialog;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GArray) context = NULL;

  if (forms_dir == NULL || !fill_forms ())
    {
      g_test_skip ("no forms, or no python3-openpyxl to fill them");
      return;
    }
  dialog = open_dialog ("win.accept-forms", SHNOR_TYPE_ACCEPT_DIALOG);
  screenshot (GTK_WIDGET (dialog), "42-accept-empty.png");
  paths = shnor_form_list_folder (forms_dir, NULL);
  g_ptr_array_add (paths, NULL);
  shnor_accept_dialog_add_paths (SHNOR_ACCEPT_DIALOG (dialog), (const char * const *) paths->pdata);
  spin (200);
  g_autofree char *place = g_strdup_printf (g_dgettext ("shnor", "sheet “%s”, row %u, column %s"), "Контекст", 7u,
                                             "C");

  g_assert_true (shows_text (GTK_WIDGET (dialog), "57,3 → 12,5"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "«много»") || shows_text (GTK_WIDGET (dialog), "“много”"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), place));
  screenshot (GTK_WIDGET (dialog), "43-accept-preview.png");
  g_assert_true (shnor_accept_dialog_apply (SHNOR_ACCEPT_DIALOG (dialog)));
  spin (200);
  screenshot (GTK_WIDGET (dialog), "44-accepted.png");
  context = shnor_document_get_context (document (), 11);
  for (guint i = 0; i < context->len; i++)
    if (g_array_index (context, ShnorContextRow, i).year == 2026)
      {
        g_assert_cmpfloat (g_array_index (context, ShnorContextRow, i).value[0], ==, 60);
        g_assert_cmpfloat (g_array_index (context, ShnorContextRow, i).value[2], ==, 12.5);
      }
  {
    g_autofree char *label = tr_prefix ("Accept the form of %s");

    g_assert_true (g_str_has_prefix (shnor_document_get_undo_label (document ()), label));
  }
  gtk_window_destroy (dialog);
}

static gboolean
wait_publish (ShnorPublishDialog *dialog)
{
  for (int i = 0; i < 300; i++)
    {
      spin (100);
      if (!shnor_publish_dialog_is_busy (dialog))
        return TRUE;
    }
  return FALSE;
}

/* Publishing from the dialog, a wrong password refused, then the
 * regional view of the database */
static void
test_publish_and_region (void)
{
  GtkWindow *dialog;
  g_autofree char *uri = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) other = NULL;
  g_autofree char *other_path = g_build_filename (dir, "Соседний округ.shnor", NULL);
  ShnorRegionWindow *region;
  g_autoptr(ShnorTable) sheet = NULL;
  g_autofree char *refused = tr_prefix ("The regional database did not accept the user name or the password: %s");

  if (pg == NULL)
    {
      g_test_skip (pg_why);
      return;
    }
  uri = test_pg_create_db (pg, "region_ui");

  /* without an ОКТМО code there is nothing to key the municipality by */
  dialog = open_dialog ("win.publish", SHNOR_TYPE_PUBLISH_DIALOG);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "ОКТМО"));
  screenshot (GTK_WIDGET (dialog), "45-publish-no-oktmo.png");
  gtk_window_destroy (dialog);
  g_assert_true (shnor_document_set_setting (document (), "oktmo", "46701000", &error));

  dialog = open_dialog ("win.publish", SHNOR_TYPE_PUBLISH_DIALOG);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_template_child (
                                 GTK_WIDGET (dialog), SHNOR_TYPE_PUBLISH_DIALOG, "remember_check")), FALSE);
  shnor_publish_dialog_set_uri (SHNOR_PUBLISH_DIALOG (dialog), uri, "wrong");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "publish.go", NULL));
  g_assert_true (wait_publish (SHNOR_PUBLISH_DIALOG (dialog)));
  g_assert_true (shows_text (GTK_WIDGET (dialog), refused));
  screenshot (GTK_WIDGET (dialog), "46-publish-refused.png");

  shnor_publish_dialog_set_uri (SHNOR_PUBLISH_DIALOG (dialog), uri, test_pg_password (pg));
  screenshot (GTK_WIDGET (dialog), "47-publish-dialog.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "publish.go", NULL));
  g_assert_true (wait_publish (SHNOR_PUBLISH_DIALOG (dialog)));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "46701000"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "12"));
  screenshot (GTK_WIDGET (dialog), "48-published.png");
  gtk_window_destroy (dialog);

  /* a neighbour, so that the region has two */
  g_assert_true (shnor_demo_write (other_path, &error));
  other = shnor_document_open (other_path, &error);
  g_assert_no_error (error);
  g_assert_true (shnor_document_set_setting (other, "oktmo", "46702000", &error) &&
                 shnor_document_set_setting (other, "municipality", "Соседний муниципальный округ", &error));
  g_assert_true (shnor_region_publish (uri, test_pg_password (pg), other, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  region = shnor_region_window_open (GTK_APPLICATION (app), uri, test_pg_password (pg));
  gtk_window_set_default_size (GTK_WINDOW (region), 1180, 720);
  for (int i = 0; i < 300 && !shnor_region_window_is_loaded (region); i++)
    spin (100);
  g_assert_true (shnor_region_window_is_loaded (region));
  g_assert_true (shows_text (GTK_WIDGET (region), "Соседний муниципальный округ"));
  screenshot (GTK_WIDGET (region), "49-region.png");
  g_assert_true (shnor_region_window_select (region, "46701000"));
  spin (200);
  g_assert_true (shows_text (GTK_WIDGET (region), "ООШ с. Верхняя Тура"));
  screenshot (GTK_WIDGET (region), "50-region-lists.png");
  summary = g_build_filename (dir, "Сводка.xlsx", NULL);
  g_assert_true (shnor_region_window_export (region, summary, &error));
  g_assert_no_error (error);
  sheet = shnor_xlsx_read_sheet (summary, "Сводка", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->rows->len, ==, 4);
  gtk_window_destroy (GTK_WINDOW (region));

  /* a wrong password from the command line's --region: the window asks */
  region = shnor_region_window_open (GTK_APPLICATION (app), uri, "wrong");
  for (int i = 0; i < 100 && !shows_text (GTK_WIDGET (region), refused); i++)
    spin (100);
  g_assert_true (shows_text (GTK_WIDGET (region), refused));
  screenshot (GTK_WIDGET (region), "51-region-password.png");
  gtk_window_destroy (GTK_WINDOW (region));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *demo_path = NULL;
  int status;

  shnor_setup_locale ();
  shnor_setup_renderer ();
  /* no keyring in a test: libsecret answers at once that there is none
   * (set before GTK starts its threads: Pango's reads the environment
   * while it loads the fonts, and a change meanwhile can crash it) */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      if (g_getenv ("SHNOR_REQUIRE_DISPLAY") != NULL)
        g_error ("No display, but SHNOR_REQUIRE_DISPLAY is set: run under xvfb-run");
      g_test_skip ("no display");
      return g_test_run ();
    }
  dir = test_tmpdir ();
  demo_path = g_build_filename (dir, "Демо округ.shnor", NULL);
  g_assert_true (shnor_demo_write (demo_path, &error));
  pg = test_pg_start (&pg_why);
  if (pg == NULL && !g_str_has_prefix (pg_why, "the PostgreSQL server binaries"))
    g_error ("could not start PostgreSQL: %s", pg_why);

  app = shnor_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = shnor_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 740);
  gtk_window_present (GTK_WINDOW (window));
  file = g_file_new_for_path (demo_path);
  g_assert_true (shnor_application_open_file (app, file, window));
  spin (300);

  g_test_add_func ("/exchange-ui/forms-dialog", test_forms_dialog);
  g_test_add_func ("/exchange-ui/accept-dialog", test_accept_dialog);
  g_test_add_func ("/exchange-ui/publish-and-region", test_publish_and_region);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  test_pg_stop (pg);
  test_rm_rf (dir);
  g_free (forms_dir);
  g_free (pg_why);
  return status;
}
