/* shnor-programmes-view.c: the Programmes view: the list of programmes
 * (drafts and approved ones; archived on request) and the sections of the
 * one selected: passport, participating schools, problem analysis, tasks
 * and results, target indicators, risks, stages, financing, normative
 * basis, approval and history. Every edit goes to the document, which
 * refuses edits of an approved programme itself; here an approved one is
 * shown read-only with a way to amend it. */
#define G_LOG_DOMAIN "shnor-programmes-view"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-field-entry.h"
#include "shnor-number.h"
#include "shnor-part-editor.h"
#include "shnor-programmes-view.h"
#include "shnor-roadmap-view.h"
#include "shnor-widgets.h"

struct _ShnorProgrammesView
{
  GtkWidget       parent_instance;

  GtkWidget      *paned;
  GtkWidget      *list_view;
  GtkWidget      *archived_check;
  GtkWidget      *new_button;
  GtkWidget      *copy_button;
  GtkWidget      *delete_button;
  GtkWidget      *detail_stack;
  GtkWidget      *title_label;
  GtkWidget      *status_label;
  GtkWidget      *locked_bar;
  GtkWidget      *locked_label;
  GtkWidget      *sections;
  GtkWidget      *passport_grid;
  GtkWidget      *schools_box;
  GtkWidget      *schools_error;
  GtkWidget      *analysis_box;
  GtkWidget      *tasks_box;
  GtkWidget      *results_box;
  GtkWidget      *indicators_box;
  GtkWidget      *risks_box;
  GtkWidget      *stages_box;
  GtkWidget      *financing_grid;
  GtkWidget      *financing_error;
  GtkWidget      *acts_box;
  GtkWidget      *roadmap;
  GtkWidget      *approval_label;
  GtkWidget      *approve_button;
  GtkWidget      *amend_button;
  GtkWidget      *archive_button;
  GtkWidget      *approval_error;
  GtkWidget      *history_box;
  GtkWidget      *new_popover;
  GtkWidget      *template_drop;
  GtkWidget      *school_drop;
  GtkWidget      *year_spin;
  GtkWidget      *new_error;
  GtkWidget      *create_button;
  GtkWidget      *approve_popover;
  GtkWidget      *approve_number;
  GtkWidget      *approve_date;
  GtkWidget      *approve_signatory;
  GtkWidget      *approve_error;
  GtkWidget      *approve_confirm;

  ShnorDocument  *document;
  GListStore     *programmes;
  GtkSingleSelection *selection;
  ShnorProgramme *programme;     /* the one shown, as last read */
  GtkWidget      *parts[SHNOR_N_PARTS];
  GHashTable     *passport;      /* column → ShnorFieldEntry */
  int             financing_first;
  int             financing_last;
  guint           idle;
  gboolean        filling;       /* the list is being refilled */
};

G_DEFINE_FINAL_TYPE (ShnorProgrammesView, shnor_programmes_view, GTK_TYPE_WIDGET)

static const ShnorField amount_field = { "amount", SHNOR_FIELD_REAL, N_("Amount, thousand roubles"), 0, 1e12,
                                         FALSE, NULL };

static void show_programme (ShnorProgrammesView *self);

static void
show_label_error (GtkWidget  *label,
                  const char *message)
{
  gtk_label_set_text (GTK_LABEL (label), message ? message : "");
  gtk_widget_set_visible (label, message != NULL);
}

static gint64
shown_id (ShnorProgrammesView *self)
{
  return self->programme ? shnor_programme_get_id (self->programme) : 0;
}

static gboolean
is_draft (ShnorProgrammesView *self)
{
  return self->programme != NULL && shnor_programme_get_status (self->programme) == SHNOR_PROGRAMME_DRAFT &&
         !shnor_document_get_read_only (self->document);
}

/* ---- the list --------------------------------------------------------- */

/* Refills the list from the file and selects @select (0: keep the one
 * selected, when it is still listed). */
static void
refill (ShnorProgrammesView *self,
        gint64               select)
{
  g_autoptr(GListModel) listed = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  if (select == 0)
    select = shown_id (self);
  self->filling = TRUE;
  g_list_store_remove_all (self->programmes);
  if (self->document != NULL)
    {
      listed = shnor_document_get_programmes (self->document,
                                              gtk_check_button_get_active (GTK_CHECK_BUTTON (self->archived_check)));
      for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
        {
          g_autoptr(ShnorProgramme) programme = g_list_model_get_item (listed, i);

          g_list_store_append (self->programmes, programme);
          if (shnor_programme_get_id (programme) == select)
            position = i;
        }
    }
  gtk_single_selection_set_selected (self->selection, position);
  self->filling = FALSE;
  show_programme (self);
}

