/*
 * Everything that talks to Graphviz: reading and writing DOT through cgraph,
 * and drawing maps through gvc.  No other module includes Graphviz.
 *
 * Graph objects are only ever built through the cgraph API: data never
 * becomes DOT text, so an actor called "a -- b" or "];" stays a name.
 * Graphviz still interprets some text inside attribute values, so every
 * label taken from data goes through escape_label()/escape_html() first.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gvc.h>
#include <cgraph.h>

#include "internal.h"

/* The process-wide Graphviz context, created on first use. */
static GVC_t *gvc;

/* Graphviz reports errors in fragments; they are assembled here into lines. */
static cm_strbuf gv_pending;
static char gv_error[512];

/* One complete Graphviz message line: errors are kept, warnings become notices. */
static void gv_message_line(const char *line)
{
	if (!strncmp(line, "Warning: ", 9)) {
		cm_notice("graphviz: %s", line + 9);
		return;
	}
	if (!strncmp(line, "Error: ", 7))
		line += 7;
	if (!gv_error[0])
		snprintf(gv_error, sizeof(gv_error), "%s", line);
}

/* agseterrf() callback: collects fragments until a newline ends a message. */
static int gv_errf(char *msg)
{
	char *nl;

	if (cm_strbuf_puts(&gv_pending, msg) < 0)
		return 0;
	while (gv_pending.s && (nl = strchr(gv_pending.s, '\n')) != NULL) {
		size_t n = (size_t)(nl - gv_pending.s);

		*nl = '\0';
		if (n > 0)
			gv_message_line(gv_pending.s);
		memmove(gv_pending.s, nl + 1, gv_pending.len - n);
		gv_pending.len -= n + 1;
	}
	return 0;
}

/* Start a Graphviz operation: route messages to us and forget older ones. */
static void gv_begin(void)
{
	agseterrf(gv_errf);
	agseterr(AGWARN);
	gv_error[0] = '\0';
	gv_pending.len = 0;
	if (gv_pending.s)
		gv_pending.s[0] = '\0';
}

/* The message Graphviz gave for a failure (a pending fragment counts too). */
static const char *gv_last_error(void)
{
	if (!gv_error[0] && gv_pending.len > 0)
		gv_message_line(gv_pending.s);
	return gv_error[0] ? gv_error : "unknown error";
}

/* The shared context; NULL (with the error recorded) when Graphviz cannot start. */
static GVC_t *gv_context(void)
{
	if (!gvc) {
		gv_begin();
		gvc = gvContext();
		if (!gvc)
			cm_error_set(CM_ERROR, "cannot start graphviz: %s", gv_last_error());
	}
	return gvc;
}

void cm_gv_shutdown(void)
{
	if (gvc)
		gvFreeContext(gvc);
	gvc = NULL;
	cm_strbuf_free(&gv_pending);
}

/* ---------------------------------------------------------------- reading DOT */

/* Exported by libcgraph but missing from its header: flushes the DOT scanner's buffer. */
extern void aglexbad(void);

/* Per-node record giving its igraph vertex index. */
typedef struct {
	Agrec_t h;
	igraph_integer_t index;
} node_rec;

/* Turn Graphviz's "FILE: syntax error in line N near 'x'" into "FILE:N: syntax error near 'x'". */
static int syntax_error(const char *name)
{
	const char *msg = gv_last_error();
	const char *p = strstr(msg, "syntax error in line ");
	long line = 0;
	char *end;

	if (p) {
		line = strtol(p + 21, &end, 10);
		return cm_error_set_at(CM_EINPUT, name, line, "syntax error%s", end);
	}
	if (!gv_error[0])
		return cm_error_set_at(CM_EINPUT, name, 0, "no graph found (not a DOT file?)");
	return cm_error_set_at(CM_EINPUT, name, 0, "%s", msg);
}

/* Copy every attribute of kind (AGNODE or AGEDGE) of objs into string attributes of raw. */
static int copy_dot_attrs(igraph_t *raw, Agraph_t *g, int kind, void **objs,
                          igraph_integer_t n, const char *name)
{
	igraph_strvector_t values;
	Agsym_t *sym = NULL;
	int rc = 0, have_values = 0;
	igraph_error_t err;

	if (igraph_strvector_init(&values, n) != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(IGRAPH_ENOMEM, "reading a DOT file");
		goto done;
	}
	have_values = 1;
	while ((sym = agnxtattr(g, kind, sym)) != NULL) {
		/* the node's own name is the actor id; a "name" attribute would overwrite it */
		if (kind == AGNODE && !strcmp(sym->name, CM_ATTR_ID)) {
			cm_notice("%s: node attribute 'name' ignored (the node id is the actor id)", name);
			continue;
		}
		for (igraph_integer_t i = 0; i < n; i++) {
			err = igraph_strvector_set(&values, i, agxget(objs[i], sym));
			if (err != IGRAPH_SUCCESS) {
				rc = cm_error_from_igraph(err, "reading a DOT file");
				goto done;
			}
		}
		err = kind == AGNODE ? SETVASV(raw, sym->name, &values) : SETEASV(raw, sym->name, &values);
		if (err != IGRAPH_SUCCESS) {
			rc = cm_error_from_igraph(err, "reading a DOT file");
			goto done;
		}
	}
done:
	if (have_values)
		igraph_strvector_destroy(&values);
	return rc;
}

int cm_gv_read_dot(igraph_t *raw, const char *path)
{
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	char *buf = NULL, *file_name = NULL;
	size_t len;
	Agraph_t *g = NULL;
	void **nodes = NULL, **edges = NULL;
	igraph_vector_int_t ends;
	igraph_integer_t n, m, k = 0;
	int rc, have_ends = 0, have_raw = 0;
	igraph_error_t err;

	rc = cm_read_file(&buf, &len, path);
	if (rc < 0)
		goto done;
	if (memchr(buf, '\0', len)) {
		rc = cm_error_set_at(CM_EINPUT, name, 0, "contains NUL bytes (not a DOT file?)");
		goto done;
	}
	gv_begin();
	if (!(file_name = cm_strdup(name))) {
		rc = CM_ENOMEM;
		goto done;
	}
	/*
	 * cgraph's scanner keeps unread input (a second graph, a trailing
	 * newline) across reads: flush it so that this file is read from its
	 * start and its line numbers are right.
	 */
	aglexbad();
	agsetfile(file_name);
	agreadline(1);
	g = agmemread(buf);
	aglexbad();
	if (!g || gv_error[0]) {
		rc = syntax_error(name);
		goto done;
	}
	n = agnnodes(g);
	m = agnedges(g);
	nodes = calloc((size_t)n + 1, sizeof(*nodes));
	edges = calloc((size_t)m + 1, sizeof(*edges));
	if (!nodes || !edges || igraph_vector_int_init(&ends, 2 * m) != IGRAPH_SUCCESS) {
		rc = cm_error_set(CM_ENOMEM, "out of memory reading '%s'", name);
		goto done;
	}
	have_ends = 1;
	/* nodes declared inside subgraphs belong to the root graph too */
	for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
		node_rec *r = agbindrec(v, "coopmap", sizeof(node_rec), 0);

		if (!r) {
			rc = cm_error_set(CM_ENOMEM, "out of memory reading '%s'", name);
			goto done;
		}
		r->index = k;
		nodes[k++] = v;
	}
	k = 0;
	for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
		for (Agedge_t *e = agfstout(g, v); e; e = agnxtout(g, e)) {
			node_rec *t = (node_rec *)aggetrec(agtail(e), "coopmap", 0);
			node_rec *h = (node_rec *)aggetrec(aghead(e), "coopmap", 0);

			VECTOR(ends)[2 * k] = t->index;
			VECTOR(ends)[2 * k + 1] = h->index;
			edges[k++] = e;
		}
	}
	err = igraph_empty(raw, n, agisdirected(g) ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED);
	if (err != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(err, "reading a DOT file");
		goto done;
	}
	have_raw = 1;
	err = igraph_add_edges(raw, &ends, NULL);
	if (err != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(err, "reading a DOT file");
		goto done;
	}
	{
		igraph_strvector_t ids;

		if (igraph_strvector_init(&ids, n) != IGRAPH_SUCCESS) {
			rc = cm_error_set(CM_ENOMEM, "out of memory reading '%s'", name);
			goto done;
		}
		err = IGRAPH_SUCCESS;
		for (igraph_integer_t i = 0; i < n && err == IGRAPH_SUCCESS; i++)
			err = igraph_strvector_set(&ids, i, agnameof(nodes[i]));
		if (err == IGRAPH_SUCCESS)
			err = SETVASV(raw, CM_ATTR_ID, &ids);
		igraph_strvector_destroy(&ids);
		if (err != IGRAPH_SUCCESS) {
			rc = cm_error_from_igraph(err, "reading a DOT file");
			goto done;
		}
	}
	if ((rc = copy_dot_attrs(raw, g, AGNODE, nodes, n, name)) < 0)
		goto done;
	if ((rc = copy_dot_attrs(raw, g, AGEDGE, edges, m, name)) < 0)
		goto done;
