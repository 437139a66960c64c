/* shnor-network.c: the labels, fields and file rules of the network of
 * support; see shnor-network.h */
#define G_LOG_DOMAIN "shnor-network"

#include "config.h"
#include <string.h>
#include <glib/gi18n-lib.h>

#include "shnor-error.h"
#include "shnor-network.h"

static const char * const organisation_kinds[SHNOR_N_ORGANISATION_KINDS] = {
  N_("University"), N_("College (vocational education)"), N_("Psychological support centre (PPMS)"),
  N_("Institute of education development (IRO, IPK)"), N_("Cultural institution"), N_("Other organisation"),
};

static const char * const partner_roles[SHNOR_N_PARTNER_ROLES] = {
  N_("Mentor school"), N_("Consultant school"), N_("Internship site"), N_("Partner"),
};

static const char * const partnership_statuses[SHNOR_N_PARTNERSHIP_STATUSES] = {
  NC_("partnership", "Planned"), NC_("partnership", "Active"), NC_("partnership", "Ended"),
};

static const char * const event_forms[SHNOR_N_EVENT_FORMS] = {
  N_("Visit"), N_("Open lesson"), N_("Consultation"), N_("Seminar"), N_("Internship"), N_("Other"),
};

static const char * const practice_statuses[SHNOR_N_PRACTICE_STATUSES] = {
  NC_("practice", "Proposed"), NC_("practice", "Reviewed"), NC_("practice", "Included in the bank"),
};

/* The translated label @i of @labels (@n of them, in @context if any). */
static const char *
label_of (const char * const *labels,
          guint               n,
          const char         *context,
          guint               i)
{
  g_return_val_if_fail (i < n, "");
  return context ? g_dpgettext2 (GETTEXT_PACKAGE, context, labels[i]) : _(labels[i]);
}

const char *
shnor_organisation_kind_label (ShnorOrganisationKind kind)
{
  return label_of (organisation_kinds, SHNOR_N_ORGANISATION_KINDS, NULL, kind);
}

const char *
shnor_partner_role_label (ShnorPartnerRole role)
{
  return label_of (partner_roles, SHNOR_N_PARTNER_ROLES, NULL, role);
}

const char *
shnor_partnership_status_label (ShnorPartnershipStatus status)
{
  return label_of (partnership_statuses, SHNOR_N_PARTNERSHIP_STATUSES, "partnership", status);
}

const char *
shnor_event_form_label (ShnorEventForm form)
{
  return label_of (event_forms, SHNOR_N_EVENT_FORMS, NULL, form);
}

const char *
shnor_practice_status_label (ShnorPracticeStatus status)
{
  return label_of (practice_statuses, SHNOR_N_PRACTICE_STATUSES, "practice", status);
}

/* ---- fields ------------------------------------------------------------ */

static const ShnorField organisation_fields[] = {
  { "name",    SHNOR_FIELD_TEXT, N_("Name of the organisation"), 0, 0, TRUE, N_("Name") },
  { "kind",    SHNOR_FIELD_CHOICE, N_("Kind"), 0, SHNOR_N_ORGANISATION_KINDS - 1, TRUE, NULL },
  { "contact", SHNOR_FIELD_TEXT, N_("Contact person"), 0, 0, FALSE, NULL },
  { "phone",   SHNOR_FIELD_TEXT, N_("Phone"), 0, 0, FALSE, NULL },
  { "email",   SHNOR_FIELD_EMAIL, N_("E-mail"), 0, 0, FALSE, NULL },
  { "address", SHNOR_FIELD_TEXT, N_("Address"), 0, 0, FALSE, NULL },
};

/* The plan of a partnership first, then what records its execution
 * (still editable when the programme it serves is approved). */
