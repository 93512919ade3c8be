/* The geographic layout of maps (--layout geo). */
#ifndef COOPMAP_PRESENT_MAP_GEO_H
#define COOPMAP_PRESENT_MAP_GEO_H

#include "present/map/map.h"

/*
 * Positions for --layout geo, in points, into p->xy, from lat/lon, region
 * centres (centres_path; NULL: the built-in table) or neighbours; the
 * counts and the insets in use for the caption.
 */
int cm_map_geo_plan(map_plan *p, const char *centres_path);

#endif
