/* The one Graphviz context (GVC_t) of the process, created on first use. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gvc.h>

#include "present/map/context.h"
#include "coopmap/common.h"
#include "base/error.h"
#include "load/dot.h"
#include "model/names.h"
#include "present/map/graphviz.h"
#include "base/i18n.h"

/* The process-wide Graphviz context, created on first use. */
static GVC_t *gvc;

/* The shared context; NULL (with the error recorded) when Graphviz cannot start. */
GVC_t *cm_gv_context(void)
{
	if (!gvc) {
		cm_gv_begin();
		/* released by cm_shutdown(), before the messages buffer (registered by cm_gv_begin()) */
		(void)cm_shutdown_register(cm_gv_shutdown);
		gvc = gvContext();
		if (!gvc)
			cm_error_set(CM_ERROR, _("cannot start graphviz: %s"), cm_gv_last_error());
	}
	return gvc;
}

/* Free the process-wide context and Graphviz's messages buffer. */
void cm_gv_shutdown(void)
{
	if (gvc)
		gvFreeContext(gvc);
	gvc = NULL;
	cm_gv_messages_free();
}

/*
 * cgraph's default id discipline makes a named object's id the address of
 * its interned name, and keeps subgraphs sorted by id: the region boxes
 * came out in an order that moved with the heap (a longer -o path reordered
 * the report's map) and fdp laid them out accordingly.  This discipline
 * numbers names in the order they first come (the one name map,
 * model/names.c) and keeps their text itself: cgraph's own internal map
 * cannot hold them, since closing any subgraph (the layouts' temporary
 * component subgraphs, or agclose) empties it for the whole graph, which
 * turned node names into "%N" and leaked the entries.  Named objects get
 * even ids, anonymous ones odd ids, as in cgraph's own discipline.
 * (Written here because Graphviz 2.43 has no such option.)
 */
struct gv_ids {
	Agraph_t *root;       /* the graph whose string table holds the names */
	cm_names names;       /* name -> index, in the order names came */
	char **text;          /* index -> the name, interned by cgraph (agstrdup: its writer asks them if HTML) */
	size_t n_text, cap_text;
	IDTYPE next_anon;     /* the next odd id */
};

/* A graph's table of names; NULL when memory is short (cgraph then falls back to its internal map). */
static void *gv_id_open(Agraph_t *g, Agdisc_t *disc)
{
	struct gv_ids *st = calloc(1, sizeof(*st));

	(void)disc;
	if (st) {
		st->root = g;
		st->next_anon = 1;
	}
	return st;
}

/* The id of a name (even: 2 (index + 1)), made when createflag; anonymous objects take the next odd id. */
static long gv_id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
	struct gv_ids *st = state;
	igraph_integer_t idx;
	int added = 0;

	(void)objtype;
	if (!st)
		return 0;
	if (!str) {
		*id = st->next_anon;
		st->next_anon += 2;
		return 1;
	}
	if (!createflag) {
		if ((idx = cm_names_get(&st->names, str)) < 0)
			return 0;
		*id = 2 * ((IDTYPE)idx + 1);
		return 1;
	}
	if (st->n_text == st->cap_text) {
		size_t cap = st->cap_text ? 2 * st->cap_text : 64;
		char **p = realloc(st->text, cap * sizeof(*p));

		if (!p)
			return 0;
		st->text = p;
		st->cap_text = cap;
	}
	if (cm_names_add(&st->names, str, &idx, &added) < 0)
		return 0;
	if (added) {
		/* index idx is taken even when memory runs out: its text is then NULL, printed as none */
		st->text[idx] = agstrdup(st->root, str);
		st->n_text = (size_t)idx + 1;
		if (!st->text[idx])
			return 0;
	}
	*id = 2 * ((IDTYPE)idx + 1);
	return 1;
}

/* No object may ask for an id of its own. */
static long gv_id_alloc(void *state, int objtype, IDTYPE request)
{
	(void)state;
	(void)objtype;
	(void)request;
	return 0;
}

/* Names stay until the graph closes: a node deleted and made again gets its id back. */
static void gv_id_free(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
}

/* The name of an even id; NULL for anonymous objects. */
static char *gv_id_print(void *state, int objtype, IDTYPE id)
{
	struct gv_ids *st = state;

	(void)objtype;
	if (!st || id % 2 != 0 || id / 2 - 1 >= st->n_text)
		return NULL;
	return st->text[id / 2 - 1];
}

/* Free the graph's table of names. */
static void gv_id_close(void *state)
{
	struct gv_ids *st = state;

	if (!st)
		return;
	/* called by agclose() before it closes the graph's strings */
	for (size_t i = 0; i < st->n_text; i++)
		if (st->text[i])
			agstrfree(st->root, st->text[i]);
	free(st->text);
	cm_names_free(&st->names);
	free(st);
}

/* Nothing to register. */
static void gv_id_register(void *state, int objtype, void *obj)
{
	(void)state;
	(void)objtype;
	(void)obj;
}

static Agiddisc_t gv_id_disc = {
	gv_id_open, gv_id_map, gv_id_alloc, gv_id_free, gv_id_print, gv_id_close, gv_id_register,
};

Agdisc_t cm_gv_disc = { &AgMemDisc, &gv_id_disc, &AgIoDisc };

/* Read agwrite()'s text back into a graph numbered by cm_gv_disc. */
Agraph_t *cm_gv_read_copy(char *text, size_t len)
{
	FILE *f = fmemopen(text, len, "r");
	Agraph_t *g;

	if (!f)
		return NULL;
	g = agread(f, &cm_gv_disc);
	fclose(f);
	return g;
}
