import Foundation

/// The search index the pages load: a script (not a JSON file, which browsers refuse to
/// fetch from `file://`) that sets `window.PAPERGRAPH_INDEX` to every paper's page, title,
/// short name, topic and latest summary, and every entity's page, name, kind, aliases and
/// paper count. Written row by row (no document tree in memory).
enum SiteSearch {
    /// Summary characters indexed per paper: the whole of nearly every summary (the corpus's
    /// average is about 2,300), while a huge one cannot bloat the script every search loads.
    static let summaryLimit = 4_000

    static func script(_ graph: SiteGraph) -> String {
        func quote(_ s: String?) -> String {
            // JSONText leaves U+2028 and U+2029 as they are: valid in JSON and, since ES2019, in JavaScript.
            s.map(JSONText.quote) ?? "null"
        }
        var out = "window.PAPERGRAPH_INDEX = {\"papers\":["
        for (i, id) in graph.papers.keys.sorted().enumerated() {
            let paper = graph.papers[id]!
            let summary = graph.entriesOfPaper[id]?.last?.summary ?? ""
            out += (i == 0 ? "" : ",") + "{\"u\":\(quote(SitePath.paper(id))),\"t\":\(quote(paper.title)),\"n\":\(quote(paper.name)),"
            out += "\"c\":\(quote(paper.topic)),\"s\":\(quote(String(summary.prefix(summaryLimit))))}"
        }
        out += "],\"entities\":["
        for (i, id) in graph.entities.keys.sorted().enumerated() {
            let entity = graph.entities[id]!
            let aliases = (graph.aliases[id] ?? []).map(JSONText.quote).joined(separator: ",")
            out += (i == 0 ? "" : ",") + "{\"u\":\(quote(SitePath.entity(id))),\"n\":\(quote(entity.name)),\"k\":\"\(entity.kind.rawValue)\","
            out += "\"a\":[\(aliases)],\"p\":\(graph.paperCounts[id] ?? 0)}"
        }
        return out + "]};\n"
    }
}
