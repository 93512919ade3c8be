/* Keeping part of a network: flagged deletions, --min-weight, --where, --ego (filter/select.c). */
#ifndef COOPMAP_FILTER_SELECT_H
#define COOPMAP_FILTER_SELECT_H

#include <igraph.h>

#include "coopmap/filter.h"

/* Delete the edges whose flag is set; *count tells how many. */
int cm_filter_delete_edges(igraph_integer_t *count, igraph_t *g, const char *flags);

/* Delete the vertices whose flag is set; *count tells how many. */
int cm_filter_delete_vertices(igraph_integer_t *count, igraph_t *g, const char *flags);

/*
 * --min-weight: flag the ties not yet flagged whose weight is below
 * min_weight (nothing when it is 0 or less); *light counts them.
 */
void cm_filter_min_weight(igraph_integer_t *light, char *flags, const double *weight,
                          igraph_integer_t m, double min_weight);

/* --where ATTR=V1,V2: keep the actors whose attribute is one of the values. */
int cm_filter_where(igraph_t *g, const cm_filter *f, const char *source);

/* --ego ACTOR --depth N: keep the actors within N steps of ACTOR. */
int cm_filter_ego(igraph_t *g, const cm_filter *f, const char *source);

#endif
