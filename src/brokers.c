/* brokers (not written yet). */
#include "internal.h"
