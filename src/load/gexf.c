/*
 * GEXF (https://gexf.net), Gephi's format, read with libxml2's
 * xmlTextReader: versions 1.1draft, 1.2draft and 1.3, static and dynamic,
 * as Gephi, NetworkX and coopmap write them.
 *
 * Safety: the parser gets XML_PARSE_NONET and no option that loads a DTD or
 * substitutes entities, and any document type declaration is refused as
 * soon as it is seen, before an entity could be used: no file or URL is
 * ever read (XXE) and no entity expands ("billion laughs").  GEXF has no
 * DTD, so a real file never has one.
 *
 * What is kept: the node id becomes the actor id, its label the label;
 * every <attvalue> becomes a text attribute named by the attribute's
 * title (its id when untitled; declared defaults fill the gaps); the edge
 * weight and label; the tie year from a "year" attvalue, else the earliest
 * start of its spells (or of its start attribute) when that is a year.
 * viz: elements (positions, colours, sizes) are presentation and ignored.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "load/gexf.h"
#include "coopmap/common.h"
#include "coopmap/network.h"
#include "base/error.h"
#include "base/text.h"
#include "model/names.h"
#include "base/i18n.h"

/* A declared (or used) attribute of nodes or edges, and its values so far. */
typedef struct {
	char *id, *title, *deflt;
	int edge;                   /* 0: node attribute, 1: edge attribute */
	int typed;                  /* declared with a type other than string (a number, a boolean...) */
	igraph_strvector_t values;  /* one per node or edge read so far */
} gexf_decl;

/* Everything read so far. */
typedef struct {
	const char *name;           /* file name for messages */
	xmlTextReaderPtr r;
	cm_names ids;               /* node id -> vertex */
	igraph_strvector_t labels;  /* per node */
	igraph_strvector_t sources, targets, weights, elabels, years;  /* per edge */
	igraph_vector_int_t edge_lines;
	gexf_decl *decl;
	size_t ndecl, capdecl;
	int decl_class;             /* inside <attributes>: 0 node, 1 edge, -1 outside */
	int directed, any_weight, any_elabel, any_year;
	int in_node, in_edge;       /* the element that attvalues and spells belong to */
	igraph_integer_t n, m;
	double spell_start;         /* earliest spell start of the current edge */
	igraph_integer_t dynamic_values, spell_years;
	char xml_error[300];
	long xml_error_line;
} gexf_reader;

/* The line of the element the reader is on (the parser itself reads ahead). */
static long line_of(gexf_reader *g)
{
	xmlNodePtr node = xmlTextReaderCurrentNode(g->r);
	long line = node ? xmlGetLineNo(node) : -1;

	return line > 0 ? line : (long)xmlTextReaderGetParserLineNumber(g->r);
}

/*
 * The line of a document type declaration in the prolog (before the root
 * element), or 0 when there is none.  Looked for before parsing, since
 * libxml2 reads the declaration and the root's start tag in one step.
 */
static long doctype_line(const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len;
	long line = 1;

	while (p < end) {
		if (*p == '\n') {
			line++;
			p++;
		} else if (*p != '<') {
			p++;
		} else if (end - p >= 9 && !memcmp(p, "<!DOCTYPE", 9)) {
			return line;
		} else if (end - p >= 4 && !memcmp(p, "<!--", 4)) {
			const char *close = p + 4;

			while (close + 3 <= end && memcmp(close, "-->", 3))
				line += *close++ == '\n';
			p = close + 3;
		} else if (end - p >= 2 && p[1] == '?') {
			while (p < end && *p != '>')
				line += *p++ == '\n';
		} else {
			return 0;  /* the root element: the prolog is over */
		}
	}
	return 0;
}

/* An attribute of the current element, as a new string (NULL when absent). */
static char *attr(gexf_reader *g, const char *name)
{
	return (char *)xmlTextReaderGetAttribute(g->r, BAD_CAST name);
}

