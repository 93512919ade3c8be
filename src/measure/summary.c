/*
 * coopmap summary: whole-network figures (docs/summary.md defines each one).
 *
 * Figures that only make sense without direction (transitivity, Leiden
 * communities and modularity, articulation points, bridges) are computed on
 * the undirected simple view of the network: every pair of actors joined by
 * at least one tie becomes one edge whose weight is the sum of the ties'
 * weights.  For an undirected network loaded by coopmap that view is the
 * network itself.  Paths, density and degree assortativity follow the
 * direction of the ties when the network is directed.  The summary is
 * written by src/present/results/summary.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/network.h"
#include "coopmap/summary.h"
#include "base/error.h"
#include "base/text.h"
#include "filter/project.h"
#include "measure/workers.h"
#include "model/raw.h"
#include "base/i18n.h"

/*
 * Diameter and average path length are exact (one breadth-first search
 * from every actor, by igraph) while actors x (actors + ties), the work of
 * those searches, stays under CM_SUMMARY_EXACT_WORK: igraph does about 1e8
 * such units per second (measured, docs/summary.md), so a few seconds.
 * Beyond, they are estimated from CM_SUMMARY_SAMPLES searches.
 */
#define CM_SUMMARY_EXACT_WORK 3e8
#define CM_SUMMARY_EXACT_TEXT "3 x 10^8"
/* BFS sources drawn when estimating them. */
#define CM_SUMMARY_SAMPLES 200
/* Distances from sampled sources are computed in slices of this many cells. */
#define CM_SUMMARY_BATCH_CELLS (1 << 22)

/* One tie of the undirected view before pairs are merged. */
struct pair {
	igraph_integer_t from, to;
	double weight;
};

/* Order ties by their pair of actors. */
static int compare_pairs(const void *pa, const void *pb)
{
	const struct pair *a = pa, *b = pb;

	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	if (a->to != b->to)
		return a->to < b->to ? -1 : 1;
	return 0;
}

/* Read the tie weights (1 when the network has none), refusing non-positive ones. */
static int tie_weights(igraph_vector_t *out, const cm_network *net)
{
	const igraph_t *g = &net->graph;
	int rc = 0;

	if (!igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_WEIGHT)) {
		CM_IG(igraph_vector_resize(out, igraph_ecount(g)), "reading tie weights");
		igraph_vector_fill(out, 1.0);
		goto done;
	}
	CM_IG(igraph_cattribute_EANV(g, CM_ATTR_WEIGHT, igraph_ess_all(IGRAPH_EDGEORDER_ID), out),
	      "reading tie weights");
	for (igraph_integer_t e = 0; e < igraph_vector_size(out); e++) {
		double w = VECTOR(*out)[e];

		if (!(w > 0) || !isfinite(w)) {
			rc = cm_error_set(CM_EINPUT, _("%s: tie %" PRId64 " has weight %g, "
			                  "not a positive number"), net->source ? net->source : "network",
			                  e + 1, w);
			goto done;
		}
	}
done:
	return rc;
}

/*
 * Build the undirected simple view: one edge per pair of actors tied in
 * either direction, weighing the sum of the ties' weights.  *und must be
 * destroyed by the caller when this returns 0.
 */
