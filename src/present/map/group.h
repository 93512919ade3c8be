/* Actors grouped by the values of an attribute, most frequent first. */
#ifndef COOPMAP_PRESENT_MAP_GROUP_H
#define COOPMAP_PRESENT_MAP_GROUP_H

#include <stddef.h>

#include <igraph.h>

#include "present/map/map.h"

/* Free a grouping (a zeroed one is fine). */
void cm_map_grouping_free(grouping *gr);
/*
 * Group n vertices by their values (vals[v]; NULL: everyone unknown);
 * max_named ranks get a slot.  attr names the grouping in the legend.
 * The values are copied.
 */
int cm_map_group_values(grouping *gr, const char *const *vals, igraph_integer_t n, const char *attr,
                        int max_named);
/* Group the vertices by a string attribute (absent: everyone unknown). */
int cm_map_group_by(grouping *gr, const igraph_t *graph, const char *attr, int max_named);
/* Does a vertex attribute exist with string values? */
int cm_map_has_string_vattr(const igraph_t *graph, const char *attr);
/* Does a vertex attribute exist with numeric values? */
int cm_map_has_numeric_vattr(const igraph_t *graph, const char *attr);
/* Number of distinct non-empty values with at least two actors. */
size_t cm_map_useful_groups(const grouping *gr);

#endif
