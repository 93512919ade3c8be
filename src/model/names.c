/*
 * The one name -> vertex map: actor names interned in one growing arena
 * and found again through an open-addressing table whose 32-byte slots
 * hold the name's length, 32 bits of its hash and its first bytes.  A
 * look-up of a name of up to CM_NAME_INLINE bytes reads one slot and never
 * the arena: one cache miss per look-up on a million actors, where a table
 * of pointers costs two.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "base/file.h"
#include "model/names.h"
#include "base/i18n.h"

/* Mix 64 bits (the finaliser of MurmurHash3). */
static uint64_t names_mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDULL;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ULL;
	return h ^ (h >> 33);
}

/* Hash a name of len bytes; key holds its first CM_NAME_INLINE bytes, zero-padded to 24. */
static uint64_t names_hash(const char *s, size_t len, const char *key)
{
	uint64_t w[3], h;

	if (len <= CM_NAME_INLINE) {
		memcpy(w, key, sizeof(w));
		return names_mix64(w[0] ^ names_mix64(w[1] ^ names_mix64(w[2] ^ len)));
	}
	h = 1469598103934665603ULL; /* FNV-1a for the rare long names */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return names_mix64(h ^ len);
}

/* Start an empty table. */
void cm_names_init(cm_names *t)
{
	memset(t, 0, sizeof(*t));
}

/* Free the table and its arena; the table is left empty. */
void cm_names_free(cm_names *t)
{
	free(t->slots);
	free(t->arena);
	free(t->offset);
	memset(t, 0, sizeof(*t));
}

/* The text of name idx, in the arena. */
const char *cm_names_text(const cm_names *t, igraph_integer_t idx)
{
	return t->arena + t->offset[idx];
}

/* Free the hash slots, keeping the text of the names. */
void cm_names_drop_slots(cm_names *t)
{
	free(t->slots);
	t->slots = NULL;
	t->mask = 0;
}

/* Make room for `expect` names, rehashing what the table holds into the new slots. */
int cm_names_reserve(cm_names *t, size_t expect)
{
	size_t size = 1024;
	cm_name_slot *slots;

	while (size < expect * 2)
		size *= 2;
	if (t->slots && size <= t->mask + 1)
		return 0;
	slots = calloc(size, sizeof(*slots));
	if (!slots)
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	cm_advise_huge(slots, size * sizeof(*slots));
	for (size_t j = 0; t->slots && j <= t->mask; j++) {
		const cm_name_slot *o = &t->slots[j];
		const char *s;
		char key[24] = { 0 };
		size_t i, len;

		if (!o->index)
			continue;
		/* a slot keeps half the hash bits: hash the name again */
		s = cm_names_text(t, o->index - 1);
		len = strlen(s);
		memcpy(key, s, len < CM_NAME_INLINE ? len : CM_NAME_INLINE);
		for (i = names_hash(s, len, key) & (size - 1); slots[i].index; i = (i + 1) & (size - 1))
			;
		slots[i] = *o;
	}
	free(t->slots);
	t->slots = slots;
	t->mask = size - 1;
	return 0;
}

/* Prepare the look-up of NUL-terminated s: length, padded first bytes, hash. */
void cm_name_ref_init(cm_name_ref *r, const char *s)
{
	r->s = s;
	r->len = strlen(s);
	memset(r->key, 0, sizeof(r->key));
	memcpy(r->key, s, r->len < CM_NAME_INLINE ? r->len : CM_NAME_INLINE);
	r->hash = names_hash(s, r->len, r->key);
}

/* Ask for the slot where the look-up of r starts. */
void cm_names_prefetch(const cm_names *t, const cm_name_ref *r)
{
	if (t->slots)
		__builtin_prefetch(&t->slots[r->hash & t->mask]);
}