static void
selection_changed (ShnorProgrammesView *self)
{
  if (!self->filling)
    show_programme (self);
}

static void
archived_toggled (ShnorProgrammesView *self)
{
  refill (self, 0);
}

/* ---- the passport ----------------------------------------------------- */

static void
passport_commit (ShnorFieldEntry     *entry,
                 const char          *text,
                 ShnorProgrammesView *self)
{
  const ShnorField *field = shnor_field_entry_get_field (entry);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  if (!shnor_document_set_programme_field (self->document, shown_id (self), field->column, text, &error))
    {
      shnor_field_entry_set_error (entry, error->message);
      return;
    }
  stored = shnor_document_dup_programme_text (self->document, shown_id (self), field->column);
  shnor_field_entry_set_text (entry, stored);
}

static GtkWidget *
passport_entry (ShnorProgrammesView *self,
                const ShnorField    *field)
{
  GtkWidget *entry = shnor_field_entry_new (field, TRUE);

  g_hash_table_insert (self->passport, (gpointer) field->column, entry);
  g_signal_connect (entry, "commit", G_CALLBACK (passport_commit), self);
  return entry;
}

/* One line per field, the period's two years on one; the analysis has a
 * page of its own. Built once: the fields are the same for every
 * programme. */
static void
build_passport (ShnorProgrammesView *self)
{
  guint n_fields;
  const ShnorField *fields = shnor_programme_fields (&n_fields);
  int line = 0;

  for (guint i = 0; i < n_fields; i++)
    {
      const ShnorField *field = &fields[i];

      if (g_str_equal (field->column, "analysis"))
        {
          GtkWidget *entry = passport_entry (self, field);

          shnor_field_entry_set_min_height (SHNOR_FIELD_ENTRY (entry), 360);
          gtk_box_append (GTK_BOX (self->analysis_box), entry);
          continue;
        }
      if (g_str_equal (field->column, "last_year"))
        continue;
      if (g_str_equal (field->column, "first_year"))
        {
          GtkWidget *period = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *dash = gtk_label_new ("–");

          gtk_box_append (GTK_BOX (period), passport_entry (self, field));
          gtk_widget_set_valign (dash, GTK_ALIGN_START);
          gtk_widget_set_margin_top (dash, 6);
          gtk_box_append (GTK_BOX (period), dash);
          gtk_box_append (GTK_BOX (period), passport_entry (self, shnor_programme_field ("last_year")));
          gtk_grid_attach (GTK_GRID (self->passport_grid), shnor_field_caption (_("Period")), 0, line, 1, 1);
          gtk_grid_attach (GTK_GRID (self->passport_grid), period, 1, line++, 1, 1);
          continue;
        }
      gtk_grid_attach (GTK_GRID (self->passport_grid), shnor_field_caption (_(field->label)), 0, line, 1, 1);
      gtk_grid_attach (GTK_GRID (self->passport_grid), passport_entry (self, field), 1, line++, 1, 1);
    }
}

static void
fill_passport (ShnorProgrammesView *self)
{
  GHashTableIter iter;
  gpointer column, entry;
  gboolean writable = is_draft (self);

  g_hash_table_iter_init (&iter, self->passport);
  while (g_hash_table_iter_next (&iter, &column, &entry))
    {
      g_autofree char *text = shnor_document_dup_programme_text (self->document, shown_id (self), column);

      /* the field being typed into keeps what is typed, a refused value
       * its message */
      shnor_field_entry_update (entry, text);
      shnor_field_entry_set_editable (entry, writable);
    }
}

/* ---- participating schools -------------------------------------------- */

