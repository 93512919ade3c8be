/*
 * GML (Himsolt's "GML: A portable Graph File Format"), written here rather
 * than by igraph, whose writer puts UTF-8 and raw line breaks in strings
 * (NetworkX refuses the file: "input is not ASCII-encoded") and renames
 * attributes silently.  The file is 7-bit ASCII: a string's `"` and `&`
 * are written &quot; and &amp;, every character outside printable ASCII
 * (line breaks and tabs included) as &#NNN;, which NetworkX's read_gml,
 * igraph (with coopmap's loader) and python-igraph decode.  A key is a
 * letter then letters and digits: an attribute whose name is not one is
 * written under a name that is, and a notice says so.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "present/export/gml.h"
#include "coopmap/common.h"
#include "coopmap/network.h"
#include "base/error.h"
#include "model/raw.h"
#include "base/i18n.h"

/* One attribute to write: its igraph name, GML key and type. */
typedef struct {
	char *name;
	char key[64];
	igraph_attribute_type_t type;
} gml_attr;

/* Write s as a GML string: ASCII only, entities for the rest. */
static void put_string(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', f);
	while (*p) {
		unsigned long c = *p;
		int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;

		if (c == '"') {
			fputs("&quot;", f);
		} else if (c == '&') {
			fputs("&amp;", f);
		} else if (c >= 0x20 && c < 0x7F) {
			fputc((int)c, f);
		} else {
			/* the model holds valid UTF-8 (cm_network_check_text) */
			c = extra ? c & (0x3F >> extra) : c;
			for (int k = 0; k < extra && (p[1] & 0xC0) == 0x80; k++)
				c = (c << 6) | (*++p & 0x3F);
			fprintf(f, "&#%lu;", c);
		}
		p++;
	}
	fputc('"', f);
}

