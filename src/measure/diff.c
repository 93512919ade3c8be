/*
 * coopmap diff: what changed between two networks, actor by actor and for
 * the whole network.  Definitions in docs/change.md.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/diff.h"
#include "coopmap/isolated.h"
#include "coopmap/metrics.h"
#include "coopmap/summary.h"
#include "base/error.h"
#include "base/text.h"
#include "model/names.h"
#include "measure/diff.h"
#include "base/i18n.h"

/* What one side gives per vertex: the measures of the per-actor columns. */
struct side {
	const cm_network *net;
	igraph_integer_t n;
	igraph_vector_t degree, betweenness;
	igraph_vector_int_t community;
	int *isolation;           /* NULL when no actor has the focus type */
	igraph_integer_t *rank;   /* by betweenness, competition ranking */
	igraph_integer_t *global; /* vertex -> actor of the union */
	igraph_adjlist_t adj;     /* partners, either direction */
	igraph_integer_t components;
	double density, modularity;
};

/* One actor of the union of the two sides. */
struct actor {
	igraph_integer_t before, after; /* vertex on each side, or -1 */
	igraph_integer_t kept, new_, lost;
	double change;                  /* the sort key after the partners */
};

/* Free a side (a zeroed one is fine). */
static void side_free(struct side *s)
{
	igraph_vector_destroy(&s->degree);
	igraph_vector_destroy(&s->betweenness);
	igraph_vector_int_destroy(&s->community);
	cm_adjlist_free(&s->adj);
	free(s->isolation);
	free(s->rank);
	free(s->global);
	memset(s, 0, sizeof(*s));
}

static const double *rank_values;

/* qsort: vertices by betweenness, highest first. */
static int cmp_rank(const void *a, const void *b)
{
	double x = rank_values[*(const igraph_integer_t *)a], y = rank_values[*(const igraph_integer_t *)b];

	return x > y ? -1 : x < y ? 1 : 0;
}

/* Competition ranking by betweenness (1 = highest; equal values share a rank: 1, 2, 2, 4). */
static int rank_by(igraph_integer_t *rank, const igraph_vector_t *v, igraph_integer_t n)
{
	igraph_integer_t *order = malloc(((size_t)n + 1) * sizeof(*order));

	if (!order)
		return cm_error_set(CM_ENOMEM, _("out of memory while ranking actors"));
	for (igraph_integer_t i = 0; i < n; i++)
		order[i] = i;
	rank_values = VECTOR(*v);
	qsort(order, (size_t)n, sizeof(*order), cmp_rank);
	for (igraph_integer_t i = 0; i < n; i++)
		rank[order[i]] = i > 0 && VECTOR(*v)[order[i]] == VECTOR(*v)[order[i - 1]]
		                 ? rank[order[i - 1]] : i + 1;
	free(order);
	return 0;
}

