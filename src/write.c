/* write (not written yet). */
#include "internal.h"
