/*
 * The summary's writer (coopmap summary): the figures of cm_summary_compute()
 * as aligned lines, JSON, or key,value rows (docs/summary.md).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/summary.h"
#include "coopmap/table.h"
#include "coopmap/text.h"
#include "coopmap/writers.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/i18n.h"

/* The scalar figures, in the documented order. */
struct figure {
	const char *key;
	double value;
	int integer;
};

/* Fill the figures of s; returns how many. */
static size_t figures(struct figure *f, const cm_summary *s)
{
	size_t k = 0;

/* key: the json, csv and tsv key, and (translated) the name in the terminal table */
#define INT_FIG(key, name) f[k++] = (struct figure){ key, (double)s->name, 1 }
#define REAL_FIG(key, name) f[k++] = (struct figure){ key, s->name, 0 }
	INT_FIG(N_("nodes"), nodes);
	INT_FIG(N_("edges"), edges);
	REAL_FIG(N_("density"), density);
	INT_FIG(N_("components"), components);
	INT_FIG(N_("largest_component"), largest_component);
	INT_FIG(N_("isolated"), isolated);
	REAL_FIG(N_("diameter"), diameter);
	REAL_FIG(N_("average_path_length"), average_path_length);
	REAL_FIG(N_("transitivity"), transitivity);
	REAL_FIG(N_("degree_assortativity"), degree_assortativity);
	REAL_FIG(N_("modularity"), modularity);
	INT_FIG(N_("communities"), communities);
	INT_FIG(N_("articulation_points"), articulation_points);
	INT_FIG(N_("bridges"), bridges);
	if (s->two_mode) {
		INT_FIG(N_("events"), events);
		INT_FIG(N_("participations"), participations);
		REAL_FIG(N_("events_per_actor"), events_per_actor);
		REAL_FIG(N_("actors_per_event"), actors_per_event);
		INT_FIG(N_("actors_alone"), actors_alone);
	}
#undef INT_FIG
#undef REAL_FIG
	return k;
}

/* Text of a figure: integers in full, reals as the table writer gives them, "" when undefined. */
static void figure_text(char *buf, size_t size, const struct figure *f, cm_format format)
{
	if (f->integer)
		snprintf(buf, size, "%.0f", f->value);
	else
		cm_table_format_real(buf, size, f->value, format);
}

/* Write the JSON object of counts ("types" or "regions"). */
static void json_counts(FILE *f, const char *key, const cm_count *c, size_t n)
{
	fprintf(f, "  \"%s\": {", key);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ",\n    " : "\n    ", f);
		cm_json_write_string(f, c[i].value);
		fprintf(f, ": %" IGRAPH_PRId, c[i].count);
	}
	fputs(n ? "\n  }" : "}", f);
}

/* The summary as one JSON object. */
static void write_json(FILE *f, const cm_summary *s)
{
	struct figure fig[24];
	size_t n = figures(fig, s);
	char buf[64];

	fputs("{\n", f);
	for (size_t i = 0; i < n; i++) {
		figure_text(buf, sizeof(buf), &fig[i], CM_FORMAT_JSON);
		fprintf(f, "  \"%s\": %s,\n", fig[i].key, isfinite(fig[i].value) ? buf : "null");
	}
	json_counts(f, "types", s->types, s->n_types);
	fputs(",\n", f);
	json_counts(f, "regions", s->regions, s->n_regions);
	if (s->paths_estimated)
		fputs(",\n  \"paths_estimated\": true", f);
	fputs("\n}\n", f);
}

/* One section of counts for the terminal, names padded to the widest. */
static void table_counts(FILE *f, const char *title, const cm_count *c, size_t n)
{
	size_t width = 0, cwidth = 1;
	char buf[32];

	for (size_t i = 0; i < n; i++) {
		const char *name = c[i].value[0] ? c[i].value : R_("(unknown)");
		size_t wd = cm_utf8_width(name);

		if (wd > width)
			width = wd;
		snprintf(buf, sizeof(buf), "%" IGRAPH_PRId, c[i].count);
		if (strlen(buf) > cwidth)
			cwidth = strlen(buf);
	}
	fprintf(f, R_("%s:\n"), title);
	for (size_t i = 0; i < n; i++) {
		const char *name = c[i].value[0] ? c[i].value : R_("(unknown)");
		char *clean = cm_utf8_sanitize(name);
		const char *shown = clean ? clean : name;

		fprintf(f, "  %s%*s  %*" IGRAPH_PRId "\n", shown,
		        (int)(width - cm_utf8_width(shown)), "", (int)cwidth, c[i].count);
		free(clean);
	}
}

