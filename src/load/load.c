/* Loading networks: CSV edge lists and actor tables, and the igraph/Graphviz readers. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "coopmap/common.h"
#include "coopmap/load.h"
#include "coopmap/network.h"
#include "coopmap/table.h"
#include "coopmap/text.h"
#include "base/error.h"
#include "base/file.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "filter/filter.h"
#include "load/csv.h"
#include "load/dot.h"
#include "model/names.h"
#include "model/raw.h"

/* Widest table read (a header of more columns is refused). */
#define CM_MAX_COLUMNS 1000

/* Run an igraph call; on failure record why and leave through `done`. */
#define IG(call, what) \
	do { \
		igraph_error_t ig_err_ = (call); \
		if (ig_err_ != IGRAPH_SUCCESS) { \
			rc = cm_error_from_igraph(ig_err_, what); \
			goto done; \
		} \
	} while (0)

/* What a CSV column holds. */
enum role {
	R_EXTRA = 0, /* kept as a string attribute under its lowercased header */
	R_SKIP,      /* a column without a header */
	R_SOURCE, R_TARGET, R_WEIGHT, R_YEAR, R_KIND,
	R_ID, R_LABEL, R_TYPE, R_REGION,
	R_COUNT
};

static const char *const role_names[R_COUNT] = {
	"", "", "source", "target", "weight", "year", "kind", "id", "label", "type", "region"
};

/* Accepted headers (compared lowercased); documented in docs/input.md. */
static const struct {
	const char *header;
	int role;
	int nodes; /* 1: actor table, 0: edge list */
} synonyms[] = {
	{ "source", R_SOURCE, 0 }, { "from", R_SOURCE, 0 }, { "src", R_SOURCE, 0 },
	{ "target", R_TARGET, 0 }, { "to", R_TARGET, 0 }, { "dst", R_TARGET, 0 },
	{ "weight", R_WEIGHT, 0 }, { "value", R_WEIGHT, 0 },
	{ "year", R_YEAR, 0 }, { "kind", R_KIND, 0 },
	{ "id", R_ID, 1 }, { "name", R_ID, 1 }, { "node", R_ID, 1 },
	{ "label", R_LABEL, 1 }, { "type", R_TYPE, 1 }, { "region", R_REGION, 1 },
};

/* A string column: one value per row, pointing into the CSV buffer. */
typedef struct strcol {
	char *attr;          /* attribute name, owned */
	const char **v;
	int year;            /* actor table "year" column: validated as a whole number */
} strcol;

/* The columns of one CSV table. */
typedef struct header {
	int *role;           /* per CSV column */
	int *col;            /* per CSV column: index into the strcols, or -1 */
	size_t ncols;
	int at[R_COUNT];     /* CSV column of each role, or -1 */
	strcol *str;
	size_t nstr;
} header;

/*
 * The actor names met in the CSV files, interned: each name is copied once
 * into one growing arena and found again through an open-addressing table
 * whose 32-byte slots hold the name's length, 32 bits of its hash and its
 * first bytes.  A lookup of a name of up to NAME_INLINE bytes reads one slot
 * and never the arena: one cache miss per lookup on a million actors, where
 * a table of pointers costs two.
 */
#define NAME_INLINE 20
typedef struct name_slot {
	uint32_t hash;                 /* high 32 bits of the 64-bit hash */
	uint32_t index;                /* vertex index + 1; 0: empty slot */
	uint32_t len;                  /* length, or UINT32_MAX for longer names */
	char key[NAME_INLINE];         /* first bytes, zero-padded */
} name_slot;

typedef struct name_table {
	name_slot *slots;
	size_t mask;
	char *arena;                   /* every name, NUL-terminated, one after another */
	size_t arena_len, arena_cap;
	size_t *offset;                /* vertex index -> offset of its name in arena */
	igraph_integer_t n, cap;
} name_table;

/* Everything read from the CSV files, before the graph is built. */
typedef struct csv_net {
	name_table names;
	long *node_lines;           /* line of each actor-table row */
	igraph_integer_t nlisted;   /* actors from the actor table: indices 0..nlisted-1 */
	size_t vcap;
	header nh, eh;
	igraph_vector_int_t edges;
	igraph_vector_t weight, year;
	igraph_integer_t m;
	size_t ecap;
	int freed;                  /* csv_net_free() was called */
} csv_net;

/* Mix 64 bits (the finaliser of MurmurHash3). */
static uint64_t mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDULL;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ULL;
	return h ^ (h >> 33);
}

/* Hash a name of len bytes; key holds its first NAME_INLINE bytes, zero-padded to 24. */
static uint64_t name_hash(const char *s, size_t len, const char *key)
{
	uint64_t w[3], h;

	if (len <= NAME_INLINE) {
		memcpy(w, key, sizeof(w));
		return mix64(w[0] ^ mix64(w[1] ^ mix64(w[2] ^ len)));
	}
	h = 1469598103934665603ULL; /* FNV-1a for the rare long names */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return mix64(h ^ len);
}

/* Free the table and its arena. */
static void names_free(name_table *t)
{
	free(t->slots);
	free(t->arena);
	free(t->offset);
	memset(t, 0, sizeof(*t));
}

/* The text of actor v (valid until the next insertion moves the arena). */
static const char *names_text(const name_table *t, igraph_integer_t v)
{
	return t->arena + t->offset[v];
}

/* Make room for `expect` names without rehashing (the table stays at most half full). */
static int names_reserve(name_table *t, size_t expect)
{
	size_t size = 1024;
	name_slot *slots;

	while (size < expect * 2)
		size *= 2;
	if (t->slots && size <= t->mask + 1)
		return 0;
	slots = calloc(size, sizeof(*slots));
	if (!slots)
		return cm_error_set(CM_ENOMEM, "out of memory");
	cm_advise_huge(slots, size * sizeof(*slots));
	for (size_t j = 0; t->slots && j <= t->mask; j++) {
		const name_slot *o = &t->slots[j];
		const char *s;
		char key[24] = { 0 };
		size_t i, len;

		if (!o->index)
			continue;
		/* a slot keeps half the hash bits: hash the name again */
		s = names_text(t, o->index - 1);
		len = strlen(s);
		memcpy(key, s, len < NAME_INLINE ? len : NAME_INLINE);
		for (i = name_hash(s, len, key) & (size - 1); slots[i].index; i = (i + 1) & (size - 1))
			;
		slots[i] = *o;
	}
	free(t->slots);
	t->slots = slots;
	t->mask = size - 1;
	return 0;
}

