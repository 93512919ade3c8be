/**
 * @file coopmap/analysis.h
 * @brief Isolation, interregional clubs and brokerage.
 */
#ifndef COOPMAP_ANALYSIS_H
#define COOPMAP_ANALYSIS_H

#include "network.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Isolation of the actors of one type (coopmap isolated).
 * @param out receives a table: id, label, type, region, degree, peer_ties,
 *        peers_2_steps, regional_peers, interregional_ties, component_size,
 *        level, reasons; most isolated first
 * @param net the network
 * @param type focus type (NULL: "cite")
 * @param min_size critical mass of a region (0: 10)
 * @return 0 or a negative code
 */
int cm_isolated_compute(cm_table **out, const cm_network *net, const char *type, int min_size);

#ifdef __cplusplus
}
#endif

#endif
