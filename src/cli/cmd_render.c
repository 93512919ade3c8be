/* coopmap render: draw a network map with Graphviz. */
#include <stdlib.h>

#include "cli.h"

enum {
	OPT_LAYOUT = 1,
	OPT_TITLE,
	OPT_LABELS,
	OPT_NO_LEGEND,
	OPT_COLOR_BY,
	OPT_SHAPE_BY,
	OPT_SIZE_BY,
	OPT_CLUSTER_BY
};

int cmd_render(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "type", required_argument, NULL, 'T' },
		{ "layout", required_argument, NULL, OPT_LAYOUT },
		{ "title", required_argument, NULL, OPT_TITLE },
		{ "labels", required_argument, NULL, OPT_LABELS },
		{ "no-legend", no_argument, NULL, OPT_NO_LEGEND },
		{ "color-by", required_argument, NULL, OPT_COLOR_BY },
		{ "colour-by", required_argument, NULL, OPT_COLOR_BY },
		{ "shape-by", required_argument, NULL, OPT_SHAPE_BY },
		{ "size-by", required_argument, NULL, OPT_SIZE_BY },
		{ "cluster-by", required_argument, NULL, OPT_CLUSTER_BY },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct cli_common common = { 0 };
	cm_render_options ro = { 0 };
	cm_network *net = NULL;
	const char *input, *output = NULL;
	int opt, status = CLI_OK, rc;

	while ((opt = getopt_long(argc, argv, "o:T:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'o':
			output = optarg;
			continue;
		case 'T':
			ro.format = optarg;
			continue;
		case OPT_LAYOUT:
			ro.layout = optarg;
			continue;
		case OPT_TITLE:
			ro.title = optarg;
			continue;
		case OPT_LABELS:
			ro.labels = optarg;
			continue;
		case OPT_NO_LEGEND:
			ro.no_legend = 1;
			continue;
		case OPT_COLOR_BY:
			ro.color_by = optarg;
			continue;
		case OPT_SHAPE_BY:
			ro.shape_by = optarg;
			continue;
		case OPT_SIZE_BY:
			ro.size_by = optarg;
			continue;
		case OPT_CLUSTER_BY:
			ro.cluster_by = optarg;
			continue;
		case '?':
			status = cli_usage_error("render", "see 'coopmap render --help'");
			goto done;
		}
		rc = cli_common_option(&common, "render", opt, optarg);
		if (rc == -2)
			goto done;
		if (rc != 0) {
			status = CLI_EUSAGE;
			goto done;
		}
	}
	if (!(input = cli_input("render", argc, argv))) {
		status = CLI_EUSAGE;
		goto done;
	}
	if (!output) {
		status = cli_usage_error("render", "no output file given (-o FILE)");
		goto done;
	}
	ro.seed = common.have_seed ? common.seed : CM_DEFAULT_SEED;
	if ((status = cli_load(&net, input, &common)) != CLI_OK)
		goto done;
	rc = cm_render(net, output, &ro);
	if (rc < 0)
		status = cli_fail(rc);
done:
	cm_network_free(net);
	cli_common_free(&common);
	return status;
}
