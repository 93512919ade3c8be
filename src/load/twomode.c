/*
 * Two-mode inputs: a participation table (one row per actor and event),
 * an optional event table and actor table, read with the CSV reader and
 * the column synonyms of every table; or a graph whose vertices carry
 * NetworkX's "bipartite" attribute.  Both become a cm_twomode that
 * filter/project.c projects, then the tie pipeline makes a network.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coopmap/common.h"
#include "coopmap/load.h"
#include "coopmap/network.h"
#include "coopmap/text.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "filter/filter.h"
#include "filter/project.h"
#include "load/csv.h"
#include "load/csv_columns.h"
#include "load/twomode.h"
#include "model/columns.h"
#include "model/raw.h"
#include "model/twomode.h"
#include "model/year.h"
#include "base/i18n.h"

/* The roles of a header: roles[i] per column, at[role] the column of each role or -1. */
static int read_roles(int **roles, int *at, int *date, cm_csv *c, int table, cm_colmaps *maps)
{
	int rc = cm_csv_next(c);

	*roles = NULL;
	for (int r = 0; r < CM_ROLE_COUNT; r++)
		at[r] = -1;
	if (rc < 0)
		return rc;
	if (rc == 0)
		return cm_error_set_at(CM_EINPUT, c->name, 0, _("empty file: expected a header line"));
	if (!(*roles = calloc(c->nfields + 1, sizeof(**roles))))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	*date = 0;
	if ((rc = cm_csv_assign_roles(*roles, date, c, table, maps)) < 0)
		return rc;
	for (size_t i = 0; i < c->nfields; i++) {
		int role = (*roles)[i];

		if (role <= CM_ROLE_NONE)
			continue;
		if (at[role] >= 0)
			return cm_error_set_at(CM_EINPUT, c->name, c->record_line, _("columns '%s' and '%s' both give %s"),
			                       c->fields[at[role]], c->fields[i], cm_role_meaning((cm_role)role));
		at[role] = (int)i;
	}
	return cm_csv_header_notices(*roles, at, *date, c, table);
}

/* Refuse a header without the column of role, listing the columns found. */
static int need_column(const cm_csv *c, const int *at, cm_role role, const char *what)
{
	cm_strbuf b = { 0 };
	int rc;

	if (at[role] >= 0)
		return 0;
	for (size_t i = 0; i < c->nfields; i++)
		if (cm_strbuf_printf(&b, "%s'%s'", i ? ", " : "", c->fields[i]) < 0)
			break;
	rc = cm_error_set_at(CM_EINPUT, c->name, c->record_line, _("no '%s' column (columns found: %s); %s"),
	                     cm_role_name(role), b.s ? b.s : "none", what);
	cm_strbuf_free(&b);
	return rc;
}

/* A record must have the header's number of fields (extra empty ones are tolerated). */
static int check_width(const cm_csv *c, size_t ncols)
{
	size_t n = c->nfields;

	while (n > ncols && !c->fields[n - 1][0])
		n--;
	if (n < ncols)
		return cm_error_set_at(CM_EINPUT, c->name, c->record_line, _("%zu field%s where the header has %zu"),
		                       n, n == 1 ? "" : "s", ncols);
	if (n > ncols)
		return cm_error_set_at(CM_EINPUT, c->name, c->record_line, _("%zu fields where the header has %zu"),
		                       n, ncols);
	return 0;
}

/* Read a year or date field into *y (NaN when empty). */
static int read_year(double *y, const cm_csv *c, const char *s, int date)
{
	if ((date ? cm_date_year(y, s) : cm_year_parse(y, s, CM_YEAR_EMPTY)) < 0)
		return cm_error_set_at(CM_EINPUT, c->name, c->record_line, date ?
		                       "date '%s' is not a date (2021-03-15, 15/03/2021) or a year" :
		                       "year '%s' is not a whole number", s);
	return 0;
}

/* A copy of s, or NULL for "" ; *rc set on failure. */
static char *dup_text(const char *s, int *rc)
{
	char *d;

	if (!s[0])
		return NULL;
	if (!(d = cm_strdup(s)))
		*rc = cm_error_set(CM_ENOMEM, _("out of memory"));
	return d;
}