/* A name to look up, with its length, padded first bytes and hash computed once. */
typedef struct name_ref {
	const char *s;
	size_t len;
	uint64_t hash;
	char key[24];
} name_ref;

/* Prepare the lookup of NUL-terminated s. */
static void name_ref_init(name_ref *r, const char *s)
{
	r->s = s;
	r->len = strlen(s);
	memset(r->key, 0, sizeof(r->key));
	memcpy(r->key, s, r->len < NAME_INLINE ? r->len : NAME_INLINE);
	r->hash = name_hash(s, r->len, r->key);
}

/* Ask for the slot where the lookup of r starts, ahead of the lookup. */
static void names_prefetch(const name_table *t, const name_ref *r)
{
	if (t->slots)
		__builtin_prefetch(&t->slots[r->hash & t->mask]);
}

/* Find the actor r names, adding it with the next index when absent; *added tells which. */
static int names_intern_ref(name_table *t, const name_ref *r, igraph_integer_t *idx, int *added)
{
	uint32_t hi = (uint32_t)(r->hash >> 32), slen = r->len <= NAME_INLINE ? (uint32_t)r->len : UINT32_MAX;
	size_t i;
	int rc;

	*added = 0;
	if ((!t->slots || (size_t)(t->n + 1) * 2 > t->mask + 1) &&
	    (rc = names_reserve(t, (size_t)(t->n + 1) * 2)) < 0)
		return rc;
	for (i = r->hash & t->mask; t->slots[i].index; i = (i + 1) & t->mask) {
		const name_slot *p = &t->slots[i];

		if (p->hash != hi || p->len != slen || memcmp(p->key, r->key, NAME_INLINE))
			continue;
		if (slen == UINT32_MAX &&
		    strcmp(names_text(t, p->index - 1) + NAME_INLINE, r->s + NAME_INLINE))
			continue;
		*idx = p->index - 1;
		return 0;
	}
	if (t->n >= 0xFFFFFFFE)
		return cm_error_set(CM_EINPUT, "more than 4294967294 actors");
	if (t->n == t->cap) {
		igraph_integer_t cap = t->cap ? t->cap * 2 : 1024;
		size_t *p = realloc(t->offset, (size_t)cap * sizeof(*p));

		if (!p)
			return cm_error_set(CM_ENOMEM, "out of memory");
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
			return cm_error_set(CM_ENOMEM, "out of memory");
		t->arena = p;
		t->arena_cap = cap;
		cm_advise_huge(p, cap);
	}
	memcpy(t->arena + t->arena_len, r->s, r->len + 1);
	t->offset[t->n] = t->arena_len;
	t->arena_len += r->len + 1;
	t->slots[i].hash = hi;
	t->slots[i].index = (uint32_t)(t->n + 1);
	t->slots[i].len = slen;
	memcpy(t->slots[i].key, r->key, NAME_INLINE);
	*idx = t->n++;
	*added = 1;
	return 0;
}

/* Find or add actor s (NUL-terminated). */
static int names_intern(name_table *t, const char *s, igraph_integer_t *idx, int *added)
{
	name_ref r;

	name_ref_init(&r, s);
	return names_intern_ref(t, &r, idx, added);
}

/* Line breaks from p to end, plus one: an upper bound on the records of a table. */
static size_t count_lines(const char *p, const char *end)
{
	size_t lines = 1;

	while (p < end && (p = memchr(p, '\n', (size_t)(end - p)))) {
		lines++;
		p++;
	}
	return lines;
}

/* Free a header's arrays. */
static void header_free(header *h)
{
	for (size_t i = 0; i < h->nstr; i++) {
		free(h->str[i].attr);
		free(h->str[i].v);
	}
	free(h->str);
	free(h->role);
	free(h->col);
	memset(h, 0, sizeof(*h));
}

/* Grow every string column of h to hold cap rows. */
static int header_reserve(header *h, size_t cap)
{
	for (size_t i = 0; i < h->nstr; i++) {
		const char **p = realloc(h->str[i].v, cap * sizeof(*p));

		if (!p)
			return cm_error_set(CM_ENOMEM, "out of memory");
		h->str[i].v = p;
		cm_advise_huge(p, cap * sizeof(*p));
	}
	return 0;
}

/* Add a string column for attribute attr (taken over). */
static int header_add_str(header *h, char *attr, int *index)
{
	strcol *p = realloc(h->str, (h->nstr + 1) * sizeof(*p));

	if (!p) {
		free(attr);
		return cm_error_set(CM_ENOMEM, "out of memory");
	}
	h->str = p;
	memset(&h->str[h->nstr], 0, sizeof(*p));
	h->str[h->nstr].attr = attr;
	*index = (int)h->nstr++;
	return 0;
}

/* List the header's fields as "a, b, c" for messages. */
static void list_columns(cm_strbuf *b, const cm_csv *c)
{
	for (size_t i = 0; i < c->nfields; i++)
		if (cm_strbuf_printf(b, "%s'%s'", i ? ", " : "", c->fields[i]) < 0)
			return;
}

