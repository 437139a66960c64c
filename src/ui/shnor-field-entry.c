/* shnor-field-entry.c: keeps the stored text apart from what is typed, so
 * that a refused value stays in the entry for the user to fix while the
 * document keeps the previous one. */
#define G_LOG_DOMAIN "shnor-field-entry"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-field-entry.h"

struct _ShnorFieldEntry
{
  GtkWidget         parent_instance;

  const ShnorField *field;
  GtkWidget        *entry;
  GtkWidget        *view;         /* long texts: a GtkTextView in place of the entry */
  GtkWidget        *error_label;  /* NULL: errors only as tooltip */
  char             *stored;
  char             *typed;        /* long texts: the view's text, as last read */
  int               min_height;   /* long texts: the least height of the view */
  int               fitted_width; /* long texts: the width last fitted to */
  guint             fit_idle;
  gboolean          has_error;
};

G_DEFINE_FINAL_TYPE (ShnorFieldEntry, shnor_field_entry, GTK_TYPE_WIDGET)

enum { COMMIT, N_SIGNALS };
static guint signals[N_SIGNALS];

/* What is typed now, in the entry or the text view. */
static const char *
typed_text (ShnorFieldEntry *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (self->view == NULL)
    return gtk_editable_get_text (GTK_EDITABLE (self->entry));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (self->typed);
  self->typed = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return self->typed;
}

static void
show_typed (ShnorFieldEntry *self,
            const char      *text)
{
  if (g_strcmp0 (typed_text (self), text) == 0)
    return;
  if (self->view != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

static gboolean
is_editable (ShnorFieldEntry *self)
{
  return self->view ? gtk_text_view_get_editable (GTK_TEXT_VIEW (self->view))
                    : gtk_editable_get_editable (GTK_EDITABLE (self->entry));
}

static void
maybe_commit (ShnorFieldEntry *self)
{
  const char *text = typed_text (self);

  if (!is_editable (self))
    return;
  if (!self->has_error && g_strcmp0 (text, self->stored) == 0)
    return;
  g_signal_emit (self, signals[COMMIT], 0, text);
}

static void
entry_activate (ShnorFieldEntry *self)
{
  maybe_commit (self);
}

static void
focus_leave (ShnorFieldEntry *self)
{
  maybe_commit (self);
}

static gboolean
commit_shortcut (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   data)
{
  maybe_commit (data);
  return TRUE;
}

/* Escape: handled only when there is something to revert, so that in a
 * dialog an untouched field lets Escape close the dialog. */
static gboolean
escape_pressed (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  return shnor_field_entry_revert (SHNOR_FIELD_ENTRY (widget));
}

static void
shnor_field_entry_dispose (GObject *object)
{
  ShnorFieldEntry *self = SHNOR_FIELD_ENTRY (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->stored, g_free);
  g_clear_pointer (&self->typed, g_free);
  g_clear_handle_id (&self->fit_idle, g_source_remove);

  G_OBJECT_CLASS (shnor_field_entry_parent_class)->dispose (object);
}

/* Longer texts than this scroll inside the field. */
#define MAX_TEXT_HEIGHT 400

/* A long text's field grows with its text, which GtkTextView does not do
 * by itself in a grid: the text is laid out at the view's width as the
 * view lays it out (same font, margins and wrapping), and the field asks
 * for that height. */
static void
fit_text (ShnorFieldEntry *self)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_parent (self->view));
  GtkTextView *view = GTK_TEXT_VIEW (self->view);
  int width = gtk_widget_get_width (self->view) - gtk_text_view_get_left_margin (view) -
              gtk_text_view_get_right_margin (view);
  g_autoptr(PangoLayout) layout = NULL;
  int height, wanted;

  if (width <= 0)
    return;
  layout = gtk_widget_create_pango_layout (self->view, typed_text (self));
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, NULL, &height);
  height += gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view);
  wanted = CLAMP (height, self->min_height, MAX_TEXT_HEIGHT);
  if (gtk_scrolled_window_get_min_content_height (scroller) != wanted)
    gtk_scrolled_window_set_min_content_height (scroller, wanted);
  gtk_scrolled_window_set_policy (scroller, GTK_POLICY_NEVER,
                                  height > MAX_TEXT_HEIGHT ? GTK_POLICY_AUTOMATIC : GTK_POLICY_EXTERNAL);
}

