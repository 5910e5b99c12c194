#ifndef BRIEFGEN_SYSTEM_SHIMS_H
#define BRIEFGEN_SYSTEM_SHIMS_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

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

#endif
