/* What --highlight marks on a map. */
#ifndef COOPMAP_PRESENT_MAP_HIGHLIGHT_H
#define COOPMAP_PRESENT_MAP_HIGHLIGHT_H

#include "coopmap/render.h"
#include "present/map/map.h"

/* Parse --highlight (o->highlight) and compute what it marks (p->mark, p->show_*, the club colours). */
int cm_map_plan_highlight(map_plan *p, const cm_render_options *o);

#endif
