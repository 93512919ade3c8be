/* What the analyses (isolated, clubs, brokers) share: the focus type. */
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "coopmap/network.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "measure/focus.h"
#include "base/i18n.h"

/* Fail with the list of types present when no actor has the focus type. */
int cm_analysis_check_type(const cm_network *net, const char *type)
{
	igraph_integer_t n = cm_network_actors(net);
	const char **types = NULL;
	size_t n_types = 0;
	cm_strbuf list = { 0 };
	int rc = 0;

	for (igraph_integer_t v = 0; v < n; v++)
		if (!strcmp(cm_network_vattr(net, CM_ATTR_TYPE, v), type))
			goto done;
	types = calloc((size_t)n + 1, sizeof(*types));
	if (!types) {
		rc = cm_error_set(CM_ENOMEM, _("out of memory"));
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
		rc = cm_error_set(CM_EUSAGE, _("no actor has type '%s': the network has no actor"), type);
	else if (!list.len)
		rc = cm_error_set(CM_EUSAGE, _("no actor has type '%s': no actor has a type (a 'type' or "
		                  "'catégorie' column)"), type);
	else
		rc = cm_error_set(CM_EUSAGE, _("no actor has type '%s' (types present: %s)"), type, list.s);
done:
	free(types);
	cm_strbuf_free(&list);
	return rc;
}

/* cm_analysis_check_type() for a command's own analysis; see measure/focus.h. */
int cm_analysis_focus_type(const cm_network *net, const char *type)
{
	igraph_integer_t n = cm_network_actors(net), untyped = 0;
	cm_strbuf names = { 0 };
	int rc = 0;

	for (igraph_integer_t v = 0; v < n && rc == 0; v++)
		if (!cm_network_vattr(net, CM_ATTR_TYPE, v)[0])
			rc = cm_strbuf_name(&names, (size_t)untyped++, cm_network_vattr(net, CM_ATTR_ID, v));
	if (rc < 0)
		goto done;
	/* no type at all: the data lacks it (exit 3), not a wrong --type (exit 2); --type '' asks for the untyped */
	if (n > 0 && untyped == n && type[0]) {
		rc = cm_error_set(CM_EINPUT, _("no actor has type '%s': no actor has a type (a 'type' or "
		                  "'catégorie' column)"), type);
		goto done;
	}
	if ((rc = cm_analysis_check_type(net, type)) < 0)
		goto done;
	/* most actors untyped: the analysis sees only the few typed ones */
	if (type[0] && untyped > 0 && 2 * untyped > n && (rc = cm_strbuf_names_end(&names, (size_t)untyped)) == 0)
		cm_notice(_("type is empty for %" PRId64 " of %" PRId64 " actors (%s): they are not "
		          "of type '%s'"), untyped, n, names.s, type);
done:
	cm_strbuf_free(&names);
	return rc;
}
