/* shnor-order-dialog.c: preparing the order that approves a programme:
 * what it still lacks (with a way to each place), its texts edited beside
 * a preview of the very pages that are printed and exported to PDF, at
 * any zoom, and its appendices exported to XLSX with the same numbers. */
#define G_LOG_DOMAIN "shnor-order-dialog"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-field-entry.h"
#include "shnor-file-chooser.h"
#include "shnor-order.h"
#include "shnor-order-dialog.h"
#include "shnor-preflight-list.h"
#include "shnor-widgets.h"
#include "shnor-window.h"
#include "shnor-xlsx-export.h"

#define MARGIN   12.0      /* around the page in the preview */
#define MIN_ZOOM 0.25
#define MAX_ZOOM 4.0

struct _ShnorOrderDialog
{
  GtkWindow      parent_instance;

  GtkWidget     *preflight;
  GtkWidget     *fields_box;
  GtkWidget     *error_label;
  GtkWidget     *scroller;
  GtkWidget     *preview;
  GtkWidget     *page_label;
  GtkWidget     *previous_button;
  GtkWidget     *next_button;
  GtkWidget     *zoom_label;
  GtkWidget     *zoom_in_button;
  GtkWidget     *zoom_out_button;
  GtkWidget     *fit_button;
  GtkWidget     *print_button;
  GtkWidget     *pdf_button;
  GtkWidget     *xlsx_button;

  ShnorDocument *document;
  gint64         programme;
  ShnorOrder    *order;
  guint          page;
  double         zoom;       /* 1: a point is a pixel */
  GHashTable    *entries;    /* key → ShnorFieldEntry */
  guint          compose_idle;
  guint          fit_idle;
};

G_DEFINE_FINAL_TYPE (ShnorOrderDialog, shnor_order_dialog, GTK_TYPE_WINDOW)

static void
show_error (ShnorOrderDialog *self,
            const char       *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static gboolean
fitting (ShnorOrderDialog *self)
{
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->fit_button));
}

static void
page_size (ShnorOrderDialog *self,
           double           *width,
           double           *height)
{
  *width = 210 * 72.0 / 25.4;
  *height = 297 * 72.0 / 25.4;
  if (self->order != NULL && self->page < shnor_order_get_n_pages (self->order))
    shnor_order_get_page_size (self->order, self->page, width, height);
}

/* The drawing area as large as the page at the zoom; when the page fits
 * the width, the zoom follows the width */
static void
update_size (ShnorOrderDialog *self)
{
  double width, height;
  g_autofree char *percent = NULL;

  page_size (self, &width, &height);
  if (fitting (self))
    {
      GtkAdjustment *across = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller));
      double room = gtk_adjustment_get_page_size (across) - 2 * MARGIN;

      if (room > 50)
        self->zoom = CLAMP (room / width, MIN_ZOOM, MAX_ZOOM);
    }
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->preview), (int) (width * self->zoom + 2 * MARGIN));
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->preview), (int) (height * self->zoom + 2 * MARGIN));
  percent = g_strdup_printf ("%d\u00a0%%", (int) (self->zoom * 100 + 0.5));
  gtk_label_set_text (GTK_LABEL (self->zoom_label), percent);
  gtk_widget_queue_draw (self->preview);
}

static void
update_page (ShnorOrderDialog *self)
{
  guint n = self->order ? shnor_order_get_n_pages (self->order) : 0;
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), n ? self->page + 1 : 0, n);

  gtk_label_set_text (GTK_LABEL (self->page_label), text);
  gtk_widget_set_sensitive (self->previous_button, self->page > 0);
  gtk_widget_set_sensitive (self->next_button, self->page + 1 < n);
  update_size (self);
}

static void
update_preflight (ShnorOrderDialog *self)
{
  g_autoptr(GPtrArray) items = shnor_document_preflight (self->document, self->programme);

  shnor_preflight_list_set_items (SHNOR_PREFLIGHT_LIST (self->preflight), items);
}

