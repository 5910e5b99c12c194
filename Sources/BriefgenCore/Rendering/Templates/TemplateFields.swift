/// The fields of a template object: names with values, kept in the order they were set.
///
/// A page context is built once and read a few times, from objects of a handful to a few dozen
/// fields. A `Dictionary` paid for SipHash on every insertion and every lookup, and for its
/// storage; here each name is hashed once, cheaply, when set, and templates look names up by a
/// hash computed once when the template was parsed, comparing 64-bit integers.
public struct TemplateFields: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    private struct Field: Sendable {
        var name: String
        var hash: UInt64
        var value: TemplateValue
    }

    /// One array, so an object is one allocation.
    private var fields: [Field] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(distinct: elements)
    }

    /// Fields whose names are all different, as in a literal (a `Dictionary` literal traps on a
    /// repeated key; this one checks in debug builds): appended without looking for an earlier one.
    init(distinct elements: [(String, TemplateValue)]) {
        fields.reserveCapacity(elements.count)
        for (name, value) in elements {
            let key = TemplateKey(name)
            assert(index(of: key) == nil, "the field '\(name)' is given twice")
            fields.append(Field(name: name, hash: key.hash, value: value))
        }
    }

    /// Room for `capacity` fields, to be filled with `append(_:_:)`.
    init(capacity: Int) {
        fields.reserveCapacity(capacity)
    }

    /// Adds a field whose name is not there yet, under a key hashed beforehand. The objects
    /// listing pages build by the thousand (developments, quotes, cards) use this: a literal
    /// hashed every name again and went through an array of pairs, which cost more than the values.
    mutating func append(_ key: TemplateKey, _ value: TemplateValue) {
        assert(index(of: key) == nil, "the field '\(key.name)' is given twice")
        fields.append(Field(name: key.name, hash: key.hash, value: value))
    }

    public var isEmpty: Bool { fields.isEmpty }
    public var count: Int { fields.count }

    /// The value of a field; setting an existing name replaces its value, setting nil removes it.
    public subscript(name: String) -> TemplateValue? {
        get { self[TemplateKey(name)] }
        set {
            let key = TemplateKey(name)
            if let index = index(of: key) {
                if let newValue { fields[index].value = newValue } else { fields.remove(at: index) }
            } else if let newValue {
                fields.append(Field(name: name, hash: key.hash, value: newValue))
            }
        }
    }

    @inline(__always)
    subscript(key: TemplateKey) -> TemplateValue? {
        index(of: key).map { fields[$0].value }
    }

    @inline(__always)
    private func index(of key: TemplateKey) -> Int? {
        fields.withUnsafeBufferPointer { fields in
            for index in fields.indices where fields[index].hash == key.hash && fields[index].name == key.name { return index }
            return nil
        }
    }

    public func makeIterator() -> AnyIterator<(key: String, value: TemplateValue)> {
        var iterator = fields.makeIterator()
        return AnyIterator { iterator.next().map { ($0.name, $0.value) } }
    }
}

/// A field name with its hash, worked out once (when a template is parsed, or a field is set).
struct TemplateKey: Sendable, Equatable {
    let name: String
    let hash: UInt64

    init(_ name: String) {
        self.name = name
        var text = name
        hash = text.withUTF8 { Hashing.hash($0) }
    }
}
