/**
 * @file coopmap/export.h
 * @brief Writing a network for other tools: GraphML, GML, DOT, a CSV folder.
 */
#ifndef COOPMAP_EXPORT_H
#define COOPMAP_EXPORT_H

#include "network.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Output formats of cm_network_write(). */
typedef enum {
	CM_OUTPUT_AUTO = 0, /**< from the extension; a path without one is a CSV folder */
	CM_OUTPUT_GRAPHML,
	CM_OUTPUT_GML,
	CM_OUTPUT_DOT,
	CM_OUTPUT_CSV       /**< a folder holding nodes.csv and edges.csv */
} cm_output_format;

/**
 * Write a network with all its attributes (coopmap convert).  Files are
 * written atomically: on failure nothing at path changes.
 * @param net the network
 * @param path output file, or folder for CM_OUTPUT_CSV, or "-" for stdout
 * @param format the format, or CM_OUTPUT_AUTO
 * @return 0 or a negative code
 */
int cm_network_write(const cm_network *net, const char *path, cm_output_format format);

#ifdef __cplusplus
}
#endif

#endif
