/* shnor-region-window.h: the read-only regional view of a PostgreSQL
 * database that municipalities publish into */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SHNOR_TYPE_REGION_WINDOW (shnor_region_window_get_type ())
G_DECLARE_FINAL_TYPE (ShnorRegionWindow, shnor_region_window, SHNOR, REGION_WINDOW, GtkApplicationWindow)

ShnorRegionWindow *shnor_region_window_open    (GtkApplication    *application,
                                                const char        *uri,
                                                const char        *password);
void               shnor_region_window_connect (ShnorRegionWindow *self,
                                                const char        *password);
gboolean           shnor_region_window_is_loaded (ShnorRegionWindow *self);
gboolean           shnor_region_window_select  (ShnorRegionWindow *self,
                                                const char        *oktmo);
gboolean           shnor_region_window_export  (ShnorRegionWindow *self,
                                                const char        *path,
                                                GError           **error);

G_END_DECLS
