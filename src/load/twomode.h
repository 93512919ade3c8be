/*
 * Two-mode (actor-event) inputs (load/twomode.c): a participation table
 * with optional event and actor tables, or a graph whose vertices carry
 * "bipartite" (0 actor, 1 event), projected by filter/project.h.
 */
#ifndef COOPMAP_LOAD_TWOMODE_H
#define COOPMAP_LOAD_TWOMODE_H

#include <stddef.h>

#include <igraph.h>

#include "coopmap/load.h"

/*
 * Load a participation table held in buf (len bytes, NUL-terminated, taken
 * over in every case), with the event table events_path and the actor
 * table nodes_path when not NULL, and project it (or, with
 * opts->bipartite, build the two-mode graph).
 */
int cm_load_twomode_csv(cm_network **out, char *buf, size_t len, const char *name, char default_delim,
                        const char *events_path, const char *nodes_path, const cm_load_options *opts);

/* 1 when the raw graph g has a vertex attribute "bipartite" (two-mode), else 0. */
int cm_twomode_is_bipartite(const igraph_t *g);

/*
 * Project a raw graph with a "bipartite" vertex attribute (0 actor, 1
 * event; *g taken over in every case) as cm_load_twomode_csv() does.
 */
int cm_load_twomode_graph(cm_network **out, igraph_t *g, const char *name, const cm_load_options *opts);

#endif
