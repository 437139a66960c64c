/* shnor-settings-dialog.c: all settings are saved together, as one undo
 * step, or none is when one of them is refused.
 *
 * The face of the documents is picked from the installed families
 * (fontconfig), with the official chain shown and what it resolves to;
 * the left margin is one of the two ГОСТ Р 7.0.97 allows. The forms the
 * documents need in another case (the authority in the genitive, the
 * person in charge of control in the accusative) are proposed from the
 * fields they come from, as those are typed; a form the user corrects is
 * kept, and one left as proposed follows its fields later on. */
#define G_LOG_DOMAIN "shnor-settings-dialog"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-field-entry.h"
#include "shnor-fonts.h"
#include "shnor-municipality.h"
#include "shnor-risk-factors-editor.h"
#include "shnor-settings-dialog.h"

struct _ShnorSettingsDialog
{
  GtkWindow      parent_instance;

  GtkWidget     *grid;
  GtkWidget     *save_button;
  GtkWidget     *pages;
  ShnorDocument *document;
  GPtrArray     *entries;   /* of ShnorFieldEntry, in field order */
  GtkWidget     *font;      /* GtkDropDown: automatic, then the families */
  GtkWidget     *font_note;
  GtkWidget     *margin;    /* GtkDropDown: 20 or 30 mm */
  GHashTable    *proposed;  /* key of a form → the text last proposed for it */
};

G_DEFINE_FINAL_TYPE (ShnorSettingsDialog, shnor_settings_dialog, GTK_TYPE_WINDOW)

static ShnorFieldEntry *
entry_of (ShnorSettingsDialog *self,
          const char          *key)
{
  for (guint i = 0; i < self->entries->len; i++)
    if (g_str_equal (shnor_field_entry_get_field (self->entries->pdata[i])->column, key))
      return self->entries->pdata[i];
  return NULL;
}

/* The settings as typed in the form */
static const char *
typed_setting (gpointer    data,
               const char *key)
{
  ShnorFieldEntry *entry = entry_of (data, key);

  return entry ? shnor_field_entry_get_text (entry) : "";
}

/* The family chosen: "" for the official chain */
static char *
chosen_font (ShnorSettingsDialog *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (self->font));

  if (item == NULL || gtk_drop_down_get_selected (GTK_DROP_DOWN (self->font)) == 0)
    return g_strdup ("");
  return g_strdup (gtk_string_object_get_string (item));
}

static const char *
chosen_margin (ShnorSettingsDialog *self)
{
  return gtk_drop_down_get_selected (GTK_DROP_DOWN (self->margin)) == 1 ? "30" : "";
}

/* The value a setting is saved with: a proposed form left as proposed is
 * saved empty, so that it follows its fields later */
static const char *
value_to_save (ShnorSettingsDialog *self,
               ShnorFieldEntry     *entry)
{
  const char *key = shnor_field_entry_get_field (entry)->column;
  const char *text = shnor_field_entry_get_text (entry);
  const char *proposal = g_hash_table_lookup (self->proposed, key);

  if (g_str_equal (key, "document_font") || g_str_equal (key, "margin_left"))
    return NULL;
  if (proposal != NULL && g_str_equal (text, proposal))
    return "";
  return text;
}

static gboolean
save_one (ShnorSettingsDialog *self,
          const char          *key,
          const char          *text,
          ShnorFieldEntry     *entry)
{
  g_autoptr(GError) error = NULL;

  if (shnor_document_set_setting (self->document, key, text, &error))
    {
      if (entry != NULL)
        shnor_field_entry_set_error (entry, NULL);
      return TRUE;
    }
  if (entry != NULL)
    shnor_field_entry_set_error (entry, error->message);
  return FALSE;
}

