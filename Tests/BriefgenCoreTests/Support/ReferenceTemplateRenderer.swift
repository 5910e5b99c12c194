@testable import BriefgenCore

/// The template renderer as it was before templates were compiled to flat programs: a walk over
/// the parsed node tree, with partials and blocks found by name. Kept to check the compiled
/// renderer against, on the sample theme and on generated templates.
struct ReferenceTemplateRenderer {
    let templates: [String: Template]

    func render(_ name: String, _ context: TemplateValue) -> [UInt8] {
        guard let template = templates[name] else { return [] }
        var output: [UInt8] = []
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
                guard let value = TemplateEngineTests.lookupLongWay(name, in: stack) else { continue }
                append(value, to: &output, escape: escaped && escaping)
            case .section(let name, let children, let raw):
                guard let value = TemplateEngineTests.lookupLongWay(name, in: stack) else { continue }
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
                if !(TemplateEngineTests.lookupLongWay(name, in: stack)?.isTruthy ?? false) {
                    render(children, into: &output, stack: &stack, blocks: blocks, escaping: escaping)
                }
            case .partial(let name, let indentation, _, _):
                guard let template = templates[name] else { continue }
                var partial: [UInt8] = []
                render(template.nodes, into: &partial, stack: &stack, blocks: blocks, escaping: true)
                append(partial, indentedWith: indentation, to: &output)
            case .parent(let name, let overrides, let indentation, _, _):
                guard let template = templates[name] else { continue }
                // Blocks given further out win over this template's own overrides.
                let merged = overrides.merging(blocks) { _, outer in outer }
                var parent: [UInt8] = []
                render(template.nodes, into: &parent, stack: &stack, blocks: merged, escaping: true)
                append(parent, indentedWith: indentation, to: &output)
            case .block(let name, let defaults):
                render(blocks[name] ?? defaults, into: &output, stack: &stack, blocks: blocks, escaping: escaping)
            }
        }
    }

    private func append(_ value: TemplateValue, to output: inout [UInt8], escape: Bool) {
        let text: String
        switch value {
        case .string(let string): text = string
        case .pieces(let pieces): text = pieces.joined()
        case .prepared(let prepared): text = prepared.text
        case .int(let number): text = String(number)
        case .bool(let flag): text = flag ? "true" : "false"
        case .lambda(let function): text = function("")
        case .null, .list, .object: return
        }
        output += Array((escape ? ReferenceEscaping.html(text) : text).utf8)
    }

    /// Every line of the included text starts indented (nothing changes for no indentation).
    private func append(_ text: [UInt8], indentedWith indentation: String, to output: inout [UInt8]) {
        var atLineStart = true
        for byte in text {
            if atLineStart, byte != 0x0A { output += Array(indentation.utf8) }
            output.append(byte)
            atLineStart = byte == 0x0A
        }
    }
}