/* The pages again, from the texts and the data as they are now */
static void
compose (ShnorOrderDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->order, shnor_order_free);
  self->order = shnor_order_new (self->document, self->programme, &error);
  show_error (self, self->order ? NULL : error->message);
  if (self->order != NULL)
    self->page = MIN (self->page, shnor_order_get_n_pages (self->order) - 1);
  update_page (self);
  update_preflight (self);
}

/* The texts of the order as the document holds them now (a setting may
 * have changed their defaults) */
static void
refresh_fields (ShnorOrderDialog *self)
{
  GHashTableIter iter;
  gpointer key, entry;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &key, &entry))
    {
      g_autofree char *text = shnor_document_dup_order_text (self->document, self->programme, key);

      if (!gtk_widget_has_focus (shnor_field_entry_get_input (entry)))
        shnor_field_entry_set_text (entry, text);
    }
}

static gboolean
compose_idle (gpointer data)
{
  ShnorOrderDialog *self = data;

  self->compose_idle = 0;
  refresh_fields (self);
  compose (self);
  return G_SOURCE_REMOVE;
}

/* Any edit (here, in the settings, undo) may change the pages */
static void
document_changed (ShnorDocument    *document,
                  const char       *table,
                  gint64            rowid,
                  ShnorOrderDialog *self)
{
  if (self->compose_idle == 0)
    self->compose_idle = g_idle_add (compose_idle, self);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  ShnorOrderDialog *self = data;
  double page_w, page_h;

  if (self->order == NULL || self->zoom <= 0)
    return;
  page_size (self, &page_w, &page_h);
  cairo_translate (cr, MAX (MARGIN, (width - page_w * self->zoom) / 2), MARGIN);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, 2, 2, page_w * self->zoom, page_h * self->zoom);
  cairo_fill (cr);
  cairo_scale (cr, self->zoom, self->zoom);
  shnor_order_draw_page (self->order, cr, self->page);
}

static gboolean
fit_idle (gpointer data)
{
  ShnorOrderDialog *self = data;

  self->fit_idle = 0;
  update_size (self);
  return G_SOURCE_REMOVE;
}

/* The width of the preview changed (the window, the pane): it is fitted
 * again once the allocation is done, not in the middle of it */
static void
room_changed (ShnorOrderDialog *self)
{
  if (fitting (self) && self->fit_idle == 0)
    self->fit_idle = g_idle_add (fit_idle, self);
}

static void
set_zoom (ShnorOrderDialog *self,
          double            zoom)
{
  self->zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->fit_button), FALSE);
  update_size (self);
}

static void
zoom_in_clicked (ShnorOrderDialog *self)
{
  set_zoom (self, self->zoom * 1.25);
}

static void
zoom_out_clicked (ShnorOrderDialog *self)
{
  set_zoom (self, self->zoom / 1.25);
}

static void
fit_toggled (ShnorOrderDialog *self)
{
  update_size (self);
}

