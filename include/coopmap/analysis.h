/**
 * @file coopmap/analysis.h
 * @brief Isolation, interregional clubs and brokerage.
 *
 * The three analyses behind `coopmap isolated`, `coopmap clubs` and
 * `coopmap brokers`.  Their definitions, with worked examples, are in
 * docs/analysis.md.
 */
#ifndef COOPMAP_ANALYSIS_H
#define COOPMAP_ANALYSIS_H

#include <stdio.h>

#include "network.h"
#include "table.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Focus actor type used when none is given ("cite"). */
#define CM_DEFAULT_FOCUS_TYPE "cite"
/** Critical mass of a region or club used when none is given. */
#define CM_DEFAULT_MIN_SIZE 10
/** Largest component of sparse regions partitioned exactly (bitmask search). */
#define CM_CLUBS_EXACT_LIMIT 18

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

/** A region adjacency (which regions border which), e.g. graphs/regions-fr.csv. */
typedef struct cm_regions cm_regions;

/**
 * Read a region adjacency file: lines starting with '#' and blank lines are
 * ignored, then a header "region,neighbour" (case-insensitive; "neighbor"
 * accepted), then one pair per line, comma or ';' as delimiter (the
 * header's).  Adjacency is symmetric.  A line with an empty neighbour
 * declares a region without neighbours.
 * @param out receives the adjacency (free with cm_regions_free)
 * @param path the file
 * @return 0, or CM_EIO / CM_EINPUT with "file:line: message"
 */
int cm_regions_load(cm_regions **out, const char *path);

/**
 * Parse a region adjacency from memory (same syntax as cm_regions_load()).
 * @param out receives the adjacency
 * @param text the text (need not be NUL-terminated)
 * @param len its length in bytes
 * @param source display name used in error messages
 * @return 0 or CM_EINPUT / CM_ENOMEM
 */
int cm_regions_parse(cm_regions **out, const char *text, size_t len, const char *source);

/** Free an adjacency (NULL is allowed). */
void cm_regions_free(cm_regions *r);

/** @return the number of regions named in the adjacency */
size_t cm_regions_count(const cm_regions *r);

/** @return the name of region i */
const char *cm_regions_name(const cm_regions *r, size_t i);

/** @return non-zero when regions a and b (names) are neighbours */
int cm_regions_adjacent(const cm_regions *r, const char *a, const char *b);

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

/**
 * Write clubs: table (one row per club, then the dense regions), CSV/TSV
 * (one row per club) or JSON ({"min_size", "type", "clubs", "dense_regions"}).
 * @return 0 or CM_EIO
 */
int cm_clubs_write(FILE *f, const cm_clubs *c, cm_format format);

/** Brokerage, constraint and E-I index per actor (coopmap brokers). */
typedef struct cm_brokers {
	char *group;        /**< the grouping attribute */
	int directed;       /**< roles split into gatekeeper and representative */
	cm_table *actors;   /**< one row per actor, most brokerage first */
	cm_table *groups;   /**< group, actors, internal_ties, external_ties, ei_index */
	double network_ei_index; /**< NaN when no tie joins two known groups */
} cm_brokers;

/**
 * Compute brokerage roles (Gould-Fernandez), Burt's constraint and effective
 * size, betweenness and the E-I index.
 * @param out receives the result (free with cm_brokers_free)
 * @param net the network
 * @param group actor attribute defining groups (NULL: "region");
 *        CM_EUSAGE when no actor has it
 * @return 0 or a negative code
 */
int cm_brokers_compute(cm_brokers *out, const cm_network *net, const char *group);

/** Free what cm_brokers_compute() allocated. */
void cm_brokers_free(cm_brokers *b);

/**
 * Write the brokers: the actors table then the groups and the whole-network
 * E-I index (table), the actors only (CSV/TSV), or
 * {"actors": [...], "groups": [...], "network_ei_index": x} (JSON).
 * @return 0 or CM_EIO
 */
int cm_brokers_write(FILE *f, const cm_brokers *b, cm_format format);

#ifdef __cplusplus
}
#endif

#endif