/* Map the header record of an edge list (nodes = 0) or actor table (nodes = 1). */
static int read_header(header *h, cm_csv *c, int nodes)
{
	cm_strbuf found = { 0 };
	int has_id = 0, has_label = 0, rc;

	memset(h, 0, sizeof(*h));
	for (int r = 0; r < R_COUNT; r++)
		h->at[r] = -1;
	rc = cm_csv_next(c);
	if (rc < 0)
		goto done;
	if (rc == 0) {
		rc = cm_error_set_at(CM_EINPUT, c->name, 0, "empty file: expected a header line with %s",
		                     nodes ? "an id column" : "source and target columns");
		goto done;
	}
	rc = 0;
	/* the checks below are quadratic in the columns, and no real table has this many */
	if (c->nfields > CM_MAX_COLUMNS) {
		rc = cm_error_set_at(CM_EINPUT, c->name, c->record_line,
		                     "%zu columns: at most %d are supported", c->nfields, CM_MAX_COLUMNS);
		goto done;
	}
	h->ncols = c->nfields;
	h->role = calloc(h->ncols, sizeof(*h->role));
	h->col = calloc(h->ncols, sizeof(*h->col));
	if (!h->role || !h->col) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < h->ncols; i++) {
		has_id |= !strcasecmp(c->fields[i], "id");
		has_label |= !strcasecmp(c->fields[i], "label");
	}
	for (size_t i = 0; i < h->ncols; i++) {
		const char *f = c->fields[i];
		int role = R_EXTRA;
		char *lower;

		h->col[i] = -1;
		if (!f[0]) {
			h->role[i] = R_SKIP;
			cm_notice("%s: column %zu has no name, ignored", c->name, i + 1);
			continue;
		}
		for (size_t s = 0; s < sizeof(synonyms) / sizeof(synonyms[0]); s++)
			if (synonyms[s].nodes == nodes && !strcasecmp(f, synonyms[s].header))
				role = synonyms[s].role;
		/* "id,name,..." : the id names the actor, the name is its label */
		if (role == R_ID && has_id && strcasecmp(f, "id")) {
			if (has_label) {
				rc = cm_error_set_at(CM_EINPUT, c->name, c->record_line,
				                     "columns 'id', '%s' and 'label': which one names the "
				                     "actor? rename '%s'", f, f);
				goto done;
			}
			role = R_LABEL;
		}
		if (role != R_EXTRA && h->at[role] >= 0) {
			rc = cm_error_set_at(CM_EINPUT, c->name, c->record_line,
			                     "columns '%s' and '%s' both give the %s",
			                     c->fields[h->at[role]], f, role_names[role]);
			goto done;
		}
		h->role[i] = role;
		if (role != R_EXTRA)
			h->at[role] = (int)i;
		if (role == R_EXTRA || role == R_KIND || role == R_LABEL || role == R_TYPE ||
		    role == R_REGION) {
			lower = cm_ascii_lower(role == R_EXTRA ? f : role_names[role]);
			if (!lower) {
				rc = CM_ENOMEM;
				goto done;
			}
			for (size_t k = 0; k < h->nstr; k++) {
				if (!strcmp(h->str[k].attr, lower)) {
					rc = cm_error_set_at(CM_EINPUT, c->name, c->record_line,
					                     "column '%s' appears twice", f);
					free(lower);
					goto done;
				}
			}
			if ((rc = header_add_str(h, lower, &h->col[i])) < 0)
				goto done;
			h->str[h->col[i]].year = nodes && !strcmp(h->str[h->col[i]].attr, CM_ATTR_YEAR);
		}
	}
	if (nodes ? h->at[R_ID] < 0 : h->at[R_SOURCE] < 0 || h->at[R_TARGET] < 0) {
		const char *missing = nodes ? "id" : h->at[R_SOURCE] < 0 ? "source" : "target";

		list_columns(&found, c);
		rc = cm_error_set_at(CM_EINPUT, c->name, c->record_line,
		                     "no '%s' column (columns found: %s); the header must name %s",
		                     missing, found.s ? found.s : "none",
		                     nodes ? "an id column" : "source and target columns");
		goto done;
	}
done:
	cm_strbuf_free(&found);
	return rc;
}

/* A record must have the header's number of fields (extra empty ones are tolerated). */
static int check_width(const cm_csv *c, const header *h)
{
	size_t n = c->nfields;

	while (n > h->ncols && !c->fields[n - 1][0])
		n--;
	if (n != h->ncols)
		return cm_error_set_at(CM_EINPUT, c->name, c->record_line,
		                       "%zu field%s where the header has %zu", n, n == 1 ? "" : "s",
		                       h->ncols);
	return 0;
}

/* Whole numbers of up to 9 digits skip strtod: every year. */
static int parse_small_int(double *out, const char *s)
{
	const char *p = s + (s[0] == '-');
	long v = 0;
	int n = 0;

	for (; *p; p++, n++) {
		if (*p < '0' || *p > '9' || n >= 9)
			return -1;
		v = v * 10 + (*p - '0');
	}
	if (n == 0)
		return -1;
	*out = s[0] == '-' ? -(double)v : (double)v;
	return 0;
}

/*
 * Plain decimals ("3", "0.25", "-2", ".5", "1,5" with a decimal comma) skip
 * strtod: with at most 15 digits the digits make an exact double and so
 * does the power of ten, and one IEEE division of two exact doubles is
 * correctly rounded -- the value strtod gives.  Anything else (spaces,
 * exponents, '+', more digits) returns -1 for cm_parse_number to decide.
 */
static int parse_plain_decimal(double *out, const char *s, int decimal_comma)
{
	static const double pow10[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
	};
	const char *p = s + (s[0] == '-');
	uint64_t mant = 0;
	int digits = 0, frac = -1;
	double v;

	for (;; p++) {
		if (*p >= '0' && *p <= '9') {
			if (++digits > 15)
				return -1;
			mant = mant * 10 + (uint64_t)(*p - '0');
			if (frac >= 0)
				frac++;
		} else if ((*p == '.' || (*p == ',' && decimal_comma)) && frac < 0) {
			frac = 0;
		} else {
			break;
		}
	}
	if (*p || digits == 0)
		return -1;
	v = frac > 0 ? (double)mant / pow10[frac] : (double)mant;
	*out = s[0] == '-' ? -v : v;
	return 0;
}

/* Parse a year: a whole number, or "" for undated (NaN). */
static int parse_year(double *out, const char *text)
{
	double v;

	if (!text[0]) {
		*out = NAN;
		return 0;
	}
	if (parse_small_int(out, text) == 0)
		return 0;
	if (cm_parse_number(&v, text, 0) < 0 || v != floor(v) || fabs(v) > 1e9)
		return -1;
	*out = v;
	return 0;
}

