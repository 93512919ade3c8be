/* The graph label of a map: title, caption and legend, as a Graphviz HTML-like label. */
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "present/map/legend.h"
#include "present/map/labels.h"
#include "coopmap/common.h"
#include "coopmap/render.h"
#include "base/strbuf.h"
#include "base/i18n.h"
#include "base/text.h"
#include "present/map/map.h"
#include "present/map/style.h"

/*
 * Append a translated message holding one %s as label text: the message
 * escaped, and value in place of its %s escaped and cut to max_chars (the
 * message alone is never cut).
 */
static int escape_around(cm_strbuf *b, const char *fmt, const char *value, size_t max_chars)
{
	const char *at = strstr(fmt, "%s");
	char *head;
	int rc;

	if (!at)
		return cm_map_escape_text(b, fmt, 1, 0);
	if (!(head = cm_strndup(fmt, (size_t)(at - fmt))))
		return CM_ENOMEM;
	rc = cm_map_escape_text(b, head, 1, 0);
	free(head);
	if (rc == 0)
		rc = cm_map_escape_text(b, value, 1, max_chars);
	if (rc == 0)
		rc = cm_map_escape_text(b, at + 2, 1, 0);
	return rc;
}

/*
 * Append printf-style caption text, escaped for a label.  Plain text goes
 * straight in: the caption allocates no more than before its translation,
 * since Graphviz 2.43 orders clusters by the address of their names and a
 * different heap would reorder them in the SVG.
 */
static int caption(cm_strbuf *b, const char *fmt, ...)
{
	char text[1024], *big;
	va_list ap;
	int n, rc;

	va_start(ap, fmt);
	n = vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (n < 0)
		return CM_ENOMEM;
	if ((size_t)n < sizeof(text))
		return strpbrk(text, "&<>\"\\\t\n\r") ? cm_map_escape_text(b, text, 1, 0) : cm_strbuf_puts(b, text);
	/* a long list of insets: the whole text, never a cut one */
	if (!(big = malloc((size_t)n + 1)))
		return CM_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	rc = cm_map_escape_text(b, big, 1, 0);
	free(big);
	return rc;
}

/* The display name of a grouping value. */
static const char *value_name(const char *value)
{
	return value[0] ? value : _("unknown");
}

/*
 * Legend rows for one grouping: one mark per value, the glyph of its shape
 * (shaped; else a disc) in its colour (colored; else dark grey), then the
 * value and how many actors have it.  Values without an entry of their own
 * share the last row ("others", "unknown").
 */
static int legend_rows(cm_strbuf *b, const grouping *gr, int colored, int shaped, const char *heading, double k,
                       int one_column)
{
	int rc = 0, per_row = one_column ? 1 : gr->max_chars > 32 ? 2 : 4, in_row = 0;
	igraph_integer_t other = 0;

	if (gr->n == 0 || (gr->n == 1 && !gr->values[0][0]))
		return 0;
	/*
	 * a row of the map label holding the heading, then one holding a table
	 * of its own; in one column, a row of the label per value (Graphviz 2.43
	 * stretched a nested table to the widest row, parting glyphs from values)
	 */
	rc |= cm_strbuf_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%g\" COLOR=\"#444444\">", 11 * k);
	rc |= cm_map_escape_text(b, heading, 1, 40);
	rc |= cm_strbuf_puts(b, one_column ? "</FONT></TD></TR>\n" : "</FONT></TD></TR>\n<TR><TD ALIGN=\"LEFT\">"
	                        "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"0\">\n");
	for (size_t i = 0; i <= gr->n && rc == 0; i++) {
		int slot = i < gr->n && gr->vslot ? gr->vslot[i] : OTHER_SLOT;
		igraph_integer_t count;

		if (i < gr->n && slot == OTHER_SLOT) {
			other += gr->counts[i];
			continue;
		}
		if (i == gr->n && other == 0)
			break;
		count = i < gr->n ? gr->counts[i] : other;
		if (in_row == 0)
			rc |= cm_strbuf_puts(b, one_column ? "<TR><TD ALIGN=\"LEFT\">" : "<TR>");
		/* the mark as on the map: shape and colour in one glyph */
		rc |= cm_strbuf_printf(b, one_column ? "<FONT POINT-SIZE=\"%g\" COLOR=\"%s\">%s</FONT> " :
		                       "<TD><FONT POINT-SIZE=\"%g\" COLOR=\"%s\">%s</FONT></TD><TD ALIGN=\"LEFT\">", 15 * k,
		                       colored ? cm_map_color(slot) : "#444444",
		                       shaped ? cm_map_glyph(slot) : "\xE2\x97\x8F");
		if (i < gr->n)
			rc |= cm_map_escape_text(b, gr->values[i][0] || !gr->unknown ? value_name(gr->values[i]) : gr->unknown, 1,
			                  gr->max_chars ? gr->max_chars : 32);
		else if (gr->unknown)
			rc |= cm_map_escape_text(b, gr->named < (int)gr->n - gr->has_unknown ? _("others") : gr->unknown, 1, 0);
		else
			rc |= cm_map_escape_text(b, gr->named < (int)gr->n - gr->has_unknown ? _("other or unknown") : _("unknown"),
			                         1, 0);
		rc |= cm_strbuf_printf(b, " (%" IGRAPH_PRId ")</TD>", count);
		if (++in_row == per_row) {
			rc |= cm_strbuf_puts(b, "</TR>\n");
			in_row = 0;
		}
	}
	if (in_row)
		rc |= cm_strbuf_puts(b, "</TR>\n");
	if (!one_column)
		rc |= cm_strbuf_puts(b, "</TABLE></TD></TR>\n");
	return rc ? CM_ENOMEM : 0;
}

