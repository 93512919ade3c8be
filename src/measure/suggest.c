/*
 * coopmap suggest: whom each isolated actor could meet, and why.  The score
 * is in suggest_score.c; the evaluation against later ties in evaluate.c.
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
#include "base/strbuf.h"
#include "measure/focus.h"
#include "measure/suggest_score.h"
#include "base/i18n.h"

/* Largest Adamic-Adar matrix computed at once, in cells (32 MB). */
#define SG_AA_CELLS 4194304

/* One candidate of the current target. */
struct cand {
	igraph_integer_t u;
	double score;
	const char *id;
};

/* Candidates by score descending, then id (qsort). */
static int cand_cmp(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* The default options: cités of level >= 1, 5 suggestions each. */
void cm_suggest_options_default(cm_suggest_options *o)
{
	memset(o, 0, sizeof(*o));
	o->level = CM_SUGGEST_DEFAULT_LEVEL;
	o->top = CM_SUGGEST_DEFAULT_TOP;
}

/* The state of one run: the score, the candidates of the current target, the table. */
struct run {
	sg_ctx c;
	struct cand *cand;
	size_t n_cand;
	igraph_integer_t *added;
	int top;
	cm_table *t;
	cm_strbuf why;
};

/* Add u to the candidates once. */
static void add_cand(struct run *r, igraph_integer_t u)
{
	if (r->added[u] == r->c.stamp_no)
		return;
	r->added[u] = r->c.stamp_no;
	r->cand[r->n_cand].u = u;
	r->cand[r->n_cand].score = round(sg_score(&r->c, u) * 1000.0) / 1000.0;
	r->cand[r->n_cand].id = cm_network_vattr(r->c.net, CM_ATTR_ID, u);
	r->n_cand++;
}

/*
 * Add from a list sorted by id the actors that could make the top: for a
 * target with a peer within two steps the score of the actors of one list
 * who are not two steps away differs only by joining the main component,
 * so the first `top` of each kind are enough; otherwise (the reach counts
 * the peers each would bring) the whole list is scored.
 */
static void walk_list(struct run *r, const sg_list *l)
{
	igraph_integer_t v = r->c.target;
	int in_main = VECTOR(r->c.membership)[v] == r->c.main_comp;
	int count[2] = { 0, 0 };

	for (size_t i = 0; i < l->n; i++) {
		igraph_integer_t u = l->v[i];
		int kind;

		if (u == v || sg_is_partner(&r->c, u) || r->added[u] == r->c.stamp_no)
			continue;
		kind = sg_joins_main(&r->c, u);
		if (r->c.target_peer2 && count[kind] >= r->top)
			continue;
		add_cand(r, u);
		count[kind]++;
		if (r->c.target_peer2 && count[0] >= r->top && (in_main || count[1] >= r->top))
			break;
	}
}

/*
 * Add the actors that would bring the target peers within two steps: the
 * list is sorted by peers brought, so for each kind (joining the main
 * component or not) the first `top` are enough, plus those whose rounded
 * score equals the last one taken (the tie is then broken by id).
 */
static void walk_reach(struct run *r)
{
	const sg_ctx *c = &r->c;
	int in_main = VECTOR(c->membership)[c->target] == c->main_comp;
	int count[2] = { 0, 0 };
	double last[2] = { 0, 0 };

	for (size_t i = 0; i < c->reach.n; i++) {
		igraph_integer_t u = c->reach.v[i];
		double s = round(CM_SUGGEST_W_PEER2 * (double)c->peers_near[u] /
		                 (double)(c->peers_near[u] + 1) * 1000.0);
		int kind;

		/* both kinds full and the score below both: nothing further can enter */
		if (count[0] >= r->top && s < last[0] && (in_main || (count[1] >= r->top && s < last[1])))
			break;
		if (u == c->target || sg_is_partner(c, u) || r->added[u] == c->stamp_no)
			continue;
		kind = sg_joins_main(c, u);
		if (count[kind] >= r->top && s != last[kind])
			continue;
		add_cand(r, u);
		last[kind] = s;
		count[kind]++;
	}
}

/* Rank the candidates of target v and append its rows. */
static int suggest_target(struct run *r, igraph_integer_t v)
{
	const sg_ctx *c = &r->c;
	int rv = c->region[v];
	size_t first;
	int rc = 0;

	r->n_cand = 0;
	for (igraph_integer_t k = 0; k < igraph_vector_int_size(&c->touched); k++)
		add_cand(r, VECTOR(c->touched)[k]);
	if (rv >= 0 && c->is_focus[v]) {
		walk_list(r, &c->focus_of[rv]);
		for (size_t b = 0; b < c->n_reg; b++)
			if (c->reg_adj[(size_t)rv * c->n_reg + b])
				walk_list(r, &c->focus_of[b]);
		for (size_t b = 0; b < c->n_reg; b++)
			if ((int)b != rv && c->club_of[rv] >= 0 && c->club_of[b] == c->club_of[rv] &&
			    !c->reg_adj[(size_t)rv * c->n_reg + b])
				walk_list(r, &c->focus_of[b]);
	}
	if (rv >= 0)
		walk_list(r, &c->crpv_of[rv]);
	if (!c->target_peer2)
		walk_reach(r);
	if (r->n_cand > 1)
		qsort(r->cand, r->n_cand, sizeof(*r->cand), cand_cmp);
	if (r->n_cand > (size_t)r->top)
		r->n_cand = (size_t)r->top;
	first = cm_table_nrows(r->t);
	if ((rc = cm_table_add_rows(r->t, r->n_cand)) < 0)
		return rc;
	for (size_t i = 0; i < r->n_cand; i++) {
		igraph_integer_t u = r->cand[i].u;
		size_t row = first + i;

		if ((rc = cm_table_set_string(r->t, row, 0, cm_network_vattr(c->net, CM_ATTR_ID, v))) < 0 ||
		    (rc = cm_table_set_string(r->t, row, 1, cm_network_vattr(c->net, CM_ATTR_LABEL, v))) < 0 ||
		    (rc = cm_table_set_string(r->t, row, 2, r->cand[i].id)) < 0 ||
		    (rc = cm_table_set_string(r->t, row, 3, cm_network_vattr(c->net, CM_ATTR_LABEL, u))) < 0 ||
		    (rc = cm_table_set_string(r->t, row, 4, cm_network_vattr(c->net, CM_ATTR_TYPE, u))) < 0 ||
		    (rc = cm_table_set_string(r->t, row, 5, cm_network_vattr(c->net, CM_ATTR_REGION, u))) < 0)
			return rc;
		cm_table_set_number(r->t, row, 6, r->cand[i].score);
		if ((rc = sg_reasons(&r->why, c, u)) < 0 ||
		    (rc = cm_table_set_string(r->t, row, 7, r->why.s)) < 0)
			return rc;
	}
	return 0;
}

/* Vertices by id (qsort and bsearch). */
static const cm_network *id_net;

/* Compare two vertices by id. */
static int vid_cmp(const void *pa, const void *pb)
{
	return strcmp(cm_network_vattr(id_net, CM_ATTR_ID, *(const igraph_integer_t *)pa),
	              cm_network_vattr(id_net, CM_ATTR_ID, *(const igraph_integer_t *)pb));
}

/* Compare an id with a vertex's id (bsearch). */
static int key_cmp(const void *key, const void *pb)
{
	return strcmp(key, cm_network_vattr(id_net, CM_ATTR_ID, *(const igraph_integer_t *)pb));
}

/* The targets: the given actors, or the focus actors of level >= o->level, most isolated first. */
static int find_targets(igraph_integer_t **out, size_t *n_out, const cm_network *net,
                        const cm_suggest_options *o)
{
	igraph_integer_t n = cm_network_actors(net), *byid = NULL, *t = NULL;
	cm_table *iso = NULL;
	size_t k = 0;
	int rc = 0;

	byid = malloc(((size_t)n + 1) * sizeof(*byid));
	t = malloc(((size_t)n + o->n_actors + 1) * sizeof(*t));
	if (!byid || !t) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++)
		byid[v] = v;
	id_net = net;
	qsort(byid, (size_t)n, sizeof(*byid), vid_cmp);
	if (o->n_actors) {
		for (size_t i = 0; i < o->n_actors; i++) {
			igraph_integer_t *hit = bsearch(o->actors[i], byid, (size_t)n, sizeof(*byid), key_cmp);

			if (!hit) {
				rc = cm_error_set(CM_EUSAGE, _("no actor '%s' in %s"), o->actors[i], net->source);
				goto done;
			}
			t[k++] = *hit;
		}
	} else {
		int c_id, c_level;

		if ((rc = cm_isolated_compute(&iso, net, o->type, o->min_size)) < 0)
			goto done;
		c_id = cm_table_column(iso, "id");
		c_level = cm_table_column(iso, "level");
		for (size_t i = 0; i < cm_table_nrows(iso); i++) {
			igraph_integer_t *hit;

			if (cm_table_get_number(iso, i, (size_t)c_level) < o->level)
				continue;
			hit = bsearch(cm_table_get_string(iso, i, (size_t)c_id), byid, (size_t)n,
			              sizeof(*byid), key_cmp);
			if (hit)
				t[k++] = *hit;
		}
	}
	*out = t;
	*n_out = k;
	t = NULL;
done:
	free(byid);
	free(t);
	cm_table_free(iso);
	return rc;
}