static void
save_clicked (ShnorSettingsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *font = chosen_font (self);
  gboolean ok = TRUE;

  if (!shnor_document_begin_edit (self->document, _("Municipality settings"), &error))
    {
      shnor_field_entry_set_error (self->entries->pdata[0], error->message);
      return;
    }
  for (guint i = 0; i < self->entries->len; i++)
    {
      ShnorFieldEntry *entry = self->entries->pdata[i];
      const char *text = value_to_save (self, entry);

      if (text != NULL)
        ok &= save_one (self, shnor_field_entry_get_field (entry)->column, text, entry);
    }
  ok = ok && save_one (self, "document_font", font, NULL) && save_one (self, "margin_left", chosen_margin (self), NULL);
  if (!ok)
    {
      shnor_document_cancel_edit (self->document);
      return;
    }
  if (!shnor_document_end_edit (self->document, &error))
    {
      shnor_field_entry_set_error (self->entries->pdata[0], error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
entry_commit (ShnorFieldEntry *entry,
              const char      *text)
{
  /* Enter in any field saves the whole form. */
  gtk_widget_activate_action (GTK_WIDGET (entry), "settings.save", NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save_clicked (SHNOR_SETTINGS_DIALOG (widget));
}

/* A form follows its fields as they are typed, unless the user has
 * written another */
static void
update_proposals (ShnorSettingsDialog *self)
{
  static const char * const forms[] = { "authority_genitive", "control_accusative", NULL };

  for (guint i = 0; forms[i]; i++)
    {
      ShnorFieldEntry *entry = entry_of (self, forms[i]);
      g_autofree char *proposal = NULL;
      const char *before = g_hash_table_lookup (self->proposed, forms[i]);

      if (entry == NULL)
        continue;
      proposal = shnor_municipality_propose (forms[i], typed_setting, self);
      if (before == NULL || g_str_equal (shnor_field_entry_get_text (entry), before) ||
          shnor_field_entry_get_text (entry)[0] == '\0')
        shnor_field_entry_set_text (entry, proposal);
      g_hash_table_replace (self->proposed, (gpointer) forms[i], g_steal_pointer (&proposal));
    }
}

static void
source_changed (GtkEditable         *editable,
                ShnorSettingsDialog *self)
{
  update_proposals (self);
}

/* «Documents are set in Liberation Serif (PT Astra Serif and Times New
 * Roman are not installed)» */
static void
update_font_note (ShnorSettingsDialog *self)
{
  g_autofree char *font = chosen_font (self);
  g_autofree char *used = shnor_fonts_resolve (font);
  g_autoptr(GString) missing = g_string_new (NULL);
  const char * const *chain = shnor_fonts_official ();
  g_autofree char *note = NULL;

  for (guint i = 0; chain[i] && !g_str_equal (chain[i], used); i++)
    if (font[0] == '\0')
      g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", chain[i]);
  if (missing->len > 0)
    /* TRANSLATORS: the face the documents get, and the official ones missing */
    note = g_strdup_printf (_("The documents are set in %s (not installed: %s)."), used, missing->str);
  else
    note = g_strdup_printf (_("The documents are set in %s."), used);
  gtk_label_set_text (GTK_LABEL (self->font_note), note);
}

static void
font_selected (ShnorSettingsDialog *self)
{
  update_font_note (self);
}

static void
shnor_settings_dialog_dispose (GObject *object)
{
  ShnorSettingsDialog *self = SHNOR_SETTINGS_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->proposed, g_hash_table_unref);

  G_OBJECT_CLASS (shnor_settings_dialog_parent_class)->dispose (object);
}

static void
shnor_settings_dialog_class_init (ShnorSettingsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_settings_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-settings-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShnorSettingsDialog, grid);
  gtk_widget_class_bind_template_child (widget_class, ShnorSettingsDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked);
  gtk_widget_class_install_action (widget_class, "settings.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shnor_settings_dialog_init (ShnorSettingsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_ptr_array_new ();
  self->proposed = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

static GtkWidget *
caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 26);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* The face: «Automatic (…)» first, then every installed family */
static GtkWidget *
font_picker (ShnorSettingsDialog *self,
             const char          *saved)
{
  g_auto(GStrv) families = shnor_fonts_list_families ();
  g_autofree char *chain = g_strjoinv (", ", (char **) shnor_fonts_official ());
  g_autofree char *automatic = g_strdup_printf (_("Automatic: the first installed of %s"), chain);
  GtkStringList *list = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  guint selected = 0;

  gtk_string_list_append (list, automatic);
  for (guint i = 0; families[i]; i++)
    {
      gtk_string_list_append (list, families[i]);
      if (saved != NULL && g_ascii_strcasecmp (saved, families[i]) == 0)
        selected = i + 1;
    }
  /* a family this computer lacks is kept (the note says what is used) */
  if (selected == 0 && saved != NULL && saved[0])
    {
      gtk_string_list_append (list, saved);
      selected = g_list_model_get_n_items (G_LIST_MODEL (list)) - 1;
    }
  self->font = gtk_drop_down_new (G_LIST_MODEL (list), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->font), TRUE);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (self->font),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->font), selected);
  gtk_widget_set_hexpand (self->font, TRUE);
  self->font_note = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->font_note), 0);
  gtk_label_set_wrap (GTK_LABEL (self->font_note), TRUE);
  gtk_widget_add_css_class (self->font_note, "dim-label");
  gtk_box_append (GTK_BOX (box), self->font);
  gtk_box_append (GTK_BOX (box), self->font_note);
  g_signal_connect_swapped (self->font, "notify::selected", G_CALLBACK (font_selected), self);
  update_font_note (self);
  return box;
}