/* Read the actor table: one actor per row, in order. */
static int read_nodes(csv_net *net, cm_csv *c)
{
	header *h = &net->nh;
	int rc, added;

	if ((rc = read_header(h, c, 1)) < 0)
		return rc;
	/* one actor per line, most often: size the table and the columns once */
	net->vcap = count_lines(c->buf + c->pos, c->buf + c->len);
	if ((rc = names_reserve(&net->names, net->vcap)) < 0)
		return rc;
	if (!(net->node_lines = malloc(net->vcap * sizeof(*net->node_lines))))
		return cm_error_set(CM_ENOMEM, "out of memory");
	cm_advise_huge(net->node_lines, net->vcap * sizeof(*net->node_lines));
	if ((rc = header_reserve(h, net->vcap)) < 0)
		return rc;
	while ((rc = cm_csv_next(c)) == 1) {
		const char *id;
		igraph_integer_t v;
		double year;

		if (c->nfields != h->ncols && (rc = check_width(c, h)) < 0)
			return rc;
		id = c->fields[h->at[R_ID]];
		if (!id[0])
			return cm_error_set_at(CM_EINPUT, c->name, c->record_line, "empty id");
		if ((rc = names_intern(&net->names, id, &v, &added)) < 0)
			return rc;
		if (!added)
			return cm_error_set_at(CM_EINPUT, c->name, c->record_line,
			                       "actor '%s' is listed twice (first on line %ld)",
			                       id, net->node_lines[v]);
		if ((size_t)v >= net->vcap) {
			size_t cap = net->vcap * 2;
			long *lines = realloc(net->node_lines, cap * sizeof(*lines));

			if (!lines)
				return cm_error_set(CM_ENOMEM, "out of memory");
			net->node_lines = lines;
			net->vcap = cap;
			if ((rc = header_reserve(h, cap)) < 0)
				return rc;
		}
		net->node_lines[v] = c->record_line;
		for (size_t i = 0; i < h->ncols; i++) {
			strcol *s;

			if (h->col[i] < 0)
				continue;
			s = &h->str[h->col[i]];
			s->v[v] = i < c->nfields ? c->fields[i] : "";
			if (s->year && parse_year(&year, s->v[v]) < 0)
				return cm_error_set_at(CM_EINPUT, c->name, c->record_line,
				                       "year '%s' is not a whole number", s->v[v]);
		}
		net->nlisted = v + 1;
	}
	return rc;
}

/* Make room for cap ties in every per-tie array. */
static int edges_reserve(csv_net *net, size_t cap)
{
	if (igraph_vector_int_reserve(&net->edges, 2 * (igraph_integer_t)cap) ||
	    igraph_vector_reserve(&net->weight, (igraph_integer_t)cap) ||
	    igraph_vector_reserve(&net->year, (igraph_integer_t)cap))
		return cm_error_set(CM_ENOMEM, "out of memory");
	cm_advise_huge(VECTOR(net->edges), 2 * cap * sizeof(igraph_integer_t));
	cm_advise_huge(VECTOR(net->weight), cap * sizeof(double));
	cm_advise_huge(VECTOR(net->year), cap * sizeof(double));
	net->ecap = cap;
	return header_reserve(&net->eh, cap);
}

/* Records read before their actors are looked up (see read_edges). */
#define EDGE_BATCH 64

/*
 * Read the edge list: one tie per row.  The per-tie arrays are sized from
 * the line count and written directly; their igraph sizes are set at the
 * end.  Records are read in batches whose actor names are hashed and their
 * table slots fetched ahead, then looked up in file order: a lookup in a
 * table of a million actors waits for memory, and this way the waits
 * overlap instead of adding up.
 */
static int read_edges(csv_net *net, cm_csv *c)
{
	header *h = &net->eh;
	const int decimal_comma = c->delim != ',';
	name_ref refs[2 * EDGE_BATCH];
	igraph_integer_t *ends;
	double *weight, *year;
	int rc, at_w, at_y, added;
	size_t lines;

	if ((rc = read_header(h, c, 0)) < 0)
		return rc;
	at_w = h->at[R_WEIGHT];
	at_y = h->at[R_YEAR];
	lines = count_lines(c->buf + c->pos, c->buf + c->len);
	/* without an actor table, guess an actor per 16 ties (the table grows if needed) */
	if (!net->nlisted && (rc = names_reserve(&net->names, lines / 16)) < 0)
		return rc;
	if ((rc = edges_reserve(net, lines + EDGE_BATCH)) < 0)
		return rc;
	do {
		igraph_integer_t m = net->m, k = 0;

		/* more records than line feeds (lone CR line breaks): grow */
		if ((size_t)m + EDGE_BATCH > net->ecap && (rc = edges_reserve(net, net->ecap * 2)) < 0)
			return rc;
		weight = VECTOR(net->weight);
		year = VECTOR(net->year);
		while (k < EDGE_BATCH && (rc = cm_csv_next(c)) == 1) {
			const char *src, *dst, *ws, *ys;
			double w = 1, y = NAN;

			if (c->nfields != h->ncols && (rc = check_width(c, h)) < 0)
				return rc;
			src = c->fields[h->at[R_SOURCE]];
			dst = c->fields[h->at[R_TARGET]];
			if (!src[0] || !dst[0])
				return cm_error_set_at(CM_EINPUT, c->name, c->record_line, "empty %s",
				                       !src[0] ? "source" : "target");
			if (at_w >= 0 && (ws = c->fields[at_w])[0]) {
				if (parse_plain_decimal(&w, ws, decimal_comma) < 0 &&
				    cm_parse_number(&w, ws, decimal_comma) < 0)
					return cm_error_set_at(CM_EINPUT, c->name, c->record_line,
					                       "weight '%s' is not a number%s", ws,
					                       strchr(ws, ',') ? " (write decimals with a point, or "
					                       "separate the fields with ';')" : "");
				if (!(w > 0))
					return cm_error_set_at(CM_EINPUT, c->name, c->record_line,
					                       "weight '%s' is not a positive number", ws);
			}
			if (at_y >= 0 && parse_year(&y, (ys = c->fields[at_y])) < 0)
				return cm_error_set_at(CM_EINPUT, c->name, c->record_line,
				                       "year '%s' is not a whole number", ys);
			/* the fields stay in the buffer, NUL-terminated, after the next record is read */
			name_ref_init(&refs[2 * k], src);
			name_ref_init(&refs[2 * k + 1], dst);
			names_prefetch(&net->names, &refs[2 * k]);
			names_prefetch(&net->names, &refs[2 * k + 1]);
			for (size_t i = 0; i < h->ncols; i++)
				if (h->col[i] >= 0)
					h->str[h->col[i]].v[m + k] = c->fields[i];
			weight[m + k] = w;
			year[m + k] = y;
			k++;
		}
		if (rc < 0)
			return rc;
		ends = VECTOR(net->edges);
		for (igraph_integer_t j = 0; j < 2 * k; j++) {
			int r = names_intern_ref(&net->names, &refs[j], &ends[2 * m + j], &added);

			if (r < 0)
				return r;
		}
		net->m = m + k;
		if ((net->m & ~(igraph_integer_t)0xFFFF) != (m & ~(igraph_integer_t)0xFFFF) && cm_interrupted())
			return cm_error_set(CM_EINTERRUPTED, "interrupted");
	} while (rc == 1);
	/* within the capacity reserved above: cannot fail */
	igraph_vector_int_resize(&net->edges, 2 * net->m);
	igraph_vector_resize(&net->weight, net->m);
	igraph_vector_resize(&net->year, net->m);
	return rc;
}

