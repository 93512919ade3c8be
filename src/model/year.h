/* Years as the model holds them: whole numbers, NaN for undated (model/year.c). */
#ifndef COOPMAP_MODEL_YEAR_H
#define COOPMAP_MODEL_YEAR_H

/* What text means an undated tie for cm_year_parse(). */
#define CM_YEAR_EMPTY 0  /* only "" (the CSV reader: a field of spaces was quoted on purpose) */
#define CM_YEAR_BLANK 1  /* "" or spaces and tabs only (attributes of the other readers) */

/*
 * Parse a year: a whole number of at most 1e9 in absolute value, written
 * as cm_parse_number() reads it (surrounding spaces, sign, exponent), or
 * the undated text that `undated` allows, giving NaN.  Returns 0, or -1
 * for anything else (*out unchanged).
 */
int cm_year_parse(double *out, const char *text, int undated);

#endif
