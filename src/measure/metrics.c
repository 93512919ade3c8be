/*
 * Per-actor measures (coopmap metrics): centralities, brokerage, cohesion
 * and communities, one row per actor.  Definitions: docs/measures.md.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/metrics.h"
#include "coopmap/network.h"
#include "coopmap/summary.h"
#include "coopmap/table.h"
#include "base/error.h"
#include "measure/burt.h"
#include "model/raw.h"

/*
 * Above this many actors x (actors + ties) the path measures are estimated
 * from sampled sources unless --exact: the exact searches run at about 8e7
 * such units per second on a 2-CPU machine (measured, docs/measures.md), so
 * the limit keeps exact runs near ten seconds.
 */
#define PATH_EXACT_LIMIT 1e9

/* Default number of sampled source actors per component (docs/measures.md). */
#define DEFAULT_SAMPLES 256

/* Exact closeness and harmonic are computed in slices of at least this many actors. */
#define EXACT_SLICE 256

/* Distance matrices of sampled sources are computed in slices of this many cells. */
#define DISTANCE_BATCH_CELLS (1 << 22)

/* The measures in output order, with their column types. */
static const struct measure {
	const char *name;
	unsigned bit;
	cm_coltype type;
} measures[] = {
	{ "degree", CM_M_DEGREE, CM_COL_INT },
	{ "strength", CM_M_STRENGTH, CM_COL_REAL },
	{ "betweenness", CM_M_BETWEENNESS, CM_COL_REAL },
	{ "closeness", CM_M_CLOSENESS, CM_COL_REAL },
	{ "harmonic", CM_M_HARMONIC, CM_COL_REAL },
	{ "eigenvector", CM_M_EIGENVECTOR, CM_COL_REAL },
	{ "pagerank", CM_M_PAGERANK, CM_COL_REAL },
	{ "coreness", CM_M_CORENESS, CM_COL_INT },
	{ "clustering", CM_M_CLUSTERING, CM_COL_REAL },
	{ "constraint", CM_M_CONSTRAINT, CM_COL_REAL },
	{ "effective_size", CM_M_EFFECTIVE_SIZE, CM_COL_REAL },
	{ "articulation", CM_M_ARTICULATION, CM_COL_BOOL },
	{ "community", CM_M_COMMUNITY, CM_COL_INT },
};
#define N_MEASURES (sizeof(measures) / sizeof(measures[0]))

/* Everything the measures share while one table is computed. */
struct ctx {
	const igraph_t *g;
	igraph_integer_t n, m;
	int directed;
	igraph_vector_t w;          /* tie weights (1 when the network has none) */
	igraph_vector_t dist;       /* 1 / weight, the tie lengths of --weighted */
	int weighted;
	/* The network as a simple undirected graph (weights of merged ties summed). */
	igraph_t ug;
	igraph_vector_t uw;
	int own_ug;
	const igraph_t *ugp;
	const igraph_vector_t *uwp;
	unsigned long seed;
	igraph_integer_t samples;
	int exact;
	cm_table *t;
	int col[N_MEASURES];
};

/* What igraph's progress reports are about, for the forwarding handler. */
static const char *progress_what;

/* Forward igraph's progress reports (percentages) to coopmap's handler. */
static igraph_error_t forward_progress(const char *message, igraph_real_t percent, void *data)
{
	(void)data;
	cm_progress(progress_what ? progress_what : message, percent, 100.0);
	return IGRAPH_SUCCESS;
}

int cm_metrics_parse(unsigned *out, const char *list)
{
	const char *p = list;
	unsigned bits = 0;
	int rc = 0;

	*out = 0;
	for (;;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		size_t i;

		while (len > 0 && (*p == ' ' || *p == '\t')) {
			p++;
			len--;
		}
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len == 0) {
			rc = cm_error_set(CM_EUSAGE, "empty measure name in '%s'", list);
			goto done;
		}
		if (len == 3 && !strncmp(p, "all", 3)) {
			bits |= CM_M_ALL;
		} else {
			for (i = 0; i < N_MEASURES; i++)
				if (strlen(measures[i].name) == len && !strncmp(p, measures[i].name, len))
					break;
			if (i == N_MEASURES) {
				rc = cm_error_set(CM_EUSAGE, "unknown measure '%.*s' (use degree, strength, "
				                  "betweenness, closeness, harmonic, eigenvector, pagerank, "
				                  "coreness, clustering, constraint, effective_size, "
				                  "articulation, community or all)", (int)len, p);
				goto done;
			}
			bits |= measures[i].bit;
		}
		if (!end)
			break;
		p = end + 1;
	}
	*out = bits;
done:
	return rc;
}

/* Copy a vector into a numeric column. */
static void set_column(cm_table *t, int col, const igraph_vector_t *v)
{
	for (igraph_integer_t i = 0; i < igraph_vector_size(v); i++)
		cm_table_set_number(t, (size_t)i, (size_t)col, VECTOR(*v)[i]);
}

