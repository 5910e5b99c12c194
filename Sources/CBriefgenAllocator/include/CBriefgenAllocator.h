/* Nothing to call: allocator_options.c only defines the options jemalloc reads at start-up. */
