/* shnor-keyring.c: a regional database's password is kept by the
 * system's Secret Service (GNOME Keyring, KWallet…), found again by the
 * server, port, database and user it is for. */
#define G_LOG_DOMAIN "shnor-keyring"

#include "config.h"
#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "shnor-keyring.h"
#include "shnor-region.h"

static const SecretSchema *
schema (void)
{
  static const SecretSchema region_schema = {
    APP_ID ".Region", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &region_schema;
}

/* The attributes the password of @uri is kept by; NULL, @task returned
 * with the error, when @uri cannot be read */
static GHashTable *
attributes_of (const char  *uri,
               GTask       *task)
{
  GError *error = NULL;
  g_autofree char *host = NULL;
  g_autofree char *port = NULL;
  g_autofree char *database = NULL;
  g_autofree char *user = NULL;
  GHashTable *attributes;

  if (!shnor_region_parse_uri (uri, &host, &port, &database, &user, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return NULL;
    }
  attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (attributes, "host", g_steal_pointer (&host));
  g_hash_table_insert (attributes, "port", g_steal_pointer (&port));
  g_hash_table_insert (attributes, "database", g_steal_pointer (&database));
  g_hash_table_insert (attributes, "user", g_steal_pointer (&user));
  return attributes;
}

static void
looked_up (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    {
      char *copy = g_strdup (password);

      secret_password_free (password);
      g_task_return_pointer (task, copy, g_free);
    }
}

/* Finds the password kept for @uri's server, database and user; %NULL
 * (no error) when none is kept. */
void
shnor_keyring_lookup (const char          *uri,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = attributes_of (uri, task);

  if (attributes == NULL)
    return;
  secret_password_lookupv (schema (), attributes, cancellable, looked_up, task);
}

char *
shnor_keyring_lookup_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
stored (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
shnor_keyring_store (const char          *uri,
                     const char          *password,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GHashTable) attributes = attributes_of (uri, task);
  g_autofree char *label = NULL;
  g_autofree char *where = NULL;

  if (attributes == NULL)
    return;
  where = shnor_region_describe_uri (uri);
  label = g_strdup_printf (_("Shnor: regional database %s"), where);
  secret_password_storev (schema (), attributes, SECRET_COLLECTION_DEFAULT, label, password, cancellable, stored,
                          task);
}

gboolean
shnor_keyring_store_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
