// Yams does not vend its bundled libyaml as a product, but the module is on every dependent's
// search path; its scanner is the only way to see an alias before Yams resolves it.
import CYaml

/// Finds YAML aliases (`*name`) before Yams composes the document.
///
/// `Yams.compose` replaces every alias with the node it names, so the node tree briefgen gets
/// cannot tell an alias from the value written out, and a few hundred bytes of nested aliases
/// ("billion laughs") expand into gigabytes once converted; an alias used as a mapping key is
/// hashed whole inside Yams itself. libyaml's scanner reads the text as YAML does (quotes,
/// comments, block scalars, `R&D` and `5 * 3` in plain text are not anchors or aliases) and
/// expands nothing, so refusing here costs one pass over the rare front matter that holds `*`.
/// An anchor (`&name`) alone expands nothing and is let through, as it always was.
enum YAMLAnchors {
    struct Found: Equatable {
        /// 1-based, within the YAML text.
        var line: Int
        var column: Int
    }

    /// The first alias in `yaml`; nil when there is none, or when the text stops being YAML
    /// before one (Yams then reports the syntax error).
    static func firstAlias(in yaml: String) -> Found? {
        var yaml = yaml
        return yaml.withUTF8 { bytes -> Found? in
            guard let base = bytes.baseAddress, bytes.contains(UInt8(ascii: "*")) else { return nil }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, base, bytes.count)
            while true {
                var token = yaml_token_t()
                guard yaml_parser_scan(&parser, &token) == 1 else { return nil }
                defer { yaml_token_delete(&token) }
                switch token.type {
                case YAML_ALIAS_TOKEN: return Found(line: Int(token.start_mark.line) + 1, column: Int(token.start_mark.column) + 1)
                case YAML_STREAM_END_TOKEN: return nil
                default: break
                }
            }
        }
    }
}
