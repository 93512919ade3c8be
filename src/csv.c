/* CSV reading (not written yet). */
#include "internal.h"
