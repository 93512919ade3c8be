/* GraphML, GML and Pajek, read through igraph's readers. */
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
				                       "declares %llu actors in a file of %zu bytes", count, len);
			return 0;
		}
		i += n + 1;
	}
	return 0;
}

/* Read GraphML, GML or Pajek through igraph. */
int cm_load_igraph_format(cm_network **out, char *buf, size_t len, const char *name,
                          cm_input_format format, const cm_load_options *opts)
{
	static const char *const format_names[] = { "", "CSV", "GraphML", "GML", "Pajek", "DOT" };
	igraph_safelocale_t loc = NULL;
	igraph_error_t err;
	igraph_t g;
	FILE *f = NULL;
	int rc = 0, had_error = cm_error_code() != 0;

	if (len == 0) {
		rc = cm_error_set_at(CM_EINPUT, name, 0, "empty file");
		goto done;
	}
	/* XML declares its own encoding; the others must become UTF-8 text first */
	if (format != CM_INPUT_GRAPHML && (rc = cm_text_prepare(&buf, &len, name)) < 0)
		goto done;
	if (format == CM_INPUT_PAJEK && (rc = pajek_check_count(buf, len, name)) < 0)
		goto done;
	f = fmemopen(buf, len, "r");
	if (!f) {
		rc = cm_error_set(CM_ENOMEM, "cannot read %s: %s", name, strerror(errno));
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
			rc = cm_error_set(CM_ENOMEM, "out of memory reading %s", name);
			goto done;
		}
		if (!strncmp(msg, "igraph: ", 8))
			msg += 8;
		snprintf(reason, sizeof(reason), "%s", msg[0] ? msg : igraph_strerror(err));
		if (!had_error)
			cm_error_clear();
		rc = cm_error_set_at(CM_EINPUT, name, 0, "not a valid %s file: %s",
		                     format_names[format], reason);
		goto done;
	}
	if ((format == CM_INPUT_GML && (rc = label_as_name(&g)) < 0) ||
	    (format == CM_INPUT_PAJEK && (rc = pajek_names(&g)) < 0)) {
		igraph_destroy(&g);
		goto done;
	}
	rc = cm_network_finish(out, &g, name, &opts->filter, opts->directed);
done:
	if (f)
		fclose(f);
	free(buf);
	return rc;
}

