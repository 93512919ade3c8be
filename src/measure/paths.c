/*
 * The path measures of coopmap metrics: betweenness, closeness and
 * harmonic centrality, exact through igraph or estimated from sampled
 * source actors.  Definitions and estimators: docs/measures.md.
 */
#include <math.h>
#include <stdlib.h>

#include "coopmap/common.h"
#include "base/error.h"
#include "measure/paths.h"
#include "measure/progress.h"
#include "base/i18n.h"

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

/* The network, as the path measures see it. */
struct paths {
	const igraph_t *g;
	igraph_integer_t n, m;
	int directed;
	const igraph_vector_t *dist; /* tie lengths, NULL: every tie 1 */
	unsigned long seed;
};

/*
 * Exact closeness (harmonic when harmonic is set) of every actor through
 * igraph, in slices of actors: igraph does not poll for interruption in
 * every one of these searches, and a slice costs its share of the searches
 * plus one O(n + m) set-up, so slices of at least EXACT_SLICE actors let
 * Ctrl-C and the progress line work at a negligible cost.
 */
static int closeness_slices(const struct paths *c, igraph_vector_t *out, int harmonic)
{
	const igraph_vector_t *len = c->dist;
	igraph_neimode_t mode = c->directed ? IGRAPH_OUT : IGRAPH_ALL;
	const char *what = harmonic ? "harmonic" : "closeness";
	igraph_integer_t slice = c->n / 100 > EXACT_SLICE ? c->n / 100 : EXACT_SLICE;
	igraph_vector_t part = { 0 };
	int rc = 0;

	CM_IG(igraph_vector_init(&part, 0), harmonic ? "computing harmonic" : "computing closeness");
	for (igraph_integer_t v0 = 0; v0 < c->n; v0 += slice) {
		igraph_integer_t v1 = v0 + slice < c->n ? v0 + slice : c->n;

		if (cm_interrupted()) {
			rc = cm_error_set(CM_EINTERRUPTED, _("interrupted while computing %s"), what);
			goto done;
		}
		cm_progress(what, (double)v0, (double)c->n);
		if (harmonic)
			CM_IG(igraph_harmonic_centrality(c->g, &part, igraph_vss_range(v0, v1), mode, len, 1),
			      "computing harmonic centrality");
		else
			CM_IG(igraph_closeness(c->g, &part, NULL, NULL, igraph_vss_range(v0, v1), mode, len, 1),
			      "computing closeness");
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
static int paths_exact(const struct paths *c, igraph_vector_t *bet, igraph_vector_t *clo,
                       igraph_vector_t *har)
{
	int rc = 0;

	if (bet) {
		cm_measure_progress_name("betweenness");
		CM_IG(igraph_betweenness(c->g, bet, igraph_vss_all(), c->directed, c->dist),
		      "computing betweenness");
		cm_measure_progress_name(NULL);
	}
	if (clo && (rc = closeness_slices(c, clo, 0)) < 0)
		goto done;
	if (har && (rc = closeness_slices(c, har, 1)) < 0)
		goto done;
done:
	cm_measure_progress_name(NULL);
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
static int distance_sums(const struct paths *c, const igraph_vector_int_t *src, double *cnt,
                         double *sumd, double *sumh)
{
	igraph_neimode_t mode = c->directed ? IGRAPH_IN : IGRAPH_ALL;
	igraph_integer_t nsrc = igraph_vector_int_size(src), batch;
	igraph_matrix_t d = { 0 };
	int rc = 0;

	CM_IG(igraph_matrix_init(&d, 0, 0), "computing distances");
	batch = DISTANCE_BATCH_CELLS / (c->n > 0 ? c->n : 1);
	if (batch < 1)
		batch = 1;
	for (igraph_integer_t b0 = 0; b0 < nsrc; b0 += batch) {
		igraph_integer_t b1 = b0 + batch < nsrc ? b0 + batch : nsrc, rows = b1 - b0;
		igraph_vector_int_t slice;

		if (cm_interrupted()) {
			rc = cm_error_set(CM_EINTERRUPTED, _("interrupted while computing distances"));
			goto done;
		}
		cm_progress("closeness", (double)b0, (double)nsrc);
		igraph_vector_int_view(&slice, VECTOR(*src) + b0, rows);
		if (c->dist)
			CM_IG(igraph_distances_dijkstra(c->g, &d, igraph_vss_vector(&slice), igraph_vss_all(),
			                                c->dist, mode), "computing distances");
		else
			CM_IG(igraph_distances(c->g, &d, igraph_vss_vector(&slice), igraph_vss_all(), mode),
			      "computing distances");
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
static int paths_from_sources(const struct paths *c, igraph_integer_t k, igraph_vector_t *bet,
                              igraph_vector_t *clo, igraph_vector_t *har, int *estimated)
{
	igraph_vector_int_t memb = { 0 }, csize = { 0 }, start = { 0 }, members = { 0 };
	igraph_vector_int_t src = { 0 }, pick = { 0 }, ksize = { 0 }, fill = { 0 };
	double *cnt = NULL, *sumd = NULL, *sumh = NULL;
	char *insample = NULL;
	igraph_integer_t nc = 0;
	igraph_vector_int_t *vecs[] = { &memb, &csize, &start, &members, &src, &pick, &ksize, &fill };
	const char *choosing = N_("choosing source actors");
	int rc = 0;

	*estimated = 0;
	for (int i = 0; i < 8; i++)
		CM_IG(igraph_vector_int_init(vecs[i], 0), choosing);
	CM_IG(igraph_connected_components(c->g, &memb, &csize, &nc, IGRAPH_WEAK), "finding components");
	/* members of each component, contiguous from start[comp] */
	CM_IG(igraph_vector_int_resize(&start, nc + 1), choosing);
	CM_IG(igraph_vector_int_resize(&ksize, nc), choosing);
	CM_IG(igraph_vector_int_resize(&members, c->n), choosing);
	VECTOR(start)[0] = 0;
	for (igraph_integer_t i = 0; i < nc; i++) {
		igraph_integer_t s = VECTOR(csize)[i];

		VECTOR(start)[i + 1] = VECTOR(start)[i] + s;
		VECTOR(ksize)[i] = k > 0 && s > k ? k : s;
		if (VECTOR(ksize)[i] < s)
			*estimated = 1;
	}
	CM_IG(igraph_vector_int_update(&fill, &start), choosing);
	for (igraph_integer_t v = 0; v < c->n; v++)
		VECTOR(members)[VECTOR(fill)[VECTOR(memb)[v]]++] = v;
	/* seeded here so that the sources do not depend on the other measures */
	igraph_rng_seed(igraph_rng_default(), c->seed);
	for (igraph_integer_t i = 0; i < nc; i++) {
		igraph_integer_t s = VECTOR(csize)[i], base = VECTOR(start)[i];

		if (VECTOR(ksize)[i] == s) {
			for (igraph_integer_t j = 0; j < s; j++)
				CM_IG(igraph_vector_int_push_back(&src, VECTOR(members)[base + j]), choosing);
			continue;
		}
		CM_IG(igraph_random_sample(&pick, 0, s - 1, k), "sampling source actors");
		for (igraph_integer_t j = 0; j < k; j++)
			CM_IG(igraph_vector_int_push_back(&src, VECTOR(members)[base + VECTOR(pick)[j]]),
			      choosing);
	}
	if (bet) {
		cm_measure_progress_name("betweenness");
		CM_IG(igraph_betweenness_subset(c->g, bet, igraph_vss_all(), c->directed,
		                                igraph_vss_vector(&src), igraph_vss_all(), c->dist),
		      "computing betweenness");
		cm_measure_progress_name(NULL);
	}
	if (clo || har) {
		cnt = calloc((size_t)c->n, sizeof(*cnt));
		sumd = calloc((size_t)c->n, sizeof(*sumd));
		sumh = calloc((size_t)c->n, sizeof(*sumh));
		insample = calloc((size_t)c->n, 1);
		if (!cnt || !sumd || !sumh || !insample) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory while choosing source actors"));
			goto done;
		}
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
done:
	cm_measure_progress_name(NULL);
	free(cnt);
	free(sumd);
	free(sumh);
	free(insample);
	for (int i = 0; i < 8; i++)
		igraph_vector_int_destroy(vecs[i]);
	return rc;
}

int cm_paths_compute(igraph_vector_t *bet, igraph_vector_t *clo, igraph_vector_t *har,
                     const cm_paths_input *in)
{
	struct paths p = { 0 };
	igraph_integer_t k = in->samples;
	int rc, estimated = 0;

	p.g = in->g;
	p.n = igraph_vcount(in->g);
	p.m = igraph_ecount(in->g);
	p.directed = in->directed;
	p.dist = in->dist;
	p.seed = in->seed;
	if (in->exact)
		k = 0;
	else if (k <= 0 && (double)p.n * (double)(p.n + p.m) > PATH_EXACT_LIMIT)
		k = DEFAULT_SAMPLES;
	if (k <= 0)
		rc = paths_exact(&p, bet, clo, har);
	else
		rc = paths_from_sources(&p, k, bet, clo, har, &estimated);
	if (rc == 0 && estimated)
		cm_notice(_("path measures (betweenness, closeness, harmonic) estimated from %ld "
		          "sampled source actors per component; --exact computes them exactly"),
		          (long)k);
	return rc;
}
