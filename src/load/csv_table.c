/*
 * The CSV input: an edge list and an optional actor table, read into
 * arrays (names interned through model/names.h), then built into a raw
 * graph for the tie pipeline.
 */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coopmap/common.h"
#include "coopmap/load.h"
#include "coopmap/network.h"
#include "coopmap/text.h"
#include "base/error.h"
#include "base/file.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "filter/filter.h"
#include "filter/merge.h"
#include "load/csv.h"
#include "load/csv_columns.h"
#include "load/csv_table.h"
#include "model/columns.h"
#include "model/names.h"
#include "model/raw.h"
#include "model/year.h"
#include "base/i18n.h"

/* Widest table read (a header of more columns is refused). */
#define CM_MAX_COLUMNS 1000

/* What a CSV column holds: a cm_role (CM_ROLE_NONE: a plain attribute), or R_SKIP. */
#define R_SKIP CM_CSV_SKIP
#define R_COUNT CM_ROLE_COUNT

/* A string column: one value per row, pointing into the CSV buffer. */
typedef struct strcol {
	char *attr;          /* attribute name, owned */
	const char **v;
	int year;            /* actor table "year" column: validated as a whole number */
} strcol;

/* The columns of one CSV table. */
typedef struct header {
	int *role;           /* per CSV column */
	int *col;            /* per CSV column: index into the strcols, or -1 */
	size_t ncols;
	int at[R_COUNT];     /* CSV column of each role, or -1 */
	strcol *str;
	size_t nstr;
	int date;            /* the year column holds dates */
} header;

/* Everything read from the CSV files, before the graph is built. */
typedef struct csv_net {
	cm_names names;             /* the actors in order, the actor table's first */
	long *node_lines;           /* line of each actor-table row */
	igraph_integer_t nlisted;   /* actors from the actor table: indices 0..nlisted-1 */
	size_t vcap;
	header nh, eh;
	igraph_vector_int_t edges;
	igraph_vector_t weight, year;
	igraph_integer_t m;
	igraph_integer_t dated;     /* ties with a year: some without one is a problem check lists */
	size_t ecap;
	cm_colmaps maps;               /* --columns */
	const char *nodes_name;     /* the actor table's name, for messages */
} csv_net;

/* Line breaks from p to end, plus one: an upper bound on the records of a table. */
static size_t count_lines(const char *p, const char *end)
{
	size_t lines = 1;

	while (p < end && (p = memchr(p, '\n', (size_t)(end - p)))) {
		lines++;
		p++;
	}
	return lines;
}

/* Free a header's arrays. */
static void header_free(header *h)
{
	for (size_t i = 0; i < h->nstr; i++) {
		free(h->str[i].attr);
		free(h->str[i].v);
	}
	free(h->str);
	free(h->role);
	free(h->col);
	memset(h, 0, sizeof(*h));
}

/* Grow every string column of h to hold cap rows. */
static int header_reserve(header *h, size_t cap)
{
	for (size_t i = 0; i < h->nstr; i++) {
		const char **p = realloc(h->str[i].v, cap * sizeof(*p));

		if (!p)
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		h->str[i].v = p;
		cm_advise_huge(p, cap * sizeof(*p));
	}
	return 0;
}

/* Add a string column for attribute attr (taken over). */
static int header_add_str(header *h, char *attr, int *index)
{
	strcol *p = realloc(h->str, (h->nstr + 1) * sizeof(*p));

	if (!p) {
		free(attr);
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	}
	h->str = p;
	memset(&h->str[h->nstr], 0, sizeof(*p));
	h->str[h->nstr].attr = attr;
	*index = (int)h->nstr++;
	return 0;
}

/* List the header's fields as "a, b, c" for messages. */
static void list_columns(cm_strbuf *b, const cm_csv *c)
{
	for (size_t i = 0; i < c->nfields; i++)
		if (cm_strbuf_printf(b, "%s'%s'", i ? ", " : "", c->fields[i]) < 0)
			return;
}

/* The attribute name of a column: its role's, or its lowercased header. */
static char *column_attr(int role, const char *header)
{
	return cm_ascii_lower(role == CM_ROLE_NONE ? header : cm_role_name((cm_role)role));
}

