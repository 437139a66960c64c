/* shnor-network-diagram.c: the diagram of the network, drawn from the
 * partnerships of the file. The partners are ordered by where the schools
 * they support stand (and those again by their partners), so that lines
 * cross as little as such a simple rule can make them. */
#define G_LOG_DOMAIN "shnor-diagram"

#include "config.h"
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "shnor-chart.h"
#include "shnor-network-diagram.h"

#define ROW 34.0        /* the height a node takes */
#define BOX 26.0        /* the height of its box */
#define TOP 58.0        /* the title above the columns */
#define LEGEND 64.0     /* the legend below them */
#define SIDE 16.0
#define MAX_LINE 12.0

typedef struct {
  gint64   id;            /* school or organisation */
  gboolean organisation;
  char    *name;
  char    *detail;        /* the groups of a school, the kind of an organisation */
  guint    groups;
  double   order;         /* for the layout */
} Node;

typedef struct {
  gint64                  partnership;
  guint                   left;
  guint                   right;
  guint                   n_events;
  ShnorPartnerRole        role;
  ShnorPartnershipStatus  status;
  char                   *subjects;
} Link;

struct _ShnorNetworkDiagram
{
  GArray   *left;         /* of Node: the supported schools */
  GArray   *right;        /* of Node: the partners */
  GArray   *links;        /* of Link */
  gboolean  dark;
  gint64    selected;
};

static void
node_clear (gpointer data)
{
  g_free (((Node *) data)->name);
  g_free (((Node *) data)->detail);
}

static void
link_clear (gpointer data)
{
  g_free (((Link *) data)->subjects);
}

void
shnor_network_diagram_free (ShnorNetworkDiagram *d)
{
  if (d == NULL)
    return;
  g_array_unref (d->left);
  g_array_unref (d->right);
  g_array_unref (d->links);
  g_free (d);
}

/* The node of @id in @nodes, added when new. */
static guint
node_of (GArray      *nodes,
         gint64       id,
         gboolean     organisation,
         const char  *name,
         const char  *detail,
         guint        groups)
{
  Node node = { id, organisation, g_strdup (name), g_strdup (detail), groups, 0 };

  for (guint i = 0; i < nodes->len; i++)
    if (g_array_index (nodes, Node, i).id == id && g_array_index (nodes, Node, i).organisation == organisation)
      {
        node_clear (&node);
        return i;
      }
  g_array_append_val (nodes, node);
  return nodes->len - 1;
}

static char *
groups_text (guint groups)
{
  g_autoptr(GString) text = g_string_new (NULL);

  /* the combined group adds nothing to its two badges */
  for (guint g = 0; g < SHNOR_GROUP_LOW_SOCIAL; g++)
    if (groups & (1u << g))
      g_string_append_printf (text, "%s%s", text->len ? " · " : "", shnor_group_badge (g));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Sorts @nodes by their order (then name), and renumbers the links' ends. */
static void
sort_nodes (GArray   *nodes,
            GArray   *links,
            gboolean  left)
{
  g_autofree guint *before = g_new (guint, MAX (nodes->len, 1));
  g_autofree guint *place = g_new (guint, MAX (nodes->len, 1));
  g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (Node), nodes->len);

  for (guint i = 0; i < nodes->len; i++)
    before[i] = i;
  /* insertion sort: a municipality has tens of nodes */
  for (guint i = 1; i < nodes->len; i++)
    for (guint j = i; j > 0; j--)
      {
        const Node *a = &g_array_index (nodes, Node, before[j - 1]), *b = &g_array_index (nodes, Node, before[j]);

        if (a->order < b->order || (a->order == b->order && g_utf8_collate (a->name, b->name) <= 0))
          break;
        guint t = before[j];
        before[j] = before[j - 1];
        before[j - 1] = t;
      }
  for (guint i = 0; i < nodes->len; i++)
    {
      place[before[i]] = i;
      g_array_append_val (sorted, g_array_index (nodes, Node, before[i]));
    }
  memcpy (nodes->data, sorted->data, sizeof (Node) * nodes->len);
  for (guint i = 0; i < links->len; i++)
    {
      Link *l = &g_array_index (links, Link, i);

      if (left)
        l->left = place[l->left];
      else
        l->right = place[l->right];
    }
}

