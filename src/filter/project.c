/*
 * The projection of two-mode data onto its actors (or events).
 *
 * igraph 0.10.2 has igraph_bipartite_projection(), but it returns an
 * unweighted graph with only the multiplicity of each tie: it cannot give
 * Newman's or Jaccard's weights, the minimum of the participation weights,
 * which events made a tie, or the year of the first one, and it builds every
 * tie of an event before anyone can refuse a huge one (igraph/igraph#1114,
 * #510).  So the weights are computed here from the incidence itself, as a
 * sparse product of the incidence with its transpose, one actor at a time
 * (the usual scatter into a marked row, no hash table).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/network.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "filter/project.h"
#include "model/raw.h"
#include "base/i18n.h"

/* Whether a year filter is set. */
static int years_set(const cm_filter *f)
{
	return f->has_from || f->has_to;
}

/* Whether an event of year y (NaN: undated) is kept by the year filters. */
static int event_kept(const cm_filter *f, double y)
{
	if (!years_set(f))
		return 1;
	if (isnan(y))
		return f->keep_undated;
	return !(f->has_from && y < f->from) && !(f->has_to && y > f->to);
}

/* Order of events: by year (undated last), then as first named. */
static const cm_event *sort_ev;
/* Compare two event indices for qsort. */
static int cmp_event(const void *x, const void *y)
{
	igraph_integer_t a = *(const igraph_integer_t *)x, b = *(const igraph_integer_t *)y;
	double ya = sort_ev[a].year, yb = sort_ev[b].year;

	if (isnan(ya) != isnan(yb))
		return isnan(ya) ? 1 : -1;
	if (!isnan(ya) && ya != yb)
		return ya < yb ? -1 : 1;
	return (a > b) - (a < b);
}

/* An incidence in compressed rows: row r's items are item[start[r] .. start[r+1]-1]. */
typedef struct csr {
	igraph_integer_t *start, *item;
	double *w;
} csr;

/* Free a csr. */
static void csr_free(csr *c)
{
	free(c->start);
	free(c->item);
	free(c->w);
}

/* Allocate a csr of n rows and k items; 0 or CM_ENOMEM. */
static int csr_alloc(csr *c, igraph_integer_t n, igraph_integer_t k)
{
	c->start = calloc((size_t)n + 1, sizeof(*c->start));
	c->item = malloc(((size_t)k + 1) * sizeof(*c->item));
	c->w = malloc(((size_t)k + 1) * sizeof(*c->w));
	return c->start && c->item && c->w ? 0 : cm_error_set(CM_ENOMEM, _("out of memory"));
}

/* Everything one projection needs, shared by its steps. */
typedef struct proj {
	const cm_twomode *t;
	const cm_filter *f;
	int ev_mode;                 /* rows are events, columns actors */
	igraph_integer_t nrow, ncol, kp;
	char *ekeep;                 /* per event: kept by the year filters */
	csr rows, cols;              /* row -> columns (in column order), column -> rows */
	igraph_integer_t *corder;    /* columns in order (events by year) */
	igraph_integer_t *newid;     /* row -> vertex, or -1 */
	igraph_integer_t nv;
} proj;

/* The id of row r or column c as text. */
static const char *row_name(const proj *p, igraph_integer_t r)
{
	return cm_names_text(p->ev_mode ? &p->t->events : &p->t->actors, r);
}

/* The id of column c. */
static const char *col_name(const proj *p, igraph_integer_t c)
{
	return cm_names_text(p->ev_mode ? &p->t->actors : &p->t->events, c);
}

/* The year of the event of row r (event mode) or column c (actor mode). */
static double ev_year(const proj *p, igraph_integer_t e)
{
	return p->t->ev[e].year;
}

