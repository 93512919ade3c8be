/*
 * The score of coopmap suggest: structure (common partners), attributes
 * (region, neighbouring region, club, resource centre) and reach.  Weights
 * in coopmap/suggest.h, their justification in docs/analysis.md.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/clubs.h"
#include "coopmap/isolated.h"
#include "coopmap/network.h"
#include "coopmap/suggest.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "measure/suggest_score.h"
#include "base/i18n.h"

/* Vertex order for the region lists: by region index, then by id. */
static const sg_ctx *sort_ctx;

/* Compare two vertices by region text, then id (qsort). */
static int by_region_id(const void *pa, const void *pb)
{
	igraph_integer_t a = *(const igraph_integer_t *)pa, b = *(const igraph_integer_t *)pb;
	int r = strcmp(cm_network_vattr(sort_ctx->net, CM_ATTR_REGION, a),
	               cm_network_vattr(sort_ctx->net, CM_ATTR_REGION, b));

	if (r)
		return r;
	return strcmp(cm_network_vattr(sort_ctx->net, CM_ATTR_ID, a),
	              cm_network_vattr(sort_ctx->net, CM_ATTR_ID, b));
}

/* Split the vertices flagged in `flag` into per-region lists sorted by id. */
static int region_lists(sg_list **out, const sg_ctx *c, const char *flag, igraph_integer_t *all,
                        size_t n_all)
{
	sg_list *l = calloc(c->n_reg + 1, sizeof(*l));
	size_t k = 0;

	if (!l)
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	*out = l;
	for (size_t i = 0; i < n_all; i++) {
		igraph_integer_t v = all[i];

		if (flag[v] && c->region[v] >= 0)
			all[k++] = v;
	}
	for (size_t i = 0; i < k;) {
		int r = c->region[all[i]];
		size_t j = i;

		while (j < k && c->region[all[j]] == r)
			j++;
		l[r].v = malloc((j - i) * sizeof(*l[r].v));
		if (!l[r].v)
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		memcpy(l[r].v, all + i, (j - i) * sizeof(*l[r].v));
		l[r].n = j - i;
		i = j;
	}
	return 0;
}

/* Index the regions: names, region of each vertex, adjacency, clubs, lists. */
static int sg_regions(sg_ctx *c, const cm_regions *regions, int min_size)
{
	igraph_integer_t *order = malloc(((size_t)c->n + 1) * sizeof(*order));
	igraph_integer_t *tmp = malloc(((size_t)c->n + 1) * sizeof(*tmp));
	int rc = 0;

	if (!order || !tmp) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t v = 0; v < c->n; v++)
		order[v] = v;
	sort_ctx = c;
	qsort(order, (size_t)c->n, sizeof(*order), by_region_id);
	for (igraph_integer_t i = 0; i < c->n; i++) {
		const char *r = cm_network_vattr(c->net, CM_ATTR_REGION, order[i]);

		if (!r[0]) {
			c->region[order[i]] = -1;
			continue;
		}
		if (!c->n_reg || strcmp(c->rname[c->n_reg - 1], r))
			c->rname[c->n_reg++] = r;
		c->region[order[i]] = (int)c->n_reg - 1;
	}
	c->reg_adj = calloc(c->n_reg * c->n_reg + 1, 1);
	c->club_of = malloc((c->n_reg + 1) * sizeof(*c->club_of));
	if (!c->reg_adj || !c->club_of) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (size_t a = 0; a < c->n_reg; a++) {
		c->club_of[a] = -1;
		for (size_t b = 0; regions && b < c->n_reg; b++)
			c->reg_adj[a * c->n_reg + b] = a != b && cm_regions_adjacent(regions, c->rname[a], c->rname[b]);
	}
	if (regions) {
		if ((rc = cm_clubs_compute(&c->clubs, c->net, regions, c->type, min_size)) < 0)
			goto done;
		for (size_t k = 0; k < c->clubs.n_clubs; k++)
			for (size_t j = 0; j < c->clubs.clubs[k].n_regions; j++)
				for (size_t a = 0; a < c->n_reg; a++)
					if (!strcmp(c->rname[a], c->clubs.clubs[k].regions[j]))
						c->club_of[a] = (int)k;
	}
	memcpy(tmp, order, (size_t)c->n * sizeof(*tmp));
	if ((rc = region_lists(&c->focus_of, c, c->is_focus, tmp, (size_t)c->n)) < 0)
		goto done;
	memcpy(tmp, order, (size_t)c->n * sizeof(*tmp));
	rc = region_lists(&c->crpv_of, c, c->is_crpv, tmp, (size_t)c->n);
done:
	free(order);
	free(tmp);
	return rc;
}

