/*
 * The CSV folder of coopmap convert: nodes.csv and edges.csv with every
 * attribute, each written through cm_output, so a failed write leaves any
 * existing file untouched.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "coopmap/common.h"
#include "coopmap/network.h"
#include "coopmap/output.h"
#include "coopmap/text.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "model/raw.h"
#include "present/export/csv.h"

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

/*
 * Write nodes.csv: id,label,type,region, then the other actor attributes.
 * For a two-mode graph, part 0 writes the actors (nodes.csv), part 1 the
 * events (events.csv), without the "bipartite" column that the files
 * stand for; part -1 writes every vertex.
 */
static int write_nodes_csv(FILE *f, const igraph_t *graph, const attr_list *v, int part)
{
	static const char *const fixed[] = { CM_ATTR_ID, CM_ATTR_LABEL, CM_ATTR_TYPE, CM_ATTR_REGION, NULL };
	static const char *const header[] = { "id", "label", "type", "region" };
	char buf[64];

	for (int c = 0; c < 4; c++)
		csv_field(f, header[c], c == 0);
	for (igraph_integer_t a = 0; a < igraph_strvector_size(&v->names); a++) {
		const char *name = igraph_strvector_get(&v->names, a);

		if (in_list(name, fixed) || (part >= 0 && !strcmp(name, "bipartite")))
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
		if (part >= 0 && VAN(graph, "bipartite", i) != part)
			continue;
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

			if (in_list(name, fixed) || (part >= 0 && !strcmp(name, "bipartite")))
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
static int write_edges_csv(FILE *f, const igraph_t *graph, const attr_list *v, const attr_list *e,
                           int two_mode)
{
	static const char *const fixed[] = { CM_ATTR_WEIGHT, CM_ATTR_YEAR, CM_ATTR_KIND, NULL };
	static const char *const endpoints[] = { "source", "target", "from", "to", NULL };
	int has_name = attr_type(v, CM_ATTR_ID) == IGRAPH_ATTRIBUTE_STRING;
	char buf[64], buf2[64];

	/* two-mode: participations.csv, the actor (a lower index than any event) first */
	csv_field(f, two_mode ? "actor" : "source", 1);
	csv_field(f, two_mode ? "event" : "target", 0);
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
int cm_export_csv_folder(const cm_network *net, const char *dir)
{
	const igraph_t *graph = &net->graph;
	attr_list v, e;
	igraph_strvector_t gnames;
	igraph_vector_int_t gtypes;
	char *nodes_path = NULL, *edges_path = NULL, *events_path = NULL;
	cm_output *out = NULL;
	struct stat st;
	int rc = 0, two_mode = cm_attr_type(graph, IGRAPH_ATTRIBUTE_VERTEX, "bipartite") == IGRAPH_ATTRIBUTE_NUMERIC;

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
	CM_IG(igraph_cattribute_list(graph, &gnames, &gtypes, &v.names, &v.types, &e.names, &e.types),
	      "listing attributes");
	nodes_path = join_path(dir, "nodes.csv");
	edges_path = join_path(dir, two_mode ? "participations.csv" : "edges.csv");
	events_path = join_path(dir, "events.csv");
	if (!nodes_path || !edges_path || !events_path) {
		rc = CM_ENOMEM;
		goto done;
	}
	if ((rc = cm_output_open(&out, nodes_path)) < 0)
		goto done;
	write_nodes_csv(cm_output_stream(out), graph, &v, two_mode ? 0 : -1);
	rc = cm_output_commit(out);
	out = NULL;
	if (rc < 0)
		goto done;
	if (two_mode) {
		if ((rc = cm_output_open(&out, events_path)) < 0)
			goto done;
		write_nodes_csv(cm_output_stream(out), graph, &v, 1);
		rc = cm_output_commit(out);
		out = NULL;
		if (rc < 0)
			goto done;
	}
	if ((rc = cm_output_open(&out, edges_path)) < 0)
		goto done;
	write_edges_csv(cm_output_stream(out), graph, &v, &e, two_mode);
	rc = cm_output_commit(out);
	out = NULL;
done:
	cm_output_abort(out);
	igraph_strvector_destroy(&v.names);
	igraph_vector_int_destroy(&v.types);
	igraph_strvector_destroy(&e.names);
	igraph_vector_int_destroy(&e.types);
	igraph_strvector_destroy(&gnames);
	igraph_vector_int_destroy(&gtypes);
	free(nodes_path);
	free(edges_path);
	free(events_path);
	return rc;
}
