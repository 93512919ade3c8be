/*
 * GraphML (http://graphml.graphdrawing.org), written with libxml2's
 * xmlTextWriter, which escapes text for XML, as gexf.c does.  Not through
 * igraph_write_graph_graphml(): igraph 0.10.2 names the nodes n0, n1...
 * and puts the actor id in a "name" attribute, writes every text attribute
 * as a string and every number as a double (the tie year 2020.0), so every
 * user had to relabel and retype.  Here:
 * - the actor id is the node id (NetworkX keys its nodes by it; igraph's
 *   reader and python-igraph keep it as the vertex attribute "id", which
 *   coopmap's loader takes as the actor id);
 * - every other attribute is a <key> with attr.name, for="node" or "edge",
 *   and attr.type from present/export/types.c ("long" for the years and
 *   for text columns that hold only whole numbers, "double" for lat/lon,
 *   the measures with their own types); key ids are v_NAME / e_NAME as
 *   igraph writes them, or v_N / e_N when NAME is not an XML name token;
 * - an empty text or undefined number (an undated tie's year) is left out,
 *   which every reader takes as missing.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "present/export/graphml.h"
#include "coopmap/common.h"
#include "base/error.h"
#include "present/export/types.h"
#include "present/export/xml.h"
#include "base/i18n.h"

/* The key id of each written attribute, beside cm_export_attr's name and types. */
typedef struct {
	char key[80];
} graphml_key;

/* What the document is written from. */
typedef struct {
	const cm_network *net;
	const cm_export_attrs *attrs;
	const graphml_key *vkeys, *ekeys;
} graphml_doc;

/* 1 when name can follow "v_" in a key id (an XML name token of ASCII letters, digits, _ . -). */
static int token_name(const char *name)
{
	if (!name[0] || strlen(name) > 60)
		return 0;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '_' || *p == '.' || *p == '-'))
			return 0;
	return 1;
}

/* The key ids of n attributes: PREFIX_NAME as igraph writes them, or PREFIX + number when NAME is no token. */
static graphml_key *make_keys(const char *prefix, const cm_export_attr *attrs, size_t n)
{
	graphml_key *keys = calloc(n + 1, sizeof(*keys));

	for (size_t a = 0; keys && a < n; a++)
		if (token_name(attrs[a].name))
			snprintf(keys[a].key, sizeof(keys[a].key), "%s_%s", prefix, attrs[a].name);
		else
			snprintf(keys[a].key, sizeof(keys[a].key), "%s%zu", prefix, a);
	return keys;
}

/* Write the <key> elements of one class. */
static int write_keys(xmlTextWriterPtr w, const char *class, const cm_export_attr *attrs, const graphml_key *keys,
                      size_t n)
{
	int bad = 0;

	for (size_t a = 0; a < n && !bad; a++) {
		bad |= xmlTextWriterStartElement(w, BAD_CAST "key") < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST keys[a].key) < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST class) < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "attr.name", BAD_CAST attrs[a].name) < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "attr.type", BAD_CAST attrs[a].type) < 0;
		bad |= xmlTextWriterEndElement(w) < 0;
	}
	return bad ? -1 : 0;
}

/* Write the <data> of vertex or edge i (an empty text or an undefined number is left out). */
static int write_data(xmlTextWriterPtr w, const igraph_t *g, igraph_attribute_elemtype_t where, igraph_integer_t i,
                      const cm_export_attr *attrs, const graphml_key *keys, size_t n)
{
	char num[64];
	int bad = 0;

	for (size_t a = 0; a < n && !bad; a++) {
		const char *value = cm_export_attr_text(num, sizeof(num), g, where, attrs[a].name, attrs[a].igtype, i);

		if (!value)
			continue;
		bad |= xmlTextWriterStartElement(w, BAD_CAST "data") < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST keys[a].key) < 0;
		bad |= xmlTextWriterWriteString(w, BAD_CAST value) < 0;
		bad |= xmlTextWriterEndElement(w) < 0;
	}
	return bad ? -1 : 0;
}

