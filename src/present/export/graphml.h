/* GraphML written by coopmap itself (present/export/graphml.c). */
#ifndef COOPMAP_PRESENT_EXPORT_GRAPHML_H
#define COOPMAP_PRESENT_EXPORT_GRAPHML_H

#include <stdio.h>

#include "coopmap/network.h"
#include "present/export/types.h"

/*
 * Write net to f as GraphML: the actor id as the node id, every other
 * attribute as a <key> with its type (cm_export_attr_type(), hints first).
 * A failure of f itself is left for the caller's cm_output_commit().
 */
int cm_export_graphml(FILE *f, const cm_network *net, const cm_export_hint *hints);

#endif
