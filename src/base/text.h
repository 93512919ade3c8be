/*
 * Strings and UTF-8 inside the library (the public part, display width and
 * numbers, is coopmap/text.h).
 */
#ifndef COOPMAP_BASE_TEXT_H
#define COOPMAP_BASE_TEXT_H

#include <stddef.h>

#include "coopmap/common.h"

/* strdup that records CM_ENOMEM and returns NULL on failure. */
char *cm_strdup(const char *s);
/* The first n bytes of s as a new string; NULL (CM_ENOMEM recorded) on failure. */
char *cm_strndup(const char *s, size_t n);

/* Lowercase ASCII copy (header names); NULL on out of memory. */
char *cm_ascii_lower(const char *s);

/* 1 when the n bytes at s are valid UTF-8 (NUL bytes are invalid). */
int cm_utf8_valid(const char *s, size_t n);
/* Copy s replacing invalid UTF-8 with U+FFFD; NULL on out of memory. */
char *cm_utf8_sanitize(const char *s);

/* Compare names alphabetically ignoring case and Latin accents, then bytewise. */
int cm_name_cmp(const char *a, const char *b);
/* qsort comparator of (const char *) elements with cm_name_cmp. */
int cm_name_qsort_cmp(const void *a, const void *b);

/*
 * The formula guard of csv-fr (coopmap/table.h), in one place for its
 * writer and the CSV reader: 1 when a spreadsheet would take text s for a
 * formula, that is when s, past any leading apostrophes, begins with =, +,
 * -, @, a tab or CR (OWASP, "CSV Injection").  The writer puts an
 * apostrophe in front of such text; the reader drops one from a field that
 * begins with an apostrophe and is formula-like.
 */
int cm_formula_like(const char *s);

#endif
