/* The default layout ("fr"): igraph's Fruchterman-Reingold by cluster, drawn pinned by Graphviz. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "present/map/fr_layout.h"
#include "coopmap/common.h"
#include "coopmap/text.h"
#include "base/error.h"
#include "base/text.h"
#include "present/map/labels.h"
#include "present/map/map.h"
#include "present/map/pack.h"
#include "base/i18n.h"

/*
 * The default layout ("fr"): igraph
 * computes the positions, seeded, and Graphviz draws them pinned (neato -n)
 * with the cluster boxes given as bounding boxes, so that the same input
 * and seed give the same file.  Graphviz 2.43's fdp could not promise that:
 * its overlap removal walks GTS triangulations kept in glib hash tables
 * keyed by addresses, and the addresses change with address randomisation
 * and with glib's slice allocator, which consults the clock (docs/maps.md).
 *
 * Each group (a region's box, or the whole map) is laid out alone with
 * Fruchterman-Reingold on its inner ties, then spread until no two actors,
 * with room for their labels, overlap.  The groups' boxes are placed by
 * laying out the graph of groups (tied when their actors are), spread until
 * no two boxes overlap.
 */
#define FR_ITERATIONS 500
/* Largest group laid out with repulsion between all pairs. */
#define FR_GRID_MIN 300
/* Points kept free inside a box around its actors, and between boxes (between actors: FR_GAP, pack.h). */
#define FR_BOX_PAD 12
#define FR_BOX_GAP 24

/*
 * Fruchterman-Reingold positions of the graph with k vertices and the
 * given ties, into xy (x, y per vertex), the random generator seeded
 * first so that the layout repeats; the connected components into
 * membership and *ncomp.  Returns 0 or a negative code.
 */
static int fr_positions(double *xy, igraph_vector_int_t *membership, igraph_integer_t *ncomp,
                        const igraph_vector_int_t *ties, igraph_integer_t k, unsigned long seed)
{
	igraph_t g;
	igraph_matrix_t pos = { 0 };
	int rc = 0, have_g = 0;  /* igraph_destroy() is not safe on a zeroed graph */

	CM_IG(igraph_create(&g, ties, k, IGRAPH_UNDIRECTED), "laying out the map");
	have_g = 1;
	CM_IG(igraph_matrix_init(&pos, 0, 0), "laying out the map");
	CM_IG(igraph_rng_seed(igraph_rng_default(), seed), "laying out the map");
	/*
	 * igraph's grid (repulsion from nearby vertices only) from FR_GRID_MIN
	 * on, not its own 1,000: the region boxes of 20,000 actors hold 400 to
	 * 1,000 actors each, and all pairs took most of the drawing time
	 */
	CM_IG(igraph_layout_fruchterman_reingold(&g, &pos, 0, FR_ITERATIONS, sqrt((double)k),
	                                         k > FR_GRID_MIN ? IGRAPH_LAYOUT_GRID : IGRAPH_LAYOUT_AUTOGRID,
	                                         NULL, NULL, NULL, NULL, NULL),
	      "laying out the map");
	for (igraph_integer_t i = 0; i < k; i++) {
		xy[2 * i] = MATRIX(pos, i, 0);
		xy[2 * i + 1] = MATRIX(pos, i, 1);
	}
	CM_IG(igraph_connected_components(&g, membership, NULL, ncomp, IGRAPH_WEAK), "laying out the map");
done:
	igraph_matrix_destroy(&pos);
	if (have_g)
		igraph_destroy(&g);
	return rc;
}

/* qsort: doubles, ascending. */
static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * The factor by which the centres xy[0..k-1] of boxes (sizes wh) move
 * apart so that the median box comes no closer than gap to any other: a
 * pair is apart once it is apart along x or along y.  cm_map_push_apart() then
 * separates the closer ones; spreading until the closest pair is apart
 * would leave the map mostly empty (work: k doubles).
 */
