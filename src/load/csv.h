/*
 * Internal CSV reader: RFC 4180 records parsed in place from a whole-file
 * buffer.  Not installed.
 *
 * The text is first checked and, when needed, transcoded to UTF-8
 * (cm_text_prepare); the delimiter (',', ';' or tab) is detected from the
 * header line; fields are then unquoted in place and NUL-terminated, so a
 * record costs no allocation.  Every record remembers the physical line
 * where it starts, for messages such as "edges.csv:7: ...".
 */
#ifndef COOPMAP_CSV_H
#define COOPMAP_CSV_H

#include <stddef.h>

/* Fields longer than this are refused (a sign of a stray quote or junk). */
#define CM_CSV_MAX_FIELD ((size_t)1 << 20)

typedef struct cm_csv {
	char *buf;          /* UTF-8 text, owned; fields point into it */
	size_t len;
	size_t pos;         /* next byte to parse */
	long line;          /* physical line of buf[pos] (1-based) */
	const char *name;   /* display name for messages (not owned) */
	char delim;         /* ',', ';' or '\t' */
	char **fields;      /* the current record's fields, NUL-terminated, in buf */
	size_t nfields, cap;
	long record_line;   /* line where the current record starts */
	unsigned char stop[256]; /* bytes that end an unquoted field */
} cm_csv;

/*
 * Make a whole-file buffer into UTF-8 text, in place or by replacing *buf:
 * refuses NUL bytes and control characters (with the line), skips a UTF-8
 * byte order mark, reads UTF-16 with a byte order mark and text that is
 * not UTF-8 as Windows-1252, each with a notice naming the file.
 * *buf must be NUL-terminated at (*buf)[*len] and come from malloc().
 * Returns 0, CM_EINPUT or CM_ENOMEM.
 */
int cm_text_prepare(char **buf, size_t *len, const char *name);

/*
 * Start reading CSV from buf (taken over in every case, freed by
 * cm_csv_close): prepares the text and detects the delimiter from the
 * first line; tab is used when the header has no delimiter at all and
 * default_delim is '\t'.  Returns 0, CM_EINPUT or CM_ENOMEM.
 */
int cm_csv_open_buffer(cm_csv *c, char *buf, size_t len, const char *name, char default_delim);

/* Read path ("-" is standard input) and start reading it as CSV. */
int cm_csv_open(cm_csv *c, const char *path, const char *name, char default_delim);

/*
 * Parse the next record into c->fields / c->nfields / c->record_line.
 * Blank lines and records whose fields are all empty are skipped.
 * Unquoted fields are trimmed of surrounding spaces; quoted fields are kept
 * as written.  Returns 1 for a record, 0 at the end, or CM_EINPUT /
 * CM_ENOMEM with a message "NAME:LINE: ...".
 */
int cm_csv_next(cm_csv *c);

/* Free what the reader holds (a zeroed cm_csv is fine). */
void cm_csv_close(cm_csv *c);

#endif
