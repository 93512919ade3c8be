/* coopmap render: not written yet. */
#include "cli.h"

int cmd_render(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_usage_error("render", "'render' is not implemented yet");
}
