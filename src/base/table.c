/*
 * Result tables and their five writers.  Every command that prints rows
 * goes through here so that quoting, number formatting and UTF-8 handling
 * are the same everywhere.
 *
 * Cells are stored row-major (columns are fixed before the first row);
 * a numeric cell is a double (NaN = undefined), a string cell a string
 * (NULL = undefined) kept in the table's own blocks of text.  A cell is one
 * or the other, 8 bytes, and the strings carry no allocation of their own:
 * `metrics` on a million actors holds 17 million cells and 4 million
 * names, 416 MB as a double and a heap string per cell, 190 MB so.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/table.h"
#include "coopmap/text.h"
#include "base/text.h"
#include "i18n.h"

/* One cell: its column's type says which member is used. */
typedef union cm_cell {
	double num;
	char *str;
} cm_cell;

/* A block of the table's strings, filled one after the other and freed together. */
struct text_block {
	struct text_block *next;
	size_t used, cap;
	char text[];
};

/* Strings go in blocks of this size (a longer one gets a block of its own). */
#define TEXT_BLOCK_BYTES ((size_t)256 << 10)

typedef struct cm_column {
	char *name;
	cm_coltype type;
	int keep_text;      /* names: csv-fr never writes their text as a number */
} cm_column;

struct cm_table {
	cm_column *cols;
	size_t ncols, cols_cap;
	cm_cell *cells;
	size_t nrows, rows_cap;
	struct text_block *text;    /* the strings of the cells, newest block first */
};

/* Accepted names of cm_format_parse(), in cm_format order. */
static const char *const format_names[] = { "table", "csv", "tsv", "json", "csv-fr" };

/* Significant digits of real numbers in every writer (cm_table_set_digits). */
static int table_digits = CM_DEFAULT_DIGITS;

int cm_format_parse(cm_format *out, const char *name)
{
	int rc = CM_EUSAGE;

	for (size_t i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++) {
		if (name && strcmp(name, format_names[i]) == 0) {
			*out = (cm_format)i;
			rc = 0;
			break;
		}
	}
	if (rc < 0)
		cm_error_set(rc, _("unknown format '%s' (use table, csv, csv-fr, tsv or json)"),
		             name ? name : "");
	return rc;
}

int cm_table_set_digits(int digits)
{
	if (digits < 0 || digits > 17)
		return cm_error_set(CM_EUSAGE, _("%d significant digits: use a whole number from 1 to 17"),
		                    digits);
	table_digits = digits ? digits : CM_DEFAULT_DIGITS;
	return 0;
}

int cm_table_digits(void)
{
	return table_digits;
}

void cm_table_format_real(char *buf, size_t size, double value, cm_format format)
{
	cm_format_significant(buf, size, value, table_digits);
	if (format == CM_FORMAT_CSV_FR) {
		/* the C locale's point is the only one cm_format_significant writes */
		char *point = strchr(buf, '.');

		if (point)
			*point = ',';
	}
}

int cm_table_new(cm_table **out)
{
	*out = calloc(1, sizeof(**out));
	if (!*out)
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	return 0;
}

void cm_table_free(cm_table *t)
{
	if (!t)
		return;
	while (t->text) {
		struct text_block *next = t->text->next;

		free(t->text);
		t->text = next;
	}
	for (size_t c = 0; c < t->ncols; c++)
		free(t->cols[c].name);
	free(t->cells);
	free(t->cols);
	free(t);
}

int cm_table_add_column(cm_table *t, const char *name, cm_coltype type)
{
	char *copy = NULL;
	int rc;

	if (t->nrows > 0) {
		rc = cm_error_set(CM_ERROR, _("column '%s' added after rows"), name);
		goto done;
	}
	if (t->ncols == t->cols_cap) {
		size_t cap = t->cols_cap ? 2 * t->cols_cap : 8;
		cm_column *p = realloc(t->cols, cap * sizeof(*p));

		if (!p) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
		t->cols = p;
		t->cols_cap = cap;
	}
	if (!(copy = cm_strdup(name))) {
		rc = CM_ENOMEM;
		goto done;
	}
	t->cols[t->ncols].name = copy;
	t->cols[t->ncols].type = type;
	t->cols[t->ncols].keep_text = 0;
	rc = (int)t->ncols++;
done:
	return rc;
}

int cm_table_keep_text(cm_table *t, size_t col)
{
	if (col >= t->ncols || t->cols[col].type != CM_COL_STRING)
		return cm_error_set(CM_ERROR, _("column %zu is not a text column"), col);
	t->cols[col].keep_text = 1;
	return 0;
}

