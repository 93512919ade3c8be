/* GraphML, GML and Pajek, read through igraph's readers. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coopmap/common.h"
#include "coopmap/load.h"
#include "coopmap/network.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "filter/filter.h"
#include "load/csv.h"
#include "load/igraph_formats.h"
#include "model/names.h"
#include "model/raw.h"
#include "base/i18n.h"

/* GML: labels name the actors when there is no "name" and they are all present and distinct. */
static int label_as_name(igraph_t *g)
{
	igraph_strvector_t sv;
	cm_names seen;
	int rc = 0, added, usable = 1;

	cm_names_init(&seen);
	CM_IG(igraph_strvector_init(&sv, 0), "reading labels");
	if (cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID) >= 0 ||
	    cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_LABEL) != IGRAPH_ATTRIBUTE_STRING)
		goto done;
	CM_IG(igraph_cattribute_VASV(g, CM_ATTR_LABEL, igraph_vss_all(), &sv), "reading labels");
	for (igraph_integer_t v = 0; v < igraph_strvector_size(&sv) && usable; v++) {
		const char *s = igraph_strvector_get(&sv, v);
		igraph_integer_t idx;

		if ((rc = cm_names_add(&seen, s, &idx, &added)) < 0)
			goto done;
		usable = s[0] && added;
	}
	if (usable)
		CM_IG(igraph_cattribute_VAS_setv(g, CM_ATTR_ID, &sv), "reading labels");
done:
	igraph_strvector_destroy(&sv);
	cm_names_free(&seen);
	return rc;
}

/* Append code point c as UTF-8 to out; the bytes written. */
static size_t put_utf8(char *out, unsigned long c)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/*
 * Decode GML's numeric character references (&#233; &#xE9;) in the text
 * before igraph reads it: GML is 7-bit ASCII and writes every other
 * character so, and igraph's reader decodes only the named ones (&amp;
 * &quot; &lt; &gt; &apos;).  Done on the text, not on the strings igraph
 * returns, so that "&amp;#60;" (the text &#60;) is decoded once, by
 * igraph, to "&#60;".  A reference to " or & becomes &quot; or &amp;,
 * which igraph decodes; one to no character (0, a surrogate, beyond
 * U+10FFFF) stays as it is.  Replaces *buf (taken over) by the new text.
 */
static int gml_decode_refs(char **buf, size_t *len)
{
	const char *in = *buf, *end = *buf + *len;
	char *out = malloc(*len + *len / 5 + 2), *o = out;  /* &#34; (5 bytes) becomes &quot; (6) */

	if (!out)
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	while (in < end) {
		if (in[0] == '&' && in + 1 < end && in[1] == '#') {
			int hex = in + 2 < end && (in[2] == 'x' || in[2] == 'X');
			const char *p = in + 2 + hex;
			unsigned long c = 0;
			int digits = 0;

			for (; p < end && digits < 8 && (hex ? isxdigit((unsigned char)*p) : isdigit((unsigned char)*p));
			     p++, digits++)
				c = c * (hex ? 16 : 10) + (unsigned long)(isdigit((unsigned char)*p) ? *p - '0' :
				                                           tolower((unsigned char)*p) - 'a' + 10);
			if (digits && p < end && *p == ';' && c > 0 && c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF)) {
				if (c == '"' || c == '&') {
					memcpy(o, c == '"' ? "&quot;" : "&amp;", c == '"' ? 6 : 5);
					o += c == '"' ? 6 : 5;
				} else {
					o += put_utf8(o, c);
				}
				in = p + 1;
				continue;
			}
		}
		*o++ = *in++;
	}
	*o = '\0';
	free(*buf);
	*buf = out;
	*len = (size_t)(o - out);
	return 0;
}

/*
 * GML's "value" is the usual tie strength of published files (Newman's
 * networks): it becomes the weight when there is no "weight", with a notice.
 */
