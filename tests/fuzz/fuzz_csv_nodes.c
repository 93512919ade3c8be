/*
 * libFuzzer target: an actor table (nodes.csv) with a fixed edge list that
 * names some of the usual ids, through cm_network_load.
 */
#include "fuzz.h"

static struct fuzz_file nodes, edges;

static const char edges_csv[] =
	"source;target;weight;year\n"
	"a;b;1;2021\n"
	"b;c;2,5;2022\n"
	"c;a;1;\n"
	"cite-1;crpv-1;3;2023\n"
	"d;a;1;2020\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	fuzz_file_open(&nodes, "nodes.csv");
	fuzz_file_open(&edges, "edges.csv");
	fuzz_file_set(&edges, (const uint8_t *)edges_csv, sizeof(edges_csv) - 1);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_file_set(&nodes, data, size);
	fuzz_load(edges.path, CM_INPUT_CSV, nodes.path, 0);
	return 0;
}