/* Copy an integer vector into a numeric column. */
static void set_int_column(cm_table *t, int col, const igraph_vector_int_t *v)
{
	for (igraph_integer_t i = 0; i < igraph_vector_int_size(v); i++)
		cm_table_set_number(t, (size_t)i, (size_t)col, (double)VECTOR(*v)[i]);
}

/* One tie of the simple undirected view, for sorting and merging. */
struct pairw {
	igraph_integer_t a, b;
	double w;
};

/* Order ties by their end points. */
static int cmp_pairw(const void *x, const void *y)
{
	const struct pairw *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return 0;
}

/*
 * Clustering, constraint's degrees and Leiden need a simple undirected graph:
 * use the network itself when it is one, else merge the directions and
 * repeated ties, summing their weights (NetworkX's mutual weight).
 */
static int build_simple_view(struct ctx *c)
{
	struct pairw *pw = NULL;
	igraph_vector_int_t edges;
	igraph_bool_t multi = 0, loops = 0;
	igraph_integer_t k = 0;
	igraph_error_t err;
	int rc = 0, have_edges = 0;

	c->ugp = c->g;
	c->uwp = &c->w;
	if (!c->directed) {
		if ((err = igraph_has_multiple(c->g, &multi)) != IGRAPH_SUCCESS ||
		    (err = igraph_has_loop(c->g, &loops)) != IGRAPH_SUCCESS) {
			rc = cm_error_from_igraph(err, "checking for repeated ties");
			goto done;
		}
		if (!multi && !loops)
			goto done;
	}
	pw = malloc((size_t)(c->m > 0 ? c->m : 1) * sizeof(*pw));
	if (!pw) {
		rc = cm_error_set(CM_ENOMEM, "out of memory while merging tie directions");
		goto done;
	}
	for (igraph_integer_t e = 0; e < c->m; e++) {
		igraph_integer_t a = IGRAPH_FROM(c->g, e), b = IGRAPH_TO(c->g, e);

		if (a == b)
			continue;
		pw[k].a = a < b ? a : b;
		pw[k].b = a < b ? b : a;
		pw[k].w = VECTOR(c->w)[e];
		k++;
	}
	qsort(pw, (size_t)k, sizeof(*pw), cmp_pairw);
	if (igraph_vector_int_init(&edges, 0) != IGRAPH_SUCCESS) {
		rc = cm_error_set(CM_ENOMEM, "out of memory while merging tie directions");
		goto done;
	}
	have_edges = 1;
	if (igraph_vector_init(&c->uw, 0) != IGRAPH_SUCCESS) {
		rc = cm_error_set(CM_ENOMEM, "out of memory while merging tie directions");
		goto done;
	}
	for (igraph_integer_t i = 0; i < k; i++) {
		igraph_integer_t last = igraph_vector_size(&c->uw) - 1;

		if (i > 0 && pw[i].a == pw[i - 1].a && pw[i].b == pw[i - 1].b) {
			VECTOR(c->uw)[last] += pw[i].w;
			continue;
		}
		if (igraph_vector_int_push_back(&edges, pw[i].a) != IGRAPH_SUCCESS ||
		    igraph_vector_int_push_back(&edges, pw[i].b) != IGRAPH_SUCCESS ||
		    igraph_vector_push_back(&c->uw, pw[i].w) != IGRAPH_SUCCESS) {
			igraph_vector_destroy(&c->uw);
			rc = cm_error_set(CM_ENOMEM, "out of memory while merging tie directions");
			goto done;
		}
	}
	if ((err = igraph_create(&c->ug, &edges, c->n, IGRAPH_UNDIRECTED)) != IGRAPH_SUCCESS) {
		igraph_vector_destroy(&c->uw);
		rc = cm_error_from_igraph(err, "merging tie directions");
		goto done;
	}
	c->own_ug = 1;
	c->ugp = &c->ug;
	c->uwp = &c->uw;
done:
	if (have_edges)
		igraph_vector_int_destroy(&edges);
	free(pw);
	return rc;
}

/* degree and strength: ties in both directions, loops never count. */
static int compute_degree(struct ctx *c, int want_degree, int want_strength)
{
	igraph_vector_t v;
	igraph_error_t err;
	int rc = 0;

	if (igraph_vector_init(&v, 0) != IGRAPH_SUCCESS)
		return cm_error_set(CM_ENOMEM, "out of memory while computing degrees");
	if (want_degree) {
		if ((err = igraph_strength(c->g, &v, igraph_vss_all(), IGRAPH_ALL, 0, NULL)) != IGRAPH_SUCCESS) {
			rc = cm_error_from_igraph(err, "computing degrees");
			goto done;
		}
		set_column(c->t, c->col[0], &v);
	}
	if (want_strength) {
		if ((err = igraph_strength(c->g, &v, igraph_vss_all(), IGRAPH_ALL, 0, &c->w)) != IGRAPH_SUCCESS) {
			rc = cm_error_from_igraph(err, "computing strengths");
			goto done;
		}
		set_column(c->t, c->col[1], &v);
	}
done:
	igraph_vector_destroy(&v);
	return rc;
}

