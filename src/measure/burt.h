/* Burt's effective size, the one computation that metrics and brokers share. */
#ifndef COOPMAP_MEASURE_BURT_H
#define COOPMAP_MEASURE_BURT_H

#include <igraph.h>

/*
 * Burt's effective size of every actor of g with tie weights, as
 * NetworkX's effective_size(G, weight=...) (docs/measures.md):
 *   ES(i) = sum over alters j of (1 - sum over the other alters q of p_iq m_jq)
 * where the alters are the actors tied to i in either direction, w_iq is
 * the mutual weight (the weights of all the ties between i and q, both
 * directions, summed; self-loops ignored), p_iq = w_iq / sum_k w_ik and
 * m_jq = w_jq / max_k w_jk.  With weights 1 it is Borgatti's n - 2t/n.
 * NaN for an actor with no alter.
 * @param out receives igraph_vcount(g) values, indexed by vertex
 * @param g the graph, directed or not, repeated ties allowed
 * @param weights positive tie weights by edge id (NULL: 1 each)
 * @param progress what progress reports are named, also turning on the
 *        polling of cm_interrupted() (NULL: neither)
 * @return 0, CM_ENOMEM, or CM_EINTERRUPTED
 */
int cm_burt_effective_size(double *out, const igraph_t *g, const igraph_vector_t *weights,
                           const char *progress);

#endif
