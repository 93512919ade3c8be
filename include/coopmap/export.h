/**
 * @file coopmap/export.h
 * @brief Writing a network for other tools: GraphML, GML, GEXF, DOT, a CSV folder.
 */
#ifndef COOPMAP_EXPORT_H
#define COOPMAP_EXPORT_H

#include "metrics.h"
#include "network.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Output formats of cm_network_write(). */
typedef enum {
	CM_OUTPUT_AUTO = 0, /**< from the extension; a path without one is a CSV folder */
	CM_OUTPUT_GRAPHML,
	CM_OUTPUT_GML,
	CM_OUTPUT_DOT,
	CM_OUTPUT_CSV,      /**< a folder holding nodes.csv and edges.csv */
	CM_OUTPUT_GEXF,     /**< Gephi's GEXF, with the map's positions, colours and sizes */
	CM_OUTPUT_CSV_FR    /**< the CSV folder for a French spreadsheet (coopmap/table.h's csv-fr) */
} cm_output_format;

/**
 * Measures an export can carry besides the per-actor metrics (the CM_M_*
 * bits of coopmap/metrics.h), as bits of cm_export_options.measures.
 */
enum {
	CM_EXPORT_ISOLATION = 1u << 16, /**< "isolation_level": the level of cm_isolated_levels() (cités only) */
	CM_EXPORT_BROKERAGE = 1u << 17, /**< "brokerage": the total of cm_brokers_compute() between regions */
	CM_EXPORT_ALL_MEASURES = CM_M_ALL | CM_EXPORT_ISOLATION | CM_EXPORT_BROKERAGE
};

/** Options of cm_network_write_with(). Zero-initialise, then set what you need. */
typedef struct cm_export_options {
	const char *gexf_version; /**< "1.2" (NULL: the default, 1.2draft, which Gephi and NetworkX read) or "1.3" */
	unsigned long seed;       /**< seed of the map layout that gives GEXF its positions (0: CM_DEFAULT_SEED) */
	/**
	 * Measures added as typed actor attributes (CM_M_* and CM_EXPORT_* bits;
	 * 0: none), computed as coopmap metrics, isolated and brokers compute
	 * them.  With all of them (CM_EXPORT_ALL_MEASURES), isolation and
	 * brokerage are left out with a notice when the network has no cité or
	 * no region; asked for by name, that is an error.
	 */
	unsigned measures;
	/**
	 * Layout whose positions the export carries: "fr" or "geo", as
	 * coopmap render places the actors with the same seed.  GraphML, GML and
	 * CSV get them as actor attributes x and y (points, y upwards) only when
	 * it is set; GEXF always has viz:position (NULL: fr); DOT refuses it.
	 */
	const char *layout;
} cm_export_options;

/**
 * Parse a comma-separated list of measures for cm_export_options.measures:
 * the names of cm_metrics_parse(), "isolation_level", "brokerage" or "all".
 * @param out receives the bits
 * @param list the list
 * @return 0, or CM_EUSAGE naming the unknown measure
 */
int cm_export_parse_measures(unsigned *out, const char *list);

/**
 * The format cm_network_write() picks for path with CM_OUTPUT_AUTO: by
 * extension (.graphml, .xml, .gml, .gexf, .dot, .gv); a folder, a name
 * without extension or ending in '/' is CM_OUTPUT_CSV.
 * @return the format, or CM_OUTPUT_AUTO when the extension is unknown
 */
cm_output_format cm_output_format_of(const char *path);

/**
 * Write a network with all its attributes (coopmap convert).  Files are
 * written atomically: on failure nothing at path changes.
 * @param net the network
 * @param path output file, or folder for CM_OUTPUT_CSV, or "-" for stdout
 * @param format the format, or CM_OUTPUT_AUTO
 * @return 0 or a negative code
 */
int cm_network_write(const cm_network *net, const char *path, cm_output_format format);

/**
 * cm_network_write() with options (GEXF version, layout, measures).
 * @param net the network
 * @param path output file, or folder for CM_OUTPUT_CSV, or "-" for stdout
 * @param format the format, or CM_OUTPUT_AUTO (.gexf: GEXF)
 * @param opts options (NULL: defaults)
 * @return 0 or a negative code
 */
int cm_network_write_with(const cm_network *net, const char *path, cm_output_format format,
                          const cm_export_options *opts);

#ifdef __cplusplus
}
#endif

#endif
