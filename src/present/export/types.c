/*
 * The attribute types of the XML exports (GraphML, GEXF): declared from the
 * values, so that a text column read from CSV that holds only numbers
 * (lat, lon, an actor's year) is declared a number, and from hints for the
 * measures, whose type never depends on the values.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "present/export/types.h"

/* 1 when s is a whole number written plainly: -?digits, no leading zero (postcodes stay text), fits a long. */
static int plain_integer(const char *s)
{
	const char *p = s + (*s == '-');

	if (!*p || (p[0] == '0' && p[1]) || strlen(p) > 18)
		return 0;
	for (; *p; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return 1;
}

/* 1 when s is a plain decimal number: -?int(.digits)?([eE][+-]?digits)?, no leading zero. */
static int plain_double(const char *s)
{
	const char *p = s + (*s == '-');
	int digits = 0;

	if (p[0] == '0' && p[1] >= '0' && p[1] <= '9')
		return 0;
	for (; *p >= '0' && *p <= '9'; p++)
		digits++;
	if (!digits)
		return 0;
	if (*p == '.') {
		digits = 0;
		for (p++; *p >= '0' && *p <= '9'; p++)
			digits++;
		if (!digits)
			return 0;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		p += *p == '+' || *p == '-';
		digits = 0;
		for (; *p >= '0' && *p <= '9'; p++)
			digits++;
		if (!digits)
			return 0;
	}
	return *p == '\0' && isfinite(strtod(s, NULL));
}

/* The type to declare for an attribute; see present/export/types.h. */
const char *cm_export_attr_type(const igraph_t *g, igraph_attribute_elemtype_t where, const char *name,
                                igraph_attribute_type_t t, const cm_export_hint *hints)
{
	static const char *const text[] = { CM_ATTR_LABEL, CM_ATTR_TYPE, CM_ATTR_REGION, NULL };
	igraph_integer_t count = where == IGRAPH_ATTRIBUTE_VERTEX ? igraph_vcount(g) : igraph_ecount(g);
	int all_int = 1, all_num = 1, any = 0;

	for (const cm_export_hint *h = hints; h && h->name; h++)
		if (!strcmp(h->name, name) && where == IGRAPH_ATTRIBUTE_VERTEX)
			return h->type;
	if (t == IGRAPH_ATTRIBUTE_BOOLEAN)
		return "boolean";
	/* a weight is a real number (GEXF's weight is a float), even when every tie has a whole one */
	if (t == IGRAPH_ATTRIBUTE_NUMERIC && where == IGRAPH_ATTRIBUTE_EDGE && !strcmp(name, CM_ATTR_WEIGHT))
		return "double";
	for (int i = 0; t == IGRAPH_ATTRIBUTE_STRING && where == IGRAPH_ATTRIBUTE_VERTEX && text[i]; i++)
		if (!strcmp(text[i], name))
			return "string";
	for (igraph_integer_t i = 0; i < count && (all_int || all_num); i++) {
		if (t == IGRAPH_ATTRIBUTE_NUMERIC) {
			double v = where == IGRAPH_ATTRIBUTE_VERTEX ? VAN(g, name, i) : EAN(g, name, i);

			if (isnan(v))
				continue;
			any = 1;
			all_int &= v == floor(v) && fabs(v) < 1e15;
		} else {
			const char *s = where == IGRAPH_ATTRIBUTE_VERTEX ? VAS(g, name, i) : EAS(g, name, i);

			if (!s[0])
				continue;
			any = 1;
			all_int &= plain_integer(s);
			all_num &= plain_double(s);
		}
	}
	if (t == IGRAPH_ATTRIBUTE_NUMERIC)
		return all_int ? "long" : "double";
	return !any ? "string" : all_int ? "long" : all_num ? "double" : "string";
}

/* A number as the shortest text that reads back the same; see present/export/types.h. */
void cm_export_format_double(char *buf, size_t size, double v)
{
	if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(buf, size, "%.0f", v == 0 ? 0 : v);
		return;
	}
	snprintf(buf, size, "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, size, "%.17g", v);
}

/* The text of attribute name of vertex or edge i for GraphML and GEXF; see present/export/types.h. */
const char *cm_export_attr_text(char *num, size_t size, const igraph_t *g, igraph_attribute_elemtype_t where,
                                const char *name, igraph_attribute_type_t t, igraph_integer_t i)
{
	const char *value;

	if (t == IGRAPH_ATTRIBUTE_NUMERIC) {
		double v = where == IGRAPH_ATTRIBUTE_VERTEX ? VAN(g, name, i) : EAN(g, name, i);

		if (isnan(v))
			return NULL;
		if (isinf(v))
			snprintf(num, size, "%s", v > 0 ? "INF" : "-INF");
		else
			cm_export_format_double(num, size, v);
		return num;
	}
	if (t == IGRAPH_ATTRIBUTE_BOOLEAN)
		return (where == IGRAPH_ATTRIBUTE_VERTEX ? VAB(g, name, i) : EAB(g, name, i)) ? "true" : "false";
	value = where == IGRAPH_ATTRIBUTE_VERTEX ? VAS(g, name, i) : EAS(g, name, i);
	return value[0] ? value : NULL;
}
