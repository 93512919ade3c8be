/* The one name -> vertex map of the library. */
#ifndef COOPMAP_MODEL_NAMES_H
#define COOPMAP_MODEL_NAMES_H

#include <stdint.h>

#include <igraph.h>

#include "coopmap/network.h"

/* A hash table from actor names to vertex indices; names are not copied. */
typedef struct cm_name_slot {
	const char *name;
	uint64_t meta;           /* hash bits and vertex index + 1; 0 for an empty slot */
} cm_name_slot;
typedef struct cm_names {
	cm_name_slot *slots;
	size_t mask;
	const char **names;      /* vertex index -> name */
	igraph_integer_t n, cap;
} cm_names;

/* Start an empty table. */
void cm_names_init(cm_names *t);
/* The index of name s, or -1. */
igraph_integer_t cm_names_get(const cm_names *t, const char *s);
/* Find s, adding it with the next index when absent; *added tells which. 0 or CM_ENOMEM. */
int cm_names_add(cm_names *t, const char *s, igraph_integer_t *idx, int *added);
/* Free the table (not the names). */
void cm_names_free(cm_names *t);

/*
 * Index every actor of net by id (its "name" attribute) in a new table:
 * look-ups by id in O(1) where cm_network_find() is linear.  The names
 * stay the network's: the table must not outlive it.
 */
int cm_names_index(cm_names *t, const cm_network *net);

#endif