/* Write a number: whole numbers as integers, others as the shortest text that reads back the same. */
static void put_number(FILE *f, double v)
{
	char buf[64];

	if (v == floor(v) && fabs(v) < 1e15) {
		fprintf(f, "%.0f", v == 0 ? 0 : v);
		return;
	}
	snprintf(buf, sizeof(buf), "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, sizeof(buf), "%.17g", v);
	/* GML reals need a point (1e+20 is not one) */
	if (!strchr(buf, '.') && !strchr(buf, 'n') && !strchr(buf, 'N')) {
		char *e = strpbrk(buf, "eE");

		if (e) {
			char tail[32];

			snprintf(tail, sizeof(tail), "%s", e);
			snprintf(e, sizeof(buf) - (size_t)(e - buf), ".0%s", tail);
		}
	}
	fputs(buf, f);
}

/* 1 when name is a GML key: a letter, then letters and digits. */
static int valid_key(const char *name)
{
	if (!isalpha((unsigned char)name[0]) || (unsigned char)name[0] >= 0x80)
		return 0;
	for (const char *p = name; *p; p++)
		if ((unsigned char)*p >= 0x80 || !isalnum((unsigned char)*p))
			return 0;
	return strlen(name) < 60;
}

/* The attributes of vertices (edges 0) or edges, with their GML keys; renamed ones get a notice. */
static int list_attrs(gml_attr **out, igraph_integer_t *n, const igraph_t *g, int edges, const char *const *reserved)
{
	igraph_strvector_t names;
	igraph_attribute_elemtype_t et = edges ? IGRAPH_ATTRIBUTE_EDGE : IGRAPH_ATTRIBUTE_VERTEX;
	int rc = 0;

	*out = NULL;
	*n = 0;
	if (igraph_strvector_init(&names, 0))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	if ((rc = cm_attr_names(g, edges, &names)) < 0)
		goto done;
	if (!(*out = calloc((size_t)igraph_strvector_size(&names) + 1, sizeof(**out)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t a = 0; a < igraph_strvector_size(&names); a++) {
		gml_attr *at = &(*out)[*n];
		const char *name = igraph_strvector_get(&names, a);
		int type = cm_attr_type(g, et, name), clash;
		size_t k = 0;

		if (type != IGRAPH_ATTRIBUTE_STRING && type != IGRAPH_ATTRIBUTE_NUMERIC && type != IGRAPH_ATTRIBUTE_BOOLEAN)
			continue;
		if (!(at->name = strdup(name))) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
		at->type = (igraph_attribute_type_t)type;
		if (valid_key(name)) {
			k = (size_t)snprintf(at->key, sizeof(at->key), "%s", name);
		} else {
			/* letters and digits kept, anything else dropped; a letter first */
			for (const char *p = name; *p && k < 40; p++)
				if ((unsigned char)*p < 0x80 && isalnum((unsigned char)*p) && (k || isalpha((unsigned char)*p)))
					at->key[k++] = *p;
			if (!k)
				k = (size_t)snprintf(at->key, sizeof(at->key), "attr");
			at->key[k] = '\0';
		}
		/* a key used by GML itself or by an earlier attribute gets a number */
		for (int suffix = 2;; suffix++) {
			clash = 0;
			for (int r = 0; reserved[r]; r++)
				clash |= !strcmp(reserved[r], at->key);
			for (igraph_integer_t b = 0; b < *n; b++)
				clash |= !strcmp((*out)[b].key, at->key);
			/* nor the name of a later attribute that is a key already: that one keeps it */
			for (igraph_integer_t b = a + 1; b < igraph_strvector_size(&names); b++)
				clash |= strcmp(at->key, name) && !strcmp(igraph_strvector_get(&names, b), at->key);
			if (!clash)
				break;
			snprintf(at->key + k, sizeof(at->key) - k, "%d", suffix);
		}
		if (strcmp(at->key, name))
			cm_notice(edges ? _("GML: tie attribute '%s' written as '%s' (GML keys are letters and digits)")
			                : _("GML: actor attribute '%s' written as '%s' (GML keys are letters and digits)"),
			          name, at->key);
		(*n)++;
	}
done:
	if (rc < 0 && *out) {
		for (igraph_integer_t a = 0; a <= *n; a++)
			free((*out)[a].name);
		free(*out);
		*out = NULL;
	}
	igraph_strvector_destroy(&names);
	return rc;
}

/* Free a list of attributes. */
static void free_attrs(gml_attr *attrs, igraph_integer_t n)
{
	for (igraph_integer_t a = 0; attrs && a < n; a++)
		free(attrs[a].name);
	free(attrs);
}

/* Write the attributes of vertex or edge i, one per line (NaN left out). */
static void put_attrs(FILE *f, const igraph_t *g, int edges, igraph_integer_t i, const gml_attr *attrs,
                      igraph_integer_t n)
{
	for (igraph_integer_t a = 0; a < n; a++) {
		const char *name = attrs[a].name;

		if (attrs[a].type == IGRAPH_ATTRIBUTE_NUMERIC) {
			double v = edges ? EAN(g, name, i) : VAN(g, name, i);

			if (!isfinite(v))
				continue;  /* GML has no NaN: an undated tie has no year */
			fprintf(f, "    %s ", attrs[a].key);
			put_number(f, v);
		} else if (attrs[a].type == IGRAPH_ATTRIBUTE_BOOLEAN) {
			fprintf(f, "    %s %d", attrs[a].key, (edges ? EAB(g, name, i) : VAB(g, name, i)) ? 1 : 0);
		} else {
			fprintf(f, "    %s ", attrs[a].key);
			put_string(f, edges ? EAS(g, name, i) : VAS(g, name, i));
		}
		fputc('\n', f);
	}
}

/* Write GML; see present/export/gml.h. */
int cm_export_gml(FILE *f, const cm_network *net)
{
	static const char *const node_reserved[] = { "id", "graphics", "LabelGraphics", NULL };
	static const char *const edge_reserved[] = { "id", "source", "target", "graphics", "LabelGraphics", NULL };
	const igraph_t *g = &net->graph;
	gml_attr *vattrs = NULL, *eattrs = NULL;
	igraph_integer_t nv = 0, ne = 0;
	int rc;

	if ((rc = list_attrs(&vattrs, &nv, g, 0, node_reserved)) < 0 ||
	    (rc = list_attrs(&eattrs, &ne, g, 1, edge_reserved)) < 0)
		goto done;
	fprintf(f, "Creator \"coopmap " COOPMAP_VERSION "\"\nVersion 1\ngraph\n[\n  directed %d\n", net->directed ? 1 : 0);
	for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
		fprintf(f, "  node\n  [\n    id %" IGRAPH_PRId "\n", v);
		put_attrs(f, g, 0, v, vattrs, nv);
		fputs("  ]\n", f);
	}
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
		fprintf(f, "  edge\n  [\n    source %" IGRAPH_PRId "\n    target %" IGRAPH_PRId "\n", IGRAPH_FROM(g, e),
		        IGRAPH_TO(g, e));
		put_attrs(f, g, 1, e, eattrs, ne);
		fputs("  ]\n", f);
	}
	fputs("]\n", f);
done:
	free_attrs(vattrs, nv);
	free_attrs(eattrs, ne);
	return rc;
}
