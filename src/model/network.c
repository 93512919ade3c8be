/* The network model: the common loading pipeline, accessors and the name table. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "coopmap/common.h"
#include "coopmap/filter.h"
#include "coopmap/load.h"
#include "coopmap/network.h"
#include "coopmap/table.h"
#include "coopmap/text.h"
#include "base/error.h"
#include "base/file.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "filter/filter.h"
#include "model/names.h"
#include "model/raw.h"

/* Run an igraph call; on failure record why and leave through `done`. */
#define IG(call, what) \
	do { \
		igraph_error_t ig_err_ = (call); \
		if (ig_err_ != IGRAPH_SUCCESS) { \
			rc = cm_error_from_igraph(ig_err_, what); \
			goto done; \
		} \
	} while (0)

/* ------------------------------------------------------------- attributes */

int cm_attr_type(const igraph_t *g, igraph_attribute_elemtype_t et, const char *name)
{
	igraph_strvector_t gn, vn, en;
	igraph_vector_int_t gt, vt, ett;
	igraph_strvector_t *names = et == IGRAPH_ATTRIBUTE_EDGE ? &en : &vn;
	igraph_vector_int_t *types = et == IGRAPH_ATTRIBUTE_EDGE ? &ett : &vt;
	int type = -1;

	if (!igraph_cattribute_has_attr(g, et, name))
		return -1;
	igraph_strvector_init(&gn, 0);
	igraph_strvector_init(&vn, 0);
	igraph_strvector_init(&en, 0);
	igraph_vector_int_init(&gt, 0);
	igraph_vector_int_init(&vt, 0);
	igraph_vector_int_init(&ett, 0);
	if (igraph_cattribute_list(g, &gn, &gt, &vn, &vt, &en, &ett) == IGRAPH_SUCCESS)
		for (igraph_integer_t i = 0; i < igraph_strvector_size(names); i++)
			if (!strcmp(igraph_strvector_get(names, i), name))
				type = (int)VECTOR(*types)[i];
	igraph_strvector_destroy(&gn);
	igraph_strvector_destroy(&vn);
	igraph_strvector_destroy(&en);
	igraph_vector_int_destroy(&gt);
	igraph_vector_int_destroy(&vt);
	igraph_vector_int_destroy(&ett);
	return type;
}

/* Remove a vertex or edge attribute if it exists (igraph warns otherwise). */
static void remove_attr(igraph_t *g, int edges, const char *name)
{
	if (edges && igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, name))
		igraph_cattribute_remove_e(g, name);
	else if (!edges && igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, name))
		igraph_cattribute_remove_v(g, name);
}

/* Names of the vertex (or edge) attributes, into an initialised strvector. */
static int attr_names(const igraph_t *g, int edges, igraph_strvector_t *names)
{
	igraph_strvector_t gn, other;
	igraph_vector_int_t gt, vt, et;
	int rc = 0;

	if (igraph_strvector_init(&gn, 0) || igraph_strvector_init(&other, 0))
		return cm_error_set(CM_ENOMEM, "out of memory");
	igraph_vector_int_init(&gt, 0);
	igraph_vector_int_init(&vt, 0);
	igraph_vector_int_init(&et, 0);
	if (edges)
		IG(igraph_cattribute_list(g, &gn, &gt, &other, &vt, names, &et), "listing attributes");
	else
		IG(igraph_cattribute_list(g, &gn, &gt, names, &vt, &other, &et), "listing attributes");
done:
	igraph_strvector_destroy(&gn);
	igraph_strvector_destroy(&other);
	igraph_vector_int_destroy(&gt);
	igraph_vector_int_destroy(&vt);
	igraph_vector_int_destroy(&et);
	return rc;
}

