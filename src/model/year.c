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
