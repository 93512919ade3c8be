/* GML written by coopmap itself (present/export/gml.c). */
#ifndef COOPMAP_PRESENT_EXPORT_GML_H
#define COOPMAP_PRESENT_EXPORT_GML_H

#include <stdio.h>

#include "coopmap/network.h"

/*
 * Write net to f as GML: 7-bit ASCII, every other character and the line
 * breaks as &#NNN; (quotes and & as &quot; &amp;), attribute names kept
 * when GML allows them, else renamed with a notice.  A failure of f is
 * left for the caller's cm_output_commit() to report.
 */
int cm_export_gml(FILE *f, const cm_network *net);

#endif
