/**
 * @file coopmap/render.h
 * @brief Network maps through Graphviz.
 */
#ifndef COOPMAP_RENDER_H
#define COOPMAP_RENDER_H

#include "network.h"
#include "diff.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Two states of a network drawn on one map (coopmap render --diff): the
 * network rendered holds both, and each tie and actor says which it is
 * in (cm_diff_classify()).  Kept ties grey, new ties green, lost ties
 * (and those that came and went) dashed red; actors that joined outlined
 * in green, those that left faded.
 */
typedef struct cm_render_change {
	const unsigned char *tie;    /**< per tie: CM_CHANGE_KEPT, _NEW or _LOST */
	const unsigned char *actor;  /**< per actor: CM_CHANGE_KEPT, _NEW (joined) or _LOST (left) */
	const char *before, *after;  /**< the two states' names in the legend ("2019", "2022") */
	/**
	 * 0: both states, coloured by change; 1 or 2: only the state before or
	 * after, drawn as a plain map on the shared positions (what is not in
	 * that state is laid out but not drawn), so that two maps line up
	 */
	int show;
} cm_render_change;

/** Options of cm_render(). Zero-initialise, then set what you need. */
typedef struct cm_render_options {
	const char *format;     /**< "svg", "png", "pdf", "dot"; NULL: from the path */
	const char *layout;     /**< "auto" (NULL: "fr" at any size), "fr" (igraph's
	                             Fruchterman-Reingold by cluster, drawn pinned), "sfdp", "fdp",
	                             "neato", "dot", "circo" or "geo" (lat/lon, see docs/maps.md) */
	const char *color_by;   /**< actor attribute for colours (default "type") */
	const char *shape_by;   /**< actor attribute for shapes (default "type") */
	const char *size_by;    /**< "pagerank" (default), "degree", "strength" or "none" */
	const char *cluster_by; /**< actor attribute for clusters (NULL: "region", with fdp and dot on maps of at most 200 actors; "none") */
	/**
	 * What to mark, a comma-separated list of "isolated" (actors of the
	 * focus type at isolation level 2 or 3: red ring), "brokers" or
	 * "brokers:N" (the N, default 5, actors with the most Gould-Fernandez
	 * brokerage: purple ring), "clubs" (colours and clusters by proposed
	 * interregional club; needs regions_path), "suggestions" (the 3 best
	 * ties cm_suggest_compute() proposes to each focus actor of isolation
	 * level 2 or 3, dotted red lines; regions_path used when set), or
	 * "none".  NULL:
	 * "isolated" when some actor has the focus type, else nothing.
	 */
	const char *highlight;
	const char *focus_type;   /**< focus type of isolated and clubs (NULL: "cite") */
	const char *regions_path; /**< region adjacency file, for "clubs" (e.g. graphs/regions-fr.csv) */
	const char *centres_path; /**< region centres (region,lat,lon) for layout "geo"; NULL: the
	                               built-in copy of graphs/regions-fr-centres.csv */
	const char *labels;     /**< "auto" (NULL: all up to 60 actors, else the top 30 by size), "all", "none", "top:N" */
	const char *title;      /**< NULL: from the network */
	int no_legend;
	double time_limit;      /**< seconds for the layout (0: CM_RENDER_TIME_LIMIT; negative: none) */
	unsigned long seed;     /**< 0: CM_DEFAULT_SEED */
	const cm_render_change *change; /**< NULL, or the two states to draw (then no highlight by default) */
	/**
	 * NULL, or an actor attribute ("region"): the regional cooperation map,
	 * one node per value (actors without one: "(none)"), its area the
	 * actors of focus_type in it (all actors when there are none), the
	 * number of ties inside written in it, and one tie per pair of groups,
	 * its width the number of ties between their actors
	 */
	const char *by;
	/**
	 * The page the map is scaled down to fit (never up): "A4" (NULL: the
	 * default, 210 x 297 mm), "A3", "A4-landscape", "A3-landscape", or
	 * "WIDTHxHEIGHT" in mm ("180x250", "180x250mm") or pixels ("1600x1200px":
	 * at dpi for PNG, 96 to the inch for SVG and PDF)
	 */
	const char *size;
	int dpi;                /**< PNG pixels per inch (0: CM_RENDER_DPI) */
	/**
	 * NULL, or the whole input before the filters (years, --where, --ego):
	 * the values of the colour attribute take their colours from it, so
	 * that a value has the same colour on every map of the same data
	 */
	const cm_network *palette;
} cm_render_options;

/** Seconds a layout may run before coopmap stops it (see cm_render()). */
#define CM_RENDER_TIME_LIMIT 300
/** PNG pixels per inch by default. */
#define CM_RENDER_DPI 150
/** Brokers marked by highlight "brokers". */
#define CM_RENDER_TOP_BROKERS 5

/**
 * Render a map.  Writes atomically: on failure an existing file at path is
 * untouched and no partial file remains.  Layout and drawing run in a child
 * process (fork), so that the same input and seed give the same bytes; see
 * docs/maps.md.  A layout still running after time_limit seconds is
 * stopped: fdp, neato, dot and circo then fall back to sfdp (with a
 * notice); sfdp and geo fail with CM_ERROR.
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
