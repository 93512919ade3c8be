/*
 * Burt's effective size with tie weights (docs/measures.md), for coopmap
 * metrics and coopmap brokers.
 */
#include <math.h>
#include <stdlib.h>

#include "coopmap/common.h"
#include "measure/burt.h"
#include "base/i18n.h"

/* An alter and the mutual weight of the ties with it (both directions summed). */
struct alter {
	igraph_integer_t u;
	double w;
};

/* Order alters by vertex. */
static int alter_cmp(const void *pa, const void *pb)
{
	const struct alter *a = pa, *b = pb;

	return (a->u > b->u) - (a->u < b->u);
}

/*
 * Each actor's alters, sorted and merged: those of v are list[off[v]] to
 * list[off[v + 1]] (exclusive); off has n + 2 entries, list 2m + 1.
 */
static void mutual_weights(igraph_integer_t *off, struct alter *list, const igraph_t *g,
                           const igraph_vector_t *weights)
{
	igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g);

	/* both ends of each tie, bucketed by vertex */
	for (igraph_integer_t e = 0; e < m; e++) {
		igraph_integer_t from = IGRAPH_FROM(g, e), to = IGRAPH_TO(g, e);

		if (from == to)
			continue;
		off[from + 2]++;
		off[to + 2]++;
	}
	for (igraph_integer_t v = 0; v < n; v++)
		off[v + 2] += off[v + 1];
	for (igraph_integer_t e = 0; e < m; e++) {
		igraph_integer_t from = IGRAPH_FROM(g, e), to = IGRAPH_TO(g, e);
		double w = weights ? VECTOR(*weights)[e] : 1;

		if (from == to)
			continue;
		list[off[from + 1]++] = (struct alter){ to, w };
		list[off[to + 1]++] = (struct alter){ from, w };
	}
	/* v's bucket is off[v]..off[v + 1]: sort it and merge repeated alters, moving it left */
	for (igraph_integer_t v = 0, a = 0, k = 0; v < n; v++) {
		igraph_integer_t b = off[v + 1];

		off[v] = k;
		qsort(list + a, (size_t)(b - a), sizeof(*list), alter_cmp);
		for (igraph_integer_t i = a; i < b; i++) {
			if (k > off[v] && list[k - 1].u == list[i].u)
				list[k - 1].w += list[i].w;
			else
				list[k++] = list[i];
		}
		a = b;
		off[v + 1] = k;
	}
}

int cm_burt_effective_size(double *out, const igraph_t *g, const igraph_vector_t *weights,
                           const char *progress)
{
	igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g);
	igraph_integer_t *off = NULL;
	struct alter *list = NULL;
	double *sum = NULL, *max = NULL, *p = NULL;
	int rc = 0;

	off = calloc((size_t)n + 2, sizeof(*off));
	list = calloc(2 * (size_t)m + 1, sizeof(*list));
	sum = calloc((size_t)n + 1, sizeof(*sum));
	max = calloc((size_t)n + 1, sizeof(*max));
	p = calloc((size_t)n + 1, sizeof(*p));
	if (!off || !list || !sum || !max || !p) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory while computing effective size"));
		goto done;
	}
	mutual_weights(off, list, g, weights);
	for (igraph_integer_t v = 0; v < n; v++)
		for (igraph_integer_t i = off[v]; i < off[v + 1]; i++) {
			sum[v] += list[i].w;
			if (list[i].w > max[v])
				max[v] = list[i].w;
		}
	for (igraph_integer_t v = 0; v < n; v++) {
		double es = 0;

		if (off[v] == off[v + 1]) {
			out[v] = NAN;
			continue;
		}
		if (progress && (v & 1023) == 0) {
			if (cm_interrupted()) {
				rc = cm_error_set(CM_EINTERRUPTED, _("interrupted while computing effective size"));
				goto done;
			}
			cm_progress(progress, (double)v, (double)n);
		}
		/* p[q] = p_vq for v's alters, 0 elsewhere */
		for (igraph_integer_t i = off[v]; i < off[v + 1]; i++)
			p[list[i].u] = list[i].w / sum[v];
		for (igraph_integer_t i = off[v]; i < off[v + 1]; i++) {
			igraph_integer_t j = list[i].u;
			double r = 0;

			/* q runs over j's alters: the terms with p_vq = 0 are left out */
			for (igraph_integer_t k = off[j]; k < off[j + 1]; k++) {
				igraph_integer_t q = list[k].u;

				if (q != v && p[q] > 0)
					r += p[q] * list[k].w / max[j];
			}
			es += 1 - r;
		}
		for (igraph_integer_t i = off[v]; i < off[v + 1]; i++)
			p[list[i].u] = 0;
		out[v] = es;
	}
done:
	free(off);
	free(list);
	free(sum);
	free(max);
	free(p);
	return rc;
}