static double spread_factor(const double *xy, const double *wh, igraph_integer_t k, double gap, double quantile,
                            double *work)
{
	double s;

	if (k < 2)
		return 1;
	for (igraph_integer_t i = 0; i < k; i++) {
		work[i] = 0;
		for (igraph_integer_t j = 0; j < k; j++) {
			double dx = fabs(xy[2 * i] - xy[2 * j]), dy = fabs(xy[2 * i + 1] - xy[2 * j + 1]);
			double fx = ((wh[2 * i] + wh[2 * j]) / 2 + gap) / fmax(dx, 1e-9);
			double fy = ((wh[2 * i + 1] + wh[2 * j + 1]) / 2 + gap) / fmax(dy, 1e-9);

			if (j != i)
				work[i] = fmax(work[i], fmin(fx, fy));
		}
	}
	qsort(work, (size_t)k, sizeof(*work), cmp_double);
	s = work[(igraph_integer_t)(quantile * (double)(k - 1))];
	return s > 0 && isfinite(s) ? s : 1;
}

/* Largest group spread pair by pair (spread_factor, cm_map_push_apart); larger ones by density_factor(). */
#define PUSH_MAX_ACTORS 2000
/* Room given to each actor of a large group: this many times its box. */
#define DENSITY_ROOM 4

/*
 * The factor that gives the boxes (sizes wh) of the largest component
 * (membership, ncomp) DENSITY_ROOM times their area in all, measured on
 * the bounding box of its centres: linear time, for groups where comparing
 * every pair is too slow.  Some boxes then overlap, as with sfdp's own
 * default.
 */
static double density_factor(const double *xy, const double *wh, igraph_integer_t k,
                             const igraph_vector_int_t *membership, igraph_integer_t ncomp)
{
	double x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL, area = 0, s;
	igraph_integer_t *size = calloc((size_t)ncomp + 1, sizeof(*size)), big = 0;

	if (!size)
		return 1;  /* only the spacing suffers */
	for (igraph_integer_t i = 0; i < k; i++)
		size[VECTOR(*membership)[i]]++;
	for (igraph_integer_t c = 1; c < ncomp; c++)
		if (size[c] > size[big])
			big = c;
	for (igraph_integer_t i = 0; i < k; i++) {
		if (VECTOR(*membership)[i] != big)
			continue;
		x0 = fmin(x0, xy[2 * i]);
		x1 = fmax(x1, xy[2 * i]);
		y0 = fmin(y0, xy[2 * i + 1]);
		y1 = fmax(y1, xy[2 * i + 1]);
		area += wh[2 * i] * wh[2 * i + 1];
	}
	free(size);
	s = sqrt(DENSITY_ROOM * area / fmax((x1 - x0) * (y1 - y0), 1e-9));
	return s > 0 && isfinite(s) ? s : 1;
}

/* The height over the width of the boxes' extent. */
static double boxes_aspect(const double *centre, const double *wh, igraph_integer_t k)
{
	double x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL;

	for (igraph_integer_t q = 0; q < k; q++) {
		x0 = fmin(x0, centre[2 * q] - wh[2 * q] / 2);
		x1 = fmax(x1, centre[2 * q] + wh[2 * q] / 2);
		y0 = fmin(y0, centre[2 * q + 1] - wh[2 * q + 1] / 2);
		y1 = fmax(y1, centre[2 * q + 1] + wh[2 * q + 1] / 2);
	}
	return (y1 - y0) / fmax(x1 - x0, 1e-9);
}

/* The boxes' centres compare_y() orders. */
static const double *order_centre;

/* qsort: box indices from the top of the layout down (y grows upwards), then left to right. */
static int compare_y(const void *a, const void *b)
{
	igraph_integer_t i = *(const igraph_integer_t *)a, j = *(const igraph_integer_t *)b;
	double yi = order_centre[2 * i + 1], yj = order_centre[2 * j + 1];

	if (yi != yj)
		return yi > yj ? -1 : 1;
	return (order_centre[2 * i] > order_centre[2 * j]) - (order_centre[2 * i] < order_centre[2 * j]);
}

/* qsort: box indices left to right. */
static int compare_x(const void *a, const void *b)
{
	igraph_integer_t i = *(const igraph_integer_t *)a, j = *(const igraph_integer_t *)b;

	return (order_centre[2 * i] > order_centre[2 * j]) - (order_centre[2 * i] < order_centre[2 * j]);
}