/* The event table: one event per row (id, label, date or year, kind, region). */
static int read_events(cm_twomode *t, const char *path, cm_colmaps *maps)
{
	const char *dot = strrchr(path, '.');
	cm_csv c = { 0 };
	int *roles = NULL, at[CM_ROLE_COUNT], date, rc, added;
	size_t ncols;

	if ((rc = cm_csv_open(&c, path, path, dot && !strcasecmp(dot, ".tsv") ? '\t' : ',')) < 0)
		goto done;
	if ((rc = read_roles(&roles, at, &date, &c, CM_TABLE_EVENTS, maps)) < 0 ||
	    (rc = need_column(&c, at, CM_ROLE_EVENT, "an event table names an event (or id) column")) < 0)
		goto done;
	ncols = c.nfields;
	while ((rc = cm_csv_next(&c)) == 1) {
		igraph_integer_t e;
		const char *id;
		cm_event *ev;

		if ((rc = check_width(&c, ncols)) < 0)
			goto done;
		id = c.fields[at[CM_ROLE_EVENT]];
		if (!id[0]) {
			rc = cm_error_set_at(CM_EINPUT, c.name, c.record_line, _("empty event id"));
			goto done;
		}
		if ((rc = cm_twomode_event(t, id, &e, &added)) < 0)
			goto done;
		ev = &t->ev[e];
		if (!added) {
			rc = cm_error_set_at(CM_EINPUT, c.name, c.record_line, _("event '%s' is listed twice (first on line %ld)"),
			                     id, ev->line);
			goto done;
		}
		ev->line = c.record_line;
		if (at[CM_ROLE_YEAR] >= 0 && (rc = read_year(&ev->year, &c, c.fields[at[CM_ROLE_YEAR]], date)) < 0)
			goto done;
		rc = 0;
		if (at[CM_ROLE_LABEL] >= 0)
			ev->label = dup_text(c.fields[at[CM_ROLE_LABEL]], &rc);
		if (at[CM_ROLE_KIND] >= 0)
			ev->kind = dup_text(c.fields[at[CM_ROLE_KIND]], &rc);
		if (at[CM_ROLE_REGION] >= 0)
			ev->region = dup_text(c.fields[at[CM_ROLE_REGION]], &rc);
		if (rc < 0)
			goto done;
	}
done:
	free(roles);
	cm_csv_close(&c);
	return rc;
}

