#ifndef TWINGRAPH_CGRAPHVIZ_SHIM_H
#define TWINGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
