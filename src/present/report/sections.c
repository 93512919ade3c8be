/* coopmap report: the sections of the page, 1 to 6 and 8 (7 is change.c). */
#include <string.h>

#include "coopmap/brokers.h"
#include "coopmap/clubs.h"
#include "coopmap/summary.h"
#include "coopmap/text.h"
#include "base/i18n.h"
#include "base/strbuf.h"
#include "html.h"
#include "page.h"

/* The label of an actor id, or the id when it is not in the network. */
static const char *label_of(const cm_network *net, const char *id)
{
	igraph_integer_t v = cm_network_find(net, id);
	const char *l = v >= 0 ? cm_network_vattr(net, CM_ATTR_LABEL, v) : "";

	return *l ? l : id;
}

/* Section 1: what was analysed, and what loading repaired or left out. */
void report_section_input(struct report *r)
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
		report_para(r, NULL, _("Loading repaired, merged and left out nothing."));
	} else {
		report_para(r, NULL, _("While loading, coopmap repaired, merged or left out the following; the "
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

/* A count table (types or regions) of section 2: the values and their actors. */
static int count_table(struct report *r, const char *what, const cm_count *c, size_t n)
{
	const struct report_col cols[] = {
		{ "value", what, 0, 0, NULL, 0 },
		{ "actors", _("actors"), 1, 0, NULL, 0 },
	};
	const struct report_rows how = { .cls = "counts" };
	cm_table *t = NULL;
	int rc;

	if ((rc = cm_table_new(&t)) < 0 || (rc = cm_table_add_column(t, "value", CM_COL_STRING)) < 0 ||
	    (rc = cm_table_add_column(t, "actors", CM_COL_INT)) < 0 || (rc = cm_table_add_rows(t, n)) < 0)
		goto done;
	for (size_t i = 0; i < n; i++) {
		if ((rc = cm_table_set_string(t, i, 0, *c[i].value ? c[i].value : _("(unknown)"))) < 0)
			goto done;
		cm_table_set_number(t, i, 1, (double)c[i].count);
	}
	report_table(r, t, cols, sizeof(cols) / sizeof(*cols), &how);
	rc = 0;
done:
	cm_table_free(t);
	return rc;
}

/* Section 2: key figures, in sentences and in numbers. */
int report_section_figures(struct report *r)
{
	FILE *f = r->f;
	const cm_summary *s = &r->summary;
	char buf[64], num[64];
	long isolated2 = 0;
	igraph_integer_t n = cm_network_actors(r->net);
	int rc;

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
		report_para(r, NULL, _("No actor has the focus type: the isolation, suggestion and club sections are empty."));
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
	if ((rc = count_table(r, _("type"), s->types, s->n_types)) < 0)
		return rc;
	fputs("</div><div>", f);
	if ((rc = count_table(r, _("region"), s->regions, s->n_regions)) < 0)
		return rc;
	fputs("</div></div>\n</section>\n", f);
	return 0;
}

/* Section 3: the map, its controls and the actor card. */
void report_section_map(struct report *r)
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
	             "width of a tie its weight; cités at isolation level 2 or 3 are ringed, in the colour the legend gives. The legend "
	             "and captions on the map are those of coopmap render; a filter hides the actors it leaves "
	             "out and their ties, and the legend then counts the actors shown."));
	fputs("</p>\n</section>\n", f);
}

