/// GraphML for Gephi, Cytoscape and yEd: one node per paper and entity with typed
/// attributes declared by `<key>`, one edge per stored edge (parallel typed edges kept).
public enum GraphMLWriter {
    static let nodeKeys: [(id: String, type: String)] = [
        ("kind", "string"), ("name", "string"), ("title", "string"), ("url", "string"), ("arxiv", "string"),
        ("month", "string"), ("topic", "string"), ("topics", "string"), ("digests", "string"), ("aliases", "string"),
        ("papers", "int"),
    ]
    static let edgeKeys: [(id: String, type: String)] = [
        ("relation", "string"), ("digest", "string"), ("language", "string"), ("line", "int"), ("evidence", "string"),
    ]

    public static func write(_ store: GraphStore, scope: ExportScope = .everything, to write: (String) throws -> Void) throws {
        try write(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """)
        for (id, type) in nodeKeys { try write("  <key id=\"\(id)\" for=\"node\" attr.name=\"\(id)\" attr.type=\"\(type)\"/>\n") }
        for (id, type) in edgeKeys { try write("  <key id=\"\(id)\" for=\"edge\" attr.name=\"\(id)\" attr.type=\"\(type)\"/>\n") }
        try write("  <graph id=\"papergraph\" edgedefault=\"directed\">\n")
        func node(_ id: String, _ data: [(String, String?)]) throws {
            var out = "    <node id=\"\(XMLText.escape(id))\">"
            for (key, value) in data { if let value { out += "<data key=\"\(key)\">\(XMLText.escape(value))</data>" } }
            try write(out + "</node>\n")
        }
        var edgeNumber = 0
        try scope.read(
            store,
            paper: { p in
                try node(
                    p.id,
                    [
                        ("kind", "paper"), ("name", p.name), ("title", p.title), ("url", p.url), ("arxiv", p.arxiv),
                        ("month", p.month), ("topic", p.topic), ("topics", p.topics.joined(separator: "; ")),
                        ("digests", p.digests.joined(separator: "; ")),
                    ])
            },
            entity: { e in
                try node(
                    e.entity.id,
                    [
                        ("kind", e.entity.kind), ("name", e.entity.name), ("aliases", e.entity.aliases.joined(separator: "; ")),
                        ("papers", String(e.papers)),
                    ])
            },
            edge: { e in
                edgeNumber += 1
                try write(
                    "    <edge id=\"e\(edgeNumber)\" source=\"\(XMLText.escape(e.source))\" target=\"\(XMLText.escape(e.target))\">"
                        + "<data key=\"relation\">\(e.relation)</data><data key=\"digest\">\(XMLText.escape(e.digest))</data>"
                        + "<data key=\"language\">\(XMLText.escape(e.language))</data><data key=\"line\">\(e.line)</data>"
                        + "<data key=\"evidence\">\(XMLText.escape(e.evidence))</data></edge>\n")
            })
        try write("  </graph>\n</graphml>\n")
    }
}
