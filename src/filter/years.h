/* The year filters: --year, --from, --to (filter/years.c). */
#ifndef COOPMAP_FILTER_YEARS_H
#define COOPMAP_FILTER_YEARS_H

#include <igraph.h>

#include "coopmap/filter.h"

/* Non-zero when f has a year filter (--year, --from or --to). */
int cm_years_active(const cm_filter *f);

/*
 * Non-zero when a tie that started in `start` (NaN: undated) and ended in
 * `end` (NaN: ongoing) was active at some time in the range of f's year
 * filters (docs/input.md, "Dates").
 */
int cm_years_keep(const cm_filter *f, double start, double end);

/*
 * Apply the year filters of f to the ties of g not yet flagged: count the
 * undated ones (*undated; they are flagged unless f->keep_undated) and flag
 * those not active in the range; then flag in vflags (one per actor) the
 * actors known only through ties (CM_ATTR_LISTED 0) that lost them all,
 * and the actors whose text "year" is after the range or whose text "end"
 * is before it.  year and end (NULL: no end) hold the ties' start and end
 * years.  Does nothing when f has no year filter.  0 or CM_ENOMEM.
 */
int cm_years_flag(igraph_integer_t *undated, char *flags, char *vflags, const igraph_t *g,
                  const cm_filter *f, const double *year, const double *end);

#endif
