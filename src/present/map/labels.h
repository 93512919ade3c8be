/* Which actors are named on a map, and the room a node and its label take. */
#ifndef COOPMAP_PRESENT_MAP_LABELS_H
#define COOPMAP_PRESENT_MAP_LABELS_H

#include <igraph.h>

#include "present/map/map.h"

/* Decide which labels are shown (p->label_on, p->n_labels): "auto", "all", "none" or "top:N". */
int cm_map_pick_labels(map_plan *p, const char *labels);
/* Node diameter of v in inches: the area follows the size measure; a marked node is big enough to show its ring. */
double cm_map_node_width(const map_plan *p, igraph_integer_t v, int large);
/* Point size of actor labels. */
double cm_map_label_points(const map_plan *p, int large);
/* The box an actor needs, in points (width, height into wh): its node and its label when shown. */
void cm_map_actor_box(double *wh, const map_plan *p, igraph_integer_t v, int large);

#endif
