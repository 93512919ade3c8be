/* graphviz (not written yet). */
#include "internal.h"

void cm_gv_shutdown(void)
{
}
