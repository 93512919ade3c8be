/*
 * The path measures of coopmap metrics: betweenness, closeness, harmonic.
 * They are planned as independent parts (exact: one per measure; sampled:
 * slices of the sources), which measure/workers.h can spread over
 * processes, then added up in the parts' order.
 */
#ifndef COOPMAP_MEASURE_PATHS_H
#define COOPMAP_MEASURE_PATHS_H

#include <stddef.h>

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

/* The measures wanted (cm_paths_plan's want). */
#define CM_PATHS_BETWEENNESS 1u
#define CM_PATHS_CLOSENESS 2u
#define CM_PATHS_HARMONIC 4u

/* A plan of the path measures: the sources chosen, the parts and their numbers. */
typedef struct cm_paths cm_paths;

/*
 * Plan betweenness, closeness and harmonic centrality of every actor: exact
 * (igraph) while actors x (actors + ties) stays under 1e9 or with
 * in->exact, else estimated from in->samples (or 256) sampled sources per
 * component, with a notice (given here, before any part is computed).
 * @param out the plan, freed with cm_paths_free()
 * @param want CM_PATHS_* bits
 * @return 0 or a negative code
 */
int cm_paths_plan(cm_paths **out, const cm_paths_input *in, unsigned want);

/** @return the number of independent parts of the plan */
size_t cm_paths_parts(const cm_paths *p);

/** @return how many numbers part i gives */
size_t cm_paths_part_size(const cm_paths *p, size_t i);

/** @return what part i computes, for messages */
const char *cm_paths_part_name(const cm_paths *p, size_t i);

/** Compute part i into its own numbers; 0 or a negative code (CM_EINTERRUPTED on Ctrl-C). */
int cm_paths_run(cm_paths *p, size_t i);

/**
 * Part i's numbers (cm_paths_part_size of them), allocated zeroed at the
 * first call: to read them after cm_paths_run, or to put there what another
 * process computed.  NULL when out of memory.
 */
double *cm_paths_part(cm_paths *p, size_t i);

/*
 * Add the parts up, in their order, into the measures wanted (NULL: not
 * wanted; bet must hold zeros).  An actor that reaches nobody gets 0.
 * @return 0, or a negative code when a part was never computed
 */
int cm_paths_finish(igraph_vector_t *bet, igraph_vector_t *clo, igraph_vector_t *har, cm_paths *p);

/* Free a plan (NULL is fine). */
void cm_paths_free(cm_paths *p);

#endif
