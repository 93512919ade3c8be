/*
 * The one name -> vertex map of the library: actor names interned in an
 * arena and found through an open-addressing table (model/names.c).
 */
#ifndef COOPMAP_MODEL_NAMES_H
#define COOPMAP_MODEL_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include <igraph.h>

#include "coopmap/network.h"

/* Names of up to this many bytes are compared inside their slot, without the arena. */
#define CM_NAME_INLINE 20

/* One slot of the table: 32 bytes, so that two share a cache line. */
typedef struct cm_name_slot {
	uint32_t hash;                 /* high 32 bits of the 64-bit hash */
	uint32_t index;                /* vertex index + 1; 0: empty slot */
	uint32_t len;                  /* length, or UINT32_MAX for longer names */
	char key[CM_NAME_INLINE];      /* first bytes, zero-padded */
} cm_name_slot;

/*
 * Each name is copied once into one growing arena; the table is kept at
 * most half full.  A zeroed table is an empty one.
 */
typedef struct cm_names {
	cm_name_slot *slots;
	size_t mask;
	char *arena;                   /* every name, NUL-terminated, one after another */
	size_t arena_len, arena_cap;
	size_t *offset;                /* vertex index -> offset of its name in arena */
	igraph_integer_t n, cap;
} cm_names;

/* A name to look up, with its length, padded first bytes and hash computed once. */
typedef struct cm_name_ref {
	const char *s;
	size_t len;
	uint64_t hash;
	char key[24];
} cm_name_ref;

/* Start an empty table. */
void cm_names_init(cm_names *t);
/* The index of name s, or -1. */
igraph_integer_t cm_names_get(const cm_names *t, const char *s);
/* Find s, adding a copy with the next index when absent; *added tells which. 0 or a negative code. */
int cm_names_add(cm_names *t, const char *s, igraph_integer_t *idx, int *added);
/* Free the table and its copies of the names (a zeroed table is fine). */
void cm_names_free(cm_names *t);

/* Make room for `expect` names without rehashing.  0 or CM_ENOMEM. */
int cm_names_reserve(cm_names *t, size_t expect);
/* The text of name idx (valid until the next cm_names_add moves the arena). */
const char *cm_names_text(const cm_names *t, igraph_integer_t idx);
/*
 * Free the hash slots and keep the names' text (cm_names_text): for a
 * caller done with look-ups that needs the memory.  Only cm_names_text()
 * and cm_names_free() may follow.
 */
void cm_names_drop_slots(cm_names *t);

/*
 * Look-ups in batches: prepare each name's reference, prefetch its slot,
 * then intern the references in order, so that the waits for memory
 * overlap on a large table.  s must stay valid until cm_names_add_ref().
 */
void cm_name_ref_init(cm_name_ref *r, const char *s);
/* Ask for the slot where the look-up of r starts, ahead of the look-up. */
void cm_names_prefetch(const cm_names *t, const cm_name_ref *r);
/* cm_names_add() for a prepared reference. */
int cm_names_add_ref(cm_names *t, const cm_name_ref *r, igraph_integer_t *idx, int *added);
/*
 * The index of the name r stands for, or -1: reads the table only, so that
 * several threads may look up at once while none adds.
 */
igraph_integer_t cm_names_get_ref(const cm_names *t, const cm_name_ref *r);

/*
 * Index every actor of net by id (its "name" attribute) in a new table:
 * look-ups by id in O(1) where cm_network_find() is linear.
 */
int cm_names_index(cm_names *t, const cm_network *net);

#endif
