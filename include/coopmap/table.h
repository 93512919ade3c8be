/**
 * @file coopmap/table.h
 * @brief Result tables and their writers (aligned table, CSV, TSV, JSON).
 *
 * Every command that prints rows (metrics, isolated, brokers, ...) fills a
 * cm_table and hands it to cm_table_write(), so that every command gets the
 * same quoting, number formatting and UTF-8 handling.  Numbers are printed
 * the same whatever the locale; undefined numbers (NaN) are an empty CSV
 * cell and JSON null.
 */
#ifndef COOPMAP_TABLE_H
#define COOPMAP_TABLE_H

#include <stdio.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Output formats for tables.
 *
 * - table: a header line, then one line per row; columns separated by two
 *   spaces and padded by display width (cm_utf8_width), strings on the
 *   left, numbers on the right, no trailing blanks.  Invalid UTF-8 shows as
 *   U+FFFD and control characters (tab, newline...) as spaces, so that
 *   every row stays on one line.
 * - csv: RFC 4180 with a header row and LF line ends; a field is quoted
 *   only when it holds a comma, a double quote, CR or LF, or begins or ends
 *   with a space or a tab (quotes doubled).  Bytes are written as they are,
 *   formula-like text (=, +, -, @) included: csv is for scripts, which
 *   must get the text back unchanged.
 * - csv-fr: CSV for a French spreadsheet (Excel, LibreOffice): a UTF-8
 *   byte order mark, ';' between fields, CRLF line ends, real numbers with
 *   a decimal comma ("-1,5"); a field is quoted when it holds ';', a double
 *   quote, CR or LF, or begins or ends with a space or a tab.  A text cell
 *   that is a number ("-1.68" read from a CSV) is written as one, with a
 *   decimal comma ("-1,68"), except in the columns of names
 *   (cm_table_keep_text()).  Any other text cell (the header's too) that,
 *   past its leading apostrophes, begins with =, +, -, @, a tab or CR gets
 *   one more apostrophe in front ("'=HYPERLINK(...)"), which makes it text
 *   for the spreadsheet instead of a formula it would run (OWASP's advice
 *   against CSV injection); coopmap's CSV reader drops that apostrophe
 *   again in ';' files.  Numbers are never guarded.  Every call writes the
 *   byte order mark: one table per file.
 * - tsv: a header row, fields separated by tabs; a tab, CR or LF inside a
 *   field is replaced by a space (TSV has no quoting), the rest as it is.
 * - json: an array of objects, one per row, keys in column order; strings
 *   escaped (quotes, backslash, control characters as \u00XX, and <, >, &,
 *   U+2028, U+2029 so the text can sit in HTML), invalid UTF-8 replaced by
 *   U+FFFD; INT as integers, REAL as in the other formats, BOOL as
 *   true/false, undefined numbers and unset strings as null.
 *
 * Real numbers have cm_table_digits() significant digits (12 unless
 * cm_table_set_digits() changed it) and whole numbers are written in full,
 * in every format (cm_format_significant() in coopmap/text.h).
 */
typedef enum {
	CM_FORMAT_TABLE = 0, /**< aligned columns for a terminal */
	CM_FORMAT_CSV,       /**< RFC 4180, with a header */
	CM_FORMAT_TSV,       /**< tab-separated, with a header */
	CM_FORMAT_JSON,      /**< an array of objects */
	CM_FORMAT_CSV_FR     /**< ';', decimal comma, BOM, CRLF, formula-like text neutralised */
} cm_format;

/** Column types. */
typedef enum {
	CM_COL_STRING = 0,
	CM_COL_INT,    /**< integer, printed without decimals */
	CM_COL_REAL,   /**< real, printed with enough digits to round-trip to 1e-9 */
	CM_COL_BOOL    /**< 0/1 in CSV and table, false/true in JSON */
} cm_coltype;

typedef struct cm_table cm_table;

/**
 * Parse a format name ("table", "csv", "csv-fr", "tsv", "json").
 * @param out receives the format
 * @param name the name
 * @return 0, or CM_EUSAGE with a message naming the accepted values
 */
int cm_format_parse(cm_format *out, const char *name);

/**
 * Create an empty table.
 * @param out receives the table
 * @return 0 or CM_ENOMEM
 */
int cm_table_new(cm_table **out);

/** Free a table (NULL is allowed). */
void cm_table_free(cm_table *t);

/**
 * Append a column; must be called before any row is added.
 * @return the column index (>= 0), CM_ENOMEM, or CM_ERROR once rows exist
 */
int cm_table_add_column(cm_table *t, const char *name, cm_coltype type);

/**
 * Mark string column col as names (actor ids): csv-fr writes its text that
 * looks like a number as text, not as a number with a decimal comma, so
 * that ids such as "1.5" and "1,5" stay two ids (docs/input.md, "Ids are
 * text").  No effect in the other formats.
 * @return 0, or CM_ERROR when col is out of range or not a string column
 */
int cm_table_keep_text(cm_table *t, size_t col);

/** @return the index of the column called name, or -1 */
int cm_table_column(const cm_table *t, const char *name);

/** @return the number of columns */
size_t cm_table_ncols(const cm_table *t);

/** @return the number of rows */
size_t cm_table_nrows(const cm_table *t);

/** @return the name of column c */
const char *cm_table_column_name(const cm_table *t, size_t c);

/**
 * Append n_rows empty rows (every cell undefined).
 * @return 0 or CM_ENOMEM
 */
int cm_table_add_rows(cm_table *t, size_t n_rows);

/**
 * Set a string cell (copied).  On an INT, REAL or BOOL column the text is
 * read as a number (undefined when it is not one).
 * @return 0, CM_ENOMEM, or CM_ERROR when the cell is out of range
 */
int cm_table_set_string(cm_table *t, size_t row, size_t col, const char *value);

/** Set a numeric cell (INT, REAL or BOOL columns); NaN means undefined. */
void cm_table_set_number(cm_table *t, size_t row, size_t col, double value);

/** @return the numeric value of a cell (NaN when undefined) */
double cm_table_get_number(const cm_table *t, size_t row, size_t col);

/** @return the string value of a cell ("" when undefined) */
const char *cm_table_get_string(const cm_table *t, size_t row, size_t col);

/**
 * Sort rows by a column, numbers by value and strings by bytes, in the
 * order asked; undefined cells go last in both orders and ties keep their
 * previous order (stable).
 * @param t the table
 * @param col the column index
 * @param descending non-zero for descending order
 * @return 0, CM_ENOMEM, or CM_ERROR when col is out of range
 */
int cm_table_sort(cm_table *t, size_t col, int descending);

/**
 * Write the table.
 * @param f the stream
 * @param t the table
 * @param format the format
 * @param top write at most this many rows (0: all)
 * @return 0, or CM_EIO when the stream fails (errno is kept, EPIPE included)
 */
int cm_table_write(FILE *f, const cm_table *t, cm_format format, size_t top);

/**
 * Set the significant digits of real numbers in every result writer
 * (cm_table_write() and coopmap/writers.h) and in the CSV folder of
 * coopmap/export.h.  Process-wide, like the notice handler: the CLI sets it
 * once from --digits, before writing.
 * @param digits 1 to 17 (17 round-trips every double), or 0 for the
 *        default, CM_DEFAULT_DIGITS (12)
 * @return 0, or CM_EUSAGE (and nothing changes) for another value
 */
int cm_table_set_digits(int digits);

/** @return the significant digits of real numbers set by cm_table_set_digits() */
int cm_table_digits(void);

/**
 * The text of a real number as format writes it: cm_table_digits()
 * significant digits, a decimal comma in csv-fr, "" when undefined.  For
 * writers that print figures beside their tables.
 * @param buf receives the text
 * @param size size of buf (32 is enough)
 * @param value the number
 * @param format the output format
 */
void cm_table_format_real(char *buf, size_t size, double value, cm_format format);

/**
 * Write a string as a JSON string literal (quotes included), escaping what
 * JSON requires and replacing invalid UTF-8 with U+FFFD.
 */
void cm_json_write_string(FILE *f, const char *s);

#ifdef __cplusplus
}
#endif

#endif
