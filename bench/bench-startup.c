/* bench-startup.c: the real application opening a file, as `shnor FILE`
 * does, timed from the start of the process: until its window is mapped,
 * and until the main loop has been idle for QUIET_MS (the lists and badges
 * filled in). Prints "MAPPED FILLED LONGEST PAINTED" in seconds, LONGEST
 * being the longest time the main loop was busy at once after the window
 * was mapped (input waits that long), PAINTED the end of the window's
 * first frame (what the user first sees). With --empty, a plain
 * GTK window instead: the toolkit's own floor, the baseline.
 *
 * With --welcome, Shnor's own window without a file (its welcome page).
 *
 * Usage: bench-startup FILE | --welcome | --empty   (needs a display)
 * The start of the process is SHNOR_BENCH_T0 (g_get_monotonic_time() of
 * the parent before it forked), or main() when it is not set. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <gtk/gtk.h>

#include "shnor-application.h"

#define QUIET_MS 150

static double t0, t_mapped, t_painted, t_busy, cpu_last_tick, t_last_tick, longest;

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* The processor time of this thread: what the main loop spent, whatever
 * else the machine runs meanwhile. */
static double
thread_cpu (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Runs whenever nothing of higher priority is ready: processor time spent
 * between two runs means something else ran. */
static gboolean
watch_idle (gpointer app)
{
  double t = now (), cpu = thread_cpu ();

  if (cpu - cpu_last_tick > 0.001)
    {
      t_busy = t;
      longest = MAX (longest, t - t_last_tick);
    }
  cpu_last_tick = thread_cpu ();
  t_last_tick = now ();
  if (t - t_busy < QUIET_MS / 1000.0)
    return G_SOURCE_CONTINUE;
  printf ("%.3f %.3f %.3f %.3f\n", t_mapped - t0, t_busy - t0, longest, t_painted - t0);
  fflush (stdout);
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
after_paint (GdkFrameClock *clock,
             gpointer       data)
{
  if (t_painted == 0)
    t_painted = now ();
  if (g_getenv ("SHNOR_BENCH_FRAMES"))
    g_printerr ("frame %.3f\n", now () - t0);
}

static void
mapped (GtkWidget *window,
        gpointer   app)
{
  if (gtk_widget_get_frame_clock (window))
    g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint), NULL);
  if (t_mapped > 0)
    return;
  t_mapped = t_busy = t_last_tick = now ();
  cpu_last_tick = thread_cpu ();
  g_idle_add_full (G_PRIORITY_LOW, watch_idle, app, NULL);
}

static void
window_added (GtkApplication *app,
              GtkWindow      *window)
{
  g_signal_connect_after (window, "map", G_CALLBACK (mapped), app);
}

static void
empty_activate (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1190, 740);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *start = g_getenv ("SHNOR_BENCH_T0");
  g_autoptr(GtkApplication) app = NULL;
  char *args[] = { argv[0], argc > 1 ? argv[1] : NULL, NULL };

  t0 = start != NULL ? g_ascii_strtoll (start, NULL, 10) / 1e6 : now ();
  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-startup FILE | --welcome | --empty\n");
      return 2;
    }
  if (g_str_equal (argv[1], "--empty"))
    {
      app = gtk_application_new ("com.example.ShnorBench", G_APPLICATION_NON_UNIQUE);
      g_signal_connect (app, "activate", G_CALLBACK (empty_activate), NULL);
      args[1] = NULL;
    }
  else
    {
      shnor_setup_locale ();
      shnor_setup_renderer ();
      app = GTK_APPLICATION (shnor_application_new ());
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
      if (g_str_equal (argv[1], "--welcome"))
        args[1] = NULL;
    }
  g_signal_connect (app, "window-added", G_CALLBACK (window_added), NULL);
  return g_application_run (G_APPLICATION (app), args[1] ? 2 : 1, args);
}
