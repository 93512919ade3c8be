/*
 * The tie pipeline: from a raw graph of any reader to a cm_network, through
 * the model's attributes (model/) and the filters (years, merge, select).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/network.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "filter/filter.h"
#include "filter/merge.h"
#include "filter/project.h"
#include "filter/select.h"
#include "filter/years.h"
#include "model/raw.h"
#include "base/i18n.h"

/* Whether loading found something that `coopmap check` lists. */
static int problems;

/* Note that loading found something that `coopmap check` lists. */
void cm_filter_note_problem(void)
{
	problems = 1;
}

/* Read and clear the note. */
int cm_filter_take_problems(void)
{
	int p = problems;

	problems = 0;
	return p;
}

/* Add the i-th tie a - b to a notice's list (the first CM_NOTICE_NAMES only). */
int cm_ties_name(cm_strbuf *b, size_t i, const char *a, const char *c)
{
	if (i >= CM_NOTICE_NAMES)
		return 0;
	return cm_strbuf_printf(b, "%s'%s' - '%s'", i ? ", " : "", a, c);
}

/* Tell what the pipeline left out or merged. */
void cm_ties_notices(igraph_integer_t loops, igraph_integer_t undated, igraph_integer_t actors,
                     const char *actor_names, igraph_integer_t merged, const char *merged_names,
                     igraph_integer_t light)
{
	if (loops || undated || merged)
		cm_filter_note_problem();
	if (loops)
		cm_notice(dngettext(CM_TEXTDOMAIN, "dropped %" PRId64 " self-loop (ties of an actor with itself)",
		                     "dropped %" PRId64 " self-loops (ties of an actor with itself)", (unsigned long)loops),
		          loops);
	if (undated)
		cm_notice(dngettext(CM_TEXTDOMAIN, "left out %" PRId64 " undated tie (no year) because of the year filter",
		                     "left out %" PRId64 " undated ties (no year) because of the year filter",
		                     (unsigned long)undated), undated);
	if (actors)
		cm_notice(dngettext(CM_TEXTDOMAIN, "left out %" PRId64 " actor with no tie in the years kept%s%s",
		                     "left out %" PRId64 " actors with no tie in the years kept%s%s", (unsigned long)actors),
		          actors, actor_names ? _(": ") : "", actor_names ? actor_names : "");
	if (merged)
		cm_notice(dngettext(CM_TEXTDOMAIN, "merged %" PRId64 " repeated tie (weights added up)%s%s",
		                     "merged %" PRId64 " repeated ties (weights added up)%s%s", (unsigned long)merged),
		          merged, merged_names ? _(": ") : "", merged_names ? merged_names : "");
	if (light)
		cm_notice(dngettext(CM_TEXTDOMAIN, "left out %" PRId64 " tie lighter than the minimum weight",
		                     "left out %" PRId64 " ties lighter than the minimum weight", (unsigned long)light),
		          light);
}

/* End 0 or 1 of tie e: source then target, or for an undirected tie the earlier actor first. */
static igraph_integer_t tie_end(const igraph_t *g, igraph_integer_t e, int which)
{
	igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);

	if (!igraph_is_directed(g) && a > b)
		return which ? a : b;
	return which ? b : a;
}

/*
 * The tie pipeline, in one pass over the ties and a single deletion:
 * self-loops go; --year/--from/--to keep dated ties in range and drop the
 * actors known only through ties that lost them all (and actors that joined
 * after --to); repeated ties merge; --min-weight drops light merged ties
 * (their actors stay).
 */
