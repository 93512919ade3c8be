/*
 * Loading a network: the input's format, from the path or the first bytes,
 * picks the reader (load/csv_table.c, load/igraph_formats.c, load/dot.c,
 * load/gexf.c).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "coopmap/common.h"
#include "coopmap/load.h"
#include "coopmap/network.h"
#include "base/file.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "filter/filter.h"
#include "load/csv_table.h"
#include "load/dot.h"
#include "load/gexf.h"
#include "load/igraph_formats.h"
#include "load/twomode.h"
#include "load/raw_input.h"
#include "model/raw.h"
#include "base/i18n.h"

/* The format a file extension stands for, or CM_INPUT_AUTO. */
static cm_input_format format_from_extension(const char *path)
{
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');

	if (!dot || (slash && dot < slash))
		return CM_INPUT_AUTO;
	if (!strcasecmp(dot, ".csv") || !strcasecmp(dot, ".tsv") || !strcasecmp(dot, ".txt"))
		return CM_INPUT_CSV;
	if (!strcasecmp(dot, ".graphml") || !strcasecmp(dot, ".xml"))
		return CM_INPUT_GRAPHML;
	if (!strcasecmp(dot, ".gml"))
		return CM_INPUT_GML;
	if (!strcasecmp(dot, ".gexf"))
		return CM_INPUT_GEXF;
	if (!strcasecmp(dot, ".net") || !strcasecmp(dot, ".paj"))
		return CM_INPUT_PAJEK;
	if (!strcasecmp(dot, ".dot") || !strcasecmp(dot, ".gv"))
		return CM_INPUT_DOT;
	return CM_INPUT_AUTO;
}

/* 1 when XML text's root element is <gexf> (or a prefixed gexf), looking past the prolog and comments. */
static int xml_root_is_gexf(const char *buf, size_t len)
{
	size_t i = 0, limit = len < 4096 ? len : 4096;

	while (i < limit) {
		const char *lt = memchr(buf + i, '<', limit - i);
		const char *name;

		if (!lt)
			return 0;
		name = lt + 1;
		if (name < buf + limit && (*name == '?' || *name == '!')) {
			i = (size_t)(name - buf) + 1;
			continue;
		}
		/* the first element: its local name */
		for (const char *p = name; p < buf + limit && *p != '>' && *p != ' ' && *p != '\n' && *p != '\t' &&
		     *p != '\r' && *p != '/'; p++)
			if (*p == ':')
				name = p + 1;
		return (size_t)(buf + limit - name) >= 4 && !strncmp(name, "gexf", 4) &&
		       (buf + limit - name == 4 || strchr(" \t\r\n>/", name[4]));
	}
	return 0;
}

/* Guess a format from the first bytes of the text; CSV when nothing else fits. */
static cm_input_format format_from_content(const char *buf, size_t len)
{
	size_t i = 0;

	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' || buf[i] == '\r'))
		i++;
	buf += i;
	if (buf[0] == '<')
		return xml_root_is_gexf(buf, len - i) ? CM_INPUT_GEXF : CM_INPUT_GRAPHML;
	if (buf[0] == '*')
		return CM_INPUT_PAJEK;
	if (!strncasecmp(buf, "digraph", 7) || !strncasecmp(buf, "strict", 6))
		return CM_INPUT_DOT;
	if (!strncasecmp(buf, "creator", 7) || !strncasecmp(buf, "version", 7))
		return CM_INPUT_GML;
	if (!strncasecmp(buf, "graph", 5)) {
		const char *p = buf + 5;

		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		return *p == '[' ? CM_INPUT_GML : CM_INPUT_DOT;
	}
	return CM_INPUT_CSV;
}

/* Spreadsheet files are refused with advice rather than parsed as junk. */
static int is_spreadsheet(const char *path, const char *buf, size_t len)
{
	const char *dot = strrchr(path, '.');

	if (dot && (!strcasecmp(dot, ".xlsx") || !strcasecmp(dot, ".xls") || !strcasecmp(dot, ".ods")))
		return 1;
	return (len >= 4 && !memcmp(buf, "PK\x03\x04", 4)) ||
	       (len >= 4 && !memcmp(buf, "\xD0\xCF\x11\xE0", 4));
}

