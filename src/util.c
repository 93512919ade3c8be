/* Small helpers: strings, UTF-8, locale-independent numbers, whole-file reads. */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include "internal.h"

int cm_strbuf_add(cm_strbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		char *p;

		while (cap < b->len + n + 1)
			cap *= 2;
		p = realloc(b->s, cap);
		if (!p)
			return cm_error_set(CM_ENOMEM, "out of memory");
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
		return cm_error_set(CM_ERROR, "cannot format text");
	if ((size_t)n < sizeof(small))
		return cm_strbuf_add(b, small, (size_t)n);
	big = malloc((size_t)n + 1);
	if (!big)
		return cm_error_set(CM_ENOMEM, "out of memory");
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

char *cm_strndup(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (!p) {
		cm_error_set(CM_ENOMEM, "out of memory");
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

/* The C locale, for number conversions that must not depend on LC_NUMERIC. */
static locale_t c_locale(void)
{
	static locale_t loc;

	if (!loc)
		loc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	return loc;
}

void cm_format_number(char *buf, size_t size, double value)
{
	locale_t old;

	if (isnan(value)) {
		if (size)
			buf[0] = '\0';
		return;
	}
	if (value == 0)
		value = 0; /* no "-0" */
	old = uselocale(c_locale());
	if (value == floor(value) && fabs(value) < 1e15)
		snprintf(buf, size, "%.0f", value);
	else
		snprintf(buf, size, "%.12g", value);
	uselocale(old);
}

int cm_parse_number(double *out, const char *text, int decimal_comma)
{
	char tmp[64];
	const char *s = text;
	char *end;
	size_t n;
	double v;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0 || n >= sizeof(tmp))
		return -1;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	for (size_t i = 0; i < n; i++) {
		char c = tmp[i];

		if (c == ',' && decimal_comma)
			tmp[i] = '.';
		else if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' ||
		           c == 'e' || c == 'E'))
			return -1; /* refuses "nan", "inf", hex and the like */
	}
	errno = 0;
	v = strtod_l(tmp, &end, c_locale());
	if (*end != '\0' || end == tmp || errno == ERANGE || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

int cm_read_file(char **out, size_t *len, const char *path)
{
	int fd = -1, rc = 0, is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	struct stat st;
	char *buf = NULL;
	size_t cap = 1 << 16, n = 0;

	*out = NULL;
	*len = 0;
	fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		rc = cm_error_set(CM_EIO, "cannot open '%s': %s", name, strerror(errno));
		goto done;
	}
	if (fstat(fd, &st) < 0) {
		rc = cm_error_set(CM_EIO, "cannot read '%s': %s", name, strerror(errno));
		goto done;
	}
	if (S_ISDIR(st.st_mode)) {
		rc = cm_error_set(CM_EIO, "'%s' is a directory, not a file", name);
		goto done;
	}
	if (!is_stdin && !S_ISREG(st.st_mode)) {
		rc = cm_error_set(CM_EIO, "'%s' is not a regular file", name);
		goto done;
	}
	if (!is_stdin)
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if (S_ISREG(st.st_mode) && st.st_size > 0)
		cap = (size_t)st.st_size + 1;
	buf = malloc(cap);
	if (!buf) {
		rc = cm_error_set(CM_ENOMEM, "out of memory reading '%s'", name);
		goto done;
	}
	cm_advise_huge(buf, cap);  /* a 280 MB file: a page fault per 2 MiB, not per 4 KiB */
	for (;;) {
		ssize_t r;

		if (n + 1 >= cap) {
			char *p;

			cap *= 2;
			p = realloc(buf, cap);
			if (!p) {
				rc = cm_error_set(CM_ENOMEM, "out of memory reading '%s'", name);
				goto done;
			}
			buf = p;
		}
		r = read(fd, buf + n, cap - n - 1);
		if (r < 0 && errno == EINTR) {
			if (cm_interrupted()) {
				rc = cm_error_set(CM_EINTERRUPTED, "interrupted reading '%s'", name);
				goto done;
			}
			continue;
		}
		if (r < 0) {
			rc = cm_error_set(CM_EIO, "cannot read '%s': %s", name, strerror(errno));
			goto done;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	buf = NULL;
done:
	if (fd >= 0 && !is_stdin)
		close(fd);
	free(buf);
	return rc;
}
