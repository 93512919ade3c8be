/* The command table: every command of coopmap, and the one look-up by name. */
#include <string.h>

#include "cli.h"

/* Each is defined in its src/cli/cmd_NAME.c. */
extern const struct cli_command cli_cmd_summary;
extern const struct cli_command cli_cmd_metrics;
extern const struct cli_command cli_cmd_isolated;
extern const struct cli_command cli_cmd_clubs;
extern const struct cli_command cli_cmd_brokers;
extern const struct cli_command cli_cmd_diff;
extern const struct cli_command cli_cmd_timeline;
extern const struct cli_command cli_cmd_suggest;
extern const struct cli_command cli_cmd_render;
extern const struct cli_command cli_cmd_convert;
extern const struct cli_command cli_cmd_check;
extern const struct cli_command cli_cmd_report;
extern const struct cli_command cli_cmd_help;
extern const struct cli_command cli_cmd_version;

const struct cli_command *const cli_command_table[] = {
	&cli_cmd_summary,
	&cli_cmd_metrics,
	&cli_cmd_isolated,
	&cli_cmd_clubs,
	&cli_cmd_brokers,
	&cli_cmd_diff,
	&cli_cmd_timeline,
	&cli_cmd_suggest,
	&cli_cmd_render,
	&cli_cmd_convert,
	&cli_cmd_check,
	&cli_cmd_report,
	&cli_cmd_help,
	&cli_cmd_version,
	NULL
};

const struct cli_command *cli_command_find(const char *name)
{
	for (const struct cli_command *const *c = cli_command_table; *c; c++)
		if (!strcmp((*c)->name, name))
			return *c;
	return NULL;
}