static void
text_commit (ShnorFieldEntry  *entry,
             const char       *text,
             ShnorOrderDialog *self)
{
  const char *key = shnor_field_entry_get_field (entry)->column;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  if (!shnor_document_set_order_text (self->document, self->programme, key, text, &error))
    {
      shnor_field_entry_set_error (entry, error->message);
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  stored = shnor_document_dup_order_text (self->document, self->programme, key);
  shnor_field_entry_set_text (entry, stored);
  compose (self);
}

static void
previous_clicked (ShnorOrderDialog *self)
{
  if (self->page > 0)
    self->page--;
  update_page (self);
}

static void
next_clicked (ShnorOrderDialog *self)
{
  if (self->order != NULL && self->page + 1 < shnor_order_get_n_pages (self->order))
    self->page++;
  update_page (self);
}

static void
pdf_chosen (GObject    *owner,
            GtkWindow  *parent,
            GFile      *file,
            const char *path)
{
  ShnorOrderDialog *self = SHNOR_ORDER_DIALOG (owner);
  g_autoptr(GError) error = NULL;

  /* no document from a file that could not be read whole */
  if (path != NULL && self->order != NULL &&
      (!shnor_document_check_reads (self->document, &error) || !shnor_order_write_pdf (self->order, path, &error)))
    show_error (self, error->message);
}

static void
pdf_clicked (ShnorOrderDialog *self)
{
  shnor_choose_file (GTK_WINDOW (self), _("Export the Order to PDF"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                     _("Order.pdf"), SHNOR_FILES_CHARTS, pdf_chosen, G_OBJECT (self));
}

static void
xlsx_chosen (GObject    *owner,
             GtkWindow  *parent,
             GFile      *file,
             const char *path)
{
  ShnorOrderDialog *self = SHNOR_ORDER_DIALOG (owner);
  g_autoptr(GError) error = NULL;

  if (path != NULL && !shnor_export_programme_xlsx (self->document, self->programme, path, &error))
    show_error (self, error->message);
}

static void
xlsx_clicked (ShnorOrderDialog *self)
{
  shnor_choose_file (GTK_WINDOW (self), _("Export the Appendices"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                     _("Programme appendices.xlsx"), SHNOR_FILES_TABLES, xlsx_chosen, G_OBJECT (self));
}

static void
print_page (GtkPrintOperation *operation,
            GtkPrintContext   *context,
            int                page,
            ShnorOrderDialog  *self)
{
  shnor_order_draw_page (self->order, gtk_print_context_get_cairo_context (context), (guint) page);
}

/* A landscape page (a wide table) is printed as one */
static void
request_page_setup (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page,
                    GtkPageSetup      *setup,
                    ShnorOrderDialog  *self)
{
  double width, height;

  shnor_order_get_page_size (self->order, (guint) page, &width, &height);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
}

/* The same pages, in points from the corner of the sheet */
static void
print_clicked (ShnorOrderDialog *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;

  if (self->order == NULL)
    return;
  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, (int) shnor_order_get_n_pages (self->order));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, gtk_window_get_title (GTK_WINDOW (self)));
  g_signal_connect (operation, "draw-page", G_CALLBACK (print_page), self);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (request_page_setup), self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error->message);
}

/* A line of the preflight: a text of the order is here; the rest is in
 * the window (the dialog gives way) or in the settings (over it) */
static void
preflight_go (ShnorPreflightList       *list,
              const ShnorPreflightItem *item,
              ShnorOrderDialog         *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (item->target == SHNOR_PREFLIGHT_ORDER)
    {
      GtkWidget *entry = g_hash_table_lookup (self->entries, item->key);

      if (entry != NULL)
        gtk_widget_grab_focus (shnor_field_entry_get_input (SHNOR_FIELD_ENTRY (entry)));
      return;
    }
  if (SHNOR_IS_WINDOW (parent) &&
      shnor_window_show_preflight_item (SHNOR_WINDOW (parent), self->programme, item, GTK_WINDOW (self)))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
build_fields (ShnorOrderDialog *self)
{
  guint n_fields;
  const ShnorField *fields = shnor_order_fields (&n_fields);
  gboolean writable = TRUE;
  g_autoptr(ShnorProgramme) programme = shnor_document_dup_programme (self->document, self->programme);

  if (programme == NULL || shnor_document_get_read_only (self->document) ||
      shnor_programme_get_status (programme) == SHNOR_PROGRAMME_ARCHIVED)
    writable = FALSE;
  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *entry = shnor_field_entry_new (&fields[i], TRUE);
      g_autofree char *text = shnor_document_dup_order_text (self->document, self->programme, fields[i].column);

      gtk_box_append (GTK_BOX (self->fields_box), shnor_field_caption (_(fields[i].label)));
      shnor_field_entry_set_text (SHNOR_FIELD_ENTRY (entry), text);
      shnor_field_entry_set_editable (SHNOR_FIELD_ENTRY (entry), writable);
      g_signal_connect (entry, "commit", G_CALLBACK (text_commit), self);
      g_hash_table_insert (self->entries, (gpointer) fields[i].column, entry);
      gtk_box_append (GTK_BOX (self->fields_box), entry);
    }
}

