/*
 * The tie pipeline: from a raw graph of any reader (model/raw.h) to a
 * cm_network, through the model's attributes and the filters
 * (coopmap/filter.h), in filter/pipeline.c.  The filters themselves are
 * in filter/years.h, filter/merge.h and filter/select.h.
 */
#ifndef COOPMAP_FILTER_FILTER_H
#define COOPMAP_FILTER_FILTER_H

#include <igraph.h>

#include "coopmap/filter.h"
#include "base/strbuf.h"
#include "coopmap/network.h"
#include "model/raw.h"

/*
 * Turn a raw graph from any reader into a cm_network.  The raw
 * graph holds string attributes (numeric ones allowed) with whatever names
 * the input used; this function maps the actor id to "name", converts and
 * validates "weight" and "year", makes the ties undirected unless
 * `directed`, drops self-loops, applies the year filters, merges repeated
 * ties, then applies min weight, where and ego filters (filter NULL: none).
 * Takes ownership of *raw in every case.
 */
int cm_network_finish(cm_network **out, igraph_t *raw, const char *source,
                      const cm_filter *filter, int directed);

/*
 * cm_network_finish() for a raw graph of which the caller has
 * already ensured some properties (the CSV loader), so that the pipeline
 * skips their checks: `ready` is a mask of CM_READY_* flags (model/raw.h).
 */
int cm_network_finish_ready(cm_network **out, igraph_t *raw, const char *source,
                            const cm_filter *filter, int directed, unsigned ready);

/*
 * The notices of the tie pipeline, for the counts that are not zero;
 * actor_names and merged_names (or NULL) list the actors left out and the
 * repeated ties merged, for their notices.
 */
void cm_ties_notices(igraph_integer_t loops, igraph_integer_t undated, igraph_integer_t actors,
                     const char *actor_names, igraph_integer_t merged, const char *merged_names,
                     igraph_integer_t light);

/* Add tie a - c as the i-th of a notice's list: "'a' - 'c'" (the first CM_NOTICE_NAMES only). */
int cm_ties_name(cm_strbuf *b, size_t i, const char *a, const char *c);

/*
 * What loading found that `coopmap check` lists (self-loops, repeated
 * ties, undated ties left out, actors absent from the actor table): the
 * readers and the pipeline note it, cm_network_load() reads and clears it.
 */
void cm_filter_note_problem(void);
int cm_filter_take_problems(void);

#endif
