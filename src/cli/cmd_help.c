/* coopmap help [COMMAND]: usage from the command table. */
#include "cli.h"
#include "base/i18n.h"

static int cmd_help(int argc, char **argv);

const struct cli_command cli_cmd_help = {
	.name = "help",
	.fn = cmd_help,
	.usage = "[COMMAND]",
	.summary = N_("show help for coopmap or one command"),
	.help = ""
};

/* Print coopmap's help, or one command's. */
static int cmd_help(int argc, char **argv)
{
	if (argc > 2)
		return cli_usage_error("help", _("too many arguments"));
	if (argc == 2) {
		if (!cli_command_find(argv[1])) {
			fprintf(stderr, _("coopmap: '%s' is not a coopmap command (see 'coopmap help')\n"), argv[1]);
			return CLI_EUSAGE;
		}
		cli_print_help(stdout, argv[1]);
		return CLI_OK;
	}
	cli_print_help(stdout, NULL);
	return CLI_OK;
}