static int undirected_view(igraph_t *und, igraph_vector_t *und_w, const igraph_t *g,
                           const igraph_vector_t *w)
{
	igraph_integer_t m = igraph_ecount(g), k = 0;
	struct pair *pairs = NULL;
	igraph_vector_int_t edges = { 0 };
	int rc = 0;

	pairs = malloc((size_t)(m ? m : 1) * sizeof(*pairs));
	if (!pairs) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t e = 0; e < m; e++) {
		igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);

		pairs[e].from = a < b ? a : b;
		pairs[e].to = a < b ? b : a;
		pairs[e].weight = VECTOR(*w)[e];
	}
	qsort(pairs, (size_t)m, sizeof(*pairs), compare_pairs);
	for (igraph_integer_t e = 0; e < m; e++) {
		if (pairs[e].from == pairs[e].to)
			continue; /* a self-loop ties an actor to no one else */
		if (k > 0 && pairs[k - 1].from == pairs[e].from && pairs[k - 1].to == pairs[e].to)
			pairs[k - 1].weight += pairs[e].weight;
		else
			pairs[k++] = pairs[e];
	}
	CM_IG(igraph_vector_int_init(&edges, 2 * k), "building the undirected view");
	CM_IG(igraph_vector_resize(und_w, k), "building the undirected view");
	for (igraph_integer_t e = 0; e < k; e++) {
		VECTOR(edges)[2 * e] = pairs[e].from;
		VECTOR(edges)[2 * e + 1] = pairs[e].to;
		VECTOR(*und_w)[e] = pairs[e].weight;
	}
	CM_IG(igraph_create(und, &edges, igraph_vcount(g), IGRAPH_UNDIRECTED),
	      "building the undirected view");
done:
	igraph_vector_int_destroy(&edges);
	free(pairs);
	return rc;
}

/*
 * Exact diameter and average path length from one pass of searches: the
 * histogram of the lengths of the shortest paths between connected pairs
 * (igraph_path_length_hist; igraph_diameter and
 * igraph_average_path_length would each search from every actor).
 */
static int exact_paths(double *diameter, double *apl, const igraph_t *g, int directed)
{
	igraph_vector_t hist = { 0 };
	igraph_real_t unconnected;
	double pairs = 0, sum = 0;
	int rc = 0;

	*diameter = *apl = NAN;
	CM_IG(igraph_vector_init(&hist, 0), "computing path lengths");
	CM_IG(igraph_path_length_hist(g, &hist, &unconnected, directed), "computing path lengths");
	/* hist[i] counts the pairs at distance i + 1 */
	for (igraph_integer_t i = 0; i < igraph_vector_size(&hist); i++) {
		double k = VECTOR(hist)[i];

		if (k > 0) {
			pairs += k;
			sum += k * (double)(i + 1);
			*diameter = (double)(i + 1);
		}
	}
	if (pairs > 0)
		*apl = sum / pairs;
done:
	igraph_vector_destroy(&hist);
	return rc;
}

/*
 * The estimate of diameter and average path length is made from k actors
 * drawn at random, in this many parts (slices of those actors), each an
 * independent computation for measure/workers.h.  Fixed, not the number of
 * processes, and the parts end at the boundaries of the slices
 * igraph_distances is given, so that the figures are the same whatever
 * --jobs is: the sums are of whole numbers (exact), and the farthest actor
 * is the first found in the order of one search after the other.
 */
#define PATH_PARTS 2

/* What a part of the estimate finds: 4 numbers (cm_work's size). */
struct path_part {
	double sum, reached, longest, far;
};

/* The estimate of the path lengths: the sources, and each part's findings. */
struct path_plan {
	igraph_vector_int_t sources;
	igraph_integer_t batch;           /* sources per igraph_distances call */
	igraph_integer_t from[PATH_PARTS + 1];
	struct path_part part[PATH_PARTS];
};

/* Draw the k sources (seeded by the caller) and cut them into parts at slice boundaries. */
static int path_plan_init(struct path_plan *pp, const igraph_t *g, igraph_integer_t k)
{
	igraph_integer_t n = igraph_vcount(g), slices;
	int rc = 0;

	if (k > n)
		k = n;
	CM_IG(igraph_vector_int_init(&pp->sources, 0), "estimating path lengths");
	CM_IG(igraph_random_sample(&pp->sources, 0, n - 1, k), "sampling actors");
	pp->batch = CM_SUMMARY_BATCH_CELLS / (n > 0 ? n : 1);
	if (pp->batch < 1)
		pp->batch = 1;
	slices = (k + pp->batch - 1) / pp->batch;
	for (int i = 0; i <= PATH_PARTS; i++) {
		igraph_integer_t at = slices * i / PATH_PARTS * pp->batch;

		pp->from[i] = at < k ? at : k;
	}
done:
	return rc;
}

