/* Two-mode data: actors, events and participations, grown as a reader finds them. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "coopmap/common.h"
#include "base/error.h"
#include "model/twomode.h"
#include "base/i18n.h"

/* Free the two-mode data and its copies of text. */
void cm_twomode_free(cm_twomode *t)
{
	for (igraph_integer_t e = 0; t->ev && e < t->events.n; e++) {
		free(t->ev[e].label);
		free(t->ev[e].kind);
		free(t->ev[e].region);
	}
	for (size_t k = 0; k < t->nattr; k++) {
		for (igraph_integer_t v = 0; t->attr_values && t->attr_values[k] && v < t->nlisted; v++)
			free(t->attr_values[k][v]);
		if (t->attr_values)
			free(t->attr_values[k]);
		free(t->attr_names[k]);
	}
	free(t->attr_values);
	free(t->attr_names);
	free(t->ev);
	free(t->pa);
	free(t->pe);
	free(t->pw);
	for (igraph_integer_t i = 0; t->prole && i < t->np; i++)
		free(t->prole[i]);
	free(t->prole);
	cm_names_free(&t->actors);
	cm_names_free(&t->events);
	memset(t, 0, sizeof(*t));
}

/* Find or add an event by id; a new one is undated and has no text yet. */
int cm_twomode_event(cm_twomode *t, const char *id, igraph_integer_t *idx, int *added)
{
	int rc = cm_names_add(&t->events, id, idx, added);

	if (rc < 0 || !*added)
		return rc;
	if ((size_t)*idx >= t->ev_cap) {
		size_t cap = t->ev_cap ? 2 * t->ev_cap : 64;
		cm_event *p = realloc(t->ev, cap * sizeof(*p));

		if (!p)
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		t->ev = p;
		t->ev_cap = cap;
	}
	memset(&t->ev[*idx], 0, sizeof(t->ev[*idx]));
	t->ev[*idx].year = NAN;
	return 0;
}

/* Append one participation, growing the arrays by doubling. */
int cm_twomode_add(cm_twomode *t, igraph_integer_t a, igraph_integer_t e, double w)
{
	if ((size_t)t->np >= t->p_cap) {
		size_t cap = t->p_cap ? 2 * t->p_cap : 256;
		igraph_integer_t *pa = realloc(t->pa, cap * sizeof(*pa)), *pe;
		double *pw;
		char **pr;

		if (!pa)
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		t->pa = pa;
		if (!(pe = realloc(t->pe, cap * sizeof(*pe))))
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		t->pe = pe;
		if (!(pw = realloc(t->pw, cap * sizeof(*pw))))
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		t->pw = pw;
		if (!(pr = realloc(t->prole, cap * sizeof(*pr))))
			return cm_error_set(CM_ENOMEM, _("out of memory"));
		t->prole = pr;
		t->p_cap = cap;
	}
	t->pa[t->np] = a;
	t->pe[t->np] = e;
	t->pw[t->np] = w;
	t->prole[t->np] = NULL;
	t->np++;
	return 0;
}