static int gml_value_as_weight(igraph_t *g, const char *name)
{
	igraph_vector_t v = { 0 };  /* destroying a zeroed vector is safe */
	int rc = 0;

	if (cm_attr_type(g, IGRAPH_ATTRIBUTE_EDGE, "value") != IGRAPH_ATTRIBUTE_NUMERIC ||
	    cm_attr_type(g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_WEIGHT) >= 0)
		return 0;
	CM_IG(igraph_vector_init(&v, 0), "reading GML");
	CM_IG(igraph_cattribute_EANV(g, "value", igraph_ess_all(IGRAPH_EDGEORDER_ID), &v), "reading GML");
	CM_IG(igraph_cattribute_EAN_setv(g, CM_ATTR_WEIGHT, &v), "reading GML");
	cm_attr_remove(g, 1, "value");
	cm_notice(_("%s: the ties' 'value' is taken as their weight"), name);
done:
	igraph_vector_destroy(&v);
	return rc;
}

/* Pajek: a vertex without a label is known by its number in the file (from 1). */
static int pajek_names(igraph_t *g)
{
	igraph_strvector_t sv;
	char buf[32];
	int rc = 0;

	CM_IG(igraph_strvector_init(&sv, igraph_vcount(g)), "naming actors");
	if (cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID) == IGRAPH_ATTRIBUTE_STRING)
		CM_IG(igraph_cattribute_VASV(g, CM_ATTR_ID, igraph_vss_all(), &sv), "naming actors");
	for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
		if (igraph_strvector_get(&sv, v)[0])
			continue;
		snprintf(buf, sizeof(buf), "%" IGRAPH_PRId, v + 1);
		CM_IG(igraph_strvector_set(&sv, v, buf), "naming actors");
	}
	if (igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID))
		igraph_cattribute_remove_v(g, CM_ATTR_ID);
	CM_IG(igraph_cattribute_VAS_setv(g, CM_ATTR_ID, &sv), "naming actors");
done:
	igraph_strvector_destroy(&sv);
	return rc;
}

/*
 * Pajek declares its actor count first and igraph creates them all before
 * reading on: 20 bytes could ask for billions.  Beyond 100,000, refuse a
 * count larger than the file (an actor costs at least a byte to list).
 */
static int pajek_check_count(const char *buf, size_t len, const char *name)
{
	size_t i = 0;

	while (i < len) {
		const char *line = buf + i, *nl = memchr(line, '\n', len - i);
		size_t n = nl ? (size_t)(nl - line) : len - i;

		if (n > 9 && !strncasecmp(line, "*vertices", 9)) {
			unsigned long long count = 0;
			size_t k = 9;

			while (k < n && (line[k] == ' ' || line[k] == '\t'))
				k++;
			if (k < n && line[k] == '+') /* igraph's reader takes a sign too */
				k++;
			for (; k < n && line[k] >= '0' && line[k] <= '9'; k++)
				count = count >= ULLONG_MAX / 10 ? ULLONG_MAX / 10 : count * 10 + (unsigned long long)(line[k] - '0');
			if (count > 100000 && count > len)
				return cm_error_set_at(CM_EINPUT, name, 0,
				                       _("declares %llu actors in a file of %zu bytes"), count, len);
			return 0;
		}
		i += n + 1;
	}
	return 0;
}

/* What the Pajek pre-scan found: a two-mode file and its first mode's size. */
typedef struct {
	int two_mode;
	unsigned long long first_mode;
} pajek_scan;

/* Length of line s (up to the newline or end), and the start of the next line in *next. */
static size_t line_len(const char *s, const char *end, const char **next)
{
	const char *nl = memchr(s, '\n', (size_t)(end - s));

	*next = nl ? nl + 1 : end;
	return (size_t)((nl ? nl : end) - s);
}

/* 1 when the line of n bytes starts with the section header kw (case-insensitive) then a blank or its end. */
static int pajek_header(const char *line, size_t n, const char *kw)
{
	size_t k = strlen(kw);

	return n >= k && !strncasecmp(line, kw, k) && (n == k || isspace((unsigned char)line[k]));
}

/* 1 when a line holds nothing but blanks, or is a Pajek comment. */
static int pajek_blank(const char *line, size_t n)
{
	size_t i = 0;

	while (i < n && isspace((unsigned char)line[i]))
		i++;
	return i == n || line[i] == '%';
}