/*
 * Put the ties in the order igraph indexes fastest: grouped by their
 * smaller end (first end when directed), in file order within a group.
 * igraph_add_edges() sorts the ties by their ends with a linked-list radix
 * sort whose every step is a cache miss when the ties come in file order:
 * grouped, it took 2.7 s instead of 7-9 s at 10 million ties.  Without year
 * filters, self-loops are dropped and repeated ties merged on the way (the
 * rules of cm_network_finish(), which then has nothing to do): deleting
 * ties from a built graph copies every attribute.
 */
static int group_ties(csv_net *net, int directed, int merge)
{
	igraph_integer_t m = net->m, loops = 0, merged = 0, k = 0, count = 0;
	igraph_integer_t *ends = VECTOR(net->edges), *order = NULL, *te;
	double *w = VECTOR(net->weight), *y = VECTOR(net->year), *td;
	char *flags = calloc((size_t)m + 1, 1);
	void *tmp = NULL;
	const char **ts;
	int rc = 0;

	if (!flags)
		return cm_error_set(CM_ENOMEM, "out of memory");
	cm_advise_huge(flags, (size_t)m + 1);
	for (igraph_integer_t e = 0; merge && e < m; e++) {
		if (ends[2 * e] == ends[2 * e + 1]) {
			flags[e] = 1;
			loops++;
		}
	}
	if ((rc = cm_ties_merge_grouped(&net->edges, directed, flags, merge ? w : NULL, y, &merged,
	                                &order, &count)) < 0)
		goto done;
	for (igraph_integer_t i = 0; i < count; i++)
		if (!flags[order[i]])
			order[k++] = order[i];
	/* gather each per-tie array in the new order through one buffer */
	if (!(tmp = malloc(((size_t)k + 1) * 2 * sizeof(*te)))) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	cm_advise_huge(tmp, ((size_t)k + 1) * 2 * sizeof(*te));
	te = tmp;
	for (igraph_integer_t i = 0; i < k; i++) {
		te[2 * i] = ends[2 * order[i]];
		te[2 * i + 1] = ends[2 * order[i] + 1];
	}
	memcpy(ends, te, (size_t)k * 2 * sizeof(*te));
	td = tmp;
	for (igraph_integer_t i = 0; i < k; i++)
		td[i] = w[order[i]];
	memcpy(w, td, (size_t)k * sizeof(*td));
	for (igraph_integer_t i = 0; i < k; i++)
		td[i] = y[order[i]];
	memcpy(y, td, (size_t)k * sizeof(*td));
	ts = tmp;
	for (size_t s = 0; s < net->eh.nstr; s++) {
		const char **v = net->eh.str[s].v;

		for (igraph_integer_t i = 0; i < k; i++)
			ts[i] = v[order[i]];
		memcpy(v, ts, (size_t)k * sizeof(*ts));
	}
	net->m = k;
	igraph_vector_int_resize(&net->edges, 2 * k); /* shrinking cannot fail */
	igraph_vector_resize(&net->weight, k);
	igraph_vector_resize(&net->year, k);
	cm_ties_notices(loops, 0, 0, merged, 0);
done:
	free(flags);
	free(order);
	free(tmp);
	return rc;
}

/* Set string attribute attr of elements 0..count-1 from v (empty values stay as created). */
static int set_each(igraph_t *g, int edges, const char *attr, const char *const *v,
                    const name_table *names, igraph_integer_t count)
{
	int rc = 0;

	for (igraph_integer_t i = 0; i < count; i++) {
		const char *s = names ? names_text(names, i) : v[i];

		if (!s[0])
			continue;
		if (edges)
			IG(igraph_cattribute_EAS_set(g, attr, i, s), "building the graph");
		else
			IG(igraph_cattribute_VAS_set(g, attr, i, s), "building the graph");
	}
done:
	return rc;
}

/*
 * Build the raw graph from what the CSV files held.  String attributes are
 * created while the graph is empty and filled in place once the actors and
 * ties exist: igraph's handler gives each new element its own empty string,
 * which a short value then reuses, where setting a whole string vector
 * would copy every string once more.  The ties go in with one
 * igraph_add_edges() call (one index sort); the tie list is released
 * before the numbers are copied in.
 */
