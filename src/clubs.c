/* clubs (not written yet). */
#include "internal.h"
