/* The Graphviz graph of a map. */
#ifndef COOPMAP_PRESENT_MAP_BUILD_H
#define COOPMAP_PRESENT_MAP_BUILD_H

#include <cgraph.h>

#include "coopmap/render.h"
#include "present/map/map.h"

/* Build the Graphviz graph of the map into *out (NULL on failure). */
int cm_map_build(Agraph_t **out, map_plan *p, const cm_render_options *o);

#endif
