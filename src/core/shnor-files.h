/* shnor-files.h: writing a file so that a failure never leaves half of it */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SHNOR_TARGET_EXPORT,    /* a workbook, a PDF, an image: never a .shnor name */
  SHNOR_TARGET_DOCUMENT,  /* a copy of a document */
} ShnorTarget;

gboolean  shnor_is_regular_file (const char *path);
gboolean  shnor_is_database  (const char  *path);
gboolean  shnor_check_folder (const char  *path,
                              GError     **error);
gboolean  shnor_check_target (const char  *path,
                              ShnorTarget  kind,
                              GError     **error);
char     *shnor_part_path    (const char  *path);
gboolean  shnor_commit_part  (const char  *part,
                              const char  *path,
                              GError     **error);

gboolean  shnor_check_not_database (const char  *path,
                                    GError     **error);

G_END_DECLS