/* Most peers near first, then by id (qsort). */
static int by_reach_id(const void *pa, const void *pb)
{
	igraph_integer_t a = *(const igraph_integer_t *)pa, b = *(const igraph_integer_t *)pb;

	if (sort_ctx->peers_near[a] != sort_ctx->peers_near[b])
		return sort_ctx->peers_near[a] > sort_ctx->peers_near[b] ? -1 : 1;
	return strcmp(cm_network_vattr(sort_ctx->net, CM_ATTR_ID, a),
	              cm_network_vattr(sort_ctx->net, CM_ATTR_ID, b));
}

/* Prepare what the score needs of the whole network. */
int sg_ctx_init(sg_ctx *c, const cm_network *net, const char *type, const cm_regions *regions,
                int min_size)
{
	igraph_vector_int_t csize = { 0 };
	int rc = 0;

	memset(c, 0, sizeof(*c));
	c->net = net;
	c->type = type ? type : CM_DEFAULT_FOCUS_TYPE;
	c->n = cm_network_actors(net);
	c->target = -1;
	CM_IG(igraph_adjlist_init(&net->graph, &c->adj, IGRAPH_ALL, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE),
	      "listing neighbours");
	CM_IG(igraph_vector_int_init(&c->membership, 0), "finding components");
	CM_IG(igraph_vector_int_init(&csize, 0), "finding components");
	CM_IG(igraph_vector_int_init(&c->touched, 0), "listing candidates");
	CM_IG(igraph_connected_components(&net->graph, &c->membership, &csize, NULL, IGRAPH_WEAK),
	      "finding components");
	c->main_comp = igraph_vector_int_size(&csize) ? igraph_vector_int_which_max(&csize) : -1;
	c->is_focus = calloc((size_t)c->n + 1, 1);
	c->is_crpv = calloc((size_t)c->n + 1, 1);
	c->peers_near = calloc((size_t)c->n + 1, sizeof(*c->peers_near));
	c->reach.v = malloc(((size_t)c->n + 1) * sizeof(*c->reach.v));
	c->region = malloc(((size_t)c->n + 1) * sizeof(*c->region));
	c->rname = malloc(((size_t)c->n + 1) * sizeof(*c->rname));
	c->seen = calloc((size_t)c->n + 1, sizeof(*c->seen));
	c->partner = calloc((size_t)c->n + 1, sizeof(*c->partner));
	c->ra = calloc((size_t)c->n + 1, sizeof(*c->ra));
	if (!c->is_focus || !c->is_crpv || !c->peers_near || !c->reach.v || !c->region || !c->rname || !c->seen ||
	    !c->partner || !c->ra) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t v = 0; v < c->n; v++) {
		const char *t = cm_network_vattr(net, CM_ATTR_TYPE, v);

		c->is_focus[v] = !strcmp(t, c->type);
		c->is_crpv[v] = !strcmp(t, "crpv");
	}
	for (igraph_integer_t v = 0; v < c->n; v++) {
		igraph_vector_int_t *nb = igraph_adjlist_get(&c->adj, v);

		c->peers_near[v] = c->is_focus[v];
		for (igraph_integer_t k = 0; k < igraph_vector_int_size(nb); k++)
			c->peers_near[v] += c->is_focus[VECTOR(*nb)[k]];
		if (c->peers_near[v])
			c->reach.v[c->reach.n++] = v;
	}
	sort_ctx = c;
	if (c->reach.n > 1)
		qsort(c->reach.v, c->reach.n, sizeof(*c->reach.v), by_reach_id);
	rc = sg_regions(c, regions, min_size);
done:
	igraph_vector_int_destroy(&csize);
	return rc;
}

/* Free a list per region. */
static void lists_free(sg_list *l, size_t n)
{
	for (size_t i = 0; l && i < n; i++)
		free(l[i].v);
	free(l);
}

/* Free what sg_ctx_init() allocated. */
void sg_ctx_free(sg_ctx *c)
{
	igraph_adjlist_destroy(&c->adj);
	igraph_vector_int_destroy(&c->membership);
	igraph_vector_int_destroy(&c->touched);
	free(c->is_focus);
	free(c->is_crpv);
	free(c->peers_near);
	free(c->reach.v);
	free(c->region);
	free(c->rname);
	free(c->reg_adj);
	free(c->club_of);
	cm_clubs_free(&c->clubs);
	lists_free(c->focus_of, c->n_reg);
	lists_free(c->crpv_of, c->n_reg);
	free(c->seen);
	free(c->partner);
	free(c->ra);
	memset(c, 0, sizeof(*c));
}

/* Adamic-Adar of the vertices vids[0..k) against every vertex, by igraph. */
int sg_adamic_adar(igraph_matrix_t *res, const sg_ctx *c, const igraph_integer_t *vids, size_t k)
{
	igraph_vector_int_t v = { 0 };
	int rc = 0;

	igraph_vector_int_view(&v, vids, (igraph_integer_t)k);
	CM_IG(igraph_similarity_inverse_log_weighted(&c->net->graph, res, igraph_vss_vector(&v), IGRAPH_ALL),
	      "computing Adamic-Adar similarity");
done:
	return rc;
}