/*
 * Before igraph reads a Pajek file: a section of arcs or edges with no
 * line in it becomes a comment, as Pajek itself writes "*Arcs" then an
 * empty "*Edges" for a directed network, which igraph takes as undirected
 * (its last section header decides).  A "*Vertices n n1" line marks a
 * two-mode file.
 */
static void pajek_prescan(char *buf, size_t len, pajek_scan *scan)
{
	char *p = buf, *end = buf + len;

	memset(scan, 0, sizeof(*scan));
	while (p < end) {
		const char *next;
		size_t n = line_len(p, end, &next);

		if (pajek_header(p, n, "*vertices")) {
			char *q = p + 9, *e;
			unsigned long long count = strtoull(q, &e, 10), n1;

			(void)count;
			if (e > q && e < p + n) {
				n1 = strtoull(e, &q, 10);
				scan->two_mode = q > e && q <= p + n;
				scan->first_mode = n1;
			}
		} else if (pajek_header(p, n, "*arcs") || pajek_header(p, n, "*edges")) {
			const char *r = next, *after;
			int empty = 1;

			for (; r < end && empty; r = after) {
				size_t m = line_len(r, end, &after);

				if (r[0] == '*')
					break;
				empty = pajek_blank(r, m);
			}
			if (empty)
				p[0] = '%';  /* a comment for igraph */
		}
		p = (char *)next;
	}
}

/* Next token of a Pajek line (a word, or a "quoted string"): its start and length; 0 at the end. */
static size_t pajek_token(const char **s, const char *end, const char **tok)
{
	const char *p = *s, *q;

	while (p < end && isspace((unsigned char)*p))
		p++;
	if (p == end) {
		*s = p;
		return 0;
	}
	q = p + 1;
	if (*p == '"') {
		while (q < end && *q != '"')
			q++;
		q += q < end;
	} else {
		while (q < end && !isspace((unsigned char)*q))
			q++;
	}
	*tok = p;
	*s = q;
	return (size_t)(q - p);
}

/* 1 when the token reads whole as a number. */
static int pajek_number(const char *tok, size_t n)
{
	char buf[64], *e;

	if (n == 0 || n >= sizeof(buf))
		return 0;
	memcpy(buf, tok, n);
	buf[n] = '\0';
	(void)strtod(buf, &e);
	return *e == '\0';
}

/* 1 when the token is one of the parameter names of the list (case-insensitive). */
static int pajek_param(const char *tok, size_t n, const char *const *names)
{
	for (; *names; names++)
		if (strlen(*names) == n && !strncasecmp(*names, tok, n))
			return 1;
	return 0;
}

/* One "key value" pair that NetworkX's write_pajek put on a vertex or tie line. */
typedef struct {
	int edge;                /* 0: vertex, 1: tie */
	igraph_integer_t index;  /* the vertex or tie, from 0 */
	long line;
	char *key, *value;
} pajek_extra;

/* The pairs of a file, in file order. */
typedef struct {
	pajek_extra *v;
	size_t n, cap;
} pajek_extras;

/* Free the pairs (safe on a zeroed list). */
static void pajek_extras_free(pajek_extras *x)
{
	for (size_t i = 0; i < x->n; i++) {
		free(x->v[i].key);
		free(x->v[i].value);
	}
	free(x->v);
	memset(x, 0, sizeof(*x));
}

/* A token's text without its quotes, as a new string (NULL when out of memory). */
static char *pajek_unquote(const char *tok, size_t k)
{
	if (k >= 2 && tok[0] == '"' && tok[k - 1] == '"') {
		tok++;
		k -= 2;
	}
	return strndup(tok, k);
}

/* Record one pair; a negative code when out of memory. */
static int pajek_extras_add(pajek_extras *x, int edge, igraph_integer_t index, long line, const char *key,
                            size_t klen, const char *value, size_t vlen)
{
	pajek_extra *e;

	if (x->n == x->cap) {
		size_t cap = x->cap ? 2 * x->cap : 16;
		pajek_extra *v = realloc(x->v, cap * sizeof(*v));

		if (!v)
			return cm_error_set(CM_ENOMEM, "out of memory");
		x->v = v;
		x->cap = cap;
	}
	e = &x->v[x->n];
	e->edge = edge;
	e->index = index;
	e->line = line;
	e->key = pajek_unquote(key, klen);
	e->value = pajek_unquote(value, vlen);
	x->n++;
	if (!e->key || !e->value)
		return cm_error_set(CM_ENOMEM, "out of memory");
	return 0;
}

