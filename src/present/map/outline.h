/* The outline of France drawn under --layout geo (graphs/france-outline.csv, built in). */
#ifndef COOPMAP_PRESENT_MAP_OUTLINE_H
#define COOPMAP_PRESENT_MAP_OUTLINE_H

#include <stddef.h>

/* One point of a ring of the outline. */
typedef struct {
	int ring;
	double lon, lat;
} cm_outline_point;

/* The rings' points, ring after ring (graphs/france-outline.csv). */
extern const cm_outline_point cm_france_outline[];
/* Number of points in cm_france_outline. */
extern const size_t cm_france_outline_n;

#endif
