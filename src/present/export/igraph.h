/* The check before an XML export (present/export/igraph.c). */
#ifndef COOPMAP_PRESENT_EXPORT_IGRAPH_H
#define COOPMAP_PRESENT_EXPORT_IGRAPH_H

#include <stdio.h>

#include "coopmap/export.h"
#include "coopmap/network.h"

/*
 * GraphML and GEXF are XML, which cannot hold most control characters:
 * refuse a network with one in a text attribute, naming the first and the
 * format ("GraphML", "GEXF") in the message, before writing.
 */
int cm_export_check_xml(const cm_network *net, const char *format);

#endif
