/* CSV reading: text checks, encodings, delimiter detection and RFC 4180 records. */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "load/csv.h"
#include "coopmap/common.h"
#include "coopmap/table.h"
#include "base/file.h"
#include "base/text.h"
#include "base/i18n.h"

/* Line of byte off, counting LF, CRLF and lone CR as one line break each. */
static long line_at(const char *buf, size_t off)
{
	long line = 1;

	for (size_t i = 0; i < off; i++) {
		if (buf[i] == '\n')
			line++;
		else if (buf[i] == '\r' && buf[i + 1] != '\n')
			line++;
	}
	return line;
}

/*
 * Convert inlen bytes from encoding `from` to UTF-8 into a new buffer.
 * Returns 0, 1 when the input is not valid in `from` (*bad = offset), or
 * CM_ENOMEM.
 */
static int transcode(char **out, size_t *outlen, const char *in, size_t inlen,
                     const char *from, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	size_t cap = inlen * 3 + 4, inleft = inlen, outleft;
	char *res = NULL, *ip = (char *)in, *op;
	int rc = 0;

	*out = NULL;
	if (cd == (iconv_t)-1) {
		rc = cm_error_set(CM_ERROR, _("cannot convert from %s: %s"), from, strerror(errno));
		goto done;
	}
	res = malloc(cap);
	if (!res) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	op = res;
	outleft = cap - 1;
	if (iconv(cd, &ip, &inleft, &op, &outleft) == (size_t)-1) {
		*bad = (size_t)(ip - in);
		rc = 1;
		goto done;
	}
	*op = '\0';
	*outlen = (size_t)(op - res);
	*out = res;
	res = NULL;
done:
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	free(res);
	return rc;
}

/* Report the first NUL byte or control character (other than tab, LF, CR) in buf. */
static int control_error(const char *buf, size_t len, const char *name)
{
	const unsigned char *p = (const unsigned char *)buf;

	for (size_t i = 0; i < len; i++) {
		if (p[i] >= 0x20 || p[i] == '\t' || p[i] == '\n' || p[i] == '\r')
			continue;
		if (p[i] == 0)
			return cm_error_set_at(CM_EINPUT, name, line_at(buf, i),
			                       _("NUL byte: this is not a text file"));
		return cm_error_set_at(CM_EINPUT, name, line_at(buf, i),
		                       _("control character 0x%02X: this is not a text file"), p[i]);
	}
	return 0;
}

/* The high bit of each byte of w that is zero (exact, no carry between bytes). */
static uint64_t zero_bytes(uint64_t w)
{
	const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;

	return ~(((w & low7) + low7) | w) & ~low7;
}

/*
 * Scan for control characters and non-ASCII bytes, eight bytes at a time
 * and tested once per block of 64 (most of a CSV file is printable ASCII,
 * tabs and line breaks).  Returns 0 and sets *ascii, or CM_EINPUT naming
 * the line of the first control character.
 */
static int scan_text(const char *buf, size_t len, const char *name, int *ascii)
{
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	const uint64_t low7 = ~high;
	const unsigned char *p = (const unsigned char *)buf;
	uint64_t seen_high = 0;
	size_t i = 0;

	for (; i + 64 <= len; i += 64) {
		uint64_t ctrl = 0;

		for (size_t k = 0; k < 64; k += 8) {
			uint64_t w, below;

			memcpy(&w, p + i + k, 8);
			seen_high |= w;
			/* bytes below 0x20: bit 7 clear in both the byte and (its low 7 bits + 0x60) */
			below = ~(((w & low7) + ones * 0x60) | w) & high;
			ctrl |= below & ~zero_bytes(w ^ (ones * '\t')) & ~zero_bytes(w ^ (ones * '\n')) &
			        ~zero_bytes(w ^ (ones * '\r'));
		}
		if (ctrl)
			return control_error(buf, len, name);
	}
	seen_high &= high;
	for (; i < len; i++) {
		seen_high |= p[i] & 0x80;
		if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r')
			return control_error(buf, len, name);
	}
	*ascii = seen_high == 0;
	return 0;
}

