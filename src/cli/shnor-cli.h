/* shnor-cli.h: Shnor's commands, without GTK */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

extern const GOptionEntry shnor_cli_options[];

/* The exit status shnor_cli_command() and shnor_cli_handle_options() give
 * in `shnor` for a command it does not link, which writes PDF (Cairo,
 * Pango) or talks to PostgreSQL: the program shnor-full beside it runs
 * that command (see main.c). The other commands start without loading
 * those libraries and the forty they bring. */
#define SHNOR_CLI_IN_FULL (-2)

void     shnor_setup_locale       (void);
gboolean shnor_cli_command        (char         **argv,
                                   int           *exit_status);
int      shnor_cli_handle_options (GVariantDict  *dict);
void     shnor_cli_add_options    (GApplication  *app);
int      shnor_cli_fail           (const GError  *error);

G_END_DECLS
