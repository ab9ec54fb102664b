#ifndef WENSHU_CFONTCONFIG_SHIM_H
#define WENSHU_CFONTCONFIG_SHIM_H
#include <fontconfig/fontconfig.h>
#endif