static const ShnorField partnership_fields[] = {
  { "role",             SHNOR_FIELD_CHOICE, N_("Role of the partner"), 0, SHNOR_N_PARTNER_ROLES - 1, TRUE, N_("Role") },
  { "subjects",         SHNOR_FIELD_TEXT, N_("Subjects"), 0, 0, FALSE, NULL },
  { "direction",        SHNOR_FIELD_TEXT, N_("Direction of the work"), 0, 0, FALSE, N_("Direction") },
  { "agreement_number", SHNOR_FIELD_TEXT, N_("Agreement number"), 0, 0, FALSE, N_("Agreement No.") },
  { "agreement_date",   SHNOR_FIELD_DATE, N_("Agreement date"), 0, 0, FALSE, N_("of") },
  { "start_date",       SHNOR_FIELD_DATE, N_("Start of the partnership"), 0, 0, FALSE, N_("From") },
  { "end_date",         SHNOR_FIELD_DATE, N_("End of the partnership"), 0, 0, FALSE, N_("To") },
  { "status",           SHNOR_FIELD_CHOICE, N_("Status"), 0, SHNOR_N_PARTNERSHIP_STATUSES - 1, TRUE, NULL },
  { "note",             SHNOR_FIELD_LONG_TEXT, N_("Note"), 0, 0, FALSE, NULL },
};

static const ShnorField event_fields[] = {
  { "date",         SHNOR_FIELD_DATE, N_("Date of the event"), 0, 0, TRUE, N_("Date") },
  { "form",         SHNOR_FIELD_CHOICE, N_("Form"), 0, SHNOR_N_EVENT_FORMS - 1, TRUE, NULL },
  { "topic",        SHNOR_FIELD_TEXT, N_("Topic"), 0, 0, FALSE, NULL },
  { "participants", SHNOR_FIELD_INT, N_("Participants"), 0, 10000, FALSE, NULL },
  { "note",         SHNOR_FIELD_TEXT, N_("Note"), 0, 0, FALSE, NULL },
};

static const ShnorField mentoring_fields[] = {
  { "start_date", SHNOR_FIELD_DATE, N_("Start of the mentoring"), 0, 0, FALSE, N_("From") },
  { "end_date",   SHNOR_FIELD_DATE, N_("End of the mentoring"), 0, 0, FALSE, N_("To") },
  { "goal",       SHNOR_FIELD_TEXT, N_("Goal of the mentoring"), 0, 0, FALSE, N_("Goal") },
};

static const ShnorField course_fields[] = {
  { "title",       SHNOR_FIELD_TEXT, N_("Course"), 0, 0, TRUE, NULL },
  { "provider",    SHNOR_FIELD_TEXT, N_("Provider"), 0, 0, FALSE, NULL },
  { "hours",       SHNOR_FIELD_INT, N_("Hours"), 1, 10000, FALSE, NULL },
  { "date",        SHNOR_FIELD_DATE, N_("Date of completion"), 0, 0, FALSE, N_("Completed") },
  { "certificate", SHNOR_FIELD_TEXT, N_("Certificate number"), 0, 0, FALSE, N_("Certificate") },
};

static const ShnorField practice_fields[] = {
  { "title",       SHNOR_FIELD_TEXT, N_("Title of the practice"), 0, 0, TRUE, N_("Title") },
  { "authors",     SHNOR_FIELD_TEXT, N_("Authors"), 0, 0, FALSE, NULL },
  { "subjects",    SHNOR_FIELD_TEXT, N_("Subjects"), 0, 0, FALSE, NULL },
  { "grades",      SHNOR_FIELD_TEXT, N_("Grades"), 0, 0, FALSE, NULL },
  { "direction",   SHNOR_FIELD_TEXT, N_("Direction of the work"), 0, 0, FALSE, N_("Direction") },
  { "description", SHNOR_FIELD_LONG_TEXT, N_("Description"), 0, 0, FALSE, NULL },
  { "results",     SHNOR_FIELD_LONG_TEXT, N_("Results"), 0, 0, FALSE, NULL },
  { "evidence",    SHNOR_FIELD_LONG_TEXT, N_("Evidence of the results"), 0, 0, FALSE, N_("Evidence") },
  { "added",       SHNOR_FIELD_DATE, N_("Date added"), 0, 0, FALSE, N_("Added") },
  { "status",      SHNOR_FIELD_CHOICE, N_("Status"), 0, SHNOR_N_PRACTICE_STATUSES - 1, TRUE, NULL },
};

