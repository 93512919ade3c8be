/* coopmap report: the offline HTML report, one self-contained file (coopmap/report.h). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coopmap/brokers.h"
#include "coopmap/clubs.h"
#include "coopmap/diff.h"
#include "coopmap/isolated.h"
#include "coopmap/metrics.h"
#include "coopmap/output.h"
#include "coopmap/render.h"
#include "coopmap/report.h"
#include "coopmap/suggest.h"
#include "coopmap/summary.h"
#include "coopmap/table.h"
#include "coopmap/text.h"
#include "base/file.h"
#include "base/i18n.h"
#include "base/strbuf.h"
#include "html.h"
#include "report_assets.h"

/* Rows of the brokers and change tables: the report stays short (the CSV commands give them all). */
#define REPORT_TOP 20

/* Everything computed once and used by several sections. */
struct report {
	FILE *f;
	const cm_network *net;
	const cm_report_options *o;
	const char *type;        /* focus type */
	int comma;               /* decimal comma (French) */
	cm_summary summary;
	int have_summary;
	cm_table *metrics;       /* degree, betweenness, pagerank: one row per vertex */
	int *level;              /* isolation level per vertex (-1: not of the focus type) */
	cm_table *isolated;      /* NULL when no actor has the focus type */
	cm_table *suggest;
	cm_table *timeline;
	igraph_integer_t undated;
	char *map;               /* the map's <svg> element */
	size_t map_len;
	char *map_error;         /* why there is no map */
	int *years;              /* distinct tie years, ascending */
	size_t n_years;
	igraph_integer_t focus_count;
};

/* A column of a result table shown in the report: its name in the table and its header. */
struct col {
	const char *name;
	const char *header;      /* translated */
	int num;
	int decimals;
	int status;              /* a comparison's status, translated */
};

/* Write a number cell's text. */
static void put_number(struct report *r, double x, int decimals)
{
	char buf[64];

	rh_real(buf, sizeof(buf), x, decimals, r->comma);
	fputs(buf, r->f);
}

/* The <th> row of a sortable table, and a last text column `extra` when not NULL. */
static void table_head(struct report *r, const struct col *cols, size_t n, const char *extra)
{
	fputs("<table class=\"sortable\"><thead><tr>", r->f);
	for (size_t i = 0; i < n; i++) {
		fputs(cols[i].num ? "<th class=\"num\">" : "<th>", r->f);
		rh_text(r->f, cols[i].header);
		fputs("</th>", r->f);
	}
	if (extra) {
		fputs("<th>", r->f);
		rh_text(r->f, extra);
		fputs("</th>", r->f);
	}
	fputs("</tr></thead><tbody>\n", r->f);
}

/* An actor's status in a comparison (coopmap diff's kept, joined, left), in words of the language. */
static const char *status_text(const char *status)
{
	if (!strcmp(status, "kept"))
		return _("kept");
	if (!strcmp(status, "joined"))
		return _("joined");
	if (!strcmp(status, "left"))
		return _("left");
	return status;
}

/* One cell of a result table: numbers carry their exact value in data-v for sorting. */
static void table_cell(struct report *r, const cm_table *t, size_t row, const struct col *c)
{
	int col = cm_table_column(t, c->name);

	if (col < 0) {
		fputs("<td></td>", r->f);
		return;
	}
	if (c->num) {
		double x = cm_table_get_number(t, row, (size_t)col);
		char exact[40];

		cm_format_number(exact, sizeof(exact), x);
		fprintf(r->f, "<td class=\"num\" data-v=\"%s\">", exact);
		put_number(r, x, c->decimals);
		fputs("</td>", r->f);
		return;
	}
	fputs("<td>", r->f);
	rh_text(r->f, c->status ? status_text(cm_table_get_string(t, row, (size_t)col))
	                        : cm_table_get_string(t, row, (size_t)col));
	fputs("</td>", r->f);
}

