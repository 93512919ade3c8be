/*
 * coopmap check: the CSV tables read again row by row, with their lines,
 * or another format read into a raw graph before the tie pipeline (the
 * actor or tie named instead of a line), for the problems the other
 * commands repair, merge or skip while loading (docs/input.md lists them).  Names are compared with model/columns.h:
 * equal once case and accents are folded, or a small edit distance.
 * This file runs the check, checks ties (one-mode data) and actors, and
 * holds what two-mode data (check_twomode.c) checks alike: near
 * duplicates, spellings and regions, of actors or events.
 */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coopmap/check.h"
#include "coopmap/common.h"
#include "coopmap/text.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "load/check_internal.h"
#include "load/csv.h"
#include "load/csv_columns.h"
#include "load/raw_input.h"
#include "load/twomode.h"
#include "model/raw.h"
#include "model/columns.h"
#include "model/names.h"
#include "model/year.h"
#include "base/i18n.h"

/* The heading of each kind of problem, in cm_check_kind's order. */
static const char *const titles[CM_CHECK_KINDS] = {
	N_("actors named in the ties but absent from the actor table"),
	N_("near-duplicate ids"),
	N_("near-duplicate labels"),
	N_("type values that differ only by case, accents or plural"),
	N_("regions not in the adjacency file"),
	N_("ties without a year when other ties have one"),
	N_("ties of an actor with itself (dropped by the other commands)"),
	N_("repeated ties (merged by the other commands: weights added up)"),
	N_("ties with weight 0 or not a positive number (refused by the other commands)"),
	N_("actors with no tie"),
	N_("participations with an empty actor or event (refused by the other commands)"),
	N_("events named in the participations but absent from the event table"),
	N_("repeated participations (counted once by the other commands)"),
	N_("events larger than --max-event-size (refused by the other commands)"),
	N_("events with fewer than two participants (no tie comes from them)"),
	N_("events without a year when other events have one"),
	N_("near-duplicate event ids and labels"),
	N_("event kinds that differ only by case, accents or plural"),
};

/* The heading of a kind of problem; see coopmap/check.h. */
const char *cm_check_kind_title(cm_check_kind kind)
{
	return kind < CM_CHECK_KINDS ? _(titles[kind]) : "";
}

/* Record a problem; see load/check_internal.h. */
int cm_check_add(checker *k, cm_check_kind kind, const char *file, long line, const char *fmt, ...)
{
	cm_check *c = k->out;
	char small[1024];
	va_list ap;

	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 16;
		cm_check_problem *v = realloc(c->v, cap * sizeof(*v));

		if (!v)
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		c->v = v;
		c->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (!(c->v[c->n].text = cm_strdup(small)))
		return CM_ENOMEM;
	c->v[c->n].kind = kind;
	c->v[c->n].file = file;
	c->v[c->n].line = line; /* raw: the actor or tie number, to sort by, then 0 */
	c->n++;
	return 0;
}

/* Read a table's header: the CSV column of each role into at (-1 when none). */
static int header(int *at, int *date, cm_csv *c, int table, cm_colmaps *maps)
{
	int *roles = NULL, rc;

	for (int r = 0; r < CM_ROLE_COUNT; r++)
		at[r] = -1;
	if ((rc = cm_csv_next(c)) <= 0)
		return rc < 0 ? rc : cm_error_set_at(CM_EINPUT, c->name, 0, _("empty file: expected a header line"));
	if (!(roles = calloc(c->nfields + 1, sizeof(*roles))))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	if ((rc = cm_csv_assign_roles(roles, date, c, table, maps)) < 0)
		goto done;
	for (size_t i = 0; i < c->nfields; i++) {
		if (roles[i] <= CM_ROLE_NONE)
			continue;
		if (at[roles[i]] >= 0) {
			rc = cm_error_set_at(CM_EINPUT, c->name, c->record_line, _("columns '%s' and '%s' both give %s"),
			                     c->fields[at[roles[i]]], c->fields[i], cm_role_meaning((cm_role)roles[i]));
			goto done;
		}
		at[roles[i]] = (int)i;
	}
	{
		/* the columns each table needs */
		static const cm_role need[][2] = {
			[CM_TABLE_EDGES] = { CM_ROLE_SOURCE, CM_ROLE_TARGET }, [CM_TABLE_NODES] = { CM_ROLE_ID, CM_ROLE_ID },
			[CM_TABLE_PARTICIPATIONS] = { CM_ROLE_ACTOR, CM_ROLE_EVENT },
			[CM_TABLE_EVENTS] = { CM_ROLE_EVENT, CM_ROLE_EVENT },
		};

		for (int i = 0; i < 2; i++)
			if (at[need[table][i]] < 0) {
				rc = cm_error_set_at(CM_EINPUT, c->name, c->record_line, _("no '%s' column"),
				                     cm_role_name(need[table][i]));
				goto done;
			}
	}
	rc = cm_csv_header_notices(roles, at, *date, c, table);
done:
	free(roles);
	return rc;
}