/*
 * Exact closeness (harmonic when harmonic is set) of every actor through
 * igraph, in slices of actors: igraph does not poll for interruption in
 * every one of these searches, and a slice costs its share of the searches
 * plus one O(n + m) set-up, so slices of at least EXACT_SLICE actors let
 * Ctrl-C and the progress line work at a negligible cost.
 */
static int closeness_slices(struct ctx *c, igraph_vector_t *out, int harmonic)
{
	const igraph_vector_t *len = c->weighted ? &c->dist : NULL;
	igraph_neimode_t mode = c->directed ? IGRAPH_OUT : IGRAPH_ALL;
	const char *what = harmonic ? "harmonic" : "closeness";
	igraph_integer_t slice = c->n / 100 > EXACT_SLICE ? c->n / 100 : EXACT_SLICE;
	igraph_vector_t part;
	igraph_error_t err;
	int rc = 0;

	if (igraph_vector_init(&part, 0) != IGRAPH_SUCCESS)
		return cm_error_set(CM_ENOMEM, "out of memory while computing %s", what);
	for (igraph_integer_t v0 = 0; v0 < c->n; v0 += slice) {
		igraph_integer_t v1 = v0 + slice < c->n ? v0 + slice : c->n;

		if (cm_interrupted()) {
			rc = cm_error_set(CM_EINTERRUPTED, "interrupted while computing %s", what);
			goto done;
		}
		cm_progress(what, (double)v0, (double)c->n);
		if (harmonic)
			err = igraph_harmonic_centrality(c->g, &part, igraph_vss_range(v0, v1), mode, len, 1);
		else
			err = igraph_closeness(c->g, &part, NULL, NULL, igraph_vss_range(v0, v1), mode, len, 1);
		if (err != IGRAPH_SUCCESS) {
			rc = cm_error_from_igraph(err, harmonic ? "computing harmonic centrality" : "computing closeness");
			goto done;
		}
		/* igraph gives NaN to an actor who reaches nobody; coopmap says 0 */
		for (igraph_integer_t v = v0; v < v1; v++) {
			double x = VECTOR(part)[v - v0];

			VECTOR(*out)[v] = isfinite(x) ? x : 0;
		}
	}
	cm_progress(what, (double)c->n, (double)c->n);
done:
	igraph_vector_destroy(&part);
	return rc;
}

/* Exact path measures through igraph (NULL: not wanted). */
static int paths_exact(struct ctx *c, igraph_vector_t *bet, igraph_vector_t *clo, igraph_vector_t *har)
{
	igraph_error_t err;
	int rc = 0;

	if (bet) {
		progress_what = "betweenness";
		err = igraph_betweenness(c->g, bet, igraph_vss_all(), c->directed,
		                         c->weighted ? &c->dist : NULL);
		progress_what = NULL;
		if (err != IGRAPH_SUCCESS) {
			rc = cm_error_from_igraph(err, "computing betweenness");
			goto done;
		}
	}
	if (clo && (rc = closeness_slices(c, clo, 0)) < 0)
		goto done;
	if (har && (rc = closeness_slices(c, har, 1)) < 0)
		goto done;
done:
	return rc;
}

/*
 * Distance sums between every actor and the sources, by igraph_distances
 * (igraph_distances_dijkstra with --weighted) from slices of sources, so
 * that at most DISTANCE_BATCH_CELLS distances are held at a time.  For each
 * actor v and source s != v that are connected: cnt[v] counts s, sumd[v]
 * adds d(v, s) and sumh[v] adds 1 / d(v, s).  In directed networks d(v, s)
 * is the length of the paths from v to s (searches along reversed ties).
 */
static int distance_sums(struct ctx *c, const igraph_vector_int_t *src, double *cnt,
                         double *sumd, double *sumh)
{
	igraph_neimode_t mode = c->directed ? IGRAPH_IN : IGRAPH_ALL;
	igraph_integer_t nsrc = igraph_vector_int_size(src), batch;
	igraph_matrix_t d;
	igraph_error_t err;
	int rc = 0;

	if (igraph_matrix_init(&d, 0, 0) != IGRAPH_SUCCESS)
		return cm_error_set(CM_ENOMEM, "out of memory while computing distances");
	batch = DISTANCE_BATCH_CELLS / (c->n > 0 ? c->n : 1);
	if (batch < 1)
		batch = 1;
	for (igraph_integer_t b0 = 0; b0 < nsrc; b0 += batch) {
		igraph_integer_t b1 = b0 + batch < nsrc ? b0 + batch : nsrc, rows = b1 - b0;
		igraph_vector_int_t slice;

		if (cm_interrupted()) {
			rc = cm_error_set(CM_EINTERRUPTED, "interrupted while computing distances");
			goto done;
		}
		cm_progress("closeness", (double)b0, (double)nsrc);
		igraph_vector_int_view(&slice, VECTOR(*src) + b0, rows);
		if (c->weighted)
			err = igraph_distances_dijkstra(c->g, &d, igraph_vss_vector(&slice), igraph_vss_all(),
			                                &c->dist, mode);
		else
			err = igraph_distances(c->g, &d, igraph_vss_vector(&slice), igraph_vss_all(), mode);
		if (err != IGRAPH_SUCCESS) {
			rc = cm_error_from_igraph(err, "computing distances");
			goto done;
		}
		/* the matrix is column-major: the rows-long column v holds d(v, slice) */
		for (igraph_integer_t v = 0; v < c->n; v++) {
			const double *col = &MATRIX(d, 0, v);

			for (igraph_integer_t r = 0; r < rows; r++) {
				double x = col[r];

				if (x > 0 && x < IGRAPH_INFINITY) {
					cnt[v] += 1;
					sumd[v] += x;
					sumh[v] += 1.0 / x;
				}
			}
		}
	}
	cm_progress("closeness", (double)nsrc, (double)nsrc);
done:
	igraph_matrix_destroy(&d);
	return rc;
}

