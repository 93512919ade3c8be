/*
 * coopmap brokers: who holds the network together across groups (regions by
 * default).  Gould-Fernandez brokerage roles, Burt's constraint and
 * effective size, betweenness and Krackhardt-Stern's E-I index; definitions
 * and a drawn example in docs/analysis.md.
 */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/brokers.h"
#include "coopmap/common.h"
#include "coopmap/network.h"
#include "coopmap/table.h"
#include "coopmap/text.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "measure/burt.h"
#include "model/raw.h"
#include "base/i18n.h"

/* Brokerage roles, in the order of the output columns. */
enum { R_COORDINATOR, R_ITINERANT, R_GATEKEEPER, R_REPRESENTATIVE, R_LIAISON, R_COUNT };

/* What is computed per actor. */
struct brow {
	igraph_integer_t v;
	const char *id;
	double role[R_COUNT], between, total, constraint, effective_size, betweenness;
	igraph_integer_t internal, external;
};

/* Most brokerage between groups first, then all brokerage, then betweenness, then id. */
static int brow_cmp(const void *pa, const void *pb)
{
	const struct brow *a = pa, *b = pb;

	if (a->between != b->between)
		return a->between > b->between ? -1 : 1;
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
 * Number the groups alphabetically into gid (by actor), their names into
 * gname and sizes into gsize (each may be NULL), with sorted as scratch
 * (n entries); actors without a value form the group CM_BROKERS_NO_GROUP,
 * so that a national actor linking regions is their liaison.  Returns the
 * number of groups.  The one numbering of cm_brokers_compute() and
 * cm_brokers_totals().
 */
static igraph_integer_t number_groups(igraph_integer_t *gid, const char **gname, igraph_integer_t *gsize,
                                      struct gval *sorted, const char *const *values, igraph_integer_t n)
{
	igraph_integer_t n_groups = 0;
	const char *last = NULL;

	for (igraph_integer_t v = 0; v < n; v++) {
		sorted[v].value = values[v][0] ? values[v] : CM_BROKERS_NO_GROUP;
		sorted[v].v = v;
		gid[v] = -1;
	}
	qsort(sorted, (size_t)n, sizeof(*sorted), gval_cmp);
	for (igraph_integer_t i = 0; i < n; i++) {
		if (n_groups == 0 || strcmp(last, sorted[i].value)) {
			last = sorted[i].value;
			if (gname)
				gname[n_groups] = last;
			n_groups++;
		}
		gid[sorted[i].v] = n_groups - 1;
		if (gsize)
			gsize[n_groups - 1]++;
	}
	return n_groups;
}

/*
 * Each actor's group value as text (numbers formatted), owned by *storage.
 * CM_EUSAGE when no actor has the attribute or a value for it.
 */
static int group_values(const char **values, char **storage, const cm_network *net,
                        const char *attr, int asked)
{
	igraph_strvector_t gn, vn, en;
	igraph_vector_int_t gt = { 0 }, vt = { 0 }, et = { 0 };
	igraph_integer_t n = cm_network_actors(net), kind = -1;
	int have = 0, rc = 0, any = 0;

	/* igraph_strvector_destroy needs an initialised vector: count them */
	CM_IG(igraph_strvector_init(&gn, 0), "listing actor attributes");
	have = 1;
	CM_IG(igraph_strvector_init(&vn, 0), "listing actor attributes");
	have = 2;
	CM_IG(igraph_strvector_init(&en, 0), "listing actor attributes");
	have = 3;
	CM_IG(igraph_vector_int_init(&gt, 0), "listing actor attributes");
	CM_IG(igraph_vector_int_init(&vt, 0), "listing actor attributes");
	CM_IG(igraph_vector_int_init(&et, 0), "listing actor attributes");
	CM_IG(igraph_cattribute_list(&net->graph, &gn, &gt, &vn, &vt, &en, &et),
	      "listing actor attributes");
	for (igraph_integer_t i = 0; i < igraph_strvector_size(&vn); i++)
		if (!strcmp(igraph_strvector_get(&vn, i), attr))
			kind = VECTOR(vt)[i];
	if (kind < 0) {
		cm_strbuf list = { 0 };

		for (igraph_integer_t i = 0; i < igraph_strvector_size(&vn) && rc == 0; i++)
			rc = cm_strbuf_printf(&list, "%s%s", i ? ", " : "", igraph_strvector_get(&vn, i));
		/* asked for with --group: a bad option; the default region missing: the data lacks it */
		if (rc == 0 && asked)
			rc = cm_error_set(CM_EUSAGE, _("no actor has attribute '%s' (attributes: %s)"), attr,
			                  list.s ? list.s : "none");
		else if (rc == 0)
			rc = cm_error_set(CM_EINPUT, _("no actor has a region (attributes: %s): brokerage between "
			                  "regions needs a 'region' column (or 'région'), or --group ATTR"),
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
	if (!any && n > 0) {
		rc = cm_error_set(CM_EINPUT, _("no actor has a value for attribute '%s': brokerage between "
		                  "groups needs them"), attr);
	} else {
		/* most actors without a group: brokerage is measured between the few that have one */
		igraph_integer_t empty = 0;
		cm_strbuf names = { 0 };

		for (igraph_integer_t v = 0; v < n && rc == 0; v++)
			if (!values[v][0])
				rc = cm_strbuf_name(&names, (size_t)empty++, cm_network_vattr(net, CM_ATTR_ID, v));
		if (rc == 0 && 2 * empty > n && (rc = cm_strbuf_names_end(&names, (size_t)empty)) == 0)
			cm_notice(_("%s is empty for %" PRId64 " of %" PRId64 " actors (%s): brokers "
			          "counts them in no group"), attr, empty, n, names.s);
		cm_strbuf_free(&names);
	}
done:
	if (have > 0)
		igraph_strvector_destroy(&gn);
	if (have > 1)
		igraph_strvector_destroy(&vn);
	if (have > 2)
		igraph_strvector_destroy(&en);
	igraph_vector_int_destroy(&gt);
	igraph_vector_int_destroy(&vt);
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
	if (role != R_COORDINATOR)
		b->between += unit;
}

/* Gould-Fernandez roles of every actor. */
static int brokerage(struct brow *rows, const cm_network *net, const igraph_integer_t *gid)
{
	igraph_adjlist_t in = { 0 }, out = { 0 };
	igraph_integer_t n = cm_network_actors(net);
	int rc = 0, directed = net->directed;

	CM_IG(igraph_adjlist_init(&net->graph, &out, directed ? IGRAPH_OUT : IGRAPH_ALL,
	                          IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE), "listing neighbours");
	if (directed)
		CM_IG(igraph_adjlist_init(&net->graph, &in, IGRAPH_IN, IGRAPH_NO_LOOPS,
		                          IGRAPH_NO_MULTIPLE), "listing neighbours");
	for (igraph_integer_t b = 0; b < n; b++) {
		igraph_vector_int_t *nout = igraph_adjlist_get(&out, b);
		igraph_integer_t gb = gid[b];

		if (cm_interrupted()) {
			rc = cm_error_set(CM_EINTERRUPTED, _("interrupted"));
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
	igraph_adjlist_destroy(&in);
	igraph_adjlist_destroy(&out);
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
	    (rc = cm_table_add_column(t, N_("id"), CM_COL_STRING)) < 0 ||
	    (rc = cm_table_add_column(t, N_("label"), CM_COL_STRING)) < 0 ||
	    (rc = cm_table_add_column(t, N_("type"), CM_COL_STRING)) < 0 ||
	    (with_group && (rc = cm_table_add_column(t, attr, CM_COL_STRING)) < 0) ||
	    (rc = cm_table_add_column(t, N_("coordinator"), CM_COL_INT)) < 0 ||
	    (rc = cm_table_add_column(t, N_("itinerant"), CM_COL_INT)) < 0)
		goto done;
	if (directed) {
		if ((rc = cm_table_add_column(t, N_("gatekeeper"), CM_COL_INT)) < 0 ||
		    (rc = cm_table_add_column(t, N_("representative"), CM_COL_INT)) < 0)
			goto done;
	} else if ((rc = cm_table_add_column(t, N_("boundary"), CM_COL_INT)) < 0) {
		goto done;
	}
	if ((rc = cm_table_add_column(t, N_("liaison"), CM_COL_INT)) < 0 ||
	    (rc = cm_table_add_column(t, N_("between_groups"), CM_COL_INT)) < 0 ||
	    (rc = cm_table_add_column(t, N_("total"), CM_COL_INT)) < 0 ||
	    (rc = cm_table_add_column(t, N_("constraint"), CM_COL_REAL)) < 0 ||
	    (rc = cm_table_add_column(t, N_("effective_size"), CM_COL_REAL)) < 0 ||
	    (rc = cm_table_add_column(t, N_("betweenness"), CM_COL_REAL)) < 0 ||
	    (rc = cm_table_add_column(t, N_("ei_index"), CM_COL_REAL)) < 0 ||
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
		cm_table_set_number(t, row, (size_t)col++, r->between);
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
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
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
	    (rc = cm_table_add_column(t, N_("actors"), CM_COL_INT)) < 0 ||
	    (rc = cm_table_add_column(t, N_("internal_ties"), CM_COL_INT)) < 0 ||
	    (rc = cm_table_add_column(t, N_("external_ties"), CM_COL_INT)) < 0 ||
	    (rc = cm_table_add_column(t, N_("ei_index"), CM_COL_REAL)) < 0 ||
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
	free(b->between);
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
	double *es = NULL;
	igraph_vector_t weights = { 0 }, res = { 0 };
	int weighted, rc = 0, asked;

	memset(out, 0, sizeof(*out));
	out->network_ei_index = NAN;
	asked = group != NULL;
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
	es = calloc((size_t)n + 1, sizeof(*es));
	if (!values || !storage || !gname || !gid || !gsize || !sorted || !rows || !es) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	if ((rc = group_values(values, storage, net, out->group, asked)) < 0)
		goto done;

	for (igraph_integer_t v = 0; v < n; v++) {
		rows[v].v = v;
		rows[v].id = cm_network_vattr(net, CM_ATTR_ID, v);
	}
	n_groups = number_groups(gid, gname, gsize, sorted, values, n);

	if ((rc = brokerage(rows, net, gid)) < 0)
		goto done;

	CM_IG(igraph_vector_init(&res, 0), "computing Burt's constraint");
	weighted = igraph_cattribute_has_attr(&net->graph, IGRAPH_ATTRIBUTE_EDGE, CM_ATTR_WEIGHT);
	if (weighted) {
		CM_IG(igraph_vector_init(&weights, 0), "reading tie weights");
		CM_IG(EANV(&net->graph, CM_ATTR_WEIGHT, &weights), "reading tie weights");
	}
	CM_IG(igraph_constraint(&net->graph, &res, igraph_vss_all(), weighted ? &weights : NULL),
	      "computing Burt's constraint");
	for (igraph_integer_t v = 0; v < n; v++)
		rows[v].constraint = VECTOR(res)[v];
	if ((rc = cm_burt_effective_size(es, &net->graph, weighted ? &weights : NULL, NULL)) < 0)
		goto done;
	for (igraph_integer_t v = 0; v < n; v++)
		rows[v].effective_size = es[v];
	CM_IG(igraph_betweenness(&net->graph, &res, igraph_vss_all(), net->directed != 0, NULL),
	      "computing betweenness");
	for (igraph_integer_t v = 0; v < n; v++)
		rows[v].betweenness = VECTOR(res)[v];
	if ((rc = ei_index(out, rows, net, gid, gname, n_groups, gsize, out->group)) < 0)
		goto done;
	qsort(rows, (size_t)n, sizeof(*rows), brow_cmp);
	out->n_actors = n;
	out->total = malloc(((size_t)n + 1) * sizeof(*out->total));
	out->ranking = malloc(((size_t)n + 1) * sizeof(*out->ranking));
	out->between = malloc(((size_t)n + 1) * sizeof(*out->between));
	if (!out->total || !out->ranking || !out->between) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t i = 0; i < n; i++) {
		out->ranking[i] = rows[i].v;
		out->total[rows[i].v] = rows[i].total;
		out->between[rows[i].v] = rows[i].between;
	}
	rc = actors_table(&out->actors, net, rows, n, out->group, values);
done:
	igraph_vector_destroy(&weights);
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
	free(es);
	if (rc < 0)
		cm_brokers_free(out);
	return rc;
}

/*
 * The total brokerage of every actor, as cm_brokers_compute() counts it
 * (the same group values, numbering and brokerage()), without the
 * constraint, effective size, exact betweenness and E-I index that make
 * cm_brokers_compute() slow on large networks: for exports.
 */
int cm_brokers_totals(double **out, const cm_network *net, const char *group)
{
	igraph_integer_t n = cm_network_actors(net);
	const char *attr = group ? group : CM_ATTR_REGION;
	const char **values = calloc((size_t)n + 1, sizeof(*values));
	char **storage = calloc((size_t)n + 1, sizeof(*storage));
	igraph_integer_t *gid = calloc((size_t)n + 1, sizeof(*gid));
	struct gval *sorted = calloc((size_t)n + 1, sizeof(*sorted));
	struct brow *rows = calloc((size_t)n + 1, sizeof(*rows));
	int rc = 0;

	*out = NULL;
	if (!values || !storage || !gid || !sorted || !rows) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	if ((rc = group_values(values, storage, net, attr, group != NULL)) < 0)
		goto done;
	for (igraph_integer_t v = 0; v < n; v++)
		rows[v].v = v;
	number_groups(gid, NULL, NULL, sorted, values, n);
	if ((rc = brokerage(rows, net, gid)) < 0)
		goto done;
	if (!(*out = malloc(((size_t)n + 1) * sizeof(**out)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++)
		(*out)[v] = rows[v].total;
done:
	if (storage)
		for (igraph_integer_t v = 0; v < n; v++)
			free(storage[v]);
	free(storage);
	free(values);
	free(gid);
	free(sorted);
	free(rows);
	return rc;
}