/* Shelve the boxes (in the top-down order) in rows of the width, each row left to right. */
static void shelve(double *centre, const double *wh, igraph_integer_t k, igraph_integer_t *order, double width)
{
	igraph_integer_t start = 0;
	double y = 0;

	order_centre = centre;
	while (start < k) {
		igraph_integer_t end = start;
		double w = 0, h = 0, x;

		while (end < k && (end == start || w + wh[2 * order[end]] + FR_BOX_GAP <= width)) {
			w += wh[2 * order[end]] + FR_BOX_GAP;
			h = fmax(h, wh[2 * order[end] + 1] + FR_BOX_GAP);
			end++;
		}
		qsort(order + start, (size_t)(end - start), sizeof(*order), compare_x);
		/* the row centred, its boxes at its top */
		x = (width - w) / 2;
		for (igraph_integer_t i = start; i < end; i++) {
			igraph_integer_t q = order[i];

			centre[2 * q] = x + wh[2 * q] / 2;
			centre[2 * q + 1] = y - wh[2 * q + 1] / 2;
			x += wh[2 * q] + FR_BOX_GAP;
		}
		y -= h;
		start = end;
	}
}

/*
 * Boxes laid out much taller or wider than the page (a column of regions,
 * then scaled down to a strip): shelve them in rows as wide as the page's
 * shape asks, keeping their order from top to bottom and, in a row, from
 * left to right.  order: k indices of scratch.
 */
static void fit_aspect(double *centre, const double *wh, igraph_integer_t k, double page, igraph_integer_t *order)
{
	double r = boxes_aspect(centre, wh, k) / page, area = 0, width, widest = 0;

	if (r < 1.4 && r > 1 / 1.4)
		return;
	for (igraph_integer_t q = 0; q < k; q++) {
		area += (wh[2 * q] + FR_BOX_GAP) * (wh[2 * q + 1] + FR_BOX_GAP);
		widest = fmax(widest, wh[2 * q] + FR_BOX_GAP);
		order[q] = q;
	}
	width = fmax(widest, sqrt(area / page));
	order_centre = centre;
	qsort(order, (size_t)k, sizeof(*order), compare_y);
	/* rows leave room at their ends and under their short boxes: widen until the shape fits */
	for (int round = 0; round < 12; round++) {
		shelve(centre, wh, k, order, width);
		if (boxes_aspect(centre, wh, k) <= 1.15 * page)
			break;
		width *= 1.12;
	}
}

/*
 * The scale the page will give the boxes (centres, sizes qwh), as Graphviz
 * computes it (render --size), the caption and legend taking about the
 * top 15% of the page: an estimate made before they exist.
 */
static double page_estimate(const map_plan *p, const double *centre, const double *qwh, igraph_integer_t nq)
{
	double x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL, pad = 2 * 0.3 * 72, z;

	for (igraph_integer_t q = 0; q < nq; q++) {
		x0 = fmin(x0, centre[2 * q] - qwh[2 * q] / 2);
		x1 = fmax(x1, centre[2 * q] + qwh[2 * q] / 2);
		y0 = fmin(y0, centre[2 * q + 1] - qwh[2 * q + 1] / 2);
		y1 = fmax(y1, centre[2 * q + 1] + qwh[2 * q + 1] / 2);
	}
	if (nq == 0 || p->page_w <= 0 || p->page_h <= 0)
		return 1;
	z = fmin(p->page_w * 72 / (x1 - x0 + pad), 0.85 * p->page_h * 72 / (y1 - y0 + pad));
	return z > 0 && z < 1 ? z : 1;
}

/*
 * Place the boxes of the ng groups (wh: their actors' extent) into centre
 * and qwh (indexed by qid, nq boxes): each box with its name (pt points)
 * in a header at its top, the sizes with them into wwh (by group); the
 * graph of the groups (ties) laid out, spread until no two boxes overlap,
 * pulled together, shelved when its shape is far from the page's.  work
 * and order: scratch of nq doubles and ng indices.
 */