/*
 * Find, on vertex and tie lines, the words that are not Pajek's parameters
 * (the drawing options igraph's reader knows): NetworkX's write_pajek
 * writes node and edge attributes so ("1 a 0.0 0.0 ellipse region
 * Bretagne"), which igraph refuses ("syntax error, unexpected ALNUM").
 * With take, each "key value" pair is moved out of the text (blanked)
 * into take, for pajek_add_extras() after igraph has read the rest.
 * Without, the first such word is an error in words with its line (1);
 * 0 when there is none.  Lists and matrices (*Arcslist, *Matrix) are left
 * to igraph.
 */
static int pajek_params(char *buf, size_t len, const char *name, pajek_extras *take)
{
	static const char *const vertex_params[] = { "x_fact", "y_fact", "phi", "r", "q", "ic", "bc", "bw",
	                                             "lc", "la", "lr", "lphi", "fos", "font", "url", "size", NULL };
	static const char *const edge_params[] = { "h1", "h2", "w", "c", "p", "a", "s", "a1", "k1", "a2", "k2",
	                                           "ap", "l", "lp", "lr", "lphi", "lc", "la", "fos", "font",
	                                           "size", NULL };
	char *p = buf, *end = buf + len;
	int section = 0;  /* 1 vertices, 2 arcs or edges, 0 anything else */
	long line = 0;
	igraph_integer_t ties = 0;

	while (p < end) {
		const char *next, *s = p, *tok = NULL, *first = NULL;
		size_t n = line_len(p, end, &next), k, first_len = 0;
		int field = 0, numbers = 0;

		line++;
		if (p[0] == '*') {
			section = pajek_header(p, n, "*vertices") ? 1 :
			          (pajek_header(p, n, "*arcs") || pajek_header(p, n, "*edges")) ? 2 : 0;
			p = (char *)next;
			continue;
		}
		if (!section || pajek_blank(p, n)) {
			p = (char *)next;
			continue;
		}
		ties += section == 2;
		/* vertex: id, label, up to three coordinates, a shape; tie: two ends and a weight; then parameters */
		while ((k = pajek_token(&s, p + n, &tok)) > 0) {
			int number = pajek_number(tok, k);
			const char *val = NULL;
			size_t vlen;

			if (++field == 1) {
				first = tok;
				first_len = k;
			}
			if (field <= 2 || (section == 2 && field == 3 && number))
				continue;
			if (section == 1 && number && numbers < 3 && field == 3 + numbers) {
				numbers++;
				continue;
			}
			if (section == 1 && field == 3 + numbers && !pajek_param(tok, k, vertex_params))
				continue;  /* the shape */
			if (number || tok[0] == '"')
				continue;  /* a parameter's value */
			if (pajek_param(tok, k, section == 1 ? vertex_params : edge_params)) {
				/* a known parameter: its value (a word or a number) follows */
				if ((k = pajek_token(&s, p + n, &tok)) > 0)
					field++;
				continue;
			}
			if (take && (vlen = pajek_token(&s, p + n, &val)) > 0) {
				igraph_integer_t index = ties - 1;
				char *e;

				if (section == 1) {
					char num[32];

					snprintf(num, sizeof(num), "%.*s", (int)(first_len < 31 ? first_len : 31), first);
					index = (igraph_integer_t)strtoll(num, &e, 10) - 1;
					if (*e || index < 0)
						return 0;  /* not a vertex number: igraph will say */
				}
				if (pajek_extras_add(take, section == 2, index, line, tok, k, val, vlen) < 0)
					return CM_ENOMEM;
				/* blank the pair for igraph (its tokens lie in the line, which we own) */
				memset((char *)tok, ' ', k);
				memset((char *)val, ' ', vlen);
				field++;
				continue;
			}
			if (take)
				return 0;  /* a word without a value: refused after igraph fails */
			cm_error_set_at(CM_EINPUT, name, line,
			                "%s attribute '%.*s' is not a Pajek parameter and has no value",
			                section == 1 ? "actor" : "tie", (int)(k > 60 ? 60 : k), tok);
			return 1;
		}
		p = (char *)next;
	}
	return 0;
}

