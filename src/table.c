/* table (not written yet). */
#include "internal.h"

int cm_format_parse(cm_format *out, const char *name)
{
	(void)out;
	return cm_error_set(CM_EUSAGE, "unknown format '%s'", name);
}
