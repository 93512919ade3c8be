/* The CSV input: an edge list and an optional actor table (load/csv_table.c). */
#ifndef COOPMAP_LOAD_CSV_TABLE_H
#define COOPMAP_LOAD_CSV_TABLE_H

#include <stddef.h>

#include "coopmap/load.h"

/*
 * Load a CSV edge list held in buf (len bytes, NUL-terminated, taken over
 * in every case) and, when nodes_path is not NULL, the actor table there,
 * then run the tie pipeline with the filters of opts.  default_delim is
 * the delimiter when the header has none ('\t' for .tsv files).
 */
int cm_load_csv_table(cm_network **out, char *buf, size_t len, const char *name,
                      char default_delim, const char *nodes_path, const cm_load_options *opts);

#endif
