/* shnor-application.h */
#pragma once

#include <adwaita.h>
#include "shnor-cli.h"
#include "shnor-window.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_APPLICATION (shnor_application_get_type ())
G_DECLARE_FINAL_TYPE (ShnorApplication, shnor_application, SHNOR, APPLICATION, AdwApplication)

ShnorApplication *shnor_application_new              (void);
gboolean          shnor_application_open_file        (ShnorApplication *self,
                                                      GFile            *file,
                                                      ShnorWindow      *preferred);
GSettings        *shnor_application_get_settings     (ShnorApplication *self);
GSettings        *shnor_settings_new_optional        (const char       *schema_id,
                                                      const char * const *extra_dirs);
void              shnor_setup_renderer               (void);
GAppLaunchContext *shnor_application_launch_context  (GdkDisplay       *display);

G_END_DECLS
