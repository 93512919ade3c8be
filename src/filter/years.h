/* The year filters: --year, --from, --to (filter/years.c). */
#ifndef COOPMAP_FILTER_YEARS_H
#define COOPMAP_FILTER_YEARS_H

#include <igraph.h>

#include "coopmap/filter.h"

/* Non-zero when f has a year filter (--year, --from or --to). */
int cm_years_active(const cm_filter *f);

/* Non-zero when a tie of year y (NaN: undated) is in the range of f's year filters. */
int cm_years_keep(const cm_filter *f, double y);

/*
 * Apply the year filters of f to the ties of g not yet flagged: flag the
 * undated ones (counted in *undated) and those out of range; then flag in
 * vflags (one per actor) the actors that had ties and lost them all,
 * unless listed in an actor table (CM_ATTR_LISTED), and the actors whose
 * text "year" (when they have one) is after --to.  year holds the ties'
 * years.  Does nothing when f has no year filter.  0 or CM_ENOMEM.
 */
int cm_years_flag(igraph_integer_t *undated, char *flags, char *vflags, const igraph_t *g,
                  const cm_filter *f, const double *year);

#endif
