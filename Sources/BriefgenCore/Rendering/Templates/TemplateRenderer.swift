/// Renders compiled templates: one pass over a template's operations, appending UTF-8 to a
/// single byte buffer (which is what gets written to disk), with HTML escaping done over bytes.
struct TemplateRenderer {
    let program: TemplateProgram
    /// Which names the pages rendered so far found; shared by every copy of the renderer.
    let usage: NameUsage

    init(templates: [String: Template]) {
        program = TemplateProgram(templates: templates)
        usage = NameUsage(names: program.nameSites.count)
    }

    func render(_ name: String, _ context: TemplateValue) -> String {
        String(decoding: renderBytes(name, context), as: UTF8.self)
    }

    /// Room a page is first written into: more than any page of the sample and benchmark sites
    /// needs but the home page. Uninitialised, so it costs only its allocation.
    static let pageCapacity = 64 * 1024

    /// The page is written straight into the array's storage; copied once only when it outgrows
    /// `pageCapacity`. (Writing into a buffer of its own and copying every page into an array at
    /// the end cost a copy of each page.)
    func renderBytes(_ name: String, _ context: TemplateValue) -> [UInt8] {
        renderPage(name, context).bytes
    }

    /// One template opened while a page rendered, and the tag that opened it.
    struct IncludeStep: Equatable, Sendable {
        var template: String
        /// The template holding the tag (inside a parent's block override, the one that gave it).
        var tagTemplate: String
        var line: Int
        var column: Int
    }

    /// The page, and when its partials and parents nested deeper than `IncludeDepth.limit`, the
    /// templates that were open, outermost first (then the page is incomplete and must not be
    /// written).
    /// `includesTooMany` likewise when the page made more than `IncludeDepth.totalLimit` inclusions.
    func renderPage(_ name: String, _ context: TemplateValue) -> (bytes: [UInt8], includesTooDeep: [IncludeStep]?, includesTooMany: [IncludeStep]?) {
        guard let number = program.numbers[name] else { return ([], nil, nil) }
        var grown: [UInt8]?
        let includes = IncludeDepth()
        let page = [UInt8](unsafeUninitializedCapacity: Self.pageCapacity) { memory, initialized in
            var output = PageBytes(writingInto: memory)
            render(number, context, into: &output, includes: includes)
            if output.ownsMemory {
                grown = output.array
                initialized = 0
            } else {
                initialized = output.count
            }
        }
        func steps(_ open: [(template: Int32, site: Int32)]) -> [IncludeStep] {
            open.map { step in
                let site = program.tagSites[step.site]
                return IncludeStep(template: program.templateNames[Int(step.template)],
                                   tagTemplate: site.map { program.templateNames[Int($0.template)] } ?? "",
                                   line: site?.line ?? 0, column: site?.column ?? 0)
            }
        }
        return (grown ?? page, includes.exceeded.map(steps), includes.tooMany.map(steps))
    }

    private func render(_ number: Int, _ context: TemplateValue, into output: inout PageBytes, includes: IncludeDepth) {
        var stack = [context]
        program.ops.withUnsafeBufferPointer { ops in
            program.bytes.withUnsafeBufferPointer { bytes in
                program.names.withUnsafeBufferPointer { names in
                    program.keys.withUnsafeBufferPointer { keys in
                        program.transforms.withUnsafeBufferPointer { transforms in
                            let view = ProgramView(program: program, ops: ops, bytes: bytes, names: names, keys: keys,
                                                   transforms: transforms, includes: includes, usage: usage)
                            view.render(program.bodies[number], into: &output, stack: &stack, blocks: [], escaping: true)
                        }
                    }
                }
            }
        }
    }

    /// Finds a name: the first part up the stack (unless it starts with a dot), the rest inside it.
    ///
    /// Walks the stack and the parts by index: iterating `stack.reversed()` and
    /// `keys.dropFirst()` copied (retained and released) a value or a slice at every step, and a
    /// page looks up over a hundred names.
    static func lookup(_ name: TemplateName, in stack: [TemplateValue]) -> TemplateValue? {
        name.keys.withUnsafeBufferPointer { keys in
            name.transformKinds.withUnsafeBufferPointer { transforms in
                lookup(keys: keys, transforms: transforms, currentOnly: name.currentOnly, in: stack)
            }
        }
    }

