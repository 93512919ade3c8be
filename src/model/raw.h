/*
 * Raw graphs: what a reader produces before the pipeline makes it a
 * cm_network (any attribute names, strings or numbers), and the steps
 * that bring one to the model (model/attrs.c, model/normalize.c,
 * model/network.c).
 */
#ifndef COOPMAP_MODEL_RAW_H
#define COOPMAP_MODEL_RAW_H

#include <igraph.h>

#include "coopmap/network.h"

/*
 * Optional numeric vertex attribute of a raw graph, non-zero for actors
 * listed in an actor table (kept by the year filters even when they lose
 * all their ties).  The pipeline removes it; when absent every actor
 * counts as listed.
 */
#define CM_ATTR_LISTED "coopmap:listed"

/*
 * What a reader has already ensured of its raw graph, so that the steps
 * below and the pipeline (filter/filter.h) skip their checks: a mask.
 */
#define CM_READY_NAMES 1u   /* "name" holds unique, non-empty text for every actor */
#define CM_READY_NUMBERS 2u /* "weight" numeric, positive, finite; "year" numeric, whole or NaN */
#define CM_READY_MERGED 4u  /* no self-loop and no repeated tie; directed only if asked */
#define CM_READY_NUMERIC 8u /* other numeric attributes stay numbers (two-mode counts), not text */

/* The type (igraph_attribute_type_t) of a vertex or edge attribute, or -1 when absent. */
int cm_attr_type(const igraph_t *g, igraph_attribute_elemtype_t et, const char *name);

/* Remove a vertex (edges 0) or edge attribute if it exists (igraph warns otherwise). */
void cm_attr_remove(igraph_t *g, int edges, const char *name);

/* Names of the vertex (edges 0) or edge attributes, into an initialised strvector. */
int cm_attr_names(const igraph_t *g, int edges, igraph_strvector_t *names);

/* Values of any vertex/edge attribute as text (numbers in the C locale, NaN as ""). */
int cm_attr_as_strings(const igraph_t *g, int edges, const char *name, igraph_strvector_t *out);

/* Make attribute `name` a string attribute (creating it with "" when absent). */
int cm_attr_make_string(igraph_t *g, int edges, const char *name);

/* Refuse string attributes that are not UTF-8 (readers that do not check). */
int cm_network_check_text(const igraph_t *g, const char *source);

/*
 * Give every actor a unique, non-empty text "name": the input's "name",
 * else its "id", else "label", else the vertex index.  "id" is consumed.
 */
int cm_raw_map_names(igraph_t *g, const char *source);

/*
 * Turn "weight" and "year" into validated numbers (defaults 1 and NaN;
 * skipped when `ready` has CM_READY_NUMBERS) and every other attribute
 * into text; give actors the model's "label", "type" and "region".
 */
int cm_raw_normalize(igraph_t *g, const char *source, unsigned ready);

/*
 * Move *g into a new cm_network (its direction from the graph).  *g is
 * the network's, or destroyed on failure, in every case.
 */
int cm_network_adopt(cm_network **out, igraph_t *g, const char *source);

#endif
