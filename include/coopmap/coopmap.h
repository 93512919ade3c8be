/**
 * @file coopmap/coopmap.h
 * @brief Umbrella header of the coopmap library.
 */
#ifndef COOPMAP_H
#define COOPMAP_H

#include "common.h"
#include "network.h"
#include "table.h"
#include "output.h"
#include "metrics.h"
#include "render.h"
#include "analysis.h"

#endif