static gboolean
key_pressed (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  ShnorOrderDialog *self = SHNOR_ORDER_DIALOG (widget);
  const char *what = g_variant_get_string (args, NULL);

  if (g_str_equal (what, "previous"))
    previous_clicked (self);
  else if (g_str_equal (what, "next"))
    next_clicked (self);
  else if (g_str_equal (what, "zoom-in"))
    zoom_in_clicked (self);
  else if (g_str_equal (what, "zoom-out"))
    zoom_out_clicked (self);
  else if (g_str_equal (what, "fit"))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->fit_button), TRUE);
  else
    print_clicked (self);
  return TRUE;
}

static void
shnor_order_dialog_dispose (GObject *object)
{
  ShnorOrderDialog *self = SHNOR_ORDER_DIALOG (object);

  g_clear_handle_id (&self->compose_idle, g_source_remove);
  g_clear_handle_id (&self->fit_idle, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_pointer (&self->order, shnor_order_free);
  g_clear_object (&self->document);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHNOR_TYPE_ORDER_DIALOG);

  G_OBJECT_CLASS (shnor_order_dialog_parent_class)->dispose (object);
}

static void
shnor_order_dialog_class_init (ShnorOrderDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shnor_order_dialog_dispose;
  g_type_ensure (SHNOR_TYPE_PREFLIGHT_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-order-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, preflight);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, fields_box);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, page_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, previous_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, zoom_in_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, zoom_out_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, fit_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, pdf_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, xlsx_button);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, zoom_in_clicked);
  gtk_widget_class_bind_template_callback (widget_class, zoom_out_clicked);
  gtk_widget_class_bind_template_callback (widget_class, fit_toggled);
  gtk_widget_class_bind_template_callback (widget_class, pdf_clicked);
  gtk_widget_class_bind_template_callback (widget_class, xlsx_clicked);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, key_pressed, "s", "previous");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, key_pressed, "s", "next");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, key_pressed, "s", "print");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, key_pressed, "s", "zoom-in");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, key_pressed, "s", "zoom-in");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, key_pressed, "s", "zoom-in");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, key_pressed, "s", "zoom-out");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, key_pressed, "s", "zoom-out");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, key_pressed, "s", "fit");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shnor_order_dialog_init (ShnorOrderDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_hash_table_new (g_str_hash, g_str_equal);
  self->zoom = 0.8;
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->preview), draw_preview, self, NULL);
  g_signal_connect_swapped (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller)),
                            "notify::page-size", G_CALLBACK (room_changed), self);
  g_signal_connect (self->preflight, "go", G_CALLBACK (preflight_go), self);
}

/* The order of the programme @id of @document, transient for @parent */
GtkWidget *
shnor_order_dialog_new (GtkWindow     *parent,
                        ShnorDocument *document,
                        gint64         id)
{
  ShnorOrderDialog *self = g_object_new (SHNOR_TYPE_ORDER_DIALOG, "transient-for", parent, NULL);
  g_autoptr(ShnorProgramme) programme = shnor_document_dup_programme (document, id);

  self->document = g_object_ref (document);
  self->programme = id;
  if (programme != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("The Order: %s"), shnor_programme_get_title (programme));

      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  build_fields (self);
  compose (self);
  g_signal_connect (document, "changed", G_CALLBACK (document_changed), self);
  return GTK_WIDGET (self);
}

/* For tests */
guint
shnor_order_dialog_get_page (ShnorOrderDialog *self)
{
  return self->page;
}

guint
shnor_order_dialog_get_n_pages (ShnorOrderDialog *self)
{
  return self->order ? shnor_order_get_n_pages (self->order) : 0;
}

double
shnor_order_dialog_get_zoom (ShnorOrderDialog *self)
{
  return self->zoom;
}

GtkWidget *
shnor_order_dialog_get_field (ShnorOrderDialog *self,
                              const char       *key)
{
  return g_hash_table_lookup (self->entries, key);
}

GtkWidget *
shnor_order_dialog_get_child (ShnorOrderDialog *self,
                              const char       *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SHNOR_TYPE_ORDER_DIALOG, name));
}
