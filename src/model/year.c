/* Years as the model holds them: the one parser of year text. */
#include <math.h>
#include <string.h>

#include "coopmap/text.h"
#include "model/year.h"

/* Whole numbers of up to 9 digits skip strtod: every year. */
static int year_small_int(double *out, const char *s)
{
	const char *p = s + (s[0] == '-');
	long v = 0;
	int n = 0;

	for (; *p; p++, n++) {
		if (*p < '0' || *p > '9' || n >= 9)
			return -1;
		v = v * 10 + (*p - '0');
	}
	if (n == 0)
		return -1;
	*out = s[0] == '-' ? -(double)v : (double)v;
	return 0;
}

/* Parse a year, or the undated text `undated` allows, as NaN. */
int cm_year_parse(double *out, const char *text, int undated)
{
	double v;

	if (!text[undated == CM_YEAR_BLANK ? strspn(text, " \t") : 0]) {
		*out = NAN;
		return 0;
	}
	/* the same value cm_parse_number gives, without strtod */
	if (year_small_int(out, text) == 0)
		return 0;
	if (cm_parse_number(&v, text, 0) < 0 || v != floor(v) || fabs(v) > 1e9)
		return -1;
	*out = v;
	return 0;
}

/* Count the digits at s. */
static size_t digits(const char *s)
{
	size_t n = 0;

	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

/* The year of a date: "2021", "2021-03-15", "2021-03", "15/03/2021", "03/2021" (time after a space or T). */
int cm_date_year(double *out, const char *text)
{
	const char *p = text;
	size_t n = 0, groups = 0, len, last = 0, first;
	long year = 0;

	if (!text[strspn(text, " \t")]) {
		*out = NAN;
		return 0;
	}
	if (cm_year_parse(out, text, CM_YEAR_BLANK) == 0)
		return 0;
	p += strspn(p, " \t");
	first = digits(p);
	/* groups of digits separated by - / or ., up to a space or a T */
	for (;;) {
		len = digits(p + n);
		if (len == 0 || len > 4 || ++groups > 3)
			return -1;
		last = n;
		n += len;
		if (p[n] != '-' && p[n] != '/' && p[n] != '.')
			break;
		n++;
	}
	if (p[n] && p[n] != ' ' && p[n] != 'T')
		return -1;
	if (groups < 2)
		return -1;
	if (first == 4 && digits(p + last) <= 2)
		last = 0;
	else if (digits(p + last) != 4)
		return -1;
	for (size_t i = 0; i < 4; i++)
		year = year * 10 + (p[last + i] - '0');
	*out = (double)year;
	return 0;
}
