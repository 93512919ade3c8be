/*
 * Raw graphs: what a reader produces before the pipeline makes it a
 * cm_network (any attribute names, strings or numbers).
 */
#ifndef COOPMAP_MODEL_RAW_H
#define COOPMAP_MODEL_RAW_H

#include <igraph.h>

#include "coopmap/network.h"

/* The type (igraph_attribute_type_t) of a vertex or edge attribute, or -1 when absent. */
int cm_attr_type(const igraph_t *g, igraph_attribute_elemtype_t et, const char *name);

/* Refuse string attributes that are not UTF-8 (readers that do not check). */
int cm_network_check_text(const igraph_t *g, const char *source);

#endif
