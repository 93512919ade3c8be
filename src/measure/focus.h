/* What the analyses (isolated, clubs, brokers) share. */
#ifndef COOPMAP_MEASURE_FOCUS_H
#define COOPMAP_MEASURE_FOCUS_H

#include "coopmap/network.h"

/* 0 when some actor has type `type`; otherwise CM_EUSAGE listing the types present. */
int cm_analysis_check_type(const cm_network *net, const char *type);

/*
 * The same for a command's own analysis (isolated, clubs, suggest): no
 * type at all is CM_EINPUT (the data lacks it); when most actors have no
 * type, a notice names them.
 */
int cm_analysis_focus_type(const cm_network *net, const char *type);

#endif