/* Map the header record of an edge list (nodes = 0) or actor table (nodes = 1). */
static int read_header(header *h, cm_csv *c, int nodes, cm_colmaps *maps)
{
	const int table = nodes ? CM_TABLE_NODES : CM_TABLE_EDGES;
	cm_strbuf found = { 0 };
	int rc;

	memset(h, 0, sizeof(*h));
	for (int r = 0; r < R_COUNT; r++)
		h->at[r] = -1;
	rc = cm_csv_next(c);
	if (rc < 0)
		goto done;
	if (rc == 0) {
		rc = cm_error_set_at(CM_EINPUT, c->name, 0, _("empty file: expected a header line with %s"),
		                     nodes ? "an id column" : "source and target columns");
		goto done;
	}
	rc = 0;
	/* the checks below are quadratic in the columns, and no real table has this many */
	if (c->nfields > CM_MAX_COLUMNS) {
		rc = cm_error_set_at(CM_EINPUT, c->name, c->record_line,
		                     _("%zu columns: at most %d are supported"), c->nfields, CM_MAX_COLUMNS);
		goto done;
	}
	h->ncols = c->nfields;
	h->role = calloc(h->ncols, sizeof(*h->role));
	h->col = calloc(h->ncols, sizeof(*h->col));
	if (!h->role || !h->col) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	if ((rc = cm_csv_assign_roles(h->role, &h->date, c, table, maps)) < 0)
		goto done;
	for (size_t i = 0; i < h->ncols; i++) {
		const char *f = c->fields[i];
		int role = h->role[i];
		char *attr;

		h->col[i] = -1;
		if (role == R_SKIP) {
			cm_notice(_("%s: column %zu has no name, ignored"), c->name, i + 1);
			continue;
		}
		if (role != CM_ROLE_NONE && h->at[role] >= 0) {
			rc = cm_error_set_at(CM_EINPUT, c->name, c->record_line,
			                     _("columns '%s' and '%s' both give %s"),
			                     c->fields[h->at[role]], f, cm_role_meaning((cm_role)role));
			goto done;
		}
		if (role != CM_ROLE_NONE)
			h->at[role] = (int)i;
		if (role == CM_ROLE_SOURCE || role == CM_ROLE_TARGET || role == CM_ROLE_WEIGHT ||
		    role == CM_ROLE_ID || (role == CM_ROLE_YEAR && !nodes))
			continue;
		if (!(attr = column_attr(role, f))) {
			rc = CM_ENOMEM;
			goto done;
		}
		for (size_t k = 0; k < h->nstr; k++) {
			if (!strcmp(h->str[k].attr, attr)) {
				rc = cm_error_set_at(CM_EINPUT, c->name, c->record_line,
				                     _("column '%s' appears twice"), f);
				free(attr);
				goto done;
			}
		}
		if ((rc = header_add_str(h, attr, &h->col[i])) < 0)
			goto done;
		h->str[h->col[i]].year = nodes && !strcmp(h->str[h->col[i]].attr, CM_ATTR_YEAR);
	}
	if (nodes ? h->at[CM_ROLE_ID] < 0 : h->at[CM_ROLE_SOURCE] < 0 || h->at[CM_ROLE_TARGET] < 0) {
		cm_role missing = nodes ? CM_ROLE_ID : h->at[CM_ROLE_SOURCE] < 0 ? CM_ROLE_SOURCE : CM_ROLE_TARGET;
		long like = -1;

		list_columns(&found, c);
		for (size_t i = 0; i < h->ncols && like < 0; i++)
			if (h->role[i] == CM_ROLE_NONE && cm_role_lookalike(c->fields[i], table) == missing)
				like = (long)i;
		if (like >= 0)
			rc = cm_error_set_at(CM_EINPUT, c->name, c->record_line,
			                     _("no '%s' column (columns found: %s); the header must name %s: "
			                     "did you mean '%s'? use --columns %s=%s"),
			                     cm_role_name(missing), found.s ? found.s : "none",
			                     nodes ? "an id column" : "source and target columns",
			                     c->fields[like], cm_role_name(missing), c->fields[like]);
		else
			rc = cm_error_set_at(CM_EINPUT, c->name, c->record_line,
			                     _("no '%s' column (columns found: %s); the header must name %s"),
			                     cm_role_name(missing), found.s ? found.s : "none",
			                     nodes ? "an id column" : "source and target columns");
		goto done;
	}
	rc = cm_csv_header_notices(h->role, h->at, h->date, c, table);
done:
	cm_strbuf_free(&found);
	return rc;
}

/* A record must have the header's number of fields (extra empty ones are tolerated). */
static int check_width(const cm_csv *c, const header *h)
{
	size_t n = c->nfields;

	while (n > h->ncols && !c->fields[n - 1][0])
		n--;
	if (n != h->ncols)
		return cm_error_set_at(CM_EINPUT, c->name, c->record_line,
		                       _("%zu field%s where the header has %zu"), n, n == 1 ? "" : "s",
		                       h->ncols);
	return 0;
}


/*
 * Plain decimals ("3", "0.25", "-2", ".5", "1,5" with a decimal comma) skip
 * strtod: with at most 15 digits the digits make an exact double and so
 * does the power of ten, and one IEEE division of two exact doubles is
 * correctly rounded -- the value strtod gives.  Anything else (spaces,
 * exponents, '+', more digits) returns -1 for cm_parse_number to decide.
 */
static int parse_plain_decimal(double *out, const char *s, int decimal_comma)
{
	static const double pow10[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
	};
	const char *p = s + (s[0] == '-');
	uint64_t mant = 0;
	int digits = 0, frac = -1;
	double v;

	for (;; p++) {
		if (*p >= '0' && *p <= '9') {
			if (++digits > 15)
				return -1;
			mant = mant * 10 + (uint64_t)(*p - '0');
			if (frac >= 0)
				frac++;
		} else if ((*p == '.' || (*p == ',' && decimal_comma)) && frac < 0) {
			frac = 0;
		} else {
			break;
		}
	}
	if (*p || digits == 0)
		return -1;
	v = frac > 0 ? (double)mant / pow10[frac] : (double)mant;
	*out = s[0] == '-' ? -v : v;
	return 0;
}

