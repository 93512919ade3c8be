/* Strings and UTF-8: copies, validation, display width and the order of names. */
#include <stdlib.h>
#include <string.h>

#include "coopmap/text.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "i18n.h"

char *cm_strndup(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (!p) {
		cm_error_set(CM_ENOMEM, _("out of memory"));
		return NULL;
	}
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *cm_strdup(const char *s)
{
	return cm_strndup(s, strlen(s));
}

char *cm_ascii_lower(const char *s)
{
	char *p = cm_strdup(s);

	for (char *q = p; q && *q; q++)
		if (*q >= 'A' && *q <= 'Z')
			*q = (char)(*q - 'A' + 'a');
	return p;
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0 if invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t len, i;
	unsigned cp;

	if (c >= 0x01 && c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		cp = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	/* overlong forms, surrogates and code points past U+10FFFF */
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

int cm_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		size_t k;

		if (p[i] >= 0x01 && p[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8_seq(p + i, n - i);
		if (!k)
			return 0;
		i += k;
	}
	return 1;
}

char *cm_utf8_sanitize(const char *s)
{
	cm_strbuf b = {0};
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0;

	if (cm_strbuf_add(&b, "", 0) < 0)
		return NULL;
	while (i < n) {
		size_t k = utf8_seq(p + i, n - i);

		if (k) {
			if (cm_strbuf_add(&b, s + i, k) < 0)
				goto fail;
			i += k;
		} else {
			if (cm_strbuf_add(&b, "\xEF\xBF\xBD", 3) < 0)
				goto fail;
			i++;
		}
	}
	return b.s;
fail:
	cm_strbuf_free(&b);
	return NULL;
}

size_t cm_utf8_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, width = 0;

	while (i < n) {
		size_t k = utf8_seq(p + i, n - i);
		unsigned cp;

		if (!k) {
			width++; /* shown as U+FFFD */
			i++;
			continue;
		}
		cp = k == 1 ? p[i] : k == 2 ? (p[i] & 0x1Fu) : k == 3 ? (p[i] & 0x0Fu) : (p[i] & 0x07u);
		for (size_t j = 1; j < k; j++)
			cp = (cp << 6) | (p[i + j] & 0x3Fu);
		i += k;
		/* combining marks take no column; East Asian wide forms take two */
		if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFE0F)
			continue;
		if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
		    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
		    (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
		    (cp >= 0x20000 && cp <= 0x3FFFD))
			width += 2;
		else
			width += 1;
	}
	return width;
}

/* Base letters of U+00C0..U+00FF, so that "Île" sorts with "ile". */
static const char latin1_fold[64] =
	"aaaaaaaceeeeiiiidnooooo\xd7ouuuuyts"
	"aaaaaaaceeeeiiiidnooooo\xf7ouuuuyty";

/* Next collation key of a UTF-8 string: folded ASCII letter or raw byte; 0 at the end. */
static int next_key(const unsigned char **p)
{
	const unsigned char *s = *p;
	int c = s[0];

	if (c == 0)
		return 0;
	if (c == 0xC3 && s[1] >= 0x80 && s[1] <= 0xBF) {
		*p = s + 2;
		return (unsigned char)latin1_fold[s[1] - 0x80];
	}
	if (c == 0xC5 && (s[1] == 0x92 || s[1] == 0x93)) { /* Œ œ */
		*p = s + 2;
		return 'o';
	}
	*p = s + 1;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 'a';
	return c;
}

/* Alphabetical order for names shown to users; bytewise only to break ties. */
int cm_name_cmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;

	for (;;) {
		int x = next_key(&p), y = next_key(&q);

		if (x != y)
			return x < y ? -1 : 1;
		if (x == 0)
			break;
	}
	return strcmp(a, b);
}

int cm_name_qsort_cmp(const void *a, const void *b)
{
	return cm_name_cmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Past leading apostrophes too, so that a text already beginning with "'="
 * keeps its own apostrophe once the reader drops the one added.
 */
int cm_formula_like(const char *s)
{
	s += strspn(s, "'");
	return *s != '\0' && strchr("=+-@\t\r", *s) != NULL;
}
