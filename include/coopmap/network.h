/**
 * @file coopmap/network.h
 * @brief The network model and its loader.
 *
 * A cm_network is an igraph graph whose attributes live in igraph's C
 * attribute handler (igraph_cattribute_table).  Every loaded network carries
 * at least these attributes, whatever the input format:
 *
 * - vertex string attributes "name" (the actor id, compared as text),
 *   "label" (defaults to the id), "type" and "region" ("" when unknown);
 * - edge numeric attribute "weight" (a positive finite number, default 1)
 *   and edge numeric attribute "year" (NaN when undated);
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

/** A loaded cooperation network. */
typedef struct cm_network {
	igraph_t graph;   /**< the graph; attributes through igraph_cattribute_table */
	char *source;     /**< display name of the input ("edges.csv", "-", ...) */
	int directed;     /**< non-zero when ties keep their direction */
} cm_network;

/** Input formats. CM_FORMAT_AUTO picks one from the path. */
typedef enum {
	CM_INPUT_AUTO = 0,
	CM_INPUT_CSV,      /**< edge list, delimiter detected (, ; or tab) */
	CM_INPUT_GRAPHML,
	CM_INPUT_GML,
	CM_INPUT_PAJEK,
	CM_INPUT_DOT
} cm_input_format;

/** Filters applied while loading, in this order: years, merge, min weight, where, ego. */
typedef struct cm_filter {
	int has_from;           /**< keep ties with year >= from */
	int from;
	int has_to;             /**< keep ties with year <= to */
	int to;
	const char *where_attr; /**< keep actors whose attribute is one of where_values */
	const char **where_values;
	size_t n_where_values;
	double min_weight;      /**< keep merged ties with weight >= min_weight (0: all) */
	const char *ego;        /**< keep the neighbourhood of this actor id */
	int depth;              /**< radius of the ego neighbourhood (0 or less: 1) */
} cm_filter;

/** Options of cm_network_load(). Zero-initialise, then set what you need. */
typedef struct cm_load_options {
	cm_input_format format; /**< CM_INPUT_AUTO: from the extension */
	const char *nodes_path; /**< actor table; NULL: nodes.csv beside edges in a folder */
	int directed;           /**< keep tie direction */
	cm_filter filter;       /**< filters (zero: none) */
} cm_load_options;

/**
 * Load a network.
 * @param out receives the network; set to NULL on failure
 * @param input a folder with edges.csv or edges.tsv (and nodes.csv), an edge
 *        list (.csv .tsv .txt), .graphml, .gml, .net, .dot/.gv, or "-" for
 *        CSV on standard input
 * @param opts options, or NULL for the defaults
 * @return 0, or CM_EINPUT / CM_EIO / CM_ENOMEM / CM_EUSAGE with a message
 */
int cm_network_load(cm_network **out, const char *input, const cm_load_options *opts);

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

/** Output formats of cm_network_write(). */
typedef enum {
	CM_OUTPUT_AUTO = 0, /**< from the extension; a path without one is a CSV folder */
	CM_OUTPUT_GRAPHML,
	CM_OUTPUT_GML,
	CM_OUTPUT_DOT,
	CM_OUTPUT_CSV       /**< a folder holding nodes.csv and edges.csv */
} cm_output_format;

/**
 * Write a network with all its attributes (coopmap convert).  Files are
 * written atomically: on failure nothing at path changes.
 * @param net the network
 * @param path output file, or folder for CM_OUTPUT_CSV, or "-" for stdout
 * @param format the format, or CM_OUTPUT_AUTO
 * @return 0 or a negative code
 */
int cm_network_write(const cm_network *net, const char *path, cm_output_format format);

#ifdef __cplusplus
}
#endif

#endif