/* Read the actor table: one actor per row, in order. */
static int read_nodes(csv_net *net, cm_csv *c)
{
	header *h = &net->nh;
	int rc, added;

	if ((rc = read_header(h, c, 1, &net->maps)) < 0)
		return rc;
	/* one actor per line, most often: size the table and the columns once */
	net->vcap = count_lines(c->buf + c->pos, c->buf + c->len);
	if ((rc = cm_names_reserve(&net->names, net->vcap)) < 0)
		return rc;
	if (!(net->node_lines = malloc(net->vcap * sizeof(*net->node_lines))))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	cm_advise_huge(net->node_lines, net->vcap * sizeof(*net->node_lines));
	if ((rc = header_reserve(h, net->vcap)) < 0)
		return rc;
	while ((rc = cm_csv_next(c)) == 1) {
		const char *id;
		igraph_integer_t v;
		double year;

		if (c->nfields != h->ncols && (rc = check_width(c, h)) < 0)
			return rc;
		id = c->fields[h->at[CM_ROLE_ID]];
		if (!id[0])
			return cm_error_set_at(CM_EINPUT, c->name, c->record_line, _("empty id"));
		if ((rc = cm_names_add(&net->names, id, &v, &added)) < 0)
			return rc;
		if (!added)
			return cm_error_set_at(CM_EINPUT, c->name, c->record_line,
			                       _("actor '%s' is listed twice (first on line %ld)"),
			                       id, net->node_lines[v]);
		if ((size_t)v >= net->vcap) {
			size_t cap = net->vcap * 2;
			long *lines = realloc(net->node_lines, cap * sizeof(*lines));

			if (!lines)
				return cm_error_set(CM_ENOMEM, _("out of memory"));
			net->node_lines = lines;
			net->vcap = cap;
			if ((rc = header_reserve(h, cap)) < 0)
				return rc;
		}
		net->node_lines[v] = c->record_line;
		for (size_t i = 0; i < h->ncols; i++) {
			strcol *s;

			if (h->col[i] < 0)
				continue;
			s = &h->str[h->col[i]];
			s->v[v] = i < c->nfields ? c->fields[i] : "";
			if (s->year && h->date && i < c->nfields) {
				/* a date column: the actor joined in the date's year, written over the date */
				char *f = c->fields[i];
				char y[32];

				if (cm_date_year(&year, f) < 0)
					return cm_error_set_at(CM_EINPUT, c->name, c->record_line, _("date '%s' is not a "
					                       "date (2021-03-15, 15/03/2021) or a year"), f);
				if (year == year && (size_t)snprintf(y, sizeof(y), "%.0f", year) <= strlen(f))
					memcpy(f, y, strlen(y) + 1);
			} else if (s->year && cm_year_parse(&year, s->v[v], CM_YEAR_EMPTY) < 0) {
				return cm_error_set_at(CM_EINPUT, c->name, c->record_line,
				                       _("year '%s' is not a whole number"), s->v[v]);
			}
		}
		net->nlisted = v + 1;
	}
	return rc;
}

/* Make room for cap ties in every per-tie array. */
static int edges_reserve(csv_net *net, size_t cap)
{
	if (igraph_vector_int_reserve(&net->edges, 2 * (igraph_integer_t)cap) ||
	    igraph_vector_reserve(&net->weight, (igraph_integer_t)cap) ||
	    igraph_vector_reserve(&net->year, (igraph_integer_t)cap))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	cm_advise_huge(VECTOR(net->edges), 2 * cap * sizeof(igraph_integer_t));
	cm_advise_huge(VECTOR(net->weight), cap * sizeof(double));
	cm_advise_huge(VECTOR(net->year), cap * sizeof(double));
	net->ecap = cap;
	return header_reserve(&net->eh, cap);
}

/* Records read before their actors are looked up (see read_edges). */
#define EDGE_BATCH 64

/* Edge lists under this size are read on one thread: starting one costs more than it saves. */
#define SPLIT_MIN ((size_t)1 << 20)

/*
 * The share of a large edge list the main thread reads itself, the other
 * thread reading the rest: a little less than half, since the main thread
 * then adds the names the actor table lacks.
 */
#define SPLIT_SHARE 0.45

/*
 * Check the record c has just read and keep it as tie i: its weight, year
 * and text columns in the per-tie arrays, its ends' names in *src and *dst
 * (NUL-terminated in the buffer).  Touches nothing shared but tie i, so
 * that two threads may read two parts of a file.
 */
static int edge_record(const char **src, const char **dst, const cm_csv *c, const header *h,
                       int decimal_comma, double *weight, double *year, igraph_integer_t i,
                       igraph_integer_t *dated)
{
	const int at_w = h->at[CM_ROLE_WEIGHT], at_y = h->at[CM_ROLE_YEAR];
	const char *ws, *ys;
	double w = 1, y = NAN;
	int rc;

	if (c->nfields != h->ncols && (rc = check_width(c, h)) < 0)
		return rc;
	*src = c->fields[h->at[CM_ROLE_SOURCE]];
	*dst = c->fields[h->at[CM_ROLE_TARGET]];
	if (!(*src)[0] || !(*dst)[0])
		return cm_error_set_at(CM_EINPUT, c->name, c->record_line, _("empty %s"),
		                       !(*src)[0] ? "source" : "target");
	if (at_w >= 0 && (ws = c->fields[at_w])[0]) {
		if (parse_plain_decimal(&w, ws, decimal_comma) < 0 &&
		    cm_parse_number(&w, ws, decimal_comma) < 0)
			return cm_error_set_at(CM_EINPUT, c->name, c->record_line,
			                       _("weight '%s' is not a number%s"), ws,
			                       strchr(ws, ',') ? " (write decimals with a point, or "
			                       "separate the fields with ';')" : "");
		if (!(w > 0))
			return cm_error_set_at(CM_EINPUT, c->name, c->record_line,
			                       _("weight '%s' is not a positive number"), ws);
	}
	if (at_y >= 0 && (h->date ? cm_date_year(&y, (ys = c->fields[at_y]))
	                          : cm_year_parse(&y, (ys = c->fields[at_y]), CM_YEAR_EMPTY)) < 0)
		return cm_error_set_at(CM_EINPUT, c->name, c->record_line, h->date ?
		                       "date '%s' is not a date (2021-03-15, 15/03/2021) or a year" :
		                       "year '%s' is not a whole number", ys);
	/* the fields stay in the buffer, NUL-terminated, after the next record is read */
	for (size_t j = 0; j < h->ncols; j++)
		if (h->col[j] >= 0)
			h->str[h->col[j]].v[i] = c->fields[j];
	weight[i] = w;
	year[i] = y;
	*dated += y == y; /* not NaN */
	return 0;
}

