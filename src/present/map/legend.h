/* The graph label of a map (title, caption, and the legend when it goes above) and the legend beside the map. */
#ifndef COOPMAP_PRESENT_MAP_LEGEND_H
#define COOPMAP_PRESENT_MAP_LEGEND_H

#include "coopmap/render.h"
#include "base/strbuf.h"
#include "present/map/map.h"

/* Append the graph label (HTML-like): title, a caption with counts and the encodings, and the legend. */
int cm_map_label(cm_strbuf *b, const map_plan *p, const cm_render_options *o);

/*
 * Append the legend as an HTML-like table for a node of its own beside or
 * under the map (maps whose positions coopmap knows: fr, geo), in one column
 * or several; its size in points, estimated as an upper bound, into w and h
 * (0 and nothing appended with --no-legend).
 */
int cm_map_legend(cm_strbuf *b, double *w, double *h, const map_plan *p, const cm_render_options *o, int one_column);

#endif
