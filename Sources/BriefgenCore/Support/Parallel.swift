import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Data parallelism for the independent items of one stage (reading files, rendering pages).
///
/// Each item is transformed on its own; results land in their own slot of a preallocated array,
/// so no two threads ever touch the same memory and the output order is the input order.
public enum Parallel {
    /// Worker count; 1 turns every stage sequential (useful when profiling).
    nonisolated(unsafe) public static var width: Int = ProcessInfoWidth.activeProcessorCount

    public static func map<T, R>(_ items: [T], _ transform: (T) throws -> R) rethrows -> [R] {
        let count = items.count
        guard count > 1, width > 1 else { return try items.map(transform) }
        var results = [Result<R, Error>?](repeating: nil, count: count)
        // Small batches keep every core busy even when item costs vary (one long article).
        let batch = max(1, min(64, count / (width * 8)))
        let batches = (count + batch - 1) / batch
        // `transform` must be safe to call from several threads at once; every caller passes a pure
        // function of its item and of immutable values, which is what this stage design guarantees.
        withoutActuallyEscaping(transform) { transform in
            let work = UncheckedSendable(transform)
            results.withUnsafeMutableBufferPointer { slots in
                let slots = UnsafeSendableBuffer(slots)
                items.withUnsafeBufferPointer { input in
                    let input = UnsafeSendableInput(input)
                    DispatchQueue.concurrentPerform(iterations: batches) { batchIndex in
                        let start = batchIndex * batch
                        let end = min(start + batch, count)
                        for index in start..<end {
                            slots.buffer[index] = Result { try work.value(input.buffer[index]) }
                        }
                    }
                }
            }
        }
        return try results.map { try $0!.get() }
    }

    public static func forEach<T>(_ items: [T], _ body: (T) throws -> Void) rethrows {
        _ = try map(items, body)
    }
}

struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

struct UnsafeSendableBuffer<R>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<R>
    init(_ buffer: UnsafeMutableBufferPointer<R>) { self.buffer = buffer }
}

struct UnsafeSendableInput<T>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<T>
    init(_ buffer: UnsafeBufferPointer<T>) { self.buffer = buffer }
}

enum ProcessInfoWidth {
    static var activeProcessorCount: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 4
        #endif
    }
}