/* Line feeds (*lf) and carriage returns (*cr, *lone_cr: those not before a line feed) from p to end. */
static void count_breaks(const char *p, const char *end, size_t *lf, size_t *cr, size_t *lone_cr)
{
	const char *q;

	*lf = count_lines(p, end) - 1;
	*cr = *lone_cr = 0;
	for (q = p; q < end && (q = memchr(q, '\r', (size_t)(end - q))); q++) {
		++*cr;
		*lone_cr += q + 1 >= end || q[1] != '\n';
	}
}

/*
 * Where the first record at or after byte mid starts, reading c's buffer
 * from a record start `from` as cm_csv_next() does (quoted fields may hold
 * line breaks); 0 when there is none, or a quoting error comes first
 * (the file is then read on one thread, which reports it).
 */
static size_t record_start_after(const cm_csv *c, size_t from, size_t mid)
{
	const char *buf = c->buf;
	const size_t len = c->len;
	size_t p = from;

	while (p < len) {
		while (p < len && (buf[p] == ' ' || (buf[p] == '\t' && c->delim != '\t')))
			p++;
		if (p < len && buf[p] == '"') {
			for (p++;;) {
				const char *q = memchr(buf + p, '"', len - p);

				if (!q)
					return 0;
				p = (size_t)(q - buf) + 1;
				if (p < len && buf[p] == '"') {
					p++;
					continue;
				}
				break;
			}
			while (p < len && (buf[p] == ' ' || (buf[p] == '\t' && c->delim != '\t')))
				p++;
			if (p < len && buf[p] != c->delim && buf[p] != '\n' && buf[p] != '\r')
				return 0;
		} else {
			/* buf[len] is NUL, which stops the scan too */
			while (!c->stop[(unsigned char)buf[p]])
				p++;
		}
		if (p >= len || !buf[p])
			return 0;
		if (buf[p] == c->delim) {
			p++;
			continue;
		}
		if (buf[p] == '\r' && p + 1 < len && buf[p + 1] == '\n')
			p++;
		if (++p >= mid)
			return p < len ? p : 0;
	}
	return 0;
}

/*
 * Where to split the records of c after its header: the first record
 * start after `share` of the text.  Without a quote before that point
 * every line break there ends a record, so the search starts at the last
 * one; a file with quotes is followed from its first record.
 */
static size_t split_point(const cm_csv *c, double share)
{
	const char *buf = c->buf;
	size_t mid = c->pos + (size_t)((double)(c->len - c->pos) * share), from = c->pos;

	if (!memchr(buf + c->pos, '"', mid - c->pos)) {
		const char *lf = memrchr(buf + c->pos, '\n', mid - c->pos);
		const char *cr = memrchr(buf + c->pos, '\r', mid - c->pos);

		if (cr > lf)
			lf = cr;
		if (lf)
			from = (size_t)(lf - buf) + 1;
	}
	return record_start_after(c, from, mid);
}

/*
 * A tie end whose name is not looked up yet holds its text pointer, bits
 * inverted: negative (user-space pointers are positive), where an actor
 * index is not.
 */
#define NAME_PENDING(s) (~(igraph_integer_t)(intptr_t)(s))
#define NAME_TEXT(e) ((const char *)(intptr_t)~(e))

/* Ties the reading thread reads between two looks at the stop flag and at Ctrl-C. */
#define HALF_BATCH 4096

/*
 * The second part of an edge list, read on its own thread into ties
 * base, base + 1, ... of the per-tie arrays, whose room is reserved
 * before it starts (nothing is reallocated while it runs).  Both threads
 * look the names up in the table as the actor table left it, which
 * neither changes meanwhile; a name it lacks stays pending (NAME_PENDING)
 * and is added once both parts are read, in file order, so that actors
 * are numbered as on one thread.  The thread calls no igraph function and
 * gives no notice; its first error is kept here (the error state is per
 * thread), for the main thread to report if its own part had none.
 */
typedef struct edge_half {
	cm_csv c;                   /* its own record state over the shared buffer */
	const header *h;
	const cm_names *names;      /* the actor table's names, only read */
	int decimal_comma;
	igraph_integer_t *ends;
	double *weight, *year;
	igraph_integer_t base, cap; /* first tie, and the end of the room reserved */
	igraph_integer_t m, dated;  /* ties read */
	atomic_int stop;            /* set by the main thread when it failed */
	int rc;                     /* the first error, and its message */
	char message[1024];
} edge_half;

/* Look up n prepared names in a table no thread changes: an index, or the name left pending. */
static void find_names(igraph_integer_t *ends, const cm_names *names, const cm_name_ref *refs,
                       igraph_integer_t n)
{
	for (igraph_integer_t j = 0; j < n; j++) {
		igraph_integer_t v = cm_names_get_ref(names, &refs[j]);

		ends[j] = v >= 0 ? v : NAME_PENDING(refs[j].s);
	}
}