/* The mean place of what the nodes of one side are linked to. */
static void
barycentres (GArray   *nodes,
             GArray   *links,
             gboolean  left,
             double    bias)
{
  g_autofree double *sum = g_new0 (double, MAX (nodes->len, 1));
  g_autofree double *count = g_new0 (double, MAX (nodes->len, 1));

  for (guint i = 0; i < links->len; i++)
    {
      const Link *l = &g_array_index (links, Link, i);
      guint mine = left ? l->left : l->right, other = left ? l->right : l->left;

      sum[mine] += other;
      count[mine] += 1;
    }
  for (guint i = 0; i < nodes->len; i++)
    g_array_index (nodes, Node, i).order = count[i] > 0 ? sum[i] / count[i] + bias : G_MAXDOUBLE;
}

/**
 * shnor_network_diagram_new:
 * @with_ended: draw the partnerships that have ended too
 */
ShnorNetworkDiagram *
shnor_network_diagram_new (ShnorDocument *document,
                           gboolean       with_ended)
{
  ShnorNetworkDiagram *d = g_new0 (ShnorNetworkDiagram, 1);
  g_autoptr(GArray) partnerships = shnor_document_get_partnerships (document, 0);
  g_autoptr(ShnorClassification) classification = shnor_document_classify (document);

  d->left = g_array_new (FALSE, TRUE, sizeof (Node));
  d->right = g_array_new (FALSE, TRUE, sizeof (Node));
  d->links = g_array_new (FALSE, TRUE, sizeof (Link));
  g_array_set_clear_func (d->left, node_clear);
  g_array_set_clear_func (d->right, node_clear);
  g_array_set_clear_func (d->links, link_clear);

  for (guint i = 0; i < partnerships->len; i++)
    {
      const ShnorPartnership *p = &g_array_index (partnerships, ShnorPartnership, i);
      guint groups = classification ? shnor_classification_get_groups (classification, p->school_id) : 0;
      g_autofree char *detail = groups_text (groups);
      Link link = { p->id, 0, 0, p->n_events, p->role, p->status, g_strdup (p->texts[1]) };

      if (p->status == SHNOR_PARTNERSHIP_ENDED && !with_ended)
        {
          link_clear (&link);
          continue;
        }
      link.left = node_of (d->left, p->school_id, FALSE, p->school_name, detail, groups);
      if (p->organisation_id != 0)
        link.right = node_of (d->right, p->organisation_id, TRUE, p->partner_name, p->partner_kind, 0);
      else
        {
          guint partner_groups = classification ? shnor_classification_get_groups (classification,
                                                                                  p->partner_school_id) : 0;
          g_autofree char *partner_detail = groups_text (partner_groups);

          link.right = node_of (d->right, p->partner_school_id, FALSE, p->partner_name, partner_detail,
                                partner_groups);
        }
      g_array_append_val (d->links, link);
    }

  /* supported schools by name; partners by their schools, schools before
   * organisations; the schools again by their partners */
  sort_nodes (d->left, d->links, TRUE);
  for (guint round = 0; round < 2; round++)
    {
      barycentres (d->right, d->links, FALSE, 0);
      for (guint i = 0; i < d->right->len; i++)
        g_array_index (d->right, Node, i).order += g_array_index (d->right, Node, i).organisation ? 0.001 : 0;
      sort_nodes (d->right, d->links, FALSE);
      barycentres (d->left, d->links, TRUE, 0);
      sort_nodes (d->left, d->links, TRUE);
    }
  return d;
}

guint
shnor_network_diagram_get_n_links (const ShnorNetworkDiagram *d)
{
  return d->links->len;
}

void
shnor_network_diagram_set_dark (ShnorNetworkDiagram *d,
                                gboolean             dark)
{
  d->dark = dark;
}

void
shnor_network_diagram_set_selected (ShnorNetworkDiagram *d,
                                    gint64               partnership_id)
{
  d->selected = partnership_id;
}

/* The height that shows every node without squeezing. */
int
shnor_network_diagram_get_height (const ShnorNetworkDiagram *d)
{
  return (int) (TOP + LEGEND + ROW * MAX (MAX (d->left->len, d->right->len), 3) + 20);
}

/* ---- geometry ------------------------------------------------------------- */

