/* The map plan: what cm_render() decides from the options before Graphviz sees anything. */
#include <inttypes.h>
#include <strings.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "present/map/plan.h"
#include "coopmap/common.h"
#include "coopmap/render.h"
#include "coopmap/summary.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "present/map/geo.h"
#include "present/map/group.h"
#include "present/map/highlight.h"
#include "present/map/labels.h"
#include "present/map/map.h"
#include "present/map/regional.h"
#include "present/map/style.h"
#include "base/i18n.h"

/* Map formats: name given to gvRender, and the extensions that select it. */
static const struct {
	const char *name, *renderer;
} formats[] = {
	{ "svg", "svg" }, { "png", "png" }, { "pdf", "pdf" }, { "dot", "dot" }, { "gv", "dot" },
};

/* The renderer for a format name, or NULL. */
static const char *format_renderer(const char *name)
{
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (!strcasecmp(formats[i].name, name))
			return formats[i].renderer;
	return NULL;
}

/* The Graphviz renderer for the options and path, or NULL with the error set. */
static const char *pick_format(const char *path, const char *format)
{
	const char *r, *dot, *slash;

	if (format && format[0]) {
		if (!(r = format_renderer(format)))
			cm_error_set(CM_EUSAGE, _("unknown map format '%s' (use svg, png, pdf or dot)"), format);
		return r;
	}
	if (!strcmp(path, "-")) {
		cm_error_set(CM_EUSAGE, _("writing a map to standard output needs a format (-T svg, png, pdf or dot)"));
		return NULL;
	}
	dot = strrchr(path, '.');
	slash = strrchr(path, '/');
	if (!dot || (slash && slash > dot) || !(r = format_renderer(dot + 1))) {
		cm_error_set(CM_EUSAGE, _("cannot tell the map format from '%s' (use a .svg, .png, .pdf or .dot name, or -T)"),
		             path);
		return NULL;
	}
	return r;
}

/* Layout engines coopmap offers. */
static const char *const layouts[] = { "fr", "sfdp", "fdp", "neato", "dot", "circo", NULL };

/* Per-vertex node size measure ("pagerank", "degree", "strength" or "none"). */
static int size_measure(igraph_vector_t *out, const igraph_t *graph, const char *measure, int directed)
{
	igraph_vector_t weights = { 0 };
	igraph_vector_int_t deg = { 0 };
	const igraph_vector_t *w = NULL;
	igraph_real_t value;
	int rc = 0;

	if (igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_WEIGHT)) {
		CM_IG(igraph_vector_init(&weights, 0), "reading tie weights");
		CM_IG(EANV(graph, CM_ATTR_WEIGHT, &weights), "reading tie weights");
		w = &weights;
	}
	if (!strcmp(measure, "pagerank")) {
		CM_IG(igraph_pagerank(graph, IGRAPH_PAGERANK_ALGO_PRPACK, out, &value, igraph_vss_all(),
		                      directed, 0.85, w, NULL), "computing node sizes");
	} else if (!strcmp(measure, "degree")) {
		CM_IG(igraph_vector_int_init(&deg, 0), "computing node sizes");
		CM_IG(igraph_degree(graph, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS), "computing node sizes");
		CM_IG(igraph_vector_resize(out, igraph_vector_int_size(&deg)), "computing node sizes");
		for (igraph_integer_t i = 0; i < igraph_vector_int_size(&deg); i++)
			VECTOR(*out)[i] = (double)VECTOR(deg)[i];
	} else if (!strcmp(measure, "strength")) {
		CM_IG(igraph_strength(graph, out, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, w), "computing node sizes");
	} else if (cm_map_has_numeric_vattr(graph, measure)) {
		/* render --by: a count of the group network */
		CM_IG(VANV(graph, measure, out), "computing node sizes");
	} else if (!strcmp(measure, "none")) {
		CM_IG(igraph_vector_resize(out, igraph_vcount(graph)), "computing node sizes");
		igraph_vector_fill(out, 1.0);
	} else {
		rc = cm_error_set(CM_EUSAGE, _("unknown size measure '%s' (use pagerank, degree, strength or none)"),
		                  measure);
	}
done:
	igraph_vector_destroy(&weights);
	igraph_vector_int_destroy(&deg);
	return rc;
}

/* Named pages, in mm (portrait). */
static const struct {
	const char *name;
	double w, h;
} pages[] = { { "A4", 210, 297 }, { "A3", 297, 420 }, { "A5", 148, 210 } };

/*
 * The page of --size into p->page_w and p->page_h (inches): a named page,
 * "-landscape" turning it, or WIDTHxHEIGHT in mm or px; CM_EUSAGE if not.
 */
