/**
 * @file coopmap/metrics.h
 * @brief Per-actor measures (coopmap metrics).
 */
#ifndef COOPMAP_METRICS_H
#define COOPMAP_METRICS_H

#include "network.h"
#include "table.h"
#include "summary.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Per-actor measures, as bits of cm_metrics_options.metrics. */
enum {
	CM_M_DEGREE = 1u << 0,
	CM_M_STRENGTH = 1u << 1,
	CM_M_BETWEENNESS = 1u << 2,
	CM_M_CLOSENESS = 1u << 3,
	CM_M_HARMONIC = 1u << 4,
	CM_M_EIGENVECTOR = 1u << 5,
	CM_M_PAGERANK = 1u << 6,
	CM_M_CORENESS = 1u << 7,
	CM_M_CLUSTERING = 1u << 8,
	CM_M_CONSTRAINT = 1u << 9,
	CM_M_EFFECTIVE_SIZE = 1u << 10,
	CM_M_ARTICULATION = 1u << 11,
	CM_M_COMMUNITY = 1u << 12,
	CM_M_ALL = (1u << 13) - 1,
	/* two-mode inputs only (a participation table): added to "all" for them */
	CM_M_EVENTS = 1u << 13,       /**< events the actor attended (after the year filters) */
	CM_M_EVENTS_ALONE = 1u << 14, /**< of them, events where it was the only participant */
	CM_M_TWO_MODE = CM_M_EVENTS | CM_M_EVENTS_ALONE
};

/** Options of cm_metrics_compute(). Zero-initialise, then set what you need. */
typedef struct cm_metrics_options {
	unsigned metrics;              /**< CM_M_* bits; 0 means all */
	int weighted;                  /**< path measures use distance = 1/weight */
	int exact;                     /**< never sample path measures (wins over samples) */
	/**
	 * Source actors sampled per component for betweenness, closeness and
	 * harmonic.  0: exact while actors x (actors + ties) <= 1e9, else 256.  A positive
	 * value always samples (a component of at most that many actors is
	 * then exact, so samples >= actors gives the exact values).
	 */
	igraph_integer_t samples;
	unsigned long seed;            /**< 0: CM_DEFAULT_SEED */
	/** Independent measures computed at once in up to this many processes,
	 * this one and forked workers (copy-on-write on the loaded network,
	 * results gathered in a fixed order: the table is the same whatever the
	 * number; more than 8 counts as 8); 0 or 1: all in this process.
	 * cm_metrics_default_jobs() gives the command line's default. */
	int jobs;
} cm_metrics_options;

/**
 * The default number of processes for cm_metrics_options.jobs and
 * cm_summary_compute_jobs(): the processors this process may run on, at
 * most 8.
 */
int cm_metrics_default_jobs(void);

/**
 * Parse a comma-separated list of measure names ("degree,pagerank" or "all").
 * @param out receives the CM_M_* bits
 * @param list the list
 * @return 0, or CM_EUSAGE naming the unknown measure
 */
int cm_metrics_parse(unsigned *out, const char *list);

/**
 * Name the column of one measure.
 * @param bit one CM_M_* bit (not CM_M_ALL)
 * @return the column name ("degree", "effective_size", ...), or NULL when
 *         bit is not a single measure
 */
const char *cm_metrics_name(unsigned bit);

/**
 * Compute per-actor measures into a table whose columns are id, label, type,
 * region and then the measures in the documented order.
 * @param out receives the table
 * @param net the network
 * @param opts options (NULL: defaults)
 * @return 0 or a negative code
 */
int cm_metrics_compute(cm_table **out, const cm_network *net, const cm_metrics_options *opts);

/**
 * Remove the attributes cm_metrics_compute() does not read (tie years and
 * kinds, actor attributes other than id, label, type, region and the event
 * counts), to give their memory back before it computes.
 * @param net the network, used for metrics only afterwards
 * @return 0 or a negative code
 */
int cm_metrics_shed(cm_network *net);

#ifdef __cplusplus
}
#endif

#endif