/*
 * Part i of the estimate: igraph_distances from slices of its sources, so
 * that at most CM_SUMMARY_BATCH_CELLS distances are held at a time; the sum
 * of the distances over the pairs (source, actor reached), their number,
 * the longest and the first actor found that far.
 */
static int path_part_run(struct path_plan *pp, int i, const igraph_t *g, int directed)
{
	igraph_neimode_t mode = directed ? IGRAPH_OUT : IGRAPH_ALL;
	igraph_integer_t n = igraph_vcount(g), k = igraph_vector_int_size(&pp->sources);
	struct path_part *pt = &pp->part[i];
	igraph_matrix_t d = { 0 };
	int rc = 0;

	memset(pt, 0, sizeof(*pt));
	pt->far = -1;
	CM_IG(igraph_matrix_init(&d, 0, 0), "estimating path lengths");
	for (igraph_integer_t b0 = pp->from[i]; b0 < pp->from[i + 1]; b0 += pp->batch) {
		igraph_integer_t b1 = b0 + pp->batch < pp->from[i + 1] ? b0 + pp->batch : pp->from[i + 1];
		igraph_vector_int_t slice;

		if (cm_interrupted()) {
			rc = cm_error_set(CM_EINTERRUPTED, _("interrupted while estimating path lengths"));
			goto done;
		}
		cm_progress("path lengths", (double)b0, (double)k);
		igraph_vector_int_view(&slice, VECTOR(pp->sources) + b0, b1 - b0);
		CM_IG(igraph_distances(g, &d, igraph_vss_vector(&slice), igraph_vss_all(), mode),
		      "estimating path lengths");
		/* column-major: the column of actor v holds its distances from the slice */
		for (igraph_integer_t v = 0; v < n; v++) {
			const double *col = &MATRIX(d, 0, v);

			for (igraph_integer_t r = 0; r < b1 - b0; r++) {
				double x = col[r];

				if (x > 0 && x < IGRAPH_INFINITY) {
					pt->sum += x;
					pt->reached++;
					if (x > pt->longest) {
						pt->longest = x;
						pt->far = (double)v;
					}
				}
			}
		}
	}
	cm_progress("path lengths", (double)pp->from[i + 1], (double)k);
done:
	igraph_matrix_destroy(&d);
	return rc;
}

/*
 * Put the parts together: the average is the mean distance over the pairs
 * (source, actor reached); the diameter the longest distance seen, raised
 * by one more search from the farthest actor found (a double sweep): still
 * a lower bound of the diameter.
 */
static int path_plan_finish(double *diameter, double *apl, const struct path_plan *pp,
                            const igraph_t *g, int directed)
{
	igraph_vector_t ecc = { 0 };
	double sum = 0, reached = 0, longest = 0, far = -1;
	int rc = 0;

	*diameter = *apl = NAN;
	for (int i = 0; i < PATH_PARTS; i++) {
		sum += pp->part[i].sum;
		reached += pp->part[i].reached;
		if (pp->part[i].longest > longest) {
			longest = pp->part[i].longest;
			far = pp->part[i].far;
		}
	}
	if (reached == 0)
		goto done;
	CM_IG(igraph_vector_init(&ecc, 0), "estimating path lengths");
	if (far >= 0) {
		CM_IG(igraph_eccentricity(g, &ecc, igraph_vss_1((igraph_integer_t)far),
		                          directed ? IGRAPH_OUT : IGRAPH_ALL), "estimating path lengths");
		if (VECTOR(ecc)[0] > longest)
			longest = VECTOR(ecc)[0];
	}
	*diameter = longest;
	*apl = sum / reached;
done:
	igraph_vector_destroy(&ecc);
	return rc;
}

/* Order counts: largest first, then by value. */
static int compare_counts(const void *pa, const void *pb)
{
	const cm_count *a = pa, *b = pb;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(a->value, b->value);
}

