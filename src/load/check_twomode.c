/*
 * coopmap check of two-mode data (docs/twomode.md): a participation table
 * with its event table, or a graph whose vertices carry "bipartite", read
 * into participations and events; then the problems of participations
 * (absent actors, unknown events, repeats) and of events (size, lone
 * participants, years, near duplicates, kinds, regions).  The actors are
 * read and checked by check.c, as for one-mode data.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "base/error.h"
#include "load/check_internal.h"
#include "model/columns.h"
#include "model/raw.h"
#include "base/i18n.h"

/* The row of event id, adding one (line 0) when new; NULL on out of memory. */
static event_row *event_of(checker *k, const char *id, int *added)
{
	igraph_integer_t v;
	event_row *p;

	if (cm_names_add(&k->evids, id, &v, added) < 0)
		return NULL;
	if (!*added)
		return &k->events[v];
	if (!(p = cm_check_grow(k->events, &k->ne_cap, k->ne, sizeof(*p))))
		return NULL;
	k->events = p;
	memset(&k->events[k->ne], 0, sizeof(k->events[0]));
	k->events[k->ne].id = id;
	k->events[k->ne].label = k->events[k->ne].year = k->events[k->ne].kind = k->events[k->ne].region = "";
	return &k->events[k->ne++];
}

/* A record of the event table as an event row; see load/check_internal.h. */
int cm_check_event_record(checker *k, const cm_csv *c, const int *at)
{
	const char *id = cm_check_field(c, at, CM_ROLE_EVENT);
	event_row *e;
	int added;

	if (!id[0])
		return cm_error_set_at(CM_EINPUT, c->name, c->record_line, _("empty event id"));
	if (!(e = event_of(k, id, &added)))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	if (!added)
		return cm_error_set_at(CM_EINPUT, c->name, c->record_line,
		                       _("event '%s' is listed twice (first on line %ld)"), id, e->line);
	e->label = cm_check_field(c, at, CM_ROLE_LABEL);
	e->year = cm_check_field(c, at, CM_ROLE_YEAR);
	e->kind = cm_check_field(c, at, CM_ROLE_KIND);
	if (!e->kind[0])
		e->kind = cm_check_field(c, at, CM_ROLE_TYPE);
	e->region = cm_check_field(c, at, CM_ROLE_REGION);
	e->line = c->record_line;
	return 0;
}

/* A record of the participation table as the next participation; see load/check_internal.h. */
int cm_check_part_record(checker *k, const cm_csv *c, const int *at)
{
	part_row p = { cm_check_field(c, at, CM_ROLE_ACTOR), cm_check_field(c, at, CM_ROLE_EVENT),
	               cm_check_field(c, at, CM_ROLE_YEAR), c->record_line }, *parts;

	if (!p.actor[0] || !p.event[0])
		return cm_check_add(k, CM_CHECK_EMPTY_PART, k->out->edges_name, p.line, "%s%s%s%s%s",
		                    !p.actor[0] ? _("empty actor") : _("empty event"), p.actor[0] || p.event[0] ? " (" : "",
		                    p.actor[0] ? p.actor : p.event, p.actor[0] || p.event[0] ? ")" : "",
		                    !p.actor[0] ? _(": give the actor's id") : _(": give the event's id"));
	if (!(parts = cm_check_grow(k->parts, &k->np_cap, k->np, sizeof(*parts))))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	k->parts = parts;
	parts[k->np++] = p;
	return 0;
}

/* Read a two-mode raw graph; see load/check_internal.h. */
int cm_check_read_raw_twomode(checker *k, const igraph_t *g)
{
	igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g), *row = NULL;
	const char *name = k->out->edges_name;
	int rc, added;

	k->two_mode = 1;
	if ((rc = cm_check_raw_start(k, g)) < 0 || (rc = cm_check_raw_text(k, 6, g, 0, "bipartite")) < 0 ||
	    (rc = cm_check_raw_text(k, 7, g, 0, CM_ATTR_YEAR)) < 0 || (rc = cm_check_raw_text(k, 8, g, 0, "date")) < 0 ||
	    (rc = cm_check_raw_text(k, 9, g, 0, CM_ATTR_KIND)) < 0)
		return rc;
	if (!(k->parts = calloc((size_t)m + 1, sizeof(*k->parts))) || !(row = malloc(((size_t)n + 1) * sizeof(*row))))
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
			row[v] = (igraph_integer_t)k->na;
			rc = cm_check_raw_actor(k, v);
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