/* One legend entry for a mark: a ring in the mark's colour, then its meaning. */
static int legend_mark(cm_strbuf *b, const char *ring, const char *text, igraph_integer_t count, double k)
{
	int rc = 0;

	/* one cell (a nested table was stretched by Graphviz 2.43, leaving a gap) */
	rc |= cm_strbuf_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%g\" COLOR=\"%s\"><B>\xE2\x97\x8B</B></FONT> ",
	                       16 * k, ring);
	rc |= cm_map_escape_text(b, text, 1, 0);
	rc |= cm_strbuf_printf(b, " (%" IGRAPH_PRId ")</TD></TR>\n", count);
	return rc;
}

/* Legend of the marks (isolated, brokers, suggested ties), under a "marked" heading. */
static int legend_marks(cm_strbuf *b, const map_plan *p)
{
	cm_strbuf text = { 0 };
	double k = p->text_scale;
	int rc = 0;

	rc |= cm_strbuf_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%g\" COLOR=\"#444444\">", 11 * k);
	rc |= cm_map_escape_text(b, _("marked"), 1, 0);
	rc |= cm_strbuf_puts(b, "</FONT></TD></TR>\n");
	if (p->show_isolated) {
		/* the cités have their own words (a French feminine); another focus type is named as given */
		if (!strcmp(p->focus, "cite"))
			rc |= cm_strbuf_puts(&text, _("isolated cit\xC3\xA9: no tie, or no peer of its type within two steps"));
		else
			rc |= cm_strbuf_printf(&text, _("isolated %s: no tie, or no peer of its type within two steps"), p->focus);
		if (rc == 0)
			rc |= legend_mark(b, p->marks.isolated, text.s, p->n_isolated, k);
	}
	if (p->show_suggestions) {
		/* a dotted line in the ties' colour */
		rc |= cm_strbuf_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%g\" COLOR=\"%s\"><B>"
		                          "\xE2\x94\x88\xE2\x94\x88</B></FONT> ", 12 * k, p->marks.isolated);
		text.len = 0;
		if (!strcmp(p->focus, "cite"))
			rc |= cm_strbuf_printf(&text, _("suggested tie of an isolated cit\xC3\xA9 (coopmap suggest, top %d each)"),
			                       SUGGEST_PER_ACTOR);
		else
			rc |= cm_strbuf_printf(&text, _("suggested tie of an isolated %s (coopmap suggest, top %d each)"),
			                       p->focus, SUGGEST_PER_ACTOR);
		if (rc == 0)
			rc |= cm_map_escape_text(b, text.s, 1, 0);
		text.len = 0;
		rc |= cm_strbuf_printf(&text, _(" (%zu, for %" PRId64 ")"), p->n_suggested, p->n_suggesting);
		if (rc == 0)
			rc |= cm_map_escape_text(b, text.s, 1, 0);
		rc |= cm_strbuf_puts(b, "</TD></TR>\n");
	}
	if (p->show_brokers) {
		text.len = 0;
		rc |= cm_strbuf_printf(&text, dngettext(CM_TEXTDOMAIN,
		                                        "top %" PRId64 " broker (Gould-Fernandez brokerage between regions)",
		                                        "top %" PRId64 " brokers (Gould-Fernandez brokerage between regions)",
		                                        (unsigned long)p->top_brokers),
		                       p->top_brokers);
		if (rc == 0)
			rc |= legend_mark(b, p->marks.broker, text.s, p->n_brokers, k);
	}
	cm_strbuf_free(&text);
	return rc ? CM_ENOMEM : 0;
}

