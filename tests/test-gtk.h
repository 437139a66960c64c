/* test-gtk.h: what the tests of windows share */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       spin          (guint       ms);
void       screenshot    (GtkWidget  *widget,
                          const char *name);
gboolean   shows_text    (GtkWidget  *widget,
                          const char *text);
GtkWindow *find_toplevel (GType       type);

G_END_DECLS