/* A paragraph of translated text, escaped. */
static void para(struct report *r, const char *cls, const char *text)
{
	fprintf(r->f, "<p%s%s%s>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
	rh_text(r->f, text);
	fputs("</p>\n", r->f);
}

/* The label of an actor id, or the id when it is not in the network. */
static const char *label_of(const cm_network *net, const char *id)
{
	igraph_integer_t v = cm_network_find(net, id);
	const char *l = v >= 0 ? cm_network_vattr(net, CM_ATTR_LABEL, v) : "";

	return *l ? l : id;
}

/* The distinct years of the ties, ascending. */
static int collect_years(struct report *r)
{
	igraph_integer_t m = cm_network_ties(r->net);
	int lo = 0, hi = 0, any = 0;

	for (igraph_integer_t e = 0; e < m; e++) {
		double y = EAN(&r->net->graph, CM_ATTR_YEAR, e);

		if (isnan(y))
			continue;
		if (!any || (int)y < lo)
			lo = (int)y;
		if (!any || (int)y > hi)
			hi = (int)y;
		any = 1;
	}
	if (!any)
		return 0;
	if (hi - lo > 500)
		lo = hi - 500;
	unsigned char *seen = calloc((size_t)(hi - lo + 1), 1);
	if (!seen)
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	for (igraph_integer_t e = 0; e < m; e++) {
		double y = EAN(&r->net->graph, CM_ATTR_YEAR, e);

		if (!isnan(y) && (int)y >= lo)
			seen[(int)y - lo] = 1;
	}
	if (!(r->years = malloc(sizeof(int) * (size_t)(hi - lo + 1)))) {
		free(seen);
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	}
	for (int y = lo; y <= hi; y++)
		if (seen[y - lo])
			r->years[r->n_years++] = y;
	free(seen);
	return 0;
}

/* A notice handler that drops notices (the timeline's loads repeat what loading said). */
static void quiet_notice(void *ctx, const char *message)
{
	(void)ctx;
	(void)message;
}

/*
 * Draw the map with cm_render() into a private temporary folder and keep
 * its <svg> element.  A map that cannot be drawn is said in the report,
 * not fatal: the tables still hold the findings.
 */
static int draw_map(struct report *r)
{
	const char *tmp = getenv("TMPDIR");
	char dir[4096], path[4200];
	cm_render_options ro = { 0 };
	char *svg = NULL, *start;
	size_t len = 0;
	int rc;

	snprintf(dir, sizeof(dir), "%s/coopmap-report-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return cm_error_set(CM_EIO, _("cannot make a temporary folder for the map in %s: %s"),
		                    tmp && *tmp ? tmp : "/tmp", strerror(errno));
	snprintf(path, sizeof(path), "%s/map.svg", dir);
	ro.format = "svg";
	ro.seed = r->o->seed;
	ro.focus_type = r->o->focus_type;
	ro.regions_path = r->o->regions_path;
	ro.title = r->o->title;
	rc = cm_render(r->net, path, &ro);
	if (rc == 0)
		rc = cm_read_file(&svg, &len, path);
	unlink(path);
	rmdir(dir);
	if (rc == CM_ENOMEM || rc == CM_EINTERRUPTED)
		return rc;
	if (rc < 0) {
		r->map_error = strdup(cm_error_message());
		cm_error_clear();
		return r->map_error ? 0 : cm_error_set(CM_ENOMEM, _("out of memory"));
	}
	/* the XML prolog, doctype and comments have no place inside HTML */
	if (!(start = strstr(svg, "<svg"))) {
		free(svg);
		r->map_error = strdup("no <svg> element in the map");
		return r->map_error ? 0 : cm_error_set(CM_ENOMEM, _("out of memory"));
	}
	r->map_len = len - (size_t)(start - svg);
	memmove(svg, start, r->map_len + 1);
	r->map = svg;
	return 0;
}

/* Compute what the sections show. */
static int compute(struct report *r)
{
	const cm_report_options *o = r->o;
	cm_metrics_options mo = { 0 };
	unsigned long seed = o->seed ? o->seed : CM_DEFAULT_SEED;
	igraph_integer_t n = cm_network_actors(r->net);
	int rc;

	if ((rc = cm_summary_compute(&r->summary, r->net, seed)) < 0)
		return rc;
	r->have_summary = 1;
	mo.metrics = CM_M_DEGREE | CM_M_BETWEENNESS | CM_M_PAGERANK;
	mo.seed = seed;
	if ((rc = cm_metrics_compute(&r->metrics, r->net, &mo)) < 0)
		return rc;
	for (igraph_integer_t v = 0; v < n; v++)
		if (!strcmp(cm_network_vattr(r->net, CM_ATTR_TYPE, v), r->type))
			r->focus_count++;
	if (r->focus_count > 0) {
		cm_suggest_options so;

		if ((rc = cm_isolated_levels(&r->level, r->net, r->type, 0)) < 0 ||
		    (rc = cm_isolated_compute(&r->isolated, r->net, r->type, 0)) < 0)
			return rc;
		cm_suggest_options_default(&so);
		so.type = r->type;
		so.top = 3;
		so.regions = o->regions;
		if ((rc = cm_suggest_compute(&r->suggest, r->net, &so)) < 0)
			return rc;
	}
	if ((rc = collect_years(r)) < 0)
		return rc;
	if (r->n_years > 0 && o->input && strcmp(o->input, "-")) {
		cm_load_options lo = { 0 };
		cm_notice_fn fn;
		void *ctx;

		if (o->load)
			lo = *o->load;
		cm_notice_get_handler(&fn, &ctx);
		cm_notice_set_handler(quiet_notice, NULL);
		rc = cm_timeline_compute(&r->timeline, &r->undated, o->input, &lo, 0, 0, r->type);
		cm_notice_set_handler(fn, ctx);
		if (rc < 0)
			return rc;
	}
	return draw_map(r);
}

/* The page's head: CSP, styles, title. */
static void write_head(struct report *r, const char *title)
{
	FILE *f = r->f;

	fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
	        r->o->lang && !strcmp(r->o->lang, "fr") ? "fr" : "en");
	/*
	 * No request of any kind: everything is in the file.  The two scripts
	 * are allowed by their hashes (computed at build time), so that no
	 * script a label could smuggle in would run; styles may be inline
	 * (Graphviz's SVG and the pan/zoom library set style attributes), and
	 * with no source allowed a style cannot fetch anything either.
	 */
	fputs("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	      "script-src '" cm_report_lib_js_SHA256 "' '" cm_report_js_SHA256 "'; "
	      "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n", f);
	fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n", f);
	fprintf(f, "<meta name=\"generator\" content=\"coopmap %s\">\n<title>", COOPMAP_VERSION);
	rh_text(f, title);
	fputs("</title>\n<style>\n", f);
	fputs(cm_report_css, f);
	fputs("</style>\n</head>\n", f);
}

/* Section 1: what was analysed, and what loading repaired or left out. */
static void section_input(struct report *r)
{
	FILE *f = r->f;
	const cm_report_options *o = r->o;

	fprintf(f, "<section id=\"s-input\"><h2>1. ");
	rh_text(f, _("What was analysed"));
	fputs("</h2>\n<dl class=\"inputs\"><dt>", f);
	rh_text(f, _("Input"));
	fputs("</dt><dd><code>", f);
	rh_text(f, o->input ? o->input : r->net->source);
	fputs("</code></dd>", f);
	if (o->regions_path) {
		fputs("<dt>", f);
		rh_text(f, _("Region adjacency"));
		fputs("</dt><dd><code>", f);
		rh_text(f, o->regions_path);
		fputs("</code></dd>", f);
	}
	fputs("<dt>", f);
	rh_text(f, _("Filters"));
	fputs("</dt><dd>", f);
	rh_text(f, o->filters && *o->filters ? o->filters : _("none: every tie of the input"));
	fputs("</dd></dl>\n", f);
	fputs("<p>", f);
	rh_textf(f, _("After loading, the network has %ld actors and %ld ties."),
	         (long)cm_network_actors(r->net), (long)cm_network_ties(r->net));
	fputs("</p>\n", f);
	if (o->n_notices == 0) {
		para(r, NULL, _("Loading repaired, merged and left out nothing."));
	} else {
		para(r, NULL, _("While loading, coopmap repaired, merged or left out the following; the "
		                "figures below are those of the network after these steps:"));
		fputs("<ul class=\"notices\">\n", f);
		for (size_t i = 0; i < o->n_notices; i++) {
			fputs("<li>", f);
			rh_text(f, o->notices[i]);
			fputs("</li>\n", f);
		}
		fputs("</ul>\n", f);
	}
	fputs("</section>\n", f);
}

