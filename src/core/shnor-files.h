/* shnor-files.h: writing a file so that a failure never leaves half of it */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *shnor_part_path    (const char  *path);
gboolean  shnor_commit_part  (const char  *part,
                              const char  *path,
                              GError     **error);

gboolean  shnor_check_not_database (const char  *path,
                                    GError     **error);

G_END_DECLS
