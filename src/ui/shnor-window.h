/* shnor-window.h: the main window: welcome page or an open document */
#pragma once

#include <gtk/gtk.h>
#include "shnor-document.h"
#include "shnor-preflight.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_WINDOW (shnor_window_get_type ())
G_DECLARE_FINAL_TYPE (ShnorWindow, shnor_window, SHNOR, WINDOW, GtkApplicationWindow)

ShnorWindow   *shnor_window_new            (GtkApplication *application);
ShnorDocument *shnor_window_get_document   (ShnorWindow    *self);
void           shnor_window_set_document   (ShnorWindow    *self,
                                            ShnorDocument  *document);
void           shnor_window_show_error     (ShnorWindow    *self,
                                            const char     *primary,
                                            const char     *secondary);
void           shnor_window_set_recent     (ShnorWindow    *self,
                                            const char * const *paths);
GtkWidget     *shnor_window_get_child      (ShnorWindow    *self,
                                            const char     *name);
GtkWidget     *shnor_window_import_results (ShnorWindow    *self,
                                            const char     *path);
void           shnor_window_select_school  (ShnorWindow    *self,
                                            gint64          id);
gboolean       shnor_window_show_preflight_item (ShnorWindow *self,
                                            gint64          programme,
                                            const ShnorPreflightItem *item,
                                            GtkWindow      *over);

G_END_DECLS
