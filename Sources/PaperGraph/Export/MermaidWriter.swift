/// A map as a Mermaid `flowchart`, which GitHub renders in a README: the same nodes and
/// edges as the Graphviz map (layout-only edges and the legend left out), ids generated,
/// labels quoted with Mermaid's entity codes.
public enum MermaidWriter {
    static func label(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "&": out += "#amp;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            // Every line break JavaScript or Unicode knows (a NEL in a title broke a statement
            // in two; found by fuzzing).
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}": out += "<br/>"
            case "`": out += "#96;"
            default: if scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Node shape by kind: paper box, method stadium, dataset cylinder, metric parallelogram.
    static func shaped(_ text: String, shape: String?) -> String {
        switch shape {
        case "ellipse": return "([\"\(text)\"])"
        case "cylinder": return "[(\"\(text)\")]"
        case "note": return "[/\"\(text)\"/]"
        default: return "[\"\(text)\"]"
        }
    }

    static let arrows = ["derived_from": "-->", "builds_on": "-.->", "proposes": "==>"]

    public static func flowchart(_ map: GraphMap, direction: String = "TB") -> String {
        var ids: [String: String] = [:]
        var lines = ["flowchart \(direction)"]
        if let title = map.graph.graphAttributes["label"] { lines.append("  %% " + title.split(whereSeparator: \.isNewline).joined(separator: " ")) }
        for (i, node) in map.graph.nodes.enumerated() {
            let id = "n\(i)"
            ids[node.key] = id
            let text = label(node.attributes["label"] ?? node.key)
            lines.append("  \(id)\(shaped(text, shape: node.attributes["shape"]))")
            let kind =
                node.attributes["shape"] == "box"
                ? "paper"
                : node.attributes["shape"] == "cylinder"
                    ? "dataset"
                    : node.attributes["shape"] == "note" ? "metric" : "method"
            lines.append("  class \(id) \(kind)")
        }
        for edge in map.graph.edges where edge.attributes["style"] != "invis" {
            guard let from = ids[edge.from], let to = ids[edge.to] else { continue }
            let relation = (edge.attributes["tooltip"] ?? "").replacingOccurrences(of: " ", with: "_")
            lines.append("  \(from) \(arrows[relation] ?? "-->") \(to)")
        }
        lines += [
            "  classDef paper fill:#FFF2C2,stroke:#B08900",
            "  classDef method fill:#DCE9F9,stroke:#2B5797",
            "  classDef dataset fill:#DDF2DD,stroke:#2E7D32",
            "  classDef metric fill:#EEEEEE,stroke:#666666",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
