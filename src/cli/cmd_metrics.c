/* coopmap metrics: not written yet. */
#include "cli.h"

int cmd_metrics(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_usage_error("metrics", "'metrics' is not implemented yet");
}