/* The field of role r in the current record, or "". */
const char *cm_check_field(const cm_csv *c, const int *at, int r)
{
	return at[r] >= 0 && (size_t)at[r] < c->nfields ? c->fields[at[r]] : "";
}

/* Room for one more row; see load/check_internal.h. */
void *cm_check_grow(void *rows, size_t *cap, size_t n, size_t size)
{
	size_t more = *cap ? 2 * *cap : 64;
	void *p;

	if (n < *cap)
		return rows;
	if (!(p = realloc(rows, more * size)))
		return NULL;
	*cap = more;
	return p;
}

/* 1 when a year field gives a year; see load/check_internal.h. */
int cm_check_has_year(const char *s)
{
	double y;

	return s[0] && cm_date_year(&y, s) == 0 && !isnan(y);
}

/* Read a CSV table; see load/check_internal.h. */
int cm_check_read_table(checker *k, cm_csv *c, int table, cm_colmaps *maps, check_row_reader *row)
{
	int at[CM_ROLE_COUNT], date = 0, rc;

	if ((rc = header(at, &date, c, table, maps)) < 0)
		return rc;
	while ((rc = cm_csv_next(c)) == 1)
		if ((rc = row(k, c, at)) < 0)
			return rc;
	return rc;
}

/* A record of the actor table as the next actor row. */
static int actor_record(checker *k, const cm_csv *c, const int *at)
{
	actor_row *a = cm_check_grow(k->actors, &k->na_cap, k->na, sizeof(*a));
	igraph_integer_t v;
	int rc, added;

	if (!a)
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	k->actors = a;
	a = &k->actors[k->na];
	a->id = cm_check_field(c, at, CM_ROLE_ID);
	if (!a->id[0])
		return cm_error_set_at(CM_EINPUT, c->name, c->record_line, _("empty id"));
	if ((rc = cm_names_add(&k->ids, a->id, &v, &added)) < 0)
		return rc;
	if (!added)
		return cm_error_set_at(CM_EINPUT, c->name, c->record_line,
		                       _("actor '%s' is listed twice (first on line %ld)"), a->id, k->actors[v].line);
	a->label = cm_check_field(c, at, CM_ROLE_LABEL);
	a->type = cm_check_field(c, at, CM_ROLE_TYPE);
	a->region = cm_check_field(c, at, CM_ROLE_REGION);
	a->line = c->record_line;
	a->tied = 0;
	k->na++;
	return 0;
}

/* A record of the edge list as the next tie row. */
static int tie_record(checker *k, const cm_csv *c, const int *at)
{
	tie_row *t = cm_check_grow(k->ties, &k->nt_cap, k->nt, sizeof(*t));

	if (!t)
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	k->ties = t;
	t = &k->ties[k->nt];
	t->src = cm_check_field(c, at, CM_ROLE_SOURCE);
	t->dst = cm_check_field(c, at, CM_ROLE_TARGET);
	if (!t->src[0] || !t->dst[0])
		return cm_error_set_at(CM_EINPUT, c->name, c->record_line, _("empty %s"), !t->src[0] ? "source" : "target");
	t->weight = cm_check_field(c, at, CM_ROLE_WEIGHT);
	t->year = cm_check_field(c, at, CM_ROLE_YEAR);
	t->line = c->record_line;
	k->nt++;
	return 0;
}

/* Text of a raw graph's attribute into k->text[i]; see load/check_internal.h. */
int cm_check_raw_text(checker *k, int i, const igraph_t *g, int edges, const char *name)
{
	if (cm_attr_type(g, edges ? IGRAPH_ATTRIBUTE_EDGE : IGRAPH_ATTRIBUTE_VERTEX, name) >= 0)
		return cm_attr_as_strings(g, edges, name, &k->text[i]);
	if (igraph_strvector_resize(&k->text[i], edges ? igraph_ecount(g) : igraph_vcount(g)))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	return 0;
}

