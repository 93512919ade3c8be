/*
 * Writing a network with all its attributes (coopmap convert): GraphML and
 * GML through igraph's writers, DOT through cgraph, CSV as a folder holding
 * nodes.csv and edges.csv.  Every file goes through cm_output, so a failed
 * write leaves any existing file untouched.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "coopmap/common.h"
#include "coopmap/export.h"
#include "coopmap/network.h"
#include "coopmap/output.h"
#include "coopmap/table.h"
#include "coopmap/text.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "model/raw.h"
#include "present/map/graphviz.h"

/* The format a path names: by extension, and a folder (no extension or a trailing /) is CSV. */
static cm_output_format format_from_path(const char *path)
{
	size_t len = strlen(path);
	const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
	struct stat st;

	if (len > 0 && path[len - 1] == '/')
		return CM_OUTPUT_CSV;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return CM_OUTPUT_CSV;
	if (!dot || (slash && dot < slash) || dot == (slash ? slash + 1 : path))
		return CM_OUTPUT_CSV;
	if (!strcasecmp(dot, ".graphml") || !strcasecmp(dot, ".xml"))
		return CM_OUTPUT_GRAPHML;
	if (!strcasecmp(dot, ".gml"))
		return CM_OUTPUT_GML;
	if (!strcasecmp(dot, ".dot") || !strcasecmp(dot, ".gv"))
		return CM_OUTPUT_DOT;
	return CM_OUTPUT_AUTO;
}

/* The text of an attribute value for CSV; numbers locale-free, NaN empty. */
static const char *value_text(const igraph_t *graph, int vertex, igraph_attribute_type_t type,
                              const char *name, igraph_integer_t i, char *buf, size_t size)
{
	if (type == IGRAPH_ATTRIBUTE_STRING)
		return vertex ? VAS(graph, name, i) : EAS(graph, name, i);
	if (type == IGRAPH_ATTRIBUTE_BOOLEAN)
		return (vertex ? VAB(graph, name, i) : EAB(graph, name, i)) ? "true" : "false";
	if (type == IGRAPH_ATTRIBUTE_NUMERIC) {
		cm_format_number(buf, size, vertex ? VAN(graph, name, i) : EAN(graph, name, i));
		return buf;
	}
	return "";
}

