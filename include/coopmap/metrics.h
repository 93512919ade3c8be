/**
 * @file coopmap/metrics.h
 * @brief Whole-network summary and per-actor measures.
 */
#ifndef COOPMAP_METRICS_H
#define COOPMAP_METRICS_H

#include "network.h"
#include "table.h"

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
} cm_summary;

/**
 * Compute the summary.
 * @param out receives the summary (free with cm_summary_free)
 * @param net the network
 * @param seed seed for Leiden and sampling
 * @return 0 or a negative code
 */
int cm_summary_compute(cm_summary *out, const cm_network *net, unsigned long seed);

/** Free what cm_summary_compute() allocated. */
void cm_summary_free(cm_summary *s);

/**
 * Write a summary.
 * @param f stream
 * @param s the summary
 * @param format CM_FORMAT_TABLE or CM_FORMAT_JSON (csv/tsv: key,value rows)
 * @return 0 or CM_EIO
 */
int cm_summary_write(FILE *f, const cm_summary *s, cm_format format);

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
	CM_M_ALL = (1u << 13) - 1
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
} cm_metrics_options;

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

#ifdef __cplusplus
}
#endif

#endif