static void
school_toggled (GtkCheckButton      *check,
                ShnorProgrammesView *self)
{
  gint64 school = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "shnor-school"));
  gboolean active = gtk_check_button_get_active (check);
  g_autoptr(GError) error = NULL;

  if (g_object_get_data (G_OBJECT (check), "shnor-filling"))
    return;
  if (!shnor_document_set_programme_school (self->document, shown_id (self), school, active, &error))
    {
      show_label_error (self->schools_error, error->message);
      g_object_set_data (G_OBJECT (check), "shnor-filling", GINT_TO_POINTER (1));
      gtk_check_button_set_active (check, !active);
      g_object_set_data (G_OBJECT (check), "shnor-filling", NULL);
      return;
    }
  show_label_error (self->schools_error, NULL);
}

static gboolean
contains_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static gboolean
same_schools (ShnorProgrammesView *self,
              GListModel          *schools)
{
  GtkWidget *check = gtk_widget_get_first_child (self->schools_box);

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++, check = gtk_widget_get_next_sibling (check))
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);

      if (check == NULL ||
          GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "shnor-school")) != (gsize) shnor_school_get_id (school))
        return FALSE;
    }
  return check == NULL;
}

/* One check button per school of the registry; when the same schools are
 * listed only the marks change, so the focus stays where it is. */
static void
fill_schools (ShnorProgrammesView *self)
{
  GListModel *schools = shnor_document_get_schools (self->document);
  g_autoptr(GArray) taking_part = shnor_document_get_programme_schools (self->document, shown_id (self));
  gboolean writable = is_draft (self);
  GtkWidget *check;

  if (!same_schools (self, schools))
    {
      shnor_widget_remove_children (self->schools_box);
      for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
        {
          g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);

          check = gtk_check_button_new ();
          g_object_set_data (G_OBJECT (check), "shnor-school", GSIZE_TO_POINTER ((gsize) shnor_school_get_id (school)));
          g_signal_connect (check, "toggled", G_CALLBACK (school_toggled), self);
          gtk_box_append (GTK_BOX (self->schools_box), check);
        }
    }
  check = gtk_widget_get_first_child (self->schools_box);
  for (guint i = 0; check != NULL; i++, check = gtk_widget_get_next_sibling (check))
    {
      g_autoptr(ShnorSchool) school = g_list_model_get_item (schools, i);

      gtk_check_button_set_label (GTK_CHECK_BUTTON (check), shnor_school_get_display_name (school));
      g_object_set_data (G_OBJECT (check), "shnor-filling", GINT_TO_POINTER (1));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), contains_id (taking_part, shnor_school_get_id (school)));
      g_object_set_data (G_OBJECT (check), "shnor-filling", NULL);
      gtk_widget_set_sensitive (check, writable);
    }
}

/* ---- financing -------------------------------------------------------- */

static void
financing_commit (ShnorFieldEntry     *entry,
                  const char          *text,
                  ShnorProgrammesView *self)
{
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "shnor-year"));
  int source = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "shnor-source"));
  g_autoptr(GError) error = NULL;

  if (!shnor_document_set_financing (self->document, shown_id (self), year, source, text, &error))
    {
      g_autofree char *message = g_strdup_printf ("%s, %d: %s", shnor_funding_source_label (source), year,
                                                  error->message);

      shnor_field_entry_set_error (entry, error->message);
      show_label_error (self->financing_error, message);
      return;
    }
  /* stored: the refresh writes it as money */
  shnor_field_entry_set_text (entry, text);
  show_label_error (self->financing_error, NULL);
}

/* Rows: the sources, then the total; columns: the years, then the total. */
static void
build_financing (ShnorProgrammesView *self)
{
  int years = self->financing_last - self->financing_first + 1;

  shnor_widget_remove_children (self->financing_grid);
  for (int y = 0; y < years; y++)
    {
      g_autofree char *text = g_strdup_printf ("%d", self->financing_first + y);
      GtkWidget *head = shnor_column_label (text, "caption-heading");

      gtk_grid_attach (GTK_GRID (self->financing_grid), head, 1 + y, 0, 1, 1);
    }
  {
    GtkWidget *head = shnor_column_label (_("Total"), "caption-heading");

    gtk_grid_attach (GTK_GRID (self->financing_grid), head, 1 + years, 0, 1, 1);
  }
  for (int s = 0; s <= SHNOR_N_SOURCES; s++)
    {
      GtkWidget *name = gtk_label_new (s < SHNOR_N_SOURCES ? shnor_funding_source_label (s) : _("Total"));

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_grid_attach (GTK_GRID (self->financing_grid), name, 0, 1 + s, 1, 1);
      for (int y = 0; y <= years; y++)
        {
          GtkWidget *cell;

          if (s == SHNOR_N_SOURCES || y == years)
            cell = shnor_column_label (NULL, "numeric");
          else
            {
              g_autofree char *label = g_strdup_printf ("%s, %d", shnor_funding_source_label (s),
                                                        self->financing_first + y);

              cell = shnor_field_entry_new (&amount_field, FALSE);
              shnor_column_entry (shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (cell)));
              gtk_accessible_update_property (GTK_ACCESSIBLE (shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (cell))),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
              g_object_set_data (G_OBJECT (cell), "shnor-year", GINT_TO_POINTER (self->financing_first + y));
              g_object_set_data (G_OBJECT (cell), "shnor-source", GINT_TO_POINTER (s));
              g_signal_connect (cell, "commit", G_CALLBACK (financing_commit), self);
            }
          gtk_grid_attach (GTK_GRID (self->financing_grid), cell, 1 + y, 1 + s, 1, 1);
        }
    }
}

