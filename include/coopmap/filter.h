/**
 * @file coopmap/filter.h
 * @brief Filters applied while loading: years, weights, actors, ego neighbourhood.
 */
#ifndef COOPMAP_FILTER_H
#define COOPMAP_FILTER_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Filters applied while loading, in this order: years, merge, min weight, where, ego. */
typedef struct cm_filter {
	int has_from;           /**< keep ties not ended before from */
	int from;
	int has_to;             /**< keep ties started by to (and, without from, not ended before to) */
	int to;
	const char *where_attr; /**< keep actors whose attribute is one of where_values (compared without case and accents) */
	const char **where_values;
	size_t n_where_values;
	double min_weight;      /**< keep merged ties with weight >= min_weight (0: all) */
	const char *ego;        /**< keep the neighbourhood of this actor id */
	int depth;              /**< radius of the ego neighbourhood (0 or less: 1) */
	int keep_undated;       /**< year filters keep undated ties, as present throughout (default: left out) */
	/* two-mode (actor-event) inputs: how they are projected (docs/twomode.md) */
	int projection;         /**< tie weight: a cm_projection (CM_PROJECT_COUNT by default) */
	int min_shared;         /**< keep ties of at least this many shared events (0 or 1: all) */
	int max_event_size;     /**< refuse events of more participants (0: CM_MAX_EVENT_SIZE; negative: no limit) */
	int project_events;     /**< project onto the events (tied by shared participants) instead of the actors */
} cm_filter;

/** Tie weights of the projection of two-mode data. */
typedef enum {
	CM_PROJECT_COUNT = 0, /**< shared events (with participation weights: the sum of the smaller of the two) */
	CM_PROJECT_NEWMAN,    /**< Newman's collaboration weight: the sum of 1/(n-1) over shared events of n participants */
	CM_PROJECT_JACCARD    /**< shared events divided by the events of either actor */
} cm_projection;

/** Default largest event a projection accepts: an event of n participants makes n(n-1)/2 ties. */
#define CM_MAX_EVENT_SIZE 500

#ifdef __cplusplus
}
#endif

#endif
