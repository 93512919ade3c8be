/* coopmap summary: whole-network figures. */
#include <errno.h>
#include <stdlib.h>

#include "cli.h"

int cmd_summary(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct cli_common common = { 0 };
	cm_format format = CM_FORMAT_TABLE;
	cm_network *net = NULL;
	cm_summary summary = { 0 };
	const char *input;
	int opt, status = CLI_OK, rc, have_summary = 0;

	while ((opt = getopt_long(argc, argv, "f:", longopts, NULL)) != -1) {
		if (opt == 'f') {
			if (cm_format_parse(&format, optarg) < 0) {
				status = cli_usage_error("summary", "%s", cm_error_message());
				goto done;
			}
			continue;
		}
		if (opt == '?') {
			status = cli_usage_error("summary", "see 'coopmap summary --help'");
			goto done;
		}
		rc = cli_common_option(&common, "summary", opt, optarg);
		if (rc == -2)
			goto done;
		if (rc != 0) {
			status = CLI_EUSAGE;
			goto done;
		}
	}
	if (!(input = cli_input("summary", argc, argv))) {
		status = CLI_EUSAGE;
		goto done;
	}
	if ((status = cli_load(&net, input, &common)) != CLI_OK)
		goto done;
	rc = cm_summary_compute(&summary, net, common.have_seed ? common.seed : CM_DEFAULT_SEED);
	if (rc < 0) {
		status = cli_fail(rc);
		goto done;
	}
	have_summary = 1;
	rc = cm_summary_write(stdout, &summary, format);
	/* a reader that went away (| head) is not an error */
	if (rc < 0 && !(rc == CM_EIO && errno == EPIPE))
		status = cli_fail(rc);
done:
	if (have_summary)
		cm_summary_free(&summary);
	cm_network_free(net);
	cli_common_free(&common);
	return status;
}
