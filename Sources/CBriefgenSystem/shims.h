#ifndef BRIEFGEN_SYSTEM_SHIMS_H
#define BRIEFGEN_SYSTEM_SHIMS_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

/* Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE), so that a finished
   build replaces the output folder in one step. Returns -1 with errno ENOSYS where unsupported;
   the caller then falls back to two renames. */
static inline int briefgen_exchange_paths(const char *a, const char *b) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
    (void)a; (void)b;
    errno = ENOSYS;
    return -1;
#endif
}

/* Asks glibc's malloc to grow its heaps by `bytes` at a time (M_TOP_PAD). No-op elsewhere. */
static inline void briefgen_set_heap_top_pad(int bytes) {
#if defined(__GLIBC__)
    mallopt(M_TOP_PAD, bytes);
#else
    (void)bytes;
#endif
}

#endif