/*
 * Path measures from source actors.  With k > 0, each (weak) component
 * with more than k actors contributes k sources drawn without replacement
 * (seeded); smaller components, and every component when k <= 0, use all
 * their actors, so they are exact.  Betweenness is igraph's betweenness
 * from the sources to every actor (igraph_betweenness_subset, which halves
 * the dependencies in undirected networks, so that all sources give
 * igraph_betweenness) scaled by size/sources; closeness is 1 / the mean
 * distance to the sources reached; harmonic scales the sum of 1/distance to
 * the sources by (size-1)/(sources other than the actor) and divides by
 * n-1 (docs/measures.md derives the estimators).
 */
static int paths_from_sources(struct ctx *c, igraph_integer_t k, igraph_vector_t *bet,
                              igraph_vector_t *clo, igraph_vector_t *har, int *estimated)
{
	igraph_vector_int_t memb, csize, start, members, src, pick, ksize, fill;
	double *cnt = NULL, *sumd = NULL, *sumh = NULL;
	char *insample = NULL;
	igraph_integer_t nc = 0;
	igraph_error_t err;
	int rc = 0, ninit = 0;
	igraph_vector_int_t *vecs[] = { &memb, &csize, &start, &members, &src, &pick, &ksize, &fill };

	*estimated = 0;
	for (ninit = 0; ninit < 8; ninit++)
		if (igraph_vector_int_init(vecs[ninit], 0) != IGRAPH_SUCCESS)
			goto nomem;
	if ((err = igraph_connected_components(c->g, &memb, &csize, &nc, IGRAPH_WEAK)) != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(err, "finding components");
		goto done;
	}
	/* members of each component, contiguous from start[comp] */
	if (igraph_vector_int_resize(&start, nc + 1) || igraph_vector_int_resize(&ksize, nc) ||
	    igraph_vector_int_resize(&members, c->n))
		goto nomem;
	VECTOR(start)[0] = 0;
	for (igraph_integer_t i = 0; i < nc; i++) {
		igraph_integer_t s = VECTOR(csize)[i];

		VECTOR(start)[i + 1] = VECTOR(start)[i] + s;
		VECTOR(ksize)[i] = k > 0 && s > k ? k : s;
		if (VECTOR(ksize)[i] < s)
			*estimated = 1;
	}
	if (igraph_vector_int_update(&fill, &start))
		goto nomem;
	for (igraph_integer_t v = 0; v < c->n; v++)
		VECTOR(members)[VECTOR(fill)[VECTOR(memb)[v]]++] = v;
	/* seeded here so that the sources do not depend on the other measures */
	igraph_rng_seed(igraph_rng_default(), c->seed);
	for (igraph_integer_t i = 0; i < nc; i++) {
		igraph_integer_t s = VECTOR(csize)[i], base = VECTOR(start)[i];

		if (VECTOR(ksize)[i] == s) {
			for (igraph_integer_t j = 0; j < s; j++)
				if (igraph_vector_int_push_back(&src, VECTOR(members)[base + j]))
					goto nomem;
			continue;
		}
		if ((err = igraph_random_sample(&pick, 0, s - 1, k)) != IGRAPH_SUCCESS) {
			rc = cm_error_from_igraph(err, "sampling source actors");
			goto done;
		}
		for (igraph_integer_t j = 0; j < k; j++)
			if (igraph_vector_int_push_back(&src, VECTOR(members)[base + VECTOR(pick)[j]]))
				goto nomem;
	}
	if (bet) {
		progress_what = "betweenness";
		err = igraph_betweenness_subset(c->g, bet, igraph_vss_all(), c->directed,
		                                igraph_vss_vector(&src), igraph_vss_all(),
		                                c->weighted ? &c->dist : NULL);
		progress_what = NULL;
		if (err != IGRAPH_SUCCESS) {
			rc = cm_error_from_igraph(err, "computing betweenness");
			goto done;
		}
	}
	if (clo || har) {
		cnt = calloc((size_t)c->n, sizeof(*cnt));
		sumd = calloc((size_t)c->n, sizeof(*sumd));
		sumh = calloc((size_t)c->n, sizeof(*sumh));
		insample = calloc((size_t)c->n, 1);
		if (!cnt || !sumd || !sumh || !insample)
			goto nomem;
		for (igraph_integer_t i = 0; i < igraph_vector_int_size(&src); i++)
			insample[VECTOR(src)[i]] = 1;
		if ((rc = distance_sums(c, &src, cnt, sumd, sumh)) < 0)
			goto done;
	}
	for (igraph_integer_t v = 0; v < c->n; v++) {
		igraph_integer_t comp = VECTOR(memb)[v];
		double size = (double)VECTOR(csize)[comp], ks = (double)VECTOR(ksize)[comp];

		if (bet)
			VECTOR(*bet)[v] *= size / ks;
		if (clo)
			VECTOR(*clo)[v] = cnt[v] > 0 ? cnt[v] / sumd[v] : 0;
		if (har) {
			double others = ks - insample[v];

			VECTOR(*har)[v] = c->n > 1 && others > 0
				? sumh[v] * (size - 1) / others / (double)(c->n - 1) : 0;
		}
	}
	goto done;
nomem:
	rc = cm_error_set(CM_ENOMEM, "out of memory while choosing source actors");
done:
	progress_what = NULL;
	free(cnt);
	free(sumd);
	free(sumh);
	free(insample);
	for (int i = 0; i < ninit; i++)
		igraph_vector_int_destroy(vecs[i]);
	return rc;
}

