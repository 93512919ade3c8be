/*
 * The map's geometry without drawing it: the positions, colours and sizes
 * that `render` gives each actor, for the exports that carry them (GEXF).
 */
#ifndef COOPMAP_PRESENT_MAP_GEOMETRY_H
#define COOPMAP_PRESENT_MAP_GEOMETRY_H

#include "coopmap/network.h"
#include "coopmap/render.h"

/* Per actor: where render puts it, its fill colour and its size, all in points. */
typedef struct {
	igraph_integer_t n;
	double *x, *y;        /* centre, points (y upwards, as Graphviz) */
	double *diameter;     /* node diameter, points */
	unsigned char *rgb;   /* fill colour: r, g, b per actor */
} cm_map_geometry;

/*
 * Plan the map as cm_render() would with the same options (NULL: the
 * defaults) and lay it out in this process, without Graphviz: the "fr"
 * layout (the default) and "geo" only.  0 or a negative code.
 */
int cm_map_geometry_compute(cm_map_geometry *out, const cm_network *net, const cm_render_options *opts);
/* Free a geometry (a zeroed one is fine). */
void cm_map_geometry_free(cm_map_geometry *g);
/* The sRGB colour of Graphviz's ColorBrewer colour "/scheme/index" into rgb; 0, or -1 when unknown. */
int cm_map_scheme_rgb(unsigned char *rgb, const char *scheme, int index);

#endif