int cm_table_column(const cm_table *t, const char *name)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (strcmp(t->cols[c].name, name) == 0)
			return (int)c;
	return -1;
}

size_t cm_table_ncols(const cm_table *t)
{
	return t->ncols;
}

size_t cm_table_nrows(const cm_table *t)
{
	return t->nrows;
}

const char *cm_table_column_name(const cm_table *t, size_t c)
{
	return c < t->ncols ? t->cols[c].name : "";
}

int cm_table_add_rows(cm_table *t, size_t n_rows)
{
	size_t need = t->nrows + n_rows;
	int rc = 0;

	if (t->ncols > 0 && need > t->rows_cap) {
		size_t cap = t->rows_cap ? t->rows_cap : 16;
		cm_cell *p = NULL;

		while (cap < need)
			cap *= 2;
		if (cap <= SIZE_MAX / t->ncols / sizeof(*p))
			p = realloc(t->cells, cap * t->ncols * sizeof(*p));
		if (!p) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
		t->cells = p;
		t->rows_cap = cap;
	}
	for (size_t r = t->nrows; r < need; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			if (t->cols[c].type == CM_COL_STRING)
				t->cells[r * t->ncols + c].str = NULL;
			else
				t->cells[r * t->ncols + c].num = NAN;
		}
	t->nrows = need;
done:
	return rc;
}

/* The cell at (row, col), or NULL when out of range. */
static cm_cell *cell_at(const cm_table *t, size_t row, size_t col)
{
	if (row >= t->nrows || col >= t->ncols)
		return NULL;
	return &t->cells[row * t->ncols + col];
}

/* A copy of s in the table's blocks of text (freed with the table), or NULL when out of memory. */
static char *keep_text(cm_table *t, const char *s)
{
	size_t len = strlen(s) + 1;
	struct text_block *b = t->text;
	char *copy;

	if (!b || b->cap - b->used < len) {
		size_t cap = len > TEXT_BLOCK_BYTES ? len : TEXT_BLOCK_BYTES;

		if (!(b = malloc(sizeof(*b) + cap)))
			return NULL;
		b->used = 0;
		b->cap = cap;
		/* a block of its own for a long string: the current block stays open */
		if (t->text && cap > TEXT_BLOCK_BYTES) {
			b->next = t->text->next;
			t->text->next = b;
		} else {
			b->next = t->text;
			t->text = b;
		}
	}
	copy = b->text + b->used;
	memcpy(copy, s, len);
	b->used += len;
	return copy;
}

