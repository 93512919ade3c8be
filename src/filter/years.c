/* The year filters: dated ties in range, and the actors they leave out. */
#include <math.h>
#include <stdlib.h>

#include "coopmap/common.h"
#include "coopmap/network.h"
#include "filter/years.h"
#include "model/raw.h"
#include "model/year.h"

/* Non-zero when f has a year filter. */
int cm_years_active(const cm_filter *f)
{
	return f->has_from || f->has_to;
}

/* Non-zero when a tie of year y is in the range of f (undated ties are not, once filtered). */
int cm_years_keep(const cm_filter *f, double y)
{
	if (!cm_years_active(f))
		return 1;
	return !isnan(y) && !(f->has_from && y < f->from) && !(f->has_to && y > f->to);
}

/* Flag the ties the year filters leave out, and the actors left without ties or joined too late. */
int cm_years_flag(igraph_integer_t *undated, char *flags, char *vflags, const igraph_t *g,
                  const cm_filter *f, const double *year)
{
	igraph_integer_t m = igraph_ecount(g), n = igraph_vcount(g), considered = 0;
	int listed, joined;
	char *had;

	*undated = 0;
	if (!cm_years_active(f))
		return 0;
	listed = cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_LISTED) == IGRAPH_ATTRIBUTE_NUMERIC;
	joined = cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_YEAR) == IGRAPH_ATTRIBUTE_STRING;
	/* had[v]: 1 had ties, 2 still has some */
	had = calloc((size_t)n + 1, 1);
	if (!had)
		return cm_error_set(CM_ENOMEM, "out of memory");
	for (igraph_integer_t e = 0; e < m; e++) {
		if (flags[e])
			continue;
		considered++;
		had[IGRAPH_FROM(g, e)] = had[IGRAPH_TO(g, e)] = 1;
		if (isnan(year[e]))
			(*undated)++;
		if (!cm_years_keep(f, year[e]))
			flags[e] = 1;
	}
	/* no year at all: every tie would go, an empty network that says nothing */
	if (considered > 0 && *undated == considered) {
		free(had);
		return cm_error_set(CM_EINPUT, "%s: no tie has a year (no year column, or every year empty): "
		                    "the year filters need one", f->has_from && f->has_to && f->from == f->to ?
		                    "--year" : f->has_to ? "--to" : "--from");
	}
	for (igraph_integer_t e = 0; e < m; e++)
		if (!flags[e])
			had[IGRAPH_FROM(g, e)] = had[IGRAPH_TO(g, e)] = 2;
	for (igraph_integer_t v = 0; v < n; v++) {
		double joined_year;

		if (had[v] == 1 && !(listed && VAN(g, CM_ATTR_LISTED, v) != 0))
			vflags[v] = 1;
		if (joined && f->has_to &&
		    cm_year_parse(&joined_year, VAS(g, CM_ATTR_YEAR, v), CM_YEAR_BLANK) == 0 &&
		    !isnan(joined_year) && joined_year > f->to)
			vflags[v] = 1;
	}
	free(had);
	return 0;
}
