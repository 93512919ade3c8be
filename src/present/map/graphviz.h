/* Graphviz inside present/map: the DOT writer of coopmap convert. */
#ifndef COOPMAP_PRESENT_MAP_GRAPHVIZ_H
#define COOPMAP_PRESENT_MAP_GRAPHVIZ_H

#include <stdio.h>

#include "coopmap/network.h"

/* Write a network as DOT through cgraph (coopmap convert). */
int cm_gv_write_dot(const cm_network *net, FILE *f, const char *path);
/* Free the process-wide GVC_t (registered with cm_shutdown_register()). */
void cm_gv_shutdown(void);

#endif
