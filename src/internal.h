/*
 * Internal interfaces shared between the library's modules.  Not installed.
 */
#ifndef COOPMAP_INTERNAL_H
#define COOPMAP_INTERNAL_H

#include <stdio.h>
#include <stddef.h>

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
 * graphviz.c: the only module that calls Graphviz.
 */
/* Read a DOT file into a raw graph (string attributes as in the file). */
int cm_gv_read_dot(igraph_t *raw, const char *path);
/* Write a network as DOT through cgraph (coopmap convert). */
int cm_gv_write_dot(const cm_network *net, FILE *f, const char *path);
/* Free the process-wide GVC_t. */
void cm_gv_shutdown(void);

#endif
