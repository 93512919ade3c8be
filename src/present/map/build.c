/*
 * The Graphviz graph of a map, built through the cgraph API only: data
 * never becomes DOT text, so an actor called "a -- b" or "];" stays a name.
 * Graphviz still interprets some text inside attribute values, so every
 * label taken from data goes through cm_map_escape_text() first.
 */
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cgraph.h>

#include "base/i18n.h"
#include "model/raw.h"
#include "present/map/build.h"
#include "present/map/context.h"
#include "coopmap/common.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "present/map/group.h"
#include "present/map/labels.h"
#include "present/map/legend.h"
#include "present/map/map.h"
#include "present/map/outline.h"
#include "present/map/style.h"
#include "base/i18n.h"

/* Set a graph attribute on the root (declaring it with an empty default). */
static void graph_set(Agraph_t *g, const char *name, const char *value)
{
	agattr(g, AGRAPH, (char *)name, "");
	agset(g, (char *)name, (char *)value);
}

/*
 * The label of v as a node of its own at p->label_xy: plain text (its size
 * Graphviz's, from the font), on a pale ground that hides the ties under
 * it, the whole label in its tooltip.  SVG class "node label".
 */
static int add_label_node(Agraph_t *g, const map_plan *p, igraph_integer_t v, const char *label, int large)
{
	char name[32], buf[64];
	char *cut = cm_map_short_label(label, LABEL_MAX_CHARS);
	cm_strbuf text = { 0 };
	Agnode_t *node;
	int rc = 0;

	snprintf(name, sizeof(name), "l%" IGRAPH_PRId, v);
	if (!cut || !(node = agnode(g, name, 1))) {
		free(cut);
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	}
	if ((rc = cm_map_escape_text(&text, cut, 0, 0)) < 0)
		goto done;
	agsafeset(node, "label", text.s, "");
	text.len = 0;
	if ((rc = cm_map_escape_text(&text, label, 0, 0)) < 0)
		goto done;
	agsafeset(node, "tooltip", text.s, "");
	agsafeset(node, "shape", "plain", "");
	agsafeset(node, "fixedsize", "false", "");
	agsafeset(node, "width", "0", "");
	agsafeset(node, "height", "0", "");
	agsafeset(node, "style", "filled", "");
	agsafeset(node, "fillcolor", "#ffffffb0", "");
	agsafeset(node, "penwidth", "0", "");
	agsafeset(node, "class", "label", "");
	snprintf(buf, sizeof(buf), "%g", cm_map_label_points(p, large));
	agsafeset(node, "fontsize", buf, "");
	snprintf(buf, sizeof(buf), "%.2f,%.2f!", p->label_xy[2 * v], p->label_xy[2 * v + 1]);
	agsafeset(node, "pos", buf, "");
done:
	free(cut);
	cm_strbuf_free(&text);
	return rc;
}

/* Grow the box bb (x0, y0, x1, y1; x0 > x1 when empty) to hold the box of centre x, y and half sizes hw, hh. */
static void extent_add(double *bb, double x, double y, double hw, double hh)
{
	if (isnan(x) || isnan(y))
		return;
	if (bb[0] > bb[2]) {
		bb[0] = x - hw, bb[1] = y - hh, bb[2] = x + hw, bb[3] = y + hh;
		return;
	}
	bb[0] = fmin(bb[0], x - hw);
	bb[1] = fmin(bb[1], y - hh);
	bb[2] = fmax(bb[2], x + hw);
	bb[3] = fmax(bb[3], y + hh);
}

