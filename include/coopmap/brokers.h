/**
 * @file coopmap/brokers.h
 * @brief Brokerage between groups (coopmap brokers).
 *
 * Definitions, with worked examples, in docs/analysis.md.
 */
#ifndef COOPMAP_BROKERS_H
#define COOPMAP_BROKERS_H

#include "network.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Brokerage, constraint and E-I index per actor (coopmap brokers). */
typedef struct cm_brokers {
	char *group;        /**< the grouping attribute */
	int directed;       /**< roles split into gatekeeper and representative */
	cm_table *actors;   /**< one row per actor, most brokerage first */
	cm_table *groups;   /**< group, actors, internal_ties, external_ties, ei_index */
	double network_ei_index; /**< NaN when no tie joins two known groups */
	igraph_integer_t n_actors; /**< actors of the network (length of total and ranking) */
	double *total;             /**< brokerage (sum of the roles) of each actor, indexed by vertex */
	double *between;           /**< brokerage between groups (all roles but coordinator), by vertex */
	igraph_integer_t *ranking; /**< the vertices in the order of the actors rows: most brokerage
	                                between groups first, then total, betweenness, id */
} cm_brokers;

/** The group of the actors without a value of the group attribute. */
#define CM_BROKERS_NO_GROUP "(none)"

/**
 * Compute brokerage roles (Gould-Fernandez), Burt's constraint and effective
 * size, betweenness and the E-I index.
 * @param out receives the result (free with cm_brokers_free)
 * @param net the network
 * @param group actor attribute defining groups (NULL: "region");
 *        CM_EUSAGE when no actor has it
 * @return 0 or a negative code
 */
int cm_brokers_compute(cm_brokers *out, const cm_network *net, const char *group);

/** Free what cm_brokers_compute() allocated. */
void cm_brokers_free(cm_brokers *b);

/**
 * The total brokerage (the sum of the roles) of every actor, the `total` of
 * cm_brokers_compute(), without its other measures (so without its exact
 * betweenness, slow on large networks).
 * @param out receives cm_network_actors(net) totals indexed by vertex (free with free())
 * @param net the network
 * @param group actor attribute defining groups, as stored (NULL: "region");
 *        errors as for cm_brokers_compute()
 * @return 0 or a negative code (then *out is NULL)
 */
int cm_brokers_totals(double **out, const cm_network *net, const char *group);

#ifdef __cplusplus
}
#endif

#endif
