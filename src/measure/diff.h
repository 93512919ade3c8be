/* What coopmap timeline takes from coopmap diff. */
#ifndef COOPMAP_MEASURE_DIFF_H
#define COOPMAP_MEASURE_DIFF_H

#include "coopmap/diff.h"

/*
 * Count the ties kept, new and lost between two networks (actors matched by
 * id), with the Hamming distance and the tie Jaccard index, into dn; the
 * other fields of dn are left as they are.
 */
int cm_diff_ties(cm_diff_network *dn, const cm_network *before, const cm_network *after);

#endif
