/* The regional cooperation map (render --by ATTR): one node per value of an attribute. */
#ifndef COOPMAP_PRESENT_MAP_REGIONAL_H
#define COOPMAP_PRESENT_MAP_REGIONAL_H

#include "coopmap/network.h"

/* Name of the group of actors without a value (as coopmap brokers). */
#define REGIONAL_NONE "(none)"

/*
 * The network of the groups of net by attr: one actor per value (id and
 * label the value; REGIONAL_NONE for actors without one; "region" the value
 * when attr is the region, for --layout geo), with the numbers
 * "focus_actors" (actors of type focus), "actors" and "internal_ties"; one
 * tie per pair of groups with "weight" the number of ties between their
 * actors and "total_weight" the sum of those ties' weights.  0 or a
 * negative code.
 */
int cm_map_regional_network(cm_network **out, const cm_network *net, const char *attr, const char *focus);

#endif
