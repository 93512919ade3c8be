/* Loading networks from files (not written yet). */
#include "internal.h"

int cm_network_load(cm_network **out, const char *input, const cm_load_options *opts)
{
	(void)opts;
	*out = NULL;
	return cm_error_set(CM_ERROR, "%s: loading is not implemented yet", input);
}
