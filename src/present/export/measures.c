/*
 * convert --measures and --layout: the measures of `coopmap metrics`,
 * `isolated` and `brokers`, computed by the same functions of measure/ (one
 * definition each), and the map's positions, added as actor attributes to
 * a copy of the network, so that every writer carries them with the other
 * attributes; hints give the XML writers their declared types.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "present/export/measures.h"
#include "coopmap/brokers.h"
#include "coopmap/common.h"
#include "coopmap/isolated.h"
#include "coopmap/metrics.h"
#include "coopmap/render.h"
#include "coopmap/table.h"
#include "base/error.h"
#include "model/raw.h"
#include "present/map/geometry.h"
#include "base/i18n.h"

/* Parse a list of measures for an export; see coopmap/export.h. */
int cm_export_parse_measures(unsigned *out, const char *list)
{
	const char *p = list;
	unsigned bits = 0, one;
	char name[64];

	*out = 0;
	for (;;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		while (len > 0 && (*p == ' ' || *p == '\t'))
			p++, len--;
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len == 15 && !strncmp(p, "isolation_level", len)) {
			bits |= CM_EXPORT_ISOLATION;
		} else if (len == 9 && !strncmp(p, "brokerage", len)) {
			bits |= CM_EXPORT_BROKERAGE;
		} else if (len == 3 && !strncmp(p, "all", len)) {
			bits |= CM_EXPORT_ALL_MEASURES;
		} else {
			snprintf(name, sizeof(name), "%.*s", (int)len, p);
			if (len >= sizeof(name) || cm_metrics_parse(&one, name) < 0) {
				cm_error_clear();
				return cm_error_set(CM_EUSAGE, _("unknown measure '%.*s' (use degree, strength, betweenness, "
				                    "closeness, harmonic, eigenvector, pagerank, coreness, clustering, "
				                    "constraint, effective_size, articulation, community, isolation_level, "
				                    "brokerage or all)"), (int)len, p);
			}
			bits |= one;
		}
		if (!end)
			break;
		p = end + 1;
	}
	*out = bits;
	return 0;
}

/* Record that the export declares attribute name with type. */
static void add_hint(cm_export_annotated *a, const char *name, const char *type)
{
	size_t n = 0;

	while (a->hints[n].name)
		n++;
	if (n + 1 < sizeof(a->hints) / sizeof(a->hints[0])) {
		a->hints[n].name = name;
		a->hints[n].type = type;
	}
}

/* Make room for actor attribute name: an input attribute of that name is replaced, with a notice. */
static void replace_input_attr(cm_export_annotated *a, const char *name)
{
	if (!igraph_cattribute_has_attr(&a->own.graph, IGRAPH_ATTRIBUTE_VERTEX, name))
		return;
	cm_notice(_("the input's actor attribute '%s' is replaced by the computed %s"), name,
	          !strcmp(name, "x") || !strcmp(name, "y") ? "position" : "measure");
	cm_attr_remove(&a->own.graph, 0, name);
}

/* Set numeric actor attribute name from values (NaN: undefined), declared as type. */
static int set_numbers(cm_export_annotated *a, const char *name, const char *type, const double *values)
{
	igraph_integer_t n = igraph_vcount(&a->own.graph);
	igraph_vector_t v;
	int rc = 0;

	replace_input_attr(a, name);
	igraph_vector_view(&v, values, n);
	CM_IG(igraph_cattribute_VAN_setv(&a->own.graph, name, &v), "adding measures");
	add_hint(a, name, type);
done:
	return rc;
}

/* The metrics asked for, from cm_metrics_compute() with the defaults of `coopmap metrics`. */
static int add_metrics(cm_export_annotated *a, const cm_network *net, unsigned bits, unsigned long seed)
{
	cm_metrics_options mo = { 0 };
	cm_table *t = NULL;
	igraph_integer_t n = igraph_vcount(&net->graph);
	double *values = malloc(((size_t)n + 1) * sizeof(*values));
	int rc;

	if (!values)
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	mo.metrics = bits;
	mo.seed = seed;
	if ((rc = cm_metrics_compute(&t, net, &mo)) < 0)
		goto done;
	for (unsigned bit = 1; bit & CM_M_ALL; bit <<= 1) {
		const char *name = cm_metrics_name(bit);
		/* the column types of measure/metrics.c */
		const char *type = bit == CM_M_DEGREE || bit == CM_M_CORENESS || bit == CM_M_COMMUNITY ? "long"
		                   : bit == CM_M_ARTICULATION ? "boolean" : "double";
		int col;

		if (!(bits & bit) || !name || (col = cm_table_column(t, name)) < 0)
			continue;
		/* the table has one row per actor, in vertex order */
		for (igraph_integer_t v = 0; v < n; v++)
			values[v] = cm_table_get_number(t, (size_t)v, (size_t)col);
		if (bit == CM_M_ARTICULATION) {
			replace_input_attr(a, name);
			for (igraph_integer_t v = 0; v < n; v++)
				CM_IG(igraph_cattribute_VAB_set(&a->own.graph, name, v, values[v] == 1), "adding measures");
			add_hint(a, name, type);
		} else if ((rc = set_numbers(a, name, type, values)) < 0) {
			goto done;
		}
	}
done:
	cm_table_free(t);
	free(values);
	return rc;
}

