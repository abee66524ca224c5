import Foundation
import PaperGraph

/// The formats target: arbitrary names, titles, topics, headings and links, through a digest
/// we compose and through a DOT graph we build, then every output papergraph writes, each
/// read back by a reader of that format (``WellFormed``).
public enum FormatFuzz {
    nonisolated(unsafe) static var store: GraphStore? = nil
    static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("papergraph-fuzz-\(getpid())")

    /// A digest with the fields in every place a name can be: topic heading, short name,
    /// title, link, method, parent, dataset and baseline names, free text.
    static func digest(_ f: FuzzFields) -> String {
        let (topic, name, title, method) = (f[0, or: "主题"], f[1, or: "Name"], f[2, or: "A Title"], f[3, or: "FooNet"])
        let (parent, dataset, baseline, rest) = (f[4, or: "VGGT"], f[5, or: "ScanNet"], f[6, or: "DUSt3R"], f[7, or: "。"])
        let link = f[8, or: "https://arxiv.org/abs/2502.00777"]
        return """
            # 2025 年第 7 周技术阅读汇总

            ## 学术研究

            ### \(topic)

            #### \(name)：\(title)

            [2502.00777 \(title)](\(link))

            本文提出 \(method)，基于 \(parent) 构建，在 \(dataset) 上评估，与 \(baseline) 对比\(rest)

            #### \(parent)：\(rest)

            [2502.00778 \(parent): \(title)](https://arxiv.org/abs/2502.00778)

            本文提出 \(parent)，基于 VGGT 构建，在 \(dataset) 上评估，与 \(baseline) 对比。

            """
    }

    /// A DOT graph whose labels, tooltips, links, cluster labels and HTML labels are the fields.
    static func graph(_ f: FuzzFields) -> DotGraph {
        var graph = DotGraph()
        graph.graphAttributes = ["label": f[0, or: "t"], "rankdir": "LR"]
        graph.nodeDefaults = ["fontsize": "10", "label": f[9, or: ""]]
        let nodes = (1...4).map { i in
            DotGraph.Node(key: f[i, or: "k\(i)"], attributes: ["label": f[i + 4, or: "n\(i)"], "tooltip": f[i + 1, or: ""], "URL": f[i + 2, or: "u"]])
        }
        graph.clusters = [DotGraph.Cluster(key: "c", attributes: ["label": f[2, or: "c"]], nodes: [nodes[0]])]
        graph.nodes = Array(nodes.dropFirst())
        graph.nodes.append(DotGraph.Node(key: "html", attributes: ["label": DotGraph.html("<b>" + DotGraph.escapeHTML(f[3, or: "h"]) + "</b>")]))
        graph.edges = [
            DotGraph.Edge(from: nodes[0].key, to: nodes[1].key, attributes: ["label": f[7, or: "e"]]),
            DotGraph.Edge(from: nodes[2].key, to: "html"), DotGraph.Edge(from: f[8, or: "x"], to: nodes[3].key),
        ]
        return graph
    }

    /// Checks one input; throws what it found wrong.
    public static func check(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        let fields = FuzzFields(bytes)
        try WellFormed.dot(graph(fields))

        if store == nil { store = try GraphStore() }
        guard let store else { return }
        let text = digest(fields)
        let reading = DigestReader().read(text: text, path: "2025-w07.zh-CN.md")
        if reading.notADigest != nil { return }
        _ = try store.write(reading, extraction: RuleExtractor().extract(reading), contentHash: "fuzz", extractorVersion: 1)
        defer { _ = try? store.remove(key: reading.key, language: reading.language) }
        try outputs(of: store)
    }

