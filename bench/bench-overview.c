/* bench-overview.c: the municipal overview of a region's file in a real
 * window: showing it, its small multiples, and another assessment.
 *
 * Usage: bench-overview FILE   (a region's file, as bench-region leaves it
 * in its folder: region.shnor). Needs a display (xvfb-run -a). Each figure
 * runs until the main loop is idle, less the 20 ms it waits to see that. */
#include <stdio.h>
#include <gtk/gtk.h>

#include "shnor-overview-view.h"

#define IDLE_MS 20

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* Runs the main loop until nothing happened for IDLE_MS; returns the
 * seconds until the last thing happened. */
static double
settle (double since)
{
  double last = now ();

  while (now () - last < IDLE_MS / 1000.0)
    if (g_main_context_iteration (NULL, FALSE))
      last = now ();
    else
      g_usleep (500);
  return last - since;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShnorDocument) doc = NULL;
  GtkWidget *window, *view;
  double t0, shown, charts, other;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-overview FILE\n");
      return 2;
    }
  gtk_init ();
  doc = shnor_document_open (argv[1], &error);
  if (doc == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  view = shnor_overview_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  settle (now ());

  t0 = now ();
  shnor_overview_view_set_document (SHNOR_OVERVIEW_VIEW (view), doc);
  shown = settle (t0);
  t0 = now ();
  shnor_overview_view_show_page (SHNOR_OVERVIEW_VIEW (view), "charts");
  charts = settle (t0);
  t0 = now ();
  shnor_overview_view_select (SHNOR_OVERVIEW_VIEW (view), "ЕГЭ", "Математика", 11);
  other = settle (t0);
  printf ("overview of %u schools: shown in %.2f s, its small multiples in %.2f s, "
          "another assessment with them in %.2f s\n",
          g_list_model_get_n_items (shnor_overview_view_get_rows (SHNOR_OVERVIEW_VIEW (view))), shown, charts, other);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