/*
 * Give the raw graph the pairs taken from the text: text attributes, ""
 * where a vertex or tie has none.  An attribute name igraph's reader uses
 * already (name, id, x, shape, weight...) gets "_attr" added, with a
 * notice; one notice names the attributes read.
 */
static int pajek_add_extras(igraph_t *g, const pajek_extras *x, const char *name)
{
	igraph_strvector_t values;
	cm_strbuf said = { 0 };
	int rc = 0, have_values = 0;

	if (x->n == 0)
		return 0;
	for (size_t i = 0; i < x->n; i++) {
		const pajek_extra *e = &x->v[i];
		igraph_integer_t count = e->edge ? igraph_ecount(g) : igraph_vcount(g);
		igraph_attribute_elemtype_t et = e->edge ? IGRAPH_ATTRIBUTE_EDGE : IGRAPH_ATTRIBUTE_VERTEX;
		char attr[128];
		int seen = 0;

		if (e->index >= count) {
			rc = cm_error_set_at(CM_EINPUT, name, e->line, "%s %" IGRAPH_PRId " is not in the network",
			                     e->edge ? "tie" : "actor", e->index + 1);
			goto done;
		}
		for (size_t j = 0; j < i && !seen; j++)
			seen = x->v[j].edge == e->edge && !strcmp(x->v[j].key, e->key);
		if (seen)
			continue;  /* this attribute is done */
		snprintf(attr, sizeof(attr), "%s", e->key);
		if (!attr[0] || cm_attr_type(g, et, attr) >= 0 || (!e->edge && !strcmp(attr, CM_ATTR_ID))) {
			snprintf(attr, sizeof(attr), "%s_attr", e->key);
			cm_notice("%s: %s attribute '%s' renamed '%s' (igraph's Pajek reader gives one of that name)",
			          name, e->edge ? "tie" : "actor", e->key, attr);
		}
		CM_IG(igraph_strvector_init(&values, count), "reading NetworkX's Pajek attributes");
		have_values = 1;
		for (size_t j = i; j < x->n; j++) {
			if (x->v[j].edge != e->edge || strcmp(x->v[j].key, e->key))
				continue;
			if (x->v[j].index >= count) {
				rc = cm_error_set_at(CM_EINPUT, name, x->v[j].line, "%s %" IGRAPH_PRId " is not in the network",
				                     e->edge ? "tie" : "actor", x->v[j].index + 1);
				goto done;
			}
			CM_IG(igraph_strvector_set(&values, x->v[j].index, x->v[j].value), "reading NetworkX's Pajek attributes");
		}
		CM_IG(e->edge ? SETEASV(g, attr, &values) : SETVASV(g, attr, &values), "reading NetworkX's Pajek attributes");
		igraph_strvector_destroy(&values);
		have_values = 0;
		if (cm_strbuf_printf(&said, "%s'%s'", said.len ? ", " : "", attr) < 0) {
			rc = cm_error_set(CM_ENOMEM, "out of memory");
			goto done;
		}
	}
	cm_notice("%s: attributes written by NetworkX (not Pajek's) read as text: %s", name, said.s);
done:
	if (have_values)
		igraph_strvector_destroy(&values);
	cm_strbuf_free(&said);
	return rc;
}

/*
 * A two-mode Pajek file ("*Vertices n n1"): igraph puts its modes in a
 * boolean "type", which would become the actors' type.  They go to a
 * numeric "bipartite" (0 for the first n1 vertices, the actors; 1 for the
 * others, the events), NetworkX's convention, and "type" is left free.
 */
static int pajek_modes(igraph_t *g)
{
	igraph_vector_bool_t types;
	igraph_vector_t modes = { 0 };  /* destroying a zeroed vector is safe */
	int rc = 0, have_types = 0;

	if (cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_TYPE) != IGRAPH_ATTRIBUTE_BOOLEAN)
		return 0;
	CM_IG(igraph_vector_bool_init(&types, 0), "reading a two-mode Pajek file");
	have_types = 1;
	CM_IG(igraph_vector_init(&modes, igraph_vcount(g)), "reading a two-mode Pajek file");
	CM_IG(igraph_cattribute_VABV(g, CM_ATTR_TYPE, igraph_vss_all(), &types), "reading a two-mode Pajek file");
	for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
		VECTOR(modes)[v] = VECTOR(types)[v] ? 1 : 0;
	cm_attr_remove(g, 0, CM_ATTR_TYPE);
	CM_IG(igraph_cattribute_VAN_setv(g, "bipartite", &modes), "reading a two-mode Pajek file");