done:
	if (rc < 0 && have_raw)
		igraph_destroy(raw);
	if (have_ends)
		igraph_vector_int_destroy(&ends);
	if (g)
		agclose(g);
	agsetfile(NULL);
	free(file_name);
	free(nodes);
	free(edges);
	free(buf);
	return rc;
}

/* ---------------------------------------------------------------- writing DOT */

/*
 * The text of attribute `name` of element i (vertex or edge) as DOT should
 * hold it: numbers through cm_format_number (NaN: ""), booleans as 0/1.
 * Returns a pointer into buf or into the graph's storage.
 */
static const char *attr_text(const igraph_t *graph, igraph_attribute_elemtype_t elem,
                             igraph_attribute_type_t type, const char *name,
                             igraph_integer_t i, char *buf, size_t size)
{
	int vertex = elem == IGRAPH_ATTRIBUTE_VERTEX;

	if (type == IGRAPH_ATTRIBUTE_STRING)
		return vertex ? VAS(graph, name, i) : EAS(graph, name, i);
	if (type == IGRAPH_ATTRIBUTE_BOOLEAN) {
		snprintf(buf, size, "%d", vertex ? VAB(graph, name, i) : EAB(graph, name, i));
		return buf;
	}
	if (type == IGRAPH_ATTRIBUTE_NUMERIC) {
		cm_format_number(buf, size, vertex ? VAN(graph, name, i) : EAN(graph, name, i));
		return buf;
	}
	return "";
}

/*
 * DOT cannot hold an odd run of backslashes before a quote or at the end of
 * a string (cgraph's reader pairs backslashes, so the quote or the closing
 * quote would be escaped or end the string early): such runs get a space
 * after them.  Returns value, or a copy in *tmp.  Counts changed values in *fixed.
 */
static const char *dot_safe(const char *value, char **tmp, int *fixed)
{
	size_t n = strlen(value), extra = 0, run = 0, j = 0;

	for (size_t i = 0; i <= n; i++) {
		if (value[i] == '\\') {
			run++;
			continue;
		}
		extra += (value[i] == '"' || value[i] == '\0') && run % 2;
		run = 0;
	}
	if (!extra)
		return value;
	free(*tmp);
	*tmp = malloc(n + extra + 1);
	if (!*tmp)
		return NULL;
	run = 0;
	for (size_t i = 0; i <= n; i++) {
		if (value[i] == '\\') {
			run++;
		} else {
			if ((value[i] == '"' || value[i] == '\0') && run % 2)
				(*tmp)[j++] = ' ';
			run = 0;
		}
		(*tmp)[j++] = value[i];
	}
	(*fixed)++;
	return *tmp;
}

int cm_gv_write_dot(const cm_network *net, FILE *f, const char *path)
{
	const igraph_t *graph = &net->graph;
	igraph_strvector_t gnames, vnames, enames;
	igraph_vector_int_t gtypes, vtypes, etypes;
	igraph_integer_t n = igraph_vcount(graph), m = igraph_ecount(graph);
	Agraph_t *g = NULL;
	Agnode_t **nodes = NULL;
	Agsym_t **vsyms = NULL, **esyms = NULL;
	char buf[64], *tmp = NULL;
	int rc = 0, have_lists = 0, fixed = 0;

	gv_begin();
	if (igraph_strvector_init(&gnames, 0) || igraph_strvector_init(&vnames, 0) ||
	    igraph_strvector_init(&enames, 0) || igraph_vector_int_init(&gtypes, 0) ||
	    igraph_vector_int_init(&vtypes, 0) || igraph_vector_int_init(&etypes, 0)) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done; /* vectors are tiny: this only fails when nothing works any more */
	}
	have_lists = 1;
	if (igraph_cattribute_list(graph, &gnames, &gtypes, &vnames, &vtypes, &enames, &etypes)) {
		rc = cm_error_from_igraph(IGRAPH_FAILURE, "listing attributes");
		goto done;
	}
	g = agopen("coopmap", (net->directed || igraph_is_directed(graph)) ? Agdirected : Agundirected, NULL);
	nodes = calloc((size_t)n + 1, sizeof(*nodes));
	vsyms = calloc((size_t)igraph_strvector_size(&vnames) + 1, sizeof(*vsyms));
	esyms = calloc((size_t)igraph_strvector_size(&enames) + 1, sizeof(*esyms));
	if (!g || !nodes || !vsyms || !esyms) {
		rc = cm_error_set(CM_ENOMEM, "out of memory writing '%s'", path);
		goto done;
	}
	/* defaults first, so that every object gets the attribute */
	for (igraph_integer_t a = 0; a < igraph_strvector_size(&vnames); a++) {
		const char *an = igraph_strvector_get(&vnames, a);

		if (strcmp(an, CM_ATTR_ID))
			vsyms[a] = agattr(g, AGNODE, (char *)an, "");
	}
	for (igraph_integer_t a = 0; a < igraph_strvector_size(&enames); a++)
		esyms[a] = agattr(g, AGEDGE, (char *)igraph_strvector_get(&enames, a), "");
	for (igraph_integer_t v = 0; v < n; v++) {
		const char *id = igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID)
			? VAS(graph, CM_ATTR_ID, v) : NULL;

		if (!id) {
			snprintf(buf, sizeof(buf), "%" IGRAPH_PRId, v);
			id = buf;
		}
		if (!(id = dot_safe(id, &tmp, &fixed)) || !(nodes[v] = agnode(g, (char *)id, 1))) {
			rc = cm_error_set(CM_ENOMEM, "out of memory writing '%s'", path);
			goto done;
		}
		for (igraph_integer_t a = 0; a < igraph_strvector_size(&vnames); a++) {
			const char *value;

			if (!vsyms[a])
				continue;
			value = attr_text(graph, IGRAPH_ATTRIBUTE_VERTEX, VECTOR(vtypes)[a],
			                  igraph_strvector_get(&vnames, a), v, buf, sizeof(buf));
			if (!(value = dot_safe(value, &tmp, &fixed))) {
				rc = cm_error_set(CM_ENOMEM, "out of memory writing '%s'", path);
				goto done;
			}
			agxset(nodes[v], vsyms[a], (char *)value);
		}
	}
	for (igraph_integer_t e = 0; e < m; e++) {
		igraph_integer_t from = IGRAPH_FROM(graph, e), to = IGRAPH_TO(graph, e);
		Agedge_t *edge;

		/* igraph keeps an undirected tie with the larger index first: the earlier actor goes first */
		if (!igraph_is_directed(graph) && from > to) {
			igraph_integer_t t = from;

			from = to;
			to = t;
		}
		if (!(edge = agedge(g, nodes[from], nodes[to], NULL, 1))) {
			rc = cm_error_set(CM_ENOMEM, "out of memory writing '%s'", path);
			goto done;
		}
		for (igraph_integer_t a = 0; a < igraph_strvector_size(&enames); a++) {
			const char *value = attr_text(graph, IGRAPH_ATTRIBUTE_EDGE, VECTOR(etypes)[a],
			                              igraph_strvector_get(&enames, a), e, buf, sizeof(buf));

			if (!(value = dot_safe(value, &tmp, &fixed))) {
				rc = cm_error_set(CM_ENOMEM, "out of memory writing '%s'", path);
				goto done;
			}
			agxset(edge, esyms[a], (char *)value);
		}
	}
	/* a failed write leaves the stream in error: the caller's cm_output_commit() reports it */
	if (agwrite(g, f) != 0 && !ferror(f)) {
		rc = cm_error_set(CM_EIO, "cannot write '%s'", path);
		goto done;
	}
	if (fixed)
		cm_notice("%s: %d value%s with a backslash before a quote or at the end got a space after it "
		          "(DOT cannot hold one there)",
		          path, fixed, fixed == 1 ? "" : "s");
