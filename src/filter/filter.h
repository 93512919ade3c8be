/*
 * The tie pipeline: from a raw graph of any reader to a cm_network, through
 * the model's attributes and the filters (coopmap/filter.h).
 */
#ifndef COOPMAP_FILTER_FILTER_H
#define COOPMAP_FILTER_FILTER_H

#include <igraph.h>

#include "coopmap/load.h"

/*
 * Turn a raw graph from any reader into a cm_network.  The raw
 * graph holds string attributes (numeric ones allowed) with whatever names
 * the input used; this function maps the actor id to "name", converts and
 * validates "weight" and "year", drops self-loops, applies the year filters,
 * merges repeated ties, then applies min weight, where and ego filters.
 * Takes ownership of *raw in every case.
 */
int cm_network_finish(cm_network **out, igraph_t *raw, const char *source,
                      const cm_load_options *opts);

/*
 * cm_network_finish() for a raw graph of which the caller has
 * already ensured some properties (the CSV loader), so that the pipeline
 * skips their checks: `ready` is a mask of CM_READY_* flags.
 */
#define CM_READY_NAMES 1u   /* "name" holds unique, non-empty text for every actor */
#define CM_READY_NUMBERS 2u /* "weight" numeric, positive, finite; "year" numeric, whole or NaN */
#define CM_READY_MERGED 4u  /* no self-loop and no repeated tie; directed only if asked */
int cm_network_finish_ready(cm_network **out, igraph_t *raw, const char *source,
                            const cm_load_options *opts, unsigned ready);

/*
 * Optional numeric vertex attribute of a raw graph, non-zero for
 * actors listed in an actor table (kept by the year filters even when they
 * lose all their ties).  cm_network_finish() removes it; when absent every
 * actor counts as listed.
 */
#define CM_ATTR_LISTED "coopmap:listed"

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

/* The notices of the tie pipeline, for the counts that are not zero. */
void cm_ties_notices(igraph_integer_t loops, igraph_integer_t undated, igraph_integer_t actors,
                     igraph_integer_t merged, igraph_integer_t light);

#endif
