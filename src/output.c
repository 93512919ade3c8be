/* output (not written yet). */
#include "internal.h"

void cm_output_abort_all_signal_safe(void)
{
}
