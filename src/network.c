/* The network model (not written yet). */
#include "internal.h"

void cm_network_free(cm_network *net)
{
	(void)net;
}
