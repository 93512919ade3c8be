/* Boxes on a plane (centres xy, sizes wh: two doubles per box): spread, packed. */
#ifndef COOPMAP_PRESENT_MAP_PACK_H
#define COOPMAP_PRESENT_MAP_PACK_H

#include <igraph.h>

/* Points kept free between actors. */
#define FR_GAP 4
/* Sweeps of cm_map_push_apart() at most: each costs k * k / 2 pair tests. */
#define PUSH_SWEEPS 100

/*
 * Move the boxes apart until no two come closer than gap, or `sweeps`
 * sweeps are done; returns the pairs still overlapping.
 */
igraph_integer_t cm_map_push_apart(double *xy, const double *wh, igraph_integer_t k, double gap, int sweeps);
/* Pull the boxes towards their common centre while none comes closer than gap to another. */
void cm_map_compact_boxes(double *xy, const double *wh, igraph_integer_t k, double gap);
/* Pack the connected components (membership, ncomp): the largest stays, the others in rows under it. */
int cm_map_pack_components(double *xy, const double *wh, igraph_integer_t k, const igraph_vector_int_t *membership,
                           igraph_integer_t ncomp);

#endif
