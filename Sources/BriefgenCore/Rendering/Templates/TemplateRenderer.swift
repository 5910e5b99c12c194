/// Renders parsed templates: one pass over the node tree, appending UTF-8 to a single byte
/// buffer (which is what gets written to disk), with HTML escaping done over bytes.
struct TemplateRenderer {
    let templates: [String: Template]

    func render(_ name: String, _ context: TemplateValue) -> String {
        String(decoding: renderBytes(name, context), as: UTF8.self)
    }

    func renderBytes(_ name: String, _ context: TemplateValue) -> [UInt8] {
        guard let template = templates[name] else { return [] }
        var output: [UInt8] = []
        output.reserveCapacity(32 * 1024)
        var stack = [context]
        render(template.nodes, into: &output, stack: &stack, blocks: [:], escaping: true)
        return output
    }

    private func render(_ nodes: [TemplateNode], into output: inout [UInt8], stack: inout [TemplateValue],
                        blocks: [String: [TemplateNode]], escaping initialEscaping: Bool) {
        var escaping = initialEscaping
        for node in nodes {
            switch node {
            case .text(let text):
                output.append(contentsOf: text)
            case .escaping(let value):
                escaping = value
            case .variable(let name, let escaped):
                guard let value = lookup(name, in: stack) else { continue }
                append(value, to: &output, escape: escaped && escaping)
            case .section(let name, let children, let raw, _):
                guard let value = lookup(name, in: stack) else { continue }
                switch value {
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        render(children, into: &output, stack: &stack, blocks: blocks, escaping: escaping)
                        stack.removeLast()
                    }
                case .lambda(let function):
                    append(.string(function(raw)), to: &output, escape: escaping)
                case .bool(let flag):
                    if flag { render(children, into: &output, stack: &stack, blocks: blocks, escaping: escaping) }
                default:
                    guard value.isTruthy else { continue }
                    stack.append(value)
                    render(children, into: &output, stack: &stack, blocks: blocks, escaping: escaping)
                    stack.removeLast()
                }
            case .inverted(let name, let children):
                if !(lookup(name, in: stack)?.isTruthy ?? false) {
                    render(children, into: &output, stack: &stack, blocks: blocks, escaping: escaping)
                }
            case .partial(let name, let indentation, _, _):
                guard let template = templates[name] else { continue }
                if indentation.isEmpty {
                    render(template.nodes, into: &output, stack: &stack, blocks: blocks, escaping: true)
                } else {
                    var partial: [UInt8] = []
                    render(template.nodes, into: &partial, stack: &stack, blocks: blocks, escaping: true)
                    Self.append(partial, indentedWith: indentation, to: &output)
                }
            case .parent(let name, let overrides, let indentation, _, _):
                guard let template = templates[name] else { continue }
                // Blocks given further out win over this template's own overrides.
                let merged = overrides.merging(blocks) { _, outer in outer }
                if indentation.isEmpty {
                    render(template.nodes, into: &output, stack: &stack, blocks: merged, escaping: true)
                } else {
                    var parent: [UInt8] = []
                    render(template.nodes, into: &parent, stack: &stack, blocks: merged, escaping: true)
                    Self.append(parent, indentedWith: indentation, to: &output)
                }
            case .block(let name, let defaults):
                render(blocks[name] ?? defaults, into: &output, stack: &stack, blocks: blocks, escaping: escaping)
            }
        }
    }

    /// Finds a name: the first part up the stack (unless it starts with a dot), the rest inside it.
    ///
    /// Walks the stack and the parts by index: iterating `stack.reversed()` and
    /// `keys.dropFirst()` copied (retained and released) a value or a slice at every step, and a
    /// page looks up over a hundred names.
    func lookup(_ name: TemplateName, in stack: [TemplateValue]) -> TemplateValue? {
        let keys = name.keys
        var value: TemplateValue?
        if keys.isEmpty {
            value = stack.last
        } else if name.currentOnly {
            value = stack.last?.child(keys[0])
        } else {
            let first = keys[0]
            var index = stack.count - 1
            while index >= 0 {
                if case .object(let fields) = stack[index], let found = fields[first] {
                    value = found
                    break
                }
                index -= 1
            }
        }
        var part = 1
        while part < keys.count, let current = value {
            value = current.child(keys[part])
            part += 1
        }
        if value == nil, part < keys.count { return nil }
        for transform in name.transforms {
            guard let current = value else {
                // `empty(missing)` is true: nothing there is empty.
                if transform == "empty" { value = .bool(true); continue }
                return nil
            }
            value = Self.apply(transform, to: current)
        }
        return value
    }

    /// The transforms themes use: counts and emptiness of lists, case of text, first and last items.
    static func apply(_ transform: String, to value: TemplateValue) -> TemplateValue? {
        switch (transform, value) {
        case ("empty", .list(let items)): return .bool(items.isEmpty)
        case ("empty", .string(let text)): return .bool(text.isEmpty)
        case ("empty", .null): return .bool(true)
        case ("empty", .object(let fields)): return .bool(fields.isEmpty)
        case ("count", .list(let items)): return .int(items.count)
        case ("first", .list(let items)): return items.first
        case ("last", .list(let items)): return items.last
        case ("reversed", .list(let items)): return .list(items.reversed())
        case ("lowercased", .string(let text)): return .string(text.lowercased())
        case ("uppercased", .string(let text)): return .string(text.uppercased())
        case ("capitalized", .string(let text)): return .string(text.prefix(1).uppercased() + text.dropFirst())
        case ("plusone", .int(let number)): return .int(number + 1)
        case ("minusone", .int(let number)): return .int(number - 1)
        case ("even", .int(let number)): return .bool(number % 2 == 0)
        case ("odd", .int(let number)): return .bool(number % 2 != 0)
        default: return nil
        }
    }

    private func append(_ value: TemplateValue, to output: inout [UInt8], escape: Bool) {
        switch value {
        case .string(let text): escape ? HTMLEscaping.append(escaping: text, to: &output) : Self.append(text, to: &output)
        case .int(let number): Self.append(String(number), to: &output)
        case .bool(let flag): Self.append(flag ? "true" : "false", to: &output)
        case .lambda(let function): escape ? HTMLEscaping.append(escaping: function(""), to: &output) : Self.append(function(""), to: &output)
        case .null, .list, .object: break
        }
    }

    /// Reads the string's bytes in place: `withUTF8` needed a mutable copy, a retain and a
    /// release for every piece of text and every value a page writes.
    @inline(__always) static func append(_ text: String, to output: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ output.append(contentsOf: $0) }) == nil {
            output.append(contentsOf: text.utf8)
        }
    }

    /// Mustache's standalone partial indentation: every line of the partial starts indented.
    static func append(_ text: [UInt8], indentedWith indentation: String, to output: inout [UInt8]) {
        let prefix = Array(indentation.utf8)
        var atLineStart = true
        for byte in text {
            if atLineStart, byte != 0x0A { output += prefix }
            output.append(byte)
            atLineStart = byte == 0x0A
        }
    }
}
