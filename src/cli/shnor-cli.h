/* shnor-cli.h: Shnor's commands, without GTK */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

extern const GOptionEntry shnor_cli_options[];

void     shnor_setup_locale       (void);
gboolean shnor_cli_command        (char         **argv,
                                   int           *exit_status);
int      shnor_cli_handle_options (GVariantDict  *dict);
void     shnor_cli_add_options    (GApplication  *app);
int      shnor_cli_fail           (const GError  *error);

G_END_DECLS