/* The extent of a map drawn at known positions (fr, geo), in points: nodes, labels, region boxes, outlines. */
static void map_extent(double *bb, const map_plan *p, int large)
{
	const igraph_t *graph = &p->net->graph;
	igraph_integer_t n = igraph_vcount(graph);
	double fs = cm_map_label_points(p, large);

	bb[0] = 1, bb[2] = 0;
	for (igraph_integer_t v = 0; v < n; v++) {
		double r = cm_map_node_width(p, v, large) * 72 / 2;

		extent_add(bb, p->xy[2 * v], p->xy[2 * v + 1], r, r);
		if (p->label_xy && !isnan(p->label_xy[2 * v])) {
			/* a label's box as labels.c reserves it: the longest label it can be, its line height */
			double hw = cm_map_text_width("", fs) / 2 + (double)LABEL_MAX_CHARS * 0.64 * fs / 2;

			extent_add(bb, p->label_xy[2 * v], p->label_xy[2 * v + 1], hw, 0.6 * fs + 1);
		}
	}
	for (size_t c = 0; p->cluster_bb && p->have_clusters && c < p->clusters.n; c++) {
		const double *cb = p->cluster_bb + 4 * c;

		/* the region's name above its box */
		extent_add(bb, (cb[0] + cb[2]) / 2, (cb[1] + cb[3]) / 2, (cb[2] - cb[0]) / 2,
		           (cb[3] - cb[1]) / 2 + 12 * p->text_scale * 1.2);
	}
	for (size_t i = 0; i < p->n_outline; i++)
		extent_add(bb, p->outline[2 * i], p->outline[2 * i + 1], 0, 0);
}

/*
 * The legend as a node of its own, pinned beside the map (to its right, near
 * its top) or under it (near its left), whichever lets the drawing fit the
 * page larger; never over the map: it is centred half its estimated size (an
 * upper bound) past a gap beyond the map's extent, so its box, at most that
 * size, starts past the gap.  SVG class "legend".
 */
