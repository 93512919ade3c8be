/* From a raw graph to the model's attributes: actor names, weights, years and text. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/text.h"
#include "base/error.h"
#include "model/names.h"
#include "model/raw.h"
#include "model/year.h"
#include "base/i18n.h"

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
int cm_raw_map_names(igraph_t *g, const char *source)
{
	igraph_integer_t n = igraph_vcount(g);
	igraph_strvector_t sv;
	cm_names names;
	const char *from = NULL;
	char buf[32];
	int rc = 0, added;

	cm_names_init(&names);
	if (igraph_strvector_init(&sv, 0))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	if (cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID) >= 0)
		from = CM_ATTR_ID;
	else if (cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, "id") >= 0)
		from = "id";
	else if (cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_LABEL) >= 0)
		from = CM_ATTR_LABEL;
	if (from) {
		if ((rc = cm_attr_as_strings(g, 0, from, &sv)) < 0)
			goto done;
	} else {
		CM_IG(igraph_strvector_resize(&sv, n), "naming actors");
		for (igraph_integer_t v = 0; v < n; v++) {
			snprintf(buf, sizeof(buf), "%" IGRAPH_PRId, v);
			CM_IG(igraph_strvector_set(&sv, v, buf), "naming actors");
		}
	}
	for (igraph_integer_t v = 0; v < n; v++) {
		const char *s = igraph_strvector_get(&sv, v);
		igraph_integer_t idx;

		if (!s[0]) {
			rc = cm_error_set_at(CM_EINPUT, source, 0, _("actor %" PRId64 " has an empty id"), v + 1);
			goto done;
		}
		if ((rc = cm_names_add(&names, s, &idx, &added)) < 0)
			goto done;
		if (!added) {
			rc = cm_error_set_at(CM_EINPUT, source, 0, _("two actors have the id '%s'"), s);
			goto done;
		}
	}
	cm_attr_remove(g, 0, "id");
	/* a text "name" is kept as it is; anything else is replaced */
	if (!from || strcmp(from, CM_ATTR_ID) ||
	    cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID) != IGRAPH_ATTRIBUTE_STRING) {
		cm_attr_remove(g, 0, CM_ATTR_ID);
		CM_IG(igraph_cattribute_VAS_setv(g, CM_ATTR_ID, &sv), "naming actors");
	}
done:
	cm_names_free(&names);
	igraph_strvector_destroy(&sv);
	return rc;
}

/*
 * Turn the ties' "end" (when there is one) into whole years, NaN for an
 * ongoing tie; refuse an end before the tie's start.  Done even for a
 * reader that ensured the other numbers (the CSV reader keeps "end" as
 * text).
 */
static int normalize_end(igraph_t *g, const char *source)
{
	igraph_integer_t m = igraph_ecount(g);
	igraph_strvector_t sv;
	igraph_vector_t num = { 0 };
	int type = cm_attr_type(g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_END), rc = 0;

	if (type < 0)
		return 0;
	igraph_strvector_init(&sv, 0);
	CM_IG(igraph_vector_init(&num, m), "reading end years");
	if (type == IGRAPH_ATTRIBUTE_NUMERIC)
		CM_IG(igraph_cattribute_EANV(g, CM_ATTR_END, igraph_ess_all(IGRAPH_EDGEORDER_ID), &num),
		      "reading end years");
	else if ((rc = cm_attr_as_strings(g, 1, CM_ATTR_END, &sv)) < 0)
		goto done;
	for (igraph_integer_t e = 0; e < m; e++) {
		const char *s = type == IGRAPH_ATTRIBUTE_NUMERIC ? NULL : igraph_strvector_get(&sv, e);
		double y = VECTOR(num)[e], start = EAN(g, CM_ATTR_YEAR, e);
		char buf[64];

		if (s && cm_year_parse(&y, s, CM_YEAR_BLANK) < 0) {
			rc = cm_error_set_at(CM_EINPUT, source, 0,
			                     _("tie %" PRId64 " (%s, %s): end year '%s' is not a whole number"),
			                     e + 1, end_name(g, e, 0), end_name(g, e, 1), s);
			goto done;
		}
		if (!isnan(y) && (y != floor(y) || fabs(y) > 1e9)) {
			cm_format_number(buf, sizeof(buf), y);
			rc = cm_error_set_at(CM_EINPUT, source, 0,
			                     _("tie %" PRId64 " (%s, %s): end year %s is not a whole number"),
			                     e + 1, end_name(g, e, 0), end_name(g, e, 1), isinf(y) ? "Inf" : buf);
			goto done;
		}
		if (!isnan(y) && !isnan(start) && y < start) {
			rc = cm_error_set_at(CM_EINPUT, source, 0,
			                     _("tie %" PRId64 " (%s, %s) ends in %.0f, before it starts in %.0f"),
			                     e + 1, end_name(g, e, 0), end_name(g, e, 1), y, start);
			goto done;
		}
		VECTOR(num)[e] = y;
	}
	cm_attr_remove(g, 1, CM_ATTR_END);
	CM_IG(igraph_cattribute_EAN_setv(g, CM_ATTR_END, &num), "setting end years");
done:
	igraph_strvector_destroy(&sv);
	igraph_vector_destroy(&num);
	return rc;
}

/*
 * Turn "weight" and "year" into validated numbers (defaults 1 and NaN;
 * skipped when `ready` says they are) and every other attribute into text;
 * actors get "label" (default: the id), "type" and "region".
 */
