/* shnor-file-chooser.h: asking the user for a file, the same way everywhere */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  SHNOR_FILES_SHNOR,    /* municipality files, and all files */
  SHNOR_FILES_TABLES,   /* CSV and XLSX */
  SHNOR_FILES_CHARTS,   /* PNG, SVG and PDF */
  SHNOR_FILES_ANY,      /* no filter */
} ShnorFileKind;

/* @path is NULL for a file that is not on a local or mounted disk. */
typedef void (*ShnorFileChosen) (GObject    *owner,
                                 GtkWindow  *parent,
                                 GFile      *file,
                                 const char *path);

void shnor_choose_file (GtkWindow            *parent,
                        const char           *title,
                        GtkFileChooserAction  action,
                        const char           *accept_label,
                        const char           *suggested_name,
                        ShnorFileKind         kind,
                        ShnorFileChosen       chosen,
                        GObject              *owner);

G_END_DECLS
