/**
 * @file coopmap/report.h
 * @brief The offline HTML report (coopmap report): one self-contained file.
 *
 * The file holds its CSS, its scripts (the pan/zoom library inlined at build
 * time and the page's own script), the map as inline SVG (drawn by
 * cm_render()) and the data as JSON in a script element of type
 * application/json.  Its Content-Security-Policy forbids every request.
 * The same network, options and date give the same bytes.  Messages are in
 * the language of coopmap's catalogue at the time of the call
 * (base/i18n.h); docs/report.md describes the sections.
 */
#ifndef COOPMAP_REPORT_H
#define COOPMAP_REPORT_H

#include "network.h"
#include "regions.h"
#include "load.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options of cm_report_write(). Zero-initialise, then set what you need. */
typedef struct cm_report_options {
	const char *title;          /**< NULL: "coopmap report: INPUT" (translated) */
	const char *lang;           /**< the html lang attribute: "fr" or "en" (NULL: "en") */
	const char *date;           /**< the date printed, as given (NULL: none) */
	const char *input;          /**< INPUT as given, for section 1 and the timeline (reloaded year by year) */
	const cm_load_options *load; /**< how INPUT was loaded (timeline), or NULL */
	const char *regions_path;   /**< region adjacency (clubs, suggestions), or NULL */
	const cm_regions *regions;  /**< the adjacency read from regions_path, or NULL */
	const char *command_line;   /**< the command line that makes this report (section 8) */
	const char *const *notices; /**< what loading repaired, merged or left out, as said */
	size_t n_notices;
	const char *filters;        /**< the filters applied, as text ("" or NULL: none) */
	const cm_network *before, *after; /**< two states to compare (--at Y1 --at Y2), or NULL */
	const char *before_name, *after_name; /**< their names ("2019", "2022") */
	const char *focus_type;     /**< NULL: "cite" */
	unsigned long seed;         /**< 0: CM_DEFAULT_SEED */
} cm_report_options;

/**
 * Write the report of a network.  Writes atomically: on failure an
 * existing file at path is untouched and no partial file remains.
 * @param net the network
 * @param path the output file, or "-" for standard output
 * @param opts options (NULL: defaults)
 * @return 0 or a negative code
 */
int cm_report_write(const cm_network *net, const char *path, const cm_report_options *opts);

#ifdef __cplusplus
}
#endif

#endif
