/*
 * Column and attribute names as people write them (model/columns.c): the
 * meaning ("role") of a CSV column from its French or English name, names
 * compared without case or accents, and the closest of a list of names for
 * "did you mean" suggestions.
 */
#ifndef COOPMAP_MODEL_COLUMNS_H
#define COOPMAP_MODEL_COLUMNS_H

#include <stddef.h>

#include <igraph.h>

/* What a column holds. */
typedef enum {
	CM_ROLE_NONE = 0, /* a plain attribute */
	CM_ROLE_SOURCE, CM_ROLE_TARGET, CM_ROLE_WEIGHT, CM_ROLE_YEAR, CM_ROLE_KIND,
	CM_ROLE_ID, CM_ROLE_LABEL, CM_ROLE_TYPE, CM_ROLE_REGION, CM_ROLE_DEPARTMENT,
	CM_ROLE_LAT, CM_ROLE_LON, CM_ROLE_END,
	CM_ROLE_ACTOR, CM_ROLE_EVENT, CM_ROLE_PART_ROLE, /* two-mode tables (participations, events) */
	CM_ROLE_COUNT
} cm_role;

/* The tables a role belongs to (a bit mask). */
#define CM_TABLE_EDGES 1
#define CM_TABLE_NODES 2
#define CM_TABLE_PARTICIPATIONS 4 /* two-mode: one row per actor and event */
#define CM_TABLE_EVENTS 8         /* two-mode: one row per event */

/* How a column's values are read. */
#define CM_COLUMN_DATE 1 /* a date: its year is taken ("2021-03-15", "15/03/2021") */

/*
 * Fold a name for comparison: ASCII lowercase, Latin accents removed
 * ("É" is "e", "œ" is "oe"), runs of spaces, '_', '-' and '.' made one
 * space, spaces around removed.  Returns a new string, or NULL (CM_ENOMEM
 * recorded).
 */
char *cm_name_fold(const char *s);

/* 1 when a and b are equal once folded (cm_name_fold), else 0. */
int cm_name_fold_eq(const char *a, const char *b);

/*
 * The role that header names in a table (CM_TABLE_EDGES or CM_TABLE_NODES),
 * or CM_ROLE_NONE; *how receives CM_COLUMN_* flags (may be NULL).
 */
cm_role cm_role_of_header(const char *header, int table, int *how);

/* Precedence of an id synonym ("id" 0, "identifiant" 1, ...), or -1 when header is none. */
int cm_role_id_rank(const char *header);

/* The role called name ("weight", "poids", ...: any synonym), or CM_ROLE_NONE. */
cm_role cm_role_parse(const char *name);

/* The canonical name of a role ("weight"). */
const char *cm_role_name(cm_role role);

/* What a role means, for notices ("the tie weight"). */
const char *cm_role_meaning(cm_role role);

/* The tables a role belongs to (CM_TABLE_* mask). */
int cm_role_tables(cm_role role);

/*
 * The role that header resembles in table, without naming it: within a
 * small edit distance of a synonym, or holding a synonym as a word
 * ("annee_debut"); CM_ROLE_NONE otherwise.
 */
cm_role cm_role_lookalike(const char *header, int table);

/*
 * Edit distance of a and b once folded (insertions, deletions,
 * substitutions and swaps of neighbours each count 1), capped at 100.
 */
int cm_name_distance(const char *a, const char *b);

/*
 * The index of the candidate closest to word: equal once folded, else
 * within a small edit distance (1 for up to 4 characters, 2 up to 8, 3
 * beyond); -1 when none is close.  NULL candidates are skipped.
 */
long cm_name_closest(const char *word, const char *const *candidates, size_t n);

/*
 * The actor attribute of g that name means: the attribute itself, one
 * equal to it once folded ("Région" for "region"), or the attribute of the
 * role it names ("catégorie" is "type", "id" is the actor id).  *out
 * receives a new string, or NULL when g has no such attribute.  Returns 0
 * or CM_ENOMEM.
 */
int cm_attr_resolve(char **out, const igraph_t *g, const char *name);

/*
 * The actor attributes of g as "a, b, c" (the internal ones left out) and
 * the one closest to name, for messages: *list and *closest receive new
 * strings (*closest NULL when none is close).  Returns 0 or CM_ENOMEM.
 */
int cm_attr_suggest(char **list, char **closest, const igraph_t *g, const char *name);

#endif
