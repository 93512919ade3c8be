/**
 * @file coopmap/clubs.h
 * @brief Interregional clubs of sparse regions (coopmap clubs).
 *
 * The algorithm, with worked examples, in docs/analysis.md.
 */
#ifndef COOPMAP_CLUBS_H
#define COOPMAP_CLUBS_H

#include "network.h"
#include "regions.h"
#include "isolated.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Largest component of sparse regions partitioned exactly (bitmask search). */
#define CM_CLUBS_EXACT_LIMIT 18

/** One proposed club of sparse regions. */
typedef struct cm_club {
	char *name;               /**< "Club N: Region A, Region B" */
	char **regions;           /**< region names, alphabetical */
	size_t n_regions;
	igraph_integer_t cites;   /**< actors of the focus type in the club */
	int reaches_min_size;     /**< cites >= min_size */
	igraph_integer_t shortfall; /**< min_size - cites when not reached, else 0 */
	char **could_join;        /**< dense regions bordering the club (not reached only) */
	size_t n_could_join;
	char **members;           /**< ids of the club's focus actors, sorted */
	size_t n_members;
} cm_club;

/** A region and its number of focus actors. */
typedef struct cm_region_count {
	char *region;
	igraph_integer_t cites;
} cm_region_count;

/** Clubs proposed for the sparse regions (coopmap clubs). */
typedef struct cm_clubs {
	int min_size;
	char *type;                 /**< the focus type */
	cm_club *clubs;             /**< clubs reaching min_size first, then by regions */
	size_t n_clubs;
	cm_region_count *dense;     /**< dense regions, alphabetical */
	size_t n_dense;
	igraph_integer_t no_region; /**< focus actors with an empty region (left out) */
} cm_clubs;

/**
 * Propose interregional clubs of sparse regions (regions with fewer than
 * min_size focus actors), each a connected set of regions in the adjacency;
 * see docs/analysis.md for the algorithm.  Regions of focus actors missing
 * from the adjacency get a notice and no neighbour.
 * @param out receives the clubs (free with cm_clubs_free)
 * @param net the network
 * @param regions the adjacency
 * @param type focus type (NULL: "cite")
 * @param min_size critical mass (0: 10; negative: CM_EUSAGE)
 * @return 0 or a negative code
 */
int cm_clubs_compute(cm_clubs *out, const cm_network *net, const cm_regions *regions,
                     const char *type, int min_size);

/** Free what cm_clubs_compute() allocated. */
void cm_clubs_free(cm_clubs *c);

#ifdef __cplusplus
}
#endif

#endif
