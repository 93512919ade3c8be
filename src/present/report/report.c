/*
 * coopmap report: the offline HTML report, one self-contained file
 * (coopmap/report.h): what the sections show is computed here once, then
 * the page is written (sections.c, change.c, data.c, table.c).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coopmap/isolated.h"
#include "coopmap/metrics.h"
#include "coopmap/output.h"
#include "coopmap/render.h"
#include "coopmap/report.h"
#include "coopmap/suggest.h"
#include "coopmap/summary.h"
#include "coopmap/table.h"
#include "base/file.h"
#include "base/i18n.h"
#include "html.h"
#include "page.h"
#include "report_assets.h"

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
	report_section_input(r);
	if ((rc = report_section_figures(r)) < 0)
		return rc;
	report_section_map(r);
	report_section_isolated(r);
	if ((rc = report_section_clubs(r)) < 0 || (rc = report_section_brokers(r)) < 0 ||
	    (rc = report_section_change(r)) < 0)
		return rc;
	report_section_method(r);
	fputs("</main>\n<footer>", f);
	rh_textf(f, _("Made with coopmap %s. This file needs no network connection: everything it shows is inside it."),
	         COOPMAP_VERSION);
	fputs("</footer>\n", f);
	report_write_data(r);
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
