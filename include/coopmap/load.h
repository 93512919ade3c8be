/**
 * @file coopmap/load.h
 * @brief Loading a network from CSV, GraphML, GML, Pajek or DOT.
 */
#ifndef COOPMAP_LOAD_H
#define COOPMAP_LOAD_H

#include "network.h"
#include "filter.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Input formats. CM_INPUT_AUTO picks one from the path. */
typedef enum {
	CM_INPUT_AUTO = 0,
	CM_INPUT_CSV,      /**< edge list, delimiter detected (, ; or tab) */
	CM_INPUT_GRAPHML,
	CM_INPUT_GML,
	CM_INPUT_PAJEK,
	CM_INPUT_DOT,
	CM_INPUT_GEXF      /**< Gephi's GEXF 1.1, 1.2 or 1.3 */
} cm_input_format;

/** Options of cm_network_load(). Zero-initialise, then set what you need. */
typedef struct cm_load_options {
	cm_input_format format; /**< CM_INPUT_AUTO: from the extension */
	const char *nodes_path; /**< actor table; NULL: nodes.csv beside edges in a folder */
	int directed;           /**< keep tie direction */
	cm_filter filter;       /**< filters (zero: none) */
	/**
	 * CSV columns named by role, "ROLE=COLUMN,ROLE=COLUMN" (ROLE: source,
	 * target, weight, year, kind, id, label, type, region, department, lat,
	 * lon, or a synonym); NULL: from the headers (docs/input.md)
	 */
	const char *columns;
	/* two-mode (actor-event) data, projected by the options of filter (docs/twomode.md) */
	int two_mode;            /**< read a CSV file as a participation table (actor,event,...) */
	const char *events_path; /**< event table; NULL: events.csv beside participations.csv in a folder */
	int bipartite;           /**< two-mode input: the two-mode graph itself, not its projection */
	/**
	 * 1: read a CSV edge list on this thread alone; 0: its second half on a
	 * second thread when it is large (1 MiB or more), the same network
	 */
	int threads;
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
 * @return 1 when the last cm_network_load() of CSV tables (not standard
 * input) repaired, merged or left out something that `coopmap check`
 * lists with its line (self-loops, repeated ties, undated ties left out,
 * actors absent from the actor table), else 0
 */
int cm_load_found_problems(void);

#ifdef __cplusplus
}
#endif

#endif