/* The suggestions for the actor of row `row` of the isolated table: "label: reasons", one a line. */
static void suggestions_of(struct report *r, const cm_table *isolated, size_t row)
{
	const char *id = cm_table_get_string(isolated, row, (size_t)cm_table_column(isolated, "id"));
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
void report_section_isolated(struct report *r)
{
	FILE *f = r->f;
	const struct report_col cols[] = {
		{ "label", _("actor"), 0, 0, NULL, 0 },
		{ "region", _("region"), 0, 0, NULL, 0 },
		{ "level", _("level"), 1, 0, NULL, 0 },
		{ "degree", _("partners"), 1, 0, NULL, 0 },
		{ "peers_2_steps", _("peers within two steps"), 1, 0, NULL, 0 },
		{ "reasons", _("why"), 0, 0, NULL, 0 },
	};
	size_t shown = 0, ncols = sizeof(cols) / sizeof(*cols), at[4] = { 0 };
	struct report_rows how = { .actor = "id", .level = "level", .extra_cell = suggestions_of };
	int clevel;

	fputs("<section id=\"s-isolated\"><h2>4. ", f);
	rh_text(f, _("Isolated actors"));
	fputs("</h2>\n", f);
	if (!r->isolated) {
		report_para(r, "note", _("No actor has the focus type."));
		fputs("</section>\n", f);
		return;
	}
	clevel = cm_table_column(r->isolated, "level");
	for (size_t i = 0; i < cm_table_nrows(r->isolated); i++) {
		double level = cm_table_get_number(r->isolated, i, (size_t)clevel);

		if (level >= 1 && level <= 3) {
			shown++;
			at[(int)level]++;
		}
	}
	if (shown == 0) {
		report_para(r, NULL, _("No actor of the focus type is isolated at any level."));
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
	how.extra = r->suggest ? _("could meet first") : NULL;
	report_table(r, r->isolated, cols, ncols, &how);
	fputs("</section>\n", f);
}

/* Names joined by ", " into cell (row, col): actors' labels when net is given (names are ids), else as they are. */
static int set_list(cm_table *t, size_t row, size_t col, char *const *names, size_t n, const cm_network *net)
{
	cm_strbuf b = { 0 };
	int rc = 0;

	for (size_t k = 0; k < n && rc == 0; k++)
		rc = cm_strbuf_printf(&b, "%s%s", k ? ", " : "", net ? label_of(net, names[k]) : names[k]);
	if (rc == 0)
		rc = cm_table_set_string(t, row, col, b.s ? b.s : "");
	cm_strbuf_free(&b);
	return rc;
}

/* The clubs of section 5 as a table: regions, cités, whether each reaches the critical mass, members. */
static int clubs_table(struct report *r, const cm_clubs *clubs)
{
	enum { C_CLUB, C_REGIONS, C_CITES, C_REACHES, C_JOIN, C_MEMBERS };
	const struct report_col cols[] = {
		{ "club", _("club"), 1, 0, _("Club %s"), 0 },
		{ "regions", _("regions"), 0, 0, NULL, 0 },
		{ "cites", r->type, 1, 0, NULL, 0 },
		{ "reaches", _("reaches the critical mass"), 0, 0, NULL, 0 },
		{ "could_join", _("could join"), 0, 0, NULL, 0 },
		{ "members", _("members"), 0, 0, NULL, 0 },
	};
	cm_table *t = NULL;
	int rc;

	if ((rc = cm_table_new(&t)) < 0)
		return rc;
	for (size_t c = 0; c < sizeof(cols) / sizeof(*cols) && rc >= 0; c++)
		rc = cm_table_add_column(t, cols[c].name, cols[c].num ? CM_COL_INT : CM_COL_STRING);
	if (rc < 0 || (rc = cm_table_add_rows(t, clubs->n_clubs)) < 0)
		goto done;
	for (size_t i = 0; i < clubs->n_clubs; i++) {
		const cm_club *c = &clubs->clubs[i];
		char reaches[128];

		if (c->reaches_min_size)
			snprintf(reaches, sizeof(reaches), "%s", _("yes"));
		else
			snprintf(reaches, sizeof(reaches), _("no: %ld short"), (long)c->shortfall);
		cm_table_set_number(t, i, C_CLUB, (double)(i + 1));
		cm_table_set_number(t, i, C_CITES, (double)c->cites);
		if ((rc = set_list(t, i, C_REGIONS, c->regions, c->n_regions, NULL)) < 0 ||
		    (rc = cm_table_set_string(t, i, C_REACHES, reaches)) < 0 ||
		    (rc = set_list(t, i, C_JOIN, c->could_join, c->n_could_join, NULL)) < 0 ||
		    (rc = set_list(t, i, C_MEMBERS, c->members, c->n_members, r->net)) < 0)
			goto done;
	}
	report_table(r, t, cols, sizeof(cols) / sizeof(*cols), NULL);
	rc = 0;
done:
	cm_table_free(t);
	return rc;
}

/* Section 5: interregional clubs of sparse regions. */
int report_section_clubs(struct report *r)
{
	FILE *f = r->f;
	cm_clubs clubs = { 0 };
	int rc;

	fputs("<section id=\"s-clubs\"><h2>5. ", f);
	rh_text(f, _("Interregional clubs"));
	fputs("</h2>\n", f);
	if (!r->o->regions) {
		report_para(r, "note", _("Give the region adjacency (--regions FILE, e.g. graphs/regions-fr.csv) to "
		                  "propose clubs of sparse regions."));
		fputs("</section>\n", f);
		return 0;
	}
	if (r->focus_count == 0) {
		report_para(r, "note", _("No actor has the focus type."));
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
		if ((rc = clubs_table(r, &clubs)) < 0) {
			cm_clubs_free(&clubs);
			return rc;
		}
	} else {
		report_para(r, NULL, _("No region is below the critical mass."));
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
int report_section_brokers(struct report *r)
{
	FILE *f = r->f;
	cm_brokers b = { 0 };
	const struct report_col cols[] = {
		{ "label", _("actor"), 0, 0, NULL, 0 },
		{ "type", _("type"), 0, 0, NULL, 0 },
		{ "region", _("region"), 0, 0, NULL, 0 },
		{ "total", _("brokerage"), 1, 0, NULL, 0 },
		{ "coordinator", _("coordinator"), 1, 0, NULL, 0 },
		{ "itinerant", _("itinerant"), 1, 0, NULL, 0 },
		{ "liaison", _("liaison"), 1, 0, NULL, 0 },
		{ "constraint", _("constraint"), 1, 3, NULL, 0 },
		{ "betweenness", _("betweenness"), 1, 1, NULL, 0 },
	};
	size_t ncols = sizeof(cols) / sizeof(*cols), rows;
	struct report_rows how = { .actor = "id" };
	int rc;

	fputs("<section id=\"s-brokers\"><h2>6. ", f);
	rh_text(f, _("Brokers between regions"));
	fputs("</h2>\n", f);
	{
		igraph_integer_t v, n = cm_network_actors(r->net);

		for (v = 0; v < n && !*cm_network_vattr(r->net, CM_ATTR_REGION, v); v++)
			;
		if (v == n) {
			/* no actor has a region: nothing to broker between */
			report_para(r, "note", _("No actor has a region: there are no groups to broker between."));
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
	how.max = rows;
	report_table(r, b.actors, cols, ncols, &how);
	fputs("</section>\n", f);
	cm_brokers_free(&b);
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
void report_section_method(struct report *r)
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
