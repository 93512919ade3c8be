/*
 * The types that GraphML and GEXF declare for attributes (present/export/types.c):
 * one rule for both, so that a network carries the same types in either.
 */
#ifndef COOPMAP_PRESENT_EXPORT_TYPES_H
#define COOPMAP_PRESENT_EXPORT_TYPES_H

#include <stddef.h>

#include "coopmap/network.h"

/*
 * An attribute whose declared type does not depend on its values: the
 * measures (betweenness stays "double" on a network where every value
 * happens to be whole) and the positions.  A list ends with a NULL name.
 */
typedef struct {
	const char *name;
	const char *type;  /* "string", "long", "double", "boolean" */
} cm_export_hint;

/*
 * The type to declare ("string", "long", "double" or "boolean") for the
 * vertex or edge attribute name of igraph type t: the hint's when one
 * names it, else from the values: numbers "long" when every value is whole,
 * else "double"; text "long" or "double" when every non-empty value is a
 * plain number of that kind (no leading zero: postcodes stay text), else
 * "string".  The model's text attributes (label, type, region) are always
 * "string", the tie weight always "double".
 */
const char *cm_export_attr_type(const igraph_t *g, igraph_attribute_elemtype_t where, const char *name,
                                igraph_attribute_type_t t, const cm_export_hint *hints);

/* A number as the shortest text that reads back the same (whole numbers without a point). */
void cm_export_format_double(char *buf, size_t size, double v);

/*
 * The value of attribute name (igraph type t) of vertex or edge i as
 * GraphML and GEXF write it: numbers by cm_export_format_double(), infinite
 * ones as XML Schema's INF and -INF; booleans true or false; NULL when there
 * is no value (NaN, empty text), which both formats leave out.  num (size
 * bytes) holds the text of a number.
 */
const char *cm_export_attr_text(char *num, size_t size, const igraph_t *g, igraph_attribute_elemtype_t where,
                                const char *name, igraph_attribute_type_t t, igraph_integer_t i);

/* One attribute an XML export writes: its igraph name and type, and the type it declares. */
typedef struct {
	const char *name;
	igraph_attribute_type_t igtype;
	const char *type;  /* cm_export_attr_type()'s */
} cm_export_attr;

/*
 * The attributes of a network for GraphML and GEXF: igraph's listing of
 * every attribute (cm_export_attrs_list()), then the vertex and edge ones
 * the format writes (cm_export_attrs_pick()).  The names point into the
 * listing.  Zero-initialise; cm_export_attrs_free() frees it.
 */
typedef struct {
	igraph_strvector_t names[3];      /* [0] the graph's, [1] the vertices', [2] the edges' */
	igraph_vector_int_t types[3];     /* their igraph types */
	int listed;                       /* how many of names and types are initialised (each) */
	cm_export_attr *v, *e;            /* cm_export_attrs_pick()'s */
	size_t nv, ne;
} cm_export_attrs;

/* List every attribute of g into out (zeroed).  Returns 0 or a cm_error_t. */
int cm_export_attrs_list(cm_export_attrs *out, const igraph_t *g);

/*
 * After cm_export_attrs_list(): the vertex and edge attributes to write
 * into out->v and out->e, in igraph's order: text, numbers and booleans,
 * less the names of vertex_skip and edge_skip (NULL-terminated lists, or
 * NULL), each with the type cm_export_attr_type() gives with hints.
 * Returns 0 or CM_ENOMEM.
 */
int cm_export_attrs_pick(cm_export_attrs *out, const igraph_t *g, const char *const *vertex_skip,
                         const char *const *edge_skip, const cm_export_hint *hints);

/* Free what cm_export_attrs_list() and cm_export_attrs_pick() gave (a zeroed one is fine). */
void cm_export_attrs_free(cm_export_attrs *a);

#endif