static gboolean
fit_text_idle (gpointer data)
{
  ShnorFieldEntry *self = data;

  self->fit_idle = 0;
  fit_text (self);
  return G_SOURCE_REMOVE;
}

/* A new width wraps the text anew: the view's horizontal adjustment
 * follows its width (a widget with a layout manager has no allocation
 * hook of its own); fit the text once the allocation is done. */
static void
text_width_changed (GtkAdjustment   *adjustment,
                    ShnorFieldEntry *self)
{
  int width = (int) gtk_adjustment_get_page_size (adjustment);

  if (width != self->fitted_width && self->fit_idle == 0)
    {
      self->fitted_width = width;
      self->fit_idle = g_idle_add (fit_text_idle, self);
    }
}

/* A wrapping text of several lines in place of the entry: Tab moves on,
 * Ctrl+Enter or leaving it stores it, Escape puts the stored text back. */
static void
make_text_view (ShnorFieldEntry *self)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_widget_unparent (self->entry);
  self->entry = NULL;
  self->min_height = 34;
  self->view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->view), 8);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_EXTERNAL);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), self->min_height);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->view);
  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)), "changed",
                            G_CALLBACK (fit_text), self);
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->view)), "changed",
                           G_CALLBACK (text_width_changed), self, 0);
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  gtk_widget_set_parent (frame, GTK_WIDGET (self));
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave), self);
  gtk_widget_add_controller (self->view, focus);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                      gtk_callback_action_new (commit_shortcut, self, NULL)));
  gtk_widget_add_controller (self->view, keys);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(self->field->label), -1);
}

static void
shnor_field_entry_class_init (ShnorFieldEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_field_entry_dispose;

  /**
   * ShnorFieldEntry::commit:
   * @text: what the user typed
   *
   * The user is done with the value. The handler stores it, then calls
   * shnor_field_entry_set_text() or shnor_field_entry_set_error().
   */
  signals[COMMIT] = g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_pressed, NULL);
}

static void
shnor_field_entry_init (ShnorFieldEntry *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->stored = g_strdup ("");
  self->entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->entry, TRUE);
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));

  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave), self);
  gtk_widget_add_controller (self->entry, focus);
}

GtkWidget *
shnor_field_entry_new (const ShnorField *field,
                       gboolean          inline_error)
{
  ShnorFieldEntry *self = g_object_new (SHNOR_TYPE_FIELD_ENTRY, NULL);

  self->field = field;
  if (field->kind == SHNOR_FIELD_LONG_TEXT)
    make_text_view (self);
  else
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(field->label), -1);
      if (field->kind == SHNOR_FIELD_INT || field->kind == SHNOR_FIELD_REAL)
        {
          gtk_entry_set_alignment (GTK_ENTRY (self->entry), 1.0);
          gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 5);
          gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), 7);
          gtk_widget_set_hexpand (self->entry, FALSE);
          /* an error below a number does not stretch it */
          gtk_widget_set_halign (self->entry, GTK_ALIGN_START);
          gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_NUMBER);
        }
      if (field->kind == SHNOR_FIELD_EMAIL)
        gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_EMAIL);
    }

  if (inline_error)
    {
      self->error_label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
      gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
      gtk_widget_add_css_class (self->error_label, "error");
      gtk_widget_add_css_class (self->error_label, "caption");
      gtk_widget_set_visible (self->error_label, FALSE);
      gtk_widget_set_parent (self->error_label, GTK_WIDGET (self));
    }

  return GTK_WIDGET (self);
}

const ShnorField *
shnor_field_entry_get_field (ShnorFieldEntry *self)
{
  g_return_val_if_fail (SHNOR_IS_FIELD_ENTRY (self), NULL);
  return self->field;
}

GtkEntry *
shnor_field_entry_get_entry (ShnorFieldEntry *self)
{
  g_return_val_if_fail (SHNOR_IS_FIELD_ENTRY (self), NULL);
  return self->entry ? GTK_ENTRY (self->entry) : NULL;
}

