/* coopmap report: the data of the page's script, as JSON in a <script type="application/json">. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/table.h"
#include "coopmap/text.h"
#include "base/i18n.h"
#include "page.h"

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
void report_write_data(struct report *r)
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
