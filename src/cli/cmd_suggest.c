/* coopmap suggest: whom each isolated actor could meet, and why. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "cli.h"
#include "base/i18n.h"

struct suggest_args {
	cm_format format;
	cm_suggest_options o;
	const char **actors;
	size_t n_actors;
	const char *regions_path;
	int evaluate;
	long train_to;
	int have_train_to;
	const char *pairs_path;
};

/* The options: the help of the entry below describes each (tests/cli/cases/05_help.sh checks). */
static const char shortopts[] = "f:";
static const struct option longopts[] = {
	{ "actor", required_argument, NULL, 'a' },
	{ "type", required_argument, NULL, 't' },
	{ "level", required_argument, NULL, 'l' },
	{ "top", required_argument, NULL, 'k' },
	{ "regions", required_argument, NULL, 'r' },
	{ "min-size", required_argument, NULL, 'm' },
	{ "format", required_argument, NULL, 'f' },
	{ "evaluate", no_argument, NULL, 'e' },
	{ "train-to", required_argument, NULL, 'y' },
	{ "pairs", required_argument, NULL, 'p' },
	{ "digits", required_argument, NULL, CLI_OPT_DIGITS },
	CLI_COMMON_OPTIONS,
	{ NULL, 0, NULL, 0 }
};

static int cmd_suggest(int argc, char **argv);

const struct cli_command cli_cmd_suggest = {
	.name = "suggest",
	.fn = cmd_suggest,
	.usage = "INPUT [--actor ID ...] [--type T] [--level L] [--top K] [--regions FILE]\n"
	         "                [--format table|csv|csv-fr|tsv|json] [--digits N]\n"
	         "       coopmap suggest INPUT --evaluate --train-to Y [--pairs FILE] [--regions FILE]\n"
	         "                [--format table|csv|csv-fr|tsv|json] [--digits N]",
	.summary = N_("whom each isolated actor could meet, with the reasons, most isolated first"),
	.help =
		N_("  --actor ID            suggest for this actor (repeat for several; default: every\n"
		"                        actor of the focus type whose isolation level is >= --level)\n"
		"  --type T              focus actor type (default cite)\n"
		"  --level L             lowest isolation level of the default actors, 0 to 3 (default 1;\n"
		"                        levels as in `coopmap isolated`)\n"
		"  --top K               suggestions per actor (default 5)\n"
		"  --regions FILE        region adjacency (region,neighbour), e.g. graphs/regions-fr.csv:\n"
		"                        adds peers of neighbouring regions and of the same proposed club\n"
		"  --min-size N          critical mass for isolation levels and clubs (default 10)\n"
		"  -f, --format F        table (default), csv, csv-fr, tsv or json; csv-fr is for a\n"
		"                        French spreadsheet (';', decimal comma, docs/interop.md)\n")
		CLI_DIGITS_HELP
		N_("  --evaluate            check the score against what happened: hide the ties first\n"
		"                        observed after --train-to, score every pair still apart and\n"
		"                        report AUC and precision at k (k = new ties) and at 10, with\n"
		"                        random and preferential-attachment baselines\n"
		"  --train-to Y          last year kept by --evaluate (undated ties are kept)\n"
		"  --pairs FILE          with --evaluate, also write every scored pair as CSV (csv-fr\n"
		"                        with --format csv-fr): actor, candidate, score, random,\n"
		"                        preferential_attachment, appeared\n"
		"\n"
		"Score (docs/analysis.md): common partners (resource allocation + Adamic-Adar),\n"
		"+1 peer in the same region, +0.5 in a neighbouring region, +0.25 in the same club,\n"
		"+1.25 the region's resource centre (crpv), +0.25 would join the main network,\n"
		"+0.5 would bring a peer within two steps.  Equal scores: by candidate id.\n")
		"\n" CLI_COMMON_HELP
};