static GtkWidget *
margin_picker (ShnorSettingsDialog *self,
               const char          *saved)
{
  const char *choices[] = { _("20 mm"), _("30 mm"), NULL };

  self->margin = gtk_drop_down_new_from_strings (choices);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->margin), g_strcmp0 (saved, "30") == 0 ? 1 : 0);
  gtk_widget_set_halign (self->margin, GTK_ALIGN_START);
  return self->margin;
}

static void
build_form (ShnorSettingsDialog *self)
{
  guint n_fields;
  const ShnorField *fields = shnor_municipality_fields (&n_fields);
  gboolean editable = !shnor_document_get_read_only (self->document);

  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *label = caption (_(fields[i].label));
      g_autofree char *value = shnor_document_dup_setting (self->document, fields[i].column);
      GtkWidget *widget;

      if (g_str_equal (fields[i].column, "document_font"))
        widget = font_picker (self, value);
      else if (g_str_equal (fields[i].column, "margin_left"))
        widget = margin_picker (self, value);
      else
        {
          widget = shnor_field_entry_new (&fields[i], TRUE);
          shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (widget), value);
          shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (widget), editable);
          g_signal_connect (shnor_field_entry_get_entry (SHNOR_FIELD_ENTRY (widget)), "activate",
                            G_CALLBACK (entry_commit), NULL);
          g_ptr_array_add (self->entries, widget);
        }
      gtk_widget_set_sensitive (widget, editable);
      gtk_widget_set_hexpand (widget, TRUE);
      gtk_grid_attach (GTK_GRID (self->grid), label, 0, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), widget, 1, (int) i, 1, 1);
    }
  /* the forms proposed from what they come from, as it is typed */
  for (guint i = 0; i < n_fields; i++)
    {
      const char * const *sources = shnor_municipality_proposal_sources (fields[i].column);

      for (guint s = 0; sources && sources[s]; s++)
        g_signal_connect (shnor_field_entry_get_entry (entry_of (self, sources[s])), "changed",
                          G_CALLBACK (source_changed), self);
    }
  update_proposals (self);
  gtk_widget_set_sensitive (self->save_button, editable);
}

/* The form of the template is the first page; the reference list of risk
 * factors, shared by every school's profile, is the second, with its own
 * code. The pages are switched in the header bar. */
static void
add_pages (ShnorSettingsDialog *self)
{
  GtkWidget *form = g_object_ref (gtk_window_get_child (GTK_WINDOW (self)));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *switcher = gtk_stack_switcher_new ();

  self->pages = gtk_stack_new ();
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  /* the dialog fits a 1190 × 740 window; the form scrolls in it */
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 580);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), form);
  g_object_unref (form);
  gtk_stack_add_titled (GTK_STACK (self->pages), scroller, "municipality", _("Municipality"));
  gtk_stack_add_titled (GTK_STACK (self->pages), shnor_risk_factors_editor_new (self->document), "risk-factors",
                        _("Risk Factors"));
  gtk_window_set_child (GTK_WINDOW (self), self->pages);
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), GTK_STACK (self->pages));
  gtk_header_bar_set_title_widget (GTK_HEADER_BAR (gtk_window_get_titlebar (GTK_WINDOW (self))), switcher);
}

GtkWidget *
shnor_settings_dialog_new (GtkWindow     *parent,
                           ShnorDocument *document)
{
  ShnorSettingsDialog *self;

  g_return_val_if_fail (SHNOR_IS_DOCUMENT (document), NULL);

  self = g_object_new (SHNOR_TYPE_SETTINGS_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  build_form (self);
  add_pages (self);
  return GTK_WIDGET (self);
}

/* Shows the page @name: "municipality" or "risk-factors". */
void
shnor_settings_dialog_show_page (ShnorSettingsDialog *self,
                                 const char          *name)
{
  g_return_if_fail (SHNOR_IS_SETTINGS_DIALOG (self));
  gtk_stack_set_visible_child_name (GTK_STACK (self->pages), name);
}

/* Puts the focus in the field of the setting @key */
void
shnor_settings_dialog_focus (ShnorSettingsDialog *self,
                             const char          *key)
{
  ShnorFieldEntry *entry;

  g_return_if_fail (SHNOR_IS_SETTINGS_DIALOG (self));
  shnor_settings_dialog_show_page (self, "municipality");
  entry = entry_of (self, key);
  if (entry != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (shnor_field_entry_get_entry (entry)));
  else if (g_strcmp0 (key, "document_font") == 0)
    gtk_widget_grab_focus (self->font);
}

/* For tests: the pickers */
GtkWidget *
shnor_settings_dialog_get_picker (ShnorSettingsDialog *self,
                                  const char          *key)
{
  g_return_val_if_fail (SHNOR_IS_SETTINGS_DIALOG (self), NULL);
  return g_strcmp0 (key, "document_font") == 0 ? self->font
         : g_strcmp0 (key, "margin_left") == 0 ? self->margin : NULL;
}
