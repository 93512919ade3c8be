/* The CSV folder of coopmap convert: nodes.csv and edges.csv (present/export/csv.c). */
#ifndef COOPMAP_PRESENT_EXPORT_CSV_H
#define COOPMAP_PRESENT_EXPORT_CSV_H

#include "coopmap/network.h"
#include "coopmap/table.h"

/*
 * Write the CSV folder dir (created if needed): nodes.csv then edges.csv,
 * each atomically, with every attribute, in format CM_FORMAT_CSV or
 * CM_FORMAT_CSV_FR (the table writer's rules, its digits included).
 * 0 or a negative code.
 */
int cm_export_csv_folder(const cm_network *net, const char *dir, cm_format format);

#endif
