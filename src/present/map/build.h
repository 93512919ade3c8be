/* The Graphviz graph of a map. */
#ifndef COOPMAP_PRESENT_MAP_BUILD_H
#define COOPMAP_PRESENT_MAP_BUILD_H

#include <cgraph.h>

#include "coopmap/render.h"
#include "present/map/map.h"

/* Build the Graphviz graph of the map into *out (NULL on failure). */
int cm_map_build(Agraph_t **out, map_plan *p, const cm_render_options *o);
/*
 * The labels placed by coopmap again at p->label_pt (the page scale made
 * them too small): their nodes replaced, fewer where the larger text finds
 * no room, and the caption rewritten with the count left out.
 */
int cm_map_relabel(Agraph_t *g, map_plan *p, const cm_render_options *o);

#endif
