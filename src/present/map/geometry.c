/*
 * The map's geometry without drawing it: cm_map_plan() and the "fr" (or
 * "geo") layout run in this process, and each actor's position, fill
 * colour and size are read off the plan exactly as build.c reads them for
 * Graphviz, so that an export and `render` with the same seed agree.
 */
#include <stdlib.h>
#include <string.h>

#include "present/map/geometry.h"
#include "coopmap/common.h"
#include "base/error.h"
#include "present/map/fr_layout.h"
#include "present/map/labels.h"
#include "present/map/map.h"
#include "present/map/plan.h"
#include "present/map/style.h"
#include "base/i18n.h"

/*
 * The ColorBrewer schemes that maps use (style.c), as Graphviz 2.43 defines
 * them in lib/common/color_names ("/set28/1" is the first colour of Set2
 * with 8 classes); tests/unit/present/map/test_geometry.c compares them
 * with what Graphviz itself resolves.
 */
static const struct {
	const char *scheme;
	int count;
	unsigned char rgb[12][3];
} schemes[] = {
	{ "set28", 8, { { 102, 194, 165 }, { 252, 141, 98 }, { 141, 160, 203 }, { 231, 138, 195 },
	                { 166, 216, 84 }, { 255, 217, 47 }, { 229, 196, 148 }, { 179, 179, 179 } } },
	{ "set19", 9, { { 228, 26, 28 }, { 55, 126, 184 }, { 77, 175, 74 }, { 152, 78, 163 }, { 255, 127, 0 },
	                { 255, 255, 51 }, { 166, 86, 40 }, { 247, 129, 191 }, { 153, 153, 153 } } },
	{ "paired12", 12, { { 166, 206, 227 }, { 31, 120, 180 }, { 178, 223, 138 }, { 51, 160, 44 },
	                    { 251, 154, 153 }, { 227, 26, 28 }, { 253, 191, 111 }, { 255, 127, 0 },
	                    { 202, 178, 214 }, { 106, 61, 154 }, { 255, 255, 153 }, { 177, 89, 40 } } },
	{ "dark28", 8, { { 27, 158, 119 }, { 217, 95, 2 }, { 117, 112, 179 }, { 231, 41, 138 }, { 102, 166, 30 },
	                 { 230, 171, 2 }, { 166, 118, 29 }, { 102, 102, 102 } } },
	{ "greys9", 9, { { 255, 255, 255 }, { 240, 240, 240 }, { 217, 217, 217 }, { 189, 189, 189 },
	                 { 150, 150, 150 }, { 115, 115, 115 }, { 82, 82, 82 }, { 37, 37, 37 }, { 0, 0, 0 } } },
	{ "set312", 12, { { 141, 211, 199 }, { 255, 255, 179 }, { 190, 186, 218 }, { 251, 128, 114 },
	                  { 128, 177, 211 }, { 253, 180, 98 }, { 179, 222, 105 }, { 252, 205, 229 },
	                  { 217, 217, 217 }, { 188, 128, 189 }, { 204, 235, 197 }, { 255, 237, 111 } } },
};

/* The sRGB colour of "/scheme/index" into rgb; 0, or -1 when unknown. */
int cm_map_scheme_rgb(unsigned char *rgb, const char *scheme, int index)
{
	for (size_t i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++) {
		if (strcmp(schemes[i].scheme, scheme) || index < 1 || index > schemes[i].count)
			continue;
		memcpy(rgb, schemes[i].rgb[index - 1], 3);
		return 0;
	}
	return -1;
}

/* Plan and lay out the map as render would, and read off each actor's geometry. */
int cm_map_geometry_compute(cm_map_geometry *out, const cm_network *net, const cm_render_options *opts)
{
	static const cm_render_options defaults = { 0 };
	cm_render_options o = opts ? *opts : defaults;
	map_plan plan = { 0 };
	igraph_integer_t n = igraph_vcount(&net->graph);
	int rc = 0, large = n > LARGE_ACTORS;

	memset(out, 0, sizeof(*out));
	o.format = "svg";  /* the plan wants a drawing format; nothing is drawn */
	if ((rc = cm_map_plan(&plan, net, "-", &o)) < 0)
		goto done;
	if (!strcmp(plan.engine, "fr")) {
		if ((rc = cm_map_fr_plan(&plan)) < 0)
			goto done;
	} else if (!plan.xy) {
		rc = cm_error_set(CM_EUSAGE, _("positions for an export need the fr or geo layout, not %s"), plan.engine);
		goto done;
	}
	out->n = n;
	out->x = malloc(((size_t)n + 1) * sizeof(*out->x));
	out->y = malloc(((size_t)n + 1) * sizeof(*out->y));
	out->diameter = malloc(((size_t)n + 1) * sizeof(*out->diameter));
	out->rgb = malloc(3 * (size_t)n + 1);
	if (!out->x || !out->y || !out->diameter || !out->rgb) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++) {
		/* as build.c */
		const char *color = cm_map_color(plan.colors.slot[v]);

		if (cm_map_color_rgb(out->rgb + 3 * v, color) < 0) {
			rc = cm_error_set(CM_ERROR, _("unknown colour %s"), color);
			goto done;
		}
		out->x[v] = plan.xy[2 * v];
		out->y[v] = plan.xy[2 * v + 1];
		out->diameter[v] = cm_map_node_width(&plan, v, large) * 72;
	}
done:
	if (rc < 0)
		cm_map_geometry_free(out);
	cm_map_plan_free(&plan);
	return rc;
}

/* Free a geometry (a zeroed one is fine). */
void cm_map_geometry_free(cm_map_geometry *g)
{
	free(g->x);
	free(g->y);
	free(g->diameter);
	free(g->rgb);
	memset(g, 0, sizeof(*g));
}
