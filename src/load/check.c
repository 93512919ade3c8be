/*
 * coopmap check: the CSV tables read again row by row, with their lines,
 * or another format read into a raw graph before the tie pipeline (the
 * actor or tie named instead of a line), for the problems the other
 * commands repair, merge or skip while loading (docs/input.md lists them).  Names are compared with model/columns.h:
 * equal once case and accents are folded, or a small edit distance.
 */
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "coopmap/check.h"
#include "coopmap/common.h"
#include "coopmap/text.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "load/csv.h"
#include "load/csv_columns.h"
#include "load/raw_input.h"
#include "load/twomode.h"
#include "model/raw.h"
#include "model/columns.h"
#include "model/names.h"
#include "model/year.h"
#include "base/i18n.h"

/* Pairwise comparisons of ids and labels stop above this many actors. */
#define CHECK_PAIRWISE_MAX 5000
/* Text attributes a raw graph is read into. */
#define CHECK_TEXTS 10

/* One row of the actor table (fields point into the reader's buffer). */
typedef struct actor_row {
	const char *id, *label, *type, *region;
	long line;
	int tied;
} actor_row;

/* One row of the edge list. */
typedef struct tie_row {
	const char *src, *dst, *weight, *year;
	long line;
} tie_row;

/* Two-mode: one event, of the event table (line) or only named by participations (line 0). */
typedef struct event_row {
	const char *id, *label, *year, *kind, *region;
	const char *first_actor; /* its first participant */
	long line, first_part;   /* line in the event table; of its first participation */
	size_t n;                /* participants, each counted once */
} event_row;

/* Two-mode: one participation. */
typedef struct part_row {
	const char *actor, *event, *year;
	long line;
} part_row;

/* What the check holds while it runs. */
typedef struct checker {
	cm_check *out;
	cm_csv nodes, edges, events_csv;
	event_row *events;
	size_t ne, ne_cap;
	part_row *parts;
	size_t np;
	cm_names evids;           /* event ids -> row */
	int two_mode;
	actor_row *actors;
	size_t na;
	tie_row *ties;
	size_t nt;
	cm_names ids;     /* actor table ids -> row */
	int directed, decimal_comma, date;
	int raw;                  /* rows from a raw graph: "line" is the actor or tie number */
	/* raw: names, labels, types, regions, weights, years; two-mode: bipartite, vertex year, date, kind */
	igraph_strvector_t text[CHECK_TEXTS];
} checker;

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

const char *cm_check_kind_title(cm_check_kind kind)
{
	return kind < CM_CHECK_KINDS ? _(titles[kind]) : "";
}