    /// Every output of `store`, read back.
    public static func outputs(of store: GraphStore) throws {
        let graph = try store.export()
        let nodes = graph.papers.count + graph.entities.count

        let json = try text { try GraphExport.stream(store, to: $0) }
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        try verify((object?["edges"] as? [Any])?.count == graph.edges.count, "json", "edge count differs from the store's")

        let graphml = try WellFormed.xml(text { try GraphMLWriter.write(store, to: $0) }, format: "graphml")
        try verify(graphml["node"] == nodes && graphml["edge", default: 0] == graph.edges.count, "graphml", "\(graphml) for \(nodes) nodes")
        let gexf = try WellFormed.xml(text { try GEXFWriter.write(store, to: $0) }, format: "gexf")
        try verify(gexf["node"] == nodes && gexf["edge", default: 0] == graph.edges.count, "gexf", "\(gexf) for \(nodes) nodes")

        var nodeRows = "", edgeRows = ""
        try CSVExport.write(store, nodes: { nodeRows += $0 }, edges: { edgeRows += $0 })
        try verify(try WellFormed.csv(nodeRows, columns: CSVExport.nodeColumns.count, format: "nodes.csv") == nodes + 1, "nodes.csv", "row count")
        try verify(try WellFormed.csv(edgeRows, columns: CSVExport.edgeColumns.count, format: "edges.csv") == graph.edges.count + 1, "edges.csv", "row count")

        let bib = try text { try BibTeXWriter.write(store, to: $0) }
        try verify(try WellFormed.bibtex(bib) == graph.papers.count, "bibtex", "entry count differs from the papers'")

        let builder = MapBuilder(store: store)
        /// A map, or nil when the graph has nothing to draw in it.
        func map(_ make: () throws -> GraphMap) throws -> GraphMap? {
            do { return try make() } catch RenderError.emptyGraph { return nil }
        }
        let lineage = try map { try builder.lineage() }
        var maps = [try map { try builder.topics(TopicMapOptions(minPapers: 1)) }, lineage]
        for paper in graph.papers { maps.append(try map { try builder.paper(paper.id) }) }
        for map in maps.compactMap({ $0 }) {
            try WellFormed.dot(map.graph)
            try WellFormed.mermaid(MermaidWriter.flowchart(map))
        }
        if let lineage {
            try WellFormed.xml(String(decoding: try GraphvizRenderer.shared.render(lineage.dot, format: .svg), as: UTF8.self), format: "svg")
        }

        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let vault = scratch.appendingPathComponent("vault")
        try ObsidianVault.write(store, to: vault)
        try notes(in: vault)
        let site = scratch.appendingPathComponent("site")
        _ = try SiteWriter(store: store).write(to: site.path)
        try pages(in: site)
    }

    static func text(_ body: ((String) throws -> Void) throws -> Void) throws -> String {
        var out = ""
        try body { out += $0 }
        return out
    }

    /// Every note of a vault sits inside it and opens with YAML front matter.
    static func notes(in vault: URL) throws {
        let root = vault.standardizedFileURL.path
        for case let url as URL in FileManager.default.enumerator(at: vault, includingPropertiesForKeys: nil) ?? .init() where url.pathExtension == "md" {
            try verify(url.standardizedFileURL.path.hasPrefix(root + "/"), "markdown", "\(url.path) is outside the vault")
            try WellFormed.frontMatter(try String(contentsOf: url, encoding: .utf8), path: url.lastPathComponent)
        }
    }

    /// The elements the site's pages and Graphviz's SVG are made of.
    static let siteTags: Set<String> = [
        "a", "b", "body", "button", "code", "details", "div", "ellipse", "figcaption", "figure", "g", "h1", "h2", "h3", "head", "header",
        "html", "input", "li", "link", "main", "meta", "nav", "ol", "p", "path", "polygon", "polyline", "q", "script", "small", "span",
        "summary", "svg", "text", "title", "ul", "defs", "image", "table", "tr", "td", "th", "thead", "tbody", "time", "section", "footer",
        "label", "form", "em", "strong", "br", "i", "abbr",
    ]

    /// Every element of every page is one the site makes, no attribute is an event handler,
    /// no link runs script, and every script a page loads is the site's own.
    static func pages(in site: URL) throws {
        for case let url as URL in FileManager.default.enumerator(at: site, includingPropertiesForKeys: nil) ?? .init() where url.pathExtension == "html" {
            let name = url.lastPathComponent
            for tag in try WellFormed.startTags(try String(contentsOf: url, encoding: .utf8), format: "html \(name)") {
                try verify(siteTags.contains(tag.name), "html", "\(name) has a <\(tag.name)> element")
                for (attribute, value) in tag.attributes {
                    try verify(!attribute.hasPrefix("on"), "html", "\(name) has an event-handler attribute \(attribute)")
                    if attribute == "href" || attribute == "src" || attribute == "xlink:href" {
                        let scheme = value.trimmingCharacters(in: .whitespaces).lowercased()
                        // The one data: URL is the site's empty icon.
                        try verify(!scheme.hasPrefix("javascript:") && (!scheme.hasPrefix("data:") || scheme == "data:,"), "html", "\(name) links to \(value)")
                    }
                }
                if tag.name == "script" {
                    let src = tag.attributes.count == 1 ? tag.attributes[0] : nil
                    try verify(
                        src?.name == "src" && src!.value.wholeMatch(of: /(\.\.\/)*assets\/[a-z-]+\.js/) != nil, "html",
                        "\(name) has a script that is not the site's")
                }
            }
        }
    }
}
