/* test-pg.h: a real PostgreSQL server for the tests — initdb into a
 * temporary folder, listening on 127.0.0.1 on a free port with password
 * authentication, stopped and removed at the end */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TestPg TestPg;

TestPg     *test_pg_start        (char      **why_not);
void        test_pg_stop         (TestPg     *pg);
const char *test_pg_uri          (TestPg     *pg);
char       *test_pg_create_db    (TestPg     *pg,
                                  const char *name);
int         test_pg_port         (TestPg     *pg);
const char *test_pg_password     (TestPg     *pg);
void        test_pg_kill         (TestPg     *pg);
void        test_pg_restart      (TestPg     *pg);

G_END_DECLS