done:
	if (have_types)
		igraph_vector_bool_destroy(&types);
	igraph_vector_destroy(&modes);
	return rc;
}

/* Read GraphML, GML or Pajek through igraph into a raw graph (buf taken over). */
int cm_read_igraph_format(igraph_t *out, char *buf, size_t len, const char *name, cm_input_format format)
{
	static const char *const format_names[] = { "", "CSV", "GraphML", "GML", "Pajek", "DOT" };
	igraph_safelocale_t loc = NULL;
	igraph_error_t err;
	pajek_scan scan = { 0 };
	pajek_extras extras = { 0 };
	igraph_t g;
	FILE *f = NULL;
	int rc = 0, had_error = cm_error_code() != 0;

	if (len == 0) {
		rc = cm_error_set_at(CM_EINPUT, name, 0, _("empty file"));
		goto done;
	}
	/* XML declares its own encoding; the others must become UTF-8 text first */
	if (format != CM_INPUT_GRAPHML && (rc = cm_text_prepare(&buf, &len, name)) < 0)
		goto done;
	if (format == CM_INPUT_PAJEK && (rc = pajek_check_count(buf, len, name)) < 0)
		goto done;
	if (format == CM_INPUT_PAJEK) {
		pajek_prescan(buf, len, &scan);
		if ((rc = pajek_params(buf, len, name, &extras)) < 0)
			goto done;
	}
	if (format == CM_INPUT_GML && (rc = gml_decode_refs(&buf, &len)) < 0)
		goto done;
	f = fmemopen(buf, len, "r");
	if (!f) {
		rc = cm_error_set(CM_ENOMEM, _("cannot read %s: %s"), name, strerror(errno));
		goto done;
	}
	/* igraph's readers parse numbers with the C library: keep LC_NUMERIC out */
	if (igraph_enter_safelocale(&loc) != IGRAPH_SUCCESS)
		loc = NULL;
	if (format == CM_INPUT_GRAPHML)
		err = igraph_read_graph_graphml(&g, f, 0);
	else if (format == CM_INPUT_GML)
		err = igraph_read_graph_gml(&g, f);
	else
		err = igraph_read_graph_pajek(&g, f);
	if (loc)
		igraph_exit_safelocale(&loc);
	if (err != IGRAPH_SUCCESS) {
		char reason[512];
		const char *msg = cm_error_message();

		if (err == IGRAPH_ENOMEM) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory reading %s"), name);
			goto done;
		}
		if (!strncmp(msg, "igraph: ", 8))
			msg += 8;
		snprintf(reason, sizeof(reason), "%s", msg[0] ? msg : igraph_strerror(err));
		if (!had_error)
			cm_error_clear();
		/* igraph's "syntax error, unexpected ALNUM" said in words, when it is NetworkX's attributes */
		if (format == CM_INPUT_PAJEK && pajek_params(buf, len, name, NULL)) {
			rc = CM_EINPUT;
			goto done;
		}
		rc = cm_error_set_at(CM_EINPUT, name, 0, _("not a valid %s file: %s"),
		                     format_names[format], reason);
		goto done;
	}
	if ((format == CM_INPUT_GML && ((rc = gml_value_as_weight(&g, name)) < 0 || (rc = label_as_name(&g)) < 0)) ||
	    (format == CM_INPUT_PAJEK && ((rc = pajek_names(&g)) < 0 || (scan.two_mode && (rc = pajek_modes(&g)) < 0) ||
	                                  (rc = pajek_add_extras(&g, &extras, name)) < 0))) {
		igraph_destroy(&g);
		goto done;
	}
	*out = g;
done:
	if (f)
		fclose(f);
	pajek_extras_free(&extras);
	free(buf);
	return rc;
}