static int build_graph(igraph_t *g, csv_net *net, cm_csv *nodes, int directed)
{
	igraph_integer_t n = net->names.n;
	igraph_vector_t listed;
	igraph_strvector_t none;
	int rc = 0, have_graph = 0;

	IG(igraph_vector_init(&listed, 0), "building the graph");
	IG(igraph_strvector_init(&none, 0), "building the graph");
	IG(igraph_empty(g, 0, directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED), "building the graph");
	have_graph = 1;
	IG(igraph_cattribute_VAS_setv(g, CM_ATTR_ID, &none), "building the graph");
	for (size_t i = 0; i < net->nh.nstr; i++)
		IG(igraph_cattribute_VAS_setv(g, net->nh.str[i].attr, &none), "building the graph");
	for (size_t i = 0; i < net->eh.nstr; i++)
		IG(igraph_cattribute_EAS_setv(g, net->eh.str[i].attr, &none), "building the graph");
	IG(igraph_add_vertices(g, n, NULL), "building the graph");
	if ((rc = set_each(g, 0, CM_ATTR_ID, NULL, &net->names, n)) < 0)
		goto done;
	for (size_t i = 0; i < net->nh.nstr; i++)
		if ((rc = set_each(g, 0, net->nh.str[i].attr, net->nh.str[i].v, NULL, net->nlisted)) < 0)
			goto done;
	IG(igraph_vector_resize(&listed, n), "building the graph");
	igraph_vector_null(&listed);
	for (igraph_integer_t v = 0; v < net->nlisted; v++)
		VECTOR(listed)[v] = 1;
	IG(igraph_cattribute_VAN_setv(g, CM_ATTR_LISTED, &listed), "building the graph");
	igraph_vector_destroy(&listed);
	IG(igraph_vector_init(&listed, 0), "building the graph");
	/* what served only to read the actors goes before the ties come in (the peak) */
	free(net->names.slots);
	net->names.slots = NULL;
	net->names.mask = 0;
	free(net->node_lines);
	net->node_lines = NULL;
	header_free(&net->nh);
	cm_csv_close(nodes);
	IG(igraph_add_edges(g, &net->edges, NULL), "building the graph");
	igraph_vector_int_clear(&net->edges);
	igraph_vector_int_resize_min(&net->edges);
	for (size_t i = 0; i < net->eh.nstr; i++)
		if ((rc = set_each(g, 1, net->eh.str[i].attr, net->eh.str[i].v, NULL, net->m)) < 0)
			goto done;
	IG(igraph_cattribute_EAN_setv(g, CM_ATTR_WEIGHT, &net->weight), "building the graph");
	igraph_vector_clear(&net->weight);
	igraph_vector_resize_min(&net->weight);
	IG(igraph_cattribute_EAN_setv(g, CM_ATTR_YEAR, &net->year), "building the graph");
done:
	if (rc < 0 && have_graph)
		igraph_destroy(g);
	igraph_strvector_destroy(&none);
	igraph_vector_destroy(&listed);
	return rc;
}

/* Free what the CSV tables held (twice is fine). */
static void csv_net_free(csv_net *net)
{
	if (net->freed)
		return;
	names_free(&net->names);
	free(net->node_lines);
	net->node_lines = NULL;
	header_free(&net->nh);
	header_free(&net->eh);
	igraph_vector_int_destroy(&net->edges);
	igraph_vector_destroy(&net->weight);
	igraph_vector_destroy(&net->year);
	net->freed = 1;
}

/* Load a CSV edge list (buffer taken over) and an optional actor table. */
static int load_csv(cm_network **out, char *buf, size_t len, const char *name,
                    char default_delim, const char *nodes_path, const cm_load_options *opts)
{
	cm_csv edges = { 0 }, nodes = { 0 };
	csv_net net;
	igraph_t g;
	unsigned ready = CM_READY_NAMES | CM_READY_NUMBERS;
	int rc;

	memset(&net, 0, sizeof(net));
	igraph_vector_int_init(&net.edges, 0);
	igraph_vector_init(&net.weight, 0);
	igraph_vector_init(&net.year, 0);
	if (nodes_path) {
		const char *dot = strrchr(nodes_path, '.');

		if ((rc = cm_csv_open(&nodes, nodes_path, nodes_path,
		                      dot && !strcasecmp(dot, ".tsv") ? '\t' : ',')) < 0)
			goto done;
		if ((rc = read_nodes(&net, &nodes)) < 0)
			goto done;
	}
	rc = cm_csv_open_buffer(&edges, buf, len, name, default_delim);
	buf = NULL;
	if (rc < 0 || (rc = read_edges(&net, &edges)) < 0)
		goto done;
	/* the edge list's text is needed no more unless a text column points into it */
	if (net.eh.nstr == 0)
		cm_csv_close(&edges);
	if (net.names.n > net.nlisted && nodes_path)
		cm_notice("%" IGRAPH_PRId " actor%s named in %s %s not in %s: added",
		          net.names.n - net.nlisted, net.names.n - net.nlisted == 1 ? "" : "s", name,
		          net.names.n - net.nlisted == 1 ? "is" : "are", nodes_path);
	if (!opts->filter.has_from && !opts->filter.has_to) {
		if ((rc = group_ties(&net, opts->directed, 1)) < 0)
			goto done;
		ready |= CM_READY_MERGED;
	} else if ((rc = group_ties(&net, opts->directed, 0)) < 0) {
		goto done;
	}
	if ((rc = build_graph(&g, &net, &nodes, opts->directed)) < 0)
		goto done;
	/* the graph holds copies of everything: release the text before the pipeline */
	csv_net_free(&net);
	cm_csv_close(&edges);
	cm_csv_close(&nodes);
	rc = cm_network_finish_ready(out, &g, name, opts, ready);
done:
	free(buf);
	cm_csv_close(&edges);
	cm_csv_close(&nodes);
	csv_net_free(&net);
	return rc;
}

/* GML: labels name the actors when there is no "name" and they are all present and distinct. */
static int label_as_name(igraph_t *g)
{
	igraph_strvector_t sv;
	cm_names seen;
	int rc = 0, added, usable = 1;

	cm_names_init(&seen);
	IG(igraph_strvector_init(&sv, 0), "reading labels");
	if (cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID) >= 0 ||
	    cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_LABEL) != IGRAPH_ATTRIBUTE_STRING)
		goto done;
	IG(igraph_cattribute_VASV(g, CM_ATTR_LABEL, igraph_vss_all(), &sv), "reading labels");
	for (igraph_integer_t v = 0; v < igraph_strvector_size(&sv) && usable; v++) {
		const char *s = igraph_strvector_get(&sv, v);
		igraph_integer_t idx;

		if ((rc = cm_names_add(&seen, s, &idx, &added)) < 0)
			goto done;
		usable = s[0] && added;
	}
	if (usable)
		IG(igraph_cattribute_VAS_setv(g, CM_ATTR_ID, &sv), "reading labels");