/* Values of any vertex/edge attribute as text (numbers in the C locale, NaN as ""). */
static int attr_as_strings(const igraph_t *g, int edges, const char *name, igraph_strvector_t *out)
{
	igraph_attribute_elemtype_t et = edges ? IGRAPH_ATTRIBUTE_EDGE : IGRAPH_ATTRIBUTE_VERTEX;
	igraph_integer_t n = edges ? igraph_ecount(g) : igraph_vcount(g);
	int type = cm_attr_type(g, et, name), rc = 0;
	igraph_vector_t num;
	igraph_vector_bool_t b;
	char buf[64];

	igraph_vector_init(&num, 0);
	igraph_vector_bool_init(&b, 0);
	if (type == IGRAPH_ATTRIBUTE_STRING) {
		if (edges)
			IG(igraph_cattribute_EASV(g, name, igraph_ess_all(IGRAPH_EDGEORDER_ID), out), "reading attributes");
		else
			IG(igraph_cattribute_VASV(g, name, igraph_vss_all(), out), "reading attributes");
		goto done;
	}
	IG(igraph_strvector_resize(out, n), "reading attributes");
	if (type == IGRAPH_ATTRIBUTE_NUMERIC) {
		if (edges)
			IG(igraph_cattribute_EANV(g, name, igraph_ess_all(IGRAPH_EDGEORDER_ID), &num), "reading attributes");
		else
			IG(igraph_cattribute_VANV(g, name, igraph_vss_all(), &num), "reading attributes");
		for (igraph_integer_t i = 0; i < n; i++) {
			cm_format_number(buf, sizeof(buf), VECTOR(num)[i]);
			IG(igraph_strvector_set(out, i, buf), "reading attributes");
		}
	} else if (type == IGRAPH_ATTRIBUTE_BOOLEAN) {
		if (edges)
			IG(igraph_cattribute_EABV(g, name, igraph_ess_all(IGRAPH_EDGEORDER_ID), &b), "reading attributes");
		else
			IG(igraph_cattribute_VABV(g, name, igraph_vss_all(), &b), "reading attributes");
		for (igraph_integer_t i = 0; i < n; i++)
			IG(igraph_strvector_set(out, i, VECTOR(b)[i] ? "true" : "false"), "reading attributes");
	}
done:
	igraph_vector_destroy(&num);
	igraph_vector_bool_destroy(&b);
	return rc;
}

/* Make attribute `name` a string attribute (creating it with "" when absent). */
static int make_string_attr(igraph_t *g, int edges, const char *name)
{
	igraph_attribute_elemtype_t et = edges ? IGRAPH_ATTRIBUTE_EDGE : IGRAPH_ATTRIBUTE_VERTEX;
	igraph_strvector_t sv;
	int rc = 0;

	if (cm_attr_type(g, et, name) == IGRAPH_ATTRIBUTE_STRING)
		return 0;
	if (igraph_strvector_init(&sv, 0))
		return cm_error_set(CM_ENOMEM, "out of memory");
	if ((rc = attr_as_strings(g, edges, name, &sv)) < 0)
		goto done;
	if (edges) {
		remove_attr(g, 1, name);
		IG(igraph_cattribute_EAS_setv(g, name, &sv), "setting attributes");
	} else {
		remove_attr(g, 0, name);
		IG(igraph_cattribute_VAS_setv(g, name, &sv), "setting attributes");
	}
done:
	igraph_strvector_destroy(&sv);
	return rc;
}

/* The name of vertex v, for messages. */
static const char *vname(const igraph_t *g, igraph_integer_t v)
{
	return cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID) == IGRAPH_ATTRIBUTE_STRING
	       ? VAS(g, CM_ATTR_ID, v) : "?";
}

/* One end of tie e for messages; an undirected tie shows its first-declared actor first. */
static const char *end_name(const igraph_t *g, igraph_integer_t e, int second)
{
	igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e), t;

	if (!igraph_is_directed(g) && a > b) {
		t = a;
		a = b;
		b = t;
	}
	return vname(g, second ? b : a);
}

/*
 * Give every actor a unique, non-empty text "name": the input's "name",
 * else its "id", else "label", else the vertex index.  "id" is consumed.
 */
static int map_names(igraph_t *g, const char *source)
{
	igraph_integer_t n = igraph_vcount(g);
	igraph_strvector_t sv;
	cm_names names;
	const char *from = NULL;
	char buf[32];
	int rc = 0, added;

	cm_names_init(&names);
	if (igraph_strvector_init(&sv, 0))
		return cm_error_set(CM_ENOMEM, "out of memory");
	if (cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID) >= 0)
		from = CM_ATTR_ID;
	else if (cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, "id") >= 0)
		from = "id";
	else if (cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_LABEL) >= 0)
		from = CM_ATTR_LABEL;
	if (from) {
		if ((rc = attr_as_strings(g, 0, from, &sv)) < 0)
			goto done;
	} else {
		IG(igraph_strvector_resize(&sv, n), "naming actors");
		for (igraph_integer_t v = 0; v < n; v++) {
			snprintf(buf, sizeof(buf), "%" IGRAPH_PRId, v);
			IG(igraph_strvector_set(&sv, v, buf), "naming actors");
		}
	}
	for (igraph_integer_t v = 0; v < n; v++) {
		const char *s = igraph_strvector_get(&sv, v);
		igraph_integer_t idx;

		if (!s[0]) {
			rc = cm_error_set_at(CM_EINPUT, source, 0, "actor %" IGRAPH_PRId " has an empty id", v + 1);
			goto done;
		}
		if ((rc = cm_names_add(&names, s, &idx, &added)) < 0)
			goto done;
		if (!added) {
			rc = cm_error_set_at(CM_EINPUT, source, 0, "two actors have the id '%s'", s);
			goto done;
		}
	}
	remove_attr(g, 0, "id");
	/* a text "name" is kept as it is; anything else is replaced */
	if (!from || strcmp(from, CM_ATTR_ID) ||
	    cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID) != IGRAPH_ATTRIBUTE_STRING) {
		remove_attr(g, 0, CM_ATTR_ID);
		IG(igraph_cattribute_VAS_setv(g, CM_ATTR_ID, &sv), "naming actors");
	}
