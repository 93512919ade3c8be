/* coopmap clubs: not written yet. */
#include "cli.h"

int cmd_clubs(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_usage_error("clubs", "'clubs' is not implemented yet");
}
