/**
 * @file coopmap/network.h
 * @brief The network model: an igraph graph with the attributes every input gives.
 *
 * A cm_network is an igraph graph whose attributes live in igraph's C
 * attribute handler (igraph_cattribute_table).  Every loaded network carries
 * at least these attributes, whatever the input format:
 *
 * - vertex string attributes "name" (the actor id, compared as text),
 *   "label" (defaults to the id), "type" and "region" ("" when unknown);
 * - edge numeric attribute "weight" (a positive finite number, default 1)
 *   and edge numeric attribute "year" (NaN when undated);
 * - edge numeric attribute "end" only when the input has one: the year the
 *   tie ended (NaN: ongoing); actors may carry a text "end" the same way;
 * - edge string attribute "kind" only when the input has one ("" for a tie
 *   without it): check with igraph_cattribute_has_attr() before EAS().
 *
 * Any other column of the input is kept as a string attribute of the same
 * (lowercased) name.  Repeated ties are merged (weights summed, the earliest
 * year kept, other attributes from the first occurrence) and self-loops are
 * dropped, each with a notice giving the count.  docs/input.md describes the
 * accepted inputs, columns, filters, notices and errors.
 */
#ifndef COOPMAP_NETWORK_H
#define COOPMAP_NETWORK_H

#include <igraph.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Attribute names fixed by the model. */
#define CM_ATTR_ID "name"
#define CM_ATTR_LABEL "label"
#define CM_ATTR_TYPE "type"
#define CM_ATTR_REGION "region"
#define CM_ATTR_WEIGHT "weight"
#define CM_ATTR_YEAR "year"
#define CM_ATTR_KIND "kind"
#define CM_ATTR_END "end"

/** A loaded cooperation network. */
typedef struct cm_network {
	igraph_t graph;   /**< the graph; attributes through igraph_cattribute_table */
	char *source;     /**< display name of the input ("edges.csv", "-", ...) */
	int directed;     /**< non-zero when ties keep their direction */
} cm_network;

/**
 * Wrap a graph that already carries the model's attributes (tests, library users).
 * Missing model attributes are added with their defaults.  Takes ownership
 * of *graph (the caller must not destroy it afterwards).
 * @param out receives the network
 * @param graph the graph, moved into the network
 * @param source display name
 * @return 0 or a negative code
 */
int cm_network_wrap(cm_network **out, igraph_t *graph, const char *source);

/** Free a network (NULL is allowed). */
void cm_network_free(cm_network *net);

/**
 * Remove every vertex and edge attribute but the ones listed, to give their
 * memory back before a long computation that does not read them (`metrics`
 * keeps the actors' names and the tie weights; a tie's year alone is 80 MB
 * at 10 million ties).
 * @param net the network
 * @param vertex NULL-terminated names of the vertex attributes to keep
 * @param edge NULL-terminated names of the edge attributes to keep
 * @return 0 or a negative code
 */
int cm_network_keep_attrs(cm_network *net, const char *const *vertex, const char *const *edge);

/** @return the number of actors */
igraph_integer_t cm_network_actors(const cm_network *net);

/** @return the number of ties */
igraph_integer_t cm_network_ties(const cm_network *net);

/**
 * Find an actor by id (exact text; linear in the number of actors).
 * @return the vertex index, or -1 when there is no such actor
 */
igraph_integer_t cm_network_find(const cm_network *net, const char *id);

/**
 * @return the vertex string attribute `attr` of vertex v, or "" when the
 *         attribute is absent or not text, or v is out of range
 */
const char *cm_network_vattr(const cm_network *net, const char *attr, igraph_integer_t v);

#ifdef __cplusplus
}
#endif

#endif