/* Start reading a raw graph; see load/check_internal.h. */
int cm_check_raw_start(checker *k, const igraph_t *g)
{
	int rc;

	k->raw = 1;
	if ((rc = cm_check_raw_text(k, 0, g, 0, CM_ATTR_ID)) < 0 || (rc = cm_check_raw_text(k, 1, g, 0, CM_ATTR_LABEL)) < 0 ||
	    (rc = cm_check_raw_text(k, 2, g, 0, CM_ATTR_TYPE)) < 0 ||
	    (rc = cm_check_raw_text(k, 3, g, 0, CM_ATTR_REGION)) < 0 || (rc = cm_check_raw_text(k, 5, g, 1, CM_ATTR_YEAR)) < 0)
		return rc;
	if (!(k->actors = calloc((size_t)igraph_vcount(g) + 1, sizeof(*k->actors))))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	return 0;
}

/* Vertex v as the next actor row; see load/check_internal.h. */
int cm_check_raw_actor(checker *k, igraph_integer_t v)
{
	actor_row *a = &k->actors[k->na++];
	igraph_integer_t idx;
	int added;

	a->id = igraph_strvector_get(&k->text[0], v);
	a->label = igraph_strvector_get(&k->text[1], v);
	a->type = igraph_strvector_get(&k->text[2], v);
	a->region = igraph_strvector_get(&k->text[3], v);
	a->line = (long)v + 1;
	return cm_names_add(&k->ids, a->id, &idx, &added);
}

/* Rows of a raw graph: every vertex is an actor of the table, its number for a line. */
static int read_raw(checker *k, const igraph_t *g)
{
	igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g);
	int rc;

	if ((rc = cm_check_raw_start(k, g)) < 0 || (rc = cm_check_raw_text(k, 4, g, 1, CM_ATTR_WEIGHT)) < 0)
		return rc;
	if (!(k->ties = calloc((size_t)m + 1, sizeof(*k->ties))))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	for (igraph_integer_t v = 0; v < n; v++)
		if ((rc = cm_check_raw_actor(k, v)) < 0)
			return rc;
	for (igraph_integer_t e = 0; e < m; e++) {
		tie_row *t = &k->ties[e];
		igraph_integer_t from = IGRAPH_FROM(g, e), to = IGRAPH_TO(g, e);

		/* igraph keeps an undirected tie's ends in its own order: show the earlier actor first */
		if (!igraph_is_directed(g) && from > to) {
			igraph_integer_t x = from;

			from = to;
			to = x;
		}
		t->src = k->actors[from].id;
		t->dst = k->actors[to].id;
		t->weight = igraph_strvector_get(&k->text[4], e);
		t->year = igraph_strvector_get(&k->text[5], e);
		t->line = (long)e + 1;
	}
	k->nt = (size_t)m;
	return 0;
}

/* How many rows of a kind there are. */
static size_t rows_count(const checker *k, check_rows rows)
{
	return rows == CHECK_EVENTS ? k->ne : k->na;
}

/* The text of column col of row i. */
static const char *row_text(const checker *k, check_rows rows, size_t i, check_column col)
{
	if (rows == CHECK_EVENTS) {
		const event_row *e = &k->events[i];

		return col == CHECK_ID ? e->id : col == CHECK_LABEL ? e->label : col == CHECK_TYPE ? e->kind : e->region;
	} else {
		const actor_row *a = &k->actors[i];

		return col == CHECK_ID ? a->id : col == CHECK_LABEL ? a->label : col == CHECK_TYPE ? a->type : a->region;
	}
}

/* Where row i is; see load/check_internal.h. */
void cm_check_place(const checker *k, check_rows rows, size_t i, const char **file, long *line)
{
	if (rows == CHECK_EVENTS) {
		const event_row *e = &k->events[i];

		*file = e->line && k->out->events_name ? k->out->events_name : k->out->edges_name;
		*line = e->line ? e->line : e->first_part;
	} else {
		*file = k->out->nodes_name;
		*line = k->actors[i].line;
	}
}

/* The closest id; see load/check_internal.h. */
const char *cm_check_closest(const checker *k, check_rows rows, const char *name)
{
	size_t count = rows_count(k, rows), n = 0;
	const char **ids = malloc((count + 1) * sizeof(*ids));
	const char *best = NULL;
	long i;

	if (!ids)
		return NULL;
	for (size_t r = 0; r < count; r++)
		if (rows == CHECK_ACTORS || k->events[r].line)
			ids[n++] = row_text(k, rows, r, CHECK_ID);
	i = cm_name_closest(name, ids, n);
	if (i >= 0)
		best = ids[i];
	free(ids);
	return best;
}

