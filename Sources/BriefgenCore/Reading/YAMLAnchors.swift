// Yams does not vend its bundled libyaml as a product, but the module is on every dependent's
// search path; its scanner is the only way to see an alias before Yams resolves it.
import CYaml

/// Finds YAML anchors (`&name`) and aliases (`*name`) before Yams composes the document.
///
/// `Yams.compose` replaces every alias with the node it names, so the node tree briefgen gets
/// cannot tell an alias from the value written out, and a few hundred bytes of nested aliases
/// ("billion laughs") expand into gigabytes once converted; an alias used as a mapping key is
/// hashed whole inside Yams itself. libyaml's scanner reads the text as YAML does (quotes,
/// comments, block scalars, `R&D` and `5 * 3` in plain text are not anchors or aliases) and
/// expands nothing, so refusing here costs one pass over the rare front matter that holds `&` or `*`.
enum YAMLAnchors {
    struct Found: Equatable {
        var isAlias: Bool
        /// 1-based, within the YAML text.
        var line: Int
        var column: Int
    }

    /// The first alias in `yaml`, or else the first anchor; nil when there is neither, or when the
    /// text stops being YAML before either (Yams then reports the syntax error).
    static func first(in yaml: String) -> Found? {
        var yaml = yaml
        return yaml.withUTF8 { bytes -> Found? in
            guard let base = bytes.baseAddress,
                  bytes.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }) else { return nil }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, base, bytes.count)
            var anchor: Found?
            while true {
                var token = yaml_token_t()
                guard yaml_parser_scan(&parser, &token) == 1 else { return anchor }
                defer { yaml_token_delete(&token) }
                let found = Found(isAlias: token.type == YAML_ALIAS_TOKEN, line: Int(token.start_mark.line) + 1,
                                  column: Int(token.start_mark.column) + 1)
                switch token.type {
                case YAML_ALIAS_TOKEN: return found
                case YAML_ANCHOR_TOKEN: if anchor == nil { anchor = found }
                case YAML_STREAM_END_TOKEN: return anchor
                default: break
                }
            }
        }
    }
}
