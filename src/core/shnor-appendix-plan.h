/* shnor-appendix-plan.h: what the appendices of a document are — their
 * numbers, titles, and every table and paragraph in them, as data. The
 * order's PDF (shnor-order.c) and the workbook (shnor-xlsx-export.c) both
 * render one plan, so that «Приложение № 2» is the same thing in both.
 *
 * A plan is a list of appendices; an appendix, a list of tables; a table,
 * a title, paragraphs before it, its columns and its rows. A table with
 * no column is paragraphs only. A section row (bold, spanning the table)
 * sets a group of rows apart. Document text is Russian by construction:
 * nothing here goes through the interface's translations. */
#pragma once

#include "shnor-document.h"
#include "shnor-russian.h"

G_BEGIN_DECLS

/* A spreadsheet row is at most 409 pt high, about 27 lines of text: a
 * longer cell goes on over the rows below, paragraph by paragraph */
#define SHNOR_DOC_MAX_LINES_PER_ROW 22
/* The width of a page of paragraphs, in a spreadsheet's characters (the
 * digits of the workbook's face, 11 pt): what the narrowest printed page
 * holds, A4 upright with the left margin of 30 mm and the right of 10 mm
 * (482 pt; LibreOffice counts 5.5 pt a character of Times New Roman and
 * its equivalents, Excel 5.25 and 4 for the cell's padding) */
#define SHNOR_DOC_PARAGRAPH_WIDTH 86

typedef enum {
  SHNOR_DOC_TEXT = 0,
  SHNOR_DOC_INTEGER,   /* a year, a count, a number in a list */
  SHNOR_DOC_NUMBER,    /* a value with the decimals it needs */
  SHNOR_DOC_MONEY,     /* thousand roubles: one decimal, thousands apart */
  SHNOR_DOC_DATE,      /* a day */
} ShnorDocKind;

typedef struct {
  ShnorDocKind  kind;
  char         *text;      /* as the document prints it: «12,5», «15.01.2025» */
  double        value;     /* INTEGER, NUMBER, MONEY */
  int           decimals;  /* NUMBER: the decimals @text shows */
  char         *iso;       /* DATE: YYYY-MM-DD */
} ShnorDocCell;

typedef enum {
  SHNOR_DOC_ROW_BODY = 0,
  SHNOR_DOC_ROW_SECTION,   /* its last cell spans the rest of the table; bold */
  SHNOR_DOC_ROW_TOTAL,     /* a total: bold */
} ShnorDocRowKind;

typedef struct {
  ShnorDocRowKind  kind;
  gboolean         continued;  /* the next paragraph of the row above: its
                                  other cells are empty, the row is the same */
  GPtrArray       *cells;      /* of ShnorDocCell */
} ShnorDocRow;

typedef struct {
  char         *head;
  double        width;     /* in characters, as a spreadsheet's column */
  ShnorDocKind  kind;
  gboolean      optional;  /* left out when no row has a value in it */
} ShnorDocColumn;

typedef struct {
  char      *title;        /* above the table, centred; NULL: none */
  char      *sheet;        /* the workbook's sheet: tables of one appendix
                              with the same sheet share it */
  GPtrArray *intro;        /* paragraphs before the table (char *) */
  GArray    *columns;      /* of ShnorDocColumn */
  gboolean   header;       /* the heads as a header row (repeated on every page) */
  gboolean   landscape;
  gboolean   chart;        /* a line chart of each row over its numeric columns */
  GPtrArray *rows;         /* of ShnorDocRow */
} ShnorDocTable;

typedef enum {
  SHNOR_APPENDIX_PROGRAMME = 0,
  SHNOR_APPENDIX_ROADMAP,
  SHNOR_APPENDIX_SCHOOLS,
  SHNOR_APPENDIX_LIST,     /* a list of identified schools */
  SHNOR_APPENDIX_NETWORK,  /* the network pairs of a programme (shnor-appendix-network.c) */
} ShnorAppendixKind;

