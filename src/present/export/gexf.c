/*
 * GEXF, Gephi's own format (https://gexf.net, schemas in gephi/gexf), written
 * with libxml2's xmlTextWriter, which escapes text for XML.
 *
 * What goes where:
 * - the actor id is the node id, its label the node label; every other
 *   attribute is declared in <attributes> with a type (numbers kept as
 *   numbers: "long" when every value is a whole number, else "double";
 *   text attributes whose every value is a plain number the same) and
 *   written as <attvalue>s (an empty or undated value is left out);
 * - the tie weight is the edge's weight; the tie year stays an attribute
 *   and also gives a spell (<spell start="YEAR" end="LAST"/>, LAST the
 *   latest year of the network; mode="dynamic", timeformat="integer"): a
 *   tie exists from its first year on, as with `--to YEAR`, so that Gephi's
 *   timeline shows the network growing (the end is written because
 *   NetworkX's reader needs one);
 * - viz:position, viz:color and viz:size come from the map that `render`
 *   draws with the same seed (present/map/geometry.c): position in points,
 *   size the node's radius in points, colour its fill.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "present/export/gexf.h"
#include "coopmap/common.h"
#include "coopmap/export.h"
#include "coopmap/network.h"
#include "coopmap/render.h"
#include "base/error.h"
#include "base/text.h"
#include "present/export/types.h"
#include "present/export/xml.h"
#include "present/map/geometry.h"
#include "base/i18n.h"

/* What the document is written from. */
typedef struct {
	const cm_network *net;
	const char *version;          /* "1.2" or "1.3" */
	const cm_export_attrs *attrs;
	const cm_map_geometry *geo;
	double last;                  /* last_year() */
} gexf_doc;

/* Write the <attributes> block of one class (nothing when there is none). */
static int write_declarations(xmlTextWriterPtr w, const char *class, const cm_export_attr *attrs, size_t n)
{
	int bad = 0;

	if (n == 0)
		return 0;
	bad |= xmlTextWriterStartElement(w, BAD_CAST "attributes") < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "class", BAD_CAST class) < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "mode", BAD_CAST "static") < 0;
	for (size_t a = 0; a < n && !bad; a++) {
		bad |= xmlTextWriterStartElement(w, BAD_CAST "attribute") < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST attrs[a].name) < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "title", BAD_CAST attrs[a].name) < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST attrs[a].type) < 0;
		bad |= xmlTextWriterEndElement(w) < 0;
	}
	bad |= xmlTextWriterEndElement(w) < 0;
	return bad ? -1 : 0;
}

/* Write the <attvalues> of vertex or edge i (nothing when every value is empty). */
static int write_values(xmlTextWriterPtr w, const igraph_t *g, igraph_attribute_elemtype_t where, igraph_integer_t i,
                        const cm_export_attr *attrs, size_t n)
{
	char num[64];
	int bad = 0, open = 0;

	for (size_t a = 0; a < n && !bad; a++) {
		const char *value = cm_export_attr_text(num, sizeof(num), g, where, attrs[a].name, attrs[a].igtype, i);

		if (!value)
			continue;
		if (!open) {
			bad |= xmlTextWriterStartElement(w, BAD_CAST "attvalues") < 0;
			open = 1;
		}
		bad |= xmlTextWriterStartElement(w, BAD_CAST "attvalue") < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST attrs[a].name) < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "value", BAD_CAST value) < 0;
		bad |= xmlTextWriterEndElement(w) < 0;
	}
	if (open)
		bad |= xmlTextWriterEndElement(w) < 0;
	return bad ? -1 : 0;
}

/* Write a viz element with number attributes: names and values, NULL-terminated names. */
static int write_viz(xmlTextWriterPtr w, const char *element, const char *const *names, const double *values,
                     const char *fmt)
{
	char num[64];
	int bad = 0;

	bad |= xmlTextWriterStartElementNS(w, BAD_CAST "viz", BAD_CAST element, NULL) < 0;
	for (int i = 0; names[i] && !bad; i++) {
		snprintf(num, sizeof(num), fmt, values[i] == 0 ? 0 : values[i]);
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST names[i], BAD_CAST num) < 0;
	}
	bad |= xmlTextWriterEndElement(w) < 0;
	return bad ? -1 : 0;
}

