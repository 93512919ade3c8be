/* coopmap help [COMMAND]: usage from the command table. */
#include <string.h>

#include "cli.h"

int cmd_help(int argc, char **argv)
{
	if (argc > 2)
		return cli_usage_error("help", "too many arguments");
	if (argc == 2) {
		const struct cli_command *c;

		for (c = cli_commands; c->name; c++)
			if (!strcmp(c->name, argv[1]))
				break;
		if (!c->name) {
			fprintf(stderr, "coopmap: '%s' is not a coopmap command (see 'coopmap help')\n", argv[1]);
			return CLI_EUSAGE;
		}
		cli_print_help(stdout, argv[1]);
		return CLI_OK;
	}
	cli_print_help(stdout, NULL);
	return CLI_OK;
}