done:
	if (g)
		agclose(g);
	if (have_lists) {
		igraph_strvector_destroy(&gnames);
		igraph_strvector_destroy(&vnames);
		igraph_strvector_destroy(&enames);
		igraph_vector_int_destroy(&gtypes);
		igraph_vector_int_destroy(&vtypes);
		igraph_vector_int_destroy(&etypes);
	}
	free(tmp);
	free(nodes);
	free(vsyms);
	free(esyms);
	return rc;
}

/* ---------------------------------------------------------------- maps */

/*
 * Colours come from Graphviz's ColorBrewer schemes, picked by how many
 * values there are: set28 (7 values, grey 8 for the rest), set19 (8, grey
 * 9) or set312 (10, grey 9; its pale yellow 2 is left out).  The most
 * frequent values get their own colour; the others share the grey.
 */
#define MAX_NAMED 10
#define OTHER_SLOT MAX_NAMED
#define MAX_SHAPES 8

typedef struct {
	const char *scheme;
	int named;              /* values with their own colour */
	int color[MAX_NAMED];   /* colour number by rank */
	int other;              /* colour number of the others and the unknown */
} palette;

static const palette palettes[] = {
	{ "set28", 7, { 1, 2, 3, 4, 5, 6, 7 }, 8 },
	{ "set19", 8, { 1, 2, 3, 4, 5, 6, 7, 8 }, 9 },
	{ "set312", 10, { 1, 3, 4, 5, 6, 7, 8, 10, 11, 12 }, 9 },
};

/* Shapes by rank (the others: doublecircle), and the legend glyph drawing each one. */
static const char *const shapes[MAX_SHAPES + 1] = {
	"circle", "box", "diamond", "triangle", "hexagon", "invtriangle", "pentagon", "star", "doublecircle"
};
static const char *const glyphs[MAX_SHAPES + 1] = {
	"\xE2\x97\x8F", "\xE2\x96\xA0", "\xE2\x97\x86", "\xE2\x96\xB2",
	"\xE2\xAC\xA2", "\xE2\x96\xBC", "\xE2\xAC\x9F", "\xE2\x98\x85", "\xE2\x97\x8E"
};

/* The values of one actor attribute, grouped: most frequent first. */
typedef struct {
	const char *attr;
	char **values;        /* distinct values by rank ("" is last) */
	igraph_integer_t *counts;
	size_t n;             /* number of distinct values */
	int *slot;            /* per vertex: rank, or OTHER_SLOT */
	int has_unknown;
	int named;            /* values with their own slot */
} grouping;

static void grouping_free(grouping *gr)
{
	for (size_t i = 0; i < gr->n; i++)
		free(gr->values[i]);
	free(gr->values);
	free(gr->counts);
	free(gr->slot);
	memset(gr, 0, sizeof(*gr));
}

static const igraph_t *sort_graph;
static const char *sort_attr;

/* qsort: vertices by attribute value (then index, so the order is total). */
static int cmp_by_value(const void *a, const void *b)
{
	igraph_integer_t x = *(const igraph_integer_t *)a, y = *(const igraph_integer_t *)b;
	int c = strcmp(VAS(sort_graph, sort_attr, x), VAS(sort_graph, sort_attr, y));

	return c ? c : (x > y) - (x < y);
}

typedef struct {
	igraph_integer_t first, count;
	const char *value;
} group_run;

/* qsort: groups by count descending, unknown last, then value. */
static int cmp_runs(const void *a, const void *b)
{
	const group_run *x = a, *y = b;
	int xu = !x->value[0], yu = !y->value[0];

	if (xu != yu)
		return xu - yu;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->value, y->value);
}

/* Group the vertices by a string attribute (absent: everyone unknown); max_named ranks get a slot. */
static int group_by(grouping *gr, const igraph_t *graph, const char *attr, int max_named)
{
	igraph_integer_t n = igraph_vcount(graph), *order = NULL;
	group_run *runs = NULL;
	size_t nruns = 0;
	int rc = 0;

	memset(gr, 0, sizeof(*gr));
	gr->attr = attr;
	gr->slot = calloc((size_t)n + 1, sizeof(*gr->slot));
	order = malloc(((size_t)n + 1) * sizeof(*order));
	runs = calloc((size_t)n + 1, sizeof(*runs));
	gr->values = calloc((size_t)n + 1, sizeof(*gr->values));
	gr->counts = calloc((size_t)n + 1, sizeof(*gr->counts));
	if (!gr->slot || !order || !runs || !gr->values || !gr->counts) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	if (!igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_VERTEX, attr)) {
		for (igraph_integer_t v = 0; v < n; v++)
			gr->slot[v] = OTHER_SLOT;
		gr->has_unknown = n > 0;
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++)
		order[v] = v;
	sort_graph = graph;
	sort_attr = attr;
	qsort(order, (size_t)n, sizeof(*order), cmp_by_value);
	for (igraph_integer_t i = 0; i < n; i++) {
		const char *value = VAS(graph, attr, order[i]);

		if (nruns == 0 || strcmp(runs[nruns - 1].value, value)) {
			runs[nruns].first = i;
			runs[nruns].value = value;
			nruns++;
		}
		runs[nruns - 1].count++;
	}
	qsort(runs, nruns, sizeof(*runs), cmp_runs);
	for (size_t r = 0; r < nruns; r++) {
		int slot = (int)r < max_named && runs[r].value[0] ? (int)r : OTHER_SLOT;

		if (runs[r].value[0] && (int)r < max_named)
			gr->named = (int)r + 1;

		if (!(gr->values[r] = cm_strdup(runs[r].value))) {
			rc = CM_ENOMEM;
			goto done;
		}
		gr->counts[r] = runs[r].count;
		gr->n = r + 1;
		if (!runs[r].value[0])
			gr->has_unknown = 1;
		for (igraph_integer_t i = runs[r].first; i < runs[r].first + runs[r].count; i++)
			gr->slot[order[i]] = slot;
	}
done:
	free(order);
	free(runs);
	if (rc < 0)
		grouping_free(gr);
	return rc;
}

/*
 * Append s as Graphviz label text: invalid UTF-8 replaced, control
 * characters dropped (they make invalid XML), "\" doubled (Graphviz expands
 * \N, \G, \l...) and "&" written &amp; (Graphviz decodes entities).  html
 * also escapes < > " for HTML-like labels.  At most max_chars characters
 * are kept (0: all), the cut marked with an ellipsis.
 */
