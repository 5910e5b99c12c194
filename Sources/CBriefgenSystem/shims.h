#ifndef BRIEFGEN_SYSTEM_SHIMS_H
#define BRIEFGEN_SYSTEM_SHIMS_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

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

/* The C library's substring search (a GNU extension, so not in Swift's Glibc module). */
static inline void *briefgen_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}

/* Flags set by many threads at once, read after they are done (which names a theme's pages
   resolved): relaxed atomics, so the common case, a flag already set, is a plain load. */
static inline unsigned char briefgen_flags_load(const unsigned char *flags, long index) {
    return __atomic_load_n(flags + index, __ATOMIC_RELAXED);
}

static inline void briefgen_flags_set(unsigned char *flags, long index, unsigned char bits) {
    __atomic_fetch_or(flags + index, bits, __ATOMIC_RELAXED);
}

/* The write end of the pipe the stop signals are reported on; -1 until they are watched. */
static int briefgen_stop_signal_pipe_write = -1;

static void briefgen_report_stop_signal(int signal_number) {
    int saved = errno;
    unsigned char byte = (unsigned char)signal_number;
    ssize_t written = write(briefgen_stop_signal_pipe_write, &byte, 1);
    (void)written;
    errno = saved;
}

/* Reports every SIGINT and SIGTERM as one byte (the signal's number) on a pipe, and returns the
   pipe's read end (-1 on failure). A plain handler on whichever thread the kernel picks, and a
   write (safe in a signal handler): libdispatch's signal sources on Linux sometimes left a
   Ctrl-C pending on a thread that blocks it, and the server never stopped. */
static inline int briefgen_watch_stop_signals(void) {
    int ends[2];
    if (pipe2(ends, O_CLOEXEC) != 0) return -1;
    /* A handler must never block: when the pipe is full, a further signal is dropped. */
    if (fcntl(ends[1], F_SETFL, O_NONBLOCK) != 0) return -1;
    briefgen_stop_signal_pipe_write = ends[1];
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = briefgen_report_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    /* SIGHUP too: closing the terminal `serve` runs in must clean up as Ctrl-C does. */
    if (sigaction(SIGINT, &action, NULL) != 0 || sigaction(SIGTERM, &action, NULL) != 0 || sigaction(SIGHUP, &action, NULL) != 0) return -1;
    return ends[0];
}

#endif
