import CBriefgenSystem

/// Process-wide memory settings for the command-line tool.
public enum MemoryTuning {
    /// Asks malloc to grow its heaps in large steps. The worker threads' arenas otherwise grow a
    /// few pages at a time, and each step (an `mprotect` call under the process's memory lock)
    /// made the threads wait on each other: a sixth of a 10,000-article rebuild. Padding that is
    /// never touched is not resident, so peak memory does not change.
    public static func growHeapsInLargeSteps() {
        briefgen_set_heap_top_pad(128 << 20)
    }
}