done:
	igraph_strvector_destroy(&sv);
	cm_names_free(&seen);
	return rc;
}

/* Pajek: a vertex without a label is known by its number in the file (from 1). */
static int pajek_names(igraph_t *g)
{
	igraph_strvector_t sv;
	char buf[32];
	int rc = 0;

	IG(igraph_strvector_init(&sv, igraph_vcount(g)), "naming actors");
	if (cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID) == IGRAPH_ATTRIBUTE_STRING)
		IG(igraph_cattribute_VASV(g, CM_ATTR_ID, igraph_vss_all(), &sv), "naming actors");
	for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
		if (igraph_strvector_get(&sv, v)[0])
			continue;
		snprintf(buf, sizeof(buf), "%" IGRAPH_PRId, v + 1);
		IG(igraph_strvector_set(&sv, v, buf), "naming actors");
	}
	if (igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID))
		igraph_cattribute_remove_v(g, CM_ATTR_ID);
	IG(igraph_cattribute_VAS_setv(g, CM_ATTR_ID, &sv), "naming actors");
done:
	igraph_strvector_destroy(&sv);
	return rc;
}

/*
 * Pajek declares its actor count first and igraph creates them all before
 * reading on: 20 bytes could ask for billions.  Beyond 100,000, refuse a
 * count larger than the file (an actor costs at least a byte to list).
 */
static int pajek_check_count(const char *buf, size_t len, const char *name)
{
	size_t i = 0;

	while (i < len) {
		const char *line = buf + i, *nl = memchr(line, '\n', len - i);
		size_t n = nl ? (size_t)(nl - line) : len - i;

		if (n > 9 && !strncasecmp(line, "*vertices", 9)) {
			unsigned long long count = 0;
			size_t k = 9;

			while (k < n && (line[k] == ' ' || line[k] == '\t'))
				k++;
			if (k < n && line[k] == '+') /* igraph's reader takes a sign too */
				k++;
			for (; k < n && line[k] >= '0' && line[k] <= '9'; k++)
				count = count >= ULLONG_MAX / 10 ? ULLONG_MAX / 10 : count * 10 + (unsigned long long)(line[k] - '0');
			if (count > 100000 && count > len)
				return cm_error_set_at(CM_EINPUT, name, 0,
				                       "declares %llu actors in a file of %zu bytes", count, len);
			return 0;
		}
		i += n + 1;
	}
	return 0;
}

/* Read GraphML, GML or Pajek through igraph. */
static int load_igraph(cm_network **out, char *buf, size_t len, const char *name,
                       cm_input_format format, const cm_load_options *opts)
{
	static const char *const format_names[] = { "", "CSV", "GraphML", "GML", "Pajek", "DOT" };
	igraph_safelocale_t loc = NULL;
	igraph_error_t err;
	igraph_t g;
	FILE *f = NULL;
	int rc = 0, had_error = cm_error_code() != 0;

	if (len == 0) {
		rc = cm_error_set_at(CM_EINPUT, name, 0, "empty file");
		goto done;
	}
	/* XML declares its own encoding; the others must become UTF-8 text first */
	if (format != CM_INPUT_GRAPHML && (rc = cm_text_prepare(&buf, &len, name)) < 0)
		goto done;
	if (format == CM_INPUT_PAJEK && (rc = pajek_check_count(buf, len, name)) < 0)
		goto done;
	f = fmemopen(buf, len, "r");
	if (!f) {
		rc = cm_error_set(CM_ENOMEM, "cannot read %s: %s", name, strerror(errno));
		goto done;
	}
	/* igraph's readers parse numbers with the C library: keep LC_NUMERIC out */
	if (igraph_enter_safelocale(&loc) != IGRAPH_SUCCESS)
		loc = NULL;
	if (format == CM_INPUT_GRAPHML)
		err = igraph_read_graph_graphml(&g, f, 0);
	else if (format == CM_INPUT_GML)
		err = igraph_read_graph_gml(&g, f);
	else
		err = igraph_read_graph_pajek(&g, f);
	if (loc)
		igraph_exit_safelocale(&loc);
	if (err != IGRAPH_SUCCESS) {
		char reason[512];
		const char *msg = cm_error_message();

		if (err == IGRAPH_ENOMEM) {
			rc = cm_error_set(CM_ENOMEM, "out of memory reading %s", name);
			goto done;
		}
		if (!strncmp(msg, "igraph: ", 8))
			msg += 8;
		snprintf(reason, sizeof(reason), "%s", msg[0] ? msg : igraph_strerror(err));
		if (!had_error)
			cm_error_clear();
		rc = cm_error_set_at(CM_EINPUT, name, 0, "not a valid %s file: %s",
		                     format_names[format], reason);
		goto done;
	}
	if ((format == CM_INPUT_GML && (rc = label_as_name(&g)) < 0) ||
	    (format == CM_INPUT_PAJEK && (rc = pajek_names(&g)) < 0)) {
		igraph_destroy(&g);
		goto done;
	}
	rc = cm_network_finish(out, &g, name, opts);
done:
	if (f)
		fclose(f);
	free(buf);
	return rc;
}

/* The format a file extension stands for, or CM_INPUT_AUTO. */
static cm_input_format format_from_extension(const char *path)
{
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');

	if (!dot || (slash && dot < slash))
		return CM_INPUT_AUTO;
	if (!strcasecmp(dot, ".csv") || !strcasecmp(dot, ".tsv") || !strcasecmp(dot, ".txt"))
		return CM_INPUT_CSV;
	if (!strcasecmp(dot, ".graphml") || !strcasecmp(dot, ".xml"))
		return CM_INPUT_GRAPHML;
	if (!strcasecmp(dot, ".gml"))
		return CM_INPUT_GML;
	if (!strcasecmp(dot, ".net") || !strcasecmp(dot, ".paj"))
		return CM_INPUT_PAJEK;
	if (!strcasecmp(dot, ".dot") || !strcasecmp(dot, ".gv"))
		return CM_INPUT_DOT;
	return CM_INPUT_AUTO;
}

