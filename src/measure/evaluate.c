/*
 * coopmap suggest --evaluate: hide the ties first observed after a year,
 * score every pair still apart, and see how well the scores rank the ties
 * that appeared, against a random and a preferential-attachment baseline.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/isolated.h"
#include "coopmap/network.h"
#include "coopmap/suggest.h"
#include "coopmap/table.h"
#include "base/error.h"
#include "measure/suggest_score.h"
#include "base/i18n.h"

/* Most pairs scored: a score, two baselines and a label each (about 0.2 GB). */
#define EV_MAX_PAIRS 8000000
/* Largest Adamic-Adar matrix computed at once, in cells (32 MB). */
#define EV_AA_CELLS 4194304

/* The scores being sorted (qsort has no context argument). */
static const double *rank_scores;

/* Indices by score ascending, then index (qsort). */
static int by_score_up(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;

	if (rank_scores[a] != rank_scores[b])
		return rank_scores[a] < rank_scores[b] ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* Indices by score descending, then index (qsort). */
static int by_score_down(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;

	if (rank_scores[a] != rank_scores[b])
		return rank_scores[a] > rank_scores[b] ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* Indices 0..n-1 sorted with cmp over scores, or NULL when out of memory. */
static size_t *sorted_indices(const double *scores, size_t n, int (*cmp)(const void *, const void *))
{
	size_t *idx = malloc((n + 1) * sizeof(*idx));

	if (!idx)
		return NULL;
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	rank_scores = scores;
	qsort(idx, n, sizeof(*idx), cmp);
	return idx;
}

/* AUC by Mann-Whitney, equal scores sharing their mean rank. */
double cm_rank_auc(const double *scores, const unsigned char *positive, size_t n)
{
	size_t *idx = sorted_indices(scores, n, by_score_up);
	double pos = 0, rank_sum = 0;

	if (!idx)
		return NAN;
	/* Mann-Whitney: the sum of the positives' ranks, equal scores sharing the mean rank */
	for (size_t i = 0; i < n;) {
		size_t j = i, p = 0;

		while (j < n && scores[idx[j]] == scores[idx[i]])
			p += positive[idx[j++]] != 0;
		rank_sum += (double)p * ((double)(i + 1) + (double)j) / 2.0;
		pos += (double)p;
		i = j;
	}
	free(idx);
	if (pos == 0 || pos == (double)n)
		return NAN;
	return (rank_sum - pos * (pos + 1) / 2.0) / (pos * ((double)n - pos));
}

/* Share of positives among the k best scores. */
double cm_rank_precision(const double *scores, const unsigned char *positive, size_t n, size_t k)
{
	size_t *idx;
	size_t hits = 0;

	if (k > n)
		k = n;
	if (k == 0)
		return NAN;
	if (!(idx = sorted_indices(scores, n, by_score_down)))
		return NAN;
	for (size_t i = 0; i < k; i++)
		hits += positive[idx[i]] != 0;
	free(idx);
	return (double)hits / (double)k;
}

/* The figures of one score list. */
static void figures(cm_rank_figures *f, const double *s, const unsigned char *pos, size_t n, size_t k)
{
	f->auc = cm_rank_auc(s, pos, n);
	f->precision_at_k = cm_rank_precision(s, pos, n, k);
	f->precision_at_10 = cm_rank_precision(s, pos, n, 10);
}

/* The network as it stood at the end of train_to: ties dated later removed. */
static int training_network(cm_network **out, const cm_network *net, int train_to)
{
	igraph_t g;
	igraph_vector_int_t later = { 0 };
	int rc = 0, have_g = 0;

	CM_IG(igraph_vector_int_init(&later, 0), "hiding later ties");
	for (igraph_integer_t e = 0; e < cm_network_ties(net); e++) {
		double y = EAN(&net->graph, CM_ATTR_YEAR, e);

		if (!isnan(y) && y > train_to)
			CM_IG(igraph_vector_int_push_back(&later, e), "hiding later ties");
	}
	CM_IG(igraph_copy(&g, &net->graph), "hiding later ties");
	have_g = 1;
	CM_IG(igraph_delete_edges(&g, igraph_ess_vector(&later)), "hiding later ties");
	have_g = 0;
	rc = cm_network_wrap(out, &g, net->source);
done:
	if (have_g)
		igraph_destroy(&g);
	igraph_vector_int_destroy(&later);
	return rc;
}

/* Index of pair (i, j), i < j, in the upper triangle of n vertices. */
static size_t pair_index(size_t n, size_t i, size_t j)
{
	return i * n - i * (i + 1) / 2 + (j - i - 1);
}

/* The table of every scored pair, for --pairs. */
static int pairs_table(cm_table **out, const cm_network *net, const size_t *pi, const size_t *pj,
                       const double *s, const double *rnd, const double *pa,
                       const unsigned char *pos, size_t n_pairs)
{
	static const char *const names[] = { "actor", "candidate", "score", "random",
		                             "preferential_attachment", "appeared" };
	static const cm_coltype types[] = { CM_COL_STRING, CM_COL_STRING, CM_COL_REAL, CM_COL_REAL,
		                            CM_COL_REAL, CM_COL_BOOL };
	cm_table *t = NULL;
	int rc;

	if ((rc = cm_table_new(&t)) < 0)
		goto done;
	for (size_t c = 0; c < 6; c++)
		if ((rc = cm_table_add_column(t, names[c], types[c])) < 0)
			goto done;
	if ((rc = cm_table_add_rows(t, n_pairs)) < 0)
		goto done;
	for (size_t p = 0; p < n_pairs; p++) {
		if ((rc = cm_table_set_string(t, p, 0, cm_network_vattr(net, CM_ATTR_ID, (igraph_integer_t)pi[p]))) < 0 ||
		    (rc = cm_table_set_string(t, p, 1, cm_network_vattr(net, CM_ATTR_ID, (igraph_integer_t)pj[p]))) < 0)
			goto done;
		cm_table_set_number(t, p, 2, s[p]);
		cm_table_set_number(t, p, 3, rnd[p]);
		cm_table_set_number(t, p, 4, pa[p]);
		cm_table_set_number(t, p, 5, pos[p]);
	}
	*out = t;
	t = NULL;
done:
	cm_table_free(t);
	return rc;
}

/* Score every pair apart at the end of train_to and rank the ties that appeared. */
int cm_suggest_evaluate(cm_suggest_eval *out, cm_table **pairs, const cm_network *net,
                        const cm_suggest_options *o, int train_to, unsigned long seed)
{
	cm_network *train = NULL;
	sg_ctx c = { 0 };
	igraph_matrix_t aa = { 0 };
	igraph_integer_t *vids = NULL;
	size_t n = (size_t)cm_network_actors(net), n_tri = n * (n - (n > 0)) / 2, n_pairs = 0, batch;
	double *tri = NULL, *s = NULL, *rnd = NULL, *pa = NULL;
	unsigned char *tri_pos = NULL, *pos = NULL;
	size_t *pi = NULL, *pj = NULL;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	out->train_to = train_to;
	if (pairs)
		*pairs = NULL;
	if (n_tri > EV_MAX_PAIRS) {
		rc = cm_error_set(CM_EUSAGE, _("--evaluate scores every pair: %zu actors make %zu pairs, more than %d "
		                  "(keep fewer actors with --where or --ego)"), n, n_tri, EV_MAX_PAIRS);
		goto done;
	}
	if ((rc = training_network(&train, net, train_to)) < 0 ||
	    (rc = sg_ctx_init(&c, train, o->type, o->regions, o->min_size)) < 0)
		goto done;
	tri = malloc((n_tri + 1) * sizeof(*tri));
	tri_pos = calloc(n_tri + 1, 1);
	vids = malloc((n + 1) * sizeof(*vids));
	if (!tri || !tri_pos || !vids) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (size_t p = 0; p < n_tri; p++)
		tri[p] = -1;
	/* the pairs tied later: positives */
	for (igraph_integer_t e = 0; e < cm_network_ties(net); e++) {
		double y = EAN(&net->graph, CM_ATTR_YEAR, e);
		size_t a = (size_t)IGRAPH_FROM(&net->graph, e), b = (size_t)IGRAPH_TO(&net->graph, e);

		if (!isnan(y) && y > train_to && a != b)
			tri_pos[a < b ? pair_index(n, a, b) : pair_index(n, b, a)] = 1;
	}
	/* every ordered pair (v, u) apart at the end of train_to: the pair keeps the higher score */
	CM_IG(igraph_matrix_init(&aa, 0, 0), "computing Adamic-Adar similarity");
	batch = EV_AA_CELLS / (n + 1);
	if (batch < 1)
		batch = 1;
	for (size_t i = 0; i < n; i += batch) {
		size_t end = i + batch < n ? i + batch : n;

		for (size_t v = i; v < end; v++)
			vids[v - i] = (igraph_integer_t)v;
		if ((rc = sg_adamic_adar(&aa, &c, vids, end - i)) < 0)
			goto done;
		for (size_t v = i; v < end; v++) {
			if (cm_interrupted()) {
				rc = cm_error_set(CM_EINTERRUPTED, _("interrupted"));
				goto done;
			}
			sg_target(&c, (igraph_integer_t)v, &aa, (igraph_integer_t)(v - i));
			for (size_t u = 0; u < n; u++) {
				double sc;
				size_t p;

				if (u == v || sg_is_partner(&c, (igraph_integer_t)u))
					continue;
				sc = sg_score(&c, (igraph_integer_t)u);
				p = u > v ? pair_index(n, v, u) : pair_index(n, u, v);
				if (sc > tri[p])
					tri[p] = sc;
			}
		}
	}
	/* the scored pairs, in pair order */
	s = malloc((n_tri + 1) * sizeof(*s));
	rnd = malloc((n_tri + 1) * sizeof(*rnd));
	pa = malloc((n_tri + 1) * sizeof(*pa));
	pos = malloc(n_tri + 1);
	pi = malloc((n_tri + 1) * sizeof(*pi));
	pj = malloc((n_tri + 1) * sizeof(*pj));
	if (!s || !rnd || !pa || !pos || !pi || !pj) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	CM_IG(igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed), "drawing random scores");
	for (size_t i = 0, p = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++, p++) {
			if (tri[p] < 0) /* tied at the end of train_to */
				continue;
			s[n_pairs] = round(tri[p] * 1000.0) / 1000.0;
			rnd[n_pairs] = igraph_rng_get_unif01(igraph_rng_default());
			pa[n_pairs] = (double)igraph_vector_int_size(igraph_adjlist_get(&c.adj, (igraph_integer_t)i)) *
			              (double)igraph_vector_int_size(igraph_adjlist_get(&c.adj, (igraph_integer_t)j));
			pos[n_pairs] = tri_pos[p];
			pi[n_pairs] = i;
			pj[n_pairs] = j;
			out->new_ties += tri_pos[p];
			n_pairs++;
		}
	out->pairs_scored = (igraph_integer_t)n_pairs;
	out->k = out->new_ties;
	if (out->new_ties == 0) {
		rc = cm_error_set(CM_EUSAGE, _("no tie of %s is first observed after %d: nothing to check the "
		                  "suggestions against"), net->source, train_to);
		goto done;
	}
	figures(&out->model, s, pos, n_pairs, (size_t)out->k);
	figures(&out->random, rnd, pos, n_pairs, (size_t)out->k);
	figures(&out->pref, pa, pos, n_pairs, (size_t)out->k);
	if (pairs)
		rc = pairs_table(pairs, net, pi, pj, s, rnd, pa, pos, n_pairs);
done:
	sg_ctx_free(&c);
	cm_network_free(train);
	igraph_matrix_destroy(&aa);
	free(vids);
	free(tri);
	free(tri_pos);
	free(s);
	free(rnd);
	free(pa);
	free(pos);
	free(pi);
	free(pj);
	return rc;
}