/* One legend entry for a kind of tie: a short line in its colour and style, then its meaning. */
static int legend_tie(cm_strbuf *b, const char *color, int dashed, const char *text, igraph_integer_t count,
                      double k)
{
	int rc = 0;

	/* an em dash, or a dashed one (three small dashes), in the tie's colour */
	rc |= cm_strbuf_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%g\" COLOR=\"%s\"><B>%s</B></FONT> ",
	                       14 * k, color, dashed ? "- - -" : "\xE2\x80\x94\xE2\x80\x94");
	rc |= cm_map_escape_text(b, text, 1, 0);
	rc |= cm_strbuf_printf(b, " (%" IGRAPH_PRId ")</TD></TR>\n", count);
	return rc;
}

/* Legend of a change map: the three kinds of ties, then the actors that joined or left. */
static int legend_change(cm_strbuf *b, const map_plan *p)
{
	const char *x = p->change->before ? p->change->before : _("before");
	const char *y = p->change->after ? p->change->after : _("after");
	cm_strbuf text = { 0 };
	double k = p->text_scale;
	int rc = 0;

	rc |= cm_strbuf_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%g\" COLOR=\"#444444\">", 11 * k);
	rc |= cm_strbuf_printf(&text, _("change from %s to %s"), x, y);
	rc |= cm_map_escape_text(b, text.s ? text.s : "", 1, 0);
	rc |= cm_strbuf_puts(b, "</FONT></TD></TR>\n");
	text.len = 0;
	rc |= cm_strbuf_printf(&text, _("tie kept (in %s and %s)"), x, y);
	if (rc == 0)
		rc |= legend_tie(b, "#999999", 0, text.s, p->n_change[0][CM_CHANGE_KEPT], k);
	text.len = 0;
	rc |= cm_strbuf_printf(&text, _("new tie (in %s, not %s)"), y, x);
	if (rc == 0)
		rc |= legend_tie(b, p->marks.joined, 0, text.s, p->n_change[0][CM_CHANGE_NEW], k);
	text.len = 0;
	rc |= cm_strbuf_printf(&text, _("tie lost (in %s, not %s; or came and went)"), x, y);
	if (rc == 0)
		rc |= legend_tie(b, CHANGE_LOST, 1, text.s,
		                 p->n_change[0][CM_CHANGE_LOST] + p->n_change[0][CM_CHANGE_BETWEEN], k);
	text.len = 0;
	rc |= cm_strbuf_printf(&text, _("actor that joined (in %s, not %s)"), y, x);
	if (rc == 0)
		rc |= legend_mark(b, p->marks.joined, text.s, p->n_change[1][CM_CHANGE_NEW], k);
	text.len = 0;
	rc |= cm_strbuf_printf(&text, _("actor that left, faded (in %s, not %s; or came and went)"), x, y);
	if (rc == 0)
		rc |= legend_mark(b, "#bbbbbb", text.s,
		                  p->n_change[1][CM_CHANGE_LOST] + p->n_change[1][CM_CHANGE_BETWEEN], k);
	cm_strbuf_free(&text);
	return rc ? CM_ENOMEM : 0;
}

