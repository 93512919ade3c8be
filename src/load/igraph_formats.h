/* GraphML, GML and Pajek through igraph's readers (load/igraph_formats.c). */
#ifndef COOPMAP_LOAD_IGRAPH_FORMATS_H
#define COOPMAP_LOAD_IGRAPH_FORMATS_H

#include <stddef.h>

#include "coopmap/load.h"

/*
 * Read a GraphML, GML or Pajek file held in buf (len bytes, NUL-terminated,
 * taken over in every case) through igraph, then run the tie pipeline
 * with the filters of opts.  name is the file's name for messages.
 */
int cm_load_igraph_format(cm_network **out, char *buf, size_t len, const char *name,
                          cm_input_format format, const cm_load_options *opts);

#endif