/* betweenness, closeness and harmonic: exact or from sampled sources. */
static int compute_paths(struct ctx *c, unsigned want)
{
	igraph_vector_t bet, clo, har;
	igraph_integer_t k = c->samples;
	int rc = 0, estimated = 0;

	if (igraph_vector_init(&bet, c->n) != IGRAPH_SUCCESS)
		return cm_error_set(CM_ENOMEM, "out of memory while computing paths");
	if (igraph_vector_init(&clo, c->n) != IGRAPH_SUCCESS) {
		igraph_vector_destroy(&bet);
		return cm_error_set(CM_ENOMEM, "out of memory while computing paths");
	}
	if (igraph_vector_init(&har, c->n) != IGRAPH_SUCCESS) {
		igraph_vector_destroy(&bet);
		igraph_vector_destroy(&clo);
		return cm_error_set(CM_ENOMEM, "out of memory while computing paths");
	}
	if (c->exact)
		k = 0;
	else if (k <= 0 && (double)c->n * (double)(c->n + c->m) > PATH_EXACT_LIMIT)
		k = DEFAULT_SAMPLES;
	if (k <= 0)
		rc = paths_exact(c, want & CM_M_BETWEENNESS ? &bet : NULL,
		                 want & CM_M_CLOSENESS ? &clo : NULL,
		                 want & CM_M_HARMONIC ? &har : NULL);
	else
		rc = paths_from_sources(c, k, want & CM_M_BETWEENNESS ? &bet : NULL,
		                        want & CM_M_CLOSENESS ? &clo : NULL,
		                        want & CM_M_HARMONIC ? &har : NULL, &estimated);
	if (rc < 0)
		goto done;
	if (estimated)
		cm_notice("path measures (betweenness, closeness, harmonic) estimated from %ld "
		          "sampled source actors per component; --exact computes them exactly",
		          (long)k);
	if (want & CM_M_BETWEENNESS)
		set_column(c->t, c->col[2], &bet);
	if (want & CM_M_CLOSENESS)
		set_column(c->t, c->col[3], &clo);
	if (want & CM_M_HARMONIC)
		set_column(c->t, c->col[4], &har);
done:
	igraph_vector_destroy(&bet);
	igraph_vector_destroy(&clo);
	igraph_vector_destroy(&har);
	return rc;
}

/* Eigenvector centrality with tie weights, maximum 1; warns when igraph drops components. */
static int compute_eigenvector(struct ctx *c)
{
	igraph_vector_int_t csize;
	igraph_vector_t v;
	igraph_real_t value;
	igraph_integer_t nc = 0, with_ties = 0;
	igraph_error_t err;
	int rc = 0;

	if (igraph_vector_init(&v, 0) != IGRAPH_SUCCESS)
		return cm_error_set(CM_ENOMEM, "out of memory while computing eigenvector centrality");
	if (igraph_vector_int_init(&csize, 0) != IGRAPH_SUCCESS) {
		igraph_vector_destroy(&v);
		return cm_error_set(CM_ENOMEM, "out of memory while computing eigenvector centrality");
	}
	if (c->m == 0) {
		/* no tie: nobody is central (igraph would give everyone 1) */
		if (igraph_vector_resize(&v, c->n)) {
			rc = cm_error_set(CM_ENOMEM, "out of memory while computing eigenvector centrality");
			goto done;
		}
		igraph_vector_null(&v);
		set_column(c->t, c->col[5], &v);
		goto done;
	}
	if ((err = igraph_connected_components(c->g, NULL, &csize, &nc, IGRAPH_WEAK)) != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(err, "finding components");
		goto done;
	}
	for (igraph_integer_t i = 0; i < nc; i++)
		with_ties += VECTOR(csize)[i] > 1;
	if (with_ties > 1)
		cm_notice("eigenvector: the network has %ld separate parts with ties; igraph scores "
		          "only the part with the largest eigenvalue and gives 0 to the others",
		          (long)with_ties);
	progress_what = "eigenvector";
	err = igraph_eigenvector_centrality(c->g, &v, &value, c->directed, 1, &c->w, NULL);
	progress_what = NULL;
	if (err != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(err, "computing eigenvector centrality");
		goto done;
	}
	set_column(c->t, c->col[5], &v);
done:
	igraph_vector_int_destroy(&csize);
	igraph_vector_destroy(&v);
	return rc;
}

