/* coopmap convert: write the network as GraphML, GML, DOT or a CSV folder. */
#include <string.h>
#include <strings.h>

#include "cli.h"

/* Parse a -T value. */
static int parse_output_format(cm_output_format *out, const char *name)
{
	if (!strcasecmp(name, "graphml"))
		*out = CM_OUTPUT_GRAPHML;
	else if (!strcasecmp(name, "gml"))
		*out = CM_OUTPUT_GML;
	else if (!strcasecmp(name, "dot") || !strcasecmp(name, "gv"))
		*out = CM_OUTPUT_DOT;
	else if (!strcasecmp(name, "csv"))
		*out = CM_OUTPUT_CSV;
	else
		return -1;
	return 0;
}

int cmd_convert(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "type", required_argument, NULL, 'T' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct cli_common common = { 0 };
	cm_output_format format = CM_OUTPUT_AUTO;
	cm_network *net = NULL;
	const char *input, *output = NULL;
	int opt, status = CLI_OK, rc;

	while ((opt = getopt_long(argc, argv, "o:T:", longopts, NULL)) != -1) {
		if (opt == 'o') {
			output = optarg;
			continue;
		}
		if (opt == 'T') {
			if (parse_output_format(&format, optarg) < 0) {
				status = cli_usage_error("convert", "unknown output format '%s' (use graphml, gml, dot or csv)",
				                         optarg);
				goto done;
			}
			continue;
		}
		if (opt == '?') {
			status = cli_usage_error("convert", "see 'coopmap convert --help'");
			goto done;
		}
		rc = cli_common_option(&common, "convert", opt, optarg);
		if (rc == -2)
			goto done;
		if (rc != 0) {
			status = CLI_EUSAGE;
			goto done;
		}
	}
	if (!(input = cli_input("convert", argc, argv))) {
		status = CLI_EUSAGE;
		goto done;
	}
	if (!output) {
		status = cli_usage_error("convert", "no output file given (-o FILE)");
		goto done;
	}
	if ((status = cli_load(&net, input, &common)) != CLI_OK)
		goto done;
	rc = cm_network_write(net, output, format);
	if (rc < 0)
		status = cli_fail(rc);
done:
	cm_network_free(net);
	cli_common_free(&common);
	return status;
}
