/*
 * The CSV input: an edge list and an optional actor table, read into
 * arrays (names interned through model/names.h), then built into a raw
 * graph for the tie pipeline.
 */
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coopmap/common.h"
#include "coopmap/load.h"
#include "coopmap/network.h"
#include "coopmap/text.h"
#include "base/error.h"
#include "base/file.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "filter/filter.h"
#include "filter/merge.h"
#include "load/csv.h"
#include "load/csv_columns.h"
#include "load/csv_table.h"
#include "load/csv_table_internal.h"
#include "model/columns.h"
#include "model/names.h"
#include "model/raw.h"
#include "model/year.h"
#include "base/i18n.h"

/* Widest table read (a header of more columns is refused). */
#define CM_MAX_COLUMNS 1000

/* Line breaks from p to end, plus one: an upper bound on the records of a table. */
size_t cm_csv_table_count_lines(const char *p, const char *end)
{
	size_t lines = 1;

	while (p < end && (p = memchr(p, '\n', (size_t)(end - p)))) {
		lines++;
		p++;
	}
	return lines;
}

/* Free a header's arrays. */
static void header_free(header *h)
{
	for (size_t i = 0; i < h->nstr; i++) {
		free(h->str[i].attr);
		free(h->str[i].v);
	}
	free(h->str);
	free(h->role);
	free(h->col);
	memset(h, 0, sizeof(*h));
}

/* Grow every string column of h to hold cap rows. */
int cm_csv_table_header_reserve(header *h, size_t cap)
{
	for (size_t i = 0; i < h->nstr; i++) {
		const char **p = realloc(h->str[i].v, cap * sizeof(*p));

		if (!p)
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		h->str[i].v = p;
		cm_advise_huge(p, cap * sizeof(*p));
	}
	return 0;
}

/* Add a string column for attribute attr (taken over). */
static int header_add_str(header *h, char *attr, int *index)
{
	strcol *p = realloc(h->str, (h->nstr + 1) * sizeof(*p));

	if (!p) {
		free(attr);
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	}
	h->str = p;
	memset(&h->str[h->nstr], 0, sizeof(*p));
	h->str[h->nstr].attr = attr;
	*index = (int)h->nstr++;
	return 0;
}

/* List the header's fields as "a, b, c" for messages. */
static void list_columns(cm_strbuf *b, const cm_csv *c)
{
	for (size_t i = 0; i < c->nfields; i++)
		if (cm_strbuf_printf(b, "%s'%s'", i ? ", " : "", c->fields[i]) < 0)
			return;
}

/* The attribute name of a column: its role's, or its lowercased header. */
static char *column_attr(int role, const char *header)
{
	return cm_ascii_lower(role == CM_ROLE_NONE ? header : cm_role_name((cm_role)role));
}

