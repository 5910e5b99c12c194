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
    init(scalars: some Sequence<Unicode.Scalar>) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self = String(view)
    }
}