/* An actor named by a tie or a participation; see load/check_internal.h. */
int cm_check_named(checker *k, cm_names *absent, const char *file, long line, const char *name, int tied)
{
	const char *nf = k->out->nodes_name, *near;
	igraph_integer_t a = nf ? cm_names_get(&k->ids, name) : -1, v;
	int rc, added;

	if (a >= 0) {
		k->actors[a].tied |= tied;
		return 0;
	}
	if (!nf)
		return 0;
	if ((rc = cm_names_add(absent, name, &v, &added)) < 0 || !added)
		return rc;
	near = cm_check_closest(k, CHECK_ACTORS, name);
	return cm_check_add(k, CM_CHECK_ABSENT, file, line, _("'%s' is not in %s (added as an actor of its own)%s%s%s"),
	                    name, nf, near ? _(": did you mean '") : "", near ? near : "", near ? _("'?") : "");
}

/* Room for n pairs; see load/check_internal.h. */
int cm_check_pairs_init(check_pairs *p, size_t n)
{
	memset(p, 0, sizeof(*p));
	cm_names_init(&p->seen);
	if (!(p->line = malloc((n + 1) * sizeof(*p->line))))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	return 0;
}

/* The first line of pair a, b; see load/check_internal.h. */
int cm_check_pair(long *first, check_pairs *p, const char *a, const char *b, long line)
{
	igraph_integer_t v;
	int rc, added;

	p->key.len = 0;
	if ((rc = cm_strbuf_printf(&p->key, "%s%c%s", a, '\x1f', b)) < 0 ||
	    (rc = cm_names_add(&p->seen, p->key.s, &v, &added)) < 0)
		return rc;
	if (added)
		p->line[v] = line;
	*first = added ? 0 : p->line[v];
	return 0;
}

/* Free the pairs; see load/check_internal.h. */
void cm_check_pairs_free(check_pairs *p)
{
	cm_names_free(&p->seen);
	cm_strbuf_free(&p->key);
	free(p->line);
	memset(p, 0, sizeof(*p));
}

/* Ties: actors absent from the table, self-ties, repeats, weights and years. */
static int check_ties(checker *k)
{
	const char *ef = k->out->edges_name;
	cm_names absent = { 0 };
	check_pairs pairs = { 0 };
	size_t dated = 0;
	int rc, undated_said = 0;

	cm_names_init(&absent);
	if ((rc = cm_check_pairs_init(&pairs, k->nt)) < 0)
		goto done;
	for (size_t i = 0; i < k->nt; i++)
		dated += cm_check_has_year(k->ties[i].year);
	for (size_t i = 0; i < k->nt; i++) {
		const tie_row *t = &k->ties[i];
		int swap = !k->directed && strcmp(t->src, t->dst) > 0;
		long first;
		double w;

		if ((rc = cm_check_named(k, &absent, ef, t->line, t->src, strcmp(t->src, t->dst) != 0)) < 0 ||
		    (rc = cm_check_named(k, &absent, ef, t->line, t->dst, strcmp(t->src, t->dst) != 0)) < 0)
			goto done;
		if (!strcmp(t->src, t->dst) &&
		    (rc = cm_check_add(k, CM_CHECK_SELF, ef, t->line, _("tie of '%s' with itself"), t->src)) < 0)
			goto done;
		if (t->weight[0] && (cm_parse_number(&w, t->weight, k->decimal_comma) < 0 || !(w > 0)) &&
		    (rc = cm_check_add(k, CM_CHECK_WEIGHT, ef, t->line, _("tie %s - %s has weight '%s': give a positive "
		                       "weight, or leave it empty for 1"), t->src, t->dst, t->weight)) < 0)
			goto done;
		/* a few undated ties among dated ones are listed; many make one line, at the first */
		if (dated && !t->year[0] && 2 * dated >= k->nt &&
		    (rc = cm_check_add(k, CM_CHECK_UNDATED, ef, t->line, dngettext(CM_TEXTDOMAIN, "tie %s - %s has no year, where %zu tie has one: "
		                       "--year, --from and --to leave it out", "tie %s - %s has no year, where %zu ties "
		                       "have one: --year, --from and --to leave it out", dated), t->src, t->dst, dated)) < 0)
			goto done;
		if (dated && !t->year[0] && 2 * dated < k->nt && !undated_said++ &&
		    (rc = cm_check_add(k, CM_CHECK_UNDATED, ef, t->line, _("%zu ties have no year (the first %s%s%s%s), "
		                       "where %zu have one: --year, --from and --to leave them out"), k->nt - dated,
		                       k->raw ? "" : _("on this line"), k->raw ? t->src : "", k->raw ? " - " : "",
		                       k->raw ? t->dst : "", dated)) < 0)
			goto done;
		/* a repeat: the same two ends (in either order unless directed) */
		if ((rc = cm_check_pair(&first, &pairs, swap ? t->dst : t->src, swap ? t->src : t->dst, t->line)) < 0)
			goto done;
		if (first && (rc = cm_check_add(k, CM_CHECK_REPEATED, ef, t->line, k->raw ? _("tie %s - %s repeats tie %ld")
		                                : _("tie %s - %s repeats line %ld"), t->src, t->dst, first)) < 0)
			goto done;
	}
done:
	cm_names_free(&absent);
	cm_check_pairs_free(&pairs);
	return rc;
}

