/*
 * coopmap timeline: the network as it stood at the end of each year, and
 * what changed from one year to the next.  Definitions in docs/change.md.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/diff.h"
#include "coopmap/isolated.h"
#include "base/error.h"
#include "measure/diff.h"
#include "base/i18n.h"

static const char *const timeline_columns[] = {
	N_("year"), N_("actors"), N_("ties"), N_("density"), N_("components"), N_("largest_component"),
	N_("isolated"), N_("ties_new"), N_("ties_lost"), N_("tie_jaccard")
};
enum { T_YEAR, T_ACTORS, T_TIES, T_DENSITY, T_COMPONENTS, T_LARGEST, T_ISOLATED, T_NEW, T_LOST,
       T_JACCARD, T_COUNT };

/* Notices of the yearly loads are not shown: they repeat the first load's, year by year. */
static void drop_notice(void *ctx, const char *message)
{
	(void)ctx;
	(void)message;
}

/* The first and last tie years of a network, and its undated ties. */
static void year_range(int *first, int *last, igraph_integer_t *undated, const cm_network *net)
{
	const igraph_t *g = &net->graph;
	int have = 0;

	*undated = 0;
	*first = *last = 0;
	if (!igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_YEAR))
		return;
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
		double y = EAN(g, CM_ATTR_YEAR, e);

		if (isnan(y)) {
			(*undated)++;
		} else if (!have || y < *first || y > *last) {
			if (!have || y < *first)
				*first = (int)y;
			if (!have || y > *last)
				*last = (int)y;
			have = 1;
		}
	}
}

/* Fill one row of the timeline from the network at the end of that year. */
static int year_row(cm_table *t, size_t r, int year, const cm_network *net, const cm_network *prev,
                    const char *type)
{
	igraph_vector_int_t csize = { 0 };
	igraph_integer_t ncomp = 0, largest = 0;
	int *level = NULL, rc = 0;
	double density = NAN;

	cm_table_set_number(t, r, T_YEAR, year);
	cm_table_set_number(t, r, T_ACTORS, (double)cm_network_actors(net));
	cm_table_set_number(t, r, T_TIES, (double)cm_network_ties(net));
	CM_IG(igraph_density(&net->graph, &density, 0), "computing the density");
	cm_table_set_number(t, r, T_DENSITY, density);
	CM_IG(igraph_vector_int_init(&csize, 0), "finding components");
	CM_IG(igraph_connected_components(&net->graph, NULL, &csize, &ncomp, IGRAPH_WEAK),
	      "finding components");
	if (ncomp > 0)
		largest = igraph_vector_int_max(&csize);
	cm_table_set_number(t, r, T_COMPONENTS, (double)ncomp);
	cm_table_set_number(t, r, T_LARGEST, (double)largest);
	rc = cm_isolated_levels(&level, net, type, 0);
	if (rc == CM_EUSAGE) {
		/* no actor of the focus type this year: the cell stays empty */
		cm_error_clear();
		rc = 0;
		cm_table_set_number(t, r, T_ISOLATED, NAN);
	} else if (rc < 0) {
		goto done;
	} else {
		igraph_integer_t k = 0;

		for (igraph_integer_t v = 0; v < cm_network_actors(net); v++)
			k += level[v] >= 2;
		cm_table_set_number(t, r, T_ISOLATED, (double)k);
	}
	if (prev) {
		cm_diff_network dn = { 0 };

		if ((rc = cm_diff_ties(&dn, prev, net)) < 0)
			goto done;
		cm_table_set_number(t, r, T_NEW, (double)dn.ties_new);
		cm_table_set_number(t, r, T_LOST, (double)dn.ties_lost);
		cm_table_set_number(t, r, T_JACCARD, dn.tie_jaccard);
	} else {
		cm_table_set_number(t, r, T_NEW, NAN);
		cm_table_set_number(t, r, T_LOST, NAN);
		cm_table_set_number(t, r, T_JACCARD, NAN);
	}
done:
	free(level);
	igraph_vector_int_destroy(&csize);
	return rc;
}

int cm_timeline_compute(cm_table **out, igraph_integer_t *undated, const char *input,
                        const cm_load_options *opts, int first, int last, const char *type)
{
	cm_load_options o = *opts;
	cm_network *all = NULL, *prev = NULL, *cur = NULL;
	cm_notice_fn old_fn = NULL;
	void *old_ctx = NULL;
	cm_table *t = NULL;
	int data_first, data_last, rc = 0, muted = 0;

	*out = NULL;
	*undated = 0;
	o.filter.has_from = o.filter.has_to = 0;
	/* once without year filters: the years present, and the notices of the input */
	if ((rc = cm_network_load(&all, input, &o)) < 0)
		goto done;
	year_range(&data_first, &data_last, undated, all);
	if (!first)
		first = data_first;
	if (!last)
		last = data_last;
	if (!first || !last) {
		rc = cm_error_set(CM_EINPUT, _("%s: no tie has a year: a timeline needs dated ties"), all->source);
		goto done;
	}
	if (first > last) {
		rc = cm_error_set(CM_EUSAGE, _("the first year %d is after the last year %d"), first, last);
		goto done;
	}
	if (last - first > 1000) {
		rc = cm_error_set(CM_EUSAGE, _("%d years from %d to %d: a timeline has at most 1001 rows"),
		                  last - first + 1, first, last);
		goto done;
	}
	if ((rc = cm_table_new(&t)) < 0)
		goto done;
	for (int c = 0; c < T_COUNT; c++)
		if ((rc = cm_table_add_column(t, timeline_columns[c], c == T_DENSITY || c == T_JACCARD
		                                                      ? CM_COL_REAL : CM_COL_INT)) < 0)
			goto done;
	if ((rc = cm_table_add_rows(t, (size_t)(last - first + 1))) < 0)
		goto done;
	cm_notice_get_handler(&old_fn, &old_ctx);
	cm_notice_set_handler(drop_notice, NULL);
	muted = 1;
	for (int y = first; y <= last; y++) {
		if (cm_interrupted()) {
			rc = cm_error_set(CM_EINTERRUPTED, _("interrupted"));
			goto done;
		}
		o.filter.has_to = 1;
		o.filter.to = y;
		if ((rc = cm_network_load(&cur, input, &o)) < 0 ||
		    (rc = year_row(t, (size_t)(y - first), y, cur, prev, type)) < 0)
			goto done;
		cm_network_free(prev);
		prev = cur;
		cur = NULL;
	}
	*out = t;
	t = NULL;
done:
	if (muted)
		cm_notice_set_handler(old_fn, old_ctx);
	cm_table_free(t);
	cm_network_free(all);
	cm_network_free(prev);
	cm_network_free(cur);
	return rc;
}
