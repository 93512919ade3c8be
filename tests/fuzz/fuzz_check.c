/*
 * libFuzzer target: coopmap check (load/check.c) on an edge list, with a
 * fixed actor table and region adjacency that name some of the usual ids
 * and regions; --columns and --directed vary with the first byte, and its
 * bit 4 reads the input as a two-mode participation table (--two-mode).
 */
#include "fuzz.h"

static struct fuzz_file nodes, edges;
static cm_regions *regions;

static const char nodes_csv[] =
	"acteur;libellé;type;région\n"
	"a;Cité A;cite;Bretagne\n"
	"b;Cite A;Cite;Bretange\n"
	"c;C;cités;Normandie\n"
	"cite-1;Cité 1;cite;\n"
	"crpv-1;Centre;crpv;Normandie\n";

static const char regions_csv[] = "region,neighbour\nBretagne,Normandie\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	fuzz_file_open(&nodes, "acteurs.csv");
	fuzz_file_open(&edges, "liens.csv");
	fuzz_file_set(&nodes, (const uint8_t *)nodes_csv, sizeof(nodes_csv) - 1);
	if (cm_regions_parse(&regions, regions_csv, sizeof(regions_csv) - 1, "regions.csv") < 0)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cm_load_options o;
	cm_check c;
	int rc;

	memset(&o, 0, sizeof(o));
	o.nodes_path = nodes.path;
	o.directed = size > 0 && (data[0] & 1);
	o.columns = size > 0 && (data[0] & 2) ? "weight=intensite,year=date" : NULL;
	o.two_mode = size > 0 && (data[0] & 4);
	o.directed &= !o.two_mode; /* two-mode data has no direction */
	o.filter.max_event_size = o.two_mode ? 3 : 0;
	fuzz_file_set(&edges, data, size);
	rc = cm_check_run(&c, edges.path, &o, regions, "regions.csv");
	if (rc < 0 && (c.n || !cm_error_message()[0]))
		abort(); /* failure must give no problems and a message */
	for (size_t i = 0; i < c.n; i++)
		if (!c.v[i].text || !c.v[i].file || c.v[i].line < 1)
			abort();
	cm_check_free(&c);
	cm_error_clear();
	return 0;
}