/* suggest's own options. */
static int suggest_option(void *ctx, int opt, const char *arg)
{
	struct suggest_args *a = ctx;
	long v;

	switch (opt) {
	case 'f':
		return cli_parse_format(&a->format, "suggest", arg);
	case 'a': {
		const char **grown = realloc(a->actors, (a->n_actors + 1) * sizeof(*grown));

		if (!grown)
			return cli_fail(cm_error_set(CM_ENOMEM, _("out of memory")));
		a->actors = grown;
		a->actors[a->n_actors++] = arg;
		return 0;
	}
	case 't':
		a->o.type = arg;
		return 0;
	case 'r':
		a->regions_path = arg;
		return 0;
	case 'l':
		v = cli_parse_long("suggest", "--level", arg, 0, 3);
		a->o.level = (int)v;
		return v == LONG_MIN ? CLI_EUSAGE : 0;
	case 'k':
		v = cli_parse_long("suggest", "--top", arg, 1, INT_MAX);
		a->o.top = (int)v;
		return v == LONG_MIN ? CLI_EUSAGE : 0;
	case 'e':
		a->evaluate = 1;
		return 0;
	case 'y':
		a->train_to = cli_parse_long("suggest", "--train-to", arg, -99999, 99999);
		a->have_train_to = 1;
		return a->train_to == LONG_MIN ? CLI_EUSAGE : 0;
	case 'p':
		a->pairs_path = arg;
		return 0;
	case 'm':
		v = cli_parse_long("suggest", "--min-size", arg, 1, INT_MAX);
		a->o.min_size = (int)v;
		return v == LONG_MIN ? CLI_EUSAGE : 0;
	default:
		return cli_usage_error("suggest", _("unexpected option"));
	}
}

/* Write one set of figures as a JSON object (NaN as null). */
static void json_figures(FILE *f, const cm_rank_figures *r)
{
	const double v[3] = { r->auc, r->precision_at_k, r->precision_at_10 };
	static const char *const k[3] = { "auc", "precision_at_k", "precision_at_10" };
	char buf[64];

	fputc('{', f);
	for (int i = 0; i < 3; i++) {
		cm_table_format_real(buf, sizeof(buf), v[i], CM_FORMAT_JSON);
		fprintf(f, "%s\"%s\": %s", i ? ", " : "", k[i], buf[0] ? buf : "null");
	}
	fputc('}', f);
}

/* Print the figures of --evaluate: JSON, or a table with one row per score. */
static int print_evaluation(const cm_suggest_eval *e, cm_format format)
{
	static const char *const names[] = { "score", "train_to", "pairs_scored", "new_ties", "k",
		                             "auc", "precision_at_k", "precision_at_10" };
	static const char *const scores[] = { "suggest", "random", "preferential_attachment" };
	const cm_rank_figures *fig[] = { &e->model, &e->random, &e->pref };
	cm_table *t = NULL;
	int rc;

	if (format == CM_FORMAT_JSON) {
		fprintf(stdout, "{\"train_to\": %d, \"pairs_scored\": %lld, \"new_ties\": %lld, ",
		        e->train_to, (long long)e->pairs_scored, (long long)e->new_ties);
		fputs("\"auc\": ", stdout);
		/* the model's figures at the top level, as the issue lists them */
		{
			char buf[64];

			cm_table_format_real(buf, sizeof(buf), e->model.auc, CM_FORMAT_JSON);
			fputs(buf[0] ? buf : "null", stdout);
			cm_table_format_real(buf, sizeof(buf), e->model.precision_at_k, CM_FORMAT_JSON);
			fprintf(stdout, ", \"precision_at_k\": %s", buf[0] ? buf : "null");
			cm_table_format_real(buf, sizeof(buf), e->model.precision_at_10, CM_FORMAT_JSON);
			fprintf(stdout, ", \"precision_at_10\": %s", buf[0] ? buf : "null");
		}
		fprintf(stdout, ", \"k\": %lld, \"baselines\": {\"random\": ", (long long)e->k);
		json_figures(stdout, &e->random);
		fputs(", \"preferential_attachment\": ", stdout);
		json_figures(stdout, &e->pref);
		fputs("}}\n", stdout);
		return ferror(stdout) ? cm_error_set(CM_EIO, _("cannot write the figures")) : 0;
	}
	if ((rc = cm_table_new(&t)) < 0)
		goto done;
	for (size_t c = 0; c < 8; c++)
		if ((rc = cm_table_add_column(t, names[c], c == 0 ? CM_COL_STRING : c < 5 ? CM_COL_INT : CM_COL_REAL)) < 0)
			goto done;
	if ((rc = cm_table_add_rows(t, 3)) < 0)
		goto done;
	for (size_t r = 0; r < 3; r++) {
		if ((rc = cm_table_set_string(t, r, 0, scores[r])) < 0)
			goto done;
		cm_table_set_number(t, r, 1, e->train_to);
		cm_table_set_number(t, r, 2, (double)e->pairs_scored);
		cm_table_set_number(t, r, 3, (double)e->new_ties);
		cm_table_set_number(t, r, 4, (double)e->k);
		cm_table_set_number(t, r, 5, round(fig[r]->auc * 1e4) / 1e4);
		cm_table_set_number(t, r, 6, round(fig[r]->precision_at_k * 1e4) / 1e4);
		cm_table_set_number(t, r, 7, round(fig[r]->precision_at_10 * 1e4) / 1e4);
	}
	rc = cm_table_write(stdout, t, format, 0);
done:
	cm_table_free(t);
	return rc;
}