static int place_boxes(double *centre, double *qwh, const double *wh, double *wwh, const map_plan *p,
                       igraph_integer_t ng, const igraph_integer_t *qid, igraph_integer_t nq,
                       const igraph_vector_int_t *ties, igraph_vector_int_t *membership, double *work,
                       igraph_integer_t *order, double header, double pt)
{
	double s, xmin = HUGE_VAL, ymin = HUGE_VAL;
	igraph_integer_t ncomp;
	int rc;

	for (igraph_integer_t g = 0; g < ng; g++) {
		wwh[2 * g] = wh[2 * g];
		if (g < ng - 1 && p->have_clusters) {
			/* wide enough for its name (cut at 40 characters, as drawn) */
			size_t chars = cm_utf8_width(p->clusters.values[g]);

			wwh[2 * g] = fmax(wwh[2 * g], (double)(chars > 40 ? 40 : chars) * 0.6 * pt + 2 * FR_BOX_PAD);
		}
		wwh[2 * g + 1] = wh[2 * g + 1] + (g < ng - 1 || !p->have_clusters ? header : 0);
	}
	if ((rc = fr_positions(centre, membership, &ncomp, ties, nq, p->seed)) < 0)
		return rc;
	for (igraph_integer_t g = 0; g < ng; g++) {
		if (qid[g] >= 0) {
			qwh[2 * qid[g]] = wwh[2 * g];
			qwh[2 * qid[g] + 1] = wwh[2 * g + 1];
		}
	}
	s = spread_factor(centre, qwh, nq, FR_BOX_GAP, 0, work);
	for (igraph_integer_t q = 0; q < nq; q++) {
		centre[2 * q] *= s;
		centre[2 * q + 1] *= s;
	}
	/* a few boxes usually; thousands only with --cluster-by on an attribute of many small groups */
	cm_map_push_apart(centre, qwh, nq, FR_BOX_GAP, nq <= 200 ? 10 * PUSH_SWEEPS : nq <= PUSH_MAX_ACTORS ? PUSH_SWEEPS : 0);
	if (nq <= 200)
		cm_map_compact_boxes(centre, qwh, nq, FR_BOX_GAP);
	if (nq > 2 && nq <= 200)
		fit_aspect(centre, qwh, nq, 0.85 * p->page_h / fmax(p->page_w, 1e-9), order); /* the legend takes the rest */
	for (igraph_integer_t q = 0; q < nq; q++) {
		xmin = fmin(xmin, centre[2 * q] - qwh[2 * q] / 2);
		ymin = fmin(ymin, centre[2 * q + 1] - qwh[2 * q + 1] / 2);
	}
	for (igraph_integer_t q = 0; q < nq; q++) {
		centre[2 * q] -= xmin;
		centre[2 * q + 1] -= ymin;
	}
	return 0;
}

/*
 * Positions for the "fr" layout, in points, into p->xy; the box of each
 * cluster into p->cluster_bb.  The last group (ng - 1, past the
 * clusters) holds the actors outside every box.
 */