done:
	cm_names_free(&names);
	igraph_strvector_destroy(&sv);
	return rc;
}

/* Parse a year: a whole number, or "" for undated. */
static int parse_year(double *out, const char *text)
{
	double v;

	if (!text[strspn(text, " \t")]) {
		*out = NAN;
		return 0;
	}
	if (cm_parse_number(&v, text, 0) < 0 || v != floor(v) || fabs(v) > 1e9)
		return -1;
	*out = v;
	return 0;
}

/*
 * Turn "weight" and "year" into validated numbers (defaults 1 and NaN;
 * skipped when `ready` says they are) and every other attribute into text.
 */
static int normalize_attrs(igraph_t *g, const char *source, unsigned ready)
{
	igraph_integer_t m = igraph_ecount(g), n = igraph_vcount(g);
	igraph_strvector_t names, sv;
	igraph_vector_t num;
	int rc = 0;

	igraph_strvector_init(&names, 0);
	igraph_strvector_init(&sv, 0);
	igraph_vector_init(&num, 0);
	if (ready & CM_READY_NUMBERS)
		goto text;
	/* weight */
	if (cm_attr_type(g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_WEIGHT) == IGRAPH_ATTRIBUTE_NUMERIC) {
		igraph_integer_t missing = 0;

		IG(igraph_cattribute_EANV(g, CM_ATTR_WEIGHT, igraph_ess_all(IGRAPH_EDGEORDER_ID), &num), "reading weights");
		/* readers give NaN for a tie without a weight (GraphML data left out) */
		for (igraph_integer_t e = 0; e < m; e++) {
			if (isnan(VECTOR(num)[e])) {
				VECTOR(num)[e] = 1;
				missing++;
			}
		}
		if (missing)
			cm_notice("%s: %" IGRAPH_PRId " tie%s without a weight: weight 1", source, missing,
			          missing == 1 ? "" : "s");
	} else {
		IG(igraph_vector_resize(&num, m), "reading weights");
		igraph_vector_fill(&num, 1.0);
		if (cm_attr_type(g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_WEIGHT) >= 0) {
			if ((rc = attr_as_strings(g, 1, CM_ATTR_WEIGHT, &sv)) < 0)
				goto done;
			for (igraph_integer_t e = 0; e < m; e++) {
				const char *s = igraph_strvector_get(&sv, e);

				if (s[strspn(s, " \t")] && cm_parse_number(&VECTOR(num)[e], s, 0) < 0) {
					rc = cm_error_set_at(CM_EINPUT, source, 0,
					                     "tie %" IGRAPH_PRId " (%s, %s): weight '%s' is not a number",
					                     e + 1, end_name(g, e, 0), end_name(g, e, 1), s);
					goto done;
				}
			}
		}
	}
	for (igraph_integer_t e = 0; e < m; e++) {
		double w = VECTOR(num)[e];

		if (!isfinite(w) || w <= 0) {
			char buf[64];

			cm_format_number(buf, sizeof(buf), w);
			rc = cm_error_set_at(CM_EINPUT, source, 0,
			                     "tie %" IGRAPH_PRId " (%s, %s): weight %s is not a positive number",
			                     e + 1, end_name(g, e, 0), end_name(g, e, 1),
			                     isnan(w) ? "NaN" : isinf(w) ? (w > 0 ? "Inf" : "-Inf") : buf);
			goto done;
		}
	}
	remove_attr(g, 1, CM_ATTR_WEIGHT);
	IG(igraph_cattribute_EAN_setv(g, CM_ATTR_WEIGHT, &num), "setting weights");

	/* year */
	if (cm_attr_type(g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_YEAR) == IGRAPH_ATTRIBUTE_NUMERIC) {
		IG(igraph_cattribute_EANV(g, CM_ATTR_YEAR, igraph_ess_all(IGRAPH_EDGEORDER_ID), &num), "reading years");
		for (igraph_integer_t e = 0; e < m; e++) {
			double y = VECTOR(num)[e];

			if (!isnan(y) && (y != floor(y) || fabs(y) > 1e9)) {
				char buf[64];

				cm_format_number(buf, sizeof(buf), y);
				rc = cm_error_set_at(CM_EINPUT, source, 0,
				                     "tie %" IGRAPH_PRId " (%s, %s): year %s is not a whole number",
				                     e + 1, end_name(g, e, 0), end_name(g, e, 1),
				                     isinf(y) ? "Inf" : buf);
				goto done;
			}
		}
	} else {
		IG(igraph_vector_resize(&num, m), "reading years");
		igraph_vector_fill(&num, NAN);
		if (cm_attr_type(g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_YEAR) >= 0) {
			if ((rc = attr_as_strings(g, 1, CM_ATTR_YEAR, &sv)) < 0)
				goto done;
			for (igraph_integer_t e = 0; e < m; e++) {
				const char *s = igraph_strvector_get(&sv, e);

				if (parse_year(&VECTOR(num)[e], s) < 0) {
					rc = cm_error_set_at(CM_EINPUT, source, 0,
					                     "tie %" IGRAPH_PRId " (%s, %s): year '%s' is not a whole number",
					                     e + 1, end_name(g, e, 0), end_name(g, e, 1), s);
					goto done;
				}
			}
		}
		remove_attr(g, 1, CM_ATTR_YEAR);
		IG(igraph_cattribute_EAN_setv(g, CM_ATTR_YEAR, &num), "setting years");
	}

	/* everything else is text */
text:
	for (int edges = 0; edges <= 1; edges++) {
		if ((rc = attr_names(g, edges, &names)) < 0)
			goto done;
		for (igraph_integer_t a = 0; a < igraph_strvector_size(&names); a++) {
			const char *name = igraph_strvector_get(&names, a);

			if (edges && (!strcmp(name, CM_ATTR_WEIGHT) || !strcmp(name, CM_ATTR_YEAR)))
				continue;
			if (!edges && !strcmp(name, CM_ATTR_LISTED))
				continue;
			if ((rc = make_string_attr(g, edges, name)) < 0)
				goto done;
		}
	}
	/*
	 * The model's actor attributes exist; labels default to the id.  A tie
	 * "kind" exists only when the input gave one: igraph keeps each empty
	 * string in its own allocation, 10 million of them cost 400 MB.
	 */
	if ((rc = make_string_attr(g, 0, CM_ATTR_LABEL)) < 0 ||
	    (rc = make_string_attr(g, 0, CM_ATTR_TYPE)) < 0 ||
	    (rc = make_string_attr(g, 0, CM_ATTR_REGION)) < 0)
		goto done;
	for (igraph_integer_t v = 0; v < n; v++)
		if (!VAS(g, CM_ATTR_LABEL, v)[0])
			IG(igraph_cattribute_VAS_set(g, CM_ATTR_LABEL, v, VAS(g, CM_ATTR_ID, v)), "setting labels");
done:
	igraph_strvector_destroy(&names);
	igraph_strvector_destroy(&sv);
	igraph_vector_destroy(&num);
	return rc;
}

