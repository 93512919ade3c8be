/* The one Graphviz context (GVC_t) of the process. */
#ifndef COOPMAP_PRESENT_MAP_CONTEXT_H
#define COOPMAP_PRESENT_MAP_CONTEXT_H

#include <gvc.h>

/*
 * The shared context, created on first use; NULL (with the error
 * recorded) when Graphviz cannot start.  cm_gv_shutdown() (graphviz.h)
 * frees it.
 */
GVC_t *cm_gv_context(void);

/*
 * The discipline every graph coopmap builds for Graphviz is opened with
 * (agopen(name, desc, &cm_gv_disc)): objects numbered in the order they are
 * made, so that the order of the region boxes in the output and fdp's
 * layout never depend on where malloc put the names.
 */
extern Agdisc_t cm_gv_disc;

/* Read a graph that agwrite() wrote into memory, with cm_gv_disc; NULL when memory runs out. */
Agraph_t *cm_gv_read_copy(char *text, size_t len);

#endif
