/*
 * Per-actor measures (coopmap metrics): centralities, brokerage, cohesion
 * and communities, one row per actor.  Definitions: docs/measures.md.  The
 * path measures are computed in paths.c, the effective size in burt.c.
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
#include "measure/paths.h"
#include "filter/project.h"
#include "measure/progress.h"
#include "measure/workers.h"
#include "model/raw.h"
#include "base/i18n.h"

/* The measures in output order, with their column types. */
static const struct measure {
	const char *name;
	unsigned bit;
	cm_coltype type;
} measures[] = {
	{ N_("degree"), CM_M_DEGREE, CM_COL_INT },
	{ N_("strength"), CM_M_STRENGTH, CM_COL_REAL },
	{ N_("betweenness"), CM_M_BETWEENNESS, CM_COL_REAL },
	{ N_("closeness"), CM_M_CLOSENESS, CM_COL_REAL },
	{ N_("harmonic"), CM_M_HARMONIC, CM_COL_REAL },
	{ N_("eigenvector"), CM_M_EIGENVECTOR, CM_COL_REAL },
	{ N_("pagerank"), CM_M_PAGERANK, CM_COL_REAL },
	{ N_("coreness"), CM_M_CORENESS, CM_COL_INT },
	{ N_("clustering"), CM_M_CLUSTERING, CM_COL_REAL },
	{ N_("constraint"), CM_M_CONSTRAINT, CM_COL_REAL },
	{ N_("effective_size"), CM_M_EFFECTIVE_SIZE, CM_COL_REAL },
	{ N_("articulation"), CM_M_ARTICULATION, CM_COL_BOOL },
	{ N_("community"), CM_M_COMMUNITY, CM_COL_INT },
	{ N_("events"), CM_M_EVENTS, CM_COL_INT },
	{ N_("events_alone"), CM_M_EVENTS_ALONE, CM_COL_INT },
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
	int own_ug;                 /* ug was built (igraph_destroy needs it) */
	const igraph_t *ugp;
	const igraph_vector_t *uwp;
	unsigned long seed;
	igraph_integer_t samples;
	int exact;
	cm_table *t;
	int col[N_MEASURES];
	unsigned want;
	cm_paths *paths;            /* the path measures' plan, when they are asked for */
	/* the computations asked for: an index in tasks[] and, for the path measures, the part */
	struct job {
		size_t what, part;
	} job[32];
	size_t n_jobs, order[32];
};

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
			rc = cm_error_set(CM_EUSAGE, _("empty measure name in '%s'"), list);
			goto done;
		}
		if (len == 3 && !strncmp(p, "all", 3)) {
			bits |= CM_M_ALL;
		} else {
			for (i = 0; i < N_MEASURES; i++)
				if (strlen(measures[i].name) == len && !strncmp(p, measures[i].name, len))
					break;
			if (i == N_MEASURES) {
				rc = cm_error_set(CM_EUSAGE, _("unknown measure '%.*s' (use degree, strength, "
				                  "betweenness, closeness, harmonic, eigenvector, pagerank, "
				                  "coreness, clustering, constraint, effective_size, "
				                  "articulation, community, events, events_alone or all)"), (int)len, p);
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
	igraph_vector_int_t edges = { 0 };
	igraph_bool_t multi = 0, loops = 0;
	igraph_integer_t k = 0;
	int rc = 0;

	c->ugp = c->g;
	c->uwp = &c->w;
	if (!c->directed) {
		CM_IG(igraph_has_multiple(c->g, &multi), "checking for repeated ties");
		CM_IG(igraph_has_loop(c->g, &loops), "checking for repeated ties");
		if (!multi && !loops)
			goto done;
	}
	pw = malloc((size_t)(c->m > 0 ? c->m : 1) * sizeof(*pw));
	if (!pw) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory while merging tie directions"));
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
	CM_IG(igraph_vector_int_init(&edges, 0), "merging tie directions");
	CM_IG(igraph_vector_init(&c->uw, 0), "merging tie directions");
	for (igraph_integer_t i = 0; i < k; i++) {
		igraph_integer_t last = igraph_vector_size(&c->uw) - 1;

		if (i > 0 && pw[i].a == pw[i - 1].a && pw[i].b == pw[i - 1].b) {
			VECTOR(c->uw)[last] += pw[i].w;
			continue;
		}
		CM_IG(igraph_vector_int_push_back(&edges, pw[i].a), "merging tie directions");
		CM_IG(igraph_vector_int_push_back(&edges, pw[i].b), "merging tie directions");
		CM_IG(igraph_vector_push_back(&c->uw, pw[i].w), "merging tie directions");
	}
	CM_IG(igraph_create(&c->ug, &edges, c->n, IGRAPH_UNDIRECTED), "merging tie directions");
	c->own_ug = 1;
	c->ugp = &c->ug;
	c->uwp = &c->uw;
done:
	igraph_vector_int_destroy(&edges);
	free(pw);
	return rc;
}

/* degree and strength: ties in both directions, loops never count. */
static int compute_degree(struct ctx *c, int want_degree, int want_strength)
{
	igraph_vector_t v = { 0 };
	int rc = 0;

	CM_IG(igraph_vector_init(&v, 0), "computing degrees");
	if (want_degree) {
		CM_IG(igraph_strength(c->g, &v, igraph_vss_all(), IGRAPH_ALL, 0, NULL),
		      "computing degrees");
		set_column(c->t, c->col[0], &v);
	}
	if (want_strength) {
		CM_IG(igraph_strength(c->g, &v, igraph_vss_all(), IGRAPH_ALL, 0, &c->w),
		      "computing strengths");
		set_column(c->t, c->col[1], &v);
	}
done:
	igraph_vector_destroy(&v);
	return rc;
}

/* Plan the path measures asked for (measure/paths.h): exact, or parts of the sampled sources. */
static int plan_paths(struct ctx *c)
{
	cm_paths_input in = { 0 };
	unsigned want = 0;

	in.g = c->g;
	in.directed = c->directed;
	in.dist = c->weighted ? &c->dist : NULL;
	in.seed = c->seed;
	in.samples = c->samples;
	in.exact = c->exact;
	want |= c->want & CM_M_BETWEENNESS ? CM_PATHS_BETWEENNESS : 0;
	want |= c->want & CM_M_CLOSENESS ? CM_PATHS_CLOSENESS : 0;
	want |= c->want & CM_M_HARMONIC ? CM_PATHS_HARMONIC : 0;
	return cm_paths_plan(&c->paths, &in, want);
}

/* Add the path measures' parts up into their columns. */
static int finish_paths(struct ctx *c)
{
	igraph_vector_t v[3] = { { 0 }, { 0 }, { 0 } };
	static const unsigned bits[3] = { CM_M_BETWEENNESS, CM_M_CLOSENESS, CM_M_HARMONIC };
	int rc = 0;

	for (int i = 0; i < 3; i++)
		CM_IG(igraph_vector_init(&v[i], c->n), "computing paths");
	if ((rc = cm_paths_finish(c->want & bits[0] ? &v[0] : NULL, c->want & bits[1] ? &v[1] : NULL,
	                          c->want & bits[2] ? &v[2] : NULL, c->paths)) < 0)
		goto done;
	for (int i = 0; i < 3; i++)
		if (c->want & bits[i])
			set_column(c->t, c->col[2 + i], &v[i]);
done:
	for (int i = 0; i < 3; i++)
		igraph_vector_destroy(&v[i]);
	return rc;
}

/*
 * ARPACK's stopping tolerance for eigenvector centrality.  igraph's default, 0,
 * means machine precision; 1e-13 saves a quarter of the matrix products on
 * generated networks of 20k-100k actors and moves no score (maximum 1) by
 * more than 2e-13, below the 12 digits coopmap writes; 1e-12 and looser move
 * small networks' scores by 4e-13 (measurements: docs/measures.md).
 */
#define CM_EIGENVECTOR_TOL 1e-13

/* Eigenvector centrality with tie weights, maximum 1; warns when igraph drops components. */
static int compute_eigenvector(struct ctx *c)
{
	igraph_vector_int_t csize = { 0 };
	igraph_vector_t v = { 0 };
	igraph_real_t value;
	igraph_integer_t nc = 0, with_ties = 0;
	igraph_arpack_options_t arpack;
	int rc = 0, same = 1;

	CM_IG(igraph_vector_init(&v, 0), "computing eigenvector centrality");
	CM_IG(igraph_vector_int_init(&csize, 0), "computing eigenvector centrality");
	if (c->m == 0) {
		/* no tie: nobody is central (igraph would give everyone 1) */
		CM_IG(igraph_vector_resize(&v, c->n), "computing eigenvector centrality");
		igraph_vector_null(&v);
		set_column(c->t, c->col[5], &v);
		goto done;
	}
	CM_IG(igraph_connected_components(c->g, NULL, &csize, &nc, IGRAPH_WEAK), "finding components");
	for (igraph_integer_t i = 0; i < nc; i++)
		with_ties += VECTOR(csize)[i] > 1;
	if (with_ties > 1)
		cm_notice(_("eigenvector: the network has %ld separate parts with ties; igraph scores "
		          "only the part with the largest eigenvalue and gives 0 to the others"),
		          (long)with_ties);
	cm_measure_progress_name("eigenvector");
	igraph_arpack_options_init(&arpack);
	arpack.tol = CM_EIGENVECTOR_TOL;
	/* equal weights give the unweighted scores: igraph's unweighted path reads
	 * neighbours straight from an adjacency list, about twice as fast */
	for (igraph_integer_t e = 1; e < c->m && same; e++)
		same = VECTOR(c->w)[e] == VECTOR(c->w)[0];
	CM_IG(igraph_eigenvector_centrality(c->g, &v, &value, c->directed, 1, same ? NULL : &c->w, &arpack),
	      "computing eigenvector centrality");
	set_column(c->t, c->col[5], &v);
done:
	cm_measure_progress_name(NULL);
	igraph_vector_int_destroy(&csize);
	igraph_vector_destroy(&v);
	return rc;
}

/* PageRank, damping 0.85, tie weights, PRPACK (sums to 1). */
static int compute_pagerank(struct ctx *c)
{
	igraph_vector_t v = { 0 };
	igraph_real_t value;
	int rc = 0;

	CM_IG(igraph_vector_init(&v, 0), "computing pagerank");
	cm_measure_progress_name("pagerank");
	CM_IG(igraph_pagerank(c->g, IGRAPH_PAGERANK_ALGO_PRPACK, &v, &value, igraph_vss_all(),
	                      c->directed, 0.85, &c->w, NULL), "computing pagerank");
	set_column(c->t, c->col[6], &v);
done:
	cm_measure_progress_name(NULL);
	igraph_vector_destroy(&v);
	return rc;
}

/* k-core number over ties in both directions. */
static int compute_coreness(struct ctx *c)
{
	igraph_vector_int_t v = { 0 };
	int rc = 0;

	CM_IG(igraph_vector_int_init(&v, 0), "computing coreness");
	CM_IG(igraph_coreness(c->g, &v, IGRAPH_ALL), "computing coreness");
	set_int_column(c->t, c->col[7], &v);
done:
	igraph_vector_int_destroy(&v);
	return rc;
}

/* Local clustering of the simple undirected view, 0 below two neighbours. */
static int compute_clustering(struct ctx *c)
{
	igraph_vector_t v = { 0 };
	int rc = 0;

	CM_IG(igraph_vector_init(&v, 0), "computing clustering");
	CM_IG(igraph_transitivity_local_undirected(c->ugp, &v, igraph_vss_all(),
	                                           IGRAPH_TRANSITIVITY_ZERO), "computing clustering");
	set_column(c->t, c->col[8], &v);
done:
	igraph_vector_destroy(&v);
	return rc;
}

/* Burt's constraint with tie weights; undefined (NaN) for an actor with no tie. */
static int compute_constraint(struct ctx *c)
{
	igraph_vector_t v = { 0 }, deg = { 0 };
	int rc = 0;

	CM_IG(igraph_vector_init(&v, 0), "computing constraint");
	CM_IG(igraph_vector_init(&deg, 0), "computing constraint");
	cm_measure_progress_name("constraint");
	CM_IG(igraph_constraint(c->g, &v, igraph_vss_all(), &c->w), "computing constraint");
	cm_measure_progress_name(NULL);
	CM_IG(igraph_strength(c->ugp, &deg, igraph_vss_all(), IGRAPH_ALL, 0, NULL), "computing degrees");
	for (igraph_integer_t i = 0; i < c->n; i++)
		if (VECTOR(deg)[i] == 0)
			VECTOR(v)[i] = NAN;
	set_column(c->t, c->col[9], &v);
done:
	cm_measure_progress_name(NULL);
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
		return cm_error_set(CM_ENOMEM, _("out of memory while computing effective size"));
	if ((rc = cm_burt_effective_size(es, c->g, &c->w, "effective_size")) == 0)
		for (igraph_integer_t v = 0; v < c->n; v++)
			cm_table_set_number(c->t, (size_t)v, (size_t)c->col[10], es[v]);
	free(es);
	return rc;
}

/* 1 for actors whose removal disconnects their component. */
static int compute_articulation(struct ctx *c)
{
	igraph_vector_int_t ap = { 0 };
	int rc = 0;

	CM_IG(igraph_vector_int_init(&ap, 0), "finding articulation points");
	CM_IG(igraph_articulation_points(c->g, &ap), "finding articulation points");
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
	igraph_vector_int_t memb = { 0 };
	igraph_vector_t str = { 0 };
	struct commkey *keys = NULL;
	igraph_integer_t *newid = NULL, nb = 0;
	igraph_real_t quality, total;
	int rc = 0;

	CM_IG(igraph_vector_int_init(&memb, c->n), "finding communities");
	CM_IG(igraph_vector_init(&str, 0), "finding communities");
	total = igraph_vector_sum(c->uwp);
	if (igraph_ecount(c->ugp) == 0 || total <= 0) {
		for (igraph_integer_t v = 0; v < c->n; v++)
			VECTOR(memb)[v] = v;
		nb = c->n;
	} else {
		CM_IG(igraph_strength(c->ugp, &str, igraph_vss_all(), IGRAPH_ALL, 1, c->uwp),
		      "computing strengths");
		igraph_rng_seed(igraph_rng_default(), c->seed);
		cm_measure_progress_name("community");
		CM_IG(igraph_community_leiden(c->ugp, c->uwp, &str, 1.0 / (2.0 * total), 0.01, 0, -1,
		                              &memb, &nb, &quality), "finding communities");
		cm_measure_progress_name(NULL);
	}
	keys = calloc((size_t)(nb > 0 ? nb : 1), sizeof(*keys));
	newid = calloc((size_t)(nb > 0 ? nb : 1), sizeof(*newid));
	if (!keys || !newid) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory while finding communities"));
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
	cm_measure_progress_name(NULL);
	free(keys);
	free(newid);
	igraph_vector_destroy(&str);
	igraph_vector_int_destroy(&memb);
	return rc;
}

/* Events per actor, and those it attended alone, as the projection counted them (filter/project.h). */
static int compute_two_mode(struct ctx *c, unsigned want)
{
	for (size_t i = 0; i < N_MEASURES; i++) {
		const char *attr = measures[i].bit == CM_M_EVENTS ? CM_ATTR_EVENTS_ATTENDED : CM_ATTR_EVENTS_ALONE;

		if (!(measures[i].bit & CM_M_TWO_MODE & want))
			continue;
		for (igraph_integer_t v = 0; v < c->n; v++)
			cm_table_set_number(c->t, (size_t)v, (size_t)c->col[i], VAN(c->g, attr, v));
	}
	return 0;
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

/*
 * The computations after degree and strength, in output order; each is
 * independent of the others.  rank: the order in which processes take them
 * with --jobs, the costliest first (measured at 100k actors: the path
 * measures' parts, then Leiden, ARPACK, PRPACK...), so that the last to end
 * is a short one.
 */
static const struct task {
	unsigned bits;
	const char *name;
	int rank;
} tasks[] = {
	{ CM_M_BETWEENNESS | CM_M_CLOSENESS | CM_M_HARMONIC, "path measures", 0 },
	{ CM_M_EIGENVECTOR, "eigenvector centrality", 2 },
	{ CM_M_PAGERANK, "pagerank", 3 },
	{ CM_M_CORENESS, "coreness", 7 },
	{ CM_M_CLUSTERING, "clustering", 6 },
	{ CM_M_CONSTRAINT, "constraint", 4 },
	{ CM_M_EFFECTIVE_SIZE, "effective size", 5 },
	{ CM_M_ARTICULATION, "articulation points", 8 },
	{ CM_M_COMMUNITY, "communities", 1 },
	{ CM_M_TWO_MODE, "event counts", 9 },
};
#define N_TASKS (sizeof(tasks) / sizeof(tasks[0]))

/* Compute the k-th computation asked for (cm_work's run). */
static int task_run(void *vc, size_t k)
{
	struct ctx *c = vc;

	/* igraph's random start vectors (ARPACK) and choices (Leiden) then do not
	 * depend on which computations ran before in the same process */
	igraph_rng_seed(igraph_rng_default(), c->seed);
	switch (c->job[k].what) {
	case 0: return cm_paths_run(c->paths, c->job[k].part);
	case 1: return compute_eigenvector(c);
	case 2: return compute_pagerank(c);
	case 3: return compute_coreness(c);
	case 4: return compute_clustering(c);
	case 5: return compute_constraint(c);
	case 6: return compute_effective_size(c);
	case 7: return compute_articulation(c);
	case 8: return compute_community(c);
	default: return compute_two_mode(c, c->want);
	}
}

/* Whether measure i is a column the k-th computation fills (the path measures fill theirs at the end). */
static int task_fills(const struct ctx *c, size_t k, size_t i)
{
	return c->job[k].what != 0 && (measures[i].bit & tasks[c->job[k].what].bits & c->want) &&
	       c->col[i] >= 0;
}

/* How many numbers the k-th computation gives (cm_work's size). */
static size_t task_size(void *vc, size_t k)
{
	struct ctx *c = vc;
	size_t cols = 0;

	if (c->job[k].what == 0)
		return cm_paths_part_size(c->paths, c->job[k].part);
	for (size_t i = 0; i < N_MEASURES; i++)
		cols += task_fills(c, k, i);
	return cols * cm_table_nrows(c->t);
}

/* In a worker: the numbers the k-th computation gave, its columns one after the other. */
static void task_collect(void *vc, size_t k, double *out)
{
	struct ctx *c = vc;
	size_t rows = cm_table_nrows(c->t), at = 0;

	if (c->job[k].what == 0) {
		memcpy(out, cm_paths_part(c->paths, c->job[k].part), task_size(c, k) * sizeof(double));
		return;
	}
	for (size_t i = 0; i < N_MEASURES; i++)
		if (task_fills(c, k, i))
			for (size_t r = 0; r < rows; r++)
				out[at++] = cm_table_get_number(c->t, r, (size_t)c->col[i]);
}

/* In the parent: put back the numbers a worker sent. */
static int task_apply(void *vc, size_t k, const double *v)
{
	struct ctx *c = vc;
	size_t rows = cm_table_nrows(c->t), at = 0;

	if (c->job[k].what == 0) {
		double *part = cm_paths_part(c->paths, c->job[k].part);

		if (!part)
			return cm_error_set(CM_ENOMEM, _("out of memory while gathering results"));
		memcpy(part, v, task_size(c, k) * sizeof(double));
		return 0;
	}
	for (size_t i = 0; i < N_MEASURES; i++)
		if (task_fills(c, k, i))
			for (size_t r = 0; r < rows; r++)
				cm_table_set_number(c->t, r, (size_t)c->col[i], v[at++]);
	return 0;
}

/* What the k-th computation is, for messages. */
static const char *task_name(void *vc, size_t k)
{
	struct ctx *c = vc;

	if (c->job[k].what == 0)
		return cm_paths_part_name(c->paths, c->job[k].part);
	return tasks[c->job[k].what].name;
}

/* List the computations asked for, and the order of taking them (by rank, then task order). */
static void list_jobs(struct ctx *c)
{
	for (size_t i = 0; i < N_TASKS; i++) {
		if (!(c->want & tasks[i].bits))
			continue;
		if (i == 0) {
			for (size_t p = 0; p < cm_paths_parts(c->paths); p++) {
				c->job[c->n_jobs].what = 0;
				c->job[c->n_jobs++].part = p;
			}
			continue;
		}
		c->job[c->n_jobs].what = i;
		c->job[c->n_jobs++].part = 0;
	}
	for (size_t k = 0, at = 0; k < N_TASKS; k++)
		for (size_t j = 0; j < c->n_jobs; j++)
			if (tasks[c->job[j].what].rank == (int)k)
				c->order[at++] = j;
}

int cm_metrics_compute(cm_table **out, const cm_network *net, const cm_metrics_options *opts)
{
	static const cm_metrics_options defaults = { 0 };
	igraph_progress_handler_t *old_progress;
	struct ctx c;
	unsigned want;
	int rc = 0, two_mode;

	*out = NULL;
	memset(&c, 0, sizeof(c));
	if (!opts)
		opts = &defaults;
	want = opts->metrics ? opts->metrics & (CM_M_ALL | CM_M_TWO_MODE) : CM_M_ALL;
	c.g = &net->graph;
	c.n = igraph_vcount(c.g);
	c.m = igraph_ecount(c.g);
	c.directed = igraph_is_directed(c.g);
	c.weighted = opts->weighted;
	c.exact = opts->exact;
	c.samples = opts->samples;
	c.seed = opts->seed ? opts->seed : CM_DEFAULT_SEED;
	old_progress = igraph_set_progress_handler(cm_measure_forward_progress);
	two_mode = cm_attr_type(c.g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_EVENTS_ATTENDED) == IGRAPH_ATTRIBUTE_NUMERIC &&
	           cm_attr_type(c.g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_EVENTS_ALONE) == IGRAPH_ATTRIBUTE_NUMERIC;
	if (two_mode && (want & CM_M_ALL) == CM_M_ALL)
		want |= CM_M_TWO_MODE;
	if (!two_mode && (want & CM_M_TWO_MODE)) {
		rc = cm_error_set(CM_EUSAGE, _("the measure '%s' needs two-mode input (a participation table, "
		                  "docs/twomode.md)"), want & CM_M_EVENTS ? "events" : "events_alone");
		goto done;
	}

	if (opts->samples < 0) {
		rc = cm_error_set(CM_EUSAGE, _("the number of sampled actors must be positive"));
		goto done;
	}
	CM_IG(igraph_vector_init(&c.w, c.m), "reading tie weights");
	if (igraph_cattribute_has_attr(c.g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_WEIGHT)) {
		CM_IG(igraph_cattribute_EANV(c.g, CM_ATTR_WEIGHT, igraph_ess_all(IGRAPH_EDGEORDER_ID), &c.w),
		      "reading tie weights");
		for (igraph_integer_t e = 0; e < c.m; e++)
			if (!(VECTOR(c.w)[e] > 0) || !isfinite(VECTOR(c.w)[e])) {
				rc = cm_error_set(CM_EINPUT, _("tie %ld has weight %g: weights must be positive "
				                  "finite numbers"), (long)e + 1, VECTOR(c.w)[e]);
				goto done;
			}
	} else {
		igraph_vector_fill(&c.w, 1.0);
	}
	if (c.weighted && (want & (CM_M_BETWEENNESS | CM_M_CLOSENESS | CM_M_HARMONIC))) {
		CM_IG(igraph_vector_init(&c.dist, c.m), "reading tie weights");
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
	c.want = want;
	if (want & (CM_M_BETWEENNESS | CM_M_CLOSENESS | CM_M_HARMONIC))
		if ((rc = plan_paths(&c)) < 0)
			goto done;
	{
		cm_work w = { 0 };

		list_jobs(&c);
		w.n_tasks = c.n_jobs;
		w.jobs = opts->jobs;
		w.ctx = &c;
		w.order = c.order;
		w.run = task_run;
		w.size = task_size;
		w.collect = task_collect;
		w.apply = task_apply;
		w.name = task_name;
		if ((rc = cm_work_run(&w)) < 0)
			goto done;
	}
	if (c.paths && (rc = finish_paths(&c)) < 0)
		goto done;
finish:
	*out = c.t;
	c.t = NULL;
done:
	igraph_set_progress_handler(old_progress);
	cm_measure_progress_name(NULL);
	cm_table_free(c.t);
	cm_paths_free(c.paths);
	if (c.own_ug)
		igraph_destroy(&c.ug);
	igraph_vector_destroy(&c.uw);
	igraph_vector_destroy(&c.dist);
	igraph_vector_destroy(&c.w);
	return rc;
}

/* Keep what cm_metrics_compute reads: the actors' table columns, the event counts and the weights. */
int cm_metrics_shed(cm_network *net)
{
	static const char *const vertex[] = { CM_ATTR_ID, CM_ATTR_LABEL, CM_ATTR_TYPE, CM_ATTR_REGION,
	                                      CM_ATTR_EVENTS_ATTENDED, CM_ATTR_EVENTS_ALONE, NULL };
	static const char *const edge[] = { CM_ATTR_WEIGHT, NULL };

	return cm_network_keep_attrs(net, vertex, edge);
}

int cm_metrics_default_jobs(void)
{
	return cm_work_default_jobs();
}

const char *cm_metrics_name(unsigned bit)
{
	for (size_t i = 0; i < N_MEASURES; i++)
		if (measures[i].bit == bit)
			return measures[i].name;
	return NULL;
}
