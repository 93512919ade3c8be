/*
 * How a map looks: the colour schemes and shapes given to ranks of values,
 * and the escaping of text from data into Graphviz labels.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "present/map/style.h"
#include "coopmap/common.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/error.h"
#include "present/map/geometry.h"
#include "present/map/map.h"
#include "base/i18n.h"

/* Least RGB distance between a ring and any fill (black and the darkest fill, paired12 blue: 218). */
#define MARK_DISTANCE 100

/* The domain's known actor types, in the order of their fixed colour and shape entries. */
const char *const cm_map_known_types[N_KNOWN_TYPES] = {
	"cite", "crpv", "reseau", "etat", "collectivite", "association", "ecole", "parents", "universite", "consultant",
};

/*
 * Fill colours, ColorBrewer "paired12" as Graphviz names it: the ten known
 * types first (cités blue, CRPV orange, networks purple, the State brown...),
 * then the two left; fallback grey.  No entry is black or magenta, the rings.
 */
static const char *const colors[N_COLORS] = {
	"/paired12/2", "/paired12/8", "/paired12/10", "/paired12/12", "/paired12/4", "/paired12/6",
	"/paired12/7", "/paired12/5", "/paired12/9", "/paired12/3", "/paired12/1", "/paired12/11",
};
#define FALLBACK_COLOR "/greys9/4"

/* Shapes, each with the legend glyph drawing it (all distinct); fallback last. */
static const char *const shapes[N_SHAPES + 1] = {
	"circle", "box", "diamond", "triangle", "hexagon", "invtriangle", "pentagon", "star", "doublecircle",
	"parallelogram", "Msquare"
};
static const char *const glyphs[N_SHAPES + 1] = {
	"\xE2\x97\x8F", "\xE2\x96\xA0", "\xE2\x97\x86", "\xE2\x96\xB2", "\xE2\xAC\xA2", "\xE2\x96\xBC",
	"\xE2\xAC\x9F", "\xE2\x98\x85", "\xE2\x97\x89", "\xE2\x96\xB0", "\xE2\x97\x98"
};

/* Candidates for each mark, in order of preference: the first far enough from every fill in use wins. */
static const char *const isolated_marks[] = { "#000000", "#00e5ff", "#ff00ff", NULL };
static const char *const broker_marks[] = { "#ff00ff", "#00e5ff", "#000000", NULL };
static const char *const joined_marks[] = { "/dark28/1", "#00e5ff", "#000000", NULL };

/* The fill colour of a slot (OTHER_SLOT, or past the table: the fallback grey), as "/scheme/n". */
const char *cm_map_color(int slot)
{
	return slot >= 0 && slot < N_COLORS ? colors[slot] : FALLBACK_COLOR;
}

/* The shape index of a slot (the others share the fallback). */
static int shape_index(int slot)
{
	return slot >= 0 && slot < N_SHAPES ? slot : N_SHAPES;
}

/* The Graphviz shape of a slot. */
const char *cm_map_shape(int slot)
{
	return shapes[shape_index(slot)];
}

/* The legend glyph drawing the shape of a slot. */
const char *cm_map_glyph(int slot)
{
	return glyphs[shape_index(slot)];
}

/* The values cmp_value_index() compares. */
static char *const *sort_names;

/* qsort: value indices by value. */
static int cmp_value_index(const void *a, const void *b)
{
	return strcmp(sort_names[*(const size_t *)a], sort_names[*(const size_t *)b]);
}

/*
 * Give each value of a grouping its slot by value: with known (the type
 * attribute), a known type gets its fixed entry; the other non-empty
 * values take the next entries in sorted order, up to n_slots; the rest and
 * the unknown get OTHER_SLOT.  Sets gr->vslot, gr->slot and gr->named.
 */
