/// How maps look: one shape and colour per kind, one line style per relation, a legend,
/// wrapped labels and a CJK-capable font, so a reader needs no manual.
public enum MapStyle {
    /// Installed by the make targets (fonts-wqy-microhei); without it PNG/PDF show boxes for Chinese.
    public static let font = "WenQuanYi Micro Hei"

    static let kindAttributes: [String: [String: String]] = [
        "paper": ["shape": "box", "style": "rounded,filled", "fillcolor": "#FFF2C2", "color": "#B08900"],
        "method": ["shape": "ellipse", "style": "filled", "fillcolor": "#D6E6FF", "color": "#2F5FA8"],
        "dataset": ["shape": "cylinder", "style": "filled", "fillcolor": "#D8F2D8", "color": "#2E7D32"],
        "metric": ["shape": "note", "style": "filled", "fillcolor": "#EEEEEE", "color": "#777777"],
    ]

    static let relationAttributes: [String: [String: String]] = [
        "proposes": ["color": "#B08900", "penwidth": "2"],
        "builds_on": ["color": "#2F5FA8", "penwidth": "2"],
        "derived_from": ["color": "#2F5FA8", "penwidth": "1.6"],
        "compares_with": ["color": "#C62828", "style": "dashed"],
        "evaluates_on": ["color": "#2E7D32", "style": "dotted", "penwidth": "1.4"],
        "uses": ["color": "#6A1B9A"],
        "mentions": ["color": "#9E9E9E", "style": "dotted"],
        "reports": ["color": "#9E9E9E", "style": "dotted"],
        "related": ["color": "#8D6E63", "style": "dashed", "penwidth": "1.4"],
    ]

    static func graph(title: String, rankdir: String) -> [String: String] {
        [
            "fontname": font, "label": title, "labelloc": "t", "fontsize": "16", "rankdir": rankdir,
            "newrank": "true", "nodesep": "0.25", "ranksep": "0.5", "pad": "0.3", "bgcolor": "white",
        ]
    }

    static let nodeDefaults = ["fontname": font, "fontsize": "10", "margin": "0.08,0.04"]
    static let edgeDefaults = ["fontname": font, "fontsize": "8", "arrowsize": "0.6"]

    static func paper(_ key: String, name: String?, title: String, url: String?) -> DotGraph.Node {
        var attributes = kindAttributes["paper"]!
        let label = name.map { "\($0)\n" + wrap(title, width: 26, lines: 2) } ?? wrap(title, width: 26, lines: 3)
        attributes["label"] = label
        attributes["tooltip"] = title
        if let url { attributes["URL"] = url; attributes["target"] = "_blank" }
        return DotGraph.Node(key: key, attributes: attributes)
    }

    static func entity(_ key: String, name: String, kind: String, aliases: [String]) -> DotGraph.Node {
        var attributes = kindAttributes[kind] ?? kindAttributes["method"]!
        attributes["label"] = wrap(name, width: 22, lines: 2)
        attributes["tooltip"] = aliases.isEmpty ? "\(name) (\(kind))" : "\(name) (\(kind)); also: \(aliases.joined(separator: ", "))"
        return DotGraph.Node(key: key, attributes: attributes)
    }

    static func edge(_ from: String, _ to: String, relation: String, label: String? = nil) -> DotGraph.Edge {
        var attributes = relationAttributes[relation] ?? [:]
        if let label { attributes["label"] = label }
        attributes["tooltip"] = relation.replacingOccurrences(of: "_", with: " ")
        return DotGraph.Edge(from: from, to: to, attributes: attributes)
    }

    /// A boxed key: one sample node per kind shown, and the line style of each relation shown.
    static func legend(kinds: [String], relations: [String]) -> DotGraph.Cluster {
        var nodes = kinds.map { kind -> DotGraph.Node in
            var attributes = kindAttributes[kind]!
            attributes["label"] = kind
            return DotGraph.Node(key: "legend:\(kind)", attributes: attributes)
        }
        let lines = relations.map { relation -> String in
            let style = relationAttributes[relation]?["style"] ?? "solid"
            let stroke = style == "dashed" ? "- - -" : style == "dotted" ? "· · ·" : "——"
            let colour = colourName[relationAttributes[relation]?["color"] ?? ""] ?? ""
            return "\(stroke) \(colour) \(relation.replacingOccurrences(of: "_", with: " "))"
        }
        if !lines.isEmpty {
            nodes.append(
                DotGraph.Node(
                    key: "legend:edges",
                    attributes: [
                        "shape": "plaintext", "label": lines.joined(separator: "\n") + "\n", "fontsize": "9",
                    ]))
        }
        return DotGraph.Cluster(
            key: "legend",
            attributes: [
                "label": "Legend", "style": "rounded,dashed", "color": "#BBBBBB", "fontsize": "11",
            ], nodes: nodes)
    }

    static let colourName = [
        "#B08900": "gold", "#2F5FA8": "blue", "#C62828": "red", "#2E7D32": "green",
        "#6A1B9A": "purple", "#9E9E9E": "grey", "#8D6E63": "brown",
    ]

    /// Wraps text to `width` display columns (CJK counts two), between words or CJK
    /// characters, keeping at most `lines` lines and ending a cut with an ellipsis.
    public static func wrap(_ text: String, width: Int, lines maxLines: Int) -> String {
        // Units: a Latin word (with the space before it) or a single CJK character.
        var units: [(text: String, spaced: Bool)] = []
        var word = "", spaced = false
        func flush() { if !word.isEmpty { units.append((word, spaced)); word = ""; spaced = false } }
        for ch in text {
            if ch == " " || ch == "\n" { flush(); spaced = true; continue }
            if ch.unicodeScalars.contains(where: TextSegmenter.isCJK) { flush(); units.append((String(ch), spaced)); spaced = false; continue }
            word.append(ch)
        }
        flush()
        var lines: [String] = [], current = "", used = 0
        var placed = 0
        for unit in units {
            var piece = unit.text
            while !piece.isEmpty {
                let gap = (current.isEmpty || !unit.spaced || piece != unit.text) ? 0 : 1
                let w = ResultTable.displayWidth(piece)
                if used + gap + w <= width {
                    current += String(repeating: " ", count: gap) + piece
                    used += gap + w
                    piece = ""
                } else if current.isEmpty {
                    // A word wider than a line: cut it.
                    var head = "", hw = 0
                    for ch in piece {
                        let cw = ResultTable.displayWidth(String(ch))
                        if hw + cw > width { break }
                        head.append(ch); hw += cw
                    }
                    lines.append(head)
                    piece.removeFirst(max(head.count, 1))
                } else {
                    lines.append(current); current = ""; used = 0
                }
                if lines.count == maxLines { break }
            }
            if lines.count == maxLines { break }
            placed += 1
        }
        if lines.count < maxLines, !current.isEmpty { lines.append(current) }
        let cut = placed < units.count
        return lines.prefix(maxLines).joined(separator: "\n") + (cut ? "…" : "")
    }
}
