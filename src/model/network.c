/* The network model: wrapping a graph, freeing it, and the accessors. */
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/network.h"
#include "base/error.h"
#include "base/text.h"
#include "model/raw.h"
#include "base/i18n.h"

/* Move the graph into a new cm_network (the graph is destroyed on failure). */
int cm_network_adopt(cm_network **out, igraph_t *g, const char *source)
{
	cm_network *net = calloc(1, sizeof(*net));
	char *src = cm_strdup(source ? source : "");

	if (!net || !src) {
		free(net);
		free(src);
		igraph_destroy(g);
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	}
	net->graph = *g;
	net->source = src;
	net->directed = igraph_is_directed(g);
	*out = net;
	return 0;
}

/* Wrap a graph that carries (some of) the model's attributes; see coopmap/network.h. */
int cm_network_wrap(cm_network **out, igraph_t *graph, const char *source)
{
	igraph_t g = *graph;
	int rc;

	*out = NULL;
	if ((rc = cm_network_check_text(&g, source)) < 0 || (rc = cm_raw_map_names(&g, source)) < 0 ||
	    (rc = cm_raw_normalize(&g, source, 0)) < 0) {
		igraph_destroy(&g);
		return rc;
	}
	cm_attr_remove(&g, 0, CM_ATTR_LISTED);
	return cm_network_adopt(out, &g, source);
}

/* Free a network and its graph (NULL is allowed). */
void cm_network_free(cm_network *net)
{
	if (!net)
		return;
	igraph_destroy(&net->graph);
	free(net->source);
	free(net);
}

/* Whether name is one of the NULL-terminated list. */
static int listed_in(const char *const *list, const char *name)
{
	for (; list && *list; list++)
		if (!strcmp(*list, name))
			return 1;
	return 0;
}

/* Remove the vertex and edge attributes a computation will not read (see network.h). */
int cm_network_keep_attrs(cm_network *net, const char *const *vertex, const char *const *edge)
{
	igraph_strvector_t names;
	int rc = 0;

	if (igraph_strvector_init(&names, 0))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	for (int edges = 0; edges < 2 && rc == 0; edges++) {
		if ((rc = cm_attr_names(&net->graph, edges, &names)) < 0)
			break;
		for (igraph_integer_t i = 0; i < igraph_strvector_size(&names); i++) {
			const char *name = igraph_strvector_get(&names, i);

			if (!listed_in(edges ? edge : vertex, name))
				cm_attr_remove(&net->graph, edges, name);
		}
	}
	igraph_strvector_destroy(&names);
	return rc;
}

/* The number of actors. */
igraph_integer_t cm_network_actors(const cm_network *net)
{
	return igraph_vcount(&net->graph);
}

/* The number of ties. */
igraph_integer_t cm_network_ties(const cm_network *net)
{
	return igraph_ecount(&net->graph);
}

/* The vertex of actor id (a linear search), or -1. */
igraph_integer_t cm_network_find(const cm_network *net, const char *id)
{
	igraph_integer_t n = igraph_vcount(&net->graph);

	if (!id || !igraph_cattribute_has_attr(&net->graph, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID))
		return -1;
	for (igraph_integer_t v = 0; v < n; v++)
		if (!strcmp(VAS(&net->graph, CM_ATTR_ID, v), id))
			return v;
	return -1;
}

/* The model's vertex attributes are text in every cm_network (cm_raw_normalize). */
static int model_text_attr(const char *attr)
{
	return !strcmp(attr, CM_ATTR_ID) || !strcmp(attr, CM_ATTR_LABEL) ||
	       !strcmp(attr, CM_ATTR_TYPE) || !strcmp(attr, CM_ATTR_REGION);
}

/* Vertex string attribute attr of v, or "" when absent, not text or v out of range. */
const char *cm_network_vattr(const cm_network *net, const char *attr, igraph_integer_t v)
{
	if (!net || !attr || v < 0 || v >= igraph_vcount(&net->graph))
		return "";
	/* called in loops over actors: listing the attributes each time is too slow */
	if (model_text_attr(attr)) {
		if (!igraph_cattribute_has_attr(&net->graph, IGRAPH_ATTRIBUTE_VERTEX, attr))
			return "";
	} else if (cm_attr_type(&net->graph, IGRAPH_ATTRIBUTE_VERTEX, attr) != IGRAPH_ATTRIBUTE_STRING) {
		return "";
	}
	return VAS(&net->graph, attr, v);
}