static void
fill_financing (ShnorProgrammesView *self)
{
  int first = shnor_programme_get_first_year (self->programme);
  int last = shnor_programme_get_last_year (self->programme);
  int years = last - first + 1;
  double total = 0, by_source[SHNOR_N_SOURCES] = { 0 };
  gboolean writable = is_draft (self);

  if (first != self->financing_first || last != self->financing_last)
    {
      self->financing_first = first;
      self->financing_last = last;
      build_financing (self);
    }
  for (int y = 0; y < years; y++)
    {
      double year_total = 0;

      for (int s = 0; s < SHNOR_N_SOURCES; s++)
        {
          GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (self->financing_grid), 1 + y, 1 + s);
          double amount = 0;
          g_autofree char *text = NULL;

          if (shnor_document_get_financing (self->document, shown_id (self), first + y, s, &amount))
            text = shnor_number_format_money (amount);
          shnor_field_entry_update (SHNOR_FIELD_ENTRY (cell), text ? text : "");
          shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (cell), writable);
          year_total += amount;
          by_source[s] += amount;
        }
      {
        g_autofree char *text = shnor_number_format_money (year_total);

        gtk_label_set_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (self->financing_grid), 1 + y,
                                                              1 + SHNOR_N_SOURCES)), text);
      }
      total += year_total;
    }
  for (int s = 0; s <= SHNOR_N_SOURCES; s++)
    {
      g_autofree char *text = shnor_number_format_money (s < SHNOR_N_SOURCES ? by_source[s] : total);

      gtk_label_set_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (self->financing_grid), 1 + years, 1 + s)),
                          text);
    }
}

/* ---- approval and history --------------------------------------------- */

/* "approved by the order of 01.09.2026 No. 245-од (signed by …)" */
static char *
order_text (ShnorProgrammesView *self,
            gint64               id)
{
  g_autofree char *date = shnor_document_dup_programme_text (self->document, id, "order_date");
  g_autofree char *number = shnor_document_dup_programme_text (self->document, id, "order_number");

  if (number[0] == '\0')
    return g_strdup ("");
  return g_strdup_printf (_("order of %s No. %s"), date, number);
}

static void
history_clicked (GtkButton           *button,
                 ShnorProgrammesView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "shnor-programme"));
  g_autoptr(ShnorProgramme) programme = shnor_document_dup_programme (self->document, id);

  if (programme != NULL && shnor_programme_get_status (programme) == SHNOR_PROGRAMME_ARCHIVED)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->archived_check), TRUE);
  refill (self, id);
}

