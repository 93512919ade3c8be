/*
 * coopmap brokers: who holds the network together across groups (regions by
 * default).  Gould-Fernandez brokerage roles, Burt's constraint and
 * effective size, betweenness and Krackhardt-Stern's E-I index; definitions
 * and a drawn example in docs/analysis.md.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/brokers.h"
#include "coopmap/common.h"
#include "coopmap/network.h"
#include "coopmap/table.h"
#include "coopmap/text.h"
#include "coopmap/writers.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "model/raw.h"

/* Brokerage roles, in the order of the output columns. */
enum { R_COORDINATOR, R_ITINERANT, R_GATEKEEPER, R_REPRESENTATIVE, R_LIAISON, R_COUNT };

/* What is computed per actor. */
struct brow {
	igraph_integer_t v;
	const char *id;
	double role[R_COUNT], total, constraint, effective_size, betweenness;
	igraph_integer_t internal, external;
};

/* Most brokerage first, then betweenness, then id. */
static int brow_cmp(const void *pa, const void *pb)
{
	const struct brow *a = pa, *b = pb;

	if (a->total != b->total)
		return a->total > b->total ? -1 : 1;
	if (a->betweenness != b->betweenness)
		return a->betweenness > b->betweenness ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* (string, actor) pairs, to number the groups alphabetically. */
struct gval {
	const char *value;
	igraph_integer_t v;
};

static int gval_cmp(const void *pa, const void *pb)
{
	const struct gval *a = pa, *b = pb;
	int c = cm_name_cmp(a->value, b->value);

	return c ? c : (a->v > b->v) - (a->v < b->v);
}

/*
 * Each actor's group value as text (numbers formatted), owned by *storage.
 * CM_EUSAGE when no actor has the attribute or a value for it.
 */
static int group_values(const char **values, char **storage, const cm_network *net,
                        const char *attr)
{
	igraph_strvector_t gn, vn, en;
	igraph_vector_int_t gt, vt, et;
	igraph_integer_t n = cm_network_actors(net), kind = -1;
	int have = 0, rc = 0, any = 0;
	igraph_error_t err;

	/* count what was initialised, so that a failure frees exactly that */
	if (igraph_strvector_init(&gn, 0) == IGRAPH_SUCCESS && ++have &&
	    igraph_strvector_init(&vn, 0) == IGRAPH_SUCCESS && ++have &&
	    igraph_strvector_init(&en, 0) == IGRAPH_SUCCESS && ++have &&
	    igraph_vector_int_init(&gt, 0) == IGRAPH_SUCCESS && ++have &&
	    igraph_vector_int_init(&vt, 0) == IGRAPH_SUCCESS && ++have &&
	    igraph_vector_int_init(&et, 0) == IGRAPH_SUCCESS)
		++have;
	if (have < 6) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	if ((err = igraph_cattribute_list(&net->graph, &gn, &gt, &vn, &vt, &en, &et)) != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(err, "listing actor attributes");
		goto done;
	}
	for (igraph_integer_t i = 0; i < igraph_strvector_size(&vn); i++)
		if (!strcmp(igraph_strvector_get(&vn, i), attr))
			kind = VECTOR(vt)[i];
	if (kind < 0) {
		cm_strbuf list = { 0 };

		for (igraph_integer_t i = 0; i < igraph_strvector_size(&vn) && rc == 0; i++)
			rc = cm_strbuf_printf(&list, "%s%s", i ? ", " : "", igraph_strvector_get(&vn, i));
		if (rc == 0)
			rc = cm_error_set(CM_EUSAGE, "no actor has attribute '%s' (attributes: %s)", attr,
			                  list.s ? list.s : "none");
		cm_strbuf_free(&list);
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++) {
		char buf[32];

		if (kind == IGRAPH_ATTRIBUTE_STRING) {
			values[v] = VAS(&net->graph, attr, v);
			any |= values[v][0] != '\0';
			continue;
		}
		if (kind == IGRAPH_ATTRIBUTE_NUMERIC)
			cm_format_number(buf, sizeof(buf), VAN(&net->graph, attr, v));
		else if (kind == IGRAPH_ATTRIBUTE_BOOLEAN)
			strcpy(buf, VAB(&net->graph, attr, v) ? "true" : "false");
		else
			buf[0] = '\0';
		if (!(storage[v] = cm_strdup(buf))) {
			rc = CM_ENOMEM;
			goto done;
		}
		values[v] = storage[v];
		any |= buf[0] != '\0';
	}
	if (!any && n > 0)
		rc = cm_error_set(CM_EUSAGE, "no actor has a value for attribute '%s'", attr);
done:
	if (have > 0)
		igraph_strvector_destroy(&gn);
	if (have > 1)
		igraph_strvector_destroy(&vn);
	if (have > 2)
		igraph_strvector_destroy(&en);
	if (have > 3)
		igraph_vector_int_destroy(&gt);
	if (have > 4)
		igraph_vector_int_destroy(&vt);
	if (have > 5)
		igraph_vector_int_destroy(&et);
	return rc;
}

/* Add one two-path a-b-c to b's role counts (groups known, a and c not tied). */
static void count_role(struct brow *b, igraph_integer_t ga, igraph_integer_t gb,
                       igraph_integer_t gc, double unit)
{
	int role;

	if (ga == gb && gb == gc)
		role = R_COORDINATOR;
	else if (ga == gc)
		role = R_ITINERANT;
	else if (ga == gb)
		role = R_REPRESENTATIVE; /* b speaks for a's group to the outside */
	else if (gb == gc)
		role = R_GATEKEEPER;     /* b lets the outside into its group */
	else
		role = R_LIAISON;
	b->role[role] += unit;
	b->total += unit;
}

/* Gould-Fernandez roles of every actor. */
static int brokerage(struct brow *rows, const cm_network *net, const igraph_integer_t *gid)
{
	igraph_adjlist_t in, out;
	igraph_integer_t n = cm_network_actors(net);
	int have_in = 0, have_out = 0, rc = 0, directed = net->directed;
	igraph_error_t err;

	if ((err = igraph_adjlist_init(&net->graph, &out, directed ? IGRAPH_OUT : IGRAPH_ALL,
	                               IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE)) != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(err, "listing neighbours");
		goto done;
	}
	have_out = 1;
	if (directed) {
		if ((err = igraph_adjlist_init(&net->graph, &in, IGRAPH_IN, IGRAPH_NO_LOOPS,
		                               IGRAPH_NO_MULTIPLE)) != IGRAPH_SUCCESS) {
			rc = cm_error_from_igraph(err, "listing neighbours");
			goto done;
		}
		have_in = 1;
	}
	for (igraph_integer_t b = 0; b < n; b++) {
		igraph_vector_int_t *nout = igraph_adjlist_get(&out, b);
		igraph_integer_t gb = gid[b];

		if (cm_interrupted()) {
			rc = cm_error_set(CM_EINTERRUPTED, "interrupted");
			goto done;
		}
		if (gb < 0)
			continue;
		if (!directed) {
			/* each unordered pair {a, c} of b's neighbours once */
			igraph_integer_t d = igraph_vector_int_size(nout);

			for (igraph_integer_t i = 0; i < d; i++) {
				igraph_integer_t a = VECTOR(*nout)[i];

				if (gid[a] < 0)
					continue;
				for (igraph_integer_t j = i + 1; j < d; j++) {
					igraph_integer_t c = VECTOR(*nout)[j];

					if (gid[c] < 0 || igraph_vector_int_binsearch2(igraph_adjlist_get(&out, a), c))
						continue;
					count_role(&rows[b], gid[a], gb, gid[c], 1);
				}
			}
			continue;
		}
		{
			igraph_vector_int_t *nin = igraph_adjlist_get(&in, b);

			for (igraph_integer_t i = 0; i < igraph_vector_int_size(nin); i++) {
				igraph_integer_t a = VECTOR(*nin)[i];

				if (gid[a] < 0)
					continue;
				for (igraph_integer_t j = 0; j < igraph_vector_int_size(nout); j++) {
					igraph_integer_t c = VECTOR(*nout)[j];

					if (c == a || gid[c] < 0 ||
					    igraph_vector_int_binsearch2(igraph_adjlist_get(&out, a), c))
						continue;
					count_role(&rows[b], gid[a], gb, gid[c], 1);
				}
			}
		}
	}
done:
	if (have_in)
		igraph_adjlist_destroy(&in);
	if (have_out)
		igraph_adjlist_destroy(&out);
	return rc;
}

/* A neighbour and the summed weight of the ties with it, both directions. */
struct mw {
	igraph_integer_t u;
	double w;
};

static int mw_cmp(const void *pa, const void *pb)
{
	const struct mw *a = pa, *b = pb;

	return (a->u > b->u) - (a->u < b->u);
}

/* Mutual weight of v with u in v's sorted list (0 when not tied). */
static double mw_get(const struct mw *list, igraph_integer_t len, igraph_integer_t u)
{
	igraph_integer_t lo = 0, hi = len;

	while (lo < hi) {
		igraph_integer_t mid = lo + (hi - lo) / 2;

		if (list[mid].u == u)
			return list[mid].w;
		if (list[mid].u < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/*
 * Burt's effective size with weights, as NetworkX's effective_size(weight=):
 * sum over alters u of 1 - sum over alters w of p(v,w) m(u,w), where p is
 * the mutual weight over v's total and m the mutual weight over u's largest.
 */
static int effective_size(struct brow *rows, const cm_network *net, const igraph_vector_t *weights)
{
	igraph_integer_t n = cm_network_actors(net), m = cm_network_ties(net);
	igraph_integer_t *off = NULL;
	struct mw *list = NULL;
	double *sum = NULL, *max = NULL;
	igraph_integer_t from, to;
	int rc = 0;

	off = calloc((size_t)n + 2, sizeof(*off));
	list = calloc(2 * (size_t)m + 1, sizeof(*list));
	sum = calloc((size_t)n + 1, sizeof(*sum));
	max = calloc((size_t)n + 1, sizeof(*max));
	if (!off || !list || !sum || !max) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	/* both ends of each tie, bucketed by vertex, then sorted and merged */
	for (igraph_integer_t e = 0; e < m; e++) {
		igraph_edge(&net->graph, e, &from, &to);
		if (from == to)
			continue;
		off[from + 2]++;
		off[to + 2]++;
	}
	for (igraph_integer_t v = 0; v < n; v++)
		off[v + 2] += off[v + 1];
	for (igraph_integer_t e = 0; e < m; e++) {
		double w = weights ? VECTOR(*weights)[e] : 1;

		igraph_edge(&net->graph, e, &from, &to);
		if (from == to)
			continue;
		list[off[from + 1]++] = (struct mw){ to, w };
		list[off[to + 1]++] = (struct mw){ from, w };
	}
	/* now off[v]..off[v+1] is v's bucket; merge repeated neighbours in place */
	for (igraph_integer_t v = 0; v < n; v++) {
		igraph_integer_t a = off[v], b = off[v + 1], k = a;

		qsort(list + a, (size_t)(b - a), sizeof(*list), mw_cmp);
		for (igraph_integer_t i = a; i < b; i++) {
			if (k > a && list[k - 1].u == list[i].u)
				list[k - 1].w += list[i].w;
			else
				list[k++] = list[i];
		}
		for (igraph_integer_t i = k; i < b; i++)
			list[i].u = -1; /* unused slots */
		for (igraph_integer_t i = a; i < k; i++) {
			sum[v] += list[i].w;
			if (list[i].w > max[v])
				max[v] = list[i].w;
		}
	}
	for (igraph_integer_t v = 0; v < n; v++) {
		igraph_integer_t a = off[v], b = off[v + 1], len = 0;
		double es = 0;

		while (a + len < b && list[a + len].u >= 0)
			len++;
		if (len == 0) {
			rows[v].effective_size = NAN;
			continue;
		}
		for (igraph_integer_t i = 0; i < len; i++) {
			igraph_integer_t u = list[a + i].u, ua = off[u], ulen = 0;
			double r = 0;

			while (ua + ulen < off[u + 1] && list[ua + ulen].u >= 0)
				ulen++;
			for (igraph_integer_t j = 0; j < len; j++) {
				double muw = mw_get(list + ua, ulen, list[a + j].u);

				if (sum[v] > 0 && max[u] > 0)
					r += list[a + j].w / sum[v] * (muw / max[u]);
			}
			es += 1 - r;
		}
		rows[v].effective_size = es;
	}
done:
	free(off);
	free(list);
	free(sum);
	free(max);
	return rc;
}

/* The actors table, rows already sorted. */
static int actors_table(cm_table **out, const cm_network *net, const struct brow *rows,
                        igraph_integer_t n, const char *attr, const char **values)
{
	cm_table *t = NULL;
	int rc = 0, directed = net->directed, col = 0, with_group;
	double ei;

	with_group = strcmp(attr, CM_ATTR_ID) && strcmp(attr, CM_ATTR_LABEL) && strcmp(attr, CM_ATTR_TYPE);
	if ((rc = cm_table_new(&t)) < 0 ||
	    (rc = cm_table_add_column(t, "id", CM_COL_STRING)) < 0 ||
	    (rc = cm_table_add_column(t, "label", CM_COL_STRING)) < 0 ||
	    (rc = cm_table_add_column(t, "type", CM_COL_STRING)) < 0 ||
	    (with_group && (rc = cm_table_add_column(t, attr, CM_COL_STRING)) < 0) ||
	    (rc = cm_table_add_column(t, "coordinator", CM_COL_INT)) < 0 ||
	    (rc = cm_table_add_column(t, "itinerant", CM_COL_INT)) < 0)
		goto done;
	if (directed) {
		if ((rc = cm_table_add_column(t, "gatekeeper", CM_COL_INT)) < 0 ||
		    (rc = cm_table_add_column(t, "representative", CM_COL_INT)) < 0)
			goto done;
	} else if ((rc = cm_table_add_column(t, "boundary", CM_COL_INT)) < 0) {
		goto done;
	}
	if ((rc = cm_table_add_column(t, "liaison", CM_COL_INT)) < 0 ||
	    (rc = cm_table_add_column(t, "total", CM_COL_INT)) < 0 ||
	    (rc = cm_table_add_column(t, "constraint", CM_COL_REAL)) < 0 ||
	    (rc = cm_table_add_column(t, "effective_size", CM_COL_REAL)) < 0 ||
	    (rc = cm_table_add_column(t, "betweenness", CM_COL_REAL)) < 0 ||
	    (rc = cm_table_add_column(t, "ei_index", CM_COL_REAL)) < 0 ||
	    (rc = cm_table_add_rows(t, (size_t)n)) < 0)
		goto done;
	for (igraph_integer_t i = 0; i < n; i++) {
		const struct brow *r = &rows[i];
		size_t row = (size_t)i;

		col = 0;
		if ((rc = cm_table_set_string(t, row, col++, r->id)) < 0 ||
		    (rc = cm_table_set_string(t, row, col++, cm_network_vattr(net, CM_ATTR_LABEL, r->v))) < 0 ||
		    (rc = cm_table_set_string(t, row, col++, cm_network_vattr(net, CM_ATTR_TYPE, r->v))) < 0 ||
		    (with_group && (rc = cm_table_set_string(t, row, col++, values[r->v])) < 0))
			goto done;
		cm_table_set_number(t, row, (size_t)col++, r->role[R_COORDINATOR]);
		cm_table_set_number(t, row, (size_t)col++, r->role[R_ITINERANT]);
		if (directed) {
			cm_table_set_number(t, row, (size_t)col++, r->role[R_GATEKEEPER]);
			cm_table_set_number(t, row, (size_t)col++, r->role[R_REPRESENTATIVE]);
		} else {
			cm_table_set_number(t, row, (size_t)col++,
			                    r->role[R_GATEKEEPER] + r->role[R_REPRESENTATIVE]);
		}
		cm_table_set_number(t, row, (size_t)col++, r->role[R_LIAISON]);
		cm_table_set_number(t, row, (size_t)col++, r->total);
		cm_table_set_number(t, row, (size_t)col++, r->constraint);
		cm_table_set_number(t, row, (size_t)col++, r->effective_size);
		cm_table_set_number(t, row, (size_t)col++, r->betweenness);
		ei = r->internal + r->external > 0
		     ? (double)(r->external - r->internal) / (double)(r->external + r->internal) : NAN;
		cm_table_set_number(t, row, (size_t)col++, ei);
	}
	*out = t;
	t = NULL;
done:
	cm_table_free(t);
	return rc;
}

/* E-I counts per actor, per group (groups table) and for the whole network. */
static int ei_index(cm_brokers *out, struct brow *rows, const cm_network *net,
                    const igraph_integer_t *gid, const char *const *gname, igraph_integer_t n_groups,
                    const igraph_integer_t *gsize, const char *attr)
{
	igraph_integer_t m = cm_network_ties(net), from, to, net_i = 0, net_e = 0;
	igraph_integer_t *gi = NULL, *ge = NULL;
	cm_table *t = NULL;
	int rc = 0;

	gi = calloc((size_t)n_groups + 1, sizeof(*gi));
	ge = calloc((size_t)n_groups + 1, sizeof(*ge));
	if (!gi || !ge) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	for (igraph_integer_t e = 0; e < m; e++) {
		igraph_integer_t a, b;

		igraph_edge(&net->graph, e, &from, &to);
		a = gid[from];
		b = gid[to];
		if (from == to || a < 0 || b < 0)
			continue;
		if (a == b) {
			rows[from].internal++;
			rows[to].internal++;
			gi[a]++;
			net_i++;
		} else {
			rows[from].external++;
			rows[to].external++;
			ge[a]++;
			ge[b]++;
			net_e++;
		}
	}
	out->network_ei_index = net_i + net_e > 0
	                        ? (double)(net_e - net_i) / (double)(net_e + net_i) : NAN;
	if ((rc = cm_table_new(&t)) < 0 ||
	    (rc = cm_table_add_column(t, attr, CM_COL_STRING)) < 0 ||
	    (rc = cm_table_add_column(t, "actors", CM_COL_INT)) < 0 ||
	    (rc = cm_table_add_column(t, "internal_ties", CM_COL_INT)) < 0 ||
	    (rc = cm_table_add_column(t, "external_ties", CM_COL_INT)) < 0 ||
	    (rc = cm_table_add_column(t, "ei_index", CM_COL_REAL)) < 0 ||
	    (rc = cm_table_add_rows(t, (size_t)n_groups)) < 0)
		goto done;
	for (igraph_integer_t g = 0; g < n_groups; g++) {
		size_t row = (size_t)g;

		if ((rc = cm_table_set_string(t, row, 0, gname[g])) < 0)
			goto done;
		cm_table_set_number(t, row, 1, (double)gsize[g]);
		cm_table_set_number(t, row, 2, (double)gi[g]);
		cm_table_set_number(t, row, 3, (double)ge[g]);
		cm_table_set_number(t, row, 4, gi[g] + ge[g] > 0
		                    ? (double)(ge[g] - gi[g]) / (double)(ge[g] + gi[g]) : NAN);
	}
	out->groups = t;
	t = NULL;
done:
	free(gi);
	free(ge);
	cm_table_free(t);
	return rc;
}

void cm_brokers_free(cm_brokers *b)
{
	if (!b)
		return;
	free(b->group);
	cm_table_free(b->actors);
	cm_table_free(b->groups);
	free(b->total);
	free(b->ranking);
	memset(b, 0, sizeof(*b));
}

int cm_brokers_compute(cm_brokers *out, const cm_network *net, const char *group)
{
	igraph_integer_t n = cm_network_actors(net), n_groups = 0;
	const char **values = NULL;
	char **storage = NULL;
	const char **gname = NULL;
	igraph_integer_t *gid = NULL, *gsize = NULL;
	struct gval *sorted = NULL;
	struct brow *rows = NULL;
	igraph_vector_t weights, res;
	int have_w = 0, have_res = 0, rc = 0;
	igraph_error_t err;

	memset(out, 0, sizeof(*out));
	out->network_ei_index = NAN;
	if (!group)
		group = CM_ATTR_REGION;
	if (!(out->group = cm_ascii_lower(group))) {
		rc = CM_ENOMEM;
		goto done;
	}
	if (!strcmp(out->group, "id")) {
		free(out->group);
		if (!(out->group = cm_strdup(CM_ATTR_ID))) {
			rc = CM_ENOMEM;
			goto done;
		}
	}
	out->directed = net->directed;
	values = calloc((size_t)n + 1, sizeof(*values));
	storage = calloc((size_t)n + 1, sizeof(*storage));
	gname = calloc((size_t)n + 1, sizeof(*gname));
	gid = calloc((size_t)n + 1, sizeof(*gid));
	gsize = calloc((size_t)n + 1, sizeof(*gsize));
	sorted = calloc((size_t)n + 1, sizeof(*sorted));
	rows = calloc((size_t)n + 1, sizeof(*rows));
	if (!values || !storage || !gname || !gid || !gsize || !sorted || !rows) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = group_values(values, storage, net, out->group)) < 0)
		goto done;

	/* number the groups alphabetically; an empty value is no group (-1) */
	for (igraph_integer_t v = 0; v < n; v++) {
		sorted[v].value = values[v];
		sorted[v].v = v;
		gid[v] = -1;
		rows[v].v = v;
		rows[v].id = cm_network_vattr(net, CM_ATTR_ID, v);
	}
	qsort(sorted, (size_t)n, sizeof(*sorted), gval_cmp);
	for (igraph_integer_t i = 0; i < n; i++) {
		if (!sorted[i].value[0])
			continue;
		if (n_groups == 0 || strcmp(gname[n_groups - 1], sorted[i].value))
			gname[n_groups++] = sorted[i].value;
		gid[sorted[i].v] = n_groups - 1;
		gsize[n_groups - 1]++;
	}

	if ((rc = brokerage(rows, net, gid)) < 0)
		goto done;

	if (igraph_vector_init(&res, 0) != IGRAPH_SUCCESS) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	have_res = 1;
	if (igraph_cattribute_has_attr(&net->graph, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_WEIGHT)) {
		if (igraph_vector_init(&weights, 0) != IGRAPH_SUCCESS) {
			rc = cm_error_set(CM_ENOMEM, "out of memory");
			goto done;
		}
		have_w = 1;
		if ((err = EANV(&net->graph, CM_ATTR_WEIGHT, &weights)) != IGRAPH_SUCCESS) {
			rc = cm_error_from_igraph(err, "reading tie weights");
			goto done;
		}
	}
	if ((err = igraph_constraint(&net->graph, &res, igraph_vss_all(),
	                             have_w ? &weights : NULL)) != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(err, "computing Burt's constraint");
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++)
		rows[v].constraint = VECTOR(res)[v];
	if ((rc = effective_size(rows, net, have_w ? &weights : NULL)) < 0)
		goto done;
	if ((err = igraph_betweenness(&net->graph, &res, igraph_vss_all(), net->directed != 0,
	                              NULL)) != IGRAPH_SUCCESS) {
		rc = cm_error_from_igraph(err, "computing betweenness");
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++)
		rows[v].betweenness = VECTOR(res)[v];
	if ((rc = ei_index(out, rows, net, gid, gname, n_groups, gsize, out->group)) < 0)
		goto done;
	qsort(rows, (size_t)n, sizeof(*rows), brow_cmp);
	out->n_actors = n;
	out->total = malloc(((size_t)n + 1) * sizeof(*out->total));
	out->ranking = malloc(((size_t)n + 1) * sizeof(*out->ranking));
	if (!out->total || !out->ranking) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	for (igraph_integer_t i = 0; i < n; i++) {
		out->ranking[i] = rows[i].v;
		out->total[rows[i].v] = rows[i].total;
	}
	rc = actors_table(&out->actors, net, rows, n, out->group, values);
done:
	if (have_w)
		igraph_vector_destroy(&weights);
	if (have_res)
		igraph_vector_destroy(&res);
	if (storage)
		for (igraph_integer_t v = 0; v < n; v++)
			free(storage[v]);
	free(storage);
	free(values);
	free(gname);
	free(gid);
	free(gsize);
	free(sorted);
	free(rows);
	if (rc < 0)
		cm_brokers_free(out);
	return rc;
}

int cm_brokers_write(FILE *f, const cm_brokers *b, cm_format format)
{
	char num[32];
	int rc = 0;

	cm_format_number(num, sizeof(num), b->network_ei_index);
	if (format == CM_FORMAT_JSON) {
		fputs("{\n  \"group\": ", f);
		cm_json_write_string(f, b->group);
		fprintf(f, ",\n  \"directed\": %s,\n  \"actors\": ", b->directed ? "true" : "false");
		if ((rc = cm_table_write(f, b->actors, CM_FORMAT_JSON, 0)) < 0)
			goto done;
		fputs(",\n  \"groups\": ", f);
		if ((rc = cm_table_write(f, b->groups, CM_FORMAT_JSON, 0)) < 0)
			goto done;
		fprintf(f, ",\n  \"network_ei_index\": %s\n}\n", num[0] ? num : "null");
	} else {
		if ((rc = cm_table_write(f, b->actors, format, 0)) < 0)
			goto done;
		if (format == CM_FORMAT_TABLE) {
			fputc('\n', f);
			if ((rc = cm_table_write(f, b->groups, format, 0)) < 0)
				goto done;
			fprintf(f, "\nnetwork E-I index: %s\n", num[0] ? num : "undefined");
		}
	}
	if (ferror(f))
		rc = cm_error_set(CM_EIO, "cannot write the brokers: %s", strerror(errno));
done:
	return rc;
}
