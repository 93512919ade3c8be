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

/* Read GraphML, GML or Pajek through igraph into a raw graph (buf taken over). */
int cm_read_igraph_format(igraph_t *out, char *buf, size_t len, const char *name, cm_input_format format)
{
	static const char *const format_names[] = { "", "CSV", "GraphML", "GML", "Pajek", "DOT" };
	igraph_safelocale_t loc = NULL;
	igraph_error_t err;
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
		rc = cm_error_set_at(CM_EINPUT, name, 0, _("not a valid %s file: %s"),
		                     format_names[format], reason);
		goto done;
	}
	if ((format == CM_INPUT_GML && ((rc = gml_value_as_weight(&g, name)) < 0 || (rc = label_as_name(&g)) < 0)) ||
	    (format == CM_INPUT_PAJEK && (rc = pajek_names(&g)) < 0)) {
		igraph_destroy(&g);
		goto done;
	}
	*out = g;
done:
	if (f)
		fclose(f);
	free(buf);
	return rc;
}