/* Order strings (pointers into a strvector). */
static int compare_strings(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* Count actors by the value of a vertex string attribute ("" when absent). */
static int count_by(cm_count **out, size_t *n_out, const cm_network *net, const char *attr)
{
	const igraph_t *g = &net->graph;
	igraph_integer_t n = igraph_vcount(g);
	igraph_strvector_t values;
	const char **sorted = NULL;
	cm_count *counts = NULL;
	size_t n_counts = 0;
	int have_values = 0, rc = 0; /* igraph_strvector_destroy needs an initialised vector */

	*out = NULL;
	*n_out = 0;
	if (n == 0)
		goto done;
	sorted = malloc((size_t)n * sizeof(*sorted));
	counts = calloc((size_t)n, sizeof(*counts));
	if (!sorted || !counts) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	CM_IG(igraph_strvector_init(&values, 0), "counting actors");
	have_values = 1;
	if (igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, attr))
		CM_IG(igraph_cattribute_VASV(g, attr, igraph_vss_all(), &values),
		      "reading actor attributes");
	for (igraph_integer_t v = 0; v < n; v++) {
		const char *s = igraph_strvector_size(&values) > v ? igraph_strvector_get(&values, v) : "";

		sorted[v] = s ? s : "";
	}
	qsort(sorted, (size_t)n, sizeof(*sorted), compare_strings);
	for (igraph_integer_t v = 0; v < n; v++) {
		if (n_counts > 0 && strcmp(counts[n_counts - 1].value, sorted[v]) == 0) {
			counts[n_counts - 1].count++;
			continue;
		}
		if (!(counts[n_counts].value = cm_strdup(sorted[v]))) {
			rc = CM_ENOMEM;
			goto done;
		}
		counts[n_counts++].count = 1;
	}
	qsort(counts, n_counts, sizeof(*counts), compare_counts);
	*out = counts;
	*n_out = n_counts;
	counts = NULL;
done:
	for (size_t i = 0; counts && i < n_counts; i++)
		free(counts[i].value);
	free(counts);
	free(sorted);
	if (have_values)
		igraph_strvector_destroy(&values);
	return rc;
}

/* The figures of a projected two-mode network, from what the projection left on it (filter/project.h). */
static int two_mode_figures(cm_summary *out, const cm_network *net)
{
	const igraph_t *g = &net->graph;
	igraph_integer_t n = igraph_vcount(g);
	double sum = 0;

	if (cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_EVENTS_ATTENDED) != IGRAPH_ATTRIBUTE_NUMERIC ||
	    cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_EVENTS_ALONE) != IGRAPH_ATTRIBUTE_NUMERIC ||
	    !igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_GRAPH, CM_GATTR_EVENTS))
		return 0;
	out->two_mode = 1;
	out->events = (igraph_integer_t)GAN(g, CM_GATTR_EVENTS);
	out->participations = (igraph_integer_t)GAN(g, CM_GATTR_PARTICIPATIONS);
	for (igraph_integer_t v = 0; v < n; v++) {
		double att = VAN(g, CM_ATTR_EVENTS_ATTENDED, v);

		sum += att;
		out->actors_alone += att > 0 && VAN(g, CM_ATTR_EVENTS_ALONE, v) == att;
	}
	out->events_per_actor = n ? sum / (double)n : NAN;
	out->actors_per_event = out->events ? (double)out->participations / (double)out->events : NAN;
	return 0;
}

/*
 * Leiden with the modularity objective on the undirected view, then the
 * partition's modularity from igraph_modularity (the figure reported).
 */