typedef struct {
  ShnorAppendixKind  kind;
  int                number;    /* «Приложение № N»; 0 when the only one */
  char              *title;
  char              *approves;  /* what the order approves, in the accusative */
  GPtrArray         *tables;    /* of ShnorDocTable */
} ShnorAppendix;

typedef struct {
  char      *order;        /* «приказу Управления образования …» */
  char      *date;         /* ДД.ММ.ГГГГ, or NULL: not signed yet */
  char      *number;       /* or NULL */
  gboolean   draft;
  GPtrArray *appendices;   /* of ShnorAppendix */
} ShnorAppendixPlan;

/* ---- building (for the plans below and those that extend them) ---- */

ShnorDocTable *shnor_doc_table_new            (const char     *title,
                                               const char     *sheet);
void           shnor_doc_table_add_intro      (ShnorDocTable  *table,
                                               const char     *paragraph);
void           shnor_doc_table_add_column     (ShnorDocTable  *table,
                                               const char     *head,
                                               double          width,
                                               ShnorDocKind    kind,
                                               gboolean        optional);
ShnorDocRow   *shnor_doc_table_add_row        (ShnorDocTable  *table);
void           shnor_doc_table_add_section    (ShnorDocTable  *table,
                                               const char     *number,
                                               const char     *text);
void           shnor_doc_table_finish         (ShnorDocTable  *table);
void           shnor_doc_table_free           (ShnorDocTable  *table);
void           shnor_doc_row_add_text         (ShnorDocRow    *row,
                                               const char     *text);
void           shnor_doc_row_add_integer      (ShnorDocRow    *row,
                                               gint64          value);
void           shnor_doc_row_add_number       (ShnorDocRow    *row,
                                               double          value,
                                               int             max_decimals);
void           shnor_doc_row_add_fixed        (ShnorDocRow    *row,
                                               double          value,
                                               int             decimals);
void           shnor_doc_row_add_money        (ShnorDocRow    *row,
                                               double          value);
void           shnor_doc_row_add_date         (ShnorDocRow    *row,
                                               const char     *iso);
void           shnor_doc_row_add_empty        (ShnorDocRow    *row);
gboolean       shnor_doc_table_is_empty       (ShnorDocTable  *table);
int            shnor_doc_estimate_lines       (const char     *text,
                                               double          width);
double         shnor_doc_width_of_words       (const char     *text);

ShnorAppendix *shnor_appendix_new             (ShnorAppendixKind kind,
                                               const char     *title,
                                               const char     *approves);
void           shnor_appendix_add_table       (ShnorAppendix  *appendix,
                                               ShnorDocTable  *table);
void           shnor_appendix_free            (ShnorAppendix  *appendix);

/* ---- the plans ---- */

ShnorAppendixPlan *shnor_appendix_plan_new_programme (ShnorDocument *document,
                                                      gint64         id,
                                                      GError       **error);
ShnorAppendixPlan *shnor_appendix_plan_new_lists     (ShnorDocument *document);
void               shnor_appendix_plan_free          (ShnorAppendixPlan *plan);
void               shnor_appendix_plan_add           (ShnorAppendixPlan *plan,
                                                      ShnorAppendix     *appendix);
ShnorAppendix     *shnor_appendix_plan_find          (ShnorAppendixPlan *plan,
                                                      ShnorAppendixKind  kind);
char              *shnor_appendix_plan_dup_mark      (ShnorAppendixPlan *plan,
                                                      ShnorAppendix     *appendix);
gboolean           shnor_appendix_plan_places_field  (const char        *column);

/* ---- document wording the order shares ---- */

char              *shnor_document_dup_setting_form       (ShnorDocument *document,
                                                          const char    *key);
char              *shnor_doc_format_number               (double         value,
                                                          int            max_decimals);
char              *shnor_doc_title_case                  (const char    *title,
                                                          ShnorCase      grammatical_case);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShnorAppendixPlan, shnor_appendix_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShnorDocTable, shnor_doc_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShnorAppendix, shnor_appendix_free)

G_END_DECLS
