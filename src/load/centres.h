/* Region centres (region,lat,lon), for the geographic layout of maps. */
#ifndef COOPMAP_LOAD_CENTRES_H
#define COOPMAP_LOAD_CENTRES_H

#include <stddef.h>

/* One region's centre, in degrees. */
typedef struct cm_centre {
	char *region;
	double lat, lon;
	int inset;      /* overseas: its inset number (table order), else -1 */
} cm_centre;

/* A table of region centres. */
typedef struct cm_centres {
	cm_centre *c;
	size_t n;
	int n_insets;   /* regions outside metropolitan France */
} cm_centres;

/* Read a region,lat,lon table (path NULL: the built-in copy of graphs/regions-fr-centres.csv). */
int cm_centres_load(cm_centres *t, const char *path);
/* Free a centres table (a zeroed one is fine). */
void cm_centres_free(cm_centres *t);
/* The centre of a region, or NULL. */
const cm_centre *cm_centres_find(const cm_centres *t, const char *region);
/* Is the point in metropolitan France (Corsica included)?  Other places go to an inset. */
int cm_centres_in_metropole(double lat, double lon);

#endif
