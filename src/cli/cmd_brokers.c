/* coopmap brokers: who brokers between groups, most brokerage first. */
#include <errno.h>
#include <stdlib.h>

#include "cli.h"

int cmd_brokers(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "group", required_argument, NULL, 'g' },
		{ "format", required_argument, NULL, 'f' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct cli_common common = { 0 };
	cm_format format = CM_FORMAT_TABLE;
	cm_network *net = NULL;
	cm_brokers brokers = { 0 };
	const char *input, *group = NULL;
	int opt, status = CLI_OK, rc, have_brokers = 0;

	while ((opt = getopt_long(argc, argv, "f:", longopts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			if (cm_format_parse(&format, optarg) < 0) {
				status = cli_usage_error("brokers", "%s", cm_error_message());
				goto done;
			}
			continue;
		case 'g':
			group = optarg;
			continue;
		case '?':
			status = cli_usage_error("brokers", "see 'coopmap brokers --help'");
			goto done;
		}
		rc = cli_common_option(&common, "brokers", opt, optarg);
		if (rc == -2)
			goto done;
		if (rc != 0) {
			status = CLI_EUSAGE;
			goto done;
		}
	}
	if (!(input = cli_input("brokers", argc, argv))) {
		status = CLI_EUSAGE;
		goto done;
	}
	if ((status = cli_load(&net, input, &common)) != CLI_OK)
		goto done;
	rc = cm_brokers_compute(&brokers, net, group);
	if (rc == 0) {
		have_brokers = 1;
		rc = cm_brokers_write(stdout, &brokers, format);
	}
	if (rc < 0 && !(rc == CM_EIO && errno == EPIPE))
		status = cli_fail(rc);
done:
	if (have_brokers)
		cm_brokers_free(&brokers);
	cm_network_free(net);
	cli_common_free(&common);
	return status;
}
