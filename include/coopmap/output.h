/**
 * @file coopmap/output.h
 * @brief Atomic output files.
 *
 * Output goes to a temporary file beside the destination, which is renamed
 * over the destination only once everything was written and flushed to disk.
 * On any failure (or interrupt) the temporary file is removed and an existing
 * file at the destination is left untouched.
 */
#ifndef COOPMAP_OUTPUT_H
#define COOPMAP_OUTPUT_H

#include <stdio.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cm_output cm_output;

/**
 * Open an output.
 * @param out receives the output
 * @param path destination path, or "-" for standard output
 * @return 0, or CM_EIO with a message naming the path
 */
int cm_output_open(cm_output **out, const char *path);

/** @return the stream to write to */
FILE *cm_output_stream(cm_output *o);

/** @return the path of the temporary file ("-" for standard output) */
const char *cm_output_temp_path(const cm_output *o);

/**
 * Flush, sync and rename the temporary file over the destination, then free o.
 * @return 0, or CM_EIO (the destination is then untouched)
 */
int cm_output_commit(cm_output *o);

/** Remove the temporary file and free o (NULL is allowed). */
void cm_output_abort(cm_output *o);

/**
 * Remove every temporary file still open; async-signal-safe, for the CLI's
 * SIGINT/SIGTERM handler.
 */
void cm_output_abort_all_signal_safe(void);

#ifdef __cplusplus
}
#endif

#endif
