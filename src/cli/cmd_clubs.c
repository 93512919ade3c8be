/* coopmap clubs: interregional clubs of sparse regions (like the Club de l'Ouest). */
#include <limits.h>
#include <errno.h>
#include <stdlib.h>

#include "cli.h"

int cmd_clubs(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "regions", required_argument, NULL, 'r' },
		{ "type", required_argument, NULL, 't' },
		{ "min-size", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'f' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct cli_common common = { 0 };
	cm_format format = CM_FORMAT_TABLE;
	cm_network *net = NULL;
	cm_regions *regions = NULL;
	cm_clubs clubs = { 0 };
	const char *input, *type = NULL, *regions_path = NULL;
	long min_size = CM_DEFAULT_MIN_SIZE;
	int opt, status = CLI_OK, rc, have_clubs = 0;

	while ((opt = getopt_long(argc, argv, "f:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			if (cm_format_parse(&format, optarg) < 0) {
				status = cli_usage_error("clubs", "%s", cm_error_message());
				goto done;
			}
			continue;
		case 'r':
			regions_path = optarg;
			continue;
		case 't':
			type = optarg;
			continue;
		case 'm':
			min_size = cli_parse_long("clubs", "--min-size", optarg, 1, INT_MAX);
			if (min_size == LONG_MIN) {
				status = CLI_EUSAGE;
				goto done;
			}
			continue;
		case '?':
			status = cli_usage_error("clubs", "see 'coopmap clubs --help'");
			goto done;
		}
		rc = cli_common_option(&common, "clubs", opt, optarg);
		if (rc == -2)
			goto done;
		if (rc != 0) {
			status = CLI_EUSAGE;
			goto done;
		}
	}
	if (!(input = cli_input("clubs", argc, argv))) {
		status = CLI_EUSAGE;
		goto done;
	}
	if (!regions_path) {
		status = cli_usage_error("clubs", "--regions FILE is required (e.g. graphs/regions-fr.csv)");
		goto done;
	}
	/* the adjacency first: a mistake there is cheaper to report before loading */
	if ((rc = cm_regions_load(&regions, regions_path)) < 0) {
		status = cli_fail(rc);
		goto done;
	}
	if ((status = cli_load(&net, input, &common)) != CLI_OK)
		goto done;
	rc = cm_clubs_compute(&clubs, net, regions, type, (int)min_size);
	if (rc == 0) {
		have_clubs = 1;
		rc = cm_clubs_write(stdout, &clubs, format);
	}
	if (rc < 0 && !(rc == CM_EIO && errno == EPIPE))
		status = cli_fail(rc);
done:
	if (have_clubs)
		cm_clubs_free(&clubs);
	cm_regions_free(regions);
	cm_network_free(net);
	cli_common_free(&common);
	return status;
}
