/* How a map looks: colours and shapes by rank, and label text from data. */
#ifndef COOPMAP_PRESENT_MAP_STYLE_H
#define COOPMAP_PRESENT_MAP_STYLE_H

#include <stddef.h>

#include "base/strbuf.h"
#include "present/map/map.h"

/* The palette for a grouping with `named` values of their own colour. */
const palette *cm_map_palette(int named);
/* The colour of a rank (OTHER_SLOT: the grey), as Graphviz's "/scheme/n". */
void cm_map_color_name(char *buf, size_t size, const palette *pal, int slot);
/* The Graphviz shape of a rank (the others: doublecircle). */
const char *cm_map_shape(int slot);
/* The legend glyph drawing the shape of a rank. */
const char *cm_map_glyph(int slot);
/*
 * Append s as Graphviz label text (html: for HTML-like labels), cut to
 * max_chars characters (0: all); 0 or CM_ENOMEM.
 */
int cm_map_escape_text(cm_strbuf *b, const char *s, int html, size_t max_chars);

#endif
