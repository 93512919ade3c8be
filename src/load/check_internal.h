/*
 * What the two halves of `coopmap check` share: check.c (the run, the
 * one-mode check of ties, and the checks of actors that both modes make)
 * and check_twomode.c (participations and events).  The checks that go
 * through actors or events alike (near duplicates, spellings, regions) are
 * written once, in check.c, over check_rows.
 */
#ifndef COOPMAP_LOAD_CHECK_INTERNAL_H
#define COOPMAP_LOAD_CHECK_INTERNAL_H

#include <stddef.h>

#include <igraph.h>

#include "coopmap/check.h"
#include "coopmap/regions.h"
#include "base/strbuf.h"
#include "load/csv.h"
#include "load/csv_columns.h"
#include "model/names.h"

/* Pairwise comparisons of ids and labels stop above this many actors (or events). */
#define CHECK_PAIRWISE_MAX 5000
/* Text attributes a raw graph is read into. */
#define CHECK_TEXTS 10

/* One row of the actor table (fields point into the reader's buffer). */
typedef struct actor_row {
	const char *id, *label, *type, *region;
	long line;
	int tied;
} actor_row;

/* One row of the edge list. */
typedef struct tie_row {
	const char *src, *dst, *weight, *year;
	long line;
} tie_row;

/* Two-mode: one event, of the event table (line) or only named by participations (line 0). */
typedef struct event_row {
	const char *id, *label, *year, *kind, *region;
	const char *first_actor; /* its first participant */
	long line, first_part;   /* line in the event table; of its first participation */
	size_t n;                /* participants, each counted once */
} event_row;

/* Two-mode: one participation. */
typedef struct part_row {
	const char *actor, *event, *year;
	long line;
} part_row;

/* What the check holds while it runs. */
typedef struct checker {
	cm_check *out;
	cm_csv nodes, edges, events_csv;
	event_row *events;
	size_t ne, ne_cap;
	part_row *parts;
	size_t np, np_cap;
	cm_names evids;           /* event ids -> row */
	int two_mode;
	actor_row *actors;
	size_t na, na_cap;
	tie_row *ties;
	size_t nt, nt_cap;
	cm_names ids;     /* actor table ids -> row */
	int directed, decimal_comma;
	int raw;                  /* rows from a raw graph: "line" is the actor or tie number */
	/* raw: names, labels, types, regions, weights, years; two-mode: bipartite, vertex year, date, kind */
	igraph_strvector_t text[CHECK_TEXTS];
} checker;

/* The rows a shared check goes through: the actors, or two-mode's events. */
typedef enum { CHECK_ACTORS, CHECK_EVENTS } check_rows;

/* A text column of both kinds of row (an event's type is its kind). */
typedef enum { CHECK_ID, CHECK_LABEL, CHECK_TYPE, CHECK_REGION } check_column;

/* The pairs of names met so far, with the line of each pair's first row: repeats.  Zero-initialise. */
typedef struct check_pairs {
	cm_names seen;
	cm_strbuf key;
	long *line;
} check_pairs;

/* Record a problem (text as printf formats it).  Returns 0 or CM_ENOMEM. */
int cm_check_add(checker *k, cm_check_kind kind, const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Reads the current record of a CSV table into the checker's rows: 0, or a cm_error_t. */
typedef int check_row_reader(checker *k, const cm_csv *c, const int *at);

/*
 * Read a CSV table of kind table (CM_TABLE_EDGES, ...): its header, which
 * must have the columns that kind needs, then each record through row,
 * with at the column of each role (-1 when none).  Returns 0 or a cm_error_t.
 */
int cm_check_read_table(checker *k, cm_csv *c, int table, cm_colmaps *maps, check_row_reader *row);

/* The field of role r in the current record, or "". */
const char *cm_check_field(const cm_csv *c, const int *at, int r);

/* rows (n of size bytes, room for *cap) with room for one more: the same or moved rows, or NULL (rows kept). */
void *cm_check_grow(void *rows, size_t *cap, size_t n, size_t size);

/* 1 when a year field gives a year (a whole year or a date). */
int cm_check_has_year(const char *s);

/* Start reading a raw graph: the actors' texts and the ties' years into k->text, room for every actor. */
int cm_check_raw_start(checker *k, const igraph_t *g);

/* Vertex v of the raw graph as the next actor row (its number for a line). */
int cm_check_raw_actor(checker *k, igraph_integer_t v);

/* Text of a raw graph's attribute into k->text[i] ("" for each when absent). */
int cm_check_raw_text(checker *k, int i, const igraph_t *g, int edges, const char *name);

/*
 * An actor named at file:line by a tie or a participation: marked tied
 * (when tied) if the actor table has it, else listed once as absent from
 * it (absent holds the names already listed).  Returns 0 or CM_ENOMEM.
 */
int cm_check_named(checker *k, cm_names *absent, const char *file, long line, const char *name, int tied);

/* Make room for n pairs.  Returns 0 or CM_ENOMEM. */
int cm_check_pairs_init(check_pairs *p, size_t n);

/* *first: the line of the first row with pair a, b, or 0 when this row (at line) is the first.  0 or CM_ENOMEM. */
int cm_check_pair(long *first, check_pairs *p, const char *a, const char *b, long line);

/* Free the pairs (a zeroed one is fine). */
void cm_check_pairs_free(check_pairs *p);

/* The id closest to name among the actors' (events': those of the event table), or NULL. */
const char *cm_check_closest(const checker *k, check_rows rows, const char *name);

/* Where row i is: an actor's table row; an event's table row, else its first participation. */
void cm_check_place(const checker *k, check_rows rows, size_t i, const char **file, long *line);

/* Near-duplicate ids or labels (col) of actors or events, pair by pair (the caller keeps to CHECK_PAIRWISE_MAX). */
int cm_check_near_rows(checker *k, check_rows rows, check_column col);

/* Types (events: kinds) written unlike the most frequent spelling of the same one (the caller keeps to CHECK_PAIRWISE_MAX). */
int cm_check_spelling_rows(checker *k, check_rows rows);

/* Regions of actors or events that the adjacency file does not name (first row of each). */
int cm_check_region_rows(checker *k, check_rows rows, const cm_regions *regions, const char *regions_name);

/* check_twomode.c: a record of the event table (k->events_csv) as an event row (a check_row_reader). */
int cm_check_event_record(checker *k, const cm_csv *c, const int *at);

/* check_twomode.c: a record of the participation table (a check_row_reader); an empty actor or event is listed, not stored. */
int cm_check_part_record(checker *k, const cm_csv *c, const int *at);

/* check_twomode.c: a two-mode raw graph: bipartite 0 vertices are actors, 1 events; each tie a participation. */
int cm_check_read_raw_twomode(checker *k, const igraph_t *g);

/*
 * check_twomode.c: the two-mode checks: participations, then events (sizes
 * above max_size when positive, participants, years, near duplicates,
 * kinds, and regions against regions when not NULL).
 */
int cm_check_twomode(checker *k, int max_size, const cm_regions *regions, const char *regions_name);

#endif
