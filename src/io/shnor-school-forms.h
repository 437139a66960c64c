/* shnor-school-forms.h: the XLSX forms a department sends its schools for
 * a year (context data, risk-profile self-assessment, the execution of
 * their road-map measures, the indicators they report), and accepting
 * them back: every value checked by the rules of editing, what changes
 * shown before anything is written, each school's form one undo step. */
#pragma once

#include "shnor-document.h"

G_BEGIN_DECLS

/* The layout of the forms this version writes and reads */
#define SHNOR_FORM_VERSION 1

typedef enum {
  SHNOR_FORM_READY = 0,   /* can be accepted (maybe with no change) */
  SHNOR_FORM_PROBLEMS,    /* values or protected cells are wrong: nothing of it is accepted */
  SHNOR_FORM_ACCEPTED,    /* accepted before with these very values: skipped */
  SHNOR_FORM_REFUSED,     /* not a form of this file, outdated, unreadable */
  SHNOR_FORM_DONE,        /* accepted now */
} ShnorFormState;

/* Where in a form: @row 0 is the whole form, @column -1 the whole row */
typedef struct {
  char  *sheet;
  guint  row;        /* 1-based, as the spreadsheet numbers its rows */
  int    column;     /* 0-based: 0 is column A */
} ShnorFormPlace;

typedef struct {
  ShnorFormPlace place;
  char          *message;
} ShnorFormProblem;

typedef struct {
  ShnorFormPlace place;
  char          *what;      /* the value, as the form names it */
  char          *old_text;  /* "" when none */
  char          *new_text;
} ShnorFormChange;

typedef struct {
  char          *path;
  ShnorFormState state;
  char          *note;        /* why refused or skipped; NULL otherwise */
  gint64         school_id;   /* 0 when not known */
  char          *school;      /* the school's name, or the file's name */
  int            year;
  GPtrArray     *changes;     /* of ShnorFormChange */
  GPtrArray     *problems;    /* of ShnorFormProblem */
  /*< private >*/
  char          *form_uid;
  char          *issued;
  char          *digest;
  GPtrArray     *edits;
} ShnorForm;

typedef struct {
  GPtrArray *forms;           /* of ShnorForm, in the order of the paths */
  guint      n_accepted;      /* after shnor_form_batch_apply() */
} ShnorFormBatch;

GPtrArray      *shnor_school_forms_write    (ShnorDocument       *document,
                                             int                  year,
                                             const char          *folder,
                                             const gint64        *school_ids,
                                             guint                n_schools,
                                             GError             **error);
char           *shnor_form_place_describe   (const ShnorFormPlace *place);
char           *shnor_form_problem_to_string (const ShnorForm     *form,
                                             const ShnorFormProblem *problem);
ShnorFormBatch *shnor_form_batch_read       (ShnorDocument       *document,
                                             const char * const  *paths);
GPtrArray      *shnor_form_list_folder      (const char          *folder,
                                             GError             **error);
gboolean        shnor_form_batch_apply      (ShnorFormBatch      *batch,
                                             ShnorDocument       *document,
                                             GError             **error);
guint           shnor_form_batch_count      (const ShnorFormBatch *batch,
                                             ShnorFormState       state);
void            shnor_form_batch_free       (ShnorFormBatch      *batch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShnorFormBatch, shnor_form_batch_free)

G_END_DECLS