/* The actor id of vertex v (its index when the network has no ids). */
static const char *node_id(const igraph_t *g, int has_id, igraph_integer_t v, char *buf, size_t size)
{
	if (has_id)
		return VAS(g, CM_ATTR_ID, v);
	snprintf(buf, size, "%" IGRAPH_PRId, v);
	return buf;
}

/* Write the document (a cm_export_xml_body): keys, then the graph's nodes and edges. */
static int write_document(xmlTextWriterPtr w, const void *data)
{
	const graphml_doc *d = data;
	const cm_network *net = d->net;
	const cm_export_attrs *at = d->attrs;
	const igraph_t *g = &net->graph;
	int has_id = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID), bad = 0;
	char a[32], b[32];

	bad |= xmlTextWriterStartElement(w, BAD_CAST "graphml") < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST "http://graphml.graphdrawing.org/xmlns") < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xsi",
	                                   BAD_CAST "http://www.w3.org/2001/XMLSchema-instance") < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xsi:schemaLocation",
	                                   BAD_CAST "http://graphml.graphdrawing.org/xmlns "
	                                            "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd") < 0;
	bad |= xmlTextWriterWriteComment(w, BAD_CAST " coopmap " COOPMAP_VERSION " ") < 0;
	bad |= write_keys(w, "node", at->v, d->vkeys, at->nv) < 0;
	bad |= write_keys(w, "edge", at->e, d->ekeys, at->ne) < 0;
	bad |= xmlTextWriterStartElement(w, BAD_CAST "graph") < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "G") < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "edgedefault",
	                                   BAD_CAST(net->directed ? "directed" : "undirected")) < 0;
	for (igraph_integer_t v = 0; v < igraph_vcount(g) && !bad; v++) {
		bad |= xmlTextWriterStartElement(w, BAD_CAST "node") < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST node_id(g, has_id, v, a, sizeof(a))) < 0;
		bad |= write_data(w, g, IGRAPH_ATTRIBUTE_VERTEX, v, at->v, d->vkeys, at->nv) < 0;
		bad |= xmlTextWriterEndElement(w) < 0;
	}
	for (igraph_integer_t e = 0; e < igraph_ecount(g) && !bad; e++) {
		igraph_integer_t from = IGRAPH_FROM(g, e), to = IGRAPH_TO(g, e);

		/* igraph keeps an undirected tie with the larger index first: write the earlier actor first */
		if (!net->directed && from > to) {
			igraph_integer_t t = from;

			from = to;
			to = t;
		}
		bad |= xmlTextWriterStartElement(w, BAD_CAST "edge") < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "source", BAD_CAST node_id(g, has_id, from, a, sizeof(a))) < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "target", BAD_CAST node_id(g, has_id, to, b, sizeof(b))) < 0;
		bad |= write_data(w, g, IGRAPH_ATTRIBUTE_EDGE, e, at->e, d->ekeys, at->ne) < 0;
		bad |= xmlTextWriterEndElement(w) < 0;
	}
	return bad ? -1 : 0;
}

/* Write GraphML; see present/export/graphml.h. */
int cm_export_graphml(FILE *f, const cm_network *net, const cm_export_hint *hints)
{
	/* the actor id is the node id, not a key */
	static const char *const vertex_skip[] = { CM_ATTR_ID, NULL };
	cm_export_attrs attrs = { 0 };
	graphml_doc d = { net, &attrs, NULL, NULL };
	graphml_key *vkeys = NULL, *ekeys = NULL;
	int rc;

	if ((rc = cm_export_attrs_list(&attrs, &net->graph)) == 0 &&
	    (rc = cm_export_attrs_pick(&attrs, &net->graph, vertex_skip, NULL, hints)) == 0) {
		if (!(d.vkeys = vkeys = make_keys("v", attrs.v, attrs.nv)) ||
		    !(d.ekeys = ekeys = make_keys("e", attrs.e, attrs.ne)))
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		else
			rc = cm_export_xml_write(f, "GraphML", write_document, &d);
	}
	free(vkeys);
	free(ekeys);
	cm_export_attrs_free(&attrs);
	return rc;
}
