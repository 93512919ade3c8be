/*
 * DOT files read through Graphviz's cgraph, and the routing of Graphviz's
 * messages, which the DOT reader here and the maps of present/map share.
 */
#ifndef COOPMAP_LOAD_DOT_H
#define COOPMAP_LOAD_DOT_H

#include <igraph.h>

/* Read a DOT file into a raw graph (string attributes as in the file, labels as Graphviz draws them). */
int cm_gv_read_dot(igraph_t *raw, const char *path);

/*
 * 1 for the attributes whose text Graphviz expands when it draws (label,
 * xlabel, headlabel, taillabel: \N is the node's name, \\ a backslash):
 * the DOT reader expands them, the DOT writer doubles their backslashes.
 */
int cm_gv_is_label_attr(const char *attr);

/*
 * Start a Graphviz operation: route Graphviz's messages to coopmap (errors
 * kept, warnings become notices) and forget older ones.  The messages
 * buffer is released by cm_shutdown().
 */
void cm_gv_begin(void);
/* Did Graphviz report an error since cm_gv_begin()? */
int cm_gv_failed(void);
/* The message Graphviz gave for a failure (a pending fragment counts too), or "unknown error". */
const char *cm_gv_last_error(void);
/* Flush cgraph's DOT scanner, which keeps unread input across reads. */
void cm_gv_lex_reset(void);
/* Free the messages buffer (registered with cm_shutdown_register()). */
void cm_gv_messages_free(void);

#endif