int cm_network_check_text(const igraph_t *g, const char *source)
{
	igraph_strvector_t names, sv;
	int rc = 0;

	igraph_strvector_init(&names, 0);
	igraph_strvector_init(&sv, 0);
	for (int edges = 0; edges <= 1; edges++) {
		if ((rc = attr_names(g, edges, &names)) < 0)
			goto done;
		for (igraph_integer_t a = 0; a < igraph_strvector_size(&names); a++) {
			const char *name = igraph_strvector_get(&names, a);
			igraph_attribute_elemtype_t et = edges ? IGRAPH_ATTRIBUTE_EDGE : IGRAPH_ATTRIBUTE_VERTEX;

			if (cm_attr_type(g, et, name) != IGRAPH_ATTRIBUTE_STRING)
				continue;
			if ((rc = attr_as_strings(g, edges, name, &sv)) < 0)
				goto done;
			for (igraph_integer_t i = 0; i < igraph_strvector_size(&sv); i++) {
				const char *s = igraph_strvector_get(&sv, i);

				if (!cm_utf8_valid(s, strlen(s))) {
					rc = cm_error_set_at(CM_EINPUT, source, 0,
					                     "%s %" IGRAPH_PRId ": attribute '%s' is not UTF-8 text "
					                     "(save the file as UTF-8)",
					                     edges ? "tie" : "actor", i + 1, name);
					goto done;
				}
				/* no output format can carry them back (CSV and XML turn CR into LF) */
				for (const unsigned char *p = (const unsigned char *)s; *p; p++)
					if (*p < 0x20 && *p != '\t' && *p != '\n') {
						rc = cm_error_set_at(CM_EINPUT, source, 0,
						                     "%s %" IGRAPH_PRId ": attribute '%s' has control "
						                     "character 0x%02X: this is not text",
						                     edges ? "tie" : "actor", i + 1, name, *p);
						goto done;
					}
			}
		}
	}
done:
	igraph_strvector_destroy(&names);
	igraph_strvector_destroy(&sv);
	return rc;
}