int cm_table_set_string(cm_table *t, size_t row, size_t col, const char *value)
{
	cm_cell *cell = cell_at(t, row, col);
	char *copy = NULL;
	int rc = 0;

	if (!cell) {
		rc = cm_error_set(CM_ERROR, _("table cell %zu,%zu is out of range"), row, col);
		goto done;
	}
	if (t->cols[col].type != CM_COL_STRING) {
		/* a number given as text: keep it as a number so it sorts and prints as one */
		double v = NAN;

		if (value && cm_parse_number(&v, value, 0) < 0)
			v = NAN;
		cell->num = v;
		goto done;
	}
	/* a replaced string stays in its block until the table goes */
	if (value && !(copy = keep_text(t, value))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	cell->str = copy;
done:
	return rc;
}

void cm_table_set_number(cm_table *t, size_t row, size_t col, double value)
{
	cm_cell *cell = cell_at(t, row, col);

	if (cell && t->cols[col].type != CM_COL_STRING)
		cell->num = value;
}

double cm_table_get_number(const cm_table *t, size_t row, size_t col)
{
	cm_cell *cell = cell_at(t, row, col);

	if (!cell || t->cols[col].type == CM_COL_STRING)
		return NAN;
	return cell->num;
}

const char *cm_table_get_string(const cm_table *t, size_t row, size_t col)
{
	cm_cell *cell = cell_at(t, row, col);

	if (!cell || !cell->str || t->cols[col].type != CM_COL_STRING)
		return "";
	return cell->str;
}

/* What the sort comparator needs. */
struct sort_ctx {
	const cm_table *t;
	size_t col;
	int descending;
};

/* Order two row indices; undefined cells last, then the original order (stable). */
static int compare_rows(const void *pa, const void *pb, void *arg)
{
	const struct sort_ctx *ctx = arg;
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	const cm_cell *ca = &ctx->t->cells[a * ctx->t->ncols + ctx->col];
	const cm_cell *cb = &ctx->t->cells[b * ctx->t->ncols + ctx->col];
	int r = 0;

	if (ctx->t->cols[ctx->col].type == CM_COL_STRING) {
		if (!ca->str != !cb->str)
			return ca->str ? -1 : 1;
		if (ca->str)
			r = strcmp(ca->str, cb->str);
	} else {
		if (isnan(ca->num) != isnan(cb->num))
			return isnan(ca->num) ? 1 : -1;
		if (!isnan(ca->num))
			r = ca->num < cb->num ? -1 : ca->num > cb->num ? 1 : 0;
	}
	if (ctx->descending)
		r = -r;
	if (r == 0)
		r = a < b ? -1 : a > b ? 1 : 0;
	return r;
}

int cm_table_sort(cm_table *t, size_t col, int descending)
{
	struct sort_ctx ctx = { t, col, descending };
	size_t *order = NULL;
	cm_cell *cells = NULL;
	int rc = 0;

	if (col >= t->ncols) {
		rc = cm_error_set(CM_ERROR, _("sort column %zu is out of range"), col);
		goto done;
	}
	if (t->nrows < 2)
		goto done;
	order = malloc(t->nrows * sizeof(*order));
	cells = malloc(t->rows_cap * t->ncols * sizeof(*cells));
	if (!order || !cells) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (size_t i = 0; i < t->nrows; i++)
		order[i] = i;
	qsort_r(order, t->nrows, sizeof(*order), compare_rows, &ctx);
	for (size_t i = 0; i < t->nrows; i++)
		memcpy(&cells[i * t->ncols], &t->cells[order[i] * t->ncols],
		       t->ncols * sizeof(*cells));
	free(t->cells);
	t->cells = cells;
	cells = NULL;
done:
	free(order);
	free(cells);
	return rc;
}

/* Length of the UTF-8 sequence at p if it is valid (at most n bytes), else 0. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
	size_t len = p[0] < 0x80 ? 1 : p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : 2;

	if (len > n || !cm_utf8_valid((const char *)p, len))
		return 0;
	return len;
}

void cm_json_write_string(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p), i = 0;

	putc('"', f);
	while (i < n) {
		unsigned char c = p[i];
		size_t k;

		if (c == '"' || c == '\\') {
			putc('\\', f);
			putc(c, f);
			i++;
		} else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
			/* <, > and & too, so the text can sit inside an HTML <script> */
			fprintf(f, "\\u%04x", c);
			i++;
		} else if (c < 0x80) {
			putc(c, f);
			i++;
		} else if (!(k = utf8_len(p + i, n - i))) {
			fputs("\xEF\xBF\xBD", f);
			i++;
		} else if (k == 3 && c == 0xE2 && p[i + 1] == 0x80 &&
		           (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) {
			/* U+2028 and U+2029 end lines in JavaScript */
			fprintf(f, "\\u%04x", p[i + 2] == 0xA8 ? 0x2028 : 0x2029);
			i += 3;
		} else {
			fwrite(p + i, 1, k, f);
			i += k;
		}
	}
	putc('"', f);
}

/*
 * The text of a numeric cell for csv, csv-fr, tsv, table and JSON: ""
 * when undefined, integers without decimals, booleans as 0/1, reals as
 * cm_table_format_real() gives them.
 */
static void number_text(char *buf, size_t size, cm_coltype type, double v, cm_format format)
{
	if (isnan(v)) {
		buf[0] = '\0';
	} else if (type == CM_COL_BOOL) {
		snprintf(buf, size, "%d", v != 0);
	} else if (type == CM_COL_INT && isfinite(v)) {
		/* %.0f has no decimal point, so the locale cannot change it */
		snprintf(buf, size, "%.0f", v == 0 ? 0.0 : round(v));
	} else {
		cm_table_format_real(buf, size, v, format);
	}
}

/* Write a JSON value for a numeric cell: null when undefined or infinite. */
static void json_number(FILE *f, cm_coltype type, double v)
{
	char buf[64];

	if (!isfinite(v)) {
		fputs("null", f);
	} else if (type == CM_COL_BOOL) {
		fputs(v != 0 ? "true" : "false", f);
	} else {
		number_text(buf, sizeof(buf), type, v, CM_FORMAT_JSON);
		fputs(buf, f);
	}
}

