/// A theme's templates compiled into one flat list of operations, for rendering.
///
/// The parsed tree (`TemplateNode`) is an indirect enum whose payloads hold arrays and strings:
/// walking it copied every node's payload, a retain and a release per node and several per
/// variable, and a partial or parent was found by hashing its name with SipHash on every page.
/// Here every operation is a few integers (copying one costs nothing), text is a range of one
/// byte pool, names, partials and blocks are indices worked out once, and a section's children
/// are the operations that follow it, up to its `end`.
struct TemplateProgram: Sendable {
    private(set) var ops: [TemplateOp] = []
    /// Every piece of template text, one after the other.
    private(set) var bytes: [UInt8] = []
    /// Names as ranges of `keys` and `transforms`: reading one copies no array.
    private(set) var names: [CompiledName] = []
    private(set) var keys: [TemplateKey] = []
    private(set) var transforms: [TemplateTransform] = []
    /// Raw section bodies (for lambdas) and partial indentations.
    private(set) var strings: [String] = []
    /// Each parent tag's overrides: (block, first op, end op).
    private(set) var overrides: [[BlockOverride]] = []
    /// Each template's operations, by template number.
    private(set) var bodies: [Range<Int>] = []
    /// Template numbers by name.
    let numbers: [String: Int]
    /// Template names by number.
    let templateNames: [String]
    /// Where each name stands (its template, line and column) and how it is written, by number:
    /// for reporting a name no page has, never read while rendering.
    private(set) var nameSites: [(template: Int32, line: Int, column: Int, written: String)] = []
    /// Where each `{{> …}}` and `{{< …}}` tag stands in its file, by the number of its operation:
    /// for reporting the tag that closes a loop of templates, never read while rendering.
    private(set) var tagSites: [Int32: TagSite] = [:]

    struct TagSite: Sendable {
        var template: Int32
        var line: Int
        var column: Int
    }

    /// The template being compiled.
    private var current: Int32 = -1
    /// Block names by number: how many different blocks the theme has.
    private var blockNumbers: [String: Int32] = [:]
    var blockCount: Int { blockNumbers.count }

    struct BlockOverride: Sendable {
        var block: Int32
        var start: Int32
        var end: Int32
    }

    init(templates: [String: Template]) {
        let sortedNames = templates.keys.sorted()
        numbers = Dictionary(uniqueKeysWithValues: sortedNames.enumerated().map { ($1, $0) })
        templateNames = sortedNames
        for name in sortedNames {
            current = Int32(numbers[name]!)
            let start = ops.count
            emit(templates[name]!.nodes)
            bodies.append(start..<ops.count)
        }
    }

    private mutating func emit(_ nodes: [TemplateNode]) {
        for node in nodes { emit(node) }
    }

    private mutating func emit(_ node: TemplateNode) {
        switch node {
        case .text(let text):
            ops.append(.text(start: Int32(bytes.count), count: Int32(text.count)))
            bytes += text
        case .variable(let name, let escaped):
            ops.append(.variable(name: intern(name), escaped: escaped))
        case .section(let name, let children, let raw):
            let name = intern(name), raw = intern(raw)
            emitWithChildren(children) { .section(name: name, raw: raw, end: $0) }
        case .inverted(let name, let children):
            let name = intern(name)
            emitWithChildren(children) { .inverted(name: name, end: $0) }
        case .block(let name, let defaults):
            let block = blockNumber(name)
            emitWithChildren(defaults) { .block(block: block, end: $0) }
        case .partial(let name, let indentation, let line, let column):
            tagSites[Int32(ops.count)] = TagSite(template: current, line: line, column: column)
            ops.append(.partial(template: template(name), indentation: indentation.isEmpty ? -1 : intern(indentation)))
        case .parent(let name, let blocks, let indentation, let line, let column):
            let position = ops.count
            tagSites[Int32(position)] = TagSite(template: current, line: line, column: column)
            ops.append(.escaping(true))
            var list: [BlockOverride] = []
            // Sorted, so a theme compiles to the same program every time.
            for blockName in blocks.keys.sorted() {
                let start = Int32(ops.count)
                emit(blocks[blockName]!)
                list.append(BlockOverride(block: blockNumber(blockName), start: start, end: Int32(ops.count)))
            }
            overrides.append(list)
            ops[position] = .parent(template: template(name), overrides: Int32(overrides.count - 1),
                                    indentation: indentation.isEmpty ? -1 : intern(indentation), end: Int32(ops.count))
        case .escaping(let value):
            ops.append(.escaping(value))
        }
    }

    /// Appends an operation whose children follow it; `make` is given the end of the children.
    private mutating func emitWithChildren(_ children: [TemplateNode], _ make: (Int32) -> TemplateOp) {
        let position = ops.count
        ops.append(.escaping(true))
        emit(children)
        ops[position] = make(Int32(ops.count))
    }

    private mutating func intern(_ name: TemplateName) -> Int32 {
        names.append(CompiledName(keyStart: Int32(keys.count), keyCount: Int32(name.keys.count),
                                  transformStart: Int32(transforms.count), transformCount: Int32(name.transformKinds.count),
                                  currentOnly: name.currentOnly))
        keys += name.keys
        transforms += name.transformKinds
        nameSites.append((current, name.position?.line ?? 0, name.position?.column ?? 0, name.written))
        return Int32(names.count - 1)
    }

    private mutating func intern(_ text: String) -> Int32 {
        strings.append(text)
        return Int32(strings.count - 1)
    }

    private func template(_ name: String) -> Int32 {
        numbers[name].map(Int32.init) ?? -1
    }

    private mutating func blockNumber(_ name: String) -> Int32 {
        if let number = blockNumbers[name] { return number }
        let number = Int32(blockNumbers.count)
        blockNumbers[name] = number
        return number
    }
}

/// A `TemplateName` as ranges of its program's key and transform lists.
struct CompiledName: Sendable {
    var keyStart: Int32
    var keyCount: Int32
    var transformStart: Int32
    var transformCount: Int32
    var currentOnly: Bool
}

/// One step of a compiled template. Operations with children (`section`, `inverted`, `block`,
/// `parent`) are followed by them, and `end` is the operation after the last one.
enum TemplateOp: Sendable {
    /// `count` bytes of the program's byte pool from `start`.
    case text(start: Int32, count: Int32)
    case variable(name: Int32, escaped: Bool)
    case section(name: Int32, raw: Int32, end: Int32)
    case inverted(name: Int32, end: Int32)
    /// `template` is -1 when there is no such template; `indentation` -1 when there is none.
    case partial(template: Int32, indentation: Int32)
    /// The operations up to `end` are the overrides' bodies, listed in `overrides`.
    case parent(template: Int32, overrides: Int32, indentation: Int32, end: Int32)
    /// The children are the block's default content.
    case block(block: Int32, end: Int32)
    case escaping(Bool)
}