/* Delete the edges whose flag is set; returns how many in *count. */
static int delete_flagged_edges(igraph_t *g, const char *flags, igraph_integer_t *count)
{
	igraph_vector_int_t ids;
	int rc = 0;

	*count = 0;
	IG(igraph_vector_int_init(&ids, 0), "removing ties");
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++)
		if (flags[e])
			IG(igraph_vector_int_push_back(&ids, e), "removing ties");
	*count = igraph_vector_int_size(&ids);
	if (*count)
		IG(igraph_delete_edges(g, igraph_ess_vector(&ids)), "removing ties");
done:
	igraph_vector_int_destroy(&ids);
	return rc;
}

/* Delete the vertices whose flag is set; returns how many in *count. */
static int delete_flagged_vertices(igraph_t *g, const char *flags, igraph_integer_t *count)
{
	igraph_vector_int_t ids;
	int rc = 0;

	*count = 0;
	IG(igraph_vector_int_init(&ids, 0), "removing actors");
	for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
		if (flags[v])
			IG(igraph_vector_int_push_back(&ids, v), "removing actors");
	*count = igraph_vector_int_size(&ids);
	if (*count)
		IG(igraph_delete_vertices(g, igraph_vss_vector(&ids)), "removing actors");
done:
	igraph_vector_int_destroy(&ids);
	return rc;
}

/*
 * Ties are grouped by their first end (the smaller one when undirected)
 * with a counting sort that keeps file order within a group; inside a
 * group, seen[b] remembers the first tie to b.  Linear time, with 16 bytes
 * per actor and 8 per tie where a hash of tie pairs took 32 per tie
 * (512 MiB at 10 million ties) and missed the cache on every probe.
 */
int cm_ties_merge_grouped(const igraph_vector_int_t *edges, int directed, char *flags,
                          double *weight, double *year, igraph_integer_t *merged,
                          igraph_integer_t **grouped, igraph_integer_t *count)
{
	igraph_integer_t m = igraph_vector_int_size(edges) / 2, n = 0;
	const igraph_integer_t *ends = VECTOR(*edges);
	igraph_integer_t *start = NULL, *order = NULL, *seen = NULL, *first = NULL;
	int rc = 0;

	*merged = 0;
	if (grouped) {
		*grouped = NULL;
		*count = 0;
	}
	for (igraph_integer_t i = 0; i < 2 * m; i++)
		if (ends[i] >= n)
			n = ends[i] + 1;
	start = calloc((size_t)n + 1, sizeof(*start));
	order = malloc(((size_t)m + 1) * sizeof(*order));
	seen = malloc(((size_t)n + 1) * sizeof(*seen));
	first = malloc(((size_t)n + 1) * sizeof(*first));
	if (!start || !order || !seen || !first) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	cm_advise_huge(start, ((size_t)n + 1) * sizeof(*start));
	cm_advise_huge(order, ((size_t)m + 1) * sizeof(*order));
	cm_advise_huge(seen, ((size_t)n + 1) * sizeof(*seen));
	cm_advise_huge(first, ((size_t)n + 1) * sizeof(*first));
	/* start[a + 1] counts the ties of group a, then start[a] is where group a begins */
	for (igraph_integer_t e = 0; e < m; e++) {
		igraph_integer_t a = ends[2 * e], b = ends[2 * e + 1];

		if (!flags[e])
			start[(!directed && b < a ? b : a) + 1]++;
	}
	for (igraph_integer_t a = 0; a < n; a++)
		start[a + 1] += start[a];
	for (igraph_integer_t e = 0; e < m; e++) {
		igraph_integer_t a = ends[2 * e], b = ends[2 * e + 1];

		if (!flags[e])
			order[start[!directed && b < a ? b : a]++] = e;
	}
	/* start[a] is now where group a ends */
	for (igraph_integer_t v = 0; v < n; v++)
		seen[v] = -1;
	for (igraph_integer_t a = 0, i = 0; weight && a < n; a++) {
		for (; i < start[a]; i++) {
			igraph_integer_t e = order[i], b = ends[2 * e] == a ? ends[2 * e + 1] : ends[2 * e], t;

			if (directed)
				b = ends[2 * e + 1];
			if (seen[b] != a) {
				seen[b] = a;
				first[b] = e;
				continue;
			}
			t = first[b];
			weight[t] += weight[e];
			if (isnan(year[t]) || year[e] < year[t])
				year[t] = year[e];
			flags[e] = 1;
			(*merged)++;
		}
	}
	if (grouped) {
		*count = n ? start[n - 1] : 0;
		*grouped = order;
		order = NULL;
	}
done:
	free(start);
	free(order);
	free(seen);
	free(first);
	return rc;
}

