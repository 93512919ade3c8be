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
} cm_filter;

#ifdef __cplusplus
}
#endif

#endif
