/*
 * jemalloc's options for the briefgen binaries, read by jemalloc when it starts (it looks for a
 * global named `malloc_conf`; the `MALLOC_CONF` environment variable still overrides it).
 *
 * thp:always: jemalloc asks the kernel for transparent huge pages for its memory, so a build
 * faults its heap in 2 MiB pages instead of 4 KiB ones. A rebuild after one edit of 10,000
 * articles decodes 10,000 cached summaries into about 100 MB of small strings: 28,000 page faults,
 * a fifth of its CPU time. With huge pages its system time falls by about a third (Benchmarks
 * README); the price is a few MB more resident memory.
 *
 * Where briefgen is linked without jemalloc (BRIEFGEN_SYSTEM_MALLOC=1, macOS), nothing reads it.
 */
const char *malloc_conf = "thp:always";
