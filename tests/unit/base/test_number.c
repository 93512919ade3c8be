/* Unit tests of src/base/number.c: numbers as text whatever the locale. */
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <valgrind/valgrind.h>

#include "coopmap/coopmap.h"

/* Numbers are read as in the C locale; the decimal comma only when asked. */
static void test_parse_number(void **state)
{
	double v = 0;

	(void)state;
	assert_int_equal(cm_parse_number(&v, "2.5", 0), 0);
	assert_true(v == 2.5);
	assert_int_equal(cm_parse_number(&v, " 3 ", 0), 0);
	assert_true(v == 3.0);
	assert_int_equal(cm_parse_number(&v, "2,5", 1), 0);
	assert_true(v == 2.5);
	assert_int_equal(cm_parse_number(&v, "2,5", 0), -1);
	assert_int_equal(cm_parse_number(&v, "1e3", 0), 0);
	assert_true(v == 1000.0);
	/* refused: text, NaN, infinities, overflow, hex, empty */
	assert_int_equal(cm_parse_number(&v, "zz", 0), -1);
	assert_int_equal(cm_parse_number(&v, "nan", 0), -1);
	assert_int_equal(cm_parse_number(&v, "inf", 0), -1);
	assert_int_equal(cm_parse_number(&v, "-Infinity", 0), -1);
	assert_int_equal(cm_parse_number(&v, "1e400", 0), -1);
	assert_int_equal(cm_parse_number(&v, "0x10", 0), -1);
	assert_int_equal(cm_parse_number(&v, "", 0), -1);
}

/* A French LC_NUMERIC must change neither parsing nor printing. */
static void test_numbers_ignore_locale(void **state)
{
	char buf[32];
	double v = 0;

	(void)state;
	if (!setlocale(LC_NUMERIC, "fr_FR.UTF-8"))
		setlocale(LC_NUMERIC, "fr_FR");
	assert_int_equal(cm_parse_number(&v, "0.25", 0), 0);
	assert_true(v == 0.25);
	cm_format_number(buf, sizeof(buf), 0.25);
	assert_string_equal(buf, "0.25");
	setlocale(LC_NUMERIC, "C");
}

/* Integers print without decimals, others with 12 significant digits, NaN as "". */
static void test_format_number(void **state)
{
	char buf[32];

	(void)state;
	cm_format_number(buf, sizeof(buf), 17);
	assert_string_equal(buf, "17");
	cm_format_number(buf, sizeof(buf), -0.0);
	assert_string_equal(buf, "0");
	cm_format_number(buf, sizeof(buf), 1.0 / 3.0);
	assert_string_equal(buf, "0.333333333333");
	cm_format_number(buf, sizeof(buf), NAN);
	assert_string_equal(buf, "");
}

/*
 * Significant digits, rounded by hand: whole numbers in full whatever the
 * digits, a rounding to a whole number without exponent, small numbers
 * with one, out-of-range digits as the default.
 */
static void test_format_significant(void **state)
{
	char buf[32];

	(void)state;
	cm_format_significant(buf, sizeof(buf), 123456789, 2);
	assert_string_equal(buf, "123456789");
	cm_format_significant(buf, sizeof(buf), 1234.5, 2);
	assert_string_equal(buf, "1200");
	cm_format_significant(buf, sizeof(buf), 9.99, 2);
	assert_string_equal(buf, "10");
	cm_format_significant(buf, sizeof(buf), -0.0491147915477, 3);
	assert_string_equal(buf, "-0.0491");
	cm_format_significant(buf, sizeof(buf), 0.000012345, 3);
	assert_string_equal(buf, "1.23e-05");
	cm_format_significant(buf, sizeof(buf), -0.004, 1);
	assert_string_equal(buf, "-0.004");
	cm_format_significant(buf, sizeof(buf), -0.4, 1);
	assert_string_equal(buf, "-0.4");
	cm_format_significant(buf, sizeof(buf), 0.04, 1);
	assert_string_equal(buf, "0.04");
	cm_format_significant(buf, sizeof(buf), 0.1, 17);
	assert_string_equal(buf, "0.10000000000000001");
	cm_format_significant(buf, sizeof(buf), 1.0 / 3.0, 0);
	assert_string_equal(buf, "0.333333333333");
	cm_format_significant(buf, sizeof(buf), NAN, 3);
	assert_string_equal(buf, "");
}

