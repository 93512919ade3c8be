/* Merging repeated ties (filter/merge.c). */
#ifndef COOPMAP_FILTER_MERGE_H
#define COOPMAP_FILTER_MERGE_H

#include <igraph.h>

/*
 * Merge repeated ties among those not flagged, into their first
 * occurrence (weight summed, earliest known year), flagging the repeats.
 * edges holds from,to pairs; undirected unless directed.  Linear time.
 */
int cm_ties_merge(const igraph_vector_int_t *edges, int directed, char *flags,
                  double *weight, double *year, igraph_integer_t *merged);

/*
 * cm_ties_merge(), also giving in *grouped (malloc'd, *count
 * entries) the ties not flagged on entry, grouped by their smaller end
 * (their first end when directed), in file order within a group.  The
 * repeats it flags are among them.  weight NULL: group only, merge nothing.
 */
int cm_ties_merge_grouped(const igraph_vector_int_t *edges, int directed, char *flags,
                          double *weight, double *year, igraph_integer_t *merged,
                          igraph_integer_t **grouped, igraph_integer_t *count);

#endif