/* The merge alone, for the pipeline of a built graph. */
int cm_ties_merge(const igraph_vector_int_t *edges, int directed, char *flags,
                  double *weight, double *year, igraph_integer_t *merged)
{
	return cm_ties_merge_grouped(edges, directed, flags, weight, year, merged, NULL, NULL);
}

void cm_ties_notices(igraph_integer_t loops, igraph_integer_t undated, igraph_integer_t actors,
                     igraph_integer_t merged, igraph_integer_t light)
{
	if (loops)
		cm_notice("dropped %" IGRAPH_PRId " self-loop%s (ties of an actor with itself)",
		          loops, loops == 1 ? "" : "s");
	if (undated)
		cm_notice("left out %" IGRAPH_PRId " undated tie%s (no year) because of the year filter",
		          undated, undated == 1 ? "" : "s");
	if (actors)
		cm_notice("left out %" IGRAPH_PRId " actor%s with no tie in the years kept",
		          actors, actors == 1 ? "" : "s");
	if (merged)
		cm_notice("merged %" IGRAPH_PRId " repeated tie%s (weights added up)",
		          merged, merged == 1 ? "" : "s");
	if (light)
		cm_notice("left out %" IGRAPH_PRId " tie%s lighter than the minimum weight",
		          light, light == 1 ? "" : "s");
}

/*
 * The tie pipeline, in one pass over the ties and a single deletion:
 * self-loops go; --year/--from/--to keep dated ties in range and drop the
 * actors known only through ties that lost them all (and actors that joined
 * after --to); repeated ties merge; --min-weight drops light merged ties
 * (their actors stay).
 */
static int prune(igraph_t *g, const cm_load_options *opts)
{
	const cm_filter *f = &opts->filter;
	const int years = f->has_from || f->has_to;
	igraph_integer_t m, n, loops = 0, undated = 0, merged = 0, light = 0, count;
	igraph_vector_t weight, year;
	igraph_vector_int_t ends;
	char *flags = NULL, *had = NULL, *vflags = NULL;
	igraph_bool_t multiple = 0;
	int listed, joined, rc = 0;

	igraph_vector_int_init(&ends, 0);
	igraph_vector_init(&weight, 0);
	igraph_vector_init(&year, 0);
	/* a directed input is made undirected unless asked, merging both directions */
	if (igraph_is_directed(g) && !opts->directed)
		IG(igraph_to_undirected(g, IGRAPH_TO_UNDIRECTED_EACH, NULL), "making ties undirected");
	m = igraph_ecount(g);
	n = igraph_vcount(g);
	listed = cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_LISTED) == IGRAPH_ATTRIBUTE_NUMERIC;
	joined = cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_YEAR) == IGRAPH_ATTRIBUTE_STRING;
	flags = calloc((size_t)m + 1, 1);
	had = calloc((size_t)n + 1, 1);
	vflags = calloc((size_t)n + 1, 1);
	if (!flags || !had || !vflags) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	IG(igraph_cattribute_EANV(g, CM_ATTR_WEIGHT, igraph_ess_all(IGRAPH_EDGEORDER_ID), &weight), "reading weights");
	IG(igraph_cattribute_EANV(g, CM_ATTR_YEAR, igraph_ess_all(IGRAPH_EDGEORDER_ID), &year), "reading years");
	for (igraph_integer_t e = 0; e < m; e++) {
		if (IGRAPH_FROM(g, e) == IGRAPH_TO(g, e)) {
			flags[e] = 1;
			loops++;
		}
	}
	if (years) {
		for (igraph_integer_t e = 0; e < m; e++) {
			double y = VECTOR(year)[e];

			if (flags[e])
				continue;
			had[IGRAPH_FROM(g, e)] = had[IGRAPH_TO(g, e)] = 1;
			if (isnan(y)) {
				undated++;
				flags[e] = 1;
			} else if ((f->has_from && y < f->from) || (f->has_to && y > f->to)) {
				flags[e] = 1;
			}
		}
		/* had[v]: 1 had ties, 2 still has some */
		for (igraph_integer_t e = 0; e < m; e++)
			if (!flags[e])
				had[IGRAPH_FROM(g, e)] = had[IGRAPH_TO(g, e)] = 2;
		for (igraph_integer_t v = 0; v < n; v++) {
			double joined_year;

			if (had[v] == 1 && !(listed && VAN(g, CM_ATTR_LISTED, v) != 0))
				vflags[v] = 1;
			if (joined && f->has_to && parse_year(&joined_year, VAS(g, CM_ATTR_YEAR, v)) == 0 &&
			    !isnan(joined_year) && joined_year > f->to)
				vflags[v] = 1;
		}
	}
	/* igraph's index finds repeats cheaply; the merge itself needs a table */
	IG(igraph_has_multiple(g, &multiple), "looking for repeated ties");
	if (multiple) {
		IG(igraph_get_edgelist(g, &ends, 0), "merging ties");
		if ((rc = cm_ties_merge(&ends, igraph_is_directed(g), flags, VECTOR(weight),
		                        VECTOR(year), &merged)) < 0)
			goto done;
	}
	if (f->min_weight > 0) {
		for (igraph_integer_t e = 0; e < m; e++) {
			if (!flags[e] && VECTOR(weight)[e] < f->min_weight) {
				flags[e] = 1;
				light++;
			}
		}
	}
	if (merged) {
		IG(igraph_cattribute_EAN_setv(g, CM_ATTR_WEIGHT, &weight), "merging ties");
		IG(igraph_cattribute_EAN_setv(g, CM_ATTR_YEAR, &year), "merging ties");
	}
	if ((rc = delete_flagged_edges(g, flags, &count)) < 0)
		goto done;
	if ((rc = delete_flagged_vertices(g, vflags, &count)) < 0)
		goto done;
	cm_ties_notices(loops, undated, count, merged, light);
