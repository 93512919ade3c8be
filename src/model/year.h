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

/*
 * The year of a date: a year as cm_year_parse() reads it, or a date
 * "2021-03-15", "2021-03", "2021/03/15", "15/03/2021", "15.03.2021",
 * "03/2021" (a time after a space or 'T' is ignored); spaces only give
 * NaN.  Returns 0, or -1 for anything else (*out unchanged).
 */
int cm_date_year(double *out, const char *text);

#endif
