/// A compiled program read in place while one page renders: its operations, text and names are
/// reached through pointers, so reading an operation or a name copies nothing that is counted.
struct ProgramView {
    let program: TemplateProgram
    let ops: UnsafeBufferPointer<TemplateOp>
    let bytes: UnsafeBufferPointer<UInt8>
    let names: UnsafeBufferPointer<CompiledName>
    let keys: UnsafeBufferPointer<TemplateKey>
    let transforms: UnsafeBufferPointer<TemplateTransform>
    /// How deep partials and parents are nested while this page renders.
    let includes: IncludeDepth
    /// Which names the pages found.
    let usage: NameUsage

    /// Renders the operations in `range`. `blocks` holds, for each block number, the first and
    /// end operation of the content that replaces the block (two entries per block, -1 for none);
    /// empty when no parent gave any.
    func render(_ range: Range<Int>, into output: inout PageBytes, stack: inout [TemplateValue],
                blocks: [Int32], escaping initialEscaping: Bool) {
        var escaping = initialEscaping
        var index = range.lowerBound
        while index < range.upperBound {
            let op = ops[index]
            index += 1
            switch op {
            case .text(let start, let count):
                output.append(UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(start + count)]))
            case .escaping(let value):
                escaping = value
            case .variable(let name, let escaped):
                guard let value = lookup(name, in: stack) else { continue }
                TemplateRenderer.append(value, to: &output, escape: escaped && escaping)
            case .section(let name, let raw, let end):
                let children = index..<Int(end)
                index = Int(end)
                guard let value = lookup(name, in: stack) else { continue }
                section(value, children, raw: raw, into: &output, stack: &stack, blocks: blocks, escaping: escaping)
            case .inverted(let name, let end):
                let children = index..<Int(end)
                index = Int(end)
                if !(lookup(name, in: stack)?.isTruthy ?? false) {
                    render(children, into: &output, stack: &stack, blocks: blocks, escaping: escaping)
                }
            case .partial(let template, let indentation):
                guard template >= 0 else { continue }
                include(template, from: index - 1, indentation: indentation, into: &output, stack: &stack, blocks: blocks)
            case .parent(let template, let overrides, let indentation, let end):
                let site = index - 1
                index = Int(end)
                guard template >= 0 else { continue }
                let merged = merging(program.overrides[Int(overrides)], into: blocks)
                include(template, from: site, indentation: indentation, into: &output, stack: &stack, blocks: merged)
            case .block(let block, let end):
                let defaults = index..<Int(end)
                index = Int(end)
                let slot = 2 * Int(block)
                let content = slot < blocks.count && blocks[slot] >= 0 ? Int(blocks[slot])..<Int(blocks[slot + 1]) : defaults
                render(content, into: &output, stack: &stack, blocks: blocks, escaping: escaping)
            }
        }
    }

    /// A section's children, shown for each item of a list, once for a true or other truthy
    /// value (which becomes the current item), or replaced by what a lambda returns.
    private func section(_ value: TemplateValue, _ children: Range<Int>, raw: Int32, into output: inout PageBytes,
                         stack: inout [TemplateValue], blocks: [Int32], escaping: Bool) {
        switch value {
        case .list(let items):
            for item in items {
                stack.append(item)
                render(children, into: &output, stack: &stack, blocks: blocks, escaping: escaping)
                stack.removeLast()
            }
        case .lambda(let function):
            TemplateRenderer.append(.string(function(program.strings[Int(raw)])), to: &output, escape: escaping)
        case .bool(let flag):
            if flag { render(children, into: &output, stack: &stack, blocks: blocks, escaping: escaping) }
        default:
            guard value.isTruthy else { return }
            stack.append(value)
            render(children, into: &output, stack: &stack, blocks: blocks, escaping: escaping)
            stack.removeLast()
        }
    }

    /// A partial or parent template, escaping from the start, every line indented when the tag
    /// stood alone on an indented line.
    /// `site` is the number of the tag's operation, kept to report a runaway nesting.
    private func include(_ template: Int32, from site: Int, indentation: Int32, into output: inout PageBytes,
                         stack: inout [TemplateValue], blocks: [Int32]) {
        guard includes.enter(template, from: Int32(site)) else { return }
        defer { includes.leave() }
        let body = program.bodies[Int(template)]
        if indentation < 0 {
            render(body, into: &output, stack: &stack, blocks: blocks, escaping: true)
        } else {
            var included = PageBytes(capacity: 4096)
            render(body, into: &included, stack: &stack, blocks: blocks, escaping: true)
            output.append(included, indentedWith: program.strings[Int(indentation)])
        }
    }

    /// A parent's own overrides under the blocks given further out, which win.
    private func merging(_ overrides: [TemplateProgram.BlockOverride], into blocks: [Int32]) -> [Int32] {
        guard !overrides.isEmpty else { return blocks }
        var merged = blocks.isEmpty ? [Int32](repeating: -1, count: 2 * program.blockCount) : blocks
        for override in overrides where merged[2 * Int(override.block)] < 0 {
            merged[2 * Int(override.block)] = override.start
            merged[2 * Int(override.block) + 1] = override.end
        }
        return merged
    }

    private func lookup(_ number: Int32, in stack: [TemplateValue]) -> TemplateValue? {
        let name = names[Int(number)]
        let start = Int(name.keyStart), transformStart = Int(name.transformStart)
        let nameKeys = UnsafeBufferPointer(rebasing: keys[start..<start + Int(name.keyCount)])
        let (value, found) = TemplateRenderer.lookupNoting(keys: nameKeys,
                                                           transforms: UnsafeBufferPointer(rebasing: transforms[transformStart..<transformStart + Int(name.transformCount)]),
                                                           currentOnly: name.currentOnly, in: stack)
        usage.note(number, found: found, keys: nameKeys, currentOnly: name.currentOnly, stack: stack)
        return value
    }
}