/* Record a problem. */
static int add(checker *k, cm_check_kind kind, const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static int add(checker *k, cm_check_kind kind, const char *file, long line, const char *fmt, ...)
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

/* Read a table's header: the CSV column of each role, or -1. */
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
static const char *field(const cm_csv *c, const int *at, int r)
{
	return at[r] >= 0 && (size_t)at[r] < c->nfields ? c->fields[at[r]] : "";
}

/* Read the actor table's rows. */
static int read_actors(checker *k, cm_colmaps *maps)
{
	cm_csv *c = &k->nodes;
	int at[CM_ROLE_COUNT], date = 0, rc, added;
	size_t cap = 0;

	if ((rc = header(at, &date, c, CM_TABLE_NODES, maps)) < 0)
		return rc;
	while ((rc = cm_csv_next(c)) == 1) {
		igraph_integer_t v;
		actor_row *a;

		if (k->na == cap) {
			actor_row *p = realloc(k->actors, (cap = cap ? 2 * cap : 64) * sizeof(*p));

			if (!p)
				return cm_error_set(CM_ENOMEM, _("out of memory"));
			k->actors = p;
		}
		a = &k->actors[k->na];
		a->id = field(c, at, CM_ROLE_ID);
		if (!a->id[0])
			return cm_error_set_at(CM_EINPUT, c->name, c->record_line, _("empty id"));
		if ((rc = cm_names_add(&k->ids, a->id, &v, &added)) < 0)
			return rc;
		if (!added)
			return cm_error_set_at(CM_EINPUT, c->name, c->record_line,
			                       _("actor '%s' is listed twice (first on line %ld)"), a->id,
			                       k->actors[v].line);
		a->label = field(c, at, CM_ROLE_LABEL);
		a->type = field(c, at, CM_ROLE_TYPE);
		a->region = field(c, at, CM_ROLE_REGION);
		a->line = c->record_line;
		a->tied = 0;
		k->na++;
	}
	return rc;
}

/* Read the edge list's rows. */
static int read_ties(checker *k, cm_colmaps *maps)
{
	cm_csv *c = &k->edges;
	int at[CM_ROLE_COUNT], rc;
	size_t cap = 0;

	if ((rc = header(at, &k->date, c, CM_TABLE_EDGES, maps)) < 0)
		return rc;
	k->decimal_comma = c->delim != ',';
	while ((rc = cm_csv_next(c)) == 1) {
		tie_row *t;

		if (k->nt == cap) {
			tie_row *p = realloc(k->ties, (cap = cap ? 2 * cap : 64) * sizeof(*p));

			if (!p)
				return cm_error_set(CM_ENOMEM, _("out of memory"));
			k->ties = p;
		}
		t = &k->ties[k->nt];
		t->src = field(c, at, CM_ROLE_SOURCE);
		t->dst = field(c, at, CM_ROLE_TARGET);
		if (!t->src[0] || !t->dst[0])
			return cm_error_set_at(CM_EINPUT, c->name, c->record_line, _("empty %s"),
			                       !t->src[0] ? "source" : "target");
		t->weight = field(c, at, CM_ROLE_WEIGHT);
		t->year = field(c, at, CM_ROLE_YEAR);
		t->line = c->record_line;
		k->nt++;
	}
	return rc;
}

/* Text of a raw graph's attribute into k->text[i] ("" for each when absent). */
static int raw_text(checker *k, int i, const igraph_t *g, int edges, const char *name)
{
	if (cm_attr_type(g, edges ? IGRAPH_ATTRIBUTE_EDGE : IGRAPH_ATTRIBUTE_VERTEX, name) >= 0)
		return cm_attr_as_strings(g, edges, name, &k->text[i]);
	if (igraph_strvector_resize(&k->text[i], edges ? igraph_ecount(g) : igraph_vcount(g)))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	return 0;
}

/* Rows of a raw graph: every vertex is an actor of the table, its number for a line. */
static int read_raw(checker *k, const igraph_t *g)
{
	igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g);
	int rc, added;

	k->raw = 1;
	if ((rc = raw_text(k, 0, g, 0, CM_ATTR_ID)) < 0 || (rc = raw_text(k, 1, g, 0, CM_ATTR_LABEL)) < 0 ||
	    (rc = raw_text(k, 2, g, 0, CM_ATTR_TYPE)) < 0 || (rc = raw_text(k, 3, g, 0, CM_ATTR_REGION)) < 0 ||
	    (rc = raw_text(k, 4, g, 1, CM_ATTR_WEIGHT)) < 0 || (rc = raw_text(k, 5, g, 1, CM_ATTR_YEAR)) < 0)
		return rc;
	if (!(k->actors = calloc((size_t)n + 1, sizeof(*k->actors))) ||
	    !(k->ties = calloc((size_t)m + 1, sizeof(*k->ties))))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	for (igraph_integer_t v = 0; v < n; v++) {
		actor_row *a = &k->actors[v];
		igraph_integer_t idx;

		a->id = igraph_strvector_get(&k->text[0], v);
		a->label = igraph_strvector_get(&k->text[1], v);
		a->type = igraph_strvector_get(&k->text[2], v);
		a->region = igraph_strvector_get(&k->text[3], v);
		a->line = (long)v + 1;
		if ((rc = cm_names_add(&k->ids, a->id, &idx, &added)) < 0)
			return rc;
	}
	k->na = (size_t)n;
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

/* The actor id closest to name, or NULL. */
static const char *closest_id(const checker *k, const char *name)
{
	const char **ids = malloc((k->na + 1) * sizeof(*ids));
	const char *best = NULL;
	long i;

	if (!ids)
		return NULL;
	for (size_t a = 0; a < k->na; a++)
		ids[a] = k->actors[a].id;
	i = cm_name_closest(name, ids, k->na);
	if (i >= 0)
		best = ids[i];
	free(ids);
	return best;
}

/* Ties: actors absent from the table, self-ties, repeats, weights and years. */
static int check_ties(checker *k)
{
	const char *ef = k->out->edges_name, *nf = k->out->nodes_name;
	cm_names seen = { 0 }, pairs = { 0 };
	cm_strbuf key = { 0 };
	long *pair_line = NULL;
	size_t dated = 0;
	int rc = 0, added, undated_said = 0;

	cm_names_init(&seen);
	cm_names_init(&pairs);
	if (!(pair_line = malloc((k->nt + 1) * sizeof(*pair_line)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (size_t i = 0; i < k->nt; i++) {
		double y;

		dated += k->ties[i].year[0] && cm_date_year(&y, k->ties[i].year) == 0 && !isnan(y);
	}
	for (size_t i = 0; i < k->nt; i++) {
		const tie_row *t = &k->ties[i];
		const char *ends[2] = { t->src, t->dst };
		igraph_integer_t v;
		double w;

		for (int e = 0; e < 2; e++) {
			igraph_integer_t a = nf ? cm_names_get(&k->ids, ends[e]) : -1;

			if (a >= 0) {
				k->actors[a].tied |= strcmp(t->src, t->dst) != 0;
				continue;
			}
			if (!nf)
				continue;
			if ((rc = cm_names_add(&seen, ends[e], &v, &added)) < 0)
				goto done;
			if (added) {
				const char *near = closest_id(k, ends[e]);

				if ((rc = add(k, CM_CHECK_ABSENT, ef, t->line, _("'%s' is not in %s (added as an actor of "
				               "its own)%s%s%s"), ends[e], nf, near ? _(": did you mean '") : "",
				               near ? near : "", near ? _("'?") : "")) < 0)
					goto done;
			}
		}
		if (!strcmp(t->src, t->dst) &&
		    (rc = add(k, CM_CHECK_SELF, ef, t->line, _("tie of '%s' with itself"), t->src)) < 0)
			goto done;
		if (t->weight[0] && (cm_parse_number(&w, t->weight, k->decimal_comma) < 0 || !(w > 0)) &&
		    (rc = add(k, CM_CHECK_WEIGHT, ef, t->line, _("tie %s - %s has weight '%s': give a positive "
		              "weight, or leave it empty for 1"), t->src, t->dst, t->weight)) < 0)
			goto done;
		/* a few undated ties among dated ones are listed; many make one line, at the first */
		if (dated && !t->year[0] && 2 * dated >= k->nt &&
		    (rc = add(k, CM_CHECK_UNDATED, ef, t->line, dngettext(CM_TEXTDOMAIN, "tie %s - %s has no year, where %zu tie has one: "
		              "--year, --from and --to leave it out", "tie %s - %s has no year, where %zu ties "
		              "have one: --year, --from and --to leave it out", dated), t->src, t->dst, dated)) < 0)
			goto done;
		if (dated && !t->year[0] && 2 * dated < k->nt && !undated_said++ &&
		    (rc = add(k, CM_CHECK_UNDATED, ef, t->line, _("%zu ties have no year (the first %s%s%s%s), "
		              "where %zu have one: --year, --from and --to leave them out"), k->nt - dated,
		              k->raw ? "" : _("on this line"), k->raw ? t->src : "", k->raw ? " - " : "",
		              k->raw ? t->dst : "", dated)) < 0)
			goto done;
		/* a repeat: the same two ends (in either order unless directed) */
		key.len = 0;
		if (key.s)
			key.s[0] = '\0';
		if ((rc = cm_strbuf_printf(&key, "%s%c%s", !k->directed && strcmp(t->src, t->dst) > 0 ? t->dst : t->src,
		                           '\x1f', !k->directed && strcmp(t->src, t->dst) > 0 ? t->src : t->dst)) < 0 ||
		    (rc = cm_names_add(&pairs, key.s, &v, &added)) < 0)
			goto done;
		if (added)
			pair_line[v] = t->line;
		else if ((rc = add(k, CM_CHECK_REPEATED, ef, t->line, k->raw ? _("tie %s - %s repeats tie %ld")
		                   : _("tie %s - %s repeats line %ld"), t->src, t->dst, pair_line[v])) < 0)
			goto done;
	}
done:
	cm_names_free(&seen);
	cm_names_free(&pairs);
	cm_strbuf_free(&key);
	free(pair_line);
	return rc;
}

/* Folded copies of one text field of every actor (NULL for empty ones). */
static char **fold_all(const checker *k, size_t offset)
{
	char **f = calloc(k->na + 1, sizeof(*f));

	for (size_t a = 0; f && a < k->na; a++) {
		const char *s = *(const char *const *)((const char *)&k->actors[a] + offset);

		if (s[0] && !(f[a] = cm_name_fold(s)))
			return NULL; /* the few already folded leak only on out of memory */
	}
	return f;
}

/* Free what fold_all() returned. */
static void free_all(char **f, size_t n)
{
	for (size_t i = 0; f && i < n; i++)
		free(f[i]);
	free(f);
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

/* Near-duplicate ids or labels, pair by pair. */
static int check_near(checker *k, cm_check_kind kind, size_t offset)
{
	const char *nf = k->out->nodes_name;
	char **f;
	int rc = 0;

	if (k->na > CHECK_PAIRWISE_MAX) {
		/* pair by pair is quadratic: say what was not looked at */
		cm_notice(kind == CM_CHECK_NEAR_ID ? _("%s: %zu actors: near-duplicate ids not compared (at most %d actors)")
		                                   : _("%s: %zu actors: near-duplicate labels not compared (at most %d actors)"),
		          nf ? nf : _("the actor table"), k->na, CHECK_PAIRWISE_MAX);
		return 0;
	}
	if (!(f = fold_all(k, offset)))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	for (size_t i = 0; i < k->na; i++) {
		for (size_t j = 0; j < i && rc == 0; j++) {
			const char *a = *(const char *const *)((const char *)&k->actors[i] + offset);
			const char *b = *(const char *const *)((const char *)&k->actors[j] + offset);

			if (!f[i] || !f[j] || !strcmp(a, b) || !near(f[i], f[j]))
				continue;
			rc = add(k, kind, nf, k->actors[i].line, kind == CM_CHECK_NEAR_ID
			         ? _("id '%s' is close to '%s'%s%.0ld%s: the same actor? give one id")
			         : _("label '%s' is close to '%s'%s%.0ld%s: the same actor? give one label"), a, b,
			         k->raw ? "" : _(" (line "), k->raw ? 0L : k->actors[j].line, k->raw ? "" : ")");
		}
	}
	free_all(f, k->na);
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

/* Type values written differently from the most frequent spelling of the same type. */
static int check_types(checker *k)
{
	char **f;
	size_t *same = NULL;
	int rc = 0;

	if (k->na > CHECK_PAIRWISE_MAX) {
		cm_notice(_("%s: %zu actors: type spellings not compared (at most %d actors)"),
		          k->out->nodes_name ? k->out->nodes_name : "the actor table", k->na, CHECK_PAIRWISE_MAX);
		return 0;
	}
	if (!(f = fold_all(k, offsetof(actor_row, type))) || !(same = calloc(k->na + 1, sizeof(*same)))) {
		free_all(f, k->na);
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	}
	for (size_t a = 0; a < k->na; a++) {
		if (f[a])
			type_key(f[a]);
		for (size_t b = 0; b < k->na; b++)
			same[a] += !strcmp(k->actors[a].type, k->actors[b].type);
	}
	for (size_t a = 0; a < k->na && rc == 0; a++) {
		size_t best = a;

		if (!f[a])
			continue;
		/* the most frequent spelling of this type (the first one on a tie) */
		for (size_t b = 0; b < k->na; b++)
			if (f[b] && !strcmp(f[a], f[b]) && same[b] > same[best])
				best = b;
		if (strcmp(k->actors[best].type, k->actors[a].type))
			rc = add(k, CM_CHECK_TYPE, k->out->nodes_name, k->actors[a].line, dngettext(CM_TEXTDOMAIN, "type '%s' of '%s' differs "
			         "only by case, accents or plural from '%s' (%zu actor): write '%s'", "type '%s' of '%s' "
			         "differs only by case, accents or plural from '%s' (%zu actors): write '%s'", same[best]),
			         k->actors[a].type, k->actors[a].id, k->actors[best].type, same[best], k->actors[best].type);
	}
	free(same);
	free_all(f, k->na);
	return rc;
}

/*
 * 1 when values of attr differ only once folded (type: and by a plural),
 * as check_near() and check_types() would list them; 0, or CM_ENOMEM.
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

/* Regions of the actor table that the adjacency file does not name (first row of each). */
static int check_regions(checker *k, const cm_regions *regions, const char *regions_name)
{
	size_t nr = cm_regions_count(regions);
	const char **names = malloc((nr + 1) * sizeof(*names));
	int rc = 0;

	if (!names)
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	for (size_t i = 0; i < nr; i++)
		names[i] = cm_regions_name(regions, i);
	for (size_t a = 0; a < k->na && rc == 0; a++) {
		const char *r = k->actors[a].region;
		size_t count = 0, first = 1;
		long near_i;

		if (!r[0])
			continue;
		for (size_t i = 0; i < nr && first; i++)
			first = strcmp(names[i], r) != 0;
		for (size_t b = 0; b < a && first; b++)
			first = strcmp(k->actors[b].region, r) != 0;
		if (!first)
			continue;
		for (size_t b = a; b < k->na; b++)
			count += !strcmp(k->actors[b].region, r);
		near_i = cm_name_closest(r, names, nr);
		rc = add(k, CM_CHECK_REGION, k->out->nodes_name, k->actors[a].line, dngettext(CM_TEXTDOMAIN, "region '%s' (%zu actor) is "
		         "not in %s%s%s%s", "region '%s' (%zu actors) is not in %s%s%s%s", count), r, count, regions_name,
		         near_i >= 0 ? _(": did you mean '") : "", near_i >= 0 ? names[near_i] : "",
		         near_i >= 0 ? _("'?") : "");
	}
	free(names);
	return rc;
}

/* Two-mode: the row of event id, adding one (line 0) when new; NULL on out of memory. */
static event_row *event_of(checker *k, const char *id, int *added)
{
	igraph_integer_t v;

	if (cm_names_add(&k->evids, id, &v, added) < 0)
		return NULL;
	if (!*added)
		return &k->events[v];
	if (k->ne == k->ne_cap) {
		size_t cap = k->ne_cap ? 2 * k->ne_cap : 64;
		event_row *p = realloc(k->events, cap * sizeof(*p));

		if (!p)
			return NULL;
		k->events = p;
		k->ne_cap = cap;
	}
	memset(&k->events[k->ne], 0, sizeof(k->events[0]));
	k->events[k->ne].id = id;
	k->events[k->ne].label = k->events[k->ne].year = k->events[k->ne].kind = k->events[k->ne].region = "";
	return &k->events[k->ne++];
}

/* Two-mode: read the event table's rows. */
static int read_event_table(checker *k, cm_colmaps *maps)
{
	cm_csv *c = &k->events_csv;
	int at[CM_ROLE_COUNT], date = 0, rc, added;

	if ((rc = header(at, &date, c, CM_TABLE_EVENTS, maps)) < 0)
		return rc;
	while ((rc = cm_csv_next(c)) == 1) {
		const char *id = field(c, at, CM_ROLE_EVENT);
		event_row *e;

		if (!id[0])
			return cm_error_set_at(CM_EINPUT, c->name, c->record_line, _("empty event id"));
		if (!(e = event_of(k, id, &added)))
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		if (!added)
			return cm_error_set_at(CM_EINPUT, c->name, c->record_line,
			                       _("event '%s' is listed twice (first on line %ld)"), id, e->line);
		e->label = field(c, at, CM_ROLE_LABEL);
		e->year = field(c, at, CM_ROLE_YEAR);
		e->kind = field(c, at, CM_ROLE_KIND);
		if (!e->kind[0])
			e->kind = field(c, at, CM_ROLE_TYPE);
		e->region = field(c, at, CM_ROLE_REGION);
		e->line = c->record_line;
	}
	return rc;
}

/* Two-mode: read the participation table's rows; an empty actor or event is listed, not stored. */
static int read_parts(checker *k, cm_colmaps *maps)
{
	cm_csv *c = &k->edges;
	int at[CM_ROLE_COUNT], date = 0, rc;
	size_t cap = 0;

	if ((rc = header(at, &date, c, CM_TABLE_PARTICIPATIONS, maps)) < 0)
		return rc;
	while ((rc = cm_csv_next(c)) == 1) {
		part_row *p;

		if (k->np == cap) {
			part_row *q = realloc(k->parts, (cap = cap ? 2 * cap : 64) * sizeof(*q));

			if (!q)
				return cm_error_set(CM_ENOMEM, _("out of memory"));
			k->parts = q;
		}
		p = &k->parts[k->np];
		p->actor = field(c, at, CM_ROLE_ACTOR);
		p->event = field(c, at, CM_ROLE_EVENT);
		p->year = field(c, at, CM_ROLE_YEAR);
		p->line = c->record_line;
		if (!p->actor[0] || !p->event[0]) {
			if ((rc = add(k, CM_CHECK_EMPTY_PART, k->out->edges_name, p->line, "%s%s%s%s%s",
			              !p->actor[0] ? _("empty actor") : _("empty event"), p->actor[0] || p->event[0] ? " (" : "",
			              p->actor[0] ? p->actor : p->event, p->actor[0] || p->event[0] ? ")" : "",
			              !p->actor[0] ? _(": give the actor's id") : _(": give the event's id"))) < 0)
				return rc;
			continue;
		}
		k->np++;
	}
	return rc;
}

/* Two-mode raw graph: vertices with bipartite 0 are actors, 1 events; each tie a participation. */
static int read_raw_twomode(checker *k, const igraph_t *g)
{
	igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g), *row = NULL;
	const char *name = k->out->edges_name;
	int rc, added;

	k->raw = k->two_mode = 1;
	if ((rc = raw_text(k, 0, g, 0, CM_ATTR_ID)) < 0 || (rc = raw_text(k, 1, g, 0, CM_ATTR_LABEL)) < 0 ||
	    (rc = raw_text(k, 2, g, 0, CM_ATTR_TYPE)) < 0 || (rc = raw_text(k, 3, g, 0, CM_ATTR_REGION)) < 0 ||
	    (rc = raw_text(k, 5, g, 1, CM_ATTR_YEAR)) < 0 || (rc = raw_text(k, 6, g, 0, "bipartite")) < 0 ||
	    (rc = raw_text(k, 7, g, 0, CM_ATTR_YEAR)) < 0 || (rc = raw_text(k, 8, g, 0, "date")) < 0 ||
	    (rc = raw_text(k, 9, g, 0, CM_ATTR_KIND)) < 0)
		return rc;
	if (!(k->actors = calloc((size_t)n + 1, sizeof(*k->actors))) ||
	    !(k->parts = calloc((size_t)m + 1, sizeof(*k->parts))) ||
	    !(row = malloc(((size_t)n + 1) * sizeof(*row))))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	for (igraph_integer_t v = 0; v < n && rc == 0; v++) {
		const char *b = igraph_strvector_get(&k->text[6], v), *id = igraph_strvector_get(&k->text[0], v);
		event_row *e;

		if (strcmp(b, "0") && strcmp(b, "1")) {
			rc = cm_error_set(CM_EINPUT, _("%s: vertex '%s' has bipartite '%s': two-mode graphs give "
			                  "every vertex bipartite 0 (actor) or 1 (event)"), name, id, b);
			break;
		}
		if (b[0] == '0') {
			actor_row *a = &k->actors[k->na];
			igraph_integer_t idx;

			a->id = id;
			a->label = igraph_strvector_get(&k->text[1], v);
			a->type = igraph_strvector_get(&k->text[2], v);
			a->region = igraph_strvector_get(&k->text[3], v);
			a->line = (long)v + 1;
			row[v] = (igraph_integer_t)k->na++;
			rc = cm_names_add(&k->ids, id, &idx, &added);
			continue;
		}
		if (!(e = event_of(k, id, &added))) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			break;
		}
		e->label = igraph_strvector_get(&k->text[1], v);
		e->year = igraph_strvector_get(&k->text[7], v);
		if (!e->year[0])
			e->year = igraph_strvector_get(&k->text[8], v);
		e->kind = igraph_strvector_get(&k->text[9], v);
		if (!e->kind[0])
			e->kind = igraph_strvector_get(&k->text[2], v);
		e->region = igraph_strvector_get(&k->text[3], v);
		e->line = (long)v + 1;
		row[v] = -1;
	}
	for (igraph_integer_t i = 0; i < m && rc == 0; i++) {
		igraph_integer_t a = IGRAPH_FROM(g, i), b = IGRAPH_TO(g, i), x;
		part_row *p = &k->parts[k->np++];

		if ((row[a] < 0) == (row[b] < 0)) {
			rc = cm_error_set(CM_EINPUT, row[a] < 0 ? _("%s: tie %" PRId64 " joins two events ('%s' and '%s'): in a "
			                  "two-mode graph every tie joins an actor (bipartite 0) and an event (bipartite 1)")
			                  : _("%s: tie %" PRId64 " joins two actors ('%s' and '%s'): in a two-mode graph every "
			                  "tie joins an actor (bipartite 0) and an event (bipartite 1)"),
			                  name, i + 1, igraph_strvector_get(&k->text[0], a), igraph_strvector_get(&k->text[0], b));
			break;
		}
		if (row[a] < 0)
			x = a, a = b, b = x;
		p->actor = igraph_strvector_get(&k->text[0], a);
		p->event = igraph_strvector_get(&k->text[0], b);
		p->year = igraph_strvector_get(&k->text[5], i);
		p->line = (long)i + 1;
	}
	free(row);
	return rc;
}

/* The event id closest to name among the event table's, or NULL. */
static const char *closest_event(const checker *k, const char *name)
{
	const char **ids = malloc((k->ne + 1) * sizeof(*ids));
	const char *best = NULL;
	size_t n = 0;
	long i;

	if (!ids)
		return NULL;
	for (size_t e = 0; e < k->ne; e++)
		if (k->events[e].line)
			ids[n++] = k->events[e].id;
	i = cm_name_closest(name, ids, n);
	if (i >= 0)
		best = ids[i];
	free(ids);
	return best;
}

/* Where an event is: its event table row, else its first participation. */
static void event_place(const checker *k, const event_row *e, const char **file, long *line)
{
	*file = e->line && k->out->events_name ? k->out->events_name : k->out->edges_name;
	*line = e->line ? e->line : e->first_part;
}

/* 1 when a year field gives a year (a whole year or a date). */
static int has_year(const char *s)
{
	double y;

	return s[0] && cm_date_year(&y, s) == 0 && !isnan(y);
}

/* Two-mode: participations (absent actors, unknown events, repeats), then events. */
static int check_parts(checker *k, int max_size)
{
	const char *pf = k->out->edges_name, *nf = k->out->nodes_name;
	cm_names seen = { 0 }, pairs = { 0 };
	cm_strbuf key = { 0 };
	long *pair_line = NULL;
	size_t dated = 0, undated = 0;
	int rc = 0, added, undated_said = 0;

	cm_names_init(&seen);
	cm_names_init(&pairs);
	if (!(pair_line = malloc((k->np + 1) * sizeof(*pair_line)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (size_t i = 0; i < k->np && rc == 0; i++) {
		const part_row *p = &k->parts[i];
		igraph_integer_t a = cm_names_get(&k->ids, p->actor), v;
		event_row *e;

		if (a >= 0) {
			k->actors[a].tied = 1;
		} else if (nf) {
			if ((rc = cm_names_add(&seen, p->actor, &v, &added)) < 0)
				goto done;
			if (added) {
				const char *near = closest_id(k, p->actor);

				if ((rc = add(k, CM_CHECK_ABSENT, pf, p->line, _("'%s' is not in %s (added as an actor of "
				               "its own)%s%s%s"), p->actor, nf, near ? _(": did you mean '") : "",
				               near ? near : "", near ? _("'?") : "")) < 0)
					goto done;
			}
		}
		if (!(e = event_of(k, p->event, &added))) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
		if (added) {
			const char *near = k->out->events_name && !k->raw ? closest_event(k, p->event) : NULL;

			e = &k->events[k->ne - 1]; /* event_of() may have moved the rows */
			if (k->out->events_name && !k->raw &&
			    (rc = add(k, CM_CHECK_UNKNOWN_EVENT, pf, p->line, _("event '%s' is not in %s (added, "
			              "undated, without a label)%s%s%s"), p->event, k->out->events_name,
			              near ? _(": did you mean '") : "", near ? near : "", near ? _("'?") : "")) < 0)
				goto done;
		}
		if (!e->first_part) {
			e->first_part = p->line;
			e->first_actor = p->actor;
		}
		if (!e->year[0] && p->year[0])
			e->year = p->year;
		/* a repeat: the same actor at the same event */
		key.len = 0;
		if ((rc = cm_strbuf_printf(&key, "%s%c%s", p->actor, '\x1f', p->event)) < 0 ||
		    (rc = cm_names_add(&pairs, key.s, &v, &added)) < 0)
			goto done;
		if (added) {
			pair_line[v] = p->line;
			e->n++;
		} else if ((rc = add(k, CM_CHECK_REPEATED_PART, pf, p->line, k->raw ? _("'%s' at '%s' repeats tie %ld")
		                     : _("'%s' at '%s' repeats line %ld"), p->actor, p->event, pair_line[v])) < 0) {
			goto done;
		}
	}
	for (size_t i = 0; i < k->ne; i++) {
		if (has_year(k->events[i].year))
			dated++;
		else if (k->events[i].n)
			undated++;
	}
	for (size_t i = 0; i < k->ne && rc == 0; i++) {
		const event_row *e = &k->events[i];
		const char *file;
		long line;

		event_place(k, e, &file, &line);
		if (e->n == 0) {
			/* in the event table but nobody took part: it makes no tie */
			rc = add(k, CM_CHECK_ALONE, file, line, _("event '%s' has no participant"), e->id);
			continue;
		}
		if (max_size > 0 && e->n > (size_t)max_size)
			rc = add(k, CM_CHECK_BIG_EVENT, file, line,
			         dngettext(CM_TEXTDOMAIN, "event '%s' has %zu participants, more than --max-event-size %d "
			                   "(%zu tie between them): raise the limit to project it anyway",
			                   "event '%s' has %zu participants, more than --max-event-size %d "
			                   "(%zu ties between them): raise the limit to project it anyway",
			                   (unsigned long)(e->n * (e->n - 1) / 2)),
			         e->id, e->n, max_size, e->n * (e->n - 1) / 2);
		if (rc == 0 && e->n == 1)
			rc = add(k, CM_CHECK_ALONE, file, line, _("event '%s' has one participant, '%s'"), e->id,
			         e->first_actor);
		if (rc == 0 && dated && !has_year(e->year)) {
			/* a few undated events among dated ones are listed; many make one line, at the first */
			if (undated <= dated)
				rc = add(k, CM_CHECK_UNDATED_EVENT, file, line,
				         dngettext(CM_TEXTDOMAIN, "event '%s' has no year, where %zu event has one: --year, --from "
				                   "and --to leave it out", "event '%s' has no year, where %zu events have one: "
				                   "--year, --from and --to leave it out", (unsigned long)dated), e->id, dated);
			else if (!undated_said++)
				rc = add(k, CM_CHECK_UNDATED_EVENT, file, line,
				         dngettext(CM_TEXTDOMAIN, "%zu events have no year (the first '%s'), where %zu has one: "
				                   "--year, --from and --to leave them out", "%zu events have no year (the first "
				                   "'%s'), where %zu have one: --year, --from and --to leave them out",
				                   (unsigned long)dated), undated, e->id, dated);
		}
	}
done:
	cm_names_free(&seen);
	cm_names_free(&pairs);
	cm_strbuf_free(&key);
	free(pair_line);
	return rc;
}

/* Two-mode: near-duplicate event ids and labels, pair by pair. */
static int check_near_events(checker *k)
{
	int rc = 0;

	if (k->ne > CHECK_PAIRWISE_MAX) {
		cm_notice(_("%s: %zu events: near-duplicate ids and labels not compared (at most %d events)"),
		          k->out->edges_name, k->ne, CHECK_PAIRWISE_MAX);
		return 0;
	}
	for (int label = 0; label < 2 && rc == 0; label++) {
		char **f = calloc(k->ne + 1, sizeof(*f));

		for (size_t i = 0; f && i < k->ne; i++) {
			const char *s = label ? k->events[i].label : k->events[i].id;

			if (s[0] && !(f[i] = cm_name_fold(s))) {
				free_all(f, i);
				f = NULL;
			}
		}
		if (!f)
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		for (size_t i = 0; i < k->ne && rc == 0; i++) {
			for (size_t j = 0; j < i && rc == 0; j++) {
				const char *a = label ? k->events[i].label : k->events[i].id;
				const char *b = label ? k->events[j].label : k->events[j].id;
				const char *file, *bfile;
				long line, bline;

				if (!f[i] || !f[j] || !strcmp(a, b) || !near(f[i], f[j]))
					continue;
				event_place(k, &k->events[i], &file, &line);
				event_place(k, &k->events[j], &bfile, &bline);
				rc = add(k, CM_CHECK_NEAR_EVENT, file, line,
				         label ? _("event label '%s' is close to '%s'%s%.0ld%s: the same event? give one label")
				         : _("event id '%s' is close to '%s'%s%.0ld%s: the same event? give one id"), a, b,
				         k->raw ? "" : _(" (line "), k->raw ? 0L : bline, k->raw ? "" : ")");
			}
		}
		free_all(f, k->ne);
	}
	return rc;
}

/* Two-mode: event kinds written differently from the most frequent spelling of the same kind. */
static int check_event_kinds(checker *k)
{
	char **f = calloc(k->ne + 1, sizeof(*f));
	size_t *same = calloc(k->ne + 1, sizeof(*same));
	int rc = 0;

	for (size_t i = 0; f && same && i < k->ne; i++)
		if (k->events[i].kind[0] && !(f[i] = cm_name_fold(k->events[i].kind))) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			break;
		} else if (f[i]) {
			type_key(f[i]);
		}
	if (!f || !same)
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
	if (rc == 0 && k->ne > CHECK_PAIRWISE_MAX) {
		cm_notice(_("%s: %zu events: kind spellings not compared (at most %d events)"), k->out->edges_name,
		          k->ne, CHECK_PAIRWISE_MAX);
		goto done;
	}
	for (size_t a = 0; rc == 0 && a < k->ne; a++)
		for (size_t b = 0; b < k->ne; b++)
			same[a] += !strcmp(k->events[a].kind, k->events[b].kind);
	for (size_t a = 0; rc == 0 && a < k->ne; a++) {
		size_t best = a;
		const char *file;
		long line;

		if (!f[a])
			continue;
		for (size_t b = 0; b < k->ne; b++)
			if (f[b] && !strcmp(f[a], f[b]) && same[b] > same[best])
				best = b;
		if (!strcmp(k->events[best].kind, k->events[a].kind))
			continue;
		event_place(k, &k->events[a], &file, &line);
		rc = add(k, CM_CHECK_EVENT_KIND, file, line,
		         dngettext(CM_TEXTDOMAIN, "kind '%s' of event '%s' differs only by case, accents or plural from "
		                   "'%s' (%zu event): write '%s'", "kind '%s' of event '%s' differs only by case, accents "
		                   "or plural from '%s' (%zu events): write '%s'", (unsigned long)same[best]),
		         k->events[a].kind, k->events[a].id, k->events[best].kind, same[best], k->events[best].kind);
	}
done:
	free(same);
	free_all(f, k->ne);
	return rc;
}

/* Two-mode: regions of the event table that the adjacency file does not name (first event of each). */
static int check_event_regions(checker *k, const cm_regions *regions, const char *regions_name)
{
	size_t nr = cm_regions_count(regions);
	const char **names = malloc((nr + 1) * sizeof(*names));
	int rc = 0;

	if (!names)
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	for (size_t i = 0; i < nr; i++)
		names[i] = cm_regions_name(regions, i);
	for (size_t a = 0; a < k->ne && rc == 0; a++) {
		const char *r = k->events[a].region, *file;
		size_t count = 0, first = 1;
		long near_i, line;

		if (!r[0])
			continue;
		for (size_t i = 0; i < nr && first; i++)
			first = strcmp(names[i], r) != 0;
		for (size_t b = 0; b < a && first; b++)
			first = strcmp(k->events[b].region, r) != 0;
		if (!first)
			continue;
		for (size_t b = a; b < k->ne; b++)
			count += !strcmp(k->events[b].region, r);
		near_i = cm_name_closest(r, names, nr);
		event_place(k, &k->events[a], &file, &line);
		rc = add(k, CM_CHECK_REGION, file, line,
		         dngettext(CM_TEXTDOMAIN, "region '%s' (%zu event) is not in %s%s%s%s",
		                   "region '%s' (%zu events) is not in %s%s%s%s", (unsigned long)count),
		         r, count, regions_name, near_i >= 0 ? _(": did you mean '") : "",
		         near_i >= 0 ? names[near_i] : "", near_i >= 0 ? _("'?") : "");
	}
	free(names);
	return rc;
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
	const char *dot;
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
	if (!(out->edges_name = cm_strdup(in.name))) {
		rc = CM_ENOMEM;
		goto done;
	}
	if (!in.csv) {
		/* the actors and ties are in the one file */
		if (!(out->nodes_name = cm_strdup(in.name))) {
			rc = CM_ENOMEM;
			goto done;
		}
		/* NetworkX's two-mode convention: actors, events and participations */
		if (cm_twomode_is_bipartite(&in.graph)) {
			if (!(out->events_name = cm_strdup(in.name))) {
				rc = CM_ENOMEM;
				goto done;
			}
			rc = read_raw_twomode(&k, &in.graph);
		} else {
			rc = read_raw(&k, &in.graph);
		}
		if (rc < 0)
			goto done;
	} else {
		if (in.nodes_path && !(out->nodes_name = cm_strdup(in.nodes_path))) {
			rc = CM_ENOMEM;
			goto done;
		}
		if ((rc = cm_colmaps_parse(&maps, opts->columns)) < 0)
			goto done;
		if (out->nodes_name) {
			dot = strrchr(out->nodes_name, '.');
			if ((rc = cm_csv_open(&k.nodes, out->nodes_name, out->nodes_name,
			                      dot && !strcasecmp(dot, ".tsv") ? '\t' : ',')) < 0 ||
			    (rc = read_actors(&k, &maps)) < 0)
				goto done;
		}
		k.two_mode = in.two_mode;
		if (in.events_path) {
			if (!(out->events_name = cm_strdup(in.events_path))) {
				rc = CM_ENOMEM;
				goto done;
			}
			dot = strrchr(in.events_path, '.');
			if ((rc = cm_csv_open(&k.events_csv, in.events_path, out->events_name,
			                      dot && !strcasecmp(dot, ".tsv") ? '\t' : ',')) < 0 ||
			    (rc = read_event_table(&k, &maps)) < 0)
				goto done;
		}
		dot = strrchr(in.edges_path, '.');
		if ((rc = cm_csv_open(&k.edges, in.edges_path, out->edges_name,
		                      dot && !strcasecmp(dot, ".tsv") ? '\t' : ',')) < 0 ||
		    (rc = (k.two_mode ? read_parts(&k, &maps) : read_ties(&k, &maps))) < 0 ||
		    (rc = cm_colmaps_check(&maps, out->edges_name, out->nodes_name)) < 0)
			goto done;
	}
	if (k.two_mode) {
		int max = opts->filter.max_event_size;

		if ((rc = check_parts(&k, max ? (max > 0 ? max : 0) : CM_MAX_EVENT_SIZE)) < 0 ||
		    (rc = check_near_events(&k)) < 0 || (rc = check_event_kinds(&k)) < 0 ||
		    (regions && (rc = check_event_regions(&k, regions, regions_name ? regions_name : "the regions file")) < 0))
			goto done;
	} else if ((rc = check_ties(&k)) < 0)
		goto done;
	if ((rc = check_near(&k, CM_CHECK_NEAR_ID, offsetof(actor_row, id))) < 0 ||
	    (rc = check_near(&k, CM_CHECK_NEAR_LABEL, offsetof(actor_row, label))) < 0 ||
	    (rc = check_types(&k)) < 0 ||
	    (regions && (rc = check_regions(&k, regions, regions_name ? regions_name : "the regions file")) < 0))
		goto done;
	for (size_t a = 0; a < k.na; a++)
		if (!k.actors[a].tied && (rc = add(&k, CM_CHECK_NO_TIE, out->nodes_name, k.actors[a].line,
		                                   k.two_mode ? _("'%s' took part in no event") : _("'%s' has no tie"),
		                                   k.actors[a].id)) < 0)
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
