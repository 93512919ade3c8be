/*
 * Writing a network with all its attributes (coopmap convert): GraphML
 * (graphml.c) and GEXF (gexf.c) through libxml2, GML by gml.c (7-bit
 * ASCII), DOT through cgraph, CSV as a folder holding nodes.csv and
 * edges.csv.  Measures and positions are added to a copy of the network
 * first (measures.c), so that every writer carries them as attributes.
 * Every file goes through cm_output, so a failed write leaves any existing
 * file untouched.
 */
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "coopmap/common.h"
#include "coopmap/export.h"
#include "coopmap/network.h"
#include "coopmap/output.h"
#include "base/error.h"
#include "present/export/csv.h"
#include "present/export/gexf.h"
#include "present/export/gml.h"
#include "present/export/graphml.h"
#include "present/export/igraph.h"
#include "present/export/measures.h"
#include "present/map/graphviz.h"
#include "base/i18n.h"

/* The format a path names: by extension, and a folder (no extension or a trailing /) is CSV. */
cm_output_format cm_output_format_of(const char *path)
{
	size_t len = strlen(path);
	const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
	struct stat st;

	if (len > 0 && path[len - 1] == '/')
		return CM_OUTPUT_CSV;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return CM_OUTPUT_CSV;
	if (!dot || (slash && dot < slash) || dot == (slash ? slash + 1 : path))
		return CM_OUTPUT_CSV;
	if (!strcasecmp(dot, ".graphml") || !strcasecmp(dot, ".xml"))
		return CM_OUTPUT_GRAPHML;
	if (!strcasecmp(dot, ".gml"))
		return CM_OUTPUT_GML;
	if (!strcasecmp(dot, ".gexf"))
		return CM_OUTPUT_GEXF;
	if (!strcasecmp(dot, ".dot") || !strcasecmp(dot, ".gv"))
		return CM_OUTPUT_DOT;
	return CM_OUTPUT_AUTO;
}

/* Write a network in the format asked or named by the path; see coopmap/export.h. */
int cm_network_write(const cm_network *net, const char *path, cm_output_format format)
{
	return cm_network_write_with(net, path, format, NULL);
}

/* Write a network with options; see coopmap/export.h. */
int cm_network_write_with(const cm_network *net, const char *path, cm_output_format format,
                          const cm_export_options *opts)
{
	cm_export_annotated ann = { 0 };
	cm_output *out = NULL;
	FILE *f;
	int rc = 0;

	if (!path || !path[0])
		return cm_error_set(CM_EUSAGE, _("no output file given"));
	if (format == CM_OUTPUT_AUTO) {
		if (!strcmp(path, "-"))
			return cm_error_set(CM_EUSAGE, _("writing to standard output needs a format (-T graphml, gml, gexf or dot)"));
		format = cm_output_format_of(path);
		if (format == CM_OUTPUT_AUTO)
			return cm_error_set(CM_EUSAGE,
			                    _("cannot tell the format from '%s' (use .graphml, .gml, .gexf, .dot, or a folder for CSV)"),
			                    path);
	}
	if (format == CM_OUTPUT_DOT && opts && opts->layout)
		return cm_error_set(CM_EUSAGE, _("a DOT export carries no positions (use coopmap render -T dot for "
		                    "the map's, or GraphML, GEXF, GML or CSV for x and y)"));
	if ((rc = cm_export_annotate(&ann, net, opts, format != CM_OUTPUT_GEXF)) < 0)
		goto done;
	net = ann.net;
	if (format == CM_OUTPUT_CSV || format == CM_OUTPUT_CSV_FR) {
		rc = cm_export_csv_folder(net, path, format == CM_OUTPUT_CSV_FR ? CM_FORMAT_CSV_FR : CM_FORMAT_CSV);
		goto done;
	}
	if ((format == CM_OUTPUT_GRAPHML || format == CM_OUTPUT_GEXF) &&
	    (rc = cm_export_check_xml(net, format == CM_OUTPUT_GEXF ? "GEXF" : "GraphML")) < 0)
		goto done;
	if ((rc = cm_output_open(&out, path)) < 0)
		goto done;
	f = cm_output_stream(out);
	switch (format) {
	case CM_OUTPUT_GRAPHML:
		rc = cm_export_graphml(f, net, ann.hints);
		break;
	case CM_OUTPUT_GML:
		rc = cm_export_gml(f, net);
		break;
	case CM_OUTPUT_GEXF:
		rc = cm_export_gexf(f, net, opts, ann.hints);
		break;
	case CM_OUTPUT_DOT:
		rc = cm_gv_write_dot(net, f, path);
		break;
	default:
		rc = cm_error_set(CM_EUSAGE, _("unknown output format"));
		break;
	}
	if (rc < 0)
		goto done;
	rc = cm_output_commit(out);
	out = NULL;
done:
	cm_output_abort(out);
	cm_export_annotated_free(&ann);
	return rc;
}
