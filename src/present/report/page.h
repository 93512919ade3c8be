/*
 * What the files of coopmap report share (private to present/report):
 * the state computed once for the page, the one table builder, and the
 * writers of each part of the page.
 */
#ifndef COOPMAP_PRESENT_REPORT_PAGE_H
#define COOPMAP_PRESENT_REPORT_PAGE_H

#include <stdio.h>

#include "coopmap/network.h"
#include "coopmap/report.h"
#include "coopmap/summary.h"
#include "coopmap/table.h"

/* Rows of the brokers and change tables: the report stays short (the CSV commands give them all). */
#define REPORT_TOP 20

/* Everything computed once and used by several sections. */
struct report {
	FILE *f;
	const cm_network *net;
	const cm_report_options *o;
	const char *type;        /* focus type */
	int comma;               /* decimal comma (French) */
	cm_summary summary;
	int have_summary;
	cm_table *metrics;       /* degree, betweenness, pagerank: one row per vertex */
	int *level;              /* isolation level per vertex (-1: not of the focus type) */
	cm_table *isolated;      /* NULL when no actor has the focus type */
	cm_table *suggest;
	cm_table *timeline;
	igraph_integer_t undated;
	char *map;               /* the map's <svg> element */
	size_t map_len;
	char *map_error;         /* why there is no map */
	int *years;              /* distinct tie years, ascending */
	size_t n_years;
	igraph_integer_t focus_count;
};

/* A column of a result table shown in the report: its name in the table and its header. */
struct report_col {
	const char *name;
	const char *header;      /* translated */
	int num;                 /* a number: aligned right, sorted by value (data-v) */
	int decimals;
	const char *format;      /* a number shown through this translated format ("Club %s"), or NULL */
	int status;              /* a comparison's status (coopmap diff), in words of the language */
};

/* Which rows of a result table the report shows, and how they are marked. */
struct report_rows {
	size_t max;              /* at most this many rows; 0: all */
	const char *actor;       /* column of actor ids: each row carries data-actor (a click selects it) */
	const char *level;       /* numeric column: rows below 1 are left out, the others get class levelN */
	const char *cls;         /* classes of the table beside "sortable", or NULL */
	const char *extra;       /* header of a last column that extra_cell fills, or NULL */
	void (*extra_cell)(struct report *r, const cm_table *t, size_t row);
};

/* Write t as a sortable HTML table of the columns cols, rows chosen by how (NULL: all). */
void report_table(struct report *r, const cm_table *t, const struct report_col *cols, size_t n,
                  const struct report_rows *how);

/* A paragraph of translated text, escaped; cls is its class or NULL. */
void report_para(struct report *r, const char *cls, const char *text);

/* Sections 1 to 8 of the page (sections.c, change.c); those computing more return 0 or an error code. */
void report_section_input(struct report *r);
int report_section_figures(struct report *r);
void report_section_map(struct report *r);
void report_section_isolated(struct report *r);
int report_section_clubs(struct report *r);
int report_section_brokers(struct report *r);
int report_section_change(struct report *r);
void report_section_method(struct report *r);

/* The data of the page's script, a JSON element (data.c). */
void report_write_data(struct report *r);

#endif
