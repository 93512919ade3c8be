/* The libxml2 text writer that the XML exports share: GraphML and GEXF (present/export/xml.c). */
#ifndef COOPMAP_PRESENT_EXPORT_XML_H
#define COOPMAP_PRESENT_EXPORT_XML_H

#include <stdio.h>

#include <libxml/xmlwriter.h>

/* Writes a document's root element and all it holds: 0, or -1 when libxml2 refused. */
typedef int cm_export_xml_body(xmlTextWriterPtr w, const void *data);

/*
 * Write an XML document to f with libxml2's xmlTextWriter, which escapes
 * text for XML: the declaration (XML 1.0, UTF-8), then what body(w, data)
 * writes, indented by two spaces.  format ("GraphML", "GEXF") names the
 * format when libxml2 refuses the text; a failure of f itself is left for
 * the caller's cm_output_commit(), which reports its cause.  Returns 0 or
 * a cm_error_t.
 */
int cm_export_xml_write(FILE *f, const char *format, cm_export_xml_body *body, const void *data);

#endif