/*
 * The reference: cm_format_significant() as it was written before issue 19,
 * with three conversions, copied here unchanged: libc's "%.*g" for values
 * that stay fractional, and coopmap's whole-number rule spelled out (the
 * value, or its rounding to digits significant digits, whole and below 1e15:
 * printed with "%.0f").
 */
static void reference_format(char *buf, size_t size, double value, int digits)
{
	static locale_t c_loc;
	locale_t old;

	if (!c_loc)
		c_loc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	if (isnan(value)) {
		if (size)
			buf[0] = '\0';
		return;
	}
	if (digits < 1 || digits > 17)
		digits = CM_DEFAULT_DIGITS;
	if (value == 0)
		value = 0;
	old = uselocale(c_loc);
	if (value == floor(value) && fabs(value) < 1e15) {
		snprintf(buf, size, "%.0f", value);
	} else {
		char tmp[40];
		double rounded;

		snprintf(tmp, sizeof(tmp), "%.*e", digits - 1, value);
		rounded = strtod_l(tmp, NULL, c_loc);
		if (rounded == floor(rounded) && fabs(rounded) < 1e15)
			snprintf(buf, size, "%.0f", rounded == 0 ? 0.0 : rounded);
		else
			snprintf(buf, size, "%.*g", digits, value);
	}
	uselocale(old);
}

/* A fixed pseudo-random sequence (xorshift64*): the same values every run. */
static uint64_t rng_next(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return x * 2685821657736338717ULL;
}

/* A uniform double in [0, 1). */
static double rng_unit(uint64_t *state)
{
	return (double)(rng_next(state) >> 11) * 0x1.0p-53;
}

/* Compare value (and -value) at every digits 1..17 and two invalid ones; count the mismatches. */
static int compare_value(double value, int *shown)
{
	static const int extra[] = { 0, 18 };
	char got[64], want[64];
	int bad = 0;

	for (int sign = 0; sign < 2; sign++) {
		double v = sign ? -value : value;

		for (int k = 1; k <= 19; k++) {
			int digits = k <= 17 ? k : extra[k - 18];

			cm_format_significant(got, sizeof(got), v, digits);
			reference_format(want, sizeof(want), v, digits);
			if (strcmp(got, want) != 0) {
				if ((*shown)++ < 20)
					print_message("%.17g at %d digits: got \"%s\", want \"%s\"\n", v, digits,
					              got, want);
				bad++;
			}
		}
	}
	return bad;
}

/* Add value and its two neighbours among doubles. */
static int compare_around(double value, int *shown)
{
	return compare_value(value, shown) + compare_value(nextafter(value, INFINITY), shown) +
	       compare_value(nextafter(value, -INFINITY), shown);
}

/*
 * The one-conversion formatting writes the same bytes as the reference over
 * many magnitudes, at every digits: random mantissas times 10^k for k in
 * -320..320, random bit patterns, halfway cases of every digits, the 1e-5,
 * 1e-4 and 1e15 borders, powers of ten, subnormals, whole values and
 * infinities (each also negative, and with its two neighbouring doubles).
 */