static const ShnorField staff_fields[] = {
  { "subjects", SHNOR_FIELD_TEXT, N_("Subjects taught"), 0, 0, FALSE, N_("Subjects") },
};

#define FIELDS(name, table) \
  const ShnorField * \
  name (guint *n_fields) \
  { \
    *n_fields = G_N_ELEMENTS (table); \
    return table; \
  }

FIELDS (shnor_organisation_fields, organisation_fields)
FIELDS (shnor_partnership_fields, partnership_fields)
FIELDS (shnor_event_fields, event_fields)
FIELDS (shnor_mentoring_fields, mentoring_fields)
FIELDS (shnor_course_fields, course_fields)
FIELDS (shnor_practice_fields, practice_fields)
FIELDS (shnor_staff_fields, staff_fields)

#undef FIELDS

gboolean
shnor_partnership_field_is_plan (const char *column)
{
  return !g_str_equal (column, "status") && !g_str_equal (column, "note");
}

/* The field of @column in the field table @table returns; NULL when none. */
const ShnorField *
shnor_network_field (const ShnorField *(*table) (guint *n_fields),
                     const char       *column)
{
  guint n_fields;
  const ShnorField *fields = table (&n_fields);

  return shnor_field_find (fields, n_fields, column);
}

int
shnor_fields_index (const ShnorField *fields,
                    guint             n_fields,
                    const char       *column)
{
  const ShnorField *field = shnor_field_find (fields, n_fields, column);

  return field ? (int) (field - fields) : -1;
}

/**
 * shnor_network_dup_choices:
 *
 * Returns: (transfer full) (nullable): the labels of the values of a
 * CHOICE field of the network's tables, in the order of their codes.
 */
GStrv
shnor_network_dup_choices (const ShnorField *field)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (field != NULL, NULL);
  if (field == &organisation_fields[1])
    for (guint i = 0; i < SHNOR_N_ORGANISATION_KINDS; i++)
      g_strv_builder_add (builder, shnor_organisation_kind_label (i));
  else if (field == &partnership_fields[0])
    for (guint i = 0; i < SHNOR_N_PARTNER_ROLES; i++)
      g_strv_builder_add (builder, shnor_partner_role_label (i));
  else if (field == &partnership_fields[7])
    for (guint i = 0; i < SHNOR_N_PARTNERSHIP_STATUSES; i++)
      g_strv_builder_add (builder, shnor_partnership_status_label (i));
  else if (field == &event_fields[1])
    for (guint i = 0; i < SHNOR_N_EVENT_FORMS; i++)
      g_strv_builder_add (builder, shnor_event_form_label (i));
  else if (field == &practice_fields[9])
    for (guint i = 0; i < SHNOR_N_PRACTICE_STATUSES; i++)
      g_strv_builder_add (builder, shnor_practice_status_label (i));
  else
    return NULL;
  return g_strv_builder_end (builder);
}

/* ---- attached files ---------------------------------------------------- */

/* "1,2 MB", "350 KB", "12 bytes": the units the user's file manager shows. */
char *
shnor_format_file_size (gint64 bytes)
{
  g_autofree char *number = NULL;

  if (bytes < 1024)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d byte", "%d bytes", (gulong) bytes), (int) bytes);
  if (bytes < 1024 * 1024)
    {
      number = shnor_format_double ((double) bytes / 1024, bytes < 10 * 1024 ? 1 : 0);
      /* TRANSLATORS: a file size */
      return g_strdup_printf (_("%s KB"), number);
    }
  number = shnor_format_double ((double) bytes / (1024 * 1024), 1);
  /* TRANSLATORS: a file size */
  return g_strdup_printf (_("%s MB"), number);
}