static void
fill_history (ShnorProgrammesView *self)
{
  g_autoptr(GListModel) history = shnor_document_get_programme_history (self->document, shown_id (self));

  shnor_widget_remove_children (self->history_box);
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(ShnorProgramme) version = g_list_model_get_item (history, i);
      gint64 id = shnor_programme_get_id (version);
      g_autofree char *order = order_text (self, id);
      ShnorProgrammeStatus status = shnor_programme_get_status (version);
      int number = shnor_programme_get_version (version);
      g_autofree char *text = NULL;
      GtkWidget *button;

      if (order[0] == '\0')
        text = g_strdup_printf (_("Version %d: %s"), number, shnor_programme_status_label (status));
      else if (status == SHNOR_PROGRAMME_APPROVED)
        text = g_strdup_printf (_("Version %d: approved by the %s"), number, order);
      else
        text = g_strdup_printf (_("Version %d: archived, approved by the %s"), number, order);
      button = gtk_button_new_with_label (text);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      if (id == shown_id (self))
        {
          g_autofree char *shown = g_strdup_printf (_("%s (shown)"), text);

          gtk_button_set_label (GTK_BUTTON (button), shown);
          gtk_widget_set_sensitive (button, FALSE);
        }
      else
        gtk_widget_set_tooltip_text (button, _("Show this version"));
      g_object_set_data (G_OBJECT (button), "shnor-programme", GSIZE_TO_POINTER ((gsize) id));
      g_signal_connect (button, "clicked", G_CALLBACK (history_clicked), self);
      gtk_box_append (GTK_BOX (self->history_box), button);
    }
}

/* What the bar above an approved or archived programme says */
static char *
locked_text (ShnorProgrammesView *self)
{
  g_autofree char *order = order_text (self, shown_id (self));

  if (shnor_programme_get_status (self->programme) == SHNOR_PROGRAMME_ARCHIVED)
    return order[0] ? g_strdup_printf (_("Archived; it was approved by the %s. It cannot be changed."), order)
                    : g_strdup (_("Archived; it cannot be changed."));
  return g_strdup_printf (_("Approved by the %s: it cannot be changed. To change it, make an amendment "
                            "(section “Approval and History”)."), order);
}

/* The approval section: the order, or what a draft waits for */
static char *
approval_text (ShnorProgrammesView *self)
{
  g_autofree char *order = order_text (self, shown_id (self));
  g_autofree char *signatory = shnor_document_dup_programme_text (self->document, shown_id (self), "signatory");

  if (order[0] == '\0')
    return g_strdup (_("A draft: every section can be edited. Approve it when the order is signed; it then "
                       "becomes read-only, and an amendment (a new draft version that starts as a copy) "
                       "changes it."));
  /* TRANSLATORS: the order that approved a programme, and who signed it */
  return g_strdup_printf (_("Approved by the %s.\nSignatory: %s"), order, signatory);
}

static void
fill_approval (ShnorProgrammesView *self)
{
  ShnorProgrammeStatus status = shnor_programme_get_status (self->programme);
  gboolean writable = !shnor_document_get_read_only (self->document);
  g_autofree char *text = approval_text (self);

  gtk_label_set_text (GTK_LABEL (self->approval_label), text);
  gtk_widget_set_visible (self->approve_button, status == SHNOR_PROGRAMME_DRAFT);
  gtk_widget_set_sensitive (self->approve_button, writable);
  gtk_widget_set_visible (self->amend_button, status == SHNOR_PROGRAMME_APPROVED);
  gtk_widget_set_sensitive (self->amend_button, writable);
  gtk_button_set_label (GTK_BUTTON (self->archive_button),
                        status == SHNOR_PROGRAMME_ARCHIVED ? _("_Restore from the Archive") : _("A_rchive"));
  gtk_widget_set_sensitive (self->archive_button, writable);
  fill_history (self);
}

static void
approve_shown (ShnorProgrammesView *self)
{
  g_autofree char *head = NULL;

  show_label_error (self->approve_error, NULL);
  if (self->document == NULL)
    return;
  /* the head of the authority usually signs: offer the name, keep any typed */
  head = shnor_document_dup_setting (self->document, "head_name");
  if (gtk_entry_get_text_length (GTK_ENTRY (self->approve_signatory)) == 0 && head != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->approve_signatory), head);
  gtk_widget_grab_focus (self->approve_number);
}

static void
approve_clicked (ShnorProgrammesView *self)
{
  g_autoptr(GError) error = NULL;

  if (!shnor_document_approve_programme (self->document, shown_id (self),
                                         gtk_editable_get_text (GTK_EDITABLE (self->approve_number)),
                                         gtk_editable_get_text (GTK_EDITABLE (self->approve_date)),
                                         gtk_editable_get_text (GTK_EDITABLE (self->approve_signatory)), &error))
    {
      show_label_error (self->approve_error, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->approve_number), "");
  gtk_editable_set_text (GTK_EDITABLE (self->approve_date), "");
  gtk_popover_popdown (GTK_POPOVER (self->approve_popover));
  refill (self, 0);
}