static int parse_page(map_plan *p, const char *size)
{
	double w = 0, h = 0;
	char unit[8] = "";
	int got;

	if (!size)
		size = "A4";
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		size_t len = strlen(pages[i].name);

		if (strncasecmp(size, pages[i].name, len))
			continue;
		if (!size[len] || !strcasecmp(size + len, "-portrait")) {
			w = pages[i].w, h = pages[i].h;
		} else if (!strcasecmp(size + len, "-landscape")) {
			w = pages[i].h, h = pages[i].w;
		}
		break;
	}
	if (w > 0) {
		p->page_w = w / 25.4;
		p->page_h = h / 25.4;
		return 0;
	}
	got = sscanf(size, "%lfx%lf%7s", &w, &h, unit);
	if ((got != 2 && got != 3) || !(w >= 10) || !(h >= 10) || w > 100000 || h > 100000 ||
	    (got == 3 && strcmp(unit, "mm") && strcmp(unit, "px")))
		return cm_error_set(CM_EUSAGE, _("--size '%s' is not A4, A3, A5 (-landscape) or WIDTHxHEIGHT in mm or px "
		                    "(e.g. 180x250mm, 1600x1200px)"), size);
	if (got == 3 && !strcmp(unit, "px")) {
		double per_inch = !strcmp(p->renderer, "png") ? p->dpi : 96;

		p->page_w = w / per_inch;
		p->page_h = h / per_inch;
	} else {
		p->page_w = w / 25.4;
		p->page_h = h / 25.4;
	}
	return 0;
}

/* Check that an attribute named on the command line exists and holds text. */
static int check_attr(const igraph_t *graph, const char *attr, const char *option)
{
	if (cm_map_has_string_vattr(graph, attr))
		return 0;
	if (igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_VERTEX, attr))
		return cm_error_set(CM_EUSAGE, _("%s '%s': the attribute holds numbers, not categories"), option, attr);
	return cm_error_set(CM_EUSAGE, _("%s '%s': actors have no such attribute"), option, attr);
}

/*
 * A map without boxes (no regions, or too many actors for them): the
 * actors without ties gathered in one box of their own, labelled with
 * their number, rather than a row in a corner.
 */
