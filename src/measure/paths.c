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

/*
 * The sampled sources are split into this many parts for betweenness and
 * for the distance sums, each part an independent computation that a
 * worker can take (measure/workers.h).  The number is fixed, not the number
 * of workers, so that the parts are added up in the same order, and the
 * scores are the same bytes, whatever --jobs is.
 */
#define BETWEENNESS_PARTS 4
#define DISTANCE_PARTS 2

/* What a part computes. */
enum part_kind { PART_BETWEENNESS, PART_CLOSENESS, PART_HARMONIC, PART_BET_SOURCES, PART_DIST_SOURCES };

/* One independent part: its sources (a slice of src) and, once computed, its numbers. */
struct part {
	enum part_kind kind;
	igraph_integer_t from, to;  /* the slice of src, for the sampled parts */
	double *v;                  /* size numbers, NULL until computed or received */
};

/* The network, as the path measures see it, and the plan of their parts. */
struct cm_paths {
	const igraph_t *g;
	igraph_integer_t n, m;
	int directed;
	const igraph_vector_t *dist; /* tie lengths, NULL: every tie 1 */
	unsigned long seed;
	unsigned want;               /* CM_PATHS_* */
	igraph_integer_t k;          /* sources per component; 0: exact */
	int estimated;               /* some component has fewer sources than actors */
	igraph_vector_int_t memb, csize, ksize, src;
	char *insample;
	struct part parts[BETWEENNESS_PARTS + DISTANCE_PARTS + 3];
	size_t n_parts;
};

/*
 * Exact closeness (harmonic when harmonic is set) of every actor through
 * igraph, in slices of actors: igraph does not poll for interruption in
 * every one of these searches, and a slice costs its share of the searches
 * plus one O(n + m) set-up, so slices of at least EXACT_SLICE actors let
 * Ctrl-C and the progress line work at a negligible cost.
 */
static int closeness_slices(const struct cm_paths *c, igraph_vector_t *out, int harmonic)
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

/*
 * Distance sums between every actor and the sources, by igraph_distances
 * (igraph_distances_dijkstra with --weighted) from slices of sources, so
 * that at most DISTANCE_BATCH_CELLS distances are held at a time.  For each
 * actor v and source s != v that are connected: cnt[v] counts s, sumd[v]
 * adds d(v, s) and sumh[v] adds 1 / d(v, s).  In directed networks d(v, s)
 * is the length of the paths from v to s (searches along reversed ties).
 */
