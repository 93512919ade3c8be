/*
 * load_only: load a network with cm_network_load() and exit, for the scale
 * benchmark (tests/benchmarks/scale/run.sh).  It measures the loader alone:
 * reading nodes.csv and edges.csv, building the igraph graph and its
 * attributes.  Nothing is computed or written.
 *
 *   load_only [--threads 1 | --plain] INPUT
 *
 * --threads 1 reads a CSV edge list on one thread (cm_load_options.threads),
 * to compare with the default, which reads a large one's second half on a
 * second thread.  --plain loads without every speed step that can be turned
 * off, to measure what they gain together: one thread, and no transparent
 * huge-page advice (cm_advise_huge, which cm_heap_prepare goes through too).
 * Prints "actors ties seconds" on standard output, the seconds being the
 * wall time of cm_network_load() alone (process start-up excluded).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <igraph.h>

#include "coopmap/coopmap.h"
#include "base/file.h"

/* Wall-clock seconds from a monotonic clock. */
static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	cm_network *net = NULL;
	cm_load_options opts = { 0 };
	double t0, t1;
	int status = 1;

	igraph_set_attribute_table(&igraph_cattribute_table);
	cm_init();
	cm_notice_set_handler(NULL, NULL);
	if (argc == 4 && !strcmp(argv[1], "--threads")) {
		opts.threads = atoi(argv[2]);
		argv += 2;
		argc -= 2;
	} else if (argc == 3 && !strcmp(argv[1], "--plain")) {
		opts.threads = 1;
		cm_advise_huge_enable(0);
		argv++;
		argc--;
	}
	if (argc != 2) {
		fputs("usage: load_only [--threads 1 | --plain] INPUT\n", stderr);
		goto done;
	}
	t0 = now();
	if (cm_network_load(&net, argv[1], &opts) < 0) {
		fprintf(stderr, "load_only: %s\n", cm_error_message());
		goto done;
	}
	t1 = now();
	printf("%lld %lld %.3f\n", (long long)cm_network_actors(net),
	       (long long)cm_network_ties(net), t1 - t0);
	status = 0;
done:
	cm_network_free(net);
	return status;
}
