/*
 * The edge list of a CSV table network (see csv_table_internal.h): one tie
 * per record, with the actors looked up in file order; a large edge list
 * read with an actor table is parsed on two threads, split at a record
 * boundary, with the same network and the same first error as on one.
 */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/text.h"
#include "base/error.h"
#include "base/file.h"
#include "base/i18n.h"
#include "load/csv.h"
#include "load/csv_table_internal.h"
#include "model/names.h"
#include "model/year.h"

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
	return cm_csv_table_header_reserve(&net->eh, cap);
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

	if (c->nfields != h->ncols && (rc = cm_csv_table_check_width(c, h)) < 0)
		return rc;
	*src = c->fields[h->at[CM_ROLE_SOURCE]];
	*dst = c->fields[h->at[CM_ROLE_TARGET]];
	if (!(*src)[0] || !(*dst)[0])
		return cm_error_set_at(CM_EINPUT, c->name, c->record_line, _("empty %s"),
		                       !(*src)[0] ? "source" : "target");
	if (at_w >= 0 && (ws = c->fields[at_w])[0]) {
		if (cm_csv_table_parse_plain_decimal(&w, ws, decimal_comma) < 0 &&
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

	*lf = cm_csv_table_count_lines(p, end) - 1;
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
int cm_csv_table_read_edges(csv_net *net, cm_csv *c, int threads)
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

	if ((rc = cm_csv_table_read_header(h, c, 0, &net->maps)) < 0 ||
	    (rc = cm_colmaps_check(&net->maps, c->name, net->nodes_name)) < 0)
		return rc;
	lines = cm_csv_table_count_lines(c->buf + c->pos, c->buf + c->len);
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
