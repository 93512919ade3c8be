/* coopmap isolated: not written yet. */
#include "cli.h"

int cmd_isolated(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_usage_error("isolated", "'isolated' is not implemented yet");
}
