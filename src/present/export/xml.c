/*
 * The libxml2 writer set-up of the XML exports, in one place so that
 * GraphML and GEXF are indented, declared and flushed alike, and a refusal
 * is reported alike.
 */
#include <stdio.h>

#include <libxml/xmlwriter.h>

#include "coopmap/common.h"
#include "base/error.h"
#include "present/export/xml.h"
#include "base/i18n.h"

/* Write an XML document with libxml2's text writer; see present/export/xml.h. */
int cm_export_xml_write(FILE *f, const char *format, cm_export_xml_body *body, const void *data)
{
	xmlOutputBufferPtr buf;
	xmlTextWriterPtr w;
	int bad = 0, rc = 0;

	if (!(buf = xmlOutputBufferCreateFile(f, NULL)))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	if (!(w = xmlNewTextWriter(buf))) {
		xmlOutputBufferClose(buf);
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	}
	/* the writer owns buf now */
	bad |= xmlTextWriterSetIndent(w, 1) < 0;
	bad |= xmlTextWriterSetIndentString(w, BAD_CAST "  ") < 0;
	bad |= xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0;
	if (!bad)
		bad = body(w, data) < 0;
	bad |= xmlTextWriterEndDocument(w) < 0;
	/* a failed stream is reported by cm_output_commit(), with its cause */
	if ((bad || xmlTextWriterFlush(w) < 0) && !ferror(f))
		rc = cm_error_set(CM_ERROR, _("cannot write %s (libxml2 refused the text)"), format);
	xmlFreeTextWriter(w);
	return rc;
}