/* Guess a format from the first bytes of the text; CSV when nothing else fits. */
static cm_input_format format_from_content(const char *buf, size_t len)
{
	size_t i = 0;

	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' || buf[i] == '\r'))
		i++;
	buf += i;
	if (buf[0] == '<')
		return CM_INPUT_GRAPHML;
	if (buf[0] == '*')
		return CM_INPUT_PAJEK;
	if (!strncasecmp(buf, "digraph", 7) || !strncasecmp(buf, "strict", 6))
		return CM_INPUT_DOT;
	if (!strncasecmp(buf, "creator", 7) || !strncasecmp(buf, "version", 7))
		return CM_INPUT_GML;
	if (!strncasecmp(buf, "graph", 5)) {
		const char *p = buf + 5;

		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		return *p == '[' ? CM_INPUT_GML : CM_INPUT_DOT;
	}
	return CM_INPUT_CSV;
}

/* Spreadsheet files are refused with advice rather than parsed as junk. */
static int is_spreadsheet(const char *path, const char *buf, size_t len)
{
	const char *dot = strrchr(path, '.');

	if (dot && (!strcasecmp(dot, ".xlsx") || !strcasecmp(dot, ".xls") || !strcasecmp(dot, ".ods")))
		return 1;
	return (len >= 4 && !memcmp(buf, "PK\x03\x04", 4)) ||
	       (len >= 4 && !memcmp(buf, "\xD0\xCF\x11\xE0", 4));
}

/* path/file if it exists as a regular file, else NULL. */
static char *file_in(const char *dir, const char *file)
{
	cm_strbuf b = { 0 };
	struct stat st;

	if (cm_strbuf_printf(&b, "%s%s%s", dir,
	                     dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/", file) < 0)
		return NULL;
	if (stat(b.s, &st) < 0 || !S_ISREG(st.st_mode)) {
		cm_strbuf_free(&b);
		return NULL;
	}
	return b.s;
}

int cm_network_load(cm_network **out, const char *input, const cm_load_options *opts)
{
	static const cm_load_options defaults;
	cm_input_format format;
	char *edges_path = NULL, *nodes_found = NULL, *buf = NULL;
	const char *path = input, *name = input, *nodes_path;
	size_t len = 0;
	struct stat st;
	int rc = 0, is_stdin;

	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (!input || !input[0])
		return cm_error_set(CM_EUSAGE, "no input given");
	is_stdin = !strcmp(input, "-");
	nodes_path = opts->nodes_path;
	format = opts->format;
	if (is_stdin) {
		name = "<stdin>";
	} else if (stat(input, &st) == 0 && S_ISDIR(st.st_mode)) {
		/* a folder: edges.csv (or edges.tsv) and maybe nodes.csv */
		if (format != CM_INPUT_AUTO && format != CM_INPUT_CSV) {
			rc = cm_error_set(CM_EUSAGE, "'%s' is a folder: only CSV folders can be read", input);
			goto done;
		}
		edges_path = file_in(input, "edges.csv");
		if (!edges_path)
			edges_path = file_in(input, "edges.tsv");
		if (!edges_path) {
			rc = cm_error_set(CM_EIO, "no edges.csv or edges.tsv in folder '%s'", input);
			goto done;
		}
		if (!nodes_path) {
			nodes_found = file_in(input, "nodes.csv");
			if (!nodes_found)
				nodes_found = file_in(input, "nodes.tsv");
			nodes_path = nodes_found;
		}
		path = name = edges_path;
		format = CM_INPUT_CSV;
	}
	if (format == CM_INPUT_AUTO)
		format = is_stdin ? CM_INPUT_CSV : format_from_extension(path);
	if (format == CM_INPUT_DOT) {
		igraph_t g;

		if (nodes_path) {
			rc = cm_error_set(CM_EUSAGE, "--nodes works with CSV edge lists only");
			goto done;
		}
		if ((rc = cm_gv_read_dot(&g, path)) < 0)
			goto done;
		/* Graphviz passes bytes through: a Latin-1 DOT file must not slip in */
		if ((rc = cm_network_check_text(&g, name)) < 0) {
			igraph_destroy(&g);
			goto done;
		}
		rc = cm_network_finish(out, &g, name, opts);
		goto done;
	}
	if ((rc = cm_read_file(&buf, &len, path)) < 0)
		goto done;
	if (is_spreadsheet(path, buf, len)) {
		rc = cm_error_set(CM_EINPUT, "%s: a spreadsheet file: save the sheet as CSV (UTF-8) "
		                  "and load the .csv", name);
		goto done;
	}
	if (format == CM_INPUT_AUTO)
		format = format_from_content(buf, len);
	if (format == CM_INPUT_DOT) {
		rc = cm_error_set(CM_EUSAGE, "%s looks like DOT: use the .dot or .gv extension", name);
		goto done;
	}
	if (format != CM_INPUT_CSV && nodes_path) {
		rc = cm_error_set(CM_EUSAGE, "--nodes works with CSV edge lists only");
		goto done;
	}
	if (format == CM_INPUT_CSV) {
		const char *dot = strrchr(path, '.');

		rc = load_csv(out, buf, len, name, dot && !strcasecmp(dot, ".tsv") ? '\t' : ',',
		              nodes_path, opts);
	} else {
		rc = load_igraph(out, buf, len, name, format, opts);
	}
	buf = NULL;
	if (rc == 0 && is_stdin) {
		free((*out)->source);
		(*out)->source = cm_strdup("-");
		if (!(*out)->source) {
			cm_network_free(*out);
			*out = NULL;
			rc = CM_ENOMEM;
		}
	}
done:
	free(buf);
	free(edges_path);
	free(nodes_found);
	return rc;
}
