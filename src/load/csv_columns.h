/*
 * The columns of a CSV table (load/csv_columns.c): each column's role from
 * --columns and the header synonyms (model/columns.h), and the notices
 * that say which column was read as what.
 */
#ifndef COOPMAP_LOAD_CSV_COLUMNS_H
#define COOPMAP_LOAD_CSV_COLUMNS_H

#include "load/csv.h"
#include "model/columns.h"

/* The role of a column without a header: skipped. */
#define CM_CSV_SKIP (-1)

/* A role given with --columns ROLE=NAME. */
typedef struct cm_colmap {
	cm_role role;
	const char *name;
	int used;
} cm_colmap;

/* The parsed --columns option. */
typedef struct cm_colmaps {
	cm_colmap *v;
	size_t n;
	char *text;
} cm_colmaps;

/* Parse --columns "ROLE=COLUMN,..." (NULL or "": none); returns 0, CM_EUSAGE or CM_ENOMEM. */
int cm_colmaps_parse(cm_colmaps *m, const char *text);

/* Free the parsed option (a zeroed one is fine). */
void cm_colmaps_free(cm_colmaps *m);

/* Check that every --columns column was found in a table (nodes_name NULL: none); CM_EUSAGE if not. */
int cm_colmaps_check(const cm_colmaps *m, const char *edges_name, const char *nodes_name);

/*
 * Give each column of the header record in c its role (roles[i], a cm_role
 * or CM_CSV_SKIP) in table (CM_TABLE_EDGES or CM_TABLE_NODES); *date is
 * set when the year column holds dates.  Returns 0 or CM_EINPUT.
 */
int cm_csv_assign_roles(int *roles, int *date, const cm_csv *c, int table, cm_colmaps *maps);

/*
 * Notices for a header: the columns read by their meaning under another
 * name than the role's, and the columns kept as plain attributes that look
 * like a role no column has (at[role]: column of each role, or -1).
 */
int cm_csv_header_notices(const int *roles, const int *at, int date, const cm_csv *c, int table);

#endif
