/*
 * The CSV folder of coopmap convert: nodes.csv and edges.csv with every
 * attribute, built as result tables so that csv and csv-fr follow the
 * table writer's rules (coopmap/table.h), each written through cm_output,
 * so a failed write leaves any existing file untouched.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "coopmap/common.h"
#include "coopmap/network.h"
#include "coopmap/output.h"
#include "coopmap/table.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "model/raw.h"
#include "present/export/csv.h"
#include "base/i18n.h"

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
 * Add the column of attribute name (of type, -1 when absent) to t, under
 * header: numbers as a real column, so that the table writer gives them
 * the format's decimal mark and digits; text and booleans as text.
 */
static int add_attr_column(cm_table *t, const char *header, int type)
{
	int rc = cm_table_add_column(t, header, type == IGRAPH_ATTRIBUTE_NUMERIC ? CM_COL_REAL : CM_COL_STRING);

	return rc < 0 ? rc : 0;
}

/* Set cell (row, col) of t from attribute name of vertex or edge i; absent attributes stay empty. */
static int set_attr_cell(cm_table *t, size_t row, size_t col, const igraph_t *graph, int vertex,
                         int type, const char *name, igraph_integer_t i)
{
	if (type == IGRAPH_ATTRIBUTE_STRING)
		return cm_table_set_string(t, row, col, vertex ? VAS(graph, name, i) : EAS(graph, name, i));
	if (type == IGRAPH_ATTRIBUTE_BOOLEAN)
		return cm_table_set_string(t, row, col,
		                           (vertex ? VAB(graph, name, i) : EAB(graph, name, i)) ? "true" : "false");
	if (type == IGRAPH_ATTRIBUTE_NUMERIC)
		cm_table_set_number(t, row, col, vertex ? VAN(graph, name, i) : EAN(graph, name, i));
	return 0;
}

/*
 * The table of nodes.csv: id,label,type,region, then the other actor
 * attributes.  For a two-mode graph, part 0 gives the actors (nodes.csv),
 * part 1 the events (events.csv), without the "bipartite" column that the
 * files stand for; part -1 gives every vertex.
 */
static int nodes_table(cm_table **out, const igraph_t *graph, const attr_list *v, int part)
{
	static const char *const fixed[] = { CM_ATTR_ID, CM_ATTR_LABEL, CM_ATTR_TYPE, CM_ATTR_REGION, NULL };
	static const char *const header[] = { "id", "label", "type", "region" };
	igraph_integer_t n = igraph_vcount(graph);
	cm_table *t = NULL;
	char buf[64];
	size_t col, row = 0, rows = 0;
	int rc;

	if ((rc = cm_table_new(&t)) < 0)
		goto done;
	for (int c = 0; c < 4; c++) {
		int type = attr_type(v, fixed[c]);

		/* the id is text, even when no attribute holds it (then the vertex index) */
		if ((rc = add_attr_column(t, header[c], c == 0 ? IGRAPH_ATTRIBUTE_STRING : type)) < 0)
			goto done;
	}
	/* ids are names: "1.5" stays "1.5" in csv-fr, apart from "1,5" */
	if ((rc = cm_table_keep_text(t, 0)) < 0)
		goto done;
	for (igraph_integer_t a = 0; a < igraph_strvector_size(&v->names); a++) {
		const char *name = igraph_strvector_get(&v->names, a);

		if (in_list(name, fixed) || (part >= 0 && !strcmp(name, "bipartite")))
			continue;
		/* a column called "id" would be read as the actor id */
		snprintf(buf, sizeof(buf), "%s_attr", name);
		if ((rc = add_attr_column(t, strcmp(name, "id") ? name : buf, VECTOR(v->types)[a])) < 0)
			goto done;
	}
	for (igraph_integer_t i = 0; i < n; i++)
		rows += part < 0 || VAN(graph, "bipartite", i) == part;
	if ((rc = cm_table_add_rows(t, rows)) < 0)
		goto done;
	for (igraph_integer_t i = 0; i < n; i++) {
		if (part >= 0 && VAN(graph, "bipartite", i) != part)
			continue;
		for (int c = 0; c < 4; c++) {
			int type = attr_type(v, fixed[c]);

			if (c == 0 && type != IGRAPH_ATTRIBUTE_STRING) {
				snprintf(buf, sizeof(buf), "%" IGRAPH_PRId, i);
				rc = cm_table_set_string(t, row, 0, buf);
			} else {
				rc = set_attr_cell(t, row, (size_t)c, graph, 1, type, fixed[c], i);
			}
			if (rc < 0)
				goto done;
		}
		col = 4;
		for (igraph_integer_t a = 0; a < igraph_strvector_size(&v->names); a++) {
			const char *name = igraph_strvector_get(&v->names, a);

			if (in_list(name, fixed) || (part >= 0 && !strcmp(name, "bipartite")))
				continue;
			if ((rc = set_attr_cell(t, row, col++, graph, 1, VECTOR(v->types)[a], name, i)) < 0)
				goto done;
		}
		row++;
	}
done:
	if (rc < 0) {
		cm_table_free(t);
		t = NULL;
	}
	*out = t;
	return rc;
}