int cm_text_prepare(char **bufp, size_t *lenp, const char *name)
{
	char *buf = *bufp, *conv = NULL;
	const unsigned char *u = (const unsigned char *)buf;
	size_t len = *lenp, convlen = 0, bad = 0;
	int rc = 0, t, ascii = 0;

	/* Excel's "Unicode text" is UTF-16 with a byte order mark */
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		t = transcode(&conv, &convlen, buf, len, "UTF-16", &bad);
		if (t == 1) {
			rc = cm_error_set_at(CM_EINPUT, name, 0, _("invalid UTF-16 text at byte %zu"), bad);
			goto done;
		}
		if (t < 0) {
			rc = t;
			goto done;
		}
		free(buf);
		buf = conv;
		len = convlen;
		conv = NULL;
		cm_notice(_("%s: UTF-16 text, converted to UTF-8"), name);
	}
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		memmove(buf, buf + 3, len - 3 + 1);
		len -= 3;
	}
	if ((rc = scan_text(buf, len, name, &ascii)) < 0)
		goto done;
	if (!ascii && !cm_utf8_valid(buf, len)) {
		/* Latin-1 / Windows-1252 exports from French spreadsheets */
		t = transcode(&conv, &convlen, buf, len, "WINDOWS-1252", &bad);
		if (t == 1) {
			rc = cm_error_set_at(CM_EINPUT, name, line_at(buf, bad),
			                     _("neither UTF-8 nor Windows-1252 text (byte 0x%02X); "
			                     "save the file as UTF-8"),
			                     (unsigned char)buf[bad]);
			goto done;
		}
		if (t < 0) {
			rc = t;
			goto done;
		}
		free(buf);
		buf = conv;
		len = convlen;
		conv = NULL;
		cm_notice(_("%s: not UTF-8, read as Windows-1252"), name);
	}
done:
	free(conv);
	*bufp = buf;
	*lenp = len;
	return rc;
}

/* Pick the delimiter occurring most in the first line, outside quotes. */
static char detect_delimiter(const char *buf, size_t len, size_t pos, char default_delim)
{
	size_t comma = 0, semi = 0, tab = 0;
	int in_quotes = 0;

	/* skip blank lines before the header */
	while (pos < len && (buf[pos] == '\n' || buf[pos] == '\r'))
		pos++;
	for (; pos < len; pos++) {
		char ch = buf[pos];

		if (ch == '"')
			in_quotes = !in_quotes;
		else if (in_quotes)
			continue;
		else if (ch == '\n' || ch == '\r')
			break;
		else if (ch == ',')
			comma++;
		else if (ch == ';')
			semi++;
		else if (ch == '\t')
			tab++;
	}
	if (tab == 0 && semi == 0 && comma == 0)
		return default_delim == '\t' || default_delim == ';' ? default_delim : ',';
	if (tab >= semi && tab >= comma)
		return '\t';
	if (semi >= comma)
		return ';';
	return ',';
}

int cm_csv_open_buffer(cm_csv *c, char *buf, size_t len, const char *name, char default_delim)
{
	int rc;

	memset(c, 0, sizeof(*c));
	c->name = name;
	c->line = 1;
	rc = cm_text_prepare(&buf, &len, name);
	c->buf = buf;
	c->len = len;
	if (rc < 0)
		return rc;
	c->delim = detect_delimiter(buf, len, 0, default_delim);
	c->stop[0] = c->stop['\n'] = c->stop['\r'] = 1;
	c->stop[(unsigned char)c->delim] = 1;
	return 0;
}

int cm_csv_open(cm_csv *c, const char *path, const char *name, char default_delim)
{
	char *buf = NULL;
	size_t len = 0;
	int rc;

	memset(c, 0, sizeof(*c));
	rc = cm_read_file(&buf, &len, path);
	if (rc < 0)
		return rc;
	return cm_csv_open_buffer(c, buf, len, name, default_delim);
}

