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
#include "base/i18n.h"

/* One declared attribute: its igraph name and type, its key id and declared type. */
typedef struct {
	const char *name;
	igraph_attribute_type_t igtype;
	const char *type;
	char key[80];
} graphml_attr;

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

/* The attributes of one class (the actor id left out: it is the node id), into *out and *n. */
static int list_attrs(graphml_attr **out, size_t *n, const igraph_t *g, igraph_attribute_elemtype_t where,
                      const igraph_strvector_t *names, const igraph_vector_int_t *types,
                      const cm_export_hint *hints)
{
	const char *prefix = where == IGRAPH_ATTRIBUTE_VERTEX ? "v" : "e";
	igraph_integer_t k = igraph_strvector_size(names);

	*n = 0;
	if (!(*out = calloc((size_t)k + 1, sizeof(**out))))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	for (igraph_integer_t a = 0; a < k; a++) {
		const char *name = igraph_strvector_get(names, a);
		igraph_attribute_type_t t = (igraph_attribute_type_t)VECTOR(*types)[a];
		graphml_attr *at = &(*out)[*n];

		if ((where == IGRAPH_ATTRIBUTE_VERTEX && !strcmp(name, CM_ATTR_ID)) ||
		    (t != IGRAPH_ATTRIBUTE_STRING && t != IGRAPH_ATTRIBUTE_NUMERIC && t != IGRAPH_ATTRIBUTE_BOOLEAN))
			continue;
		at->name = name;
		at->igtype = t;
		at->type = cm_export_attr_type(g, where, name, t, hints);
		if (token_name(name))
			snprintf(at->key, sizeof(at->key), "%s_%s", prefix, name);
		else
			snprintf(at->key, sizeof(at->key), "%s%zu", prefix, *n);
		(*n)++;
	}
	return 0;
}

/* Write the <key> elements of one class. */
static int write_keys(xmlTextWriterPtr w, const char *class, const graphml_attr *attrs, size_t n)
{
	int bad = 0;

	for (size_t a = 0; a < n && !bad; a++) {
		bad |= xmlTextWriterStartElement(w, BAD_CAST "key") < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST attrs[a].key) < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST class) < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "attr.name", BAD_CAST attrs[a].name) < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "attr.type", BAD_CAST attrs[a].type) < 0;
		bad |= xmlTextWriterEndElement(w) < 0;
	}
	return bad ? -1 : 0;
}

/* Write the <data> of vertex or edge i (an empty text or an undefined number is left out). */
static int write_data(xmlTextWriterPtr w, const igraph_t *g, igraph_attribute_elemtype_t where, igraph_integer_t i,
                      const graphml_attr *attrs, size_t n)
{
	char num[64];
	int bad = 0;

	for (size_t a = 0; a < n && !bad; a++) {
		const char *value = cm_export_attr_text(num, sizeof(num), g, where, attrs[a].name, attrs[a].igtype, i);

		if (!value)
			continue;
		bad |= xmlTextWriterStartElement(w, BAD_CAST "data") < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST attrs[a].key) < 0;
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

/* Write the document: keys, then the graph's nodes and edges. */
static int write_document(xmlTextWriterPtr w, const cm_network *net, const graphml_attr *vattrs, size_t nv,
                          const graphml_attr *eattrs, size_t ne)
{
	const igraph_t *g = &net->graph;
	int has_id = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID), bad = 0;
	char a[32], b[32];

	bad |= xmlTextWriterSetIndent(w, 1) < 0;
	bad |= xmlTextWriterSetIndentString(w, BAD_CAST "  ") < 0;
	bad |= xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0;
	bad |= xmlTextWriterStartElement(w, BAD_CAST "graphml") < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns", BAD_CAST "http://graphml.graphdrawing.org/xmlns") < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xsi",
	                                   BAD_CAST "http://www.w3.org/2001/XMLSchema-instance") < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xsi:schemaLocation",
	                                   BAD_CAST "http://graphml.graphdrawing.org/xmlns "
	                                            "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd") < 0;
	bad |= xmlTextWriterWriteComment(w, BAD_CAST " coopmap " COOPMAP_VERSION " ") < 0;
	bad |= write_keys(w, "node", vattrs, nv) < 0;
	bad |= write_keys(w, "edge", eattrs, ne) < 0;
	bad |= xmlTextWriterStartElement(w, BAD_CAST "graph") < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "G") < 0;
	bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "edgedefault",
	                                   BAD_CAST(net->directed ? "directed" : "undirected")) < 0;
	for (igraph_integer_t v = 0; v < igraph_vcount(g) && !bad; v++) {
		bad |= xmlTextWriterStartElement(w, BAD_CAST "node") < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST node_id(g, has_id, v, a, sizeof(a))) < 0;
		bad |= write_data(w, g, IGRAPH_ATTRIBUTE_VERTEX, v, vattrs, nv) < 0;
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
		bad |= write_data(w, g, IGRAPH_ATTRIBUTE_EDGE, e, eattrs, ne) < 0;
		bad |= xmlTextWriterEndElement(w) < 0;
	}
	bad |= xmlTextWriterEndDocument(w) < 0;
	return bad ? -1 : 0;
}

/* Write GraphML; see present/export/graphml.h. */
int cm_export_graphml(FILE *f, const cm_network *net, const cm_export_hint *hints)
{
	const igraph_t *g = &net->graph;
	igraph_strvector_t gn, vn, en;
	igraph_vector_int_t gt, vt, et;
	graphml_attr *vattrs = NULL, *eattrs = NULL;
	size_t nv = 0, ne = 0;
	xmlOutputBufferPtr buf = NULL;
	xmlTextWriterPtr w = NULL;
	int rc = 0;

	/* all or nothing, so that done: may destroy them */
	if (igraph_strvector_init(&gn, 0) || igraph_strvector_init(&vn, 0) || igraph_strvector_init(&en, 0) ||
	    igraph_vector_int_init(&gt, 0) || igraph_vector_int_init(&vt, 0) || igraph_vector_int_init(&et, 0))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	CM_IG(igraph_cattribute_list(g, &gn, &gt, &vn, &vt, &en, &et), "listing attributes");
	if ((rc = list_attrs(&vattrs, &nv, g, IGRAPH_ATTRIBUTE_VERTEX, &vn, &vt, hints)) < 0 ||
	    (rc = list_attrs(&eattrs, &ne, g, IGRAPH_ATTRIBUTE_EDGE, &en, &et, hints)) < 0)
		goto done;
	if (!(buf = xmlOutputBufferCreateFile(f, NULL)) || !(w = xmlNewTextWriter(buf))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	buf = NULL;  /* the writer owns it now */
	if (write_document(w, net, vattrs, nv, eattrs, ne) < 0 || xmlTextWriterFlush(w) < 0) {
		/* a failed stream is reported by cm_output_commit(), with its cause */
		if (!ferror(f))
			rc = cm_error_set(CM_ERROR, _("cannot write GraphML (libxml2 refused the text)"));
	}
done:
	if (w)
		xmlFreeTextWriter(w);
	if (buf)
		xmlOutputBufferClose(buf);
	free(vattrs);
	free(eattrs);
	igraph_strvector_destroy(&gn);
	igraph_strvector_destroy(&vn);
	igraph_strvector_destroy(&en);
	igraph_vector_int_destroy(&gt);
	igraph_vector_int_destroy(&vt);
	igraph_vector_int_destroy(&et);
	return rc;
}
