/* libFuzzer target: a CSV edge list through cm_network_load (undirected, then directed). */
#include "fuzz.h"

static struct fuzz_file edges;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	fuzz_file_open(&edges, "edges.csv");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_file_set(&edges, data, size);
	/* the first byte's low bit picks the direction, so both paths of the merge run */
	fuzz_load(edges.path, CM_INPUT_CSV, NULL, size > 0 && (data[0] & 1));
	return 0;
}