/* Write the scored pairs to path as CSV (csv-fr when asked), atomically. */
static int write_pairs(const char *path, const cm_table *pairs, cm_format format)
{
	cm_output *out = NULL;
	int rc;

	if ((rc = cm_output_open(&out, path)) < 0)
		return rc;
	if ((rc = cm_table_write(cm_output_stream(out), pairs,
	                         format == CM_FORMAT_CSV_FR ? CM_FORMAT_CSV_FR : CM_FORMAT_CSV, 0)) < 0) {
		cm_output_abort(out);
		return cm_error_set(CM_EIO, _("cannot write %s"), path);
	}
	return cm_output_commit(out);
}

/* Run --evaluate on a loaded network. */
static int run_evaluation(const cm_network *net, const struct suggest_args *a, unsigned long seed)
{
	cm_suggest_eval e;
	cm_table *pairs = NULL;
	int rc;

	rc = cm_suggest_evaluate(&e, a->pairs_path ? &pairs : NULL, net, &a->o, (int)a->train_to, seed);
	if (rc == 0 && pairs)
		rc = write_pairs(a->pairs_path, pairs, a->format);
	cm_table_free(pairs);
	if (rc < 0)
		return cli_fail(rc);
	return cli_output_status(print_evaluation(&e, a->format));
}

/* Run the command: parse, load, compute, write. */
static int cmd_suggest(int argc, char **argv)
{
	struct suggest_args args = { CM_FORMAT_TABLE };
	struct cli_common common = { 0 };
	cm_network *net = NULL;
	cm_regions *regions = NULL;
	cm_table *table = NULL;
	const char *input;
	int status, rc;

	cm_suggest_options_default(&args.o);
	status = cli_parse(&input, &common, "suggest", argc, argv, shortopts, longopts, suggest_option, &args);
	if (status != 0)
		goto done;
	if (args.evaluate != args.have_train_to) {
		status = cli_usage_error("suggest", _("--evaluate and --train-to Y go together"));
		goto done;
	}
	if (args.pairs_path && !args.evaluate) {
		status = cli_usage_error("suggest", _("--pairs FILE needs --evaluate --train-to Y"));
		goto done;
	}
	if (args.evaluate && args.n_actors) {
		status = cli_usage_error("suggest", _("--evaluate scores every pair: --actor does not apply"));
		goto done;
	}
	if (args.regions_path && (rc = cm_regions_load(&regions, args.regions_path)) < 0) {
		status = cli_fail(rc);
		goto done;
	}
	common.regions = regions;
	common.regions_path = args.regions_path;
	if ((status = cli_load(&net, input, &common)) != CLI_OK)
		goto done;
	args.o.actors = args.actors;
	args.o.n_actors = args.n_actors;
	args.o.regions = regions;
	if (args.evaluate) {
		status = run_evaluation(net, &args, common.have_seed ? common.seed : CM_DEFAULT_SEED);
		goto done;
	}
	rc = cm_suggest_compute(&table, net, &args.o);
	if (rc < 0) {
		status = cli_fail(rc);
		goto done;
	}
	status = cli_output_status(cm_table_write(stdout, table, args.format, 0));
done:
	cm_table_free(table);
	cm_regions_free(regions);
	cm_network_free(net);
	cli_common_free(&common);
	free(args.actors);
	return status == CLI_STOP ? CLI_OK : status;
}
