/* main-window.c: shnor-gui, the window (started by `shnor`, see main.c);
 * everything else is in src/ui and below */
#include "config.h"
#include "shnor-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ShnorApplication) app = NULL;

  shnor_setup_locale ();
  shnor_setup_renderer ();
  app = shnor_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
