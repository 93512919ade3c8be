/*
 * libFuzzer target: the shared command-line options (cli_common_option)
 * and the filters they set, applied while loading a fixed network.
 * The input is a list of records "SELECTOR ARGUMENT\0": the selector byte
 * picks one of the shared options, the argument is arbitrary text.  --nodes
 * always names the fixed actor table (a fuzzed path could name a FIFO).
 */
#include "fuzz.h"
#include "cli/cli.h"

/* main.c is not linked: the CLI objects need the quiet flag it defines. */
int cli_quiet;

static struct fuzz_file nodes, edges;

static const char nodes_csv[] =
	"id,label,type,region\n"
	"cite-1,Cité éducative de Brest,cite,Bretagne\n"
	"cite-2,Cité éducative de Rennes,cite,Bretagne\n"
	"crpv-1,CRPV Bretagne,crpv,Bretagne\n"
	"asso-1,\"Association \"\"Les Amis\"\"\",association,Normandie\n"
	"ecole-1,École Jules Ferry,ecole,Normandie\n"
	"reseau-1,Réseau national,reseau,\n";

static const char edges_csv[] =
	"source,target,weight,year,kind\n"
	"cite-1,crpv-1,2,2019,projet\n"
	"cite-2,crpv-1,1,2020,formation\n"
	"cite-1,cite-2,3,2021,\n"
	"asso-1,cite-1,1.5,2022,projet\n"
	"ecole-1,asso-1,1,,\n"
	"reseau-1,crpv-1,4,2023,reseau\n"
	"cite-1,crpv-1,1,2024,projet\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	fuzz_file_open(&nodes, "nodes.csv");
	fuzz_file_open(&edges, "edges.csv");
	fuzz_file_set(&nodes, (const uint8_t *)nodes_csv, sizeof(nodes_csv) - 1);
	fuzz_file_set(&edges, (const uint8_t *)edges_csv, sizeof(edges_csv) - 1);
	/* usage errors are printed through stdio: keep them out of the fuzzer's log */
	if (!getenv("FUZZ_VERBOSE")) {
		stderr = fopen("/dev/null", "w");
		stdout = fopen("/dev/null", "w");
		if (!stderr || !stdout)
			abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cli_common c;
	char *copy = malloc(size + 1);
	size_t i = 0;
	int rc = 0;

	if (!copy)
		abort();
	memcpy(copy, data, size);
	copy[size] = '\0';
	memset(&c, 0, sizeof(c));
	while (i < size && rc == 0) {
		/* CLI_OPT_HELP is left out: it only prints the help */
		int opt = CLI_OPT_BASE + (unsigned char)copy[i] % (CLI_OPT_HELP - CLI_OPT_BASE);
		const char *arg = copy + i + 1;

		rc = cli_common_option(&c, "summary", opt, opt == CLI_OPT_NODES ? nodes.path : arg);
		if (rc == -1)
			abort(); /* every selected value is a shared option */
		i += 1 + strlen(arg) + 1;
	}
	if (rc == 0) {
		cm_network *net = NULL;

		/* a format option may pick another reader for this CSV file: it must refuse cleanly */
		if (cm_network_load(&net, edges.path, &c.load) < 0 && (net || !cm_error_message()[0]))
			abort();
		cm_network_free(net);
		cm_error_clear();
	}
	cli_quiet = 0;
	cli_common_free(&c);
	free(copy);
	return 0;
}
