/* The default layout of maps ("fr"). */
#ifndef COOPMAP_PRESENT_MAP_FR_LAYOUT_H
#define COOPMAP_PRESENT_MAP_FR_LAYOUT_H

#include "present/map/map.h"

/* Positions for the "fr" layout, in points, into p->xy; the box of each cluster into p->cluster_bb. */
int cm_map_fr_plan(map_plan *p);

#endif
