/// Character classes on Unicode scalars, with ASCII answered without Unicode tables.
///
/// The quote and sentence scanners work on arrays of scalars rather than `Character`s: every
/// mark they look for is one scalar, and skipping grapheme breaking made them several times faster.
extension Unicode.Scalar {
    @inline(__always) var isWhitespace: Bool {
        value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }

    @inline(__always) var isLetter: Bool {
        value < 0x80 ? (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) : properties.isAlphabetic
    }

    @inline(__always) var isUppercase: Bool {
        value < 0x80 ? (0x41...0x5A).contains(value) : properties.isUppercase
    }

    @inline(__always) var isLowercase: Bool {
        value < 0x80 ? (0x61...0x7A).contains(value) : properties.isLowercase
    }

    @inline(__always) var isNumber: Bool {
        value < 0x80 ? (0x30...0x39).contains(value) : properties.numericType != nil
    }

    /// One of the scalars of `set`.
    @inline(__always) func isOne(of set: String) -> Bool {
        set.unicodeScalars.contains(self)
    }
}

extension String {
    /// Text from a slice of scalars.
    init(scalars: some Collection<Unicode.Scalar>) {
        // Encoding into bytes and decoding once is far cheaper than appending to a scalar view.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count + 8)
        for scalar in scalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
