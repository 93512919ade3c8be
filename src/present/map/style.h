/* How a map looks: colours and shapes by rank, and label text from data. */
#ifndef COOPMAP_PRESENT_MAP_STYLE_H
#define COOPMAP_PRESENT_MAP_STYLE_H

#include <stddef.h>

#include "base/strbuf.h"
#include "present/map/map.h"

/* The domain's known actor types, in the order of their fixed colour and shape entries. */
extern const char *const cm_map_known_types[N_KNOWN_TYPES];
/* The fill colour of a slot (OTHER_SLOT: the fallback grey), as "/scheme/n". */
const char *cm_map_color(int slot);
/* The Graphviz shape of a slot (OTHER_SLOT: the fallback, Msquare). */
const char *cm_map_shape(int slot);
/* The legend glyph drawing the shape of a slot (each distinct). */
const char *cm_map_glyph(int slot);
/*
 * Give each value of a grouping its slot by value, not frequency: with
 * known, the known types their fixed entries; other values the next ones in
 * sorted order, up to n_slots; the rest OTHER_SLOT.  0 or CM_ENOMEM.
 */
int cm_map_slot_by_value(grouping *gr, igraph_integer_t n_actors, int known, int n_slots);
/*
 * Give each value of gr the slot the same value has in whole (the same
 * attribute over the whole input, slotted by cm_map_slot_by_value): a value
 * missing from whole gets OTHER_SLOT.  Sets gr->vslot, gr->slot and gr->named.
 */
int cm_map_slot_like(grouping *gr, igraph_integer_t n_actors, const grouping *whole);
/* The sRGB colour of "/scheme/n" or "#rrggbb" into rgb; 0, or -1 when unknown. */
int cm_map_color_rgb(unsigned char *rgb, const char *name);
/* Pick ring colours far from every fill the colour grouping uses; 0 or CM_ERROR. */
int cm_map_pick_marks(map_marks *m, const grouping *colors);
/*
 * Append s as Graphviz label text (html: for HTML-like labels), cut to
 * max_chars characters (0: all); 0 or CM_ENOMEM.
 */
int cm_map_escape_text(cm_strbuf *b, const char *s, int html, size_t max_chars);

#endif
