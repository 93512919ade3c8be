/* coopmap convert: not written yet. */
#include "cli.h"

int cmd_convert(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_usage_error("convert", "'convert' is not implemented yet");
}
