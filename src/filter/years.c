/* The year filters: dated ties in range, and the actors they leave out. */
#include <math.h>
#include <stdlib.h>

#include "coopmap/common.h"
#include "coopmap/network.h"
#include "filter/years.h"
#include "model/raw.h"
#include "model/year.h"
#include "base/i18n.h"

/* Non-zero when f has a year filter. */
int cm_years_active(const cm_filter *f)
{
	return f->has_from || f->has_to;
}

/*
 * Non-zero when a tie that started in `start` and ended in `end` (NaN:
 * ongoing) was active at some time in the range of f: started by its end
 * (--to) and not ended before its start (--from; for --to alone, the end
 * of that year).  An undated tie is kept only with keep_undated, as present
 * throughout.
 */
int cm_years_keep(const cm_filter *f, double start, double end)
{
	double low;

	if (!cm_years_active(f))
		return 1;
	if (isnan(start) && !f->keep_undated)
		return 0;
	if (f->has_to && !isnan(start) && start > f->to)
		return 0;
	low = f->has_from ? f->from : f->to;
	return isnan(end) || end >= low;
}

/* The year of actor v's text attribute attr, or NaN when absent or not a year. */
static double actor_year(const igraph_t *g, int has, const char *attr, igraph_integer_t v)
{
	double y = NAN;

	if (!has || cm_year_parse(&y, VAS(g, attr, v), CM_YEAR_BLANK) < 0)
		return NAN;
	return y;
}

/* Flag the ties the year filters leave out, and the actors left without ties or joined too late. */
int cm_years_flag(igraph_integer_t *undated, char *flags, char *vflags, const igraph_t *g,
                  const cm_filter *f, const double *year, const double *end)
{
	igraph_integer_t m = igraph_ecount(g), n = igraph_vcount(g), considered = 0;
	int listed, joined, left;
	char *had;

	*undated = 0;
	if (!cm_years_active(f))
		return 0;
	listed = cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_LISTED) == IGRAPH_ATTRIBUTE_NUMERIC;
	joined = cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_YEAR) == IGRAPH_ATTRIBUTE_STRING;
	left = cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_END) == IGRAPH_ATTRIBUTE_STRING;
	/* had[v]: 1 had ties, 2 still has some */
	had = calloc((size_t)n + 1, 1);
	if (!had)
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	for (igraph_integer_t e = 0; e < m; e++) {
		if (flags[e])
			continue;
		considered++;
		had[IGRAPH_FROM(g, e)] = had[IGRAPH_TO(g, e)] = 1;
		if (isnan(year[e]))
			(*undated)++;
		if (!cm_years_keep(f, year[e], end ? end[e] : NAN))
			flags[e] = 1;
	}
	/* no year at all: every tie would go, an empty network that says nothing */
	if (!f->keep_undated && considered > 0 && *undated == considered) {
		free(had);
		return cm_error_set(CM_EINPUT, _("%s: no tie has a year (no year column, or every year empty): "
		                    "the year filters need one"), f->has_from && f->has_to && f->from == f->to ?
		                    "--year" : f->has_to ? "--to" : "--from");
	}
	for (igraph_integer_t e = 0; e < m; e++)
		if (!flags[e])
			had[IGRAPH_FROM(g, e)] = had[IGRAPH_TO(g, e)] = 2;
	for (igraph_integer_t v = 0; v < n; v++) {
		double from = actor_year(g, joined, CM_ATTR_YEAR, v), until = actor_year(g, left, CM_ATTR_END, v);

		/*
		 * Only actors known through ties alone go with their ties: an
		 * actor table, or a format that declares every node (no listed
		 * attribute), makes an actor present without a tie.
		 */
		if (had[v] == 1 && listed && VAN(g, CM_ATTR_LISTED, v) == 0)
			vflags[v] = 1;
		/* an actor is present while it has started and not ended, as a tie */
		if (!isnan(from) && f->has_to && from > f->to)
			vflags[v] = 1;
		if (!isnan(until) && until < (f->has_from ? f->from : f->to))
			vflags[v] = 1;
	}
	free(had);
	return 0;
}
