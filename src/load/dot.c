/*
 * DOT files read through Graphviz's cgraph, and the routing of Graphviz's
 * messages (shared with the maps of present/map, which include this
 * folder's header: load never includes present).
 */
#include <stdlib.h>
#include <string.h>

#include <cgraph.h>

#include "load/dot.h"
#include "coopmap/common.h"
#include "base/error.h"
#include "base/file.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "model/raw.h"
#include "base/i18n.h"

/* Exported by libcgraph but missing from its header: flushes the DOT scanner's buffer. */
extern void aglexbad(void);

/* ---------------------------------------------------------------- Graphviz messages */

static cm_strbuf gv_pending;
static char gv_error[512];

/* One complete Graphviz message line: errors are kept, warnings become notices. */
static void gv_message_line(const char *line)
{
	if (!strncmp(line, "Warning: ", 9)) {
		cm_notice(_("graphviz: %s"), line + 9);
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
void cm_gv_begin(void)
{
	agseterrf(gv_errf);
	agseterr(AGWARN);
	/* the messages buffer is released by cm_shutdown() */
	(void)cm_shutdown_register(cm_gv_messages_free);
	gv_error[0] = '\0';
	gv_pending.len = 0;
	if (gv_pending.s)
		gv_pending.s[0] = '\0';
}

/* Did Graphviz report an error since cm_gv_begin()? */
int cm_gv_failed(void)
{
	return gv_error[0] != '\0';
}

/* The message Graphviz gave for a failure (a pending fragment counts too). */
const char *cm_gv_last_error(void)
{
	if (!gv_error[0] && gv_pending.len > 0)
		gv_message_line(gv_pending.s);
	return gv_error[0] ? gv_error : "unknown error";
}


/* Flush the DOT scanner's buffer (cgraph keeps unread input across reads). */
void cm_gv_lex_reset(void)
{
	aglexbad();
}

/* Free the messages buffer. */
void cm_gv_messages_free(void)
{
	cm_strbuf_free(&gv_pending);
}

/* ---------------------------------------------------------------- reading DOT */

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
	const char *msg = cm_gv_last_error();
	const char *p;
	size_t len = strlen(name);
	long line = 0;
	char *end;

	if (!cm_gv_failed())
		return cm_error_set_at(CM_EINPUT, name, 0, _("no graph found (not a DOT file?)"));
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

/* 1 for the attributes whose text Graphviz expands (\N, \G, \E, \T, \H). */
int cm_gv_is_label_attr(const char *attr)
{
	return !strcmp(attr, "label") || !strcmp(attr, "xlabel") || !strcmp(attr, "headlabel") ||
	       !strcmp(attr, "taillabel");
}

/*
 * Expand Graphviz's escapes in a label as Graphviz does when it draws:
 * files written by `dot -Tdot`, `-Txdot` or `-Tcanon` say label="\N" (the
 * node's name) for every node, which would otherwise show on maps as is.
 * \G is the graph's name; for a node \N its name; for a tie \E
 * "tail--head" (or "->"), \T and \H its ends; "\\" is a backslash.  Other escapes
 * (\n, \l: line breaks) stay.  Leaves the expansion in *out.
 */
static int expand_label(cm_strbuf *out, const char *s, Agraph_t *g, void *obj, int kind)
{
	out->len = 0;
	if (cm_strbuf_add(out, "", 0) < 0)
		return CM_ENOMEM;
	for (const char *p = s; *p; p++) {
		const char *sub = NULL, *sub2 = NULL, *sep = NULL;

		if (p[0] == '\\' && p[1]) {
			switch (p[1]) {
			case 'G': sub = agnameof(g); break;
			case 'N': sub = kind == AGNODE ? agnameof(obj) : NULL; break;
			case 'T': sub = kind == AGEDGE ? agnameof(agtail((Agedge_t *)obj)) : NULL; break;
			case 'H': sub = kind == AGEDGE ? agnameof(aghead((Agedge_t *)obj)) : NULL; break;
			case 'E':
				if (kind == AGEDGE) {
					sub = agnameof(agtail((Agedge_t *)obj));
					sep = agisdirected(g) ? "->" : "--";
					sub2 = agnameof(aghead((Agedge_t *)obj));
				}
				break;
			default: break;
			}
		}
		if (sub) {
			if (cm_strbuf_puts(out, sub) < 0 || (sep && (cm_strbuf_puts(out, sep) < 0 ||
			                                             cm_strbuf_puts(out, sub2 ? sub2 : "") < 0)))
				return CM_ENOMEM;
			p++;
		} else if (p[0] == '\\' && p[1]) {
			/* "\\" is a backslash, as Graphviz draws it ("\\N" is not the name); others stay whole */
			if (cm_strbuf_add(out, p + (p[1] == '\\'), p[1] == '\\' ? 1 : 2) < 0)
				return CM_ENOMEM;
			p++;
		} else if (cm_strbuf_add(out, p, 1) < 0) {
			return CM_ENOMEM;
		}
	}
	return 0;
}

/* Copy every attribute of kind (AGNODE or AGEDGE) of objs into string attributes of raw. */
static int copy_dot_attrs(igraph_t *raw, Agraph_t *g, int kind, void **objs,
                          igraph_integer_t n, const char *name)
{
	igraph_strvector_t values;
	Agsym_t *sym = NULL;
	cm_strbuf label = { 0 };
	int rc = 0, have_values = 0, named = 0;  /* igraph_strvector_destroy() is not safe on a zeroed vector */

	CM_IG(igraph_strvector_init(&values, n), "reading a DOT file");
	have_values = 1;
	while ((sym = agnxtattr(g, kind, sym)) != NULL) {
		/* the node's own name is the actor id; a "name" attribute would overwrite it */
		if (kind == AGNODE && !strcmp(sym->name, CM_ATTR_ID)) {
			cm_notice(_("%s: node attribute 'name' ignored (the node id is the actor id)"), name);
			continue;
		}
		for (igraph_integer_t i = 0; i < n; i++) {
			const char *v = agxget(objs[i], sym);

			if (cm_gv_is_label_attr(sym->name) && strchr(v, '\\')) {
				if (expand_label(&label, v, g, objs[i], kind) < 0) {
					rc = cm_error_set(CM_ENOMEM, "out of memory reading '%s'", name);
					goto done;
				}
				v = label.s;
			}
			CM_IG(igraph_strvector_set(&values, i, v), "reading a DOT file");
		}
		CM_IG(kind == AGNODE ? SETVASV(raw, sym->name, &values) : SETEASV(raw, sym->name, &values),
		      "reading a DOT file");
	}
	/*
	 * DOT's `key` is not an attribute: Graphviz takes it as the edge's name
	 * (to tell parallel edges apart).  A tie attribute called key, as
	 * coopmap's own DOT writer writes it, comes back from the edge's name.
	 */
	for (igraph_integer_t i = 0; kind == AGEDGE && i < n; i++) {
		const char *key = agnameof(objs[i]);

		named |= key && key[0];
		CM_IG(igraph_strvector_set(&values, i, key ? key : ""), "reading a DOT file");
	}
	if (named)
		CM_IG(SETEASV(raw, "key", &values), "reading a DOT file");
done:
	cm_strbuf_free(&label);
	if (have_values)
		igraph_strvector_destroy(&values);
	return rc;
}

/* Read a DOT file into a raw graph (string attributes as in the file). */
int cm_gv_read_dot(igraph_t *raw, const char *path)
{
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	char *buf = NULL, *file_name = NULL;
	size_t len;
	Agraph_t *g = NULL;
	void **nodes = NULL, **edges = NULL;
	igraph_vector_int_t ends = { 0 };
	igraph_strvector_t ids;
	igraph_integer_t n, m, k = 0;
	int rc, have_raw = 0, have_ids = 0;  /* igraph_destroy() and igraph_strvector_destroy() need them */

	rc = cm_read_file(&buf, &len, path);
	if (rc < 0)
		goto done;
	if (memchr(buf, '\0', len)) {
		rc = cm_error_set_at(CM_EINPUT, name, 0, _("contains NUL bytes (not a DOT file?)"));
		goto done;
	}
	cm_gv_begin();
	if (!(file_name = cm_strdup(name))) {
		rc = CM_ENOMEM;
		goto done;
	}
	/*
	 * cgraph's scanner keeps unread input (a second graph, a trailing
	 * newline) across reads: flush it so that this file is read from its
	 * start and its line numbers are right.
	 */
	cm_gv_lex_reset();
	agsetfile(file_name);
	agreadline(1);
	g = agmemread(buf);
	cm_gv_lex_reset();
	if (!g || cm_gv_failed()) {
		rc = syntax_error(name);
		goto done;
	}
	n = agnnodes(g);
	m = agnedges(g);
	nodes = calloc((size_t)n + 1, sizeof(*nodes));
	edges = calloc((size_t)m + 1, sizeof(*edges));
	if (!nodes || !edges || igraph_vector_int_init(&ends, 2 * m) != IGRAPH_SUCCESS) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory reading '%s'"), name);
		goto done;
	}
	/* nodes declared inside subgraphs belong to the root graph too */
	for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
		node_rec *r = agbindrec(v, "coopmap", sizeof(node_rec), 0);

		if (!r) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory reading '%s'"), name);
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
	CM_IG(igraph_empty(raw, n, agisdirected(g) ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED), "reading a DOT file");
	have_raw = 1;
	CM_IG(igraph_add_edges(raw, &ends, NULL), "reading a DOT file");
	if (igraph_strvector_init(&ids, n) != IGRAPH_SUCCESS) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory reading '%s'"), name);
		goto done;
	}
	have_ids = 1;
	for (igraph_integer_t i = 0; i < n; i++)
		CM_IG(igraph_strvector_set(&ids, i, agnameof(nodes[i])), "reading a DOT file");
	CM_IG(SETVASV(raw, CM_ATTR_ID, &ids), "reading a DOT file");
	if ((rc = copy_dot_attrs(raw, g, AGNODE, nodes, n, name)) < 0)
		goto done;
	if ((rc = copy_dot_attrs(raw, g, AGEDGE, edges, m, name)) < 0)
		goto done;
done:
	if (rc < 0 && have_raw)
		igraph_destroy(raw);
	if (have_ids)
		igraph_strvector_destroy(&ids);
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