int cm_map_slot_by_value(grouping *gr, igraph_integer_t n_actors, int known, int n_slots)
{
	size_t *order = malloc((gr->n + 1) * sizeof(*order)), k = 0;
	int next = known ? N_KNOWN_TYPES : 0;

	free(gr->vslot);
	gr->vslot = malloc((gr->n + 1) * sizeof(*gr->vslot));
	if (!order || !gr->vslot) {
		free(order);
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	}
	gr->named = 0;
	for (size_t i = 0; i < gr->n; i++) {
		gr->vslot[i] = OTHER_SLOT;
		for (int t = 0; known && t < N_KNOWN_TYPES && t < n_slots; t++)
			if (!strcmp(gr->values[i], cm_map_known_types[t]))
				gr->vslot[i] = t;
		if (gr->vslot[i] == OTHER_SLOT && gr->values[i][0])
			order[k++] = i;
	}
	sort_names = gr->values;
	qsort(order, k, sizeof(*order), cmp_value_index);
	for (size_t j = 0; j < k && next < n_slots; j++)
		gr->vslot[order[j]] = next++;
	for (size_t i = 0; i < gr->n; i++)
		gr->named += gr->vslot[i] != OTHER_SLOT;
	/* one category only, unknown: no need for the fallback */
	if (gr->n <= 1 && gr->named == 0) {
		if (gr->n == 1)
			gr->vslot[0] = 0;
		for (igraph_integer_t v = 0; v < n_actors; v++)
			gr->slot[v] = 0;
	} else {
		for (igraph_integer_t v = 0; v < n_actors; v++)
			gr->slot[v] = gr->vslot[gr->vindex[v]];
	}
	free(order);
	return 0;
}

/* Give each value the slot it has in the whole input (see style.h). */
int cm_map_slot_like(grouping *gr, igraph_integer_t n_actors, const grouping *whole)
{
	size_t *order = malloc((whole->n + 1) * sizeof(*order));

	free(gr->vslot);
	gr->vslot = malloc((gr->n + 1) * sizeof(*gr->vslot));
	if (!order || !gr->vslot) {
		free(order);
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	}
	for (size_t i = 0; i < whole->n; i++)
		order[i] = i;
	sort_names = whole->values;
	qsort(order, whole->n, sizeof(*order), cmp_value_index);
	gr->named = 0;
	for (size_t i = 0; i < gr->n; i++) {
		size_t lo = 0, hi = whole->n;

		/* binary search of the value among the whole input's, sorted */
		gr->vslot[i] = OTHER_SLOT;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			int c = strcmp(whole->values[order[mid]], gr->values[i]);

			if (c == 0) {
				gr->vslot[i] = whole->vslot[order[mid]];
				break;
			}
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		gr->named += gr->vslot[i] != OTHER_SLOT;
	}
	for (igraph_integer_t v = 0; v < n_actors; v++)
		gr->slot[v] = gr->vslot[gr->vindex[v]];
	free(order);
	return 0;
}

/* The sRGB colour of a Graphviz colour name ("/scheme/n" or "#rrggbb"); 0, or -1 when unknown. */
int cm_map_color_rgb(unsigned char *rgb, const char *name)
{
	char scheme[16];
	int index;
	unsigned r, g, b;

	if (name[0] == '#' && strlen(name) == 7 && sscanf(name + 1, "%2x%2x%2x", &r, &g, &b) == 3) {
		rgb[0] = (unsigned char)r;
		rgb[1] = (unsigned char)g;
		rgb[2] = (unsigned char)b;
		return 0;
	}
	if (sscanf(name, "/%15[a-z0-9]/%d", scheme, &index) == 2) {
		/* "paired12": the scheme's name ends with its number of colours */
		return cm_map_scheme_rgb(rgb, scheme, index);
	}
	return -1;
}

/* Squared distance between two sRGB colours. */
static int rgb_distance2(const unsigned char *a, const unsigned char *b)
{
	int d = 0;

	for (int i = 0; i < 3; i++)
		d += (a[i] - b[i]) * (a[i] - b[i]);
	return d;
}

/* The first candidate at least MARK_DISTANCE from every colour in used (n of them), or NULL. */
static const char *pick_mark(const char *const *cands, const unsigned char (*used)[3], size_t n)
{
	for (size_t c = 0; cands[c]; c++) {
		unsigned char rgb[3];
		size_t i = 0;

		if (cm_map_color_rgb(rgb, cands[c]) < 0)
			continue;
		while (i < n && rgb_distance2(rgb, used[i]) >= MARK_DISTANCE * MARK_DISTANCE)
			i++;
		if (i == n)
			return cands[c];
	}
	return NULL;
}