/* libxml2's first error message and line, kept for the report. */
static void on_xml_error(void *arg, const char *msg, xmlParserSeverities severity, xmlTextReaderLocatorPtr loc)
{
	gexf_reader *g = arg;
	size_t n;

	if (g->xml_error[0] || (severity != XML_PARSER_SEVERITY_ERROR && severity != XML_PARSER_SEVERITY_VALIDITY_ERROR &&
	                        severity != XML_PARSER_SEVERITY_WARNING))
		return;
	if (severity == XML_PARSER_SEVERITY_WARNING)
		return;
	snprintf(g->xml_error, sizeof(g->xml_error), "%s", msg ? msg : "");
	n = strlen(g->xml_error);
	while (n > 0 && (g->xml_error[n - 1] == '\n' || g->xml_error[n - 1] == ' '))
		g->xml_error[--n] = '\0';
	/* where the parser is: the locator gives the line of the node being built */
	(void)loc;
	g->xml_error_line = g->r ? (long)xmlTextReaderGetParserLineNumber(g->r) : 0;
}

/* The declaration of attribute id for nodes or edges; created (untitled) when absent unless !create. */
static gexf_decl *find_decl(gexf_reader *g, const char *id, int edge, int create, int *rc)
{
	gexf_decl *d;

	*rc = 0;
	for (size_t i = 0; i < g->ndecl; i++)
		if (g->decl[i].edge == edge && !strcmp(g->decl[i].id, id))
			return &g->decl[i];
	if (!create)
		return NULL;
	if (g->ndecl == g->capdecl) {
		size_t cap = g->capdecl ? 2 * g->capdecl : 8;
		gexf_decl *p = realloc(g->decl, cap * sizeof(*p));

		if (!p) {
			*rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			return NULL;
		}
		g->decl = p;
		g->capdecl = cap;
	}
	d = &g->decl[g->ndecl];
	memset(d, 0, sizeof(*d));
	d->edge = edge;
	if (!(d->id = cm_strdup(id)) ||
	    igraph_strvector_init(&d->values, edge ? g->m : g->n) != IGRAPH_SUCCESS) {
		free(d->id);
		*rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		return NULL;
	}
	g->ndecl++;
	return d;
}

/* Add one empty value to every attribute of nodes (edge 0) or edges, for the element just started. */
static int grow_values(gexf_reader *g, int edge)
{
	for (size_t i = 0; i < g->ndecl; i++)
		if (g->decl[i].edge == edge && igraph_strvector_push_back(&g->decl[i].values, "") != IGRAPH_SUCCESS)
			return cm_error_set(CM_ENOMEM, _("out of memory"));
	return 0;
}

/* The name an attribute gets: its title, else its id; never the model's "name". */
static const char *decl_name(const gexf_decl *d)
{
	return d->title && d->title[0] ? d->title : d->id;
}