static void
amend_clicked (ShnorProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = shnor_document_make_amendment (self->document, shown_id (self), &error);

  show_label_error (self->approval_error, id == 0 ? error->message : NULL);
  if (id != 0)
    {
      refill (self, id);
      gtk_stack_set_visible_child_name (GTK_STACK (self->sections), "passport");
    }
}

static void
archive_clicked (ShnorProgrammesView *self)
{
  gboolean archive = shnor_programme_get_status (self->programme) != SHNOR_PROGRAMME_ARCHIVED;
  g_autoptr(GError) error = NULL;
  gboolean ok = shnor_document_archive_programme (self->document, shown_id (self), archive, &error);

  show_label_error (self->approval_error, ok ? NULL : error->message);
  if (ok)
    {
      refill (self, 0);
      shnor_toast (GTK_WIDGET (self), self->document,
                   archive ? _("The programme is in the archive") : _("The programme is restored from the archive"));
    }
}

/* ---- new, copy, delete ------------------------------------------------ */

static void
template_changed (ShnorProgrammesView *self)
{
  guint kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->template_drop));

  gtk_widget_set_sensitive (self->school_drop, kind != SHNOR_TEMPLATE_MUNICIPAL_SUPPORT);
}

static void
create_clicked (ShnorProgrammesView *self)
{
  guint kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->template_drop));
  ShnorSchool *school = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (self->school_drop));
  gint64 school_id = school && kind != SHNOR_TEMPLATE_MUNICIPAL_SUPPORT ? shnor_school_get_id (school) : 0;
  int first = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->year_spin));
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->document == NULL)
    return;
  id = shnor_document_add_programme (self->document, kind, school_id, first, &error);
  if (id == 0)
    {
      show_label_error (self->new_error, error->message);
      return;
    }
  show_label_error (self->new_error, NULL);
  gtk_popover_popdown (GTK_POPOVER (self->new_popover));
  refill (self, id);
  gtk_stack_set_visible_child_name (GTK_STACK (self->sections), "passport");
}

static void
copy_clicked (ShnorProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = shnor_document_copy_programme (self->document, shown_id (self), &error);

  show_label_error (self->approval_error, id == 0 ? error->message : NULL);
  if (id != 0)
    refill (self, id);
}

static void
delete_clicked (ShnorProgrammesView *self)
{
  g_autoptr(GError) error = NULL;
  /* TRANSLATORS: a toast after deleting a programme; %s is its title */
  g_autofree char *done = g_strdup_printf (_("Programme “%s” deleted"), shnor_programme_get_title (self->programme));

  if (!shnor_document_delete_programme (self->document, shown_id (self), &error))
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->sections), "approval");
      show_label_error (self->approval_error, error->message);
      return;
    }
  refill (self, 0);
  shnor_toast (GTK_WIDGET (self), self->document, done);
}

/* ---- showing a programme ---------------------------------------------- */

static void
fill_header (ShnorProgrammesView *self)
{
  g_autofree char *subtitle = NULL;
  ShnorProgrammeStatus status = shnor_programme_get_status (self->programme);

  g_object_get (self->programme, "subtitle", &subtitle, NULL);
  gtk_label_set_text (GTK_LABEL (self->title_label), shnor_programme_get_title (self->programme));
  gtk_widget_set_tooltip_text (self->title_label, shnor_programme_get_title (self->programme));
  gtk_label_set_text (GTK_LABEL (self->status_label), subtitle);
  if (status != SHNOR_PROGRAMME_DRAFT)
    {
      g_autofree char *text = locked_text (self);

      gtk_label_set_text (GTK_LABEL (self->locked_label), text);
    }
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->locked_bar), status != SHNOR_PROGRAMME_DRAFT);
  gtk_widget_set_visible (self->locked_bar, status != SHNOR_PROGRAMME_DRAFT);
  gtk_widget_set_sensitive (self->delete_button, is_draft (self));
  gtk_widget_set_sensitive (self->copy_button, !shnor_document_get_read_only (self->document));
}