/* The thread: read the records of the second part (see edge_half). */
static void *edge_half_run(void *arg)
{
	edge_half *t = arg;
	cm_name_ref refs[2 * EDGE_BATCH];
	int rc = 1;

	while (rc == 1) {
		igraph_integer_t first = t->base + t->m, k = 0;

		while (k < EDGE_BATCH && (rc = cm_csv_next(&t->c)) == 1) {
			igraph_integer_t i = first + k;
			const char *src, *dst;
			int r;

			if (i >= t->cap) {
				/* cannot happen: the room counts every line break */
				rc = cm_error_set(CM_ERROR, _("%s: more records than line breaks"), t->c.name);
				break;
			}
			if ((r = edge_record(&src, &dst, &t->c, t->h, t->decimal_comma, t->weight, t->year, i,
			                     &t->dated)) < 0) {
				rc = r;
				break;
			}
			cm_name_ref_init(&refs[2 * k], src);
			cm_name_ref_init(&refs[2 * k + 1], dst);
			cm_names_prefetch(t->names, &refs[2 * k]);
			cm_names_prefetch(t->names, &refs[2 * k + 1]);
			k++;
		}
		if (rc < 0)
			break;
		find_names(t->ends + 2 * first, t->names, refs, 2 * k);
		t->m += k;
		if ((t->m & ~(igraph_integer_t)(HALF_BATCH - 1)) != ((t->m - k) & ~(igraph_integer_t)(HALF_BATCH - 1))) {
			if (atomic_load(&t->stop))
				break;
			if (cm_interrupted()) {
				rc = cm_error_set(CM_EINTERRUPTED, _("interrupted"));
				break;
			}
		}
	}
	if (rc < 0) {
		t->rc = cm_error_code() ? cm_error_code() : rc;
		snprintf(t->message, sizeof(t->message), "%s", cm_error_message());
		cm_error_clear();
	}
	free(t->c.fields);
	t->c.fields = NULL;
	return NULL;
}

/*
 * Start reading the records of c from byte split on a second thread, into
 * ties base..cap-1.  Returns 1 when it runs, 0 when no thread could be
 * started (the caller reads everything itself).
 */
static int edge_half_start(pthread_t *th, edge_half *t, const cm_csv *c, const header *h,
                           csv_net *net, size_t split, long line, igraph_integer_t base,
                           igraph_integer_t cap)
{
	memset(t, 0, sizeof(*t));
	t->c = *c;
	t->c.fields = NULL;
	t->c.nfields = t->c.cap = 0;
	t->c.pos = split;
	t->c.line = line;
	t->h = h;
	t->names = &net->names;
	t->decimal_comma = c->delim != ',';
	t->ends = VECTOR(net->edges);
	t->weight = VECTOR(net->weight);
	t->year = VECTOR(net->year);
	t->base = base;
	t->cap = cap;
	atomic_init(&t->stop, 0);
	return pthread_create(th, NULL, edge_half_run, t) == 0;
}

/*
 * Add the pending names of ties from..to-1 (NAME_PENDING), in file order,
 * hashing a batch and fetching its slots ahead as read_edges does.
 */
static int add_pending(csv_net *net, igraph_integer_t from, igraph_integer_t to)
{
	igraph_integer_t *ends = VECTOR(net->edges), at[2 * EDGE_BATCH];
	cm_name_ref refs[2 * EDGE_BATCH];
	igraph_integer_t e = 2 * from;
	int added;

	while (e < 2 * to) {
		int k = 0;

		for (; e < 2 * to && k < 2 * EDGE_BATCH; e++) {
			if (ends[e] >= 0)
				continue;
			at[k] = e;
			cm_name_ref_init(&refs[k], NAME_TEXT(ends[e]));
			cm_names_prefetch(&net->names, &refs[k]);
			k++;
		}
		for (int j = 0; j < k; j++) {
			int r = cm_names_add_ref(&net->names, &refs[j], &ends[at[j]], &added);

			if (r < 0)
				return r;
		}
		if ((e & ~(igraph_integer_t)0x1FFFF) != ((e - 1) & ~(igraph_integer_t)0x1FFFF) && cm_interrupted())
			return cm_error_set(CM_EINTERRUPTED, _("interrupted"));
	}
	return 0;
}

/* Move ties from..from+k-1 of every per-tie array down to to.. */
static void move_ties(csv_net *net, igraph_integer_t to, igraph_integer_t from, igraph_integer_t k)
{
	memmove(VECTOR(net->edges) + 2 * to, VECTOR(net->edges) + 2 * from,
	        (size_t)k * 2 * sizeof(igraph_integer_t));
	memmove(VECTOR(net->weight) + to, VECTOR(net->weight) + from, (size_t)k * sizeof(double));
	memmove(VECTOR(net->year) + to, VECTOR(net->year) + from, (size_t)k * sizeof(double));
	for (size_t s = 0; s < net->eh.nstr; s++)
		memmove(net->eh.str[s].v + to, net->eh.str[s].v + from, (size_t)k * sizeof(char *));
}

/*
 * Read the edge list: one tie per row.  The per-tie arrays are sized from
 * the line count and written directly; their igraph sizes are set at the
 * end.  Records are read in batches whose actor names are hashed and their
 * table slots fetched ahead, then looked up in file order: a lookup in a
 * table of a million actors waits for memory, and this way the waits
 * overlap instead of adding up.  A large file's later part is read on a
 * second thread meanwhile (edge_half); names are numbered in file order
 * as on one thread, and an error in the first part is reported before one
 * in the second.
 */
