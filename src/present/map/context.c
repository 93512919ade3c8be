/* The one Graphviz context (GVC_t) of the process, created on first use. */
#include <stdint.h>
#include <stdio.h>

#include <gvc.h>

#include "present/map/context.h"
#include "coopmap/common.h"
#include "base/error.h"
#include "load/dot.h"
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
 * the report's map) and fdp laid them out accordingly.  This discipline maps
 * no name itself, so cgraph keeps the names in its internal map and numbers
 * every object in the order it is made.  Odd numbers, as cgraph's own
 * anonymous ids (even ones are names' addresses).  (Written here because Graphviz 2.43 has no such option.)
 */
static void *gv_id_open(Agraph_t *g, Agdisc_t *disc)
{
	(void)disc;
	return g;
}

/*
 * Hand out the next number; other names are left to cgraph's internal map.
 * The root graph's name is the exception, kept as cgraph's own discipline
 * keeps names (its interned string is its id): agclose() frees the internal
 * map's entry of every object but the root's, and the root's id sets no order.
 */
static long gv_id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
	static IDTYPE next = 1;
	Agraph_t *root = state;

	if (str && objtype == AGRAPH && AGID(root) == 0 && createflag) {
		/* agopen() maps the root's name before giving it an id (an even address) */
		char *s = agstrdup(root, str);

		if (!s)
			return 0;
		*id = (IDTYPE)(uintptr_t)s;
		return 1;
	}
	if (str)
		return 0;
	*id = next;
	next += 2;
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

/* Free the root's interned name; the other ids hold nothing. */
static void gv_id_free(void *state, int objtype, IDTYPE id)
{
	(void)objtype;
	if (id % 2 == 0)
		agstrfree(state, (char *)(uintptr_t)id);
}

/* The root's name is its id; cgraph's internal map prints the others. */
static char *gv_id_print(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	return id % 2 == 0 ? (char *)(uintptr_t)id : NULL;
}

/* Nothing to close. */
static void gv_id_close(void *state)
{
	(void)state;
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
