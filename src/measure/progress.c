/* igraph's progress reports, forwarded to coopmap's handler (cm_progress). */
#include "coopmap/common.h"
#include "measure/progress.h"

/* What igraph's progress reports are about, for the forwarding handler. */
static const char *progress_what;

/* Name the igraph progress reports that follow. */
void cm_measure_progress_name(const char *what)
{
	progress_what = what;
}

/* Forward igraph's progress reports (percentages) to coopmap's handler. */
igraph_error_t cm_measure_forward_progress(const char *message, igraph_real_t percent, void *data)
{
	(void)data;
	cm_progress(progress_what ? progress_what : message, percent, 100.0);
	return IGRAPH_SUCCESS;
}
