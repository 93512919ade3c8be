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

#endif
