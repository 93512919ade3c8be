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
