/* The one name -> vertex map: an open-addressing hash of actor names. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/names.h"

/* FNV-1a: simple, and good enough for actor names. */
static uint64_t hash_name(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h ^ (h >> 29);
}

void cm_names_init(cm_names *t)
{
	memset(t, 0, sizeof(*t));
}

void cm_names_free(cm_names *t)
{
	free(t->slots);
	free(t->names);
	memset(t, 0, sizeof(*t));
}

/*
 * A slot holds the name and, in meta, the name's index + 1 (0: empty) in
 * the low 32 bits and 32 bits of its hash above them: a probe rarely
 * touches the text, and never the names array.
 */
#define SLOT_INDEX(x) ((igraph_integer_t)((x) & 0xFFFFFFFFu) - 1)
#define SLOT_HASH(x) ((uint64_t)(x) >> 32)

igraph_integer_t cm_names_get(const cm_names *t, const char *s)
{
	uint64_t h = hash_name(s);
	size_t i;

	if (!t->slots)
		return -1;
	for (i = h & t->mask; t->slots[i].meta; i = (i + 1) & t->mask)
		if (SLOT_HASH(t->slots[i].meta) == (h >> 32) && strcmp(t->slots[i].name, s) == 0)
			return SLOT_INDEX(t->slots[i].meta);
	return -1;
}

/* Double the slot array (kept at most half full) and re-insert every name. */
static int names_grow(cm_names *t)
{
	size_t size = t->slots ? (t->mask + 1) * 2 : 1024;
	cm_name_slot *slots = calloc(size, sizeof(*slots));

	if (!slots)
		return cm_error_set(CM_ENOMEM, "out of memory");
	for (size_t j = 0; t->slots && j <= t->mask; j++) {
		size_t i;

		if (!t->slots[j].meta)
			continue;
		for (i = hash_name(t->slots[j].name) & (size - 1); slots[i].meta; i = (i + 1) & (size - 1))
			;
		slots[i] = t->slots[j];
	}
	free(t->slots);
	t->slots = slots;
	t->mask = size - 1;
	return 0;
}

int cm_names_add(cm_names *t, const char *s, igraph_integer_t *idx, int *added)
{
	uint64_t h = hash_name(s);
	size_t i;
	int rc;

	*added = 0;
	if (!t->slots || (size_t)(t->n + 1) * 2 > t->mask + 1)
		if ((rc = names_grow(t)) < 0)
			return rc;
	for (i = h & t->mask; t->slots[i].meta; i = (i + 1) & t->mask) {
		if (SLOT_HASH(t->slots[i].meta) == (h >> 32) && strcmp(t->slots[i].name, s) == 0) {
			*idx = SLOT_INDEX(t->slots[i].meta);
			return 0;
		}
	}
	if (t->n >= 0xFFFFFFFE)
		return cm_error_set(CM_EINPUT, "more than 4294967294 actors");
	if (t->n == t->cap) {
		igraph_integer_t cap = t->cap ? t->cap * 2 : 1024;
		const char **p = realloc(t->names, (size_t)cap * sizeof(*p));

		if (!p)
			return cm_error_set(CM_ENOMEM, "out of memory");
		t->names = p;
		t->cap = cap;
	}
	t->names[t->n] = s;
	t->slots[i].name = s;
	t->slots[i].meta = (h >> 32 << 32) | (uint64_t)(t->n + 1);
	*idx = t->n++;
	*added = 1;
	return 0;
}

int cm_names_index(cm_names *t, const cm_network *net)
{
	igraph_integer_t n = cm_network_actors(net);

	cm_names_init(t);
	for (igraph_integer_t v = 0; v < n; v++) {
		igraph_integer_t idx;
		int added;

		if (cm_names_add(t, cm_network_vattr(net, CM_ATTR_ID, v), &idx, &added) < 0) {
			cm_names_free(t);
			return CM_ENOMEM;
		}
	}
	return 0;
}
