/* coopmap report: the one builder of the page's sortable tables. */
#include <string.h>

#include "coopmap/text.h"
#include "base/i18n.h"
#include "html.h"
#include "page.h"

/* An actor's status in a comparison (coopmap diff's kept, joined, left), in words of the language. */
static const char *status_text(const char *status)
{
	/* diff gives them translated already when result text is (cm_i18n_set_results); English otherwise */
	if (!strcmp(status, "kept"))
		return _("kept");
	if (!strcmp(status, "joined"))
		return _("joined");
	if (!strcmp(status, "left"))
		return _("left");
	return status;
}

/* One cell: numbers carry their exact value in data-v for sorting, and show rounded. */
static void cell(struct report *r, const cm_table *t, size_t row, const struct report_col *c)
{
	int col = cm_table_column(t, c->name);

	if (col < 0) {
		fputs("<td></td>", r->f);
		return;
	}
	if (c->num) {
		double x = cm_table_get_number(t, row, (size_t)col);
		char exact[40], shown[64];

		cm_format_number(exact, sizeof(exact), x);
		fprintf(r->f, "<td class=\"num\" data-v=\"%s\">", exact);
		rh_real(shown, sizeof(shown), x, c->decimals, r->comma);
		if (c->format)
			rh_textf(r->f, c->format, shown);
		else
			rh_text(r->f, shown);
		fputs("</td>", r->f);
		return;
	}
	fputs("<td>", r->f);
	rh_text(r->f, c->status ? status_text(cm_table_get_string(t, row, (size_t)col))
	                        : cm_table_get_string(t, row, (size_t)col));
	fputs("</td>", r->f);
}

void report_table(struct report *r, const cm_table *t, const struct report_col *cols, size_t n,
                  const struct report_rows *how)
{
	static const struct report_rows all = { 0 };
	int cactor, clevel;
	size_t shown = 0;

	if (!how)
		how = &all;
	cactor = how->actor ? cm_table_column(t, how->actor) : -1;
	clevel = how->level ? cm_table_column(t, how->level) : -1;
	fprintf(r->f, "<table class=\"sortable%s%s\"><thead><tr>", how->cls ? " " : "", how->cls ? how->cls : "");
	for (size_t i = 0; i < n; i++) {
		fputs(cols[i].num ? "<th class=\"num\">" : "<th>", r->f);
		rh_text(r->f, cols[i].header);
		fputs("</th>", r->f);
	}
	if (how->extra) {
		fputs("<th>", r->f);
		rh_text(r->f, how->extra);
		fputs("</th>", r->f);
	}
	fputs("</tr></thead><tbody>\n", r->f);
	for (size_t row = 0; row < cm_table_nrows(t) && (!how->max || shown < how->max); row++) {
		double level = clevel >= 0 ? cm_table_get_number(t, row, (size_t)clevel) : 0;

		if (clevel >= 0 && level < 1)
			continue;
		shown++;
		fputs("<tr", r->f);
		if (clevel >= 0)
			fprintf(r->f, " class=\"level%d\"", (int)level);
		if (cactor >= 0) {
			fputs(" data-actor=\"", r->f);
			rh_text(r->f, cm_table_get_string(t, row, (size_t)cactor));
			fputc('"', r->f);
		}
		fputc('>', r->f);
		for (size_t c = 0; c < n; c++)
			cell(r, t, row, &cols[c]);
		if (how->extra) {
			fputs("<td>", r->f);
			how->extra_cell(r, t, row);
			fputs("</td>", r->f);
		}
		fputs("</tr>\n", r->f);
	}
	fputs("</tbody></table>\n", r->f);
}

void report_para(struct report *r, const char *cls, const char *text)
{
	fprintf(r->f, "<p%s%s%s>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
	rh_text(r->f, text);
	fputs("</p>\n", r->f);
}