/* The actor id of vertex v as written in edges.csv. */
static const char *vertex_id(const igraph_t *graph, int has_name, igraph_integer_t v, char *buf, size_t size)
{
	if (has_name)
		return VAS(graph, CM_ATTR_ID, v);
	snprintf(buf, size, "%" IGRAPH_PRId, v);
	return buf;
}

/*
 * The table of edges.csv: source,target,weight,year,kind, then the other tie
 * attributes; for a two-mode graph, participations.csv with actor,event (the
 * actor, a lower index than any event, first).
 */
static int edges_table(cm_table **out, const igraph_t *graph, const attr_list *v, const attr_list *e,
                       int two_mode)
{
	static const char *const fixed[] = { CM_ATTR_WEIGHT, CM_ATTR_YEAR, CM_ATTR_KIND, NULL };
	static const char *const endpoints[] = { "source", "target", "from", "to", NULL };
	int has_name = attr_type(v, CM_ATTR_ID) == IGRAPH_ATTRIBUTE_STRING;
	igraph_integer_t m = igraph_ecount(graph);
	cm_table *t = NULL;
	char buf[64], buf2[64];
	size_t col;
	int rc;

	if ((rc = cm_table_new(&t)) < 0 ||
	    (rc = add_attr_column(t, two_mode ? "actor" : "source", IGRAPH_ATTRIBUTE_STRING)) < 0 ||
	    (rc = add_attr_column(t, two_mode ? "event" : "target", IGRAPH_ATTRIBUTE_STRING)) < 0 ||
	    (rc = cm_table_keep_text(t, 0)) < 0 || (rc = cm_table_keep_text(t, 1)) < 0)
		goto done;
	for (int c = 0; fixed[c]; c++) {
		int type = attr_type(e, fixed[c]);

		/* no weight attribute: every tie weighs 1 */
		if ((rc = add_attr_column(t, fixed[c], c == 0 && type < 0 ? IGRAPH_ATTRIBUTE_NUMERIC : type)) < 0)
			goto done;
	}
	for (igraph_integer_t a = 0; a < igraph_strvector_size(&e->names); a++) {
		const char *name = igraph_strvector_get(&e->names, a);

		if (in_list(name, fixed))
			continue;
		/* a tie attribute named like an endpoint column would be read as one */
		snprintf(buf, sizeof(buf), "%s_attr", name);
		if ((rc = add_attr_column(t, in_list(name, endpoints) ? buf : name, VECTOR(e->types)[a])) < 0)
			goto done;
	}
	if ((rc = cm_table_add_rows(t, (size_t)m)) < 0)
		goto done;
	for (igraph_integer_t i = 0; i < m; i++) {
		/* igraph stores an undirected tie with the larger index first: write the earlier actor first */
		igraph_integer_t from = IGRAPH_FROM(graph, i), to = IGRAPH_TO(graph, i);
		size_t row = (size_t)i;

		if (!igraph_is_directed(graph) && from > to) {
			igraph_integer_t tmp = from;

			from = to;
			to = tmp;
		}
		if ((rc = cm_table_set_string(t, row, 0, vertex_id(graph, has_name, from, buf, sizeof(buf)))) < 0 ||
		    (rc = cm_table_set_string(t, row, 1, vertex_id(graph, has_name, to, buf2, sizeof(buf2)))) < 0)
			goto done;
		for (int c = 0; fixed[c]; c++) {
			int type = attr_type(e, fixed[c]);

			if (c == 0 && type < 0)
				cm_table_set_number(t, row, 2, 1);
			else if ((rc = set_attr_cell(t, row, (size_t)c + 2, graph, 0, type, fixed[c], i)) < 0)
				goto done;
		}
		col = 5;
		for (igraph_integer_t a = 0; a < igraph_strvector_size(&e->names); a++) {
			const char *name = igraph_strvector_get(&e->names, a);

			if (in_list(name, fixed))
				continue;
			if ((rc = set_attr_cell(t, row, col++, graph, 0, VECTOR(e->types)[a], name, i)) < 0)
				goto done;
		}
	}
done:
	if (rc < 0) {
		cm_table_free(t);
		t = NULL;
	}
	*out = t;
	return rc;
}