typedef struct {
  double box;       /* width of a column's boxes */
  double left_x;    /* where the left boxes start */
  double right_x;   /* where the right boxes start */
  double top;
  double left_row;  /* the distance between two nodes of a column */
  double right_row;
} Layout;

static Layout
layout_for (const ShnorNetworkDiagram *d,
            int                        width,
            int                        height)
{
  Layout l;
  double rows = height - TOP - LEGEND;

  l.box = CLAMP (width * 0.28, 120, 320);
  l.left_x = SIDE;
  l.right_x = width - SIDE - l.box;
  l.top = TOP;
  l.left_row = d->left->len > 0 ? MIN (ROW * 1.6, rows / d->left->len) : ROW;
  l.right_row = d->right->len > 0 ? MIN (ROW * 1.6, rows / d->right->len) : ROW;
  return l;
}

static double
node_y (const Layout *l,
        guint         index,
        gboolean      left)
{
  return l->top + (index + 0.5) * (left ? l->left_row : l->right_row);
}

static double
line_width (guint n_events)
{
  return MIN (1.5 + 2.0 * sqrt ((double) n_events), MAX_LINE);
}

/* The curve of a link: from the right edge of the supported school's box
 * to the left edge of the partner's. */
static void
link_points (const Layout *l,
             const Link   *link,
             double        p[4][2])
{
  double x0 = l->left_x + l->box, x1 = l->right_x;
  double y0 = node_y (l, link->left, TRUE), y1 = node_y (l, link->right, FALSE);
  double dx = (x1 - x0) * 0.45;

  p[0][0] = x0;
  p[0][1] = y0;
  p[1][0] = x0 + dx;
  p[1][1] = y0;
  p[2][0] = x1 - dx;
  p[2][1] = y1;
  p[3][0] = x1;
  p[3][1] = y1;
}

/* The roles take the colours of the charts' series (Okabe–Ito: blue,
 * orange, bluish green, reddish purple), which read apart for colour-blind
 * users too. */
static void
role_colour (ShnorPartnerRole role,
             gboolean         dark,
             double          *rgb)
{
  static const ShnorSeries series[SHNOR_N_PARTNER_ROLES] = {
    SHNOR_SERIES_SCHOOL, SHNOR_SERIES_REGIONAL, SHNOR_SERIES_BELOW, SHNOR_SERIES_MUNICIPAL,
  };

  shnor_chart_series_colour (series[role], dark, rgb);
}

/* ---- drawing --------------------------------------------------------------- */

static void
grey (cairo_t  *cr,
      gboolean  dark,
      double    light,
      double    darkg)
{
  double g = dark ? darkg : light;

  cairo_set_source_rgb (cr, g, g, g);
}

/* Shows @string from (@x, @y) (its top left), at most @width wide
 * (ellipsized; 0: any width); returns its height. */
static int
text (cairo_t    *cr,
      const char *string,
      double      x,
      double      y,
      double      width,
      double      size,
      gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, string, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
  return h;
}

