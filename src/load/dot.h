/* DOT files read through Graphviz's cgraph. */
#ifndef COOPMAP_LOAD_DOT_H
#define COOPMAP_LOAD_DOT_H

#include <igraph.h>

/* Read a DOT file into a raw graph (string attributes as in the file). */
int cm_gv_read_dot(igraph_t *raw, const char *path);

#endif