static int distance_sums(const struct cm_paths *c, const igraph_vector_int_t *src, double *cnt,
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

/* Sources per component: 0 when the path measures are exact. */
static igraph_integer_t sources_per_component(const struct cm_paths *c, const cm_paths_input *in)
{
	if (in->exact)
		return 0;
	if (in->samples > 0)
		return in->samples;
	return (double)c->n * (double)(c->n + c->m) > PATH_EXACT_LIMIT ? DEFAULT_SAMPLES : 0;
}

/*
 * The sources, with k > 0: each (weak) component with more than k actors
 * contributes k sources drawn without replacement (seeded); smaller
 * components, and every component when k <= 0, use all their actors, so
 * they are exact.
 */
static int choose_sources(struct cm_paths *c)
{
	igraph_vector_int_t start = { 0 }, members = { 0 }, pick = { 0 }, fill = { 0 };
	igraph_vector_int_t *vecs[] = { &start, &members, &pick, &fill };
	igraph_integer_t nc = 0, k = c->k;
	const char *choosing = N_("choosing source actors");
	int rc = 0;

	for (int i = 0; i < 4; i++)
		CM_IG(igraph_vector_int_init(vecs[i], 0), choosing);
	CM_IG(igraph_connected_components(c->g, &c->memb, &c->csize, &nc, IGRAPH_WEAK), "finding components");
	/* members of each component, contiguous from start[comp] */
	CM_IG(igraph_vector_int_resize(&start, nc + 1), choosing);
	CM_IG(igraph_vector_int_resize(&c->ksize, nc), choosing);
	CM_IG(igraph_vector_int_resize(&members, c->n), choosing);
	VECTOR(start)[0] = 0;
	for (igraph_integer_t i = 0; i < nc; i++) {
		igraph_integer_t s = VECTOR(c->csize)[i];

		VECTOR(start)[i + 1] = VECTOR(start)[i] + s;
		VECTOR(c->ksize)[i] = k > 0 && s > k ? k : s;
		if (VECTOR(c->ksize)[i] < s)
			c->estimated = 1;
	}
	CM_IG(igraph_vector_int_update(&fill, &start), choosing);
	for (igraph_integer_t v = 0; v < c->n; v++)
		VECTOR(members)[VECTOR(fill)[VECTOR(c->memb)[v]]++] = v;
	/* seeded here so that the sources do not depend on the other measures */
	igraph_rng_seed(igraph_rng_default(), c->seed);
	for (igraph_integer_t i = 0; i < nc; i++) {
		igraph_integer_t s = VECTOR(c->csize)[i], base = VECTOR(start)[i];

		if (VECTOR(c->ksize)[i] == s) {
			for (igraph_integer_t j = 0; j < s; j++)
				CM_IG(igraph_vector_int_push_back(&c->src, VECTOR(members)[base + j]), choosing);
			continue;
		}
		CM_IG(igraph_random_sample(&pick, 0, s - 1, k), "sampling source actors");
		for (igraph_integer_t j = 0; j < k; j++)
			CM_IG(igraph_vector_int_push_back(&c->src, VECTOR(members)[base + VECTOR(pick)[j]]),
			      choosing);
	}
	if (!(c->insample = calloc((size_t)c->n + 1, 1))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory while choosing source actors"));
		goto done;
	}
	for (igraph_integer_t i = 0; i < igraph_vector_int_size(&c->src); i++)
		c->insample[VECTOR(c->src)[i]] = 1;
done:
	for (int i = 0; i < 4; i++)
		igraph_vector_int_destroy(vecs[i]);
	return rc;
}

/* Add a part; with parts > 0, one for each of that many slices of the sources. */
static void add_parts(struct cm_paths *c, enum part_kind kind, int parts)
{
	igraph_integer_t nsrc = igraph_vector_int_size(&c->src);

	if (parts == 0) {
		c->parts[c->n_parts++].kind = kind;
		return;
	}
	for (int i = 0; i < parts; i++) {
		struct part *p = &c->parts[c->n_parts++];

		p->kind = kind;
		p->from = nsrc * i / parts;
		p->to = nsrc * (i + 1) / parts;
	}
}

int cm_paths_plan(cm_paths **out, const cm_paths_input *in, unsigned want)
{
	struct cm_paths *c = calloc(1, sizeof(*c));
	igraph_vector_int_t *vecs[4];
	int rc = 0;

	*out = NULL;
	if (!c)
		return cm_error_set(CM_ENOMEM, _("out of memory while choosing source actors"));
	vecs[0] = &c->memb;
	vecs[1] = &c->csize;
	vecs[2] = &c->ksize;
	vecs[3] = &c->src;
	c->g = in->g;
	c->n = igraph_vcount(in->g);
	c->m = igraph_ecount(in->g);
	c->directed = in->directed;
	c->dist = in->dist;
	c->seed = in->seed;
	c->want = want;
	c->k = sources_per_component(c, in);
	for (int i = 0; i < 4; i++)
		CM_IG(igraph_vector_int_init(vecs[i], 0), "choosing source actors");
	if (c->k <= 0) {
		if (want & CM_PATHS_BETWEENNESS)
			add_parts(c, PART_BETWEENNESS, 0);
		if (want & CM_PATHS_CLOSENESS)
			add_parts(c, PART_CLOSENESS, 0);
		if (want & CM_PATHS_HARMONIC)
			add_parts(c, PART_HARMONIC, 0);
	} else {
		if ((rc = choose_sources(c)) < 0)
			goto done;
		if (c->estimated)
			cm_notice(_("path measures (betweenness, closeness, harmonic) estimated from %ld "
			          "sampled source actors per component; --exact computes them exactly"),
			          (long)c->k);
		if (want & CM_PATHS_BETWEENNESS)
			add_parts(c, PART_BET_SOURCES, BETWEENNESS_PARTS);
		if (want & (CM_PATHS_CLOSENESS | CM_PATHS_HARMONIC))
			add_parts(c, PART_DIST_SOURCES, DISTANCE_PARTS);
	}
done:
	if (rc < 0)
		cm_paths_free(c);
	else
		*out = c;
	return rc;
}

size_t cm_paths_parts(const cm_paths *c)
{
	return c->n_parts;
}

size_t cm_paths_part_size(const cm_paths *c, size_t i)
{
	return (size_t)c->n * (c->parts[i].kind == PART_DIST_SOURCES ? 3 : 1);
}

const char *cm_paths_part_name(const cm_paths *c, size_t i)
{
	switch (c->parts[i].kind) {
	case PART_CLOSENESS: return "closeness";
	case PART_HARMONIC: return "harmonic centrality";
	case PART_DIST_SOURCES: return "distances from sampled actors";
	default: return "betweenness";
	}
}

double *cm_paths_part(cm_paths *c, size_t i)
{
	struct part *p = &c->parts[i];

	if (!p->v)
		p->v = calloc(cm_paths_part_size(c, i) + 1, sizeof(double));
	return p->v;
}

/* Betweenness through igraph into out: exact, or from the sources src[from, to). */
static int betweenness(const struct cm_paths *c, double *out, const struct part *p)
{
	igraph_vector_t v = { 0 };
	igraph_vector_int_t slice = { 0 };
	int rc = 0;

	CM_IG(igraph_vector_init(&v, c->n), "computing betweenness");
	cm_measure_progress_name("betweenness");
	if (p->kind == PART_BETWEENNESS) {
		CM_IG(igraph_betweenness(c->g, &v, igraph_vss_all(), c->directed, c->dist),
		      "computing betweenness");
	} else {
		igraph_vector_int_view(&slice, VECTOR(c->src) + p->from, p->to - p->from);
		CM_IG(igraph_betweenness_subset(c->g, &v, igraph_vss_all(), c->directed,
		                                igraph_vss_vector(&slice), igraph_vss_all(), c->dist),
		      "computing betweenness");
	}
	for (igraph_integer_t i = 0; i < c->n; i++)
		out[i] = VECTOR(v)[i];
done:
	cm_measure_progress_name(NULL);
	igraph_vector_destroy(&v);
	return rc;
}

int cm_paths_run(cm_paths *c, size_t i)
{
	struct part *p = &c->parts[i];
	double *v = cm_paths_part(c, i);
	igraph_vector_t out = { 0 };
	igraph_vector_int_t slice = { 0 };
	int rc = 0;

	if (!v)
		return cm_error_set(CM_ENOMEM, _("out of memory while computing %s"), cm_paths_part_name(c, i));
	switch (p->kind) {
	case PART_BETWEENNESS:
	case PART_BET_SOURCES:
		return betweenness(c, v, p);
	case PART_CLOSENESS:
	case PART_HARMONIC:
		igraph_vector_view(&out, v, c->n);
		return closeness_slices(c, &out, p->kind == PART_HARMONIC);
	case PART_DIST_SOURCES:
		igraph_vector_int_view(&slice, VECTOR(c->src) + p->from, p->to - p->from);
		rc = distance_sums(c, &slice, v, v + c->n, v + 2 * c->n);
		break;
	}
	return rc;
}

int cm_paths_finish(igraph_vector_t *bet, igraph_vector_t *clo, igraph_vector_t *har, cm_paths *c)
{
	double *cnt = NULL, *sumd = NULL, *sumh = NULL;
	int have_dist = 0;

	/* the parts added up in their order, whichever process computed them */
	for (size_t i = 0; i < c->n_parts; i++) {
		const double *v = c->parts[i].v;

		if (!v)
			return cm_error_set(CM_ERROR, "%s was not computed", cm_paths_part_name(c, i));
		switch (c->parts[i].kind) {
		case PART_BETWEENNESS:
		case PART_BET_SOURCES:
			if (bet)
				for (igraph_integer_t a = 0; a < c->n; a++)
					VECTOR(*bet)[a] += v[a];
			break;
		case PART_CLOSENESS:
			if (clo)
				for (igraph_integer_t a = 0; a < c->n; a++)
					VECTOR(*clo)[a] = v[a];
			break;
		case PART_HARMONIC:
			if (har)
				for (igraph_integer_t a = 0; a < c->n; a++)
					VECTOR(*har)[a] = v[a];
			break;
		case PART_DIST_SOURCES:
			if (!have_dist) {
				/* the first part's sums, to which the others are added */
				cnt = c->parts[i].v;
				sumd = cnt + c->n;
				sumh = cnt + 2 * c->n;
				have_dist = 1;
			} else {
				for (igraph_integer_t a = 0; a < 3 * c->n; a++)
					cnt[a] += v[a];
			}
			break;
		}
	}
	if (c->k <= 0)
		return 0;
	/* estimators (docs/measures.md) */
	for (igraph_integer_t v = 0; v < c->n; v++) {
		igraph_integer_t comp = VECTOR(c->memb)[v];
		double size = (double)VECTOR(c->csize)[comp], ks = (double)VECTOR(c->ksize)[comp];

		if (bet && (c->want & CM_PATHS_BETWEENNESS))
			VECTOR(*bet)[v] *= size / ks;
		if (clo && have_dist)
			VECTOR(*clo)[v] = cnt[v] > 0 ? cnt[v] / sumd[v] : 0;
		if (har && have_dist) {
			double others = ks - c->insample[v];

			VECTOR(*har)[v] = c->n > 1 && others > 0
				? sumh[v] * (size - 1) / others / (double)(c->n - 1) : 0;
		}
	}
	return 0;
}

void cm_paths_free(cm_paths *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n_parts; i++)
		free(c->parts[i].v);
	free(c->insample);
	igraph_vector_int_destroy(&c->memb);
	igraph_vector_int_destroy(&c->csize);
	igraph_vector_int_destroy(&c->ksize);
	igraph_vector_int_destroy(&c->src);
	free(c);
}