/* One column of every row: its texts and, when folded, their folded copies (NULL for empty ones). */
typedef struct check_col {
	const char **text;
	char **fold;
	size_t n;
} check_col;

/* Column col of the rows into c (zeroed), folded too when fold.  Returns 0 or CM_ENOMEM (free c all the same). */
static int col_read(check_col *c, const checker *k, check_rows rows, check_column col, int fold)
{
	c->n = rows_count(k, rows);
	if (!(c->text = malloc((c->n + 1) * sizeof(*c->text))) || (fold && !(c->fold = calloc(c->n + 1, sizeof(*c->fold)))))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	for (size_t i = 0; i < c->n; i++) {
		c->text[i] = row_text(k, rows, i, col);
		if (fold && c->text[i][0] && !(c->fold[i] = cm_name_fold(c->text[i])))
			return cm_error_set(CM_ENOMEM, _("out of memory"));
	}
	return 0;
}

/* Free what col_read() gave. */
static void col_free(check_col *c)
{
	for (size_t i = 0; c->fold && i < c->n; i++)
		free(c->fold[i]);
	free(c->fold);
	free(c->text);
	memset(c, 0, sizeof(*c));
}

/* The number of words of a folded name (separated by one space). */
static size_t words(const char *s)
{
	size_t n = 1;

	for (; *s; s++)
		n += *s == ' ';
	return n;
}

/*
 * 1 when two folded names are near duplicates: equal, equal without their
 * spaces, or with the same words but one, of at least 5 letters in both
 * and one edit apart ("carre", "carree"; not "hdf", "idf" nor "1", "2").
 */
static int near(const char *a, const char *b)
{
	const char *p = a, *q = b;
	char x[64], y[64];
	size_t i = 0, j = 0, diff = 0;

	if (!strcmp(a, b))
		return 1;
	for (; *p || *q; p += *p != 0, q += *q != 0) {
		while (*p == ' ')
			p++;
		while (*q == ' ')
			q++;
		if (*p != *q)
			break;
	}
	if (!*p && !*q)
		return 1;
	if (words(a) != words(b))
		return 0;
	for (p = a, q = b; *p && *q && diff <= 1;) {
		size_t lp = strcspn(p, " "), lq = strcspn(q, " ");

		if (lp != lq || memcmp(p, q, lp)) {
			diff++;
			if (lp < 5 || lq < 5 || lp >= sizeof(x) || lq >= sizeof(y))
				return 0;
			memcpy(x, p, lp);
			x[lp] = '\0';
			memcpy(y, q, lq);
			y[lq] = '\0';
			i = lp;
			j = lq;
		}
		p += lp + (p[lp] == ' ');
		q += lq + (q[lq] == ' ');
	}
	return diff == 1 && i && j && cm_name_distance(x, y) == 1;
}

/* Near-duplicate ids or labels of actors or events; see load/check_internal.h. */
int cm_check_near_rows(checker *k, check_rows rows, check_column col)
{
	int events = rows == CHECK_EVENTS, label = col == CHECK_LABEL, rc;
	cm_check_kind kind = events ? CM_CHECK_NEAR_EVENT : label ? CM_CHECK_NEAR_LABEL : CM_CHECK_NEAR_ID;
	check_col c = { 0 };
	char **f;

	rc = col_read(&c, k, rows, col, 1);
	f = c.fold;
	for (size_t i = 0; i < c.n && rc == 0; i++) {
		for (size_t j = 0; j < i && rc == 0; j++) {
			const char *a = c.text[i], *b = c.text[j], *file, *bfile;
			long line, bline;

			if (!f[i] || !f[j] || !strcmp(a, b) || !near(f[i], f[j]))
				continue;
			cm_check_place(k, rows, i, &file, &line);
			cm_check_place(k, rows, j, &bfile, &bline);
			rc = cm_check_add(k, kind, file, line, events
			                  ? (label ? _("event label '%s' is close to '%s'%s%.0ld%s: the same event? give one label")
			                     : _("event id '%s' is close to '%s'%s%.0ld%s: the same event? give one id"))
			                  : label ? _("label '%s' is close to '%s'%s%.0ld%s: the same actor? give one label")
			                  : _("id '%s' is close to '%s'%s%.0ld%s: the same actor? give one id"), a, b,
			                  k->raw ? "" : _(" (line "), k->raw ? 0L : bline, k->raw ? "" : ")");
		}
	}
	col_free(&c);
	return rc;
}

