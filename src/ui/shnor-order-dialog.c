/* shnor-order-dialog.c: preparing the order that approves a programme:
 * its texts edited beside a preview of the very pages that are printed
 * and exported to PDF. */
#define G_LOG_DOMAIN "shnor-order-dialog"

#include <glib/gi18n.h>

#include "config.h"
#include "shnor-field-entry.h"
#include "shnor-file-chooser.h"
#include "shnor-order.h"
#include "shnor-order-dialog.h"
#include "shnor-widgets.h"

/* The page size of shnor-order.c, in points */
#define PAGE_W (210 * 72.0 / 25.4)
#define PAGE_H (297 * 72.0 / 25.4)

struct _ShnorOrderDialog
{
  GtkWindow      parent_instance;

  GtkWidget     *fields_box;
  GtkWidget     *error_label;
  GtkWidget     *preview;
  GtkWidget     *page_label;
  GtkWidget     *previous_button;
  GtkWidget     *next_button;
  GtkWidget     *print_button;
  GtkWidget     *pdf_button;

  ShnorDocument *document;
  gint64         programme;
  ShnorOrder    *order;
  guint          page;
  GHashTable    *entries;    /* key → ShnorFieldEntry */
};

G_DEFINE_FINAL_TYPE (ShnorOrderDialog, shnor_order_dialog, GTK_TYPE_WINDOW)

static void
show_error (ShnorOrderDialog *self,
            const char       *message)
{
  gtk_label_set_text (GTK_LABEL (self->error_label), message ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static void
update_page (ShnorOrderDialog *self)
{
  guint n = self->order ? shnor_order_get_n_pages (self->order) : 0;
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), n ? self->page + 1 : 0, n);

  gtk_label_set_text (GTK_LABEL (self->page_label), text);
  gtk_widget_set_sensitive (self->previous_button, self->page > 0);
  gtk_widget_set_sensitive (self->next_button, self->page + 1 < n);
  gtk_widget_queue_draw (self->preview);
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
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  ShnorOrderDialog *self = data;
  double scale = MIN ((width - 24) / PAGE_W, (height - 24) / PAGE_H);

  if (self->order == NULL || scale <= 0)
    return;
  cairo_translate (cr, (width - PAGE_W * scale) / 2, 12);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, 2, 2, PAGE_W * scale, PAGE_H * scale);
  cairo_fill (cr);
  cairo_scale (cr, scale, scale);
  shnor_order_draw_page (self->order, cr, self->page);
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
print_page (GtkPrintOperation *operation,
            GtkPrintContext   *context,
            int                page,
            ShnorOrderDialog  *self)
{
  shnor_order_draw_page (self->order, gtk_print_context_get_cairo_context (context), (guint) page);
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
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error->message);
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
  else
    print_clicked (self);
  return TRUE;
}

static void
shnor_order_dialog_dispose (GObject *object)
{
  ShnorOrderDialog *self = SHNOR_ORDER_DIALOG (object);

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
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Shnor/ui/shnor-order-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, fields_box);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, page_label);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, previous_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, ShnorOrderDialog, pdf_button);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, pdf_clicked);
  gtk_widget_class_bind_template_callback (widget_class, print_clicked);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, key_pressed, "s", "previous");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, key_pressed, "s", "next");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, key_pressed, "s", "print");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shnor_order_dialog_init (ShnorOrderDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->preview), draw_preview, self, NULL);
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
