/*
 * An input read for `coopmap check` (load/load.c): its format found as
 * cm_network_load() finds it; a CSV table only located (the check reads it
 * row by row, with its lines), any other format read into a raw graph
 * (model/raw.h) with its actors named, before the tie pipeline merges,
 * drops or refuses anything.
 */
#ifndef COOPMAP_LOAD_RAW_INPUT_H
#define COOPMAP_LOAD_RAW_INPUT_H

#include <igraph.h>

#include "coopmap/load.h"

typedef struct cm_raw_input {
	int csv;           /* 1: a CSV table, at edges_path (and nodes_path) */
	char *edges_path;  /* CSV: the edge list, "-" for standard input */
	char *nodes_path;  /* CSV: the actor table, or NULL */
	char *name;        /* the input's name for messages ("<stdin>" for standard input) */
	int two_mode;      /* CSV: edges_path is a participation table */
	char *events_path; /* CSV two-mode: the event table, or NULL */
	igraph_t graph;    /* not CSV: the raw graph, "name" unique for every actor */
	int has_graph;
} cm_raw_input;

/* Read input as cm_network_load() would, stopping before the pipeline.  Returns 0 or a cm_error_t. */
int cm_load_raw(cm_raw_input *out, const char *input, const cm_load_options *opts);

/* Free what cm_load_raw() gave (a zeroed one is fine). */
void cm_raw_input_free(cm_raw_input *r);

/*
 * 1 when a loaded network has ids, labels or type values that are equal
 * once case and accents are folded (types: and a plural) but written
 * differently, as `coopmap check` lists them; 0 (always above the number
 * of actors check compares pairwise); or CM_ENOMEM.  For the hint.
 */
int cm_check_spellings(const cm_network *net);

#endif
