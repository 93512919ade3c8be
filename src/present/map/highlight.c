/*
 * What --highlight marks: isolated actors of the focus type and the top
 * brokers (rings), the proposed interregional clubs (colours and boxes), or
 * the ties coopmap suggest proposes to the isolated actors (dotted lines).
 */
#include <errno.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "present/map/highlight.h"
#include "coopmap/brokers.h"
#include "coopmap/clubs.h"
#include "coopmap/common.h"
#include "coopmap/isolated.h"
#include "coopmap/regions.h"
#include "coopmap/render.h"
#include "coopmap/suggest.h"
#include "coopmap/table.h"
#include "model/names.h"
#include "present/map/group.h"
#include "present/map/map.h"
#include "base/i18n.h"

/* Lowest isolation level marked: 2 (no peer of the focus type within two steps) or 3 (no tie). */
#define ISOLATED_MIN_LEVEL 2

/* Does any actor have the type? */
static int has_type(const igraph_t *graph, const char *type)
{
	if (!cm_map_has_string_vattr(graph, CM_ATTR_TYPE))
		return 0;
	for (igraph_integer_t v = 0; v < igraph_vcount(graph); v++)
		if (!strcmp(VAS(graph, CM_ATTR_TYPE, v), type))
			return 1;
	return 0;
}

/* Mark the focus actors at isolation level ISOLATED_MIN_LEVEL or more (cm_isolated_levels). */
static int mark_isolated(map_plan *p)
{
	igraph_integer_t n = igraph_vcount(&p->net->graph);
	int *level = NULL, rc;

	if ((rc = cm_isolated_levels(&level, p->net, p->focus, 0)) < 0)
		return rc;
	for (igraph_integer_t v = 0; v < n; v++)
		if (level[v] >= ISOLATED_MIN_LEVEL) {
			p->mark[v] |= MARK_ISOLATED;
			p->n_isolated++;
		}
	free(level);
	return 0;
}

/*
 * Mark the top_brokers actors with the most brokerage between groups
 * (cm_brokers_compute, by region: the ranking of coopmap brokers); none at zero.
 */
static int mark_brokers(map_plan *p)
{
	cm_brokers b = { 0 };
	int rc;

	if ((rc = cm_brokers_compute(&b, p->net, NULL)) < 0)
		goto done;
	/* the ranking is the table's order, most brokerage first */
	for (igraph_integer_t i = 0; i < b.n_actors && p->n_brokers < p->top_brokers; i++) {
		igraph_integer_t v = b.ranking[i];

		if (!(b.between[v] > 0))
			break;
		p->mark[v] |= MARK_BROKER;
		p->n_brokers++;
	}
done:
	cm_brokers_free(&b);
	return rc;
}

