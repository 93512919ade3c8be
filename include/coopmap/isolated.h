/**
 * @file coopmap/isolated.h
 * @brief Which actors of a type are cut off from their peers (coopmap isolated).
 *
 * Definitions, with worked examples, in docs/analysis.md.
 */
#ifndef COOPMAP_ISOLATED_H
#define COOPMAP_ISOLATED_H

#include "network.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Focus actor type used when none is given ("cite"). */
#define CM_DEFAULT_FOCUS_TYPE "cite"
/** Critical mass of a region or club used when none is given. */
#define CM_DEFAULT_MIN_SIZE 10
/**
 * Isolation of the actors of one type (coopmap isolated).
 * @param out receives a table: id, label, type, region, degree, peer_ties,
 *        peers_2_steps, regional_peers, interregional_ties, component_size,
 *        level, reasons; most isolated first
 * @param net the network
 * @param type focus type (NULL: "cite"); CM_EUSAGE listing the types
 *        present when no actor has it
 * @param min_size critical mass of a region (0: 10; negative: CM_EUSAGE)
 * @return 0 or a negative code
 */
int cm_isolated_compute(cm_table **out, const cm_network *net, const char *type, int min_size);

/**
 * The isolation level of every actor, indexed by vertex: the `level`
 * column of cm_isolated_compute() (3: no tie; 2: no peer of the type
 * within two steps; 1: a sparse or inward-looking region; 0: none), and -1
 * for the actors not of the type.
 * @param out receives cm_network_actors(net) levels (free with free())
 * @param net the network
 * @param type focus type, as for cm_isolated_compute()
 * @param min_size critical mass, as for cm_isolated_compute()
 * @return 0 or a negative code (then *out is NULL)
 */
int cm_isolated_levels(int **out, const cm_network *net, const char *type, int min_size);

#ifdef __cplusplus
}
#endif

#endif
