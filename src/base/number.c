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

void cm_format_significant(char *buf, size_t size, double value, int digits)
{
	locale_t old;

	if (isnan(value)) {
		if (size)
			buf[0] = '\0';
		return;
	}
	if (digits < 1 || digits > 17)
		digits = CM_DEFAULT_DIGITS;
	if (value == 0)
		value = 0; /* no "-0" */
	old = uselocale(c_locale());
	if (value == floor(value) && fabs(value) < 1e15) {
		/* whole numbers in full: counts and years never lose a digit */
		snprintf(buf, size, "%.0f", value);
	} else {
		char tmp[40];
		double rounded;

		snprintf(tmp, sizeof(tmp), "%.*e", digits - 1, value);
		rounded = strtod_l(tmp, NULL, c_locale());
		/* rounded to a whole number (1234.5 to 2 digits is 1200): no exponent */
		if (rounded == floor(rounded) && fabs(rounded) < 1e15)
			snprintf(buf, size, "%.0f", rounded == 0 ? 0.0 : rounded);
		else
			snprintf(buf, size, "%.*g", digits, value);
	}
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