/* Map the header record of an edge list (nodes = 0) or actor table (nodes = 1). */
int cm_csv_table_read_header(header *h, cm_csv *c, int nodes, cm_colmaps *maps)
{
	const int table = nodes ? CM_TABLE_NODES : CM_TABLE_EDGES;
	cm_strbuf found = { 0 };
	int rc;

	memset(h, 0, sizeof(*h));
	for (int r = 0; r < R_COUNT; r++)
		h->at[r] = -1;
	rc = cm_csv_next(c);
	if (rc < 0)
		goto done;
	if (rc == 0) {
		rc = cm_error_set_at(CM_EINPUT, c->name, 0, _("empty file: expected a header line with %s"),
		                     nodes ? "an id column" : "source and target columns");
		goto done;
	}
	rc = 0;
	/* the checks below are quadratic in the columns, and no real table has this many */
	if (c->nfields > CM_MAX_COLUMNS) {
		rc = cm_error_set_at(CM_EINPUT, c->name, c->record_line,
		                     _("%zu columns: at most %d are supported"), c->nfields, CM_MAX_COLUMNS);
		goto done;
	}
	h->ncols = c->nfields;
	h->role = calloc(h->ncols, sizeof(*h->role));
	h->col = calloc(h->ncols, sizeof(*h->col));
	if (!h->role || !h->col) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	if ((rc = cm_csv_assign_roles(h->role, &h->date, c, table, maps)) < 0)
		goto done;
	for (size_t i = 0; i < h->ncols; i++) {
		const char *f = c->fields[i];
		int role = h->role[i];
		char *attr;

		h->col[i] = -1;
		if (role == R_SKIP) {
			cm_notice(_("%s: column %zu has no name, ignored"), c->name, i + 1);
			continue;
		}
		if (role != CM_ROLE_NONE && h->at[role] >= 0) {
			rc = cm_error_set_at(CM_EINPUT, c->name, c->record_line,
			                     _("columns '%s' and '%s' both give %s"),
			                     c->fields[h->at[role]], f, cm_role_meaning((cm_role)role));
			goto done;
		}
		if (role != CM_ROLE_NONE)
			h->at[role] = (int)i;
		if (role == CM_ROLE_SOURCE || role == CM_ROLE_TARGET || role == CM_ROLE_WEIGHT ||
		    role == CM_ROLE_ID || (role == CM_ROLE_YEAR && !nodes))
			continue;
		if (!(attr = column_attr(role, f))) {
			rc = CM_ENOMEM;
			goto done;
		}
		for (size_t k = 0; k < h->nstr; k++) {
			if (!strcmp(h->str[k].attr, attr)) {
				rc = cm_error_set_at(CM_EINPUT, c->name, c->record_line,
				                     _("column '%s' appears twice"), f);
				free(attr);
				goto done;
			}
		}
		if ((rc = header_add_str(h, attr, &h->col[i])) < 0)
			goto done;
		h->str[h->col[i]].year = nodes && !strcmp(h->str[h->col[i]].attr, CM_ATTR_YEAR);
	}
	if (nodes ? h->at[CM_ROLE_ID] < 0 : h->at[CM_ROLE_SOURCE] < 0 || h->at[CM_ROLE_TARGET] < 0) {
		cm_role missing = nodes ? CM_ROLE_ID : h->at[CM_ROLE_SOURCE] < 0 ? CM_ROLE_SOURCE : CM_ROLE_TARGET;
		long like = -1;

		list_columns(&found, c);
		for (size_t i = 0; i < h->ncols && like < 0; i++)
			if (h->role[i] == CM_ROLE_NONE && cm_role_lookalike(c->fields[i], table) == missing)
				like = (long)i;
		if (like >= 0)
			rc = cm_error_set_at(CM_EINPUT, c->name, c->record_line,
			                     _("no '%s' column (columns found: %s); the header must name %s: "
			                     "did you mean '%s'? use --columns %s=%s"),
			                     cm_role_name(missing), found.s ? found.s : "none",
			                     nodes ? "an id column" : "source and target columns",
			                     c->fields[like], cm_role_name(missing), c->fields[like]);
		else
			rc = cm_error_set_at(CM_EINPUT, c->name, c->record_line,
			                     _("no '%s' column (columns found: %s); the header must name %s"),
			                     cm_role_name(missing), found.s ? found.s : "none",
			                     nodes ? "an id column" : "source and target columns");
		goto done;
	}
	rc = cm_csv_header_notices(h->role, h->at, h->date, c, table);
done:
	cm_strbuf_free(&found);
	return rc;
}

/* A record must have the header's number of fields (extra empty ones are tolerated). */
int cm_csv_table_check_width(const cm_csv *c, const header *h)
{
	size_t n = c->nfields;

	while (n > h->ncols && !c->fields[n - 1][0])
		n--;
	if (n != h->ncols)
		return cm_error_set_at(CM_EINPUT, c->name, c->record_line,
		                       _("%zu field%s where the header has %zu"), n, n == 1 ? "" : "s",
		                       h->ncols);
	return 0;
}


/*
 * Plain decimals ("3", "0.25", "-2", ".5", "1,5" with a decimal comma) skip
 * strtod: with at most 15 digits the digits make an exact double and so
 * does the power of ten, and one IEEE division of two exact doubles is
 * correctly rounded -- the value strtod gives.  Anything else (spaces,
 * exponents, '+', more digits) returns -1 for cm_parse_number to decide.
 */
