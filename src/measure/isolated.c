/*
 * coopmap isolated: which actors of a type (cités by default) are cut off
 * from their peers, and why.  Definitions in docs/analysis.md.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/isolated.h"
#include "coopmap/network.h"
#include "coopmap/table.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "filter/project.h"
#include "measure/focus.h"
#include "model/raw.h"
#include "base/i18n.h"

/* What is known about one focus actor. */
struct iso_row {
	igraph_integer_t v;
	const char *id, *region;
	igraph_integer_t degree, peer_ties, peers2, region_total, interregional, component, level;
	int only_own_region; /* every neighbour is in the actor's region */
	igraph_integer_t alone; /* two-mode: events attended, when no other participant came to any; else 0 */
};

/* Most isolated first: level desc, peers_2_steps asc, degree asc, id. */
static int iso_row_cmp(const void *pa, const void *pb)
{
	const struct iso_row *a = pa, *b = pb;

	if (a->level != b->level)
		return a->level > b->level ? -1 : 1;
	if (a->peers2 != b->peers2)
		return a->peers2 < b->peers2 ? -1 : 1;
	if (a->degree != b->degree)
		return a->degree < b->degree ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* Compare region pointers' text, for counting actors per region. */
static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The number of focus actors in `region` (sorted holds every focus actor's region). */
static igraph_integer_t region_total(const char **sorted, size_t n, const char *region)
{
	size_t lo = 0, hi = n, first;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(sorted[mid], region) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	first = lo;
	while (lo < n && !strcmp(sorted[lo], region))
		lo++;
	return (igraph_integer_t)(lo - first);
}

/* Write the human-readable reasons of one row. */
static int iso_reasons(cm_strbuf *b, const struct iso_row *r, const char *type, int min_size)
{
	int is_cite = !strcmp(type, CM_DEFAULT_FOCUS_TYPE);
	int rc = 0;

	b->len = 0;
	if ((rc = cm_strbuf_add(b, "", 0)) < 0)
		return rc;
	if (r->degree == 0 && r->alone)
		rc = cm_strbuf_printf(b, R_("no tie at all: alone at every event it attended (%ld)"), (long)r->alone);
	else if (r->degree == 0)
		rc = cm_strbuf_puts(b, R_("no tie at all"));
	else if (r->peers2 == 0)
		rc = is_cite ? cm_strbuf_puts(b, R_("no peer cité within two steps"))
		             : cm_strbuf_printf(b, R_("no peer of type '%s' within two steps"), type);
	if (rc < 0)
		return rc;
	if (r->region[0] && r->region_total < min_size) {
		if (b->len && (rc = cm_strbuf_puts(b, R_("; "))) < 0)
			return rc;
		if (is_cite)
			rc = cm_strbuf_printf(b, RN_("region below critical mass: %ld cité < %d",
			                             "region below critical mass: %ld cités < %d", r->region_total),
			                      (long)r->region_total, min_size);
		else
			rc = cm_strbuf_printf(b, R_("region below critical mass: %ld of type '%s' < %d"),
			                      (long)r->region_total, type, min_size);
		if (rc < 0)
			return rc;
	}
	if (r->degree > 0 && r->region[0] && r->interregional == 0) {
		if (b->len && (rc = cm_strbuf_puts(b, R_("; "))) < 0)
			return rc;
		rc = cm_strbuf_puts(b, r->only_own_region ? R_("ties only inside its own region")
		                                          : R_("no tie to another region"));
	}
	return rc;
}

/* Build the output table from the sorted rows. */
static int iso_table(cm_table **out, const cm_network *net, const struct iso_row *rows,
                     size_t n_rows, const char *type, int min_size)
{
	static const char *const names[] = {
		N_("id"), N_("label"), N_("type"), N_("region"), N_("degree"), N_("peer_ties"),
		N_("peers_2_steps"), N_("regional_peers"), N_("interregional_ties"), N_("component_size"),
		N_("level"), N_("reasons")
	};
	cm_table *t = NULL;
	cm_strbuf reasons = { 0 };
	int rc = 0;

	if ((rc = cm_table_new(&t)) < 0)
		goto done;
	for (size_t c = 0; c < sizeof(names) / sizeof(names[0]); c++) {
		cm_coltype ct = (c < 4 || c == 11) ? CM_COL_STRING : CM_COL_INT;

		if ((rc = cm_table_add_column(t, names[c], ct)) < 0)
			goto done;
	}
	if ((rc = cm_table_add_rows(t, n_rows)) < 0)
		goto done;
	for (size_t i = 0; i < n_rows; i++) {
		const struct iso_row *r = &rows[i];

		if ((rc = cm_table_set_string(t, i, 0, r->id)) < 0 ||
		    (rc = cm_table_set_string(t, i, 1, cm_network_vattr(net, CM_ATTR_LABEL, r->v))) < 0 ||
		    (rc = cm_table_set_string(t, i, 2, type)) < 0 ||
		    (rc = cm_table_set_string(t, i, 3, r->region)) < 0)
			goto done;
		cm_table_set_number(t, i, 4, (double)r->degree);
		cm_table_set_number(t, i, 5, (double)r->peer_ties);
		cm_table_set_number(t, i, 6, (double)r->peers2);
		cm_table_set_number(t, i, 7, r->region[0] ? (double)(r->region_total - 1) : NAN);
		cm_table_set_number(t, i, 8, r->region[0] ? (double)r->interregional : NAN);
		cm_table_set_number(t, i, 9, (double)r->component);
		cm_table_set_number(t, i, 10, (double)r->level);
		if ((rc = iso_reasons(&reasons, r, type, min_size)) < 0 ||
		    (rc = cm_table_set_string(t, i, 11, reasons.s)) < 0)
			goto done;
	}
	*out = t;
	t = NULL;
done:
	cm_table_free(t);
	cm_strbuf_free(&reasons);
	return rc;
}

/* Compute the isolation of the focus actors: as a table (out) or as levels by vertex (levels). */
static int isolated_run(cm_table **out, int **levels, const cm_network *net, const char *type,
                        int min_size)
{
	igraph_integer_t n = cm_network_actors(net), stamp_no = 0;
	igraph_adjlist_t adj = { 0 };
	igraph_vector_int_t membership = { 0 }, csize = { 0 };
	igraph_integer_t *stamp = NULL;
	char *is_focus = NULL;
	const char **regions = NULL;
	struct iso_row *rows = NULL;
	size_t n_rows = 0;
	int rc = 0, two_mode = cm_attr_type(&net->graph, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_EVENTS_ATTENDED) ==
	                       IGRAPH_ATTRIBUTE_NUMERIC &&
	                       cm_attr_type(&net->graph, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_EVENTS_ALONE) ==
	                       IGRAPH_ATTRIBUTE_NUMERIC;

	if (out)
		*out = NULL;
	if (levels)
		*levels = NULL;
	if (!type)
		type = CM_DEFAULT_FOCUS_TYPE;
	if (min_size < 0) {
		rc = cm_error_set(CM_EUSAGE, _("the critical mass must be positive, not %d"), min_size);
		goto done;
	}
	if (min_size == 0)
		min_size = CM_DEFAULT_MIN_SIZE;
	/* timeline and diff ask for levels year by year: the notices are for isolated's own run */
	if ((rc = out ? cm_analysis_focus_type(net, type) : cm_analysis_check_type(net, type)) < 0)
		goto done;

	CM_IG(igraph_adjlist_init(&net->graph, &adj, IGRAPH_ALL, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE),
	      "listing neighbours");
	CM_IG(igraph_vector_int_init(&membership, 0), "finding components");
	CM_IG(igraph_vector_int_init(&csize, 0), "finding components");
	CM_IG(igraph_connected_components(&net->graph, &membership, &csize, NULL, IGRAPH_WEAK),
	      "finding components");

	is_focus = calloc((size_t)n + 1, 1);
	stamp = calloc((size_t)n + 1, sizeof(*stamp));
	regions = calloc((size_t)n + 1, sizeof(*regions));
	rows = calloc((size_t)n + 1, sizeof(*rows));
	if (!is_focus || !stamp || !regions || !rows) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++) {
		if (strcmp(cm_network_vattr(net, CM_ATTR_TYPE, v), type))
			continue;
		is_focus[v] = 1;
		regions[n_rows] = cm_network_vattr(net, CM_ATTR_REGION, v);
		rows[n_rows++].v = v;
	}
	qsort(regions, n_rows, sizeof(*regions), str_cmp);

	for (size_t i = 0; i < n_rows; i++) {
		struct iso_row *r = &rows[i];
		igraph_vector_int_t *nb = igraph_adjlist_get(&adj, r->v);
		igraph_integer_t deg = igraph_vector_int_size(nb);

		if (cm_interrupted()) {
			rc = cm_error_set(CM_EINTERRUPTED, _("interrupted"));
			goto done;
		}
		r->id = cm_network_vattr(net, CM_ATTR_ID, r->v);
		r->region = cm_network_vattr(net, CM_ATTR_REGION, r->v);
		r->degree = deg;
		r->component = VECTOR(csize)[VECTOR(membership)[r->v]];
		r->region_total = r->region[0] ? region_total(regions, n_rows, r->region) : 0;
		r->only_own_region = 1;
		/* two-mode input: an actor whose every event had no other participant (the projection hides why) */
		if (two_mode) {
			double att = VAN(&net->graph, CM_ATTR_EVENTS_ATTENDED, r->v);

			if (att > 0 && VAN(&net->graph, CM_ATTR_EVENTS_ALONE, r->v) == att)
				r->alone = (igraph_integer_t)att;
		}
		/* a fresh stamp marks the actor and everyone within two steps once */
		stamp_no++;
		stamp[r->v] = stamp_no;
		for (igraph_integer_t k = 0; k < deg; k++) {
			igraph_integer_t u = VECTOR(*nb)[k];
			const char *ur = cm_network_vattr(net, CM_ATTR_REGION, u);

			stamp[u] = stamp_no;
			r->peer_ties += is_focus[u];
			r->peers2 += is_focus[u];
			if (r->region[0] && ur[0] && strcmp(ur, r->region))
				r->interregional++;
			if (strcmp(ur, r->region))
				r->only_own_region = 0;
		}
		for (igraph_integer_t k = 0; k < deg; k++) {
			igraph_vector_int_t *nb2 = igraph_adjlist_get(&adj, VECTOR(*nb)[k]);

			for (igraph_integer_t j = 0; j < igraph_vector_int_size(nb2); j++) {
				igraph_integer_t w = VECTOR(*nb2)[j];

				if (stamp[w] == stamp_no)
					continue;
				stamp[w] = stamp_no;
				r->peers2 += is_focus[w];
			}
		}
		if (r->degree == 0)
			r->level = 3;
		else if (r->peers2 == 0)
			r->level = 2;
		else if (r->region[0] && (r->region_total < min_size || r->interregional == 0))
			r->level = 1;
	}
	if (levels) {
		if (!(*levels = malloc(((size_t)n + 1) * sizeof(**levels)))) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
		for (igraph_integer_t v = 0; v < n; v++)
			(*levels)[v] = -1;
		for (size_t i = 0; i < n_rows; i++)
			(*levels)[rows[i].v] = rows[i].level;
	}
	if (out) {
		qsort(rows, n_rows, sizeof(*rows), iso_row_cmp);
		rc = iso_table(out, net, rows, n_rows, type, min_size);
	}
done:
	cm_adjlist_free(&adj);
	igraph_vector_int_destroy(&membership);
	igraph_vector_int_destroy(&csize);
	free(is_focus);
	free(stamp);
	free(regions);
	free(rows);
	return rc;
}

int cm_isolated_compute(cm_table **out, const cm_network *net, const char *type, int min_size)
{
	return isolated_run(out, NULL, net, type, min_size);
}

int cm_isolated_levels(int **out, const cm_network *net, const char *type, int min_size)
{
	return isolated_run(NULL, out, net, type, min_size);
}