/* Year filters on events (with their notice), then both incidences. */
static int build_incidence(proj *p, const char *source)
{
	const cm_twomode *t = p->t;
	igraph_integer_t undated = 0, *fill = NULL;
	cm_strbuf names = { 0 };
	int rc = 0;

	if (!(p->ekeep = malloc((size_t)t->events.n + 1)))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	for (igraph_integer_t e = 0; e < t->events.n; e++) {
		p->ekeep[e] = (char)event_kept(p->f, t->ev[e].year);
		if (years_set(p->f) && !p->f->keep_undated && isnan(t->ev[e].year) &&
		    (rc = cm_strbuf_name(&names, (size_t)undated++, cm_names_text(&t->events, e))) < 0)
			goto done;
	}
	if (undated) {
		if ((rc = cm_strbuf_names_end(&names, (size_t)undated)) < 0)
			goto done;
		cm_notice(dngettext(CM_TEXTDOMAIN, "%s: left out %" PRId64 " undated event (no year) because of the year filter: %s",
		                     "%s: left out %" PRId64 " undated events (no year) because of the year filter: %s",
		                     (unsigned long)undated), source, undated, names.s);
	}
	p->kp = 0;
	for (igraph_integer_t i = 0; i < t->np; i++)
		p->kp += p->ekeep[t->pe[i]];
	if ((rc = csr_alloc(&p->cols, p->ncol, p->kp)) < 0 || (rc = csr_alloc(&p->rows, p->nrow, p->kp)) < 0)
		goto done;
	if (!(fill = malloc(((size_t)(p->nrow > p->ncol ? p->nrow : p->ncol) + 1) * sizeof(*fill))) ||
	    !(p->corder = malloc(((size_t)p->ncol + 1) * sizeof(*p->corder)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	/* column -> rows, by counting */
	for (igraph_integer_t i = 0; i < t->np; i++)
		if (p->ekeep[t->pe[i]])
			p->cols.start[(p->ev_mode ? t->pa[i] : t->pe[i]) + 1]++;
	for (igraph_integer_t c = 0; c < p->ncol; c++)
		p->cols.start[c + 1] += p->cols.start[c];
	memcpy(fill, p->cols.start, (size_t)p->ncol * sizeof(*fill));
	for (igraph_integer_t i = 0; i < t->np; i++) {
		igraph_integer_t c, k;

		if (!p->ekeep[t->pe[i]])
			continue;
		c = p->ev_mode ? t->pa[i] : t->pe[i];
		k = fill[c]++;
		p->cols.item[k] = p->ev_mode ? t->pe[i] : t->pa[i];
		p->cols.w[k] = t->pw[i];
	}
	/* row -> columns, the columns in order (events by year, for the "events" lists) */
	for (igraph_integer_t c = 0; c < p->ncol; c++)
		p->corder[c] = c;
	if (!p->ev_mode) {
		sort_ev = t->ev;
		qsort(p->corder, (size_t)p->ncol, sizeof(*p->corder), cmp_event);
	}
	for (igraph_integer_t k = 0; k < p->kp; k++)
		p->rows.start[p->cols.item[k] + 1]++;
	for (igraph_integer_t r = 0; r < p->nrow; r++)
		p->rows.start[r + 1] += p->rows.start[r];
	memcpy(fill, p->rows.start, (size_t)p->nrow * sizeof(*fill));
	for (igraph_integer_t j = 0; j < p->ncol; j++) {
		igraph_integer_t c = p->corder[j];

		for (igraph_integer_t k = p->cols.start[c]; k < p->cols.start[c + 1]; k++) {
			igraph_integer_t r = p->cols.item[k], at = fill[r]++;

			p->rows.item[at] = c;
			p->rows.w[at] = p->cols.w[k];
		}
	}
done:
	cm_strbuf_free(&names);
	free(fill);
	return rc;
}

/* Refuse a column (event) too large to project, naming it and the option. */
static int check_sizes(const proj *p, const char *source)
{
	igraph_integer_t max = p->f->max_event_size ? p->f->max_event_size : CM_MAX_EVENT_SIZE;

	if (max < 0)
		return 0;
	for (igraph_integer_t c = 0; c < p->ncol; c++) {
		igraph_integer_t n = p->cols.start[c + 1] - p->cols.start[c];

		if (n <= max)
			continue;
		if (p->ev_mode)
			return cm_error_set(CM_EINPUT, _("%s: actor '%s' took part in %" PRId64 " events, more "
			                    "than --max-event-size %" PRId64 " (%" PRId64 " ties between "
			                    "them): raise the limit to project it anyway"), source, col_name(p, c),
			                    n, max, n * (n - 1) / 2);
		return cm_error_set(CM_EINPUT, _("%s: event '%s' has %" PRId64 " participants, more than "
		                    "--max-event-size %" PRId64 " (%" PRId64 " ties between them): "
		                    "raise the limit to project it anyway"), source, col_name(p, c), n, max,
		                    n * (n - 1) / 2);
	}
	return 0;
}

/* Which rows become vertices: with the year filters, actors with no event kept go (with a notice). */
static int keep_rows(proj *p, const char *source)
{
	igraph_integer_t gone = 0;
	cm_strbuf names = { 0 };
	int rc = 0;

	if (!(p->newid = malloc(((size_t)p->nrow + 1) * sizeof(*p->newid))))
		return cm_error_set(CM_ENOMEM, _("out of memory"));
	p->nv = 0;
	for (igraph_integer_t r = 0; r < p->nrow; r++) {
		int keep = p->ev_mode ? p->ekeep[r]
		                      : !years_set(p->f) || r < p->t->nlisted || p->rows.start[r + 1] > p->rows.start[r];

		p->newid[r] = keep ? p->nv++ : -1;
		if (!keep && !p->ev_mode && (rc = cm_strbuf_name(&names, (size_t)gone++, row_name(p, r))) < 0)
			goto done;
	}
	if (gone) {
		if ((rc = cm_strbuf_names_end(&names, (size_t)gone)) < 0)
			goto done;
		cm_notice(dngettext(CM_TEXTDOMAIN, "%s: left out %" PRId64 " actor with no event in the years kept: %s",
		                     "%s: left out %" PRId64 " actors with no event in the years kept: %s",
		                     (unsigned long)gone), source, gone, names.s);
	}
done:
	cm_strbuf_free(&names);
	return rc;
}

/* The ties being built: ends, numbers and the joined ids of what links them. */
typedef struct ties {
	igraph_vector_int_t ends;
	igraph_vector_t weight, year, shared;
	igraph_strvector_t via;
} ties;

/* The weight of a tie from its accumulated sums, as f->projection asks. */
static double tie_weight(const proj *p, double shared, double newman, double minw,
                         igraph_integer_t a, igraph_integer_t b)
{
	switch (p->f->projection) {
	case CM_PROJECT_NEWMAN:
		return newman;
	case CM_PROJECT_JACCARD: {
		double da = (double)(p->rows.start[a + 1] - p->rows.start[a]);
		double db = (double)(p->rows.start[b + 1] - p->rows.start[b]);

		return shared / (da + db - shared);
	}
	default:
		return minw;
	}
}

/* Slots ordered by the row they stand for. */
static const igraph_integer_t *sort_touched;
/* Compare two slots by their rows, for qsort. */
static int cmp_touched(const void *x, const void *y)
{
	igraph_integer_t a = sort_touched[*(const igraph_integer_t *)x], b = sort_touched[*(const igraph_integer_t *)y];

	return (a > b) - (a < b);
}

/*
 * The ties of every row with the rows after it: for row a, each column c
 * of a, each other row b of c; the sums go to b's slot in a scratch row
 * marked with a, the (slot, column) pairs to a list that a counting sort
 * then groups by slot, in column order, for the joined ids.
 */
static int make_ties(ties *out, const proj *p)
{
	igraph_integer_t nrow = p->nrow, *mark = NULL, *slot = NULL, *touched = NULL, *cnt = NULL;
	igraph_integer_t *occ_s = NULL, *occ_c = NULL, *grouped = NULL, *off = NULL, *order = NULL;
	double *newman = NULL, *minw = NULL, *first = NULL;
	size_t occ_cap = 0;
	cm_strbuf via = { 0 };
	int rc = 0;

	mark = malloc(((size_t)nrow + 1) * sizeof(*mark));
	slot = malloc(((size_t)nrow + 1) * sizeof(*slot));
	touched = malloc(((size_t)nrow + 1) * sizeof(*touched));
	cnt = malloc(((size_t)nrow + 2) * sizeof(*cnt));
	off = malloc(((size_t)nrow + 2) * sizeof(*off));
	newman = malloc(((size_t)nrow + 1) * sizeof(*newman));
	minw = malloc(((size_t)nrow + 1) * sizeof(*minw));
	first = malloc(((size_t)nrow + 1) * sizeof(*first));
	order = malloc(((size_t)nrow + 1) * sizeof(*order));
	if (!mark || !slot || !touched || !cnt || !off || !newman || !minw || !first || !order) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t r = 0; r < nrow; r++)
		mark[r] = -1;
	for (igraph_integer_t a = 0; a < nrow; a++) {
		igraph_integer_t nt = 0, nocc = 0;

		if (p->newid[a] < 0)
			continue;
		for (igraph_integer_t i = p->rows.start[a]; i < p->rows.start[a + 1]; i++) {
			igraph_integer_t c = p->rows.item[i], n = p->cols.start[c + 1] - p->cols.start[c];
			double wa = p->rows.w[i];

			for (igraph_integer_t k = p->cols.start[c]; k < p->cols.start[c + 1]; k++) {
				igraph_integer_t b = p->cols.item[k], s;

				if (b <= a)
					continue;
				if (mark[b] != a) {
					mark[b] = a;
					s = slot[b] = nt;
					touched[nt++] = b;
					cnt[s] = 0;
					newman[s] = minw[s] = 0;
					first[s] = p->ev_mode ? fmax(ev_year(p, a), ev_year(p, b)) : ev_year(p, c);
					if (p->ev_mode && (isnan(ev_year(p, a)) || isnan(ev_year(p, b))))
						first[s] = NAN;
				}
				s = slot[b];
				cnt[s]++;
				newman[s] += 1.0 / (double)(n - 1);
				minw[s] += wa < p->cols.w[k] ? wa : p->cols.w[k];
				if ((size_t)nocc >= occ_cap) {
					size_t cap = occ_cap ? 2 * occ_cap : 1024;
					igraph_integer_t *x = realloc(occ_s, cap * sizeof(*x)), *y;

					if (!x) {
						rc = cm_error_set(CM_ENOMEM, _("out of memory"));
						goto done;
					}
					occ_s = x;
					if (!(y = realloc(occ_c, cap * sizeof(*y))) ||
					    !(x = realloc(grouped, cap * sizeof(*x)))) {
						if (y)
							occ_c = y;
						rc = cm_error_set(CM_ENOMEM, _("out of memory"));
						goto done;
					}
					occ_c = y;
					grouped = x;
					occ_cap = cap;
				}
				occ_s[nocc] = s;
				occ_c[nocc++] = c;
			}
		}
		/* group the columns by slot, keeping their order */
		off[0] = 0;
		for (igraph_integer_t s = 0; s < nt; s++)
			off[s + 1] = off[s] + cnt[s];
		for (igraph_integer_t i = 0; i < nocc; i++)
			grouped[off[occ_s[i]]++] = occ_c[i];
		/*
		 * the ties of a in the order of b: igraph_add_edges() indexes ties
		 * sorted by their ends much faster than in a random order
		 */
		for (igraph_integer_t s = 0; s < nt; s++)
			order[s] = s;
		sort_touched = touched;
		qsort(order, (size_t)nt, sizeof(*order), cmp_touched);
		for (igraph_integer_t k = 0; k < nt; k++) {
			igraph_integer_t s = order[k], b = touched[s], from = off[s] - cnt[s];

			if (cnt[s] < p->f->min_shared)
				continue;
			via.len = 0;
			for (igraph_integer_t i = from; i < off[s]; i++)
				if ((i > from && (rc = cm_strbuf_add(&via, ";", 1)) < 0) ||
				    (rc = cm_strbuf_puts(&via, col_name(p, grouped[i]))) < 0)
					goto done;
			CM_IG(igraph_vector_int_push_back(&out->ends, p->newid[a]), "projecting");
			CM_IG(igraph_vector_int_push_back(&out->ends, p->newid[b]), "projecting");
			CM_IG(igraph_vector_push_back(&out->weight,
			                              tie_weight(p, (double)cnt[s], newman[s], minw[s], a, b)), "projecting");
			CM_IG(igraph_vector_push_back(&out->year, first[s]), "projecting");
			CM_IG(igraph_vector_push_back(&out->shared, (double)cnt[s]), "projecting");
			CM_IG(igraph_strvector_push_back(&out->via, via.s ? via.s : ""), "projecting");
		}
		if ((a & 0xFFF) == 0 && cm_interrupted()) {
			rc = cm_error_set(CM_EINTERRUPTED, _("interrupted"));
			goto done;
		}
	}
done:
	cm_strbuf_free(&via);
	free(mark);
	free(slot);
	free(touched);
	free(cnt);
	free(off);
	free(newman);
	free(minw);
	free(first);
	free(order);
	free(occ_s);
	free(occ_c);
	free(grouped);
	return rc;
}

/* Set numeric vertex attribute attr from v[0..n-1]. */
static int set_vnum(igraph_t *g, const char *attr, const double *v, igraph_integer_t n)
{
	igraph_vector_t x;
	int rc = 0;

	igraph_vector_view(&x, v, n);
	CM_IG(igraph_cattribute_VAN_setv(g, attr, &x), "projecting");
done:
	return rc;
}

/* The vertices' attributes: ids, the actor table's or event table's text, the two-mode counts. */
static int vertex_attrs(igraph_t *g, const proj *p)
{
	const cm_twomode *t = p->t;
	igraph_strvector_t sv;
	double *num = malloc(((size_t)p->nv + 1) * sizeof(*num)), *alone = malloc(((size_t)p->nv + 1) * sizeof(*alone));
	int rc = 0;

	igraph_strvector_init(&sv, 0);
	if (!num || !alone) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	/* ids */
	CM_IG(igraph_strvector_resize(&sv, p->nv), "projecting");
	for (igraph_integer_t r = 0; r < p->nrow; r++)
		if (p->newid[r] >= 0)
			CM_IG(igraph_strvector_set(&sv, p->newid[r], row_name(p, r)), "projecting");
	CM_IG(igraph_cattribute_VAS_setv(g, CM_ATTR_ID, &sv), "projecting");
	if (p->ev_mode) {
		static const char *const attrs[] = { CM_ATTR_LABEL, CM_ATTR_TYPE, CM_ATTR_REGION, CM_ATTR_YEAR };

		for (int k = 0; k < 4; k++) {
			for (igraph_integer_t r = 0; r < p->nrow; r++) {
				const cm_event *e = &t->ev[r];
				char buf[32] = "";

				if (p->newid[r] < 0)
					continue;
				if (k == 3 && !isnan(e->year))
					snprintf(buf, sizeof(buf), "%.0f", e->year);
				CM_IG(igraph_strvector_set(&sv, p->newid[r],
				                           k == 0 ? (e->label ? e->label : "") : k == 1 ? (e->kind ? e->kind : "")
				                           : k == 2 ? (e->region ? e->region : "") : buf), "projecting");
			}
			CM_IG(igraph_cattribute_VAS_setv(g, attrs[k], &sv), "projecting");
		}
	} else {
		for (size_t k = 0; k < t->nattr; k++) {
			if (!t->attr_names[k][0]) /* the id column, or one without a name */
				continue;
			for (igraph_integer_t r = 0; r < p->nrow; r++)
				if (p->newid[r] >= 0)
					CM_IG(igraph_strvector_set(&sv, p->newid[r], r < t->nlisted && t->attr_values[k][r]
					                           ? t->attr_values[k][r] : ""), "projecting");
			CM_IG(igraph_cattribute_VAS_setv(g, t->attr_names[k], &sv), "projecting");
		}
	}
	for (igraph_integer_t r = 0; r < p->nrow; r++) {
		igraph_integer_t v = p->newid[r], solo = 0;

		if (v < 0)
			continue;
		num[v] = (double)(p->rows.start[r + 1] - p->rows.start[r]);
		for (igraph_integer_t i = p->rows.start[r]; i < p->rows.start[r + 1]; i++) {
			igraph_integer_t c = p->rows.item[i];

			solo += p->cols.start[c + 1] - p->cols.start[c] == 1;
		}
		alone[v] = (double)solo;
	}
	if ((rc = set_vnum(g, p->ev_mode ? CM_ATTR_PARTICIPANTS : CM_ATTR_EVENTS_ATTENDED, num, p->nv)) < 0)
		goto done;
	if (!p->ev_mode && (rc = set_vnum(g, CM_ATTR_EVENTS_ALONE, alone, p->nv)) < 0)
		goto done;
	/* --where and --ego keep some actors: their events, to count again (cm_twomode_recount) */
	if (!p->ev_mode && (p->f->where_attr || p->f->ego)) {
		cm_strbuf b = { 0 };

		for (igraph_integer_t r = 0; r < p->nrow && rc == 0; r++) {
			if (p->newid[r] < 0)
				continue;
			b.len = 0;
			if (b.s)
				b.s[0] = '\0';
			for (igraph_integer_t i = p->rows.start[r]; i < p->rows.start[r + 1] && rc == 0; i++)
				rc = cm_strbuf_printf(&b, "%s%" IGRAPH_PRId, i > p->rows.start[r] ? "," : "", p->rows.item[i]);
			if (rc == 0 && igraph_strvector_set(&sv, p->newid[r], b.s ? b.s : ""))
				rc = cm_error_set(CM_ENOMEM, "out of memory");
		}
		cm_strbuf_free(&b);
		if (rc < 0)
			goto done;
		CM_IG(igraph_cattribute_VAS_setv(g, CM_ATTR_TM_EVENTS, &sv), "projecting");
	}
done:
	free(num);
	free(alone);
	igraph_strvector_destroy(&sv);
	return rc;
}

/* Free a proj's arrays. */
static void proj_free(proj *p)
{
	free(p->ekeep);
	free(p->corder);
	free(p->newid);
	csr_free(&p->rows);
	csr_free(&p->cols);
}

/* See filter/project.h. */
int cm_twomode_project(igraph_t *out, const cm_twomode *t, const cm_filter *f, const char *source)
{
	proj p = { 0 };
	ties ts;
	igraph_integer_t nev = 0;
	int rc = 0, have_graph = 0;

	memset(&ts, 0, sizeof(ts));
	igraph_vector_int_init(&ts.ends, 0);
	igraph_vector_init(&ts.weight, 0);
	igraph_vector_init(&ts.year, 0);
	igraph_vector_init(&ts.shared, 0);
	igraph_strvector_init(&ts.via, 0);
	p.t = t;
	p.f = f;
	p.ev_mode = f->project_events;
	p.nrow = p.ev_mode ? t->events.n : t->actors.n;
	p.ncol = p.ev_mode ? t->actors.n : t->events.n;
	if ((rc = build_incidence(&p, source)) < 0 || (rc = check_sizes(&p, source)) < 0 ||
	    (rc = keep_rows(&p, source)) < 0)
		goto done;
	/* at most one tie per pair at each column: reserve that, not a doubling's copies */
	{
		double bound = 0, nr = (double)p.nrow;

		for (igraph_integer_t c = 0; c < p.ncol; c++) {
			double n = (double)(p.cols.start[c + 1] - p.cols.start[c]);

			bound += n * (n - 1) / 2;
		}
		if (bound > nr * (nr - 1) / 2)
			bound = nr * (nr - 1) / 2;
		CM_IG(igraph_vector_int_reserve(&ts.ends, 2 * (igraph_integer_t)bound), "projecting");
		CM_IG(igraph_vector_reserve(&ts.weight, (igraph_integer_t)bound), "projecting");
		CM_IG(igraph_vector_reserve(&ts.year, (igraph_integer_t)bound), "projecting");
		CM_IG(igraph_vector_reserve(&ts.shared, (igraph_integer_t)bound), "projecting");
		CM_IG(igraph_strvector_reserve(&ts.via, (igraph_integer_t)bound), "projecting");
	}
	if ((rc = make_ties(&ts, &p)) < 0)
		goto done;
	CM_IG(igraph_empty(out, p.nv, IGRAPH_UNDIRECTED), "projecting");
	have_graph = 1;
	if ((rc = vertex_attrs(out, &p)) < 0)
		goto done;
	CM_IG(igraph_add_edges(out, &ts.ends, NULL), "projecting");
	CM_IG(igraph_cattribute_EAN_setv(out, CM_ATTR_WEIGHT, &ts.weight), "projecting");
	CM_IG(igraph_cattribute_EAN_setv(out, CM_ATTR_YEAR, &ts.year), "projecting");
	if (!p.ev_mode)
		CM_IG(igraph_cattribute_EAN_setv(out, "first_year", &ts.year), "projecting");
	CM_IG(igraph_cattribute_EAN_setv(out, p.ev_mode ? "shared_actors" : "shared_events", &ts.shared), "projecting");
	CM_IG(igraph_cattribute_EAS_setv(out, p.ev_mode ? "actors" : "events", &ts.via), "projecting");
	for (igraph_integer_t e = 0; e < t->events.n; e++)
		nev += p.ekeep[e];
	CM_IG(igraph_cattribute_GAN_set(out, CM_GATTR_EVENTS, (double)nev), "projecting");
	CM_IG(igraph_cattribute_GAN_set(out, CM_GATTR_PARTICIPATIONS, (double)p.kp), "projecting");
done:
	if (rc < 0 && have_graph)
		igraph_destroy(out);
	proj_free(&p);
	igraph_vector_int_destroy(&ts.ends);
	igraph_vector_destroy(&ts.weight);
	igraph_vector_destroy(&ts.year);
	igraph_vector_destroy(&ts.shared);
	igraph_strvector_destroy(&ts.via);
	return rc;
}

/* See filter/project.h. */
int cm_twomode_recount(igraph_t *g)
{
	igraph_integer_t n = igraph_vcount(g), events = 0, parts = 0, max = -1;
	char *seen = NULL;
	int rc = 0;

	if (cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, CM_ATTR_TM_EVENTS) != IGRAPH_ATTRIBUTE_STRING)
		return 0;
	/* the largest event number, for one flag per event */
	for (int pass = 0; pass < 2; pass++) {
		for (igraph_integer_t v = 0; v < n; v++) {
			const char *s = VAS(g, CM_ATTR_TM_EVENTS, v);

			while (*s) {
				char *end;
				long long e = strtoll(s, &end, 10);

				if (pass == 0) {
					max = e > max ? (igraph_integer_t)e : max;
				} else {
					parts++;
					events += !seen[e];
					seen[e] = 1;
				}
				s = *end == ',' ? end + 1 : end;
			}
		}
		if (pass == 0 && !(seen = calloc((size_t)(max + 1) + 1, 1)))
			return cm_error_set(CM_ENOMEM, "out of memory");
	}
	free(seen);
	CM_IG(igraph_cattribute_GAN_set(g, CM_GATTR_EVENTS, (double)events), "counting events");
	CM_IG(igraph_cattribute_GAN_set(g, CM_GATTR_PARTICIPATIONS, (double)parts), "counting events");
	cm_attr_remove(g, 0, CM_ATTR_TM_EVENTS);
done:
	return rc;
}

/* See filter/project.h. */
int cm_twomode_graph(igraph_t *out, const cm_twomode *t, const cm_filter *f, const char *source)
{
	igraph_integer_t na = t->actors.n, ne = t->events.n, *evid = NULL, nke = 0;
	igraph_vector_int_t ends;
	igraph_vector_t w, y, bip;
	igraph_strvector_t sv, role;
	int rc = 0, have_graph = 0;

	igraph_vector_int_init(&ends, 0);
	igraph_vector_init(&w, 0);
	igraph_vector_init(&y, 0);
	igraph_vector_init(&bip, 0);
	igraph_strvector_init(&sv, 0);
	igraph_strvector_init(&role, 0);
	if (!(evid = malloc(((size_t)ne + 1) * sizeof(*evid)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t e = 0; e < ne; e++) {
		evid[e] = event_kept(f, t->ev[e].year) ? na + nke++ : -1;
		if (evid[e] >= 0 && cm_names_get(&t->actors, cm_names_text(&t->events, e)) >= 0) {
			rc = cm_error_set(CM_EINPUT, _("%s: '%s' is both an actor and an event: give events "
			                  "ids of their own to write the two-mode graph"), source,
			                  cm_names_text(&t->events, e));
			goto done;
		}
	}
	CM_IG(igraph_empty(out, na + nke, IGRAPH_UNDIRECTED), "building the two-mode graph");
	have_graph = 1;
	CM_IG(igraph_strvector_resize(&sv, na + nke), "building the two-mode graph");
	CM_IG(igraph_vector_resize(&bip, na + nke), "building the two-mode graph");
	for (igraph_integer_t v = 0; v < na; v++) {
		CM_IG(igraph_strvector_set(&sv, v, cm_names_text(&t->actors, v)), "building the two-mode graph");
		VECTOR(bip)[v] = 0;
	}
	for (igraph_integer_t e = 0; e < ne; e++) {
		if (evid[e] < 0)
			continue;
		CM_IG(igraph_strvector_set(&sv, evid[e], cm_names_text(&t->events, e)), "building the two-mode graph");
		VECTOR(bip)[evid[e]] = 1;
	}
	CM_IG(igraph_cattribute_VAS_setv(out, CM_ATTR_ID, &sv), "building the two-mode graph");
	CM_IG(igraph_cattribute_VAN_setv(out, "bipartite", &bip), "building the two-mode graph");
	for (int k = 0; k < 3; k++) {
		for (igraph_integer_t v = 0; v < na + nke; v++)
			CM_IG(igraph_strvector_set(&sv, v, ""), "building the two-mode graph");
		for (igraph_integer_t e = 0; e < ne; e++) {
			const char *s = k == 0 ? t->ev[e].label : k == 1 ? (t->ev[e].kind ? t->ev[e].kind : "event")
			                                                 : t->ev[e].region;

			if (evid[e] >= 0 && s)
				CM_IG(igraph_strvector_set(&sv, evid[e], s), "building the two-mode graph");
		}
		for (size_t a = 0; a < t->nattr; a++) {
			const char *want = k == 0 ? CM_ATTR_LABEL : k == 1 ? CM_ATTR_TYPE : CM_ATTR_REGION;

			if (!strcmp(t->attr_names[a], want))
				for (igraph_integer_t v = 0; v < t->nlisted; v++)
					if (t->attr_values[a][v])
						CM_IG(igraph_strvector_set(&sv, v, t->attr_values[a][v]), "building the two-mode graph");
		}
		CM_IG(igraph_cattribute_VAS_setv(out, k == 0 ? CM_ATTR_LABEL : k == 1 ? CM_ATTR_TYPE : CM_ATTR_REGION,
		                                 &sv), "building the two-mode graph");
	}
	/* the actor table's other columns, empty for events */
	for (size_t a = 0; a < t->nattr; a++) {
		const char *an = t->attr_names[a];

		if (!an[0] || !strcmp(an, CM_ATTR_LABEL) || !strcmp(an, CM_ATTR_TYPE) || !strcmp(an, CM_ATTR_REGION) ||
		    !strcmp(an, "bipartite"))
			continue;
		for (igraph_integer_t v = 0; v < na + nke; v++)
			CM_IG(igraph_strvector_set(&sv, v, v < t->nlisted && t->attr_values[a][v] ? t->attr_values[a][v] : ""),
			      "building the two-mode graph");
		CM_IG(igraph_cattribute_VAS_setv(out, an, &sv), "building the two-mode graph");
	}
	for (igraph_integer_t i = 0; i < t->np; i++) {
		if (evid[t->pe[i]] < 0)
			continue;
		CM_IG(igraph_vector_int_push_back(&ends, t->pa[i]), "building the two-mode graph");
		CM_IG(igraph_vector_int_push_back(&ends, evid[t->pe[i]]), "building the two-mode graph");
		CM_IG(igraph_vector_push_back(&w, t->pw[i]), "building the two-mode graph");
		CM_IG(igraph_vector_push_back(&y, t->ev[t->pe[i]].year), "building the two-mode graph");
		if (t->has_role)
			CM_IG(igraph_strvector_push_back(&role, t->prole[i] ? t->prole[i] : ""), "building the two-mode graph");
	}
	CM_IG(igraph_add_edges(out, &ends, NULL), "building the two-mode graph");
	CM_IG(igraph_cattribute_EAN_setv(out, CM_ATTR_WEIGHT, &w), "building the two-mode graph");
	CM_IG(igraph_cattribute_EAN_setv(out, CM_ATTR_YEAR, &y), "building the two-mode graph");
	if (t->has_role)
		CM_IG(igraph_cattribute_EAS_setv(out, "role", &role), "building the two-mode graph");
done:
	if (rc < 0 && have_graph)
		igraph_destroy(out);
	igraph_strvector_destroy(&role);
	free(evid);
	igraph_vector_int_destroy(&ends);
	igraph_vector_destroy(&w);
	igraph_vector_destroy(&y);
	igraph_vector_destroy(&bip);
	igraph_strvector_destroy(&sv);
	return rc;
}