static int communities(double *modularity, igraph_integer_t *count, const igraph_t *und,
                       const igraph_vector_t *w, unsigned long seed)
{
	igraph_integer_t n = igraph_vcount(und);
	igraph_vector_int_t membership = { 0 };
	igraph_vector_t strength = { 0 };
	igraph_real_t quality = NAN, q = NAN, m = igraph_vector_sum(w);
	int rc = 0;

	*modularity = NAN;
	*count = n; /* without ties every actor is a community of its own */
	if (n == 0 || igraph_ecount(und) == 0)
		goto done;
	CM_IG(igraph_vector_int_init_range(&membership, 0, n), "finding communities");
	CM_IG(igraph_vector_init(&strength, n), "finding communities");
	CM_IG(igraph_strength(und, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, w),
	      "finding communities");
	CM_IG(igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed), "finding communities");
	CM_IG(igraph_community_leiden(und, w, &strength, 1.0 / (2.0 * m), 0.01, 0, -1,
	                              &membership, count, &quality), "finding communities");
	CM_IG(igraph_modularity(und, &membership, w, 1.0, IGRAPH_UNDIRECTED, &q),
	      "finding communities");
	/* both are the same formula; a gap means the objective was set up wrongly */
	if (fabs(q - quality) > 1e-9 * (1.0 + fabs(q)))
		cm_notice(_("Leiden quality %.12g differs from the modularity %.12g of its partition"),
		          quality, q);
	*modularity = q;
done:
	if (rc < 0)
		*count = 0;
	igraph_vector_int_destroy(&membership);
	igraph_vector_destroy(&strength);
	return rc;
}

/* The summary's independent computations, in the order they ran one after the other. */
enum sum_kind { S_EXACT_PATHS, S_TRANSITIVITY, S_ASSORTATIVITY, S_COMMUNITIES, S_CUTS, S_PATH_PART };

/* What they are, for messages. */
static const char *const sum_names[] = {
	"path lengths", "transitivity", "degree assortativity", "communities", "cut points and bridges",
	"path lengths",
};

/* What the independent computations of the summary share. */
struct sum_ctx {
	const igraph_t *g, *und;
	const igraph_vector_t *und_w;
	igraph_integer_t n, m;
	igraph_bool_t directed;
	unsigned long seed;
	cm_summary *out;
	struct path_plan *paths;    /* the estimate's plan, when the path lengths are estimated */
	enum sum_kind job[PATH_PARTS + 5];
	int part[PATH_PARTS + 5];   /* S_PATH_PART: which */
	size_t n_jobs, order[PATH_PARTS + 5];
};

/* Compute the k-th figure of the summary into c->out (cm_work's run). */
static int sum_run(void *vc, size_t k)
{
	struct sum_ctx *c = vc;
	cm_summary *out = c->out;
	igraph_vector_int_t ivec = { 0 };
	int rc = 0;

	switch (c->job[k]) {
	case S_PATH_PART:
		rc = path_part_run(c->paths, c->part[k], c->g, c->directed);
		break;
	case S_EXACT_PATHS:
		if (c->m > 0)
			rc = exact_paths(&out->diameter, &out->average_path_length, c->g, c->directed);
		break;
	case S_TRANSITIVITY:
		if (c->n > 0)
			CM_IG(igraph_transitivity_undirected(c->und, &out->transitivity,
			                                   IGRAPH_TRANSITIVITY_NAN),
			    "computing transitivity");
		break;
	case S_ASSORTATIVITY:
		if (c->m > 0)
			CM_IG(igraph_assortativity_degree(c->g, &out->degree_assortativity, c->directed),
			    "computing degree assortativity");
		break;
	case S_COMMUNITIES:
		rc = communities(&out->modularity, &out->communities, c->und, c->und_w, c->seed);
		break;
	case S_CUTS:
		CM_IG(igraph_vector_int_init(&ivec, 0), "finding cut points");
		CM_IG(igraph_articulation_points(c->und, &ivec), "finding articulation points");
		out->articulation_points = igraph_vector_int_size(&ivec);
		CM_IG(igraph_bridges(c->und, &ivec), "finding bridges");
		out->bridges = igraph_vector_int_size(&ivec);
		break;
	}
done:
	igraph_vector_int_destroy(&ivec);
	return rc;
}

