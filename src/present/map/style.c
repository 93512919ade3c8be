/*
 * How a map looks: the colour schemes and shapes given to ranks of values,
 * and the escaping of text from data into Graphviz labels.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "present/map/style.h"
#include "coopmap/common.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "present/map/map.h"

static const palette palettes[] = {
	{ "set28", 7, { 1, 2, 3, 4, 5, 6, 7 }, 8 },
	{ "set19", 8, { 1, 2, 3, 4, 5, 6, 7, 8 }, 9 },
	{ "set312", 10, { 1, 3, 4, 5, 6, 7, 8, 10, 11, 12 }, 9 },
};

/* Shapes by rank (the others: doublecircle), and the legend glyph drawing each one. */
static const char *const shapes[MAX_SHAPES + 1] = {
	"circle", "box", "diamond", "triangle", "hexagon", "invtriangle", "pentagon", "star", "doublecircle"
};
static const char *const glyphs[MAX_SHAPES + 1] = {
	"\xE2\x97\x8F", "\xE2\x96\xA0", "\xE2\x97\x86", "\xE2\x96\xB2",
	"\xE2\xAC\xA2", "\xE2\x96\xBC", "\xE2\xAC\x9F", "\xE2\x98\x85", "\xE2\x97\x8E"
};

/* The palette for a grouping with `named` values of their own colour. */
const palette *cm_map_palette(int named)
{
	return &palettes[named <= 7 ? 0 : named == 8 ? 1 : 2];
}

/* The colour of a rank (OTHER_SLOT: the grey), as Graphviz's "/scheme/n". */
void cm_map_color_name(char *buf, size_t size, const palette *pal, int slot)
{
	snprintf(buf, size, "/%s/%d", pal->scheme, slot < pal->named ? pal->color[slot] : pal->other);
}

/* The shape index of a rank (the others share the last). */
static int shape_index(int slot)
{
	return slot < MAX_SHAPES ? slot : MAX_SHAPES;
}

/* The Graphviz shape of a rank. */
const char *cm_map_shape(int slot)
{
	return shapes[shape_index(slot)];
}

/* The legend glyph drawing the shape of a rank. */
const char *cm_map_glyph(int slot)
{
	return glyphs[shape_index(slot)];
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
