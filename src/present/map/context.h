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

#endif
