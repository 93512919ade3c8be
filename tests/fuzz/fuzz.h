/*
 * Shared set-up of the libFuzzer targets: igraph's attribute handler and
 * cm_init() once, notices discarded, and the fuzz input handed to the
 * library as a file (a memfd reached through /proc/self/fd, so that the
 * loaders run exactly as for a file on disk and nothing is left behind).
 */
#ifndef COOPMAP_FUZZ_H
#define COOPMAP_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <igraph.h>

#include "coopmap/coopmap.h"

/* Notices are expected on bad input: drop them so the fuzzer's output stays readable. */
static void fuzz_quiet(void *ctx, const char *message)
{
	(void)ctx;
	(void)message;
}

/* Start the library once per process. */
static void fuzz_init(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	cm_notice_set_handler(fuzz_quiet, NULL);
}

/* A memfd and its /proc path; the file is rewritten for each input. */
struct fuzz_file {
	int fd;
	char path[64];
};

/* Create a memfd whose /proc path ends with suffix (loaders look at the extension only when asked). */
__attribute__((unused)) static void fuzz_file_open(struct fuzz_file *f, const char *name)
{
	f->fd = memfd_create(name, 0);
	if (f->fd < 0) {
		perror("memfd_create");
		abort();
	}
	snprintf(f->path, sizeof(f->path), "/proc/self/fd/%d", f->fd);
}

/* Replace the file's content with the n bytes at data. */
__attribute__((unused)) static void fuzz_file_set(struct fuzz_file *f, const uint8_t *data, size_t n)
{
	size_t done = 0;

	if (ftruncate(f->fd, 0) < 0) {
		perror("ftruncate");
		abort();
	}
	while (done < n) {
		ssize_t w = pwrite(f->fd, data + done, n - done, (off_t)done);

		if (w <= 0) {
			perror("pwrite");
			abort();
		}
		done += (size_t)w;
	}
}

/* Load path with the given format and free the result: the library must neither crash nor leak. */
__attribute__((unused)) static int fuzz_load(const char *path, cm_input_format format, const char *nodes, int directed)
{
	cm_load_options o;
	cm_network *net = NULL;
	int rc;

	memset(&o, 0, sizeof(o));
	o.format = format;
	o.nodes_path = nodes;
	o.directed = directed;
	rc = cm_network_load(&net, path, &o);
	if (rc == 0 && !net)
		abort(); /* success must give a network */
	if (rc < 0 && (net || !cm_error_message()[0]))
		abort(); /* failure must give no network and a message */
	cm_network_free(net);
	cm_error_clear();
	return rc;
}

#endif
