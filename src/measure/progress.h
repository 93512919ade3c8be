/* igraph's progress reports, forwarded to cm_progress() under a coopmap name. */
#ifndef COOPMAP_MEASURE_PROGRESS_H
#define COOPMAP_MEASURE_PROGRESS_H

#include <igraph.h>

/* Name the igraph progress reports that follow (NULL: igraph's own message). */
void cm_measure_progress_name(const char *what);

/* igraph progress handler: forwards the percentages to cm_progress() under that name. */
igraph_error_t cm_measure_forward_progress(const char *message, igraph_real_t percent, void *data);

#endif
