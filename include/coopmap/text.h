/**
 * @file coopmap/text.h
 * @brief Numbers as text whatever the locale, and the display width of text.
 *
 * The rules every writer of coopmap follows (coopmap/table.h says where
 * they apply).
 */
#ifndef COOPMAP_TEXT_H
#define COOPMAP_TEXT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Format a number the same whatever the locale, with enough digits to
 * round-trip to 1e-9 relative ("%.12g" in the C locale); NaN gives "".
 * @param buf receives the text
 * @param size size of buf (32 is enough)
 * @param value the number
 */
void cm_format_number(char *buf, size_t size, double value);

/** Significant digits of cm_format_number(): enough to round-trip to 1e-9 relative. */
#define CM_DEFAULT_DIGITS 12

/**
 * Format a number with a given number of significant digits, the same
 * whatever the locale: whole numbers below 1e15 in full ("103", "2020"),
 * others rounded to digits significant digits ("%.*g" in the C locale),
 * written without exponent when the rounding gives a whole number (1234.5
 * to 2 digits is "1200"); NaN gives "".  cm_format_number() is this with
 * CM_DEFAULT_DIGITS.
 * @param buf receives the text
 * @param size size of buf (32 is enough)
 * @param value the number
 * @param digits significant digits, 1 to 17 (17 round-trips every double;
 *        other values mean CM_DEFAULT_DIGITS)
 */
void cm_format_significant(char *buf, size_t size, double value, int digits);

/**
 * Parse a number the same whatever the locale.
 * @param out receives the value
 * @param text the text (surrounding spaces allowed)
 * @param decimal_comma accept "2,5" as 2.5
 * @return 0, or -1 when text is not a finite number
 */
int cm_parse_number(double *out, const char *text, int decimal_comma);

/** @return the number of terminal columns the UTF-8 string s takes */
size_t cm_utf8_width(const char *s);

#ifdef __cplusplus
}
#endif

#endif
