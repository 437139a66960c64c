/* shnor-exchange-cli.h: the command-line options of the exchange with
 * schools and the region */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

extern const GOptionEntry shnor_exchange_options[];

gboolean shnor_exchange_command_line (char **argv,
                                      int   *exit_status);
char    *shnor_exchange_take_region  (char **argv);

G_END_DECLS
