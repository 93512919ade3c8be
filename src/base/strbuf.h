/* A growable string: the one buffer type for building text. */
#ifndef COOPMAP_BASE_STRBUF_H
#define COOPMAP_BASE_STRBUF_H

#include <stddef.h>

#include "coopmap/common.h"

/* A NUL-terminated growable string; zero-initialise it (s is NULL until the first append). */
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
/* How many names a notice lists before "and N more". */
#define CM_NOTICE_NAMES 10

/*
 * Build a list of names for a notice: the i-th name (from 0) is appended
 * as "'name'" after ", " when i < CM_NOTICE_NAMES, else skipped; returns 0
 * or CM_ENOMEM.
 */
int cm_strbuf_name(cm_strbuf *b, size_t i, const char *name);
/* End such a list of total names with " and N more" when some were skipped. */
int cm_strbuf_names_end(cm_strbuf *b, size_t total);
/* Free the buffer's memory and reset it (a zeroed buffer is fine). */
void cm_strbuf_free(cm_strbuf *b);

#endif
