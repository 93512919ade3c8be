/* Keeping part of a network: flagged deletions, --min-weight, --where and --ego. */
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/network.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "filter/select.h"
#include "model/columns.h"
#include "model/names.h"
#include "model/raw.h"
#include "base/i18n.h"

/* Delete the edges whose flag is set; *count tells how many. */
int cm_filter_delete_edges(igraph_integer_t *count, igraph_t *g, const char *flags)
{
	igraph_vector_int_t ids = { 0 };
	int rc = 0;

	*count = 0;
	CM_IG(igraph_vector_int_init(&ids, 0), "removing ties");
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++)
		if (flags[e])
			CM_IG(igraph_vector_int_push_back(&ids, e), "removing ties");
	*count = igraph_vector_int_size(&ids);
	if (*count)
		CM_IG(igraph_delete_edges(g, igraph_ess_vector(&ids)), "removing ties");
done:
	igraph_vector_int_destroy(&ids);
	return rc;
}

/* Delete the vertices whose flag is set; *count tells how many. */
int cm_filter_delete_vertices(igraph_integer_t *count, igraph_t *g, const char *flags)
{
	igraph_vector_int_t ids = { 0 };
	int rc = 0;

	*count = 0;
	CM_IG(igraph_vector_int_init(&ids, 0), "removing actors");
	for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
		if (flags[v])
			CM_IG(igraph_vector_int_push_back(&ids, v), "removing actors");
	*count = igraph_vector_int_size(&ids);
	if (*count)
		CM_IG(igraph_delete_vertices(g, igraph_vss_vector(&ids)), "removing actors");
done:
	igraph_vector_int_destroy(&ids);
	return rc;
}

/* Flag the ties lighter than min_weight among those not flagged. */
void cm_filter_min_weight(igraph_integer_t *light, char *flags, const double *weight,
                          igraph_integer_t m, double min_weight)
{
	*light = 0;
	if (!(min_weight > 0))
		return;
	for (igraph_integer_t e = 0; e < m; e++) {
		if (!flags[e] && weight[e] < min_weight) {
			flags[e] = 1;
			(*light)++;
		}
	}
}

/* Say that no actor has value for attribute attr (written name), with the closest value. */
static int where_unmatched(const igraph_t *g, const char *attr, const char *name, const char *value)
{
	igraph_integer_t n = igraph_vcount(g), idx;
	const char **distinct = NULL;
	cm_names seen;
	size_t nd = 0;
	long near;
	int rc = 0, added;

	cm_names_init(&seen);
	if (!(distinct = malloc(((size_t)n + 1) * sizeof(*distinct)))) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++) {
		const char *s = VAS(g, attr, v);

		if (s[0] && (rc = cm_names_add(&seen, s, &idx, &added)) < 0)
			goto done;
		if (s[0] && added)
			distinct[nd++] = s;
	}
	near = cm_name_closest(value, distinct, nd);
	cm_notice(_("--where: no actor has %s '%s'%s%s%s"), name, value, near >= 0 ? _(": did you mean '") : "",
	          near >= 0 ? distinct[near] : "", near >= 0 ? _("'?") : "");
done:
	free(distinct);
	cm_names_free(&seen);
	return rc;
}