/* Copy the k-th computation's figures into v (get) or back from v; returns how many (at most 4). */
static size_t sum_figures(double *v, struct sum_ctx *c, size_t k, int get)
{
	cm_summary *out = c->out;
	double *f[4] = { NULL, NULL, NULL, NULL };
	igraph_integer_t *i[4] = { NULL, NULL, NULL, NULL };
	size_t n = 0;

	switch (c->job[k]) {
	case S_PATH_PART: {
		struct path_part *pt = &c->paths->part[c->part[k]];

		f[0] = &pt->sum; f[1] = &pt->reached; f[2] = &pt->longest; f[3] = &pt->far; n = 4;
		break;
	}
	case S_EXACT_PATHS: f[0] = &out->diameter; f[1] = &out->average_path_length; n = 2; break;
	case S_TRANSITIVITY: f[0] = &out->transitivity; n = 1; break;
	case S_ASSORTATIVITY: f[0] = &out->degree_assortativity; n = 1; break;
	case S_COMMUNITIES: f[0] = &out->modularity; i[1] = &out->communities; n = 2; break;
	case S_CUTS: i[0] = &out->articulation_points; i[1] = &out->bridges; n = 2; break;
	}
	for (size_t j = 0; j < n; j++) {
		if (f[j]) {
			if (get)
				v[j] = *f[j];
			else
				*f[j] = v[j];
		} else if (get) {
			v[j] = (double)*i[j];
		} else {
			*i[j] = (igraph_integer_t)v[j];
		}
	}
	return n;
}

/* How many figures the k-th computation gives (cm_work's size). */
static size_t sum_size(void *vc, size_t k)
{
	double tmp[4];

	return sum_figures(tmp, vc, k, 1);
}

/* In a worker: the k-th computation's figures (cm_work's collect). */
static void sum_collect(void *vc, size_t k, double *out)
{
	sum_figures(out, vc, k, 1);
}

/* In the parent: put back the figures a worker sent (cm_work's apply). */
static int sum_apply(void *vc, size_t k, const double *v)
{
	double tmp[4];
	size_t n = sum_figures(tmp, vc, k, 1);

	memcpy(tmp, v, n * sizeof(double));
	sum_figures(tmp, vc, k, 0);
	return 0;
}

/* What the k-th computation is, for messages. */
static const char *sum_name(void *vc, size_t k)
{
	return sum_names[((struct sum_ctx *)vc)->job[k]];
}

/*
 * List the computations; the order of taking them with --jobs is the
 * costliest first (the path searches, then Leiden), so that the last to
 * end is a short one.
 */
static void sum_list(struct sum_ctx *c)
{
	static const enum sum_kind rest[] = { S_TRANSITIVITY, S_ASSORTATIVITY, S_COMMUNITIES, S_CUTS };
	size_t at = 0;

	if (c->paths) {
		for (int i = 0; i < PATH_PARTS; i++) {
			c->part[c->n_jobs] = i;
			c->job[c->n_jobs++] = S_PATH_PART;
		}
	} else {
		c->job[c->n_jobs++] = S_EXACT_PATHS;
	}
	for (size_t i = 0; i < 4; i++)
		c->job[c->n_jobs++] = rest[i];
	for (size_t k = 0; k < c->n_jobs; k++)
		if (c->job[k] == S_PATH_PART || c->job[k] == S_EXACT_PATHS)
			c->order[at++] = k;
	for (size_t k = 0; k < c->n_jobs; k++)
		if (c->job[k] == S_COMMUNITIES)
			c->order[at++] = k;
	for (size_t k = 0; k < c->n_jobs; k++)
		if (c->job[k] != S_PATH_PART && c->job[k] != S_EXACT_PATHS && c->job[k] != S_COMMUNITIES)
			c->order[at++] = k;
}

int cm_summary_compute(cm_summary *out, const cm_network *net, unsigned long seed)
{
	return cm_summary_compute_jobs(out, net, seed, 1);
}