/* The type key: folded, each word without a final 's' (cités, Cite and cite are one). */
static void type_key(char *f)
{
	char *o = f;

	for (char *p = f; *p; p++)
		if (!(*p == 's' && (p[1] == ' ' || p[1] == '\0') && p > f && p[-1] != ' '))
			*o++ = *p;
	*o = '\0';
}

/* Type or kind spellings; see load/check_internal.h. */
int cm_check_spelling_rows(checker *k, check_rows rows)
{
	check_col c = { 0 };
	size_t *same = NULL;
	char **f;
	int rc;

	if ((rc = col_read(&c, k, rows, CHECK_TYPE, 1)) == 0 && !(same = calloc(c.n + 1, sizeof(*same))))
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
	f = c.fold;
	for (size_t a = 0; a < c.n && rc == 0; a++) {
		if (f[a])
			type_key(f[a]);
		for (size_t b = 0; b < c.n; b++)
			same[a] += !strcmp(c.text[a], c.text[b]);
	}
	for (size_t a = 0; a < c.n && rc == 0; a++) {
		const char *file;
		size_t best = a;
		long line;

		if (!f[a])
			continue;
		/* the most frequent spelling of this type (the first one on a tie) */
		for (size_t b = 0; b < c.n; b++)
			if (f[b] && !strcmp(f[a], f[b]) && same[b] > same[best])
				best = b;
		if (!strcmp(c.text[best], c.text[a]))
			continue;
		cm_check_place(k, rows, a, &file, &line);
		rc = cm_check_add(k, rows == CHECK_EVENTS ? CM_CHECK_EVENT_KIND : CM_CHECK_TYPE, file, line,
		                  rows == CHECK_EVENTS
		                  ? dngettext(CM_TEXTDOMAIN, "kind '%s' of event '%s' differs only by case, accents or plural "
		                              "from '%s' (%zu event): write '%s'", "kind '%s' of event '%s' differs only by "
		                              "case, accents or plural from '%s' (%zu events): write '%s'", same[best])
		                  : dngettext(CM_TEXTDOMAIN, "type '%s' of '%s' differs only by case, accents or plural from "
		                              "'%s' (%zu actor): write '%s'", "type '%s' of '%s' differs only by case, accents "
		                              "or plural from '%s' (%zu actors): write '%s'", same[best]),
		                  c.text[a], row_text(k, rows, a, CHECK_ID), c.text[best], same[best], c.text[best]);
	}
	free(same);
	col_free(&c);
	return rc;
}

/*
 * 1 when values of attr differ only once folded (type: and by a plural),
 * as cm_check_near_rows() and cm_check_spelling_rows() list them; 0, or CM_ENOMEM.
 */
static int spelling_differs(const cm_network *net, const char *attr, int type)
{
	igraph_integer_t n = cm_network_actors(net), *first = NULL;
	cm_names folded = { 0 };
	int rc = 0, added;

	cm_names_init(&folded);
	if (!(first = malloc(((size_t)n + 1) * sizeof(*first))))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	for (igraph_integer_t v = 0; v < n && rc == 0; v++) {
		const char *s = cm_network_vattr(net, attr, v);
		igraph_integer_t i;
		char *f;

		if (!s[0])
			continue;
		if (!(f = cm_name_fold(s))) {
			rc = CM_ENOMEM;
			break;
		}
		if (type)
			type_key(f);
		if ((rc = cm_names_add(&folded, f, &i, &added)) == 0) {
			if (added)
				first[i] = v;
			else if (strcmp(cm_network_vattr(net, attr, first[i]), s))
				rc = 1;
		}
		free(f);
	}
	cm_names_free(&folded);
	free(first);
	return rc;
}

/* Whether a loaded network has ids, labels or types check would list; see load/raw_input.h. */
int cm_check_spellings(const cm_network *net)
{
	int rc;

	/* check compares no more actors than this: neither does the hint (no cost on large networks) */
	if (cm_network_actors(net) > CHECK_PAIRWISE_MAX)
		return 0;
	if ((rc = spelling_differs(net, CM_ATTR_TYPE, 1)) != 0 || (rc = spelling_differs(net, CM_ATTR_ID, 0)) != 0)
		return rc;
	return spelling_differs(net, CM_ATTR_LABEL, 0);
}

