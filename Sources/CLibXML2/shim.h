#include <libxml/xmlversion.h>
// libxml2's ICU support pulls ICU's headers in, which clash with Foundation's own copy of ICU;
// nothing here uses libxml2's ICU converters.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

// xmlFree is a global function pointer, which Swift 6 will not touch from Swift.
static inline void twingraph_xmlFree(void *p) { xmlFree(p); }