/* One boxed figure of section 2. */
static void figure(struct report *r, const char *value, const char *what)
{
	fputs("<div class=\"figure\"><b>", r->f);
	rh_text(r->f, value);
	fputs("</b><span>", r->f);
	rh_text(r->f, what);
	fputs("</span></div>", r->f);
}

/* A count table (types or regions) of section 2. */
static void count_table(struct report *r, const char *what, const cm_count *c, size_t n)
{
	fputs("<table class=\"sortable counts\"><thead><tr><th>", r->f);
	rh_text(r->f, what);
	fputs("</th><th class=\"num\">", r->f);
	rh_text(r->f, _("actors"));
	fputs("</th></tr></thead><tbody>\n", r->f);
	for (size_t i = 0; i < n; i++) {
		fputs("<tr><td>", r->f);
		rh_text(r->f, *c[i].value ? c[i].value : _("(unknown)"));
		fprintf(r->f, "</td><td class=\"num\" data-v=\"%ld\">%ld</td></tr>\n", (long)c[i].count, (long)c[i].count);
	}
	fputs("</tbody></table>\n", r->f);
}

/* Section 2: key figures, in sentences and in numbers. */
static void section_figures(struct report *r)
{
	FILE *f = r->f;
	const cm_summary *s = &r->summary;
	char buf[64], num[64];
	long isolated2 = 0;
	igraph_integer_t n = cm_network_actors(r->net);

	for (igraph_integer_t v = 0; r->level && v < n; v++)
		if (r->level[v] >= 2)
			isolated2++;
	fputs("<section id=\"s-figures\"><h2>2. ", f);
	rh_text(f, _("Key figures"));
	fputs("</h2>\n<div class=\"figures\">", f);
	snprintf(buf, sizeof(buf), "%ld", (long)s->nodes);
	figure(r, buf, _("actors"));
	snprintf(buf, sizeof(buf), "%ld", (long)s->edges);
	figure(r, buf, _("ties"));
	if (r->focus_count > 0) {
		snprintf(buf, sizeof(buf), "%ld", (long)r->focus_count);
		figure(r, buf, r->type);
		snprintf(buf, sizeof(buf), "%ld", isolated2);
		figure(r, buf, _("without a peer within two steps"));
	}
	snprintf(buf, sizeof(buf), "%ld", (long)s->components);
	figure(r, buf, _("separate parts"));
	rh_real(buf, sizeof(buf), s->density, 4, r->comma);
	figure(r, buf, _("density"));
	fputs("</div>\n<p>", f);
	rh_textf(f, dngettext(CM_TEXTDOMAIN, "The network links %ld actor through %ld ties.",
	                      "The network links %ld actors through %ld ties.", (unsigned long)s->nodes),
	         (long)s->nodes, (long)s->edges);
	fputs(" ", f);
	if (s->nodes > 0 && s->components == 1)
		rh_text(f, _("Every actor can reach every other through the ties."));
	else if (s->nodes > 0)
		rh_textf(f, _("It falls into %ld separate parts; the largest holds %ld actors."),
		         (long)s->components, (long)s->largest_component);
	if (s->isolated > 0) {
		fputs(" ", f);
		rh_textf(f, dngettext(CM_TEXTDOMAIN, "%ld actor has no tie at all.", "%ld actors have no tie at all.",
		                      (unsigned long)s->isolated), (long)s->isolated);
	}
	fputs("</p>\n", f);
	if (s->two_mode) {
		/* the ties are a projection: say from what */
		fputs("<p>", f);
		rh_textf(f, _("The input says who took part in which event: %ld events, %ld participations. Two "
		              "actors are tied when they took part in at least one event together."),
		         (long)s->events, (long)s->participations);
		if (s->actors_alone > 0) {
			fputs(" ", f);
			rh_textf(f, dngettext(CM_TEXTDOMAIN, "%ld actor was alone at every event it attended.",
			                      "%ld actors were alone at every event they attended.",
			                      (unsigned long)s->actors_alone), (long)s->actors_alone);
		}
		fputs("</p>\n", f);
	}
	if (r->focus_count > 0) {
		fputs("<p>", f);
		rh_textf(f, _("Of the %ld actors of type \"%s\", %ld have no peer of their type within two steps "
		              "(isolation level 2 or 3, section 4)."), (long)r->focus_count, r->type, isolated2);
		fputs("</p>\n", f);
	} else {
		para(r, NULL, _("No actor has the focus type: the isolation, suggestion and club sections are empty."));
	}
	if (s->edges > 0) {
		rh_real(num, sizeof(num), s->modularity, 2, r->comma);
		fputs("<p>", f);
		rh_textf(f, _("Grouping actors that work more with each other than with the rest gives %ld "
		              "communities (modularity %s: above 0.3, the groups are marked)."),
		         (long)s->communities, num);
		if (s->articulation_points > 0) {
			fputs(" ", f);
			rh_textf(f, _("%ld actors hold the network together: without any one of them, part of it "
			              "would be cut off."), (long)s->articulation_points);
		}
		fputs("</p>\n", f);
	}
	fputs("<div class=\"mapbox\"><div>", f);
	count_table(r, _("type"), s->types, s->n_types);
	fputs("</div><div>", f);
	count_table(r, _("region"), s->regions, s->n_regions);
	fputs("</div></div>\n</section>\n", f);
}

