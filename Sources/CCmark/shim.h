#ifndef BRIEFGEN_CCMARK_SHIM_H
#define BRIEFGEN_CCMARK_SHIM_H
#include <cmark.h>
#endif
