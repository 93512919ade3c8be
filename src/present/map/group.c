/* Actors grouped by the values of an attribute, most frequent first (colours, shapes, boxes). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "present/map/group.h"
#include "coopmap/common.h"
#include "base/text.h"
#include "present/map/map.h"
#include "base/i18n.h"

/* Free a grouping (a zeroed one is fine). */
void cm_map_grouping_free(grouping *gr)
{
	for (size_t i = 0; i < gr->n; i++)
		free(gr->values[i]);
	free(gr->values);
	free(gr->counts);
	free(gr->slot);
	free(gr->vindex);
	free(gr->vslot);
	memset(gr, 0, sizeof(*gr));
}

/* The values cmp_by_value() compares. */
static const char *const *sort_values;

/* qsort: vertices by value (then index, so the order is total). */
static int cmp_by_value(const void *a, const void *b)
{
	igraph_integer_t x = *(const igraph_integer_t *)a, y = *(const igraph_integer_t *)b;
	int c = strcmp(sort_values[x], sort_values[y]);

	return c ? c : (x > y) - (x < y);
}

/* A run of vertices sharing a value, in the sorted order. */
typedef struct {
	igraph_integer_t first, count;
	const char *value;
} group_run;

/* qsort: groups by count descending, unknown last, then value. */
static int cmp_runs(const void *a, const void *b)
{
	const group_run *x = a, *y = b;
	int xu = !x->value[0], yu = !y->value[0];

	if (xu != yu)
		return xu - yu;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->value, y->value);
}

/*
 * Group n vertices by their values (vals[v]; NULL: everyone unknown);
 * max_named ranks get a slot.  attr names the grouping in the legend.
 */
int cm_map_group_values(grouping *gr, const char *const *vals, igraph_integer_t n, const char *attr,
                        int max_named)
{
	igraph_integer_t *order = NULL;
	group_run *runs = NULL;
	size_t nruns = 0;
	int rc = 0;

	memset(gr, 0, sizeof(*gr));
	gr->attr = attr;
	gr->slot = calloc((size_t)n + 1, sizeof(*gr->slot));
	gr->vindex = calloc((size_t)n + 1, sizeof(*gr->vindex));
	order = malloc(((size_t)n + 1) * sizeof(*order));
	runs = calloc((size_t)n + 1, sizeof(*runs));
	gr->values = calloc((size_t)n + 1, sizeof(*gr->values));
	gr->counts = calloc((size_t)n + 1, sizeof(*gr->counts));
	if (!gr->slot || !gr->vindex || !order || !runs || !gr->values || !gr->counts) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	if (!vals) {
		for (igraph_integer_t v = 0; v < n; v++)
			gr->slot[v] = OTHER_SLOT;
		gr->has_unknown = n > 0;
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++)
		order[v] = v;
	sort_values = vals;
	qsort(order, (size_t)n, sizeof(*order), cmp_by_value);
	for (igraph_integer_t i = 0; i < n; i++) {
		const char *value = vals[order[i]];

		if (nruns == 0 || strcmp(runs[nruns - 1].value, value)) {
			runs[nruns].first = i;
			runs[nruns].value = value;
			nruns++;
		}
		runs[nruns - 1].count++;
	}
	qsort(runs, nruns, sizeof(*runs), cmp_runs);
	for (size_t r = 0; r < nruns; r++) {
		int slot = (int)r < max_named && runs[r].value[0] ? (int)r : OTHER_SLOT;

		if (runs[r].value[0] && (int)r < max_named)
			gr->named = (int)r + 1;

		if (!(gr->values[r] = cm_strdup(runs[r].value))) {
			rc = CM_ENOMEM;
			goto done;
		}
		gr->counts[r] = runs[r].count;
		gr->n = r + 1;
		if (!runs[r].value[0])
			gr->has_unknown = 1;
		for (igraph_integer_t i = runs[r].first; i < runs[r].first + runs[r].count; i++) {
			gr->slot[order[i]] = slot;
			gr->vindex[order[i]] = r;
		}
	}
done:
	free(order);
	free(runs);
	if (rc < 0)
		cm_map_grouping_free(gr);
	return rc;
}

/* Group the vertices by a string attribute (absent: everyone unknown). */
int cm_map_group_by(grouping *gr, const igraph_t *graph, const char *attr, int max_named)
{
	igraph_integer_t n = igraph_vcount(graph);
	const char **vals = NULL;
	int rc;

	if (igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_VERTEX, attr)) {
		if (!(vals = malloc(((size_t)n + 1) * sizeof(*vals))))
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		for (igraph_integer_t v = 0; v < n; v++)
			vals[v] = VAS(graph, attr, v);
	}
	rc = cm_map_group_values(gr, vals, n, attr, max_named);
	free(vals);
	return rc;
}

/* Does a vertex attribute exist with string values? */
int cm_map_has_string_vattr(const igraph_t *graph, const char *attr)
{
	igraph_strvector_t names;
	igraph_vector_int_t types;
	int found = 0;

	if (!igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_VERTEX, attr))
		return 0;
	if (igraph_strvector_init(&names, 0) != IGRAPH_SUCCESS)
		return 0;
	if (igraph_vector_int_init(&types, 0) == IGRAPH_SUCCESS) {
		if (igraph_cattribute_list(graph, NULL, NULL, &names, &types, NULL, NULL) == IGRAPH_SUCCESS)
			for (igraph_integer_t i = 0; i < igraph_strvector_size(&names); i++)
				if (!strcmp(igraph_strvector_get(&names, i), attr))
					found = VECTOR(types)[i] == IGRAPH_ATTRIBUTE_STRING;
		igraph_vector_int_destroy(&types);
	}
	igraph_strvector_destroy(&names);
	return found;
}

/* The igraph type of a vertex attribute, or -1 when absent. */
static int vattr_type(const igraph_t *graph, const char *attr)
{
	igraph_strvector_t names;
	igraph_vector_int_t types;
	int found = -1;

	if (!igraph_cattribute_has_attr(graph, IGRAPH_ATTRIBUTE_VERTEX, attr))
		return -1;
	if (igraph_strvector_init(&names, 0) != IGRAPH_SUCCESS)
		return -1;
	if (igraph_vector_int_init(&types, 0) == IGRAPH_SUCCESS) {
		if (igraph_cattribute_list(graph, NULL, NULL, &names, &types, NULL, NULL) == IGRAPH_SUCCESS)
			for (igraph_integer_t i = 0; i < igraph_strvector_size(&names); i++)
				if (!strcmp(igraph_strvector_get(&names, i), attr))
					found = (int)VECTOR(types)[i];
		igraph_vector_int_destroy(&types);
	}
	igraph_strvector_destroy(&names);
	return found;
}

/* Does a vertex attribute exist with numeric values? */
int cm_map_has_numeric_vattr(const igraph_t *graph, const char *attr)
{
	return vattr_type(graph, attr) == IGRAPH_ATTRIBUTE_NUMERIC;
}

/* Number of distinct non-empty values with at least two actors. */
size_t cm_map_useful_groups(const grouping *gr)
{
	size_t k = 0;

	for (size_t i = 0; i < gr->n; i++)
		k += gr->values[i][0] && gr->counts[i] >= 2;
	return k;
}
