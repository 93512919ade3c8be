/* The map plan: what cm_render() decides from the options. */
#ifndef COOPMAP_PRESENT_MAP_PLAN_H
#define COOPMAP_PRESENT_MAP_PLAN_H

#include "coopmap/network.h"
#include "coopmap/render.h"
#include "present/map/map.h"

/* Fill the plan from the options: format, engine, groupings, sizes, highlights, geo positions and labels. */
int cm_map_plan(map_plan *p, const cm_network *net, const char *path, const cm_render_options *o);
/* Free what a plan holds (a zeroed plan is fine). */
void cm_map_plan_free(map_plan *p);

#endif