int cm_summary_compute_jobs(cm_summary *out, const cm_network *net, unsigned long seed, int jobs)
{
	const igraph_t *g = &net->graph;
	igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g);
	igraph_bool_t directed = igraph_is_directed(g);
	igraph_t und;
	igraph_vector_t w = { 0 }, und_w = { 0 };
	igraph_vector_int_t csize = { 0 }, degree = { 0 };
	struct sum_ctx c = { 0 };
	struct path_plan paths = { 0 };
	cm_work work = { 0 };
	int have_und = 0, rc = 0; /* igraph_destroy needs a built graph */

	memset(out, 0, sizeof(*out));
	out->nodes = n;
	out->edges = m;
	out->density = out->diameter = out->average_path_length = NAN;
	out->transitivity = out->degree_assortativity = out->modularity = NAN;

	CM_IG(igraph_vector_init(&w, 0), "reading tie weights");
	CM_IG(igraph_vector_init(&und_w, 0), "building the undirected view");
	CM_IG(igraph_vector_int_init(&csize, 0), "finding components");
	CM_IG(igraph_vector_int_init(&degree, 0), "counting isolated actors");
	if ((rc = tie_weights(&w, net)) < 0)
		goto done;
	if ((rc = undirected_view(&und, &und_w, g, &w)) < 0)
		goto done;
	have_und = 1;

	if (n > 1)
		CM_IG(igraph_density(g, &out->density, IGRAPH_NO_LOOPS), "computing the density");

	CM_IG(igraph_connected_components(g, NULL, &csize, &out->components, IGRAPH_WEAK),
	    "finding components");
	out->largest_component = n > 0 ? igraph_vector_int_max(&csize) : 0;
	CM_IG(igraph_degree(g, &degree, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS),
	    "counting isolated actors");
	for (igraph_integer_t v = 0; v < n; v++)
		out->isolated += VECTOR(degree)[v] == 0;

	/* paths, transitivity, assortativity, communities and cut points: in workers when jobs > 1 */
	c.g = g;
	c.und = &und;
	c.und_w = &und_w;
	c.n = n;
	c.m = m;
	c.directed = directed;
	c.seed = seed;
	c.out = out;
	if (m > 0 && (double)n * ((double)n + (double)m) > CM_SUMMARY_EXACT_WORK) {
		CM_IG(igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed), "sampling actors");
		if ((rc = path_plan_init(&paths, g, CM_SUMMARY_SAMPLES)) < 0)
			goto done;
		c.paths = &paths;
		cm_notice("diameter and average path length estimated from %d sampled source actors "
		          "of %" IGRAPH_PRId " (exact only while actors x (actors + ties) <= "
		          CM_SUMMARY_EXACT_TEXT ")", CM_SUMMARY_SAMPLES, n);
	}
	sum_list(&c);
	work.n_tasks = c.n_jobs;
	work.jobs = jobs;
	work.ctx = &c;
	work.order = c.order;
	work.run = sum_run;
	work.size = sum_size;
	work.collect = sum_collect;
	work.apply = sum_apply;
	work.name = sum_name;
	if ((rc = cm_work_run(&work)) < 0)
		goto done;
	if (c.paths) {
		if ((rc = path_plan_finish(&out->diameter, &out->average_path_length, &paths, g, directed)) < 0)
			goto done;
		out->paths_estimated = 1;
	}
	if ((rc = two_mode_figures(out, net)) < 0)
		goto done;

	if ((rc = count_by(&out->types, &out->n_types, net, CM_ATTR_TYPE)) < 0)
		goto done;
	if ((rc = count_by(&out->regions, &out->n_regions, net, CM_ATTR_REGION)) < 0)
		goto done;
done:
	if (rc < 0)
		cm_summary_free(out);
	if (have_und)
		igraph_destroy(&und);
	igraph_vector_destroy(&w);
	igraph_vector_destroy(&und_w);
	igraph_vector_int_destroy(&csize);
	igraph_vector_int_destroy(&degree);
	igraph_vector_int_destroy(&paths.sources);
	return rc;
}

void cm_summary_free(cm_summary *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_types; i++)
		free(s->types[i].value);
	for (size_t i = 0; i < s->n_regions; i++)
		free(s->regions[i].value);
	free(s->types);
	free(s->regions);
	s->types = s->regions = NULL;
	s->n_types = s->n_regions = 0;
}