static int read_edges(csv_net *net, cm_csv *c, int threads)
{
	header *h = &net->eh;
	const int decimal_comma = c->delim != ',';
	cm_name_ref refs[2 * EDGE_BATCH];
	igraph_integer_t *ends, limit = -1;
	double *weight, *year;
	int rc, added, running = 0;
	size_t lines, split = 0, full = c->len;
	edge_half half;
	pthread_t th;

	if ((rc = read_header(h, c, 0, &net->maps)) < 0 ||
	    (rc = cm_colmaps_check(&net->maps, c->name, net->nodes_name)) < 0)
		return rc;
	lines = count_lines(c->buf + c->pos, c->buf + c->len);
	/* without an actor table, guess an actor per 16 ties (the table grows if needed) */
	if (!net->nlisted && (rc = cm_names_reserve(&net->names, lines / 16)) < 0)
		return rc;
	/*
	 * two threads when an actor table has named the actors: both then only
	 * look names up (without one, most names are added, on one thread, and
	 * the second thread was measured to gain nothing: docs/scale.md)
	 */
	if (threads != 1 && net->nlisted && c->len - c->pos >= SPLIT_MIN)
		split = split_point(c, SPLIT_SHARE);
	if (split) {
		/*
		 * a record per line break (LF, CRLF or lone CR) in the first part,
		 * which ends with one, and one more in the second: exact room, so
		 * that neither part grows the arrays and the second part starts
		 * right after the first in a file without blank lines
		 */
		size_t lf1, cr1, lone1, lf2, cr2, lone2;
		igraph_integer_t cap1, cap2;

		count_breaks(c->buf + c->pos, c->buf + split, &lf1, &cr1, &lone1);
		count_breaks(c->buf + split, c->buf + c->len, &lf2, &cr2, &lone2);
		cap1 = (igraph_integer_t)(lf1 + lone1);
		cap2 = (igraph_integer_t)(lf2 + lone2 + 1);
		if ((rc = edges_reserve(net, (size_t)(cap1 + cap2) + EDGE_BATCH)) < 0)
			return rc;
		limit = cap1;
		running = edge_half_start(&th, &half, c, h, net, split, c->line + (long)(lf1 + lone1),
		                          cap1, cap1 + cap2);
		if (running)
			c->len = split; /* this thread stops where the other starts */
	} else if ((rc = edges_reserve(net, lines + EDGE_BATCH)) < 0) {
		return rc;
	}
	do {
		igraph_integer_t m = net->m, k = 0;

		/* more records than line feeds (lone CR line breaks): grow */
		if (!running && (size_t)m + EDGE_BATCH > net->ecap && (rc = edges_reserve(net, net->ecap * 2)) < 0)
			goto done;
		weight = VECTOR(net->weight);
		year = VECTOR(net->year);
		while (k < EDGE_BATCH && (rc = cm_csv_next(c)) == 1) {
			const char *src, *dst;
			int r;

			if (running && m + k >= limit) {
				/* cannot happen: the room counts every line break */
				rc = cm_error_set(CM_ERROR, _("%s: more records than line breaks"), c->name);
				goto done;
			}
			if ((r = edge_record(&src, &dst, c, h, decimal_comma, weight, year, m + k,
			                     &net->dated)) < 0) {
				rc = r;
				goto done;
			}
			cm_name_ref_init(&refs[2 * k], src);
			cm_name_ref_init(&refs[2 * k + 1], dst);
			cm_names_prefetch(&net->names, &refs[2 * k]);
			cm_names_prefetch(&net->names, &refs[2 * k + 1]);
			k++;
		}
		if (rc < 0)
			goto done;
		ends = VECTOR(net->edges);
		if (running)
			find_names(ends + 2 * m, &net->names, refs, 2 * k);
		for (igraph_integer_t j = 0; !running && j < 2 * k; j++) {
			int r = cm_names_add_ref(&net->names, &refs[j], &ends[2 * m + j], &added);

			if (r < 0) {
				rc = r;
				goto done;
			}
		}
		net->m = m + k;
		if ((net->m & ~(igraph_integer_t)0xFFFF) != (m & ~(igraph_integer_t)0xFFFF) && cm_interrupted()) {
			rc = cm_error_set(CM_EINTERRUPTED, _("interrupted"));
			goto done;
		}
	} while (rc == 1);
	if (running) {
		pthread_join(th, NULL);
		running = 0;
		c->len = full;
		c->pos = full;
		if (half.rc < 0)
			/* the first part had no error: the second part's first is the file's */
			return cm_error_set(half.rc, "%s", half.message);
		if (half.base != net->m)
			move_ties(net, net->m, half.base, half.m);
		net->dated += half.dated;
		net->m += half.m;
		/* the names the actor table lacks, numbered in the order they come */
		if ((rc = add_pending(net, 0, net->m)) < 0)
			return rc;
	}
	/* within the capacity reserved above: cannot fail */
	igraph_vector_int_resize(&net->edges, 2 * net->m);
	igraph_vector_resize(&net->weight, net->m);
	igraph_vector_resize(&net->year, net->m);
	return rc;
done:
	if (running) {
		/* an error in the first part comes first in the file: the other part's is not needed */
		atomic_store(&half.stop, 1);
		pthread_join(th, NULL);
		c->len = full;
	}
	return rc;
}

/*
 * Put the ties in the order igraph indexes fastest: grouped by their
 * smaller end (first end when directed), in file order within a group.
 * igraph_add_edges() sorts the ties by their ends with a linked-list radix
 * sort whose every step is a cache miss when the ties come in file order:
 * grouped, it took 2.7 s instead of 7-9 s at 10 million ties.  Without year
 * filters, self-loops are dropped and repeated ties merged on the way (the
 * rules of cm_network_finish(), which then has nothing to do): deleting
 * ties from a built graph copies every attribute.
 */