/* PageRank, damping 0.85, tie weights, PRPACK (sums to 1). */
static int compute_pagerank(struct ctx *c)
{
	igraph_vector_t v;
	igraph_real_t value;
	igraph_error_t err;
	int rc = 0;

	if (igraph_vector_init(&v, 0) != IGRAPH_SUCCESS)
		return cm_error_set(CM_ENOMEM, "out of memory while computing pagerank");
	progress_what = "pagerank";
	err = igraph_pagerank(c->g, IGRAPH_PAGERANK_ALGO_PRPACK, &v, &value, igraph_vss_all(),
	                      c->directed, 0.85, &c->w, NULL);
	progress_what = NULL;
	if (err != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(err, "computing pagerank");
		goto done;
	}
	set_column(c->t, c->col[6], &v);
done:
	igraph_vector_destroy(&v);
	return rc;
}

/* k-core number over ties in both directions. */
static int compute_coreness(struct ctx *c)
{
	igraph_vector_int_t v;
	igraph_error_t err;
	int rc = 0;

	if (igraph_vector_int_init(&v, 0) != IGRAPH_SUCCESS)
		return cm_error_set(CM_ENOMEM, "out of memory while computing coreness");
	if ((err = igraph_coreness(c->g, &v, IGRAPH_ALL)) != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(err, "computing coreness");
		goto done;
	}
	set_int_column(c->t, c->col[7], &v);
done:
	igraph_vector_int_destroy(&v);
	return rc;
}

/* Local clustering of the simple undirected view, 0 below two neighbours. */
static int compute_clustering(struct ctx *c)
{
	igraph_vector_t v;
	igraph_error_t err;
	int rc = 0;

	if (igraph_vector_init(&v, 0) != IGRAPH_SUCCESS)
		return cm_error_set(CM_ENOMEM, "out of memory while computing clustering");
	if ((err = igraph_transitivity_local_undirected(c->ugp, &v, igraph_vss_all(),
	                                                IGRAPH_TRANSITIVITY_ZERO)) != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(err, "computing clustering");
		goto done;
	}
	set_column(c->t, c->col[8], &v);
done:
	igraph_vector_destroy(&v);
	return rc;
}

/* Burt's constraint with tie weights; undefined (NaN) for an actor with no tie. */
static int compute_constraint(struct ctx *c)
{
	igraph_vector_t v, deg;
	igraph_error_t err;
	int rc = 0;

	if (igraph_vector_init(&v, 0) != IGRAPH_SUCCESS)
		return cm_error_set(CM_ENOMEM, "out of memory while computing constraint");
	if (igraph_vector_init(&deg, 0) != IGRAPH_SUCCESS) {
		igraph_vector_destroy(&v);
		return cm_error_set(CM_ENOMEM, "out of memory while computing constraint");
	}
	progress_what = "constraint";
	err = igraph_constraint(c->g, &v, igraph_vss_all(), &c->w);
	progress_what = NULL;
	if (err != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(err, "computing constraint");
		goto done;
	}
	if ((err = igraph_strength(c->ugp, &deg, igraph_vss_all(), IGRAPH_ALL, 0, NULL)) != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(err, "computing degrees");
		goto done;
	}
	for (igraph_integer_t i = 0; i < c->n; i++)
		if (VECTOR(deg)[i] == 0)
			VECTOR(v)[i] = NAN;
	set_column(c->t, c->col[9], &v);
done:
	igraph_vector_destroy(&deg);
	igraph_vector_destroy(&v);
	return rc;
}

/* Burt's effective size with tie weights (measure/burt.h); NaN for an actor with no tie. */
static int compute_effective_size(struct ctx *c)
{
	double *es = malloc(((size_t)c->n + 1) * sizeof(*es));
	int rc;

	if (!es)
		return cm_error_set(CM_ENOMEM, "out of memory while computing effective size");
	if ((rc = cm_burt_effective_size(es, c->g, &c->w, "effective_size")) == 0)
		for (igraph_integer_t v = 0; v < c->n; v++)
			cm_table_set_number(c->t, (size_t)v, (size_t)c->col[10], es[v]);
	free(es);
	return rc;
}

/* 1 for actors whose removal disconnects their component. */
static int compute_articulation(struct ctx *c)
{
	igraph_vector_int_t ap;
	igraph_error_t err;
	int rc = 0;

	if (igraph_vector_int_init(&ap, 0) != IGRAPH_SUCCESS)
		return cm_error_set(CM_ENOMEM, "out of memory while finding articulation points");
	if ((err = igraph_articulation_points(c->g, &ap)) != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(err, "finding articulation points");
		goto done;
	}
	for (igraph_integer_t v = 0; v < c->n; v++)
		cm_table_set_number(c->t, (size_t)v, (size_t)c->col[11], 0);
	for (igraph_integer_t i = 0; i < igraph_vector_int_size(&ap); i++)
		cm_table_set_number(c->t, (size_t)VECTOR(ap)[i], (size_t)c->col[11], 1);
done:
	igraph_vector_int_destroy(&ap);
	return rc;
}

