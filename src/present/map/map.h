/*
 * What the files of present/map share: the map plan, which cm_render()
 * fills before building the Graphviz graph, the groupings of actors by an
 * attribute, the colour palettes, and the sizes that change how a map is
 * drawn.
 */
#ifndef COOPMAP_PRESENT_MAP_MAP_H
#define COOPMAP_PRESENT_MAP_MAP_H

#include <stddef.h>

#include <igraph.h>

#include "coopmap/network.h"
#include "coopmap/render.h"
#include "base/strbuf.h"

/*
 * Colours and shapes are fixed by value, not by frequency, so that two maps
 * of the same data compare (docs/maps.md): the domain's known types
 * (cm_map_known_types) have fixed entries, other values take the next
 * entries in sorted order, and values beyond the last share the fallback
 * (OTHER_SLOT: grey, and Msquare), named "others" in the legend.  MAX_NAMED
 * is the number of clusters drawn as boxes.
 */
#define MAX_NAMED 10
#define OTHER_SLOT 1000000
/* Entries of the colour and shape tables (style.c). */
#define N_COLORS 12
#define N_SHAPES 10
#define N_KNOWN_TYPES 10
/* Ring and mark colours picked at plan time, each far from every fill in use (cm_map_pick_marks). */
typedef struct {
	const char *isolated;  /* ring of isolated actors, and suggested ties */
	const char *broker;    /* ring of brokers */
	const char *joined;    /* ring of actors that joined (render --diff) */
} map_marks;

/* The values of one actor attribute, grouped: most frequent first. */
typedef struct {
	const char *attr;
	char **values;        /* distinct values by rank ("" is last) */
	igraph_integer_t *counts;
	size_t n;             /* number of distinct values */
	int *slot;            /* per vertex: rank, or OTHER_SLOT */
	size_t *vindex;       /* per vertex: index in values (when values exist) */
	int has_unknown;
	int named;            /* values with their own slot */
	int *vslot;           /* per value: its slot (colour or shape entry), or OTHER_SLOT */
	const char *unknown;  /* legend name of "" (NULL: "unknown") */
	size_t max_chars;     /* legend text cut (0: 32) */
} grouping;

/* Largest network drawn with clusters by default by fdp and dot (fr: any size), and with every label. */
#define CLUSTER_MAX_ACTORS 200
#define ALL_LABELS_MAX_ACTORS 60
#define TOP_LABELS_DEFAULT 30
/* Largest network whose overlaps are removed with prism (above: prism0, overlap scaling only). */
#define PRISM_MAX_ACTORS 5000
/*
 * Least printed size, in points, of an actor label placed by coopmap (fr,
 * geo, --by) once the map is scaled to its page (render --size): below,
 * the labels grow and fewer fit (docs/maps.md).
 */
#define MIN_LABEL_POINTS 7
/* The same for the names of region boxes (fr), from an estimate of the page scale made before drawing. */
#define MIN_REGION_POINTS 8
/* From this size on, nodes are drawn smaller and ties fainter. */
#define LARGE_ACTORS 400

/* Marks drawn on actors (bits of map_plan.mark). */
#define MARK_ISOLATED 1
#define MARK_BROKER 2
/*
 * Change maps (render --diff): ColorBrewer "dark2" green for what is new
 * (ties, the ring of actors that joined) and "set1" red, dashed, for lost
 * ties: a line, not a ring, so it does not read as the isolated mark.
 * Actors that left are faded to grey.
 */
#define CHANGE_LOST "/set19/1"
#define CHANGE_KEPT_TIE "#99999999"
#define CHANGE_LEFT_FILL "#e0e0e0"
/* Suggestions drawn per isolated actor. */
#define SUGGEST_PER_ACTOR 3

/* Everything cm_render() decides before building the Graphviz graph. */
typedef struct {
	const cm_network *net;
	cm_network *own_net;  /* render --by: the network of the groups, which net points to */
	const char *by;       /* render --by: the grouping attribute (NULL: a map of actors) */
	const char *by_focus; /* render --by: the focus type sizing the nodes (NULL: all actors) */
	const char *renderer, *engine, *size_by;
	unsigned long seed;
	grouping colors, shapes, clusters;
	map_marks marks;      /* ring colours, checked against the fills in use */
	double text_scale;    /* title and legend grow with large maps, which are scaled down */
	int have_clusters;
	igraph_vector_t size;
	double size_max;
	char *label_on;       /* per vertex: 1 when its label is shown */
	igraph_integer_t n_labels;
	double wmin, wmax;
	int has_weight;
	const cm_render_change *change; /* render --diff: what each tie and actor is (NULL: a plain map) */
	igraph_integer_t n_change[2][4]; /* [ties, actors][CM_CHANGE_*]: counts for the legend */
	/* highlights */
	const char *focus;    /* focus type of isolated and clubs */
	char *mark;           /* per vertex: MARK_* bits */
	int show_isolated, show_brokers, show_clubs, show_suggestions;
	igraph_integer_t *suggested;  /* --highlight suggestions: pairs of vertices, 2 per tie */
	size_t n_suggested;           /* ties */
	igraph_integer_t n_suggesting; /* isolated actors with a suggestion */
	igraph_integer_t n_isolated, n_brokers, top_brokers, n_marked_labels;
	size_t n_clubs;
	grouping club_groups; /* clusters by club */
	/* --layout geo */
	double *xy;           /* per vertex: x, y in points (geo, fr): drawn pinned */
	double *cluster_bb;   /* fr: per cluster, its box (x0, y0, x1, y1 in points) */
	igraph_integer_t geo_by_region, geo_by_neighbours, geo_unplaced;
	cm_strbuf insets;     /* overseas insets in use, for the caption */
	double *outline;      /* geo: the outlines of the regions, x, y in points per point (NULL: none) */
	int *outline_ring;    /* geo: the ring of each outline point */
	int *outline_region;  /* geo: the region of each outline point (index in cm_outline_regions) */
	size_t n_outline;
	double time_limit;    /* seconds; 0: none */
	double page_w, page_h; /* inches: the map is scaled down to fit (render --size) */
	double *label_xy;     /* per vertex: centre of its label, points (NaN: none), when placed by coopmap */
	igraph_integer_t n_labels_out; /* labels left out for want of room */
	double label_pt;      /* actor labels' point size when the page scale asked for more (0: the default) */
	double cluster_pt;    /* fr: box names' point size when the page scale asked for more (0: the default) */
	double legend_k;      /* the legend node's text scale as drawn (0: no legend node) */
	double legend_min_k;  /* the least text scale the page scale asked of the legend (0: none) */
	int dpi;              /* PNG pixels per inch */
} map_plan;

/*
 * Is a tie or actor of this change status drawn?  Everything on a plain map
 * and on a change map of both states; with one state shown (render --diff
 * --show), what is in that state.
 */
static inline int cm_map_change_shown(const map_plan *p, unsigned char status)
{
	if (!p->change || !p->change->show)
		return 1;
	return status == CM_CHANGE_KEPT || status == (p->change->show == 1 ? CM_CHANGE_LOST : CM_CHANGE_NEW);
}

#endif
