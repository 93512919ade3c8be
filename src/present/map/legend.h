/* The graph label of a map: title, caption and legend. */
#ifndef COOPMAP_PRESENT_MAP_LEGEND_H
#define COOPMAP_PRESENT_MAP_LEGEND_H

#include "coopmap/render.h"
#include "base/strbuf.h"
#include "present/map/map.h"

/* Append the graph label (HTML-like): title, a caption with counts and the encodings, and the legend. */
int cm_map_label(cm_strbuf *b, const map_plan *p, const cm_render_options *o);

#endif
