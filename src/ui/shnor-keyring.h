/* shnor-keyring.h: the passwords of regional databases in the system
 * keyring (libsecret), never in a file */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      shnor_keyring_lookup        (const char          *uri,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
char     *shnor_keyring_lookup_finish (GAsyncResult        *result,
                                       GError             **error);
void      shnor_keyring_store         (const char          *uri,
                                       const char          *password,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  shnor_keyring_store_finish  (GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
