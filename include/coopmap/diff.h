/**
 * @file coopmap/diff.h
 * @brief What changed between two networks, actor by actor (coopmap diff),
 *        and year by year (coopmap timeline).
 *
 * Actors are matched by id.  Definitions, with a worked example, in
 * docs/change.md.
 */
#ifndef COOPMAP_DIFF_H
#define COOPMAP_DIFF_H

#include "network.h"
#include "load.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What happened to a tie or an actor between two states (cm_diff_classify()). */
enum {
	CM_CHANGE_KEPT = 0,  /**< on both sides */
	CM_CHANGE_NEW = 1,   /**< only after: a new tie, an actor that joined */
	CM_CHANGE_LOST = 2,  /**< only before */
	CM_CHANGE_BETWEEN = 3 /**< on neither side: came and went in between */
};

/** Options of cm_diff_compute(). Zero-initialise, then set what you need. */
typedef struct cm_diff_options {
	const char *type;      /**< focus type of the isolation columns (NULL: "cite") */
	unsigned long seed;    /**< seed of communities and sampled betweenness (0: CM_DEFAULT_SEED) */
	int ties;              /**< also fill cm_diff.ties */
} cm_diff_options;

/** The whole-network figures of a comparison; counts of ties are of unordered pairs (ordered when directed). */
typedef struct cm_diff_network {
	igraph_integer_t actors_kept, actors_joined, actors_left;
	igraph_integer_t ties_kept, ties_new, ties_lost;
	double tie_jaccard;          /**< kept / (kept + new + lost); NaN when both sides have no tie */
	igraph_integer_t hamming;    /**< new + lost: ties to add or remove to go from one side to the other */
	double density_before, density_after;
	igraph_integer_t components_before, components_after;
	igraph_integer_t isolated_before, isolated_after; /**< focus actors of isolation level 2 or more; -1 when no actor has the focus type */
	double modularity_before, modularity_after;       /**< of the communities of the per-actor columns */
	double nmi, vi;              /**< agreement of the two partitions over the actors on both sides; NaN when none */
} cm_diff_network;

/** A comparison (coopmap diff). */
typedef struct cm_diff {
	cm_diff_network network;
	/**
	 * One row per actor present on either side: id, label, type, region,
	 * status (kept, joined, left), degree_before, degree_after,
	 * degree_change, partners_kept, partners_new, partners_lost,
	 * partner_jaccard, betweenness_before, betweenness_after,
	 * betweenness_change, rank_before, rank_after, isolation_before,
	 * isolation_after, community_before, community_after; the largest
	 * changes first (partners gained or lost, then the betweenness
	 * change in absolute value, then id).
	 */
	cm_table *actors;
	/** With cm_diff_options.ties: source, target, status (kept, new, lost), weight_before, weight_after. */
	cm_table *ties;
} cm_diff;

/**
 * Compare two networks.
 * @param out receives the comparison (free with cm_diff_free)
 * @param before the earlier network
 * @param after the later network
 * @param opts options (NULL: defaults)
 * @return 0 or a negative code
 */
int cm_diff_compute(cm_diff *out, const cm_network *before, const cm_network *after,
                    const cm_diff_options *opts);

/**
 * Say for every tie and actor of net (a network holding both states, such
 * as the ties active at some time from one year to the other) whether it
 * is on both sides, only after, only before, or on neither (it came and
 * went in between); matched by id.
 * @param tie receives one CM_CHANGE_* per tie of net (free with free())
 * @param actor receives one CM_CHANGE_* per actor of net (free with free())
 * @return 0 or a negative code
 */
int cm_diff_classify(unsigned char **tie, unsigned char **actor, const cm_network *net,
                     const cm_network *before, const cm_network *after);

/** Free what cm_diff_compute() allocated (a zeroed cm_diff is fine). */
void cm_diff_free(cm_diff *d);

/** @return RSiena's reading of a tie Jaccard index: "good", "low" or "very low" ("" for NaN) */
const char *cm_diff_jaccard_reading(double jaccard);

/**
 * The network as it stood at the end of each year (coopmap timeline): one
 * row per year with year, actors, ties, density, components,
 * largest_component, isolated, ties_new, ties_lost and tie_jaccard (the
 * last three against the previous row; empty on the first).  Each year's
 * network is loaded with `--to YEAR` and the other filters of opts.
 * @param out receives the table
 * @param undated receives the number of undated ties (left out of every year)
 * @param input the input, as for cm_network_load()
 * @param opts load options (their year filters are replaced)
 * @param first first year, or 0 for the first year of the data
 * @param last last year, or 0 for the last year of the data
 * @param type focus type of the isolated column (NULL: "cite")
 * @return 0 or a negative code
 */
int cm_timeline_compute(cm_table **out, igraph_integer_t *undated, const char *input,
                        const cm_load_options *opts, int first, int last, const char *type);

#ifdef __cplusplus
}
#endif

#endif