int cm_map_fr_plan(map_plan *p)
{
	const igraph_t *graph = &p->net->graph;
	igraph_integer_t n = igraph_vcount(graph), m = igraph_ecount(graph);
	igraph_integer_t ng = p->have_clusters ? (igraph_integer_t)p->clusters.n + 1 : 1;
	igraph_integer_t *gid = NULL, *lid = NULL, *count = NULL, *first = NULL, *members = NULL, *qid = NULL;
	double *local = NULL, *ab = NULL, *work = NULL, *box = NULL, *centre = NULL, *wh = NULL, *qwh = NULL, *wwh = NULL;
	igraph_vector_int_t ties = { 0 }, membership = { 0 }, inc = { 0 };
	igraph_integer_t ncomp = 0;
	int large = n > LARGE_ACTORS, rc = 0;
	double header = p->have_clusters ? 12 * p->text_scale * 1.6 : 0;
	igraph_integer_t nq = 0;

	gid = malloc(((size_t)n + 1) * sizeof(*gid));
	lid = malloc(((size_t)n + 1) * sizeof(*lid));
	members = malloc(((size_t)n + 1) * sizeof(*members));
	count = calloc((size_t)ng + 1, sizeof(*count));
	first = calloc((size_t)ng + 1, sizeof(*first));
	qid = malloc(((size_t)ng + 1) * sizeof(*qid));
	local = malloc((2 * (size_t)n + 1) * sizeof(*local));
	ab = malloc((2 * (size_t)n + 1) * sizeof(*ab));
	work = malloc((3 * (size_t)n + 1) * sizeof(*work));   /* a group's boxes, then spread_factor()'s own */
	box = malloc((4 * (size_t)ng + 1) * sizeof(*box));
	centre = calloc(2 * (size_t)ng + 1, sizeof(*centre));
	wh = calloc(2 * (size_t)ng + 1, sizeof(*wh));
	qwh = calloc(2 * (size_t)ng + 1, sizeof(*qwh));
	wwh = calloc(2 * (size_t)ng + 1, sizeof(*wwh));
	p->xy = calloc(2 * (size_t)n + 1, sizeof(*p->xy));
	if (p->have_clusters)
		p->cluster_bb = malloc((4 * p->clusters.n + 1) * sizeof(*p->cluster_bb));
	if (!gid || !lid || !members || !count || !first || !qid || !local || !ab || !work || !box || !centre ||
	    !wh || !qwh || !wwh || !p->xy || (p->have_clusters && !p->cluster_bb)) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	/* a group without actors gets no box: NAN, which the extent and the label boxes skip */
	for (size_t c = 0; p->have_clusters && c < 4 * p->clusters.n; c++)
		p->cluster_bb[c] = NAN;
	CM_IG(igraph_vector_int_init(&ties, 0), "laying out the map");
	CM_IG(igraph_vector_int_init(&membership, 0), "laying out the map");
	CM_IG(igraph_vector_int_init(&inc, 0), "laying out the map");
	/* groups, and each actor's place in its group (members: grouped, in actor order) */
	for (igraph_integer_t v = 0; v < n; v++) {
		size_t c = p->have_clusters ? p->clusters.vindex[v] : 0;

		gid[v] = p->have_clusters && !p->clusters.values[c][0] ? ng - 1 : (igraph_integer_t)c;
		lid[v] = count[gid[v]]++;
		cm_map_actor_box(ab + 2 * v, p, v, large);
	}
	for (igraph_integer_t g = 1; g < ng; g++)
		first[g] = first[g - 1] + count[g - 1];
	for (igraph_integer_t v = 0; v < n; v++)
		members[first[gid[v]] + lid[v]] = v;
	/* each group alone, on its inner ties */
	for (igraph_integer_t g = 0; g < ng; g++) {
		igraph_integer_t k = count[g], *mem = members + first[g];
		double *xy = local + 2 * first[g], s, x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL;

		if (k == 0)
			continue;
		/* the group's inner ties, each once (from its end listed first), through the members' own ties */
		igraph_vector_int_clear(&ties);
		for (igraph_integer_t i = 0; i < k; i++) {
			CM_IG(igraph_incident(graph, &inc, mem[i], IGRAPH_ALL), "laying out the map");
			for (igraph_integer_t j = 0; j < igraph_vector_int_size(&inc); j++) {
				igraph_integer_t b = IGRAPH_OTHER(graph, VECTOR(inc)[j], mem[i]);

				if (gid[b] == g && lid[b] > i) {
					CM_IG(igraph_vector_int_push_back(&ties, i), "laying out the map");
					CM_IG(igraph_vector_int_push_back(&ties, lid[b]), "laying out the map");
				}
			}
		}
		for (igraph_integer_t i = 0; i < k; i++) {
			work[2 * i] = ab[2 * mem[i]];
			work[2 * i + 1] = ab[2 * mem[i] + 1];
		}
		if ((rc = fr_positions(xy, &membership, &ncomp, &ties, k, p->seed)) < 0)
			goto done;
		/* large groups: comparing every pair is too slow, the density decides */
		s = k <= PUSH_MAX_ACTORS ? spread_factor(xy, work, k, FR_GAP, 0.5, work + 2 * k)
		                         : density_factor(xy, work, k, &membership, ncomp);
		for (igraph_integer_t i = 0; i < 2 * k; i++)
			xy[i] *= s;
		if (k <= PUSH_MAX_ACTORS)
			cm_map_push_apart(xy, work, k, FR_GAP, PUSH_SWEEPS);
		if (ncomp > 1 && (rc = cm_map_pack_components(xy, work, k, &membership, ncomp)) < 0)
			goto done;
		for (igraph_integer_t i = 0; i < k; i++) {
			/* Graphviz may put a label on any side of its node: the box leaves room for that */
			double d = cm_map_node_width(p, mem[i], large) * 72 / 2;
			double hw = ab[2 * mem[i]] - d, hh = ab[2 * mem[i] + 1] - d;

			x0 = fmin(x0, xy[2 * i] - hw);
			x1 = fmax(x1, xy[2 * i] + hw);
			y0 = fmin(y0, xy[2 * i + 1] - hh);
			y1 = fmax(y1, xy[2 * i + 1] + hh);
		}
		box[4 * g] = x0;
		box[4 * g + 1] = y0;
		box[4 * g + 2] = x1;
		box[4 * g + 3] = y1;
		/* the name and its header are added by place_boxes(), whose page scale sets their size */
		wh[2 * g] = x1 - x0 + 2 * FR_BOX_PAD;
		wh[2 * g + 1] = y1 - y0 + 2 * FR_BOX_PAD;
		if (cm_interrupted()) {
			rc = cm_error_set(CM_EINTERRUPTED, _("interrupted"));
			goto done;
		}
	}
	/* the boxes: the graph of the non-empty groups, tied where their actors are */
	for (igraph_integer_t g = 0; g < ng; g++)
		qid[g] = count[g] ? nq++ : -1;
	igraph_vector_int_clear(&ties);
	for (igraph_integer_t e = 0; e < m; e++) {
		igraph_integer_t a = gid[IGRAPH_FROM(graph, e)], b = gid[IGRAPH_TO(graph, e)];

		if (a != b) {
			CM_IG(igraph_vector_int_push_back(&ties, qid[a]), "laying out the map");
			CM_IG(igraph_vector_int_push_back(&ties, qid[b]), "laying out the map");
		}
	}
	/*
	 * region names legible on the page: the boxes placed once with the
	 * default size, then again with the size the page scale asks for
	 * (their headers grow, so the map a little)
	 */
	for (int round = 0; round < 3; round++) {
		double pt = p->cluster_pt > 0 ? p->cluster_pt : 12 * p->text_scale, need;

		header = p->have_clusters ? pt * 1.6 : 0;
		if ((rc = place_boxes(centre, qwh, wh, wwh, p, ng, qid, nq, &ties, &membership, work, lid, header, pt)) < 0)
			goto done;
		if (!p->have_clusters || nq > 200)
			break;
		need = MIN_REGION_POINTS / page_estimate(p, centre, qwh, nq) * 1.05;
		if (need <= pt * 1.02)
			break;
		p->cluster_pt = need;
	}
	/* actors: their box's place, the header at its top */
	for (igraph_integer_t g = 0; g < ng; g++) {
		igraph_integer_t q = qid[g];
		double cx, cy, lx, ly, top;

		if (q < 0)
			continue;
		cx = centre[2 * q];
		cy = centre[2 * q + 1];
		top = g < ng - 1 || !p->have_clusters ? header : 0;
		lx = (box[4 * g] + box[4 * g + 2]) / 2;
		ly = (box[4 * g + 1] + box[4 * g + 3]) / 2;
		for (igraph_integer_t i = 0; i < count[g]; i++) {
			igraph_integer_t v = members[first[g] + i];

			p->xy[2 * v] = cx + local[2 * (first[g] + i)] - lx;
			p->xy[2 * v + 1] = cy - top / 2 + local[2 * (first[g] + i) + 1] - ly;
		}
		if (p->have_clusters && g < ng - 1) {
			p->cluster_bb[4 * g] = cx - wwh[2 * g] / 2;
			p->cluster_bb[4 * g + 1] = cy - wwh[2 * g + 1] / 2;
			p->cluster_bb[4 * g + 2] = cx + wwh[2 * g] / 2;
			p->cluster_bb[4 * g + 3] = cy + wwh[2 * g + 1] / 2;
		}
	}
done:
	igraph_vector_int_destroy(&ties);
	igraph_vector_int_destroy(&membership);
	igraph_vector_int_destroy(&inc);
	free(gid);
	free(lid);
	free(members);
	free(count);
	free(first);
	free(qid);
	free(local);
	free(ab);
	free(work);
	free(box);
	free(centre);
	free(wh);
	free(qwh);
	free(wwh);
	return rc;
}
