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

/* Labels longer than this many characters are shortened by words. */
#define LABEL_MAX_CHARS 36
/*
 * s shortened to at most max characters by whole words: the first words,
 * an ellipsis, the last word(s) ("Réseau national des centres … (RNCRPV)");
 * a single word too long is cut.  Newly allocated, or NULL (out of memory).
 */
char *cm_map_short_label(const char *s, size_t max);
/* The width, in points, Helvetica text at `points` takes at most (an estimate on the safe side). */
double cm_map_text_width(const char *s, double points);
/*
 * Place the labels beside their nodes (positions known: fr, geo): each,
 * most important first, at the first of eight places around its node
 * where it covers no node and no label placed before; those with no room
 * are left out (p->n_labels_out).  Fills p->label_xy (NaN: not drawn).
 */
int cm_map_place_labels(map_plan *p, int large);

#endif