static int escape_text(cm_strbuf *b, const char *s, int html, size_t max_chars)
{
	char *clean = cm_utf8_sanitize(s ? s : "");
	size_t chars = 0;
	int rc = 0;

	if (!clean)
		return CM_ENOMEM;
	for (const unsigned char *p = (const unsigned char *)clean; *p && rc == 0; p++) {
		unsigned char c = *p;

		if ((c & 0xC0) != 0x80) {
			if (max_chars && chars == max_chars) {
				rc = cm_strbuf_puts(b, "\xE2\x80\xA6");
				break;
			}
			chars++;
		}
		if (c == '\t' || c == '\n' || c == '\r')
			rc = cm_strbuf_add(b, " ", 1);
		else if (c < 0x20 || c == 0x7F)
			chars--;
		else if (c == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
			p++; /* C1 control: not allowed in SVG text either */
			chars--;
		} else if (c == '\\')
			rc = cm_strbuf_puts(b, "\\\\");
		else if (c == '&')
			rc = cm_strbuf_puts(b, "&amp;");
		else if (html && c == '<')
			rc = cm_strbuf_puts(b, "&lt;");
		else if (html && c == '>')
			rc = cm_strbuf_puts(b, "&gt;");
		else if (html && c == '"')
			rc = cm_strbuf_puts(b, "&quot;");
		else
			rc = cm_strbuf_add(b, (const char *)p, 1);
	}
	if (rc == 0 && !b->s)
		rc = cm_strbuf_add(b, "", 0);
	free(clean);
	return rc;
}

/* Map formats: name given to gvRender, and the extensions that select it. */
static const struct {
	const char *name, *renderer;
} formats[] = {
	{ "svg", "svg" }, { "png", "png" }, { "pdf", "pdf" }, { "dot", "dot" }, { "gv", "dot" },
};

/* The renderer for a format name, or NULL. */
static const char *format_renderer(const char *name)
{
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (!strcasecmp(formats[i].name, name))
			return formats[i].renderer;
	return NULL;
}

/* The Graphviz renderer for the options and path, or NULL with the error set. */
static const char *pick_format(const char *path, const char *format)
{
	const char *r, *dot, *slash;

	if (format && format[0]) {
		if (!(r = format_renderer(format)))
			cm_error_set(CM_EUSAGE, "unknown map format '%s' (use svg, png, pdf or dot)", format);
		return r;
	}
	if (!strcmp(path, "-")) {
		cm_error_set(CM_EUSAGE, "writing a map to standard output needs a format (-T svg, png, pdf or dot)");
		return NULL;
	}
	dot = strrchr(path, '.');
	slash = strrchr(path, '/');
	if (!dot || (slash && slash > dot) || !(r = format_renderer(dot + 1))) {
		cm_error_set(CM_EUSAGE, "cannot tell the map format from '%s' (use a .svg, .png, .pdf or .dot name, or -T)",
		             path);
		return NULL;
	}
	return r;
}

/* Layout engines coopmap offers. */
static const char *const layouts[] = { "sfdp", "fdp", "neato", "dot", "circo", NULL };

/* Largest network drawn with fdp by "auto": fdp+prism took 0.9 s at 1,000 actors here. */
#define FDP_MAX_ACTORS 1500
/* Largest network drawn with clusters by default, and with every label. */
#define CLUSTER_MAX_ACTORS 200
#define ALL_LABELS_MAX_ACTORS 60
#define TOP_LABELS_DEFAULT 30
/* From this size on, nodes are drawn smaller and ties fainter. */
#define LARGE_ACTORS 400

/* Per-vertex node size measure ("pagerank", "degree", "strength" or "none"). */
static int size_measure(igraph_vector_t *out, const igraph_t *graph, const char *measure, int directed)
{
	igraph_vector_t weights;
	int rc = 0, have_weights = 0;
	igraph_real_t value;
	igraph_error_t err = IGRAPH_SUCCESS;
	const igraph_vector_t *w = NULL;

	if (igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_WEIGHT)) {
		if (igraph_vector_init(&weights, 0) != IGRAPH_SUCCESS) {
			rc = cm_error_set(CM_ENOMEM, "out of memory");
			goto done;
		}
		have_weights = 1;
		err = EANV(graph, CM_ATTR_WEIGHT, &weights);
		if (err != IGRAPH_SUCCESS) {
			rc = cm_error_from_igraph(err, "reading tie weights");
			goto done;
		}
		w = &weights;
	}
	if (!strcmp(measure, "pagerank"))
		err = igraph_pagerank(graph, IGRAPH_PAGERANK_ALGO_PRPACK, out, &value, igraph_vss_all(),
		                      directed, 0.85, w, NULL);
	else if (!strcmp(measure, "degree")) {
		igraph_vector_int_t deg;

		err = igraph_vector_int_init(&deg, 0);
		if (err == IGRAPH_SUCCESS) {
			err = igraph_degree(graph, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS);
			if (err == IGRAPH_SUCCESS)
				err = igraph_vector_resize(out, igraph_vector_int_size(&deg));
			for (igraph_integer_t i = 0; err == IGRAPH_SUCCESS && i < igraph_vector_int_size(&deg); i++)
				VECTOR(*out)[i] = (double)VECTOR(deg)[i];
			igraph_vector_int_destroy(&deg);
		}
	} else if (!strcmp(measure, "strength"))
		err = igraph_strength(graph, out, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, w);
	else if (!strcmp(measure, "none")) {
		err = igraph_vector_resize(out, igraph_vcount(graph));
		if (err == IGRAPH_SUCCESS)
			igraph_vector_fill(out, 1.0);
	} else {
		rc = cm_error_set(CM_EUSAGE, "unknown size measure '%s' (use pagerank, degree, strength or none)",
		                  measure);
		goto done;
	}
	if (err != IGRAPH_SUCCESS)
		rc = cm_error_from_igraph(err, "computing node sizes");
done:
	if (have_weights)
		igraph_vector_destroy(&weights);
	return rc;
}

/* Everything cm_render() decides before building the Graphviz graph. */
typedef struct {
	const cm_network *net;
	const char *renderer, *engine, *size_by;
	unsigned long seed;
	grouping colors, shapes, clusters;
	const palette *pal;
	double text_scale;    /* title and legend grow with large maps, which are scaled down */
	int have_clusters;
	igraph_vector_t size;
	double size_max;
	char *label_on;       /* per vertex: 1 when its label is shown */
	igraph_integer_t n_labels;
	double wmin, wmax;
	int has_weight;
} map_plan;

/* qsort context for ranking vertices by size. */
static const igraph_vector_t *rank_size;

static int cmp_size_desc(const void *a, const void *b)
{
	igraph_integer_t x = *(const igraph_integer_t *)a, y = *(const igraph_integer_t *)b;
	double sx = VECTOR(*rank_size)[x], sy = VECTOR(*rank_size)[y];

	if (sx != sy)
		return sx > sy ? -1 : 1;
	return (x > y) - (x < y);
}

/* Decide which labels are shown: "auto", "all", "none" or "top:N". */
static int pick_labels(map_plan *p, const char *labels)
{
	igraph_integer_t n = igraph_vcount(&p->net->graph), top = -1, *order = NULL;
	int rc = 0;

	p->label_on = calloc((size_t)n + 1, 1);
	if (!p->label_on)
		return cm_error_set(CM_ENOMEM, "out of memory");
	if (!labels || !strcmp(labels, "auto"))
		top = n <= ALL_LABELS_MAX_ACTORS ? n : TOP_LABELS_DEFAULT;
	else if (!strcmp(labels, "all"))
		top = n;
	else if (!strcmp(labels, "none"))
		top = 0;
	else if (!strncmp(labels, "top:", 4)) {
		char *end;
		long v;

		errno = 0;
		v = strtol(labels + 4, &end, 10);
		if (errno || end == labels + 4 || *end || v < 0)
			return cm_error_set(CM_EUSAGE, "--labels '%s': top:N needs a whole number N", labels);
		top = v > n ? n : (igraph_integer_t)v;
	} else {
		return cm_error_set(CM_EUSAGE, "unknown --labels value '%s' (use auto, all, none or top:N)", labels);
	}
	if (top >= n) {
		memset(p->label_on, 1, (size_t)n);
		p->n_labels = n;
		goto done;
	}
	order = malloc(((size_t)n + 1) * sizeof(*order));
	if (!order) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++)
		order[v] = v;
	rank_size = &p->size;
	qsort(order, (size_t)n, sizeof(*order), cmp_size_desc);
	for (igraph_integer_t i = 0; i < top; i++)
		p->label_on[order[i]] = 1;
	p->n_labels = top;
