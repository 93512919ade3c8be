/*
 * Internal interfaces shared between the library's modules.  Not installed.
 */
#ifndef COOPMAP_INTERNAL_H
#define COOPMAP_INTERNAL_H

#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

#include <igraph.h>

#include "coopmap/coopmap.h"

/* error.c: turn an igraph failure into a coopmap error (keeps an earlier reason). */
int cm_error_from_igraph(igraph_error_t err, const char *what);

/* util.c: a growable string. */
typedef struct cm_strbuf {
	char *s;
	size_t len, cap;
} cm_strbuf;

/* Append n bytes; returns 0 or CM_ENOMEM (the buffer stays valid). */
int cm_strbuf_add(cm_strbuf *b, const char *s, size_t n);
/* Append a NUL-terminated string. */
int cm_strbuf_puts(cm_strbuf *b, const char *s);
/* Append formatted text. */
int cm_strbuf_printf(cm_strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Free the buffer's memory and reset it. */
void cm_strbuf_free(cm_strbuf *b);

/* util.c: strdup that records CM_ENOMEM and returns NULL on failure. */
char *cm_strdup(const char *s);
char *cm_strndup(const char *s, size_t n);

/* util.c: 1 when the n bytes at s are valid UTF-8 (NUL bytes are invalid). */
int cm_utf8_valid(const char *s, size_t n);
/* util.c: copy s replacing invalid UTF-8 with U+FFFD; NULL on out of memory. */
char *cm_utf8_sanitize(const char *s);

/*
 * util.c: read a whole file (path "-" is standard input) into a
 * NUL-terminated buffer.  Refuses directories and reports errors with the
 * path.  *out must be freed with free().
 */
int cm_read_file(char **out, size_t *len, const char *path);

/* util.c: lowercase ASCII copy (header names); NULL on out of memory. */
char *cm_ascii_lower(const char *s);

/*
 * network.c: turn a raw graph from any reader into a cm_network.  The raw
 * graph holds string attributes (numeric ones allowed) with whatever names
 * the input used; this function maps the actor id to "name", converts and
 * validates "weight" and "year", drops self-loops, applies the year filters,
 * merges repeated ties, then applies min weight, where and ego filters.
 * Takes ownership of *raw in every case.
 */
int cm_network_finish(cm_network **out, igraph_t *raw, const char *source,
                      const cm_load_options *opts);

/*
 * network.c: cm_network_finish() for a raw graph of which the caller has
 * already ensured some properties (the CSV loader), so that the pipeline
 * skips their checks: `ready` is a mask of CM_READY_* flags.
 */
#define CM_READY_NAMES 1u   /* "name" holds unique, non-empty text for every actor */
#define CM_READY_NUMBERS 2u /* "weight" numeric, positive, finite; "year" numeric, whole or NaN */
#define CM_READY_MERGED 4u  /* no self-loop and no repeated tie; directed only if asked */
int cm_network_finish_ready(cm_network **out, igraph_t *raw, const char *source,
                            const cm_load_options *opts, unsigned ready);

/*
 * network.c: optional numeric vertex attribute of a raw graph, non-zero for
 * actors listed in an actor table (kept by the year filters even when they
 * lose all their ties).  cm_network_finish() removes it; when absent every
 * actor counts as listed.
 */
#define CM_ATTR_LISTED "coopmap:listed"

/* network.c: the type (igraph_attribute_type_t) of a vertex or edge attribute, or -1 when absent. */
int cm_attr_type(const igraph_t *g, igraph_attribute_elemtype_t et, const char *name);

/*
 * network.c: merge repeated ties among those not flagged, into their first
 * occurrence (weight summed, earliest known year), flagging the repeats.
 * edges holds from,to pairs; undirected unless directed.  Linear time.
 */
int cm_ties_merge(const igraph_vector_int_t *edges, int directed, char *flags,
                  double *weight, double *year, igraph_integer_t *merged);

/*
 * network.c: cm_ties_merge(), also giving in *grouped (malloc'd, *count
 * entries) the ties not flagged on entry, grouped by their smaller end
 * (their first end when directed), in file order within a group.  The
 * repeats it flags are among them.  weight NULL: group only, merge nothing.
 */
int cm_ties_merge_grouped(const igraph_vector_int_t *edges, int directed, char *flags,
                          double *weight, double *year, igraph_integer_t *merged,
                          igraph_integer_t **grouped, igraph_integer_t *count);

/*
 * network.c: ask for transparent huge pages on the 2 MiB pages inside
 * [p, p + bytes), before they are first touched: a big loader array then
 * costs a page fault per 2 MiB instead of per 4 KiB, and its random reads
 * miss the TLB less.  Only advice: nothing happens when it is refused.
 */
void cm_advise_huge(void *p, size_t bytes);

/* network.c: refuse string attributes that are not UTF-8 (readers that do not check). */
int cm_network_check_text(const igraph_t *g, const char *source);

/* network.c: the notices of the tie pipeline, for the counts that are not zero. */
void cm_ties_notices(igraph_integer_t loops, igraph_integer_t undated, igraph_integer_t actors,
                     igraph_integer_t merged, igraph_integer_t light);

/* network.c: a hash table from actor names to vertex indices; names are not copied. */
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
 * graphviz.c: the only module that calls Graphviz.
 */
/* Read a DOT file into a raw graph (string attributes as in the file). */
int cm_gv_read_dot(igraph_t *raw, const char *path);
/* Write a network as DOT through cgraph (coopmap convert). */
int cm_gv_write_dot(const cm_network *net, FILE *f, const char *path);
/* Free the process-wide GVC_t. */
void cm_gv_shutdown(void);

/*
 * isolated.c: helpers shared by the analyses (isolated, clubs, brokers).
 */
/* 0 when some actor has type `type`; otherwise CM_EUSAGE listing the types present. */
int cm_analysis_check_type(const cm_network *net, const char *type);
/* Compare names alphabetically ignoring case and Latin accents, then bytewise. */
int cm_name_cmp(const char *a, const char *b);
/* qsort comparator of (const char *) elements with cm_name_cmp. */
int cm_name_qsort_cmp(const void *a, const void *b);

#endif