    /// A name given as its keys and transforms, read in place.
    static func lookup(keys: UnsafeBufferPointer<TemplateKey>, transforms: UnsafeBufferPointer<TemplateTransform>,
                       currentOnly: Bool, in stack: [TemplateValue]) -> TemplateValue? {
        lookupNoting(keys: keys, transforms: transforms, currentOnly: currentOnly, in: stack).value
    }

    /// The value, and whether every key of the name was there (a key whose value is null was:
    /// `empty(missing)` gives a value for a name that is not).
    static func lookupNoting(keys: UnsafeBufferPointer<TemplateKey>, transforms: UnsafeBufferPointer<TemplateTransform>,
                             currentOnly: Bool, in stack: [TemplateValue]) -> (value: TemplateValue?, found: Bool) {
        var value: TemplateValue?
        if keys.isEmpty {
            value = stack.last
        } else if currentOnly {
            value = stack.last?.child(keys[0])
        } else {
            value = stack.withUnsafeBufferPointer { stack in
                var index = stack.count - 1
                while index >= 0 {
                    if let found = stack[index].child(keys[0]) { return found }
                    index -= 1
                }
                return nil
            }
        }
        var part = 1
        while part < keys.count, let current = value {
            value = current.child(keys[part])
            part += 1
        }
        if value == nil, part < keys.count { return (nil, false) }
        let found = value != nil
        for transform in transforms {
            guard let current = value else {
                // `empty(missing)` is true: nothing there is empty.
                if transform == .empty { value = .bool(true); continue }
                return (nil, found)
            }
            value = apply(transform, to: current)
        }
        return (value, found)
    }

    /// A transform given by its name, as a theme writes it.
    static func apply(_ transform: String, to value: TemplateValue) -> TemplateValue? {
        apply(TemplateTransform(transform), to: value)
    }

    /// The transforms themes use: counts and emptiness of lists, case of text, first and last items.
    static func apply(_ transform: TemplateTransform, to value: TemplateValue) -> TemplateValue? {
        switch (transform, value) {
        case (_, .pieces(let pieces)): return apply(transform, to: .string(pieces.joined()))
        case (_, .prepared(let prepared)): return apply(transform, to: .string(prepared.text))
        case (.empty, .list(let items)): return .bool(items.isEmpty)
        case (.empty, .string(let text)): return .bool(text.isEmpty)
        case (.empty, .null): return .bool(true)
        case (.empty, .object(let fields)): return .bool(fields.isEmpty)
        case (.count, .list(let items)): return .int(items.count)
        case (.first, .list(let items)): return items.first
        case (.last, .list(let items)): return items.last
        case (.reversed, .list(let items)): return .list(items.reversed())
        case (.lowercased, .string(let text)): return .string(text.lowercased())
        case (.uppercased, .string(let text)): return .string(text.uppercased())
        case (.capitalized, .string(let text)): return .string(text.prefix(1).uppercased() + text.dropFirst())
        case (.plusone, .int(let number)): return .int(number + 1)
        case (.minusone, .int(let number)): return .int(number - 1)
        case (.even, .int(let number)): return .bool(number % 2 == 0)
        case (.odd, .int(let number)): return .bool(number % 2 != 0)
        default: return nil
        }
    }

    static func append(_ value: TemplateValue, to output: inout PageBytes, escape: Bool) {
        switch value {
        case .string(let text): escape ? output.append(escaping: text) : output.append(text)
        case .pieces(let pieces):
            // Escaping works byte by byte, so escaping each piece escapes the whole.
            for piece in pieces { escape ? output.append(escaping: piece) : output.append(piece) }
        case .prepared(let prepared):
            if escape {
                prepared.escaped.withUnsafeBufferPointer { output.append($0) }
            } else {
                output.append(prepared.text)
            }
        case .int(let number): output.append(String(number))
        case .bool(let flag): output.append(flag ? "true" : "false")
        case .lambda(let function): escape ? output.append(escaping: function("")) : output.append(function(""))
        case .null, .list, .object: break
        }
    }
}
