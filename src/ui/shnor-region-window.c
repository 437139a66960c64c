/* shnor-region-window.c */
#define G_LOG_DOMAIN "shnor-region-window"

#include "config.h"
#include <glib/gi18n.h>

#include "shnor-region-window.h"

struct _ShnorRegionWindow
{
  GtkApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (ShnorRegionWindow, shnor_region_window, GTK_TYPE_APPLICATION_WINDOW)

static void
shnor_region_window_class_init (ShnorRegionWindowClass *klass)
{
}

static void
shnor_region_window_init (ShnorRegionWindow *self)
{
}

ShnorRegionWindow *
shnor_region_window_open (GtkApplication *application,
                          const char     *uri)
{
  ShnorRegionWindow *self = g_object_new (SHNOR_TYPE_REGION_WINDOW, "application", application, NULL);

  gtk_window_present (GTK_WINDOW (self));
  return self;
}
