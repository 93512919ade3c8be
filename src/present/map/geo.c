/* The geographic layout (--layout geo): Lambert-93 positions, overseas insets, co-located actors spread. */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "present/map/geo.h"
#include "coopmap/common.h"
#include "coopmap/text.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "load/centres.h"
#include "present/map/group.h"
#include "present/map/map.h"
#include "present/map/outline.h"
#include "base/i18n.h"

/*
 * Lambert-93 (EPSG:2154), France's official projection: Lambert conformal
 * conic on the GRS80 ellipsoid, standard parallels 44 and 49 degrees N,
 * origin 46.5 N 3 E at (700,000 m, 6,600,000 m).  Formulas in docs/maps.md.
 */
static void lambert93(double *x, double *y, double lat_deg, double lon_deg)
{
	const double a = 6378137.0, f = 1 / 298.257222101, deg = M_PI / 180;
	const double e = sqrt(2 * f - f * f);
	const double phi0 = 46.5 * deg, phi1 = 44 * deg, phi2 = 49 * deg, lambda0 = 3 * deg;
	double m1, m2, t0, t1, t2, t, n, F, rho0, rho, phi = lat_deg * deg;

#define LCC_M(p) (cos(p) / sqrt(1 - e * e * sin(p) * sin(p)))
#define LCC_T(p) (tan(M_PI / 4 - (p) / 2) / pow((1 - e * sin(p)) / (1 + e * sin(p)), e / 2))
	m1 = LCC_M(phi1);
	m2 = LCC_M(phi2);
	t0 = LCC_T(phi0);
	t1 = LCC_T(phi1);
	t2 = LCC_T(phi2);
	t = LCC_T(phi);
#undef LCC_M
#undef LCC_T
	n = (log(m1) - log(m2)) / (log(t1) - log(t2));
	F = m1 / (n * pow(t1, n));
	rho0 = a * F * pow(t0, n);
	rho = a * F * pow(t, n);
	*x = 700000 + rho * sin(n * (lon_deg * deg - lambda0));
	*y = 6600000 + rho0 - rho * cos(n * (lon_deg * deg - lambda0));
}

/* The overseas centre nearest to a point (in degrees; only used to pick an inset). */
static const cm_centre *nearest_inset(const cm_centres *t, double lat, double lon)
{
	const cm_centre *best = NULL;
	double bd = 0;

	for (size_t i = 0; i < t->n; i++) {
		double dlat = t->c[i].lat - lat, dlon = (t->c[i].lon - lon) * cos(lat * M_PI / 180);
		double d = dlat * dlat + dlon * dlon;

		if (t->c[i].inset >= 0 && (!best || d < bd)) {
			best = &t->c[i];
			bd = d;
		}
	}
	return best;
}

/* Map scale: points per kilometre of Lambert-93. */
#define GEO_PT_PER_KM 1.2
/* Insets: west of Brittany, from the north down, this far apart (metres). */
#define INSET_X (-80000.0)
#define INSET_TOP 7000000.0
#define INSET_STEP 190000.0

/* Projected position of a point, in metres: Lambert-93, or its place in an inset (whose number is returned, else -1). */
static int geo_project(double *x, double *y, const cm_centres *t, double lat, double lon)
{
	const cm_centre *c;

	if (cm_centres_in_metropole(lat, lon) || !(c = nearest_inset(t, lat, lon))) {
		lambert93(x, y, lat, lon);
		return -1;
	}
	/* equirectangular around the inset's centre (an inset is a few hundred km) */
	*x = INSET_X + 6371000.0 * cos(c->lat * M_PI / 180) * (lon - c->lon) * M_PI / 180;
	*y = INSET_TOP - INSET_STEP * c->inset + 6371000.0 * (lat - c->lat) * M_PI / 180;
	return c->inset;
}

/* A coordinate attribute of v as a number (string or numeric attribute); 0 when missing or invalid. */
static int vertex_degrees(double *out, const igraph_t *graph, const char *attr, int numeric,
                          igraph_integer_t v, double limit)
{
	if (numeric)
		*out = VAN(graph, attr, v);
	else if (cm_parse_number(out, VAS(graph, attr, v), 1) < 0)
		return 0;
	return isfinite(*out) && fabs(*out) <= limit;
}