int cm_raw_normalize(igraph_t *g, const char *source, unsigned ready)
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

		CM_IG(igraph_cattribute_EANV(g, CM_ATTR_WEIGHT, igraph_ess_all(IGRAPH_EDGEORDER_ID), &num), "reading weights");
		/* readers give NaN for a tie without a weight (GraphML data left out) */
		for (igraph_integer_t e = 0; e < m; e++) {
			if (isnan(VECTOR(num)[e])) {
				VECTOR(num)[e] = 1;
				missing++;
			}
		}
		if (missing)
			cm_notice(dngettext(CM_TEXTDOMAIN, "%s: %" PRId64 " tie without a weight: weight 1",
			                     "%s: %" PRId64 " ties without a weight: weight 1", (unsigned long)missing),
			          source, missing);
	} else {
		CM_IG(igraph_vector_resize(&num, m), "reading weights");
		igraph_vector_fill(&num, 1.0);
		if (cm_attr_type(g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_WEIGHT) >= 0) {
			if ((rc = cm_attr_as_strings(g, 1, CM_ATTR_WEIGHT, &sv)) < 0)
				goto done;
			for (igraph_integer_t e = 0; e < m; e++) {
				const char *s = igraph_strvector_get(&sv, e);

				if (s[strspn(s, " \t")] && cm_parse_number(&VECTOR(num)[e], s, 0) < 0) {
					rc = cm_error_set_at(CM_EINPUT, source, 0,
					                     _("tie %" PRId64 " (%s, %s): weight '%s' is not a number"),
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
			                     _("tie %" PRId64 " (%s, %s): weight %s is not a positive number"),
			                     e + 1, end_name(g, e, 0), end_name(g, e, 1),
			                     isnan(w) ? "NaN" : isinf(w) ? (w > 0 ? "Inf" : "-Inf") : buf);
			goto done;
		}
	}
	cm_attr_remove(g, 1, CM_ATTR_WEIGHT);
	CM_IG(igraph_cattribute_EAN_setv(g, CM_ATTR_WEIGHT, &num), "setting weights");

	/* year */
	if (cm_attr_type(g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_YEAR) == IGRAPH_ATTRIBUTE_NUMERIC) {
		CM_IG(igraph_cattribute_EANV(g, CM_ATTR_YEAR, igraph_ess_all(IGRAPH_EDGEORDER_ID), &num), "reading years");
		for (igraph_integer_t e = 0; e < m; e++) {
			double y = VECTOR(num)[e];

			if (!isnan(y) && (y != floor(y) || fabs(y) > 1e9)) {
				char buf[64];

				cm_format_number(buf, sizeof(buf), y);
				rc = cm_error_set_at(CM_EINPUT, source, 0,
				                     _("tie %" PRId64 " (%s, %s): year %s is not a whole number"),
				                     e + 1, end_name(g, e, 0), end_name(g, e, 1),
				                     isinf(y) ? "Inf" : buf);
				goto done;
			}
		}
	} else {
		CM_IG(igraph_vector_resize(&num, m), "reading years");
		igraph_vector_fill(&num, NAN);
		if (cm_attr_type(g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_YEAR) >= 0) {
			if ((rc = cm_attr_as_strings(g, 1, CM_ATTR_YEAR, &sv)) < 0)
				goto done;
			for (igraph_integer_t e = 0; e < m; e++) {
				const char *s = igraph_strvector_get(&sv, e);

				if (cm_year_parse(&VECTOR(num)[e], s, CM_YEAR_BLANK) < 0) {
					rc = cm_error_set_at(CM_EINPUT, source, 0,
					                     _("tie %" PRId64 " (%s, %s): year '%s' is not a whole number"),
					                     e + 1, end_name(g, e, 0), end_name(g, e, 1), s);
					goto done;
				}
			}
		}
		cm_attr_remove(g, 1, CM_ATTR_YEAR);
		CM_IG(igraph_cattribute_EAN_setv(g, CM_ATTR_YEAR, &num), "setting years");
	}

	/* everything else is text, but the end years */
text:
	if ((rc = normalize_end(g, source)) < 0)
		goto done;
	for (int edges = 0; edges <= 1; edges++) {
		if ((rc = cm_attr_names(g, edges, &names)) < 0)
			goto done;
		for (igraph_integer_t a = 0; a < igraph_strvector_size(&names); a++) {
			const char *name = igraph_strvector_get(&names, a);

			if (edges && (!strcmp(name, CM_ATTR_WEIGHT) || !strcmp(name, CM_ATTR_YEAR) ||
			              !strcmp(name, CM_ATTR_END)))
				continue;
			if (!edges && !strcmp(name, CM_ATTR_LISTED))
				continue;
			if ((ready & CM_READY_NUMERIC) &&
			    cm_attr_type(g, edges ? IGRAPH_ATTRIBUTE_EDGE : IGRAPH_ATTRIBUTE_VERTEX, name) ==
			    IGRAPH_ATTRIBUTE_NUMERIC)
				continue;
			if ((rc = cm_attr_make_string(g, edges, name)) < 0)
				goto done;
		}
	}
	/*
	 * The model's actor attributes exist; labels default to the id.  A tie
	 * "kind" exists only when the input gave one: igraph keeps each empty
	 * string in its own allocation, 10 million of them cost 400 MB.
	 */
	if ((rc = cm_attr_make_string(g, 0, CM_ATTR_LABEL)) < 0 ||
	    (rc = cm_attr_make_string(g, 0, CM_ATTR_TYPE)) < 0 ||
	    (rc = cm_attr_make_string(g, 0, CM_ATTR_REGION)) < 0)
		goto done;
	for (igraph_integer_t v = 0; v < n; v++)
		if (!VAS(g, CM_ATTR_LABEL, v)[0])
			CM_IG(igraph_cattribute_VAS_set(g, CM_ATTR_LABEL, v, VAS(g, CM_ATTR_ID, v)), "setting labels");
done:
	igraph_strvector_destroy(&names);
	igraph_strvector_destroy(&sv);
	igraph_vector_destroy(&num);
	return rc;
}
