/* The outlines of France's regions drawn under --layout geo (graphs/regions-fr-outline.csv, built in). */
#ifndef COOPMAP_PRESENT_MAP_OUTLINE_H
#define COOPMAP_PRESENT_MAP_OUTLINE_H

#include <stddef.h>

/* One point of a ring of a region's outline. */
typedef struct {
	int region;  /* index in cm_outline_regions */
	int ring;    /* rings numbered from 1 across all regions */
	double lon, lat;
} cm_outline_point;

/* The regions' names (graphs/regions-fr-outline.csv), sorted. */
extern const char *const cm_outline_regions[];
/* Number of names in cm_outline_regions. */
extern const size_t cm_outline_regions_n;
/* The rings' points, ring after ring (graphs/regions-fr-outline.csv). */
extern const cm_outline_point cm_france_outline[];
/* Number of points in cm_france_outline. */
extern const size_t cm_france_outline_n;

#endif
