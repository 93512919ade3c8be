/**
 * @file coopmap/render.h
 * @brief Network maps through Graphviz.
 */
#ifndef COOPMAP_RENDER_H
#define COOPMAP_RENDER_H

#include "network.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options of cm_render(). Zero-initialise, then set what you need. */
typedef struct cm_render_options {
	const char *format;     /**< "svg", "png", "pdf", "dot"; NULL: from the path */
	const char *layout;     /**< "auto" (NULL: fdp up to 1,500 actors, then sfdp), "sfdp", "fdp", "neato", "dot", "circo" */
	const char *color_by;   /**< actor attribute for colours (default "type") */
	const char *shape_by;   /**< actor attribute for shapes (default "type") */
	const char *size_by;    /**< "pagerank" (default), "degree", "strength" or "none" */
	const char *cluster_by; /**< actor attribute for clusters (NULL: "region" on maps of at most 200 actors; "none") */
	const char *highlight;  /**< "isolated", "brokers", "clubs" or NULL; not drawn yet (a notice says so) */
	const char *regions_path; /**< region adjacency (for clubs; unused until highlight is drawn) */
	const char *labels;     /**< "auto" (NULL: all up to 60 actors, else the top 30 by size), "all", "none", "top:N" */
	const char *title;      /**< NULL: from the network */
	int no_legend;
	unsigned long seed;     /**< 0: CM_DEFAULT_SEED */
} cm_render_options;

/**
 * Render a map.  Writes atomically: on failure an existing file at path is
 * untouched and no partial file remains.  Layout and drawing run in a child
 * process (fork), so that the same input and seed give the same bytes; see
 * docs/maps.md.
 * @param net the network
 * @param path output file, or "-" for standard output (format then required)
 * @param opts options (NULL: defaults)
 * @return 0 or a negative code
 */
int cm_render(const cm_network *net, const char *path, const cm_render_options *opts);

#ifdef __cplusplus
}
#endif

#endif