/* Section 3: the map, its controls and the actor card. */
static void section_map(struct report *r)
{
	FILE *f = r->f;

	fputs("<section id=\"s-map\"><h2>3. ", f);
	rh_text(f, _("The map"));
	fputs("</h2>\n", f);
	if (!r->map) {
		fputs("<p class=\"note\">", f);
		rh_textf(f, _("The map could not be drawn: %s."), r->map_error ? r->map_error : "");
		fputs("</p></section>\n", f);
		return;
	}
	fputs("<div class=\"controls\"><label for=\"search\">", f);
	rh_text(f, _("Find an actor"));
	fputs("</label><input id=\"search\" type=\"search\" list=\"actor-list\" autocomplete=\"off\" placeholder=\"", f);
	rh_text(f, _("name or id"));
	fputs("\"><datalist id=\"actor-list\"></datalist><span id=\"search-status\" class=\"note\"></span>\n", f);
	fputs("<label for=\"f-type\">", f);
	rh_text(f, _("Type"));
	fputs("</label><select id=\"f-type\"><option value=\"\">", f);
	rh_text(f, _("all"));
	fputs("</option></select><label for=\"f-region\">", f);
	rh_text(f, _("Region"));
	fputs("</label><select id=\"f-region\"><option value=\"\">", f);
	rh_text(f, _("all"));
	fputs("</option></select>", f);
	if (r->n_years > 0) {
		fputs("<label for=\"f-year\">", f);
		rh_text(f, _("At the end of"));
		fputs("</label><select id=\"f-year\"><option value=\"\">", f);
		rh_text(f, _("every year"));
		fputs("</option></select>", f);
	}
	fputs("<button id=\"reset\" type=\"button\">", f);
	rh_text(f, _("Reset"));
	fputs("</button><span id=\"filter-status\" class=\"note\"></span></div>\n", f);
	fputs("<div class=\"mapbox\"><div class=\"mapwrap\" id=\"map\">\n", f);
	fwrite(r->map, 1, r->map_len, f);
	fputs("</div>\n<aside class=\"card\" id=\"card\" aria-live=\"polite\">", f);
	rh_text(f, _("Click an actor on the map, or a row of a table, to see its partners and its card."));
	fputs("</aside></div>\n<p class=\"note\">", f);
	rh_text(f, _("Drag to pan, scroll or use the buttons to zoom. The size of a node is its PageRank, the "
	             "width of a tie its weight; cités at isolation level 2 or 3 are ringed in red. The legend "
	             "and captions on the map are those of coopmap render."));
	fputs("</p>\n</section>\n", f);
}

/* The suggestions for one actor: "label (reasons)", separated by line breaks. */
static void suggestions_of(struct report *r, const char *id)
{
	int ca, cl, cr;
	int first = 1;

	if (!r->suggest)
		return;
	ca = cm_table_column(r->suggest, "actor");
	cl = cm_table_column(r->suggest, "candidate_label");
	cr = cm_table_column(r->suggest, "reasons");
	if (ca < 0 || cl < 0 || cr < 0)
		return;
	for (size_t i = 0; i < cm_table_nrows(r->suggest); i++) {
		if (strcmp(cm_table_get_string(r->suggest, i, (size_t)ca), id))
			continue;
		if (!first)
			fputs("<br>", r->f);
		first = 0;
		fputs("<b>", r->f);
		rh_text(r->f, cm_table_get_string(r->suggest, i, (size_t)cl));
		fputs("</b>: ", r->f);
		rh_text(r->f, cm_table_get_string(r->suggest, i, (size_t)cr));
	}
}