done:
	free(order);
	return rc;
}

/* Does a vertex attribute exist with string values? */
static int has_string_vattr(const igraph_t *graph, const char *attr)
{
	igraph_strvector_t names;
	igraph_vector_int_t types;
	int found = 0;

	if (!igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_VERTEX, attr))
		return 0;
	if (igraph_strvector_init(&names, 0) != IGRAPH_SUCCESS)
		return 0;
	if (igraph_vector_int_init(&types, 0) == IGRAPH_SUCCESS) {
		if (igraph_cattribute_list(graph, NULL, NULL, &names, &types, NULL, NULL) == IGRAPH_SUCCESS)
			for (igraph_integer_t i = 0; i < igraph_strvector_size(&names); i++)
				if (!strcmp(igraph_strvector_get(&names, i), attr))
					found = VECTOR(types)[i] == IGRAPH_ATTRIBUTE_STRING;
		igraph_vector_int_destroy(&types);
	}
	igraph_strvector_destroy(&names);
	return found;
}

/* Check that an attribute named on the command line exists and holds text. */
static int check_attr(const igraph_t *graph, const char *attr, const char *option)
{
	if (has_string_vattr(graph, attr))
		return 0;
	if (igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_VERTEX, attr))
		return cm_error_set(CM_EUSAGE, "%s '%s': the attribute holds numbers, not categories", option, attr);
	return cm_error_set(CM_EUSAGE, "%s '%s': actors have no such attribute", option, attr);
}

/* Number of distinct non-empty values with at least two actors. */
static size_t useful_groups(const grouping *gr)
{
	size_t k = 0;

	for (size_t i = 0; i < gr->n; i++)
		k += gr->values[i][0] && gr->counts[i] >= 2;
	return k;
}

/* Fill the plan from the options: format, engine, groupings, sizes and labels. */
static int plan_map(map_plan *p, const cm_network *net, const char *path, const cm_render_options *o)
{
	const igraph_t *graph = &net->graph;
	igraph_integer_t n = igraph_vcount(graph), m = igraph_ecount(graph);
	const char *color_by = o->color_by ? o->color_by : CM_ATTR_TYPE;
	const char *shape_by = o->shape_by ? o->shape_by : CM_ATTR_TYPE;
	const char *cluster_by = o->cluster_by;
	int rc;

	p->net = net;
	p->seed = o->seed ? o->seed : CM_DEFAULT_SEED;
	p->text_scale = n > LARGE_ACTORS ? 3 : 1;
	if (!(p->renderer = pick_format(path, o->format)))
		return CM_EUSAGE;
	if (!o->layout || !strcmp(o->layout, "auto")) {
		p->engine = n <= FDP_MAX_ACTORS ? "fdp" : "sfdp";
	} else {
		for (int i = 0; layouts[i]; i++)
			if (!strcmp(layouts[i], o->layout))
				p->engine = layouts[i];
		if (!p->engine)
			return cm_error_set(CM_EUSAGE, "unknown layout '%s' (use auto, sfdp, fdp, neato, dot or circo)",
			                    o->layout);
	}
	if (o->color_by && (rc = check_attr(graph, o->color_by, "--color-by")) < 0)
		return rc;
	if (o->shape_by && strcmp(o->shape_by, "none") && (rc = check_attr(graph, o->shape_by, "--shape-by")) < 0)
		return rc;
	if (cluster_by && strcmp(cluster_by, "none") && (rc = check_attr(graph, cluster_by, "--cluster-by")) < 0)
		return rc;
	if ((rc = group_by(&p->colors, graph, color_by, MAX_NAMED)) < 0)
		return rc;
	p->pal = &palettes[p->colors.named <= 7 ? 0 : p->colors.named == 8 ? 1 : 2];
	if ((rc = group_by(&p->shapes, graph, strcmp(shape_by, "none") ? shape_by : "", MAX_SHAPES)) < 0)
		return rc;
	/* clusters: asked for, or by region on small maps that fdp or dot lays out */
	if (!cluster_by && n <= CLUSTER_MAX_ACTORS && has_string_vattr(graph, CM_ATTR_REGION))
		cluster_by = CM_ATTR_REGION;
	if (cluster_by && strcmp(cluster_by, "none")) {
		if (strcmp(p->engine, "fdp") && strcmp(p->engine, "dot")) {
			if (o->cluster_by)
				cm_notice("clusters need the fdp or dot layout; --cluster-by ignored with %s", p->engine);
		} else {
			if ((rc = group_by(&p->clusters, graph, cluster_by, MAX_NAMED)) < 0)
				return rc;
			p->have_clusters = useful_groups(&p->clusters) >= (o->cluster_by ? 1 : 2);
		}
	}
	p->size_by = o->size_by ? o->size_by : "pagerank";
	if (igraph_vector_init(&p->size, n) != IGRAPH_SUCCESS)
		return cm_error_set(CM_ENOMEM, "out of memory");
	if ((rc = size_measure(&p->size, graph, p->size_by, net->directed)) < 0)
		return rc;
	p->size_max = n > 0 ? igraph_vector_max(&p->size) : 0;
	if ((rc = pick_labels(p, o->labels)) < 0)
		return rc;
	p->has_weight = igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_WEIGHT);
	p->wmin = p->wmax = 1;
	for (igraph_integer_t e = 0; p->has_weight && e < m; e++) {
		double w = EAN(graph, CM_ATTR_WEIGHT, e);

		if (e == 0 || w < p->wmin)
			p->wmin = w;
		if (e == 0 || w > p->wmax)
			p->wmax = w;
	}
	return 0;
}

static void plan_free(map_plan *p)
{
	grouping_free(&p->colors);
	grouping_free(&p->shapes);
	grouping_free(&p->clusters);
	if (p->size.stor_begin)
		igraph_vector_destroy(&p->size);
	free(p->label_on);
}

/* The display name of a grouping value. */
static const char *value_name(const char *value)
{
	return value[0] ? value : "unknown";
}

/* The colour of a rank (OTHER_SLOT: the grey), as Graphviz's "/scheme/n". */
static void color_name(char *buf, size_t size, const palette *pal, int slot)
{
	snprintf(buf, size, "/%s/%d", pal->scheme, slot < pal->named ? pal->color[slot] : pal->other);
}

/* The shape of a rank. */
static int shape_index(int slot)
{
	return slot < MAX_SHAPES ? slot : MAX_SHAPES;
}

/*
 * Legend rows for one grouping: a glyph in its colour (pal) or its shape
 * (shaped), then the value and how many actors have it.
 */