/* path/file if it exists as a regular file, else NULL. */
static char *file_in(const char *dir, const char *file)
{
	cm_strbuf b = { 0 };
	struct stat st;

	if (cm_strbuf_printf(&b, "%s%s%s", dir,
	                     dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/", file) < 0)
		return NULL;
	if (stat(b.s, &st) < 0 || !S_ISREG(st.st_mode)) {
		cm_strbuf_free(&b);
		return NULL;
	}
	return b.s;
}

/*
 * The first of names (NULL-terminated) that is a file in dir, freshly
 * allocated; NULL when none is.  A folder's tables go by their English
 * names or by the French ones a spreadsheet user gives them (liens.csv,
 * acteurs.csv, evenements.csv), documented in docs/input.md.
 */
static char *first_file_in(const char *dir, const char *const *names)
{
	char *found = NULL;

	for (; *names && !found; names++)
		found = file_in(dir, *names);
	return found;
}

static const char *const edges_names[] = { "edges.csv", "edges.tsv", "liens.csv", "liens.tsv", NULL };
static const char *const nodes_names[] = { "nodes.csv", "nodes.tsv", "acteurs.csv", "acteurs.tsv", NULL };
static const char *const participations_names[] = { "participations.csv", "participations.tsv", NULL };
static const char *const events_names[] = { "events.csv", "events.tsv", "evenements.csv", "evenements.tsv",
	                                    "\xc3\xa9v\xc3\xa9nements.csv", "\xc3\xa9v\xc3\xa9nements.tsv", NULL };

/* Whether the last load found what `coopmap check` lists. */
static int found_problems;

/* See coopmap/load.h. */
int cm_load_found_problems(void)
{
	return found_problems;
}

/*
 * Hand a raw graph to the check (raw) with its actors named, or run the
 * tie pipeline on it (out).  *g is taken over in every case.
 */
static int finish(cm_network **out, cm_raw_input *raw, igraph_t *g, const char *name,
                  const cm_load_options *opts)
{
	int rc;

	if (!raw)
		/* NetworkX's two-mode convention (and two-mode Pajek files): projected */
		return cm_twomode_is_bipartite(g) ? cm_load_twomode_graph(out, g, name, opts)
		                                  : cm_network_finish(out, g, name, &opts->filter, opts->directed);
	if ((rc = cm_raw_map_names(g, name)) < 0) {
		igraph_destroy(g);
		return rc;
	}
	raw->graph = *g;
	raw->has_graph = 1;
	return (raw->name = cm_strdup(name)) ? 0 : CM_ENOMEM;
}

/* For coopmap check: a CSV input is read again table by table, so only its paths are kept. */
static int raw_csv(cm_raw_input *raw, const char *path, const char *name, const char *nodes_path,
                   const char *events_path, int two_mode)
{
	raw->csv = 1;
	raw->two_mode = two_mode || events_path;
	if (!(raw->edges_path = cm_strdup(path)) || !(raw->name = cm_strdup(name)) ||
	    (nodes_path && !(raw->nodes_path = cm_strdup(nodes_path))) ||
	    (events_path && !(raw->events_path = cm_strdup(events_path))))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	return 0;
}

/*
 * Load a network (out), or when raw is given find the input's format and
 * read a non-CSV one without the pipeline (CSV: only its paths).
 */
static int load(cm_network **out, cm_raw_input *raw, const char *input, const cm_load_options *opts)
{
	static const cm_load_options defaults;
	cm_input_format format;
	char *edges_path = NULL, *nodes_found = NULL, *events_found = NULL, *buf = NULL;
	const char *events_path = opts ? opts->events_path : NULL;
	int two_mode = opts && opts->two_mode;
	const char *path = input, *name = input, *nodes_path;
	size_t len = 0;
	struct stat st;
	int rc = 0, is_stdin;

	*out = NULL;
	found_problems = 0;
	cm_filter_take_problems();
	if (!opts)
		opts = &defaults;
	if (!input || !input[0])
		return cm_error_set(CM_EUSAGE, _("no input given"));
	is_stdin = !strcmp(input, "-");
	nodes_path = opts->nodes_path;
	format = opts->format;
	if (is_stdin) {
		name = "<stdin>";
	} else if (stat(input, &st) == 0 && S_ISDIR(st.st_mode)) {
		/* a folder: edges.csv (or edges.tsv) and maybe nodes.csv */
		if (format != CM_INPUT_AUTO && format != CM_INPUT_CSV) {
			rc = cm_error_set(CM_EUSAGE, _("'%s' is a folder: only CSV folders can be read"), input);
			goto done;
		}
		edges_path = first_file_in(input, edges_names);
		/* two-mode: a participation table (and maybe events.csv) instead of edges */
		if (!edges_path && (edges_path = first_file_in(input, participations_names))) {
			two_mode = 1;
			if (!events_path)
				events_path = events_found = first_file_in(input, events_names);
		}
		if (!edges_path) {
			rc = cm_error_set(CM_EIO, _("no edges.csv or liens.csv in folder '%s' (nor participations.csv, for two-mode data)"), input);
			goto done;
		}
		if (!nodes_path)
			nodes_path = nodes_found = first_file_in(input, nodes_names);
		path = name = edges_path;
		format = CM_INPUT_CSV;
	}
	if (format == CM_INPUT_AUTO)
		format = is_stdin ? CM_INPUT_CSV : format_from_extension(path);
	if (format == CM_INPUT_DOT) {
		igraph_t g;

		if (nodes_path) {
			rc = cm_error_set(CM_EUSAGE, _("--nodes works with CSV edge lists only"));
			goto done;
		}
		if (opts->columns && opts->columns[0]) {
			rc = cm_error_set(CM_EUSAGE, _("--columns works with CSV tables only"));
			goto done;
		}
		if ((rc = cm_gv_read_dot(&g, path)) < 0)
			goto done;
		/* Graphviz passes bytes through: a Latin-1 DOT file must not slip in */
		if ((rc = cm_network_check_text(&g, name)) < 0) {
			igraph_destroy(&g);
			goto done;
		}
		rc = finish(out, raw, &g, name, opts);
		goto done;
	}
	if (raw && format == CM_INPUT_CSV) {
		rc = raw_csv(raw, is_stdin ? "-" : path, name, nodes_path, events_path, two_mode);
		goto done;
	}
	if (!raw && !is_stdin) {
		size_t total = 0;

		if (stat(path, &st) == 0)
			total += (size_t)st.st_size;
		if (nodes_path && stat(nodes_path, &st) == 0)
			total += (size_t)st.st_size;
		cm_heap_prepare(total);
	}
	if ((rc = cm_read_file(&buf, &len, path)) < 0)
		goto done;
	if (is_spreadsheet(path, buf, len)) {
		rc = cm_error_set(CM_EINPUT, _("%s: a spreadsheet file: save the sheet as CSV (UTF-8) "
		                  "and load the .csv"), name);
		goto done;
	}
	if (format == CM_INPUT_AUTO)
		format = format_from_content(buf, len);
	if (raw && format == CM_INPUT_CSV && !is_stdin) {
		/* CSV known from its content only (no extension): check reads the tables itself */
		rc = raw_csv(raw, path, name, nodes_path, events_path, two_mode);
		goto done;
	}
	/* a GEXF file named .xml or .graphml is still GEXF (igraph's GraphML reader would say "Graph index was too large") */
	if (format == CM_INPUT_GRAPHML && !opts->format && format_from_content(buf, len) == CM_INPUT_GEXF)
		format = CM_INPUT_GEXF;
	if (format == CM_INPUT_DOT) {
		rc = cm_error_set(CM_EUSAGE, _("%s looks like DOT: use the .dot or .gv extension"), name);
		goto done;
	}
	if (format != CM_INPUT_CSV && opts->columns && opts->columns[0]) {
		rc = cm_error_set(CM_EUSAGE, _("--columns works with CSV tables only"));
		goto done;
	}
	if (format != CM_INPUT_CSV && nodes_path) {
		rc = cm_error_set(CM_EUSAGE, _("--nodes works with CSV edge lists only"));
		goto done;
	}
	if ((two_mode || events_path) && format != CM_INPUT_CSV) {
		rc = cm_error_set(CM_EUSAGE, _("--two-mode reads a CSV participation table; %s is read as two-mode "
		                  "when its vertices carry a 'bipartite' attribute"), name);
		goto done;
	}
	if (format == CM_INPUT_GEXF) {
		igraph_t g;

		if ((rc = cm_gexf_read(&g, buf, len, name)) == 0)
			rc = finish(out, raw, &g, name, opts);
		free(buf);
	} else if (format == CM_INPUT_CSV && (two_mode || events_path)) {
		const char *dot = strrchr(path, '.');

		rc = cm_load_twomode_csv(out, buf, len, name, dot && !strcasecmp(dot, ".tsv") ? '\t' : ',',
		                         events_path, nodes_path, opts);
		found_problems = cm_filter_take_problems() && rc == 0 && !is_stdin;
	} else if (format == CM_INPUT_CSV) {
		const char *dot = strrchr(path, '.');

		rc = cm_load_csv_table(out, buf, len, name, dot && !strcasecmp(dot, ".tsv") ? '\t' : ',',
		                       nodes_path, opts);
	} else {
		igraph_t g;

		if ((rc = cm_read_igraph_format(&g, buf, len, name, format)) == 0)
			rc = finish(out, raw, &g, name, opts);
	}
	buf = NULL;
	if (rc == 0 && is_stdin && !raw) {
		free((*out)->source);
		(*out)->source = cm_strdup("-");
		if (!(*out)->source) {
			cm_network_free(*out);
			*out = NULL;
			rc = CM_ENOMEM;
		}
	}
done:
	/* what the pipeline noted (every format), and spellings check lists (small networks only) */
	if (!raw && rc == 0 && *out) {
		int spell = cm_check_spellings(*out);

		found_problems = cm_filter_take_problems() || spell > 0;
	}
	free(buf);
	free(edges_path);
	free(nodes_found);
	free(events_found);
	return rc;
}

/* Load a network from a file, a folder or standard input; see coopmap/load.h. */
int cm_network_load(cm_network **out, const char *input, const cm_load_options *opts)
{
	return load(out, NULL, input, opts);
}

/* Read an input for the check; see load/raw_input.h. */
int cm_load_raw(cm_raw_input *out, const char *input, const cm_load_options *opts)
{
	cm_network *unused = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = load(&unused, out, input, opts)) < 0)
		cm_raw_input_free(out);
	return rc;
}

/* Free what cm_load_raw() gave (a zeroed one is fine). */
void cm_raw_input_free(cm_raw_input *r)
{
	if (r->has_graph)
		igraph_destroy(&r->graph);
	free(r->edges_path);
	free(r->nodes_path);
	free(r->events_path);
	free(r->name);
	memset(r, 0, sizeof(*r));
}