/* Section 4: isolated actors of the focus type, most isolated first, and whom each could meet. */
static void section_isolated(struct report *r)
{
	FILE *f = r->f;
	const struct col cols[] = {
		{ "label", _("actor"), 0, 0, 0 },
		{ "region", _("region"), 0, 0, 0 },
		{ "level", _("level"), 1, 0, 0 },
		{ "degree", _("partners"), 1, 0, 0 },
		{ "peers_2_steps", _("peers within two steps"), 1, 0, 0 },
		{ "reasons", _("why"), 0, 0, 0 },
	};
	size_t shown = 0, ncols = sizeof(cols) / sizeof(*cols), at[4] = { 0 };
	int cid, clevel;

	fputs("<section id=\"s-isolated\"><h2>4. ", f);
	rh_text(f, _("Isolated actors"));
	fputs("</h2>\n", f);
	if (!r->isolated) {
		para(r, "note", _("No actor has the focus type."));
		fputs("</section>\n", f);
		return;
	}
	cid = cm_table_column(r->isolated, "id");
	clevel = cm_table_column(r->isolated, "level");
	for (size_t i = 0; i < cm_table_nrows(r->isolated); i++) {
		double level = cm_table_get_number(r->isolated, i, (size_t)clevel);

		if (level >= 1 && level <= 3) {
			shown++;
			at[(int)level]++;
		}
	}
	if (shown == 0) {
		para(r, NULL, _("No actor of the focus type is isolated at any level."));
		fputs("</section>\n", f);
		return;
	}
	fputs("<p>", f);
	rh_textf(f, _("%zu actors of type \"%s\" are isolated at some level: %zu at level 3 (no tie at all), "
	              "%zu at level 2 (no peer of their type within two steps), %zu at level 1 (a region below "
	              "the critical mass, or ties only inside their own region). The last column gives whom "
	              "each could meet first, and why."),
	         shown, r->type, at[3], at[2], at[1]);
	fputs("</p>\n", f);
	table_head(r, cols, ncols, r->suggest ? _("could meet first") : NULL);
	for (size_t i = 0; i < cm_table_nrows(r->isolated); i++) {
		double level = cm_table_get_number(r->isolated, i, (size_t)clevel);
		const char *id = cm_table_get_string(r->isolated, i, (size_t)cid);

		if (level < 1)
			continue;
		fprintf(f, "<tr class=\"level%d\" data-actor=\"", (int)level);
		rh_text(f, id);
		fputs("\">", f);
		for (size_t c = 0; c < ncols; c++)
			table_cell(r, r->isolated, i, &cols[c]);
		if (r->suggest) {
			fputs("<td>", f);
			suggestions_of(r, id);
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody></table>\n</section>\n", f);
}

/* Section 5: interregional clubs of sparse regions. */
static int section_clubs(struct report *r)
{
	FILE *f = r->f;
	cm_clubs clubs = { 0 };
	int rc;

	fputs("<section id=\"s-clubs\"><h2>5. ", f);
	rh_text(f, _("Interregional clubs"));
	fputs("</h2>\n", f);
	if (!r->o->regions) {
		para(r, "note", _("Give the region adjacency (--regions FILE, e.g. graphs/regions-fr.csv) to "
		                  "propose clubs of sparse regions."));
		fputs("</section>\n", f);
		return 0;
	}
	if (r->focus_count == 0) {
		para(r, "note", _("No actor has the focus type."));
		fputs("</section>\n", f);
		return 0;
	}
	if ((rc = cm_clubs_compute(&clubs, r->net, r->o->regions, r->type, 0)) < 0)
		return rc;
	fputs("<p>", f);
	rh_textf(f, _("A region with fewer than %d actors of type \"%s\" is below the critical mass; "
	              "neighbouring sparse regions are pooled into clubs that reach it where they can."),
	         clubs.min_size, r->type);
	fputs("</p>\n", f);
	if (clubs.n_clubs > 0) {
		fputs("<table class=\"sortable\"><thead><tr><th>", f);
		rh_text(f, _("club"));
		fputs("</th><th>", f);
		rh_text(f, _("regions"));
		fputs("</th><th class=\"num\">", f);
		rh_text(f, r->type);
		fputs("</th><th>", f);
		rh_text(f, _("reaches the critical mass"));
		fputs("</th><th>", f);
		rh_text(f, _("could join"));
		fputs("</th><th>", f);
		rh_text(f, _("members"));
		fputs("</th></tr></thead><tbody>\n", f);
		for (size_t i = 0; i < clubs.n_clubs; i++) {
			const cm_club *c = &clubs.clubs[i];

			fprintf(f, "<tr><td data-v=\"%zu\">", i + 1);
			rh_textf(f, _("Club %zu"), i + 1);
			fputs("</td><td>", f);
			for (size_t k = 0; k < c->n_regions; k++) {
				rh_text(f, k ? ", " : "");
				rh_text(f, c->regions[k]);
			}
			fprintf(f, "</td><td class=\"num\" data-v=\"%ld\">%ld</td><td>", (long)c->cites, (long)c->cites);
			if (c->reaches_min_size)
				rh_text(f, _("yes"));
			else
				rh_textf(f, _("no: %ld short"), (long)c->shortfall);
			fputs("</td><td>", f);
			for (size_t k = 0; k < c->n_could_join; k++) {
				rh_text(f, k ? ", " : "");
				rh_text(f, c->could_join[k]);
			}
			fputs("</td><td>", f);
			for (size_t k = 0; k < c->n_members; k++) {
				rh_text(f, k ? ", " : "");
				rh_text(f, label_of(r->net, c->members[k]));
			}
			fputs("</td></tr>\n", f);
		}
		fputs("</tbody></table>\n", f);
	} else {
		para(r, NULL, _("No region is below the critical mass."));
	}
	if (clubs.n_dense > 0) {
		fputs("<p>", f);
		rh_text(f, _("Regions at or above the critical mass:"));
		for (size_t k = 0; k < clubs.n_dense; k++) {
			fputs(k ? ", " : " ", f);
			rh_textf(f, "%s (%ld)", clubs.dense[k].region, (long)clubs.dense[k].cites);
		}
		fputs(".</p>\n", f);
	}
	if (clubs.no_region > 0) {
		fputs("<p class=\"note\">", f);
		rh_textf(f, _("%ld actors of the focus type have no region and are left out of the clubs."),
		         (long)clubs.no_region);
		fputs("</p>\n", f);
	}
	cm_clubs_free(&clubs);
	fputs("</section>\n", f);
	return 0;
}

/* Section 6: brokers between regions. */
static int section_brokers(struct report *r)
{
	FILE *f = r->f;
	cm_brokers b = { 0 };
	const struct col cols[] = {
		{ "label", _("actor"), 0, 0, 0 },
		{ "type", _("type"), 0, 0, 0 },
		{ "region", _("region"), 0, 0, 0 },
		{ "total", _("brokerage"), 1, 0, 0 },
		{ "coordinator", _("coordinator"), 1, 0, 0 },
		{ "itinerant", _("itinerant"), 1, 0, 0 },
		{ "liaison", _("liaison"), 1, 0, 0 },
		{ "constraint", _("constraint"), 1, 3, 0 },
		{ "betweenness", _("betweenness"), 1, 1, 0 },
	};
	size_t ncols = sizeof(cols) / sizeof(*cols), rows;
	int rc, cid;

	fputs("<section id=\"s-brokers\"><h2>6. ", f);
	rh_text(f, _("Brokers between regions"));
	fputs("</h2>\n", f);
	{
		igraph_integer_t v, n = cm_network_actors(r->net);

		for (v = 0; v < n && !*cm_network_vattr(r->net, CM_ATTR_REGION, v); v++)
			;
		if (v == n) {
			/* no actor has a region: nothing to broker between */
			para(r, "note", _("No actor has a region: there are no groups to broker between."));
			fputs("</section>\n", f);
			return 0;
		}
	}
	if ((rc = cm_brokers_compute(&b, r->net, CM_ATTR_REGION)) < 0)
		return rc;
	rows = cm_table_nrows(b.actors);
	if (rows > REPORT_TOP)
		rows = REPORT_TOP;
	fputs("<p>", f);
	rh_textf(f, _("The %zu actors that most often stand on the path between two others "
	              "(Gould and Fernandez's brokerage roles, by region), most brokerage first."), rows);
	fputs("</p>\n", f);
	table_head(r, cols, ncols, NULL);
	cid = cm_table_column(b.actors, "id");
	for (size_t i = 0; i < rows; i++) {
		fputs("<tr data-actor=\"", f);
		rh_text(f, cm_table_get_string(b.actors, i, (size_t)cid));
		fputs("\">", f);
		for (size_t c = 0; c < ncols; c++)
			table_cell(r, b.actors, i, &cols[c]);
		fputs("</tr>\n", f);
	}
	fputs("</tbody></table>\n</section>\n", f);
	cm_brokers_free(&b);
	return 0;
}

/* The timeline chart: actors and ties at the end of each year, as inline SVG. */
static void timeline_chart(struct report *r)
{
	FILE *f = r->f;
	const cm_table *t = r->timeline;
	size_t n = cm_table_nrows(t);
	int cy = cm_table_column(t, "year"), ca = cm_table_column(t, "actors"), ct = cm_table_column(t, "ties");
	double max = 1;
	const double W = 600, H = 220, L = 50, B = 30, TOP = 15;

	if (n < 2 || cy < 0 || ca < 0 || ct < 0)
		return;
	for (size_t i = 0; i < n; i++) {
		double a = cm_table_get_number(t, i, (size_t)ca), e = cm_table_get_number(t, i, (size_t)ct);

		if (a > max)
			max = a;
		if (e > max)
			max = e;
	}
	fprintf(f, "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"", W, H);
	rh_text(f, _("actors and ties at the end of each year"));
	fprintf(f, "\"><line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#999\"/>", L, H - B, W - 10, H - B);
	fprintf(f, "<text x=\"5\" y=\"%.0f\">%.0f</text><text x=\"5\" y=\"%.0f\">0</text>", TOP + 4, max, H - B);
	for (int s = 0; s < 2; s++) {
		int col = s ? ct : ca;

		fprintf(f, "<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"%s\" points=\"", s ? "#d95f02" : "#1f5fa8");
		for (size_t i = 0; i < n; i++)
			fprintf(f, "%s%.1f,%.1f", i ? " " : "", L + (W - L - 20) * (double)i / (double)(n - 1),
			        H - B - (H - B - TOP) * cm_table_get_number(t, i, (size_t)col) / max);
		fputs("\"/>", f);
	}
	for (size_t i = 0; i < n; i++)
		fprintf(f, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">%.0f</text>",
		        L + (W - L - 20) * (double)i / (double)(n - 1), H - 10, cm_table_get_number(t, i, (size_t)cy));
	fprintf(f, "<rect x=\"%.0f\" y=\"4\" width=\"12\" height=\"4\" fill=\"#1f5fa8\"/><text x=\"%.0f\" y=\"10\">",
	        L + 10, L + 26);
	rh_text(f, _("actors"));
	fprintf(f, "</text><rect x=\"%.0f\" y=\"4\" width=\"12\" height=\"4\" fill=\"#d95f02\"/><text x=\"%.0f\" y=\"10\">",
	        L + 110, L + 126);
	rh_text(f, _("ties"));
	fputs("</text></svg>\n", f);
}

/* Section 7: change over time, year by year and actor by actor. */
static int section_change(struct report *r)
{
	FILE *f = r->f;
	const cm_report_options *o = r->o;
	const struct col tcols[] = {
		{ "year", _("year"), 1, 0, 0 },
		{ "actors", _("actors"), 1, 0, 0 },
		{ "ties", _("ties"), 1, 0, 0 },
		{ "components", _("separate parts"), 1, 0, 0 },
		{ "largest_component", _("largest part"), 1, 0, 0 },
		{ "isolated", _("isolated (level 2 or 3)"), 1, 0, 0 },
		{ "ties_new", _("new ties"), 1, 0, 0 },
		{ "ties_lost", _("ties ended"), 1, 0, 0 },
		{ "tie_jaccard", _("ties kept (Jaccard)"), 1, 2, 0 },
	};
	const struct col dcols[] = {
		{ "label", _("actor"), 0, 0, 0 },
		{ "status", _("status"), 0, 0, 1 },
		{ "degree_before", _("partners before"), 1, 0, 0 },
		{ "degree_after", _("partners after"), 1, 0, 0 },
		{ "partners_new", _("new partners"), 1, 0, 0 },
		{ "partners_lost", _("partners lost"), 1, 0, 0 },
		{ "betweenness_change", _("betweenness change"), 1, 1, 0 },
	};
	cm_diff d = { 0 };
	cm_diff_options dopt = { 0 };
	int rc, cid;

	fputs("<section id=\"s-change\"><h2>7. ", f);
	rh_text(f, _("Change over time"));
	fputs("</h2>\n", f);
	if (r->n_years == 0) {
		para(r, "note", _("No tie has a year: the network cannot be followed over time."));
		fputs("</section>\n", f);
		return 0;
	}
	if (r->timeline) {
		para(r, NULL, _("The network as it stood at the end of each year:"));
		timeline_chart(r);
		table_head(r, tcols, sizeof(tcols) / sizeof(*tcols), NULL);
		for (size_t i = 0; i < cm_table_nrows(r->timeline); i++) {
			fputs("<tr>", f);
			for (size_t c = 0; c < sizeof(tcols) / sizeof(*tcols); c++)
				table_cell(r, r->timeline, i, &tcols[c]);
			fputs("</tr>\n", f);
		}
		fputs("</tbody></table>\n", f);
		if (r->undated > 0) {
			fputs("<p class=\"note\">", f);
			rh_textf(f, _("%ld undated ties are in no year."), (long)r->undated);
			fputs("</p>\n", f);
		}
	} else {
		para(r, "note", _("The year-by-year figures need INPUT as a file (not standard input)."));
	}
	if (!o->before || !o->after) {
		fputs("</section>\n", f);
		return 0;
	}
	dopt.type = r->type;
	dopt.seed = o->seed;
	if ((rc = cm_diff_compute(&d, o->before, o->after, &dopt)) < 0)
		return rc;
	fputs("<h3>", f);
	rh_textf(f, _("From the end of %s to the end of %s"), o->before_name ? o->before_name : "",
	         o->after_name ? o->after_name : "");
	fputs("</h3>\n<p>", f);
	rh_textf(f, _("%ld actors joined and %ld left; %ld ties are new, %ld ended and %ld were kept."),
	         (long)d.network.actors_joined, (long)d.network.actors_left, (long)d.network.ties_new,
	         (long)d.network.ties_lost, (long)d.network.ties_kept);
	fputs(" ", f);
	rh_textf(f, _("The actors whose position changed most (the %d first):"), REPORT_TOP);
	fputs("</p>\n", f);
	table_head(r, dcols, sizeof(dcols) / sizeof(*dcols), NULL);
	cid = cm_table_column(d.actors, "id");
	for (size_t i = 0; i < cm_table_nrows(d.actors) && i < REPORT_TOP; i++) {
		fputs("<tr data-actor=\"", f);
		rh_text(f, cm_table_get_string(d.actors, i, (size_t)cid));
		fputs("\">", f);
		for (size_t c = 0; c < sizeof(dcols) / sizeof(*dcols); c++)
			table_cell(r, d.actors, i, &dcols[c]);
		fputs("</tr>\n", f);
	}
	fputs("</tbody></table>\n</section>\n", f);
	cm_diff_free(&d);
	return 0;
}

/* One definition of section 8. */
static void definition(struct report *r, const char *term, const char *text)
{
	fputs("<dt>", r->f);
	rh_text(r->f, term);
	fputs("</dt><dd>", r->f);
	rh_text(r->f, text);
	fputs("</dd>\n", r->f);
}

/* Section 8: definitions, and how to make the report again. */
static void section_method(struct report *r)
{
	FILE *f = r->f;

	fputs("<section id=\"s-method\"><h2>8. ", f);
	rh_text(f, _("Definitions and method"));
	fputs("</h2>\n<dl class=\"defs\">\n", f);
	if (r->summary.two_mode)
		definition(r, _("tie"), _("two actors that took part in at least one event together; its weight "
		                          "is chosen with --projection (by default, the number of shared events)."));
	else
		definition(r, _("tie"), _("two actors that work together, as the input lists them; repeated ties "
		                          "between the same two actors count once, their weights added."));
	definition(r, _("partners (degree)"), _("the number of actors an actor has a tie with."));
	definition(r, _("density"), _("the share of all possible ties that exist (0 to 1)."));
	definition(r, _("separate parts (components)"), _("groups of actors that can reach each other through "
	                                                  "ties; two parts have no tie between them."));
	definition(r, _("betweenness"), _("how often an actor lies on the shortest path between two others: "
	                                  "the actors the others go through."));
	definition(r, _("PageRank"), _("an actor's weight in the network, higher when its partners are "
	                               "themselves well connected; it sets the size of the nodes on the map."));
	definition(r, _("isolation level"), _("3: no tie at all; 2: no peer of the same type within two steps; "
	                                      "1: its region has fewer peers than the critical mass (10), or all "
	                                      "its ties stay inside its region; 0: none of these."));
	definition(r, _("critical mass and clubs"), _("a region needs 10 actors of the focus type to sustain "
	                                              "peer work; neighbouring regions below it can pool into an "
	                                              "interregional club."));
	definition(r, _("brokerage"), _("Gould and Fernandez's roles: the number of pairs of partners, not "
	                                "tied to each other, that an actor links, by the regions involved "
	                                "(coordinator: all in one region; itinerant: a broker from another "
	                                "region; liaison: three different regions)."));
	definition(r, _("constraint"), _("Burt's measure: high when an actor's partners are all tied to "
	                                 "each other, low when it bridges groups that are not."));
	definition(r, _("communities and modularity"), _("groups found by the Leiden method; the modularity, "
	                                                 "from -0.5 to 1, says how much more the ties stay "
	                                                 "inside the groups than chance would give."));
	definition(r, _("ties kept (Jaccard)"), _("ties present in both years over ties present in either."));
	fputs("</dl>\n<p>", f);
	rh_text(f, _("To make this report again, from the same files:"));
	fputs("</p>\n<pre><code>", f);
	rh_text(f, r->o->command_line ? r->o->command_line : "");
	fputs("</code></pre>\n<p class=\"note\">", f);
	rh_textf(f, _("coopmap %s, with igraph %s and Graphviz for the map (seed %lu). The pan and zoom of "
	              "the map use svg-pan-zoom 3.6.2 (BSD 2-clause licence, in this file's source)."),
	         COOPMAP_VERSION, IGRAPH_VERSION, r->o->seed ? r->o->seed : (unsigned long)CM_DEFAULT_SEED);
	fputs("</p>\n</section>\n", f);
}

/* A key and a JSON string value of the data's text object. */
static void json_text(FILE *f, const char *key, const char *value, int comma)
{
	fprintf(f, "%s\"%s\":", comma ? "," : "", key);
	cm_json_write_string(f, value);
}

/* A JSON number, or null for NaN. */
static void json_number(FILE *f, double x)
{
	char buf[40];

	if (isnan(x) || isinf(x)) {
		fputs("null", f);
		return;
	}
	cm_format_number(buf, sizeof(buf), x);
	fputs(buf, f);
}

/* A JSON array of the strings of a count list (types or regions), in name order of the list. */
static void json_values(FILE *f, const cm_count *c, size_t n)
{
	fputc('[', f);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(',', f);
		cm_json_write_string(f, c[i].value);
	}
	fputc(']', f);
}

/* The data of the page's script: texts, actors, ties, filter values. */
static void write_data(struct report *r)
{
	FILE *f = r->f;
	const igraph_t *g = &r->net->graph;
	igraph_integer_t n = cm_network_actors(r->net), m = cm_network_ties(r->net);
	int cdeg = cm_table_column(r->metrics, "degree"), cbet = cm_table_column(r->metrics, "betweenness");
	int cpr = cm_table_column(r->metrics, "pagerank");
	int crs = r->isolated ? cm_table_column(r->isolated, "reasons") : -1;
	int cid = r->isolated ? cm_table_column(r->isolated, "id") : -1;
	int has_end = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_END);
	char **reasons = NULL;

	/* type="application/json" is never run; its text is escaped so that it cannot end the element */
	fputs("<script type=\"application/json\" id=\"cm-data\">{", f);
	json_text(f, "lang", r->o->lang && !strcmp(r->o->lang, "fr") ? "fr" : "en", 0);
	fputs(",\"text\":{", f);
	json_text(f, "id", _("id"), 0);
	json_text(f, "type", _("type"), 1);
	json_text(f, "region", _("region"), 1);
	json_text(f, "partners", _("partners"), 1);
	json_text(f, "betweenness", _("betweenness"), 1);
	json_text(f, "pagerank", _("PageRank"), 1);
	json_text(f, "level", _("isolation level"), 1);
	json_text(f, "reasons", _("why"), 1);
	json_text(f, "partner_list", _("works with"), 1);
	json_text(f, "not_found", _("no actor of that name"), 1);
	json_text(f, "unknown", _("(unknown)"), 1);
	/* TRANSLATORS: keep {shown} and {total}: the page's script puts the numbers there */
	json_text(f, "shown", _("{shown} of {total} actors shown"), 1);
	json_text(f, "card_hint", _("Click an actor on the map, or a row of a table, to see its partners and its card."), 1);
	fputs(",\"levels\":[", f);
	cm_json_write_string(f, _("not isolated"));
	fputc(',', f);
	cm_json_write_string(f, _("sparse or inward-looking region"));
	fputc(',', f);
	cm_json_write_string(f, _("no peer within two steps"));
	fputc(',', f);
	cm_json_write_string(f, _("no tie at all"));
	fputs("]},\n\"actors\":[", f);
	if (r->isolated && crs >= 0 && cid >= 0 && n > 0 && (reasons = calloc((size_t)n, sizeof(char *)))) {
		for (size_t i = 0; i < cm_table_nrows(r->isolated); i++) {
			igraph_integer_t v = cm_network_find(r->net, cm_table_get_string(r->isolated, i, (size_t)cid));

			if (v >= 0)
				reasons[v] = (char *)cm_table_get_string(r->isolated, i, (size_t)crs);
		}
	}
	for (igraph_integer_t v = 0; v < n; v++) {
		fputs(v ? ",\n{" : "{", f);
		json_text(f, "id", cm_network_vattr(r->net, CM_ATTR_ID, v), 0);
		json_text(f, "label", cm_network_vattr(r->net, CM_ATTR_LABEL, v), 1);
		json_text(f, "type", cm_network_vattr(r->net, CM_ATTR_TYPE, v), 1);
		json_text(f, "region", cm_network_vattr(r->net, CM_ATTR_REGION, v), 1);
		fputs(",\"degree\":", f);
		json_number(f, cdeg >= 0 ? cm_table_get_number(r->metrics, (size_t)v, (size_t)cdeg) : NAN);
		fputs(",\"betweenness\":", f);
		json_number(f, cbet >= 0 ? cm_table_get_number(r->metrics, (size_t)v, (size_t)cbet) : NAN);
		fputs(",\"pagerank\":", f);
		json_number(f, cpr >= 0 ? cm_table_get_number(r->metrics, (size_t)v, (size_t)cpr) : NAN);
		fprintf(f, ",\"level\":%d", r->level ? r->level[v] : -1);
		json_text(f, "reasons", reasons && reasons[v] ? reasons[v] : "", 1);
		fputc('}', f);
	}
	free(reasons);
	fputs("],\n\"ties\":[", f);
	for (igraph_integer_t e = 0; e < m; e++) {
		fprintf(f, "%s[%ld,%ld,", e ? "," : "", (long)IGRAPH_FROM(g, e), (long)IGRAPH_TO(g, e));
		json_number(f, EAN(g, CM_ATTR_YEAR, e));
		fputc(',', f);
		json_number(f, has_end ? EAN(g, CM_ATTR_END, e) : NAN);
		fputc(']', f);
	}
	fputs("],\n\"types\":", f);
	json_values(f, r->summary.types, r->summary.n_types);
	fputs(",\"regions\":", f);
	json_values(f, r->summary.regions, r->summary.n_regions);
	fputs(",\"years\":[", f);
	for (size_t i = 0; i < r->n_years; i++)
		fprintf(f, "%s%d", i ? "," : "", r->years[i]);
	fputs("]}</script>\n", f);
}

/* Free what compute() made. */
static void report_free(struct report *r)
{
	if (r->have_summary)
		cm_summary_free(&r->summary);
	cm_table_free(r->metrics);
	cm_table_free(r->isolated);
	cm_table_free(r->suggest);
	cm_table_free(r->timeline);
	free(r->level);
	free(r->map);
	free(r->map_error);
	free(r->years);
}

/* Write the whole page to r->f. */
static int write_page(struct report *r)
{
	FILE *f = r->f;
	const cm_report_options *o = r->o;
	char title[1024];
	int rc;

	if (o->title)
		snprintf(title, sizeof(title), "%s", o->title);
	else
		snprintf(title, sizeof(title), _("Cooperation network: %s"), o->input ? o->input : r->net->source);
	write_head(r, title);
	fputs("<body>\n<header class=\"top\"><h1>", f);
	rh_text(f, title);
	fputs("</h1><p>", f);
	if (o->date)
		rh_textf(f, _("Report of %s, made by coopmap %s"), o->date, COOPMAP_VERSION);
	else
		rh_textf(f, _("Report made by coopmap %s"), COOPMAP_VERSION);
	fputs("</p></header>\n<nav class=\"toc\">", f);
	{
		static const char *const ids[] = { "s-input", "s-figures", "s-map", "s-isolated", "s-clubs",
		                                   "s-brokers", "s-change", "s-method" };
		const char *names[] = { _("What was analysed"), _("Key figures"), _("The map"), _("Isolated actors"),
		                        _("Interregional clubs"), _("Brokers between regions"), _("Change over time"),
		                        _("Definitions and method") };

		for (size_t i = 0; i < 8; i++) {
			fprintf(f, "<a href=\"#%s\">", ids[i]);
			rh_text(f, names[i]);
			fputs("</a>", f);
		}
	}
	fputs("</nav>\n<main>\n", f);
	section_input(r);
	section_figures(r);
	section_map(r);
	section_isolated(r);
	if ((rc = section_clubs(r)) < 0 || (rc = section_brokers(r)) < 0 || (rc = section_change(r)) < 0)
		return rc;
	section_method(r);
	fputs("</main>\n<footer>", f);
	rh_textf(f, _("Made with coopmap %s. This file needs no network connection: everything it shows is inside it."),
	         COOPMAP_VERSION);
	fputs("</footer>\n", f);
	write_data(r);
	/* the library's licence asks that its notice travel with it */
	fputs("<!--\nsvg-pan-zoom 3.6.2, https://github.com/bumbu/svg-pan-zoom\n", f);
	fputs(cm_report_lib_license, f);
	fputs("-->\n<script>", f);
	fputs(cm_report_lib_js, f);
	fputs("</script>\n<script>", f);
	fputs(cm_report_js, f);
	fputs("</script>\n</body>\n</html>\n", f);
	return 0;
}

int cm_report_write(const cm_network *net, const char *path, const cm_report_options *opts)
{
	cm_report_options defaults = { 0 };
	struct report r = { 0 };
	cm_output *out = NULL;
	int rc;

	r.net = net;
	r.o = opts ? opts : &defaults;
	r.type = r.o->focus_type ? r.o->focus_type : CM_DEFAULT_FOCUS_TYPE;
	r.comma = r.o->lang && !strcmp(r.o->lang, "fr");
	if ((rc = compute(&r)) < 0)
		goto done;
	if ((rc = cm_output_open(&out, path)) < 0)
		goto done;
	r.f = cm_output_stream(out);
	if ((rc = write_page(&r)) < 0)
		goto done;
	if (ferror(r.f)) {
		rc = cm_error_set(CM_EIO, _("cannot write %s: %s"), path, strerror(errno));
		goto done;
	}
	rc = cm_output_commit(out);
	out = NULL;
done:
	cm_output_abort(out);
	report_free(&r);
	return rc;
}
