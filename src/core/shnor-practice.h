/* shnor-practice.h: a practice of the bank of best practices as its list
 * shows it (the card itself is read with shnor_document_get_practice) */
#pragma once

#include <glib-object.h>
#include "shnor-network.h"

G_BEGIN_DECLS

#define SHNOR_TYPE_PRACTICE (shnor_practice_get_type ())
G_DECLARE_FINAL_TYPE (ShnorPractice, shnor_practice, SHNOR, PRACTICE, GObject)

ShnorPractice      *shnor_practice_new          (gint64               id,
                                                 const char          *title,
                                                 const char          *school,
                                                 const char          *authors,
                                                 const char          *subjects,
                                                 const char          *direction,
                                                 ShnorPracticeStatus  status,
                                                 guint                n_files);
gint64              shnor_practice_get_id       (ShnorPractice *self);
const char         *shnor_practice_get_title    (ShnorPractice *self);
const char         *shnor_practice_get_school   (ShnorPractice *self);
const char         *shnor_practice_get_authors  (ShnorPractice *self);
const char         *shnor_practice_get_subjects (ShnorPractice *self);
const char         *shnor_practice_get_direction (ShnorPractice *self);
ShnorPracticeStatus shnor_practice_get_status   (ShnorPractice *self);
guint               shnor_practice_get_n_files  (ShnorPractice *self);

G_END_DECLS
