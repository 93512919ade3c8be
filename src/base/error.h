/*
 * Internal side of the error contract (coopmap/common.h): igraph failures,
 * the one macro that wraps an igraph call, and shutdown hooks.
 */
#ifndef COOPMAP_BASE_ERROR_H
#define COOPMAP_BASE_ERROR_H

#include <igraph.h>

#include "coopmap/common.h"

/* Turn an igraph failure into a coopmap error (keeps an earlier reason); returns the code. */
int cm_error_from_igraph(igraph_error_t err, const char *what);

/*
 * Run an igraph call; on failure record why (`what` is "while WHAT") in
 * `rc` and leave through the function's `done:` label.  The one way a
 * library function checks an igraph call: it needs an `int rc` and a
 * `done:` label that frees what the function holds.
 */
#define CM_IG(call, what) \
	do { \
		igraph_error_t cm_ig_err_ = (call); \
		if (cm_ig_err_ != IGRAPH_SUCCESS) { \
			rc = cm_error_from_igraph(cm_ig_err_, what); \
			goto done; \
		} \
	} while (0)

/*
 * Destroy an adjacency list that is zeroed, built, or already destroyed by
 * igraph: when igraph_adjlist_init() fails or is interrupted, igraph has
 * destroyed the half-built list (its FINALLY stack, or the interruption
 * hook) and left `length` set, so igraph_adjlist_destroy() a second time
 * aborts.  The list is zeroed after.
 */
void cm_adjlist_free(igraph_adjlist_t *al);

/*
 * Register a function that cm_shutdown() calls, last registered first (a
 * subsystem that holds a process-wide resource, such as the Graphviz
 * context, registers its release when it first takes it), so that base
 * never calls up into the folders above it.  Registering the same function
 * twice keeps one entry.  Returns 0, or CM_ENOMEM when the table is full.
 */
int cm_shutdown_register(void (*fn)(void));

#endif