static int legend_rows(cm_strbuf *b, const grouping *gr, const palette *pal, int shaped, const char *heading,
                       double k)
{
	int rc = 0, per_row = 4, in_row = 0;
	igraph_integer_t other = 0;
	char color[32];

	if (gr->n == 0 || (gr->n == 1 && !gr->values[0][0]))
		return 0;
	/* a row of the map label holding the heading, then one holding a table of its own */
	rc |= cm_strbuf_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%g\" COLOR=\"#444444\">", 11 * k);
	rc |= escape_text(b, heading, 1, 40);
	rc |= cm_strbuf_puts(b, "</FONT></TD></TR>\n<TR><TD ALIGN=\"LEFT\">"
	                        "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"0\">\n");
	for (size_t i = 0; i <= gr->n && rc == 0; i++) {
		int slot = i < gr->n && (int)i < gr->named && gr->values[i][0] ? (int)i : OTHER_SLOT;
		igraph_integer_t count;

		if (i < gr->n && slot == OTHER_SLOT) {
			other += gr->counts[i];
			continue;
		}
		if (i == gr->n && other == 0)
			break;
		count = i < gr->n ? gr->counts[i] : other;
		if (in_row == 0)
			rc |= cm_strbuf_puts(b, "<TR>");
		/* a bordered swatch shows pale colours too; the glyph shows the shape */
		if (pal) {
			color_name(color, sizeof(color), pal, slot);
			rc |= cm_strbuf_printf(b, "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"%d\" HEIGHT=\"%d\" BORDER=\"1\" "
			                          "COLOR=\"#555555\" BGCOLOR=\"%s\"></TD>", (int)(12 * k), (int)(12 * k), color);
		}
		if (shaped)
			rc |= cm_strbuf_printf(b, "<TD><FONT POINT-SIZE=\"%g\" COLOR=\"#444444\">%s</FONT></TD>",
			                       14 * k, glyphs[shape_index(slot)]);
		rc |= cm_strbuf_puts(b, "<TD ALIGN=\"LEFT\">");
		if (i < gr->n)
			rc |= escape_text(b, value_name(gr->values[i]), 1, 32);
		else
			rc |= cm_strbuf_puts(b, gr->named < (int)gr->n - gr->has_unknown ? "other or unknown" : "unknown");
		rc |= cm_strbuf_printf(b, " (%" IGRAPH_PRId ")</TD>", count);
		if (++in_row == per_row) {
			rc |= cm_strbuf_puts(b, "</TR>\n");
			in_row = 0;
		}
	}
	if (in_row)
		rc |= cm_strbuf_puts(b, "</TR>\n");
	rc |= cm_strbuf_puts(b, "</TABLE></TD></TR>\n");
	return rc ? CM_ENOMEM : 0;
}

/* The graph label: title, a caption with counts and the encodings, and the legend. */
static int map_label(cm_strbuf *b, const map_plan *p, const cm_render_options *o)
{
	const igraph_t *graph = &p->net->graph;
	const char *title = o->title;
	char *derived = NULL;
	int rc = 0, same = !strcmp(p->colors.attr, p->shapes.attr);
	igraph_integer_t n = igraph_vcount(graph), m = igraph_ecount(graph);
	const char *size_name = !strcmp(p->size_by, "pagerank") ? "PageRank" : p->size_by;

	if (!title) {
		const char *src = p->net->source && strcmp(p->net->source, "-") ? p->net->source : NULL;
		const char *base, *dot;
		size_t len;

		if (src) {
			len = strlen(src);
			while (len > 1 && src[len - 1] == '/')
				len--;
			base = src;
			for (size_t i = 0; i + 1 < len; i++)
				if (src[i] == '/')
					base = src + i + 1;
			len -= (size_t)(base - src);
			dot = memchr(base, '.', len);
			if (dot && dot > base)
				len = (size_t)(dot - base);
			/* "folder/edges.csv": the folder names the network */
			if (base > src + 1 && ((len == 5 && !strncmp(base, "edges", 5)) ||
			                       (len == 5 && !strncmp(base, "nodes", 5)))) {
				const char *end = base - 1, *start = src;

				for (const char *q = src; q < end; q++)
					if (*q == '/' && q + 1 < end)
						start = q + 1;
				base = start;
				len = (size_t)(end - start);
			}
			derived = cm_strndup(base, len);
			if (!derived)
				return CM_ENOMEM;
		}
		title = derived ? derived : "Cooperation network";
	}
	rc |= cm_strbuf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">\n");
	rc |= cm_strbuf_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%g\"><B>", 22 * p->text_scale);
	rc |= escape_text(b, title, 1, 120);
	rc |= cm_strbuf_puts(b, "</B></FONT></TD></TR>\n");
	rc |= cm_strbuf_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%g\" COLOR=\"#444444\">"
	                          "%" IGRAPH_PRId " actor%s, %" IGRAPH_PRId " tie%s",
	                       11 * p->text_scale, n, n == 1 ? "" : "s", m, m == 1 ? "" : "s");
	if (!o->no_legend) {
		if (strcmp(p->size_by, "none"))
			rc |= cm_strbuf_printf(b, " \xC2\xB7 node size: %s", size_name);
		if (p->has_weight && p->wmax > p->wmin)
			rc |= cm_strbuf_puts(b, " \xC2\xB7 tie width: weight");
		if (p->n_labels < n)
			rc |= cm_strbuf_printf(b, " \xC2\xB7 labels: top %" IGRAPH_PRId " by %s", p->n_labels,
			                       strcmp(p->size_by, "none") ? size_name : "order");
	}
	rc |= cm_strbuf_printf(b, " \xC2\xB7 layout %s, seed %lu</FONT></TD></TR>\n", p->engine, p->seed);
	if (!o->no_legend && rc == 0) {
		cm_strbuf heading = { 0 };

		rc |= cm_strbuf_printf(&heading, same ? "colour and shape: %s" : "colour: %s", p->colors.attr);
		if (rc == 0)
			rc |= legend_rows(b, &p->colors, p->pal, same, heading.s, p->text_scale);
		if (!same && p->shapes.attr[0] && rc == 0) {
			heading.len = 0;
			rc |= cm_strbuf_printf(&heading, "shape: %s", p->shapes.attr);
			if (rc == 0)
				rc |= legend_rows(b, &p->shapes, NULL, 1, heading.s, p->text_scale);
		}
		cm_strbuf_free(&heading);
	}
	rc |= cm_strbuf_puts(b, "</TABLE>");
	free(derived);
	return rc ? CM_ENOMEM : 0;
}

/* Set a graph attribute on the root (declaring it with an empty default). */
static void graph_set(Agraph_t *g, const char *name, const char *value)
{
	agattr(g, AGRAPH, (char *)name, "");
	agset(g, (char *)name, (char *)value);
}