/* A long text's field is at least @height pixels high (a page of text
 * rather than a few lines). */
void
shnor_field_entry_set_min_height (ShnorFieldEntry *self,
                                  int              height)
{
  g_return_if_fail (SHNOR_IS_FIELD_ENTRY (self) && self->view != NULL);
  self->min_height = height;
  fit_text (self);
}

/* The widget that is typed into: the entry, or the text view of a long
 * text. */
GtkWidget *
shnor_field_entry_get_input (ShnorFieldEntry *self)
{
  g_return_val_if_fail (SHNOR_IS_FIELD_ENTRY (self), NULL);
  return self->view ? self->view : self->entry;
}

const char *
shnor_field_entry_get_text (ShnorFieldEntry *self)
{
  g_return_val_if_fail (SHNOR_IS_FIELD_ENTRY (self), NULL);
  return typed_text (self);
}

/* The value the document holds now; clears any error. */
void
shnor_field_entry_set_text (ShnorFieldEntry *self,
                            const char      *text)
{
  g_return_if_fail (SHNOR_IS_FIELD_ENTRY (self));

  char *copy = g_strdup (text ? text : "");  /* @text may be self->stored */

  g_free (self->stored);
  self->stored = copy;
  show_typed (self, self->stored);
  shnor_field_entry_set_error (self, NULL);
}

/**
 * shnor_field_entry_update:
 *
 * The document holds @text now (it was changed elsewhere, or undone).
 * A field being edited — a refused value with its message, or text typed
 * and not yet committed — keeps what the user typed; any other shows
 * @text.
 */
void
shnor_field_entry_update (ShnorFieldEntry *self,
                          const char      *text)
{
  gboolean editing;

  g_return_if_fail (SHNOR_IS_FIELD_ENTRY (self));

  editing = self->has_error || g_strcmp0 (typed_text (self), self->stored) != 0;
  if (!editing)
    {
      shnor_field_entry_set_text (self, text);
      return;
    }
  g_free (self->stored);
  self->stored = g_strdup (text ? text : "");
}

/* After a commit was stored: the field shows the value as stored (its
 * canonical writing) and no error. */
void
shnor_field_entry_accept (ShnorFieldEntry *self)
{
  g_return_if_fail (SHNOR_IS_FIELD_ENTRY (self));
  shnor_field_entry_set_text (self, self->stored);
}

/* Shows @message (NULL clears it); the typed text stays. */
void
shnor_field_entry_set_error (ShnorFieldEntry *self,
                             const char      *message)
{
  g_return_if_fail (SHNOR_IS_FIELD_ENTRY (self));

  self->has_error = message != NULL;
  {
    GtkWidget *input = self->view ? gtk_widget_get_ancestor (self->view, GTK_TYPE_FRAME) : self->entry;

    if (message != NULL)
      gtk_widget_add_css_class (input, "error");
    else
      gtk_widget_remove_css_class (input, "error");
    gtk_widget_set_tooltip_text (input, message);
  }
  if (self->error_label != NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
      gtk_widget_set_visible (self->error_label, message != NULL);
    }
}

void
shnor_field_entry_set_editable (ShnorFieldEntry *self,
                                gboolean         editable)
{
  g_return_if_fail (SHNOR_IS_FIELD_ENTRY (self));
  if (self->view != NULL)
    gtk_text_view_set_editable (GTK_TEXT_VIEW (self->view), editable);
  else
    gtk_editable_set_editable (GTK_EDITABLE (self->entry), editable);
  /* a value that cannot be changed reads as text (style.css), not as an
   * empty white field waiting for typing */
  if (editable)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "read-only");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "read-only");
}

/**
 * shnor_field_entry_revert:
 *
 * Puts the stored value back in place of what was typed (Escape).
 * Returns: whether there was anything to revert
 */
gboolean
shnor_field_entry_revert (ShnorFieldEntry *self)
{
  g_return_val_if_fail (SHNOR_IS_FIELD_ENTRY (self), FALSE);

  if (!self->has_error && g_strcmp0 (typed_text (self), self->stored) == 0)
    return FALSE;
  shnor_field_entry_set_text (self, self->stored);
  return TRUE;
}