/* Build an empty table with the columns of coopmap suggest. */
static int suggest_table(cm_table **out)
{
	static const char *const names[] = { N_("actor"), N_("actor_label"), N_("candidate"), N_("candidate_label"),
		                             N_("candidate_type"), N_("candidate_region"), N_("score"), N_("reasons") };
	int rc;

	if ((rc = cm_table_new(out)) < 0)
		return rc;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if ((rc = cm_table_add_column(*out, names[i], i == 6 ? CM_COL_REAL : CM_COL_STRING)) < 0)
			return rc;
	return 0;
}

/* Suggest whom each target could meet: targets, batches of Adamic-Adar, candidates, rows. */
int cm_suggest_compute(cm_table **out, const cm_network *net, const cm_suggest_options *o)
{
	struct run r = { 0 };
	igraph_matrix_t aa = { 0 };
	igraph_integer_t *targets = NULL, *tied = NULL, n = cm_network_actors(net);
	size_t n_targets = 0, batch;
	int rc = 0;

	*out = NULL;
	if (o->top < 1)
		return cm_error_set(CM_EUSAGE, _("the number of suggestions must be at least 1, not %d"), o->top);
	if (o->level < 0 || o->level > 3)
		return cm_error_set(CM_EUSAGE, _("the isolation level must be 0 to 3, not %d"), o->level);
	if (o->min_size < 0)
		return cm_error_set(CM_EUSAGE, _("the critical mass must be positive, not %d"), o->min_size);
	if (!o->n_actors && (rc = cm_analysis_focus_type(net, o->type ? o->type : CM_DEFAULT_FOCUS_TYPE)) < 0)
		return rc;
	r.top = o->top;
	if ((rc = find_targets(&targets, &n_targets, net, o)) < 0 ||
	    (rc = sg_ctx_init(&r.c, net, o->type, o->regions, o->min_size)) < 0 ||
	    (rc = suggest_table(&r.t)) < 0)
		goto done;
	CM_IG(igraph_vector_int_reserve(&r.c.touched, n + 1), "listing candidates");
	CM_IG(igraph_matrix_init(&aa, 0, 0), "computing Adamic-Adar similarity");
	r.cand = malloc(((size_t)n + 1) * sizeof(*r.cand));
	r.added = calloc((size_t)n + 1, sizeof(*r.added));
	tied = malloc((n_targets + 1) * sizeof(*tied));
	if (!r.cand || !r.added || !tied) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	/* Adamic-Adar for batches of targets that have ties (no common partner otherwise) */
	batch = SG_AA_CELLS / ((size_t)n + 1);
	if (batch < 1)
		batch = 1;
	for (size_t i = 0; i < n_targets;) {
		size_t end = i + batch < n_targets ? i + batch : n_targets, k = 0;

		for (size_t j = i; j < end; j++)
			if (igraph_vector_int_size(igraph_adjlist_get(&r.c.adj, targets[j])) > 0)
				tied[k++] = targets[j];
		if (k > 0 && (rc = sg_adamic_adar(&aa, &r.c, tied, k)) < 0)
			goto done;
		for (size_t j = i, row = 0; j < end; j++) {
			int has_ties = k > 0 && row < k && tied[row] == targets[j];

			if (cm_interrupted()) {
				rc = cm_error_set(CM_EINTERRUPTED, _("interrupted"));
				goto done;
			}
			sg_target(&r.c, targets[j], has_ties ? &aa : NULL, (igraph_integer_t)row);
			row += has_ties;
			if ((rc = suggest_target(&r, targets[j])) < 0)
				goto done;
		}
		i = end;
	}
	*out = r.t;
	r.t = NULL;
done:
	igraph_matrix_destroy(&aa);
	sg_ctx_free(&r.c);
	cm_table_free(r.t);
	cm_strbuf_free(&r.why);
	free(r.cand);
	free(r.added);
	free(targets);
	free(tied);
	return rc;
}