/* Build the Graphviz graph of the map. */
static int build_map(Agraph_t **out, map_plan *p, const cm_render_options *o)
{
	const igraph_t *graph = &p->net->graph;
	igraph_integer_t n = igraph_vcount(graph), m = igraph_ecount(graph);
	int directed = p->net->directed && igraph_is_directed(graph);
	int large = n > LARGE_ACTORS, rc = 0;
	Agraph_t *g = NULL, **subs = NULL;
	Agnode_t **nodes = NULL;
	Agsym_t *s_shape, *s_fill, *s_width, *s_height, *s_xlabel, *s_tooltip, *s_pen;
	cm_strbuf text = { 0 };
	char buf[64], name[32];
	const char *has_label_attr = has_string_vattr(graph, CM_ATTR_LABEL) ? CM_ATTR_LABEL : NULL;
	const char *has_id_attr = has_string_vattr(graph, CM_ATTR_ID) ? CM_ATTR_ID : NULL;
	double wmin = large ? 0.06 : 0.16, wmax = large ? 0.45 : 0.85;

	g = agopen("coopmap", directed ? Agdirected : Agundirected, NULL);
	nodes = calloc((size_t)n + 1, sizeof(*nodes));
	subs = calloc(p->clusters.n + 1, sizeof(*subs));
	if (!g || !nodes || !subs) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	/*
	 * cluster look, declared before the subgraphs exist and before the
	 * root's own values (declaring on the root resets its value)
	 */
	agattr(g, AGRAPH, "style", "");
	agattr(g, AGRAPH, "color", "");
	agattr(g, AGRAPH, "fontcolor", "");
	agattr(g, AGRAPH, "fontsize", "");
	/* graph-wide settings */
	graph_set(g, "fontname", "Helvetica");
	snprintf(buf, sizeof(buf), "%g", 14 * p->text_scale);
	graph_set(g, "fontsize", buf);
	graph_set(g, "bgcolor", "white");
	graph_set(g, "outputorder", "edgesfirst");
	graph_set(g, "pad", "0.3");
	graph_set(g, "forcelabels", "true");
	graph_set(g, "labelloc", "t");
	graph_set(g, "labeljust", "l");
	snprintf(buf, sizeof(buf), "%lu", p->seed);
	graph_set(g, "start", buf);
	if (strcmp(p->engine, "dot") && strcmp(p->engine, "circo")) {
		/*
		 * prism removes overlaps fast (fdp's default took minutes on 1,000
		 * actors); without it, sfdp squeezed 20,000 actors into a blot
		 */
		graph_set(g, "overlap", "prism");
		graph_set(g, "pack", "true");
	}
	if (!strcmp(p->engine, "sfdp"))
		graph_set(g, "smoothing", "none");
	/* room for the labels between actors (fdp's default K is 0.3 inch) */
	if (!strcmp(p->engine, "fdp") && !large)
		graph_set(g, "K", "0.6");
	if (large)
		graph_set(g, "size", "40,40");
	if (!strcmp(p->renderer, "png"))
		graph_set(g, "dpi", large ? "72" : "110");
	if ((rc = map_label(&text, p, o)) < 0)
		goto done;
	graph_set(g, "label", "");
	agset(g, "label", agstrdup_html(g, text.s));

	/* node defaults before any node exists */
	agattr(g, AGNODE, "label", "");
	agattr(g, AGNODE, "style", "filled");
	agattr(g, AGNODE, "fixedsize", "true");
	agattr(g, AGNODE, "colorscheme", (char *)p->pal->scheme);
	agattr(g, AGNODE, "color", "#333333");
	agattr(g, AGNODE, "penwidth", large ? "0.3" : "0.7");
	agattr(g, AGNODE, "fontname", "Helvetica");
	agattr(g, AGNODE, "fontcolor", "#222222");
	agattr(g, AGNODE, "fontsize", large ? "20" : "11");
	s_shape = agattr(g, AGNODE, "shape", "circle");
	s_fill = agattr(g, AGNODE, "fillcolor", "1");
	s_width = agattr(g, AGNODE, "width", "0.2");
	s_height = agattr(g, AGNODE, "height", "0.2");
	s_xlabel = agattr(g, AGNODE, "xlabel", "");
	s_tooltip = agattr(g, AGNODE, "tooltip", "");
	/* edge defaults */
	agattr(g, AGEDGE, "color", large ? "#66666640" : "#66666680");
	agattr(g, AGEDGE, "arrowsize", "0.5");
	s_pen = agattr(g, AGEDGE, "penwidth", large ? "0.4" : "1");

	if (p->have_clusters) {
		for (size_t c = 0; c < p->clusters.n; c++) {
			if (!p->clusters.values[c][0])
				continue;
			snprintf(name, sizeof(name), "cluster_%zu", c);
			if (!(subs[c] = agsubg(g, name, 1))) {
				rc = cm_error_set(CM_ENOMEM, "out of memory");
				goto done;
			}
			text.len = 0;
			if ((rc = escape_text(&text, p->clusters.values[c], 0, 40)) < 0)
				goto done;
			agset(subs[c], "label", text.s);
			agset(subs[c], "style", "rounded,dashed");
			agset(subs[c], "color", "#999999");
			agset(subs[c], "fontcolor", "#666666");
			agset(subs[c], "fontsize", "12");
		}
	}
	for (igraph_integer_t v = 0; v < n; v++) {
		double x = p->size_max > 0 && VECTOR(p->size)[v] > 0 ? VECTOR(p->size)[v] / p->size_max : 0;
		double width = wmin + (wmax - wmin) * sqrt(x);   /* area follows the measure */
		int cslot = p->colors.slot[v], sslot = p->shapes.slot[v];
		const char *label = has_label_attr ? VAS(graph, CM_ATTR_LABEL, v) : "";
		Agraph_t *home = g;

		if (!label[0] && has_id_attr)
			label = VAS(graph, CM_ATTR_ID, v);
		/* Graphviz names are internal: data never becomes a node name (SVG ids, comments) */
		snprintf(name, sizeof(name), "n%" IGRAPH_PRId, v);
		if (p->have_clusters) {
			for (size_t c = 0; c < p->clusters.n; c++)
				if (subs[c] && !strcmp(p->clusters.values[c],
				                       VAS(graph, p->clusters.attr, v))) {
					home = subs[c];
					break;
				}
		}
		if (!(nodes[v] = agnode(home, name, 1))) {
			rc = cm_error_set(CM_ENOMEM, "out of memory");
			goto done;
		}
		/* one category only: no need for grey */
		if (p->colors.n == 1 && cslot == OTHER_SLOT)
			cslot = 0;
		snprintf(buf, sizeof(buf), "%d", cslot < p->pal->named ? p->pal->color[cslot] : p->pal->other);
		agxset(nodes[v], s_fill, buf);
		agxset(nodes[v], s_shape, (char *)shapes[p->shapes.n == 1 ? 0 : shape_index(sslot)]);
		snprintf(buf, sizeof(buf), "%.3f", width);
		agxset(nodes[v], s_width, buf);
		agxset(nodes[v], s_height, buf);
		text.len = 0;
		if ((rc = escape_text(&text, label, 0, 0)) < 0)
			goto done;
		agxset(nodes[v], s_tooltip, text.s);
		if (p->label_on[v]) {
			text.len = 0;
			if ((rc = escape_text(&text, label, 0, 32)) < 0)
				goto done;
			agxset(nodes[v], s_xlabel, text.s);
		}
	}
	for (igraph_integer_t e = 0; e < m; e++) {
		Agedge_t *edge = agedge(g, nodes[IGRAPH_FROM(graph, e)], nodes[IGRAPH_TO(graph, e)], NULL, 1);

		if (!edge) {
			rc = cm_error_set(CM_ENOMEM, "out of memory");
			goto done;
		}
		if (p->has_weight && p->wmax > p->wmin) {
			double w = (EAN(graph, CM_ATTR_WEIGHT, e) - p->wmin) / (p->wmax - p->wmin);
			double lo = large ? 0.3 : 0.6, hi = large ? 2.5 : 3.5;

			snprintf(buf, sizeof(buf), "%.2f", lo + (hi - lo) * sqrt(w));
			agxset(edge, s_pen, buf);
		}
	}
done:
	cm_strbuf_free(&text);
	free(nodes);
	free(subs);
	if (rc < 0 && g) {
		agclose(g);
		g = NULL;
	}
	*out = g;
	return rc;
}

/* What the drawing child reports back through its pipe. */
typedef struct {
	int stage;  /* 0 done, 1 layout failed, 2 rendering failed, 3 writing failed */
	int err;    /* errno of a failed write */
	char message[512];
} draw_report;

/*
 * Draw a PDF with a fixed creation date: cairo stamps the current time,
 * which would make two runs differ.  The date keeps its length, so the
 * PDF's byte offsets stay right.
 */
static int render_pdf(GVC_t *ctx, Agraph_t *g, FILE *stream)
{
	static const char key[] = "/CreationDate (D:";
	char *data = NULL, *p;
	unsigned int len = 0;
	int rc;

	if ((rc = gvRenderData(ctx, g, "pdf", &data, &len)) != 0)
		return rc;
	p = memmem(data, len, key, sizeof(key) - 1);
	if (p) {
		p += sizeof(key) - 1;
		/* 2000-01-01 00:00:00 over the 14 digits of YYYYMMDDHHMMSS */
		for (int i = 0; i < 14 && p + i < data + len && isdigit((unsigned char)p[i]); i++)
			p[i] = "20000101000000"[i];
	}
	/* a short write shows up as the stream's error, reported by the caller */
	fwrite(data, 1, len, stream);
	gvFreeRenderData(data);
	return rc;
}

