/*
 * The projection of two-mode data (model/twomode.h) onto its actors or its
 * events (filter/project.c): the raw graph that the tie pipeline
 * (filter/filter.h) then makes a cm_network.
 */
#ifndef COOPMAP_FILTER_PROJECT_H
#define COOPMAP_FILTER_PROJECT_H

#include <igraph.h>

#include "coopmap/filter.h"
#include "model/twomode.h"

/*
 * Vertex and graph attributes the projection adds, read by the two-mode
 * measures (measure/): events each actor attended after the year filters,
 * how many of them it attended alone, and (graph) the events kept and the
 * participations.  For a projection onto events, "participants" per event.
 */
#define CM_ATTR_EVENTS_ATTENDED "events_attended"
#define CM_ATTR_EVENTS_ALONE "events_alone"
#define CM_ATTR_PARTICIPANTS "participants"
#define CM_GATTR_EVENTS "two_mode_events"
#define CM_GATTR_PARTICIPATIONS "two_mode_participations"
/*
 * Hidden, only while --where or --ego may drop actors: each actor's events
 * (their numbers, separated by ','), for cm_twomode_recount().
 */
#define CM_ATTR_TM_EVENTS "coopmap:events"

/*
 * After --where or --ego kept some actors of a projection: the graph's
 * events and participations counted again over the kept actors (the events
 * at least one of them attended, and their participations), so that they
 * agree with the actors' own counts; then the hidden attribute removed.
 * Nothing to do on other graphs.  0 or a negative code.
 */
int cm_twomode_recount(igraph_t *g);

/*
 * Project t onto its actors (or its events with f->project_events) into
 * *out, a raw graph that owns new attributes: the events of the years f
 * keeps, the tie weight f->projection chooses, ties of fewer than
 * f->min_shared shared events left out; events larger than
 * f->max_event_size are refused (CM_EINPUT) naming the event.  Ties carry
 * "weight", "year" (the first year they met), "first_year",
 * "shared_events" and "events" (their ids joined by ';'); actors carry the
 * actor table's attributes and the counts above.  source names the input
 * in messages.
 */
int cm_twomode_project(igraph_t *out, const cm_twomode *t, const cm_filter *f, const char *source);

/*
 * The two-mode graph itself into *out: actors then events, with the
 * numeric vertex attribute "bipartite" (0 actor, 1 event: NetworkX's
 * convention), one tie per participation with its weight and the event's
 * year.  CM_EINPUT when an id names both an actor and an event.
 */
int cm_twomode_graph(igraph_t *out, const cm_twomode *t, const cm_filter *f, const char *source);

#endif
