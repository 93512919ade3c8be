/* Attributes of raw graphs: their types, names and values as text, and the UTF-8 check. */
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/text.h"
#include "base/error.h"
#include "base/text.h"
#include "model/raw.h"
#include "base/i18n.h"

/* The igraph_attribute_type_t of an attribute, or -1 when absent. */
int cm_attr_type(const igraph_t *g, igraph_attribute_elemtype_t et, const char *name)
{
	igraph_strvector_t gn, vn, en;
	igraph_vector_int_t gt, vt, ett;
	igraph_strvector_t *names = et == IGRAPH_ATTRIBUTE_EDGE ? &en : &vn;
	igraph_vector_int_t *types = et == IGRAPH_ATTRIBUTE_EDGE ? &ett : &vt;
	int type = -1;

	if (!igraph_cattribute_has_attr(g, et, name))
		return -1;
	igraph_strvector_init(&gn, 0);
	igraph_strvector_init(&vn, 0);
	igraph_strvector_init(&en, 0);
	igraph_vector_int_init(&gt, 0);
	igraph_vector_int_init(&vt, 0);
	igraph_vector_int_init(&ett, 0);
	if (igraph_cattribute_list(g, &gn, &gt, &vn, &vt, &en, &ett) == IGRAPH_SUCCESS)
		for (igraph_integer_t i = 0; i < igraph_strvector_size(names); i++)
			if (!strcmp(igraph_strvector_get(names, i), name))
				type = (int)VECTOR(*types)[i];
	igraph_strvector_destroy(&gn);
	igraph_strvector_destroy(&vn);
	igraph_strvector_destroy(&en);
	igraph_vector_int_destroy(&gt);
	igraph_vector_int_destroy(&vt);
	igraph_vector_int_destroy(&ett);
	return type;
}

/* Remove a vertex or edge attribute if it exists (igraph warns otherwise). */
void cm_attr_remove(igraph_t *g, int edges, const char *name)
{
	if (edges && igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, name))
		igraph_cattribute_remove_e(g, name);
	else if (!edges && igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, name))
		igraph_cattribute_remove_v(g, name);
}

/* Names of the vertex (or edge) attributes, into an initialised strvector. */
int cm_attr_names(const igraph_t *g, int edges, igraph_strvector_t *names)
{
	igraph_strvector_t gn, other;
	igraph_vector_int_t gt, vt, et;
	int rc = 0;

	if (igraph_strvector_init(&gn, 0) || igraph_strvector_init(&other, 0))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	igraph_vector_int_init(&gt, 0);
	igraph_vector_int_init(&vt, 0);
	igraph_vector_int_init(&et, 0);
	if (edges)
		CM_IG(igraph_cattribute_list(g, &gn, &gt, &other, &vt, names, &et), "listing attributes");
	else
		CM_IG(igraph_cattribute_list(g, &gn, &gt, names, &vt, &other, &et), "listing attributes");
done:
	igraph_strvector_destroy(&gn);
	igraph_strvector_destroy(&other);
	igraph_vector_int_destroy(&gt);
	igraph_vector_int_destroy(&vt);
	igraph_vector_int_destroy(&et);
	return rc;
}