int cm_csv_table_parse_plain_decimal(double *out, const char *s, int decimal_comma)
{
	static const double pow10[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
	};
	const char *p = s + (s[0] == '-');
	uint64_t mant = 0;
	int digits = 0, frac = -1;
	double v;

	for (;; p++) {
		if (*p >= '0' && *p <= '9') {
			if (++digits > 15)
				return -1;
			mant = mant * 10 + (uint64_t)(*p - '0');
			if (frac >= 0)
				frac++;
		} else if ((*p == '.' || (*p == ',' && decimal_comma)) && frac < 0) {
			frac = 0;
		} else {
			break;
		}
	}
	if (*p || digits == 0)
		return -1;
	v = frac > 0 ? (double)mant / pow10[frac] : (double)mant;
	*out = s[0] == '-' ? -v : v;
	return 0;
}

/* Read the actor table: one actor per row, in order. */
static int read_nodes(csv_net *net, cm_csv *c)
{
	header *h = &net->nh;
	int rc, added;

	if ((rc = cm_csv_table_read_header(h, c, 1, &net->maps)) < 0)
		return rc;
	/* one actor per line, most often: size the table and the columns once */
	net->vcap = cm_csv_table_count_lines(c->buf + c->pos, c->buf + c->len);
	if ((rc = cm_names_reserve(&net->names, net->vcap)) < 0)
		return rc;
	if (!(net->node_lines = malloc(net->vcap * sizeof(*net->node_lines))))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	cm_advise_huge(net->node_lines, net->vcap * sizeof(*net->node_lines));
	if ((rc = cm_csv_table_header_reserve(h, net->vcap)) < 0)
		return rc;
	while ((rc = cm_csv_next(c)) == 1) {
		const char *id;
		igraph_integer_t v;
		double year;

		if (c->nfields != h->ncols && (rc = cm_csv_table_check_width(c, h)) < 0)
			return rc;
		id = c->fields[h->at[CM_ROLE_ID]];
		if (!id[0])
			return cm_error_set_at(CM_EINPUT, c->name, c->record_line, _("empty id"));
		if ((rc = cm_names_add(&net->names, id, &v, &added)) < 0)
			return rc;
		if (!added)
			return cm_error_set_at(CM_EINPUT, c->name, c->record_line,
			                       _("actor '%s' is listed twice (first on line %ld)"),
			                       id, net->node_lines[v]);
		if ((size_t)v >= net->vcap) {
			size_t cap = net->vcap * 2;
			long *lines = realloc(net->node_lines, cap * sizeof(*lines));

			if (!lines)
				return cm_error_set(CM_ENOMEM, _("out of memory"));
			net->node_lines = lines;
			net->vcap = cap;
			if ((rc = cm_csv_table_header_reserve(h, cap)) < 0)
				return rc;
		}
		net->node_lines[v] = c->record_line;
		for (size_t i = 0; i < h->ncols; i++) {
			strcol *s;

			if (h->col[i] < 0)
				continue;
			s = &h->str[h->col[i]];
			s->v[v] = i < c->nfields ? c->fields[i] : "";
			if (s->year && h->date && i < c->nfields) {
				/* a date column: the actor joined in the date's year, written over the date */
				char *f = c->fields[i];
				char y[32];

				if (cm_date_year(&year, f) < 0)
					return cm_error_set_at(CM_EINPUT, c->name, c->record_line, _("date '%s' is not a "
					                       "date (2021-03-15, 15/03/2021) or a year"), f);
				if (year == year && (size_t)snprintf(y, sizeof(y), "%.0f", year) <= strlen(f))
					memcpy(f, y, strlen(y) + 1);
			} else if (s->year && cm_year_parse(&year, s->v[v], CM_YEAR_EMPTY) < 0) {
				return cm_error_set_at(CM_EINPUT, c->name, c->record_line,
				                       _("year '%s' is not a whole number"), s->v[v]);
			}
		}
		net->nlisted = v + 1;
	}
	return rc;
}