/* <attribute id title type>: declare it, with its <default> when there is one. */
static int read_attribute(gexf_reader *g)
{
	char *id = attr(g, "id"), *title = attr(g, "title"), *type = attr(g, "type");
	gexf_decl *d;
	int rc = 0;

	if (!id || !id[0]) {
		rc = cm_error_set_at(CM_EINPUT, g->name, line_of(g), _("an <attribute> without an id"));
		goto done;
	}
	if (!(d = find_decl(g, id, g->decl_class, 1, &rc)))
		goto done;
	d->typed = type && type[0] && strcmp(type, "string") && strcmp(type, "liststring");
	free(d->title);
	if (!(d->title = cm_strdup(title ? title : ""))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	if (!xmlTextReaderIsEmptyElement(g->r)) {
		int depth = xmlTextReaderDepth(g->r), ret;

		/* look for <default>text</default> among the children */
		while ((ret = xmlTextReaderRead(g->r)) == 1 && xmlTextReaderDepth(g->r) > depth) {
			if (xmlTextReaderNodeType(g->r) == XML_READER_TYPE_ELEMENT &&
			    !strcmp((const char *)xmlTextReaderConstLocalName(g->r), "default")) {
				char *text = (char *)xmlTextReaderReadString(g->r);

				free(d->deflt);
				d->deflt = cm_strdup(text ? text : "");
				xmlFree(text);
				if (!d->deflt) {
					rc = cm_error_set(CM_ENOMEM, _("out of memory"));
					break;
				}
			}
		}
		if (ret < 0)
			rc = CM_EINPUT;  /* reported by the caller from the XML error */
	}
done:
	xmlFree(id);
	xmlFree(title);
	xmlFree(type);
	return rc;
}

/* <node id label>: a new actor (a repeated id is refused). */
static int read_node(gexf_reader *g)
{
	char *id = attr(g, "id"), *label = attr(g, "label");
	igraph_integer_t idx;
	int rc = 0, added;

	if (!id || !id[0]) {
		rc = cm_error_set_at(CM_EINPUT, g->name, line_of(g), _("a <node> without an id"));
		goto done;
	}
	if ((rc = cm_names_add(&g->ids, id, &idx, &added)) < 0)
		goto done;
	if (!added) {
		rc = cm_error_set_at(CM_EINPUT, g->name, line_of(g), _("node id '%s' is used twice"), id);
		goto done;
	}
	if (igraph_strvector_push_back(&g->labels, label ? label : "") != IGRAPH_SUCCESS) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	g->n++;
	if ((rc = grow_values(g, 0)) < 0)
		goto done;
	g->in_node = !xmlTextReaderIsEmptyElement(g->r);
done:
	xmlFree(id);
	xmlFree(label);
	return rc;
}

/* A spell or start attribute: keep the earliest start of the current edge. */
static void note_start(gexf_reader *g, const char *start)
{
	char *end;
	double y;

	if (!start || !start[0])
		return;
	/* a year, a number of the "double" time format, or a date (its year) */
	y = strtod(start, &end);
	if (end == start || !isfinite(y))
		return;
	y = floor(y);
	if (isnan(g->spell_start) || y < g->spell_start)
		g->spell_start = y;
}

/* <edge id source target weight type label start kind>: a new tie; *empty when it has no children. */
static int read_edge(gexf_reader *g, int *empty)
{
	char *source = attr(g, "source"), *target = attr(g, "target"), *weight = attr(g, "weight");
	char *type = attr(g, "type"), *label = attr(g, "label"), *start = attr(g, "start"), *kind = attr(g, "kind");
	int rc = 0;

	if (!source || !target) {
		rc = cm_error_set_at(CM_EINPUT, g->name, line_of(g), _("an <edge> without a %s"), source ? "target" : "source");
		goto done;
	}
	if (igraph_strvector_push_back(&g->sources, source) || igraph_strvector_push_back(&g->targets, target) ||
	    igraph_strvector_push_back(&g->weights, weight ? weight : "") ||
	    igraph_strvector_push_back(&g->elabels, label ? label : "") || igraph_strvector_push_back(&g->years, "") ||
	    igraph_vector_int_push_back(&g->edge_lines, line_of(g))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	g->m++;
	g->any_weight |= weight != NULL;
	g->any_elabel |= label != NULL && label[0];
	if (type && !strcmp(type, "directed"))
		g->directed = 1;
	if ((rc = grow_values(g, 1)) < 0)
		goto done;
	if (kind && kind[0]) {
		gexf_decl *d = find_decl(g, "kind", 1, 1, &rc);

		if (!d || igraph_strvector_set(&d->values, g->m - 1, kind) != IGRAPH_SUCCESS) {
			rc = rc ? rc : cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
	}
	g->spell_start = NAN;
	note_start(g, start);
	g->in_edge = 1;
	*empty = xmlTextReaderIsEmptyElement(g->r);
done:
	xmlFree(source);
	xmlFree(target);
	xmlFree(weight);
	xmlFree(type);
	xmlFree(label);
	xmlFree(start);
	xmlFree(kind);
	return rc;
}

/* The end of an edge: its year from the spells when no attvalue gave one. */
static int end_edge(gexf_reader *g)
{
	char buf[32];

	g->in_edge = 0;
	if (isnan(g->spell_start) || igraph_strvector_get(&g->years, g->m - 1)[0])
		return 0;
	snprintf(buf, sizeof(buf), "%.0f", g->spell_start);
	g->spell_years++;
	if (igraph_strvector_set(&g->years, g->m - 1, buf) != IGRAPH_SUCCESS)
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	return 0;
}

/* <attvalue for value>: the value of an attribute for the current node or edge. */
static int read_attvalue(gexf_reader *g)
{
	char *fore = attr(g, "for"), *value = attr(g, "value");
	int edge = g->in_edge, rc = 0;
	igraph_integer_t i = edge ? g->m - 1 : g->n - 1;
	gexf_decl *d;

	if (!fore)
		fore = attr(g, "id");  /* GEXF 1.0 */
	if (!fore || !value || (!g->in_edge && !g->in_node))
		goto done;
	if (!(d = find_decl(g, fore, edge, 1, &rc)))
		goto done;
	/* Gephi writes "null" for a number or boolean without a value (its includeNullAttValues option) */
	if (d->typed && !strcmp(value, "null"))
		goto done;
	if (igraph_strvector_get(&d->values, i)[0]) {
		/* a dynamic attribute: the first value is kept */
		g->dynamic_values++;
		goto done;
	}
	if (igraph_strvector_set(&d->values, i, value) != IGRAPH_SUCCESS)
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
done:
	xmlFree(fore);
	xmlFree(value);
	return rc;
}

/* One start tag. */
static int read_element(gexf_reader *g, const char *tag, int *seen_root)
{
	int rc = 0;

	if (!*seen_root) {
		*seen_root = 1;
		if (strcmp(tag, "gexf"))
			return cm_error_set_at(CM_EINPUT, g->name, line_of(g), _("not a GEXF file: the root element is <%s>"),
			                       tag);
		return 0;
	}
	if (!strcmp(tag, "graph")) {
		char *type = attr(g, "defaultedgetype");

		g->directed |= type && !strcmp(type, "directed");
		xmlFree(type);
	} else if (!strcmp(tag, "attributes")) {
		char *cls = attr(g, "class");

		g->decl_class = cls && !strcmp(cls, "edge") ? 1 : 0;
		xmlFree(cls);
	} else if (!strcmp(tag, "attribute")) {
		rc = read_attribute(g);
	} else if (!strcmp(tag, "node")) {
		rc = read_node(g);
	} else if (!strcmp(tag, "edge")) {
		int empty = 0;

		if ((rc = read_edge(g, &empty)) == 0 && empty)
			rc = end_edge(g);
	} else if (!strcmp(tag, "attvalue")) {
		rc = read_attvalue(g);
	} else if ((!strcmp(tag, "spell") || !strcmp(tag, "slice")) && g->in_edge) {
		char *start = attr(g, "start");

		if (!start)
			start = attr(g, "startopen");
		note_start(g, start);
		xmlFree(start);
	}
	return rc;
}

/* Parse the whole document into g. */
static int parse(gexf_reader *g)
{
	int ret, rc = 0, seen_root = 0;

	while (rc == 0 && (ret = xmlTextReaderRead(g->r)) == 1) {
		int type = xmlTextReaderNodeType(g->r);
		const char *tag = (const char *)xmlTextReaderConstLocalName(g->r);

		if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE ||
		    type == XML_READER_TYPE_ENTITY)
			return cm_error_set_at(CM_EINPUT, g->name, line_of(g),
			                       _("a document type declaration (DOCTYPE) is not allowed in GEXF: its "
			                       "entities could read other files or expand without end"));
		if (type == XML_READER_TYPE_ELEMENT)
			rc = read_element(g, tag, &seen_root);
		else if (type == XML_READER_TYPE_END_ELEMENT && !strcmp(tag, "node"))
			g->in_node = 0;
		else if (type == XML_READER_TYPE_END_ELEMENT && !strcmp(tag, "edge"))
			rc = end_edge(g);
		if (rc == CM_EINPUT && !cm_error_code())
			break;
	}
	if (rc < 0 && cm_error_code())
		return rc;
	if (rc < 0 || ret < 0 || g->xml_error[0])
		return cm_error_set_at(CM_EINPUT, g->name, g->xml_error_line > 0 ? g->xml_error_line : line_of(g),
		                       _("not well-formed XML: %s"), g->xml_error[0] ? g->xml_error : "unexpected end");
	if (!seen_root)
		return cm_error_set_at(CM_EINPUT, g->name, 0, _("empty file"));
	return 0;
}

/* Set a string attribute of every vertex (edge 0) or edge from a strvector. */
static int set_strings(igraph_t *graph, int edge, const char *name, const igraph_strvector_t *sv)
{
	igraph_error_t err = edge ? igraph_cattribute_EAS_setv(graph, name, sv) : igraph_cattribute_VAS_setv(graph, name, sv);

	return err == IGRAPH_SUCCESS ? 0 : cm_error_from_igraph(err, "reading GEXF");
}

/* Build the raw graph from what was read: ties resolved by node id, attributes set. */
static int build(igraph_t *raw, gexf_reader *g)
{
	igraph_vector_int_t ends;
	igraph_strvector_t ids;
	int rc = 0, have_graph = 0;

	if (igraph_vector_int_init(&ends, 2 * g->m) || igraph_strvector_init(&ids, g->n))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	for (igraph_integer_t e = 0; e < g->m; e++) {
		for (int k = 0; k < 2; k++) {
			const char *id = igraph_strvector_get(k ? &g->targets : &g->sources, e);
			igraph_integer_t v = cm_names_get(&g->ids, id);

			if (v < 0) {
				rc = cm_error_set_at(CM_EINPUT, g->name, VECTOR(g->edge_lines)[e],
				                     _("edge %s '%s' is not a node of the file"), k ? "target" : "source", id);
				goto done;
			}
			VECTOR(ends)[2 * e + k] = v;
		}
	}
	for (igraph_integer_t v = 0; v < g->n; v++)
		CM_IG(igraph_strvector_set(&ids, v, cm_names_text(&g->ids, v)), "reading GEXF");
	CM_IG(igraph_empty(raw, g->n, g->directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED), "reading GEXF");
	have_graph = 1;
	CM_IG(igraph_add_edges(raw, &ends, NULL), "reading GEXF");
	if ((rc = set_strings(raw, 0, CM_ATTR_ID, &ids)) < 0 || (rc = set_strings(raw, 0, CM_ATTR_LABEL, &g->labels)) < 0)
		goto done;
	if (g->any_weight) {
		for (igraph_integer_t e = 0; e < g->m; e++)
			if (!igraph_strvector_get(&g->weights, e)[0])
				CM_IG(igraph_strvector_set(&g->weights, e, "1"), "reading GEXF");
		if ((rc = set_strings(raw, 1, CM_ATTR_WEIGHT, &g->weights)) < 0)
			goto done;
	}
	if (g->any_elabel && (rc = set_strings(raw, 1, CM_ATTR_LABEL, &g->elabels)) < 0)
		goto done;
	for (size_t i = 0; i < g->ndecl; i++) {
		gexf_decl *d = &g->decl[i];
		const char *name = decl_name(d);
		igraph_integer_t count = d->edge ? g->m : g->n;

		/* the id and the tie ends come from the file's structure, not from an attvalue */
		if ((!d->edge && (!strcmp(name, CM_ATTR_ID) || !strcmp(name, CM_ATTR_LABEL))) ||
		    (d->edge && !strcmp(name, CM_ATTR_WEIGHT) && g->any_weight)) {
			char *renamed = malloc(strlen(name) + 6);

			if (!renamed) {
				rc = cm_error_set(CM_ENOMEM, _("out of memory"));
				goto done;
			}
			sprintf(renamed, "%s_attr", name);
			cm_notice(_("%s: attribute '%s' renamed '%s' (GEXF gives the %s itself)"), g->name, name, renamed,
			          !strcmp(name, CM_ATTR_WEIGHT) ? "tie weight" : !strcmp(name, CM_ATTR_ID) ? "actor id" : "label");
			free(d->title);
			d->title = renamed;
			name = d->title;
		}
		for (igraph_integer_t k = 0; d->deflt && k < count; k++)
			if (!igraph_strvector_get(&d->values, k)[0])
				CM_IG(igraph_strvector_set(&d->values, k, d->deflt), "reading GEXF");
		if (d->edge && !strcmp(name, CM_ATTR_YEAR)) {
			/* the year attvalue wins over spells */
			for (igraph_integer_t e = 0; e < g->m; e++)
				if (!igraph_strvector_get(&d->values, e)[0])
					CM_IG(igraph_strvector_set(&d->values, e, igraph_strvector_get(&g->years, e)), "reading GEXF");
			g->any_year = 2;
		}
		if ((rc = set_strings(raw, d->edge, name, &d->values)) < 0)
			goto done;
	}
	if (g->any_year != 2 && g->spell_years) {
		cm_notice("%s: %" IGRAPH_PRId " tie%s dated by the start of %s spells", g->name, g->spell_years,
		          g->spell_years == 1 ? "" : "s", g->spell_years == 1 ? "its" : "their");
		if ((rc = set_strings(raw, 1, CM_ATTR_YEAR, &g->years)) < 0)
			goto done;
	}
	if (g->dynamic_values)
		cm_notice("%s: %" IGRAPH_PRId " attribute%s with values over time: the first value kept", g->name,
		          g->dynamic_values, g->dynamic_values == 1 ? "" : "s");
done:
	igraph_vector_int_destroy(&ends);
	igraph_strvector_destroy(&ids);
	if (rc < 0 && have_graph)
		igraph_destroy(raw);
	return rc;
}

/* Read GEXF into a raw graph; see load/gexf.h. */
int cm_gexf_read(igraph_t *raw, const char *buf, size_t len, const char *name)
{
	gexf_reader g;
	int rc = 0;

	memset(&g, 0, sizeof(g));
	g.name = name;
	g.decl_class = -1;
	g.spell_start = NAN;
	cm_names_init(&g.ids);
	if (len > INT32_MAX)
		return cm_error_set_at(CM_EINPUT, name, 0, _("too large for the GEXF reader (2 GB at most)"));
	{
		size_t i = 0;

		while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
			i++;
		if (i == len)
			return cm_error_set_at(CM_EINPUT, name, 0, _("empty file"));
	}
	if ((rc = (int)doctype_line(buf, len)) > 0)
		return cm_error_set_at(CM_EINPUT, name, rc,
		                       _("a document type declaration (DOCTYPE) is not allowed in GEXF: its "
		                       "entities could read other files or expand without end"));
	if (igraph_strvector_init(&g.labels, 0) || igraph_strvector_init(&g.sources, 0) ||
	    igraph_strvector_init(&g.targets, 0) || igraph_strvector_init(&g.weights, 0) ||
	    igraph_strvector_init(&g.elabels, 0) || igraph_strvector_init(&g.years, 0) ||
	    igraph_vector_int_init(&g.edge_lines, 0))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	/* no XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR or XML_PARSE_HUGE */
	g.r = xmlReaderForMemory(buf, (int)len, name, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!g.r) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	xmlTextReaderSetErrorHandler(g.r, on_xml_error, &g);
	if ((rc = parse(&g)) < 0)
		goto done;
	rc = build(raw, &g);
done:
	if (g.r)
		xmlFreeTextReader(g.r);
	cm_names_free(&g.ids);
	igraph_strvector_destroy(&g.labels);
	igraph_strvector_destroy(&g.sources);
	igraph_strvector_destroy(&g.targets);
	igraph_strvector_destroy(&g.weights);
	igraph_strvector_destroy(&g.elabels);
	igraph_strvector_destroy(&g.years);
	igraph_vector_int_destroy(&g.edge_lines);
	for (size_t i = 0; i < g.ndecl; i++) {
		free(g.decl[i].id);
		free(g.decl[i].title);
		free(g.decl[i].deflt);
		igraph_strvector_destroy(&g.decl[i].values);
	}
	free(g.decl);
	return rc;
}
