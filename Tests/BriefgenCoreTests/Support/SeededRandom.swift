/// A fixed-seed generator (a 64-bit linear congruential one), for the tests that compare a fast
/// path with the plain code it replaced on many generated inputs: the same inputs on every run,
/// so a failure can be reproduced.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A number from 0 up to, not including, `bound`.
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}

/// The same idea as a `RandomNumberGenerator` (SplitMix64), for tests that draw with the standard
/// library (`randomElement(using:)`, `Int.random(in:using:)`).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
