/// Writes a ``DotGraph`` as DOT text, byte-identical for the same graph.
///
/// Every node gets a generated id (`n0`, `n1`, … in insertion order); every attribute
/// value is a quoted string with `\` and `"` escaped, line breaks written as `\n` and `&`
/// written as `&amp;` (Graphviz reads HTML entities in labels and copies URLs raw into SVG);
/// attributes are sorted by name. Nothing here can fail.
public enum DotWriter {
    public static func write(_ graph: DotGraph) -> String {
        var ids: [String: String] = [:]
        func id(_ key: String) -> String {
            if let existing = ids[key] { return existing }
            let new = "n\(ids.count)"
            ids[key] = new
            return new
        }
        var out = "digraph G {\n"
        if !graph.graphAttributes.isEmpty { out += "  graph \(attributes(graph.graphAttributes));\n" }
        if !graph.nodeDefaults.isEmpty { out += "  node \(attributes(graph.nodeDefaults));\n" }
        if !graph.edgeDefaults.isEmpty { out += "  edge \(attributes(graph.edgeDefaults));\n" }
        for (index, cluster) in graph.clusters.enumerated() {
            out += "  subgraph cluster_\(index) {\n"
            for (name, value) in cluster.attributes.sorted(by: { $0.key < $1.key }) {
                out += "    \(name)=\(Self.value(value, of: name));\n"
            }
            for node in cluster.nodes { out += "    \(id(node.key)) \(attributes(node.attributes));\n" }
            out += "  }\n"
        }
        for node in graph.nodes { out += "  \(id(node.key)) \(attributes(node.attributes));\n" }
        for edge in graph.edges {
            let a = id(edge.from), b = id(edge.to)
            out += "  \(a) -> \(b)\(edge.attributes.isEmpty ? "" : " " + attributes(edge.attributes));\n"
        }
        out += "}\n"
        return out
    }

    static func attributes(_ attributes: [String: String]) -> String {
        "[" + attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\(value($0.value, of: $0.key))" }.joined(separator: ", ") + "]"
    }

    /// The attributes Graphviz copies into SVG as they are, unescaped.
    static let linkAttributes: Set<String> = ["URL", "href", "headURL", "tailURL", "labelURL", "edgeURL", "headhref", "tailhref", "labelhref", "edgehref"]

    /// Attribute `name`'s value as written: a link has the characters that could end an SVG
    /// attribute or tag percent-encoded first (found by fuzzing: a `"` in a paper's link
    /// reached the SVG raw), which a valid URL never holds unencoded anyway.
    public static func value(_ value: String, of name: String) -> String {
        guard linkAttributes.contains(name) else { return self.value(value) }
        return self.value(
            value.mappingScalars { scalar in
                switch scalar {
                case "\"", "<", ">", "\\", "`", " ", "{", "}", "|", "^":
                    return String(format: "%%%02X", scalar.value)
                default: return scalar.value < 0x20 || scalar.value == 0x7F ? String(format: "%%%02X", scalar.value) : nil
                }
            })
    }

    /// A quoted string, or an HTML-like label built by ``DotGraph/html(_:)`` (already escaped
    /// by its builder), written between `<` and `>`.
    static func value(_ value: String) -> String {
        // By code points: a combining mark after the marker must not hide it (or fake it).
        value.unicodeScalars.starts(with: DotGraph.htmlMarker.unicodeScalars)
            ? "<" + String(value.unicodeScalars.dropFirst(DotGraph.htmlMarker.unicodeScalars.count)) + ">" : quote(value)
    }

    /// A DOT quoted string: `\` and `"` escaped, line breaks as `\n`, `&` as `&amp;`, other controls dropped.
    ///
    /// A trailing backslash can never escape the closing quote, since every `\` is doubled.
    public static func quote(_ value: String) -> String {
        "\""
            + value.mappingScalars { scalar in
                switch scalar {
                case "\\": return "\\\\"
                case "\"": return "\\\""
                case "\n": return "\\n"
                case "&": return "&amp;"
                case "\r": return ""
                default: return scalar.value < 0x20 || scalar.value == 0x7F ? "" : nil
                }
            } + "\""
    }
}