/* Reads the selected programme again and fills every section. */
static void
show_programme (ShnorProgrammesView *self)
{
  ShnorProgramme *selected = self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  gint64 id = selected ? shnor_programme_get_id (selected) : 0;

  g_clear_handle_id (&self->idle, g_source_remove);
  g_clear_object (&self->programme);
  if (self->document != NULL && id != 0)
    self->programme = shnor_document_dup_programme (self->document, id);
  for (guint p = 0; p < SHNOR_N_PARTS; p++)
    shnor_part_editor_set_programme (SHNOR_PART_EDITOR (self->parts[p]), self->programme ? self->document : NULL,
                                     id);
  shnor_roadmap_view_set_programme (SHNOR_ROADMAP_VIEW (self->roadmap), self->programme ? self->document : NULL, id);
  gtk_widget_set_sensitive (self->new_button, self->document != NULL &&
                                              !shnor_document_get_read_only (self->document));
  if (self->programme == NULL)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->detail_stack), "empty");
      gtk_widget_set_sensitive (self->copy_button, FALSE);
      gtk_widget_set_sensitive (self->delete_button, FALSE);
      return;
    }
  fill_header (self);
  fill_passport (self);
  fill_schools (self);
  fill_financing (self);
  fill_approval (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->detail_stack), "programme");
}

static gboolean
reload_idle (gpointer data)
{
  ShnorProgrammesView *self = data;

  self->idle = 0;
  refill (self, 0);
  return G_SOURCE_REMOVE;
}

static void
document_changed (ShnorDocument       *document,
                  const char          *table,
                  gint64               rowid,
                  ShnorProgrammesView *self)
{
  /* The parts reload themselves; here the list, the passport, the
   * schools, the financing and the approval follow their tables (undo
   * brings any of them back) */
  if (self->idle == 0 &&
      (g_str_equal (table, "programme") || g_str_equal (table, "programme_school") ||
       g_str_equal (table, "programme_financing") || g_str_equal (table, "school") ||
       g_str_equal (table, "settings")))
    self->idle = g_idle_add (reload_idle, self);
}

static void
shnor_programmes_view_dispose (GObject *object)
{
  ShnorProgrammesView *self = SHNOR_PROGRAMMES_VIEW (object);

  g_clear_handle_id (&self->idle, g_source_remove);
  shnor_programmes_view_set_document (self, NULL);
  g_clear_object (&self->programme);
  g_clear_object (&self->selection);
  g_clear_object (&self->programmes);
  g_clear_pointer (&self->passport, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHNOR_TYPE_PROGRAMMES_VIEW);

  G_OBJECT_CLASS (shnor_programmes_view_parent_class)->dispose (object);
}

static void
shnor_programmes_view_class_init (ShnorProgrammesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_programmes_view_dispose;

  g_type_ensure (SHNOR_TYPE_PROGRAMME);
  g_type_ensure (SHNOR_TYPE_SCHOOL);
  g_type_ensure (SHNOR_TYPE_ROADMAP_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-programmes-view.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ShnorProgrammesView, name)
  BIND (paned); BIND (list_view); BIND (archived_check); BIND (new_button); BIND (copy_button);
  BIND (delete_button); BIND (detail_stack); BIND (title_label); BIND (status_label); BIND (locked_bar);
  BIND (locked_label); BIND (sections); BIND (passport_grid); BIND (schools_box); BIND (schools_error);
  BIND (analysis_box); BIND (tasks_box); BIND (results_box); BIND (indicators_box); BIND (risks_box);
  BIND (stages_box); BIND (financing_grid); BIND (financing_error); BIND (acts_box); BIND (roadmap); BIND (approval_label);
  BIND (approve_button); BIND (amend_button); BIND (archive_button); BIND (approval_error);
  BIND (history_box); BIND (new_popover); BIND (template_drop); BIND (school_drop); BIND (year_spin);
  BIND (new_error); BIND (create_button); BIND (approve_popover); BIND (approve_number); BIND (approve_date);
  BIND (approve_signatory); BIND (approve_error); BIND (approve_confirm);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, archived_toggled);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked);
  gtk_widget_class_bind_template_callback (widget_class, amend_clicked);
  gtk_widget_class_bind_template_callback (widget_class, archive_clicked);
  gtk_widget_class_bind_template_callback (widget_class, template_changed);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked);
  gtk_widget_class_bind_template_callback (widget_class, approve_shown);
  gtk_widget_class_bind_template_callback (widget_class, approve_clicked);
}

static void
add_part (ShnorProgrammesView *self,
          ShnorPart            part,
          GtkWidget           *box)
{
  self->parts[part] = shnor_part_editor_new (part);
  gtk_box_append (GTK_BOX (box), self->parts[part]);
}