/* Walk two steps from v: partners, resource allocation, peers within two steps. */
void sg_target(sg_ctx *c, igraph_integer_t v, const igraph_matrix_t *aa, igraph_integer_t row)
{
	igraph_vector_int_t *nb = igraph_adjlist_get(&c->adj, v);
	igraph_integer_t deg = igraph_vector_int_size(nb);

	c->target = v;
	c->stamp_no++;
	c->target_peer2 = 0;
	c->aa = aa ? &MATRIX(*aa, row, 0) : NULL;
	c->aa_stride = aa ? (size_t)igraph_matrix_nrow(aa) : 0;
	igraph_vector_int_clear(&c->touched);
	for (igraph_integer_t k = 0; k < deg; k++)
		c->partner[VECTOR(*nb)[k]] = c->stamp_no;
	for (igraph_integer_t k = 0; k < deg; k++) {
		igraph_integer_t w = VECTOR(*nb)[k];
		igraph_vector_int_t *nb2 = igraph_adjlist_get(&c->adj, w);
		igraph_integer_t dw = igraph_vector_int_size(nb2);

		if (c->is_focus[w])
			c->target_peer2 = 1;
		for (igraph_integer_t j = 0; j < dw; j++) {
			igraph_integer_t x = VECTOR(*nb2)[j];

			if (x == v)
				continue;
			if (c->is_focus[x])
				c->target_peer2 = 1;
			if (c->partner[x] == c->stamp_no)
				continue;
			if (c->seen[x] != c->stamp_no) {
				c->seen[x] = c->stamp_no;
				c->ra[x] = 0;
				/* the vector has room for every vertex: reserved by the caller */
				igraph_vector_int_push_back(&c->touched, x);
			}
			c->ra[x] += 1.0 / (double)dw;
		}
	}
}

/* Is u tied to the current target? */
int sg_is_partner(const sg_ctx *c, igraph_integer_t u)
{
	return c->partner[u] == c->stamp_no;
}

/* Attribute class of u for the current target: same region, neighbouring, club, crpv. */
int sg_class(const sg_ctx *c, igraph_integer_t u)
{
	igraph_integer_t v = c->target;
	int rv = c->region[v], ru = c->region[u];

	if (rv < 0 || ru < 0)
		return SG_NONE;
	if (c->is_focus[v] && c->is_focus[u]) {
		if (rv == ru)
			return SG_SAME_REGION;
		if (c->reg_adj[(size_t)rv * c->n_reg + (size_t)ru])
			return SG_NEIGHBOUR;
		if (c->club_of[rv] >= 0 && c->club_of[rv] == c->club_of[ru])
			return SG_CLUB;
	}
	if (c->is_crpv[u] && rv == ru)
		return SG_CRPV;
	return SG_NONE;
}

/* Would a tie to u bring the target into the main component? */
int sg_joins_main(const sg_ctx *c, igraph_integer_t u)
{
	return VECTOR(c->membership)[c->target] != c->main_comp &&
	       VECTOR(c->membership)[u] == c->main_comp;
}

/* Would a tie to u bring a target without one a peer within two steps? */
int sg_brings_peer(const sg_ctx *c, igraph_integer_t u)
{
	return !c->target_peer2 && c->peers_near[u] > 0;
}

/* The score of u for the current target (weights in coopmap/suggest.h). */
double sg_score(const sg_ctx *c, igraph_integer_t u)
{
	static const double w_class[] = { 0, CM_SUGGEST_W_SAME_REGION, CM_SUGGEST_W_NEIGHBOUR,
	                                  CM_SUGGEST_W_CLUB, CM_SUGGEST_W_CRPV };
	double s = w_class[sg_class(c, u)];

	if (c->seen[u] == c->stamp_no)
		s += CM_SUGGEST_W_RA * c->ra[u];
	if (c->aa)
		s += CM_SUGGEST_W_AA * c->aa[(size_t)u * c->aa_stride];
	if (sg_joins_main(c, u))
		s += CM_SUGGEST_W_JOIN;
	if (sg_brings_peer(c, u)) /* p peers brought count p/(p+1): the first the most */
		s += CM_SUGGEST_W_PEER2 * (double)c->peers_near[u] / (double)(c->peers_near[u] + 1);
	return s;
}