/* Append a field pointer to the current record. */
static int push_field(cm_csv *c, char *field)
{
	if (c->nfields == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 16;
		char **p = realloc(c->fields, cap * sizeof(*p));

		if (!p)
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		c->fields = p;
		c->cap = cap;
	}
	c->fields[c->nfields++] = field;
	return 0;
}

/* Parse one quoted field starting at the quote buf[*rp]; unquote in place. */
static int parse_quoted(cm_csv *c, size_t *rp, size_t *startp, size_t *endp)
{
	char *buf = c->buf;
	size_t len = c->len, start = *rp, w = start, r = start + 1;
	long qline = c->line;

	for (;;) {
		char ch;

		if (r >= len)
			return cm_error_set_at(CM_EINPUT, c->name, qline, _("unterminated quoted field"));
		ch = buf[r];
		if (ch == '"') {
			if (r + 1 < len && buf[r + 1] == '"') {
				buf[w++] = '"';
				r += 2;
				continue;
			}
			r++;
			break;
		}
		if (ch == '\r') {
			r++;
			if (r < len && buf[r] == '\n')
				continue; /* CRLF inside a field becomes LF */
			ch = '\n';
			c->line++;
		} else {
			if (ch == '\n')
				c->line++;
			r++;
		}
		buf[w++] = ch;
		if (w - start > CM_CSV_MAX_FIELD)
			return cm_error_set_at(CM_EINPUT, c->name, qline, _("field longer than 1 MiB"));
	}
	while (r < len && (buf[r] == ' ' || (buf[r] == '\t' && c->delim != '\t')))
		r++;
	if (r < len && buf[r] != c->delim && buf[r] != '\n' && buf[r] != '\r')
		return cm_error_set_at(CM_EINPUT, c->name, c->line,
		                       _("text after the closing quote of a field "
		                       "(quotes inside a quoted field must be doubled)"));
	*rp = r;
	*startp = start;
	*endp = w;
	return 0;
}

int cm_csv_next(cm_csv *c)
{
	char *buf = c->buf;
	size_t len = c->len, r = c->pos;
	const char delim = c->delim;
	int rc;

	for (;;) {
		int nonempty = 0;

		if (r >= len) {
			c->pos = r;
			return 0;
		}
		c->record_line = c->line;
		c->nfields = 0;
		for (;;) {
			size_t s = r, start = 0, end = 0;
			char term;

			while (s < len && (buf[s] == ' ' || (buf[s] == '\t' && delim != '\t')))
				s++;
			if (s < len && buf[s] == '"') {
				r = s;
				if ((rc = parse_quoted(c, &r, &start, &end)) < 0)
					return rc;
			} else {
				start = s;
				/* buf[len] is NUL, which stops the scan too */
				for (r = s; !c->stop[(unsigned char)buf[r]]; r++)
					;
				end = r;
				while (end > start && (buf[end - 1] == ' ' || buf[end - 1] == '\t'))
					end--;
				if (end - start > CM_CSV_MAX_FIELD)
					return cm_error_set_at(CM_EINPUT, c->name, c->line,
					                       _("field longer than 1 MiB"));
			}
			term = r < len ? buf[r] : '\0';
			buf[end] = '\0';
			/* drop csv-fr's formula guard ("'=SUM(A1)" is "=SUM(A1)") in ';' files,
			 * csv-fr's; ',' files, which coopmap never guards, keep every apostrophe */
			if (delim == ';' && buf[start] == '\'' && cm_formula_like(buf + start))
				start++;
			if ((rc = push_field(c, buf + start)) < 0)
				return rc;
			if (end > start)
				nonempty = 1;
			if (term == delim && r < len) {
				r++;
				continue;
			}
			if (term == '\r') {
				r++;
				if (r < len && buf[r] == '\n')
					r++;
				c->line++;
			} else if (term == '\n') {
				r++;
				c->line++;
			}
			break;
		}
		c->pos = r;
		if (nonempty)
			return 1;
	}
}

void cm_csv_close(cm_csv *c)
{
	free(c->buf);
	free(c->fields);
	memset(c, 0, sizeof(*c));
}
