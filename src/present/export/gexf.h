/* GEXF, Gephi's format, through libxml2's xmlTextWriter (present/export/gexf.c). */
#ifndef COOPMAP_PRESENT_EXPORT_GEXF_H
#define COOPMAP_PRESENT_EXPORT_GEXF_H

#include <stdio.h>

#include "coopmap/export.h"
#include "coopmap/network.h"
#include "present/export/types.h"

/*
 * Write net to f as GEXF (o->gexf_version "1.2" or "1.3"), with the map's
 * positions, colours and sizes for o->seed and o->layout (NULL: fr), and
 * the attribute types of hints (NULL: from the values).  A failure of f
 * itself is left for the caller's cm_output_commit() to report.
 */
int cm_export_gexf(FILE *f, const cm_network *net, const cm_export_options *o, const cm_export_hint *hints);

#endif
