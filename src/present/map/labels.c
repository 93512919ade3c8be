/* Which actors are named on a map, and the room a node and its label take. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "present/map/labels.h"
#include "coopmap/common.h"
#include "coopmap/text.h"
#include "base/text.h"
#include "present/map/group.h"
#include "present/map/map.h"

/* qsort context for ranking vertices by size. */
static const igraph_vector_t *rank_size;

/* qsort: vertices by size, largest first, then by index. */
static int cmp_size_desc(const void *a, const void *b)
{
	igraph_integer_t x = *(const igraph_integer_t *)a, y = *(const igraph_integer_t *)b;
	double sx = VECTOR(*rank_size)[x], sy = VECTOR(*rank_size)[y];

	if (sx != sy)
		return sx > sy ? -1 : 1;
	return (x > y) - (x < y);
}

/* Decide which labels are shown: "auto", "all", "none" or "top:N". */
int cm_map_pick_labels(map_plan *p, const char *labels)
{
	igraph_integer_t n = igraph_vcount(&p->net->graph), top = -1, *order = NULL;
	int rc = 0;

	p->label_on = calloc((size_t)n + 1, 1);
	if (!p->label_on)
		return cm_error_set(CM_ENOMEM, "out of memory");
	if (!labels || !strcmp(labels, "auto"))
		top = n <= ALL_LABELS_MAX_ACTORS ? n : TOP_LABELS_DEFAULT;
	else if (!strcmp(labels, "all"))
		top = n;
	else if (!strcmp(labels, "none"))
		top = 0;
	else if (!strncmp(labels, "top:", 4)) {
		char *end;
		long v;

		errno = 0;
		v = strtol(labels + 4, &end, 10);
		if (errno || end == labels + 4 || *end || v < 0)
			return cm_error_set(CM_EUSAGE, "--labels '%s': top:N needs a whole number N", labels);
		top = v > n ? n : (igraph_integer_t)v;
	} else {
		return cm_error_set(CM_EUSAGE, "unknown --labels value '%s' (use auto, all, none or top:N)", labels);
	}
	if (top >= n) {
		memset(p->label_on, 1, (size_t)n);
		p->n_labels = n;
		goto done;
	}
	order = malloc(((size_t)n + 1) * sizeof(*order));
	if (!order) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++)
		order[v] = v;
	rank_size = &p->size;
	qsort(order, (size_t)n, sizeof(*order), cmp_size_desc);
	for (igraph_integer_t i = 0; i < top; i++)
		p->label_on[order[i]] = 1;
	p->n_labels = top;
done:
	free(order);
	return rc;
}

/* Node diameter of v in inches: the area follows the size measure; a marked node is big enough to show its ring. */
double cm_map_node_width(const map_plan *p, igraph_integer_t v, int large)
{
	/* the regional map writes a number in each node */
	double wmin = p->by ? 0.32 : large ? 0.06 : 0.16, wmax = p->by ? 1.1 : large ? 0.45 : 0.85;
	double x = p->size_max > 0 && VECTOR(p->size)[v] > 0 ? VECTOR(p->size)[v] / p->size_max : 0;
	double width = wmin + (wmax - wmin) * sqrt(x);

	if (p->mark && p->mark[v] && width < (large ? 0.2 : 0.3))
		width = large ? 0.2 : 0.3;
	return width;
}

/* The text that names v on the map: its label, else its id. */
static const char *vertex_name(const igraph_t *graph, igraph_integer_t v)
{
	const char *s = cm_map_has_string_vattr(graph, CM_ATTR_LABEL) ? VAS(graph, CM_ATTR_LABEL, v) : "";

	if (!s[0] && cm_map_has_string_vattr(graph, CM_ATTR_ID))
		s = VAS(graph, CM_ATTR_ID, v);
	return s;
}

/* Point size of actor labels. */
double cm_map_label_points(const map_plan *p, int large)
{
	return large ? 20 : 11 * p->text_scale;
}

/*
 * The box an actor needs, in points (width, height into wh): its node and,
 * when its label is shown, the label beside it, where Graphviz puts
 * external labels (Helvetica averages about 0.55 em a character; labels
 * are cut at 32 characters).
 */
void cm_map_actor_box(double *wh, const map_plan *p, igraph_integer_t v, int large)
{
	double d = cm_map_node_width(p, v, large) * 72;

	wh[0] = wh[1] = d;
	if (p->label_on[v]) {
		size_t chars = cm_utf8_width(vertex_name(&p->net->graph, v));

		wh[0] += (double)(chars > 32 ? 32 : chars) * 0.55 * cm_map_label_points(p, large);
		wh[1] += 1.2 * cm_map_label_points(p, large);
	}
}
