/* Boxes on a plane: pushed apart until none overlap, pulled together, components packed in rows. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "present/map/pack.h"
#include "coopmap/common.h"
#include "base/i18n.h"

/* Component sizes for cmp_component(). */
static const igraph_integer_t *sort_sizes;

/* qsort: components by size, largest first, then by number. */
static int cmp_component(const void *a, const void *b)
{
	igraph_integer_t x = *(const igraph_integer_t *)a, y = *(const igraph_integer_t *)b;

	if (sort_sizes[x] != sort_sizes[y])
		return sort_sizes[x] > sort_sizes[y] ? -1 : 1;
	return (x > y) - (x < y);
}

/* Boxes compared pair by pair up to this many; beyond, only pairs that meet along x (push_apart_sorted). */
#define PUSH_SORTED_MIN 400

/* Left edges for cmp_left(). */
static const double *sort_left;

/* qsort: boxes by left edge, then by index. */
static int cmp_left(const void *a, const void *b)
{
	igraph_integer_t x = *(const igraph_integer_t *)a, y = *(const igraph_integer_t *)b;

	if (sort_left[x] != sort_left[y])
		return sort_left[x] < sort_left[y] ? -1 : 1;
	return (x > y) - (x < y);
}

/* Move boxes i and j apart along the axis of the smaller overlap; 1 if they overlapped. */
static int push_pair(double *xy, const double *wh, igraph_integer_t i, igraph_integer_t j, double gap)
{
	double dx = xy[2 * j] - xy[2 * i], dy = xy[2 * j + 1] - xy[2 * i + 1];
	double ox = (wh[2 * i] + wh[2 * j]) / 2 + gap - fabs(dx);
	double oy = (wh[2 * i + 1] + wh[2 * j + 1]) / 2 + gap - fabs(dy);

	if (ox <= 1e-6 || oy <= 1e-6)
		return 0;
	if (ox <= oy) {
		double d = (dx < 0 ? -ox : ox) / 2;

		xy[2 * i] -= d;
		xy[2 * j] += d;
	} else {
		double d = (dy < 0 ? -oy : oy) / 2;

		xy[2 * i + 1] -= d;
		xy[2 * j + 1] += d;
	}
	return 1;
}

/*
 * cm_map_push_apart() for many boxes: each sweep sorts them by left edge
 * and compares only the pairs that meet along x then (sweep and prune),
 * so a sweep costs k log k plus the overlaps instead of k squared: the
 * region boxes of 20,000 actors hold a thousand each.
 */
static igraph_integer_t push_apart_sorted(double *xy, const double *wh, igraph_integer_t k, double gap, int sweeps)
{
	igraph_integer_t *order = malloc((size_t)k * sizeof(*order)), left = 0;
	double *edge = malloc(2 * (size_t)k * sizeof(*edge));

	if (!order || !edge) {
		free(order);
		free(edge);
		return 0;  /* only the spacing suffers */
	}
	for (int sweep = 0; sweep < sweeps; sweep++) {
		left = 0;
		/* left edges, then right edges, where the sweep starts */
		for (igraph_integer_t i = 0; i < k; i++) {
			order[i] = i;
			edge[i] = xy[2 * i] - wh[2 * i] / 2;
			edge[k + i] = xy[2 * i] + wh[2 * i] / 2;
		}
		sort_left = edge;
		qsort(order, (size_t)k, sizeof(*order), cmp_left);
		for (igraph_integer_t a = 0; a < k; a++) {
			igraph_integer_t i = order[a];

			for (igraph_integer_t b = a + 1; b < k && edge[order[b]] < edge[k + i] + gap; b++)
				left += push_pair(xy, wh, i < order[b] ? i : order[b], i < order[b] ? order[b] : i, gap);
		}
		if (!left)
			break;
	}
	free(order);
	free(edge);
	return left;
}

/*
 * Move the boxes (centres xy, sizes wh) apart until no two come closer
 * than gap, or `sweeps` sweeps are done: each overlapping pair moves
 * apart by half the overlap each, along the axis where the overlap is
 * smaller, so the layout keeps its shape.  Returns the pairs still
 * overlapping.
 */
igraph_integer_t cm_map_push_apart(double *xy, const double *wh, igraph_integer_t k, double gap, int sweeps)
{
	igraph_integer_t left = 0;

	if (k > PUSH_SORTED_MIN)
		return push_apart_sorted(xy, wh, k, gap, sweeps);
	for (int sweep = 0; sweep < sweeps; sweep++) {
		left = 0;
		for (igraph_integer_t i = 0; i < k; i++) {
			for (igraph_integer_t j = i + 1; j < k; j++)
				left += push_pair(xy, wh, i, j, gap);
		}
		if (!left)
			break;
	}
	return left;
}

/* Does box i (centre x, y; sizes wh) come closer than gap to any other of the k boxes? */
static int box_hits(const double *xy, const double *wh, igraph_integer_t k, igraph_integer_t i, double x, double y,
                    double gap)
{
	for (igraph_integer_t j = 0; j < k; j++)
		if (j != i && fabs(x - xy[2 * j]) < (wh[2 * i] + wh[2 * j]) / 2 + gap &&
		    fabs(y - xy[2 * j + 1]) < (wh[2 * i + 1] + wh[2 * j + 1]) / 2 + gap)
			return 1;
	return 0;
}

