/*
 * The regional cooperation map (render --by region): the actors grouped by
 * an attribute, each group one node, ties between groups counted.  The
 * quotient graph is igraph's: igraph_contract_vertices() then
 * igraph_simplify() summing the tie counts and weights.
 */
#include <stdlib.h>
#include <string.h>

#include "present/map/regional.h"
#include "coopmap/common.h"
#include "coopmap/network.h"
#include "base/error.h"
#include "present/map/group.h"
#include "present/map/map.h"

/* Build the group network (see regional.h). */
int cm_map_regional_network(cm_network **out, const cm_network *net, const char *attr, const char *focus)
{
	const igraph_t *graph = &net->graph;
	igraph_integer_t n = igraph_vcount(graph), m = igraph_ecount(graph), k;
	igraph_vector_int_t edges = { 0 }, map = { 0 };
	igraph_vector_t w = { 0 }, ties = { 0 }, focus_n = { 0 }, actors = { 0 }, internal = { 0 };
	igraph_attribute_combination_t comb;
	int have_comb = 0, rc = 0, has_type = cm_map_has_string_vattr(graph, CM_ATTR_TYPE);
	int has_weight = igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_WEIGHT);
	igraph_t q;
	int have_q = 0;
	grouping gr = { 0 };

	*out = NULL;
	if ((rc = cm_map_group_by(&gr, graph, attr, OTHER_SLOT)) < 0)
		return rc;
	k = gr.n ? (igraph_integer_t)gr.n : n > 0;
	CM_IG(igraph_vector_int_init(&edges, 0), "grouping actors");
	CM_IG(igraph_get_edgelist(graph, &edges, 0), "grouping actors");
	CM_IG(igraph_vector_int_init(&map, n), "grouping actors");
	CM_IG(igraph_vector_init(&focus_n, k), "grouping actors");
	CM_IG(igraph_vector_init(&actors, k), "grouping actors");
	CM_IG(igraph_vector_init(&internal, k), "grouping actors");
	for (igraph_integer_t v = 0; v < n; v++) {
		igraph_integer_t g = gr.n ? (igraph_integer_t)gr.vindex[v] : 0;

		VECTOR(map)[v] = g;
		VECTOR(actors)[g] += 1;
		if (has_type && focus && !strcmp(VAS(graph, CM_ATTR_TYPE, v), focus))
			VECTOR(focus_n)[g] += 1;
	}
	/* the ties between actors, without their attributes: weight, and 1 to count them */
	CM_IG(igraph_create(&q, &edges, n, IGRAPH_UNDIRECTED), "grouping actors");
	have_q = 1;
	CM_IG(igraph_vector_init(&w, m), "grouping actors");
	CM_IG(igraph_vector_init(&ties, m), "grouping actors");
	for (igraph_integer_t e = 0; e < m; e++) {
		VECTOR(w)[e] = has_weight ? EAN(graph, CM_ATTR_WEIGHT, e) : 1;
		VECTOR(ties)[e] = 1;
	}
	CM_IG(SETEANV(&q, "total_weight", &w), "grouping actors");
	CM_IG(SETEANV(&q, CM_ATTR_WEIGHT, &ties), "grouping actors");
	CM_IG(igraph_contract_vertices(&q, &map, NULL), "grouping actors");
	/* a tie inside a group became a loop: count it there */
	for (igraph_integer_t e = 0; e < igraph_ecount(&q); e++)
		if (IGRAPH_FROM(&q, e) == IGRAPH_TO(&q, e))
			VECTOR(internal)[IGRAPH_FROM(&q, e)] += 1;
	CM_IG(igraph_attribute_combination_init(&comb), "grouping actors");
	have_comb = 1;
	CM_IG(igraph_attribute_combination_add(&comb, CM_ATTR_WEIGHT, IGRAPH_ATTRIBUTE_COMBINE_SUM, NULL),
	      "grouping actors");
	CM_IG(igraph_attribute_combination_add(&comb, "total_weight", IGRAPH_ATTRIBUTE_COMBINE_SUM, NULL),
	      "grouping actors");
	CM_IG(igraph_simplify(&q, 1, 1, &comb), "grouping actors");
	for (igraph_integer_t g = 0; g < k; g++) {
		const char *value = gr.n && gr.values[g][0] ? gr.values[g] : REGIONAL_NONE;

		CM_IG(SETVAS(&q, CM_ATTR_ID, g, value), "grouping actors");
		CM_IG(SETVAS(&q, CM_ATTR_LABEL, g, value), "grouping actors");
		if (!strcmp(attr, CM_ATTR_REGION))
			CM_IG(SETVAS(&q, CM_ATTR_REGION, g, gr.n ? gr.values[g] : ""), "grouping actors");
	}
	/* the network's own form (text attributes, weights checked), then the counts as numbers */
	CM_IG(igraph_vector_resize(&w, igraph_ecount(&q)), "grouping actors");
	CM_IG(EANV(&q, "total_weight", &w), "grouping actors");
	igraph_cattribute_remove_e(&q, "total_weight");
	have_q = 0;
	if ((rc = cm_network_wrap(out, &q, net->source)) < 0)
		goto done;
	CM_IG(SETVANV(&(*out)->graph, "focus_actors", &focus_n), "grouping actors");
	CM_IG(SETVANV(&(*out)->graph, "actors", &actors), "grouping actors");
	CM_IG(SETVANV(&(*out)->graph, "internal_ties", &internal), "grouping actors");
	CM_IG(SETEANV(&(*out)->graph, "total_weight", &w), "grouping actors");
done:
	if (rc < 0 && *out) {
		cm_network_free(*out);
		*out = NULL;
	}
	if (have_q)
		igraph_destroy(&q);
	if (have_comb)
		igraph_attribute_combination_destroy(&comb);
	igraph_vector_int_destroy(&edges);
	igraph_vector_int_destroy(&map);
	igraph_vector_destroy(&w);
	igraph_vector_destroy(&ties);
	igraph_vector_destroy(&focus_n);
	igraph_vector_destroy(&actors);
	igraph_vector_destroy(&internal);
	cm_map_grouping_free(&gr);
	return rc;
}