/* Compute what one side needs: metrics (degree, betweenness, community), isolation, partners. */
static int side_compute(struct side *s, const cm_network *net, const cm_diff_options *o)
{
	cm_metrics_options mo = { 0 };
	cm_table *t = NULL;
	igraph_vector_t w = { 0 };
	igraph_integer_t ncomp = 0;
	int rc = 0, c_deg, c_bet, c_com;

	s->net = net;
	s->n = cm_network_actors(net);
	mo.metrics = CM_M_DEGREE | CM_M_BETWEENNESS | CM_M_COMMUNITY;
	mo.seed = o->seed;
	if ((rc = cm_metrics_compute(&t, net, &mo)) < 0)
		goto done;
	/* the rows of cm_metrics_compute() are in vertex order */
	c_deg = cm_table_column(t, cm_metrics_name(CM_M_DEGREE));
	c_bet = cm_table_column(t, cm_metrics_name(CM_M_BETWEENNESS));
	c_com = cm_table_column(t, cm_metrics_name(CM_M_COMMUNITY));
	if (c_deg < 0 || c_bet < 0 || c_com < 0 || (igraph_integer_t)cm_table_nrows(t) != s->n) {
		rc = cm_error_set(CM_ERROR, _("metrics table without degree, betweenness or community"));
		goto done;
	}
	CM_IG(igraph_vector_init(&s->degree, s->n), "comparing networks");
	CM_IG(igraph_vector_init(&s->betweenness, s->n), "comparing networks");
	CM_IG(igraph_vector_int_init(&s->community, s->n), "comparing networks");
	for (igraph_integer_t v = 0; v < s->n; v++) {
		VECTOR(s->degree)[v] = cm_table_get_number(t, (size_t)v, (size_t)c_deg);
		VECTOR(s->betweenness)[v] = cm_table_get_number(t, (size_t)v, (size_t)c_bet);
		VECTOR(s->community)[v] = (igraph_integer_t)cm_table_get_number(t, (size_t)v, (size_t)c_com);
	}
	if (!(s->rank = malloc(((size_t)s->n + 1) * sizeof(*s->rank))) ||
	    !(s->global = malloc(((size_t)s->n + 1) * sizeof(*s->global)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory while comparing networks"));
		goto done;
	}
	if ((rc = rank_by(s->rank, &s->betweenness, s->n)) < 0)
		goto done;
	/* isolation only when some actor has the focus type */
	rc = cm_isolated_levels(&s->isolation, net, o->type, 0);
	if (rc == CM_EUSAGE) {
		cm_error_clear();
		rc = 0;
	} else if (rc < 0) {
		goto done;
	}
	CM_IG(igraph_adjlist_init(&net->graph, &s->adj, IGRAPH_ALL, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE),
	      "listing partners");
	CM_IG(igraph_connected_components(&net->graph, NULL, NULL, &ncomp, IGRAPH_WEAK),
	      "finding components");
	s->components = ncomp;
	CM_IG(igraph_density(&net->graph, &s->density, 0), "computing the density");
	s->modularity = NAN;
	if (igraph_ecount(&net->graph) > 0) {
		CM_IG(igraph_vector_init(&w, 0), "reading tie weights");
		CM_IG(igraph_cattribute_EANV(&net->graph, CM_ATTR_WEIGHT, igraph_ess_all(IGRAPH_EDGEORDER_ID), &w),
		      "reading tie weights");
		/* as summary does: modularity is linear in the ties, so a directed tie counts as undirected */
		CM_IG(igraph_modularity(&net->graph, &s->community, &w, 1.0, IGRAPH_UNDIRECTED, &s->modularity),
		      "computing the modularity");
	}
done:
	igraph_vector_destroy(&w);
	cm_table_free(t);
	return rc;
}

/* qsort: actors by change, largest first, then id. */
static const struct side *sort_sides[2];
static int cmp_actor(const void *pa, const void *pb)
{
	const struct actor *a = pa, *b = pb;
	igraph_integer_t ca = a->new_ + a->lost, cb = b->new_ + b->lost;
	const char *ia, *ib;

	if (ca != cb)
		return ca > cb ? -1 : 1;
	if (a->change != b->change)
		return a->change > b->change ? -1 : 1;
	ia = a->after >= 0 ? cm_network_vattr(sort_sides[1]->net, CM_ATTR_ID, a->after)
	                   : cm_network_vattr(sort_sides[0]->net, CM_ATTR_ID, a->before);
	ib = b->after >= 0 ? cm_network_vattr(sort_sides[1]->net, CM_ATTR_ID, b->after)
	                   : cm_network_vattr(sort_sides[0]->net, CM_ATTR_ID, b->before);
	return strcmp(ia, ib);
}

static const char *const actor_columns[] = {
	N_("id"), N_("label"), N_("type"), N_("region"), N_("status"), N_("degree_before"),
	N_("degree_after"), N_("degree_change"), N_("partners_kept"), N_("partners_new"),
	N_("partners_lost"), N_("partner_jaccard"), N_("betweenness_before"), N_("betweenness_after"),
	N_("betweenness_change"), N_("rank_before"), N_("rank_after"), N_("isolation_before"),
	N_("isolation_after"), N_("community_before"), N_("community_after")
};
enum { C_ID, C_LABEL, C_TYPE, C_REGION, C_STATUS, C_DEG_B, C_DEG_A, C_DEG_C, C_KEPT, C_NEW, C_LOST,
       C_JACCARD, C_BET_B, C_BET_A, C_BET_C, C_RANK_B, C_RANK_A, C_ISO_B, C_ISO_A, C_COM_B, C_COM_A,
       C_COUNT };

/* The type of each actor column. */
static cm_coltype actor_coltype(int c)
{
	if (c <= C_STATUS)
		return CM_COL_STRING;
	if (c == C_JACCARD || c == C_BET_B || c == C_BET_A || c == C_BET_C)
		return CM_COL_REAL;
	return CM_COL_INT;
}

/* Fill the actors table from the actors of the union, sorted. */
static int actors_table(cm_table **out, const struct actor *act, igraph_integer_t k, const struct side *s)
{
	cm_table *t = NULL;
	int rc = 0;

	if ((rc = cm_table_new(&t)) < 0)
		goto done;
	for (int c = 0; c < C_COUNT; c++)
		if ((rc = cm_table_add_column(t, actor_columns[c], actor_coltype(c))) < 0)
			goto done;
	if ((rc = cm_table_add_rows(t, (size_t)k)) < 0)
		goto done;
	for (igraph_integer_t i = 0; i < k; i++) {
		const struct actor *a = &act[i];
		const struct side *show = a->after >= 0 ? &s[1] : &s[0];
		igraph_integer_t v = a->after >= 0 ? a->after : a->before, uni = a->kept + a->new_ + a->lost;
		size_t r = (size_t)i;
		double nan = NAN;

		if ((rc = cm_table_set_string(t, r, C_ID, cm_network_vattr(show->net, CM_ATTR_ID, v))) < 0 ||
		    (rc = cm_table_set_string(t, r, C_LABEL, cm_network_vattr(show->net, CM_ATTR_LABEL, v))) < 0 ||
		    (rc = cm_table_set_string(t, r, C_TYPE, cm_network_vattr(show->net, CM_ATTR_TYPE, v))) < 0 ||
		    (rc = cm_table_set_string(t, r, C_REGION, cm_network_vattr(show->net, CM_ATTR_REGION, v))) < 0 ||
		    (rc = cm_table_set_string(t, r, C_STATUS, a->before < 0 ? R_("joined")
		                                                           : a->after < 0 ? R_("left") : R_("kept"))) < 0)
			goto done;
		for (int c = C_DEG_B; c < C_COUNT; c++)
			cm_table_set_number(t, r, (size_t)c, nan);
		cm_table_set_number(t, r, C_KEPT, (double)a->kept);
		cm_table_set_number(t, r, C_NEW, (double)a->new_);
		cm_table_set_number(t, r, C_LOST, (double)a->lost);
		if (uni > 0)
			cm_table_set_number(t, r, C_JACCARD, (double)a->kept / (double)uni);
		if (a->before >= 0) {
			igraph_integer_t b = a->before;

			cm_table_set_number(t, r, C_DEG_B, VECTOR(s[0].degree)[b]);
			cm_table_set_number(t, r, C_BET_B, VECTOR(s[0].betweenness)[b]);
			cm_table_set_number(t, r, C_RANK_B, (double)s[0].rank[b]);
			cm_table_set_number(t, r, C_COM_B, (double)VECTOR(s[0].community)[b]);
			if (s[0].isolation && s[0].isolation[b] >= 0)
				cm_table_set_number(t, r, C_ISO_B, (double)s[0].isolation[b]);
		}
		if (a->after >= 0) {
			igraph_integer_t f = a->after;

			cm_table_set_number(t, r, C_DEG_A, VECTOR(s[1].degree)[f]);
			cm_table_set_number(t, r, C_BET_A, VECTOR(s[1].betweenness)[f]);
			cm_table_set_number(t, r, C_RANK_A, (double)s[1].rank[f]);
			cm_table_set_number(t, r, C_COM_A, (double)VECTOR(s[1].community)[f]);
			if (s[1].isolation && s[1].isolation[f] >= 0)
				cm_table_set_number(t, r, C_ISO_A, (double)s[1].isolation[f]);
		}
		if (a->before >= 0 && a->after >= 0) {
			cm_table_set_number(t, r, C_DEG_C, VECTOR(s[1].degree)[a->after] - VECTOR(s[0].degree)[a->before]);
			cm_table_set_number(t, r, C_BET_C,
			                    VECTOR(s[1].betweenness)[a->after] - VECTOR(s[0].betweenness)[a->before]);
		}
	}
	*out = t;
	t = NULL;
done:
	cm_table_free(t);
	return rc;
}

/* The weight of tie e of a network. */
static double tie_weight(const cm_network *net, igraph_integer_t e)
{
	return igraph_cattribute_has_attr(&net->graph, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_WEIGHT)
	       ? EAN(&net->graph, CM_ATTR_WEIGHT, e) : 1.0;
}

/* One tie of the union: its two actors (by id), its status and weights. */
struct tie {
	const char *a, *b;
	int status; /* 0 kept, 1 new, 2 lost */
	double wb, wa;
};

/* qsort: ties by source, then target. */
static int cmp_tie(const void *pa, const void *pb)
{
	const struct tie *x = pa, *y = pb;
	int c = strcmp(x->a, y->a);

	return c ? c : strcmp(x->b, y->b);
}

/*
 * Count the ties kept, new and lost and, when table is not NULL, list them.
 * A tie is matched by its two actors' ids (in order when directed).
 */
static int compare_ties(cm_diff_network *dn, cm_table **table, const cm_network *nb,
                        const cm_network *na, const igraph_integer_t *before_of_after)
{
	const igraph_t *gb = &nb->graph, *ga = &na->graph;
	igraph_integer_t mb = igraph_ecount(gb), ma = igraph_ecount(ga), k = 0;
	int directed = igraph_is_directed(gb) && igraph_is_directed(ga), rc = 0;
	char *matched = calloc((size_t)mb + 1, 1);
	struct tie *list = table ? malloc(((size_t)mb + (size_t)ma + 1) * sizeof(*list)) : NULL;
	cm_table *t = NULL;

	if (!matched || (table && !list)) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory while comparing ties"));
		goto done;
	}
	for (igraph_integer_t e = 0; e < ma; e++) {
		igraph_integer_t u = IGRAPH_FROM(ga, e), v = IGRAPH_TO(ga, e), eb = -1;
		igraph_integer_t bu = before_of_after[u], bv = before_of_after[v];

		if (bu >= 0 && bv >= 0)
			CM_IG(igraph_get_eid(gb, &eb, bu, bv, directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED, 0),
			      "comparing ties");
		if (eb >= 0) {
			matched[eb] = 1;
			dn->ties_kept++;
		} else {
			dn->ties_new++;
		}
		if (list) {
			const char *a = cm_network_vattr(na, CM_ATTR_ID, u), *b = cm_network_vattr(na, CM_ATTR_ID, v);

			if (!directed && strcmp(a, b) > 0) {
				const char *x = a;

				a = b;
				b = x;
			}
			list[k++] = (struct tie){ a, b, eb >= 0 ? 0 : 1, eb >= 0 ? tie_weight(nb, eb) : NAN,
			                          tie_weight(na, e) };
		}
	}
	for (igraph_integer_t e = 0; e < mb; e++) {
		if (matched[e])
			continue;
		dn->ties_lost++;
		if (list) {
			const char *a = cm_network_vattr(nb, CM_ATTR_ID, IGRAPH_FROM(gb, e));
			const char *b = cm_network_vattr(nb, CM_ATTR_ID, IGRAPH_TO(gb, e));

			if (!directed && strcmp(a, b) > 0) {
				const char *x = a;

				a = b;
				b = x;
			}
			list[k++] = (struct tie){ a, b, 2, tie_weight(nb, e), NAN };
		}
	}
	if (!table)
		goto done;
	qsort(list, (size_t)k, sizeof(*list), cmp_tie);
	if ((rc = cm_table_new(&t)) < 0 || (rc = cm_table_add_column(t, N_("source"), CM_COL_STRING)) < 0 ||
	    (rc = cm_table_add_column(t, N_("target"), CM_COL_STRING)) < 0 ||
	    (rc = cm_table_add_column(t, N_("status"), CM_COL_STRING)) < 0 ||
	    (rc = cm_table_add_column(t, N_("weight_before"), CM_COL_REAL)) < 0 ||
	    (rc = cm_table_add_column(t, N_("weight_after"), CM_COL_REAL)) < 0 ||
	    (rc = cm_table_add_rows(t, (size_t)k)) < 0)
		goto done;
	for (igraph_integer_t i = 0; i < k; i++) {
		/* English in machine formats, in the language of the table format (R_) */
		static const char *const status[] = { N_("kept"), N_("new"), N_("lost") };

		if ((rc = cm_table_set_string(t, (size_t)i, 0, list[i].a)) < 0 ||
		    (rc = cm_table_set_string(t, (size_t)i, 1, list[i].b)) < 0 ||
		    (rc = cm_table_set_string(t, (size_t)i, 2, R_(status[list[i].status]))) < 0)
			goto done;
		cm_table_set_number(t, (size_t)i, 3, list[i].wb);
		cm_table_set_number(t, (size_t)i, 4, list[i].wa);
	}
	*table = t;
	t = NULL;
done:
	cm_table_free(t);
	free(matched);
	free(list);
	return rc;
}

/* Isolated focus actors (level 2 or more) of a side; -1 when no actor has the focus type. */
static igraph_integer_t count_isolated(const struct side *s)
{
	igraph_integer_t k = 0;

	if (!s->isolation)
		return -1;
	for (igraph_integer_t v = 0; v < s->n; v++)
		k += s->isolation[v] >= 2;
	return k;
}

/* Agreement of the two partitions over the actors on both sides: NMI and VI. */
static int compare_partitions(cm_diff_network *dn, const struct side *s, const struct actor *act,
                              igraph_integer_t k)
{
	igraph_vector_int_t c1 = { 0 }, c2 = { 0 };
	int rc = 0;

	dn->nmi = dn->vi = NAN;
	CM_IG(igraph_vector_int_init(&c1, 0), "comparing communities");
	CM_IG(igraph_vector_int_init(&c2, 0), "comparing communities");
	for (igraph_integer_t i = 0; i < k; i++)
		if (act[i].before >= 0 && act[i].after >= 0) {
			CM_IG(igraph_vector_int_push_back(&c1, VECTOR(s[0].community)[act[i].before]),
			      "comparing communities");
			CM_IG(igraph_vector_int_push_back(&c2, VECTOR(s[1].community)[act[i].after]),
			      "comparing communities");
		}
	if (igraph_vector_int_size(&c1) > 0) {
		CM_IG(igraph_compare_communities(&c1, &c2, &dn->nmi, IGRAPH_COMMCMP_NMI), "comparing communities");
		CM_IG(igraph_compare_communities(&c1, &c2, &dn->vi, IGRAPH_COMMCMP_VI), "comparing communities");
	}
done:
	igraph_vector_int_destroy(&c1);
	igraph_vector_int_destroy(&c2);
	return rc;
}

int cm_diff_compute(cm_diff *out, const cm_network *before, const cm_network *after,
                    const cm_diff_options *opts)
{
	static const cm_diff_options defaults = { 0 };
	struct side s[2] = { { 0 } };
	cm_names ids = { 0 };
	struct actor *act = NULL;
	igraph_integer_t *before_of_after = NULL, k = 0;
	igraph_integer_t *mark = NULL;
	cm_diff_network *dn = &out->network;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	if (!opts)
		opts = &defaults;
	if ((rc = side_compute(&s[0], before, opts)) < 0 || (rc = side_compute(&s[1], after, opts)) < 0)
		goto done;
	/* the union of the actors: those of before, then those only after */
	if ((rc = cm_names_index(&ids, before)) < 0)
		goto done;
	act = malloc(((size_t)s[0].n + (size_t)s[1].n + 1) * sizeof(*act));
	before_of_after = malloc(((size_t)s[1].n + 1) * sizeof(*before_of_after));
	mark = malloc(((size_t)s[0].n + (size_t)s[1].n + 1) * sizeof(*mark));
	if (!act || !before_of_after || !mark) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory while comparing networks"));
		goto done;
	}
	for (igraph_integer_t v = 0; v < s[0].n; v++) {
		act[k] = (struct actor){ v, -1, 0, 0, 0, 0 };
		s[0].global[v] = k++;
	}
	for (igraph_integer_t v = 0; v < s[1].n; v++) {
		igraph_integer_t b = cm_names_get(&ids, cm_network_vattr(after, CM_ATTR_ID, v));

		before_of_after[v] = b;
		if (b >= 0) {
			act[b].after = v;
			s[1].global[v] = b;
		} else {
			act[k] = (struct actor){ -1, v, 0, 0, 0, 0 };
			s[1].global[v] = k++;
		}
	}
	/* partners kept, new and lost: mark the partners before (by actor of the union), then look after */
	for (igraph_integer_t i = 0; i < k; i++)
		mark[i] = -1;
	for (igraph_integer_t i = 0; i < k; i++) {
		struct actor *a = &act[i];
		igraph_integer_t nb_b = 0;

		if (cm_interrupted()) {
			rc = cm_error_set(CM_EINTERRUPTED, _("interrupted"));
			goto done;
		}
		if (a->before >= 0) {
			igraph_vector_int_t *nb = igraph_adjlist_get(&s[0].adj, a->before);

			nb_b = igraph_vector_int_size(nb);
			for (igraph_integer_t j = 0; j < nb_b; j++)
				mark[s[0].global[VECTOR(*nb)[j]]] = i;
		}
		if (a->after >= 0) {
			igraph_vector_int_t *nb = igraph_adjlist_get(&s[1].adj, a->after);

			for (igraph_integer_t j = 0; j < igraph_vector_int_size(nb); j++) {
				if (mark[s[1].global[VECTOR(*nb)[j]]] == i)
					a->kept++;
				else
					a->new_++;
			}
		}
		a->lost = nb_b - a->kept;
		a->change = a->before >= 0 && a->after >= 0
		            ? fabs(VECTOR(s[1].betweenness)[a->after] - VECTOR(s[0].betweenness)[a->before])
		            : a->before >= 0 ? VECTOR(s[0].betweenness)[a->before] : VECTOR(s[1].betweenness)[a->after];
		if (a->before >= 0 && a->after >= 0)
			dn->actors_kept++;
		else if (a->after >= 0)
			dn->actors_joined++;
		else
			dn->actors_left++;
	}
	if ((rc = compare_ties(dn, opts->ties ? &out->ties : NULL, before, after, before_of_after)) < 0)
		goto done;
	dn->hamming = dn->ties_new + dn->ties_lost;
	dn->tie_jaccard = dn->ties_kept + dn->hamming > 0
	                  ? (double)dn->ties_kept / (double)(dn->ties_kept + dn->hamming) : NAN;
	dn->density_before = s[0].density;
	dn->density_after = s[1].density;
	dn->components_before = s[0].components;
	dn->components_after = s[1].components;
	dn->isolated_before = count_isolated(&s[0]);
	dn->isolated_after = count_isolated(&s[1]);
	dn->modularity_before = s[0].modularity;
	dn->modularity_after = s[1].modularity;
	if ((rc = compare_partitions(dn, s, act, k)) < 0)
		goto done;
	sort_sides[0] = &s[0];
	sort_sides[1] = &s[1];
	qsort(act, (size_t)k, sizeof(*act), cmp_actor);
	rc = actors_table(&out->actors, act, k, s);
done:
	if (rc < 0)
		cm_diff_free(out);
	side_free(&s[0]);
	side_free(&s[1]);
	cm_names_free(&ids);
	free(act);
	free(before_of_after);
	free(mark);
	return rc;
}

