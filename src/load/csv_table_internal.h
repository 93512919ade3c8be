/*
 * What the CSV table reader's two files share (csv_table.c reads the actor
 * table and builds the graph, csv_edges.c reads the edge list, on two
 * threads when it is large): the columns of a table and everything read
 * before the graph is built.
 */
#ifndef COOPMAP_LOAD_CSV_TABLE_INTERNAL_H
#define COOPMAP_LOAD_CSV_TABLE_INTERNAL_H

#include <stddef.h>

#include <igraph.h>

#include "load/csv.h"
#include "load/csv_columns.h"
#include "model/columns.h"
#include "model/names.h"

/* What a CSV column holds: a cm_role (CM_ROLE_NONE: a plain attribute), or R_SKIP. */
#define R_SKIP CM_CSV_SKIP
#define R_COUNT CM_ROLE_COUNT

/* A string column: one value per row, pointing into the CSV buffer. */
typedef struct strcol {
	char *attr;          /* attribute name, owned */
	const char **v;
	int year;            /* actor table "year" column: validated as a whole number */
} strcol;

/* The columns of one CSV table. */
typedef struct header {
	int *role;           /* per CSV column */
	int *col;            /* per CSV column: index into the strcols, or -1 */
	size_t ncols;
	int at[R_COUNT];     /* CSV column of each role, or -1 */
	strcol *str;
	size_t nstr;
	int date;            /* the year column holds dates */
} header;

/* Everything read from the CSV files, before the graph is built. */
typedef struct csv_net {
	cm_names names;             /* the actors in order, the actor table's first */
	long *node_lines;           /* line of each actor-table row */
	igraph_integer_t nlisted;   /* actors from the actor table: indices 0..nlisted-1 */
	size_t vcap;
	header nh, eh;
	igraph_vector_int_t edges;
	igraph_vector_t weight, year;
	igraph_integer_t m;
	igraph_integer_t dated;     /* ties with a year: some without one is a problem check lists */
	size_t ecap;
	cm_colmaps maps;               /* --columns */
	const char *nodes_name;     /* the actor table's name, for messages */
} csv_net;

/* Line breaks from p to end, plus one: an upper bound on the records of a table. */
size_t cm_csv_table_count_lines(const char *p, const char *end);

/* Make room for cap values in every string column of h; 0 or CM_ENOMEM. */
int cm_csv_table_header_reserve(header *h, size_t cap);

/* Read a table's header line into h (nodes: the actor table); 0 or a negative code. */
int cm_csv_table_read_header(header *h, cm_csv *c, int nodes, cm_colmaps *maps);

/* The error for a record whose number of fields is not the header's (0 when it may pass). */
int cm_csv_table_check_width(const cm_csv *c, const header *h);

/* A plain decimal (digits, one point or comma) parsed exactly; 0, or -1 for anything else. */
int cm_csv_table_parse_plain_decimal(double *out, const char *s, int decimal_comma);

/*
 * Read the edge list into net (after the actor table, if any): on two
 * threads when it is large and threads is not 1 (csv_edges.c).
 */
int cm_csv_table_read_edges(csv_net *net, cm_csv *c, int threads);

#endif