/* Write table t to path atomically in format: any existing file stays as it was on failure. */
static int write_table_file(const char *path, const cm_table *t, cm_format format)
{
	cm_output *out = NULL;
	int rc;

	if ((rc = cm_output_open(&out, path)) < 0)
		return rc;
	if ((rc = cm_table_write(cm_output_stream(out), t, format, 0)) < 0) {
		cm_output_abort(out);
		return rc;
	}
	return cm_output_commit(out);
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
int cm_export_csv_folder(const cm_network *net, const char *dir, cm_format format)
{
	const igraph_t *graph = &net->graph;
	attr_list v, e;
	igraph_strvector_t gnames;
	igraph_vector_int_t gtypes;
	char *nodes_path = NULL, *edges_path = NULL, *events_path = NULL;
	cm_table *nodes = NULL, *edges = NULL, *events = NULL;
	struct stat st;
	int rc = 0, two_mode = cm_attr_type(graph, IGRAPH_ATTRIBUTE_VERTEX, "bipartite") == IGRAPH_ATTRIBUTE_NUMERIC;

	if (!strcmp(dir, "-"))
		return cm_error_set(CM_EUSAGE, _("a CSV folder cannot be written to standard output (use -T graphml, gml or dot)"));
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return cm_error_set(CM_EIO, _("cannot create folder '%s': %s"), dir, strerror(errno));
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return cm_error_set(CM_EIO, _("cannot write the CSV folder '%s': a file of that name exists"), dir);
	if (igraph_strvector_init(&v.names, 0) || igraph_vector_int_init(&v.types, 0) ||
	    igraph_strvector_init(&e.names, 0) || igraph_vector_int_init(&e.types, 0) ||
	    igraph_strvector_init(&gnames, 0) || igraph_vector_int_init(&gtypes, 0))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	CM_IG(igraph_cattribute_list(graph, &gnames, &gtypes, &v.names, &v.types, &e.names, &e.types),
	      "listing attributes");
	nodes_path = join_path(dir, "nodes.csv");
	edges_path = join_path(dir, two_mode ? "participations.csv" : "edges.csv");
	events_path = join_path(dir, "events.csv");
	if (!nodes_path || !edges_path || !events_path) {
		rc = CM_ENOMEM;
		goto done;
	}
	/* both tables first: nothing is written when one cannot be built */
	if ((rc = nodes_table(&nodes, graph, &v, two_mode ? 0 : -1)) < 0 ||
	    (two_mode && (rc = nodes_table(&events, graph, &v, 1)) < 0) ||
	    (rc = edges_table(&edges, graph, &v, &e, two_mode)) < 0)
		goto done;
	if ((rc = write_table_file(nodes_path, nodes, format)) < 0)
		goto done;
	if (two_mode && (rc = write_table_file(events_path, events, format)) < 0)
		goto done;
	rc = write_table_file(edges_path, edges, format);
done:
	cm_table_free(nodes);
	cm_table_free(events);
	cm_table_free(edges);
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
