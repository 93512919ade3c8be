/* GraphML, GML and Pajek through igraph's readers (load/igraph_formats.c). */
#ifndef COOPMAP_LOAD_IGRAPH_FORMATS_H
#define COOPMAP_LOAD_IGRAPH_FORMATS_H

#include <stddef.h>

#include <igraph.h>

#include "coopmap/load.h"

/*
 * Read a GraphML, GML or Pajek file held in buf (len bytes, NUL-terminated,
 * taken over in every case) through igraph into a raw graph (model/raw.h).
 * name is the file's name for messages.
 */
int cm_read_igraph_format(igraph_t *out, char *buf, size_t len, const char *name, cm_input_format format);

#endif
