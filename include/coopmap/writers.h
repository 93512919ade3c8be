/**
 * @file coopmap/writers.h
 * @brief Writers of the results that are more than one table: summary, clubs, brokers.
 *
 * The format rules of every writer are those of coopmap/table.h.
 */
#ifndef COOPMAP_WRITERS_H
#define COOPMAP_WRITERS_H

#include <stdio.h>
#include "table.h"
#include "summary.h"
#include "clubs.h"
#include "brokers.h"
#include "diff.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Write a summary.
 * @param f stream
 * @param s the summary
 * @param format CM_FORMAT_TABLE or CM_FORMAT_JSON (csv, csv-fr, tsv: key,value rows)
 * @return 0 or CM_EIO
 */
int cm_summary_write(FILE *f, const cm_summary *s, cm_format format);

/**
 * Write clubs: table (one row per club, then the dense regions), csv, csv-fr, tsv
 * (one row per club) or JSON ({"min_size", "type", "clubs", "dense_regions"}).
 * @return 0 or CM_EIO
 */
int cm_clubs_write(FILE *f, const cm_clubs *c, cm_format format);

/**
 * Write the brokers: the actors table then the groups and the whole-network
 * E-I index (table), the actors only (csv, csv-fr, tsv), or
 * {"actors": [...], "groups": [...], "network_ei_index": x} (JSON).
 * @return 0 or CM_EIO
 */
int cm_brokers_write(FILE *f, const cm_brokers *b, cm_format format);

/**
 * Write a comparison (coopmap diff): the whole-network figures then the
 * actors (table), the actors only (csv, csv-fr, tsv), or {"network": {...},
 * "actors": [...]} with "ties" when they were listed (JSON).
 * @param top write at most this many actors (0: all)
 * @return 0 or CM_EIO
 */
int cm_diff_write(FILE *f, const cm_diff *d, cm_format format, size_t top);

/**
 * Write a timeline: the years, then how many ties are undated (table), the
 * years only (csv, csv-fr, tsv), or {"undated_ties": N, "years": [...]} (JSON).
 * @return 0 or CM_EIO
 */
int cm_timeline_write(FILE *f, const cm_table *years, igraph_integer_t undated, cm_format format);

#ifdef __cplusplus
}
#endif

#endif