static int add_legend_node(Agraph_t *g, map_plan *p, const cm_render_options *o, int large)
{
	cm_strbuf side = { 0 }, under = { 0 };
	double bb[4], sw = 0, sh = 0, uw = 0, uh = 0, gap = 24 * p->text_scale, mw, mh, fit_side = 1, fit_under = 1;
	double k = fmax(p->text_scale, p->legend_min_k);
	map_plan lp = *p;
	char buf[64];
	Agnode_t *node;
	int rc = 0, beside;

	map_extent(bb, p, large);
	if (bb[0] > bb[2])
		bb[0] = bb[1] = bb[2] = bb[3] = 0;
	mw = bb[2] - bb[0];
	mh = bb[3] - bb[1];
	/*
	 * The legend's smallest text (11 points times its scale, legend.c) must
	 * print at MIN_LABEL_POINTS once the drawing is scaled to its page: a
	 * larger legend makes the drawing larger, so a few rounds.  The legend
	 * alone takes the larger scale (lp), the rest of the map keeps its own.
	 * This is an estimate: fit_labels() (draw.c) checks it against the scale
	 * Graphviz gives and asks for more through legend_min_k.
	 */
	for (int round = 0; round < 4; round++) {
		double z;

		lp.text_scale = k;
		side.len = under.len = 0;
		if ((rc = cm_map_legend(&side, &sw, &sh, &lp, o, 1)) < 0 ||
		    (rc = cm_map_legend(&under, &uw, &uh, &lp, o, 0)) < 0 || !side.len)
			goto done;
		/* the scale at which each drawing fits the page (render --size): the larger wins */
		fit_side = fmin(p->page_w * 72 / (mw + gap + sw), p->page_h * 72 / fmax(mh, sh));
		fit_under = fmin(p->page_w * 72 / fmax(mw, uw), p->page_h * 72 / (mh + gap + uh));
		z = fmin(fmax(fit_side, fit_under), 1);
		if (!(z > 0) || 11 * k * z >= MIN_LABEL_POINTS)
			break;
		k = MIN_LABEL_POINTS / (11 * z) * 1.04;
	}
	beside = fit_side >= fit_under;
	p->legend_k = k;
	if (!(node = agnode(g, "legend", 1))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	agsafeset(node, "label", agstrdup_html(g, beside ? side.s : under.s), "");
	agsafeset(node, "shape", "plain", "");
	agsafeset(node, "fixedsize", "false", "");
	agsafeset(node, "width", "0", "");
	agsafeset(node, "height", "0", "");
	agsafeset(node, "style", "filled", "");
	agsafeset(node, "fillcolor", "#ffffff", "");
	agsafeset(node, "penwidth", "0", "");
	agsafeset(node, "class", "legend", "");
	/* the legend's text as large as in the graph label (the nodes' default is the labels' size) */
	snprintf(buf, sizeof(buf), "%g", 14 * k);
	agsafeset(node, "fontsize", buf, "");
	agsafeset(node, "tooltip", _("legend"), "");
	if (beside)
		snprintf(buf, sizeof(buf), "%.2f,%.2f!", bb[2] + gap + sw / 2, bb[3] - sh / 2);
	else
		snprintf(buf, sizeof(buf), "%.2f,%.2f!", bb[0] + uw / 2, bb[1] - gap - uh / 2);
	agsafeset(node, "pos", buf, "");
done:
	cm_strbuf_free(&side);
	cm_strbuf_free(&under);
	return rc;
}

/* Build the Graphviz graph of the map. */
int cm_map_build(Agraph_t **out, map_plan *p, const cm_render_options *o)
{
	const igraph_t *graph = &p->net->graph;
	igraph_integer_t n = igraph_vcount(graph), m = igraph_ecount(graph);
	int directed = p->net->directed && igraph_is_directed(graph);
	int large = n > LARGE_ACTORS, huge = n > PRISM_MAX_ACTORS, rc = 0;
	Agraph_t *g = NULL, **subs = NULL;
	Agnode_t **nodes = NULL;
	Agsym_t *s_etooltip;
	int events;
	Agsym_t *s_style, *s_shape, *s_fill, *s_width, *s_height, *s_xlabel, *s_tooltip, *s_pen, *s_color, *s_npen, *s_pos, *s_label;
	Agsym_t *s_ecolor, *s_estyle, *s_nstyle;
	cm_strbuf text = { 0 }, text2 = { 0 };
	char buf[64], name[32];
	const char *has_label_attr = cm_map_has_string_vattr(graph, CM_ATTR_LABEL) ? CM_ATTR_LABEL : NULL;
	const char *has_id_attr = cm_map_has_string_vattr(graph, CM_ATTR_ID) ? CM_ATTR_ID : NULL;

	g = agopen("coopmap", directed ? Agdirected : Agundirected, &cm_gv_disc);
	nodes = calloc((size_t)n + 1, sizeof(*nodes));
	subs = calloc(p->clusters.n + 1, sizeof(*subs));
	if (!g || !nodes || !subs) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	/*
	 * cluster look, declared before the subgraphs exist and before the
	 * root's own values (declaring on the root resets its value)
	 */
	agattr(g, AGRAPH, "style", "");
	if (p->cluster_bb)
		agattr(g, AGRAPH, "bb", "");  /* neato -n draws a cluster where its bb says */
	agattr(g, AGRAPH, "color", "");
	agattr(g, AGRAPH, "fontcolor", "");
	agattr(g, AGRAPH, "fontsize", "");
	/* graph-wide settings */
	graph_set(g, "fontname", "Helvetica");
	snprintf(buf, sizeof(buf), "%g", 14 * p->text_scale);
	graph_set(g, "fontsize", buf);
	graph_set(g, "bgcolor", "white");
	graph_set(g, "outputorder", "edgesfirst");
	graph_set(g, "pad", "0.3");
	graph_set(g, "forcelabels", "true");
	graph_set(g, "labelloc", "t");
	graph_set(g, "labeljust", "l");
	snprintf(buf, sizeof(buf), "%lu", p->seed);
	graph_set(g, "start", buf);
	if (p->xy) {
		/* the positions are the geography: overlaps stay (co-located actors were spread) */
		graph_set(g, "overlap", "true");
		graph_set(g, "splines", "false");
	} else if (strcmp(p->engine, "dot") && strcmp(p->engine, "circo")) {
		/*
		 * prism removes overlaps fast (fdp's default took minutes on 1,000
		 * actors), but took 366 s against sfdp's 27 s on 20,000 actors:
		 * beyond PRISM_MAX_ACTORS only the scaling step runs (prism0, which
		 * is also what sfdp does by default)
		 */
		graph_set(g, "overlap", n > PRISM_MAX_ACTORS ? "prism0" : "prism");
		graph_set(g, "pack", "true");
	}
	if (!strcmp(p->engine, "sfdp"))
		graph_set(g, "smoothing", "none");
	/* room for the labels between actors (fdp's default K is 0.3 inch) */
	if (!strcmp(p->engine, "fdp") && !large)
		graph_set(g, "K", p->text_scale > 1 ? "0.5" : "0.6");
	/* scaled down to fit the page (render --size), never up */
	snprintf(buf, sizeof(buf), "%.3f,%.3f", p->page_w, p->page_h);
	graph_set(g, "size", buf);
	if (!strcmp(p->renderer, "png")) {
		snprintf(buf, sizeof(buf), "%d", p->dpi);
		graph_set(g, "dpi", buf);
	}
	/* positions known (fr, geo): coopmap places the labels, and the caption counts those left out */
	if (p->xy && !p->label_xy && (rc = cm_map_place_labels(p, large)) < 0)
		goto done;
	if ((rc = cm_map_label(&text, p, o)) < 0)
		goto done;
	graph_set(g, "label", "");
	agset(g, "label", agstrdup_html(g, text.s));

	/* node defaults before any node exists */
	s_label = agattr(g, AGNODE, "label", "");
	s_nstyle = agattr(g, AGNODE, "style", "filled");
	agattr(g, AGNODE, "fixedsize", "true");
	s_color = agattr(g, AGNODE, "color", "#333333");
	s_npen = agattr(g, AGNODE, "penwidth", large ? "0.3" : "0.7");
	s_pos = p->xy ? agattr(g, AGNODE, "pos", "") : NULL;
	agattr(g, AGNODE, "fontname", "Helvetica");
	agattr(g, AGNODE, "fontcolor", "#222222");
	snprintf(buf, sizeof(buf), "%g", cm_map_label_points(p, large));
	agattr(g, AGNODE, "fontsize", buf);
	s_shape = agattr(g, AGNODE, "shape", "circle");
	s_fill = agattr(g, AGNODE, "fillcolor", "#cccccc");
	s_width = agattr(g, AGNODE, "width", "0.2");
	s_height = agattr(g, AGNODE, "height", "0.2");
	s_xlabel = agattr(g, AGNODE, "xlabel", "");
	s_tooltip = agattr(g, AGNODE, "tooltip", "");
	/* edge defaults */
	agattr(g, AGEDGE, "color", large ? "#66666640" : "#66666680");
	agattr(g, AGEDGE, "arrowsize", "0.5");
	/*
	 * ties drawn to the centres, under the nodes (outputorder): clipping
	 * them at polygon borders was a tenth of the drawing on 20,000 actors
	 */
	if (huge && !directed)
		agattr(g, AGEDGE, "clip", "false");
	s_pen = agattr(g, AGEDGE, "penwidth", large ? "0.4" : "1");
	if (p->by) {
		/* declared only on the regional map, so that other maps keep their exact DOT */
		agattr(g, AGEDGE, "label", "");
		agattr(g, AGEDGE, "tooltip", "");
		agattr(g, AGEDGE, "fontname", "Helvetica");
		agattr(g, AGEDGE, "fontsize", "10");
		agattr(g, AGEDGE, "fontcolor", "#555555");
		agattr(g, AGNODE, "fontcolor", "#222222");
	}
	/* ties projected from two-mode data name their shared events (declared only then, as above) */
	events = !p->by && cm_attr_type(graph, IGRAPH_ATTRIBUTE_EDGE, "events") == IGRAPH_ATTRIBUTE_STRING;
	s_etooltip = events ? agattr(g, AGEDGE, "tooltip", "") : NULL;
	s_ecolor = p->change ? agattr(g, AGEDGE, "color", CHANGE_KEPT_TIE) : NULL;
	s_estyle = p->change ? agattr(g, AGEDGE, "style", "solid") : NULL;
	/* declared only when used, so that other maps keep their exact DOT */
	s_style = p->show_suggestions && p->n_suggested ? agattr(g, AGEDGE, "style", "") : NULL;

	if (p->have_clusters) {
		for (size_t c = 0; c < p->clusters.n; c++) {
			if (!p->clusters.values[c][0])
				continue;
			snprintf(name, sizeof(name), "cluster_%zu", c);
			if (!(subs[c] = agsubg(g, name, 1))) {
				rc = cm_error_set(CM_ENOMEM, _("out of memory"));
				goto done;
			}
			text.len = 0;
			if ((rc = cm_map_escape_text(&text, p->clusters.values[c], 0, 40)) < 0)
				goto done;
			agset(subs[c], "label", text.s);
			agset(subs[c], "style", "rounded,dashed");
			if (p->cluster_bb) {
				const double *bb = p->cluster_bb + 4 * c;

				snprintf(buf, sizeof(buf), "%.2f,%.2f,%.2f,%.2f", bb[0], bb[1], bb[2], bb[3]);
				agset(subs[c], "bb", buf);
			}
			agset(subs[c], "color", "#999999");
			agset(subs[c], "fontcolor", "#666666");
			snprintf(buf, sizeof(buf), "%g", p->cluster_pt > 0 ? p->cluster_pt : 12 * p->text_scale);
			agset(subs[c], "fontsize", buf);
		}
	}
	for (igraph_integer_t v = 0; v < n; v++) {
		double width = cm_map_node_width(p, v, large);
		int cslot = p->colors.slot[v], sslot = p->shapes.slot[v];
		const char *label = has_label_attr ? VAS(graph, CM_ATTR_LABEL, v) : "";
		Agraph_t *home = g;

		if (!label[0] && has_id_attr)
			label = VAS(graph, CM_ATTR_ID, v);
		/* Graphviz names are internal: data never becomes a node name (SVG ids, comments) */
		snprintf(name, sizeof(name), "n%" IGRAPH_PRId, v);
		if (p->have_clusters && subs[p->clusters.vindex[v]])
			home = subs[p->clusters.vindex[v]];
		if (!(nodes[v] = agnode(home, name, 1))) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
		agxset(nodes[v], s_fill, (char *)cm_map_color(cslot));
		agxset(nodes[v], s_shape, (char *)cm_map_shape(sslot));
		if (p->mark[v]) {
			/* a ring that shows on the smallest node (cm_map_node_width() made it big enough) */
			agxset(nodes[v], s_color, (char *)((p->mark[v] & MARK_ISOLATED) ? p->marks.isolated : p->marks.broker));
			agxset(nodes[v], s_npen, large ? "6" : "5");
		} else if (p->change && !p->change->show && p->change->actor[v] == CM_CHANGE_NEW) {
			agxset(nodes[v], s_color, (char *)p->marks.joined);
			agxset(nodes[v], s_npen, large ? "5" : "4");
		} else if (p->change && !p->change->show && p->change->actor[v] != CM_CHANGE_KEPT) {
			agxset(nodes[v], s_fill, CHANGE_LEFT_FILL);
			agxset(nodes[v], s_color, "#bbbbbb");
		}
		/* one state of a change: the others are laid out, not drawn (positions shared) */
		if (p->change && !cm_map_change_shown(p, p->change->actor[v]))
			agxset(nodes[v], s_nstyle, "invis");
		snprintf(buf, sizeof(buf), "%.3f", width);
		agxset(nodes[v], s_width, buf);
		agxset(nodes[v], s_height, buf);
		if (s_pos) {
			/* points, pinned: nop (neato -n) keeps them */
			snprintf(buf, sizeof(buf), "%.2f,%.2f!", p->xy[2 * v], p->xy[2 * v + 1]);
			agxset(nodes[v], s_pos, buf);
		}
		text.len = 0;
		if ((rc = cm_map_escape_text(&text, label, 0, 0)) < 0)
			goto done;
		if (p->by) {
			/* the regional map: the ties inside written in the node, the counts in the tooltip */
			snprintf(buf, sizeof(buf), "<FONT COLOR=\"#ffffff\"><B>%.0f</B></FONT>", VAN(graph, "internal_ties", v));
			agxset(nodes[v], s_label, agstrdup_html(g, buf));
			rc = cm_strbuf_printf(&text, _(": %.0f %s of %.0f actors; %.0f ties inside"), VAN(graph, "focus_actors", v),
			                      p->by_focus ? p->by_focus : _("actors"), VAN(graph, "actors", v),
			                      VAN(graph, "internal_ties", v));
			if (rc < 0)
				goto done;
		}
		agxset(nodes[v], s_tooltip, text.s);
		if (p->label_xy) {
			/* placed by coopmap: a text node of its own, pinned, over the ties */
			if (!isnan(p->label_xy[2 * v]) && (rc = add_label_node(g, p, v, label, large)) < 0)
				goto done;
		} else if (p->label_on[v]) {
			char *cut = cm_map_short_label(label, LABEL_MAX_CHARS);

			text.len = 0;
			if (!cut || (rc = cm_map_escape_text(&text, cut, 0, 0)) < 0) {
				free(cut);
				rc = rc < 0 ? rc : cm_error_set(CM_ENOMEM, _("out of memory"));
				goto done;
			}
			free(cut);
			/*
			 * beside the node; on large maps over it, since placing
			 * xlabels among 20,000 nodes took a tenth of the drawing time
			 */
			agxset(nodes[v], huge ? s_label : s_xlabel, text.s);
		}
	}
	for (igraph_integer_t e = 0; e < m; e++) {
		Agedge_t *edge = agedge(g, nodes[IGRAPH_FROM(graph, e)], nodes[IGRAPH_TO(graph, e)], NULL, 1);

		if (!edge) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
		if (p->has_weight && p->wmax > p->wmin) {
			double w = (EAN(graph, CM_ATTR_WEIGHT, e) - p->wmin) / (p->wmax - p->wmin);
			double lo = large ? 0.3 : 0.6, hi = large ? 2.5 : 3.5;

			snprintf(buf, sizeof(buf), "%.2f", lo + (hi - lo) * sqrt(w));
			agxset(edge, s_pen, buf);
		}
		if (p->by) {
			/* the regional map: the number of ties written on the tie, their weight in its tooltip */
			snprintf(buf, sizeof(buf), "%.0f", EAN(graph, CM_ATTR_WEIGHT, e));
			agset(edge, "label", buf);
			text.len = 0;
			if ((rc = cm_strbuf_printf(&text, _("%s \xE2\x80\x93 %s: %.0f ties, total weight %g"),
			                           VAS(graph, CM_ATTR_ID, IGRAPH_FROM(graph, e)),
			                           VAS(graph, CM_ATTR_ID, IGRAPH_TO(graph, e)), EAN(graph, CM_ATTR_WEIGHT, e),
			                           EAN(graph, "total_weight", e))) < 0)
				goto done;
			agset(edge, "tooltip", text.s);
		} else if (events) {
			/* a tie projected from two-mode data: the events the two actors shared */
			const char *ev = EAS(graph, "events", e);

			text.len = 0;
			if (ev[0] && (rc = cm_strbuf_puts(&text, _("both at: "))) < 0)
				goto done;
			/* the ids come joined by ';' (model/twomode.c): listed with commas for the reader */
			for (const char *q = ev; *q && rc == 0; ) {
				size_t k = strcspn(q, ";");
				char *one = cm_strndup(q, k);

				if (!one || (q != ev && cm_strbuf_puts(&text, ", ") < 0) ||
				    cm_map_escape_text(&text, one, 0, 0) < 0)
					rc = cm_error_set(CM_ENOMEM, "out of memory");
				free(one);
				q += k + (q[k] == ';');
			}
			if (rc < 0)
				goto done;
			if (ev[0])
				agxset(edge, s_etooltip, text.s);
		}
		if (p->change && !cm_map_change_shown(p, p->change->tie[e])) {
			agxset(edge, s_estyle, "invis");
		} else if (p->change && p->change->show) {
			agxset(edge, s_ecolor, large ? "#66666640" : "#66666680");
		} else if (p->change && p->change->tie[e] == CM_CHANGE_NEW) {
			agxset(edge, s_ecolor, (char *)p->marks.joined);
		} else if (p->change && p->change->tie[e] != CM_CHANGE_KEPT) {
			agxset(edge, s_ecolor, CHANGE_LOST);
			agxset(edge, s_estyle, "dashed");
		}
	}
	/* the regions' outlines (geo): each ring one thin grey line between two hidden anchors, under everything */
	for (size_t i = 0; i < p->n_outline; ) {
		size_t end = i;
		Agnode_t *a, *z;
		Agedge_t *edge;

		while (end < p->n_outline && p->outline_ring[end] == p->outline_ring[i])
			end++;
		text.len = 0;
		/* a closed polyline as a B-spline: each point thrice (once at the ends), back to the first */
		for (size_t k = i; k <= end && rc == 0; k++) {
			size_t q = k < end ? k : i;
			int times = k == i || k == end ? 2 : 3;

			for (int t = 0; t < times && rc == 0; t++)
				rc = cm_strbuf_printf(&text, "%s%.2f,%.2f", text.len ? " " : "", p->outline[2 * q], p->outline[2 * q + 1]);
		}
		if (rc < 0)
			goto done;
		snprintf(name, sizeof(name), "outline%da", p->outline_ring[i]);
		a = agnode(g, name, 1);
		snprintf(name, sizeof(name), "outline%dz", p->outline_ring[i]);
		z = agnode(g, name, 1);
		if (!a || !z || !(edge = agedge(g, a, z, NULL, 1))) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
		for (int side = 0; side < 2; side++) {
			Agnode_t *o = side ? z : a;

			snprintf(buf, sizeof(buf), "%.2f,%.2f!", p->outline[2 * i], p->outline[2 * i + 1]);
			agsafeset(o, "pos", buf, "");
			agsafeset(o, "style", "invis", "");
			agsafeset(o, "shape", "point", "");
			agsafeset(o, "width", "0.01", "");
			agsafeset(o, "height", "0.01", "");
			agsafeset(o, "class", "outline", "");
		}
		agsafeset(edge, "pos", text.s, "");
		agsafeset(edge, "color", "#b8b8b8", "");
		agsafeset(edge, "penwidth", "0.8", "");
		agsafeset(edge, "class", "outline", "");
		text.len = 0;
		if ((rc = cm_strbuf_printf(&text, _("%s (IGN ADMIN EXPRESS, Licence Ouverte)"),
		                           cm_outline_regions[p->outline_region[i]])) < 0 ||
		    (rc = cm_map_escape_text(&text2, text.s, 0, 0)) < 0)
			goto done;
		agsafeset(edge, "tooltip", text2.s, "");
		text2.len = 0;
		i = end;
	}
	/* the legend beside the map when its positions are known; above it (in the graph label) otherwise */
	if (p->xy && (rc = add_legend_node(g, p, o, large)) < 0)
		goto done;
	/* the suggested ties of the isolated actors: dotted, red, not weighed */
	for (size_t i = 0; s_style && i < p->n_suggested; i++) {
		Agedge_t *edge = agedge(g, nodes[p->suggested[2 * i]], nodes[p->suggested[2 * i + 1]], NULL, 1);

		if (!edge) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
		agxset(edge, s_style, "dotted");
		agset(edge, "color", (char *)p->marks.isolated);
		agxset(edge, s_pen, large ? "1.5" : "2");
	}
done:
	cm_strbuf_free(&text);
	cm_strbuf_free(&text2);
	free(nodes);
	free(subs);
	if (rc < 0 && g) {
		agclose(g);
		g = NULL;
	}
	*out = g;
	return rc;
}

/* Place the labels again and replace their nodes and the caption (see build.h). */
int cm_map_relabel(Agraph_t *g, map_plan *p, const cm_render_options *o)
{
	const igraph_t *graph = &p->net->graph;
	igraph_integer_t n = igraph_vcount(graph);
	int large = n > LARGE_ACTORS, rc = 0;
	int has_label_attr = cm_map_has_string_vattr(graph, CM_ATTR_LABEL);
	int has_id_attr = cm_map_has_string_vattr(graph, CM_ATTR_ID);
	cm_strbuf text = { 0 };
	char name[32];
	Agnode_t *legend;

	for (igraph_integer_t v = 0; p->label_xy && v < n; v++) {
		Agnode_t *node;

		snprintf(name, sizeof(name), "l%" IGRAPH_PRId, v);
		if (!isnan(p->label_xy[2 * v]) && (node = agnode(g, name, 0)))
			agdelnode(g, node);
	}
	free(p->label_xy);
	p->label_xy = NULL;
	p->n_labels_out = 0;
	if ((rc = cm_map_place_labels(p, large)) < 0)
		goto done;
	for (igraph_integer_t v = 0; v < n; v++) {
		const char *label = has_label_attr ? VAS(graph, CM_ATTR_LABEL, v) : "";

		if (!label[0] && has_id_attr)
			label = VAS(graph, CM_ATTR_ID, v);
		if (!isnan(p->label_xy[2 * v]) && (rc = add_label_node(g, p, v, label, large)) < 0)
			goto done;
	}
	/* larger labels widen the map: the legend moves out of their way */
	if ((legend = agnode(g, "legend", 0))) {
		agdelnode(g, legend);
		if ((rc = add_legend_node(g, p, o, large)) < 0)
			goto done;
	}
	if ((rc = cm_map_label(&text, p, o)) < 0)
		goto done;
	agset(g, "label", agstrdup_html(g, text.s));
done:
	cm_strbuf_free(&text);
	return rc;
}