/* The summary as aligned "key  value" lines, then the counts. */
static void write_table(FILE *f, const cm_summary *s)
{
	struct figure fig[24];
	size_t n = figures(fig, s), width = 0;
	char buf[64];

	for (size_t i = 0; i < n; i++)
		if (cm_utf8_width(R_(fig[i].key)) > width)
			width = cm_utf8_width(R_(fig[i].key));
	for (size_t i = 0; i < n; i++) {
		const char *label = R_(fig[i].key);

		figure_text(buf, sizeof(buf), &fig[i], CM_FORMAT_TABLE);
		if (buf[0])
			fprintf(f, "%s%*s  %s\n", label, (int)(width - cm_utf8_width(label)), "", buf);
		else
			fprintf(f, "%s\n", label); /* undefined: nothing after the key */
	}
	if (s->paths_estimated) {
		const char *label = R_("paths_estimated");
		size_t w = cm_utf8_width(label);

		fprintf(f, "%s%*s  %s\n", label, (int)(w < width ? width - w : 0), "", R_("true"));
	}
	table_counts(f, R_("types"), s->types, s->n_types);
	table_counts(f, R_("regions"), s->regions, s->n_regions);
}

/* The summary as key,value rows through the table writer (csv, csv-fr, tsv). */
static int write_rows(FILE *f, const cm_summary *s, cm_format format)
{
	struct figure fig[24];
	size_t n = figures(fig, s), row = 0;
	cm_strbuf key = { 0 };
	cm_table *t = NULL;
	int rc;

	if ((rc = cm_table_new(&t)) < 0)
		goto done;
	if ((rc = cm_table_add_column(t, "key", CM_COL_STRING)) < 0 ||
	    (rc = cm_table_add_column(t, "value", CM_COL_REAL)) < 0)
		goto done;
	if ((rc = cm_table_add_rows(t, n + (s->paths_estimated != 0) + s->n_types +
	                               s->n_regions)) < 0)
		goto done;
	for (size_t i = 0; i < n; i++, row++) {
		if ((rc = cm_table_set_string(t, row, 0, fig[i].key)) < 0)
			goto done;
		cm_table_set_number(t, row, 1, fig[i].value);
	}
	if (s->paths_estimated) {
		if ((rc = cm_table_set_string(t, row, 0, "paths_estimated")) < 0)
			goto done;
		cm_table_set_number(t, row++, 1, 1);
	}
	for (size_t i = 0; i < s->n_types + s->n_regions; i++, row++) {
		const cm_count *c = i < s->n_types ? &s->types[i] : &s->regions[i - s->n_types];

		key.len = 0;
		if ((rc = cm_strbuf_printf(&key, "%s:%s", i < s->n_types ? "type" : "region",
		                           c->value)) < 0 ||
		    (rc = cm_table_set_string(t, row, 0, key.s)) < 0)
			goto done;
		cm_table_set_number(t, row, 1, (double)c->count);
	}
	rc = cm_table_write(f, t, format, 0);
done:
	cm_strbuf_free(&key);
	cm_table_free(t);
	return rc < 0 ? rc : 0;
}

int cm_summary_write(FILE *f, const cm_summary *s, cm_format format)
{
	int rc = 0, saved;

	if (format == CM_FORMAT_CSV || format == CM_FORMAT_CSV_FR || format == CM_FORMAT_TSV) {
		rc = write_rows(f, s, format); /* the table writer checks the stream */
		goto done;
	}
	if (format == CM_FORMAT_JSON)
		write_json(f, s);
	else
		write_table(f, s);
	if (ferror(f) || fflush(f) != 0 || ferror(f)) {
		/* keep errno: the CLI stays quiet on EPIPE */
		saved = errno;
		rc = cm_error_set(CM_EIO, _("cannot write output: %s"), strerror(saved));
		errno = saved;
	}
done:
	return rc;
}