/* Write one actor: id, label, attvalues, and its place, size and colour on the map. */
static int write_node(xmlTextWriterPtr w, const cm_network *net, igraph_integer_t v, const cm_export_attr *attrs,
                      size_t n, const cm_map_geometry *geo)
{
	static const char *const xyz[] = { "x", "y", "z", NULL }, *const value[] = { "value", NULL },
	                         *const rgb[] = { "r", "g", "b", NULL };
	const igraph_t *g = &net->graph;
	const char *label = cm_network_vattr(net, CM_ATTR_LABEL, v);
	char id[32];
	double pos[3] = { geo->x[v], geo->y[v], 0 }, size = geo->diameter[v] / 2;
	double colour[3] = { geo->rgb[3 * v], geo->rgb[3 * v + 1], geo->rgb[3 * v + 2] };
	int bad = 0;

	if (!igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID))
		snprintf(id, sizeof(id), "%" IGRAPH_PRId, v);
	bad |= xmlTextWriterStartElement(w, BAD_CAST "node") < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id",
	                                   BAD_CAST(igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID)
	                                            ? VAS(g, CM_ATTR_ID, v) : id)) < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "label", BAD_CAST(label[0] ? label : cm_network_vattr(net, CM_ATTR_ID, v))) < 0;
	bad |= write_values(w, g, IGRAPH_ATTRIBUTE_VERTEX, v, attrs, n) < 0;
	bad |= write_viz(w, "size", value, &size, "%.2f") < 0;
	bad |= write_viz(w, "position", xyz, pos, "%.2f") < 0;
	bad |= write_viz(w, "color", rgb, colour, "%.0f") < 0;
	bad |= xmlTextWriterEndElement(w) < 0;
	return bad ? -1 : 0;
}

/* Write one tie: ends, weight, attvalues, and its spell from its year to the last (NaN: no spell). */
static int write_edge(xmlTextWriterPtr w, const cm_network *net, igraph_integer_t e, const cm_export_attr *attrs,
                      size_t n, double last_year)
{
	const igraph_t *g = &net->graph;
	int has_id = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID);
	igraph_integer_t ends[2] = { IGRAPH_FROM(g, e), IGRAPH_TO(g, e) };
	char num[64];
	int bad = 0;

	bad |= xmlTextWriterStartElement(w, BAD_CAST "edge") < 0;
	snprintf(num, sizeof(num), "%" IGRAPH_PRId, e);
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST num) < 0;
	for (int k = 0; k < 2; k++) {
		if (!has_id)
			snprintf(num, sizeof(num), "%" IGRAPH_PRId, ends[k]);
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST(k ? "target" : "source"),
		                                   BAD_CAST(has_id ? VAS(g, CM_ATTR_ID, ends[k]) : num)) < 0;
	}
	if (igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_WEIGHT) &&
	    !isnan(EAN(g, CM_ATTR_WEIGHT, e))) {
		cm_export_format_double(num, sizeof(num), EAN(g, CM_ATTR_WEIGHT, e));
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "weight", BAD_CAST num) < 0;
	}
	bad |= write_values(w, g, IGRAPH_ATTRIBUTE_EDGE, e, attrs, n) < 0;
	if (!isnan(last_year) && !isnan(EAN(g, CM_ATTR_YEAR, e))) {
		cm_export_format_double(num, sizeof(num), EAN(g, CM_ATTR_YEAR, e));
		bad |= xmlTextWriterStartElement(w, BAD_CAST "spells") < 0;
		bad |= xmlTextWriterStartElement(w, BAD_CAST "spell") < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "start", BAD_CAST num) < 0;
		cm_export_format_double(num, sizeof(num), last_year);
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "end", BAD_CAST num) < 0;
		bad |= xmlTextWriterEndElement(w) < 0;
		bad |= xmlTextWriterEndElement(w) < 0;
	}
	bad |= xmlTextWriterEndElement(w) < 0;
	return bad ? -1 : 0;
}

/* The latest tie year when some tie is dated and every dated one has a whole-number year (the graph is then dynamic), else NaN. */
static double last_year(const igraph_t *g)
{
	double last = NAN;

	/* the model makes "year" numeric (coopmap/network.h) */
	if (!igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_YEAR))
		return NAN;
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
		double y = EAN(g, CM_ATTR_YEAR, e);

		if (isnan(y))
			continue;
		if (y != floor(y))
			return NAN;
		if (isnan(last) || y > last)
			last = y;
	}
	return last;
}

