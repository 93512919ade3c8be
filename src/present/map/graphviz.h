/*
 * What present/map offers the rest of the library besides cm_render():
 * the DOT writer of coopmap convert (dot_write.c) and the release of the
 * Graphviz context (context.c).
 */
#ifndef COOPMAP_PRESENT_MAP_GRAPHVIZ_H
#define COOPMAP_PRESENT_MAP_GRAPHVIZ_H

#include <stdio.h>

#include "coopmap/network.h"

/* Write a network as DOT through cgraph (coopmap convert). */
int cm_gv_write_dot(const cm_network *net, FILE *f, const char *path);
/* Free the process-wide GVC_t and Graphviz's messages buffer (registered with cm_shutdown_register()). */
void cm_gv_shutdown(void);

#endif