/* Write one RFC 4180 field: quoted when it holds a separator, quote, line break or edge spaces. */
static void csv_field(FILE *f, const char *s, int first)
{
	size_t n = strlen(s);
	int quote = n > 0 && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t');

	if (!first)
		fputc(',', f);
	if (!quote && strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

/* Attribute names of one kind, except the model columns written first. */
typedef struct {
	igraph_strvector_t names;
	igraph_vector_int_t types;
} attr_list;

/* Is name one of the NULL-terminated list? */
static int in_list(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(name, *list))
			return 1;
	return 0;
}

/* The type of attribute name in the list, or -1 when absent. */
static int attr_type(const attr_list *l, const char *name)
{
	for (igraph_integer_t i = 0; i < igraph_strvector_size(&l->names); i++)
		if (!strcmp(igraph_strvector_get(&l->names, i), name))
			return (int)VECTOR(l->types)[i];
	return -1;
}

/* Write nodes.csv: id,label,type,region, then the other actor attributes. */
static int write_nodes_csv(FILE *f, const igraph_t *graph, const attr_list *v)
{
	static const char *const fixed[] = { CM_ATTR_ID, CM_ATTR_LABEL, CM_ATTR_TYPE, CM_ATTR_REGION, NULL };
	static const char *const header[] = { "id", "label", "type", "region" };
	char buf[64];

	for (int c = 0; c < 4; c++)
		csv_field(f, header[c], c == 0);
	for (igraph_integer_t a = 0; a < igraph_strvector_size(&v->names); a++) {
		const char *name = igraph_strvector_get(&v->names, a);

		if (in_list(name, fixed))
			continue;
		/* a column called "id" would be read as the actor id */
		if (!strcmp(name, "id")) {
			snprintf(buf, sizeof(buf), "%s_attr", name);
			csv_field(f, buf, 0);
		} else {
			csv_field(f, name, 0);
		}
	}
	fputc('\n', f);
	for (igraph_integer_t i = 0; i < igraph_vcount(graph); i++) {
		for (int c = 0; c < 4; c++) {
			int t = attr_type(v, fixed[c]);
			const char *value = "";

			if (t >= 0)
				value = value_text(graph, 1, (igraph_attribute_type_t)t, fixed[c], i, buf, sizeof(buf));
			else if (c == 0)
				snprintf(buf, sizeof(buf), "%" IGRAPH_PRId, i), value = buf;
			csv_field(f, value, c == 0);
		}
		for (igraph_integer_t a = 0; a < igraph_strvector_size(&v->names); a++) {
			const char *name = igraph_strvector_get(&v->names, a);

			if (in_list(name, fixed))
				continue;
			csv_field(f, value_text(graph, 1, VECTOR(v->types)[a], name, i, buf, sizeof(buf)), 0);
		}
		fputc('\n', f);
	}
	return 0;
}

/* The actor id of vertex v as written in edges.csv. */
static const char *vertex_id(const igraph_t *graph, int has_name, igraph_integer_t v, char *buf, size_t size)
{
	if (has_name)
		return VAS(graph, CM_ATTR_ID, v);
	snprintf(buf, size, "%" IGRAPH_PRId, v);
	return buf;
}

/* Write edges.csv: source,target,weight,year,kind, then the other tie attributes. */
static int write_edges_csv(FILE *f, const igraph_t *graph, const attr_list *v, const attr_list *e)
{
	static const char *const fixed[] = { CM_ATTR_WEIGHT, CM_ATTR_YEAR, CM_ATTR_KIND, NULL };
	static const char *const endpoints[] = { "source", "target", "from", "to", NULL };
	int has_name = attr_type(v, CM_ATTR_ID) == IGRAPH_ATTRIBUTE_STRING;
	char buf[64], buf2[64];

	csv_field(f, "source", 1);
	csv_field(f, "target", 0);
	for (int c = 0; fixed[c]; c++)
		csv_field(f, fixed[c], 0);
	for (igraph_integer_t a = 0; a < igraph_strvector_size(&e->names); a++) {
		const char *name = igraph_strvector_get(&e->names, a);

		if (in_list(name, fixed))
			continue;
		/* a tie attribute named like an endpoint column would be read as one */
		if (in_list(name, endpoints)) {
			snprintf(buf, sizeof(buf), "%s_attr", name);
			csv_field(f, buf, 0);
		} else {
			csv_field(f, name, 0);
		}
	}
	fputc('\n', f);
	for (igraph_integer_t i = 0; i < igraph_ecount(graph); i++) {
		/* igraph stores an undirected tie with the larger index first: write the earlier actor first */
		igraph_integer_t from = IGRAPH_FROM(graph, i), to = IGRAPH_TO(graph, i);

		if (!igraph_is_directed(graph) && from > to) {
			igraph_integer_t t = from;

			from = to;
			to = t;
		}
		csv_field(f, vertex_id(graph, has_name, from, buf, sizeof(buf)), 1);
		csv_field(f, vertex_id(graph, has_name, to, buf2, sizeof(buf2)), 0);
		for (int c = 0; fixed[c]; c++) {
			int t = attr_type(e, fixed[c]);
			const char *value = "";

			if (t >= 0)
				value = value_text(graph, 0, (igraph_attribute_type_t)t, fixed[c], i, buf, sizeof(buf));
			else if (c == 0)
				value = "1";
			csv_field(f, value, 0);
		}
		for (igraph_integer_t a = 0; a < igraph_strvector_size(&e->names); a++) {
			const char *name = igraph_strvector_get(&e->names, a);

			if (in_list(name, fixed))
				continue;
			csv_field(f, value_text(graph, 0, VECTOR(e->types)[a], name, i, buf, sizeof(buf)), 0);
		}
		fputc('\n', f);
	}
	return 0;
}

/* path/name, freshly allocated. */
static char *join_path(const char *dir, const char *name)
{
	cm_strbuf b = { 0 };
	size_t len = strlen(dir);

	if (cm_strbuf_add(&b, dir, len) < 0 ||
	    (len > 0 && dir[len - 1] != '/' && cm_strbuf_puts(&b, "/") < 0) ||
	    cm_strbuf_puts(&b, name) < 0) {
		cm_strbuf_free(&b);
		return NULL;
	}
	return b.s;
}

/* Write the CSV folder: create it if needed, then nodes.csv and edges.csv, each atomically. */
static int write_csv_folder(const cm_network *net, const char *dir)
{
	const igraph_t *graph = &net->graph;
	attr_list v, e;
	igraph_strvector_t gnames;
	igraph_vector_int_t gtypes;
	char *nodes_path = NULL, *edges_path = NULL;
	cm_output *out = NULL;
	struct stat st;
	int rc = 0, have = 0;
	igraph_error_t err;

	if (!strcmp(dir, "-"))
		return cm_error_set(CM_EUSAGE, "a CSV folder cannot be written to standard output (use -T graphml, gml or dot)");
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return cm_error_set(CM_EIO, "cannot create folder '%s': %s", dir, strerror(errno));
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return cm_error_set(CM_EIO, "cannot write the CSV folder '%s': a file of that name exists", dir);
	if (igraph_strvector_init(&v.names, 0) || igraph_vector_int_init(&v.types, 0) ||
	    igraph_strvector_init(&e.names, 0) || igraph_vector_int_init(&e.types, 0) ||
	    igraph_strvector_init(&gnames, 0) || igraph_vector_int_init(&gtypes, 0))
		return cm_error_set(CM_ENOMEM, "out of memory");
	have = 1;
	err = igraph_cattribute_list(graph, &gnames, &gtypes, &v.names, &v.types, &e.names, &e.types);
	if (err != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(err, "listing attributes");
		goto done;
	}
	nodes_path = join_path(dir, "nodes.csv");
	edges_path = join_path(dir, "edges.csv");
	if (!nodes_path || !edges_path) {
		rc = CM_ENOMEM;
		goto done;
	}
	if ((rc = cm_output_open(&out, nodes_path)) < 0)
		goto done;
	write_nodes_csv(cm_output_stream(out), graph, &v);
	rc = cm_output_commit(out);
	out = NULL;
	if (rc < 0)
		goto done;
	if ((rc = cm_output_open(&out, edges_path)) < 0)
		goto done;
	write_edges_csv(cm_output_stream(out), graph, &v, &e);
	rc = cm_output_commit(out);
	out = NULL;
done:
	cm_output_abort(out);
	if (have) {
		igraph_strvector_destroy(&v.names);
		igraph_vector_int_destroy(&v.types);
		igraph_strvector_destroy(&e.names);
		igraph_vector_int_destroy(&e.types);
		igraph_strvector_destroy(&gnames);
		igraph_vector_int_destroy(&gtypes);
	}
	free(nodes_path);
	free(edges_path);
	return rc;
}

/* 1 when s holds a control character XML 1.0 forbids (all below 0x20 but tab, LF, CR). */
static int has_xml_forbidden(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
			return 1;
	return 0;
}

/*
 * GraphML is XML, which cannot hold most control characters: name the
 * first offending value instead of letting the writer fail halfway.
 */
static int check_xml_text(const cm_network *net)
{
	const igraph_t *graph = &net->graph;
	igraph_strvector_t gn, vn, en;
	igraph_vector_int_t gt, vt, et;
	int rc = 0;
	int has_name = igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID);

	if (igraph_strvector_init(&gn, 0) || igraph_strvector_init(&vn, 0) || igraph_strvector_init(&en, 0) ||
	    igraph_vector_int_init(&gt, 0) || igraph_vector_int_init(&vt, 0) || igraph_vector_int_init(&et, 0))
		return cm_error_set(CM_ENOMEM, "out of memory");
	if (igraph_cattribute_list(graph, &gn, &gt, &vn, &vt, &en, &et) != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(IGRAPH_FAILURE, "listing attributes");
		goto done;
	}
	for (igraph_integer_t a = 0; a < igraph_strvector_size(&vn) && rc == 0; a++) {
		const char *name = igraph_strvector_get(&vn, a);

		if (VECTOR(vt)[a] != IGRAPH_ATTRIBUTE_STRING)
			continue;
		for (igraph_integer_t v = 0; v < igraph_vcount(graph); v++) {
			if (has_xml_forbidden(VAS(graph, name, v))) {
				rc = cm_error_set(CM_EINPUT, "cannot write GraphML: actor %s%s%s has a control character in '%s' "
				                  "(XML cannot hold it; use GML, DOT or CSV)",
				                  has_name ? "'" : "#", has_name ? VAS(graph, CM_ATTR_ID, v) : "", has_name ? "'" : "",
				                  name);
				break;
			}
		}
	}
	for (igraph_integer_t a = 0; a < igraph_strvector_size(&en) && rc == 0; a++) {
		const char *name = igraph_strvector_get(&en, a);

		if (VECTOR(et)[a] != IGRAPH_ATTRIBUTE_STRING)
			continue;
		for (igraph_integer_t e = 0; e < igraph_ecount(graph); e++) {
			if (has_xml_forbidden(EAS(graph, name, e))) {
				rc = cm_error_set(CM_EINPUT, "cannot write GraphML: tie %" IGRAPH_PRId " has a control character "
				                  "in '%s' (XML cannot hold it; use GML, DOT or CSV)", e + 1, name);
				break;
			}
		}
	}
done:
	igraph_strvector_destroy(&gn);
	igraph_strvector_destroy(&vn);
	igraph_strvector_destroy(&en);
	igraph_vector_int_destroy(&gt);
	igraph_vector_int_destroy(&vt);
	igraph_vector_int_destroy(&et);
	return rc;
}