typedef struct {
  const char *extension;
  const char *type;
  const char *magic;      /* NULL: text in UTF-8 */
  gsize       magic_length;
  const char *kind;       /* as the message names it */
} FileKind;

#define ZIP "PK\003\004", 4
#define OLE "\320\317\021\340\241\261\032\341", 8

static const FileKind file_kinds[] = {
  { "pdf",  "application/pdf", "%PDF-", 5, "PDF" },
  { "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP, "DOCX" },
  { "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP, "PPTX" },
  { "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP, "XLSX" },
  { "odt",  "application/vnd.oasis.opendocument.text", ZIP, "ODT" },
  { "odp",  "application/vnd.oasis.opendocument.presentation", ZIP, "ODP" },
  { "ods",  "application/vnd.oasis.opendocument.spreadsheet", ZIP, "ODS" },
  { "doc",  "application/msword", OLE, "DOC" },
  { "ppt",  "application/vnd.ms-powerpoint", OLE, "PPT" },
  { "xls",  "application/vnd.ms-excel", OLE, "XLS" },
  { "rtf",  "application/rtf", "{\\rtf", 5, "RTF" },
  { "png",  "image/png", "\211PNG\r\n\032\n", 8, "PNG" },
  { "jpg",  "image/jpeg", "\377\330\377", 3, "JPEG" },
  { "jpeg", "image/jpeg", "\377\330\377", 3, "JPEG" },
  { "gif",  "image/gif", "GIF8", 4, "GIF" },
  { "txt",  "text/plain", NULL, 0, "TXT" },
};

#undef ZIP
#undef OLE

/* UTF-8 without NUL bytes; the head may end inside a character. */
static gboolean
text_head (const guint8 *head,
           gsize         length)
{
  const char *end = NULL;
  gsize rest;

  if (g_utf8_validate_len ((const char *) head, length, &end))
    return TRUE;
  rest = length - (gsize) (end - (const char *) head);
  return rest < 4 && *end != '\0' && g_utf8_get_char_validated (end, (gssize) rest) == (gunichar) -2;
}

/**
 * shnor_attachment_check:
 * @head: the first bytes of the file (up to 4 KB is enough)
 *
 * Decides whether a file named @name may be attached to a practice: its
 * name says a kind of document or image the bank keeps, and its first
 * bytes are those of that kind, so that a program renamed to «.pdf» is
 * refused.
 *
 * Returns: the MIME type; NULL with @error when refused.
 */
const char *
shnor_attachment_check (const char    *name,
                        const guint8  *head,
                        gsize          length,
                        GError       **error)
{
  const char *dot = name ? strrchr (name, '.') : NULL;
  g_autofree char *extension = dot ? g_ascii_strdown (dot + 1, -1) : NULL;

  g_return_val_if_fail (name != NULL, NULL);

  if (length == 0)
    {
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID, _("“%s” is empty: there is nothing to attach."), name);
      return NULL;
    }
  for (guint i = 0; extension != NULL && i < G_N_ELEMENTS (file_kinds); i++)
    {
      const FileKind *k = &file_kinds[i];

      if (!g_str_equal (extension, k->extension))
        continue;
      if (k->magic == NULL ? text_head (head, length)
                           : length >= k->magic_length && memcmp (head, k->magic, k->magic_length) == 0)
        return k->type;
      g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
                   _("“%s” is not a %s file: its contents do not match its name. Open it in the program it "
                     "came from and save it again."), name, k->kind);
      return NULL;
    }
  g_set_error (error, SHNOR_ERROR, SHNOR_ERROR_INVALID,
               _("Files like “%s” cannot be attached. Attach documents (PDF, DOCX, DOC, ODT, RTF, TXT), "
                 "presentations (PPTX, PPT, ODP), spreadsheets (XLSX, XLS, ODS) or images (PNG, JPEG, GIF)."),
               name);
  return NULL;
}

/* The name an attached file keeps: its base name without folders or
 * control characters, at most 200 characters (a folder of exported
 * attachments must be writable on Windows too). */
char *
shnor_attachment_clean_name (const char *name)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  const char *base = name ? name : "";
  const char *slash;

  while ((slash = strpbrk (base, "/\\")) != NULL)
    base = slash + 1;
  for (const char *p = base; *p && g_utf8_validate (p, -1, NULL); p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || (c < 0x80 && strchr (":*?\"<>|", (int) c) != NULL))
        c = '_';
      g_string_append_unichar (clean, c);
    }
  g_strstrip (clean->str);
  if (clean->str[0] == '\0' || clean->str[0] == '.')
    g_string_prepend (clean, "file");
  if (g_utf8_strlen (clean->str, -1) > 200)
    {
      const char *dot = strrchr (clean->str, '.');
      g_autofree char *extension = g_strdup (dot && strlen (dot) <= 8 ? dot : "");
      g_autofree char *head = g_utf8_substring (clean->str, 0, 200 - (glong) strlen (extension));

      return g_strconcat (head, extension, NULL);
    }
  return g_strdup (clean->str);
}