/* Write the document (a cm_export_xml_body): header, graph, attribute declarations, nodes, edges. */
static int write_document(xmlTextWriterPtr w, const void *data)
{
	const gexf_doc *d = data;
	const cm_network *net = d->net;
	const char *version = d->version;
	const cm_export_attrs *at = d->attrs;
	int dynamic = !isnan(d->last);
	int v13 = !strcmp(version, "1.3"), bad = 0;
	const char *ns = v13 ? "http://gexf.net/1.3" : "http://www.gexf.net/1.2draft";
	char buf[160];

	bad |= xmlTextWriterStartElement(w, BAD_CAST "gexf") < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST ns) < 0;
	snprintf(buf, sizeof(buf), "%s/viz", ns);
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:viz", BAD_CAST buf) < 0;
	/* no xsi:schemaLocation: gephi/gexf's RelaxNG schemas, the normative ones, do not allow it */
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST version) < 0;
	bad |= xmlTextWriterStartElement(w, BAD_CAST "meta") < 0;
	bad |= xmlTextWriterWriteElement(w, BAD_CAST "creator", BAD_CAST "coopmap " COOPMAP_VERSION) < 0;
	if (net->source && net->source[0]) {
		/* the input's name as valid UTF-8 without the control characters XML cannot hold (a title from data) */
		char *text = cm_utf8_sanitize(net->source), *o = text;

		if (!text)
			return -1;
		for (const unsigned char *p = (const unsigned char *)text; *p; p++)
			if (*p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r')
				*o++ = (char)*p;
		*o = '\0';
		bad |= xmlTextWriterWriteElement(w, BAD_CAST "description", BAD_CAST text) < 0;
		free(text);
	}
	bad |= xmlTextWriterEndElement(w) < 0;
	bad |= xmlTextWriterStartElement(w, BAD_CAST "graph") < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "defaultedgetype",
	                                   BAD_CAST(net->directed ? "directed" : "undirected")) < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "mode", BAD_CAST(dynamic ? "dynamic" : "static")) < 0;
	if (dynamic)
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "timeformat", BAD_CAST "integer") < 0;
	bad |= write_declarations(w, "node", at->v, at->nv) < 0;
	bad |= write_declarations(w, "edge", at->e, at->ne) < 0;
	bad |= xmlTextWriterStartElement(w, BAD_CAST "nodes") < 0;
	for (igraph_integer_t v = 0; v < igraph_vcount(&net->graph) && !bad; v++)
		bad |= write_node(w, net, v, at->v, at->nv, d->geo) < 0;
	bad |= xmlTextWriterEndElement(w) < 0;
	bad |= xmlTextWriterStartElement(w, BAD_CAST "edges") < 0;
	for (igraph_integer_t e = 0; e < igraph_ecount(&net->graph) && !bad; e++)
		bad |= write_edge(w, net, e, at->e, at->ne, d->last) < 0;
	return bad ? -1 : 0;
}

/* Write GEXF; see present/export/gexf.h. */
int cm_export_gexf(FILE *f, const cm_network *net, const cm_export_options *o, const cm_export_hint *hints)
{
	/* written as the node's id and label and the edge's weight, not as attributes */
	static const char *const vertex_skip[] = { CM_ATTR_ID, CM_ATTR_LABEL, NULL };
	static const char *const edge_skip[] = { CM_ATTR_WEIGHT, NULL };
	const char *version = o && o->gexf_version ? o->gexf_version : "1.2";
	cm_render_options ro = { 0 };
	cm_map_geometry geo = { 0 };
	cm_export_attrs attrs = { 0 };
	gexf_doc d = { net, version, &attrs, &geo, last_year(&net->graph) };
	int rc;

	if (strcmp(version, "1.2") && strcmp(version, "1.3"))
		return cm_error_set(CM_EUSAGE, _("unknown GEXF version '%s' (use 1.2 or 1.3)"), version);
	ro.seed = o ? o->seed : 0;
	ro.layout = o ? o->layout : NULL;
	if ((rc = cm_map_geometry_compute(&geo, net, &ro)) == 0 && (rc = cm_export_attrs_list(&attrs, &net->graph)) == 0 &&
	    (rc = cm_export_attrs_pick(&attrs, &net->graph, vertex_skip, edge_skip, hints)) == 0)
		rc = cm_export_xml_write(f, "GEXF", write_document, &d);
	cm_map_geometry_free(&geo);
	cm_export_attrs_free(&attrs);
	return rc;
}
