/* isolated (not written yet). */
#include "internal.h"