/* Regions that the adjacency file does not name; see load/check_internal.h. */
int cm_check_region_rows(checker *k, check_rows rows, const cm_regions *regions, const char *regions_name)
{
	size_t nr = cm_regions_count(regions);
	const char **names = malloc((nr + 1) * sizeof(*names));
	check_col c = { 0 };
	int rc;

	if ((rc = col_read(&c, k, rows, CHECK_REGION, 0)) == 0 && !names)
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
	for (size_t i = 0; i < nr && rc == 0; i++)
		names[i] = cm_regions_name(regions, i);
	for (size_t a = 0; a < c.n && rc == 0; a++) {
		const char *r = c.text[a], *file;
		size_t count = 0, first = 1;
		long near_i, line;

		if (!r[0])
			continue;
		for (size_t i = 0; i < nr && first; i++)
			first = strcmp(names[i], r) != 0;
		for (size_t b = 0; b < a && first; b++)
			first = strcmp(c.text[b], r) != 0;
		if (!first)
			continue;
		for (size_t b = a; b < c.n; b++)
			count += !strcmp(c.text[b], r);
		near_i = cm_name_closest(r, names, nr);
		cm_check_place(k, rows, a, &file, &line);
		rc = cm_check_add(k, CM_CHECK_REGION, file, line, rows == CHECK_EVENTS
		                  ? dngettext(CM_TEXTDOMAIN, "region '%s' (%zu event) is not in %s%s%s%s",
		                              "region '%s' (%zu events) is not in %s%s%s%s", count)
		                  : dngettext(CM_TEXTDOMAIN, "region '%s' (%zu actor) is not in %s%s%s%s",
		                              "region '%s' (%zu actors) is not in %s%s%s%s", count),
		                  r, count, regions_name, near_i >= 0 ? _(": did you mean '") : "",
		                  near_i >= 0 ? names[near_i] : "", near_i >= 0 ? _("'?") : "");
	}
	free(names);
	col_free(&c);
	return rc;
}

/* The actors: near-duplicate ids and labels, type spellings, regions, and those with no tie. */
static int check_actors(checker *k, const cm_regions *regions, const char *regions_name)
{
	const char *nf = k->out->nodes_name ? k->out->nodes_name : _("the actor table");
	int rc = 0;

	if (k->na > CHECK_PAIRWISE_MAX) {
		/* pair by pair is quadratic: say what was not looked at */
		cm_notice(_("%s: %zu actors: near-duplicate ids not compared (at most %d actors)"), nf, k->na,
		          CHECK_PAIRWISE_MAX);
		cm_notice(_("%s: %zu actors: near-duplicate labels not compared (at most %d actors)"), nf, k->na,
		          CHECK_PAIRWISE_MAX);
		cm_notice(_("%s: %zu actors: type spellings not compared (at most %d actors)"), nf, k->na,
		          CHECK_PAIRWISE_MAX);
	} else if ((rc = cm_check_near_rows(k, CHECK_ACTORS, CHECK_ID)) < 0 ||
	           (rc = cm_check_near_rows(k, CHECK_ACTORS, CHECK_LABEL)) < 0 ||
	           (rc = cm_check_spelling_rows(k, CHECK_ACTORS)) < 0) {
		return rc;
	}
	if (regions && (rc = cm_check_region_rows(k, CHECK_ACTORS, regions, regions_name)) < 0)
		return rc;
	for (size_t a = 0; a < k->na && rc == 0; a++)
		if (!k->actors[a].tied)
			rc = cm_check_add(k, CM_CHECK_NO_TIE, k->out->nodes_name, k->actors[a].line,
			                  k->two_mode ? _("'%s' took part in no event") : _("'%s' has no tie"), k->actors[a].id);
	return rc;
}

/* Open a CSV table, tab-separated by default when its name ends in .tsv (as the loader does). */
static int open_table(cm_csv *c, const char *path, const char *name)
{
	const char *dot = strrchr(path, '.');

	return cm_csv_open(c, path, name, dot && !strcasecmp(dot, ".tsv") ? '\t' : ',');
}

/* A copy of a table's name into *to: 0, or CM_ENOMEM. */
static int copy_name(char **to, const char *name)
{
	return (*to = cm_strdup(name)) ? 0 : CM_ENOMEM;
}

/* Sort by kind, then file, then line. */
static int problem_cmp(const void *a, const void *b)
{
	const cm_check_problem *x = a, *y = b;
	int c;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if ((c = strcmp(x->file, y->file)))
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return strcmp(x->text, y->text);
}

