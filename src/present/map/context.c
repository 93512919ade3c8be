/* The one Graphviz context (GVC_t) of the process, created on first use. */
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
