/* A growable string: the one buffer type for building text. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "i18n.h"

int cm_strbuf_add(cm_strbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		char *p;

		while (cap < b->len + n + 1)
			cap *= 2;
		p = realloc(b->s, cap);
		if (!p)
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

int cm_strbuf_puts(cm_strbuf *b, const char *s)
{
	return cm_strbuf_add(b, s, strlen(s));
}

int cm_strbuf_printf(cm_strbuf *b, const char *fmt, ...)
{
	char small[256];
	char *big = NULL;
	va_list ap;
	int n, rc;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return cm_error_set(CM_ERROR, _("cannot format text"));
	if ((size_t)n < sizeof(small))
		return cm_strbuf_add(b, small, (size_t)n);
	big = malloc((size_t)n + 1);
	if (!big)
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	rc = cm_strbuf_add(b, big, (size_t)n);
	free(big);
	return rc;
}

void cm_strbuf_free(cm_strbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

/* Append the i-th name of a notice's list (the first CM_NOTICE_NAMES only). */
int cm_strbuf_name(cm_strbuf *b, size_t i, const char *name)
{
	if (i >= CM_NOTICE_NAMES)
		return 0;
	return cm_strbuf_printf(b, "%s'%s'", i ? ", " : "", name);
}

/* End a notice's list of total names. */
int cm_strbuf_names_end(cm_strbuf *b, size_t total)
{
	if (total <= CM_NOTICE_NAMES)
		return 0;
	return cm_strbuf_printf(b, " and %zu more", total - CM_NOTICE_NAMES);
}