/*
 * Is text s a number as a French spreadsheet reads one once its point is a
 * comma: an optional minus, digits, optionally a decimal point or comma and
 * digits, optionally an exponent ("-1.68", "2,5", "1e-07")?
 */
static int plain_number(const char *s)
{
	size_t k;

	s += *s == '-';
	if (!(k = strspn(s, "0123456789")))
		return 0;
	s += k;
	if (*s == '.' || *s == ',') {
		if (!(k = strspn(s + 1, "0123456789")))
			return 0;
		s += 1 + k;
	}
	if (*s == 'e' || *s == 'E') {
		s += 1 + (s[1] == '-' || s[1] == '+');
		if (!(k = strspn(s, "0123456789")))
			return 0;
		s += k;
	}
	return *s == '\0';
}

/*
 * Write a CSV field with separator sep, quoted (RFC 4180) only when it
 * holds sep, a double quote, CR or LF, or begins or ends with a space or
 * a tab (coopmap's reader, like most, trims unquoted fields).  In csv-fr
 * (guard), text that is a number is written as one, with a decimal comma,
 * unless it is a name (keep_text), and other formula-like text gets an
 * apostrophe in front.
 */
static void csv_field(FILE *f, const char *s, char sep, int guard, int keep_text)
{
	const char special[] = { sep, '"', '\r', '\n', '\0' };
	size_t n = strlen(s);
	int quote = strpbrk(s, special) != NULL ||
	            (n > 0 && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'));

	if (guard && !keep_text && plain_number(s)) {
		/* text that is a number (a latitude read from a CSV): a number for the spreadsheet too */
		for (; *s; s++)
			putc(*s == '.' ? ',' : *s, f);
		return;
	}
	if (quote)
		putc('"', f);
	if (guard && cm_formula_like(s))
		putc('\'', f);
	/* runs of text in one write (a table of 100,000 rows is millions of characters) */
	for (const char *q; (q = strchr(s, '"')) != NULL; s = q + 1) {
		fwrite(s, 1, (size_t)(q - s) + 1, f);
		putc('"', f); /* the quote doubled */
	}
	fputs(s, f);
	if (quote)
		putc('"', f);
}

/* Write a TSV field: tabs, CR and LF would break the row, so they become spaces. */
static void tsv_field(FILE *f, const char *s)
{
	for (;;) {
		size_t n = strcspn(s, "\t\r\n");

		fwrite(s, 1, n, f);
		if (!s[n])
			break;
		putc(' ', f);
		s += n + 1;
	}
}

/*
 * Text of a string for an aligned terminal table: invalid UTF-8 becomes
 * U+FFFD and control characters become spaces, so widths stay right.
 */
static char *terminal_text(const char *s)
{
	char *clean = cm_utf8_sanitize(s);

	for (char *q = clean; q && *q; q++)
		if ((unsigned char)*q < 0x20 || *q == 0x7F)
			*q = ' ';
	return clean;
}

/* Record a write failure keeping errno (the CLI recognises EPIPE). */
static int write_error(void)
{
	int saved = errno;
	int rc = cm_error_set(CM_EIO, _("cannot write output: %s"),
	                      saved ? strerror(saved) : "write error");

	errno = saved;
	return rc;
}

/* Check the stream after writing; flushes so that a closed pipe shows now. */
static int stream_status(FILE *f)
{
	if (ferror(f) || fflush(f) != 0 || ferror(f))
		return write_error();
	return 0;
}

/*
 * Write one field of csv, csv-fr or tsv; guard: a text cell, made safe for
 * a spreadsheet in csv-fr; keep_text: a name, never written as a number.
 */
static void delimited_field(FILE *f, const char *s, cm_format format, int guard, int keep_text)
{
	if (format == CM_FORMAT_TSV)
		tsv_field(f, s);
	else if (format == CM_FORMAT_CSV_FR)
		csv_field(f, s, ';', guard, keep_text);
	else
		csv_field(f, s, ',', 0, 0);
}

/* Write csv, csv-fr or tsv. */
static int write_delimited(FILE *f, const cm_table *t, size_t rows, cm_format format)
{
	const char sep = format == CM_FORMAT_TSV ? '\t' : format == CM_FORMAT_CSV_FR ? ';' : ',';
	const char *eol = format == CM_FORMAT_CSV_FR ? "\r\n" : "\n";
	char buf[64];

	/* the byte order mark tells Excel the file is UTF-8, not the ANSI code page */
	if (format == CM_FORMAT_CSV_FR)
		fputs("\xEF\xBB\xBF", f);
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			putc(sep, f);
		delimited_field(f, t->cols[c].name, format, 1, 1);
	}
	fputs(eol, f);
	for (size_t r = 0; r < rows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const cm_cell *cell = &t->cells[r * t->ncols + c];
			const char *text = buf;
			int is_text = t->cols[c].type == CM_COL_STRING;

			if (c)
				putc(sep, f);
			if (is_text)
				text = cell->str ? cell->str : "";
			else
				number_text(buf, sizeof(buf), t->cols[c].type, cell->num, format);
			delimited_field(f, text, format, is_text, t->cols[c].keep_text);
		}
		fputs(eol, f);
		if (ferror(f))
			return write_error();
	}
	return 0;
}