/* Participations: absent actors, unknown events, repeats; each event's participants, first one and year. */
static int check_parts(checker *k)
{
	const char *pf = k->out->edges_name;
	cm_names absent = { 0 };
	check_pairs pairs = { 0 };
	int rc, added;

	cm_names_init(&absent);
	if ((rc = cm_check_pairs_init(&pairs, k->np)) < 0)
		goto done;
	for (size_t i = 0; i < k->np && rc == 0; i++) {
		const part_row *p = &k->parts[i];
		event_row *e;
		long first;

		if ((rc = cm_check_named(k, &absent, pf, p->line, p->actor, 1)) < 0)
			goto done;
		if (!(e = event_of(k, p->event, &added))) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
		if (added) {
			const char *near = k->out->events_name && !k->raw ? cm_check_closest(k, CHECK_EVENTS, p->event) : NULL;

			if (k->out->events_name && !k->raw &&
			    (rc = cm_check_add(k, CM_CHECK_UNKNOWN_EVENT, pf, p->line, _("event '%s' is not in %s (added, "
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
		if ((rc = cm_check_pair(&first, &pairs, p->actor, p->event, p->line)) < 0)
			goto done;
		if (!first)
			e->n++;
		else
			rc = cm_check_add(k, CM_CHECK_REPEATED_PART, pf, p->line, k->raw ? _("'%s' at '%s' repeats tie %ld")
			                  : _("'%s' at '%s' repeats line %ld"), p->actor, p->event, first);
	}
done:
	cm_names_free(&absent);
	cm_check_pairs_free(&pairs);
	return rc;
}

/* Events: too many participants, fewer than two, and no year where others have one. */
static int check_events(checker *k, int max_size)
{
	size_t dated = 0, undated = 0;
	int rc = 0, undated_said = 0;

	for (size_t i = 0; i < k->ne; i++) {
		if (cm_check_has_year(k->events[i].year))
			dated++;
		else if (k->events[i].n)
			undated++;
	}
	for (size_t i = 0; i < k->ne && rc == 0; i++) {
		const event_row *e = &k->events[i];
		const char *file;
		long line;

		cm_check_place(k, CHECK_EVENTS, i, &file, &line);
		if (e->n == 0) {
			/* in the event table but nobody took part: it makes no tie */
			rc = cm_check_add(k, CM_CHECK_ALONE, file, line, _("event '%s' has no participant"), e->id);
			continue;
		}
		if (max_size > 0 && e->n > (size_t)max_size)
			rc = cm_check_add(k, CM_CHECK_BIG_EVENT, file, line,
			                  dngettext(CM_TEXTDOMAIN, "event '%s' has %zu participants, more than --max-event-size %d "
			                            "(%zu tie between them): raise the limit to project it anyway",
			                            "event '%s' has %zu participants, more than --max-event-size %d "
			                            "(%zu ties between them): raise the limit to project it anyway",
			                            (unsigned long)(e->n * (e->n - 1) / 2)),
			                  e->id, e->n, max_size, e->n * (e->n - 1) / 2);
		if (rc == 0 && e->n == 1)
			rc = cm_check_add(k, CM_CHECK_ALONE, file, line, _("event '%s' has one participant, '%s'"), e->id,
			                  e->first_actor);
		if (rc == 0 && dated && !cm_check_has_year(e->year)) {
			/* a few undated events among dated ones are listed; many make one line, at the first */
			if (undated <= dated)
				rc = cm_check_add(k, CM_CHECK_UNDATED_EVENT, file, line,
				                  dngettext(CM_TEXTDOMAIN, "event '%s' has no year, where %zu event has one: --year, "
				                            "--from and --to leave it out", "event '%s' has no year, where %zu events "
				                            "have one: --year, --from and --to leave it out", (unsigned long)dated),
				                  e->id, dated);
			else if (!undated_said++)
				rc = cm_check_add(k, CM_CHECK_UNDATED_EVENT, file, line,
				                  dngettext(CM_TEXTDOMAIN, "%zu events have no year (the first '%s'), where %zu has one: "
				                            "--year, --from and --to leave them out", "%zu events have no year (the first "
				                            "'%s'), where %zu have one: --year, --from and --to leave them out",
				                            (unsigned long)dated), undated, e->id, dated);
		}
	}
	return rc;
}

/* The two-mode checks; see load/check_internal.h. */
int cm_check_twomode(checker *k, int max_size, const cm_regions *regions, const char *regions_name)
{
	int rc;

	if ((rc = check_parts(k)) < 0 || (rc = check_events(k, max_size)) < 0)
		return rc;
	if (k->ne > CHECK_PAIRWISE_MAX) {
		/* pair by pair is quadratic: say what was not looked at */
		cm_notice(_("%s: %zu events: near-duplicate ids and labels not compared (at most %d events)"),
		          k->out->edges_name, k->ne, CHECK_PAIRWISE_MAX);
		cm_notice(_("%s: %zu events: kind spellings not compared (at most %d events)"), k->out->edges_name,
		          k->ne, CHECK_PAIRWISE_MAX);
	} else if ((rc = cm_check_near_rows(k, CHECK_EVENTS, CHECK_ID)) < 0 ||
	           (rc = cm_check_near_rows(k, CHECK_EVENTS, CHECK_LABEL)) < 0 ||
	           (rc = cm_check_spelling_rows(k, CHECK_EVENTS)) < 0) {
		return rc;
	}
	return regions ? cm_check_region_rows(k, CHECK_EVENTS, regions, regions_name) : 0;
}