/* --where ATTR=V1,V2: keep the actors whose attribute is one of the values. */
int cm_filter_where(igraph_t *g, const cm_filter *f, const char *source)
{
	igraph_integer_t n = igraph_vcount(g), count;
	char *attr = NULL, *list = NULL, *closest = NULL, *flags = NULL, **folded = NULL, *last_folded = NULL;
	char *matched = NULL;
	const char *last = NULL;
	int rc = 0, last_keep = 0;

	/* the attribute as written, or equal once folded, or a synonym ("région", "catégorie") */
	if ((rc = cm_attr_resolve(&attr, g, f->where_attr)) < 0)
		goto done;
	if (!attr || cm_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, attr) != IGRAPH_ATTRIBUTE_STRING ||
	    !strcmp(attr, CM_ATTR_LISTED)) {
		if ((rc = cm_attr_suggest(&list, &closest, g, f->where_attr)) < 0)
			goto done;
		rc = cm_error_set(CM_EUSAGE, _("--where: actors of %s have no attribute '%s'%s%s%s (they have: %s)"),
		                  source, f->where_attr, closest ? _(": did you mean '") : "",
		                  closest ? closest : "", closest ? _("'?") : "", list);
		goto done;
	}
	flags = calloc((size_t)n + 1, 1);
	folded = calloc(f->n_where_values + 1, sizeof(*folded));
	matched = calloc(f->n_where_values + 1, 1);
	if (!flags || !folded || !matched) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	/* values match as attribute names do: "bretagne" is "Bretagne", "Cite" is "cité" */
	for (size_t i = 0; i < f->n_where_values; i++)
		if (!(folded[i] = cm_name_fold(f->where_values[i]))) {
			rc = CM_ENOMEM;
			goto done;
		}
	for (igraph_integer_t v = 0; v < n; v++) {
		const char *s = VAS(g, attr, v);

		/* actors of one value often follow each other: fold each run of a value once */
		if (!last || strcmp(s, last)) {
			free(last_folded);
			last = s;
			if (!(last_folded = cm_name_fold(s))) {
				rc = CM_ENOMEM;
				goto done;
			}
			last_keep = 0;
			for (size_t i = 0; i < f->n_where_values; i++)
				if (!strcmp(s, f->where_values[i]) || (s[0] && !strcmp(last_folded, folded[i])))
					last_keep = matched[i] = 1;
		}
		flags[v] = !last_keep;
	}
	/* a value no actor has is most likely a typo: say so, with the closest value */
	for (size_t i = 0; i < f->n_where_values && rc == 0; i++)
		if (!matched[i])
			rc = where_unmatched(g, attr, f->where_attr, f->where_values[i]);
	if (rc == 0)
		rc = cm_filter_delete_vertices(&count, g, flags);
done:
	for (size_t i = 0; folded && i < f->n_where_values; i++)
		free(folded[i]);
	free(folded);
	free(matched);
	free(last_folded);
	free(flags);
	free(attr);
	free(list);
	free(closest);
	return rc;
}

/* --ego ACTOR --depth N: keep the actors within N steps of ACTOR. */
int cm_filter_ego(igraph_t *g, const cm_filter *f, const char *source)
{
	igraph_integer_t n = igraph_vcount(g), ego = -1, count;
	igraph_vector_int_list_t hood = { 0 };
	igraph_vector_int_t *keep;
	char *flags = NULL;
	int rc = 0;

	CM_IG(igraph_vector_int_list_init(&hood, 0), "finding the ego network");
	for (igraph_integer_t v = 0; v < n && ego < 0; v++)
		if (!strcmp(VAS(g, CM_ATTR_ID, v), f->ego))
			ego = v;
	if (ego < 0) {
		rc = cm_error_set(CM_EUSAGE, _("--ego: no actor '%s' in %s"), f->ego, source);
		goto done;
	}
	CM_IG(igraph_neighborhood(g, &hood, igraph_vss_1(ego), f->depth > 0 ? f->depth : 1,
	                       IGRAPH_ALL, 0), "finding the ego network");
	flags = malloc((size_t)n + 1);
	if (!flags) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
		goto done;
	}
	memset(flags, 1, (size_t)n + 1);
	keep = igraph_vector_int_list_get_ptr(&hood, 0);
	for (igraph_integer_t i = 0; i < igraph_vector_int_size(keep); i++)
		flags[VECTOR(*keep)[i]] = 0;
	rc = cm_filter_delete_vertices(&count, g, flags);
done:
	free(flags);
	igraph_vector_int_list_destroy(&hood);
	return rc;
}
