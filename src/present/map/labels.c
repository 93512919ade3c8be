/* Which actors are named on a map, and the room a node and its label take. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "present/map/labels.h"
#include "coopmap/common.h"
#include "coopmap/text.h"
#include "base/error.h"
#include "base/text.h"
#include "present/map/group.h"
#include "present/map/map.h"
#include "base/i18n.h"

/* qsort context for ranking vertices by size. */
static const igraph_vector_t *rank_size;

/* qsort: vertices by size, largest first, then by index. */
static int cmp_size_desc(const void *a, const void *b)
{
	igraph_integer_t x = *(const igraph_integer_t *)a, y = *(const igraph_integer_t *)b;
	double sx = VECTOR(*rank_size)[x], sy = VECTOR(*rank_size)[y];

	if (sx != sy)
		return sx > sy ? -1 : 1;
	return (x > y) - (x < y);
}

/* Decide which labels are shown: "auto", "all", "none" or "top:N". */
int cm_map_pick_labels(map_plan *p, const char *labels)
{
	igraph_integer_t n = igraph_vcount(&p->net->graph), top = -1, *order = NULL;
	int rc = 0;

	p->label_on = calloc((size_t)n + 1, 1);
	if (!p->label_on)
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	if (!labels || !strcmp(labels, "auto"))
		top = n <= ALL_LABELS_MAX_ACTORS ? n : TOP_LABELS_DEFAULT;
	else if (!strcmp(labels, "all"))
		top = n;
	else if (!strcmp(labels, "none"))
		top = 0;
	else if (!strncmp(labels, "top:", 4)) {
		char *end;
		long v;

		errno = 0;
		v = strtol(labels + 4, &end, 10);
		if (errno || end == labels + 4 || *end || v < 0)
			return cm_error_set(CM_EUSAGE, _("--labels '%s': top:N needs a whole number N"), labels);
		top = v > n ? n : (igraph_integer_t)v;
	} else {
		return cm_error_set(CM_EUSAGE, _("unknown --labels value '%s' (use auto, all, none or top:N)"), labels);
	}
	if (top >= n) {
		memset(p->label_on, 1, (size_t)n);
		p->n_labels = n;
		goto done;
	}
	order = malloc(((size_t)n + 1) * sizeof(*order));
	if (!order) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++)
		order[v] = v;
	rank_size = &p->size;
	qsort(order, (size_t)n, sizeof(*order), cmp_size_desc);
	for (igraph_integer_t i = 0; i < top; i++)
		p->label_on[order[i]] = 1;
	p->n_labels = top;
done:
	free(order);
	return rc;
}

/* Node diameter of v in inches: the area follows the size measure; a marked node is big enough to show its ring. */
double cm_map_node_width(const map_plan *p, igraph_integer_t v, int large)
{
	/* the regional map writes a number in each node */
	double wmin = p->by ? 0.32 : large ? 0.06 : 0.16, wmax = p->by ? 1.1 : large ? 0.45 : 0.85;
	double x = p->size_max > 0 && VECTOR(p->size)[v] > 0 ? VECTOR(p->size)[v] / p->size_max : 0;
	double width = wmin + (wmax - wmin) * sqrt(x);

	if (p->mark && p->mark[v] && width < (large ? 0.2 : 0.3))
		width = large ? 0.2 : 0.3;
	return width;
}

/* The text that names v on the map: its label, else its id. */
static const char *vertex_name(const igraph_t *graph, igraph_integer_t v)
{
	const char *s = cm_map_has_string_vattr(graph, CM_ATTR_LABEL) ? VAS(graph, CM_ATTR_LABEL, v) : "";

	if (!s[0] && cm_map_has_string_vattr(graph, CM_ATTR_ID))
		s = VAS(graph, CM_ATTR_ID, v);
	return s;
}

/* Point size of actor labels. */
double cm_map_label_points(const map_plan *p, int large)
{
	if (p->label_pt > 0)
		return p->label_pt;
	return large ? 20 : 11 * p->text_scale;
}

/*
 * The box an actor needs, in points (width, height into wh): its node and,
 * when its label is shown, the label beside it, where Graphviz puts
 * external labels (Helvetica averages about 0.55 em a character; labels
 * are cut at 32 characters).
 */