/* Colour (and cluster) the focus actors by their proposed interregional club. */
static int group_clubs(map_plan *p, const char *regions_path)
{
	igraph_integer_t n = igraph_vcount(&p->net->graph);
	cm_regions *regions = NULL;
	cm_clubs clubs = { 0 };
	cm_names ids = { 0 };
	const char **vals = NULL;
	int rc;

	if (!regions_path) {
		rc = cm_error_set(CM_EUSAGE, _("--highlight clubs needs the region adjacency (--regions FILE, "
		                             "e.g. graphs/regions-fr.csv)"));
		goto done;
	}
	if ((rc = cm_regions_load(&regions, regions_path)) < 0)
		goto done;
	if ((rc = cm_clubs_compute(&clubs, p->net, regions, p->focus, 0)) < 0 ||
	    (rc = cm_names_index(&ids, p->net)) < 0)
		goto done;
	if (!(vals = malloc(((size_t)n + 1) * sizeof(*vals)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++)
		vals[v] = "";
	for (size_t c = 0; c < clubs.n_clubs; c++)
		for (size_t k = 0; k < clubs.clubs[c].n_members; k++) {
			igraph_integer_t v = cm_names_get(&ids, clubs.clubs[c].members[k]);

			if (v >= 0)
				vals[v] = clubs.clubs[c].name;
		}
	p->n_clubs = clubs.n_clubs;
	cm_map_grouping_free(&p->colors);
	/* cm_map_group_values() copies the names: the clubs can go */
	if ((rc = cm_map_group_values(&p->colors, vals, n, _("interregional club"), MAX_NAMED)) < 0)
		goto done;
	p->colors.unknown = _("not in a club");
	p->colors.max_chars = 90;
	rc = cm_map_group_values(&p->club_groups, vals, n, "club", MAX_NAMED);
done:
	free(vals);
	cm_names_free(&ids);
	cm_clubs_free(&clubs);
	cm_regions_free(regions);
	return rc;
}

/*
 * The ties coopmap suggest proposes to the focus actors at isolation level
 * ISOLATED_MIN_LEVEL or more, SUGGEST_PER_ACTOR each (with the region
 * adjacency when there is one), as pairs of vertices.
 */
static int plan_suggestions(map_plan *p, const char *regions_path)
{
	cm_regions *regions = NULL;
	cm_suggest_options so;
	cm_table *t = NULL;
	cm_names ids = { 0 };
	int rc;

	cm_suggest_options_default(&so);
	so.type = p->focus;
	so.level = ISOLATED_MIN_LEVEL;
	so.top = SUGGEST_PER_ACTOR;
	if (regions_path && (rc = cm_regions_load(&regions, regions_path)) < 0)
		goto done;
	so.regions = regions;
	if ((rc = cm_suggest_compute(&t, p->net, &so)) < 0 || (rc = cm_names_index(&ids, p->net)) < 0)
		goto done;
	if (!(p->suggested = malloc((2 * cm_table_nrows(t) + 1) * sizeof(*p->suggested)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (size_t i = 0; i < cm_table_nrows(t); i++) {
		igraph_integer_t a = cm_names_get(&ids, cm_table_get_string(t, i, 0));
		igraph_integer_t b = cm_names_get(&ids, cm_table_get_string(t, i, 2));

		if (a < 0 || b < 0)
			continue;
		if (i == 0 || strcmp(cm_table_get_string(t, i, 0), cm_table_get_string(t, i - 1, 0)))
			p->n_suggesting++;
		p->suggested[2 * p->n_suggested] = a;
		p->suggested[2 * p->n_suggested + 1] = b;
		p->n_suggested++;
	}
done:
	cm_names_free(&ids);
	cm_table_free(t);
	cm_regions_free(regions);
	return rc;
}

/* Parse --highlight and compute what it marks. */
int cm_map_plan_highlight(map_plan *p, const cm_render_options *o)
{
	const igraph_t *graph = &p->net->graph;
	const char *h = o->highlight;
	int want_isolated = 0, want_brokers = 0, want_clubs = 0, want_suggestions = 0, rc = 0;

	p->focus = o->focus_type && o->focus_type[0] ? o->focus_type : CM_DEFAULT_FOCUS_TYPE;
	p->top_brokers = CM_RENDER_TOP_BROKERS;
	if (!h) {
		/* the default map shows the isolated actors of the focus type, when there are some */
		/* ... but a change map keeps its rings for the actors that joined */
		want_isolated = !p->change && has_type(graph, p->focus);
	} else {
		const char *s = h;

		while (*s) {
			size_t len = strcspn(s, ",");

			if (len == 4 && !strncmp(s, "none", 4))
				;
			else if (len == 8 && !strncmp(s, "isolated", 8))
				want_isolated = 1;
			else if (len == 5 && !strncmp(s, "clubs", 5))
				want_clubs = 1;
			else if (len == 11 && !strncmp(s, "suggestions", 11))
				want_suggestions = 1;
			else if (len == 7 && !strncmp(s, "brokers", 7))
				want_brokers = 1;
			else if (len > 8 && !strncmp(s, "brokers:", 8)) {
				char num[24], *end;
				long k;

				snprintf(num, sizeof(num), "%.*s", (int)(len - 8 < 23 ? len - 8 : 23), s + 8);
				errno = 0;
				k = strtol(num, &end, 10);
				if (errno || *end || end == num || k < 1 || len - 8 > 10)
					return cm_error_set(CM_EUSAGE, _("--highlight '%s': brokers:N needs a whole number N >= 1"), h);
				p->top_brokers = (igraph_integer_t)k;
				want_brokers = 1;
			} else {
				return cm_error_set(CM_EUSAGE, _("unknown --highlight value '%.*s' "
				                    "(use isolated, brokers, brokers:N, clubs, suggestions or none, separated by commas)"),
				                    (int)len, s);
			}
			s += len;
			if (*s == ',')
				s++;
		}
	}
	if (!(p->mark = calloc((size_t)igraph_vcount(graph) + 1, 1)))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	if (!want_isolated && !want_brokers && !want_clubs && !want_suggestions)
		return 0;
	p->show_isolated = want_isolated;
	p->show_brokers = want_brokers;
	p->show_clubs = want_clubs;
	p->show_suggestions = want_suggestions;
	if (want_isolated && (rc = mark_isolated(p)) < 0)
		return rc;
	if (want_brokers && (rc = mark_brokers(p)) < 0)
		return rc;
	if (want_clubs && (rc = group_clubs(p, o->regions_path)) < 0)
		return rc;
	if (want_suggestions && (rc = plan_suggestions(p, o->regions_path)) < 0)
		return rc;
	return 0;
}
