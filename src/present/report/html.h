/* Writing HTML text and numbers for the report, escaped for their context. */
#ifndef COOPMAP_PRESENT_REPORT_HTML_H
#define COOPMAP_PRESENT_REPORT_HTML_H

#include <stdio.h>

/*
 * Write s as HTML text or as the value of a double-quoted attribute: & < >
 * " ' become character references; invalid UTF-8 becomes U+FFFD and control
 * characters other than tab and newline a space, so that nothing in s can
 * end the element or the attribute it sits in.
 */
void rh_text(FILE *f, const char *s);

/* Format like printf, then write the result with rh_text(). */
void rh_textf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * A real number with at most `decimals` decimals (trailing zeros dropped),
 * with a decimal comma when comma is set; "" for NaN.
 */
void rh_real(char *buf, size_t size, double x, int decimals, int comma);

#endif
