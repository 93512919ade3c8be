/* metrics (not written yet). */
#include "internal.h"
