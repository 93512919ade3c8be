/* Before an XML export (GraphML, GEXF): a check that XML can hold the text. */
#include <stdio.h>

#include "coopmap/common.h"
#include "coopmap/export.h"
#include "coopmap/network.h"
#include "base/error.h"
#include "present/export/igraph.h"
#include "present/export/types.h"
#include "base/i18n.h"

/* 1 when s holds a control character XML 1.0 forbids (all below 0x20 but tab, LF, CR). */
static int has_xml_forbidden(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
			return 1;
	return 0;
}

/*
 * GraphML is XML, which cannot hold most control characters: name the
 * first offending value instead of letting the writer fail halfway.
 */
int cm_export_check_xml(const cm_network *net, const char *format)
{
	const igraph_t *graph = &net->graph;
	cm_export_attrs attrs = { 0 };
	const igraph_strvector_t *vn = &attrs.names[1], *en = &attrs.names[2];
	const igraph_vector_int_t *vt = &attrs.types[1], *et = &attrs.types[2];
	int rc = 0;
	int has_name = igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_ID);

	if ((rc = cm_export_attrs_list(&attrs, graph)) < 0)
		goto done;
	for (igraph_integer_t a = 0; a < igraph_strvector_size(vn) && rc == 0; a++) {
		const char *name = igraph_strvector_get(vn, a);

		if (VECTOR(*vt)[a] != IGRAPH_ATTRIBUTE_STRING)
			continue;
		for (igraph_integer_t v = 0; v < igraph_vcount(graph); v++) {
			if (has_xml_forbidden(VAS(graph, name, v))) {
				rc = cm_error_set(CM_EINPUT, _("cannot write %s: actor %s%s%s has a control character in '%s' "
				                  "(XML cannot hold it; use GML, DOT or CSV)"),
				                  format, has_name ? "'" : "#", has_name ? VAS(graph, CM_ATTR_ID, v) : "", has_name ? "'" : "",
				                  name);
				break;
			}
		}
	}
	for (igraph_integer_t a = 0; a < igraph_strvector_size(en) && rc == 0; a++) {
		const char *name = igraph_strvector_get(en, a);

		if (VECTOR(*et)[a] != IGRAPH_ATTRIBUTE_STRING)
			continue;
		for (igraph_integer_t e = 0; e < igraph_ecount(graph); e++) {
			if (has_xml_forbidden(EAS(graph, name, e))) {
				rc = cm_error_set(CM_EINPUT, _("cannot write %s: tie %" PRId64 " has a control character "
				                  "in '%s' (XML cannot hold it; use GML, DOT or CSV)"), format, e + 1, name);
				break;
			}
		}
	}
done:
	cm_export_attrs_free(&attrs);
	return rc;
}