/*
 * Pull the boxes towards their common centre while none comes closer than
 * gap to another: scaling until the closest pair is clear leaves the
 * others far apart.  Each box in turn moves a tenth of the way, or slides
 * along x or y alone when that is blocked, until nothing moves.
 */
void cm_map_compact_boxes(double *xy, const double *wh, igraph_integer_t k, double gap)
{
	for (int sweep = 0; sweep < 10 * PUSH_SWEEPS; sweep++) {
		double cx = 0, cy = 0;
		int moved = 0;

		for (igraph_integer_t i = 0; i < k; i++) {
			cx += xy[2 * i] / (double)k;
			cy += xy[2 * i + 1] / (double)k;
		}
		for (igraph_integer_t i = 0; i < k; i++) {
			double dx = (cx - xy[2 * i]) / 10, dy = (cy - xy[2 * i + 1]) / 10;
			const double tries[3][2] = { { dx, dy }, { dx, 0 }, { 0, dy } };

			for (int t = 0; t < 3; t++) {
				double x = xy[2 * i] + tries[t][0], y = xy[2 * i + 1] + tries[t][1];

				if (fabs(tries[t][0]) + fabs(tries[t][1]) < 0.5 || box_hits(xy, wh, k, i, x, y, gap))
					continue;
				xy[2 * i] = x;
				xy[2 * i + 1] = y;
				moved = 1;
				break;
			}
		}
		if (!moved)
			break;
	}
}

/*
 * Pack the connected components of a group (membership, ncomp; boxes wh)
 * as sfdp does: the largest stays, the others go in rows under it, largest
 * first.  Left where FR put them, small components and lone actors are
 * flung to the edges by its repulsion, and scaling the map to a page then
 * shrinks the rest.
 */
int cm_map_pack_components(double *xy, const double *wh, igraph_integer_t k, const igraph_vector_int_t *membership,
                           igraph_integer_t ncomp)
{
	double *bb = calloc(4 * (size_t)ncomp + 1, sizeof(*bb)), width, area = 0, x, y, row = 0;
	igraph_integer_t *size = calloc((size_t)ncomp + 1, sizeof(*size)), *order = NULL, big = 0;
	int rc = 0;

	order = malloc(((size_t)ncomp + 1) * sizeof(*order));
	if (!bb || !size || !order) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t c = 0; c < ncomp; c++) {
		bb[4 * c] = bb[4 * c + 1] = HUGE_VAL;
		bb[4 * c + 2] = bb[4 * c + 3] = -HUGE_VAL;
		order[c] = c;
	}
	for (igraph_integer_t i = 0; i < k; i++) {
		igraph_integer_t c = VECTOR(*membership)[i];

		size[c]++;
		bb[4 * c] = fmin(bb[4 * c], xy[2 * i] - wh[2 * i] / 2);
		bb[4 * c + 1] = fmin(bb[4 * c + 1], xy[2 * i + 1] - wh[2 * i + 1] / 2);
		bb[4 * c + 2] = fmax(bb[4 * c + 2], xy[2 * i] + wh[2 * i] / 2);
		bb[4 * c + 3] = fmax(bb[4 * c + 3], xy[2 * i + 1] + wh[2 * i + 1] / 2);
	}
	/* largest first; igraph numbers components by their first actor, which breaks ties */
	for (igraph_integer_t c = 1; c < ncomp; c++)
		if (size[c] > size[big])
			big = c;
	order[0] = big;
	order[big] = 0;
	sort_sizes = size;
	if (ncomp > 2)
		qsort(order + 1, (size_t)ncomp - 1, sizeof(*order), cmp_component);
	for (igraph_integer_t c = 0; c < ncomp; c++)
		if (c != big)
			area += (bb[4 * c + 2] - bb[4 * c] + FR_GAP) * (bb[4 * c + 3] - bb[4 * c + 1] + FR_GAP);
	width = fmax(bb[4 * big + 2] - bb[4 * big], sqrt(area));
	x = bb[4 * big];
	y = bb[4 * big + 1] - 2 * FR_GAP;
	for (igraph_integer_t o = 1; o < ncomp; o++) {
		igraph_integer_t c = order[o];
		double w = bb[4 * c + 2] - bb[4 * c] + FR_GAP, h = bb[4 * c + 3] - bb[4 * c + 1] + FR_GAP;

		if (x + w > bb[4 * big] + width && x > bb[4 * big]) {
			x = bb[4 * big];
			y -= row;
			row = 0;
		}
		/* the shift of component c, kept in its box's first corner */
		bb[4 * c + 2] = x - bb[4 * c];
		bb[4 * c + 3] = y - bb[4 * c + 3];
		x += w;
		row = fmax(row, h);
	}
	for (igraph_integer_t i = 0; i < k; i++) {
		igraph_integer_t c = VECTOR(*membership)[i];

		if (c == big)
			continue;
		xy[2 * i] += bb[4 * c + 2];
		xy[2 * i + 1] += bb[4 * c + 3];
	}
done:
	free(bb);
	free(size);
	free(order);
	return rc;
}
