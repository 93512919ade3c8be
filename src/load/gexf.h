/* GEXF, Gephi's format, read with libxml2's xmlTextReader (load/gexf.c). */
#ifndef COOPMAP_LOAD_GEXF_H
#define COOPMAP_LOAD_GEXF_H

#include <stddef.h>

#include <igraph.h>

/*
 * Read GEXF 1.1, 1.2 or 1.3 (static or dynamic) from buf (len bytes) into
 * a raw graph: "name" the node id, "label", every attvalue as text under
 * its attribute's title, "weight" and "year" as text for the pipeline
 * (the year from a "year" attvalue, else the earliest spell).  Never loads
 * a DTD or external entity: a document type declaration is refused.
 * Errors are "name:line: ...".
 */
int cm_gexf_read(igraph_t *raw, const char *buf, size_t len, const char *name);

#endif