done:
	free(flags);
	free(had);
	free(vflags);
	igraph_vector_int_destroy(&ends);
	igraph_vector_destroy(&weight);
	igraph_vector_destroy(&year);
	return rc;
}
/* --where ATTR=V1,V2: keep the actors whose attribute is one of the values. */
static int filter_where(igraph_t *g, const cm_filter *f, const char *source)
{
	igraph_integer_t n = igraph_vcount(g), count;
	const char *attr = f->where_attr;
	igraph_strvector_t names;
	cm_strbuf list = { 0 };
	char *flags = NULL;
	int rc = 0;

	igraph_strvector_init(&names, 0);
	if (!strcmp(attr, "id"))
		attr = CM_ATTR_ID;
	if (cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, attr) != IGRAPH_ATTRIBUTE_STRING ||
	    !strcmp(attr, CM_ATTR_LISTED)) {
		if ((rc = attr_names(g, 0, &names)) < 0)
			goto done;
		for (igraph_integer_t a = 0; a < igraph_strvector_size(&names); a++) {
			const char *s = igraph_strvector_get(&names, a);

			if (strcmp(s, CM_ATTR_LISTED) && (rc = cm_strbuf_printf(&list, "%s%s", list.len ? ", " : "", s)) < 0)
				goto done;
		}
		rc = cm_error_set(CM_EUSAGE, "--where: actors of %s have no attribute '%s' (they have: %s)",
		                  source, f->where_attr, list.s ? list.s : "none");
		goto done;
	}
	flags = calloc((size_t)n + 1, 1);
	if (!flags) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++) {
		const char *s = VAS(g, attr, v);

		flags[v] = 1;
		for (size_t i = 0; i < f->n_where_values; i++)
			if (!strcmp(s, f->where_values[i]))
				flags[v] = 0;
	}
	rc = delete_flagged_vertices(g, flags, &count);
done:
	free(flags);
	cm_strbuf_free(&list);
	igraph_strvector_destroy(&names);
	return rc;
}

/* --ego ACTOR --depth N: keep the actors within N steps of ACTOR. */
static int filter_ego(igraph_t *g, const cm_filter *f, const char *source)
{
	igraph_integer_t n = igraph_vcount(g), ego = -1, count;
	igraph_vector_int_list_t hood;
	igraph_vector_int_t *keep;
	char *flags = NULL;
	int rc = 0;

	IG(igraph_vector_int_list_init(&hood, 0), "finding the ego network");
	for (igraph_integer_t v = 0; v < n && ego < 0; v++)
		if (!strcmp(VAS(g, CM_ATTR_ID, v), f->ego))
			ego = v;
	if (ego < 0) {
		rc = cm_error_set(CM_EUSAGE, "--ego: no actor '%s' in %s", f->ego, source);
		goto done;
	}
	IG(igraph_neighborhood(g, &hood, igraph_vss_1(ego), f->depth > 0 ? f->depth : 1,
	                       IGRAPH_ALL, 0), "finding the ego network");
	flags = malloc((size_t)n + 1);
	if (!flags) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	memset(flags, 1, (size_t)n + 1);
	keep = igraph_vector_int_list_get_ptr(&hood, 0);
	for (igraph_integer_t i = 0; i < igraph_vector_int_size(keep); i++)
		flags[VECTOR(*keep)[i]] = 0;
	rc = delete_flagged_vertices(g, flags, &count);
done:
	free(flags);
	igraph_vector_int_list_destroy(&hood);
	return rc;
}

