/*
 * Two-mode (actor-event) data as read from a participation table, an event
 * table or a graph with a "bipartite" vertex attribute (model/twomode.c),
 * before the projection (filter/project.h) turns it into a network of
 * actors (or of events).
 */
#ifndef COOPMAP_MODEL_TWOMODE_H
#define COOPMAP_MODEL_TWOMODE_H

#include <igraph.h>

#include "model/names.h"

/* One event: its year (NaN: undated) and the event table's text, "" when absent. */
typedef struct cm_event {
	double year;
	char *label, *kind, *region;
	long line;       /* line in the event table, 0 when only named by participations */
} cm_event;

/* Actors, events and who took part in what: one participation per (actor, event). */
typedef struct cm_twomode {
	cm_names actors, events;
	cm_event *ev;                  /* per event, events.n of them */
	size_t ev_cap;
	igraph_integer_t np;           /* participations */
	igraph_integer_t *pa, *pe;     /* actor and event of each */
	double *pw;                    /* weight of each (1 when none given) */
	char **prole;                  /* role of each (owned, NULL when none given) */
	int has_role;                  /* the input had a role column */
	size_t p_cap;
	/* actor attributes from an actor table: names[k] for actors 0..nlisted-1 */
	char **attr_names;
	char ***attr_values;           /* attr_values[k][actor], NULL when none */
	size_t nattr;
	igraph_integer_t nlisted;      /* actors from the actor table come first */
} cm_twomode;

/* Free everything (a zeroed cm_twomode, and twice, are fine). */
void cm_twomode_free(cm_twomode *t);

/* The index of event id, adding it (undated, no text) when new; 0 or a negative code. */
int cm_twomode_event(cm_twomode *t, const char *id, igraph_integer_t *idx, int *added);

/* Add participation (actor a, event e, weight w); 0 or CM_ENOMEM. */
int cm_twomode_add(cm_twomode *t, igraph_integer_t a, igraph_integer_t e, double w);

#endif