/* Per-vertex base points, before co-located actors are spread (see cm_map_geo_plan). */
typedef struct {
	double x, y;
	igraph_integer_t v;
} geo_point;

/* qsort: points by position, then vertex. */
static int cmp_geo_point(const void *a, const void *b)
{
	const geo_point *p = a, *q = b;

	if (p->x != q->x)
		return p->x < q->x ? -1 : 1;
	if (p->y != q->y)
		return p->y < q->y ? -1 : 1;
	return (p->v > q->v) - (p->v < q->v);
}

/*
 * Positions for --layout geo, in points: actors with lat/lon at their
 * projected place, the others at their region's centre, else at the mean
 * of their placed neighbours, else in a row under the map.  Actors sharing
 * a point are spread on a sunflower spiral turned by the seed.
 */
int cm_map_geo_plan(map_plan *p, const char *centres_path)
{
	const igraph_t *graph = &p->net->graph;
	igraph_integer_t n = igraph_vcount(graph), bad = 0, by_region = 0, by_neighbours = 0, unplaced = 0;
	cm_centres t = { 0 };
	cm_strbuf bad_names = { 0 };
	geo_point *pts = NULL;
	char *placed = NULL, *used = NULL;
	int rc, has_lat = igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_VERTEX, "lat") &&
	                  igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_VERTEX, "lon");
	int lat_num = has_lat && !cm_map_has_string_vattr(graph, "lat"), lon_num = has_lat && !cm_map_has_string_vattr(graph, "lon");
	int has_region = cm_map_has_string_vattr(graph, CM_ATTR_REGION);
	igraph_vector_int_t nb = { 0 };
	double xmin = 0, ymin = 0, spacing, turn = (double)(p->seed % 360) * M_PI / 180;

	if ((rc = cm_centres_load(&t, centres_path)) < 0)
		goto done;
	pts = calloc((size_t)n + 1, sizeof(*pts));
	placed = calloc((size_t)n + 1, 1);
	used = calloc((size_t)t.n_insets + 1, 1);
	p->xy = calloc(2 * (size_t)n + 1, sizeof(*p->xy));
	if (!pts || !placed || !used || !p->xy || igraph_vector_int_init(&nb, 0) != IGRAPH_SUCCESS) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++) {
		double lat, lon;
		const cm_centre *c;
		int inset;

		pts[v].v = v;
		if (has_lat && vertex_degrees(&lat, graph, "lat", lat_num, v, 90) &&
		    vertex_degrees(&lon, graph, "lon", lon_num, v, 180)) {
			if ((inset = geo_project(&pts[v].x, &pts[v].y, &t, lat, lon)) >= 0)
				used[inset] = 1;
			placed[v] = 1;
			continue;
		}
		if (has_lat && ((lat_num ? !isnan(VAN(graph, "lat", v)) : VAS(graph, "lat", v)[0] != '\0') ||
		                (lon_num ? !isnan(VAN(graph, "lon", v)) : VAS(graph, "lon", v)[0] != '\0')) &&
		    (rc = cm_strbuf_name(&bad_names, (size_t)bad++, VAS(graph, CM_ATTR_ID, v))) < 0)
			goto done;
		if (has_region && (c = cm_centres_find(&t, VAS(graph, CM_ATTR_REGION, v))) != NULL) {
			if ((inset = geo_project(&pts[v].x, &pts[v].y, &t, c->lat, c->lon)) >= 0)
				used[inset] = 1;
			placed[v] = 1;
			by_region++;
		}
	}
	/* the others next to their placed neighbours; a few passes reach chains of them */
	for (int pass = 0; pass < 3; pass++) {
		for (igraph_integer_t v = 0; v < n; v++) {
			double sx = 0, sy = 0;
			igraph_integer_t k = 0;

			if (placed[v])
				continue;
			CM_IG(igraph_neighbors(graph, &nb, v, IGRAPH_ALL), "placing actors on the map");
			for (igraph_integer_t i = 0; i < igraph_vector_int_size(&nb); i++) {
				igraph_integer_t u = VECTOR(nb)[i];

				if (placed[u] == 1) {
					sx += pts[u].x;
					sy += pts[u].y;
					k++;
				}
			}
			if (k) {
				pts[v].x = sx / (double)k;
				pts[v].y = sy / (double)k;
				placed[v] = 2;  /* not used for others in this pass: the order would matter */
				by_neighbours++;
			}
		}
		for (igraph_integer_t v = 0; v < n; v++)
			if (placed[v] == 2)
				placed[v] = 1;
	}
	for (igraph_integer_t v = 0, first = 1; v < n; v++) {
		if (!placed[v])
			continue;
		if (first || pts[v].x < xmin)
			xmin = pts[v].x;
		if (first || pts[v].y < ymin)
			ymin = pts[v].y;
		first = 0;
	}
	/* nowhere to put them: a row under the map, 60 km apart */
	for (igraph_integer_t v = 0; v < n; v++) {
		if (placed[v])
			continue;
		pts[v].x = xmin + 60000.0 * (double)(unplaced % 20);
		pts[v].y = ymin - 120000.0 - 60000.0 * (double)(unplaced / 20);
		unplaced++;
	}
	/* spread actors sharing a point, so that each can be seen */
	spacing = (n > LARGE_ACTORS ? 0.15 : 0.45) * 72 / GEO_PT_PER_KM * 1000;
	qsort(pts, (size_t)n, sizeof(*pts), cmp_geo_point);
	for (igraph_integer_t i = 0, k = 0; i < n; i++) {
		igraph_integer_t v = pts[i].v;
		double r, a;

		k = i > 0 && pts[i].x == pts[i - 1].x && pts[i].y == pts[i - 1].y ? k + 1 : 0;
		r = spacing * sqrt((double)k);
		a = turn + 2.399963229728653 * (double)k; /* the golden angle */
		p->xy[2 * v] = (pts[i].x + r * cos(a)) / 1000 * GEO_PT_PER_KM;
		p->xy[2 * v + 1] = (pts[i].y + r * sin(a)) / 1000 * GEO_PT_PER_KM;
	}
	if (bad && (rc = cm_strbuf_names_end(&bad_names, (size_t)bad)) < 0)
		goto done;
	if (bad)
		cm_notice(dngettext(CM_TEXTDOMAIN, "%" PRId64 " actor with an invalid lat/lon placed like actors without one: %s",
		                    "%" PRId64 " actors with an invalid lat/lon placed like actors without one: %s",
		                    (unsigned long)bad),
		          bad, bad_names.s);
	p->geo_by_region = by_region;
	p->geo_by_neighbours = by_neighbours;
	p->geo_unplaced = unplaced;
	/* the regions' outlines under the actors: the metropole's, and the overseas regions' whose inset is shown */
	p->outline = malloc((2 * cm_france_outline_n + 1) * sizeof(*p->outline));
	p->outline_ring = malloc((cm_france_outline_n + 1) * sizeof(*p->outline_ring));
	p->outline_region = malloc((cm_france_outline_n + 1) * sizeof(*p->outline_region));
	if (!p->outline || !p->outline_ring || !p->outline_region) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (size_t i = 0; i < cm_france_outline_n; i++) {
		double x, y;
		int inset;

		inset = geo_project(&x, &y, &t, cm_france_outline[i].lat, cm_france_outline[i].lon);
		if (inset >= 0 && !used[inset])
			continue;
		p->outline[2 * p->n_outline] = x / 1000 * GEO_PT_PER_KM;
		p->outline[2 * p->n_outline + 1] = y / 1000 * GEO_PT_PER_KM;
		p->outline_region[p->n_outline] = cm_france_outline[i].region;
		p->outline_ring[p->n_outline++] = cm_france_outline[i].ring;
	}
	/* the insets in use, for the caption */
	for (size_t i = 0; i < t.n; i++) {
		if (t.c[i].inset < 0 || !used[t.c[i].inset])
			continue;
		if ((p->insets.len && cm_strbuf_puts(&p->insets, ", ") < 0) ||
		    cm_strbuf_puts(&p->insets, t.c[i].region) < 0) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
	}
done:
	igraph_vector_int_destroy(&nb);
	cm_strbuf_free(&bad_names);
	cm_centres_free(&t);
	free(pts);
	free(placed);
	free(used);
	return rc;
}
