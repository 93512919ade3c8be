/* coopmap isolated: actors of a type cut off from their peers, most isolated first. */
#include <limits.h>

#include "cli.h"

struct isolated_args {
	cm_format format;
	const char *type;
	long min_size;
};

/* isolated's own options. */
static int isolated_option(void *ctx, int opt, const char *arg)
{
	struct isolated_args *a = ctx;

	switch (opt) {
	case 'f':
		return cli_parse_format(&a->format, "isolated", arg);
	case 't':
		a->type = arg;
		return 0;
	case 'm':
		a->min_size = cli_parse_long("isolated", "--min-size", arg, 1, INT_MAX);
		return a->min_size == LONG_MIN ? CLI_EUSAGE : 0;
	default:
		return cli_usage_error("isolated", "unexpected option");
	}
}

int cmd_isolated(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "type", required_argument, NULL, 't' },
		{ "min-size", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'f' },
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct isolated_args args = { CM_FORMAT_TABLE, NULL, CM_DEFAULT_MIN_SIZE };
	struct cli_common common = { 0 };
	cm_network *net = NULL;
	cm_table *table = NULL;
	const char *input;
	int status, rc;

	status = cli_parse(&input, &common, "isolated", argc, argv, "f:", longopts, isolated_option, &args);
	if (status != 0)
		goto done;
	if ((status = cli_load(&net, input, &common)) != CLI_OK)
		goto done;
	rc = cm_isolated_compute(&table, net, args.type, (int)args.min_size);
	if (rc < 0) {
		status = cli_fail(rc);
		goto done;
	}
	status = cli_output_status(cm_table_write(stdout, table, args.format, 0));
done:
	cm_table_free(table);
	cm_network_free(net);
	cli_common_free(&common);
	return status == CLI_STOP ? CLI_OK : status;
}