/* The actor table: one actor per row; every column but the id becomes an attribute. */
static int read_actors(cm_twomode *t, const char *path, cm_colmaps *maps, long **lines)
{
	const char *dot = strrchr(path, '.');
	cm_csv c = { 0 };
	int *roles = NULL, at[CM_ROLE_COUNT], date, rc, added;
	size_t cap = 0;

	if ((rc = cm_csv_open(&c, path, path, dot && !strcasecmp(dot, ".tsv") ? '\t' : ',')) < 0)
		goto done;
	if ((rc = read_roles(&roles, at, &date, &c, CM_TABLE_NODES, maps)) < 0 ||
	    (rc = need_column(&c, at, CM_ROLE_ID, "an actor table names an id column")) < 0)
		goto done;
	if (!(t->attr_names = calloc(c.nfields + 1, sizeof(*t->attr_names))) ||
	    !(t->attr_values = calloc(c.nfields + 1, sizeof(*t->attr_values)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	t->nattr = c.nfields;
	for (size_t i = 0; i < c.nfields; i++) {
		if (roles[i] == CM_CSV_SKIP || roles[i] == CM_ROLE_ID)
			t->attr_names[i] = cm_strdup("");
		else
			t->attr_names[i] = cm_ascii_lower(roles[i] == CM_ROLE_NONE ? c.fields[i] : cm_role_name((cm_role)roles[i]));
		if (!t->attr_names[i]) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
	}
	while ((rc = cm_csv_next(&c)) == 1) {
		const char *id;
		igraph_integer_t v;

		if ((rc = check_width(&c, t->nattr)) < 0)
			goto done;
		id = c.fields[at[CM_ROLE_ID]];
		if (!id[0]) {
			rc = cm_error_set_at(CM_EINPUT, c.name, c.record_line, _("empty id"));
			goto done;
		}
		if ((rc = cm_names_add(&t->actors, id, &v, &added)) < 0)
			goto done;
		if (!added) {
			rc = cm_error_set_at(CM_EINPUT, c.name, c.record_line, _("actor '%s' is listed twice (first on line %ld)"),
			                     id, (*lines)[v]);
			goto done;
		}
		if ((size_t)v >= cap) {
			size_t ncap = cap ? 2 * cap : 64;
			long *l = realloc(*lines, ncap * sizeof(*l));

			if (!l) {
				rc = cm_error_set(CM_ENOMEM, _("out of memory"));
				goto done;
			}
			*lines = l;
			for (size_t k = 0; k < t->nattr; k++) {
				char **p = realloc(t->attr_values[k], ncap * sizeof(*p));

				if (!p) {
					rc = cm_error_set(CM_ENOMEM, _("out of memory"));
					goto done;
				}
				t->attr_values[k] = p;
			}
			cap = ncap;
		}
		(*lines)[v] = c.record_line;
		for (size_t k = 0; k < t->nattr; k++)
			t->attr_values[k][v] = NULL;
		t->nlisted = v + 1;
		for (size_t k = 0; k < t->nattr; k++) {
			if (t->attr_names[k][0] && (t->attr_values[k][v] = dup_text(c.fields[k], &rc), rc < 0))
				goto done;
		}
	}
done:
	free(roles);
	cm_csv_close(&c);
	return rc;
}

/* Participations in (actor, event) order, for finding repeats. */
static const cm_twomode *sort_t;
/* Compare two participation indices by actor, event, then row. */
static int cmp_part(const void *x, const void *y)
{
	igraph_integer_t i = *(const igraph_integer_t *)x, j = *(const igraph_integer_t *)y;

	if (sort_t->pa[i] != sort_t->pa[j])
		return sort_t->pa[i] < sort_t->pa[j] ? -1 : 1;
	if (sort_t->pe[i] != sort_t->pe[j])
		return sort_t->pe[i] < sort_t->pe[j] ? -1 : 1;
	return (i > j) - (i < j);
}

/* Count each actor once per event: later repeats go, with a notice naming them and their lines. */
static int drop_repeats(cm_twomode *t, const long *lines, const char *name, const char *unit)
{
	igraph_integer_t *order = malloc(((size_t)t->np + 1) * sizeof(*order)), repeats = 0, k = 0, q;
	char *gone = calloc((size_t)t->np + 1, 1);
	cm_strbuf b = { 0 };
	int rc = 0;

	if (!order || !gone) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t i = 0; i < t->np; i++)
		order[i] = i;
	sort_t = t;
	qsort(order, (size_t)t->np, sizeof(*order), cmp_part);
	/* q: the first row of the current run of one actor at one event */
	q = t->np ? order[0] : 0;
	for (igraph_integer_t i = 1; i < t->np; i++) {
		igraph_integer_t p = order[i];

		if (t->pa[p] != t->pa[q] || t->pe[p] != t->pe[q]) {
			q = p;
			continue;
		}
		gone[p] = 1;
		if (repeats < CM_NOTICE_NAMES &&
		    (rc = cm_strbuf_printf(&b, "%s'%s' at '%s' (%s %ld, first on %s %ld)", repeats ? ", " : "",
		                           cm_names_text(&t->actors, t->pa[p]), cm_names_text(&t->events, t->pe[p]),
		                           unit, lines[p], unit, lines[q])) < 0)
			goto done;
		repeats++;
	}
	if (!repeats)
		goto done;
	if ((rc = cm_strbuf_names_end(&b, (size_t)repeats)) < 0)
		goto done;
	cm_notice(dngettext(CM_TEXTDOMAIN, "%s: counted once %" PRId64 " repeated participation (the same actor "
	                     "at the same event; the first row's weight is kept): %s",
	                     "%s: counted once %" PRId64 " repeated participations (the same actor "
	                     "at the same event; the first row's weight is kept): %s", (unsigned long)repeats),
	          name, repeats, b.s);
	for (igraph_integer_t i = 0; i < t->np; i++) {
		if (gone[i]) {
			free(t->prole[i]);
			continue;
		}
		t->pa[k] = t->pa[i];
		t->pe[k] = t->pe[i];
		t->pw[k] = t->pw[i];
		t->prole[k] = t->prole[i];
		k++;
	}
	t->np = k;
done:
	cm_strbuf_free(&b);
	free(order);
	free(gone);
	return rc;
}

/* Say which ids of the participation table a given table lacks (they are added). */
static int absent_notice(const cm_names *names, igraph_integer_t from, const char *what,
                         const char *name, const char *table)
{
	igraph_integer_t added = names->n - from;
	cm_strbuf b = { 0 };
	int rc = 0;

	if (added <= 0)
		return 0;
	for (igraph_integer_t v = from; v < names->n && v < from + CM_NOTICE_NAMES; v++)
		if ((rc = cm_strbuf_name(&b, (size_t)(v - from), cm_names_text(names, v))) < 0)
			goto done;
	if ((rc = cm_strbuf_names_end(&b, (size_t)added)) < 0)
		goto done;
	if (!strcmp(what, "event"))
		cm_notice(dngettext(CM_TEXTDOMAIN, "%" PRId64 " event named in %s is not in %s: added %s",
		                    "%" PRId64 " events named in %s are not in %s: added %s", (unsigned long)added),
		          added, name, table, b.s);
	else
		cm_notice(dngettext(CM_TEXTDOMAIN, "%" PRId64 " actor named in %s is not in %s: added %s",
		                    "%" PRId64 " actors named in %s are not in %s: added %s", (unsigned long)added),
		          added, name, table, b.s);
done:
	cm_strbuf_free(&b);
	return rc;
}

/* Project (or build the two-mode graph of) t and run the pipeline; the year filters were applied to events. */
static int finish(cm_network **out, const cm_twomode *t, const char *name, const cm_load_options *opts)
{
	cm_filter f = opts->filter;
	igraph_t g;
	int rc;

	if (opts->directed)
		return cm_error_set(CM_EUSAGE, _("--directed does not apply to two-mode data (%s): "
		                    "taking part in an event has no direction"), name);
	rc = opts->bipartite ? cm_twomode_graph(&g, t, &f, name) : cm_twomode_project(&g, t, &f, name);
	if (rc < 0)
		return rc;
	f.has_from = f.has_to = 0;
	return cm_network_finish_ready(out, &g, name, &f, 0,
	                               CM_READY_NAMES | CM_READY_NUMBERS | CM_READY_MERGED | CM_READY_NUMERIC);
}

/* See load/twomode.h. */
int cm_load_twomode_csv(cm_network **out, char *buf, size_t len, const char *name, char default_delim,
                        const char *events_path, const char *nodes_path, const cm_load_options *opts)
{
	cm_twomode t = { 0 };
	cm_colmaps maps = { 0 };
	cm_csv c = { 0 };
	long *lines = NULL, *actor_lines = NULL;
	size_t lcap = 0, ncols;
	int *roles = NULL, at[CM_ROLE_COUNT], date, rc, added;
	igraph_integer_t listed_events = 0;

	*out = NULL;
	if ((rc = cm_colmaps_parse(&maps, opts->columns)) < 0)
		goto done;
	if (events_path && (rc = read_events(&t, events_path, &maps)) < 0)
		goto done;
	listed_events = t.events.n;
	if (nodes_path && (rc = read_actors(&t, nodes_path, &maps, &actor_lines)) < 0)
		goto done;
	rc = cm_csv_open_buffer(&c, buf, len, name, default_delim);
	buf = NULL;
	if (rc < 0 || (rc = read_roles(&roles, at, &date, &c, CM_TABLE_PARTICIPATIONS, &maps)) < 0 ||
	    (rc = need_column(&c, at, CM_ROLE_ACTOR, "a participation table names actor and event columns")) < 0 ||
	    (rc = need_column(&c, at, CM_ROLE_EVENT, "a participation table names actor and event columns")) < 0 ||
	    (rc = cm_colmaps_check(&maps, name, nodes_path)) < 0)
		goto done;
	ncols = c.nfields;
	t.has_role = at[CM_ROLE_PART_ROLE] >= 0;
	/* nothing is dropped unsaid: other columns have no place in actor-event data */
	for (size_t i = 0; i < ncols; i++)
		if (roles[i] == CM_ROLE_NONE || (roles[i] > CM_ROLE_NONE && roles[i] != CM_ROLE_ACTOR &&
		                                 roles[i] != CM_ROLE_EVENT && roles[i] != CM_ROLE_WEIGHT &&
		                                 roles[i] != CM_ROLE_YEAR && roles[i] != CM_ROLE_PART_ROLE))
			cm_notice(_("%s: column '%s' left out: a participation table holds actor, event, year (or "
			          "date), weight and role; put what describes an event in an event table, and "
			          "what describes an actor in an actor table"), name, c.fields[i]);
	while ((rc = cm_csv_next(&c)) == 1) {
		const char *actor, *event;
		igraph_integer_t a, e;
		double w = 1, y = NAN;

		if ((rc = check_width(&c, ncols)) < 0)
			goto done;
		actor = c.fields[at[CM_ROLE_ACTOR]];
		event = c.fields[at[CM_ROLE_EVENT]];
		if (!actor[0] || !event[0]) {
			rc = cm_error_set_at(CM_EINPUT, c.name, c.record_line, !actor[0] ? _("empty actor") : _("empty event"));
			goto done;
		}
		if (at[CM_ROLE_WEIGHT] >= 0 && c.fields[at[CM_ROLE_WEIGHT]][0]) {
			const char *ws = c.fields[at[CM_ROLE_WEIGHT]];

			if (cm_parse_number(&w, ws, c.delim != ',') < 0) {
				rc = cm_error_set_at(CM_EINPUT, c.name, c.record_line, _("weight '%s' is not a number"), ws);
				goto done;
			}
			if (!(w > 0) || !isfinite(w)) {
				rc = cm_error_set_at(CM_EINPUT, c.name, c.record_line, _("weight '%s' is not a positive number"), ws);
				goto done;
			}
		}
		if (at[CM_ROLE_YEAR] >= 0 && (rc = read_year(&y, &c, c.fields[at[CM_ROLE_YEAR]], date)) < 0)
			goto done;
		if ((rc = cm_names_add(&t.actors, actor, &a, &added)) < 0 ||
		    (rc = cm_twomode_event(&t, event, &e, &added)) < 0)
			goto done;
		if (!isnan(y)) {
			if (isnan(t.ev[e].year)) {
				t.ev[e].year = y;
			} else if (t.ev[e].year != y) {
				rc = cm_error_set_at(CM_EINPUT, c.name, c.record_line, _("event '%s' is dated %.0f here "
				                     "and %.0f %s: an event has one year"), event, y, t.ev[e].year,
				                     t.ev[e].line ? "in the event table" : "on an earlier row");
				goto done;
			}
		}
		if ((size_t)t.np >= lcap) {
			size_t ncap = lcap ? 2 * lcap : 256;
			long *l = realloc(lines, ncap * sizeof(*l));

			if (!l) {
				rc = cm_error_set(CM_ENOMEM, _("out of memory"));
				goto done;
			}
			lines = l;
			lcap = ncap;
		}
		lines[t.np] = c.record_line;
		if ((rc = cm_twomode_add(&t, a, e, w)) < 0)
			goto done;
		if (at[CM_ROLE_PART_ROLE] >= 0 && (t.prole[t.np - 1] = dup_text(c.fields[at[CM_ROLE_PART_ROLE]], &rc), rc < 0))
			goto done;
	}
	if (rc < 0)
		goto done;
	if (t.np == 0) {
		rc = cm_error_set_at(CM_EINPUT, name, 0, _("no participation: the table has a header and no row"));
		goto done;
	}
	if ((rc = drop_repeats(&t, lines, name, "line")) < 0)
		goto done;
	if (events_path && (rc = absent_notice(&t.events, listed_events, "event", name, events_path)) < 0)
		goto done;
	if (nodes_path && (rc = absent_notice(&t.actors, t.nlisted, "actor", name, nodes_path)) < 0)
		goto done;
	cm_csv_close(&c);
	rc = finish(out, &t, name, opts);
done:
	free(buf);
	free(roles);
	free(lines);
	free(actor_lines);
	cm_csv_close(&c);
	cm_colmaps_free(&maps);
	cm_twomode_free(&t);
	return rc;
}

/* See load/twomode.h. */
int cm_twomode_is_bipartite(const igraph_t *g)
{
	return cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, "bipartite") >= 0;
}

/* See load/twomode.h. */
int cm_load_twomode_graph(cm_network **out, igraph_t *g, const char *name, const cm_load_options *opts)
{
	cm_twomode t = { 0 };
	igraph_strvector_t bip, names, sv, attrs, roles;
	igraph_vector_t w;
	igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g), *idx = NULL;
	char *mode = NULL;
	int rc = 0, added;

	*out = NULL;
	igraph_strvector_init(&bip, 0);
	igraph_strvector_init(&names, 0);
	igraph_strvector_init(&sv, 0);
	igraph_strvector_init(&attrs, 0);
	igraph_strvector_init(&roles, 0);
	igraph_vector_init(&w, 0);
	if ((rc = cm_raw_map_names(g, name)) < 0 || (rc = cm_attr_as_strings(g, 0, "bipartite", &bip)) < 0 ||
	    (rc = cm_attr_as_strings(g, 0, CM_ATTR_ID, &names)) < 0)
		goto done;
	if (!(mode = malloc((size_t)n + 1)) || !(idx = malloc(((size_t)n + 1) * sizeof(*idx)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++) {
		const char *b = igraph_strvector_get(&bip, v), *id = igraph_strvector_get(&names, v);

		if (strcmp(b, "0") && strcmp(b, "1")) {
			rc = cm_error_set(CM_EINPUT, _("%s: vertex '%s' has bipartite '%s': two-mode graphs give "
			                  "every vertex bipartite 0 (actor) or 1 (event)"), name, id, b);
			goto done;
		}
		mode[v] = b[0] == '1';
		rc = mode[v] ? cm_twomode_event(&t, id, &idx[v], &added) : cm_names_add(&t.actors, id, &idx[v], &added);
		if (rc < 0)
			goto done;
	}
	/* actor attributes: every text attribute but the id and bipartite, for actors only */
	if ((rc = cm_attr_names(g, 0, &attrs)) < 0)
		goto done;
	t.nlisted = t.actors.n;
	if (!(t.attr_names = calloc((size_t)igraph_strvector_size(&attrs) + 1, sizeof(*t.attr_names))) ||
	    !(t.attr_values = calloc((size_t)igraph_strvector_size(&attrs) + 1, sizeof(*t.attr_values)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t k = 0; k < igraph_strvector_size(&attrs); k++) {
		const char *an = igraph_strvector_get(&attrs, k);
		size_t j = t.nattr;

		if (!strcmp(an, CM_ATTR_ID) || !strcmp(an, "bipartite") || !strcmp(an, CM_ATTR_LISTED))
			continue;
		if ((rc = cm_attr_as_strings(g, 0, an, &sv)) < 0)
			goto done;
		if (!(t.attr_names[j] = cm_strdup(an)) ||
		    !(t.attr_values[j] = calloc((size_t)t.nlisted + 1, sizeof(char *)))) {
			t.nattr = j + 1;
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
		t.nattr = j + 1;
		for (igraph_integer_t v = 0; v < n; v++) {
			const char *s = igraph_strvector_get(&sv, v);
			cm_event *ev = mode[v] ? &t.ev[idx[v]] : NULL;
			double y;

			if (!mode[v]) {
				if ((t.attr_values[j][idx[v]] = dup_text(s, &rc), rc < 0))
					goto done;
			} else if (!strcmp(an, CM_ATTR_LABEL) && !ev->label) {
				ev->label = dup_text(s, &rc);
			} else if ((!strcmp(an, CM_ATTR_KIND) || !strcmp(an, CM_ATTR_TYPE)) && !ev->kind) {
				ev->kind = dup_text(s, &rc);
			} else if (!strcmp(an, CM_ATTR_REGION) && !ev->region) {
				ev->region = dup_text(s, &rc);
			} else if ((!strcmp(an, CM_ATTR_YEAR) || !strcmp(an, "date")) && s[0] &&
			           cm_date_year(&y, s) == 0) {
				ev->year = y;
			}
			if (rc < 0)
				goto done;
		}
	}
	/* ties: one per participation, between an actor and an event */
	if (cm_attr_type(g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_WEIGHT) == IGRAPH_ATTRIBUTE_NUMERIC) {
		CM_IG(igraph_cattribute_EANV(g, CM_ATTR_WEIGHT, igraph_ess_all(IGRAPH_EDGEORDER_ID), &w), "reading weights");
	} else if (cm_attr_type(g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_WEIGHT) >= 0) {
		/* weights as text (the GEXF reader's): numbers, or an error naming the tie */
		if ((rc = cm_attr_as_strings(g, 1, CM_ATTR_WEIGHT, &sv)) < 0)
			goto done;
		CM_IG(igraph_vector_resize(&w, m), "reading weights");
		for (igraph_integer_t e = 0; e < m; e++) {
			const char *s = igraph_strvector_get(&sv, e);

			VECTOR(w)[e] = NAN;
			if (s[0] && cm_parse_number(&VECTOR(w)[e], s, 0) < 0) {
				rc = cm_error_set(CM_EINPUT, _("%s: tie %" PRId64 ": weight '%s' is not a number"), name, e + 1, s);
				goto done;
			}
		}
	}
	t.has_role = cm_attr_type(g, IGRAPH_ATTRIBUTE_EDGE, "role") >= 0;
	if (t.has_role && (rc = cm_attr_as_strings(g, 1, "role", &roles)) < 0)
		goto done;
	/* a participation's year dates its event (coopmap's own two-mode export puts it there) */
	if (cm_attr_type(g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_YEAR) >= 0 &&
	    (rc = cm_attr_as_strings(g, 1, CM_ATTR_YEAR, &sv)) < 0)
		goto done;
	for (igraph_integer_t e = 0; e < m; e++) {
		igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e), x;
		double wt = igraph_vector_size(&w) ? VECTOR(w)[e] : 1;

		if (mode[a] == mode[b]) {
			rc = cm_error_set(CM_EINPUT, mode[a] ? _("%s: tie %" PRId64 " joins two events ('%s' and '%s'): in a "
			                  "two-mode graph every tie joins an actor (bipartite 0) and an event (bipartite 1)")
			                  : _("%s: tie %" PRId64 " joins two actors ('%s' and '%s'): in a "
			                  "two-mode graph every tie joins an actor (bipartite 0) and an event (bipartite 1)"),
			                  name, e + 1, igraph_strvector_get(&names, a),
			                  igraph_strvector_get(&names, b));
			goto done;
		}
		if (mode[a])
			x = a, a = b, b = x;
		if (cm_attr_type(g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_YEAR) >= 0) {
			double y;
			cm_event *ev = &t.ev[idx[b]];

			if (cm_year_parse(&y, igraph_strvector_get(&sv, e), CM_YEAR_BLANK) < 0) {
				rc = cm_error_set(CM_EINPUT, _("%s: tie %" PRId64 " ('%s' at '%s'): year '%s' is not a whole number"),
				                  name, e + 1, igraph_strvector_get(&names, a), igraph_strvector_get(&names, b),
				                  igraph_strvector_get(&sv, e));
				goto done;
			}
			if (isnan(ev->year))
				ev->year = y;
		}
		if (isnan(wt))
			wt = 1;
		if (!(wt > 0) || !isfinite(wt)) {
			rc = cm_error_set(CM_EINPUT, _("%s: tie %" PRId64 " ('%s' at '%s'): weight is not a positive number"),
			                  name, e + 1, igraph_strvector_get(&names, a), igraph_strvector_get(&names, b));
			goto done;
		}
		if ((rc = cm_twomode_add(&t, idx[a], idx[b], wt)) < 0)
			goto done;
		if (t.has_role && (t.prole[t.np - 1] = dup_text(igraph_strvector_get(&roles, e), &rc), rc < 0))
			goto done;
	}
	igraph_destroy(g);
	g = NULL;
	{
		long *lines = calloc((size_t)t.np + 1, sizeof(*lines));

		if (!lines) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
		for (igraph_integer_t i = 0; i < t.np; i++)
			lines[i] = (long)(i + 1);
		rc = drop_repeats(&t, lines, name, "tie");
		free(lines);
		if (rc < 0)
			goto done;
	}
	rc = finish(out, &t, name, opts);
done:
	if (g)
		igraph_destroy(g);
	free(mode);
	free(idx);
	igraph_strvector_destroy(&bip);
	igraph_strvector_destroy(&names);
	igraph_strvector_destroy(&sv);
	igraph_strvector_destroy(&attrs);
	igraph_strvector_destroy(&roles);
	igraph_vector_destroy(&w);
	cm_twomode_free(&t);
	return rc;
}
