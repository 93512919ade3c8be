/**
 * @file coopmap/summary.h
 * @brief Whole-network figures (coopmap summary).
 */
#ifndef COOPMAP_SUMMARY_H
#define COOPMAP_SUMMARY_H

#include "network.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Default seed for Leiden and sampling, so that runs repeat. */
#define CM_DEFAULT_SEED 42

/** A count of actors sharing one attribute value. */
typedef struct cm_count {
	char *value;             /**< the attribute value ("" for unknown) */
	igraph_integer_t count;
} cm_count;

/** Whole-network measures (coopmap summary). */
typedef struct cm_summary {
	igraph_integer_t nodes, edges;
	double density;
	igraph_integer_t components;
	igraph_integer_t largest_component;  /**< actors in the largest component */
	igraph_integer_t isolated;           /**< actors with no tie */
	double diameter;                     /**< unweighted, over connected pairs; NaN if no tie */
	double average_path_length;          /**< unweighted, over connected pairs; NaN if no tie */
	int paths_estimated;                 /**< non-zero when diameter/APL come from 200 sampled sources */
	double transitivity;                 /**< global clustering; NaN when undefined */
	double degree_assortativity;         /**< NaN when undefined */
	double modularity;                   /**< of the Leiden partition */
	igraph_integer_t communities;
	igraph_integer_t articulation_points;
	igraph_integer_t bridges;
	cm_count *types;   size_t n_types;   /**< actors by type, largest first */
	cm_count *regions; size_t n_regions; /**< actors by region, largest first */
	/* two-mode inputs only (two_mode non-zero): the actor-event data behind the projection */
	int two_mode;                        /**< the network is the projection of two-mode data */
	igraph_integer_t events;             /**< events kept (after the year filters) */
	igraph_integer_t participations;     /**< participations in them */
	double events_per_actor;             /**< mean events attended per actor of the network */
	double actors_per_event;             /**< mean participants per event */
	igraph_integer_t actors_alone;       /**< actors whose every event had no other participant */
} cm_summary;

/**
 * Compute the summary.
 * @param out receives the summary (free with cm_summary_free)
 * @param net the network
 * @param seed seed for Leiden and sampling
 * @return 0 or a negative code
 */
int cm_summary_compute(cm_summary *out, const cm_network *net, unsigned long seed);

/**
 * Compute the summary with its independent parts (path lengths,
 * transitivity, assortativity, communities, cut points) in up to jobs
 * processes at once, this one and forked workers; the summary, its notices
 * and its first error are the same whatever jobs is (default of the
 * command line: cm_metrics_default_jobs()).
 * @param out receives the summary (free with cm_summary_free)
 * @param net the network
 * @param seed seed for Leiden and sampling
 * @param jobs processes at once (1 or less: all in this process)
 * @return 0 or a negative code
 */
int cm_summary_compute_jobs(cm_summary *out, const cm_network *net, unsigned long seed, int jobs);

/** Free what cm_summary_compute() allocated. */
void cm_summary_free(cm_summary *s);

#ifdef __cplusplus
}
#endif

#endif
