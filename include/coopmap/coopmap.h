/**
 * @file coopmap/coopmap.h
 * @brief Umbrella header of the coopmap library.
 *
 * The headers follow the library's folders (src/): common, text, table and
 * output (base); network (model); filter; load and regions (load); summary,
 * metrics, isolated, clubs and brokers (measure); writers, export and
 * render (present).
 */
#ifndef COOPMAP_H
#define COOPMAP_H

#include "common.h"
#include "text.h"
#include "table.h"
#include "output.h"
#include "network.h"
#include "filter.h"
#include "load.h"
#include "regions.h"
#include "check.h"
#include "summary.h"
#include "metrics.h"
#include "isolated.h"
#include "clubs.h"
#include "brokers.h"
#include "diff.h"
#include "suggest.h"
#include "writers.h"
#include "export.h"
#include "render.h"
#include "report.h"

#endif
