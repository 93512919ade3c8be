/**
 * @file coopmap/check.h
 * @brief A data check of a network: the problems other commands repair,
 * merge or skip while loading, each with its file and line (or, for formats
 * other than CSV, the actor or tie named) and a suggestion.
 */
#ifndef COOPMAP_CHECK_H
#define COOPMAP_CHECK_H

#include <stddef.h>

#include "common.h"
#include "load.h"
#include "regions.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Kinds of problem, in the order they are reported. */
typedef enum {
	CM_CHECK_ABSENT = 0,   /**< actors named in the ties but absent from the actor table */
	CM_CHECK_NEAR_ID,      /**< near-duplicate ids */
	CM_CHECK_NEAR_LABEL,   /**< near-duplicate labels */
	CM_CHECK_TYPE,         /**< type values differing only by case, accents or plural */
	CM_CHECK_REGION,       /**< regions not in the adjacency file */
	CM_CHECK_UNDATED,      /**< ties without a year when other ties have one */
	CM_CHECK_SELF,         /**< ties of an actor with itself */
	CM_CHECK_REPEATED,     /**< repeated ties, merged by the other commands */
	CM_CHECK_WEIGHT,       /**< ties with weight 0 (or not a positive number) */
	CM_CHECK_NO_TIE,       /**< actors of the actor table with no tie */
	/* two-mode (actor-event) data */
	CM_CHECK_EMPTY_PART,   /**< participations with an empty actor or event */
	CM_CHECK_UNKNOWN_EVENT, /**< events named in the participations but absent from the event table */
	CM_CHECK_REPEATED_PART, /**< the same actor at the same event twice */
	CM_CHECK_BIG_EVENT,    /**< events larger than --max-event-size */
	CM_CHECK_ALONE,        /**< events with one participant */
	CM_CHECK_UNDATED_EVENT, /**< events without a year when other events have one */
	CM_CHECK_NEAR_EVENT,   /**< near-duplicate event ids or labels */
	CM_CHECK_EVENT_KIND,   /**< event kinds differing only by case, accents or plural */
	CM_CHECK_KINDS
} cm_check_kind;

/** One problem: where it is and what is wrong, with a suggestion. */
typedef struct cm_check_problem {
	cm_check_kind kind;
	const char *file; /**< the table's name (owned by the cm_check) */
	long line;        /**< 1-based line of the row; 0 when the format gives none */
	char *text;       /**< what is wrong, then a suggestion */
} cm_check_problem;

/** The problems found, grouped by kind (zero-initialise). */
typedef struct cm_check {
	cm_check_problem *v;
	size_t n, cap;
	char *edges_name, *nodes_name;
	char *events_name; /**< two-mode: the event table (or the graph file), else NULL */
} cm_check;

/**
 * Check a network in any format cm_network_load() reads: CSV tables (a
 * folder, an edge list with opts->nodes_path, "-" for standard input;
 * opts->columns applies) row by row with their lines, other formats before
 * the tie pipeline (problems with line 0, naming the actor or tie).  opts
 * may be NULL.  Two-mode data (a participation table, or a graph whose
 * vertices carry "bipartite") is checked as such: its participations,
 * events and actors (opts->filter.max_event_size applies).
 * @param out receives the problems, sorted by kind then file and line
 * @param input the folder or edge list
 * @param opts load options (the filters are not used)
 * @param regions the region adjacency to check regions against, or NULL
 * @param regions_name its file name, for messages
 * @return 0 (problems or not), or CM_EINPUT / CM_EIO / CM_EUSAGE / CM_ENOMEM
 */
int cm_check_run(cm_check *out, const char *input, const cm_load_options *opts,
                 const cm_regions *regions, const char *regions_name);

/** @return the heading of a kind of problem ("actors named in the ties but absent from the actor table") */
const char *cm_check_kind_title(cm_check_kind kind);

/** Free the problems (a zeroed cm_check is fine). */
void cm_check_free(cm_check *c);

#ifdef __cplusplus
}
#endif

#endif
