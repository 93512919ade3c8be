/*
 * What the measures read of a region adjacency (coopmap/regions.h) beyond
 * the public functions: the file it came from, lookup by name and the
 * bordering pairs by index.
 */
#ifndef COOPMAP_LOAD_REGIONS_H
#define COOPMAP_LOAD_REGIONS_H

#include <stddef.h>

#include "coopmap/regions.h"

/* Index of a region by exact name (as cm_regions_name() gives it), or -1. */
long cm_regions_find(const cm_regions *r, const char *name);

/* The name of the file (or source) the adjacency was read from. */
const char *cm_regions_source(const cm_regions *r);

/* The number of bordering pairs, each counted once. */
size_t cm_regions_pairs(const cm_regions *r);

/* The region indices *a and *b of bordering pair e (e < cm_regions_pairs()). */
void cm_regions_pair(size_t *a, size_t *b, const cm_regions *r, size_t e);

#endif
