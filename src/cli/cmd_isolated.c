/* coopmap isolated: actors of a type cut off from their peers, most isolated first. */
#include <limits.h>
#include <errno.h>
#include <stdlib.h>

#include "cli.h"

int cmd_isolated(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "type", required_argument, NULL, 't' },
		{ "min-size", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'f' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct cli_common common = { 0 };
	cm_format format = CM_FORMAT_TABLE;
	cm_network *net = NULL;
	cm_table *table = NULL;
	const char *input, *type = NULL;
	long min_size = CM_DEFAULT_MIN_SIZE;
	int opt, status = CLI_OK, rc;

	while ((opt = getopt_long(argc, argv, "f:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			if (cm_format_parse(&format, optarg) < 0) {
				status = cli_usage_error("isolated", "%s", cm_error_message());
				goto done;
			}
			continue;
		case 't':
			type = optarg;
			continue;
		case 'm':
			min_size = cli_parse_long("isolated", "--min-size", optarg, 1, INT_MAX);
			if (min_size == LONG_MIN) {
				status = CLI_EUSAGE;
				goto done;
			}
			continue;
		case '?':
			status = cli_usage_error("isolated", "see 'coopmap isolated --help'");
			goto done;
		}
		rc = cli_common_option(&common, "isolated", opt, optarg);
		if (rc == -2)
			goto done;
		if (rc != 0) {
			status = CLI_EUSAGE;
			goto done;
		}
	}
	if (!(input = cli_input("isolated", argc, argv))) {
		status = CLI_EUSAGE;
		goto done;
	}
	if ((status = cli_load(&net, input, &common)) != CLI_OK)
		goto done;
	rc = cm_isolated_compute(&table, net, type, (int)min_size);
	if (rc == 0)
		rc = cm_table_write(stdout, table, format, 0);
	if (rc < 0 && !(rc == CM_EIO && errno == EPIPE))
		status = cli_fail(rc);
done:
	cm_table_free(table);
	cm_network_free(net);
	cli_common_free(&common);
	return status;
}
