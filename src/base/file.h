/* Whole-file reads, and advice to the kernel on big arrays. */
#ifndef COOPMAP_BASE_FILE_H
#define COOPMAP_BASE_FILE_H

#include <stddef.h>

#include "coopmap/common.h"

/*
 * Read a whole file (path "-" is standard input) into a NUL-terminated
 * buffer.  Refuses directories and reports errors with the path.  *out must
 * be freed with free().
 */
int cm_read_file(char **out, size_t *len, const char *path);

/*
 * Before loading an input of bytes bytes (1 to 43 MB): have malloc serve
 * the requests below 32 MiB from up to 128 MiB of heap taken ahead, with
 * transparent huge pages (a page fault per 2 MiB instead of per 4 KiB, for
 * igraph's arrays too, which the loader cannot advise); bigger requests
 * still get their own mapping.  Once a process; nothing under an address
 * space or data limit, nor where the C library is not glibc.  Only advice:
 * no output changes.
 */
void cm_heap_prepare(size_t bytes);

/*
 * Ask for transparent huge pages on the 2 MiB pages inside [p, p + bytes),
 * before they are first touched: a big loader array then costs a page
 * fault per 2 MiB instead of per 4 KiB, and its random reads miss the TLB
 * less.  Only advice: nothing happens when it is refused.
 */
void cm_advise_huge(void *p, size_t bytes);

/*
 * Turn cm_advise_huge() on (the default) or off, so that a benchmark can
 * measure what the advice gains (tests/benchmarks/scale/load_only --plain).
 */
void cm_advise_huge_enable(int on);

#endif