/* Values of any vertex/edge attribute as text (numbers in the C locale, NaN as ""). */
int cm_attr_as_strings(const igraph_t *g, int edges, const char *name, igraph_strvector_t *out)
{
	igraph_attribute_elemtype_t et = edges ? IGRAPH_ATTRIBUTE_EDGE : IGRAPH_ATTRIBUTE_VERTEX;
	igraph_integer_t n = edges ? igraph_ecount(g) : igraph_vcount(g);
	int type = cm_attr_type(g, et, name), rc = 0;
	igraph_vector_t num;
	igraph_vector_bool_t b;
	char buf[64];

	igraph_vector_init(&num, 0);
	igraph_vector_bool_init(&b, 0);
	if (type == IGRAPH_ATTRIBUTE_STRING) {
		if (edges)
			CM_IG(igraph_cattribute_EASV(g, name, igraph_ess_all(IGRAPH_EDGEORDER_ID), out), "reading attributes");
		else
			CM_IG(igraph_cattribute_VASV(g, name, igraph_vss_all(), out), "reading attributes");
		goto done;
	}
	CM_IG(igraph_strvector_resize(out, n), "reading attributes");
	if (type == IGRAPH_ATTRIBUTE_NUMERIC) {
		if (edges)
			CM_IG(igraph_cattribute_EANV(g, name, igraph_ess_all(IGRAPH_EDGEORDER_ID), &num), "reading attributes");
		else
			CM_IG(igraph_cattribute_VANV(g, name, igraph_vss_all(), &num), "reading attributes");
		for (igraph_integer_t i = 0; i < n; i++) {
			cm_format_number(buf, sizeof(buf), VECTOR(num)[i]);
			CM_IG(igraph_strvector_set(out, i, buf), "reading attributes");
		}
	} else if (type == IGRAPH_ATTRIBUTE_BOOLEAN) {
		if (edges)
			CM_IG(igraph_cattribute_EABV(g, name, igraph_ess_all(IGRAPH_EDGEORDER_ID), &b), "reading attributes");
		else
			CM_IG(igraph_cattribute_VABV(g, name, igraph_vss_all(), &b), "reading attributes");
		for (igraph_integer_t i = 0; i < n; i++)
			CM_IG(igraph_strvector_set(out, i, VECTOR(b)[i] ? "true" : "false"), "reading attributes");
	}
done:
	igraph_vector_destroy(&num);
	igraph_vector_bool_destroy(&b);
	return rc;
}

/* Make attribute `name` a string attribute (creating it with "" when absent). */
int cm_attr_make_string(igraph_t *g, int edges, const char *name)
{
	igraph_attribute_elemtype_t et = edges ? IGRAPH_ATTRIBUTE_EDGE : IGRAPH_ATTRIBUTE_VERTEX;
	igraph_strvector_t sv;
	int rc = 0;

	if (cm_attr_type(g, et, name) == IGRAPH_ATTRIBUTE_STRING)
		return 0;
	if (igraph_strvector_init(&sv, 0))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	if ((rc = cm_attr_as_strings(g, edges, name, &sv)) < 0)
		goto done;
	if (edges) {
		cm_attr_remove(g, 1, name);
		CM_IG(igraph_cattribute_EAS_setv(g, name, &sv), "setting attributes");
	} else {
		cm_attr_remove(g, 0, name);
		CM_IG(igraph_cattribute_VAS_setv(g, name, &sv), "setting attributes");
	}
done:
	igraph_strvector_destroy(&sv);
	return rc;
}

/* Refuse string attributes that are not UTF-8 or hold control characters. */
int cm_network_check_text(const igraph_t *g, const char *source)
{
	igraph_strvector_t names, sv;
	int rc = 0;

	igraph_strvector_init(&names, 0);
	igraph_strvector_init(&sv, 0);
	for (int edges = 0; edges <= 1; edges++) {
		if ((rc = cm_attr_names(g, edges, &names)) < 0)
			goto done;
		for (igraph_integer_t a = 0; a < igraph_strvector_size(&names); a++) {
			const char *name = igraph_strvector_get(&names, a);
			igraph_attribute_elemtype_t et = edges ? IGRAPH_ATTRIBUTE_EDGE : IGRAPH_ATTRIBUTE_VERTEX;

			if (cm_attr_type(g, et, name) != IGRAPH_ATTRIBUTE_STRING)
				continue;
			if ((rc = cm_attr_as_strings(g, edges, name, &sv)) < 0)
				goto done;
			for (igraph_integer_t i = 0; i < igraph_strvector_size(&sv); i++) {
				const char *s = igraph_strvector_get(&sv, i);

				if (!cm_utf8_valid(s, strlen(s))) {
					rc = cm_error_set_at(CM_EINPUT, source, 0,
					                     _("%s %" PRId64 ": attribute '%s' is not UTF-8 text "
					                     "(save the file as UTF-8)"),
					                     edges ? "tie" : "actor", i + 1, name);
					goto done;
				}
				/* no output format can carry them back (CSV and XML turn CR into LF) */
				for (const unsigned char *p = (const unsigned char *)s; *p; p++)
					if (*p < 0x20 && *p != '\t' && *p != '\n') {
						rc = cm_error_set_at(CM_EINPUT, source, 0,
						                     _("%s %" PRId64 ": attribute '%s' has control "
						                     "character 0x%02X: this is not text"),
						                     edges ? "tie" : "actor", i + 1, name, *p);
						goto done;
					}
			}
		}
	}
done:
	igraph_strvector_destroy(&names);
	igraph_strvector_destroy(&sv);
	return rc;
}