static void
shnor_programmes_view_init (ShnorProgrammesView *self)
{
  g_autoptr(GtkStringList) templates = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  shnor_remember_paned (self->paned, "programmes-pane");
  shnor_list_single_tab_stop (self->list_view);
  self->passport = g_hash_table_new (g_str_hash, g_str_equal);
  self->programmes = g_list_store_new (SHNOR_TYPE_PROGRAMME);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->programmes)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed), self);
  gtk_list_view_set_model (GTK_LIST_VIEW (self->list_view), GTK_SELECTION_MODEL (self->selection));

  build_passport (self);
  add_part (self, SHNOR_PART_TASK, self->tasks_box);
  add_part (self, SHNOR_PART_RESULT, self->results_box);
  add_part (self, SHNOR_PART_INDICATOR, self->indicators_box);
  add_part (self, SHNOR_PART_RISK, self->risks_box);
  add_part (self, SHNOR_PART_STAGE, self->stages_box);
  add_part (self, SHNOR_PART_ACT, self->acts_box);

  for (guint t = 0; t < SHNOR_N_TEMPLATES; t++)
    gtk_string_list_append (templates, shnor_programme_template_label (t));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->template_drop), G_LIST_MODEL (templates));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->year_spin), g_date_time_get_year (now));
  template_changed (self);
  gtk_popover_set_default_widget (GTK_POPOVER (self->approve_popover), self->approve_confirm);
  gtk_popover_set_default_widget (GTK_POPOVER (self->new_popover), self->create_button);
}

void
shnor_programmes_view_set_document (ShnorProgrammesView *self,
                                    ShnorDocument       *document)
{
  g_return_if_fail (SHNOR_IS_PROGRAMMES_VIEW (self));

  if (!shnor_watch_document (&self->document, document, G_CALLBACK (document_changed), self))
    return;
  g_clear_object (&self->programme);
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->school_drop), document ? shnor_document_get_schools (document)
                                                                       : NULL);
  refill (self, 0);
}

/* Ctrl+N in this view: the "new programme" popover. */
void
shnor_programmes_view_new_programme (ShnorProgrammesView *self)
{
  g_return_if_fail (SHNOR_IS_PROGRAMMES_VIEW (self));
  if (gtk_widget_get_sensitive (self->new_button))
    gtk_menu_button_popup (GTK_MENU_BUTTON (self->new_button));
}

/* Selects the programme @id (0: none); FALSE when it is not listed. */
gboolean
shnor_programmes_view_select (ShnorProgrammesView *self,
                              gint64               id)
{
  g_return_val_if_fail (SHNOR_IS_PROGRAMMES_VIEW (self), FALSE);
  refill (self, id);
  return shown_id (self) == id;
}

gint64
shnor_programmes_view_get_shown (ShnorProgrammesView *self)
{
  g_return_val_if_fail (SHNOR_IS_PROGRAMMES_VIEW (self), 0);
  return shown_id (self);
}

void
shnor_programmes_view_show_section (ShnorProgrammesView *self,
                                    const char          *name)
{
  g_return_if_fail (SHNOR_IS_PROGRAMMES_VIEW (self));
  gtk_stack_set_visible_child_name (GTK_STACK (self->sections), name);
}

/* For tests: a part's editor, and a passport field's entry. */
GtkWidget *
shnor_programmes_view_get_part (ShnorProgrammesView *self,
                                ShnorPart            part)
{
  g_return_val_if_fail (SHNOR_IS_PROGRAMMES_VIEW (self) && (guint) part < SHNOR_N_PARTS, NULL);
  return self->parts[part];
}

GtkWidget *
shnor_programmes_view_get_passport_field (ShnorProgrammesView *self,
                                          const char          *column)
{
  g_return_val_if_fail (SHNOR_IS_PROGRAMMES_VIEW (self), NULL);
  return g_hash_table_lookup (self->passport, column);
}

/* For tests: a named child of the template ("approve_number", …). */
GtkWidget *
shnor_programmes_view_get_child (ShnorProgrammesView *self,
                                 const char          *name)
{
  g_return_val_if_fail (SHNOR_IS_PROGRAMMES_VIEW (self), NULL);
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SHNOR_TYPE_PROGRAMMES_VIEW, name));
}