static int pipeline_prune(igraph_t *g, const cm_filter *f, int directed)
{
	igraph_integer_t m, n, loops = 0, undated = 0, merged = 0, light = 0, count, dated = 0;
	igraph_vector_t weight = { 0 }, year = { 0 }, end = { 0 };
	int has_end = cm_attr_type(g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_END) == IGRAPH_ATTRIBUTE_NUMERIC;
	igraph_vector_int_t ends = { 0 };
	char *flags = NULL, *vflags = NULL, *before = NULL;
	cm_strbuf names = { 0 }, pairs = { 0 };
	igraph_bool_t multiple = 0;
	int rc = 0;

	CM_IG(igraph_vector_int_init(&ends, 0), "merging ties");
	CM_IG(igraph_vector_init(&weight, 0), "reading weights");
	CM_IG(igraph_vector_init(&year, 0), "reading years");
	/* a directed input is made undirected unless asked, merging both directions */
	if (igraph_is_directed(g) && !directed)
		CM_IG(igraph_to_undirected(g, IGRAPH_TO_UNDIRECTED_EACH, NULL), "making ties undirected");
	m = igraph_ecount(g);
	n = igraph_vcount(g);
	flags = calloc((size_t)m + 1, 1);
	vflags = calloc((size_t)n + 1, 1);
	if (!flags || !vflags) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	CM_IG(igraph_cattribute_EANV(g, CM_ATTR_WEIGHT, igraph_ess_all(IGRAPH_EDGEORDER_ID), &weight), "reading weights");
	CM_IG(igraph_cattribute_EANV(g, CM_ATTR_YEAR, igraph_ess_all(IGRAPH_EDGEORDER_ID), &year), "reading years");
	if (has_end) {
		CM_IG(igraph_vector_init(&end, 0), "reading end years");
		CM_IG(igraph_cattribute_EANV(g, CM_ATTR_END, igraph_ess_all(IGRAPH_EDGEORDER_ID), &end),
		      "reading end years");
	}
	for (igraph_integer_t e = 0; e < m; e++) {
		dated += !isnan(VECTOR(year)[e]);
		if (IGRAPH_FROM(g, e) == IGRAPH_TO(g, e)) {
			flags[e] = 1;
			loops++;
		}
	}
	/* undated ties among dated ones: what check lists, for its hint */
	if (dated && dated < m)
		cm_filter_note_problem();
	if ((rc = cm_years_flag(&undated, flags, vflags, g, f, VECTOR(year), has_end ? VECTOR(end) : NULL)) < 0)
		goto done;
	/* most ties undated: the year filters keep only the few dated ones (all undated: refused) */
	if (!f->keep_undated && undated && 2 * undated > m - loops) {
		cm_filter_note_problem();
		cm_notice(dngettext(CM_TEXTDOMAIN, "left out %" PRId64 " undated ties of %" PRId64 " (no year) because of "
		                     "the year filter: only %" PRId64 " has a year (--keep-undated keeps them)",
		                     "left out %" PRId64 " undated ties of %" PRId64 " (no year) because of "
		                     "the year filter: only %" PRId64 " have a year (--keep-undated keeps them)",
		                     (unsigned long)(m - loops - undated)),
		          undated, m - loops, m - loops - undated);
		undated = 0;
	}
	if (f->keep_undated && undated) {
		cm_notice(dngettext(CM_TEXTDOMAIN, "kept %" PRId64 " undated tie (no year) as present in every year (--keep-undated)",
		                     "kept %" PRId64 " undated ties (no year) as present in every year (--keep-undated)",
		                     (unsigned long)undated), undated);
		undated = 0;
	}
	/* igraph's index finds repeats cheaply; the merge itself needs a table */
	CM_IG(igraph_has_multiple(g, &multiple), "looking for repeated ties");
	if (multiple) {
		CM_IG(igraph_get_edgelist(g, &ends, 0), "merging ties");
		if (!(before = malloc((size_t)m + 1))) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
		memcpy(before, flags, (size_t)m);
		if ((rc = cm_ties_merge(&ends, igraph_is_directed(g), flags, VECTOR(weight),
		                        VECTOR(year), &merged)) < 0)
			goto done;
		/* name the repeats merged away, the first few */
		for (igraph_integer_t e = 0, k = 0; e < m && k < CM_NOTICE_NAMES; e++)
			if (flags[e] && !before[e] &&
			    (rc = cm_ties_name(&pairs, (size_t)k++, VAS(g, CM_ATTR_ID, tie_end(g, e, 0)),
			                       VAS(g, CM_ATTR_ID, tie_end(g, e, 1)))) < 0)
				goto done;
		if ((rc = cm_strbuf_names_end(&pairs, (size_t)merged)) < 0)
			goto done;
	}
	cm_filter_min_weight(&light, flags, VECTOR(weight), m, f->min_weight);
	if (merged) {
		CM_IG(igraph_cattribute_EAN_setv(g, CM_ATTR_WEIGHT, &weight), "merging ties");
		CM_IG(igraph_cattribute_EAN_setv(g, CM_ATTR_YEAR, &year), "merging ties");
	}
	if ((rc = cm_filter_delete_edges(&count, g, flags)) < 0)
		goto done;
	for (igraph_integer_t v = 0, k = 0; v < n; v++)
		if (vflags[v] && (rc = cm_strbuf_name(&names, (size_t)k++, VAS(g, CM_ATTR_ID, v))) < 0)
			goto done;
	if ((rc = cm_filter_delete_vertices(&count, g, vflags)) < 0 ||
	    (rc = cm_strbuf_names_end(&names, (size_t)count)) < 0)
		goto done;
	cm_ties_notices(loops, undated, count, names.s, merged, pairs.s, light);
done:
	cm_strbuf_free(&names);
	cm_strbuf_free(&pairs);
	free(before);
	free(flags);
	free(vflags);
	igraph_vector_int_destroy(&ends);
	igraph_vector_destroy(&weight);
	igraph_vector_destroy(&year);
	igraph_vector_destroy(&end);
	return rc;
}

/* The pipeline for a raw graph with nothing ensured. */
int cm_network_finish(cm_network **out, igraph_t *raw, const char *source,
                      const cm_filter *filter, int directed)
{
	return cm_network_finish_ready(out, raw, source, filter, directed, 0);
}

/* The pipeline, skipping the checks that `ready` says the reader made. */
int cm_network_finish_ready(cm_network **out, igraph_t *raw, const char *source,
                            const cm_filter *filter, int directed, unsigned ready)
{
	static const cm_filter none;
	const cm_filter *f = filter ? filter : &none;
	igraph_t g = *raw;
	int rc = 0, owned = 1;

	*out = NULL;
	if (!(ready & CM_READY_NAMES) && (rc = cm_raw_map_names(&g, source)) < 0)
		goto done;
	if ((rc = cm_raw_normalize(&g, source, ready)) < 0)
		goto done;
	/* merged ties and no tie filter: the tie pipeline would find nothing to do */
	if ((!(ready & CM_READY_MERGED) || cm_years_active(f) || f->min_weight > 0) &&
	    (rc = pipeline_prune(&g, f, directed)) < 0)
		goto done;
	if (f->where_attr && (rc = cm_filter_where(&g, f, source)) < 0)
		goto done;
	if (f->ego && (rc = cm_filter_ego(&g, f, source)) < 0)
		goto done;
	/* two-mode: the events and participations of the actors kept */
	if ((rc = cm_twomode_recount(&g)) < 0)
		goto done;
	cm_attr_remove(&g, 0, CM_ATTR_LISTED);
	owned = 0;
	rc = cm_network_adopt(out, &g, source);
done:
	if (owned)
		igraph_destroy(&g);
	return rc;
}
