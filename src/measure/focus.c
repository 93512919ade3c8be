/* What the analyses (isolated, clubs, brokers) share: the focus type. */
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/network.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "measure/focus.h"

/*
 * Fail with the list of types present when no actor has the focus type;
 * say when most actors (not all) have no type, naming them.
 */
int cm_analysis_check_type(const cm_network *net, const char *type)
{
	igraph_integer_t n = cm_network_actors(net), untyped = 0;
	const char **types = NULL;
	size_t n_types = 0;
	cm_strbuf list = { 0 };
	int rc = 0, found = 0;

	for (igraph_integer_t v = 0; v < n; v++) {
		const char *t = cm_network_vattr(net, CM_ATTR_TYPE, v);

		found |= !strcmp(t, type);
		if (!t[0] && (rc = cm_strbuf_name(&list, (size_t)untyped++, cm_network_vattr(net, CM_ATTR_ID, v))) < 0)
			goto done;
	}
	/* most actors untyped: the analysis sees only the few typed ones */
	if (found && untyped > 0 && 2 * untyped > n) {
		if ((rc = cm_strbuf_names_end(&list, (size_t)untyped)) < 0)
			goto done;
		cm_notice("type is empty for %" IGRAPH_PRId " of %" IGRAPH_PRId " actors (%s): they are not "
		          "of type '%s'", untyped, n, list.s, type);
	}
	if (found)
		goto done;
	cm_strbuf_free(&list);
	types = calloc((size_t)n + 1, sizeof(*types));
	if (!types) {
		rc = cm_error_set(CM_ENOMEM, "out of memory");
		goto done;
	}
	for (igraph_integer_t v = 0; v < n; v++) {
		const char *t = cm_network_vattr(net, CM_ATTR_TYPE, v);

		if (t[0])
			types[n_types++] = t;
	}
	qsort(types, n_types, sizeof(*types), cm_name_qsort_cmp);
	for (size_t i = 0; i < n_types; i++) {
		if (i > 0 && !strcmp(types[i], types[i - 1]))
			continue;
		if ((rc = cm_strbuf_printf(&list, "%s%s", list.len ? ", " : "", types[i])) < 0)
			goto done;
	}
	if (n == 0)
		rc = cm_error_set(CM_EUSAGE, "no actor has type '%s': the network has no actor", type);
	else if (!list.len)
		rc = cm_error_set(CM_EINPUT, "no actor has type '%s': no actor has a type (a 'type' or "
		                  "'catégorie' column)", type);
	else
		rc = cm_error_set(CM_EUSAGE, "no actor has type '%s' (types present: %s)", type, list.s);
done:
	free(types);
	cm_strbuf_free(&list);
	return rc;
}