/*
 * A measure of `all` that the network cannot have (no cité, no region) is
 * left out with a notice; asked for by name, it is an error.
 */
static int optional_failed(int rc, const char *name, int by_name)
{
	if (by_name || (rc != CM_EUSAGE && rc != CM_EINPUT))
		return rc;
	cm_notice(_("%s left out: %s"), name, cm_error_message());
	cm_error_clear();
	return 0;
}

/* The isolation level of the cités (coopmap isolated), undefined for the other actors. */
static int add_isolation(cm_export_annotated *a, const cm_network *net, int by_name)
{
	igraph_integer_t n = igraph_vcount(&net->graph);
	double *values = NULL;
	int *levels = NULL, rc;

	if ((rc = cm_isolated_levels(&levels, net, NULL, 0)) < 0)
		return optional_failed(rc, "isolation_level", by_name);
	if (!(values = malloc(((size_t)n + 1) * sizeof(*values)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++)
		values[v] = levels[v] < 0 ? NAN : levels[v];
	rc = set_numbers(a, "isolation_level", "long", values);
done:
	free(levels);
	free(values);
	return rc;
}

/* The total brokerage between regions (coopmap brokers). */
static int add_brokerage(cm_export_annotated *a, const cm_network *net, int by_name)
{
	double *total = NULL;
	int rc;

	if ((rc = cm_brokers_totals(&total, net, NULL)) < 0)
		return optional_failed(rc, "brokerage", by_name);
	rc = set_numbers(a, "brokerage", "long", total);
	free(total);
	return rc;
}

/* The positions render gives the actors with this layout and seed, as x and y. */
static int add_positions(cm_export_annotated *a, const cm_network *net, const cm_export_options *o)
{
	cm_render_options ro = { 0 };
	cm_map_geometry geo = { 0 };
	int rc;

	ro.seed = o->seed;
	ro.layout = o->layout;
	if ((rc = cm_map_geometry_compute(&geo, net, &ro)) < 0 ||
	    (rc = set_numbers(a, "x", "double", geo.x)) < 0 ||
	    (rc = set_numbers(a, "y", "double", geo.y)) < 0)
		goto done;
done:
	cm_map_geometry_free(&geo);
	return rc;
}

/* Copy the network and add the measures and positions asked for; see present/export/measures.h. */
int cm_export_annotate(cm_export_annotated *out, const cm_network *net, const cm_export_options *o, int xy)
{
	unsigned bits = o ? o->measures : 0;
	int by_name = (bits & CM_EXPORT_ALL_MEASURES) != CM_EXPORT_ALL_MEASURES, rc = 0;

	memset(out, 0, sizeof(*out));
	out->net = net;
	if (!bits && !(xy && o && o->layout))
		return 0;  /* nothing to add: no copy of a large network */
	out->own.source = net->source;
	out->own.directed = net->directed;
	CM_IG(igraph_copy(&out->own.graph, &net->graph), "copying the network");
	out->have_graph = 1;
	out->net = &out->own;
	if ((bits & CM_M_ALL) && (rc = add_metrics(out, net, bits & CM_M_ALL, o->seed)) < 0)
		goto done;
	if ((bits & CM_EXPORT_ISOLATION) && (rc = add_isolation(out, net, by_name)) < 0)
		goto done;
	if ((bits & CM_EXPORT_BROKERAGE) && (rc = add_brokerage(out, net, by_name)) < 0)
		goto done;
	if (xy && o && o->layout && (rc = add_positions(out, net, o)) < 0)
		goto done;
done:
	return rc;
}

/* Free an annotated network; see present/export/measures.h. */
void cm_export_annotated_free(cm_export_annotated *a)
{
	if (a->have_graph)
		igraph_destroy(&a->own.graph);
	a->have_graph = 0;
	a->net = NULL;
}
