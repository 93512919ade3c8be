/* libFuzzer target: a GEXF file through cm_network_load. */
#include "fuzz.h"

static struct fuzz_file in;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	fuzz_file_open(&in, "input.gexf");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_file_set(&in, data, size);
	fuzz_load(in.path, CM_INPUT_GEXF, NULL, 0);
	return 0;
}