/* The legend's rows (values, marks, change), in one column (beside the map) or several (above or below it). */
static int legend_body(cm_strbuf *b, const map_plan *p, int one_column)
{
	int rc = 0, same = !strcmp(p->colors.attr, p->shapes.attr);
	cm_strbuf heading = { 0 };

	rc |= cm_strbuf_printf(&heading, same ? _("colour and shape: %s") : _("colour: %s"), p->colors.attr);
	if (rc == 0)
		rc |= legend_rows(b, &p->colors, 1, same, heading.s, p->text_scale, one_column);
	if (!same && p->shapes.attr[0] && rc == 0) {
		heading.len = 0;
		rc |= cm_strbuf_printf(&heading, _("shape: %s"), p->shapes.attr);
		if (rc == 0)
			rc |= legend_rows(b, &p->shapes, 0, 1, heading.s, p->text_scale, one_column);
	}
	cm_strbuf_free(&heading);
	if (rc == 0 && (p->show_isolated || p->show_brokers || p->show_suggestions))
		rc |= legend_marks(b, p);
	if (rc == 0 && p->change && !p->change->show)
		rc |= legend_change(b, p);
	return rc ? CM_ENOMEM : 0;
}

/*
 * The size in points a legend table takes, estimated from its HTML with
 * the character widths of cm_map_text_width() (an upper bound): the widest
 * row (cells side by side) and the rows' heights (1.2 lines of their
 * largest font, and the cell spacing).  Rows of a nested table count on
 * their own; the nested table's columns are not aligned, so several
 * columns can come out wider than this.
 */
static void legend_extent(double *w, double *h, const char *html, double base_points)
{
	double size[16], row_w = 0, row_font = 0, cell = 8;
	int depth = 0;

	*w = *h = 0;
	size[0] = base_points;
	for (const char *q = html; *q; ) {
		if (*q == '<') {
			const char *end = strchr(q, '>');
			const char *ps = strstr(q, "POINT-SIZE=\"");

			if (!end)
				break;
			if (!strncmp(q, "<FONT", 5)) {
				double pt = ps && ps < end ? strtod(ps + 12, NULL) : size[depth];

				if (depth < 15)
					size[++depth] = pt;
			} else if (!strncmp(q, "</FONT", 6) && depth > 0) {
				depth--;
			} else if (!strncmp(q, "<TR", 3)) {
				row_w = 0;
				row_font = 0;
			} else if (!strncmp(q, "<TD", 3)) {
				row_w += cell;
			} else if (!strncmp(q, "</TR", 4)) {
				if (row_w > *w)
					*w = row_w;
				*h += 1.2 * (row_font > 0 ? row_font : base_points) + 2 * 3;
				row_w = 0;
				row_font = 0;
			}
			q = end + 1;
			continue;
		}
		{
			/* a run of text: entities count as one wide character */
			char run[512];
			size_t k = 0;

			while (*q && *q != '<' && k + 1 < sizeof(run)) {
				if (*q == '&') {
					const char *semi = strchr(q, ';');

					run[k++] = 'W';
					q = semi ? semi + 1 : q + 1;
				} else {
					run[k++] = *q++;
				}
			}
			run[k] = '\0';
			if (k && strspn(run, " \n") < k) {
				row_w += cm_map_text_width(run, size[depth]);
				if (size[depth] > row_font)
					row_font = size[depth];
			}
		}
	}
}

/* The legend beside or under the map as an HTML table (empty when the map has none), and its estimated size. */
int cm_map_legend(cm_strbuf *b, double *w, double *h, const map_plan *p, const cm_render_options *o, int one_column)
{
	cm_strbuf body = { 0 };
	int rc;

	*w = *h = 0;
	if (o->no_legend)
		return 0;
	if ((rc = legend_body(&body, p, one_column)) < 0 || !body.len) {
		cm_strbuf_free(&body);
		return rc;
	}
	legend_extent(w, h, body.s, 14 * p->text_scale);
	/*
	 * at its own size: a WIDTH stretched Graphviz 2.43's nested tables,
	 * parting each glyph from its value; the caller keeps it clear of the map
	 * with the estimate, an upper bound
	 */
	rc = cm_strbuf_printf(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">\n%s</TABLE>",
	                      body.s);
	cm_strbuf_free(&body);
	return rc < 0 ? CM_ENOMEM : 0;
}