/* Child side: lay out, draw into stream, report, and leave without running exit handlers. */
/* The drawing child's report pipe, for child_exit(). */
static int child_fd = -1;

/*
 * Graphviz calls exit(1) when a write fails (a full disk, a closed pipe):
 * report that as a write error, with the errno of the failed write.
 */
static void child_exit(void)
{
	draw_report r;
	int e = errno;

	if (child_fd < 0)
		return;
	memset(&r, 0, sizeof(r));
	r.stage = 3;
	r.err = e ? e : EIO;
	if (write(child_fd, &r, sizeof(r)) != (ssize_t)sizeof(r))
		_exit(2);
	_exit(0);
}

static void draw_child(int fd, GVC_t *ctx, Agraph_t *g, const char *engine, const char *renderer,
                       FILE *stream)
{
	draw_report r;
	char *mem = NULL;
	size_t len = 0;
	FILE *ms;
	Agraph_t *copy;
	Agsym_t *label;

	/* Ctrl-C ends the child at once; the parent cleans up */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	child_fd = fd;
	atexit(child_exit);
	memset(&r, 0, sizeof(r));
	/*
	 * fdp's result depends on where cgraph put the objects in memory when
	 * they were built one by one; a graph read back from cgraph's own
	 * serialisation lays out the same every time.  Only labels escaped by
	 * escape_text() (never ending in a lone backslash) come from data.
	 */
	ms = open_memstream(&mem, &len);
	aglexbad();
	if (!ms || agwrite(g, ms) != 0 || fclose(ms) != 0 || !(copy = agmemread(mem))) {
		r.stage = 1;
		snprintf(r.message, sizeof(r.message), "cannot copy the graph: %s", gv_last_error());
		goto report;
	}
	g = copy;
	/*
	 * agwrite() left out the empty label and gvContext() makes "\N" the
	 * default of every graph read afterwards: without this, nodes would
	 * show their internal names.
	 */
	label = agattr(g, AGNODE, "label", "");
	for (Agnode_t *v = agfstnode(g); v && label; v = agnxtnode(g, v))
		agxset(v, label, "");
	if (gvLayout(ctx, g, engine) != 0) {
		r.stage = 1;
	} else {
		errno = 0;
		if ((!strcmp(renderer, "pdf") ? render_pdf(ctx, g, stream) : gvRender(ctx, g, renderer, stream)) != 0)
			r.stage = 2;
		else if (fflush(stream) != 0 || ferror(stream))
			r.stage = 3, r.err = errno ? errno : EIO;
		gvFreeLayout(ctx, g);
	}
	if (r.stage == 1 || r.stage == 2)
		snprintf(r.message, sizeof(r.message), "%s", gv_last_error());
report:
	child_fd = -1;
	if (write(fd, &r, sizeof(r)) != (ssize_t)sizeof(r))
		_exit(2);
	_exit(0);
}

/*
 * Lay out and draw g into stream in a child process.  Graphviz's fdp and
 * sfdp keep random state between layouts in one process, so only the first
 * layout of a process is reproducible: each map gets a fresh process (a
 * Graphviz crash, or its exit() on a failed write, then also becomes an
 * error instead of taking us down).
 */
static int draw_isolated(GVC_t *ctx, Agraph_t *g, const char *engine, const char *renderer,
                         cm_output *out, const char *path)
{
	FILE *stream = cm_output_stream(out);
	draw_report r;
	size_t got = 0;
	int fds[2] = { -1, -1 }, status = 0, rc = 0, killed = 0;
	pid_t pid;

	if (cm_interrupted())
		return cm_error_set(CM_EINTERRUPTED, "interrupted");
	if (pipe2(fds, O_CLOEXEC) != 0)
		return cm_error_set(CM_ERROR, "cannot start drawing: %s", strerror(errno));
	/* buffered output must not be written twice, once by each process */
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		rc = cm_error_set(CM_ERROR, "cannot start drawing: %s", strerror(errno));
		goto done;
	}
	if (pid == 0) {
		close(fds[0]);
		draw_child(fds[1], ctx, g, engine, renderer, stream);
	}
	close(fds[1]);
	fds[1] = -1;
	memset(&r, 0, sizeof(r));
	/* poll, so that an interrupt that came before the wait also stops the child */
	while (got < sizeof(r)) {
		struct pollfd pfd = { fds[0], POLLIN, 0 };
		ssize_t n;

		if (cm_interrupted() && !killed) {
			kill(pid, SIGTERM);
			killed = 1;
		}
		n = poll(&pfd, 1, 200);
		if (n == 0 || (n < 0 && errno == EINTR))
			continue;
		if (n < 0)
			break;
		n = read(fds[0], (char *)&r + got, sizeof(r) - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (cm_interrupted()) {
		rc = cm_error_set(CM_EINTERRUPTED, "interrupted while drawing the map");
	} else if (got < sizeof(r)) {
		/* no report: the child died (its exit status alone says little: valgrind changes it) */
		if (WIFSIGNALED(status))
			rc = cm_error_set(CM_ERROR, "graphviz crashed while drawing the map (signal %d)",
			                  WTERMSIG(status));
		else
			rc = cm_error_set(CM_ERROR, "graphviz stopped while drawing the map (status %d)",
			                  WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	} else if (r.stage == 1) {
		rc = cm_error_set(CM_ERROR, "graphviz could not lay out the map with %s: %s", engine,
		                  r.message);
	} else if (r.stage == 2) {
		rc = cm_error_set(CM_ERROR, "graphviz could not draw the map as %s: %s", renderer, r.message);
	} else if (r.stage == 3 && r.err == EPIPE && !strcmp(path, "-")) {
		rc = 0; /* the reader of standard output went away (| head): not our failure */
	} else if (r.stage == 3) {
		errno = r.err;
		rc = cm_error_set(CM_EIO, "cannot write '%s': %s", strcmp(path, "-") ? path : "standard output",
		                  strerror(r.err));
	}
done:
	if (fds[0] >= 0)
		close(fds[0]);
	if (fds[1] >= 0)
		close(fds[1]);
	return rc;
}

int cm_render(const cm_network *net, const char *path, const cm_render_options *opts)
{
	static const cm_render_options defaults = { 0 };
	const cm_render_options *o = opts ? opts : &defaults;
	map_plan plan = { 0 };
	Agraph_t *g = NULL;
	cm_output *out = NULL;
	GVC_t *ctx;
	int rc;

	if (!path)
		return cm_error_set(CM_EUSAGE, "no output file given");
	if (o->highlight)
		cm_notice("--highlight is not supported yet; drawing the plain map");
	if ((rc = plan_map(&plan, net, path, o)) < 0)
		goto done;
	if (!strcmp(plan.engine, "neato") && igraph_vcount(&net->graph) > 2000)
		cm_notice("neato may take many minutes on %" IGRAPH_PRId " actors; sfdp is much faster",
		          igraph_vcount(&net->graph));
	if (!(ctx = gv_context())) {
		rc = cm_error_code() ? cm_error_code() : CM_ERROR;
		goto done;
	}
	gv_begin();
	if ((rc = build_map(&g, &plan, o)) < 0)
		goto done;
	if ((rc = cm_output_open(&out, path)) < 0)
		goto done;
	if ((rc = draw_isolated(ctx, g, plan.engine, plan.renderer, out, path)) < 0)
		goto done;
	rc = cm_output_commit(out);
	out = NULL;
done:
	cm_output_abort(out);
	if (g)
		agclose(g);
	plan_free(&plan);
	return rc;
}