/* Write the JSON array of objects. */
static int write_json(FILE *f, const cm_table *t, size_t rows)
{
	fputs(rows ? "[\n" : "[", f);
	for (size_t r = 0; r < rows; r++) {
		fputs("  {", f);
		for (size_t c = 0; c < t->ncols; c++) {
			const cm_cell *cell = &t->cells[r * t->ncols + c];

			if (c)
				fputs(", ", f);
			cm_json_write_string(f, t->cols[c].name);
			fputs(": ", f);
			if (t->cols[c].type != CM_COL_STRING)
				json_number(f, t->cols[c].type, cell->num);
			else if (cell->str)
				cm_json_write_string(f, cell->str);
			else
				fputs("null", f);
		}
		fputs(r + 1 < rows ? "},\n" : "}\n", f);
		if (ferror(f))
			return write_error();
	}
	fputs("]\n", f);
	return 0;
}

/* Write aligned columns: strings left, numbers right, two spaces between. */
static int write_aligned(FILE *f, const cm_table *t, size_t rows)
{
	char **text = NULL;
	size_t *width = NULL, n = (rows + 1) * t->ncols;
	int rc = 0;

	if (t->ncols == 0)
		goto done;
	text = calloc(n, sizeof(*text));
	width = calloc(t->ncols, sizeof(*width));
	if (!text || !width) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	/* row 0 of text is the header */
	for (size_t i = 0; i < n; i++) {
		size_t r = i / t->ncols, c = i % t->ncols;
		char buf[64];

		if (r == 0) {
			text[i] = terminal_text(R_(t->cols[c].name));
		} else if (t->cols[c].type == CM_COL_STRING) {
			const char *s = t->cells[(r - 1) * t->ncols + c].str;

			text[i] = terminal_text(s ? s : "");
		} else {
			number_text(buf, sizeof(buf), t->cols[c].type,
			            t->cells[(r - 1) * t->ncols + c].num, CM_FORMAT_TABLE);
			text[i] = cm_strdup(buf);
		}
		if (!text[i]) {
			rc = CM_ENOMEM;
			goto done;
		}
		if (cm_utf8_width(text[i]) > width[c])
			width[c] = cm_utf8_width(text[i]);
	}
	for (size_t r = 0; r <= rows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = text[r * t->ncols + c];
			size_t pad = width[c] - cm_utf8_width(s);
			int right = t->cols[c].type != CM_COL_STRING;

			if (c)
				fputs("  ", f);
			if (right)
				fprintf(f, "%*s", (int)pad, "");
			fputs(s, f);
			/* no trailing blanks after the last column */
			if (!right && c + 1 < t->ncols)
				fprintf(f, "%*s", (int)pad, "");
		}
		putc('\n', f);
		if (ferror(f)) {
			rc = write_error();
			goto done;
		}
	}
done:
	for (size_t i = 0; text && i < n; i++)
		free(text[i]);
	free(text);
	free(width);
	return rc;
}

int cm_table_write(FILE *f, const cm_table *t, cm_format format, size_t top)
{
	size_t rows = top && top < t->nrows ? top : t->nrows;
	int rc;

	switch (format) {
	case CM_FORMAT_CSV:
	case CM_FORMAT_CSV_FR:
	case CM_FORMAT_TSV:
		rc = write_delimited(f, t, rows, format);
		break;
	case CM_FORMAT_JSON:
		rc = write_json(f, t, rows);
		break;
	case CM_FORMAT_TABLE:
		rc = write_aligned(f, t, rows);
		break;
	default:
		rc = cm_error_set(CM_EUSAGE, _("unknown output format %d"), (int)format);
		break;
	}
	if (rc == 0)
		rc = stream_status(f);
	return rc;
}
