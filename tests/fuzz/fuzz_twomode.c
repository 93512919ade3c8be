/*
 * libFuzzer target: a participation table (two-mode data) through
 * cm_network_load and the projection; the first byte picks the projection,
 * --events, --bipartite, a year filter, --min-shared and a small
 * --max-event-size, so that every path of load/twomode.c and
 * filter/project.c runs.
 */
#include "fuzz.h"

static struct fuzz_file parts;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	fuzz_file_open(&parts, "participations.csv");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cm_load_options o;
	cm_network *net = NULL;
	unsigned b = size > 0 ? data[0] : 0;
	int rc;

	fuzz_file_set(&parts, data, size);
	memset(&o, 0, sizeof(o));
	o.format = CM_INPUT_CSV;
	o.two_mode = 1;
	o.filter.projection = (int)(b % 3);
	o.filter.project_events = (b >> 2) & 1;
	o.bipartite = (b >> 3) & 1;
	o.filter.has_to = (b >> 4) & 1;
	o.filter.to = 2020;
	o.filter.min_shared = (b >> 5) & 1 ? 2 : 0;
	o.filter.max_event_size = (b >> 6) & 1 ? 3 : 0;
	o.filter.keep_undated = (b >> 7) & 1;
	rc = cm_network_load(&net, parts.path, &o);
	if (rc == 0 && !net)
		abort(); /* success must give a network */
	if (rc < 0 && (net || !cm_error_message()[0]))
		abort(); /* failure must give no network and a message */
	cm_network_free(net);
	cm_error_clear();
	return 0;
}