/* Common partners by weight (fewest partners first), then id (qsort). */
static int by_degree_id(const void *pa, const void *pb)
{
	igraph_integer_t a = *(const igraph_integer_t *)pa, b = *(const igraph_integer_t *)pb;
	igraph_integer_t da = igraph_vector_int_size(igraph_adjlist_get(&sort_ctx->adj, a));
	igraph_integer_t db = igraph_vector_int_size(igraph_adjlist_get(&sort_ctx->adj, b));

	if (da != db)
		return da < db ? -1 : 1;
	return strcmp(cm_network_vattr(sort_ctx->net, CM_ATTR_ID, a),
	              cm_network_vattr(sort_ctx->net, CM_ATTR_ID, b));
}

/* "both work with A", "A and B", "A, B and N others": the common partners of target and u. */
static int common_reason(cm_strbuf *b, const sg_ctx *c, igraph_integer_t u)
{
	igraph_vector_int_t *a = igraph_adjlist_get(&c->adj, c->target);
	igraph_vector_int_t *nu = igraph_adjlist_get(&c->adj, u);
	igraph_integer_t na = igraph_vector_int_size(a), nb = igraph_vector_int_size(nu);
	igraph_integer_t *common = malloc(((size_t)(na < nb ? na : nb) + 1) * sizeof(*common));
	size_t k = 0;
	int rc = 0;

	if (!common)
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	/* adjacency lists are sorted: merge them */
	for (igraph_integer_t i = 0, j = 0; i < na && j < nb;) {
		if (VECTOR(*a)[i] < VECTOR(*nu)[j])
			i++;
		else if (VECTOR(*a)[i] > VECTOR(*nu)[j])
			j++;
		else {
			common[k++] = VECTOR(*a)[i];
			i++;
			j++;
		}
	}
	sort_ctx = c;
	qsort(common, k, sizeof(*common), by_degree_id);
	if (k > 0)
		rc = cm_strbuf_printf(b, R_("%sboth work with %s"), b->len ? R_("; ") : "",
		                      cm_network_vattr(c->net, CM_ATTR_LABEL, common[0]));
	if (rc == 0 && k == 2)
		rc = cm_strbuf_printf(b, R_(" and %s"), cm_network_vattr(c->net, CM_ATTR_LABEL, common[1]));
	else if (rc == 0 && k > 2)
		rc = cm_strbuf_printf(b, RN_(", %s and %zu other", ", %s and %zu others", k - 2),
		                      cm_network_vattr(c->net, CM_ATTR_LABEL, common[1]), k - 2);
	free(common);
	return rc;
}

/* The reasons of u for the current target, in words. */
int sg_reasons(cm_strbuf *b, const sg_ctx *c, igraph_integer_t u)
{
	int is_cite = !strcmp(c->type, CM_DEFAULT_FOCUS_TYPE);
	const char *peer = is_cite ? R_("peer cité") : R_("peer");
	int cls = sg_class(c, u), rc;
	const char *ru = c->region[u] >= 0 ? c->rname[c->region[u]] : "";

	b->len = 0;
	if ((rc = cm_strbuf_add(b, "", 0)) < 0 || (rc = common_reason(b, c, u)) < 0)
		return rc;
	if (b->len && cls != SG_NONE && (rc = cm_strbuf_puts(b, R_("; "))) < 0)
		return rc;
	switch (cls) {
	case SG_SAME_REGION:
		rc = cm_strbuf_printf(b, R_("%s in the same region (%s)"), peer, ru);
		break;
	case SG_NEIGHBOUR:
		rc = cm_strbuf_printf(b, R_("%s in a neighbouring region (%s)"), peer, ru);
		break;
	case SG_CLUB:
		rc = cm_strbuf_printf(b, R_("%s in the same proposed club (%s, Club %d)"), peer, ru,
		                      c->club_of[c->region[u]] + 1);
		break;
	case SG_CRPV:
		rc = cm_strbuf_printf(b, R_("resource centre of its region (%s), not yet in touch"), ru);
		break;
	default:
		break;
	}
	if (rc < 0)
		return rc;
	if (sg_joins_main(c, u) &&
	    (rc = cm_strbuf_printf(b, R_("%swould join the main network"), b->len ? R_("; ") : "")) < 0)
		return rc;
	if (sg_brings_peer(c, u) && c->peers_near[u] == 1)
		rc = is_cite ? cm_strbuf_printf(b, R_("%swould bring a peer cité within two steps"), b->len ? R_("; ") : "")
		             : cm_strbuf_printf(b, R_("%swould bring a peer of type '%s' within two steps"),
		                                b->len ? R_("; ") : "", c->type);
	else if (sg_brings_peer(c, u))
		rc = is_cite ? cm_strbuf_printf(b, R_("%swould bring %ld peer cités within two steps"),
		                                b->len ? R_("; ") : "", (long)c->peers_near[u])
		             : cm_strbuf_printf(b, R_("%swould bring %ld peers of type '%s' within two steps"),
		                                b->len ? R_("; ") : "", (long)c->peers_near[u], c->type);
	return rc;
}