/* Component sizes and first members, for renumbering communities. */
struct commkey {
	igraph_integer_t id, size, first;
};

/* Largest first, then the one whose first member comes first. */
static int cmp_commkey(const void *x, const void *y)
{
	const struct commkey *a = x, *b = y;

	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	return a->first < b->first ? -1 : a->first > b->first;
}

/*
 * Leiden with the modularity objective on the simple undirected view:
 * node weights = strengths and resolution 1/(2m), m the total tie weight.
 * Communities are renumbered by size, 0 the largest.
 */
static int compute_community(struct ctx *c)
{
	igraph_vector_int_t memb;
	igraph_vector_t str;
	struct commkey *keys = NULL;
	igraph_integer_t *newid = NULL, nb = 0;
	igraph_real_t quality, total;
	igraph_error_t err;
	int rc = 0;

	if (igraph_vector_int_init(&memb, c->n) != IGRAPH_SUCCESS)
		return cm_error_set(CM_ENOMEM, "out of memory while finding communities");
	if (igraph_vector_init(&str, 0) != IGRAPH_SUCCESS) {
		igraph_vector_int_destroy(&memb);
		return cm_error_set(CM_ENOMEM, "out of memory while finding communities");
	}
	total = igraph_vector_sum(c->uwp);
	if (igraph_ecount(c->ugp) == 0 || total <= 0) {
		for (igraph_integer_t v = 0; v < c->n; v++)
			VECTOR(memb)[v] = v;
		nb = c->n;
	} else {
		if ((err = igraph_strength(c->ugp, &str, igraph_vss_all(), IGRAPH_ALL, 1, c->uwp)) != IGRAPH_SUCCESS) {
			rc = cm_error_from_igraph(err, "computing strengths");
			goto done;
		}
		igraph_rng_seed(igraph_rng_default(), c->seed);
		progress_what = "community";
		err = igraph_community_leiden(c->ugp, c->uwp, &str, 1.0 / (2.0 * total), 0.01, 0, -1,
		                              &memb, &nb, &quality);
		progress_what = NULL;
		if (err != IGRAPH_SUCCESS) {
			rc = cm_error_from_igraph(err, "finding communities");
			goto done;
		}
	}
	keys = calloc((size_t)(nb > 0 ? nb : 1), sizeof(*keys));
	newid = calloc((size_t)(nb > 0 ? nb : 1), sizeof(*newid));
	if (!keys || !newid) {
		rc = cm_error_set(CM_ENOMEM, "out of memory while finding communities");
		goto done;
	}
	for (igraph_integer_t i = 0; i < nb; i++) {
		keys[i].id = i;
		keys[i].first = -1;
	}
	for (igraph_integer_t v = 0; v < c->n; v++) {
		struct commkey *k = &keys[VECTOR(memb)[v]];

		if (k->first < 0)
			k->first = v;
		k->size++;
	}
	qsort(keys, (size_t)nb, sizeof(*keys), cmp_commkey);
	for (igraph_integer_t i = 0; i < nb; i++)
		newid[keys[i].id] = i;
	for (igraph_integer_t v = 0; v < c->n; v++)
		cm_table_set_number(c->t, (size_t)v, (size_t)c->col[12], (double)newid[VECTOR(memb)[v]]);
done:
	free(keys);
	free(newid);
	igraph_vector_destroy(&str);
	igraph_vector_int_destroy(&memb);
	return rc;
}

/* Create the table's columns and one row per actor with its id, label, type and region. */
static int make_table(struct ctx *c, const cm_network *net, unsigned want)
{
	static const char *const idcols[] = { CM_ATTR_ID, CM_ATTR_LABEL, CM_ATTR_TYPE, CM_ATTR_REGION };
	static const char *const idnames[] = { "id", "label", "type", "region" };
	int rc;

	if ((rc = cm_table_new(&c->t)) < 0)
		return rc;
	for (size_t i = 0; i < 4; i++)
		if ((rc = cm_table_add_column(c->t, idnames[i], CM_COL_STRING)) < 0)
			return rc;
	for (size_t i = 0; i < N_MEASURES; i++) {
		c->col[i] = -1;
		if (!(want & measures[i].bit))
			continue;
		if ((rc = cm_table_add_column(c->t, measures[i].name, measures[i].type)) < 0)
			return rc;
		c->col[i] = rc;
	}
	if ((rc = cm_table_add_rows(c->t, (size_t)c->n)) < 0)
		return rc;
	for (igraph_integer_t v = 0; v < c->n; v++)
		for (size_t i = 0; i < 4; i++)
			if ((rc = cm_table_set_string(c->t, (size_t)v, i, cm_network_vattr(net, idcols[i], v))) < 0)
				return rc;
	return 0;
}

