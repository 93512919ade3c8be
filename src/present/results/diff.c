/*
 * The writers of coopmap diff and coopmap timeline: the whole-network
 * figures, then the actors (diff); the years, then the undated ties
 * (timeline).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/diff.h"
#include "coopmap/table.h"
#include "coopmap/text.h"
#include "coopmap/writers.h"
#include "base/i18n.h"

/* The whole-network figures, in the documented order. */
struct figure {
	const char *key;
	double value;
	int whole;          /* a count, -1 meaning "no such actor" (written empty) */
};

/* Fill the figures of a comparison; returns how many. */
static size_t network_figures(struct figure *f, const cm_diff_network *n)
{
	size_t k = 0;

/* key: the json key, and (translated) the name in the terminal table */
#define FIG(key, name, whole) f[k++] = (struct figure){ key, (double)n->name, whole }
	FIG(N_("actors_kept"), actors_kept, 1); FIG(N_("actors_joined"), actors_joined, 1);
	FIG(N_("actors_left"), actors_left, 1);
	FIG(N_("ties_kept"), ties_kept, 1); FIG(N_("ties_new"), ties_new, 1);
	FIG(N_("ties_lost"), ties_lost, 1);
	FIG(N_("tie_jaccard"), tie_jaccard, 0);
	f[k++] = (struct figure){ N_("jaccard_reading"), NAN, 2 };
	FIG(N_("hamming"), hamming, 1);
	FIG(N_("density_before"), density_before, 0); FIG(N_("density_after"), density_after, 0);
	FIG(N_("components_before"), components_before, 1); FIG(N_("components_after"), components_after, 1);
	FIG(N_("isolated_before"), isolated_before, 1); FIG(N_("isolated_after"), isolated_after, 1);
	FIG(N_("modularity_before"), modularity_before, 0); FIG(N_("modularity_after"), modularity_after, 0);
	FIG(N_("nmi"), nmi, 0); FIG(N_("vi"), vi, 0);
#undef FIG
	return k;
}

/* The text of a figure ("" when undefined). */
static void figure_text(char *buf, size_t size, const struct figure *f, const cm_diff_network *n,
                        cm_format format)
{
	if (f->whole == 2)
		snprintf(buf, size, "%s", format == CM_FORMAT_TABLE ? R_(cm_diff_jaccard_reading(n->tie_jaccard))
		                                                    : cm_diff_jaccard_reading(n->tie_jaccard));
	else if (f->whole == 1 && f->value < 0)
		buf[0] = '\0';
	else
		cm_table_format_real(buf, size, f->value, format);
}

int cm_diff_write(FILE *f, const cm_diff *d, cm_format format, size_t top)
{
	struct figure fig[32];
	size_t n = network_figures(fig, &d->network);
	char text[64];
	int rc = 0;

	if (format == CM_FORMAT_JSON) {
		fputs("{\n  \"network\": {", f);
		for (size_t i = 0; i < n; i++) {
			figure_text(text, sizeof(text), &fig[i], &d->network, format);
			fprintf(f, "%s\n    \"%s\": ", i ? "," : "", fig[i].key);
			if (fig[i].whole == 2)
				cm_json_write_string(f, text);
			else
				fputs(text[0] ? text : "null", f);
		}
		fputs("\n  },\n  \"actors\": ", f);
		if ((rc = cm_table_write(f, d->actors, CM_FORMAT_JSON, top)) < 0)
			goto done;
		if (d->ties) {
			fputs(",\n  \"ties\": ", f);
			if ((rc = cm_table_write(f, d->ties, CM_FORMAT_JSON, 0)) < 0)
				goto done;
		}
		fputs("\n}\n", f);
	} else if (format == CM_FORMAT_TABLE) {
		size_t width = 0;

		for (size_t i = 0; i < n; i++)
			if (cm_utf8_width(R_(fig[i].key)) > width)
				width = cm_utf8_width(R_(fig[i].key));
		for (size_t i = 0; i < n; i++) {
			const char *label = R_(fig[i].key);

			figure_text(text, sizeof(text), &fig[i], &d->network, format);
			fprintf(f, "%s%*s  %s\n", label, (int)(width - cm_utf8_width(label)), "", text[0] ? text : "-");
		}
		fputc('\n', f);
		if ((rc = cm_table_write(f, d->actors, format, top)) < 0)
			goto done;
	} else if ((rc = cm_table_write(f, d->actors, format, top)) < 0) {
		goto done;
	}
	if (ferror(f))
		rc = cm_error_set(CM_EIO, _("cannot write the comparison: %s"), strerror(errno));
done:
	return rc;
}

int cm_timeline_write(FILE *f, const cm_table *years, igraph_integer_t undated, cm_format format)
{
	int rc = 0;

	if (format == CM_FORMAT_JSON) {
		fprintf(f, "{\n  \"undated_ties\": %lld,\n  \"years\": ", (long long)undated);
		if ((rc = cm_table_write(f, years, CM_FORMAT_JSON, 0)) < 0)
			goto done;
		fputs("\n}\n", f);
	} else {
		if ((rc = cm_table_write(f, years, format, 0)) < 0)
			goto done;
		if (format == CM_FORMAT_TABLE)
			fprintf(f, _("\nundated ties: %lld (in no year)\n"), (long long)undated);
	}
	if (ferror(f))
		rc = cm_error_set(CM_EIO, _("cannot write the timeline: %s"), strerror(errno));
done:
	return rc;
}
