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
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <time.h>
#include <unistd.h>

#include <gvc.h>
#include <cgraph.h>

#include "present/map/graphviz.h"
#include "coopmap/brokers.h"
#include "coopmap/clubs.h"
#include "coopmap/common.h"
#include "coopmap/isolated.h"
#include "coopmap/network.h"
#include "coopmap/output.h"
#include "coopmap/regions.h"
#include "coopmap/render.h"
#include "coopmap/summary.h"
#include "coopmap/table.h"
#include "coopmap/text.h"
#include "base/error.h"
#include "base/file.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "load/csv.h"
#include "load/dot.h"
#include "model/names.h"
#include "model/raw.h"

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
	/* the messages buffer and the context are released by cm_shutdown() */
	(void)cm_shutdown_register(cm_gv_shutdown);
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

/*
 * Turn Graphviz's "FILE: syntax error in line N near 'x'" (or "FILE: memory
 * exhausted in line N...") into "FILE:N: syntax error near 'x'": the file is
 * named once, where our messages name it.
 */
static int syntax_error(const char *name)
{
	const char *msg = gv_last_error();
	const char *p;
	size_t len = strlen(name);
	long line = 0;
	char *end;

	if (!gv_error[0])
		return cm_error_set_at(CM_EINPUT, name, 0, "no graph found (not a DOT file?)");
	/* cgraph starts its messages with the file name given to agsetfile() */
	if (!strncmp(msg, name, len) && msg[len] == ':' && msg[len + 1] == ' ')
		msg += len + 2;
	p = strstr(msg, " in line ");
	if (p) {
		line = strtol(p + 9, &end, 10);
		if (end > p + 9 && line > 0)
			return cm_error_set_at(CM_EINPUT, name, line, "%.*s%s", (int)(p - msg), msg, end);
	}
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

	/* cgraph writes U+FEFF (a byte order mark) unquoted and its reader then skips it (F16) */
	if (strstr(value, "\xEF\xBB\xBF")) {
		errno = EILSEQ;
		return NULL;
	}

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
	if (!*tmp) {
		errno = ENOMEM;
		return NULL;
	}
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

/* The error for a value dot_safe() could not give (errno EILSEQ: it holds U+FEFF), or out of memory. */
static int dot_refused(const char *path)
{
	if (errno == EILSEQ)
		return cm_error_set(CM_EINPUT, "cannot write '%s': DOT cannot hold the character U+FEFF "
		                    "(byte order mark) found in the data; write GraphML or CSV instead", path);
	return cm_error_set(CM_ENOMEM, "out of memory writing '%s'", path);
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
		errno = 0;
		if (!(id = dot_safe(id, &tmp, &fixed)) || !(nodes[v] = agnode(g, (char *)id, 1))) {
			rc = dot_refused(path);
			goto done;
		}
		for (igraph_integer_t a = 0; a < igraph_strvector_size(&vnames); a++) {
			const char *value;

			if (!vsyms[a])
				continue;
			value = attr_text(graph, IGRAPH_ATTRIBUTE_VERTEX, VECTOR(vtypes)[a],
			                  igraph_strvector_get(&vnames, a), v, buf, sizeof(buf));
			if (!(value = dot_safe(value, &tmp, &fixed))) {
				rc = dot_refused(path);
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
				rc = dot_refused(path);
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
	size_t *vindex;       /* per vertex: index in values (when values exist) */
	int has_unknown;
	int named;            /* values with their own slot */
	const char *unknown;  /* legend name of "" (NULL: "unknown") */
	size_t max_chars;     /* legend text cut (0: 32) */
} grouping;

static void grouping_free(grouping *gr)
{
	for (size_t i = 0; i < gr->n; i++)
		free(gr->values[i]);
	free(gr->values);
	free(gr->counts);
	free(gr->slot);
	free(gr->vindex);
	memset(gr, 0, sizeof(*gr));
}

static const char *const *sort_values;

/* qsort: vertices by value (then index, so the order is total). */
static int cmp_by_value(const void *a, const void *b)
{
	igraph_integer_t x = *(const igraph_integer_t *)a, y = *(const igraph_integer_t *)b;
	int c = strcmp(sort_values[x], sort_values[y]);

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

/*
 * Group n vertices by their values (vals[v]; NULL: everyone unknown);
 * max_named ranks get a slot.  attr names the grouping in the legend.
 */
static int group_values(grouping *gr, const char *const *vals, igraph_integer_t n, const char *attr,
                        int max_named)
{
	igraph_integer_t *order = NULL;
	group_run *runs = NULL;
	size_t nruns = 0;
	int rc = 0;

	memset(gr, 0, sizeof(*gr));
	gr->attr = attr;
	gr->slot = calloc((size_t)n + 1, sizeof(*gr->slot));
	gr->vindex = calloc((size_t)n + 1, sizeof(*gr->vindex));
	order = malloc(((size_t)n + 1) * sizeof(*order));
	runs = calloc((size_t)n + 1, sizeof(*runs));
	gr->values = calloc((size_t)n + 1, sizeof(*gr->values));
	gr->counts = calloc((size_t)n + 1, sizeof(*gr->counts));
	if (!gr->slot || !gr->vindex || !order || !runs || !gr->values || !gr->counts) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	if (!vals) {
		for (igraph_integer_t v = 0; v < n; v++)
			gr->slot[v] = OTHER_SLOT;
		gr->has_unknown = n > 0;
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++)
		order[v] = v;
	sort_values = vals;
	qsort(order, (size_t)n, sizeof(*order), cmp_by_value);
	for (igraph_integer_t i = 0; i < n; i++) {
		const char *value = vals[order[i]];

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
		for (igraph_integer_t i = runs[r].first; i < runs[r].first + runs[r].count; i++) {
			gr->slot[order[i]] = slot;
			gr->vindex[order[i]] = r;
		}
	}
done:
	free(order);
	free(runs);
	if (rc < 0)
		grouping_free(gr);
	return rc;
}

/* Group the vertices by a string attribute (absent: everyone unknown). */
static int group_by(grouping *gr, const igraph_t *graph, const char *attr, int max_named)
{
	igraph_integer_t n = igraph_vcount(graph);
	const char **vals = NULL;
	int rc;

	if (igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_VERTEX, attr)) {
		if (!(vals = malloc(((size_t)n + 1) * sizeof(*vals))))
			return cm_error_set(CM_ENOMEM, "out of memory");
		for (igraph_integer_t v = 0; v < n; v++)
			vals[v] = VAS(graph, attr, v);
	}
	rc = group_values(gr, vals, n, attr, max_named);
	free(vals);
	return rc;
}

/* Characters kept from the end of a shortened label. */
#define LABEL_TAIL 8

/*
 * Append s as Graphviz label text: invalid UTF-8 replaced, control
 * characters dropped (they make invalid XML), "\" doubled (Graphviz expands
 * \N, \G, \l...) and "&" written &amp; (Graphviz decodes entities).  html
 * also escapes < > " for HTML-like labels.  At most max_chars characters
 * are kept (0: all): the start and the last LABEL_TAIL characters, the cut
 * marked with an ellipsis in the middle, since labels that differ only at
 * the end ("Cité éducative Hauts-de-France 13") must stay apart.
 */
static int escape_text(cm_strbuf *b, const char *s, int html, size_t max_chars)
{
	char *clean = cm_utf8_sanitize(s ? s : "");
	size_t chars = 0, total = 0, head = 0, skip_to = 0;
	int rc = 0;

	if (!clean)
		return CM_ENOMEM;
	for (const unsigned char *p = (const unsigned char *)clean; *p; p++)
		total += (*p & 0xC0) != 0x80;
	if (max_chars && total > max_chars) {
		size_t tail = max_chars > 2 * LABEL_TAIL ? LABEL_TAIL : 0;

		head = max_chars - 1 - tail;
		skip_to = total - tail;
	}
	for (const unsigned char *p = (const unsigned char *)clean; *p && rc == 0; p++) {
		unsigned char c = *p;

		if ((c & 0xC0) != 0x80) {
			chars++;
			if (skip_to && chars == head + 1) {
				rc = cm_strbuf_puts(b, "\xE2\x80\xA6");
				if (skip_to == total)
					break;
			}
			if (skip_to && chars > head && chars <= skip_to) {
				while ((p[1] & 0xC0) == 0x80)
					p++;
				continue;
			}
		}
		if (c == '\t' || c == '\n' || c == '\r')
			rc = cm_strbuf_add(b, " ", 1);
		else if (c < 0x20 || c == 0x7F)
			continue; /* counted in the length all the same: a label rarely has them */
		else if (c == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			p++; /* C1 control: not allowed in SVG text either */
		else if (c == '\\')
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
static const char *const layouts[] = { "fr", "sfdp", "fdp", "neato", "dot", "circo", NULL };

/* Largest network drawn with clusters by default, and with every label. */
#define CLUSTER_MAX_ACTORS 200
#define ALL_LABELS_MAX_ACTORS 60
#define TOP_LABELS_DEFAULT 30
/* Largest network whose overlaps are removed with prism (above: prism0, overlap scaling only). */
#define PRISM_MAX_ACTORS 5000
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
	/* highlights */
	const char *focus;    /* focus type of isolated and clubs */
	char *mark;           /* per vertex: MARK_* bits */
	int show_isolated, show_brokers, show_clubs;
	igraph_integer_t n_isolated, n_brokers, top_brokers, n_marked_labels;
	size_t n_clubs;
	grouping club_groups; /* clusters by club */
	/* --layout geo */
	double *xy;           /* per vertex: x, y in points (geo, fr): drawn pinned */
	double *cluster_bb;   /* fr: per cluster, its box (x0, y0, x1, y1 in points) */
	igraph_integer_t geo_by_region, geo_by_neighbours, geo_unplaced;
	cm_strbuf insets;     /* overseas insets in use, for the caption */
	double time_limit;    /* seconds; 0: none */
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

/* ---------------------------------------------------------------- highlights */

/* Marks drawn on actors (bits of map_plan.mark). */
#define MARK_ISOLATED 1
#define MARK_BROKER 2
/* Ring colours: ColorBrewer "paired12" red and purple, which no type palette uses. */
#define RING_ISOLATED "/paired12/6"
#define RING_BROKER "/paired12/10"

/* Lowest isolation level marked: 2 (no peer of the focus type within two steps) or 3 (no tie). */
#define ISOLATED_MIN_LEVEL 2

/* Does any actor have the type? */
static int has_type(const igraph_t *graph, const char *type)
{
	if (!has_string_vattr(graph, CM_ATTR_TYPE))
		return 0;
	for (igraph_integer_t v = 0; v < igraph_vcount(graph); v++)
		if (!strcmp(VAS(graph, CM_ATTR_TYPE, v), type))
			return 1;
	return 0;
}

/* Mark the focus actors at isolation level ISOLATED_MIN_LEVEL or more (cm_isolated_levels). */
static int mark_isolated(map_plan *p)
{
	igraph_integer_t n = igraph_vcount(&p->net->graph);
	int *level = NULL, rc;

	if ((rc = cm_isolated_levels(&level, p->net, p->focus, 0)) < 0)
		return rc;
	for (igraph_integer_t v = 0; v < n; v++)
		if (level[v] >= ISOLATED_MIN_LEVEL) {
			p->mark[v] |= MARK_ISOLATED;
			p->n_isolated++;
		}
	free(level);
	return 0;
}

/* Mark the top_brokers actors with the most brokerage (cm_brokers_compute, by region); ties at zero are not marked. */
static int mark_brokers(map_plan *p)
{
	cm_brokers b = { 0 };
	int rc;

	if ((rc = cm_brokers_compute(&b, p->net, NULL)) < 0)
		goto done;
	/* the ranking is the table's order, most brokerage first */
	for (igraph_integer_t i = 0; i < b.n_actors && p->n_brokers < p->top_brokers; i++) {
		igraph_integer_t v = b.ranking[i];

		if (!(b.total[v] > 0))
			break;
		p->mark[v] |= MARK_BROKER;
		p->n_brokers++;
	}
done:
	cm_brokers_free(&b);
	return rc;
}

/* Colour (and cluster) the focus actors by their proposed interregional club. */
static int group_clubs(map_plan *p, const char *regions_path)
{
	igraph_integer_t n = igraph_vcount(&p->net->graph);
	cm_regions *regions = NULL;
	cm_clubs clubs = { 0 };
	cm_names ids = { 0 };
	const char **vals = NULL;
	int rc;

	if (!regions_path) {
		rc = cm_error_set(CM_EUSAGE, "--highlight clubs needs the region adjacency (--regions FILE, "
		                             "e.g. graphs/regions-fr.csv)");
		goto done;
	}
	if ((rc = cm_regions_load(&regions, regions_path)) < 0)
		goto done;
	if ((rc = cm_clubs_compute(&clubs, p->net, regions, p->focus, 0)) < 0 ||
	    (rc = cm_names_index(&ids, p->net)) < 0)
		goto done;
	if (!(vals = malloc(((size_t)n + 1) * sizeof(*vals)))) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++)
		vals[v] = "";
	for (size_t c = 0; c < clubs.n_clubs; c++)
		for (size_t k = 0; k < clubs.clubs[c].n_members; k++) {
			igraph_integer_t v = cm_names_get(&ids, clubs.clubs[c].members[k]);

			if (v >= 0)
				vals[v] = clubs.clubs[c].name;
		}
	p->n_clubs = clubs.n_clubs;
	grouping_free(&p->colors);
	/* group_values() copies the names: the clubs can go */
	if ((rc = group_values(&p->colors, vals, n, "interregional club", MAX_NAMED)) < 0)
		goto done;
	p->colors.unknown = "not in a club";
	p->colors.max_chars = 90;
	rc = group_values(&p->club_groups, vals, n, "club", MAX_NAMED);
done:
	free(vals);
	cm_names_free(&ids);
	cm_clubs_free(&clubs);
	cm_regions_free(regions);
	return rc;
}

/* Parse --highlight and compute what it marks. */
static int plan_highlight(map_plan *p, const cm_render_options *o)
{
	const igraph_t *graph = &p->net->graph;
	const char *h = o->highlight;
	int want_isolated = 0, want_brokers = 0, want_clubs = 0, rc = 0;

	p->focus = o->focus_type && o->focus_type[0] ? o->focus_type : CM_DEFAULT_FOCUS_TYPE;
	p->top_brokers = CM_RENDER_TOP_BROKERS;
	if (!h) {
		/* the default map shows the isolated actors of the focus type, when there are some */
		want_isolated = has_type(graph, p->focus);
	} else {
		const char *s = h;

		while (*s) {
			size_t len = strcspn(s, ",");

			if (len == 4 && !strncmp(s, "none", 4))
				;
			else if (len == 8 && !strncmp(s, "isolated", 8))
				want_isolated = 1;
			else if (len == 5 && !strncmp(s, "clubs", 5))
				want_clubs = 1;
			else if (len == 7 && !strncmp(s, "brokers", 7))
				want_brokers = 1;
			else if (len > 8 && !strncmp(s, "brokers:", 8)) {
				char num[24], *end;
				long k;

				snprintf(num, sizeof(num), "%.*s", (int)(len - 8 < 23 ? len - 8 : 23), s + 8);
				errno = 0;
				k = strtol(num, &end, 10);
				if (errno || *end || end == num || k < 1 || len - 8 > 10)
					return cm_error_set(CM_EUSAGE, "--highlight '%s': brokers:N needs a whole number N >= 1", h);
				p->top_brokers = (igraph_integer_t)k;
				want_brokers = 1;
			} else {
				return cm_error_set(CM_EUSAGE, "unknown --highlight value '%.*s' "
				                    "(use isolated, brokers, brokers:N, clubs or none, separated by commas)",
				                    (int)len, s);
			}
			s += len;
			if (*s == ',')
				s++;
		}
	}
	if (!(p->mark = calloc((size_t)igraph_vcount(graph) + 1, 1)))
		return cm_error_set(CM_ENOMEM, "out of memory");
	if (!want_isolated && !want_brokers && !want_clubs)
		return 0;
	p->show_isolated = want_isolated;
	p->show_brokers = want_brokers;
	p->show_clubs = want_clubs;
	if (want_isolated && (rc = mark_isolated(p)) < 0)
		return rc;
	if (want_brokers && (rc = mark_brokers(p)) < 0)
		return rc;
	if (want_clubs && (rc = group_clubs(p, o->regions_path)) < 0)
		return rc;
	return 0;
}

/* ---------------------------------------------------------------- geographic layout */

/*
 * Lambert-93 (EPSG:2154), France's official projection: Lambert conformal
 * conic on the GRS80 ellipsoid, standard parallels 44 and 49 degrees N,
 * origin 46.5 N 3 E at (700,000 m, 6,600,000 m).  Formulas in docs/maps.md.
 */
static void lambert93(double *x, double *y, double lat_deg, double lon_deg)
{
	const double a = 6378137.0, f = 1 / 298.257222101, deg = M_PI / 180;
	const double e = sqrt(2 * f - f * f);
	const double phi0 = 46.5 * deg, phi1 = 44 * deg, phi2 = 49 * deg, lambda0 = 3 * deg;
	double m1, m2, t0, t1, t2, t, n, F, rho0, rho, phi = lat_deg * deg;

#define LCC_M(p) (cos(p) / sqrt(1 - e * e * sin(p) * sin(p)))
#define LCC_T(p) (tan(M_PI / 4 - (p) / 2) / pow((1 - e * sin(p)) / (1 + e * sin(p)), e / 2))
	m1 = LCC_M(phi1);
	m2 = LCC_M(phi2);
	t0 = LCC_T(phi0);
	t1 = LCC_T(phi1);
	t2 = LCC_T(phi2);
	t = LCC_T(phi);
#undef LCC_M
#undef LCC_T
	n = (log(m1) - log(m2)) / (log(t1) - log(t2));
	F = m1 / (n * pow(t1, n));
	rho0 = a * F * pow(t0, n);
	rho = a * F * pow(t, n);
	*x = 700000 + rho * sin(n * (lon_deg * deg - lambda0));
	*y = 6600000 + rho0 - rho * cos(n * (lon_deg * deg - lambda0));
}

/* Metropolitan France (Corsica included); other places go to an inset. */
static int in_metropole(double lat, double lon)
{
	return lat >= 41 && lat <= 51.5 && lon >= -5.8 && lon <= 10;
}

/* Built-in copy of graphs/regions-fr-centres.csv (the CLI tests check they agree). */
static const char default_centres[] =
	"region,lat,lon\n"
	"Auvergne-Rh\xC3\xB4ne-Alpes,45.45,4.39\n"
	"Bourgogne-Franche-Comt\xC3\xA9,47.24,4.81\n"
	"Bretagne,48.18,-2.84\n"
	"Centre-Val de Loire,47.48,1.68\n"
	"Corse,42.16,9.09\n"
	"Grand Est,48.69,5.62\n"
	"Hauts-de-France,49.97,2.78\n"
	"\xC3\x8Ele-de-France,48.71,2.50\n"
	"Normandie,49.12,0.11\n"
	"Nouvelle-Aquitaine,45.19,0.22\n"
	"Occitanie,43.70,2.14\n"
	"Pays de la Loire,47.47,-0.82\n"
	"Provence-Alpes-C\xC3\xB4te d'Azur,43.96,6.06\n"
	"Guadeloupe,16.20,-61.55\n"
	"Martinique,14.64,-61.02\n"
	"Guyane,3.93,-53.13\n"
	"La R\xC3\xA9union,-21.13,55.53\n"
	"Mayotte,-12.82,45.15\n";

typedef struct {
	char *region;
	double lat, lon;
	int inset;      /* overseas: its inset number (table order), else -1 */
} centre;

typedef struct {
	centre *c;
	size_t n;
	int n_insets;
} centre_table;

/* Free a centres table (a zeroed one is fine). */
static void centres_free(centre_table *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->c[i].region);
	free(t->c);
	memset(t, 0, sizeof(*t));
}

/* Read a region,lat,lon table (path NULL: the built-in one). */
static int centres_load(centre_table *t, const char *path)
{
	cm_csv csv = { 0 };
	const char *name = path ? path : "built-in region centres";
	int rc, c_region = -1, c_lat = -1, c_lon = -1;

	memset(t, 0, sizeof(*t));
	if (path) {
		rc = cm_csv_open(&csv, path, name, ',');
	} else {
		char *buf = cm_strdup(default_centres);

		rc = buf ? cm_csv_open_buffer(&csv, buf, sizeof(default_centres) - 1, name, ',') : CM_ENOMEM;
	}
	if (rc < 0)
		goto done;
	if ((rc = cm_csv_next(&csv)) <= 0) {
		if (rc == 0)
			rc = cm_error_set_at(CM_EINPUT, name, 1, "empty file (expected a header region,lat,lon)");
		goto done;
	}
	for (size_t i = 0; i < csv.nfields; i++) {
		if (!strcasecmp(csv.fields[i], "region"))
			c_region = (int)i;
		else if (!strcasecmp(csv.fields[i], "lat"))
			c_lat = (int)i;
		else if (!strcasecmp(csv.fields[i], "lon"))
			c_lon = (int)i;
	}
	if (c_region < 0 || c_lat < 0 || c_lon < 0) {
		rc = cm_error_set_at(CM_EINPUT, name, csv.record_line, "expected the columns region, lat and lon");
		goto done;
	}
	while ((rc = cm_csv_next(&csv)) > 0) {
		centre *c;
		size_t need = (size_t)(c_region > c_lat ? (c_region > c_lon ? c_region : c_lon)
		                                        : (c_lat > c_lon ? c_lat : c_lon)) + 1;

		if (csv.nfields < need) {
			rc = cm_error_set_at(CM_EINPUT, name, csv.record_line, "expected %zu fields, found %zu",
			                     need, csv.nfields);
			goto done;
		}
		if (!(c = realloc(t->c, (t->n + 1) * sizeof(*t->c)))) {
			rc = cm_error_set(CM_ENOMEM, "out of memory");
			goto done;
		}
		t->c = c;
		c = &t->c[t->n];
		if (cm_parse_number(&c->lat, csv.fields[c_lat], 0) < 0 || fabs(c->lat) > 90 ||
		    cm_parse_number(&c->lon, csv.fields[c_lon], 0) < 0 || fabs(c->lon) > 180) {
			rc = cm_error_set_at(CM_EINPUT, name, csv.record_line,
			                     "lat '%s', lon '%s': expected degrees (-90..90, -180..180)",
			                     csv.fields[c_lat], csv.fields[c_lon]);
			goto done;
		}
		if (!(c->region = cm_strdup(csv.fields[c_region]))) {
			rc = CM_ENOMEM;
			goto done;
		}
		c->inset = in_metropole(c->lat, c->lon) ? -1 : t->n_insets++;
		t->n++;
	}
done:
	cm_csv_close(&csv);
	if (rc < 0)
		centres_free(t);
	return rc < 0 ? rc : 0;
}

/* The centre of a region, or NULL. */
static const centre *centre_of(const centre_table *t, const char *region)
{
	for (size_t i = 0; region[0] && i < t->n; i++)
		if (!strcmp(t->c[i].region, region))
			return &t->c[i];
	return NULL;
}

/* The overseas centre nearest to a point (in degrees; only used to pick an inset). */
static const centre *nearest_inset(const centre_table *t, double lat, double lon)
{
	const centre *best = NULL;
	double bd = 0;

	for (size_t i = 0; i < t->n; i++) {
		double dlat = t->c[i].lat - lat, dlon = (t->c[i].lon - lon) * cos(lat * M_PI / 180);
		double d = dlat * dlat + dlon * dlon;

		if (t->c[i].inset >= 0 && (!best || d < bd)) {
			best = &t->c[i];
			bd = d;
		}
	}
	return best;
}

/* Map scale: points per kilometre of Lambert-93. */
#define GEO_PT_PER_KM 1.2
/* Insets: west of Brittany, from the north down, this far apart (metres). */
#define INSET_X (-80000.0)
#define INSET_TOP 7000000.0
#define INSET_STEP 190000.0

/* Projected position of a point, in metres: Lambert-93, or its place in an inset (whose number is returned, else -1). */
static int geo_project(double *x, double *y, const centre_table *t, double lat, double lon)
{
	const centre *c;

	if (in_metropole(lat, lon) || !(c = nearest_inset(t, lat, lon))) {
		lambert93(x, y, lat, lon);
		return -1;
	}
	/* equirectangular around the inset's centre (an inset is a few hundred km) */
	*x = INSET_X + 6371000.0 * cos(c->lat * M_PI / 180) * (lon - c->lon) * M_PI / 180;
	*y = INSET_TOP - INSET_STEP * c->inset + 6371000.0 * (lat - c->lat) * M_PI / 180;
	return c->inset;
}

/* A coordinate attribute of v as a number (string or numeric attribute); 0 when missing or invalid. */
static int vertex_degrees(double *out, const igraph_t *graph, const char *attr, int numeric,
                          igraph_integer_t v, double limit)
{
	if (numeric)
		*out = VAN(graph, attr, v);
	else if (cm_parse_number(out, VAS(graph, attr, v), 1) < 0)
		return 0;
	return isfinite(*out) && fabs(*out) <= limit;
}

/* Per-vertex base points, before co-located actors are spread (see geo_plan). */
typedef struct {
	double x, y;
	igraph_integer_t v;
} geo_point;

/* qsort: points by position, then vertex. */
static int cmp_geo_point(const void *a, const void *b)
{
	const geo_point *p = a, *q = b;

	if (p->x != q->x)
		return p->x < q->x ? -1 : 1;
	if (p->y != q->y)
		return p->y < q->y ? -1 : 1;
	return (p->v > q->v) - (p->v < q->v);
}

/*
 * Positions for --layout geo, in points: actors with lat/lon at their
 * projected place, the others at their region's centre, else at the mean
 * of their placed neighbours, else in a row under the map.  Actors sharing
 * a point are spread on a sunflower spiral turned by the seed.
 */
static int geo_plan(map_plan *p, const char *centres_path)
{
	const igraph_t *graph = &p->net->graph;
	igraph_integer_t n = igraph_vcount(graph), bad = 0, by_region = 0, by_neighbours = 0, unplaced = 0;
	centre_table t = { 0 };
	geo_point *pts = NULL;
	char *placed = NULL, *used = NULL;
	int rc, has_lat = igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_VERTEX, "lat") &&
	                  igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_VERTEX, "lon");
	int lat_num = has_lat && !has_string_vattr(graph, "lat"), lon_num = has_lat && !has_string_vattr(graph, "lon");
	int has_region = has_string_vattr(graph, CM_ATTR_REGION);
	igraph_vector_int_t nb;
	int have_nb = 0;
	double xmin = 0, ymin = 0, spacing, turn = (double)(p->seed % 360) * M_PI / 180;

	if ((rc = centres_load(&t, centres_path)) < 0)
		goto done;
	pts = calloc((size_t)n + 1, sizeof(*pts));
	placed = calloc((size_t)n + 1, 1);
	used = calloc((size_t)t.n_insets + 1, 1);
	p->xy = calloc(2 * (size_t)n + 1, sizeof(*p->xy));
	if (!pts || !placed || !used || !p->xy || igraph_vector_int_init(&nb, 0) != IGRAPH_SUCCESS) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	have_nb = 1;
	for (igraph_integer_t v = 0; v < n; v++) {
		double lat, lon;
		const centre *c;
		int inset;

		pts[v].v = v;
		if (has_lat && vertex_degrees(&lat, graph, "lat", lat_num, v, 90) &&
		    vertex_degrees(&lon, graph, "lon", lon_num, v, 180)) {
			if ((inset = geo_project(&pts[v].x, &pts[v].y, &t, lat, lon)) >= 0)
				used[inset] = 1;
			placed[v] = 1;
			continue;
		}
		if (has_lat && ((lat_num ? !isnan(VAN(graph, "lat", v)) : VAS(graph, "lat", v)[0] != '\0') ||
		                (lon_num ? !isnan(VAN(graph, "lon", v)) : VAS(graph, "lon", v)[0] != '\0')))
			bad++;
		if (has_region && (c = centre_of(&t, VAS(graph, CM_ATTR_REGION, v))) != NULL) {
			if ((inset = geo_project(&pts[v].x, &pts[v].y, &t, c->lat, c->lon)) >= 0)
				used[inset] = 1;
			placed[v] = 1;
			by_region++;
		}
	}
	/* the others next to their placed neighbours; a few passes reach chains of them */
	for (int pass = 0; pass < 3; pass++) {
		for (igraph_integer_t v = 0; v < n; v++) {
			double sx = 0, sy = 0;
			igraph_integer_t k = 0;

			if (placed[v])
				continue;
			if (igraph_neighbors(graph, &nb, v, IGRAPH_ALL) != IGRAPH_SUCCESS) {
				rc = cm_error_set(CM_ENOMEM, "out of memory");
				goto done;
			}
			for (igraph_integer_t i = 0; i < igraph_vector_int_size(&nb); i++) {
				igraph_integer_t u = VECTOR(nb)[i];

				if (placed[u] == 1) {
					sx += pts[u].x;
					sy += pts[u].y;
					k++;
				}
			}
			if (k) {
				pts[v].x = sx / (double)k;
				pts[v].y = sy / (double)k;
				placed[v] = 2;  /* not used for others in this pass: the order would matter */
				by_neighbours++;
			}
		}
		for (igraph_integer_t v = 0; v < n; v++)
			if (placed[v] == 2)
				placed[v] = 1;
	}
	for (igraph_integer_t v = 0, first = 1; v < n; v++) {
		if (!placed[v])
			continue;
		if (first || pts[v].x < xmin)
			xmin = pts[v].x;
		if (first || pts[v].y < ymin)
			ymin = pts[v].y;
		first = 0;
	}
	/* nowhere to put them: a row under the map, 60 km apart */
	for (igraph_integer_t v = 0; v < n; v++) {
		if (placed[v])
			continue;
		pts[v].x = xmin + 60000.0 * (double)(unplaced % 20);
		pts[v].y = ymin - 120000.0 - 60000.0 * (double)(unplaced / 20);
		unplaced++;
	}
	/* spread actors sharing a point, so that each can be seen */
	spacing = (n > LARGE_ACTORS ? 0.15 : 0.45) * 72 / GEO_PT_PER_KM * 1000;
	qsort(pts, (size_t)n, sizeof(*pts), cmp_geo_point);
	for (igraph_integer_t i = 0, k = 0; i < n; i++) {
		igraph_integer_t v = pts[i].v;
		double r, a;

		k = i > 0 && pts[i].x == pts[i - 1].x && pts[i].y == pts[i - 1].y ? k + 1 : 0;
		r = spacing * sqrt((double)k);
		a = turn + 2.399963229728653 * (double)k; /* the golden angle */
		p->xy[2 * v] = (pts[i].x + r * cos(a)) / 1000 * GEO_PT_PER_KM;
		p->xy[2 * v + 1] = (pts[i].y + r * sin(a)) / 1000 * GEO_PT_PER_KM;
	}
	if (bad)
		cm_notice("%" IGRAPH_PRId " actor%s with an invalid lat/lon placed like actors without one",
		          bad, bad == 1 ? "" : "s");
	p->geo_by_region = by_region;
	p->geo_by_neighbours = by_neighbours;
	p->geo_unplaced = unplaced;
	/* the insets in use, for the caption */
	for (size_t i = 0; i < t.n; i++) {
		if (t.c[i].inset < 0 || !used[t.c[i].inset])
			continue;
		if ((p->insets.len && cm_strbuf_puts(&p->insets, ", ") < 0) ||
		    cm_strbuf_puts(&p->insets, t.c[i].region) < 0) {
			rc = cm_error_set(CM_ENOMEM, "out of memory");
			goto done;
		}
	}
done:
	if (have_nb)
		igraph_vector_int_destroy(&nb);
	centres_free(&t);
	free(pts);
	free(placed);
	free(used);
	return rc;
}

/* ---------------------------------------------------------------- igraph layout, drawn pinned */

/*
 * The default layout ("fr"): igraph
 * computes the positions, seeded, and Graphviz draws them pinned (neato -n)
 * with the cluster boxes given as bounding boxes, so that the same input
 * and seed give the same file.  Graphviz 2.43's fdp could not promise that:
 * its overlap removal walks GTS triangulations kept in glib hash tables
 * keyed by addresses, and the addresses change with address randomisation
 * and with glib's slice allocator, which consults the clock (docs/maps.md).
 *
 * Each group (a region's box, or the whole map) is laid out alone with
 * Fruchterman-Reingold on its inner ties, then spread until no two actors,
 * with room for their labels, overlap.  The groups' boxes are placed by
 * laying out the graph of groups (tied when their actors are), spread until
 * no two boxes overlap.
 */
#define FR_ITERATIONS 500
/* Points kept free between actors, inside a box around its actors, and between boxes. */
#define FR_GAP 4
#define FR_BOX_PAD 12
#define FR_BOX_GAP 24

/* Node diameter of v in inches: the area follows the size measure; a marked node is big enough to show its ring. */
static double node_width(const map_plan *p, igraph_integer_t v, int large)
{
	double wmin = large ? 0.06 : 0.16, wmax = large ? 0.45 : 0.85;
	double x = p->size_max > 0 && VECTOR(p->size)[v] > 0 ? VECTOR(p->size)[v] / p->size_max : 0;
	double width = wmin + (wmax - wmin) * sqrt(x);

	if (p->mark && p->mark[v] && width < (large ? 0.2 : 0.3))
		width = large ? 0.2 : 0.3;
	return width;
}

/* The text that names v on the map: its label, else its id. */
static const char *vertex_name(const igraph_t *graph, igraph_integer_t v)
{
	const char *s = has_string_vattr(graph, CM_ATTR_LABEL) ? VAS(graph, CM_ATTR_LABEL, v) : "";

	if (!s[0] && has_string_vattr(graph, CM_ATTR_ID))
		s = VAS(graph, CM_ATTR_ID, v);
	return s;
}

/* Point size of actor labels. */
static double label_points(const map_plan *p, int large)
{
	return large ? 20 : 11 * p->text_scale;
}

/*
 * The box an actor needs, in points (width, height into wh): its node and,
 * when its label is shown, the label beside it, where Graphviz puts
 * external labels (Helvetica averages about 0.55 em a character; labels
 * are cut at 32 characters).
 */
static void actor_box(double *wh, const map_plan *p, igraph_integer_t v, int large)
{
	double d = node_width(p, v, large) * 72;

	wh[0] = wh[1] = d;
	if (p->label_on[v]) {
		size_t chars = cm_utf8_width(vertex_name(&p->net->graph, v));

		wh[0] += (double)(chars > 32 ? 32 : chars) * 0.55 * label_points(p, large);
		wh[1] += 1.2 * label_points(p, large);
	}
}

/*
 * Fruchterman-Reingold positions of the graph with k vertices and the
 * given ties, into xy (x, y per vertex), the random generator seeded
 * first so that the layout repeats; the connected components into
 * membership and *ncomp.
 */
static igraph_error_t fr_positions(double *xy, igraph_vector_int_t *membership, igraph_integer_t *ncomp,
                                   const igraph_vector_int_t *ties, igraph_integer_t k, unsigned long seed)
{
	igraph_t g;
	igraph_matrix_t pos;

	IGRAPH_CHECK(igraph_create(&g, ties, k, IGRAPH_UNDIRECTED));
	IGRAPH_FINALLY(igraph_destroy, &g);
	IGRAPH_MATRIX_INIT_FINALLY(&pos, 0, 0);
	IGRAPH_CHECK(igraph_rng_seed(igraph_rng_default(), seed));
	IGRAPH_CHECK(igraph_layout_fruchterman_reingold(&g, &pos, 0, FR_ITERATIONS, sqrt((double)k),
	                                                IGRAPH_LAYOUT_AUTOGRID, NULL, NULL, NULL, NULL, NULL));
	for (igraph_integer_t i = 0; i < k; i++) {
		xy[2 * i] = MATRIX(pos, i, 0);
		xy[2 * i + 1] = MATRIX(pos, i, 1);
	}
	IGRAPH_CHECK(igraph_connected_components(&g, membership, NULL, ncomp, IGRAPH_WEAK));
	igraph_matrix_destroy(&pos);
	igraph_destroy(&g);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

/* Component sizes for cmp_component(). */
static const igraph_integer_t *sort_sizes;

/* qsort: components by size, largest first, then by number. */
static int cmp_component(const void *a, const void *b)
{
	igraph_integer_t x = *(const igraph_integer_t *)a, y = *(const igraph_integer_t *)b;

	if (sort_sizes[x] != sort_sizes[y])
		return sort_sizes[x] > sort_sizes[y] ? -1 : 1;
	return (x > y) - (x < y);
}

/* qsort: doubles, ascending. */
static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * The factor by which the centres xy[0..k-1] of boxes (sizes wh) move
 * apart so that the median box comes no closer than gap to any other: a
 * pair is apart once it is apart along x or along y.  push_apart() then
 * separates the closer ones; spreading until the closest pair is apart
 * would leave the map mostly empty (work: k doubles).
 */
static double spread_factor(const double *xy, const double *wh, igraph_integer_t k, double gap, double quantile,
                            double *work)
{
	double s;

	if (k < 2)
		return 1;
	for (igraph_integer_t i = 0; i < k; i++) {
		work[i] = 0;
		for (igraph_integer_t j = 0; j < k; j++) {
			double dx = fabs(xy[2 * i] - xy[2 * j]), dy = fabs(xy[2 * i + 1] - xy[2 * j + 1]);
			double fx = ((wh[2 * i] + wh[2 * j]) / 2 + gap) / fmax(dx, 1e-9);
			double fy = ((wh[2 * i + 1] + wh[2 * j + 1]) / 2 + gap) / fmax(dy, 1e-9);

			if (j != i)
				work[i] = fmax(work[i], fmin(fx, fy));
		}
	}
	qsort(work, (size_t)k, sizeof(*work), cmp_double);
	s = work[(igraph_integer_t)(quantile * (double)(k - 1))];
	return s > 0 && isfinite(s) ? s : 1;
}

/* Sweeps of push_apart() at most: each costs k * k / 2 pair tests. */
#define PUSH_SWEEPS 100
/* Largest group spread pair by pair (spread_factor, push_apart); larger ones by density_factor(). */
#define PUSH_MAX_ACTORS 2000
/* Room given to each actor of a large group: this many times its box. */
#define DENSITY_ROOM 4

/*
 * The factor that gives the boxes (sizes wh) of the largest component
 * (membership, ncomp) DENSITY_ROOM times their area in all, measured on
 * the bounding box of its centres: linear time, for groups where comparing
 * every pair is too slow.  Some boxes then overlap, as with sfdp's own
 * default.
 */
static double density_factor(const double *xy, const double *wh, igraph_integer_t k,
                             const igraph_vector_int_t *membership, igraph_integer_t ncomp)
{
	double x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL, area = 0, s;
	igraph_integer_t *size = calloc((size_t)ncomp + 1, sizeof(*size)), big = 0;

	if (!size)
		return 1;  /* only the spacing suffers */
	for (igraph_integer_t i = 0; i < k; i++)
		size[VECTOR(*membership)[i]]++;
	for (igraph_integer_t c = 1; c < ncomp; c++)
		if (size[c] > size[big])
			big = c;
	for (igraph_integer_t i = 0; i < k; i++) {
		if (VECTOR(*membership)[i] != big)
			continue;
		x0 = fmin(x0, xy[2 * i]);
		x1 = fmax(x1, xy[2 * i]);
		y0 = fmin(y0, xy[2 * i + 1]);
		y1 = fmax(y1, xy[2 * i + 1]);
		area += wh[2 * i] * wh[2 * i + 1];
	}
	free(size);
	s = sqrt(DENSITY_ROOM * area / fmax((x1 - x0) * (y1 - y0), 1e-9));
	return s > 0 && isfinite(s) ? s : 1;
}

/*
 * Move the boxes (centres xy, sizes wh) apart until no two come closer
 * than gap, or PUSH_SWEEPS sweeps are done: each overlapping pair moves
 * apart by half the overlap each, along the axis where the overlap is
 * smaller, so the layout keeps its shape.  Returns the pairs still
 * overlapping.
 */
static igraph_integer_t push_apart(double *xy, const double *wh, igraph_integer_t k, double gap, int sweeps)
{
	igraph_integer_t left = 0;

	for (int sweep = 0; sweep < sweeps; sweep++) {
		left = 0;
		for (igraph_integer_t i = 0; i < k; i++) {
			for (igraph_integer_t j = i + 1; j < k; j++) {
				double dx = xy[2 * j] - xy[2 * i], dy = xy[2 * j + 1] - xy[2 * i + 1];
				double ox = (wh[2 * i] + wh[2 * j]) / 2 + gap - fabs(dx);
				double oy = (wh[2 * i + 1] + wh[2 * j + 1]) / 2 + gap - fabs(dy);

				if (ox <= 1e-6 || oy <= 1e-6)
					continue;
				left++;
				/* on top of each other: apart along x, the later one to the right */
				if (ox <= oy) {
					double d = (dx < 0 ? -ox : ox) / 2;

					xy[2 * i] -= d;
					xy[2 * j] += d;
				} else {
					double d = (dy < 0 ? -oy : oy) / 2;

					xy[2 * i + 1] -= d;
					xy[2 * j + 1] += d;
				}
			}
		}
		if (!left)
			break;
	}
	return left;
}

/* Does box i (centre x, y; sizes wh) come closer than gap to any other of the k boxes? */
static int box_hits(const double *xy, const double *wh, igraph_integer_t k, igraph_integer_t i, double x, double y,
                    double gap)
{
	for (igraph_integer_t j = 0; j < k; j++)
		if (j != i && fabs(x - xy[2 * j]) < (wh[2 * i] + wh[2 * j]) / 2 + gap &&
		    fabs(y - xy[2 * j + 1]) < (wh[2 * i + 1] + wh[2 * j + 1]) / 2 + gap)
			return 1;
	return 0;
}

/*
 * Pull the boxes towards their common centre while none comes closer than
 * gap to another: scaling until the closest pair is clear leaves the
 * others far apart.  Each box in turn moves a tenth of the way, or slides
 * along x or y alone when that is blocked, until nothing moves.
 */
static void compact_boxes(double *xy, const double *wh, igraph_integer_t k, double gap)
{
	for (int sweep = 0; sweep < 10 * PUSH_SWEEPS; sweep++) {
		double cx = 0, cy = 0;
		int moved = 0;

		for (igraph_integer_t i = 0; i < k; i++) {
			cx += xy[2 * i] / (double)k;
			cy += xy[2 * i + 1] / (double)k;
		}
		for (igraph_integer_t i = 0; i < k; i++) {
			double dx = (cx - xy[2 * i]) / 10, dy = (cy - xy[2 * i + 1]) / 10;
			const double tries[3][2] = { { dx, dy }, { dx, 0 }, { 0, dy } };

			for (int t = 0; t < 3; t++) {
				double x = xy[2 * i] + tries[t][0], y = xy[2 * i + 1] + tries[t][1];

				if (fabs(tries[t][0]) + fabs(tries[t][1]) < 0.5 || box_hits(xy, wh, k, i, x, y, gap))
					continue;
				xy[2 * i] = x;
				xy[2 * i + 1] = y;
				moved = 1;
				break;
			}
		}
		if (!moved)
			break;
	}
}

/*
 * Pack the connected components of a group (membership, ncomp; boxes wh)
 * as sfdp does: the largest stays, the others go in rows under it, largest
 * first.  Left where FR put them, small components and lone actors are
 * flung to the edges by its repulsion, and scaling the map to a page then
 * shrinks the rest.
 */
static int pack_components(double *xy, const double *wh, igraph_integer_t k, const igraph_vector_int_t *membership,
                           igraph_integer_t ncomp)
{
	double *bb = calloc(4 * (size_t)ncomp + 1, sizeof(*bb)), width, area = 0, x, y, row = 0;
	igraph_integer_t *size = calloc((size_t)ncomp + 1, sizeof(*size)), *order = NULL, big = 0;
	int rc = 0;

	order = malloc(((size_t)ncomp + 1) * sizeof(*order));
	if (!bb || !size || !order) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	for (igraph_integer_t c = 0; c < ncomp; c++) {
		bb[4 * c] = bb[4 * c + 1] = HUGE_VAL;
		bb[4 * c + 2] = bb[4 * c + 3] = -HUGE_VAL;
		order[c] = c;
	}
	for (igraph_integer_t i = 0; i < k; i++) {
		igraph_integer_t c = VECTOR(*membership)[i];

		size[c]++;
		bb[4 * c] = fmin(bb[4 * c], xy[2 * i] - wh[2 * i] / 2);
		bb[4 * c + 1] = fmin(bb[4 * c + 1], xy[2 * i + 1] - wh[2 * i + 1] / 2);
		bb[4 * c + 2] = fmax(bb[4 * c + 2], xy[2 * i] + wh[2 * i] / 2);
		bb[4 * c + 3] = fmax(bb[4 * c + 3], xy[2 * i + 1] + wh[2 * i + 1] / 2);
	}
	/* largest first; igraph numbers components by their first actor, which breaks ties */
	for (igraph_integer_t c = 1; c < ncomp; c++)
		if (size[c] > size[big])
			big = c;
	order[0] = big;
	order[big] = 0;
	sort_sizes = size;
	if (ncomp > 2)
		qsort(order + 1, (size_t)ncomp - 1, sizeof(*order), cmp_component);
	for (igraph_integer_t c = 0; c < ncomp; c++)
		if (c != big)
			area += (bb[4 * c + 2] - bb[4 * c] + FR_GAP) * (bb[4 * c + 3] - bb[4 * c + 1] + FR_GAP);
	width = fmax(bb[4 * big + 2] - bb[4 * big], sqrt(area));
	x = bb[4 * big];
	y = bb[4 * big + 1] - 2 * FR_GAP;
	for (igraph_integer_t o = 1; o < ncomp; o++) {
		igraph_integer_t c = order[o];
		double w = bb[4 * c + 2] - bb[4 * c] + FR_GAP, h = bb[4 * c + 3] - bb[4 * c + 1] + FR_GAP;

		if (x + w > bb[4 * big] + width && x > bb[4 * big]) {
			x = bb[4 * big];
			y -= row;
			row = 0;
		}
		/* the shift of component c, kept in its box's first corner */
		bb[4 * c + 2] = x - bb[4 * c];
		bb[4 * c + 3] = y - bb[4 * c + 3];
		x += w;
		row = fmax(row, h);
	}
	for (igraph_integer_t i = 0; i < k; i++) {
		igraph_integer_t c = VECTOR(*membership)[i];

		if (c == big)
			continue;
		xy[2 * i] += bb[4 * c + 2];
		xy[2 * i + 1] += bb[4 * c + 3];
	}
done:
	free(bb);
	free(size);
	free(order);
	return rc;
}

/*
 * Positions for the "fr" layout, in points, into p->xy; the box of each
 * cluster into p->cluster_bb.  Group nc (past the clusters) holds the
 * actors outside every box.
 */
static int fr_plan(map_plan *p)
{
	const igraph_t *graph = &p->net->graph;
	igraph_integer_t n = igraph_vcount(graph), m = igraph_ecount(graph);
	igraph_integer_t ng = p->have_clusters ? (igraph_integer_t)p->clusters.n + 1 : 1;
	igraph_integer_t *gid = NULL, *lid = NULL, *count = NULL, *first = NULL, *members = NULL, *qid = NULL;
	double *local = NULL, *ab = NULL, *work = NULL, *box = NULL, *centre = NULL, *wh = NULL, *qwh = NULL;
	igraph_vector_int_t ties, membership, inc;
	igraph_error_t err = IGRAPH_SUCCESS;
	igraph_integer_t ncomp = 0;
	int large = n > LARGE_ACTORS, rc = 0, have_ties = 0, have_membership = 0, have_inc = 0;
	double header = p->have_clusters ? 12 * p->text_scale * 1.6 : 0;
	igraph_integer_t nq = 0;

	gid = malloc(((size_t)n + 1) * sizeof(*gid));
	lid = malloc(((size_t)n + 1) * sizeof(*lid));
	members = malloc(((size_t)n + 1) * sizeof(*members));
	count = calloc((size_t)ng + 1, sizeof(*count));
	first = calloc((size_t)ng + 1, sizeof(*first));
	qid = malloc(((size_t)ng + 1) * sizeof(*qid));
	local = malloc((2 * (size_t)n + 1) * sizeof(*local));
	ab = malloc((2 * (size_t)n + 1) * sizeof(*ab));
	work = malloc((3 * (size_t)n + 1) * sizeof(*work));   /* a group's boxes, then spread_factor()'s own */
	box = malloc((4 * (size_t)ng + 1) * sizeof(*box));
	centre = calloc(2 * (size_t)ng + 1, sizeof(*centre));
	wh = calloc(2 * (size_t)ng + 1, sizeof(*wh));
	qwh = calloc(2 * (size_t)ng + 1, sizeof(*qwh));
	p->xy = calloc(2 * (size_t)n + 1, sizeof(*p->xy));
	if (p->have_clusters)
		p->cluster_bb = malloc((4 * p->clusters.n + 1) * sizeof(*p->cluster_bb));
	if (!gid || !lid || !members || !count || !first || !qid || !local || !ab || !work || !box || !centre ||
	    !wh || !qwh || !p->xy || (p->have_clusters && !p->cluster_bb) || igraph_vector_int_init(&ties, 0) != IGRAPH_SUCCESS) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	have_ties = 1;
	if (igraph_vector_int_init(&membership, 0) != IGRAPH_SUCCESS) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	have_membership = 1;
	if (igraph_vector_int_init(&inc, 0) != IGRAPH_SUCCESS) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	have_inc = 1;
	/* groups, and each actor's place in its group (members: grouped, in actor order) */
	for (igraph_integer_t v = 0; v < n; v++) {
		size_t c = p->have_clusters ? p->clusters.vindex[v] : 0;

		gid[v] = p->have_clusters && !p->clusters.values[c][0] ? ng - 1 : (igraph_integer_t)c;
		lid[v] = count[gid[v]]++;
		actor_box(ab + 2 * v, p, v, large);
	}
	for (igraph_integer_t g = 1; g < ng; g++)
		first[g] = first[g - 1] + count[g - 1];
	for (igraph_integer_t v = 0; v < n; v++)
		members[first[gid[v]] + lid[v]] = v;
	/* each group alone, on its inner ties */
	for (igraph_integer_t g = 0; g < ng; g++) {
		igraph_integer_t k = count[g], *mem = members + first[g];
		double *xy = local + 2 * first[g], s, x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL;

		if (k == 0)
			continue;
		/* the group's inner ties, each once (from its end listed first), through the members' own ties */
		igraph_vector_int_clear(&ties);
		for (igraph_integer_t i = 0; i < k && err == IGRAPH_SUCCESS; i++) {
			err = igraph_incident(graph, &inc, mem[i], IGRAPH_ALL);
			for (igraph_integer_t j = 0; err == IGRAPH_SUCCESS && j < igraph_vector_int_size(&inc); j++) {
				igraph_integer_t b = IGRAPH_OTHER(graph, VECTOR(inc)[j], mem[i]);

				if (gid[b] == g && lid[b] > i) {
					err = igraph_vector_int_push_back(&ties, i);
					if (err == IGRAPH_SUCCESS)
						err = igraph_vector_int_push_back(&ties, lid[b]);
				}
			}
		}
		for (igraph_integer_t i = 0; i < k; i++) {
			work[2 * i] = ab[2 * mem[i]];
			work[2 * i + 1] = ab[2 * mem[i] + 1];
		}
		if (err == IGRAPH_SUCCESS)
			err = fr_positions(xy, &membership, &ncomp, &ties, k, p->seed);
		if (err != IGRAPH_SUCCESS) {
			rc = cm_error_from_igraph(err, "laying out the map");
			goto done;
		}
		/* large groups: comparing every pair is too slow, the density decides */
		s = k <= PUSH_MAX_ACTORS ? spread_factor(xy, work, k, FR_GAP, 0.5, work + 2 * k)
		                         : density_factor(xy, work, k, &membership, ncomp);
		for (igraph_integer_t i = 0; i < 2 * k; i++)
			xy[i] *= s;
		if (k <= PUSH_MAX_ACTORS)
			push_apart(xy, work, k, FR_GAP, PUSH_SWEEPS);
		if (ncomp > 1 && (rc = pack_components(xy, work, k, &membership, ncomp)) < 0)
			goto done;
		for (igraph_integer_t i = 0; i < k; i++) {
			/* Graphviz may put a label on any side of its node: the box leaves room for that */
			double d = node_width(p, mem[i], large) * 72 / 2;
			double hw = ab[2 * mem[i]] - d, hh = ab[2 * mem[i] + 1] - d;

			x0 = fmin(x0, xy[2 * i] - hw);
			x1 = fmax(x1, xy[2 * i] + hw);
			y0 = fmin(y0, xy[2 * i + 1] - hh);
			y1 = fmax(y1, xy[2 * i + 1] + hh);
		}
		box[4 * g] = x0;
		box[4 * g + 1] = y0;
		box[4 * g + 2] = x1;
		box[4 * g + 3] = y1;
		wh[2 * g] = x1 - x0 + 2 * FR_BOX_PAD;
		if (g < ng - 1 && p->have_clusters) {
			/* wide enough for its name (cut at 40 characters, as drawn) */
			size_t chars = cm_utf8_width(p->clusters.values[g]);

			wh[2 * g] = fmax(wh[2 * g], (double)(chars > 40 ? 40 : chars) * 0.6 * 12 * p->text_scale + 2 * FR_BOX_PAD);
		}
		wh[2 * g + 1] = y1 - y0 + 2 * FR_BOX_PAD + (g < ng - 1 || !p->have_clusters ? header : 0);
		if (cm_interrupted()) {
			rc = cm_error_set(CM_EINTERRUPTED, "interrupted");
			goto done;
		}
	}
	/* the boxes: the graph of the non-empty groups, tied where their actors are */
	for (igraph_integer_t g = 0; g < ng; g++)
		qid[g] = count[g] ? nq++ : -1;
	igraph_vector_int_clear(&ties);
	for (igraph_integer_t e = 0; e < m && err == IGRAPH_SUCCESS; e++) {
		igraph_integer_t a = gid[IGRAPH_FROM(graph, e)], b = gid[IGRAPH_TO(graph, e)];

		if (a != b) {
			err = igraph_vector_int_push_back(&ties, qid[a]);
			if (err == IGRAPH_SUCCESS)
				err = igraph_vector_int_push_back(&ties, qid[b]);
		}
	}
	if (err == IGRAPH_SUCCESS)
		err = fr_positions(centre, &membership, &ncomp, &ties, nq, p->seed);
	if (err != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(err, "laying out the map");
		goto done;
	}
	/* centre[] and qwh[] are indexed by qid */
	for (igraph_integer_t g = 0; g < ng; g++) {
		if (qid[g] >= 0) {
			qwh[2 * qid[g]] = wh[2 * g];
			qwh[2 * qid[g] + 1] = wh[2 * g + 1];
		}
	}
	{
		double s = spread_factor(centre, qwh, nq, FR_BOX_GAP, 0, work), xmin = HUGE_VAL, ymin = HUGE_VAL;

		for (igraph_integer_t q = 0; q < nq; q++) {
			centre[2 * q] *= s;
			centre[2 * q + 1] *= s;
		}
		/* a few boxes usually; thousands only with --cluster-by on an attribute of many small groups */
		push_apart(centre, qwh, nq, FR_BOX_GAP, nq <= 200 ? 10 * PUSH_SWEEPS : nq <= PUSH_MAX_ACTORS ? PUSH_SWEEPS : 0);
		if (nq <= 200)
			compact_boxes(centre, qwh, nq, FR_BOX_GAP);
		for (igraph_integer_t q = 0; q < nq; q++) {
			xmin = fmin(xmin, centre[2 * q] - qwh[2 * q] / 2);
			ymin = fmin(ymin, centre[2 * q + 1] - qwh[2 * q + 1] / 2);
		}
		for (igraph_integer_t q = 0; q < nq; q++) {
			centre[2 * q] -= xmin;
			centre[2 * q + 1] -= ymin;
		}
	}
	/* actors: their box's place, the header at its top */
	for (igraph_integer_t g = 0; g < ng; g++) {
		igraph_integer_t q = qid[g];
		double cx, cy, lx, ly, top;

		if (q < 0)
			continue;
		cx = centre[2 * q];
		cy = centre[2 * q + 1];
		top = g < ng - 1 || !p->have_clusters ? header : 0;
		lx = (box[4 * g] + box[4 * g + 2]) / 2;
		ly = (box[4 * g + 1] + box[4 * g + 3]) / 2;
		for (igraph_integer_t i = 0; i < count[g]; i++) {
			igraph_integer_t v = members[first[g] + i];

			p->xy[2 * v] = cx + local[2 * (first[g] + i)] - lx;
			p->xy[2 * v + 1] = cy - top / 2 + local[2 * (first[g] + i) + 1] - ly;
		}
		if (p->have_clusters && g < ng - 1) {
			p->cluster_bb[4 * g] = cx - wh[2 * g] / 2;
			p->cluster_bb[4 * g + 1] = cy - wh[2 * g + 1] / 2;
			p->cluster_bb[4 * g + 2] = cx + wh[2 * g] / 2;
			p->cluster_bb[4 * g + 3] = cy + wh[2 * g + 1] / 2;
		}
	}
done:
	if (have_ties)
		igraph_vector_int_destroy(&ties);
	if (have_membership)
		igraph_vector_int_destroy(&membership);
	if (have_inc)
		igraph_vector_int_destroy(&inc);
	free(gid);
	free(lid);
	free(members);
	free(count);
	free(first);
	free(qid);
	free(local);
	free(ab);
	free(work);
	free(box);
	free(centre);
	free(wh);
	free(qwh);
	return rc;
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
	/* maps of more than a few dozen actors are shrunk to fit a page: their text grows */
	p->text_scale = n > LARGE_ACTORS ? 3 : n > ALL_LABELS_MAX_ACTORS / 2 ? 1.8 : 1;
	if (!(p->renderer = pick_format(path, o->format)))
		return CM_EUSAGE;
	p->time_limit = o->time_limit == 0 ? CM_RENDER_TIME_LIMIT : o->time_limit < 0 ? 0 : o->time_limit;
	if (!o->layout || !strcmp(o->layout, "auto")) {
		p->engine = "fr";
	} else if (!strcmp(o->layout, "geo")) {
		p->engine = "geo";
	} else {
		for (int i = 0; layouts[i]; i++)
			if (!strcmp(layouts[i], o->layout))
				p->engine = layouts[i];
		if (!p->engine)
			return cm_error_set(CM_EUSAGE, "unknown layout '%s' (use auto, fr, sfdp, fdp, neato, dot, circo or geo)",
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
		if (strcmp(p->engine, "fr") && strcmp(p->engine, "fdp") && strcmp(p->engine, "dot")) {
			if (o->cluster_by)
				cm_notice("clusters need the fr, fdp or dot layout; --cluster-by ignored with %s", p->engine);
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
	if (cm_interrupted())
		return cm_error_set(CM_EINTERRUPTED, "interrupted");
	if ((rc = plan_highlight(p, o)) < 0)
		return rc;
	/* clubs replaced the colours: the scheme follows their number */
	p->pal = &palettes[p->colors.named <= 7 ? 0 : p->colors.named == 8 ? 1 : 2];
	if (p->show_clubs && !o->cluster_by &&
	    (!strcmp(p->engine, "fr") || !strcmp(p->engine, "fdp") || !strcmp(p->engine, "dot"))) {
		/* the clubs' boxes replace the regions' */
		grouping_free(&p->clusters);
		p->clusters = p->club_groups;
		memset(&p->club_groups, 0, sizeof(p->club_groups));
		p->have_clusters = useful_groups(&p->clusters) >= 1;
	}
	if (!strcmp(p->engine, "geo")) {
		p->have_clusters = 0;
		if ((rc = geo_plan(p, o->centres_path)) < 0)
			return rc;
	}
	if (cm_interrupted())
		return cm_error_set(CM_EINTERRUPTED, "interrupted");
	if ((rc = pick_labels(p, o->labels)) < 0)
		return rc;
	/* a marked actor is always named (unless --labels none) */
	for (igraph_integer_t v = 0; v < n && (!o->labels || strcmp(o->labels, "none")); v++)
		if (p->mark[v] && !p->label_on[v]) {
			p->label_on[v] = 1;
			p->n_marked_labels++;
		}
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
	grouping_free(&p->club_groups);
	if (p->size.stor_begin)
		igraph_vector_destroy(&p->size);
	free(p->label_on);
	free(p->mark);
	free(p->xy);
	free(p->cluster_bb);
	cm_strbuf_free(&p->insets);
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
	int rc = 0, per_row = gr->max_chars > 32 ? 2 : 4, in_row = 0;
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
			rc |= escape_text(b, gr->values[i][0] || !gr->unknown ? value_name(gr->values[i]) : gr->unknown, 1,
			                  gr->max_chars ? gr->max_chars : 32);
		else if (gr->unknown)
			rc |= escape_text(b, gr->named < (int)gr->n - gr->has_unknown ? "others" : gr->unknown, 1, 0);
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

/* One legend entry for a mark: a ring in the mark's colour, then its meaning. */
static int legend_mark(cm_strbuf *b, const char *ring, const char *text, igraph_integer_t count, double k)
{
	int rc = 0;

	/* one cell (a nested table was stretched by Graphviz 2.43, leaving a gap) */
	rc |= cm_strbuf_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%g\" COLOR=\"%s\"><B>\xE2\x97\x8B</B></FONT> ",
	                       16 * k, ring);
	rc |= escape_text(b, text, 1, 0);
	rc |= cm_strbuf_printf(b, " (%" IGRAPH_PRId ")</TD></TR>\n", count);
	return rc;
}

/* Legend of the marks (isolated, brokers), under a "marked" heading. */
static int legend_marks(cm_strbuf *b, const map_plan *p)
{
	cm_strbuf text = { 0 };
	double k = p->text_scale;
	int rc = 0;

	rc |= cm_strbuf_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%g\" COLOR=\"#444444\">marked</FONT></TD></TR>\n",
	                       11 * k);
	if (p->show_isolated) {
		rc |= cm_strbuf_printf(&text, "isolated %s: no tie, or no peer of its type within two steps",
		                       !strcmp(p->focus, "cite") ? "cit\xC3\xA9" : p->focus);
		if (rc == 0)
			rc |= legend_mark(b, RING_ISOLATED, text.s, p->n_isolated, k);
	}
	if (p->show_brokers) {
		text.len = 0;
		rc |= cm_strbuf_printf(&text, "top %" IGRAPH_PRId " broker%s (Gould-Fernandez brokerage between regions)",
		                       p->top_brokers, p->top_brokers == 1 ? "" : "s");
		if (rc == 0)
			rc |= legend_mark(b, RING_BROKER, text.s, p->n_brokers, k);
	}
	cm_strbuf_free(&text);
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
	if (!strcmp(p->engine, "geo")) {
		rc |= cm_strbuf_printf(b, " \xC2\xB7 layout geo (Lambert-93), seed %lu</FONT></TD></TR>\n", p->seed);
		rc |= cm_strbuf_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%g\" COLOR=\"#444444\">",
		                       11 * p->text_scale);
		rc |= cm_strbuf_printf(b, "%" IGRAPH_PRId " actors placed by lat/lon",
		                       n - p->geo_by_region - p->geo_by_neighbours - p->geo_unplaced);
		if (p->insets.len)
			rc |= escape_text(b, " \xC2\xB7 insets west of Brittany, north to south: ", 1, 0) |
			      escape_text(b, p->insets.s, 1, 0);
		if (p->geo_by_region || p->geo_by_neighbours || p->geo_unplaced)
			rc |= cm_strbuf_printf(b, "; without: %" IGRAPH_PRId " around their region's centre, "
			                          "%" IGRAPH_PRId " beside their neighbours, %" IGRAPH_PRId " in the bottom row",
			                       p->geo_by_region, p->geo_by_neighbours, p->geo_unplaced);
		rc |= cm_strbuf_puts(b, "</FONT></TD></TR>\n");
	} else {
		rc |= cm_strbuf_printf(b, " \xC2\xB7 layout %s, seed %lu</FONT></TD></TR>\n",
		                       strcmp(p->engine, "fr") ? p->engine : "Fruchterman-Reingold (igraph)", p->seed);
	}
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
		if (rc == 0 && (p->show_isolated || p->show_brokers))
			rc |= legend_marks(b, p);
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
	int large = n > LARGE_ACTORS, huge = n > PRISM_MAX_ACTORS, rc = 0;
	Agraph_t *g = NULL, **subs = NULL;
	Agnode_t **nodes = NULL;
	Agsym_t *s_shape, *s_fill, *s_width, *s_height, *s_xlabel, *s_tooltip, *s_pen, *s_color, *s_npen, *s_pos, *s_label;
	cm_strbuf text = { 0 };
	char buf[64], name[32];
	const char *has_label_attr = has_string_vattr(graph, CM_ATTR_LABEL) ? CM_ATTR_LABEL : NULL;
	const char *has_id_attr = has_string_vattr(graph, CM_ATTR_ID) ? CM_ATTR_ID : NULL;

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
	if (p->cluster_bb)
		agattr(g, AGRAPH, "bb", "");  /* neato -n draws a cluster where its bb says */
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
	if (p->xy) {
		/* the positions are the geography: overlaps stay (co-located actors were spread) */
		graph_set(g, "overlap", "true");
		graph_set(g, "splines", "false");
	} else if (strcmp(p->engine, "dot") && strcmp(p->engine, "circo")) {
		/*
		 * prism removes overlaps fast (fdp's default took minutes on 1,000
		 * actors), but took 366 s against sfdp's 27 s on 20,000 actors:
		 * beyond PRISM_MAX_ACTORS only the scaling step runs (prism0, which
		 * is also what sfdp does by default)
		 */
		graph_set(g, "overlap", n > PRISM_MAX_ACTORS ? "prism0" : "prism");
		graph_set(g, "pack", "true");
	}
	if (!strcmp(p->engine, "sfdp"))
		graph_set(g, "smoothing", "none");
	/* room for the labels between actors (fdp's default K is 0.3 inch) */
	if (!strcmp(p->engine, "fdp") && !large)
		graph_set(g, "K", p->text_scale > 1 ? "0.5" : "0.6");
	if (large)
		graph_set(g, "size", "40,40");
	if (!strcmp(p->renderer, "png"))
		graph_set(g, "dpi", large ? "72" : "96");
	if ((rc = map_label(&text, p, o)) < 0)
		goto done;
	graph_set(g, "label", "");
	agset(g, "label", agstrdup_html(g, text.s));

	/* node defaults before any node exists */
	s_label = agattr(g, AGNODE, "label", "");
	agattr(g, AGNODE, "style", "filled");
	agattr(g, AGNODE, "fixedsize", "true");
	agattr(g, AGNODE, "colorscheme", (char *)p->pal->scheme);
	s_color = agattr(g, AGNODE, "color", "#333333");
	s_npen = agattr(g, AGNODE, "penwidth", large ? "0.3" : "0.7");
	s_pos = p->xy ? agattr(g, AGNODE, "pos", "") : NULL;
	agattr(g, AGNODE, "fontname", "Helvetica");
	agattr(g, AGNODE, "fontcolor", "#222222");
	snprintf(buf, sizeof(buf), "%g", label_points(p, large));
	agattr(g, AGNODE, "fontsize", buf);
	s_shape = agattr(g, AGNODE, "shape", "circle");
	s_fill = agattr(g, AGNODE, "fillcolor", "1");
	s_width = agattr(g, AGNODE, "width", "0.2");
	s_height = agattr(g, AGNODE, "height", "0.2");
	s_xlabel = agattr(g, AGNODE, "xlabel", "");
	s_tooltip = agattr(g, AGNODE, "tooltip", "");
	/* edge defaults */
	agattr(g, AGEDGE, "color", large ? "#66666640" : "#66666680");
	agattr(g, AGEDGE, "arrowsize", "0.5");
	/*
	 * ties drawn to the centres, under the nodes (outputorder): clipping
	 * them at polygon borders was a tenth of the drawing on 20,000 actors
	 */
	if (huge && !directed)
		agattr(g, AGEDGE, "clip", "false");
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
			if (p->cluster_bb) {
				const double *bb = p->cluster_bb + 4 * c;

				snprintf(buf, sizeof(buf), "%.2f,%.2f,%.2f,%.2f", bb[0], bb[1], bb[2], bb[3]);
				agset(subs[c], "bb", buf);
			}
			agset(subs[c], "color", "#999999");
			agset(subs[c], "fontcolor", "#666666");
			snprintf(buf, sizeof(buf), "%g", 12 * p->text_scale);
			agset(subs[c], "fontsize", buf);
		}
	}
	for (igraph_integer_t v = 0; v < n; v++) {
		double width = node_width(p, v, large);
		int cslot = p->colors.slot[v], sslot = p->shapes.slot[v];
		const char *label = has_label_attr ? VAS(graph, CM_ATTR_LABEL, v) : "";
		Agraph_t *home = g;

		if (!label[0] && has_id_attr)
			label = VAS(graph, CM_ATTR_ID, v);
		/* Graphviz names are internal: data never becomes a node name (SVG ids, comments) */
		snprintf(name, sizeof(name), "n%" IGRAPH_PRId, v);
		if (p->have_clusters && subs[p->clusters.vindex[v]])
			home = subs[p->clusters.vindex[v]];
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
		if (p->mark[v]) {
			/* a ring that shows on the smallest node (node_width() made it big enough) */
			agxset(nodes[v], s_color, (p->mark[v] & MARK_ISOLATED) ? RING_ISOLATED : RING_BROKER);
			agxset(nodes[v], s_npen, large ? "6" : "5");
		}
		snprintf(buf, sizeof(buf), "%.3f", width);
		agxset(nodes[v], s_width, buf);
		agxset(nodes[v], s_height, buf);
		if (s_pos) {
			/* points, pinned: nop (neato -n) keeps them */
			snprintf(buf, sizeof(buf), "%.2f,%.2f!", p->xy[2 * v], p->xy[2 * v + 1]);
			agxset(nodes[v], s_pos, buf);
		}
		text.len = 0;
		if ((rc = escape_text(&text, label, 0, 0)) < 0)
			goto done;
		agxset(nodes[v], s_tooltip, text.s);
		if (p->label_on[v]) {
			text.len = 0;
			if ((rc = escape_text(&text, label, 0, 32)) < 0)
				goto done;
			/*
			 * beside the node; on large maps over it, since placing
			 * xlabels among 20,000 nodes took a tenth of the drawing time
			 */
			agxset(nodes[v], huge ? s_label : s_xlabel, text.s);
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

/* Stages of the drawing child, as reported to the parent. */
enum {
	DRAW_DONE = 0,
	DRAW_LAYOUT_FAILED,
	DRAW_RENDER_FAILED,
	DRAW_WRITE_FAILED,
	DRAW_BUILD_FAILED,  /* building the Graphviz graph: code and message from cm_error */
	DRAW_EXITED         /* Graphviz called exit() before the drawing was written */
};

/* What the drawing child reports back through its pipe, after the tag 'R'. */
typedef struct {
	int stage;  /* DRAW_* */
	int err;    /* errno of a failed write */
	int code;   /* cm_error code of a failed build */
	char message[512];
} draw_report;

/* How a drawing went, for cm_render() to decide on a fallback. */
typedef struct {
	int timed_out;   /* stopped after the time limit */
	int built;       /* the child built the graph ('B') */
	int laid_out;    /* the child finished the layout ('L') */
	double seconds;  /* wall time of the child */
} draw_outcome;

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

/* The drawing child's report pipe and stage, for child_exit(). */
static int child_fd = -1;
static int child_report_fd = -1;
static int child_rendering;

/* Child side: send the report (tag 'R' then the struct) and leave without running exit handlers. */
static void child_report(draw_report *r)
{
	char tag = 'R';

	child_fd = -1;
	if (write(child_report_fd, &tag, 1) != 1 || write(child_report_fd, r, sizeof(*r)) != (ssize_t)sizeof(*r))
		_exit(2);
	_exit(0);
}

/*
 * Graphviz calls exit(1) when a write fails (a full disk, a closed pipe):
 * report that as a write error, with the errno of the failed write.  Before
 * the drawing is written, an exit() is Graphviz giving up (out of memory).
 */
static void child_exit(void)
{
	draw_report r;
	int e = errno;

	if (child_fd < 0)
		return;
	memset(&r, 0, sizeof(r));
	if (child_rendering) {
		r.stage = DRAW_WRITE_FAILED;
		r.err = e ? e : EIO;
	} else {
		r.stage = DRAW_EXITED;
		snprintf(r.message, sizeof(r.message), "%s", gv_last_error());
	}
	child_report(&r);
}

/* Child side: send a progress tag ('B' built, 'L' laid out). */
static void child_progress(char tag)
{
	if (write(child_report_fd, &tag, 1) != 1)
		_exit(2);
}

/* Child side: build the graph, lay it out, draw into stream, report. */
static void draw_child(GVC_t *ctx, map_plan *p, const cm_render_options *o, FILE *stream)
{
	draw_report r;
	char *mem = NULL;
	size_t len = 0;
	FILE *ms;
	Agraph_t *g = NULL, *copy;
	Agsym_t *label;
	const char *engine;

	/* Ctrl-C and SIGTERM end the child at once (default handlers, set at the fork); the parent cleans up */
	child_fd = child_report_fd;
	atexit(child_exit);
	memset(&r, 0, sizeof(r));
	/*
	 * igraph's positions (fr) are computed here, where the time limit
	 * applies.  The graph is built here too, not in the parent: cgraph
	 * does not check its allocations, so running out of memory crashes the
	 * child, which the parent reports (F6 in docs/reliability.md).
	 */
	if ((!strcmp(p->engine, "fr") && (r.code = fr_plan(p)) < 0) || (r.code = build_map(&g, p, o)) < 0) {
		r.stage = DRAW_BUILD_FAILED;
		snprintf(r.message, sizeof(r.message), "%s", cm_error_message());
		child_report(&r);
	}
	child_progress('B');
	engine = p->xy ? "nop" : p->engine;
	/*
	 * fdp's result depends on where cgraph put the objects in memory when
	 * they were built one by one; a graph read back from cgraph's own
	 * serialisation lays out the same every time.  Only labels escaped by
	 * escape_text() (never ending in a lone backslash) come from data.
	 */
	if (!strcmp(engine, "sfdp") || !strcmp(engine, "nop"))
		goto lay_out;  /* only fdp needs the copy: it saves sfdp a tenth of its time on 20,000 actors */
	ms = open_memstream(&mem, &len);
	aglexbad();
	if (!ms || agwrite(g, ms) != 0 || fclose(ms) != 0 || !(copy = agmemread(mem))) {
		/* the graph was just written by cgraph itself: only memory can be missing */
		r.stage = DRAW_BUILD_FAILED;
		r.code = CM_ENOMEM;
		snprintf(r.message, sizeof(r.message), "out of memory copying the map for graphviz");
		child_report(&r);
	}
	agclose(g);
	free(mem);
	g = copy;
	/*
	 * agwrite() left out the empty label and gvContext() makes "\N" the
	 * default of every graph read afterwards: without this, nodes would
	 * show their internal names (the labels of large maps are kept).
	 */
	label = agattr(g, AGNODE, "label", "");
	for (Agnode_t *v = agfstnode(g); v && label; v = agnxtnode(g, v))
		if (!strcmp(agxget(v, label), "\\N"))  /* labels from data were escaped: never a lone \N */
			agxset(v, label, "");
lay_out:
	if (gvLayout(ctx, g, engine) != 0) {
		r.stage = DRAW_LAYOUT_FAILED;
	} else {
		child_progress('L');
		child_rendering = 1;
		errno = 0;
		if ((!strcmp(p->renderer, "pdf") ? render_pdf(ctx, g, stream) : gvRender(ctx, g, p->renderer, stream)) != 0)
			r.stage = DRAW_RENDER_FAILED;
		else if (fflush(stream) != 0 || ferror(stream))
			r.stage = DRAW_WRITE_FAILED, r.err = errno ? errno : EIO;
		child_rendering = 0;
	}
	if (r.stage == DRAW_LAYOUT_FAILED || r.stage == DRAW_RENDER_FAILED)
		snprintf(r.message, sizeof(r.message), "%s", gv_last_error());
	child_report(&r);
}

/* Seconds on the monotonic clock. */
static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Is the address space or data size limited (ulimit -v / -d)?  Then a crash is most likely a failed allocation. */
static int memory_limited(void)
{
	struct rlimit rl;

	return (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) ||
	       (getrlimit(RLIMIT_DATA, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY);
}

/*
 * Build, lay out and draw the map into out in a child process.  Graphviz's
 * fdp and sfdp keep random state between layouts in one process, so only
 * the first layout of a process is reproducible: each map gets a fresh
 * process (a Graphviz crash, or its exit() on a failed write, then also
 * becomes an error instead of taking us down).  The child is stopped after
 * p->time_limit seconds and on SIGINT/SIGTERM (with SIGKILL), and dies
 * with its parent.
 */
static int draw_isolated(draw_outcome *res, GVC_t *ctx, map_plan *p, const cm_render_options *o,
                         cm_output *out, const char *path)
{
	FILE *stream = cm_output_stream(out);
	draw_report r;
	size_t got = 0;
	int fds[2] = { -1, -1 }, status = 0, rc = 0, in_report = 0;
	double start, killed_at = 0;
	sigset_t block, old_mask;
	pid_t pid;

	memset(res, 0, sizeof(*res));
	if (cm_interrupted())
		return cm_error_set(CM_EINTERRUPTED, "interrupted");
	if (pipe2(fds, O_CLOEXEC) != 0)
		return cm_error_set(CM_ERROR, "cannot start drawing: %s", strerror(errno));
	/* buffered output must not be written twice, once by each process */
	fflush(NULL);
	start = now_seconds();
	/* until the child has its own handlers, the parent's (which remove the output) must not run there */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &old_mask);
	pid = fork();
	if (pid != 0)
		sigprocmask(SIG_SETMASK, &old_mask, NULL);
	if (pid < 0) {
		rc = cm_error_set(CM_ERROR, "cannot start drawing: %s", strerror(errno));
		goto done;
	}
	if (pid == 0) {
		close(fds[0]);
		child_report_fd = fds[1];
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
#ifdef __linux__
		/* a parent killed outright (SIGKILL) must not leave the drawing running */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() == 1)
			_exit(1);
#endif
		sigprocmask(SIG_SETMASK, &old_mask, NULL);
		draw_child(ctx, p, o, stream);
	}
	close(fds[1]);
	fds[1] = -1;
	memset(&r, 0, sizeof(r));
	/* poll, so that an interrupt or the time limit also stops a busy child */
	while (!in_report || got < sizeof(r)) {
		struct pollfd pfd = { fds[0], POLLIN, 0 };
		double t = now_seconds();
		ssize_t n;

		if (!killed_at && (cm_interrupted() || (p->time_limit > 0 && t - start > p->time_limit))) {
			res->timed_out = !cm_interrupted();
			/* SIGKILL: the child holds nothing worth saving, and a child ended
			 * by SIGTERM under valgrind is leak-checked half-way (F13) */
			kill(pid, SIGKILL);
			killed_at = t;
		}
		n = poll(&pfd, 1, 200);
		if (n == 0 || (n < 0 && errno == EINTR))
			continue;
		if (n < 0)
			break;
		if (!in_report) {
			char tag;

			n = read(fds[0], &tag, 1);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			res->built |= tag == 'B';
			res->laid_out |= tag == 'L';
			in_report = tag == 'R';
			continue;
		}
		n = read(fds[0], (char *)&r + got, sizeof(r) - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	res->seconds = now_seconds() - start;
	if (cm_interrupted()) {
		rc = cm_error_set(CM_EINTERRUPTED, "interrupted while drawing the map");
	} else if (res->timed_out) {
		rc = cm_error_set(CM_ERROR, "%s%s did not finish the map of %" IGRAPH_PRId " actors within "
		                  "%g s (the time limit; --time-limit to change it, or draw part of the network "
		                  "with --where or --ego)", !strcmp(p->engine, "fr") ? "the " : "graphviz's ",
		                  p->xy ? "neato -n" : !strcmp(p->engine, "fr") ? "fr layout" : p->engine,
		                  igraph_vcount(&p->net->graph), p->time_limit);
	} else if (!in_report || got < sizeof(r)) {
		/* no report: the child died (its exit status alone says little: valgrind changes it) */
		int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;

		if (sig && (!res->built || memory_limited()) && sig != SIGKILL)
			rc = cm_error_set(CM_ENOMEM, "out of memory %s the map (graphviz crashed with signal %d)",
			                  res->built ? "drawing" : "building", sig);
		else if (sig)
			rc = cm_error_set(CM_ERROR, "graphviz crashed while drawing the map (signal %d)", sig);
		else
			rc = cm_error_set(CM_ERROR, "graphviz stopped while drawing the map (status %d)",
			                  WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	} else if (r.stage == DRAW_BUILD_FAILED) {
		rc = cm_error_set(r.code < 0 ? r.code : CM_ERROR, "%s", r.message);
	} else if (r.stage == DRAW_EXITED) {
		if (strstr(r.message, "memory") || memory_limited())
			rc = cm_error_set(CM_ENOMEM, "out of memory drawing the map (graphviz: %s)", r.message);
		else
			rc = cm_error_set(CM_ERROR, "graphviz gave up drawing the map: %s", r.message);
	} else if (r.stage == DRAW_LAYOUT_FAILED) {
		rc = cm_error_set(CM_ERROR, "graphviz could not lay out the map with %s: %s",
		                  p->xy ? "neato -n (geo)" : p->engine, r.message);
	} else if (r.stage == DRAW_RENDER_FAILED) {
		rc = cm_error_set(CM_ERROR, "graphviz could not draw the map as %s: %s", p->renderer, r.message);
	} else if (r.stage == DRAW_WRITE_FAILED && r.err == EPIPE && !strcmp(path, "-")) {
		rc = 0; /* the reader of standard output went away (| head): not our failure */
	} else if (r.stage == DRAW_WRITE_FAILED) {
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

/* Layouts that fall back to sfdp when they run out of time. */
static int has_fallback(const map_plan *p)
{
	return !p->xy && strcmp(p->engine, "sfdp") && strcmp(p->engine, "fr");
}

int cm_render(const cm_network *net, const char *path, const cm_render_options *opts)
{
	static const cm_render_options defaults = { 0 };
	const cm_render_options *o = opts ? opts : &defaults;
	map_plan plan = { 0 };
	cm_output *out = NULL;
	draw_outcome res;
	GVC_t *ctx;
	int rc;

	if (!path)
		return cm_error_set(CM_EUSAGE, "no output file given");
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
	if ((rc = cm_output_open(&out, path)) < 0)
		goto done;
	rc = draw_isolated(&res, ctx, &plan, o, out, path);
	if (rc < 0 && res.timed_out && !res.laid_out && has_fallback(&plan)) {
		/* nothing was written yet: start the file again, with the fastest layout */
		cm_notice("%s did not finish the layout within %g s; drawing with sfdp instead", plan.engine,
		          plan.time_limit);
		cm_error_clear();
		cm_output_abort(out);
		out = NULL;
		plan.engine = "sfdp";
		plan.have_clusters = 0;
		if ((rc = cm_output_open(&out, path)) < 0)
			goto done;
		rc = draw_isolated(&res, ctx, &plan, o, out, path);
	}
	if (rc < 0)
		goto done;
	rc = cm_output_commit(out);
	out = NULL;
done:
	cm_output_abort(out);
	plan_free(&plan);
	return rc;
}
