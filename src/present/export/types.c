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

#include "coopmap/common.h"
#include "base/error.h"
#include "present/export/types.h"
#include "base/i18n.h"

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

/* List every attribute of g; see present/export/types.h. */
int cm_export_attrs_list(cm_export_attrs *out, const igraph_t *g)
{
	int rc = 0;

	memset(out, 0, sizeof(*out));
	for (int i = 0; i < 3; i++) {
		if (igraph_strvector_init(&out->names[i], 0))
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		if (igraph_vector_int_init(&out->types[i], 0)) {
			igraph_strvector_destroy(&out->names[i]);
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		}
		out->listed++;  /* cm_export_attrs_free() destroys what was made */
	}
	CM_IG(igraph_cattribute_list(g, &out->names[0], &out->types[0], &out->names[1], &out->types[1],
	                             &out->names[2], &out->types[2]), "listing attributes");
done:
	return rc;
}
/* The attributes of one class to write, less the skipped names, into *out and *n. */
static int pick_class(cm_export_attr **out, size_t *n, const igraph_t *g, igraph_attribute_elemtype_t where,
                      const igraph_strvector_t *names, const igraph_vector_int_t *types,
                      const char *const *skip, const cm_export_hint *hints)
{
	igraph_integer_t k = igraph_strvector_size(names);

	*n = 0;
	if (!(*out = calloc((size_t)k + 1, sizeof(**out))))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	for (igraph_integer_t a = 0; a < k; a++) {
		const char *name = igraph_strvector_get(names, a);
		igraph_attribute_type_t t = (igraph_attribute_type_t)VECTOR(*types)[a];
		int skipped = 0;

		for (int r = 0; skip && skip[r]; r++)
			skipped |= !strcmp(skip[r], name);
		if (skipped || (t != IGRAPH_ATTRIBUTE_STRING && t != IGRAPH_ATTRIBUTE_NUMERIC && t != IGRAPH_ATTRIBUTE_BOOLEAN))
			continue;
		(*out)[*n].name = name;
		(*out)[*n].igtype = t;
		(*out)[*n].type = cm_export_attr_type(g, where, name, t, hints);
		(*n)++;
	}
	return 0;
}

/* The vertex and edge attributes to write; see present/export/types.h. */
int cm_export_attrs_pick(cm_export_attrs *out, const igraph_t *g, const char *const *vertex_skip,
                         const char *const *edge_skip, const cm_export_hint *hints)
{
	int rc;

	if ((rc = pick_class(&out->v, &out->nv, g, IGRAPH_ATTRIBUTE_VERTEX, &out->names[1], &out->types[1],
	                     vertex_skip, hints)) < 0)
		return rc;
	return pick_class(&out->e, &out->ne, g, IGRAPH_ATTRIBUTE_EDGE, &out->names[2], &out->types[2], edge_skip, hints);
}

/* Free an attribute listing; see present/export/types.h. */
void cm_export_attrs_free(cm_export_attrs *a)
{
	for (int i = 0; i < a->listed; i++) {
		igraph_strvector_destroy(&a->names[i]);
		igraph_vector_int_destroy(&a->types[i]);
	}
	free(a->v);
	free(a->e);
	memset(a, 0, sizeof(*a));
}