/* Check a network in any format; see coopmap/check.h. */
int cm_check_run(cm_check *out, const char *input, const cm_load_options *opts,
                 const cm_regions *regions, const char *regions_name)
{
	static const cm_load_options defaults;
	checker k = { 0 };
	cm_colmaps maps = { 0 };
	cm_raw_input in = { 0 };
	int rc = 0;

	memset(out, 0, sizeof(*out));
	k.out = out;
	if (!opts)
		opts = &defaults;
	k.directed = opts->directed;
	cm_names_init(&k.ids);
	cm_names_init(&k.evids);
	for (int i = 0; i < CHECK_TEXTS; i++)
		if (igraph_strvector_init(&k.text[i], 0)) {
			for (int j = 0; j < i; j++)
				igraph_strvector_destroy(&k.text[j]);
			cm_names_free(&k.ids);
			cm_names_free(&k.evids);
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		}
	if ((rc = cm_load_raw(&in, input, opts)) < 0)
		goto done;
	if ((rc = copy_name(&out->edges_name, in.name)) < 0)
		goto done;
	if (!in.csv) {
		/* the actors and ties are in the one file */
		if ((rc = copy_name(&out->nodes_name, in.name)) < 0)
			goto done;
		/* NetworkX's two-mode convention: actors, events and participations */
		if (cm_twomode_is_bipartite(&in.graph)) {
			if ((rc = copy_name(&out->events_name, in.name)) == 0)
				rc = cm_check_read_raw_twomode(&k, &in.graph);
		} else {
			rc = read_raw(&k, &in.graph);
		}
		if (rc < 0)
			goto done;
	} else {
		if ((in.nodes_path && (rc = copy_name(&out->nodes_name, in.nodes_path)) < 0) ||
		    (rc = cm_colmaps_parse(&maps, opts->columns)) < 0)
			goto done;
		if (out->nodes_name && ((rc = open_table(&k.nodes, out->nodes_name, out->nodes_name)) < 0 ||
		                        (rc = cm_check_read_table(&k, &k.nodes, CM_TABLE_NODES, &maps,
		                                                  actor_record)) < 0))
			goto done;
		k.two_mode = in.two_mode;
		if (in.events_path) {
			if ((rc = copy_name(&out->events_name, in.events_path)) < 0 ||
			    (rc = open_table(&k.events_csv, in.events_path, out->events_name)) < 0 ||
			    (rc = cm_check_read_table(&k, &k.events_csv, CM_TABLE_EVENTS, &maps, cm_check_event_record)) < 0)
				goto done;
		}
		if ((rc = open_table(&k.edges, in.edges_path, out->edges_name)) < 0)
			goto done;
		k.decimal_comma = k.edges.delim != ',';
		if ((rc = k.two_mode ? cm_check_read_table(&k, &k.edges, CM_TABLE_PARTICIPATIONS, &maps, cm_check_part_record)
		          : cm_check_read_table(&k, &k.edges, CM_TABLE_EDGES, &maps, tie_record)) < 0 ||
		    (rc = cm_colmaps_check(&maps, out->edges_name, out->nodes_name)) < 0)
			goto done;
	}
	if (!regions_name)
		regions_name = "the regions file";
	if (k.two_mode) {
		int max = opts->filter.max_event_size;

		if ((rc = cm_check_twomode(&k, max ? (max > 0 ? max : 0) : CM_MAX_EVENT_SIZE, regions, regions_name)) < 0)
			goto done;
	} else if ((rc = check_ties(&k)) < 0)
		goto done;
	if ((rc = check_actors(&k, regions, regions_name)) < 0)
		goto done;
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), problem_cmp);
	for (size_t i = 0; k.raw && i < out->n; i++)
		out->v[i].line = 0;
done:
	free(k.actors);
	free(k.ties);
	free(k.events);
	free(k.parts);
	cm_names_free(&k.ids);
	cm_names_free(&k.evids);
	for (int i = 0; i < CHECK_TEXTS; i++)
		igraph_strvector_destroy(&k.text[i]);
	cm_csv_close(&k.nodes);
	cm_csv_close(&k.edges);
	cm_csv_close(&k.events_csv);
	cm_colmaps_free(&maps);
	cm_raw_input_free(&in);
	if (rc < 0)
		cm_check_free(out);
	return rc;
}

/* Free the problems; see coopmap/check.h. */
void cm_check_free(cm_check *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i].text);
	free(c->v);
	free(c->edges_name);
	free(c->nodes_name);
	free(c->events_name);
	memset(c, 0, sizeof(*c));
}
