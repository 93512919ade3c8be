/* coopmap brokers: not written yet. */
#include "cli.h"

int cmd_brokers(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_usage_error("brokers", "'brokers' is not implemented yet");
}