int cm_metrics_compute(cm_table **out, const cm_network *net, const cm_metrics_options *opts)
{
	static const cm_metrics_options defaults = { 0 };
	igraph_progress_handler_t *old_progress;
	struct ctx c;
	unsigned want;
	int rc = 0, have_w = 0, have_dist = 0;

	*out = NULL;
	memset(&c, 0, sizeof(c));
	if (!opts)
		opts = &defaults;
	want = opts->metrics ? opts->metrics & CM_M_ALL : CM_M_ALL;
	c.g = &net->graph;
	c.n = igraph_vcount(c.g);
	c.m = igraph_ecount(c.g);
	c.directed = igraph_is_directed(c.g);
	c.weighted = opts->weighted;
	c.exact = opts->exact;
	c.samples = opts->samples;
	c.seed = opts->seed ? opts->seed : CM_DEFAULT_SEED;
	old_progress = igraph_set_progress_handler(forward_progress);

	if (opts->samples < 0) {
		rc = cm_error_set(CM_EUSAGE, "the number of sampled actors must be positive");
		goto done;
	}
	if (igraph_vector_init(&c.w, c.m) != IGRAPH_SUCCESS) {
		rc = cm_error_set(CM_ENOMEM, "out of memory while reading tie weights");
		goto done;
	}
	have_w = 1;
	if (igraph_cattribute_has_attr(c.g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_WEIGHT)) {
		igraph_error_t err = igraph_cattribute_EANV(c.g, CM_ATTR_WEIGHT, igraph_ess_all(IGRAPH_EDGEORDER_ID), &c.w);

		if (err != IGRAPH_SUCCESS) {
			rc = cm_error_from_igraph(err, "reading tie weights");
			goto done;
		}
		for (igraph_integer_t e = 0; e < c.m; e++)
			if (!(VECTOR(c.w)[e] > 0) || !isfinite(VECTOR(c.w)[e])) {
				rc = cm_error_set(CM_EINPUT, "tie %ld has weight %g: weights must be positive "
				                  "finite numbers", (long)e + 1, VECTOR(c.w)[e]);
				goto done;
			}
	} else {
		igraph_vector_fill(&c.w, 1.0);
	}
	if (c.weighted && (want & (CM_M_BETWEENNESS | CM_M_CLOSENESS | CM_M_HARMONIC))) {
		if (igraph_vector_init(&c.dist, c.m) != IGRAPH_SUCCESS) {
			rc = cm_error_set(CM_ENOMEM, "out of memory while reading tie weights");
			goto done;
		}
		have_dist = 1;
		for (igraph_integer_t e = 0; e < c.m; e++)
			VECTOR(c.dist)[e] = 1.0 / VECTOR(c.w)[e];
	}
	if ((rc = make_table(&c, net, want)) < 0)
		goto done;
	if (c.n == 0)
		goto finish;
	if (want & (CM_M_CLUSTERING | CM_M_CONSTRAINT | CM_M_COMMUNITY))
		if ((rc = build_simple_view(&c)) < 0)
			goto done;
	if (want & (CM_M_DEGREE | CM_M_STRENGTH))
		if ((rc = compute_degree(&c, want & CM_M_DEGREE, want & CM_M_STRENGTH)) < 0)
			goto done;
	if (want & (CM_M_BETWEENNESS | CM_M_CLOSENESS | CM_M_HARMONIC))
		if ((rc = compute_paths(&c, want)) < 0)
			goto done;
	if ((want & CM_M_EIGENVECTOR) && (rc = compute_eigenvector(&c)) < 0)
		goto done;
	if ((want & CM_M_PAGERANK) && (rc = compute_pagerank(&c)) < 0)
		goto done;
	if ((want & CM_M_CORENESS) && (rc = compute_coreness(&c)) < 0)
		goto done;
	if ((want & CM_M_CLUSTERING) && (rc = compute_clustering(&c)) < 0)
		goto done;
	if ((want & CM_M_CONSTRAINT) && (rc = compute_constraint(&c)) < 0)
		goto done;
	if ((want & CM_M_EFFECTIVE_SIZE) && (rc = compute_effective_size(&c)) < 0)
		goto done;
	if ((want & CM_M_ARTICULATION) && (rc = compute_articulation(&c)) < 0)
		goto done;
	if ((want & CM_M_COMMUNITY) && (rc = compute_community(&c)) < 0)
		goto done;
finish:
	*out = c.t;
	c.t = NULL;
done:
	igraph_set_progress_handler(old_progress);
	progress_what = NULL;
	cm_table_free(c.t);
	if (c.own_ug) {
		igraph_destroy(&c.ug);
		igraph_vector_destroy(&c.uw);
	}
	if (have_dist)
		igraph_vector_destroy(&c.dist);
	if (have_w)
		igraph_vector_destroy(&c.w);
	return rc;
}

const char *cm_metrics_name(unsigned bit)
{
	for (size_t i = 0; i < N_MEASURES; i++)
		if (measures[i].bit == bit)
			return measures[i].name;
	return NULL;
}
