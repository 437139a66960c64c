/* test-util.h: what the tests share */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *test_tmpdir           (void);
char     *test_file_checksum    (const char *path);
void      test_write_file       (const char *path,
                                 const char *contents,
                                 gssize      length);
gboolean  test_make_read_only   (const char *path);
void      test_make_writable    (const char *path);
void      test_rm_rf            (const char *path);

G_END_DECLS
