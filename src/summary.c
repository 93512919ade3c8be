/* summary (not written yet). */
#include "internal.h"

int cm_summary_compute(cm_summary *out, const cm_network *net, unsigned long seed)
{
	(void)out; (void)net; (void)seed;
	return cm_error_set(CM_ERROR, "summary is not implemented yet");
}

void cm_summary_free(cm_summary *s)
{
	(void)s;
}

int cm_summary_write(FILE *f, const cm_summary *s, cm_format format)
{
	(void)f; (void)s; (void)format;
	return 0;
}