/*
 * Pick the ring colours for the fills in use (the colour grouping's
 * slots): each mark the first of its candidates far from every fill and
 * from the marks picked before it, so that a ring never reads as a fill.
 */
int cm_map_pick_marks(map_marks *m, const grouping *colors)
{
	unsigned char used[N_COLORS + 4][3];
	size_t n = 0, have_fallback = 0;

	for (size_t i = 0; i < colors->n; i++)
		if (colors->vslot && colors->vslot[i] != OTHER_SLOT)
			cm_map_color_rgb(used[n++], cm_map_color(colors->vslot[i]));
		else
			have_fallback = 1;
	if (have_fallback || colors->n == 0)
		cm_map_color_rgb(used[n++], FALLBACK_COLOR);
	if (!(m->isolated = pick_mark(isolated_marks, (const unsigned char (*)[3])used, n)))
		return cm_error_set(CM_ERROR, _("no ring colour stands apart from the map's fills"));
	cm_map_color_rgb(used[n++], m->isolated);
	if (!(m->broker = pick_mark(broker_marks, (const unsigned char (*)[3])used, n)))
		return cm_error_set(CM_ERROR, _("no ring colour stands apart from the map's fills"));
	cm_map_color_rgb(used[n++], m->broker);
	if (!(m->joined = pick_mark(joined_marks, (const unsigned char (*)[3])used, n)))
		return cm_error_set(CM_ERROR, _("no ring colour stands apart from the map's fills"));
	return 0;
}

/* Characters kept from the end of a shortened label. */
#define LABEL_TAIL 8

/*
 * Append s as Graphviz label text: invalid UTF-8 replaced, control
 * characters dropped (they make invalid XML), "\" doubled (Graphviz expands
 * \N, \G, \l...) and "&" written &amp; (Graphviz decodes entities).  html
 * also escapes < > " for HTML-like labels.  At most max_chars characters
 * are kept (0: all): the start and the last LABEL_TAIL characters, the cut
 * marked with an ellipsis in the middle, since labels that differ only at
 * the end ("Cité éducative Hauts-de-France 13") must stay apart.
 */
int cm_map_escape_text(cm_strbuf *b, const char *s, int html, size_t max_chars)
{
	char *clean = cm_utf8_sanitize(s ? s : "");
	size_t chars = 0, total = 0, head = 0, skip_to = 0;
	int rc = 0;

	if (!clean)
		return CM_ENOMEM;
	for (const unsigned char *p = (const unsigned char *)clean; *p; p++)
		total += (*p & 0xC0) != 0x80;
	if (max_chars && total > max_chars) {
		size_t tail = max_chars > 2 * LABEL_TAIL ? LABEL_TAIL : 0;

		head = max_chars - 1 - tail;
		skip_to = total - tail;
	}
	for (const unsigned char *p = (const unsigned char *)clean; *p && rc == 0; p++) {
		unsigned char c = *p;

		if ((c & 0xC0) != 0x80) {
			chars++;
			if (skip_to && chars == head + 1) {
				rc = cm_strbuf_puts(b, "\xE2\x80\xA6");
				if (skip_to == total)
					break;
			}
			if (skip_to && chars > head && chars <= skip_to) {
				while ((p[1] & 0xC0) == 0x80)
					p++;
				continue;
			}
		}
		if (c == '\t' || c == '\n' || c == '\r')
			rc = cm_strbuf_add(b, " ", 1);
		else if (c < 0x20 || c == 0x7F)
			continue; /* counted in the length all the same: a label rarely has them */
		else if (c == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			p++; /* C1 control: not allowed in SVG text either */
		else if (c == '\\')
			rc = cm_strbuf_puts(b, "\\\\");
		else if (c == '&')
			rc = cm_strbuf_puts(b, "&amp;");
		else if (html && c == '<')
			rc = cm_strbuf_puts(b, "&lt;");
		else if (html && c == '>')
			rc = cm_strbuf_puts(b, "&gt;");
		else if (html && c == '"')
			rc = cm_strbuf_puts(b, "&quot;");
		else
			rc = cm_strbuf_add(b, (const char *)p, 1);
	}
	if (rc == 0 && !b->s)
		rc = cm_strbuf_add(b, "", 0);
	free(clean);
	return rc;
}
