/* shnor-field-entry.h: an entry for one value, committed on Enter or when
 * focus leaves, reverted by Escape, with its error shown beside it */
#pragma once

#include <gtk/gtk.h>
#include "shnor-field.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_FIELD_ENTRY (shnor_field_entry_get_type ())
G_DECLARE_FINAL_TYPE (ShnorFieldEntry, shnor_field_entry, SHNOR, FIELD_ENTRY, GtkWidget)

GtkWidget        *shnor_field_entry_new       (const ShnorField *field,
                                               gboolean          inline_error);
const ShnorField *shnor_field_entry_get_field (ShnorFieldEntry  *self);
GtkEntry         *shnor_field_entry_get_entry (ShnorFieldEntry  *self);
void              shnor_field_entry_set_min_height (ShnorFieldEntry *self,
                                               int               height);
GtkWidget        *shnor_field_entry_get_input (ShnorFieldEntry  *self);
const char       *shnor_field_entry_get_text  (ShnorFieldEntry  *self);
void              shnor_field_entry_set_text  (ShnorFieldEntry  *self,
                                               const char       *text);
void              shnor_field_entry_update    (ShnorFieldEntry  *self,
                                               const char       *text);
void              shnor_field_entry_accept    (ShnorFieldEntry  *self);
void              shnor_field_entry_set_error (ShnorFieldEntry  *self,
                                               const char       *message);
gboolean          shnor_field_entry_revert    (ShnorFieldEntry  *self);
void              shnor_field_entry_set_editable (ShnorFieldEntry *self,
                                               gboolean          editable);

G_END_DECLS
