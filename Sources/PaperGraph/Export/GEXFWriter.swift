/// GEXF 1.3 for Gephi, with time: every node and edge starts on the Monday of the week it
/// was first read (a paper without a digest week, on its arXiv month), so Gephi's timeline
/// plays the graph growing week by week. The relation is also the edge's label.
public enum GEXFWriter {
    static let nodeAttributes = ["kind", "name", "title", "url", "arxiv", "month", "topic", "aliases", "papers"]
    static let edgeAttributes = ["relation", "digest", "line", "evidence"]

    public static func write(_ store: GraphStore, scope: ExportScope = .everything, to write: (String) throws -> Void) throws {
        try write(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
              <meta><creator>papergraph</creator><description>Papers, methods, datasets and metrics from paper-reading digests</description></meta>
              <graph defaultedgetype="directed" mode="dynamic" timeformat="date">
                <attributes class="node" mode="static">

            """)
        for (i, title) in nodeAttributes.enumerated() {
            try write("      <attribute id=\"n\(i)\" title=\"\(title)\" type=\"\(title == "papers" ? "integer" : "string")\"/>\n")
        }
        try write("    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n")
        for (i, title) in edgeAttributes.enumerated() {
            try write("      <attribute id=\"e\(i)\" title=\"\(title)\" type=\"\(title == "line" ? "integer" : "string")\"/>\n")
        }
        try write("    </attributes>\n    <nodes>\n")
        func values(_ prefix: String, _ names: [String], _ data: [String: String?]) -> String {
            var out = "<attvalues>"
            for (i, name) in names.enumerated() {
                if let value = data[name] ?? nil { out += "<attvalue for=\"\(prefix)\(i)\" value=\"\(XMLText.escape(value))\"/>" }
            }
            return out + "</attvalues>"
        }
        func node(_ id: String, _ label: String, start: String?, _ data: [String: String?]) throws {
            let time = start.map { " start=\"\($0)\"" } ?? ""
            try write(
                "      <node id=\"\(XMLText.escape(id))\" label=\"\(XMLText.escape(label))\"\(time)>"
                    + values("n", nodeAttributes, data) + "</node>\n")
        }
        var edgeNumber = 0
        try scope.read(
            store,
            paper: { p in
                let start = p.digests.first.flatMap(WeekDate.monday(of:)) ?? WeekDate.firstDay(ofMonth: p.month)
                try node(
                    p.id, p.name ?? p.title, start: start,
                    [
                        "kind": "paper", "name": p.name, "title": p.title, "url": p.url, "arxiv": p.arxiv, "month": p.month, "topic": p.topic,
                    ])
            },
            entity: { e in
                try node(
                    e.entity.id, e.entity.name, start: e.firstDigest.flatMap(WeekDate.monday(of:)),
                    [
                        "kind": e.entity.kind, "name": e.entity.name, "aliases": e.entity.aliases.joined(separator: "; "), "papers": String(e.papers),
                    ])
            },
            edge: { e in
                edgeNumber += 1
                let time = WeekDate.monday(of: e.digest).map { " start=\"\($0)\"" } ?? ""
                try write(
                    "      <edge id=\"\(edgeNumber)\" source=\"\(XMLText.escape(e.source))\" target=\"\(XMLText.escape(e.target))\" "
                        + "label=\"\(e.relation)\"\(time)>"
                        + values("e", edgeAttributes, ["relation": e.relation, "digest": e.digest, "line": String(e.line), "evidence": e.evidence])
                        + "</edge>\n")
            },
            sectionEnded: { section in
                if section == .entities { try write("    </nodes>\n    <edges>\n") }
            })
        try write("    </edges>\n  </graph>\n</gexf>\n")
    }
}
