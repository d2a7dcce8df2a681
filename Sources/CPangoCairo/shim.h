#ifndef TWINGRAPH_CPANGOCAIRO_SHIM_H
#define TWINGRAPH_CPANGOCAIRO_SHIM_H
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#endif
