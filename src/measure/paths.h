/* The path measures of coopmap metrics: betweenness, closeness, harmonic. */
#ifndef COOPMAP_MEASURE_PATHS_H
#define COOPMAP_MEASURE_PATHS_H

#include <igraph.h>

/* What the path measures need. */
typedef struct cm_paths_input {
	const igraph_t *g;
	int directed;                /* follow the direction of the ties */
	const igraph_vector_t *dist; /* tie lengths (1 / weight with --weighted); NULL: 1 each */
	unsigned long seed;          /* seeds the choice of sampled sources */
	igraph_integer_t samples;    /* sources per component; <= 0: exact up to the limit */
	int exact;                   /* always exact */
} cm_paths_input;

/*
 * Betweenness, closeness and harmonic centrality of every actor: exact
 * (igraph) while actors x (actors + ties) stays under 1e9 or with
 * in->exact, else estimated from in->samples (or 256) sampled sources per
 * component, with a notice.  An actor that reaches nobody gets 0.
 * @param bet, clo, har vectors of igraph_vcount(in->g) entries filled
 *        with the measure, or NULL when it is not wanted
 * @return 0 or a negative code (CM_EINTERRUPTED on Ctrl-C)
 */
int cm_paths_compute(igraph_vector_t *bet, igraph_vector_t *clo, igraph_vector_t *har,
                     const cm_paths_input *in);

#endif
