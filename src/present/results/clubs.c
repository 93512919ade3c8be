/*
 * The clubs' writer (coopmap clubs): one row per club then the dense
 * regions, or JSON, from cm_clubs_compute().
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "coopmap/clubs.h"
#include "coopmap/common.h"
#include "coopmap/isolated.h"
#include "coopmap/table.h"
#include "coopmap/text.h"
#include "coopmap/writers.h"
#include "base/strbuf.h"
#include "base/i18n.h"

/* Join strings with ", " into b. */
static int join_names(cm_strbuf *b, char *const *names, size_t n)
{
	int rc;

	b->len = 0;
	if ((rc = cm_strbuf_add(b, "", 0)) < 0)
		return rc;
	for (size_t i = 0; i < n; i++)
		if ((rc = cm_strbuf_printf(b, "%s%s", i ? ", " : "", names[i])) < 0)
			return rc;
	return 0;
}

/* Write a JSON array of strings. */
static void json_strings(FILE *f, char *const *s, size_t n)
{
	fputc('[', f);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs(", ", f);
		cm_json_write_string(f, s[i]);
	}
	fputc(']', f);
}

/* The clubs as JSON (see cm_clubs_write). */
static void clubs_json(FILE *f, const cm_clubs *c)
{
	char num[32];

	fprintf(f, "{\n  \"min_size\": %d,\n  \"type\": ", c->min_size);
	cm_json_write_string(f, c->type);
	fputs(",\n  \"clubs\": [", f);
	for (size_t i = 0; i < c->n_clubs; i++) {
		const cm_club *k = &c->clubs[i];

		fputs(i ? ",\n    {\"name\": " : "\n    {\"name\": ", f);
		cm_json_write_string(f, k->name);
		fputs(", \"regions\": ", f);
		json_strings(f, k->regions, k->n_regions);
		cm_format_number(num, sizeof(num), (double)k->cites);
		fprintf(f, ", \"cites\": %s, \"reaches_min_size\": %s", num,
		        k->reaches_min_size ? "true" : "false");
		if (!k->reaches_min_size) {
			cm_format_number(num, sizeof(num), (double)k->shortfall);
			fprintf(f, ", \"shortfall\": %s, \"could_join\": ", num);
			json_strings(f, k->could_join, k->n_could_join);
		}
		fputs(",\n     \"members\": ", f);
		json_strings(f, k->members, k->n_members);
		fputc('}', f);
	}
	fputs(c->n_clubs ? "\n  ],\n  \"dense_regions\": [" : "],\n  \"dense_regions\": [", f);
	for (size_t i = 0; i < c->n_dense; i++) {
		if (i)
			fputs(", ", f);
		cm_json_write_string(f, c->dense[i].region);
	}
	cm_format_number(num, sizeof(num), (double)c->no_region);
	fprintf(f, "],\n  \"actors_without_region\": %s\n}\n", num);
}

int cm_clubs_write(FILE *f, const cm_clubs *c, cm_format format)
{
	cm_table *t = NULL;
	cm_strbuf b = { 0 };
	int rc = 0, with_members = format == CM_FORMAT_CSV || format == CM_FORMAT_CSV_FR ||
	                                    format == CM_FORMAT_TSV;

	if (format == CM_FORMAT_JSON) {
		clubs_json(f, c);
		goto check;
	}
	if ((rc = cm_table_new(&t)) < 0 ||
	    (rc = cm_table_add_column(t, N_("club"), CM_COL_STRING)) < 0 ||
	    (rc = cm_table_add_column(t, N_("regions"), CM_COL_STRING)) < 0 ||
	    (rc = cm_table_add_column(t, N_("cites"), CM_COL_INT)) < 0 ||
	    (rc = cm_table_add_column(t, N_("reaches_min_size"),
	                              format == CM_FORMAT_TABLE ? CM_COL_STRING : CM_COL_BOOL)) < 0 ||
	    (rc = cm_table_add_column(t, N_("shortfall"), CM_COL_INT)) < 0 ||
	    (rc = cm_table_add_column(t, N_("could_join"), CM_COL_STRING)) < 0 ||
	    (with_members && (rc = cm_table_add_column(t, N_("members"), CM_COL_STRING)) < 0) ||
	    (rc = cm_table_add_rows(t, c->n_clubs)) < 0)
		goto done;
	for (size_t i = 0; i < c->n_clubs; i++) {
		const cm_club *k = &c->clubs[i];
		const char *colon = strchr(k->name, ':');

		if ((rc = cm_strbuf_add(&b, "", 0)) < 0)
			goto done;
		b.len = 0;
		if ((rc = cm_strbuf_add(&b, k->name, colon ? (size_t)(colon - k->name) : strlen(k->name))) < 0 ||
		    (rc = cm_table_set_string(t, i, 0, b.s)) < 0 ||
		    (rc = join_names(&b, k->regions, k->n_regions)) < 0 ||
		    (rc = cm_table_set_string(t, i, 1, b.s)) < 0)
			goto done;
		cm_table_set_number(t, i, 2, (double)k->cites);
		if (format == CM_FORMAT_TABLE)
			rc = cm_table_set_string(t, i, 3, k->reaches_min_size ? _("yes") : _("no"));
		else
			cm_table_set_number(t, i, 3, k->reaches_min_size ? 1 : 0);
		if (rc < 0)
			goto done;
		cm_table_set_number(t, i, 4, k->reaches_min_size ? NAN : (double)k->shortfall);
		if ((rc = join_names(&b, k->could_join, k->n_could_join)) < 0 ||
		    (rc = cm_table_set_string(t, i, 5, b.s)) < 0)
			goto done;
		if (with_members && ((rc = join_names(&b, k->members, k->n_members)) < 0 ||
		                     (rc = cm_table_set_string(t, i, 6, b.s)) < 0))
			goto done;
	}
	if ((rc = cm_table_write(f, t, format, 0)) < 0)
		goto done;
	if (format == CM_FORMAT_TABLE) {

		/* the members, as the CSV and JSON give them, below the table (a column would be too wide) */
		if (c->n_clubs)
			fputs(_("\nmembers:\n"), f);
		for (size_t i = 0; i < c->n_clubs; i++) {
			const cm_club *k = &c->clubs[i];
			const char *colon = strchr(k->name, ':');

			if ((rc = join_names(&b, k->members, k->n_members)) < 0)
				goto done;
			fprintf(f, "  %.*s: %s\n", colon ? (int)(colon - k->name) : (int)strlen(k->name), k->name,
			        b.s ? b.s : "");
		}

		if (strcmp(c->type, CM_DEFAULT_FOCUS_TYPE))
			fprintf(f, _("\ndense regions (at least %d %s):"), c->min_size, c->type);
		else
			fprintf(f, dngettext(CM_TEXTDOMAIN, "\ndense regions (at least %d cité):",
			                     "\ndense regions (at least %d cités):", (unsigned long)c->min_size),
			        c->min_size);
		if (!c->n_dense)
			fputs(_(" none"), f);
		for (size_t i = 0; i < c->n_dense; i++)
			fprintf(f, "%s %s (%ld)", i ? "," : "", c->dense[i].region, (long)c->dense[i].cites);
		fputc('\n', f);
	}
check:
	if (ferror(f))
		rc = cm_error_set(CM_EIO, _("cannot write the clubs: %s"), strerror(errno));
done:
	cm_table_free(t);
	cm_strbuf_free(&b);
	return rc;
}
