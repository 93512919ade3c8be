/* Numbers as text the same whatever the locale. */
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/text.h"

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
	cm_format_significant(buf, size, value, CM_DEFAULT_DIGITS);
}

/*
 * Write the whole number |v| (< 1e15) in decimal at out, with its sign;
 * return the length.  An integer conversion by hand: "%.0f" goes through
 * glibc's multi-precision float printer.
 */
static size_t format_whole(char *out, double v)
{
	unsigned long long n = (unsigned long long)fabs(v);
	char rev[24];
	size_t len = 0, k = 0;

	if (v < 0)
		out[len++] = '-';
	do {
		rev[k++] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	while (k)
		out[len++] = rev[--k];
	return len;
}

/*
 * Hand-written rather than snprintf("%.*e"), strtod_l, then snprintf("%.*g")
 * as before: writing a metrics CSV spent 7.5% of the whole run in those three
 * conversions (perf, 100k actors, issue 19).  One "%.*e" conversion gives the
 * rounded significant digits D and the exponent X, from which the rest
 * follows: the rounded value D x 10^X is whole when no digit of D lies after
 * the point (then, below 1e15, in full without exponent), and C11 7.21.6.1
 * defines "%.*g" from that same X (style f when digits > X >= -4, style e
 * otherwise, trailing zeros and a bare point removed).  The unit test
 * compares it with the three-conversion code over 200,000 values x 17 digits.
 */
void cm_format_significant(char *buf, size_t size, double value, int digits)
{
	char e[48], d[24], out[48];
	size_t len = 0, nd = 0, last;
	const char *s;
	int x = 0, xneg = 0;

	if (isnan(value)) {
		if (size)
			buf[0] = '\0';
		return;
	}
	if (digits < 1 || digits > 17)
		digits = CM_DEFAULT_DIGITS;
	if (value == 0)
		value = 0; /* no "-0" */
	if (isinf(value)) {
		len = (size_t)snprintf(out, sizeof(out), "%s", value < 0 ? "-inf" : "inf");
	} else if (value == floor(value) && fabs(value) < 1e15) {
		/* whole numbers in full: counts and years never lose a digit */
		len = format_whole(out, value);
	} else {
		/*
		 * The digits and the exponent, whatever the locale's decimal point
		 * (skipped, never copied: the output has the C locale's ".").
		 */
		snprintf(e, sizeof(e), "%.*e", digits - 1, value);
		s = e + (e[0] == '-');
		for (; *s && *s != 'e'; s++)
			if (*s >= '0' && *s <= '9')
				d[nd++] = *s;
		if (*s == 'e')
			s++;
		if (*s == '-' || *s == '+')
			xneg = *s++ == '-';
		for (; *s >= '0' && *s <= '9'; s++)
			x = x * 10 + (*s - '0');
		if (xneg)
			x = -x;
		/* last significant digit that is not a trailing zero */
		last = nd - 1;
		while (last > 0 && d[last] == '0')
			last--;
		if (value < 0)
			out[len++] = '-';
		if (x >= 0 && x < 15 && (int)last <= x) {
			/* rounded to a whole number (1234.5 to 2 digits is 1200): no exponent */
			for (int i = 0; i <= x; i++)
				out[len++] = i < (int)nd ? d[i] : '0';
		} else if (x < digits && x >= -4) {
			/* style f */
			if (x < 0) {
				out[len++] = '0';
				out[len++] = '.';
				for (int i = -1; i > x; i--)
					out[len++] = '0';
				for (size_t i = 0; i <= last; i++)
					out[len++] = d[i];
			} else {
				for (size_t i = 0; i <= last || i <= (size_t)x; i++) {
					if (i == (size_t)x + 1)
						out[len++] = '.';
					out[len++] = d[i];
				}
			}
		} else {
			/* style e: at least two exponent digits, as printf writes them */
			int ax = x < 0 ? -x : x;

			out[len++] = d[0];
			if (last > 0)
				out[len++] = '.';
			for (size_t i = 1; i <= last; i++)
				out[len++] = d[i];
			out[len++] = 'e';
			out[len++] = x < 0 ? '-' : '+';
			if (ax >= 100)
				out[len++] = (char)('0' + ax / 100);
			out[len++] = (char)('0' + ax / 10 % 10);
			out[len++] = (char)('0' + ax % 10);
		}
	}
	/* as snprintf: cut to size, always terminated */
	if (size) {
		if (len >= size)
			len = size - 1;
		memcpy(buf, out, len);
		buf[len] = '\0';
	}
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