/* Move the graph into a new cm_network. */
static int wrap_graph(cm_network **out, igraph_t *g, const char *source)
{
	cm_network *net = calloc(1, sizeof(*net));
	char *src = cm_strdup(source ? source : "");

	if (!net || !src) {
		free(net);
		free(src);
		igraph_destroy(g);
		return cm_error_set(CM_ENOMEM, "out of memory");
	}
	net->graph = *g;
	net->source = src;
	net->directed = igraph_is_directed(g);
	*out = net;
	return 0;
}

int cm_network_finish(cm_network **out, igraph_t *raw, const char *source,
                      const cm_load_options *opts)
{
	return cm_network_finish_ready(out, raw, source, opts, 0);
}

int cm_network_finish_ready(cm_network **out, igraph_t *raw, const char *source,
                            const cm_load_options *opts, unsigned ready)
{
	static const cm_load_options defaults;
	const cm_filter *f;
	igraph_t g = *raw;
	int rc = 0, owned = 1;

	*out = NULL;
	if (!opts)
		opts = &defaults;
	f = &opts->filter;
	if (!(ready & CM_READY_NAMES) && (rc = map_names(&g, source)) < 0)
		goto done;
	if ((rc = normalize_attrs(&g, source, ready)) < 0)
		goto done;
	/* merged ties and no tie filter: the tie pipeline would find nothing to do */
	if ((!(ready & CM_READY_MERGED) || f->has_from || f->has_to || f->min_weight > 0) &&
	    (rc = prune(&g, opts)) < 0)
		goto done;
	if (f->where_attr && (rc = filter_where(&g, f, source)) < 0)
		goto done;
	if (f->ego && (rc = filter_ego(&g, f, source)) < 0)
		goto done;
	remove_attr(&g, 0, CM_ATTR_LISTED);
	owned = 0;
	rc = wrap_graph(out, &g, source);
done:
	if (owned)
		igraph_destroy(&g);
	return rc;
}

int cm_network_wrap(cm_network **out, igraph_t *graph, const char *source)
{
	igraph_t g = *graph;
	int rc;

	*out = NULL;
	if ((rc = cm_network_check_text(&g, source)) < 0 || (rc = map_names(&g, source)) < 0 ||
	    (rc = normalize_attrs(&g, source, 0)) < 0) {
		igraph_destroy(&g);
		return rc;
	}
	remove_attr(&g, 0, CM_ATTR_LISTED);
	return wrap_graph(out, &g, source);
}

void cm_network_free(cm_network *net)
{
	if (!net)
		return;
	igraph_destroy(&net->graph);
	free(net->source);
	free(net);
}

igraph_integer_t cm_network_actors(const cm_network *net)
{
	return igraph_vcount(&net->graph);
}

igraph_integer_t cm_network_ties(const cm_network *net)
{
	return igraph_ecount(&net->graph);
}

igraph_integer_t cm_network_find(const cm_network *net, const char *id)
{
	igraph_integer_t n = igraph_vcount(&net->graph);

	if (!id || !igraph_cattribute_has_attr(&net->graph, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID))
		return -1;
	for (igraph_integer_t v = 0; v < n; v++)
		if (!strcmp(VAS(&net->graph, CM_ATTR_ID, v), id))
			return v;
	return -1;
}

/* The model's vertex attributes are text in every cm_network (normalize_attrs). */
static int model_text_attr(const char *attr)
{
	return !strcmp(attr, CM_ATTR_ID) || !strcmp(attr, CM_ATTR_LABEL) ||
	       !strcmp(attr, CM_ATTR_TYPE) || !strcmp(attr, CM_ATTR_REGION);
}

const char *cm_network_vattr(const cm_network *net, const char *attr, igraph_integer_t v)
{
	if (!net || !attr || v < 0 || v >= igraph_vcount(&net->graph))
		return "";
	/* called in loops over actors: listing the attributes each time is too slow */
	if (model_text_attr(attr)) {
		if (!igraph_cattribute_has_attr(&net->graph, IGRAPH_ATTRIBUTE_VERTEX, attr))
			return "";
	} else if (cm_attr_type(&net->graph, IGRAPH_ATTRIBUTE_VERTEX, attr) != IGRAPH_ATTRIBUTE_STRING) {
		return "";
	}
	return VAS(&net->graph, attr, v);
}
