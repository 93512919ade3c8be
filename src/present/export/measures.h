/* Measures and positions as actor attributes of an export (present/export/measures.c). */
#ifndef COOPMAP_PRESENT_EXPORT_MEASURES_H
#define COOPMAP_PRESENT_EXPORT_MEASURES_H

#include "coopmap/export.h"
#include "coopmap/network.h"
#include "present/export/types.h"

/* A network to write: the input, or a copy with the attributes added, and their types. */
typedef struct {
	const cm_network *net;  /* what to write: the input itself, or &own */
	cm_network own;         /* the copy (own.source borrowed from the input) */
	int have_graph;         /* own.graph is a copy to destroy */
	cm_export_hint hints[24];  /* the added attributes and their types, NULL-terminated */
} cm_export_annotated;

/*
 * Set out->net to net, or to a copy with the measures of o->measures as actor attributes
 * (numbers; articulation a boolean; NaN where a measure is undefined) and,
 * when o->layout is set and xy is non-zero, the map's positions as x and y.
 * An attribute of the input with the same name is replaced, with a notice.
 * 0 or a negative code; free *out with cm_export_annotated_free() either way.
 */
int cm_export_annotate(cm_export_annotated *out, const cm_network *net, const cm_export_options *o, int xy);

/* Free what cm_export_annotate() made (a zeroed one is fine). */
void cm_export_annotated_free(cm_export_annotated *a);

#endif