static int group_isolates(map_plan *p, const igraph_t *graph)
{
	igraph_integer_t n = igraph_vcount(graph), k = 0;
	igraph_vector_int_t deg;
	const char **vals = NULL;
	char name[64];
	int rc = 0;

	if (igraph_vector_int_init(&deg, 0) != IGRAPH_SUCCESS)
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	CM_IG(igraph_degree(graph, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS), "finding actors without ties");
	for (igraph_integer_t v = 0; v < n; v++)
		k += VECTOR(deg)[v] == 0;
	if (k < 2 || k == n)
		goto done;
	snprintf(name, sizeof(name), dngettext(CM_TEXTDOMAIN, "%" PRId64 " actor without ties", "%" PRId64 " actors without ties",
	                                       (unsigned long)k), (int64_t)k);
	if (!(vals = malloc(((size_t)n + 1) * sizeof(*vals)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++)
		vals[v] = VECTOR(deg)[v] == 0 ? name : "";
	cm_map_grouping_free(&p->clusters);
	if ((rc = cm_map_group_values(&p->clusters, vals, n, "ties", MAX_NAMED)) < 0)
		goto done;
	p->have_clusters = 1;
done:
	free(vals);
	igraph_vector_int_destroy(&deg);
	return rc;
}

/*
 * The colour of each value: by value (cm_map_slot_by_value), over the
 * whole input when the options give it (o->palette: the input before the
 * filters), so that render --to 2019, --where and the full map give a
 * value the same colour even when other values are missing from some.
 */
static int slot_colors(map_plan *p, const cm_render_options *o, const char *color_by, igraph_integer_t n)
{
	int known = !strcmp(p->colors.attr, CM_ATTR_TYPE), rc;
	grouping whole = { 0 };

	if (!o->palette || p->by || strcmp(p->colors.attr, color_by) ||
	    !cm_map_has_string_vattr(&o->palette->graph, color_by))
		return cm_map_slot_by_value(&p->colors, n, known, N_COLORS);
	if ((rc = cm_map_group_by(&whole, &o->palette->graph, color_by, OTHER_SLOT)) == 0 &&
	    (rc = cm_map_slot_by_value(&whole, igraph_vcount(&o->palette->graph), known, N_COLORS)) == 0)
		rc = cm_map_slot_like(&p->colors, n, &whole);
	cm_map_grouping_free(&whole);
	return rc;
}

/* Fill the plan from the options: format, engine, groupings, sizes and labels. */
int cm_map_plan(map_plan *p, const cm_network *net, const char *path, const cm_render_options *o)
{
	cm_render_options by_opts;
	const igraph_t *graph = &net->graph;
	igraph_integer_t n, m;
	const char *color_by = o->color_by ? o->color_by : CM_ATTR_TYPE;
	const char *shape_by = o->shape_by ? o->shape_by : CM_ATTR_TYPE;
	const char *cluster_by = o->cluster_by;
	int rc;

	if (o->by) {
		/* the regional map: the groups' network, drawn with every label and no box */
		if ((rc = check_attr(graph, o->by, "--by")) < 0 ||
		    (rc = cm_map_regional_network(&p->own_net, net, o->by, o->focus_type ? o->focus_type : "cite")) < 0)
			return rc;
		net = p->own_net;
		graph = &net->graph;
		p->by = o->by;
		by_opts = *o;
		by_opts.by = NULL;
		by_opts.color_by = by_opts.shape_by = NULL;
		by_opts.cluster_by = "none";
		by_opts.highlight = "none";
		if (!by_opts.labels)
			by_opts.labels = "all";
		if (!by_opts.size_by) {
			igraph_vector_t f;

			/* sized by the focus actors when there are some, else by all actors */
			by_opts.size_by = "actors";
			if (igraph_vector_init(&f, 0) == IGRAPH_SUCCESS) {
				if (VANV(graph, "focus_actors", &f) == IGRAPH_SUCCESS && igraph_vector_sum(&f) > 0) {
					by_opts.size_by = "focus_actors";
					p->by_focus = o->focus_type ? o->focus_type : "cite";
				}
				igraph_vector_destroy(&f);
			}
		}
		o = &by_opts;
		color_by = CM_ATTR_TYPE;
		shape_by = CM_ATTR_TYPE;
		cluster_by = o->cluster_by;
	}
	n = igraph_vcount(graph);
	m = igraph_ecount(graph);
	p->net = net;
	p->seed = o->seed ? o->seed : CM_DEFAULT_SEED;
	p->change = o->change;
	if (p->change) {
		for (igraph_integer_t e = 0; e < m; e++)
			p->n_change[0][p->change->tie[e] <= CM_CHANGE_BETWEEN ? p->change->tie[e] : CM_CHANGE_BETWEEN]++;
		for (igraph_integer_t v = 0; v < n; v++)
			p->n_change[1][p->change->actor[v] <= CM_CHANGE_BETWEEN ? p->change->actor[v] : CM_CHANGE_BETWEEN]++;
	}
	/* maps of more than a few dozen actors are shrunk to fit a page: their text grows */
	p->text_scale = n > LARGE_ACTORS ? 3 : n > ALL_LABELS_MAX_ACTORS / 2 ? 1.8 : 1;
	if (!(p->renderer = pick_format(path, o->format)))
		return CM_EUSAGE;
	p->time_limit = o->time_limit == 0 ? CM_RENDER_TIME_LIMIT : o->time_limit < 0 ? 0 : o->time_limit;
	if (o->dpi < 0 || o->dpi > 2400)
		return cm_error_set(CM_EUSAGE, _("--dpi %d is out of range (1 to 2400)"), o->dpi);
	p->dpi = o->dpi ? o->dpi : CM_RENDER_DPI;
	if ((rc = parse_page(p, o->size)) < 0)
		return rc;
	if (!o->layout || !strcmp(o->layout, "auto")) {
		p->engine = "fr";
	} else if (!strcmp(o->layout, "geo")) {
		p->engine = "geo";
	} else {
		for (int i = 0; layouts[i]; i++)
			if (!strcmp(layouts[i], o->layout))
				p->engine = layouts[i];
		if (!p->engine)
			return cm_error_set(CM_EUSAGE, _("unknown layout '%s' (use auto, fr, sfdp, fdp, neato, dot, circo or geo)"),
			                    o->layout);
	}
	if (o->color_by && (rc = check_attr(graph, o->color_by, "--color-by")) < 0)
		return rc;
	if (o->shape_by && strcmp(o->shape_by, "none") && (rc = check_attr(graph, o->shape_by, "--shape-by")) < 0)
		return rc;
	if (cluster_by && strcmp(cluster_by, "none") && (rc = check_attr(graph, cluster_by, "--cluster-by")) < 0)
		return rc;
	if ((rc = cm_map_group_by(&p->colors, graph, color_by, OTHER_SLOT)) < 0)
		return rc;
	if ((rc = cm_map_group_by(&p->shapes, graph, strcmp(shape_by, "none") ? shape_by : "", OTHER_SLOT)) < 0 ||
	    (rc = cm_map_slot_by_value(&p->shapes, n, !strcmp(p->shapes.attr, CM_ATTR_TYPE), N_SHAPES)) < 0)
		return rc;
	/*
	 * clusters: asked for, or by region: at any size with fr, which lays
	 * out each box alone and packs them; on small maps with fdp or dot,
	 * whose one global cluster layout is too slow beyond
	 */
	if (!cluster_by && (!strcmp(p->engine, "fr") || n <= CLUSTER_MAX_ACTORS) &&
	    cm_map_has_string_vattr(graph, CM_ATTR_REGION))
		cluster_by = CM_ATTR_REGION;
	/* too many actors for region boxes: the map a reader can take in is the regional one */
	if (!p->by && !p->change && n > CLUSTER_MAX_ACTORS && !o->cluster_by &&
	    cm_map_has_string_vattr(graph, CM_ATTR_REGION))
		cm_notice(_("%" PRId64 " actors are too many to read one by one: --by region draws one node per region, "
		          "sized by its %s, with the ties between regions (docs/maps.md)"), n,
		          o->focus_type ? o->focus_type : "cités");
	if (cluster_by && strcmp(cluster_by, "none")) {
		if (strcmp(p->engine, "fr") && strcmp(p->engine, "fdp") && strcmp(p->engine, "dot")) {
			if (o->cluster_by)
				cm_notice(_("clusters need the fr, fdp or dot layout; --cluster-by ignored with %s"), p->engine);
		} else {
			if ((rc = cm_map_group_by(&p->clusters, graph, cluster_by, MAX_NAMED)) < 0)
				return rc;
			p->have_clusters = cm_map_useful_groups(&p->clusters) >= (o->cluster_by ? 1 : 2);
		}
	}
	p->size_by = o->size_by ? o->size_by : "pagerank";
	if (igraph_vector_init(&p->size, n) != IGRAPH_SUCCESS)
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	if ((rc = size_measure(&p->size, graph, p->size_by, net->directed)) < 0)
		return rc;
	p->size_max = n > 0 ? igraph_vector_max(&p->size) : 0;
	if (cm_interrupted())
		return cm_error_set(CM_EINTERRUPTED, _("interrupted"));
	if ((rc = cm_map_plan_highlight(p, o)) < 0)
		return rc;
	/* colours by value (clubs may have replaced the grouping), then rings apart from them */
	if ((rc = slot_colors(p, o, color_by, n)) < 0 || (rc = cm_map_pick_marks(&p->marks, &p->colors)) < 0)
		return rc;
	if (p->show_clubs && !o->cluster_by &&
	    (!strcmp(p->engine, "fr") || !strcmp(p->engine, "fdp") || !strcmp(p->engine, "dot"))) {
		/* the clubs' boxes replace the regions' */
		cm_map_grouping_free(&p->clusters);
		p->clusters = p->club_groups;
		memset(&p->club_groups, 0, sizeof(p->club_groups));
		p->have_clusters = cm_map_useful_groups(&p->clusters) >= 1;
	}
	if (!p->have_clusters && !p->by && !p->change && !o->cluster_by && !strcmp(p->engine, "fr") &&
	    (rc = group_isolates(p, graph)) < 0)
		return rc;
	if (!strcmp(p->engine, "geo")) {
		p->have_clusters = 0;
		if ((rc = cm_map_geo_plan(p, o->centres_path)) < 0)
			return rc;
	}
	if (cm_interrupted())
		return cm_error_set(CM_EINTERRUPTED, _("interrupted"));
	if ((rc = cm_map_pick_labels(p, o->labels)) < 0)
		return rc;
	/* a marked actor is always named (unless --labels none) */
	for (igraph_integer_t v = 0; v < n && (!o->labels || strcmp(o->labels, "none")); v++)
		if (p->mark[v] && !p->label_on[v]) {
			p->label_on[v] = 1;
			p->n_marked_labels++;
		}
	p->has_weight = igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_WEIGHT);
	p->wmin = p->wmax = 1;
	for (igraph_integer_t e = 0; p->has_weight && e < m; e++) {
		double w = EAN(graph, CM_ATTR_WEIGHT, e);

		if (e == 0 || w < p->wmin)
			p->wmin = w;
		if (e == 0 || w > p->wmax)
			p->wmax = w;
	}
	return 0;
}

/* Free what a plan holds (a zeroed plan is fine). */
void cm_map_plan_free(map_plan *p)
{
	cm_map_grouping_free(&p->colors);
	cm_map_grouping_free(&p->shapes);
	cm_map_grouping_free(&p->clusters);
	cm_map_grouping_free(&p->club_groups);
	igraph_vector_destroy(&p->size);  /* safe on the zeroed vector of a plan that failed early */
	free(p->label_on);
	free(p->mark);
	free(p->suggested);
	free(p->xy);
	free(p->cluster_bb);
	free(p->label_xy);
	free(p->outline);
	free(p->outline_ring);
	free(p->outline_region);
	cm_strbuf_free(&p->insets);
	cm_network_free(p->own_net);
}
