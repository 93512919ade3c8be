/* coopmap report: section 7, change over time (coopmap timeline and diff). */
#include "coopmap/diff.h"
#include "coopmap/table.h"
#include "base/i18n.h"
#include "html.h"
#include "page.h"

/* The timeline chart: actors and ties at the end of each year, as inline SVG. */
static void timeline_chart(struct report *r)
{
	FILE *f = r->f;
	const cm_table *t = r->timeline;
	size_t n = cm_table_nrows(t);
	int cy = cm_table_column(t, "year"), ca = cm_table_column(t, "actors"), ct = cm_table_column(t, "ties");
	double max = 1;
	const double W = 600, H = 220, L = 50, B = 30, TOP = 15;

	if (n < 2 || cy < 0 || ca < 0 || ct < 0)
		return;
	for (size_t i = 0; i < n; i++) {
		double a = cm_table_get_number(t, i, (size_t)ca), e = cm_table_get_number(t, i, (size_t)ct);

		if (a > max)
			max = a;
		if (e > max)
			max = e;
	}
	fprintf(f, "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"", W, H);
	rh_text(f, _("actors and ties at the end of each year"));
	fprintf(f, "\"><line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#999\"/>", L, H - B, W - 10, H - B);
	fprintf(f, "<text x=\"5\" y=\"%.0f\">%.0f</text><text x=\"5\" y=\"%.0f\">0</text>", TOP + 4, max, H - B);
	for (int s = 0; s < 2; s++) {
		int col = s ? ct : ca;

		fprintf(f, "<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"%s\" points=\"", s ? "#d95f02" : "#1f5fa8");
		for (size_t i = 0; i < n; i++)
			fprintf(f, "%s%.1f,%.1f", i ? " " : "", L + (W - L - 20) * (double)i / (double)(n - 1),
			        H - B - (H - B - TOP) * cm_table_get_number(t, i, (size_t)col) / max);
		fputs("\"/>", f);
	}
	for (size_t i = 0; i < n; i++)
		fprintf(f, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">%.0f</text>",
		        L + (W - L - 20) * (double)i / (double)(n - 1), H - 10, cm_table_get_number(t, i, (size_t)cy));
	fprintf(f, "<rect x=\"%.0f\" y=\"4\" width=\"12\" height=\"4\" fill=\"#1f5fa8\"/><text x=\"%.0f\" y=\"10\">",
	        L + 10, L + 26);
	rh_text(f, _("actors"));
	fprintf(f, "</text><rect x=\"%.0f\" y=\"4\" width=\"12\" height=\"4\" fill=\"#d95f02\"/><text x=\"%.0f\" y=\"10\">",
	        L + 110, L + 126);
	rh_text(f, _("ties"));
	fputs("</text></svg>\n", f);
}

/* Section 7: change over time, year by year and actor by actor. */
int report_section_change(struct report *r)
{
	FILE *f = r->f;
	const cm_report_options *o = r->o;
	const struct report_col tcols[] = {
		{ "year", _("year"), 1, 0, NULL, 0 },
		{ "actors", _("actors"), 1, 0, NULL, 0 },
		{ "ties", _("ties"), 1, 0, NULL, 0 },
		{ "components", _("separate parts"), 1, 0, NULL, 0 },
		{ "largest_component", _("largest part"), 1, 0, NULL, 0 },
		{ "isolated", _("isolated (level 2 or 3)"), 1, 0, NULL, 0 },
		{ "ties_new", _("new ties"), 1, 0, NULL, 0 },
		{ "ties_lost", _("ties ended"), 1, 0, NULL, 0 },
		{ "tie_jaccard", _("ties kept (Jaccard)"), 1, 2, NULL, 0 },
	};
	const struct report_col dcols[] = {
		{ "label", _("actor"), 0, 0, NULL, 0 },
		{ "status", _("status"), 0, 0, NULL, 1 },
		{ "degree_before", _("partners before"), 1, 0, NULL, 0 },
		{ "degree_after", _("partners after"), 1, 0, NULL, 0 },
		{ "partners_new", _("new partners"), 1, 0, NULL, 0 },
		{ "partners_lost", _("partners lost"), 1, 0, NULL, 0 },
		{ "betweenness_change", _("betweenness change"), 1, 1, NULL, 0 },
	};
	cm_diff d = { 0 };
	cm_diff_options dopt = { 0 };
	const struct report_rows how = { .max = REPORT_TOP, .actor = "id" };
	int rc;

	fputs("<section id=\"s-change\"><h2>7. ", f);
	rh_text(f, _("Change over time"));
	fputs("</h2>\n", f);
	if (r->n_years == 0) {
		report_para(r, "note", _("No tie has a year: the network cannot be followed over time."));
		fputs("</section>\n", f);
		return 0;
	}
	if (r->timeline) {
		report_para(r, NULL, _("The network as it stood at the end of each year:"));
		timeline_chart(r);
		report_table(r, r->timeline, tcols, sizeof(tcols) / sizeof(*tcols), NULL);
		if (r->undated > 0) {
			fputs("<p class=\"note\">", f);
			rh_textf(f, _("%ld undated ties are in no year."), (long)r->undated);
			fputs("</p>\n", f);
		}
	} else {
		report_para(r, "note", _("The year-by-year figures need INPUT as a file (not standard input)."));
	}
	if (!o->before || !o->after) {
		fputs("</section>\n", f);
		return 0;
	}
	dopt.type = r->type;
	dopt.seed = o->seed;
	if ((rc = cm_diff_compute(&d, o->before, o->after, &dopt)) < 0)
		return rc;
	fputs("<h3>", f);
	rh_textf(f, _("From the end of %s to the end of %s"), o->before_name ? o->before_name : "",
	         o->after_name ? o->after_name : "");
	fputs("</h3>\n<p>", f);
	rh_textf(f, _("%ld actors joined and %ld left; %ld ties are new, %ld ended and %ld were kept."),
	         (long)d.network.actors_joined, (long)d.network.actors_left, (long)d.network.ties_new,
	         (long)d.network.ties_lost, (long)d.network.ties_kept);
	fputs(" ", f);
	rh_textf(f, _("The actors whose position changed most (the %d first):"), REPORT_TOP);
	fputs("</p>\n", f);
	report_table(r, d.actors, dcols, sizeof(dcols) / sizeof(*dcols), &how);
	fputs("</section>\n", f);
	cm_diff_free(&d);
	return 0;
}
