/**
 * @file coopmap/regions.h
 * @brief Region adjacency files (which regions border which).
 */
#ifndef COOPMAP_REGIONS_H
#define COOPMAP_REGIONS_H

#include <stddef.h>
#include "common.h"
#include "network.h"

#ifdef __cplusplus
extern "C" {
#endif

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

/**
 * @return 1 when an actor of net has a (non-empty) region that r does not
 *         name (what `coopmap check --regions` lists), else 0
 */
int cm_regions_lack_any(const cm_regions *r, const cm_network *net);

#ifdef __cplusplus
}
#endif

#endif