static void test_format_significant_matches_reference(void **state)
{
	static const double halves[] = { 0.5, 1.5, 2.5, 1234.5, 9.9999995, 99999.5, 9.5, 0.95,
	                                  0.095, 0.000095, 0.0000095, 99.5, 999999.5, 0.15,
	                                  0.25, 0.35, 0.45, 1.005, 2.675, 1.0000000000000002,
	                                  999999999999999.9, 999999999999999.5, 99999999999999.95,
	                                  4503599627370495.5, 0.99999999999999989 };
	uint64_t rng = 0x2545F4914F6CDD1DULL;
	int bad = 0, shown = 0;
	long values = 0;
	char buf[64], want[64];
	/*
	 * A tenth of the random values under valgrind, where the whole takes
	 * minutes: it is there for memory errors, which the fewer values find as
	 * well; the comparison itself runs in full in the other builds.
	 */
	int few = RUNNING_ON_VALGRIND ? 10 : 1;

	(void)state;
	/* random mantissas at every power of ten the doubles reach */
	for (int k = -320; k <= 320; k++) {
		for (int i = 0; i < 120 / few; i++) {
			double m = 1 + 9 * rng_unit(&rng);
			double v = m * pow(10, k);

			if (!isfinite(v) || v == 0)
				continue;
			bad += compare_value(v, &shown);
			values += 2;
		}
	}
	/* random bit patterns: every exponent of the binary format, subnormals included */
	for (int i = 0; i < 20000 / few; i++) {
		uint64_t bits = rng_next(&rng) & ~(1ULL << 63);
		double v;

		memcpy(&v, &bits, sizeof(v));
		if (!isfinite(v))
			continue;
		bad += compare_value(v, &shown);
		values += 2;
	}
	/* short decimals (the halfway cases of some digits) and whole numbers plus a half */
	for (int i = 0; i < 10000 / few; i++) {
		double n = floor(rng_unit(&rng) * 1e6);
		int scale = (int)(rng_next(&rng) % 12);

		bad += compare_value(n / pow(10, scale), &shown);
		bad += compare_value(n + 0.5, &shown);
		values += 4;
	}
	/* the halfway cases of every digits: d.dddd5 x 10^k, exactly as decimal text says */
	for (int digits = 1; digits <= 17; digits++) {
		for (int i = 0; i < 200 / few; i++) {
			char text[64];
			int k = (int)(rng_next(&rng) % 40) - 20;
			double v;

			snprintf(text, sizeof(text), "%.*f5e%d", digits - 1, 1 + 9 * rng_unit(&rng), k);
			v = strtod(text, NULL);
			bad += compare_around(v, &shown);
			values += 6;
		}
	}
	for (size_t i = 0; i < sizeof(halves) / sizeof(halves[0]); i++) {
		bad += compare_around(halves[i], &shown);
		values += 6;
	}
	/* powers of ten, the 1e-5 / 1e-4 and 1e15 borders, each with its neighbours */
	for (int k = -323; k <= 308; k++) {
		double p = strtod((snprintf(buf, sizeof(buf), "1e%d", k), buf), NULL);

		bad += compare_around(p, &shown);
		bad += compare_around(p * 9.999999999999999, &shown);
		bad += compare_around(p * 0.99999995, &shown);
		values += 18;
	}
	for (int i = 0; i < 2000; i++) {
		static const double borders[] = { 1e-5, 1e-4, 1e15, 1e16, 1e17 };
		double b = borders[i % 5];
		double v = b * (1 + (rng_unit(&rng) - 0.5) * 1e-12);

		bad += compare_value(v, &shown);
		bad += compare_value(b + (double)(i / 5 - 200) * (nextafter(b, INFINITY) - b), &shown);
		values += 4;
	}
	/* subnormals, the extremes, whole values, infinities */
	bad += compare_around(DBL_MIN, &shown) + compare_around(DBL_TRUE_MIN, &shown);
	bad += compare_around(DBL_MAX, &shown) + compare_around(DBL_TRUE_MIN * 12345, &shown);
	bad += compare_value(INFINITY, &shown);
	for (int i = 0; i < 10000 / few; i++) {
		bad += compare_value(floor(rng_unit(&rng) * pow(10, i % 18)), &shown);
		values += 2;
	}
	values += 26;
	print_message("%ld values, each at 19 digits settings: %d differences\n", values, bad);
	assert_true(values >= 200000 / few);
	assert_int_equal(bad, 0);

	/* the same bytes under a French LC_NUMERIC (decimal comma) */
	if (!setlocale(LC_NUMERIC, "fr_FR.UTF-8"))
		setlocale(LC_NUMERIC, "fr_FR");
	for (int i = 0; i < 2000; i++) {
		double v = (1 + 9 * rng_unit(&rng)) * pow(10, (int)(rng_next(&rng) % 40) - 20);

		bad += compare_value(v, &shown);
	}
	cm_format_significant(buf, sizeof(buf), 1234.5678, 6);
	assert_string_equal(buf, "1234.57");
	setlocale(LC_NUMERIC, "C");
	assert_int_equal(bad, 0);

	/* cut to the buffer's size as snprintf does */
	cm_format_significant(buf, 5, 0.123456789, 9);
	reference_format(want, 5, 0.123456789, 9);
	assert_string_equal(buf, want);
	assert_string_equal(buf, "0.12");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_number),
		cmocka_unit_test(test_numbers_ignore_locale),
		cmocka_unit_test(test_format_number),
		cmocka_unit_test(test_format_significant),
		cmocka_unit_test(test_format_significant_matches_reference),
	};
	return cmocka_run_group_tests_name("number", tests, NULL, NULL);
}