int cm_network_write(const cm_network *net, const char *path, cm_output_format format)
{
	cm_output *out = NULL;
	FILE *f;
	int rc = 0;
	igraph_error_t err = IGRAPH_SUCCESS;

	if (!path || !path[0])
		return cm_error_set(CM_EUSAGE, "no output file given");
	if (format == CM_OUTPUT_AUTO) {
		if (!strcmp(path, "-"))
			return cm_error_set(CM_EUSAGE, "writing to standard output needs a format (-T graphml, gml or dot)");
		format = format_from_path(path);
		if (format == CM_OUTPUT_AUTO)
			return cm_error_set(CM_EUSAGE,
			                    "cannot tell the format from '%s' (use .graphml, .gml, .dot, or a folder for CSV)",
			                    path);
	}
	if (format == CM_OUTPUT_CSV)
		return write_csv_folder(net, path);
	if (format == CM_OUTPUT_GRAPHML && (rc = check_xml_text(net)) < 0)
		return rc;
	if ((rc = cm_output_open(&out, path)) < 0)
		goto done;
	f = cm_output_stream(out);
	switch (format) {
	case CM_OUTPUT_GRAPHML:
		/* prefixed keys (v_name, e_weight) keep vertex and edge attributes of the same name apart */
		err = igraph_write_graph_graphml(&net->graph, f, 1);
		break;
	case CM_OUTPUT_GML:
		err = igraph_write_graph_gml(&net->graph, f, IGRAPH_WRITE_GML_DEFAULT_SW, NULL,
		                             "coopmap " COOPMAP_VERSION);
		break;
	case CM_OUTPUT_DOT:
		if ((rc = cm_gv_write_dot(net, f, path)) < 0)
			goto done;
		break;
	default:
		rc = cm_error_set(CM_EUSAGE, "unknown output format");
		goto done;
	}
	/*
	 * A failed write is reported by cm_output_commit(), with its cause
	 * (a full disk; a closed standard output is no failure at all).
	 */
	if (err != IGRAPH_SUCCESS && ferror(f))
		cm_error_clear();
	else if (err != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(err, format == CM_OUTPUT_GML ? "writing GML" : "writing GraphML");
		goto done;
	}
	rc = cm_output_commit(out);
	out = NULL;
done:
	cm_output_abort(out);
	return rc;
}