int cm_diff_ties(cm_diff_network *dn, const cm_network *before, const cm_network *after)
{
	igraph_integer_t n = cm_network_actors(after), *before_of_after = NULL;
	cm_names ids = { 0 };
	int rc;

	dn->ties_kept = dn->ties_new = dn->ties_lost = 0;
	if ((rc = cm_names_index(&ids, before)) < 0)
		goto done;
	if (!(before_of_after = malloc(((size_t)n + 1) * sizeof(*before_of_after)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory while comparing ties"));
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++)
		before_of_after[v] = cm_names_get(&ids, cm_network_vattr(after, CM_ATTR_ID, v));
	if ((rc = compare_ties(dn, NULL, before, after, before_of_after)) < 0)
		goto done;
	dn->hamming = dn->ties_new + dn->ties_lost;
	dn->tie_jaccard = dn->ties_kept + dn->hamming > 0
	                  ? (double)dn->ties_kept / (double)(dn->ties_kept + dn->hamming) : NAN;
done:
	cm_names_free(&ids);
	free(before_of_after);
	return rc;
}

/* Is the tie u-v of ids on this side (n: its name index)?  -1 when an end is absent. */
static int has_tie(const cm_network *side, const cm_names *ids, const char *u, const char *v, int directed)
{
	igraph_integer_t a = cm_names_get(ids, u), b = cm_names_get(ids, v), e = -1;

	if (a < 0 || b < 0)
		return 0;
	igraph_get_eid(&side->graph, &e, a, b, directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED, 0);
	return e >= 0;
}

int cm_diff_classify(unsigned char **tie, unsigned char **actor, const cm_network *net,
                     const cm_network *before, const cm_network *after)
{
	igraph_integer_t n = cm_network_actors(net), m = cm_network_ties(net);
	cm_names ib = { 0 }, ia = { 0 };
	int directed = net->directed && before->directed && after->directed, rc;

	*tie = malloc((size_t)m + 1);
	*actor = malloc((size_t)n + 1);
	if (!*tie || !*actor) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory while comparing networks"));
		goto done;
	}
	if ((rc = cm_names_index(&ib, before)) < 0 || (rc = cm_names_index(&ia, after)) < 0)
		goto done;
	for (igraph_integer_t v = 0; v < n; v++) {
		const char *id = cm_network_vattr(net, CM_ATTR_ID, v);
		int b = cm_names_get(&ib, id) >= 0, a = cm_names_get(&ia, id) >= 0;

		(*actor)[v] = b && a ? CM_CHANGE_KEPT : a ? CM_CHANGE_NEW : b ? CM_CHANGE_LOST : CM_CHANGE_BETWEEN;
	}
	for (igraph_integer_t e = 0; e < m; e++) {
		const char *u = cm_network_vattr(net, CM_ATTR_ID, IGRAPH_FROM(&net->graph, e));
		const char *v = cm_network_vattr(net, CM_ATTR_ID, IGRAPH_TO(&net->graph, e));
		int b = has_tie(before, &ib, u, v, directed), a = has_tie(after, &ia, u, v, directed);

		(*tie)[e] = b && a ? CM_CHANGE_KEPT : a ? CM_CHANGE_NEW : b ? CM_CHANGE_LOST : CM_CHANGE_BETWEEN;
	}
done:
	if (rc < 0) {
		free(*tie);
		free(*actor);
		*tie = *actor = NULL;
	}
	cm_names_free(&ib);
	cm_names_free(&ia);
	return rc;
}

void cm_diff_free(cm_diff *d)
{
	if (!d)
		return;
	cm_table_free(d->actors);
	cm_table_free(d->ties);
	memset(d, 0, sizeof(*d));
}

const char *cm_diff_jaccard_reading(double jaccard)
{
	if (isnan(jaccard))
		return "";
	/* Snijders' RSiena manual: preferably above 0.3; below 0.2 raises doubts */
	return jaccard >= 0.3 ? N_("good") : jaccard >= 0.2 ? N_("low") : N_("very low");
}