/* The slot of r in t: where it is, or the empty slot where it would go. */
static size_t names_find_slot(const cm_names *t, const cm_name_ref *r)
{
	uint32_t hi = (uint32_t)(r->hash >> 32);
	uint32_t slen = r->len <= CM_NAME_INLINE ? (uint32_t)r->len : UINT32_MAX;
	size_t i;

	for (i = r->hash & t->mask; t->slots[i].index; i = (i + 1) & t->mask) {
		const cm_name_slot *p = &t->slots[i];

		if (p->hash != hi || p->len != slen || memcmp(p->key, r->key, CM_NAME_INLINE))
			continue;
		if (slen == UINT32_MAX &&
		    strcmp(cm_names_text(t, p->index - 1) + CM_NAME_INLINE, r->s + CM_NAME_INLINE))
			continue;
		break;
	}
	return i;
}

/* The index of name s, or -1. */
igraph_integer_t cm_names_get(const cm_names *t, const char *s)
{
	cm_name_ref r;
	size_t i;

	if (!t->slots)
		return -1;
	cm_name_ref_init(&r, s);
	i = names_find_slot(t, &r);
	return t->slots[i].index ? (igraph_integer_t)t->slots[i].index - 1 : -1;
}

/* The index of the name r stands for, or -1 (the table is only read). */
igraph_integer_t cm_names_get_ref(const cm_names *t, const cm_name_ref *r)
{
	size_t i;

	if (!t->slots)
		return -1;
	i = names_find_slot(t, r);
	return t->slots[i].index ? (igraph_integer_t)t->slots[i].index - 1 : -1;
}

/* Find the name r stands for, adding a copy with the next index when absent. */
int cm_names_add_ref(cm_names *t, const cm_name_ref *r, igraph_integer_t *idx, int *added)
{
	size_t i;
	int rc;

	*added = 0;
	if ((!t->slots || (size_t)(t->n + 1) * 2 > t->mask + 1) &&
	    (rc = cm_names_reserve(t, (size_t)(t->n + 1) * 2)) < 0)
		return rc;
	i = names_find_slot(t, r);
	if (t->slots[i].index) {
		*idx = t->slots[i].index - 1;
		return 0;
	}
	if (t->n >= 0xFFFFFFFE)
		return cm_error_set(CM_EINPUT, _("more than 4294967294 actors"));
	if (t->n == t->cap) {
		igraph_integer_t cap = t->cap ? t->cap * 2 : 1024;
		size_t *p = realloc(t->offset, (size_t)cap * sizeof(*p));

		if (!p)
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		t->offset = p;
		t->cap = cap;
		cm_advise_huge(p, (size_t)cap * sizeof(*p));
	}
	if (t->arena_len + r->len + 1 > t->arena_cap) {
		size_t cap = t->arena_cap ? t->arena_cap : 65536;
		char *p;

		while (cap < t->arena_len + r->len + 1)
			cap *= 2;
		if (!(p = realloc(t->arena, cap)))
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		t->arena = p;
		t->arena_cap = cap;
		cm_advise_huge(p, cap);
	}
	memcpy(t->arena + t->arena_len, r->s, r->len + 1);
	t->offset[t->n] = t->arena_len;
	t->arena_len += r->len + 1;
	t->slots[i].hash = (uint32_t)(r->hash >> 32);
	t->slots[i].index = (uint32_t)(t->n + 1);
	t->slots[i].len = r->len <= CM_NAME_INLINE ? (uint32_t)r->len : UINT32_MAX;
	memcpy(t->slots[i].key, r->key, CM_NAME_INLINE);
	*idx = t->n++;
	*added = 1;
	return 0;
}

/* Find or add NUL-terminated s. */
int cm_names_add(cm_names *t, const char *s, igraph_integer_t *idx, int *added)
{
	cm_name_ref r;

	cm_name_ref_init(&r, s);
	return cm_names_add_ref(t, &r, idx, added);
}

/* A new table of net's actors by id, sized once. */
int cm_names_index(cm_names *t, const cm_network *net)
{
	igraph_integer_t n = cm_network_actors(net);
	int rc;

	cm_names_init(t);
	if ((rc = cm_names_reserve(t, (size_t)n)) < 0)
		return rc;
	for (igraph_integer_t v = 0; v < n; v++) {
		igraph_integer_t idx;
		int added;

		if ((rc = cm_names_add(t, cm_network_vattr(net, CM_ATTR_ID, v), &idx, &added)) < 0) {
			cm_names_free(t);
			return rc;
		}
	}
	return 0;
}
