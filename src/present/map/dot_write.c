/*
 * DOT written through cgraph (coopmap convert -T dot): the graph is built
 * through the cgraph API, so data never becomes DOT text; values DOT
 * cannot hold are mended (a lone backslash) or refused (U+FEFF).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cgraph.h>

#include "present/map/context.h"
#include "present/map/graphviz.h"
#include "coopmap/common.h"
#include "coopmap/network.h"
#include "coopmap/text.h"
#include "base/error.h"
#include "load/dot.h"
#include "base/i18n.h"

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

/*
 * A label's backslashes doubled: Graphviz draws "\N" in a label as the
 * node's name and "\\" as one backslash, and coopmap's DOT reader does the
 * same, so that the text "a\N" is drawn and read back as it is.  Returns
 * value, or a copy in *tmp.
 */
static const char *dot_label(const char *value, char **tmp)
{
	size_t n = strlen(value), extra = 0, j = 0;

	for (size_t i = 0; i < n; i++)
		extra += value[i] == '\\';
	if (!extra)
		return value;
	free(*tmp);
	if (!(*tmp = malloc(n + extra + 1))) {
		errno = ENOMEM;
		return NULL;
	}
	for (size_t i = 0; i <= n; i++) {
		if (value[i] == '\\')
			(*tmp)[j++] = '\\';
		(*tmp)[j++] = value[i];
	}
	return *tmp;
}

/* The error for a value dot_safe() could not give (errno EILSEQ: it holds U+FEFF), or out of memory. */
static int dot_refused(const char *path)
{
	if (errno == EILSEQ)
		return cm_error_set(CM_EINPUT, _("cannot write '%s': DOT cannot hold the character U+FEFF "
		                    "(byte order mark) found in the data; write GraphML or CSV instead"), path);
	return cm_error_set(CM_ENOMEM, _("out of memory writing '%s'"), path);
}

/* Write a network as DOT through cgraph (coopmap convert). */
int cm_gv_write_dot(const cm_network *net, FILE *f, const char *path)
{
	const igraph_t *graph = &net->graph;
	igraph_strvector_t gnames, vnames, enames;
	igraph_vector_int_t gtypes, vtypes, etypes;
	igraph_integer_t n = igraph_vcount(graph), m = igraph_ecount(graph);
	Agraph_t *g = NULL;
	Agnode_t **nodes = NULL;
	Agsym_t **vsyms = NULL, **esyms = NULL;
	char buf[64], *tmp = NULL, *ltmp = NULL;  /* copies made by dot_safe() and dot_label() */
	int rc = 0, have_lists = 0, fixed = 0;  /* igraph_strvector_destroy() is not safe on a zeroed vector */

	cm_gv_begin();
	if (igraph_strvector_init(&gnames, 0) || igraph_strvector_init(&vnames, 0) ||
	    igraph_strvector_init(&enames, 0) || igraph_vector_int_init(&gtypes, 0) ||
	    igraph_vector_int_init(&vtypes, 0) || igraph_vector_int_init(&etypes, 0)) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done; /* vectors are tiny: this only fails when nothing works any more */
	}
	have_lists = 1;
	CM_IG(igraph_cattribute_list(graph, &gnames, &gtypes, &vnames, &vtypes, &enames, &etypes),
	      "listing attributes");
	g = agopen("coopmap", (net->directed || igraph_is_directed(graph)) ? Agdirected : Agundirected,
	           &cm_gv_disc);
	nodes = calloc((size_t)n + 1, sizeof(*nodes));
	vsyms = calloc((size_t)igraph_strvector_size(&vnames) + 1, sizeof(*vsyms));
	esyms = calloc((size_t)igraph_strvector_size(&enames) + 1, sizeof(*esyms));
	if (!g || !nodes || !vsyms || !esyms) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory writing '%s'"), path);
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
			errno = 0;
			if ((cm_gv_is_label_attr(igraph_strvector_get(&vnames, a)) && !(value = dot_label(value, &ltmp))) ||
			    !(value = dot_safe(value, &tmp, &fixed))) {
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
			rc = cm_error_set(CM_ENOMEM, _("out of memory writing '%s'"), path);
			goto done;
		}
		for (igraph_integer_t a = 0; a < igraph_strvector_size(&enames); a++) {
			const char *value = attr_text(graph, IGRAPH_ATTRIBUTE_EDGE, VECTOR(etypes)[a],
			                              igraph_strvector_get(&enames, a), e, buf, sizeof(buf));

			errno = 0;
			if ((cm_gv_is_label_attr(igraph_strvector_get(&enames, a)) && !(value = dot_label(value, &ltmp))) ||
			    !(value = dot_safe(value, &tmp, &fixed))) {
				rc = dot_refused(path);
				goto done;
			}
			agxset(edge, esyms[a], (char *)value);
		}
	}
	/* a failed write leaves the stream in error: the caller's cm_output_commit() reports it */
	if (agwrite(g, f) != 0 && !ferror(f)) {
		rc = cm_error_set(CM_EIO, _("cannot write '%s'"), path);
		goto done;
	}
	if (fixed)
		cm_notice(dngettext(CM_TEXTDOMAIN,
		                    "%s: %d value with a backslash before a quote or at the end got a space after it "
		                    "(DOT cannot hold one there)",
		                    "%s: %d values with a backslash before a quote or at the end got a space after it "
		                    "(DOT cannot hold one there)", (unsigned long)fixed),
		          path, fixed);
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
	free(ltmp);
	free(nodes);
	free(vsyms);
	free(esyms);
	return rc;
}
