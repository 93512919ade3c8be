/* coopmap version: the versions of coopmap and the libraries it runs on. */
#include <igraph.h>

#include "cli.h"
#include "base/i18n.h"

static int cmd_version(int argc, char **argv);

const struct cli_command cli_cmd_version = {
	.name = "version",
	.fn = cmd_version,
	.usage = "",
	.summary = N_("print coopmap's version"),
	.help = ""
};

/* Print the versions of coopmap and igraph. */
static int cmd_version(int argc, char **argv)
{
	const char *ig;

	(void)argv;
	if (argc > 1)
		return cli_usage_error("version", _("too many arguments"));
	igraph_version(&ig, NULL, NULL, NULL);
	printf("coopmap %s (igraph %s)\n", COOPMAP_VERSION, ig);
	return CLI_OK;
}