/* The graph label: title, a caption with counts and the encodings, and the legend. */
int cm_map_label(cm_strbuf *b, const map_plan *p, const cm_render_options *o)
{
	const igraph_t *graph = &p->net->graph;
	const char *title = o->title;
	char *derived = NULL;
	int rc = 0, text_by;
	cm_strbuf by_text = { 0 };
	igraph_integer_t n = igraph_vcount(graph), m = igraph_ecount(graph), n_latlon;
	const char *size_name = !strcmp(p->size_by, "pagerank") ? "PageRank" : p->size_by;

	if (!title) {
		const char *src = p->net->source && strcmp(p->net->source, "-") ? p->net->source : NULL;
		const char *base, *dot;
		size_t len;

		if (src) {
			len = strlen(src);
			while (len > 1 && src[len - 1] == '/')
				len--;
			base = src;
			for (size_t i = 0; i + 1 < len; i++)
				if (src[i] == '/')
					base = src + i + 1;
			len -= (size_t)(base - src);
			dot = memchr(base, '.', len);
			if (dot && dot > base)
				len = (size_t)(dot - base);
			/* "folder/edges.csv" (or a two-mode folder's participations.csv): the folder names the network */
			if (base > src + 1 && ((len == 5 && !strncmp(base, "edges", 5)) ||
			                       (len == 5 && !strncmp(base, "nodes", 5)) ||
			                       (len == 14 && !strncmp(base, "participations", 14)) ||
			                       (len == 5 && !strncmp(base, "liens", 5)))) {
				const char *end = base - 1, *start = src;

				for (const char *q = src; q < end; q++)
					if (*q == '/' && q + 1 < end)
						start = q + 1;
				base = start;
				len = (size_t)(end - start);
			}
			derived = cm_strndup(base, len);
			if (!derived)
				return CM_ENOMEM;
		}
		title = derived ? derived : _("Cooperation network");
	}
	rc |= cm_strbuf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">\n");
	rc |= cm_strbuf_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%g\"><B>", 22 * p->text_scale);
	rc |= cm_map_escape_text(b, title, 1, 120);
	rc |= cm_strbuf_puts(b, "</B></FONT></TD></TR>\n");
	if (p->change && p->change->show) {
		/* one state: its own counts, and where its positions come from */
		int st = p->change->show == 1 ? CM_CHANGE_LOST : CM_CHANGE_NEW;

		n = p->n_change[1][CM_CHANGE_KEPT] + p->n_change[1][st];
		m = p->n_change[0][CM_CHANGE_KEPT] + p->n_change[0][st];
		rc |= cm_strbuf_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%g\" COLOR=\"#444444\">",
		                       11 * p->text_scale);
		rc |= escape_around(b, _("at the end of %s"), p->change->show == 1 ? p->change->before : p->change->after, 20);
		rc |= escape_around(b, _("; positions shared with the map of %s"),
		                    p->change->show == 1 ? p->change->after : p->change->before, 20);
		rc |= cm_strbuf_puts(b, "</FONT></TD></TR>\n");
	}
	if (p->by) {
		/* the regional map: what the nodes, numbers and ties count */
		rc |= cm_strbuf_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%g\" COLOR=\"#444444\">",
		                       11 * p->text_scale);
		/* TRANSLATORS: the caption of the regional map (render --by region); the first %s is the attribute */
		text_by = cm_strbuf_printf(&by_text, dngettext(CM_TEXTDOMAIN, "%" PRId64 " group by %s", "%" PRId64 " groups by %s",
		                                               (unsigned long)n), n, p->by);
		if (text_by >= 0)
			text_by = cm_strbuf_printf(&by_text, dngettext(CM_TEXTDOMAIN, ", %" PRId64 " pair of groups tied",
			                                               ", %" PRId64 " pairs of groups tied", (unsigned long)m), m);
		if (text_by >= 0 && p->by_focus)
			text_by = cm_strbuf_printf(&by_text, _(" \xC2\xB7 node area: actors of type %s"), p->by_focus);
		else if (text_by >= 0)
			text_by = cm_strbuf_puts(&by_text, _(" \xC2\xB7 node area: actors"));
		if (text_by >= 0)
			text_by = cm_strbuf_puts(&by_text, _(" \xC2\xB7 in a node: its ties inside \xC2\xB7 on a tie, and its width: "
			                                     "the ties between"));
		rc |= text_by < 0 ? text_by : cm_map_escape_text(b, by_text.s, 1, 0);
		cm_strbuf_free(&by_text);
	} else {
		rc |= cm_strbuf_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%g\" COLOR=\"#444444\">",
		                       11 * p->text_scale);
		rc |= caption(b, dngettext(CM_TEXTDOMAIN, "%" PRId64 " actor", "%" PRId64 " actors",
		                                       (unsigned long)n), n);
		rc |= caption(b, dngettext(CM_TEXTDOMAIN, ", %" PRId64 " tie", ", %" PRId64 " ties",
		                                       (unsigned long)m), m);
	}
	if (!o->no_legend && !p->by) {
		if (strcmp(p->size_by, "none"))
			rc |= caption(b, _(" \xC2\xB7 node size: %s"), size_name);
		if (p->has_weight && p->wmax > p->wmin)
			rc |= caption(b, "%s", _(" \xC2\xB7 tie width: weight"));
		if (p->n_labels < n) {
			if (strcmp(p->size_by, "none"))
				rc |= caption(b, _(" \xC2\xB7 labels: top %" PRId64 " by %s"), p->n_labels, size_name);
			else
				rc |= caption(b, _(" \xC2\xB7 labels: top %" PRId64 " by order"), p->n_labels);
		}
	}
	if (!o->no_legend && p->n_labels_out) {
		rc |= caption(b, dngettext(CM_TEXTDOMAIN,
		                                       " \xC2\xB7 %" PRId64 " label left out for want of room (every name is "
		                                       "in its actor's tooltip)",
		                                       " \xC2\xB7 %" PRId64 " labels left out for want of room (every name is "
		                                       "in its actor's tooltip)", (unsigned long)p->n_labels_out),
		                       p->n_labels_out);
	}
	n_latlon = n - p->geo_by_region - p->geo_by_neighbours - p->geo_unplaced;
	if (!strcmp(p->engine, "geo")) {
		rc |= caption(b, _(" \xC2\xB7 layout geo (Lambert-93), seed %lu"), p->seed);
		rc |= cm_strbuf_puts(b, "</FONT></TD></TR>\n");
		rc |= cm_strbuf_printf(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"%g\" COLOR=\"#444444\">",
		                       11 * p->text_scale);
		rc |= caption(b, dngettext(CM_TEXTDOMAIN, "%" PRId64 " actor placed by lat/lon",
		                                       "%" PRId64 " actors placed by lat/lon", (unsigned long)n_latlon),
		                       n_latlon);
		if (p->insets.len)
			rc |= caption(b, _(" \xC2\xB7 insets west of Brittany, north to south: %s"), p->insets.s);
		if (p->geo_by_region || p->geo_by_neighbours || p->geo_unplaced)
			rc |= caption(b, _("; without: %" PRId64 " around their region's centre, "
			                               "%" PRId64 " beside their neighbours, %" PRId64 " in the bottom row"),
			                       p->geo_by_region, p->geo_by_neighbours, p->geo_unplaced);
	} else if (strcmp(p->engine, "fr")) {
		rc |= caption(b, _(" \xC2\xB7 layout %s, seed %lu"), p->engine, p->seed);
	} else {
		rc |= caption(b, _(" \xC2\xB7 layout Fruchterman-Reingold (igraph), seed %lu"), p->seed);
	}
	rc |= cm_strbuf_puts(b, "</FONT></TD></TR>\n");
	/* the legend in the label when the map's extent is unknown before Graphviz lays it out; else beside it */
	if (!o->no_legend && rc == 0 && !p->xy)
		rc |= legend_body(b, p, 0);
	rc |= cm_strbuf_puts(b, "</TABLE>");
	free(derived);
	return rc ? CM_ENOMEM : 0;
}
