/* shnor-chart-view.c: paints with the same shnor_chart_draw() that writes
 * the files; follows the light or dark theme by the text colour. */
#define G_LOG_DOMAIN "shnor-chart-view"

#include "config.h"
#include "shnor-chart-view.h"
#include "shnor-widgets.h"

struct _ShnorChartView
{
  GtkWidget       parent_instance;
  ShnorChartData *data;
};

G_DEFINE_FINAL_TYPE (ShnorChartView, shnor_chart_view, GTK_TYPE_WIDGET)

static void
shnor_chart_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  ShnorChartView *self = SHNOR_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->data == NULL || width <= 0 || height <= 0)
    return;
  self->data->dark = shnor_widget_dark_theme (widget);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  shnor_chart_draw (cr, width, height, self->data);
  cairo_destroy (cr);
}

static void
motion (GtkEventControllerMotion *controller,
        double                    x,
        double                    y,
        ShnorChartView           *self)
{
  int hover;

  if (self->data == NULL)
    return;
  hover = shnor_chart_hit_test (self->data, gtk_widget_get_width (GTK_WIDGET (self)),
                                gtk_widget_get_height (GTK_WIDGET (self)), x, y);
  if (hover != self->data->hover)
    {
      self->data->hover = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave (GtkEventControllerMotion *controller,
       ShnorChartView           *self)
{
  if (self->data != NULL && self->data->hover != -1)
    {
      self->data->hover = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
shnor_chart_view_finalize (GObject *object)
{
  g_clear_pointer (&SHNOR_CHART_VIEW (object)->data, shnor_chart_data_free);
  G_OBJECT_CLASS (shnor_chart_view_parent_class)->finalize (object);
}

static void
shnor_chart_view_class_init (ShnorChartViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shnor_chart_view_finalize;
  GTK_WIDGET_CLASS (klass)->snapshot = shnor_chart_view_snapshot;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_IMG);
}

static void
shnor_chart_view_init (ShnorChartView *self)
{
  GtkEventController *controller = gtk_event_controller_motion_new ();

  g_signal_connect (controller, "motion", G_CALLBACK (motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 300);
}

GtkWidget *
shnor_chart_view_new (void)
{
  return g_object_new (SHNOR_TYPE_CHART_VIEW, NULL);
}

/* Takes @data. */
void
shnor_chart_view_set_data (ShnorChartView *self,
                           ShnorChartData *data)
{
  g_return_if_fail (SHNOR_IS_CHART_VIEW (self));

  g_clear_pointer (&self->data, shnor_chart_data_free);
  self->data = data;
  if (data != NULL && data->title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, data->title, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const ShnorChartData *
shnor_chart_view_get_data (ShnorChartView *self)
{
  g_return_val_if_fail (SHNOR_IS_CHART_VIEW (self), NULL);
  return self->data;
}