static void
rounded (cairo_t *cr,
         double   x,
         double   y,
         double   w,
         double   h,
         double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_node (cairo_t                   *cr,
           const ShnorNetworkDiagram *d,
           const Layout              *l,
           const Node                *node,
           guint                      index,
           gboolean                   left)
{
  double x = left ? l->left_x : l->right_x, y = node_y (l, index, left) - BOX / 2;
  double h = MIN (BOX, (left ? l->left_row : l->right_row) - 4);
  double stripe[3] = { 0.55, 0.55, 0.55 };

  /* the stripe: the colour of the school's group badge in the list (ШНОР,
   * ШНСУ, negative dynamics, high results), blue for another school, grey
   * for an organisation */
  if (node->groups & (1u << SHNOR_GROUP_LOW))
    stripe[0] = 0.753, stripe[1] = 0.110, stripe[2] = 0.157;
  else if (node->groups & (1u << SHNOR_GROUP_SOCIAL))
    stripe[0] = 0.506, stripe[1] = 0.239, stripe[2] = 0.612;
  else if (node->groups & (1u << SHNOR_GROUP_DECLINE))
    stripe[0] = 0.965, stripe[1] = 0.827, stripe[2] = 0.176;
  else if (node->groups & (1u << SHNOR_GROUP_HIGH))
    stripe[0] = 0.180, stripe[1] = 0.761, stripe[2] = 0.494;
  else if (!node->organisation)
    stripe[0] = 0.30, stripe[1] = 0.45, stripe[2] = 0.65;

  rounded (cr, x, y, l->box, h, 5);
  grey (cr, d->dark, 0.97, 0.20);
  cairo_fill_preserve (cr);
  grey (cr, d->dark, 0.75, 0.40);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_rectangle (cr, left ? x + l->box - 5 : x, y + 1, 4, h - 2);
  cairo_set_source_rgb (cr, stripe[0], stripe[1], stripe[2]);
  cairo_fill (cr);

  grey (cr, d->dark, 0.10, 0.92);
  {
    double room = l->box - 16;
    g_autofree char *label = node->detail && node->detail[0] && !node->organisation
                             ? g_strdup_printf ("%s  %s", node->name, node->detail) : g_strdup (node->name);

    text (cr, label, x + (left ? 8 : 10), y + (h - 15) / 2, room, 12, FALSE);
  }
}

static void
draw_link (cairo_t                   *cr,
           const ShnorNetworkDiagram *d,
           const Layout              *l,
           const Link                *link)
{
  static const double dash[] = { 7, 5 };
  double p[4][2], rgb[3];
  double width = line_width (link->n_events);

  link_points (l, link, p);
  role_colour (link->role, d->dark, rgb);
  if (link->partnership == d->selected)
    {
      /* a halo under the selected link */
      cairo_move_to (cr, p[0][0], p[0][1]);
      cairo_curve_to (cr, p[1][0], p[1][1], p[2][0], p[2][1], p[3][0], p[3][1]);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, width + 8);
      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.30);
      cairo_stroke (cr);
    }
  cairo_move_to (cr, p[0][0], p[0][1]);
  cairo_curve_to (cr, p[1][0], p[1][1], p[2][0], p[2][1], p[3][0], p[3][1]);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (link->status == SHNOR_PARTNERSHIP_PLANNED)
    cairo_set_dash (cr, dash, 2, 0);
  else
    cairo_set_dash (cr, NULL, 0, 0);
  if (link->status == SHNOR_PARTNERSHIP_ENDED)
    grey (cr, d->dark, 0.70, 0.45);
  else
    cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.85);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_legend (cairo_t                   *cr,
             const ShnorNetworkDiagram *d,
             int                        width,
             int                        height)
{
  static const double dash[] = { 7, 5 };
  double y = height - LEGEND + 18, x = SIDE;

  for (guint r = 0; r < SHNOR_N_PARTNER_ROLES; r++)
    {
      double rgb[3];

      role_colour (r, d->dark, rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_set_line_width (cr, 4);
      cairo_move_to (cr, x, y + 8);
      cairo_line_to (cr, x + 24, y + 8);
      cairo_stroke (cr);
      grey (cr, d->dark, 0.25, 0.85);
      text (cr, shnor_partner_role_label (r), x + 30, y, 0, 11, FALSE);
      x += 30 + 170;
      if (x > width - 200)
        break;
    }
  y += 24;
  x = SIDE;
  grey (cr, d->dark, 0.35, 0.75);
  cairo_set_line_width (cr, 3);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_move_to (cr, x, y + 8);
  cairo_line_to (cr, x + 24, y + 8);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  text (cr, shnor_partnership_status_label (SHNOR_PARTNERSHIP_PLANNED), x + 30, y, 0, 11, FALSE);
  x += 200;
  grey (cr, d->dark, 0.70, 0.45);
  cairo_move_to (cr, x, y + 8);
  cairo_line_to (cr, x + 24, y + 8);
  cairo_stroke (cr);
  grey (cr, d->dark, 0.25, 0.85);
  text (cr, shnor_partnership_status_label (SHNOR_PARTNERSHIP_ENDED), x + 30, y, 0, 11, FALSE);
  x += 200;
  text (cr, _("The more joint events, the wider the line."), x, y, width - x - SIDE, 11, FALSE);
}

void
shnor_network_diagram_draw (cairo_t                   *cr,
                            int                        width,
                            int                        height,
                            const ShnorNetworkDiagram *d)
{
  Layout l = layout_for (d, width, height);

  cairo_save (cr);
  grey (cr, d->dark, 1.0, 0.14);
  cairo_paint (cr);

  grey (cr, d->dark, 0.10, 0.92);
  text (cr, _("Supported schools"), l.left_x, 14, l.box, 13, TRUE);
  text (cr, _("Partners"), l.right_x, 14, l.box, 13, TRUE);
  if (d->links->len == 0)
    {
      grey (cr, d->dark, 0.40, 0.70);
      text (cr, _("No partnerships yet: add one on the Partnerships page, or ask for suggested mentors."),
            SIDE, TOP + 10, width - 2 * SIDE, 13, FALSE);
      cairo_restore (cr);
      return;
    }

  /* the selected link last, above the others */
  for (guint i = 0; i < d->links->len; i++)
    if (g_array_index (d->links, Link, i).partnership != d->selected)
      draw_link (cr, d, &l, &g_array_index (d->links, Link, i));
  for (guint i = 0; i < d->links->len; i++)
    if (g_array_index (d->links, Link, i).partnership == d->selected)
      draw_link (cr, d, &l, &g_array_index (d->links, Link, i));
  for (guint i = 0; i < d->left->len; i++)
    draw_node (cr, d, &l, &g_array_index (d->left, Node, i), i, TRUE);
  for (guint i = 0; i < d->right->len; i++)
    draw_node (cr, d, &l, &g_array_index (d->right, Node, i), i, FALSE);
  draw_legend (cr, d, width, height);
  cairo_restore (cr);
}

/* ---- what is under the pointer ---------------------------------------------- */

static double
bezier (const double p[4][2],
        int          axis,
        double       t)
{
  double u = 1 - t;

  return u * u * u * p[0][axis] + 3 * u * u * t * p[1][axis] + 3 * u * t * t * p[2][axis] + t * t * t * p[3][axis];
}

/**
 * shnor_network_diagram_hit:
 *
 * Returns: the partnership whose line passes at (@x, @y), or 0.
 */
gint64
shnor_network_diagram_hit (const ShnorNetworkDiagram *d,
                           int                        width,
                           int                        height,
                           double                     x,
                           double                     y)
{
  Layout l = layout_for (d, width, height);
  gint64 best = 0;
  double nearest = G_MAXDOUBLE;

  for (guint i = 0; i < d->links->len; i++)
    {
      const Link *link = &g_array_index (d->links, Link, i);
      double p[4][2];
      double reach = line_width (link->n_events) / 2 + 5;

      link_points (&l, link, p);
      for (int s = 0; s <= 48; s++)
        {
          double t = s / 48.0;
          double dx = bezier (p, 0, t) - x, dy = bezier (p, 1, t) - y;
          double dist = sqrt (dx * dx + dy * dy);

          if (dist <= reach && dist < nearest)
            {
              nearest = dist;
              best = link->partnership;
            }
        }
    }
  return best;
}

/* "СОШ № 2 → Гимназия № 1: Mentor school, 6 joint events, Математика" */
char *
shnor_network_diagram_describe (const ShnorNetworkDiagram *d,
                                gint64                     partnership_id)
{
  for (guint i = 0; i < d->links->len; i++)
    {
      const Link *link = &g_array_index (d->links, Link, i);
      g_autofree char *events = NULL;

      if (link->partnership != partnership_id)
        continue;
      events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u joint event", "%u joint events", link->n_events),
                                link->n_events);
      /* TRANSLATORS: a partnership on the diagram: school → partner: role, status, events, subjects */
      return g_strdup_printf (_("%s → %s: %s, %s, %s%s%s"), g_array_index (d->left, Node, link->left).name,
                              g_array_index (d->right, Node, link->right).name, shnor_partner_role_label (link->role),
                              shnor_partnership_status_label (link->status), events,
                              link->subjects[0] ? ", " : "", link->subjects);
    }
  return NULL;
}

static void
draw_diagram (cairo_t       *cr,
              int            width,
              int            height,
              gconstpointer  data)
{
  shnor_network_diagram_draw (cr, width, height, data);
}

/* Writes the diagram as PNG, SVG or PDF, at the width of a landscape
 * page and the height its nodes need. */
gboolean
shnor_network_diagram_save (const ShnorNetworkDiagram  *d,
                            const char                 *path,
                            GError                    **error)
{
  g_return_val_if_fail (d != NULL && path != NULL, FALSE);
  return shnor_cairo_save (path, 1100, shnor_network_diagram_get_height (d), draw_diagram, d, error);
}