void cm_map_actor_box(double *wh, const map_plan *p, igraph_integer_t v, int large)
{
	double d = cm_map_node_width(p, v, large) * 72;

	wh[0] = wh[1] = d;
	if (p->label_on[v]) {
		size_t chars = cm_utf8_width(vertex_name(&p->net->graph, v));

		wh[0] += (double)(chars > LABEL_MAX_CHARS ? LABEL_MAX_CHARS : chars) * 0.55 * cm_map_label_points(p, large);
		wh[1] += 1.2 * cm_map_label_points(p, large);
	}
}

/* Characters (not bytes) of a UTF-8 string. */
static size_t utf8_chars(const char *s, size_t len)
{
	size_t k = 0;

	for (size_t i = 0; i < len; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* s shortened by words (see labels.h). */
char *cm_map_short_label(const char *s, size_t max)
{
	size_t len = strlen(s), total = utf8_chars(s, len), head = 0, tail = len, hc = 0, tc = 0;
	const char *ell = "\xE2\x80\xA6";
	char *out;

	if (total <= max)
		return cm_strdup(s);
	/* the last word, then as many first words as fit, then more last words */
	{
		const char *sp = memrchr(s, ' ', len);

		tail = sp ? (size_t)(sp - s) + 1 : len;
		tc = utf8_chars(s + tail, len - tail);
	}
	if (tc + 2 > max || tail == len) {
		tail = len;
		tc = 0;
	}
	for (;;) {
		const char *sp = memchr(s + head + (head > 0), ' ', len - head - (head > 0));
		size_t next = sp ? (size_t)(sp - s) : len, nc = utf8_chars(s, next);

		if (next >= tail || nc + 2 + tc > max)
			break;
		head = next;
		hc = nc;
	}
	while (tail < len && head > 0) {
		const char *sp = memrchr(s + head, ' ', tail - 1 - head);
		size_t prev = sp ? (size_t)(sp - s) + 1 : 0, pc;

		if (!sp || prev <= head + 1)
			break;
		pc = utf8_chars(s + prev, len - prev);
		if (hc + 2 + pc > max)
			break;
		tail = prev;
		tc = pc;
	}
	if (head == 0) {
		/* a first word too long for any tail: cut the text, at a character boundary */
		size_t keep = 0, c = 0;

		tail = len;
		while (keep < len && c + 1 < max) {
			keep++;
			while (keep < len && ((unsigned char)s[keep] & 0xC0) == 0x80)
				keep++;
			c++;
		}
		head = keep;
	}
	if (!(out = malloc(head + 5 + (len - tail) + 1)))
		return NULL;
	memcpy(out, s, head);
	out[head] = '\0';
	if (tail < len)
		strcat(out, " ");
	strcat(out, ell);
	if (tail < len) {
		strcat(out, " ");
		strncat(out, s + tail, len - tail);
	}
	return out;
}

/* Width of text in points: Helvetica's (DejaVu Sans when substituted) widths by class of character, rounded up. */
double cm_map_text_width(const char *s, double points)
{
	double em = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		unsigned char c = *p;

		if ((c & 0xC0) == 0x80)
			continue;
		if (c == 'M' || c == 'W' || c == 'm' || c == 'w')
			em += 0.92;
		else if (c >= 'A' && c <= 'Z')
			em += 0.76;
		else if (strchr("ijlft!.,;:'|() ", c))
			em += 0.38;
		else if (c >= 0x80)
			em += c >= 0xE0 ? 1.0 : 0.66; /* accented letters; symbols and wide characters */
		else
			em += 0.64;
	}
	return em * points + 2;
}

/* Do two boxes (centre x, y, half width, half height) overlap, with a gap? */
static int boxes_meet(double ax, double ay, double aw, double ah, double bx, double by, double bw, double bh, double gap)
{
	return fabs(ax - bx) < aw + bw + gap && fabs(ay - by) < ah + bh + gap;
}

/* A grid of cells over the map, each listing the boxes (nodes, labels) that reach into it. */
typedef struct {
	double x0, y0, cell;
	igraph_integer_t nx, ny;
	igraph_vector_int_t *cells;
} box_grid;

/* The cell range a box covers. */
static void grid_span(const box_grid *g, double x, double y, double hw, double hh, igraph_integer_t *r)
{
	r[0] = (igraph_integer_t)floor((x - hw - g->x0) / g->cell);
	r[1] = (igraph_integer_t)floor((y - hh - g->y0) / g->cell);
	r[2] = (igraph_integer_t)floor((x + hw - g->x0) / g->cell);
	r[3] = (igraph_integer_t)floor((y + hh - g->y0) / g->cell);
	r[0] = r[0] < 0 ? 0 : r[0] >= g->nx ? g->nx - 1 : r[0];
	r[2] = r[2] < 0 ? 0 : r[2] >= g->nx ? g->nx - 1 : r[2];
	r[1] = r[1] < 0 ? 0 : r[1] >= g->ny ? g->ny - 1 : r[1];
	r[3] = r[3] < 0 ? 0 : r[3] >= g->ny ? g->ny - 1 : r[3];
}

/* Place the labels (see labels.h). */
int cm_map_place_labels(map_plan *p, int large)
{
	const igraph_t *graph = &p->net->graph;
	igraph_integer_t n = igraph_vcount(graph), *order = NULL, nb = 0;
	double fs = cm_map_label_points(p, large), x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL;
	double *bx = NULL; /* boxes: x, y, half width, half height (nodes, then labels placed) */
	box_grid g = { 0 };
	int rc = 0;

	if (!p->xy || n == 0)
		return 0;
	p->label_xy = malloc((2 * (size_t)n + 1) * sizeof(*p->label_xy));
	order = malloc(((size_t)n + 1) * sizeof(*order));
	bx = malloc((8 * (size_t)n + 4 * (p->cluster_bb ? p->clusters.n : 0) + 1) * sizeof(*bx));
	if (!p->label_xy || !order || !bx) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++) {
		double r = cm_map_node_width(p, v, large) * 72 / 2;

		p->label_xy[2 * v] = p->label_xy[2 * v + 1] = NAN;
		bx[4 * nb] = p->xy[2 * v];
		bx[4 * nb + 1] = p->xy[2 * v + 1];
		bx[4 * nb + 2] = bx[4 * nb + 3] = r;
		nb++;
		x0 = fmin(x0, p->xy[2 * v] - r);
		x1 = fmax(x1, p->xy[2 * v] + r);
		y0 = fmin(y0, p->xy[2 * v + 1] - r);
		y1 = fmax(y1, p->xy[2 * v + 1] + r);
	}
	/* the names of the region boxes (fr), at their top left */
	for (size_t c = 0; p->cluster_bb && c < p->clusters.n; c++) {
		const double *bb = p->cluster_bb + 4 * c;
		double pt = p->cluster_pt > 0 ? p->cluster_pt : 12 * p->text_scale;
		double w = cm_map_text_width(p->clusters.values[c], pt) + 16, h = 1.4 * pt;

		if (!p->clusters.values[c][0])
			continue;
		bx[4 * nb] = bb[0] + w / 2;
		bx[4 * nb + 1] = bb[3] - h / 2;
		bx[4 * nb + 2] = w / 2;
		bx[4 * nb + 3] = h / 2;
		nb++;
	}
	/* cells about two label heights: few boxes each */
	g.cell = fmax(2.5 * fs, 1);
	g.x0 = x0 - 400 * fs;
	g.y0 = y0 - 4 * fs;
	g.nx = (igraph_integer_t)((x1 - g.x0 + 400 * fs) / g.cell) + 1;
	g.ny = (igraph_integer_t)((y1 - g.y0 + 4 * fs) / g.cell) + 1;
	while ((double)g.nx * (double)g.ny > 4e6) {
		g.cell *= 2;
		g.nx = g.nx / 2 + 1;
		g.ny = g.ny / 2 + 1;
	}
	if (!(g.cells = calloc((size_t)(g.nx * g.ny), sizeof(*g.cells)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t b = 0; b < nb; b++) {
		igraph_integer_t r[4];

		grid_span(&g, bx[4 * b], bx[4 * b + 1], bx[4 * b + 2], bx[4 * b + 3], r);
		for (igraph_integer_t cy = r[1]; cy <= r[3]; cy++)
			for (igraph_integer_t cx = r[0]; cx <= r[2]; cx++) {
				igraph_vector_int_t *cell = &g.cells[cy * g.nx + cx];

				if (!cell->stor_begin)
					CM_IG(igraph_vector_int_init(cell, 0), "placing labels");
				CM_IG(igraph_vector_int_push_back(cell, b), "placing labels");
			}
	}
	/* the marked (highlighted, brokers) first, then actors of the focus type, then the others; each by size */
	{
		igraph_integer_t k = 0, start[4] = { 0 };
		int typed = p->focus && cm_map_has_string_vattr(graph, CM_ATTR_TYPE);

		for (int pass = 0; pass < 3; pass++) {
			start[pass] = k;
			for (igraph_integer_t i = 0; i < n; i++) {
				int rank = p->mark[i] ? 0 : typed && !strcmp(VAS(graph, CM_ATTR_TYPE, i), p->focus) ? 1 : 2;

				if (p->label_on[i] && rank == pass)
					order[k++] = i;
			}
		}
		start[3] = k;
		rank_size = &p->size;
		for (int pass = 0; pass < 3; pass++)
			qsort(order + start[pass], (size_t)(start[pass + 1] - start[pass]), sizeof(*order), cmp_size_desc);
		for (igraph_integer_t i = 0; i < k; i++) {
			igraph_integer_t v = order[i];
			char *text = cm_map_short_label(vertex_name(graph, v), LABEL_MAX_CHARS);
			double hw, hh = 0.6 * fs + 1, r = cm_map_node_width(p, v, large) * 72 / 2, gap = 1.5;
			int placed = 0;

			if (!text) {
				rc = cm_error_set(CM_ENOMEM, _("out of memory"));
				goto done;
			}
			hw = cm_map_text_width(text, fs) / 2;
			free(text);
			/* right, left, above, below, then the corners */
			for (int c = 0; c < 8 && !placed; c++) {
				static const double dx[] = { 1, -1, 0, 0, 1, -1, 1, -1 }, dy[] = { 0, 0, 1, -1, 1, 1, -1, -1 };
				double lx = p->xy[2 * v] + dx[c] * (r + hw + 2 * gap);
				double ly = p->xy[2 * v + 1] + dy[c] * (dx[c] ? (r * 0.7 + hh * 0.3 + gap) : (r + hh + gap));
				igraph_integer_t span[4];
				int clash = 0;

				grid_span(&g, lx, ly, hw, hh, span);
				for (igraph_integer_t cy = span[1]; cy <= span[3] && !clash; cy++)
					for (igraph_integer_t cx = span[0]; cx <= span[2] && !clash; cx++) {
						igraph_vector_int_t *cell = &g.cells[cy * g.nx + cx];

						for (igraph_integer_t j = 0; cell->stor_begin && j < igraph_vector_int_size(cell); j++) {
							igraph_integer_t b = VECTOR(*cell)[j];

							if (boxes_meet(lx, ly, hw, hh, bx[4 * b], bx[4 * b + 1], bx[4 * b + 2], bx[4 * b + 3], gap)) {
								clash = 1;
								break;
							}
						}
					}
				if (clash)
					continue;
				placed = 1;
				p->label_xy[2 * v] = lx;
				p->label_xy[2 * v + 1] = ly;
				bx[4 * nb] = lx;
				bx[4 * nb + 1] = ly;
				bx[4 * nb + 2] = hw;
				bx[4 * nb + 3] = hh;
				for (igraph_integer_t cy = span[1]; cy <= span[3]; cy++)
					for (igraph_integer_t cx = span[0]; cx <= span[2]; cx++) {
						igraph_vector_int_t *cell = &g.cells[cy * g.nx + cx];

						if (!cell->stor_begin)
							CM_IG(igraph_vector_int_init(cell, 0), "placing labels");
						CM_IG(igraph_vector_int_push_back(cell, nb), "placing labels");
					}
				nb++;
			}
			if (!placed)
				p->n_labels_out++;
		}
	}
done:
	if (g.cells)
		for (igraph_integer_t c = 0; c < g.nx * g.ny; c++)
			if (g.cells[c].stor_begin)
				igraph_vector_int_destroy(&g.cells[c]);
	free(g.cells);
	free(order);
	free(bx);
	return rc;
}