/* ---- search ------------------------------------------------------------ */

/* «ё» is typed as «е» as often as not: the index and the queries hold «е». */
char *
shnor_fold_yo (const char *text)
{
  g_autoptr(GString) out = g_string_new (text ? text : "");

  g_string_replace (out, "ё", "е", 0);
  g_string_replace (out, "Ё", "Е", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * shnor_practice_match_query:
 *
 * Turns what the user typed into an FTS5 query that cannot be malformed:
 * every word (letters and digits) quoted, as a prefix, all of them
 * required — «оценив матем» finds «Формирующее оценивание на уроках
 * математики».
 *
 * Returns: (transfer full) (nullable): the query, or NULL when @text has
 * no word.
 */
char *
shnor_practice_match_query (const char *text)
{
  g_autofree char *folded = shnor_fold_yo (text);
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  if (!g_utf8_validate (folded, -1, NULL))
    return NULL;
  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_string_append_printf (query, "%s\"%s\"*", query->len ? " " : "", word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  return query->len ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

/* "Математика; физика, химия" → its items, trimmed, empty ones left out. */
GStrv
shnor_split_list (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *p = text ? text : "";

  while (*p)
    {
      gsize n = strcspn (p, ";,\n");
      g_autofree char *item = g_strstrip (g_strndup (p, n));

      if (item[0] != '\0')
        g_strv_builder_add (builder, item);
      p += n;
      if (*p)
        p++;
    }
  return g_strv_builder_end (builder);
}

/* ---- target indicators counting the network ----------------------------- */

static const char * const network_bindings[] = {
  "network\tmentoring", "network\ttrained", "network\tpartnerships", "network\tevents", NULL,
};

static const char * const network_binding_labels[] = {
  N_("number of mentoring pairs of the teachers of the participating schools"),
  N_("share of the teachers of the participating schools who completed a course that year, %"),
  N_("number of active partnerships of the participating schools"),
  N_("number of joint events of the participating schools' partnerships that year"),
};

const char * const *
shnor_network_bindings (void)
{
  return network_bindings;
}

gboolean
shnor_network_binding_is (const char *binding)
{
  return binding != NULL && g_strv_contains (network_bindings, binding);
}

char *
shnor_network_binding_describe (const char *binding)
{
  for (guint i = 0; network_bindings[i]; i++)
    if (g_strcmp0 (binding, network_bindings[i]) == 0)
      return g_strdup (_(network_binding_labels[i]));
  return g_strdup ("");
}

/* Whether the values of the network's indicators stand on @table: a view
 * showing them reads them again when it changes. */
gboolean
shnor_network_binding_table (const char *table)
{
  static const char * const tables[] = {
    "mentoring", "course", "person", "partnership", "joint_event", "school_context", NULL,
  };

  return table != NULL && g_strv_contains (tables, table);
}
