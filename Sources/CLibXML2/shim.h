#ifndef WENSHU_CLIBXML2_SHIM_H
#define WENSHU_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its ICU headers clash with the ICU inside Foundation. Wenshu
   uses none of libxml2's ICU converters, so their declarations are left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function pointer, which Swift 6 will not read from concurrent code. */
static inline void wenshu_xml_free(void *p) { xmlFree(p); }
#endif