/// The nesting of partials and parents on one page. Templates that include each other without
/// end (a parent's block override that includes a template which names the same parent again)
/// would recurse until the thread's stack overflows; past `limit` levels nothing more is
/// included and the page is marked, so the build reports the theme's mistake instead of crashing.
final class IncludeDepth {
    /// Themes nest a handful of levels; a worker thread's stack holds far more than this.
    static let limit = 64
    /// The templates open, outermost first, each with the operation of the tag that opened it.
    private(set) var open: [(template: Int32, site: Int32)] = []
    /// `open` when the limit was reached, and the tag that would have gone one deeper.
    private(set) var exceeded: [(template: Int32, site: Int32)]?

    /// How many inclusions one page may make in all. Partials that each include the next twice,
    /// thirty deep, never nest past `limit` yet make a billion inclusions: the build ran for
    /// ever, its memory growing. A page of the default theme makes a few hundred; a sitemap of
    /// 50,000 entries with a partial per entry nested a few deep makes a few hundred thousand.
    static let totalLimit = 2_000_000
    private var entered = 0
    /// `open` when `totalLimit` was reached, and the tag that went past it.
    private(set) var tooMany: [(template: Int32, site: Int32)]?

    init() { open.reserveCapacity(IncludeDepth.limit) }

    /// False, and nothing is to be included, once `limit` levels are open or `totalLimit`
    /// inclusions were made.
    func enter(_ template: Int32, from site: Int32) -> Bool {
        guard open.count < IncludeDepth.limit else {
            if exceeded == nil { exceeded = open + [(template, site)] }
            return false
        }
        entered += 1
        guard entered <= IncludeDepth.totalLimit else {
            if tooMany == nil { tooMany = open + [(template, site)] }
            return false
        }
        open.append((template, site))
        return true
    }

    func leave() { open.removeLast() }
}
