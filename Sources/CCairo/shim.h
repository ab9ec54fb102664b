#ifndef WENSHU_CCAIRO_SHIM_H
#define WENSHU_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-ft.h>
#endif