static int group_ties(csv_net *net, int directed, int merge)
{
	igraph_integer_t m = net->m, loops = 0, merged = 0, k = 0, count = 0;
	igraph_integer_t *ends = VECTOR(net->edges), *order = NULL, *te;
	double *w = VECTOR(net->weight), *y = VECTOR(net->year), *td;
	char *flags = calloc((size_t)m + 1, 1);
	void *tmp = NULL;
	const char **ts;
	cm_strbuf pairs = { 0 };
	int rc = 0;

	if (!flags)
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	cm_advise_huge(flags, (size_t)m + 1);
	for (igraph_integer_t e = 0; merge && e < m; e++) {
		if (ends[2 * e] == ends[2 * e + 1]) {
			flags[e] = 1;
			loops++;
		}
	}
	if ((rc = cm_ties_merge_grouped(&net->edges, directed, flags, merge ? w : NULL, y, &merged,
	                                &order, &count)) < 0)
		goto done;
	/* name the repeats merged away (flagged, and not self-loops), the first few */
	for (igraph_integer_t e = 0, j = 0; e < m && j < CM_NOTICE_NAMES && merged; e++)
		if (flags[e] && ends[2 * e] != ends[2 * e + 1] &&
		    (rc = cm_ties_name(&pairs, (size_t)j++, cm_names_text(&net->names, ends[2 * e]),
		                       cm_names_text(&net->names, ends[2 * e + 1]))) < 0)
			goto done;
	if ((rc = cm_strbuf_names_end(&pairs, (size_t)merged)) < 0)
		goto done;
	for (igraph_integer_t i = 0; i < count; i++)
		if (!flags[order[i]])
			order[k++] = order[i];
	/* gather each per-tie array in the new order through one buffer */
	if (!(tmp = malloc(((size_t)k + 1) * 2 * sizeof(*te)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	cm_advise_huge(tmp, ((size_t)k + 1) * 2 * sizeof(*te));
	te = tmp;
	for (igraph_integer_t i = 0; i < k; i++) {
		te[2 * i] = ends[2 * order[i]];
		te[2 * i + 1] = ends[2 * order[i] + 1];
	}
	memcpy(ends, te, (size_t)k * 2 * sizeof(*te));
	td = tmp;
	for (igraph_integer_t i = 0; i < k; i++)
		td[i] = w[order[i]];
	memcpy(w, td, (size_t)k * sizeof(*td));
	for (igraph_integer_t i = 0; i < k; i++)
		td[i] = y[order[i]];
	memcpy(y, td, (size_t)k * sizeof(*td));
	ts = tmp;
	for (size_t s = 0; s < net->eh.nstr; s++) {
		const char **v = net->eh.str[s].v;

		for (igraph_integer_t i = 0; i < k; i++)
			ts[i] = v[order[i]];
		memcpy(v, ts, (size_t)k * sizeof(*ts));
	}
	net->m = k;
	igraph_vector_int_resize(&net->edges, 2 * k); /* shrinking cannot fail */
	igraph_vector_resize(&net->weight, k);
	igraph_vector_resize(&net->year, k);
	cm_ties_notices(loops, 0, 0, NULL, merged, pairs.s, 0);
done:
	cm_strbuf_free(&pairs);
	free(flags);
	free(order);
	free(tmp);
	return rc;
}

/* Set string attribute attr of elements 0..count-1 from v (empty values stay as created). */
static int set_each(igraph_t *g, int edges, const char *attr, const char *const *v,
                    const cm_names *names, igraph_integer_t count)
{
	int rc = 0;

	for (igraph_integer_t i = 0; i < count; i++) {
		const char *s = names ? cm_names_text(names, i) : v[i];

		if (!s[0])
			continue;
		if (edges)
			CM_IG(igraph_cattribute_EAS_set(g, attr, i, s), "building the graph");
		else
			CM_IG(igraph_cattribute_VAS_set(g, attr, i, s), "building the graph");
	}
done:
	return rc;
}

/*
 * Build the raw graph from what the CSV files held.  String attributes are
 * created while the graph is empty and filled in place once the actors and
 * ties exist: igraph's handler gives each new element its own empty string,
 * which a short value then reuses, where setting a whole string vector
 * would copy every string once more.  The ties go in with one
 * igraph_add_edges() call (one index sort); the tie list is released
 * before the numbers are copied in.
 */
static int build_graph(igraph_t *g, csv_net *net, cm_csv *nodes, int directed)
{
	igraph_integer_t n = net->names.n;
	igraph_vector_t listed = { 0 };
	igraph_strvector_t none;
	igraph_error_t err;
	int rc = 0, have_graph = 0;

	/* taken first: a zeroed strvector cannot be destroyed, unlike the vectors */
	if ((err = igraph_strvector_init(&none, 0)) != IGRAPH_SUCCESS)
		return cm_error_from_igraph(err, "building the graph");
	CM_IG(igraph_vector_init(&listed, 0), "building the graph");
	CM_IG(igraph_empty(g, 0, directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED), "building the graph");
	have_graph = 1;
	CM_IG(igraph_cattribute_VAS_setv(g, CM_ATTR_ID, &none), "building the graph");
	for (size_t i = 0; i < net->nh.nstr; i++)
		CM_IG(igraph_cattribute_VAS_setv(g, net->nh.str[i].attr, &none), "building the graph");
	for (size_t i = 0; i < net->eh.nstr; i++)
		CM_IG(igraph_cattribute_EAS_setv(g, net->eh.str[i].attr, &none), "building the graph");
	CM_IG(igraph_add_vertices(g, n, NULL), "building the graph");
	if ((rc = set_each(g, 0, CM_ATTR_ID, NULL, &net->names, n)) < 0)
		goto done;
	for (size_t i = 0; i < net->nh.nstr; i++)
		if ((rc = set_each(g, 0, net->nh.str[i].attr, net->nh.str[i].v, NULL, net->nlisted)) < 0)
			goto done;
	CM_IG(igraph_vector_resize(&listed, n), "building the graph");
	igraph_vector_null(&listed);
	for (igraph_integer_t v = 0; v < net->nlisted; v++)
		VECTOR(listed)[v] = 1;
	CM_IG(igraph_cattribute_VAN_setv(g, CM_ATTR_LISTED, &listed), "building the graph");
	igraph_vector_destroy(&listed);
	CM_IG(igraph_vector_init(&listed, 0), "building the graph");
	/* what served only to read the actors goes before the ties come in (the peak) */
	cm_names_drop_slots(&net->names);
	free(net->node_lines);
	net->node_lines = NULL;
	header_free(&net->nh);
	cm_csv_close(nodes);
	CM_IG(igraph_add_edges(g, &net->edges, NULL), "building the graph");
	igraph_vector_int_clear(&net->edges);
	igraph_vector_int_resize_min(&net->edges);
	for (size_t i = 0; i < net->eh.nstr; i++)
		if ((rc = set_each(g, 1, net->eh.str[i].attr, net->eh.str[i].v, NULL, net->m)) < 0)
			goto done;
	CM_IG(igraph_cattribute_EAN_setv(g, CM_ATTR_WEIGHT, &net->weight), "building the graph");
	igraph_vector_clear(&net->weight);
	igraph_vector_resize_min(&net->weight);
	CM_IG(igraph_cattribute_EAN_setv(g, CM_ATTR_YEAR, &net->year), "building the graph");
done:
	if (rc < 0 && have_graph)
		igraph_destroy(g);
	igraph_strvector_destroy(&none);
	igraph_vector_destroy(&listed);
	return rc;
}

/* Free what the CSV tables held (a zeroed csv_net, and twice, are fine). */
static void csv_net_free(csv_net *net)
{
	cm_names_free(&net->names);
	free(net->node_lines);
	net->node_lines = NULL;
	header_free(&net->nh);
	header_free(&net->eh);
	cm_colmaps_free(&net->maps);
	igraph_vector_int_destroy(&net->edges);
	igraph_vector_destroy(&net->weight);
	igraph_vector_destroy(&net->year);
}

/* Say which actors of the edge list the actor table lacks (they are added). */
static int added_notice(const csv_net *net, const char *name)
{
	igraph_integer_t added = net->names.n - net->nlisted;
	cm_strbuf b = { 0 };
	int rc = 0;

	for (igraph_integer_t v = net->nlisted; v < net->names.n && v < net->nlisted + CM_NOTICE_NAMES; v++)
		if ((rc = cm_strbuf_name(&b, (size_t)(v - net->nlisted), cm_names_text(&net->names, v))) < 0)
			goto done;
	if ((rc = cm_strbuf_names_end(&b, (size_t)added)) < 0)
		goto done;
	cm_filter_note_problem();
	cm_notice(dngettext(CM_TEXTDOMAIN, "%" PRId64 " actor named in %s is not in %s: added %s",
	                     "%" PRId64 " actors named in %s are not in %s: added %s", (unsigned long)added),
	          added, name, net->nodes_name, b.s);
done:
	cm_strbuf_free(&b);
	return rc;
}

/* Load a CSV edge list (buffer taken over) and an optional actor table. */
int cm_load_csv_table(cm_network **out, char *buf, size_t len, const char *name,
                      char default_delim, const char *nodes_path, const cm_load_options *opts)
{
	cm_csv edges = { 0 }, nodes = { 0 };
	csv_net net = { 0 };
	igraph_t g;
	unsigned ready = CM_READY_NAMES | CM_READY_NUMBERS;
	int rc = 0;

	*out = NULL;
	CM_IG(igraph_vector_int_init(&net.edges, 0), "reading the ties");
	CM_IG(igraph_vector_init(&net.weight, 0), "reading the ties");
	CM_IG(igraph_vector_init(&net.year, 0), "reading the ties");
	net.nodes_name = nodes_path;
	if ((rc = cm_colmaps_parse(&net.maps, opts->columns)) < 0)
		goto done;
	if (nodes_path) {
		const char *dot = strrchr(nodes_path, '.');

		if ((rc = cm_csv_open(&nodes, nodes_path, nodes_path,
		                      dot && !strcasecmp(dot, ".tsv") ? '\t' : ',')) < 0)
			goto done;
		if ((rc = read_nodes(&net, &nodes)) < 0)
			goto done;
	}
	rc = cm_csv_open_buffer(&edges, buf, len, name, default_delim);
	buf = NULL;
	if (rc < 0 || (rc = read_edges(&net, &edges, opts->threads)) < 0)
		goto done;
	if (net.dated && net.dated < net.m)
		cm_filter_note_problem();
	/* the edge list's text is needed no more unless a text column points into it */
	if (net.eh.nstr == 0)
		cm_csv_close(&edges);
	if (net.names.n > net.nlisted && nodes_path && (rc = added_notice(&net, name)) < 0)
		goto done;
	if (!opts->filter.has_from && !opts->filter.has_to) {
		if ((rc = group_ties(&net, opts->directed, 1)) < 0)
			goto done;
		ready |= CM_READY_MERGED;
	} else if ((rc = group_ties(&net, opts->directed, 0)) < 0) {
		goto done;
	}
	if ((rc = build_graph(&g, &net, &nodes, opts->directed)) < 0)
		goto done;
	/* the graph holds copies of everything: release the text before the pipeline */
	csv_net_free(&net);
	cm_csv_close(&edges);
	cm_csv_close(&nodes);
	rc = cm_network_finish_ready(out, &g, name, &opts->filter, opts->directed, ready);
done:
	free(buf);
	cm_csv_close(&edges);
	cm_csv_close(&nodes);
	csv_net_free(&net);
	return rc;
}
