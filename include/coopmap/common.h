/**
 * @file coopmap/common.h
 * @brief Error codes, error reporting and notices shared by every module.
 *
 * Library functions return 0 on success or one of the negative codes below.
 * On failure they record a message (with the file and line of the input when
 * the failure comes from data) that cm_error_message() returns.  The library
 * never prints and never exits: notices go to the handler installed with
 * cm_notice_set_handler(), and only the command-line tool decides what is
 * printed and which exit status is used.
 */
#ifndef COOPMAP_COMMON_H
#define COOPMAP_COMMON_H

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define COOPMAP_VERSION "0.1.0"

/** Error codes returned by library functions (0 is success). */
typedef enum {
	CM_OK = 0,
	CM_ERROR = -1,       /**< internal failure (a bug or an unexpected library error) */
	CM_EUSAGE = -2,      /**< invalid argument or option value */
	CM_EINPUT = -3,      /**< the input data is malformed or unsupported */
	CM_EIO = -4,         /**< a file could not be opened, read or written */
	CM_ENOMEM = -5,      /**< out of memory */
	CM_EINTERRUPTED = -6 /**< interrupted by a signal */
} cm_error_t;

/**
 * Record an error message and return its code.
 * The message follows git's guidelines: lowercase, no full stop, says what is
 * wrong first.  Only the first error since the last cm_error_clear() is kept,
 * so that the root cause is what users see.
 * @param code a negative cm_error_t
 * @param fmt printf-style message
 * @return code
 */
int cm_error_set(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/**
 * Record an error located in an input file, as "FILE:LINE: message".
 * @param code a negative cm_error_t
 * @param file the input's display name (may be NULL)
 * @param line 1-based line number, or 0 when unknown
 * @param fmt printf-style message
 * @return code
 */
int cm_error_set_at(int code, const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/** Like cm_error_set() but with a va_list. */
int cm_error_vset(int code, const char *file, long line, const char *fmt, va_list ap);

/** @return the message of the recorded error, or "" when there is none */
const char *cm_error_message(void);

/** @return the code of the recorded error, or CM_OK */
int cm_error_code(void);

/** Forget the recorded error. */
void cm_error_clear(void);

/** A notice handler receives one line, without a trailing newline. */
typedef void (*cm_notice_fn)(void *ctx, const char *message);

/**
 * Install the handler that receives notices (merged ties, transcoding, ...).
 * @param fn handler, or NULL to drop notices
 * @param ctx passed back to fn
 */
void cm_notice_set_handler(cm_notice_fn fn, void *ctx);

/**
 * The notice handler in place, so that a caller can put it back after
 * replacing it for a while (e.g. to gather the notices of repeated loads).
 */
void cm_notice_get_handler(cm_notice_fn *fn, void **ctx);

/** Send a notice to the installed handler (library internal use). */
void cm_notice(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/**
 * A progress handler is told that `done` of `total` units of a long
 * computation are finished; `what` names the computation.
 */
typedef void (*cm_progress_fn)(void *ctx, const char *what, double done, double total);

/** Install the progress handler (NULL for none). */
void cm_progress_set_handler(cm_progress_fn fn, void *ctx);

/** Report progress (library internal use); cheap when no handler is set. */
void cm_progress(const char *what, double done, double total);

/**
 * Ask running computations to stop as soon as possible (async-signal-safe).
 * Long loops check cm_interrupted() and fail with CM_EINTERRUPTED.
 */
void cm_interrupt(void);

/** @return non-zero once cm_interrupt() was called */
int cm_interrupted(void);

/**
 * Forget an interrupt, so that later computations run again (a program
 * that goes on after cancelling one computation; tests).
 */
void cm_interrupt_clear(void);

/**
 * Initialise the library: replaces igraph's aborting error handler with one
 * that records the first non-empty reason and frees igraph's FINALLY stack,
 * and routes igraph warnings to notices.  The caller must have attached
 * igraph's C attribute handler (igraph_set_attribute_table(
 * &igraph_cattribute_table)) before loading any network.
 * @return 0
 */
int cm_init(void);

/**
 * Release process-wide resources (such as the Graphviz context): runs the
 * release functions that the library's subsystems registered when they
 * took them.  The library can be used again afterwards.
 */
void cm_shutdown(void);

#ifdef __cplusplus
}
#endif

#endif