/*
 * Put the ties in the order igraph indexes fastest: grouped by their
 * smaller end (first end when directed), in file order within a group.
 * igraph_add_edges() sorts the ties by their ends with a linked-list radix
 * sort whose every step is a cache miss when the ties come in file order:
 * grouped, it took 2.7 s instead of 7-9 s at 10 million ties.  Without year
 * filters, self-loops are dropped and repeated ties merged on the way (the
 * rules of cm_network_finish(), which then has nothing to do): deleting
 * ties from a built graph copies every attribute.
 */
static int group_ties(csv_net *net, int directed, int merge)
{
	igraph_integer_t m = net->m, loops = 0, merged = 0, k = 0, count = 0;
	igraph_integer_t *ends = VECTOR(net->edges), *order = NULL, *te;
	double *w = VECTOR(net->weight), *y = VECTOR(net->year), *td;
	char *flags = calloc((size_t)m + 1, 1);
	void *tmp = NULL;
	const char **ts;
	cm_strbuf pairs = { 0 };
	int rc = 0;

	if (!flags)
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	cm_advise_huge(flags, (size_t)m + 1);
	for (igraph_integer_t e = 0; merge && e < m; e++) {
		if (ends[2 * e] == ends[2 * e + 1]) {
			flags[e] = 1;
			loops++;
		}
	}
	if ((rc = cm_ties_merge_grouped(&net->edges, directed, flags, merge ? w : NULL, y, &merged,
	                                &order, &count)) < 0)
		goto done;
	/* name the repeats merged away (flagged, and not self-loops), the first few */
	for (igraph_integer_t e = 0, j = 0; e < m && j < CM_NOTICE_NAMES && merged; e++)
		if (flags[e] && ends[2 * e] != ends[2 * e + 1] &&
		    (rc = cm_ties_name(&pairs, (size_t)j++, cm_names_text(&net->names, ends[2 * e]),
		                       cm_names_text(&net->names, ends[2 * e + 1]))) < 0)
			goto done;
	if ((rc = cm_strbuf_names_end(&pairs, (size_t)merged)) < 0)
		goto done;
	for (igraph_integer_t i = 0; i < count; i++)
		if (!flags[order[i]])
			order[k++] = order[i];
	/* gather each per-tie array in the new order through one buffer */
	if (!(tmp = malloc(((size_t)k + 1) * 2 * sizeof(*te)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	cm_advise_huge(tmp, ((size_t)k + 1) * 2 * sizeof(*te));
	te = tmp;
	for (igraph_integer_t i = 0; i < k; i++) {
		te[2 * i] = ends[2 * order[i]];
		te[2 * i + 1] = ends[2 * order[i] + 1];
	}
	memcpy(ends, te, (size_t)k * 2 * sizeof(*te));
	td = tmp;
	for (igraph_integer_t i = 0; i < k; i++)
		td[i] = w[order[i]];
	memcpy(w, td, (size_t)k * sizeof(*td));
	for (igraph_integer_t i = 0; i < k; i++)
		td[i] = y[order[i]];
	memcpy(y, td, (size_t)k * sizeof(*td));
	ts = tmp;
	for (size_t s = 0; s < net->eh.nstr; s++) {
		const char **v = net->eh.str[s].v;

		for (igraph_integer_t i = 0; i < k; i++)
			ts[i] = v[order[i]];
		memcpy(v, ts, (size_t)k * sizeof(*ts));
	}
	net->m = k;
	igraph_vector_int_resize(&net->edges, 2 * k); /* shrinking cannot fail */
	igraph_vector_resize(&net->weight, k);
	igraph_vector_resize(&net->year, k);
	cm_ties_notices(loops, 0, 0, NULL, merged, pairs.s, 0);
done:
	cm_strbuf_free(&pairs);
	free(flags);
	free(order);
	free(tmp);
	return rc;
}

/* Set string attribute attr of elements 0..count-1 from v (empty values stay as created). */
static int set_each(igraph_t *g, int edges, const char *attr, const char *const *v,
                    const cm_names *names, igraph_integer_t count)
{
	int rc = 0;

	for (igraph_integer_t i = 0; i < count; i++) {
		const char *s = names ? cm_names_text(names, i) : v[i];

		if (!s[0])
			continue;
		if (edges)
			CM_IG(igraph_cattribute_EAS_set(g, attr, i, s), "building the graph");
		else
			CM_IG(igraph_cattribute_VAS_set(g, attr, i, s), "building the graph");
	}
done:
	return rc;
}

/*
 * Build the raw graph from what the CSV files held.  String attributes are
 * created while the graph is empty and filled in place once the actors and
 * ties exist: igraph's handler gives each new element its own empty string,
 * which a short value then reuses, where setting a whole string vector
 * would copy every string once more.  The ties go in with one
 * igraph_add_edges() call (one index sort); the tie list is released
 * before the numbers are copied in.
 */
static int build_graph(igraph_t *g, csv_net *net, cm_csv *nodes, int directed)
{
	igraph_integer_t n = net->names.n;
	igraph_vector_t listed = { 0 };
	igraph_strvector_t none;
	igraph_error_t err;
	int rc = 0, have_graph = 0;

	/* taken first: a zeroed strvector cannot be destroyed, unlike the vectors */
	if ((err = igraph_strvector_init(&none, 0)) != IGRAPH_SUCCESS)
		return cm_error_from_igraph(err, "building the graph");
	CM_IG(igraph_vector_init(&listed, 0), "building the graph");
	CM_IG(igraph_empty(g, 0, directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED), "building the graph");
	have_graph = 1;
	CM_IG(igraph_cattribute_VAS_setv(g, CM_ATTR_ID, &none), "building the graph");
	for (size_t i = 0; i < net->nh.nstr; i++)
		CM_IG(igraph_cattribute_VAS_setv(g, net->nh.str[i].attr, &none), "building the graph");
	for (size_t i = 0; i < net->eh.nstr; i++)
		CM_IG(igraph_cattribute_EAS_setv(g, net->eh.str[i].attr, &none), "building the graph");
	CM_IG(igraph_add_vertices(g, n, NULL), "building the graph");
	if ((rc = set_each(g, 0, CM_ATTR_ID, NULL, &net->names, n)) < 0)
		goto done;
	for (size_t i = 0; i < net->nh.nstr; i++)
		if ((rc = set_each(g, 0, net->nh.str[i].attr, net->nh.str[i].v, NULL, net->nlisted)) < 0)
			goto done;
	CM_IG(igraph_vector_resize(&listed, n), "building the graph");
	igraph_vector_null(&listed);
	for (igraph_integer_t v = 0; v < net->nlisted; v++)
		VECTOR(listed)[v] = 1;
	CM_IG(igraph_cattribute_VAN_setv(g, CM_ATTR_LISTED, &listed), "building the graph");
	igraph_vector_destroy(&listed);
	CM_IG(igraph_vector_init(&listed, 0), "building the graph");
	/* what served only to read the actors goes before the ties come in (the peak) */
	cm_names_drop_slots(&net->names);
	free(net->node_lines);
	net->node_lines = NULL;
	header_free(&net->nh);
	cm_csv_close(nodes);
	CM_IG(igraph_add_edges(g, &net->edges, NULL), "building the graph");
	igraph_vector_int_clear(&net->edges);
	igraph_vector_int_resize_min(&net->edges);
	for (size_t i = 0; i < net->eh.nstr; i++)
		if ((rc = set_each(g, 1, net->eh.str[i].attr, net->eh.str[i].v, NULL, net->m)) < 0)
			goto done;
	CM_IG(igraph_cattribute_EAN_setv(g, CM_ATTR_WEIGHT, &net->weight), "building the graph");
	igraph_vector_clear(&net->weight);
	igraph_vector_resize_min(&net->weight);
	CM_IG(igraph_cattribute_EAN_setv(g, CM_ATTR_YEAR, &net->year), "building the graph");
done:
	if (rc < 0 && have_graph)
		igraph_destroy(g);
	igraph_strvector_destroy(&none);
	igraph_vector_destroy(&listed);
	return rc;
}

/* Free what the CSV tables held (a zeroed csv_net, and twice, are fine). */
static void csv_net_free(csv_net *net)
{
	cm_names_free(&net->names);
	free(net->node_lines);
	net->node_lines = NULL;
	header_free(&net->nh);
	header_free(&net->eh);
	cm_colmaps_free(&net->maps);
	igraph_vector_int_destroy(&net->edges);
	igraph_vector_destroy(&net->weight);
	igraph_vector_destroy(&net->year);
}

/* Say which actors of the edge list the actor table lacks (they are added). */
static int added_notice(const csv_net *net, const char *name)
{
	igraph_integer_t added = net->names.n - net->nlisted;
	cm_strbuf b = { 0 };
	int rc = 0;

	for (igraph_integer_t v = net->nlisted; v < net->names.n && v < net->nlisted + CM_NOTICE_NAMES; v++)
		if ((rc = cm_strbuf_name(&b, (size_t)(v - net->nlisted), cm_names_text(&net->names, v))) < 0)
			goto done;
	if ((rc = cm_strbuf_names_end(&b, (size_t)added)) < 0)
		goto done;
	cm_filter_note_problem();
	cm_notice(dngettext(CM_TEXTDOMAIN, "%" PRId64 " actor named in %s is not in %s: added %s",
	                     "%" PRId64 " actors named in %s are not in %s: added %s", (unsigned long)added),
	          added, name, net->nodes_name, b.s);
done:
	cm_strbuf_free(&b);
	return rc;
}

/* Load a CSV edge list (buffer taken over) and an optional actor table. */
int cm_load_csv_table(cm_network **out, char *buf, size_t len, const char *name,
                      char default_delim, const char *nodes_path, const cm_load_options *opts)
{
	cm_csv edges = { 0 }, nodes = { 0 };
	csv_net net = { 0 };
	igraph_t g;
	unsigned ready = CM_READY_NAMES | CM_READY_NUMBERS;
	int rc = 0;

	*out = NULL;
	CM_IG(igraph_vector_int_init(&net.edges, 0), "reading the ties");
	CM_IG(igraph_vector_init(&net.weight, 0), "reading the ties");
	CM_IG(igraph_vector_init(&net.year, 0), "reading the ties");
	net.nodes_name = nodes_path;
	if ((rc = cm_colmaps_parse(&net.maps, opts->columns)) < 0)
		goto done;
	if (nodes_path) {
		const char *dot = strrchr(nodes_path, '.');

		if ((rc = cm_csv_open(&nodes, nodes_path, nodes_path,
		                      dot && !strcasecmp(dot, ".tsv") ? '\t' : ',')) < 0)
			goto done;
		if ((rc = read_nodes(&net, &nodes)) < 0)
			goto done;
	}
	rc = cm_csv_open_buffer(&edges, buf, len, name, default_delim);
	buf = NULL;
	if (rc < 0 || (rc = cm_csv_table_read_edges(&net, &edges, opts->threads)) < 0)
		goto done;
	if (net.dated && net.dated < net.m)
		cm_filter_note_problem();
	/* the edge list's text is needed no more unless a text column points into it */
	if (net.eh.nstr == 0)
		cm_csv_close(&edges);
	if (net.names.n > net.nlisted && nodes_path && (rc = added_notice(&net, name)) < 0)
		goto done;
	if (!opts->filter.has_from && !opts->filter.has_to) {
		if ((rc = group_ties(&net, opts->directed, 1)) < 0)
			goto done;
		ready |= CM_READY_MERGED;
	} else if ((rc = group_ties(&net, opts->directed, 0)) < 0) {
		goto done;
	}
	if ((rc = build_graph(&g, &net, &nodes, opts->directed)) < 0)
		goto done;
	/* the graph holds copies of everything: release the text before the pipeline */
	csv_net_free(&net);
	cm_csv_close(&edges);
	cm_csv_close(&nodes);
	rc = cm_network_finish_ready(out, &g, name, &opts->filter, opts->directed, ready);
done:
	free(buf);
	cm_csv_close(&edges);
	cm_csv_close(&nodes);
	csv_net_free(&net);
	return rc;
}
